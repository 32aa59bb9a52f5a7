/*
 * ole - text out of legacy Office files. See ole.h.
 *
 * Layers: a compound-file reader (cfb_*: header, DIFAT, FAT, mini FAT,
 * directory, streams by name), and over it three readers of stream
 * contents: Word (word_*), Excel (xls_*) and the text-run fallback
 * (runs_*). Every byte read goes through a length check; every chain walk
 * stops after as many steps as the table has entries (a longer chain is a
 * loop); every record loop advances by at least one record header. All
 * memory is owned by the call and freed before it returns: the FAT (4 bytes
 * per sector), the directory, the mini stream and mini FAT, at most two
 * streams at a time (each no longer than the file, whatever size the
 * directory claims), the text of one segment (cut at max_text) and, for
 * Excel, the shared strings and the cells of one sheet. All chain walks
 * together copy at most four times the file's length, so that a directory
 * listing the same sectors over and over stays linear. Thread-safe.
 *
 * Word (MS-DOC): FIB -> fWhichTblStm -> CLX -> piece table -> characters,
 * 8-bit (cp1252) or UTF-16LE per piece; the CP ranges of all stories
 * (ccpText, ccpFtn, ccpHdd, ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx) in order.
 * A cell mark (0x07) ends a table row when its paragraph has sprmPFTtp,
 * found through PlcBtePapx and the PAPX FKP pages; when that cannot be
 * read, a cell mark right after a cell mark ends the row. Not read: Word
 * 6/95 files (to the fallback), fast-saved files' deleted text (the piece
 * table is followed, so what Word shows is what is read), drawing text
 * outside text boxes, embedded objects.
 *
 * Excel (MS-XLS, BIFF8, and BIFF5 in a "Book" stream): BOUNDSHEET, SST with
 * its CONTINUE records (the option byte re-read at each one, rich-text runs
 * and phonetic data skipped), LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK,
 * BOOLERR, FORMULA cached results with their STRING, FORMAT/XF/DATEMODE for
 * dates. Not read: charts, comments (NOTE/TXO), text boxes, defined names,
 * headers and footers of the page setup, BIFF2-4.
 *
 * The fallback, for any other OLE file: from every stream, runs of at least
 * RUNS_MIN16 printable Latin characters in UTF-16LE (at both byte
 * alignments) and of at least RUNS_MIN8 printable cp1252 bytes, each run a
 * line. It finds the text of PowerPoint's text atoms, Outlook's property
 * streams and Word 6/95 documents, but misses compressed content (zlib
 * streams, embedded packages), text outside the Latin ranges, runs split
 * by binary data, and all layout (tables, order of slides); it also yields
 * some noise from binary data.
 */
#include "ole.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "charset.h"

/* MS-CFB 2.1, 2.2, 2.6 */
#define CFB_HEADER_SIZE  512
#define CFB_HEADER_DIFAT 109
#define CFB_MAXREGSECT   0xFFFFFFFAu
#define CFB_ENDOFCHAIN   0xFFFFFFFEu
#define CFB_FREESECT     0xFFFFFFFFu
#define CFB_NOSTREAM     0xFFFFFFFFu
#define CFB_MINI_SECTOR  64
#define CFB_MINI_CUTOFF  4096
#define CFB_ENTRY_SIZE   128
#define CFB_TYPE_STREAM  2
#define CFB_TYPE_ROOT    5
#define CFB_MAX_NAME     31

/* MS-XLS 2.3: record types */
#define XLS_FORMULA    0x0006
#define XLS_EOF        0x000A
#define XLS_DATEMODE   0x0022
#define XLS_FILEPASS   0x002F
#define XLS_CONTINUE   0x003C
#define XLS_BOUNDSHEET 0x0085
#define XLS_MULRK      0x00BD
#define XLS_RSTRING    0x00D6
#define XLS_XF         0x00E0
#define XLS_SST        0x00FC
#define XLS_LABELSST   0x00FD
#define XLS_NUMBER     0x0203
#define XLS_LABEL      0x0204
#define XLS_BOOLERR    0x0205
#define XLS_STRING     0x0207
#define XLS_RK         0x027E
#define XLS_FORMAT     0x041E
#define XLS_BOF        0x0809
#define XLS_MAX_CELLS  (1u << 22) /* cells of one sheet that are kept */
#define XLS_MAX_XF     65536

#define RUNS_MIN16 4 /* UTF-16 characters in a fallback run */
#define RUNS_MIN8  5 /* bytes in an 8-bit fallback run */

static uint32_t cp1252(unsigned char c)
{
    return charset_cp1252(c);
}

static uint16_t rd16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

/* put_utf8 - one code point; surrogates and out-of-range values become U+FFFD */
static enum sl_status put_utf8(struct buf *b, uint32_t cp)
{
    char u[4];
    return buf_append(b, u, charset_utf8(cp, u));
}

/* put_unit - a UTF-16 code unit; *high holds a pending high surrogate */
static enum sl_status put_unit(struct buf *b, uint32_t *high, uint32_t u)
{
    enum sl_status st = SL_OK;

    if (u >= 0xDC00 && u <= 0xDFFF && *high) {
        uint32_t cp = 0x10000 + ((*high - 0xD800) << 10) + (u - 0xDC00);
        *high = 0;
        return put_utf8(b, cp);
    }
    if (*high) {
        *high = 0;
        st = put_utf8(b, 0xFFFD);
    }
    if (st == SL_OK && u >= 0xD800 && u <= 0xDBFF)
        *high = u;
    else if (st == SL_OK)
        st = put_utf8(b, u);
    return st;
}

static enum sl_status flush_high(struct buf *b, uint32_t *high)
{
    if (*high == 0)
        return SL_OK;
    *high = 0;
    return put_utf8(b, 0xFFFD);
}

/* trim_cell_sep - a row ends: no separator after its last cell */
static void trim_cell_sep(struct buf *b)
{
    if (b->len >= 3 && memcmp(b->data + b->len - 3, " | ", 3) == 0) {
        b->len -= 3;
        b->data[b->len] = '\0';
    }
}

/* ---- output: the sink, the text budget, and what was reported ---- */

struct ole_out {
    struct doc_sink *sink;
    size_t left;       /* text bytes that may still go out */
    bool limit_noted;  /* "unscannable.text-limit" went out */
    bool reported;     /* text or a note went out */
    bool damaged;      /* something did not add up: noted at the end */
    enum sl_status st; /* the first failure of an allocation or the sink */
};

/* ole_note - a note; incomplete: see struct doc_sink */
static void ole_note(struct ole_out *o, const char *rule, const char *where, bool incomplete)
{
    if (o->st != SL_OK)
        return;
    o->st = o->sink->note(o->sink, rule, where, incomplete);
    o->reported = true;
}

/* ole_full - no more text may go out */
static bool ole_full(const struct ole_out *o)
{
    return o->left == 0 || o->st != SL_OK;
}

/* ole_emit - send a segment, cut at the budget (never inside a character);
 * cut: the builder already stopped at the budget */
static void ole_emit(struct ole_out *o, const char *where, const struct buf *text, bool rows,
                     bool cut)
{
    size_t n = text->len;

    if (o->st != SL_OK)
        return;
    if (n > o->left) {
        n = o->left;
        while (n > 0 && ((unsigned char)text->data[n] & 0xC0) == 0x80)
            n--;
        cut = true;
    }
    if (n > 0) {
        o->st = o->sink->text(o->sink, where, text->data, n, rows);
        o->left -= n;
        o->reported = true;
    }
    if (cut && !o->limit_noted) {
        o->limit_noted = true;
        ole_note(o, "unscannable.text-limit", where, true);
    }
}

/* ---- the compound file (MS-CFB) ---- */

