/*
 * json - writing JSON strings.
 */
#ifndef SLUIS_JSON_H
#define SLUIS_JSON_H

#include <stddef.h>

#include "../common/buf.h"

/* json_string - append s (NUL-terminated) as a quoted JSON string; invalid
 * UTF-8 becomes U+FFFD, control characters are escaped */
enum sl_status json_string(struct buf *b, const char *s);

#endif
