/*
 * test_portal - the portal store on real SQLite files, or on PostgreSQL
 * when SLUIS_TEST_PG holds an address (tests/unit/testdb.h): round trips,
 * the way in per recipient (access code, one-time codes by e-mail and
 * sms), tampering, keys, per-recipient key wrapping, sessions, replies,
 * withdrawal and expiry with tombstones, events and the sender's status,
 * migration from earlier versions, threads, processes, two connections, a
 * full disk.
 *
 * Everything runs on both engines but what is about SQLite files (their
 * modes, their bytes on disk after removal, a full disk, the migration of
 * files of versions 1 and 2, which only ever were files): that runs only
 * on SQLite, and says so where it is.
 */
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../portal/store.h"
#include "../../store/sql.h"
#include "check.h"
#include "testdb.h"

static char dir[256];

/* the PostgreSQL address under test; NULL: SQLite files in dir */
static const char *pg;

#define HOUR 3600 /* the store's hour of one-time code sends and client counts */

static const char *in_dir(const char *name)
{
    static char p[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
    return p[k];
}

/* at - what store_open is given for the store a test calls db: the file
 * in dir, or the PostgreSQL address. PostgreSQL has one portal store (the
 * schema sluis_portal), emptied when a test names a store not named
 * before, so that every new name is a new store, as a new file is; a name
 * used again is the store as the last new name left it (the tests that
 * come back to an earlier name there want only a store under the same
 * key). */
static const char *at(const char *db)
{
    static char seen[64][32];
    static int n;
    if (pg == NULL)
        return in_dir(db);
    for (int i = 0; i < n; i++)
        if (strcmp(seen[i], db) == 0)
            return pg;
    if (n < (int)NELEM(seen))
        snprintf(seen[n++], sizeof seen[0], "%s", db);
    return testdb_target(in_dir(db), "sluis_portal");
}

static struct store *open_store(const char *db, const char *key)
{
    struct store *s = NULL;
    char err[512];
    enum sl_status st = store_open(at(db), in_dir(key), STORE_CREATE, &s, err, sizeof err);
    CHECK(st == SL_OK, "open %s: %s", db, err);
    return s;
}

/* raw - a connection of the test's own to the store db, beside any the
 * store has open (another process, as far as the store can tell): the
 * SQLite file (not made when missing), or the PostgreSQL schema (not
 * emptied); NULL when it does not open */
static struct sql *raw(const char *db)
{
    if (pg == NULL) {
        sqlite3 *h = NULL;
        if (sqlite3_open_v2(in_dir(db), &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
            sqlite3_close(h);
            return NULL;
        }
        return sql_wrap_sqlite(h);
    }
    char err[512];
    struct sql *h = sql_open_pg(pg, "sluis_portal", false, false, "t", err, sizeof err);
    if (h == NULL)
        fprintf(stderr, "test_portal: %s\n", err);
    return h;
}

/* corrupt - flip one bit of column col ("table.column") of every row (at
 * most 8). Each row is found again by its old value, which is random here:
 * PostgreSQL has no rowid to find it by. */
static void corrupt(const char *db, const char *field)
{
    char table[32], col[32];
    if (sscanf(field, "%31[^.].%31s", table, col) != 2)
        return;
    struct sql *h = raw(db);
    struct sql_stmt *q = NULL, *u = NULL;
    char text[128];
    unsigned char was[8][64], b[64];
    int len[8], rows = 0;
    bool ok = h != NULL;
    snprintf(text, sizeof text, "SELECT %s FROM %s", col, table);
    ok = ok && sql_prepare(h, text, &q) == SQL_OK;
    while (ok && sql_step(q) == SQL_ROW) {
        int n = sql_column_bytes(q, 0);
        ok = rows < (int)NELEM(was) && n > 4 && n <= (int)sizeof b;
        if (!ok)
            break;
        memcpy(was[rows], sql_column_blob(q, 0), (size_t)n);
        len[rows++] = n;
    }
    sql_finalize(q);
    snprintf(text, sizeof text, "UPDATE %s SET %s = ? WHERE %s = ?", table, col, col);
    ok = ok && sql_prepare(h, text, &u) == SQL_OK;
    for (int i = 0; ok && i < rows; i++) {
        memcpy(b, was[i], (size_t)len[i]);
        b[len[i] / 2] ^= 1;
        sql_reset(u);
        /* both stay as they are until the step: sql.h copies no blob */
        ok = sql_bind_blob(u, 1, b, (size_t)len[i]) == SQL_OK &&
             sql_bind_blob(u, 2, was[i], (size_t)len[i]) == SQL_OK && sql_step(u) == SQL_DONE &&
             sql_changes(h) == 1;
    }
    CHECK(ok && rows >= 1, "corrupt %s", field);
    sql_finalize(u);
    sql_close(h);
}

/* slurp - the database and its write-ahead log, as bytes on disk (SQLite
 * files only: the checks of bytes on disk are about them) */
static size_t slurp(const char *db, unsigned char *out, size_t cap)
{
    size_t n = 0;
    char wal[600];
    snprintf(wal, sizeof wal, "%s-wal", in_dir(db));
    const char *files[] = {in_dir(db), wal};
    for (int i = 0; i < 2; i++) {
        FILE *f = fopen(files[i], "rb");
        if (f) {
            n += fread(out + n, 1, cap - n, f);
            fclose(f);
        }
    }
    return n;
}

static void test_round_trip(void)
{
    char err[512] = "", id[33];
    CHECK(store_keygen(in_dir("k"), err, sizeof err) == SL_OK, "keygen: %s", err);
    struct stat st;
    CHECK(stat(in_dir("k"), &st) == 0 && (st.st_mode & 0777) == 0600, "key file 0600");
    CHECK(store_keygen(in_dir("k"), err, sizeof err) != SL_OK, "keygen never overwrites");
    struct store *s = open_store("a.db", "k");
    if (s == NULL)
        return;
    if (pg == NULL) /* an SQLite file's mode */
        CHECK(stat(in_dir("a.db"), &st) == 0 && (st.st_mode & 077) == 0, "database 0600");
    size_t big = 1u << 20;
    unsigned char *msg = malloc(big);
    for (size_t i = 0; i < big; i++)
        msg[i] = (unsigned char)(i * 131 + (i >> 9));
    msg[10] = 0;
    const struct store_rcpt rcpts[] = {{"familie@gmail.example", STORE_VERIFY_CODE, NULL},
                                       {"huisarts@praktijk.example", STORE_VERIFY_CODE, NULL}};
    struct store_pickup pk[2];
    CHECK(store_put(s, msg, big, "anja@zorg.example", rcpts, 2, time(NULL) + 3600, id, pk, NULL,
                    err, sizeof err) == SL_OK,
          "put: %s", err);
    CHECK(strlen(id) == 32 && strlen(pk[0].token) == STORE_TOKEN_LEN &&
              strlen(pk[0].code) == STORE_CODE_LEN && strcmp(pk[0].token, pk[1].token) != 0,
          "id, tokens and codes");
    struct buf out = BUF_INIT;
    char rcpt[128];
    for (int i = 0; i < 2; i++) {
        CHECK(store_fetch(s, pk[i].token, pk[i].code, &out, rcpt, sizeof rcpt, err, sizeof err) ==
                      STORE_FOUND &&
                  out.len == big && memcmp(out.data, msg, big) == 0 &&
                  strcmp(rcpt, rcpts[i].address) == 0,
              "recipient %d gets the original bytes back", i);
    }
    /* the other recipient's code does not open this one's token */
    if (strcmp(pk[0].code, pk[1].code) != 0)
        CHECK(store_fetch(s, pk[0].token, pk[1].code, &out, NULL, 0, err, sizeof err) ==
                  STORE_WRONG_CODE,
              "another's code");
    char bad[STORE_TOKEN_LEN + 1];
    memcpy(bad, pk[0].token, sizeof bad);
    bad[5] = bad[5] == 'A' ? 'B' : 'A';
    CHECK(store_fetch(s, bad, pk[0].code, &out, NULL, 0, err, sizeof err) == STORE_UNKNOWN,
          "a token one letter off");
    CHECK(store_fetch(s, "short", "123456", &out, NULL, 0, err, sizeof err) == STORE_UNKNOWN,
          "a malformed token");
    /* five wrong codes lock the token, even for the right code after */
    for (int i = 0; i < STORE_MAX_TRIES; i++)
        CHECK(store_fetch(s, pk[1].token, "00000x", &out, NULL, 0, err, sizeof err) ==
                  STORE_WRONG_CODE,
              "wrong code %d", i);
    CHECK(store_fetch(s, pk[1].token, pk[1].code, &out, NULL, 0, err, sizeof err) == STORE_LOCKED,
          "locked after %d wrong codes", STORE_MAX_TRIES);
    /* nothing of the message in the database file in clear (SQLite: the
     * bytes of the file) */
    if (pg == NULL) {
        unsigned char *bytes = malloc(8u << 20);
        size_t n = slurp("a.db", bytes, 8u << 20);
        CHECK(n > big && memmem(bytes, n, msg + 1000, 64) == NULL,
              "the database holds no plaintext");
        CHECK(memmem(bytes, n, pk[0].token, STORE_TOKEN_LEN) == NULL, "nor a token");
        free(bytes);
    }
    store_free(s);

    /* tampering with any stored field: the message does not open */
    static const char *const fields[] = {"messages.body", "messages.tag", "messages.iv",
                                         "pickups.dek_wrapped"};
    for (size_t i = 0; i < NELEM(fields); i++) {
        char db[32];
        snprintf(db, sizeof db, "t%zu.db", i);
        s = open_store(db, "k");
        const struct store_rcpt one[] = {{"x@y.example", STORE_VERIFY_CODE, NULL}};
        struct store_pickup p1;
        CHECK(s && store_put(s, "Mevrouw J. heeft een delier", 27, "a@z.example", one, 1,
                             time(NULL) + 60, id, &p1, NULL, err, sizeof err) == SL_OK,
              "put");
        store_free(s);
        corrupt(db, fields[i]);
        s = open_store(db, "k");
        buf_reset(&out);
        CHECK(s &&
                  store_fetch(s, p1.token, p1.code, &out, NULL, 0, err, sizeof err) ==
                      STORE_DAMAGED &&
                  out.len == 0,
              "%s tampered: refused, nothing returned", fields[i]);
        store_free(s);
    }
    /* a different master key opens nothing */
    CHECK(store_keygen(in_dir("k2"), err, sizeof err) == SL_OK, "second key");
    s = NULL;
    CHECK(store_open(at("a.db"), in_dir("k2"), 0, &s, err, sizeof err) == SL_EINVAL && s == NULL &&
              (pg == NULL || !strstr(err, pg)),
          "another master key: %s", err);
    buf_free(&out);
    free(msg);
}

static void test_key_and_place(void)
{
    char err[512] = "";
    struct store *s = NULL;
    FILE *f = fopen(in_dir("open.key"), "w");
    fputs("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n", f);
    fclose(f);
    chmod(in_dir("open.key"), 0644);
    CHECK(store_open(at("b.db"), in_dir("open.key"), STORE_CREATE, &s, err, sizeof err) != SL_OK &&
              strstr(err, "chmod 600"),
          "a key others can read is refused: %s", err);
    chmod(in_dir("open.key"), 0600);
    CHECK(store_open(at("b.db"), in_dir("open.key"), STORE_CREATE, &s, err, sizeof err) == SL_OK,
          "%s", err);
    store_free(s);
    f = fopen(in_dir("short.key"), "w");
    fputs("0011\n", f);
    fclose(f);
    chmod(in_dir("short.key"), 0600);
    CHECK(store_open(at("c.db"), in_dir("short.key"), STORE_CREATE, &s, err, sizeof err) ==
              SL_EPARSE,
          "a short key");
    f = fopen(in_dir("nothex.key"), "w");
    fputs("g0112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n", f);
    fclose(f);
    chmod(in_dir("nothex.key"), 0600);
    CHECK(store_open(at("c.db"), in_dir("nothex.key"), STORE_CREATE, &s, err, sizeof err) ==
              SL_EPARSE,
          "a key with a letter that is not hex: %s", err);
    CHECK(store_open(at("c.db"), in_dir("none.key"), STORE_CREATE, &s, err, sizeof err) == SL_EIO &&
              strstr(err, "sluis portal keygen"),
          "a missing key says how to make one: %s", err);
    if (pg == NULL) /* a file */
        CHECK(store_open("/nonexistent-dir/x.db", in_dir("open.key"), STORE_CREATE, &s, err,
                         sizeof err) == SL_EIO,
              "a database where none can be made");
}

static int raw_int(const char *db, const char *query);

/* only STORE_CREATE makes a store: show and expire open what is there */
static void test_no_create(void)
{
    char err[512];
    struct store *s = NULL;
    struct stat st;
    if (pg != NULL) {
        /* PostgreSQL: a database without the schema is no store, and
         * nothing is made in it; the cases of files below are SQLite's */
        const char *where = at("nc.db");
        static const char schemas[] =
            "SELECT count(*) FROM pg_namespace WHERE nspname = 'sluis_portal'";
        err[0] = '\0';
        enum sl_status got = store_open(where, in_dir("k"), 0, &s, err, sizeof err);
        CHECK(got == SL_EINVAL && s == NULL && strstr(err, "is not a portal store") &&
                  !strstr(err, pg),
              "no schema: got %s \"%s\"", sl_status_str(got), err);
        CHECK(raw_int("nc.db", schemas) == 0, "no schema made");
        CHECK(store_open(where, in_dir("k"), STORE_CREATE, &s, err, sizeof err) == SL_OK &&
                  raw_int("nc.db", schemas) == 1 &&
                  raw_int("nc.db", "SELECT count(*) FROM schema_version WHERE version = 3") == 1,
              "STORE_CREATE makes the store, version 3: %s", err);
        store_free(s);
        s = NULL;
        CHECK(store_open(where, in_dir("k"), 0, &s, err, sizeof err) == SL_OK,
              "and then it opens: %s", err);
        store_free(s);
        return;
    }
    FILE *f = fopen(in_dir("empty.db"), "w");
    fclose(f);
    f = fopen(in_dir("text.db"), "w");
    fputs("not a database, but long enough to be read as one's header........\n", f);
    fclose(f);
    static const struct {
        const char *name, *path, *want_err;
        enum sl_status want;
        bool exists_after;
    } cases[] = {
        {"a missing file in a folder that exists", "absent.db", "no portal store at ", SL_EIO,
         false},
        {"a missing folder", "/nonexistent-dir/x.db", "no portal store at /nonexistent-dir/x.db",
         SL_EIO, false},
        {"a folder", ".", "not a regular file", SL_EIO, true},
        {"an empty file", "empty.db", "is not a portal store", SL_EINVAL, true},
        {"a file that is not SQLite", "text.db", "not a database", SL_EIO, true},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        const char *path = cases[i].path[0] == '/' ? cases[i].path : in_dir(cases[i].path);
        err[0] = '\0';
        enum sl_status got = store_open(path, in_dir("k"), 0, &s, err, sizeof err);
        CHECK(got == cases[i].want && s == NULL && strstr(err, cases[i].want_err),
              "%s: got %s \"%s\", want %s \"%s\"", cases[i].name, sl_status_str(got), err,
              sl_status_str(cases[i].want), cases[i].want_err);
        char wal[600];
        snprintf(wal, sizeof wal, "%s-wal", path);
        CHECK((stat(path, &st) == 0) == cases[i].exists_after && stat(wal, &st) != 0,
              "%s: nothing made", cases[i].name);
    }
    CHECK(stat(in_dir("empty.db"), &st) == 0 && st.st_size == 0, "the empty file stays empty");
    /* the creator makes it; then it opens without STORE_CREATE */
    CHECK(store_open(in_dir("absent.db"), in_dir("k"), STORE_CREATE, &s, err, sizeof err) ==
                  SL_OK &&
              stat(in_dir("absent.db"), &st) == 0 && (st.st_mode & 077) == 0,
          "STORE_CREATE makes the store, 0600: %s", err);
    store_free(s);
    s = NULL;
    CHECK(store_open(in_dir("absent.db"), in_dir("k"), 0, &s, err, sizeof err) == SL_OK,
          "and then it opens: %s", err);
    store_free(s);
}

/* raw_int - the first column of the first row of query on db, or -1 */
static int raw_int(const char *db, const char *query)
{
    struct sql *h = raw(db);
    struct sql_stmt *q = NULL;
    int v = -1;
    if (h != NULL && sql_prepare(h, query, &q) == SQL_OK && sql_step(q) == SQL_ROW)
        v = sql_column_int(q, 0);
    sql_finalize(q);
    sql_close(h);
    return v;
}

/* raw_run - statements on db, as a store of the version before the check
 * value, or another process, would leave them */
static bool raw_run(const char *db, const char *text)
{
    struct sql *h = raw(db);
    bool ok = h != NULL && sql_exec(h, text) == SQL_OK;
    sql_close(h);
    return ok;
}

/* ---- a store as earlier versions of sluis made it, by SQL ---- */

/* key_bytes - the 32 bytes of the key file key */
static bool key_bytes(const char *key, unsigned char k[32])
{
    FILE *f = fopen(in_dir(key), "r");
    char t[80] = "";
    bool ok = f && fgets(t, sizeof t, f) != NULL;
    for (int i = 0; ok && i < 32; i++) {
        unsigned v;
        ok = sscanf(t + 2 * i, "%2x", &v) == 1;
        k[i] = (unsigned char)v;
    }
    if (f)
        fclose(f);
    return ok;
}

/* gcm - AES-256-GCM with a 12-byte IV and a 16-byte tag, as the store uses
 * it; decrypting checks the tag */
static bool gcm(bool enc, const unsigned char *key, const unsigned char *iv, const char *aad,
                const unsigned char *in, size_t len, unsigned char *out, unsigned char *tag)
{
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int n = 0;
    bool ok = c && EVP_CipherInit_ex(c, EVP_aes_256_gcm(), NULL, key, iv, enc) == 1 &&
              EVP_CipherUpdate(c, NULL, &n, (const unsigned char *)aad, (int)strlen(aad)) == 1 &&
              EVP_CipherUpdate(c, out, &n, in, (int)len) == 1;
    if (ok && !enc)
        ok = EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, 16, tag) == 1;
    ok = ok && EVP_CipherFinal_ex(c, out + len, &n) == 1;
    if (ok && enc)
        ok = EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, 16, tag) == 1;
    EVP_CIPHER_CTX_free(c);
    return ok;
}

