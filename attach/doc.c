/*
 * doc - which reader an attached document goes to, and the limits they all
 * count against. See doc.h.
 *
 * The type is sniffed from the first bytes (a PDF named .docx is read as a
 * PDF); the name and MIME type only decide between text formats. Runs in the
 * extraction worker only. Protections: every nested document counts against
 * one doc_read (decompressed bytes, members, archive depth, text), so a zip
 * of zips cannot multiply the budget.
 */
#include "doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/buf.h"
#include "../extract/html.h"
#include "charset.h"
#include "docread.h"
#include "ole.h"
#include "rtf.h"

void doc_where(char *out, size_t outlen, const char *where, const char *suffix)
{
    if (!*where)
        snprintf(out, outlen, "%s", suffix);
    else if (!*suffix)
        snprintf(out, outlen, "%s", where);
    else
        snprintf(out, outlen, "%s %s", where, suffix);
}

enum sl_status doc_read_text(struct doc_read *r, const char *where, const char *text, size_t len,
                             unsigned flags)
{
    if (r->text_full || len == 0)
        return SL_OK;
    if (r->text + len > r->lim->max_text_bytes) {
        len = r->lim->max_text_bytes - r->text;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--; /* cut on a character boundary */
        r->text_full = true;
        enum sl_status st = doc_read_note(r, "unscannable.text-limit", where);
        if (st != SL_OK || len == 0)
            return st;
    }
    r->text += len;
    return r->sink->text(r->sink, where, text, len, flags);
}

enum sl_status doc_read_note(struct doc_read *r, const char *rule, const char *where)
{
    return r->sink->note(r->sink, rule, where, true);
}

enum sl_status doc_read_info(struct doc_read *r, const char *rule, const char *where)
{
    return r->sink->note(r->sink, rule, where, false);
}

static bool has_prefix(const char *data, size_t len, const char *magic, size_t n)
{
    return len >= n && memcmp(data, magic, n) == 0;
}

static bool name_ends(const char *name, const char *ext)
{
    size_t n = name ? strlen(name) : 0, e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

/* image_type - the MIME type of an image format we recognise, or NULL */
static const char *image_type(const char *d, size_t len)
{
    if (has_prefix(d, len, "\xFF\xD8\xFF", 3))
        return "image/jpeg";
    if (has_prefix(d, len, "\x89PNG\r\n\x1A\n", 8))
        return "image/png";
    if (has_prefix(d, len, "GIF87a", 6) || has_prefix(d, len, "GIF89a", 6))
        return "image/gif";
    if (has_prefix(d, len, "II*\0", 4) || has_prefix(d, len, "MM\0*", 4))
        return "image/tiff";
    if (len >= 12 && memcmp(d, "RIFF", 4) == 0 && memcmp(d + 8, "WEBP", 4) == 0)
        return "image/webp";
    if (len >= 12 && memcmp(d + 4, "ftyp", 4) == 0 &&
        (memcmp(d + 8, "heic", 4) == 0 || memcmp(d + 8, "heix", 4) == 0 ||
         memcmp(d + 8, "mif1", 4) == 0 || memcmp(d + 8, "avif", 4) == 0))
        return "image/heif";
    if (has_prefix(d, len, "BM", 2) && len > 26)
        return "image/bmp";
    return NULL;
}

/* is_pdf - PDF readers accept "%PDF-" within the first KiB */
static bool is_pdf(const char *d, size_t len)
{
    size_t n = len < 1024 ? len : 1024;
    return n >= 5 && memmem(d, n, "%PDF-", 5) != NULL;
}

/* looks_text - no NUL and few control bytes in the first 4 KiB */
static bool looks_text(const char *d, size_t len)
{
    size_t n = len < 4096 ? len : 4096, bad = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (c == 0)
            return false;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            bad++;
    }
    return bad * 50 <= n;
}

/* read_strings - a binary of a format no reader knows: its runs of four or
 * more printable characters (ASCII, or UTF-8 sequences) as text, one run a
 * line, so that text it carries in the clear is scanned like any other; the
 * part is recorded as of unknown format, with nothing missed that a reader
 * could have found in the clear */
static enum sl_status read_strings(struct doc_read *r, const char *d, size_t len, const char *where)
{
    struct buf b = BUF_INIT;
    enum sl_status st = SL_OK;
    size_t i = 0;
    while (i < len && st == SL_OK && b.len < r->lim->max_text_bytes) {
        size_t start = i, chars = 0;
        for (;;) {
            unsigned char c = i < len ? (unsigned char)d[i] : 0;
            size_t n = 0;
            if ((c >= 0x20 && c < 0x7f) || c == '\t')
                n = 1;
            else if (c >= 0xC2 && c <= 0xF4)
                n = charset_utf8_len(d + i, len - i);
            if (n == 0)
                break;
            i += n;
            chars++;
        }
        if (chars >= 4) {
            st = buf_append(&b, d + start, i - start);
            if (st == SL_OK)
                st = buf_append(&b, "\n", 1);
        }
        if (i == start)
            i++;
    }
    if (st == SL_OK && b.len)
        st = doc_read_text(r, where, b.data, b.len, DOC_TEXT_RAW);
    if (st == SL_OK)
        st = doc_read_info(r, "unscannable.unknown-format", where);
    buf_free(&b);
    return st;
}

