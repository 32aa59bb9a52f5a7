/*
 * utf8 - strict UTF-8 checks (RFC 3629): no overlong forms, no surrogates,
 * nothing above U+10FFFF. Pure functions over a pointer and a length; they
 * never read past it.
 */
#ifndef SLUIS_UTF8_H
#define SLUIS_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* utf8_char_len - the length (1..4) of the valid character at s (len > 0
 * bytes available), or 0 if the bytes there are not one */
size_t utf8_char_len(const char *s, size_t len);
/* utf8_valid - all len bytes are valid UTF-8 */
bool utf8_valid(const char *s, size_t len);

#endif
