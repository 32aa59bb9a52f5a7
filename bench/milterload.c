/*
 * milterload - a load client that speaks the milter protocol (version 6)
 * to a milter the way Postfix's smtpd does, without Postfix.
 *
 *   milterload --socket SPEC [--conns N] [--per-conn M] [--from A] [--to B] FILE...
 *
 * SPEC is unix:/path or inet:port@host. Each of N connections negotiates
 * once, sends CONNECT, then M messages (cycling over the files): MAIL, RCPT,
 * each header, EOH, the body in chunks, end of body; it skips the steps the
 * milter negotiated away and waits for no reply where the milter said so.
 * The time from sending end-of-body to the final reply is the latency.
 * Prints one JSON line: messages, seconds, messages/s, latency p50/p99/
 * p99.9 in ms, and the final replies by kind.
 */
#include <arpa/inet.h>
#include <libmilter/mfdef.h>
#include <netdb.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "../common/file.h"

#define CHUNK 65535

struct message {
    char *data;
    size_t len, body; /* offset of the body */
};

struct shared {
    const char *spec, *from, *to;
    struct message *msgs;
    size_t nmsgs;
    unsigned per_conn;
};

struct worker {
    const struct shared *sh;
    unsigned id;
    double *lat; /* ms per message */
    unsigned done;
    unsigned accept, reject, tempfail, discard, other, errors;
    pthread_t t;
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int dial(const char *spec)
{
    if (strncmp(spec, "unix:", 5) == 0 || strncmp(spec, "local:", 6) == 0) {
        struct sockaddr_un a = {0};
        a.sun_family = AF_UNIX;
        snprintf(a.sun_path, sizeof a.sun_path, "%s", strchr(spec, ':') + 1);
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
            close(fd);
            return -1;
        }
        return fd;
    }
    char port[16], host[256];
    if (sscanf(spec, "inet:%15[^@]@%255s", port, host) != 2)
        return -1;
    struct addrinfo hints = {0}, *res;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &res) != 0)
        return -1;
    int fd = socket(res->ai_family, SOCK_STREAM, 0);
    if (fd >= 0 && connect(fd, res->ai_addr, res->ai_addrlen) != 0) {
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    return fd;
}

static int put(int fd, char cmd, const void *data, size_t len)
{
    uint32_t n = htonl((uint32_t)len + 1);
    char hdr[5];
    memcpy(hdr, &n, 4);
    hdr[4] = cmd;
    if (write(fd, hdr, 5) != 5)
        return -1;
    const char *p = data;
    while (len > 0) {
        ssize_t k = write(fd, p, len);
        if (k <= 0)
            return -1;
        p += k;
        len -= (size_t)k;
    }
    return 0;
}

static int get_all(int fd, void *buf, size_t len)
{
    char *p = buf;
    while (len > 0) {
        ssize_t k = read(fd, p, len);
        if (k <= 0)
            return -1;
        p += k;
        len -= (size_t)k;
    }
    return 0;
}

/* reply - read one packet; returns its command, or 0 on error */
static char reply(int fd, char *buf, size_t cap, size_t *len)
{
    uint32_t n;
    if (get_all(fd, &n, 4) != 0)
        return 0;
    n = ntohl(n);
    if (n == 0 || n > cap + 1)
        return 0;
    char cmd;
    if (get_all(fd, &cmd, 1) != 0 || get_all(fd, buf, n - 1) != 0)
        return 0;
    *len = n - 1;
    return cmd;
}

/* step - send a command; wait for its reply unless the milter said none */
static char step(int fd, char cmd, const void *data, size_t len, bool want_reply)
{
    char buf[1024];
    size_t n;
    if (put(fd, cmd, data, len) != 0)
        return 0;
    return (char)(want_reply ? reply(fd, buf, sizeof buf, &n) : SMFIR_CONTINUE);
}

