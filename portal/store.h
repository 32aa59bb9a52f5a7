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
 * the logs opens a message. Five wrong codes lock a token. The store knows
 * its master key by a check value: another key is refused at open.
 *
 * SQLite in WAL mode with synchronous=FULL: when store_put() returns
 * SL_OK the message is on disk. One connection per store, used under a
 * mutex: any number of threads may share a store, and any number of
 * processes may open the same file (a connection waits for another's
 * write lock, see store_busy_timeout). No OpenSSL or SQLite
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
    STORE_LOCKED,     /* STORE_MAX_TRIES wrong codes: no code is compared any more */
    STORE_DAMAGED,    /* the stored message fails authentication */
    STORE_FAILED,     /* the database stayed busy or failed: no code compared; err says why */
};

/* store_keygen - a new master key in a new file at path (0600, never
 * overwriting one), as 64 hex digits and a newline */
enum sl_status store_keygen(const char *path, char *err, size_t errlen);

/* flags of store_open() */
#define STORE_CREATE 1u /* create the file (0600) and its schema when absent */

/* store_open - the store in the SQLite file db_path with the master key at
 * key_path (both borrowed). The key file must be a regular file that only
 * its owner can read. With STORE_CREATE in flags a missing file is created
 * with its schema: only the writer meant to make the store passes it (the
 * milter, which keeps messages, and `sluis portal init`). Without it
 * nothing is ever created: a missing file is SL_EIO "no portal store at
 * PATH", and a file without the store's schema is SL_EINVAL. The store
 * keeps a check value of its master key (an HMAC-SHA256 under the key of a
 * fixed label): another key is SL_EINVAL "the master key does not match
 * this store", before any token is looked at, so it spends no try. A
 * store made before the check value gets it on its first open, if the key
 * unwraps a stored message key (or none is stored yet). *out is the
 * caller's (store_free) on SL_OK, NULL otherwise. Errors: SL_EIO (files,
 * SQLite, a damaged check value), SL_EINVAL (key file mode, another key,
 * not a store), SL_EPARSE (key text), SL_ENOMEM; err says which, without
 * any content. */
enum sl_status store_open(const char *db_path, const char *key_path, unsigned flags,
                          struct store **out, char *err, size_t errlen);

/* store_busy_timeout - how long a call waits for another connection's
 * write lock before it fails (STORE_FAILED, SL_EIO); 5 s after
 * store_open */
void store_busy_timeout(struct store *s, int ms);

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
 * only whether the token is valid, msg untouched, no try counted). On
 * STORE_FOUND msg holds the original bytes (reset first) and, if not NULL,
 * rcpt_out the recipient's address; the pickup time is recorded.
 *
 * Tries are counted in the database, so the limit holds across threads
 * and processes: a code is compared only after its try is committed (one
 * write transaction checks the count and adds one), so at most
 * STORE_MAX_TRIES codes are ever compared for a token. A right code gives
 * its try back; wrong ones stay counted for the token's life, whatever
 * opened in between. A database that stays busy past the timeout (see
 * store_busy_timeout) is STORE_FAILED, never a wrong code; a try already
 * committed then stays spent. */
enum store_fetch store_fetch(struct store *s, const char *token, const char *code, struct buf *msg,
                             char *rcpt_out, size_t rcpt_len, char *err, size_t errlen);

/* store_expire - remove messages whose expiry is before now */
enum sl_status store_expire(struct store *s, time_t now, unsigned *removed, char *err,
                            size_t errlen);

const char *store_fetch_name(enum store_fetch f);

#endif
