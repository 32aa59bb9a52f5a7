/*
 * store - the portal store. See store.h.
 *
 * The store lives in an SQLite file or, when store_open is given a
 * postgresql:// address, in the PostgreSQL schema sluis_portal; it speaks
 * only store/sql.h, in SQL that both engines run as written (the few
 * places where SQLite and PostgreSQL differ are noted where they are).
 *
 * Layout of the database (schema version 3):
 *   messages(id, created, expires, sender, wrapped, iv, tag, body,
 *            sender_token_hash, revoked, expired)
 *     body = the message encrypted under its own key (the DEK) with id as
 *     associated data. wrapped = IV(12) | DEK encrypted (32) | tag(16)
 *     under the master key with "sluis-key:" || id as associated data:
 *     only for messages kept before version 3 (NULL since then).
 *     sender_token_hash = SHA-256(the sender's token) or NULL. A message
 *     that was revoked or expired is a tombstone: wrapped, iv, tag and body
 *     NULL, the time in revoked or expired.
 *   pickups(token_hash, message, ord, recipient, verify, phone_wrapped,
 *           dek_wrapped, code_mac, tries, picked_up, otp_mac, otp_expires,
 *           otp_sends, otp_window)
 *     token_hash = SHA-256(token); ord = the recipient's place in
 *     store_put's list; K_r = HMAC-SHA256(master, "sluis-pickup:" ||
 *     token), which only a holder of the link can make; dek_wrapped =
 *     IV | DEK | tag under K_r ("sluis-dek:" id ":" ord as associated
 *     data), phone_wrapped likewise ("sluis-phone:" id ":" ord); code_mac
 *     = HMAC-SHA256(master, token_hash || access code); otp_mac =
 *     HMAC-SHA256(master, "sluis-otp:" || token_hash || one-time code),
 *     good until otp_expires; otp_sends codes sent in the hour that began
 *     at otp_window; tries = wrong codes so far (access and one-time
 *     codes together), plus one for each code being compared (see
 *     reserve_try).
 *   sessions(hash, token_hash, dek_wrapped, created, last)
 *     hash = SHA-256(session value); dek_wrapped = IV | DEK | tag under
 *     K_s = HMAC-SHA256(master, "sluis-session:" || session value)
 *     ("sluis-session:" id ":" ord as associated data).
 *   replies(rowid, message, ord, at, iv, tag, body)
 *     a recipient's reply encrypted under the DEK ("sluis-reply:" id ":"
 *     ord ":" at as associated data); each recipient sees only their own.
 *   clients(hash, since, fails)
 *     hash = HMAC-SHA256(master, "sluis-client:" || address); fails =
 *     wrong codes (plus those being compared) in the hour from since.
 *   events(rowid, message, rcpt, kind, at)
 *     no foreign key and no content: they outlive the message.
 *   meta(name, value)
 *     "key_check" = HMAC-SHA256(master key, KEY_CHECK_LABEL): which master
 *     key the store was made with, so that another key is refused at open
 *     instead of reading as wrong codes (user_version 1 had no meta).
 * replies and events are read in the order they were written: by rowid,
 * SQLite's own row number, which their "rowid INTEGER PRIMARY KEY" only
 * names (files made before it was written out have the same rowid
 * unnamed); on PostgreSQL, which has no row number, the same declaration
 * is an identity column of that name, so one query text serves both.
 * So the database and the master key together open no message of version
 * 3: every DEK is wrapped under a key that needs a token or a session
 * value, and the store keeps only hashes of those.
 *
 * Why GCM for the wrapping too: one authenticated primitive, and a wrong
 * key fails loudly instead of yielding a wrong message key.
 *
 * Removed content does not linger in an SQLite file: secure_delete
 * overwrites freed space with zeros, and after a revocation or an expiry
 * the write-ahead log is checkpointed and truncated (best effort: a reader
 * in another process holding an old snapshot delays it to the next one).
 * PostgreSQL keeps dead rows until its vacuum: that is its operator's
 * to know (see store.h).
 *
 * Every read-modify-write (a try counted, a client's count, a one-time
 * code sent, a session used, expiry, withdrawal) runs in one write
 * transaction (sql_begin(db, true)): BEGIN IMMEDIATE on SQLite, the
 * store's advisory lock on PostgreSQL, so that they run one at a time
 * over every process and host that opens the store.
 *
 * Every function takes the store's mutex for its whole call; the clock
 * (store_set_clock) is read under it.
 */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/file.h"
#include "../store/sql.h"

#define KEY_LEN     32
#define IV_LEN      12
#define TAG_LEN     16
#define SEALED(n)   (IV_LEN + (n) + TAG_LEN)
#define WRAPPED_LEN SEALED(KEY_LEN)
#define PHONE_MAX   16 /* "+" and at most 15 digits (ITU-T E.164) */
#define HOUR        3600

/* the PostgreSQL schema of the store (sluis_metrics, sluis_dashboard hold
 * the others) */
#define PG_SCHEMA "sluis_portal"

struct store {
    struct sql *db;
    int busy_ms; /* the busy timeout */
    pthread_mutex_t lock;
    time_t (*clock)(void);
    unsigned char master[KEY_LEN];
};

static time_t now_of(const struct store *s)
{
    return s->clock ? s->clock() : time(NULL);
}

const char *store_fetch_name(enum store_fetch f)
{
    static const char *const names[] = {"found",
                                        "unknown token",
                                        "expired",
                                        "wrong code",
                                        "locked",
                                        "damaged",
                                        "store error",
                                        "withdrawn",
                                        "client locked",
                                        "no valid one-time code",
                                        "too many codes sent"};
    return (size_t)f < sizeof names / sizeof names[0] ? names[f] : "?";
}

const char *store_event_name(enum store_event e)
{
    static const char *const names[] = {"sent",    "opened",  "replied",
                                        "revoked", "expired", "locked"};
    return (size_t)e < sizeof names / sizeof names[0] ? names[e] : "?";
}

const char *store_verify_name(enum store_verify v)
{
    static const char *const names[] = {"code", "email", "sms"};
    return (size_t)v < sizeof names / sizeof names[0] ? names[v] : "?";
}

static void hex(const unsigned char *b, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[b[i] >> 4];
        out[2 * i + 1] = digits[b[i] & 15];
    }
    out[2 * n] = '\0';
}

enum sl_status store_keygen(const char *path, char *err, size_t errlen)
{
    unsigned char k[KEY_LEN];
    char text[2 * KEY_LEN + 2];
    if (RAND_bytes(k, sizeof k) != 1) {
        snprintf(err, errlen, "no random bytes for a key");
        return SL_EIO;
    }
    hex(k, sizeof k, text);
    OPENSSL_cleanse(k, sizeof k);
    memcpy(text + 2 * KEY_LEN, "\n", 2); /* after the digits hex() ended with a NUL */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return SL_EIO;
    }
    bool ok = write(fd, text, strlen(text)) == (ssize_t)strlen(text) && fsync(fd) == 0;
    OPENSSL_cleanse(text, sizeof text);
    if (close(fd) != 0 || !ok) {
        snprintf(err, errlen, "%s: cannot write the key: %s", path, strerror(errno));
        unlink(path);
        return SL_EIO;
    }
    return SL_OK;
}

static enum sl_status read_key(const char *path, unsigned char key[KEY_LEN], char *err,
                               size_t errlen)
{
    char text[2 * KEY_LEN + 4];
    ssize_t n;
    enum sl_status st = file_read_key(path, "portal", text, sizeof text, &n, err, errlen);
    if (st != SL_OK)
        return st;
    bool ok =
        file_key_hex(text, n, key, KEY_LEN) && (n == 2 * KEY_LEN || text[2 * KEY_LEN] == '\n');
    OPENSSL_cleanse(text, sizeof text);
    if (!ok) {
        snprintf(err, errlen, "portal key %s: not 64 hex digits", path);
        return SL_EPARSE;
    }
    return SL_OK;
}

/* gcm - AES-256-GCM; enc: in -> out and tag; !enc: checks tag. false on
 * any failure, including a tag that does not match */
static bool gcm(bool enc, const unsigned char *key, const unsigned char *iv, const void *aad,
                size_t aadlen, const unsigned char *in, size_t len, unsigned char *out,
                unsigned char *tag)
{
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int n = 0, k = 0;
    bool ok = c && EVP_CipherInit_ex(c, EVP_aes_256_gcm(), NULL, NULL, NULL, enc) == 1 &&
              EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, IV_LEN, NULL) == 1 &&
              EVP_CipherInit_ex(c, NULL, NULL, key, iv, enc) == 1 &&
              EVP_CipherUpdate(c, NULL, &n, aad, (int)aadlen) == 1;
    /* in pieces: EVP takes an int length */
    for (size_t off = 0; ok && off < len;) {
        size_t step = len - off > (1u << 30) ? (1u << 30) : len - off;
        ok = EVP_CipherUpdate(c, out + off, &n, in + off, (int)step) == 1;
        off += step;
    }
    if (ok && !enc)
        ok = EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, TAG_LEN, tag) == 1;
    ok = ok && EVP_CipherFinal_ex(c, out + len, &k) == 1;
    if (ok && enc)
        ok = EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, TAG_LEN, tag) == 1;
    EVP_CIPHER_CTX_free(c);
    return ok;
}

/* exec_sql - statements without parameters; false with the engine's
 * reason in err */
static bool exec_sql(struct sql *db, const char *text, char *err, size_t errlen)
{
    if (sql_exec(db, text) == SQL_OK)
        return true;
    snprintf(err, errlen, "portal store: %s", sql_errmsg(db));
    return false;
}

/* blob - column col into out when it is exactly n bytes */
static bool blob(struct sql_stmt *q, int col, void *out, size_t n)
{
    if (sql_column_bytes(q, col) != (int)n)
        return false;
    memcpy(out, sql_column_blob(q, col), n);
    return true;
}

/* seal - in[0..len) encrypted under key with aad: out gets IV | ciphertext
 * | tag (SEALED(len) bytes) */
static bool seal(const unsigned char key[KEY_LEN], const char *aad, const void *in, size_t len,
                 unsigned char *out)
{
    return RAND_bytes(out, IV_LEN) == 1 &&
           gcm(true, key, out, aad, strlen(aad), in, len, out + IV_LEN, out + IV_LEN + len);
}

/* unseal - the plaintext of sealed[0..n) (IV | ciphertext | tag) under key
 * with aad into out (n - IV_LEN - TAG_LEN bytes); false when it does not
 * authenticate */
static bool unseal(const unsigned char key[KEY_LEN], const char *aad, const unsigned char *sealed,
                   size_t n, unsigned char *out)
{
    if (n < SEALED(0))
        return false;
    unsigned char tag[TAG_LEN];
    memcpy(tag, sealed + n - TAG_LEN, TAG_LEN);
    return gcm(false, key, sealed, aad, strlen(aad), sealed + IV_LEN, n - SEALED(0), out, tag);
}

/* derive - HMAC-SHA256(master, label || text): the key of a token, of a
 * session, or the hash of a client's address */
static void derive(const struct store *s, const char *label, const char *text,
                   unsigned char out[KEY_LEN])
{
    unsigned char in[256];
    size_t ll = strnlen(label, 32), tl = strnlen(text, sizeof in - ll);
    memcpy(in, label, ll);
    memcpy(in + ll, text, tl);
    unsigned len = KEY_LEN;
    HMAC(EVP_sha256(), s->master, KEY_LEN, in, ll + tl, out, &len);
    OPENSSL_cleanse(in, sizeof in);
}

/* aad - the associated data label || id ":" ord */
static void aad_of(char out[96], const char *label, const char *id, unsigned ord)
{
    snprintf(out, 96, "%s%.32s:%u", label, id, ord);
}

/* unwrap - the message key of message id (32 hex digits) from wrapped
 * (IV | encrypted key | tag) under the master key alone, as messages kept
 * before version 3 have it; false when the master key does not open it */
