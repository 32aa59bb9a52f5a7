/*
 * auth - users, password hashes, sessions and the login limiter. See
 * auth.h. No password, token or hash ever reaches a log or an error.
 */
#include "auth.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sqlite3.h>

#define SALT_LEN      16
#define HASH_LEN      32
#define SESSION_MAX_S (12 * 3600) /* a session ends after 12 hours, however busy */

static const char *const role_names[] = {"viewer", "privacy", "admin"};

bool auth_role_parse(const char *s, enum dash_role *r)
{
    for (int i = 0; i < 3; i++)
        if (s && strcmp(s, role_names[i]) == 0) {
            *r = (enum dash_role)i;
            return true;
        }
    return false;
}

const char *auth_role_name(enum dash_role r)
{
    return (unsigned)r < 3 ? role_names[r] : "viewer";
}

bool auth_name_valid(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > 63)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-' || c == '@'))
            return false;
    }
    return true;
}

enum sl_status auth_hash(const char *pw, size_t len, char out[AUTH_HASH_MAX])
{
    unsigned char salt[SALT_LEN];
    if (RAND_bytes(salt, sizeof salt) != 1)
        return SL_EIO;
    int rc = argon2id_hash_encoded(AUTH_T_COST, AUTH_M_COST, AUTH_PARALLELISM, pw, len, salt,
                                   sizeof salt, HASH_LEN, out, AUTH_HASH_MAX);
    OPENSSL_cleanse(salt, sizeof salt);
    return rc == ARGON2_OK ? SL_OK : rc == ARGON2_MEMORY_ALLOCATION_ERROR ? SL_ENOMEM : SL_EIO;
}

/* one verification at a time: each takes 64 MiB */
static pthread_mutex_t verify_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;
static char dummy[AUTH_HASH_MAX];

static void make_dummy(void)
{
    unsigned char r[24];
    char pw[49];
    RAND_bytes(r, sizeof r);
    for (size_t i = 0; i < sizeof r; i++)
        snprintf(pw + 2 * i, 3, "%02x", r[i]);
    if (auth_hash(pw, strlen(pw), dummy) != SL_OK)
        dummy[0] = '\0';
    OPENSSL_cleanse(pw, sizeof pw);
}

bool auth_verify(const char *hash, const char *pw, size_t len)
{
    pthread_once(&dummy_once, make_dummy);
    const char *h = hash && hash[0] ? hash : dummy;
    pthread_mutex_lock(&verify_lock);
    bool ok = h[0] && argon2id_verify(h, pw, len) == ARGON2_OK;
    pthread_mutex_unlock(&verify_lock);
    return ok && hash != NULL && hash[0];
}

enum sl_status auth_user_add(sqlite3 *db, const char *name, enum dash_role role, const char *pw,
                             size_t len, char *err, size_t errlen)
{
    if (!auth_name_valid(name)) {
        snprintf(err, errlen, "a user name is 1 to 63 of a-z A-Z 0-9 . _ - @");
        return SL_EINVAL;
    }
    if (len < AUTH_PASSWORD_MIN || len > AUTH_PASSWORD_MAX) {
        snprintf(err, errlen, "a password is %d to %d bytes long", AUTH_PASSWORD_MIN,
                 AUTH_PASSWORD_MAX);
        return SL_EINVAL;
    }
    char hash[AUTH_HASH_MAX];
    enum sl_status st = auth_hash(pw, len, hash);
    if (st != SL_OK) {
        snprintf(err, errlen, "the password could not be hashed (%s)", sl_status_str(st));
        return st;
    }
    sqlite3_stmt *q = NULL;
    st = SL_EIO;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO users(name, role, hash, failed, locked_until, created)"
                           " VALUES(?, ?, ?, 0, 0, ?)",
                           -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, auth_role_name(role), -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 3, hash, -1, SQLITE_STATIC);
        sqlite3_bind_int64(q, 4, (sqlite3_int64)time(NULL));
        int rc = sqlite3_step(q);
        if (rc == SQLITE_DONE)
            st = SL_OK;
        else if (rc == SQLITE_CONSTRAINT) {
            snprintf(err, errlen, "user %s exists already", name);
            st = SL_EINVAL;
        } else
            snprintf(err, errlen, "dashboard.db: %s", sqlite3_errmsg(db));
    } else
        snprintf(err, errlen, "dashboard.db: %s", sqlite3_errmsg(db));
    sqlite3_finalize(q);
    OPENSSL_cleanse(hash, sizeof hash);
    return st;
}

