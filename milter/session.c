/*
 * session - envelope, message, scan, decision, action. See session.h.
 *
 * Logs carry the queue id, the direction, the verdict, rule ids, the
 * decision and sizes; never an address part, a file name or content.
 */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../extract/header.h"
#include "../scan/scan.h"
#include "log.h"

#define ROUTE_HEADER "X-Sluis-Route"

struct session {
    struct snapshot *snap;
    struct detect_scratch *scratch;
    char client[64];
    char qid[32];
    char *from;
    char **rcpt;
    size_t nrcpt;
    bool outgoing;
    bool failed; /* the spool could not keep the message */
    struct spool spool;
    enum action last;
};

/* session_reset - forget the message; the connection stays */
static void session_reset(struct session *s)
{
    free(s->from);
    s->from = NULL;
    for (size_t i = 0; i < s->nrcpt; i++)
        free(s->rcpt[i]);
    free(s->rcpt);
    s->rcpt = NULL;
    s->nrcpt = 0;
    s->outgoing = false;
    s->failed = false;
    s->qid[0] = '\0';
    spool_reset(&s->spool);
}

struct session *session_new(struct snapshot *snap)
{
    struct session *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->scratch = detect_scratch_new(snap->pack);
    if (s->scratch == NULL) {
        free(s);
        return NULL;
    }
    s->snap = snapshot_hold(snap);
    spool_init(&s->spool, snap->cfg.memory_bytes, snap->cfg.max_message_bytes, snap->cfg.tmpdir);
    return s;
}

void session_free(struct session *s)
{
    if (s == NULL)
        return;
    session_reset(s);
    detect_scratch_free(s->scratch);
    snapshot_release(s->snap);
    free(s);
}

enum session_rc session_connect(struct session *s, const char *client)
{
    snprintf(s->client, sizeof s->client, "%s", client ? client : "unknown");
    return SESSION_CONTINUE;
}

static void take_qid(struct session *s, const struct milter_io *io)
{
    const char *q = io->macro ? io->macro(io->h, "i") : NULL;
    if (q && *q)
        snprintf(s->qid, sizeof s->qid, "%s", q);
}

/* domain_is_org - is the address in one of the organisation's domains? */
static bool from_org(const struct milter_config *c, const char *from)
{
    return decide_internal(&c->policy, NULL, from);
}

enum session_rc session_envfrom(struct session *s, const struct milter_io *io, const char *from)
{
    const struct milter_config *c = &s->snap->cfg;
    session_reset(s);
    take_qid(s, io);
    s->from = strdup(from ? from : "");
    if (s->from == NULL)
        return c->error_action == ACTION_PASS ? SESSION_ACCEPT : SESSION_TEMPFAIL;
    const char *auth = io->macro ? io->macro(io->h, "{auth_authen}") : NULL;
    const char *daemon = io->macro ? io->macro(io->h, "{daemon_name}") : NULL;
    bool submission = false;
    for (size_t i = 0; daemon && i < c->ndaemons; i++)
        submission |= strcmp(daemon, c->outgoing_daemons[i]) == 0;
    s->outgoing = c->outgoing_all || (auth && *auth) || submission || from_org(c, s->from);
    if (!s->outgoing) {
        log_msg(LOG_INFO, s->qid, "inbound: passed unscanned, as configured");
        return SESSION_ACCEPT; /* inbound mail passes untouched */
    }
    return SESSION_CONTINUE;
}

enum session_rc session_envrcpt(struct session *s, const struct milter_io *io, const char *rcpt)
{
    (void)io;
    char **p = realloc(s->rcpt, (s->nrcpt + 1) * sizeof *p);
    if (p == NULL)
        return SESSION_TEMPFAIL;
    s->rcpt = p;
    if ((s->rcpt[s->nrcpt] = strdup(rcpt)) == NULL)
        return SESSION_TEMPFAIL;
    s->nrcpt++;
    return SESSION_CONTINUE;
}

static enum session_rc keep(struct session *s, const void *p, size_t n)
{
    if (!s->failed && spool_append(&s->spool, p, n) != SL_OK)
        s->failed = true; /* said at the end of the message */
    return SESSION_CONTINUE;
}

