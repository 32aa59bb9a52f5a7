/*
 * charset - the two conversions every document reader needs: a
 * Windows-1252 byte to its code point, and a code point to UTF-8.
 */
#ifndef SLUIS_CHARSET_H
#define SLUIS_CHARSET_H

#include <stddef.h>
#include <stdint.h>

/* charset_cp1252 - the code point of a Windows-1252 byte; 0 for the five
 * bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) */
uint32_t charset_cp1252(unsigned char c);

/* charset_utf8 - cp as UTF-8 in u (up to 4 bytes); returns the length.
 * Surrogates and values past U+10FFFF become U+FFFD. */
size_t charset_utf8(uint32_t cp, char u[4]);

#endif
