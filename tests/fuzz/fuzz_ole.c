/*
 * fuzz_ole - the legacy Office reader (attach/ole.c): OLE2 compound files,
 * Word 97-2003 and Excel 97-2003 and 5.0/95, other OLE files as text runs.
 *
 * Feeds: the input as a compound file, to ole_extract() in this process
 * (in production it runs in the extraction worker), with a text budget of
 * 64 KiB, or of 1 KiB for inputs of odd length so that the cut is reached.
 * Checks beyond no crash and no leak:
 * - ole_extract() returns SL_OK whatever the input;
 * - the sink gets well-formed UTF-8 and notes named "unscannable.*"
 *   (fuzz_doc_sink), and no more text than the budget.
 */
#include "../../attach/ole.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct doc_sink sink;
    struct fuzz_doc_seen seen;
    size_t max_text = size % 2 ? 1024 : 64 * 1024;
    fuzz_doc_sink(&sink, &seen);
    enum sl_status st = ole_extract((const char *)data, size, max_text, &sink);
    FUZZ_CHECK(st == SL_OK, "ole_extract: %s", sl_status_str(st));
    FUZZ_CHECK(seen.text <= max_text, "%zu bytes of text over the budget of %zu", seen.text,
               max_text);
    return 0;
}
