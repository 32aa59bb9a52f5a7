/*
 * fold - case and diacritic folding with an offset map. See fold.h.
 *
 * The Latin table covers U+00C0..U+024F (Latin-1 Supplement, Latin
 * Extended-A and -B), derived from Unicode NFKD decompositions plus the usual
 * transliterations for letters without one (ß, æ, œ, ø, ł, đ, þ, ı, ĳ).
 */
#include "fold.h"

#include <stdlib.h>
#include <string.h>

static const char *const latin_fold[0x250 - 0xC0] = {
    "a",  "a",  "a", "a", "a",  "a", "ae", "c", "e",  "e",  "e",  "e",  "i",  "i",  "i",  "i", "d",
    "n",  "o",  "o", "o", "o",  "o", "",   "o", "u",  "u",  "u",  "u",  "y",  "th", "ss", "a", "a",
    "a",  "a",  "a", "a", "ae", "c", "e",  "e", "e",  "e",  "i",  "i",  "i",  "i",  "d",  "n", "o",
    "o",  "o",  "o", "o", "",   "o", "u",  "u", "u",  "u",  "y",  "th", "y",  "a",  "a",  "a", "a",
    "a",  "a",  "c", "c", "c",  "c", "c",  "c", "c",  "c",  "d",  "d",  "d",  "d",  "e",  "e", "e",
    "e",  "e",  "e", "e", "e",  "e", "e",  "g", "g",  "g",  "g",  "g",  "g",  "g",  "g",  "h", "h",
    "h",  "h",  "i", "i", "i",  "i", "i",  "i", "i",  "i",  "i",  "i",  "ij", "ij", "j",  "j", "k",
    "k",  "k",  "l", "l", "l",  "l", "l",  "l", "",   "",   "l",  "l",  "n",  "n",  "n",  "n", "n",
    "n",  "n",  "n", "n", "o",  "o", "o",  "o", "o",  "o",  "oe", "oe", "r",  "r",  "r",  "r", "r",
    "r",  "s",  "s", "s", "s",  "s", "s",  "s", "s",  "t",  "t",  "t",  "t",  "t",  "t",  "u", "u",
    "u",  "u",  "u", "u", "u",  "u", "u",  "u", "u",  "u",  "w",  "w",  "y",  "y",  "y",  "z", "z",
    "z",  "z",  "z", "z", "s",  "",  "",   "",  "",   "",   "",   "",   "",   "",   "",   "",  "",
    "",   "",   "",  "",  "",   "",  "",   "",  "",   "",   "",   "",   "",   "",   "",   "",  "",
    "",   "",   "",  "o", "o",  "",  "",   "",  "",   "",   "",   "",   "",   "",   "",   "",  "",
    "",   "u",  "u", "",  "",   "",  "",   "",  "",   "",   "",   "",   "",   "",   "",   "",  "",
    "",   "",   "",  "",  "",   "",  "",   "",  "lj", "lj", "lj", "nj", "nj", "nj", "a",  "a", "i",
    "i",  "o",  "o", "u", "u",  "u", "u",  "u", "u",  "u",  "u",  "u",  "u",  "",   "a",  "a", "a",
    "a",  "",   "",  "",  "",   "g", "g",  "k", "k",  "o",  "o",  "o",  "o",  "",   "",   "j", "dz",
    "dz", "dz", "g", "g", "",   "",  "n",  "n", "a",  "a",  "",   "",   "",   "",   "a",  "a", "a",
    "a",  "e",  "e", "e", "e",  "i", "i",  "i", "i",  "o",  "o",  "o",  "o",  "r",  "r",  "r", "r",
    "u",  "u",  "u", "u", "s",  "s", "t",  "t", "",   "",   "h",  "h",  "",   "",   "",   "",  "",
    "",   "a",  "a", "e", "e",  "o", "o",  "o", "o",  "o",  "o",  "o",  "o",  "y",  "y",  "",  "",
    "",   "",   "",  "",  "",   "",  "",   "",  "",   "",   "",   "",   "",   "",   "",   "",  "",
    "",   "",   "",  "",  "",   "",  "",   "",  "",
};

