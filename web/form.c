/*
 * form - query strings and form bodies into checked fields. See form.h.
 *
 * Untrusted input throughout: every read is bounded by the length given,
 * nothing assumes a NUL in the input, and every count is capped (form.h).
 */
#include "form.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"

struct form_chunk {
    struct form_chunk *next;
    char data[];
};

/* form_alloc - len bytes owned by the form, NULL when out of memory */
static char *form_alloc(struct form *f, size_t len)
{
    struct form_chunk *c = malloc(sizeof *c + len);
    if (c == NULL)
        return NULL;
    c->next = f->chunks;
    f->chunks = c;
    return c->data;
}

static enum form_status bad(struct form *f, const char *why)
{
    f->why = why;
    return FORM_BAD;
}

void form_free(struct form *f)
{
    struct form_chunk *c = f->chunks;
    while (c != NULL) {
        struct form_chunk *next = c->next;
        free(c);
        c = next;
    }
    memset(f, 0, sizeof *f);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* decode - percent-decode s (len bytes) into a new NUL-terminated string */
static enum form_status decode(struct form *f, const char *s, size_t len, char **out,
                               size_t *outlen)
{
    char *d = form_alloc(f, len + 1);
    size_t n = 0;

    if (d == NULL)
        return FORM_NOMEM;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '+') {
            c = ' ';
        } else if (c == '%') {
            int hi = len - i >= 3 ? hexval(s[i + 1]) : -1;
            int lo = len - i >= 3 ? hexval(s[i + 2]) : -1;
            if (hi < 0 || lo < 0)
                return bad(f, "a % not followed by two hex digits");
            c = (char)(hi << 4 | lo);
            if (c == '\0')
                return bad(f, "%00");
            i += 2;
        } else if (c == '\0') {
            return bad(f, "a NUL byte");
        }
        d[n++] = c;
    }
    d[n] = '\0';
    *out = d;
    *outlen = n;
    return FORM_OK;
}

static enum form_status add_value(struct form *f, const char *name, const char *value, size_t len)
{
    if (f->nvalues >= WEB_VALUES_MAX)
        return bad(f, "too many fields");
    f->value[f->nvalues].name = name;
    f->value[f->nvalues].value = value;
    f->value[f->nvalues].len = len;
    f->nvalues++;
    return FORM_OK;
}

enum form_status form_urlencoded(struct form *f, const char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        const char *amp = memchr(s + i, '&', len - i);
        size_t end = amp ? (size_t)(amp - s) : len;
        if (end > i) { /* "a=1&&b=2": an empty pair is nothing */
            const char *eq = memchr(s + i, '=', end - i);
            size_t name_end = eq ? (size_t)(eq - s) : end;
            size_t value_start = eq ? name_end + 1 : end;
            char *name, *value;
            size_t name_len, value_len;
            enum form_status st = decode(f, s + i, name_end - i, &name, &name_len);
            if (st != FORM_OK)
                return st;
            st = decode(f, s + value_start, end - value_start, &value, &value_len);
            if (st != FORM_OK)
                return st;
            if (name_len == 0 || name_len > FORM_NAME_MAX)
                return bad(f, "a field name empty or too long");
            st = add_value(f, name, value, value_len);
            if (st != FORM_OK)
                return st;
        }
        i = end + 1;
    }
    return FORM_OK;
}

/* ---- Content-Type and Content-Disposition: token; param=value; ... ---- */

