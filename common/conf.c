/*
 * conf - values of the configuration files. See conf.h.
 */
#include "conf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum sl_status conf_string(char **field, const char *v)
{
    char *s = strdup(v);
    if (s == NULL)
        return SL_ENOMEM;
    free(*field);
    *field = s;
    return SL_OK;
}

enum sl_status conf_number(const char *name, const char *v, int base, unsigned long long min,
                           unsigned long long max, unsigned long long *out, char *err,
                           size_t errlen)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, base);
    if (!*v || *end || errno || v[0] == '-' || n < min || n > max) {
        snprintf(err, errlen, "%s: '%s' is not a%s number from %llu to %llu", name, v,
                 base == 8 ? "n octal" : "", min, max);
        return SL_EPARSE;
    }
    *out = n;
    return SL_OK;
}

enum sl_status conf_log(const char *v, enum log_target *t, char **file, char *err, size_t errlen)
{
    /* file:PATH must be absolute: a daemon works in / and reopens the file
     * on SIGHUP */
    const char *path = strncmp(v, "file:", 5) == 0 ? v + 5 : "";
    if (strncmp(v, "file:", 5) == 0 && path[0] != '/') {
        snprintf(err, errlen, "log: '%s': file: needs an absolute path", v);
        return SL_EPARSE;
    }
    if (strcmp(v, "syslog") == 0)
        *t = LOGTO_SYSLOG;
    else if (strcmp(v, "stderr") == 0)
        *t = LOGTO_STDERR;
    else if (path[0] == '/')
        *t = LOGTO_FILE;
    else {
        snprintf(err, errlen, "log: '%s' is none of syslog, stderr, file:PATH", v);
        return SL_EPARSE;
    }
    return conf_string(file, path);
}

enum sl_status conf_set(void *c, const struct conf_key *k, const char *v, char *err, size_t errlen)
{
    char *field = (char *)c + k->off;
    unsigned long long n;
    enum sl_status st;
    switch (k->kind) {
    case CONF_STRING:
        return conf_string((char **)(void *)field, v);
    case CONF_UNSIGNED:
    case CONF_OCTAL:
    case CONF_SIZE:
        st = conf_number(k->name, v, k->kind == CONF_OCTAL ? 8 : 10, k->min, k->max, &n, err,
                         errlen);
        if (st != SL_OK)
            return st;
        if (k->kind == CONF_SIZE)
            *(size_t *)(void *)field = (size_t)n;
        else
            *(unsigned *)(void *)field = (unsigned)n;
        return SL_OK;
    case CONF_LOG:
        return conf_log(v, (enum log_target *)(void *)field, (char **)(void *)((char *)c + k->file),
                        err, errlen);
    }
    return SL_EPARSE;
}

const struct conf_key *conf_find(const struct conf_key *keys, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(keys[i].name, name) == 0)
            return &keys[i];
    return NULL;
}

enum sl_status conf_set_name(void *c, const struct conf_key *keys, size_t n, conf_set_fn set,
                             const char *name, const char *v, char *err, size_t errlen)
{
    const struct conf_key *k = conf_find(keys, n, name);
    if (k != NULL)
        return (set ? set : conf_set)(c, k, v, err, errlen);
    snprintf(err, errlen, "unknown key '%s'", name);
    return SL_EPARSE;
}

enum sl_status conf_defaults(void *c, const struct conf_key *keys, size_t n, conf_set_fn set)
{
    char err[256];
    for (size_t i = 0; i < n; i++) {
        enum sl_status st = (set ? set : conf_set)(c, &keys[i], keys[i].def, err, sizeof err);
        if (st != SL_OK)
            return st;
    }
    return SL_OK;
}

enum sl_status conf_load(const char *path, void *c, enum sl_status st, kv_fn line,
                         enum sl_status (*finish)(void *c, char *err, size_t errlen), char *err,
                         size_t errlen)
{
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
    return st;
}

void conf_free(void *c, const struct conf_key *keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (keys[i].kind == CONF_STRING || keys[i].kind == CONF_LOG)
            free(*(char **)(void *)((char *)c +
                                    (keys[i].kind == CONF_LOG ? keys[i].file : keys[i].off)));
}
