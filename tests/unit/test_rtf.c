/* test_rtf - RTF to text: layout, code pages, Unicode, skipped destinations, hostile input */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../attach/rtf.h"
#include "../../attach/charset.h"
#include "check.h"

/* convert - the text of in[0..len) with a cap; NULL text on a failed call */
static char *convert(const char *in, size_t len, size_t max_out, bool *truncated, size_t *outlen)
{
    struct buf b = BUF_INIT;
    enum sl_status st = rtf_to_text(in, len, max_out, &b, truncated);
    if (st != SL_OK) {
        buf_free(&b);
        return NULL;
    }
    return buf_steal(&b, outlen);
}

static void test_cases(void)
{
    static const struct {
        const char *name, *in, *want;
    } cases[] = {
        {"paragraphs", "{\\rtf1\\ansi Hallo\\par wereld}", "Hallo\nwereld\n"},
        {"two pars without delimiter", "{\\rtf1 a\\par\\par b}", "a\n\nb\n"},
        {"line, page, sect, tab", "{\\rtf1 a\\tab b\\line c\\page d\\sect e}", "a\tb\nc\nd\ne\n"},
        {"escaped line end is a par", "{\\rtf1 a\\\nb}", "a\nb\n"},
        {"raw line ends ignored", "{\\rtf1 ab\r\ncd}", "abcd\n"},
        {"tables skipped",
         "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fswiss Arial;}{\\f1 Times;}}"
         "{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\s0 Normal;}{\\s1 heading 1;}}"
         "{\\info{\\title Geheim}{\\author Jansen}}\\f0 Tekst\\par}",
         "Tekst\n"},
        {"list and theme tables skipped",
         "{\\rtf1{\\*\\listtable{\\list{\\listlevel{\\leveltext \\'01\\u-3913 ?;}}}}"
         "{\\listoverridetable{\\listoverride}}{\\*\\themedata 504b0304}"
         "{\\*\\colorschememapping 3c3f786d}{\\*\\datastore "
         "0105}{\\*\\latentstyles{\\lsdlockedexcept "
         "Normal;}}zichtbaar}",
         "zichtbaar\n"},
        {"cp1252 by default", "{\\rtf1\\ansi Caf\\'e9 Zo\\'eb \\'80 5}", "Café Zoë € 5\n"},
        {"cp1252 hex in capitals", "{\\rtf1\\ansi\\ansicpg1252 Zo\\'EB}", "Zoë\n"},
        {"cp1250", "{\\rtf1\\ansi\\ansicpg1250 \\'a3ukasz \\'8cl\\'b9sk}", "Łukasz Śląsk\n"},
        {"cp437 by \\pc", "{\\rtf1\\pc M\\'81ller}", "Müller\n"},
        {"cp850 by \\ansicpg", "{\\rtf1\\ansi\\ansicpg850 Zo\\'89}", "Zoë\n"},
        {"mac roman", "{\\rtf1\\mac Zo\\'91}", "Zoë\n"},
        {"unknown code page is 1252", "{\\rtf1\\ansi\\ansicpg932 Zo\\'eb}", "Zoë\n"},
        {"undefined byte dropped", "{\\rtf1 a\\'81b}", "ab\n"},
        {"raw 8-bit text in the code page", "{\\rtf1 caf\xe9}", "café\n"},
        {"ascii by hex", "{\\rtf1 \\'41\\'62}", "Ab\n"},
        {"\\u with \\uc1 fallback", "{\\rtf1\\ansi\\uc1 Zo\\u235?\\par}", "Zoë\n"},
        {"\\u with hex fallback", "{\\rtf1\\uc1 Zo\\u235\\'eb!}", "Zoë!\n"},
        {"\\uc2 skips two", "{\\rtf1\\uc2 caf\\u233 xx ok}", "café ok\n"},
        {"\\uc0 skips none", "{\\rtf1\\uc0 A\\u8364 B}", "A€B\n"},
        {"default \\uc is 1", "{\\rtf1 \\u246 ok}", "ök\n"},
        {"\\uc is scoped to its group", "{\\rtf1{\\uc3 a\\u233 xyz}b\\u233 ?c}", "aébéc\n"},
        {"negative \\u", "{\\rtf1 \\u-3913 ?}", "\xef\x82\xb7\n"},
        {"surrogate pair joined", "{\\rtf1 \\u-10179?\\u-8704?!}", "\xf0\x9f\x98\x80!\n"},
        {"lone high surrogate", "{\\rtf1 \\u-10179?x}", "\xef\xbf\xbdx\n"},
        {"lone low surrogate", "{\\rtf1 \\u-8704?x}", "\xef\xbf\xbdx\n"},
        {"fallback skip ends at a brace", "{\\rtf1\\uc4 {a\\u233}bc}", "aébc\n"},
        {"table rows are lines",
         "{\\rtf1\\trowd\\cellx1000\\cellx2000\\pard\\intbl Jansen\\cell COPD\\cell\\row"
         "\\trowd\\cellx1000\\cellx2000\\pard\\intbl Pietersen\\cell astma\\cell\\row\\pard na}",
         "Jansen | COPD\nPietersen | astma\nna\n"},
        {"Word table with row group",
         "{\\rtf1{\\pard\\intbl {a\\cell }{b\\cell }}{\\trowd\\cellx1\\cellx2\\row }\\pard x}",
         "a | b\nx\n"},
        {"nested table cells",
         "{\\rtf1 a\\nestcell b\\nestcell{\\*\\nesttableprops\\nestrow}\\cell\\row}", "a | b | \n"},
        {"header and footer kept",
         "{\\rtf1{\\header\\pard Pati\\'ebnt Jansen\\par}{\\footerr Pagina 1\\par}Body\\par}",
         "Patiënt Jansen\nPagina 1\nBody\n"},
        {"footnote kept", "{\\rtf1 Tekst{\\super\\chftn}{\\footnote\\pard Voetnoot\\par}\\par}",
         "TekstVoetnoot\n\n"},
        {"field result kept, instruction dropped",
         "{\\rtf1{\\field{\\*\\fldinst{ HYPERLINK \"http://x/123456782\" "
         "}}{\\fldrslt{Klik}}}\\par}",
         "Klik\n"},
        {"pictures skipped",
         "{\\rtf1 a{\\*\\shppict{\\pict\\pngblip\\picw10 89504e47}}{\\nonshppict{\\pict 0102}}b}",
         "ab\n"},
        {"object data skipped, result kept",
         "{\\rtf1{\\object\\objemb{\\*\\objclass Word.Document.8}{\\*\\objdata 0102ff}"
         "{\\result{\\rtlch zichtbaar}}}}",
         "zichtbaar\n"},
        {"unknown \\* destination skipped with its groups",
         "{\\rtf1 a{\\*\\onbekend b{\\c}{\\d{e}}\\par}f}", "af\n"},
        {"unknown plain word ignored", "{\\rtf1 a\\onbekend b}", "ab\n"},
        {"encapsulated HTML tags skipped",
         "{\\rtf1\\fromhtml1 {\\*\\htmltag <b>}vet{\\*\\htmltag </b>}}", "vet\n"},
        {"\\upr keeps the Unicode copy only",
         "{\\rtf1{\\upr{\\f1 Zo\\'eb}{\\*\\ud{\\f1 Zo\\u235 ?}}}!}", "Zoë!\n"},
        {"\\ud outside \\upr is text", "{\\rtf1 {\\*\\ud x}}", "x\n"},
        {"shape properties skipped, shape text kept",
         "{\\rtf1{\\shp{\\*\\shpinst{\\sp{\\sn fill}{\\sv 1}}{\\shptxt Vak}}}}", "Vak\n"},
        {"\\bin data with braces skipped", "{\\rtf1 a{\\*\\blob\\bin6 }}{{}\\}b}", "ab\n"},
        {"\\bin outside a destination", "{\\rtf1 a\\bin3 xyzb}", "ab\n"},
        {"\\bin past the end", "{\\rtf1 a\\bin999999999999 xyz}", "a\n"},
        {"\\bin negative", "{\\rtf1 a\\bin-5 x}", "ax\n"},
        {"control symbols", "{\\rtf1 a\\~b\\_c\\-d\\\\e\\{f\\}}", "a b-cd\\e{f}\n"},
        {"named punctuation",
         "{\\rtf1 \\lquote a\\rquote  \\ldblquote b\\rdblquote  \\emdash \\endash \\bullet}",
         "‘a’ “b” —–•\n"},
        {"unbalanced closing braces", "}}}{\\rtf1 a}}}b", "ab\n"},
        {"unclosed destination", "{\\rtf1 a{\\fonttbl x", "a\n"},
        {"bad hex escapes", "{\\rtf1 a\\'zzb\\'4}", "azzb4\n"},
        {"backslash at the end", "{\\rtf1 a\\", "a\n"},
        {"hex escape cut at the end", "{\\rtf1 a\\'e", "ae\n"},
        {"control word at the end", "{\\rtf1 a\\par", "a\n"},
        {"long unknown word", "{\\rtf1 a\\abcdefghijklmnopqrstuvwxyzabcdefghijkl b}", "ab\n"},
        {"long word after \\* is a destination",
         "{\\rtf1 a{\\*\\abcdefghijklmnopqrstuvwxyzabcdefghijkl b}c}", "ac\n"},
        {"control characters dropped", "{\\rtf1 a\x01\x1f\\'07b}", "ab\n"},
        {"not RTF at all", "gewone tekst", "gewone tekst\n"},
        {"empty document", "{\\rtf1}", ""},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        bool trunc = true;
        size_t n = 0;
        char *got = convert(cases[i].in, strlen(cases[i].in), 1 << 20, &trunc, &n);
        CHECK(got && strcmp(got, cases[i].want) == 0 && n == strlen(cases[i].want) && !trunc,
              "%s: got '%s', want '%s'", cases[i].name, got ? got : "(null)", cases[i].want);
        free(got);
    }
}

