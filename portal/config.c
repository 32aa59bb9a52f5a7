/*
 * config - parse sluis-portal.conf. See config.h.
 *
 * One table names every key with its kind and default, as
 * sluis-milter.conf's does.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/conf.h"
#include "../common/kv.h"

#ifndef SLUIS_SYSCONFDIR
#define SLUIS_SYSCONFDIR "/etc"
#endif

enum kind { K_STRING, K_SIZE, K_UNSIGNED, K_LOG };

struct key {
    const char *name;
    enum kind kind;
    size_t off;
    const char *def;
    unsigned long long min, max;
};

#define OFF(f) offsetof(struct portal_config, f)

static const struct key keys[] = {
    {"listen", K_STRING, OFF(listen), "127.0.0.1:8080", 0, 0},
    {"url", K_STRING, OFF(url), "http://127.0.0.1:8080/p/", 0, 0},
    {"tls_cert", K_STRING, OFF(tls_cert), "", 0, 0},
    {"tls_key", K_STRING, OFF(tls_key), "", 0, 0},
    {"trusted_proxy", K_STRING, OFF(trusted_proxy), "127.0.0.1", 0, 0},
    {"portal_db", K_STRING, OFF(portal_db), "/var/lib/sluis/portal/portal.db", 0, 0},
    {"portal_key", K_STRING, OFF(portal_key), SLUIS_SYSCONFDIR "/sluis/portal.key", 0, 0},
    {"user", K_STRING, OFF(user), "", 0, 0},
    {"organisation", K_STRING, OFF(organisation), "sluis", 0, 0},
    {"logo", K_STRING, OFF(logo), "", 0, 0},
    {"helpdesk", K_STRING, OFF(helpdesk), "", 0, 0},
    {"language", K_STRING, OFF(language), "nl", 0, 0},
    {"submission", K_STRING, OFF(submission), "127.0.0.1:10026", 0, 0},
    {"notice_from", K_STRING, OFF(notice_from), "", 0, 0},
    {"sms_url", K_STRING, OFF(sms_url), "", 0, 0},
    {"sms_token_file", K_STRING, OFF(sms_token_file), "", 0, 0},
    {"log", K_LOG, 0, "syslog", 0, 0},
    {"max_upload_bytes", K_SIZE, OFF(max_upload_bytes), "26214400", 1024, 1ULL << 30},
    {"max_connections", K_UNSIGNED, OFF(max_connections), "256", 1, 10000},
};

static enum sl_status set_key(struct portal_config *c, const struct key *k, const char *v,
                              char *err, size_t errlen)
{
    char *field = (char *)c + k->off;
    unsigned long long n;
    enum sl_status st;
    switch (k->kind) {
    case K_STRING:
        return conf_string((char **)(void *)field, v);
    case K_SIZE:
    case K_UNSIGNED:
        st = conf_number(k->name, v, 10, k->min, k->max, &n, err, errlen);
        if (st != SL_OK)
            return st;
        if (k->kind == K_SIZE)
            *(size_t *)(void *)field = (size_t)n;
        else
            *(unsigned *)(void *)field = (unsigned)n;
        return SL_OK;
    case K_LOG:
        return conf_log(v, &c->log, &c->log_file, err, errlen);
    }
    return SL_EPARSE;
}

static enum sl_status set(struct portal_config *c, const char *name, const char *v, char *err,
                          size_t errlen)
{
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(keys[i].name, name) == 0)
            return set_key(c, &keys[i], v, err, errlen);
    snprintf(err, errlen, "unknown key '%s'", name);
    return SL_EPARSE;
}

/* finish - what follows from the keys, and what only makes sense together */
static enum sl_status finish(struct portal_config *c, char *err, size_t errlen)
{
    const char *u = c->url;
    size_t skip = strncmp(u, "https://", 8) == 0 ? 8 : strncmp(u, "http://", 7) == 0 ? 7 : 0;
    if (skip == 0) {
        snprintf(err, errlen, "url: '%s' is not an http(s) URL", u);
        return SL_EPARSE;
    }
    const char *path = strchr(u + skip, '/');
    size_t olen = path ? (size_t)(path - u) : strlen(u);
    if (path == NULL || strcmp(path, "/p/") != 0 || olen == skip || olen >= sizeof c->origin) {
        snprintf(err, errlen,
                 "url: '%s' must be the portal's base, ending in /p/ (as the "
                 "milter's portal_url)",
                 u);
        return SL_EPARSE;
    }
    memcpy(c->origin, u, olen);
    c->origin[olen] = '\0';
    c->https = skip == 8;
    if (!!c->tls_cert[0] != !!c->tls_key[0]) {
        snprintf(err, errlen, "tls_cert and tls_key: give both, or neither");
        return SL_EPARSE;
    }
    if (strcmp(c->language, "nl") != 0 && strcmp(c->language, "en") != 0 &&
        strcmp(c->language, "fr") != 0) {
        snprintf(err, errlen, "language: '%s' is none of nl, en, fr", c->language);
        return SL_EPARSE;
    }
    if (c->sms_url[0] && strncmp(c->sms_url, "https://", 8) != 0 &&
        strncmp(c->sms_url, "http://", 7) != 0) {
        snprintf(err, errlen, "sms_url: '%s' is not an http(s) URL", c->sms_url);
        return SL_EPARSE;
    }
    return SL_OK;
}

enum sl_status portal_config_defaults(struct portal_config *c)
{
    char err[256];
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        enum sl_status st = set_key(c, &keys[i], keys[i].def, err, sizeof err);
        if (st != SL_OK) {
            portal_config_free(c);
            return st;
        }
    }
    return finish(c, err, sizeof err);
}

static enum sl_status line(void *ctx, const char *section, const char *key, const char *value,
                           char *err, size_t errlen)
{
    (void)section;
    return set(ctx, key, value, err, errlen);
}

enum sl_status portal_config_load(const char *path, struct portal_config *c, char *err,
                                  size_t errlen)
{
    enum sl_status st = portal_config_defaults(c);
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
        portal_config_free(c);
    return st;
}

void portal_config_free(struct portal_config *c)
{
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (keys[i].kind == K_STRING)
            free(*(char **)(void *)((char *)c + keys[i].off));
    free(c->log_file);
    memset(c, 0, sizeof *c);
}
