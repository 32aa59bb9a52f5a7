/*
 * fuzz_office - Office Open XML and OpenDocument packages (attach/office.c):
 * the parts' XML, their relationships and the layout of text, tables,
 * sheets and slides.
 *
 * Feeds: the input as the members of a package, each introduced by a line
 * "@@NAME" and holding the bytes up to the next "\n@@" (or the end), at
 * most 32 members. They are stored (no compression) in a zip built here,
 * so that libFuzzer mutates the XML itself rather than a deflate stream
 * (fuzz_archive covers those), and read with doc_extract() as
 * "fuzz.docx" in this process: archive_read_zip(), office_detect(),
 * office_read(), or the plain archive path when the members are no
 * package.
 * Checks beyond no crash and no leak:
 * - doc_extract() returns SL_OK;
 * - the sink gets UTF-8 text, at most max_text_bytes of it, and
 *   "unscannable.*" notes (fuzz_doc_sink).
 */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "../../common/buf.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_MEMBERS 32

struct member {
    const char *name, *data;
    size_t nlen, len;
    uint32_t offset;
};

static void le16(struct buf *b, unsigned v)
{
    char c[2] = {(char)(v & 0xFF), (char)(v >> 8 & 0xFF)};
    FUZZ_CHECK(buf_append(b, c, 2) == SL_OK, "out of memory");
}

static void le32(struct buf *b, uint32_t v)
{
    le16(b, v & 0xFFFF);
    le16(b, v >> 16);
}

/* header - the fields a local header and a central directory entry share,
 * from "version needed" on (APPNOTE 4.3.7, 4.3.12): stored, no flags */
static void header(struct buf *b, const struct member *m)
{
    uint32_t crc = (uint32_t)crc32(0, (const Bytef *)m->data, (uInt)m->len);
    le16(b, 20);   /* version needed: 2.0 */
    le16(b, 0);    /* flags */
    le16(b, 0);    /* stored */
    le16(b, 0);    /* time */
    le16(b, 0x21); /* date: 1980-01-01 */
    le32(b, crc);
    le32(b, (uint32_t)m->len);
    le32(b, (uint32_t)m->len);
    le16(b, (unsigned)m->nlen);
    le16(b, 0); /* extra field */
}

/* zip - the members as a stored zip file into b */
static void zip(struct buf *b, struct member *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        m[i].offset = (uint32_t)b->len;
        le32(b, 0x04034b50);
        header(b, &m[i]);
        FUZZ_CHECK(buf_append(b, m[i].name, m[i].nlen) == SL_OK &&
                       buf_append(b, m[i].data, m[i].len) == SL_OK,
                   "out of memory");
    }
    uint32_t cd = (uint32_t)b->len;
    for (size_t i = 0; i < n; i++) {
        le32(b, 0x02014b50);
        le16(b, 20); /* made by */
        header(b, &m[i]);
        le16(b, 0); /* comment */
        le16(b, 0); /* disk */
        le16(b, 0); /* internal attributes */
        le32(b, 0); /* external attributes */
        le32(b, m[i].offset);
        FUZZ_CHECK(buf_append(b, m[i].name, m[i].nlen) == SL_OK, "out of memory");
    }
    uint32_t cdlen = (uint32_t)b->len - cd;
    le32(b, 0x06054b50);
    le16(b, 0);
    le16(b, 0);
    le16(b, (unsigned)n);
    le16(b, (unsigned)n);
    le32(b, cdlen);
    le32(b, cd);
    le16(b, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size;
    struct member m[MAX_MEMBERS];
    size_t n = 0;
    if (size < 2 || memcmp(p, "@@", 2) != 0)
        return 0;
    while (p < end && n < MAX_MEMBERS) {
        p += 2; /* "@@" */
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL || nl == p || nl - p > 255)
            break;
        const char *body = nl + 1, *next = memmem(body, (size_t)(end - body), "\n@@", 3);
        m[n++] =
            (struct member){p, body, (size_t)(nl - p), (size_t)((next ? next : end) - body), 0};
        p = next ? next + 1 : end;
    }
    if (n == 0)
        return 0;
    struct buf z = BUF_INIT;
    zip(&z, m, n);

    struct doc_limits lim;
    doc_limits_default(&lim);
    lim.max_expanded_bytes = 8 * 1024 * 1024;
    lim.max_members = 64;
    lim.max_pages = 16;
    lim.max_text_bytes = 64 * 1024;
    struct doc_sink sink;
    struct fuzz_doc_seen seen;
    fuzz_doc_sink(&sink, &seen);
    enum sl_status st = doc_extract(z.data, z.len, "fuzz.docx", NULL, &lim, &sink, NULL);
    FUZZ_CHECK(st == SL_OK, "doc_extract: %s", sl_status_str(st));
    FUZZ_CHECK(seen.text <= lim.max_text_bytes, "%zu bytes of text over %zu", seen.text,
               lim.max_text_bytes);
    buf_free(&z);
    return 0;
}
