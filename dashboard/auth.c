/*
 * auth - users, password hashes, sessions and the login limiter. See
 * auth.h. No password, token or hash ever reaches a log or an error.
 */
#include "auth.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "../store/sql.h"

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

enum sl_status auth_user_add(struct sql *db, const char *name, enum dash_role role, const char *pw,
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
    struct sql_stmt *q = NULL;
    st = SL_EIO;
    if (sql_prepare(db,
                    "INSERT INTO users(name, role, hash, failed, locked_until, created)"
                    " VALUES(?, ?, ?, 0, 0, ?)",
                    &q) == SQL_OK) {
        sql_bind_text(q, 1, name, -1);
        sql_bind_text(q, 2, auth_role_name(role), -1);
        sql_bind_text(q, 3, hash, -1);
        sql_bind_int64(q, 4, (int64_t)time(NULL));
        int rc = sql_step(q);
        if (rc == SQL_DONE)
            st = SL_OK;
        else if (rc == SQL_CONSTRAINT) {
            snprintf(err, errlen, "user %s exists already", name);
            st = SL_EINVAL;
        } else
            snprintf(err, errlen, "dashboard database: %s", sql_errmsg(db));
    } else
        snprintf(err, errlen, "dashboard database: %s", sql_errmsg(db));
    sql_finalize(q);
    OPENSSL_cleanse(hash, sizeof hash);
    return st;
}

/* run - one statement of up to three integer parameters, no rows */
static enum sl_status run(struct sql *db, const char *text, int64_t a, int64_t b, int64_t c)
{
    struct sql_stmt *q = NULL;
    if (sql_prepare(db, text, &q) != SQL_OK)
        return SL_EIO;
    int np = sql_bind_count(q);
    if (np >= 1)
        sql_bind_int64(q, 1, a);
    if (np >= 2)
        sql_bind_int64(q, 2, b);
    if (np >= 3)
        sql_bind_int64(q, 3, c);
    int rc = sql_step(q);
    sql_finalize(q);
    return rc == SQL_DONE ? SL_OK : SL_EIO;
}

enum sl_status auth_user_del(struct sql *db, const char *name, bool *found)
{
    *found = false;
    /* the look-up and both deletes in one write transaction: a session
     * made by another dashboard meanwhile goes with its user */
    if (sql_begin(db, true) != SQL_OK)
        return SL_EIO;
    struct auth_user_row u;
    enum sl_status st = auth_user_get(db, name, &u, found);
    OPENSSL_cleanse(u.hash, sizeof u.hash);
    if (st == SL_OK && *found)
        st = run(db, "DELETE FROM sessions WHERE \"user\" = ?", u.id, 0, 0);
    if (st == SL_OK && *found)
        st = run(db, "DELETE FROM users WHERE id = ?", u.id, 0, 0);
    if (st == SL_OK && sql_commit(db) == SQL_OK)
        return SL_OK;
    sql_rollback(db);
    *found = false;
    return SL_EIO;
}

static void read_user(struct sql_stmt *q, struct auth_user_row *u)
{
    const char *s;
    memset(u, 0, sizeof *u);
    u->id = sql_column_int64(q, 0);
    s = sql_column_text(q, 1);
    snprintf(u->name, sizeof u->name, "%s", s ? s : "");
    s = sql_column_text(q, 2);
    if (!auth_role_parse(s, &u->role))
        u->role = ROLE_VIEWER; /* an unknown role gets the least */
    s = sql_column_text(q, 3);
    snprintf(u->hash, sizeof u->hash, "%s", s ? s : "");
    u->failed = (unsigned)sql_column_int64(q, 4);
    u->locked_until = sql_column_int64(q, 5);
    u->created = sql_column_int64(q, 6);
}

#define USER_COLS "id, name, role, hash, failed, locked_until, created"

enum sl_status auth_user_get(struct sql *db, const char *name, struct auth_user_row *u, bool *found)
{
    struct sql_stmt *q = NULL;
    *found = false;
    memset(u, 0, sizeof *u);
    if (sql_prepare(db, "SELECT " USER_COLS " FROM users WHERE name = ?", &q) != SQL_OK)
        return SL_EIO;
    sql_bind_text(q, 1, name, -1);
    int rc = sql_step(q);
    if (rc == SQL_ROW) {
        read_user(q, u);
        *found = true;
    }
    sql_finalize(q);
    return rc == SQL_ROW || rc == SQL_DONE ? SL_OK : SL_EIO;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct auth_user_row *)a)->name, ((const struct auth_user_row *)b)->name);
}

enum sl_status auth_user_list(struct sql *db, struct auth_user_row **out, size_t *n)
{
    struct sql_stmt *q = NULL;
    struct auth_user_row *rows = NULL;
    size_t k = 0, cap = 0;
    *out = NULL;
    *n = 0;
    if (sql_prepare(db, "SELECT " USER_COLS " FROM users", &q) != SQL_OK)
        return SL_EIO;
    int rc;
    while ((rc = sql_step(q)) == SQL_ROW) {
        if (k == cap) {
            size_t c = cap ? cap * 2 : 8;
            struct auth_user_row *p = realloc(rows, c * sizeof *p);
            if (p == NULL) {
                free(rows);
                sql_finalize(q);
                return SL_ENOMEM;
            }
            rows = p;
            cap = c;
        }
        read_user(q, &rows[k]);
        OPENSSL_cleanse(rows[k].hash, sizeof rows[k].hash);
        k++;
    }
    sql_finalize(q);
    if (rc != SQL_DONE) {
        free(rows);
        return SL_EIO;
    }
    /* by name, byte by byte: ORDER BY name would follow the PostgreSQL
     * database's collation (case and punctuation ignored in most) */
    if (k > 1)
        qsort(rows, k, sizeof *rows, by_name);
    *out = rows;
    *n = k;
    return SL_OK;
}

