/*
 * metrics - the store of events (event.h): one small interface in portable
 * SQL (store/sql.h), on an SQLite file (WAL) or, for several gateways, on
 * PostgreSQL (a postgresql:// address as the path; the schema
 * sluis_metrics). SQLite-only statements (PRAGMAs) stay in the open
 * function; everything else is SQL that both run as it is (INTEGER/TEXT/
 * BLOB columns, no AUTOINCREMENT, no "INSERT OR", no date functions:
 * months are kept as "YYYY-MM" text, times as unix seconds).
 *
 * Schema (version 1; metrics_open migrates an older file forward, one
 * step per version, each in a transaction, and refuses a newer one):
 *
 *   meta(key TEXT PRIMARY KEY, value TEXT)              "schema" = "1"
 *   events(id INTEGER PRIMARY KEY, t INTEGER, month TEXT, sender TEXT, dept TEXT,
 *          sensitive INTEGER, confidence INTEGER, mode INTEGER, action INTEGER,
 *          intended INTEGER, tag INTEGER, reason INTEGER, override INTEGER,
 *          override_refused INTEGER, incomplete INTEGER, size INTEGER, scan_us INTEGER,
 *          fp TEXT)                                       index (month), (fp)
 *   event_rules(event INTEGER, rule TEXT, category TEXT)  index (event), (rule)
 *   event_groups(event INTEGER, class INTEGER, domain TEXT, action INTEGER,
 *                intended INTEGER, channel INTEGER, n INTEGER)   index (event)
 *   senders(hash TEXT PRIMARY KEY, sealed BLOB, first_month TEXT)
 *            the address sealed (pseudo.h), for a reveal with a stated reason
 *
 * One writer per gateway (the milter's writer thread; on PostgreSQL
 * several gateways write at once, each event taking its id from the
 * database); readers (the dashboard, `sluis report`) open it read-only. A
 * file is made 0640.
 */
#ifndef SLUIS_METRICS_H
#define SLUIS_METRICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/status.h"
#include "event.h"

#define METRICS_SCHEMA 1

struct metrics;

/* metrics_open - open (and, unless read_only, create or migrate) the store
 * at path. err says why on failure (the path, never data). */
enum sl_status metrics_open(const char *path, bool read_only, struct metrics **out, char *err,
                            size_t errlen);
void metrics_close(struct metrics *m);

/* metrics_put - n events in one transaction, with their senders' sealed
 * addresses (sealed[i] of sealed_len[i] bytes, NULL: none) kept once per
 * sender. All or nothing: SL_EIO (err says why) leaves none stored. */
enum sl_status metrics_put(struct metrics *m, const struct event *ev, size_t n,
                           const unsigned char *const *sealed, const size_t *sealed_len, char *err,
                           size_t errlen);

/* metrics_expire - delete events of months before first_month ("YYYY-MM"),
 * and senders seen in none of the rest; *deleted the events gone. In a
 * write transaction (sql_begin): gateways that expire at the same moment
 * take turns, and the later one finds nothing left to delete. */
enum sl_status metrics_expire(struct metrics *m, const char *first_month, uint64_t *deleted,
                              char *err, size_t errlen);

/* metrics_drop_journals - remove path's -wal and -shm: for a store file
 * that was removed or replaced under its writer (their pages are the old
 * file's). The writer keeps them between its runs (SQLITE_FCNTL_PERSIST_WAL),
 * so that read-only readers open the store while it is stopped. */
void metrics_drop_journals(const char *path);

/* metrics_schema - the file's schema version */
int metrics_schema(const struct metrics *m);

/* metrics_sql - the connection, for figures.c and the tests only */
struct sql *metrics_sql(struct metrics *m);

/* metrics_sealed - the sealed address of a sender hash (for a reveal),
 * copied into out; SL_ENOENT when unknown */
enum sl_status metrics_sealed(struct metrics *m, const char *hash, unsigned char *out,
                              size_t outlen, size_t *len);

#endif
