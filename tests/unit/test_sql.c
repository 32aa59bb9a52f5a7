/*
 * test_sql - the storage interface (store/sql.h) on SQLite, and on
 * PostgreSQL when SLUIS_TEST_PG names one (tests/pg/run): values of every
 * kind go in and come out the same, placeholders, schemas written in
 * SQLite's words, versions, transactions, the write lock over two
 * connections, a connection that breaks, addresses with a password or a
 * passfile others can read, and error texts without the values bound.
 */
#include <pthread.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../../store/sql.h"
#include "check.h"
#include "testdb.h"

static char dir[64];

/* open_db - a connection to the test's store "sluis_sqltest", emptied
 * first when fresh */
static struct sql *open_db(bool fresh)
{
    char path[128], err[512] = "";
    snprintf(path, sizeof path, "%s/t.db", dir);
    const char *target = fresh ? testdb_target(path, "sluis_sqltest") : testdb_pg();
    if (target == NULL)
        target = path;
    if (sql_is_remote(target))
        return sql_open_pg(target, "sluis_sqltest", true, false, "test_sql", err, sizeof err);
    sqlite3 *lite = NULL;
    if (sqlite3_open(target, &lite) != SQLITE_OK)
        return NULL;
    sqlite3_busy_timeout(lite, 5000);
    return sql_wrap_sqlite(lite);
}

static int64_t count(struct sql *db, const char *text)
{
    struct sql_stmt *q = NULL;
    int64_t n = -1;
    if (sql_prepare(db, text, &q) == SQL_OK && sql_step(q) == SQL_ROW)
        n = sql_column_int64(q, 0);
    sql_finalize(q);
    return n;
}

static void test_values(void)
{
    struct sql *db = open_db(true);
    CHECK(db != NULL, "open");
    if (db == NULL)
        return;
    CHECK(sql_ddl(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER, s TEXT, b BLOB, r REAL);"
                      "CREATE TABLE u(k TEXT PRIMARY KEY, v INTEGER NOT NULL)") == SQL_OK,
          "schema in SQLite's words: %s", sql_errmsg(db));
    struct sql_stmt *q = NULL;
    const unsigned char blob[] = {0, 1, 0xff, 0, '\\', 'x', 0};
    const char text[] = "Zoë's ?-teken; \"quoted\"";
    CHECK(sql_prepare(db, "INSERT INTO t(n, s, b, r) VALUES(?, ?, ?, ?) RETURNING id", &q) ==
              SQL_OK,
          "prepare insert");
    CHECK(sql_bind_count(q) == 4, "four parameters (%d)", sql_bind_count(q));
    int64_t ids[3] = {0};
    const int64_t ns[3] = {INT64_MAX, INT64_MIN, 0};
    for (int i = 0; i < 3; i++) {
        sql_bind_int64(q, 1, ns[i]);
        sql_bind_text(q, 2, text, 10); /* not NUL-terminated at its length */
        if (i == 2) {
            sql_bind_null(q, 3);
            sql_bind_null(q, 4);
        } else {
            sql_bind_blob(q, 3, blob, sizeof blob);
            sql_bind_double(q, 4, 0.1 * (i + 1));
        }
        CHECK(sql_step(q) == SQL_ROW, "insert %d returns its id: %s", i, sql_errmsg(db));
        ids[i] = sql_column_int64(q, 0);
        CHECK(sql_step(q) == SQL_DONE, "then done");
        sql_reset(q);
    }
    sql_finalize(q);
    CHECK(ids[0] > 0 && ids[1] > ids[0] && ids[2] > ids[1], "ids from the database, rising");

    CHECK(sql_prepare(db, "SELECT n, s, b, r, length(s) FROM t WHERE id = ?1 OR id = ?1", &q) ==
              SQL_OK,
          "a numbered placeholder used twice");
    for (int i = 0; i < 3; i++) {
        sql_bind_int64(q, 1, ids[i]);
        CHECK(sql_step(q) == SQL_ROW, "row %d", i);
        CHECK(sql_column_int64(q, 0) == ns[i], "int64 %d back the same", i);
        CHECK(strcmp(sql_column_text(q, 1), "Zoë's ?-t") == 0,
              "text cut at its length (ten bytes): %s", sql_column_text(q, 1));
        CHECK(sql_column_int(q, 4) == 9, "nine characters (%d)", sql_column_int(q, 4));
        if (i < 2) {
            CHECK(sql_column_type(q, 2) == SQL_BLOB && sql_column_bytes(q, 2) == sizeof blob &&
                      memcmp(sql_column_blob(q, 2), blob, sizeof blob) == 0,
                  "blob with NULs back the same");
            CHECK(sql_column_double(q, 3) > 0.1 * (i + 1) - 1e-9 &&
                      sql_column_double(q, 3) < 0.1 * (i + 1) + 1e-9,
                  "real back the same");
        } else {
            CHECK(sql_column_type(q, 2) == SQL_NULL && sql_column_blob(q, 2) == NULL &&
                      sql_column_bytes(q, 2) == 0,
                  "NULL blob");
        }
        CHECK(sql_step(q) == SQL_DONE, "one row");
        sql_reset(q);
    }
    sql_finalize(q);

    /* a literal with a question mark is not a placeholder; a comparison's
     * truth reads as 1 or 0 on both */
    CHECK(sql_prepare(db, "SELECT '?', count(*) > 0, count(*) = 0 FROM t WHERE s = ?", &q) ==
              SQL_OK,
          "prepare");
    CHECK(sql_bind_count(q) == 1, "one parameter outside the quotes");
    sql_bind_text(q, 1, "Zoë's ?-t", -1);
    CHECK(sql_step(q) == SQL_ROW && strcmp(sql_column_text(q, 0), "?") == 0 &&
              sql_column_int(q, 1) == 1 && sql_column_int(q, 2) == 0,
          "truth values as 1 and 0");
    sql_finalize(q);

    /* changes; a constraint; and no bound value in the error text */
    CHECK(sql_exec(db, "UPDATE t SET n = 7 WHERE n IS NOT NULL") == SQL_OK && sql_changes(db) == 3,
          "three rows changed (%lld)", (long long)sql_changes(db));
    CHECK(sql_prepare(db, "INSERT INTO u(k, v) VALUES(?, 1)", &q) == SQL_OK, "prepare");
    sql_bind_text(q, 1, "123456782-geheim", -1);
    CHECK(sql_step(q) == SQL_DONE, "first insert");
    sql_reset(q);
    CHECK(sql_step(q) == SQL_CONSTRAINT, "the same key again: SQL_CONSTRAINT (%d)",
          sql_errcode(db));
    CHECK(strstr(sql_errmsg(db), "123456782") == NULL, "the value is not in the error: %s",
          sql_errmsg(db));
    sql_finalize(q);
    sql_close(db);
}

