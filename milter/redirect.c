/*
 * redirect - portal, notices and the submission path. See redirect.h.
 */
#include "redirect.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <openssl/rand.h>

#include "../common/smtp.h"
#include "../portal/external.h"
#include "../store/sql.h"
#include "log.h"

/* how often a portal store that did not open is tried again (s) */
#define REOPEN_S 5

#ifndef SLUIS_TEMPLATES_DIR
#define SLUIS_TEMPLATES_DIR "/usr/share/sluis/templates"
#endif

struct redirect {
    struct store *store; /* the built-in portal, or NULL */
    /* a PostgreSQL portal store that did not open at the start (the server
     * away): opened at the first message that needs it, at most every
     * REOPEN_S; until then such messages get a temporary failure */
    char *later_db, *later_key;
    time_t later_at;
    pthread_mutex_t later_mu;
    struct external_portal *external; /* the organisation's own portal, or NULL */
    struct notice_templates *templates;
    struct smtp_target submit;
    char helo[256];
};

static bool uses_portal(const struct policy *p)
{
    for (size_t i = 0; i < p->nchannels; i++)
        if (p->channels[i] == CHANNEL_PORTAL)
            return true;
    return false;
}

enum sl_status redirect_new(const struct milter_config *c, struct redirect **out, char *err,
                            size_t errlen)
{
    *out = NULL;
    struct redirect *r = calloc(1, sizeof *r);
    if (r == NULL)
        return SL_ENOMEM;
    pthread_mutex_init(&r->later_mu, NULL);
    char why[512];
    enum sl_status st = smtp_target_parse(c->submission, &r->submit, why, sizeof why);
    if (st != SL_OK)
        snprintf(err, errlen, "submission: %s", why);
    if (st == SL_OK)
        st = notice_templates_load(SLUIS_TEMPLATES_DIR, c->policy.templates, &r->templates, err,
                                   errlen);
    bool builtin = strcmp(c->policy.portal, "builtin") == 0;
    if (st == SL_OK && !builtin) /* checked even when no channel uses it yet */
        st = external_portal_new(c->policy.portal, &r->submit, c->portal_token_file,
                                 c->portal_ca_file, &r->external, err, errlen);
    if (st == SL_OK && builtin && uses_portal(&c->policy))
        /* the milter keeps messages: it makes the store when there is none yet */
        st = store_open(c->portal_db, c->portal_key, STORE_CREATE, &r->store, err, errlen);
    /* a database that does not answer now may later: the milter starts, mail
     * that needs no portal flows, and mail that does is deferred until it
     * opens. A wrong key or a newer schema (SL_EINVAL) stops the start. */
    if (st == SL_EIO && sql_is_remote(c->portal_db)) {
        log_msg(LOG_WARNING, NULL,
                "%s; mail for the portal gets a temporary failure until the store opens", err);
        r->later_db = strdup(c->portal_db);
        r->later_key = strdup(c->portal_key);
        st = r->later_db && r->later_key ? SL_OK : SL_ENOMEM;
    }
    if (gethostname(r->helo, sizeof r->helo) != 0 || r->helo[0] == '\0')
        snprintf(r->helo, sizeof r->helo, "localhost");
    if (st != SL_OK) {
        redirect_free(r);
        return st;
    }
    *out = r;
    return SL_OK;
}

void redirect_free(struct redirect *r)
{
    if (r == NULL)
        return;
    store_free(r->store);
    free(r->later_db);
    free(r->later_key);
    pthread_mutex_destroy(&r->later_mu);
    external_portal_free(r->external);
    notice_templates_free(r->templates);
    free(r);
}

/* store_ready - the built-in portal's store, opened now when it did not at
 * the start (at most every REOPEN_S); false with err set */
static bool store_ready(struct redirect *r, char *err, size_t errlen)
{
    pthread_mutex_lock(&r->later_mu);
    bool ready = r->store != NULL;
    if (!ready && r->later_db == NULL)
        snprintf(err, errlen, "no portal store is configured");
    else if (!ready && time(NULL) < r->later_at)
        snprintf(err, errlen, "the portal store did not open yet (tried again within %d s)",
                 REOPEN_S);
    else if (!ready) {
        struct store *s = NULL;
        if (store_open(r->later_db, r->later_key, STORE_CREATE, &s, err, errlen) == SL_OK) {
            log_msg(LOG_NOTICE, NULL, "the portal store opened");
            r->store = s;
            ready = true;
        } else {
            r->later_at = time(NULL) + REOPEN_S;
        }
    }
    pthread_mutex_unlock(&r->later_mu);
    return ready;
}

