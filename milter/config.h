/*
 * config - sluis-milter's configuration: one file of "key = value" lines,
 * over embedded defaults, so the milter starts without one.
 *
 * Errors name the file and line ("sluis-milter.conf:12: unknown key
 * 'sokcet'"); unknown keys and bad values are errors, never ignored. A
 * config is immutable once loaded; config_free() releases it.
 */
#ifndef SLUIS_CONFIG_H
#define SLUIS_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/conf.h" /* enum log_target */
#include "../common/status.h"
#include "../extract/extract.h"
#include "../policy/decide.h"
#include "../route/route.h"
#include "../smime/smime.h"

struct milter_config {
    char *socket;         /* libmilter spec: unix:/path, local:/path, inet:port@host, inet6:... */
    unsigned socket_mode; /* of a unix socket */
    char *user;           /* drop to this user after binding; "" keeps the current one */
    char *socket_group;   /* group of a unix socket; "" the user's primary group */
    char *pidfile;        /* "" for none */
    enum log_target log;
    char *log_file;           /* the absolute path of log = file:PATH; "" otherwise */
    unsigned timeout;         /* seconds libmilter waits on the MTA (smfi_settimeout; at start) */
    unsigned max_connections; /* more at once get a temporary failure at connect */
    unsigned max_recipients;  /* more in one message get 452 4.5.3 each */
    char *rules;              /* rule pack folder */
    char *worker;             /* extraction worker; "" beside the program */
    unsigned workers;         /* extraction workers */
    char *tmpdir;             /* where large messages spill */
    size_t memory_bytes;      /* a message larger than this goes to a 0600 file */
    size_t max_message_bytes; /* a larger one gets oversize_action */
    enum action oversize_action;
    enum action error_action; /* on an internal error: tempfail, or pass if a site insists */
    bool outgoing_all;        /* no organisation domains: treat every sender as outgoing */
    char **outgoing_daemons;  /* Postfix services ({daemon_name}) whose mail is outgoing */
    size_t ndaemons;
    struct policy policy;       /* its keys may stand here, or in a file named by "policy" */
    char *portal_db;            /* the built-in portal store: a file, or a postgresql:// address */
    char *portal_key;           /* its master key, a 0600 file */
    char *submission;           /* where notices and split-off copies go in (no milter) */
    char *portal_token_file;    /* the external portal's bearer token ("" none) */
    char *portal_ca_file;       /* CAs for an https portal ("" the system's) */
    char *metrics_store;        /* the events: a file, or a postgresql:// address; "" no metrics */
    char *metrics_key;          /* the sender pseudonyms' key, a 0600 file */
    char *metrics_spill;        /* events the store cannot take yet; "" beside a file store */
    unsigned metrics_queue;     /* events waiting for the writer */
    unsigned retention_months;  /* events older than this are deleted, daily */
    char *tls_db;               /* recipient domains' TLS records (route/) */
    char *tls_hosts;            /* replaces DNS for the probe, for its names ("" none) */
    char *tls_ca_file;          /* the CAs mail servers' certificates must chain to */
    char *tls_probe_helo;       /* the probe's EHLO name ("" the host's name) */
    unsigned tls_probe_timeout; /* seconds, per step of a probe */
    unsigned tls_probe_wait_ms; /* what a message waits for a domain's first probe */
    unsigned tls_refresh_hours; /* a record older than this is probed again */
    unsigned tls_max_age_days;  /* a record older than this no longer counts */
    unsigned tls_probe_budget;  /* probes an hour */
    char *certs_db;             /* the recipients' S/MIME certificates (sluis certs) */
    char *smime_ca_file;        /* the CAs their certificates must chain to */
    char *smime_cipher;         /* aes-256-cbc (EnvelopedData) or aes-256-gcm (AuthEnveloped) */
    char *smime_subject;        /* put in the Subject's place ("" keep the sender's) */
    char *smime_archive_cert;   /* every encrypted message is also encrypted to it ("" none) */
    char *smime_sign_cert;      /* sign before encrypting ("" not) */
    char *smime_sign_key;
    char *reject_text; /* shown to the sender */
    char *hold_reason;
    struct extract_limits limits;
};

/* config_defaults - the embedded defaults into c (caller frees with
 * config_free); on error err says why ("embedded defaults: ...") */
enum sl_status config_defaults(struct milter_config *c, char *err, size_t errlen);

/* config_load - defaults, then the file at path over them. On SL_EPARSE or
 * SL_EIO err holds "path:line: why". c is freed on error. */
enum sl_status config_load(const char *path, struct milter_config *c, char *err, size_t errlen);

void config_free(struct milter_config *c);

/* config_metrics_spill - the spill file: metrics_spill, or metrics.spill
 * beside metrics_store when that is empty (into buf) */
const char *config_metrics_spill(const struct milter_config *c, char *buf, size_t len);

/* config_socket_path - the file of a unix socket spec (unix:PATH,
 * local:PATH or a bare /PATH), pointing into spec; NULL for inet sockets */
const char *config_socket_path(const char *spec);

/* config_smime_setup - c's S/MIME keys as smime_new takes them (borrowed) */
struct smime_setup config_smime_setup(const struct milter_config *c);

/* config_route_setup - c's tls_* keys as route_start takes them
 * (borrowed); helo (helolen bytes) gets the probe's EHLO name:
 * tls_probe_helo, else the host's name. note as route.h says. */
struct route_setup config_route_setup(const struct milter_config *c, char *helo, size_t helolen,
                                      void (*note)(const char *line));

/* config_is_key - is name one of sluis-milter.conf's own keys (socket,
 * user, limit.NAME, policy, ...), as opposed to the policy keys that may
 * stand in it too? For `sluis policy check`, which reads either file. */
bool config_is_key(const char *name);

#endif
