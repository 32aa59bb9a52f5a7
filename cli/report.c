/*
 * report - `sluis report --month YYYY-MM [--dept NAME] [--csv|--json]
 * [--store PATH] [--key PATH]`: a month's figures from the metrics store,
 * read-only, through figures_month() (the dashboard's definitions). Text by
 * default; --csv and --json print figures_csv() and figures_json(), the
 * dashboard's exports.
 *
 * The store defaults to the installed one (SLUIS_METRICS_DB), the key to
 * SYSCONFDIR/sluis/metrics.key. The key only numbers the senders' labels:
 * a default key that cannot be read leaves them unnumbered (with a note);
 * a key named with --key that cannot be read is an error. Senders appear
 * by department and label, never by hash or address. False-positive
 * reports live in the dashboard's database: here they are 0.
 */
#include "report.h"

#include <openssl/crypto.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../common/buf.h"
#include "../store/figures.h"
#include "../store/metrics.h"
#include "../store/pseudo.h"

#ifndef SLUIS_SYSCONFDIR
#define SLUIS_SYSCONFDIR "/etc"
#endif
#ifndef SLUIS_METRICS_DB
#define SLUIS_METRICS_DB "/var/lib/sluis/metrics.db"
#endif

void report_usage(FILE *f)
{
    fprintf(f, "       sluis report --month YYYY-MM [--dept NAME] [--csv|--json] [--store PATH]\n"
               "                    [--key PATH]\n");
}

/* pct - a share as "44.4%" (one decimal), or "-" when there is no whole */
static const char *pct(uint64_t part, uint64_t whole, char out[48])
{
    if (whole == 0) {
        snprintf(out, 48, "-");
        return out;
    }
    unsigned long long v = (unsigned long long)((part * 2000 / whole + 1) / 2);
    snprintf(out, 48, "%llu.%llu%%", v / 10, v % 10);
    return out;
}

static void line(const char *name, uint64_t v, uint64_t whole)
{
    char p[48];
    if (whole)
        printf("%-28s %10llu  %7s\n", name, (unsigned long long)v, pct(v, whole, p));
    else
        printf("%-28s %10llu\n", name, (unsigned long long)v);
}

/* us - microseconds as milliseconds with two decimals */
static const char *ms(uint32_t us, char out[24])
{
    snprintf(out, 24, "%u.%02u ms", us / 1000, (us % 1000) / 10);
    return out;
}

static const char *dept_name(const char *d)
{
    return d[0] ? d : "(organisation)";
}

static void print_text(const struct fig_month *f, bool labels)
{
    const struct fig_counts *c = &f->all;
    char a[48], b[24], d[24], e[24], g[24];
    printf("sluis report %s, %s\n\n", f->month, f->dept[0] ? f->dept : "all departments");
    printf("%-28s %10s  %7s\n", "", "messages", "share");
    line("outgoing", c->outgoing, 0);
    line("with an external recipient", c->external, 0);
    line("  of which sensitive", c->sensitive, 0);
    line("    protected", c->protected_, c->sensitive);
    line("      S/MIME", c->channel[EVENT_CH_SMIME], c->sensitive);
    line("      TLS route", c->channel[EVENT_CH_TLS], c->sensitive);
    line("      portal", c->channel[EVENT_CH_PORTAL], c->sensitive);
    line("      external portal", c->channel[EVENT_CH_EXTERNAL_PORTAL], c->sensitive);
    line("    unprotected", c->unprotected, c->sensitive);
    line("      monitor mode", c->by_monitor, c->sensitive);
    line("      warn mode", c->by_warn, c->sensitive);
    line("      override", c->by_override, c->sensitive);
    static const char *const reasons[FIG_REASONS] = {"",       "consent",    "not health data",
                                                     "urgent", "no channel", "other"};
    for (int r = 1; r < FIG_REASONS; r++) {
        char name[40];
        snprintf(name, sizeof name, "        %s", reasons[r]);
        line(name, c->override_reason[r], c->sensitive);
    }
    line("      other", c->by_other, c->sensitive);
    line("    held", c->held, c->sensitive);
    line("    rejected", c->rejected, c->sensitive);
    line("    temporary failure", c->tempfail, c->sensitive);
    line("  not scanned in full", c->incomplete, 0);
    line("  unsafe tag refused", c->override_refused, 0);

    printf("\n%-24s %9s %9s %9s %9s %8s %11s %6s %8s\n", "department", "outgoing", "external",
           "sensitive", "protected", "share", "unprotected", "held", "rejected");
    for (size_t i = 0; i < f->ndepts; i++) {
        const struct fig_counts *k = &f->depts[i].c;
        printf("%-24s %9llu %9llu %9llu %9llu %8s %11llu %6llu %8llu\n",
               dept_name(f->depts[i].dept), (unsigned long long)k->outgoing,
               (unsigned long long)k->external, (unsigned long long)k->sensitive,
               (unsigned long long)k->protected_, pct(k->protected_, k->sensitive, a),
               (unsigned long long)k->unprotected, (unsigned long long)k->held,
               (unsigned long long)k->rejected);
    }

    printf("\nrecipient domains without a verified channel (S/MIME or TLS)\n");
    printf("%-40s %9s %10s %11s\n", "domain", "sensitive", "unverified", "unprotected");
    for (size_t i = 0; i < f->ndomains; i++)
        printf("%-40s %9llu %10llu %11llu\n", f->domains[i].domain,
               (unsigned long long)f->domains[i].messages,
               (unsigned long long)f->domains[i].unverified,
               (unsigned long long)f->domains[i].unprotected);
    if (f->ndomains == 0)
        printf("(none)\n");

    printf("\nrules that fired most\n%-28s %-16s %8s\n", "rule", "category", "messages");
    for (size_t i = 0; i < f->nrules; i++)
        printf("%-28s %-16s %8llu\n", f->rules[i].rule, f->rules[i].category,
               (unsigned long long)f->rules[i].fired);
    if (f->nrules == 0)
        printf("(none)\n");

    const struct fig_timing *t = &f->timing;
    printf("\nscan time over %llu messages: median %s, p95 %s, p99 %s, max %s; %llu bytes\n",
           (unsigned long long)t->n, ms(t->p50_us, b), ms(t->p95_us, d), ms(t->p99_us, e),
           ms(t->max_us, g), (unsigned long long)t->bytes);

    printf("\nsenders with sensitive mail sent unprotected (pseudonyms)\n%-32s %9s %11s\n",
           "sender", "sensitive", "unprotected");
    for (size_t i = 0; i < f->nsenders; i++) {
        const struct fig_sender *s = &f->senders[i];
        char label[EVENT_DEPT_MAX + 16];
        if (labels)
            snprintf(label, sizeof label, "%s-%u", dept_name(s->dept), s->label);
        else
            snprintf(label, sizeof label, "%s-?", dept_name(s->dept));
        printf("%-32s %9llu %11llu\n", label, (unsigned long long)s->sensitive,
               (unsigned long long)s->unprotected);
    }
    if (f->nsenders == 0)
        printf("(none)\n");
}

