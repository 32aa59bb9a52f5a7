/*
 * store - the portal store. See store.h.
 *
 * Layout of the database (user_version 1):
 *   messages(id, created, expires, sender, wrapped, iv, tag, body)
 *     wrapped = IV(12) | the message key encrypted (32) | tag(16), under
 *     the master key with "sluis-key:" || id as associated data;
 *     body encrypted under the message key with id as associated data.
 *   pickups(token_hash, message, recipient, code_mac, tries, picked_up)
 *     token_hash = SHA-256(token); code_mac = HMAC-SHA256(master key,
 *     token_hash || code).
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
    pthread_mutex_t lock;
    unsigned char master[KEY_LEN];
};

const char *store_fetch_name(enum store_fetch f)
{
    static const char *const names[] = {"found",      "unknown token", "expired",
                                        "wrong code", "locked",        "damaged"};
    return f <= STORE_DAMAGED ? names[f] : "?";
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

static const char SCHEMA[] =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=FULL;"
    "PRAGMA foreign_keys=ON;"
    "CREATE TABLE IF NOT EXISTS messages(id TEXT PRIMARY KEY, created INTEGER NOT NULL,"
    " expires INTEGER NOT NULL, sender TEXT NOT NULL, wrapped BLOB NOT NULL, iv BLOB NOT NULL,"
    " tag BLOB NOT NULL, body BLOB NOT NULL);"
    "CREATE TABLE IF NOT EXISTS pickups(token_hash BLOB PRIMARY KEY,"
    " message TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
    " recipient TEXT NOT NULL, code_mac BLOB NOT NULL, tries INTEGER NOT NULL DEFAULT 0,"
    " picked_up INTEGER);"
    "CREATE INDEX IF NOT EXISTS pickups_message ON pickups(message);"
    "CREATE INDEX IF NOT EXISTS messages_expires ON messages(expires);"
    "PRAGMA user_version=1;";

enum sl_status store_open(const char *db_path, const char *key_path, struct store **out, char *err,
                          size_t errlen)
{
    *out = NULL;
    struct store *s = calloc(1, sizeof *s);
    if (s == NULL)
        return SL_ENOMEM;
    enum sl_status st = read_key(key_path, s->master, err, errlen);
    if (st != SL_OK) {
        free(s);
        return st;
    }
    /* created 0600: the process umask may be wider */
    int fd = open(db_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        snprintf(err, errlen, "portal store %s: %s", db_path, strerror(errno));
        OPENSSL_cleanse(s->master, sizeof s->master);
        free(s);
        return SL_EIO;
    }
    close(fd);
    if (sqlite3_open_v2(db_path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
            SQLITE_OK ||
        sqlite3_busy_timeout(s->db, 5000) != SQLITE_OK) {
        snprintf(err, errlen, "portal store %s: %s", db_path,
                 s->db ? sqlite3_errmsg(s->db) : "cannot open");
        store_free(s);
        return SL_EIO;
    }
    if (!exec_sql(s->db, SCHEMA, err, errlen)) {
        store_free(s);
        return SL_EIO;
    }
    pthread_mutex_init(&s->lock, NULL);
    *out = s;
    return SL_OK;
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
    unsigned char wrapped[IV_LEN + KEY_LEN + TAG_LEN];
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

static bool blob(sqlite3_stmt *q, int col, void *out, size_t n)
{
    if (sqlite3_column_bytes(q, col) != (int)n)
        return false;
    memcpy(out, sqlite3_column_blob(q, col), n);
    return true;
}

enum store_fetch store_fetch(struct store *s, const char *token, const char *code, struct buf *msg,
                             char *rcpt_out, size_t rcpt_len, char *err, size_t errlen)
{
    unsigned char th[32];
    if (strlen(token) != STORE_TOKEN_LEN)
        return STORE_UNKNOWN;
    SHA256((const unsigned char *)token, STORE_TOKEN_LEN, th);
    enum store_fetch r = STORE_UNKNOWN;
    pthread_mutex_lock(&s->lock);
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT p.code_mac, p.tries, p.recipient, m.id, m.expires, m.wrapped, "
                           "m.iv, m.tag, m.body FROM pickups p JOIN messages m ON m.id = "
                           "p.message WHERE p.token_hash = ?",
                           -1, &q, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "portal store: %s", sqlite3_errmsg(s->db));
        pthread_mutex_unlock(&s->lock);
        return STORE_DAMAGED;
    }
    sqlite3_bind_blob(q, 1, th, sizeof th, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_ROW)
        goto done;
    unsigned char stored[32], mac[32];
    char id[33];
    if (!blob(q, 0, stored, sizeof stored) || sqlite3_column_bytes(q, 3) != 32) {
        snprintf(err, errlen, "portal store: a damaged row");
        r = STORE_DAMAGED;
        goto done;
    }
    memcpy(id, sqlite3_column_text(q, 3), 32);
    id[32] = '\0';
    if ((time_t)sqlite3_column_int64(q, 4) < time(NULL)) {
        r = STORE_EXPIRED;
        goto done;
    }
    if (sqlite3_column_int(q, 1) >= STORE_MAX_TRIES) {
        r = STORE_LOCKED;
        goto done;
    }
    if (code == NULL) {
        r = STORE_FOUND;
        goto done;
    }
    code_mac(s, th, code, mac);
    if (CRYPTO_memcmp(mac, stored, sizeof mac) != 0 || strlen(code) != STORE_CODE_LEN) {
        sqlite3_stmt *u = NULL;
        if (sqlite3_prepare_v2(s->db, "UPDATE pickups SET tries = tries + 1 WHERE token_hash = ?",
                               -1, &u, NULL) == SQLITE_OK) {
            sqlite3_bind_blob(u, 1, th, sizeof th, SQLITE_STATIC);
            step(u);
        }
        sqlite3_finalize(u);
        r = STORE_WRONG_CODE;
        goto done;
    }
    unsigned char wrapped[IV_LEN + KEY_LEN + TAG_LEN], iv[IV_LEN], tag[TAG_LEN], dek[KEY_LEN];
    char aad[64];
    snprintf(aad, sizeof aad, "sluis-key:%s", id);
    size_t len = (size_t)sqlite3_column_bytes(q, 8);
    r = STORE_DAMAGED;
    snprintf(err, errlen, "portal store: the stored message fails authentication");
    if (!blob(q, 5, wrapped, sizeof wrapped) || !blob(q, 6, iv, sizeof iv) ||
        !blob(q, 7, tag, sizeof tag) ||
        !gcm(false, s->master, wrapped, aad, strlen(aad), wrapped + IV_LEN, KEY_LEN, dek,
             wrapped + IV_LEN + KEY_LEN))
        goto done;
    unsigned char *plain = malloc(len + 16);
    if (plain && gcm(false, dek, iv, id, 32, sqlite3_column_blob(q, 8), len, plain, tag)) {
        buf_reset(msg);
        if (buf_append(msg, plain, len) == SL_OK) {
            r = STORE_FOUND;
            if (rcpt_out)
                snprintf(rcpt_out, rcpt_len, "%s", (const char *)sqlite3_column_text(q, 2));
        }
    }
    OPENSSL_cleanse(dek, sizeof dek);
    if (plain)
        OPENSSL_cleanse(plain, len);
    free(plain);
    if (r == STORE_FOUND) {
        sqlite3_stmt *u = NULL;
        if (sqlite3_prepare_v2(s->db,
                               "UPDATE pickups SET picked_up = ?, tries = 0 WHERE token_hash = ?",
                               -1, &u, NULL) == SQLITE_OK) {
            sqlite3_bind_int64(u, 1, (sqlite3_int64)time(NULL));
            sqlite3_bind_blob(u, 2, th, sizeof th, SQLITE_STATIC);
            step(u);
        }
        sqlite3_finalize(u);
    }
done:
    sqlite3_finalize(q);
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
