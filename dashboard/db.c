/*
 * db - the dashboard's database: schema, migrations, and the rows of the
 * audit log, causes, actions and false-positive reports. See db.h.
 *
 * Migrations: steps[v] brings a database of version v to v + 1, in one
 * write transaction that reads the version again and writes the new one
 * in meta; a database made now runs every step. Reading the version inside
 * the write transaction is what lets two dashboards (or a dashboard and
 * `sluis user`) start at once on one PostgreSQL database: the second waits
 * for the first's step and then finds it done. A database of a newer
 * version than this program knows is refused, never written.
 */
#include "db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../store/sql.h"

/* how long a statement waits for another writer (a second dashboard,
 * `sluis user`): on PostgreSQL its lock_timeout, so a write transaction
 * waits as long for the store's lock */
#define BUSY_MS 5000

/* in SQLite's words (sql_ddl); "user" and "end" quoted: PostgreSQL
 * reserves them, and SQLite reads a quoted name as the same column */
static const char *const steps[DASHDB_SCHEMA] = {
    /* 0 -> 1: the tables of dash.h */
    "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL,"
    " hash TEXT NOT NULL, failed INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL"
    " DEFAULT 0, created INTEGER NOT NULL);"
    "CREATE TABLE sessions(hash TEXT PRIMARY KEY, \"user\" INTEGER NOT NULL, csrf TEXT NOT NULL,"
    " created INTEGER NOT NULL, seen INTEGER NOT NULL);"
    "CREATE INDEX sessions_user ON sessions(\"user\");"
    "CREATE TABLE audit(id INTEGER PRIMARY KEY, t INTEGER NOT NULL, \"user\" TEXT NOT NULL,"
    " what TEXT NOT NULL, detail TEXT NOT NULL);"
    "CREATE TABLE causes(id INTEGER PRIMARY KEY, t INTEGER NOT NULL, \"user\" TEXT NOT NULL,"
    " cause TEXT NOT NULL, note TEXT NOT NULL);"
    "CREATE TABLE actions(id INTEGER PRIMARY KEY, t INTEGER NOT NULL, \"user\" TEXT NOT NULL,"
    " title TEXT NOT NULL, depts TEXT NOT NULL, channel TEXT NOT NULL, start TEXT NOT NULL,"
    " \"end\" TEXT NOT NULL);"
    "CREATE TABLE fp_reports(fp TEXT PRIMARY KEY, month TEXT NOT NULL, t INTEGER NOT NULL);"
    "CREATE TABLE fp_rules(fp TEXT NOT NULL, rule TEXT NOT NULL, month TEXT NOT NULL);"
    "CREATE INDEX fp_rules_rule ON fp_rules(rule, month);",
};

/* what_db - the database's name in messages; a PostgreSQL address is not
 * repeated in each (sql_open_pg's errors show it, without a password) */
static const char *what_db(struct sql *db)
{
    return db && sql_engine(db) == SQL_POSTGRESQL ? "dashboard database" : "dashboard.db";
}

static enum sl_status fail(struct sql *db, const char *what, char *err, size_t errlen)
{
    snprintf(err, errlen, "%s: %s: %s", what_db(db), what, db ? sql_errmsg(db) : "out of memory");
    return SL_EIO;
}

enum sl_status dashdb_begin(struct sql *db)
{
    return sql_begin(db, true) == SQL_OK ? SL_OK : SL_EIO;
}

enum sl_status dashdb_end(struct sql *db, enum sl_status st)
{
    if (st == SL_OK && sql_commit(db) == SQL_OK)
        return SL_OK;
    sql_rollback(db);
    return st == SL_OK ? SL_EIO : st;
}

int dashdb_schema(struct sql *db)
{
    struct sql_stmt *q = NULL;
    int v = -1;
    if (sql_prepare(db, "SELECT value FROM meta WHERE key = 'schema'", &q) != SQL_OK)
        return -1;
    int rc = sql_step(q);
    if (rc == SQL_DONE) {
        v = 0;
    } else if (rc == SQL_ROW) {
        const char *s = sql_column_text(q, 0);
        char *end = NULL;
        long n = s ? strtol(s, &end, 10) : 0;
        v = s && end != s && *end == '\0' && n >= 0 && n < 1000 ? (int)n : -1;
    }
    sql_finalize(q);
    return v;
}