/* random_token - 43 characters of base64url */
static void random_token(char out[STORE_TOKEN_LEN + 1])
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned char raw[STORE_TOKEN_LEN];
    RAND_bytes(raw, sizeof raw);
    for (int i = 0; i < STORE_TOKEN_LEN; i++)
        out[i] = b64[raw[i] & 63];
    out[STORE_TOKEN_LEN] = '\0';
}

/* old_store - a new file db as sluis of version 1 (no meta) or 2 made it
 * (SQLite only: those versions were files),
 * with the master key in key: when n > 0, one message msg for n
 * recipients (tokens[i] made here, every code "246810"), its key wrapped
 * under the master key alone. created is the keeping time; the second
 * recipient picked up at created + 60, the third has four wrong codes. */
static bool old_store(const char *db, const char *key, int version, const char *msg, size_t n,
                      char (*tokens)[STORE_TOKEN_LEN + 1], time_t created)
{
    static const char tables[] =
        "PRAGMA journal_mode=WAL;"
        "CREATE TABLE messages(id TEXT PRIMARY KEY, created INTEGER NOT NULL,"
        " expires INTEGER NOT NULL, sender TEXT NOT NULL, wrapped BLOB NOT NULL, iv BLOB NOT "
        "NULL, tag BLOB NOT NULL, body BLOB NOT NULL);"
        "CREATE TABLE pickups(token_hash BLOB PRIMARY KEY,"
        " message TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
        " recipient TEXT NOT NULL, code_mac BLOB NOT NULL, tries INTEGER NOT NULL DEFAULT 0,"
        " picked_up INTEGER);"
        "CREATE INDEX pickups_message ON pickups(message);"
        "CREATE INDEX messages_expires ON messages(expires);";
    static const char label[] = "sluis portal store: master key check, version 1";
    unsigned char master[32], dek[32], iv[12], tag[16], wrapped[60], check[32];
    unsigned len = 32;
    char id[33];
    sqlite3 *lite = NULL;
    struct sql *h = NULL;
    struct sql_stmt *q = NULL;
    size_t mlen = strlen(msg);
    unsigned char *body = malloc(mlen + 16);
    if (sqlite3_open(in_dir(db), &lite) == SQLITE_OK)
        h = sql_wrap_sqlite(lite);
    else
        sqlite3_close(lite);
    bool ok = body && h && key_bytes(key, master) && RAND_bytes(dek, 32) == 1 &&
              RAND_bytes(iv, 12) == 1 && RAND_bytes(wrapped, 12) == 1 &&
              sql_exec(h, tables) == SQL_OK;
    ok = ok && sql_version_set(h, version) == SQL_OK;
    if (ok && version == 2) {
        HMAC(EVP_sha256(), master, 32, (const unsigned char *)label, sizeof label - 1, check, &len);
        ok = sql_exec(h, "CREATE TABLE meta(name TEXT PRIMARY KEY, value BLOB NOT NULL)") ==
                 SQL_OK &&
             sql_prepare(h, "INSERT INTO meta VALUES('key_check', ?)", &q) == SQL_OK &&
             sql_bind_blob(q, 1, check, 32) == SQL_OK && sql_step(q) == SQL_DONE;
        sql_finalize(q);
        q = NULL;
    }
    if (ok && n > 0) {
        char aad[64];
        for (int i = 0; i < 16; i++)
            snprintf(id + 2 * i, 3, "%02x", (unsigned)(dek[i] ^ iv[i % 12]));
        snprintf(aad, sizeof aad, "sluis-key:%s", id);
        ok = gcm(true, dek, iv, id, (const unsigned char *)msg, mlen, body, tag) &&
             gcm(true, master, wrapped, aad, dek, 32, wrapped + 12, wrapped + 44) &&
             sql_prepare(h, "INSERT INTO messages VALUES(?, ?, ?, ?, ?, ?, ?, ?)", &q) == SQL_OK;
        if (ok) {
            sql_bind_text(q, 1, id, 32);
            sql_bind_int64(q, 2, created);
            sql_bind_int64(q, 3, created + 86400);
            sql_bind_text(q, 4, "arts@zorg.example", -1);
            sql_bind_blob(q, 5, wrapped, 60);
            sql_bind_blob(q, 6, iv, 12);
            sql_bind_blob(q, 7, tag, 16);
            sql_bind_blob(q, 8, body, mlen);
            ok = sql_step(q) == SQL_DONE;
        }
        sql_finalize(q);
        q = NULL;
    }
    for (size_t i = 0; ok && i < n; i++) {
        unsigned char th[32], in[38], mac[32];
        char rcpt[64];
        random_token(tokens[i]);
        SHA256((const unsigned char *)tokens[i], STORE_TOKEN_LEN, th);
        memcpy(in, th, 32);
        /* NOLINTNEXTLINE(bugprone-not-null-terminated-result): HMAC input bytes, not a string */
        memcpy(in + 32, "246810", 6);
        HMAC(EVP_sha256(), master, 32, in, sizeof in, mac, &len);
        snprintf(rcpt, sizeof rcpt, "ontvanger%zu@gmail.example", i);
        ok = sql_prepare(h, "INSERT INTO pickups VALUES(?, ?, ?, ?, ?, ?)", &q) == SQL_OK;
        if (ok) {
            sql_bind_blob(q, 1, th, 32);
            sql_bind_text(q, 2, id, 32);
            sql_bind_text(q, 3, rcpt, -1);
            sql_bind_blob(q, 4, mac, 32);
            sql_bind_int(q, 5, i == 2 ? 4 : 0);
            if (i == 1)
                sql_bind_int64(q, 6, created + 60);
            ok = sql_step(q) == SQL_DONE;
        }
        sql_finalize(q);
        q = NULL;
    }
    sql_close(h);
    free(body);
    CHECK(ok, "an old store of version %d in %s", version, db);
    return ok;
}

/* put_one - a new store db under key with one message for one recipient */
static bool put_one(const char *db, const char *key, struct store_pickup *pk)
{
    struct store *s = open_store(db, key);
    char id[33], err[256];
    const struct store_rcpt one[] = {{"familie@gmail.example", STORE_VERIFY_CODE, NULL}};
    bool ok = s && store_put(s, "Uitslag van het bloedonderzoek", 30, "arts@zorg.example", one, 1,
                             time(NULL) + 3600, id, pk, NULL, err, sizeof err) == SL_OK;
    CHECK(ok, "put in %s: %s", db, s ? err : "no store");
    store_free(s);
    return ok;
}

