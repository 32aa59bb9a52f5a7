/*
 * dbbench - the stores on SQLite and on PostgreSQL, for `make bench-db`:
 *
 *   puts     store_put of a 20 KB message for two recipients, each its own
 *            transaction (as the milter keeps a redirected message), into
 *            the portal store at TARGET
 *   events   metrics_put of batches of 256 events (the writer's batch) into
 *            the metrics store at TARGET
 *
 * TARGET is an SQLite file or a postgresql:// address; THREADS threads with
 * a connection each write at once (as several relays would).
 *
 * usage: dbbench puts TARGET KEYFILE [--n N] [--threads T]
 *        dbbench events TARGET [--n N] [--threads T]
 * Prints "puts_per_s V" and "put_ms_median V", or "events_per_s V" and
 * "batch_ms_median V": N puts (or events) per thread.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../policy/policy.h"
#include "../portal/store.h"
#include "../store/event.h"
#include "../store/metrics.h"

#define BATCH 256

static const char *target, *keyfile;
static unsigned each = 200;
static bool events_mode;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct worker {
    pthread_t t;
    unsigned id;
    double *ms; /* each put's (or batch's) time */
    unsigned done, units;
    char err[512];
};

static void *run_puts(struct worker *w)
{
    struct store *s = NULL;
    if (store_open(target, keyfile, 0, &s, w->err, sizeof w->err) != SL_OK)
        return NULL;
    static char msg[20000];
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (char)('a' + i % 26);
    const struct store_rcpt rcpts[2] = {{"client@gmail.com", STORE_VERIFY_CODE, NULL},
                                        {"familie@hotmail.com", STORE_VERIFY_EMAIL, NULL}};
    for (unsigned i = 0; i < each; i++) {
        char id[33], sender_token[STORE_TOKEN_LEN + 1];
        struct store_pickup pickups[2];
        double t0 = now_s();
        if (store_put(s, msg, sizeof msg, "wijkzorg@zorg.example", rcpts, 2, time(NULL) + 86400, id,
                      pickups, sender_token, w->err, sizeof w->err) != SL_OK)
            break;
        w->ms[w->done++] = (now_s() - t0) * 1000;
        w->units++;
    }
    store_free(s);
    return NULL;
}

/* run_events - batches of events as the writer stores them: a sensitive
 * one in three, with two rules and two recipient groups */
static void *run_events(struct worker *w)
{
    struct metrics *m = NULL;
    struct event *ev = calloc(BATCH, sizeof *ev);
    if (ev == NULL || metrics_open(target, false, &m, w->err, sizeof w->err) != SL_OK) {
        free(ev);
        return NULL;
    }
    for (unsigned i = 0; i < BATCH; i++) {
        struct event *e = &ev[i];
        event_set_time(e, 1760000000 + (int64_t)i);
        snprintf(e->sender, sizeof e->sender, "s%02u%04u", w->id, i % 50);
        snprintf(e->dept, sizeof e->dept, "afdeling %u", i % 7);
        e->sensitive = i % 3 == 0;
        e->action = e->sensitive ? ACTION_PORTAL : ACTION_PASS;
        e->size = 20000;
        if (e->sensitive) {
            event_add_rule(e, "nl.bsn", "identifier");
            event_add_rule(e, "nl.diagnosis", "health");
        }
        event_add_recipient(e, EVENT_CONSUMER, "gmail.com", e->action, e->action,
                            e->sensitive ? EVENT_CH_PORTAL : EVENT_CH_NONE);
        event_add_recipient(e, EVENT_INTERNAL, "", ACTION_PASS, ACTION_PASS, EVENT_CH_NONE);
    }
    for (unsigned done = 0; done < each; done += BATCH) {
        unsigned n = each - done < BATCH ? each - done : BATCH;
        double t0 = now_s();
        if (metrics_put(m, ev, n, NULL, NULL, w->err, sizeof w->err) != SL_OK)
            break;
        w->ms[w->done++] = (now_s() - t0) * 1000;
        w->units += n;
    }
    metrics_close(m);
    free(ev);
    return NULL;
}

static void *run(void *arg)
{
    return events_mode ? run_events(arg) : run_puts(arg);
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* prepare - the store made before the clock starts */
static bool prepare(void)
{
    char err[512];
    if (events_mode) {
        struct metrics *m = NULL;
        if (metrics_open(target, false, &m, err, sizeof err) != SL_OK) {
            fprintf(stderr, "dbbench: %s\n", err);
            return false;
        }
        metrics_close(m);
        return true;
    }
    struct store *s = NULL;
    if (store_open(target, keyfile, STORE_CREATE, &s, err, sizeof err) != SL_OK) {
        fprintf(stderr, "dbbench: %s\n", err);
        return false;
    }
    store_free(s);
    return true;
}

int main(int argc, char **argv)
{
    unsigned threads = 1;
    int arg = 3;
    if (argc >= 3 && strcmp(argv[1], "events") == 0) {
        events_mode = true;
    } else if (argc >= 4 && strcmp(argv[1], "puts") == 0) {
        keyfile = argv[3];
        arg = 4;
    } else {
        fprintf(stderr, "usage: dbbench puts TARGET KEYFILE [--n N] [--threads T]\n"
                        "       dbbench events TARGET [--n N] [--threads T]\n");
        return 2;
    }
    target = argv[2];
    for (int i = arg; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--n") == 0)
            each = (unsigned)strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--threads") == 0)
            threads = (unsigned)strtoul(argv[i + 1], NULL, 10);
    }
    if (threads == 0 || threads > 64 || each == 0 || !prepare())
        return 2;
    struct worker *w = calloc(threads, sizeof *w);
    double *all = calloc((size_t)threads * each, sizeof *all);
    if (w == NULL || all == NULL) {
        free(w);
        free(all);
        return 1;
    }
    double t0 = now_s();
    for (unsigned i = 0; i < threads; i++) {
        w[i].id = i;
        w[i].ms = all + (size_t)i * each;
        pthread_create(&w[i].t, NULL, run, &w[i]);
    }
    int rc = 0;
    size_t units = 0;
    for (unsigned i = 0; i < threads; i++) {
        pthread_join(w[i].t, NULL);
        units += w[i].units;
        if (w[i].units < each) {
            fprintf(stderr, "dbbench: %u of %u: %s\n", w[i].units, each, w[i].err);
            rc = 1;
        }
    }
    double secs = now_s() - t0;
    size_t n = 0;
    for (unsigned i = 0; i < threads; i++)
        for (unsigned k = 0; k < w[i].done; k++)
            all[n++] = w[i].ms[k];
    qsort(all, n, sizeof *all, cmp);
    printf("%s_per_s %.0f\n", events_mode ? "events" : "puts", (double)units / secs);
    printf("%s_ms_median %.2f\n", events_mode ? "batch" : "put", n ? all[n / 2] : 0.0);
    free(all);
    free(w);
    return rc;
}