static bool unwrap(const struct store *s, const char *id, const unsigned char wrapped[WRAPPED_LEN],
                   unsigned char dek[KEY_LEN])
{
    char aad[64];
    snprintf(aad, sizeof aad, "sluis-key:%.32s", id);
    return unseal(s->master, aad, wrapped, WRAPPED_LEN, dek);
}

/* the tables of version 3 (see the top of this file), in SQLite's words:
 * sql_ddl writes them in PostgreSQL's there */
#define TABLES                                                                                     \
    "CREATE TABLE IF NOT EXISTS messages(id TEXT PRIMARY KEY, created INTEGER NOT NULL,"           \
    " expires INTEGER NOT NULL, sender TEXT NOT NULL, wrapped BLOB, iv BLOB, tag BLOB, body BLOB," \
    " sender_token_hash BLOB UNIQUE, revoked INTEGER, expired INTEGER);"                           \
    "CREATE TABLE IF NOT EXISTS pickups(token_hash BLOB PRIMARY KEY,"                              \
    " message TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE, ord INTEGER NOT NULL,"      \
    " recipient TEXT NOT NULL, verify INTEGER NOT NULL DEFAULT 0, phone_wrapped BLOB,"             \
    " dek_wrapped BLOB, code_mac BLOB, tries INTEGER NOT NULL DEFAULT 0, picked_up INTEGER,"       \
    " otp_mac BLOB, otp_expires INTEGER, otp_sends INTEGER NOT NULL DEFAULT 0,"                    \
    " otp_window INTEGER NOT NULL DEFAULT 0);"                                                     \
    "CREATE INDEX IF NOT EXISTS pickups_message ON pickups(message);"                              \
    "CREATE INDEX IF NOT EXISTS messages_expires ON messages(expires);"                            \
    "CREATE TABLE IF NOT EXISTS sessions(hash BLOB PRIMARY KEY, token_hash BLOB NOT NULL"          \
    " REFERENCES pickups(token_hash) ON DELETE CASCADE, dek_wrapped BLOB NOT NULL,"                \
    " created INTEGER NOT NULL, last INTEGER NOT NULL);"                                           \
    "CREATE INDEX IF NOT EXISTS sessions_token ON sessions(token_hash);"                           \
    "CREATE TABLE IF NOT EXISTS replies(rowid INTEGER PRIMARY KEY, message TEXT NOT NULL"          \
    " REFERENCES messages(id) ON DELETE CASCADE, ord INTEGER NOT NULL, at INTEGER NOT NULL,"       \
    " iv BLOB NOT NULL, tag BLOB NOT NULL, body BLOB NOT NULL);"                                   \
    "CREATE INDEX IF NOT EXISTS replies_message ON replies(message, ord);"                         \
    "CREATE TABLE IF NOT EXISTS clients(hash BLOB PRIMARY KEY, since INTEGER NOT NULL,"            \
    " fails INTEGER NOT NULL);"                                                                    \
    "CREATE TABLE IF NOT EXISTS events(rowid INTEGER PRIMARY KEY, message TEXT NOT NULL,"          \
    " rcpt INTEGER NOT NULL, kind INTEGER NOT NULL, at INTEGER NOT NULL);"                         \
    "CREATE INDEX IF NOT EXISTS events_at ON events(at);"                                          \
    "CREATE INDEX IF NOT EXISTS events_message ON events(message, rcpt, kind);"                    \
    "CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value BLOB NOT NULL);"
#define SCHEMA_VERSION 3

/* a store of version 1 (no meta) or 2 to version 3, run with foreign keys
 * off (dropping the old tables must not cascade): SQLite's alone (rowid
 * of the old tables, strftime), as stores before version 3 were files.
 * Their messages keep the key wrapped under the master key (they open by
 * token and code as before); every pickup verifies by the access code.
 * The sent event is dated at the message's keeping (the notices went out
 * then), the opened event at the pickup, a lock at the migration. Event
 * kinds are the numbers of enum store_event. The version is set after. */
static const char MIGRATE[] =
    "DROP INDEX IF EXISTS pickups_message; DROP INDEX IF EXISTS messages_expires;"
    "ALTER TABLE pickups RENAME TO old_pickups;"
    "ALTER TABLE messages RENAME TO old_messages;" TABLES
    "INSERT INTO messages(id, created, expires, sender, wrapped, iv, tag, body)"
    " SELECT id, created, expires, sender, wrapped, iv, tag, body FROM old_messages;"
    "INSERT INTO pickups(token_hash, message, ord, recipient, verify, code_mac, tries, picked_up)"
    " SELECT token_hash, message, (SELECT count(*) FROM old_pickups o WHERE o.message = p.message"
    " AND o.rowid < p.rowid), recipient, 0, code_mac, tries, picked_up FROM old_pickups p;"
    "INSERT INTO events(message, rcpt, kind, at) SELECT p.message, p.ord, 0, m.created"
    " FROM pickups p JOIN messages m ON m.id = p.message ORDER BY m.created, p.message, p.ord;"
    "INSERT INTO events(message, rcpt, kind, at) SELECT message, ord, 1, picked_up FROM pickups"
    " WHERE picked_up IS NOT NULL ORDER BY picked_up;"
    "INSERT INTO events(message, rcpt, kind, at) SELECT message, ord, 5, CAST(strftime('%s',"
    " 'now') AS INTEGER) FROM pickups WHERE tries >= 5;"
    "DROP TABLE old_pickups; DROP TABLE old_messages;";

/* how long a connection waits for another process's write lock before it
 * gives up with an error (a busy database is never taken for an answer) */
#define BUSY_MS 5000

/* schema - make, bring up or check the tables: a database without them is
 * made into a store only with STORE_CREATE, and never a store of a later
 * version. A new store is made, an earlier version brought up, in one
 * write transaction, in which the version is read again: another process
 * may have done it meanwhile. where names the store in messages (the file,
 * or "(PostgreSQL)": never the address). */
static enum sl_status schema(struct store *s, const char *where, unsigned flags, char *err,
                             size_t errlen)
{
    bool lite = sql_engine(s->db) == SQL_SQLITE;
    /* SQLite, per connection: every commit on disk before it returns;
     * freed space overwritten, so removed content leaves the file */
    if (lite && !exec_sql(s->db, "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;", err, errlen))
        return SL_EIO;
    int v = sql_version(s->db);
    if (v < 0) {
        snprintf(err, errlen, "portal store %s: %s", where, sql_errmsg(s->db));
        return SL_EIO;
    }
    if (v > SCHEMA_VERSION) {
        snprintf(err, errlen, "portal store %s: made by a later sluis (version %d)", where, v);
        return SL_EINVAL;
    }
    if (v == 0 && !(flags & STORE_CREATE)) {
        snprintf(err, errlen, "%s is not a portal store",
                 lite ? where : "the PostgreSQL schema " PG_SCHEMA);
        return SL_EINVAL;
    }
    if (v < SCHEMA_VERSION) {
        /* the journal mode stays with the file; it cannot change in a
         * transaction, nor can foreign key enforcement */
        if (lite && ((v == 0 && !exec_sql(s->db, "PRAGMA journal_mode=WAL", err, errlen)) ||
                     !exec_sql(s->db, "PRAGMA foreign_keys=OFF", err, errlen)))
            return SL_EIO;
        if (sql_begin(s->db, true) != SQL_OK) {
            snprintf(err, errlen, "portal store %s: %s", where, sql_errmsg(s->db));
            return SL_EIO;
        }
        v = sql_version(s->db);
        bool ok = false;
        if (v < 0)
            snprintf(err, errlen, "portal store %s: %s", where, sql_errmsg(s->db));
        else if (v > SCHEMA_VERSION)
            snprintf(err, errlen, "portal store %s: made by a later sluis (version %d)", where, v);
        else if (v == SCHEMA_VERSION)
            ok = true;           /* made or brought up meanwhile */
        else if (v > 0 && !lite) /* no PostgreSQL store was ever of an earlier version */
            snprintf(err, errlen, "portal store %s: version %d is not a PostgreSQL store's", where,
                     v);
        else {
            ok = (v == 0 ? sql_ddl(s->db, TABLES) : sql_exec(s->db, MIGRATE)) == SQL_OK &&
                 sql_version_set(s->db, SCHEMA_VERSION) == SQL_OK;
            if (!ok)
                snprintf(err, errlen, "portal store %s: %s", where, sql_errmsg(s->db));
        }
        if (ok && sql_commit(s->db) != SQL_OK) {
            snprintf(err, errlen, "portal store %s: %s", where, sql_errmsg(s->db));
            ok = false;
        }
        if (!ok) {
            sql_rollback(s->db);
            return v > SCHEMA_VERSION ? SL_EINVAL : SL_EIO;
        }
    }
    return !lite || exec_sql(s->db, "PRAGMA foreign_keys=ON", err, errlen) ? SL_OK : SL_EIO;
}

/* the text whose HMAC under the master key marks the store's key; changing
 * it would orphan every store */
static const char KEY_CHECK_LABEL[] = "sluis portal store: master key check, version 1";

enum key_check {
    KC_ERROR = -1, /* the database failed: its error message says why */
    KC_ABSENT,     /* no check value yet */
    KC_MATCH,
    KC_MISMATCH,
    KC_DAMAGED, /* a check value or stored key of the wrong length */
};

/* key_check_get - the stored check value against want */
static enum key_check key_check_get(struct sql *db, const unsigned char want[32])
{
    struct sql_stmt *q = NULL;
    enum key_check r = KC_ERROR;
    unsigned char got[32];
    if (sql_prepare(db, "SELECT value FROM meta WHERE name = 'key_check'", &q) == SQL_OK) {
        int rc = sql_step(q);
        if (rc == SQL_DONE)
            r = KC_ABSENT;
        else if (rc == SQL_ROW)
            r = !blob(q, 0, got, sizeof got)                ? KC_DAMAGED
                : CRYPTO_memcmp(got, want, sizeof got) == 0 ? KC_MATCH
                                                            : KC_MISMATCH;
    }
    sql_finalize(q);
    return r;
}

/* key_opens_stored - whether the master key unwraps the key of a stored
 * message (KC_MATCH when there is none: nothing is bound to a key yet) */
static enum key_check key_opens_stored(const struct store *s)
{
    struct sql_stmt *q = NULL;
    enum key_check r = KC_ERROR;
    unsigned char wrapped[WRAPPED_LEN], dek[KEY_LEN];
    if (sql_prepare(s->db, "SELECT id, wrapped FROM messages WHERE wrapped IS NOT NULL LIMIT 1",
                    &q) == SQL_OK) {
        int rc = sql_step(q);
        if (rc == SQL_DONE)
            r = KC_MATCH;
        else if (rc == SQL_ROW && sql_column_bytes(q, 0) == 32 &&
                 blob(q, 1, wrapped, sizeof wrapped))
            r = unwrap(s, sql_column_text(q, 0), wrapped, dek) ? KC_MATCH : KC_MISMATCH;
        else if (rc == SQL_ROW)
            r = KC_DAMAGED;
    }
    OPENSSL_cleanse(dek, sizeof dek);
    sql_finalize(q);
    return r;
}

/* key_check - refuse a master key that is not the store's, before any
 * token is looked at. A store without a check value (made before there
 * was one, or just now) gets it here, in a write transaction, but only
 * when the key unwraps a stored message key or none is stored yet: a
 * wrong key on the first open after an upgrade does not bind the store. */
