/*
 * office - text of Office Open XML (docx, xlsx, pptx; ECMA-376) and
 * OpenDocument (odt, ods, odp; OASIS ODF 1.2) packages.
 *
 * The only file that sees libxml2. Parts are found the way the formats say:
 * OOXML through its relationship parts (_rels/.rels → main part → its
 * rels), ODF through content.xml and styles.xml. Each part is read with
 * libxml2's streaming reader, with network access off and entities not
 * substituted; a part with a DOCTYPE is refused (neither format allows one,
 * and a DTD is where entity bombs live). Text is laid out for detection:
 * paragraphs as lines, table rows as lines with cells joined " | " in a
 * segment of their own, one segment per sheet ("sheet Blad1") and per slide
 * ("slide 2"). Spreadsheet cells keep their column: gaps become empty cells
 * (up to MAX_GAP), so a header row still labels the cells below it.
 */
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/buf.h"
#include "docread.h"

#define MAX_GAP    64 /* empty cells inserted for a gap in a row */
#define MAX_REPEAT 16 /* ODF repeated cells or rows written out */
#define MAX_SHARED 4000000

/* --- reading one XML part ------------------------------------------------ */

struct xml_handler {
    void (*start)(void *ctx, xmlTextReaderPtr rd, const char *name);
    void (*end)(void *ctx, const char *name);
    void (*text)(void *ctx, const char *text, size_t len);
};

static void quiet(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc)
{
    (void)arg;
    (void)msg;
    (void)sev;
    (void)loc;
}

/* xml_read - stream the part through h; a DOCTYPE or a parse error is a note
 * (text before it still counts) */
static enum sl_status xml_read(struct doc_read *r, const char *data, size_t len, const char *where,
                               const struct xml_handler *h, void *ctx, const enum sl_status *st)
{
    xmlTextReaderPtr rd = xmlReaderForMemory(data, (int)len, NULL, NULL,
                                             XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                 XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    if (rd == NULL)
        return SL_ENOMEM;
    xmlTextReaderSetErrorHandler(rd, quiet, NULL);
    int ret;
    bool refused = false;
    while (*st == SL_OK && !r->text_full && (ret = xmlTextReaderRead(rd)) == 1) {
        const char *name = (const char *)xmlTextReaderConstLocalName(rd);
        switch (xmlTextReaderNodeType(rd)) {
        case XML_READER_TYPE_DOCUMENT_TYPE:
            refused = true;
            break;
        case XML_READER_TYPE_ELEMENT:
            h->start(ctx, rd, name ? name : "");
            if (xmlTextReaderIsEmptyElement(rd))
                h->end(ctx, name ? name : "");
            break;
        case XML_READER_TYPE_END_ELEMENT:
            h->end(ctx, name ? name : "");
            break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
            const char *v = (const char *)xmlTextReaderConstValue(rd);
            if (v)
                h->text(ctx, v, strlen(v));
            break;
        }
        default:
            break;
        }
        if (refused)
            break;
    }
    xmlFreeTextReader(rd);
    if (*st != SL_OK)
        return *st;
    if (refused || (!r->text_full && ret < 0))
        return doc_read_note(r, "unscannable.malformed", where);
    return SL_OK;
}

/* read_part - a member by path, through xml_read; a missing part is not an
 * error (optional parts are optional) */
static enum sl_status read_part(struct doc_read *r, struct archive_zip *z, const char *path,
                                const char *where, const struct xml_handler *h, void *ctx,
                                const enum sl_status *hst)
{
    long i = archive_zip_find(z, path);
    if (i < 0)
        return SL_OK;
    if (++r->members > r->lim->max_members)
        return doc_read_note(r, "unscannable.member-limit", where);
    size_t n;
    enum sl_status st;
    char *d = archive_zip_member(z, i, &n, &st);
    if (d == NULL)
        return st;
    st = xml_read(r, d, n, where, h, ctx, hst);
    free(d);
    return st;
}

/* attr - the attribute with this local name, whatever its prefix
 * ("table:name", "name"), copied into out; NULL when absent */