static void test_versions_and_transactions(void)
{
    struct sql *db = open_db(true);
    CHECK(db != NULL, "open");
    if (db == NULL)
        return;
    CHECK(sql_version(db) == 0, "a new store is version 0");
    CHECK(sql_table_exists(db, "x") == 0, "no table x");
    CHECK(sql_begin(db, true) == SQL_OK && sql_in_transaction(db), "write transaction");
    CHECK(sql_ddl(db, "CREATE TABLE x(a INTEGER)") == SQL_OK, "table in it");
    CHECK(sql_version_set(db, 7) == SQL_OK, "version set in it");
    sql_rollback(db);
    CHECK(!sql_in_transaction(db), "rolled back");
    CHECK(sql_version(db) == 0 && sql_table_exists(db, "x") == 0,
          "the rollback took the table and the version with it");
    CHECK(sql_begin(db, true) == SQL_OK && sql_ddl(db, "CREATE TABLE x(a INTEGER)") == SQL_OK &&
              sql_version_set(db, 7) == SQL_OK && sql_commit(db) == SQL_OK,
          "committed");
    CHECK(sql_version(db) == 7 && sql_table_exists(db, "x") == 1, "version 7, table x");
    /* a statement that fails inside a transaction: the commit does not
     * take the rest for done */
    CHECK(sql_begin(db, true) == SQL_OK, "begin");
    CHECK(sql_exec(db, "INSERT INTO x VALUES(1)") == SQL_OK, "a row");
    CHECK(sql_exec(db, "INSERT INTO nosuch VALUES(1)") != SQL_OK, "a failing statement");
    if (sql_engine(db) == SQL_POSTGRESQL)
        CHECK(sql_commit(db) != SQL_OK, "PostgreSQL: the commit of a failed transaction fails");
    else
        sql_rollback(db);
    sql_rollback(db);
    CHECK(count(db, "SELECT count(*) FROM x") == 0, "nothing of it stored");
    sql_close(db);
}

/* two connections, one holding the write lock: the other's write
 * transaction waits for it, and then sees what the first committed */
