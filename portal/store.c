/*
 * store - the portal store. See store.h.
 *
 * Layout of the database (user_version 2):
 *   messages(id, created, expires, sender, wrapped, iv, tag, body)
 *     wrapped = IV(12) | the message key encrypted (32) | tag(16), under
 *     the master key with "sluis-key:" || id as associated data;
 *     body encrypted under the message key with id as associated data.
 *   pickups(token_hash, message, recipient, code_mac, tries, picked_up)
 *     token_hash = SHA-256(token); code_mac = HMAC-SHA256(master key,
 *     token_hash || code); tries = wrong codes so far, plus one for each
 *     code being compared (see reserve_try).
 *   meta(name, value)
 *     "key_check" = HMAC-SHA256(master key, KEY_CHECK_LABEL): which master
 *     key the store was made with, so that another key is refused at open
 *     instead of reading as wrong codes (user_version 1 had no meta).
 * Why GCM for the wrapping too: one authenticated primitive, and a wrong
 * master key fails loudly instead of yielding a wrong message key.
 */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
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

#define KEY_LEN 32
#define IV_LEN  12
#define TAG_LEN 16

struct store {
    sqlite3 *db;
    int busy_ms; /* the busy timeout */
    pthread_mutex_t lock;
    unsigned char master[KEY_LEN];
};