enum sl_status auth_user_del(sqlite3 *db, const char *name, bool *found)
{
    *found = false;
    struct auth_user_row u;
    enum sl_status st = auth_user_get(db, name, &u, found);
    if (st != SL_OK || !*found)
        return st;
    sqlite3_stmt *q = NULL;
    st = SL_EIO;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return SL_EIO;
    if (sqlite3_prepare_v2(db, "DELETE FROM sessions WHERE user = ?", -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(q, 1, u.id);
        if (sqlite3_step(q) == SQLITE_DONE)
            st = SL_OK;
    }
    sqlite3_finalize(q);
    q = NULL;
    if (st == SL_OK) {
        st = SL_EIO;
        if (sqlite3_prepare_v2(db, "DELETE FROM users WHERE id = ?", -1, &q, NULL) == SQLITE_OK) {
            sqlite3_bind_int64(q, 1, u.id);
            if (sqlite3_step(q) == SQLITE_DONE)
                st = SL_OK;
        }
        sqlite3_finalize(q);
    }
    if (st == SL_OK && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
        return SL_OK;
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return SL_EIO;
}

static void read_user(sqlite3_stmt *q, struct auth_user_row *u)
{
    const char *s;
    memset(u, 0, sizeof *u);
    u->id = sqlite3_column_int64(q, 0);
    s = (const char *)sqlite3_column_text(q, 1);
    snprintf(u->name, sizeof u->name, "%s", s ? s : "");
    s = (const char *)sqlite3_column_text(q, 2);
    if (!auth_role_parse(s, &u->role))
        u->role = ROLE_VIEWER; /* an unknown role gets the least */
    s = (const char *)sqlite3_column_text(q, 3);
    snprintf(u->hash, sizeof u->hash, "%s", s ? s : "");
    u->failed = (unsigned)sqlite3_column_int64(q, 4);
    u->locked_until = sqlite3_column_int64(q, 5);
    u->created = sqlite3_column_int64(q, 6);
}

#define USER_COLS "id, name, role, hash, failed, locked_until, created"

enum sl_status auth_user_get(sqlite3 *db, const char *name, struct auth_user_row *u, bool *found)
{
    sqlite3_stmt *q = NULL;
    *found = false;
    if (sqlite3_prepare_v2(db, "SELECT " USER_COLS " FROM users WHERE name = ?", -1, &q, NULL) !=
        SQLITE_OK)
        return SL_EIO;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        read_user(q, u);
        *found = true;
    }
    sqlite3_finalize(q);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SL_OK : SL_EIO;
}

enum sl_status auth_user_list(sqlite3 *db, struct auth_user_row **out, size_t *n)
{
    sqlite3_stmt *q = NULL;
    struct auth_user_row *rows = NULL;
    size_t k = 0, cap = 0;
    *out = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(db, "SELECT " USER_COLS " FROM users ORDER BY name", -1, &q, NULL) !=
        SQLITE_OK)
        return SL_EIO;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (k == cap) {
            size_t c = cap ? cap * 2 : 8;
            struct auth_user_row *p = realloc(rows, c * sizeof *p);
            if (p == NULL) {
                free(rows);
                sqlite3_finalize(q);
                return SL_ENOMEM;
            }
            rows = p;
            cap = c;
        }
        read_user(q, &rows[k]);
        OPENSSL_cleanse(rows[k].hash, sizeof rows[k].hash);
        k++;
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        free(rows);
        return SL_EIO;
    }
    *out = rows;
    *n = k;
    return SL_OK;
}

