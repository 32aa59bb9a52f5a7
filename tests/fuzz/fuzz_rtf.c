/*
 * fuzz_rtf - the RTF reader (attach/rtf.c).
 *
 * Feeds: the input as an RTF document, to rtf_to_text() in this process,
 * once with room for all its text and once with room for about half of it.
 * Checks beyond no crash and no leak:
 * - rtf_to_text() returns SL_OK; the text is UTF-8 and within max_out;
 * - cut short, the text is a prefix of the whole text that ends on a
 *   character boundary, and holds nearly as much as fits: short of
 *   max_out by less than the longest piece the reader appends at once (a
 *   character of 4 bytes; " | " between cells, which the row's end takes
 *   back after the last cell);
 *   truncated is set, unless all that was left out is the line end the
 *   reader adds after the last line where it fits.
 */
#include <string.h>

#include "../../attach/rtf.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_OUT (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    struct buf all = BUF_INIT, cut = BUF_INIT;
    bool truncated = true;
    enum sl_status st = rtf_to_text(in, size, MAX_OUT, &all, &truncated);
    FUZZ_CHECK(st == SL_OK, "rtf_to_text: %s", sl_status_str(st));
    FUZZ_CHECK(all.len <= MAX_OUT, "%zu bytes over max_out", all.len);
    FUZZ_CHECK(fuzz_utf8(all.data, all.len), "text is not UTF-8");
    if (!truncated && all.len > 0) {
        size_t max = all.len / 2;
        st = rtf_to_text(in, size, max, &cut, &truncated);
        FUZZ_CHECK(st == SL_OK, "rtf_to_text: %s", sl_status_str(st));
        FUZZ_CHECK(cut.len <= max, "cut at %zu: %zu bytes", max, cut.len);
        FUZZ_CHECK(cut.len == 0 || memcmp(cut.data, all.data, cut.len) == 0,
                   "the cut text is not the start of the whole");
        FUZZ_CHECK(fuzz_utf8(cut.data, cut.len), "cut text is not UTF-8");
        FUZZ_CHECK(truncated || (cut.len + 1 == all.len && all.data[cut.len] == '\n'),
                   "cut at %zu of %zu bytes, not said to be truncated", cut.len, all.len);
        FUZZ_CHECK(max - cut.len < 4, "cut at %zu of %zu for max_out %zu", cut.len, all.len, max);
    }
    buf_free(&all);
    buf_free(&cut);
    return 0;
}
