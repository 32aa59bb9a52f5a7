/*
 * fuzz_message - a message of arbitrary bytes through extraction and the
 * whole scan, with this checkout's rule pack and no worker pool (attached
 * documents are recorded as not scanned, as the contract says).
 *
 * Feeds: the input as an RFC 5322 message, to extract_message() and then
 * to scan_message().
 * Checks beyond no crash and no leak:
 * - extract_message() returns SL_OK (only memory may fail it);
 * - every segment is UTF-8, has a location and a known kind; together
 *   they hold text_bytes bytes, at most max_text_bytes; notes are named
 *   "unscannable.*" and terminated inside their fields;
 * - scan_message() returns SL_OK and its result is consistent
 *   (fuzz_check_result: no finding outside the segments or the notes, no
 *   masked value that shows an identifier or a name, the verdict follows
 *   the confidence).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../scan/scan.h"
#include "fuzz.h"

static struct pack *pack;
static struct detect_scratch *scratch;
static struct extract_limits lim;

int LLVMFuzzerInitialize(int *argc, char ***argv);
/* check_addresses - an addresses segment is lines "from DOMAIN" or "to
 * DOMAIN", each ending in a newline: a domain without an @ (no local part),
 * a space or an upper-case ASCII letter */
static void check_addresses(const struct text_segment *s)
{
    size_t i = 0;
    while (i < s->len) {
        const char *nl = memchr(s->text + i, '\n', s->len - i);
        FUZZ_CHECK(nl != NULL, "segment %s: a line without its newline", s->where);
        size_t n = (size_t)(nl - (s->text + i));
        const char *l = s->text + i;
        size_t skip = n > 5 && memcmp(l, "from ", 5) == 0 ? 5
                      : n > 3 && memcmp(l, "to ", 3) == 0 ? 3
                                                          : 0;
        FUZZ_CHECK(skip > 0, "segment %s: a line '%.*s'", s->where, (int)n, l);
        for (size_t k = skip; k < n; k++)
            FUZZ_CHECK(l[k] != '@' && l[k] != ' ' && !(l[k] >= 'A' && l[k] <= 'Z'),
                       "segment %s: domain '%.*s'", s->where, (int)(n - skip), l + skip);
        i += n + 1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char err[512];
    (void)argc;
    (void)argv;
    extract_init();
    pack = pack_load(fuzz_rules_dir(), 1, err, sizeof err);
    if (pack == NULL) {
        fprintf(stderr, "fuzz_message: %s\n", err);
        exit(1);
    }
    scratch = detect_scratch_new(pack);
    extract_limits_default(&lim);
    /* small enough that inputs of a fuzzer's size can reach them */
    lim.max_parts = 64;
    lim.max_depth = 8;
    lim.max_part_bytes = 64 * 1024;
    lim.max_text_bytes = 32 * 1024;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *msg = (const char *)data;
    struct extraction ex;
    memset(&ex, 0, sizeof ex);
    enum sl_status st = extract_message(msg, size, &lim, NULL, &ex);
    FUZZ_CHECK(st == SL_OK, "extract_message: %s", sl_status_str(st));
    size_t total = 0;
    for (size_t i = 0; i < ex.nsegs; i++) {
        const struct text_segment *s = &ex.segs[i];
        FUZZ_CHECK(s->where != NULL && s->where[0] != '\0', "segment %zu without a location", i);
        FUZZ_CHECK(s->kind <= SEG_ADDRESSES, "segment %s: kind %d", s->where, (int)s->kind);
        if (s->kind == SEG_ADDRESSES)
            check_addresses(s);
        FUZZ_CHECK(s->len == 0 || s->text != NULL, "segment %s: NULL text", s->where);
        FUZZ_CHECK(fuzz_utf8(s->text, s->len), "segment %s is not UTF-8", s->where);
        total += s->len;
    }
    FUZZ_CHECK(total == ex.text_bytes, "segments hold %zu bytes, text_bytes %zu", total,
               ex.text_bytes);
    FUZZ_CHECK(total <= lim.max_text_bytes, "%zu bytes of text over max_text_bytes", total);
    const char **extra = calloc(ex.nnotes + 1, sizeof *extra);
    FUZZ_CHECK(extra != NULL, "out of memory");
    for (size_t i = 0; i < ex.nnotes; i++) {
        const struct extract_note *n = &ex.notes[i];
        FUZZ_CHECK(memchr(n->rule, '\0', sizeof n->rule) && memchr(n->where, '\0', sizeof n->where),
                   "note %zu not terminated", i);
        FUZZ_CHECK(strncmp(n->rule, "unscannable.", 12) == 0, "note '%s'", n->rule);
        extra[i] = n->where;
    }
    extra[ex.nnotes] = "message"; /* the time limit */

    struct detect_result res = {0};
    st = scan_message(pack, &lim, NULL, scratch, msg, size, &res, NULL);
    FUZZ_CHECK(st == SL_OK, "scan_message: %s", sl_status_str(st));
    fuzz_check_result(&res, ex.segs, ex.nsegs, extra, ex.nnotes + 1, true);
    (void)scan_incomplete(&res);
    detect_result_free(&res);
    free(extra);
    extract_free(&ex);
    return 0;
}
