/*
 * test_route - the TLS route's parts that need no mail server: the hosts
 * file (every kind of line, and the line number of a bad one), MX order
 * and the implicit MX, the records' store, and the prober's promises to a
 * message: it waits for a first probe at most wait_ms, a host that never
 * greets is recorded as not verified once the probe times out, a refused
 * connection too, and a stale record is used while it is probed again.
 * (A probe of real servers, verified and not: tests/integration/tls-e2e.)
 */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../../route/route.h"
#include "../../route/store.h"
#include "check.h"

static char dir[64];

static const char *path(const char *name)
{
    static char p[8][256];
    static int k;
    k = (k + 1) % 8;
    snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
    return p[k];
}

static void write_file(const char *name, const char *text)
{
    FILE *f = fopen(path(name), "w");
    CHECK(f && fputs(text, f) >= 0, "write %s", name);
    if (f)
        fclose(f);
}

static void test_hosts(void)
{
    char err[512];
    struct dns_hosts *h = NULL;
    write_file("hosts", "# partners\n"
                        "partner.test MX mx2.partner.test 20\n"
                        "partner.test MX mx1.partner.test 10\n"
                        "mx1.partner.test A 127.0.0.1:2525\n"
                        "mx1.partner.test A [::1]:2526   # a comment\n"
                        "mx2.partner.test A 127.0.0.2\n"
                        "mx1.partner.test TLSA 3 1 1 "
                        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"
                        "\n"
                        "bare.test A 127.0.0.3\n");
    CHECK(dns_hosts_load(path("hosts"), &h, err, sizeof err) == SL_OK, "hosts: %s", err);
    struct dns_mx mx[DNS_MAX_HOSTS];
    size_t n = h ? dns_mx(h, "Partner.Test.", mx, DNS_MAX_HOSTS, err, sizeof err) : 0;
    CHECK(n == 2 && strcmp(mx[0].host, "mx1.partner.test") == 0 && mx[0].pref == 10 &&
              strcmp(mx[1].host, "mx2.partner.test") == 0,
          "MX by preference, the name in any case: %zu", n);
    n = h ? dns_mx(h, "bare.test", mx, DNS_MAX_HOSTS, err, sizeof err) : 0;
    CHECK(n == 1 && strcmp(mx[0].host, "bare.test") == 0, "no MX: the domain itself");
    struct dns_addr a[DNS_MAX_ADDRS];
    n = h ? dns_addrs(h, "mx1.partner.test", a, DNS_MAX_ADDRS, err, sizeof err) : 0;
    CHECK(n == 2 && strcmp(a[0].host, "127.0.0.1") == 0 && strcmp(a[0].port, "2525") == 0 &&
              strcmp(a[1].host, "::1") == 0 && strcmp(a[1].port, "2526") == 0,
          "addresses with ports, IPv6 in brackets");
    n = h ? dns_addrs(h, "mx2.partner.test", a, DNS_MAX_ADDRS, err, sizeof err) : 0;
    CHECK(n == 1 && strcmp(a[0].port, "25") == 0, "port 25 when none is given");
    n = h ? dns_addrs(h, "partner.test", a, DNS_MAX_ADDRS, err, sizeof err) : 0;
    CHECK(n == 0 && err[0], "a name the file holds without an address: none, and why");
    struct dns_tlsa t[DNS_MAX_TLSA];
    bool secure = false;
    n = h ? dns_tlsa(h, "mx1.partner.test", "25", t, DNS_MAX_TLSA, &secure) : 0;
    CHECK(n == 1 && secure && t[0].usage == 3 && t[0].selector == 1 && t[0].mtype == 1 &&
              t[0].len == 32 && t[0].data[0] == 0x01,
          "TLSA from the file: trusted");
    n = h ? dns_tlsa(h, "mx2.partner.test", "25", t, DNS_MAX_TLSA, &secure) : 0;
    CHECK(n == 0 && !secure, "no TLSA: none");
    dns_hosts_free(h);

    static const struct {
        const char *text, *want;
    } bad[] = {
        {"a.test\n", "hosts:1: expected"},
        {"# x\na.test A 999.0.0.1\n", "hosts:2: an A line"},
        {"a.test A 127.0.0.1:0\n", "hosts:1: an A line"},
        {"a.test A 127.0.0.1:25x\n", "hosts:1: an A line"},
        {"a.test TLSA 4 1 1 00\n", "hosts:1: a TLSA line"},
        {"a.test TLSA 3 1 1 0g\n", "hosts:1: a TLSA line"},
        {"a.test CNAME b.test\n", "hosts:1: expected"},
    };
    for (size_t i = 0; i < NELEM(bad); i++) {
        write_file("hosts", bad[i].text);
        h = NULL;
        CHECK(dns_hosts_load(path("hosts"), &h, err, sizeof err) == SL_EPARSE && h == NULL &&
                  strstr(err, bad[i].want),
              "bad line %zu: %s", i, err);
    }
    CHECK(dns_hosts_load(path("nothere"), &h, err, sizeof err) == SL_EIO, "a missing file");
}

