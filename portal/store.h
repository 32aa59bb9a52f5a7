/*
 * store - the portal store: messages redirected to the portal, kept
 * encrypted until they expire or their sender withdraws them, with the
 * recipients' replies, their sessions and what happened to each message.
 *
 * Each message is encrypted with AES-256-GCM under a random key of its
 * own (the DEK). Each recipient gets an unguessable token (256 random
 * bits, base64url) for the pickup link, and the DEK is wrapped (AES-256-
 * GCM) once per recipient under HMAC-SHA256(master, "sluis-pickup:" ||
 * token), the master key read from a 0600 key file. The store keeps only a
 * SHA-256 of each token, so the database and the master key together open
 * nothing without a link (messages kept before version 3 keep their DEK
 * wrapped under the master key alone until they go).
 *
 * A recipient proves to be the one meant by a code: the six-digit access
 * code the sender relays (STORE_VERIFY_CODE), or a one-time code the
 * portal mails or texts (STORE_VERIFY_EMAIL, _SMS; good STORE_OTP_SECONDS,
 * at most STORE_OTP_SENDS an hour). Codes are kept as keyed hashes. Wrong
 * codes of either kind count together: STORE_MAX_TRIES lock a token, and a
 * client address (kept as a keyed hash) with STORE_CLIENT_FAILS wrong codes
 * in an hour is refused for the rest of it. A right code starts a session
 * (the cookie value kept as a SHA-256, the DEK wrapped under a key derived
 * from it) that ends STORE_SESSION_IDLE after its last use, at the latest
 * STORE_SESSION_MAX after it began. The sender gets a token of their own
 * for a status page and withdrawal. Withdrawal and expiry remove content,
 * keys, replies, sessions and codes at once and leave a tombstone (dates,
 * no content) for STORE_TOMBSTONE_DAYS; events (sent, opened, replied,
 * revoked, expired, locked) have no content and stay.
 *
 * The store knows its master key by a check value: another key is refused
 * at open. It is an SQLite file, in WAL mode with synchronous=FULL (when a
 * call returns SL_OK or STORE_FOUND what it wrote is on disk), or the
 * schema sluis_portal of a PostgreSQL database (store_open with a
 * postgresql:// address), so that portals on several hosts share one
 * store; a call's writes are then committed on the server when it
 * returns. One connection per store, used under a mutex: any number of
 * threads may share a store, and any number of processes (and hosts, on
 * PostgreSQL) may open the same store: every read-modify-write is one
 * write transaction, which waits for another's (see store_busy_timeout),
 * so tries and lockouts hold over all of them. No OpenSSL, SQLite or libpq
 * type crosses this header; no error text holds an address (of a
 * recipient, or of the database), a token, a session value, a code, a
 * phone number or content.
 *
 * Removed content leaves an SQLite file at once (secure_delete, and the
 * write-ahead log checkpointed after withdrawal and expiry). PostgreSQL
 * keeps removed rows in its files until its vacuum reuses their space, and
 * in its write-ahead log and backups: still encrypted, under keys the
 * database alone does not open, but the operator of a PostgreSQL store
 * should know it.
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
#define STORE_ID_LEN    32 /* hex digits of a message's id */

/* a one-time code mailed or texted by the portal is good this long */
#define STORE_OTP_SECONDS 600
/* at most this many one-time codes are sent for one token per hour */
#define STORE_OTP_SENDS 5
/* one client address: at most this many wrong codes an hour, over every
 * token, before it is refused for the rest of that hour */
#define STORE_CLIENT_FAILS 20
/* a verified session ends this long after its last use, and at the latest
 * STORE_SESSION_MAX after it began */
#define STORE_SESSION_IDLE 900
#define STORE_SESSION_MAX  (8 * 3600)
/* an expired or revoked message leaves a tombstone (dates, no content) so
 * that its link says "expired" or "withdrawn" instead of "unknown" */
#define STORE_TOMBSTONE_DAYS 90

struct store;

/* how a recipient proves to be the one the link was meant for */
enum store_verify {
    STORE_VERIFY_CODE,  /* the access code the sender relays by phone */
    STORE_VERIFY_EMAIL, /* a one-time code the portal mails to the recipient's address */
    STORE_VERIFY_SMS,   /* a one-time code the portal texts to the recipient's phone */
};

/* one recipient of store_put() */
struct store_rcpt {
    const char *address;
    enum store_verify verify;
    const char *phone; /* E.164 ("+31612345678") for STORE_VERIFY_SMS, else NULL */
};

/* one recipient's way in, returned once by store_put() */
struct store_pickup {
    char token[STORE_TOKEN_LEN + 1];
    char code[STORE_CODE_LEN + 1]; /* the access code (every method has one; the
                                      sender's notice shows it for STORE_VERIFY_CODE) */
};