/* the wrong master key is refused at open and spends no try */
static void test_wrong_key(void)
{
    char err[512] = "";
    struct store *s = NULL;
    struct store_pickup pk;
    struct buf out = BUF_INIT;
    if (!put_one("wk.db", "k", &pk))
        return;
    s = open_store("wk.db", "k");
    CHECK(s && store_fetch(s, pk.token, "999999x", &out, NULL, 0, err, sizeof err) ==
                   STORE_WRONG_CODE,
          "one wrong code");
    store_free(s);
    const char *tries = "SELECT tries FROM pickups";
    CHECK(raw_int("wk.db", tries) == 1, "one try counted");
    for (unsigned flags = 0; flags <= STORE_CREATE; flags += STORE_CREATE) {
        s = NULL;
        err[0] = '\0';
        enum sl_status st = store_open(at("wk.db"), in_dir("k2"), flags, &s, err, sizeof err);
        CHECK(st == SL_EINVAL && s == NULL &&
                  strstr(err, "the master key does not match this store") &&
                  !strstr(err, pk.token) && (pg == NULL || !strstr(err, pg)),
              "another key (flags %u): got %s \"%s\"", flags, sl_status_str(st), err);
    }
    CHECK(raw_int("wk.db", tries) == 1, "another key spent no try (%d)", raw_int("wk.db", tries));
    s = open_store("wk.db", "k");
    CHECK(s && store_fetch(s, pk.token, pk.code, &out, NULL, 0, err, sizeof err) == STORE_FOUND &&
              out.len == 30 && raw_int("wk.db", tries) == 1,
          "the right key and code still open it, and the one wrong code stays counted");
    store_free(s);
    static const char checks[] = "SELECT count(*) FROM meta WHERE name = 'key_check'";
    if (pg != NULL) {
        /* PostgreSQL (stores of versions 1 and 2, below, were files): a
         * check value gone is made again at the next open, from its key */
        s = NULL;
        CHECK(raw_run("wk.db", "DELETE FROM meta") && raw_int("wk.db", checks) == 0 &&
                  store_open(at("wk.db"), in_dir("k"), 0, &s, err, sizeof err) == SL_OK &&
                  raw_int("wk.db", checks) == 1,
              "no check value: added at open: %s", err);
        store_free(s);
        s = NULL;
        CHECK(store_open(at("wk.db"), in_dir("k2"), 0, &s, err, sizeof err) == SL_EINVAL,
              "and then only that key");
        /* a damaged check value (its first byte only, a blob on either
         * engine) is said to be one, not taken for a wrong key */
        CHECK(raw_run("wk.db",
                      "UPDATE meta SET value = substr(value, 1, 1) WHERE name = 'key_check'") &&
                  store_open(at("wk.db"), in_dir("k"), 0, &s, err, sizeof err) == SL_EIO &&
                  strstr(err, "damaged") && !strstr(err, pg),
              "a damaged check value: %s", err);
        buf_free(&out);
        return;
    }

    /* a store from before the check value (user_version 1, no meta) gets
     * one on its first open, only from the key its messages were kept with */
    char old[1][STORE_TOKEN_LEN + 1];
    if (!old_store("v1.db", "k", 1, "Uitslag", 1, old, time(NULL)))
        return;
    s = NULL;
    CHECK(store_open(in_dir("v1.db"), in_dir("k2"), 0, &s, err, sizeof err) == SL_EINVAL &&
              strstr(err, "does not match"),
          "version 1, another key: refused (it does not open the stored message): %s", err);
    CHECK(raw_int("v1.db", checks) == 0, "and no check value written for it");
    CHECK(store_open(in_dir("v1.db"), in_dir("k"), 0, &s, err, sizeof err) == SL_OK,
          "version 1, its key: opens: %s", err);
    CHECK(s && store_fetch(s, old[0], "246810", &out, NULL, 0, err, sizeof err) == STORE_FOUND &&
              out.len == 7 && memcmp(out.data, "Uitslag", 7) == 0,
          "version 1: the message opens");
    store_free(s);
    s = NULL;
    CHECK(raw_int("v1.db", checks) == 1 && raw_int("v1.db", "PRAGMA user_version") == 3,
          "the check value is added, the store is version 3");
    CHECK(store_open(in_dir("v1.db"), in_dir("k2"), 0, &s, err, sizeof err) == SL_EINVAL,
          "then another key is refused by the check value");
    /* an empty store of version 1: the first key binds it */
    s = NULL;
    CHECK(old_store("v1e.db", "k2", 1, "", 0, NULL, 0) &&
              store_open(in_dir("v1e.db"), in_dir("k"), 0, &s, err, sizeof err) == SL_OK &&
              raw_int("v1e.db", checks) == 1,
          "version 1 without messages: any key, then bound to it: %s", err);
    store_free(s);
    s = NULL;
    CHECK(store_open(in_dir("v1e.db"), in_dir("k2"), 0, &s, err, sizeof err) == SL_EINVAL,
          "and only that key");
    /* a damaged check value is said to be one, not taken for a wrong key */
    CHECK(raw_run("v1e.db", "UPDATE meta SET value = x'00' WHERE name = 'key_check'") &&
              store_open(in_dir("v1e.db"), in_dir("k"), 0, &s, err, sizeof err) == SL_EIO &&
              strstr(err, "damaged"),
          "a damaged check value: %s", err);
    buf_free(&out);
}

/* what a right code leaves of the count: its own try back, wrong codes
 * counted for the token's life */
static void test_tries(void)
{
    struct store_pickup pk;
    if (!put_one("tries.db", "k", &pk))
        return;
    static const struct {
        const char *name;
        int code; /* 0 none (is the token valid?), 1 the right one, 2 a wrong one */
        enum store_fetch want;
        int tries;
    } steps[] = {
        {"no code: only whether the token is valid", 0, STORE_FOUND, 0},
        {"a wrong code", 2, STORE_WRONG_CODE, 1},
        {"another wrong code", 2, STORE_WRONG_CODE, 2},
        {"the right code: its try given back", 1, STORE_FOUND, 2},
        {"the right code again", 1, STORE_FOUND, 2},
        {"a third wrong code", 2, STORE_WRONG_CODE, 3},
        {"a fourth", 2, STORE_WRONG_CODE, 4},
        {"the right code before the fifth", 1, STORE_FOUND, 4},
        {"a fifth wrong code", 2, STORE_WRONG_CODE, 5},
        {"the right code: locked", 1, STORE_LOCKED, 5},
        {"a wrong code: locked, not counted", 2, STORE_LOCKED, 5},
        {"no code: locked", 0, STORE_LOCKED, 5},
    };
    struct store *s = open_store("tries.db", "k");
    struct buf out = BUF_INIT;
    char err[512];
    for (size_t i = 0; s && i < NELEM(steps); i++) {
        const char *code = steps[i].code == 0 ? NULL : steps[i].code == 1 ? pk.code : "12345x";
        enum store_fetch got = store_fetch(s, pk.token, code, &out, NULL, 0, err, sizeof err);
        int tries = raw_int("tries.db", "SELECT tries FROM pickups");
        CHECK(got == steps[i].want && tries == steps[i].tries, "%s: got %s, %d tries, want %s, %d",
              steps[i].name, store_fetch_name(got), tries, store_fetch_name(steps[i].want),
              steps[i].tries);
    }
    CHECK(raw_int("tries.db", "SELECT picked_up > 0 FROM pickups") == 1, "the pickup is recorded");
    store_free(s);
    buf_free(&out);
}

/* a database another process keeps locked: a clear error, not a wrong code,
 * and no try spent */
static void test_busy(void)
{
    struct store_pickup pk;
    if (!put_one("busy.db", "k", &pk))
        return;
    struct store *s = open_store("busy.db", "k");
    struct sql *h = raw("busy.db");
    if (s == NULL || h == NULL) {
        CHECK(false, "open busy.db twice");
        store_free(s);
        sql_close(h);
        return;
    }
    store_busy_timeout(s, 200);
    struct buf out = BUF_INIT;
    char err[512] = "";
    /* another writer's transaction: SQLite's write lock, or the store's
     * lock on PostgreSQL */
    CHECK(sql_begin(h, true) == SQL_OK, "the other writer");
    enum store_fetch got = store_fetch(s, pk.token, pk.code, &out, NULL, 0, err, sizeof err);
    CHECK(got == STORE_FAILED && strstr(err, "busy") && !strstr(err, pk.token) &&
              !strstr(err, pk.code),
          "a locked database: got %s \"%s\", want %s", store_fetch_name(got), err,
          store_fetch_name(STORE_FAILED));
    got = store_fetch(s, pk.token, "12345x", &out, NULL, 0, err, sizeof err);
    CHECK(got == STORE_FAILED, "a wrong code on a locked database: got %s", store_fetch_name(got));
    sql_rollback(h);
    sql_close(h);
    CHECK(raw_int("busy.db", "SELECT tries FROM pickups") == 0, "no try spent while locked");
    CHECK(store_fetch(s, pk.token, pk.code, &out, NULL, 0, err, sizeof err) == STORE_FOUND,
          "once free, the right code opens it");
    store_free(s);
    buf_free(&out);
}

#define GUESSERS 40

/* forty processes, each with its own connection to the same file, guess a
 * wrong code for one token at once: only five guesses may be evaluated */
static void test_lockout_processes(void)
{
    struct store_pickup pk;
    if (!put_one("race.db", "k", &pk))
        return;
    char wrong[16];
    snprintf(wrong, sizeof wrong, "%06d", (atoi(pk.code) + 1) % 1000000);
    int gate[2];
    if (pipe(gate) != 0)
        return;
    pid_t pids[GUESSERS];
    for (int i = 0; i < GUESSERS; i++) {
        pids[i] = fork();
        if (pids[i] != 0)
            continue;
        close(gate[1]);
        struct store *s = NULL;
        struct buf out = BUF_INIT;
        char err[512] = "", c;
        int rc = 100;
        if (store_open(at("race.db"), in_dir("k"), 0, &s, err, sizeof err) == SL_OK &&
            read(gate[0], &c, 1) == 0) /* all go when the gate closes */
            rc = (int)store_fetch(s, pk.token, wrong, &out, NULL, 0, err, sizeof err);
        if (err[0])
            fprintf(stderr, "guesser %d: %s\n", i, err);
        store_free(s);
        buf_free(&out);
        _exit(rc);
    }
    close(gate[0]);
    close(gate[1]);
    int got[STORE_FAILED + 1] = {0}, other = 0;
    for (int i = 0; i < GUESSERS; i++) {
        int status = 0;
        waitpid(pids[i], &status, 0);
        if (WIFEXITED(status) && WEXITSTATUS(status) <= STORE_FAILED)
            got[WEXITSTATUS(status)]++;
        else
            other++;
    }
    CHECK(got[STORE_WRONG_CODE] == STORE_MAX_TRIES &&
              got[STORE_LOCKED] == GUESSERS - STORE_MAX_TRIES && other == 0,
          "%d processes guess at once: got %d wrong code, %d locked, %d failed, %d other; want "
          "%d, %d, 0, 0",
          GUESSERS, got[STORE_WRONG_CODE], got[STORE_LOCKED], got[STORE_FAILED], other,
          STORE_MAX_TRIES, GUESSERS - STORE_MAX_TRIES);
    CHECK(raw_int("race.db", "SELECT tries FROM pickups") == STORE_MAX_TRIES, "tries %d, want %d",
          raw_int("race.db", "SELECT tries FROM pickups"), STORE_MAX_TRIES);
    struct store *s = open_store("race.db", "k");
    struct buf out = BUF_INIT;
    char err[512];
    CHECK(s && store_fetch(s, pk.token, pk.code, &out, NULL, 0, err, sizeof err) == STORE_LOCKED &&
              out.len == 0,
          "then even the right code is locked out");
    store_free(s);
    buf_free(&out);
}

#define HAMMERS 25 /* wrong codes per thread */

struct hammer {
    struct store *s;
    const char *token, *wrong;
    pthread_barrier_t *go;
    int got[STORE_TOO_MANY_SENDS + 1], other;
};

static void *hammer(void *arg)
{
    struct hammer *h = arg;
    char session[STORE_TOKEN_LEN + 1], err[256];
    pthread_barrier_wait(h->go);
    for (int i = 0; i < HAMMERS; i++) {
        enum store_fetch r =
            store_verify(h->s, h->token, h->wrong, "203.0.113.9", session, err, sizeof err);
        if ((unsigned)r < NELEM(h->got))
            h->got[r]++;
        else
            h->other++;
    }
    return NULL;
}

/* two handles on one store, two connections (on PostgreSQL, what two
 * portal processes or hosts have), hammer wrong codes at one token from a
 * thread each: the tries and the client's count are counted in the
 * database, one write transaction at a time, so exactly STORE_MAX_TRIES
 * codes are compared, the client is counted as many times, the token is
 * locked once (one locked event), and for both handles */
