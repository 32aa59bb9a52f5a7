/*
 * dns - MX, addresses and TLSA for the probe. See dns.h.
 */
#include "dns.h"

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <ctype.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/file.h"

#define HOSTS_FILE_MAX (1u << 20)

#ifndef T_TLSA
#define T_TLSA 52
#endif

enum kind { K_MX, K_A, K_TLSA };

struct answer {
    char name[256];
    enum kind kind;
    struct dns_mx mx;
    struct dns_addr addr;
    struct dns_tlsa tlsa;
};

struct dns_hosts {
    struct answer *a;
    size_t n;
};

/* same_name - two DNS names, without a trailing dot, in any case */
static bool same_name(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    la -= la > 0 && a[la - 1] == '.';
    lb -= lb > 0 && b[lb - 1] == '.';
    return la == lb && strncasecmp(a, b, la) == 0;
}

static bool holds(const struct dns_hosts *h, const char *name)
{
    for (size_t i = 0; h && i < h->n; i++)
        if (same_name(h->a[i].name, name))
            return true;
    return false;
}

/* nibble - a hex digit's value, or -1 */
static int nibble(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)tolower((unsigned char)c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* hex - "a1b2..." into out; its length, or 0 when it is not hex */
static size_t hex(const char *s, unsigned char *out, size_t cap)
{
    size_t n = strlen(s);
    if (n == 0 || n % 2 || n / 2 > cap)
        return 0;
    for (size_t i = 0; i < n / 2; i++) {
        int hi = nibble(s[2 * i]), lo = nibble(s[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return 0;
        out[i] = (unsigned char)(hi * 16 + lo);
    }
    return n / 2;
}

/* small - a decimal number from 0 to max, the whole of s */
static bool small(const char *s, unsigned long max, uint8_t *out)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v > max)
        return false;
    *out = (uint8_t)v;
    return true;
}

/* parse_addr - "1.2.3.4", "1.2.3.4:2525", "[::1]:2525" into a */
static bool parse_addr(const char *s, struct dns_addr *a)
{
    char host[64] = "", port[8] = "25";
    const char *colon = strrchr(s, ':');
    if (s[0] == '[') {
        const char *close = strchr(s, ']');
        if (close == NULL || close - s - 1 >= (long)sizeof host)
            return false;
        snprintf(host, sizeof host, "%.*s", (int)(close - s - 1), s + 1);
        if (close[1] == ':')
            snprintf(port, sizeof port, "%s", close + 2);
        else if (close[1] != '\0')
            return false;
    } else if (colon) {
        snprintf(host, sizeof host, "%.*s", (int)(colon - s), s);
        snprintf(port, sizeof port, "%s", colon + 1);
    } else {
        snprintf(host, sizeof host, "%s", s);
    }
    unsigned char buf[sizeof(struct in6_addr)];
    long p = strtol(port, NULL, 10);
    if ((inet_pton(AF_INET, host, buf) != 1 && inet_pton(AF_INET6, host, buf) != 1) || p < 1 ||
        p > 65535 || strspn(port, "0123456789") != strlen(port))
        return false;
    snprintf(a->host, sizeof a->host, "%s", host);
    snprintf(a->port, sizeof a->port, "%s", port);
    return true;
}

/* parse_line - one line of the hosts file into a; false with why */
static bool parse_line(char *line, struct answer *a, const char **why)
{
    char *f[8];
    int n = 0;
    for (char *save = NULL, *t = strtok_r(line, " \t", &save); t && n < 8;
         t = strtok_r(NULL, " \t", &save))
        f[n++] = t;
    memset(a, 0, sizeof *a);
    if (n < 3 || strlen(f[0]) >= sizeof a->name) {
        *why = "expected NAME MX|A|TLSA VALUE...";
        return false;
    }
    snprintf(a->name, sizeof a->name, "%s", f[0]);
    if (strcasecmp(f[1], "MX") == 0 && (n == 3 || n == 4) && strlen(f[2]) < sizeof a->mx.host) {
        a->kind = K_MX;
        snprintf(a->mx.host, sizeof a->mx.host, "%s", f[2]);
        a->mx.pref = n == 4 ? (unsigned)strtoul(f[3], NULL, 10) : 10;
        return true;
    }
    if (strcasecmp(f[1], "A") == 0 && n == 3) {
        a->kind = K_A;
        if (parse_addr(f[2], &a->addr))
            return true;
        *why = "an A line takes an address: 127.0.0.1, 127.0.0.1:2525 or [::1]:2525";
        return false;
    }
    if (strcasecmp(f[1], "TLSA") == 0 && n == 6) {
        a->kind = K_TLSA;
        a->tlsa.len = hex(f[5], a->tlsa.data, sizeof a->tlsa.data);
        if (a->tlsa.len > 0 && small(f[2], 3, &a->tlsa.usage) &&
            small(f[3], 1, &a->tlsa.selector) && small(f[4], 2, &a->tlsa.mtype))
            return true;
        *why = "a TLSA line takes USAGE (0-3) SELECTOR (0-1) MTYPE (0-2) and hex data (up to "
               "64 bytes)";
        return false;
    }
    *why = "expected NAME MX HOST [PREF], NAME A ADDRESS[:PORT] or NAME TLSA U S M HEX";
    return false;
}

enum sl_status dns_hosts_load(const char *path, struct dns_hosts **out, char *err, size_t errlen)
{
    size_t len;
    char why[256];
    *out = NULL;
    char *data = file_read_all(path, HOSTS_FILE_MAX, &len, why, sizeof why);
    if (data == NULL) {
        snprintf(err, errlen, "%s: %s", path, why);
        return SL_EIO;
    }
    struct dns_hosts *h = calloc(1, sizeof *h);
    enum sl_status st = h ? SL_OK : SL_ENOMEM;
    size_t cap = 0, lineno = 0;
    for (char *save = NULL, *line = strtok_r(data, "\n", &save); st == SL_OK && line;
         line = strtok_r(NULL, "\n", &save)) {
        lineno++;
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        line[strcspn(line, "\r")] = '\0';
        if (line[strspn(line, " \t")] == '\0')
            continue;
        if (h->n == cap) {
            cap = cap ? 2 * cap : 16;
            struct answer *a = realloc(h->a, cap * sizeof *a);
            if (a == NULL) {
                st = SL_ENOMEM;
                break;
            }
            h->a = a;
        }
        const char *reason = "";
        if (!parse_line(line, &h->a[h->n], &reason)) {
            snprintf(err, errlen, "%s:%zu: %s", path, lineno, reason);
            st = SL_EPARSE;
        } else {
            h->n++;
        }
    }
    free(data);
    if (st != SL_OK) {
        dns_hosts_free(h);
        return st;
    }
    *out = h;
    return SL_OK;
}

void dns_hosts_free(struct dns_hosts *h)
{
    if (h == NULL)
        return;
    free(h->a);
    free(h);
}

static int by_pref(const void *a, const void *b)
{
    const struct dns_mx *x = a, *y = b;
    return (x->pref > y->pref) - (x->pref < y->pref);
}

/* query - one question to the system's resolver into msg; its length, or
 * -1 and err */
static int query(const char *name, int type, bool dnssec, unsigned char *ans, int cap, ns_msg *msg,
                 char *err, size_t errlen)
{
    struct __res_state st;
    memset(&st, 0, sizeof st);
    if (res_ninit(&st) != 0) {
        snprintf(err, errlen, "the resolver could not be set up");
        return -1;
    }
    if (dnssec)
        st.options |= RES_USE_DNSSEC | RES_USE_EDNS0;
    /* a lookup waits at most 2 x 3 s, whatever resolv.conf says */
    st.retrans = 3;
    st.retry = 2;
    int n = res_nquery(&st, name, C_IN, type, ans, cap);
    int h = st.res_h_errno;
    res_nclose(&st);
    if (n < 0 || ns_initparse(ans, n, msg) != 0) {
        snprintf(err, errlen, "%s",
                 h == HOST_NOT_FOUND ? "no such domain"
                 : h == NO_DATA      ? "no records"
                                     : "the DNS lookup failed");
        return h == NO_DATA ? 0 : -1;
    }
    return n;
}

size_t dns_mx(const struct dns_hosts *h, const char *domain, struct dns_mx *out, size_t cap,
              char *err, size_t errlen)
{
    size_t n = 0;
    err[0] = '\0';
    if (holds(h, domain)) {
        for (size_t i = 0; i < h->n && n < cap; i++)
            if (h->a[i].kind == K_MX && same_name(h->a[i].name, domain))
                out[n++] = h->a[i].mx;
    } else {
        unsigned char ans[4096];
        ns_msg msg;
        int len = query(domain, T_MX, false, ans, sizeof ans, &msg, err, errlen);
        if (len < 0)
            return 0;
        for (int i = 0; len > 0 && i < ns_msg_count(msg, ns_s_an) && n < cap; i++) {
            ns_rr rr;
            if (ns_parserr(&msg, ns_s_an, i, &rr) != 0 || ns_rr_type(rr) != ns_t_mx ||
                ns_rr_rdlen(rr) < 3)
                continue;
            out[n].pref = ns_get16(ns_rr_rdata(rr));
            if (dn_expand(ns_msg_base(msg), ns_msg_end(msg), ns_rr_rdata(rr) + 2, out[n].host,
                          sizeof out[n].host) >= 0)
                n++;
        }
    }
    if (n == 0 && cap > 0) {
        /* no MX: the domain itself (RFC 5321 5.1) */
        snprintf(out[0].host, sizeof out[0].host, "%s", domain);
        out[0].pref = 0;
        n = 1;
        err[0] = '\0';
    }
    qsort(out, n, sizeof *out, by_pref);
    return n;
}

size_t dns_addrs(const struct dns_hosts *h, const char *host, struct dns_addr *out, size_t cap,
                 char *err, size_t errlen)
{
    size_t n = 0;
    if (holds(h, host)) {
        for (size_t i = 0; i < h->n && n < cap; i++)
            if (h->a[i].kind == K_A && same_name(h->a[i].name, host))
                out[n++] = h->a[i].addr;
        if (n == 0)
            snprintf(err, errlen, "no address for the host");
        return n;
    }
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *ai = NULL;
    int rc = getaddrinfo(host, "25", &hints, &ai);
    if (rc != 0) {
        snprintf(err, errlen, "the host's address: %s", gai_strerror(rc));
        return 0;
    }
    for (struct addrinfo *p = ai; p && n < cap; p = p->ai_next) {
        if (getnameinfo(p->ai_addr, p->ai_addrlen, out[n].host, sizeof out[n].host, NULL, 0,
                        NI_NUMERICHOST) == 0) {
            snprintf(out[n].port, sizeof out[n].port, "25");
            n++;
        }
    }
    freeaddrinfo(ai);
    return n;
}

size_t dns_tlsa(const struct dns_hosts *h, const char *host, const char *port, struct dns_tlsa *out,
                size_t cap, bool *secure)
{
    size_t n = 0;
    *secure = false;
    if (holds(h, host)) {
        for (size_t i = 0; i < h->n && n < cap; i++)
            if (h->a[i].kind == K_TLSA && same_name(h->a[i].name, host))
                out[n++] = h->a[i].tlsa;
        *secure = n > 0;
        return n;
    }
    char name[320], err[128];
    snprintf(name, sizeof name, "_%s._tcp.%s", port, host);
    unsigned char ans[4096];
    ns_msg msg;
    int len = query(name, T_TLSA, true, ans, sizeof ans, &msg, err, sizeof err);
    /* records DNSSEC did not vouch for are worth nothing (RFC 7672 2.2) */
    if (len <= 0 || !ns_msg_getflag(msg, ns_f_ad))
        return 0;
    for (int i = 0; i < ns_msg_count(msg, ns_s_an) && n < cap; i++) {
        ns_rr rr;
        if (ns_parserr(&msg, ns_s_an, i, &rr) != 0 || ns_rr_type(rr) != T_TLSA ||
            ns_rr_rdlen(rr) < 4 || (size_t)ns_rr_rdlen(rr) - 3 > sizeof out[n].data)
            continue;
        const unsigned char *d = ns_rr_rdata(rr);
        out[n].usage = d[0];
        out[n].selector = d[1];
        out[n].mtype = d[2];
        out[n].len = ns_rr_rdlen(rr) - 3u;
        memcpy(out[n].data, d + 3, out[n].len);
        n++;
    }
    *secure = n > 0;
    return n;
}