size_t fold_utf8_decode(const unsigned char *p, size_t len, uint32_t *cp)
{
    unsigned char c = p[0];
    size_t n;
    uint32_t v;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (n > len) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (p[i] & 0x3F);
    }
    /* overlong forms and surrogates are invalid */
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return n;
}

/* fold_cp - the folded ASCII replacement of a code point, or NULL to copy it */
static const char *fold_cp(uint32_t cp)
{
    if (cp >= 0xC0 && cp < 0x250) {
        const char *r = latin_fold[cp - 0xC0];
        return r[0] ? r : NULL;
    }
    switch (cp) {
    case 0x00A0: /* no-break space */
    case 0x2007:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x2002:
    case 0x2003:
        return " ";
    case 0x200B: /* zero-width space, joiners and soft hyphen vanish */
    case 0x200C:
    case 0x200D:
    case 0x00AD:
    case 0xFEFF:
        return "";
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x02BC:
    case 0x00B4:
    case 0x0060:
        return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x00AB:
    case 0x00BB:
        return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
        return "-";
    case 0x00BA: /* masculine ordinal, often typed for the degree sign */
        return "\xC2\xB0";
    case 0xFFFD:
        return "?";
    }
    return NULL;
}

enum sl_status fold_text(const char *in, size_t len, struct folded *out)
{
    const unsigned char *p = (const unsigned char *)in;
    size_t cap = len + len / 4 + 16, n = 0;

    memset(out, 0, sizeof *out);
    if (len >= UINT32_MAX / 2)
        return SL_ELIMIT;
    out->text = malloc(cap + 1);
    out->map = malloc((cap + 1) * sizeof *out->map);
    if (out->text == NULL || out->map == NULL) {
        fold_free(out);
        return SL_ENOMEM;
    }
    for (size_t i = 0; i < len;) {
        if (p[i] < 0x80 && n < cap) {
            /* a run of ASCII, most text: a byte in, a byte out */
            size_t end = i + (cap - n < len - i ? cap - n : len - i);
            for (; i < end && p[i] < 0x80; i++, n++) {
                out->text[n] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
                out->map[n] = (uint32_t)i;
            }
            continue;
        }
        uint32_t cp;
        size_t k = fold_utf8_decode(p + i, len - i, &cp);
        const char *rep;
        size_t rlen;
        if (cp < 0x80) {
            rep = NULL;
            rlen = 1;
        } else {
            rep = fold_cp(cp);
            rlen = rep ? strlen(rep) : k;
        }
        if (n + rlen > cap) {
            size_t ncap = cap * 2 + rlen;
            char *t = realloc(out->text, ncap + 1);
            if (t == NULL) {
                fold_free(out);
                return SL_ENOMEM;
            }
            out->text = t;
            uint32_t *m = realloc(out->map, (ncap + 1) * sizeof *m);
            if (m == NULL) {
                fold_free(out);
                return SL_ENOMEM;
            }
            out->map = m;
            cap = ncap;
        }
        for (size_t j = 0; j < rlen; j++) {
            char c;
            if (cp < 0x80)
                c = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
            else if (rep)
                c = rep[j];
            else
                c = (char)p[i + j];
            out->text[n] = c;
            out->map[n] = (uint32_t)i;
            n++;
        }
        i += k;
    }
    out->text[n] = '\0';
    out->map[n] = (uint32_t)len;
    out->len = n;
    return SL_OK;
}

char *fold_string(const char *s)
{
    struct folded f;
    if (fold_text(s, strlen(s), &f) != SL_OK)
        return NULL;
    free(f.map);
    return f.text;
}

void fold_free(struct folded *f)
{
    free(f->text);
    free(f->map);
    f->text = NULL;
    f->map = NULL;
    f->len = 0;
}
