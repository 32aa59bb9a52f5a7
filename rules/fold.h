/*
 * fold - case and diacritic folding of UTF-8 text, with an offset map back
 * to the original.
 *
 * Matching runs on folded text: ASCII lowercased, Latin letters with
 * diacritics reduced to their base letters (é -> e, ß -> ss, Æ -> ae),
 * typographic quotes, dashes and spaces reduced to their ASCII forms. Other
 * code points are copied unchanged; invalid bytes become '?'. The map gives,
 * for each folded byte, the offset of the original byte it came from, so a
 * match can be reported (and masked) in the original text.
 *
 * Thread-safe; the result is owned by the caller (fold_free).
 */
#ifndef SLUIS_FOLD_H
#define SLUIS_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/status.h"

struct folded {
    char *text; /* folded bytes, NUL-terminated */
    size_t len;
    uint32_t *map; /* len + 1 entries: original offset of each folded byte */
};

/* fold_text - fold len bytes of UTF-8 at in (borrowed) into out (caller frees
 * with fold_free); inputs of 4 GiB and more are refused with SL_ELIMIT */
enum sl_status fold_text(const char *in, size_t len, struct folded *out);

/* fold_string - fold a short NUL-terminated string into a new NUL-terminated
 * string (caller frees); NULL when out of memory */
char *fold_string(const char *s);

void fold_free(struct folded *f);

/* fold_is_word - is code point cp a letter or digit, for whole-word
 * matching on folded text? Symbols such as ° are not; every code point from
 * U+00C0 on is, but × ÷ and the replacement character. */
static inline bool fold_is_word(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp != 0xFFFD);
}

/* fold_utf8_decode - decode one code point at p (at most len bytes);
 * returns its length (1..4), or 1 with *cp = 0xFFFD for an invalid byte */
size_t fold_utf8_decode(const unsigned char *p, size_t len, uint32_t *cp);

#endif
