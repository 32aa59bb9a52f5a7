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
 *
 * A page whose text layer holds next to nothing (fewer than FEW_LETTERS),
 * or little (fewer than SOME_LETTERS) while images cover a quarter of it, is
 * a scan: it is rendered at 300 ppi (less for a page so large it would pass
 * ocr_max_pixels) and read by OCR (attach/ocr.c), whose budget it counts
 * against. The text of a page never decides alone: a scanner's own OCR layer
 * is text like any other.
 */
#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../common/buf.h"
#include "docread.h"

#define RATIO_FLOOR  (1024 * 1024)
#define FEW_LETTERS  20
#define SOME_LETTERS 200
#define RENDER_PPI   300.0
#define RENDER_MAX   (40.0 * 1000 * 1000) /* pixels of a rendered page */

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

/* letters - the characters of text other than white space */
static size_t letters(const char *text)
{
    size_t n = 0;
    for (const char *p = text; p && *p; p++)
        n += *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r';
    return n;
}

/* image_share - how much of the page its images cover, 0 to 1 */
static double image_share(PopplerPage *page)
{
    double pw, ph, area = 0;
    poppler_page_get_size(page, &pw, &ph);
    GList *maps = poppler_page_get_image_mapping(page);
    for (GList *l = maps; l; l = l->next) {
        const PopplerImageMapping *m = l->data;
        area += fabs((m->area.x2 - m->area.x1) * (m->area.y2 - m->area.y1));
    }
    poppler_page_free_image_mapping(maps);
    return pw > 0 && ph > 0 ? fmin(area / (pw * ph), 1.0) : 0;
}

/* scanned_page - render the page to gray pixels and read it by OCR; doc is
 * the document's where, page the page's */
static enum sl_status scanned_page(struct doc_read *r, PopplerPage *page, const char *doc,
                                   const char *where)
{
    if (ocr_budget_spent(r))
        return ocr_gray(r, NULL, 0, 0, 0, 0, where, doc, "page image"); /* the budget's note */
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    double pw, ph, ppi = RENDER_PPI;
    poppler_page_get_size(page, &pw, &ph);
    double cap = fmin(RENDER_MAX, (double)r->lim->ocr_max_pixels);
    double px = pw * ph * (ppi / 72) * (ppi / 72);
    if (px > cap)
        ppi *= sqrt(cap / px);
    int w = (int)(pw * ppi / 72), h = (int)(ph * ppi / 72);
    if (w < 16 || h < 16 || ppi < 20)
        return doc_read_note(r, "unscannable.malformed", where);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, ppi / 72, ppi / 72);
    poppler_page_render(page, cr);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    enum sl_status st = SL_OK;
    const unsigned char *rgb = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    uint8_t *gray = rgb ? malloc((size_t)w * (size_t)h) : NULL;
    if (gray == NULL) {
        st = cairo_surface_status(s) == CAIRO_STATUS_NO_MEMORY || rgb
                 ? SL_ENOMEM
                 : doc_read_note(r, "unscannable.malformed", where);
    } else {
        for (int y = 0; y < h; y++) {
            const uint32_t *row =
                (const uint32_t *)(const void *)(rgb + (size_t)y * (size_t)stride);
            for (int x = 0; x < w; x++) {
                uint32_t c = row[x];
                gray[(size_t)y * (size_t)w + (size_t)x] =
                    (uint8_t)((((c >> 16) & 0xff) * 77 + ((c >> 8) & 0xff) * 150 +
                               (c & 0xff) * 29) >>
                              8);
            }
        }
    }
    cairo_surface_destroy(s);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    r->ocr.ocr_ms +=
        (unsigned)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000);
    if (gray)
        st = ocr_gray(r, gray, w, h, w, (int)ppi, where, doc, "page image");
    free(gray);
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
        char suffix[32], w[512];
        snprintf(suffix, sizeof suffix, "page %d", i + 1);
        doc_where(w, sizeof w, where, suffix);
        if (text && *text) {
            struct buf b = BUF_INIT;
            st = spaced(page, text, &b);
            if (st == SL_OK)
                st = doc_read_text(r, w, b.data ? b.data : "", b.len, false);
            buf_free(&b);
        }
        size_t n = letters(text);
        if (st == SL_OK && (n < FEW_LETTERS || (n < SOME_LETTERS && image_share(page) >= 0.25)))
            st = scanned_page(r, page, where, w);
        g_free(text);
        g_object_unref(page);
    }
    g_object_unref(doc);
    g_bytes_unref(bytes);
    return st;
}