static void test_store(void)
{
    char err[512];
    struct tls_store *s = NULL;
    CHECK(tls_store_open(path("tls.db"), false, &s, err, sizeof err) == SL_ENOENT, "not there yet");
    CHECK(tls_store_open(path("tls.db"), true, &s, err, sizeof err) == SL_OK, "made: %s", err);
    struct tls_record r = {.checked = 1000,
                           .hosts = 2,
                           .answered = 1,
                           .starttls = true,
                           .verified = true,
                           .version = "TLSv1.3"};
    snprintf(r.domain, sizeof r.domain, "Partner.Test");
    snprintf(r.mx, sizeof r.mx, "mx1.partner.test,mx2.partner.test");
    CHECK(s && tls_store_put(s, &r, err, sizeof err) == SL_OK, "put");
    struct tls_record b = {.checked = 500, .detail = "mx.b.test: no STARTTLS"};
    snprintf(b.domain, sizeof b.domain, "b.test");
    CHECK(s && tls_store_put(s, &b, err, sizeof err) == SL_OK, "put b");
    struct tls_record got;
    CHECK(s && tls_store_get(s, "partner.test", &got, err, sizeof err) == SL_OK &&
              strcmp(got.domain, "partner.test") == 0 && got.checked == 1000 && got.hosts == 2 &&
              got.answered == 1 && got.starttls && got.verified && !got.dane &&
              strcmp(got.version, "TLSv1.3") == 0 &&
              strcmp(got.mx, "mx1.partner.test,mx2.partner.test") == 0,
          "got back as put, the domain in lower case");
    CHECK(s && tls_store_get(s, "other.test", &got, err, sizeof err) == SL_ENOENT, "none");
    char d[256];
    CHECK(s && tls_store_stalest(s, 2000, d, err, sizeof err) == SL_OK && strcmp(d, "b.test") == 0,
          "the stalest: %s", d);
    CHECK(s && tls_store_stalest(s, 400, d, err, sizeof err) == SL_ENOENT, "none older than that");
    r.verified = false;
    r.checked = 3000;
    CHECK(s && tls_store_put(s, &r, err, sizeof err) == SL_OK &&
              tls_store_get(s, "partner.test", &got, err, sizeof err) == SL_OK && !got.verified &&
              got.checked == 3000,
          "a new probe replaces the record");
    tls_store_close(s);
}

/* a listener that never greets: the kernel completes connections to it */
static int stalled(int *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 8) != 0 ||
        getsockname(fd, (struct sockaddr *)&a, &len) != 0)
        return -1;
    *port = ntohs(a.sin_port);
    return fd;
}

