/*
 * sql - the storage interface over SQLite and PostgreSQL. See sql.h.
 *
 * SQLite: every call passes through to the handle.
 *
 * PostgreSQL (libpq): a statement keeps its text with "?" rewritten as
 * "$N", and its bound values as text (numbers) or binary (blobs) with
 * their types (int8, float8, text, bytea), so that a placeholder whose type
 * the server cannot infer (a "? IS NULL") still has one. The first
 * sql_step after binding runs it (PQexecParams, text results) and reads
 * the rows from the result; each later step moves to the next row. A
 * bytea column is decoded from its hex form when it is read.
 *
 * A connection whose socket broke (the server restarted, the network
 * went) is reset before the next statement outside a transaction; the
 * schema and session settings are set again. Inside a transaction the
 * connection is marked failed until sql_rollback.
 */
#include "sql.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include <libpq-fe.h>
#include <sqlite3.h>

/* type oids of the parameters (pg_type.dat) */
#define OID_BYTEA  17
#define OID_INT8   20
#define OID_TEXT   25
#define OID_FLOAT8 701

struct sql {
    enum sql_engine engine;
    sqlite3 *lite;
    PGconn *pg;
    char schema[64];
    bool read_only;
    int busy_ms;    /* lock_timeout, set again on a new connection */
    bool tx;        /* a transaction is open (PostgreSQL) */
    bool tx_failed; /* the connection broke inside it: all fails until rollback */
    int64_t changes;
    int code;
    int64_t reset_at;    /* not before this (ms, monotonic) is a broken connection made again */
    unsigned generation; /* connections made: prepared statements die with theirs */
    unsigned prepared;   /* names given to prepared statements */
    char err[512];
};

struct param {
    unsigned oid;
    int len, format;
    const char *value;
    char num[32]; /* a number as text */
    char *copy;   /* text that was not NUL-terminated at its length */
};

struct sql_stmt {
    struct sql *db;
    sqlite3_stmt *lite;
    char *text; /* PostgreSQL: with $N */
    int nparams;
    struct param *params;
    PGresult *res;
    int row, rows;
    bool ran;
    unsigned char **blobs; /* decoded bytea of the current row, per column */
    size_t *blob_len;
    int ncols;
    unsigned runs;       /* PostgreSQL: times run; prepared on the second */
    char name[16];       /* the prepared statement's name, "" none */
    unsigned generation; /* of the connection it was prepared on */
    unsigned *oids;      /* the parameter types it was prepared with */
};

bool sql_is_remote(const char *target)
{
    return target != NULL &&
           (strncmp(target, "postgresql://", 13) == 0 || strncmp(target, "postgres://", 11) == 0);
}

struct sql *sql_wrap_sqlite(struct sqlite3 *lite)
{
    struct sql *db = calloc(1, sizeof *db);
    if (db == NULL) {
        sqlite3_close(lite);
        return NULL;
    }
    db->engine = SQL_SQLITE;
    db->lite = lite;
    return db;
}

enum sql_engine sql_engine(const struct sql *db)
{
    return db->engine;
}

struct sqlite3 *sql_sqlite(struct sql *db)
{
    return db->lite;
}

/* ---- PostgreSQL: errors and the connection */

/* how long after a failed attempt a broken connection is not tried again */
#define RESET_MS 2000

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* one_line - libpq's messages on one line, for a log: a line break with
 * the indent after it becomes "; " (a bare one " "), trailing space goes.
 * In place: what is written never passes what was read. */
static void one_line(char *s)
{
    char *o = s;
    for (const char *p = s; *p;) {
        if (*p != '\n') {
            *o++ = *p++;
            continue;
        }
        const char *from = p;
        while (isspace((unsigned char)*p))
            p++;
        if (*p == '\0')
            break;
        if (p - from >= 2)
            *o++ = ';';
        *o++ = ' ';
    }
    *o = '\0';
    while (o > s && isspace((unsigned char)o[-1]))
        *--o = '\0';
}

static void pg_fail(struct sql *db, int code, const char *what)
{
    db->code = code;
    snprintf(db->err, sizeof db->err, "%s", what);
    one_line(db->err);
}

/* pg_result_fail - the error of a result: SQLSTATE and the primary
 * message only (the DETAIL may quote a key) */