static void test_depth(void)
{
    /* 256 nested groups are read; the 257th is not */
    static const struct {
        const char *name;
        size_t depth;
        const char *want;
    } cases[] = {
        {"depth 200", 200, "x\ny\n"},
        {"depth 256", 256, "x\ny\n"},
        {"depth 257", 257, "y\n"},
        {"depth 100000", 100000, "y\n"},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        size_t d = cases[i].depth, len = 2 * d + 8;
        char *in = malloc(len);
        size_t k = 0;
        for (size_t j = 0; j < d; j++)
            in[k++] = '{';
        /* NOLINTNEXTLINE(bugprone-not-null-terminated-result): input is pointer + length */
        memcpy(in + k, "x\\par ", 6);
        k += 6;
        for (size_t j = 0; j < d; j++)
            in[k++] = '}';
        in[k++] = 'y';
        bool trunc;
        char *got = convert(in, k, 1 << 20, &trunc, NULL);
        CHECK(got && strcmp(got, cases[i].want) == 0, "%s: got '%s', want '%s'", cases[i].name,
              got ? got : "(null)", cases[i].want);
        free(got);
        free(in);
    }
    /* unclosed: a million opening braces, then text */
    size_t len = 1000000;
    char *in = malloc(len + 1);
    memset(in, '{', len);
    in[len] = 'z';
    bool trunc;
    char *got = convert(in, len + 1, 1 << 20, &trunc, NULL);
    CHECK(got && strcmp(got, "") == 0, "a million open groups: got '%s'", got ? got : "(null)");
    free(got);
    free(in);
}

