/*
 * test_ole - legacy Office (OLE2) to text: LibreOffice fixtures from
 * tests/unit/data (argv[1]), compound files built here byte by byte, and
 * hostile variants of both (truncations, byte flips, chain loops, huge
 * sizes). Every variant must return SL_OK with text or a note.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../attach/ole.h"
#include "../../common/buf.h"
#include "../../attach/charset.h"
#include "check.h"

/* ---- a sink that records what it is given ---- */

struct seg {
    char where[128];
    char *text; /* NUL-terminated copy */
    size_t len;
    bool rows;
};

struct rec {
    struct doc_sink sink;
    struct seg segs[32];
    size_t nsegs;
    char notes[16][160]; /* "rule@where" */
    size_t nnotes;
    size_t total;   /* text bytes in all */
    bool bad_utf8;  /* a segment was not well-formed UTF-8 */
    bool bad_where; /* a where or rule did not fit, or a rule was not unscannable.* */
    bool bad_flag;  /* an encrypted part said incomplete, or another note said not */
};

static enum sl_status rec_text(struct doc_sink *s, const char *where, const char *text, size_t len,
                               unsigned flags)
{
    struct rec *r = s->ctx;
    r->total += len;
    if (!charset_utf8_valid(text, len) || !charset_utf8_valid(where, strlen(where)))
        r->bad_utf8 = true;
    if (strlen(where) >= sizeof r->segs[0].where)
        r->bad_where = true;
    if (r->nsegs == NELEM(r->segs))
        return SL_OK;
    struct seg *g = &r->segs[r->nsegs++];
    snprintf(g->where, sizeof g->where, "%s", where);
    g->text = malloc(len + 1);
    if (g->text == NULL)
        return SL_ENOMEM;
    memcpy(g->text, text, len);
    g->text[len] = '\0';
    g->len = len;
    g->rows = (flags & DOC_TEXT_ROWS) != 0;
    return SL_OK;
}

static enum sl_status rec_note(struct doc_sink *s, const char *rule, const char *where,
                               bool incomplete)
{
    struct rec *r = s->ctx;
    if (strncmp(rule, "unscannable.", 12) != 0)
        r->bad_where = true;
    /* encrypted: protected as it is; anything else this reader notes escaped it */
    if (incomplete == (strcmp(rule, "unscannable.encrypted") == 0))
        r->bad_flag = true;
    if (r->nnotes < NELEM(r->notes))
        snprintf(r->notes[r->nnotes++], sizeof r->notes[0], "%s@%s", rule, where);
    return SL_OK;
}

static void rec_init(struct rec *r)
{
    memset(r, 0, sizeof *r);
    r->sink.text = rec_text;
    r->sink.note = rec_note;
    r->sink.ctx = r;
}

static void rec_free(struct rec *r)
{
    for (size_t i = 0; i < r->nsegs; i++)
        free(r->segs[i].text);
    r->nsegs = 0;
}

static const struct seg *rec_seg(const struct rec *r, const char *where)
{
    for (size_t i = 0; i < r->nsegs; i++)
        if (strcmp(r->segs[i].where, where) == 0)
            return &r->segs[i];
    return NULL;
}

/* rec_has_note - a note "rule@where" */
static bool rec_has_note(const struct rec *r, const char *note)
{
    for (size_t i = 0; i < r->nnotes; i++)
        if (strcmp(r->notes[i], note) == 0)
            return true;
    return false;
}

/* rec_reported - some text, or a note */
static bool rec_reported(const struct rec *r)
{
    return r->total > 0 || r->nnotes > 0;
}

static const char *seg_text(const struct seg *g)
{
    return g ? g->text : "(no segment)";
}

/* extract - ole_extract on an exact-size copy, so ASan sees a read past the end */
static enum sl_status extract(const unsigned char *data, size_t len, size_t max_text, struct rec *r)
{
    unsigned char *copy = malloc(len ? len : 1);
    memcpy(copy, data, len);
    rec_init(r);
    enum sl_status st = ole_extract((const char *)copy, len, max_text, &r->sink);
    free(copy);
    return st;
}

/* ---- little-endian writers ---- */

static void put16(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, uint32_t v)
{
    put16(p, v & 0xFFFF);
    put16(p + 2, v >> 16);
}

static void add(struct buf *b, const void *p, size_t n)
{
    if (buf_append(b, p, n) != SL_OK)
        abort();
}

static void add8(struct buf *b, uint32_t v)
{
    unsigned char c = (unsigned char)v;
    add(b, &c, 1);
}

static void add16(struct buf *b, uint32_t v)
{
    unsigned char p[2];
    put16(p, v);
    add(b, p, 2);
}

static void add32(struct buf *b, uint32_t v)
{
    unsigned char p[4];
    put32(p, v);
    add(b, p, 4);
}

static void add_double(struct buf *b, double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    add32(b, (uint32_t)bits);
    add32(b, (uint32_t)(bits >> 32));
}

/* ---- a compound file writer (MS-CFB), just enough for the tests ---- */

#define ENDOFCHAIN 0xFFFFFFFEu
#define FREESECT   0xFFFFFFFFu
#define NOSTREAM   0xFFFFFFFFu

struct stream_spec {
    const char *name;
    const struct buf *data;
};

struct cfb_image {
    unsigned char *data;
    size_t len;
    size_t ssz;
    uint32_t dir_sector;
    uint32_t first[4]; /* first sector of each stream */
    uint32_t count[4]; /* its sectors */
};

/* cfb_build - a compound file with 512- or 4096-byte sectors (shift 9 or
 * 12): FAT sectors, DIFAT sectors when there are more than 109 FAT
 * sectors, one directory sector, filler free sectors, then the streams,
 * each in regular sectors (padded to the 4096-byte mini-stream cutoff) */
