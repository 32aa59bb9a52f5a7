/*
 * scan - one message through extraction and detection: the engine entry
 * point shared by `sluis scan` and the milter.
 *
 * The pack and limits are a read-only snapshot shared by all threads; the
 * scratch is per thread. Parts that could not be read (limits, unsupported
 * attachments, encryption) become findings of category "unscannable" with
 * confidence "none": they never change the verdict, and the policy decides
 * what to do with them.
 */
#ifndef SLUIS_SCAN_H
#define SLUIS_SCAN_H

#include "../extract/extract.h"
#include "../rules/detect.h"

struct scan_stats {
    size_t bytes;      /* message size */
    size_t text_bytes; /* text handed to detection */
    size_t segments;
    uint64_t ns;     /* wall time */
    uint64_t cpu_ns; /* this thread's CPU time in it (not an extraction worker's): far below
                      * ns, the thread waited (for a core, a worker, a page) */
};

/* scan_message - scan data[0..len) (borrowed), attached documents read by
 * the workers of pool (NULL: not read), into res (caller zeroes it and
 * frees it with detect_result_free). Returns SL_ENOMEM when memory ran out;
 * res is then not to be trusted and the caller must not pass the message. */
enum sl_status scan_message(const struct pack *p, const struct extract_limits *lim,
                            struct attach_pool *pool, struct detect_scratch *s, const char *data,
                            size_t len, struct detect_result *res, struct scan_stats *stats);

/* scan_finding_incomplete - is f a part that escaped scanning (a limit, a
 * reader that could not finish, a worker that failed)? Whoever noted the part
 * decided (detect_add_note): an encrypted part is protected as it is, an
 * image holds no text without OCR, and a part whose structure could not be
 * read but whose bytes were scanned as raw text missed nothing a reader
 * would find in the clear; those are recorded and do not count. */
bool scan_finding_incomplete(const struct finding *f);

/* scan_incomplete - did any part of the message escape scanning? */
bool scan_incomplete(const struct detect_result *r);

#endif
