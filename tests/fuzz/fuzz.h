/*
 * fuzz - what the libFuzzer targets in tests/fuzz/ share: invariant checks
 * that abort (so libFuzzer keeps the input as a crash), a private folder
 * for inputs that the code under test reads from a file, and checkers for
 * what the document readers and the detector hand back.
 *
 * Each target is one file with LLVMFuzzerTestOneInput() and a contract
 * comment: what it feeds, and which invariants it checks beyond "no crash,
 * no leak, no undefined behaviour" (ASan, UBSan and LeakSanitizer see to
 * those). Not thread-safe: a target runs one input at a time.
 */
#ifndef SLUIS_FUZZ_H
#define SLUIS_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../attach/doc.h"
#include "../../rules/detect.h"

/* FUZZ_CHECK - an invariant: when cond is false, say which and abort */
#define FUZZ_CHECK(cond, ...)                                                                      \
    do {                                                                                           \
        if (!(cond))                                                                               \
            fuzz_fail(__FILE__, __LINE__, __VA_ARGS__);                                            \
    } while (0)

void fuzz_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 3, 4)));

/* fuzz_rules_dir - this checkout's rules/ (SLUIS_RULES_DIR) */
const char *fuzz_rules_dir(void);

/* fuzz_dir - a private folder for this process, made on first use (under
 * /dev/shm when it exists, else $TMPDIR or /tmp) and removed at exit, or
 * by the next target that starts when this one did not exit */
const char *fuzz_dir(void);

/* fuzz_write - data[0..len) as the file fuzz_dir()/name (name may hold one
 * '/': the folder is made); returns the path, valid until the next call */
const char *fuzz_write(const char *name, const void *data, size_t len);

/* fuzz_link - a symbolic link fuzz_dir()/name to target (made once) */
void fuzz_link(const char *name, const char *target);

/* fuzz_string - a NUL-terminated copy of data[0..len), cut at the first
 * NUL (what libmilter and C string APIs would see); caller frees */
char *fuzz_string(const void *data, size_t len);

bool fuzz_utf8(const char *s, size_t len);

/* a doc_sink that checks what a reader reports: well-formed UTF-8 text,
 * locations that are strings, notes named "unscannable.*" */
struct fuzz_doc_seen {
    size_t text; /* bytes of text */
    size_t segments;
    size_t notes;
};

void fuzz_doc_sink(struct doc_sink *sink, struct fuzz_doc_seen *seen);

/* fuzz_doc_limits - the embedded limits with 64 KiB of text, and OCR kept
 * short: one picture of at most a million pixels, for 300 ms */
void fuzz_doc_limits(struct doc_limits *lim);

/* fuzz_check_masked - a masked value keeps at most four digits in a row
 * and one letter per word: never a whole identifier or name (detect_mask) */
void fuzz_check_masked(const char *masked, size_t outlen);

/* fuzz_check_result - a detection result is consistent: at most
 * DETECT_MAX_FINDINGS, confidences in range, the verdict follows the
 * confidence, every string terminated inside its field, masked values
 * masked, and every location one of the segments' (or one of extra,
 * for notes the scanner adds). utf8: the segments were UTF-8, so the
 * masked values must be too. */
void fuzz_check_result(const struct detect_result *r, const struct text_segment *segs, size_t nsegs,
                       const char *const *extra, size_t nextra, bool utf8);

#endif