static struct cfb_image cfb_build(unsigned shift, const struct stream_spec *s, size_t ns,
                                  uint32_t filler)
{
    struct cfb_image img;
    size_t ssz = (size_t)1 << shift, per = ssz / 4;
    uint32_t streams = 0, nfat = 1, ndifat = 0, total;

    memset(&img, 0, sizeof img);
    img.ssz = ssz;
    for (size_t i = 0; i < ns; i++) {
        size_t len = s[i].data->len < 4096 ? 4096 : s[i].data->len;
        img.count[i] = (uint32_t)((len + ssz - 1) / ssz);
        streams += img.count[i];
    }
    for (;;) {
        total = nfat + ndifat + 1 + filler + streams;
        uint32_t f = (uint32_t)((total + per - 1) / per);
        uint32_t d = f > 109 ? (uint32_t)((f - 109 + per - 2) / (per - 1)) : 0;
        if (f == nfat && d == ndifat)
            break;
        nfat = f;
        ndifat = d;
    }
    img.dir_sector = nfat + ndifat;
    uint32_t next = img.dir_sector + 1 + filler;
    for (size_t i = 0; i < ns; i++) {
        img.first[i] = next;
        next += img.count[i];
    }
    img.len = ssz * ((size_t)total + 1);
    img.data = calloc(1, img.len);
    unsigned char *h = img.data;

    static const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    memcpy(h, magic, 8);
    put16(h + 0x18, 0x3E);
    put16(h + 0x1A, shift == 9 ? 3 : 4);
    put16(h + 0x1C, 0xFFFE);
    put16(h + 0x1E, shift);
    put16(h + 0x20, 6);
    put32(h + 0x2C, nfat);
    put32(h + 0x30, img.dir_sector);
    put32(h + 0x38, 4096);
    put32(h + 0x3C, ENDOFCHAIN);
    put32(h + 0x44, ndifat ? nfat : ENDOFCHAIN);
    put32(h + 0x48, ndifat);
    for (uint32_t i = 0; i < 109; i++)
        put32(h + 0x4C + 4 * i, i < nfat ? i : FREESECT);
    for (uint32_t d = 0; d < ndifat; d++) {
        unsigned char *sec = img.data + ((size_t)nfat + d + 1) * ssz;
        for (size_t j = 0; j + 1 < per; j++) {
            uint64_t k = 109 + (uint64_t)d * (per - 1) + j;
            put32(sec + 4 * j, k < nfat ? (uint32_t)k : FREESECT);
        }
        put32(sec + 4 * (per - 1), d + 1 < ndifat ? nfat + d + 1 : ENDOFCHAIN);
    }
    /* the FAT */
    uint32_t *fat = malloc((size_t)nfat * per * sizeof *fat);
    for (size_t i = 0; i < (size_t)nfat * per; i++)
        fat[i] = FREESECT;
    for (uint32_t i = 0; i < nfat; i++)
        fat[i] = 0xFFFFFFFDu;
    for (uint32_t i = 0; i < ndifat; i++)
        fat[nfat + i] = 0xFFFFFFFCu;
    fat[img.dir_sector] = ENDOFCHAIN;
    for (size_t i = 0; i < ns; i++) {
        for (uint32_t k = 0; k < img.count[i]; k++)
            fat[img.first[i] + k] = k + 1 < img.count[i] ? img.first[i] + k + 1 : ENDOFCHAIN;
        memcpy(img.data + ((size_t)img.first[i] + 1) * ssz, s[i].data->data, s[i].data->len);
    }
    for (size_t i = 0; i < (size_t)nfat * per; i++)
        put32(img.data + (i / per + 1) * ssz + 4 * (i % per), fat[i]);
    free(fat);
    /* the directory: the root, and the streams as a chain of right siblings */
    unsigned char *dir = img.data + ((size_t)img.dir_sector + 1) * ssz;
    for (size_t i = 0; i < ssz / 128; i++) {
        unsigned char *e = dir + 128 * i;
        put32(e + 0x44, NOSTREAM);
        put32(e + 0x48, NOSTREAM);
        put32(e + 0x4C, NOSTREAM);
    }
    for (size_t i = 0; i <= ns; i++) {
        unsigned char *e = dir + 128 * i;
        const char *name = i == 0 ? "Root Entry" : s[i - 1].name;
        size_t n = strlen(name);
        for (size_t k = 0; k < n; k++)
            put16(e + 2 * k, (unsigned char)name[k]);
        put16(e + 0x40, (uint32_t)(2 * n + 2));
        e[0x42] = i == 0 ? 5 : 2;
        e[0x43] = 1;
        if (i == 0) {
            put32(e + 0x4C, ns ? 1 : NOSTREAM);
            put32(e + 0x74, ENDOFCHAIN);
        } else {
            put32(e + 0x48, i < ns ? (uint32_t)i + 1 : NOSTREAM);
            put32(e + 0x74, img.first[i - 1]);
            /* below the cutoff a stream would be in the mini stream: pad it */
            put32(e + 0x78, s[i - 1].data->len < 4096 ? 4096 : (uint32_t)s[i - 1].data->len);
        }
    }
    return img;
}

static unsigned char *cfb_dir_entry(const struct cfb_image *img, size_t i)
{
    return img->data + ((size_t)img->dir_sector + 1) * img->ssz + 128 * i;
}

static void cfb_fat_set(const struct cfb_image *img, uint32_t idx, uint32_t v)
{
    size_t per = img->ssz / 4;
    put32(img->data + (idx / per + 1) * img->ssz + 4 * (idx % per), v);
}

/* ---- a Word 97 document, built here ---- */

/* word_build - a WordDocument stream with a FIB, 16-bit text at 1024 and
 * 8-bit text at 3072, and a 1Table stream with a Prc and the piece table */