struct locker {
    struct sql *db;
    int64_t seen;
    int rc;
};

static void *second_writer(void *arg)
{
    struct locker *l = arg;
    l->rc = sql_begin(l->db, true);
    if (l->rc == SQL_OK) {
        l->seen = count(l->db, "SELECT count(*) FROM w");
        sql_exec(l->db, "INSERT INTO w VALUES(2)");
        l->rc = sql_commit(l->db);
    }
    return NULL;
}

static void test_write_lock(void)
{
    struct sql *a = open_db(true);
    CHECK(a != NULL && sql_ddl(a, "CREATE TABLE w(v INTEGER)") == SQL_OK, "table");
    struct sql *b = open_db(false);
    CHECK(b != NULL, "second connection");
    if (a == NULL || b == NULL) {
        sql_close(a);
        sql_close(b);
        return;
    }
    CHECK(sql_begin(a, true) == SQL_OK, "a holds the write lock");
    struct locker l = {b, -1, -1};
    pthread_t t;
    pthread_create(&t, NULL, second_writer, &l);
    usleep(300 * 1000);
    CHECK(sql_exec(a, "INSERT INTO w VALUES(1)") == SQL_OK && sql_commit(a) == SQL_OK, "a commits");
    pthread_join(t, NULL);
    CHECK(l.rc == SQL_OK, "b's transaction went through after a's (%d)", l.rc);
    CHECK(l.seen == 1, "b read after a's commit: it saw a's row (%lld)", (long long)l.seen);
    CHECK(count(a, "SELECT count(*) FROM w") == 2, "both rows");
    CHECK(sql_lock_try(a, "expire"), "a takes the named lock");
    CHECK(sql_engine(b) == SQL_SQLITE || !sql_lock_try(b, "expire"),
          "b does not get it while a holds it");
    sql_unlock(a, "expire");
    CHECK(sql_lock_try(b, "expire"), "b gets it after a let go");
    sql_unlock(b, "expire");
    sql_close(a);
    sql_close(b);
}

/* PostgreSQL only: the server ends a connection (a restart, a failover);
 * outside a transaction the next statement makes it again, inside one
 * every statement fails until the rollback */
static void test_broken_connection(void)
{
    struct sql *a = open_db(true), *admin = open_db(false);
    CHECK(a != NULL && admin != NULL, "two connections");
    if (a == NULL || admin == NULL) {
        sql_close(a);
        sql_close(admin);
        return;
    }
    CHECK(sql_ddl(a, "CREATE TABLE c(v INTEGER)") == SQL_OK, "table");
    const char *kill = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE application_name = 'test_sql' AND pid <> pg_backend_pid()";
    CHECK(count(admin, kill) >= 0, "the server ends a's connection");
    usleep(100 * 1000);
    CHECK(count(a, "SELECT count(*) FROM c") == 0,
          "outside a transaction a read is tried again on a new connection (%s)", sql_errmsg(a));
    CHECK(count(admin, kill) >= 0, "the server ends it again");
    usleep(100 * 1000);
    int rc = sql_exec(a, "INSERT INTO c VALUES(9)");
    CHECK(rc == SQL_IOERR, "a write is not tried again: it may have been done (%d)", rc);
    CHECK(sql_exec(a, "INSERT INTO c VALUES(1)") == SQL_OK,
          "the next statement runs on a new connection (%s)", sql_errmsg(a));
    CHECK(sql_exec(a, "DELETE FROM c WHERE v = 9") == SQL_OK, "whether 9 went in or not");
    CHECK(sql_begin(a, true) == SQL_OK && sql_exec(a, "INSERT INTO c VALUES(2)") == SQL_OK,
          "a transaction with a row");
    CHECK(count(admin, kill) >= 0, "the server ends it again, in the transaction");
    usleep(100 * 1000);
    CHECK(sql_exec(a, "INSERT INTO c VALUES(3)") == SQL_IOERR, "the next statement fails");
    CHECK(sql_exec(a, "INSERT INTO c VALUES(4)") == SQL_IOERR,
          "and the next: nothing runs outside the lost transaction");
    CHECK(sql_commit(a) != SQL_OK, "its commit fails");
    sql_rollback(a);
    CHECK(sql_exec(a, "INSERT INTO c VALUES(5)") == SQL_OK, "after the rollback it works again");
    CHECK(count(admin, "SELECT count(*) FROM c") == 2 && count(admin, "SELECT sum(v) FROM c") == 6,
          "rows 1 and 5 only: nothing of the lost transaction");
    sql_close(a);
    sql_close(admin);
}

