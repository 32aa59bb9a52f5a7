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
#include "../store/sql.h"

#ifndef SLUIS_SYSCONFDIR
#define SLUIS_SYSCONFDIR "/etc"
#endif

#define OFF(f) offsetof(struct portal_config, f)

static const struct conf_key keys[] = {
    {"listen", CONF_STRING, OFF(listen), "127.0.0.1:8080", 0, 0, 0},
    {"url", CONF_STRING, OFF(url), "http://127.0.0.1:8080/p/", 0, 0, 0},
    {"tls_cert", CONF_STRING, OFF(tls_cert), "", 0, 0, 0},
    {"tls_key", CONF_STRING, OFF(tls_key), "", 0, 0, 0},
    {"trusted_proxy", CONF_STRING, OFF(trusted_proxy), "127.0.0.1", 0, 0, 0},
    {"portal_db", CONF_STRING, OFF(portal_db), "/var/lib/sluis/portal/portal.db", 0, 0, 0},
    {"portal_key", CONF_STRING, OFF(portal_key), SLUIS_SYSCONFDIR "/sluis/portal.key", 0, 0, 0},
    {"user", CONF_STRING, OFF(user), "", 0, 0, 0},
    {"organisation", CONF_STRING, OFF(organisation), "sluis", 0, 0, 0},
    {"logo", CONF_STRING, OFF(logo), "", 0, 0, 0},
    {"helpdesk", CONF_STRING, OFF(helpdesk), "", 0, 0, 0},
    {"language", CONF_STRING, OFF(language), "nl", 0, 0, 0},
    {"submission", CONF_STRING, OFF(submission), "127.0.0.1:10026", 0, 0, 0},
    {"notice_from", CONF_STRING, OFF(notice_from), "", 0, 0, 0},
    {"sms_url", CONF_STRING, OFF(sms_url), "", 0, 0, 0},
    {"sms_token_file", CONF_STRING, OFF(sms_token_file), "", 0, 0, 0},
    {"log", CONF_LOG, OFF(log), "syslog", 0, 0, OFF(log_file)},
    {"max_upload_bytes", CONF_SIZE, OFF(max_upload_bytes), "26214400", 1024, 1ULL << 30, 0},
    {"max_connections", CONF_UNSIGNED, OFF(max_connections), "256", 1, 10000, 0},
};

#define NKEYS (sizeof keys / sizeof keys[0])

/* finish - what follows from the keys, and what only makes sense together */
static enum sl_status finish(void *ctx, char *err, size_t errlen)
{
    struct portal_config *c = ctx;
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
    char why[400];
    if (sql_is_remote(c->portal_db) && !sql_address_check(c->portal_db, why, sizeof why)) {
        snprintf(err, errlen, "portal_db: %s", why);
        return SL_EPARSE;
    }
    return SL_OK;
}

enum sl_status portal_config_defaults(struct portal_config *c)
{
    char err[256];
    memset(c, 0, sizeof *c);
    enum sl_status st = conf_defaults(c, keys, NKEYS, NULL);
    if (st != SL_OK) {
        portal_config_free(c);
        return st;
    }
    return finish(c, err, sizeof err);
}

static enum sl_status line(void *ctx, const char *section, const char *key, const char *value,
                           char *err, size_t errlen)
{
    (void)section;
    /* store = ADDRESS: short for portal_db (the several programs' configs
     * can then name one database alike) */
    if (strcmp(key, "store") == 0) {
        if (!sql_store_key(value, err, errlen))
            return SL_EPARSE;
        key = "portal_db";
    }
    return conf_set_name(ctx, keys, NKEYS, NULL, key, value, err, errlen);
}

enum sl_status portal_config_load(const char *path, struct portal_config *c, char *err,
                                  size_t errlen)
{
    enum sl_status st = conf_load(path, c, portal_config_defaults(c), line, finish, err, errlen);
    if (st != SL_OK)
        portal_config_free(c);
    return st;
}

void portal_config_free(struct portal_config *c)
{
    conf_free(c, keys, NKEYS);
    memset(c, 0, sizeof *c);
}