static void test_route(void)
{
    int port = 0, fd = stalled(&port);
    CHECK(fd >= 0, "a stalled listener");
    char hosts[256], err[512];
    snprintf(hosts, sizeof hosts,
             "slow.test A 127.0.0.1:%d\n"
             "closed.test A 127.0.0.1:1\n"
             "ancient.test A 127.0.0.1:1\n",
             port);
    write_file("route-hosts", hosts);
    char db[256], hf[256];
    snprintf(db, sizeof db, "%s", path("route.db"));
    snprintf(hf, sizeof hf, "%s", path("route-hosts"));
    struct route_setup setup = {
        db, hf, "/etc/ssl/certs/ca-certificates.crt", "gateway.test", 2, 300, 24, 7, 100, NULL};
    struct route *r = NULL;
    CHECK(route_start(&setup, &r, err, sizeof err) == SL_OK, "started: %s", err);
    if (r == NULL)
        return;
    /* a refused connection: probed within the wait, not verified */
    CHECK(!route_verified(r, "closed.test", 300), "a server that refuses: not verified");
    struct tls_store *s = NULL;
    struct tls_record rec;
    CHECK(tls_store_open(db, false, &s, err, sizeof err) == SL_OK, "the records: %s", err);
    CHECK(s && tls_store_get(s, "closed.test", &rec, err, sizeof err) == SL_OK && !rec.verified &&
              strstr(rec.detail, "no connection"),
          "... recorded: %s", rec.detail);
    /* a server that never greets: the message does not wait for the
     * probe's timeout (2 s), only wait_ms; the record follows */
    time_t t0 = time(NULL);
    CHECK(!route_verified(r, "slow.test", 300), "a server that never greets: not verified");
    CHECK(s && tls_store_get(s, "slow.test", &rec, err, sizeof err) == SL_ENOENT,
          "... answered before its probe ended (%lld s)", (long long)(time(NULL) - t0));
    for (int i = 0; i < 60 && tls_store_get(s, "slow.test", &rec, err, sizeof err) != SL_OK; i++)
        usleep(100000);
    CHECK(s && tls_store_get(s, "slow.test", &rec, err, sizeof err) == SL_OK && !rec.verified &&
              strstr(rec.detail, "no greeting"),
          "... then recorded after the probe's timeout: %s", rec.detail);
    /* a stale record that still counts is used as it is, and probed again */
    struct tls_store *w = NULL;
    struct tls_record old = {.checked = time(NULL) - 3 * 86400,
                             .hosts = 1,
                             .answered = 1,
                             .starttls = true,
                             .verified = true,
                             .version = "TLSv1.2"};
    snprintf(old.domain, sizeof old.domain, "closed.test");
    CHECK(tls_store_open(db, true, &w, err, sizeof err) == SL_OK &&
              tls_store_put(w, &old, err, sizeof err) == SL_OK,
          "a three-day-old record");
    CHECK(route_verified(r, "closed.test", 300), "stale but within max age: it counts for now");
    for (int i = 0;
         i < 50 && tls_store_get(s, "closed.test", &rec, err, sizeof err) == SL_OK && rec.verified;
         i++)
        usleep(100000);
    CHECK(tls_store_get(s, "closed.test", &rec, err, sizeof err) == SL_OK && !rec.verified,
          "... and probed again in the background");
    old.checked = time(NULL) - 8 * 86400;
    snprintf(old.domain, sizeof old.domain, "ancient.test");
    CHECK(tls_store_put(w, &old, err, sizeof err) == SL_OK &&
              !route_verified(r, "ancient.test", 300),
          "past max age: no longer counts");
    tls_store_close(w);
    tls_store_close(s);
    route_stop(r);
    close(fd);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/sluis-route-XXXXXX");
    if (mkdtemp(dir) == NULL)
        return 1;
    test_hosts();
    test_store();
    test_route();
    check_remove_dir(dir);
    return check_summary("test_route");
}
