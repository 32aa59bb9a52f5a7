/*
 * db - dashboard.db: schema, migrations, and the rows of the audit log,
 * causes, actions and false-positive reports. See db.h.
 *
 * Migrations: steps[v] brings a file of version v to v + 1, in one
 * transaction with the new version written in meta; a file made now runs
 * every step. A file of a newer version than this program knows is
 * refused, never written.
 */
#include "db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

static const char *const steps[DASHDB_SCHEMA] = {
    /* 0 -> 1: the tables of dash.h */
    "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL,"
    " hash TEXT NOT NULL, failed INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL"
    " DEFAULT 0, created INTEGER NOT NULL);"
    "CREATE TABLE sessions(hash TEXT PRIMARY KEY, user INTEGER NOT NULL, csrf TEXT NOT NULL,"
    " created INTEGER NOT NULL, seen INTEGER NOT NULL);"
    "CREATE INDEX sessions_user ON sessions(user);"
    "CREATE TABLE audit(id INTEGER PRIMARY KEY, t INTEGER NOT NULL, user TEXT NOT NULL,"
    " what TEXT NOT NULL, detail TEXT NOT NULL);"
    "CREATE TABLE causes(id INTEGER PRIMARY KEY, t INTEGER NOT NULL, user TEXT NOT NULL,"
    " cause TEXT NOT NULL, note TEXT NOT NULL);"
    "CREATE TABLE actions(id INTEGER PRIMARY KEY, t INTEGER NOT NULL, user TEXT NOT NULL,"
    " title TEXT NOT NULL, depts TEXT NOT NULL, channel TEXT NOT NULL, start TEXT NOT NULL,"
    " end TEXT NOT NULL);"
    "CREATE TABLE fp_reports(fp TEXT PRIMARY KEY, month TEXT NOT NULL, t INTEGER NOT NULL);"
    "CREATE TABLE fp_rules(fp TEXT NOT NULL, rule TEXT NOT NULL, month TEXT NOT NULL);"
    "CREATE INDEX fp_rules_rule ON fp_rules(rule, month);",
};

static enum sl_status fail(sqlite3 *db, const char *what, char *err, size_t errlen)
{
    snprintf(err, errlen, "dashboard.db: %s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
    return SL_EIO;
}

static bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

enum sl_status dashdb_begin(sqlite3 *db)
{
    return exec(db, "BEGIN IMMEDIATE") ? SL_OK : SL_EIO;
}

enum sl_status dashdb_end(sqlite3 *db, enum sl_status st)
{
    if (st == SL_OK && exec(db, "COMMIT"))
        return SL_OK;
    exec(db, "ROLLBACK");
    return st == SL_OK ? SL_EIO : st;
}

int dashdb_schema(sqlite3 *db)
{
    sqlite3_stmt *q = NULL;
    int v = 0;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema'", -1, &q, NULL) ==
            SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW) {
        const char *s = (const char *)sqlite3_column_text(q, 0);
        char *end = NULL;
        long n = s ? strtol(s, &end, 10) : 0;
        v = s && end != s && *end == '\0' && n >= 0 && n < 1000 ? (int)n : -1;
    }
    sqlite3_finalize(q);
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

static enum sl_status migrate(sqlite3 *db, char *err, size_t errlen)
{
    if (!exec(db, "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)"))
        return fail(db, "meta", err, errlen);
    int v = dashdb_schema(db);
    if (v < 0 || v > DASHDB_SCHEMA) {
        snprintf(err, errlen,
                 "dashboard.db: schema version %d, newer than this program's %d (or unreadable)", v,
                 DASHDB_SCHEMA);
        return SL_EINVAL;
    }
    for (; v < DASHDB_SCHEMA; v++) {
        char sql[128];
        if (dashdb_begin(db) != SL_OK)
            return fail(db, "begin", err, errlen);
        snprintf(sql, sizeof sql,
                 v == 0 ? "INSERT INTO meta(key, value) VALUES('schema', '%d')"
                        : "UPDATE meta SET value = '%d' WHERE key = 'schema'",
                 v + 1);
        enum sl_status st = exec(db, steps[v]) && exec(db, sql) ? SL_OK : SL_EIO;
        if (st != SL_OK) {
            fail(db, "migration", err, errlen);
            dashdb_end(db, st);
            return st;
        }
        if (dashdb_end(db, SL_OK) != SL_OK)
            return fail(db, "commit", err, errlen);
    }
    return SL_OK;
}

enum sl_status dashdb_open(const char *path, sqlite3 **out, char *err, size_t errlen)
{
    *out = NULL;
    enum sl_status st = make_file(path, err, errlen);
    if (st != SL_OK)
        return st;
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) !=
        SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return SL_EIO;
    }
    sqlite3_busy_timeout(db, 5000);
    if (!exec(db, "PRAGMA journal_mode=WAL") || !exec(db, "PRAGMA foreign_keys=ON")) {
        snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return SL_EIO;
    }
    st = migrate(db, err, errlen);
    if (st != SL_OK) {
        sqlite3_close(db);
        return st;
    }
    *out = db;
    return SL_OK;
}