const char *store_fetch_name(enum store_fetch f)
{
    static const char *const names[] = {"found",  "unknown token", "expired",    "wrong code",
                                        "locked", "damaged",       "store error"};
    return f <= STORE_FAILED ? names[f] : "?";
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

static int unhex(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
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
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        snprintf(err, errlen, "portal key %s: %s (make one with: sluis portal keygen %s)", path,
                 strerror(errno), path);
        if (fd >= 0)
            close(fd);
        return SL_EIO;
    }
    if (!S_ISREG(st.st_mode) || (st.st_mode & 077) != 0) {
        snprintf(err, errlen,
                 "portal key %s: must be a regular file readable by its owner only "
                 "(chmod 600)",
                 path);
        close(fd);
        return SL_EINVAL;
    }
    char text[2 * KEY_LEN + 4];
    ssize_t n = read(fd, text, sizeof text);
    close(fd);
    bool ok = n >= 2 * KEY_LEN;
    for (size_t i = 0; ok && i < KEY_LEN; i++) {
        int hi = unhex(text[2 * i]), lo = unhex(text[2 * i + 1]);
        ok = hi >= 0 && lo >= 0;
        key[i] = ok ? (unsigned char)(hi << 4 | lo) : 0;
    }
    ok = ok && (n == 2 * KEY_LEN || text[2 * KEY_LEN] == '\n');
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

static bool exec_sql(sqlite3 *db, const char *sql, char *err, size_t errlen)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
        return true;
    snprintf(err, errlen, "portal store: %s", msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    return false;
}

static bool blob(sqlite3_stmt *q, int col, void *out, size_t n)
{
    if (sqlite3_column_bytes(q, col) != (int)n)
        return false;
    memcpy(out, sqlite3_column_blob(q, col), n);
    return true;
}

#define WRAPPED_LEN (IV_LEN + KEY_LEN + TAG_LEN)

/* unwrap - the message key of message id (32 hex digits) from wrapped
 * (IV | encrypted key | tag); false when the master key does not open it */
static bool unwrap(const struct store *s, const char *id, unsigned char wrapped[WRAPPED_LEN],
                   unsigned char dek[KEY_LEN])
{
    char aad[64];
    snprintf(aad, sizeof aad, "sluis-key:%.32s", id);
    return gcm(false, s->master, wrapped, aad, strlen(aad), wrapped + IV_LEN, KEY_LEN, dek,
               wrapped + IV_LEN + KEY_LEN);
}

/* the tables, made in one transaction; user_version says the store is whole */
static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS messages(id TEXT PRIMARY KEY, created INTEGER NOT NULL,"
    " expires INTEGER NOT NULL, sender TEXT NOT NULL, wrapped BLOB NOT NULL, iv BLOB NOT NULL,"
    " tag BLOB NOT NULL, body BLOB NOT NULL);"
    "CREATE TABLE IF NOT EXISTS pickups(token_hash BLOB PRIMARY KEY,"
    " message TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
    " recipient TEXT NOT NULL, code_mac BLOB NOT NULL, tries INTEGER NOT NULL DEFAULT 0,"
    " picked_up INTEGER);"
    "CREATE INDEX IF NOT EXISTS pickups_message ON pickups(message);"
    "CREATE INDEX IF NOT EXISTS messages_expires ON messages(expires);"
    "CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value BLOB NOT NULL);"
    "PRAGMA user_version=2;";
#define SCHEMA_VERSION 2

/* how long a connection waits for another process's write lock before it
 * gives up with an error (a busy database is never taken for an answer) */
#define BUSY_MS 5000

static int user_version(sqlite3 *db)
{
    sqlite3_stmt *q = NULL;
    int v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return v;
}

/* schema - make or check the tables: a file without them is made into a
 * store only with STORE_CREATE, and never a store of a later version */
static enum sl_status schema(struct store *s, const char *db_path, unsigned flags, char *err,
                             size_t errlen)
{
    /* per connection: every commit on disk before it returns */
    if (!exec_sql(s->db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", err, errlen))
        return SL_EIO;
    int v = user_version(s->db);
    if (v < 0) {
        snprintf(err, errlen, "portal store %s: %s", db_path, sqlite3_errmsg(s->db));
        return SL_EIO;
    }
    if (v > SCHEMA_VERSION) {
        snprintf(err, errlen, "portal store %s: made by a later sluis (version %d)", db_path, v);
        return SL_EINVAL;
    }
    if (v == SCHEMA_VERSION)
        return SL_OK;
    if (v == 0 && !(flags & STORE_CREATE)) {
        snprintf(err, errlen, "%s is not a portal store", db_path);
        return SL_EINVAL;
    }
    /* the journal mode stays with the file; it cannot change in a transaction */
    if (v == 0 && !exec_sql(s->db, "PRAGMA journal_mode=WAL", err, errlen))
        return SL_EIO;
    if (!exec_sql(s->db, "BEGIN IMMEDIATE", err, errlen))
        return SL_EIO;
    if (!exec_sql(s->db, SCHEMA, err, errlen) || !exec_sql(s->db, "COMMIT", err, errlen)) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return SL_EIO;
    }
    return SL_OK;
}

/* the text whose HMAC under the master key marks the store's key; changing
 * it would orphan every store */
static const char KEY_CHECK_LABEL[] = "sluis portal store: master key check, version 1";

enum key_check {
    KC_ERROR = -1, /* SQLite failed: its error message says why */
    KC_ABSENT,     /* no check value yet */
    KC_MATCH,
    KC_MISMATCH,
    KC_DAMAGED, /* a check value or stored key of the wrong length */
};

/* key_check_get - the stored check value against want */
static enum key_check key_check_get(sqlite3 *db, const unsigned char want[32])
{
    sqlite3_stmt *q = NULL;
    enum key_check r = KC_ERROR;
    unsigned char got[32];
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE name = 'key_check'", -1, &q, NULL) ==
        SQLITE_OK) {
        int rc = sqlite3_step(q);
        if (rc == SQLITE_DONE)
            r = KC_ABSENT;
        else if (rc == SQLITE_ROW)
            r = !blob(q, 0, got, sizeof got)                ? KC_DAMAGED
                : CRYPTO_memcmp(got, want, sizeof got) == 0 ? KC_MATCH
                                                            : KC_MISMATCH;
    }
    sqlite3_finalize(q);
    return r;
}

/* key_opens_stored - whether the master key unwraps the key of a stored
 * message (KC_MATCH when there is none: nothing is bound to a key yet) */
static enum key_check key_opens_stored(const struct store *s)
{
    sqlite3_stmt *q = NULL;
    enum key_check r = KC_ERROR;
    unsigned char wrapped[WRAPPED_LEN], dek[KEY_LEN];
    if (sqlite3_prepare_v2(s->db, "SELECT id, wrapped FROM messages LIMIT 1", -1, &q, NULL) ==
        SQLITE_OK) {
        int rc = sqlite3_step(q);
        if (rc == SQLITE_DONE)
            r = KC_MATCH;
        else if (rc == SQLITE_ROW && sqlite3_column_bytes(q, 0) == 32 &&
                 blob(q, 1, wrapped, sizeof wrapped))
            r = unwrap(s, (const char *)sqlite3_column_text(q, 0), wrapped, dek) ? KC_MATCH
                                                                                 : KC_MISMATCH;
        else if (rc == SQLITE_ROW)
            r = KC_DAMAGED;
    }
    OPENSSL_cleanse(dek, sizeof dek);
    sqlite3_finalize(q);
    return r;
}

/* key_check - refuse a master key that is not the store's, before any
 * token is looked at. A store without a check value (made before there
 * was one, or just now) gets it here, in a write transaction, but only
 * when the key unwraps a stored message key or none is stored yet: a
 * wrong key on the first open after an upgrade does not bind the store. */
static enum sl_status key_check(struct store *s, const char *db_path, const char *key_path,
                                char *err, size_t errlen)
{
    unsigned char want[32];
    unsigned len = sizeof want;
    HMAC(EVP_sha256(), s->master, KEY_LEN, (const unsigned char *)KEY_CHECK_LABEL,
         sizeof KEY_CHECK_LABEL - 1, want, &len);
    enum key_check r = key_check_get(s->db, want);
    if (r == KC_ABSENT) {
        if (!exec_sql(s->db, "BEGIN IMMEDIATE", err, errlen))
            return SL_EIO;
        r = key_check_get(s->db, want); /* another process may have added it meanwhile */
        if (r == KC_ABSENT)
            r = key_opens_stored(s);
        if (r == KC_MATCH) {
            sqlite3_stmt *q = NULL;
            if (sqlite3_prepare_v2(s->db, "INSERT INTO meta(name, value) VALUES('key_check', ?)",
                                   -1, &q, NULL) != SQLITE_OK ||
                sqlite3_bind_blob(q, 1, want, sizeof want, SQLITE_STATIC) != SQLITE_OK ||
                sqlite3_step(q) != SQLITE_DONE)
                r = KC_ERROR;
            sqlite3_finalize(q);
        }
        if (r == KC_ERROR)
            snprintf(err, errlen, "portal store %s: %s", db_path, sqlite3_errmsg(s->db));
        if (r != KC_MATCH || !exec_sql(s->db, "COMMIT", err, errlen)) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            if (r == KC_MATCH)
                return SL_EIO;
        }
    } else if (r == KC_ERROR) {
        snprintf(err, errlen, "portal store %s: %s", db_path, sqlite3_errmsg(s->db));
    }
    switch (r) {
    case KC_MATCH:
        return SL_OK;
    case KC_MISMATCH:
        snprintf(err, errlen,
                 "portal store %s: the master key does not match this store (is %s its key?)",
                 db_path, key_path);
        return SL_EINVAL;
    case KC_DAMAGED:
        snprintf(err, errlen, "portal store %s: damaged (cannot check the master key)", db_path);
        return SL_EIO;
    default: /* KC_ERROR, said above */
        return SL_EIO;
    }
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
    enum sl_status st = read_key(key_path, s->master, err, errlen);
    if (st != SL_OK) {
        store_free(s);
        return st;
    }
    struct stat sb = {0};
    if (flags & STORE_CREATE) {
        /* created 0600: the process umask may be wider. Only a new file is
         * opened here: closing a descriptor of a database that a connection
         * of this process has open (the previous snapshot's, on a reload)
         * drops that connection's POSIX locks, and another process may then
         * delete the WAL under it (sqlite.org/howtocorrupt.html, 2.2) */
        int fd = open(db_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST) {
            snprintf(err, errlen, "portal store %s: %s", db_path, strerror(errno));
            store_free(s);
            return SL_EIO;
        }
        if (fd >= 0)
            close(fd);
    } else if (stat(db_path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        /* a mistyped --db must not leave an empty store behind */
        if (!S_ISREG(sb.st_mode) && sb.st_mode != 0)
            snprintf(err, errlen, "portal store %s: not a regular file", db_path);
        else if (errno == ENOENT || errno == ENOTDIR)
            snprintf(err, errlen, "no portal store at %s", db_path);
        else
            snprintf(err, errlen, "portal store %s: %s", db_path, strerror(errno));
        store_free(s);
        return SL_EIO;
    }
    /* without SQLITE_OPEN_CREATE: a file gone since is an error, not a new store */
    if (sqlite3_open_v2(db_path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
            SQLITE_OK ||
        sqlite3_busy_timeout(s->db, s->busy_ms) != SQLITE_OK) {
        snprintf(err, errlen, "portal store %s: %s", db_path,
                 s->db ? sqlite3_errmsg(s->db) : "cannot open");
        store_free(s);
        return SL_EIO;
    }
    st = schema(s, db_path, flags, err, errlen);
    if (st == SL_OK)
        st = key_check(s, db_path, key_path, err, errlen);
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
    sqlite3_busy_timeout(s->db, ms);
    pthread_mutex_unlock(&s->lock);
}

void store_free(struct store *s)
{
    if (s == NULL)
        return;
    if (s->db)
        sqlite3_close(s->db);
    OPENSSL_cleanse(s->master, sizeof s->master);
    pthread_mutex_destroy(&s->lock);
    free(s);
}

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

static void code_mac(const struct store *s, const unsigned char token_hash[32], const char *code,
                     unsigned char mac[32])
{
    unsigned char in[32 + STORE_CODE_LEN];
    memcpy(in, token_hash, 32);
    memset(in + 32, 0, STORE_CODE_LEN);
    memcpy(in + 32, code, strnlen(code, STORE_CODE_LEN));
    unsigned len = 32;
    HMAC(EVP_sha256(), s->master, KEY_LEN, in, sizeof in, mac, &len);
}

static bool step(sqlite3_stmt *q)
{
    int r = sqlite3_step(q);
    return r == SQLITE_DONE || r == SQLITE_ROW;
}

enum sl_status store_put(struct store *s, const void *msg, size_t len, const char *sender,
                         const char *const *rcpts, size_t n, time_t expires, char id[33],
                         struct store_pickup *pickups, char *err, size_t errlen)
{
    unsigned char idraw[16], dek[KEY_LEN], iv[IV_LEN], tag[TAG_LEN];
    unsigned char wrapped[WRAPPED_LEN];
    unsigned char *body = malloc(len + 16);
    if (body == NULL) {
        snprintf(err, errlen, "portal store: out of memory");
        return SL_ENOMEM;
    }
    enum sl_status st = SL_EIO;
    if (RAND_bytes(idraw, sizeof idraw) != 1 || RAND_bytes(dek, sizeof dek) != 1 ||
        RAND_bytes(iv, sizeof iv) != 1 || RAND_bytes(wrapped, IV_LEN) != 1) {
        snprintf(err, errlen, "portal store: no random bytes");
        goto out;
    }
    hex(idraw, sizeof idraw, id);
    char aad[64];
    snprintf(aad, sizeof aad, "sluis-key:%s", id);
    if (!gcm(true, dek, iv, id, 32, msg, len, body, tag) ||
        !gcm(true, s->master, wrapped, aad, strlen(aad), dek, KEY_LEN, wrapped + IV_LEN,
             wrapped + IV_LEN + KEY_LEN)) {
        snprintf(err, errlen, "portal store: encryption failed");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char raw[32];
        if (RAND_bytes(raw, sizeof raw) != 1 || !code_text(pickups[i].code)) {
            snprintf(err, errlen, "portal store: no random bytes");
            goto out;
        }
        token_text(raw, pickups[i].token);
    }
    pthread_mutex_lock(&s->lock);
    sqlite3_stmt *m = NULL, *p = NULL;
    bool ok = exec_sql(s->db, "BEGIN IMMEDIATE", err, errlen);
    if (ok)
        ok = sqlite3_prepare_v2(s->db,
                                "INSERT INTO messages(id,created,expires,sender,wrapped,iv,tag,"
                                "body) VALUES(?,?,?,?,?,?,?,?)",
                                -1, &m, NULL) == SQLITE_OK &&
             sqlite3_prepare_v2(s->db,
                                "INSERT INTO pickups(token_hash,message,recipient,code_mac) "
                                "VALUES(?,?,?,?)",
                                -1, &p, NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_text(m, 1, id, 32, SQLITE_STATIC);
        sqlite3_bind_int64(m, 2, (sqlite3_int64)time(NULL));
        sqlite3_bind_int64(m, 3, (sqlite3_int64)expires);
        sqlite3_bind_text(m, 4, sender, -1, SQLITE_STATIC);
        sqlite3_bind_blob(m, 5, wrapped, sizeof wrapped, SQLITE_STATIC);
        sqlite3_bind_blob(m, 6, iv, sizeof iv, SQLITE_STATIC);
        sqlite3_bind_blob(m, 7, tag, sizeof tag, SQLITE_STATIC);
        sqlite3_bind_blob64(m, 8, body, len, SQLITE_STATIC);
        ok = step(m);
    }
    for (size_t i = 0; ok && i < n; i++) {
        unsigned char th[32], mac[32];
        SHA256((const unsigned char *)pickups[i].token, STORE_TOKEN_LEN, th);
        code_mac(s, th, pickups[i].code, mac);
        sqlite3_reset(p);
        sqlite3_bind_blob(p, 1, th, sizeof th, SQLITE_TRANSIENT);
        sqlite3_bind_text(p, 2, id, 32, SQLITE_STATIC);
        sqlite3_bind_text(p, 3, rcpts[i], -1, SQLITE_STATIC);
        sqlite3_bind_blob(p, 4, mac, sizeof mac, SQLITE_TRANSIENT);
        ok = step(p);
    }
    if (!ok && m != NULL)
        snprintf(err, errlen, "portal store: %s", sqlite3_errmsg(s->db));
    sqlite3_finalize(m);
    sqlite3_finalize(p);
    if (ok)
        ok = exec_sql(s->db, "COMMIT", err, errlen);
    if (!ok)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    pthread_mutex_unlock(&s->lock);
    st = ok ? SL_OK : SL_EIO;
out:
    OPENSSL_cleanse(dek, sizeof dek);
    free(body);
    if (st != SL_OK)
        for (size_t i = 0; i < n; i++)
            OPENSSL_cleanse(&pickups[i], sizeof pickups[i]);
    return st;
}

enum sl_status store_delete(struct store *s, const char *id, char *err, size_t errlen)
{
    /* the pickups by name too: not only through ON DELETE CASCADE */
    static const char *const sql[] = {"DELETE FROM pickups WHERE message = ?",
                                      "DELETE FROM messages WHERE id = ?"};
    pthread_mutex_lock(&s->lock);
    bool ok = exec_sql(s->db, "BEGIN IMMEDIATE", err, errlen);
    for (size_t i = 0; ok && i < sizeof sql / sizeof sql[0]; i++) {
        sqlite3_stmt *q = NULL;
        ok = sqlite3_prepare_v2(s->db, sql[i], -1, &q, NULL) == SQLITE_OK &&
             sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC) == SQLITE_OK && step(q);
        if (!ok)
            snprintf(err, errlen, "portal store: %s", sqlite3_errmsg(s->db));
        sqlite3_finalize(q);
    }
    if (ok)
        ok = exec_sql(s->db, "COMMIT", err, errlen);
    if (!ok)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    pthread_mutex_unlock(&s->lock);
    return ok ? SL_OK : SL_EIO;
}

/* failed - STORE_FAILED with why in err: a database that stayed busy (or
 * locked) is said to be one, never taken for an answer */
static enum store_fetch failed(const struct store *s, char *err, size_t errlen)
{
    int rc = sqlite3_errcode(s->db);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        snprintf(err, errlen,
                 "portal store: the database stayed busy for %d ms (another process is "
                 "writing); the code was not checked, try again",
                 s->busy_ms);
    else
        snprintf(err, errlen, "portal store: %s; the code was not checked", sqlite3_errmsg(s->db));
    return STORE_FAILED;
}

/* look_up - whether the token may be tried: STORE_FOUND, or why not */
static enum store_fetch look_up(struct store *s, const unsigned char th[32], char *err,
                                size_t errlen)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT p.tries, m.expires FROM pickups p JOIN messages m ON m.id = "
                           "p.message WHERE p.token_hash = ?",
                           -1, &q, NULL) != SQLITE_OK)
        return failed(s, err, errlen);
    sqlite3_bind_blob(q, 1, th, 32, SQLITE_STATIC);
    enum store_fetch r;
    int rc = sqlite3_step(q);
    if (rc == SQLITE_DONE)
        r = STORE_UNKNOWN;
    else if (rc != SQLITE_ROW)
        r = failed(s, err, errlen);
    else if ((time_t)sqlite3_column_int64(q, 1) < time(NULL))
        r = STORE_EXPIRED;
    else if (sqlite3_column_int(q, 0) >= STORE_MAX_TRIES)
        r = STORE_LOCKED;
    else
        r = STORE_FOUND;
    sqlite3_finalize(q);
    return r;
}

