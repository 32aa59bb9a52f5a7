/*
 * sluis-milter - the Postfix milter: libmilter callbacks (thin), startup,
 * reload and shutdown.
 *
 *   sluis-milter [-c FILE] [-f] [-s SOCKET]     run (daemon unless -f)
 *   sluis-milter [-c FILE] -n                   check config, rules and files, exit
 *   sluis-milter [-c FILE] -t FILE [--from A] [--to B]...
 *                                               one message, no MTA: what would be done
 *   sluis-milter -V                             the version
 *
 * The only file that calls smfi_*. Start-up: the configuration is read,
 * the socket bound as the starting user (root, usually), given to `user`
 * and its group (or socket_group), then the process becomes a daemon, writes
 * its pidfile, becomes `user`, and only then opens its log file and loads
 * the snapshot (rules, templates, portal store) and, with metrics_store
 * set, the metrics key and the writer (record.h): what it makes is the
 * user's, and a reload, always as the user, opens what the start opened.
 * The writer is started once and kept over reloads: a reload that changes
 * a metrics_* key says so in the log and the change takes effect at the
 * next start (a running writer owns its queue and spill file; swapping it
 * under running connections would gain nothing a restart does not).
 * The parent of a daemon waits until the child is serving or has failed,
 * so a start that fails fails the command, with the reason on standard
 * error.
 *
 * Signals: libmilter's own signal thread stops the milter on SIGHUP,
 * SIGTERM and SIGINT. To reload on SIGHUP instead, smfi_main() runs in a
 * second thread (libmilter blocks the signals there and in every thread it
 * starts) while the main thread keeps them unblocked with a handler: the
 * kernel offers a process signal to the main thread first, so libmilter
 * never sees them. SIGHUP reopens a log file (logrotate) and loads a new
 * snapshot (a bad one is logged and the old one stays); SIGTERM and SIGINT
 * first refuse new connections and wait (up to DRAIN_SECONDS) for the open
 * ones to finish their messages, then remove the socket and the pidfile
 * and end: libmilter's stop would strand them.
 *
 * Limits against slow or many clients: libmilter waits at most the
 * configured timeout for the MTA (its own default is two hours), and at
 * most max_connections connections that were active within that timeout
 * have a session; one more is answered with a temporary failure at connect,
 * before anything is allocated for it. Debian's libmilter runs a pool of
 * worker threads that looks for idle connections only every ten minutes, so
 * a connection idle for longer than timeout no longer counts (it holds no
 * thread, and libmilter closes it at its next look); at most
 * CONN_HARD_FACTOR times max_connections are open in all.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <libmilter/mfapi.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../common/file.h"
#include "account.h"
#include "check.h"
#include "log.h"
#include "../route/route.h"
#include "record.h"
#include "session.h"

#ifndef SLUIS_VERSION
#define SLUIS_VERSION "unknown" /* the Makefile gives VERSION's */
#endif
#ifndef SLUIS_SYSCONFDIR
#define SLUIS_SYSCONFDIR "/etc" /* the Makefile's SYSCONFDIR */
#endif
#define DEFAULT_CONFIG SLUIS_SYSCONFDIR "/sluis/sluis-milter.conf"

/* --- libmilter adapter -------------------------------------------------- */

#define DRAIN_SECONDS   60 /* how long SIGTERM waits for open connections */
#define CAP_LOG_SECONDS 60 /* at most one line a minute about max_connections */

/* a connection with a session: the private pointer libmilter keeps */
struct conn {
    struct session *session;
    long last;                /* time of its last callback (atomic) */
    int in_message;           /* between MAIL and end of message or abort (atomic) */
    struct conn *prev, *next; /* in conns, under conns_mu */
};

#define CONN_HARD_FACTOR 4 /* open connections, idle ones too, per max_connections */

static pthread_mutex_t conns_mu = PTHREAD_MUTEX_INITIALIZER;
static struct conn *conns; /* every connection with a session */
static unsigned nconns;    /* how many, under conns_mu */
static int in_messages;    /* connections in a message (atomic) */
static int draining;       /* SIGTERM came: no new connections (atomic) */
static int in_eom;         /* end-of-message callbacks running (atomic) */
static int closing;        /* the drain is over: no end of message starts (atomic) */

static long cap_logged;           /* when max_connections was last logged (atomic) */
static unsigned long cap_refused; /* connections refused since then (atomic) */

static const char *io_macro(void *h, const char *name)
{
    return smfi_getsymval(h, (char *)name);
}

static bool io_add_header(void *h, const char *name, const char *value)
{
    return smfi_addheader(h, (char *)name, (char *)value) == MI_SUCCESS;
}

static bool io_quarantine(void *h, const char *reason)
{
    return smfi_quarantine(h, (char *)reason) == MI_SUCCESS;
}

