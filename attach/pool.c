/*
 * pool - start, feed and replace extraction workers. See pool.h.
 *
 * The scanner side of attach/wire.h. Every read and write has the request's
 * deadline; a worker that misses it is killed (SIGKILL) and reaped. Nothing
 * a worker sends is trusted: record lengths are bounded and a bad record
 * kills the worker. Workers are spawned with posix_spawn, which is safe in a
 * threaded process; sockets are close-on-exec so no worker inherits
 * another's.
 */
#include "pool.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "wire.h"

extern char **environ;

#define RECYCLE_AFTER 1000 /* requests one worker serves */

struct worker {
    pid_t pid; /* 0: not running */
    int fd;
    bool busy;
    unsigned served;
};

struct attach_pool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    char *path;
    unsigned n;
    struct worker *w;
};

void attach_limits_default(struct attach_limits *l)
{
    doc_limits_default(&l->doc);
    l->max_attach_ms = 10000;
    l->max_worker_mb = 1024;
}

/* SLUIS_EXTRACT_PATH - where "make install" put the worker; the checkout's
 * build leaves it empty and finds the worker beside the program */
#ifndef SLUIS_EXTRACT_PATH
#define SLUIS_EXTRACT_PATH ""
#endif

void attach_worker_path(char *out, size_t outlen)
{
    const char *env = getenv("SLUIS_EXTRACT");
    char exe[PATH_MAX];
    ssize_t n;
    if (env && *env) {
        snprintf(out, outlen, "%s", env);
        return;
    }
    if (SLUIS_EXTRACT_PATH[0] && access(SLUIS_EXTRACT_PATH, X_OK) == 0) {
        snprintf(out, outlen, "%s", SLUIS_EXTRACT_PATH);
        return;
    }
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        snprintf(out, outlen, "sluis-extract");
        return;
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    snprintf(out, outlen, "%.*s/sluis-extract", slash ? (int)(slash - exe) : 1, slash ? exe : ".");
}

enum sl_status attach_pool_new(const char *path, unsigned workers, struct attach_pool **out)
{
    struct attach_pool *p = calloc(1, sizeof *p);
    if (p == NULL)
        return SL_ENOMEM;
    p->n = workers ? workers : 1;
    p->w = calloc(p->n, sizeof *p->w);
    p->path = strdup(path);
    if (p->w == NULL || p->path == NULL) {
        free(p->w);
        free(p->path);
        free(p);
        return SL_ENOMEM;
    }
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    *out = p;
    return SL_OK;
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* ocr_ms_left - the OCR time an attachment may still take: on top of its
 * own time */
static unsigned ocr_ms_left(const struct doc_limits *l)
{
    if (l->ocr_pages == 0 || l->ocr_before.ocr_ms >= l->ocr_ms)
        return 0;
    return l->ocr_ms - l->ocr_before.ocr_ms;
}

/* worker_start - a fresh worker process on a new socket */
static bool worker_start(struct attach_pool *p, struct worker *w)
{
    int sv[2];
    posix_spawn_file_actions_t fa;
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return false;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, sv[1], 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    /* library chatter about broken files stays out of logs */
    if (getenv("SLUIS_EXTRACT_STDERR") == NULL)
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    char *argv[] = {p->path, NULL};
    /* OCR's engine would start a thread per core for each worker, while the
     * pool already runs a worker per core: one thread each reads as fast at
     * half the CPU time */
    size_t n = 0;
    while (environ[n])
        n++;
    char **env = malloc((n + 2) * sizeof *env);
    if (env == NULL) {
        posix_spawn_file_actions_destroy(&fa);
        close(sv[0]);
        close(sv[1]);
        return false;
    }
    memcpy(env, environ, n * sizeof *env);
    env[n] = getenv("OMP_THREAD_LIMIT") ? NULL : "OMP_THREAD_LIMIT=1";
    env[n + 1] = NULL;
    pid_t pid;
    int rc = posix_spawn(&pid, p->path, &fa, NULL, argv, env);
    free(env);
    posix_spawn_file_actions_destroy(&fa);
    close(sv[1]);
    if (rc != 0) {
        close(sv[0]);
        return false;
    }
    w->pid = pid;
    w->fd = sv[0];
    w->served = 0;
    return true;
}

/* worker_stop - kill and reap; returns the wait status */
static int worker_stop(struct worker *w, bool kill_it)
{
    int status = 0;
    if (w->pid <= 0)
        return 0;
    close(w->fd);
    if (kill_it)
        kill(w->pid, SIGKILL);
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    w->pid = 0;
    w->fd = -1;
    return status;
}

enum io { IO_OK, IO_TIMEOUT, IO_BROKEN };

/* io_wait - wait until fd is ready for events or the deadline passes */
static enum io io_wait(int fd, short events, uint64_t deadline)
{
    for (;;) {
        uint64_t now = now_ns();
        if (now >= deadline)
            return IO_TIMEOUT;
        uint64_t ms = (deadline - now) / 1000000 + 1;
        struct pollfd pf = {fd, events, 0};
        int rc = poll(&pf, 1, ms > INT_MAX ? INT_MAX : (int)ms);
        if (rc > 0)
            return IO_OK;
        if (rc < 0 && errno != EINTR)
            return IO_BROKEN;
    }
}

static enum io send_all(int fd, const void *buf, size_t n, uint64_t deadline)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t k = send(fd, p, n, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (k > 0) {
            p += k;
            n -= (size_t)k;
            continue;
        }
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            enum io e = io_wait(fd, POLLOUT, deadline);
            if (e != IO_OK)
                return e;
            continue;
        }
        return IO_BROKEN;
    }
    return IO_OK;
}

