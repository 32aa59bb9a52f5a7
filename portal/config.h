/*
 * config - sluis-portal's configuration: one file of "key = value" lines
 * over embedded defaults, so the portal starts without one (see
 * sluis-portal(8)). Errors name the file and line; unknown keys and bad
 * values are errors, never ignored. Immutable once loaded.
 */
#ifndef SLUIS_PORTAL_CONFIG_H
#define SLUIS_PORTAL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/status.h"
#include "../common/conf.h" /* enum log_target */

struct portal_config {
    char *listen;     /* HOST:PORT; port 0 takes a free one */
    char *url;        /* the public base the notices link to, ending in /p/ */
    char origin[256]; /* scheme://host[:port] of url: what a POST's Origin must be */
    bool https;       /* url is https: Secure cookies, HSTS */
    char *tls_cert;   /* serve HTTPS itself with these PEM files ("" plain HTTP) */
    char *tls_key;
    char *trusted_proxy;  /* a peer at this address names the client in X-Forwarded-For */
    char *portal_db;      /* the store, shared with sluis-milter */
    char *portal_key;     /* its master key */
    char *user;           /* drop to this user when started as root ("" stay) */
    char *organisation;   /* shown on every page */
    char *logo;           /* a PNG or SVG file ("" none) */
    char *helpdesk;       /* a phone number or address to ask for help ("" none) */
    char *language;       /* nl, en, fr: the pages' default */
    char *submission;     /* SMTP submission for one-time codes and replies */
    char *notice_from;    /* From of the code mails ("" beveiligd@ the sender's domain) */
    char *sms_url;        /* the SMS gateway ("" none: sms recipients cannot get a code) */
    char *sms_token_file; /* its bearer token */
    enum log_target log;
    char *log_file;          /* the path of log = file:PATH */
    size_t max_upload_bytes; /* a reply's attachments together */
    unsigned max_connections;
};

/* portal_config_defaults - the embedded defaults (portal_config_free after) */
enum sl_status portal_config_defaults(struct portal_config *c);

/* portal_config_load - defaults, then the file at path over them; on error
 * err holds "path:line: why" and c is freed */
enum sl_status portal_config_load(const char *path, struct portal_config *c, char *err,
                                  size_t errlen);

void portal_config_free(struct portal_config *c);

#endif