struct cfb {
    const unsigned char *data;
    size_t len;
    size_t sector_size;
    uint32_t nsectors; /* sectors in the file, the last one maybe partial */
    uint32_t *fat;     /* nsectors entries */
    uint32_t *minifat;
    uint32_t nminifat; /* entries, at most the mini sectors in the mini stream */
    struct buf dir;
    uint32_t ndir;
    struct buf mini; /* the mini stream */
    bool v3;         /* 512-byte sectors: the high half of a stream size is ignored */
    bool damaged;
    uint64_t budget; /* bytes all chain walks may still copy: linear in the file */
};

static void cfb_free(struct cfb *c)
{
    free(c->fat);
    free(c->minifat);
    buf_free(&c->dir);
    buf_free(&c->mini);
}

/* cfb_chain - append to out (empty) the units of the chain from start, at
 * most want bytes: sectors of the file, or mini sectors of the mini stream.
 * A chain that leaves its table, runs past the data or takes more steps
 * than the table has entries (a loop) ends there and marks the file
 * damaged; so does one shorter than want, if exact (a stream's size). */
static enum sl_status cfb_chain(struct cfb *c, bool mini, uint32_t start, uint64_t want, bool exact,
                                struct buf *out)
{
    const uint32_t *table = mini ? c->minifat : c->fat;
    uint32_t n = mini ? c->nminifat : c->nsectors;
    const unsigned char *base = mini ? (const unsigned char *)c->mini.data : c->data;
    size_t base_len = mini ? c->mini.len : c->len;
    size_t unit = mini ? CFB_MINI_SECTOR : c->sector_size;
    uint64_t first = mini ? 0 : 1; /* the header stands in for sector -1 */
    uint64_t most = (uint64_t)n * unit, got = 0;
    uint32_t s = start;
    enum sl_status st = buf_reserve(out, (size_t)(want < most ? want : most));

    for (uint32_t steps = 0; st == SL_OK && got < want; steps++) {
        if (s == CFB_ENDOFCHAIN) {
            c->damaged |= exact;
            break;
        }
        if (s >= n || steps >= n) {
            c->damaged = true;
            break;
        }
        uint64_t off = ((uint64_t)s + first) * unit;
        if (off >= base_len) {
            c->damaged = true;
            break;
        }
        size_t avail = base_len - (size_t)off < unit ? base_len - (size_t)off : unit;
        size_t k = want - got < avail ? (size_t)(want - got) : avail;
        if (k > c->budget) {
            /* a directory that lists the same sectors again and again */
            c->damaged = true;
            break;
        }
        c->budget -= k;
        st = buf_append(out, base + off, k);
        got += k;
        if (k < unit && got < want) {
            /* the file ends inside this sector */
            if (exact || table[s] != CFB_ENDOFCHAIN)
                c->damaged = true;
            break;
        }
        s = table[s];
    }
    return st;
}

static const unsigned char *cfb_entry(const struct cfb *c, uint32_t id)
{
    return (const unsigned char *)c->dir.data + (size_t)id * CFB_ENTRY_SIZE;
}

static uint64_t cfb_entry_size(const struct cfb *c, const unsigned char *e)
{
    uint64_t size = rd64(e + 0x78);
    /* MS-CFB 2.6.3: old writers left garbage in the high half in version 3 */
    return c->v3 ? size & 0xFFFFFFFFu : size;
}

/* cfb_fat - the FAT, from the FAT sectors the DIFAT lists */
static enum sl_status cfb_fat(struct cfb *c)
{
    const unsigned char *h = c->data;
    size_t per = c->sector_size / 4;
    uint32_t need = (uint32_t)((c->nsectors + per - 1) / per);
    uint32_t nfat = rd32(h + 0x2C) < need ? rd32(h + 0x2C) : need;
    uint32_t *list = malloc(((size_t)nfat + 1) * sizeof *list);
    uint32_t have = 0;

    c->fat = malloc((size_t)c->nsectors * sizeof *c->fat);
    if (list == NULL || c->fat == NULL) {
        free(list);
        return SL_ENOMEM;
    }
    memset(c->fat, 0xFF, (size_t)c->nsectors * sizeof *c->fat); /* CFB_FREESECT */
    for (uint32_t i = 0; i < CFB_HEADER_DIFAT && have < nfat; i++)
        list[have++] = rd32(h + 0x4C + 4 * i);
    uint32_t d = rd32(h + 0x44);
    for (uint32_t steps = 0; have < nfat && d != CFB_ENDOFCHAIN && d != CFB_FREESECT; steps++) {
        uint64_t off = ((uint64_t)d + 1) * c->sector_size;
        if (d >= c->nsectors || steps >= c->nsectors || off + c->sector_size > c->len)
            break;
        for (size_t j = 0; j + 1 < per && have < nfat; j++)
            list[have++] = rd32(c->data + off + 4 * j);
        d = rd32(c->data + off + 4 * (per - 1));
    }
    if (have < nfat)
        c->damaged = true;
    for (uint32_t k = 0; k < have; k++) {
        uint64_t off = ((uint64_t)list[k] + 1) * c->sector_size;
        if (list[k] >= c->nsectors) {
            c->damaged = true;
            continue;
        }
        for (size_t j = 0; j < per; j++) {
            uint64_t idx = (uint64_t)k * per + j;
            if (idx >= c->nsectors)
                break;
            if (off + 4 * j + 4 > c->len) {
                c->damaged = true;
                break;
            }
            c->fat[idx] = rd32(c->data + off + 4 * j);
        }
    }
    free(list);
    return SL_OK;
}

/* cfb_open - check the header and load the FAT, directory, mini FAT and
 * mini stream. SL_EPARSE: not a compound file, or no directory. */
static enum sl_status cfb_open(struct cfb *c, const unsigned char *data, size_t len)
{
    static const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    enum sl_status st;

    memset(c, 0, sizeof *c);
    c->data = data;
    c->len = len;
    /* a sound file is read about twice: its streams and the mini stream's */
    c->budget = 4 * (uint64_t)len + 65536;
    if (len < CFB_HEADER_SIZE || memcmp(data, magic, sizeof magic) != 0)
        return SL_EPARSE;
    uint16_t shift = rd16(data + 0x1E);
    if ((shift != 9 && shift != 12) || rd16(data + 0x20) != 6)
        return SL_EPARSE;
    c->sector_size = (size_t)1 << shift;
    c->v3 = shift == 9;
    if (len <= c->sector_size)
        return SL_EPARSE;
    uint64_t ns = (len - c->sector_size + c->sector_size - 1) / c->sector_size;
    c->nsectors = ns > CFB_MAXREGSECT ? CFB_MAXREGSECT : (uint32_t)ns;

    if ((st = cfb_fat(c)) != SL_OK)
        return st;
    if ((st = cfb_chain(c, false, rd32(data + 0x30), UINT64_MAX, false, &c->dir)) != SL_OK)
        return st;
    size_t ndir = c->dir.len / CFB_ENTRY_SIZE;
    c->ndir = ndir > CFB_MAXREGSECT ? CFB_MAXREGSECT : (uint32_t)ndir;
    if (c->ndir == 0 || cfb_entry(c, 0)[0x42] != CFB_TYPE_ROOT)
        return SL_EPARSE;

    /* the mini stream is the root entry's stream; the mini FAT has its own chain */
    const unsigned char *root = cfb_entry(c, 0);
    uint64_t mini_size = cfb_entry_size(c, root);
    if (mini_size > 0 &&
        (st = cfb_chain(c, false, rd32(root + 0x74), mini_size, true, &c->mini)) != SL_OK)
        return st;
    uint32_t mf_start = rd32(data + 0x3C), mf_count = rd32(data + 0x40);
    if (mf_count > 0 && mf_start != CFB_ENDOFCHAIN && c->mini.len > 0) {
        struct buf mf = BUF_INIT;
        st = cfb_chain(c, false, mf_start, (uint64_t)mf_count * c->sector_size, true, &mf);
        size_t n = mf.len / 4, cap = (c->mini.len + CFB_MINI_SECTOR - 1) / CFB_MINI_SECTOR;
        if (n > cap)
            n = cap;
        if (st == SL_OK && n > 0 && (c->minifat = malloc(n * sizeof *c->minifat)) == NULL)
            st = SL_ENOMEM;
        for (size_t i = 0; st == SL_OK && i < n; i++)
            c->minifat[i] = rd32((const unsigned char *)mf.data + 4 * i);
        if (st == SL_OK)
            c->nminifat = (uint32_t)n;
        buf_free(&mf);
    }
    return st;
}

