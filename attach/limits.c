/*
 * limits - the embedded defaults for reading attached documents, shared by
 * the scanner (which sends them with each request) and the worker.
 */
#include "doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void doc_limits_default(struct doc_limits *l)
{
    memset(l, 0, sizeof *l);
    l->max_expanded_bytes = 256ull * 1024 * 1024;
    l->max_ratio = 100;
    l->max_members = 1000;
    l->max_archive_depth = 4;
    l->max_pages = 500;
    l->max_text_bytes = 8 * 1024 * 1024;
    l->ocr_pages = 10;
    l->ocr_ms = 20000;
    l->ocr_max_pixels = 50ull * 1000 * 1000;
    snprintf(l->ocr_lang, sizeof l->ocr_lang, "%s", "nld+fra+eng");
}

void ocr_model_dir(char *out, size_t outlen)
{
    const char *prefix = getenv("TESSDATA_PREFIX");
    snprintf(out, outlen, "%s", prefix && *prefix ? prefix : OCR_MODEL_DIR);
}

enum sl_status ocr_languages_set(char lang[32], const char *value, char *err, size_t errlen)
{
    size_t n = strlen(value);
    if (n == 0 || n >= 32 || strspn(value, "abcdefghijklmnopqrstuvwxyz_+") != n ||
        value[0] == '+' || value[n - 1] == '+' || strstr(value, "++")) {
        snprintf(err, errlen, "ocr_languages: '%.40s' is not languages joined by '+' (nld+fra+eng)",
                 value);
        return SL_EINVAL;
    }
    char dir[256];
    ocr_model_dir(dir, sizeof dir);
    for (const char *p = value; *p;) {
        size_t k = strcspn(p, "+");
        char path[320];
        snprintf(path, sizeof path, "%s/%.*s.traineddata", dir, (int)k, p);
        if (access(path, R_OK) != 0) {
            snprintf(err, errlen, "ocr_languages: no model %s (Debian: tesseract-ocr-%.*s)", path,
                     (int)k, p);
            return SL_EINVAL;
        }
        p += k + (p[k] == '+');
    }
    snprintf(lang, 32, "%s", value);
    return SL_OK;
}