static enum sl_status key_check(struct store *s, const char *where, const char *key_path, char *err,
                                size_t errlen)
{
    unsigned char want[32];
    unsigned len = sizeof want;
    HMAC(EVP_sha256(), s->master, KEY_LEN, (const unsigned char *)KEY_CHECK_LABEL,
         sizeof KEY_CHECK_LABEL - 1, want, &len);
    enum key_check r = key_check_get(s->db, want);
    if (r == KC_ABSENT) {
        if (sql_begin(s->db, true) != SQL_OK) {
            snprintf(err, errlen, "portal store %s: %s", where, sql_errmsg(s->db));
            return SL_EIO;
        }
        r = key_check_get(s->db, want); /* another process may have added it meanwhile */
        if (r == KC_ABSENT)
            r = key_opens_stored(s);
        if (r == KC_MATCH) {
            struct sql_stmt *q = NULL;
            if (sql_prepare(s->db, "INSERT INTO meta(name, value) VALUES('key_check', ?)", &q) !=
                    SQL_OK ||
                sql_bind_blob(q, 1, want, sizeof want) != SQL_OK || sql_step(q) != SQL_DONE)
                r = KC_ERROR;
            sql_finalize(q);
        }
        if (r == KC_ERROR)
            snprintf(err, errlen, "portal store %s: %s", where, sql_errmsg(s->db));
        if (r != KC_MATCH || sql_commit(s->db) != SQL_OK) {
            if (r == KC_MATCH)
                snprintf(err, errlen, "portal store %s: %s", where, sql_errmsg(s->db));
            sql_rollback(s->db);
            if (r == KC_MATCH)
                return SL_EIO;
        }
    } else if (r == KC_ERROR) {
        snprintf(err, errlen, "portal store %s: %s", where, sql_errmsg(s->db));
    }
    switch (r) {
    case KC_MATCH:
        return SL_OK;
    case KC_MISMATCH:
        snprintf(err, errlen,
                 "portal store %s: the master key does not match this store (is %s its key?)",
                 where, key_path);
        return SL_EINVAL;
    case KC_DAMAGED:
        snprintf(err, errlen, "portal store %s: damaged (cannot check the master key)", where);
        return SL_EIO;
    default: /* KC_ERROR, said above */
        return SL_EIO;
    }
}

/* create_file - a new, empty database file: 0600, or 0660 in a folder
 * with the set-group-ID bit (it then gets the folder's group, shared with
 * the portal). Only a new file is opened here: closing a descriptor of a
 * database that a connection of this process has open (the previous
 * snapshot's, on a reload) drops that connection's POSIX locks, and
 * another process may then delete the WAL under it
 * (sqlite.org/howtocorrupt.html, 2.2). */
static enum sl_status create_file(const char *db_path, char *err, size_t errlen)
{
    char folder[4096];
    struct stat st;
    snprintf(folder, sizeof folder, "%s", db_path);
    mode_t mode = stat(dirname(folder), &st) == 0 && (st.st_mode & S_ISGID) ? 0660 : 0600;
    int fd = open(db_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0 && errno != EEXIST) {
        snprintf(err, errlen, "portal store %s: %s", db_path, strerror(errno));
        return SL_EIO;
    }
    if (fd >= 0) {
        /* exactly that mode, whatever the process umask */
        bool ok = fchmod(fd, mode) == 0;
        int e = errno;
        close(fd);
        if (!ok) {
            snprintf(err, errlen, "portal store %s: %s", db_path, strerror(e));
            return SL_EIO;
        }
    }
    return SL_OK;
}

/* open_file - the SQLite connection to the store's file, made or checked
 * as flags say (see store_open) */
