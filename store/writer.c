/*
 * writer - events to the store without SMTP waiting for the disk. See
 * writer.h.
 *
 * Two threads and two bounded queues, both under one mutex (mu):
 *   the store queue (q), drained by the writer thread into the store in
 *   batches (metrics_put); while the store fails, the thread writes its
 *   batches to the spill file instead and tries the store again every
 *   RETRY_MS;
 *   the spill queue (sq, as long as the store queue, at least a batch),
 *   which takes what the store queue has no room for, drained by the
 *   spill thread into the spill file; when it is full too, an event is
 *   lost (counted).
 * writer_push only copies the event into memory and takes mu for a queue
 * operation: no I/O, no waiting for either thread.
 *
 * The spill file: one line per event, the event_encode line, a tab, the
 * sealed address in hex ("-": none), a newline; appended under spill_mu
 * and fdatasync'd once per batch. A batch that cannot be written whole is
 * cut off again (ftruncate) and counted lost. The writer thread replays it
 * from replay_pos (pread, no lock: appends never change written bytes),
 * one metrics_put per WRITER_BATCH lines, and truncates the file once it
 * has caught up with its end. A line that does not decode is skipped and
 * logged. A crash between a replayed batch and the truncation replays that
 * batch again at the next start (counted twice, never lost).
 *
 * The writer thread owns the store connection, replay_pos, the retry and
 * retention times; everything in struct writer_stats is under mu.
 */
#include "writer.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "../common/file.h"
#include "metrics.h"
#include "sql.h"

#define RETRY_MS       2000             /* the store again after a failure */
#define RETENTION_MS   (24 * 3600000LL) /* expiry once a day */
#define LOST_LOG_MS    60000            /* a line about lost events at most this often */
#define SPILL_LINE_MAX (EVENT_LINE_MAX + 2 * PSEUDO_SEALED_MAX + 4)
#define READ_CHUNK     (256 * 1024)
#define REPLAY_TURN    16 /* replayed transactions between two looks at the queue */

/* an event as queued: the struct cut after its last group (most of an
 * event's size is room for groups it does not have) */
struct item {
    size_t sealed_len;
    unsigned char sealed[PSEUDO_SEALED_MAX];
    size_t ngroups;
    uint64_t ev[]; /* the bytes of a struct event up to groups[ngroups] */
};

#define ITEM_EVENT_BYTES(ng) (offsetof(struct event, groups) + (ng) * sizeof(struct event_group))

/* item_event - the queued event as a whole struct again */
static void item_event(const struct item *it, struct event *out)
{
    memcpy(out, it->ev, ITEM_EVENT_BYTES(it->ngroups));
    out->ngroups = it->ngroups;
}

struct ring {
    struct item **v;
    unsigned cap, head, n;
};

struct writer {
    char *store_path, *spill_path;
    unsigned retention;
    void (*log)(int prio, const char *msg);

    pthread_mutex_t mu;
    pthread_cond_t work;  /* the writer thread: events, a flush, a stop, a spill */
    pthread_cond_t swork; /* the spill thread */
    pthread_cond_t done;  /* flushers */
    struct ring q, sq;
    int64_t q_since; /* when the store queue last became non-empty (ms) */
    bool stop;
    unsigned flushing;
    uint64_t handled; /* stored, spilled or lost: for writer_flush */
    struct writer_stats st;
    pthread_t thread, spiller;
    bool thread_up, spiller_up;

    /* the spill file */
    pthread_mutex_t spill_mu;
    int spill_fd;
    off_t spill_end;

