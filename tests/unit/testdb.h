/*
 * testdb - where a unit test keeps a store: a file by default, or, when
 * SLUIS_TEST_PG holds a PostgreSQL address (tests/lib/pg's PG_URL), that
 * database, so that one suite runs against both engines. Each call wipes
 * the store's schema there first: every test starts from nothing, as it
 * does with a new file.
 */
#ifndef SLUIS_TESTDB_H
#define SLUIS_TESTDB_H

#include <stdio.h>
#include <stdlib.h>

#include "../../store/sql.h"

/* testdb_pg - the PostgreSQL address under test, or NULL for SQLite */
static inline const char *testdb_pg(void)
{
    const char *u = getenv("SLUIS_TEST_PG");
    return u != NULL && *u != '\0' ? u : NULL;
}

/* testdb_target - path, or the PostgreSQL address with schema emptied */
static inline const char *testdb_target(const char *path, const char *schema)
{
    const char *url = testdb_pg();
    if (url == NULL)
        return path;
    char err[512], q[160];
    struct sql *db = sql_open_pg(url, "public", false, false, "sluis-test", err, sizeof err);
    if (db == NULL) {
        fprintf(stderr, "testdb: %s\n", err);
        exit(2);
    }
    snprintf(q, sizeof q, "DROP SCHEMA IF EXISTS %s CASCADE", schema);
    if (sql_exec(db, q) != SQL_OK) {
        fprintf(stderr, "testdb: %s\n", sql_errmsg(db));
        exit(2);
    }
    sql_close(db);
    return url;
}

#endif
