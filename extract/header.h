/*
 * header - one header field of a message, as policy needs it: the Subject
 * to read subject tags from, and a new Subject without them.
 *
 * GMime does the RFC 2047 work (decoding encoded words in any charset,
 * encoding non-ASCII text back), so the policy never sees GMime types.
 * Call extract_init() once first. Thread-safe.
 */
#ifndef SLUIS_HEADER_H
#define SLUIS_HEADER_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/buf.h"

/* header_find - the value of the first top-level header field called name
 * (case-insensitive) in the message data[0..len), unfolded, raw (encoded
 * words left as they are), into out (reset first). false when absent. */
bool header_find(const char *data, size_t len, const char *name, struct buf *out);

/* header_decode - raw header text to UTF-8 (encoded words decoded, invalid
 * bytes replaced) into out, always NUL-terminated and cut at outlen */
void header_decode(const char *raw, char *out, size_t outlen);

/* header_subject - the message's Subject, decoded to UTF-8, into out
 * ("" when it has none) */
void header_subject(const char *data, size_t len, char *out, size_t outlen);

/* header_encode - UTF-8 text as a header value on one line: control
 * characters but tab (a CR LF that an encoded word carried) become spaces;
 * then unchanged when ASCII, else as RFC 2047 encoded words; into out
 * (reset first) */
enum sl_status header_encode(const char *utf8, struct buf *out);

#endif
