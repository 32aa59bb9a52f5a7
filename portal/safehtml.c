/*
 * safehtml - an HTML body made safe to embed in a page. See safehtml.h.
 *
 * libxml2 adapter: only this file sees libxml2's HTML parser. The input is
 * untrusted. It is first made valid UTF-8 (libxml2 switches the rest of a
 * document to Latin-1 at the first bad byte) without NUL or other C0
 * controls but tab, line feed, form feed and carriage return; any charset
 * declaration in the document is ignored (HTML_PARSE_IGNORE_ENC), as is
 * the network (HTML_PARSE_NONET). The tree is walked iteratively (the
 * parser nests as deep as the input does), and only what the allow-list
 * names is written. The output's nesting is bounded by SAFEHTML_MAX_DEPTH
 * and its size by the caller's limit. Nothing is kept between calls.
 */
#include "safehtml.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void safehtml_init(void)
{
    xmlInitParser();
}

/* what becomes of an element. HTML's void elements that libxml2 does not
 * know as such (embed, source, track, ...) are unwrapped, not dropped:
 * libxml2 nests what follows them inside them. */
enum kind {
    K_UNWRAP, /* left out, its content kept (the default for anything unknown) */
    K_DROP,   /* left out with its content */
    K_WRITE,  /* written, with lang and dir */
    K_VOID,   /* written, no content, no end tag (br, hr) */
    K_LINK,   /* a: written when its href is allowed, else unwrapped */
    K_CELL,   /* td, th: colspan and rowspan as well */
    K_IMAGE,  /* img: its alt text in a span */
};

/* where an element may stand: written only inside one of these (written)
 * parents, so that the browser's parser keeps it where it is */
enum place {
    P_ANY,
    P_TABLE,   /* thead tbody tfoot caption: in a table */
    P_SECTION, /* tr: in a table, thead, tbody or tfoot */
    P_ROW,     /* td th: in a tr */
    P_LIST,    /* li: in ul or ol */
    P_DL,      /* dt dd: in dl */
};

static const struct element {
    const char *name;
    enum kind kind;
    enum place place;
} elements[] = {
    {"p", K_WRITE, P_ANY},       {"br", K_VOID, P_ANY},          {"div", K_WRITE, P_ANY},
    {"span", K_WRITE, P_ANY},    {"b", K_WRITE, P_ANY},          {"strong", K_WRITE, P_ANY},
    {"i", K_WRITE, P_ANY},       {"em", K_WRITE, P_ANY},         {"u", K_WRITE, P_ANY},
    {"s", K_WRITE, P_ANY},       {"blockquote", K_WRITE, P_ANY}, {"pre", K_WRITE, P_ANY},
    {"code", K_WRITE, P_ANY},    {"ul", K_WRITE, P_ANY},         {"ol", K_WRITE, P_ANY},
    {"li", K_WRITE, P_LIST},     {"dl", K_WRITE, P_ANY},         {"dt", K_WRITE, P_DL},
    {"dd", K_WRITE, P_DL},       {"table", K_WRITE, P_ANY},      {"thead", K_WRITE, P_TABLE},
    {"tbody", K_WRITE, P_TABLE}, {"tfoot", K_WRITE, P_TABLE},    {"tr", K_WRITE, P_SECTION},
    {"td", K_CELL, P_ROW},       {"th", K_CELL, P_ROW},          {"caption", K_WRITE, P_TABLE},
    {"h1", K_WRITE, P_ANY},      {"h2", K_WRITE, P_ANY},         {"h3", K_WRITE, P_ANY},
    {"h4", K_WRITE, P_ANY},      {"h5", K_WRITE, P_ANY},         {"h6", K_WRITE, P_ANY},
    {"hr", K_VOID, P_ANY},       {"a", K_LINK, P_ANY},           {"img", K_IMAGE, P_ANY},
    {"sub", K_WRITE, P_ANY},     {"sup", K_WRITE, P_ANY},        {"small", K_WRITE, P_ANY},
    {"script", K_DROP, P_ANY},   {"style", K_DROP, P_ANY},       {"template", K_DROP, P_ANY},
    {"noscript", K_DROP, P_ANY}, {"title", K_DROP, P_ANY},       {"head", K_DROP, P_ANY},
    {"iframe", K_DROP, P_ANY},   {"frame", K_DROP, P_ANY},       {"frameset", K_DROP, P_ANY},
    {"object", K_DROP, P_ANY},   {"applet", K_DROP, P_ANY},      {"svg", K_DROP, P_ANY},
    {"math", K_DROP, P_ANY},     {"select", K_DROP, P_ANY},      {"textarea", K_DROP, P_ANY},
    {"xml", K_DROP, P_ANY},
};