static const char *attr(xmlTextReaderPtr rd, const char *name, char *out, size_t outlen)
{
    const char *found = NULL;
    for (int ok = xmlTextReaderMoveToFirstAttribute(rd); ok == 1 && !found;
         ok = xmlTextReaderMoveToNextAttribute(rd)) {
        const char *n = (const char *)xmlTextReaderConstLocalName(rd);
        const char *v = (const char *)xmlTextReaderConstValue(rd);
        if (n && v && strcmp(n, name) == 0) {
            snprintf(out, outlen, "%s", v);
            found = out;
        }
    }
    xmlTextReaderMoveToElement(rd);
    return found;
}

/* --- text laid out as lines and rows ------------------------------------ */

struct layout {
    struct doc_read *r;
    enum sl_status st;
    struct buf b;
    bool rows;      /* the buffer holds table rows */
    unsigned table; /* nesting of tables */
    unsigned cell;  /* cells written in this row */
    char where[512];
};

static void lay_append(struct layout *l, const char *s, size_t n)
{
    if (l->st == SL_OK)
        l->st = buf_append(&l->b, s, n);
}

/* lay_flush - hand the text so far to the sink as one segment */
static void lay_flush(struct layout *l)
{
    if (l->st == SL_OK && l->b.len)
        l->st = doc_read_text(l->r, l->where, l->b.data, l->b.len, l->rows);
    buf_reset(&l->b);
}

static void lay_line(struct layout *l)
{
    if (l->b.len && l->b.data[l->b.len - 1] != '\n')
        lay_append(l, "\n", 1);
}

/* lay_trim - drop the spaces a cell's last paragraph left (not the one
 * after a cell separator: an empty cell stays " | ") */
static void lay_trim(struct layout *l)
{
    while (l->b.len > 0 && l->b.data[l->b.len - 1] == ' ' &&
           !(l->b.len >= 2 && l->b.data[l->b.len - 2] == '|'))
        l->b.len--;
}

static void lay_cell_start(struct layout *l)
{
    if (l->cell++ > 0) {
        lay_trim(l);
        lay_append(l, " | ", 3);
    }
}

static void lay_row_end(struct layout *l)
{
    lay_trim(l);
    lay_line(l);
    l->cell = 0;
}

/* lay_table - a table starts or ends: at the outermost level it becomes a
 * segment of rows of its own */
static void lay_table(struct layout *l, bool start)
{
    if (start && l->table++ == 0) {
        lay_flush(l);
        l->rows = true;
    } else if (!start && l->table > 0 && --l->table == 0) {
        lay_flush(l);
        l->rows = false;
    }
}

/* a paragraph inside a table cell ends with a space, not a line */
static void lay_para_end(struct layout *l)
{
    if (l->table)
        lay_append(l, " ", 1);
    else
        lay_line(l);
}

/* --- Word (docx) and PowerPoint (pptx) --------------------------------- */

struct wordml {
    struct layout l;
    bool in_text; /* w:t, a:t */
    bool skip;    /* w:instrText, w:delText */
};

static void wml_start(void *ctx, xmlTextReaderPtr rd, const char *n)
{
    struct wordml *w = ctx;
    (void)rd;
    if (strcmp(n, "t") == 0)
        w->in_text = true;
    else if (strcmp(n, "tab") == 0)
        lay_append(&w->l, "\t", 1);
    else if (strcmp(n, "br") == 0 || strcmp(n, "cr") == 0)
        w->l.table ? lay_append(&w->l, " ", 1) : lay_line(&w->l);
    else if (strcmp(n, "tbl") == 0)
        lay_table(&w->l, true);
    else if (strcmp(n, "tc") == 0)
        lay_cell_start(&w->l);
    else if (strcmp(n, "instrText") == 0 || strcmp(n, "delText") == 0 || strcmp(n, "rPh") == 0)
        w->skip = true;
}

static void wml_end(void *ctx, const char *n)
{
    struct wordml *w = ctx;
    if (strcmp(n, "t") == 0)
        w->in_text = false;
    else if (strcmp(n, "p") == 0)
        lay_para_end(&w->l);
    else if (strcmp(n, "tr") == 0)
        lay_row_end(&w->l);
    else if (strcmp(n, "tbl") == 0)
        lay_table(&w->l, false);
    else if (strcmp(n, "instrText") == 0 || strcmp(n, "delText") == 0 || strcmp(n, "rPh") == 0)
        w->skip = false;
}

