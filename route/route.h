/*
 * route - which recipient domains have verified TLS, kept up to date in
 * the background: what the policy's tls_auto_partners asks.
 *
 * One thread probes (probe.h) and stores (store.h) domains. A domain
 * first asked about is probed at once, and the asking message waits for
 * the answer at most wait_ms (then takes the next channel: never held up
 * longer than that); a record older than refresh_hours is used as it is
 * and probed again in the background; one older than max_age_days no
 * longer counts. Between requests the thread refreshes the stalest
 * records. Probes are rationed to budget an hour (a token bucket), so a
 * flood of new domains cannot turn the gateway into a scanner; what the
 * budget leaves out waits its turn, and counts as not verified meanwhile.
 */
#ifndef SLUIS_ROUTE_H
#define SLUIS_ROUTE_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/status.h"
#include "probe.h"

struct route_setup {
    const char *db;         /* the TLS records (store.h) */
    const char *hosts_file; /* replaces DNS for its names (dns.h); "" none */
    const char *ca_file;    /* the CA bundle servers' certificates must chain to */
    const char *helo;       /* the name the probe greets with */
    unsigned timeout_s;     /* per step of a probe */
    unsigned wait_ms;       /* what a message waits for a first probe */
    unsigned refresh_hours; /* a record older than this is probed again */
    unsigned max_age_days;  /* a record older than this does not count */
    unsigned budget;        /* probes an hour */
    /* note - told each probe's outcome and each store error, a line
     * without its end (the milter logs it); NULL: not told */
    void (*note)(const char *line);
};

struct route;

/* route_start - load the CA bundle and hosts file, open (make) the store,
 * start the thread */
enum sl_status route_start(const struct route_setup *setup, struct route **out, char *err,
                           size_t errlen);

/* route_stop - end the thread (a probe under way finishes the host it is
 * at: at most 4 x timeout_s; what it found is not kept) and free r */
void route_stop(struct route *r);

/* route_verified - does domain's TLS record say verified, and is it
 * recent enough to count? Without such a record a probe is asked for and
 * waited for at most wait_ms (the caller's share of wait_ms, when one
 * message asks about several domains); see above for refreshing. */
bool route_verified(struct route *r, const char *domain, unsigned wait_ms);

/* route_wait_ms - the configured wait_ms */
unsigned route_wait_ms(const struct route *r);

/* route_probe_now - probe domain at once, store and return the record
 * (`sluis tls check`); not counted against the budget */
enum sl_status route_probe_now(struct route *r, const char *domain, struct tls_record *out,
                               char *err, size_t errlen);

#endif