enum sl_status redirect_keep(struct redirect *r, const struct policy *p, const char *data,
                             size_t len, const char *from, const struct store_rcpt *rcpts, size_t n,
                             struct store_pickup *pickups, char sender_token[STORE_TOKEN_LEN + 1],
                             time_t *expires, char id[33], char *err, size_t errlen)
{
    *expires = time(NULL) + (time_t)p->expiry_days * 86400;
    sender_token[0] = '\0';
    if (r->external) {
        unsigned char raw[16];
        if (RAND_bytes(raw, sizeof raw) != 1) {
            snprintf(err, errlen, "no random bytes");
            return SL_EIO;
        }
        for (int i = 0; i < 16; i++)
            snprintf(id + 2 * i, 3, "%02x", raw[i]);
        memset(pickups, 0, n * sizeof *pickups);
        const char **addrs = calloc(n ? n : 1, sizeof *addrs);
        if (addrs == NULL) {
            snprintf(err, errlen, "out of memory");
            return SL_ENOMEM;
        }
        for (size_t i = 0; i < n; i++)
            addrs[i] = rcpts[i].address;
        enum external_result res = external_portal_deliver(r->external, id, from, addrs, n,
                                                           *expires, data, len, NULL, err, errlen);
        free(addrs);
        return res == EXTERNAL_OK ? SL_OK : SL_EIO;
    }
    if (!store_ready(r, err, errlen))
        return r->later_db ? SL_EIO : SL_EINVAL;
    return store_put(r->store, data, len, from, rcpts, n, *expires, id, pickups, sender_token, err,
                     errlen);
}

enum sl_status redirect_sent(struct redirect *r, const char *token, char *err, size_t errlen)
{
    return r->store ? store_sent(r->store, token, err, errlen) : SL_OK;
}

enum sl_status redirect_withdraw(struct redirect *r, const char *id, char *err, size_t errlen)
{
    if (r->store == NULL) {
        snprintf(err, errlen, "the organisation's portal cannot take a hand-off back");
        return SL_EINVAL;
    }
    return store_delete(r->store, id, err, errlen);
}

const char *redirect_reject_text(const struct redirect *r, const char *lang)
{
    return notice_reply(r->templates, lang);
}

bool redirect_external(const struct redirect *r)
{
    return r->external != NULL;
}

static enum sl_status submit(struct redirect *r, const char *from, const char *const *rcpts,
                             size_t n, const char *msg, size_t len, char *err, size_t errlen)
{
    char why[512];
    enum smtp_result res =
        smtp_send(&r->submit, r->helo, from, rcpts, n, msg, len, why, sizeof why);
    if (res == SMTP_OK)
        return SL_OK;
    /* the service by its port too: 127.0.0.1:10026 is the one in master.cf */
    if (r->submit.path[0])
        snprintf(err, errlen, "submission unix:%s: %s (%s)", r->submit.path, why,
                 smtp_result_name(res));
    else
        snprintf(err, errlen, "submission %s%s%s:%s: %s (%s)",
                 strchr(r->submit.host, ':') ? "[" : "", r->submit.host,
                 strchr(r->submit.host, ':') ? "]" : "", r->submit.port, why,
                 smtp_result_name(res));
    return SL_EIO;
}

enum sl_status redirect_notify(struct redirect *r, enum notice_kind k, const struct notice_vars *v,
                               const char *env_from, char *err, size_t errlen)
{
    struct buf msg = BUF_INIT;
    enum sl_status st = notice_render(r->templates, k, v, &msg, err, errlen);
    const char *to[] = {v->to};
    if (st == SL_OK)
        st = submit(r, env_from ? env_from : "", to, 1, msg.data, msg.len, err, errlen);
    buf_free(&msg);
    return st;
}

enum sl_status redirect_copy(struct redirect *r, const char *name, const char *value,
                             const char *data, size_t len, const char *from,
                             const char *const *rcpts, size_t n, char *err, size_t errlen)
{
    struct buf msg = BUF_INIT;
    enum sl_status st = name ? buf_printf(&msg, "%s: %s\r\n", name, value) : SL_OK;
    if (st == SL_OK)
        st = buf_append(&msg, data, len);
    if (st == SL_OK)
        st = submit(r, from, rcpts, n, msg.data, msg.len, err, errlen);
    buf_free(&msg);
    return st;
}

void redirect_notice_from(const struct policy *p, const char *sender, char *out, size_t outlen)
{
    if (p->notice_from && *p->notice_from) {
        snprintf(out, outlen, "%s", p->notice_from);
        return;
    }
    const char *at = sender ? strrchr(sender, '@') : NULL;
    const char *domain = p->norg ? p->org_domains[0] : at ? at + 1 : "localhost";
    snprintf(out, outlen, "beveiligd@%.*s", (int)strcspn(domain, ">"), domain);
}

void redirect_notice_env_from(const struct policy *p, enum notice_kind k, const char *sender,
                              const char *from, char *out, size_t outlen)
{
    const char *env = "";
    /* to a recipient: a bounce must reach a person, the staff member when
     * the address is the organisation's (one of its domains), else the
     * notices' own address. To the sender: the null sender (RFC 3834 3.3),
     * so an out-of-office answer to a notice goes nowhere, not into a loop. */
    if (k == NOTICE_RECIPIENT)
        env = sender && *sender && decide_internal(p, NULL, sender) ? sender : from;
    snprintf(out, outlen, "%s", env);
}
