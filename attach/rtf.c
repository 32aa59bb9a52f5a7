/*
 * rtf - the plain text of an RTF document. See rtf.h.
 *
 * One forward pass over the bytes with an explicit group stack (a fixed
 * array inside the parser, no recursion, no allocation besides the caller's
 * output buffer). Thread-safe: all state lives in the call.
 *
 * Limits that protect against hostile input: group depth RTF_MAX_DEPTH
 * (deeper groups are counted, not stored, and their content dropped);
 * control words compared only up to RTF_MAX_WORD letters; numeric
 * parameters clamped to RTF_MAX_PARAM; \ucN clamped to RTF_MAX_UC; \binN
 * never skips past the end of the input; output capped at max_out bytes.
 */
#include "rtf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"

#define RTF_MAX_WORD  32         /* longer control words are unknown words */
#define RTF_MAX_PARAM 1000000000 /* numeric parameters are clamped to +-this */
#define RTF_MAX_UC    16         /* \ucN fallback characters to skip, at most */

/* The upper halves (bytes 0x80..0xFF) of the code pages \'hh is decoded in,
 * besides Windows-1252 (charset.h); 0 marks a byte a code page leaves
 * undefined. */

static const uint16_t cp1250_hi[128] = {
    0x20AC, 0x0000, 0x201A, 0x0000, 0x201E, 0x2026, 0x2020, 0x2021, 0x0000, 0x2030, 0x0160, 0x2039,
    0x015A, 0x0164, 0x017D, 0x0179, 0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x0000, 0x2122, 0x0161, 0x203A, 0x015B, 0x0165, 0x017E, 0x017A, 0x00A0, 0x02C7, 0x02D8, 0x0141,
    0x00A4, 0x0104, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x015E, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x017B,
    0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x0105, 0x015F, 0x00BB,
    0x013D, 0x02DD, 0x013E, 0x017C, 0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7,
    0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E, 0x0110, 0x0143, 0x0147, 0x00D3,
    0x00D4, 0x0150, 0x00D6, 0x00D7, 0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF,
    0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7, 0x010D, 0x00E9, 0x0119, 0x00EB,
    0x011B, 0x00ED, 0x00EE, 0x010F, 0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7,
    0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,
};

static const uint16_t cp437_hi[128] = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF,
    0x00EE, 0x00EC, 0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,
    0x00FF, 0x00D6, 0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA,
    0x00F1, 0x00D1, 0x00AA, 0x00BA, 0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557,
    0x255D, 0x255C, 0x255B, 0x2510, 0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F,
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567, 0x2568, 0x2564, 0x2565, 0x2559,
    0x2558, 0x2552, 0x2553, 0x256B, 0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
    0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4, 0x03A6, 0x0398, 0x03A9, 0x03B4,
    0x221E, 0x03C6, 0x03B5, 0x2229, 0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248,
    0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0,
};

static const uint16_t cp850_hi[128] = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF,
    0x00EE, 0x00EC, 0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,
    0x00FF, 0x00D6, 0x00DC, 0x00F8, 0x00A3, 0x00D8, 0x00D7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA,
    0x00F1, 0x00D1, 0x00AA, 0x00BA, 0x00BF, 0x00AE, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x00C1, 0x00C2, 0x00C0, 0x00A9, 0x2563, 0x2551, 0x2557,
    0x255D, 0x00A2, 0x00A5, 0x2510, 0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x00E3, 0x00C3,
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x00A4, 0x00F0, 0x00D0, 0x00CA, 0x00CB,
    0x00C8, 0x0131, 0x00CD, 0x00CE, 0x00CF, 0x2518, 0x250C, 0x2588, 0x2584, 0x00A6, 0x00CC, 0x2580,
    0x00D3, 0x00DF, 0x00D4, 0x00D2, 0x00F5, 0x00D5, 0x00B5, 0x00FE, 0x00DE, 0x00DA, 0x00DB, 0x00D9,
    0x00FD, 0x00DD, 0x00AF, 0x00B4, 0x00AD, 0x00B1, 0x2017, 0x00BE, 0x00B6, 0x00A7, 0x00F7, 0x00B8,
    0x00B0, 0x00A8, 0x00B7, 0x00B9, 0x00B3, 0x00B2, 0x25A0, 0x00A0,
};

