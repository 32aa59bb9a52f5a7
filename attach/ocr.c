/*
 * ocr - text out of pictures: scanned letters, photographed documents, PDF
 * pages that are images. Leptonica decodes JPEG, PNG, TIFF (every page),
 * GIF, BMP and WebP; libheif decodes HEIC and AVIF photos from phones (the
 * types attach/doc.c knows by their first bytes);
 * Tesseract reads, with the LSTM models of the configured languages.
 *
 * The only file that sees these libraries, and it runs only in the
 * extraction worker, inside its sandbox: the engine is set up on the first
 * picture (reading its models, which the sandbox allows) and kept for the
 * worker's life.
 *
 * What a picture costs is decided before it is read, cheapest first:
 *   - its header: larger than ocr_max_pixels, it is never decoded
 *     (a decompression bomb): unscannable.image-limit, incomplete;
 *   - its size: narrower than MIN_SIDE or smaller than MIN_PIXELS it is a
 *     logo, a signature line or a tracking pixel, not a document:
 *     unscannable.image, recorded, nothing missed;
 *   - its look: scaled down to about 100 ppi and binarised, it must show
 *     MIN_GLYPHS dark shapes of a character's size; a photo or a blank page
 *     shows few: unscannable.image, recorded, nothing missed.
 * Then it is deskewed (up to SKEW_SEARCH degrees), its background made
 * even (Leptonica), and read; Tesseract binarises (Otsu) and finds lines
 * and columns itself. A coarse scan is read as it is: enlarging one of
 * 150 ppi to 300 cost four times the time and read no better.
 *
 * The budget is the message's: lim->ocr_pages pictures read in lim->ocr_ms
 * milliseconds, of which the message's earlier attachments used
 * lim->ocr_before; at most OCR_SEEN_PER_PAGE times as many pictures are
 * decoded and looked at. A picture not read for the budget is
 * unscannable.ocr-budget, incomplete; recognition that runs past the time
 * left is stopped by Tesseract, and its text so far still counts. A picture
 * the decoder cannot read, or one cut short (a JPEG without its end marker,
 * a PNG without IEND), is unscannable.malformed, incomplete.
 */
#include <leptonica/allheaders.h>
#include <libheif/heif.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>
#include <time.h>

#include "docread.h"

#define MIN_SIDE    64     /* pixels: narrower is a line, a logo, a pixel */
#define MIN_PIXELS  100000 /* about 400 x 250: smaller is a logo or a signature */
#define MIN_GLYPHS  24     /* character-sized shapes that make a picture text */
#define SKEW_SEARCH 15.0f  /* degrees either way a page is looked at for skew */

static struct {
    TessBaseAPI *api;
    char lang[sizeof((struct doc_limits *)0)->ocr_lang];
    bool failed; /* the models of lang could not be loaded */
} engine;

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* engine_get - Tesseract with the languages of the request, or NULL when
 * their models cannot be loaded */
static TessBaseAPI *engine_get(const char *lang)
{
    if (strcmp(engine.lang, lang) == 0 && (engine.api || engine.failed))
        return engine.api;
    if (engine.api) {
        TessBaseAPIEnd(engine.api);
        TessBaseAPIDelete(engine.api);
    }
    snprintf(engine.lang, sizeof engine.lang, "%s", lang);
    engine.api = TessBaseAPICreate();
    engine.failed = engine.api == NULL || TessBaseAPIInit3(engine.api, NULL, lang) != 0;
    if (engine.failed && engine.api) {
        TessBaseAPIDelete(engine.api);
        engine.api = NULL;
    }
    return engine.api;
}

void ocr_end(void)
{
    if (engine.api) {
        TessBaseAPIEnd(engine.api);
        TessBaseAPIDelete(engine.api);
    }
    engine.api = NULL;
    engine.lang[0] = '\0';
}

/* budget_left - milliseconds OCR may still take in this message; 0: no
 * picture more may be read */
