/*
 * smtp - SMTP submission through libcurl. See smtp.h.
 *
 * Why libcurl: the session (EHLO, HELO when EHLO is refused, MAIL, RCPT,
 * DATA, QUIT), the dot-stuffing of RFC 5321 4.5.2, reply parsing and the
 * timeouts are done by a library that is linked already for the external
 * portal, so there is one protocol implementation less to keep safe.
 *
 * What stays here: addresses and the greeting name are checked before
 * libcurl sees them (no CR, LF, angle brackets or other controls, so no
 * command can be injected); bare LF in the message becomes CRLF while
 * libcurl reads it (CURLOPT_CRLF would also turn CRLF into CR CRLF); the
 * outcome is mapped onto SMTP_OK/TEMP/PERM. The step and the reply code
 * for errors come from libcurl's protocol trace, of which only the verb of
 * each command and the code of each reply are kept: never an address, a
 * reply's text or content. libcurl's own error buffer is not used, as its
 * messages may name the host. Replies are read and bounded by libcurl
 * (a line longer than its buffer is an error); from them this file copies
 * three digits and at most 11 characters of an enhanced status code.
 *
 * libcurl 7.88 sends QUIT after a failed step too and then waits for its
 * reply, beyond the deadline: a session that did not end well is hung up
 * instead (shutdown of the socket, which is opened here, close-on-exec).
 *
 * One easy handle per call, no shared state but libcurl's global init
 * (once, from smtp_target_parse at configuration time, before threads
 * start; again guarded in smtp_send): thread-safe.
 */
#include "smtp.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define TIMEOUT_MS_DEFAULT  10000
#define DEADLINE_MS_DEFAULT 60000
#define ADDRESS_MAX         512

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_result = CURLE_FAILED_INIT;

static void curl_init(void)
{
    /* reference-counted by libcurl; portal/external.c may init it too */
    curl_init_result = curl_global_init(CURL_GLOBAL_DEFAULT);
}

const char *smtp_result_name(enum smtp_result r)
{
    return r == SMTP_OK ? "ok" : r == SMTP_TEMP ? "temporary failure" : "refused";
}

/* host_ok - a name, an IPv4 or a bracketed IPv6 address (with an
 * optional zone); nothing that could change the meaning of a URL */
static bool host_ok(const char *h, bool literal)
{
    if (*h == '\0')
        return false;
    for (const char *c = h; *c; c++) {
        bool alnum =
            (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9');
        if (!alnum && !strchr(literal ? ":.%" : ".-_", *c))
            return false;
    }
    return true;
}

enum sl_status smtp_target_parse(const char *spec, struct smtp_target *t, char *err, size_t errlen)
{
    pthread_once(&curl_once, curl_init);
    memset(t, 0, sizeof *t);
    t->timeout_ms = TIMEOUT_MS_DEFAULT;
    t->deadline_ms = DEADLINE_MS_DEFAULT;
    if (strncmp(spec, "unix:", 5) == 0) {
        if (spec[5] != '/' || strlen(spec + 5) >= sizeof t->path) {
            snprintf(err, errlen, "'%s': unix: needs an absolute path of at most %zu bytes", spec,
                     sizeof t->path - 1);
            return SL_EPARSE;
        }
        snprintf(t->path, sizeof t->path, "%s", spec + 5);
        return SL_OK;
    }
    const char *host = spec, *colon;
    size_t hl;
    bool literal = *spec == '[';
    if (literal) {
        const char *close = strchr(spec, ']');
        if (close == NULL || close[1] != ':') {
            snprintf(err, errlen, "'%s': expected [ADDRESS]:PORT", spec);
            return SL_EPARSE;
        }
        host = spec + 1;
        hl = (size_t)(close - host);
        colon = close + 1;
    } else {
        colon = strrchr(spec, ':');
        if (colon == NULL || strchr(spec, ':') != colon) {
            snprintf(err, errlen, "'%s': expected HOST:PORT, [IPv6]:PORT or unix:/path", spec);
            return SL_EPARSE;
        }
        hl = (size_t)(colon - spec);
    }
    char *end;
    unsigned long port = strtoul(colon + 1, &end, 10);
    if (hl == 0 || hl >= sizeof t->host || !colon[1] || *end || port == 0 || port > 65535) {
        snprintf(err, errlen, "'%s': expected HOST:PORT with a port from 1 to 65535", spec);
        return SL_EPARSE;
    }
    memcpy(t->host, host, hl);
    t->host[hl] = '\0';
    if (!host_ok(t->host, literal)) {
        snprintf(err, errlen, "'%s': the host may hold letters, digits and . - _ only", spec);
        t->host[0] = '\0';
        return SL_EPARSE;
    }
    snprintf(t->port, sizeof t->port, "%lu", port);
    return SL_OK;
}

/* clean_address - nothing that could end or add a command: no CR, LF or
 * other controls, no angle brackets (the sender may be empty: "<>") */
static bool clean_address(const char *a)
{
    size_t n = strlen(a);
    if (n >= ADDRESS_MAX || strpbrk(a, "<>"))
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)a[i] < 0x20 || a[i] == 0x7f)
            return false;
    return true;
}

