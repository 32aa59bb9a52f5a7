/*
 * test_docmut - the document readers on mutated documents.
 *
 * Every document in DIR/docs is read as is, then mutated (bytes flipped,
 * runs overwritten, cut short, bytes inserted; fixed seed) and read again
 * by doc_extract in this process, so that the sanitizer builds see every
 * reader. Each run must return SL_OK, hand the sink only well-formed UTF-8
 * text and notes named "unscannable.*", and stay within the text limit.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../attach/charset.h"
#include "../../attach/doc.h"
#include "../../common/file.h"
#include "check.h"

struct seen {
    size_t text, notes, bad_utf8, bad_rule;
};

static enum sl_status on_text(struct doc_sink *s, const char *where, const char *text, size_t len,
                              unsigned flags)
{
    struct seen *v = s->ctx;
    (void)where;
    (void)flags;
    v->text += len;
    if (!charset_utf8_valid(text, len))
        v->bad_utf8++;
    return SL_OK;
}

static enum sl_status on_note(struct doc_sink *s, const char *rule, const char *where,
                              bool incomplete)
{
    struct seen *v = s->ctx;
    (void)where;
    (void)incomplete;
    v->notes++;
    if (strncmp(rule, "unscannable.", 12) != 0)
        v->bad_rule++;
    return SL_OK;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* mutate - a copy of d[0..len) changed in one of four ways */
static char *mutate(const char *d, size_t len, size_t *outlen)
{
    char *m = malloc(len + 64);
    memcpy(m, d, len);
    *outlen = len;
    switch (next() % 4) {
    case 0: /* flip a few bytes */
        for (int k = 0; k < 1 + (int)(next() % 8); k++)
            ((unsigned char *)m)[next() % len] ^= (unsigned char)(1u << (next() % 8));
        break;
    case 1: { /* overwrite a run with one byte */
        size_t at = next() % len, n = 1 + next() % 32;
        memset(m + at, (int)(next() % 256), at + n > len ? len - at : n);
        break;
    }
    case 2: /* cut short */
        *outlen = next() % len;
        break;
    default: { /* insert bytes */
        size_t at = next() % len, n = 1 + next() % 63;
        memmove(m + at + n, m + at, len - at);
        for (size_t k = 0; k < n; k++)
            m[at + k] = (char)next();
        *outlen = len + n;
    }
    }
    return m;
}

static void run(const char *name, const char *d, size_t len, const struct doc_limits *lim,
                struct seen *v)
{
    struct doc_sink sink = {on_text, on_note, v};
    enum sl_status st = doc_extract(d, len, name, NULL, lim, &sink, NULL);
    CHECK(st == SL_OK, "%s: status %d", name, (int)st);
}

int main(int argc, char **argv)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/docs", argc > 1 ? argv[1] : "tests/unit/data");
    DIR *dp = opendir(dir);
    CHECK(dp != NULL, "cannot open %s", dir);
    if (dp == NULL)
        return check_summary("test_docmut");
    /* the validator every check below relies on */
    CHECK(charset_utf8_valid("Zo\xc3\xab \xe2\x82\xac \xf0\x9f\x98\x80", 13),
          "valid UTF-8 refused");
    CHECK(!charset_utf8_valid("\xc0\xaf", 2), "overlong form accepted");
    CHECK(!charset_utf8_valid("\xed\xa0\x80", 3), "surrogate accepted");
    CHECK(!charset_utf8_valid("ab\xc3", 3), "cut sequence accepted");
    CHECK(!charset_utf8_valid("\xf4\x90\x80\x80", 4), "past U+10FFFF accepted");
    struct doc_limits lim;
    doc_limits_default(&lim);
    lim.max_text_bytes = 64 * 1024;
    /* a mutated PDF page that lost its text is rendered and read by OCR:
     * small and brief, as in fuzz_pdf (tests/ocr reads real scans) */
    lim.ocr_pages = 1;
    lim.ocr_ms = 200;
    lim.ocr_max_pixels = 1000 * 1000;
    struct dirent *e;
    unsigned files = 0;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.' || strstr(e->d_name, ".md"))
            continue;
        char path[8192], err[256];
        size_t len;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        char *d = file_read_all(path, 1 << 24, &len, err, sizeof err);
        CHECK(d != NULL && len > 0, "%s: %s", path, err);
        if (d == NULL || len == 0)
            continue;
        files++;
        struct seen v = {0};
        run(e->d_name, d, len, &lim, &v);
        CHECK(v.text > 0 || v.notes > 0, "%s: neither text nor a note", e->d_name);
        for (int k = 0; k < 600; k++) {
            size_t ml;
            char *m = mutate(d, len, &ml);
            run(e->d_name, m, ml, &lim, &v);
            free(m);
        }
        CHECK(v.bad_utf8 == 0, "%s: %zu texts not UTF-8", e->d_name, v.bad_utf8);
        CHECK(v.bad_rule == 0, "%s: %zu notes not unscannable.*", e->d_name, v.bad_rule);
        CHECK(v.text <= 601 * lim.max_text_bytes, "%s: text over the limit", e->d_name);
        free(d);
    }
    closedir(dp);
    CHECK(files >= 10, "only %u documents in %s", files, dir);
    return check_summary("test_docmut");
}
