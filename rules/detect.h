/*
 * detect - from text segments to findings, a confidence and a verdict.
 *
 * The engine knows nothing of mail: extraction hands it UTF-8 text segments
 * with a location ("header:subject", "attachment:clienten.csv") and a kind.
 * For each segment it folds the text, finds dictionary terms (one
 * Aho-Corasick pass) and pattern hits (PCRE2, validated by checksum), builds
 * person and health signals, and pairs them inside a unit of meaning:
 *
 *   unit    = same paragraph (no blank line between) and at most
 *             DETECT_WINDOW bytes apart; in a table-like segment (CSV,
 *             rows of an HTML table) the same row;
 *   document = one message (a forwarded message is its own document): the
 *             subject pairs with the body, and an identifier-grade person
 *             (date of birth, patient or national number) pairs with health
 *             context anywhere in the document.
 *
 * Scoring (documented per rule in the rule packs and in rules/README.md):
 *   high   a national identifier next to its label; a named person and a
 *          diagnosis, medication, clinical value or code in one unit
 *   medium a named person and a care document (ontslagbrief, zorgplan) in one
 *          unit; an identifier-grade person and health context in one
 *          document; a role word (patiënt) and health context in one unit of
 *          a document that names a person elsewhere; a formatted Belgian
 *          national number without its label
 *   low    single signals: a valid identifier without context, a name, a
 *          health term
 * For the rules alone, a message is sensitive when its highest confidence is
 * medium or high; with a model loaded the combination in detect_result below
 * decides (a national identifier at medium or more, else the model).
 *
 * Thread safety: the pack is shared read-only; a detect_scratch belongs to
 * one thread. Memory for findings is owned by the result (detect_result_free).
 */
#ifndef SLUIS_DETECT_H
#define SLUIS_DETECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/status.h"
#include "model.h"
#include "pack.h"

#define DETECT_WINDOW       300 /* bytes: person and health context in one unit */
#define DETECT_SENTENCE     160 /* bytes: a role word and health context */
#define DETECT_MAX_FINDINGS 64

enum segment_kind {
    SEG_SUBJECT,    /* the Subject header */
    SEG_HEADER,     /* other human-readable headers and display names */
    SEG_BODY,       /* text/plain or text/html of the message */
    SEG_ATTACHMENT, /* a text-like attachment */
    SEG_FILENAME,   /* an attachment's file name */
    SEG_ADDRESSES,  /* "from DOMAIN" / "to DOMAIN" lines of From, To, Cc:
                     * read only for whether a domain is a private mail
                     * provider's (role private-mail), never as text */
};

struct text_segment {
    const char *text; /* UTF-8, borrowed; need not be NUL-terminated */
    size_t len;
    const char *where; /* location for findings, borrowed */
    enum segment_kind kind;
    unsigned doc; /* message (0 = top level) the segment belongs to */
    bool rows;    /* each line is a table row */
    bool raw;     /* the bytes of a part no reader knows, or of a malformed
                   * message, scanned as text: much of it noise. Its words
                   * count only in one case (Word, word, WORD), and the rules,
                   * not the statistical layer, decide on what they find */
};

struct finding {
    char rule[48];
    char category[24];
    char where[160];
    enum confidence confidence;
    char masked[80];
    bool incomplete; /* an unscannable part that escaped scanning (see detect_add_note) */
};

struct detect_result {
    struct finding *findings;
    size_t nfindings, cap;
    enum confidence confidence; /* highest over findings that decide the verdict */
    bool sensitive;
    unsigned regex_limited; /* PCRE2 limit hits (counted as no match) */
    bool truncated;         /* more than DETECT_MAX_FINDINGS */
    bool incomplete;        /* a note said part of the message escaped scanning; kept even
                             * when the findings list is truncated */
    /* the layers apart (rules/model.h). With a model loaded, sensitive above
     * is: a national identifier at medium or more (it decides alone), or
     * the model's score at its threshold (then confidence is medium and a
     * finding "model.linear" names the top features); without one it is
     * the rules' verdict. */
    bool rules_sensitive;
    enum confidence rules_confidence;
    bool model_scored; /* a model was loaded and scored the message */
    struct model_verdict model;
};

struct detect_scratch;

struct detect_scratch *detect_scratch_new(const struct pack *p);
void detect_scratch_free(struct detect_scratch *s);

/* detect_message - score all segments of one message into res (which the
 * caller zeroes first and frees with detect_result_free). newsletter is true
 * when the message carries list headers (List-Unsubscribe, List-Id).
 * deadline_ns: CLOCK_MONOTONIC time after which the remaining segments are
 * not scanned (0 = none); *timed_out tells whether that happened.
 * Returns SL_ENOMEM on allocation failure (the result is then incomplete). */
enum sl_status detect_message(const struct pack *p, struct detect_scratch *s,
                              const struct text_segment *segs, size_t nsegs, bool newsletter,
                              uint64_t deadline_ns, bool *timed_out, struct detect_result *res);

/* detect_add_finding - append a finding (deduplicated on rule, where and
 * masked value); used by the scanner for unscannable parts too */
enum sl_status detect_add_finding(struct detect_result *res, const char *rule, const char *category,
                                  const char *where, enum confidence c, const char *masked);

/* detect_add_note - record a part that could not be read as it is (rule
 * "unscannable.<why>", category "unscannable", confidence none). incomplete
 * says whether the part escaped scanning: true for a limit, a reader that
 * could not finish, a worker that failed; false where nothing was missed (an
 * encrypted part, a part whose bytes were scanned as raw text instead). The
 * one who notes it decides, since only it knows what was read. Sets
 * res->incomplete even when the findings list is full. */
enum sl_status detect_add_note(struct detect_result *res, const char *rule, const char *where,
                               bool incomplete);

void detect_result_free(struct detect_result *res);

/* detect_scratch_features - compute the model's features of every message
 * scanned with s even when the pack has no model (for `sluis model
 * features`); read them with model_vector(detect_scratch_model(s), ...)
 * after detect_message. SL_ENOMEM when the buffers cannot be had. */
enum sl_status detect_scratch_features(struct detect_scratch *s);
struct model_scratch *detect_scratch_model(struct detect_scratch *s);

/* detect_mask - write a masked copy of text[0..len) to out: of a number,
 * the first four and last two digits stay (1234*****82); of words, the
 * first letter of each (J***** d* V****). Always NUL-terminates. */
void detect_mask(const char *text, size_t len, char *out, size_t outlen);

/* detect_now_ns - CLOCK_MONOTONIC in nanoseconds */
uint64_t detect_now_ns(void);

#endif
