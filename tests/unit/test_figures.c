/*
 * test_figures - the figures of store/figures.h over a real store: an
 * SQLite file in a temporary folder, or, when SLUIS_TEST_PG names a
 * PostgreSQL database (testdb.h, tests/pg/run), its schema sluis_metrics.
 * Hand-built events with known outcomes go through metrics_put, and every
 * figure is compared with the numbers worked out by hand below (the
 * comments next to each event say what it counts as). On PostgreSQL the
 * same events also go into an SQLite file, and every month's figures,
 * trend and list must be the same on both, to the byte of their CSV and
 * JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../../common/buf.h"
#include "../../policy/policy.h"
#include "../../policy/tags.h"
#include "../../store/event.h"
#include "../../store/figures.h"
#include "../../store/metrics.h"
#include "../../store/pseudo.h"
#include "check.h"
#include "testdb.h"

static struct pseudo_key key;
static char dir[64];

/* the hash of sender number i (s1, s2, ...) */
static const char *sender(int i)
{
    static char out[8][EVENT_HASH_LEN + 1];
    char addr[64];
    snprintf(addr, sizeof addr, "medewerker%d@zorg.example", i);
    pseudo_sender(&key, addr, out[i % 8]);
    return out[i % 8];
}

/* time in the middle of a month, local time */
static int64_t mid(const char *month)
{
    struct tm tm = {0};
    tm.tm_year = atoi(month) - 1900;
    tm.tm_mon = atoi(month + 5) - 1;
    tm.tm_mday = 15;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    return (int64_t)mktime(&tm);
}

static struct event *new_event(const char *month, const char *dept, int s, bool sensitive, int mode,
                               int action)
{
    struct event *e = calloc(1, sizeof *e);
    event_set_time(e, mid(month));
    snprintf(e->dept, sizeof e->dept, "%s", dept);
    snprintf(e->sender, sizeof e->sender, "%s", sender(s));
    e->sensitive = sensitive;
    e->mode = (uint8_t)mode;
    e->action = (uint8_t)action;
    e->intended = (uint8_t)action;
    e->confidence = sensitive ? 3 : 0;
    return e;
}

#define MAXEV 512
static struct event *batch[MAXEV];
static size_t nbatch;

static struct event *add(struct event *e)
{
    batch[nbatch++] = e;
    return e;
}

static void put(struct metrics *m)
{
    if (nbatch == 0)
        return;
    struct event *evs = calloc(nbatch, sizeof *evs);
    for (size_t i = 0; i < nbatch; i++)
        evs[i] = *batch[i];
    char err[256] = "";
    enum sl_status st = metrics_put(m, evs, nbatch, NULL, NULL, err, sizeof err);
    CHECK(st == SL_OK, "metrics_put: %s", err);
    for (size_t i = 0; i < nbatch; i++)
        free(batch[i]);
    free(evs);
    nbatch = 0;
}

/*
 * October 2026: the main month. W = Wijk, H = Huisarts, "" = the
 * organisation. Each event: its number, what it counts as.
 */
