/*
 * ui-message - what a verified recipient sees: the message (subject,
 * sender, date, text or safe HTML, attachments to download), the replies
 * written so far, a form to reply with attachments, and logging out. The
 * guard (main.c) has loaded the session's thread into req->user before any
 * of these runs. See portal.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "../milter/log.h"
#include "portal.h"
#include "reply.h"
#include "view.h"

/* text - s as paragraphs: a blank line starts a new one; line ends stay
 * (the style sheet keeps them: white-space: pre-wrap) */
static void text(struct html *h, const char *s, size_t len)
{
    size_t start = 0;
    HTML_LIT(h, "<p>");
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n' && i + 1 < len && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
            html_text(h, s + start, i - start);
            while (i + 1 < len && (s[i + 1] == '\n' || s[i + 1] == '\r'))
                i++;
            HTML_LIT(h, "</p>\n<p>");
            start = i + 1;
        }
    }
    html_text(h, s + start, len - start);
    HTML_LIT(h, "</p>\n");
}

/* size - n bytes for people: "12 kB" */
static void size(struct html *h, size_t n)
{
    char s[32];
    if (n < 1024)
        snprintf(s, sizeof s, "%zu B", n);
    else if (n < 1024 * 1024)
        snprintf(s, sizeof s, "%zu kB", (n + 1023) / 1024);
    else
        snprintf(s, sizeof s, "%.1f MB", (double)n / (1024.0 * 1024.0));
    html_str(h, s);
}

/* safe - HTML that safehtml_clean() wrote: elements and attributes of its
 * allow-list only, every text escaped. The one place the portal writes
 * markup that is not a literal of its own. */
static void safe(struct html *h, const char *s, size_t len)
{
    if (h->st == SL_OK)
        h->st = buf_append(h->out, s, len);
}

/* csrf - the hidden field of a form of the session */
static void csrf(struct html *h, const struct portal_req *pr)
{
    char v[65];
    portal_csrf(pr->session, v);
    HTML_LIT(h, "<input type=\"hidden\" name=\"csrf\"");
    HTML_ATTR(h, "value", v, 64);
    HTML_LIT(h, ">\n");
}

