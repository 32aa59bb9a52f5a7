/*
 * store - the TLS records of recipient domains (probe.h), one SQLite
 * file: what the policy reads to treat a domain with verified TLS as a
 * partner, what `sluis tls list` shows. The domain and what its servers
 * offer, nothing about any message. Safe to use from several threads.
 */
#ifndef SLUIS_ROUTE_STORE_H
#define SLUIS_ROUTE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../common/status.h"
#include "probe.h"

struct tls_store;

/* tls_store_open - the store at path, made (0640, and its schema) when
 * create; else a missing file is SL_ENOENT and the store is read-only */
enum sl_status tls_store_open(const char *path, bool create, struct tls_store **out, char *err,
                              size_t errlen);
void tls_store_close(struct tls_store *s);

/* tls_store_put - r, over what was known of its domain */
enum sl_status tls_store_put(struct tls_store *s, const struct tls_record *r, char *err,
                             size_t errlen);

/* tls_store_get - the record of domain into r; SL_ENOENT when none */
enum sl_status tls_store_get(struct tls_store *s, const char *domain, struct tls_record *r,
                             char *err, size_t errlen);

/* tls_store_each - fn for every record, by domain; stops at the first false */
enum sl_status tls_store_each(struct tls_store *s,
                              bool (*fn)(void *ctx, const struct tls_record *r), void *ctx,
                              char *err, size_t errlen);

/* tls_store_stalest - the domain checked longest ago, if before before;
 * SL_ENOENT when none is */
enum sl_status tls_store_stalest(struct tls_store *s, time_t before, char domain[256], char *err,
                                 size_t errlen);

#endif