static void fill_october(struct metrics *m)
{
    const char *mo = "2026-10";
    struct event *e;
    /* 1 W s1: portal to a consumer: protected portal */
    e = add(new_event(mo, "Wijk", 1, true, MODE_ENFORCE, ACTION_PORTAL));
    event_add_recipient(e, EVENT_CONSUMER, "gmail.com", ACTION_PORTAL, ACTION_PORTAL,
                        EVENT_CH_PORTAL);
    event_add_rule(e, "nl.bsn", "national_id");
    event_add_rule(e, "health.diagnosis", "health");
    snprintf(e->fp, sizeof e->fp, "%s",
             "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    /* 2 W s1: portal to an organisation: protected portal; ziekenhuis-a unverified */
    e = add(new_event(mo, "Wijk", 1, true, MODE_ENFORCE, ACTION_PORTAL));
    event_add_recipient(e, EVENT_ORG, "ziekenhuis-a.example", ACTION_PORTAL, ACTION_PORTAL,
                        EVENT_CH_PORTAL);
    event_add_rule(e, "nl.bsn", "national_id");
    event_add_rule(e, "person.surname", "person");
    /* 3 W s2: portal to a consumer, and an internal copy: protected portal */
    e = add(new_event(mo, "Wijk", 2, true, MODE_ENFORCE, ACTION_PORTAL));
    event_add_recipient(e, EVENT_INTERNAL, "", ACTION_PASS, ACTION_PASS, EVENT_CH_NONE);
    event_add_recipient(e, EVENT_CONSUMER, "hotmail.com", ACTION_PORTAL, ACTION_PORTAL,
                        EVENT_CH_PORTAL);
    event_add_rule(e, "nl.bsn", "national_id");
    /* 4 W s2: TLS to a partner: protected tls; partner verified */
    e = add(new_event(mo, "Wijk", 2, true, MODE_ENFORCE, ACTION_TLS));
    event_add_recipient(e, EVENT_PARTNER, "partner.example", ACTION_TLS, ACTION_TLS, EVENT_CH_TLS);
    /* 5 W s1: monitor mode, meant for the portal: unprotected by monitor; ziekenhuis-a plain */
    e = add(new_event(mo, "Wijk", 1, true, MODE_MONITOR, ACTION_PASS));
    e->intended = ACTION_PORTAL;
    event_add_recipient(e, EVENT_ORG, "ziekenhuis-a.example", ACTION_PASS, ACTION_PORTAL,
                        EVENT_CH_NONE);
    event_add_rule(e, "nl.bsn", "national_id");
    /* 6 W s3: monitor mode to a consumer: unprotected by monitor */
    e = add(new_event(mo, "Wijk", 3, true, MODE_MONITOR, ACTION_PASS));
    e->intended = ACTION_PORTAL;
    event_add_recipient(e, EVENT_CONSUMER, "", ACTION_PASS, ACTION_PORTAL, EVENT_CH_NONE);
    /* 7 W s3: an honoured unsafe tag, reason consent: unprotected by override */
    e = add(new_event(mo, "Wijk", 3, true, MODE_ENFORCE, ACTION_PASS));
    e->tag = TAG_UNSAFE;
    e->reason = REASON_CONSENT;
    e->override = true;
    event_add_recipient(e, EVENT_CONSUMER, "", ACTION_PASS, ACTION_PASS, EVENT_CH_NONE);
    event_add_rule(e, "health.diagnosis", "health");
    /* 8 W s2: held; ziekenhuis-b unverified, not plain */
    e = add(new_event(mo, "Wijk", 2, true, MODE_ENFORCE, ACTION_HOLD));
    event_add_recipient(e, EVENT_ORG, "ziekenhuis-b.example", ACTION_HOLD, ACTION_HOLD,
                        EVENT_CH_NONE);
    /* 9 W s1: not sensitive, not scanned in full: external, incomplete */
    e = add(new_event(mo, "Wijk", 1, false, MODE_ENFORCE, ACTION_PASS));
    e->incomplete = true;
    event_add_recipient(e, EVENT_ORG, "nietgevoelig.example", ACTION_PASS, ACTION_PASS,
                        EVENT_CH_NONE);
    /* 10 W s1: sensitive, internal only: outgoing, not external */
    e = add(new_event(mo, "Wijk", 1, true, MODE_ENFORCE, ACTION_PASS));
    event_add_recipient(e, EVENT_INTERNAL, "", ACTION_PASS, ACTION_PASS, EVENT_CH_NONE);
    /* 11 W s2: warn mode: unprotected by warn */
    e = add(new_event(mo, "Wijk", 2, true, MODE_WARN, ACTION_PASS));
    e->intended = ACTION_PORTAL;
    event_add_recipient(e, EVENT_CONSUMER, "", ACTION_PASS, ACTION_PORTAL, EVENT_CH_NONE);
    /* 12 W s4: under the threshold, nothing meant: unprotected other; ziekenhuis-a plain */
    e = add(new_event(mo, "Wijk", 4, true, MODE_ENFORCE, ACTION_PASS));
    event_add_recipient(e, EVENT_ORG, "ziekenhuis-a.example", ACTION_PASS, ACTION_PASS,
                        EVENT_CH_NONE);
    /* 13 W s4: unsafe tag refused, portal: protected portal, refused */
    e = add(new_event(mo, "Wijk", 4, true, MODE_ENFORCE, ACTION_PORTAL));
    e->tag = TAG_UNSAFE;
    e->reason = REASON_URGENT;
    e->override_refused = true;
    event_add_recipient(e, EVENT_CONSUMER, "", ACTION_PORTAL, ACTION_PORTAL, EVENT_CH_PORTAL);
    /* 14 W s4: rejected */
    e = add(new_event(mo, "Wijk", 4, true, MODE_ENFORCE, ACTION_REJECT));
    event_add_recipient(e, EVENT_CONSUMER, "", ACTION_REJECT, ACTION_REJECT, EVENT_CH_NONE);
    /* 15 W s4: temporary failure */
    e = add(new_event(mo, "Wijk", 4, true, MODE_ENFORCE, ACTION_TEMPFAIL));
    event_add_recipient(e, EVENT_CONSUMER, "", ACTION_TEMPFAIL, ACTION_TEMPFAIL, EVENT_CH_NONE);
    /* 16 W s1: TLS to a partner and the portal to a consumer: protected tls */
    e = add(new_event(mo, "Wijk", 1, true, MODE_ENFORCE, ACTION_PORTAL));
    event_add_recipient(e, EVENT_CONSUMER, "", ACTION_PORTAL, ACTION_PORTAL, EVENT_CH_PORTAL);
    event_add_recipient(e, EVENT_PARTNER, "partner.example", ACTION_TLS, ACTION_TLS, EVENT_CH_TLS);
    /* 17 W s2: S/MIME to an organisation: protected smime; ziekenhuis-a verified */
    e = add(new_event(mo, "Wijk", 2, true, MODE_ENFORCE, ACTION_SMIME));
    event_add_recipient(e, EVENT_ORG, "ziekenhuis-a.example", ACTION_SMIME, ACTION_SMIME,
                        EVENT_CH_SMIME);
    /* 18 H s5: the organisation's own portal: protected external */
    e = add(new_event(mo, "Huisarts", 5, true, MODE_ENFORCE, ACTION_PORTAL));
    event_add_recipient(e, EVENT_CONSUMER, "", ACTION_PORTAL, ACTION_PORTAL,
                        EVENT_CH_EXTERNAL_PORTAL);
    /* 19 H s5: unsafe tag honoured, reason urgent: unprotected by override */
    e = add(new_event(mo, "Huisarts", 5, true, MODE_ENFORCE, ACTION_PASS));
    e->tag = TAG_UNSAFE;
    e->reason = REASON_URGENT;
    e->override = true;
    event_add_recipient(e, EVENT_CONSUMER, "", ACTION_PASS, ACTION_PASS, EVENT_CH_NONE);
    /* 20 H s6: clean, internal */
    e = add(new_event(mo, "Huisarts", 6, false, MODE_ENFORCE, ACTION_PASS));
    event_add_recipient(e, EVENT_INTERNAL, "", ACTION_PASS, ACTION_PASS, EVENT_CH_NONE);
    /* 21 "" s7: monitor, meant for TLS: unprotected by monitor; partner plain */
    e = add(new_event(mo, "", 7, true, MODE_MONITOR, ACTION_PASS));
    e->intended = ACTION_TLS;
    event_add_recipient(e, EVENT_PARTNER, "partner.example", ACTION_PASS, ACTION_TLS,
                        EVENT_CH_NONE);
    /* scan times 100, 200, ... 2100 us; sizes 1000, 2000, ... 21000 bytes */
    for (size_t i = 0; i < nbatch; i++) {
        batch[i]->scan_us = (uint32_t)(100 * (i + 1));
        batch[i]->size = 1000 * (i + 1);
    }
    put(m);
}

/* September: 200 clean external messages of Jeugdzorg, scan times 200..1 us */
static void fill_september(struct metrics *m)
{
    for (int i = 0; i < 200; i++) {
        struct event *e = add(new_event("2026-09", "Jeugdzorg", 6, false, MODE_ENFORCE, 0));
        event_add_recipient(e, EVENT_ORG, "gemeente.example", ACTION_PASS, ACTION_PASS,
                            EVENT_CH_NONE);
        e->scan_us = (uint32_t)(200 - i);
        e->size = 10;
    }
    put(m);
}

/* November: s1..s4 of Wijk each one message in monitor mode */
static void fill_november(struct metrics *m)
{
    for (int s = 1; s <= 4; s++) {
        struct event *e = add(new_event("2026-11", "Wijk", s, true, MODE_MONITOR, ACTION_PASS));
        e->intended = ACTION_PORTAL;
        event_add_recipient(e, EVENT_CONSUMER, "", ACTION_PASS, ACTION_PORTAL, EVENT_CH_NONE);
    }
    put(m);
}

struct want_counts {
    const char *name;
    uint64_t outgoing, external, sensitive, protected_, smime, tls, portal, ext, unprotected,
        monitor, warn, override, other, consent, urgent, refused, held, rejected, tempfail,
        incomplete;
};

static void check_counts(const char *what, const struct fig_counts *c, const struct want_counts *w)
{
#define EQ(field, want)                                                                            \
    CHECK(c->field == (want), "%s %s: %s got %llu, want %llu", what, w->name, #field,              \
          (unsigned long long)c->field, (unsigned long long)(want))
    EQ(outgoing, w->outgoing);
    EQ(external, w->external);
    EQ(sensitive, w->sensitive);
    EQ(protected_, w->protected_);
    EQ(channel[EVENT_CH_SMIME], w->smime);
    EQ(channel[EVENT_CH_TLS], w->tls);
    EQ(channel[EVENT_CH_PORTAL], w->portal);
    EQ(channel[EVENT_CH_EXTERNAL_PORTAL], w->ext);
    EQ(channel[EVENT_CH_NONE], 0);
    EQ(unprotected, w->unprotected);
    EQ(by_monitor, w->monitor);
    EQ(by_warn, w->warn);
    EQ(by_override, w->override);
    EQ(by_other, w->other);
    EQ(override_reason[REASON_CONSENT], w->consent);
    EQ(override_reason[REASON_URGENT], w->urgent);
    EQ(override_refused, w->refused);
    EQ(held, w->held);
    EQ(rejected, w->rejected);
    EQ(tempfail, w->tempfail);
    EQ(incomplete, w->incomplete);
    uint64_t sum = c->protected_ + c->unprotected + c->held + c->rejected + c->tempfail;
    CHECK(sum == c->sensitive, "%s %s: outcomes add up to %llu, sensitive %llu", what, w->name,
          (unsigned long long)sum, (unsigned long long)c->sensitive);
#undef EQ
}

/* worked out by hand from the comments of fill_october */
static const struct want_counts oct_all = {.name = "all",
                                           .outgoing = 21,
                                           .external = 19,
                                           .sensitive = 18,
                                           .protected_ = 8,
                                           .smime = 1,
                                           .tls = 2,
                                           .portal = 4,
                                           .ext = 1,
                                           .unprotected = 7,
                                           .monitor = 3,
                                           .warn = 1,
                                           .override = 2,
                                           .other = 1,
                                           .consent = 1,
                                           .urgent = 1,
                                           .refused = 1,
                                           .held = 1,
                                           .rejected = 1,
                                           .tempfail = 1,
                                           .incomplete = 1};
static const struct want_counts oct_wijk = {.name = "Wijk",
                                            .outgoing = 17,
                                            .external = 16,
                                            .sensitive = 15,
                                            .protected_ = 7,
                                            .smime = 1,
                                            .tls = 2,
                                            .portal = 4,
                                            .unprotected = 5,
                                            .monitor = 2,
                                            .warn = 1,
                                            .override = 1,
                                            .other = 1,
                                            .consent = 1,
                                            .refused = 1,
                                            .held = 1,
                                            .rejected = 1,
                                            .tempfail = 1,
                                            .incomplete = 1};
static const struct want_counts oct_huisarts = {.name = "Huisarts",
                                                .outgoing = 3,
                                                .external = 2,
                                                .sensitive = 2,
                                                .protected_ = 1,
                                                .ext = 1,
                                                .unprotected = 1,
                                                .override = 1,
                                                .urgent = 1};
static const struct want_counts oct_org = {.name = "(organisation)",
                                           .outgoing = 1,
                                           .external = 1,
                                           .sensitive = 1,
                                           .unprotected = 1,
                                           .monitor = 1};

static uint64_t reports_of(void *ctx, const char *rule, const char *month)
{
    (void)ctx;
    if (strcmp(month, "2026-10") != 0)
        return 0;
    return strcmp(rule, "nl.bsn") == 0 ? 1 : 0;
}

/* the rank (from 1) of hash among hashes[0..n) by pseudo_label_key of month, dept */
static unsigned rank_of(const char *month, const char *dept, const char *hash, const int *ids,
                        size_t n)
{
    char mine[EVENT_HASH_LEN + 1], other[EVENT_HASH_LEN + 1];
    pseudo_label_key(&key, month, dept, hash, mine);
    unsigned r = 1;
    for (size_t i = 0; i < n; i++) {
        pseudo_label_key(&key, month, dept, sender(ids[i]), other);
        if (strcmp(other, mine) < 0)
            r++;
    }
    return r;
}

static const struct fig_sender *find_sender(const struct fig_month *f, int s)
{
    const char *h = sender(s);
    for (size_t i = 0; i < f->nsenders; i++)
        if (strcmp(f->senders[i].hash, h) == 0)
            return &f->senders[i];
    return NULL;
}

/* run python3 on path with a script; true when it exits 0 */
static bool python_ok(const char *script, const char *path)
{
    char sp[128];
    snprintf(sp, sizeof sp, "%s/check.py", dir);
    FILE *f = fopen(sp, "w");
    if (f == NULL)
        return false;
    fputs(script, f);
    fclose(f);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "python3 %s %s", sp, path);
    int rc = system(cmd);
    unlink(sp);
    return rc == 0;
}