static const uint16_t cp10000_hi[128] = {
    0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3,
    0x00E5, 0x00E7, 0x00E9, 0x00E8, 0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3,
    0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC, 0x2020, 0x00B0, 0x00A2, 0x00A3,
    0x00A7, 0x2022, 0x00B6, 0x00DF, 0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
    0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211, 0x220F, 0x03C0, 0x222B, 0x00AA,
    0x00BA, 0x03A9, 0x00E6, 0x00F8, 0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB,
    0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153, 0x2013, 0x2014, 0x201C, 0x201D,
    0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
    0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, 0x00CB, 0x00C8, 0x00CD, 0x00CE,
    0x00CF, 0x00CC, 0x00D3, 0x00D4, 0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC,
    0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
};

/* what a known control word does */
enum rtf_action {
    RTF_DEST_SKIP,     /* a destination that is not text */
    RTF_DEST_OBJECT,   /* \object: not text, but its \result group is */
    RTF_DEST_UPR,      /* \upr: ANSI text that its \*\ud group repeats in Unicode */
    RTF_REOPEN_RESULT, /* \result: text again inside \object */
    RTF_REOPEN_UD,     /* \ud: text again inside \upr */
    RTF_TEXT_DEST,     /* a \* destination that holds text */
    RTF_NEWLINE,
    RTF_TAB,
    RTF_CELL,
    RTF_ROW,
    RTF_CHAR,     /* the code point in arg */
    RTF_UNICODE,  /* \uN */
    RTF_UC,       /* \ucN */
    RTF_BIN,      /* \binN: N bytes of binary data follow */
    RTF_ANSICPG,  /* \ansicpgN */
    RTF_CODEPAGE, /* \ansi, \mac, \pc, \pca: the code page in arg */
};

struct rtf_word {
    const char *name;
    enum rtf_action action;
    uint32_t arg;
};

/* sorted by strcmp() for bsearch(); unknown words are ignored */
static const struct rtf_word rtf_words[] = {
    {"ansi", RTF_CODEPAGE, 1252},
    {"ansicpg", RTF_ANSICPG, 0},
    {"bin", RTF_BIN, 0},
    {"bkmkend", RTF_DEST_SKIP, 0},
    {"bkmkstart", RTF_DEST_SKIP, 0},
    {"bullet", RTF_CHAR, 0x2022},
    {"cell", RTF_CELL, 0},
    {"colorschememapping", RTF_DEST_SKIP, 0},
    {"colortbl", RTF_DEST_SKIP, 0},
    {"column", RTF_NEWLINE, 0},
    {"datastore", RTF_DEST_SKIP, 0},
    {"emdash", RTF_CHAR, 0x2014},
    {"emspace", RTF_CHAR, ' '},
    {"endash", RTF_CHAR, 0x2013},
    {"enspace", RTF_CHAR, ' '},
    {"filetbl", RTF_DEST_SKIP, 0},
    {"fldinst", RTF_DEST_SKIP, 0},
    {"fonttbl", RTF_DEST_SKIP, 0},
    {"generator", RTF_DEST_SKIP, 0},
    {"info", RTF_DEST_SKIP, 0},
    {"latentstyles", RTF_DEST_SKIP, 0},
    {"ldblquote", RTF_CHAR, 0x201C},
    {"line", RTF_NEWLINE, 0},
    {"listoverridetable", RTF_DEST_SKIP, 0},
    {"listtable", RTF_DEST_SKIP, 0},
    {"lquote", RTF_CHAR, 0x2018},
    {"mac", RTF_CODEPAGE, 10000},
    {"mmathPr", RTF_DEST_SKIP, 0},
    {"nestcell", RTF_CELL, 0},
    {"nestrow", RTF_ROW, 0},
    {"nonshppict", RTF_DEST_SKIP, 0},
    {"objdata", RTF_DEST_SKIP, 0},
    {"object", RTF_DEST_OBJECT, 0},
    {"page", RTF_NEWLINE, 0},
    {"par", RTF_NEWLINE, 0},
    {"pc", RTF_CODEPAGE, 437},
    {"pca", RTF_CODEPAGE, 850},
    {"pgdsctbl", RTF_DEST_SKIP, 0},
    {"pict", RTF_DEST_SKIP, 0},
    {"private", RTF_DEST_SKIP, 0},
    {"qmspace", RTF_CHAR, ' '},
    {"rdblquote", RTF_CHAR, 0x201D},
    {"result", RTF_REOPEN_RESULT, 0},
    {"revtbl", RTF_DEST_SKIP, 0},
    {"row", RTF_ROW, 0},
    {"rquote", RTF_CHAR, 0x2019},
    {"rsidtbl", RTF_DEST_SKIP, 0},
    {"sect", RTF_NEWLINE, 0},
    {"shpinst", RTF_TEXT_DEST, 0}, /* a shape: its \sp properties are not text, \shptxt is */
    {"softline", RTF_NEWLINE, 0},
    {"sp", RTF_DEST_SKIP, 0},
    {"stylesheet", RTF_DEST_SKIP, 0},
    {"tab", RTF_TAB, 0},
    {"themedata", RTF_DEST_SKIP, 0},
    {"u", RTF_UNICODE, 0},
    {"uc", RTF_UC, 0},
    {"ud", RTF_REOPEN_UD, 0},
    {"upr", RTF_DEST_UPR, 0},
    {"xmlnstbl", RTF_DEST_SKIP, 0},
};

