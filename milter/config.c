/*
 * config - parse sluis-milter.conf. See config.h.
 *
 * One table names every key with its type, default and range (the shape
 * of Postfix's and OpenDKIM's configuration tables). The file is read
 * whole, at most 1 MiB; lines are "key = value", "#" starts a comment.
 * "limit.NAME = VALUE" sets a scanning limit (see sluis scan --limit).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/conf.h"
#include "../common/kv.h"
#include "../store/sql.h"

#ifndef SLUIS_RULES_DIR
#define SLUIS_RULES_DIR "/usr/share/sluis/rules"
#endif
#ifndef SLUIS_SYSCONFDIR
#define SLUIS_SYSCONFDIR "/etc" /* the Makefile's SYSCONFDIR */
#endif
#ifndef SLUIS_METRICS_STORE
#define SLUIS_METRICS_STORE                                                                        \
    "" /* the Makefile's: /var/lib/sluis/metrics/metrics.db when installed */
#endif

/* the milter's own kinds, beside common/conf.h's: K_ACTION's max is the
 * set of actions allowed, 1 << action */
enum kind { K_ACTION = CONF_OWN, K_LIST };

#define OFF(f) offsetof(struct milter_config, f)
#define A(x)   (1u << (x))

static const struct conf_key keys[] = {
    {"socket", CONF_STRING, OFF(socket), "unix:/var/spool/postfix/sluis/milter.sock", 0, 0, 0},
    {"socket_mode", CONF_OCTAL, OFF(socket_mode), "660", 0, 0777, 0},
    {"user", CONF_STRING, OFF(user), "", 0, 0, 0},
    {"socket_group", CONF_STRING, OFF(socket_group), "", 0, 0, 0},
    {"pidfile", CONF_STRING, OFF(pidfile), "", 0, 0, 0},
    {"log", CONF_LOG, OFF(log), "syslog", 0, 0, OFF(log_file)},
    /* libmilter's own default is 7,210 s: a stalled MTA side held a
     * thread for two hours */
    {"timeout", CONF_UNSIGNED, OFF(timeout), "360", 1, 3600, 0},
    {"max_connections", CONF_UNSIGNED, OFF(max_connections), "256", 1, 10000, 0},
    /* RFC 5321 4.5.3.1.8: a server must take at least 100 recipients */
    {"max_recipients", CONF_UNSIGNED, OFF(max_recipients), "1000", 100, 100000, 0},
    {"rules", CONF_STRING, OFF(rules), SLUIS_RULES_DIR, 0, 0, 0},
    {"worker", CONF_STRING, OFF(worker), "", 0, 0, 0},
    {"workers", CONF_UNSIGNED, OFF(workers), "4", 1, 64, 0},
    {"tmpdir", CONF_STRING, OFF(tmpdir), "/var/tmp", 0, 0, 0},
    {"memory_bytes", CONF_SIZE, OFF(memory_bytes), "1048576", 4096, 1ULL << 30, 0},
    {"max_message_bytes", CONF_SIZE, OFF(max_message_bytes), "67108864", 1024, 1ULL << 34, 0},
    {"oversize_action", K_ACTION, OFF(oversize_action), "reject", 0,
     A(ACTION_REJECT) | A(ACTION_TEMPFAIL) | A(ACTION_HOLD), 0},
    {"on_error", K_ACTION, OFF(error_action), "tempfail", 0, A(ACTION_TEMPFAIL) | A(ACTION_PASS),
     0},
    {"outgoing_daemons", K_LIST, OFF(outgoing_daemons), "", 0, 0, 0},
    {"portal_db", CONF_STRING, OFF(portal_db), "/var/lib/sluis/portal/portal.db", 0, 0, 0},
    {"portal_key", CONF_STRING, OFF(portal_key), SLUIS_SYSCONFDIR "/sluis/portal.key", 0, 0, 0},
    {"submission", CONF_STRING, OFF(submission), "127.0.0.1:10026", 0, 0, 0},
    {"portal_token_file", CONF_STRING, OFF(portal_token_file), "", 0, 0, 0},
    {"portal_ca_file", CONF_STRING, OFF(portal_ca_file), "", 0, 0, 0},
    /* metrics: on in the installed build, off in a checkout's (whose tests
     * and make run name a store of their own) */
    {"metrics_store", CONF_STRING, OFF(metrics_store), SLUIS_METRICS_STORE, 0, 0, 0},
    {"metrics_key", CONF_STRING, OFF(metrics_key), SLUIS_SYSCONFDIR "/sluis/metrics.key", 0, 0, 0},
    {"metrics_spill", CONF_STRING, OFF(metrics_spill), "", 0, 0, 0},
    {"metrics_queue", CONF_UNSIGNED, OFF(metrics_queue), "4096", 16, 1048576, 0},
    {"retention_months", CONF_UNSIGNED, OFF(retention_months), "24", 1, 1200, 0},
    {"tls_db", CONF_STRING, OFF(tls_db), "/var/lib/sluis/tls/tls.db", 0, 0, 0},
    {"tls_hosts", CONF_STRING, OFF(tls_hosts), "", 0, 0, 0},
    {"tls_ca_file", CONF_STRING, OFF(tls_ca_file), "/etc/ssl/certs/ca-certificates.crt", 0, 0, 0},
    {"tls_probe_helo", CONF_STRING, OFF(tls_probe_helo), "", 0, 0, 0},
    {"tls_probe_timeout", CONF_UNSIGNED, OFF(tls_probe_timeout), "10", 1, 120, 0},
    {"tls_probe_wait_ms", CONF_UNSIGNED, OFF(tls_probe_wait_ms), "2000", 0, 30000, 0},
    {"tls_refresh_hours", CONF_UNSIGNED, OFF(tls_refresh_hours), "24", 1, 8760, 0},
    {"tls_max_age_days", CONF_UNSIGNED, OFF(tls_max_age_days), "7", 1, 365, 0},
    {"tls_probe_budget", CONF_UNSIGNED, OFF(tls_probe_budget), "120", 1, 100000, 0},
    {"certs_db", CONF_STRING, OFF(certs_db), "/var/lib/sluis/certs/certs.db", 0, 0, 0},
    {"smime_ca_file", CONF_STRING, OFF(smime_ca_file), "/etc/ssl/certs/ca-certificates.crt", 0, 0,
     0},
    {"smime_cipher", CONF_STRING, OFF(smime_cipher), "aes-256-cbc", 0, 0, 0},
    {"smime_subject", CONF_STRING, OFF(smime_subject), "", 0, 0, 0}, /* "": the sender's */
    {"smime_archive_cert", CONF_STRING, OFF(smime_archive_cert), "", 0, 0, 0},
    {"smime_sign_cert", CONF_STRING, OFF(smime_sign_cert), "", 0, 0, 0},
    {"smime_sign_key", CONF_STRING, OFF(smime_sign_key), "", 0, 0, 0},
    {"reject_text", CONF_STRING, OFF(reject_text), "", 0, 0, 0}, /* "": the templates' */
    {"hold_reason", CONF_STRING, OFF(hold_reason), "sluis: health data to an external recipient", 0,
     0, 0},
};

