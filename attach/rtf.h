/*
 * rtf - the plain text of a Rich Text Format document (RTF 1.9.1).
 *
 * Keeps what a reader of the document sees: body text, headers and footers
 * (they often hold the patient's name), footnotes, field results and table
 * cells. Drops destinations that are not text: font, colour, style and list
 * tables, document information, pictures, embedded objects (their \result
 * text is kept), theme and data-store blobs, field instructions, and every
 * \* destination this reader does not know.
 *
 * Layout: \par, \line, \sect, \page and \column end a line; \tab is a tab;
 * \cell joins table cells with " | " and \row ends the line, so that one
 * table row stays one line. \'hh is decoded in the document's code page
 * (\ansicpg 1252, 1250, 437, 850, 10000; \pc, \pca, \mac; default 1252),
 * \uN as a signed 16-bit code unit with the \ucN fallback skipped and
 * surrogate pairs joined.
 *
 * Input is hostile: pointer + length, not NUL-terminated, any bytes. One
 * pass, no recursion, linear time; groups nest to RTF_MAX_DEPTH and what is
 * deeper is dropped; \binN data is skipped within the input; unbalanced
 * braces and stray bytes are tolerated.
 */
#ifndef SLUIS_RTF_H
#define SLUIS_RTF_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/buf.h"

#define RTF_MAX_DEPTH 256 /* groups deeper than this are not read */

/* rtf_to_text - append the text of the RTF document data[0..len) (borrowed)
 * to out (caller-owned) as UTF-8, lines ending in "\n". At most max_out
 * bytes are appended, never a partial character; *truncated is set to
 * whether the text was cut there. Returns SL_OK, or SL_ENOMEM when out could
 * not grow (out then holds what was appended so far). Malformed input is
 * never an error: what could be read is the result. */
enum sl_status rtf_to_text(const char *data, size_t len, size_t max_out, struct buf *out,
                           bool *truncated);

#endif