static void test_two_handles(void)
{
    struct store_pickup pk;
    if (!put_one("two.db", "k", &pk))
        return;
    char wrong[16], err[512], session[STORE_TOKEN_LEN + 1];
    snprintf(wrong, sizeof wrong, "%06d", (atoi(pk.code) + 1) % 1000000);
    struct store *s[2] = {open_store("two.db", "k"), open_store("two.db", "k")};
    if (s[0] == NULL || s[1] == NULL) {
        store_free(s[0]);
        store_free(s[1]);
        return;
    }
    pthread_barrier_t go;
    pthread_barrier_init(&go, NULL, 2);
    struct hammer h[2];
    pthread_t t[2];
    for (int i = 0; i < 2; i++) {
        h[i] = (struct hammer){.s = s[i], .token = pk.token, .wrong = wrong, .go = &go};
        pthread_create(&t[i], NULL, hammer, &h[i]);
    }
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&go);
    int wrongs = h[0].got[STORE_WRONG_CODE] + h[1].got[STORE_WRONG_CODE];
    int locked = h[0].got[STORE_LOCKED] + h[1].got[STORE_LOCKED];
    int failed = h[0].got[STORE_FAILED] + h[1].got[STORE_FAILED];
    CHECK(wrongs == STORE_MAX_TRIES && locked == 2 * HAMMERS - STORE_MAX_TRIES && failed == 0 &&
              h[0].other == 0 && h[1].other == 0,
          "2 handles x %d wrong codes at once: %d wrong (%d + %d), %d locked, %d failed; want %d, "
          "%d, 0",
          HAMMERS, wrongs, h[0].got[STORE_WRONG_CODE], h[1].got[STORE_WRONG_CODE], locked, failed,
          STORE_MAX_TRIES, 2 * HAMMERS - STORE_MAX_TRIES);
    CHECK(raw_int("two.db", "SELECT tries FROM pickups") == STORE_MAX_TRIES &&
              raw_int("two.db", "SELECT fails FROM clients") == STORE_MAX_TRIES,
          "the token's tries and the client's count: %d and %d, want %d",
          raw_int("two.db", "SELECT tries FROM pickups"),
          raw_int("two.db", "SELECT fails FROM clients"), STORE_MAX_TRIES);
    CHECK(raw_int("two.db", "SELECT count(*) FROM events WHERE kind = 5") == 1,
          "one locked event (%d)", raw_int("two.db", "SELECT count(*) FROM events WHERE kind = 5"));
    struct buf out = BUF_INIT;
    for (int i = 0; i < 2; i++) {
        struct store_info info;
        CHECK(store_lookup(s[i], pk.token, &info, err, sizeof err) == STORE_LOCKED &&
                  store_verify(s[i], pk.token, pk.code, NULL, session, err, sizeof err) ==
                      STORE_LOCKED &&
                  store_fetch(s[i], pk.token, pk.code, &out, NULL, 0, err, sizeof err) ==
                      STORE_LOCKED &&
                  out.len == 0,
              "handle %d: locked, even for the right code", i);
    }
    buf_free(&out);
    store_free(s[0]);
    store_free(s[1]);
}

struct worker {
    struct store *s;
    int ok;
    struct store_pickup pk;
};

static void *put_many(void *arg)
{
    struct worker *w = arg;
    char id[33], err[256];
    const struct store_rcpt one[] = {{"r@x.example", STORE_VERIFY_CODE, NULL}};
    for (int i = 0; i < 20; i++)
        w->ok += store_put(w->s, "bericht", 7, "a@z.example", one, 1, time(NULL) + 60, id, &w->pk,
                           NULL, err, sizeof err) == SL_OK;
    return NULL;
}

static void test_threads_expiry(void)
{
    struct store *s = open_store("th.db", "k");
    if (s == NULL)
        return;
    pthread_t t[8];
    struct worker w[8];
    for (int i = 0; i < 8; i++) {
        w[i] = (struct worker){s, 0, {{0}, {0}}};
        pthread_create(&t[i], NULL, put_many, &w[i]);
    }
    int total = 0, opened = 0;
    struct buf out = BUF_INIT;
    char err[256];
    for (int i = 0; i < 8; i++) {
        pthread_join(t[i], NULL);
        total += w[i].ok;
        opened += store_fetch(s, w[i].pk.token, w[i].pk.code, &out, NULL, 0, err, sizeof err) ==
                  STORE_FOUND;
    }
    CHECK(total == 160 && opened == 8, "8 threads x 20 puts: %d stored, %d opened", total, opened);
    const struct store_rcpt one[] = {{"r@x.example", STORE_VERIFY_CODE, NULL}};
    char id[33];
    struct store_pickup old;
    CHECK(store_put(s, "oud", 3, "a@z.example", one, 1, time(NULL) - 10, id, &old, NULL, err,
                    sizeof err) == SL_OK,
          "put an expired one");
    CHECK(store_fetch(s, old.token, old.code, &out, NULL, 0, err, sizeof err) == STORE_EXPIRED,
          "past its expiry: refused");
    unsigned removed = 0;
    CHECK(store_expire(s, time(NULL), &removed, err, sizeof err) == SL_OK && removed == 1,
          "expire removes it (%u)", removed);
    CHECK(store_fetch(s, old.token, old.code, &out, NULL, 0, err, sizeof err) == STORE_EXPIRED &&
              raw_int("th.db", "SELECT count(*) FROM messages WHERE body IS NOT NULL OR "
                               "expired IS NULL") == 160,
          "and then only its tombstone is left: the link says expired");
    CHECK(store_fetch(s, w[0].pk.token, w[0].pk.code, &out, NULL, 0, err, sizeof err) ==
              STORE_FOUND,
          "the others stay");
    buf_free(&out);
    store_free(s);
}

/* a full disk: the file size limit stands in for it in a child process */
/* test_put_rolled_back - a store_put whose transaction fails keeps
 * nothing and gives no id (the milter then has nothing to withdraw); one
 * refused before it neither */
static void test_put_rolled_back(void)
{
    struct store *s = open_store("rb.db", "k");
    struct sql *h = raw("rb.db");
    CHECK(s && h && sql_exec(h, "ALTER TABLE pickups RENAME TO pickups_gone") == SQL_OK,
          "the pickups' table moved away");
    char err[512], id[33] = "x";
    const struct store_rcpt one[] = {{"r@x.example", STORE_VERIFY_CODE, NULL}};
    struct store_pickup p;
    enum sl_status st = s ? store_put(s, "Uitslag", 7, "a@z.example", one, 1, time(NULL) + 60, id,
                                      &p, NULL, err, sizeof err)
                          : SL_OK;
    CHECK(st == SL_EIO && id[0] == '\0', "the put fails, rolled back, no id: %s", err);
    CHECK(h && sql_exec(h, "ALTER TABLE pickups_gone RENAME TO pickups") == SQL_OK,
          "the table back");
    struct sql_stmt *q = NULL;
    CHECK(h && sql_prepare(h, "SELECT count(*) FROM messages", &q) == SQL_OK &&
              sql_step(q) == SQL_ROW && sql_column_int(q, 0) == 0,
          "no message kept");
    sql_finalize(q);
    const struct store_rcpt none[] = {{NULL, STORE_VERIFY_CODE, NULL}};
    snprintf(id, sizeof id, "x");
    CHECK(s &&
              store_put(s, "x", 1, "a@z.example", none, 1, time(NULL) + 60, id, &p, NULL, err,
                        sizeof err) == SL_EINVAL &&
              id[0] == '\0',
          "refused before its transaction: no id either");
    sql_close(h);
    store_free(s);
}

static void test_full_disk(void)
{
    if (pg != NULL) /* SQLite files only: a full disk of PostgreSQL's is its server's */
        return;
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct store *s = NULL;
        char err[256], id[33];
        if (store_open(in_dir("full.db"), in_dir("k"), STORE_CREATE, &s, err, sizeof err) != SL_OK)
            _exit(10);
        struct rlimit rl = {256 * 1024, 256 * 1024};
        setrlimit(RLIMIT_FSIZE, &rl);
        size_t len = 1u << 20;
        char *m = calloc(1, len);
        const struct store_rcpt one[] = {{"r@x.example", STORE_VERIFY_CODE, NULL}};
        struct store_pickup p;
        enum sl_status st = store_put(s, m, len, "a@z.example", one, 1, time(NULL) + 60, id, &p,
                                      NULL, err, sizeof err);
        /* still usable after the failure */
        enum sl_status st2 = store_put(s, "klein", 5, "a@z.example", one, 1, time(NULL) + 60, id,
                                       &p, NULL, err, sizeof err);
        struct buf out = BUF_INIT;
        enum store_fetch f = store_fetch(s, p.token, p.code, &out, NULL, 0, err, sizeof err);
        _exit(st == SL_EIO && st2 == SL_OK && f == STORE_FOUND && out.len == 5 ? 0 : 11);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "a write that cannot fit fails with a status, and the store goes on (status %d)", status);
}

/* ---- version 3: ways in, sessions, replies, the sender ---- */

/* the store's clock in the tests below */
static time_t fake_now;
static time_t fake_clock(void)
{
    return fake_now;
}

static const struct store_rcpt three[] = {
    {"familie@gmail.example", STORE_VERIFY_CODE, NULL},
    {"jansen@hotmail.example", STORE_VERIFY_EMAIL, NULL},
    {"mantelzorger@kpn.example", STORE_VERIFY_SMS, "+31612345678"},
};
static const char letter[] = "Subject: uitslag\r\n\r\nDe uitslag van het bloedonderzoek is goed.";

/* put_three - a new store db (fake clock at fake_now) with letter for
 * three, one per method; sender_token may be NULL */
static struct store *put_three(const char *db, struct store_pickup pk[3], char id[33],
                               char *sender_token)
{
    struct store *s = open_store(db, "k");
    char err[256] = "";
    if (s == NULL)
        return NULL;
    store_set_clock(s, fake_clock);
    enum sl_status st = store_put(s, letter, sizeof letter - 1, "arts@zorg.example", three, 3,
                                  fake_now + 7 * 86400, id, pk, sender_token, err, sizeof err);
    CHECK(st == SL_OK, "put in %s: %s", db, err);
    if (st != SL_OK) {
        store_free(s);
        return NULL;
    }
    return s;
}

/* open_sealed - whether IV | ciphertext | tag in b[0..n) opens under key
 * with aad (the test's own AES-GCM) */
static bool open_sealed(const unsigned char *key, const char *aad, const unsigned char *b, size_t n)
{
    unsigned char out[256], tag[16];
    if (n < 28 || n - 28 > sizeof out - 16)
        return false;
    memcpy(tag, b + n - 16, 16);
    return gcm(false, key, b, aad, b + 12, n - 28, out, tag);
}

/* the database and the master key open nothing of a version-3 message:
 * every key blob in the file is tried under the master key with every
 * associated data the store uses, and fails; the same blob opens under the
 * key derived from the token, which the store does not keep */
static void test_wrap_per_recipient(void)
{
    fake_now = time(NULL);
    struct store_pickup pk[3];
    char id[33], st[STORE_TOKEN_LEN + 1], err[256], session[STORE_TOKEN_LEN + 1];
    struct store *s = put_three("wrap.db", pk, id, st);
    if (s == NULL)
        return;
    CHECK(store_verify(s, pk[0].token, pk[0].code, "192.0.2.1", session, err, sizeof err) ==
              STORE_FOUND,
          "a session, so that its wrapped key is in the file too: %s", err);
    store_free(s);
    CHECK(raw_int("wrap.db", "SELECT count(*) FROM messages WHERE wrapped IS NOT NULL") == 0,
          "no message key wrapped under the master key alone");
    unsigned char master[32];
    if (!key_bytes("k", master))
        return;
    struct sql *h = raw("wrap.db");
    struct sql_stmt *q = NULL;
    int blobs = 0, opened = 0, by_token = 0;
    const char *text = "SELECT ord, dek_wrapped FROM pickups UNION ALL SELECT ord, phone_wrapped "
                       "FROM pickups WHERE phone_wrapped IS NOT NULL UNION ALL SELECT p.ord, "
                       "s.dek_wrapped FROM sessions s JOIN pickups p USING (token_hash)";
    if (h != NULL && sql_prepare(h, text, &q) == SQL_OK) {
        while (sql_step(q) == SQL_ROW) {
            int ord = sql_column_int(q, 0);
            const unsigned char *b = sql_column_blob(q, 1);
            size_t n = (size_t)sql_column_bytes(q, 1);
            static const char *const labels[] = {
                "sluis-key:", "sluis-dek:", "sluis-phone:", "sluis-session:", "", "sluis-pickup:"};
            blobs++;
            for (size_t l = 0; l < NELEM(labels); l++) {
                char aad[96];
                snprintf(aad, sizeof aad, "%s%s:%d", labels[l], id, ord);
                opened += open_sealed(master, aad, b, n);
                snprintf(aad, sizeof aad, "%s%s", labels[l], id);
                opened += open_sealed(master, aad, b, n);
            }
            /* what a holder of the link can do: K_r = HMAC(master, "sluis-pickup:" || token) */
            unsigned char in[64], kr[32];
            unsigned len = 32;
            /* NOLINTNEXTLINE(bugprone-not-null-terminated-result): HMAC input bytes */
            memcpy(in, "sluis-pickup:", 13);
            memcpy(in + 13, pk[ord].token, STORE_TOKEN_LEN);
            HMAC(EVP_sha256(), master, 32, in, 13 + STORE_TOKEN_LEN, kr, &len);
            char aad[96];
            snprintf(aad, sizeof aad, "sluis-dek:%s:%d", id, ord);
            by_token += open_sealed(kr, aad, b, n);
        }
    }
    sql_finalize(q);
    sql_close(h);
    CHECK(blobs == 5 && opened == 0,
          "%d wrapped keys and phone numbers in the file, %d open under the master key alone",
          blobs, opened);
    CHECK(by_token == 3, "each recipient's message key opens with the key of their token (%d)",
          by_token);
    /* and nothing in clear: no phone number, token, code or session value
     * (SQLite: the bytes of the file) */
    if (pg != NULL)
        return;
    unsigned char *bytes = malloc(4u << 20);
    size_t n = slurp("wrap.db", bytes, 4u << 20);
    CHECK(memmem(bytes, n, "612345678", 9) == NULL, "no phone number in the file");
    for (int i = 0; i < 3; i++)
        CHECK(memmem(bytes, n, pk[i].token, STORE_TOKEN_LEN) == NULL, "no token %d in the file", i);
    CHECK(memmem(bytes, n, st, STORE_TOKEN_LEN) == NULL &&
              memmem(bytes, n, session, STORE_TOKEN_LEN) == NULL,
          "no sender's token, no session value in the file");
    CHECK(memmem(bytes, n, "bloedonderzoek", 14) == NULL, "no content in the file");
    free(bytes);
}

