/*
 * fuzz_ac - the word lists' trie walk against a plain search.
 *
 * Feeds: the first byte says after how many matches the callback asks the
 * scan to stop (0: never); up to the first NUL byte follow the terms, one
 * a line (empty lines skipped, at most 64 terms of at most 32 bytes); the
 * rest is the text, at most 4 KiB. Terms are added with their line's index
 * as value, so a term given twice is two terms.
 * Checks beyond no crash and no leak:
 * - every reported match lies inside the text and is its term's bytes;
 * - matches come in order of their start offset;
 * - each term is reported exactly as often as a plain search finds it
 *   starting where a word can start (overlaps included; a word character
 *   by fold_is_word(), on any bytes, valid UTF-8 or not); with a stop after
 *   k matches, exactly min(k, all) callbacks happen;
 * - ac_terms() counts the terms added.
 */
#include <stdlib.h>
#include <string.h>

#include "../../rules/ac.h"
#include "../../rules/fold.h"
#include "fuzz.h"

#define MAX_TERMS 64
#define MAX_TERM  32
#define MAX_TEXT  4096

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct term {
    const char *p;
    size_t len;
};

struct seen {
    const struct term *terms;
    size_t nterms;
    const char *text;
    size_t len;
    size_t counts[MAX_TERMS];
    size_t calls, stop_after, last_end;
};

static int on_word(void *ctx, size_t start, size_t end, uint32_t value)
{
    struct seen *s = ctx;
    FUZZ_CHECK(value < s->nterms, "value %u of %zu terms", value, s->nterms);
    const struct term *t = &s->terms[value];
    FUZZ_CHECK(start < end && end <= s->len && end - start == t->len &&
                   memcmp(s->text + start, t->p, t->len) == 0,
               "word match [%zu, %zu) is not term %u", start, end, value);
    FUZZ_CHECK(start >= s->last_end, "word match at %zu after one at %zu", start, s->last_end);
    FUZZ_CHECK(s->stop_after == 0 || s->calls < s->stop_after, "a match after the stop");
    s->last_end = start; /* the start, here */
    s->counts[value]++;
    s->calls++;
    return s->stop_after != 0 && s->calls == s->stop_after;
}

/* starts_word - may an occurrence start at byte at: not inside a word, the
 * code points decoded from the start as ac_scan_words() does */
static int starts_word(const char *text, size_t len, size_t at)
{
    const unsigned char *p = (const unsigned char *)text;
    int prev = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = fold_utf8_decode(p + i, len - i, &cp);
        int word = fold_is_word(cp);
        if (i == at)
            return !(word && prev);
        if (i > at)
            return 0; /* inside a code point */
        prev = word;
        i += k;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *in = (const char *)data + 1, *end = (const char *)data + size;
    const char *nul = memchr(in, '\0', (size_t)(end - in));
    if (nul == NULL)
        return 0;
    struct term terms[MAX_TERMS];
    size_t nterms = 0;
    for (const char *p = in; p < nul && nterms < MAX_TERMS;) {
        const char *nl = memchr(p, '\n', (size_t)(nul - p));
        const char *e = nl ? nl : nul;
        if (e > p && e - p <= MAX_TERM)
            terms[nterms++] = (struct term){p, (size_t)(e - p)};
        p = e + 1;
    }
    const char *text = nul + 1;
    size_t len = (size_t)(end - text);
    if (len > MAX_TEXT)
        len = MAX_TEXT;

    struct ac *ac = ac_new();
    FUZZ_CHECK(ac != NULL, "ac_new");
    FUZZ_CHECK(ac_add(ac, "", 0, 0) == SL_EINVAL, "an empty term was accepted");
    for (size_t i = 0; i < nterms; i++)
        FUZZ_CHECK(ac_add(ac, terms[i].p, terms[i].len, (uint32_t)i) == SL_OK, "ac_add");
    FUZZ_CHECK(ac_compile(ac) == SL_OK, "ac_compile");
    FUZZ_CHECK(ac_terms(ac) == nterms, "ac_terms %zu, added %zu", ac_terms(ac), nterms);

    struct seen w = {terms, nterms, text, len, {0}, 0, data[0], 0};
    ac_scan_words(ac, text, len, on_word, &w);
    size_t all = 0;
    for (size_t i = 0; i < nterms; i++) {
        size_t want = 0;
        for (size_t at = 0; at + terms[i].len <= len; at++)
            want += memcmp(text + at, terms[i].p, terms[i].len) == 0 && starts_word(text, len, at);
        all += want;
        FUZZ_CHECK(w.stop_after != 0 || w.counts[i] == want,
                   "term %zu found %zu times as a word start, want %zu", i, w.counts[i], want);
    }
    size_t calls = w.stop_after && w.stop_after < all ? w.stop_after : all;
    FUZZ_CHECK(w.calls == calls, "%zu matches reported, want %zu", w.calls, calls);
    ac_free(ac);
    return 0;
}
