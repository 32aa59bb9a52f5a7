/*
 * fuzz_pdf - PDF documents: the stream preflight that runs before poppler
 * (attach/pdf.c), then the whole reader with poppler for inputs small
 * enough to keep the run fast.
 *
 * Feeds: the input as a PDF document, first to pdf_preflight() against a
 * budget of 4 MiB decompressed (the ratio limit, 100, counts past 1 MiB
 * per stream), then, when the preflight passes it and it is at most
 * 64 KiB, to doc_extract() as "fuzz.pdf": the preflight again, poppler,
 * the page loop and the gap-to-space pass over poppler's layout, and a
 * page without text rendered small and read by OCR (one, briefly).
 * Poppler itself is not instrumented: libFuzzer is guided by our code only.
 * Checks beyond no crash and no leak:
 * - the preflight returns NULL or one of its two limits, never counts
 *   past the budget, and counts nothing when it refuses the document;
 * - doc_extract() returns SL_OK; its text is UTF-8 and within
 *   max_text_bytes, its notes are "unscannable.*" (fuzz_doc_sink).
 */
#include <string.h>

#include "../../attach/docread.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define POPPLER_MAX (64 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    struct doc_limits lim;
    fuzz_doc_limits(&lim); /* a page without text is read by OCR, briefly */
    lim.max_expanded_bytes = 4 * 1024 * 1024;
    lim.max_ratio = 100;
    lim.max_pages = 8;
    struct doc_sink sink;
    struct fuzz_doc_seen seen;
    fuzz_doc_sink(&sink, &seen);

    struct doc_read r = {&lim, &sink, 0, 0, 0, 0, false, {0, 0, 0}};
    const char *rule = pdf_preflight(&r, in, size);
    FUZZ_CHECK(rule == NULL || strcmp(rule, "unscannable.ratio-limit") == 0 ||
                   strcmp(rule, "unscannable.expanded-size-limit") == 0,
               "preflight: %s", rule);
    FUZZ_CHECK(r.expanded <= lim.max_expanded_bytes, "preflight counted %llu of %llu",
               (unsigned long long)r.expanded, (unsigned long long)lim.max_expanded_bytes);
    FUZZ_CHECK(rule == NULL || r.expanded == 0, "refused, and counted %llu",
               (unsigned long long)r.expanded);
    FUZZ_CHECK(seen.notes == 0 && seen.segments == 0, "the preflight reported");
    if (rule != NULL || size > POPPLER_MAX)
        return 0;

    enum sl_status st = doc_extract(in, size, "fuzz.pdf", "application/pdf", &lim, &sink, NULL);
    FUZZ_CHECK(st == SL_OK, "doc_extract: %s", sl_status_str(st));
    FUZZ_CHECK(seen.text <= lim.max_text_bytes, "%zu bytes of text over %zu", seen.text,
               lim.max_text_bytes);
    return 0;
}
