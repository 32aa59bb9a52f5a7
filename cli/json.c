/*
 * json - writing JSON strings. See json.h.
 */
#include "json.h"

#include <stdint.h>

#include "../rules/fold.h"

enum sl_status json_string(struct buf *b, const char *s)
{
    enum sl_status st = buf_append_char(b, '"');
    const unsigned char *p = (const unsigned char *)s;
    size_t len = 0;
    while (p[len])
        len++;
    for (size_t i = 0; i < len && st == SL_OK;) {
        uint32_t cp;
        size_t k = fold_utf8_decode(p + i, len - i, &cp);
        if (cp == '"' || cp == '\\') {
            st = buf_append_char(b, '\\');
            if (st == SL_OK)
                st = buf_append_char(b, (char)cp);
        } else if (cp == '\n') {
            st = buf_append_str(b, "\\n");
        } else if (cp == '\t') {
            st = buf_append_str(b, "\\t");
        } else if (cp < 0x20 || cp == 0x7F) {
            st = buf_printf(b, "\\u%04x", (unsigned)cp);
        } else if (cp == 0xFFFD && k == 1) {
            st = buf_append_str(b, "\\ufffd");
        } else {
            st = buf_append(b, p + i, k);
        }
        i += k;
    }
    if (st == SL_OK)
        st = buf_append_char(b, '"');
    return st;
}
