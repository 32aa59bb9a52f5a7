/*
 * ac - the word lists' matcher: a trie of all terms, walked from every place
 * a whole word can start.
 *
 * Thousands of dictionary terms are matched in one pass over the text,
 * whatever the number of terms (the alternative, one PCRE2 alternation of
 * every term, slows down with the dictionary; see bench/). Terms match
 * whole words, so nothing inside a word is looked at: the walk starts only
 * where a word can start and follows the trie as far as the text goes
 * along it. (The name is from the Aho-Corasick automaton this began as; its
 * failure links went when matching inside words was no longer needed.)
 * Terms are added, the trie is compiled once, and after ac_compile() it is
 * read-only: any number of threads may scan with it.
 *
 * Layout: a 12-byte record per edge with what a step needs of the child it
 * leads to, children sorted by byte, and a full table for the first two
 * bytes (256 KiB), where most walks end.
 */
#ifndef SLUIS_AC_H
#define SLUIS_AC_H

#include <stddef.h>
#include <stdint.h>

#include "../common/status.h"

struct ac;

/* ac_match_fn - called for every occurrence: bytes [start, end) of the text
 * match the term added with value. Return 0 to continue, non-zero to stop
 * the scan. */
typedef int (*ac_match_fn)(void *ctx, size_t start, size_t end, uint32_t value);

/* ac_new - an empty trie; NULL when out of memory */
struct ac *ac_new(void);

/* ac_add - add term pat[0..len) (borrowed) with a caller-chosen value; the
 * same term may be added more than once with different values. Only before
 * ac_compile. SL_EINVAL for an empty term. */
enum sl_status ac_add(struct ac *ac, const char *pat, size_t len, uint32_t value);

/* ac_compile - build the walk's records; after this the trie is read-only */
enum sl_status ac_compile(struct ac *ac);

/* ac_scan_words - report every occurrence of every term in text[0..len)
 * that can be a whole word: one starting at a character that is not a
 * letter or digit, or after one (or at the start), in order of its start
 * offset, then its end (fold_is_word() says what a letter or digit is;
 * text is folded UTF-8). Whether it also ends a word is the caller's test. */
void ac_scan_words(const struct ac *ac, const char *text, size_t len, ac_match_fn fn, void *ctx);

/* ac_terms, ac_states, ac_bytes - size figures for logs and benchmarks */
size_t ac_terms(const struct ac *ac);
size_t ac_states(const struct ac *ac);
size_t ac_bytes(const struct ac *ac);

/* ac_free - release the trie; NULL is fine */
void ac_free(struct ac *ac);

#endif
