/*
 * ui-audit - the audit log, for admins: who signed in, saw which month,
 * exported, revealed a pseudonym (with the reason), changed causes or
 * actions. As a page (the newest 500) and as CSV and JSON (the newest
 * 100,000). Reading the log is itself logged.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dash.h"
#include "db.h"

static void when(int64_t t, char *out, size_t outlen)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (localtime_r(&tt, &tm) == NULL || strftime(out, outlen, "%Y-%m-%d %H:%M:%S", &tm) == 0)
        snprintf(out, outlen, "-");
}

static enum sl_status rows(struct dash_req *r, size_t max, struct dash_audit_row **out, size_t *n)
{
    dash_lock(r->app);
    enum sl_status st = dashdb_audit_list(dash_db(r->app), max, out, n);
    dash_unlock(r->app);
    return st;
}

enum sl_status page_audit(struct web_request *req, struct web_response *res)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    struct dash_audit_row *a = NULL;
    size_t n = 0;
    dash_audit(&r, "view audit", "");
    enum sl_status st = rows(&r, 500, &a, &n);
    if (st != SL_OK)
        return st;
    struct html h = HTML_INIT(&res->body);
    const char *title = T(&r, "Auditlog", "Audit log", "Journal d'audit");
    dash_page_begin(&h, &r, title, "/audit");
    HTML_LIT(&h, "<h1>");
    html_str(&h, title);
    HTML_LIT(&h, "</h1>\n<p class=\"exports\"><a id=\"export-csv\" href=\"/audit.csv\" "
                 "download>CSV</a> <a id=\"export-json\" href=\"/audit.json\" download>JSON</a>"
                 "</p>\n<table id=\"audit\">\n<caption>");
    html_str(&h, T(&r, "De nieuwste 500 regels", "The newest 500 entries",
                   "Les 500 entrées les plus récentes"));
    HTML_LIT(&h, "</caption>\n<thead><tr><th scope=\"col\">");
    html_str(&h, T(&r, "Tijd", "Time", "Heure"));
    HTML_LIT(&h, "</th><th scope=\"col\">");
    html_str(&h, T(&r, "Gebruiker", "User", "Utilisateur"));
    HTML_LIT(&h, "</th><th scope=\"col\">");
    html_str(&h, T(&r, "Wat", "What", "Quoi"));
    HTML_LIT(&h, "</th><th scope=\"col\">");
    html_str(&h, T(&r, "Toelichting", "Detail", "Détail"));
    HTML_LIT(&h, "</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < n; i++) {
        char t[32];
        when(a[i].t, t, sizeof t);
        HTML_LIT(&h, "<tr><td>");
        html_str(&h, t);
        HTML_LIT(&h, "</td><td>");
        html_str(&h, a[i].user);
        HTML_LIT(&h, "</td><td>");
        html_str(&h, a[i].what);
        HTML_LIT(&h, "</td><td>");
        html_str(&h, a[i].detail);
        HTML_LIT(&h, "</td></tr>\n");
    }
    HTML_LIT(&h, "</tbody>\n</table>\n");
    free(a);
    dash_page_end(&h, &r);
    return html_status(&h);
}

enum sl_status page_audit_csv(struct web_request *req, struct web_response *res)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    struct dash_audit_row *a = NULL;
    size_t n = 0;
    dash_audit(&r, "export csv", "audit");
    enum sl_status st = rows(&r, 100000, &a, &n);
    if (st != SL_OK)
        return st;
    res->type = "text/csv; charset=utf-8";
    st = buf_append_str(&res->body, "id,time,user,what,detail\r\n");
    for (size_t i = 0; st == SL_OK && i < n; i++) {
        char id[24], t[32];
        snprintf(id, sizeof id, "%lld", (long long)a[i].id);
        when(a[i].t, t, sizeof t);
        st = dash_csv_cell(&res->body, id, false);
        if (st == SL_OK)
            st = dash_csv_cell(&res->body, t, false);
        if (st == SL_OK)
            st = dash_csv_cell(&res->body, a[i].user, false);
        if (st == SL_OK)
            st = dash_csv_cell(&res->body, a[i].what, false);
        if (st == SL_OK)
            st = dash_csv_cell(&res->body, a[i].detail, true);
    }
    free(a);
    if (st == SL_OK)
        st = web_response_attachment(res, "audit.csv", 9);
    return st;
}

enum sl_status page_audit_json(struct web_request *req, struct web_response *res)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    struct dash_audit_row *a = NULL;
    size_t n = 0;
    dash_audit(&r, "export json", "audit");
    enum sl_status st = rows(&r, 100000, &a, &n);
    if (st != SL_OK)
        return st;
    res->type = "application/json";
    struct buf *b = &res->body;
    st = buf_append_str(b, "{\"audit\":[");
    for (size_t i = 0; st == SL_OK && i < n; i++) {
        st = buf_printf(b, "%s{\"id\":%lld,\"t\":%lld,\"user\":", i ? "," : "", (long long)a[i].id,
                        (long long)a[i].t);
        if (st == SL_OK)
            st = dash_json_str(b, a[i].user);
        if (st == SL_OK)
            st = buf_append_str(b, ",\"what\":");
        if (st == SL_OK)
            st = dash_json_str(b, a[i].what);
        if (st == SL_OK)
            st = buf_append_str(b, ",\"detail\":");
        if (st == SL_OK)
            st = dash_json_str(b, a[i].detail);
        if (st == SL_OK)
            st = buf_append_char(b, '}');
    }
    free(a);
    if (st == SL_OK)
        st = buf_append_str(b, "]}\n");
    if (st == SL_OK)
        st = web_response_attachment(res, "audit.json", 10);
    return st;
}