/* the way in per method, and what store_lookup says before it */
static void test_methods(void)
{
    fake_now = time(NULL);
    struct store_pickup pk[3];
    char id[33], err[256] = "", session[STORE_TOKEN_LEN + 1], code[8], dest[64];
    struct store *s = put_three("meth.db", pk, id, NULL);
    if (s == NULL)
        return;
    struct store_info info;
    static const struct {
        const char *masked;
    } want[] = {{""}, {"j***@hotmail.example"}, {"+31 ***** 678"}};
    for (int i = 0; i < 3; i++) {
        enum store_fetch got = store_lookup(s, pk[i].token, &info, err, sizeof err);
        CHECK(got == STORE_FOUND && info.verify == three[i].verify &&
                  strcmp(info.masked_to, want[i].masked) == 0 &&
                  info.tries_left == STORE_MAX_TRIES && !info.otp_pending &&
                  strcmp(info.id, id) == 0 && strcmp(info.recipient, three[i].address) == 0 &&
                  strcmp(info.sender, "arts@zorg.example") == 0 && info.created == fake_now &&
                  info.expires == fake_now + 7 * 86400,
              "lookup %s: got %s, masked \"%s\", want \"%s\"", store_verify_name(three[i].verify),
              store_fetch_name(got), info.masked_to, want[i].masked);
    }
    /* code: the access code opens a session; no one-time codes */
    CHECK(store_otp_new(s, pk[0].token, code, dest, sizeof dest, err, sizeof err) == STORE_NO_CODE,
          "no one-time code for a recipient by access code");
    CHECK(store_verify(s, pk[0].token, pk[0].code, NULL, session, err, sizeof err) == STORE_FOUND &&
              strlen(session) == STORE_TOKEN_LEN,
          "code: the access code opens a session: %s", err);
    /* email and sms: the access code is not the way in, and before a code
     * is sent no try is spent */
    for (int i = 1; i < 3; i++) {
        CHECK(store_verify(s, pk[i].token, pk[i].code, NULL, session, err, sizeof err) ==
                      STORE_NO_CODE &&
                  session[0] == '\0',
              "%s: before a code is sent: no code", store_verify_name(three[i].verify));
        CHECK(store_otp_new(s, pk[i].token, code, dest, sizeof dest, err, sizeof err) ==
                      STORE_FOUND &&
                  strlen(code) == STORE_CODE_LEN,
              "%s: a one-time code: %s", store_verify_name(three[i].verify), err);
        const char *want_dest = i == 1 ? three[1].address : three[2].phone;
        CHECK(strcmp(dest, want_dest) == 0, "%s: sent to %s, want %s",
              store_verify_name(three[i].verify), dest, want_dest);
        CHECK(store_lookup(s, pk[i].token, &info, err, sizeof err) == STORE_FOUND &&
                  info.otp_pending,
              "a code is pending");
        if (strcmp(code, pk[i].code) != 0)
            CHECK(store_verify(s, pk[i].token, pk[i].code, NULL, session, err, sizeof err) ==
                      STORE_WRONG_CODE,
                  "%s: the access code is a wrong one-time code",
                  store_verify_name(three[i].verify));
        char wrong[8];
        snprintf(wrong, sizeof wrong, "%06d", (atoi(code) + 1) % 1000000);
        CHECK(store_verify(s, pk[i].token, wrong, NULL, session, err, sizeof err) ==
                  STORE_WRONG_CODE,
              "%s: a wrong code", store_verify_name(three[i].verify));
        CHECK(store_verify(s, pk[i].token, code, NULL, session, err, sizeof err) == STORE_FOUND &&
                  strlen(session) == STORE_TOKEN_LEN,
              "%s: the one-time code opens a session: %s", store_verify_name(three[i].verify), err);
        CHECK(store_verify(s, pk[i].token, code, NULL, session, err, sizeof err) == STORE_NO_CODE,
              "%s: a one-time code is good once", store_verify_name(three[i].verify));
        CHECK(store_lookup(s, pk[i].token, &info, err, sizeof err) == STORE_FOUND &&
                  !info.otp_pending,
              "no code pending after");
    }
    /* every method keeps its access code for `sluis portal show` */
    struct buf out = BUF_INIT;
    for (int i = 0; i < 3; i++)
        CHECK(store_fetch(s, pk[i].token, pk[i].code, &out, NULL, 0, err, sizeof err) ==
                      STORE_FOUND &&
                  out.len == sizeof letter - 1,
              "store_fetch with the access code, %s", store_verify_name(three[i].verify));
    buf_free(&out);
    /* a recipient by sms needs a number in E.164 form */
    static const char *const bad_phones[] = {NULL, "0612345678", "+31 6 12345678", "+31612a45678",
                                             "+3161234567890123"};
    for (size_t i = 0; i < NELEM(bad_phones); i++) {
        struct store_rcpt r = {"x@y.example", STORE_VERIFY_SMS, bad_phones[i]};
        struct store_pickup p1;
        CHECK(store_put(s, "x", 1, "a@z.example", &r, 1, fake_now + 60, id, &p1, NULL, err,
                        sizeof err) == SL_EINVAL &&
                  strstr(err, "E.164") && (bad_phones[i] == NULL || !strstr(err, bad_phones[i])),
              "phone %s refused: %s", bad_phones[i] ? bad_phones[i] : "(none)", err);
    }
    /* an address in UTF-8 comes back as it was given; one that is not
     * UTF-8 an SQLite file keeps as bytes, PostgreSQL (whose text is
     * UTF-8) refuses, for a recipient and for the sender, and the error
     * does not quote it */
    static const char utf8[] = "jos\xc3\xa9@voorbeeld.example", latin1[] = "jos\xe9@example.org";
    const struct store_rcpt good = {utf8, STORE_VERIFY_CODE, NULL};
    const struct store_rcpt bad = {latin1, STORE_VERIFY_CODE, NULL};
    struct store_pickup p1;
    CHECK(store_put(s, "x", 1, utf8, &good, 1, fake_now + 60, id, &p1, NULL, err, sizeof err) ==
                  SL_OK &&
              store_lookup(s, p1.token, &info, err, sizeof err) == STORE_FOUND &&
              strcmp(info.recipient, utf8) == 0 && strcmp(info.sender, utf8) == 0,
          "an address in UTF-8, kept as it is: %s", err);
    for (int i = 0; i < 2; i++) {
        err[0] = '\0';
        enum sl_status got = store_put(s, "x", 1, i ? latin1 : "a@z.example", i ? &good : &bad, 1,
                                       fake_now + 60, id, &p1, NULL, err, sizeof err);
        if (pg == NULL)
            CHECK(got == SL_OK, "SQLite: a %s's address that is not UTF-8 is kept: %s",
                  i ? "sender" : "recipient", err);
        else
            CHECK(got == SL_EINVAL && strstr(err, "not UTF-8") && !strstr(err, "jos") &&
                      !memchr(err, 0xe9, strlen(err)),
                  "PostgreSQL: a %s's address that is not UTF-8 is refused: %s",
                  i ? "sender" : "recipient", err);
    }
    store_free(s);
}

/* the tries of one-time codes and the access code are one count per token */
static void test_shared_tries(void)
{
    fake_now = time(NULL);
    struct store_pickup pk[3];
    char id[33], err[256] = "", session[STORE_TOKEN_LEN + 1], code[8], dest[64];
    struct store *s = put_three("share.db", pk, id, NULL);
    if (s == NULL)
        return;
    struct buf out = BUF_INIT;
    CHECK(store_otp_new(s, pk[1].token, code, dest, sizeof dest, err, sizeof err) == STORE_FOUND,
          "a code");
    char wrong[8];
    snprintf(wrong, sizeof wrong, "%06d", (atoi(code) + 1) % 1000000);
    for (int i = 0; i < 2; i++)
        CHECK(store_verify(s, pk[1].token, wrong, "198.51.100.7", session, err, sizeof err) ==
                  STORE_WRONG_CODE,
              "wrong one-time code %d", i);
    for (int i = 0; i < 3; i++)
        CHECK(store_fetch(s, pk[1].token, "00000x", &out, NULL, 0, err, sizeof err) ==
                  STORE_WRONG_CODE,
              "wrong access code %d", i);
    CHECK(store_verify(s, pk[1].token, code, "198.51.100.7", session, err, sizeof err) ==
              STORE_LOCKED,
          "two wrong one-time codes and three wrong access codes lock the token");
    CHECK(store_otp_new(s, pk[1].token, code, dest, sizeof dest, err, sizeof err) == STORE_LOCKED,
          "and no new code is sent for it");
    store_free(s);
    CHECK(raw_int("share.db", "SELECT count(*) FROM events WHERE kind = 5") == 1,
          "one locked event");
    buf_free(&out);
}

/* a one-time code is good STORE_OTP_SECONDS */
static void test_otp_expiry(void)
{
    fake_now = time(NULL);
    time_t t0 = fake_now;
    struct store_pickup pk[3];
    char id[33], err[256] = "", session[STORE_TOKEN_LEN + 1], code[8], dest[64];
    struct store *s = put_three("otpx.db", pk, id, NULL);
    if (s == NULL)
        return;
    CHECK(store_otp_new(s, pk[2].token, code, dest, sizeof dest, err, sizeof err) == STORE_FOUND,
          "a code by sms");
    fake_now = t0 + STORE_OTP_SECONDS + 1;
    struct store_info info;
    CHECK(store_lookup(s, pk[2].token, &info, err, sizeof err) == STORE_FOUND && !info.otp_pending,
          "past its time the code is not pending");
    CHECK(store_verify(s, pk[2].token, code, NULL, session, err, sizeof err) == STORE_NO_CODE,
          "past its time the right code is no code");
    CHECK(raw_int("otpx.db", "SELECT tries FROM pickups WHERE ord = 2") == 0,
          "and no try was spent on it");
    CHECK(store_otp_new(s, pk[2].token, code, dest, sizeof dest, err, sizeof err) == STORE_FOUND,
          "a new code");
    fake_now += STORE_OTP_SECONDS - 1;
    CHECK(store_verify(s, pk[2].token, code, NULL, session, err, sizeof err) == STORE_FOUND,
          "within its time it opens: %s", err);
    /* a new code replaces the one before */
    char first[8];
    CHECK(store_otp_new(s, pk[1].token, first, dest, sizeof dest, err, sizeof err) == STORE_FOUND &&
              store_otp_new(s, pk[1].token, code, dest, sizeof dest, err, sizeof err) ==
                  STORE_FOUND,
          "two codes");
    if (strcmp(first, code) != 0)
        CHECK(store_verify(s, pk[1].token, first, NULL, session, err, sizeof err) ==
                  STORE_WRONG_CODE,
              "the first code no longer opens");
    CHECK(store_verify(s, pk[1].token, code, NULL, session, err, sizeof err) == STORE_FOUND,
          "the second does");
    store_free(s);
}

/* at most STORE_OTP_SENDS codes an hour per token */
static void test_otp_sends(void)
{
    fake_now = time(NULL);
    struct store_pickup pk[3];
    char id[33], err[256] = "", code[8], dest[64];
    struct store *s = put_three("sends.db", pk, id, NULL);
    if (s == NULL)
        return;
    int sent = 0;
    for (int i = 0; i < STORE_OTP_SENDS; i++) {
        sent +=
            store_otp_new(s, pk[1].token, code, dest, sizeof dest, err, sizeof err) == STORE_FOUND;
        fake_now += 60;
    }
    CHECK(sent == STORE_OTP_SENDS, "%d codes sent, want %d", sent, STORE_OTP_SENDS);
    enum store_fetch got = store_otp_new(s, pk[1].token, code, dest, sizeof dest, err, sizeof err);
    CHECK(got == STORE_TOO_MANY_SENDS && code[0] == '\0' && dest[0] == '\0',
          "one more in the hour: got %s", store_fetch_name(got));
    CHECK(store_otp_new(s, pk[2].token, code, dest, sizeof dest, err, sizeof err) == STORE_FOUND,
          "another token is not held up");
    fake_now += HOUR - STORE_OTP_SENDS * 60;
    CHECK(store_otp_new(s, pk[1].token, code, dest, sizeof dest, err, sizeof err) == STORE_FOUND,
          "an hour after the first, codes go out again");
    store_free(s);
}

