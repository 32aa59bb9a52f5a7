/*
 * sql - the storage interface: one connection to a database, SQLite (a
 * file, the default) or PostgreSQL (a postgresql:// address, for several
 * gateways on one truth). The stores (store/metrics.c, store/figures.c,
 * portal/store.c, dashboard/db.c, dashboard/auth.c) speak only this, in
 * SQL that both engines run as it is; this file is the only one that sees
 * sqlite3 or libpq.
 *
 * The calls follow SQLite's shape (prepare, bind from 1, step, column from
 * 0, reset, finalize) so that a store reads the same on either engine.
 * What differs is settled here:
 *   - placeholders: "?" and "?N" are written as PostgreSQL's "$N";
 *   - schemas: sql_ddl() writes INTEGER as BIGINT (SQLite's integers are
 *     64 bits), BLOB as BYTEA, REAL as DOUBLE PRECISION and an INTEGER
 *     PRIMARY KEY as an identity column; PRAGMAs are SQLite's alone;
 *   - the schema version: sql_version() / sql_version_set() (SQLite's
 *     user_version, a one-row table on PostgreSQL);
 *   - a write transaction (sql_begin(db, true)): SQLite's BEGIN IMMEDIATE,
 *     on PostgreSQL a transaction holding an advisory lock of the store, so
 *     that read-modify-write sequences (code attempts, lockouts, expiry) run
 *     one at a time over every process and host, as they do on one file;
 *   - each store lives in a PostgreSQL schema of its own (sluis_metrics,
 *     sluis_portal, sluis_dashboard), so one database holds them all;
 *   - a connection that broke is made again before the next statement
 *     outside a transaction; inside one, every statement fails until the
 *     caller rolls back (nothing half-done is taken for done).
 *
 * Error texts (sql_errmsg) carry the engine's message and, for PostgreSQL,
 * its SQLSTATE, never a bound value: PostgreSQL's DETAIL lines (which can
 * quote a key) are not kept, nor the message of a data exception (class
 * 22, which quotes the value). On PostgreSQL a statement that fails inside
 * a transaction aborts the whole transaction: roll back on the first
 * failure.
 *
 * A connection and its statements belong to one thread at a time; the
 * stores serialise with their own mutexes.
 */
#ifndef SLUIS_SQL_H
#define SLUIS_SQL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* results; the values are SQLite's, so that code and logs read alike */
enum {
    SQL_OK = 0,
    SQL_ERROR = 1,
    SQL_BUSY = 5,
    SQL_LOCKED = 6,
    SQL_IOERR = 10,
    SQL_CONSTRAINT = 19,
    SQL_MISUSE = 21,
    SQL_ROW = 100,
    SQL_DONE = 101,
};

/* column types of sql_column_type */
enum { SQL_INTEGER = 1, SQL_FLOAT = 2, SQL_TEXT = 3, SQL_BLOB = 4, SQL_NULL = 5 };

enum sql_engine { SQL_SQLITE, SQL_POSTGRESQL };

struct sql;
struct sql_stmt;
struct sqlite3;

/* sql_is_remote - whether target names a PostgreSQL database
 * ("postgresql://..." or "postgres://...") rather than a file */
bool sql_is_remote(const char *target);

/* sql_wrap_sqlite - a connection over an open SQLite handle, which it then
 * owns (sql_close closes it). NULL when out of memory (db is then closed). */
struct sql *sql_wrap_sqlite(struct sqlite3 *db);

/* sql_open_pg - connect to the PostgreSQL database at url and use the
 * schema named schema (made when missing and create is set). The password
 * must not be in url: it comes from a passfile (passfile=, PGPASSFILE,
 * ~/.pgpass), which must not be readable by group or others, or from a
 * service file or the environment. read_only: every transaction of the
 * connection is read-only. app: the application_name the server shows.
 * NULL with err set (the address without a password, never data). */
struct sql *sql_open_pg(const char *url, const char *schema, bool create, bool read_only,
                        const char *app, char *err, size_t errlen);

/* sql_address_check - what sql_open_pg checks before it connects: the
 * address parses, holds no password, and names no passfile (nor
 * PGPASSFILE) that others can read. For a configuration's check: these
 * never resolve by waiting. false with err set. */
bool sql_address_check(const char *url, char *err, size_t errlen);