static bool io_set_reply(void *h, const char *rcode, const char *xcode, const char *text)
{
    return smfi_setreply(h, (char *)rcode, (char *)xcode, (char *)text) == MI_SUCCESS;
}

static bool io_del_rcpt(void *h, const char *rcpt)
{
    return smfi_delrcpt(h, (char *)rcpt) == MI_SUCCESS;
}

static bool io_chg_header(void *h, const char *name, int index, const char *value)
{
    return smfi_chgheader(h, (char *)name, index, (char *)value) == MI_SUCCESS;
}

/* io_replace_body - libmilter sends the body in chunks of its own size */
static bool io_replace_body(void *h, const char *data, size_t len)
{
    /* libmilter takes the body as non-const (it only reads it), its length
     * as an int */
    return len <= INT_MAX && smfi_replacebody(h, (unsigned char *)data, (int)len) == MI_SUCCESS;
}

/* io_stopping - a stop was asked for (SIGTERM, SIGINT) */
static bool io_stopping(void *h)
{
    (void)h;
    return __atomic_load_n(&draining, __ATOMIC_ACQUIRE) != 0;
}

static struct milter_io io_of(SMFICTX *ctx)
{
    return (struct milter_io){ctx,           io_macro,     io_add_header,
                              io_quarantine, io_set_reply, io_del_rcpt,
                              io_chg_header, io_stopping,  io_replace_body};
}

static sfsistat rc(enum session_rc r)
{
    switch (r) {
    case SESSION_ACCEPT:
        return SMFIS_ACCEPT;
    case SESSION_REJECT:
        return SMFIS_REJECT;
    case SESSION_TEMPFAIL:
        return SMFIS_TEMPFAIL;
    case SESSION_DISCARD:
        return SMFIS_DISCARD;
    default:
        return SMFIS_CONTINUE;
    }
}

/* cap_note - a connection was refused for max_connections: one line when
 * the cap is first reached, then at most one every CAP_LOG_SECONDS with the
 * count since (a flood must not flood the log; no addresses in it) */
static void cap_note(unsigned max)
{
    __atomic_add_fetch(&cap_refused, 1, __ATOMIC_ACQ_REL);
    long now = (long)time(NULL), last = __atomic_load_n(&cap_logged, __ATOMIC_ACQUIRE);
    if ((last != 0 && now - last < CAP_LOG_SECONDS) ||
        !__atomic_compare_exchange_n(&cap_logged, &last, now, false, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE))
        return;
    unsigned long refused = __atomic_exchange_n(&cap_refused, 0, __ATOMIC_ACQ_REL);
    log_msg(LOG_WARNING, NULL,
            "max_connections (%u) reached: new connections get a temporary failure (%lu "
            "refused since the last note)",
            max, refused);
}

static long now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec;
}

/* conn_of - the connection's session, its last callback now */
static struct session *conn_of(SMFICTX *ctx)
{
    struct conn *c = smfi_getpriv(ctx);
    if (c == NULL)
        return NULL;
    __atomic_store_n(&c->last, now_s(), __ATOMIC_RELEASE);
    return c->session;
}

/* conn_in_message - the connection enters (true) or leaves a message */
static void conn_in_message(SMFICTX *ctx, bool in)
{
    struct conn *c = smfi_getpriv(ctx);
    if (c && __atomic_exchange_n(&c->in_message, in, __ATOMIC_ACQ_REL) != in)
        __atomic_add_fetch(&in_messages, in ? 1 : -1, __ATOMIC_ACQ_REL);
}

/* conn_admit - a new connection's place: under max_connections of those
 * active within timeout, and CONN_HARD_FACTOR times that in all. Counted
 * and linked under one lock, so two connections racing for the last place
 * cannot both get it. */
static bool conn_admit(struct conn *c, unsigned max, unsigned timeout)
{
    long now = now_s();
    bool ok;
    pthread_mutex_lock(&conns_mu);
    unsigned fresh = 0;
    for (const struct conn *o = conns; o && fresh < max; o = o->next)
        if (now - __atomic_load_n(&o->last, __ATOMIC_ACQUIRE) <= (long)timeout ||
            __atomic_load_n(&o->in_message, __ATOMIC_ACQUIRE))
            fresh++;
    ok = fresh < max && nconns < (unsigned long)max * CONN_HARD_FACTOR;
    if (ok) {
        c->last = now;
        c->next = conns;
        if (conns)
            conns->prev = c;
        conns = c;
        nconns++;
    }
    pthread_mutex_unlock(&conns_mu);
    return ok;
}

