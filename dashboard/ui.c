/*
 * ui - what every dashboard page shares: the request's language, the page
 * frame (head, navigation, language switch, sign-out), error pages, and
 * the small writers of CSV and JSON cells. See dash.h.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "dash.h"

static const char *const lang_codes[] = {"nl", "en", "fr"};
static const char *const lang_names[] = {"Nederlands", "English", "Français"};

bool dash_lang_parse(const char *s, enum dash_lang *l)
{
    for (int i = 0; i < 3; i++)
        if (s && strcmp(s, lang_codes[i]) == 0) {
            *l = (enum dash_lang)i;
            return true;
        }
    return false;
}

const char *dash_lang_code(enum dash_lang l)
{
    return (unsigned)l < 3 ? lang_codes[l] : "nl";
}

/* lang - ?lang=, the sluis_lang cookie, Accept-Language (web_lang), the
 * configured default */
static enum dash_lang lang(struct dash_app *a, const struct web_request *req)
{
    enum dash_lang l;
    int i = web_lang(req, lang_codes, 3);
    if (i >= 0)
        return (enum dash_lang)i;
    if (a && dash_lang_parse(dash_config(a)->language, &l))
        return l;
    return LANG_NL;
}

void dash_req_init(struct dash_req *r, struct web_request *req)
{
    r->req = req;
    r->app = req->app;
    r->user = req->user;
    r->lang = lang(r->app, req);
    r->res = NULL;
}

void dash_req_start(struct dash_req *r, struct web_request *req, struct web_response *res)
{
    dash_req_init(r, req);
    r->res = res;
}

void dash_csrf_field(struct html *h, const struct dash_req *r)
{
    if (r->user == NULL)
        return;
    HTML_LIT(h, "<input type=\"hidden\" name=\"csrf\"");
    HTML_ATTR(h, "value", r->user->csrf, strlen(r->user->csrf));
    HTML_LIT(h, ">");
}

static const char *role_text(const struct dash_req *r, enum dash_role role)
{
    switch (role) {
    case ROLE_ADMIN:
        return T(r, "beheerder", "admin", "administrateur");
    case ROLE_PRIVACY:
        return T(r, "privacy", "privacy", "vie privée");
    default:
        return T(r, "lezer", "viewer", "lecteur");
    }
}

static void nav_item(struct html *h, const char *path, const char *text, const char *current)
{
    HTML_LIT(h, "<li><a");
    HTML_ATTR(h, "href", path, strlen(path));
    if (current && strcmp(current, path) == 0)
        HTML_LIT(h, " aria-current=\"page\"");
    HTML_LIT(h, ">");
    html_str(h, text);
    HTML_LIT(h, "</a></li>");
}

