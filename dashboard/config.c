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
#include "../web/http.h"

#ifndef SLUIS_SYSCONFDIR
#define SLUIS_SYSCONFDIR "/etc"
#endif

enum kind { K_STRING, K_UNSIGNED, K_LOG };

struct key {
    const char *name;
    enum kind kind;
    size_t off;
    const char *def;
    unsigned long long min, max;
};

#define OFF(f) offsetof(struct dash_config, f)

static const struct key keys[] = {
    {"listen", K_STRING, OFF(listen), "127.0.0.1:8081", 0, 0},
    {"origin", K_STRING, OFF(origin), "http://127.0.0.1:8081", 0, 0},
    {"metrics", K_STRING, OFF(metrics), "/var/lib/sluis/metrics.db", 0, 0},
    {"db", K_STRING, OFF(db), "/var/lib/sluis/dashboard/dashboard.db", 0, 0},
    {"key", K_STRING, OFF(key), SLUIS_SYSCONFDIR "/sluis/metrics.key", 0, 0},
    {"organisation", K_STRING, OFF(organisation), "sluis", 0, 0},
    {"language", K_STRING, OFF(language), "nl", 0, 0},
    {"tls_cert", K_STRING, OFF(tls_cert), "", 0, 0},
    {"tls_key", K_STRING, OFF(tls_key), "", 0, 0},
    {"trusted_proxy", K_STRING, OFF(trusted_proxy), "", 0, 0},
    {"user", K_STRING, OFF(user), "", 0, 0},
    {"log", K_LOG, 0, "syslog", 0, 0},
    {"session_minutes", K_UNSIGNED, OFF(session_minutes), "30", 1, 24 * 60},
    {"lockout_tries", K_UNSIGNED, OFF(lockout_tries), "5", 1, 100},
    {"lockout_minutes", K_UNSIGNED, OFF(lockout_minutes), "15", 1, 24 * 60},
    {"login_limit", K_UNSIGNED, OFF(login_limit), "20", 1, 10000},
};

static enum sl_status set_key(struct dash_config *c, const struct key *k, const char *v, char *err,
                              size_t errlen)
{
    char *field = (char *)c + k->off;
    unsigned long long n;
    enum sl_status st;
    enum log_target t;
    switch (k->kind) {
    case K_STRING:
        return conf_string((char **)(void *)field, v);
    case K_UNSIGNED:
        st = conf_number(k->name, v, 10, k->min, k->max, &n, err, errlen);
        if (st == SL_OK)
            *(unsigned *)(void *)field = (unsigned)n;
        return st;
    case K_LOG:
        st = conf_log(v, &t, &c->log_file, err, errlen);
        if (st == SL_OK)
            c->log = (int)t;
        return st;
    }
    return SL_EPARSE;
}

/* finish - what only makes sense together */
static enum sl_status finish(struct dash_config *c, char *err, size_t errlen)
{
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
    return SL_OK;
}

enum sl_status dash_config_defaults(struct dash_config *c)
{
    char err[256];
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        enum sl_status st = set_key(c, &keys[i], keys[i].def, err, sizeof err);
        if (st != SL_OK) {
            dash_config_free(c);
            return st;
        }
    }
    return finish(c, err, sizeof err);
}

static enum sl_status line(void *ctx, const char *section, const char *key, const char *value,
                           char *err, size_t errlen)
{
    (void)section;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(keys[i].name, key) == 0)
            return set_key(ctx, &keys[i], value, err, errlen);
    snprintf(err, errlen, "unknown key '%s'", key);
    return SL_EPARSE;
}

enum sl_status dash_config_load(const char *path, struct dash_config *c, char *err, size_t errlen)
{
    enum sl_status st = dash_config_defaults(c);
    if (st != SL_OK) {
        snprintf(err, errlen, "%s: %s", path, sl_status_str(st));
        return st;
    }
    st = kv_parse_file(path, false, line, c, err, errlen);
    if (st == SL_OK) {
        char why[512];
        st = finish(c, why, sizeof why);
        if (st != SL_OK)
            snprintf(err, errlen, "%s: %s", path, why);
    }
    if (st != SL_OK)
        dash_config_free(c);
    return st;
}

void dash_config_free(struct dash_config *c)
{
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (keys[i].kind == K_STRING)
            free(*(char **)(void *)((char *)c + keys[i].off));
    free(c->log_file);
    memset(c, 0, sizeof *c);
}
