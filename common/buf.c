/*
 * buf - a growable byte buffer. See buf.h.
 */
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *sl_status_str(enum sl_status st)
{
    switch (st) {
    case SL_OK:
        return "ok";
    case SL_ENOMEM:
        return "out of memory";
    case SL_EIO:
        return "input/output error";
    case SL_EPARSE:
        return "parse error";
    case SL_EINVAL:
        return "invalid argument";
    case SL_ELIMIT:
        return "limit reached";
    case SL_ENOENT:
        return "not found";
    }
    return "unknown status";
}

enum sl_status buf_reserve(struct buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return SL_ENOMEM;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return SL_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (p == NULL)
        return SL_ENOMEM;
    b->data = p;
    b->cap = cap;
    return SL_OK;
}

enum sl_status buf_append(struct buf *b, const void *p, size_t len)
{
    enum sl_status st = buf_reserve(b, len);
    if (st != SL_OK)
        return st;
    if (len)
        memcpy(b->data + b->len, p, len);
    b->len += len;
    b->data[b->len] = '\0';
    return SL_OK;
}

enum sl_status buf_append_str(struct buf *b, const char *s)
{
    return buf_append(b, s, strlen(s));
}

enum sl_status buf_append_char(struct buf *b, char c)
{
    return buf_append(b, &c, 1);
}

enum sl_status buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return SL_EINVAL;
    enum sl_status st = buf_reserve(b, (size_t)n);
    if (st != SL_OK)
        return st;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return SL_OK;
}

void buf_reset(struct buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void buf_free(struct buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *buf_steal(struct buf *b, size_t *len)
{
    char *p = b->data;
    if (p == NULL)
        p = calloc(1, 1);
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}