/* message_page - the thread of pr, with a note after a reply or an error */
static enum sl_status message_page(struct web_response *res, const struct portal *p,
                                   const struct web_request *req, const struct portal_req *pr,
                                   int status, enum str error)
{
    enum lang l = ui_lang(p, req);
    const struct store_thread *t = &pr->thread;
    const char *token = req->param[0];
    struct view_message v = {0};
    char err[256] = "", when[64];
    if (t->n == 0 || view_parse(t->items[0].data.data, t->items[0].data.len, str(S_IMAGE, l), &v,
                                err, sizeof err) != SL_OK)
        return SL_ENOMEM;
    struct html h = HTML_INIT(&res->body);
    res->status = status;
    const char *subject = v.subject[0] ? v.subject : str(S_SECURE_MESSAGE, l);
    ui_begin(&h, p, req, res, l, "message", subject);
    HTML_LIT(&h, "<h1 id=\"subject\">");
    html_str(&h, subject);
    HTML_LIT(&h, "</h1>\n");
    const char *replied = web_query(req, "replied", NULL);
    if (replied && strcmp(replied, "1") == 0 && error == S_COUNT) {
        HTML_LIT(&h, "<p id=\"notice\" role=\"status\">");
        ui_say(&h, S_REPLY_SENT, l, t->info.sender);
        HTML_LIT(&h, "</p>\n");
    }
    if (error != S_COUNT) {
        HTML_LIT(&h, "<p id=\"error\" role=\"alert\">");
        html_str(&h, str(error, l));
        HTML_LIT(&h, "</p>\n");
    }
    HTML_LIT(&h, "<dl class=\"meta\">\n<dt>");
    html_str(&h, str(S_FROM, l));
    HTML_LIT(&h, "</dt><dd id=\"from\">");
    html_str(&h, v.from[0] ? v.from : t->info.sender);
    HTML_LIT(&h, "</dd>\n<dt>");
    html_str(&h, str(S_TO, l));
    HTML_LIT(&h, "</dt><dd id=\"to\">");
    html_str(&h, t->info.recipient);
    HTML_LIT(&h, "</dd>\n<dt>");
    html_str(&h, str(S_DATE, l));
    HTML_LIT(&h, "</dt><dd id=\"date\">");
    ui_date(v.date ? v.date : t->items[0].at, l, when, sizeof when);
    html_str(&h, when);
    HTML_LIT(&h, "</dd>\n</dl>\n<div id=\"body\">\n");
    if (v.html) {
        HTML_LIT(&h, "<div class=\"html\">\n");
        safe(&h, v.html, v.html_len);
        HTML_LIT(&h, "\n</div>\n");
    } else if (v.text_len > 0) {
        HTML_LIT(&h, "<div class=\"text\">\n");
        text(&h, v.text, v.text_len);
        HTML_LIT(&h, "</div>\n");
    } else {
        HTML_LIT(&h, "<p class=\"hint\">");
        html_str(&h, str(S_NO_TEXT, l));
        HTML_LIT(&h, "</p>\n");
    }
    HTML_LIT(&h, "</div>\n");
    if (v.nattachments > 0) {
        HTML_LIT(&h, "<h2>");
        html_str(&h, str(S_ATTACHMENTS, l));
        HTML_LIT(&h, "</h2>\n<ul id=\"attachments\">\n");
        for (size_t i = 0; i < v.nattachments; i++) {
            char n[24];
            snprintf(n, sizeof n, "%zu", i);
            struct html_link a = {.prefix = "/p/", .seg = {token, "a", n}};
            HTML_LIT(&h, "<li><a download href=\"");
            html_href(&h, &a);
            HTML_LIT(&h, "\">");
            html_str(&h, v.attachments[i].name);
            HTML_LIT(&h, "</a> <span class=\"size\">(");
            size(&h, v.attachments[i].len);
            HTML_LIT(&h, ")</span></li>\n");
        }
        HTML_LIT(&h, "</ul>\n");
    }
    ui_date(t->info.expires, l, when, sizeof when);
    HTML_LIT(&h, "<p class=\"hint\">");
    ui_say(&h, S_AVAILABLE_UNTIL, l, when);
    HTML_LIT(&h, "</p>\n");
    view_free(&v);

    if (t->n > 1) {
        HTML_LIT(&h, "<section id=\"thread\">\n<h2>");
        html_str(&h, str(S_THREAD, l));
        HTML_LIT(&h, "</h2>\n");
        for (size_t i = 1; i < t->n; i++) {
            struct view_message r = {0};
            if (view_parse(t->items[i].data.data, t->items[i].data.len, NULL, &r, err,
                           sizeof err) != SL_OK)
                continue;
            ui_date(t->items[i].at, l, when, sizeof when);
            HTML_LIT(&h, "<article class=\"reply\">\n<h3>");
            ui_say(&h, S_YOU_REPLIED, l, when);
            HTML_LIT(&h, "</h3>\n");
            text(&h, r.text, r.text_len);
            if (r.nattachments > 0) {
                HTML_LIT(&h, "<ul class=\"files\">\n");
                for (size_t k = 0; k < r.nattachments; k++) {
                    HTML_LIT(&h, "<li>");
                    html_str(&h, r.attachments[k].name);
                    HTML_LIT(&h, "</li>\n");
                }
                HTML_LIT(&h, "</ul>\n");
            }
            HTML_LIT(&h, "</article>\n");
            view_free(&r);
        }
        HTML_LIT(&h, "</section>\n");
    }

    struct html_link reply = {.prefix = "/p/", .seg = {token, "reply"}};
    HTML_LIT(&h, "<h2>");
    html_str(&h, str(S_REPLY_TITLE, l));
    HTML_LIT(&h, "</h2>\n<p>");
    ui_say(&h, S_REPLY_TO, l, t->info.sender);
    HTML_LIT(&h, "</p>\n<form method=\"post\" enctype=\"multipart/form-data\" action=\"");
    html_href(&h, &reply);
    HTML_LIT(&h, "\">\n");
    csrf(&h, pr);
    HTML_LIT(&h, "<div class=\"field\"><label for=\"reply-text\">");
    html_str(&h, str(S_REPLY_LABEL, l));
    HTML_LIT(&h,
             "</label>\n<textarea id=\"reply-text\" name=\"text\" rows=\"8\"></textarea></div>\n"
             "<div class=\"field\"><label for=\"reply-files\">");
    html_str(&h, str(S_REPLY_FILES, l));
    HTML_LIT(&h, "</label>\n<input id=\"reply-files\" name=\"files\" type=\"file\" multiple>"
                 "</div>\n<button id=\"reply-submit\" type=\"submit\">");
    html_str(&h, str(S_REPLY_SEND, l));
    HTML_LIT(&h, "</button>\n</form>\n");

    struct html_link out = {.prefix = "/p/", .seg = {token, "logout"}};
    HTML_LIT(&h, "<form class=\"logout\" method=\"post\" action=\"");
    html_href(&h, &out);
    HTML_LIT(&h, "\">\n");
    csrf(&h, pr);
    HTML_LIT(&h, "<button id=\"logout\" class=\"secondary\" type=\"submit\">");
    html_str(&h, str(S_LOGOUT, l));
    HTML_LIT(&h, "</button>\n</form>\n");
    ui_end(&h, p, l);
    return ui_finish(&h);
}

