/*
 * dns - what the TLS probe asks of DNS: a domain's mail hosts (MX), a
 * host's addresses, and a host's TLSA records with whether DNSSEC
 * vouched for them. From the system's resolver (libresolv), or from a
 * hosts file that replaces DNS for the names it holds: the tests' private
 * mail servers on loopback, and a site whose gateway has no public DNS.
 *
 * The hosts file has one answer a line, "#" starts a comment:
 *
 *     NAME  MX    HOST [PREFERENCE]
 *     NAME  A     ADDRESS[:PORT]          (IPv4 or [IPv6]; port 25 if none)
 *     NAME  TLSA  USAGE SELECTOR MTYPE HEX
 *
 * A name the file holds answers from the file alone, for every type (no
 * MX line: the name itself, as RFC 5321 5.1 says). TLSA lines there count
 * as DNSSEC-validated: they are the admin's word. From the resolver, TLSA
 * records count only when the answer has the AD bit, which glibc passes
 * on only with "options trust-ad" in resolv.conf, from a validating
 * resolver the admin trusts (on loopback).
 */
#ifndef SLUIS_DNS_H
#define SLUIS_DNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/status.h"

#define DNS_MAX_HOSTS 8
#define DNS_MAX_ADDRS 4
#define DNS_MAX_TLSA  8

struct dns_mx {
    char host[256];
    unsigned pref;
};

struct dns_addr {
    char host[64]; /* numeric */
    char port[8];
};

struct dns_tlsa {
    uint8_t usage, selector, mtype;
    unsigned char data[64];
    size_t len;
};

struct dns_hosts;

/* dns_hosts_load - the hosts file at path; SL_EPARSE with "path:line: why" */
enum sl_status dns_hosts_load(const char *path, struct dns_hosts **out, char *err, size_t errlen);
void dns_hosts_free(struct dns_hosts *h);

/* dns_mx - domain's mail hosts, lowest preference first (at most cap);
 * the domain itself when it has none. 0 and err when the lookup failed. */
size_t dns_mx(const struct dns_hosts *h, const char *domain, struct dns_mx *out, size_t cap,
              char *err, size_t errlen);

/* dns_addrs - host's addresses to connect to (at most cap); 0 and err */
size_t dns_addrs(const struct dns_hosts *h, const char *host, struct dns_addr *out, size_t cap,
                 char *err, size_t errlen);

/* dns_tlsa - the TLSA records of _PORT._tcp.host (at most cap); *secure
 * when DNSSEC vouched for them (or the hosts file gave them). 0 when there
 * are none, or they cannot be trusted. */
size_t dns_tlsa(const struct dns_hosts *h, const char *host, const char *port, struct dns_tlsa *out,
                size_t cap, bool *secure);

#endif
