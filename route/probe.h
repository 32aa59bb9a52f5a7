/*
 * probe - what a recipient domain's mail servers offer: for each of its
 * MX hosts (dns.h), an SMTP session up to STARTTLS and a TLS handshake
 * that verifies the server's certificate the way Postfix's "verify" level
 * does: a chain to the CA bundle and the MX host's name in the
 * certificate; or, where DNSSEC vouches for TLSA records, the way its
 * "dane" level does (RFC 7672: the records, not the CA bundle, decide).
 * Then QUIT: no mail is sent.
 *
 * A domain is verified when at least one of its MX hosts answered and
 * verified, and none that answered offered no STARTTLS or a certificate
 * that did not verify: Postfix would try any of them. A host that does
 * not answer is noted and does not count either way (the transport's own
 * check holds when it answers later). Every step waits at most the
 * timeout; a probe of a domain takes at most hosts x timeout x 4, less
 * when opts->stop turns true (a stopping milter): the hosts not yet
 * probed are left, and the record says not verified.
 */
#ifndef SLUIS_PROBE_H
#define SLUIS_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include <openssl/x509.h>

#include "dns.h"

/* what is known of a domain's TLS */
struct tls_record {
    char domain[256];
    time_t checked;    /* when */
    char mx[512];      /* their names, by preference, comma-separated */
    unsigned hosts;    /* MX hosts tried */
    unsigned answered; /* of those, that answered */
    bool starttls;     /* every one that answered offered STARTTLS */
    bool verified;     /* see above */
    bool dane;         /* verified by TLSA records DNSSEC vouched for */
    char version[16];  /* the lowest TLS version negotiated ("TLSv1.3"), "" none */
    char detail[256];  /* the first thing wrong, with the host ("" none) */
};

struct probe_opts {
    const struct dns_hosts *hosts; /* replaces DNS for its names; may be NULL */
    X509_STORE *trust;             /* the CA bundle (referenced, not owned) */
    const char *helo;              /* the name to greet with */
    unsigned timeout_ms;           /* per connect, read, write and handshake */
    const bool *stop; /* when it turns true, hosts not yet probed are left (may be NULL) */
};

/* probe_domain - probe domain now into r */
void probe_domain(const struct probe_opts *o, const char *domain, struct tls_record *r);

/* probe_summary - a line about r for logs and `sluis tls` ("verified
 * (TLSv1.3, 2 hosts)", "not verified: mx.example.nl: no STARTTLS") */
void probe_summary(const struct tls_record *r, char *out, size_t outlen);

#endif
