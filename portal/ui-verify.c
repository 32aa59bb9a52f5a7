/*
 * ui-verify - the page a notice's link opens: who sent a secure message,
 * until when it can be read, and the proof asked of the reader before it
 * opens (the access code from the sender, or a one-time code the portal
 * sends by e-mail or text message). See portal.h.
 */
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "../milter/log.h"
#include "portal.h"

/* verify_page - the verification page for info, with an error (id
 * S_COUNT: none; n the number in it, or -1) */
static enum sl_status verify_page(struct web_response *res, const struct portal *p,
                                  const struct web_request *req, const struct store_info *info,
                                  int status, enum str error, int n)
{
    enum lang l = ui_lang(p, req);
    struct html h = HTML_INIT(&res->body);
    const char *token = req->param[0];
    char when[64];
    res->status = status;
    ui_begin(&h, p, req, res, l, "verify", str(S_SECURE_MESSAGE, l));
    HTML_LIT(&h, "<h1><img class=\"icon\" src=\"/p/static/icon.svg\" alt=\"\">");
    html_str(&h, str(S_SECURE_MESSAGE, l));
    HTML_LIT(&h, "</h1>\n<p>");
    ui_say(&h, S_FROM_ORG, l, info->sender);
    HTML_LIT(&h, "</p>\n<p>");
    ui_date(info->expires, l, when, sizeof when);
    ui_say(&h, S_AVAILABLE_UNTIL, l, when);
    HTML_LIT(&h, "</p>\n");
    if (error != S_COUNT) {
        char num[16];
        snprintf(num, sizeof num, "%d", n);
        HTML_LIT(&h, "<p id=\"error\" role=\"alert\">");
        ui_say(&h, error, l, num);
        HTML_LIT(&h, "</p>\n");
    }
    bool otp = info->verify != STORE_VERIFY_CODE;
    const char *sent = web_query(req, "sent", NULL);
    bool code_out = !otp || info->otp_pending || (sent && strcmp(sent, "1") == 0);
    HTML_LIT(&h, "<p>");
    html_str(&h, str(info->verify == STORE_VERIFY_CODE    ? S_VERIFY_CODE_INTRO
                     : info->verify == STORE_VERIFY_EMAIL ? S_VERIFY_EMAIL_INTRO
                                                          : S_VERIFY_SMS_INTRO,
                     l));
    HTML_LIT(&h, "</p>\n");
    if (otp && code_out && info->masked_to[0]) {
        HTML_LIT(&h, "<p id=\"sent-to\" role=\"status\">");
        ui_say(&h, info->verify == STORE_VERIFY_EMAIL ? S_SENT_EMAIL : S_SENT_SMS, l,
               info->masked_to);
        HTML_LIT(&h, "</p>\n");
    }
    struct html_link verify = {.prefix = "/p/", .seg = {token, "verify"}};
    struct html_link send = {.prefix = "/p/", .seg = {token, "send"}};
    if (code_out) {
        HTML_LIT(&h, "<form method=\"post\" action=\"");
        html_href(&h, &verify);
        HTML_LIT(&h, "\">\n<div class=\"field\"><label for=\"code\">");
        html_str(&h, str(S_CODE_LABEL, l));
        HTML_LIT(&h, "</label>\n<p class=\"hint\" id=\"code-hint\">");
        html_str(&h, str(S_CODE_HINT, l));
        HTML_LIT(&h, "</p>\n<input type=\"text\" id=\"code\" name=\"code\" inputmode=\"numeric\" "
                     "autocomplete=\"one-time-code\" pattern=\"[0-9 ]{6,7}\" maxlength=\"7\" "
                     "required");
        if (error != S_COUNT)
            HTML_LIT(&h, " aria-invalid=\"true\" aria-describedby=\"error code-hint\"");
        else
            HTML_LIT(&h, " aria-describedby=\"code-hint\"");
        HTML_LIT(&h, "></div>\n<button id=\"verify-submit\" type=\"submit\">");
        html_str(&h, str(S_OPEN, l));
        HTML_LIT(&h, "</button>\n</form>\n");
    }
    if (otp) {
        HTML_LIT(&h, "<form method=\"post\" action=\"");
        html_href(&h, &send);
        HTML_LIT(&h, "\">\n<button id=\"send-code\" type=\"submit\"");
        if (code_out)
            HTML_LIT(&h, " class=\"secondary\"");
        HTML_LIT(&h, ">");
        html_str(&h, str(code_out ? S_SEND_AGAIN : S_SEND_CODE, l));
        HTML_LIT(&h, "</button>\n</form>\n");
    }
    ui_end(&h, p, l);
    return ui_finish(&h);
}

/* lookup - the token's state; a store failure is logged (without the token) */
static enum store_fetch lookup(const struct portal *p, const char *token, struct store_info *info)
{
    char err[256] = "";
    enum store_fetch f = store_lookup(p->store, token, info, err, sizeof err);
    if (f == STORE_FAILED || f == STORE_DAMAGED)
        log_msg(LOG_ERR, NULL, "portal: a link could not be looked up: %s", err);
    return f;
}

enum sl_status page_pickup(struct web_request *req, struct web_response *res)
{
    const struct portal *p = req->app;
    struct store_info info;
    enum store_fetch f = lookup(p, req->param[0], &info);
    if (f != STORE_FOUND)
        return ui_store_answer(res, p, req, f);
    return verify_page(res, p, req, &info, 200, S_COUNT, -1);
}