/* reserve_try - count a try for the token before its code is compared:
 * STORE_FOUND only once the count is committed (on disk: synchronous=
 * FULL). The check and the count are one write transaction, taken with
 * BEGIN IMMEDIATE so that every connection, in any process, waits for the
 * write lock (up to busy_ms) before it reads the count: however many guess
 * at once, no more than STORE_MAX_TRIES codes are ever compared. A per-
 * process mutex cannot give that; a read-then-update can fail its upgrade
 * to a write under contention. */
static enum store_fetch reserve_try(struct store *s, const unsigned char th[32], char *err,
                                    size_t errlen)
{
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return failed(s, err, errlen);
    enum store_fetch r = look_up(s, th, err, errlen);
    if (r == STORE_FOUND) {
        sqlite3_stmt *u = NULL;
        /* the limit again in the statement: the count never passes it */
        if (sqlite3_prepare_v2(s->db,
                               "UPDATE pickups SET tries = tries + 1 WHERE token_hash = ? AND "
                               "tries < ?",
                               -1, &u, NULL) != SQLITE_OK ||
            sqlite3_bind_blob(u, 1, th, 32, SQLITE_STATIC) != SQLITE_OK ||
            sqlite3_bind_int(u, 2, STORE_MAX_TRIES) != SQLITE_OK || sqlite3_step(u) != SQLITE_DONE)
            r = failed(s, err, errlen);
        else if (sqlite3_changes(s->db) != 1)
            r = STORE_LOCKED;
        sqlite3_finalize(u);
    }
    if (r == STORE_FOUND && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        r = failed(s, err, errlen);
    if (r != STORE_FOUND)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return r;
}

/* give_back - a right code returns the try it reserved (wrong codes stay
 * counted for the token's life) and, when the message opened, the pickup
 * time is recorded. Best effort: if it fails the try stays spent. */
static void give_back(struct store *s, const unsigned char th[32], bool opened)
{
    sqlite3_stmt *u = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "UPDATE pickups SET tries = max(tries - 1, 0), picked_up = "
                           "coalesce(?, picked_up) WHERE token_hash = ?",
                           -1, &u, NULL) == SQLITE_OK) {
        if (opened)
            sqlite3_bind_int64(u, 1, (sqlite3_int64)time(NULL));
        sqlite3_bind_blob(u, 2, th, 32, SQLITE_STATIC);
        step(u);
    }
    sqlite3_finalize(u);
}

