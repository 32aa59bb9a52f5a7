/*
 * config - parse sluis-dashboard.conf. See config.h and
 * sluis-dashboard(8). One table names every key with its kind and default,
 * as sluis-portal.conf's does.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/conf.h"
#include "../common/kv.h"
#include "../store/sql.h"
#include "../web/http.h"

#ifndef SLUIS_SYSCONFDIR
#define SLUIS_SYSCONFDIR "/etc"
#endif

#define OFF(f) offsetof(struct dash_config, f)

static const struct conf_key keys[] = {
    {"listen", CONF_STRING, OFF(listen), "127.0.0.1:8081", 0, 0, 0},
    {"origin", CONF_STRING, OFF(origin), "http://127.0.0.1:8081", 0, 0, 0},
    {"metrics", CONF_STRING, OFF(metrics), "/var/lib/sluis/metrics/metrics.db", 0, 0, 0},
    {"db", CONF_STRING, OFF(db), "/var/lib/sluis/dashboard/dashboard.db", 0, 0, 0},
    {"key", CONF_STRING, OFF(key), SLUIS_SYSCONFDIR "/sluis/metrics.key", 0, 0, 0},
    {"organisation", CONF_STRING, OFF(organisation), "sluis", 0, 0, 0},
    {"language", CONF_STRING, OFF(language), "nl", 0, 0, 0},
    {"tls_cert", CONF_STRING, OFF(tls_cert), "", 0, 0, 0},
    {"tls_key", CONF_STRING, OFF(tls_key), "", 0, 0, 0},
    {"trusted_proxy", CONF_STRING, OFF(trusted_proxy), "", 0, 0, 0},
    {"user", CONF_STRING, OFF(user), "", 0, 0, 0},
    {"log", CONF_LOG, OFF(log), "syslog", 0, 0, OFF(log_file)},
    {"session_minutes", CONF_UNSIGNED, OFF(session_minutes), "30", 1, 24 * 60, 0},
    {"lockout_tries", CONF_UNSIGNED, OFF(lockout_tries), "5", 1, 100, 0},
    {"lockout_minutes", CONF_UNSIGNED, OFF(lockout_minutes), "15", 1, 24 * 60, 0},
    {"login_limit", CONF_UNSIGNED, OFF(login_limit), "20", 1, 10000, 0},
};

#define NKEYS (sizeof keys / sizeof keys[0])

/* finish - what only makes sense together */
static enum sl_status finish(void *ctx, char *err, size_t errlen)
{
    struct dash_config *c = ctx;
    char o[256];
    if (web_origin(c->origin, o, sizeof o) != SL_OK || strcmp(o, c->origin) != 0) {
        snprintf(err, errlen,
                 "origin: '%s' is not an origin such as http://127.0.0.1:8081 (scheme and "
                 "host in lower case, no path)",
                 c->origin);
        return SL_EPARSE;
    }
    c->https = strncmp(c->origin, "https://", 8) == 0;
    if (!!c->tls_cert[0] != !!c->tls_key[0]) {
        snprintf(err, errlen, "tls_cert and tls_key: give both, or neither");
        return SL_EPARSE;
    }
    enum dash_lang l;
    if (!dash_lang_parse(c->language, &l)) {
        snprintf(err, errlen, "language: '%s' is none of nl, en, fr", c->language);
        return SL_EPARSE;
    }
    if (!c->db[0] || !c->metrics[0]) {
        snprintf(err, errlen, "db and metrics: a path each");
        return SL_EPARSE;
    }
    /* an address that can never work (a password in it, a passfile others
     * read) is the configuration's error, not a store that is not there yet */
    char why[400];
    for (int i = 0; i < 2; i++) {
        const char *v = i ? c->metrics : c->db;
        if (sql_is_remote(v) && !sql_address_check(v, why, sizeof why)) {
            snprintf(err, errlen, "%s: %s", i ? "metrics" : "db", why);
            return SL_EPARSE;
        }
    }
    return SL_OK;
}

enum sl_status dash_config_defaults(struct dash_config *c)
{
    char err[256];
    memset(c, 0, sizeof *c);
    enum sl_status st = conf_defaults(c, keys, NKEYS, NULL);
    if (st != SL_OK) {
        dash_config_free(c);
        return st;
    }
    return finish(c, err, sizeof err);
}

static enum sl_status line(void *ctx, const char *section, const char *key, const char *value,
                           char *err, size_t errlen)
{
    (void)section;
    /* store = ADDRESS: short for db and metrics, both there */
    if (strcmp(key, "store") == 0)
        return !sql_store_key(value, err, errlen) ? SL_EPARSE
               : conf_set_name(ctx, keys, NKEYS, NULL, "db", value, err, errlen) != SL_OK
                   ? SL_EPARSE
                   : conf_set_name(ctx, keys, NKEYS, NULL, "metrics", value, err, errlen);
    return conf_set_name(ctx, keys, NKEYS, NULL, key, value, err, errlen);
}

enum sl_status dash_config_load(const char *path, struct dash_config *c, char *err, size_t errlen)
{
    enum sl_status st = conf_load(path, c, dash_config_defaults(c), line, finish, err, errlen);
    if (st != SL_OK)
        dash_config_free(c);
    return st;
}

void dash_config_free(struct dash_config *c)
{
    conf_free(c, keys, NKEYS);
    memset(c, 0, sizeof *c);
}
