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
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "../extract/header.h"
#include "../scan/scan.h"
#include "../route/route.h"
#include "../smime/smime.h"
#include "log.h"
#include "record.h"

#define ROUTE_HEADER "X-Sluis-Route"

struct session {
    struct snapshot *snap;
    struct detect_scratch *scratch;
    char client[64];
    char qid[32];
    char *from;
    char sender[320];                 /* from without angle brackets */
    const struct policy_scope *scope; /* the sender's department (NULL: the organisation) */
    const char *lang;                 /* of notices to the sender */
    char **rcpt;
    size_t nrcpt, rcpt_cap; /* nrcpt <= max_recipients */
    bool outgoing;
    bool failed;    /* the spool could not keep the message */
    bool over_rcpt; /* max_recipients was reached (logged once a message) */
    struct spool spool;
    enum action last;
    bool degraded; /* an internal error took the error action (on_error) */
    bool dry_run;  /* -t: say what would be done, store and send nothing */
    /* the message's event (record.h): filled at the end of the message */
    struct event *ev;
    struct decision *d;    /* one per recipient once decided, else NULL */
    X509 **certs;          /* per recipient: the certificate S/MIME encrypts to, else NULL */
    size_t cur;            /* the recipient being decided, for has_cert */
    uint64_t tls_until_ms; /* a message waits for TLS probes until then (monotonic) */
    char fp_token[RECORD_FP_TOKEN_LEN + 1]; /* the notices' false-positive token, "" none */
    char fp_hash[EVENT_HASH_LEN + 1];
};

/* session_reset - forget the message; the connection stays */
static void session_reset(struct session *s)
{
    free(s->from);
    s->from = NULL;
    s->sender[0] = '\0';
    s->scope = NULL;
    s->lang = NULL;
    /* certs has one slot a recipient, once decided */
    for (size_t i = 0; s->certs && i < s->nrcpt; i++)
        X509_free(s->certs[i]);
    free(s->certs);
    s->certs = NULL;
    for (size_t i = 0; i < s->nrcpt; i++)
        free(s->rcpt[i]);
    free(s->rcpt);
    s->rcpt = NULL;
    s->nrcpt = s->rcpt_cap = 0;
    s->outgoing = false;
    s->failed = false;
    s->over_rcpt = false;
    s->qid[0] = '\0';
    spool_reset(&s->spool);
    free(s->d);
    s->d = NULL;
    s->degraded = false;
    memset(s->fp_token, 0, sizeof s->fp_token);
    s->fp_hash[0] = '\0';
}