static bool write_file(const char *path, const struct buf *b)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return false;
    bool ok = fwrite(b->data, 1, b->len, f) == b->len;
    return fclose(f) == 0 && ok;
}

/* the CSV and JSON of October: every figure there, no sender hash */
static void test_csv_json_of(const struct fig_month *f)
{
    struct buf b = BUF_INIT;
    CHECK(figures_csv(f, &b) == SL_OK, "figures_csv");
    static const char *const want[] = {
        "month,section,dept,item,measure,value\r\n",
        "\r\n2026-10,total,,,outgoing,21\r\n",
        "\r\n2026-10,total,,,sensitive,18\r\n",
        "\r\n2026-10,total,,,protected.portal,4\r\n",
        "\r\n2026-10,total,,,protected.external,1\r\n",
        "\r\n2026-10,total,,,unprotected.monitor,3\r\n",
        "\r\n2026-10,total,,,override.consent,1\r\n",
        "\r\n2026-10,total,,,override.urgent,1\r\n",
        "\r\n2026-10,total,,,override_refused,1\r\n",
        "\r\n2026-10,total,,,tempfail,1\r\n",
        "\r\n2026-10,total,,,protected_share,0.4444\r\n",
        "\r\n2026-10,department,Wijk,,protected.tls,2\r\n",
        "\r\n2026-10,department,Huisarts,,unprotected.override,1\r\n",
        "\r\n2026-10,department,,,unprotected.monitor,1\r\n",
        "\r\n2026-10,domain,,ziekenhuis-a.example,unverified,3\r\n",
        "\r\n2026-10,domain,,ziekenhuis-b.example,unprotected,0\r\n",
        "\r\n2026-10,rule,,nl.bsn,category,national_id\r\n",
        "\r\n2026-10,rule,,nl.bsn,reports,1\r\n",
        "\r\n2026-10,rule,,nl.bsn,fp_rate,0.2500\r\n",
        "\r\n2026-10,timing,,,p50_us,1100\r\n",
        "\r\n2026-10,timing,,,p95_us,2000\r\n",
        "\r\n2026-10,timing,,,p99_us,2100\r\n",
        "\r\n2026-10,timing,,,bytes,231000\r\n",
        "\r\n2026-10,sender,,1,unprotected,1\r\n",
    };
    for (size_t i = 0; i < NELEM(want); i++)
        CHECK(b.data && strstr(b.data, want[i]) != NULL, "CSV lacks %s", want[i]);
    char line[128];
    snprintf(line, sizeof line, "\r\n2026-10,sender,Wijk,%u,unprotected,2\r\n",
             f->nsenders ? f->senders[0].label : 0);
    CHECK(b.data && strstr(b.data, line) != NULL, "CSV lacks s3's row %s", line);
    for (int s = 1; s <= 7; s++)
        CHECK(b.data && strstr(b.data, sender(s)) == NULL, "CSV holds sender hash s%d", s);
    char path[128];
    snprintf(path, sizeof path, "%s/october.csv", dir);
    CHECK(write_file(path, &b), "write %s", path);
    CHECK(python_ok("import csv, sys\n"
                    "rows = list(csv.reader(open(sys.argv[1], newline='')))\n"
                    "assert rows[0] == ['month','section','dept','item','measure','value']\n"
                    "assert all(len(r) == 6 for r in rows), 'a row without 6 cells'\n"
                    "assert len(rows) > 100\n",
                    path),
          "the CSV does not read back as 6 cells a row");
    buf_free(&b);

    CHECK(figures_json(f, &b) == SL_OK, "figures_json");
    for (int s = 1; s <= 7; s++)
        CHECK(b.data && strstr(b.data, sender(s)) == NULL, "JSON holds sender hash s%d", s);
    snprintf(path, sizeof path, "%s/october.json", dir);
    CHECK(write_file(path, &b), "write %s", path);
    CHECK(
        python_ok("import json, sys\n"
                  "d = json.load(open(sys.argv[1]))\n"
                  "assert d['month'] == '2026-10' and d['dept'] == ''\n"
                  "t = d['total']\n"
                  "assert (t['outgoing'], t['external'], t['sensitive']) == (21, 19, 18), t\n"
                  "assert (t['protected'], t['protected.smime'], t['protected.tls'],\n"
                  "        t['protected.portal'], t['protected.external']) == (8, 1, 2, 4, 1)\n"
                  "assert (t['unprotected'], t['unprotected.monitor'], t['unprotected.warn'],\n"
                  "        t['unprotected.override'], t['unprotected.other']) == (7, 3, 1, 2, 1)\n"
                  "assert (t['override.consent'], t['override.urgent'], t['override.other'])"
                  " == (1, 1, 0)\n"
                  "assert (t['held'], t['rejected'], t['tempfail'], t['incomplete'],\n"
                  "        t['override_refused']) == (1, 1, 1, 1, 1)\n"
                  "assert abs(t['protected_share'] - 0.4444) < 1e-9\n"
                  "assert [x['dept'] for x in d['departments']] == ['', 'Huisarts', 'Wijk']\n"
                  "assert d['departments'][2]['counts']['sensitive'] == 15\n"
                  "assert [x['domain'] for x in d['domains']] == ['ziekenhuis-a.example',\n"
                  "        'partner.example', 'ziekenhuis-b.example']\n"
                  "assert d['domains'][0] == {'domain': 'ziekenhuis-a.example', 'messages': 4,\n"
                  "        'unverified': 3, 'unprotected': 2}\n"
                  "r = d['rules'][0]\n"
                  "assert r == {'rule': 'nl.bsn', 'category': 'national_id', 'fired': 4,\n"
                  "        'reports': 1, 'fp_rate': 0.25}, r\n"
                  "assert d['timing'] == {'messages': 21, 'p50_us': 1100, 'p95_us': 2000,\n"
                  "        'p99_us': 2100, 'max_us': 2100, 'bytes': 231000}\n"
                  "assert len(d['senders']) == 6\n"
                  "assert all(set(s) == {'dept', 'label', 'sensitive', 'unprotected'}"
                  " for s in d['senders'])\n"
                  "assert d['senders'][0]['unprotected'] == 2\n",
                  path),
        "the JSON does not read back with October's figures");
    buf_free(&b);
}