/* open_message - compare the code (its try reserved) and, when it is
 * right, decrypt the message into msg */
static enum store_fetch open_message(struct store *s, const unsigned char th[32], const char *code,
                                     struct buf *msg, char *rcpt_out, size_t rcpt_len, char *err,
                                     size_t errlen)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT p.code_mac, p.recipient, m.id, m.wrapped, m.iv, m.tag, m.body "
                           "FROM pickups p JOIN messages m ON m.id = p.message WHERE "
                           "p.token_hash = ?",
                           -1, &q, NULL) != SQLITE_OK)
        return failed(s, err, errlen);
    sqlite3_bind_blob(q, 1, th, 32, SQLITE_STATIC);
    enum store_fetch r = STORE_UNKNOWN; /* removed by an expiry since the try */
    bool right = false;
    unsigned char stored[32], mac[32];
    char id[33];
    int rc = sqlite3_step(q);
    if (rc == SQLITE_DONE)
        goto done;
    if (rc != SQLITE_ROW) {
        r = failed(s, err, errlen);
        goto done;
    }
    if (!blob(q, 0, stored, sizeof stored) || sqlite3_column_bytes(q, 2) != 32) {
        snprintf(err, errlen, "portal store: a damaged row");
        r = STORE_DAMAGED;
        goto done;
    }
    memcpy(id, sqlite3_column_text(q, 2), 32);
    id[32] = '\0';
    code_mac(s, th, code, mac);
    if (CRYPTO_memcmp(mac, stored, sizeof mac) != 0 || strlen(code) != STORE_CODE_LEN) {
        r = STORE_WRONG_CODE;
        goto done;
    }
    right = true;
    unsigned char wrapped[WRAPPED_LEN], iv[IV_LEN], tag[TAG_LEN], dek[KEY_LEN];
    size_t len = (size_t)sqlite3_column_bytes(q, 6);
    r = STORE_DAMAGED;
    snprintf(err, errlen, "portal store: the stored message fails authentication");
    if (!blob(q, 3, wrapped, sizeof wrapped) || !blob(q, 4, iv, sizeof iv) ||
        !blob(q, 5, tag, sizeof tag) || !unwrap(s, id, wrapped, dek))
        goto done;
    unsigned char *plain = malloc(len + 16);
    if (plain && gcm(false, dek, iv, id, 32, sqlite3_column_blob(q, 6), len, plain, tag)) {
        buf_reset(msg);
        if (buf_append(msg, plain, len) == SL_OK) {
            r = STORE_FOUND;
            if (errlen > 0)
                err[0] = '\0';
            if (rcpt_out)
                snprintf(rcpt_out, rcpt_len, "%s", (const char *)sqlite3_column_text(q, 1));
        }
    }
    OPENSSL_cleanse(dek, sizeof dek);
    if (plain)
        OPENSSL_cleanse(plain, len);
    free(plain);