static const struct element *element_find(const char *name)
{
    for (size_t i = 0; i < sizeof elements / sizeof elements[0]; i++)
        if (strcasecmp(elements[i].name, name) == 0)
            return &elements[i];
    return NULL;
}

/* one element written and not yet closed */
struct open {
    const xmlNode *node;
    const char *name; /* the element's name as written (from the table) */
};

struct writer {
    struct buf *out;
    size_t start;   /* out->len when the call began */
    size_t max_out; /* bytes this call may add (before the closing tags) */
    const char *image_text;
    struct open open[SAFEHTML_MAX_DEPTH];
    unsigned nopen;
    unsigned in_link; /* written <a> elements open (no link inside a link) */
    bool cut;         /* the output limit was reached: nothing more is written */
    enum sl_status st;
};

enum sl_status safehtml_text(struct buf *out, const char *text, size_t len)
{
    enum sl_status st = buf_reserve(out, len);
    for (size_t i = 0; i < len && st == SL_OK;) {
        size_t j = i;
        while (j < len && !strchr("&<>\"'", text[j]))
            j++;
        if (j > i)
            st = buf_append(out, text + i, j - i);
        if (st != SL_OK || j == len)
            break;
        static const char *const esc[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
        st = buf_append_str(out, esc[strchr("&<>\"'", text[j]) - "&<>\"'"]);
        i = j + 1;
    }
    return st;
}

/* room - how many more bytes may be written */
static size_t room(const struct writer *w)
{
    size_t used = w->out->len - w->start;
    return used < w->max_out ? w->max_out - used : 0;
}

/* put_text - escaped text; what does not fit is cut at a character
 * boundary and ends the output */
static void put_text(struct writer *w, const char *s, size_t n)
{
    if (w->st != SL_OK || w->cut)
        return;
    size_t fits = n, need = 0;
    for (size_t i = 0; i < n; i++) {
        need += strchr("&<>\"'", s[i]) ? 6 : 1;
        if (need > room(w)) {
            fits = i;
            while (fits > 0 && ((unsigned char)s[fits] & 0xC0) == 0x80)
                fits--;
            w->cut = true;
            break;
        }
    }
    w->st = safehtml_text(w->out, s, fits);
}

/* utf8_seq - the length of the valid UTF-8 sequence at s[0..n) (RFC 3629:
 * no overlong forms, no surrogates, nothing past U+10FFFF), 0 if invalid */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t len = c >= 0xC2 && c <= 0xDF   ? 2
                 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4
                                          : 0;
    if (len == 0 || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) || (c == 0xF0 && s[1] < 0x90) ||
        (c == 0xF4 && s[1] > 0x8F))
        return 0;
    return len;
}

/* bogus_comment - the length of a bogus comment at s[0..n) (s[0] is '<'),
 * or 0: "<!" not followed by "--" or "DOCTYPE" runs to the next '>' or the
 * end (HTML's "bogus comment state"), so the browser shows nothing of
 * "<![if !IE]>"; libxml2 would make text of it */
static size_t bogus_comment(const char *s, size_t n)
{
    if (n < 2 || s[1] != '!' || (n >= 4 && memcmp(s + 2, "--", 2) == 0) ||
        (n >= 9 && strncasecmp(s + 2, "doctype", 7) == 0))
        return 0;
    const char *gt = memchr(s, '>', n);
    return gt ? (size_t)(gt - s) + 1 : n;
}

/* clean_input - s[0..n) as valid UTF-8 for libxml2: bad bytes and NUL
 * become U+FFFD, other controls but \t \n \f \r a space; bogus comments
 * go */
