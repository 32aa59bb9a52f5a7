/*
 * validate - checksums of Dutch and Belgian identifiers, and IBAN.
 *
 * Pure functions over a borrowed buffer (pointer + length, not
 * NUL-terminated); thread-safe; no allocation. The *_text variants accept the
 * written forms people use (dots, spaces, dashes between digit groups) and
 * ignore those separators; every other character makes the input invalid.
 */
#ifndef SLUIS_VALIDATE_H
#define SLUIS_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

/* Which checksum a rule asks for; VALIDATE_NONE accepts every match. */
enum validator {
    VALIDATE_NONE = 0,
    VALIDATE_BSN,
    VALIDATE_BE_NATIONAL, /* national register number (rijksregisternummer) */
    VALIDATE_BE_BIS,      /* BIS number: month + 20 or + 40 */
    VALIDATE_RIZIV,
    VALIDATE_AGB,
    VALIDATE_IBAN,
    VALIDATE_DIGITS, /* digits only, no checksum (BIG, UZI) */
};

/* validate_by_name - map a rule file's name ("bsn", "be-national", ...) to a
 * validator; false when the name is unknown */
bool validate_by_name(const char *name, enum validator *out);

/* validate_text - run validator v over text (separators ignored) */
bool validate_text(enum validator v, const char *text, size_t len);

/* validate_digits - copy the digits of text into out (at most outlen-1, NUL
 * added); returns the digit count, or 0 when text has a character other than
 * a digit or a separator (space, dot, dash, slash), or too many digits */
size_t validate_digits(const char *text, size_t len, char *out, size_t outlen);

/* validate_bsn - Dutch citizen service number: 8 or 9 digits (8 are
 * left-padded with a zero), "elfproef": 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a
 * multiple of 11; all zeros is rejected. Source: Besluit gebruik BSN, the
 * 11-test as published by Logius. */
bool validate_bsn(const char *digits, size_t len);

/* validate_be_national - Belgian national register number, 11 digits
 * YYMMDDSSSCC: CC = 97 - (YYMMDDSSS mod 97), or for births from 2000
 * 97 - (2YYMMDDSSS mod 97). Month 0..12 and day 0..31 (00 allowed for an
 * unknown date). Source: Rijksregister, KB 3 April 1984. */
bool validate_be_national(const char *digits, size_t len);

/* validate_be_bis - as validate_be_national, with the month raised by 20
 * (sex unknown) or 40 (sex known): 20..32 or 40..52. */
bool validate_be_bis(const char *digits, size_t len);

/* validate_riziv - Belgian RIZIV/INAMI care-provider number, 11 digits
 * (1-23456-78-901): the check pair (digits 7-8) is 97 - (first six mod 97), or,
 * for numbers issued since 2013 (RIZIV note I 2012/26), 89 - (first six mod 89). */
bool validate_riziv(const char *digits, size_t len);

/* validate_agb - Dutch AGB code: 8 digits, the first two a care-type code
 * 01..99 (no checksum exists) */
bool validate_agb(const char *digits, size_t len);

/* validate_iban - ISO 13616: country code, two check digits, BBAN; the
 * rearranged number mod 97 is 1; known lengths for NL (18), BE (16), DE (22),
 * FR (27), LU (20), GB (22), otherwise 15..34. Letters any case; spaces ignored. */
bool validate_iban(const char *text, size_t len);

#endif