#define NKEYS (sizeof keys / sizeof keys[0])

/* set_key - one key from its text; err gets the reason (without file:line) */
static enum sl_status set_key(void *ctx, const struct conf_key *k, const char *v, char *err,
                              size_t errlen)
{
    struct milter_config *c = ctx;
    switch (k->kind) {
    case K_ACTION: {
        enum action a;
        if (!decide_action_parse(v, &a) || !(k->max & A(a))) {
            snprintf(err, errlen, "%s: '%s' is not one of the actions allowed here", k->name, v);
            return SL_EPARSE;
        }
        *(enum action *)(void *)((char *)c + k->off) = a;
        return SL_OK;
    }
    case K_LIST:
        return kv_list_set(&c->outgoing_daemons, &c->ndaemons, v);
    }
    return conf_set(c, k, v, err, errlen);
}

/* set - "key = value" by name */
static enum sl_status set(struct milter_config *c, const char *name, const char *v, char *err,
                          size_t errlen)
{
    if (strncmp(name, "limit.", 6) == 0)
        return extract_limits_set(&c->limits, name + 6, v, err, errlen) == SL_OK ? SL_OK
                                                                                 : SL_EPARSE;
    const struct conf_key *k = conf_find(keys, NKEYS, name);
    if (k != NULL)
        return set_key(c, k, v, err, errlen);
    /* store = ADDRESS: short for portal_db and metrics_store, both there */
    if (strcmp(name, "store") == 0)
        return !sql_store_key(v, err, errlen) ? SL_EPARSE
               : set_key(c, conf_find(keys, NKEYS, "portal_db"), v, err, errlen) != SL_OK
                   ? SL_EPARSE
                   : set_key(c, conf_find(keys, NKEYS, "metrics_store"), v, err, errlen);
    if (strcmp(name, "policy") == 0)
        return policy_load_file(&c->policy, v, err, errlen);
    if (policy_is_key(name))
        return policy_set(&c->policy, name, v, err, errlen);
    snprintf(err, errlen, "unknown key '%s'", name);
    return SL_EPARSE;
}