static enum sl_status open_file(struct store *s, const char *db_path, unsigned flags, char *err,
                                size_t errlen)
{
    struct stat sb = {0};
    if (flags & STORE_CREATE) {
        enum sl_status st = create_file(db_path, err, errlen);
        if (st != SL_OK)
            return st;
    } else if (stat(db_path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        /* a mistyped --db must not leave an empty store behind */
        if (!S_ISREG(sb.st_mode) && sb.st_mode != 0)
            snprintf(err, errlen, "portal store %s: not a regular file", db_path);
        else if (errno == ENOENT || errno == ENOTDIR)
            snprintf(err, errlen, "no portal store at %s", db_path);
        else
            snprintf(err, errlen, "portal store %s: %s", db_path, strerror(errno));
        return SL_EIO;
    }
    /* without SQLITE_OPEN_CREATE: a file gone since is an error, not a new store */
    sqlite3 *h = NULL;
    if (sqlite3_open_v2(db_path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQL_OK) {
        snprintf(err, errlen, "portal store %s: %s", db_path,
                 h ? sqlite3_errmsg(h) : "cannot open");
        sqlite3_close(h);
        return SL_EIO;
    }
    s->db = sql_wrap_sqlite(h); /* which closes h when it fails */
    if (s->db == NULL) {
        snprintf(err, errlen, "portal store: out of memory");
        return SL_ENOMEM;
    }
    return SL_OK;
}

/* open_pg - the connection to the store on PostgreSQL at url, its schema
 * made when missing with STORE_CREATE. err shows the address as sql.c
 * does, without a password. */
static enum sl_status open_pg(struct store *s, const char *url, unsigned flags, char *err,
                              size_t errlen)
{
    char why[512];
    s->db = sql_open_pg(url, PG_SCHEMA, (flags & STORE_CREATE) != 0, false, "sluis-portal", why,
                        sizeof why);
    if (s->db == NULL) {
        snprintf(err, errlen, "portal %s", why);
        return SL_EIO;
    }
    return SL_OK;
}

enum sl_status store_open(const char *db_path, const char *key_path, unsigned flags,
                          struct store **out, char *err, size_t errlen)
{
    *out = NULL;
    struct store *s = calloc(1, sizeof *s);
    if (s == NULL)
        return SL_ENOMEM;
    pthread_mutex_init(&s->lock, NULL);
    s->busy_ms = BUSY_MS;
    bool remote = sql_is_remote(db_path);
    /* how messages name the store: never a PostgreSQL address */
    const char *where = remote ? "(PostgreSQL)" : db_path;
    enum sl_status st = read_key(key_path, s->master, err, errlen);
    if (st == SL_OK)
        st = remote ? open_pg(s, db_path, flags, err, errlen)
                    : open_file(s, db_path, flags, err, errlen);
    if (st == SL_OK) {
        sql_busy_timeout(s->db, s->busy_ms);
        st = schema(s, where, flags, err, errlen);
    }
    if (st == SL_OK)
        st = key_check(s, where, key_path, err, errlen);
    if (st != SL_OK) {
        store_free(s);
        return st;
    }
    *out = s;
    return SL_OK;
}

void store_busy_timeout(struct store *s, int ms)
{
    pthread_mutex_lock(&s->lock);
    s->busy_ms = ms;
    sql_busy_timeout(s->db, ms);
    pthread_mutex_unlock(&s->lock);
}

void store_set_clock(struct store *s, time_t (*clock)(void))
{
    pthread_mutex_lock(&s->lock);
    s->clock = clock;
    pthread_mutex_unlock(&s->lock);
}

void store_free(struct store *s)
{
    if (s == NULL)
        return;
    sql_close(s->db);
    OPENSSL_cleanse(s->master, sizeof s->master);
    pthread_mutex_destroy(&s->lock);
    free(s);
}

/* token_text - 32 random bytes as 43 characters of base64url (RFC 4648,
 * section 5), no padding */
static void token_text(const unsigned char raw[32], char out[STORE_TOKEN_LEN + 1])
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    size_t o = 0;
    unsigned acc = 0, bits = 0;
    for (size_t i = 0; i < 32; i++) {
        acc = acc << 8 | raw[i];
        bits += 8;
        while (bits >= 6) {
            out[o++] = b64[(acc >> (bits - 6)) & 63];
            bits -= 6;
        }
    }
    if (bits > 0)
        out[o++] = b64[(acc << (6 - bits)) & 63];
    out[o] = '\0';
}

/* new_token - a fresh token (or session value) and its SHA-256 */
static bool new_token(char out[STORE_TOKEN_LEN + 1], unsigned char hash[32])
{
    unsigned char raw[32];
    if (RAND_bytes(raw, sizeof raw) != 1)
        return false;
    token_text(raw, out);
    OPENSSL_cleanse(raw, sizeof raw);
    SHA256((const unsigned char *)out, STORE_TOKEN_LEN, hash);
    return true;
}

/* hash_token - SHA-256 of a token or session value; false (nothing looked
 * up) when it is not 43 characters */
static bool hash_token(const char *token, unsigned char hash[32])
{
    if (token == NULL || strnlen(token, STORE_TOKEN_LEN + 1) != STORE_TOKEN_LEN)
        return false;
    SHA256((const unsigned char *)token, STORE_TOKEN_LEN, hash);
    return true;
}

/* code_text - six uniformly random digits: 32-bit draws above the largest
 * multiple of 10^6 are drawn again, so no digit string is likelier */
static bool code_text(char out[STORE_CODE_LEN + 1])
{
    const uint32_t limit = UINT32_MAX - UINT32_MAX % 1000000u;
    uint32_t v;
    do {
        if (RAND_bytes((unsigned char *)&v, sizeof v) != 1)
            return false;
    } while (v >= limit);
    snprintf(out, STORE_CODE_LEN + 1, "%06u", v % 1000000u);
    return true;
}

/* code_mac - the keyed hash of an access code (label "") or of a one-time
 * code (label "sluis-otp:") for the token with hash token_hash */
static void code_mac(const struct store *s, const char *label, const unsigned char token_hash[32],
                     const char *code, unsigned char mac[32])
{
    unsigned char in[16 + 32 + STORE_CODE_LEN];
    size_t ll = strnlen(label, 16);
    memcpy(in, label, ll);
    memcpy(in + ll, token_hash, 32);
    memset(in + ll + 32, 0, STORE_CODE_LEN);
    memcpy(in + ll + 32, code, strnlen(code, STORE_CODE_LEN));
    unsigned len = 32;
    HMAC(EVP_sha256(), s->master, KEY_LEN, in, ll + 32 + STORE_CODE_LEN, mac, &len);
    OPENSSL_cleanse(in, sizeof in);
}

/* code_right - whether code is six characters whose keyed hash is mac;
 * compared in constant time */
static bool code_right(const struct store *s, const char *label, const unsigned char th[32],
                       const char *code, const unsigned char mac[32])
{
    unsigned char got[32];
    code_mac(s, label, th, code, got);
    bool same = CRYPTO_memcmp(got, mac, sizeof got) == 0;
    return same && strnlen(code, STORE_CODE_LEN + 1) == STORE_CODE_LEN;
}

/* run - one statement with its ?1.. bound from the list (I int64, T text,
 * B blob with a length): true when it ran; changes, if not NULL, gets the
 * rows it changed. The values are bound as they are (sql.h copies no blob):
 * they live in the caller's frame until the statement has run here. The
 * write transaction is the caller's. */
struct arg {
    char type; /* 'I', 'T', 'B', 'N' (NULL) */
    int64_t i;
    const void *p;
    size_t n;
};
#define A_INT(v)       ((struct arg){'I', (int64_t)(v), NULL, 0})
#define A_TEXT(v)      ((struct arg){'T', 0, (v), 0})
#define A_BLOB(v, len) ((struct arg){'B', 0, (v), (len)})
#define A_NULL         ((struct arg){'N', 0, NULL, 0})

static bool bind_args(struct sql_stmt *q, const struct arg *a, size_t n)
{
    int max = sql_bind_count(q);
    bool ok = true;
    for (size_t i = 0; ok && i < n && (int)i < max; i++) {
        int k = (int)i + 1;
        switch (a[i].type) {
        case 'I':
            ok = sql_bind_int64(q, k, a[i].i) == SQL_OK;
            break;
        case 'T':
            ok = sql_bind_text(q, k, a[i].p, -1) == SQL_OK;
            break;
        case 'B':
            ok = sql_bind_blob(q, k, a[i].p, a[i].n) == SQL_OK;
            break;
        default:
            ok = sql_bind_null(q, k) == SQL_OK;
        }
    }
    return ok;
}

static bool run(struct store *s, const char *text, const struct arg *a, size_t n, int *changes)
{
    struct sql_stmt *q = NULL;
    bool ok =
        sql_prepare(s->db, text, &q) == SQL_OK && bind_args(q, a, n) && sql_step(q) == SQL_DONE;
    sql_finalize(q);
    if (ok && changes)
        *changes = (int)sql_changes(s->db);
    return ok;
}
#define RUN(s, text, changes, ...)                                                                 \
    run((s), (text), (const struct arg[]){__VA_ARGS__},                                            \
        sizeof((const struct arg[]){__VA_ARGS__}) / sizeof(struct arg), (changes))

/* begin - a write transaction: every process's read-modify-write of the
 * store waits for the one before (up to busy_ms) */
static bool begin(struct store *s)
{
    return sql_begin(s->db, true) == SQL_OK;
}

/* end - commit when ok (false if that fails), else roll back */
static bool end(struct store *s, bool ok)
{
    if (ok && sql_commit(s->db) == SQL_OK)
        return true;
    sql_rollback(s->db);
    return false;
}

/* busy - whether the last failure was another writer holding the store
 * past the timeout (SQLITE_LOCKED: SQLite's, which sql.h does not name) */
static bool busy(struct store *s)
{
    int rc = sql_errcode(s->db);
    return rc == SQL_BUSY || rc == SQLITE_LOCKED;
}

/* io_err - SL_EIO with the engine's reason in err */
static enum sl_status io_err(struct store *s, char *err, size_t errlen)
{
    if (busy(s))
        snprintf(err, errlen,
                 "portal store: the database stayed busy for %d ms (another process is writing)",
                 s->busy_ms);
    else
        snprintf(err, errlen, "portal store: %s", sql_errmsg(s->db));
    return SL_EIO;
}

/* phone_ok - "+" and 8 to 15 digits (E.164 without spaces) */
static bool phone_ok(const char *p)
{
    size_t n = p ? strnlen(p, PHONE_MAX + 1) : 0;
    if (n < 9 || n > PHONE_MAX || p[0] != '+' || p[1] == '0')
        return false;
    for (size_t i = 1; i < n; i++)
        if (p[i] < '0' || p[i] > '9')
            return false;
    return true;
}

/* utf8_ok - whether t is well-formed UTF-8 (RFC 3629: no overlong form,
 * no surrogate, nothing past U+10FFFF), as PostgreSQL's text must be */
static bool utf8_ok(const char *t)
{
    const unsigned char *p = (const unsigned char *)t;
    while (*p) {
        unsigned n;
        uint32_t v;
        if (*p < 0x80) {
            p++;
            continue;
        }
        if (*p >= 0xc2 && *p <= 0xdf)
            n = 1, v = *p & 0x1fu;
        else if (*p >= 0xe0 && *p <= 0xef)
            n = 2, v = *p & 0x0fu;
        else if (*p >= 0xf0 && *p <= 0xf4)
            n = 3, v = *p & 0x07u;
        else
            return false;
        for (unsigned k = 1; k <= n; k++) {
            if ((p[k] & 0xc0) != 0x80) /* a NUL too: nothing read past it */
                return false;
            v = v << 6 | (p[k] & 0x3fu);
        }
        if ((n == 2 && v < 0x800) || (n == 3 && (v < 0x10000 || v > 0x10ffff)) ||
            (v >= 0xd800 && v <= 0xdfff))
            return false;
        p += n + 1;
    }
    return true;
}

/* one recipient's pickup as store_put makes it */
struct new_pickup {
    unsigned char th[32], code_mac[32], dek_wrapped[WRAPPED_LEN], phone[SEALED(PHONE_MAX)];
    size_t phone_len;
};

/* make_pickup - token, code and wrapped keys of recipient ord of message id */
static bool make_pickup(const struct store *s, const char *id, unsigned ord,
                        const struct store_rcpt *r, const unsigned char dek[KEY_LEN],
                        struct store_pickup *out, struct new_pickup *np)
{
    unsigned char kr[KEY_LEN];
    char aad[96];
    if (!new_token(out->token, np->th) || !code_text(out->code))
        return false;
    code_mac(s, "", np->th, out->code, np->code_mac);
    derive(s, "sluis-pickup:", out->token, kr);
    aad_of(aad, "sluis-dek:", id, ord);
    bool ok = seal(kr, aad, dek, KEY_LEN, np->dek_wrapped);
    np->phone_len = 0;
    if (ok && r->verify == STORE_VERIFY_SMS) {
        size_t n = strlen(r->phone);
        aad_of(aad, "sluis-phone:", id, ord);
        ok = seal(kr, aad, r->phone, n, np->phone);
        np->phone_len = SEALED(n);
    }
    OPENSSL_cleanse(kr, sizeof kr);
    return ok;
}

enum sl_status store_put(struct store *s, const void *msg, size_t len, const char *sender,
                         const struct store_rcpt *rcpts, size_t n, time_t expires, char id[33],
                         struct store_pickup *pickups, char sender_token[STORE_TOKEN_LEN + 1],
                         char *err, size_t errlen)
{
    id[0] = '\0';
    /* PostgreSQL keeps text as UTF-8 and refuses other bytes, with an
     * error that quotes them: said here instead, without the address (an
     * SQLite file keeps the bytes as they are) */
    bool utf8 = sql_engine(s->db) == SQL_POSTGRESQL;
    if (utf8 && sender != NULL && !utf8_ok(sender)) {
        snprintf(err, errlen,
                 "portal store: the sender's address is not UTF-8, as a PostgreSQL store needs");
        return SL_EINVAL;
    }
    for (size_t i = 0; i < n; i++) {
        bool ok = rcpts[i].address != NULL && rcpts[i].verify >= STORE_VERIFY_CODE &&
                  rcpts[i].verify <= STORE_VERIFY_SMS;
        if (ok && utf8 && !utf8_ok(rcpts[i].address)) {
            snprintf(err, errlen,
                     "portal store: recipient %zu: the address is not UTF-8, as a PostgreSQL "
                     "store needs",
                     i + 1);
            return SL_EINVAL;
        }
        if (ok && rcpts[i].verify == STORE_VERIFY_SMS && !phone_ok(rcpts[i].phone)) {
            snprintf(err, errlen,
                     "portal store: recipient %zu verifies by text message but has no phone "
                     "number in E.164 form (+31612345678)",
                     i + 1);
            return SL_EINVAL;
        }
        if (!ok) {
            snprintf(err, errlen, "portal store: recipient %zu: no address or no method", i + 1);
            return SL_EINVAL;
        }
    }
    unsigned char idraw[16], dek[KEY_LEN], iv[IV_LEN], tag[TAG_LEN], sth[32];
    unsigned char *body = malloc(len + 16);
    struct new_pickup *np = calloc(n ? n : 1, sizeof *np);
    enum sl_status st = SL_ENOMEM;
    bool unknown = false;
    if (body == NULL || np == NULL) {
        snprintf(err, errlen, "portal store: out of memory");
        goto out;
    }
    st = SL_EIO;
    if (RAND_bytes(idraw, sizeof idraw) != 1 || RAND_bytes(dek, sizeof dek) != 1 ||
        RAND_bytes(iv, sizeof iv) != 1 || (sender_token && !new_token(sender_token, sth))) {
        snprintf(err, errlen, "portal store: no random bytes");
        goto out;
    }
    hex(idraw, sizeof idraw, id);
    if (!gcm(true, dek, iv, id, 32, msg, len, body, tag)) {
        snprintf(err, errlen, "portal store: encryption failed");
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        if (!make_pickup(s, id, (unsigned)i, &rcpts[i], dek, &pickups[i], &np[i])) {
            snprintf(err, errlen, "portal store: no random bytes, or encryption failed");
            goto out;
        }
    pthread_mutex_lock(&s->lock);
    time_t now = now_of(s);
    bool ok = begin(s) && RUN(s,
                              "INSERT INTO messages(id, created, expires, sender, iv, tag, body, "
                              "sender_token_hash) VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                              NULL, A_TEXT(id), A_INT(now), A_INT(expires), A_TEXT(sender),
                              A_BLOB(iv, sizeof iv), A_BLOB(tag, sizeof tag), A_BLOB(body, len),
                              sender_token ? A_BLOB(sth, sizeof sth) : A_NULL);
    for (size_t i = 0; ok && i < n; i++)
        ok = RUN(s,
                 "INSERT INTO pickups(token_hash, message, ord, recipient, verify, phone_wrapped, "
                 "dek_wrapped, code_mac) VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                 NULL, A_BLOB(np[i].th, 32), A_TEXT(id), A_INT(i), A_TEXT(rcpts[i].address),
                 A_INT(rcpts[i].verify),
                 np[i].phone_len ? A_BLOB(np[i].phone, np[i].phone_len) : A_NULL,
                 A_BLOB(np[i].dek_wrapped, WRAPPED_LEN), A_BLOB(np[i].code_mac, 32));
    if (!ok)
        io_err(s, err, errlen);
    if (!end(s, ok) && ok) {
        io_err(s, err, errlen);
        unknown = true;
    } else if (ok) {
        st = SL_OK;
    }
    pthread_mutex_unlock(&s->lock);
out:
    /* nothing kept (rolled back, or never begun): no id to withdraw; a
     * commit that failed may have been done, so its id stays */
    if (st != SL_OK && !unknown)
        id[0] = '\0';
    OPENSSL_cleanse(dek, sizeof dek);
    free(body);
    if (np)
        OPENSSL_cleanse(np, (n ? n : 1) * sizeof *np);
    free(np);
    if (st != SL_OK) {
        for (size_t i = 0; i < n; i++)
            OPENSSL_cleanse(&pickups[i], sizeof pickups[i]);
        if (sender_token)
            OPENSSL_cleanse(sender_token, STORE_TOKEN_LEN + 1);
    }
    return st;
}

/* add_event - record kind at at for the pickup th, once per pickup when
 * once (the sent, opened and locked events) */
static bool add_event(struct store *s, const unsigned char th[32], enum store_event kind, time_t at,
                      bool once, int *changes)
{
    return once ? RUN(s,
                      "INSERT INTO events(message, rcpt, kind, at) SELECT message, ord, ?1, ?2 "
                      "FROM pickups p WHERE token_hash = ?3 AND NOT EXISTS (SELECT 1 FROM events "
                      "e WHERE e.message = p.message AND e.rcpt = p.ord AND e.kind = ?1)",
                      changes, A_INT(kind), A_INT(at), A_BLOB(th, 32))
                : RUN(s,
                      "INSERT INTO events(message, rcpt, kind, at) SELECT message, ord, ?1, ?2 "
                      "FROM pickups WHERE token_hash = ?3",
                      changes, A_INT(kind), A_INT(at), A_BLOB(th, 32));
}

enum sl_status store_sent(struct store *s, const char *token, char *err, size_t errlen)
{
    unsigned char th[32];
    if (!hash_token(token, th)) {
        snprintf(err, errlen, "portal store: not a token");
        return SL_EINVAL;
    }
    pthread_mutex_lock(&s->lock);
    int known = 0;
    bool ok = begin(s) && add_event(s, th, STORE_EV_SENT, now_of(s), true, NULL);
    /* whether the pickup exists: a second store_sent adds nothing, an
     * unknown token neither */
    struct sql_stmt *q = NULL;
    if (ok &&
        sql_prepare(s->db, "SELECT count(*) FROM pickups WHERE token_hash = ?", &q) == SQL_OK &&
        sql_bind_blob(q, 1, th, 32) == SQL_OK && sql_step(q) == SQL_ROW)
        known = sql_column_int(q, 0);
    else
        ok = false;
    sql_finalize(q);
    enum sl_status st = SL_OK;
    if (!ok)
        st = io_err(s, err, errlen);
    if (!end(s, ok) && ok)
        st = io_err(s, err, errlen);
    pthread_mutex_unlock(&s->lock);
    if (st == SL_OK && known == 0) {
        snprintf(err, errlen, "portal store: no such pickup");
        return SL_EINVAL;
    }
    return st;
}

enum sl_status store_delete(struct store *s, const char *id, char *err, size_t errlen)
{
    /* the pickups by name too: not only through ON DELETE CASCADE */
    static const char *const sql[] = {
        "DELETE FROM sessions WHERE token_hash IN (SELECT token_hash FROM pickups WHERE message=?)",
        "DELETE FROM replies WHERE message = ?",
        "DELETE FROM pickups WHERE message = ?",
        "DELETE FROM events WHERE message = ?",
        "DELETE FROM messages WHERE id = ?",
    };
    pthread_mutex_lock(&s->lock);
    bool ok = begin(s);
    for (size_t i = 0; ok && i < sizeof sql / sizeof sql[0]; i++)
        ok = RUN(s, sql[i], NULL, A_TEXT(id));
    enum sl_status st = SL_OK;
    if (!ok)
        st = io_err(s, err, errlen);
    if (!end(s, ok) && ok)
        st = io_err(s, err, errlen);
    pthread_mutex_unlock(&s->lock);
    return st;
}

/* failed - STORE_FAILED with why in err: a database that stayed busy (or
 * locked) is said to be one, never taken for an answer */
static enum store_fetch failed(struct store *s, char *err, size_t errlen)
{
    if (busy(s))
        snprintf(err, errlen,
                 "portal store: the database stayed busy for %d ms (another process is "
                 "writing); no code was checked, try again",
                 s->busy_ms);
    else
        snprintf(err, errlen, "portal store: %s; no code was checked", sql_errmsg(s->db));
    return STORE_FAILED;
}

/* damaged - STORE_DAMAGED, saying so */
static enum store_fetch damaged(char *err, size_t errlen)
{
    snprintf(err, errlen, "portal store: the stored message fails authentication");
    return STORE_DAMAGED;
}

/* a pickup and its message, as read by read_pickup (no content) */
struct pickup {
    char id[STORE_ID_LEN + 1], sender[320], recipient[320];
    time_t created, expires, revoked, expired, otp_expires, picked_up, otp_window;
    unsigned ord;
    int verify, tries, otp_sends;
    bool has_otp, has_dek, has_master, has_code;
    unsigned char otp_mac[32], code_mac[32], dek_wrapped[WRAPPED_LEN], wrapped[WRAPPED_LEN];
    unsigned char phone[SEALED(PHONE_MAX)];
    size_t phone_len;
};

static const char PICKUP_SQL[] =
    "SELECT m.id, m.created, m.expires, m.sender, m.revoked, m.expired, p.ord, p.recipient,"
    " p.verify, p.tries, p.otp_mac, p.otp_expires, p.phone_wrapped, p.dek_wrapped, m.wrapped,"
    " p.code_mac, p.picked_up, p.otp_sends, p.otp_window FROM pickups p JOIN messages m"
    " ON m.id = p.message WHERE p.token_hash = ?";

/* opt_blob - column col into out: NULL leaves *has false; n bytes are
 * copied; another length is false (a damaged row) */
static bool opt_blob(struct sql_stmt *q, int col, void *out, size_t n, bool *has)
{
    *has = sql_column_type(q, col) != SQL_NULL;
    return !*has || blob(q, col, out, n);
}

static void text_col(struct sql_stmt *q, int col, char *out, size_t n)
{
    const char *t = sql_column_text(q, col);
    snprintf(out, n, "%s", t ? t : "");
}

/* read_pickup - the pickup with token hash th: STORE_FOUND (p filled),
 * STORE_UNKNOWN, STORE_DAMAGED (a field of the wrong size), STORE_FAILED */
static enum store_fetch read_pickup(struct store *s, const unsigned char th[32], struct pickup *p,
                                    char *err, size_t errlen)
{
    struct sql_stmt *q = NULL;
    memset(p, 0, sizeof *p);
    if (sql_prepare(s->db, PICKUP_SQL, &q) != SQL_OK)
        return failed(s, err, errlen);
    sql_bind_blob(q, 1, th, 32);
    enum store_fetch r = STORE_FOUND;
    int rc = sql_step(q);
    if (rc == SQL_DONE) {
        r = STORE_UNKNOWN;
    } else if (rc != SQL_ROW) {
        r = failed(s, err, errlen);
    } else {
        bool phone = false, ok = sql_column_bytes(q, 0) == STORE_ID_LEN;
        text_col(q, 0, p->id, sizeof p->id);
        p->created = (time_t)sql_column_int64(q, 1);
        p->expires = (time_t)sql_column_int64(q, 2);
        text_col(q, 3, p->sender, sizeof p->sender);
        p->revoked = (time_t)sql_column_int64(q, 4);
        p->expired = (time_t)sql_column_int64(q, 5);
        p->ord = (unsigned)sql_column_int(q, 6);
        text_col(q, 7, p->recipient, sizeof p->recipient);
        p->verify = sql_column_int(q, 8);
        p->tries = sql_column_int(q, 9);
        ok = ok && opt_blob(q, 10, p->otp_mac, 32, &p->has_otp);
        p->otp_expires = (time_t)sql_column_int64(q, 11);
        p->phone_len = (size_t)sql_column_bytes(q, 12);
        ok = ok && p->phone_len <= sizeof p->phone &&
             opt_blob(q, 12, p->phone, p->phone_len, &phone);
        ok = ok && opt_blob(q, 13, p->dek_wrapped, WRAPPED_LEN, &p->has_dek);
        ok = ok && opt_blob(q, 14, p->wrapped, WRAPPED_LEN, &p->has_master);
        ok = ok && opt_blob(q, 15, p->code_mac, 32, &p->has_code);
        p->picked_up = (time_t)sql_column_int64(q, 16);
        p->otp_sends = sql_column_int(q, 17);
        p->otp_window = (time_t)sql_column_int64(q, 18);
        if (!ok || p->verify < STORE_VERIFY_CODE || p->verify > STORE_VERIFY_SMS) {
            snprintf(err, errlen, "portal store: a damaged row");
            r = STORE_DAMAGED;
        }
    }
    sql_finalize(q);
    return r;
}

/* pickup_state - whether the pickup may be tried at now */
static enum store_fetch pickup_state(const struct pickup *p, time_t now)
{
    if (p->revoked)
        return STORE_REVOKED;
    if (p->expired || p->expires < now)
        return STORE_EXPIRED;
    if (p->tries >= STORE_MAX_TRIES)
        return STORE_LOCKED;
    return STORE_FOUND;
}

/* cc_len - the length of the country code that digits begin with (ITU-T
 * E.164 assignments: 1 and 7 stand alone, these two-digit codes, the rest
 * three digits) */
static size_t cc_len(const char *digits)
{
    static const char two[] = "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 "
                              "54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 "
                              "95 98";
    if (digits[0] == '1' || digits[0] == '7')
        return 1;
    for (const char *t = two; *t; t += t[2] ? 3 : 2)
        if (t[0] == digits[0] && t[1] == digits[1])
            return 2;
    return 3;
}

/* mask_address - "j***@gmail.com": the first character of the local part
 * and the domain */
static void mask_address(const char *a, char *out, size_t n)
{
    const char *at = strrchr(a, '@');
    if (at == NULL || at == a)
        snprintf(out, n, "***");
    else
        snprintf(out, n, "%c***%s", a[0], at);
}

/* mask_phone - "+31 ***** 678": the country code and the last three digits */
static void mask_phone(const char *p, char *out, size_t n)
{
    size_t len = strlen(p);
    if (!phone_ok(p)) {
        snprintf(out, n, "***");
        return;
    }
    snprintf(out, n, "+%.*s ***** %s", (int)cc_len(p + 1), p + 1, p + len - 3);
}

/* pickup_phone - the phone number of the pickup, unwrapped with its token */
static bool pickup_phone(const struct store *s, const struct pickup *p, const char *token,
                         char out[PHONE_MAX + 1])
{
    unsigned char kr[KEY_LEN];
    char aad[96];
    if (p->phone_len < SEALED(1) || p->phone_len > SEALED(PHONE_MAX))
        return false;
    derive(s, "sluis-pickup:", token, kr);
    aad_of(aad, "sluis-phone:", p->id, p->ord);
    bool ok = unseal(kr, aad, p->phone, p->phone_len, (unsigned char *)out);
    OPENSSL_cleanse(kr, sizeof kr);
    out[ok ? p->phone_len - SEALED(0) : 0] = '\0';
    return ok;
}

/* pickup_dek - the message key through the pickup: unwrapped with its
 * token, or (messages of version 2) with the master key */
static bool pickup_dek(const struct store *s, const struct pickup *p, const char *token,
                       unsigned char dek[KEY_LEN])
{
    if (p->has_master)
        return unwrap(s, p->id, p->wrapped, dek);
    if (!p->has_dek)
        return false;
    unsigned char kr[KEY_LEN];
    char aad[96];
    derive(s, "sluis-pickup:", token, kr);
    aad_of(aad, "sluis-dek:", p->id, p->ord);
    bool ok = unseal(kr, aad, p->dek_wrapped, WRAPPED_LEN, dek);
    OPENSSL_cleanse(kr, sizeof kr);
    return ok;
}

/* fill_info - what a token leads to, without content; token unwraps the
 * phone number to mask (NULL, for a token that cannot be tried: masked_to
 * stays empty) */
static void fill_info(const struct store *s, const struct pickup *p, const char *token, time_t now,
                      struct store_info *info)
{
    memset(info, 0, sizeof *info);
    memcpy(info->id, p->id, sizeof info->id);
    char phone[PHONE_MAX + 1] = "";
    snprintf(info->recipient, sizeof info->recipient, "%s", p->recipient);
    snprintf(info->sender, sizeof info->sender, "%s", p->sender);
    info->verify = (enum store_verify)p->verify;
    info->created = p->created;
    info->expires = p->expires;
    info->tries_left = p->tries >= STORE_MAX_TRIES ? 0 : STORE_MAX_TRIES - p->tries;
    info->otp_pending = p->has_otp && p->otp_expires >= now;
    if (token == NULL)
        return;
    if (p->verify == STORE_VERIFY_EMAIL)
        mask_address(p->recipient, info->masked_to, sizeof info->masked_to);
    else if (p->verify == STORE_VERIFY_SMS && token && pickup_phone(s, p, token, phone))
        mask_phone(phone, info->masked_to, sizeof info->masked_to);
    OPENSSL_cleanse(phone, sizeof phone);
}

enum store_fetch store_lookup(struct store *s, const char *token, struct store_info *info,
                              char *err, size_t errlen)
{
    unsigned char th[32];
    struct pickup p;
    memset(info, 0, sizeof *info);
    if (!hash_token(token, th))
        return STORE_UNKNOWN;
    pthread_mutex_lock(&s->lock);
    time_t now = now_of(s);
    enum store_fetch r = read_pickup(s, th, &p, err, errlen);
    if (r == STORE_FOUND) {
        r = pickup_state(&p, now);
        fill_info(s, &p, r == STORE_FOUND ? token : NULL, now, info);
    }
    pthread_mutex_unlock(&s->lock);
    OPENSSL_cleanse(&p, sizeof p);
    return r;
}

/* how reserve_try compares */
enum try_kind {
    TRY_ACCESS, /* the access code */
    TRY_METHOD, /* the pickup's method: the access code for STORE_VERIFY_CODE, else the
                   current one-time code (STORE_NO_CODE, no try, when there is none) */
};

/* reserve_try - count a try for the token (and for the client, when its
 * hash ch is not NULL) before its code is compared: STORE_FOUND only once
 * the count is committed (on disk: synchronous=FULL), with the pickup as it
 * was then in p. The check and the count are one write transaction, taken
 * with BEGIN IMMEDIATE so that every connection, in any process, waits for
 * the write lock (up to busy_ms) before it reads the count: however many
 * guess at once, no more than STORE_MAX_TRIES codes are ever compared. A
 * per-process mutex cannot give that; a read-then-update can fail its
 * upgrade to a write under contention. */
static enum store_fetch reserve_try(struct store *s, const unsigned char th[32],
                                    const unsigned char *ch, enum try_kind kind, struct pickup *p,
                                    char *err, size_t errlen)
{
    if (!begin(s))
        return failed(s, err, errlen);
    time_t now = now_of(s);
    enum store_fetch r = read_pickup(s, th, p, err, errlen);
    if (r == STORE_FOUND)
        r = pickup_state(p, now);
    if (r == STORE_FOUND && ch) {
        struct sql_stmt *q = NULL;
        if (sql_prepare(s->db, "SELECT fails FROM clients WHERE hash = ? AND since > ?", &q) !=
            SQL_OK)
            r = failed(s, err, errlen);
        else {
            sql_bind_blob(q, 1, ch, 32);
            sql_bind_int64(q, 2, (int64_t)(now - HOUR));
            int rc = sql_step(q);
            if (rc == SQL_ROW && sql_column_int(q, 0) >= STORE_CLIENT_FAILS)
                r = STORE_CLIENT_LOCKED;
            else if (rc != SQL_ROW && rc != SQL_DONE)
                r = failed(s, err, errlen);
        }
        sql_finalize(q);
    }
    bool otp = kind == TRY_METHOD && p->verify != STORE_VERIFY_CODE;
    if (r == STORE_FOUND && otp && !(p->has_otp && p->otp_expires >= now))
        r = STORE_NO_CODE;
    if (r == STORE_FOUND && !otp && !p->has_code)
        r = damaged(err, errlen);
    int changed = 0;
    /* the limit again in the statement: the count never passes it */
    if (r == STORE_FOUND &&
        !RUN(s, "UPDATE pickups SET tries = tries + 1 WHERE token_hash = ? AND tries < ?", &changed,
             A_BLOB(th, 32), A_INT(STORE_MAX_TRIES)))
        r = failed(s, err, errlen);
    else if (r == STORE_FOUND && changed != 1)
        r = STORE_LOCKED;
    /* the client's count: a new hour starts a new count. The old row's
     * columns by the table's name: PostgreSQL takes a bare one for
     * ambiguous (the row that was not inserted is in scope as well) */
    if (r == STORE_FOUND && ch &&
        !RUN(s,
             "INSERT INTO clients(hash, since, fails) VALUES(?1, ?2, 1) ON CONFLICT(hash) DO "
             "UPDATE SET fails = CASE WHEN clients.since <= ?2 - ?3 THEN 1 ELSE clients.fails + 1 "
             "END, since = CASE WHEN clients.since <= ?2 - ?3 THEN ?2 ELSE clients.since END",
             NULL, A_BLOB(ch, 32), A_INT(now), A_INT(HOUR)))
        r = failed(s, err, errlen);
    if (r == STORE_FOUND && !end(s, true))
        r = failed(s, err, errlen);
    else if (r != STORE_FOUND)
        end(s, false);
    return r;
}

/* give_back - in the caller's write transaction: a right code returns the
 * try it reserved, for the token and the client (wrong ones stay counted
 * for the token's life); when opened, the pickup time and the opened event
 * are recorded the first time. (Not SQLite's two-argument max(), which
 * PostgreSQL calls GREATEST: a CASE both run.) */
static bool give_back(struct store *s, const unsigned char th[32], const unsigned char *ch,
                      bool opened, time_t now)
{
    bool ok = RUN(s,
                  "UPDATE pickups SET tries = CASE WHEN tries > 0 THEN tries - 1 ELSE 0 END "
                  "WHERE token_hash = ?",
                  NULL, A_BLOB(th, 32));
    if (ok && ch)
        ok = RUN(s,
                 "UPDATE clients SET fails = CASE WHEN fails > 0 THEN fails - 1 ELSE 0 END "
                 "WHERE hash = ?",
                 NULL, A_BLOB(ch, 32));
    if (ok && opened)
        ok = add_event(s, th, STORE_EV_OPENED, now, true, NULL) &&
             RUN(s, "UPDATE pickups SET picked_up = ? WHERE token_hash = ? AND picked_up IS NULL",
                 NULL, A_INT(now), A_BLOB(th, 32));
    return ok;
}

/* note_wrong - after a wrong code: the locked event once the token is
 * locked (best effort). A read-modify-write (is there one yet?), so in a
 * write transaction: a statement alone would not keep two processes (on
 * PostgreSQL) from both finding none */
static void note_wrong(struct store *s, const unsigned char th[32])
{
    if (begin(s))
        end(s, RUN(s,
                   "INSERT INTO events(message, rcpt, kind, at) SELECT message, ord, ?1, ?2 FROM "
                   "pickups p WHERE token_hash = ?3 AND tries >= ?4 AND NOT EXISTS (SELECT 1 FROM "
                   "events e WHERE e.message = p.message AND e.rcpt = p.ord AND e.kind = ?1)",
                   NULL, A_INT(STORE_EV_LOCKED), A_INT(now_of(s)), A_BLOB(th, 32),
                   A_INT(STORE_MAX_TRIES)));
}

/* decrypt_body - the original of message id under dek into out (reset
 * first) */
static enum store_fetch decrypt_body(struct store *s, const char *id,
                                     const unsigned char dek[KEY_LEN], struct buf *out, char *err,
                                     size_t errlen)
{
    struct sql_stmt *q = NULL;
    if (sql_prepare(s->db, "SELECT iv, tag, body FROM messages WHERE id = ?", &q) != SQL_OK)
        return failed(s, err, errlen);
    sql_bind_text(q, 1, id, -1);
    enum store_fetch r = STORE_UNKNOWN;
    unsigned char iv[IV_LEN], tag[TAG_LEN];
    int rc = sql_step(q);
    if (rc != SQL_ROW && rc != SQL_DONE)
        r = failed(s, err, errlen);
    else if (rc == SQL_ROW) {
        size_t len = (size_t)sql_column_bytes(q, 2);
        unsigned char *plain = malloc(len + 16);
        r = damaged(err, errlen);
        if (plain == NULL) {
            snprintf(err, errlen, "portal store: out of memory");
            r = STORE_FAILED;
        } else if (blob(q, 0, iv, sizeof iv) && blob(q, 1, tag, sizeof tag) &&
                   sql_column_type(q, 2) != SQL_NULL &&
                   gcm(false, dek, iv, id, 32, sql_column_blob(q, 2), len, plain, tag)) {
            buf_reset(out);
            if (buf_append(out, plain, len) == SL_OK) {
                r = STORE_FOUND;
                if (errlen > 0)
                    err[0] = '\0';
            } else {
                snprintf(err, errlen, "portal store: out of memory");
                r = STORE_FAILED;
            }
        }
        if (plain)
            OPENSSL_cleanse(plain, len);
        free(plain);
    }
    sql_finalize(q);
    return r;
}

enum store_fetch store_fetch(struct store *s, const char *token, const char *code, struct buf *msg,
                             char *rcpt_out, size_t rcpt_len, char *err, size_t errlen)
{
    unsigned char th[32], dek[KEY_LEN];
    struct pickup p;
    if (!hash_token(token, th))
        return STORE_UNKNOWN;
    pthread_mutex_lock(&s->lock);
    enum store_fetch r;
    if (code == NULL) {
        r = read_pickup(s, th, &p, err, errlen);
        if (r == STORE_FOUND)
            r = pickup_state(&p, now_of(s));
    } else {
        r = reserve_try(s, th, NULL, TRY_ACCESS, &p, err, errlen);
    }
    if (code != NULL && r == STORE_FOUND) {
        if (!code_right(s, "", th, code, p.code_mac)) {
            r = STORE_WRONG_CODE;
            note_wrong(s, th);
        } else {
            r = pickup_dek(s, &p, token, dek) ? decrypt_body(s, p.id, dek, msg, err, errlen)
                                              : damaged(err, errlen);
            OPENSSL_cleanse(dek, sizeof dek);
            if (r == STORE_FOUND && rcpt_out)
                snprintf(rcpt_out, rcpt_len, "%s", p.recipient);
            /* best effort: if it fails the try stays spent */
            if (begin(s))
                end(s, give_back(s, th, NULL, r == STORE_FOUND, now_of(s)));
        }
    }
    pthread_mutex_unlock(&s->lock);
    OPENSSL_cleanse(&p, sizeof p);
    return r;
}

/* remove_content - in the caller's write transaction: the message id (or,
 * id NULL, every message whose expiry is before now) loses its content,
 * keys, replies, sessions and codes, and becomes a tombstone dated now;
 * the event kind is recorded per recipient. *count: how many messages. */
static bool remove_content(struct store *s, const char *id, time_t now, enum store_event kind,
                           int *count)
{
    const char *cond = id ? "id = ?1 AND revoked IS NULL AND expired IS NULL"
                          : "expires < ?1 AND revoked IS NULL AND expired IS NULL";
    /* each statement is head || cond || tail */
    static const char *const sql[][2] = {
        {"INSERT INTO events(message, rcpt, kind, at) SELECT message, ord, ?3, ?2 FROM pickups "
         "WHERE message IN (SELECT id FROM messages WHERE ",
         ") ORDER BY message, ord"},
        {"DELETE FROM sessions WHERE token_hash IN (SELECT token_hash FROM pickups WHERE "
         "message IN (SELECT id FROM messages WHERE ",
         "))"},
        {"DELETE FROM replies WHERE message IN (SELECT id FROM messages WHERE ", ")"},
        {"UPDATE pickups SET dek_wrapped = NULL, phone_wrapped = NULL, code_mac = NULL, "
         "otp_mac = NULL, otp_expires = NULL WHERE message IN (SELECT id FROM messages WHERE ",
         ")"},
        /* last: it ends the condition */
        {NULL, ""},
    };
    const char *last = kind == STORE_EV_REVOKED
                           ? "UPDATE messages SET wrapped = NULL, iv = NULL, tag = NULL, body = "
                             "NULL, revoked = ?2 WHERE "
                           : "UPDATE messages SET wrapped = NULL, iv = NULL, tag = NULL, body = "
                             "NULL, expired = ?2 WHERE ";
    bool ok = true;
    for (size_t i = 0; ok && i < sizeof sql / sizeof sql[0]; i++) {
        char q[512];
        snprintf(q, sizeof q, "%s%s%s", sql[i][0] ? sql[i][0] : last, cond, sql[i][1]);
        ok = RUN(s, q, count, id ? A_TEXT(id) : A_INT(now), A_INT(now), A_INT(kind));
    }
    return ok;
}

/* scrub - after content went from an SQLite file: move the write-ahead
 * log into the file and empty it, so the freed (zeroed) pages replace the
 * old ones on disk. Best effort: a reader of an old snapshot in another
 * process holds it up. Nothing on PostgreSQL, whose files are its own. */
static void scrub(struct store *s)
{
    sqlite3 *h = sql_sqlite(s->db);
    if (h != NULL)
        sqlite3_wal_checkpoint_v2(h, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
}

enum sl_status store_expire(struct store *s, time_t now, unsigned *removed, char *err,
                            size_t errlen)
{
    static const char *const purge[] = {
        "DELETE FROM sessions WHERE token_hash IN (SELECT token_hash FROM pickups WHERE message "
        "IN (SELECT id FROM messages WHERE coalesce(revoked, expired) < ?1))",
        "DELETE FROM replies WHERE message IN (SELECT id FROM messages WHERE "
        "coalesce(revoked, expired) < ?1)",
        "DELETE FROM pickups WHERE message IN (SELECT id FROM messages WHERE "
        "coalesce(revoked, expired) < ?1)",
        "DELETE FROM messages WHERE coalesce(revoked, expired) < ?1",
    };
    int count = 0, purged = 0;
    *removed = 0;
    pthread_mutex_lock(&s->lock);
    bool ok = begin(s) && remove_content(s, NULL, now, STORE_EV_EXPIRED, &count);
    for (size_t i = 0; ok && i < sizeof purge / sizeof purge[0]; i++)
        ok = RUN(s, purge[i], &purged, A_INT(now - (time_t)STORE_TOMBSTONE_DAYS * 86400));
    ok = ok && RUN(s, "DELETE FROM clients WHERE since <= ?", NULL, A_INT(now - HOUR)) &&
         RUN(s, "DELETE FROM sessions WHERE last <= ? OR created <= ?", NULL,
             A_INT(now - STORE_SESSION_IDLE), A_INT(now - STORE_SESSION_MAX));
    enum sl_status st = SL_OK;
    if (!ok)
        st = io_err(s, err, errlen);
    if (!end(s, ok) && ok)
        st = io_err(s, err, errlen);
    if (st == SL_OK && count + purged > 0)
        scrub(s);
    pthread_mutex_unlock(&s->lock);
    if (st == SL_OK)
        *removed = (unsigned)count;
    return st;
}

/* ---- one-time codes and sessions ---- */

enum store_fetch store_otp_new(struct store *s, const char *token, char code[STORE_CODE_LEN + 1],
                               char *dest, size_t destlen, char *err, size_t errlen)
{
    unsigned char th[32], mac[32];
    struct pickup p;
    char phone[PHONE_MAX + 1] = "";
    code[0] = '\0';
    if (destlen > 0)
        dest[0] = '\0';
    if (!hash_token(token, th))
        return STORE_UNKNOWN;
    pthread_mutex_lock(&s->lock);
    time_t now = now_of(s);
    if (!begin(s)) {
        pthread_mutex_unlock(&s->lock);
        return failed(s, err, errlen);
    }
    enum store_fetch r = read_pickup(s, th, &p, err, errlen);
    if (r == STORE_FOUND)
        r = pickup_state(&p, now);
    if (r == STORE_FOUND && p.verify == STORE_VERIFY_CODE) {
        snprintf(err, errlen, "portal store: this recipient verifies with the access code");
        r = STORE_NO_CODE;
    }
    /* the hour starts with its first code */
    if (r == STORE_FOUND && now - p.otp_window >= HOUR) {
        p.otp_window = now;
        p.otp_sends = 0;
    }
    if (r == STORE_FOUND && p.otp_sends >= STORE_OTP_SENDS)
        r = STORE_TOO_MANY_SENDS;
    if (r == STORE_FOUND && p.verify == STORE_VERIFY_SMS && !pickup_phone(s, &p, token, phone))
        r = damaged(err, errlen);
    if (r == STORE_FOUND && !code_text(code)) {
        snprintf(err, errlen, "portal store: no random bytes");
        r = STORE_FAILED;
    }
    if (r == STORE_FOUND) {
        code_mac(s, "sluis-otp:", th, code, mac);
        if (!RUN(s,
                 "UPDATE pickups SET otp_mac = ?, otp_expires = ?, otp_sends = ?, otp_window = ? "
                 "WHERE token_hash = ?",
                 NULL, A_BLOB(mac, 32), A_INT(now + STORE_OTP_SECONDS), A_INT(p.otp_sends + 1),
                 A_INT(p.otp_window), A_BLOB(th, 32)))
            r = failed(s, err, errlen);
    }
    if (!end(s, r == STORE_FOUND) && r == STORE_FOUND)
        r = failed(s, err, errlen);
    pthread_mutex_unlock(&s->lock);
    if (r == STORE_FOUND)
        snprintf(dest, destlen, "%s", p.verify == STORE_VERIFY_SMS ? phone : p.recipient);
    else
        OPENSSL_cleanse(code, STORE_CODE_LEN + 1);
    OPENSSL_cleanse(phone, sizeof phone);
    OPENSSL_cleanse(&p, sizeof p);
    return r;
}

/* session_key - K_s of a session value, and the associated data of the
 * message key wrapped under it */
static void session_key(const struct store *s, const char *session, const struct pickup *p,
                        unsigned char ks[KEY_LEN], char aad[96])
{
    derive(s, "sluis-session:", session, ks);
    aad_of(aad, "sluis-session:", p->id, p->ord);
}

enum store_fetch store_verify(struct store *s, const char *token, const char *code,
                              const char *client, char session[STORE_TOKEN_LEN + 1], char *err,
                              size_t errlen)
{
    unsigned char th[32], ch[32], sh[32], dek[KEY_LEN], ks[KEY_LEN], sw[WRAPPED_LEN];
    struct pickup p;
    char aad[96];
    session[0] = '\0';
    memset(&p, 0, sizeof p);
    memset(ks, 0, sizeof ks);
    memset(dek, 0, sizeof dek);
    if (!hash_token(token, th))
        return STORE_UNKNOWN;
    if (code == NULL)
        code = "";
    if (client)
        derive(s, "sluis-client:", client, ch);
    pthread_mutex_lock(&s->lock);
    enum store_fetch r = reserve_try(s, th, client ? ch : NULL, TRY_METHOD, &p, err, errlen);
    bool otp = p.verify != STORE_VERIFY_CODE;
    if (r == STORE_FOUND && !(otp ? code_right(s, "sluis-otp:", th, code, p.otp_mac)
                                  : code_right(s, "", th, code, p.code_mac))) {
        r = STORE_WRONG_CODE;
        note_wrong(s, th);
    } else if (r == STORE_FOUND) {
        /* the right code: the message key for a new session */
        bool keyed = pickup_dek(s, &p, token, dek) && new_token(session, sh);
        if (keyed) {
            session_key(s, session, &p, ks, aad);
            keyed = seal(ks, aad, dek, KEY_LEN, sw);
        }
        if (!keyed)
            r = damaged(err, errlen);
        time_t now = now_of(s);
        int used = 1;
        bool ok = begin(s);
        /* a one-time code is used up (and only once, whoever was first) */
        if (ok && otp)
            ok = RUN(s,
                     "UPDATE pickups SET otp_mac = NULL, otp_expires = NULL WHERE token_hash = ? "
                     "AND otp_mac = ?",
                     &used, A_BLOB(th, 32), A_BLOB(p.otp_mac, 32));
        if (ok && used != 1 && r == STORE_FOUND) {
            snprintf(err, errlen, "portal store: the one-time code was used meanwhile");
            r = STORE_NO_CODE;
        }
        ok = ok && give_back(s, th, client ? ch : NULL, r == STORE_FOUND, now);
        if (ok && r == STORE_FOUND)
            ok = RUN(s,
                     "INSERT INTO sessions(hash, token_hash, dek_wrapped, created, last) "
                     "VALUES(?, ?, ?, ?, ?)",
                     NULL, A_BLOB(sh, 32), A_BLOB(th, 32), A_BLOB(sw, sizeof sw), A_INT(now),
                     A_INT(now));
        if (!end(s, ok) && r == STORE_FOUND)
            r = failed(s, err, errlen);
    }
    pthread_mutex_unlock(&s->lock);
    if (r != STORE_FOUND)
        OPENSSL_cleanse(session, STORE_TOKEN_LEN + 1);
    OPENSSL_cleanse(dek, sizeof dek);
    OPENSSL_cleanse(ks, sizeof ks);
    OPENSSL_cleanse(&p, sizeof p);
    return r;
}

/* session_open - the session value for token, checked and its idle time
 * started anew, in one write transaction: STORE_FOUND with the pickup in p
 * and the message key in dek; a session past its time is removed
 * (STORE_UNKNOWN); without one, a message that went says so. */
static enum store_fetch session_open(struct store *s, const char *token, const char *session,
                                     struct pickup *p, unsigned char dek[KEY_LEN], char *err,
                                     size_t errlen)
{
    unsigned char th[32], sh[32], sw[WRAPPED_LEN], ks[KEY_LEN];
    char aad[96];
    memset(p, 0, sizeof *p);
    if (!hash_token(token, th) || !hash_token(session, sh))
        return STORE_UNKNOWN;
    if (!begin(s))
        return failed(s, err, errlen);
    time_t now = now_of(s);
    struct sql_stmt *q = NULL;
    enum store_fetch r = STORE_UNKNOWN;
    bool live = false, have = false;
    if (sql_prepare(s->db,
                    "SELECT created, last, dek_wrapped FROM sessions WHERE hash = ? AND "
                    "token_hash = ?",
                    &q) != SQL_OK) {
        r = failed(s, err, errlen);
    } else {
        sql_bind_blob(q, 1, sh, 32);
        sql_bind_blob(q, 2, th, 32);
        int rc = sql_step(q);
        if (rc == SQL_ROW) {
            have = true;
            time_t created = (time_t)sql_column_int64(q, 0);
            time_t last = (time_t)sql_column_int64(q, 1);
            live = now - last < STORE_SESSION_IDLE && now - created < STORE_SESSION_MAX &&
                   blob(q, 2, sw, sizeof sw);
        } else if (rc != SQL_DONE) {
            r = failed(s, err, errlen);
        }
    }
    sql_finalize(q);
    if (r != STORE_FAILED) {
        enum store_fetch pr = read_pickup(s, th, p, err, errlen);
        if (pr == STORE_FOUND)
            pr = pickup_state(p, now);
        if (pr == STORE_FAILED || pr == STORE_DAMAGED || pr == STORE_REVOKED || pr == STORE_EXPIRED)
            r = pr;
        else if (live) /* a lock by wrong codes since does not end a session */
            r = STORE_FOUND;
    }
    bool ok = true;
    if (r == STORE_FOUND)
        ok =
            RUN(s, "UPDATE sessions SET last = ? WHERE hash = ?", NULL, A_INT(now), A_BLOB(sh, 32));
    else if (have)
        ok = RUN(s, "DELETE FROM sessions WHERE hash = ?", NULL, A_BLOB(sh, 32));
    if (!end(s, ok) && r != STORE_FAILED)
        r = failed(s, err, errlen);
    if (r == STORE_FOUND) {
        session_key(s, session, p, ks, aad);
        if (!unseal(ks, aad, sw, sizeof sw, dek))
            r = damaged(err, errlen);
        OPENSSL_cleanse(ks, sizeof ks);
    }
    return r;
}

void store_thread_free(struct store_thread *t)
{
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->n; i++) {
        if (t->items[i].data.data)
            OPENSSL_cleanse(t->items[i].data.data, t->items[i].data.len);
        buf_free(&t->items[i].data);
    }
    free(t->items);
    memset(t, 0, sizeof *t);
}

/* thread_add - a new empty item at the end of t (NULL without memory) */
static struct store_item *thread_add(struct store_thread *t)
{
    struct store_item *items = realloc(t->items, (t->n + 1) * sizeof *items);
    if (items == NULL)
        return NULL;
    t->items = items;
    memset(&items[t->n], 0, sizeof items[t->n]);
    return &items[t->n++];
}

/* reply_aad - the associated data of a reply: message, recipient, time */
static void reply_aad(char out[96], const char *id, unsigned ord, time_t at)
{
    snprintf(out, 96, "sluis-reply:%.32s:%u:%lld", id, ord, (long long)at);
}

/* read_replies - the recipient's replies, oldest first, decrypted onto t */
static enum store_fetch read_replies(struct store *s, const struct pickup *p,
                                     const unsigned char dek[KEY_LEN], struct store_thread *t,
                                     char *err, size_t errlen)
{
    struct sql_stmt *q = NULL;
    if (sql_prepare(s->db,
                    "SELECT at, iv, tag, body FROM replies WHERE message = ? AND ord = ? "
                    "ORDER BY at, rowid",
                    &q) != SQL_OK)
        return failed(s, err, errlen);
    sql_bind_text(q, 1, p->id, -1);
    sql_bind_int(q, 2, (int)p->ord);
    enum store_fetch r = STORE_FOUND;
    int rc;
    while (r == STORE_FOUND && (rc = sql_step(q)) == SQL_ROW) {
        unsigned char iv[IV_LEN], tag[TAG_LEN];
        char aad[96];
        time_t at = (time_t)sql_column_int64(q, 0);
        size_t len = (size_t)sql_column_bytes(q, 3);
        struct store_item *it = thread_add(t);
        if (it == NULL || buf_reserve(&it->data, len + 16) != SL_OK) {
            snprintf(err, errlen, "portal store: out of memory");
            r = STORE_FAILED;
            break;
        }
        it->at = at;
        it->reply = true;
        reply_aad(aad, p->id, p->ord, at);
        if (!blob(q, 1, iv, sizeof iv) || !blob(q, 2, tag, sizeof tag) ||
            !gcm(false, dek, iv, aad, strlen(aad), sql_column_blob(q, 3), len,
                 (unsigned char *)it->data.data, tag)) {
            r = damaged(err, errlen);
            break;
        }
        it->data.len = len;
        it->data.data[len] = '\0';
    }
    if (r == STORE_FOUND && rc != SQL_DONE)
        r = failed(s, err, errlen);
    sql_finalize(q);
    return r;
}

enum store_fetch store_session(struct store *s, const char *token, const char *session,
                               struct store_thread *t, char *err, size_t errlen)
{
    unsigned char dek[KEY_LEN];
    struct pickup p;
    memset(t, 0, sizeof *t);
    pthread_mutex_lock(&s->lock);
    enum store_fetch r = session_open(s, token, session, &p, dek, err, errlen);
    if (r == STORE_FOUND) {
        struct store_item *it = thread_add(t);
        if (it == NULL) {
            snprintf(err, errlen, "portal store: out of memory");
            r = STORE_FAILED;
        } else {
            it->at = p.created;
            r = decrypt_body(s, p.id, dek, &it->data, err, errlen);
        }
    }
    if (r == STORE_FOUND)
        r = read_replies(s, &p, dek, t, err, errlen);
    if (r == STORE_FOUND)
        fill_info(s, &p, token, now_of(s), &t->info);
    pthread_mutex_unlock(&s->lock);
    if (r != STORE_FOUND)
        store_thread_free(t);
    OPENSSL_cleanse(dek, sizeof dek);
    OPENSSL_cleanse(&p, sizeof p);
    return r;
}

enum store_fetch store_reply(struct store *s, const char *token, const char *session,
                             const void *msg, size_t len, char *err, size_t errlen)
{
    unsigned char dek[KEY_LEN], iv[IV_LEN], tag[TAG_LEN], th[32];
    struct pickup p;
    unsigned char *body = malloc(len + 16);
    if (body == NULL) {
        snprintf(err, errlen, "portal store: out of memory");
        return STORE_FAILED;
    }
    pthread_mutex_lock(&s->lock);
    enum store_fetch r = session_open(s, token, session, &p, dek, err, errlen);
    time_t now = now_of(s);
    char aad[96];
    reply_aad(aad, p.id, p.ord, now);
    if (r == STORE_FOUND && (RAND_bytes(iv, sizeof iv) != 1 ||
                             !gcm(true, dek, iv, aad, strlen(aad), msg, len, body, tag))) {
        snprintf(err, errlen, "portal store: encryption failed");
        r = STORE_FAILED;
    }
    if (r == STORE_FOUND) {
        hash_token(token, th);
        bool ok = begin(s) &&
                  RUN(s,
                      "INSERT INTO replies(message, ord, at, iv, tag, body) VALUES(?, ?, ?, ?, ?, "
                      "?)",
                      NULL, A_TEXT(p.id), A_INT(p.ord), A_INT(now), A_BLOB(iv, sizeof iv),
                      A_BLOB(tag, sizeof tag), A_BLOB(body, len)) &&
                  add_event(s, th, STORE_EV_REPLIED, now, false, NULL);
        if (!end(s, ok))
            r = failed(s, err, errlen);
    }
    pthread_mutex_unlock(&s->lock);
    OPENSSL_cleanse(dek, sizeof dek);
    OPENSSL_cleanse(&p, sizeof p);
    free(body);
    return r;
}

enum sl_status store_logout(struct store *s, const char *session, char *err, size_t errlen)
{
    unsigned char sh[32];
    if (!hash_token(session, sh))
        return SL_OK;
    pthread_mutex_lock(&s->lock);
    enum sl_status st = RUN(s, "DELETE FROM sessions WHERE hash = ?", NULL, A_BLOB(sh, 32))
                            ? SL_OK
                            : io_err(s, err, errlen);
    pthread_mutex_unlock(&s->lock);
    return st;
}

/* ---- the sender ---- */

/* sender_message - the message of the sender's token hash sth: its id,
 * and whether its content is gone */
static enum store_fetch sender_message(struct store *s, const unsigned char sth[32],
                                       char id[STORE_ID_LEN + 1], bool *gone, char *err,
                                       size_t errlen)
{
    struct sql_stmt *q = NULL;
    if (sql_prepare(s->db,
                    "SELECT id, revoked IS NOT NULL OR expired IS NOT NULL FROM messages "
                    "WHERE sender_token_hash = ?",
                    &q) != SQL_OK)
        return failed(s, err, errlen);
    sql_bind_blob(q, 1, sth, 32);
    enum store_fetch r = STORE_UNKNOWN;
    int rc = sql_step(q);
    if (rc == SQL_ROW && sql_column_bytes(q, 0) == STORE_ID_LEN) {
        text_col(q, 0, id, STORE_ID_LEN + 1);
        *gone = sql_column_int(q, 1) != 0;
        r = STORE_FOUND;
    } else if (rc == SQL_ROW) {
        snprintf(err, errlen, "portal store: a damaged row");
        r = STORE_DAMAGED;
    } else if (rc != SQL_DONE) {
        r = failed(s, err, errlen);
    }
    sql_finalize(q);
    return r;
}

void store_status_free(struct store_status *st)
{
    if (st == NULL)
        return;
    free(st->rcpts);
    memset(st, 0, sizeof *st);
}

/* status_read - the rest of st for message id (st->id set) */
static bool status_read(struct store *s, struct store_status *st)
{
    struct sql_stmt *q = NULL;
    bool ok = sql_prepare(s->db,
                          "SELECT sender, created, expires, revoked, expired FROM messages "
                          "WHERE id = ?",
                          &q) == SQL_OK;
    if (ok) {
        sql_bind_text(q, 1, st->id, -1);
        ok = sql_step(q) == SQL_ROW;
    }
    if (ok) {
        text_col(q, 0, st->sender, sizeof st->sender);
        st->created = (time_t)sql_column_int64(q, 1);
        st->expires = (time_t)sql_column_int64(q, 2);
        st->revoked = (time_t)sql_column_int64(q, 3);
        st->expired = (time_t)sql_column_int64(q, 4);
    }
    sql_finalize(q);
    q = NULL;
    ok = ok && sql_prepare(s->db,
                           "SELECT recipient, verify, tries >= ?, ord FROM pickups WHERE "
                           "message = ? ORDER BY ord",
                           &q) == SQL_OK;
    int rc = SQL_DONE;
    if (ok) {
        sql_bind_int(q, 1, STORE_MAX_TRIES);
        sql_bind_text(q, 2, st->id, -1);
    }
    while (ok && (rc = sql_step(q)) == SQL_ROW) {
        unsigned ord = (unsigned)sql_column_int(q, 3);
        if (ord != st->n) /* ords are 0..n-1: another is a damaged store */
            continue;
        struct store_rcpt_status *r = realloc(st->rcpts, (st->n + 1) * sizeof *r);
        if (r == NULL) {
            ok = false;
            break;
        }
        st->rcpts = r;
        r = &st->rcpts[st->n++];
        memset(r, 0, sizeof *r);
        text_col(q, 0, r->address, sizeof r->address);
        r->verify = (enum store_verify)sql_column_int(q, 1);
        r->locked = sql_column_int(q, 2) != 0;
    }
    ok = ok && rc == SQL_DONE;
    sql_finalize(q);
    q = NULL;
    /* the first sent and opened, the latest reply */
    ok = ok && sql_prepare(s->db,
                           "SELECT rcpt, kind, min(at), max(at) FROM events WHERE "
                           "message = ? GROUP BY rcpt, kind",
                           &q) == SQL_OK;
    if (ok)
        sql_bind_text(q, 1, st->id, -1);
    while (ok && (rc = sql_step(q)) == SQL_ROW) {
        int64_t k = sql_column_int64(q, 0);
        if (k < 0 || (size_t)k >= st->n)
            continue;
        struct store_rcpt_status *r = &st->rcpts[k];
        time_t first = (time_t)sql_column_int64(q, 2);
        switch (sql_column_int(q, 1)) {
        case STORE_EV_SENT:
            r->sent = first;
            break;
        case STORE_EV_OPENED:
            r->opened = first;
            break;
        case STORE_EV_REPLIED:
            r->replied = (time_t)sql_column_int64(q, 3);
            break;
        default:
            break;
        }
    }
    ok = ok && rc == SQL_DONE;
    sql_finalize(q);
    return ok;
}

enum store_fetch store_status(struct store *s, const char *sender_token, struct store_status *st,
                              char *err, size_t errlen)
{
    unsigned char sth[32];
    bool gone = false;
    memset(st, 0, sizeof *st);
    if (!hash_token(sender_token, sth))
        return STORE_UNKNOWN;
    pthread_mutex_lock(&s->lock);
    /* one read transaction: the message, its pickups and events agree */
    enum store_fetch r = sql_begin(s->db, false) == SQL_OK
                             ? sender_message(s, sth, st->id, &gone, err, errlen)
                             : failed(s, err, errlen);
    if (r == STORE_FOUND && !status_read(s, st))
        r = failed(s, err, errlen);
    sql_rollback(s->db); /* it wrote nothing: ending it either way is the same */
    pthread_mutex_unlock(&s->lock);
    if (r != STORE_FOUND)
        store_status_free(st);
    return r;
}

enum store_fetch store_revoke(struct store *s, const char *sender_token, char *err, size_t errlen)
{
    unsigned char sth[32];
    char id[STORE_ID_LEN + 1];
    bool gone = false;
    if (!hash_token(sender_token, sth))
        return STORE_UNKNOWN;
    pthread_mutex_lock(&s->lock);
    enum store_fetch r =
        begin(s) ? sender_message(s, sth, id, &gone, err, errlen) : failed(s, err, errlen);
    int count = 0;
    bool ok = r == STORE_FOUND;
    if (ok && !gone)
        ok = remove_content(s, id, now_of(s), STORE_EV_REVOKED, &count);
    if (!end(s, ok) && r == STORE_FOUND)
        r = failed(s, err, errlen);
    if (r == STORE_FOUND && count > 0)
        scrub(s);
    pthread_mutex_unlock(&s->lock);
    return r;
}

/* ---- events ---- */

#define EVENT_BATCH 256

enum sl_status store_events(struct store *s, time_t since,
                            bool (*fn)(const struct store_event_row *e, void *arg), void *arg,
                            char *err, size_t errlen)
{
    struct store_event_row *rows = malloc(EVENT_BATCH * sizeof *rows);
    if (rows == NULL) {
        snprintf(err, errlen, "portal store: out of memory");
        return SL_ENOMEM;
    }
    /* in batches, fn called without the lock (it may use the store): the
     * next batch starts after the last (at, rowid) seen */
    int64_t at = (int64_t)since, rowid = -1;
    enum sl_status st = SL_OK;
    for (bool more = true; more;) {
        size_t n = 0;
        pthread_mutex_lock(&s->lock);
        struct sql_stmt *q = NULL;
        int rc = SQL_ERROR;
        if (sql_prepare(s->db,
                        "SELECT message, rcpt, kind, at, rowid FROM events WHERE at > ?1 "
                        "OR (at = ?1 AND rowid > ?2) ORDER BY at, rowid LIMIT ?3",
                        &q) == SQL_OK) {
            sql_bind_int64(q, 1, at);
            sql_bind_int64(q, 2, rowid);
            sql_bind_int(q, 3, EVENT_BATCH);
            while ((rc = sql_step(q)) == SQL_ROW) {
                struct store_event_row *e = &rows[n++];
                text_col(q, 0, e->id, sizeof e->id);
                e->rcpt = (unsigned)sql_column_int(q, 1);
                e->kind = (enum store_event)sql_column_int(q, 2);
                e->at = (time_t)sql_column_int64(q, 3);
                at = sql_column_int64(q, 3);
                rowid = sql_column_int64(q, 4);
            }
        }
        if (rc != SQL_DONE)
            st = io_err(s, err, errlen);
        sql_finalize(q);
        pthread_mutex_unlock(&s->lock);
        more = st == SL_OK && n == EVENT_BATCH;
        for (size_t i = 0; st == SL_OK && i < n; i++)
            if (!fn(&rows[i], arg)) {
                more = false;
                break;
            }
    }
    free(rows);
    return st;
}