enum session_rc session_header(struct session *s, const char *name, const char *value)
{
    keep(s, name, strlen(name));
    keep(s, ": ", 2);
    keep(s, value, strlen(value));
    return keep(s, "\n", 1);
}

enum session_rc session_eoh(struct session *s)
{
    return keep(s, "\n", 1);
}

enum session_rc session_body(struct session *s, const void *data, size_t len)
{
    return keep(s, data, len);
}

enum session_rc session_raw(struct session *s, const void *data, size_t len)
{
    return keep(s, data, len);
}

static bool incomplete(const struct detect_result *r)
{
    for (size_t i = 0; i < r->nfindings; i++)
        if (scan_finding_incomplete(&r->findings[i]))
            return true;
    return false;
}

/* ascii - a reply text fit for SMTP: printable ASCII, '%' doubled for libmilter */
static void ascii(const char *in, char *out, size_t outlen)
{
    size_t o = 0;
    for (; *in && o + 2 < outlen; in++) {
        unsigned char c = (unsigned char)*in;
        if (c == '%')
            out[o++] = '%';
        out[o++] = c >= 0x20 && c < 0x7F ? (char)c : '?';
    }
    out[o] = '\0';
}

#define OVERSIZE_TEXT                                                                              \
    "Dit bericht is te groot om te controleren en is niet verstuurd. / This message is too "       \
    "large to be checked and was not sent."

/* apply_reply - carry out action a; a reject says reject_text with codes */
static enum session_rc apply_reply(struct session *s, const struct milter_io *io, enum action a,
                                   const char *rcode, const char *xcode, const char *reject_text);

/* apply - carry out action a; returns what to tell the MTA */
static enum session_rc apply(struct session *s, const struct milter_io *io, enum action a)
{
    return apply_reply(s, io, a, "550", "5.7.1", s->snap->cfg.reject_text);
}

static enum session_rc apply_reply(struct session *s, const struct milter_io *io, enum action a,
                                   const char *rcode, const char *xcode, const char *reject_text)
{
    const struct milter_config *c = &s->snap->cfg;
    char text[512];
    s->last = a;
    switch (a) {
    case ACTION_TLS:
        if (!io->add_header(io->h, ROUTE_HEADER, "tls"))
            return apply(s, io, c->error_action == ACTION_PASS ? ACTION_PASS : ACTION_TEMPFAIL);
        return SESSION_ACCEPT;
    case ACTION_HOLD:
        ascii(c->hold_reason, text, sizeof text);
        if (!io->quarantine(io->h, text))
            return apply(s, io, c->error_action == ACTION_PASS ? ACTION_PASS : ACTION_TEMPFAIL);
        return SESSION_ACCEPT;
    case ACTION_REJECT:
        ascii(reject_text, text, sizeof text);
        io->set_reply(io->h, rcode, xcode, text);
        return SESSION_REJECT;
    case ACTION_TEMPFAIL:
        io->set_reply(io->h, "451", "4.7.1",
                      "sluis: tijdelijk probleem, probeer het later opnieuw / temporary problem, "
                      "please try again later");
        return SESSION_TEMPFAIL;
    case ACTION_PORTAL:
    case ACTION_SMIME:
        /* not reached: session_eom hands these to redirect */
        log_msg(LOG_ERR, s->qid, "internal error: action %s without a channel; action=tempfail",
                decide_action_name(a));
        return apply(s, io, ACTION_TEMPFAIL);
    case ACTION_PASS:
    default:
        s->last = ACTION_PASS;
        return SESSION_ACCEPT;
    }
}

/* untag - the Subject without its tags, before the mail leaves */
static bool untag(struct session *s, const struct milter_io *io, const char *rest)
{
    struct buf enc = BUF_INIT;
    bool ok = header_encode(rest, &enc) == SL_OK &&
              io->chg_header(io->h, "Subject", 1, enc.data ? enc.data : "");
    buf_free(&enc);
    if (ok)
        log_msg(LOG_INFO, s->qid, "subject tag removed");
    return ok;
}