static bool is_tchar(unsigned char c)
{
    /* RFC 9110, section 5.6.2 */
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           (c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

static size_t skip_ows(const char *s, size_t i, size_t len)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* one parameter of a header value */
struct param {
    const char *name;
    size_t name_len;
    const char *value; /* inside the header, unquoted */
    size_t value_len;
};

#define PARAMS_MAX 8

/*
 * parse_params - split "type; a=b; c="d"" (len bytes) into its first token
 * and its parameters. Quoted strings end at the next quote: browsers encode
 * a quote in a name as %22 and use no backslash escapes (HTML standard,
 * "multipart/form-data encoding algorithm"). false if malformed.
 */
static bool parse_params(const char *s, size_t len, const char **type, size_t *type_len,
                         struct param *p, size_t *np)
{
    size_t i = skip_ows(s, 0, len);
    size_t start = i;

    while (i < len && (is_tchar((unsigned char)s[i]) || s[i] == '/'))
        i++;
    if (i == start)
        return false;
    *type = s + start;
    *type_len = i - start;
    *np = 0;
    for (;;) {
        i = skip_ows(s, i, len);
        if (i == len)
            return true;
        if (s[i] != ';')
            return false;
        i = skip_ows(s, i + 1, len);
        if (i == len)
            return true; /* a trailing ';' */
        start = i;
        while (i < len && is_tchar((unsigned char)s[i]))
            i++;
        if (i == start || i == len || s[i] != '=' || *np == PARAMS_MAX)
            return false;
        p[*np].name = s + start;
        p[*np].name_len = i - start;
        i++;
        if (i < len && s[i] == '"') {
            const char *q = memchr(s + i + 1, '"', len - i - 1);
            if (q == NULL)
                return false;
            p[*np].value = s + i + 1;
            p[*np].value_len = (size_t)(q - (s + i + 1));
            i = (size_t)(q - s) + 1;
        } else {
            start = i;
            while (i < len && is_tchar((unsigned char)s[i]))
                i++;
            p[*np].value = s + start;
            p[*np].value_len = i - start;
        }
        for (size_t k = 0; k < *np; k++)
            if (p[k].name_len == p[*np].name_len &&
                strncasecmp(p[k].name, p[*np].name, p[k].name_len) == 0)
                return false; /* the same parameter twice */
        (*np)++;
    }
}

static bool word_is(const char *s, size_t len, const char *word)
{
    return len == strlen(word) && strncasecmp(s, word, len) == 0;
}

static const struct param *param_get(const struct param *p, size_t np, const char *name)
{
    for (size_t i = 0; i < np; i++)
        if (word_is(p[i].name, p[i].name_len, name))
            return &p[i];
    return NULL;
}

/* ---- multipart/form-data ---- */

/* a part's headers, as far as a form needs them */
struct part {
    const char *name; /* NULL until seen */
    size_t name_len;
    const char *filename; /* NULL: not a file */
    size_t filename_len;
    const char *type;
    size_t type_len;
};

static enum form_status part_headers(struct form *f, const char *s, size_t len, struct part *part)
{
    size_t i = 0;
    bool seen_disposition = false;

    memset(part, 0, sizeof *part);
    while (i < len) {
        const char *crlf = memmem(s + i, len - i, "\r\n", 2);
        size_t end = crlf ? (size_t)(crlf - s) : len;
        const char *line = s + i;
        size_t line_len = end - i;
        const char *colon = memchr(line, ':', line_len);
        size_t name_len = colon ? (size_t)(colon - line) : 0;

        for (size_t k = 0; k < line_len; k++)
            if ((unsigned char)line[k] < 0x20 && line[k] != '\t')
                return bad(f, "a control character in a part's header");
        if (line_len == 0 || line[0] == ' ' || line[0] == '\t' || colon == NULL || name_len == 0)
            return bad(f, "a malformed part header");
        for (size_t k = 0; k < name_len; k++)
            if (!is_tchar((unsigned char)line[k]))
                return bad(f, "a malformed part header");
        const char *value = colon + 1;
        size_t value_len = line_len - name_len - 1;
        const char *token;
        size_t token_len, np;
        struct param p[PARAMS_MAX];

        if (word_is(line, name_len, "Content-Disposition")) {
            if (seen_disposition)
                return bad(f, "two Content-Disposition headers in a part");
            seen_disposition = true;
            if (!parse_params(value, value_len, &token, &token_len, p, &np) ||
                !word_is(token, token_len, "form-data"))
                return bad(f, "a part's Content-Disposition is not form-data");
            const struct param *name = param_get(p, np, "name");
            const struct param *filename = param_get(p, np, "filename");
            if (name == NULL)
                return bad(f, "a part without a name");
            part->name = name->value;
            part->name_len = name->value_len;
            if (filename != NULL) {
                part->filename = filename->value;
                part->filename_len = filename->value_len;
            }
        } else if (word_is(line, name_len, "Content-Type")) {
            if (part->type != NULL)
                return bad(f, "two Content-Type headers in a part");
            part->type = value;
            part->type_len = value_len;
        }
        i = end + 2;
    }
    if (!seen_disposition)
        return bad(f, "a part without Content-Disposition");
    return FORM_OK;
}

/* copy - a NUL-terminated copy of len bytes, owned by the form */
static char *copy(struct form *f, const char *s, size_t len)
{
    char *d = form_alloc(f, len + 1);
    if (d != NULL) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

/* file_name - the name of an uploaded file: %22 back to a quote (the HTML
 * standard's encoding), everything up to the last / or \ cut off (old
 * browsers sent whole paths); UTF-8 without controls, at most
 * WEB_FILENAME_MAX bytes */
static enum form_status file_name(struct form *f, const struct part *part, const char **out,
                                  size_t *outlen)
{
    const char *s = part->filename;
    size_t len = part->filename_len;
    char *d = form_alloc(f, len + 1);
    size_t n = 0;

    if (d == NULL)
        return FORM_NOMEM;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '%' && i + 2 < len && s[i + 1] == '2' && s[i + 2] == '2') {
            d[n++] = '"';
            i += 2;
        } else if (s[i] == '/' || s[i] == '\\') {
            n = 0;
        } else {
            d[n++] = s[i];
        }
    }
    d[n] = '\0';
    if (n > WEB_FILENAME_MAX)
        return bad(f, "a file name too long");
    if (!form_field_valid(WEB_LINE, d, n))
        return bad(f, "a file name with bad bytes");
    *out = d;
    *outlen = n;
    return FORM_OK;
}

/* file_type - "type/subtype" of a part, lower case; octet-stream if it has
 * none or a malformed one */
static const char *file_type(struct form *f, const struct part *part)
{
    static const char fallback[] = "application/octet-stream";
    const char *token;
    size_t token_len, np;
    struct param p[PARAMS_MAX];

    if (part->type == NULL || !parse_params(part->type, part->type_len, &token, &token_len, p, &np))
        return fallback;
    const char *slash = memchr(token, '/', token_len);
    if (slash == NULL || slash == token || slash == token + token_len - 1 ||
        memchr(slash + 1, '/', token_len - (size_t)(slash - token) - 1) != NULL || token_len > 127)
        return fallback;
    char *d = copy(f, token, token_len);
    if (d == NULL)
        return NULL;
    for (size_t i = 0; i < token_len; i++)
        if (d[i] >= 'A' && d[i] <= 'Z')
            d[i] = (char)(d[i] - 'A' + 'a');
    return d;
}

static enum form_status add_part(struct form *f, const struct part *part, char *data, size_t len)
{
    char *name = NULL;

    if (part->name_len == 0 || part->name_len > FORM_NAME_MAX ||
        memchr(part->name, '%', part->name_len) != NULL)
        return bad(f, "a part's name empty, too long or encoded");
    name = copy(f, part->name, part->name_len);
    if (name == NULL)
        return FORM_NOMEM;
    if (part->filename == NULL) {
        char *value = copy(f, data, len);
        if (value == NULL)
            return FORM_NOMEM;
        return add_value(f, name, value, len);
    }
    /* a file input left empty: no name and no bytes (HTML standard) */
    if (part->filename_len == 0 && len == 0)
        return FORM_OK;
    if (f->nfiles >= WEB_FILES_MAX)
        return bad(f, "too many files");
    struct web_file *file = &f->file[f->nfiles];
    enum form_status st = file_name(f, part, &file->name, &file->name_len);
    if (st != FORM_OK)
        return st;
    if (file->name_len == 0)
        return bad(f, "a file without a name");
    file->type = file_type(f, part);
    if (file->type == NULL)
        return FORM_NOMEM;
    file->field = name;
    file->data = data;
    file->len = len;
    f->nfiles++;
    return FORM_OK;
}

/*
 * multipart - RFC 2046, section 5.1.1: the body is a preamble, then
 * "--boundary" CRLF part CRLF "--boundary" CRLF part ... CRLF "--boundary--"
 * and an epilogue; each part is headers, an empty line, and its bytes.
 */
static enum form_status multipart(struct form *f, char *body, size_t len, const char *boundary,
                                  size_t blen)
{
    char delim[2 + 2 + 70]; /* CRLF "--" boundary */
    size_t dlen = 4 + blen;
    size_t i;

    delim[0] = '\r';
    delim[1] = '\n';
    delim[2] = delim[3] = '-';
    memcpy(delim + 4, boundary, blen);

    /* the first delimiter: at the very start, or after the preamble's CRLF */
    if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0) {
        i = dlen - 2;
    } else {
        const char *d = memmem(body, len, delim, dlen);
        if (d == NULL)
            return bad(f, "no multipart boundary in the body");
        i = (size_t)(d - body) + dlen;
    }
    for (;;) {
        if (len - i >= 2 && body[i] == '-' && body[i + 1] == '-')
            return FORM_OK;         /* the close delimiter; the epilogue is ignored */
        i = skip_ows(body, i, len); /* transport padding */
        if (len - i < 2 || body[i] != '\r' || body[i + 1] != '\n')
            return bad(f, "a multipart delimiter not followed by CRLF");
        i += 2;

        struct part part;
        size_t hlen;
        if (len - i >= 2 && body[i] == '\r' && body[i + 1] == '\n') {
            hlen = 0; /* no headers at all */
        } else {
            size_t window = len - i < FORM_PART_HEADERS + 4 ? len - i : FORM_PART_HEADERS + 4;
            const char *end = memmem(body + i, window, "\r\n\r\n", 4);
            if (end == NULL)
                return bad(f, "a part's headers too long or cut off");
            hlen = (size_t)(end - (body + i));
        }
        enum form_status st = part_headers(f, body + i, hlen, &part);
        if (st != FORM_OK)
            return st;
        i += hlen + (hlen ? 4 : 2);

        const char *next = memmem(body + i, len - i, delim, dlen);
        if (next == NULL)
            return bad(f, "a multipart body cut off");
        size_t data_len = (size_t)(next - (body + i));
        st = add_part(f, &part, body + i, data_len);
        if (st != FORM_OK)
            return st;
        body[i + data_len] = '\0'; /* over the delimiter's CR: the file's NUL */
        i += data_len + dlen;
    }
}