static int pg_result_fail(struct sql *db, const PGresult *res)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    int code = SQL_ERROR;
    /* no answer from the server; a connection error; the server shutting down */
    bool gone = state == NULL || PQstatus(db->pg) == CONNECTION_BAD ||
                strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0;
    if (gone)
        code = SQL_IOERR;
    else if (strncmp(state, "23", 2) == 0)
        code = SQL_CONSTRAINT;
    else if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
             strcmp(state, "55P03") == 0 || strcmp(state, "57014") == 0)
        code = SQL_BUSY; /* serialisation, deadlock, lock or statement timeout */
    char text[480];
    if (state != NULL && strncmp(state, "22", 2) == 0)
        /* data exceptions quote the value that did not fit */
        snprintf(text, sizeof text, "PostgreSQL %s: a value the column does not take", state);
    else if (msg != NULL)
        snprintf(text, sizeof text, "PostgreSQL %s: %s", state ? state : "", msg);
    else
        snprintf(text, sizeof text, "PostgreSQL: %s",
                 PQstatus(db->pg) == CONNECTION_BAD ? "the connection is lost"
                                                    : PQerrorMessage(db->pg));
    pg_fail(db, code, text);
    if (code == SQL_IOERR && db->tx)
        db->tx_failed = true;
    return code;
}

/* pg_command - run one statement without parameters */
static int pg_command(struct sql *db, const char *text)
{
    PGresult *res = PQexec(db->pg, text);
    ExecStatusType s = PQresultStatus(res);
    int rc = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK ? SQL_OK : pg_result_fail(db, res);
    if (rc == SQL_OK && s == PGRES_COMMAND_OK) {
        const char *n = PQcmdTuples(res);
        db->changes = *n ? strtoll(n, NULL, 10) : 0;
    }
    PQclear(res);
    return rc;
}

/* pg_session - what every connection sets: the store's schema, quiet
 * notices, UTC, read-only when asked */
static int pg_session(struct sql *db, bool create)
{
    char q[320];
    if (pg_command(db, "SET client_min_messages TO warning") != SQL_OK)
        return db->code;
    if (create) {
        /* only when missing: a role that may not create schemas can still
         * use one made for it */
        const char *v[1] = {db->schema};
        PGresult *res = PQexecParams(db->pg, "SELECT 1 FROM pg_namespace WHERE nspname = $1", 1,
                                     NULL, v, NULL, NULL, 0);
        if (PQresultStatus(res) != PGRES_TUPLES_OK) {
            int rc = pg_result_fail(db, res);
            PQclear(res);
            return rc;
        }
        bool have = PQntuples(res) > 0;
        PQclear(res);
        snprintf(q, sizeof q, "CREATE SCHEMA IF NOT EXISTS %s", db->schema);
        /* two processes making it at once: one of them gets a unique
         * violation (23505) for the schema's name, which the other made */
        if (!have && pg_command(db, q) != SQL_OK && db->code != SQL_CONSTRAINT)
            return db->code;
    }
    snprintf(q, sizeof q,
             "SET search_path TO %s; SET TIME ZONE 'UTC'; SET default_transaction_read_only TO %s;"
             "SET lock_timeout = %d",
             db->schema, db->read_only ? "on" : "off", db->busy_ms);
    return pg_command(db, q);
}

/* pg_ready - the connection, made again when it broke outside a
 * transaction */
static int pg_ready(struct sql *db)
{
    if (db->tx_failed) {
        pg_fail(db, SQL_IOERR, "PostgreSQL: the connection was lost in a transaction");
        return SQL_IOERR;
    }
    if (PQstatus(db->pg) == CONNECTION_OK)
        return SQL_OK;
    if (db->tx) {
        db->tx_failed = true;
        pg_fail(db, SQL_IOERR, "PostgreSQL: the connection was lost in a transaction");
        return SQL_IOERR;
    }
    /* a server that did not answer a moment ago is not asked again at once:
     * a connection attempt may take connect_timeout, and the callers wait
     * on it one after another */
    if (now_ms() < db->reset_at) {
        pg_fail(db, SQL_IOERR, "PostgreSQL: cannot connect (tried again within 2 s)");
        return SQL_IOERR;
    }
    PQreset(db->pg);
    db->generation++;
    if (PQstatus(db->pg) != CONNECTION_OK) {
        char text[400];
        snprintf(text, sizeof text, "PostgreSQL: cannot connect: %s", PQerrorMessage(db->pg));
        pg_fail(db, SQL_IOERR, text);
        db->reset_at = now_ms() + RESET_MS;
        return SQL_IOERR;
    }
    db->reset_at = 0;
    return pg_session(db, false);
}

/* retry_safe - whether text may run again after its connection broke
 * under it: a read, outside a transaction (a write may have been done
 * before the answer was lost) */
static bool retry_safe(const struct sql *db, const char *text)
{
    while (isspace((unsigned char)*text))
        text++;
    return !db->tx && strncasecmp(text, "SELECT", 6) == 0;
}

/* lost - whether a failed statement failed because its connection broke
 * (outside a transaction: inside one, tx_failed says so) */
static bool lost(const struct sql *db)
{
    return !db->tx && PQstatus(db->pg) == CONNECTION_BAD;
}

