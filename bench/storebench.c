/*
 * storebench - the metrics store's figures for `make bench-store`: events
 * through the writer (writer.h) into a real SQLite file on disk.
 *
 *   sustained   events/s the writer stores when pushed as fast as it takes
 *               them (bursts of half a queue, each flushed), every event
 *               stored, none spilled
 *   paced       1,000 events/s for a few seconds: the process's CPU time
 *               per second of it (the writer thread's share), and what was
 *               spilled or lost (nothing, if it keeps up)
 *   push        the cost of one writer_push call (ns), median over bursts
 *               that fit the queue
 *   sender      the cost of one pseudo_sender call (ns): the sender's hash,
 *               the other work the milter's thread does per message
 *
 * usage: storebench DIR [--events N] [--paced-seconds S]
 * DIR must be on the disk the store would live on (not tmpfs). Prints the
 * figures as "name value" lines.
 *
 *        storebench --writer STORE SPILL [--events N] [--rate R] [--wait S]
 * no figures: N events (3000) at R a second (500) through a writer into
 * STORE (a file or a postgresql:// address) with the spill file SPILL,
 * flushed; then up to S seconds (60) for what spilled to be replayed; the
 * writer's counts as "name value" lines. For tests/pg/run, which stops and
 * starts PostgreSQL meanwhile. Exit status 0 when every event was stored or
 * replayed and none lost.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "../policy/policy.h"
#include "../store/event.h"
#include "../store/metrics.h"
#include "../store/pseudo.h"
#include "../store/writer.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_s(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* events - n events like a working day's: 40 senders in 5 departments,
 * two rules, three recipient groups */
static struct event *make_events(const struct pseudo_key *k, size_t n,
                                 unsigned char (*sealed)[PSEUDO_SEALED_MAX], size_t *sealed_len)
{
    static const char *const depts[] = {"cardiologie", "wijkzorg", "ggz", "administratie", ""};
    struct event *ev = calloc(n, sizeof *ev);
    if (ev == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        struct event *e = &ev[i];
        char addr[64];
        snprintf(addr, sizeof addr, "medewerker%zu@zorg.example", i % 40);
        event_set_time(e, 1760000000 + (int64_t)i);
        pseudo_sender(k, addr, e->sender);
        snprintf(e->dept, sizeof e->dept, "%s", depts[i % 5]);
        e->sensitive = i % 3 == 0;
        e->confidence = (uint8_t)(i % 3);
        e->action = e->sensitive ? ACTION_PORTAL : ACTION_PASS;
        e->intended = e->action;
        e->size = 20000 + i % 5000;
        e->scan_us = 900 + (uint32_t)(i % 400);
        if (e->sensitive) {
            event_add_rule(e, "nl.bsn", "identifier");
            event_add_rule(e, "nl.diagnosis", "health");
        }
        event_add_recipient(e, EVENT_CONSUMER, "gmail.com", e->action, e->intended,
                            e->sensitive ? EVENT_CH_PORTAL : EVENT_CH_NONE);
        event_add_recipient(e, EVENT_ORG, "ziekenhuis.example", ACTION_PASS, ACTION_PASS,
                            EVENT_CH_NONE);
        event_add_recipient(e, EVENT_INTERNAL, "", ACTION_PASS, ACTION_PASS, EVENT_CH_NONE);
        pseudo_seal(k, addr, sealed[i], PSEUDO_SEALED_MAX, &sealed_len[i]);
    }
    return ev;
}

static void quiet(int prio, const char *msg)
{
    fprintf(stderr, "writer (%d): %s\n", prio, msg);
}

static struct writer *start(const char *dir, const char *name)
{
    char db[4096], spill[4096], err[512] = "";
    snprintf(db, sizeof db, "%s/%s.db", dir, name);
    snprintf(spill, sizeof spill, "%s/%s.spill", dir, name);
    struct writer_config cfg = {db, spill, 0, 0, quiet};
    struct writer *w = NULL;
    if (writer_start(&cfg, &w, err, sizeof err) != SL_OK || err[0]) {
        fprintf(stderr, "storebench: %s\n", err);
        writer_stop(w);
        return NULL;
    }
    return w;
}