/* fail - an internal error: the configured error action (tempfail) */
static enum session_rc fail(struct session *s, const struct milter_io *io, const char *why)
{
    const struct milter_config *c = &s->snap->cfg;
    log_msg(LOG_ERR, s->qid, "internal error: %s; action=%s", why,
            decide_action_name(c->error_action));
    return apply(s, io, c->error_action == ACTION_PASS ? ACTION_PASS : ACTION_TEMPFAIL);
}

enum session_rc session_eom(struct session *s, const struct milter_io *io)
{
    const struct milter_config *c = &s->snap->cfg;
    const char *data;
    size_t len;
    take_qid(s, io);
    s->last = ACTION_PASS;
    if (!s->outgoing)
        return SESSION_ACCEPT;
    if (s->failed)
        return fail(s, io, "the message could not be kept (disk full or out of memory)");
    if (spool_over(&s->spool)) {
        log_msg(LOG_NOTICE, s->qid, "outgoing: size %zu over max_message_bytes %zu; action=%s",
                s->spool.total, c->max_message_bytes, decide_action_name(c->oversize_action));
        return apply_reply(s, io, c->oversize_action, "552", "5.3.4", OVERSIZE_TEXT);
    }
    if (spool_view(&s->spool, &data, &len) != SL_OK)
        return fail(s, io, "the spooled message could not be read");

    struct detect_result r = {0};
    struct scan_stats stats = {0};
    enum sl_status st =
        scan_message(s->snap->pack, &c->limits, s->snap->pool, s->scratch, data, len, &r, &stats);
    if (st != SL_OK) {
        detect_result_free(&r);
        return fail(s, io, sl_status_str(st));
    }
    struct buf raw = BUF_INIT;
    char subject[1024] = "", rest[1024];
    if (header_find(data, len, "Subject", &raw))
        header_decode(raw.data, subject, sizeof subject);
    buf_free(&raw);
    struct tags tags;
    tags_read(subject, &tags, rest, sizeof rest);
    struct decide_input in = {s->from,    r.sensitive, r.confidence, incomplete(&r),
                              r.findings, r.nfindings, tags.tag};
    bool partial = in.incomplete;
    enum action overall = ACTION_PASS, intended = ACTION_PASS;
    enum policy_mode mode = MODE_ENFORCE;
    unsigned internal = 0, external = 0;
    for (size_t i = 0; i < s->nrcpt; i++) {
        struct decision d;
        decide(&c->policy, &in, s->rcpt[i], &d);
        overall = decide_strictest(overall, d.action);
        intended = decide_strictest(intended, d.intended);
        mode = d.mode;
        internal += d.rclass == RCPT_INTERNAL;
        external += d.rclass == RCPT_EXTERNAL;
    }
    char rules[256] = "";
    for (size_t i = 0, o = 0; i < r.nfindings && o + 50 < sizeof rules; i++) {
        if (strstr(rules, r.findings[i].rule))
            continue;
        o +=
            (size_t)snprintf(rules + o, sizeof rules - o, "%s%s", o ? "," : "", r.findings[i].rule);
    }
    log_msg(LOG_INFO, s->qid,
            "outgoing: verdict=%s confidence=%s findings=%s%s tag=%s%s%s recipients=%u internal, "
            "%u external; mode=%s action=%s%s%s size=%zu scan_ms=%.1f",
            r.sensitive ? "sensitive" : "clean", pack_confidence_name(r.confidence),
            rules[0] ? rules : "-", partial ? " (not scanned in full)" : "",
            tags_tag_name(tags.tag), tags.tag == TAG_UNSAFE ? "/" : "",
            tags.tag == TAG_UNSAFE ? tags_reason_name(tags.reason) : "", internal, external,
            policy_mode_name(mode), decide_action_name(overall),
            overall != intended ? " intended=" : "",
            overall != intended ? decide_action_name(intended) : "", len, (double)stats.ns / 1e6);
    detect_result_free(&r);
    if (tags.found > 0 && overall != ACTION_REJECT && overall != ACTION_TEMPFAIL &&
        !untag(s, io, rest))
        return fail(s, io, "the subject tag could not be removed");
    return apply(s, io, overall);
}

void session_abort(struct session *s)
{
    session_reset(s);
}

enum action session_last_action(const struct session *s)
{
    return s->last;
}
