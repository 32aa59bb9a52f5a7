/*
 * scan - extraction + detection for one message. See scan.h.
 */
#include "scan.h"

#include <string.h>
#include <time.h>

static uint64_t thread_cpu_ns(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

enum sl_status scan_message(const struct pack *p, const struct extract_limits *lim,
                            struct attach_pool *pool, struct detect_scratch *s, const char *data,
                            size_t len, struct detect_result *res, struct scan_stats *stats)
{
    struct extraction ex;
    uint64_t t0 = detect_now_ns(), c0 = thread_cpu_ns();
    bool timed_out = false;

    memset(&ex, 0, sizeof ex);
    enum sl_status st = extract_message(data, len, lim, pool, &ex);
    if (st == SL_OK)
        st =
            detect_message(p, s, ex.segs, ex.nsegs, ex.newsletter, ex.deadline_ns, &timed_out, res);
    if (st == SL_OK && timed_out)
        st = detect_add_note(res, "unscannable.time-limit", "message", true);
    for (size_t i = 0; st == SL_OK && i < ex.nnotes; i++)
        st = detect_add_note(res, ex.notes[i].rule, ex.notes[i].where, ex.notes[i].incomplete);
    if (stats) {
        stats->bytes = len;
        stats->text_bytes = ex.text_bytes;
        stats->segments = ex.nsegs;
        stats->ns = detect_now_ns() - t0;
        stats->cpu_ns = thread_cpu_ns() - c0;
    }
    extract_free(&ex);
    return st;
}

bool scan_finding_incomplete(const struct finding *f)
{
    return f->incomplete;
}

bool scan_incomplete(const struct detect_result *r)
{
    return r->incomplete;
}
