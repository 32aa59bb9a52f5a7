/*
 * prefilter - where regular expressions may match, for all of them in one
 * pass over the text (Hyperscan).
 *
 * Each pattern is compiled in Hyperscan's prefilter mode: the database
 * reports a superset of the end offsets at which the pattern matches
 * (lookarounds and other constructs Hyperscan cannot run are relaxed, never
 * tightened). So a pattern the pass does not report cannot match, and a
 * real match [s, e) has e among the reported ends and e - s within the
 * pattern's width bounds. The exact matcher (PCRE2, in pack.c) then runs
 * only where a report says it may find something.
 *
 * Patterns Hyperscan refuses even relaxed are left out: prefilter_has()
 * says so, and the caller runs them everywhere as before. Read-only after
 * prefilter_new(); each thread scans with its own scratch.
 */
#ifndef SLUIS_PREFILTER_H
#define SLUIS_PREFILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/status.h"

struct prefilter;
struct prefilter_scratch;

#define PREFILTER_UNBOUNDED UINT32_MAX

/* prefilter_new - compile n patterns (PCRE2 syntax, matched caseless over
 * UTF-8); pattern i reports with id i, and only its first end when once[i]
 * (once may be NULL). NULL pattern entries are skipped. Returns NULL when
 * nothing could be compiled or memory ran out: the caller then runs every
 * pattern everywhere.
 *
 * Compiling takes a few hundred milliseconds; with a cache folder (NULL:
 * none) the database is kept there as prefilter-SHA256.hsdb, keyed by the
 * patterns, their flags, the Hyperscan version and this CPU's features, and
 * read back in about a millisecond. The folder is made (0700) when missing
 * and used only when it belongs to this user and nobody else may write in
 * it; a cache that cannot be read or written costs a compile, never a
 * result. */
struct prefilter *prefilter_new(const char *const *patterns, const bool *once, size_t n,
                                const char *cache_dir);

/* prefilter_cached - was pf read from the cache rather than compiled? */
bool prefilter_cached(const struct prefilter *pf);

/* prefilter_has - was pattern i taken? Its width bounds in bytes, max
 * PREFILTER_UNBOUNDED when a match can be of any length. */
bool prefilter_has(const struct prefilter *pf, size_t i, uint32_t *min_width, uint32_t *max_width);

/* prefilter_fn - one report: pattern id may match ending at byte end;
 * non-zero stops the scan */
typedef int (*prefilter_fn)(void *ctx, uint32_t id, uint32_t end);

/* prefilter_scratch_new - the scratch one thread scans pf with; NULL when
 * out of memory */
struct prefilter_scratch *prefilter_scratch_new(const struct prefilter *pf);

/* prefilter_scan - report where each taken pattern may match in
 * text[0..len), in no particular order; SL_EINVAL for a text of 4 GiB or
 * more or a failed scan, SL_ELIMIT when the callback stopped it */
enum sl_status prefilter_scan(const struct prefilter *pf, struct prefilter_scratch *s,
                              const char *text, size_t len, prefilter_fn fn, void *ctx);

/* prefilter_scratch_free - NULL is fine */
void prefilter_scratch_free(struct prefilter_scratch *s);

/* prefilter_free - NULL is fine */
void prefilter_free(struct prefilter *pf);

#endif
