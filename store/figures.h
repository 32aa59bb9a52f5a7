/*
 * figures - what the dashboard and `sluis report` show, read from the
 * store (metrics.h). One definition of every figure, used by both, so the
 * page and the command line can never disagree.
 *
 * Unit: a message (an event). "External" messages have at least one
 * recipient group not EVENT_INTERNAL. Of the external messages that are
 * sensitive, each gets exactly one outcome, from its external groups:
 *   held / rejected / tempfail   the message's action is that;
 *   unprotected                  some external group got ACTION_PASS:
 *                                  by_override (an honoured unsafe tag; per reason),
 *                                  by_monitor (mode monitor), by_warn (mode warn),
 *                                  other (below the mode's threshold, or a rule in a lower mode);
 *   protected                    otherwise; its channel is that of its first protected
 *                                external group (smime, tls, portal, external portal).
 * So protected + unprotected + held + rejected + tempfail = sensitive.
 * The protected share is protected / sensitive (0 when sensitive is 0).
 * incomplete counts external messages not scanned in full (they overlap the above).
 */
#ifndef SLUIS_FIGURES_H
#define SLUIS_FIGURES_H

#include <stddef.h>
#include <stdint.h>

#include "../common/status.h"
#include "event.h"
#include "metrics.h"
#include "pseudo.h"

#define FIG_REASONS  6 /* enum tag_reason */
#define FIG_CHANNELS 5 /* enum event_channel; [EVENT_CH_NONE] unused */

struct fig_counts {
    uint64_t outgoing;  /* every outgoing message */
    uint64_t external;  /* with an external recipient */
    uint64_t sensitive; /* external and sensitive */
    uint64_t protected_;
    uint64_t channel[FIG_CHANNELS]; /* protected, by channel */
    uint64_t unprotected;
    uint64_t by_monitor, by_warn, by_override, by_other;
    uint64_t override_reason[FIG_REASONS]; /* by_override by enum tag_reason */
    uint64_t override_refused;             /* external messages with a refused unsafe tag */
    uint64_t held, rejected, tempfail;
    uint64_t incomplete;
};

/* share - protected / sensitive as a fraction 0..1 (0 when sensitive is 0) */
double fig_share(const struct fig_counts *c);

struct fig_dept {
    char dept[EVENT_DEPT_MAX + 1]; /* "" the organisation (no department) */
    struct fig_counts c;
};

/* a recipient domain that got sensitive mail without a verified channel
 * (S/MIME or the TLS route): a candidate for a partner agreement */
struct fig_domain {
    char domain[EVENT_DOMAIN_MAX + 1];
    uint64_t messages;    /* sensitive messages with a group of this domain */
    uint64_t unverified;  /* of them, not over S/MIME or TLS */
    uint64_t unprotected; /* of them, sent plain */
};

struct fig_rule {
    char rule[EVENT_RULE_MAX + 1];
    char category[EVENT_CAT_MAX + 1];
    uint64_t fired;   /* events with this rule */
    uint64_t reports; /* false-positive reports against it (figures_set_reports) */
};

struct fig_timing {
    uint64_t n;
    uint32_t p50_us, p95_us, p99_us, max_us;
    uint64_t bytes; /* total size scanned */
};

/* a sender with sensitive external mail sent unprotected in the month */
struct fig_sender {
    char hash[EVENT_HASH_LEN + 1];
    char dept[EVENT_DEPT_MAX + 1];
    unsigned label;       /* stable per month and department: 1, 2, ... (pseudo_label_key order) */
    uint64_t sensitive;   /* their external sensitive messages */
    uint64_t unprotected; /* of them sent plain */
};

struct fig_month {
    char month[8];                 /* "YYYY-MM" */
    char dept[EVENT_DEPT_MAX + 1]; /* the filter: "" all departments */
    struct fig_counts all;
    struct fig_dept *depts; /* every department seen in the month, sorted by name */
    size_t ndepts;
    struct fig_domain *domains; /* unverified >= 1, most unverified first, at most 25 */
    size_t ndomains;
    struct fig_rule *rules; /* by fired, most first, at most 25 */
    size_t nrules;
    struct fig_timing timing;
    struct fig_sender *senders; /* unprotected >= 1, most first, at most 50; labels need the key */
    size_t nsenders;
};

/* figures_month - the month's figures, for all departments (dept NULL or "")
 * or one. key: for sender labels (NULL: labels 0). */
enum sl_status figures_month(struct metrics *m, const char *month, const char *dept,
                             const struct pseudo_key *key, struct fig_month *out, char *err,
                             size_t errlen);
void figures_month_free(struct fig_month *f);

/* a point of the trend */
struct fig_point {
    char month[8];
    struct fig_counts c;
};

/* figures_trend - n months ending with last ("YYYY-MM"), oldest first,
 * every month present (zero counts where there were no events); dept as above */
enum sl_status figures_trend(struct metrics *m, const char *last, unsigned n, const char *dept,
                             struct fig_point *out, char *err, size_t errlen);

/* figures_months - the months that have events, newest first (at most cap) */
enum sl_status figures_months(struct metrics *m, char (*out)[8], size_t cap, size_t *n);

/* figures_depts - every department that has events, sorted (at most cap) */
enum sl_status figures_depts(struct metrics *m, char (*out)[EVENT_DEPT_MAX + 1], size_t cap,
                             size_t *n);

/* figures_event_rules - the rules of the event whose fp hash is fp (for a
 * false-positive report), in byte order of their ids, the first cap of
 * them; SL_ENOENT when none */
enum sl_status figures_event_rules(struct metrics *m, const char *fp, struct event_rule *out,
                                   size_t cap, size_t *n, char *month, size_t monthlen);

/* figures_set_reports - fill rules[].reports from a lookup the caller has
 * (the dashboard's own table): reports(rule, month) */
void figures_set_reports(struct fig_month *f,
                         uint64_t (*reports)(void *ctx, const char *rule, const char *month),
                         void *ctx);

/* figures_csv, figures_json - the month as `sluis report` prints it and the
 * dashboard exports it (one definition of the columns) */
struct buf;
enum sl_status figures_csv(const struct fig_month *f, struct buf *out);
enum sl_status figures_json(const struct fig_month *f, struct buf *out);

#endif