/* cfb_read - the bytes of stream entry id, never more than the chain holds */
static enum sl_status cfb_read(struct cfb *c, uint32_t id, struct buf *out)
{
    const unsigned char *e = cfb_entry(c, id);
    uint64_t size = cfb_entry_size(c, e);

    if (size == 0)
        return SL_OK;
    return cfb_chain(c, size < CFB_MINI_CUTOFF, rd32(e + 0x74), size, true, out);
}

/* cfb_name_is - the entry's name is the ASCII name, compared without case
 * (MS-CFB 2.6.4 compares names upper-cased) */
static bool cfb_name_is(const unsigned char *e, const char *name)
{
    size_t n = strlen(name);
    if (n > CFB_MAX_NAME)
        return false;
    for (size_t i = 0; i < n; i++) {
        uint32_t u = rd16(e + 2 * i), a = (unsigned char)name[i];
        if (u >= 'a' && u <= 'z')
            u -= 'a' - 'A';
        if (a >= 'a' && a <= 'z')
            a -= 'a' - 'A';
        if (u != a)
            return false;
    }
    return n == CFB_MAX_NAME || rd16(e + 2 * n) == 0;
}

/* cfb_find - the stream called name among the children of storage entry
 * parent: a walk of its red-black tree that visits each entry once */
static enum sl_status cfb_find(const struct cfb *c, uint32_t parent, const char *name,
                               uint32_t *found)
{
    uint32_t *stack = malloc(((size_t)c->ndir * 2 + 1) * sizeof *stack);
    unsigned char *seen = calloc(c->ndir, 1);
    size_t sp = 0;

    *found = CFB_NOSTREAM;
    if (stack == NULL || seen == NULL) {
        free(stack);
        free(seen);
        return SL_ENOMEM;
    }
    stack[sp++] = rd32(cfb_entry(c, parent) + 0x4C);
    while (sp > 0) {
        uint32_t id = stack[--sp];
        if (id >= c->ndir || seen[id])
            continue;
        seen[id] = 1;
        const unsigned char *e = cfb_entry(c, id);
        if (e[0x42] == CFB_TYPE_STREAM && cfb_name_is(e, name)) {
            *found = id;
            break;
        }
        stack[sp++] = rd32(e + 0x44);
        stack[sp++] = rd32(e + 0x48);
    }
    free(stack);
    free(seen);
    return SL_OK;
}

/* ---- Word 97-2003 (MS-DOC) ---- */

#define WORD_IDENT          0xA5EC
#define WORD_NFIB_97        0x00C1
#define WORD_F_ENCRYPTED    0x0100
#define WORD_F_WHICH_TBL    0x0200
#define WORD_LW_CCP_TEXT    3      /* FibRgLw97: ccpText; the other stories follow */
#define WORD_LW_CCP_LAST    10     /* ccpHdrTxbx */
#define WORD_FCLCB_BTE_PAPX 13     /* FibRgFcLcb97: fcPlcfBtePapx */
#define WORD_FCLCB_CLX      33     /* FibRgFcLcb97: fcClx */
#define WORD_SPRM_TTP       0x2417 /* sprmPFTtp: the paragraph ends a table row */
#define WORD_SPRM_INNER_TTP 0x244C /* sprmPFInnerTtp */
#define WORD_SPRM_TDEFTABLE 0xD608
#define WORD_SPRM_CHGTABS   0xC615
#define WORD_SPRM_HUGEPAPX  0x6646
#define WORD_FKP_SIZE       512
#define WORD_MAX_FIELDS     64 /* nested fields tracked; deeper ones are hidden */

enum word_result {
    WORD_DONE,
    WORD_FALLBACK, /* not a Word 97-2003 FIB, or a broken one: the fallback reads it */
};

struct word {
    struct ole_out *o;
    const unsigned char *wd; /* the WordDocument stream */
    size_t wd_len;
    const unsigned char *tbl; /* the 0Table or 1Table stream */
    size_t tbl_len;
    size_t bte;            /* PlcBtePapx in the table stream */
    uint32_t nbte;         /* its entries; 0 when it cannot be read */
    struct buf text;       /* the segment */
    uint64_t field_result; /* bit i: field level i is past its separator */
    uint32_t field_depth;
    uint32_t high;     /* pending high surrogate */
    uint32_t prev;     /* previous character */
    bool cut;          /* the text reached the budget */
    uint64_t body_cps; /* ccpText: the main story's characters */
    size_t body_len;   /* text bytes of the main story; SIZE_MAX until read */
    enum sl_status st;
};

static void word_put(struct word *w, const char *s, size_t n)
{
    if (w->st != SL_OK || w->cut)
        return;
    if (w->text.len > w->o->left) {
        w->cut = true;
        return;
    }
    if ((w->st = flush_high(&w->text, &w->high)) == SL_OK)
        w->st = buf_append(&w->text, s, n);
}

/* word_sprms_ttp - 1 if the grpprl sets sprmPFTtp or sprmPFInnerTtp, 0 if
 * not, -1 if it cannot tell (MS-DOC 2.2.5.1: the operand size is in spra) */
static int word_sprms_ttp(const unsigned char *g, size_t len)
{
    size_t p = 0;
    while (p + 2 <= len) {
        uint16_t sprm = rd16(g + p);
        size_t size;
        p += 2;
        switch (sprm >> 13) {
        case 0:
        case 1:
            size = 1;
            break;
        case 2:
        case 4:
        case 5:
            size = 2;
            break;
        case 3:
            size = 4;
            break;
        case 7:
            size = 3;
            break;
        default: /* 6: variable */
            if (sprm == WORD_SPRM_TDEFTABLE) {
                /* a 2-byte count of the bytes after it, plus one */
                if (p + 2 > len)
                    return -1;
                size = rd16(g + p) + (size_t)1;
            } else {
                if (p >= len || (sprm == WORD_SPRM_CHGTABS && g[p] == 255))
                    return -1;
                size = 1 + (size_t)g[p];
            }
            break;
        }
        if (sprm == WORD_SPRM_HUGEPAPX)
            return -1;
        if ((sprm == WORD_SPRM_TTP || sprm == WORD_SPRM_INNER_TTP) && p < len)
            return g[p] != 0;
        p += size;
    }
    return 0;
}

/* word_ttp - whether the character at stream offset fc ends a table row:
 * its paragraph's PAPX, found through PlcBtePapx and the FKP page (MS-DOC
 * 2.4.2 "Determining Paragraph Boundaries"); -1 when it cannot be read */
static int word_ttp(const struct word *w, uint32_t fc)
{
    const unsigned char *afc = w->tbl + w->bte;
    uint32_t lo = 0, hi = w->nbte;

    if (w->nbte == 0 || fc < rd32(afc) || fc >= rd32(afc + 4 * (size_t)w->nbte))
        return -1;
    while (hi - lo > 1) { /* the last entry with aFC[i] <= fc */
        uint32_t mid = lo + (hi - lo) / 2;
        if (rd32(afc + 4 * (size_t)mid) <= fc)
            lo = mid;
        else
            hi = mid;
    }
    uint32_t pn = rd32(afc + 4 * ((size_t)w->nbte + 1) + 4 * (size_t)lo) & 0x3FFFFF;
    uint64_t off = (uint64_t)pn * WORD_FKP_SIZE;
    if (off + WORD_FKP_SIZE > w->wd_len)
        return -1;
    const unsigned char *page = w->wd + off;
    size_t cpara = page[WORD_FKP_SIZE - 1];
    if (cpara == 0 || 4 * (cpara + 1) + 13 * cpara > WORD_FKP_SIZE - 1)
        return -1;
    size_t j = cpara;
    for (size_t i = 0; i < cpara; i++)
        if (rd32(page + 4 * i) <= fc && fc < rd32(page + 4 * (i + 1)))
            j = i;
    if (j == cpara)
        return -1;
    size_t bx = page[4 * (cpara + 1) + 13 * j];
    if (bx == 0)
        return 0; /* default paragraph properties */
    size_t at = 2 * bx, start, glen;
    if (at + 1 >= WORD_FKP_SIZE - 1)
        return -1;
    if (page[at] != 0) {
        glen = 2 * (size_t)page[at] - 1;
        start = at + 1;
    } else {
        glen = 2 * (size_t)page[at + 1];
        start = at + 2;
    }
    if (start + glen > WORD_FKP_SIZE - 1 || glen < 2)
        return glen < 2 ? 0 : -1;
    return word_sprms_ttp(page + start + 2, glen - 2); /* after the istd */
}

