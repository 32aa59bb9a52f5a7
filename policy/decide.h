/*
 * decide - the decision per recipient, under a policy (policy.h).
 *
 * Internal recipients pass. For an external recipient of sensitive mail
 * the policy's channels are tried in order: S/MIME when a valid
 * certificate is on file (asked of the caller: in->has_cert), the
 * TLS-enforced route for a verified partner (on the partners list, or,
 * with tls_auto_partners, an organisation whose mail servers verified:
 * in->tls_verified), the portal; if none applies, the policy's fallback
 * (hold). Mail that could not be scanned in full gets the policy's incomplete_action for external
 * recipients.
 *
 * Rollout modes: what enforce mode would do is always worked out
 * ("intended"); monitor mode then delivers unchanged, warn mode delivers
 * and has the sender told. A message's mode is its sender's department's
 * (or the organisation's), lowered when every finding comes from rules
 * given a lower mode, and lowered again while the confidence is under the
 * mode's threshold. Subject tags (tags.h): a secure tag protects as if the
 * mail were sensitive, in enforce mode whatever the rollout (the sender
 * asked for it); an unsafe tag with a reason sends unprotected where the
 * sender's scope allows overrides, and is otherwise refused. Protection
 * always wins over an unsafe tag. Pure functions.
 */
#ifndef SLUIS_DECIDE_H
#define SLUIS_DECIDE_H

#include <stdbool.h>
#include <stddef.h>

#include "../rules/detect.h"
#include "policy.h"
#include "tags.h"

enum recipient_class { RCPT_INTERNAL, RCPT_EXTERNAL };

/* what is known of the message, for every recipient the same */
struct decide_input {
    const char *from;                 /* the envelope sender, borrowed */
    const struct policy_scope *scope; /* policy_scope_of(p, from), looked up once per message */
    bool sensitive;                   /* the detection verdict */
    enum confidence confidence;
    bool incomplete;                /* part of the message could not be scanned */
    const struct finding *findings; /* borrowed; their rule ids pick rule modes */
    size_t nfindings;
    enum tag tag; /* from the subject */
    /* has_cert - is a valid certificate on file for to? NULL: no store,
     * the S/MIME step is skipped. Asked only when S/MIME is the step. */
    bool (*has_cert)(void *ctx, const char *to);
    /* tls_verified - does to's domain have verified TLS (for the policy's
     * tls_auto_partners)? NULL: not known. Asked only for an organisation
     * (not a consumer mailbox) when the TLS route is the step. */
    bool (*tls_verified)(void *ctx, const char *to);
    void *ctx; /* of both */
};

struct decision {
    enum recipient_class rclass;
    enum action action;    /* what is done for this recipient */
    enum action intended;  /* what enforce mode does: differs in monitor and warn mode */
    enum policy_mode mode; /* the message's mode */
    bool forced;           /* a secure tag made it protected */
    bool override;         /* an unsafe tag was honoured: sent unprotected */
    bool override_refused; /* an unsafe tag the sender's scope does not allow */
    bool smime_skipped;    /* S/MIME came first, but no valid certificate is on file */
    const char *reason;    /* static text */
};

/* decide - the decision for recipient to (an address, angle brackets
 * allowed) of a message described by in, under p */
void decide(const struct policy *p, const struct decide_input *in, const char *to,
            struct decision *d);

/* decide_mode - the message's mode (see above); *below is set when the
 * confidence is under even the monitor threshold (the mail counts as clean) */
enum policy_mode decide_mode(const struct policy *p, const struct decide_input *in, bool *below);

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