/* conn_free - unlink and free; the one place a connection's session goes */
static void conn_free(struct conn *c)
{
    pthread_mutex_lock(&conns_mu);
    if (c->prev)
        c->prev->next = c->next;
    else
        conns = c->next;
    if (c->next)
        c->next->prev = c->prev;
    nconns--;
    pthread_mutex_unlock(&conns_mu);
    if (__atomic_load_n(&c->in_message, __ATOMIC_ACQUIRE))
        __atomic_sub_fetch(&in_messages, 1, __ATOMIC_ACQ_REL);
    session_free(c->session);
    free(c);
}

/* cb_connect - a place under max_connections, then a session. A connection
 * holds a place exactly when it has a private pointer: only then does
 * cb_close give one back, since libmilter calls close also for a
 * connection refused here. */
static sfsistat cb_connect(SMFICTX *ctx, char *host, _SOCK_ADDR *addr)
{
    (void)addr;
    if (__atomic_load_n(&draining, __ATOMIC_ACQUIRE)) {
        log_msg(LOG_INFO, NULL, "stopping: connection refused with a temporary failure");
        return SMFIS_TEMPFAIL;
    }
    struct snapshot *snap = snapshot_current();
    if (snap == NULL)
        return SMFIS_TEMPFAIL;
    unsigned max = snap->cfg.max_connections, timeout = snap->cfg.timeout;
    struct conn *c = calloc(1, sizeof *c);
    if (c)
        c->session = session_new(snap);
    snapshot_release(snap);
    if (c == NULL || c->session == NULL) {
        free(c);
        log_msg(LOG_ERR, NULL, "internal error: no memory for a connection; tempfail");
        return SMFIS_TEMPFAIL;
    }
    if (!conn_admit(c, max, timeout)) {
        session_free(c->session);
        free(c);
        cap_note(max);
        /* no smfi_setreply: libmilter does not allow it at connect; Postfix
         * answers the client 451 4.7.1 (milter_default_action aside) */
        return SMFIS_TEMPFAIL;
    }
    smfi_setpriv(ctx, c);
    return rc(session_connect(c->session, host));
}

/* message_rc - the answer of a stage that may end the message early (MAIL,
 * DATA): one that does (inbound mail accepted at DATA, say) is no longer
 * in a message, so a stop does not wait for it */
static sfsistat message_rc(SMFICTX *ctx, struct session *s, enum session_rc r)
{
    if (s == NULL || r != SESSION_CONTINUE)
        conn_in_message(ctx, false);
    return s ? rc(r) : SMFIS_TEMPFAIL;
}

static sfsistat cb_envfrom(SMFICTX *ctx, char **argv)
{
    struct session *s = conn_of(ctx);
    conn_in_message(ctx, true);
    struct milter_io io = io_of(ctx);
    return message_rc(ctx, s, s ? session_envfrom(s, &io, argv[0]) : SESSION_TEMPFAIL);
}

static sfsistat cb_envrcpt(SMFICTX *ctx, char **argv)
{
    struct session *s = conn_of(ctx);
    struct milter_io io = io_of(ctx);
    return s ? rc(session_envrcpt(s, &io, argv[0])) : SMFIS_TEMPFAIL;
}

/* cb_data - DATA: where inbound mail is accepted, with Postfix's queue id */
static sfsistat cb_data(SMFICTX *ctx)
{
    struct session *s = conn_of(ctx);
    struct milter_io io = io_of(ctx);
    return message_rc(ctx, s, s ? session_data(s, &io) : SESSION_TEMPFAIL);
}

static sfsistat cb_header(SMFICTX *ctx, char *name, char *value)
{
    struct session *s = conn_of(ctx);
    return s ? rc(session_header(s, name, value)) : SMFIS_TEMPFAIL;
}

static sfsistat cb_eoh(SMFICTX *ctx)
{
    struct session *s = conn_of(ctx);
    return s ? rc(session_eoh(s)) : SMFIS_TEMPFAIL;
}

static sfsistat cb_body(SMFICTX *ctx, unsigned char *data, size_t len)
{
    struct session *s = conn_of(ctx);
    return s ? rc(session_body(s, data, len)) : SMFIS_TEMPFAIL;
}

/* cb_eom - counted, so that a stop waits for every message being decided
 * or carried out (a redirect past its point of no return completes); once
 * the drain is over none starts. Both sides use sequentially consistent
 * order: either this callback sees closing, or the stopping thread sees
 * it in in_eom and waits. */
static sfsistat cb_eom(SMFICTX *ctx)
{
    struct session *s = conn_of(ctx);
    struct milter_io io = io_of(ctx);
    __atomic_add_fetch(&in_eom, 1, __ATOMIC_SEQ_CST);
    sfsistat r = SMFIS_TEMPFAIL;
    if (s && !__atomic_load_n(&closing, __ATOMIC_SEQ_CST))
        r = rc(session_eom(s, &io));
    conn_in_message(ctx, false);
    __atomic_sub_fetch(&in_eom, 1, __ATOMIC_SEQ_CST);
    return r;
}