static enum io recv_all(int fd, void *buf, size_t n, uint64_t deadline)
{
    char *p = buf;
    while (n > 0) {
        ssize_t k = recv(fd, p, n, MSG_DONTWAIT);
        if (k > 0) {
            p += k;
            n -= (size_t)k;
            continue;
        }
        if (k == 0)
            return IO_BROKEN; /* the worker died */
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            enum io e = io_wait(fd, POLLIN, deadline);
            if (e != IO_OK)
                return e;
            continue;
        }
        return IO_BROKEN;
    }
    return IO_OK;
}

static struct worker *acquire(struct attach_pool *p)
{
    pthread_mutex_lock(&p->mu);
    for (;;) {
        for (unsigned i = 0; i < p->n; i++) {
            if (!p->w[i].busy) {
                p->w[i].busy = true;
                pthread_mutex_unlock(&p->mu);
                return &p->w[i];
            }
        }
        pthread_cond_wait(&p->cv, &p->mu);
    }
}

static void release(struct attach_pool *p, struct worker *w)
{
    pthread_mutex_lock(&p->mu);
    w->busy = false;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

/* exchange - one request and its records; returns IO_OK when END came */
static enum io exchange(struct worker *w, const char *data, size_t len, const char *name,
                        const char *mime, const struct attach_limits *lim, uint64_t deadline,
                        struct doc_sink *out, struct doc_usage *used, enum sl_status *st)
{
    struct wire_request rq = {0};
    size_t nl = name ? strnlen(name, WIRE_MAX_NAME) : 0;
    size_t ml = mime ? strnlen(mime, WIRE_MAX_NAME) : 0;
    rq.magic = WIRE_MAGIC;
    rq.name_len = (uint32_t)nl;
    rq.mime_len = (uint32_t)ml;
    rq.max_ms = lim->max_attach_ms + ocr_ms_left(&lim->doc);
    rq.max_mb = lim->max_worker_mb;
    rq.data_len = len;
    rq.lim = lim->doc;

    enum io e = send_all(w->fd, &rq, sizeof rq, deadline);
    if (e == IO_OK)
        e = send_all(w->fd, name ? name : "", nl, deadline);
    if (e == IO_OK)
        e = send_all(w->fd, mime ? mime : "", ml, deadline);
    if (e == IO_OK)
        e = send_all(w->fd, data, len, deadline);

    /* the text budget: what the worker may send back, with room for notes */
    uint64_t budget = (uint64_t)lim->doc.max_text_bytes + 64 * 1024;
    char where[WIRE_MAX_WHERE + 1];
    char *payload = NULL;
    while (e == IO_OK && *st == SL_OK) {
        struct wire_record rec;
        e = recv_all(w->fd, &rec, sizeof rec, deadline);
        if (e != IO_OK)
            break;
        if (rec.type == WIRE_END)
            break;
        if (rec.type == WIRE_USAGE && rec.where_len == 0 && rec.len == sizeof *used) {
            struct doc_usage u;
            e = recv_all(w->fd, &u, sizeof u, deadline);
            if (e == IO_OK && u.ocr_pages <= lim->doc.ocr_pages &&
                u.ocr_seen <= OCR_SEEN_PER_PAGE * lim->doc.ocr_pages) {
                used->ocr_pages += u.ocr_pages;
                used->ocr_seen += u.ocr_seen;
                used->ocr_ms += u.ocr_ms;
            } else if (e == IO_OK) {
                e = IO_BROKEN;
            }
            continue;
        }
        if ((rec.type != WIRE_TEXT && rec.type != WIRE_NOTE) || rec.where_len > WIRE_MAX_WHERE ||
            rec.len > budget || (rec.type == WIRE_NOTE && rec.len > 64)) {
            e = IO_BROKEN;
            break;
        }
        budget -= rec.len;
        payload = malloc((size_t)rec.len + 1);
        if (payload == NULL) {
            *st = SL_ENOMEM;
            break;
        }
        e = recv_all(w->fd, where, rec.where_len, deadline);
        if (e == IO_OK)
            e = recv_all(w->fd, payload, rec.len, deadline);
        if (e == IO_OK) {
            where[rec.where_len] = '\0';
            payload[rec.len] = '\0';
            if (rec.type == WIRE_TEXT)
                *st = out->text(out, where, payload, rec.len, rec.flag);
            else if (strncmp(payload, "unscannable.", 12) == 0 && !memchr(payload, '\0', rec.len))
                *st = out->note(out, payload, where, rec.flag != 0);
            else
                e = IO_BROKEN;
        }
        free(payload);
        payload = NULL;
    }
    return e;
}

enum sl_status attach_pool_extract(struct attach_pool *p, const char *data, size_t len,
                                   const char *name, const char *mime,
                                   const struct attach_limits *lim, uint64_t deadline_ns,
                                   struct doc_sink *out, struct doc_usage *used)
{
    enum sl_status st = SL_OK;
    struct doc_usage none;
    if (used == NULL)
        used = &none;
    used->ocr_pages = used->ocr_seen = used->ocr_ms = 0;
    uint64_t deadline =
        now_ns() + ((uint64_t)lim->max_attach_ms + ocr_ms_left(&lim->doc)) * 1000000ull;
    if (deadline_ns && deadline_ns < deadline)
        deadline = deadline_ns;
    if (len > WIRE_MAX_DATA)
        return out->note(out, "unscannable.part-size-limit", "", true);

    struct worker *w = acquire(p);
    if (w->pid == 0 && !worker_start(p, w)) {
        release(p, w);
        return out->note(out, "unscannable.worker-failed", "", true);
    }
    enum io e = exchange(w, data, len, name, mime, lim, deadline, out, used, &st);
    w->served++;
    if (e == IO_TIMEOUT) {
        worker_stop(w, true);
        if (st == SL_OK)
            st = out->note(out, "unscannable.time-limit", "", true);
    } else if (e == IO_BROKEN) {
        int status = worker_stop(w, true);
        bool cpu = WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU;
        if (st == SL_OK)
            st = out->note(out, cpu ? "unscannable.time-limit" : "unscannable.worker-failed", "",
                           true);
    } else if (st != SL_OK || w->served >= RECYCLE_AFTER) {
        worker_stop(w, true); /* mid-exchange or worn: start afresh */
    }
    release(p, w);
    return st;
}

void attach_pool_free(struct attach_pool *p)
{
    if (p == NULL)
        return;
    for (unsigned i = 0; i < p->n; i++)
        worker_stop(&p->w[i], false); /* closing the socket ends it */
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
    free(p->w);
    free(p->path);
    free(p);
}
