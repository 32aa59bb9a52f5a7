/*
 * file - reading a whole file into memory; writing all of a buffer.
 */
#ifndef SLUIS_FILE_H
#define SLUIS_FILE_H

#include <stdbool.h>
#include <stddef.h>

/* file_read_all - read path ("-" is standard input) into a new buffer the
 * caller frees; NUL-terminated, *len excludes the NUL. Files over max bytes
 * are refused. On failure returns NULL with a reason in err (no content). */
char *file_read_all(const char *path, size_t max, size_t *len, char *err, size_t errlen);

/* file_write_all - write all n bytes of p to fd, again after EINTR and
 * after a short write; false on an error (errno says which) or when write
 * writes nothing */
bool file_write_all(int fd, const void *p, size_t n);

#endif