/* make_file - a new, empty file of exactly 0640 (whatever the umask), so
 * the sluis group may read the audit log and nobody else anything */
static enum sl_status make_file(const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0) {
        if (errno == EEXIST)
            return SL_OK;
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return SL_EIO;
    }
    bool ok = fchmod(fd, 0640) == 0;
    close(fd);
    if (!ok) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return SL_EIO;
    }
    return SL_OK;
}

/* migrate - bring the database to DASHDB_SCHEMA, one step per write
 * transaction (see the top of this file) */
static enum sl_status migrate(struct sql *db, char *err, size_t errlen)
{
    for (;;) {
        if (sql_begin(db, true) != SQL_OK)
            return fail(db, "begin", err, errlen);
        if (sql_ddl(db, "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)") !=
            SQL_OK) {
            fail(db, "meta", err, errlen);
            sql_rollback(db);
            return SL_EIO;
        }
        int v = dashdb_schema(db);
        if (v < 0 || v > DASHDB_SCHEMA) {
            snprintf(err, errlen,
                     "%s: schema version %d, newer than this program's %d (or unreadable)",
                     what_db(db), v, DASHDB_SCHEMA);
            sql_rollback(db);
            return SL_EINVAL;
        }
        if (v == DASHDB_SCHEMA) {
            /* nothing to do: the transaction wrote at most meta, if new */
            return sql_commit(db) == SQL_OK ? SL_OK : fail(db, "commit", err, errlen);
        }
        char text[128];
        snprintf(text, sizeof text,
                 v == 0 ? "INSERT INTO meta(key, value) VALUES('schema', '%d')"
                        : "UPDATE meta SET value = '%d' WHERE key = 'schema'",
                 v + 1);
        if (sql_ddl(db, steps[v]) != SQL_OK || sql_exec(db, text) != SQL_OK) {
            fail(db, "migration", err, errlen);
            sql_rollback(db);
            return SL_EIO;
        }
        if (sql_commit(db) != SQL_OK) {
            fail(db, "commit", err, errlen);
            sql_rollback(db);
            return SL_EIO;
        }
    }
}

/* wal - switch the file to WAL. Changing the journal mode of a new file
 * that another process is reading answers SQLITE_BUSY at once, without
 * the busy handler (four processes opening one new file at once saw it):
 * try again, every 10 ms for up to BUSY_MS. */
static int wal(struct sql *db)
{
    int rc;
    for (int waited = 0;
         (rc = sql_exec(db, "PRAGMA journal_mode=WAL")) == SQL_BUSY && waited < BUSY_MS;
         waited += 10)
        nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
    return rc;
}

/* open_file - dashboard.db at path: made 0640, WAL, foreign keys */
static enum sl_status open_file(const char *path, struct sql **out, char *err, size_t errlen)
{
    enum sl_status st = make_file(path, err, errlen);
    if (st != SL_OK)
        return st;
    sqlite3 *lite = NULL;
    if (sqlite3_open_v2(path, &lite, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) !=
        SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, lite ? sqlite3_errmsg(lite) : "out of memory");
        sqlite3_close(lite);
        return SL_EIO;
    }
    struct sql *db = sql_wrap_sqlite(lite);
    if (db == NULL) {
        snprintf(err, errlen, "%s: out of memory", path);
        return SL_ENOMEM;
    }
    /* before the PRAGMAs: WAL is switched on under the file's lock */
    sql_busy_timeout(db, BUSY_MS);
    if (wal(db) != SQL_OK || sql_exec(db, "PRAGMA foreign_keys=ON") != SQL_OK) {
        snprintf(err, errlen, "%s: %s", path, sql_errmsg(db));
        sql_close(db);
        return SL_EIO;
    }
    *out = db;
    return SL_OK;
}