struct session *session_new(struct snapshot *snap)
{
    struct session *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->scratch = detect_scratch_new(snap->pack);
    s->ev = calloc(1, sizeof *s->ev);
    if (s->scratch == NULL || s->ev == NULL) {
        detect_scratch_free(s->scratch);
        free(s->ev);
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
    free(s->ev);
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

/* unbracket - an address without the angle brackets Postfix gives */
static void unbracket(const char *a, char *out, size_t outlen)
{
    a += a[0] == '<';
    snprintf(out, outlen, "%.*s", (int)strcspn(a, ">"), a);
}

enum session_rc session_envfrom(struct session *s, const struct milter_io *io, const char *from)
{
    const struct milter_config *c = &s->snap->cfg;
    session_reset(s);
    take_qid(s, io);
    s->from = strdup(from ? from : "");
    if (s->from == NULL)
        return c->error_action == ACTION_PASS ? SESSION_ACCEPT : SESSION_TEMPFAIL;
    unbracket(s->from, s->sender, sizeof s->sender);
    /* the department is looked up once per message: a long list costs */
    s->scope = policy_scope_of(&c->policy, s->from);
    s->lang = policy_scope_language(&c->policy, s->scope);
    const char *auth = io->macro ? io->macro(io->h, "{auth_authen}") : NULL;
    const char *daemon = io->macro ? io->macro(io->h, "{daemon_name}") : NULL;
    bool submission = false;
    for (size_t i = 0; daemon && i < c->ndaemons; i++)
        submission |= strcmp(daemon, c->outgoing_daemons[i]) == 0;
    s->outgoing = c->outgoing_all || (auth && *auth) || submission || from_org(c, s->from);
    /* inbound mail passes untouched at DATA (session_data), where Postfix
     * gives the queue id for its log line; until then nothing is kept */
    return SESSION_CONTINUE;
}

/* is_inbound - a message whose MAIL FROM made it inbound (without one, out
 * of protocol order, it is not known to be) */
static bool is_inbound(const struct session *s)
{
    return s->from != NULL && !s->outgoing;
}

/* inbound - inbound mail passes untouched, logged with its queue id */
static enum session_rc inbound(struct session *s, const struct milter_io *io)
{
    take_qid(s, io);
    log_msg(LOG_INFO, s->qid,
            "inbound: passed, not scanned (the sender is outside org_domains, not "
            "authenticated and not from an outgoing_daemons service)");
    return SESSION_ACCEPT;
}

enum session_rc session_data(struct session *s, const struct milter_io *io)
{
    if (is_inbound(s))
        return inbound(s, io);
    take_qid(s, io);
    return SESSION_CONTINUE;
}

enum session_rc session_envrcpt(struct session *s, const struct milter_io *io, const char *rcpt)
{
    const struct milter_config *c = &s->snap->cfg;
    if (is_inbound(s))
        return SESSION_CONTINUE; /* neither kept nor counted */
    /* a message's memory stays bounded: past the cap each recipient is
     * refused for now, and the client sends it again in a later
     * transaction (RFC 5321 4.5.3.1.10: 452 for too many recipients) */
    if (s->nrcpt >= c->max_recipients) {
        if (!s->over_rcpt)
            log_msg(LOG_NOTICE, s->qid,
                    "more than max_recipients (%u) recipients: the rest get 452 4.5.3",
                    c->max_recipients);
        s->over_rcpt = true;
        io->set_reply(io->h, "452", "4.5.3", "Too many recipients");
        return SESSION_TEMPFAIL;
    }
    if (s->nrcpt == s->rcpt_cap) {
        size_t cap = s->rcpt_cap ? 2 * s->rcpt_cap : 8;
        char **p = realloc(s->rcpt, cap * sizeof *p);
        if (p == NULL)
            return SESSION_TEMPFAIL;
        s->rcpt = p;
        s->rcpt_cap = cap;
    }
    if ((s->rcpt[s->nrcpt] = strdup(rcpt)) == NULL)
        return SESSION_TEMPFAIL;
    s->nrcpt++;
    return SESSION_CONTINUE;
}

static enum session_rc keep(struct session *s, const void *p, size_t n)
{
    /* inbound mail is never kept, also from an MTA that skips DATA */
    if (!is_inbound(s) && !s->failed && spool_append(&s->spool, p, n) != SL_OK)
        s->failed = true; /* said at the end of the message */
    return SESSION_CONTINUE;
}

enum session_rc session_header(struct session *s, const char *name, const char *value)
{
    /* as it was sent: CRLF line ends, also inside a folded value (the
     * MTA hands those over with bare LF) */
    keep(s, name, strlen(name));
    keep(s, ": ", 2);
    for (const char *p = value, *nl; *p; p = nl + 1) {
        nl = strchr(p, '\n');
        if (nl == NULL) {
            keep(s, p, strlen(p));
            break;
        }
        keep(s, p, (size_t)(nl - p) - (nl > p && nl[-1] == '\r'));
        keep(s, "\r\n", 2);
    }
    return keep(s, "\r\n", 2);
}

enum session_rc session_eoh(struct session *s)
{
    return keep(s, "\r\n", 2);
}

enum session_rc session_body(struct session *s, const void *data, size_t len)
{
    return keep(s, data, len);
}

enum session_rc session_raw(struct session *s, const void *data, size_t len)
{
    return keep(s, data, len);
}

/* ascii - a reply text fit for SMTP: printable ASCII, '%' doubled for libmilter */
static void ascii(const char *in, char *out, size_t outlen)
{
    size_t o = 0;
    for (; *in && o + 2 < outlen; in++) {
        unsigned char c = (unsigned char)*in;
        if (c == '%')
            out[o++] = '%';
        out[o++] = (char)(c >= 0x20 && c < 0x7F ? c : '?');
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
/* reject_text - the configured text, else the sender's language's template */
static const char *reject_text(const struct session *s)
{
    const struct milter_config *c = &s->snap->cfg;
    if (c->reject_text[0])
        return c->reject_text;
    return redirect_reject_text(s->snap->redirect, s->lang);
}

/* NOLINTNEXTLINE(misc-no-recursion): one level: the fallback is pass or tempfail, which end */
static enum session_rc apply(struct session *s, const struct milter_io *io, enum action a)
{
    return apply_reply(s, io, a, "550", "5.7.1", reject_text(s));
}

/* NOLINTNEXTLINE(misc-no-recursion): one level: the fallback is pass or tempfail, which end */
static enum session_rc apply_reply(struct session *s, const struct milter_io *io, enum action a,
                                   const char *rcode, const char *xcode, const char *reject_text)
{
    const struct milter_config *c = &s->snap->cfg;
    char text[512];
    s->last = a;
    switch (a) {
    case ACTION_TLS:
        if (!io->add_header(io->h, ROUTE_HEADER, "tls")) {
            s->degraded = true;
            return apply(s, io, c->error_action == ACTION_PASS ? ACTION_PASS : ACTION_TEMPFAIL);
        }
        return SESSION_ACCEPT;
    case ACTION_HOLD:
        ascii(c->hold_reason, text, sizeof text);
        if (!io->quarantine(io->h, text)) {
            s->degraded = true;
            return apply(s, io, c->error_action == ACTION_PASS ? ACTION_PASS : ACTION_TEMPFAIL);
        }
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

/* untagged_copy - the message data[0..len) as the recipients are to see
 * it: its first Subject field (with its continuation lines) replaced by
 * "Subject: " and the tagless subject, encoded as untag() hands it to the
 * MTA; every other byte as it is. Into out (reset first). The portal and a
 * split-off partner copy get this, not the tagged original. */
static enum sl_status untagged_copy(const char *data, size_t len, const char *rest, struct buf *out)
{
    struct buf enc = BUF_INIT;
    enum sl_status st = header_encode(rest, &enc);
    size_t i = 0, start = len, end = len;
    /* the header: lines up to the first empty one (RFC 5322 2.1) */
    while (st == SL_OK && i < len && start == len) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t next = nl ? (size_t)(nl - data) + 1 : len;
        size_t n = next - i - (nl != NULL) - (nl && nl > data + i && nl[-1] == '\r');
        if (n == 0)
            break;
        if (n >= 8 && strncasecmp(data + i, "subject:", 8) == 0) {
            start = i;
            end = next;
            while (end < len && (data[end] == ' ' || data[end] == '\t')) {
                const char *cnl = memchr(data + end, '\n', len - end);
                end = cnl ? (size_t)(cnl - data) + 1 : len;
            }
        }
        i = next;
    }
    buf_reset(out);
    if (st == SL_OK)
        st = buf_append(out, data, start);
    if (st == SL_OK && start < len)
        st = buf_printf(out, "Subject: %s\r\n", enc.data ? enc.data : "");
    if (st == SL_OK && end < len)
        st = buf_append(out, data + end, len - end);
    buf_free(&enc);
    return st;
}

/* neutral_subject - smime_subject encoded for the header into enc, or
 * NULL when the sender's subject stays (or it cannot be encoded) */
static const char *neutral_subject(const struct session *s, struct buf *enc)
{
    const char *subject = s->snap->cfg.smime_subject;
    buf_reset(enc);
    if (subject[0] == '\0' || header_encode(subject, enc) != SL_OK)
        return NULL;
    return enc->data ? enc->data : "";
}

/* fail - an internal error: the configured error action (tempfail) */
static enum session_rc fail(struct session *s, const struct milter_io *io, const char *why)
{
    const struct milter_config *c = &s->snap->cfg;
    log_msg(LOG_ERR, s->qid, "internal error: %s; action=%s", why,
            decide_action_name(c->error_action));
    s->degraded = true;
    return apply(s, io, c->error_action == ACTION_PASS ? ACTION_PASS : ACTION_TEMPFAIL);
}

/* what carry_out needs of the message */
struct message_view {
    const char *data;
    size_t len;
    const struct detect_result *r;
    const struct decision *d; /* one per recipient */
    const struct tags *tags;
    const char *rest; /* the subject without its tags */
};

#define NOTICE_MAX_FINDINGS 12

/* notice_findings - what r found, each (category, rule) once: a diagnosis
 * in the subject and the body is one line of the notice */
static size_t notice_findings(const struct detect_result *r, struct notice_finding *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nfindings && n < cap; i++) {
        const struct finding *f = &r->findings[i];
        if (strcmp(f->category, "unscannable") == 0 || f->masked[0] == '\0')
            continue;
        bool seen = false;
        for (size_t k = 0; k < n && !seen; k++)
            seen = strcmp(out[k].category, f->category) == 0 && strcmp(out[k].rule, f->rule) == 0;
        if (!seen)
            out[n++] = (struct notice_finding){f->category, f->rule, f->masked};
    }
    return n;
}

/* sender_notice - kind k to the staff member about the message;
 * status_link the sender's status page (NULL none). A failure is logged
 * here when err is NULL, else left in err for the caller's line. */
static bool sender_notice(struct session *s, const struct message_view *m, enum notice_kind k,
                          const struct notice_recipient *nr, size_t nnr, const char *reason,
                          const char *status_link, char *err, size_t errlen)
{
    const struct policy *p = &s->snap->cfg.policy;
    char from[320], why[512];
    struct notice_finding nf[NOTICE_MAX_FINDINGS];
    char fp_link[1024] = "";
    redirect_notice_from(p, s->from, from, sizeof from);
    /* the false-positive link: one token a message, and only where an
     * event keeps its hash (metrics on) */
    if (p->fp_url[0] && s->snap->recorder && !s->fp_token[0] &&
        !record_fp_token(s->fp_token, s->fp_hash))
        log_msg(LOG_WARNING, s->qid,
                "no random bytes: the notice goes without its "
                "false-positive link");
    if (p->fp_url[0] && s->fp_token[0])
        snprintf(fp_link, sizeof fp_link, "%s%s", p->fp_url, s->fp_token);
    struct notice_vars v = {.lang = s->lang,
                            .organisation = p->organisation,
                            .from = from,
                            .to = s->sender,
                            .sender = s->sender,
                            .helpdesk = p->helpdesk,
                            .report_url = p->report_url,
                            .reason = reason,
                            .findings = nf,
                            .nfindings = notice_findings(m->r, nf, NOTICE_MAX_FINDINGS),
                            .recipients = nr,
                            .nrecipients = nnr,
                            .status_link = status_link,
                            .fp_link = fp_link[0] ? fp_link : NULL,
                            .requested = m->tags->tag == TAG_SECURE};
    if (s->dry_run) {
        printf("notice to the sender: %s%s\n", notice_kind_name(k),
               fp_link[0] ? " (with a false-positive link)" : "");
        if (fp_link[0])
            memcpy(s->ev->fp, s->fp_hash, sizeof s->ev->fp);
        memset(fp_link, 0, sizeof fp_link);
        return true;
    }
    char env[320];
    redirect_notice_env_from(p, k, s->sender, from, env, sizeof env);
    enum sl_status st = redirect_notify(s->snap->redirect, k, &v, env, why, sizeof why);
    memset(fp_link, 0, sizeof fp_link);
    if (st != SL_OK) {
        if (err)
            snprintf(err, errlen, "%s", why);
        else
            log_msg(LOG_ERR, s->qid, "%s notice to the sender not sent: %s", notice_kind_name(k),
                    why);
        return false;
    }
    /* the link went out: the event keeps its hash */
    if (v.fp_link)
        memcpy(s->ev->fp, s->fp_hash, sizeof s->ev->fp);
    log_msg(LOG_INFO, s->qid, "%s notice sent to the sender", notice_kind_name(k));
    return true;
}

/* stop_asked - has the daemon been asked to stop? */
static bool stop_asked(const struct milter_io *io)
{
    return io->stopping && io->stopping(io->h);
}

/* roll_back - undo a redirect of np recipients whose answer is not an
 * accept: what the portal kept under id ("" nothing) is removed, and id
 * cleared. The answer is a temporary failure; the sender's retry keeps the
 * message afresh with new links and codes, so no copy of health data is
 * left behind by a transaction that did not complete. Before the sender's
 * notice (notice_out false) no token or code has left the process, so a
 * kept message that cannot be removed opens nothing; it expires. After it,
 * the codes and links already sent stop working, and the retry's notices
 * are the ones that count. why says what failed (with the submission
 * service's host and port when a submission did), again what went out all
 * the same and goes out again with the retry ("" none); never an address. */
static enum session_rc roll_back(struct session *s, const struct milter_io *io, char *id, size_t np,
                                 bool notice_out, const char *why, const char *again)
{
    char err[512];
    const char *undone = "nothing had been kept";
    if (id[0] && redirect_withdraw(s->snap->redirect, id, err, sizeof err) == SL_OK) {
        undone = notice_out ? "the kept message and its pickups were removed, so the codes in "
                              "the sender's notice and the links sent open nothing; the retry "
                              "keeps it again and sends new notices, the sender's next one with "
                              "the codes that work"
                            : "the kept message and its pickups were removed";
    } else if (id[0]) {
        log_msg(LOG_ERR, s->qid, "portal: the kept message not removed (%s)", err);
        undone = notice_out ? "the kept message could not be removed: it stays until it "
                              "expires, and the codes sent still open it"
                            : "the kept message could not be removed (no link or code to it "
                              "went out; it expires)";
    }
    id[0] = '\0';
    log_msg(LOG_ERR, s->qid,
            "portal: redirect to %zu recipient(s) rolled back %s: %s; %s%s%s; "
            "action=tempfail",
            np, notice_out ? "after the sender's notice" : "before the sender's notice", why,
            undone, notice_out ? "" : "; no notice went out", again);
    return apply(s, io, ACTION_TEMPFAIL);
}

#define NOTICE_TRIES 3u /* a recipient's notice past the point of no return */

/* notify_recipients - past the point of no return, each of the np portal
 * recipients sr[i] its notice with its link (pk[i]) and how to verify. No
 * stop interrupts this: the sender holds the codes now. The submission
 * service has just taken the sender's notice, so a failure is taken for a
 * passing one and tried again after a pause (1 s, then 2 s). Each notice
 * out is recorded as sent (the sender's status page); a failure to record
 * it is logged and loses nothing else. Returns how many were sent, in
 * order; err says why the next one was not. */
static size_t notify_recipients(struct session *s, const struct store_rcpt *sr, size_t np,
                                const struct store_pickup *pk, time_t expires, const char *from,
                                char *err, size_t errlen)
{
    const struct policy *p = &s->snap->cfg.policy;
    char env[320];
    redirect_notice_env_from(p, NOTICE_RECIPIENT, s->sender, from, env, sizeof env);
    for (size_t i = 0; i < np; i++) {
        char link[512];
        snprintf(link, sizeof link, "%s%s", p->portal_url, pk[i].token);
        /* nothing of what was found: no findings, no reason */
        struct notice_vars v = {.lang = s->lang,
                                .organisation = p->organisation,
                                .from = from,
                                .to = sr[i].address,
                                .sender = s->sender,
                                .link = link,
                                .verify = store_verify_name(sr[i].verify),
                                .phone = sr[i].phone,
                                .expires = expires,
                                .helpdesk = p->helpdesk,
                                .report_url = p->report_url};
        for (unsigned t = 1;
             redirect_notify(s->snap->redirect, NOTICE_RECIPIENT, &v, env, err, errlen) != SL_OK;
             t++) {
            if (t == NOTICE_TRIES) {
                memset(link, 0, sizeof link);
                return i;
            }
            log_msg(LOG_WARNING, s->qid, "portal: a recipient notice not sent (%s); again in %u s",
                    err, t);
            sleep(t);
        }
        memset(link, 0, sizeof link);
        char why[256];
        if (redirect_sent(s->snap->redirect, pk[i].token, why, sizeof why) != SL_OK)
            log_msg(LOG_WARNING, s->qid,
                    "portal: a recipient notice went out but is not recorded as sent (%s)", why);
    }
    return np;
}

/* store_method - the store's name for a policy's way in */
static enum store_verify store_method(enum policy_verify v)
{
    return v == POLICY_VERIFY_EMAIL ? STORE_VERIFY_EMAIL
           : v == POLICY_VERIFY_SMS ? STORE_VERIFY_SMS
                                    : STORE_VERIFY_CODE;
}

/* seal_in_place - the message's entity replaced by the encrypted one
 * (part): its Content-* fields removed (from the last, so the indexes
 * hold), the S/MIME fields added, MIME-Version where it was missing, the
 * neutral subject if one is configured, and the new body */
static bool seal_in_place(struct session *s, const struct milter_io *io,
                          const struct message_view *m, const struct smime_part *part)
{
    char names[64][64];
    size_t n = smime_content_fields(m->data, m->len, names, 64);
    bool ok = io->replace_body != NULL;
    for (size_t i = n; ok && i-- > 0;) {
        int index = 0;
        for (size_t k = 0; k <= i; k++)
            index += strcasecmp(names[k], names[i]) == 0;
        ok = io->chg_header(io->h, names[i], index, NULL);
    }
    if (ok && !smime_has_field(m->data, m->len, "MIME-Version"))
        ok = io->add_header(io->h, "MIME-Version", "1.0");
    /* "Name: value\r\n" each */
    for (const char *p = part->fields.data; ok && p && *p;) {
        const char *colon = strchr(p, ':'), *eol = strstr(p, "\r\n");
        if (colon == NULL || eol == NULL || colon > eol)
            return false;
        char name[64], value[256];
        snprintf(name, sizeof name, "%.*s", (int)(colon - p), p);
        snprintf(value, sizeof value, "%.*s", (int)(eol - colon - 2), colon + 2);
        ok = io->add_header(io->h, name, value);
        p = eol + 2;
    }
    struct buf enc = BUF_INIT;
    const char *subject = neutral_subject(s, &enc);
    if (ok && subject)
        ok = io->chg_header(io->h, "Subject", 1, subject);
    buf_free(&enc);
    if (ok)
        ok = io->replace_body(io->h, part->body.data, part->body.len);
    if (ok)
        log_msg(LOG_INFO, s->qid, "smime: the message encrypted in place%s",
                subject ? ", its subject replaced" : "");
    return ok;
}

/* carry_out - apply the decisions. Hold, reject and tempfail take the
 * whole message. Otherwise the recipients for the portal and the partners
 * split off onto a copy are served as one unit that completes or rolls
 * back, in this order:
 *
 *   1. the MTA's changes: those recipients off the message, the subject
 *      untagged, the route header (libmilter sends them now, but the MTA
 *      applies them only to a message it accepts in the end);
 *   2. the built-in portal keeps the message and every recipient's pickup
 *      in one transaction, each with its way in (the policy's
 *      verification for the sender, and for sms the recipient's number);
 *   3. a stop asked for by now rolls back: the last moment at which
 *      nothing has left;
 *   4. what cannot be taken back: the partner copy, the hand-off to the
 *      organisation's own portal, and last the sender's notice with the
 *      access codes, the point of no return;
 *   5. the recipients' notices with their links, all of them, stop or not.
 *
 * A failure before the sender's notice is out removes what 2 kept and
 * answers with a temporary failure: until then no token or code has left
 * the process, so nothing is half done and the sender's retry starts
 * afresh. A recipient hears of a link only after the sender has its code,
 * so no code is lost. A notice that still fails in 5 rolls back too: a
 * temporary failure, and the kept message removed, since the retry keeps
 * it again with fresh codes (each try keeping a copy would leave one of
 * health data for every retry); the codes and links already sent stop
 * working, and the sender's next notice is the one that counts. Whatever
 * the reason, an answer other than an accept never leaves a kept message
 * behind in the built-in portal. */
static enum session_rc carry_out(struct session *s, const struct milter_io *io,
                                 const struct message_view *m, enum action overall,
                                 enum action intended, enum policy_mode mode)
{
    const struct milter_config *c = &s->snap->cfg;
    const struct policy *p = &c->policy;
    struct redirect *rd = s->snap->redirect;
    size_t n = s->nrcpt, np = 0, nt = 0, ns = 0;
    for (size_t i = 0; i < n; i++) {
        np += m->d[i].action == ACTION_PORTAL;
        nt += m->d[i].action == ACTION_TLS;
        ns += m->d[i].action == ACTION_SMIME;
    }
    size_t nkeep = n - np - nt - ns;

    /* the whole message waits or goes back: hold, reject, tempfail */
    if (overall == ACTION_HOLD || overall == ACTION_REJECT || overall == ACTION_TEMPFAIL) {
        if (overall != ACTION_TEMPFAIL) {
            /* not scanned in full, or no channel for health data (or for
             * mail the sender asked to protect with a tag) */
            bool partial = false;
            for (size_t i = 0; i < n; i++)
                partial |= m->d[i].action == overall && !m->r->sensitive && !m->d[i].forced;
            const char *lang = policy_scope_language(p, policy_scope_of(p, s->from));
            sender_notice(
                s, m, overall == ACTION_HOLD ? NOTICE_HOLD : NOTICE_REJECT, NULL, 0,
                notice_reason_text(partial ? NOTICE_WHY_NOT_SCANNED : NOTICE_WHY_NO_CHANNEL, lang),
                NULL, NULL, 0);
        }
        if (overall == ACTION_HOLD && m->tags->found > 0 && !untag(s, io, m->rest))
            return fail(s, io, "the subject tag could not be removed");
        return apply(s, io, overall);
    }

    enum session_rc rc = SESSION_ACCEPT;
    char id[33] = "";       /* what the portal kept, until it is removed again */
    const char *again = ""; /* what went out that the retry sends again */
    bool external = redirect_external(rd), notice_out = false; /* the sender's, with codes */
    struct buf untagged = BUF_INIT, enc_subject = BUF_INIT;
    const char *data = m->data; /* as it is kept and copied */
    size_t len = m->len;
    struct store_pickup *pk = calloc(np + 1, sizeof *pk);
    struct store_rcpt *sr = calloc(np + 1, sizeof *sr); /* the portal's recipients */
    struct policy_way_in *ways = calloc(np + 1, sizeof *ways);
    struct notice_recipient *nr = calloc(n + 1, sizeof *nr);
    char(*bare)[320] = calloc(n + 1, sizeof *bare);
    const char **bt = calloc(nt + 1, sizeof *bt);
    const char **bs = calloc(ns + 1, sizeof *bs); /* the S/MIME recipients */
    X509 **cs = calloc(ns + 1, sizeof(X509 *));   /* and their certificates, borrowed */
    struct smime_part part = {BUF_INIT, BUF_INIT};
    struct buf sealed = BUF_INIT; /* the encrypted copy split off */
    char stoken[STORE_TOKEN_LEN + 1] = "", status[512] = "";
    if (!pk || !sr || !ways || !nr || !bare || !bt || !bs || !cs) {
        log_msg(LOG_ERR, s->qid, "internal error: out of memory; action=tempfail");
        rc = apply(s, io, ACTION_TEMPFAIL);
        goto out;
    }
    size_t no_phone = 0;
    for (size_t i = 0, kp = 0, kt = 0, ks = 0; i < n; i++) {
        unbracket(s->rcpt[i], bare[i], sizeof bare[i]);
        if (m->d[i].action == ACTION_PORTAL) {
            /* the organisation's own portal verifies its own way */
            if (!external)
                policy_way_in(p, s->scope, bare[i], &ways[kp]);
            no_phone += ways[kp].no_phone;
            sr[kp] = (struct store_rcpt){bare[i], store_method(ways[kp].verify), ways[kp].phone};
            kp++;
        } else if (m->d[i].action == ACTION_TLS) {
            bt[kt++] = bare[i];
        } else if (m->d[i].action == ACTION_SMIME) {
            cs[ks] = s->certs ? s->certs[i] : NULL;
            bs[ks++] = bare[i];
        }
    }
    if (no_phone > 0)
        log_msg(LOG_NOTICE, s->qid,
                "portal: %zu recipient%s with verification sms %s no number in phones_file: an "
                "access code instead, in the sender's notice",
                no_phone, no_phone == 1 ? "" : "s", no_phone == 1 ? "has" : "have");
    /* split the TLS recipients off when others stay on the message: the
     * route header would take them all (internal mail too) */
    bool split = nt > 0 && nkeep > 0;
    /* S/MIME in place when its recipients are all that stay on the
     * message, else on an encrypted copy split off */
    bool sealed_inplace = ns > 0 && nkeep == 0 && nt == 0;
    bool sealed_split = ns > 0 && !sealed_inplace;
    char err[512], why[640], from[320];
    time_t expires = 0;
    redirect_notice_from(p, s->from, from, sizeof from);

    if (np > 0 && stop_asked(io)) {
        rc = roll_back(s, io, id, np, false, "the milter is stopping", again);
        goto out;
    }
    /* the encryption: a failure is a temporary one, before anything changed */
    if (ns > 0 &&
        smime_seal(s->snap->smime, m->data, m->len, cs, ns, &part, err, sizeof err) != SL_OK) {
        log_msg(LOG_ERR, s->qid, "%s; action=tempfail", err);
        rc = apply(s, io, ACTION_TEMPFAIL);
        goto out;
    }
    /* 1. the MTA's changes */
    for (size_t i = 0; rc == SESSION_ACCEPT && !s->dry_run && i < n; i++)
        if ((m->d[i].action == ACTION_PORTAL || (split && m->d[i].action == ACTION_TLS) ||
             (sealed_split && m->d[i].action == ACTION_SMIME)) &&
            !io->del_rcpt(io->h, s->rcpt[i]))
            rc = fail(s, io, "a recipient could not be removed");
    if (rc == SESSION_ACCEPT && m->tags->found > 0 && !untag(s, io, m->rest))
        rc = fail(s, io, "the subject tag could not be removed");
    if (rc == SESSION_ACCEPT && nt > 0 && !split)
        rc = apply(s, io, ACTION_TLS);
    if (rc == SESSION_ACCEPT && sealed_inplace && s->dry_run)
        printf("smime: the message encrypted in place for %zu recipient%s\n", ns,
               ns == 1 ? "" : "s");
    else if (rc == SESSION_ACCEPT && sealed_inplace && !seal_in_place(s, io, m, &part))
        rc = fail(s, io, "the encrypted message could not be handed to the MTA");
    /* what the portal keeps and a partner gets: the message as it leaves,
     * its subject without the tags */
    if (rc == SESSION_ACCEPT && m->tags->found > 0 && (np > 0 || split || sealed_split)) {
        if (untagged_copy(m->data, m->len, m->rest, &untagged) == SL_OK) {
            data = untagged.data;
            len = untagged.len;
        } else {
            rc = fail(s, io, "out of memory");
        }
    }
    if (rc != SESSION_ACCEPT)
        goto out;

    /* 2. kept, all recipients at once */
    if (np > 0 && !external && s->dry_run) {
        for (size_t i = 0; i < np; i++)
            printf("portal: keep for %s, notice to the recipient (verification %s), recipient "
                   "removed\n",
                   sr[i].address, store_verify_name(sr[i].verify));
    } else if (np > 0 && !external &&
               redirect_keep(rd, p, data, len, s->sender, sr, np, pk, stoken, &expires, id, err,
                             sizeof err) != SL_OK) {
        log_msg(LOG_ERR, s->qid, "portal: not kept (%s); action=tempfail", err);
        rc = apply(s, io, ACTION_TEMPFAIL);
        goto out;
    }
    /* 3. the last moment at which nothing has left */
    if (np > 0 && stop_asked(io)) {
        rc = roll_back(s, io, id, np, false, "the milter is stopping", again);
        goto out;
    }

    /* 4. what cannot be taken back, the sender's notice last */
    if (split && s->dry_run) {
        for (size_t i = 0; i < nt; i++)
            printf("tls: a copy for %s over the TLS route, recipient removed\n", bt[i]);
    } else if (split) {
        if (redirect_copy(rd, ROUTE_HEADER, "tls", data, len, s->sender, bt, nt, err, sizeof err) !=
            SL_OK) {
            snprintf(why, sizeof why, "the partner copy not submitted (%s)", err);
            if (np > 0) {
                rc = roll_back(s, io, id, np, false, why, again);
            } else {
                log_msg(LOG_ERR, s->qid, "tls: %s; action=tempfail", why);
                rc = apply(s, io, ACTION_TEMPFAIL);
            }
            goto out;
        }
        again = "; the partner copy went out and goes again with the retry";
    }
    if (sealed_split && s->dry_run) {
        for (size_t i = 0; i < ns; i++)
            printf("smime: an encrypted copy for %s, recipient removed\n", bs[i]);
    } else if (sealed_split) {
        const char *subject = neutral_subject(s, &enc_subject);
        if (smime_message(data, len, subject, &part, &sealed) != SL_OK ||
            redirect_copy(rd, NULL, NULL, sealed.data, sealed.len, s->sender, bs, ns, err,
                          sizeof err) != SL_OK) {
            snprintf(why, sizeof why, "the encrypted copy not submitted (%s)", err);
            if (np > 0) {
                rc = roll_back(s, io, id, np, false, why, again);
            } else {
                log_msg(LOG_ERR, s->qid, "smime: %s%s; action=tempfail", why, again);
                rc = apply(s, io, ACTION_TEMPFAIL);
            }
            goto out;
        }
        again = split ? "; the partner copy and the encrypted copy went out and go again with "
                        "the retry"
                      : "; the encrypted copy went out and goes again with the retry";
    }
    if (np > 0 && external && s->dry_run) {
        for (size_t i = 0; i < np; i++)
            printf("portal: hand over for %s to the organisation's portal, recipient removed\n",
                   sr[i].address);
    } else if (np > 0 && external) {
        if (redirect_keep(rd, p, data, len, s->sender, sr, np, pk, stoken, &expires, id, err,
                          sizeof err) != SL_OK) {
            log_msg(LOG_ERR, s->qid, "portal: not kept (%s)%s; action=tempfail", err, again);
            rc = apply(s, io, ACTION_TEMPFAIL);
            goto out;
        }
        again = "; the organisation's portal has it and gets it again with the retry";
    }
    if (np > 0) {
        /* the sender: what happened for whom, each portal recipient's way
         * in (the codes to relay for code), the status page */
        for (size_t i = 0, k = 0; i < n; i++) {
            nr[i] = (struct notice_recipient){.address = bare[i],
                                              .action = decide_action_name(m->d[i].action)};
            if (m->d[i].action == ACTION_PORTAL) {
                if (!external) {
                    nr[i].verify = policy_verify_name(ways[k].verify);
                    nr[i].phone = ways[k].phone;
                    nr[i].no_phone = ways[k].no_phone;
                }
                if (!external && ways[k].verify == POLICY_VERIFY_CODE && pk[k].code[0])
                    nr[i].code = pk[k].code;
                k++;
            }
        }
        if (stoken[0])
            snprintf(status, sizeof status, "%ss/%s", p->portal_url, stoken);
        if (!sender_notice(s, m, NOTICE_REDIRECT, nr, n, NULL, status[0] ? status : NULL, err,
                           sizeof err)) {
            snprintf(why, sizeof why, "the sender's notice not submitted (%s)", err);
            if (external) {
                log_msg(LOG_ERR, s->qid, "portal: %s%s; action=tempfail", why, again);
                rc = apply(s, io, ACTION_TEMPFAIL);
            } else {
                rc = roll_back(s, io, id, np, false, why, again);
            }
            goto out;
        }
        notice_out = true;
    }

    /* 5. past the point of no return: the recipients' links */
    if (np > 0 && !external && !s->dry_run) {
        size_t sent = notify_recipients(s, sr, np, pk, expires, from, err, sizeof err);
        if (sent < np) {
            snprintf(why, sizeof why,
                     "%zu of %zu recipient notices sent, then one failed %u times (%s)", sent, np,
                     NOTICE_TRIES, err);
            rc = roll_back(s, io, id, np, notice_out, why, again);
            goto out;
        }
        log_msg(LOG_INFO, s->qid, "portal notice sent to %zu recipient%s", np, np == 1 ? "" : "s");
    }

    /* warn mode: delivered as it is, the sender told what it should have been */
    if (mode == MODE_WARN && intended != ACTION_PASS) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (m->d[i].intended != ACTION_PASS)
                nr[k++] = (struct notice_recipient){.address = bare[i],
                                                    .action = decide_action_name(m->d[i].intended)};
        sender_notice(s, m, NOTICE_WARN, nr, k, NULL, NULL, NULL,
                      0); /* a lost warning loses no mail */
    }
    /* TLS recipients that were not split off stay on the message */
    if (nkeep == 0 && (np > 0 || split || sealed_split) && (split || nt == 0) && !sealed_inplace) {
        /* every recipient is served otherwise: nothing left to deliver */
        s->last = np > 0 ? ACTION_PORTAL : ACTION_TLS;
        rc = SESSION_DISCARD;
    } else if (np > 0) {
        s->last = ACTION_PORTAL;
    } else if (sealed_inplace) {
        s->last = ACTION_SMIME;
    }
    if (np > 0 || nt > 0 || ns > 0)
        log_msg(LOG_INFO, s->qid,
                "delivered: %zu kept, %zu through the portal, %zu over the TLS "
                "route%s, %zu with S/MIME%s",
                nkeep, np, nt, split ? " (split off)" : "", ns,
                sealed_inplace ? " (encrypted in place)"
                : ns > 0       ? " (an encrypted copy split off)"
                               : "");
out:
    /* a message never stays in the portal when the MTA is not told to
     * accept: whatever answer a later change may add, the store is undone */
    if (id[0] && !external && rc != SESSION_ACCEPT && rc != SESSION_DISCARD)
        rc = roll_back(s, io, id, np, notice_out, "the answer to the MTA is not an accept", again);
    if (pk)
        memset(pk, 0, (np + 1) * sizeof *pk);
    memset(stoken, 0, sizeof stoken);
    memset(status, 0, sizeof status);
    if (untagged.data)
        memset(untagged.data, 0, untagged.len);
    buf_free(&untagged);
    smime_part_free(&part);
    buf_free(&sealed);
    buf_free(&enc_subject);
    free(bs);
    free(cs);
    free(pk);
    free(sr);
    free(ways);
    free(nr);
    free(bare);
    free(bt);
    return rc;
}

/* has_cert - decide's question (decide.h) for recipient s->cur: a valid
 * certificate is kept for the encryption. Why one on file is not used is
 * logged, without the address. */
static bool has_cert(void *ctx, const char *to)
{
    struct session *s = ctx;
    char bare[320], why[256];
    unbracket(to, bare, sizeof bare);
    X509 *x = NULL;
    enum cert_state st = smime_lookup(s->snap->smime, bare, time(NULL), &x, why, sizeof why);
    if (st == CERT_OK && s->cur < s->nrcpt) {
        X509_free(s->certs[s->cur]);
        s->certs[s->cur] = x;
        return true;
    }
    X509_free(x);
    if (st != CERT_NONE)
        log_msg(LOG_NOTICE, s->qid,
                "smime: recipient %zu of %zu: the certificate on file is not used: %s%s%s; the "
                "next channel",
                s->cur + 1, s->nrcpt, certs_state_name(st), why[0] ? ": " : "", why);
    else if (why[0])
        log_msg(LOG_ERR, s->qid, "smime: %s; the next channel", why);
    return false;
}

static uint64_t monotonic_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000 + (uint64_t)t.tv_nsec / 1000000;
}

/* tls_verified - decide's question (decide.h): does to's domain have
 * verified TLS? (route.h: a first probe is waited for briefly) */
static bool tls_verified(void *ctx, const char *to)
{
    struct session *s = ctx;
    char bare[320];
    unbracket(to, bare, sizeof bare);
    const char *at = strrchr(bare, '@');
    /* one wait a message, however many domains it names */
    uint64_t now = monotonic_ms();
    unsigned left = now < s->tls_until_ms ? (unsigned)(s->tls_until_ms - now) : 0;
    return at && at[1] && route_verified(s->snap->route, at + 1, left);
}

/* eom - the end of an outgoing message: scan, decide, carry out. What is
 * known goes into s->ev and s->d as it is learnt, for record() */
static enum session_rc eom(struct session *s, const struct milter_io *io)
{
    const struct milter_config *c = &s->snap->cfg;
    struct event *e = s->ev;
    const char *data;
    size_t len;
    /* no MAIL FROM since the last reset: libmilter lets RCPT, body and end
     * of message through after an abort (by way of its skippable "unknown"
     * state). Nothing is known to decide on, and "inbound" would be a guess:
     * the error action, never an accept by default */
    if (s->from == NULL)
        return fail(s, io, "end of message without a sender (out of protocol order)");
    if (!s->outgoing) /* an MTA that sent no DATA stage */
        return inbound(s, io);
    e->incomplete = true; /* until the scan says otherwise */
    if (s->failed)
        return fail(s, io, "the message could not be kept (disk full or out of memory)");
    if (spool_over(&s->spool)) {
        log_msg(LOG_NOTICE, s->qid, "outgoing: size %zu over max_message_bytes %zu; action=%s",
                s->spool.total, c->max_message_bytes, decide_action_name(c->oversize_action));
        e->action = e->intended = (uint8_t)c->oversize_action;
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
    e->sensitive = r.sensitive;
    e->confidence = (uint8_t)r.confidence;
    e->incomplete = scan_incomplete(&r);
    e->scan_us = stats.ns / 1000 > UINT32_MAX ? UINT32_MAX : (uint32_t)(stats.ns / 1000);
    /* the rules that found something; notes of what could not be read
     * are no rule (incomplete says it) */
    for (size_t i = 0; i < r.nfindings; i++)
        if (strcmp(r.findings[i].category, "unscannable") != 0)
            event_add_rule(e, r.findings[i].rule, r.findings[i].category);
    char subject[1024], rest[1024];
    header_subject(data, len, subject, sizeof subject);
    struct tags tags;
    tags_read(subject, &tags, rest, sizeof rest);
    struct decide_input in = {s->from,
                              s->scope,
                              r.sensitive,
                              r.confidence,
                              scan_incomplete(&r),
                              r.findings,
                              r.nfindings,
                              tags.tag,
                              s->snap->smime ? has_cert : NULL,
                              s->snap->route ? tls_verified : NULL,
                              s};
    struct decision *d = calloc(s->nrcpt ? s->nrcpt : 1, sizeof *d);
    s->certs = calloc(s->nrcpt ? s->nrcpt : 1, sizeof(X509 *));
    if (d == NULL || s->certs == NULL) {
        free(d);
        detect_result_free(&r);
        return fail(s, io, "out of memory");
    }
    s->d = d; /* freed with the message (session_reset), as certs */
    if (s->snap->route)
        s->tls_until_ms = monotonic_ms() + route_wait_ms(s->snap->route);
    enum action overall = ACTION_PASS, intended = ACTION_PASS;
    enum policy_mode mode = policy_scope_mode(&c->policy, s->scope);
    unsigned internal = 0, external = 0;
    bool refused = false, override = false;
    unsigned no_cert = 0;
    for (size_t i = 0; i < s->nrcpt; i++) {
        s->cur = i;
        decide(&c->policy, &in, s->rcpt[i], &d[i]);
        overall = decide_strictest(overall, d[i].action);
        intended = decide_strictest(intended, d[i].intended);
        mode = d[i].mode;
        internal += d[i].rclass == RCPT_INTERNAL;
        external += d[i].rclass == RCPT_EXTERNAL;
        refused |= d[i].override_refused;
        override |= d[i].override;
        no_cert += d[i].smime_skipped && d[i].intended != ACTION_PASS;
    }
    e->mode = (uint8_t)mode;
    e->action = (uint8_t)overall;
    e->intended = (uint8_t)intended;
    e->tag = (uint8_t)tags.tag;
    e->reason = (uint8_t)(tags.tag == TAG_UNSAFE ? tags.reason : REASON_NONE);
    e->override = override;
    e->override_refused = refused;
    char rules[256] = "";
    for (size_t i = 0, o = 0; i < r.nfindings && o + 50 < sizeof rules; i++) {
        if (strstr(rules, r.findings[i].rule))
            continue;
        o +=
            (size_t)snprintf(rules + o, sizeof rules - o, "%s%s", o ? "," : "", r.findings[i].rule);
    }
    log_msg(LOG_INFO, s->qid,
            "outgoing: verdict=%s confidence=%s findings=%s%s tag=%s%s%s%s recipients=%u "
            "internal, %u external; mode=%s action=%s%s%s size=%zu scan_ms=%.2f cpu_ms=%.2f",
            r.sensitive ? "sensitive" : "clean", pack_confidence_name(r.confidence),
            rules[0] ? rules : "-", in.incomplete ? " (not scanned in full)" : "",
            tags_tag_name(tags.tag), tags.tag == TAG_UNSAFE ? "/" : "",
            tags.tag == TAG_UNSAFE ? tags_reason_name(tags.reason) : "",
            refused ? " (override not allowed for this sender)" : "", internal, external,
            policy_mode_name(mode), decide_action_name(overall),
            overall != intended ? " intended=" : "",
            overall != intended ? decide_action_name(intended) : "", len, (double)stats.ns / 1e6,
            (double)stats.cpu_ns / 1e6);
    if (no_cert > 0)
        log_msg(LOG_INFO, s->qid,
                "smime: no valid certificate on file for %u recipient%s: the "
                "next channel",
                no_cert, no_cert == 1 ? "" : "s");
    struct message_view m = {data, len, &r, d, &tags, rest};
    enum session_rc rc = carry_out(s, io, &m, overall, intended, mode);
    detect_result_free(&r);
    return rc;
}

/* carried - what was done in the end about a recipient (or the message)
 * that was to get a: a temporary failure (a rollback too), a reject and a
 * hold take the whole message; an internal error answered with on_error =
 * pass delivered it as it was */
static enum action carried(const struct session *s, enum session_rc rc, enum action a)
{
    if (rc == SESSION_TEMPFAIL)
        return ACTION_TEMPFAIL;
    if (rc == SESSION_REJECT)
        return ACTION_REJECT;
    if (s->last == ACTION_HOLD)
        return ACTION_HOLD;
    if (s->degraded)
        return ACTION_PASS;
    return a;
}

/* channel_of - the channel that carried a recipient's copy after action a */
static enum event_channel channel_of(const struct session *s, enum action a)
{
    switch (a) {
    case ACTION_SMIME:
        return EVENT_CH_SMIME;
    case ACTION_TLS:
        return EVENT_CH_TLS;
    case ACTION_PORTAL:
        return redirect_external(s->snap->redirect) ? EVENT_CH_EXTERNAL_PORTAL : EVENT_CH_PORTAL;
    default:
        return EVENT_CH_NONE;
    }
}

/* record - the message's event, as carried out (rc), to the recorder: the
 * sender as a pseudonym, each recipient as its class (and an
 * organisation's domain), never an address */
static void record(struct session *s, enum session_rc rc)
{
    const struct policy *p = &s->snap->cfg.policy;
    struct event *e = s->ev;
    event_set_time(e, (int64_t)time(NULL));
    recorder_sender(s->snap->recorder, s->sender, e);
    snprintf(e->dept, sizeof e->dept, "%s", s->scope && s->scope->name ? s->scope->name : "");
    e->size = s->spool.total;
    for (size_t i = 0; i < s->nrcpt; i++) {
        char domain[EVENT_DOMAIN_MAX + 1];
        enum event_class cl = policy_recipient_class(p, s->from, s->rcpt[i], domain, sizeof domain);
        enum action a = s->d ? s->d[i].action : (enum action)e->action;
        enum action want = s->d ? s->d[i].intended : (enum action)e->intended;
        a = carried(s, rc, a);
        event_add_recipient(e, cl, domain, (int)a, (int)want, channel_of(s, a));
    }
    e->action = (uint8_t)carried(s, rc, (enum action)e->action);
    recorder_push(s->snap->recorder, e, s->sender, stdout);
}

enum session_rc session_eom(struct session *s, const struct milter_io *io)
{
    take_qid(s, io);
    s->last = ACTION_PASS;
    memset(s->ev, 0, sizeof *s->ev);
    enum session_rc rc = eom(s, io);
    /* one event per outgoing message; inbound mail leaves none */
    if (s->from != NULL && s->outgoing && s->snap->recorder)
        record(s, rc);
    return rc;
}

void session_abort(struct session *s)
{
    session_reset(s);
}

void session_dry_run(struct session *s)
{
    s->dry_run = true;
}

enum action session_last_action(const struct session *s)
{
    return s->last;
}