static void test_addresses(void)
{
    char err[512] = "";
    CHECK(sql_is_remote("postgresql:///sluis") && sql_is_remote("postgres://h/db") &&
              !sql_is_remote("/var/lib/sluis/x.db") && !sql_is_remote("postgresql:"),
          "addresses and files told apart");
    struct sql *db = sql_open_pg("postgresql://sluis:Geheim123@localhost/sluis", "s", false, false,
                                 "t", err, sizeof err);
    CHECK(db == NULL && strstr(err, "password") && strstr(err, "Geheim123") == NULL,
          "a password in the address is refused, and not repeated: %s", err);
    char pass[128], url[256];
    snprintf(pass, sizeof pass, "%s/pgpass", dir);
    FILE *f = fopen(pass, "w");
    if (f) {
        fputs("*:*:*:*:Geheim123\n", f);
        fclose(f);
    }
    chmod(pass, 0644);
    snprintf(url, sizeof url, "postgresql:///sluis?host=/nonexistent&passfile=%s", pass);
    db = sql_open_pg(url, "s", false, false, "t", err, sizeof err);
    CHECK(db == NULL && strstr(err, "readable by others") && strstr(err, "Geheim123") == NULL,
          "a passfile others can read is refused: %s", err);
    chmod(pass, 0600);
    db = sql_open_pg(url, "s", false, false, "t", err, sizeof err);
    CHECK(db == NULL && strstr(err, "cannot connect") && strstr(err, "Geheim123") == NULL,
          "with the passfile 0600, the next problem is the server: %s", err);
    db = sql_open_pg("postgresql://[bad", "s", false, false, "t", err, sizeof err);
    CHECK(db == NULL && err[0], "a malformed address: %s", err);
    /* the address in a message never shows a password, however written */
    static const char *const leaky[] = {
        "postgres://:Geheim123@localhost/x",
        "postgres://u:Geheim123@localhost/x",
        "postgresql://u:Ge@heim123@localhost/x",
        "postgresql:///x?host=/nonexistent&password=Geheim123&user=u",
        "postgresql://[bad:Geheim123@",
    };
    for (size_t i = 0; i < NELEM(leaky); i++) {
        db = sql_open_pg(leaky[i], "s", false, false, "t", err, sizeof err);
        CHECK(db == NULL && strstr(err, "Geheim") == NULL && strstr(err, "heim123") == NULL,
              "address %zu: refused, no password in the message: %s", i, err);
    }
}

/* what a value that does not fit says, a NULL after a value, and the lock
 * timeout over a new connection */
static void test_pg_details(void)
{
    struct sql *db = open_db(true), *admin = open_db(false);
    CHECK(db != NULL && admin != NULL, "two connections");
    if (db == NULL || admin == NULL) {
        sql_close(db);
        sql_close(admin);
        return;
    }
    CHECK(sql_ddl(db, "CREATE TABLE d(n INTEGER)") == SQL_OK, "table");
    struct sql_stmt *q = NULL;
    CHECK(sql_prepare(db, "INSERT INTO d(n) VALUES(CAST(? AS INTEGER))", &q) == SQL_OK, "prepare");
    sql_bind_text(q, 1, "123456782-geheim", -1);
    CHECK(sql_step(q) != SQL_DONE, "text that is no number is refused");
    CHECK(strstr(sql_errmsg(db), "123456782") == NULL && strstr(sql_errmsg(db), "22") != NULL,
          "the message has the SQLSTATE, not the value: %s", sql_errmsg(db));
    sql_finalize(q);
    CHECK(sql_prepare(db, "SELECT ? IS NULL", &q) == SQL_OK, "prepare");
    sql_bind_int64(q, 1, 5);
    CHECK(sql_step(q) == SQL_ROW && sql_column_int(q, 0) == 0, "a value is not NULL");
    sql_reset(q);
    sql_bind_null(q, 1);
    CHECK(sql_step(q) == SQL_ROW && sql_column_int(q, 0) == 1,
          "NULL after a value keeps its type: %s", sql_errmsg(db));
    sql_finalize(q);
    sql_busy_timeout(db, 1234);
    CHECK(count(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                       "application_name = 'test_sql' AND pid <> pg_backend_pid()") >= 0,
          "the server ends the connection");
    usleep(100 * 1000);
    CHECK(sql_prepare(db, "SELECT current_setting('lock_timeout')", &q) == SQL_OK &&
              sql_step(q) == SQL_ROW && strcmp(sql_column_text(q, 0), "1234ms") == 0,
          "the lock timeout is set again on the new connection (%s)",
          sql_column_text(q, 0) ? sql_column_text(q, 0) : sql_errmsg(db));
    sql_finalize(q);
    sql_close(db);
    sql_close(admin);
}