/* cells a spreadsheet would take for a formula, and cells to quote */
static void test_csv_quoting(void)
{
    struct fig_dept dept = {.dept = "-2+3"};
    struct fig_domain dom = {.domain = "a,\"b\"", .messages = 1, .unverified = 1};
    struct fig_rule rule = {.rule = "@x", .category = "cat\nx", .fired = 3, .reports = 1};
    struct fig_sender snd = {.dept = "+y", .sensitive = 1, .unprotected = 1};
    struct fig_month f = {.month = "2026-10",
                          .dept = "=SUM(A1)",
                          .depts = &dept,
                          .ndepts = 1,
                          .domains = &dom,
                          .ndomains = 1,
                          .rules = &rule,
                          .nrules = 1,
                          .senders = &snd,
                          .nsenders = 1};
    struct buf b = BUF_INIT;
    CHECK(figures_csv(&f, &b) == SL_OK, "figures_csv");
    static const char *const want[] = {
        "\r\n2026-10,total,'=SUM(A1),,outgoing,0\r\n",
        "\r\n2026-10,department,'-2+3,,outgoing,0\r\n",
        "\r\n2026-10,domain,'=SUM(A1),\"a,\"\"b\"\"\",messages,1\r\n",
        "\r\n2026-10,rule,'=SUM(A1),'@x,category,\"cat\nx\"\r\n",
        "\r\n2026-10,rule,'=SUM(A1),'@x,fp_rate,0.3333\r\n",
        "\r\n2026-10,sender,'+y,0,sensitive,1\r\n",
    };
    for (size_t i = 0; i < NELEM(want); i++)
        CHECK(b.data && strstr(b.data, want[i]) != NULL, "CSV lacks %s", want[i]);
    char path[128];
    snprintf(path, sizeof path, "%s/quoting.csv", dir);
    CHECK(write_file(path, &b), "write %s", path);
    CHECK(python_ok(
              "import csv, sys\n"
              "rows = list(csv.reader(open(sys.argv[1], newline='')))\n"
              "assert all(len(r) == 6 for r in rows)\n"
              "assert ['2026-10', 'domain', \"'=SUM(A1)\", 'a,\"b\"', 'messages', '1'] in rows\n"
              "assert ['2026-10', 'rule', \"'=SUM(A1)\", \"'@x\", 'category', 'cat\\nx'] in rows\n",
              path),
          "quoted CSV does not read back");
    buf_free(&b);

    /* JSON: quotes, backslashes, controls, markup */
    snprintf(f.dept, sizeof f.dept, "a\"b\\c\x01</script>");
    CHECK(figures_json(&f, &b) == SL_OK, "figures_json");
    snprintf(path, sizeof path, "%s/escape.json", dir);
    CHECK(write_file(path, &b), "write %s", path);
    CHECK(python_ok("import json, sys\n"
                    "d = json.load(open(sys.argv[1]))\n"
                    "assert d['dept'] == 'a\"b\\\\c\\x01</script>', repr(d['dept'])\n"
                    "assert d['domains'][0]['domain'] == 'a,\"b\"'\n"
                    "assert d['rules'][0]['category'] == 'cat\\nx'\n"
                    "assert abs(d['rules'][0]['fp_rate'] - 0.3333) < 1e-9\n"
                    "assert d['senders'] == [{'dept': '+y', 'label': 0, 'sensitive': 1,"
                    " 'unprotected': 1}]\n",
                    path),
          "escaped JSON does not read back");
    buf_free(&b);
}