static sfsistat cb_abort(SMFICTX *ctx)
{
    struct session *s = conn_of(ctx);
    if (s)
        session_abort(s);
    conn_in_message(ctx, false);
    return SMFIS_CONTINUE;
}

/* cb_close - the one place a connection's session is freed */
static sfsistat cb_close(SMFICTX *ctx)
{
    struct conn *c = smfi_getpriv(ctx);
    smfi_setpriv(ctx, NULL);
    if (c)
        conn_free(c);
    return SMFIS_CONTINUE;
}

static struct smfiDesc filter = {
    "sluis",
    SMFI_VERSION,
    SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_CHGBODY | SMFIF_DELRCPT | SMFIF_QUARANTINE,
    cb_connect,
    NULL, /* helo */
    cb_envfrom,
    cb_envrcpt,
    cb_header,
    cb_eoh,
    cb_body,
    cb_eom,
    cb_abort,
    cb_close,
    NULL,    /* unknown */
    cb_data, /* data */
    NULL,    /* negotiate */
};

/* --- -t: one message, no MTA -------------------------------------------- */

static const char *t_macro(void *h, const char *name)
{
    (void)h;
    return strcmp(name, "i") == 0 ? "TEST" : NULL;
}

static bool t_add_header(void *h, const char *name, const char *value)
{
    (void)h;
    printf("add header: %s: %s\n", name, value);
    return true;
}

static bool t_quarantine(void *h, const char *reason)
{
    (void)h;
    printf("hold: %s\n", reason);
    return true;
}

static bool t_set_reply(void *h, const char *rcode, const char *xcode, const char *text)
{
    (void)h;
    printf("reply: %s %s %s\n", rcode, xcode, text);
    return true;
}

static bool t_del_rcpt(void *h, const char *rcpt)
{
    (void)h;
    printf("remove recipient: %s\n", rcpt);
    return true;
}

static bool t_chg_header(void *h, const char *name, int index, const char *value)
{
    (void)h;
    printf("change header: %s[%d]: %s\n", name, index, value);
    return true;
}

static bool t_replace_body(void *h, const char *data, size_t len)
{
    (void)h;
    (void)data;
    printf("replace body: %zu bytes\n", len);
    return true;
}

static int test_message(struct snapshot *snap, const char *file, const char *from, const char **to,
                        size_t nto)
{
    char err[512];
    size_t len;
    char *data = file_read_all(file, snap->cfg.max_message_bytes + 1, &len, err, sizeof err);
    if (data == NULL) {
        fprintf(stderr, "sluis-milter: %s: %s\n", file, err);
        return 1;
    }
    struct milter_io io = {NULL,       t_macro,      t_add_header, t_quarantine,  t_set_reply,
                           t_del_rcpt, t_chg_header, NULL,         t_replace_body};
    struct session *s = session_new(snap);
    if (s == NULL) {
        free(data);
        return 1;
    }
    session_dry_run(s);
    enum session_rc r = session_connect(s, "localhost");
    if (r == SESSION_CONTINUE)
        r = session_envfrom(s, &io, from);
    for (size_t i = 0; r == SESSION_CONTINUE && i < nto; i++)
        r = session_envrcpt(s, &io, to[i]);
    if (r == SESSION_CONTINUE)
        r = session_data(s, &io);
    if (r == SESSION_CONTINUE)
        r = session_raw(s, data, len);
    if (r == SESSION_CONTINUE)
        r = session_eom(s, &io);
    static const char *const names[] = {"continue", "accept", "reject", "tempfail", "discard"};
    printf("result: %s (decision: %s)\n", names[r], decide_action_name(session_last_action(s)));
    session_free(s);
    free(data);
    return 0;
}

/* --- running ------------------------------------------------------------ */

static int sigpipe[2] = {-1, -1};
static int milter_ended; /* smfi_main returned on its own (atomic) */
static bool log_ready;   /* the configured log is open */

static void on_signal(int sig)
{
    unsigned char c = (unsigned char)sig;
    int saved = errno;
    if (write(sigpipe[1], &c, 1) < 0) {
        /* nothing to be done in a handler */
    }
    errno = saved;
}

static void *milter_thread(void *arg)
{
    int *result = arg;
    *result = smfi_main();
    /* smfi_main returned on its own (an error): end the main loop too */
    __atomic_store_n(&milter_ended, 1, __ATOMIC_RELEASE);
    on_signal(SIGTERM);
    return NULL;
}

/* start_failed - a start-up error: on standard error (the terminal, or the
 * journal under systemd) and, once it is open, in the configured log */
