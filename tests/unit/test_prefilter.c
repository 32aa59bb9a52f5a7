/* test_prefilter - the one-pass prefilter of the regex rules: it reports
 * every end at which PCRE2 finds a match, within its width bounds; the
 * rules find the same hits with it as without it; a pattern Hyperscan
 * refuses is left to run everywhere; and the compiled database is cached
 * only where it is safe, and a damaged cache costs a compile, not a result */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../rules/fold.h"
#include "../../rules/pack.h"
#include "../../rules/prefilter.h"
#include "check.h"

/* text made of what the identifier, date and measurement rules look at */
static const char *const pieces[] = {
    "1",      "2",     "3",     "7",    "0",     "12",   ".",      ",",        "-",   "/",
    " ",      " ",     "\n",    "bsn",  "be",    "nl",   "mmol/l", "mg",       "°c",  "38",
    "120/80", "maart", "march", "juni", "2024",  "19",   ":",      "agb",      "e11", "k86",
    "a10",    "big",   "uzi",   "icd",  "riziv", "icpc", "nr",     "\xc3\xa9", "x",   "iban",
};

static void gen(char *t, size_t cap)
{
    t[0] = '\0';
    while (strlen(t) + 8 < cap)
        check_append(t, cap, pieces[rand() % NELEM(pieces)]);
}

struct ends {
    uint32_t end[8192];
    uint32_t id[8192];
    size_t n;
};

static int on_end(void *ctx, uint32_t id, uint32_t end)
{
    struct ends *e = ctx;
    if (e->n < NELEM(e->end)) {
        e->id[e->n] = id;
        e->end[e->n] = end;
        e->n++;
    }
    return 0;
}

static bool reported(const struct ends *e, uint32_t id, uint32_t end)
{
    for (size_t i = 0; i < e->n; i++)
        if (e->id[i] == id && e->end[i] == end)
            return true;
    return false;
}

struct hits {
    size_t rule[4096], start[4096], end[4096];
    size_t n;
};

static void on_hit(void *ctx, size_t rule, size_t start, size_t end)
{
    struct hits *h = ctx;
    if (h->n < NELEM(h->rule)) {
        h->rule[h->n] = rule;
        h->start[h->n] = start;
        h->end[h->n] = end;
        h->n++;
    }
}

static bool same_hits(const struct hits *a, const struct hits *b)
{
    if (a->n != b->n)
        return false;
    for (size_t i = 0; i < a->n; i++)
        if (a->rule[i] != b->rule[i] || a->start[i] != b->start[i] || a->end[i] != b->end[i])
            return false;
    return true;
}

/* run_both - the regex rules over text with the prefilter and without it */
static bool run_both(struct pack *p, struct pack_scratch *s, const char *text, size_t len,
                     struct hits *with, struct hits *without)
{
    with->n = without->n = 0;
    pack_prefilter(p, s, text, len);
    pack_run_regex(p, s, text, len, NULL, on_hit, with, NULL);
    struct prefilter *keep = p->pre;
    p->pre = NULL; /* as on a machine Hyperscan does not run on */
    pack_prefilter(p, s, text, len);
    pack_run_regex(p, s, text, len, NULL, on_hit, without, NULL);
    p->pre = keep;
    return same_hits(with, without);
}

static char cache[] = "/tmp/sluis-prefilter-XXXXXX";

static size_t files_in(const char *dir)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "ls %s | wc -l", dir);
    FILE *f = popen(cmd, "r");
    size_t n = 0;
    if (f && fscanf(f, "%zu", &n) != 1)
        n = 0;
    if (f)
        pclose(f);
    return n;
}

