/*
 * metrics - the store of events, SQLite backend. See metrics.h.
 *
 * Only metrics_open speaks SQLite's dialect (PRAGMAs, sqlite_master);
 * every other statement is SQL that PostgreSQL runs as it is: INSERT ...
 * ON CONFLICT, RETURNING, no AUTOINCREMENT, no date functions.
 *
 * Migrations: MIGRATIONS[v] brings a file from version v to v + 1, in one
 * transaction that also sets meta "schema". Version 0 is a file without
 * tables (a new one); a file with tables but no meta is not a store, and
 * one of a later version is refused.
 *
 * A struct metrics is one connection: used by one thread at a time (the
 * writer thread, or one reader).
 */
#include "metrics.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "sql.h"

/* how long a write waits for a reader's or another writer's lock */
#define BUSY_MS 5000

struct metrics {
    struct sql *db;
    int schema;
    bool read_only;
    struct sql_stmt *ins_event, *ins_rule, *ins_group, *ins_sender;
};

/* version 0 -> 1 */
static const char SCHEMA_1[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE events(id INTEGER PRIMARY KEY, t INTEGER, month TEXT, sender TEXT, dept TEXT,"
    " sensitive INTEGER, confidence INTEGER, mode INTEGER, action INTEGER, intended INTEGER,"
    " tag INTEGER, reason INTEGER, override INTEGER, override_refused INTEGER,"
    " incomplete INTEGER, size INTEGER, scan_us INTEGER, fp TEXT);"
    "CREATE INDEX events_month ON events(month);"
    "CREATE INDEX events_fp ON events(fp);"
    "CREATE TABLE event_rules(event INTEGER, rule TEXT, category TEXT);"
    "CREATE INDEX event_rules_event ON event_rules(event);"
    "CREATE INDEX event_rules_rule ON event_rules(rule);"
    "CREATE TABLE event_groups(event INTEGER, class INTEGER, domain TEXT, action INTEGER,"
    " intended INTEGER, channel INTEGER, n INTEGER);"
    "CREATE INDEX event_groups_event ON event_groups(event);"
    "CREATE TABLE senders(hash TEXT PRIMARY KEY, sealed BLOB, first_month TEXT);";

static const char *const MIGRATIONS[] = {SCHEMA_1};
_Static_assert(sizeof MIGRATIONS / sizeof MIGRATIONS[0] == METRICS_SCHEMA,
               "one migration step per schema version");

static bool exec_sql(struct sql *db, const char *sql, const char *path, char *err, size_t errlen)
{
    if (sql_ddl(db, sql) == SQL_OK)
        return true;
    snprintf(err, errlen, "metrics store %s: %s", path, sql_errmsg(db));
    return false;
}

/* store_version - the schema version: 0 a store without tables (a new
 * one), -1 an error (said in err), -2 a store that is not a metrics store */
static int store_version(struct sql *db, const char *path, char *err, size_t errlen)
{
    struct sql_stmt *q = NULL;
    int tables = -1, meta = 0, v = -1;
    const char *count = sql_engine(db) == SQL_SQLITE
                            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                            : "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()";
    if (sql_prepare(db, count, &q) == SQL_OK && sql_step(q) == SQL_ROW)
        tables = sql_column_int(q, 0);
    sql_finalize(q);
    if (tables > 0)
        meta = sql_table_exists(db, "meta");
    if (tables < 0 || meta < 0) {
        snprintf(err, errlen, "metrics store %s: %s", path, sql_errmsg(db));
        return -1;
    }
    if (tables == 0)
        return 0;
    if (meta == 0) {
        snprintf(err, errlen, "%s is not a metrics store (it has tables, but no meta)", path);
        return -2;
    }
    if (sql_prepare(db, "SELECT value FROM meta WHERE key = 'schema'", &q) != SQL_OK) {
        snprintf(err, errlen, "metrics store %s: %s", path, sql_errmsg(db));
        return -1;
    }
    int rc = sql_step(q);
    if (rc == SQL_ROW && sql_column_type(q, 0) != SQL_NULL) {
        const char *s = sql_column_text(q, 0);
        char *end;
        long n = strtol(s ? s : "", &end, 10);
        if (s && s[0] >= '0' && s[0] <= '9' && *end == '\0' && n > 0 && n < 1000000)
            v = (int)n;
    }
    if (v < 0)
        snprintf(err, errlen, "metrics store %s: %s", path,
                 rc == SQL_ROW || rc == SQL_DONE ? "damaged (no schema version in meta)"
                                                 : sql_errmsg(db));
    sql_finalize(q);
    return v < 0 ? (rc == SQL_ROW || rc == SQL_DONE ? -2 : -1) : v;
}

/* migrate - bring the file up to METRICS_SCHEMA, one step per version, each
 * in its own transaction (the version is read again inside it: another
 * process may have migrated meanwhile) */
static enum sl_status migrate(struct metrics *m, const char *path, char *err, size_t errlen)
{
    for (;;) {
        int v = store_version(m->db, path, err, errlen);
        if (v < 0)
            return v == -2 ? SL_EINVAL : SL_EIO;
        if (v > METRICS_SCHEMA) {
            snprintf(err, errlen,
                     "metrics store %s: schema version %d is newer than this sluis knows (%d); "
                     "refusing it",
                     path, v, METRICS_SCHEMA);
            return SL_EINVAL;
        }
        m->schema = v;
        if (v == METRICS_SCHEMA || m->read_only)
            break;
        if (sql_begin(m->db, true) != SQL_OK) {
            snprintf(err, errlen, "metrics store %s: %s", path, sql_errmsg(m->db));
            return SL_EIO;
        }
        int again = store_version(m->db, path, err, errlen);
        char set[128];
        snprintf(set, sizeof set,
                 "INSERT INTO meta(key, value) VALUES('schema', '%d') "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 v + 1);
        bool ok = again == v && exec_sql(m->db, MIGRATIONS[v], path, err, errlen) &&
                  exec_sql(m->db, set, path, err, errlen);
        if (ok && sql_commit(m->db) != SQL_OK) {
            snprintf(err, errlen, "metrics store %s: %s", path, sql_errmsg(m->db));
            ok = false;
        }
        if (!ok) {
            sql_rollback(m->db);
            if (again == v || again < 0)
                return SL_EIO;
            /* someone else moved it on: read again */
        }
    }
    if (m->schema != METRICS_SCHEMA) {
        snprintf(err, errlen,
                 "metrics store %s: schema version %d, and opened read-only (the milter brings "
                 "it up to %d)",
                 path, m->schema, METRICS_SCHEMA);
        return SL_EINVAL;
    }
    return SL_OK;
}

void metrics_drop_journals(const char *path)
{
    char j[4096];
    snprintf(j, sizeof j, "%s-wal", path);
    unlink(j);
    snprintf(j, sizeof j, "%s-shm", path);
    unlink(j);
}

/* create_file - a new empty file, 0640 whatever the umask; an existing one
 * is left as it is. Journals left beside a new file belong to a file that
 * is gone: SQLite would read their pages into the new one, so they go. */
static enum sl_status create_file(const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0640);
    if (fd < 0) {
        if (errno == EEXIST)
            return SL_OK;
        snprintf(err, errlen, "metrics store %s: %s", path, strerror(errno));
        return SL_EIO;
    }
    metrics_drop_journals(path);
    bool ok = fchmod(fd, 0640) == 0;
    int e = errno;
    close(fd);
    if (!ok) {
        snprintf(err, errlen, "metrics store %s: %s", path, strerror(e));
        return SL_EIO;
    }
    return SL_OK;
}

static bool prepare(struct metrics *m, const char *sql, struct sql_stmt **q, const char *path,
                    char *err, size_t errlen)
{
    if (sql_prepare(m->db, sql, q) == SQL_OK)
        return true;
    snprintf(err, errlen, "metrics store %s: %s", path, sql_errmsg(m->db));
    return false;
}

/* open_file - the SQLite file at path, with SQLite's own settings, here
 * and nowhere else. WAL: readers never wait for the writer; FULL: a commit
 * is on disk when it returns (one sync per batch). The journal mode stays
 * with the file. */
static enum sl_status open_file(struct metrics *m, const char *path, char *err, size_t errlen)
{
    struct stat st;
    if (m->read_only && stat(path, &st) != 0) {
        snprintf(err, errlen, "no metrics store at %s: %s", path, strerror(errno));
        return SL_EIO;
    }
    if (!m->read_only) {
        enum sl_status s = create_file(path, err, errlen);
        if (s != SL_OK)
            return s;
    }
    int flags = (m->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
    sqlite3 *lite = NULL;
    if (sqlite3_open_v2(path, &lite, flags, NULL) != SQLITE_OK ||
        sqlite3_busy_timeout(lite, BUSY_MS) != SQLITE_OK) {
        snprintf(err, errlen, "metrics store %s: %s", path,
                 lite ? sqlite3_errmsg(lite) : "cannot open");
        sqlite3_close(lite);
        return SL_EIO;
    }
    m->db = sql_wrap_sqlite(lite);
    if (m->db == NULL)
        return SL_ENOMEM;
    if (!m->read_only) {
        /* the writer keeps -wal and -shm when it closes: without them a
         * reader that may not write the folder (the dashboard) cannot open
         * a WAL file while the milter is stopped */
        int persist = 1;
        sqlite3_file_control(lite, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
        int v = store_version(m->db, path, err, errlen);
        if (v < 0)
            return v == -2 ? SL_EINVAL : SL_EIO;
        if (v == 0 && !exec_sql(m->db, "PRAGMA journal_mode=WAL", path, err, errlen))
            return SL_EIO;
        if (!exec_sql(m->db, "PRAGMA synchronous=FULL", path, err, errlen))
            return SL_EIO;
    }
    return SL_OK;
}

enum sl_status metrics_open(const char *path, bool read_only, struct metrics **out, char *err,
                            size_t errlen)
{
    *out = NULL;
    struct metrics *m = calloc(1, sizeof *m);
    if (m == NULL)
        return SL_ENOMEM;
    m->read_only = read_only;
    enum sl_status s = SL_EIO;
    if (sql_is_remote(path)) {
        m->db = sql_open_pg(path, "sluis_metrics", !read_only, read_only,
                            read_only ? "sluis-dashboard" : "sluis-milter", err, errlen);
        if (m->db == NULL)
            goto fail;
        sql_busy_timeout(m->db, BUSY_MS);
    } else if ((s = open_file(m, path, err, errlen)) != SL_OK) {
        goto fail;
    }
    s = migrate(m, path, err, errlen);
    if (s != SL_OK)
        goto fail;
    s = SL_EIO;
    if (!read_only &&
        (!prepare(m,
                  "INSERT INTO events(t, month, sender, dept, sensitive, confidence, mode, "
                  "action, intended, tag, reason, override, override_refused, incomplete, size, "
                  "scan_us, fp) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                  &m->ins_event, path, err, errlen) ||
         !prepare(m, "INSERT INTO event_rules(event, rule, category) VALUES(?,?,?)", &m->ins_rule,
                  path, err, errlen) ||
         !prepare(m,
                  "INSERT INTO event_groups(event, class, domain, action, intended, channel, n) "
                  "VALUES(?,?,?,?,?,?,?)",
                  &m->ins_group, path, err, errlen) ||
         !prepare(m,
                  "INSERT INTO senders(hash, sealed, first_month) VALUES(?,?,?) "
                  "ON CONFLICT(hash) DO UPDATE SET sealed = excluded.sealed "
                  "WHERE senders.sealed IS NULL AND excluded.sealed IS NOT NULL",
                  &m->ins_sender, path, err, errlen)))
        goto fail;
    *out = m;
    return SL_OK;
fail:
    metrics_close(m);
    return s;
}

void metrics_close(struct metrics *m)
{
    if (m == NULL)
        return;
    sql_finalize(m->ins_event);
    sql_finalize(m->ins_rule);
    sql_finalize(m->ins_group);
    sql_finalize(m->ins_sender);
    sql_close(m->db);
    free(m);
}

int metrics_schema(const struct metrics *m)
{
    return m->schema;
}

struct sql *metrics_sql(struct metrics *m)
{
    return m->db;
}

/* step - run a bound statement to its end and reset it */
static bool step(struct sql_stmt *q)
{
    int rc = sql_step(q);
    while (rc == SQL_ROW)
        rc = sql_step(q);
    sql_reset(q);
    sql_clear_bindings(q);
    return rc == SQL_DONE;
}

static bool put_one(struct metrics *m, const struct event *e, const unsigned char *sealed,
                    size_t sealed_len)
{
    struct sql_stmt *q = m->ins_event;
    int i = 1;
    sql_bind_int64(q, i++, e->time);
    sql_bind_text(q, i++, e->month, -1);
    sql_bind_text(q, i++, e->sender, -1);
    sql_bind_text(q, i++, e->dept, -1);
    sql_bind_int(q, i++, e->sensitive);
    sql_bind_int(q, i++, e->confidence);
    sql_bind_int(q, i++, e->mode);
    sql_bind_int(q, i++, e->action);
    sql_bind_int(q, i++, e->intended);
    sql_bind_int(q, i++, e->tag);
    sql_bind_int(q, i++, e->reason);
    sql_bind_int(q, i++, e->override);
    sql_bind_int(q, i++, e->override_refused);
    sql_bind_int(q, i++, e->incomplete);
    /* SQLite integers are signed 64-bit; a size past that is kept as the largest */
    sql_bind_int64(q, i++, e->size > INT64_MAX ? INT64_MAX : (int64_t)e->size);
    sql_bind_int64(q, i++, e->scan_us);
    sql_bind_text(q, i++, e->fp, -1);
    if (sql_step(q) != SQL_ROW) {
        sql_reset(q);
        sql_clear_bindings(q);
        return false;
    }
    int64_t id = sql_column_int64(q, 0);
    if (!step(q))
        return false;
    for (size_t r = 0; r < e->nrules && r < EVENT_RULES_MAX; r++) {
        sql_bind_int64(m->ins_rule, 1, id);
        sql_bind_text(m->ins_rule, 2, e->rules[r].rule, -1);
        sql_bind_text(m->ins_rule, 3, e->rules[r].category, -1);
        if (!step(m->ins_rule))
            return false;
    }
    for (size_t g = 0; g < e->ngroups && g < EVENT_GROUPS_MAX; g++) {
        const struct event_group *gr = &e->groups[g];
        q = m->ins_group;
        sql_bind_int64(q, 1, id);
        sql_bind_int(q, 2, gr->rclass);
        sql_bind_text(q, 3, gr->domain, -1);
        sql_bind_int(q, 4, gr->action);
        sql_bind_int(q, 5, gr->intended);
        sql_bind_int(q, 6, gr->channel);
        sql_bind_int64(q, 7, gr->count);
        if (!step(q))
            return false;
    }
    if (e->sender[0] != '\0') {
        q = m->ins_sender;
        sql_bind_text(q, 1, e->sender, -1);
        if (sealed != NULL && sealed_len > 0)
            sql_bind_blob(q, 2, sealed, sealed_len);
        else
            sql_bind_null(q, 2);
        sql_bind_text(q, 3, e->month, -1);
        if (!step(q))
            return false;
    }
    return true;
}

enum sl_status metrics_put(struct metrics *m, const struct event *ev, size_t n,
                           const unsigned char *const *sealed, const size_t *sealed_len, char *err,
                           size_t errlen)
{
    if (m->read_only) {
        snprintf(err, errlen, "metrics store: opened read-only");
        return SL_EINVAL;
    }
    if (n == 0)
        return SL_OK;
    if (sql_begin_append(m->db) != SQL_OK) {
        snprintf(err, errlen, "metrics store: %s", sql_errmsg(m->db));
        return SL_EIO;
    }
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++)
        ok = put_one(m, &ev[i], sealed ? sealed[i] : NULL, sealed_len ? sealed_len[i] : 0);
    if (ok && sql_commit(m->db) == SQL_OK)
        return SL_OK;
    snprintf(err, errlen, "metrics store: %s", sql_errmsg(m->db));
    /* a failed COMMIT may leave the transaction open: end it */
    sql_rollback(m->db);
    return SL_EIO;
}

enum sl_status metrics_expire(struct metrics *m, const char *first_month, uint64_t *deleted,
                              char *err, size_t errlen)
{
    static const char *const sql[] = {
        "DELETE FROM event_rules WHERE event IN (SELECT id FROM events WHERE month < ?1)",
        "DELETE FROM event_groups WHERE event IN (SELECT id FROM events WHERE month < ?1)",
        "DELETE FROM events WHERE month < ?1",
        "DELETE FROM senders WHERE hash NOT IN (SELECT sender FROM events)",
    };
    if (deleted)
        *deleted = 0;
    if (m->read_only) {
        snprintf(err, errlen, "metrics store: opened read-only");
        return SL_EINVAL;
    }
    if (sql_begin(m->db, true) != SQL_OK) {
        snprintf(err, errlen, "metrics store: %s", sql_errmsg(m->db));
        return SL_EIO;
    }
    bool ok = true;
    uint64_t gone = 0;
    for (size_t i = 0; ok && i < sizeof sql / sizeof sql[0]; i++) {
        struct sql_stmt *q = NULL;
        ok = sql_prepare(m->db, sql[i], &q) == SQL_OK;
        if (ok && i < 3)
            sql_bind_text(q, 1, first_month, -1);
        ok = ok && sql_step(q) == SQL_DONE;
        if (ok && i == 2)
            gone = (uint64_t)sql_changes(m->db);
        sql_finalize(q);
    }
    if (ok && sql_commit(m->db) == SQL_OK) {
        if (deleted)
            *deleted = gone;
        return SL_OK;
    }
    snprintf(err, errlen, "metrics store: %s", sql_errmsg(m->db));
    sql_rollback(m->db);
    return SL_EIO;
}

enum sl_status metrics_sealed(struct metrics *m, const char *hash, unsigned char *out,
                              size_t outlen, size_t *len)
{
    struct sql_stmt *q = NULL;
    enum sl_status s = SL_EIO;
    *len = 0;
    if (sql_prepare(m->db, "SELECT sealed FROM senders WHERE hash = ?", &q) != SQL_OK)
        return SL_EIO;
    sql_bind_text(q, 1, hash, -1);
    int rc = sql_step(q);
    if (rc == SQL_DONE || (rc == SQL_ROW && sql_column_type(q, 0) == SQL_NULL)) {
        s = SL_ENOENT;
    } else if (rc == SQL_ROW) {
        const void *b = sql_column_blob(q, 0);
        int n = sql_column_bytes(q, 0);
        if (n >= 0 && (size_t)n <= outlen) {
            if (n > 0)
                memcpy(out, b, (size_t)n);
            *len = (size_t)n;
            s = SL_OK;
        } else {
            s = SL_ELIMIT;
        }
    }
    sql_finalize(q);
    return s;
}