/* a server that refuses connections: the first statement tries and fails,
 * the next within two seconds fails at once without trying, and after that
 * the connection is made again */
static void test_pg_reconnect_pause(void)
{
    /* the database is set from a connection to another one (a database
     * cannot refuse the session that asks) */
    char url[1024], err[512] = "", name[128] = "", q[256];
    snprintf(url, sizeof url, "%s%sdbname=postgres", testdb_pg(),
             strchr(testdb_pg(), '?') ? "&" : "?");
    struct sql *a = open_db(true),
               *admin = sql_open_pg(url, "public", false, false, "test_sql admin", err, sizeof err);
    CHECK(a != NULL && admin != NULL, "two connections: %s", err);
    if (a == NULL || admin == NULL) {
        sql_close(a);
        sql_close(admin);
        return;
    }
    struct sql_stmt *st = NULL;
    if (sql_prepare(a, "SELECT current_database()", &st) == SQL_OK && sql_step(st) == SQL_ROW)
        snprintf(name, sizeof name, "%s", sql_column_text(st, 0));
    sql_finalize(st);
    snprintf(q, sizeof q, "ALTER DATABASE \"%s\" ALLOW_CONNECTIONS false", name);
    CHECK(name[0] && sql_exec(admin, q) == SQL_OK, "the database takes no connections: %s",
          sql_errmsg(admin));
    CHECK(count(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                       "application_name = 'test_sql' AND pid <> pg_backend_pid()") >= 0,
          "a's connection ended");
    usleep(100 * 1000);
    CHECK(sql_exec(a, "SELECT 1") == SQL_IOERR, "the next statement finds it lost: %s",
          sql_errmsg(a));
    CHECK(sql_exec(a, "SELECT 1") == SQL_IOERR && strstr(sql_errmsg(a), "cannot connect"),
          "the one after tries to connect and cannot: %s", sql_errmsg(a));
    CHECK(sql_exec(a, "SELECT 1") == SQL_IOERR && strstr(sql_errmsg(a), "within 2 s"),
          "the one after that fails at once, without trying: %s", sql_errmsg(a));
    snprintf(q, sizeof q, "ALTER DATABASE \"%s\" ALLOW_CONNECTIONS true", name);
    CHECK(sql_exec(admin, q) == SQL_OK, "connections allowed again");
    sleep(2);
    usleep(100 * 1000);
    CHECK(sql_exec(a, "SELECT 1") == SQL_OK, "two seconds later it connects again: %s",
          sql_errmsg(a));
    sql_close(a);
    sql_close(admin);
}

/* several processes opening a store whose schema is not there yet */
static void *first_open(void *arg)
{
    char err[512];
    struct sql *db = sql_open_pg(testdb_pg(), "sluis_sqlrace", true, false, "t", err, sizeof err);
    *(int *)arg = db != NULL;
    if (db == NULL)
        fprintf(stderr, "first_open: %s\n", err);
    sql_close(db);
    return NULL;
}

static void test_pg_first_opens(void)
{
    testdb_target("", "sluis_sqlrace");
    pthread_t t[8];
    int ok[8] = {0};
    for (int i = 0; i < 8; i++)
        pthread_create(&t[i], NULL, first_open, &ok[i]);
    int n = 0;
    for (int i = 0; i < 8; i++) {
        pthread_join(t[i], NULL);
        n += ok[i];
    }
    CHECK(n == 8, "eight first opens at once, all of them made or found the schema (%d)", n);
    testdb_target("", "sluis_sqlrace");
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/test_sql.XXXXXX");
    if (mkdtemp(dir) == NULL)
        return 2;
    test_values();
    test_versions_and_transactions();
    test_write_lock();
    if (testdb_pg() != NULL) {
        test_broken_connection();
        test_pg_details();
        test_pg_reconnect_pause();
        for (int i = 0; i < 5; i++)
            test_pg_first_opens();
    }
    test_addresses();
    check_remove_dir(dir);
    return check_summary(testdb_pg() ? "test_sql (PostgreSQL)" : "test_sql");
}