/* writer_run - storebench --writer (see the top) */
static int writer_run(int argc, char **argv, struct event *ev, size_t nev,
                      unsigned char (*sealed)[PSEUDO_SEALED_MAX], const size_t *sealed_len)
{
    size_t n = 3000;
    double rate = 500, wait_s = 60;
    for (int i = 4; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--events") == 0)
            n = strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--rate") == 0)
            rate = atof(argv[i + 1]);
        else if (strcmp(argv[i], "--wait") == 0)
            wait_s = atof(argv[i + 1]);
    }
    if (n > nev || rate <= 0) {
        fprintf(stderr, "storebench: --events at most %zu, --rate above 0\n", nev);
        return 2;
    }
    struct writer_config cfg = {argv[2], argv[3], 0, 0, quiet};
    struct writer *w = NULL;
    char err[512] = "";
    if (writer_start(&cfg, &w, err, sizeof err) != SL_OK) {
        fprintf(stderr, "storebench: %s\n", err);
        return 1;
    }
    if (err[0])
        fprintf(stderr, "storebench: %s\n", err);
    double t0 = now_s();
    for (size_t i = 0; i < n; i++) {
        writer_push(w, &ev[i], sealed[i], sealed_len[i]);
        double left = t0 + (double)(i + 1) / rate - now_s();
        if (left > 0) {
            struct timespec ts = {(time_t)left, (long)((left - (double)(time_t)left) * 1e9)};
            nanosleep(&ts, NULL);
        }
    }
    writer_flush(w);
    struct writer_stats st;
    double until = now_s() + wait_s;
    for (;;) {
        writer_stats(w, &st);
        if (st.stored + st.replayed + st.lost >= st.pushed || now_s() >= until)
            break;
        struct timespec ts = {0, 100000000};
        nanosleep(&ts, NULL);
    }
    writer_stop(w);
    printf("writer_pushed %llu\n", (unsigned long long)st.pushed);
    printf("writer_stored %llu\n", (unsigned long long)st.stored);
    printf("writer_spilled %llu\n", (unsigned long long)st.spilled);
    printf("writer_replayed %llu\n", (unsigned long long)st.replayed);
    printf("writer_lost %llu\n", (unsigned long long)st.lost);
    printf("writer_seconds %.1f\n", now_s() - t0);
    return st.lost == 0 && st.stored + st.replayed == st.pushed ? 0 : 1;
}

