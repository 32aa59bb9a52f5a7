/*
 * db - the dashboard's database, the only one sluis-dashboard writes:
 * dashboard.db (SQLite, a file) or the schema sluis_dashboard of a
 * PostgreSQL database (a postgresql:// address, for several dashboards on
 * one truth). Its schema (dash.h) with numbered migrations, and the rows of
 * the audit log, the causes, the actions and the false-positive reports.
 * Users and sessions are auth.c's.
 *
 * SQL that both engines run as it is (store/sql.h): no "INSERT OR", no
 * date functions, "user" and "end" quoted (PostgreSQL reserves them);
 * SQLite specifics (the file's mode, PRAGMAs) only in dashdb_open. Every
 * function takes the connection and is not thread-safe on it: the app
 * serialises with dash_lock(). Errors say what failed, never a value from
 * a row.
 */
#ifndef SLUIS_DASH_DB_H
#define SLUIS_DASH_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/status.h"
#include "../store/event.h"

#define DASHDB_SCHEMA 1

struct sql;

/* dashdb_open - open and migrate the database at target: a file path
 * (dashboard.db, made 0640) or a postgresql:// address (its schema
 * sluis_dashboard, made when missing); a newer schema than DASHDB_SCHEMA
 * is refused */
enum sl_status dashdb_open(const char *target, struct sql **out, char *err, size_t errlen);
void dashdb_close(struct sql *db);
/* dashdb_schema - the database's schema version (0: none yet), -1 when it
 * cannot be read */
int dashdb_schema(struct sql *db);

/* one write transaction (sql_begin(db, true): on PostgreSQL it holds the
 * store's lock, so read-modify-write sequences run one at a time over
 * every dashboard): begin, then commit or (on any failure) rollback */
enum sl_status dashdb_begin(struct sql *db);
enum sl_status dashdb_end(struct sql *db, enum sl_status st);

#define DASH_NAME_MAX   63
#define DASH_WHAT_MAX   127
#define DASH_DETAIL_MAX 1023
#define DASH_TITLE_MAX  200
#define DASH_DEPTS_MAX  1023
#define DASH_NOTE_MAX   2000

struct dash_audit_row {
    int64_t id, t;
    char user[DASH_NAME_MAX + 1];
    char what[DASH_WHAT_MAX + 1];
    char detail[DASH_DETAIL_MAX + 1];
};

struct dash_cause {
    int64_t id, t;
    char user[DASH_NAME_MAX + 1];
    char cause[32];
    char note[DASH_NOTE_MAX + 1];
};

struct dash_action {
    int64_t id, t;
    char user[DASH_NAME_MAX + 1];
    char title[DASH_TITLE_MAX + 1];
    char depts[DASH_DEPTS_MAX + 1]; /* "A,B"; "" the whole organisation */
    char channel[32];
    char start[11], end[11]; /* "YYYY-MM-DD"; end "" open */
};

/* dashdb_digits - the value of the n decimal digits at s (the caller has
 * checked they are digits) */
int dashdb_digits(const char *s, size_t n);
/* dashdb_date_valid - "YYYY-MM-DD" of a real day */
bool dashdb_date_valid(const char *d);
/* dashdb_channel_valid - an action's channel: portal, smime, tls, external, any */
bool dashdb_channel_valid(const char *c);
/* dashdb_depts_clean - "A, B ,C" as "A,B,C": trimmed, no empty entries;
 * false when an entry is longer than a department name can be or out is
 * too small */
bool dashdb_depts_clean(const char *in, char *out, size_t outlen);

/* dashdb_audit - one audit row (user, what, detail copied; cut to their maxima) */
enum sl_status dashdb_audit(struct sql *db, int64_t t, const char *user, const char *what,
                            const char *detail);
/* dashdb_audit_list - the newest max rows, newest first (*out the caller's to free) */
enum sl_status dashdb_audit_list(struct sql *db, size_t max, struct dash_audit_row **out,
                                 size_t *n);

enum sl_status dashdb_cause_add(struct sql *db, int64_t t, const char *user, const char *cause,
                                const char *note);
/* newest first */
enum sl_status dashdb_causes(struct sql *db, struct dash_cause **out, size_t *n);

enum sl_status dashdb_action_add(struct sql *db, const struct dash_action *a);
/* by start, oldest first */
enum sl_status dashdb_actions(struct sql *db, struct dash_action **out, size_t *n);

/* dashdb_fp_report - record a report for the event with fp hash fp (its
 * month and rules): *recorded false when that fp was reported before
 * (nothing changes then) */
enum sl_status dashdb_fp_report(struct sql *db, const char *fp, const char *month,
                                const struct event_rule *rules, size_t nrules, int64_t t,
                                bool *recorded);
/* dashdb_fp_count - reports against rule in month */
uint64_t dashdb_fp_count(struct sql *db, const char *rule, const char *month);

#endif
