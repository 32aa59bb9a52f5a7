/*
 * tocharset - text in a declared character set as UTF-8. See tocharset.h.
 */
#include "tocharset.h"

#include <gmime/gmime.h>
#include <stdbool.h>
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
    } else {
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
