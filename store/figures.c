/*
 * figures - the figures of a month and the trend, read from the metrics
 * store. See figures.h for what each figure means.
 *
 * One function, outcome(), gives a message its outcome; every count is made
 * from it, so the month page, the trend, the per-department table, the
 * sender list and `sluis report` cannot disagree. Its input is one row per
 * event with aggregates over the event's recipient groups, read by one
 * query (EVENTS_SQL).
 *
 * The SQL is portable (SELECT, LEFT JOIN, GROUP BY, CASE, SUM/MIN/MAX/COUNT,
 * a subquery with an alias, plain "?" parameters): PostgreSQL runs it as it
 * is. What decides which entries a list shows (the 25 domains and rules,
 * the 50 senders) and in which order is sorted here, in C, on byte order,
 * so that both backends give the same lists whatever their collation.
 * Percentiles are exact (nearest rank over every scan time of the month),
 * not estimated.
 *
 * Decisions where the header is silent (see also the report in figures.h):
 *   - "first protected external group": the store keeps no order of a
 *     message's groups, so the channel of a protected message is the
 *     lowest of its external groups' channels (S/MIME, TLS, portal,
 *     external portal: the policy's default order of preference); a group
 *     that names no channel but was given a protecting action counts with
 *     that action's channel.
 *   - an unprotected message is by_override when its unsafe tag was
 *     honoured; else by_monitor or by_warn when one of its plain external
 *     groups was meant to be protected (intended is not pass) and the mode
 *     is monitor or warn; else other (nothing would have protected it: the
 *     confidence was under the threshold).
 *   - sender labels rank the senders listed (unprotected >= 1, before the
 *     cut at 50) of one month and department by pseudo_label_key(): the
 *     labels run 1..k per department, whatever the department filter.
 *   - with a department filter, depts holds that department only (when it
 *     has events).
 *
 * Thread safety: one caller at a time per metrics handle (as metrics.h).
 * Memory: a struct fig_month owns its arrays; figures_month_free() frees
 * them.
 */
#include "figures.h"

#include "sql.h"
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cli/json.h"
#include "../common/buf.h"
#include "../policy/policy.h"
#include "../policy/tags.h"
#include "pseudo.h"

/* the SQL below writes these values as literals */
_Static_assert(EVENT_INTERNAL == 0 && EVENT_PARTNER == 1 && EVENT_ORG == 2, "event_class");
_Static_assert(EVENT_CH_NONE == 0 && EVENT_CH_SMIME == 1 && EVENT_CH_TLS == 2, "event_channel");
_Static_assert(ACTION_PASS == 0 && ACTION_SMIME == 1 && ACTION_TLS == 2 && ACTION_PORTAL == 3,
               "enum action");
_Static_assert(FIG_REASONS == REASON_OTHER + 1, "FIG_REASONS");
_Static_assert(FIG_CHANNELS == EVENT_CH_EXTERNAL_PORTAL + 1, "FIG_CHANNELS");

#define FIG_DOMAINS_MAX 25
#define FIG_RULES_MAX   25
#define FIG_SENDERS_MAX 50

/* one event with what its groups say (EVENTS_SQL's columns in order) */
#define EVENTS_COLS                                                                                \
    "SELECT e.month, e.dept, e.sender, e.sensitive, e.mode, e.action, e.reason, e.override, "      \
    "e.override_refused, e.incomplete, e.scan_us, e.size, "                                        \
    "SUM(CASE WHEN g.class <> 0 THEN 1 ELSE 0 END), "                                              \
    "SUM(CASE WHEN g.class <> 0 AND g.action = 0 THEN 1 ELSE 0 END), "                             \
    "SUM(CASE WHEN g.class <> 0 AND g.action = 0 AND g.intended <> 0 THEN 1 ELSE 0 END), "         \
    "MIN(CASE WHEN g.class <> 0 AND g.channel <> 0 THEN g.channel END), "                          \
    "MIN(CASE WHEN g.class <> 0 AND g.action IN (1, 2, 3) THEN g.action END) "                     \
    "FROM events e LEFT JOIN event_groups g ON g.event = e.id "
#define EVENTS_GROUP                                                                               \
    " GROUP BY e.id, e.month, e.dept, e.sender, e.sensitive, e.mode, e.action, e.reason, "         \
    "e.override, e.override_refused, e.incomplete, e.scan_us, e.size"

struct ev_row {
    const char *month, *dept, *sender; /* borrowed from the statement's row */
    bool sensitive, override, refused, incomplete;
    int mode, action, reason;
    uint32_t scan_us;
    uint64_t size;
    int64_t ext, ext_pass, ext_pass_meant;
    int channel; /* lowest external channel, 0 none */
    int paction; /* lowest protecting external action, 0 none */
};

enum outcome {
    OUT_NONE, /* not an external sensitive message */
    OUT_PROTECTED,
    OUT_UNPROTECTED,
    OUT_HELD,
    OUT_REJECTED,
    OUT_TEMPFAIL,
};

static const char *col_text(struct sql_stmt *q, int i)
{
    const char *s = sql_column_text(q, i);
    return s ? s : "";
}

static void read_row(struct sql_stmt *q, struct ev_row *r)
{
    r->month = col_text(q, 0);
    r->dept = col_text(q, 1);
    r->sender = col_text(q, 2);
    r->sensitive = sql_column_int64(q, 3) != 0;
    r->mode = (int)sql_column_int64(q, 4);
    r->action = (int)sql_column_int64(q, 5);
    r->reason = (int)sql_column_int64(q, 6);
    r->override = sql_column_int64(q, 7) != 0;
    r->refused = sql_column_int64(q, 8) != 0;
    r->incomplete = sql_column_int64(q, 9) != 0;
    int64_t us = sql_column_int64(q, 10);
    r->scan_us = us < 0 ? 0 : us > UINT32_MAX ? UINT32_MAX : (uint32_t)us;
    int64_t size = sql_column_int64(q, 11);
    r->size = size < 0 ? 0 : (uint64_t)size;
    r->ext = sql_column_int64(q, 12);
    r->ext_pass = sql_column_int64(q, 13);
    r->ext_pass_meant = sql_column_int64(q, 14);
    r->channel = sql_column_type(q, 15) == SQL_NULL ? 0 : (int)sql_column_int64(q, 15);
    r->paction = sql_column_type(q, 16) == SQL_NULL ? 0 : (int)sql_column_int64(q, 16);
}