static enum sl_status run(sqlite3 *db, const char *sql, int64_t a, int64_t b, int64_t c)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return SL_EIO;
    int np = sqlite3_bind_parameter_count(q);
    if (np >= 1)
        sqlite3_bind_int64(q, 1, a);
    if (np >= 2)
        sqlite3_bind_int64(q, 2, b);
    if (np >= 3)
        sqlite3_bind_int64(q, 3, c);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? SL_OK : SL_EIO;
}

enum sl_status auth_user_failed(sqlite3 *db, int64_t id, int64_t now, unsigned tries,
                                unsigned lock_s, bool *locked)
{
    *locked = false;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, "SELECT failed FROM users WHERE id = ?", -1, &q, NULL) != SQLITE_OK)
        return SL_EIO;
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    int64_t failed = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    sqlite3_finalize(q);
    if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE ? SL_OK : SL_EIO;
    if (failed + 1 >= (int64_t)tries) {
        *locked = true;
        return run(db, "UPDATE users SET failed = 0, locked_until = ? WHERE id = ?",
                   now + (int64_t)lock_s, id, 0);
    }
    return run(db, "UPDATE users SET failed = ? WHERE id = ?", failed + 1, id, 0);
}

enum sl_status auth_user_ok(sqlite3 *db, int64_t id)
{
    return run(db, "UPDATE users SET failed = 0 WHERE id = ?", id, 0, 0);
}

/* token_hash - hex SHA-256 of the token, what the table keeps */
static void token_hash(const char *token, size_t len, char out[65])
{
    unsigned char md[32];
    unsigned mdlen = sizeof md;
    EVP_Digest(token, len, md, &mdlen, EVP_sha256(), NULL);
    for (size_t i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
}

enum sl_status auth_session_new(sqlite3 *db, int64_t user, int64_t now,
                                char token[AUTH_TOKEN_LEN + 1], char csrf[65])
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned char r[33] = {0}, c[32];
    if (RAND_bytes(r, 32) != 1 || RAND_bytes(c, sizeof c) != 1)
        return SL_EIO;
    /* base64url without padding: 32 bytes give 43 characters */
    size_t k = 0;
    for (size_t i = 0; i < 33; i += 3) {
        unsigned v = (unsigned)r[i] << 16 | (unsigned)r[i + 1] << 8 | r[i + 2];
        for (int j = 0; j < 4 && k < AUTH_TOKEN_LEN; j++)
            token[k++] = b64[(v >> (18 - 6 * j)) & 63];
    }
    token[AUTH_TOKEN_LEN] = '\0';
    for (size_t i = 0; i < sizeof c; i++)
        snprintf(csrf + 2 * i, 3, "%02x", c[i]);
    OPENSSL_cleanse(r, sizeof r);
    OPENSSL_cleanse(c, sizeof c);
    char h[65];
    token_hash(token, AUTH_TOKEN_LEN, h);
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO sessions(hash, user, csrf, created, seen)"
                           " VALUES(?, ?, ?, ?, ?)",
                           -1, &q, NULL) != SQLITE_OK)
        return SL_EIO;
    sqlite3_bind_text(q, 1, h, 64, SQLITE_STATIC);
    sqlite3_bind_int64(q, 2, user);
    sqlite3_bind_text(q, 3, csrf, 64, SQLITE_STATIC);
    sqlite3_bind_int64(q, 4, now);
    sqlite3_bind_int64(q, 5, now);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? SL_OK : SL_EIO;
}