static int start_failed(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int start_failed(const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    fprintf(stderr, "sluis-milter: %s\n", line);
    if (log_ready)
        log_msg(LOG_ERR, NULL, "not started: %s", line);
    return 1;
}

/* the unix socket this process bound. At stop it is removed only if the
 * path still is that socket, by device and inode: a newer instance may have
 * bound its own there meanwhile (libmilter means to compare the same way,
 * but see the stop in serve) */
static struct {
    const char *path; /* NULL: none */
    dev_t dev;
    ino_t ino;
} bound;

/* socket_remove - the socket, if the path still is ours */
static void socket_remove(void)
{
    struct stat st;
    if (bound.path && lstat(bound.path, &st) == 0 && S_ISSOCK(st.st_mode) &&
        st.st_dev == bound.dev && st.st_ino == bound.ino && unlink(bound.path) != 0 && log_ready)
        log_msg(LOG_WARNING, NULL, "socket %s: not removed: %s", bound.path, strerror(errno));
    bound.path = NULL;
}

/* socket_own - the socket just bound at path: remembered, given to the
 * user and the socket's group, mode set. A socket Postfix cannot open is
 * a start that failed: false, the socket removed again. */
static bool socket_own(const char *path, unsigned mode, const struct account *a)
{
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISSOCK(st.st_mode)) {
        start_failed("socket %s: not there after binding", path);
        return false;
    }
    bound.path = path;
    bound.dev = st.st_dev;
    bound.ino = st.st_ino;
    uid_t uid = a->uid != (uid_t)-1 && a->uid != st.st_uid ? a->uid : (uid_t)-1;
    gid_t gid = a->sock_gid != (gid_t)-1 && a->sock_gid != st.st_gid ? a->sock_gid : (gid_t)-1;
    if ((uid != (uid_t)-1 || gid != (gid_t)-1) && chown(path, uid, gid) != 0) {
        start_failed("socket %s: cannot give it to %s:%s: %s", path,
                     a->user[0] ? a->user : "(unchanged)", a->group, strerror(errno));
        socket_remove();
        return false;
    }
    if (chmod(path, mode) != 0) {
        start_failed("socket %s: cannot set mode %03o: %s", path, mode, strerror(errno));
        socket_remove();
        return false;
    }
    return true;
}

/* socket_describe - owner, group and mode of the bound socket, for the log */
static const char *socket_describe(char *buf, size_t len)
{
    struct stat st;
    buf[0] = '\0';
    if (bound.path && stat(bound.path, &st) == 0) {
        /* cppcheck-suppress getpwuidCalled ; at start-up, before the milter thread */
        struct passwd *pw = getpwuid(st.st_uid);
        /* cppcheck-suppress getgrgidCalled ; at start-up, before the milter thread */
        struct group *gr = getgrgid(st.st_gid);
        char u[32], g[32];
        snprintf(u, sizeof u, "%ld", (long)st.st_uid);
        snprintf(g, sizeof g, "%ld", (long)st.st_gid);
        snprintf(buf, len, " (owner %s, group %s, mode %03o)", pw ? pw->pw_name : u,
                 gr ? gr->gr_name : g, (unsigned)(st.st_mode & 0777));
    }
    return buf;
}

static bool write_pidfile(const char *path)
{
    if (!path || !*path)
        return true;
    FILE *f = fopen(path, "w");
    if (f == NULL || fprintf(f, "%ld\n", (long)getpid()) < 0 || fclose(f) != 0) {
        start_failed("pidfile %s: %s", path, strerror(errno));
        return false;
    }
    return true;
}

/* pidfile_remove - the pidfile, if it still names this process */
static void pidfile_remove(const char *path)
{
    char text[32] = "";
    FILE *f = path && *path ? fopen(path, "r") : NULL;
    if (f == NULL)
        return;
    bool ours = fgets(text, sizeof text, f) && strtol(text, NULL, 10) == (long)getpid();
    fclose(f);
    if (ours && unlink(path) != 0 && log_ready)
        log_msg(LOG_WARNING, NULL,
                "pidfile %s: not removed: %s (its folder must let the milter's user remove it)",
                path, strerror(errno));
}

/* detach - become a daemon. The parent stays until the child says it is
 * serving (then it exits 0) or the child ends (1; the child has said why
 * on standard error): unlike daemon(3), a start that fails after the fork
 * fails the command. Returns, in the child, the end to pass to
 * detach_ready; -1 when no child could be made. */
static int detach(void)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0)
        return -1;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(p[0]);
        close(p[1]);
        return -1;
    }
    if (pid > 0) {
        char c = 0;
        ssize_t n;
        close(p[1]);
        while ((n = read(p[0], &c, 1)) < 0 && errno == EINTR)
            continue;
        _exit(n == 1 && c == 'R' ? 0 : 1);
    }
    close(p[0]);
    setsid();
    if (chdir("/") != 0) {
        /* / is there */
    }
    return p[1];
}

/* detach_ready - the daemon serves: the parent may go, the terminal too */
static void detach_ready(int fd)
{
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null >= 0) {
        dup2(null, STDIN_FILENO);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        close(null);
    }
    if (write(fd, "R", 1) != 1) {
        /* the parent is gone: nobody to tell */
    }
    close(fd);
}