static bool word_visible(const struct word *w)
{
    if (w->field_depth == 0)
        return true;
    if (w->field_depth > WORD_MAX_FIELDS)
        return false;
    uint64_t mask = w->field_depth == 64 ? UINT64_MAX : ((uint64_t)1 << w->field_depth) - 1;
    return (w->field_result & mask) == mask;
}

/* word_char - one character of the text at stream offset fc (MS-DOC 2.8.25
 * and 2.4.3: the special characters) */
static void word_char(struct word *w, uint32_t ch, uint32_t fc)
{
    uint32_t prev = w->prev;

    w->prev = ch;
    switch (ch) {
    case 0x13: /* field begin: the code follows */
        if (w->field_depth < WORD_MAX_FIELDS)
            w->field_result &= ~((uint64_t)1 << w->field_depth);
        if (w->field_depth < UINT32_MAX)
            w->field_depth++;
        return;
    case 0x14: /* field separator: the result follows */
        if (w->field_depth > 0 && w->field_depth <= WORD_MAX_FIELDS)
            w->field_result |= (uint64_t)1 << (w->field_depth - 1);
        return;
    case 0x15: /* field end */
        if (w->field_depth > 0)
            w->field_depth--;
        return;
    }
    if (!word_visible(w))
        return;
    switch (ch) {
    case 0x0D: /* paragraph */
    case 0x0B: /* line break */
    case 0x0C: /* page or section break */
    case 0x0E: /* column break */
        /* empty paragraphs (and empty header stories) make one blank line */
        if (w->text.len < 2 || memcmp(w->text.data + w->text.len - 2, "\n\n", 2) != 0)
            word_put(w, "\n", 1);
        return;
    case 0x07: { /* cell mark, or the row's end mark */
        int ttp = word_ttp(w, fc);
        if (ttp < 0)
            ttp = prev == 0x07;
        if (ttp) {
            if (w->st == SL_OK && !w->cut)
                trim_cell_sep(&w->text);
            word_put(w, "\n", 1);
        } else {
            word_put(w, " | ", 3);
        }
        return;
    }
    case 0x09:
        word_put(w, "\t", 1);
        return;
    case 0x1E: /* non-breaking hyphen */
        word_put(w, "-", 1);
        return;
    case 0xA0:
        word_put(w, " ", 1);
        return;
    }
    if (ch < 0x20 || ch == 0x7F || (ch >= 0x80 && ch < 0xA0))
        return; /* pictures, note references, optional hyphens, ... */
    if (w->st != SL_OK || w->cut)
        return;
    if (w->text.len > w->o->left) {
        w->cut = true;
        return;
    }
    w->st = put_unit(&w->text, &w->high, ch);
}

/* word_pieces - the characters of CPs [0, total) through the piece table
 * PlcPcd at plc in the table stream (MS-DOC 2.9.177, 2.4.1) */
static void word_pieces(struct word *w, size_t plc, uint32_t npcd, uint64_t total)
{
    const unsigned char *t = w->tbl + plc;
    uint64_t budget = (uint64_t)w->wd_len + 16; /* each character takes a stream byte */
    uint64_t done = 0;                          /* CPs before this are read */

    for (uint32_t i = 0; i < npcd && w->st == SL_OK && !w->cut; i++) {
        uint64_t cp0 = rd32(t + 4 * (size_t)i), cp1 = rd32(t + 4 * ((size_t)i + 1));
        if (cp1 < cp0 || cp0 < done) {
            w->o->damaged = true;
            continue;
        }
        done = cp1;
        uint64_t end = cp1 < total ? cp1 : total;
        const unsigned char *pcd = t + 4 * ((size_t)npcd + 1) + 8 * (size_t)i;
        uint32_t fcv = rd32(pcd + 2);
        bool compressed = (fcv & 0x40000000u) != 0;
        uint64_t off = compressed ? (fcv & 0x3FFFFFFFu) / 2 : (fcv & 0x3FFFFFFFu);
        uint64_t width = compressed ? 1 : 2;
        for (uint64_t cp = cp0; cp < end; cp++) {
            uint64_t pos = off + (cp - cp0) * width;
            if (cp == w->body_cps && w->body_len == SIZE_MAX)
                w->body_len = w->text.len; /* headers, notes, comments follow */
            if (budget-- == 0 || pos + width > w->wd_len) {
                w->o->damaged = true;
                break;
            }
            uint32_t ch = compressed ? cp1252(w->wd[pos]) : rd16(w->wd + pos);
            word_char(w, ch, (uint32_t)pos);
            if (w->st != SL_OK || w->cut)
                return;
        }
    }
}

/* word_extract - the text of the WordDocument stream entry wd_id */
static enum sl_status word_extract(struct ole_out *o, struct cfb *c, uint32_t wd_id,
                                   enum word_result *res)
{
    struct buf wd = BUF_INIT, tbl = BUF_INIT;
    struct word w;
    enum sl_status st;
    uint32_t tbl_id;

    memset(&w, 0, sizeof w);
    w.o = o;
    *res = WORD_DONE;
    if ((st = cfb_read(c, wd_id, &wd)) != SL_OK)
        goto out;
    const unsigned char *f = (const unsigned char *)wd.data;
    if (wd.len < 34 || rd16(f) != WORD_IDENT) {
        *res = WORD_FALLBACK;
        goto out;
    }
    uint16_t flags = rd16(f + 0x0A);
    if (flags & WORD_F_ENCRYPTED) { /* RC4 or XOR obfuscation: nothing to read */
        ole_note(o, "unscannable.encrypted", "", false);
        goto out;
    }
    if (rd16(f + 2) < WORD_NFIB_97) {
        *res = WORD_FALLBACK;
        goto out;
    }
    /* FIB: FibBase, csw + FibRgW97, cslw + FibRgLw97, cbRgFcLcb + FibRgFcLcb */
    size_t lw = 34 + 2 * (size_t)rd16(f + 32) + 2;
    if (lw > wd.len || (size_t)rd16(f + lw - 2) <= WORD_LW_CCP_LAST)
        goto malformed;
    size_t fclcb = lw + 4 * (size_t)rd16(f + lw - 2) + 2;
    if (fclcb > wd.len || (size_t)rd16(f + fclcb - 2) <= WORD_FCLCB_CLX ||
        fclcb + 8 * ((size_t)WORD_FCLCB_CLX + 1) > wd.len)
        goto malformed;
    uint64_t total = 0;
    w.body_cps = rd32(f + lw + 4 * WORD_LW_CCP_TEXT);
    w.body_len = SIZE_MAX;
    for (size_t i = WORD_LW_CCP_TEXT; i <= WORD_LW_CCP_LAST; i++) {
        uint32_t ccp = rd32(f + lw + 4 * i);
        if (ccp < 0x80000000u)
            total += ccp;
    }

    if ((st = cfb_find(c, 0, (flags & WORD_F_WHICH_TBL) ? "1Table" : "0Table", &tbl_id)) != SL_OK)
        goto out;
    if (tbl_id == CFB_NOSTREAM)
        goto malformed;
    if ((st = cfb_read(c, tbl_id, &tbl)) != SL_OK)
        goto out;
    w.wd = (const unsigned char *)wd.data;
    w.wd_len = wd.len;
    w.tbl = (const unsigned char *)tbl.data;
    w.tbl_len = tbl.len;