int report_main(int argc, char **argv)
{
    const char *month = NULL, *dept = NULL, *store = SLUIS_METRICS_DB, *keyfile = NULL;
    enum { TEXT, CSV, JSON } format = TEXT;
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(o, "--csv") == 0 || strcmp(o, "--json") == 0) {
            if (format != TEXT) {
                fprintf(stderr, "sluis report: --csv and --json: one or the other\n");
                return 2;
            }
            format = strcmp(o, "--csv") == 0 ? CSV : JSON;
        } else if (has && strcmp(o, "--month") == 0) {
            month = argv[++i];
        } else if (has && strcmp(o, "--dept") == 0) {
            dept = argv[++i];
        } else if (has && strcmp(o, "--store") == 0) {
            store = argv[++i];
        } else if (has && strcmp(o, "--key") == 0) {
            keyfile = argv[++i];
        } else {
            fprintf(stderr, "sluis report: unknown or incomplete option '%s'\n", o);
            report_usage(stderr);
            return 2;
        }
    }
    if (month == NULL) {
        fprintf(stderr, "sluis report: --month YYYY-MM is required\n");
        report_usage(stderr);
        return 2;
    }

    struct pseudo_key key;
    bool have_key = false;
    char err[512] = "";
    if (keyfile) {
        if (pseudo_load(keyfile, &key, err, sizeof err) != SL_OK) {
            fprintf(stderr, "sluis report: %s\n", err);
            return 1;
        }
        have_key = true;
    } else {
        have_key =
            pseudo_load(SLUIS_SYSCONFDIR "/sluis/metrics.key", &key, err, sizeof err) == SL_OK;
    }

    struct metrics *m;
    if (metrics_open(store, true, &m, err, sizeof err) != SL_OK) {
        fprintf(stderr, "sluis report: %s\n", err);
        return 1;
    }
    struct fig_month f;
    enum sl_status st = figures_month(m, month, dept, have_key ? &key : NULL, &f, err, sizeof err);
    metrics_close(m);
    OPENSSL_cleanse(&key, sizeof key);
    if (st != SL_OK) {
        fprintf(stderr, "sluis report: %s\n", err);
        return st == SL_EINVAL ? 2 : 1;
    }
    int rc = 0;
    if (format == TEXT) {
        print_text(&f, have_key);
        if (!have_key && f.nsenders)
            fprintf(stderr, "sluis report: no metrics key (--key): senders are not numbered\n");
    } else {
        struct buf out = BUF_INIT;
        st = format == CSV ? figures_csv(&f, &out) : figures_json(&f, &out);
        if (st != SL_OK || fwrite(out.data, 1, out.len, stdout) != out.len) {
            fprintf(stderr, "sluis report: %s\n", st != SL_OK ? sl_status_str(st) : "write failed");
            rc = 1;
        }
        buf_free(&out);
    }
    figures_month_free(&f);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "sluis report: write failed\n");
        rc = 1;
    }
    return rc;
}