/* reload_notes - keys a reload reads but that take effect at the next start */
static void reload_notes(const struct milter_config *now, const struct milter_config *next,
                         const char *spec_given)
{
    if (next->timeout != now->timeout)
        log_msg(LOG_NOTICE, NULL, "timeout: %u s until the next start (read only at start)",
                now->timeout);
    if (next->log != now->log || strcmp(next->log_file, now->log_file) != 0)
        log_msg(LOG_NOTICE, NULL, "log: changed; takes effect at the next start");
    if ((!spec_given && strcmp(next->socket, now->socket) != 0) ||
        next->socket_mode != now->socket_mode || strcmp(next->user, now->user) != 0 ||
        strcmp(next->socket_group, now->socket_group) != 0 ||
        strcmp(next->pidfile, now->pidfile) != 0)
        log_msg(LOG_NOTICE, NULL,
                "socket, socket_mode, socket_group, user or pidfile: changed; takes effect at "
                "the next start");
    if (strcmp(next->metrics_store, now->metrics_store) != 0 ||
        strcmp(next->metrics_key, now->metrics_key) != 0 ||
        strcmp(next->metrics_spill, now->metrics_spill) != 0 ||
        next->metrics_queue != now->metrics_queue ||
        next->retention_months != now->retention_months)
        log_msg(LOG_NOTICE, NULL,
                "metrics_store, metrics_key, metrics_spill, metrics_queue or retention_months: "
                "changed; takes effect at the next start (events still go to %s)",
                now->metrics_store[0] ? now->metrics_store : "nowhere: metrics are off");
}

/* route_note - the prober's lines, to the log */
static void route_note(const char *line)
{
    log_msg(LOG_INFO, NULL, "tls: %s", line);
}

/* start_route - the TLS prober for c */
static enum sl_status start_route(const struct milter_config *c, struct route **out, char *err,
                                  size_t errlen)
{
    char helo[256];
    struct route_setup setup = config_route_setup(c, helo, sizeof helo, route_note);
    return route_start(&setup, out, err, errlen);
}

/* serve - listen, become the daemon and the user, load, serve until a stop.
 * config is absolute or NULL; c its settings, read as the starting user. */
