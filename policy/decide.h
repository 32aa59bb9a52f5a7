/*
 * decide - the decision per recipient, with the embedded defaults.
 *
 * This is the default policy of DESIGN.md without a policy file: the
 * organisation's own domain is the sender's domain (and its subdomains);
 * internal recipients pass; clean mail passes; sensitive mail to an external
 * recipient takes the first protected channel available: S/MIME when a
 * certificate is on file, the TLS route for a verified partner, else the
 * portal. No certificates or partners are known without a policy file, so
 * the default for sensitive external mail is the portal. Pure functions.
 */
#ifndef SLUIS_DECIDE_H
#define SLUIS_DECIDE_H

#include <stdbool.h>

enum recipient_class { RCPT_INTERNAL, RCPT_EXTERNAL };
enum action { ACTION_PASS, ACTION_SMIME, ACTION_TLS, ACTION_PORTAL };

struct decision {
    enum recipient_class rclass;
    enum action action;
    const char *reason; /* static text */
};

/* decide_default - decide for one recipient; from and to are addresses
 * (borrowed, "local@domain"; angle brackets allowed) */
void decide_default(bool sensitive, const char *from, const char *to, struct decision *d);

const char *decide_class_name(enum recipient_class c);
const char *decide_action_name(enum action a);

#endif
