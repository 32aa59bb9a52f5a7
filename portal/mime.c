/*
 * mime - GMime pieces of the portal. See mime.h.
 */
#include "mime.h"

#include <string.h>

bool mime_msgid_ok(const char *id)
{
    size_t n = id ? strlen(id) : 0;
    if (n == 0 || n > 250 || strchr(id, '@') == NULL)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)id[i] <= 0x20 || (unsigned char)id[i] >= 0x7F || id[i] == '<' ||
            id[i] == '>')
            return false;
    return true;
}

enum sl_status mime_write(GMimeObject *o, struct buf *out)
{
    GMimeFormatOptions *fo = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(fo, GMIME_NEWLINE_FORMAT_DOS);
    GMimeStream *mem = g_mime_stream_mem_new();
    g_mime_object_write_to_stream(o, fo, mem);
    GByteArray *arr = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
    enum sl_status st = arr && arr->len ? buf_append(out, arr->data, arr->len) : SL_ENOMEM;
    g_object_unref(mem);
    g_mime_format_options_free(fo);
    return st;
}
