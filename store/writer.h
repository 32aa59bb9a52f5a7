/*
 * writer - events to the store without SMTP ever waiting for the disk.
 *
 * writer_push() copies an event into a bounded queue and returns at once.
 * One thread drains it into the store (metrics_put) in batched
 * transactions (up to WRITER_BATCH events, or what has come within
 * WRITER_LINGER_MS). When the queue is full, or the store fails (disk
 * full, file gone, locked past its timeout), events go to an append-only
 * spill file instead (event_encode lines, 0600, fsync'd per batch; after
 * each line a tab and the sealed address in hex, "-" for none); the
 * thread replays it into the store once the store takes writes again,
 * then truncates it. Only when the spill file cannot be written either is
 * an event lost: counted, and logged once a minute with the count. Never
 * blocks the caller on I/O.
 *
 * Retention: once a day (and at start) events older than retention_months
 * are expired (metrics_expire).
 */
#ifndef SLUIS_WRITER_H
#define SLUIS_WRITER_H

#include <stdbool.h>
#include <stdint.h>

#include "../common/status.h"
#include "event.h"
#include "pseudo.h"

#define WRITER_BATCH     256
#define WRITER_LINGER_MS 200

struct writer_config {
    const char *store;  /* the SQLite file */
    const char *spill;  /* the spill file */
    unsigned queue;     /* events the queue holds; 0: 4096 */
    unsigned retention; /* months kept; 0: 24 */
    /* log - a line about the writer (never data); NULL: stderr */
    void (*log)(int prio, const char *msg);
};

struct writer_stats {
    uint64_t pushed;   /* events handed in */
    uint64_t stored;   /* in the store */
    uint64_t spilled;  /* written to the spill file (queue full or store failing) */
    uint64_t replayed; /* from the spill file into the store */
    uint64_t lost;     /* neither stored nor spilled */
    uint64_t batches;  /* transactions */
};

struct writer;

/* writer_start - open the store (create, migrate), replay any spill file,
 * start the thread. A store that cannot be opened is not fatal: events
 * spill until it can (err says why, and SL_OK is returned with *out set);
 * only a spill file that cannot be opened either fails. */
enum sl_status writer_start(const struct writer_config *cfg, struct writer **out, char *err,
                            size_t errlen);
/* writer_push - queue a copy of e with its sender's sealed address
 * (NULL: none; copied). Never blocks on I/O; thread-safe. */
void writer_push(struct writer *w, const struct event *e, const unsigned char *sealed,
                 size_t sealed_len);
/* writer_flush - wait until everything pushed so far is stored or
 * spilled (tests, shutdown) */
void writer_flush(struct writer *w);
void writer_stats(struct writer *w, struct writer_stats *out);
/* writer_stop - flush, stop the thread, close; NULL is fine */
void writer_stop(struct writer *w);

#endif
