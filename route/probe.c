/*
 * probe - STARTTLS and certificate verification of a domain's MX hosts.
 * See probe.h.
 */
#include "probe.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

/* one host's outcome */
struct host_result {
    bool answered, starttls, verified, dane;
    char version[16];
    char detail[200];
};

/* dial - a connection to a, every wait bounded by ms; -1 when none */
static int dial(const struct dns_addr *a, unsigned ms)
{
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICHOST}, *ai = NULL;
    if (getaddrinfo(a->host, a->port, &hints, &ai) != 0)
        return -1;
    int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) != 0 && errno == EINPROGRESS) {
        struct pollfd p = {fd, POLLOUT, 0};
        int err = 0;
        socklen_t len = sizeof err;
        if (poll(&p, 1, (int)ms) != 1 || getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0 ||
            err != 0) {
            close(fd);
            fd = -1;
        }
    } else if (fd >= 0 && errno != 0 && errno != EINPROGRESS) {
        close(fd);
        fd = -1;
    }
    freeaddrinfo(ai);
    if (fd < 0)
        return -1;
    /* blocking from here, each read and write bounded */
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    struct timeval tv = {(time_t)(ms / 1000), (suseconds_t)(ms % 1000) * 1000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    return fd;
}

/* reply - one SMTP reply (its lines) into buf; its code, or 0. Reads
 * byte by byte up to the final line, so nothing of what follows (the TLS
 * handshake) is taken. */
static int reply(int fd, char *buf, size_t cap)
{
    size_t n = 0, line = 0;
    for (;;) {
        char c;
        if (read(fd, &c, 1) != 1 || n + 1 >= cap)
            return 0;
        buf[n++] = c;
        if (c != '\n')
            continue;
        buf[n] = '\0';
        /* "250-..." goes on, "250 ..." (or a bare "250") ends the reply */
        if (n - line >= 4 && buf[line + 3] != '-') {
            const char *d = buf + line;
            bool digits = d[0] >= '1' && d[0] <= '5' && d[1] >= '0' && d[1] <= '9' && d[2] >= '0' &&
                          d[2] <= '9';
            return digits ? (d[0] - '0') * 100 + (d[1] - '0') * 10 + (d[2] - '0') : 0;
        }
        line = n;
    }
}

static bool say(int fd, const char *line)
{
    size_t n = strlen(line);
    return write(fd, line, n) == (ssize_t)n;
}

/* offers_starttls - is STARTTLS among the EHLO reply's keywords? */
static bool offers_starttls(const char *ehlo)
{
    for (const char *line = ehlo; *line;) {
        size_t n = strcspn(line, "\r\n");
        if (n >= 12 && strncmp(line, "250", 3) == 0 && strncasecmp(line + 4, "STARTTLS", 8) == 0 &&
            (n == 12 || line[12] == ' '))
            return true;
        line += n;
        line += strspn(line, "\r\n");
    }
    return false;
}

/* handshake - TLS on fd for host; the outcome into r */
static void handshake(const struct probe_opts *o, int fd, const char *host, const char *port,
                      struct host_result *r)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    SSL *ssl = NULL;
    struct dns_tlsa tlsa[DNS_MAX_TLSA];
    bool secure = false;
    size_t ntlsa = dns_tlsa(o->hosts, host, port, tlsa, DNS_MAX_TLSA, &secure);
    if (ctx == NULL) {
        snprintf(r->detail, sizeof r->detail, "%.100s: out of memory", host);
        return;
    }
    SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
    X509_STORE_up_ref(o->trust);
    SSL_CTX_set_cert_store(ctx, o->trust);
    /* verified after the handshake, so that the version is known either way */
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
    if (secure)
        SSL_CTX_dane_enable(ctx);
    ssl = SSL_new(ctx);
    bool ok = ssl && SSL_set_fd(ssl, fd) == 1 && SSL_set_tlsext_host_name(ssl, host) == 1;
    if (ok && secure) {
        ok = SSL_dane_enable(ssl, host) > 0;
        size_t usable = 0;
        for (size_t i = 0; ok && i < ntlsa; i++)
            usable += SSL_dane_tlsa_add(ssl, tlsa[i].usage, tlsa[i].selector, tlsa[i].mtype,
                                        tlsa[i].data, tlsa[i].len) > 0;
        secure = usable > 0;
    } else if (ok) {
        ok = SSL_set1_host(ssl, host) == 1;
        X509_VERIFY_PARAM_set_hostflags(SSL_get0_param(ssl), X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    }
    if (ok && SSL_connect(ssl) == 1) {
        snprintf(r->version, sizeof r->version, "%s", SSL_get_version(ssl));
        long v = SSL_get_verify_result(ssl);
        r->verified = v == X509_V_OK && SSL_get0_peer_certificate(ssl) != NULL;
        r->dane = r->verified && secure && SSL_get0_dane_authority(ssl, NULL, NULL) >= 0;
        if (!r->verified)
            snprintf(r->detail, sizeof r->detail, "%.100s: the certificate does not verify: %s",
                     host, X509_verify_cert_error_string(v));
        SSL_write(ssl, "QUIT\r\n", 6);
        SSL_shutdown(ssl);
    } else {
        unsigned long e = ERR_peek_last_error();
        char why[128] = "no detail";
        if (e)
            ERR_error_string_n(e, why, sizeof why);
        snprintf(r->detail, sizeof r->detail, "%.100s: the TLS handshake failed (%.60s)", host,
                 why);
    }
    ERR_clear_error();
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}

