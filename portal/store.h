/*
 * store - the portal store: messages redirected to the portal, kept
 * encrypted until their recipients pick them up or they expire.
 *
 * Each message is encrypted with AES-256-GCM under a random key of its
 * own; that key is kept wrapped (AES-256-GCM again) by a master key read
 * from a 0600 key file. Each recipient gets an unguessable token (256
 * random bits, base64url) for the pickup link and a six-digit access code
 * the sender gives by phone; the store keeps only a SHA-256 of the token
 * and a keyed hash of the code, so neither a copy of the database nor of
 * the logs opens a message. Five wrong codes lock a token.
 *
 * SQLite in WAL mode with synchronous=FULL: when store_put() returns
 * SL_OK the message is on disk. One connection per store, used under a
 * mutex: any number of threads may share a store. No OpenSSL or SQLite
 * type crosses this header; no error text holds an address, a token, a
 * code or content.
 */
#ifndef SLUIS_STORE_H
#define SLUIS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../common/buf.h"
#include "../common/status.h"

#define STORE_TOKEN_LEN 43 /* base64url of 32 bytes, no padding */
#define STORE_CODE_LEN  6
#define STORE_MAX_TRIES 5

struct store;

/* one recipient's way in, returned once by store_put() */
struct store_pickup {
    char token[STORE_TOKEN_LEN + 1];
    char code[STORE_CODE_LEN + 1];
};

enum store_fetch {
    STORE_FOUND,
    STORE_UNKNOWN,    /* no such token */
    STORE_EXPIRED,    /* the message is past its expiry */
    STORE_WRONG_CODE, /* the code does not match (the try is counted) */
    STORE_LOCKED,     /* too many wrong codes */
    STORE_DAMAGED,    /* the stored message fails authentication */
};

/* store_keygen - a new master key in a new file at path (0600, never
 * overwriting one), as 64 hex digits and a newline */
enum sl_status store_keygen(const char *path, char *err, size_t errlen);

/* store_open - the store in the SQLite file db_path (created 0600 with its
 * schema when absent) with the master key at key_path. The key file must
 * be a regular file that only its owner can read. */
enum sl_status store_open(const char *db_path, const char *key_path, struct store **out, char *err,
                          size_t errlen);

/* store_free - close; NULL is fine */
void store_free(struct store *s);

/* store_put - keep msg[0..len) (borrowed) from sender for the n recipients
 * until expires. id gets the message's id (32 hex digits); pickups[i] the
 * token and code of rcpts[i] (caller's array of n). */
enum sl_status store_put(struct store *s, const void *msg, size_t len, const char *sender,
                         const char *const *rcpts, size_t n, time_t expires, char id[33],
                         struct store_pickup *pickups, char *err, size_t errlen);

/* store_delete - remove the message id (the 32 hex digits store_put gave)
 * with all its pickups, in one transaction: for a caller that could not
 * hand the pickups out (a redirect rolled back). SL_OK also when there is
 * no such message. */
enum sl_status store_delete(struct store *s, const char *id, char *err, size_t errlen);

/* store_fetch - the message behind token, if code is right (code NULL:
 * only whether the token is valid, msg untouched). On STORE_FOUND msg holds
 * the original bytes (reset first) and, if not NULL, rcpt_out the
 * recipient's address. The pickup time is recorded. */
enum store_fetch store_fetch(struct store *s, const char *token, const char *code, struct buf *msg,
                             char *rcpt_out, size_t rcpt_len, char *err, size_t errlen);

/* store_expire - remove messages whose expiry is before now */
enum sl_status store_expire(struct store *s, time_t now, unsigned *removed, char *err,
                            size_t errlen);

const char *store_fetch_name(enum store_fetch f);

#endif
