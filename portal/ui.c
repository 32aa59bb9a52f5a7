/*
 * ui - the frame every portal page shares, and the pages that are only a
 * title and a text. See portal.h.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "portal.h"

enum lang ui_lang(const struct portal *p, const struct web_request *req)
{
    enum lang l;
    int i = web_lang(req, lang_codes, LANGS);
    if (i >= 0)
        return (enum lang)i;
    if (lang_parse(p->cfg->language, &l))
        return l;
    return LANG_NL;
}

void ui_say(struct html *h, enum str id, enum lang l, const char *arg)
{
    const char *t = str(id, l);
    const char *hole = strstr(t, "{}");
    if (hole == NULL) {
        html_str(h, t);
        return;
    }
    html_text(h, t, (size_t)(hole - t));
    html_str(h, arg ? arg : "");
    html_str(h, hole + 2);
}

void ui_date(time_t t, enum lang l, char *out, size_t outlen)
{
    static const char *const months[LANGS][12] = {
        {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
         "oktober", "november", "december"},
        {"January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"},
        {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
         "octobre", "novembre", "décembre"},
    };
    struct tm tm;
    if (t <= 0 || localtime_r(&t, &tm) == NULL) {
        snprintf(out, outlen, "-");
        return;
    }
    snprintf(out, outlen, "%d %s %d, %02d:%02d", tm.tm_mday, months[l][tm.tm_mon],
             tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

void ui_begin(struct html *h, const struct portal *p, const struct web_request *req,
              struct web_response *res, enum lang l, const char *kind, const char *title)
{
    enum lang asked;
    const char *q = web_query(req, "lang", NULL);
    /* a language chosen with the switch stays for the pages after it (a
     * form's answer, a redirect); not a secret, a year */
    if (q && lang_parse(q, &asked) && asked == l)
        web_response_cookie(res, "sluis_lang", lang_code(l), 365L * 86400, p->cfg->https);
    HTML_LIT(h, "<!DOCTYPE html>\n<html");
    HTML_ATTR(h, "lang", lang_code(l), 2);
    HTML_LIT(h, ">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>");
    html_str(h, title);
    HTML_LIT(h, " - ");
    html_str(h, p->cfg->organisation);
    HTML_LIT(h, "</title>\n<link rel=\"stylesheet\" href=\"/p/static/portal.css\">\n"
                "<link rel=\"icon\" href=\"/p/static/icon.svg\" type=\"image/svg+xml\">\n"
                "</head>\n<body>\n<a class=\"skip\" href=\"#content\">");
    html_str(h, str(S_SKIP, l));
    HTML_LIT(h, "</a>\n<header class=\"site\">\n<div class=\"org\">");
    if (p->logo.path) {
        HTML_LIT(h, "<img src=\"/p/static/logo\"");
        HTML_ATTR(h, "alt", p->cfg->organisation, strlen(p->cfg->organisation));
        HTML_LIT(h, ">");
    } else {
        html_str(h, p->cfg->organisation);
    }
    HTML_LIT(h, "</div>\n<nav id=\"lang\"");
    HTML_ATTR(h, "aria-label", str(S_LANGUAGE, l), strlen(str(S_LANGUAGE, l)));
    HTML_LIT(h, "><ul>");
    for (int i = 0; i < LANGS; i++) {
        struct html_link link = {.prefix = "", .query = {{"lang", lang_code((enum lang)i)}}};
        /* the same page in another language: the path is the request's,
         * already checked against the route table (segments of [A-Za-z0-9_-]) */
        HTML_LIT(h, "<li><a href=\"");
        html_text(h, req->path, strlen(req->path));
        html_href(h, &link);
        HTML_LIT(h, "\"");
        HTML_ATTR(h, "hreflang", lang_code((enum lang)i), 2);
        HTML_ATTR(h, "lang", lang_code((enum lang)i), 2);
        if ((enum lang)i == l)
            HTML_LIT(h, " aria-current=\"true\"");
        HTML_LIT(h, ">");
        html_str(h, lang_name((enum lang)i));
        HTML_LIT(h, "</a></li>");
    }
    HTML_LIT(h, "</ul></nav>\n</header>\n<main id=\"");
    HTML_LIT(h, "page-");
    html_str(h, kind);
    HTML_LIT(h, "\">\n<span id=\"content\"></span>\n");
}

void ui_end(struct html *h, const struct portal *p, enum lang l)
{
    HTML_LIT(h, "</main>\n<footer class=\"site\">\n<p>");
    html_str(h, str(S_SECURE_MESSAGE, l));
    HTML_LIT(h, " &middot; ");
    html_str(h, p->cfg->organisation);
    HTML_LIT(h, "</p>\n");
    if (p->cfg->helpdesk[0]) {
        HTML_LIT(h, "<p>");
        ui_say(h, S_HELPDESK, l, p->cfg->helpdesk);
        HTML_LIT(h, "</p>\n");
    }
    HTML_LIT(h, "</footer>\n</body>\n</html>\n");
}

enum sl_status ui_finish(struct html *h)
{
    return html_status(h);
}

enum sl_status ui_simple(struct web_response *res, const struct portal *p,
                         const struct web_request *req, int status, const char *kind,
                         enum str title, enum str text)
{
    enum lang l = ui_lang(p, req);
    struct html h = HTML_INIT(&res->body);
    res->status = status;
    ui_begin(&h, p, req, res, l, kind, str(title, l));
    HTML_LIT(&h, "<h1>");
    html_str(&h, str(title, l));
    HTML_LIT(&h, "</h1>\n<p>");
    html_str(&h, str(text, l));
    HTML_LIT(&h, "</p>\n");
    ui_end(&h, p, l);
    return ui_finish(&h);
}

enum sl_status ui_store_answer(struct web_response *res, const struct portal *p,
                               const struct web_request *req, enum store_fetch f)
{
    switch (f) {
    case STORE_UNKNOWN:
        return ui_simple(res, p, req, 404, "unknown", S_UNKNOWN_TITLE, S_UNKNOWN_TEXT);
    case STORE_EXPIRED:
        return ui_simple(res, p, req, 410, "expired", S_EXPIRED_TITLE, S_EXPIRED_TEXT);
    case STORE_REVOKED:
        return ui_simple(res, p, req, 410, "revoked", S_REVOKED_TITLE, S_REVOKED_TEXT);
    case STORE_LOCKED:
        return ui_simple(res, p, req, 403, "locked", S_LOCKED_TITLE, S_LOCKED_TEXT);
    case STORE_CLIENT_LOCKED:
        return ui_simple(res, p, req, 429, "too-many", S_TOO_MANY_TITLE, S_TOO_MANY_TEXT);
    case STORE_TOO_MANY_SENDS:
        return ui_simple(res, p, req, 429, "too-many", S_TOO_MANY_TITLE, S_TOO_MANY_SENDS_TEXT);
    default:
        return ui_simple(res, p, req, 503, "error", S_ERROR_TITLE, S_ERROR_TEXT);
    }
}

enum sl_status ui_redirect(struct web_response *res, const char *base, const char *token,
                           const char *rest)
{
    char to[256];
    /* token is a route parameter: [A-Za-z0-9_-] only, checked by the web layer */
    if ((size_t)snprintf(to, sizeof to, "%s%s%s", base, token, rest) >= sizeof to)
        return SL_EINVAL;
    return web_response_redirect(res, 303, to);
}