/* passfile_safe - refuse a passfile others can read (libpq would only
 * warn and ignore it, and the connection would then fail for a reason
 * that is hard to see) */
static bool passfile_safe(const char *path, char *err, size_t errlen)
{
    struct stat st;
    if (path == NULL || *path == '\0' || stat(path, &st) != 0)
        return true; /* none, or libpq says it cannot read it */
    if (st.st_mode & 077) {
        snprintf(err, errlen, "PostgreSQL passfile %s: readable by others (chmod 0600 it)", path);
        return false;
    }
    return true;
}

static void quiet_notice(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

/* url_shown - the address for messages, cut short, without a password:
 * none of the user part after its first ':' (up to the last '@' before the
 * host), and no value of a password= parameter (the parameter stays,
 * empty) */
static void url_shown(const char *url, char *out, size_t outlen)
{
    snprintf(out, outlen, "%.160s", url);
    char *user = strstr(out, "://");
    if (user != NULL) {
        user += 3;
        size_t hostpart = strcspn(user, "/?");
        char *at = NULL;
        for (char *p = user; p < user + hostpart; p++)
            if (*p == '@')
                at = p;
        char *colon = at ? memchr(user, ':', (size_t)(at - user)) : NULL;
        if (colon != NULL)
            memmove(colon, at, strlen(at) + 1);
    }
    /* the value taken out: the text only shrinks */
    for (char *p = out; (p = strstr(p, "password=")) != NULL;) {
        p += 9;
        size_t n = strcspn(p, "&");
        memmove(p, p + n, strlen(p + n) + 1);
    }
}

bool sql_address_check(const char *url, char *err, size_t errlen)
{
    char shown[200];
    url_shown(url, shown, sizeof shown);
    char *perr = NULL;
    PQconninfoOption *opts = PQconninfoParse(url, &perr);
    if (opts == NULL) {
        snprintf(err, errlen, "store %s: %s", shown, perr ? perr : "not a PostgreSQL address");
        size_t n = strlen(err);
        while (n > 0 && isspace((unsigned char)err[n - 1]))
            err[--n] = '\0';
        PQfreemem(perr);
        return false;
    }
    bool ok = true;
    const char *passfile = getenv("PGPASSFILE");
    for (PQconninfoOption *o = opts; o->keyword != NULL; o++) {
        if (strcmp(o->keyword, "password") == 0 && o->val != NULL && *o->val != '\0') {
            snprintf(err, errlen,
                     "store %s: a password in the address; put it in a passfile (0600) instead",
                     shown);
            ok = false;
        }
        if (strcmp(o->keyword, "passfile") == 0 && o->val != NULL && *o->val != '\0')
            passfile = o->val;
    }
    if (ok)
        ok = passfile_safe(passfile, err, errlen);
    PQconninfoFree(opts);
    return ok;
}

bool sql_store_key(const char *value, char *err, size_t errlen)
{
    if (!sql_is_remote(value)) {
        snprintf(err, errlen,
                 "store: '%.100s' is not a postgresql:// address (for SQLite files, name each "
                 "store's file)",
                 value);
        return false;
    }
    return true;
}

struct sql *sql_open_pg(const char *url, const char *schema, bool create, bool read_only,
                        const char *app, char *err, size_t errlen)
{
    char shown[200];
    url_shown(url, shown, sizeof shown);
    if (!sql_address_check(url, err, errlen))
        return NULL;

    struct sql *db = calloc(1, sizeof *db);
    if (db == NULL) {
        snprintf(err, errlen, "store %s: out of memory", shown);
        return NULL;
    }
    db->engine = SQL_POSTGRESQL;
    db->read_only = read_only;
    db->busy_ms = 5000; /* a write lock held longer than this is an error, as on SQLite */
    snprintf(db->schema, sizeof db->schema, "%s", schema);
    /* later keywords win: the address may set its own timeout */
    const char *keys[] = {"connect_timeout", "application_name", "dbname", NULL};
    const char *vals[] = {"10", app ? app : "sluis", url, NULL};
    db->pg = PQconnectdbParams(keys, vals, 1);
    /* the server's notices (a connection ended by an administrator, a
     * schema that exists already) are not for standard error: a failure
     * that matters comes back as an error of the statement */
    if (db->pg != NULL)
        PQsetNoticeProcessor(db->pg, quiet_notice, NULL);
    if (db->pg == NULL || PQstatus(db->pg) != CONNECTION_OK) {
        snprintf(err, errlen, "store %s: cannot connect: %s", shown,
                 db->pg ? PQerrorMessage(db->pg) : "out of memory");
        one_line(err);
        sql_close(db);
        return NULL;
    }
    if (pg_session(db, create) != SQL_OK) {
        snprintf(err, errlen, "store %s: %s", shown, db->err);
        sql_close(db);
        return NULL;
    }
    return db;
}

void sql_close(struct sql *db)
{
    if (db == NULL)
        return;
    if (db->lite)
        sqlite3_close(db->lite);
    if (db->pg)
        PQfinish(db->pg);
    free(db);
}

/* ---- statements without parameters, transactions, versions */

int sql_exec(struct sql *db, const char *text)
{
    if (db->engine == SQL_SQLITE) {
        db->code = sqlite3_exec(db->lite, text, NULL, NULL, NULL);
        return db->code;
    }
    int rc = pg_ready(db);
    return rc == SQL_OK ? pg_command(db, text) : rc;
}

/* word_at - whether w starts at p as a whole word */
static bool word_at(const char *start, const char *p, const char *w)
{
    size_t n = strlen(w);
    return strncmp(p, w, n) == 0 &&
           (p == start || !(isalnum((unsigned char)p[-1]) || p[-1] == '_')) &&
           !(isalnum((unsigned char)p[n]) || p[n] == '_');
}

/* ddl_pg - a schema in SQLite's words as PostgreSQL's; NULL when out of
 * memory */
static char *ddl_pg(const char *text)
{
    static const struct {
        const char *from, *to;
    } words[] = {
        {"INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
        {"INTEGER", "BIGINT"},
        {"BLOB", "BYTEA"},
        {"REAL", "DOUBLE PRECISION"},
    };
    size_t cap = strlen(text) * 4 + 1; /* REAL grows the most: 4 to 16 */
    char *out = malloc(cap), *o = out;
    if (out == NULL)
        return NULL;
    bool quoted = false;
    for (const char *p = text; *p;) {
        if (!quoted && p[0] == '-' && p[1] == '-') { /* a comment, to its line's end */
            size_t n = strcspn(p, "\n");
            memcpy(o, p, n);
            o += n;
            p += n;
            continue;
        }
        if (*p == '\'')
            quoted = !quoted;
        size_t k = 0;
        while (!quoted && k < sizeof words / sizeof words[0] && !word_at(text, p, words[k].from))
            k++;
        if (!quoted && k < sizeof words / sizeof words[0]) {
            o += sprintf(o, "%s", words[k].to);
            p += strlen(words[k].from);
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return out;
}

int sql_ddl(struct sql *db, const char *text)
{
    if (db->engine == SQL_SQLITE)
        return sql_exec(db, text);
    char *t = ddl_pg(text);
    if (t == NULL) {
        pg_fail(db, SQL_ERROR, "out of memory");
        return SQL_ERROR;
    }
    int rc = sql_exec(db, t);
    free(t);
    return rc;
}

/* lock_key - a 64-bit key for PostgreSQL's advisory locks: FNV-1a of the
 * schema and the lock's name */
static int64_t lock_key(const struct sql *db, const char *name)
{
    uint64_t h = 14695981039346656037u;
    for (const char *p = db->schema; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211u;
    h = (h ^ '/') * 1099511628211u;
    for (const char *p = name; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211u;
    return (int64_t)h;
}

/* begin - a transaction: locked (the store's write lock), a snapshot
 * (REPEATABLE READ) or neither (READ COMMITTED) */
static int begin(struct sql *db, bool locked, bool snapshot)
{
    if (db->engine == SQL_SQLITE)
        return sql_exec(db, snapshot ? "BEGIN" : "BEGIN IMMEDIATE");
    int rc = pg_ready(db);
    if (rc != SQL_OK)
        return rc;
    /* a reader's statements see one snapshot; a writer's see what others
     * committed before it took the lock. A BEGIN whose connection broke
     * under it did nothing: once more, on a new connection. */
    const char *text = snapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ" : "BEGIN";
    if (pg_command(db, text) != SQL_OK &&
        (!lost(db) || pg_ready(db) != SQL_OK || pg_command(db, text) != SQL_OK))
        return db->code;
    db->tx = true;
    if (locked) {
        char q[96];
        snprintf(q, sizeof q, "SELECT pg_advisory_xact_lock(%" PRId64 ")", lock_key(db, "write"));
        if (pg_command(db, q) != SQL_OK) {
            int code = db->code;
            char keep[sizeof db->err];
            memcpy(keep, db->err, sizeof keep);
            sql_rollback(db);
            db->code = code;
            memcpy(db->err, keep, sizeof keep);
            return code;
        }
    }
    return SQL_OK;
}

int sql_begin(struct sql *db, bool write)
{
    return begin(db, write, !write);
}

int sql_begin_append(struct sql *db)
{
    return begin(db, false, false);
}

int sql_commit(struct sql *db)
{
    if (db->engine == SQL_SQLITE)
        return sql_exec(db, "COMMIT");
    if (db->tx_failed) {
        pg_fail(db, SQL_IOERR, "PostgreSQL: the connection was lost in a transaction");
        return SQL_IOERR;
    }
    PGresult *res = PQexec(db->pg, "COMMIT");
    /* a COMMIT of a failed transaction answers ROLLBACK, not an error */
    int rc =
        PQresultStatus(res) == PGRES_COMMAND_OK && strcmp(PQcmdStatus(res), "COMMIT") == 0 ? SQL_OK
        : PQresultStatus(res) == PGRES_COMMAND_OK
            ? (pg_fail(db, SQL_ERROR, "PostgreSQL: the transaction was rolled back"), SQL_ERROR)
            : pg_result_fail(db, res);
    PQclear(res);
    db->tx = false;
    db->tx_failed = false;
    return rc;
}

void sql_rollback(struct sql *db)
{
    if (db->engine == SQL_SQLITE) {
        if (!sqlite3_get_autocommit(db->lite))
            sqlite3_exec(db->lite, "ROLLBACK", NULL, NULL, NULL);
        return;
    }
    if (PQstatus(db->pg) == CONNECTION_OK && PQtransactionStatus(db->pg) != PQTRANS_IDLE)
        PQclear(PQexec(db->pg, "ROLLBACK"));
    db->tx = false;
    db->tx_failed = false;
}

bool sql_in_transaction(struct sql *db)
{
    if (db->engine == SQL_SQLITE)
        return !sqlite3_get_autocommit(db->lite);
    return db->tx;
}

int sql_version(struct sql *db)
{
    struct sql_stmt *q = NULL;
    int v = -1;
    if (db->engine == SQL_SQLITE) {
        if (sql_prepare(db, "PRAGMA user_version", &q) == SQL_OK && sql_step(q) == SQL_ROW)
            v = sql_column_int(q, 0);
        sql_finalize(q);
        return v;
    }
    int t = sql_table_exists(db, "schema_version");
    if (t <= 0)
        return t; /* 0: a new store; -1: an error */
    if (sql_prepare(db, "SELECT version FROM schema_version", &q) == SQL_OK) {
        int rc = sql_step(q);
        v = rc == SQL_ROW ? sql_column_int(q, 0) : rc == SQL_DONE ? 0 : -1;
    }
    sql_finalize(q);
    return v;
}

int sql_version_set(struct sql *db, int version)
{
    char q[160];
    if (db->engine == SQL_SQLITE) {
        snprintf(q, sizeof q, "PRAGMA user_version=%d", version);
        return sql_exec(db, q);
    }
    snprintf(q, sizeof q,
             "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL);"
             "DELETE FROM schema_version; INSERT INTO schema_version VALUES(%d)",
             version);
    return sql_exec(db, q);
}

int sql_table_exists(struct sql *db, const char *table)
{
    struct sql_stmt *q = NULL;
    int r = -1;
    const char *text = db->engine == SQL_SQLITE
                           ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
                           : "SELECT count(*) FROM pg_tables WHERE schemaname = "
                             "current_schema() AND tablename = ?";
    if (sql_prepare(db, text, &q) == SQL_OK && sql_bind_text(q, 1, table, -1) == SQL_OK &&
        sql_step(q) == SQL_ROW)
        r = sql_column_int(q, 0) > 0;
    sql_finalize(q);
    return r;
}

bool sql_lock_try(struct sql *db, const char *name)
{
    if (db->engine == SQL_SQLITE)
        return true;
    if (pg_ready(db) != SQL_OK)
        return false;
    char q[96];
    snprintf(q, sizeof q, "SELECT pg_try_advisory_lock(%" PRId64 ")", lock_key(db, name));
    PGresult *res = PQexec(db->pg, q);
    bool got = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 &&
               strcmp(PQgetvalue(res, 0, 0), "t") == 0;
    if (PQresultStatus(res) != PGRES_TUPLES_OK)
        pg_result_fail(db, res);
    PQclear(res);
    return got;
}

void sql_unlock(struct sql *db, const char *name)
{
    if (db->engine == SQL_SQLITE || PQstatus(db->pg) != CONNECTION_OK)
        return; /* a lost connection let go of it */
    char q[96];
    snprintf(q, sizeof q, "SELECT pg_advisory_unlock(%" PRId64 ")", lock_key(db, name));
    PQclear(PQexec(db->pg, q));
}

const char *sql_errmsg(struct sql *db)
{
    return db->engine == SQL_SQLITE ? sqlite3_errmsg(db->lite) : db->err;
}

int sql_errcode(struct sql *db)
{
    return db->engine == SQL_SQLITE ? sqlite3_errcode(db->lite) & 0xff : db->code;
}

int64_t sql_changes(struct sql *db)
{
    return db->engine == SQL_SQLITE ? sqlite3_changes(db->lite) : db->changes;
}

void sql_busy_timeout(struct sql *db, int ms)
{
    if (db->engine == SQL_SQLITE) {
        sqlite3_busy_timeout(db->lite, ms);
        return;
    }
    db->busy_ms = ms < 0 ? 0 : ms;
    char q[64];
    snprintf(q, sizeof q, "SET lock_timeout = %d", db->busy_ms);
    if (pg_ready(db) == SQL_OK)
        pg_command(db, q);
}

/* ---- statements */

/* placeholders - text with "?" and "?N" as "$N" (not inside quotes);
 * *n the number of parameters */
static char *placeholders(const char *text, int *n)
{
    size_t marks = 0;
    for (const char *p = text; *p; p++)
        marks += *p == '?';
    /* "?" grows to "$" and up to ten digits */
    char *out = malloc(strlen(text) + 10 * marks + 1), *o = out;
    if (out == NULL)
        return NULL;
    int next = 0, max = 0;
    char quote = 0;
    for (const char *p = text; *p; p++) {
        if (quote) {
            if (*p == quote)
                quote = 0;
            *o++ = *p;
        } else if (*p == '\'' || *p == '"') {
            quote = *p;
            *o++ = *p;
        } else if (*p == '?') {
            int k;
            if (isdigit((unsigned char)p[1])) {
                k = (int)strtol(p + 1, (char **)&p, 10);
                p--;
            } else {
                k = ++next;
            }
            if (k > next)
                next = k;
            if (k > max)
                max = k;
            o += sprintf(o, "$%d", k);
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    *n = max;
    return out;
}

int sql_prepare(struct sql *db, const char *text, struct sql_stmt **out)
{
    *out = NULL;
    struct sql_stmt *st = calloc(1, sizeof *st);
    if (st == NULL)
        return SQL_ERROR;
    st->db = db;
    if (db->engine == SQL_SQLITE) {
        int rc = sqlite3_prepare_v2(db->lite, text, -1, &st->lite, NULL);
        if (rc != SQLITE_OK) {
            free(st);
            return rc;
        }
        *out = st;
        return SQL_OK;
    }
    st->text = placeholders(text, &st->nparams);
    st->params = calloc((size_t)st->nparams + 1, sizeof *st->params);
    if (st->text == NULL || st->params == NULL) {
        sql_finalize(st);
        pg_fail(db, SQL_ERROR, "out of memory");
        return SQL_ERROR;
    }
    *out = st;
    return SQL_OK;
}

static void drop_result(struct sql_stmt *st)
{
    for (int i = 0; st->blobs && i < st->ncols; i++) {
        PQfreemem(st->blobs[i]);
        st->blobs[i] = NULL;
    }
    PQclear(st->res);
    st->res = NULL;
    st->ran = false;
    st->row = st->rows = 0;
}

/* param - the parameter i (from 1), its old value let go */
static struct param *param(struct sql_stmt *st, int i)
{
    if (i < 1 || i > st->nparams)
        return NULL;
    if (st->ran)
        drop_result(st);
    struct param *p = &st->params[i - 1];
    free(p->copy);
    memset(p, 0, sizeof *p);
    return p;
}

int sql_bind_int64(struct sql_stmt *st, int i, int64_t v)
{
    if (st->lite)
        return sqlite3_bind_int64(st->lite, i, v);
    struct param *p = param(st, i);
    if (p == NULL)
        return SQL_MISUSE;
    snprintf(p->num, sizeof p->num, "%" PRId64, v);
    p->oid = OID_INT8;
    p->value = p->num;
    return SQL_OK;
}

int sql_bind_int(struct sql_stmt *st, int i, int v)
{
    return sql_bind_int64(st, i, v);
}

int sql_bind_double(struct sql_stmt *st, int i, double v)
{
    if (st->lite)
        return sqlite3_bind_double(st->lite, i, v);
    struct param *p = param(st, i);
    if (p == NULL)
        return SQL_MISUSE;
    snprintf(p->num, sizeof p->num, "%.17g", v);
    p->oid = OID_FLOAT8;
    p->value = p->num;
    return SQL_OK;
}

int sql_bind_text(struct sql_stmt *st, int i, const char *s, int n)
{
    if (st->lite)
        return sqlite3_bind_text(st->lite, i, s, n, SQLITE_STATIC);
    if (s == NULL)
        return sql_bind_null(st, i);
    struct param *p = param(st, i);
    if (p == NULL)
        return SQL_MISUSE;
    p->oid = OID_TEXT;
    if (n >= 0 && memchr(s, '\0', (size_t)n) == NULL) {
        p->copy = malloc((size_t)n + 1);
        if (p->copy == NULL)
            return SQL_ERROR;
        memcpy(p->copy, s, (size_t)n);
        p->copy[n] = '\0';
        p->value = p->copy;
    } else {
        p->value = s;
    }
    return SQL_OK;
}

int sql_bind_blob(struct sql_stmt *st, int i, const void *v, size_t n)
{
    if (st->lite)
        return sqlite3_bind_blob64(st->lite, i, v, n, SQLITE_STATIC);
    struct param *p = param(st, i);
    if (p == NULL)
        return SQL_MISUSE;
    if (n > INT32_MAX)
        return SQL_ERROR;
    p->oid = OID_BYTEA;
    p->value = n > 0 ? v : "";
    p->len = (int)n;
    p->format = 1;
    return SQL_OK;
}

int sql_bind_null(struct sql_stmt *st, int i)
{
    if (st->lite)
        return sqlite3_bind_null(st->lite, i);
    /* the type the parameter had, so that "? IS NULL" has one after a value
     * was bound; a parameter never bound leaves it to the server */
    unsigned oid = i >= 1 && i <= st->nparams ? st->params[i - 1].oid : 0;
    struct param *p = param(st, i);
    if (p == NULL)
        return SQL_MISUSE;
    p->oid = oid;
    return SQL_OK;
}

int sql_bind_count(struct sql_stmt *st)
{
    return st->lite ? sqlite3_bind_parameter_count(st->lite) : st->nparams;
}

static int pg_run_once(struct sql_stmt *st);

/* prepared - whether st runs as a prepared statement: one that runs a
 * second time is prepared (parsed and planned once) on the server with
 * the parameter types it has then; a run with other types (a NULL has
 * any) runs unprepared. A statement run once is never prepared, so
 * nothing is left on the server for it. */
static bool prepared(struct sql_stmt *st, const unsigned *oids)
{
    struct sql *db = st->db;
    int n = st->nparams;
    if (st->name[0] != '\0' && st->generation == db->generation) {
        for (int i = 0; i < n; i++)
            if (oids[i] != 0 && oids[i] != st->oids[i])
                return false;
        return true;
    }
    if (st->runs == 0 || db->tx_failed)
        return false;
    if (st->oids == NULL && (st->oids = calloc((size_t)n + 1, sizeof *st->oids)) == NULL)
        return false;
    char name[16];
    snprintf(name, sizeof name, "s%u", ++db->prepared);
    PGresult *res = PQprepare(db->pg, name, st->text, n, oids);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    if (!ok)
        return false; /* a failed transaction, say: the plain way says why */
    memcpy(st->name, name, sizeof name);
    memcpy(st->oids, oids, (size_t)n * sizeof *oids);
    st->generation = db->generation;
    return true;
}

/* pg_run - run the statement with its parameters; a read whose connection
 * broke under it once more, on a new one */
static int pg_run(struct sql_stmt *st)
{
    int rc = pg_run_once(st);
    if (rc == SQL_IOERR && lost(st->db) && retry_safe(st->db, st->text))
        rc = pg_run_once(st);
    return rc;
}

static int pg_run_once(struct sql_stmt *st)
{
    struct sql *db = st->db;
    int rc = pg_ready(db);
    if (rc != SQL_OK)
        return rc;
    int n = st->nparams;
    unsigned oids[n + 1];
    const char *values[n + 1];
    int lens[n + 1], formats[n + 1];
    for (int i = 0; i < n; i++) {
        oids[i] = st->params[i].oid;
        values[i] = st->params[i].value;
        lens[i] = st->params[i].len;
        formats[i] = st->params[i].format;
    }
    if (prepared(st, oids))
        st->res = PQexecPrepared(db->pg, st->name, n, values, lens, formats, 0);
    else
        st->res = PQexecParams(db->pg, st->text, n, oids, values, lens, formats, 0);
    st->runs++;
    ExecStatusType s = PQresultStatus(st->res);
    if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
        rc = pg_result_fail(db, st->res);
        PQclear(st->res);
        st->res = NULL;
        return rc;
    }
    st->ran = true;
    st->row = -1;
    st->rows = PQntuples(st->res);
    if (s == PGRES_COMMAND_OK) {
        const char *c = PQcmdTuples(st->res);
        db->changes = *c ? strtoll(c, NULL, 10) : 0;
    }
    int cols = PQnfields(st->res);
    if (cols > st->ncols) {
        unsigned char **b = realloc(st->blobs, (size_t)cols * sizeof *b);
        size_t *l = b ? realloc(st->blob_len, (size_t)cols * sizeof *l) : NULL;
        if (b)
            st->blobs = b;
        if (l == NULL) {
            pg_fail(db, SQL_ERROR, "out of memory");
            return SQL_ERROR;
        }
        st->blob_len = l;
        for (int i = st->ncols; i < cols; i++)
            st->blobs[i] = NULL;
        st->ncols = cols;
    }
    return SQL_OK;
}

int sql_step(struct sql_stmt *st)
{
    if (st->lite)
        return sqlite3_step(st->lite);
    if (!st->ran) {
        int rc = pg_run(st);
        if (rc != SQL_OK)
            return rc;
    }
    for (int i = 0; i < st->ncols; i++) {
        PQfreemem(st->blobs[i]);
        st->blobs[i] = NULL;
    }
    if (st->row + 1 >= st->rows) {
        st->row = st->rows;
        return SQL_DONE;
    }
    st->row++;
    return SQL_ROW;
}

int sql_reset(struct sql_stmt *st)
{
    if (st->lite)
        return sqlite3_reset(st->lite);
    drop_result(st);
    return SQL_OK;
}

void sql_clear_bindings(struct sql_stmt *st)
{
    if (st->lite) {
        sqlite3_clear_bindings(st->lite);
        return;
    }
    for (int i = 1; i <= st->nparams; i++)
        param(st, i);
}

void sql_finalize(struct sql_stmt *st)
{
    if (st == NULL)
        return;
    if (st->lite) {
        sqlite3_finalize(st->lite);
    } else {
        drop_result(st);
        /* the server's copy goes with it (a connection made since has none) */
        struct sql *db = st->db;
        if (st->name[0] != '\0' && st->generation == db->generation &&
            PQstatus(db->pg) == CONNECTION_OK && PQtransactionStatus(db->pg) != PQTRANS_INERROR) {
            char q[32];
            snprintf(q, sizeof q, "DEALLOCATE %s", st->name);
            PQclear(PQexec(db->pg, q));
        }
        free(st->oids);
        for (int i = 0; i < st->nparams; i++)
            free(st->params[i].copy);
        free(st->params);
        free(st->blobs);
        free(st->blob_len);
        free(st->text);
    }
    free(st);
}

/* cell - the current row's value of column i, NULL for NULL or no row */
static const char *cell(struct sql_stmt *st, int i)
{
    if (st->res == NULL || st->row < 0 || st->row >= st->rows || i < 0 || i >= st->ncols ||
        PQgetisnull(st->res, st->row, i))
        return NULL;
    return PQgetvalue(st->res, st->row, i);
}

int sql_column_type(struct sql_stmt *st, int i)
{
    if (st->lite)
        return sqlite3_column_type(st->lite, i);
    if (cell(st, i) == NULL)
        return SQL_NULL;
    switch (PQftype(st->res, i)) {
    case OID_BYTEA:
        return SQL_BLOB;
    case 20: /* int8 */
    case 21: /* int2 */
    case 23: /* int4 */
    case 16: /* bool */
        return SQL_INTEGER;
    case 700: /* float4 */
    case OID_FLOAT8:
    case 1700: /* numeric */
        return SQL_FLOAT;
    default:
        return SQL_TEXT;
    }
}

int64_t sql_column_int64(struct sql_stmt *st, int i)
{
    if (st->lite)
        return sqlite3_column_int64(st->lite, i);
    const char *v = cell(st, i);
    if (v == NULL)
        return 0;
    if (PQftype(st->res, i) == 16) /* bool: t or f */
        return *v == 't';
    return strtoll(v, NULL, 10);
}

int sql_column_int(struct sql_stmt *st, int i)
{
    return (int)sql_column_int64(st, i);
}

double sql_column_double(struct sql_stmt *st, int i)
{
    if (st->lite)
        return sqlite3_column_double(st->lite, i);
    const char *v = cell(st, i);
    return v ? strtod(v, NULL) : 0.0;
}

const char *sql_column_text(struct sql_stmt *st, int i)
{
    if (st->lite)
        return (const char *)sqlite3_column_text(st->lite, i);
    return cell(st, i);
}

/* decoded - the bytea of column i, decoded once per row */
static const unsigned char *decoded(struct sql_stmt *st, int i, size_t *len)
{
    const char *v = cell(st, i);
    *len = 0;
    if (v == NULL)
        return NULL;
    if (PQftype(st->res, i) != OID_BYTEA) {
        *len = (size_t)PQgetlength(st->res, st->row, i);
        return (const unsigned char *)v;
    }
    if (st->blobs[i] == NULL)
        st->blobs[i] = PQunescapeBytea((const unsigned char *)v, &st->blob_len[i]);
    *len = st->blobs[i] ? st->blob_len[i] : 0;
    return st->blobs[i];
}

const void *sql_column_blob(struct sql_stmt *st, int i)
{
    if (st->lite)
        return sqlite3_column_blob(st->lite, i);
    size_t len;
    return decoded(st, i, &len);
}

int sql_column_bytes(struct sql_stmt *st, int i)
{
    if (st->lite)
        return sqlite3_column_bytes(st->lite, i);
    size_t len;
    decoded(st, i, &len);
    return (int)len;
}
