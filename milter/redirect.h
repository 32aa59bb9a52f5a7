/*
 * redirect - what the milter needs besides the MTA to protect a message:
 * the portal (sluis's own store, portal/store.h, or the organisation's
 * own, portal/external.h), the notice templates
 * and the submission path that notices and split-off copies go in by (a
 * loopback Postfix service without the milter, so nothing loops).
 *
 * One redirect belongs to a snapshot and is shared by its connections;
 * every function is thread-safe. Errors go into err without an address,
 * token, code or content.
 */
#ifndef SLUIS_REDIRECT_H
#define SLUIS_REDIRECT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../policy/notice.h"
#include "../portal/store.h"
#include "config.h"

struct redirect;

/* redirect_new - templates (built-in, or the policy's override folder),
 * the submission target and, when the policy's channels hold the built-in
 * portal, the store. */
enum sl_status redirect_new(const struct milter_config *c, struct redirect **out, char *err,
                            size_t errlen);
void redirect_free(struct redirect *r);

/* redirect_keep - the original message data[0..len) into the portal for
 * the n recipients rcpts (each with its verification and, for sms, its
 * phone number; borrowed); pickups[i] is the way in of rcpts[i];
 * sender_token the token of the sender's status page ("" for the
 * organisation's own portal, which has none); *expires until when; id the
 * message's id (32 hex digits), for redirect_withdraw. SL_OK only when it
 * is durably kept: in the built-in store in one transaction, the message
 * and every recipient's pickup, or none of them. The organisation's own
 * portal gets the addresses only: it verifies recipients its own way. */
enum sl_status redirect_keep(struct redirect *r, const struct policy *p, const char *data,
                             size_t len, const char *from, const struct store_rcpt *rcpts, size_t n,
                             struct store_pickup *pickups, char sender_token[STORE_TOKEN_LEN + 1],
                             time_t *expires, char id[33], char *err, size_t errlen);

/* redirect_sent - record that the notice with pickup token's link went
 * out (the sent event on the sender's status page). Nothing to record for
 * the organisation's own portal: SL_OK. */
enum sl_status redirect_sent(struct redirect *r, const char *token, char *err, size_t errlen);

/* redirect_withdraw - take back what redirect_keep kept under id, while
 * none of its pickups has left the process (a redirect rolled back).
 * SL_EINVAL for the organisation's own portal: a hand-off cannot be taken
 * back, so the milter does that last. */
enum sl_status redirect_withdraw(struct redirect *r, const char *id, char *err, size_t errlen);

/* redirect_reject_text - the reply text for rejected mail in lang */
const char *redirect_reject_text(const struct redirect *r, const char *lang);

/* redirect_external - is the portal the organisation's own? It tells
 * the recipient itself: sluis sends no recipient notice and no codes. */
bool redirect_external(const struct redirect *r);

/* redirect_notify - a notice of kind k with vars v (from and to filled in
 * by the caller) submitted with envelope sender env_from ("" for the null
 * sender); SL_OK when the submission service took it. A failed
 * submission's err names the service ("submission HOST:PORT"). */
enum sl_status redirect_notify(struct redirect *r, enum notice_kind k, const struct notice_vars *v,
                               const char *env_from, char *err, size_t errlen);

/* redirect_notice_env_from - the envelope sender of a notice of kind k
 * about a message from sender (bare address), into out. A recipient's
 * notice carries the sender's own address when it is one of the
 * organisation's, else notice_from (from): a bounce for a mistyped address
 * then reaches the staff member, who was told a notice went out. Notices
 * to the sender carry the null sender, so an automatic reply to them
 * (RFC 3834) cannot loop back. */
void redirect_notice_env_from(const struct policy *p, enum notice_kind k, const char *sender,
                              const char *from, char *out, size_t outlen);

/* redirect_copy - the message, with the header line "name: value" on top
 * (name NULL: none), submitted to the n recipients with envelope sender
 * from */
enum sl_status redirect_copy(struct redirect *r, const char *name, const char *value,
                             const char *data, size_t len, const char *from,
                             const char *const *rcpts, size_t n, char *err, size_t errlen);

/* redirect_notice_from - the address notices come from: the policy's
 * notice_from, else beveiligd@ the first organisation domain, else the
 * sender's domain */
void redirect_notice_from(const struct policy *p, const char *sender, char *out, size_t outlen);

#endif