/* sql_store_key - the value of a configuration's "store" key, short for
 * every store of the program in one PostgreSQL database: only a
 * postgresql:// address (a file cannot hold them all); false with err set */
bool sql_store_key(const char *value, char *err, size_t errlen);

void sql_close(struct sql *db);
enum sql_engine sql_engine(const struct sql *db);
/* sql_sqlite - the SQLite handle (NULL on PostgreSQL): for PRAGMAs and the
 * file-level calls of a store's open function only */
struct sqlite3 *sql_sqlite(struct sql *db);

/* sql_exec - run statements without parameters (several, separated by
 * ";"); SQL_OK or an error (sql_errmsg) */
int sql_exec(struct sql *db, const char *text);
/* sql_ddl - sql_exec of a schema, written in SQLite's words (see above) */
int sql_ddl(struct sql *db, const char *text);
/* sql_begin - a transaction. write: one that writes, taking the store's
 * write lock (see above). Else one whose statements read one snapshot
 * (REPEATABLE READ on PostgreSQL): for reading; a write in it may fail with
 * SQL_BUSY when another process changed the same row meanwhile. */
int sql_begin(struct sql *db, bool write);
/* sql_begin_append - a transaction that only adds rows, or upserts rows
 * whose conflict the statement settles (ON CONFLICT): writers on several
 * hosts run at once, without the store's write lock (READ COMMITTED on
 * PostgreSQL; BEGIN IMMEDIATE on SQLite, whose file has one writer) */
int sql_begin_append(struct sql *db);
int sql_commit(struct sql *db);
/* sql_rollback - end a transaction without its changes; harmless when
 * none is open */
void sql_rollback(struct sql *db);
/* sql_in_transaction - whether a transaction is open */
bool sql_in_transaction(struct sql *db);

/* sql_version - the schema version (0: a new database), -1 on error */
int sql_version(struct sql *db);
int sql_version_set(struct sql *db, int version);
/* sql_table_exists - whether the store has a table of that name (-1 on error) */
int sql_table_exists(struct sql *db, const char *table);

/* sql_lock_try - take the store's lock named name for this session, if no
 * other session holds it: true when taken (the caller then runs work that
 * must not run twice at once, such as expiry, and calls sql_unlock). On
 * SQLite always true: a file has one writer at a time anyway. */
bool sql_lock_try(struct sql *db, const char *name);
void sql_unlock(struct sql *db, const char *name);

const char *sql_errmsg(struct sql *db);
int sql_errcode(struct sql *db);
/* sql_changes - rows changed by the last INSERT, UPDATE or DELETE */
int64_t sql_changes(struct sql *db);
/* sql_busy_timeout - how long a statement waits for another writer */
void sql_busy_timeout(struct sql *db, int ms);

/* statements: st is NULL after a failed prepare */
int sql_prepare(struct sql *db, const char *text, struct sql_stmt **st);
/* bound values are used as they are until the next step or reset: text
 * and blobs are not copied (SQLite's SQLITE_STATIC) */
int sql_bind_int64(struct sql_stmt *st, int i, int64_t v);
int sql_bind_int(struct sql_stmt *st, int i, int v);
int sql_bind_double(struct sql_stmt *st, int i, double v);
/* n < 0: up to the NUL */
int sql_bind_text(struct sql_stmt *st, int i, const char *s, int n);
int sql_bind_blob(struct sql_stmt *st, int i, const void *p, size_t n);
int sql_bind_null(struct sql_stmt *st, int i);
int sql_bind_count(struct sql_stmt *st);
/* sql_step - SQL_ROW (a row to read), SQL_DONE, or an error */
int sql_step(struct sql_stmt *st);
int sql_reset(struct sql_stmt *st);
void sql_clear_bindings(struct sql_stmt *st);
void sql_finalize(struct sql_stmt *st);

int sql_column_type(struct sql_stmt *st, int i);
int64_t sql_column_int64(struct sql_stmt *st, int i);
int sql_column_int(struct sql_stmt *st, int i);
double sql_column_double(struct sql_stmt *st, int i);
/* text of the column (NULL for NULL); good until the next step or reset */
const char *sql_column_text(struct sql_stmt *st, int i);
const void *sql_column_blob(struct sql_stmt *st, int i);
int sql_column_bytes(struct sql_stmt *st, int i);

#endif
