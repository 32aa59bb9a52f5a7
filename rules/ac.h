/*
 * ac - Aho-Corasick multi-literal matcher over bytes.
 *
 * Thousands of dictionary terms are matched in one pass over the text, in time
 * linear in the text length whatever the number of terms (the alternative, one
 * PCRE2 alternation of every term, slows down with the dictionary; see
 * bench/). Terms are added, the automaton is compiled once, and after
 * ac_compile() it is read-only: any number of threads may scan with it.
 *
 * Layout: a sparse automaton (sorted edges per state plus failure links),
 * with a dense 256-entry table for the root so that restarts cost one load.
 * Memory is about 25 bytes per state, a state per distinct prefix.
 */
#ifndef SLUIS_AC_H
#define SLUIS_AC_H

#include <stddef.h>
#include <stdint.h>

#include "../common/status.h"

struct ac;

/* ac_match_fn - called for every occurrence, in order of its end offset:
 * bytes [start, end) of the text match the term added with value. Return 0 to
 * continue, non-zero to stop the scan. */
typedef int (*ac_match_fn)(void *ctx, size_t start, size_t end, uint32_t value);

/* ac_new - an empty automaton; NULL when out of memory */
struct ac *ac_new(void);

/* ac_add - add term pat[0..len) (borrowed) with a caller-chosen value; the
 * same term may be added more than once with different values. Only before
 * ac_compile. SL_EINVAL for an empty term. */
enum sl_status ac_add(struct ac *ac, const char *pat, size_t len, uint32_t value);

/* ac_compile - build failure links; after this the automaton is read-only */
enum sl_status ac_compile(struct ac *ac);

/* ac_scan - report every occurrence of every term in text[0..len) */
void ac_scan(const struct ac *ac, const char *text, size_t len, ac_match_fn fn, void *ctx);

/* ac_scan_words - report the occurrences that can be whole words: those
 * starting at a character that is not a letter or digit, or after one (or
 * at the start), in order of their start offset (fold_is_word() says what a
 * letter or digit is; text is folded UTF-8). The same occurrences as
 * ac_scan() gives, less those starting inside a word, with far less work on
 * text where short terms sit inside longer words. */
void ac_scan_words(const struct ac *ac, const char *text, size_t len, ac_match_fn fn, void *ctx);

/* ac_terms, ac_states, ac_bytes - size figures for logs and benchmarks */
size_t ac_terms(const struct ac *ac);
size_t ac_states(const struct ac *ac);
size_t ac_bytes(const struct ac *ac);

/* ac_free - release the automaton; NULL is fine */
void ac_free(struct ac *ac);

#endif
