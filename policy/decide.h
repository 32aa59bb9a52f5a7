/*
 * decide - the decision per recipient.
 *
 * decide_default() is DESIGN.md's default policy without any configuration:
 * the organisation's own domain is the sender's domain (and its
 * subdomains); internal recipients pass; clean mail passes; sensitive mail
 * to an external recipient takes the first protected channel available:
 * S/MIME when a certificate is on file, the TLS route for a verified
 * partner, else the portal. decide() is the same with a configured policy
 * (struct policy): the organisation's domains, the verified partners, and
 * what to do with sensitive mail no channel protects yet (hold, reject,
 * temporary failure) and with mail that could not be scanned in full.
 * Pure functions.
 */
#ifndef SLUIS_DECIDE_H
#define SLUIS_DECIDE_H

#include <stdbool.h>
#include <stddef.h>

enum recipient_class { RCPT_INTERNAL, RCPT_EXTERNAL };
enum action {
    ACTION_PASS,
    ACTION_SMIME,
    ACTION_TLS,
    ACTION_PORTAL,
    ACTION_HOLD,
    ACTION_REJECT,
    ACTION_TEMPFAIL,
};

struct decision {
    enum recipient_class rclass;
    enum action action;
    const char *reason; /* static text */
};

struct policy {
    const char *const *org_domains; /* the organisation's; none: the sender's domain */
    size_t norg;
    const char *const *tls_domains; /* verified partners: the TLS-enforced route */
    size_t ntls;
    enum action sensitive_action;  /* other external recipients of sensitive mail */
    enum action incomplete_action; /* external recipients of mail not scanned in full */
};

/* decide_default - decide for one recipient; from and to are addresses
 * (borrowed, "local@domain"; angle brackets allowed) */
void decide_default(bool sensitive, const char *from, const char *to, struct decision *d);

/* decide - the same under policy p; incomplete: part of the message could
 * not be scanned (a limit, a worker that failed) */
void decide(const struct policy *p, bool sensitive, bool incomplete, const char *from,
            const char *to, struct decision *d);

/* decide_internal - is the address in one of the organisation's domains
 * (or, with none configured, in from's)? */
bool decide_internal(const struct policy *p, const char *from, const char *to);

/* decide_strictest - of two actions, the one that protects more */
enum action decide_strictest(enum action a, enum action b);

const char *decide_class_name(enum recipient_class c);
const char *decide_action_name(enum action a);

/* decide_action_parse - an action by name; false when unknown */
bool decide_action_parse(const char *name, enum action *a);

#endif
