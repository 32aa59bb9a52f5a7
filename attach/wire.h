/*
 * wire - the messages between the scanner and its extraction workers.
 *
 * Over a unix stream socket, host byte order (both ends are the same
 * machine and the same build). One request, then records until an END:
 *
 *   request:  struct wire_request, name, mime, data
 *   response: (struct wire_record, where, payload)... END
 *
 * The scanner trusts nothing a worker sends: lengths are checked against
 * WIRE_MAX_WHERE and the text budget, and a record that breaks them ends
 * the exchange as if the worker had died.
 */
#ifndef SLUIS_WIRE_H
#define SLUIS_WIRE_H

#include <stdint.h>

#include "doc.h"

#define WIRE_MAGIC     0x736c7831u /* "slx1" */
#define WIRE_MAX_NAME  1024
#define WIRE_MAX_WHERE 1024
#define WIRE_MAX_DATA  (1024u * 1024 * 1024)

struct wire_request {
    uint32_t magic;
    uint32_t name_len, mime_len;
    uint32_t max_ms; /* CPU seconds are derived from it */
    uint64_t max_mb; /* address space of the worker, MiB; 0: no limit */
    uint64_t data_len;
    struct doc_limits lim;
};

enum wire_type {
    WIRE_END = 0,
    WIRE_TEXT = 1,  /* payload: UTF-8 text */
    WIRE_NOTE = 2,  /* payload: the rule */
    WIRE_USAGE = 3, /* payload: struct doc_usage, once, before END, when OCR ran */
};

struct wire_record {
    uint8_t type;
    uint8_t flag; /* WIRE_TEXT: DOC_TEXT_* (table rows, raw bytes); WIRE_NOTE:
                   * the part escaped scanning (doc_sink's incomplete) */
    uint16_t where_len;
    uint32_t len; /* payload bytes */
};

#endif