int main(int argc, char **argv)
{
    bool writer_mode = argc >= 4 && strcmp(argv[1], "--writer") == 0;
    if (argc < 2 || (!writer_mode && argv[1][0] == '-')) {
        fprintf(stderr, "usage: storebench DIR [--events N] [--paced-seconds S]\n"
                        "       storebench --writer STORE SPILL [--events N] [--rate R] "
                        "[--wait S]\n");
        return 2;
    }
    const char *dir = argv[1];
    size_t total = 200000;
    int paced_s = 5;
    for (int i = 2; !writer_mode && i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--events") == 0)
            total = strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--paced-seconds") == 0)
            paced_s = atoi(argv[i + 1]);
    }
    if (total < 4096)
        total = 4096;
    struct pseudo_key k;
    for (size_t i = 0; i < sizeof k.k; i++)
        k.k[i] = (unsigned char)(i * 13 + 5);
    const size_t nev = 4096;
    unsigned char(*sealed)[PSEUDO_SEALED_MAX] = calloc(nev, sizeof *sealed);
    size_t *sealed_len = calloc(nev, sizeof *sealed_len);
    struct event *ev = sealed && sealed_len ? make_events(&k, nev, sealed, sealed_len) : NULL;
    if (ev == NULL) {
        fprintf(stderr, "storebench: out of memory\n");
        return 1;
    }
    if (writer_mode) {
        int rc = writer_run(argc, argv, ev, nev, sealed, sealed_len);
        free(ev);
        free(sealed);
        free(sealed_len);
        return rc;
    }

    /* sustained: bursts of 2048 (half the default queue), each flushed */
    struct writer *w = start(dir, "sustained");
    if (w == NULL)
        return 1;
    double t0 = now_s();
    for (size_t done = 0; done < total;) {
        for (size_t i = 0; i < 2048 && done < total; i++, done++)
            writer_push(w, &ev[done % nev], sealed[done % nev], sealed_len[done % nev]);
        writer_flush(w);
    }
    double secs = now_s() - t0;
    struct writer_stats st;
    writer_stats(w, &st);
    writer_stop(w);
    printf("sustained_events %llu\n", (unsigned long long)st.stored);
    printf("sustained_seconds %.3f\n", secs);
    printf("sustained_events_per_s %.0f\n", (double)st.stored / secs);
    printf("sustained_transactions %llu\n", (unsigned long long)st.batches);
    printf("sustained_spilled %llu\n", (unsigned long long)st.spilled);
    printf("sustained_lost %llu\n", (unsigned long long)st.lost);

    /* paced: 1,000 events/s, one every millisecond */
    w = start(dir, "paced");
    if (w == NULL)
        return 1;
    size_t n = (size_t)paced_s * 1000;
    double c0 = cpu_s();
    t0 = now_s();
    for (size_t i = 0; i < n; i++) {
        writer_push(w, &ev[i % nev], sealed[i % nev], sealed_len[i % nev]);
        double due = t0 + (double)(i + 1) / 1000.0, left = due - now_s();
        if (left > 0) {
            struct timespec ts = {0, (long)(left * 1e9)};
            nanosleep(&ts, NULL);
        }
    }
    writer_flush(w);
    secs = now_s() - t0;
    double cpu = cpu_s() - c0;
    writer_stats(w, &st);
    writer_stop(w);
    printf("paced_events %llu\n", (unsigned long long)st.stored);
    printf("paced_rate_per_s %.0f\n", (double)n / secs);
    printf("paced_cpu_percent_of_one_core %.1f\n", 100.0 * cpu / secs);
    printf("paced_transactions %llu\n", (unsigned long long)st.batches);
    printf("paced_spilled %llu\n", (unsigned long long)st.spilled);
    printf("paced_lost %llu\n", (unsigned long long)st.lost);

    /* push: the caller's cost, bursts of 2048 into a queue of 4096 */
    w = start(dir, "push");
    if (w == NULL)
        return 1;
    enum { BURSTS = 40, BURST = 2048 };
    double per[BURSTS];
    for (int b = 0; b < BURSTS; b++) {
        double p0 = now_s();
        for (int i = 0; i < BURST; i++) {
            size_t j = (size_t)(b * BURST + i) % nev;
            writer_push(w, &ev[j], sealed[j], sealed_len[j]);
        }
        per[b] = (now_s() - p0) * 1e9 / BURST;
        writer_flush(w);
    }
    writer_stats(w, &st);
    writer_stop(w);
    qsort(per, BURSTS, sizeof per[0], cmp_double);
    printf("push_ns_median %.0f\n", per[BURSTS / 2]);
    printf("push_ns_min %.0f\n", per[0]);
    printf("push_ns_max %.0f\n", per[BURSTS - 1]);
    printf("push_lost %llu\n", (unsigned long long)st.lost);

    /* sender: one HMAC per message, in the milter's thread */
    char hash[EVENT_HASH_LEN + 1];
    for (int b = 0; b < BURSTS; b++) {
        double p0 = now_s();
        for (int i = 0; i < BURST; i++)
            pseudo_sender(&k, i % 2 ? "J.de.Vries@zorg-example.nl" : "a.bakker@zorg-example.nl",
                          hash);
        per[b] = (now_s() - p0) * 1e9 / BURST;
    }
    qsort(per, BURSTS, sizeof per[0], cmp_double);
    printf("sender_ns_median %.0f\n", per[BURSTS / 2]);
    free(ev);
    free(sealed);
    free(sealed_len);
    return st.lost == 0 ? 0 : 1;
}