static void test_cap(void)
{
    static const struct {
        const char *name, *in;
        size_t max;
        const char *want;
        bool truncated;
    } cases[] = {
        {"fits with its newline", "{\\rtf1 abc}", 4, "abc\n", false},
        {"fits without the final newline", "{\\rtf1 abc}", 3, "abc", false},
        {"cut", "{\\rtf1 abcdef\\par}", 3, "abc", true},
        {"never half a character", "{\\rtf1 \\'e9\\'e9\\'e9}", 5, "éé", true},
        {"never half a pair", "{\\rtf1 a\\u-10179?\\u-8704?}", 4, "a", true},
        {"zero", "{\\rtf1 a}", 0, "", true},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        bool trunc = !cases[i].truncated;
        size_t n = 0;
        char *got = convert(cases[i].in, strlen(cases[i].in), cases[i].max, &trunc, &n);
        CHECK(got && strcmp(got, cases[i].want) == 0 && trunc == cases[i].truncated,
              "%s: got '%s' (truncated %d), want '%s' (%d)", cases[i].name, got ? got : "(null)",
              trunc, cases[i].want, cases[i].truncated);
        free(got);
    }
    /* the cap counts what this call appends, not what the buffer held */
    struct buf b = BUF_INIT;
    bool trunc;
    buf_append_str(&b, "vooraf:");
    enum sl_status st = rtf_to_text("{\\rtf1 abcdef}", 14, 4, &b, &trunc);
    CHECK(st == SL_OK && strcmp(b.data, "vooraf:abcd") == 0 && trunc, "append: got '%s'", b.data);
    buf_free(&b);
}

