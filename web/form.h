/*
 * form - query strings and request bodies into checked fields:
 * application/x-www-form-urlencoded (WHATWG URL, section 5.1) and
 * multipart/form-data (RFC 7578, with the HTML standard's encoding of names),
 * each value then checked against its declared struct web_field.
 *
 * Used by web/http.c and the tests; knows nothing of libmicrohttpd. A struct
 * form owns the decoded values; file bytes are borrowed from the body given
 * to form_parse(), which must outlive the form (the parser writes a NUL after
 * each file's bytes, over the CR of the delimiter that follows it). Not
 * thread-safe per form.
 *
 * Limits: WEB_VALUES_MAX values, WEB_FILES_MAX files, FORM_PART_HEADERS bytes
 * of headers per part, WEB_FILENAME_MAX bytes of a file name; over any of
 * them the input is refused, never cut.
 */
#ifndef SLUIS_FORM_H
#define SLUIS_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "http.h"

#define FORM_PART_HEADERS 4096
#define FORM_NAME_MAX     64 /* bytes of a field's name */

enum form_status {
    FORM_OK,
    FORM_BAD,   /* malformed, undeclared, too long, bad bytes: 400 */
    FORM_MEDIA, /* a body of a content type that is not a form: 415 */
    FORM_NOMEM, /* an allocation failed */
};

struct form_value {
    const char *name;  /* NUL-terminated */
    const char *value; /* NUL-terminated; len is authoritative */
    size_t len;
};

struct form_chunk; /* the form's memory */

struct form {
    struct form_value value[WEB_VALUES_MAX];
    size_t nvalues;
    struct web_file file[WEB_FILES_MAX];
    size_t nfiles;
    const char *why;           /* a static reason for the last refusal (no data in it) */
    struct form_chunk *chunks; /* private */
};

/* form_urlencoded - add the name=value pairs of s (len bytes, borrowed):
 * '+' is a space, %XX a byte; a bad %, %00 or a NUL byte is FORM_BAD */
enum form_status form_urlencoded(struct form *f, const char *s, size_t len);

/* form_parse - add the fields of a body of the given Content-Type (NULL if
 * none; an empty body needs none): urlencoded or multipart/form-data, else
 * FORM_MEDIA. body is borrowed and written into (see above). */
enum form_status form_parse(struct form *f, const char *content_type, char *body, size_t len);

/* form_check - every value and file is declared in fields (or extra), of its
 * type, within its bounds, and given once (files excepted); FORM_BAD
 * (with f->why) otherwise */
enum form_status form_check(struct form *f, const struct web_field *fields, size_t nfields,
                            const struct web_field *extra, size_t nextra);

/* form_field_valid - value (len bytes) is a valid one of type (bounds aside) */
bool form_field_valid(enum web_field_type type, const char *value, size_t len);

/* form_get - the value called name, or NULL */
const char *form_get(const struct form *f, const char *name, size_t *len);

/* form_free - release the values; the form is empty and reusable after */
void form_free(struct form *f);

#endif
