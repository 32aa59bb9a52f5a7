/*
 * decide - the default decision per recipient. See decide.h.
 */
#include "decide.h"

#include <string.h>
#include <strings.h>

/* domain_of - the domain of an address, without a trailing '>' */
static const char *domain_of(const char *addr, size_t *len)
{
    const char *at = strrchr(addr, '@');
    if (at == NULL) {
        *len = 0;
        return "";
    }
    at++;
    *len = strcspn(at, ">");
    return at;
}

/* in_domain - td[0..tl) equals d[0..dl) or is a subdomain of it */
static bool in_domain(const char *td, size_t tl, const char *d, size_t dl)
{
    if (dl == 0 || tl == 0)
        return false;
    if (tl == dl)
        return strncasecmp(d, td, dl) == 0;
    return tl > dl && td[tl - dl - 1] == '.' && strncasecmp(td + tl - dl, d, dl) == 0;
}

/* same_org - to's domain equals from's, or is a subdomain of it */
static bool same_org(const char *from, const char *to)
{
    size_t fl, tl;
    const char *fd = domain_of(from, &fl), *td = domain_of(to, &tl);
    return in_domain(td, tl, fd, fl);
}

static bool in_list(const char *const *list, size_t n, const char *addr)
{
    size_t tl;
    const char *td = domain_of(addr, &tl);
    for (size_t i = 0; i < n; i++)
        if (in_domain(td, tl, list[i], strlen(list[i])))
            return true;
    return false;
}

bool decide_internal(const struct policy *p, const char *from, const char *to)
{
    if (p->norg == 0)
        return from && same_org(from, to);
    return in_list(p->org_domains, p->norg, to);
}

void decide(const struct policy *p, bool sensitive, bool incomplete, const char *from,
            const char *to, struct decision *d)
{
    d->rclass = decide_internal(p, from, to) ? RCPT_INTERNAL : RCPT_EXTERNAL;
    if (d->rclass == RCPT_INTERNAL) {
        d->action = ACTION_PASS;
        d->reason = "internal recipient";
    } else if (sensitive && in_list(p->tls_domains, p->ntls, to)) {
        d->action = ACTION_TLS;
        d->reason = "health data to a verified partner: TLS-enforced route";
    } else if (sensitive) {
        d->action = p->sensitive_action;
        d->reason = "health data to an external recipient without a protected channel";
    } else if (incomplete) {
        d->action = p->incomplete_action;
        d->reason = "part of the message could not be scanned";
    } else {
        d->action = ACTION_PASS;
        d->reason = "no health data found";
    }
}

enum action decide_strictest(enum action a, enum action b)
{
    /* from least to most protective of the content */
    static const int rank[] = {
        [ACTION_PASS] = 0, [ACTION_TLS] = 1,      [ACTION_SMIME] = 2, [ACTION_PORTAL] = 3,
        [ACTION_HOLD] = 4, [ACTION_TEMPFAIL] = 5, [ACTION_REJECT] = 6};
    return rank[a] >= rank[b] ? a : b;
}

void decide_default(bool sensitive, const char *from, const char *to, struct decision *d)
{
    d->rclass = from && same_org(from, to) ? RCPT_INTERNAL : RCPT_EXTERNAL;
    if (d->rclass == RCPT_INTERNAL) {
        d->action = ACTION_PASS;
        d->reason = "internal recipient";
    } else if (!sensitive) {
        d->action = ACTION_PASS;
        d->reason = "no health data found";
    } else {
        d->action = ACTION_PORTAL;
        d->reason = "external recipient without certificate or verified secure route";
    }
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