enum sl_status page_message(struct web_request *req, struct web_response *res)
{
    return message_page(res, req->app, req, req->user, 200, S_COUNT);
}

enum sl_status page_attachment(struct web_request *req, struct web_response *res)
{
    const struct portal *p = req->app;
    const struct portal_req *pr = req->user;
    const char *n = req->param[1];
    char *end;
    unsigned long k = strtoul(n, &end, 10);
    if (*n < '0' || *n > '9' || *end || strlen(n) > 6)
        return ui_store_answer(res, p, req, STORE_UNKNOWN);
    struct view_message v = {0};
    char err[256];
    const struct store_item *o = &pr->thread.items[0];
    if (view_parse(o->data.data, o->data.len, NULL, &v, err, sizeof err) != SL_OK)
        return SL_ENOMEM;
    enum sl_status st;
    if (k >= v.nattachments) {
        st = ui_store_answer(res, p, req, STORE_UNKNOWN);
    } else {
        const struct view_attachment *a = &v.attachments[k];
        st = buf_append(&res->body, a->data, a->len);
        if (st == SL_OK)
            st = web_response_type(res, view_download_type(a->type, a->name));
        if (st == SL_OK)
            st = web_response_attachment(res, a->name, strlen(a->name));
    }
    view_free(&v);
    return st;
}

enum sl_status page_reply(struct web_request *req, struct web_response *res)
{
    const struct portal *p = req->app;
    struct portal_req *pr = req->user;
    const char *token = req->param[0];
    const struct store_thread *t = &pr->thread;
    size_t tlen = 0;
    const char *typed = web_field(req, "text", &tlen);
    size_t nf = web_file_count(req, "files");
    struct reply_file files[REPLY_MAX_FILES];
    if (nf > REPLY_MAX_FILES)
        return message_page(res, p, req, pr, 413, S_BAD_REQUEST_TEXT);
    for (size_t i = 0; i < nf; i++) {
        const struct web_file *f = web_file_get(req, "files", i);
        files[i] = (struct reply_file){f->name, f->type, f->data, f->len};
    }
    /* nothing but white space is no reply */
    bool empty = true;
    for (size_t i = 0; typed && i < tlen && empty; i++)
        empty = typed[i] == ' ' || typed[i] == '\n' || typed[i] == '\r' || typed[i] == '\t';
    if (empty && nf == 0)
        return message_page(res, p, req, pr, 400, S_REPLY_EMPTY);