void dash_page_begin(struct html *h, const struct dash_req *r, const char *title,
                     const char *current)
{
    const struct dash_config *cfg = dash_config(r->app);
    enum dash_lang asked;
    const char *q = web_query(r->req, "lang", NULL);
    /* a language chosen with the switch stays for the pages after it */
    if (r->res && q && dash_lang_parse(q, &asked) && asked == r->lang)
        web_response_cookie(r->res, "sluis_lang", dash_lang_code(r->lang), 365L * 86400,
                            cfg->https);
    HTML_LIT(h, "<!DOCTYPE html>\n<html");
    HTML_ATTR(h, "lang", dash_lang_code(r->lang), 2);
    HTML_LIT(h, ">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>");
    html_str(h, title);
    HTML_LIT(h, " - ");
    html_str(h, cfg->organisation);
    HTML_LIT(h, "</title>\n<link rel=\"stylesheet\" href=\"/static/dashboard.css\">\n"
                "<link rel=\"icon\" href=\"/static/icon.svg\" type=\"image/svg+xml\">\n"
                "</head>\n<body>\n<a class=\"skip\" href=\"#content\">");
    html_str(h, T(r, "Naar de inhoud", "Skip to content", "Aller au contenu"));
    HTML_LIT(h, "</a>\n<header class=\"site\">\n<p class=\"org\">");
    html_str(h, cfg->organisation);
    HTML_LIT(h, " &middot; ");
    html_str(h, T(r, "sluis dashboard", "sluis dashboard", "tableau de bord sluis"));
    HTML_LIT(h, "</p>\n");
    if (r->user) {
        HTML_LIT(h, "<nav id=\"menu\"");
        const char *m = T(r, "Hoofdmenu", "Main menu", "Menu principal");
        HTML_ATTR(h, "aria-label", m, strlen(m));
        HTML_LIT(h, "><ul>");
        nav_item(h, "/month", T(r, "Maandcijfers", "Monthly figures", "Chiffres du mois"), current);
        nav_item(h, "/actions",
                 T(r, "Oorzaken en acties", "Causes and actions", "Causes et actions"), current);
        if (r->user->role == ROLE_ADMIN)
            nav_item(h, "/audit", T(r, "Auditlog", "Audit log", "Journal d'audit"), current);
        HTML_LIT(h, "</ul></nav>\n");
    }
    HTML_LIT(h, "<nav id=\"lang\"");
    const char *ln = T(r, "Taal", "Language", "Langue");
    HTML_ATTR(h, "aria-label", ln, strlen(ln));
    HTML_LIT(h, "><ul>");
    const char *m = web_query(r->req, "m", NULL);
    const char *d = web_query(r->req, "dept", NULL);
    for (int i = 0; i < 3; i++) {
        /* the same page in another language: the path is the request's,
         * already matched against the route table */
        struct html_link link = {.prefix = "", .query = {{"lang", lang_codes[i]}}};
        size_t k = 1;
        if (m && m[0])
            link.query[k].name = "m", link.query[k++].value = m;
        if (d && d[0])
            link.query[k].name = "dept", link.query[k++].value = d;
        HTML_LIT(h, "<li><a href=\"");
        html_str(h, strncmp(r->req->path, "/fp/", 4) == 0                 ? r->req->path
                    : strcmp(r->req->method, "GET") == 0 && r->req->route ? r->req->path
                                                                          : "/login");
        html_href(h, &link);
        HTML_LIT(h, "\"");
        HTML_ATTR(h, "hreflang", lang_codes[i], 2);
        HTML_ATTR(h, "lang", lang_codes[i], 2);
        if ((enum dash_lang)i == r->lang)
            HTML_LIT(h, " aria-current=\"true\"");
        HTML_LIT(h, ">");
        html_str(h, lang_names[i]);
        HTML_LIT(h, "</a></li>");
    }
    HTML_LIT(h, "</ul></nav>\n");
    if (r->user) {
        HTML_LIT(h, "<form id=\"logout\" method=\"post\" action=\"/logout\">\n<p><span "
                    "id=\"whoami\">");
        html_str(h, r->user->name);
        HTML_LIT(h, " (");
        html_str(h, role_text(r, r->user->role));
        HTML_LIT(h, ")</span> ");
        dash_csrf_field(h, r);
        HTML_LIT(h, "<button type=\"submit\">");
        html_str(h, T(r, "Afmelden", "Sign out", "Se déconnecter"));
        HTML_LIT(h, "</button></p>\n</form>\n");
    }
    HTML_LIT(h, "</header>\n<main id=\"content\">\n");
}

void dash_page_end(struct html *h, const struct dash_req *r)
{
    HTML_LIT(h, "</main>\n<footer class=\"site\"><p>");
    html_str(h, T(r, "Cijfers zonder inhoud: sluis bewaart geen berichttekst, namen of adressen.",
                  "Figures without content: sluis keeps no message text, names or addresses.",
                  "Des chiffres sans contenu : sluis ne garde ni texte, ni noms, ni adresses."));
    HTML_LIT(h, "</p></footer>\n</body>\n</html>\n");
}

enum sl_status dash_error(struct dash_req *r, int status, const char *title, const char *text)
{
    struct web_response *res = r->res;
    struct html h = HTML_INIT(&res->body);
    buf_reset(&res->body);
    res->status = status;
    dash_page_begin(&h, r, title, NULL);
    HTML_LIT(&h, "<h1>");
    html_str(&h, title);
    HTML_LIT(&h, "</h1>\n<p id=\"message\" role=\"alert\">");
    html_str(&h, text);
    HTML_LIT(&h, "</p>\n");
    if (r->user == NULL && status != 404) {
        HTML_LIT(&h, "<p><a href=\"/login\">");
        html_str(&h, T(r, "Aanmelden", "Sign in", "Se connecter"));
        HTML_LIT(&h, "</a></p>\n");
    } else if (r->user) {
        HTML_LIT(&h, "<p><a href=\"/month\">");
        html_str(&h, T(r, "Naar de maandcijfers", "To the monthly figures",
                       "Vers les chiffres du mois"));
        HTML_LIT(&h, "</a></p>\n");
    }
    dash_page_end(&h, r);
    return html_status(&h);
}