/* code_from - the address a code mail comes from: notice_from, else
 * beveiligd@ the sender's domain */
static void code_from(const struct portal *p, const struct store_info *info, char *out,
                      size_t outlen)
{
    const char *at = strrchr(info->sender, '@');
    if (p->cfg->notice_from[0])
        snprintf(out, outlen, "%s", p->cfg->notice_from);
    else
        snprintf(out, outlen, "beveiligd@%s", at ? at + 1 : "localhost");
}

enum sl_status page_send(struct web_request *req, struct web_response *res)
{
    const struct portal *p = req->app;
    const char *token = req->param[0];
    struct store_info info;
    enum store_fetch f = lookup(p, token, &info);
    if (f != STORE_FOUND)
        return ui_store_answer(res, p, req, f);
    if (info.verify == STORE_VERIFY_CODE) /* nothing to send: the sender has the code */
        return verify_page(res, p, req, &info, 200, S_COUNT, -1);
    char code[STORE_CODE_LEN + 1], dest[320], err[256] = "";
    f = store_otp_new(p->store, token, code, dest, sizeof dest, err, sizeof err);
    if (f != STORE_FOUND) {
        if (f == STORE_FAILED)
            log_msg(LOG_ERR, NULL, "portal: no one-time code made: %s", err);
        return ui_store_answer(res, p, req, f);
    }
    enum lang l = ui_lang(p, req);
    enum otp_result r = OTP_PERM;
    if (info.verify == STORE_VERIFY_EMAIL) {
        char from[320];
        code_from(p, &info, from, sizeof from);
        struct otp_mail m = {.submission = &p->submission,
                             .helo = p->helo,
                             .from = from,
                             .organisation = p->cfg->organisation};
        r = otp_mail_send(&m, dest, code, lang_code(l), err, sizeof err);
    } else if (p->sms) {
        r = otp_sms_send(p->sms, dest, code, lang_code(l), p->cfg->organisation, err, sizeof err);
    } else {
        snprintf(err, sizeof err, "no SMS gateway is configured (sms_url)");
    }
    OPENSSL_cleanse(code, sizeof code);
    OPENSSL_cleanse(dest, sizeof dest);
    if (r != OTP_SENT) {
        log_msg(LOG_ERR, NULL, "portal: a one-time code by %s not sent (%s): %s",
                store_verify_name(info.verify), otp_result_name(r), err);
        return verify_page(res, p, req, &info, 503, S_SEND_FAILED, -1);
    }
    log_msg(LOG_INFO, NULL, "portal: a one-time code sent by %s", store_verify_name(info.verify));
    return ui_redirect(res, "/p/", token, "?sent=1");
}

enum sl_status page_verify(struct web_request *req, struct web_response *res)
{
    const struct portal *p = req->app;
    const char *token = req->param[0];
    const char *in = web_field(req, "code", NULL);
    char code[STORE_CODE_LEN + 1];
    size_t n = 0;
    /* the digits, with the spaces people type between them left out */
    for (const char *c = in ? in : ""; *c; c++) {
        if (*c == ' ' || *c == '-')
            continue;
        if (*c < '0' || *c > '9' || n == STORE_CODE_LEN) {
            n = 0;
            break;
        }
        code[n++] = *c;
    }
    code[n] = '\0';
    struct store_info info;
    enum store_fetch f = lookup(p, token, &info);
    if (f != STORE_FOUND)
        return ui_store_answer(res, p, req, f);
    if (n != STORE_CODE_LEN) /* not a code at all: no try spent on it */
        return verify_page(res, p, req, &info, 400, S_CODE_HINT, -1);
    char session[STORE_TOKEN_LEN + 1], err[256] = "";
    f = store_verify(p->store, token, code, req->client, session, err, sizeof err);
    OPENSSL_cleanse(code, sizeof code);
    switch (f) {
    case STORE_FOUND: {
        log_msg(LOG_INFO, NULL, "portal: a recipient verified (%s) and opened a message",
                store_verify_name(info.verify));
        enum sl_status st =
            web_response_cookie(res, portal_cookie_name(p), session, -1, p->cfg->https);
        OPENSSL_cleanse(session, sizeof session);
        if (st == SL_OK)
            st = ui_redirect(res, "/p/", token, "/m");
        return st;
    }
    case STORE_WRONG_CODE:
        f = lookup(p, token, &info);
        if (f == STORE_FOUND && info.tries_left > 0)
            return verify_page(res, p, req, &info, 403, S_WRONG_CODE, info.tries_left);
        log_msg(LOG_NOTICE, NULL, "portal: a link locked after too many wrong codes");
        return ui_store_answer(res, p, req, f == STORE_FOUND ? STORE_LOCKED : f);
    case STORE_NO_CODE:
        return verify_page(res, p, req, &info, 400, S_NO_CODE, -1);
    case STORE_CLIENT_LOCKED:
        log_msg(LOG_NOTICE, NULL, "portal: a client address over its wrong codes for the hour");
        return ui_store_answer(res, p, req, f);
    default:
        if (f == STORE_FAILED || f == STORE_DAMAGED)
            log_msg(LOG_ERR, NULL, "portal: a code could not be checked: %s", err);
        return ui_store_answer(res, p, req, f);
    }
}
