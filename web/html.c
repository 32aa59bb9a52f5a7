/*
 * html - the HTML writer. See html.h.
 *
 * Input limits: html_text() reads exactly len bytes and never past them;
 * a UTF-8 sequence cut by the end of the input is bad and becomes U+FFFD.
 */
#include "html.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

static void put(struct html *h, const char *p, size_t len)
{
    if (h->st != SL_OK)
        return;
    h->st = buf_append(h->out, p, len);
}

void html_raw_literal(struct html *h, const char *lit, size_t len)
{
    put(h, lit, len);
}

void html_text(struct html *h, const char *s, size_t len)
{
    static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */
    size_t i = 0;
    size_t run = 0; /* start of the bytes not written yet, copied as they are */

    while (i < len && h->st == SL_OK) {
        unsigned char c = (unsigned char)s[i];
        const char *ent = NULL;
        size_t skip = 1;

        switch (c) {
        case '&':
            ent = "&amp;";
            break;
        case '<':
            ent = "&lt;";
            break;
        case '>':
            ent = "&gt;";
            break;
        case '"':
            ent = "&quot;";
            break;
        case '\'':
            ent = "&#39;";
            break;
        default:
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                ent = ""; /* controls are dropped */
            } else if (c >= 0x80) {
                size_t n = utf8_char_len(s + i, len - i);
                if (n == 0)
                    ent = replacement;
                else
                    skip = n;
            }
        }
        if (ent == NULL) {
            i += skip;
            continue;
        }
        put(h, s + run, i - run);
        put(h, ent, strlen(ent));
        i += skip;
        run = i;
    }
    put(h, s + run, i - run);
}

void html_str(struct html *h, const char *s)
{
    if (s != NULL)
        html_text(h, s, strlen(s));
}

void html_attr_literal(struct html *h, const char *open, const char *value, size_t len)
{
    put(h, open, strlen(open));
    html_text(h, value, len);
    put(h, "\"", 1);
}

void html_url_arg(struct html *h, const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t run = 0;

    for (size_t i = 0; i < len && h->st == SL_OK; i++) {
        unsigned char c = (unsigned char)s[i];
        /* RFC 3986, section 2.3: the unreserved characters */
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~')
            continue;
        char pct[3] = {'%', hex[c >> 4], hex[c & 15]};
        put(h, s + run, i - run);
        put(h, pct, sizeof pct);
        run = i + 1;
    }
    put(h, s + run, len - run);
}

void html_int(struct html *h, long long v)
{
    char num[32];
    int n = snprintf(num, sizeof num, "%lld", v);
    put(h, num, (size_t)n);
}

void html_uint(struct html *h, unsigned long long v)
{
    char num[32];
    int n = snprintf(num, sizeof num, "%llu", v);
    put(h, num, (size_t)n);
}

void html_href(struct html *h, const struct html_link *link)
{
    if (link->prefix != NULL)
        html_str(h, link->prefix); /* the program's own; escaped all the same */
    for (size_t i = 0; i < HTML_LINK_SEGS && link->seg[i] != NULL; i++) {
        if (i > 0)
            put(h, "/", 1);
        html_url_arg(h, link->seg[i], strlen(link->seg[i]));
    }
    const char *sep = "?";
    for (size_t i = 0; i < HTML_LINK_QUERY; i++) {
        if (link->query[i].name == NULL)
            continue;
        put(h, sep, strlen(sep));
        html_url_arg(h, link->query[i].name, strlen(link->query[i].name));
        put(h, "=", 1);
        if (link->query[i].value != NULL)
            html_url_arg(h, link->query[i].value, strlen(link->query[i].value));
        sep = "&amp;";
    }
}

enum sl_status html_status(const struct html *h)
{
    return h->st;
}
