/*
 * policy - the organisation's agreements, written once by its privacy
 * officer: which domains are its own, which partners have a verified TLS
 * route, the order of protected channels, departments and their rollout
 * mode (monitor, warn, enforce), confidence thresholds, whether a sender
 * may send unprotected with a reason, and the notice settings.
 *
 * A policy is loaded from a file of "key = value" lines (common/kv.h) over
 * embedded defaults (DESIGN.md), with "[department NAME]" and "[rule ID]"
 * sections; man 5 sluis-policy.conf describes every key. Keys of the
 * organisation may also stand in sluis-milter.conf (policy_set()). Once
 * loaded a policy is read-only and may be shared by threads; policy_free()
 * releases it.
 */
#ifndef SLUIS_POLICY_H
#define SLUIS_POLICY_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/domains.h"
#include "../common/status.h"
#include "../rules/pack.h"
#include "../store/event.h"

enum action {
    ACTION_PASS,
    ACTION_SMIME,
    ACTION_TLS,
    ACTION_PORTAL,
    ACTION_HOLD,
    ACTION_REJECT,
    ACTION_TEMPFAIL,
};

/* rollout modes, from least to most intervention (the order matters) */
enum policy_mode { MODE_MONITOR, MODE_WARN, MODE_ENFORCE };
#define POLICY_NMODES 3

enum channel { CHANNEL_SMIME, CHANNEL_TLS, CHANNEL_PORTAL };
#define POLICY_MAX_CHANNELS 3

/* how a portal recipient proves to be the one a link was meant for */
enum policy_verify {
    POLICY_VERIFY_CODE,  /* the access code the sender relays by phone */
    POLICY_VERIFY_EMAIL, /* a one-time code the portal mails to the recipient's address */
    POLICY_VERIFY_SMS,   /* a one-time code the portal texts to the recipient's phone */
};
#define POLICY_NVERIFY 3

/* the longest E.164 number: '+' and 15 digits */
#define POLICY_PHONE_MAX 16

/* a scope: the organisation, or one department over it. -1 (or NULL)
 * inherits the organisation's value. */
struct policy_scope {
    char *name;                   /* department; NULL for the organisation */
    int mode;                     /* enum policy_mode */
    int threshold[POLICY_NMODES]; /* enum confidence: the lowest a mode acts on */
    int overrides;                /* 1: "[onveilig: reden]" honoured, 0: not */
    char *language;               /* of notices: nl, en, fr */
    int verify;                   /* enum policy_verify of its portal recipients */
};

/* members of departments: an address, "@domain" (and its subdomains) or a
 * local-part pattern with '*' ("ggz-*@zorg.nl") */
struct policy_member {
    char *pattern;
    size_t dept; /* index into depts */
};

/* a rule's own mode, for a rule id or a prefix ending in '.' or '*' */
struct policy_rule {
    char *rule;
    enum policy_mode mode;
};

/* a recipient's mobile number (phones_file), for verification by sms */
struct policy_phone {
    char *address;                    /* lower case */
    char phone[POLICY_PHONE_MAX + 1]; /* E.164: "+31612345678" */
    size_t order;                     /* the entry's position in its file (for errors) */
};

struct policy {
    char *organisation; /* its name in notices */
    char **org_domains; /* none: the sender's own domain is internal */
    size_t norg;
    char **partners; /* verified partners: the TLS-enforced route */
    size_t npartners;
    enum channel channels[POLICY_MAX_CHANNELS]; /* in order of preference */
    size_t nchannels;
    enum action fallback;          /* sensitive mail no channel protects: hold */
    enum action incomplete_action; /* external recipients of mail not scanned in full */
    struct policy_scope org;
    struct policy_scope *depts;
    size_t ndepts;
    struct policy_member *members;
    size_t nmembers;
    struct policy_rule *rules;
    size_t nrules;
    struct policy_phone *phones; /* sorted by address */
    size_t nphones;
    /* notices and the portal */
    char *notice_from; /* "" : beveiligd@ the first organisation domain */
    char *helpdesk;
    char *report_url;
    char *templates;  /* an override folder for notice templates; "" none */
    char *portal;     /* "builtin", or an external portal (portal/external.h) */
    char *portal_url; /* the pickup link's base; the token is appended */
    unsigned expiry_days;
    char *fp_url; /* the false-positive link's base (the dashboard's /fp/); "" none */
    /* consumer mailbox providers (consumer_domains_file, else the shipped
     * list): "gmail.com", or "gmx.*" for any ending */
    struct domain_list consumer;
    bool consumer_read; /* a list was read (else policy_finish reads the shipped one) */
    /* an organisation whose mail servers verified TLS (route/) counts as a
     * partner, beside the partners list */
    int tls_auto_partners;
};