/* a realistic document, cut at every length */
static void test_truncated_input(void)
{
    static const char doc[] =
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times;}}"
        "{\\header\\pard Pati\\'ebnt Zo\\u235?\\par}"
        "{\\*\\generator Writer}\\uc2 A\\u8364\\'80\\'80 {\\pict\\bin4 {{{{}\\par"
        "\\trowd\\pard\\intbl a\\cell b\\cell\\row{\\field{\\*\\fldinst X}{\\fldrslt Y}}}";
    size_t len = sizeof doc - 1, failures = 0;
    for (size_t cut = 0; cut <= len; cut++) {
        /* a copy of exactly cut bytes, so ASan sees any read past the end */
        char *in = malloc(cut ? cut : 1);
        memcpy(in, doc, cut);
        bool trunc;
        size_t n = 0;
        char *got = convert(in, cut, 1 << 20, &trunc, &n);
        if (!got || !charset_utf8_valid(got, n) || trunc)
            failures++;
        free(got);
        free(in);
    }
    CHECK(failures == 0, "truncated input: %zu of %zu lengths failed", failures, len + 1);
    bool trunc;
    char *full = convert(doc, len, 1 << 20, &trunc, NULL);
    const char *want = "Patiënt Zoë\nA€ \na | b\nY\n";
    CHECK(full && strcmp(full, want) == 0, "whole document: got '%s', want '%s'",
          full ? full : "(null)", want);
    free(full);
}

/* random RTF-like bytes: no crash, valid UTF-8, never past the cap */
static void test_random(void)
{
    static const char alphabet[] = "{}\\\\\\'*uc0123456789-abinparcelrowpictfonttbl \r\n\xe9\x80";
    uint32_t seed = 12345;
    size_t failures = 0;
    for (int round = 0; round < 3000; round++) {
        char in[400];
        size_t len = (size_t)round % sizeof in;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            in[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        size_t cap = (size_t)(round % 7) * 16;
        bool trunc;
        size_t n = 0;
        char *out = malloc(len ? len : 1);
        /* cppcheck-suppress uninitvar ; the loop above filled in[0..len) */
        memcpy(out, in, len);
        char *got = convert(out, len, cap, &trunc, &n);
        if (!got || n > cap || !charset_utf8_valid(got, n))
            failures++;
        free(got);
        free(out);
    }
    CHECK(failures == 0, "random input: %zu failures", failures);
}

int main(void)
{
    test_cases();
    test_depth();
    test_cap();
    test_truncated_input();
    test_random();
    return check_summary("test_rtf");
}