/* probe_host - one MX host, at the first of its addresses that answers */
static void probe_host(const struct probe_opts *o, const char *host, struct host_result *r)
{
    struct dns_addr addrs[DNS_MAX_ADDRS];
    char err[160], buf[4096] = "";
    memset(r, 0, sizeof *r);
    size_t n = dns_addrs(o->hosts, host, addrs, DNS_MAX_ADDRS, err, sizeof err);
    if (n == 0) {
        snprintf(r->detail, sizeof r->detail, "%.100s: %.90s", host, err);
        return;
    }
    int fd = -1;
    size_t k = 0;
    for (; k < n && fd < 0; k++)
        fd = dial(&addrs[k], o->timeout_ms);
    if (fd < 0) {
        snprintf(r->detail, sizeof r->detail, "%.100s: no connection", host);
        return;
    }
    const char *port = addrs[k - 1].port;
    char ehlo[300];
    snprintf(ehlo, sizeof ehlo, "EHLO %s\r\n", o->helo);
    int code = reply(fd, buf, sizeof buf);
    r->answered = code != 0;
    if (code != 220) {
        snprintf(r->detail, sizeof r->detail, "%.100s: no greeting (%d)", host, code);
    } else if (!say(fd, ehlo) || (code = reply(fd, buf, sizeof buf)) != 250) {
        snprintf(r->detail, sizeof r->detail, "%.100s: EHLO refused (%d)", host, code);
    } else if (!offers_starttls(buf)) {
        snprintf(r->detail, sizeof r->detail, "%.100s: no STARTTLS", host);
        say(fd, "QUIT\r\n");
    } else if (!say(fd, "STARTTLS\r\n") || (code = reply(fd, buf, sizeof buf)) != 220) {
        snprintf(r->detail, sizeof r->detail, "%.100s: STARTTLS refused (%d)", host, code);
    } else {
        r->starttls = true;
        handshake(o, fd, host, port, r);
    }
    close(fd);
}

void probe_domain(const struct probe_opts *o, const char *domain, struct tls_record *r)
{
    memset(r, 0, sizeof *r);
    snprintf(r->domain, sizeof r->domain, "%s", domain);
    r->checked = time(NULL);
    struct dns_mx mx[DNS_MAX_HOSTS];
    char err[160];
    size_t n = dns_mx(o->hosts, domain, mx, DNS_MAX_HOSTS, err, sizeof err);
    if (n == 0) {
        snprintf(r->detail, sizeof r->detail, "%.100s: %.140s", domain, err);
        return;
    }
    bool all_tls = true, any_bad = false, all_dane = true;
    unsigned verified = 0;
    char unanswered[256] = "";
    for (size_t i = 0; i < n; i++) {
        if (o->stop && __atomic_load_n(o->stop, __ATOMIC_ACQUIRE)) {
            snprintf(r->detail, sizeof r->detail, "%s", "the probe was stopped");
            any_bad = true;
            break;
        }
        struct host_result h;
        probe_host(o, mx[i].host, &h);
        size_t used = strlen(r->mx);
        if (used + strlen(mx[i].host) + 2 < sizeof r->mx)
            snprintf(r->mx + used, sizeof r->mx - used, "%s%s", used ? "," : "", mx[i].host);
        r->hosts++;
        if (!h.answered) {
            if (!unanswered[0])
                snprintf(unanswered, sizeof unanswered, "%s", h.detail);
            continue;
        }
        r->answered++;
        all_tls &= h.starttls;
        any_bad |= !h.verified;
        all_dane &= h.dane;
        verified += h.verified;
        if (h.version[0] && (!r->version[0] || strcmp(h.version, r->version) < 0))
            snprintf(r->version, sizeof r->version, "%s", h.version);
        /* the first thing wrong with a host that answered */
        if (!h.verified && !r->detail[0])
            snprintf(r->detail, sizeof r->detail, "%s", h.detail);
    }
    r->starttls = r->answered > 0 && all_tls;
    r->verified = verified > 0 && !any_bad;
    r->dane = r->verified && all_dane;
    if (r->verified)
        r->detail[0] = '\0';
    else if (!r->detail[0])
        snprintf(r->detail, sizeof r->detail, "%s", unanswered);
}

void probe_summary(const struct tls_record *r, char *out, size_t outlen)
{
    if (r->verified)
        snprintf(out, outlen, "verified%s (%s, %u of %u host%s answered)",
                 r->dane ? " by DANE" : "", r->version, r->answered, r->hosts,
                 r->hosts == 1 ? "" : "s");
    else
        snprintf(out, outlen, "not verified: %s", r->detail[0] ? r->detail : "no host answered");
}