static void *run(void *arg)
{
    struct worker *w = arg;
    const struct shared *sh = w->sh;
    char buf[65536];
    size_t n;
    int fd = dial(sh->spec);
    if (fd < 0) {
        w->errors++;
        return NULL;
    }
    uint32_t neg[3] = {htonl(6), htonl(0x1FF), htonl(0x1FFFFF)};
    uint32_t proto = 0;
    if (put(fd, SMFIC_OPTNEG, neg, sizeof neg) != 0 ||
        reply(fd, buf, sizeof buf, &n) != SMFIC_OPTNEG || n < 12) {
        w->errors++;
        close(fd);
        return NULL;
    }
    memcpy(&proto, buf + 8, 4);
    proto = ntohl(proto);
    char conn[] = "client.test\0U";
    if (!(proto & SMFIP_NOCONNECT))
        step(fd, SMFIC_CONNECT, conn, sizeof conn - 1, !(proto & SMFIP_NR_CONN));
    for (unsigned i = 0; i < sh->per_conn; i++) {
        const struct message *m = &sh->msgs[(w->id * 7 + i) % sh->nmsgs];
        char mac[64];
        int ml = snprintf(mac, sizeof mac, "Mi%c%uQ%u", 0, w->id, i);
        put(fd, SMFIC_MACRO, mac, (size_t)ml + 1);
        char addr[300];
        int al = snprintf(addr, sizeof addr, "<%s>", sh->from);
        if (!(proto & SMFIP_NOMAIL))
            step(fd, SMFIC_MAIL, addr, (size_t)al + 1, !(proto & SMFIP_NR_MAIL));
        al = snprintf(addr, sizeof addr, "<%s>", sh->to);
        if (!(proto & SMFIP_NORCPT))
            step(fd, SMFIC_RCPT, addr, (size_t)al + 1, !(proto & SMFIP_NR_RCPT));
        /* headers, unfolded as the MTA sends them */
        const char *p = m->data, *end = m->data + m->body;
        while (p < end && !(proto & SMFIP_NOHDRS)) {
            const char *e = p;
            while (e < end && !(*e == '\n' && (e + 1 >= end || (e[1] != ' ' && e[1] != '\t'))))
                e++;
            const char *colon = memchr(p, ':', (size_t)(e - p));
            if (colon && colon > p) {
                const char *v = colon + 1;
                while (v < e && (*v == ' ' || *v == '\t'))
                    v++;
                size_t nl = (size_t)(colon - p), vl = (size_t)(e - v);
                if (vl > 0 && v[vl - 1] == '\r')
                    vl--;
                if (nl + vl + 2 < sizeof buf) {
                    memcpy(buf, p, nl);
                    buf[nl] = '\0';
                    memcpy(buf + nl + 1, v, vl);
                    buf[nl + 1 + vl] = '\0';
                    step(fd, SMFIC_HEADER, buf, nl + vl + 2, !(proto & SMFIP_NR_HDR));
                }
            }
            p = e + 1;
        }
        if (!(proto & SMFIP_NOEOH))
            step(fd, SMFIC_EOH, NULL, 0, !(proto & SMFIP_NR_EOH));
        for (size_t off = m->body; off < m->len && !(proto & SMFIP_NOBODY); off += CHUNK) {
            size_t k = m->len - off < CHUNK ? m->len - off : CHUNK;
            step(fd, SMFIC_BODY, m->data + off, k, !(proto & SMFIP_NR_BODY));
        }
        double t0 = now_ms();
        char r = 0;
        if (put(fd, SMFIC_BODYEOB, NULL, 0) == 0) {
            /* modifications come first, then the final answer */
            while ((r = reply(fd, buf, sizeof buf, &n)) != 0 &&
                   (r == SMFIR_ADDHEADER || r == SMFIR_QUARANTINE || r == SMFIR_PROGRESS ||
                    r == SMFIR_INSHEADER || r == SMFIR_CHGHEADER || r == SMFIR_DELRCPT ||
                    r == SMFIR_ADDRCPT || r == SMFIR_ADDRCPT_PAR || r == SMFIR_REPLBODY ||
                    r == SMFIR_CHGFROM))
                ;
        }
        w->lat[w->done++] = now_ms() - t0;
        if (r == SMFIR_ACCEPT || r == SMFIR_CONTINUE)
            w->accept++;
        else if (r == SMFIR_REJECT || (r == SMFIR_REPLYCODE && buf[0] == '5'))
            w->reject++;
        else if (r == SMFIR_TEMPFAIL || (r == SMFIR_REPLYCODE && buf[0] == '4'))
            w->tempfail++;
        else if (r == SMFIR_DISCARD)
            w->discard++;
        else if (r == 0) {
            w->errors++;
            break;
        } else
            w->other++;
    }
    put(fd, SMFIC_QUIT, NULL, 0);
    close(fd);
    return NULL;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(const double *v, size_t n, double p)
{
    if (n == 0)
        return 0;
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i < n ? i : n - 1];
}