static void word_build(struct buf *wd, struct buf *tbl, const uint16_t *t16, size_t n16,
                       const char *t8, size_t n8, uint16_t nfib, uint16_t flags)
{
    unsigned char *f;

    buf_reset(wd);
    buf_reset(tbl);
    if (buf_reserve(wd, 4096) != SL_OK)
        abort();
    memset(wd->data, 0, 4096);
    wd->len = 4096;
    f = (unsigned char *)wd->data;
    put16(f, 0xA5EC);
    put16(f + 2, nfib);
    put16(f + 0x0A, flags | 0x0200);             /* fWhichTblStm: 1Table */
    put16(f + 32, 14);                           /* csw */
    put16(f + 62, 22);                           /* cslw */
    put32(f + 64 + 4 * 3, (uint32_t)(n16 + n8)); /* ccpText */
    put16(f + 152, 93);                          /* cbRgFcLcb */
    for (size_t i = 0; i < n16; i++)
        put16(f + 1024 + 2 * i, t16[i]);
    memcpy(f + 3072, t8, n8);

    /* CLX: a Prc with two bytes of grpprl, then the Pcdt */
    add8(tbl, 1);
    add16(tbl, 2);
    add16(tbl, 0);
    size_t fc_clx = 0;
    add8(tbl, 2);
    add32(tbl, 4 * 3 + 8 * 2);
    add32(tbl, 0);
    add32(tbl, (uint32_t)n16);
    add32(tbl, (uint32_t)(n16 + n8));
    add16(tbl, 0);
    add32(tbl, 1024); /* UTF-16 */
    add16(tbl, 0);
    add16(tbl, 0);
    add32(tbl, (3072 * 2) | 0x40000000u); /* compressed */
    add16(tbl, 0);
    put32(f + 154 + 8 * 33, (uint32_t)fc_clx);
    put32(f + 154 + 8 * 33 + 4, (uint32_t)tbl->len);
    while (tbl->len < 4096)
        add8(tbl, 0);
}

static const uint16_t word_text16[] = {
    'N', 'a', 'a', 'm', ':', ' ', 0x13, ' ', 'M', 'E', 'R', 'G', 'E', 'F', 'I', 'E', 'L', 'D', ' ',
    0x14, 'Z', 'o', 0xEB, ' ', 'J', 'a', 'n', 's', 'e', 'n', 0x15, 0x0D,
    /* a table, read without paragraph properties: a cell mark after a cell mark ends the row */
    'J', 'a', 'n', 's', 'e', 'n', 0x07, 'C', 'O', 'P', 'D', 0x07, 0x07, 'P', 'i', 'e', 't', 'e',
    'r', 's', 'e', 'n', 0x07, 'a', 's', 't', 'm', 'a', 0x07, 0x07,
    /* a surrogate pair, and nested fields: only the outer result shows */
    0xD83D, 0xDE00, ' ', 0x13, 'I', 'F', ' ', 0x13, 'R', 'E', 'F', 0x14, 'x', 0x15, '=', '1', 0x14,
    'u', 'i', 't', 'k', 'o', 'm', 's', 't', 0x15, 0x0D};

static const char word_text8[] = "BSN \x13 PAGE \x15"
                                 "123456782\x0bregel\x0cpagina caf\xe9 \x93x\x94\x1e\x1f\xa0"
                                 "end\r";

static const char word_want[] = "Naam: Zoë Jansen\n"
                                "Jansen | COPD\n"
                                "Pietersen | astma\n"
                                "\xf0\x9f\x98\x80 uitkomst\n"
                                "BSN 123456782\n"
                                "regel\n"
                                "pagina café “x”- end\n";

static void test_word_built(void)
{
    struct buf wd = BUF_INIT, tbl = BUF_INIT;
    struct rec r;
    static const struct {
        const char *name;
        uint16_t nfib, flags;
        const char *want;    /* the segment "", or NULL for none */
        const char *note;    /* a note that must be there, or NULL for none at all */
        const char *contain; /* for the fallback: text the segment holds */
    } cases[] = {
        {"Word 97 text, fields, table, code pages", 0x00C1, 0, word_want, NULL, NULL},
        {"encrypted", 0x00C1, 0x0100, NULL, "unscannable.encrypted@", NULL},
        {"Word 6 goes to the text-run fallback", 0x0065, 0, "", NULL, "pagina caf"},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        word_build(&wd, &tbl, word_text16, NELEM(word_text16), word_text8, sizeof word_text8 - 1,
                   cases[i].nfib, cases[i].flags);
        struct stream_spec s[] = {{"WordDocument", &wd}, {"1Table", &tbl}};
        struct cfb_image img = cfb_build(9, s, 2, 0);
        enum sl_status st = extract(img.data, img.len, 1 << 20, &r);
        const struct seg *g = rec_seg(&r, "");
        CHECK(st == SL_OK, "%s: status %d", cases[i].name, st);
        if (cases[i].contain) {
            CHECK(g && strstr(g->text, cases[i].contain) && strstr(g->text, "123456782"),
                  "%s: got '%s'", cases[i].name, seg_text(g));
        } else if (cases[i].want) {
            CHECK(g && strcmp(g->text, cases[i].want) == 0 && !g->rows, "%s: got '%s', want '%s'",
                  cases[i].name, seg_text(g), cases[i].want);
        } else {
            CHECK(r.nsegs == 0, "%s: %zu segments, want none", cases[i].name, r.nsegs);
        }
        if (cases[i].note) {
            CHECK(rec_has_note(&r, cases[i].note), "%s: no note %s", cases[i].name, cases[i].note);
            CHECK(!r.bad_flag, "%s: note %s with the wrong incomplete flag", cases[i].name,
                  cases[i].note);
        } else
            CHECK(r.nnotes == 0, "%s: unexpected note %s", cases[i].name, r.notes[0]);
        rec_free(&r);
        free(img.data);
    }

    /* the table stream is missing: the fallback still reads the text, and says so */
    word_build(&wd, &tbl, word_text16, NELEM(word_text16), word_text8, sizeof word_text8 - 1,
               0x00C1, 0);
    struct stream_spec s[] = {{"WordDocument", &wd}, {"0Table", &tbl}};
    struct cfb_image img = cfb_build(9, s, 2, 0);
    CHECK(extract(img.data, img.len, 1 << 20, &r) == SL_OK && rec_seg(&r, "") &&
              strstr(rec_seg(&r, "")->text, "123456782") &&
              rec_has_note(&r, "unscannable.malformed@"),
          "missing table stream: got '%s'", seg_text(rec_seg(&r, "")));
    rec_free(&r);
    free(img.data);
    buf_free(&wd);
    buf_free(&tbl);
}

