/*
 * html - HTML to plain text. See html.h.
 */
#include "html.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *name;
    uint32_t cp;
} entities[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},    {"iexcl", 0xA1},    {"cent", 0xA2},    {"pound", 0xA3},    {"euro", 0x20AC},
    {"sect", 0xA7},    {"copy", 0xA9},     {"laquo", 0xAB},   {"raquo", 0xBB},    {"reg", 0xAE},
    {"deg", 0xB0},     {"plusmn", 0xB1},   {"sup2", 0xB2},    {"sup3", 0xB3},     {"micro", 0xB5},
    {"middot", 0xB7},  {"frac12", 0xBD},   {"frac14", 0xBC},  {"times", 0xD7},    {"divide", 0xF7},
    {"shy", 0xAD},     {"ndash", 0x2013},  {"mdash", 0x2014}, {"lsquo", 0x2018},  {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D},  {"bdquo", 0x201E}, {"hellip", 0x2026}, {"bull", 0x2022},
    {"trade", 0x2122}, {"Agrave", 0xC0},   {"Aacute", 0xC1},  {"Acirc", 0xC2},    {"Atilde", 0xC3},
    {"Auml", 0xC4},    {"Aring", 0xC5},    {"AElig", 0xC6},   {"Ccedil", 0xC7},   {"Egrave", 0xC8},
    {"Eacute", 0xC9},  {"Ecirc", 0xCA},    {"Euml", 0xCB},    {"Igrave", 0xCC},   {"Iacute", 0xCD},
    {"Icirc", 0xCE},   {"Iuml", 0xCF},     {"Ntilde", 0xD1},  {"Ograve", 0xD2},   {"Oacute", 0xD3},
    {"Ocirc", 0xD4},   {"Otilde", 0xD5},   {"Ouml", 0xD6},    {"Oslash", 0xD8},   {"Ugrave", 0xD9},
    {"Uacute", 0xDA},  {"Ucirc", 0xDB},    {"Uuml", 0xDC},    {"Yacute", 0xDD},   {"szlig", 0xDF},
    {"agrave", 0xE0},  {"aacute", 0xE1},   {"acirc", 0xE2},   {"atilde", 0xE3},   {"auml", 0xE4},
    {"aring", 0xE5},   {"aelig", 0xE6},    {"ccedil", 0xE7},  {"egrave", 0xE8},   {"eacute", 0xE9},
    {"ecirc", 0xEA},   {"euml", 0xEB},     {"igrave", 0xEC},  {"iacute", 0xED},   {"icirc", 0xEE},
    {"iuml", 0xEF},    {"ntilde", 0xF1},   {"ograve", 0xF2},  {"oacute", 0xF3},   {"ocirc", 0xF4},
    {"otilde", 0xF5},  {"ouml", 0xF6},     {"oslash", 0xF8},  {"ugrave", 0xF9},   {"uacute", 0xFA},
    {"ucirc", 0xFB},   {"uuml", 0xFC},     {"yacute", 0xFD},  {"yuml", 0xFF},     {"OElig", 0x152},
    {"oelig", 0x153},  {"ordm", 0xBA},     {"ordf", 0xAA},    {"acute", 0xB4},    {"zwnj", 0x200C},
    {"zwj", 0x200D},   {"thinsp", 0x2009}, {"ensp", 0x2002},  {"emsp", 0x2003},
};

/* tags whose content is not shown */
static const char *const hidden[] = {"script",   "style", "head", "noscript",
                                     "template", "title", "xml"};
/* tags that end a line; the second set ends a paragraph */
static const char *const line_tags[] = {"br",   "div",     "tr",      "li",     "dd",     "dt",
                                        "hr",   "section", "article", "header", "footer", "address",
                                        "form", "center",  "caption", "tbody",  "thead"};
static const char *const para_tags[] = {"table", "h1", "h2", "h3",         "h4",  "h5",
                                        "h6",    "ul", "ol", "blockquote", "pre", "dl"};

static bool in_list(const char *name, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && strncasecmp(list[i], name, n) == 0)
            return true;
    return false;
}

static enum sl_status put_cp(struct buf *out, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return buf_append(out, u, n);
}

/* entity - decode a character reference at s[0] == '&'; returns bytes used
 * (0 when it is not a reference) and the code point */
static size_t entity(const char *s, size_t len, uint32_t *cp)
{
    size_t i = 1;
    if (len > 2 && s[1] == '#') {
        uint32_t v = 0;
        bool hex = len > 3 && (s[2] == 'x' || s[2] == 'X');
        i = hex ? 3 : 2;
        size_t start = i;
        while (i < len && i - start < 8 &&
               (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i]))) {
            char c = s[i++];
            v = v * (hex ? 16 : 10) + (uint32_t)(isdigit((unsigned char)c)
                                                     ? c - '0'
                                                     : (tolower((unsigned char)c) - 'a' + 10));
        }
        if (i == start)
            return 0;
        if (i < len && s[i] == ';')
            i++;
        *cp = v;
        return i;
    }
    while (i < len && i < 10 && isalnum((unsigned char)s[i]))
        i++;
    size_t n = i - 1;
    for (size_t k = 0; k < sizeof entities / sizeof entities[0]; k++) {
        if (strlen(entities[k].name) == n && strncmp(entities[k].name, s + 1, n) == 0) {
            *cp = entities[k].cp;
            return i < len && s[i] == ';' ? i + 1 : i;
        }
    }
    return 0;
}