void dashdb_close(sqlite3 *db)
{
    sqlite3_close(db);
}

/* copy - a column's text into out (cut at outlen - 1) */
static void copy(sqlite3_stmt *q, int col, char *out, size_t outlen)
{
    const char *s = (const char *)sqlite3_column_text(q, col);
    snprintf(out, outlen, "%s", s ? s : "");
}

static void bind_text(sqlite3_stmt *q, int i, const char *s, size_t max)
{
    size_t n = s ? strlen(s) : 0;
    sqlite3_bind_text(q, i, s ? s : "", (int)(n > max ? max : n), SQLITE_TRANSIENT);
}

enum sl_status dashdb_audit(sqlite3 *db, int64_t t, const char *user, const char *what,
                            const char *detail)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO audit(t, user, what, detail) VALUES(?, ?, ?, ?)", -1,
                           &q, NULL) != SQLITE_OK)
        return SL_EIO;
    sqlite3_bind_int64(q, 1, t);
    bind_text(q, 2, user, DASH_NAME_MAX);
    bind_text(q, 3, what, DASH_WHAT_MAX);
    bind_text(q, 4, detail, DASH_DETAIL_MAX);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? SL_OK : SL_EIO;
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
static enum sl_status select_rows(sqlite3_stmt *q, size_t size,
                                  void (*fill)(sqlite3_stmt *q, void *row), void **out, size_t *n)
{
    char *rows = NULL;
    size_t cap = 0, k = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (!grow((void **)&rows, &cap, k, size)) {
            sqlite3_finalize(q);
            free(rows);
            return SL_ENOMEM;
        }
        fill(q, rows + k++ * size);
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

static void fill_audit(sqlite3_stmt *q, void *row)
{
    struct dash_audit_row *r = row;
    r->id = sqlite3_column_int64(q, 0);
    r->t = sqlite3_column_int64(q, 1);
    copy(q, 2, r->user, sizeof r->user);
    copy(q, 3, r->what, sizeof r->what);
    copy(q, 4, r->detail, sizeof r->detail);
}

enum sl_status dashdb_audit_list(sqlite3 *db, size_t max, struct dash_audit_row **out, size_t *n)
{
    sqlite3_stmt *q = NULL;
    *out = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT id, t, user, what, detail FROM audit ORDER BY id DESC LIMIT ?",
                           -1, &q, NULL) != SQLITE_OK)
        return SL_EIO;
    sqlite3_bind_int64(q, 1, (sqlite3_int64)max);
    void *rows = NULL;
    enum sl_status st = select_rows(q, sizeof **out, fill_audit, &rows, n);
    *out = rows;
    return st;
}

enum sl_status dashdb_cause_add(sqlite3 *db, int64_t t, const char *user, const char *cause,
                                const char *note)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO causes(t, user, cause, note) VALUES(?, ?, ?, ?)", -1,
                           &q, NULL) != SQLITE_OK)
        return SL_EIO;
    sqlite3_bind_int64(q, 1, t);
    bind_text(q, 2, user, DASH_NAME_MAX);
    bind_text(q, 3, cause, 31);
    bind_text(q, 4, note, DASH_NOTE_MAX);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? SL_OK : SL_EIO;
}

static void fill_causes(sqlite3_stmt *q, void *row)
{
    struct dash_cause *r = row;
    r->id = sqlite3_column_int64(q, 0);
    r->t = sqlite3_column_int64(q, 1);
    copy(q, 2, r->user, sizeof r->user);
    copy(q, 3, r->cause, sizeof r->cause);
    copy(q, 4, r->note, sizeof r->note);
}

enum sl_status dashdb_causes(sqlite3 *db, struct dash_cause **out, size_t *n)
{
    sqlite3_stmt *q = NULL;
    *out = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(db, "SELECT id, t, user, cause, note FROM causes ORDER BY id DESC", -1,
                           &q, NULL) != SQLITE_OK)
        return SL_EIO;
    void *rows = NULL;
    enum sl_status st = select_rows(q, sizeof **out, fill_causes, &rows, n);
    *out = rows;
    return st;
}

