/*
 * smtpload - an SMTP load client for the Postfix benchmarks.
 *
 *   smtpload --port P [--conns N] [--messages M] [--rate R] [--from A] [--to B] FILE...
 *
 * N connections send M messages in all (cycling over the files), each
 * connection one message after another on one SMTP session (EHLO once,
 * then MAIL, RCPT, DATA per message). With --rate, messages start at R per
 * second overall (paced, not bursty). The latency of a message is from its
 * MAIL command to the reply after the final dot: what a sending server
 * waits. Prints one JSON line: messages, accepted, seconds, messages/s,
 * latency p50/p99 in ms.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../common/buf.h"
#include "../common/file.h"

struct shared {
    int port;
    const char *from, *to;
    struct buf *msgs; /* dot-stuffed, CRLF, ending in CRLF.CRLF */
    size_t nmsgs;
    unsigned messages;
    double rate;
    double t0;
    pthread_mutex_t mu;
    unsigned next; /* messages handed out */
};

struct worker {
    struct shared *sh;
    pthread_t t;
    double *lat;
    unsigned n, ok;
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* reply - read a whole SMTP reply; its code, or 0 */
static int reply(int fd, char *buf, size_t cap)
{
    size_t len = 0;
    for (;;) {
        ssize_t k = read(fd, buf + len, cap - 1 - len);
        if (k <= 0)
            return 0;
        len += (size_t)k;
        buf[len] = '\0';
        /* the last line is "NNN text\r\n" (a space after the code) */
        char *last = buf, *p;
        while ((p = strstr(last, "\r\n")) != NULL && p[2] != '\0')
            last = p + 2;
        if (strstr(last, "\r\n") && strlen(last) >= 4 && last[3] == ' ')
            return atoi(last);
        if (len >= cap - 1)
            return 0;
    }
}

static bool say(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t k = write(fd, s, n);
        if (k <= 0)
            return false;
        s += k;
        n -= (size_t)k;
    }
    return true;
}

static void *run(void *arg)
{
    struct worker *w = arg;
    struct shared *sh = w->sh;
    char buf[8192], cmd[512];
    int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)sh->port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0 || reply(fd, buf, sizeof buf) != 220)
        goto out;
    if (!say(fd, "EHLO load.test\r\n", 16) || reply(fd, buf, sizeof buf) != 250)
        goto out;
    for (;;) {
        pthread_mutex_lock(&sh->mu);
        unsigned i = sh->next < sh->messages ? sh->next++ : UINT32_MAX;
        pthread_mutex_unlock(&sh->mu);
        if (i == UINT32_MAX)
            break;
        if (sh->rate > 0) { /* message i starts at t0 + i / rate */
            double at = sh->t0 + (double)i * 1000.0 / sh->rate, t = now_ms();
            if (at > t)
                usleep((useconds_t)((at - t) * 1000));
        }
        const struct buf *m = &sh->msgs[i % sh->nmsgs];
        double t0 = now_ms();
        int n = snprintf(cmd, sizeof cmd, "MAIL FROM:<%s>\r\n", sh->from);
        if (!say(fd, cmd, (size_t)n) || reply(fd, buf, sizeof buf) != 250)
            break;
        n = snprintf(cmd, sizeof cmd, "RCPT TO:<%s>\r\n", sh->to);
        if (!say(fd, cmd, (size_t)n) || reply(fd, buf, sizeof buf) != 250)
            break;
        if (!say(fd, "DATA\r\n", 6) || reply(fd, buf, sizeof buf) != 354)
            break;
        int code = say(fd, m->data, m->len) ? reply(fd, buf, sizeof buf) : 0;
        w->lat[w->n++] = now_ms() - t0;
        if (code == 250)
            w->ok++;
        else if (code == 0 || !say(fd, "RSET\r\n", 6) || reply(fd, buf, sizeof buf) != 250)
            break; /* the connection failed, or RSET after a refused message did */
    }
    say(fd, "QUIT\r\n", 6);
    reply(fd, buf, sizeof buf);