done:
    /* the statement ends first: the update must not upgrade an old read */
    sqlite3_finalize(q);
    if (right)
        give_back(s, th, r == STORE_FOUND);
    return r;
}

enum store_fetch store_fetch(struct store *s, const char *token, const char *code, struct buf *msg,
                             char *rcpt_out, size_t rcpt_len, char *err, size_t errlen)
{
    unsigned char th[32];
    if (strlen(token) != STORE_TOKEN_LEN)
        return STORE_UNKNOWN;
    SHA256((const unsigned char *)token, STORE_TOKEN_LEN, th);
    pthread_mutex_lock(&s->lock);
    enum store_fetch r =
        code == NULL ? look_up(s, th, err, errlen) : reserve_try(s, th, err, errlen);
    if (code != NULL && r == STORE_FOUND)
        r = open_message(s, th, code, msg, rcpt_out, rcpt_len, err, errlen);
    pthread_mutex_unlock(&s->lock);
    return r;
}

enum sl_status store_expire(struct store *s, time_t now, unsigned *removed, char *err,
                            size_t errlen)
{
    pthread_mutex_lock(&s->lock);
    sqlite3_stmt *q = NULL;
    bool ok = sqlite3_prepare_v2(s->db, "DELETE FROM messages WHERE expires < ?", -1, &q, NULL) ==
              SQLITE_OK;
    if (ok) {
        sqlite3_bind_int64(q, 1, (sqlite3_int64)now);
        ok = step(q);
    }
    *removed = ok ? (unsigned)sqlite3_changes(s->db) : 0;
    if (!ok)
        snprintf(err, errlen, "portal store: %s", sqlite3_errmsg(s->db));
    sqlite3_finalize(q);
    pthread_mutex_unlock(&s->lock);
    return ok ? SL_OK : SL_EIO;
}
