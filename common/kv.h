/*
 * kv - the configuration file syntax every sluis file shares: lines of
 * "key = value", "#" starting a comment, and (where the caller allows)
 * sections "[kind name]" that scope the keys after them.
 *
 * The parser owns nothing the callback keeps: key, value and section point
 * into a buffer that lives only during the call. Errors read
 * "path:line: why", the why coming from the callback or the parser. Files
 * are read whole, at most KV_MAX_FILE bytes.
 */
#ifndef SLUIS_KV_H
#define SLUIS_KV_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

#define KV_MAX_FILE (1u << 20)

/* kv_fn - one "key = value" line. section is "" before any section header,
 * else the text between the brackets, trimmed ("department GGZ"). A
 * section's header line itself comes with key and value NULL, so that the
 * callback can check it. Return SL_OK, or a status with the reason
 * (without path:line) in err. */
typedef enum sl_status (*kv_fn)(void *ctx, const char *section, const char *key, const char *value,
                                char *err, size_t errlen);

/* kv_parse_file - call fn for every line of the file at path. sections:
 * whether "[...]" lines are allowed. Stops at the first error: SL_EIO when
 * the file cannot be read, SL_EPARSE (or fn's status) otherwise, with
 * "path:line: why" in err. */
enum sl_status kv_parse_file(const char *path, bool sections, kv_fn fn, void *ctx, char *err,
                             size_t errlen);

/* kv_line_fn - one trimmed, uncommented, non-empty line (writable, lives
 * during the call); the reason of an error in why */
typedef enum sl_status (*kv_line_fn)(void *ctx, char *line, char *why, size_t whylen);

/* kv_each_line - call fn for every line of the file at path that holds
 * more than blanks and a comment; errors "path:line: why" in err, SL_EIO
 * when the file cannot be read */
enum sl_status kv_each_line(const char *path, kv_line_fn fn, void *ctx, char *err, size_t errlen);

/* kv_list_set - replace *list (n entries, each malloc'd) with the words of
 * value, split at blanks and commas. SL_ENOMEM leaves *list empty. */
enum sl_status kv_list_set(char ***list, size_t *n, const char *value);

/* kv_list_add - append the words of value to *list */
enum sl_status kv_list_add(char ***list, size_t *n, const char *value);

/* kv_list_free - free the entries and the array; *list NULL, *n 0 after */
void kv_list_free(char ***list, size_t *n);

/* kv_trim - strip leading and trailing blanks in place; returns the start */
char *kv_trim(char *s);

#endif
