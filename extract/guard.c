/*
 * guard - counts of the raw bytes before GMime parses them. See guard.h.
 */
#include "guard.h"

#include <string.h>
#include <strings.h>

/* line_from - the first line start at or after q (0, or just after a
 * newline), len when there is none */
static size_t line_from(const char *data, size_t len, size_t q)
{
    if (q == 0 || (q <= len && data[q - 1] == '\n'))
        return q;
    const char *nl = q < len ? memchr(data + q, '\n', len - q) : NULL;
    return nl ? (size_t)(nl - data) + 1 : len;
}

unsigned guard_nesting(const char *data, size_t len)
{
    unsigned n = 0;
    for (size_t i = line_from(data, len, 0); i + 13 < len; i = line_from(data, len, i + 1)) {
        if ((data[i] | 0x20) != 'c' || strncasecmp(data + i, "content-type:", 13) != 0)
            continue;
        size_t j = i + 13;
        while (j < len && (data[j] == ' ' || data[j] == '\t' || data[j] == '\r' || data[j] == '\n'))
            j++;
        if ((len - j >= 9 && strncasecmp(data + j, "multipart", 9) == 0) ||
            (len - j >= 8 && strncasecmp(data + j, "message/", 8) == 0))
            n++;
    }
    return n;
}

size_t guard_address_colons(const char *data, size_t len)
{
    static const char *const names[] = {"from:",
                                        "to:",
                                        "cc:",
                                        "bcc:",
                                        "reply-to:",
                                        "sender:",
                                        "resent-",
                                        "mail-followup-to:",
                                        "mail-reply-to:",
                                        "disposition-notification-to:",
                                        "return-receipt-to:"};
    size_t most = 0;
    for (size_t i = line_from(data, len, 0); i < len; i = line_from(data, len, i + 1)) {
        /* every name starts with one of these letters: most lines end here */
        char first = (char)(data[i] | 0x20);
        if (strchr("ftcbrsmd", first) == NULL)
            continue;
        size_t k;
        for (k = 0; k < sizeof names / sizeof names[0]; k++) {
            size_t n = strlen(names[k]);
            if (len - i > n && strncasecmp(data + i, names[k], n) == 0)
                break;
        }
        if (k == sizeof names / sizeof names[0])
            continue;
        const char *colon = memchr(data + i, ':', len - i);
        size_t j = colon ? (size_t)(colon - data) + 1 : len, count = 0;
        for (; j < len; j++) {
            if (data[j] == ':')
                count++;
            else if (data[j] == '\n' &&
                     !(j + 1 < len && (data[j + 1] == ' ' || data[j + 1] == '\t')))
                break; /* the header ends where a line does not continue it */
        }
        if (count > most)
            most = count;
        i = j > i ? j - 1 : i;
    }
    return most;
}
