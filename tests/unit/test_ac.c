/* test_ac - the word lists' trie: occurrences from word starts, prefixes
 * and longer terms, duplicates, nothing inside a word, and agreement with
 * a naive search on generated text */
#include <stdlib.h>
#include <string.h>

#include "../../rules/ac.h"
#include "../../rules/fold.h"
#include "check.h"

struct rec {
    size_t n;
    size_t start[4096], end[4096];
    uint32_t value[4096];
};

static int record(void *ctx, size_t start, size_t end, uint32_t value)
{
    struct rec *r = ctx;
    if (r->n < NELEM(r->start)) {
        r->start[r->n] = start;
        r->end[r->n] = end;
        r->value[r->n] = value;
        r->n++;
    }
    return 0;
}

static int stop_first(void *ctx, size_t start, size_t end, uint32_t value)
{
    record(ctx, start, end, value);
    return 1;
}

static int count(void *ctx, size_t s, size_t e, uint32_t v)
{
    (void)s;
    (void)e;
    (void)v;
    (*(size_t *)ctx)++;
    return 0;
}

static bool has(const struct rec *r, size_t s, size_t e, uint32_t v)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->start[i] == s && r->end[i] == e && r->value[i] == v)
            return true;
    return false;
}

int main(void)
{
    struct ac *ac = ac_new();
    const char *terms[] = {"he", "she", "his", "hers", "diabetes", "diabetes mellitus", "he"};
    for (size_t i = 0; i < NELEM(terms); i++)
        CHECK(ac_add(ac, terms[i], strlen(terms[i]), (uint32_t)i) == SL_OK, "add %s", terms[i]);
    CHECK(ac_add(ac, "", 0, 9) == SL_EINVAL, "empty term refused");
    CHECK(ac_compile(ac) == SL_OK, "compile");
    CHECK(ac_add(ac, "late", 4, 9) == SL_EINVAL, "add after compile refused");

    struct rec r = {0};
    const char *text = "ushers she hers, his";
    ac_scan_words(ac, text, strlen(text), record, &r);
    CHECK(has(&r, 7, 10, 1) && has(&r, 11, 13, 0) && has(&r, 11, 13, 6) && has(&r, 11, 15, 3) &&
              has(&r, 17, 20, 2),
          "she, he (twice, two values) and hers at word starts, his; got %zu matches", r.n);
    CHECK(r.n == 5, "nothing inside 'ushers': got %zu matches, want 5", r.n);

    memset(&r, 0, sizeof r);
    text = "bekend met diabetes mellitus type 2";
    ac_scan_words(ac, text, strlen(text), record, &r);
    CHECK(has(&r, 11, 19, 4) && has(&r, 11, 28, 5), "prefix term and longer term both found");

    memset(&r, 0, sizeof r);
    ac_scan_words(ac, "he he he", 8, stop_first, &r);
    CHECK(r.n == 1, "callback can stop the scan: got %zu", r.n);

    memset(&r, 0, sizeof r);
    ac_scan_words(ac, "xyz", 3, record, &r);
    CHECK(r.n == 0, "no match in unrelated text");
    ac_free(ac);

    /* agreement with a naive search over random words and spaces: every
     * occurrence of a term (letters only) that starts a word */
    srand(7);
    for (int round = 0; round < 20; round++) {
        struct ac *a = ac_new();
        char words[40][6];
        for (int i = 0; i < 40; i++) {
            int l = 1 + rand() % 4;
            for (int k = 0; k < l; k++)
                words[i][k] = (char)('a' + rand() % 3);
            words[i][l] = '\0';
            ac_add(a, words[i], (size_t)l, (uint32_t)i);
        }
        ac_compile(a);
        char t[200];
        for (int k = 0; k < 199; k++)
            t[k] = (char)(rand() % 4 ? 'a' + rand() % 3 : ' ');
        t[199] = '\0';
        size_t want = 0;
        for (int i = 0; i < 40; i++)
            for (size_t p = 0; p + strlen(words[i]) <= 199; p++)
                want +=
                    (p == 0 || t[p - 1] == ' ') && strncmp(t + p, words[i], strlen(words[i])) == 0;
        size_t got = 0;
        ac_scan_words(a, t, 199, count, &got);
        CHECK(got == want && want > 0, "round %d: got %zu matches, naive %zu", round, got, want);
        ac_free(a);
    }

    /* against a naive search less what starts inside a word, in start
     * order; terms and text with word characters, spaces, punctuation and
     * two-byte letters and symbols */
    static const char *const pieces[] = {"a",        "b",        "ab", " ", ".",
                                         "\xc3\xa9", "\xc2\xb0", "'",  "-"};
    srand(11);
    for (int round = 0; round < 200; round++) {
        struct ac *a = ac_new();
        char words[30][16];
        for (int i = 0; i < 30; i++) {
            words[i][0] = '\0';
            for (int k = 1 + rand() % 3; k > 0; k--)
                check_append(words[i], sizeof words[i], pieces[rand() % NELEM(pieces)]);
            ac_add(a, words[i], strlen(words[i]), (uint32_t)i);
        }
        ac_compile(a);
        char t[400] = "";
        while (strlen(t) < 380)
            check_append(t, sizeof t, pieces[rand() % NELEM(pieces)]);
        size_t len = strlen(t);
        struct rec all = {0}, got = {0}, want = {0};
        for (size_t at = 0; at < len; at++) /* every occurrence, naively */
            for (int i = 0; i < 30; i++)
                if (strncmp(t + at, words[i], strlen(words[i])) == 0)
                    record(&all, at, at + strlen(words[i]), (uint32_t)i);
        for (size_t i = 0; i < all.n; i++) {
            uint32_t at = 0, before = 0;
            fold_utf8_decode((const unsigned char *)t + all.start[i], len - all.start[i], &at);
            size_t k = all.start[i];
            while (k > 0 && ((unsigned char)t[--k] & 0xC0) == 0x80)
                ;
            if (all.start[i] > 0)
                fold_utf8_decode((const unsigned char *)t + k, len - k, &before);
            if (!(fold_is_word(at) && all.start[i] > 0 && fold_is_word(before)))
                record(&want, all.start[i], all.end[i], all.value[i]);
        }
        ac_scan_words(a, t, len, record, &got);
        bool same = got.n == want.n;
        for (size_t i = 0; same && i < want.n; i++)
            same = has(&got, want.start[i], want.end[i], want.value[i]);
        for (size_t i = 1; same && i < got.n; i++)
            same = got.start[i - 1] <= got.start[i];
        CHECK(same, "word scan round %d: got %zu occurrences, want %zu (of %zu), in start order",
              round, got.n, want.n, all.n);
        ac_free(a);
    }
    ac_free(NULL);
    return check_summary("test_ac");
}