/* a client address making wrong codes over many tokens is held up for the
 * hour; right codes do not count */
static void test_client_lockout(void)
{
    fake_now = time(NULL);
    struct store *s = open_store("client.db", "k");
    if (s == NULL)
        return;
    store_set_clock(s, fake_clock);
    enum { TOKENS = STORE_CLIENT_FAILS / (STORE_MAX_TRIES - 1) + 2 };
    struct store_rcpt r[TOKENS];
    struct store_pickup pk[TOKENS];
    char id[33], err[256] = "", session[STORE_TOKEN_LEN + 1];
    for (int i = 0; i < TOKENS; i++)
        r[i] = (struct store_rcpt){"r@x.example", STORE_VERIFY_CODE, NULL};
    CHECK(store_put(s, "x", 1, "a@z.example", r, TOKENS, fake_now + 86400, id, pk, NULL, err,
                    sizeof err) == SL_OK,
          "put: %s", err);
    const char *attacker = "2001:db8::bad";
    int wrong = 0, t = 0;
    /* a right code in between gives its try back */
    CHECK(store_verify(s, pk[TOKENS - 1].token, pk[TOKENS - 1].code, attacker, session, err,
                       sizeof err) == STORE_FOUND,
          "a right code");
    while (wrong < STORE_CLIENT_FAILS && t < TOKENS - 1) {
        for (int k = 0; k < STORE_MAX_TRIES - 1 && wrong < STORE_CLIENT_FAILS; k++)
            wrong += store_verify(s, pk[t].token, "00000x", attacker, session, err, sizeof err) ==
                     STORE_WRONG_CODE;
        t++;
    }
    CHECK(wrong == STORE_CLIENT_FAILS, "%d wrong codes counted", wrong);
    int before = raw_int("client.db", "SELECT sum(tries) FROM pickups");
    enum store_fetch got = store_verify(s, pk[TOKENS - 1].token, pk[TOKENS - 1].code, attacker,
                                        session, err, sizeof err);
    CHECK(got == STORE_CLIENT_LOCKED && session[0] == '\0',
          "the next try from that address, even with a right code: got %s", store_fetch_name(got));
    CHECK(raw_int("client.db", "SELECT sum(tries) FROM pickups") == before,
          "and no token's try was spent on it");
    CHECK(store_verify(s, pk[TOKENS - 1].token, pk[TOKENS - 1].code, "192.0.2.50", session, err,
                       sizeof err) == STORE_FOUND,
          "another address gets in");
    if (pg == NULL) { /* SQLite: the bytes of the file */
        unsigned char bytes[1u << 16];
        size_t n = slurp("client.db", bytes, sizeof bytes);
        CHECK(memmem(bytes, n, attacker, strlen(attacker)) == NULL,
              "no client address in the file");
    }
    fake_now += HOUR;
    CHECK(store_verify(s, pk[TOKENS - 1].token, pk[TOKENS - 1].code, attacker, session, err,
                       sizeof err) == STORE_FOUND,
          "an hour later the address may try again");
    unsigned removed;
    fake_now += HOUR;
    CHECK(store_expire(s, fake_now, &removed, err, sizeof err) == SL_OK &&
              raw_int("client.db", "SELECT count(*) FROM clients") == 0,
          "store_expire removes stale client counts");
    store_free(s);
}

/* sessions: bound to their token, idle and absolute time, logout */
static void test_sessions(void)
{
    fake_now = time(NULL);
    time_t t0 = fake_now;
    struct store_pickup pk[3];
    char id[33], err[256] = "", session[STORE_TOKEN_LEN + 1], other[STORE_TOKEN_LEN + 1];
    struct store *s = put_three("sess.db", pk, id, NULL);
    if (s == NULL)
        return;
    struct store_thread t = {0};
    CHECK(store_verify(s, pk[0].token, pk[0].code, NULL, session, err, sizeof err) == STORE_FOUND,
          "verify: %s", err);
    enum store_fetch got = store_session(s, pk[0].token, session, &t, err, sizeof err);
    CHECK(got == STORE_FOUND && t.n == 1 && !t.items[0].reply &&
              t.items[0].data.len == sizeof letter - 1 &&
              memcmp(t.items[0].data.data, letter, sizeof letter - 1) == 0 && t.items[0].at == t0 &&
              strcmp(t.info.id, id) == 0 && strcmp(t.info.recipient, three[0].address) == 0,
          "the session gives the message: got %s %s", store_fetch_name(got), err);
    store_thread_free(&t);
    CHECK(t.items == NULL && t.n == 0, "store_thread_free empties the thread");
    store_thread_free(&t);
    /* bound to its token, and only the exact value */
    CHECK(store_session(s, pk[1].token, session, &t, err, sizeof err) == STORE_UNKNOWN && t.n == 0,
          "the session with another token: unknown");
    memcpy(other, session, sizeof other);
    other[7] = other[7] == 'A' ? 'B' : 'A';
    CHECK(store_session(s, pk[0].token, other, &t, err, sizeof err) == STORE_UNKNOWN,
          "a session value one letter off: unknown");
    CHECK(store_session(s, pk[0].token, "short", &t, err, sizeof err) == STORE_UNKNOWN,
          "a malformed session value");
    /* use keeps it alive; idle ends it */
    for (int i = 0; i < 3; i++) {
        fake_now += STORE_SESSION_IDLE - 1;
        got = store_session(s, pk[0].token, session, &t, err, sizeof err);
        CHECK(got == STORE_FOUND, "used within the idle time (%d): got %s", i,
              store_fetch_name(got));
        store_thread_free(&t);
    }
    fake_now += STORE_SESSION_IDLE;
    CHECK(store_session(s, pk[0].token, session, &t, err, sizeof err) == STORE_UNKNOWN,
          "idle for STORE_SESSION_IDLE: ended");
    CHECK(raw_int("sess.db", "SELECT count(*) FROM sessions") == 0, "and removed");
    /* used all the time, it still ends at STORE_SESSION_MAX */
    CHECK(store_verify(s, pk[0].token, pk[0].code, NULL, session, err, sizeof err) == STORE_FOUND,
          "a new session");
    time_t begun = fake_now;
    int alive = 0;
    while (fake_now + STORE_SESSION_IDLE / 2 < begun + STORE_SESSION_MAX) {
        fake_now += STORE_SESSION_IDLE / 2;
        alive += store_session(s, pk[0].token, session, &t, err, sizeof err) == STORE_FOUND;
        store_thread_free(&t);
    }
    fake_now = begun + STORE_SESSION_MAX;
    CHECK(alive == (STORE_SESSION_MAX - 1) / (STORE_SESSION_IDLE / 2) &&
              store_session(s, pk[0].token, session, &t, err, sizeof err) == STORE_UNKNOWN,
          "kept in use: alive %d times, then ended at STORE_SESSION_MAX", alive);
    /* logout */
    CHECK(store_verify(s, pk[0].token, pk[0].code, NULL, session, err, sizeof err) == STORE_FOUND &&
              store_verify(s, pk[0].token, pk[0].code, NULL, other, err, sizeof err) ==
                  STORE_FOUND &&
              strcmp(session, other) != 0,
          "two sessions for one token");
    CHECK(store_logout(s, session, err, sizeof err) == SL_OK &&
              store_session(s, pk[0].token, session, &t, err, sizeof err) == STORE_UNKNOWN,
          "logout ends the session");
    CHECK(store_session(s, pk[0].token, other, &t, err, sizeof err) == STORE_FOUND,
          "and only that one");
    store_thread_free(&t);
    CHECK(store_logout(s, session, err, sizeof err) == SL_OK &&
              store_logout(s, "nonsense", err, sizeof err) == SL_OK,
          "logout of no session is fine");
    /* stale sessions go at expiry runs */
    fake_now += STORE_SESSION_IDLE;
    unsigned removed;
    CHECK(store_expire(s, fake_now, &removed, err, sizeof err) == SL_OK && removed == 0 &&
              raw_int("sess.db", "SELECT count(*) FROM sessions") == 0,
          "store_expire removes sessions past their time");
    store_free(s);
}

/* replies: kept encrypted in the recipient's own thread */
static void test_replies(void)
{
    fake_now = time(NULL);
    struct store_pickup pk[3];
    char id[33], err[256] = "", s0[STORE_TOKEN_LEN + 1], s2[STORE_TOKEN_LEN + 1], code[8], dest[64];
    struct store *s = put_three("reply.db", pk, id, NULL);
    if (s == NULL)
        return;
    static const char r1[] = "Subject: Re: uitslag\r\n\r\nDank u, komt dinsdag goed uit.";
    static const char r2[] = "Subject: Re: uitslag\r\n\r\nNog een vraag over de medicatie.";
    struct store_thread t = {0};
    CHECK(store_reply(s, pk[0].token, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", r1,
                      sizeof r1 - 1, err, sizeof err) == STORE_UNKNOWN,
          "no reply without a session");
    CHECK(store_verify(s, pk[0].token, pk[0].code, NULL, s0, err, sizeof err) == STORE_FOUND &&
              store_otp_new(s, pk[2].token, code, dest, sizeof dest, err, sizeof err) ==
                  STORE_FOUND &&
              store_verify(s, pk[2].token, code, NULL, s2, err, sizeof err) == STORE_FOUND,
          "two sessions: %s", err);
    time_t t1 = fake_now + 10, t2 = fake_now + 20;
    fake_now = t1;
    CHECK(store_reply(s, pk[0].token, s0, r1, sizeof r1 - 1, err, sizeof err) == STORE_FOUND,
          "a reply: %s", err);
    fake_now = t2;
    CHECK(store_reply(s, pk[0].token, s0, r2, sizeof r2 - 1, err, sizeof err) == STORE_FOUND,
          "another");
    CHECK(store_reply(s, pk[0].token, s2, r2, sizeof r2 - 1, err, sizeof err) == STORE_UNKNOWN,
          "not with another recipient's session");
    enum store_fetch got = store_session(s, pk[0].token, s0, &t, err, sizeof err);
    CHECK(got == STORE_FOUND && t.n == 3 && !t.items[0].reply && t.items[1].reply &&
              t.items[2].reply && t.items[1].at == t1 && t.items[2].at == t2 &&
              t.items[1].data.len == sizeof r1 - 1 &&
              memcmp(t.items[1].data.data, r1, sizeof r1 - 1) == 0 &&
              t.items[2].data.len == sizeof r2 - 1 &&
              memcmp(t.items[2].data.data, r2, sizeof r2 - 1) == 0 &&
              memcmp(t.items[0].data.data, letter, sizeof letter - 1) == 0,
          "the thread: the original, then the replies in order (got %s, %zu items)",
          store_fetch_name(got), t.n);
    store_thread_free(&t);
    CHECK(store_session(s, pk[2].token, s2, &t, err, sizeof err) == STORE_FOUND && t.n == 1,
          "another recipient sees only the original (%zu items)", t.n);
    store_thread_free(&t);
    store_free(s);
    CHECK(raw_int("reply.db", "SELECT count(*) FROM replies") == 2, "the replies are kept");
    if (pg == NULL) { /* SQLite: the bytes of the file */
        unsigned char bytes[1u << 17];
        size_t n = slurp("reply.db", bytes, sizeof bytes);
        CHECK(memmem(bytes, n, "medicatie", 9) == NULL && memmem(bytes, n, "dinsdag", 7) == NULL,
              "the replies are in the file, encrypted");
    }
    CHECK(raw_int("reply.db", "SELECT count(*) FROM events WHERE kind = 2 AND rcpt = 0") == 2,
          "a replied event per reply");
    /* a tampered reply does not open */
    corrupt("reply.db", "replies.tag");
    s = open_store("reply.db", "k");
    if (s)
        store_set_clock(s, fake_clock);
    CHECK(s && store_session(s, pk[0].token, s0, &t, err, sizeof err) == STORE_DAMAGED && t.n == 0,
          "a tampered reply: damaged, nothing returned");
    store_free(s);
}

/* blob_of - a copy of the first value of query on db (at most cap bytes) */
static size_t blob_of(const char *db, const char *query, unsigned char *out, size_t cap)
{
    struct sql *h = raw(db);
    struct sql_stmt *q = NULL;
    size_t n = 0;
    if (h != NULL && sql_prepare(h, query, &q) == SQL_OK && sql_step(q) == SQL_ROW) {
        n = (size_t)sql_column_bytes(q, 0);
        n = n > cap ? cap : n;
        memcpy(out, sql_column_blob(q, 0), n);
    }
    sql_finalize(q);
    sql_close(h);
    return n;
}