void dash_month_name(const struct dash_req *r, const char *month, char *out, size_t outlen)
{
    static const char *const names[3][12] = {
        {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
         "oktober", "november", "december"},
        {"January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"},
        {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
         "octobre", "novembre", "décembre"},
    };
    if (dash_month_valid(month))
        snprintf(out, outlen, "%s %.4s", names[r->lang][(month[5] - '0') * 10 + month[6] - '0' - 1],
                 month);
    else
        snprintf(out, outlen, "%s", month ? month : "");
}

void dash_pseudonym(const struct dash_req *r, const char *dept, unsigned label, char *out,
                    size_t outlen)
{
    snprintf(out, outlen, "%s \u2013 %s %u",
             dept && dept[0] ? dept : T(r, "Organisatie", "Organisation", "Organisation"),
             T(r, "medewerker", "staff member", "collaborateur"), label);
}

enum sl_status dash_csv_cell(struct buf *b, const char *s, bool last)
{
    enum sl_status st = SL_OK;
    s = s ? s : "";
    /* a cell a spreadsheet would read as a formula gets a ' first */
    bool formula =
        s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r';
    bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        st = buf_append_char(b, '"');
    if (st == SL_OK && formula)
        st = buf_append_char(b, '\'');
    for (const char *p = s; st == SL_OK && *p; p++)
        st = *p == '"' ? buf_append(b, "\"\"", 2) : buf_append_char(b, *p);
    if (st == SL_OK && quote)
        st = buf_append_char(b, '"');
    if (st == SL_OK)
        st = last ? buf_append(b, "\r\n", 2) : buf_append_char(b, ',');
    return st;
}

enum sl_status dash_json_str(struct buf *b, const char *s)
{
    enum sl_status st = buf_append_char(b, '"');
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); st == SL_OK && *p; p++) {
        if (*p == '"' || *p == '\\')
            st = buf_printf(b, "\\%c", *p);
        else if (*p < 0x20)
            st = buf_printf(b, "\\u%04x", *p);
        else
            st = buf_append_char(b, (char)*p);
    }
    return st == SL_OK ? buf_append_char(b, '"') : st;
}

void dash_today(char day[11], char month[8])
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    char d[11];
    if (strftime(d, sizeof d, "%Y-%m-%d", &tm) != 10)
        memcpy(d, "1970-01-01", 11);
    if (day)
        memcpy(day, d, 11);
    if (month) {
        memcpy(month, d, 7);
        month[7] = '\0';
    }
}

void dash_pct(const struct dash_req *r, double share, char *out, size_t outlen)
{
    if (r->lang == LANG_EN) {
        snprintf(out, outlen, "%.1f%%", share * 100.0);
        return;
    }
    snprintf(out, outlen, "%.1f\u00a0%%", share * 100.0);
    char *dot = strchr(out, '.');
    if (dot)
        *dot = ',';
}

bool dash_month_valid(const char *month)
{
    if (month == NULL || strlen(month) != 7 || month[4] != '-')
        return false;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (month[i] < '0' || month[i] > '9'))
            return false;
    int m = (month[5] - '0') * 10 + (month[6] - '0');
    return m >= 1 && m <= 12;
}

bool dash_month_add(const char *month, int delta, char out[8])
{
    if (!dash_month_valid(month))
        return false;
    int y =
        (month[0] - '0') * 1000 + (month[1] - '0') * 100 + (month[2] - '0') * 10 + (month[3] - '0');
    int m = (month[5] - '0') * 10 + (month[6] - '0') - 1 + delta;
    y += m >= 0 ? m / 12 : -((11 - m) / 12);
    m = ((m % 12) + 12) % 12;
    if (y < 0 || y > 9999)
        return false;
    snprintf(out, 8, "%04d-%02d", y % 10000, m % 100 + 1);
    return true;
}
