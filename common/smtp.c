/*
 * smtp - a blocking SMTP client. See smtp.h.
 *
 * Replies are read line by line into a fixed buffer (at most 64 lines of
 * 1000 bytes each, RFC 5321 4.5.3.1.5); longer replies are an error, not
 * an overrun. Message bytes are sent as they are, with bare LF turned into
 * CRLF and a leading '.' doubled (RFC 5321 4.5.2).
 */
#include "smtp.h"

#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define REPLY_MAX   2048
#define REPLY_LINES 64

struct conn {
    int fd;
    unsigned timeout_ms;
    struct timespec deadline;
    char in[4096];
    size_t inlen, inpos;
    char out[8192];
    size_t outlen;
    char reply[REPLY_MAX]; /* the last reply's first line, for errors */
    const char *step;
};

const char *smtp_result_name(enum smtp_result r)
{
    return r == SMTP_OK ? "ok" : r == SMTP_TEMP ? "temporary failure" : "refused";
}

enum sl_status smtp_target_parse(const char *spec, struct smtp_target *t, char *err, size_t errlen)
{
    memset(t, 0, sizeof *t);
    t->timeout_ms = 10000;
    t->deadline_ms = 60000;
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
    if (*spec == '[') {
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
    snprintf(t->port, sizeof t->port, "%lu", port);
    return SL_OK;
}

/* left_ms - time until the deadline (0 when past), at most the timeout */
static int left_ms(const struct conn *c)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long ms =
        (c->deadline.tv_sec - now.tv_sec) * 1000LL + (c->deadline.tv_nsec - now.tv_nsec) / 1000000;
    if (ms <= 0)
        return 0;
    return ms < c->timeout_ms ? (int)ms : (int)c->timeout_ms;
}

static bool wait_fd(struct conn *c, short ev, char *err, size_t errlen)
{
    struct pollfd p = {c->fd, ev, 0};
    for (;;) {
        int ms = left_ms(c);
        int r = ms > 0 ? poll(&p, 1, ms) : 0;
        if (r > 0)
            return true;
        if (r < 0 && errno == EINTR)
            continue;
        snprintf(err, errlen, "%s: %s", c->step, r == 0 ? "timed out" : strerror(errno));
        return false;
    }
}