enum sl_status dashdb_open(const char *target, struct sql **out, char *err, size_t errlen)
{
    *out = NULL;
    struct sql *db = NULL;
    if (sql_is_remote(target)) {
        db = sql_open_pg(target, "sluis_dashboard", true, false, "sluis-dashboard", err, errlen);
        if (db == NULL)
            return SL_EIO;
        sql_busy_timeout(db, BUSY_MS);
    } else {
        enum sl_status st = open_file(target, &db, err, errlen);
        if (st != SL_OK)
            return st;
    }
    enum sl_status st = migrate(db, err, errlen);
    if (st != SL_OK) {
        sql_close(db);
        return st;
    }
    *out = db;
    return SL_OK;
}

void dashdb_close(struct sql *db)
{
    sql_close(db);
}

/* copy - a column's text into out (cut at outlen - 1) */
static void copy(struct sql_stmt *q, int col, char *out, size_t outlen)
{
    const char *s = sql_column_text(q, col);
    snprintf(out, outlen, "%s", s ? s : "");
}

/* bind_text - s (NULL as "") cut to max bytes, back to the start of a
 * UTF-8 character: PostgreSQL refuses text that ends inside one. s is not
 * copied: it must live until the statement's step (every caller's
 * arguments do). */
static void bind_text(struct sql_stmt *q, int i, const char *s, size_t max)
{
    size_t n = s ? strlen(s) : 0;
    if (n > max) {
        n = max;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    sql_bind_text(q, i, s ? s : "", (int)n);
}

enum sl_status dashdb_audit(struct sql *db, int64_t t, const char *user, const char *what,
                            const char *detail)
{
    struct sql_stmt *q = NULL;
    if (sql_prepare(db, "INSERT INTO audit(t, \"user\", what, detail) VALUES(?, ?, ?, ?)", &q) !=
        SQL_OK)
        return SL_EIO;
    sql_bind_int64(q, 1, t);
    bind_text(q, 2, user, DASH_NAME_MAX);
    bind_text(q, 3, what, DASH_WHAT_MAX);
    bind_text(q, 4, detail, DASH_DETAIL_MAX);
    int rc = sql_step(q);
    sql_finalize(q);
    return rc == SQL_DONE ? SL_OK : SL_EIO;
}

/* grow - room for one more element in *arr of *cap */
static bool grow(void **arr, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t c = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, c * size);
    if (p == NULL)
        return false;
    *arr = p;
    *cap = c;
    return true;
}

/* select_rows - every row of q (prepared and bound; finalized here) into a
 * new array of elements of size bytes, each filled by fill */
static enum sl_status select_rows(struct sql_stmt *q, size_t size,
                                  void (*fill)(struct sql_stmt *q, void *row), void **out,
                                  size_t *n)
{
    char *rows = NULL;
    size_t cap = 0, k = 0;
    int rc;
    while ((rc = sql_step(q)) == SQL_ROW) {
        if (!grow((void **)&rows, &cap, k, size)) {
            sql_finalize(q);
            free(rows);
            return SL_ENOMEM;
        }
        fill(q, rows + k++ * size);
    }
    sql_finalize(q);
    if (rc != SQL_DONE) {
        free(rows);
        return SL_EIO;
    }
    *out = rows;
    *n = k;
    return SL_OK;
}

static void fill_audit(struct sql_stmt *q, void *row)
{
    struct dash_audit_row *r = row;
    r->id = sql_column_int64(q, 0);
    r->t = sql_column_int64(q, 1);
    copy(q, 2, r->user, sizeof r->user);
    copy(q, 3, r->what, sizeof r->what);
    copy(q, 4, r->detail, sizeof r->detail);
}

enum sl_status dashdb_audit_list(struct sql *db, size_t max, struct dash_audit_row **out, size_t *n)
{
    struct sql_stmt *q = NULL;
    *out = NULL;
    *n = 0;
    if (sql_prepare(db, "SELECT id, t, \"user\", what, detail FROM audit ORDER BY id DESC LIMIT ?",
                    &q) != SQL_OK)
        return SL_EIO;
    /* PostgreSQL refuses a negative LIMIT: a size_t past INT64_MAX is "all" */
    sql_bind_int64(q, 1, max > (size_t)INT64_MAX ? INT64_MAX : (int64_t)max);
    void *rows = NULL;
    enum sl_status st = select_rows(q, sizeof **out, fill_audit, &rows, n);
    *out = rows;
    return st;
}

