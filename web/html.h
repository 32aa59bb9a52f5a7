/*
 * html - the one HTML writer of the portal and the dashboard.
 *
 * Pages are written into a struct buf through a struct html, which keeps the
 * first failure (an allocation): after it, writes do nothing and
 * html_status() reports it, so a page is written without a check per call
 * and can never be sent cut short. Text goes through html_text(), which
 * escapes & < > " ' (so one function serves element text and quoted
 * attribute values alike), drops control characters other than TAB, LF and
 * CR and replaces bytes that are not UTF-8 by U+FFFD: whatever the input,
 * the output is well-formed UTF-8 text. Markup goes only through
 * HTML_LIT(), which accepts string literals only (a variable does not
 * compile), so no untrusted byte reaches the page unescaped. There is no
 * printf-like function on purpose: never %s into HTML.
 *
 * Not thread-safe per writer; writers on different buffers are independent.
 */
#ifndef SLUIS_HTML_H
#define SLUIS_HTML_H

#include <stddef.h>

#include "../common/buf.h"
#include "../common/status.h"

struct html {
    struct buf *out;   /* borrowed: the page goes here */
    enum sl_status st; /* the first failure; SL_OK while all went well */
};

#define HTML_INIT(bufp)                                                                            \
    {                                                                                              \
        (bufp), SL_OK                                                                              \
    }

/* HTML_LIT - append markup; lit must be a string literal ("" lit "" does not
 * compile otherwise), never data */
#define HTML_LIT(h, lit) html_raw_literal((h), "" lit "", sizeof(lit) - 1)

/* HTML_ATTR - append ` name="value"`: name a literal, value escaped by
 * html_text() (value: pointer and length, need not be NUL-terminated) */
#define HTML_ATTR(h, name, value, len) html_attr_literal((h), " " name "=\"", (value), (len))

/* html_raw_literal - what HTML_LIT() calls; use the macro */
void html_raw_literal(struct html *h, const char *lit, size_t len);
/* html_attr_literal - what HTML_ATTR() calls; use the macro */
void html_attr_literal(struct html *h, const char *open, const char *value, size_t len);

/* html_text - append len bytes of s (borrowed, need not be NUL-terminated)
 * as text: & < > " ' become entities; NUL and other controls but TAB, LF and
 * CR are dropped; a byte that does not start valid UTF-8 becomes U+FFFD */
void html_text(struct html *h, const char *s, size_t len);
/* html_str - html_text() of a NUL-terminated string; NULL writes nothing */
void html_str(struct html *h, const char *s);

/* html_url_arg - append len bytes of s percent-encoded for a URL path
 * segment or query value: every byte but A-Z a-z 0-9 - . _ ~ becomes %XX
 * (RFC 3986, section 2.3), so the result is also safe in an attribute */
void html_url_arg(struct html *h, const char *s, size_t len);

/* html_int, html_uint - append a number in decimal */
void html_int(struct html *h, long long v);
void html_uint(struct html *h, unsigned long long v);

/*
 * struct html_link - a link built from parts rather than pasted together:
 * a fixed path prefix (a literal of the program's own, written as is), then
 * path segments and query values, each percent-encoded by html_url_arg().
 * The segments end at the first NULL; an unused query entry has a NULL name.
 */
#define HTML_LINK_SEGS  4
#define HTML_LINK_QUERY 4
struct html_link {
    const char *prefix; /* e.g. "/p/": trusted, from the program; must be URL-safe */
    const char *seg[HTML_LINK_SEGS];
    struct {
        const char *name; /* a literal of the program's own, e.g. "lang" */
        const char *value;
    } query[HTML_LINK_QUERY];
};

/* html_href - append the link as a URL (prefix, seg[0]/seg[1]/..., then
 * ?name=value&name=value; the & written as &amp;) for use inside a quoted
 * attribute: HTML_LIT(h, "<a href=\""); html_href(h, &l); HTML_LIT(h, "\">") */
void html_href(struct html *h, const struct html_link *link);

/* html_status - SL_OK, or the first failure (SL_ENOMEM) since HTML_INIT */
enum sl_status html_status(const struct html *h);

#endif
