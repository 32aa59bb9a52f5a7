/*
 * test_portal - the portal store on real SQLite files: round trips, the
 * way in per recipient, tampering, keys, expiry, threads, a full disk.
 */
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
#include "check.h"

static char dir[256];

static const char *in_dir(const char *name)
{
    static char p[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
    return p[k];
}

static struct store *open_store(const char *db, const char *key)
{
    struct store *s = NULL;
    char err[512];
    enum sl_status st = store_open(in_dir(db), in_dir(key), STORE_CREATE, &s, err, sizeof err);
    CHECK(st == SL_OK, "open %s: %s", db, err);
    return s;
}

/* corrupt - flip one bit of column col ("table.column") of every row */
static void corrupt(const char *db, const char *field)
{
    char table[32], col[32];
    if (sscanf(field, "%31[^.].%31s", table, col) != 2)
        return;
    sqlite3 *h;
    sqlite3_stmt *q = NULL, *u = NULL;
    char sql[128];
    bool ok = sqlite3_open(in_dir(db), &h) == SQLITE_OK;
    snprintf(sql, sizeof sql, "SELECT rowid, %s FROM %s", col, table);
    ok = ok && sqlite3_prepare_v2(h, sql, -1, &q, NULL) == SQLITE_OK;
    snprintf(sql, sizeof sql, "UPDATE %s SET %s = ? WHERE rowid = ?", table, col);
    ok = ok && sqlite3_prepare_v2(h, sql, -1, &u, NULL) == SQLITE_OK;
    int rows = 0;
    while (ok && sqlite3_step(q) == SQLITE_ROW) {
        int n = sqlite3_column_bytes(q, 1);
        unsigned char b[64];
        ok = n > 4 && n <= (int)sizeof b;
        if (!ok)
            break;
        memcpy(b, sqlite3_column_blob(q, 1), (size_t)n);
        b[n / 2] ^= 1;
        sqlite3_reset(u);
        sqlite3_bind_blob(u, 1, b, n, SQLITE_TRANSIENT);
        sqlite3_bind_int64(u, 2, sqlite3_column_int64(q, 0));
        ok = sqlite3_step(u) == SQLITE_DONE;
        rows++;
    }
    CHECK(ok && rows == 1, "corrupt %s", field);
    sqlite3_finalize(q);
    sqlite3_finalize(u);
    sqlite3_close(h);
}

/* slurp - the database and its write-ahead log, as bytes on disk */
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
    /* nothing of the message in the database file in clear */
    unsigned char *raw = malloc(8u << 20);
    size_t n = slurp("a.db", raw, 8u << 20);
    CHECK(n > big && memmem(raw, n, msg + 1000, 64) == NULL, "the database holds no plaintext");
    CHECK(memmem(raw, n, pk[0].token, STORE_TOKEN_LEN) == NULL, "nor a token");
    free(raw);
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
    CHECK(store_open(in_dir("a.db"), in_dir("k2"), 0, &s, err, sizeof err) == SL_EINVAL &&
              s == NULL,
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
    CHECK(store_open(in_dir("b.db"), in_dir("open.key"), STORE_CREATE, &s, err, sizeof err) !=
                  SL_OK &&
              strstr(err, "chmod 600"),
          "a key others can read is refused: %s", err);
    chmod(in_dir("open.key"), 0600);
    CHECK(store_open(in_dir("b.db"), in_dir("open.key"), STORE_CREATE, &s, err, sizeof err) ==
              SL_OK,
          "%s", err);
    store_free(s);
    f = fopen(in_dir("short.key"), "w");
    fputs("0011\n", f);
    fclose(f);
    chmod(in_dir("short.key"), 0600);
    CHECK(store_open(in_dir("c.db"), in_dir("short.key"), STORE_CREATE, &s, err, sizeof err) ==
              SL_EPARSE,
          "a short key");
    f = fopen(in_dir("nothex.key"), "w");
    fputs("g0112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n", f);
    fclose(f);
    chmod(in_dir("nothex.key"), 0600);
    CHECK(store_open(in_dir("c.db"), in_dir("nothex.key"), STORE_CREATE, &s, err, sizeof err) ==
              SL_EPARSE,
          "a key with a letter that is not hex: %s", err);
    CHECK(store_open(in_dir("c.db"), in_dir("none.key"), STORE_CREATE, &s, err, sizeof err) ==
                  SL_EIO &&
              strstr(err, "sluis portal keygen"),
          "a missing key says how to make one: %s", err);
    CHECK(store_open("/nonexistent-dir/x.db", in_dir("open.key"), STORE_CREATE, &s, err,
                     sizeof err) == SL_EIO,
          "a database where none can be made");
}

/* only STORE_CREATE makes a store: show and expire open what is there */
static void test_no_create(void)
{
    char err[512];
    struct store *s = NULL;
    struct stat st;
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

/* sql_int - the first column of the first row of query on db, or -1 */
static int sql_int(const char *db, const char *query)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *q = NULL;
    int v = -1;
    if (sqlite3_open_v2(in_dir(db), &h, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h, query, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(h);
    return v;
}

/* sql_run - statements on db, as a store of the version before the check
 * value, or another process, would leave them */
static bool sql_run(const char *db, const char *sql)
{
    sqlite3 *h = NULL;
    bool ok = sqlite3_open_v2(in_dir(db), &h, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
              sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(h);
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
    CHECK(sql_int("wk.db", tries) == 1, "one try counted");
    for (unsigned flags = 0; flags <= STORE_CREATE; flags += STORE_CREATE) {
        s = NULL;
        err[0] = '\0';
        enum sl_status st = store_open(in_dir("wk.db"), in_dir("k2"), flags, &s, err, sizeof err);
        CHECK(st == SL_EINVAL && s == NULL &&
                  strstr(err, "the master key does not match this store") && !strstr(err, pk.token),
              "another key (flags %u): got %s \"%s\"", flags, sl_status_str(st), err);
    }
    CHECK(sql_int("wk.db", tries) == 1, "another key spent no try (%d)", sql_int("wk.db", tries));
    s = open_store("wk.db", "k");
    CHECK(s && store_fetch(s, pk.token, pk.code, &out, NULL, 0, err, sizeof err) == STORE_FOUND &&
              out.len == 30 && sql_int("wk.db", tries) == 1,
          "the right key and code still open it, and the one wrong code stays counted");
    store_free(s);

    /* a store from before the check value (user_version 1, no meta) gets
     * one on its first open, only from the key its messages were kept with */
    static const char downgrade[] = "DROP TABLE meta; PRAGMA user_version=1;";
    static const char checks[] = "SELECT count(*) FROM meta WHERE name = 'key_check'";
    CHECK(put_one("v1.db", "k", &pk) && sql_run("v1.db", downgrade) &&
              sql_int("v1.db", "PRAGMA user_version") == 1,
          "a store of version 1");
    s = NULL;
    CHECK(store_open(in_dir("v1.db"), in_dir("k2"), 0, &s, err, sizeof err) == SL_EINVAL &&
              strstr(err, "does not match"),
          "version 1, another key: refused (it does not open the stored message): %s", err);
    CHECK(sql_int("v1.db", checks) == 0, "and no check value written for it");
    CHECK(store_open(in_dir("v1.db"), in_dir("k"), 0, &s, err, sizeof err) == SL_OK,
          "version 1, its key: opens: %s", err);
    CHECK(s && store_fetch(s, pk.token, pk.code, &out, NULL, 0, err, sizeof err) == STORE_FOUND,
          "version 1: the message opens");
    store_free(s);
    s = NULL;
    CHECK(sql_int("v1.db", checks) == 1 && sql_int("v1.db", "PRAGMA user_version") == 2,
          "the check value is added, the store is version 2");
    CHECK(store_open(in_dir("v1.db"), in_dir("k2"), 0, &s, err, sizeof err) == SL_EINVAL,
          "then another key is refused by the check value");
    /* an empty store of version 1: the first key binds it */
    s = open_store("v1e.db", "k2");
    store_free(s);
    s = NULL;
    CHECK(sql_run("v1e.db", downgrade) &&
              store_open(in_dir("v1e.db"), in_dir("k"), 0, &s, err, sizeof err) == SL_OK &&
              sql_int("v1e.db", checks) == 1,
          "version 1 without messages: any key, then bound to it: %s", err);
    store_free(s);
    s = NULL;
    CHECK(store_open(in_dir("v1e.db"), in_dir("k2"), 0, &s, err, sizeof err) == SL_EINVAL,
          "and only that key");
    /* a damaged check value is said to be one, not taken for a wrong key */
    CHECK(sql_run("v1e.db", "UPDATE meta SET value = x'00' WHERE name = 'key_check'") &&
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
        int tries = sql_int("tries.db", "SELECT tries FROM pickups");
        CHECK(got == steps[i].want && tries == steps[i].tries, "%s: got %s, %d tries, want %s, %d",
              steps[i].name, store_fetch_name(got), tries, store_fetch_name(steps[i].want),
              steps[i].tries);
    }
    CHECK(sql_int("tries.db", "SELECT picked_up > 0 FROM pickups") == 1, "the pickup is recorded");
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
    sqlite3 *h = NULL;
    if (s == NULL || sqlite3_open(in_dir("busy.db"), &h) != SQLITE_OK) {
        CHECK(false, "open busy.db twice");
        store_free(s);
        sqlite3_close(h);
        return;
    }
    store_busy_timeout(s, 200);
    struct buf out = BUF_INIT;
    char err[512] = "";
    CHECK(sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK, "the other writer");
    enum store_fetch got = store_fetch(s, pk.token, pk.code, &out, NULL, 0, err, sizeof err);
    CHECK(got == STORE_FAILED && strstr(err, "busy") && !strstr(err, pk.token) &&
              !strstr(err, pk.code),
          "a locked database: got %s \"%s\", want %s", store_fetch_name(got), err,
          store_fetch_name(STORE_FAILED));
    got = store_fetch(s, pk.token, "12345x", &out, NULL, 0, err, sizeof err);
    CHECK(got == STORE_FAILED, "a wrong code on a locked database: got %s", store_fetch_name(got));
    sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(h);
    CHECK(sql_int("busy.db", "SELECT tries FROM pickups") == 0, "no try spent while locked");
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
        if (store_open(in_dir("race.db"), in_dir("k"), 0, &s, err, sizeof err) == SL_OK &&
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
    CHECK(sql_int("race.db", "SELECT tries FROM pickups") == STORE_MAX_TRIES, "tries %d, want %d",
          sql_int("race.db", "SELECT tries FROM pickups"), STORE_MAX_TRIES);
    struct store *s = open_store("race.db", "k");
    struct buf out = BUF_INIT;
    char err[512];
    CHECK(s && store_fetch(s, pk.token, pk.code, &out, NULL, 0, err, sizeof err) == STORE_LOCKED &&
              out.len == 0,
          "then even the right code is locked out");
    store_free(s);
    buf_free(&out);
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
              sql_int("th.db", "SELECT count(*) FROM messages WHERE body IS NOT NULL OR "
                               "expired IS NULL") == 160,
          "and then only its tombstone is left: the link says expired");
    CHECK(store_fetch(s, w[0].pk.token, w[0].pk.code, &out, NULL, 0, err, sizeof err) ==
              STORE_FOUND,
          "the others stay");
    buf_free(&out);
    store_free(s);
}

/* a full disk: the file size limit stands in for it in a child process */
static void test_full_disk(void)
{
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

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/sluis-test-portal-XXXXXX");
    if (mkdtemp(dir) == NULL)
        return 1;
    test_round_trip();
    test_key_and_place();
    test_no_create();
    test_wrong_key();
    test_tries();
    test_busy();
    test_lockout_processes();
    test_threads_expiry();
    test_full_disk();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cleanup failed\n");
    return check_summary("test_portal");
}
