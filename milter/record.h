/*
 * record - sluis-milter's side of the metrics (store/): one event per
 * outgoing message into the writer, the senders' pseudonyms, and the
 * false-positive tokens of the sender's notices.
 *
 * One recorder per process, made at start when metrics_store is set and
 * kept over reloads (a changed metrics_* key takes effect at the next
 * start: the writer owns an open store, a spill file and a queue that a
 * reload must not drop). Sessions borrow it through their snapshot.
 * Thread-safe: the key is read-only after start, the writer takes pushes
 * from every thread.
 */
#ifndef SLUIS_RECORD_H
#define SLUIS_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../store/event.h"
#include "../store/pseudo.h"
#include "config.h"

/* the false-positive token: 32 random bytes, base64url without padding */
#define RECORD_FP_TOKEN_LEN 43

struct recorder;

/* recorder_key_check - can the key of c be loaded? err says why not, with
 * what to do (for -n and the start) */
bool recorder_key_check(const struct milter_config *c, char *err, size_t errlen);

/* recorder_start - load metrics_key and start the writer on metrics_store
 * (writer.h: a store that cannot be opened yet is not fatal, events spill
 * until it can; the reason is logged). Errors: the key, the spill file. */
enum sl_status recorder_start(const struct milter_config *c, struct recorder **out, char *err,
                              size_t errlen);

/* recorder_dry - for -t: the key when it can be loaded (else pseudonyms
 * show as "-"), no writer: events are printed, not stored */
struct recorder *recorder_dry(const struct milter_config *c);

/* recorder_stop - flush, stop the writer, log its figures; NULL is fine */
void recorder_stop(struct recorder *r);

/* recorder_same - does c name the store, key and spill file r runs on? */
bool recorder_same(const struct recorder *r, const struct milter_config *c);

/* recorder_sender - the pseudonym of address (angle brackets allowed)
 * into e->sender ("-" without a key) */
void recorder_sender(const struct recorder *r, const char *address, struct event *e);

/* recorder_push - e into the store, with the sender's sealed address
 * (address NULL: none); a dry recorder prints it to f instead */
void recorder_push(struct recorder *r, const struct event *e, const char *address, FILE *f);

/* recorder_flush - wait until every pushed event is stored or spilled */
void recorder_flush(struct recorder *r);

/* record_fp_token - a new false-positive token (RECORD_FP_TOKEN_LEN
 * URL-safe characters) and the hex SHA-256 of its text, which is all the
 * event keeps. false when no random bytes could be had. */
bool record_fp_token(char token[RECORD_FP_TOKEN_LEN + 1], char hash[EVENT_HASH_LEN + 1]);

/* record_print - e as one line of "name=value" fields (for -t), no
 * address in it */
void record_print(const struct event *e, FILE *f);

#endif
