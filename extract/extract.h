/*
 * extract - from an RFC 5322 message to the text a person can read.
 *
 * The only module that sees GMime. It walks the MIME tree and produces text
 * segments (rules/detect.h) in UTF-8: the Subject and other human-readable
 * headers (RFC 2047 decoded), display names, text/plain (format=flowed
 * joined, inline uuencode decoded), text/html as text, text-like attachments
 * (csv, txt, ics, vcf, xml, json, tsv), nested message/rfc822 at any depth
 * within the limits, and attachment file names. Every charset is converted to
 * UTF-8; undecodable bytes are replaced, never fatal.
 *
 * Limits (struct extract_limits, each configurable): header bytes, MIME
 * depth, parts, decoded bytes per part and per message, total text, scan
 * time. Reaching one is recorded as a note (category "unscannable") and the
 * rest of the message is still scanned as far as the limit allows. Attached
 * documents (PDF, Office, OpenDocument, legacy Office, RTF, zip, gzip) go to
 * an extraction worker (attach/pool.h) and come back as segments located
 * inside them ("attachment:brief.pdf page 2"); a message attached as a .eml
 * file is read as a message; images are recorded as such. Nothing is
 * skipped silently.
 *
 * Call extract_init() once before threads start. An extraction owns all its
 * memory; extract_free() releases it.
 */
#ifndef SLUIS_EXTRACT_H
#define SLUIS_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../attach/pool.h"
#include "../common/status.h"
#include "../rules/detect.h"

struct extract_limits {
    size_t max_header_bytes;     /* header section of the top-level message */
    unsigned max_depth;          /* nesting of multiparts and messages */
    unsigned max_parts;          /* MIME parts in all */
    size_t max_part_bytes;       /* decoded bytes of one part */
    size_t max_message_bytes;    /* decoded bytes of all parts */
    size_t max_text_bytes;       /* text handed to detection */
    unsigned max_scan_ms;        /* wall time for extraction and detection */
    struct attach_limits attach; /* attached documents, read by workers */
};

/* a part or limit that kept something from being read */
struct extract_note {
    char rule[48];   /* "unscannable.depth-limit", "unscannable.not-scanned" */
    char where[160]; /* "attachment:ontslagbrief.pdf (application/pdf)" */
    bool incomplete; /* the part escaped scanning (a limit, a reader that could not
                      * finish); false when nothing was missed: an encrypted part, an
                      * image, a part whose bytes were scanned as raw text instead */
};

struct extraction {
    struct text_segment *segs;
    size_t nsegs, cap_segs;
    struct extract_note *notes;
    size_t nnotes, cap_notes;
    bool newsletter;   /* List-Unsubscribe or List-Id present */
    bool parsed;       /* false: not MIME at all; scanned as raw text */
    size_t text_bytes; /* total text in segments */
    uint64_t deadline_ns;
    /* owned strings */
    char **owned;
    size_t nowned, cap_owned;
};

/* extract_init - initialise GMime once per process */
void extract_init(void);

/* extract_limits_default - the embedded defaults */
void extract_limits_default(struct extract_limits *l);

/* extract_limits_set - set one limit by name ("max_parts") from text; on error
 * returns SL_EINVAL with a message in err */
enum sl_status extract_limits_set(struct extract_limits *l, const char *name, const char *value,
                                  char *err, size_t errlen);

/* extract_message - read the message in data[0..len) (borrowed; may hold any
 * bytes) into out (caller zeroes it, frees it with extract_free). Only
 * SL_ENOMEM is an error: malformed input yields notes and whatever text
 * could be read. Attached documents (PDF, Office, zip, RTF) are read by the
 * workers of pool; with pool NULL they are recorded as not scanned. */
enum sl_status extract_message(const char *data, size_t len, const struct extract_limits *lim,
                               struct attach_pool *pool, struct extraction *out);

void extract_free(struct extraction *ex);

#endif