static void wml_text(void *ctx, const char *s, size_t n)
{
    struct wordml *w = ctx;
    if (w->in_text && !w->skip)
        lay_append(&w->l, s, n);
}

static const struct xml_handler wml_handler = {wml_start, wml_end, wml_text};

/* read_wordml - one docx or pptx part as text under where */
static enum sl_status read_wordml(struct doc_read *r, struct archive_zip *z, const char *path,
                                  const char *where)
{
    struct wordml w = {0};
    w.l.r = r;
    snprintf(w.l.where, sizeof w.l.where, "%s", where);
    enum sl_status st = read_part(r, z, path, where, &wml_handler, &w, &w.l.st);
    if (st == SL_OK) {
        lay_flush(&w.l);
        st = w.l.st;
    }
    buf_free(&w.l.b);
    return st;
}

/* --- relationships (OPC, ECMA-376 part 2) ------------------------------- */

struct rel {
    char id[64];
    char type[48]; /* the last path element of the type URI: "header" */
    char target[256];
};

struct rels {
    struct rel *v;
    size_t n, cap;
    enum sl_status st;
};

static void rels_start(void *ctx, xmlTextReaderPtr rd, const char *n)
{
    struct rels *rs = ctx;
    char id[64], type[256], target[256];
    if (strcmp(n, "Relationship") != 0 || rs->st != SL_OK || rs->n >= 10000)
        return;
    if (!attr(rd, "Id", id, sizeof id) || !attr(rd, "Type", type, sizeof type) ||
        !attr(rd, "Target", target, sizeof target))
        return;
    if (rs->n == rs->cap) {
        size_t cap = rs->cap ? rs->cap * 2 : 16;
        struct rel *p = realloc(rs->v, cap * sizeof *p);
        if (p == NULL) {
            rs->st = SL_ENOMEM;
            return;
        }
        rs->v = p;
        rs->cap = cap;
    }
    struct rel *x = &rs->v[rs->n++];
    const char *t = strrchr(type, '/');
    snprintf(x->id, sizeof x->id, "%s", id);
    snprintf(x->type, sizeof x->type, "%.*s", (int)sizeof x->type - 1, t ? t + 1 : type);
    snprintf(x->target, sizeof x->target, "%s", target);
}

static void no_end(void *ctx, const char *n)
{
    (void)ctx;
    (void)n;
}

static void no_text(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    (void)s;
    (void)n;
}

static const struct xml_handler rels_handler = {rels_start, no_end, no_text};

/* part_path - resolve a relationship target against the folder of the part
 * that owns it ("word/" + "header1.xml"; "/xl/x.xml" is absolute) */
static void part_path(char *out, size_t outlen, const char *owner, const char *target)
{
    if (target[0] == '/') {
        snprintf(out, outlen, "%s", target + 1);
        return;
    }
    const char *slash = strrchr(owner, '/');
    int dir = slash ? (int)(slash - owner + 1) : 0;
    /* "../" climbs one folder */
    while (strncmp(target, "../", 3) == 0 && dir > 0) {
        target += 3;
        dir--;
        while (dir > 0 && owner[dir - 1] != '/')
            dir--;
    }
    snprintf(out, outlen, "%.*s%s", dir, owner, target);
}

/* read_rels - the relationships of part (its _rels/<name>.rels) */
static enum sl_status read_rels(struct doc_read *r, struct archive_zip *z, const char *part,
                                const char *where, struct rels *rs)
{
    char path[512];
    const char *slash = strrchr(part, '/');
    int dir = slash ? (int)(slash - part + 1) : 0;
    snprintf(path, sizeof path, "%.*s_rels/%s.rels", dir, part, part + dir);
    enum sl_status st = read_part(r, z, path, where, &rels_handler, rs, &rs->st);
    return st != SL_OK ? st : rs->st;
}

static const char *rel_target(const struct rels *rs, const char *type)
{
    for (size_t i = 0; i < rs->n; i++)
        if (strcmp(rs->v[i].type, type) == 0)
            return rs->v[i].target;
    return NULL;
}