static uint64_t budget_left(const struct doc_read *r)
{
    const struct doc_limits *l = r->lim;
    if (r->ocr.ocr_pages >= l->ocr_pages || r->ocr.ocr_seen >= OCR_SEEN_PER_PAGE * l->ocr_pages ||
        r->ocr.ocr_ms >= l->ocr_ms)
        return 0;
    return l->ocr_ms - r->ocr.ocr_ms;
}

/* text_like - whether pix (8 bpp, ppi) shows shapes of a character's size
 * in numbers: at about 100 ppi, 10 pt type is 6 to 20 pixels high */
static bool text_like(PIX *pix, int ppi)
{
    float s = ppi > 100 ? 100.0f / (float)ppi : 1.0f;
    PIX *small = s < 1.0f ? pixScale(pix, s, s) : pixClone(pix);
    PIX *bin = NULL;
    int glyphs = 0;
    if (small && pixGetWidth(small) >= 16 && pixGetHeight(small) >= 16 &&
        pixOtsuAdaptiveThreshold(small, pixGetWidth(small), pixGetHeight(small), 0, 0, 0.1f, NULL,
                                 &bin) == 0) {
        BOXA *boxes = pixConnCompBB(bin, 8);
        int n = boxes ? boxaGetCount(boxes) : 0;
        for (int i = 0; i < n && glyphs < MIN_GLYPHS; i++) {
            int w, h;
            boxaGetBoxGeometry(boxes, i, NULL, NULL, &w, &h);
            glyphs += h >= 4 && h <= 40 && w <= 48;
        }
        boxaDestroy(&boxes);
    }
    pixDestroy(&bin);
    pixDestroy(&small);
    return glyphs >= MIN_GLYPHS;
}

/* recognise - read pix (8 bpp) at ppi into the sink at where + " (ocr)"
 * before deadline (now_ms()'s clock); *out_of_time: recognition was
 * stopped by it */
static enum sl_status recognise(struct doc_read *r, TessBaseAPI *api, PIX *pix, int ppi,
                                uint64_t deadline, const char *where, bool *out_of_time)
{
    /* a page fed askew or photographed at a slant: Tesseract follows a
     * few degrees by itself, but reads lines of 7 degrees and more badly,
     * and Leptonica's default search stops at 7 */
    float angle, conf;
    PIX *straight = pixDeskewGeneral(pix, 0, SKEW_SEARCH, 0.0f, 0, 0, &angle, &conf);
    /* uneven light, a dark corner of a photo: with the background made
     * even, the global threshold Tesseract takes (Otsu) finds the text
     * again; without it, a photo can cost the whole budget and read nothing */
    PIX *even = pixBackgroundNormSimple(straight ? straight : pix, NULL, NULL);
    PIX *use = even ? even : pixClone(straight ? straight : pix);
    pixDestroy(&straight);
    uint64_t t0 = now_ms(), left_ms = deadline > t0 ? deadline - t0 : 1;
    ETEXT_DESC *monitor = TessMonitorCreate();
    TessMonitorSetDeadlineMSecs(monitor, left_ms > 0x7fffffff ? 0x7fffffff : (int)left_ms);
    TessBaseAPISetImage2(api, use);
    TessBaseAPISetSourceResolution(api, ppi);
    char *text = TessBaseAPIRecognize(api, monitor) == 0 ? TessBaseAPIGetUTF8Text(api) : NULL;
    TessMonitorDelete(monitor);
    TessBaseAPIClear(api);
    pixDestroy(&use);
    uint64_t spent = now_ms() - t0;
    *out_of_time = spent >= left_ms;

    enum sl_status st = SL_OK;
    size_t n = text ? strlen(text) : 0;
    while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\n'))
        n--;
    if (n > 0) {
        char w[512];
        doc_where(w, sizeof w, where, "(ocr)");
        st = doc_read_text(r, w, text, n, 0);
    }
    TessDeleteText(text);
    return st;
}

