/*
 * event - what sluis records of one outgoing message: its decision, never
 * its content. No text, no identifier, no name, no attachment file name,
 * no recipient address; the sender only as a keyed hash (pseudo.h), a
 * recipient's domain only when it is an organisation's.
 *
 * The milter fills one per outgoing message at the end of the message and
 * hands it to the writer (writer.h); the store (metrics.h) keeps it; the
 * dashboard and `sluis report` read figures from it (figures.h).
 */
#ifndef SLUIS_EVENT_H
#define SLUIS_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* a recipient's class, as the figures tell them apart */
enum event_class {
    EVENT_INTERNAL, /* one of the organisation's own domains */
    EVENT_PARTNER,  /* a verified partner (the TLS route) */
    EVENT_ORG,      /* another organisation: any domain not a consumer mailbox provider */
    EVENT_CONSUMER, /* a consumer mailbox (gmail.com, hotmail.com, ziggo.nl, ...): no domain kept */
};

/* the channel that carried a recipient group's copy */
enum event_channel {
    EVENT_CH_NONE, /* plain mail (pass), or not delivered (hold, reject, tempfail) */
    EVENT_CH_SMIME,
    EVENT_CH_TLS,             /* the TLS-enforced route */
    EVENT_CH_PORTAL,          /* sluis-portal */
    EVENT_CH_EXTERNAL_PORTAL, /* the organisation's own portal (portal/external.h) */
};

#define EVENT_DOMAIN_MAX 253
#define EVENT_DEPT_MAX   63
#define EVENT_RULES_MAX  16 /* distinct rule ids kept per event (more are counted, not kept) */
#define EVENT_RULE_MAX   63
#define EVENT_CAT_MAX    23
#define EVENT_GROUPS_MAX 32 /* recipient groups per event; more are folded into the last */
#define EVENT_HASH_LEN   64 /* hex of a SHA-256 / HMAC-SHA-256 */

/* recipients of one message with the same class, domain (organisations
 * only) and decision */
struct event_group {
    uint8_t rclass;                    /* enum event_class */
    char domain[EVENT_DOMAIN_MAX + 1]; /* lower case, EVENT_PARTNER and EVENT_ORG only; else "" */
    uint8_t action;                    /* enum action (policy.h): what was done */
    uint8_t intended;                  /* enum action: what enforce mode does */
    uint8_t channel;                   /* enum event_channel */
    uint32_t count;                    /* recipients in the group */
};

struct event_rule {
    char rule[EVENT_RULE_MAX + 1];    /* rule id, e.g. "nl.bsn" */
    char category[EVENT_CAT_MAX + 1]; /* its category, e.g. "identifier" */
};

struct event {
    int64_t time;                    /* unix seconds, end of message */
    char month[8];                   /* "YYYY-MM" of time in the gateway's local time */
    char sender[EVENT_HASH_LEN + 1]; /* pseudo_sender(): hex HMAC of the lower-case address */
    char dept[EVENT_DEPT_MAX + 1];   /* the sender's department; "" the organisation */
    bool sensitive;                  /* the detection verdict */
    uint8_t confidence;              /* enum confidence (rules/detect.h) */
    uint8_t mode;                    /* enum policy_mode of the message */
    uint8_t action;                  /* the message's overall action (strictest over groups) */
    uint8_t intended;                /* what enforce mode would have done */
    uint8_t tag;                     /* enum tag (policy/tags.h) */
    uint8_t reason;                  /* enum tag_reason of an unsafe tag */
    bool override;                   /* an unsafe tag was honoured */
    bool override_refused;           /* an unsafe tag was refused */
    bool incomplete;                 /* not scanned in full */
    uint64_t size;                   /* bytes */
    uint32_t scan_us;                /* scan time, microseconds */
    char fp[EVENT_HASH_LEN + 1];     /* hex SHA-256 of the false-positive token; "" none */
    struct event_rule rules[EVENT_RULES_MAX];
    size_t nrules;
    struct event_group groups[EVENT_GROUPS_MAX];
    size_t ngroups;
};

/* event_add_rule - add a rule id (once: a second call with the same id does
 * nothing); past EVENT_RULES_MAX it is dropped. Ids or categories too long
 * are cut at a character boundary (they are ASCII). */
void event_add_rule(struct event *e, const char *rule, const char *category);

/* event_add_recipient - count one recipient into the group of its class,
 * domain, action, intended and channel (made when new; past
 * EVENT_GROUPS_MAX into the last group). domain is ignored (stored "")
 * for EVENT_INTERNAL and EVENT_CONSUMER. */
void event_add_recipient(struct event *e, enum event_class c, const char *domain, int action,
                         int intended, enum event_channel ch);

/* event_set_time - time and month (local time) */
void event_set_time(struct event *e, int64_t t);

const char *event_class_name(enum event_class c); /* "internal", "partner", "org", "consumer" */
const char *
event_channel_name(enum event_channel c); /* "none", "smime", "tls", "portal", "external" */

/* event_encode, event_decode - one event as one line of text without a
 * newline (the spill file's format: versioned, "E1 " then fields, values
 * percent-encoded); decode returns false on a line it cannot read in full */
bool event_encode(const struct event *e, char *out, size_t outlen);
bool event_decode(const char *line, struct event *e);
#define EVENT_LINE_MAX 8192

#endif