static void test_october(struct metrics *m)
{
    struct fig_month f;
    char err[256] = "";
    enum sl_status st = figures_month(m, "2026-10", NULL, &key, &f, err, sizeof err);
    CHECK(st == SL_OK, "figures_month: %s", err);
    CHECK(strcmp(f.month, "2026-10") == 0, "month: got %s", f.month);
    check_counts("october", &f.all, &oct_all);
    CHECK(fig_share(&f.all) > 0.4444 && fig_share(&f.all) < 0.4445, "share: got %f, want 8/18",
          fig_share(&f.all));

    /* per department, sorted by name: "", Huisarts, Wijk */
    CHECK(f.ndepts == 3, "depts: got %zu, want 3", f.ndepts);
    if (f.ndepts == 3) {
        CHECK(strcmp(f.depts[0].dept, "") == 0, "dept 0: got '%s'", f.depts[0].dept);
        CHECK(strcmp(f.depts[1].dept, "Huisarts") == 0, "dept 1: got '%s'", f.depts[1].dept);
        CHECK(strcmp(f.depts[2].dept, "Wijk") == 0, "dept 2: got '%s'", f.depts[2].dept);
        check_counts("october", &f.depts[0].c, &oct_org);
        check_counts("october", &f.depts[1].c, &oct_huisarts);
        check_counts("october", &f.depts[2].c, &oct_wijk);
    }

    /* domains: ziekenhuis-a (4 messages, 3 unverified, 2 plain), partner
     * (3, 1, 1), ziekenhuis-b (1, 1, 0); no consumer, no clean mail's domain */
    static const struct fig_domain want_dom[] = {
        {"ziekenhuis-a.example", 4, 3, 2},
        {"partner.example", 3, 1, 1},
        {"ziekenhuis-b.example", 1, 1, 0},
    };
    CHECK(f.ndomains == NELEM(want_dom), "domains: got %zu, want %zu", f.ndomains, NELEM(want_dom));
    for (size_t i = 0; i < f.ndomains && i < NELEM(want_dom); i++) {
        const struct fig_domain *d = &f.domains[i], *w = &want_dom[i];
        CHECK(strcmp(d->domain, w->domain) == 0 && d->messages == w->messages &&
                  d->unverified == w->unverified && d->unprotected == w->unprotected,
              "domain %zu: got %s %llu/%llu/%llu, want %s %llu/%llu/%llu", i, d->domain,
              (unsigned long long)d->messages, (unsigned long long)d->unverified,
              (unsigned long long)d->unprotected, w->domain, (unsigned long long)w->messages,
              (unsigned long long)w->unverified, (unsigned long long)w->unprotected);
    }
    for (size_t i = 0; i < f.ndomains; i++)
        CHECK(strcmp(f.domains[i].domain, "gmail.com") != 0 &&
                  strcmp(f.domains[i].domain, "hotmail.com") != 0 &&
                  strcmp(f.domains[i].domain, "nietgevoelig.example") != 0 &&
                  f.domains[i].domain[0] != '\0',
              "domain %zu must not be listed: '%s'", i, f.domains[i].domain);

    /* rules: nl.bsn on 1, 2, 3, 5; health.diagnosis on 1, 7; person.surname on 2 */
    static const struct {
        const char *rule, *category;
        uint64_t fired, reports;
    } want_rules[] = {
        {"nl.bsn", "national_id", 4, 1},
        {"health.diagnosis", "health", 2, 0},
        {"person.surname", "person", 1, 0},
    };
    figures_set_reports(&f, reports_of, NULL);
    CHECK(f.nrules == NELEM(want_rules), "rules: got %zu, want %zu", f.nrules, NELEM(want_rules));
    for (size_t i = 0; i < f.nrules && i < NELEM(want_rules); i++)
        CHECK(strcmp(f.rules[i].rule, want_rules[i].rule) == 0 &&
                  strcmp(f.rules[i].category, want_rules[i].category) == 0 &&
                  f.rules[i].fired == want_rules[i].fired &&
                  f.rules[i].reports == want_rules[i].reports,
              "rule %zu: got %s/%s %llu %llu, want %s", i, f.rules[i].rule, f.rules[i].category,
              (unsigned long long)f.rules[i].fired, (unsigned long long)f.rules[i].reports,
              want_rules[i].rule);

    /* 21 scan times 100..2100: nearest rank 11, 20, 21 */
    CHECK(f.timing.n == 21, "timing n: got %llu", (unsigned long long)f.timing.n);
    CHECK(f.timing.p50_us == 1100, "p50: got %u, want 1100", f.timing.p50_us);
    CHECK(f.timing.p95_us == 2000, "p95: got %u, want 2000", f.timing.p95_us);
    CHECK(f.timing.p99_us == 2100, "p99: got %u, want 2100", f.timing.p99_us);
    CHECK(f.timing.max_us == 2100, "max: got %u, want 2100", f.timing.max_us);
    CHECK(f.timing.bytes == 231000, "bytes: got %llu, want 231000",
          (unsigned long long)f.timing.bytes);

    /* senders: s3 (2 of 2 unprotected) first; then 1 each: s2 (of 5),
     * s1 and s4 (of 4), s5 (of 2), s7 (of 1) */
    CHECK(f.nsenders == 6, "senders: got %zu, want 6", f.nsenders);
    static const struct {
        int s;
        const char *dept;
        uint64_t sensitive, unprotected;
    } want_snd[] = {{3, "Wijk", 2, 2}, {2, "Wijk", 5, 1},     {1, "Wijk", 4, 1},
                    {4, "Wijk", 4, 1}, {5, "Huisarts", 2, 1}, {7, "", 1, 1}};
    static const int wijk[] = {1, 2, 3, 4};
    for (size_t i = 0; i < NELEM(want_snd); i++) {
        const struct fig_sender *s = find_sender(&f, want_snd[i].s);
        CHECK(s != NULL, "sender s%d missing", want_snd[i].s);
        if (s == NULL)
            continue;
        CHECK(strcmp(s->dept, want_snd[i].dept) == 0 && s->sensitive == want_snd[i].sensitive &&
                  s->unprotected == want_snd[i].unprotected,
              "sender s%d: got %s %llu/%llu", want_snd[i].s, s->dept,
              (unsigned long long)s->sensitive, (unsigned long long)s->unprotected);
        unsigned want_label =
            strcmp(want_snd[i].dept, "Wijk") == 0
                ? rank_of("2026-10", "Wijk", sender(want_snd[i].s), wijk, NELEM(wijk))
                : 1;
        CHECK(s->label == want_label, "sender s%d: label %u, want %u", want_snd[i].s, s->label,
              want_label);
    }
    if (f.nsenders == 6) {
        CHECK(strcmp(f.senders[0].hash, sender(3)) == 0, "first sender is s3");
        CHECK(strcmp(f.senders[1].hash, sender(2)) == 0, "second sender is s2");
        CHECK(strcmp(f.senders[5].hash, sender(7)) == 0, "last sender is s7");
        /* s1 and s4 tie: by label */
        CHECK(f.senders[2].label < f.senders[3].label, "tie broken by label: %u, %u",
              f.senders[2].label, f.senders[3].label);
    }

    /* labels stable across calls */
    struct fig_month again;
    st = figures_month(m, "2026-10", "", &key, &again, err, sizeof err);
    CHECK(st == SL_OK && again.nsenders == f.nsenders, "second call");
    for (size_t i = 0; i < again.nsenders && i < f.nsenders; i++)
        CHECK(strcmp(again.senders[i].hash, f.senders[i].hash) == 0 &&
                  again.senders[i].label == f.senders[i].label,
              "sender %zu differs between two calls", i);
    figures_month_free(&again);

    /* without a key: the same list, labels 0 */
    st = figures_month(m, "2026-10", "", NULL, &again, err, sizeof err);
    CHECK(st == SL_OK && again.nsenders == 6, "without key: %zu senders", again.nsenders);
    for (size_t i = 0; i < again.nsenders; i++)
        CHECK(again.senders[i].label == 0, "without key: label %u", again.senders[i].label);
    figures_month_free(&again);

    /* one department: its counts, itself in depts, its senders with the same labels */
    struct fig_month w;
    st = figures_month(m, "2026-10", "Wijk", &key, &w, err, sizeof err);
    CHECK(st == SL_OK, "figures_month Wijk: %s", err);
    check_counts("october filtered", &w.all, &oct_wijk);
    CHECK(strcmp(w.dept, "Wijk") == 0, "filter kept: '%s'", w.dept);
    CHECK(w.ndepts == 1 && strcmp(w.depts[0].dept, "Wijk") == 0, "filtered depts: %zu", w.ndepts);
    CHECK(w.nsenders == 4, "Wijk senders: got %zu, want 4", w.nsenders);
    for (size_t i = 0; i < w.nsenders; i++) {
        const struct fig_sender *all = NULL;
        for (size_t k = 0; k < f.nsenders; k++)
            if (strcmp(f.senders[k].hash, w.senders[i].hash) == 0)
                all = &f.senders[k];
        CHECK(all && all->label == w.senders[i].label, "label the same with the filter");
    }
    /* Wijk's domains: ziekenhuis-a 4/3/2, partner 2/0/0 is verified so not listed,
     * ziekenhuis-b 1/1/0 */
    CHECK(w.ndomains == 2 && strcmp(w.domains[0].domain, "ziekenhuis-a.example") == 0 &&
              strcmp(w.domains[1].domain, "ziekenhuis-b.example") == 0,
          "Wijk domains: got %zu", w.ndomains);
    CHECK(w.timing.n == 17, "Wijk timing n: got %llu", (unsigned long long)w.timing.n);
    /* Wijk's scan times: events 1..17: 100..1700; p50 rank 9 */
    CHECK(w.timing.p50_us == 900 && w.timing.max_us == 1700, "Wijk p50 %u max %u", w.timing.p50_us,
          w.timing.max_us);
    figures_month_free(&w);

    /* a department without events: zeros */
    st = figures_month(m, "2026-10", "Nergens", &key, &w, err, sizeof err);
    CHECK(st == SL_OK && w.all.outgoing == 0 && w.ndepts == 0 && w.nsenders == 0 &&
              w.ndomains == 0 && w.nrules == 0 && w.timing.n == 0 && w.timing.max_us == 0,
          "empty department");
    figures_month_free(&w);

    /* November: other labels for the same four senders (a month's labels
     * are its own), each its rank by the key of that month */
    st = figures_month(m, "2026-11", NULL, &key, &w, err, sizeof err);
    CHECK(st == SL_OK && w.nsenders == 4, "november senders: %zu", w.nsenders);
    bool same = true;
    for (int s = 1; s <= 4; s++) {
        const struct fig_sender *a = find_sender(&f, s), *b = find_sender(&w, s);
        if (a == NULL || b == NULL)
            continue;
        unsigned want = rank_of("2026-11", "Wijk", sender(s), wijk, NELEM(wijk));
        CHECK(b->label == want, "november s%d: label %u, want %u", s, b->label, want);
        if (a->label != b->label)
            same = false;
    }
    CHECK(!same, "november's labels are all the same as october's");
    figures_month_free(&w);

    test_csv_json_of(&f);
    figures_month_free(&f);
}

