/*
 * tocharset - text in a declared character set as UTF-8. See tocharset.h.
 */
#include "tocharset.h"

#include <gmime/gmime.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ascii_superset - a single-byte charset whose bytes below 0x80 are ASCII,
 * so text of such bytes only is already UTF-8 (not so UTF-7, ISO-2022 and
 * EBCDIC, whose ASCII bytes mean other things) */
static bool ascii_superset(const char *charset)
{
    return strncasecmp(charset, "iso-8859-", 9) == 0 || strncasecmp(charset, "iso8859-", 8) == 0 ||
           strncasecmp(charset, "windows-125", 11) == 0 || strncasecmp(charset, "cp125", 5) == 0;
}

static bool all_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* windows-1252's 0x80-0x9F (0: not defined, left to iconv, which refuses
 * it); its other bytes are the code points of the same number, as are all
 * of ISO-8859-1's */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* single_byte - windows-1252 or ISO-8859-1 to UTF-8 by table, as iconv
 * does; NULL (and nothing written) for another charset, or for a byte
 * windows-1252 leaves undefined, which the caller hands to iconv */
static char *single_byte(const char *s, size_t len, const char *charset, size_t *outlen)
{
    bool w1252 = strcasecmp(charset, "windows-1252") == 0 || strcasecmp(charset, "cp1252") == 0;
    bool latin1 = strcasecmp(charset, "iso-8859-1") == 0 || strcasecmp(charset, "iso8859-1") == 0 ||
                  strcasecmp(charset, "latin1") == 0;
    if (!w1252 && !latin1)
        return NULL;
    char *out = malloc(3 * len + 1), *o = out;
    for (size_t i = 0; out && i < len; i++) {
        unsigned c = (unsigned char)s[i];
        if (c < 0x80) {
            *o++ = (char)c;
            continue;
        }
        if (w1252 && c < 0xA0 && (c = cp1252_high[c - 0x80]) == 0) {
            free(out);
            return NULL;
        }
        if (c < 0x800) {
            *o++ = (char)(0xC0 | c >> 6);
        } else {
            *o++ = (char)(0xE0 | c >> 12);
            *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
        }
        *o++ = (char)(0x80 | (c & 0x3F));
    }
    if (out) {
        *o = '\0';
        *outlen = (size_t)(o - out);
    }
    return out;
}

/* is_utf8_name - does a charset label mean UTF-8 or its ASCII subset? */
static bool is_utf8_name(const char *charset)
{
    return charset == NULL || strcasecmp(charset, "utf-8") == 0 ||
           strcasecmp(charset, "utf8") == 0 || strcasecmp(charset, "us-ascii") == 0 ||
           strcasecmp(charset, "ascii") == 0;
}

char *charset_to_utf8(const char *raw, size_t len, const char *charset, size_t *outlen)
{
    /* NUL bytes first become spaces: g_utf8_validate refuses them, and
     * UTF-8 text with a NUL would otherwise be read as windows-1252 */
    char *data = malloc(len + 1);
    if (data == NULL)
        return NULL;
    memcpy(data, raw, len);
    for (size_t i = 0; i < len; i++)
        if (data[i] == '\0')
            data[i] = ' ';
    data[len] = '\0';
    char *r = NULL;
    gsize n = 0;
    bool utf8 = is_utf8_name(charset);
    if ((utf8 && g_utf8_validate(data, (gssize)len, NULL)) ||
        (!utf8 && ascii_superset(charset) && all_ascii(data, len))) {
        *outlen = len; /* already what it should be: no copy, no iconv */
        return data;
    }
    /* the two charsets mail falls back to most, by table */
    char *t = single_byte(data, len, utf8 ? "windows-1252" : charset, outlen);
    if (t) {
        free(data);
        return t;
    }
    {
        const char *cs = utf8 ? "windows-1252" : g_mime_charset_iconv_name(charset);
        r = g_convert(data, (gssize)len, "UTF-8", cs, NULL, &n, NULL);
        if (r == NULL && !utf8)
            r = g_convert(data, (gssize)len, "UTF-8", "windows-1252", NULL, &n, NULL);
        if (r == NULL) {
            r = g_utf8_make_valid(data, (gssize)len);
            n = r ? strlen(r) : 0;
        }
    }
    free(data);
    if (r == NULL)
        return NULL;
    char *out = malloc(n + 1);
    if (out) {
        memcpy(out, r, n);
        out[n] = '\0';
        *outlen = n;
    }
    g_free(r);
    return out;
}
