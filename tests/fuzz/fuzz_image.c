/*
 * fuzz_image - pictures: the header checks before decoding, Leptonica's and
 * libheif's decoders, the TIFF page loop and the look-like-text test of
 * attach/ocr.c, through doc_extract() as the worker calls it.
 *
 * Feeds: the input as an attachment named "fuzz.img"; the reader is chosen
 * by its magic bytes (JPEG, PNG, GIF, TIFF, BMP, WebP, HEIC), as in the
 * worker. The limits keep a run short: pictures of at most a million
 * pixels are decoded, one may be read by OCR, for 300 ms. The decoders and
 * Tesseract are not instrumented: libFuzzer is guided by our code only.
 * Checks beyond no crash and no leak:
 * - doc_extract() returns SL_OK; its text is UTF-8 and within
 *   max_text_bytes, its notes are "unscannable.*" (fuzz_doc_sink);
 * - OCR used no more pictures than it was given.
 */
#include <string.h>

#include "../../attach/doc.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct doc_limits lim;
    fuzz_doc_limits(&lim);
    lim.max_pages = 4;
    struct doc_sink sink;
    struct fuzz_doc_seen seen;
    fuzz_doc_sink(&sink, &seen);
    struct doc_usage used;
    enum sl_status st = doc_extract((const char *)data, size, "fuzz.img", NULL, &lim, &sink, &used);
    FUZZ_CHECK(st == SL_OK, "doc_extract: %s", sl_status_str(st));
    FUZZ_CHECK(seen.text <= lim.max_text_bytes, "%zu bytes of text over %zu", seen.text,
               lim.max_text_bytes);
    FUZZ_CHECK(used.ocr_pages <= lim.ocr_pages, "OCR read %u pictures of %u", used.ocr_pages,
               lim.ocr_pages);
    return 0;
}