    /* CLX: Prc records (skipped), then the Pcdt with the piece table */
    uint32_t fc_clx = rd32(f + fclcb + 8 * WORD_FCLCB_CLX);
    uint32_t lcb_clx = rd32(f + fclcb + 8 * WORD_FCLCB_CLX + 4);
    if (fc_clx > tbl.len || lcb_clx > tbl.len - fc_clx)
        goto malformed;
    size_t p = fc_clx, end = (size_t)fc_clx + lcb_clx, plc = 0, lcb_pcd = 0;
    while (p < end) {
        if (w.tbl[p] == 1 && p + 3 <= end) {
            int16_t cb = (int16_t)rd16(w.tbl + p + 1);
            if (cb < 0)
                goto malformed;
            p += 3 + (size_t)cb;
        } else if (w.tbl[p] == 2 && p + 5 <= end) {
            lcb_pcd = rd32(w.tbl + p + 1);
            plc = p + 5;
            if (lcb_pcd > end - plc)
                goto malformed;
            break;
        } else {
            goto malformed;
        }
    }
    if (plc == 0 || lcb_pcd < 16)
        goto malformed;

    /* PlcBtePapx, for the row ends; the text is read without it if need be */
    uint32_t fc_bte = rd32(f + fclcb + 8 * WORD_FCLCB_BTE_PAPX);
    uint32_t lcb_bte = rd32(f + fclcb + 8 * WORD_FCLCB_BTE_PAPX + 4);
    if (fc_bte <= tbl.len && lcb_bte <= tbl.len - fc_bte && lcb_bte >= 12) {
        w.bte = fc_bte;
        w.nbte = (lcb_bte - 4) / 8;
    }

    word_pieces(&w, plc, (uint32_t)((lcb_pcd - 4) / 12), total);
    if (w.st == SL_OK && !w.cut)
        w.st = flush_high(&w.text, &w.high);
    if ((st = w.st) == SL_OK && w.body_len < w.text.len) {
        /* the main story, then the others as the document's "header": a
         * page header names the client of a letter as often as its body */
        struct buf body = {w.text.data, w.body_len, w.body_len};
        struct buf rest = {w.text.data + w.body_len, w.text.len - w.body_len,
                           w.text.len - w.body_len};
        ole_emit(o, "", &body, false, false);
        ole_emit(o, "header", &rest, false, w.cut);
    } else if (st == SL_OK) {
        ole_emit(o, "", &w.text, false, w.cut);
    }
    goto out;
malformed:
    o->damaged = true;
    *res = WORD_FALLBACK;
out:
    buf_free(&w.text);
    buf_free(&wd);
    buf_free(&tbl);
    return st;
}

/* ---- Excel 97-2003 and 5.0/95 (MS-XLS, BIFF8 and BIFF5) ---- */

/* xls_rec - the data of a record and of the CONTINUE records after it,
 * read as one sequence of bytes */
struct xls_rec {
    const unsigned char *s;
    size_t len;  /* of the stream */
    size_t pos;  /* the next byte */
    size_t end;  /* the end of the current record's data */
    size_t next; /* the record header after it */
    bool bad;    /* read past the last CONTINUE */
};

static void xls_rec_init(struct xls_rec *r, const unsigned char *s, size_t len, size_t pos,
                         size_t end)
{
    r->s = s;
    r->len = len;
    r->pos = pos;
    r->end = end;
    r->next = end;
    r->bad = false;
}

/* xls_rec_continue - step into the CONTINUE record that follows, if any */
static bool xls_rec_continue(struct xls_rec *r)
{
    if (r->next + 4 > r->len || rd16(r->s + r->next) != XLS_CONTINUE)
        return false;
    size_t n = rd16(r->s + r->next + 2);
    if (n > r->len - r->next - 4)
        return false;
    r->pos = r->next + 4;
    r->end = r->pos + n;
    r->next = r->end;
    return true;
}

static bool xls_rec_byte(struct xls_rec *r, unsigned char *b)
{
    while (r->pos == r->end) {
        if (!xls_rec_continue(r)) {
            r->bad = true;
            return false;
        }
    }
    *b = r->s[r->pos++];
    return true;
}

static uint32_t xls_rec_uint(struct xls_rec *r, unsigned nbytes)
{
    uint32_t v = 0;
    unsigned char b = 0;
    for (unsigned i = 0; i < nbytes && xls_rec_byte(r, &b); i++)
        v |= (uint32_t)b << (8 * i);
    return v;
}

static void xls_rec_skip(struct xls_rec *r, uint64_t n)
{
    while (n > 0 && !r->bad) {
        if (r->pos == r->end && !xls_rec_continue(r)) {
            r->bad = true;
            return;
        }
        size_t k = r->end - r->pos < n ? r->end - r->pos : (size_t)n;
        r->pos += k;
        n -= k;
    }
}

/* xls_rec_chars - cch characters, 8-bit or UTF-16LE; in BIFF8, a string
 * that goes on in a CONTINUE record starts there with a new option byte
 * (MS-XLS 2.5.294 XLUnicodeRichExtendedString). 8-bit characters are
 * Latin-1 in BIFF8 (the high byte left out), cp1252 in BIFF5. Control
 * characters become spaces: a cell stays on its row's line. */
static enum sl_status xls_rec_chars(struct xls_rec *r, uint32_t cch, bool high, bool biff8,
                                    struct buf *out)
{
    enum sl_status st = SL_OK;
    uint32_t pending = 0;

    while (cch > 0 && st == SL_OK) {
        if (r->pos == r->end) {
            if (!xls_rec_continue(r)) {
                r->bad = true;
                break;
            }
            if (biff8 && r->pos < r->end)
                high = r->s[r->pos++] & 1;
            continue;
        }
        size_t unit = high ? 2 : 1;
        if (r->end - r->pos < unit) { /* half a character before the seam */
            r->pos = r->end;
            continue;
        }
        uint32_t ch = high ? rd16(r->s + r->pos) : biff8 ? r->s[r->pos] : cp1252(r->s[r->pos]);
        r->pos += unit;
        cch--;
        if (ch < 0x20 || ch == 0x7F)
            ch = ' ';
        st = put_unit(out, &pending, ch);
    }
    if (st == SL_OK)
        st = flush_high(out, &pending);
    return st;
}

struct xls_cell {
    uint32_t row, col;
    uint32_t seq; /* order of arrival, for a stable sort */
    size_t off, len;
};

struct xls_sheet {
    uint32_t pos; /* stream offset of its BOF */
    size_t off, len;
};

struct xls_str {
    size_t off, len;
};

struct xls {
    struct ole_out *o;
    const unsigned char *s;
    size_t len;
    bool biff8;
    bool date1904;
    /* workbook globals */
    struct buf sst_text;
    struct xls_str *sst;
    size_t nsst, cap_sst;
    struct buf names;
    struct xls_sheet *sheets;
    size_t nsheets, cap_sheets;
    uint16_t *xf_fmt; /* number format of each XF */
    size_t nxf;
    unsigned char fmt_custom[65536 / 8]; /* a FORMAT record defines it */
    unsigned char fmt_date[65536 / 8];   /* ... as a date */
    /* the sheet being read */
    bool in_sheet;
    size_t sheets_started;
    char where[96];
    struct buf cell_text;
    struct xls_cell *cells;
    size_t ncells, cap_cells;
    bool cut;
    bool formula_pending; /* a FORMULA's string result comes in STRING */
    uint32_t formula_row, formula_col;
};

static enum sl_status xls_grow(void **arr, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return SL_OK;
    size_t ncap = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, ncap * size);
    if (p == NULL)
        return SL_ENOMEM;
    *arr = p;
    *cap = ncap;
    return SL_OK;
}