enum store_fetch {
    STORE_FOUND,
    STORE_UNKNOWN,        /* no such token (or session) */
    STORE_EXPIRED,        /* the message is past its expiry */
    STORE_WRONG_CODE,     /* the code does not match (the try is counted) */
    STORE_LOCKED,         /* STORE_MAX_TRIES wrong codes: no code is compared any more */
    STORE_DAMAGED,        /* the stored message fails authentication */
    STORE_FAILED,         /* the database stayed busy or failed: no code compared; err says why */
    STORE_REVOKED,        /* the sender withdrew the message */
    STORE_CLIENT_LOCKED,  /* this client address made STORE_CLIENT_FAILS wrong tries this hour */
    STORE_NO_CODE,        /* a one-time code was never sent, or is past STORE_OTP_SECONDS */
    STORE_TOO_MANY_SENDS, /* STORE_OTP_SENDS codes sent for this token this hour */
};

/* what happened to a message, per recipient; recorded with its time, never
 * with content. Kept when the message is removed (the dashboard counts them). */
enum store_event {
    STORE_EV_SENT,    /* kept, and the recipient's notice submitted */
    STORE_EV_OPENED,  /* the recipient verified and read it (first time only) */
    STORE_EV_REPLIED, /* the recipient replied */
    STORE_EV_REVOKED, /* the sender withdrew it */
    STORE_EV_EXPIRED, /* removed at expiry */
    STORE_EV_LOCKED,  /* locked by wrong codes */
};
#define STORE_EVENTS 6

/* store_keygen - a new master key in a new file at path (0600, never
 * overwriting one), as 64 hex digits and a newline */
enum sl_status store_keygen(const char *path, char *err, size_t errlen);

/* flags of store_open() */
#define STORE_CREATE                                                                               \
    1u /* create the file and its schema when absent: 0600, or                                     \
          0660 in a folder with the set-group-ID bit (a folder                                     \
          shared with the portal's group); on PostgreSQL the                                       \
          schema sluis_portal and its tables */

/* store_open - the store at db_path with the master key at key_path (both
 * borrowed). db_path is an SQLite file, or a PostgreSQL address
 * ("postgresql://..." or "postgres://...", without a password: see
 * sql_open_pg in store/sql.h), whose schema sluis_portal holds the store.
 * The key file must be a regular file that only its owner can read. With
 * STORE_CREATE in flags a missing file (or schema) is created with the
 * store's tables: only the writer meant to make the store passes it (the
 * milter, which keeps messages, and `sluis portal init`). Without it
 * nothing is ever created: a missing file is SL_EIO "no portal store at
 * PATH", and a file or schema without the store's tables is SL_EINVAL. A
 * file of an earlier version is brought up to this one (in one
 * transaction); a store of a later version is SL_EINVAL. The store keeps a
 * check value of its master key (an HMAC-SHA256 under the key of a fixed
 * label): another key is SL_EINVAL "the master key does not match this
 * store", before any token is looked at, so it spends no try. *out is the
 * caller's (store_free) on SL_OK, NULL otherwise. Errors: SL_EIO (files,
 * the database, a damaged check value), SL_EINVAL (key file mode, another
 * key, not a store), SL_EPARSE (key text), SL_ENOMEM; err says which,
 * without any content, and names a PostgreSQL store by its address
 * without a password at most. */
enum sl_status store_open(const char *db_path, const char *key_path, unsigned flags,
                          struct store **out, char *err, size_t errlen);

/* store_busy_timeout - how long a call waits for another connection's
 * write lock (SQLite's, or the store's lock on PostgreSQL) before it fails
 * (STORE_FAILED, SL_EIO); 5 s after store_open */
void store_busy_timeout(struct store *s, int ms);

/* store_set_clock - for tests only: the store reads the time from clock
 * instead of time() (one-time code and session lifetimes, client hours,
 * event times, expiry checks); NULL goes back to time() */
void store_set_clock(struct store *s, time_t (*clock)(void));

/* store_free - close; NULL is fine */
void store_free(struct store *s);

/* ---- the milter's side ---- */