#define SOCKETS 4 /* open at once: two while IPv6 and IPv4 race, one after */

/* one session as seen from here: its sockets, which step the next reply
 * answers, and how the server answered it */
struct trace {
    curl_socket_t fd[SOCKETS]; /* open (by the callbacks below), or CURL_SOCKET_BAD */
    const char *step;
    int code;       /* the current step's reply; 0 before it */
    char reply[24]; /* "451 4.3.0": code and enhanced status code only */
    bool quitting;
};

/* open_socket - a socket for libcurl to connect, close-on-exec (the
 * milter starts extraction workers, which must not inherit it) and
 * remembered until libcurl closes it through close_socket */
static curl_socket_t open_socket(void *ud, curlsocktype purpose, struct curl_sockaddr *a)
{
    struct trace *tr = ud;
    (void)purpose;
    int fd = socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
    for (size_t i = 0; fd >= 0 && i < SOCKETS; i++)
        if (tr->fd[i] == CURL_SOCKET_BAD) {
            tr->fd[i] = fd;
            break;
        }
    return fd < 0 ? CURL_SOCKET_BAD : fd;
}

static int close_socket(void *ud, curl_socket_t fd)
{
    struct trace *tr = ud;
    for (size_t i = 0; i < SOCKETS; i++)
        if (tr->fd[i] == fd)
            tr->fd[i] = CURL_SOCKET_BAD;
    return close(fd);
}

/* hang_up - end the session without waiting for the server */
static void hang_up(const struct trace *tr)
{
    for (size_t i = 0; i < SOCKETS; i++)
        if (tr->fd[i] != CURL_SOCKET_BAD)
            shutdown(tr->fd[i], SHUT_RDWR);
}

