/*
 * snapshot - what a connection works with: the configuration, the rule
 * pack, the extraction workers and the portal and notice templates, loaded
 * together and never changed.
 *
 * SIGHUP builds a new snapshot; when it loads, it replaces the current one
 * for new connections, and connections in progress keep the snapshot they
 * started with until they close (reference counts). A snapshot that fails
 * to load changes nothing.
 */
#ifndef SLUIS_SNAPSHOT_H
#define SLUIS_SNAPSHOT_H

#include "../attach/pool.h"
#include "../rules/pack.h"
#include "../smime/smime.h"
#include "config.h"
#include "redirect.h"

struct recorder;
struct route;

struct snapshot {
    int refs; /* atomic */
    struct milter_config cfg;
    struct pack *pack;
    struct attach_pool *pool;
    struct redirect *redirect; /* portal, notices, submission */
    struct smime *smime;       /* NULL when the channels leave S/MIME out */
    /* the process's metrics (record.h), borrowed: it outlives every
     * snapshot; NULL when metrics_store is empty. Set by the daemon (and
     * -t, the tests) after snapshot_load, before the snapshot is shared. */
    struct recorder *recorder;
    /* the process's TLS prober (route.h), borrowed like the recorder; NULL
     * unless the policy's tls_auto_partners was on at the start */
    struct route *route;
};

/* snapshot_load - config from path (NULL: embedded defaults), its rules and
 * a worker pool; one reference. On error err says why. */
enum sl_status snapshot_load(const char *path, struct snapshot **out, char *err, size_t errlen);

struct snapshot *snapshot_hold(struct snapshot *s);
void snapshot_release(struct snapshot *s);

/* snapshot_publish - make s (its reference passes to the publisher) the
 * current one; the previous one is released */
void snapshot_publish(struct snapshot *s);

/* snapshot_current - a reference to the current snapshot (release it) */
struct snapshot *snapshot_current(void);

#endif
