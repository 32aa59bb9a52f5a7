/*
 * figures-sql - the SQL statements that store/figures.c runs for a store,
 * one per line with their values bound in (sqlite3_expanded_sql), so that
 * tests/figures-pg can run the very same statements in PostgreSQL and
 * compare the rows.
 *
 * usage: figures-sql STORE MONTH DEPT FP
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "../../store/figures.h"

static int trace(unsigned type, void *ctx, void *stmt, void *x)
{
    (void)type;
    (void)ctx;
    (void)x;
    char *sql = sqlite3_expanded_sql(stmt);
    if (sql && strncmp(sql, "SELECT", 6) == 0)
        printf("%s;\n", sql);
    sqlite3_free(sql);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: figures-sql STORE MONTH DEPT FP\n");
        return 2;
    }
    struct metrics *m;
    char err[512];
    if (metrics_open(argv[1], true, &m, err, sizeof err) != SL_OK) {
        fprintf(stderr, "figures-sql: %s\n", err);
        return 1;
    }
    sqlite3_trace_v2(sql_sqlite(metrics_sql(m)), SQLITE_TRACE_STMT, trace, NULL);
    struct fig_month f;
    struct fig_point p[12];
    char months[64][8], depts[64][EVENT_DEPT_MAX + 1], month[8];
    struct event_rule rules[EVENT_RULES_MAX];
    size_t n;
    int bad = 0;
    bad |= figures_month(m, argv[2], NULL, NULL, &f, err, sizeof err) != SL_OK;
    figures_month_free(&f);
    bad |= figures_month(m, argv[2], argv[3], NULL, &f, err, sizeof err) != SL_OK;
    figures_month_free(&f);
    bad |= figures_trend(m, argv[2], 12, NULL, p, err, sizeof err) != SL_OK;
    bad |= figures_trend(m, argv[2], 12, argv[3], p, err, sizeof err) != SL_OK;
    bad |= figures_months(m, months, 64, &n) != SL_OK;
    bad |= figures_depts(m, depts, 64, &n) != SL_OK;
    bad |=
        figures_event_rules(m, argv[4], rules, EVENT_RULES_MAX, &n, month, sizeof month) != SL_OK;
    metrics_close(m);
    if (bad)
        fprintf(stderr, "figures-sql: a figure failed\n");
    return bad;
}
