/*
 * sluis-milter - the Postfix milter: libmilter callbacks (thin), startup,
 * reload and shutdown.
 *
 *   sluis-milter [-c FILE] [-f] [-s SOCKET]     run (daemon unless -f)
 *   sluis-milter [-c FILE] -n                   check config and rules, exit
 *   sluis-milter [-c FILE] -t FILE [--from A] [--to B]...
 *                                               one message, no MTA: what would be done
 *
 * The only file that calls smfi_*. Signals: libmilter's own signal thread
 * stops the milter on SIGHUP, SIGTERM and SIGINT. To reload on SIGHUP
 * instead, smfi_main() runs in a second thread (libmilter blocks the
 * signals there and in every thread it starts) while the main thread keeps
 * them unblocked with a handler: the kernel offers a process signal to the
 * main thread first, so libmilter never sees them. SIGHUP loads a new
 * snapshot (a bad one is logged and the old one stays); SIGTERM and SIGINT
 * first refuse new connections and wait (up to DRAIN_SECONDS) for the open
 * ones to finish their messages, then call smfi_stop(): libmilter's stop
 * would strand them.
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
#include <libmilter/mfapi.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../common/file.h"
#include "log.h"
#include "session.h"

#define DEFAULT_CONFIG "/etc/sluis/sluis-milter.conf"

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

/* io_stopping - a stop was asked for (SIGTERM, SIGINT) */
static bool io_stopping(void *h)
{
    (void)h;
    return __atomic_load_n(&draining, __ATOMIC_ACQUIRE) != 0;
}