/* xls_add_cell - a cell's text (UTF-8, no line ends), while the budget lasts */
static enum sl_status xls_add_cell(struct xls *x, uint32_t row, uint32_t col, const char *s,
                                   size_t n)
{
    enum sl_status st;

    if (n == 0 || x->cut)
        return SL_OK;
    if (x->cell_text.len > x->o->left || x->ncells >= XLS_MAX_CELLS) {
        x->cut = true;
        return SL_OK;
    }
    if ((st = xls_grow((void **)&x->cells, &x->cap_cells, x->ncells, sizeof *x->cells)) != SL_OK)
        return st;
    struct xls_cell *c = &x->cells[x->ncells];
    c->row = row;
    c->col = col;
    c->seq = (uint32_t)x->ncells;
    c->off = x->cell_text.len;
    c->len = n;
    x->ncells++;
    return buf_append(&x->cell_text, s, n);
}

static bool bit_get(const unsigned char *bits, uint32_t i)
{
    return (bits[i >> 3] >> (i & 7)) & 1;
}

static void bit_set(unsigned char *bits, uint32_t i, bool v)
{
    if (v)
        bits[i >> 3] |= (unsigned char)(1u << (i & 7));
    else
        bits[i >> 3] &= (unsigned char)~(1u << (i & 7));
}

/* xls_is_date - whether the cell's XF formats numbers as dates: the
 * workbook's own FORMAT, or a built-in date format (MS-XLS 2.4.126) */
static bool xls_is_date(const struct xls *x, uint16_t xf)
{
    if (xf >= x->nxf)
        return false;
    uint16_t fmt = x->xf_fmt[xf];
    if (bit_get(x->fmt_custom, fmt))
        return bit_get(x->fmt_date, fmt);
    return (fmt >= 14 && fmt <= 17) || fmt == 22 || (fmt >= 27 && fmt <= 36) ||
           (fmt >= 50 && fmt <= 58);
}

/* xls_format_is_date - a number format code with a day or year in it,
 * outside quoted text, escapes and [...] sections */
static bool xls_format_is_date(const char *code, size_t n)
{
    static const char *const plain[] = {"general", "standard"};
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        size_t k = 0;
        while (k < n && plain[i][k] && (code[k] | 0x20) == plain[i][k])
            k++;
        if (k == n && plain[i][k] == '\0')
            return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = code[i];
        if (c == '"') {
            while (i + 1 < n && code[i + 1] != '"')
                i++;
            i++;
        } else if (c == '[') {
            while (i + 1 < n && code[i + 1] != ']')
                i++;
            i++;
        } else if (c == '\\' || c == '_' || c == '*') {
            i++;
        } else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y') {
            return true;
        }
    }
    return false;
}

/* xls_date - an Excel date serial as dd-mm-yyyy (MS-XLS 2.2.4: the 1900
 * system counts the non-existent 29-02-1900 as day 60) */
static void xls_date(char *out, size_t cap, double v, bool date1904)
{
    long long serial = (long long)v, days; /* days since 01-01-1970 */

    if (!date1904 && serial == 60) {
        snprintf(out, cap, "29-02-1900");
        return;
    }
    if (date1904)
        days = serial - 24107;
    else
        days = serial < 60 ? serial - 25568 : serial - 25569;
    /* count from 01-01-1600, the start of a 400-year cycle of 146097 days */
    long long d = days + 135140;
    int year = 1600 + (int)(d / 146097) * 400;
    d %= 146097;
    for (;;) {
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        int ylen = leap ? 366 : 365;
        if (d < ylen)
            break;
        d -= ylen;
        year++;
    }
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int month = 0;
    while (month < 11 && d >= mdays[month] + (month == 1 && leap)) {
        d -= mdays[month] + (month == 1 && leap);
        month++;
    }
    snprintf(out, cap, "%02d-%02d-%04d", (int)d + 1, month + 1, year);
}

/* xls_number_text - a number as Excel's General format shows it: integers
 * without a fraction (a BSN stored as a number reads as its digits) */
static size_t xls_number_text(const struct xls *x, char *out, size_t cap, double v, uint16_t xf)
{
    if (v >= 1 && v < 2958466 && xls_is_date(x, xf)) /* up to 31-12-9999 */
        xls_date(out, cap, v, x->date1904);
    else if (v > -1e15 && v < 1e15 && v == (double)(long long)v)
        snprintf(out, cap, "%lld", (long long)v);
    else if (v != v)
        snprintf(out, cap, "NaN");
    else
        snprintf(out, cap, "%.15g", v);
    return strlen(out);
}

static enum sl_status xls_add_number(struct xls *x, uint32_t row, uint32_t col, uint16_t xf,
                                     double v)
{
    char text[64];
    size_t n = xls_number_text(x, text, sizeof text, v, xf);
    return xls_add_cell(x, row, col, text, n);
}

/* xls_rk - an RK number (MS-XLS 2.5.217): a 30-bit integer or the high 30
 * bits of a double, either one optionally divided by 100 */
static double xls_rk(uint32_t rk)
{
    double v;
    if (rk & 2) {
        int64_t i = (int64_t)(rk >> 2);
        if (rk & 0x80000000u)
            i -= (int64_t)1 << 30;
        v = (double)i;
    } else {
        uint64_t bits = (uint64_t)(rk & 0xFFFFFFFCu) << 32;
        memcpy(&v, &bits, sizeof v);
    }
    return (rk & 1) ? v / 100 : v;
}