enum sl_status auth_user_failed(struct sql *db, int64_t id, int64_t now, unsigned tries,
                                unsigned lock_s, bool *locked)
{
    *locked = false;
    /* read, count, write in one write transaction: failures at two
     * dashboards at once are both counted (on PostgreSQL the store's lock
     * orders them) */
    if (sql_begin(db, true) != SQL_OK)
        return SL_EIO;
    struct sql_stmt *q = NULL;
    if (sql_prepare(db, "SELECT failed, locked_until FROM users WHERE id = ?", &q) != SQL_OK) {
        sql_rollback(db);
        return SL_EIO;
    }
    sql_bind_int64(q, 1, id);
    int rc = sql_step(q);
    int64_t failed = rc == SQL_ROW ? sql_column_int64(q, 0) : 0;
    int64_t until = rc == SQL_ROW ? sql_column_int64(q, 1) : 0;
    sql_finalize(q);
    enum sl_status st = rc == SQL_ROW || rc == SQL_DONE ? SL_OK : SL_EIO;
    /* a user gone, or locked meanwhile by another dashboard's failure:
     * nothing to count (the lock's failures started again from 0) */
    if (st == SL_OK && rc == SQL_ROW && until <= now) {
        if (failed + 1 >= (int64_t)tries) {
            st = run(db, "UPDATE users SET failed = 0, locked_until = ? WHERE id = ?",
                     now + (int64_t)lock_s, id, 0);
            *locked = st == SL_OK;
        } else {
            st = run(db, "UPDATE users SET failed = ? WHERE id = ?", failed + 1, id, 0);
        }
    }
    if (st == SL_OK && sql_commit(db) == SQL_OK)
        return SL_OK;
    sql_rollback(db);
    *locked = false;
    return SL_EIO;
}

enum sl_status auth_user_ok(struct sql *db, int64_t id)
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

enum sl_status auth_session_new(struct sql *db, int64_t user, int64_t now,
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
    struct sql_stmt *q = NULL;
    if (sql_prepare(db,
                    "INSERT INTO sessions(hash, \"user\", csrf, created, seen)"
                    " VALUES(?, ?, ?, ?, ?)",
                    &q) != SQL_OK)
        return SL_EIO;
    sql_bind_text(q, 1, h, 64);
    sql_bind_int64(q, 2, user);
    sql_bind_text(q, 3, csrf, 64);
    sql_bind_int64(q, 4, now);
    sql_bind_int64(q, 5, now);
    int rc = sql_step(q);
    sql_finalize(q);
    return rc == SQL_DONE ? SL_OK : SL_EIO;
}

enum sl_status auth_session_get(struct sql *db, const char *token, size_t len, int64_t now,
                                unsigned idle_s, struct dash_user *u)
{
    if (len != AUTH_TOKEN_LEN)
        return SL_EINVAL;
    char h[65];
    token_hash(token, len, h);
    struct sql_stmt *q = NULL;
    if (sql_prepare(db,
                    "SELECT s.\"user\", s.csrf, s.created, s.seen, u.name, u.role"
                    " FROM sessions s JOIN users u ON u.id = s.\"user\" WHERE s.hash = ?",
                    &q) != SQL_OK)
        return SL_EIO;
    sql_bind_text(q, 1, h, 64);
    int rc = sql_step(q);
    if (rc != SQL_ROW) {
        sql_finalize(q);
        return rc == SQL_DONE ? SL_EINVAL : SL_EIO;
    }
    int64_t created = sql_column_int64(q, 2), seen = sql_column_int64(q, 3);
    memset(u, 0, sizeof *u);
    u->id = sql_column_int64(q, 0);
    const char *s = sql_column_text(q, 1);
    snprintf(u->csrf, sizeof u->csrf, "%s", s ? s : "");
    s = sql_column_text(q, 4);
    snprintf(u->name, sizeof u->name, "%s", s ? s : "");
    s = sql_column_text(q, 5);
    if (!auth_role_parse(s, &u->role))
        u->role = ROLE_VIEWER;
    sql_finalize(q);
    q = NULL;
    if (now - seen > (int64_t)idle_s || now - created > SESSION_MAX_S || strlen(u->csrf) != 64) {
        memset(u, 0, sizeof *u);
        auth_session_del(db, token, len);
        return SL_EINVAL;
    }
    /* seen only moves forward: another dashboard may have set a later one */
    if (now > seen &&
        sql_prepare(db, "UPDATE sessions SET seen = ? WHERE hash = ? AND seen < ?", &q) == SQL_OK) {
        sql_bind_int64(q, 1, now);
        sql_bind_text(q, 2, h, 64);
        sql_bind_int64(q, 3, now);
        sql_step(q);
        sql_finalize(q);
    }
    return SL_OK;
}

enum sl_status auth_session_del(struct sql *db, const char *token, size_t len)
{
    char h[65];
    token_hash(token, len, h);
    struct sql_stmt *q = NULL;
    if (sql_prepare(db, "DELETE FROM sessions WHERE hash = ?", &q) != SQL_OK)
        return SL_EIO;
    sql_bind_text(q, 1, h, 64);
    int rc = sql_step(q);
    sql_finalize(q);
    return rc == SQL_DONE ? SL_OK : SL_EIO;
}

enum sl_status auth_sessions_expire(struct sql *db, int64_t now, unsigned idle_s)
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