/* store_put - keep msg[0..len) (borrowed) from sender for the n recipients
 * until expires. id gets the message's id (32 hex digits); pickups[i] the
 * token and code of rcpts[i] (caller's array of n); sender_token (may be
 * NULL) the token of the sender's status page, where the sender sees what
 * became of the message and can withdraw it.
 *
 * The message key is wrapped once per recipient under a key derived from
 * the master key and that recipient's token (HMAC-SHA256(master,
 * "sluis-pickup:" || token)), and not under the master key alone: the
 * database and the master key together open nothing without a link. A
 * recipient's phone number is kept the same way. The sent event of each
 * recipient is recorded by store_sent() once its notice is out.
 * SL_EINVAL (nothing kept) for a recipient without an address or with
 * STORE_VERIFY_SMS and no phone number in E.164 form, and on PostgreSQL,
 * whose text is UTF-8, for an address (the sender's too) that is not
 * UTF-8; on any error the pickups and sender_token are wiped, and id is
 * "" (nothing kept) unless the commit itself failed: then it may have been
 * done (a connection lost while committing), and id names what to
 * withdraw. */
enum sl_status store_put(struct store *s, const void *msg, size_t len, const char *sender,
                         const struct store_rcpt *rcpts, size_t n, time_t expires, char id[33],
                         struct store_pickup *pickups, char sender_token[STORE_TOKEN_LEN + 1],
                         char *err, size_t errlen);

/* store_sent - record that the notice with pickup's link went out (once
 * per recipient: a second call adds nothing). SL_EINVAL for a token the
 * store does not know. */
enum sl_status store_sent(struct store *s, const char *token, char *err, size_t errlen);

/* store_delete - remove the message id (the 32 hex digits store_put gave)
 * with all its pickups and events, in one transaction: for a caller that
 * could not hand the pickups out (a redirect rolled back). SL_OK also when
 * there is no such message. */
enum sl_status store_delete(struct store *s, const char *id, char *err, size_t errlen);

/* ---- the portal's side: a recipient ---- */

/* what a token leads to, without content */
struct store_info {
    char id[STORE_ID_LEN + 1];
    char recipient[320];
    char sender[320];
    enum store_verify verify;
    time_t created, expires;
    int tries_left;   /* wrong codes still allowed */
    bool otp_pending; /* a one-time code was sent and has not expired */
    /* where the one-time code goes, masked: "j***@gmail.com" (the first
     * character of the local part and the domain), "+31 ***** 678" (the
     * country code and the last three digits); "" for STORE_VERIFY_CODE,
     * and unless store_lookup says STORE_FOUND */
    char masked_to[64];
};

/* store_lookup - the state of token without spending a try: STORE_FOUND
 * (info filled), STORE_UNKNOWN, STORE_EXPIRED, STORE_REVOKED (info's dates
 * filled from the tombstone), STORE_LOCKED, STORE_FAILED */
enum store_fetch store_lookup(struct store *s, const char *token, struct store_info *info,
                              char *err, size_t errlen);

/* store_otp_new - a new one-time code for token (STORE_VERIFY_EMAIL or
 * _SMS), replacing any earlier one: code gets it, dest where to send it
 * (the recipient's address, or the phone number unwrapped with the token).
 * The hour begins with its first code. STORE_TOO_MANY_SENDS past
 * STORE_OTP_SENDS an hour; STORE_NO_CODE for a recipient by
 * STORE_VERIFY_CODE; STORE_LOCKED, STORE_EXPIRED, STORE_REVOKED,
 * STORE_UNKNOWN as store_lookup. code and dest are empty unless
 * STORE_FOUND. */
enum store_fetch store_otp_new(struct store *s, const char *token, char code[STORE_CODE_LEN + 1],
                               char *dest, size_t destlen, char *err, size_t errlen);

/* store_verify - check code for token: the access code for
 * STORE_VERIFY_CODE, the current one-time code otherwise (STORE_NO_CODE
 * when none is valid, without spending a try). client is the client's
 * address (kept only as a keyed hash, an hour): past STORE_CLIENT_FAILS
 * wrong codes in the hour it gets STORE_CLIENT_LOCKED before any code is
 * compared (client NULL: no client count). Tries count as for store_fetch,
 * one count for access and one-time codes. On STORE_FOUND a session
 * begins: session gets its value (the cookie: 43 characters of base64url,
 * kept only as a hash, the message key wrapped under a key derived from
 * it), the opened event is recorded the first time, and a one-time code is
 * used up (a second use is STORE_NO_CODE). A lock by wrong codes records
 * the locked event once. */
enum store_fetch store_verify(struct store *s, const char *token, const char *code,
                              const char *client, char session[STORE_TOKEN_LEN + 1], char *err,
                              size_t errlen);

/* one message of a thread: the original, or a recipient's reply */
struct store_item {
    struct buf data; /* RFC 5322 bytes */
    time_t at;
    bool reply; /* written by the recipient in the portal */
};

struct store_thread {
    struct store_info info;
    struct store_item *items; /* the original first, then the replies, oldest first */
    size_t n;
};

