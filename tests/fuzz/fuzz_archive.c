/*
 * fuzz_archive - zip and gzip attachments (attach/archive.c), and what
 * they hold, read recursively by every reader within one budget.
 *
 * Feeds: the input as a gzip file when it starts with the gzip magic
 * (1F 8B), else as a zip file, to archive_read_gzip() or
 * archive_read_zip() in this process, with small limits that inputs of a
 * fuzzer's size can reach: 8 MiB decompressed, a ratio of 100 past 1 MiB,
 * 16 members, archives 3 deep, 64 KiB of text.
 * Checks beyond no crash and no leak:
 * - the reader returns SL_OK and leaves the archive depth at 0;
 * - the shared counts stay within the limits: decompressed bytes never
 *   past the budget, members at most max_members plus one per archive
 *   level (each level counts the member that meets the limit), text at
 *   most max_text_bytes and all of it given to the sink;
 * - the sink gets UTF-8 text and "unscannable.*" notes (fuzz_doc_sink).
 */
#include <string.h>

#include "../../attach/docread.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    struct doc_limits lim;
    doc_limits_default(&lim);
    lim.max_expanded_bytes = 8 * 1024 * 1024;
    lim.max_ratio = 100;
    lim.max_members = 16;
    lim.max_archive_depth = 3;
    lim.max_pages = 4;
    lim.max_text_bytes = 64 * 1024;
    struct doc_sink sink;
    struct fuzz_doc_seen seen;
    fuzz_doc_sink(&sink, &seen);
    struct doc_read r = {&lim, &sink, 0, 0, 0, 0, false, {0, 0, 0}};

    enum sl_status st = size >= 2 && memcmp(in, "\x1F\x8B", 2) == 0
                            ? archive_read_gzip(&r, in, size, "fuzz.gz", "")
                            : archive_read_zip(&r, in, size, "");
    FUZZ_CHECK(st == SL_OK, "archive: %s", sl_status_str(st));
    FUZZ_CHECK(r.depth == 0, "depth %u after the archive", r.depth);
    FUZZ_CHECK(r.expanded <= lim.max_expanded_bytes, "%llu bytes decompressed, budget %llu",
               (unsigned long long)r.expanded, (unsigned long long)lim.max_expanded_bytes);
    FUZZ_CHECK(r.members <= lim.max_members + lim.max_archive_depth, "%u members", r.members);
    FUZZ_CHECK(r.text <= lim.max_text_bytes && r.text == seen.text,
               "%zu bytes of text counted, %zu given, limit %zu", r.text, seen.text,
               lim.max_text_bytes);
    return 0;
}