static const char *rel_by_id(const struct rels *rs, const char *id)
{
    for (size_t i = 0; i < rs->n; i++)
        if (strcmp(rs->v[i].id, id) == 0)
            return rs->v[i].target;
    return NULL;
}

/* --- docx ------------------------------------------------------------- */

static enum sl_status read_docx(struct doc_read *r, struct archive_zip *z, const char *main,
                                const char *where)
{
    static const struct {
        const char *type, *suffix;
    } parts[] = {{"header", "header"},
                 {"footer", "footer"},
                 {"comments", "comments"},
                 {"footnotes", "notes"},
                 {"endnotes", "notes"}};
    struct rels rs = {0};
    char path[512], w[512];
    enum sl_status st = read_wordml(r, z, main, where);
    if (st == SL_OK)
        st = read_rels(r, z, main, where, &rs);
    for (size_t k = 0; k < sizeof parts / sizeof parts[0] && st == SL_OK; k++) {
        doc_where(w, sizeof w, where, parts[k].suffix);
        for (size_t i = 0; i < rs.n && st == SL_OK; i++) {
            if (strcmp(rs.v[i].type, parts[k].type) != 0)
                continue;
            part_path(path, sizeof path, main, rs.v[i].target);
            st = read_wordml(r, z, path, w);
        }
    }
    free(rs.v);
    return st;
}

/* --- pptx ------------------------------------------------------------- */

struct slide_list {
    char ids[1000][64];
    size_t n;
};

static void sldid_start(void *ctx, xmlTextReaderPtr rd, const char *n)
{
    struct slide_list *sl = ctx;
    if (strcmp(n, "sldId") == 0 && sl->n < sizeof sl->ids / sizeof sl->ids[0]) {
        xmlChar *v = xmlTextReaderGetAttributeNs(
            rd, (const xmlChar *)"id",
            (const xmlChar *)"http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        if (v) {
            snprintf(sl->ids[sl->n++], sizeof sl->ids[0], "%s", (const char *)v);
            xmlFree(v);
        }
    }
}

static const struct xml_handler sldid_handler = {sldid_start, no_end, no_text};

static enum sl_status read_pptx(struct doc_read *r, struct archive_zip *z, const char *main,
                                const char *where)
{
    struct rels rs = {0};
    enum sl_status ok = SL_OK;
    struct slide_list *sl = calloc(1, sizeof *sl);
    if (sl == NULL)
        return SL_ENOMEM;
    enum sl_status st = read_rels(r, z, main, where, &rs);
    if (st == SL_OK)
        st = read_part(r, z, main, where, &sldid_handler, sl, &ok);
    for (size_t i = 0; i < sl->n && st == SL_OK && !r->text_full; i++) {
        char path[512], suffix[32], w[512];
        const char *target = rel_by_id(&rs, sl->ids[i]);
        if (target == NULL)
            continue;
        if (i >= r->lim->max_pages) {
            st = doc_read_note(r, "unscannable.page-limit", where);
            break;
        }
        part_path(path, sizeof path, main, target);
        snprintf(suffix, sizeof suffix, "slide %zu", i + 1);
        doc_where(w, sizeof w, where, suffix);
        st = read_wordml(r, z, path, w);
    }
    free(sl);
    free(rs.v);
    return st;
}

/* --- xlsx ------------------------------------------------------------- */

struct shared {
    char **s;
    size_t n, cap;
    struct buf cur;
    bool in_si, in_t, in_rph;
    enum sl_status st;
};

static void sst_start(void *ctx, xmlTextReaderPtr rd, const char *n)
{
    struct shared *sh = ctx;
    (void)rd;
    if (strcmp(n, "si") == 0) {
        sh->in_si = true;
        buf_reset(&sh->cur);
    } else if (strcmp(n, "t") == 0) {
        sh->in_t = true;
    } else if (strcmp(n, "rPh") == 0) {
        sh->in_rph = true;
    }
}