/* store_session - the thread behind a session for token (both must match),
 * decrypted, into t: t is overwritten (free an earlier thread first) and
 * is the caller's on STORE_FOUND (store_thread_free after; on any other
 * answer it is left empty). A recipient sees the original and their own
 * replies only. The session's idle time starts anew. STORE_UNKNOWN when
 * there is no such session or it timed out (STORE_SESSION_IDLE,
 * STORE_SESSION_MAX; it is removed then); STORE_REVOKED, STORE_EXPIRED
 * when the message went meanwhile; STORE_DAMAGED when anything stored
 * fails authentication. A token locked by wrong codes after the session
 * began does not end it. */
enum store_fetch store_session(struct store *s, const char *token, const char *session,
                               struct store_thread *t, char *err, size_t errlen);
/* store_thread_free - wipe and free the items; t is empty after (NULL is fine) */
void store_thread_free(struct store_thread *t);

/* store_reply - keep the recipient's reply msg[0..len) (RFC 5322 bytes,
 * as submitted to the sender) in the thread of a valid session, encrypted
 * under the message key; records the replied event. Same answers as
 * store_session. */
enum store_fetch store_reply(struct store *s, const char *token, const char *session,
                             const void *msg, size_t len, char *err, size_t errlen);

/* store_logout - end a session (SL_OK also when there is none) */
enum sl_status store_logout(struct store *s, const char *session, char *err, size_t errlen);

/* ---- the portal's side: the sender ---- */

struct store_rcpt_status {
    char address[320];
    enum store_verify verify;
    /* 0: not (yet); the first sent and opened, the latest reply */
    time_t sent, opened, replied;
    bool locked; /* STORE_MAX_TRIES wrong codes */
};

struct store_status {
    char id[STORE_ID_LEN + 1];
    char sender[320];
    time_t created, expires, revoked, expired; /* 0: not */
    struct store_rcpt_status *rcpts;
    size_t n;
};

/* store_status - the message behind the sender's token, without content:
 * STORE_FOUND with st filled (store_status_free after; rcpts in
 * store_put's order), STORE_UNKNOWN, STORE_FAILED. A revoked or expired
 * message is STORE_FOUND with its date set until its tombstone goes. */
enum store_fetch store_status(struct store *s, const char *sender_token, struct store_status *st,
                              char *err, size_t errlen);
void store_status_free(struct store_status *st);

/* store_revoke - withdraw the message behind the sender's token: its
 * content, keys, replies, sessions, codes and phone numbers are removed at
 * once (an SQLite file's write-ahead log checkpointed after, as
 * store_expire), a tombstone stays; the revoked event is recorded per
 * recipient.
 * STORE_FOUND when withdrawn now or before (or already expired: then it
 * stays expired), STORE_UNKNOWN, STORE_FAILED. */
enum store_fetch store_revoke(struct store *s, const char *sender_token, char *err, size_t errlen);

/* ---- both, and the CLI ---- */

/* store_fetch - the message behind token, if code is the access code
 * (whatever the recipient's method; messages of every store version)
 * (code NULL: only whether the token is valid, msg untouched, no try
 * counted; STORE_REVOKED and STORE_EXPIRED as store_lookup). On STORE_FOUND msg holds the original
 * bytes (reset first) and, if not NULL, rcpt_out the recipient's address; the pickup time is
 * recorded (the opened event). For `sluis portal show`.
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

/* store_expire - messages whose expiry is before now lose their content,
 * keys, replies, sessions and codes (the expired event is recorded per
 * recipient) and keep a tombstone; tombstones withdrawn or expired more
 * than STORE_TOMBSTONE_DAYS before now go (their events stay), and so do
 * client counts and sessions past their time. removed: how many messages
 * lost their content now. An SQLite file's write-ahead log is checkpointed
 * after, so that removed content leaves the files on disk. Several hosts
 * may run it on one PostgreSQL store at once: each run is one write
 * transaction, so a message is removed, and its expired events recorded,
 * once. */
enum sl_status store_expire(struct store *s, time_t now, unsigned *removed, char *err,
                            size_t errlen);

/* one recorded event (no content: the message's id, the recipient's
 * position in it, what, when) */
struct store_event_row {
    char id[STORE_ID_LEN + 1];
    unsigned rcpt; /* 0-based, in the order store_put had them */
    enum store_event kind;
    time_t at;
};

/* store_events - call fn for each event at or after since, oldest first;
 * fn returning false stops early. fn is called without the store's lock
 * (it may use the store); e is valid only during the call. */
enum sl_status store_events(struct store *s, time_t since,
                            bool (*fn)(const struct store_event_row *e, void *arg), void *arg,
                            char *err, size_t errlen);

const char *store_event_name(enum store_event e);
const char *store_verify_name(enum store_verify v); /* "code", "email", "sms" */

const char *store_fetch_name(enum store_fetch f);

#endif