static bool flush(struct conn *c, char *err, size_t errlen)
{
    size_t off = 0;
    while (off < c->outlen) {
        if (!wait_fd(c, POLLOUT, err, errlen))
            return false;
        ssize_t w = send(c->fd, c->out + off, c->outlen - off, MSG_NOSIGNAL);
        if (w < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (w <= 0) {
            snprintf(err, errlen, "%s: connection lost (%s)", c->step, strerror(errno));
            return false;
        }
        off += (size_t)w;
    }
    c->outlen = 0;
    return true;
}

static bool put(struct conn *c, const char *p, size_t n, char *err, size_t errlen)
{
    while (n > 0) {
        if (c->outlen == sizeof c->out && !flush(c, err, errlen))
            return false;
        size_t k = sizeof c->out - c->outlen;
        if (k > n)
            k = n;
        memcpy(c->out + c->outlen, p, k);
        c->outlen += k;
        p += k;
        n -= k;
    }
    return true;
}

/* read_line - one reply line without CRLF into line; false on error */
static bool read_line(struct conn *c, char *line, size_t cap, char *err, size_t errlen)
{
    size_t n = 0;
    for (;;) {
        if (c->inpos == c->inlen) {
            if (!wait_fd(c, POLLIN, err, errlen))
                return false;
            ssize_t r = recv(c->fd, c->in, sizeof c->in, 0);
            if (r < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            if (r <= 0) {
                snprintf(err, errlen, "%s: the server closed the connection", c->step);
                return false;
            }
            c->inlen = (size_t)r;
            c->inpos = 0;
        }
        char ch = c->in[c->inpos++];
        if (ch == '\n') {
            if (n > 0 && line[n - 1] == '\r')
                n--;
            line[n] = '\0';
            return true;
        }
        if (n + 1 >= cap) {
            snprintf(err, errlen, "%s: a reply line over %zu bytes", c->step, cap);
            return false;
        }
        line[n++] = ch;
    }
}

/* reply - read a whole (multi-line) reply; its code, or -1 on error.
 * *ext gets whether EHLO announced SIZE (when ext is not NULL). */
static int reply(struct conn *c, bool *size_ext, char *err, size_t errlen)
{
    char line[1024];
    for (int i = 0; i < REPLY_LINES; i++) {
        if (!read_line(c, line, sizeof line, err, errlen))
            return -1;
        if (strlen(line) < 3 || line[0] < '2' || line[0] > '5' || line[1] < '0' || line[1] > '9' ||
            line[2] < '0' || line[2] > '9' ||
            (line[3] != '\0' && line[3] != ' ' && line[3] != '-')) {
            snprintf(err, errlen, "%s: not an SMTP reply", c->step);
            return -1;
        }
        if (i == 0)
            snprintf(c->reply, sizeof c->reply, "%.3s", line);
        if (size_ext && strncasecmp(line + 4, "SIZE", 4) == 0 &&
            (line[8] == '\0' || line[8] == ' '))
            *size_ext = true;
        if (line[3] != '-') {
            /* the enhanced status code, if any, for errors ("4.3.0") */
            if (line[3] == ' ' && line[4] >= '2' && line[4] <= '5' && line[5] == '.')
                snprintf(c->reply, sizeof c->reply, "%.3s %.*s", line, (int)strcspn(line + 4, " "),
                         line + 4);
            return (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
        }
    }
    snprintf(err, errlen, "%s: a reply of more than %d lines", c->step, REPLY_LINES);
    return -1;
}

/* command - send a line, read the reply; the class of the answer */
static enum smtp_result command(struct conn *c, const char *step, const char *line, int want,
                                bool *size_ext, char *err, size_t errlen)
{
    c->step = step;
    if (line && (!put(c, line, strlen(line), err, errlen) || !put(c, "\r\n", 2, err, errlen) ||
                 !flush(c, err, errlen)))
        return SMTP_TEMP;
    int code = reply(c, size_ext, err, errlen);
    if (code < 0)
        return SMTP_TEMP;
    if (code / 100 == want / 100)
        return SMTP_OK;
    snprintf(err, errlen, "%s: the server answered %s", step, c->reply);
    return code >= 500 ? SMTP_PERM : SMTP_TEMP;
}

static int connect_to(const struct smtp_target *t, struct conn *c, char *err, size_t errlen)
{
    if (t->path[0]) {
        struct sockaddr_un sa = {.sun_family = AF_UNIX};
        snprintf(sa.sun_path, sizeof sa.sun_path, "%s", t->path);
        int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0)
            return fd;
        snprintf(err, errlen, "connect: %s", strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res = NULL;
    int g = getaddrinfo(t->host, t->port, &hints, &res);
    if (g != 0) {
        snprintf(err, errlen, "connect: cannot resolve the host: %s", gai_strerror(g));
        return -1;
    }
    int fd = -1;
    snprintf(err, errlen, "connect: no address");
    for (struct addrinfo *a = res; a && fd < 0; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
        if (fd < 0)
            continue;
        if (connect(fd, a->ai_addr, a->ai_addrlen) != 0 && errno != EINPROGRESS) {
            snprintf(err, errlen, "connect: %s", strerror(errno));
            close(fd);
            fd = -1;
            continue;
        }
        c->fd = fd;
        c->step = "connect";
        int soerr = 0;
        socklen_t sl = sizeof soerr;
        if (!wait_fd(c, POLLOUT, err, errlen) ||
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) != 0 || soerr != 0) {
            if (soerr)
                snprintf(err, errlen, "connect: %s", strerror(soerr));
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(res);
    return fd;
}

/* data - the message, dot-stuffed, CRLF line ends, then "." */
static bool data(struct conn *c, const char *m, size_t len, char *err, size_t errlen)
{
    bool bol = true;
    for (size_t i = 0; i < len; i++) {
        char ch = m[i];
        if (bol && ch == '.' && !put(c, ".", 1, err, errlen))
            return false;
        if (ch == '\n' && (i == 0 || m[i - 1] != '\r') && !put(c, "\r", 1, err, errlen))
            return false;
        if (!put(c, &ch, 1, err, errlen))
            return false;
        bol = ch == '\n';
    }
    if (!bol && !put(c, "\r\n", 2, err, errlen))
        return false;
    return put(c, ".\r\n", 3, err, errlen) && flush(c, err, errlen);
}

/* an address may not carry CR, LF or angle brackets into a command */
static bool clean_address(const char *a)
{
    return strlen(a) < 512 && strpbrk(a, "\r\n<>") == NULL;
}

enum smtp_result smtp_send(const struct smtp_target *t, const char *helo, const char *sender,
                           const char *const *rcpts, size_t n, const void *msg, size_t len,
                           char *err, size_t errlen)
{
    if (!clean_address(sender) || strpbrk(helo, "\r\n") || n == 0) {
        snprintf(err, errlen, "a sender, recipient or name that cannot go into SMTP");
        return SMTP_PERM;
    }
    for (size_t i = 0; i < n; i++)
        if (!clean_address(rcpts[i]) || !*rcpts[i]) {
            snprintf(err, errlen, "a sender, recipient or name that cannot go into SMTP");
            return SMTP_PERM;
        }
    struct conn *c = calloc(1, sizeof *c);
    if (c == NULL) {
        snprintf(err, errlen, "out of memory");
        return SMTP_TEMP;
    }
    c->timeout_ms = t->timeout_ms ? t->timeout_ms : 10000;
    clock_gettime(CLOCK_MONOTONIC, &c->deadline);
    unsigned dl = t->deadline_ms ? t->deadline_ms : 60000;
    c->deadline.tv_sec += dl / 1000;
    c->deadline.tv_nsec += (long)(dl % 1000) * 1000000;
    if (c->deadline.tv_nsec >= 1000000000) {
        c->deadline.tv_sec++;
        c->deadline.tv_nsec -= 1000000000;
    }
    c->fd = connect_to(t, c, err, errlen);
    enum smtp_result r = c->fd < 0 ? SMTP_TEMP : SMTP_OK;
    char line[1200];
    bool size_ext = false;
    if (r == SMTP_OK)
        r = command(c, "greeting", NULL, 220, NULL, err, errlen);
    if (r == SMTP_OK) {
        snprintf(line, sizeof line, "EHLO %s", helo);
        r = command(c, "EHLO", line, 250, &size_ext, err, errlen);
        if (r == SMTP_PERM) {
            snprintf(line, sizeof line, "HELO %s", helo);
            r = command(c, "HELO", line, 250, NULL, err, errlen);
        }
    }
    if (r == SMTP_OK) {
        int k = snprintf(line, sizeof line, "MAIL FROM:<%s>", sender);
        if (size_ext)
            snprintf(line + k, sizeof line - (size_t)k, " SIZE=%zu", len);
        r = command(c, "MAIL FROM", line, 250, NULL, err, errlen);
    }
    for (size_t i = 0; r == SMTP_OK && i < n; i++) {
        snprintf(line, sizeof line, "RCPT TO:<%s>", rcpts[i]);
        r = command(c, "RCPT TO", line, 250, NULL, err, errlen);
    }
    if (r == SMTP_OK)
        r = command(c, "DATA", "DATA", 354, NULL, err, errlen);
    if (r == SMTP_OK) {
        c->step = "message";
        r = data(c, msg, len, err, errlen) ? command(c, "end of data", NULL, 250, NULL, err, errlen)
                                           : SMTP_TEMP;
    }
    if (c->fd >= 0) {
        char ignore[256];
        if (r == SMTP_OK)
            command(c, "QUIT", "QUIT", 221, NULL, ignore, sizeof ignore);
        close(c->fd);
    }
    free(c);
    return r;
}