/* withdrawal: the content leaves the file at once, a tombstone stays */
static void test_revoke(void)
{
    fake_now = time(NULL);
    struct store_pickup pk[3];
    char id[33], st[STORE_TOKEN_LEN + 1], err[256] = "", session[STORE_TOKEN_LEN + 1], code[8],
                                          dest[64];
    /* a large message, so that its ciphertext sits in overflow pages */
    struct store *s = open_store("rev.db", "k");
    if (s == NULL)
        return;
    store_set_clock(s, fake_clock);
    size_t big = 200000;
    char *msg = malloc(big);
    for (size_t i = 0; i < big; i++)
        msg[i] = (char)('a' + i * 7 % 26);
    CHECK(store_put(s, msg, big, "arts@zorg.example", three, 3, fake_now + 86400, id, pk, st, err,
                    sizeof err) == SL_OK,
          "put: %s", err);
    static const char reply[] = "Subject: Re\r\n\r\nGraag een afspraak.";
    CHECK(store_verify(s, pk[0].token, pk[0].code, NULL, session, err, sizeof err) == STORE_FOUND &&
              store_reply(s, pk[0].token, session, reply, sizeof reply - 1, err, sizeof err) ==
                  STORE_FOUND &&
              store_otp_new(s, pk[1].token, code, dest, sizeof dest, err, sizeof err) ==
                  STORE_FOUND,
          "a session, a reply, a pending code: %s", err);
    unsigned char body[64], rbody[16], dek[64];
    size_t bn =
        blob_of("rev.db", "SELECT substr(body, 100001, 64) FROM messages", body, sizeof body);
    size_t rn = blob_of("rev.db", "SELECT body FROM replies", rbody, sizeof rbody);
    size_t dn = blob_of("rev.db", "SELECT dek_wrapped FROM pickups WHERE ord = 0", dek, sizeof dek);
    /* SQLite: the bytes of the file, before and after */
    unsigned char *bytes = pg == NULL ? malloc(4u << 20) : NULL;
    size_t n = bytes ? slurp("rev.db", bytes, 4u << 20) : 0;
    if (pg == NULL)
        CHECK(bn == 64 && rn == 16 && dn == 60 && memmem(bytes, n, body, bn) &&
                  memmem(bytes, n, rbody, rn) && memmem(bytes, n, dek, dn),
              "before: the ciphertexts are in the file");
    else
        CHECK(bn == 64 && rn == 16 && dn == 60, "before: the ciphertexts are kept");
    fake_now += 100;
    time_t when = fake_now;
    CHECK(store_revoke(s, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", err, sizeof err) ==
              STORE_UNKNOWN,
          "an unknown sender's token");
    CHECK(store_revoke(s, pk[0].token, err, sizeof err) == STORE_UNKNOWN,
          "a recipient's token is not the sender's");
    CHECK(store_revoke(s, st, err, sizeof err) == STORE_FOUND, "withdrawn: %s", err);
    if (pg == NULL) {
        n = slurp("rev.db", bytes, 4u << 20);
        CHECK(memmem(bytes, n, body, bn) == NULL, "the message's ciphertext is gone from the file");
        CHECK(memmem(bytes, n, rbody, rn) == NULL, "the reply's too");
        CHECK(memmem(bytes, n, dek, dn) == NULL, "and the wrapped key");
    }
    free(bytes);
    CHECK(raw_int("rev.db", "SELECT count(*) FROM messages WHERE body IS NULL AND iv IS NULL AND "
                            "revoked IS NOT NULL") == 1 &&
              raw_int("rev.db", "SELECT count(*) FROM replies") == 0 &&
              raw_int("rev.db", "SELECT count(*) FROM sessions") == 0 &&
              raw_int("rev.db", "SELECT count(*) FROM pickups WHERE dek_wrapped IS NOT NULL OR "
                                "phone_wrapped IS NOT NULL OR otp_mac IS NOT NULL OR code_mac IS "
                                "NOT NULL") == 0,
          "a tombstone: no body, keys, replies, sessions, codes or phone");
    struct store_info info;
    struct store_thread t = {0};
    struct buf out = BUF_INIT;
    for (int i = 0; i < 3; i++) {
        enum store_fetch got = store_lookup(s, pk[i].token, &info, err, sizeof err);
        CHECK(got == STORE_REVOKED && info.created == when - 100 &&
                  info.expires == when - 100 + 86400 && info.masked_to[0] == '\0',
              "lookup %d: got %s, with the dates", i, store_fetch_name(got));
    }
    CHECK(store_session(s, pk[0].token, session, &t, err, sizeof err) == STORE_REVOKED,
          "the session: withdrawn");
    CHECK(store_verify(s, pk[1].token, code, NULL, session, err, sizeof err) == STORE_REVOKED,
          "a pending code: withdrawn");
    CHECK(store_otp_new(s, pk[2].token, code, dest, sizeof dest, err, sizeof err) == STORE_REVOKED,
          "no new code");
    CHECK(store_fetch(s, pk[0].token, pk[0].code, &out, NULL, 0, err, sizeof err) ==
                  STORE_REVOKED &&
              out.len == 0,
          "sluis portal show: withdrawn");
    CHECK(store_revoke(s, st, err, sizeof err) == STORE_FOUND, "withdrawing again is fine");
    CHECK(raw_int("rev.db", "SELECT count(*) FROM events WHERE kind = 3") == 3,
          "one revoked event per recipient");
    struct store_status ss;
    CHECK(store_status(s, st, &ss, err, sizeof err) == STORE_FOUND && ss.revoked == when &&
              ss.expired == 0 && ss.n == 3,
          "the status says when it was withdrawn");
    store_status_free(&ss);
    /* an expiry run later leaves it withdrawn */
    unsigned removed = 9;
    CHECK(store_expire(s, when + 2 * 86400, &removed, err, sizeof err) == SL_OK && removed == 0 &&
              store_lookup(s, pk[0].token, &info, err, sizeof err) == STORE_REVOKED,
          "expiry does not turn a withdrawn message into an expired one");
    buf_free(&out);
    free(msg);
    store_free(s);
}

/* expiry: a tombstone says "expired" for STORE_TOMBSTONE_DAYS, then goes;
 * the events stay */
static void test_expire_tombstone(void)
{
    fake_now = time(NULL);
    time_t t0 = fake_now;
    struct store_pickup pk[3];
    char id[33], st[STORE_TOKEN_LEN + 1], err[256] = "";
    struct store *s = put_three("tomb.db", pk, id, st);
    if (s == NULL)
        return;
    for (int i = 0; i < 3; i++)
        store_sent(s, pk[i].token, err, sizeof err);
    unsigned removed = 9;
    struct store_info info;
    CHECK(store_expire(s, t0 + 86400, &removed, err, sizeof err) == SL_OK && removed == 0,
          "not yet expired");
    fake_now = t0 + 7 * 86400 + 1;
    CHECK(store_lookup(s, pk[0].token, &info, err, sizeof err) == STORE_EXPIRED &&
              info.expires == t0 + 7 * 86400,
          "past its expiry, before a run: expired");
    CHECK(store_expire(s, fake_now, &removed, err, sizeof err) == SL_OK && removed == 1,
          "an expiry run takes its content (%u)", removed);
    CHECK(raw_int("tomb.db", "SELECT count(*) FROM messages WHERE body IS NULL AND expired > 0") ==
                  1 &&
              raw_int("tomb.db", "SELECT count(*) FROM pickups WHERE dek_wrapped IS NOT NULL") == 0,
          "a tombstone");
    CHECK(store_lookup(s, pk[1].token, &info, err, sizeof err) == STORE_EXPIRED &&
              info.created == t0,
          "its link says expired, with the dates");
    struct store_status ss;
    CHECK(store_status(s, st, &ss, err, sizeof err) == STORE_FOUND && ss.expired == fake_now &&
              ss.revoked == 0 && ss.n == 3 && ss.rcpts[0].sent == t0,
          "the status says when it expired");
    store_status_free(&ss);
    CHECK(store_revoke(s, st, err, sizeof err) == STORE_FOUND &&
              store_lookup(s, pk[1].token, &info, err, sizeof err) == STORE_EXPIRED,
          "withdrawing an expired message changes nothing");
    CHECK(store_expire(s, fake_now + 60, &removed, err, sizeof err) == SL_OK && removed == 0,
          "a second run: nothing more");
    CHECK(store_expire(s, fake_now + (STORE_TOMBSTONE_DAYS - 1) * 86400, &removed, err,
                       sizeof err) == SL_OK &&
              store_lookup(s, pk[1].token, &info, err, sizeof err) == STORE_EXPIRED,
          "the tombstone stays %d days", STORE_TOMBSTONE_DAYS - 1);
    CHECK(store_expire(s, fake_now + (STORE_TOMBSTONE_DAYS + 1) * 86400, &removed, err,
                       sizeof err) == SL_OK &&
              store_lookup(s, pk[1].token, &info, err, sizeof err) == STORE_UNKNOWN &&
              store_status(s, st, &ss, err, sizeof err) == STORE_UNKNOWN,
          "after %d days it goes: unknown", STORE_TOMBSTONE_DAYS);
    CHECK(raw_int("tomb.db", "SELECT count(*) FROM messages") == 0 &&
              raw_int("tomb.db", "SELECT count(*) FROM pickups") == 0,
          "nothing of it left");
    CHECK(raw_int("tomb.db", "SELECT count(*) FROM events WHERE kind = 0") == 3 &&
              raw_int("tomb.db", "SELECT count(*) FROM events WHERE kind = 4") == 3,
          "its sent and expired events stay");
    store_free(s);
}

struct seen {
    int n, stop_at;
    struct store_event_row rows[32];
};

static bool collect(const struct store_event_row *e, void *arg)
{
    struct seen *w = arg;
    if (w->n < 32)
        w->rows[w->n] = *e;
    w->n++;
    return w->n != w->stop_at;
}

/* events and the sender's status */
static void test_events_status(void)
{
    fake_now = time(NULL);
    time_t t0 = fake_now;
    struct store_pickup pk[3];
    char id[33], st[STORE_TOKEN_LEN + 1], err[256] = "", session[STORE_TOKEN_LEN + 1];
    struct store *s = put_three("ev.db", pk, id, st);
    if (s == NULL)
        return;
    struct store_status ss;
    CHECK(store_status(s, st, &ss, err, sizeof err) == STORE_FOUND && ss.n == 3 &&
              ss.rcpts[0].sent == 0 && ss.created == t0 && ss.expires == t0 + 7 * 86400 &&
              strcmp(ss.id, id) == 0 && strcmp(ss.sender, "arts@zorg.example") == 0,
          "status before the notices: nothing sent: %s", err);
    store_status_free(&ss);
    fake_now = t0 + 5;
    for (int i = 0; i < 3; i++)
        CHECK(store_sent(s, pk[i].token, err, sizeof err) == SL_OK, "sent %d: %s", i, err);
    fake_now = t0 + 6;
    CHECK(store_sent(s, pk[0].token, err, sizeof err) == SL_OK, "sent twice");
    CHECK(store_sent(s, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", err, sizeof err) ==
                  SL_EINVAL &&
              store_sent(s, "short", err, sizeof err) == SL_EINVAL,
          "sent for an unknown token: an error");
    fake_now = t0 + 100;
    CHECK(store_verify(s, pk[0].token, pk[0].code, NULL, session, err, sizeof err) == STORE_FOUND,
          "opened");
    fake_now = t0 + 110;
    CHECK(store_verify(s, pk[0].token, pk[0].code, NULL, session, err, sizeof err) == STORE_FOUND,
          "opened again: no second event");
    fake_now = t0 + 200;
    CHECK(store_reply(s, pk[0].token, session, "r", 1, err, sizeof err) == STORE_FOUND, "reply");
    fake_now = t0 + 300;
    CHECK(store_reply(s, pk[0].token, session, "r", 1, err, sizeof err) == STORE_FOUND, "reply");
    fake_now = t0 + 400;
    struct buf out = BUF_INIT;
    for (int i = 0; i < STORE_MAX_TRIES; i++)
        store_fetch(s, pk[2].token, "00000x", &out, NULL, 0, err, sizeof err);
    CHECK(store_status(s, st, &ss, err, sizeof err) == STORE_FOUND && ss.n == 3, "status: %s", err);
    static const struct {
        time_t sent, opened, replied;
        bool locked;
    } want[] = {{5, 100, 300, false}, {5, 0, 0, false}, {5, 0, 0, true}};
    for (size_t i = 0; i < ss.n && i < 3; i++) {
        const struct store_rcpt_status *r = &ss.rcpts[i];
        CHECK(strcmp(r->address, three[i].address) == 0 && r->verify == three[i].verify &&
                  r->sent == t0 + want[i].sent &&
                  r->opened == (want[i].opened ? t0 + want[i].opened : 0) &&
                  r->replied == (want[i].replied ? t0 + want[i].replied : 0) &&
                  r->locked == want[i].locked,
              "status of recipient %zu: sent %+ld opened %+ld replied %+ld locked %d", i,
              (long)(r->sent - t0), (long)(r->opened - t0), (long)(r->replied - t0), r->locked);
    }
    store_status_free(&ss);
    CHECK(store_status(s, pk[0].token, &ss, err, sizeof err) == STORE_UNKNOWN &&
              store_status(s, "x", &ss, err, sizeof err) == STORE_UNKNOWN,
          "a recipient's token or nonsense: unknown");
    /* the events, oldest first */
    struct seen w = {0, 0, {{{0}, 0, 0, 0}}};
    CHECK(store_events(s, 0, collect, &w, err, sizeof err) == SL_OK && w.n == 7,
          "7 events (3 sent, opened, 2 replied, locked), got %d", w.n);
    static const struct {
        unsigned rcpt;
        enum store_event kind;
        int at;
    } ev[] = {{0, STORE_EV_SENT, 5},     {1, STORE_EV_SENT, 5},      {2, STORE_EV_SENT, 5},
              {0, STORE_EV_OPENED, 100}, {0, STORE_EV_REPLIED, 200}, {0, STORE_EV_REPLIED, 300},
              {2, STORE_EV_LOCKED, 400}};
    for (int i = 0; i < w.n && i < 7; i++)
        CHECK(strcmp(w.rows[i].id, id) == 0 && w.rows[i].rcpt == ev[i].rcpt &&
                  w.rows[i].kind == ev[i].kind && w.rows[i].at == t0 + ev[i].at,
              "event %d: got %u %s %+ld, want %u %s %+d", i, w.rows[i].rcpt,
              store_event_name(w.rows[i].kind), (long)(w.rows[i].at - t0), ev[i].rcpt,
              store_event_name(ev[i].kind), ev[i].at);
    w = (struct seen){0, 0, {{{0}, 0, 0, 0}}};
    CHECK(store_events(s, t0 + 200, collect, &w, err, sizeof err) == SL_OK && w.n == 3,
          "since a time: %d events", w.n);
    w = (struct seen){0, 2, {{{0}, 0, 0, 0}}};
    CHECK(store_events(s, 0, collect, &w, err, sizeof err) == SL_OK && w.n == 2,
          "fn returning false stops: %d", w.n);
    CHECK(strcmp(store_event_name(STORE_EV_LOCKED), "locked") == 0 &&
              strcmp(store_verify_name(STORE_VERIFY_SMS), "sms") == 0 &&
              strcmp(store_fetch_name(STORE_TOO_MANY_SENDS), "too many codes sent") == 0,
          "names");
    /* store_delete takes the events too (a redirect rolled back) */
    CHECK(store_delete(s, id, err, sizeof err) == SL_OK &&
              raw_int("ev.db", "SELECT count(*) FROM events") == 0 &&
              raw_int("ev.db", "SELECT count(*) FROM messages") == 0 &&
              raw_int("ev.db", "SELECT count(*) FROM sessions") == 0 &&
              raw_int("ev.db", "SELECT count(*) FROM replies") == 0,
          "store_delete leaves nothing of the message");
    buf_free(&out);
    store_free(s);
}

/* many events: store_events pages through them */
static void test_events_many(void)
{
    fake_now = time(NULL);
    struct store *s = open_store("evm.db", "k");
    if (s == NULL)
        return;
    store_set_clock(s, fake_clock);
    enum { N = 300 };
    struct store_rcpt *r = calloc(N, sizeof *r);
    struct store_pickup *pk = calloc(N, sizeof *pk);
    char id[33], err[256];
    for (int i = 0; i < N; i++)
        r[i] = (struct store_rcpt){"r@x.example", STORE_VERIFY_CODE, NULL};
    CHECK(store_put(s, "x", 1, "a@z.example", r, N, fake_now + 60, id, pk, NULL, err, sizeof err) ==
              SL_OK,
          "put for %d", N);
    for (int i = 0; i < N; i++)
        store_sent(s, pk[i].token, err, sizeof err); /* all in the same second */
    struct seen w = {0, 0, {{{0}, 0, 0, 0}}};
    CHECK(store_events(s, 0, collect, &w, err, sizeof err) == SL_OK && w.n == N,
          "%d events in one second, each once: got %d", N, w.n);
    free(r);
    free(pk);
    store_free(s);
}

/* a store of version 2 is brought up to 3 on open; its messages open as before */
static void test_migration(void)
{
    if (pg != NULL) /* SQLite files only: stores of versions 1 and 2 were files */
        return;
    time_t created = time(NULL) - 3600;
    char tok[3][STORE_TOKEN_LEN + 1], err[256] = "", session[STORE_TOKEN_LEN + 1];
    static const char msg[] = "Subject: oud\r\n\r\nBewaard door de vorige versie.";
    if (!old_store("v2.db", "k", 2, msg, 3, tok, created))
        return;
    CHECK(raw_int("v2.db", "PRAGMA user_version") == 2, "version 2 before");
    struct store *s = NULL;
    CHECK(store_open(in_dir("v2.db"), in_dir("k2"), 0, &s, err, sizeof err) == SL_EINVAL,
          "another key is refused");
    CHECK(store_open(in_dir("v2.db"), in_dir("k"), 0, &s, err, sizeof err) == SL_OK,
          "open (and migrate): %s", err);
    store_free(s);
    CHECK(raw_int("v2.db", "PRAGMA user_version") == 3 &&
              raw_int("v2.db", "SELECT count(*) FROM sqlite_master WHERE name LIKE 'old_%'") == 0 &&
              raw_int("v2.db", "SELECT count(*) FROM messages WHERE wrapped IS NOT NULL") == 1 &&
              raw_int("v2.db", "SELECT count(*) FROM pickups WHERE verify = 0") == 3 &&
              raw_int("v2.db", "SELECT count(DISTINCT ord) = 3 AND sum(ord) = 3 AND "
                               "max(ord) = 2 FROM pickups") == 1 &&
              raw_int("v2.db", "SELECT ord FROM pickups WHERE recipient = "
                               "'ontvanger2@gmail.example'") == 2,
          "version 3: the old message keeps its master-wrapped key, its pickups verify by code");
    CHECK(raw_int("v2.db", "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                           "('pickups_message', 'messages_expires')") == 2,
          "the indexes are there");
    CHECK(raw_int("v2.db", "SELECT count(*) FROM events WHERE kind = 0") == 3 &&
              raw_int("v2.db", "SELECT at FROM events WHERE kind = 1 AND rcpt = 1") ==
                  (int)(created + 60) &&
              raw_int("v2.db", "SELECT tries FROM pickups WHERE ord = 2") == 4,
          "sent events at the keeping, the earlier pickup as opened, the tries kept");
    s = open_store("v2.db", "k");
    if (s == NULL)
        return;
    struct buf out = BUF_INIT;
    char rcpt[64];
    CHECK(store_fetch(s, tok[0], "246810", &out, rcpt, sizeof rcpt, err, sizeof err) ==
                  STORE_FOUND &&
              out.len == sizeof msg - 1 && memcmp(out.data, msg, out.len) == 0 &&
              strcmp(rcpt, "ontvanger0@gmail.example") == 0,
          "an old message opens by token and code: %s", err);
    struct store_thread t = {0};
    CHECK(store_verify(s, tok[1], "246810", NULL, session, err, sizeof err) == STORE_FOUND &&
              store_session(s, tok[1], session, &t, err, sizeof err) == STORE_FOUND && t.n == 1 &&
              t.items[0].data.len == sizeof msg - 1,
          "and in a session: %s", err);
    store_thread_free(&t);
    CHECK(store_reply(s, tok[1], session, "dank", 4, err, sizeof err) == STORE_FOUND &&
              store_session(s, tok[1], session, &t, err, sizeof err) == STORE_FOUND && t.n == 2,
          "a reply to an old message");
    store_thread_free(&t);
    CHECK(store_verify(s, tok[2], "000000", NULL, session, err, sizeof err) == STORE_WRONG_CODE &&
              store_verify(s, tok[2], "246810", NULL, session, err, sizeof err) == STORE_LOCKED,
          "four wrong codes kept: the fifth locks");
    struct store_info info;
    CHECK(store_lookup(s, tok[0], &info, err, sizeof err) == STORE_FOUND &&
              info.verify == STORE_VERIFY_CODE && info.created == created,
          "lookup of an old token");
    unsigned removed = 0;
    CHECK(store_expire(s, created + 2 * 86400, &removed, err, sizeof err) == SL_OK &&
              removed == 1 && store_lookup(s, tok[0], &info, err, sizeof err) == STORE_EXPIRED &&
              raw_int("v2.db", "SELECT count(*) FROM messages WHERE wrapped IS NOT NULL") == 0,
          "an old message expires to a tombstone without its key");
    buf_free(&out);
    store_free(s);
    /* a second open of a migrated store changes nothing */
    s = open_store("v2.db", "k");
    CHECK(s && raw_int("v2.db", "SELECT count(*) FROM events WHERE kind = 0") == 3,
          "opened again: no second migration");
    store_free(s);
}

/* STORE_CREATE in a folder shared by its group (set-group-ID): 0660 */
static void test_shared_folder(void)
{
    if (pg != NULL) /* SQLite files only: the modes of a file */
        return;
    char sub[600];
    snprintf(sub, sizeof sub, "%s/shared", dir);
    struct stat st;
    if (mkdir(sub, 0770) != 0 || chmod(sub, 02770) != 0 || stat(sub, &st) != 0 ||
        !(st.st_mode & S_ISGID)) {
        printf("test_shared_folder: skipped (cannot set the set-group-ID bit here)\n");
        return;
    }
    mode_t old = umask(077);
    struct store *s = open_store("shared/p.db", "k");
    umask(old);
    CHECK(s && stat(in_dir("shared/p.db"), &st) == 0 && (st.st_mode & 0777) == 0660,
          "a store in a set-group-ID folder is 0660 (got %o), whatever the umask",
          (unsigned)(st.st_mode & 0777));
    store_free(s);
    old = umask(0);
    s = open_store("plain.db", "k");
    umask(old);
    CHECK(s && stat(in_dir("plain.db"), &st) == 0 && (st.st_mode & 0777) == 0600,
          "elsewhere 0600 (got %o), whatever the umask", (unsigned)(st.st_mode & 0777));
    store_free(s);
}

/* test_credential - a key systemd handed over on tmpfs (LoadCredential=
 * without ramfs: root's, 0440, an ACL for the service) opens from
 * $CREDENTIALS_DIRECTORY, and only there, and not when others may read it */
static void test_credential(void)
{
    char cred[512], key[600], err[512];
    snprintf(cred, sizeof cred, "%s/credentials", dir);
    snprintf(key, sizeof key, "%s/portal.key", cred);
    CHECK(mkdir(cred, 0700) == 0 && store_keygen(key, err, sizeof err) == SL_OK, "credential key");
    struct store *s = NULL;
    CHECK(store_open(at("cred.db"), key, STORE_CREATE, &s, err, sizeof err) == SL_OK,
          "the key, 0600: %s", err);
    store_free(s);
    s = NULL;
    chmod(key, 0440);
    enum sl_status st = store_open(at("cred.db"), key, 0, &s, err, sizeof err);
    store_free(s);
    s = NULL;
    CHECK(st == SL_EINVAL, "0440 outside $CREDENTIALS_DIRECTORY is refused");
    setenv("CREDENTIALS_DIRECTORY", cred, 1);
    st = store_open(at("cred.db"), key, 0, &s, err, sizeof err);
    store_free(s);
    s = NULL;
    CHECK(st == SL_OK, "0440 in $CREDENTIALS_DIRECTORY opens: %s", err);
    chmod(key, 0444);
    st = store_open(at("cred.db"), key, 0, &s, err, sizeof err);
    store_free(s);
    s = NULL;
    CHECK(st == SL_EINVAL, "0444 (others read it) is refused there too");
    chmod(key, 0640);
    st = store_open(at("cred.db"), key, 0, &s, err, sizeof err);
    store_free(s);
    CHECK(st == SL_EINVAL, "0640 (writable) is refused there too");
    unsetenv("CREDENTIALS_DIRECTORY");
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/sluis-test-portal-XXXXXX");
    if (mkdtemp(dir) == NULL)
        return 1;
    pg = testdb_pg();
    if (pg != NULL)
        printf("test_portal: on PostgreSQL (SLUIS_TEST_PG); the tests of SQLite files are "
               "skipped\n");
    test_round_trip();
    test_key_and_place();
    test_no_create();
    test_wrong_key();
    test_tries();
    test_busy();
    test_lockout_processes();
    test_two_handles();
    test_threads_expiry();
    test_put_rolled_back();
    test_full_disk();
    test_wrap_per_recipient();
    test_methods();
    test_shared_tries();
    test_otp_expiry();
    test_otp_sends();
    test_client_lockout();
    test_sessions();
    test_replies();
    test_revoke();
    test_expire_tombstone();
    test_events_status();
    test_events_many();
    test_migration();
    test_shared_folder();
    test_credential();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cleanup failed\n");
    return check_summary("test_portal");
}