static void sst_end(void *ctx, const char *n)
{
    struct shared *sh = ctx;
    if (strcmp(n, "t") == 0) {
        sh->in_t = false;
    } else if (strcmp(n, "rPh") == 0) {
        sh->in_rph = false;
    } else if (strcmp(n, "si") == 0 && sh->st == SL_OK && sh->n < MAX_SHARED) {
        sh->in_si = false;
        if (sh->n == sh->cap) {
            size_t cap = sh->cap ? sh->cap * 2 : 256;
            char **p = realloc(sh->s, cap * sizeof *p);
            if (p == NULL) {
                sh->st = SL_ENOMEM;
                return;
            }
            sh->s = p;
            sh->cap = cap;
        }
        char *s = strndup(sh->cur.data ? sh->cur.data : "", sh->cur.len);
        if (s == NULL)
            sh->st = SL_ENOMEM;
        else
            sh->s[sh->n++] = s;
    }
}

static void sst_text(void *ctx, const char *s, size_t n)
{
    struct shared *sh = ctx;
    if (sh->in_si && sh->in_t && !sh->in_rph && sh->st == SL_OK)
        sh->st = buf_append(&sh->cur, s, n);
}

static const struct xml_handler sst_handler = {sst_start, sst_end, sst_text};

struct sheet {
    struct layout l;
    const struct shared *sh;
    char type[16]; /* the cell's t attribute */
    unsigned col;  /* next column (1-based) */
    unsigned cellcol;
    struct buf v; /* the cell's value or inline text */
    bool in_v, in_t, in_f;
};

/* column_of - the column of a cell reference "AB12" (1-based), or 0 */
static unsigned column_of(const char *ref)
{
    unsigned c = 0;
    for (; *ref >= 'A' && *ref <= 'Z' && c < 100000; ref++)
        c = c * 26 + (unsigned)(*ref - 'A' + 1);
    return c;
}

static void sheet_start(void *ctx, xmlTextReaderPtr rd, const char *n)
{
    struct sheet *s = ctx;
    char ref[32];
    if (strcmp(n, "row") == 0) {
        s->col = 1;
        s->l.cell = 0;
    } else if (strcmp(n, "c") == 0) {
        if (!attr(rd, "t", s->type, sizeof s->type))
            s->type[0] = '\0';
        s->cellcol = attr(rd, "r", ref, sizeof ref) ? column_of(ref) : 0;
        buf_reset(&s->v);
    } else if (strcmp(n, "v") == 0) {
        s->in_v = true;
    } else if (strcmp(n, "t") == 0) {
        s->in_t = true;
    } else if (strcmp(n, "f") == 0) {
        s->in_f = true;
    }
}

/* number_text - an integral number as digits ("1.23456782E8" → 123456782),
 * anything else as written */
static void number_text(const char *v, char *out, size_t outlen)
{
    char *end;
    double d = strtod(v, &end);
    if (end != v && *end == '\0' && d == (double)(long long)d && d < 1e15 && d > -1e15)
        snprintf(out, outlen, "%lld", (long long)d);
    else
        snprintf(out, outlen, "%s", v);
}

static void sheet_cell(struct sheet *s)
{
    char num[64];
    const char *v = s->v.data ? s->v.data : "", *text = v;
    if (s->l.st != SL_OK)
        return;
    if (strcmp(s->type, "s") == 0) {
        char *end;
        unsigned long i = strtoul(v, &end, 10);
        text = end != v && i < s->sh->n ? s->sh->s[i] : "";
    } else if (strcmp(s->type, "b") == 0) {
        text = strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
    } else if (s->type[0] == '\0' || strcmp(s->type, "n") == 0) {
        number_text(v, num, sizeof num);
        text = num;
    }
    if (*text == '\0')
        return;
    unsigned col = s->cellcol > s->col ? s->cellcol : s->col;
    for (unsigned gap = 0; col > s->col && gap < MAX_GAP; gap++, s->col++)
        lay_cell_start(&s->l); /* empty cells keep the columns in place */
    s->col = col + 1;
    lay_cell_start(&s->l);
    lay_append(&s->l, text, strlen(text));
}

