/*
 * snapshot - load, share and replace. See snapshot.h.
 */
#include "snapshot.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t current_mu = PTHREAD_MUTEX_INITIALIZER;
static struct snapshot *current;

/* load_smime - what S/MIME needs, when the policy's channels name it */
static enum sl_status load_smime(struct snapshot *s, char *err, size_t errlen)
{
    const struct milter_config *c = &s->cfg;
    bool wanted = false;
    for (size_t i = 0; i < c->policy.nchannels; i++)
        wanted |= c->policy.channels[i] == CHANNEL_SMIME;
    if (!wanted)
        return SL_OK;
    struct smime_setup setup = config_smime_setup(c);
    return smime_new(&setup, &s->smime, err, errlen);
}

enum sl_status snapshot_load(const char *path, struct snapshot **out, char *err, size_t errlen)
{
    struct snapshot *s = calloc(1, sizeof *s);
    enum sl_status st;
    if (s == NULL)
        return SL_ENOMEM;
    if (path)
        st = config_load(path, &s->cfg, err, errlen);
    else
        st = config_defaults(&s->cfg, err, errlen);
    if (st != SL_OK) {
        free(s);
        return st;
    }
    s->pack = pack_load(s->cfg.rules, 1, err, errlen);
    if (s->pack == NULL) {
        config_free(&s->cfg);
        free(s);
        return SL_EPARSE;
    }
    char worker[4096];
    if (s->cfg.worker[0])
        snprintf(worker, sizeof worker, "%s", s->cfg.worker);
    else
        attach_worker_path(worker, sizeof worker);
    st = redirect_new(&s->cfg, &s->redirect, err, errlen);
    if (st != SL_OK) {
        pack_free(s->pack);
        config_free(&s->cfg);
        free(s);
        return st;
    }
    st = load_smime(s, err, errlen);
    if (st != SL_OK) {
        redirect_free(s->redirect);
        pack_free(s->pack);
        config_free(&s->cfg);
        free(s);
        return st;
    }
    st = attach_pool_new(worker, s->cfg.workers, &s->pool);
    if (st != SL_OK) {
        snprintf(err, errlen, "extraction workers: %s", sl_status_str(st));
        smime_free(s->smime);
        redirect_free(s->redirect);
        pack_free(s->pack);
        config_free(&s->cfg);
        free(s);
        return st;
    }
    s->refs = 1;
    *out = s;
    return SL_OK;
}

struct snapshot *snapshot_hold(struct snapshot *s)
{
    __atomic_add_fetch(&s->refs, 1, __ATOMIC_ACQ_REL);
    return s;
}

void snapshot_release(struct snapshot *s)
{
    if (s == NULL || __atomic_sub_fetch(&s->refs, 1, __ATOMIC_ACQ_REL) != 0)
        return;
    attach_pool_free(s->pool);
    smime_free(s->smime);
    redirect_free(s->redirect);
    pack_free(s->pack);
    config_free(&s->cfg);
    free(s);
}

void snapshot_publish(struct snapshot *s)
{
    pthread_mutex_lock(&current_mu);
    struct snapshot *old = current;
    current = s;
    pthread_mutex_unlock(&current_mu);
    snapshot_release(old);
}

struct snapshot *snapshot_current(void)
{
    pthread_mutex_lock(&current_mu);
    struct snapshot *s = current ? snapshot_hold(current) : NULL;
    pthread_mutex_unlock(&current_mu);
    return s;
}
