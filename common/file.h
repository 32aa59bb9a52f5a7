/*
 * file - reading a whole file into memory; writing all of a buffer;
 * reading a key file (64 hex digits, private to its owner).
 */
#ifndef SLUIS_FILE_H
#define SLUIS_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "status.h"

/* file_read_all - read path ("-" is standard input) into a new buffer the
 * caller frees; NUL-terminated, *len excludes the NUL. Files over max bytes
 * are refused. On failure returns NULL with a reason in err (no content). */
char *file_read_all(const char *path, size_t max, size_t *len, char *err, size_t errlen);

/* file_write_all - write all n bytes of p to fd, again after EINTR and
 * after a short write; false on an error (errno says which) or when write
 * writes nothing */
bool file_write_all(int fd, const void *p, size_t n);

/* file_read_key - up to cap bytes of the key file at path into text, how
 * many in *n (-1: read failed), for the caller to take apart and cleanse.
 * It must be a regular file only its owner may read, or a credential
 * systemd handed the service in its private $CREDENTIALS_DIRECTORY
 * (LoadCredential=: root's, 0440 on tmpfs with an ACL for the service's
 * user where systemd has no ramfs; private all the same, though the mode
 * does not say so): a file straight in that folder, writable by no one,
 * readable by no other. what names the key in err ("WHAT key PATH: why";
 * sluis WHAT keygen makes one). SL_EIO: it cannot be opened; SL_EINVAL:
 * its kind or its mode. */
enum sl_status file_read_key(const char *path, const char *what, char *text, size_t cap, ssize_t *n,
                             char *err, size_t errlen);

/* file_key_hex - the first 2 * len of the n characters of text as len
 * bytes into key; false when there are fewer or one is not a hex digit
 * (key[i] is 0 from that byte on, the rest untouched) */
bool file_key_hex(const char *text, ssize_t n, unsigned char *key, size_t len);

#endif