/* outcome - the one outcome of a message (figures.h) */
static enum outcome outcome(const struct ev_row *r)
{
    if (r->ext == 0 || !r->sensitive)
        return OUT_NONE;
    if (r->action == ACTION_HOLD)
        return OUT_HELD;
    if (r->action == ACTION_REJECT)
        return OUT_REJECTED;
    if (r->action == ACTION_TEMPFAIL)
        return OUT_TEMPFAIL;
    if (r->ext_pass > 0)
        return OUT_UNPROTECTED;
    return OUT_PROTECTED;
}

/* protected_channel - the channel a protected message is counted under */
static int protected_channel(const struct ev_row *r)
{
    if (r->channel > EVENT_CH_NONE && r->channel < FIG_CHANNELS)
        return r->channel;
    switch (r->paction) {
    case ACTION_SMIME:
        return EVENT_CH_SMIME;
    case ACTION_TLS:
        return EVENT_CH_TLS;
    case ACTION_PORTAL:
        return EVENT_CH_PORTAL;
    }
    return EVENT_CH_NONE; /* a record that names no channel: counted as protected only */
}

/* count - one event into c; its outcome */
static enum outcome count(struct fig_counts *c, const struct ev_row *r)
{
    c->outgoing++;
    if (r->ext == 0)
        return OUT_NONE;
    c->external++;
    if (r->incomplete)
        c->incomplete++;
    if (r->refused)
        c->override_refused++;
    enum outcome o = outcome(r);
    if (o == OUT_NONE)
        return o;
    c->sensitive++;
    switch (o) {
    case OUT_NONE:
        break;
    case OUT_HELD:
        c->held++;
        break;
    case OUT_REJECTED:
        c->rejected++;
        break;
    case OUT_TEMPFAIL:
        c->tempfail++;
        break;
    case OUT_PROTECTED:
        c->protected_++;
        c->channel[protected_channel(r)]++;
        break;
    case OUT_UNPROTECTED:
        c->unprotected++;
        if (r->override) {
            c->by_override++;
            c->override_reason[r->reason >= 0 && r->reason < FIG_REASONS ? r->reason
                                                                         : REASON_OTHER]++;
        } else if (r->ext_pass_meant > 0 && r->mode == MODE_MONITOR) {
            c->by_monitor++;
        } else if (r->ext_pass_meant > 0 && r->mode == MODE_WARN) {
            c->by_warn++;
        } else {
            c->by_other++;
        }
        break;
    }
    return o;
}

double fig_share(const struct fig_counts *c)
{
    return c->sensitive ? (double)c->protected_ / (double)c->sensitive : 0.0;
}

/* ---- arguments */

static bool month_valid(const char *m)
{
    if (m == NULL || strlen(m) != 7 || m[4] != '-')
        return false;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (m[i] < '0' || m[i] > '9'))
            return false;
    int mon = (m[5] - '0') * 10 + (m[6] - '0');
    return mon >= 1 && mon <= 12 && memcmp(m, "0000", 4) != 0;
}

/* month_step - the month delta months after m (negative: before) */
static void month_step(const char *m, int delta, char out[8])
{
    int y = (m[0] - '0') * 1000 + (m[1] - '0') * 100 + (m[2] - '0') * 10 + (m[3] - '0');
    int mon = (m[5] - '0') * 10 + (m[6] - '0');
    int k = y * 12 + (mon - 1) + delta;
    if (k < 0)
        k = 0;
    snprintf(out, 8, "%04d-%02d", (k / 12) % 10000, k % 12 + 1);
}

static void set_err(char *err, size_t errlen, const char *what)
{
    if (err && errlen)
        snprintf(err, errlen, "%s", what);
}

static enum sl_status sql_fail(struct sql *db, char *err, size_t errlen)
{
    if (err && errlen)
        snprintf(err, errlen, "metrics store: %s", sql_errmsg(db));
    return SL_EIO;
}

/* prepare - sql with the month (or months) and the department bound */
static enum sl_status prepare(struct sql *db, const char *sql, const char *const *args,
                              size_t nargs, struct sql_stmt **q, char *err, size_t errlen)
{
    if (sql_prepare(db, sql, q) != SQL_OK)
        return sql_fail(db, err, errlen);
    for (size_t i = 0; i < nargs; i++)
        if (sql_bind_text(*q, (int)i + 1, args[i], -1) != SQL_OK) {
            sql_finalize(*q);
            *q = NULL;
            return sql_fail(db, err, errlen);
        }
    return SL_OK;
}

/* ---- the month */

struct month_ctx {
    struct fig_month *f;
    size_t depts_cap;
    uint32_t *times;
    size_t ntimes, times_cap;
    size_t senders_cap;
    /* the sender being summed (rows come ordered by sender, dept) */
    char cur_sender[EVENT_HASH_LEN + 1];
    char cur_dept[EVENT_DEPT_MAX + 1];
    bool have_cur;
    uint64_t cur_sensitive, cur_unprotected;
};

static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* grow - arr (n used of *cap) with room for one more element of size
 * bytes: first elements, then twice as many; NULL when out of memory (arr
 * and *cap as they were) */