/* newline - end the current line (or paragraph), without piling up breaks */
static enum sl_status newline(struct buf *out, int want)
{
    int have = 0;
    while (out->len > 0 && out->data[out->len - 1] == ' ')
        out->len--;
    for (size_t i = out->len; i > 0 && out->data[i - 1] == '\n' && have < 2; i--)
        have++;
    if (out->len == 0)
        return SL_OK;
    enum sl_status st = SL_OK;
    for (; have < want && st == SL_OK; have++)
        st = buf_append_char(out, '\n');
    return st;
}

enum sl_status html_to_text(const char *s, size_t len, struct buf *out)
{
    enum sl_status st = SL_OK;
    bool space = false;
    int pre = 0;
    size_t p_start = SIZE_MAX; /* output length when the open <p> began */
    size_t i = 0;

    while (i < len && st == SL_OK) {
        char c = s[i];
        if (c == '<') {
            if (i + 3 < len && strncmp(s + i, "<!--", 4) == 0) {
                const char *e = memmem(s + i + 4, len - i - 4, "-->", 3);
                i = e ? (size_t)(e - s) + 3 : len;
                continue;
            }
            size_t j = i + 1;
            bool end = j < len && s[j] == '/';
            if (end)
                j++;
            size_t name = j;
            while (j < len && (isalnum((unsigned char)s[j]) || s[j] == ':'))
                j++;
            size_t nlen = j - name;
            if (nlen == 0 && !(j < len && (s[j] == '!' || s[j] == '?'))) {
                /* a lone '<' is text */
                st = buf_append_char(out, '<');
                i++;
                space = false;
                continue;
            }
            /* skip attributes, honouring quotes */
            char q = 0;
            while (j < len && (q || s[j] != '>')) {
                if (q && s[j] == q)
                    q = 0;
                else if (!q && (s[j] == '"' || s[j] == '\''))
                    q = s[j];
                j++;
            }
            i = j < len ? j + 1 : len;
            const char *nm = s + name;
            if (!end && in_list(nm, nlen, hidden, sizeof hidden / sizeof hidden[0])) {
                /* drop everything up to the matching end tag */
                size_t k = i;
                for (; k + nlen + 2 < len; k++) {
                    if (s[k] == '<' && s[k + 1] == '/' && strncasecmp(s + k + 2, nm, nlen) == 0)
                        break;
                }
                if (k + nlen + 2 >= len) {
                    i = len;
                } else {
                    const char *gt = memchr(s + k, '>', len - k);
                    i = gt ? (size_t)(gt - s) + 1 : len;
                }
                continue;
            }
            if (nlen == 3 && strncasecmp(nm, "pre", 3) == 0)
                pre += end ? -1 : 1;
            if (pre < 0)
                pre = 0;
            if ((nlen == 2 && (strncasecmp(nm, "td", 2) == 0 || strncasecmp(nm, "th", 2) == 0)) &&
                !end) {
                /* a cell after another cell on the same row */
                if (out->len && out->data[out->len - 1] != '\n') {
                    while (out->len > 0 && out->data[out->len - 1] == ' ')
                        out->len--;
                    st = buf_append_str(out, " | ");
                }
                space = false;
            } else if (nlen == 2 && strncasecmp(nm, "br", 2) == 0) {
                /* every <br> ends a line: two in a row make a blank line, as
                 * <div><br></div> does in the mail of most web clients */
                while (out->len > 0 && out->data[out->len - 1] == ' ')
                    out->len--;
                if (out->len)
                    st = buf_append_char(out, '\n');
                space = false;
            } else if (nlen == 1 && (nm[0] == 'p' || nm[0] == 'P')) {
                /* mail clients (Outlook above all) write every line as a
                 * <p>, and a blank line as an empty one: a <p> ends a line,
                 * an empty <p> makes a blank line */
                st = newline(out, 1);
                if (st == SL_OK && end && out->len == p_start && out->len)
                    st = buf_append_char(out, '\n');
                p_start = end ? SIZE_MAX : out->len;
                space = false;
            } else if (in_list(nm, nlen, para_tags, sizeof para_tags / sizeof para_tags[0])) {
                st = newline(out, 2);
                space = false;
            } else if (in_list(nm, nlen, line_tags, sizeof line_tags / sizeof line_tags[0])) {
                st = newline(out, 1);
                space = false;
            } else if (!space && out->len && !end && nlen &&
                       (strncasecmp(nm, "img", 3) == 0 || strncasecmp(nm, "input", 5) == 0)) {
                st = buf_append_char(out, ' ');
                space = true;
            }
            continue;
        }
        if (c == '&') {
            uint32_t cp;
            size_t n = entity(s + i, len - i, &cp);
            if (n) {
                if (cp == 0xA0)
                    cp = ' ';
                if (cp == ' ' && (space || out->len == 0)) {
                    i += n;
                    continue;
                }
                st = put_cp(out, cp);
                space = cp == ' ';
                i += n;
                continue;
            }
        }
        if (!pre && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
            if (!space && out->len && out->data[out->len - 1] != '\n')
                st = buf_append_char(out, ' ');
            space = true;
            i++;
            continue;
        }
        if (c == '\0')
            c = ' ';
        st = buf_append_char(out, c);
        space = false;
        i++;
    }
    while (out->len > 0 && (out->data[out->len - 1] == '\n' || out->data[out->len - 1] == ' '))
        out->len--;
    if (st == SL_OK)
        st = buf_append_char(out, '\n');
    return st;
}
