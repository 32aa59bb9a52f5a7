/*
 * file - reading a whole file into memory; writing all of a buffer. See
 * file.h.
 */
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"

char *file_read_all(const char *path, size_t max, size_t *len, char *err, size_t errlen)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    struct buf b = BUF_INIT;
    char chunk[65536];
    size_t n;
    const char *why = NULL;

    if (f == NULL) {
        snprintf(err, errlen, "%s", strerror(errno));
        return NULL;
    }
    while (why == NULL && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > max)
            why = "file too large";
        else if (buf_append(&b, chunk, n) != SL_OK)
            why = "out of memory";
    }
    if (why == NULL && ferror(f))
        why = strerror(errno);
    if (f != stdin)
        fclose(f);
    if (why) {
        snprintf(err, errlen, "%s", why);
        buf_free(&b);
        return NULL;
    }
    return buf_steal(&b, len);
}

bool file_write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}