enum sl_status dashdb_cause_add(struct sql *db, int64_t t, const char *user, const char *cause,
                                const char *note)
{
    struct sql_stmt *q = NULL;
    if (sql_prepare(db, "INSERT INTO causes(t, \"user\", cause, note) VALUES(?, ?, ?, ?)", &q) !=
        SQL_OK)
        return SL_EIO;
    sql_bind_int64(q, 1, t);
    bind_text(q, 2, user, DASH_NAME_MAX);
    bind_text(q, 3, cause, 31);
    bind_text(q, 4, note, DASH_NOTE_MAX);
    int rc = sql_step(q);
    sql_finalize(q);
    return rc == SQL_DONE ? SL_OK : SL_EIO;
}

static void fill_causes(struct sql_stmt *q, void *row)
{
    struct dash_cause *r = row;
    r->id = sql_column_int64(q, 0);
    r->t = sql_column_int64(q, 1);
    copy(q, 2, r->user, sizeof r->user);
    copy(q, 3, r->cause, sizeof r->cause);
    copy(q, 4, r->note, sizeof r->note);
}

enum sl_status dashdb_causes(struct sql *db, struct dash_cause **out, size_t *n)
{
    struct sql_stmt *q = NULL;
    *out = NULL;
    *n = 0;
    if (sql_prepare(db, "SELECT id, t, \"user\", cause, note FROM causes ORDER BY id DESC", &q) !=
        SQL_OK)
        return SL_EIO;
    void *rows = NULL;
    enum sl_status st = select_rows(q, sizeof **out, fill_causes, &rows, n);
    *out = rows;
    return st;
}

enum sl_status dashdb_action_add(struct sql *db, const struct dash_action *a)
{
    struct sql_stmt *q = NULL;
    if (sql_prepare(db,
                    "INSERT INTO actions(t, \"user\", title, depts, channel, start, \"end\")"
                    " VALUES(?, ?, ?, ?, ?, ?, ?)",
                    &q) != SQL_OK)
        return SL_EIO;
    sql_bind_int64(q, 1, a->t);
    bind_text(q, 2, a->user, DASH_NAME_MAX);
    bind_text(q, 3, a->title, DASH_TITLE_MAX);
    bind_text(q, 4, a->depts, DASH_DEPTS_MAX);
    bind_text(q, 5, a->channel, 31);
    bind_text(q, 6, a->start, 10);
    bind_text(q, 7, a->end, 10);
    int rc = sql_step(q);
    sql_finalize(q);
    return rc == SQL_DONE ? SL_OK : SL_EIO;
}

static void fill_actions(struct sql_stmt *q, void *row)
{
    struct dash_action *r = row;
    r->id = sql_column_int64(q, 0);
    r->t = sql_column_int64(q, 1);
    copy(q, 2, r->user, sizeof r->user);
    copy(q, 3, r->title, sizeof r->title);
    copy(q, 4, r->depts, sizeof r->depts);
    copy(q, 5, r->channel, sizeof r->channel);
    copy(q, 6, r->start, sizeof r->start);
    copy(q, 7, r->end, sizeof r->end);
}

enum sl_status dashdb_actions(struct sql *db, struct dash_action **out, size_t *n)
{
    struct sql_stmt *q = NULL;
    *out = NULL;
    *n = 0;
    /* start is "YYYY-MM-DD" (checked on the way in): digits and '-' sort
     * alike under SQLite's bytes and any PostgreSQL collation */
    if (sql_prepare(db,
                    "SELECT id, t, \"user\", title, depts, channel, start, \"end\" FROM actions"
                    " ORDER BY start, id",
                    &q) != SQL_OK)
        return SL_EIO;
    void *rows = NULL;
    enum sl_status st = select_rows(q, sizeof **out, fill_actions, &rows, n);
    *out = rows;
    return st;
}