    struct view_message v = {0};
    char err[256] = "";
    if (view_parse(t->items[0].data.data, t->items[0].data.len, NULL, &v, err, sizeof err) != SL_OK)
        return SL_ENOMEM;
    enum lang l = ui_lang(p, req);
    const char *at = strrchr(t->info.recipient, '@');
    struct reply_input in = {.from = t->info.recipient,
                             .to = t->info.sender,
                             .subject = v.subject,
                             .in_reply_to = v.message_id,
                             .references = v.references,
                             .text = typed ? typed : "",
                             .text_len = typed ? tlen : 0,
                             .files = files,
                             .nfiles = nf,
                             .organisation = p->cfg->organisation,
                             .language = lang_code(l),
                             .msgid_domain = at ? at + 1 : NULL};
    struct buf msg = BUF_INIT;
    enum sl_status st = reply_build(&in, &msg, NULL, err, sizeof err);
    view_free(&v);
    if (st == SL_EINVAL) {
        log_msg(LOG_NOTICE, NULL, "portal: a reply refused: %s", err);
        buf_free(&msg);
        return message_page(res, p, req, pr, 400, S_BAD_REQUEST_TEXT);
    }
    if (st != SL_OK) {
        buf_free(&msg);
        return st;
    }
    /* to the sender first: a reply that did not reach them must not show
     * as sent in the thread */
    const char *rcpt[1] = {t->info.sender};
    enum smtp_result r = smtp_send(&p->submission, p->helo, t->info.recipient, rcpt, 1, msg.data,
                                   msg.len, err, sizeof err);
    if (r != SMTP_OK) {
        log_msg(LOG_ERR, NULL, "portal: a reply not submitted (%s): %s", smtp_result_name(r), err);
        OPENSSL_cleanse(msg.data, msg.len);
        buf_free(&msg);
        return message_page(res, p, req, pr, 503, S_REPLY_FAILED);
    }
    enum store_fetch f =
        store_reply(p->store, token, pr->session, msg.data, msg.len, err, sizeof err);
    OPENSSL_cleanse(msg.data, msg.len);
    buf_free(&msg);
    if (f != STORE_FOUND)
        log_msg(LOG_ERR, NULL,
                "portal: a reply went to the sender but is not in the thread (%s): %s",
                store_fetch_name(f), err);
    else
        log_msg(LOG_INFO, NULL, "portal: a reply with %zu attachment(s) sent to the sender", nf);
    return ui_redirect(res, "/p/", token, "/m?replied=1");
}

enum sl_status page_logout(struct web_request *req, struct web_response *res)
{
    const struct portal *p = req->app;
    struct portal_req *pr = req->user;
    char err[256] = "";
    if (store_logout(p->store, pr->session, err, sizeof err) != SL_OK)
        log_msg(LOG_ERR, NULL, "portal: a session not ended in the store: %s", err);
    enum sl_status st = web_response_cookie(res, portal_cookie_name(p), "", 0, p->cfg->https);
    if (st != SL_OK)
        return st;
    enum lang l = ui_lang(p, req);
    struct html h = HTML_INIT(&res->body);
    struct html_link again = {.prefix = "/p/", .seg = {req->param[0]}};
    ui_begin(&h, p, req, res, l, "logged-out", str(S_LOGGED_OUT_TITLE, l));
    HTML_LIT(&h, "<h1>");
    html_str(&h, str(S_LOGGED_OUT_TITLE, l));
    HTML_LIT(&h, "</h1>\n<p>");
    html_str(&h, str(S_LOGGED_OUT_TEXT, l));
    HTML_LIT(&h, "</p>\n<p><a id=\"open-again\" href=\"");
    html_href(&h, &again);
    HTML_LIT(&h, "\">");
    html_str(&h, str(S_OPEN_AGAIN, l));
    HTML_LIT(&h, "</a></p>\n");
    ui_end(&h, p, l);
    return ui_finish(&h);
}