out:
    close(fd);
    return NULL;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* smtp_data - the message as DATA sends it: CRLF lines, dots doubled */
static void smtp_data(const char *d, size_t len, struct buf *out)
{
    bool bol = true;
    for (size_t i = 0; i < len; i++) {
        if (bol && d[i] == '.')
            buf_append_char(out, '.');
        if (d[i] == '\n' && (i == 0 || d[i - 1] != '\r'))
            buf_append_char(out, '\r');
        buf_append_char(out, d[i]);
        bol = d[i] == '\n';
    }
    if (!bol)
        buf_append(out, "\r\n", 2);
    buf_append(out, ".\r\n", 3);
}

int main(int argc, char **argv)
{
    struct shared sh = {0};
    unsigned conns = 1;
    sh.from = "anja@zorg-example.nl";
    sh.to = "kees@zorg-example.nl";
    sh.messages = 100;
    int i = 1;
    for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
        if (strcmp(argv[i], "--port") == 0)
            sh.port = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--conns") == 0)
            conns = (unsigned)atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--messages") == 0)
            sh.messages = (unsigned)atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--rate") == 0)
            sh.rate = atof(argv[i + 1]);
        else if (strcmp(argv[i], "--from") == 0)
            sh.from = argv[i + 1];
        else if (strcmp(argv[i], "--to") == 0)
            sh.to = argv[i + 1];
        else
            break;
    }
    if (sh.port <= 0 || i >= argc || conns < 1 || conns > 1024) {
        fprintf(stderr, "usage: smtpload --port P [--conns N] [--messages M] [--rate R] "
                        "[--from A] [--to B] FILE...\n");
        return 2;
    }
    sh.nmsgs = (size_t)(argc - i);
    sh.msgs = calloc(sh.nmsgs, sizeof *sh.msgs);
    for (size_t k = 0; k < sh.nmsgs; k++) {
        char err[256];
        size_t len;
        char *d = file_read_all(argv[i + (int)k], 1 << 26, &len, err, sizeof err);
        if (d == NULL) {
            /* NOLINTNEXTLINE(clang-analyzer-unix.Malloc): main returns, the process ends */
            fprintf(stderr, "smtpload: %s: %s\n", argv[i + (int)k], err);
            return 1;
        }
        smtp_data(d, len, &sh.msgs[k]);
        free(d);
    }
    pthread_mutex_init(&sh.mu, NULL);
    struct worker *w = calloc(conns, sizeof *w);
    sh.t0 = now_ms();
    for (unsigned k = 0; k < conns; k++) {
        w[k].sh = &sh;
        w[k].lat = calloc(sh.messages, sizeof(double));
        pthread_create(&w[k].t, NULL, run, &w[k]);
    }
    unsigned n = 0, ok = 0;
    for (unsigned k = 0; k < conns; k++) {
        pthread_join(w[k].t, NULL);
        n += w[k].n;
        ok += w[k].ok;
    }
    double secs = (now_ms() - sh.t0) / 1e3;
    double *all = calloc(n ? n : 1, sizeof *all);
    for (unsigned k = 0, o = 0; k < conns; o += w[k].n, k++)
        memcpy(all + o, w[k].lat, w[k].n * sizeof(double));
    qsort(all, n, sizeof *all, cmp);
    printf("{\"conns\":%u,\"messages\":%u,\"accepted\":%u,\"seconds\":%.3f,\"msgs_per_s\":%.1f,"
           "\"latency_ms\":{\"p50\":%.3f,\"p99\":%.3f}}\n",
           conns, n, ok, secs, secs > 0 ? ok / secs : 0, n ? all[n / 2] : 0,
           n ? all[(size_t)(0.99 * (n - 1))] : 0);
    return ok == sh.messages ? 0 : 1;
}