/* read_pix - one picture, 8 bpp, through the checks above; where names it
 * within the attachment ("" for the whole, "page 2") and kind says what it
 * is in a note ("image/png", "page image"). A picture not read is noted at
 * quiet, so that a file of many pages gets one such note, not one a page
 * (findings are limited in number, and must not crowd out the others).
 * With pix NULL, or no budget left, only the note of a picture not read:
 * the budget's, or OCR is off. */
static enum sl_status read_pix(struct doc_read *r, PIX *pix, int ppi, const char *where,
                               const char *quiet, const char *kind)
{
    char w[512], label[96];
    uint64_t left = budget_left(r);
    if (left == 0 || pix == NULL) {
        bool off = r->lim->ocr_pages == 0;
        snprintf(label, sizeof label, "(%s%s)", kind, off ? ", OCR off" : "");
        doc_where(w, sizeof w, quiet, label);
        return off ? doc_read_info(r, "unscannable.image", w)
                   : doc_read_note(r, "unscannable.ocr-budget", w);
    }
    uint64_t t0 = now_ms();
    r->ocr.ocr_seen++;
    bool text = text_like(pix, ppi);
    enum sl_status st = SL_OK;
    if (!text) {
        snprintf(label, sizeof label, "(%s, no text)", kind);
        doc_where(w, sizeof w, quiet, label);
        st = doc_read_info(r, "unscannable.image", w);
    } else {
        TessBaseAPI *api = engine_get(r->lim->ocr_lang);
        bool late = false;
        if (api == NULL) {
            snprintf(label, sizeof label, "(%s)", kind);
            doc_where(w, sizeof w, where, label);
            st = doc_read_note(r, "unscannable.ocr-unavailable", w);
        } else {
            r->ocr.ocr_pages++;
            st = recognise(r, api, pix, ppi, t0 + left, where, &late);
        }
        if (st == SL_OK && late) {
            snprintf(label, sizeof label, "(%s)", kind);
            doc_where(w, sizeof w, where, label);
            st = doc_read_note(r, "unscannable.ocr-budget", w);
        }
    }
    r->ocr.ocr_ms += (unsigned)(now_ms() - t0);
    return st;
}

/* plausible_ppi - the resolution an image declares, or one guessed from
 * its size as a page of A4 (most scans and photos of letters are) */
static int plausible_ppi(int declared, int w, int h)
{
    if (declared >= 70 && declared <= 1200)
        return declared;
    int guess = (int)((float)(w > h ? w : h) / 11.69f);
    return guess < 70 ? 70 : guess > 600 ? 600 : guess;
}

/* read_decoded - any depth and colour to 8 bpp gray, then read_pix */
static enum sl_status read_decoded(struct doc_read *r, PIX *pix, const char *where,
                                   const char *quiet, const char *kind)
{
    PIX *flat = pixGetSpp(pix) == 4 ? pixAlphaBlendUniform(pix, 0xffffff00) : pixClone(pix);
    PIX *gray = flat ? pixConvertTo8(flat, 0) : NULL;
    pixDestroy(&flat);
    if (gray == NULL)
        return doc_read_note(r, "unscannable.malformed", where);
    int ppi = plausible_ppi(pixGetXRes(pix), pixGetWidth(gray), pixGetHeight(gray));
    enum sl_status st = read_pix(r, gray, ppi, where, quiet, kind);
    pixDestroy(&gray);
    return st;
}

/* fits - the checks on a picture's declared size; SL_OK with *go false when
 * it is not to be decoded (the note is given) */