enum sl_status dashdb_fp_report(struct sql *db, const char *fp, const char *month,
                                const struct event_rule *rules, size_t nrules, int64_t t,
                                bool *recorded)
{
    *recorded = false;
    /* the check and the insert in one write transaction: two dashboards
     * given the same link at once count it once */
    if (dashdb_begin(db) != SL_OK)
        return SL_EIO;
    struct sql_stmt *q = NULL;
    enum sl_status st = SL_EIO;
    bool seen = false;
    if (sql_prepare(db, "SELECT 1 FROM fp_reports WHERE fp = ?", &q) == SQL_OK) {
        bind_text(q, 1, fp, EVENT_HASH_LEN);
        int rc = sql_step(q);
        seen = rc == SQL_ROW;
        st = rc == SQL_ROW || rc == SQL_DONE ? SL_OK : SL_EIO;
    }
    sql_finalize(q);
    q = NULL;
    if (st == SL_OK && !seen) {
        st = SL_EIO;
        if (sql_prepare(db, "INSERT INTO fp_reports(fp, month, t) VALUES(?, ?, ?)", &q) == SQL_OK) {
            bind_text(q, 1, fp, EVENT_HASH_LEN);
            bind_text(q, 2, month, 7);
            sql_bind_int64(q, 3, t);
            st = sql_step(q) == SQL_DONE ? SL_OK : SL_EIO;
        }
        sql_finalize(q);
        q = NULL;
        if (st == SL_OK &&
            sql_prepare(db, "INSERT INTO fp_rules(fp, rule, month) VALUES(?, ?, ?)", &q) != SQL_OK)
            st = SL_EIO;
        for (size_t i = 0; st == SL_OK && i < nrules; i++) {
            sql_reset(q);
            bind_text(q, 1, fp, EVENT_HASH_LEN);
            bind_text(q, 2, rules[i].rule, EVENT_RULE_MAX);
            bind_text(q, 3, month, 7);
            if (sql_step(q) != SQL_DONE)
                st = SL_EIO;
        }
        sql_finalize(q);
    }
    st = dashdb_end(db, st);
    if (st == SL_OK)
        *recorded = !seen;
    return st;
}

uint64_t dashdb_fp_count(struct sql *db, const char *rule, const char *month)
{
    struct sql_stmt *q = NULL;
    uint64_t n = 0;
    if (sql_prepare(db, "SELECT COUNT(*) FROM fp_rules WHERE rule = ? AND month = ?", &q) ==
        SQL_OK) {
        bind_text(q, 1, rule, EVENT_RULE_MAX);
        bind_text(q, 2, month, 7);
        if (sql_step(q) == SQL_ROW)
            n = (uint64_t)sql_column_int64(q, 0);
    }
    sql_finalize(q);
    return n;
}

int dashdb_digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

bool dashdb_date_valid(const char *d)
{
    if (d == NULL || strlen(d) != 10 || d[4] != '-' || d[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
            return false;
    int y = dashdb_digits(d, 4), m = dashdb_digits(d + 5, 2), day = dashdb_digits(d + 8, 2);
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1970 || m < 1 || m > 12 || day < 1 || day > days[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && day == 29 && !leap);
}

bool dashdb_channel_valid(const char *c)
{
    static const char *const ids[] = {"portal", "smime", "tls", "external", "any"};
    for (size_t i = 0; c && i < sizeof ids / sizeof ids[0]; i++)
        if (strcmp(ids[i], c) == 0)
            return true;
    return false;
}

bool dashdb_depts_clean(const char *in, char *out, size_t outlen)
{
    size_t k = 0;
    if (outlen == 0)
        return false;
    out[0] = '\0';
    while (*in) {
        while (*in == ' ' || *in == ',')
            in++;
        const char *e = strchr(in, ',');
        size_t n = e ? (size_t)(e - in) : strlen(in);
        while (n && in[n - 1] == ' ')
            n--;
        if (n > EVENT_DEPT_MAX || k + n + 2 > outlen)
            return false;
        if (n) {
            if (k)
                out[k++] = ',';
            memcpy(out + k, in, n);
            k += n;
            out[k] = '\0';
        }
        in = e ? e : in + strlen(in);
    }
    return true;
}
