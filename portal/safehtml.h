/*
 * safehtml - the HTML body of a message, made safe to embed in a portal page.
 *
 * The input is parsed with libxml2's HTML parser (as a browser would, more
 * or less: unclosed tags closed, entities decoded, comments recognised) and
 * the tree is written out again through an allow-list. Only these elements
 * are written, with these attributes:
 *
 *   p br div span b strong i em u s blockquote pre code ul ol li dl dt dd
 *   table thead tbody tfoot tr td th caption h1-h6 hr sub sup small
 *   a         href (http, https, mailto only), written with
 *             rel="noopener noreferrer nofollow"
 *   td, th    colspan, rowspan (1 to 1000)
 *   any       lang (letters, digits, '-'), dir (ltr, rtl, auto)
 *
 * An <img> is never written (the portal loads nothing from outside): its
 * alt text, or the placeholder, stands in a <span class="img"> instead.
 * The content of script, style, template, noscript, title, head, iframe,
 * frame, frameset, object, applet, svg, math, select, textarea and xml is
 * dropped with the element; any other element (form, input, button, embed,
 * meta, link, base, font, center, html, body, an unknown one) is
 * unwrapped: left out, its content (if any) kept. Comments (IE's
 * conditional ones too), processing instructions, CDATA and every other
 * attribute (on*, style, class, id, src, ...) are dropped. Table parts,
 * list items and dt/dd are written only inside their table, list or dl, so
 * that the browser's parser does not move them about (astray, they become
 * a div; thead, tbody and tfoot are unwrapped). Text is escaped
 * (& < > " '), so the output can only hold the elements written here.
 *
 * Limits: input over SAFEHTML_MAX_INPUT bytes is refused; elements deeper
 * than SAFEHTML_MAX_DEPTH written levels are unwrapped (their text kept;
 * libxml2 itself stops reading at 256 levels of nesting, and what is
 * deeper than that is lost);
 * output stops at max_out bytes, then every open element is closed (at
 * most SAFEHTML_MAX_DEPTH end tags more, none longer than 13 bytes). The tree
 * walk is iterative. Thread-safe once safehtml_init() has run.
 */
#ifndef SLUIS_SAFEHTML_H
#define SLUIS_SAFEHTML_H

#include <stddef.h>

#include "../common/buf.h"
#include "../common/status.h"

#define SAFEHTML_MAX_INPUT  (32u << 20) /* bytes of HTML handed in */
#define SAFEHTML_MAX_DEPTH  64          /* nesting of written elements */
#define SAFEHTML_MAX_OUT    (4u << 20)  /* default output limit */
#define SAFEHTML_MAX_URL    2048        /* a longer href is dropped (the text stays) */
#define SAFEHTML_IMAGE_TEXT "[afbeelding]"

struct safehtml_options {
    size_t max_out;         /* output limit in bytes (0: SAFEHTML_MAX_OUT) */
    const char *image_text; /* placeholder for an image without alt text, UTF-8
                               (NULL: SAFEHTML_IMAGE_TEXT); escaped when written */
};

/* safehtml_init - set up libxml2 once per process, before threads start */
void safehtml_init(void);

/* safehtml_clean - append the safe form of html[0..len) (borrowed, UTF-8,
 * not NUL-terminated; invalid bytes become U+FFFD) to out (caller-owned).
 * opt may be NULL (defaults). Returns SL_OK; SL_ELIMIT when the output
 * was cut at max_out (what was written is complete and balanced, and
 * worth showing); SL_EINVAL when len is over SAFEHTML_MAX_INPUT (nothing
 * written); SL_ENOMEM. Input that is not HTML at all comes out as its
 * escaped text. */
enum sl_status safehtml_clean(const char *html, size_t len, const struct safehtml_options *opt,
                              struct buf *out);

/* safehtml_text - append text[0..len) to out escaped for HTML text and
 * attribute values: & < > " ' (the portal's pages use their own writer;
 * this one keeps the module whole) */
enum sl_status safehtml_text(struct buf *out, const char *text, size_t len);

/* safehtml_paragraphs - append text[0..len) (UTF-8, LF or CRLF line ends)
 * to out as HTML paragraphs: a blank line parts them, a single line break
 * is a <br>, the text is escaped as by safehtml_text. Nothing for text of
 * blank lines only. For showing a plain-text body. */
enum sl_status safehtml_paragraphs(const char *text, size_t len, struct buf *out);

#endif