/* what a skipped group may turn back into text */
enum rtf_reopen {
    RTF_REOPEN_NONE,
    RTF_REOPEN_BY_RESULT,
    RTF_REOPEN_BY_UD,
};

struct rtf_group {
    bool skip;      /* content is not text */
    uint8_t reopen; /* enum rtf_reopen */
    uint8_t uc;     /* fallback characters after \uN */
};

struct rtf_parser {
    const unsigned char *p, *end;
    struct rtf_group groups[RTF_MAX_DEPTH + 1]; /* [0] is outside every group */
    size_t depth;                               /* index of the current group */
    size_t too_deep;                            /* open groups beyond RTF_MAX_DEPTH */
    const uint16_t *codepage;                   /* upper half; NULL for 1252 */
    unsigned uc_skip;                           /* fallback characters still to skip */
    uint32_t high;                              /* pending high surrogate, or 0 */
    bool star;                                  /* \* seen: the next word is a destination */
    struct buf *out;
    size_t base;    /* out->len at the start */
    size_t max_out; /* bytes that may be appended */
    bool *truncated;
    bool stop; /* output full or out of memory */
    enum sl_status st;
};

static struct rtf_group *rtf_group_cur(struct rtf_parser *r)
{
    return &r->groups[r->depth];
}

static bool rtf_skipping(struct rtf_parser *r)
{
    return r->too_deep > 0 || r->groups[r->depth].skip;
}

static void rtf_put_raw(struct rtf_parser *r, const char *s, size_t n)
{
    if (r->stop)
        return;
    if (n > r->max_out - (r->out->len - r->base)) {
        *r->truncated = true;
        r->stop = true;
        return;
    }
    r->st = buf_append(r->out, s, n);
    if (r->st != SL_OK)
        r->stop = true;
}

static void rtf_put_utf8(struct rtf_parser *r, uint32_t cp)
{
    char u[4];
    rtf_put_raw(r, u, charset_utf8(cp, u));
}

/* rtf_flush_high - a high surrogate not followed by a low one */
static void rtf_flush_high(struct rtf_parser *r)
{
    if (r->high) {
        r->high = 0;
        rtf_put_utf8(r, 0xFFFD);
    }
}

static void rtf_put_text(struct rtf_parser *r, const char *s, size_t n)
{
    rtf_flush_high(r);
    rtf_put_raw(r, s, n);
}

/* rtf_put_unit - a code point or a UTF-16 code unit; joins surrogate pairs,
 * drops control characters other than tab and newline */
static void rtf_put_unit(struct rtf_parser *r, uint32_t u)
{
    if (u >= 0xDC00 && u <= 0xDFFF && r->high) {
        uint32_t cp = 0x10000 + ((r->high - 0xD800) << 10) + (u - 0xDC00);
        r->high = 0;
        rtf_put_utf8(r, cp);
        return;
    }
    rtf_flush_high(r);
    if (u >= 0xD800 && u <= 0xDBFF) {
        r->high = u;
        return;
    }
    if ((u < 0x20 && u != '\t' && u != '\n') || u == 0x7F || (u >= 0x80 && u < 0xA0))
        return;
    rtf_put_utf8(r, u);
}

/* rtf_put_byte - a byte of text in the document's code page */
static void rtf_put_byte(struct rtf_parser *r, unsigned char c)
{
    uint32_t cp = c;
    if (c >= 0x80) {
        if (r->codepage)
            cp = r->codepage[c - 0x80];
        else
            cp = charset_cp1252(c);
        if (cp == 0)
            return;
    }
    rtf_put_unit(r, cp);
}

/* rtf_end_row - a table row ends: no separator after its last cell */
static void rtf_end_row(struct rtf_parser *r)
{
    struct buf *out = r->out;
    rtf_flush_high(r);
    if (!r->stop && out->len - r->base >= 3 && memcmp(out->data + out->len - 3, " | ", 3) == 0) {
        out->len -= 3;
        out->data[out->len] = '\0';
    }
    rtf_put_raw(r, "\n", 1);
}

