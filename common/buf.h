/*
 * buf - a growable byte buffer.
 *
 * The buffer owns its bytes; buf_free() releases them. Appends keep a NUL
 * after the last byte so the contents can be read as a C string, but the
 * length is authoritative (the contents may hold NUL bytes). Not thread-safe;
 * one owner at a time.
 */
#ifndef SLUIS_BUF_H
#define SLUIS_BUF_H

#include <stddef.h>

#include "status.h"

struct buf {
    char *data;
    size_t len;
    size_t cap;
};

#define BUF_INIT                                                                                   \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

/* buf_reserve - make room for at least extra more bytes (plus the NUL) */
enum sl_status buf_reserve(struct buf *b, size_t extra);
/* buf_append - append len bytes from p (borrowed) */
enum sl_status buf_append(struct buf *b, const void *p, size_t len);
/* buf_append_str - append a NUL-terminated string */
enum sl_status buf_append_str(struct buf *b, const char *s);
/* buf_append_char - append one byte */
enum sl_status buf_append_char(struct buf *b, char c);
/* buf_printf - append formatted text */
enum sl_status buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* buf_reset - forget the contents, keep the memory */
void buf_reset(struct buf *b);
/* buf_free - release the memory; the buffer is empty and reusable after */
void buf_free(struct buf *b);
/* buf_steal - hand the bytes to the caller (who frees them); the buffer is empty after */
char *buf_steal(struct buf *b, size_t *len);

#endif