static int serve(const char *config, const struct milter_config *c, const char *socket,
                 bool foreground)
{
    char err[1024], where[4200], sock[256];
    const char *spec = socket ? socket : c->socket;
    const char *path = config_socket_path(spec);
    enum log_target target = c->log;
    struct account a;

    if (target == LOGTO_SYSLOG && !log_syslog_here()) {
        fprintf(stderr, "sluis-milter: log = syslog, but no syslog daemon listens here (/dev/log "
                        "does not exist): every log line would be lost\n");
        if (!foreground)
            return start_failed("not started: set log = file:/var/log/sluis-milter.log in %s, or "
                                "run a syslog daemon (rsyslog), or start with -f to log to "
                                "standard error",
                                config ? config : DEFAULT_CONFIG);
        fprintf(stderr, "sluis-milter: with -f, log lines go to standard error instead\n");
        target = LOGTO_STDERR;
    }
    log_open(LOGTO_STDERR); /* until the configured log is open */
    if (!account_lookup(c->user, c->socket_group, &a, err, sizeof err))
        return start_failed("%s", err);
    if (a.user[0] && geteuid() != 0 && a.uid != geteuid())
        return start_failed("user %s: running as %s, the milter cannot become %s (start it as "
                            "root, or leave user empty)",
                            a.user, account_name(sock, sizeof sock), a.user);
    if (smfi_setconn((char *)spec) != MI_SUCCESS || smfi_register(filter) != MI_SUCCESS)
        return start_failed("socket %s: not a valid specification", spec);
    /* how long libmilter waits for the MTA's next command or a write */
    if (smfi_settimeout((int)c->timeout) != MI_SUCCESS)
        return start_failed("timeout %u: refused by libmilter", c->timeout);
    /* remove a stale socket left by a crash, then bind */
    if (smfi_opensocket(true) != MI_SUCCESS)
        return start_failed("cannot listen on %s", spec);
    if (path && !socket_own(path, c->socket_mode, &a))
        return 1;
    int ready = -1;
    if (!foreground && (ready = detach()) < 0) {
        socket_remove();
        return start_failed("cannot become a daemon: %s", strerror(errno));
    }
    if (!write_pidfile(c->pidfile)) {
        socket_remove();
        return 1;
    }
    if (!account_become(&a, err, sizeof err)) {
        pidfile_remove(c->pidfile);
        socket_remove();
        return start_failed("%s", err);
    }
    if (target == LOGTO_FILE && !log_open_file(c->log_file, err, sizeof err)) {
        pidfile_remove(c->pidfile);
        socket_remove();
        return start_failed("%s", err);
    }
    if (target == LOGTO_SYSLOG)
        log_open(LOGTO_SYSLOG);
    log_ready = true;
    /* as the user: the portal store it makes is its own, and whatever it
     * cannot open now a reload could not open either */
    struct snapshot *snap;
    if (snapshot_load(config, &snap, err, sizeof err) != SL_OK) {
        pidfile_remove(c->pidfile);
        socket_remove();
        return start_failed("%s", err);
    }
    /* the metrics, as the user: the store and spill file are its own */
    struct recorder *rec = NULL;
    if (snap->cfg.metrics_store[0] && recorder_start(&snap->cfg, &rec, err, sizeof err) != SL_OK) {
        snapshot_release(snap);
        pidfile_remove(c->pidfile);
        socket_remove();
        return start_failed("%s", err);
    }
    snap->recorder = rec;
    /* the TLS prober, when the policy lets verified TLS make a partner */
    struct route *route = NULL;
    if (snap->cfg.policy.tls_auto_partners &&
        start_route(&snap->cfg, &route, err, sizeof err) != SL_OK) {
        snapshot_release(snap);
        recorder_stop(rec);
        pidfile_remove(c->pidfile);
        socket_remove();
        return start_failed("%s", err);
    }
    snap->route = route;
    snapshot_publish(snap);
    log_msg(LOG_INFO, NULL, "sluis-milter %s starting, logging to %s", SLUIS_VERSION,
            log_where(where, sizeof where));
    log_msg(LOG_INFO, NULL, "listening on %s%s as %s (rules %s)", spec,
            socket_describe(where, sizeof where), account_name(sock, sizeof sock), c->rules);

    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    pthread_t t;
    int result = 0;
    if (pipe2(sigpipe, O_CLOEXEC) != 0 || sigaction(SIGHUP, &sa, NULL) != 0 ||
        sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0 ||
        signal(SIGPIPE, SIG_IGN) == SIG_ERR ||
        pthread_create(&t, NULL, milter_thread, &result) != 0) {
        pidfile_remove(c->pidfile);
        socket_remove();
        snapshot_publish(NULL);
        recorder_stop(rec);
        route_stop(route);
        return start_failed("cannot start: %s", strerror(errno));
    }
    if (ready >= 0)
        detach_ready(ready);

    for (;;) {
        unsigned char sig;
        ssize_t n = read(sigpipe[0], &sig, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || sig != SIGHUP)
            break;
        if (!log_reopen(err, sizeof err))
            log_msg(LOG_ERR, NULL, "%s; still writing to the file open before", err);
        struct snapshot *next;
        if (snapshot_load(config, &next, err, sizeof err) != SL_OK) {
            log_msg(LOG_ERR, NULL, "reload refused, still running the previous configuration: %s",
                    err);
            continue;
        }
        reload_notes(c, &next->cfg, socket);
        next->recorder = rec; /* one writer for the process's life */
        next->route = route;  /* and one prober */
        if (next->cfg.policy.tls_auto_partners && route == NULL)
            log_msg(LOG_NOTICE, NULL,
                    "tls_auto_partners is on now; the TLS prober starts at the next start "
                    "(until then only the partners list makes a partner)");
        snapshot_publish(next);
        log_msg(LOG_INFO, NULL, "reloaded configuration and rules");
    }
    bool ended = __atomic_load_n(&milter_ended, __ATOMIC_ACQUIRE);
    if (ended)
        log_msg(LOG_ERR, NULL, "libmilter stopped serving on its own; stopping");
    log_msg(LOG_INFO, NULL, "stopping: messages in flight finish first");
    /* first no new connections (the socket file goes, and a connection
     * that still comes is told to try later), then wait for the open ones
     * to end */
    __atomic_store_n(&draining, 1, __ATOMIC_RELEASE);
    socket_remove();
    /* an idle connection (no message begun) is not waited for: it holds
     * nothing that a stop could lose */
    for (int i = 0; __atomic_load_n(&in_messages, __ATOMIC_ACQUIRE) > 0 && i < DRAIN_SECONDS * 10;
         i++) {
        if (i % 50 == 0)
            log_msg(LOG_INFO, NULL, "waiting for %d connection(s) to finish their message",
                    __atomic_load_n(&in_messages, __ATOMIC_ACQUIRE));
        usleep(100000);
    }
    /* connections still open past the drain are cut, but not a message
     * being carried out: a redirect whose sender's notice went out sends
     * its recipients' notices first (one that has not rolls back at once) */
    __atomic_store_n(&closing, 1, __ATOMIC_SEQ_CST);
    for (int i = 0; __atomic_load_n(&in_eom, __ATOMIC_SEQ_CST) > 0; i++) {
        if (i % 50 == 0)
            log_msg(LOG_INFO, NULL, "waiting for %d message(s) being carried out",
                    __atomic_load_n(&in_eom, __ATOMIC_SEQ_CST));
        usleep(100000);
    }
    /* No smfi_stop(): its listener, on the way out, unlinks whatever socket
     * is at the path once the process is not root (mi_closener compares
     * the inode with the listening socket's, which never matches on Linux,
     * and falls back to "any socket") -- a newer instance's included. The
     * socket is gone or not ours by now, nothing more is served, and the
     * process ends with libmilter's threads in it. */
    if (ended)
        pthread_join(t, NULL);
    pidfile_remove(c->pidfile);
    /* no end of message runs any more (closing): every event is pushed */
    recorder_stop(rec);
    route_stop(route);
    log_msg(LOG_INFO, NULL, "stopped");
    snapshot_publish(NULL);
    return ended && result != MI_SUCCESS ? 1 : 0;
}