static const char *step_of(const char *cmd, size_t n)
{
    static const struct {
        const char *verb, *step;
    } steps[] = {
        {"EHLO", "EHLO"},    {"HELO", "HELO"}, {"MAIL", "MAIL FROM"},
        {"RCPT", "RCPT TO"}, {"DATA", "DATA"},
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (n >= 4 && strncmp(cmd, steps[i].verb, 4) == 0)
            return steps[i].step;
    return "command";
}

/* note_reply - the last line of a reply ("250 ok", not "250-SIZE") */
static void note_reply(struct trace *tr, const char *line, size_t n)
{
    if (n < 3 || line[0] < '1' || line[0] > '5' || line[1] < '0' || line[1] > '9' ||
        line[2] < '0' || line[2] > '9' || (n > 3 && line[3] == '-'))
        return;
    tr->code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
    /* an enhanced status code (RFC 3463: class.subject.detail), if any */
    size_t k = 0;
    if (n > 5 && line[3] == ' ' && line[4] >= '2' && line[4] <= '5' && line[5] == '.')
        while (4 + k < n && k < 11 &&
               ((line[4 + k] >= '0' && line[4 + k] <= '9') || line[4 + k] == '.'))
            k++;
    if (k)
        snprintf(tr->reply, sizeof tr->reply, "%.3s %.*s", line, (int)k, line + 4);
    else
        snprintf(tr->reply, sizeof tr->reply, "%.3s", line);
    if (tr->code == 354 && strcmp(tr->step, "DATA") == 0) { /* the message is next */
        tr->step = "message";
        tr->code = 0;
    }
}

/* on_trace - libcurl's protocol trace: keep verbs and reply codes only */
static int on_trace(CURL *c, curl_infotype type, char *data, size_t n, void *ud)
{
    (void)c;
    struct trace *tr = ud;
    if (tr->quitting) /* what failed stays what failed */
        return 0;
    if (type == CURLINFO_HEADER_OUT && n >= 4 && strncmp(data, "QUIT", 4) == 0) {
        tr->quitting = true;
        /* libcurl 7.88 sends QUIT after a failure too, and waits for its
         * reply for another timeout, past the deadline, when the server
         * stalled. A session that did not end well ends here instead. */
        if (strcmp(tr->step, "end of data") != 0 || tr->code != 250)
            hang_up(tr);
    } else if (type == CURLINFO_HEADER_OUT) {
        tr->step = step_of(data, n);
        tr->code = 0;
    } else if (type == CURLINFO_HEADER_IN) {
        note_reply(tr, data, n);
    }
    return 0;
}

/* the message as libcurl reads it: bare LF as CRLF */
struct upload {
    const char *m;
    size_t len, pos;
    bool cr_added; /* a CR went out for the LF at pos */
    struct trace *trace;
};

static size_t read_message(char *out, size_t size, size_t nitems, void *ud)
{
    struct upload *u = ud;
    size_t cap = size * nitems, n = 0;
    while (n < cap && u->pos < u->len) {
        const char *lf = memchr(u->m + u->pos, '\n', u->len - u->pos);
        size_t run = (lf ? (size_t)(lf - u->m) : u->len) - u->pos;
        if (run == 0) { /* at an LF: a CR first, unless the message has one */
            if (!u->cr_added && (u->pos == 0 || u->m[u->pos - 1] != '\r')) {
                out[n++] = '\r';
                u->cr_added = true;
                continue;
            }
            run = 1;
            u->cr_added = false;
        }
        if (run > cap - n)
            run = cap - n;
        memcpy(out + n, u->m + u->pos, run);
        n += run;
        u->pos += run;
    }
    if (n == 0) { /* the reply now answers the whole message */
        u->trace->step = "end of data";
        u->trace->code = 0;
    }
    return n;
}

static size_t discard(char *p, size_t size, size_t n, void *ud)
{
    (void)p;
    (void)ud;
    return size * n;
}

/* target_url - smtp://HOST:PORT/HELO; the name percent-encoded */
static bool target_url(const struct smtp_target *t, const char *helo, char *url, size_t cap)
{
    int k;
    if (t->path[0])
        k = snprintf(url, cap, "smtp://localhost/");
    else if (strchr(t->host, ':') && host_ok(t->host, true))
        k = snprintf(url, cap, "smtp://[%s]:%s/", t->host, t->port);
    else if (host_ok(t->host, false))
        k = snprintf(url, cap, "smtp://%s:%s/", t->host, t->port);
    else
        return false;
    /* a zone in an IPv6 literal: '%' is "%25" in a URL (RFC 6874) */
    char *zone = t->path[0] ? NULL : strchr(url, '%');
    if (zone) {
        if ((size_t)k + 2 >= cap)
            return false;
        memmove(zone + 3, zone + 1, strlen(zone + 1) + 1);
        zone[1] = '2'; /* zone[0] is the '%' already */
        zone[2] = '5';
        k += 2;
    }
    for (const unsigned char *h = (const unsigned char *)helo; *h; h++) {
        bool plain = (*h >= 'a' && *h <= 'z') || (*h >= 'A' && *h <= 'Z') ||
                     (*h >= '0' && *h <= '9') || strchr(".-_~", *h);
        if ((size_t)k + 4 >= cap)
            return false;
        if (plain)
            url[k++] = (char)*h;
        else
            k += snprintf(url + k, cap - (size_t)k, "%%%02X", *h);
    }
    url[k] = '\0';
    return true;
}

/* outcome - the class of a failed session and its reason in err */
static enum smtp_result outcome(CURL *c, CURLcode rc, const struct trace *tr, char *err,
                                size_t errlen)
{
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    /* the server said no to the current step: any code but 354 to DATA
     * and 2xx to the rest (RFC 5321 4.3.2) */
    bool want354 = strcmp(tr->step, "DATA") == 0;
    if (tr->code && (want354 ? tr->code != 354 : tr->code / 100 != 2)) {
        snprintf(err, errlen, "%s: the server answered %s", tr->step, tr->reply);
        return tr->code >= 500 ? SMTP_PERM : SMTP_TEMP;
    }
    if (tr->reply[0] == '\0' && code >= 400) { /* no trace: the last code libcurl saw */
        snprintf(err, errlen, "%s: the server answered %ld", tr->step, code);
        return code >= 500 ? SMTP_PERM : SMTP_TEMP;
    }
    curl_off_t connected = 0;
    curl_easy_getinfo(c, CURLINFO_CONNECT_TIME_T, &connected);
    const char *step = connected > 0 ? tr->step : "connect";
    long os_errno = 0;
    switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
        snprintf(err, errlen, "connect: cannot resolve the host");
        return SMTP_TEMP;
    case CURLE_COULDNT_CONNECT:
        curl_easy_getinfo(c, CURLINFO_OS_ERRNO, &os_errno);
        snprintf(err, errlen, "connect: %s",
                 os_errno ? strerror((int)os_errno) : curl_easy_strerror(rc));
        return SMTP_TEMP;
    case CURLE_OPERATION_TIMEDOUT:
        snprintf(err, errlen, "%s: timed out", step);
        return SMTP_TEMP;
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
        snprintf(err, errlen, "%s: the server closed the connection", step);
        return SMTP_TEMP;
    case CURLE_SEND_ERROR:
        snprintf(err, errlen, "%s: connection lost", step);
        return SMTP_TEMP;
    case CURLE_WEIRD_SERVER_REPLY:
        snprintf(err, errlen, "%s: not an SMTP reply", step);
        return SMTP_TEMP;
    case CURLE_URL_MALFORMAT: /* an address libcurl would not put into a command */
        snprintf(err, errlen, "%s: an address that cannot go into SMTP", step);
        return SMTP_PERM;
    default:
        /* curl_easy_strerror's texts are fixed: no address, no host */
        snprintf(err, errlen, "%s: %s", step, curl_easy_strerror(rc));
        return SMTP_TEMP;
    }
}

