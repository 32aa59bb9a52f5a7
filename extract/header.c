/*
 * header - find, decode and encode one header field. See header.h.
 *
 * header_find reads only the header block (up to the first empty line)
 * and at most 64 KiB of one field; longer fields are cut, never overrun.
 */
#include "header.h"

#include <gmime/gmime.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HEADER_MAX_FIELD (64u * 1024)

/* line_at - the line starting at i: its length without CR LF; *next the next line */
static size_t line_at(const char *data, size_t len, size_t i, size_t *next)
{
    size_t end = i;
    while (end < len && data[end] != '\n')
        end++;
    *next = end + 1;
    size_t n = end - i;
    return n > 0 && data[end - 1] == '\r' ? n - 1 : n;
}

bool header_find(const char *data, size_t len, const char *name, struct buf *out)
{
    size_t nl = strlen(name), i = 0, next;
    buf_reset(out);
    while (i < len) {
        size_t line = line_at(data, len, i, &next);
        if (line == 0)
            return false; /* the end of the header */
        const char *l = data + i;
        i = next;
        if (line <= nl || l[nl] != ':' || strncasecmp(l, name, nl) != 0)
            continue;
        /* the value after "name:", then its continuation lines */
        const char *p = l + nl + 1;
        size_t n = line - nl - 1;
        while (n > 0 && (*p == ' ' || *p == '\t')) {
            p++;
            n--;
        }
        if (buf_append(out, p, n) != SL_OK)
            return false;
        while (i < len && (data[i] == ' ' || data[i] == '\t')) {
            size_t l2 = line_at(data, len, i, &next);
            if (out->len + l2 < HEADER_MAX_FIELD && buf_append(out, data + i, l2) != SL_OK)
                return false;
            i = next;
        }
        return true;
    }
    return false;
}

void header_decode(const char *raw, char *out, size_t outlen)
{
    if (outlen == 0)
        return;
    char *text = g_mime_utils_header_decode_text(NULL, raw);
    const char *s = text ? text : raw;
    size_t n = strlen(s);
    if (n >= outlen) {
        n = outlen - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* do not cut a UTF-8 sequence */
    }
    memcpy(out, s, n);
    out[n] = '\0';
    g_free(text);
}

void header_subject(const char *data, size_t len, char *out, size_t outlen)
{
    struct buf raw = BUF_INIT;
    if (outlen > 0)
        out[0] = '\0';
    if (header_find(data, len, "Subject", &raw))
        header_decode(raw.data, out, outlen);
    buf_free(&raw);
}

enum sl_status header_encode(const char *utf8, struct buf *out)
{
    buf_reset(out);
    /* one line: a CR or LF (decoded from an encoded word) would end the
     * field and start one of the sender's making (RFC 5322 2.2) */
    char *line = strdup(utf8);
    if (line == NULL)
        return SL_ENOMEM;
    bool ascii = true;
    for (unsigned char *c = (unsigned char *)line; *c; c++) {
        if ((*c < 0x20 && *c != '\t') || *c == 0x7F)
            *c = ' ';
        ascii &= *c < 0x80;
    }
    enum sl_status st = SL_ENOMEM;
    if (ascii) {
        st = buf_append_str(out, line);
    } else {
        char *enc = g_mime_utils_header_encode_text(NULL, line, "utf-8");
        if (enc)
            st = buf_append_str(out, enc);
        g_free(enc);
    }
    free(line);
    return st;
}