static void rtf_set_codepage(struct rtf_parser *r, long cp)
{
    switch (cp) {
    case 1250:
        r->codepage = cp1250_hi;
        break;
    case 437:
        r->codepage = cp437_hi;
        break;
    case 850:
        r->codepage = cp850_hi;
        break;
    case 10000:
        r->codepage = cp10000_hi;
        break;
    default: /* 1252, and what this reader does not know */
        r->codepage = NULL;
        break;
    }
}

static void rtf_group_open(struct rtf_parser *r)
{
    r->star = false;
    r->uc_skip = 0;
    if (r->too_deep > 0 || r->depth >= RTF_MAX_DEPTH) {
        r->too_deep++;
        return;
    }
    r->groups[r->depth + 1] = r->groups[r->depth];
    r->depth++;
}

static void rtf_group_close(struct rtf_parser *r)
{
    r->star = false;
    r->uc_skip = 0;
    if (r->too_deep > 0)
        r->too_deep--;
    else if (r->depth > 0)
        r->depth--;
}

static int rtf_word_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const struct rtf_word *)elem)->name);
}

/* rtf_uc_consume - true if this character is the fallback of a \uN */
static bool rtf_uc_consume(struct rtf_parser *r)
{
    if (r->uc_skip == 0)
        return false;
    r->uc_skip--;
    return true;
}

static void rtf_dest(struct rtf_parser *r, enum rtf_reopen reopen)
{
    struct rtf_group *g = rtf_group_cur(r);
    g->skip = true;
    if (reopen != RTF_REOPEN_NONE)
        g->reopen = (uint8_t)reopen;
}

static void rtf_control_word(struct rtf_parser *r, const char *name, bool has_param, long param)
{
    const struct rtf_word *w = bsearch(name, rtf_words, sizeof rtf_words / sizeof rtf_words[0],
                                       sizeof rtf_words[0], rtf_word_cmp);
    struct rtf_group *g = rtf_group_cur(r);
    bool star = r->star;

    r->star = false;
    if (w && w->action == RTF_BIN) {
        /* the data is skipped whatever the state; it may hold any byte */
        size_t n = has_param && param > 0 ? (size_t)param : 0;
        size_t left = (size_t)(r->end - r->p);
        r->p += n < left ? n : left;
        rtf_uc_consume(r);
        return;
    }
    if (r->too_deep > 0)
        return;
    if (w && w->action == RTF_REOPEN_UD && g->reopen == RTF_REOPEN_BY_UD) {
        g->skip = false;
        g->reopen = RTF_REOPEN_NONE;
        return;
    }
    if (w && w->action == RTF_REOPEN_RESULT && g->reopen == RTF_REOPEN_BY_RESULT) {
        g->skip = false;
        g->reopen = RTF_REOPEN_NONE;
        return;
    }
    if (star && !(w && (w->action == RTF_REOPEN_UD || w->action == RTF_TEXT_DEST))) {
        /* \*\word: a destination; unknown ones are not text */
        rtf_dest(r, RTF_REOPEN_NONE);
        return;
    }
    /* any control word counts as one \uN fallback character */
    if (g->skip || rtf_uc_consume(r) || w == NULL)
        return;
    switch (w->action) {
    case RTF_DEST_SKIP:
        rtf_dest(r, RTF_REOPEN_NONE);
        break;
    case RTF_DEST_OBJECT:
        rtf_dest(r, RTF_REOPEN_BY_RESULT);
        break;
    case RTF_DEST_UPR:
        rtf_dest(r, RTF_REOPEN_BY_UD);
        break;
    case RTF_REOPEN_RESULT:
    case RTF_REOPEN_UD:
    case RTF_TEXT_DEST:
        break;
    case RTF_NEWLINE:
        rtf_put_text(r, "\n", 1);
        break;
    case RTF_TAB:
        rtf_put_text(r, "\t", 1);
        break;
    case RTF_CELL:
        rtf_put_text(r, " | ", 3);
        break;
    case RTF_ROW:
        rtf_end_row(r);
        break;
    case RTF_CHAR:
        rtf_put_unit(r, w->arg);
        break;
    case RTF_UNICODE:
        if (has_param) {
            /* a signed 16-bit value: \u-3913 is U+F0B7 */
            rtf_put_unit(r, (uint32_t)(param < 0 ? param + 65536 : param) & 0xFFFF);
            r->uc_skip = g->uc;
        }
        break;
    case RTF_UC:
        g->uc = (uint8_t)(!has_param ? 1 : param < 0 ? 0 : param > RTF_MAX_UC ? RTF_MAX_UC : param);
        break;
    case RTF_ANSICPG:
        if (has_param)
            rtf_set_codepage(r, param);
        break;
    case RTF_CODEPAGE:
        rtf_set_codepage(r, (long)w->arg);
        break;
    case RTF_BIN:
        break;
    }
}