    /* the writer thread's own */
    struct metrics *m;
    dev_t store_dev; /* the file m has open, to see it removed or replaced */
    ino_t store_ino;
    bool failing;
    int64_t retry_at, retention_at, lost_log_at;
    uint64_t lost_logged;
    off_t replay_pos;
    struct event *bev; /* WRITER_BATCH events for metrics_put */
    const unsigned char **bsp;
    size_t *bsl;
    unsigned char (*rsealed)[PSEUDO_SEALED_MAX];
    char *rbuf; /* READ_CHUNK + 1 */
};

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void say(struct writer *w, int prio, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void say(struct writer *w, int prio, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (w->log)
        w->log(prio, msg);
    else
        fprintf(stderr, "sluis metrics: %s\n", msg);
}

/* ---- queues (under mu) */

static bool ring_init(struct ring *r, unsigned cap)
{
    r->v = calloc(cap, sizeof(struct item *)); /* NOLINT(bugprone-sizeof-expression): pointers */
    r->cap = cap;
    r->head = r->n = 0;
    return r->v != NULL;
}

static bool ring_push(struct ring *r, struct item *it)
{
    if (r->n >= r->cap)
        return false;
    r->v[(r->head + r->n) % r->cap] = it;
    r->n++;
    return true;
}

static unsigned ring_take(struct ring *r, struct item **out, unsigned max)
{
    unsigned n = 0;
    while (n < max && r->n > 0) {
        out[n++] = r->v[r->head];
        r->head = (r->head + 1) % r->cap;
        r->n--;
    }
    return n;
}

static void ring_free(struct ring *r)
{
    struct item *it;
    while (ring_take(r, &it, 1) == 1)
        free(it);
    free(r->v);
    r->v = NULL;
}

static void deadline(struct timespec *ts, int64_t at_ms)
{
    ts->tv_sec = (time_t)(at_ms / 1000);
    ts->tv_nsec = (long)(at_ms % 1000) * 1000000;
}

/* ---- the spill file */

static size_t spill_line(const struct event *e, const unsigned char *sealed, size_t sealed_len,
                         char *out, size_t outlen)
{
    static const char hexd[] = "0123456789abcdef";
    if (!event_encode(e, out, outlen - 2 * PSEUDO_SEALED_MAX - 3))
        return 0;
    size_t n = strlen(out);
    out[n++] = '\t';
    if (sealed_len == 0 || sealed_len > PSEUDO_SEALED_MAX) {
        out[n++] = '-';
    } else {
        for (size_t i = 0; i < sealed_len; i++) {
            out[n++] = hexd[sealed[i] >> 4];
            out[n++] = hexd[sealed[i] & 15];
        }
    }
    out[n++] = '\n';
    out[n] = '\0';
    return n;
}

static int unhex(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* spill_items - append n queued events to the spill file, all or none;
 * counts them spilled or lost. Either thread. */
static void spill_items(struct writer *w, struct item **items, unsigned n)
{
    if (n == 0)
        return;
    size_t cap = (size_t)n * 1024 + SPILL_LINE_MAX, len = 0;
    char *buf = malloc(cap);
    bool ok = buf != NULL;
    struct event e;
    for (unsigned i = 0; ok && i < n; i++) {
        if (cap - len < SPILL_LINE_MAX) {
            char *b = realloc(buf, cap * 2);
            ok = b != NULL;
            if (!ok)
                break;
            buf = b;
            cap *= 2;
        }
        item_event(items[i], &e);
        size_t k = spill_line(&e, items[i]->sealed, items[i]->sealed_len, buf + len, cap - len);
        ok = k > 0;
        len += k;
    }
    if (ok) {
        pthread_mutex_lock(&w->spill_mu);
        off_t before = w->spill_end;
        ok = file_write_all(w->spill_fd, buf, len) && fdatasync(w->spill_fd) == 0;
        if (ok) {
            w->spill_end += (off_t)len;
        } else if (ftruncate(w->spill_fd, before) != 0) {
            /* where the file ends is not known any more: ask */
            struct stat st;
            if (fstat(w->spill_fd, &st) == 0)
                w->spill_end = st.st_size;
        }
        pthread_mutex_unlock(&w->spill_mu);
    }
    free(buf);
    pthread_mutex_lock(&w->mu);
    if (ok)
        w->st.spilled += n;
    else
        w->st.lost += n;
    pthread_cond_signal(&w->work); /* a replay, or a line about the loss */
    pthread_mutex_unlock(&w->mu);
}

/* spill_tail - a spill file that does not end in a newline (a crash while
 * writing) is cut back to its last whole line */
static void spill_tail(struct writer *w)
{
    off_t end = w->spill_end, at = end;
    char c;
    if (end == 0 || (pread(w->spill_fd, &c, 1, end - 1) == 1 && c == '\n'))
        return;
    while (at > 0 && pread(w->spill_fd, &c, 1, at - 1) == 1 && c != '\n')
        at--;
    if (ftruncate(w->spill_fd, at) == 0) {
        w->spill_end = at;
        w->st.lost++;
        say(w, LOG_WARNING, "spill file %s: a torn last line cut off (1 event lost)",
            w->spill_path);
    }
}

static void *spill_thread(void *arg)
{
    struct writer *w = arg;
    prctl(PR_SET_NAME, "sluis-spill"); /* for top -H and ps -L */
    struct item *items[WRITER_BATCH];
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (w->sq.n == 0 && !w->stop)
            pthread_cond_wait(&w->swork, &w->mu);
        if (w->sq.n == 0 && w->stop)
            break;
        unsigned n = ring_take(&w->sq, items, WRITER_BATCH);
        pthread_mutex_unlock(&w->mu);
        spill_items(w, items, n);
        for (unsigned i = 0; i < n; i++)
            free(items[i]);
        pthread_mutex_lock(&w->mu);
        w->handled += n;
        pthread_cond_broadcast(&w->done);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

/* ---- the writer thread */

static void store_failed(struct writer *w, const char *err)
{
    if (!w->failing)
        say(w, LOG_ERR, "%s; events go to the spill file %s until it works again", err,
            w->spill_path);
    w->failing = true;
    w->retry_at = now_ms() + RETRY_MS;
}

/* store_note - remember which file the store is, after an open */
static void store_note(struct writer *w)
{
    struct stat st;
    if (stat(w->store_path, &st) == 0) {
        w->store_dev = st.st_dev;
        w->store_ino = st.st_ino;
    }
}

/* store_open - the store open, and still the file at its path: one removed
 * or replaced (an admin's mistake, a restore) would take events into a
 * file nobody reads, so it is closed and the path opened anew. A
 * PostgreSQL store stays open: its connection is made again by store/sql.c
 * when it broke. */
static bool store_open(struct writer *w)
{
    struct stat st;
    if (w->m && !sql_is_remote(w->store_path) &&
        (stat(w->store_path, &st) != 0 || st.st_dev != w->store_dev || st.st_ino != w->store_ino)) {
        say(w, LOG_WARNING, "the store %s was removed or replaced; opening it anew", w->store_path);
        metrics_close(w->m);
        metrics_drop_journals(w->store_path);
        w->m = NULL;
        w->retry_at = 0;
    }
    if (w->m)
        return true;
    if (now_ms() < w->retry_at)
        return false;
    char err[512];
    if (metrics_open(w->store_path, false, &w->m, err, sizeof err) != SL_OK) {
        w->m = NULL;
        store_failed(w, err);
        return false;
    }
    store_note(w);
    return true;
}

static void put_items(struct writer *w, struct item **items, unsigned n)
{
    char err[512];
    if (!w->failing || now_ms() >= w->retry_at) {
        if (store_open(w)) {
            for (unsigned i = 0; i < n; i++) {
                item_event(items[i], &w->bev[i]);
                w->bsp[i] = items[i]->sealed_len ? items[i]->sealed : NULL;
                w->bsl[i] = items[i]->sealed_len;
            }
            if (metrics_put(w->m, w->bev, n, w->bsp, w->bsl, err, sizeof err) == SL_OK) {
                if (w->failing)
                    say(w, LOG_NOTICE, "the store %s takes events again", w->store_path);
                w->failing = false;
                pthread_mutex_lock(&w->mu);
                w->st.stored += n;
                w->st.batches++;
                pthread_mutex_unlock(&w->mu);
                return;
            }
            store_failed(w, err);
        }
    }
    spill_items(w, items, n);
}

/* replayed_all - whether the whole spill file is in the store; it is then
 * emptied, so that it is never replayed twice (a writer started again
 * replays from the file's start) */
static bool replayed_all(struct writer *w, off_t *end)
{
    pthread_mutex_lock(&w->spill_mu);
    *end = w->spill_end;
    bool all = w->replay_pos >= *end;
    if (all) {
        if (ftruncate(w->spill_fd, 0) == 0)
            w->spill_end = 0;
        w->replay_pos = 0;
    }
    pthread_mutex_unlock(&w->spill_mu);
    return all;
}

/* replay - the spill file into the store, from replay_pos to its end,
 * then truncated; stops at the first failure (tried again later), and
 * after REPLAY_TURN transactions, so that the queue gets its turn */
static void replay(struct writer *w)
{
    char err[512];
    uint64_t skipped = 0;
    off_t end;
    for (unsigned turn = 0; turn < REPLAY_TURN; turn++) {
        if (replayed_all(w, &end))
            break;
        size_t want =
            (size_t)(end - w->replay_pos) < READ_CHUNK ? (size_t)(end - w->replay_pos) : READ_CHUNK;
        ssize_t got = pread(w->spill_fd, w->rbuf, want, w->replay_pos);
        if (got <= 0) {
            say(w, LOG_ERR, "spill file %s: cannot read it: %s", w->spill_path,
                got < 0 ? strerror(errno) : "shorter than written");
            w->retry_at = now_ms() + RETRY_MS;
            w->failing = true;
            break;
        }
        w->rbuf[got] = '\0';
        size_t at = 0, used = 0;
        unsigned n = 0;
        while (n < WRITER_BATCH) {
            char *nl = memchr(w->rbuf + at, '\n', (size_t)got - at);
            if (nl == NULL)
                break;
            *nl = '\0';
            char *line = w->rbuf + at;
            at = (size_t)(nl - w->rbuf) + 1;
            used = at;
            char *tab = strchr(line, '\t');
            bool ok = tab != NULL;
            if (ok)
                *tab = '\0';
            ok = ok && event_decode(line, &w->bev[n]);
            size_t sl = 0;
            if (ok && strcmp(tab + 1, "-") != 0) {
                size_t hl = strlen(tab + 1);
                ok = hl % 2 == 0 && hl / 2 <= PSEUDO_SEALED_MAX && hl > 0;
                for (size_t i = 0; ok && i < hl / 2; i++) {
                    int hi = unhex(tab[1 + 2 * i]), lo = unhex(tab[2 + 2 * i]);
                    ok = hi >= 0 && lo >= 0;
                    if (ok)
                        w->rsealed[n][i] = (unsigned char)(hi << 4 | lo);
                }
                sl = hl / 2;
            }
            if (!ok) {
                skipped++;
                continue;
            }
            w->bsp[n] = sl ? w->rsealed[n] : NULL;
            w->bsl[n] = sl;
            n++;
        }
        if (used == 0) {
            /* no newline in a whole chunk: not a line of ours; skip it */
            skipped++;
            w->replay_pos += got;
            continue;
        }
        if (n > 0 && metrics_put(w->m, w->bev, n, w->bsp, w->bsl, err, sizeof err) != SL_OK) {
            store_failed(w, err);
            break;
        }
        if (n > 0 && w->failing) {
            say(w, LOG_NOTICE, "the store %s takes events again; replaying the spill file",
                w->store_path);
            w->failing = false;
        }
        w->replay_pos += (off_t)used;
        pthread_mutex_lock(&w->mu);
        w->st.replayed += n;
        w->st.batches += n > 0;
        pthread_mutex_unlock(&w->mu);
    }
    /* the last batch may have been the last turn's */
    if (!w->failing)
        replayed_all(w, &end);
    if (skipped)
        say(w, LOG_WARNING, "spill file %s: %llu unreadable lines skipped", w->spill_path,
            (unsigned long long)skipped);
}

static void retention(struct writer *w)
{
    time_t now = time(NULL);
    struct tm tm;
    char first[16], err[512];
    uint64_t gone = 0;
    if (localtime_r(&now, &tm) == NULL)
        return;
    long months = (long)(tm.tm_year + 1900) * 12 + tm.tm_mon - (long)(w->retention - 1);
    snprintf(first, sizeof first, "%04ld-%02ld", months / 12, months % 12 + 1);
    if (metrics_expire(w->m, first, &gone, err, sizeof err) != SL_OK) {
        say(w, LOG_ERR, "retention: %s", err);
        w->retention_at = now_ms() + RETRY_MS * 30;
        return;
    }
    if (gone)
        say(w, LOG_INFO, "retention: %llu events before %s removed", (unsigned long long)gone,
            first);
    w->retention_at = now_ms() + RETENTION_MS;
}

/* housekeeping - a replay, the daily expiry, the line about losses; then
 * the time of the next thing to do (ms) */
static int64_t housekeeping(struct writer *w)
{
    int64_t now = now_ms(), next = now + RETENTION_MS;
    if ((!w->failing || now >= w->retry_at) && store_open(w)) {
        pthread_mutex_lock(&w->spill_mu);
        bool pending = w->replay_pos < w->spill_end;
        pthread_mutex_unlock(&w->spill_mu);
        if (pending)
            replay(w);
        if (!w->failing && now >= w->retention_at)
            retention(w);
    }
    now = now_ms();
    pthread_mutex_lock(&w->spill_mu);
    bool pending = w->replay_pos < w->spill_end;
    pthread_mutex_unlock(&w->spill_mu);
    if (w->failing || w->m == NULL)
        next = w->retry_at > now ? w->retry_at : now + RETRY_MS;
    else if (pending)
        next = now; /* more to replay, after a look at the queue */
    if (w->m && !w->failing && w->retention_at < next)
        next = w->retention_at;

    pthread_mutex_lock(&w->mu);
    uint64_t lost = w->st.lost;
    pthread_mutex_unlock(&w->mu);
    if (lost > w->lost_logged) {
        if (now >= w->lost_log_at) {
            say(w, LOG_ERR,
                "%llu events lost (queue full and spill file %s failing); %llu since start",
                (unsigned long long)(lost - w->lost_logged), w->spill_path,
                (unsigned long long)lost);
            w->lost_logged = lost;
            w->lost_log_at = now + LOST_LOG_MS;
        } else if (w->lost_log_at < next) {
            next = w->lost_log_at;
        }
    }
    return next;
}

static void *writer_thread(void *arg)
{
    struct writer *w = arg;
    prctl(PR_SET_NAME, "sluis-writer"); /* for top -H and ps -L */
    struct item *items[WRITER_BATCH];
    int64_t next = housekeeping(w);
    pthread_mutex_lock(&w->mu);
    for (;;) {
        struct timespec ts;
        /* woken by events, a flush, a stop, the spill thread or the timer */
        if (w->q.n == 0 && !w->stop) {
            deadline(&ts, next);
            pthread_cond_timedwait(&w->work, &w->mu, &ts);
        }
        /* what comes within WRITER_LINGER_MS goes into one transaction */
        int64_t until = w->q_since + WRITER_LINGER_MS;
        while (w->q.n > 0 && w->q.n < WRITER_BATCH && w->q.n < w->q.cap && !w->stop &&
               !w->flushing && now_ms() < until) {
            deadline(&ts, until);
            pthread_cond_timedwait(&w->work, &w->mu, &ts);
        }
        unsigned n = ring_take(&w->q, items, WRITER_BATCH);
        if (w->q.n > 0)
            w->q_since = now_ms();
        bool stopping = w->stop && w->q.n == 0;
        pthread_mutex_unlock(&w->mu);
        if (n > 0) {
            put_items(w, items, n);
            for (unsigned i = 0; i < n; i++)
                free(items[i]);
        }
        next = housekeeping(w);
        pthread_mutex_lock(&w->mu);
        w->handled += n;
        pthread_cond_broadcast(&w->done);
        if (stopping && w->q.n == 0)
            break;
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

/* ---- the interface */

static void writer_free(struct writer *w)
{
    if (w == NULL)
        return;
    metrics_close(w->m);
    if (w->spill_fd >= 0)
        close(w->spill_fd);
    ring_free(&w->q);
    ring_free(&w->sq);
    pthread_mutex_destroy(&w->mu);
    pthread_mutex_destroy(&w->spill_mu);
    pthread_cond_destroy(&w->work);
    pthread_cond_destroy(&w->swork);
    pthread_cond_destroy(&w->done);
    free(w->bev);
    free(w->bsp);
    free(w->bsl);
    free(w->rsealed);
    free(w->rbuf);
    free(w->store_path);
    free(w->spill_path);
    free(w);
}

enum sl_status writer_start(const struct writer_config *cfg, struct writer **out, char *err,
                            size_t errlen)
{
    *out = NULL;
    if (err && errlen)
        err[0] = '\0';
    if (cfg == NULL || cfg->store == NULL || cfg->spill == NULL) {
        snprintf(err, errlen, "metrics writer: no store or spill file given");
        return SL_EINVAL;
    }
    struct writer *w = calloc(1, sizeof *w);
    if (w == NULL)
        return SL_ENOMEM;
    w->spill_fd = -1;
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_mutex_init(&w->mu, NULL);
    pthread_mutex_init(&w->spill_mu, NULL);
    pthread_cond_init(&w->work, &ca);
    pthread_cond_init(&w->swork, &ca);
    pthread_cond_init(&w->done, &ca);
    pthread_condattr_destroy(&ca);
    w->log = cfg->log;
    w->retention = cfg->retention ? cfg->retention : 24;
    unsigned cap = cfg->queue ? cfg->queue : 4096;
    w->store_path = strdup(cfg->store);
    w->spill_path = strdup(cfg->spill);
    w->bev = calloc(WRITER_BATCH, sizeof *w->bev);
    w->bsp = calloc(WRITER_BATCH, sizeof *w->bsp);
    w->bsl = calloc(WRITER_BATCH, sizeof *w->bsl);
    w->rsealed = calloc(WRITER_BATCH, sizeof *w->rsealed);
    w->rbuf = malloc(READ_CHUNK + 1);
    if (!w->store_path || !w->spill_path || !w->bev || !w->bsp || !w->bsl || !w->rsealed ||
        !w->rbuf || !ring_init(&w->q, cap) ||
        !ring_init(&w->sq, cap > WRITER_BATCH ? cap : WRITER_BATCH)) {
        writer_free(w);
        return SL_ENOMEM;
    }

    w->spill_fd = open(w->spill_path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    struct stat st;
    if (w->spill_fd < 0 || fstat(w->spill_fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        ((st.st_mode & 077) != 0 && fchmod(w->spill_fd, 0600) != 0)) {
        snprintf(err, errlen, "metrics spill file %s: %s", w->spill_path,
                 w->spill_fd >= 0 && !S_ISREG(st.st_mode) ? "not a regular file" : strerror(errno));
        writer_free(w);
        return SL_EIO;
    }
    w->spill_end = st.st_size;
    spill_tail(w);

    /* a store that does not open now is tried again by the thread */
    if (metrics_open(w->store_path, false, &w->m, err, errlen) != SL_OK) {
        w->m = NULL;
        store_failed(w, err);
    } else {
        store_note(w);
    }
    w->lost_logged = w->st.lost;
    if (pthread_create(&w->thread, NULL, writer_thread, w) != 0) {
        snprintf(err, errlen, "metrics writer: cannot start a thread");
        writer_free(w);
        return SL_ENOMEM;
    }
    w->thread_up = true;
    if (pthread_create(&w->spiller, NULL, spill_thread, w) != 0) {
        snprintf(err, errlen, "metrics writer: cannot start a thread");
        writer_stop(w);
        return SL_ENOMEM;
    }
    w->spiller_up = true;
    *out = w;
    return SL_OK;
}

void writer_push(struct writer *w, const struct event *e, const unsigned char *sealed,
                 size_t sealed_len)
{
    size_t ng = e->ngroups <= EVENT_GROUPS_MAX ? e->ngroups : EVENT_GROUPS_MAX;
    struct item *it = malloc(sizeof *it + ITEM_EVENT_BYTES(ng));
    if (it != NULL) {
        memcpy(it->ev, e, ITEM_EVENT_BYTES(ng));
        it->ngroups = ng;
        it->sealed_len = sealed && sealed_len <= PSEUDO_SEALED_MAX ? sealed_len : 0;
        if (it->sealed_len)
            memcpy(it->sealed, sealed, it->sealed_len);
    }
    pthread_mutex_lock(&w->mu);
    w->st.pushed++;
    if (it != NULL && !w->stop && ring_push(&w->q, it)) {
        if (w->q.n == 1)
            w->q_since = now_ms();
        if (w->q.n == 1 || w->q.n == WRITER_BATCH || w->q.n == w->q.cap)
            pthread_cond_signal(&w->work);
    } else if (it != NULL && !w->stop && ring_push(&w->sq, it)) {
        if (w->sq.n == 1)
            pthread_cond_signal(&w->swork);
    } else {
        free(it);
        w->st.lost++;
        w->handled++;
    }
    pthread_mutex_unlock(&w->mu);
}

void writer_flush(struct writer *w)
{
    if (w == NULL)
        return;
    pthread_mutex_lock(&w->mu);
    uint64_t target = w->st.pushed;
    w->flushing++;
    pthread_cond_signal(&w->work);
    pthread_cond_signal(&w->swork);
    while (w->handled < target)
        pthread_cond_wait(&w->done, &w->mu);
    w->flushing--;
    pthread_mutex_unlock(&w->mu);
}

void writer_stats(struct writer *w, struct writer_stats *out)
{
    pthread_mutex_lock(&w->mu);
    *out = w->st;
    pthread_mutex_unlock(&w->mu);
}

void writer_stop(struct writer *w)
{
    if (w == NULL)
        return;
    writer_flush(w);
    pthread_mutex_lock(&w->mu);
    w->stop = true;
    pthread_cond_broadcast(&w->work);
    pthread_cond_broadcast(&w->swork);
    pthread_mutex_unlock(&w->mu);
    if (w->thread_up)
        pthread_join(w->thread, NULL);
    if (w->spiller_up)
        pthread_join(w->spiller, NULL);
    writer_free(w);
}
