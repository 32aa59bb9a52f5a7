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
    enum sl_status st = store_open(in_dir(db), in_dir(key), &s, err, sizeof err);
    CHECK(st == SL_OK, "open %s: %s", db, err);
    return s;
}

/* corrupt - flip one bit of column col of every row of messages */
static void corrupt(const char *db, const char *col)
{
    sqlite3 *h;
    sqlite3_stmt *q = NULL, *u = NULL;
    char sql[128];
    bool ok = sqlite3_open(in_dir(db), &h) == SQLITE_OK;
    snprintf(sql, sizeof sql, "SELECT rowid, %s FROM messages", col);
    ok = ok && sqlite3_prepare_v2(h, sql, -1, &q, NULL) == SQLITE_OK;
    snprintf(sql, sizeof sql, "UPDATE messages SET %s = ? WHERE rowid = ?", col);
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
    CHECK(ok && rows == 1, "corrupt messages.%s", col);
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
    const char *rcpts[] = {"familie@gmail.example", "huisarts@praktijk.example"};
    struct store_pickup pk[2];
    CHECK(store_put(s, msg, big, "anja@zorg.example", rcpts, 2, time(NULL) + 3600, id, pk, err,
                    sizeof err) == SL_OK,
          "put: %s", err);
    CHECK(strlen(id) == 32 && strlen(pk[0].token) == STORE_TOKEN_LEN &&
              strlen(pk[0].code) == STORE_CODE_LEN && strcmp(pk[0].token, pk[1].token) != 0,
          "id, tokens and codes");
    struct buf out = BUF_INIT;
    char rcpt[128];
    for (int i = 0; i < 2; i++) {
        CHECK(store_fetch(s, pk[i].token, pk[i].code, &out, rcpt, sizeof rcpt, err, sizeof err) ==
                      STORE_FOUND &&
                  out.len == big && memcmp(out.data, msg, big) == 0 && strcmp(rcpt, rcpts[i]) == 0,
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
    static const char *const fields[] = {"body", "tag", "iv", "wrapped"};
    for (size_t i = 0; i < NELEM(fields); i++) {
        char db[32];
        snprintf(db, sizeof db, "t%zu.db", i);
        s = open_store(db, "k");
        const char *one[] = {"x@y.example"};
        struct store_pickup p1;
        CHECK(s && store_put(s, "Mevrouw J. heeft een delier", 27, "a@z.example", one, 1,
                             time(NULL) + 60, id, &p1, err, sizeof err) == SL_OK,
              "put");
        store_free(s);
        corrupt(db, fields[i]);
        s = open_store(db, "k");
        buf_reset(&out);
        CHECK(s &&
                  store_fetch(s, p1.token, p1.code, &out, NULL, 0, err, sizeof err) ==
                      STORE_DAMAGED &&
                  out.len == 0,
              "messages.%s tampered: refused, nothing returned", fields[i]);
        store_free(s);
    }
    /* a different master key opens nothing */
    CHECK(store_keygen(in_dir("k2"), err, sizeof err) == SL_OK, "second key");
    s = open_store("a.db", "k2");
    CHECK(s && store_fetch(s, pk[0].token, pk[0].code, &out, NULL, 0, err, sizeof err) !=
                   STORE_FOUND,
          "another master key");
    store_free(s);
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
    CHECK(store_open(in_dir("b.db"), in_dir("open.key"), &s, err, sizeof err) != SL_OK &&
              strstr(err, "chmod 600"),
          "a key others can read is refused: %s", err);
    chmod(in_dir("open.key"), 0600);
    CHECK(store_open(in_dir("b.db"), in_dir("open.key"), &s, err, sizeof err) == SL_OK, "%s", err);
    store_free(s);
    f = fopen(in_dir("short.key"), "w");
    fputs("0011\n", f);
    fclose(f);
    chmod(in_dir("short.key"), 0600);
    CHECK(store_open(in_dir("c.db"), in_dir("short.key"), &s, err, sizeof err) == SL_EPARSE,
          "a short key");
    f = fopen(in_dir("nothex.key"), "w");
    fputs("g0112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n", f);
    fclose(f);
    chmod(in_dir("nothex.key"), 0600);
    CHECK(store_open(in_dir("c.db"), in_dir("nothex.key"), &s, err, sizeof err) == SL_EPARSE,
          "a key with a letter that is not hex: %s", err);
    CHECK(store_open(in_dir("c.db"), in_dir("none.key"), &s, err, sizeof err) == SL_EIO &&
              strstr(err, "sluis portal keygen"),
          "a missing key says how to make one: %s", err);
    CHECK(store_open("/nonexistent-dir/x.db", in_dir("open.key"), &s, err, sizeof err) == SL_EIO,
          "a database where none can be made");
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
    const char *one[] = {"r@x.example"};
    for (int i = 0; i < 20; i++)
        w->ok += store_put(w->s, "bericht", 7, "a@z.example", one, 1, time(NULL) + 60, id, &w->pk,
                           err, sizeof err) == SL_OK;
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
    const char *one[] = {"r@x.example"};
    char id[33];
    struct store_pickup old;
    CHECK(store_put(s, "oud", 3, "a@z.example", one, 1, time(NULL) - 10, id, &old, err,
                    sizeof err) == SL_OK,
          "put an expired one");
    CHECK(store_fetch(s, old.token, old.code, &out, NULL, 0, err, sizeof err) == STORE_EXPIRED,
          "past its expiry: refused");
    unsigned removed = 0;
    CHECK(store_expire(s, time(NULL), &removed, err, sizeof err) == SL_OK && removed == 1,
          "expire removes it (%u)", removed);
    CHECK(store_fetch(s, old.token, old.code, &out, NULL, 0, err, sizeof err) == STORE_UNKNOWN,
          "and then it is gone");
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
        if (store_open(in_dir("full.db"), in_dir("k"), &s, err, sizeof err) != SL_OK)
            _exit(10);
        struct rlimit rl = {256 * 1024, 256 * 1024};
        setrlimit(RLIMIT_FSIZE, &rl);
        size_t len = 1u << 20;
        char *m = calloc(1, len);
        const char *one[] = {"r@x.example"};
        struct store_pickup p;
        enum sl_status st =
            store_put(s, m, len, "a@z.example", one, 1, time(NULL) + 60, id, &p, err, sizeof err);
        /* still usable after the failure */
        enum sl_status st2 = store_put(s, "klein", 5, "a@z.example", one, 1, time(NULL) + 60, id,
                                       &p, err, sizeof err);
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
    test_threads_expiry();
    test_full_disk();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cleanup failed\n");
    return check_summary("test_portal");
}