enum smtp_result smtp_send(const struct smtp_target *t, const char *helo, const char *sender,
                           const char *const *rcpts, size_t n, const void *msg, size_t len,
                           char *err, size_t errlen)
{
    bool clean = clean_address(sender) && clean_address(helo) && n > 0;
    for (size_t i = 0; clean && i < n; i++)
        clean = *rcpts[i] && clean_address(rcpts[i]);
    char url[1024];
    if (!clean || !target_url(t, helo, url, sizeof url)) {
        snprintf(err, errlen, "a sender, recipient or name that cannot go into SMTP");
        return SMTP_PERM;
    }
    pthread_once(&curl_once, curl_init);
    CURL *c = curl_init_result == CURLE_OK ? curl_easy_init() : NULL;
    if (c == NULL) {
        snprintf(err, errlen, "connect: no SMTP client (libcurl did not start)");
        return SMTP_TEMP;
    }
    char from[ADDRESS_MAX + 2], to[ADDRESS_MAX + 2];
    snprintf(from, sizeof from, "<%s>", sender); /* "<>" for notices */
    struct curl_slist *list = NULL;
    bool listed = true;
    for (size_t i = 0; listed && i < n; i++) {
        snprintf(to, sizeof to, "<%s>", rcpts[i]);
        struct curl_slist *l = curl_slist_append(list, to);
        listed = l != NULL;
        list = l ? l : list;
    }
    struct trace tr = {.step = "greeting"};
    for (size_t i = 0; i < SOCKETS; i++)
        tr.fd[i] = CURL_SOCKET_BAD;
    struct upload up = {.m = msg, .len = len, .trace = &tr};
    unsigned timeout_ms = t->timeout_ms ? t->timeout_ms : TIMEOUT_MS_DEFAULT;
    unsigned deadline_ms = t->deadline_ms ? t->deadline_ms : DEADLINE_MS_DEFAULT;
    /* libcurl 7.88 takes the reply timeout in whole seconds: round up */
    long timeout_s = (long)((timeout_ms + 999) / 1000);

    curl_easy_setopt(c, CURLOPT_URL, url);
    if (t->path[0])
        curl_easy_setopt(c, CURLOPT_UNIX_SOCKET_PATH, t->path);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp");
    curl_easy_setopt(c, CURLOPT_PROXY, ""); /* never through a proxy from the environment */
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_FORBID_REUSE, 1L); /* QUIT within the call, not at cleanup */
    curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, open_socket);
    curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &tr);
    curl_easy_setopt(c, CURLOPT_CLOSESOCKETFUNCTION, close_socket);
    curl_easy_setopt(c, CURLOPT_CLOSESOCKETDATA, &tr);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, (long)timeout_ms);
    curl_easy_setopt(c, CURLOPT_SERVER_RESPONSE_TIMEOUT, timeout_s);
    /* while the message goes out: no progress for the timeout is a stall */
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, timeout_s);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)deadline_ms);
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, list);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
    curl_easy_setopt(c, CURLOPT_READDATA, &up);
    if (len == 0) /* an empty message is ".", not an empty line and "." */
        curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)0);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);
    curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, on_trace);
    curl_easy_setopt(c, CURLOPT_DEBUGDATA, &tr);

    enum smtp_result r;
    if (!listed) {
        snprintf(err, errlen, "out of memory");
        r = SMTP_TEMP;
    } else {
        CURLcode rc = curl_easy_perform(c);
        r = rc == CURLE_OK ? SMTP_OK : outcome(c, rc, &tr, err, errlen);
        if (r != SMTP_OK)
            hang_up(&tr); /* no QUIT from the cleanup either */
    }
    curl_easy_cleanup(c);
    curl_slist_free_all(list);
    return r;
}
