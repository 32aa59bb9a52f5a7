/* test_validate - checksum validators against valid and invalid examples */
#include <string.h>

#include "../../rules/validate.h"
#include "check.h"

int main(void)
{
    static const struct {
        const char *name;
        enum validator v;
        const char *in;
        bool want;
    } cases[] = {
        /* BSN: 9*d1 + ... + 2*d8 - d9 = 0 mod 11 */
        {"bsn nine digits", VALIDATE_BSN, "123456782", true},
        {"bsn 4.2.3 dots", VALIDATE_BSN, "1234.56.782", true},
        {"bsn 3 3 3 spaces", VALIDATE_BSN, "123 456 782", true},
        {"bsn 3.3.3 dots", VALIDATE_BSN, "123.456.782", true},
        {"bsn wrong check digit", VALIDATE_BSN, "123456781", false},
        {"bsn swapped digits", VALIDATE_BSN, "213456782", false},
        {"bsn all zeros", VALIDATE_BSN, "000000000", false},
        {"bsn eight digits, fails", VALIDATE_BSN, "11222333", false},
        {"bsn eight digits, left-padded", VALIDATE_BSN, "10000008", true},
        {"bsn 111222333", VALIDATE_BSN, "111222333", true},
        {"bsn eight digits, bad check", VALIDATE_BSN, "10000006", false},
        {"bsn ten digits", VALIDATE_BSN, "1234567820", false},
        {"bsn seven digits", VALIDATE_BSN, "1234567", false},
        {"bsn letters", VALIDATE_BSN, "12345678a", false},
        /* Belgian national number: 97 - (YYMMDDSSS mod 97) */
        {"be 1985 bare", VALIDATE_BE_NATIONAL, "85073003328", true},
        {"be 1985 card form", VALIDATE_BE_NATIONAL, "85.07.30-033.28", true},
        {"be 1985 spaces", VALIDATE_BE_NATIONAL, "850730 033 28", true},
        {"be wrong check", VALIDATE_BE_NATIONAL, "85073003329", false},
        {"be born 2000+ (2 prefixed)", VALIDATE_BE_NATIONAL, "00010112377", true},
        {"be born 2000+, check fits neither century", VALIDATE_BE_NATIONAL, "00010112350", false},
        {"be month 13", VALIDATE_BE_NATIONAL, "85133003370", false},
        {"be month and day 00", VALIDATE_BE_NATIONAL, "40000095579", true},
        {"be day 32", VALIDATE_BE_NATIONAL, "85073203365", false},
        {"be ten digits", VALIDATE_BE_NATIONAL, "8507300332", false},
        /* BIS: month + 20 or + 40 */
        {"bis month+20", VALIDATE_BE_BIS, "85273003371", true},
        {"bis month+40", VALIDATE_BE_BIS, "85473003317", true},
        {"bis plain month is not bis", VALIDATE_BE_BIS, "85073003328", false},
        {"bis month+20 bad check", VALIDATE_BE_BIS, "85273003372", false},
        {"national rejects bis month", VALIDATE_BE_NATIONAL, "85273003371", false},
        /* RIZIV: 97 - (first six mod 97), or 89 - (first six mod 89) */
        {"riziv mod 97", VALIDATE_RIZIV, "1-23456-25-001", true},
        {"riziv mod 89", VALIDATE_RIZIV, "1-23456-76-001", true},
        {"riziv wrong check", VALIDATE_RIZIV, "1-23456-26-001", false},
        {"riziv short", VALIDATE_RIZIV, "1-23456-25-00", false},
        /* AGB: 8 digits, care type 01..99 */
        {"agb", VALIDATE_AGB, "01012345", true},
        {"agb care type 00", VALIDATE_AGB, "00012345", false},
        {"agb nine digits", VALIDATE_AGB, "010123456", false},
        /* IBAN mod 97 */
        {"iban nl", VALIDATE_IBAN, "NL91ABNA0417164300", true},
        {"iban nl grouped", VALIDATE_IBAN, "NL91 ABNA 0417 1643 00", true},
        {"iban nl lowercase", VALIDATE_IBAN, "nl91abna0417164300", true},
        {"iban be", VALIDATE_IBAN, "BE68539007547034", true},
        {"iban nl bad check", VALIDATE_IBAN, "NL92ABNA0417164300", false},
        {"iban nl wrong length", VALIDATE_IBAN, "NL91ABNA041716430", false},
        {"iban de", VALIDATE_IBAN, "DE89370400440532013000", true},
        {"iban junk", VALIDATE_IBAN, "hello world 12", false},
        /* digits only */
        {"digits", VALIDATE_DIGITS, "12345678901", true},
        {"digits with letter", VALIDATE_DIGITS, "1234x", false},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        bool got = validate_text(cases[i].v, cases[i].in, strlen(cases[i].in));
        CHECK(got == cases[i].want, "%s (%s): got %d, want %d", cases[i].name, cases[i].in, got,
              cases[i].want);
    }
    /* input is pointer + length: nothing past len is read */
    CHECK(validate_text(VALIDATE_BSN, "1234567829999", 9), "bsn prefix of a longer buffer");
    CHECK(!validate_text(VALIDATE_BSN, "123456782", 8), "bsn cut short");
    enum validator v;
    CHECK(validate_by_name("bsn", &v) && v == VALIDATE_BSN, "name bsn");
    CHECK(!validate_by_name("bsnx", &v), "unknown name");
    return check_summary("test_validate");
}
