/*
 * pdf - PDF text through poppler-glib, page by page.
 *
 * The only file that sees poppler. Poppler runs no JavaScript and opens no
 * network connections; it reads the document from memory. A document that
 * needs a password to open is recorded as encrypted, never as clean. Pages
 * past max_pages are not read (a note says so). Text comes in poppler's
 * reading order (columns and table cells as it reconstructs them).
 *
 * Before poppler sees a document, its Flate streams other than images are
 * inflated once, output discarded, against the attachment's limits: a stream
 * that inflates past max_ratio (beyond 1 MiB) or streams that together pass
 * max_expanded_bytes make the document unscannable, and poppler never reads
 * it. Images are left out of that count: poppler does not decode them to
 * extract text, and a blank scanned page compresses a thousandfold. Other
 * hostile structures (loops in the object tree, broken cross-references) are
 * poppler's to survive; the worker's CPU, memory and time limits bound what
 * it can cost when it does not. Poppler reports a loop it cut only as a
 * log message (GLib domain "Poppler"); such a message makes the document
 * malformed, as its text may be incomplete. A document with no readable
 * page is malformed too.
 */
#include <glib.h>
#include <poppler.h>
#include <stdio.h>
#include <string.h>

#include "../common/buf.h"
#include "docread.h"

#define RATIO_FLOOR (1024 * 1024)

/* stream_dict - the dictionary before a "stream" keyword at s: from the last
 * "obj" within 4 KiB before it */
static void stream_dict(const char *data, const char *s, const char **dict, size_t *dlen)
{
    const char *from = s - data > 4096 ? s - 4096 : data, *p = s, *obj = NULL;
    while (p - from >= 3 && obj == NULL) {
        p--;
        if (memcmp(p, "obj", 3) == 0)
            obj = p;
    }
    *dict = obj ? obj : from;
    *dlen = (size_t)(s - *dict);
}

const char *pdf_preflight(struct doc_read *r, const char *data, size_t len)
{
    const char *end = data + len, *p = data;
    uint64_t total = 0;
    while ((p = memmem(p, (size_t)(end - p), "stream", 6)) != NULL) {
        const char *s = p;
        p += 6;
        if (s > data && s[-1] == 'd')
            continue; /* "endstream" */
        if (p < end && *p == '\r')
            p++;
        if (p >= end || *p != '\n')
            continue;
        p++;
        const char *dict;
        size_t dlen;
        stream_dict(data, s, &dict, &dlen);
        if (!memmem(dict, dlen, "/FlateDecode", 12) || memmem(dict, dlen, "/Image", 6))
            continue;
        const char *e = memmem(p, (size_t)(end - p), "endstream", 9);
        size_t clen = (size_t)((e ? e : end) - p);
        uint64_t ratio_cap = (uint64_t)r->lim->max_ratio * clen;
        if (ratio_cap < RATIO_FLOOR)
            ratio_cap = RATIO_FLOOR;
        uint64_t left = r->lim->max_expanded_bytes - r->expanded - total;
        uint64_t cap = ratio_cap < left ? ratio_cap : left;
        uint64_t n = archive_inflated_size(p, clen, cap);
        if (n > cap)
            return cap == ratio_cap ? "unscannable.ratio-limit" : "unscannable.expanded-size-limit";
        total += n;
        p += clen;
    }
    r->expanded += total;
    return NULL;
}

/* poppler's messages, caught: poppler-glib logs them in the "Poppler" domain */
struct messages {
    bool loop;
};

static void on_message(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer ctx)
{
    struct messages *m = ctx;
    (void)domain;
    (void)level;
    if (msg && (strstr(msg, "Loop") || strstr(msg, "loop")))
        m->loop = true;
}

static enum sl_status read_pages(struct doc_read *r, const char *data, size_t len,
                                 const char *where);

/* spaced - the page's text with a space where poppler joined two words that
 * stand apart on the page: table cells and form fields ("Naam" and "Jansen"
 * in two columns come out as "NaamJansen"). The layout gives one rectangle
 * per character of the text; a gap wider than a third of the line height
 * between two characters of one line is a space. */
static enum sl_status spaced(PopplerPage *page, const char *text, struct buf *out)
{
    PopplerRectangle *rect = NULL;
    guint n = 0;
    if (!poppler_page_get_text_layout(page, &rect, &n))
        n = 0;
    enum sl_status st = SL_OK;
    const char *p = text;
    for (guint i = 0; *p && st == SL_OK; i++) {
        const char *next = g_utf8_next_char(p);
        if (i > 0 && i < n && p[0] != ' ' && p[0] != '\n' && p[-1] != ' ' && p[-1] != '\n') {
            const PopplerRectangle *a = &rect[i - 1], *b = &rect[i];
            double h = b->y2 - b->y1;
            bool same_line = h > 0 && a->y1 < b->y2 && b->y1 < a->y2;
            if (same_line && b->x1 - a->x2 > h / 3)
                st = buf_append_char(out, ' ');
        }
        if (st == SL_OK)
            st = buf_append(out, p, (size_t)(next - p));
        p = next;
    }
    g_free(rect);
    return st;
}

enum sl_status pdf_read(struct doc_read *r, const char *data, size_t len, const char *where)
{
    struct messages m = {false};
    guint h = g_log_set_handler("Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL, on_message, &m);
    enum sl_status st = read_pages(r, data, len, where);
    g_log_remove_handler("Poppler", h);
    if (st == SL_OK && m.loop)
        st = doc_read_note(r, "unscannable.malformed", where);
    return st;
}

static enum sl_status read_pages(struct doc_read *r, const char *data, size_t len,
                                 const char *where)
{
    if (r->expanded >= r->lim->max_expanded_bytes)
        return doc_read_note(r, "unscannable.expanded-size-limit", where);
    const char *bomb = pdf_preflight(r, data, len);
    if (bomb)
        return doc_read_note(r, bomb, where);

    GError *err = NULL;
    GBytes *bytes = g_bytes_new_static(data, len);
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
    enum sl_status st = SL_OK;

    if (doc == NULL) {
        bool locked = err && g_error_matches(err, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED);
        g_clear_error(&err);
        g_bytes_unref(bytes);
        return locked ? doc_read_info(r, "unscannable.encrypted", where)
                      : doc_read_note(r, "unscannable.malformed", where);
    }
    int pages = poppler_document_get_n_pages(doc);
    if (pages <= 0)
        st = doc_read_note(r, "unscannable.malformed", where);
    for (int i = 0; i < pages && st == SL_OK && !r->text_full; i++) {
        if ((unsigned)i >= r->lim->max_pages) {
            st = doc_read_note(r, "unscannable.page-limit", where);
            break;
        }
        PopplerPage *page = poppler_document_get_page(doc, i);
        if (page == NULL)
            continue;
        char *text = poppler_page_get_text(page);
        if (text && *text) {
            char suffix[32], w[512];
            struct buf b = BUF_INIT;
            snprintf(suffix, sizeof suffix, "page %d", i + 1);
            doc_where(w, sizeof w, where, suffix);
            st = spaced(page, text, &b);
            if (st == SL_OK)
                st = doc_read_text(r, w, b.data ? b.data : "", b.len, false);
            buf_free(&b);
        }
        g_free(text);
        g_object_unref(page);
    }
    g_object_unref(doc);
    g_bytes_unref(bytes);
    return st;
}