static void test_trend(struct metrics *m)
{
    struct fig_point p[12];
    char err[256] = "";
    enum sl_status st = figures_trend(m, "2026-11", 12, NULL, p, err, sizeof err);
    CHECK(st == SL_OK, "figures_trend: %s", err);
    for (int i = 0; i < 12; i++) {
        char want[32];
        snprintf(want, sizeof want, "%04d-%02d", i == 0 ? 2025 : 2026, i == 0 ? 12 : i);
        CHECK(strcmp(p[i].month, want) == 0, "trend %d: month %s, want %s", i, p[i].month, want);
        if (i < 9)
            CHECK(p[i].c.outgoing == 0 && p[i].c.sensitive == 0 && fig_share(&p[i].c) == 0.0,
                  "trend %s: not zero", p[i].month);
    }
    CHECK(p[9].c.outgoing == 200 && p[9].c.external == 200 && p[9].c.sensitive == 0,
          "trend September: %llu %llu %llu", (unsigned long long)p[9].c.outgoing,
          (unsigned long long)p[9].c.external, (unsigned long long)p[9].c.sensitive);
    check_counts("trend", &p[10].c, &oct_all);
    static const struct want_counts nov = {.name = "November",
                                           .outgoing = 4,
                                           .external = 4,
                                           .sensitive = 4,
                                           .unprotected = 4,
                                           .monitor = 4};
    check_counts("trend", &p[11].c, &nov);

    st = figures_trend(m, "2026-11", 12, "Wijk", p, err, sizeof err);
    CHECK(st == SL_OK, "figures_trend Wijk: %s", err);
    CHECK(p[9].c.outgoing == 0, "Wijk in September: %llu", (unsigned long long)p[9].c.outgoing);
    check_counts("trend", &p[10].c, &oct_wijk);
    check_counts("trend", &p[11].c, &nov);

    /* across a year's end */
    st = figures_trend(m, "2026-02", 3, "", p, err, sizeof err);
    CHECK(st == SL_OK && strcmp(p[0].month, "2025-12") == 0 && strcmp(p[1].month, "2026-01") == 0 &&
              strcmp(p[2].month, "2026-02") == 0,
          "trend over the new year: %s %s %s", p[0].month, p[1].month, p[2].month);
    /* one month */
    st = figures_trend(m, "2026-10", 1, "", p, err, sizeof err);
    CHECK(st == SL_OK && strcmp(p[0].month, "2026-10") == 0 && p[0].c.sensitive == 18,
          "trend of one month");
}

static void test_september_timing(struct metrics *m)
{
    /* 200 scan times 1..200 us: nearest rank 100, 190, 198, 200 */
    struct fig_month f;
    char err[256] = "";
    CHECK(figures_month(m, "2026-09", NULL, &key, &f, err, sizeof err) == SL_OK, "%s", err);
    CHECK(f.timing.n == 200 && f.timing.p50_us == 100 && f.timing.p95_us == 190 &&
              f.timing.p99_us == 198 && f.timing.max_us == 200 && f.timing.bytes == 2000,
          "september timing: n %llu p50 %u p95 %u p99 %u max %u bytes %llu",
          (unsigned long long)f.timing.n, f.timing.p50_us, f.timing.p95_us, f.timing.p99_us,
          f.timing.max_us, (unsigned long long)f.timing.bytes);
    CHECK(f.all.sensitive == 0 && fig_share(&f.all) == 0.0 && f.ndomains == 0 && f.nsenders == 0,
          "september: nothing sensitive");
    figures_month_free(&f);
}

