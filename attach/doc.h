/*
 * doc - text out of an attached document: PDF, Office Open XML, OpenDocument,
 * legacy Office (OLE2), RTF, zip and gzip, recursively within limits.
 *
 * This code parses hostile files. It runs only inside the extraction worker
 * (bin/sluis-extract), a separate process with resource limits and no
 * network; the scanner reaches it through attach/pool.h, never directly.
 *
 * Every reader reports through a doc_sink: text segments with their location
 * inside the attachment ("page 2", "sheet Blad1", "verslag.docx page 1"),
 * and notes for what it could not read ("unscannable.encrypted",
 * "unscannable.ratio-limit", ...). A limit reached is always a note; what
 * was read before it still counts.
 */
#ifndef SLUIS_DOC_H
#define SLUIS_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/status.h"

/* what OCR used: of an attachment, or of a message so far */
struct doc_usage {
    unsigned ocr_pages; /* pictures read */
    unsigned ocr_seen;  /* pictures decoded and looked at, read or not */
    unsigned ocr_ms;    /* the time it took */
};

struct doc_limits {
    uint64_t max_expanded_bytes; /* decompressed bytes of one attachment, all members */
    unsigned max_ratio;          /* decompressed : compressed, per archive member */
    unsigned max_members;        /* archive members in all */
    unsigned max_archive_depth;  /* archives within archives */
    unsigned max_pages;          /* PDF pages, slides */
    size_t max_text_bytes;       /* text out of one attachment */
    /* OCR of images and scanned PDF pages (attach/ocr.c), a budget per
     * message: the scanner tells each attachment what the message's earlier
     * ones used */
    unsigned ocr_pages;          /* pictures read; 0: OCR is off */
    unsigned ocr_ms;             /* milliseconds */
    uint64_t ocr_max_pixels;     /* a picture larger is never decoded */
    char ocr_lang[32];           /* Tesseract's languages, "nld+fra+eng" */
    struct doc_usage ocr_before; /* used by the message's earlier attachments */
};

/* what a text segment is, for doc_sink's text: DOC_TEXT_ROWS, each line is
 * a table row with cells joined " | "; DOC_TEXT_RAW, the printable runs of
 * bytes no reader knows (much of it noise: detect.h's text_segment.raw) */
enum { DOC_TEXT_ROWS = 1, DOC_TEXT_RAW = 2 };

struct doc_sink {
    /* text - a UTF-8 segment; where is relative to the attachment ("" for the
     * whole of it); flags: DOC_TEXT_* */
    enum sl_status (*text)(struct doc_sink *s, const char *where, const char *text, size_t len,
                           unsigned flags);
    /* note - something not read as it is: rule "unscannable.<why>", where as
     * above; incomplete: the part (or some of it) escaped scanning, as
     * opposed to a part recorded with nothing missed (encrypted, or read as
     * raw text instead) */
    enum sl_status (*note)(struct doc_sink *s, const char *rule, const char *where,
                           bool incomplete);
    void *ctx;
};

/* pictures OCR may decode and look at, per picture it may read: a fax of
 * blank pages or a mail of photos is bounded without costing the budget of
 * pages read */
#define OCR_SEEN_PER_PAGE 4

/* doc_limits_default - the embedded defaults */
void doc_limits_default(struct doc_limits *l);

/* where Tesseract's models are: $TESSDATA_PREFIX, else Debian's folder */
#ifndef OCR_MODEL_DIR
#define OCR_MODEL_DIR "/usr/share/tesseract-ocr/5/tessdata"
#endif
void ocr_model_dir(char *out, size_t outlen);

/* ocr_languages_set - lang = value ("nld+fra+eng") when it names languages
 * whose models are installed; else SL_EINVAL with a message in err */
enum sl_status ocr_languages_set(char lang[32], const char *value, char *err, size_t errlen);

/* doc_extract - read the document data[0..len) named name (may be NULL) with
 * MIME type mime (may be NULL) into the sink. The type is taken from the
 * content (magic bytes) first, the name and MIME type second. Returns SL_OK
 * unless memory ran out or the sink failed; unreadable input is a note.
 * used (may be NULL) gets what OCR used of lim's budget. */
enum sl_status doc_extract(const char *data, size_t len, const char *name, const char *mime,
                           const struct doc_limits *lim, struct doc_sink *out,
                           struct doc_usage *used);

#endif
