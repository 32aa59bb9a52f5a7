/*
 * docread - what the document readers share inside the extraction worker.
 *
 * A doc_read is one attachment being read: its limits, the sink, and the
 * running totals every nested member counts against (decompressed bytes,
 * members, archive depth). Readers call doc_read_document() for a member
 * they find inside a container, which sniffs it and recurses within the
 * limits. Not thread-safe; the worker reads one attachment at a time.
 */
#ifndef SLUIS_DOCREAD_H
#define SLUIS_DOCREAD_H

#include "doc.h"

struct doc_read {
    const struct doc_limits *lim;
    struct doc_sink *sink;
    uint64_t expanded;    /* decompressed bytes, all members */
    unsigned members;     /* archive members, all archives */
    unsigned depth;       /* archives we are inside */
    size_t text;          /* text bytes given to the sink */
    bool text_full;       /* max_text_bytes reached: readers may stop */
    struct doc_usage ocr; /* OCR in the message so far: lim->ocr_before, and here */
};

/* doc_read_text, doc_read_note - report through the sink, counting text
 * against max_text_bytes (past it the text is cut and a note given once).
 * doc_read_note: something escaped scanning (a limit, a reader that could
 * not finish); doc_read_info: recorded, nothing missed (encrypted, or read
 * as raw text instead) */
enum sl_status doc_read_text(struct doc_read *r, const char *where, const char *text, size_t len,
                             unsigned flags);
enum sl_status doc_read_note(struct doc_read *r, const char *rule, const char *where);
enum sl_status doc_read_info(struct doc_read *r, const char *rule, const char *where);

/* doc_read_document - sniff data[0..len) and hand it to its reader; where is
 * the location of this document relative to the attachment ("" at the top,
 * ">b.zip>c.docx" inside archives) */
enum sl_status doc_read_document(struct doc_read *r, const char *data, size_t len, const char *name,
                                 const char *mime, const char *where);

/* ocr_image - a picture (type: image/jpeg, image/png, image/tiff, image/gif,
 * image/bmp, image/webp, image/heif) read by OCR within the budget; see
 * attach/ocr.c */
enum sl_status ocr_image(struct doc_read *r, const char *data, size_t len, const char *type,
                         const char *where);

/* ocr_end - free the OCR engine, at the worker's end */
void ocr_end(void);

/* ocr_budget_spent - no picture more may be read by OCR in this attachment
 * (or OCR is off) */
bool ocr_budget_spent(const struct doc_read *r);

/* ocr_gray - a rendered page, 8-bit gray pixels (w x h, stride bytes a row) at
 * ppi, read by OCR within the budget, its text at where; a note that it was
 * not read (no text, budget spent, OCR off) goes at quiet, the document, and
 * kind names it there ("page image"). gray NULL gives only that note. */
enum sl_status ocr_gray(struct doc_read *r, const uint8_t *gray, int w, int h, int stride, int ppi,
                        const char *where, const char *quiet, const char *kind);

/* doc_where - join a document location and a suffix: ("", "page 2") gives
 * "page 2"; (">a.zip>b.pdf", "page 2") gives ">a.zip>b.pdf page 2" */
void doc_where(char *out, size_t outlen, const char *where, const char *suffix);

/* the readers, each behind its library (pdf: poppler-glib; archive: libzip
 * and zlib; office: libxml2) */
enum sl_status pdf_read(struct doc_read *r, const char *data, size_t len, const char *where);

/* pdf_preflight - what pdf_read does before poppler sees data[0..len): the
 * document's Flate streams (other than images) inflated, output discarded,
 * against r's limits. Returns the limit they break
 * ("unscannable.ratio-limit", "unscannable.expanded-size-limit") or NULL,
 * and then adds what they inflate to r->expanded. */
const char *pdf_preflight(struct doc_read *r, const char *data, size_t len);

enum sl_status archive_read_zip(struct doc_read *r, const char *data, size_t len,
                                const char *where);
enum sl_status archive_read_gzip(struct doc_read *r, const char *data, size_t len, const char *name,
                                 const char *where);

/* archive_inflated_size - how many bytes the zlib stream data[0..len)
 * inflates to, counting up to cap (a result above cap means "more");
 * the output is not kept */
uint64_t archive_inflated_size(const char *data, size_t len, uint64_t cap);

/* zip members for the office reader */
struct archive_zip;
enum sl_status archive_zip_open(struct doc_read *r, const char *data, size_t len, const char *where,
                                struct archive_zip **out);
/* archive_zip_find - index of the member named path, or -1 */
long archive_zip_find(struct archive_zip *z, const char *path);
/* archive_zip_member - read member i within the limits into a malloc'd
 * buffer (NUL-terminated; caller frees); NULL with a note already given when
 * the member cannot be read, and *st set to SL_ENOMEM when memory ran out */
char *archive_zip_member(struct archive_zip *z, long i, size_t *len, enum sl_status *st);
long archive_zip_count(struct archive_zip *z);
const char *archive_zip_name(struct archive_zip *z, long i);
void archive_zip_close(struct archive_zip *z);

/* office_read - an OOXML or ODF package already opened as a zip; returns
 * false when it is neither (then it is read as a plain archive) */
bool office_detect(struct archive_zip *z);
enum sl_status office_read(struct doc_read *r, struct archive_zip *z, const char *where);

#endif
