/*
 * fuzz_detect - the matcher over arbitrary text, with this checkout's rule
 * pack: folding, the word automaton, the patterns and the scorer, on one
 * segment.
 *
 * Feeds: the first byte chooses the segment's kind (its value mod 6), whether
 * it is a table (bit 3) and whether the message is a newsletter (bit 4); the
 * rest is the segment's text, any bytes (extraction promises UTF-8, but
 * detection does not rely on it: fold turns invalid bytes into '?').
 * Checks beyond no crash and no leak:
 * - fold_text(): the folded text is UTF-8 (the patterns run on it with
 *   PCRE2_NO_UTF_CHECK), its map runs forward and stays inside the input,
 *   and map[len] is the input's length;
 * - pack_run_regex() on the folded text reports matches inside it, start
 *   no later than end;
 * - detect_message() returns SL_OK and its result is consistent
 *   (fuzz_check_result: every finding located in this segment, masked
 *   values that show no identifier and no name; UTF-8 masks for UTF-8
 *   input);
 * - on an addresses segment (SEG_ADDRESSES) the rules find nothing;
 * - detect_mask() into buffers of every size up to 24 bytes stays inside
 *   the buffer, terminates it and masks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../rules/detect.h"
#include "../../rules/fold.h"
#include "fuzz.h"

static struct pack *pack;
static struct detect_scratch *scratch;
static struct pack_scratch *pscratch;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char err[512];
    (void)argc;
    (void)argv;
    pack = pack_load(fuzz_rules_dir(), 1, err, sizeof err);
    if (pack == NULL) {
        fprintf(stderr, "fuzz_detect: %s\n", err);
        exit(1);
    }
    scratch = detect_scratch_new(pack);
    pscratch = pack_scratch_new(pack);
    return 0;
}

struct hits {
    size_t len, n;
};

static void on_hit(void *ctx, size_t rule, size_t start, size_t end)
{
    struct hits *h = ctx;
    FUZZ_CHECK(rule < pack->nrules && pack->rules[rule].type == RULE_REGEX,
               "hit of rule %zu, not a pattern", rule);
    FUZZ_CHECK(start <= end && end <= h->len, "rule %s: hit [%zu, %zu) outside %zu bytes",
               pack->rules[rule].id, start, end, h->len);
    h->n++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    struct folded f;
    FUZZ_CHECK(fold_text(text, len, &f) == SL_OK, "fold_text failed");
    FUZZ_CHECK(f.text[f.len] == '\0', "folded text not terminated");
    FUZZ_CHECK(fuzz_utf8(f.text, f.len), "folded text is not UTF-8");
    for (size_t i = 0; i < f.len; i++)
        FUZZ_CHECK(f.map[i] < len && (i == 0 || f.map[i] >= f.map[i - 1]),
                   "fold map[%zu] = %u (input %zu bytes)", i, f.map[i], len);
    FUZZ_CHECK(f.map[f.len] == len, "fold map[len] = %u, want %zu", f.map[f.len], len);
    struct hits h = {f.len, 0};
    unsigned limited = 0;
    pack_run_regex(pack, pscratch, f.text, f.len, NULL, on_hit, &h, &limited);
    fold_free(&f);

    struct text_segment seg = {text,
                               len,
                               "body:text/plain",
                               (enum segment_kind)(data[0] % 6),
                               0,
                               (data[0] & 8) != 0,
                               (data[0] & 32) != 0};
    struct detect_result res = {0};
    bool timed_out;
    enum sl_status st =
        detect_message(pack, scratch, &seg, 1, (data[0] & 16) != 0, 0, &timed_out, &res);
    FUZZ_CHECK(st == SL_OK, "detect_message: %s", sl_status_str(st));
    FUZZ_CHECK(!timed_out, "timed out without a deadline");
    fuzz_check_result(&res, &seg, 1, NULL, 0, fuzz_utf8(text, len));
    /* the addresses are never text: the rules find nothing in them */
    if (seg.kind == SEG_ADDRESSES) {
        FUZZ_CHECK(res.rules_confidence == CONF_NONE, "rules at %s on addresses",
                   pack_confidence_name(res.rules_confidence));
        for (size_t i = 0; i < res.nfindings; i++)
            FUZZ_CHECK(strcmp(res.findings[i].rule, "model.linear") == 0, "finding %s on addresses",
                       res.findings[i].rule);
    }
    detect_result_free(&res);

    for (size_t outlen = 1; outlen <= 24; outlen++) {
        char out[25];
        memset(out, 'Z', sizeof out);
        detect_mask(text, len < 64 ? len : 64, out, outlen);
        FUZZ_CHECK(out[outlen] == 'Z', "detect_mask wrote past %zu bytes", outlen);
        fuzz_check_masked(out, outlen);
    }
    return 0;
}
