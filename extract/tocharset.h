/*
 * tocharset - bytes in a declared character set as UTF-8 (GLib's iconv,
 * GMime's charset names): how the extraction and the portal's view read a
 * text part.
 */
#ifndef SLUIS_TOCHARSET_H
#define SLUIS_TOCHARSET_H

#include <stddef.h>

/* charset_to_utf8 - raw[0..len) in charset (NULL: UTF-8) as valid UTF-8
 * without NUL (malloc'd, caller frees; *outlen its length): NUL bytes
 * become spaces first (g_utf8_validate refuses them, and UTF-8 text with a
 * NUL would otherwise be read as windows-1252); an unknown charset or
 * bytes that do not fit it fall back to windows-1252 (the usual truth
 * behind a wrong label), and then to U+FFFD for what is left. NULL only
 * when out of memory. */
char *charset_to_utf8(const char *raw, size_t len, const char *charset, size_t *outlen);

#endif