static void sheet_end(void *ctx, const char *n)
{
    struct sheet *s = ctx;
    if (strcmp(n, "v") == 0) {
        s->in_v = false;
    } else if (strcmp(n, "t") == 0) {
        s->in_t = false;
    } else if (strcmp(n, "f") == 0) {
        s->in_f = false;
    } else if (strcmp(n, "c") == 0) {
        sheet_cell(s);
    } else if (strcmp(n, "row") == 0) {
        if (s->l.cell)
            lay_row_end(&s->l);
    }
}

static void sheet_text(void *ctx, const char *t, size_t n)
{
    struct sheet *s = ctx;
    if ((s->in_v || s->in_t) && !s->in_f && s->l.st == SL_OK)
        s->l.st = buf_append(&s->v, t, n);
}

static const struct xml_handler sheet_handler = {sheet_start, sheet_end, sheet_text};

/* the sheets of a workbook, in tab order */
struct workbook {
    struct {
        char name[128];
        char rid[64];
    } v[256];
    size_t n;
};

static void wb_start(void *ctx, xmlTextReaderPtr rd, const char *n)
{
    struct workbook *wb = ctx;
    if (strcmp(n, "sheet") != 0 || wb->n >= sizeof wb->v / sizeof wb->v[0])
        return;
    xmlChar *rid = xmlTextReaderGetAttributeNs(
        rd, (const xmlChar *)"id",
        (const xmlChar *)"http://schemas.openxmlformats.org/officeDocument/2006/relationships");
    if (rid == NULL)
        return;
    snprintf(wb->v[wb->n].rid, sizeof wb->v[0].rid, "%s", (const char *)rid);
    xmlFree(rid);
    if (!attr(rd, "name", wb->v[wb->n].name, sizeof wb->v[0].name))
        snprintf(wb->v[wb->n].name, sizeof wb->v[0].name, "%zu", wb->n + 1);
    wb->n++;
}

static const struct xml_handler wb_handler = {wb_start, no_end, no_text};

static enum sl_status read_xlsx(struct doc_read *r, struct archive_zip *z, const char *main,
                                const char *where)
{
    struct rels rs = {0};
    struct shared sh = {0};
    struct workbook *wb = calloc(1, sizeof *wb);
    enum sl_status ok = SL_OK;
    char path[512], w[512], suffix[160];
    if (wb == NULL)
        return SL_ENOMEM;
    enum sl_status st = read_rels(r, z, main, where, &rs);
    if (st == SL_OK)
        st = read_part(r, z, main, where, &wb_handler, wb, &ok);
    const char *sst = rel_target(&rs, "sharedStrings");
    if (st == SL_OK && sst) {
        part_path(path, sizeof path, main, sst);
        st = read_part(r, z, path, where, &sst_handler, &sh, &sh.st);
        if (st == SL_OK)
            st = sh.st;
    }
    for (size_t i = 0; i < wb->n && st == SL_OK && !r->text_full; i++) {
        const char *target = rel_by_id(&rs, wb->v[i].rid);
        if (target == NULL)
            continue;
        struct sheet s = {0};
        s.l.r = r;
        s.l.rows = true;
        s.sh = &sh;
        snprintf(suffix, sizeof suffix, "sheet %s", wb->v[i].name);
        doc_where(s.l.where, sizeof s.l.where, where, suffix);
        part_path(path, sizeof path, main, target);
        snprintf(w, sizeof w, "%s", s.l.where);
        st = read_part(r, z, path, w, &sheet_handler, &s, &s.l.st);
        if (st == SL_OK) {
            lay_flush(&s.l);
            st = s.l.st;
        }
        buf_free(&s.l.b);
        buf_free(&s.v);
    }
    for (size_t i = 0; i < sh.n; i++)
        free(sh.s[i]);
    free(sh.s);
    buf_free(&sh.cur);
    free(rs.v);
    free(wb);
    return st;
}

/* --- OpenDocument ------------------------------------------------------ */

struct odf {
    struct layout l;
    const char *base; /* the document's where */
    unsigned skip;    /* inside tracked changes, or outside header/footer in styles */
    bool styles;      /* reading styles.xml: only headers and footers */
    unsigned in_hf;   /* inside style:header / style:footer */
    unsigned sheet;   /* tables in a spreadsheet, pages in a presentation */
    bool spreadsheet, presentation;
    unsigned repeat; /* repetition of the current cell */
    size_t cell_at;  /* where the current cell's text starts */
    unsigned row_repeat;
    size_t row_at;
    char value[64]; /* a number cell's value (office:value), not its display */
};