int main(int argc, char **argv)
{
    struct shared sh = {NULL, "anja@zorg-example.nl", "piet@gmail-example.com", NULL, 0, 100};
    unsigned conns = 1;
    int i = 1;
    for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
        if (strcmp(argv[i], "--socket") == 0)
            sh.spec = argv[i + 1];
        else if (strcmp(argv[i], "--conns") == 0)
            conns = (unsigned)atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--per-conn") == 0)
            sh.per_conn = (unsigned)atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--from") == 0)
            sh.from = argv[i + 1];
        else if (strcmp(argv[i], "--to") == 0)
            sh.to = argv[i + 1];
        else
            break;
    }
    if (!sh.spec || i >= argc || conns < 1 || conns > 1024 || sh.per_conn < 1) {
        fprintf(stderr, "usage: milterload --socket SPEC [--conns N] [--per-conn M] "
                        "[--from A] [--to B] FILE...\n");
        return 2;
    }
    sh.nmsgs = (size_t)(argc - i);
    sh.msgs = calloc(sh.nmsgs, sizeof *sh.msgs);
    for (size_t k = 0; k < sh.nmsgs; k++) {
        char err[256];
        struct message *m = &sh.msgs[k];
        m->data = file_read_all(argv[i + (int)k], 1 << 26, &m->len, err, sizeof err);
        if (m->data == NULL) {
            fprintf(stderr, "milterload: %s: %s\n", argv[i + (int)k], err);
            return 1;
        }
        char *b = strstr(m->data, "\n\n"), *c = strstr(m->data, "\r\n\r\n");
        m->body = c && (!b || c < b) ? (size_t)(c - m->data) + 4
                  : b                ? (size_t)(b - m->data) + 2
                                     : m->len;
    }
    struct worker *w = calloc(conns, sizeof *w);
    double t0 = now_ms();
    for (unsigned k = 0; k < conns; k++) {
        w[k].sh = &sh;
        w[k].id = k;
        w[k].lat = calloc(sh.per_conn, sizeof(double));
        pthread_create(&w[k].t, NULL, run, &w[k]);
    }
    size_t total = 0;
    unsigned acc = 0, rej = 0, tf = 0, dis = 0, oth = 0, err = 0;
    for (unsigned k = 0; k < conns; k++) {
        pthread_join(w[k].t, NULL);
        total += w[k].done;
        acc += w[k].accept, rej += w[k].reject, tf += w[k].tempfail, oth += w[k].other;
        dis += w[k].discard;
        err += w[k].errors;
    }
    double secs = (now_ms() - t0) / 1e3;
    double *all = calloc(total ? total : 1, sizeof *all);
    size_t o = 0;
    for (unsigned k = 0; k < conns; k++) {
        memcpy(all + o, w[k].lat, w[k].done * sizeof(double));
        o += w[k].done;
    }
    qsort(all, total, sizeof *all, cmp_double);
    printf("{\"conns\":%u,\"messages\":%zu,\"seconds\":%.3f,\"msgs_per_s\":%.1f,"
           "\"eom_ms\":{\"p50\":%.3f,\"p99\":%.3f,\"p999\":%.3f},"
           "\"replies\":{\"accept\":%u,\"reject\":%u,\"tempfail\":%u,\"discard\":%u,"
           "\"other\":%u},"
           "\"errors\":%u}\n",
           conns, total, secs, secs > 0 ? (double)total / secs : 0, pct(all, total, 0.5),
           pct(all, total, 0.99), pct(all, total, 0.999), acc, rej, tf, dis, oth, err);
    return err ? 1 : 0;
}
