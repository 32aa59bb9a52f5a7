/*
 * html - HTML to plain text, for scanning.
 *
 * Not a renderer: it keeps what a reader sees as text. Tags are dropped;
 * script, style, head, noscript and template content is dropped; comments
 * and declarations are dropped; character references are decoded (named
 * references of HTML's Latin-1 and punctuation sets, decimal and hex);
 * block elements and <p> become line breaks (mail clients write a <p> per
 * line), an empty <p>, two <br>, <table>, headings and lists become blank
 * lines (paragraph breaks), table cells are joined with " | " so
 * that one table row stays one line; white space is collapsed outside <pre>.
 *
 * Input: pointer + length, UTF-8 (not NUL-terminated); any bytes are safe.
 * Output: appended to a caller-owned buffer. Linear time; no recursion.
 */
#ifndef SLUIS_HTML_H
#define SLUIS_HTML_H

#include <stddef.h>

#include "../common/buf.h"

enum sl_status html_to_text(const char *html, size_t len, struct buf *out);

#endif
