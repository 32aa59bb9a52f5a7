/*
 * external - handing a message to the organisation's own portal, the
 * alternative to sluis's portal store: the portal keeps the message and
 * tells the recipient itself; sluis only accepts the changed message once
 * the hand-off has succeeded.
 *
 * The policy's "portal" key names it:
 *   smtp:ADDRESS                 by mail to the portal's intake ADDRESS,
 *                                through the submission service (Postfix
 *                                queues and retries from there)
 *   smtp:ADDRESS via HOST:PORT   the same, straight to that server
 *   http://HOST[:PORT]/PATH      an HTTP POST of JSON: {"id", "sender",
 *   https://HOST[:PORT]/PATH     "recipients", "expires" (RFC 3339),
 *                                "message" (base64 of the original bytes)}
 * By mail the original goes unchanged, with X-Sluis-Recipients and
 * X-Sluis-Expires on top. Over HTTP an optional bearer token is read from a
 * 0600 file; TLS certificates are verified (against the system's CAs or
 * a given CA file) and redirects are not followed.
 *
 * A hand-off is tried up to three times within 20 seconds while the answer
 * is temporary (no connection, a timeout, SMTP 4xx, HTTP 408, 429, 5xx);
 * a permanent refusal stops at once. The milter turns anything but
 * EXTERNAL_OK into a temporary failure, so nothing is lost. libcurl does
 * HTTP; thread-safe. Errors hold no address, token or content.
 */
#ifndef SLUIS_EXTERNAL_H
#define SLUIS_EXTERNAL_H

#include <stddef.h>
#include <time.h>

#include "../common/smtp.h"
#include "../common/status.h"

enum external_result { EXTERNAL_OK, EXTERNAL_TEMP, EXTERNAL_PERM };

struct external_portal;

/* external_portal_new - from the policy's spec; submission is the
 * submission service (for "smtp:ADDRESS" without "via"); token_file the
 * bearer token's file ("" none); ca_file a CA bundle ("" the system's) */
enum sl_status external_portal_new(const char *spec, const struct smtp_target *submission,
                                   const char *token_file, const char *ca_file,
                                   struct external_portal **out, char *err, size_t errlen);
void external_portal_free(struct external_portal *p);

/* external_portal_tries - change how often and how long (tests) */
void external_portal_tries(struct external_portal *p, unsigned tries, unsigned deadline_ms);

/* external_portal_deliver - hand over msg[0..len) from sender for the n
 * recipients, kept until expires; *tries_out (if not NULL) how many tries */
enum external_result external_portal_deliver(const struct external_portal *p, const char *id,
                                             const char *sender, const char *const *rcpts, size_t n,
                                             time_t expires, const void *msg, size_t len,
                                             unsigned *tries_out, char *err, size_t errlen);

#endif