enum form_status form_parse(struct form *f, const char *content_type, char *body, size_t len)
{
    const char *type;
    size_t type_len, np;
    struct param p[PARAMS_MAX];

    if (content_type == NULL) {
        if (len == 0)
            return FORM_OK;
        f->why = "a body without Content-Type";
        return FORM_MEDIA;
    }
    if (!parse_params(content_type, strlen(content_type), &type, &type_len, p, &np))
        return bad(f, "a malformed Content-Type");
    if (word_is(type, type_len, "application/x-www-form-urlencoded"))
        return form_urlencoded(f, body, len);
    if (word_is(type, type_len, "multipart/form-data")) {
        const struct param *b = param_get(p, np, "boundary");
        /* RFC 2046, section 5.1.1: 1 to 70 characters */
        if (b == NULL || b->value_len == 0 || b->value_len > 70)
            return bad(f, "a multipart body without a good boundary");
        for (size_t i = 0; i < b->value_len; i++)
            if ((unsigned char)b->value[i] < 0x20 || (unsigned char)b->value[i] > 0x7e)
                return bad(f, "a multipart boundary with bad bytes");
        return multipart(f, body, len, b->value, b->value_len);
    }
    f->why = "a body that is not a form";
    return FORM_MEDIA;
}

bool form_field_valid(enum web_field_type type, const char *value, size_t len)
{
    switch (type) {
    case WEB_TEXT:
    case WEB_LINE:
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)value[i];
            if (c == 0x7f ||
                (c < 0x20 && (type == WEB_LINE || (c != '\t' && c != '\r' && c != '\n'))))
                return false;
        }
        return utf8_valid(value, len);
    case WEB_DIGITS:
        for (size_t i = 0; i < len; i++)
            if (value[i] < '0' || value[i] > '9')
                return false;
        return true;
    case WEB_TOKEN:
        for (size_t i = 0; i < len; i++) {
            char c = value[i];
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_'))
                return false;
        }
        return true;
    case WEB_FILE:
        return false; /* a file is never a plain value */
    }
    return false;
}

