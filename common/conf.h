/*
 * conf - the kinds of value that sluis-milter.conf and sluis-portal.conf
 * share: strings, numbers in a range, and where log lines go. Each
 * program keeps its own table of keys; these read one value for it. err
 * gets the reason without file and line (the caller's parser adds them).
 */
#ifndef SLUIS_CONF_H
#define SLUIS_CONF_H

#include <stddef.h>

#include "status.h"

/* where log lines go: syslog (facility mail), standard error, or a file of
 * the program's own (log = file:PATH) */
enum log_target { LOGTO_SYSLOG, LOGTO_STDERR, LOGTO_FILE };

/* conf_string - *field becomes a copy of v (the old one freed) */
enum sl_status conf_string(char **field, const char *v);

/* conf_number - v as a number in base (10, or 8) from min to max into
 * *out; SL_EPARSE "name: 'v' is not a number from min to max" otherwise */
enum sl_status conf_number(const char *name, const char *v, int base, unsigned long long min,
                           unsigned long long max, unsigned long long *out, char *err,
                           size_t errlen);

/* conf_log - "syslog", "stderr" or "file:/absolute/path" into *t and
 * *file (the path, or "" for the others; the old one freed) */
enum sl_status conf_log(const char *v, enum log_target *t, char **file, char *err, size_t errlen);

#endif