/* a sink for readers that report relative to their own document: prefixes
 * their locations with where the document sits, and counts the text */
struct sub_sink {
    struct doc_sink base;
    struct doc_read *r;
    const char *where;
};

static enum sl_status sub_text(struct doc_sink *s, const char *where, const char *text, size_t len,
                               unsigned flags)
{
    struct sub_sink *ss = s->ctx;
    char w[512];
    doc_where(w, sizeof w, ss->where, where);
    return doc_read_text(ss->r, w, text, len, flags);
}

static enum sl_status sub_note(struct doc_sink *s, const char *rule, const char *where,
                               bool incomplete)
{
    struct sub_sink *ss = s->ctx;
    char w[512];
    doc_where(w, sizeof w, ss->where, where);
    return ss->r->sink->note(ss->r->sink, rule, w, incomplete);
}

/* read_text - a text file: UTF-8 as is, anything else as windows-1252;
 * HTML as text; CSV and TSV as rows */
static enum sl_status read_text(struct doc_read *r, const char *d, size_t len, const char *name,
                                const char *mime, const char *where)
{
    struct buf b = BUF_INIT;
    enum sl_status st = SL_OK;
    const char *t = d;
    size_t n = len;

    if (!charset_utf8_valid(d, len)) {
        /* not UTF-8: Windows-1252, whose undefined bytes are dropped */
        for (size_t i = 0; i < len && st == SL_OK; i++) {
            uint32_t cp = charset_cp1252((unsigned char)d[i]);
            char u[4];
            if (cp)
                st = buf_append(&b, u, charset_utf8(cp, u));
        }
        t = b.data ? b.data : "";
        n = b.len;
    }
    bool html = name_ends(name, ".html") || name_ends(name, ".htm") ||
                (mime && strcasecmp(mime, "text/html") == 0);
    if (st == SL_OK && html) {
        struct buf h = BUF_INIT;
        st = html_to_text(t, n, &h);
        if (st == SL_OK)
            st = doc_read_text(r, where, h.data ? h.data : "", h.len, false);
        buf_free(&h);
    } else if (st == SL_OK) {
        bool rows = name_ends(name, ".csv") || name_ends(name, ".tsv") ||
                    (mime && strcasecmp(mime, "text/csv") == 0);
        st = doc_read_text(r, where, t, n, rows);
    }
    buf_free(&b);
    return st;
}

enum sl_status doc_read_document(struct doc_read *r, const char *d, size_t len, const char *name,
                                 const char *mime, const char *where)
{
    const char *img;

    if (len == 0)
        return SL_OK;
    /* a zip may store a PDF uncompressed near its start: zip first */
    if (has_prefix(d, len, "PK\3\4", 4) || has_prefix(d, len, "PK\5\6", 4))
        return archive_read_zip(r, d, len, where);
    if (is_pdf(d, len))
        return pdf_read(r, d, len, where);
    if (has_prefix(d, len, "\x1F\x8B", 2))
        return archive_read_gzip(r, d, len, name, where);
    if (has_prefix(d, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        struct sub_sink sub = {{sub_text, sub_note, NULL}, r, where};
        sub.base.ctx = &sub;
        return ole_extract(d, len, r->lim->max_text_bytes - r->text, &sub.base);
    }
    if (has_prefix(d, len, "{\\rtf", 5)) {
        struct buf b = BUF_INIT;
        bool cut = false;
        enum sl_status st = rtf_to_text(d, len, r->lim->max_text_bytes - r->text, &b, &cut);
        if (st == SL_OK)
            st = doc_read_text(r, where, b.data ? b.data : "", b.len, false);
        if (st == SL_OK && cut)
            st = doc_read_note(r, "unscannable.text-limit", where);
        buf_free(&b);
        return st;
    }
    if ((img = image_type(d, len)) != NULL)
        return ocr_image(r, d, len, img, where);
    if (looks_text(d, len))
        return read_text(r, d, len, name, mime, where);
    return read_strings(r, d, len, where);
}

enum sl_status doc_extract(const char *data, size_t len, const char *name, const char *mime,
                           const struct doc_limits *lim, struct doc_sink *out,
                           struct doc_usage *used)
{
    struct doc_read r = {lim, out, 0, 0, 0, 0, false, lim->ocr_before};
    enum sl_status st = doc_read_document(&r, data, len, name, mime, "");
    if (used) {
        used->ocr_pages = r.ocr.ocr_pages - lim->ocr_before.ocr_pages;
        used->ocr_seen = r.ocr.ocr_seen - lim->ocr_before.ocr_seen;
        used->ocr_ms = r.ocr.ocr_ms - lim->ocr_before.ocr_ms;
    }
    return st;
}
