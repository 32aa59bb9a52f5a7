/*
 * ole - text out of legacy Office files: the OLE2 Compound File Binary
 * format (MS-CFB) with Word 97-2003 documents (MS-DOC), Excel 97-2003 and
 * 5.0/95 workbooks (MS-XLS, BIFF8 and BIFF5), and a text-run fallback for
 * every other OLE file (PowerPoint 97-2003, Outlook .msg, Word 6/95, ...).
 *
 * Word: the main text, footnotes, headers and footers, comments, endnotes
 * and text boxes, as one segment where "". Paragraphs are lines; a table
 * row is one line with its cells joined " | "; of a field only the result
 * is kept. Excel: a segment per sheet, where "sheet <name>", rows = true:
 * a line per row with the cells in column order joined " | "; numbers as
 * Excel shows them in General format (an integer without ".0"), dates as
 * dd-mm-yyyy. An encrypted document is the note "unscannable.encrypted";
 * a file that is not OLE or is damaged is "unscannable.malformed" (with
 * the text that could still be read); text beyond max_text is cut with
 * the note "unscannable.text-limit".
 *
 * Input is hostile: pointer + length, never read past; every chain, table
 * and record is checked against the data; memory grows with the input, at
 * most a small multiple of its length, and with max_text.
 */
#ifndef SLUIS_OLE_H
#define SLUIS_OLE_H

#include <stddef.h>

#include "doc.h"

/* ole_extract - read the compound file data[0..len) (borrowed) and report
 * its text, at most max_text bytes in all, and notes to the sink out.
 * Returns SL_OK whatever the input (unreadable input is a note), SL_ENOMEM
 * when an allocation failed, or the first failure of the sink. */
enum sl_status ole_extract(const char *data, size_t len, size_t max_text, struct doc_sink *out);

#endif