enum sl_status auth_session_get(sqlite3 *db, const char *token, size_t len, int64_t now,
                                unsigned idle_s, struct dash_user *u)
{
    if (len != AUTH_TOKEN_LEN)
        return SL_EINVAL;
    char h[65];
    token_hash(token, len, h);
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT s.user, s.csrf, s.created, s.seen, u.name, u.role"
                           " FROM sessions s JOIN users u ON u.id = s.user WHERE s.hash = ?",
                           -1, &q, NULL) != SQLITE_OK)
        return SL_EIO;
    sqlite3_bind_text(q, 1, h, 64, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(q);
        return rc == SQLITE_DONE ? SL_EINVAL : SL_EIO;
    }
    int64_t created = sqlite3_column_int64(q, 2), seen = sqlite3_column_int64(q, 3);
    memset(u, 0, sizeof *u);
    u->id = sqlite3_column_int64(q, 0);
    const char *s = (const char *)sqlite3_column_text(q, 1);
    snprintf(u->csrf, sizeof u->csrf, "%s", s ? s : "");
    s = (const char *)sqlite3_column_text(q, 4);
    snprintf(u->name, sizeof u->name, "%s", s ? s : "");
    s = (const char *)sqlite3_column_text(q, 5);
    if (!auth_role_parse(s, &u->role))
        u->role = ROLE_VIEWER;
    sqlite3_finalize(q);
    q = NULL;
    if (now - seen > (int64_t)idle_s || now - created > SESSION_MAX_S || strlen(u->csrf) != 64) {
        memset(u, 0, sizeof *u);
        auth_session_del(db, token, len);
        return SL_EINVAL;
    }
    if (now != seen && sqlite3_prepare_v2(db, "UPDATE sessions SET seen = ? WHERE hash = ?", -1, &q,
                                          NULL) == SQLITE_OK) {
        sqlite3_bind_int64(q, 1, now);
        sqlite3_bind_text(q, 2, h, 64, SQLITE_STATIC);
        sqlite3_step(q);
        sqlite3_finalize(q);
    }
    return SL_OK;
}

enum sl_status auth_session_del(sqlite3 *db, const char *token, size_t len)
{
    char h[65];
    token_hash(token, len, h);
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, "DELETE FROM sessions WHERE hash = ?", -1, &q, NULL) != SQLITE_OK)
        return SL_EIO;
    sqlite3_bind_text(q, 1, h, 64, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? SL_OK : SL_EIO;
}

enum sl_status auth_sessions_expire(sqlite3 *db, int64_t now, unsigned idle_s)
{
    return run(db, "DELETE FROM sessions WHERE seen < ? OR created < ?", now - (int64_t)idle_s,
               now - SESSION_MAX_S, 0);
}

/* ---- the limiter: a small table of addresses, the oldest window reused ---- */

#define LIMIT_SLOTS 1024

struct auth_limiter {
    pthread_mutex_t lock;
    unsigned limit, window;
    struct {
        char client[46];
        int64_t start;
        unsigned failed;
    } slot[LIMIT_SLOTS];
};

struct auth_limiter *auth_limiter_new(unsigned limit, unsigned window_s)
{
    struct auth_limiter *l = calloc(1, sizeof *l);
    if (l == NULL)
        return NULL;
    pthread_mutex_init(&l->lock, NULL);
    l->limit = limit;
    l->window = window_s;
    return l;
}

void auth_limiter_free(struct auth_limiter *l)
{
    if (l == NULL)
        return;
    pthread_mutex_destroy(&l->lock);
    free(l);
}

/* find - the slot of client in its current window, or NULL */
static size_t find(struct auth_limiter *l, const char *client, int64_t now, bool make)
{
    size_t oldest = 0;
    for (size_t i = 0; i < LIMIT_SLOTS; i++) {
        if (l->slot[i].client[0] && strcmp(l->slot[i].client, client) == 0) {
            if (now - l->slot[i].start >= (int64_t)l->window) {
                l->slot[i].start = now;
                l->slot[i].failed = 0;
            }
            return i;
        }
        if (l->slot[i].start < l->slot[oldest].start)
            oldest = i;
    }
    if (!make)
        return LIMIT_SLOTS;
    snprintf(l->slot[oldest].client, sizeof l->slot[oldest].client, "%s", client);
    l->slot[oldest].start = now;
    l->slot[oldest].failed = 0;
    return oldest;
}

bool auth_limiter_allowed(struct auth_limiter *l, const char *client, int64_t now)
{
    pthread_mutex_lock(&l->lock);
    size_t i = find(l, client, now, false);
    bool ok = i == LIMIT_SLOTS || l->slot[i].failed < l->limit;
    pthread_mutex_unlock(&l->lock);
    return ok;
}

void auth_limiter_failed(struct auth_limiter *l, const char *client, int64_t now)
{
    pthread_mutex_lock(&l->lock);
    size_t i = find(l, client, now, true);
    l->slot[i].failed++;
    pthread_mutex_unlock(&l->lock);
}
