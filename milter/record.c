/*
 * record - events into the writer, pseudonyms, false-positive tokens. See
 * record.h.
 *
 * What leaves this file: events (no address, no text), the sender's
 * address sealed under the metrics key, and the hash of a false-positive
 * token (the token itself goes only into the sender's notice). Log lines
 * carry the writer's own words and counts, never data.
 */
#include "record.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "../policy/decide.h"
#include "../policy/tags.h"
#include "../rules/pack.h"
#include "../store/writer.h"
#include "log.h"

struct recorder {
    struct writer *w; /* NULL: dry (-t) */
    struct pseudo_key key;
    bool has_key;
    char store[4096], key_path[4096], spill[4096];
};

bool recorder_key_check(const struct milter_config *c, char *err, size_t errlen)
{
    struct pseudo_key k;
    char why[512];
    if (pseudo_load(c->metrics_key, &k, why, sizeof why) == SL_OK) {
        memset(&k, 0, sizeof k);
        return true;
    }
    /* why names the file and says how to make one */
    snprintf(err, errlen,
             "metrics_key: %s; the key must be the milter's user's (or leave metrics_store "
             "empty to turn metrics off)",
             why);
    return false;
}

/* writer_log - the writer's lines, into the milter's log */
static void writer_log(int prio, const char *msg)
{
    log_msg(prio, NULL, "metrics: %s", msg);
}

enum sl_status recorder_start(const struct milter_config *c, struct recorder **out, char *err,
                              size_t errlen)
{
    *out = NULL;
    struct recorder *r = calloc(1, sizeof *r);
    if (r == NULL)
        return SL_ENOMEM;
    char why[512];
    enum sl_status st = pseudo_load(c->metrics_key, &r->key, why, sizeof why);
    if (st != SL_OK) {
        recorder_key_check(c, err, errlen);
        free(r);
        return st;
    }
    r->has_key = true;
    snprintf(r->store, sizeof r->store, "%s", c->metrics_store);
    snprintf(r->key_path, sizeof r->key_path, "%s", c->metrics_key);
    config_metrics_spill(c, r->spill, sizeof r->spill);
    struct writer_config wc = {.store = r->store,
                               .spill = r->spill,
                               .queue = c->metrics_queue,
                               .retention = c->retention_months,
                               .log = writer_log};
    why[0] = '\0';
    st = writer_start(&wc, &r->w, why, sizeof why);
    if (st != SL_OK) {
        snprintf(err, errlen, "metrics: %s", why[0] ? why : sl_status_str(st));
        memset(&r->key, 0, sizeof r->key);
        free(r);
        return st;
    }
    if (why[0]) /* the store is not open: events spill until it is */
        log_msg(LOG_WARNING, NULL, "metrics: %s; events go to %s until the store opens", why,
                r->spill);
    *out = r;
    return SL_OK;
}

struct recorder *recorder_dry(const struct milter_config *c)
{
    struct recorder *r = calloc(1, sizeof *r);
    char why[512];
    if (r && c->metrics_key[0])
        r->has_key = pseudo_load(c->metrics_key, &r->key, why, sizeof why) == SL_OK;
    return r;
}

void recorder_stop(struct recorder *r)
{
    if (r == NULL)
        return;
    if (r->w) {
        struct writer_stats ws;
        writer_flush(r->w);
        writer_stats(r->w, &ws);
        writer_stop(r->w);
        log_msg(LOG_INFO, NULL,
                "metrics: %llu events: %llu stored, %llu spilled, %llu replayed, %llu lost",
                (unsigned long long)ws.pushed, (unsigned long long)ws.stored,
                (unsigned long long)ws.spilled, (unsigned long long)ws.replayed,
                (unsigned long long)ws.lost);
    }
    memset(&r->key, 0, sizeof r->key);
    free(r);
}

bool recorder_same(const struct recorder *r, const struct milter_config *c)
{
    char spill[4096];
    if (r == NULL || r->w == NULL)
        return c->metrics_store[0] == '\0';
    return strcmp(r->store, c->metrics_store) == 0 && strcmp(r->key_path, c->metrics_key) == 0 &&
           strcmp(r->spill, config_metrics_spill(c, spill, sizeof spill)) == 0;
}

