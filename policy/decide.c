/*
 * decide - the decision per recipient. See decide.h.
 */
#include "decide.h"

#include <string.h>
#include <strings.h>

bool decide_internal(const struct policy *p, const char *from, const char *to)
{
    if (p->norg > 0)
        return policy_domain_in(p->org_domains, p->norg, to);
    /* no domains configured: the sender's own domain and its subdomains */
    const char *at = from ? strrchr(from, '@') : NULL;
    if (at == NULL)
        return false;
    char dom[256];
    size_t n = strcspn(at + 1, ">");
    if (n == 0 || n >= sizeof dom)
        return false;
    memcpy(dom, at + 1, n);
    dom[n] = '\0';
    char *const one[] = {dom};
    return policy_domain_in(one, 1, to);
}

enum policy_mode decide_mode(const struct policy *p, const struct decide_input *in, bool *below)
{
    const struct policy_scope *scope = in->scope;
    enum policy_mode mode = policy_scope_mode(p, scope);
    if (p->nrules > 0 && in->nfindings > 0) {
        /* the highest mode any finding's rule has; a rule without its own
         * mode has the scope's */
        int ruled = -1;
        for (size_t i = 0; i < in->nfindings; i++) {
            if (strcmp(in->findings[i].category, "unscannable") == 0)
                continue;
            int m = policy_rule_mode(p, in->findings[i].rule);
            if (m < 0)
                m = (int)mode;
            if (m > ruled)
                ruled = m;
        }
        if (ruled >= 0 && ruled < (int)mode)
            mode = (enum policy_mode)ruled;
    }
    *below = false;
    if (!in->sensitive)
        return mode; /* thresholds weigh findings; clean mail keeps its mode */
    while (mode > MODE_MONITOR && (int)in->confidence < policy_scope_threshold(p, scope, mode))
        mode--;
    *below = (int)in->confidence < policy_scope_threshold(p, scope, MODE_MONITOR);
    return mode;
}

/* consumer - is to's domain a consumer mailbox provider's? Their servers
 * verify, but the mailbox is a private person's: never a partner */
static bool consumer(const struct policy *p, const char *to)
{
    const char *at = strrchr(to, '@');
    if (at == NULL)
        return true;
    size_t n = strcspn(at + 1, ">");
    return domain_list_has(&p->consumer, at + 1, n);
}

/* protect - the first channel that works for to, else the fallback */
static enum action protect(const struct policy *p, const struct decide_input *in, const char *to,
                           struct decision *d)
{
    for (size_t i = 0; i < p->nchannels; i++) {
        switch (p->channels[i]) {
        case CHANNEL_SMIME:
            if (in->has_cert && in->has_cert(in->ctx, to)) {
                d->reason = "health data to a recipient with a certificate on file: S/MIME";
                return ACTION_SMIME;
            }
            d->smime_skipped = true;
            break;
        case CHANNEL_TLS:
            if (policy_domain_in(p->partners, p->npartners, to)) {
                d->reason = "health data to a verified partner: TLS-enforced route";
                return ACTION_TLS;
            }
            if (p->tls_auto_partners && in->tls_verified && !consumer(p, to) &&
                in->tls_verified(in->ctx, to)) {
                d->reason = "health data to an organisation whose mail servers verify: "
                            "TLS-enforced route";
                return ACTION_TLS;
            }
            break;
        case CHANNEL_PORTAL:
            d->reason = "health data to an external recipient: through the portal";
            return ACTION_PORTAL;
        }
    }
    d->reason = "health data to an external recipient without a protected channel";
    return p->fallback;
}

void decide(const struct policy *p, const struct decide_input *in, const char *to,
            struct decision *d)
{
    memset(d, 0, sizeof *d);
    bool below = false;
    d->mode = decide_mode(p, in, &below);
    bool sensitive = in->sensitive && !below;
    d->forced = in->tag == TAG_SECURE;
    if (d->forced) {
        sensitive = true;
        d->mode = MODE_ENFORCE; /* the sender asked for protection */
    }
    d->rclass = decide_internal(p, in->from, to) ? RCPT_INTERNAL : RCPT_EXTERNAL;
    d->intended = ACTION_PASS;
    if (d->rclass == RCPT_INTERNAL) {
        d->reason = "internal recipient";
    } else if (sensitive && in->tag == TAG_UNSAFE && !d->forced &&
               policy_scope_overrides(p, in->scope)) {
        d->override = true;
        d->reason = "the sender chose to send unprotected, with a reason";
    } else if (sensitive) {
        d->override_refused = in->tag == TAG_UNSAFE;
        d->intended = protect(p, in, to, d);
        if (d->forced)
            d->reason = "the sender asked for protection";
    } else if (in->incomplete) {
        d->intended = p->incomplete_action;
        d->reason = "part of the message could not be scanned";
    } else {
        d->reason = "no health data found";
    }
    d->action = d->mode == MODE_ENFORCE ? d->intended : ACTION_PASS;
    if (d->action != d->intended)
        d->reason = d->mode == MODE_WARN ? "warn mode: delivered, the sender is told"
                                         : "monitor mode: recorded, delivered unchanged";
}

enum action decide_strictest(enum action a, enum action b)
{
    /* from least to most protective of the content */
    static const int rank[] = {
        [ACTION_PASS] = 0, [ACTION_TLS] = 1,      [ACTION_SMIME] = 2, [ACTION_PORTAL] = 3,
        [ACTION_HOLD] = 4, [ACTION_TEMPFAIL] = 5, [ACTION_REJECT] = 6};
    return rank[a] >= rank[b] ? a : b;
}

const char *decide_class_name(enum recipient_class c)
{
    return c == RCPT_INTERNAL ? "internal" : "external";
}

const char *decide_action_name(enum action a)
{
    static const char *const names[] = {"pass", "smime",  "tls",     "portal",
                                        "hold", "reject", "tempfail"};
    return a <= ACTION_TEMPFAIL ? names[a] : "?";
}

bool decide_action_parse(const char *name, enum action *a)
{
    for (enum action k = ACTION_PASS; k <= ACTION_TEMPFAIL; k++)
        if (strcmp(decide_action_name(k), name) == 0) {
            *a = k;
            return true;
        }
    return false;
}
