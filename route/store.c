/*
 * store - recipient domains' TLS records in SQLite. See store.h.
 */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../common/dbfile.h"

struct tls_store {
    sqlite3 *db;
};

static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS tls_domains (domain TEXT PRIMARY KEY, checked INTEGER NOT NULL, "
    "  hosts INTEGER NOT NULL, answered INTEGER NOT NULL, starttls INTEGER NOT NULL, "
    "  verified INTEGER NOT NULL, dane INTEGER NOT NULL, version TEXT NOT NULL, "
    "  detail TEXT NOT NULL, mx TEXT NOT NULL);"
    "PRAGMA user_version = 1;";

static enum sl_status fail(struct tls_store *s, const char *what, char *err, size_t errlen)
{
    snprintf(err, errlen, "TLS records: %s: %s", what, sqlite3_errmsg(s->db));
    return SL_EIO;
}

enum sl_status tls_store_open(const char *path, bool create, struct tls_store **out, char *err,
                              size_t errlen)
{
    *out = NULL;
    struct tls_store *s = calloc(1, sizeof *s);
    if (s == NULL)
        return SL_ENOMEM;
    enum sl_status st = dbfile_open(path, "TLS records", "no domain probed yet", create, SCHEMA, 1,
                                    &s->db, err, errlen);
    if (st != SL_OK) {
        tls_store_close(s);
        return st;
    }
    *out = s;
    return SL_OK;
}

void tls_store_close(struct tls_store *s)
{
    if (s == NULL)
        return;
    sqlite3_close(s->db);
    free(s);
}

enum sl_status tls_store_put(struct tls_store *s, const struct tls_record *r, char *err,
                             size_t errlen)
{
    sqlite3_stmt *q = NULL;
    enum sl_status st = SL_OK;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT OR REPLACE INTO tls_domains (domain, checked, hosts, answered, "
                           "starttls, verified, dane, version, detail, mx) VALUES (lower(?), ?, ?, "
                           "?, ?, ?, ?, ?, ?, ?)",
                           -1, &q, NULL) != SQLITE_OK ||
        sqlite3_bind_text(q, 1, r->domain, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_int64(q, 2, (sqlite3_int64)r->checked) != SQLITE_OK ||
        sqlite3_bind_int(q, 3, (int)r->hosts) != SQLITE_OK ||
        sqlite3_bind_int(q, 4, (int)r->answered) != SQLITE_OK ||
        sqlite3_bind_int(q, 5, r->starttls) != SQLITE_OK ||
        sqlite3_bind_int(q, 6, r->verified) != SQLITE_OK ||
        sqlite3_bind_int(q, 7, r->dane) != SQLITE_OK ||
        sqlite3_bind_text(q, 8, r->version, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_text(q, 9, r->detail, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_text(q, 10, r->mx, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_step(q) != SQLITE_DONE)
        st = fail(s, "put", err, errlen);
    sqlite3_finalize(q);
    return st;
}

/* row - the record in q's current row */
static void row(sqlite3_stmt *q, struct tls_record *r)
{
    memset(r, 0, sizeof *r);
    snprintf(r->domain, sizeof r->domain, "%s", (const char *)sqlite3_column_text(q, 0));
    r->checked = (time_t)sqlite3_column_int64(q, 1);
    r->hosts = (unsigned)sqlite3_column_int(q, 2);
    r->answered = (unsigned)sqlite3_column_int(q, 3);
    r->starttls = sqlite3_column_int(q, 4) != 0;
    r->verified = sqlite3_column_int(q, 5) != 0;
    r->dane = sqlite3_column_int(q, 6) != 0;
    snprintf(r->version, sizeof r->version, "%s", (const char *)sqlite3_column_text(q, 7));
    snprintf(r->detail, sizeof r->detail, "%s", (const char *)sqlite3_column_text(q, 8));
    snprintf(r->mx, sizeof r->mx, "%s", (const char *)sqlite3_column_text(q, 9));
}

#define COLUMNS "domain, checked, hosts, answered, starttls, verified, dane, version, detail, mx"

enum sl_status tls_store_get(struct tls_store *s, const char *domain, struct tls_record *r,
                             char *err, size_t errlen)
{
    sqlite3_stmt *q = NULL;
    enum sl_status st = SL_ENOENT;
    int rc = SQLITE_ERROR;
    if (sqlite3_prepare_v2(s->db, "SELECT " COLUMNS " FROM tls_domains WHERE domain = lower(?)", -1,
                           &q, NULL) == SQLITE_OK &&
        sqlite3_bind_text(q, 1, domain, -1, SQLITE_STATIC) == SQLITE_OK)
        rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        row(q, r);
        st = SL_OK;
    } else if (rc != SQLITE_DONE) {
        st = fail(s, "get", err, errlen);
    }
    sqlite3_finalize(q);
    return st;
}

enum sl_status tls_store_each(struct tls_store *s,
                              bool (*fn)(void *ctx, const struct tls_record *r), void *ctx,
                              char *err, size_t errlen)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT " COLUMNS " FROM tls_domains ORDER BY domain", -1, &q,
                           NULL) != SQLITE_OK)
        return fail(s, "list", err, errlen);
    int rc;
    bool go = true;
    while (go && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        struct tls_record r;
        row(q, &r);
        go = fn(ctx, &r);
    }
    enum sl_status st = go && rc != SQLITE_DONE ? fail(s, "list", err, errlen) : SL_OK;
    sqlite3_finalize(q);
    return st;
}

enum sl_status tls_store_stalest(struct tls_store *s, time_t before, char domain[256], char *err,
                                 size_t errlen)
{
    sqlite3_stmt *q = NULL;
    enum sl_status st = SL_ENOENT;
    int rc = SQLITE_ERROR;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT domain FROM tls_domains WHERE checked < ? ORDER BY checked "
                           "LIMIT 1",
                           -1, &q, NULL) == SQLITE_OK &&
        sqlite3_bind_int64(q, 1, (sqlite3_int64)before) == SQLITE_OK)
        rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        snprintf(domain, 256, "%s", (const char *)sqlite3_column_text(q, 0));
        st = SL_OK;
    } else if (rc != SQLITE_DONE) {
        st = fail(s, "stalest", err, errlen);
    }
    sqlite3_finalize(q);
    return st;
}