static enum sl_status fits(struct doc_read *r, int w, int h, const char *where, const char *kind,
                           bool *go)
{
    char label[96], at[512];
    *go = false;
    if (w <= 0 || h <= 0)
        return doc_read_note(r, "unscannable.malformed", where);
    if ((uint64_t)w * (uint64_t)h > r->lim->ocr_max_pixels) {
        snprintf(label, sizeof label, "(%s, %d x %d)", kind, w, h);
        doc_where(at, sizeof at, where, label);
        return doc_read_note(r, "unscannable.image-limit", at);
    }
    if (w < MIN_SIDE || h < MIN_SIDE || (uint64_t)w * (uint64_t)h < MIN_PIXELS) {
        snprintf(label, sizeof label, "(%s, small)", kind);
        doc_where(at, sizeof at, where, label);
        return doc_read_info(r, "unscannable.image", at);
    }
    *go = true;
    return SL_OK;
}

/* truncated - a JPEG without its end marker or a PNG without IEND: the
 * decoder fills or drops what is missing */
static bool truncated(const char *d, size_t len, const char *type)
{
    size_t tail = len < 64 ? len : 64;
    if (strcmp(type, "image/jpeg") == 0)
        return memmem(d + len - tail, tail, "\xFF\xD9", 2) == NULL;
    if (strcmp(type, "image/png") == 0)
        return memmem(d + len - tail, tail, "IEND", 4) == NULL;
    return false;
}

/* read_tiff - every page of a TIFF, each checked before it is decoded */
static enum sl_status read_tiff(struct doc_read *r, const char *data, size_t len, const char *where)
{
    const l_uint8 *d = (const l_uint8 *)data;
    enum sl_status st = SL_OK;
    int w, h, bps, spp, res, cmap, format, n = 0;
    bool several = readHeaderMemTiff(d, len, 1, &w, &h, &bps, &spp, &res, &cmap, &format) == 0;
    for (; st == SL_OK; n++) {
        if (readHeaderMemTiff(d, len, n, &w, &h, &bps, &spp, &res, &cmap, &format) != 0)
            break;
        char page[32], at[512];
        snprintf(page, sizeof page, "page %d", n + 1);
        doc_where(at, sizeof at, where, several ? page : "");
        if ((unsigned)n >= r->lim->max_pages)
            return doc_read_note(r, "unscannable.page-limit", where);
        if (budget_left(r) == 0)
            return read_pix(r, NULL, 0, at, at, "image/tiff"); /* the budget's note */
        bool go; /* a small page's note names the file: one for all of them */
        st = fits(r, w, h, (uint64_t)w * (uint64_t)h > r->lim->ocr_max_pixels ? at : where,
                  "image/tiff", &go);
        if (st != SL_OK || !go)
            continue;
        PIX *pix = pixReadMemTiff(d, len, n);
        st = pix ? read_decoded(r, pix, at, where, "image/tiff")
                 : doc_read_note(r, "unscannable.malformed", at);
        pixDestroy(&pix);
    }
    if (n == 0 && st == SL_OK)
        return doc_read_note(r, "unscannable.malformed", where);
    return st;
}