/* run - the daemon, with the configuration at config_arg (NULL: the
 * embedded defaults) */
static int run(const char *config_arg, const char *socket, bool foreground)
{
    char err[1024];
    char *config = NULL;
    /* a daemon works in /, and reloads read the file again */
    if (config_arg && (config = realpath(config_arg, NULL)) == NULL) {
        fprintf(stderr, "sluis-milter: %s: %s\n", config_arg, strerror(errno));
        return 1;
    }
    struct milter_config c;
    enum sl_status st;
    if (config)
        st = config_load(config, &c, err, sizeof err);
    else
        st = config_defaults(&c, err, sizeof err);
    if (st != SL_OK) {
        fprintf(stderr, "sluis-milter: %s\n", err);
        free(config);
        return 1;
    }
    int status = serve(config, &c, socket, foreground);
    config_free(&c);
    free(config);
    return status;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: sluis-milter [-c FILE] [-f] [-s SOCKET]\n"
            "       sluis-milter [-c FILE] -n\n"
            "       sluis-milter [-c FILE] -t MESSAGE [--from ADDR] [--to ADDR]...\n"
            "       sluis-milter -V\n"
            "Without -c, %s is read when it exists, else the embedded defaults.\n",
            DEFAULT_CONFIG);
}

int main(int argc, char **argv)
{
    const char *config = NULL, *socket = NULL, *test = NULL, *from = "";
    const char **to = calloc((size_t)argc + 1, sizeof *to);
    size_t nto = 0;
    bool check = false, foreground = false;
    if (to == NULL)
        return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool more = i + 1 < argc;
        if (strcmp(a, "-c") == 0 && more)
            config = argv[++i];
        else if (strcmp(a, "-s") == 0 && more)
            socket = argv[++i];
        else if (strcmp(a, "-t") == 0 && more)
            test = argv[++i];
        else if (strcmp(a, "--from") == 0 && more)
            from = argv[++i];
        else if (strcmp(a, "--to") == 0 && more)
            to[nto++] = argv[++i];
        else if (strcmp(a, "-n") == 0)
            check = true;
        else if (strcmp(a, "-f") == 0)
            foreground = true;
        else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("sluis-milter %s\n", SLUIS_VERSION);
            free(to);
            return 0;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            free(to);
            return 0;
        } else {
            usage(stderr);
            free(to);
            return 2;
        }
    }
    if (config == NULL && access(DEFAULT_CONFIG, R_OK) == 0)
        config = DEFAULT_CONFIG;
    extract_init();
    int status;
    if (check && !test) {
        /* "nothing is created": not the rule pack's compiled cache either
         * (it is compiled in memory; the daemon caches it, see pack.c) */
        setenv("SLUIS_CACHE_DIR", "", 1);
        status = check_run(config);
    } else if (test) {
        char err[512];
        struct snapshot *snap;
        if (snapshot_load(config, &snap, err, sizeof err) != SL_OK) {
            fprintf(stderr, "sluis-milter: %s\n", err);
            free(to);
            return 1;
        }
        log_open(LOGTO_STDERR);
        /* the event as it would be stored, printed (with metrics on) */
        struct recorder *dry = snap->cfg.metrics_store[0] ? recorder_dry(&snap->cfg) : NULL;
        snap->recorder = dry;
        struct route *route = NULL;
        if (snap->cfg.policy.tls_auto_partners &&
            start_route(&snap->cfg, &route, err, sizeof err) != SL_OK) {
            fprintf(stderr, "sluis-milter: %s\n", err);
            snapshot_release(snap);
            recorder_stop(dry);
            free(to);
            return 1;
        }
        snap->route = route;
        status = test_message(snap, test, from, to, nto);
        snapshot_release(snap);
        recorder_stop(dry);
        route_stop(route);
    } else {
        status = run(config, socket, foreground);
    }
    free(to);
    return status;
}