static double xls_double(const unsigned char *p)
{
    uint64_t bits = rd64(p);
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

/* xls_string - an XLUnicodeString (BIFF8: cch, option byte, characters) or
 * a BIFF5 string (cch, 8-bit characters), cch of cch_bytes bytes */
static enum sl_status xls_string(struct xls *x, struct xls_rec *r, unsigned cch_bytes,
                                 struct buf *out)
{
    uint32_t cch = xls_rec_uint(r, cch_bytes);
    unsigned char flags = 0;
    if (x->biff8 && !xls_rec_byte(r, &flags))
        return SL_OK;
    if (r->bad)
        return SL_OK;
    return xls_rec_chars(r, cch, flags & 1, x->biff8, out);
}

/* xls_sst - the shared strings: SST and its CONTINUE records */
static enum sl_status xls_sst(struct xls *x, size_t data, size_t rlen)
{
    struct xls_rec r;
    enum sl_status st = SL_OK;

    xls_rec_init(&r, x->s, x->len, data, data + rlen);
    xls_rec_skip(&r, 8); /* cstTotal, cstUnique: the data says how many */
    while (st == SL_OK && !r.bad) {
        if (r.pos == r.end && !xls_rec_continue(&r))
            break;
        if (r.pos == r.end)
            continue;
        uint32_t cch = xls_rec_uint(&r, 2);
        unsigned char flags = 0;
        uint32_t runs = 0, ext = 0;
        xls_rec_byte(&r, &flags);
        if (flags & 0x08)
            runs = xls_rec_uint(&r, 2);
        if (flags & 0x04)
            ext = xls_rec_uint(&r, 4);
        if (r.bad)
            break;
        size_t start = x->sst_text.len;
        st = xls_rec_chars(&r, cch, flags & 1, true, &x->sst_text);
        xls_rec_skip(&r, 4 * (uint64_t)runs); /* formatting runs */
        xls_rec_skip(&r, ext);                /* phonetic data */
        if (st == SL_OK)
            st = xls_grow((void **)&x->sst, &x->cap_sst, x->nsst, sizeof *x->sst);
        if (st == SL_OK) {
            x->sst[x->nsst].off = start;
            x->sst[x->nsst].len = x->sst_text.len - start;
            x->nsst++;
        }
    }
    if (r.bad)
        x->o->damaged = true;
    return st;
}

static enum sl_status xls_boundsheet(struct xls *x, size_t data, size_t rlen)
{
    struct xls_rec r;
    enum sl_status st;

    if (rlen < 7)
        return SL_OK;
    if ((st = xls_grow((void **)&x->sheets, &x->cap_sheets, x->nsheets, sizeof *x->sheets)) !=
        SL_OK)
        return st;
    struct xls_sheet *sh = &x->sheets[x->nsheets];
    sh->pos = rd32(x->s + data);
    sh->off = x->names.len;
    xls_rec_init(&r, x->s, x->len, data + 6, data + rlen);
    st = xls_string(x, &r, 1, &x->names);
    sh->len = x->names.len - sh->off;
    x->nsheets++;
    return st;
}

static enum sl_status xls_format(struct xls *x, size_t data, size_t rlen)
{
    struct xls_rec r;
    struct buf code = BUF_INIT;
    enum sl_status st;

    if (rlen < 3)
        return SL_OK;
    uint16_t ifmt = rd16(x->s + data);
    xls_rec_init(&r, x->s, x->len, data + 2, data + rlen);
    st = xls_string(x, &r, x->biff8 ? 2 : 1, &code);
    if (st == SL_OK) {
        bit_set(x->fmt_custom, ifmt, true);
        bit_set(x->fmt_date, ifmt, xls_format_is_date(code.data ? code.data : "", code.len));
    }
    buf_free(&code);
    return st;
}

static int xls_cell_cmp(const void *a, const void *b)
{
    const struct xls_cell *p = a, *q = b;
    if (p->row != q->row)
        return p->row < q->row ? -1 : 1;
    if (p->col != q->col)
        return p->col < q->col ? -1 : 1;
    return p->seq < q->seq ? -1 : p->seq > q->seq;
}

/* xls_sheet_start - a worksheet's BOF at stream offset pos: its name from
 * the BOUNDSHEET that points there, else the next one in order */
static void xls_sheet_start(struct xls *x, size_t pos)
{
    const struct xls_sheet *sh = NULL;
    for (size_t i = 0; i < x->nsheets && sh == NULL; i++)
        if (x->sheets[i].pos == pos)
            sh = &x->sheets[i];
    if (sh == NULL && x->sheets_started < x->nsheets)
        sh = &x->sheets[x->sheets_started];
    x->sheets_started++;
    x->in_sheet = true;
    x->formula_pending = false;
    if (sh == NULL || sh->len == 0) {
        snprintf(x->where, sizeof x->where, "sheet %zu", x->sheets_started);
        return;
    }
    size_t n = sh->len, room = sizeof x->where - sizeof "sheet ";
    if (n > room) { /* cut the name, not a character */
        n = room;
        while (n > 0 && ((unsigned char)x->names.data[sh->off + n] & 0xC0) == 0x80)
            n--;
    }
    snprintf(x->where, sizeof x->where, "sheet %.*s", (int)n, x->names.data + sh->off);
}

/* xls_sheet_end - the sheet's cells in row and column order, a line a row */
static enum sl_status xls_sheet_end(struct xls *x)
{
    struct buf text = BUF_INIT;
    enum sl_status st = SL_OK;

    if (!x->in_sheet)
        return SL_OK;
    x->in_sheet = false;
    x->formula_pending = false;
    if (x->ncells > 1)
        qsort(x->cells, x->ncells, sizeof *x->cells, xls_cell_cmp);
    for (size_t i = 0; i < x->ncells && st == SL_OK; i++) {
        const struct xls_cell *c = &x->cells[i];
        if (i > 0)
            st = buf_append(&text, c->row == x->cells[i - 1].row ? " | " : "\n",
                            c->row == x->cells[i - 1].row ? 3 : 1);
        if (st == SL_OK)
            st = buf_append(&text, x->cell_text.data + c->off, c->len);
    }
    if (st == SL_OK && text.len > 0)
        st = buf_append(&text, "\n", 1);
    if (st == SL_OK)
        ole_emit(x->o, x->where, &text, true, x->cut);
    buf_free(&text);
    buf_reset(&x->cell_text);
    x->ncells = 0;
    x->cut = false;
    return st;
}

/* xls_cell_record - a cell record of the current sheet */
static enum sl_status xls_cell_record(struct xls *x, uint16_t type, size_t data, size_t rlen)
{
    const unsigned char *d = x->s + data;
    enum sl_status st = SL_OK;
    struct xls_rec r;

    if (rlen < 6)
        return SL_OK;
    uint32_t row = rd16(d), col = rd16(d + 2);
    uint16_t xf = rd16(d + 4);
    if (type != XLS_STRING)
        x->formula_pending = false;
    switch (type) {
    case XLS_LABELSST:
        if (rlen >= 10) {
            uint32_t i = rd32(d + 6);
            if (i < x->nsst && x->sst[i].len > 0)
                st = xls_add_cell(x, row, col, x->sst_text.data + x->sst[i].off, x->sst[i].len);
        }
        break;
    case XLS_LABEL:
    case XLS_RSTRING: {
        struct buf s = BUF_INIT;
        xls_rec_init(&r, x->s, x->len, data + 6, data + rlen);
        st = xls_string(x, &r, 2, &s);
        if (st == SL_OK)
            st = xls_add_cell(x, row, col, s.data, s.len);
        buf_free(&s);
        break;
    }
    case XLS_NUMBER:
        if (rlen >= 14)
            st = xls_add_number(x, row, col, xf, xls_double(d + 6));
        break;
    case XLS_RK:
        if (rlen >= 10)
            st = xls_add_number(x, row, col, xf, xls_rk(rd32(d + 6)));
        break;
    case XLS_MULRK: /* row, first column, (xf, rk) per column, last column */
        for (size_t i = 0; 4 + 6 * (i + 1) + 2 <= rlen && st == SL_OK; i++)
            st = xls_add_number(x, row, col + (uint32_t)i, rd16(d + 4 + 6 * i),
                                xls_rk(rd32(d + 4 + 6 * i + 2)));
        break;
    case XLS_BOOLERR:
        if (rlen >= 8 && d[7] == 0)
            st = xls_add_cell(x, row, col, d[6] ? "TRUE" : "FALSE", d[6] ? 4 : 5);
        break;
    case XLS_FORMULA: /* the cached result (MS-XLS 2.5.133 FormulaValue) */
        if (rlen < 14)
            break;
        if (rd16(d + 12) != 0xFFFF) {
            st = xls_add_number(x, row, col, xf, xls_double(d + 6));
        } else if (d[6] == 0) { /* a string, in the STRING record that follows */
            x->formula_pending = true;
            x->formula_row = row;
            x->formula_col = col;
        } else if (d[6] == 1) {
            st = xls_add_cell(x, row, col, d[8] ? "TRUE" : "FALSE", d[8] ? 4 : 5);
        }
        break;
    case XLS_STRING: {
        if (!x->formula_pending)
            break;
        struct buf s = BUF_INIT;
        x->formula_pending = false;
        xls_rec_init(&r, x->s, x->len, data, data + rlen);
        st = xls_string(x, &r, 2, &s);
        if (st == SL_OK)
            st = xls_add_cell(x, x->formula_row, x->formula_col, s.data, s.len);
        buf_free(&s);
        break;
    }
    }
    return st;
}

/* xls_records - walk the records of the workbook stream */
static enum sl_status xls_records(struct xls *x)
{
    enum sl_status st = SL_OK;
    size_t pos = 0;
    unsigned depth = 0; /* BOF..EOF nesting: a chart inside a sheet is 2 */
    bool seen_bof = false, globals = false;

    while (st == SL_OK && !ole_full(x->o) && pos + 4 <= x->len) {
        uint16_t type = rd16(x->s + pos);
        size_t rlen = rd16(x->s + pos + 2), data = pos + 4;
        if (rlen > x->len - data) {
            x->o->damaged = true;
            break;
        }
        switch (type) {
        case XLS_BOF:
            if (depth++ > 0)
                break;
            if (!seen_bof && rlen >= 4)
                x->biff8 = rd16(x->s + data) == 0x0600;
            seen_bof = true;
            globals = rlen >= 4 && rd16(x->s + data + 2) == 0x0005;
            if (!globals)
                xls_sheet_start(x, pos);
            break;
        case XLS_EOF:
            if (depth == 1)
                st = xls_sheet_end(x);
            if (depth > 0)
                depth--;
            break;
        case XLS_FILEPASS:
            ole_note(x->o, "unscannable.encrypted", "", false);
            return x->o->st;
        case XLS_SST:
            if (depth <= 1 && rlen >= 8 && x->nsst == 0)
                st = xls_sst(x, data, rlen);
            break;
        case XLS_BOUNDSHEET:
            if (depth <= 1)
                st = xls_boundsheet(x, data, rlen);
            break;
        case XLS_FORMAT:
            if (depth <= 1)
                st = xls_format(x, data, rlen);
            break;
        case XLS_XF:
            if (depth <= 1 && rlen >= 4 && x->nxf < XLS_MAX_XF) {
                if (x->nxf % 256 == 0) {
                    uint16_t *p = realloc(x->xf_fmt, (x->nxf + 256) * sizeof *p);
                    if (p == NULL)
                        return SL_ENOMEM;
                    x->xf_fmt = p;
                }
                x->xf_fmt[x->nxf++] = rd16(x->s + data + 2);
            }
            break;
        case XLS_DATEMODE:
            if (rlen >= 2)
                x->date1904 = rd16(x->s + data) == 1;
            break;
        case XLS_LABELSST:
        case XLS_LABEL:
        case XLS_RSTRING:
        case XLS_NUMBER:
        case XLS_RK:
        case XLS_MULRK:
        case XLS_BOOLERR:
        case XLS_FORMULA:
        case XLS_STRING:
            if (depth == 1 && x->in_sheet)
                st = xls_cell_record(x, type, data, rlen);
            break;
        default:
            break;
        }
        pos = data + rlen;
    }
    if (st == SL_OK && x->in_sheet) {
        x->o->damaged = true; /* no EOF */
        st = xls_sheet_end(x);
    }
    return st;
}

static enum sl_status xls_extract(struct ole_out *o, struct cfb *c, uint32_t id)
{
    struct buf stream = BUF_INIT;
    struct xls *x = calloc(1, sizeof *x);
    enum sl_status st;

    if (x == NULL)
        return SL_ENOMEM;
    x->o = o;
    if ((st = cfb_read(c, id, &stream)) == SL_OK) {
        x->s = (const unsigned char *)stream.data;
        x->len = stream.len;
        st = xls_records(x);
    }
    buf_free(&stream);
    buf_free(&x->sst_text);
    buf_free(&x->names);
    buf_free(&x->cell_text);
    free(x->sst);
    free(x->sheets);
    free(x->xf_fmt);
    free(x->cells);
    free(x);
    return st;
}

/* ---- the fallback: text runs from every stream ---- */

static bool runs_printable16(uint32_t u)
{
    return u == '\t' || (u >= 0x20 && u < 0x7F) || (u >= 0xA0 && u <= 0x24F) ||
           (u >= 0x2010 && u <= 0x2027) || u == 0x20AC;
}

static bool runs_printable8(unsigned char c)
{
    return c == '\t' || (c >= 0x20 && c < 0x7F) || (c >= 0x80 && cp1252(c) != 0);
}

/* runs_texty - a run reads as text, not as binary that happens to be
 * printable: at least 70% ASCII letters, digits and spaces, and at least
 * three letters or digits (a BSN alone is a run worth reading) */
struct runs_count {
    size_t all, plain, alnum;
};

static void runs_count_add(struct runs_count *c, uint32_t u)
{
    bool alnum = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9');
    c->all++;
    c->alnum += alnum;
    c->plain += alnum || u == ' ';
}

static bool runs_texty(const struct runs_count *c, size_t min)
{
    return c->all >= min && c->alnum >= 3 && c->plain * 10 >= c->all * 7;
}

/* runs_stream - append the runs of one stream to text, a line each */
static enum sl_status runs_stream(const struct ole_out *o, const unsigned char *d, size_t n,
                                  struct buf *text, bool *cut)
{
    enum sl_status st = SL_OK;

    /* UTF-16LE at even and at odd offsets; a unit past the end stops a run */
    for (size_t parity = 0; parity < 2; parity++) {
        struct runs_count c = {0, 0, 0};
        size_t start = parity;
        for (size_t i = parity; i < n + 1 && st == SL_OK; i += 2) {
            uint32_t u = i + 1 < n ? rd16(d + i) : 0;
            if (runs_printable16(u)) {
                if (c.all == 0)
                    start = i;
                runs_count_add(&c, u);
                continue;
            }
            if (runs_texty(&c, RUNS_MIN16)) {
                if (text->len > o->left) {
                    *cut = true;
                    return SL_OK;
                }
                uint32_t high = 0;
                for (size_t k = 0; k < c.all && st == SL_OK; k++)
                    st = put_unit(text, &high, rd16(d + start + 2 * k));
                if (st == SL_OK)
                    st = buf_append(text, "\n", 1);
            }
            c = (struct runs_count){0, 0, 0};
        }
    }
    /* 8-bit cp1252 */
    struct runs_count c = {0, 0, 0};
    size_t start = 0;
    for (size_t i = 0; i <= n && st == SL_OK; i++) {
        if (i < n && runs_printable8(d[i])) {
            if (c.all == 0)
                start = i;
            runs_count_add(&c, d[i]);
            continue;
        }
        if (runs_texty(&c, RUNS_MIN8)) {
            if (text->len > o->left) {
                *cut = true;
                return SL_OK;
            }
            for (size_t k = 0; k < c.all && st == SL_OK; k++)
                st = put_utf8(text, cp1252(d[start + k]));
            if (st == SL_OK)
                st = buf_append(text, "\n", 1);
        }
        c = (struct runs_count){0, 0, 0};
    }
    return st;
}

static enum sl_status runs_extract(struct ole_out *o, struct cfb *c)
{
    struct buf text = BUF_INIT;
    enum sl_status st = SL_OK;
    bool cut = false;

    for (uint32_t id = 1; id < c->ndir && st == SL_OK && !cut; id++) {
        if (cfb_entry(c, id)[0x42] != CFB_TYPE_STREAM)
            continue;
        struct buf stream = BUF_INIT;
        st = cfb_read(c, id, &stream);
        if (st == SL_OK)
            st = runs_stream(o, (const unsigned char *)stream.data, stream.len, &text, &cut);
        buf_free(&stream);
    }
    if (st == SL_OK)
        ole_emit(o, "", &text, false, cut);
    buf_free(&text);
    return st;
}

/* ---- the entry point ---- */

enum sl_status ole_extract(const char *data, size_t len, size_t max_text, struct doc_sink *out)
{
    struct ole_out o = {out, max_text, false, false, false, SL_OK};
    struct cfb c;
    uint32_t id = CFB_NOSTREAM;
    enum sl_status st = cfb_open(&c, (const unsigned char *)data, len);

    if (st == SL_EPARSE) {
        cfb_free(&c);
        ole_note(&o, "unscannable.malformed", "", true);
        return o.st;
    }
    bool fallback = true;
    if (st == SL_OK)
        st = cfb_find(&c, 0, "WordDocument", &id);
    if (st == SL_OK && id != CFB_NOSTREAM) {
        enum word_result res;
        st = word_extract(&o, &c, id, &res);
        fallback = res == WORD_FALLBACK;
    } else if (st == SL_OK) {
        st = cfb_find(&c, 0, "Workbook", &id);
        if (st == SL_OK && id == CFB_NOSTREAM)
            st = cfb_find(&c, 0, "Book", &id);
        if (st == SL_OK && id != CFB_NOSTREAM) {
            st = xls_extract(&o, &c, id);
            fallback = !o.reported; /* a workbook too broken to give anything */
        }
    }
    if (st == SL_OK && fallback && o.st == SL_OK)
        st = runs_extract(&o, &c);
    /* text may still have come out; the note says not all of it may have */
    if (st == SL_OK && (c.damaged || o.damaged || !o.reported))
        ole_note(&o, "unscannable.malformed", "", true);
    cfb_free(&c);
    return st != SL_OK ? st : o.st;
}
