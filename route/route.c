/*
 * route - the background prober of recipient domains' TLS. See route.h.
 */
#include "route.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <openssl/x509.h>

#include "../smime/certs.h"
#include "store.h"

#define QUEUE_MAX 64
#define TICK_S    60 /* between refreshes of stale records, when nothing is asked */

struct route {
    struct route_setup cfg;
    char *db, *hosts_file, *ca_file, *helo;
    struct dns_hosts *hosts;
    X509_STORE *trust;
    struct tls_store *store;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t wake; /* the thread: something asked, or stop */
    pthread_cond_t done; /* the askers: a probe was stored */
    char queue[QUEUE_MAX][256];
    size_t nqueue;
    double tokens; /* the budget's bucket */
    time_t filled; /* when tokens was last topped up */
    bool stopping;
};

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

/* take_token - one probe from the budget (under mu) */
static bool take_token(struct route *r, time_t now)
{
    double per_s = (double)r->cfg.budget / 3600.0;
    r->tokens += (double)(now - r->filled) * per_s;
    if (r->tokens > (double)r->cfg.budget)
        r->tokens = (double)r->cfg.budget;
    r->filled = now;
    if (r->tokens < 1.0)
        return false;
    r->tokens -= 1.0;
    return true;
}

/* probe_store - probe domain and keep the record (the lock not held) */
static void probe_store(struct route *r, const char *domain, struct tls_record *rec)
{
    struct probe_opts o = {r->hosts, r->trust, r->helo, r->cfg.timeout_s * 1000, &r->stopping};
    char err[256];
    probe_domain(&o, domain, rec);
    if (__atomic_load_n(&r->stopping, __ATOMIC_ACQUIRE))
        return; /* half a probe is no record */
    char line[700], summary[400];
    probe_summary(rec, summary, sizeof summary);
    snprintf(line, sizeof line, "%.255s: %.399s", rec->domain, summary);
    if (r->cfg.note)
        r->cfg.note(line);
    if (tls_store_put(r->store, rec, err, sizeof err) != SL_OK && r->cfg.note)
        r->cfg.note(err);
}

static void *run(void *arg)
{
    struct route *r = arg;
    pthread_mutex_lock(&r->mu);
    while (!r->stopping) {
        time_t now = time(NULL);
        char domain[256] = "";
        if (r->nqueue > 0 && take_token(r, now)) {
            snprintf(domain, sizeof domain, "%s", r->queue[0]);
            memmove(r->queue[0], r->queue[1], (r->nqueue - 1) * sizeof r->queue[0]);
            r->nqueue--;
        } else if (r->nqueue == 0 && r->tokens >= 1.0) {
            /* nothing asked: the stalest record past its refresh, if any */
            char err[256];
            time_t before = now - (time_t)r->cfg.refresh_hours * 3600;
            if (tls_store_stalest(r->store, before, domain, err, sizeof err) == SL_OK)
                take_token(r, now);
            else
                domain[0] = '\0';
        }
        if (domain[0] == '\0') {
            /* wait for a request, the budget, or the next refresh round */
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_sec += r->nqueue > 0 ? 1 : TICK_S;
            pthread_cond_timedwait(&r->wake, &r->mu, &until);
            continue;
        }
        pthread_mutex_unlock(&r->mu);
        struct tls_record rec;
        probe_store(r, domain, &rec);
        pthread_mutex_lock(&r->mu);
        pthread_cond_broadcast(&r->done);
    }
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

enum sl_status route_start(const struct route_setup *setup, struct route **out, char *err,
                           size_t errlen)
{
    *out = NULL;
    struct route *r = calloc(1, sizeof *r);
    if (r == NULL)
        return SL_ENOMEM;
    r->cfg = *setup;
    r->db = dup_or_empty(setup->db);
    r->hosts_file = dup_or_empty(setup->hosts_file);
    r->ca_file = dup_or_empty(setup->ca_file);
    r->helo = dup_or_empty(setup->helo);
    r->cfg.db = r->db;
    r->cfg.hosts_file = r->hosts_file;
    r->cfg.ca_file = r->ca_file;
    r->cfg.helo = r->helo;
    r->tokens = (double)setup->budget;
    r->filled = time(NULL);
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->wake, NULL);
    pthread_cond_init(&r->done, NULL);
    enum sl_status st = r->db && r->hosts_file && r->ca_file && r->helo ? SL_OK : SL_ENOMEM;
    char why[512];
    if (st == SL_OK && r->hosts_file[0] &&
        (st = dns_hosts_load(r->hosts_file, &r->hosts, why, sizeof why)) != SL_OK)
        snprintf(err, errlen, "tls_hosts: %s", why);
    if (st == SL_OK && (r->trust = certs_trust_load(r->ca_file, why, sizeof why)) == NULL) {
        snprintf(err, errlen, "tls_ca_file: %s", why);
        st = SL_EPARSE;
    }
    if (st == SL_OK && (st = tls_store_open(r->db, true, &r->store, why, sizeof why)) != SL_OK)
        snprintf(err, errlen, "tls_db: %s", why);
    if (st == SL_OK && pthread_create(&r->thread, NULL, run, r) != 0) {
        snprintf(err, errlen, "the TLS prober's thread: %s", strerror(errno));
        st = SL_ENOMEM;
    }
    if (st != SL_OK) {
        tls_store_close(r->store);
        X509_STORE_free(r->trust);
        dns_hosts_free(r->hosts);
        free(r->db);
        free(r->hosts_file);
        free(r->ca_file);
        free(r->helo);
        free(r);
        return st;
    }
    *out = r;
    return SL_OK;
}

