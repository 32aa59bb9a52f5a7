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

/* same_org - to's domain equals from's, or is a subdomain of it */
static bool same_org(const char *from, const char *to)
{
    size_t fl, tl;
    const char *fd = domain_of(from, &fl), *td = domain_of(to, &tl);
    if (fl == 0 || tl == 0)
        return false;
    if (tl == fl)
        return strncasecmp(fd, td, fl) == 0;
    return tl > fl && td[tl - fl - 1] == '.' && strncasecmp(td + tl - fl, fd, fl) == 0;
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
    static const char *const names[] = {"pass", "smime", "tls", "portal"};
    return a <= ACTION_PORTAL ? names[a] : "?";
}