static int rtf_hex(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool rtf_is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool rtf_is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* rtf_control_symbol - a backslash and one non-letter */
static void rtf_control_symbol(struct rtf_parser *r, unsigned char c)
{
    int byte = -1;

    if (c == '*') {
        r->star = true;
        return;
    }
    r->star = false;
    if (c == '\'') {
        int hi = r->p < r->end ? rtf_hex(*r->p) : -1;
        int lo = hi >= 0 && r->p + 1 < r->end ? rtf_hex(r->p[1]) : -1;
        if (hi < 0 || lo < 0)
            return;
        r->p += 2;
        byte = hi * 16 + lo;
    }
    if (rtf_skipping(r) || rtf_uc_consume(r))
        return;
    switch (c) {
    case '\'':
        if (byte >= 0x80)
            rtf_put_byte(r, (unsigned char)byte);
        else if (byte == '\t')
            rtf_put_text(r, "\t", 1);
        else if (byte >= 0x20 && byte != 0x7F) {
            char ch = (char)byte;
            rtf_put_text(r, &ch, 1);
        }
        break;
    case '\\':
    case '{':
    case '}':
        rtf_put_text(r, (const char *)&c, 1);
        break;
    case '~': /* non-breaking space */
        rtf_put_text(r, " ", 1);
        break;
    case '_': /* non-breaking hyphen */
        rtf_put_text(r, "-", 1);
        break;
    case '\r':
    case '\n': /* a backslash before a line end is \par */
        rtf_put_text(r, "\n", 1);
        break;
    default: /* \- optional hyphen, \| \: and the unknown */
        break;
    }
}

/* rtf_control - after a backslash: a control word with its optional
 * parameter and delimiter, or a control symbol */
static void rtf_control(struct rtf_parser *r)
{
    char name[RTF_MAX_WORD + 1];
    size_t n = 0;
    bool has_param = false, negative = false;
    long param = 0;

    if (r->p >= r->end)
        return;
    if (!rtf_is_letter(*r->p)) {
        rtf_control_symbol(r, *r->p++);
        return;
    }
    while (r->p < r->end && rtf_is_letter(*r->p)) {
        if (n < RTF_MAX_WORD)
            name[n] = (char)*r->p;
        n++;
        r->p++;
    }
    if (r->p < r->end && *r->p == '-' && r->p + 1 < r->end && rtf_is_digit(r->p[1])) {
        negative = true;
        r->p++;
    }
    while (r->p < r->end && rtf_is_digit(*r->p)) {
        has_param = true;
        param = param < RTF_MAX_PARAM / 10 ? param * 10 + (*r->p - '0') : RTF_MAX_PARAM;
        r->p++;
    }
    if (negative)
        param = -param;
    if (r->p < r->end && *r->p == ' ')
        r->p++;
    if (n > RTF_MAX_WORD) {
        /* no such word; it still ends a \* destination marker */
        if (r->star && !rtf_skipping(r))
            rtf_dest(r, RTF_REOPEN_NONE);
        r->star = false;
        rtf_uc_consume(r);
        return;
    }
    name[n] = '\0';
    rtf_control_word(r, name, has_param, param);
}

static void rtf_text_byte(struct rtf_parser *r, unsigned char c)
{
    r->star = false;
    if (rtf_skipping(r) || rtf_uc_consume(r))
        return;
    rtf_put_byte(r, c);
}

enum sl_status rtf_to_text(const char *data, size_t len, size_t max_out, struct buf *out,
                           bool *truncated)
{
    struct rtf_parser parser;
    struct rtf_parser *r = &parser;

    memset(r, 0, sizeof *r);
    *truncated = false;
    r->p = (const unsigned char *)data;
    r->end = r->p + len;
    r->groups[0].uc = 1; /* the default is \uc1 */
    r->out = out;
    r->base = out->len;
    r->max_out = max_out;
    r->truncated = truncated;

    while (r->p < r->end && !r->stop) {
        unsigned char c = *r->p++;
        switch (c) {
        case '{':
            rtf_group_open(r);
            break;
        case '}':
            rtf_group_close(r);
            break;
        case '\\':
            rtf_control(r);
            break;
        case '\r':
        case '\n':
            break;
        default:
            rtf_text_byte(r, c);
            break;
        }
    }
    rtf_flush_high(r);
    /* the last line ends like the others */
    if (!r->stop && out->len > r->base && out->data[out->len - 1] != '\n' &&
        out->len - r->base < max_out)
        rtf_put_raw(r, "\n", 1);
    return r->st;
}