/* policy_defaults - the embedded defaults into p (free with policy_free) */
enum sl_status policy_defaults(struct policy *p);

/* policy_set - one key of the organisation ("mode", "partners", ...) as
 * it may stand in sluis-milter.conf. SL_EPARSE with the reason in err for
 * an unknown key or a bad value. */
enum sl_status policy_set(struct policy *p, const char *key, const char *value, char *err,
                          size_t errlen);

/* policy_is_key - is key one of the organisation's policy keys? */
bool policy_is_key(const char *key);

/* policy_load_file - the file at path over p (as it stands: defaults, or
 * keys set before). Errors name "path:line". Files named by the policy
 * (partners_file, departments_file, phones_file) are read relative to
 * path's folder. An error about a line of phones_file names neither the
 * address nor the number on it (a reload's error goes to the log). */
enum sl_status policy_load_file(struct policy *p, const char *path, char *err, size_t errlen);

/* policy_finish - checks that need every key (a department without
 * members, channels that cannot work); call after the last policy_set /
 * policy_load_file */
enum sl_status policy_finish(struct policy *p, char *err, size_t errlen);

void policy_free(struct policy *p);

/* policy_scope_of - the department of a sender (NULL: the organisation's
 * own settings apply). Borrowed from p. */
const struct policy_scope *policy_scope_of(const struct policy *p, const char *sender);

/* policy_mode_of - a value of the scope or, where it inherits, of the
 * organisation */
enum policy_mode policy_scope_mode(const struct policy *p, const struct policy_scope *s);
int policy_scope_threshold(const struct policy *p, const struct policy_scope *s,
                           enum policy_mode m);
bool policy_scope_overrides(const struct policy *p, const struct policy_scope *s);
const char *policy_scope_language(const struct policy *p, const struct policy_scope *s);

enum policy_verify policy_scope_verify(const struct policy *p, const struct policy_scope *s);

/* how one portal recipient gets in */
struct policy_way_in {
    enum policy_verify verify;
    const char *phone; /* E.164, borrowed from p: for POLICY_VERIFY_SMS, else NULL */
    bool no_phone;     /* sms was chosen but phones_file has no number for the
                          recipient: verify is POLICY_VERIFY_CODE instead */
};

/* policy_way_in - how recipient (bare or in angle brackets) verifies when
 * a sender of scope s (policy_scope_of, NULL: the organisation) sends it
 * a message through the portal: the scope's verification, with the
 * recipient's phone number for sms. sms without a number falls back to
 * code (out->no_phone says so), so that nobody is left without a way in. */
void policy_way_in(const struct policy *p, const struct policy_scope *s, const char *recipient,
                   struct policy_way_in *out);

/* policy_phone_of - the phone number phones_file gives for address (bare
 * or in angle brackets, any case), borrowed from p; NULL when none */
const char *policy_phone_of(const struct policy *p, const char *address);

/* policy_verify_name - "code", "email", "sms" */
const char *policy_verify_name(enum policy_verify v);

/* policy_rule_mode - the mode a rule is given, or -1 when none */
int policy_rule_mode(const struct policy *p, const char *rule);

const char *policy_mode_name(enum policy_mode m);
const char *policy_channel_name(enum channel c);

/* policy_consumer_file - the shipped list of consumer mail domains, read
 * by policy_finish when consumer_domains_file is not set */
const char *policy_consumer_file(void);

/* policy_recipient_class - the class of recipient to (an address, angle
 * brackets allowed) of mail from from, as the metrics count it: internal
 * (decide_internal), partner (in partners), consumer mailbox (in the
 * consumer list), else another organisation. For partner and org the
 * lower-case domain goes into domain (domainlen >= EVENT_DOMAIN_MAX + 1
 * holds any), else "" there. */
enum event_class policy_recipient_class(const struct policy *p, const char *from, const char *to,
                                        char *domain, size_t domainlen);

/* policy_domain_in - is addr's domain one of list's, or a subdomain? */
bool policy_domain_in(char *const *list, size_t n, const char *addr);

#endif