static void test_lists(struct metrics *m)
{
    char months[8][8];
    size_t n = 0;
    CHECK(figures_months(m, months, 8, &n) == SL_OK && n == 3, "months: %zu", n);
    if (n == 3)
        CHECK(strcmp(months[0], "2026-11") == 0 && strcmp(months[1], "2026-10") == 0 &&
                  strcmp(months[2], "2026-09") == 0,
              "months: %s %s %s", months[0], months[1], months[2]);
    CHECK(figures_months(m, months, 2, &n) == SL_OK && n == 2 && strcmp(months[1], "2026-10") == 0,
          "months cut at 2");

    char depts[8][EVENT_DEPT_MAX + 1];
    CHECK(figures_depts(m, depts, 8, &n) == SL_OK && n == 3, "depts: %zu", n);
    if (n == 3)
        CHECK(strcmp(depts[0], "Huisarts") == 0 && strcmp(depts[1], "Jeugdzorg") == 0 &&
                  strcmp(depts[2], "Wijk") == 0,
              "depts: %s %s %s", depts[0], depts[1], depts[2]);
    CHECK(figures_depts(m, depts, 1, &n) == SL_OK && n == 1 && strcmp(depts[0], "Huisarts") == 0,
          "depts cut at 1");

    struct event_rule r[4];
    char month[8];
    enum sl_status st =
        figures_event_rules(m, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                            r, 4, &n, month, sizeof month);
    CHECK(st == SL_OK && n == 2, "event rules: status %d, %zu", st, n);
    if (st == SL_OK && n == 2)
        CHECK(strcmp(r[0].rule, "health.diagnosis") == 0 && strcmp(r[0].category, "health") == 0 &&
                  strcmp(r[1].rule, "nl.bsn") == 0 && strcmp(month, "2026-10") == 0,
              "event rules: %s %s %s", r[0].rule, r[1].rule, month);
    st = figures_event_rules(m, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                             r, 1, &n, month, sizeof month);
    CHECK(st == SL_OK && n == 1, "event rules cut at 1: %zu", n);
    st = figures_event_rules(m, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                             r, 4, &n, month, sizeof month);
    CHECK(st == SL_ENOENT && n == 0, "unknown token: status %d", st);
    st = figures_event_rules(m, "", r, 4, &n, month, sizeof month);
    CHECK(st == SL_ENOENT && n == 0, "empty token (events without one): status %d", st);
    st = figures_event_rules(m, "' OR 1=1 --", r, 4, &n, month, sizeof month);
    CHECK(st == SL_ENOENT && n == 0, "not a token: status %d", st);
}

static void test_bad_args(struct metrics *m)
{
    static const char *const bad[] = {"2026-13", "2026-00", "2026-1",     "202610", "abcd-ef",
                                      "",        "0000-01", "2026-10-01", "2026/10"};
    struct fig_month f;
    struct fig_point p[2];
    char err[256];
    for (size_t i = 0; i < NELEM(bad); i++) {
        err[0] = '\0';
        enum sl_status st = figures_month(m, bad[i], NULL, NULL, &f, err, sizeof err);
        CHECK(st == SL_EINVAL && err[0] != '\0', "month '%s': status %d", bad[i], st);
        CHECK(f.ndepts == 0 && f.depts == NULL, "month '%s': nothing allocated", bad[i]);
        st = figures_trend(m, bad[i], 2, NULL, p, err, sizeof err);
        CHECK(st == SL_EINVAL, "trend '%s': status %d", bad[i], st);
    }
    CHECK(figures_month(m, NULL, NULL, NULL, &f, err, sizeof err) == SL_EINVAL, "NULL month");
    char longdept[EVENT_DEPT_MAX + 2];
    memset(longdept, 'x', sizeof longdept - 1);
    longdept[sizeof longdept - 1] = '\0';
    CHECK(figures_month(m, "2026-10", longdept, NULL, &f, err, sizeof err) == SL_EINVAL,
          "department too long");
    CHECK(figures_trend(m, "2026-10", 0, NULL, p, err, sizeof err) == SL_EINVAL, "trend of 0");
    /* an empty month: zeros, not an error */
    CHECK(figures_month(m, "2024-01", NULL, &key, &f, err, sizeof err) == SL_OK &&
              f.all.outgoing == 0 && f.ndepts == 0 && f.timing.n == 0,
          "empty month");
    figures_month_free(&f);
    figures_month_free(NULL);
}

/* same_month - one month's figures (dept NULL: all) on a and b, and
 * their CSV and JSON, the same */
static void same_month(struct metrics *a, struct metrics *b, const char *month, const char *dept)
{
    struct fig_month fa, fb;
    char err[256] = "", errb[256] = "";
    enum sl_status sa = figures_month(a, month, dept, &key, &fa, err, sizeof err);
    enum sl_status sb = figures_month(b, month, dept, &key, &fb, errb, sizeof errb);
    CHECK(sa == SL_OK && sb == SL_OK, "%s %s: %s / %s", month, dept ? dept : "(all)", err, errb);
    figures_set_reports(&fa, reports_of, NULL);
    figures_set_reports(&fb, reports_of, NULL);
    struct buf ca = BUF_INIT, cb = BUF_INIT, ja = BUF_INIT, jb = BUF_INIT;
    bool made = figures_csv(&fa, &ca) == SL_OK && figures_csv(&fb, &cb) == SL_OK &&
                figures_json(&fa, &ja) == SL_OK && figures_json(&fb, &jb) == SL_OK;
    CHECK(made && ca.len > 0 && ca.len == cb.len && memcmp(ca.data, cb.data, ca.len) == 0,
          "%s %s: the CSV differs between PostgreSQL and SQLite (%zu, %zu bytes)", month,
          dept ? dept : "(all)", ca.len, cb.len);
    CHECK(made && ja.len > 0 && ja.len == jb.len && memcmp(ja.data, jb.data, ja.len) == 0,
          "%s %s: the JSON differs between PostgreSQL and SQLite:\n%.*s\n%.*s", month,
          dept ? dept : "(all)", (int)ja.len, ja.data ? ja.data : "", (int)jb.len,
          jb.data ? jb.data : "");
    /* what CSV and JSON leave out: the sender hashes, in their order */
    bool senders = fa.nsenders == fb.nsenders;
    for (size_t i = 0; senders && i < fa.nsenders; i++)
        senders = strcmp(fa.senders[i].hash, fb.senders[i].hash) == 0 &&
                  fa.senders[i].label == fb.senders[i].label;
    CHECK(senders, "%s %s: the senders differ", month, dept ? dept : "(all)");
    buf_free(&ca);
    buf_free(&cb);
    buf_free(&ja);
    buf_free(&jb);
    figures_month_free(&fa);
    figures_month_free(&fb);
}

/* test_same_as_sqlite - pg (read-only, filled) against the same events in
 * an SQLite file at path: every figure the same */