/* ---- an Excel workbook, built here (BIFF8 and BIFF5) ---- */

static void biff(struct buf *b, uint16_t type, const struct buf *data)
{
    add16(b, type);
    add16(b, (uint32_t)data->len);
    add(b, data->data, data->len);
}

static void biff_bof(struct buf *b, uint16_t vers, uint16_t dt)
{
    struct buf d = BUF_INIT;
    add16(&d, vers);
    add16(&d, dt);
    for (int i = 0; i < 12; i++)
        add8(&d, 0);
    biff(b, 0x0809, &d);
    buf_free(&d);
}

static void biff_empty(struct buf *b, uint16_t type)
{
    add16(b, type);
    add16(b, 0);
}

/* biff_cell - a record that starts with row, column, xf */
static struct buf biff_cell(uint32_t row, uint32_t col, uint32_t xf)
{
    struct buf d = BUF_INIT;
    add16(&d, row);
    add16(&d, col);
    add16(&d, xf);
    return d;
}

static void biff_number(struct buf *b, uint32_t row, uint32_t col, uint32_t xf, double v)
{
    struct buf d = biff_cell(row, col, xf);
    add_double(&d, v);
    biff(b, 0x0203, &d);
    buf_free(&d);
}

static void biff_rk(struct buf *b, uint32_t row, uint32_t col, uint32_t xf, uint32_t rk)
{
    struct buf d = biff_cell(row, col, xf);
    add32(&d, rk);
    biff(b, 0x027E, &d);
    buf_free(&d);
}

static void biff_labelsst(struct buf *b, uint32_t row, uint32_t col, uint32_t isst)
{
    struct buf d = biff_cell(row, col, 0);
    add32(&d, isst);
    biff(b, 0x00FD, &d);
    buf_free(&d);
}

/* biff_label - LABEL with an XLUnicodeString, 8-bit or UTF-16 */
static void biff_label(struct buf *b, uint32_t row, uint32_t col, const uint16_t *s, size_t n,
                       bool high)
{
    struct buf d = biff_cell(row, col, 0);
    add16(&d, (uint32_t)n);
    add8(&d, high);
    for (size_t i = 0; i < n; i++)
        high ? add16(&d, s[i]) : add8(&d, s[i]);
    biff(b, 0x0204, &d);
    buf_free(&d);
}

static void add_latin1(struct buf *b, const char *s)
{
    add(b, s, strlen(s));
}

/* the string split over SST and CONTINUE: 8-bit, then UTF-16 after the seam */
static const char sst_split_a[] = "Dit is een lange zin die door ";
static const uint16_t sst_split_b[] = {'g', 'a', 'a', 't', ':', ' ', 0x142, 0xF3, 'd', 0x17A};