/* finish - what follows from the keys */
static enum sl_status finish(void *ctx, char *err, size_t errlen)
{
    struct milter_config *c = ctx;
    c->outgoing_all = c->policy.norg == 0;
    bool remote = sql_is_remote(c->metrics_store);
    if (c->metrics_store[0] && c->metrics_store[0] != '/' && !remote) {
        snprintf(err, errlen,
                 "metrics_store: '%s' is not an absolute path, nor a postgresql:// address "
                 "(or empty: no metrics)",
                 c->metrics_store);
        return SL_EPARSE;
    }
    /* an address that can never work (a password in it, a passfile others
     * read) is the configuration's error, not a server that is away */
    char why[400];
    const char *const stores[][2] = {{"metrics_store", c->metrics_store},
                                     {"portal_db", c->portal_db}};
    for (size_t i = 0; i < sizeof stores / sizeof stores[0]; i++)
        if (sql_is_remote(stores[i][1]) && !sql_address_check(stores[i][1], why, sizeof why)) {
            snprintf(err, errlen, "%s: %s", stores[i][0], why);
            return SL_EPARSE;
        }
    if (remote && c->metrics_spill[0] == '\0') {
        /* a file beside the store is the default, and a database has no
         * "beside" */
        snprintf(err, errlen,
                 "metrics_spill: needed with a PostgreSQL metrics_store (a local file for the "
                 "events the database cannot take while it is away)");
        return SL_EPARSE;
    }
    if (c->metrics_store[0] &&
        (c->metrics_key[0] != '/' || (c->metrics_spill[0] && c->metrics_spill[0] != '/'))) {
        snprintf(err, errlen, "%s: not an absolute path",
                 c->metrics_key[0] != '/' ? "metrics_key" : "metrics_spill");
        return SL_EPARSE;
    }
    if (!smime_cipher_ok(c->smime_cipher)) {
        snprintf(err, errlen, "smime_cipher: '%s' is not aes-256-cbc or aes-256-gcm",
                 c->smime_cipher);
        return SL_EPARSE;
    }
    if ((c->smime_sign_cert[0] != '\0') != (c->smime_sign_key[0] != '\0')) {
        snprintf(err, errlen, "smime_sign_cert and smime_sign_key go together");
        return SL_EPARSE;
    }
    return policy_finish(&c->policy, err, errlen);
}

/* init_defaults - the embedded defaults, before finish: what finish
 * reads (the consumer list) is read once, after the file's lines, and its
 * error names the file */
static enum sl_status init_defaults(struct milter_config *c)
{
    memset(c, 0, sizeof *c);
    extract_limits_default(&c->limits);
    if (policy_defaults(&c->policy) != SL_OK)
        return SL_ENOMEM;
    enum sl_status st = conf_defaults(c, keys, NKEYS, set_key);
    if (st != SL_OK)
        config_free(c);
    return st;
}

enum sl_status config_defaults(struct milter_config *c, char *err, size_t errlen)
{
    char why[512];
    enum sl_status st = init_defaults(c);
    if (st == SL_OK && (st = finish(c, why, sizeof why)) != SL_OK)
        snprintf(err, errlen, "embedded defaults: %s", why);
    else if (st != SL_OK)
        snprintf(err, errlen, "embedded defaults: %s", sl_status_str(st));
    return st;
}

static enum sl_status config_line(void *ctx, const char *section, const char *key,
                                  const char *value, char *err, size_t errlen)
{
    (void)section; /* sections are refused by the parser */
    return set(ctx, key, value, err, errlen);
}

enum sl_status config_load(const char *path, struct milter_config *c, char *err, size_t errlen)
{
    enum sl_status st = conf_load(path, c, init_defaults(c), config_line, finish, err, errlen);
    if (st != SL_OK)
        config_free(c);
    return st;
}

const char *config_metrics_spill(const struct milter_config *c, char *buf, size_t len)
{
    if (c->metrics_spill[0]) {
        snprintf(buf, len, "%s", c->metrics_spill);
        return buf;
    }
    const char *slash = strrchr(c->metrics_store, '/');
    int dir = slash ? (int)(slash - c->metrics_store) : 0;
    snprintf(buf, len, "%.*s/metrics.spill", dir, c->metrics_store);
    return buf;
}

const char *config_socket_path(const char *spec)
{
    if (strncmp(spec, "unix:", 5) == 0)
        return spec + 5;
    if (strncmp(spec, "local:", 6) == 0)
        return spec + 6;
    if (spec[0] == '/')
        return spec;
    return NULL;
}

struct smime_setup config_smime_setup(const struct milter_config *c)
{
    return (struct smime_setup){c->certs_db,           c->smime_ca_file,   c->smime_cipher,
                                c->smime_archive_cert, c->smime_sign_cert, c->smime_sign_key};
}

struct route_setup config_route_setup(const struct milter_config *c, char *helo, size_t helolen,
                                      void (*note)(const char *line))
{
    if (c->tls_probe_helo[0])
        snprintf(helo, helolen, "%s", c->tls_probe_helo);
    else if (gethostname(helo, helolen) != 0 || helo[0] == '\0')
        snprintf(helo, helolen, "localhost");
    helo[helolen - 1] = '\0';
    return (struct route_setup){c->tls_db,
                                c->tls_hosts,
                                c->tls_ca_file,
                                helo,
                                c->tls_probe_timeout,
                                c->tls_probe_wait_ms,
                                c->tls_refresh_hours,
                                c->tls_max_age_days,
                                c->tls_probe_budget,
                                note};
}

bool config_is_key(const char *name)
{
    if (strncmp(name, "limit.", 6) == 0 || strcmp(name, "policy") == 0)
        return true;
    return conf_find(keys, NKEYS, name) != NULL;
}

void config_free(struct milter_config *c)
{
    conf_free(c, keys, NKEYS);
    kv_list_free(&c->outgoing_daemons, &c->ndaemons);
    policy_free(&c->policy);
    memset(c, 0, sizeof *c);
}