void route_stop(struct route *r)
{
    if (r == NULL)
        return;
    pthread_mutex_lock(&r->mu);
    __atomic_store_n(&r->stopping, true, __ATOMIC_RELEASE);
    pthread_cond_broadcast(&r->wake);
    pthread_mutex_unlock(&r->mu);
    pthread_join(r->thread, NULL);
    tls_store_close(r->store);
    X509_STORE_free(r->trust);
    dns_hosts_free(r->hosts);
    pthread_mutex_destroy(&r->mu);
    pthread_cond_destroy(&r->wake);
    pthread_cond_destroy(&r->done);
    free(r->db);
    free(r->hosts_file);
    free(r->ca_file);
    free(r->helo);
    free(r);
}

/* ask - domain into the queue, once (under mu); false when it is full */
static bool ask(struct route *r, const char *domain)
{
    for (size_t i = 0; i < r->nqueue; i++)
        if (strcasecmp(r->queue[i], domain) == 0)
            return true;
    if (r->nqueue == QUEUE_MAX)
        return false;
    snprintf(r->queue[r->nqueue++], sizeof r->queue[0], "%s", domain);
    pthread_cond_signal(&r->wake);
    return true;
}

unsigned route_wait_ms(const struct route *r)
{
    return r->cfg.wait_ms;
}

bool route_verified(struct route *r, const char *domain, unsigned wait_ms)
{
    struct tls_record rec;
    char err[256];
    time_t now = time(NULL);
    time_t fresh = now - (time_t)r->cfg.refresh_hours * 3600;
    time_t oldest = now - (time_t)r->cfg.max_age_days * 86400;
    enum sl_status st = tls_store_get(r->store, domain, &rec, err, sizeof err);
    if (st == SL_OK && rec.checked >= fresh)
        return rec.verified;
    pthread_mutex_lock(&r->mu);
    ask(r, domain);
    if (st == SL_OK && rec.checked >= oldest) {
        /* stale but still counting: refreshed in the background */
        pthread_mutex_unlock(&r->mu);
        return rec.verified;
    }
    /* nothing that counts: wait a little for the first probe */
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += wait_ms / 1000;
    until.tv_nsec += (long)(wait_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    bool verified = false;
    for (;;) {
        if (tls_store_get(r->store, domain, &rec, err, sizeof err) == SL_OK && rec.checked >= now) {
            verified = rec.verified;
            break;
        }
        if (pthread_cond_timedwait(&r->done, &r->mu, &until) == ETIMEDOUT)
            break;
    }
    pthread_mutex_unlock(&r->mu);
    return verified;
}

enum sl_status route_probe_now(struct route *r, const char *domain, struct tls_record *out,
                               char *err, size_t errlen)
{
    struct probe_opts o = {r->hosts, r->trust, r->helo, r->cfg.timeout_s * 1000, NULL};
    probe_domain(&o, domain, out);
    return tls_store_put(r->store, out, err, errlen);
}