static unsigned repeat_attr(xmlTextReaderPtr rd, const char *name)
{
    char v[16];
    if (!attr(rd, name, v, sizeof v))
        return 1;
    unsigned long n = strtoul(v, NULL, 10);
    return n < 1 ? 1 : n > MAX_REPEAT ? MAX_REPEAT : (unsigned)n;
}

static void odf_start(void *ctx, xmlTextReaderPtr rd, const char *n)
{
    struct odf *o = ctx;
    char name[128], suffix[160];
    if (strcmp(n, "tracked-changes") == 0 || strcmp(n, "note-citation") == 0) {
        o->skip++;
        return;
    }
    if (o->styles) {
        if (strcmp(n, "header") == 0 || strcmp(n, "header-left") == 0 || strcmp(n, "footer") == 0 ||
            strcmp(n, "footer-left") == 0) {
            lay_flush(&o->l);
            doc_where(o->l.where, sizeof o->l.where, o->base, n[0] == 'h' ? "header" : "footer");
            o->in_hf++;
        }
        if (!o->in_hf)
            return;
    }
    if (strcmp(n, "spreadsheet") == 0) {
        o->spreadsheet = true;
    } else if (strcmp(n, "presentation") == 0) {
        o->presentation = true;
    } else if (strcmp(n, "page") == 0 && o->presentation) {
        lay_flush(&o->l);
        snprintf(suffix, sizeof suffix, "slide %u", ++o->sheet);
        doc_where(o->l.where, sizeof o->l.where, o->base, suffix);
    } else if (strcmp(n, "table") == 0) {
        if (o->spreadsheet && o->l.table == 0) {
            lay_flush(&o->l);
            if (!attr(rd, "name", name, sizeof name))
                snprintf(name, sizeof name, "%u", o->sheet + 1);
            o->sheet++;
            snprintf(suffix, sizeof suffix, "sheet %s", name);
            doc_where(o->l.where, sizeof o->l.where, o->base, suffix);
        }
        lay_table(&o->l, true);
    } else if (strcmp(n, "table-row") == 0) {
        o->l.cell = 0;
        o->row_repeat = repeat_attr(rd, "number-rows-repeated");
        o->row_at = o->l.b.len;
    } else if (strcmp(n, "table-cell") == 0 || strcmp(n, "covered-table-cell") == 0) {
        char type[16], v[64];
        o->repeat = repeat_attr(rd, "number-columns-repeated");
        o->value[0] = '\0';
        /* "318.273.603" on screen is 318273603 in the cell */
        if (attr(rd, "value-type", type, sizeof type) &&
            (strcmp(type, "float") == 0 || strcmp(type, "percentage") == 0 ||
             strcmp(type, "currency") == 0) &&
            attr(rd, "value", v, sizeof v))
            number_text(v, o->value, sizeof o->value);
        lay_cell_start(&o->l);
        o->cell_at = o->l.b.len;
    } else if (strcmp(n, "s") == 0) {
        lay_append(&o->l, " ", 1);
    } else if (strcmp(n, "tab") == 0) {
        lay_append(&o->l, "\t", 1);
    } else if (strcmp(n, "line-break") == 0) {
        o->l.table ? lay_append(&o->l, " ", 1) : lay_line(&o->l);
    }
}