static void test_same_as_sqlite(struct metrics *pgm, const char *path)
{
    struct metrics *m = NULL;
    char err[256] = "";
    CHECK(metrics_open(path, false, &m, err, sizeof err) == SL_OK, "metrics_open %s: %s", path,
          err);
    if (m == NULL)
        return;
    fill_october(m);
    fill_september(m);
    fill_november(m);
    metrics_close(m);
    CHECK(metrics_open(path, true, &m, err, sizeof err) == SL_OK, "metrics_open read-only: %s",
          err);
    if (m == NULL)
        return;
    static const char *const months[] = {"2026-09", "2026-10", "2026-11", "2024-01"};
    static const char *const depts[] = {NULL, "Wijk", "Huisarts", "Jeugdzorg", "Nergens"};
    for (size_t i = 0; i < NELEM(months); i++)
        for (size_t j = 0; j < NELEM(depts); j++)
            same_month(pgm, m, months[i], depts[j]);
    for (size_t j = 0; j < NELEM(depts); j++) {
        struct fig_point a[14], b[14];
        enum sl_status sa = figures_trend(pgm, "2026-12", 14, depts[j], a, err, sizeof err);
        enum sl_status sb = figures_trend(m, "2026-12", 14, depts[j], b, err, sizeof err);
        bool same = sa == SL_OK && sb == SL_OK;
        for (int k = 0; same && k < 14; k++)
            same =
                strcmp(a[k].month, b[k].month) == 0 && memcmp(&a[k].c, &b[k].c, sizeof a[k].c) == 0;
        CHECK(same, "the trend of %s differs between PostgreSQL and SQLite",
              depts[j] ? depts[j] : "(all)");
    }
    char ma[8][8], mb[8][8], da[8][EVENT_DEPT_MAX + 1], db[8][EVENT_DEPT_MAX + 1];
    size_t na = 0, nb = 0;
    bool same = figures_months(pgm, ma, 8, &na) == SL_OK &&
                figures_months(m, mb, 8, &nb) == SL_OK && na == 3 && na == nb;
    for (size_t i = 0; same && i < na; i++)
        same = strcmp(ma[i], mb[i]) == 0;
    CHECK(same, "the months differ between PostgreSQL and SQLite: %zu, %zu", na, nb);
    same = figures_depts(pgm, da, 8, &na) == SL_OK && figures_depts(m, db, 8, &nb) == SL_OK &&
           na == 3 && na == nb;
    for (size_t i = 0; same && i < na; i++)
        same = strcmp(da[i], db[i]) == 0;
    CHECK(same, "the departments differ between PostgreSQL and SQLite: %zu, %zu", na, nb);
    struct event_rule ra[4], rb[4];
    char month_a[8] = "", month_b[8] = "";
    const char *fp = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    same = figures_event_rules(pgm, fp, ra, 4, &na, month_a, sizeof month_a) == SL_OK &&
           figures_event_rules(m, fp, rb, 4, &nb, month_b, sizeof month_b) == SL_OK && na == 2 &&
           na == nb && strcmp(month_a, month_b) == 0;
    for (size_t i = 0; same && i < na; i++)
        same = strcmp(ra[i].rule, rb[i].rule) == 0 && strcmp(ra[i].category, rb[i].category) == 0;
    CHECK(same, "an event's rules differ between PostgreSQL and SQLite");
    metrics_close(m);
}

/* test_rule_order - an event's rules come in byte order, as on SQLite,
 * whatever the database's collation (in ICU's en-US, which tests/pg/run's
 * database has, "x_b" < "x.a" < "X.c": the reverse); cut at cap after
 * sorting. Last: it adds an event to the store. */
static void test_rule_order(const char *store)
{
    struct metrics *m = NULL;
    char err[256] = "";
    CHECK(metrics_open(store, false, &m, err, sizeof err) == SL_OK, "metrics_open: %s", err);
    if (m == NULL)
        return;
    const char *fp = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
    struct event *e = add(new_event("2026-10", "Wijk", 1, true, MODE_ENFORCE, ACTION_PORTAL));
    event_add_rule(e, "x_b", "c2");
    event_add_rule(e, "X.c", "c3");
    event_add_rule(e, "x.a", "c1");
    snprintf(e->fp, sizeof e->fp, "%s", fp);
    put(m);
    metrics_close(m);
    CHECK(metrics_open(store, true, &m, err, sizeof err) == SL_OK, "metrics_open: %s", err);
    if (m == NULL)
        return;
    struct event_rule r[4];
    size_t n = 0;
    char month[8] = "";
    enum sl_status st = figures_event_rules(m, fp, r, 4, &n, month, sizeof month);
    CHECK(st == SL_OK && n == 3 && strcmp(r[0].rule, "X.c") == 0 && strcmp(r[1].rule, "x.a") == 0 &&
              strcmp(r[1].category, "c1") == 0 && strcmp(r[2].rule, "x_b") == 0,
          "an event's rules in byte order: status %d, %zu: %s %s %s", st, n, n > 0 ? r[0].rule : "",
          n > 1 ? r[1].rule : "", n > 2 ? r[2].rule : "");
    st = figures_event_rules(m, fp, r, 2, &n, month, sizeof month);
    CHECK(st == SL_OK && n == 2 && strcmp(r[0].rule, "X.c") == 0 && strcmp(r[1].rule, "x.a") == 0,
          "cut at 2 after sorting: %zu: %s %s", n, n > 0 ? r[0].rule : "", n > 1 ? r[1].rule : "");
    metrics_close(m);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/sluis-test-figures-XXXXXX");
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    for (int i = 0; i < PSEUDO_KEY_LEN; i++)
        key.k[i] = (unsigned char)(i * 7 + 3);
    char path[128], err[256] = "";
    snprintf(path, sizeof path, "%s/metrics.db", dir);
    const char *store = testdb_target(path, "sluis_metrics");
    printf("test_figures: the figures on %s\n", testdb_pg() ? "PostgreSQL" : "an SQLite file");

    struct metrics *m = NULL;
    enum sl_status st = metrics_open(store, false, &m, err, sizeof err);
    CHECK(st == SL_OK, "metrics_open: %s", err);
    if (st != SL_OK)
        return check_summary("test_figures");
    fill_october(m);
    fill_september(m);
    fill_november(m);
    metrics_close(m);

    /* the readers' way: read-only */
    st = metrics_open(store, true, &m, err, sizeof err);
    CHECK(st == SL_OK, "metrics_open read-only: %s", err);
    if (st == SL_OK) {
        test_october(m);
        test_september_timing(m);
        test_trend(m);
        test_lists(m);
        test_bad_args(m);
        if (testdb_pg())
            test_same_as_sqlite(m, path);
        metrics_close(m);
    }
    test_csv_quoting();
    test_rule_order(store);

    static const char *const files[] = {"metrics.db",  "metrics.db-wal", "metrics.db-shm",
                                        "october.csv", "october.json",   "quoting.csv",
                                        "escape.json"};
    for (size_t i = 0; i < NELEM(files); i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    CHECK(rmdir(dir) == 0, "temporary folder left with files in it");
    return check_summary("test_figures");
}
