/*
 * validate - checksums of Dutch and Belgian identifiers, and IBAN.
 *
 * Pure functions, no allocation, thread-safe. Input is pointer + length and is
 * never read past len.
 */
#include "validate.h"

#include <ctype.h>
#include <string.h>

bool validate_by_name(const char *name, enum validator *out)
{
    static const struct {
        const char *name;
        enum validator v;
    } names[] = {
        {"none", VALIDATE_NONE},
        {"bsn", VALIDATE_BSN},
        {"be-national", VALIDATE_BE_NATIONAL},
        {"be-bis", VALIDATE_BE_BIS},
        {"riziv", VALIDATE_RIZIV},
        {"agb", VALIDATE_AGB},
        {"iban", VALIDATE_IBAN},
        {"digits", VALIDATE_DIGITS},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(names[i].name, name) == 0) {
            *out = names[i].v;
            return true;
        }
    }
    return false;
}

size_t validate_digits(const char *text, size_t len, char *out, size_t outlen)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= '0' && c <= '9') {
            if (n + 1 >= outlen)
                return 0;
            out[n++] = (char)c;
        } else if (c != ' ' && c != '.' && c != '-' && c != '/') {
            return 0;
        }
    }
    if (outlen)
        out[n] = '\0';
    return n;
}

static bool all_digits(const char *d, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (d[i] < '0' || d[i] > '9')
            return false;
    return true;
}

bool validate_bsn(const char *digits, size_t len)
{
    char d[9];

    if ((len != 8 && len != 9) || !all_digits(digits, len))
        return false;
    /* 8-digit numbers are left-padded to 9 */
    memset(d, '0', sizeof d);
    memcpy(d + 9 - len, digits, len);
    long sum = 0;
    bool nonzero = false;
    for (int i = 0; i < 8; i++) {
        sum += (long)(9 - i) * (d[i] - '0');
        nonzero |= d[i] != '0';
    }
    sum -= d[8] - '0';
    nonzero |= d[8] != '0';
    return nonzero && sum % 11 == 0;
}

static long digits_value(const char *d, size_t len)
{
    long v = 0;
    for (size_t i = 0; i < len; i++)
        v = v * 10 + (d[i] - '0');
    return v;
}

/* be_check - the mod-97 check of an 11-digit Belgian number, with the
 * before-2000 and from-2000 variants */
static bool be_check(const char *d)
{
    long base = digits_value(d, 9);
    long cc = digits_value(d + 9, 2);
    if (97 - base % 97 == cc)
        return true;
    return 97 - (2000000000L + base) % 97 == cc;
}

static bool be_number(const char *digits, size_t len, int month_offset_a, int month_offset_b)
{
    if (len != 11 || !all_digits(digits, len))
        return false;
    int month = (int)digits_value(digits + 2, 2);
    int day = (int)digits_value(digits + 4, 2);
    int m = -1;
    if (month - month_offset_a >= 0 && month - month_offset_a <= 12)
        m = month - month_offset_a;
    else if (month - month_offset_b >= 0 && month - month_offset_b <= 12)
        m = month - month_offset_b;
    if (m < 0 || day > 31)
        return false;
    return be_check(digits);
}

bool validate_be_national(const char *digits, size_t len)
{
    return be_number(digits, len, 0, 0);
}

bool validate_be_bis(const char *digits, size_t len)
{
    return be_number(digits, len, 20, 40);
}

bool validate_riziv(const char *digits, size_t len)
{
    if (len != 11 || !all_digits(digits, len))
        return false;
    long base = digits_value(digits, 6);
    long cc = digits_value(digits + 6, 2);
    if (base == 0)
        return false;
    return 97 - base % 97 == cc || 89 - base % 89 == cc;
}

bool validate_agb(const char *digits, size_t len)
{
    if (len != 8 || !all_digits(digits, len))
        return false;
    return !(digits[0] == '0' && digits[1] == '0');
}

bool validate_iban(const char *text, size_t len)
{
    char s[40];
    size_t n = 0;

    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ')
            continue;
        if (!isalnum(c) || n >= 34)
            return false;
        s[n++] = (char)toupper(c);
    }
    if (n < 15 || !isalpha((unsigned char)s[0]) || !isalpha((unsigned char)s[1]) ||
        !isdigit((unsigned char)s[2]) || !isdigit((unsigned char)s[3]))
        return false;
    static const struct {
        const char cc[3];
        size_t len;
    } lengths[] = {{"NL", 18}, {"BE", 16}, {"DE", 22}, {"FR", 27}, {"LU", 20}, {"GB", 22}};
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++)
        if (s[0] == lengths[i].cc[0] && s[1] == lengths[i].cc[1] && n != lengths[i].len)
            return false;
    /* ISO 7064 mod 97-10 over BBAN + country + check, letters as 10..35 */
    long rem = 0;
    for (size_t k = 0; k < n; k++) {
        char c = s[(k + 4) % n];
        if (isdigit((unsigned char)c))
            rem = (rem * 10 + (c - '0')) % 97;
        else
            rem = (rem * 100 + (c - 'A' + 10)) % 97;
    }
    return rem == 1;
}

bool validate_text(enum validator v, const char *text, size_t len)
{
    char d[40];
    size_t n;

    if (v == VALIDATE_NONE)
        return true;
    if (v == VALIDATE_IBAN)
        return validate_iban(text, len);
    n = validate_digits(text, len, d, sizeof d);
    if (n == 0)
        return false;
    switch (v) {
    case VALIDATE_BSN:
        return validate_bsn(d, n);
    case VALIDATE_BE_NATIONAL:
        return validate_be_national(d, n);
    case VALIDATE_BE_BIS:
        return validate_be_bis(d, n);
    case VALIDATE_RIZIV:
        return validate_riziv(d, n);
    case VALIDATE_AGB:
        return validate_agb(d, n);
    case VALIDATE_DIGITS:
        return true;
    default:
        return false;
    }
}