static void *grow(void *arr, size_t *cap, size_t n, size_t size, size_t first)
{
    if (n < *cap)
        return arr;
    size_t c = *cap ? *cap * 2 : first;
    void *p = realloc(arr, c * size);
    if (p != NULL)
        *cap = c;
    return p;
}

/* rows - step q to its end, each row filled by fill into a new zeroed
 * element (of size bytes) of *items, *n of them; q is finalised */
static enum sl_status rows(struct sql *db, struct sql_stmt *q, size_t size,
                           void (*fill)(struct sql_stmt *q, void *item), void **items, size_t *n,
                           char *err, size_t errlen)
{
    size_t cap = 0;
    enum sl_status st = SL_OK;
    int rc;
    while ((rc = sql_step(q)) == SQL_ROW) {
        char *a = grow(*items, &cap, *n, size, 32);
        if (a == NULL) {
            sql_finalize(q);
            set_err(err, errlen, "out of memory");
            return SL_ENOMEM;
        }
        *items = a;
        memset(a + *n * size, 0, size);
        fill(q, a + (*n)++ * size);
    }
    if (rc != SQL_DONE)
        st = sql_fail(db, err, errlen);
    sql_finalize(q);
    return st;
}

static struct fig_dept *dept_of(struct month_ctx *c, const char *dept)
{
    struct fig_month *f = c->f;
    for (size_t i = 0; i < f->ndepts; i++)
        if (strncmp(f->depts[i].dept, dept, EVENT_DEPT_MAX) == 0)
            return &f->depts[i];
    struct fig_dept *d = grow(f->depts, &c->depts_cap, f->ndepts, sizeof *d, 8);
    if (d == NULL)
        return NULL;
    f->depts = d;
    d = &f->depts[f->ndepts++];
    memset(d, 0, sizeof *d);
    copy_str(d->dept, sizeof d->dept, dept);
    return d;
}

/* sender_close - the sender summed so far into the list, when listed */
static bool sender_close(struct month_ctx *c)
{
    if (!c->have_cur || c->cur_unprotected == 0) {
        c->have_cur = false;
        return true;
    }
    c->have_cur = false;
    struct fig_month *f = c->f;
    struct fig_sender *s = grow(f->senders, &c->senders_cap, f->nsenders, sizeof *s, 16);
    if (s == NULL)
        return false;
    f->senders = s;
    s = &f->senders[f->nsenders++];
    memset(s, 0, sizeof *s);
    copy_str(s->hash, sizeof s->hash, c->cur_sender);
    copy_str(s->dept, sizeof s->dept, c->cur_dept);
    s->sensitive = c->cur_sensitive;
    s->unprotected = c->cur_unprotected;
    return true;
}

