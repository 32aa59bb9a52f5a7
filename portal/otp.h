/*
 * otp - sending a one-time code to a recipient who opens a portal link:
 * by e-mail through the submission service (common/smtp.h), or by text
 * message through an HTTP gateway.
 *
 * The code mail is short, in Dutch, English or French: the code, that it
 * is good for STORE_OTP_SECONDS / 60 minutes, to ignore the mail if one
 * did not ask for it, and the organisation's name. Nothing of the message
 * itself, nor its sender. It carries "Auto-Submitted: auto-generated"
 * (RFC 3834) so that no auto-responder answers it.
 *
 * The SMS gateway gets an HTTP POST (http or https; certificates verified,
 * redirects not followed) of JSON {"to": "+31612345678", "text": "..."}
 * with "Authorization: Bearer TOKEN" when a token file is configured (a
 * 0600 file of one printable line, read once by otp_sms_new). The whole
 * request is bounded by 10 seconds; a 2xx answer is OTP_SENT; no
 * connection, a timeout, 408, 429 and 5xx are OTP_TEMP; anything else
 * OTP_PERM.
 *
 * Error texts say which step failed and the server's status, never the
 * code, the address, the phone number or the token. Thread-safe (one
 * libcurl handle per call; libcurl's global set-up is done by
 * otp_sms_new and smtp_target_parse, before threads start).
 */
#ifndef SLUIS_OTP_H
#define SLUIS_OTP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../common/buf.h"
#include "../common/smtp.h"
#include "../common/status.h"

#define OTP_SMS_TIMEOUT_MS 10000

enum otp_result {
    OTP_SENT, /* the server took it */
    OTP_TEMP, /* try again later */
    OTP_PERM, /* refused; trying again will not help */
};

/* otp_result_name - "sent", "temporary failure" or "refused" */
const char *otp_result_name(enum otp_result r);

/* how code mails go out (all borrowed) */
struct otp_mail {
    const struct smtp_target *submission;
    const char *helo;         /* the name to greet with (NULL: "localhost") */
    const char *from;         /* From and envelope sender: a plain address */
    const char *organisation; /* named in the mail (NULL or "": none) */
};

/* otp_mail_build - append the code mail for to with code (digits) in
 * language ("nl", "en", "fr"; other: nl) to out; date 0 is now. SL_EINVAL
 * when an address is not a plain address or the code not 4 to 12 digits
 * (err says which, without the value). */
enum sl_status otp_mail_build(const struct otp_mail *m, const char *to, const char *code,
                              const char *language, time_t date, struct buf *out, char *err,
                              size_t errlen);

/* otp_mail_send - build the code mail and submit it */
enum otp_result otp_mail_send(const struct otp_mail *m, const char *to, const char *code,
                              const char *language, char *err, size_t errlen);

/* the SMS gateway: an opaque handle, read-only once made */
struct otp_sms;

/* otp_sms_new - a gateway at url (http:// or https://) with the bearer
 * token in token_file (NULL or "": no Authorization header). The token
 * file must be a regular file only its owner can read, of one line of
 * printable ASCII. SL_EPARSE / SL_EIO with the reason in err. */
enum sl_status otp_sms_new(const char *url, const char *token_file, struct otp_sms **out, char *err,
                           size_t errlen);
void otp_sms_free(struct otp_sms *g);

/* otp_sms_timeout - bound the request by timeout_ms instead (tests) */
void otp_sms_timeout(struct otp_sms *g, unsigned timeout_ms);

/* otp_sms_text - append the text message for code in language, naming
 * organisation (NULL or "": none), to out */
enum sl_status otp_sms_text(const char *code, const char *language, const char *organisation,
                            struct buf *out);

/* otp_sms_send - text code to phone (E.164: '+' and 8 to 15 digits) */
enum otp_result otp_sms_send(const struct otp_sms *g, const char *phone, const char *code,
                             const char *language, const char *organisation, char *err,
                             size_t errlen);

/* otp_phone_ok - is phone an E.164 number: '+', then 8 to 15 digits, the
 * first not 0 */
bool otp_phone_ok(const char *phone);

#endif