static void xls_build(struct buf *wb)
{
    struct buf d = BUF_INIT;
    size_t plypos[2];

    buf_reset(wb);
    /* workbook globals */
    biff_bof(wb, 0x0600, 0x0005);
    add16(&d, 0);
    biff(wb, 0x0022, &d); /* DATEMODE: 1900 */
    buf_reset(&d);
    add16(&d, 164); /* FORMAT 164: a date */
    add16(&d, 12);
    add8(&d, 0);
    add_latin1(&d, "dd\\-mm\\-yyyy");
    biff(wb, 0x041E, &d);
    static const uint16_t xf_formats[] = {0, 164, 14, 2};
    for (size_t i = 0; i < NELEM(xf_formats); i++) {
        buf_reset(&d);
        add16(&d, 0);
        add16(&d, xf_formats[i]);
        for (int k = 0; k < 16; k++)
            add8(&d, 0);
        biff(wb, 0x00E0, &d);
    }
    /* BOUNDSHEET: an 8-bit name and a UTF-16 one */
    buf_reset(&d);
    add32(&d, 0);
    add16(&d, 0);
    add8(&d, 8);
    add8(&d, 0);
    add_latin1(&d, "Cli\xebnten");
    plypos[0] = wb->len + 4;
    biff(wb, 0x0085, &d);
    buf_reset(&d);
    add32(&d, 0xDEAD); /* wrong: the sheet is then named by order */
    add16(&d, 0);
    add8(&d, 4);
    add8(&d, 1);
    add16(&d, 0x141);
    add16(&d, 0xF3);
    add16(&d, 'd');
    add16(&d, 0x17A);
    plypos[1] = wb->len + 4;
    biff(wb, 0x0085, &d);

    /* SST, with two CONTINUE records */
    buf_reset(&d);
    add32(&d, 4);
    add32(&d, 4);
    add16(&d, 16); /* 0: "Zoë van der Meër", 8-bit */
    add8(&d, 0);
    add_latin1(&d, "Zo\xeb van der Me\xebr");
    add16(&d, (uint32_t)(strlen(sst_split_a) + NELEM(sst_split_b))); /* 1: split */
    add8(&d, 0);
    add_latin1(&d, sst_split_a);
    biff(wb, 0x00FC, &d);
    buf_reset(&d);
    add8(&d, 1); /* the option byte again: now UTF-16 */
    for (size_t i = 0; i < NELEM(sst_split_b); i++)
        add16(&d, sst_split_b[i]);
    add16(&d, 5); /* 2: rich text with phonetic data, its runs cut by the seam */
    add8(&d, 0x0C);
    add16(&d, 2);
    add32(&d, 6);
    add_latin1(&d, "vette");
    add32(&d, 0x00010000);
    biff(wb, 0x003C, &d);
    buf_reset(&d);
    add32(&d, 0x00020003); /* the rest of the runs: no option byte */
    for (int k = 0; k < 6; k++)
        add8(&d, 0xAA);
    add16(&d, 10); /* 3 */
    add8(&d, 0);
    add_latin1(&d, "na de runs");
    biff(wb, 0x003C, &d);
    biff_empty(wb, 0x000A);

    /* sheet 1 */
    put32((unsigned char *)wb->data + plypos[0], (uint32_t)wb->len);
    biff_bof(wb, 0x0600, 0x0010);
    biff_number(wb, 2, 0, 0, 1e20); /* out of order: sorted on output */
    biff_number(wb, 2, 1, 3, 0.1);
    biff_number(wb, 2, 2, 2, 44927); /* built-in date format 14 */
    buf_free(&d);
    d = biff_cell(2, 3, 0);
    add8(&d, 1);
    add8(&d, 0);
    biff(wb, 0x0205, &d); /* BOOLERR TRUE */
    buf_free(&d);
    d = biff_cell(2, 4, 0);
    add8(&d, 0x2A);
    add8(&d, 1);
    biff(wb, 0x0205, &d); /* BOOLERR #N/A: not text */
    buf_free(&d);
    biff_rk(wb, 0, 0, 0, (123456782u << 2) | 2); /* a BSN as an RK integer */
    biff_rk(wb, 0, 1, 0, (7250u << 2) | 3);      /* 72.50, times 100 */
    d = (struct buf)BUF_INIT;                    /* MULRK: a date and -3 */
    add16(&d, 0);
    add16(&d, 2);
    add16(&d, 1);
    add32(&d, (16508u << 2) | 2);
    add16(&d, 0);
    add32(&d, ((uint32_t)-3 << 2) | 2);
    add16(&d, 3);
    biff(wb, 0x00BD, &d);
    buf_free(&d);
    biff_labelsst(wb, 1, 0, 0);
    biff_labelsst(wb, 1, 1, 1);
    biff_labelsst(wb, 1, 2, 2);
    biff_labelsst(wb, 1, 3, 3);
    biff_labelsst(wb, 1, 4, 99); /* no such string */
    d = biff_cell(3, 0, 0);      /* FORMULA with a string result, then STRING */
    add8(&d, 0);
    for (int k = 0; k < 5; k++)
        add8(&d, 0);
    add16(&d, 0xFFFF);
    add16(&d, 0);
    add32(&d, 0);
    add16(&d, 0);
    biff(wb, 0x0006, &d);
    buf_reset(&d);
    add16(&d, 8);
    add8(&d, 0);
    add_latin1(&d, "uitkomst");
    biff(wb, 0x0207, &d);
    buf_free(&d);
    d = biff_cell(3, 1, 0); /* FORMULA with a number */
    add_double(&d, 42);
    add16(&d, 0);
    add32(&d, 0);
    add16(&d, 0);
    biff(wb, 0x0006, &d);
    buf_free(&d);
    d = biff_cell(3, 2, 0); /* FORMULA with a boolean */
    add8(&d, 1);
    add8(&d, 0);
    add8(&d, 0);
    for (int k = 0; k < 3; k++)
        add8(&d, 0);
    add16(&d, 0xFFFF);
    add16(&d, 0);
    add32(&d, 0);
    add16(&d, 0);
    biff(wb, 0x0006, &d);
    buf_free(&d);
    static const uint16_t label8[] = {'L', 'a', 'b', 'e', 'l', ' ', 0xFC};
    static const uint16_t label16[] = {'t', 'w', 'e', 'e', '\n', 'r', 'e', 'g', 'e', 'l', 's'};
    biff_label(wb, 4, 0, label8, NELEM(label8), false);
    biff_label(wb, 4, 1, label16, NELEM(label16), true);
    biff_empty(wb, 0x000A);

    /* sheet 2, with a chart inside whose text is not a cell */
    biff_bof(wb, 0x0600, 0x0010);
    biff_bof(wb, 0x0600, 0x0020);
    static const uint16_t chart[] = {'g', 'r', 'a', 'f', 'i', 'e', 'k'};
    biff_label(wb, 0, 5, chart, NELEM(chart), false);
    biff_empty(wb, 0x000A);
    biff_labelsst(wb, 0, 0, 0);
    biff_empty(wb, 0x000A);
    buf_free(&d);
}

static const char xls_want1[] = "123456782 | 72.5 | 12-03-1945 | -3\n"
                                "Zoë van der Meër | Dit is een lange zin die door gaat: łódź | "
                                "vette | na de runs\n"
                                "1e+20 | 0.1 | 01-01-2023 | TRUE\n"
                                "uitkomst | 42 | FALSE\n"
                                "Label ü | twee regels\n";

