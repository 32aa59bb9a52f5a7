/*
 * spool - memory, then an unlinked temporary file. See spool.h.
 */
#include "spool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/file.h"

void spool_init(struct spool *s, size_t mem_limit, size_t max_bytes, const char *tmpdir)
{
    memset(s, 0, sizeof *s);
    s->fd = -1;
    s->mem_limit = mem_limit;
    s->max_bytes = max_bytes;
    s->tmpdir = tmpdir;
}

/* spill - move what is in memory to a new unlinked 0600 file */
static enum sl_status spill(struct spool *s)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/sluis-XXXXXX", s->tmpdir);
    mode_t old = umask(077);
    int fd = mkstemp(path);
    umask(old);
    if (fd < 0)
        return SL_EIO;
    unlink(path);
    if (!file_write_all(fd, s->mem, s->len)) {
        close(fd);
        return SL_EIO;
    }
    s->fd = fd;
    free(s->mem);
    s->mem = NULL;
    s->cap = 0;
    return SL_OK;
}

enum sl_status spool_append(struct spool *s, const void *p, size_t n)
{
    size_t keep = n;
    s->total += n;
    if (s->len >= s->max_bytes)
        return SL_OK;
    if (s->len + keep > s->max_bytes)
        keep = s->max_bytes - s->len;
    if (keep == 0)
        return SL_OK; /* nothing to keep: s->mem may still be NULL */
    if (s->fd < 0 && s->len + keep > s->mem_limit) {
        enum sl_status st = spill(s);
        if (st != SL_OK)
            return st;
    }
    if (s->fd >= 0) {
        if (!file_write_all(s->fd, p, keep))
            return SL_EIO;
    } else {
        if (s->len + keep > s->cap) {
            size_t cap = s->cap ? s->cap : 16384;
            while (cap < s->len + keep)
                cap *= 2;
            char *m = realloc(s->mem, cap);
            if (m == NULL)
                return SL_ENOMEM;
            s->mem = m;
            s->cap = cap;
        }
        memcpy(s->mem + s->len, p, keep);
    }
    s->len += keep;
    return SL_OK;
}

bool spool_over(const struct spool *s)
{
    return s->total > s->max_bytes;
}

enum sl_status spool_view(struct spool *s, const char **data, size_t *len)
{
    if (s->fd < 0) {
        *data = s->mem ? s->mem : "";
        *len = s->len;
        return SL_OK;
    }
    if (s->map == NULL && s->len > 0) {
        void *m = mmap(NULL, s->len, PROT_READ, MAP_PRIVATE, s->fd, 0);
        if (m == MAP_FAILED)
            return SL_EIO;
        s->map = m;
        s->map_len = s->len;
    }
    *data = s->map ? s->map : "";
    *len = s->len;
    return SL_OK;
}

void spool_reset(struct spool *s)
{
    if (s->map)
        munmap(s->map, s->map_len);
    if (s->fd >= 0)
        close(s->fd);
    free(s->mem);
    spool_init(s, s->mem_limit, s->max_bytes, s->tmpdir);
}