void recorder_sender(const struct recorder *r, const char *address, struct event *e)
{
    if (r && r->has_key)
        pseudo_sender(&r->key, address, e->sender);
    else
        snprintf(e->sender, sizeof e->sender, "-");
}

void recorder_push(struct recorder *r, const struct event *e, const char *address, FILE *f)
{
    if (r == NULL)
        return;
    if (r->w == NULL) {
        record_print(e, f);
        return;
    }
    unsigned char sealed[PSEUDO_SEALED_MAX];
    size_t len = 0;
    bool ok = address && r->has_key &&
              pseudo_seal(&r->key, address, sealed, sizeof sealed, &len) == SL_OK;
    writer_push(r->w, e, ok ? sealed : NULL, ok ? len : 0);
    memset(sealed, 0, sizeof sealed);
}

void recorder_flush(struct recorder *r)
{
    if (r && r->w)
        writer_flush(r->w);
}

bool record_fp_token(char token[RECORD_FP_TOKEN_LEN + 1], char hash[EVENT_HASH_LEN + 1])
{
    static const char b64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned char raw[33] = {0}; /* 32 random bytes and a zero to round up to 11 groups */
    if (RAND_bytes(raw, 32) != 1)
        return false;
    size_t o = 0;
    for (size_t i = 0; i < 33; i += 3) {
        unsigned v = (unsigned)raw[i] << 16 | (unsigned)raw[i + 1] << 8 | raw[i + 2];
        for (int k = 3; k >= 0 && o < RECORD_FP_TOKEN_LEN; k--)
            token[o++] = b64url[(v >> (6 * k)) & 63];
    }
    token[o] = '\0';
    unsigned char md[32];
    unsigned mdlen = 0;
    bool ok = EVP_Digest(token, RECORD_FP_TOKEN_LEN, md, &mdlen, EVP_sha256(), NULL) == 1;
    for (unsigned i = 0; ok && i < 32; i++)
        snprintf(hash + 2 * i, 3, "%02x", md[i]);
    memset(raw, 0, sizeof raw);
    if (!ok)
        memset(token, 0, RECORD_FP_TOKEN_LEN + 1);
    return ok;
}

void record_print(const struct event *e, FILE *f)
{
    static const char *const conf[] = {"none", "low", "medium", "high"};
    fprintf(f,
            "event: month=%s sender=%s dept=%s verdict=%s confidence=%s mode=%s action=%s "
            "intended=%s tag=%s reason=%s override=%s override_refused=%s incomplete=%s "
            "size=%llu scan_us=%lu fp=%s rules=",
            e->month, e->sender, e->dept[0] ? e->dept : "-", e->sensitive ? "sensitive" : "clean",
            e->confidence < 4 ? conf[e->confidence] : "?",
            policy_mode_name((enum policy_mode)e->mode), decide_action_name((enum action)e->action),
            decide_action_name((enum action)e->intended), tags_tag_name((enum tag)e->tag),
            tags_reason_name((enum tag_reason)e->reason), e->override ? "yes" : "no",
            e->override_refused ? "yes" : "no", e->incomplete ? "yes" : "no",
            (unsigned long long)e->size, (unsigned long)e->scan_us, e->fp[0] ? "set" : "-");
    for (size_t i = 0; i < e->nrules; i++)
        fprintf(f, "%s%s/%s", i ? "," : "", e->rules[i].rule, e->rules[i].category);
    fprintf(f, "%s\n", e->nrules ? "" : "-");
    for (size_t i = 0; i < e->ngroups; i++) {
        const struct event_group *g = &e->groups[i];
        fprintf(f, "event group: class=%s domain=%s action=%s intended=%s channel=%s count=%lu\n",
                event_class_name((enum event_class)g->rclass), g->domain[0] ? g->domain : "-",
                decide_action_name((enum action)g->action),
                decide_action_name((enum action)g->intended),
                event_channel_name((enum event_channel)g->channel), (unsigned long)g->count);
    }
}
