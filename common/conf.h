/*
 * conf - what sluis-milter.conf, sluis-portal.conf and
 * sluis-dashboard.conf share: the kinds of value (strings, numbers in a
 * range, where log lines go), and the machinery over a program's table of
 * keys (defaults, one key by name, loading a file, freeing). Each program
 * keeps its own table and its own finish (what only makes sense
 * together). err gets the reason without file and line (the caller's
 * parser adds them).
 */
#ifndef SLUIS_CONF_H
#define SLUIS_CONF_H

#include <stddef.h>

#include "kv.h"
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

/* the kinds of key conf_set knows; a program's own kinds count from
 * CONF_OWN on, and it sets those itself */
enum conf_kind {
    CONF_STRING,   /* char *, a copy of the text (conf_free frees it) */
    CONF_UNSIGNED, /* unsigned, from min to max */
    CONF_OCTAL,    /* unsigned, octal, from min to max */
    CONF_SIZE,     /* size_t, from min to max */
    CONF_LOG,      /* enum log_target; the path of file:PATH goes to file */
    CONF_OWN,
};

/* conf_key - one key of a program's table: its name and kind, where its
 * field lies in the program's struct (offsetof), its default as the file
 * would say it, and for numbers their range (a program's own kind may use
 * min and max as it likes) */
struct conf_key {
    const char *name;
    int kind; /* enum conf_kind, or the program's own */
    size_t off;
    const char *def;
    unsigned long long min, max;
    size_t file; /* CONF_LOG: offsetof the char * of file:PATH */
};

/* conf_set_fn - set one key of c from the text v */
typedef enum sl_status (*conf_set_fn)(void *c, const struct conf_key *k, const char *v, char *err,
                                      size_t errlen);

/* conf_set - a key of conf_set's kinds (SL_EPARSE for any other) */
enum sl_status conf_set(void *c, const struct conf_key *k, const char *v, char *err, size_t errlen);

/* conf_find - the key of the table named name, or NULL */
const struct conf_key *conf_find(const struct conf_key *keys, size_t n, const char *name);

/* conf_set_name - the key named name by set (conf_set when NULL); "unknown
 * key 'name'" when the table has none */
enum sl_status conf_set_name(void *c, const struct conf_key *keys, size_t n, conf_set_fn set,
                             const char *name, const char *v, char *err, size_t errlen);

/* conf_defaults - every key of the table from its default by set
 * (conf_set when NULL); c is as the caller left it (zeroed) */
enum sl_status conf_defaults(void *c, const struct conf_key *keys, size_t n, conf_set_fn set);

/* conf_load - the file at path over c, whose defaults came out as st
 * (not SL_OK: err is "path: status" and c is left to the caller): every
 * line to line (kv_parse_file, no sections), then finish; on error err
 * is "path:line: why" or "path: why". The caller frees c on error. */
enum sl_status conf_load(const char *path, void *c, enum sl_status st, kv_fn line,
                         enum sl_status (*finish)(void *c, char *err, size_t errlen), char *err,
                         size_t errlen);

/* conf_free - the strings of the table's CONF_STRING and CONF_LOG keys */
void conf_free(void *c, const struct conf_key *keys, size_t n);

#endif