/* read_heif - the primary image of a HEIC/HEIF file, as 8-bit luma */
static enum sl_status read_heif(struct doc_read *r, const char *data, size_t len, const char *where)
{
    struct heif_context *ctx = heif_context_alloc();
    struct heif_image_handle *hd = NULL;
    struct heif_image *img = NULL;
    enum sl_status st = SL_OK;
    if (ctx == NULL)
        return SL_ENOMEM;
    heif_context_set_maximum_image_size_limit(ctx, 32768);
    if (heif_context_read_from_memory_without_copy(ctx, data, len, NULL).code != heif_error_Ok ||
        heif_context_get_primary_image_handle(ctx, &hd).code != heif_error_Ok) {
        st = doc_read_note(r, "unscannable.malformed", where);
        goto out;
    }
    bool go;
    st = fits(r, heif_image_handle_get_width(hd), heif_image_handle_get_height(hd), where,
              "image/heif", &go);
    if (st != SL_OK || !go)
        goto out;
    if (budget_left(r) == 0) {
        st = read_pix(r, NULL, 0, where, where, "image/heif");
        goto out;
    }
    /* luma is what OCR reads; 4:2:0 is how HEVC stores it, so libheif
     * converts nothing, also for the grids of tiles phones write */
    if (heif_decode_image(hd, &img, heif_colorspace_YCbCr, heif_chroma_420, NULL).code !=
        heif_error_Ok) {
        st = doc_read_note(r, "unscannable.malformed", where);
        goto out;
    }
    int stride;
    const uint8_t *y = heif_image_get_plane_readonly(img, heif_channel_Y, &stride);
    int w = heif_image_get_width(img, heif_channel_Y),
        h = heif_image_get_height(img, heif_channel_Y);
    if (y == NULL || w <= 0 || h <= 0) {
        st = doc_read_note(r, "unscannable.malformed", where);
        goto out;
    }
    st = ocr_gray(r, y, w, h, stride, plausible_ppi(0, w, h), where, where, "image/heif");
out:
    heif_image_release(img);
    heif_image_handle_release(hd);
    heif_context_free(ctx);
    return st;
}

bool ocr_budget_spent(const struct doc_read *r)
{
    return budget_left(r) == 0;
}

enum sl_status ocr_gray(struct doc_read *r, const uint8_t *gray, int w, int h, int stride, int ppi,
                        const char *where, const char *quiet, const char *kind)
{
    if (budget_left(r) == 0 || gray == NULL)
        return read_pix(r, NULL, 0, where, quiet, kind);
    PIX *pix = pixCreate(w, h, 8);
    if (pix == NULL)
        return SL_ENOMEM;
    l_uint32 *data = pixGetData(pix);
    int wpl = pixGetWpl(pix);
    for (int y = 0; y < h; y++) {
        l_uint32 *line = data + (size_t)y * (size_t)wpl;
        const uint8_t *src = gray + (size_t)y * (size_t)stride;
        for (int x = 0; x < w; x++)
            SET_DATA_BYTE(line, x, src[x]);
    }
    pixSetResolution(pix, ppi, ppi);
    enum sl_status st = read_pix(r, pix, ppi, where, quiet, kind);
    pixDestroy(&pix);
    return st;
}

enum sl_status ocr_image(struct doc_read *r, const char *data, size_t len, const char *type,
                         const char *where)
{
    static bool quiet;
    if (!quiet) {
        setMsgSeverity(L_SEVERITY_NONE); /* Leptonica would write to stderr */
        quiet = true;
    }
    char label[64], at[512];
    snprintf(label, sizeof label, "(%s)", type);
    doc_where(at, sizeof at, where, label);
    if (r->lim->ocr_pages == 0)
        return read_pix(r, NULL, 0, where, where, type); /* OCR is off: the note */
    if (strcmp(type, "image/tiff") == 0)
        return read_tiff(r, data, len, where);
    if (strcmp(type, "image/heif") == 0)
        return read_heif(r, data, len, where);

    const l_uint8 *d = (const l_uint8 *)data;
    int format, w, h, bps, spp, cmap;
    if (pixReadHeaderMem(d, len, &format, &w, &h, &bps, &spp, &cmap) != 0)
        return doc_read_note(r, "unscannable.malformed", at);
    bool go;
    enum sl_status st = fits(r, w, h, where, type, &go);
    if (st != SL_OK || !go)
        return st;
    if (budget_left(r) == 0)
        return read_pix(r, NULL, 0, where, where, type);
    bool cut = truncated(data, len, type);
    if (cut && (st = doc_read_note(r, "unscannable.malformed", at)) != SL_OK)
        return st;
    PIX *pix = pixReadMem(d, len);
    if (pix == NULL)
        return cut ? SL_OK : doc_read_note(r, "unscannable.malformed", at);
    st = read_decoded(r, pix, where, where, type);
    pixDestroy(&pix);
    return st;
}