enum sl_status dashdb_action_add(sqlite3 *db, const struct dash_action *a)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO actions(t, user, title, depts, channel, start, end)"
                           " VALUES(?, ?, ?, ?, ?, ?, ?)",
                           -1, &q, NULL) != SQLITE_OK)
        return SL_EIO;
    sqlite3_bind_int64(q, 1, a->t);
    bind_text(q, 2, a->user, DASH_NAME_MAX);
    bind_text(q, 3, a->title, DASH_TITLE_MAX);
    bind_text(q, 4, a->depts, DASH_DEPTS_MAX);
    bind_text(q, 5, a->channel, 31);
    bind_text(q, 6, a->start, 10);
    bind_text(q, 7, a->end, 10);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? SL_OK : SL_EIO;
}

static void fill_actions(sqlite3_stmt *q, void *row)
{
    struct dash_action *r = row;
    r->id = sqlite3_column_int64(q, 0);
    r->t = sqlite3_column_int64(q, 1);
    copy(q, 2, r->user, sizeof r->user);
    copy(q, 3, r->title, sizeof r->title);
    copy(q, 4, r->depts, sizeof r->depts);
    copy(q, 5, r->channel, sizeof r->channel);
    copy(q, 6, r->start, sizeof r->start);
    copy(q, 7, r->end, sizeof r->end);
}

enum sl_status dashdb_actions(sqlite3 *db, struct dash_action **out, size_t *n)
{
    sqlite3_stmt *q = NULL;
    *out = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT id, t, user, title, depts, channel, start, end FROM actions"
                           " ORDER BY start, id",
                           -1, &q, NULL) != SQLITE_OK)
        return SL_EIO;
    void *rows = NULL;
    enum sl_status st = select_rows(q, sizeof **out, fill_actions, &rows, n);
    *out = rows;
    return st;
}

enum sl_status dashdb_fp_report(sqlite3 *db, const char *fp, const char *month,
                                const struct event_rule *rules, size_t nrules, int64_t t,
                                bool *recorded)
{
    *recorded = false;
    if (dashdb_begin(db) != SL_OK)
        return SL_EIO;
    sqlite3_stmt *q = NULL;
    enum sl_status st = SL_EIO;
    bool seen = false;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM fp_reports WHERE fp = ?", -1, &q, NULL) ==
        SQLITE_OK) {
        bind_text(q, 1, fp, EVENT_HASH_LEN);
        int rc = sqlite3_step(q);
        seen = rc == SQLITE_ROW;
        st = rc == SQLITE_ROW || rc == SQLITE_DONE ? SL_OK : SL_EIO;
    }
    sqlite3_finalize(q);
    q = NULL;
    if (st == SL_OK && !seen) {
        st = SL_EIO;
        if (sqlite3_prepare_v2(db, "INSERT INTO fp_reports(fp, month, t) VALUES(?, ?, ?)", -1, &q,
                               NULL) == SQLITE_OK) {
            bind_text(q, 1, fp, EVENT_HASH_LEN);
            bind_text(q, 2, month, 7);
            sqlite3_bind_int64(q, 3, t);
            st = sqlite3_step(q) == SQLITE_DONE ? SL_OK : SL_EIO;
        }
        sqlite3_finalize(q);
        q = NULL;
        if (st == SL_OK &&
            sqlite3_prepare_v2(db, "INSERT INTO fp_rules(fp, rule, month) VALUES(?, ?, ?)", -1, &q,
                               NULL) != SQLITE_OK)
            st = SL_EIO;
        for (size_t i = 0; st == SL_OK && i < nrules; i++) {
            sqlite3_reset(q);
            bind_text(q, 1, fp, EVENT_HASH_LEN);
            bind_text(q, 2, rules[i].rule, EVENT_RULE_MAX);
            bind_text(q, 3, month, 7);
            if (sqlite3_step(q) != SQLITE_DONE)
                st = SL_EIO;
        }
        sqlite3_finalize(q);
    }
    st = dashdb_end(db, st);
    if (st == SL_OK)
        *recorded = !seen;
    return st;
}

uint64_t dashdb_fp_count(sqlite3 *db, const char *rule, const char *month)
{
    sqlite3_stmt *q = NULL;
    uint64_t n = 0;
    if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM fp_rules WHERE rule = ? AND month = ?", -1, &q,
                           NULL) == SQLITE_OK) {
        bind_text(q, 1, rule, EVENT_RULE_MAX);
        bind_text(q, 2, month, 7);
        if (sqlite3_step(q) == SQLITE_ROW)
            n = (uint64_t)sqlite3_column_int64(q, 0);
    }
    sqlite3_finalize(q);
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