static void test_xls_built(void)
{
    struct buf wb = BUF_INIT;
    struct rec r;

    xls_build(&wb);
    struct stream_spec s[] = {{"Workbook", &wb}};
    struct cfb_image img = cfb_build(9, s, 1, 0);
    CHECK(extract(img.data, img.len, 1 << 20, &r) == SL_OK, "built xls: status");
    const struct seg *g1 = rec_seg(&r, "sheet Cliënten"), *g2 = rec_seg(&r, "sheet Łódź");
    CHECK(g1 && g1->rows && strcmp(g1->text, xls_want1) == 0, "built xls sheet 1: got '%s'",
          seg_text(g1));
    CHECK(g2 && g2->rows && strcmp(g2->text, "Zoë van der Meër\n") == 0,
          "built xls sheet 2: got '%s'", seg_text(g2));
    CHECK(r.nsegs == 2 && r.nnotes == 0, "built xls: %zu segments, %zu notes (%s)", r.nsegs,
          r.nnotes, r.nnotes ? r.notes[0] : "");
    rec_free(&r);
    free(img.data);

    /* the same in 4096-byte sectors, with a stream size no file can hold */
    img = cfb_build(12, s, 1, 0);
    put32(cfb_dir_entry(&img, 1) + 0x78, 0xFFFFFFFFu);
    put32(cfb_dir_entry(&img, 1) + 0x7C, 0xFFFFFFFFu);
    CHECK(extract(img.data, img.len, 1 << 20, &r) == SL_OK && rec_seg(&r, "sheet Cliënten") &&
              strcmp(rec_seg(&r, "sheet Cliënten")->text, xls_want1) == 0 &&
              rec_has_note(&r, "unscannable.malformed@"),
          "4096-byte sectors, huge size: got '%s'", seg_text(rec_seg(&r, "sheet Cliënten")));
    rec_free(&r);
    free(img.data);

    /* more than 109 FAT sectors: the rest are listed in DIFAT sectors */
    img = cfb_build(9, s, 1, 14000);
    CHECK(extract(img.data, img.len, 1 << 20, &r) == SL_OK && r.nnotes == 0 &&
              rec_seg(&r, "sheet Cliënten") &&
              strcmp(rec_seg(&r, "sheet Cliënten")->text, xls_want1) == 0,
          "DIFAT sectors: got '%s', %zu notes", seg_text(rec_seg(&r, "sheet Cliënten")), r.nnotes);
    rec_free(&r);
    /* ... and a DIFAT chain that leads nowhere: the FAT sectors it lists are missing */
    put32(img.data + 0x44, 0x7FFFFFFF);
    CHECK(extract(img.data, img.len, 1 << 20, &r) == SL_OK &&
              rec_has_note(&r, "unscannable.malformed@"),
          "DIFAT past the end: %zu notes", r.nnotes);
    rec_free(&r);
    free(img.data);

    /* FILEPASS: encrypted */
    buf_reset(&wb);
    biff_bof(&wb, 0x0600, 0x0005);
    struct buf d = BUF_INIT;
    add16(&d, 1);
    for (int k = 0; k < 52; k++)
        add8(&d, 0x55);
    biff(&wb, 0x002F, &d);
    buf_free(&d);
    biff_empty(&wb, 0x000A);
    img = cfb_build(9, s, 1, 0);
    CHECK(extract(img.data, img.len, 1 << 20, &r) == SL_OK && r.nsegs == 0 && r.nnotes == 1 &&
              rec_has_note(&r, "unscannable.encrypted@"),
          "FILEPASS: %zu segments, note '%s'", r.nsegs, r.nnotes ? r.notes[0] : "");
    rec_free(&r);
    free(img.data);

    /* BIFF5 in a "Book" stream: 8-bit strings in cp1252 */
    buf_reset(&wb);
    biff_bof(&wb, 0x0500, 0x0005);
    d = (struct buf)BUF_INIT;
    add32(&d, 0);
    add16(&d, 0);
    add8(&d, 5);
    add_latin1(&d, "Blad1");
    size_t pos = wb.len + 4;
    biff(&wb, 0x0085, &d);
    biff_empty(&wb, 0x000A);
    put32((unsigned char *)wb.data + pos, (uint32_t)wb.len);
    biff_bof(&wb, 0x0500, 0x0010);
    buf_free(&d);
    d = biff_cell(0, 0, 0);
    add16(&d, 10);
    add_latin1(&d, "caf\xe9 \x80 5,-");
    biff(&wb, 0x0204, &d);
    buf_free(&d);
    biff_number(&wb, 0, 1, 0, 5);
    biff_empty(&wb, 0x000A);
    struct stream_spec s5[] = {{"Book", &wb}};
    img = cfb_build(9, s5, 1, 0);
    CHECK(extract(img.data, img.len, 1 << 20, &r) == SL_OK && rec_seg(&r, "sheet Blad1") &&
              strcmp(rec_seg(&r, "sheet Blad1")->text, "café € 5,- | 5\n") == 0,
          "BIFF5: got '%s'", seg_text(rec_seg(&r, "sheet Blad1")));
    rec_free(&r);
    free(img.data);
    buf_free(&wb);
}

/* ---- the fallback and damaged compound files, built here ---- */

