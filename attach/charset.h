/*
 * charset - what every document reader needs of character sets: a
 * Windows-1252 byte to its code point, a code point to UTF-8, and whether
 * bytes are UTF-8 at all.
 */
#ifndef SLUIS_CHARSET_H
#define SLUIS_CHARSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* charset_cp1252 - the code point of a Windows-1252 byte; 0 for the five
 * bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) */
uint32_t charset_cp1252(unsigned char c);

/* charset_utf8 - cp as UTF-8 in u (up to 4 bytes); returns the length.
 * Surrogates and values past U+10FFFF become U+FFFD. */
size_t charset_utf8(uint32_t cp, char u[4]);

/* charset_utf8_len - the length of the one well-formed UTF-8 sequence that
 * starts s[0..len) (1 for ASCII), 0 when there is none */
size_t charset_utf8_len(const char *s, size_t len);

/* charset_utf8_valid - is s[0..len) well-formed UTF-8 (no overlong forms,
 * surrogates, values past U+10FFFF or cut sequences)? */
bool charset_utf8_valid(const char *s, size_t len);

#endif