static struct milter_io io_of(SMFICTX *ctx)
{
    return (struct milter_io){ctx,          io_macro,    io_add_header, io_quarantine,
                              io_set_reply, io_del_rcpt, io_chg_header, io_stopping};
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

static sfsistat cb_envfrom(SMFICTX *ctx, char **argv)
{
    struct session *s = conn_of(ctx);
    conn_in_message(ctx, true);
    struct milter_io io = io_of(ctx);
    return s ? rc(session_envfrom(s, &io, argv[0])) : SMFIS_TEMPFAIL;
}

static sfsistat cb_envrcpt(SMFICTX *ctx, char **argv)
{
    struct session *s = conn_of(ctx);
    struct milter_io io = io_of(ctx);
    return s ? rc(session_envrcpt(s, &io, argv[0])) : SMFIS_TEMPFAIL;
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
    "sluis",    SMFI_VERSION, SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_DELRCPT | SMFIF_QUARANTINE,
    cb_connect, NULL, /* helo */
    cb_envfrom, cb_envrcpt,   cb_header,
    cb_eoh,     cb_body,      cb_eom,
    cb_abort,   cb_close,     NULL, /* unknown */
    NULL,                           /* data */
    NULL,                           /* negotiate */
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
    struct milter_io io = {NULL,        t_macro,    t_add_header, t_quarantine,
                           t_set_reply, t_del_rcpt, t_chg_header, NULL};
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
    on_signal(SIGTERM);
    return NULL;
}

static bool drop_user(const char *user)
{
    if (!user || !*user || getuid() != 0)
        return true;
    /* cppcheck-suppress getpwnamCalled ; once, before the milter thread starts */
    struct passwd *pw = getpwnam(user);
    if (pw == NULL) {
        log_msg(LOG_ERR, NULL, "user %s: no such user", user);
        return false;
    }
    if (setgroups(0, NULL) != 0 || initgroups(user, pw->pw_gid) != 0 || setgid(pw->pw_gid) != 0 ||
        setuid(pw->pw_uid) != 0) {
        log_msg(LOG_ERR, NULL, "cannot become %s: %s", user, strerror(errno));
        return false;
    }
    return true;
}

static bool write_pidfile(const char *path)
{
    if (!path || !*path)
        return true;
    FILE *f = fopen(path, "w");
    if (f == NULL || fprintf(f, "%ld\n", (long)getpid()) < 0 || fclose(f) != 0) {
        log_msg(LOG_ERR, NULL, "pidfile %s: %s", path, strerror(errno));
        return false;
    }
    return true;
}

/* socket_path - the file of a unix socket spec, or NULL */
static const char *socket_path(const char *spec)
{
    if (strncmp(spec, "unix:", 5) == 0)
        return spec + 5;
    if (strncmp(spec, "local:", 6) == 0)
        return spec + 6;
    if (spec[0] == '/')
        return spec;
    return NULL;
}

static int run(const char *config, const char *socket, bool foreground)
{
    char err[512];
    struct snapshot *snap;
    if (snapshot_load(config, &snap, err, sizeof err) != SL_OK) {
        fprintf(stderr, "sluis-milter: %s\n", err);
        return 1;
    }
    struct milter_config *c = &snap->cfg;
    const char *spec = socket ? socket : c->socket;
    log_open(foreground && c->log == LOGTO_SYSLOG ? LOGTO_SYSLOG : c->log);
    if (smfi_setconn((char *)spec) != MI_SUCCESS || smfi_register(filter) != MI_SUCCESS) {
        fprintf(stderr, "sluis-milter: socket %s: not a valid specification\n", spec);
        snapshot_release(snap);
        return 1;
    }
    /* how long libmilter waits for the MTA's next command or a write */
    if (smfi_settimeout((int)c->timeout) != MI_SUCCESS) {
        fprintf(stderr, "sluis-milter: timeout %u: refused by libmilter\n", c->timeout);
        snapshot_release(snap);
        return 1;
    }
    /* remove a stale socket left by a crash, then bind */
    if (smfi_opensocket(true) != MI_SUCCESS) {
        fprintf(stderr, "sluis-milter: cannot listen on %s\n", spec);
        snapshot_release(snap);
        return 1;
    }
    const char *path = socket_path(spec);
    if (path)
        chmod(path, c->socket_mode);
    if (path && c->user[0]) {
        /* cppcheck-suppress getpwnamCalled ; once, before the milter thread starts */
        struct passwd *pw = getpwnam(c->user);
        if (pw && chown(path, pw->pw_uid, (gid_t)-1) != 0)
            log_msg(LOG_WARNING, NULL, "socket %s: cannot give it to %s", path, c->user);
    }
    if (!foreground && daemon(0, 0) != 0) {
        fprintf(stderr, "sluis-milter: cannot become a daemon: %s\n", strerror(errno));
        snapshot_release(snap);
        return 1;
    }
    if (!write_pidfile(c->pidfile) || !drop_user(c->user)) {
        snapshot_release(snap);
        return 1;
    }
    /* the first snapshot stays until exit (the current one may be newer) */
    snapshot_publish(snapshot_hold(snap));
    const char *pidfile = c->pidfile;
    log_msg(LOG_INFO, NULL, "listening on %s (rules %s)", spec, c->rules);

    if (pipe2(sigpipe, O_CLOEXEC) != 0)
        return 1;
    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    pthread_t t;
    int result = 0;
    if (pthread_create(&t, NULL, milter_thread, &result) != 0)
        return 1;
    for (;;) {
        unsigned char sig;
        ssize_t n = read(sigpipe[0], &sig, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || sig != SIGHUP)
            break;
        struct snapshot *next;
        if (snapshot_load(config, &next, err, sizeof err) != SL_OK) {
            log_msg(LOG_ERR, NULL, "reload refused, still running the previous configuration: %s",
                    err);
            continue;
        }
        if (next->cfg.timeout != c->timeout)
            log_msg(LOG_NOTICE, NULL, "timeout: %u s until the next start (read only at start)",
                    c->timeout);
        snapshot_publish(next);
        log_msg(LOG_INFO, NULL, "reloaded configuration and rules");
    }
    log_msg(LOG_INFO, NULL, "stopping: messages in flight finish first");
    /* libmilter's smfi_stop() strands the connections it has; so first no
     * new ones (the socket file goes, and a connection that still comes is
     * told to try later), then wait for the open ones to end, then stop */
    __atomic_store_n(&draining, 1, __ATOMIC_RELEASE);
    if (path)
        unlink(path);
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
    smfi_stop();
    pthread_join(t, NULL);
    if (path)
        unlink(path);
    if (pidfile[0])
        unlink(pidfile);
    snapshot_publish(NULL);
    snapshot_release(snap); /* c, spec, path and pidfile pointed into it */
    return result == MI_SUCCESS ? 0 : 1;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: sluis-milter [-c FILE] [-f] [-s SOCKET]\n"
            "       sluis-milter [-c FILE] -n\n"
            "       sluis-milter [-c FILE] -t MESSAGE [--from ADDR] [--to ADDR]...\n"
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
        else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
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
    if (check || test) {
        char err[512];
        struct snapshot *snap;
        if (snapshot_load(config, &snap, err, sizeof err) != SL_OK) {
            fprintf(stderr, "sluis-milter: %s\n", err);
            free(to);
            return 1;
        }
        log_open(LOGTO_STDERR);
        if (check)
            printf("%s: configuration and rules are valid\n",
                   config ? config : "embedded defaults");
        status = test ? test_message(snap, test, from, to, nto) : 0;
        snapshot_release(snap);
    } else {
        status = run(config, socket, foreground);
    }
    free(to);
    return status;
}