static void test_fallback_and_damage(void)
{
    struct buf ppt = BUF_INIT, bin = BUF_INIT;
    struct rec r;

    /* a stream of an unknown kind: UTF-16 and 8-bit text among binary */
    for (int k = 0; k < 40; k++)
        add8(&ppt, k * 37);
    static const uint16_t u16[] = {'P', 'a', 't', 'i', 0xEB, 'n', 't', ' ', 'Z', 'o', 0xEB};
    for (size_t i = 0; i < NELEM(u16); i++)
        add16(&ppt, u16[i]);
    add16(&ppt, 0);
    add8(&ppt, 0x01);
    add_latin1(&ppt, "BSN 123456782");
    add8(&ppt, 0x00);
    add_latin1(&ppt, "\xff\xfe\xcf\x9f\x72\xcf\x9f\x72\x01"); /* printable, but not text */
    add_latin1(&ppt, "ab1\x02");                              /* too short */
    struct stream_spec s[] = {{"PowerPoint Document", &ppt}};
    struct cfb_image img = cfb_build(9, s, 1, 0);
    CHECK(extract(img.data, img.len, 1 << 20, &r) == SL_OK && rec_seg(&r, "") &&
              strcmp(rec_seg(&r, "")->text, "Patiënt Zoë\nBSN 123456782\n") == 0 && r.nnotes == 0,
          "fallback: got '%s'", seg_text(rec_seg(&r, "")));
    rec_free(&r);

    /* a FAT chain that loops back, under a stream size far past it */
    for (int k = 0; k < 8 * 512; k++)
        add8(&bin, "Regel tekst "[k % 12]);
    struct stream_spec sb[] = {{"Onbekend", &bin}};
    struct cfb_image loop = cfb_build(9, sb, 1, 0);
    cfb_fat_set(&loop, loop.first[0] + loop.count[0] - 1, loop.first[0]);
    put32(cfb_dir_entry(&loop, 1) + 0x78, 1u << 30);
    CHECK(extract(loop.data, loop.len, 1 << 20, &r) == SL_OK &&
              rec_has_note(&r, "unscannable.malformed@") && r.total <= 1 << 20,
          "FAT loop: %zu notes", r.nnotes);
    rec_free(&r);
    free(loop.data);

    /* damage to the compound file itself */
    static const struct {
        const char *name;
        int what;
    } cases[] = {
        {"directory chain loops", 0},
        {"start sector past the end", 1},
        {"sibling points to itself", 2},
        {"child points to the root", 3},
        {"small stream, no mini FAT", 4},
        {"root is not a root", 5},
        {"sector shift 7", 6},
        {"FAT sector past the end", 7},
        {"8-byte file", 8},
        {"not OLE at all", 9},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        struct cfb_image b = cfb_build(9, s, 1, 0);
        size_t len = b.len;
        unsigned char *e = cfb_dir_entry(&b, 1);
        switch (cases[i].what) {
        case 0:
            cfb_fat_set(&b, b.dir_sector, b.dir_sector);
            break;
        case 1:
            put32(e + 0x74, 0x7FFFFFF0);
            break;
        case 2:
            put32(e + 0x44, 1);
            put32(e + 0x48, 1);
            break;
        case 3:
            put32(e + 0x4C, 0);
            put32(cfb_dir_entry(&b, 0) + 0x4C, 1);
            put32(e + 0x44, 0);
            break;
        case 4:
            put32(e + 0x78, 100);
            break;
        case 5:
            cfb_dir_entry(&b, 0)[0x42] = 1;
            break;
        case 6:
            put16(b.data + 0x1E, 7);
            break;
        case 7:
            put32(b.data + 0x4C, 0x00FFFFFF);
            break;
        case 8:
            len = 8;
            break;
        case 9:
            memcpy(b.data, "%PDF-1.4", 8);
            break;
        }
        enum sl_status st = extract(b.data, len, 1 << 20, &r);
        CHECK(st == SL_OK && rec_reported(&r) && !r.bad_utf8 && !r.bad_where,
              "%s: status %d, %zu bytes of text, %zu notes", cases[i].name, st, r.total, r.nnotes);
        CHECK(cases[i].what == 2 || cases[i].what == 3 ||
                  rec_has_note(&r, "unscannable.malformed@"),
              "%s: no malformed note", cases[i].name);
        rec_free(&r);
        free(b.data);
    }
    free(img.data);
    buf_free(&ppt);
    buf_free(&bin);
}

/* ---- the LibreOffice fixtures ---- */

static unsigned char *read_file(const char *dir, const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    struct buf b = BUF_INIT;
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        add(&b, chunk, n);
    fclose(f);
    return (unsigned char *)buf_steal(&b, len);
}

static void test_doc_fixture(const unsigned char *doc, size_t len)
{
    struct rec r;
    static const char *const body[] = {
        "Ontslagbrief\n",
        "Geachte collega, mevrouw Zoë van der Meër werd opgenomen wegens een exacerbatie van "
        "COPD.\n",
        "Café-medewerker, BSN 123456782, woont in Überlingen.\n",
        "Datum | Onderzoek | Uitslag\n01-02-2024 | Longfunctie | FEV1 45%\n02-02-2024 |  | HbA1c "
        "53 "
        "mmol/mol\n",
        "Met vriendelijke groet, dr. Noël Jansen\n",
    };
    /* the other stories, after the main one, as the document's "header" */
    static const char *const header[] = {
        "Voetnoot: allergie voor penicilline.\n",          /* footnote story */
        "Patiënt: Zoë van der Meer, geboren 12-03-1945\n", /* header story */
        "Ziekenhuis Sint-Anna, afdeling longziekten\n",    /* footer */
    };
    CHECK(extract(doc, len, 1 << 20, &r) == SL_OK, "verslag.doc: status");
    const struct seg *g = rec_seg(&r, "");
    const struct seg *h = rec_seg(&r, "header");
    CHECK(g && h && !g->rows && !h->rows && r.nsegs == 2 && r.nnotes == 0,
          "verslag.doc: %zu segments, %zu notes", r.nsegs, r.nnotes);
    for (size_t i = 0; i < NELEM(body); i++)
        CHECK(g && strstr(g->text, body[i]), "verslag.doc: no '%s' in '%s'", body[i], seg_text(g));
    for (size_t i = 0; i < NELEM(header); i++)
        CHECK(h && strstr(h->text, header[i]) && !strstr(g->text, header[i]),
              "verslag.doc: '%s' not in the header alone: '%s'", header[i], seg_text(h));
    rec_free(&r);

    /* the text limit: cut, never inside a character, and said */
    for (size_t max = 0; max < 120; max += 7) {
        CHECK(extract(doc, len, max, &r) == SL_OK && r.total <= max && !r.bad_utf8 &&
                  rec_has_note(&r, "unscannable.text-limit@"),
              "verslag.doc, max_text %zu: %zu bytes, %zu notes", max, r.total, r.nnotes);
        rec_free(&r);
    }

    /* the encryption flag in the FIB, at the start of the WordDocument stream */
    unsigned char *enc = malloc(len);
    memcpy(enc, doc, len);
    size_t fib = 0;
    for (size_t off = 512; off + 512 <= len && fib == 0; off += 512)
        if (enc[off] == 0xEC && enc[off + 1] == 0xA5)
            fib = off;
    CHECK(fib != 0, "verslag.doc: no FIB found");
    enc[fib + 0x0B] |= 0x01; /* fEncrypted: bit 8 of the flags word at 0x0A */
    CHECK(extract(enc, len, 1 << 20, &r) == SL_OK && r.nsegs == 0 &&
              rec_has_note(&r, "unscannable.encrypted@"),
          "verslag.doc encrypted: %zu segments, %zu notes", r.nsegs, r.nnotes);
    rec_free(&r);
    free(enc);
}

