/* test_fold - case and diacritic folding, and the offset map */
#include <string.h>

#include "../../rules/fold.h"
#include "check.h"

int main(void)
{
    static const struct {
        const char *name, *in, *want;
    } cases[] = {
        {"ascii lower", "Dhr. JANSEN", "dhr. jansen"},
        {"dutch diaeresis", "Patiënt Cliënte", "patient cliente"},
        {"french accents", "Né le 3 août, hôpital, Ça", "ne le 3 aout, hopital, ca"},
        {"german sharp s", "Straße", "strasse"},
        {"ligatures", "Œdème Æ", "oedeme ae"},
        {"polish and turkish", "Łukasz Yılmaz Şahin", "lukasz yilmaz sahin"},
        {"curly quotes and dashes", "\xe2\x80\x98t Hooft \xe2\x80\x93 ok", "'t hooft - ok"},
        {"no-break space",
         "123\xc2\xa0"
         "456",
         "123 456"},
        {"degree sign stays",
         "38,5 \xc2\xb0"
         "C",
         "38,5 \xc2\xb0"
         "c"},
        {"masculine ordinal as degree",
         "\xc2\xba"
         "1945",
         "\xc2\xb0"
         "1945"},
        {"soft hyphen vanishes",
         "dia\xc2\xad"
         "betes",
         "diabetes"},
        {"cyrillic copied", "\xd0\x94\xd0\xb0", "\xd0\x94\xd0\xb0"},
        {"invalid byte",
         "a\xff"
         "b",
         "a?b"},
        {"truncated sequence", "a\xc3", "a?"},
        {"overlong", "\xc0\xaf", "??"},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        struct folded f;
        enum sl_status st = fold_text(cases[i].in, strlen(cases[i].in), &f);
        CHECK(st == SL_OK && strcmp(f.text, cases[i].want) == 0, "%s: got '%s', want '%s'",
              cases[i].name, st == SL_OK ? f.text : "(error)", cases[i].want);
        fold_free(&f);
    }
    /* the map points back to the original byte each folded byte came from */
    struct folded f;
    const char *in = "Zoë Groß";
    CHECK(fold_text(in, strlen(in), &f) == SL_OK, "fold map input");
    CHECK(strcmp(f.text, "zoe gross") == 0, "map text: got '%s'", f.text);
    CHECK(f.map[2] == 2 && f.map[3] == 4, "map after two-byte letter: got %u,%u", f.map[2],
          f.map[3]);
    CHECK(f.map[7] == 8 && f.map[8] == 8, "ss maps to the sharp s twice: got %u,%u", f.map[7],
          f.map[8]);
    CHECK(f.map[f.len] == strlen(in), "end maps to end: got %u", f.map[f.len]);
    fold_free(&f);
    /* only len bytes are read */
    CHECK(fold_text("abcdef", 3, &f) == SL_OK && strcmp(f.text, "abc") == 0, "pointer+length");
    fold_free(&f);
    return check_summary("test_fold");
}