static enum sl_status clean_input(const char *s, size_t n, struct buf *out)
{
    enum sl_status st = buf_reserve(out, n + 16);
    bool comment = false; /* inside <!-- -->, where "<!" is only text */
    for (size_t i = 0; i < n && st == SL_OK;) {
        const unsigned char *u = (const unsigned char *)s + i;
        size_t k = utf8_seq(u, n - i), skip = 0;
        if (!comment && n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            /* "<!-->" and "<!--->" are whole (empty) comments to a browser;
             * libxml2 would read on to the next "-->" */
            size_t empty = n - i >= 5 && s[i + 4] == '>'                      ? 5
                           : n - i >= 6 && s[i + 4] == '-' && s[i + 5] == '>' ? 6
                                                                              : 0;
            if (empty) {
                st = buf_append_str(out, "<!---->");
                i += empty;
                continue;
            }
            comment = true;
        } else if (comment && n - i >= 3 && memcmp(s + i, "-->", 3) == 0)
            comment = false;
        else if (!comment && u[0] == '<')
            skip = bogus_comment(s + i, n - i);
        if (skip > 0) {
            i += skip;
        } else if (k == 0 || u[0] == 0) {
            st = buf_append(out, "\xEF\xBF\xBD", 3);
            i++;
        } else if (k == 1 && (u[0] < 0x20 || u[0] == 0x7F) && !strchr("\t\n\f\r", u[0])) {
            st = buf_append_char(out, ' ');
            i++;
        } else {
            st = buf_append(out, s + i, k);
            i += k;
        }
    }
    return st;
}

/* url_clean - an href the page may carry, into out: http, https or mailto
 * only, so never javascript:, data:, vbscript: or a link relative to the
 * portal. As a browser reads it: leading and trailing spaces and controls
 * go, tabs and line breaks anywhere go (so "java&#9;script:" is
 * javascript:); any other control refuses it; inner spaces become %20. */
static bool url_clean(const char *v, struct buf *out)
{
    size_t n = strlen(v);
    while (n > 0 && (unsigned char)v[0] <= 0x20) {
        v++;
        n--;
    }
    while (n > 0 && (unsigned char)v[n - 1] <= 0x20)
        n--;
    buf_reset(out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)v[i];
        if (c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c < 0x20 || c == 0x7F)
            return false;
        if ((c == ' ' ? buf_append_str(out, "%20") : buf_append_char(out, (char)c)) != SL_OK)
            return false;
    }
    if (out->len == 0 || out->len > SAFEHTML_MAX_URL)
        return false;
    size_t colon = strcspn(out->data, ":/?#");
    if (out->data[colon] != ':')
        return false; /* relative: it would point into the portal */
    static const char *const schemes[] = {"http", "https", "mailto"};
    for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++)
        if (colon == strlen(schemes[i]) && strncasecmp(out->data, schemes[i], colon) == 0)
            return true;
    return false;
}

/* attr_value - an attribute's value (entities decoded by the parser), to
 * be freed with xmlFree; NULL when absent */
static char *attr_value(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && strcasecmp((const char *)a->name, name) == 0)
            return (char *)xmlNodeGetContent((const xmlNode *)a);
    return NULL;
}

