/*
 * file - reading a whole file into memory; writing all of a buffer;
 * reading a key file. See file.h.
 */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* credential - is path a credential systemd handed this service in its
 * private $CREDENTIALS_DIRECTORY (see file_read_key)? */
static bool credential(const char *path, const struct stat *st)
{
    const char *d = getenv("CREDENTIALS_DIRECTORY");
    size_t n = d ? strlen(d) : 0;
    return n > 1 && d[0] == '/' && strncmp(path, d, n) == 0 && path[n] == '/' &&
           strchr(path + n + 1, '/') == NULL && (st->st_mode & 0222) == 0 &&
           (st->st_mode & 07) == 0;
}

enum sl_status file_read_key(const char *path, const char *what, char *text, size_t cap, ssize_t *n,
                             char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        snprintf(err, errlen, "%s key %s: %s (make one with: sluis %s keygen %s)", what, path,
                 strerror(errno), what, path);
        if (fd >= 0)
            close(fd);
        return SL_EIO;
    }
    if (!S_ISREG(st.st_mode) || ((st.st_mode & 077) != 0 && !credential(path, &st))) {
        snprintf(err, errlen,
                 "%s key %s: must be a regular file readable by its owner only (chmod 600)", what,
                 path);
        close(fd);
        return SL_EINVAL;
    }
    *n = read(fd, text, cap);
    close(fd);
    return SL_OK;
}

static int unhex(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

bool file_key_hex(const char *text, ssize_t n, unsigned char *key, size_t len)
{
    bool ok = n >= 0 && (size_t)n >= 2 * len;
    for (size_t i = 0; ok && i < len; i++) {
        int hi = unhex(text[2 * i]), lo = unhex(text[2 * i + 1]);
        ok = hi >= 0 && lo >= 0;
        key[i] = ok ? (unsigned char)(hi << 4 | lo) : 0;
    }
    return ok;
}
