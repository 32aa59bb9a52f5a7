/*
 * pool - extraction workers: attached documents are read in separate
 * processes (bin/sluis-extract), never in the scanner's own.
 *
 * A worker runs with an address-space limit, a CPU-time limit, few file
 * descriptors, no core dumps and a seccomp filter (no network, no exec, no
 * files opened for writing); it is fed one attachment at a time over a unix
 * socket. A worker that crashes, runs out of memory, overruns its time or
 * sends anything malformed is killed, its attachment gets an unscannable
 * note, and a fresh worker is started for the next one. Text it sent before
 * failing still counts.
 *
 * Thread-safe: the milter's threads share one pool; a call waits for a free
 * worker. Workers start on first use, so an idle pool costs nothing.
 */
#ifndef SLUIS_POOL_H
#define SLUIS_POOL_H

#include <stddef.h>
#include <stdint.h>

#include "../common/status.h"
#include "doc.h"

struct attach_pool;

/* what one attachment may cost */
struct attach_limits {
    struct doc_limits doc;
    unsigned max_attach_ms; /* wall time, and CPU time rounded up to seconds;
                             * OCR's time (doc.ocr_ms) comes on top */
    unsigned max_worker_mb; /* address space of a worker */
};

void attach_limits_default(struct attach_limits *l);

/* attach_worker_path - the worker to run: $SLUIS_EXTRACT, else the installed
 * one (SLUIS_EXTRACT_PATH, compiled in by "make install") when it is
 * executable, else sluis-extract beside the running program */
void attach_worker_path(char *out, size_t outlen);

/* attach_pool_new - a pool of at most workers processes running path
 * (copied). Starts nothing yet. Returns SL_ENOMEM or SL_OK. */
enum sl_status attach_pool_new(const char *path, unsigned workers, struct attach_pool **out);

/* attach_pool_extract - read data[0..len) (borrowed) in a worker and report
 * its text and notes to out, where locations are relative to the attachment.
 * deadline_ns (absolute, CLOCK_MONOTONIC; 0: none) caps the wall time
 * along with max_attach_ms, to which the OCR time of lim->doc is added.
 * used (may be NULL) gets what OCR used of it. Failures of the worker are
 * notes, so SL_OK is returned unless memory ran out here or the sink
 * failed. */
enum sl_status attach_pool_extract(struct attach_pool *p, const char *data, size_t len,
                                   const char *name, const char *mime,
                                   const struct attach_limits *lim, uint64_t deadline_ns,
                                   struct doc_sink *out, struct doc_usage *used);

/* attach_pool_free - stop the workers and free the pool; no call may be in
 * progress */
void attach_pool_free(struct attach_pool *p);

#endif
