/*
 * spool - one message as it arrives: in memory up to a threshold, then in
 * an unlinked 0600 file in tmpdir; past the size cap it only counts.
 *
 * The file is created with mkstemp and unlinked at once, so nothing is left
 * behind when the process dies. spool_view() maps it for the scanner.
 * One owner, not thread-safe.
 */
#ifndef SLUIS_SPOOL_H
#define SLUIS_SPOOL_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/status.h"

struct spool {
    char *mem;
    size_t len, cap;
    int fd;             /* -1 while in memory */
    size_t total;       /* bytes offered, kept or not */
    size_t mem_limit;   /* spill past this */
    size_t max_bytes;   /* keep no more than this */
    const char *tmpdir; /* borrowed */
    void *map;          /* spool_view's mapping */
    size_t map_len;
};

void spool_init(struct spool *s, size_t mem_limit, size_t max_bytes, const char *tmpdir);

/* spool_append - add n bytes; SL_EIO when the file cannot be written (a
 * full disk), SL_ENOMEM. Past max_bytes, bytes are counted, not kept. */
enum sl_status spool_append(struct spool *s, const void *p, size_t n);

/* spool_over - more than max_bytes were offered */
bool spool_over(const struct spool *s);

/* spool_view - the kept bytes as one read-only block, valid until the
 * next spool call */
enum sl_status spool_view(struct spool *s, const char **data, size_t *len);

/* spool_reset - empty, ready for the next message (the file is closed) */
void spool_reset(struct spool *s);

#endif