static char *xls_long_text(const char *prefix, const char *word, const char *end)
{
    struct buf b = BUF_INIT;
    for (int i = 1; i <= 300; i++)
        if (buf_printf(&b, "%s%s %03d: %s", i > 1 ? " " : "", prefix, i, word) != SL_OK)
            abort();
    add_latin1(&b, end);
    return buf_steal(&b, NULL);
}

static void test_xls_fixture(const unsigned char *xls, size_t len)
{
    struct rec r;

    CHECK(extract(xls, len, 1 << 20, &r) == SL_OK, "patienten.xls: status");
    const struct seg *g1 = rec_seg(&r, "sheet Patiënten"), *g2 = rec_seg(&r, "sheet Blad2");
    CHECK(r.nsegs == 2 && r.nnotes == 0 && g1 && g2 && g1->rows && g2->rows,
          "patienten.xls: %zu segments, %zu notes", r.nsegs, r.nnotes);
    static const char *const lines1[] = {
        "Naam | BSN | Geboren | Diagnose | Gewicht | Controle\n",
        "Zoë van der Meër | 123456782 | 12-03-1945 | COPD | 72.5 | 1\n",
        "Noël Brüggemann | 111222333 | 02-11-1978 | diabetes mellitus type 2 | -3 | 0\n",
        "Łukasz Żółć | astma | 111222334 | ",
    };
    for (size_t i = 0; i < NELEM(lines1); i++)
        CHECK(g1 && strstr(g1->text, lines1[i]), "patienten.xls: no '%s' in '%s'", lines1[i],
              seg_text(g1));
    /* two long strings spread over SST and CONTINUE records, whole */
    char *lt1 = xls_long_text("Regel", "patiënt Łukasz heeft koorts.", " EINDE-UTF16");
    char *lt2 = xls_long_text("Zin", "mevrouw Müller is hersteld.", " EINDE-LATIN1");
    struct buf want = BUF_INIT;
    if (buf_printf(&want, "Opmerking | Tekst\nlang 1 | %s\nlang 2 | %s\nkolom C, rij 4\n", lt1,
                   lt2) != SL_OK)
        abort();
    CHECK(g2 && strcmp(g2->text, want.data) == 0, "patienten.xls Blad2: got %zu bytes, want %zu",
          g2 ? g2->len : 0, want.len);
    buf_free(&want);
    free(lt1);
    free(lt2);
    rec_free(&r);

    /* the text limit ends the first sheet, and the second has nothing left */
    CHECK(extract(xls, len, 100, &r) == SL_OK && r.total <= 100 && !r.bad_utf8 &&
              rec_has_note(&r, "unscannable.text-limit@sheet Patiënten") &&
              rec_seg(&r, "sheet Blad2") == NULL,
          "patienten.xls max_text 100: %zu bytes, %zu segments", r.total, r.nsegs);
    rec_free(&r);
}

/* hostile - truncations and byte flips of a fixture: SL_OK, text or a note,
 * valid UTF-8, nothing past max_text */
static void test_hostile(const char *name, const unsigned char *data, size_t len, uint32_t *seed)
{
    struct rec r;
    size_t failures = 0;
    const size_t max_text = 1 << 16;

    for (size_t k = 0; k < 64; k++) {
        size_t cut = len * k / 64;
        enum sl_status st = extract(data, cut, max_text, &r);
        if (st != SL_OK || !rec_reported(&r) || r.bad_utf8 || r.bad_where || r.total > max_text) {
            failures++;
            fprintf(stderr, "%s cut at %zu: status %d, %zu bytes, %zu notes\n", name, cut, st,
                    r.total, r.nnotes);
        }
        rec_free(&r);
    }
    CHECK(failures == 0, "%s: %zu of 64 truncations failed", name, failures);

    failures = 0;
    unsigned char *v = malloc(len);
    size_t dir = ((size_t)(data[0x30] | data[0x31] << 8) + 1) * 512;
    for (int variant = 0; variant < 1000; variant++) {
        memcpy(v, data, len);
        *seed = *seed * 1103515245u + 12345u;
        int flips = 1 + (int)((*seed >> 16) % 8);
        for (int f = 0; f < flips; f++) {
            *seed = *seed * 1103515245u + 12345u;
            uint32_t x = *seed >> 8;
            size_t at;
            switch (variant % 3) {
            case 0: /* the header */
                at = x % 512;
                break;
            case 1: /* the directory */
                at = dir + x % 512 < len ? dir + x % 512 : x % len;
                break;
            default:
                at = x % len;
                break;
            }
            *seed = *seed * 1103515245u + 12345u;
            v[at] = (unsigned char)(*seed >> 16);
        }
        enum sl_status st = extract(v, len, max_text, &r);
        if (st != SL_OK || !rec_reported(&r) || r.bad_utf8 || r.bad_where || r.total > max_text) {
            failures++;
            fprintf(stderr, "%s variant %d: status %d, %zu bytes, %zu notes\n", name, variant, st,
                    r.total, r.nnotes);
        }
        rec_free(&r);
    }
    free(v);
    CHECK(failures == 0, "%s: %zu of 1000 byte-flip variants failed", name, failures);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_ole DATA-DIR (tests/unit/data)\n");
        return 2;
    }
    test_word_built();
    test_xls_built();
    test_fallback_and_damage();

    size_t doc_len = 0, xls_len = 0;
    unsigned char *doc = read_file(argv[1], "verslag.doc", &doc_len);
    unsigned char *xls = read_file(argv[1], "patienten.xls", &xls_len);
    CHECK(doc && xls, "fixtures not found in %s", argv[1]);
    if (doc && xls) {
        uint32_t seed = 20261122;
        test_doc_fixture(doc, doc_len);
        test_xls_fixture(xls, xls_len);
        test_hostile("verslag.doc", doc, doc_len, &seed);
        test_hostile("patienten.xls", xls, xls_len, &seed);
    }
    free(doc);
    free(xls);
    return check_summary("test_ole");
}
