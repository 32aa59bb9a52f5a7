/*
 * ui-sender - the sender's page, reached from the link in the notice the
 * sender got: per recipient whether the notice went out, whether the
 * message was opened and answered, until when it stays, and a button that
 * withdraws it. It shows addresses and dates, never content. See portal.h.
 */
#include <stdio.h>
#include <string.h>

#include "../milter/log.h"
#include "portal.h"

/* cell - a table cell with its column's name for the narrow layout */
static void cell(struct html *h, const char *label, const char *value, const char *cls)
{
    HTML_LIT(h, "<td");
    HTML_ATTR(h, "data-label", label, strlen(label));
    if (cls)
        HTML_ATTR(h, "class", cls, strlen(cls));
    HTML_LIT(h, ">");
    html_str(h, value);
    HTML_LIT(h, "</td>");
}

static void when(time_t t, enum lang l, char *out, size_t outlen)
{
    if (t == 0)
        snprintf(out, outlen, "%s", str(S_NOT_YET, l));
    else
        ui_date(t, l, out, outlen);
}

enum sl_status page_sender(struct web_request *req, struct web_response *res)
{
    const struct portal *p = req->app;
    struct store_status st = {0};
    char err[256] = "";
    enum store_fetch f = store_status(p->store, req->param[0], &st, err, sizeof err);
    if (f != STORE_FOUND) {
        if (f == STORE_FAILED)
            log_msg(LOG_ERR, NULL, "portal: a sender's page could not be read: %s", err);
        return ui_store_answer(res, p, req, f);
    }
    enum lang l = ui_lang(p, req);
    struct html h = HTML_INIT(&res->body);
    char d[64];
    ui_begin(&h, p, req, res, l, "sender", str(S_SENDER_TITLE, l));
    HTML_LIT(&h, "<h1>");
    html_str(&h, str(S_SENDER_TITLE, l));
    HTML_LIT(&h, "</h1>\n<p>");
    html_str(&h, str(S_SENDER_INTRO, l));
    HTML_LIT(&h, "</p>\n");
    if (st.revoked) {
        ui_date(st.revoked, l, d, sizeof d);
        HTML_LIT(&h, "<p id=\"revoked\" role=\"status\">");
        ui_say(&h, S_REVOKED_AT, l, d);
        HTML_LIT(&h, "</p>\n");
    } else if (st.expired) {
        ui_date(st.expired, l, d, sizeof d);
        HTML_LIT(&h, "<p id=\"expired\">");
        ui_say(&h, S_EXPIRED_AT, l, d);
        HTML_LIT(&h, "</p>\n");
    } else {
        ui_date(st.expires, l, d, sizeof d);
        HTML_LIT(&h, "<p>");
        ui_say(&h, S_AVAILABLE_UNTIL, l, d);
        HTML_LIT(&h, "</p>\n");
    }
    const char *hd[] = {str(S_RECIPIENT, l), str(S_WAY_IN, l), str(S_SENT, l), str(S_OPENED, l),
                        str(S_REPLIED, l)};
    HTML_LIT(&h, "<table id=\"recipients\">\n<thead><tr>");
    for (size_t i = 0; i < sizeof hd / sizeof hd[0]; i++) {
        HTML_LIT(&h, "<th scope=\"col\">");
        html_str(&h, hd[i]);
        HTML_LIT(&h, "</th>");
    }
    HTML_LIT(&h, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < st.n; i++) {
        const struct store_rcpt_status *r = &st.rcpts[i];
        HTML_LIT(&h, "<tr>");
        cell(&h, hd[0], r->address, NULL);
        cell(&h, hd[1],
             str(r->verify == STORE_VERIFY_CODE    ? S_VIA_CODE
                 : r->verify == STORE_VERIFY_EMAIL ? S_VIA_EMAIL
                                                   : S_VIA_SMS,
                 l),
             NULL);
        when(r->sent, l, d, sizeof d);
        cell(&h, hd[2], d, "sent");
        if (r->locked)
            snprintf(d, sizeof d, "%s", str(S_LOCKED_SHORT, l));
        else
            when(r->opened, l, d, sizeof d);
        cell(&h, hd[3], d, "opened");
        when(r->replied, l, d, sizeof d);
        cell(&h, hd[4], d, "replied");
        HTML_LIT(&h, "</tr>\n");
    }
    HTML_LIT(&h, "</tbody>\n</table>\n");
    if (!st.revoked && !st.expired) {
        struct html_link rv = {.prefix = "/p/s/", .seg = {req->param[0], "revoke"}};
        HTML_LIT(&h, "<form method=\"post\" action=\"");
        html_href(&h, &rv);
        HTML_LIT(&h, "\">\n<p class=\"hint\" id=\"revoke-hint\">");
        html_str(&h, str(S_REVOKE_EXPLAIN, l));
        HTML_LIT(&h, "</p>\n<button id=\"revoke\" class=\"danger\" type=\"submit\" "
                     "aria-describedby=\"revoke-hint\">");
        html_str(&h, str(S_REVOKE, l));
        HTML_LIT(&h, "</button>\n</form>\n");
    }
    store_status_free(&st);
    ui_end(&h, p, l);
    return ui_finish(&h);
}

enum sl_status page_revoke(struct web_request *req, struct web_response *res)
{
    const struct portal *p = req->app;
    char err[256] = "";
    enum store_fetch f = store_revoke(p->store, req->param[0], err, sizeof err);
    if (f != STORE_FOUND) {
        if (f == STORE_FAILED)
            log_msg(LOG_ERR, NULL, "portal: a message not withdrawn: %s", err);
        return ui_store_answer(res, p, req, f);
    }
    log_msg(LOG_INFO, NULL, "portal: a message withdrawn by its sender");
    return ui_redirect(res, "/p/s/", req->param[0], "");
}