int main(void)
{
    char err[512];
    CHECK(setenv("SLUIS_CACHE_DIR", "", 1) == 0, "no cache for the shipped pack");
    struct pack *p = pack_load(SLUIS_RULES_DIR, 1, err, sizeof err);
    CHECK(p != NULL && p->pre != NULL, "shipped rules load with a prefilter: %s", p ? "" : err);
    if (p == NULL || p->pre == NULL)
        return check_summary("test_prefilter");

    /* every shipped regex rule is taken, and its reports are a superset */
    size_t nregex = 0;
    for (size_t ri = 0; ri < p->nrules; ri++) {
        uint32_t lo, hi;
        if (p->rules[ri].type != RULE_REGEX)
            continue;
        nregex++;
        CHECK(prefilter_has(p->pre, ri, &lo, &hi) && lo <= hi, "rule %s has a prefilter",
              p->rules[ri].id);
    }
    CHECK(nregex >= 20, "shipped regex rules: %zu", nregex);

    struct pack_scratch *s = pack_scratch_new(p);
    struct prefilter_scratch *ps = prefilter_scratch_new(p->pre);
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    static struct ends e;
    static struct hits with, without;
    static char text[2048];
    size_t matches = 0, missing = 0, outside = 0, differ = 0, hits = 0;
    srand(5);
    for (int round = 0; round < 300; round++) {
        gen(text, sizeof text);
        size_t len = strlen(text);
        e.n = 0;
        CHECK(prefilter_scan(p->pre, ps, text, len, on_end, &e) == SL_OK, "scan round %d", round);
        for (size_t ri = 0; ri < p->nrules; ri++) {
            uint32_t lo, hi;
            if (p->rules[ri].type != RULE_REGEX || !prefilter_has(p->pre, ri, &lo, &hi))
                continue;
            for (size_t at = 0; at <= len;) {
                int rc = pcre2_match(p->rules[ri].re, (PCRE2_SPTR)text, len, at, 0, md, NULL);
                if (rc < 0)
                    break;
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
                matches++;
                missing += !reported(&e, (uint32_t)ri, (uint32_t)ov[1]);
                outside += ov[1] - ov[0] < lo || ov[1] - ov[0] > hi;
                at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
                while (at < len && ((unsigned char)text[at] & 0xC0) == 0x80)
                    at++;
            }
        }
        differ += !run_both(p, s, text, len, &with, &without);
        hits += with.n;
    }
    CHECK(matches > 1000, "the generated text matches the rules: %zu matches", matches);
    CHECK(missing == 0, "every match end is reported: %zu of %zu missing", missing, matches);
    CHECK(outside == 0, "every match is within its width bounds: %zu outside", outside);
    CHECK(hits > 1000 && differ == 0,
          "the rules find the same hits with the prefilter as without: %zu of 300 texts differ "
          "(%zu hits)",
          differ, hits);

    /* real mail: every corpus message's folded text */
    FILE *ls = popen("find " SLUIS_RULES_DIR "/../tests/data/corpus -name '*.eml' | sort", "r");
    char path[1024];
    size_t nfiles = 0;
    differ = hits = 0;
    while (ls && fgets(path, sizeof path, ls)) {
        path[strcspn(path, "\n")] = '\0';
        FILE *f = fopen(path, "rb");
        static char raw[1 << 20];
        size_t n = f ? fread(raw, 1, sizeof raw, f) : 0;
        if (f)
            fclose(f);
        struct folded fo;
        if (fold_text(raw, n, &fo) != SL_OK)
            continue;
        differ += !run_both(p, s, fo.text, fo.len, &with, &without);
        hits += with.n;
        fold_free(&fo);
        nfiles++;
    }
    if (ls)
        pclose(ls);
    CHECK(nfiles > 500 && hits > 1000 && differ == 0,
          "corpus: the same hits with and without the prefilter: %zu of %zu messages differ "
          "(%zu hits)",
          differ, nfiles, hits);
    /* a text that makes the prefilter report at every byte (a megabyte of
     * numbers, with a date and a BSN at its end): past its bound the rules
     * look everywhere, and find the same */
    size_t big = 1 << 20;
    char *digits = malloc(big + 64);
    for (size_t i = 0; digits && i < big; i++)
        digits[i] = (char)(i % 11 == 10 ? ' ' : '0' + (char)(i * 7 % 10));
    if (digits) {
        digits[big] = '\0';
        check_append(digits + big, 64, " geb. 12-03-1961 bsn 111222333");
        size_t dlen = strlen(digits);
        struct hits *w = malloc(sizeof *w), *wo = malloc(sizeof *wo);
        bool same = w && wo && run_both(p, s, digits, dlen, w, wo);
        CHECK(same && w->n > 0 && w->rule[w->n - 1] != 0,
              "a megabyte of numbers: the same hits with and without the prefilter (%zu)",
              w ? w->n : 0);
        /* and the next, ordinary text after it (its room given back) */
        gen(text, sizeof text);
        same = w && wo && run_both(p, s, text, strlen(text), w, wo);
        CHECK(same && w->n > 0, "the text after it: the same hits (%zu)", w ? w->n : 0);
        free(w);
        free(wo);
        free(digits);
    }
    pcre2_match_data_free(md);
    prefilter_scratch_free(ps);
    pack_scratch_free(s);
    pack_free(p);

    /* a pattern Hyperscan refuses (a PCRE2 callout) is left out, the rest stay */
    const char *mixed[] = {"a(?C1)b", "\\d{3}", NULL, "(?<!x)y+"};
    struct prefilter *pf = prefilter_new(mixed, NULL, NELEM(mixed), NULL);
    uint32_t lo = 0, hi = 0;
    CHECK(pf != NULL, "a prefilter of the patterns it can take");
    CHECK(pf && !prefilter_has(pf, 0, &lo, &hi), "a callout is left to run everywhere");
    CHECK(pf && prefilter_has(pf, 1, &lo, &hi) && lo == 3 && hi == 3, "\\d{3}: width 3..3");
    CHECK(pf && !prefilter_has(pf, 2, &lo, &hi), "an absent pattern is not taken");
    CHECK(pf && prefilter_has(pf, 3, &lo, &hi) && lo == 1 && hi == PREFILTER_UNBOUNDED,
          "y+: width 1.., lookbehind relaxed");
    prefilter_free(pf);

    /* the cache: written once, read back with the same reports; a damaged
     * file or a folder others may write in is not trusted */
    CHECK(mkdtemp(cache) != NULL, "cache folder");
    const char *pats[] = {"(?<![\\d.])(\\d{4}\\.\\d{2})(?!\\d)", "mmol/l"};
    pf = prefilter_new(pats, NULL, 2, cache);
    CHECK(pf && !prefilter_cached(pf) && files_in(cache) == 1, "first load compiles and caches");
    struct prefilter *pf2 = prefilter_new(pats, NULL, 2, cache);
    CHECK(pf2 && prefilter_cached(pf2), "second load reads the cache");
    const char *t = "x 1234.56 en 5 mmol/l, 9876.54";
    struct ends e1 = {0}, e2 = {0};
    ps = pf ? prefilter_scratch_new(pf) : NULL;
    struct prefilter_scratch *ps2 = pf2 ? prefilter_scratch_new(pf2) : NULL;
    if (ps && ps2) {
        prefilter_scan(pf, ps, t, strlen(t), on_end, &e1);
        prefilter_scan(pf2, ps2, t, strlen(t), on_end, &e2);
    }
    CHECK(e1.n == 3 && e2.n == 3 && reported(&e2, 0, 9) && reported(&e2, 1, 21) &&
              reported(&e2, 0, 30),
          "cached database reports the same: %zu and %zu ends", e1.n, e2.n);
    prefilter_scratch_free(ps);
    prefilter_scratch_free(ps2);
    prefilter_free(pf2);
    prefilter_free(pf);

    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "for f in %s/prefilter-*; do printf 'garbage' | dd of=$f bs=1 "
             "seek=200 conv=notrunc 2>/dev/null; done",
             cache);
    CHECK(system(cmd) == 0, "damage the cached file");
    pf = prefilter_new(pats, NULL, 2, cache);
    CHECK(pf && !prefilter_cached(pf), "a damaged cache is compiled anew");
    prefilter_free(pf);
    pf = prefilter_new(pats, NULL, 2, cache);
    CHECK(pf && prefilter_cached(pf), "... and written again");
    prefilter_free(pf);
    chmod(cache, 0777);
    pf = prefilter_new(pats, NULL, 2, cache);
    CHECK(pf && !prefilter_cached(pf), "a folder anyone may write in is not read");
    prefilter_free(pf);

    snprintf(cmd, sizeof cmd, "rm -rf %s", cache);
    CHECK(system(cmd) == 0, "clean up");
    return check_summary("test_prefilter");
}