static bool month_row(struct month_ctx *c, const struct ev_row *r)
{
    struct fig_dept *d = dept_of(c, r->dept);
    if (d == NULL)
        return false;
    enum outcome o = count(&c->f->all, r);
    count(&d->c, r);
    uint32_t *t = grow(c->times, &c->times_cap, c->ntimes, sizeof *t, 1024);
    if (t == NULL)
        return false;
    c->times = t;
    c->times[c->ntimes++] = r->scan_us;
    c->f->timing.bytes += r->size;
    if (c->have_cur && (strncmp(c->cur_sender, r->sender, EVENT_HASH_LEN) != 0 ||
                        strncmp(c->cur_dept, r->dept, EVENT_DEPT_MAX) != 0))
        if (!sender_close(c))
            return false;
    if (o == OUT_NONE)
        return true;
    if (!c->have_cur) {
        copy_str(c->cur_sender, sizeof c->cur_sender, r->sender);
        copy_str(c->cur_dept, sizeof c->cur_dept, r->dept);
        c->have_cur = true;
        c->cur_sensitive = c->cur_unprotected = 0;
    }
    c->cur_sensitive++;
    if (o == OUT_UNPROTECTED)
        c->cur_unprotected++;
    return true;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* nearest rank: the smallest value with at least p% of the values at or below it */
static uint32_t percentile(const uint32_t *v, size_t n, unsigned p)
{
    if (n == 0)
        return 0;
    size_t rank = (size_t)(((uint64_t)n * p + 99) / 100);
    if (rank < 1)
        rank = 1;
    return v[rank - 1];
}

static int cmp_dept(const void *a, const void *b)
{
    return strcmp(((const struct fig_dept *)a)->dept, ((const struct fig_dept *)b)->dept);
}

static int cmp_domain(const void *a, const void *b)
{
    const struct fig_domain *x = a, *y = b;
    if (x->unverified != y->unverified)
        return x->unverified > y->unverified ? -1 : 1;
    if (x->messages != y->messages)
        return x->messages > y->messages ? -1 : 1;
    return strcmp(x->domain, y->domain);
}

static int cmp_rule(const void *a, const void *b)
{
    const struct fig_rule *x = a, *y = b;
    if (x->fired != y->fired)
        return x->fired > y->fired ? -1 : 1;
    return strcmp(x->rule, y->rule);
}

/* a sender with its label key, for ranking within a department */
struct ranked {
    struct fig_sender *s;
    char key[EVENT_HASH_LEN + 1];
};

static int cmp_ranked(const void *a, const void *b)
{
    const struct ranked *x = a, *y = b;
    int d = strcmp(x->s->dept, y->s->dept);
    if (d)
        return d;
    d = strcmp(x->key, y->key);
    return d ? d : strcmp(x->s->hash, y->s->hash);
}

static int cmp_sender(const void *a, const void *b)
{
    const struct fig_sender *x = a, *y = b;
    if (x->unprotected != y->unprotected)
        return x->unprotected > y->unprotected ? -1 : 1;
    if (x->sensitive != y->sensitive)
        return x->sensitive > y->sensitive ? -1 : 1;
    int d = strcmp(x->dept, y->dept);
    if (d)
        return d;
    if (x->label != y->label)
        return x->label < y->label ? -1 : 1;
    return strcmp(x->hash, y->hash);
}

/* label_senders - labels 1..k per department in pseudo_label_key order
 * (0 without a key), then the list in its order, cut at FIG_SENDERS_MAX */
static bool label_senders(struct fig_month *f, const struct pseudo_key *key)
{
    if (f->nsenders == 0)
        return true;
    if (key) {
        struct ranked *r = calloc(f->nsenders, sizeof *r);
        if (r == NULL)
            return false;
        for (size_t i = 0; i < f->nsenders; i++) {
            r[i].s = &f->senders[i];
            pseudo_label_key(key, f->month, f->senders[i].dept, f->senders[i].hash, r[i].key);
        }
        qsort(r, f->nsenders, sizeof *r, cmp_ranked);
        unsigned n = 0;
        for (size_t i = 0; i < f->nsenders; i++) {
            n = (i > 0 && strcmp(r[i].s->dept, r[i - 1].s->dept) == 0) ? n + 1 : 1;
            r[i].s->label = n;
        }
        free(r);
    }
    qsort(f->senders, f->nsenders, sizeof *f->senders, cmp_sender);
    if (f->nsenders > FIG_SENDERS_MAX)
        f->nsenders = FIG_SENDERS_MAX;
    return true;
}

#define WHERE_MONTH      "WHERE e.month = ?"
#define WHERE_MONTH_DEPT "WHERE e.month = ? AND e.dept = ?"

static enum sl_status month_events(struct sql *db, const char *const *args, size_t nargs,
                                   struct month_ctx *c, char *err, size_t errlen)
{
    static const char *const sql[2] = {
        EVENTS_COLS WHERE_MONTH EVENTS_GROUP " ORDER BY e.sender, e.dept",
        EVENTS_COLS WHERE_MONTH_DEPT EVENTS_GROUP " ORDER BY e.sender, e.dept",
    };
    struct sql_stmt *q;
    enum sl_status st = prepare(db, sql[nargs - 1], args, nargs, &q, err, errlen);
    if (st != SL_OK)
        return st;
    int rc;
    while ((rc = sql_step(q)) == SQL_ROW) {
        struct ev_row r;
        read_row(q, &r);
        if (!month_row(c, &r)) {
            sql_finalize(q);
            set_err(err, errlen, "out of memory");
            return SL_ENOMEM;
        }
    }
    if (rc != SQL_DONE)
        st = sql_fail(db, err, errlen);
    sql_finalize(q);
    if (st == SL_OK && !sender_close(c)) {
        set_err(err, errlen, "out of memory");
        return SL_ENOMEM;
    }
    return st;
}

static void fill_domain(struct sql_stmt *q, void *item)
{
    struct fig_domain *d = item;
    copy_str(d->domain, sizeof d->domain, col_text(q, 0));
    d->messages = (uint64_t)sql_column_int64(q, 1);
    d->unverified = (uint64_t)sql_column_int64(q, 2);
    d->unprotected = (uint64_t)sql_column_int64(q, 3);
}

static void fill_rule(struct sql_stmt *q, void *item)
{
    struct fig_rule *r = item;
    copy_str(r->rule, sizeof r->rule, col_text(q, 0));
    copy_str(r->category, sizeof r->category, col_text(q, 1));
    r->fired = (uint64_t)sql_column_int64(q, 2);
}

/* month_domains - per organisation domain: its sensitive messages, those
 * not over a verified channel (S/MIME, TLS) and those sent plain */
static enum sl_status month_domains(struct sql *db, const char *const *args, size_t nargs,
                                    struct fig_month *f, char *err, size_t errlen)
{
#define DOMAINS_INNER                                                                              \
    "SELECT g.domain AS domain, g.event AS event, "                                                \
    "MAX(CASE WHEN g.channel IN (1, 2) THEN 1 ELSE 0 END) AS verified, "                           \
    "MAX(CASE WHEN g.action = 0 THEN 1 ELSE 0 END) AS plain "                                      \
    "FROM event_groups g JOIN events e ON e.id = g.event "
#define DOMAINS_FILTER      " AND e.sensitive <> 0 AND g.class IN (1, 2) AND g.domain <> ''"
#define DOMAINS_OUTER_BEGIN "SELECT d.domain, COUNT(*), SUM(1 - d.verified), SUM(d.plain) FROM ("
#define DOMAINS_OUTER_END                                                                          \
    " GROUP BY g.domain, g.event) d GROUP BY d.domain HAVING SUM(1 - d.verified) > 0"
    static const char *const sql[2] = {
        DOMAINS_OUTER_BEGIN DOMAINS_INNER WHERE_MONTH DOMAINS_FILTER DOMAINS_OUTER_END,
        DOMAINS_OUTER_BEGIN DOMAINS_INNER WHERE_MONTH_DEPT DOMAINS_FILTER DOMAINS_OUTER_END,
    };
    struct sql_stmt *q;
    enum sl_status st = prepare(db, sql[nargs - 1], args, nargs, &q, err, errlen);
    if (st != SL_OK)
        return st;
    void *items = NULL;
    st = rows(db, q, sizeof *f->domains, fill_domain, &items, &f->ndomains, err, errlen);
    f->domains = items;
    if (st == SL_OK && f->domains && f->ndomains) {
        qsort(f->domains, f->ndomains, sizeof *f->domains, cmp_domain);
        if (f->ndomains > FIG_DOMAINS_MAX)
            f->ndomains = FIG_DOMAINS_MAX;
    }
    return st;
}

/* month_rules - events per rule id */
static enum sl_status month_rules(struct sql *db, const char *const *args, size_t nargs,
                                  struct fig_month *f, char *err, size_t errlen)
{
#define RULES_BEGIN                                                                                \
    "SELECT r.rule, MIN(r.category), COUNT(DISTINCT r.event) "                                     \
    "FROM event_rules r JOIN events e ON e.id = r.event "
    static const char *const sql[2] = {
        RULES_BEGIN WHERE_MONTH " GROUP BY r.rule",
        RULES_BEGIN WHERE_MONTH_DEPT " GROUP BY r.rule",
    };
    struct sql_stmt *q;
    enum sl_status st = prepare(db, sql[nargs - 1], args, nargs, &q, err, errlen);
    if (st != SL_OK)
        return st;
    void *items = NULL;
    st = rows(db, q, sizeof *f->rules, fill_rule, &items, &f->nrules, err, errlen);
    f->rules = items;
    if (st == SL_OK && f->rules && f->nrules) {
        qsort(f->rules, f->nrules, sizeof *f->rules, cmp_rule);
        if (f->nrules > FIG_RULES_MAX)
            f->nrules = FIG_RULES_MAX;
    }
    return st;
}

/* snapshot_begin, snapshot_end - the queries of one call read one state of
 * the store (a writer may add events meanwhile); nothing is written */
static bool snapshot_begin(struct sql *db)
{
    if (sql_in_transaction(db))
        return false; /* the caller's transaction already gives one */
    return sql_begin(db, false) == SQL_OK;
}

static void snapshot_end(struct sql *db, bool began)
{
    if (began)
        sql_commit(db);
}

static enum sl_status check_args(struct metrics *m, const char *month, const char *dept, char *err,
                                 size_t errlen)
{
    if (m == NULL || metrics_sql(m) == NULL) {
        set_err(err, errlen, "no metrics store");
        return SL_EINVAL;
    }
    if (!month_valid(month)) {
        set_err(err, errlen, "a month is written YYYY-MM (01 to 12)");
        return SL_EINVAL;
    }
    if (dept && strlen(dept) > EVENT_DEPT_MAX) {
        set_err(err, errlen, "department name too long");
        return SL_EINVAL;
    }
    return SL_OK;
}

enum sl_status figures_month(struct metrics *m, const char *month, const char *dept,
                             const struct pseudo_key *key, struct fig_month *out, char *err,
                             size_t errlen)
{
    memset(out, 0, sizeof *out);
    enum sl_status st = check_args(m, month, dept, err, errlen);
    if (st != SL_OK)
        return st;
    if (dept == NULL)
        dept = "";
    copy_str(out->month, sizeof out->month, month);
    copy_str(out->dept, sizeof out->dept, dept);
    const char *args[2] = {out->month, out->dept};
    size_t nargs = dept[0] ? 2 : 1;

    struct sql *db = metrics_sql(m);
    bool began = snapshot_begin(db);
    struct month_ctx c = {.f = out};
    st = month_events(db, args, nargs, &c, err, errlen);
    if (st == SL_OK)
        st = month_domains(db, args, nargs, out, err, errlen);
    if (st == SL_OK)
        st = month_rules(db, args, nargs, out, err, errlen);
    snapshot_end(db, began);
    if (st == SL_OK) {
        if (c.ntimes)
            qsort(c.times, c.ntimes, sizeof *c.times, cmp_u32);
        out->timing.n = c.ntimes;
        out->timing.p50_us = percentile(c.times, c.ntimes, 50);
        out->timing.p95_us = percentile(c.times, c.ntimes, 95);
        out->timing.p99_us = percentile(c.times, c.ntimes, 99);
        out->timing.max_us = c.ntimes ? c.times[c.ntimes - 1] : 0;
        if (out->ndepts)
            qsort(out->depts, out->ndepts, sizeof *out->depts, cmp_dept);
        if (!label_senders(out, key)) {
            set_err(err, errlen, "out of memory");
            st = SL_ENOMEM;
        }
    }
    free(c.times);
    if (st != SL_OK) {
        char month_copy[8];
        memcpy(month_copy, out->month, sizeof month_copy);
        figures_month_free(out);
        memcpy(out->month, month_copy, sizeof month_copy);
    }
    return st;
}

void figures_month_free(struct fig_month *f)
{
    if (f == NULL)
        return;
    free(f->depts);
    free(f->domains);
    free(f->rules);
    free(f->senders);
    memset(f, 0, sizeof *f);
}

/* ---- the trend, months, departments, rules of an event */

enum sl_status figures_trend(struct metrics *m, const char *last, unsigned n, const char *dept,
                             struct fig_point *out, char *err, size_t errlen)
{
    enum sl_status st = check_args(m, last, dept, err, errlen);
    if (st != SL_OK)
        return st;
    if (n == 0 || n > 1200) {
        set_err(err, errlen, "a trend has 1 to 1200 months");
        return SL_EINVAL;
    }
    if (dept == NULL)
        dept = "";
    memset(out, 0, n * sizeof *out);
    for (unsigned i = 0; i < n; i++)
        month_step(last, (int)i - (int)(n - 1), out[i].month);
    static const char *const sql[2] = {
        EVENTS_COLS "WHERE e.month >= ? AND e.month <= ?" EVENTS_GROUP,
        EVENTS_COLS "WHERE e.month >= ? AND e.month <= ? AND e.dept = ?" EVENTS_GROUP,
    };
    const char *args[3] = {out[0].month, out[n - 1].month, dept};
    size_t nargs = dept[0] ? 3 : 2;
    struct sql *db = metrics_sql(m);
    struct sql_stmt *q;
    st = prepare(db, sql[nargs - 2], args, nargs, &q, err, errlen);
    if (st != SL_OK)
        return st;
    int rc;
    while ((rc = sql_step(q)) == SQL_ROW) {
        struct ev_row r;
        read_row(q, &r);
        /* months are consecutive: the index is the distance from the first */
        for (unsigned i = 0; i < n; i++)
            if (strcmp(out[i].month, r.month) == 0) {
                count(&out[i].c, &r);
                break;
            }
    }
    if (rc != SQL_DONE)
        st = sql_fail(db, err, errlen);
    sql_finalize(q);
    return st;
}

enum sl_status figures_months(struct metrics *m, char (*out)[8], size_t cap, size_t *n)
{
    *n = 0;
    if (m == NULL || metrics_sql(m) == NULL)
        return SL_EINVAL;
    struct sql *db = metrics_sql(m);
    struct sql_stmt *q;
    if (sql_prepare(db, "SELECT DISTINCT month FROM events ORDER BY month DESC", &q) != SQL_OK)
        return SL_EIO;
    int rc;
    while ((rc = sql_step(q)) == SQL_ROW) {
        const char *mo = col_text(q, 0);
        if (!month_valid(mo))
            continue; /* not written by metrics_put: not shown */
        if (*n < cap)
            copy_str(out[(*n)++], 8, mo);
    }
    sql_finalize(q);
    return rc == SQL_DONE ? SL_OK : SL_EIO;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

enum sl_status figures_depts(struct metrics *m, char (*out)[EVENT_DEPT_MAX + 1], size_t cap,
                             size_t *n)
{
    *n = 0;
    if (m == NULL || metrics_sql(m) == NULL)
        return SL_EINVAL;
    struct sql *db = metrics_sql(m);
    struct sql_stmt *q;
    /* "" is the organisation, not a department: as a filter it means all */
    if (sql_prepare(db, "SELECT DISTINCT dept FROM events WHERE dept <> ''", &q) != SQL_OK)
        return SL_EIO;
    /* sorted here, on byte order, before the cut at cap */
    char(*all)[EVENT_DEPT_MAX + 1] = NULL;
    size_t nall = 0, acap = 0;
    enum sl_status st = SL_OK;
    int rc;
    while ((rc = sql_step(q)) == SQL_ROW) {
        char(*a)[EVENT_DEPT_MAX + 1] = grow(all, &acap, nall, sizeof *a, 16);
        if (a == NULL) {
            st = SL_ENOMEM;
            break;
        }
        all = a;
        copy_str(all[nall++], EVENT_DEPT_MAX + 1, col_text(q, 0));
    }
    if (st == SL_OK && rc != SQL_DONE)
        st = SL_EIO;
    sql_finalize(q);
    if (st == SL_OK) {
        if (nall)
            qsort(all, nall, sizeof *all, cmp_name);
        for (size_t i = 0; i < nall && *n < cap; i++)
            memcpy(out[(*n)++], all[i], sizeof *all);
    }
    free(all);
    return st;
}

static bool hex64(const char *s)
{
    if (s == NULL || strlen(s) != EVENT_HASH_LEN)
        return false;
    for (size_t i = 0; i < EVENT_HASH_LEN; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return true;
}

static int cmp_event_rule(const void *a, const void *b)
{
    const struct event_rule *x = a, *y = b;
    int d = strcmp(x->rule, y->rule);
    return d ? d : strcmp(x->category, y->category);
}

enum sl_status figures_event_rules(struct metrics *m, const char *fp, struct event_rule *out,
                                   size_t cap, size_t *n, char *month, size_t monthlen)
{
    *n = 0;
    if (month && monthlen)
        month[0] = '\0';
    if (m == NULL || metrics_sql(m) == NULL)
        return SL_EINVAL;
    if (!hex64(fp))
        return SL_ENOENT; /* "" is every event without a token: never a match */
    struct sql *db = metrics_sql(m);
    struct sql_stmt *q;
    if (sql_prepare(db, "SELECT id, month FROM events WHERE fp = ? ORDER BY id", &q) != SQL_OK)
        return SL_EIO;
    sql_bind_text(q, 1, fp, -1);
    int rc = sql_step(q);
    if (rc != SQL_ROW) {
        sql_finalize(q);
        return rc == SQL_DONE ? SL_ENOENT : SL_EIO;
    }
    int64_t id = sql_column_int64(q, 0);
    if (month && monthlen)
        copy_str(month, monthlen, col_text(q, 1));
    sql_finalize(q);
    /* sorted here, on byte order, before the cut at cap: an ORDER BY
     * would follow PostgreSQL's collation */
    if (sql_prepare(db, "SELECT rule, category FROM event_rules WHERE event = ?", &q) != SQL_OK)
        return SL_EIO;
    sql_bind_int64(q, 1, id);
    struct event_rule *all = NULL;
    size_t nall = 0, capall = 0;
    while ((rc = sql_step(q)) == SQL_ROW) {
        struct event_rule *r = grow(all, &capall, nall, sizeof *r, EVENT_RULES_MAX);
        if (r == NULL)
            break;
        all = r;
        memset(&all[nall], 0, sizeof all[nall]);
        copy_str(all[nall].rule, sizeof all[nall].rule, col_text(q, 0));
        copy_str(all[nall].category, sizeof all[nall].category, col_text(q, 1));
        nall++;
    }
    sql_finalize(q);
    if (rc == SQL_DONE && nall > 0)
        qsort(all, nall, sizeof *all, cmp_event_rule);
    for (size_t i = 0; rc == SQL_DONE && i < nall && *n < cap; i++)
        out[(*n)++] = all[i];
    free(all);
    return rc == SQL_DONE ? SL_OK : rc == SQL_ROW ? SL_ENOMEM : SL_EIO;
}

void figures_set_reports(struct fig_month *f,
                         uint64_t (*reports)(void *ctx, const char *rule, const char *month),
                         void *ctx)
{
    for (size_t i = 0; i < f->nrules; i++)
        f->rules[i].reports = reports ? reports(ctx, f->rules[i].rule, f->month) : 0;
}

/* ---- CSV and JSON */

/* fraction - a/b with four decimals, written without the locale ("0.7500") */
static void fraction(uint64_t a, uint64_t b, char out[32])
{
    if (b == 0) {
        snprintf(out, 32, "0.0000");
        return;
    }
    /* a <= b in every use, so a * 10000 does not overflow for real counts */
    unsigned long long v = (unsigned long long)((a * 20000 / b + 1) / 2);
    snprintf(out, 32, "%llu.%04llu", v / 10000, v % 10000);
}

/* csv_cell - one cell (RFC 4180: quoted when it holds a comma, a quote, CR
 * or LF; quotes doubled); a cell that a spreadsheet would read as a
 * formula (= + - @, TAB, CR first) gets a ' in front */
static enum sl_status csv_cell(struct buf *b, const char *s, bool last)
{
    bool formula =
        s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r';
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    enum sl_status st = SL_OK;
    if (quote)
        st = buf_append_char(b, '"');
    if (st == SL_OK && formula)
        st = buf_append_char(b, '\'');
    for (const char *p = s; *p && st == SL_OK; p++) {
        st = buf_append_char(b, *p);
        if (st == SL_OK && *p == '"')
            st = buf_append_char(b, '"');
    }
    if (st == SL_OK && quote)
        st = buf_append_char(b, '"');
    if (st == SL_OK)
        st = last ? buf_append(b, "\r\n", 2) : buf_append_char(b, ',');
    return st;
}

/* csv_row - month,section,dept,item,measure,value */
static enum sl_status csv_row(struct buf *b, const struct fig_month *f, const char *section,
                              const char *dept, const char *item, const char *measure,
                              const char *value)
{
    enum sl_status st = csv_cell(b, f->month, false);
    if (st == SL_OK)
        st = csv_cell(b, section, false);
    if (st == SL_OK)
        st = csv_cell(b, dept, false);
    if (st == SL_OK)
        st = csv_cell(b, item, false);
    if (st == SL_OK)
        st = csv_cell(b, measure, false);
    if (st == SL_OK)
        st = csv_cell(b, value, true);
    return st;
}

static enum sl_status csv_num(struct buf *b, const struct fig_month *f, const char *section,
                              const char *dept, const char *item, const char *measure, uint64_t v)
{
    char num[32];
    snprintf(num, sizeof num, "%llu", (unsigned long long)v);
    return csv_row(b, f, section, dept, item, measure, num);
}

/* the counts as (measure, value) pairs, one list for CSV and JSON */
struct measure {
    char name[40];
    uint64_t v;
};
#define NMEASURES (11 + (FIG_CHANNELS - 1) + 4 + (FIG_REASONS - 1))

static size_t measures(const struct fig_counts *c, struct measure *m)
{
    size_t n = 0;
#define PUT(nm, val)                                                                               \
    do {                                                                                           \
        snprintf(m[n].name, sizeof m[n].name, "%s", (nm));                                         \
        m[n++].v = (val);                                                                          \
    } while (0)
    PUT("outgoing", c->outgoing);
    PUT("external", c->external);
    PUT("sensitive", c->sensitive);
    PUT("protected", c->protected_);
    for (int ch = EVENT_CH_SMIME; ch < FIG_CHANNELS; ch++) {
        char nm[40];
        snprintf(nm, sizeof nm, "protected.%s", event_channel_name((enum event_channel)ch));
        PUT(nm, c->channel[ch]);
    }
    PUT("unprotected", c->unprotected);
    PUT("unprotected.monitor", c->by_monitor);
    PUT("unprotected.warn", c->by_warn);
    PUT("unprotected.override", c->by_override);
    PUT("unprotected.other", c->by_other);
    for (int r = REASON_CONSENT; r < FIG_REASONS; r++) {
        char nm[40];
        snprintf(nm, sizeof nm, "override.%s", tags_reason_name((enum tag_reason)r));
        PUT(nm, c->override_reason[r]);
    }
    PUT("override_refused", c->override_refused);
    PUT("held", c->held);
    PUT("rejected", c->rejected);
    PUT("tempfail", c->tempfail);
    PUT("incomplete", c->incomplete);
#undef PUT
    return n;
}

static enum sl_status csv_counts(struct buf *b, const struct fig_month *f, const char *section,
                                 const char *dept, const struct fig_counts *c)
{
    struct measure m[NMEASURES];
    size_t n = measures(c, m);
    enum sl_status st = SL_OK;
    for (size_t i = 0; i < n && st == SL_OK; i++)
        st = csv_num(b, f, section, dept, "", m[i].name, m[i].v);
    char share[32];
    fraction(c->protected_, c->sensitive, share);
    if (st == SL_OK)
        st = csv_row(b, f, section, dept, "", "protected_share", share);
    return st;
}

enum sl_status figures_csv(const struct fig_month *f, struct buf *out)
{
    enum sl_status st = buf_append_str(out, "month,section,dept,item,measure,value\r\n");
    if (st == SL_OK)
        st = csv_counts(out, f, "total", f->dept, &f->all);
    for (size_t i = 0; i < f->ndepts && st == SL_OK; i++)
        st = csv_counts(out, f, "department", f->depts[i].dept, &f->depts[i].c);
    for (size_t i = 0; i < f->ndomains && st == SL_OK; i++) {
        const struct fig_domain *d = &f->domains[i];
        st = csv_num(out, f, "domain", f->dept, d->domain, "messages", d->messages);
        if (st == SL_OK)
            st = csv_num(out, f, "domain", f->dept, d->domain, "unverified", d->unverified);
        if (st == SL_OK)
            st = csv_num(out, f, "domain", f->dept, d->domain, "unprotected", d->unprotected);
    }
    for (size_t i = 0; i < f->nrules && st == SL_OK; i++) {
        const struct fig_rule *r = &f->rules[i];
        char rate[32];
        fraction(r->reports, r->fired, rate);
        st = csv_row(out, f, "rule", f->dept, r->rule, "category", r->category);
        if (st == SL_OK)
            st = csv_num(out, f, "rule", f->dept, r->rule, "fired", r->fired);
        if (st == SL_OK)
            st = csv_num(out, f, "rule", f->dept, r->rule, "reports", r->reports);
        if (st == SL_OK)
            st = csv_row(out, f, "rule", f->dept, r->rule, "fp_rate", rate);
    }
    const struct fig_timing *t = &f->timing;
    if (st == SL_OK)
        st = csv_num(out, f, "timing", f->dept, "", "messages", t->n);
    if (st == SL_OK)
        st = csv_num(out, f, "timing", f->dept, "", "p50_us", t->p50_us);
    if (st == SL_OK)
        st = csv_num(out, f, "timing", f->dept, "", "p95_us", t->p95_us);
    if (st == SL_OK)
        st = csv_num(out, f, "timing", f->dept, "", "p99_us", t->p99_us);
    if (st == SL_OK)
        st = csv_num(out, f, "timing", f->dept, "", "max_us", t->max_us);
    if (st == SL_OK)
        st = csv_num(out, f, "timing", f->dept, "", "bytes", t->bytes);
    for (size_t i = 0; i < f->nsenders && st == SL_OK; i++) {
        const struct fig_sender *s = &f->senders[i];
        char label[16];
        snprintf(label, sizeof label, "%u", s->label);
        st = csv_num(out, f, "sender", s->dept, label, "sensitive", s->sensitive);
        if (st == SL_OK)
            st = csv_num(out, f, "sender", s->dept, label, "unprotected", s->unprotected);
    }
    return st;
}

static enum sl_status json_counts(struct buf *b, const struct fig_counts *c)
{
    struct measure m[NMEASURES];
    size_t n = measures(c, m);
    enum sl_status st = buf_append_char(b, '{');
    for (size_t i = 0; i < n && st == SL_OK; i++) {
        st = json_string(b, m[i].name);
        if (st == SL_OK)
            st = buf_printf(b, ":%llu,", (unsigned long long)m[i].v);
    }
    char share[32];
    fraction(c->protected_, c->sensitive, share);
    if (st == SL_OK)
        st = buf_printf(b, "\"protected_share\":%s}", share);
    return st;
}

enum sl_status figures_json(const struct fig_month *f, struct buf *out)
{
    enum sl_status st = buf_append_str(out, "{\"month\":");
    if (st == SL_OK)
        st = json_string(out, f->month);
    if (st == SL_OK)
        st = buf_append_str(out, ",\"dept\":");
    if (st == SL_OK)
        st = json_string(out, f->dept);
    if (st == SL_OK)
        st = buf_append_str(out, ",\"total\":");
    if (st == SL_OK)
        st = json_counts(out, &f->all);
    if (st == SL_OK)
        st = buf_append_str(out, ",\"departments\":[");
    for (size_t i = 0; i < f->ndepts && st == SL_OK; i++) {
        st = buf_append_str(out, i ? ",{\"dept\":" : "{\"dept\":");
        if (st == SL_OK)
            st = json_string(out, f->depts[i].dept);
        if (st == SL_OK)
            st = buf_append_str(out, ",\"counts\":");
        if (st == SL_OK)
            st = json_counts(out, &f->depts[i].c);
        if (st == SL_OK)
            st = buf_append_char(out, '}');
    }
    if (st == SL_OK)
        st = buf_append_str(out, "],\"domains\":[");
    for (size_t i = 0; i < f->ndomains && st == SL_OK; i++) {
        const struct fig_domain *d = &f->domains[i];
        st = buf_append_str(out, i ? ",{\"domain\":" : "{\"domain\":");
        if (st == SL_OK)
            st = json_string(out, d->domain);
        if (st == SL_OK)
            st = buf_printf(out, ",\"messages\":%llu,\"unverified\":%llu,\"unprotected\":%llu}",
                            (unsigned long long)d->messages, (unsigned long long)d->unverified,
                            (unsigned long long)d->unprotected);
    }
    if (st == SL_OK)
        st = buf_append_str(out, "],\"rules\":[");
    for (size_t i = 0; i < f->nrules && st == SL_OK; i++) {
        const struct fig_rule *r = &f->rules[i];
        char rate[32];
        fraction(r->reports, r->fired, rate);
        st = buf_append_str(out, i ? ",{\"rule\":" : "{\"rule\":");
        if (st == SL_OK)
            st = json_string(out, r->rule);
        if (st == SL_OK)
            st = buf_append_str(out, ",\"category\":");
        if (st == SL_OK)
            st = json_string(out, r->category);
        if (st == SL_OK)
            st = buf_printf(out, ",\"fired\":%llu,\"reports\":%llu,\"fp_rate\":%s}",
                            (unsigned long long)r->fired, (unsigned long long)r->reports, rate);
    }
    const struct fig_timing *t = &f->timing;
    if (st == SL_OK)
        st = buf_printf(out,
                        "],\"timing\":{\"messages\":%llu,\"p50_us\":%u,\"p95_us\":%u,"
                        "\"p99_us\":%u,\"max_us\":%u,\"bytes\":%llu},\"senders\":[",
                        (unsigned long long)t->n, t->p50_us, t->p95_us, t->p99_us, t->max_us,
                        (unsigned long long)t->bytes);
    for (size_t i = 0; i < f->nsenders && st == SL_OK; i++) {
        const struct fig_sender *s = &f->senders[i];
        st = buf_append_str(out, i ? ",{\"dept\":" : "{\"dept\":");
        if (st == SL_OK)
            st = json_string(out, s->dept);
        if (st == SL_OK)
            st = buf_printf(out, ",\"label\":%u,\"sensitive\":%llu,\"unprotected\":%llu}", s->label,
                            (unsigned long long)s->sensitive, (unsigned long long)s->unprotected);
    }
    if (st == SL_OK)
        st = buf_append_str(out, "]}\n");
    return st;
}
