/*
 * model - the statistical layer of detection: a linear model over hashed
 * features of one message, with the rule engine's evidence among them.
 *
 * Features (one vector per message, built while detect scans it):
 *
 *   text     from the folded text of each segment (the same folding the
 *            rules match on; never folded twice). Tokens are runs of
 *            letters and digits (bytes a-z, 0-9 and every byte >= 0x80),
 *            each digit written as 0 so that numbers become shapes
 *            ("04-02-1971" gives the tokens 00, 00, 0000). Families:
 *              w  word unigrams            (group "words")
 *              b  word bigrams, "a b"      (group "words")
 *              c  character 3-, 4- and 5-grams of each token padded with a
 *                 space on both sides, as sklearn's char_wb   (group "chars")
 *              s  tokens of the Subject    (group "subject")
 *            Headers other than the Subject (display names) are not read,
 *            nor an HTML body after its plain-text alternative.
 *            Each group's values are 1 + ln(count) (counts saturate at 63),
 *            then divided by the group's L2 norm: a long message weighs no
 *            more than a short one. The norm is taken from the final
 *            counts (the sum of (1 + ln c)^2 over the group's buckets, in
 *            the order they were first hit), so a value may differ from
 *            an implementation that sums otherwise by a rounding in the
 *            last float place.
 *            At most MODEL_TEXT_CAP folded bytes of a message feed the text
 *            features (the rules still read all of it).
 *   e        evidence from the rules, after scoring, value 1 each, not
 *            normalised, each by a stable name: "rule:ID@CONF" for every
 *            finding the rules emitted, "conf:CONF" for the rules' verdict,
 *            "sig:person/N", "sig:health/N" (signal kinds and strengths),
 *            "pair:P+H" (the strongest person x health pair in one unit),
 *            "doc:named", "doc:idgrade", "doc:labelled", "doc:greeted",
 *            "doc:newsletter", "role:NAME" (every role that hit, negatives
 *            such as invoice, newsletter and aggregate context among them),
 *            "id:validated", "id:national" (a national identifier at
 *            medium or more: the one finding that decides alone).
 *
 * Words, pairs, subject words and evidence are hashed as FNV-1a 32-bit
 * (offset basis 2166136261, prime 16777619) over the family letter, a 0x1F
 * byte, then the feature's bytes; a character n-gram (most features, so one
 * multiply instead of a chain of them) as its bytes packed little-endian
 * into 64 bits with 'c' in byte 6 and its length in byte 7, times
 * 0x9E3779B97F4A7C15, bits 32-63. Either modulo MODEL_BUCKETS (2^18): the
 * family in the hash keeps families apart. A bucket hit by more than one
 * group in one message is counted in the group that hit it first.
 *
 * Score: p = 1 / (1 + exp(-(bias + sum w[i] x[i]))). The model file
 * (rules/model/sluis.model, format in rules/README.md) names the spec it was
 * trained for; a file for another spec is refused.
 *
 * Thread safety: a struct model is read-only once loaded and shared; a
 * struct model_scratch belongs to one thread (it hangs off detect_scratch).
 * Memory: model_load returns a model the caller frees with model_free; the
 * scratch allocates its dense arrays once and reuses them, resetting only
 * the entries a message touched.
 */
#ifndef SLUIS_MODEL_H
#define SLUIS_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/status.h"

#define MODEL_VERSION      1
#define MODEL_BUCKETS      (1u << 18)
#define MODEL_TEXT_CAP     (64u * 1024) /* folded bytes of a message that feed text features */
#define MODEL_MAX_BYTES    (8u * 1024 * 1024)
#define MODEL_MAX_EVIDENCE 256 /* evidence features kept per message */
#define MODEL_TOP          4   /* contributions named in an explanation */

enum model_group { MODEL_WORDS = 0, MODEL_CHARS, MODEL_SUBJECT, MODEL_GROUPS };

struct model {
    float *w; /* MODEL_BUCKETS weights */
    double bias, threshold;
    size_t nweights;      /* non-zero weights in the file */
    char provenance[512]; /* the file's provenance line */
    char version[32];     /* "1" */
};

struct model_scratch;

/* model_verdict - what the model says of one message */
struct model_verdict {
    double score; /* p, 0..1 */
    bool sensitive;
    size_t ntop;
    char top[MODEL_TOP][48]; /* evidence names and group names, never text */
};

/* model_load - read and check a model file; NULL with "path:LINE: why" in
 * err when it is bad, or "path: why" when it cannot be read */
struct model *model_load(const char *path, char *err, size_t errlen);
void model_free(struct model *m);

/* model_scratch_new - per-thread feature buffers; NULL when out of memory */
struct model_scratch *model_scratch_new(void);
void model_scratch_free(struct model_scratch *s);

/* model_begin - start a new message (resets what the last one touched);
 * m (may be NULL) is the model that will score it: model_finish sums its
 * weights over the counted features */
void model_begin(struct model_scratch *s, const struct model *m);

/* model_text - add the features of one segment's folded text (borrowed,
 * len bytes); subject says it is the Subject header */
void model_text(struct model_scratch *s, const char *text, size_t len, bool subject);

/* model_evidence - add one evidence feature by name (copied; duplicates
 * are counted once) */
void model_evidence(struct model_scratch *s, const char *name);

/* model_finish - end the message's vector (the norms of its groups) */
enum sl_status model_finish(struct model_scratch *s);

/* model_vector - the vector of the last model_finish, merged: n entries,
 * indices ascending and distinct (what model_score sums, in another
 * order); borrowed until the next model_begin. SL_ENOMEM when out of memory */
enum sl_status model_vector(struct model_scratch *s, const uint32_t **idx, const float **val,
                            size_t *n);

/* model_score - score the finished vector with m into v, naming the top
 * positive contributions (evidence names, "words", "chars", "subject") */
void model_score(const struct model *m, const struct model_scratch *s, struct model_verdict *v);

/* model_spec_lines - the spec lines a model file must carry word for word,
 * NULL-terminated (the training script copies them from `sluis model spec`) */
extern const char *const model_spec_lines[];

/* model_hash - the bucket of a feature of family fam (documented above) */
uint32_t model_hash(char fam, const char *bytes, size_t len);

#endif
