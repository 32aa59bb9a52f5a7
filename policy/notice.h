/*
 * notice - the messages sluis sends instead of, or about, a message: to
 * the recipient of a portal redirect (no health data: who sent it, the
 * pickup link, how to verify, until when), and to the sender (what was
 * found, masked; what happened for whom; the access codes to relay by
 * phone; what to do next time; how to report a false positive) when mail
 * is redirected, held, rejected or, in warn mode, let through.
 *
 * Templates are files, policy/templates/LANG/KIND.txt and KIND.html
 * (nl, en, fr), and LANG/reject.reply, the one line a rejected sender's
 * mail program shows; an organisation's folder may replace any of them. A .txt
 * begins with "Subject: ..." and an empty line. In both, "{{name}}" is a
 * value and "{{#name}}...{{/name}}" repeats for each item of a list
 * (findings, recipients) or shows once when a value is not empty. Every
 * template is checked when loaded: an unknown name or an unclosed block is
 * an error naming file and line. Values are HTML-escaped in .html.
 *
 * A finding shows as {{category}} and {{detail}}: the category in plain
 * words and the rule's plain name ("gezondheid: diagnose"); for an
 * identifier the identifier's name and its masked digits ("BSN:
 * 1234***82"), for a date of birth its name alone. Never the words that
 * were found. {{masked}} is the same as {{detail}}, for templates written
 * before. Each (category, rule) is listed once, however often it was found.
 * {{found}} is set when something was found, {{on_request}} when nothing
 * was but the sender asked for protection with a subject tag.
 *
 * How a portal recipient gets in: in the recipient's notice the blocks
 * {{verify_code}} (the sender relays an access code), {{verify_email}} (a
 * one-time code to this address) and {{verify_sms}} (a one-time code by
 * text message) tell how to open the link; in the sender's redirect
 * notice the same names stand per recipient, beside {{code}} (shown for
 * code only) and {{no_phone}} (sms was chosen, no number is known: a code
 * instead). {{codes}} is set when a recipient has a code to relay,
 * {{codes_sent}} when one gets a code from the portal; {{status_link}} is
 * the sender's status page. {{fp_link}} is the sender's link to report a
 * false positive ("this was not health data"): the policy's fp_url and a
 * token of the message, set only when there is an event to report against. A phone number shows
 * only as {{phone_end}}, its last three digits: the renderer never writes the number itself.
 *
 * There is no way to hand the renderer message text: it takes categories,
 * rule ids, masked values, addresses and the organisation's settings
 * only. A loaded set is read-only and may be shared by threads.
 */
#ifndef SLUIS_NOTICE_H
#define SLUIS_NOTICE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../common/buf.h"
#include "../common/status.h"

enum notice_kind {
    NOTICE_RECIPIENT, /* to a recipient: the message waits in the portal */
    NOTICE_REDIRECT,  /* to the sender: redirected to the portal (or protected otherwise) */
    NOTICE_WARN,      /* to the sender, warn mode: delivered, should have been protected */
    NOTICE_HOLD,      /* to the sender: held for review */
    NOTICE_REJECT,    /* to the sender: not sent */
};
#define NOTICE_KINDS 5

struct notice_finding {
    const char *category; /* "health", "national_id", ... */
    const char *rule;     /* its rule id: "health.diagnosis", "nl.bsn" */
    const char *masked;   /* already masked: "1234*****82"; shown for identifiers only */
};

struct notice_recipient {
    const char *address;
    const char *action; /* "portal", "tls", "smime", "pass", "hold", "reject" */
    const char *code;   /* the access code to relay, or NULL */
    const char *verify; /* a portal recipient's way in: "code", "email", "sms"; else NULL */
    const char *phone;  /* for "sms": the number (E.164); shown as its last three digits */
    bool no_phone;      /* sms was chosen but no number is known: "code" instead */
};

struct notice_vars {
    const char *lang;         /* nl, en, fr; anything else: nl */
    const char *organisation; /* its name */
    const char *from;         /* the notice's sender address */
    const char *to;           /* the notice's recipient */
    const char *sender;       /* the staff member whose message it is about */
    const char *link;         /* the pickup link (recipient notice) */
    time_t expires;           /* until when the portal keeps it */
    const char *helpdesk;
    const char *report_url;
    const char *reason; /* hold or reject: why, in plain words */
    const struct notice_finding *findings;
    size_t nfindings;
    const struct notice_recipient *recipients;
    size_t nrecipients;
    bool requested; /* the sender asked for protection with a subject tag */
    /* the portal */
    const char *status_link; /* the sender's status page (redirect notice), or NULL */
    const char *fp_link;     /* the sender's "this was not health data" link, or NULL */
    const char *verify;      /* recipient notice: "code" (also NULL), "email", "sms" */
    const char *phone;       /* recipient notice, "sms": the number; shown only as its
                                last three digits */
};

struct notice_templates;

/* notice_templates_load - every kind in every language from dir (the
 * built-in templates), each replaced by override/LANG/FILE when that
 * exists (override NULL or "": none). Errors name file and line. */
enum sl_status notice_templates_load(const char *dir, const char *override,
                                     struct notice_templates **out, char *err, size_t errlen);

void notice_templates_free(struct notice_templates *t);

/* notice_render - a complete message (RFC 5322, MIME multipart/alternative
 * of text/plain and text/html in UTF-8, quoted-printable, CRLF line ends)
 * into out (reset first). Headers: From, To, Subject (RFC 2047 when not
 * ASCII), Date, Message-ID, Auto-Submitted: auto-generated (RFC 3834),
 * X-Sluis-Notice: KIND, Content-Language. */
enum sl_status notice_render(const struct notice_templates *t, enum notice_kind k,
                             const struct notice_vars *v, struct buf *out, char *err,
                             size_t errlen);

/* notice_reply - the text of a 5xx reply for rejected mail in lang
 * (LANG/reject.reply: one line of printable ASCII); borrowed from t */
const char *notice_reply(const struct notice_templates *t, const char *lang);

/* why a message is held or rejected, for the notice's {{reason}} */
enum notice_reason { NOTICE_WHY_NO_CHANNEL, NOTICE_WHY_NOT_SCANNED };

/* notice_reason_text - the reason in plain words in lang */
const char *notice_reason_text(enum notice_reason r, const char *lang);

/* notice_category_label - a category in plain words ("gezondheid") */
const char *notice_category_label(const char *category, const char *lang);

/* notice_rule_name - a shipped rule's plain name in lang ("diagnose",
 * "BSN"); NULL for a rule id it does not know (a notice then shows the
 * category) */
const char *notice_rule_name(const char *rule, const char *lang);

const char *notice_kind_name(enum notice_kind k);

#endif
