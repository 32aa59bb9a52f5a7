/*
 * portal - what every page of sluis-portal shares: the configuration, the
 * store, the ways one-time codes and replies leave, and the page frame.
 *
 * One struct portal lives for the process; the pages read it from many
 * threads and never change it. Pages are one file each group (cgit's
 * ui-*.c): ui-verify.c (the link, a code, verification), ui-message.c
 * (the message, an attachment, a reply, logging out), ui-sender.c (the
 * sender's status page and withdrawal). Nothing here logs a token, a code,
 * an address or content.
 */
#ifndef SLUIS_PORTAL_H
#define SLUIS_PORTAL_H

#include <stdbool.h>
#include <time.h>

#include "../common/smtp.h"
#include "../web/html.h"
#include "../web/http.h"
#include "config.h"
#include "otp.h"
#include "store.h"
#include "strings.h"

struct portal {
    const struct portal_config *cfg;
    struct store *store;
    struct smtp_target submission;
    struct otp_sms *sms; /* NULL: no gateway configured */
    char helo[256];
    struct web_asset logo; /* path NULL: none */
};

/* what a request carries for the pages: the thread of a valid session
 * (loaded by the guard) */
struct portal_req {
    struct store_thread thread;
    bool have_thread;
    char session[STORE_TOKEN_LEN + 1];
};

/* needs beyond the web layer's, checked by the guard (main.c) */
#define NEED_SESSION (WEB_NEED_APP << 0) /* a session for the route's token: else to /p/TOKEN */
#define NEED_CSRF    (WEB_NEED_APP << 1) /* the session's csrf field */

/* the session cookie: __Host- and Secure under https */
const char *portal_cookie_name(const struct portal *p);

/* portal_csrf - the CSRF value of a session (64 hex digits) */
void portal_csrf(const char *session, char out[65]);

/* ---- the page frame (ui.c) ---- */

/* ui_lang - the page language: ?lang=, the lang cookie, Accept-Language,
 * the configured default */
enum lang ui_lang(const struct portal *p, const struct web_request *req);

/* ui_begin - the page up to the start of <main id="page-KIND">: doctype,
 * head (title), skip link, header with organisation, logo and the language
 * switch; ui_end - the rest, with the helpdesk line */
void ui_begin(struct html *h, const struct portal *p, const struct web_request *req,
              struct web_response *res, enum lang l, const char *kind, const char *title);
void ui_end(struct html *h, const struct portal *p, enum lang l);

/* ui_say - the text id in l with "{}" replaced by arg (escaped; NULL: "") */
void ui_say(struct html *h, enum str id, enum lang l, const char *arg);

/* ui_date - t as "6 december 2026, 14:03" in l (local time) */
void ui_date(time_t t, enum lang l, char *out, size_t outlen);

/* ui_simple - a whole page of a title and a text, with status */
enum sl_status ui_simple(struct web_response *res, const struct portal *p,
                         const struct web_request *req, int status, const char *kind,
                         enum str title, enum str text);

/* ui_store_answer - the page for a store answer that is not STORE_FOUND:
 * unknown, expired, withdrawn, locked, too many, or an error (503) */
enum sl_status ui_store_answer(struct web_response *res, const struct portal *p,
                               const struct web_request *req, enum store_fetch f);

/* ui_redirect - 303 to base + token + rest (base and rest the program's own) */
enum sl_status ui_redirect(struct web_response *res, const char *base, const char *token,
                           const char *rest);

/* ui_finish - res's body from h: SL_OK, or h's failure */
enum sl_status ui_finish(struct html *h);

/* the handlers of the route table */
web_handler_fn page_pickup, page_send, page_verify;
web_handler_fn page_message, page_attachment, page_reply, page_logout;
web_handler_fn page_sender, page_revoke;

#endif