/* tag_attrs - lang and dir, when they are what they claim to be */
static enum sl_status tag_attrs(struct buf *tag, const xmlNode *n)
{
    enum sl_status st = SL_OK;
    char *lang = attr_value(n, "lang");
    if (lang && *lang && strlen(lang) <= 35 &&
        strspn(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") ==
            strlen(lang))
        st = buf_printf(tag, " lang=\"%s\"", lang);
    xmlFree(lang);
    char *dir = attr_value(n, "dir");
    static const char *const dirs[] = {"ltr", "rtl", "auto"};
    for (size_t i = 0; dir && st == SL_OK && i < sizeof dirs / sizeof dirs[0]; i++)
        if (strcasecmp(dir, dirs[i]) == 0)
            st = buf_printf(tag, " dir=\"%s\"", dirs[i]);
    xmlFree(dir);
    return st;
}

/* tag_span - colspan or rowspan of a cell: 1 to 1000, digits only */
static enum sl_status tag_span(struct buf *tag, const xmlNode *n, const char *name)
{
    enum sl_status st = SL_OK;
    char *v = attr_value(n, name);
    if (v) {
        const char *p = v;
        while (*p == ' ')
            p++;
        size_t d = strspn(p, "0123456789");
        if (d > 0 && d <= 4 && p[d] == '\0') {
            long k = strtol(p, NULL, 10);
            if (k >= 1 && k <= 1000)
                st = buf_printf(tag, " %s=\"%ld\"", name, k);
        }
    }
    xmlFree(v);
    return st;
}

/* put_tag - a whole start tag, or nothing and the output ends */
static bool put_tag(struct writer *w, const struct buf *tag)
{
    if (w->st != SL_OK || w->cut)
        return false;
    if (tag->len > room(w)) {
        w->cut = true;
        return false;
    }
    w->st = buf_append(w->out, tag->data, tag->len);
    return w->st == SL_OK;
}

static const char *parent_name(const struct writer *w)
{
    return w->nopen ? w->open[w->nopen - 1].name : "";
}

/* in_place - may an element of this place be written here? */
static bool in_place(const struct writer *w, enum place place)
{
    const char *p = parent_name(w);
    switch (place) {
    case P_ANY:
        return true;
    case P_TABLE:
        return strcmp(p, "table") == 0;
    case P_SECTION:
        return strcmp(p, "table") == 0 || strcmp(p, "thead") == 0 || strcmp(p, "tbody") == 0 ||
               strcmp(p, "tfoot") == 0;
    case P_ROW:
        return strcmp(p, "tr") == 0;
    case P_LIST:
        return strcmp(p, "ul") == 0 || strcmp(p, "ol") == 0;
    case P_DL:
        return strcmp(p, "dl") == 0;
    }
    return false;
}

/* in_table_structure - text here would be moved out of the table by the
 * browser: white space is left out */
static bool in_table_structure(const struct writer *w)
{
    const char *p = parent_name(w);
    return strcmp(p, "table") == 0 || strcmp(p, "thead") == 0 || strcmp(p, "tbody") == 0 ||
           strcmp(p, "tfoot") == 0 || strcmp(p, "tr") == 0;
}

static void push(struct writer *w, const xmlNode *n, const char *name)
{
    w->open[w->nopen].node = n;
    w->open[w->nopen].name = name;
    w->nopen++;
    if (strcmp(name, "a") == 0)
        w->in_link++;
}

/* visit_image - an image is never loaded: its alt text stands instead */
static void visit_image(struct writer *w, const xmlNode *n)
{
    char *alt = attr_value(n, "alt");
    const char *text = w->image_text;
    if (alt && alt[strspn(alt, " \t\n\r\f")] != '\0')
        text = alt;
    size_t len = strlen(text);
    if (len > 300) {
        len = 300;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    struct buf tag = BUF_INIT;
    enum sl_status st = buf_append_str(&tag, "<span class=\"img\">");
    if (st == SL_OK)
        st = safehtml_text(&tag, text, len);
    if (st == SL_OK)
        st = buf_append_str(&tag, "</span>");
    if (st == SL_OK)
        put_tag(w, &tag);
    else
        w->st = st;
    buf_free(&tag);
    xmlFree(alt);
}

/* visit_element - write an element's start tag as the allow-list says;
 * true when its children are to be visited */
static bool visit_element(struct writer *w, const xmlNode *n)
{
    const struct element *e = element_find((const char *)n->name);
    if (e == NULL)
        return true; /* unknown: unwrapped */
    if (e->kind == K_DROP)
        return false;
    if (e->kind == K_IMAGE) {
        visit_image(w, n);
        return false;
    }
    if (e->kind == K_UNWRAP || (e->kind != K_VOID && w->nopen == SAFEHTML_MAX_DEPTH))
        return e->kind != K_VOID;
    if (!in_place(w, e->place)) {
        /* a cell, row, caption or list item astray: a div keeps it apart
         * from its neighbours; a table section astray is unwrapped */
        static const struct element astray = {"div", K_WRITE, P_ANY};
        if (e->place == P_TABLE && strcmp(e->name, "caption") != 0)
            return true;
        e = &astray;
    }
    struct buf tag = BUF_INIT, href = BUF_INIT;
    if (e->kind == K_LINK) {
        char *v = attr_value(n, "href");
        bool ok = v && w->in_link == 0 && url_clean(v, &href);
        xmlFree(v);
        if (!ok) {
            buf_free(&href);
            return true;
        }
    }
    enum sl_status st = buf_printf(&tag, "<%s", e->name);
    if (st == SL_OK && e->kind == K_LINK) {
        st = buf_append_str(&tag, " href=\"");
        if (st == SL_OK)
            st = safehtml_text(&tag, href.data, href.len);
        if (st == SL_OK)
            st = buf_append_str(&tag, "\" rel=\"noopener noreferrer nofollow\"");
    }
    if (st == SL_OK && e->kind == K_CELL)
        st = tag_span(&tag, n, "colspan");
    if (st == SL_OK && e->kind == K_CELL)
        st = tag_span(&tag, n, "rowspan");
    if (st == SL_OK && e->kind != K_VOID)
        st = tag_attrs(&tag, n);
    if (st == SL_OK)
        st = buf_append_char(&tag, '>');
    buf_free(&href);
    if (st != SL_OK)
        w->st = st;
    else if (put_tag(w, &tag) && e->kind != K_VOID)
        push(w, n, e->name);
    buf_free(&tag);
    return e->kind != K_VOID;
}

/* visit - one node of the tree; true when its children are to be visited */
static bool visit(struct writer *w, const xmlNode *n)
{
    switch (n->type) {
    case XML_ELEMENT_NODE:
        return visit_element(w, n);
    case XML_TEXT_NODE:
        if (n->content) {
            const char *t = (const char *)n->content;
            size_t len = strlen(t);
            if (!(in_table_structure(w) && strspn(t, " \t\n\r\f") == len))
                put_text(w, t, len);
        }
        return false;
    default:
        return false; /* comments, CDATA, processing instructions, DTDs */
    }
}

/* leave - after n's children: its end tag when it was written */
static void leave(struct writer *w, const xmlNode *n)
{
    if (w->nopen == 0 || w->open[w->nopen - 1].node != n)
        return;
    const char *name = w->open[--w->nopen].name;
    if (strcmp(name, "a") == 0)
        w->in_link--;
    if (w->st == SL_OK) {
        w->st = buf_append_str(w->out, "</");
        if (w->st == SL_OK)
            w->st = buf_append_str(w->out, name);
        if (w->st == SL_OK)
            w->st = buf_append_char(w->out, '>');
    }
}

/* walk - the whole tree, depth first, without recursion */
static void walk(struct writer *w, xmlDoc *doc)
{
    xmlNode *n = doc->children;
    while (n && !w->cut && w->st == SL_OK) {
        if (visit(w, n) && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            leave(w, n);
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (n == NULL || n == (xmlNode *)doc) {
                n = NULL;
                break;
            }
        }
    }
    /* cut short: close what is open, innermost first */
    while (w->nopen > 0)
        leave(w, w->open[w->nopen - 1].node);
}

enum sl_status safehtml_clean(const char *html, size_t len, const struct safehtml_options *opt,
                              struct buf *out)
{
    if (len > SAFEHTML_MAX_INPUT || len > INT_MAX)
        return SL_EINVAL;
    struct writer w = {0};
    w.out = out;
    w.start = out->len;
    w.max_out = opt && opt->max_out ? opt->max_out : SAFEHTML_MAX_OUT;
    w.image_text = opt && opt->image_text ? opt->image_text : SAFEHTML_IMAGE_TEXT;
    if (len == 0)
        return SL_OK;

    struct buf in = BUF_INIT;
    enum sl_status st = clean_input(html, len, &in);
    if (st != SL_OK) {
        buf_free(&in);
        return st;
    }
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                  HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD;
    xmlDoc *doc =
        in.len <= INT_MAX ? htmlReadMemory(in.data, (int)in.len, NULL, "UTF-8", options) : NULL;
    if (doc) {
        walk(&w, doc);
        xmlFreeDoc(doc);
    } else {
        /* libxml2 gave up (out of memory): the text, escaped, is still safe */
        put_text(&w, in.data, in.len);
    }
    buf_free(&in);
    if (w.st != SL_OK)
        return w.st;
    return w.cut ? SL_ELIMIT : SL_OK;
}

enum sl_status safehtml_paragraphs(const char *text, size_t len, struct buf *out)
{
    enum sl_status st = SL_OK;
    size_t i = 0;
    while (i < len && st == SL_OK) {
        while (i < len && (text[i] == '\n' || text[i] == '\r'))
            i++;
        if (i == len)
            break;
        st = buf_append_str(out, "<p>");
        while (i < len && st == SL_OK) {
            const char *nl = memchr(text + i, '\n', len - i);
            size_t end = nl ? (size_t)(nl - text) : len, e = end;
            if (e > i && text[e - 1] == '\r')
                e--;
            st = safehtml_text(out, text + i, e - i);
            i = nl ? end + 1 : len;
            if (i < len &&
                (text[i] == '\n' || (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')))
                break; /* a blank line: the paragraph ends */
            if (st == SL_OK && i < len)
                st = buf_append_str(out, "<br>");
        }
        if (st == SL_OK)
            st = buf_append_str(out, "</p>");
    }
    return st;
}