static void odf_end(void *ctx, const char *n)
{
    struct odf *o = ctx;
    if (strcmp(n, "tracked-changes") == 0 || strcmp(n, "note-citation") == 0) {
        if (o->skip)
            o->skip--;
        return;
    }
    if (o->styles) {
        if (!o->in_hf)
            return;
        if (strcmp(n, "header") == 0 || strcmp(n, "header-left") == 0 || strcmp(n, "footer") == 0 ||
            strcmp(n, "footer-left") == 0) {
            lay_flush(&o->l);
            o->in_hf--;
            return;
        }
    }
    if (strcmp(n, "p") == 0 || strcmp(n, "h") == 0) {
        lay_para_end(&o->l);
    } else if (strcmp(n, "table-cell") == 0 || strcmp(n, "covered-table-cell") == 0) {
        /* drop the space a last paragraph left, then write out repeats of a
         * cell that has text (empty repeated cells fill whole rows) */
        while (o->l.b.len > o->cell_at && o->l.b.data[o->l.b.len - 1] == ' ')
            o->l.b.len--;
        if (o->value[0]) {
            o->l.b.len = o->cell_at;
            lay_append(&o->l, o->value, strlen(o->value));
            o->value[0] = '\0';
        }
        size_t len = o->l.b.len - o->cell_at;
        for (unsigned k = 1; len > 0 && k < o->repeat && o->l.st == SL_OK; k++) {
            lay_append(&o->l, " | ", 3);
            o->l.st = o->l.st == SL_OK ? buf_reserve(&o->l.b, len) : o->l.st;
            if (o->l.st == SL_OK)
                lay_append(&o->l, o->l.b.data + o->cell_at, len);
        }
        o->repeat = 1;
    } else if (strcmp(n, "table-row") == 0) {
        /* trailing empty cells say nothing */
        while (o->l.b.len >= o->row_at + 3 && memcmp(o->l.b.data + o->l.b.len - 3, " | ", 3) == 0)
            o->l.b.len -= 3;
        if (o->l.b.len == o->row_at) {
            o->l.cell = 0;
            return; /* an empty row, however often repeated */
        }
        lay_row_end(&o->l);
        size_t len = o->l.b.len - o->row_at;
        for (unsigned k = 1; k < o->row_repeat && o->l.st == SL_OK; k++) {
            o->l.st = buf_reserve(&o->l.b, len);
            if (o->l.st == SL_OK)
                lay_append(&o->l, o->l.b.data + o->row_at, len);
        }
    } else if (strcmp(n, "table") == 0) {
        lay_table(&o->l, false);
        if (o->spreadsheet)
            o->l.rows = true;
    }
}

static void odf_text(void *ctx, const char *s, size_t n)
{
    struct odf *o = ctx;
    if (o->skip || (o->styles && !o->in_hf))
        return;
    lay_append(&o->l, s, n);
}

static const struct xml_handler odf_handler = {odf_start, odf_end, odf_text};

static enum sl_status read_odf_part(struct doc_read *r, struct archive_zip *z, const char *path,
                                    const char *where, bool styles)
{
    struct odf o = {0};
    o.l.r = r;
    o.base = where;
    o.styles = styles;
    o.repeat = o.row_repeat = 1;
    snprintf(o.l.where, sizeof o.l.where, "%s", where);
    enum sl_status st = read_part(r, z, path, where, &odf_handler, &o, &o.l.st);
    if (st == SL_OK) {
        lay_flush(&o.l);
        st = o.l.st;
    }
    buf_free(&o.l.b);
    return st;
}

/* --- which package -------------------------------------------------------- */

bool office_detect(struct archive_zip *z)
{
    return archive_zip_find(z, "[Content_Types].xml") >= 0 ||
           archive_zip_find(z, "content.xml") >= 0;
}

enum sl_status office_read(struct doc_read *r, struct archive_zip *z, const char *where)
{
    if (archive_zip_find(z, "content.xml") >= 0) {
        enum sl_status st = read_odf_part(r, z, "content.xml", where, false);
        return st == SL_OK ? read_odf_part(r, z, "styles.xml", where, true) : st;
    }
    struct rels rs = {0};
    char main[512];
    enum sl_status st = read_rels(r, z, "", where, &rs);
    const char *target = st == SL_OK ? rel_target(&rs, "officeDocument") : NULL;
    if (st == SL_OK && target) {
        part_path(main, sizeof main, "", target);
        if (strstr(main, "workbook") || archive_zip_find(z, "xl/workbook.xml") >= 0)
            st = read_xlsx(r, z, main, where);
        else if (strstr(main, "presentation"))
            st = read_pptx(r, z, main, where);
        else
            st = read_docx(r, z, main, where);
    } else if (st == SL_OK) {
        st = doc_read_note(r, "unscannable.malformed", where);
    }
    free(rs.v);
    return st;
}
