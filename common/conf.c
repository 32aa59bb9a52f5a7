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