static const struct web_field *declared(const char *name, const struct web_field *fields,
                                        size_t nfields, const struct web_field *extra,
                                        size_t nextra)
{
    for (size_t i = 0; i < nfields; i++)
        if (strcmp(fields[i].name, name) == 0)
            return &fields[i];
    for (size_t i = 0; i < nextra; i++)
        if (strcmp(extra[i].name, name) == 0)
            return &extra[i];
    return NULL;
}

enum form_status form_check(struct form *f, const struct web_field *fields, size_t nfields,
                            const struct web_field *extra, size_t nextra)
{
    for (size_t i = 0; i < f->nvalues; i++) {
        const struct form_value *v = &f->value[i];
        const struct web_field *d = declared(v->name, fields, nfields, extra, nextra);
        if (d == NULL)
            return bad(f, "a field that is not declared");
        if (d->type == WEB_FILE)
            return bad(f, "a file field without a file");
        if (v->len < d->min || v->len > d->max)
            return bad(f, "a field too short or too long");
        if (!form_field_valid(d->type, v->value, v->len))
            return bad(f, "a field with bytes its type does not allow");
        for (size_t k = 0; k < i; k++)
            if (strcmp(f->value[k].name, v->name) == 0)
                return bad(f, "a field given twice");
    }
    for (size_t i = 0; i < f->nfiles; i++) {
        const struct web_file *file = &f->file[i];
        const struct web_field *d = declared(file->field, fields, nfields, extra, nextra);
        if (d == NULL)
            return bad(f, "a file that is not declared");
        if (d->type != WEB_FILE)
            return bad(f, "a file where a field was declared");
        if (file->len < d->min)
            return bad(f, "a file too short");
        size_t total = 0;
        for (size_t k = 0; k <= i; k++)
            if (strcmp(f->file[k].field, file->field) == 0)
                total += f->file[k].len; /* each is at most the body: no overflow */
        if (total > d->max)
            return bad(f, "files too large together");
    }
    return FORM_OK;
}

const char *form_get(const struct form *f, const char *name, size_t *len)
{
    for (size_t i = 0; i < f->nvalues; i++) {
        if (strcmp(f->value[i].name, name) == 0) {
            if (len != NULL)
                *len = f->value[i].len;
            return f->value[i].value;
        }
    }
    return NULL;
}
