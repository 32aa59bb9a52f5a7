/*
 * ui-actions - the toolkit's cycle: the causes found (its knelpunten as
 * choices, plus a note) and the actions chosen (title, target departments,
 * channel, start, end). The toolkit advises at most three actions at once:
 * more are allowed, with a warning on the page. For each action the
 * protected share in its target departments before it (the three months
 * before its start) and after it (from its start to its end or the newest
 * month), from figures_trend, so the page and `sluis report` agree.
 *
 * Viewers see the page; privacy officers and admins add to it (NEED_PRIVACY
 * on the POST routes). Every change is audited.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dash.h"
#include "db.h"

#define BEFORE_MONTHS 3
#define AFTER_MAX     12
#define RUNNING_MAX   3

struct cause_kind {
    const char *id;
    const char *text[3];
};

static const struct cause_kind causes[] = {
    {"cumbersome",
     {"Het veilige kanaal is omslachtig", "The secure channel is cumbersome",
      "Le canal sécurisé est fastidieux"}},
    {"unknown-who",
     {"Niet bekend wie onveilig mailt", "Not known who mails unsafely",
      "On ne sait pas qui envoie des mails non sécurisés"}},
    {"recipient-cannot",
     {"Aanname dat de ontvanger geen beveiligde mail kan openen",
      "Assumption that the recipient cannot open secure mail",
      "Hypothèse que le destinataire ne peut pas ouvrir un mail sécurisé"}},
    {"no-measure", {"Geen middel om te meten", "No tool to measure", "Aucun moyen de mesurer"}},
    {"rules-unknown",
     {"Onbekendheid met regels en beleid", "Unfamiliarity with rules and policy",
      "Méconnaissance des règles et de la politique"}},
    {"habit", {"Gewoonte of tijdsdruk", "Habit or time pressure", "Habitude ou manque de temps"}},
    {"other", {"Anders (zie toelichting)", "Other (see the note)", "Autre (voir la note)"}},
};

struct channel_kind {
    const char *id;
    const char *text[3];
};

static const struct channel_kind channels[] = {
    {"portal", {"Portaal", "Portal", "Portail"}},
    {"smime", {"S/MIME", "S/MIME", "S/MIME"}},
    {"tls", {"TLS-route (partner)", "TLS route (partner)", "Route TLS (partenaire)"}},
    {"external", {"Eigen portaal", "Own portal", "Portail propre"}},
    {"any", {"Alle kanalen", "All channels", "Tous les canaux"}},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *cause_text(const struct dash_req *r, const char *id)
{
    for (size_t i = 0; i < N(causes); i++)
        if (strcmp(causes[i].id, id) == 0)
            return causes[i].text[r->lang];
    return id;
}

static const char *channel_text(const struct dash_req *r, const char *id)
{
    for (size_t i = 0; i < N(channels); i++)
        if (strcmp(channels[i].id, id) == 0)
            return channels[i].text[r->lang];
    return id;
}

static bool running(const struct dash_action *a, const char *today)
{
    return strcmp(a->start, today) <= 0 && (!a->end[0] || strcmp(a->end, today) >= 0);
}

/* the effect of an action: shares before and after in its departments */
struct effect {
    uint64_t before_sensitive, before_protected;
    uint64_t after_sensitive, after_protected;
    bool have_before, have_after;
};

/* add_dept - the sums of n months ending with last for one department
 * (NULL: all) */
static enum sl_status add_dept(struct metrics *m, const char *dept, const char *last, unsigned n,
                               uint64_t *sensitive, uint64_t *protected_)
{
    struct fig_point pts[AFTER_MAX];
    char err[256];
    enum sl_status st = figures_trend(m, last, n, dept, pts, err, sizeof err);
    for (unsigned i = 0; st == SL_OK && i < n; i++) {
        *sensitive += pts[i].c.sensitive;
        *protected_ += pts[i].c.protected_;
    }
    return st;
}

/* add_trend - the sums of n months ending with last over the action's
 * departments ("": the whole organisation) */
static enum sl_status add_trend(struct metrics *m, const char *depts, const char *last, unsigned n,
                                uint64_t *sensitive, uint64_t *protected_)
{
    if (!depts[0])
        return add_dept(m, NULL, last, n, sensitive, protected_);
    char list[DASH_DEPTS_MAX + 1];
    snprintf(list, sizeof list, "%s", depts);
    char *save = NULL;
    for (char *d = strtok_r(list, ",", &save); d; d = strtok_r(NULL, ",", &save)) {
        enum sl_status st = add_dept(m, d, last, n, sensitive, protected_);
        if (st != SL_OK)
            return st;
    }
    return SL_OK;
}

static int month_diff(const char *a, const char *b)
{
    /* both "YYYY-MM", checked */
    return (dashdb_digits(b, 4) - dashdb_digits(a, 4)) * 12 +
           (dashdb_digits(b + 5, 2) - dashdb_digits(a + 5, 2));
}

static void effect(struct metrics *m, const struct dash_action *a, const char *latest,
                   struct effect *e)
{
    memset(e, 0, sizeof *e);
    if (m == NULL)
        return;
    char sm[8], pm[8], em[8];
    memcpy(sm, a->start, 7);
    sm[7] = '\0';
    if (!dash_month_add(sm, -1, pm))
        return;
    e->have_before = add_trend(m, a->depts, pm, BEFORE_MONTHS, &e->before_sensitive,
                               &e->before_protected) == SL_OK;
    if (a->end[0]) {
        memcpy(em, a->end, 7);
        em[7] = '\0';
        if (strcmp(em, latest) > 0)
            memcpy(em, latest, 8);
    } else {
        memcpy(em, latest, 8);
    }
    int n = month_diff(sm, em) + 1;
    if (n < 1)
        return;
    if (n > AFTER_MAX)
        n = AFTER_MAX;
    e->have_after =
        add_trend(m, a->depts, em, (unsigned)n, &e->after_sensitive, &e->after_protected) == SL_OK;
}

static double share(uint64_t protected_, uint64_t sensitive)
{
    return sensitive ? (double)protected_ / (double)sensitive : 0.0;
}

/* latest - the newest month with events, or this month */
static void latest_month(struct metrics *m, char out[8])
{
    char months[1][8];
    size_t n = 0;
    dash_today(NULL, out);
    if (m && figures_months(m, months, 1, &n) == SL_OK && n == 1)
        memcpy(out, months[0], 8);
}

struct loaded {
    struct dash_action *actions;
    size_t nactions;
    struct effect *effects;
    struct dash_cause *causes;
    size_t ncauses;
    size_t running;
    char (*depts)[EVENT_DEPT_MAX + 1];
    size_t ndepts;
};

static void loaded_free(struct loaded *l)
{
    free(l->actions);
    free(l->effects);
    free(l->causes);
    free(l->depts);
}

static enum sl_status load(struct dash_req *r, struct loaded *l)
{
    memset(l, 0, sizeof *l);
    char today[11], latest[8];
    dash_today(today, NULL);
    dash_lock(r->app);
    struct metrics *m = dash_metrics(r->app);
    enum sl_status st = dashdb_actions(dash_db(r->app), &l->actions, &l->nactions);
    if (st == SL_OK)
        st = dashdb_causes(dash_db(r->app), &l->causes, &l->ncauses);
    if (st == SL_OK && l->nactions) {
        l->effects = calloc(l->nactions, sizeof *l->effects);
        if (l->effects == NULL)
            st = SL_ENOMEM;
    }
    if (st == SL_OK) {
        latest_month(m, latest);
        for (size_t i = 0; i < l->nactions; i++) {
            effect(m, &l->actions[i], latest, &l->effects[i]);
            l->running += running(&l->actions[i], today);
        }
        l->depts = calloc(256, sizeof *l->depts);
        if (l->depts == NULL)
            st = SL_ENOMEM;
        else if (m == NULL || figures_depts(m, l->depts, 256, &l->ndepts) != SL_OK)
            l->ndepts = 0;
    }
    dash_unlock(r->app);
    if (st != SL_OK)
        loaded_free(l);
    return st;
}

static void th(struct html *h, const char *s)
{
    HTML_LIT(h, "<th scope=\"col\">");
    html_str(h, s);
    HTML_LIT(h, "</th>");
}

static void td(struct html *h, const char *s)
{
    HTML_LIT(h, "<td>");
    html_str(h, s);
    HTML_LIT(h, "</td>");
}

static void share_cell(struct html *h, const struct dash_req *r, bool have, uint64_t p, uint64_t s,
                       const char *figure)
{
    char pct[32];
    HTML_LIT(h, "<td");
    HTML_ATTR(h, "data-figure", figure, strlen(figure));
    HTML_LIT(h, ">");
    if (!have || s == 0) {
        html_str(h, T(r, "geen gegevens", "no data", "pas de données"));
    } else {
        dash_pct(r, share(p, s), pct, sizeof pct);
        html_str(h, pct);
        HTML_LIT(h, " <span class=\"n\">(");
        html_uint(h, p);
        HTML_LIT(h, "/");
        html_uint(h, s);
        HTML_LIT(h, ")</span>");
    }
    HTML_LIT(h, "</td>");
}

static enum sl_status actions_page(struct dash_req *r, int status, const char *error)
{
    struct loaded l;
    enum sl_status st = load(r, &l);
    if (st != SL_OK)
        return st;
    struct web_response *res = r->res;
    struct html h = HTML_INIT(&res->body);
    const char *title = T(r, "Oorzaken en acties", "Causes and actions", "Causes et actions");
    bool can = r->user && r->user->role != ROLE_VIEWER;
    char today[11];
    dash_today(today, NULL);
    res->status = status;
    buf_reset(&res->body);
    dash_page_begin(&h, r, title, "/actions");
    HTML_LIT(&h, "<h1>");
    html_str(&h, title);
    HTML_LIT(&h, "</h1>\n<p class=\"exports\"><a id=\"export-csv\" href=\"/actions.csv\" "
                 "download>CSV</a> <a id=\"export-json\" href=\"/actions.json\" download>JSON</a>"
                 "</p>\n");
    if (error) {
        HTML_LIT(&h, "<p id=\"form-error\" class=\"error\" role=\"alert\">");
        html_str(&h, error);
        HTML_LIT(&h, "</p>\n");
    }
    if (l.running > RUNNING_MAX) {
        HTML_LIT(&h, "<p id=\"too-many-actions\" class=\"warning\" role=\"alert\">");
        html_str(&h, T(r, "Er lopen nu ", "There are now ", "Il y a maintenant "));
        html_uint(&h, l.running);
        html_str(&h, T(r,
                       " acties tegelijk. De toolkit raadt aan er hoogstens drie tegelijk te "
                       "kiezen, zodat het effect van elk zichtbaar blijft.",
                       " actions running at once. The toolkit advises at most three at a time, "
                       "so that the effect of each stays visible.",
                       " actions en cours en même temps. La boîte à outils conseille d'en "
                       "choisir trois au plus, pour que l'effet de chacune reste visible."));
        HTML_LIT(&h, "</p>\n");
    }

    /* actions */
    HTML_LIT(&h, "<section aria-labelledby=\"actions-title\">\n<h2 id=\"actions-title\">");
    html_str(&h, T(r, "Acties", "Actions", "Actions"));
    HTML_LIT(&h, "</h2>\n<p class=\"hint\">");
    html_str(&h, T(r,
                   "Aandeel beveiligd verstuurd in de doelafdelingen: de drie maanden vóór de "
                   "start, en vanaf de start.",
                   "Share sent protected in the target departments: the three months before the "
                   "start, and from the start.",
                   "Part envoyée protégée dans les services visés : les trois mois avant le "
                   "début, et depuis le début."));
    HTML_LIT(&h, "</p>\n<table id=\"actions\">\n<thead><tr>");
    th(&h, T(r, "Actie", "Action", "Action"));
    th(&h, T(r, "Afdelingen", "Departments", "Services"));
    th(&h, T(r, "Kanaal", "Channel", "Canal"));
    th(&h, T(r, "Start", "Start", "Début"));
    th(&h, T(r, "Einde", "End", "Fin"));
    th(&h, T(r, "Status", "Status", "Statut"));
    th(&h, T(r, "Vóór", "Before", "Avant"));
    th(&h, T(r, "Na", "After", "Après"));
    HTML_LIT(&h, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < l.nactions; i++) {
        const struct dash_action *a = &l.actions[i];
        const struct effect *e = &l.effects[i];
        HTML_LIT(&h, "<tr");
        char id[24];
        snprintf(id, sizeof id, "%lld", (long long)a->id);
        HTML_ATTR(&h, "data-action-id", id, strlen(id));
        HTML_LIT(&h, ">");
        td(&h, a->title);
        td(&h, a->depts[0]
                   ? a->depts
                   : T(r, "hele organisatie", "whole organisation", "toute l'organisation"));
        td(&h, channel_text(r, a->channel));
        td(&h, a->start);
        td(&h, a->end[0] ? a->end : "-");
        td(&h, running(a, today)             ? T(r, "loopt", "running", "en cours")
               : strcmp(a->start, today) > 0 ? T(r, "gepland", "planned", "prévue")
                                             : T(r, "afgerond", "ended", "terminée"));
        share_cell(&h, r, e->have_before, e->before_protected, e->before_sensitive, "share-before");
        share_cell(&h, r, e->have_after, e->after_protected, e->after_sensitive, "share-after");
        HTML_LIT(&h, "</tr>\n");
    }
    if (l.nactions == 0) {
        HTML_LIT(&h, "<tr><td colspan=\"8\">");
        html_str(&h, T(r, "Nog geen acties.", "No actions yet.", "Pas encore d'actions."));
        HTML_LIT(&h, "</td></tr>\n");
    }
    HTML_LIT(&h, "</tbody>\n</table>\n");
    if (can) {
        HTML_LIT(&h, "<form id=\"action-add\" method=\"post\" action=\"/actions/add\">\n"
                     "<fieldset><legend>");
        html_str(&h, T(r, "Actie registreren", "Register an action", "Enregistrer une action"));
        HTML_LIT(&h, "</legend>\n");
        dash_csrf_field(&h, r);
        HTML_LIT(&h, "<p><label for=\"action-title\">");
        html_str(&h, T(r, "Titel", "Title", "Titre"));
        HTML_LIT(&h, "</label>\n<input id=\"action-title\" name=\"title\" type=\"text\" required "
                     "maxlength=\"200\"></p>\n<p><label for=\"action-depts\">");
        html_str(&h, T(r, "Doelafdelingen (met komma's; leeg: hele organisatie)",
                       "Target departments (with commas; empty: the whole organisation)",
                       "Services visés (séparés par des virgules ; vide : toute l'organisation)"));
        HTML_LIT(&h, "</label>\n<input id=\"action-depts\" name=\"depts\" type=\"text\" "
                     "maxlength=\"1000\" aria-describedby=\"known-depts\">\n<span "
                     "id=\"known-depts\" class=\"hint\">");
        html_str(&h, T(r, "Bekend: ", "Known: ", "Connus : "));
        for (size_t i = 0; i < l.ndepts; i++) {
            if (i)
                HTML_LIT(&h, ", ");
            html_str(&h, l.depts[i][0] ? l.depts[i] : "-");
        }
        HTML_LIT(&h, "</span></p>\n<p><label for=\"action-channel\">");
        html_str(&h, T(r, "Kanaal", "Channel", "Canal"));
        HTML_LIT(&h, "</label>\n<select id=\"action-channel\" name=\"channel\">");
        for (size_t i = 0; i < N(channels); i++) {
            HTML_LIT(&h, "<option");
            HTML_ATTR(&h, "value", channels[i].id, strlen(channels[i].id));
            HTML_LIT(&h, ">");
            html_str(&h, channels[i].text[r->lang]);
            HTML_LIT(&h, "</option>");
        }
        HTML_LIT(&h, "</select></p>\n<p><label for=\"action-start\">");
        html_str(&h, T(r, "Start", "Start", "Début"));
        HTML_LIT(&h, "</label>\n<input id=\"action-start\" name=\"start\" type=\"date\" required");
        HTML_ATTR(&h, "value", today, 10);
        HTML_LIT(&h, "></p>\n<p><label for=\"action-end\">");
        html_str(&h, T(r, "Einde (leeg: loopt door)", "End (empty: open)", "Fin (vide : ouverte)"));
        HTML_LIT(&h, "</label>\n<input id=\"action-end\" name=\"end\" type=\"date\"></p>\n"
                     "<p><button type=\"submit\">");
        html_str(&h, T(r, "Actie registreren", "Register the action", "Enregistrer l'action"));
        HTML_LIT(&h, "</button></p>\n</fieldset>\n</form>\n");
    }
    HTML_LIT(&h, "</section>\n");

    /* causes */
    HTML_LIT(&h, "<section aria-labelledby=\"causes-title\">\n<h2 id=\"causes-title\">");
    html_str(&h, T(r, "Gevonden oorzaken", "Causes found", "Causes identifiées"));
    HTML_LIT(&h, "</h2>\n<table id=\"causes\">\n<thead><tr>");
    th(&h, T(r, "Datum", "Date", "Date"));
    th(&h, T(r, "Door", "By", "Par"));
    th(&h, T(r, "Oorzaak", "Cause", "Cause"));
    th(&h, T(r, "Toelichting", "Note", "Note"));
    HTML_LIT(&h, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < l.ncauses; i++) {
        char d[16];
        time_t t = (time_t)l.causes[i].t;
        struct tm tm;
        if (localtime_r(&t, &tm) == NULL || strftime(d, sizeof d, "%Y-%m-%d", &tm) == 0)
            snprintf(d, sizeof d, "-");
        HTML_LIT(&h, "<tr>");
        td(&h, d);
        td(&h, l.causes[i].user);
        td(&h, cause_text(r, l.causes[i].cause));
        td(&h, l.causes[i].note);
        HTML_LIT(&h, "</tr>\n");
    }
    if (l.ncauses == 0) {
        HTML_LIT(&h, "<tr><td colspan=\"4\">");
        html_str(&h, T(r, "Nog geen oorzaken vastgelegd.", "No causes recorded yet.",
                       "Aucune cause enregistrée."));
        HTML_LIT(&h, "</td></tr>\n");
    }
    HTML_LIT(&h, "</tbody>\n</table>\n");
    if (can) {
        HTML_LIT(&h, "<form id=\"cause-add\" method=\"post\" action=\"/actions/cause\">\n"
                     "<fieldset><legend>");
        html_str(&h, T(r, "Oorzaak vastleggen", "Record a cause", "Enregistrer une cause"));
        HTML_LIT(&h, "</legend>\n");
        dash_csrf_field(&h, r);
        HTML_LIT(&h, "<p><label for=\"cause\">");
        html_str(&h, T(r, "Oorzaak (knelpunt)", "Cause", "Cause"));
        HTML_LIT(&h, "</label>\n<select id=\"cause\" name=\"cause\">");
        for (size_t i = 0; i < N(causes); i++) {
            HTML_LIT(&h, "<option");
            HTML_ATTR(&h, "value", causes[i].id, strlen(causes[i].id));
            HTML_LIT(&h, ">");
            html_str(&h, causes[i].text[r->lang]);
            HTML_LIT(&h, "</option>");
        }
        HTML_LIT(&h, "</select></p>\n<p><label for=\"cause-note\">");
        html_str(&h, T(r, "Toelichting", "Note", "Note"));
        HTML_LIT(&h, "</label>\n<textarea id=\"cause-note\" name=\"note\" rows=\"3\" "
                     "maxlength=\"2000\"></textarea></p>\n<p><button type=\"submit\">");
        html_str(&h, T(r, "Oorzaak vastleggen", "Record the cause", "Enregistrer la cause"));
        HTML_LIT(&h, "</button></p>\n</fieldset>\n</form>\n");
    }
    HTML_LIT(&h, "</section>\n");
    loaded_free(&l);
    dash_page_end(&h, r);
    return html_status(&h);
}

enum sl_status page_actions(struct web_request *req, struct web_response *res)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    dash_audit(&r, "view actions", "");
    return actions_page(&r, 200, NULL);
}

enum sl_status page_cause_add(struct web_request *req, struct web_response *res)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    const char *cause = web_field(req, "cause", NULL);
    const char *note = web_field(req, "note", NULL);
    bool known = false;
    for (size_t i = 0; cause && i < N(causes); i++)
        known |= strcmp(causes[i].id, cause) == 0;
    if (!known)
        return actions_page(&r, 400,
                            T(&r, "Kies een oorzaak uit de lijst.", "Choose a cause from the list.",
                              "Choisissez une cause dans la liste."));
    dash_lock(r.app);
    enum sl_status st = dashdb_cause_add(dash_db(r.app), (int64_t)time(NULL), r.user->name, cause,
                                         note ? note : "");
    dash_unlock(r.app);
    if (st != SL_OK)
        return st;
    dash_audit(&r, "cause add", cause);
    return web_response_redirect(res, 303, "/actions");
}

enum sl_status page_action_add(struct web_request *req, struct web_response *res)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    struct dash_action a = {.t = (int64_t)time(NULL)};
    const char *title = web_field(req, "title", NULL);
    const char *depts = web_field(req, "depts", NULL);
    const char *channel = web_field(req, "channel", NULL);
    const char *start = web_field(req, "start", NULL);
    const char *end = web_field(req, "end", NULL);
    if (title == NULL || !dashdb_channel_valid(channel) || !dashdb_date_valid(start) ||
        (end && end[0] && (!dashdb_date_valid(end) || strcmp(end, start) < 0)) ||
        !dashdb_depts_clean(depts ? depts : "", a.depts, sizeof a.depts))
        return actions_page(&r, 400,
                            T(&r,
                              "Vul een titel, een kanaal en een geldige startdatum in (en een "
                              "einde niet vóór de start).",
                              "Fill in a title, a channel and a valid start date (and an end not "
                              "before the start).",
                              "Indiquez un titre, un canal et une date de début valable (et une "
                              "fin qui ne précède pas le début)."));
    snprintf(a.user, sizeof a.user, "%s", r.user->name);
    snprintf(a.title, sizeof a.title, "%s", title);
    snprintf(a.channel, sizeof a.channel, "%s", channel);
    snprintf(a.start, sizeof a.start, "%s", start);
    snprintf(a.end, sizeof a.end, "%s", end ? end : "");
    dash_lock(r.app);
    enum sl_status st = dashdb_action_add(dash_db(r.app), &a);
    dash_unlock(r.app);
    if (st != SL_OK)
        return st;
    dash_audit(&r, "action add", a.title);
    return web_response_redirect(res, 303, "/actions");
}

enum sl_status page_actions_csv(struct web_request *req, struct web_response *res)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    struct loaded l;
    dash_audit(&r, "export csv", "actions");
    enum sl_status st = load(&r, &l);
    if (st != SL_OK)
        return st;
    res->type = "text/csv; charset=utf-8";
    struct buf *b = &res->body;
    st = buf_append_str(b, "kind,id,title,depts,channel,start,end,before_protected,"
                           "before_sensitive,after_protected,after_sensitive,note,user\r\n");
    for (size_t i = 0; st == SL_OK && i < l.nactions; i++) {
        const struct dash_action *a = &l.actions[i];
        const struct effect *e = &l.effects[i];
        st = buf_printf(b, "action,%lld,", (long long)a->id);
        const char *cells[] = {a->title, a->depts, a->channel, a->start, a->end};
        for (size_t k = 0; st == SL_OK && k < N(cells); k++)
            st = dash_csv_cell(b, cells[k], false);
        if (st == SL_OK)
            st = buf_printf(b, "%llu,%llu,%llu,%llu,,", (unsigned long long)e->before_protected,
                            (unsigned long long)e->before_sensitive,
                            (unsigned long long)e->after_protected,
                            (unsigned long long)e->after_sensitive);
        if (st == SL_OK)
            st = dash_csv_cell(b, a->user, true);
    }
    for (size_t i = 0; st == SL_OK && i < l.ncauses; i++) {
        st = buf_printf(b, "cause,%lld,", (long long)l.causes[i].id);
        if (st == SL_OK)
            st = dash_csv_cell(b, l.causes[i].cause, false);
        if (st == SL_OK)
            st = buf_append_str(b, ",,,,,,,,");
        if (st == SL_OK)
            st = dash_csv_cell(b, l.causes[i].note, false);
        if (st == SL_OK)
            st = dash_csv_cell(b, l.causes[i].user, true);
    }
    loaded_free(&l);
    if (st == SL_OK)
        st = web_response_attachment(res, "actions.csv", 11);
    return st;
}

enum sl_status page_actions_json(struct web_request *req, struct web_response *res)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    struct loaded l;
    dash_audit(&r, "export json", "actions");
    enum sl_status st = load(&r, &l);
    if (st != SL_OK)
        return st;
    res->type = "application/json";
    struct buf *b = &res->body;
    st = buf_printf(b, "{\"running\":%zu,\"actions\":[", l.running);
    for (size_t i = 0; st == SL_OK && i < l.nactions; i++) {
        const struct dash_action *a = &l.actions[i];
        const struct effect *e = &l.effects[i];
        const char *names[] = {"title", "depts", "channel", "start", "end", "user"};
        const char *vals[] = {a->title, a->depts, a->channel, a->start, a->end, a->user};
        st = buf_printf(b, "%s{\"id\":%lld", i ? "," : "", (long long)a->id);
        for (size_t k = 0; st == SL_OK && k < N(names); k++) {
            st = buf_printf(b, ",\"%s\":", names[k]);
            if (st == SL_OK)
                st = dash_json_str(b, vals[k]);
        }
        if (st == SL_OK)
            st = buf_printf(
                b,
                ",\"before\":{\"protected\":%llu,\"sensitive\":%llu,\"share\":%.4f},"
                "\"after\":{\"protected\":%llu,\"sensitive\":%llu,\"share\":%.4f}}",
                (unsigned long long)e->before_protected, (unsigned long long)e->before_sensitive,
                share(e->before_protected, e->before_sensitive),
                (unsigned long long)e->after_protected, (unsigned long long)e->after_sensitive,
                share(e->after_protected, e->after_sensitive));
    }
    if (st == SL_OK)
        st = buf_append_str(b, "],\"causes\":[");
    for (size_t i = 0; st == SL_OK && i < l.ncauses; i++) {
        st = buf_printf(b, "%s{\"id\":%lld,\"t\":%lld,\"cause\":", i ? "," : "",
                        (long long)l.causes[i].id, (long long)l.causes[i].t);
        if (st == SL_OK)
            st = dash_json_str(b, l.causes[i].cause);
        if (st == SL_OK)
            st = buf_append_str(b, ",\"note\":");
        if (st == SL_OK)
            st = dash_json_str(b, l.causes[i].note);
        if (st == SL_OK)
            st = buf_append_str(b, ",\"user\":");
        if (st == SL_OK)
            st = dash_json_str(b, l.causes[i].user);
        if (st == SL_OK)
            st = buf_append_char(b, '}');
    }
    loaded_free(&l);
    if (st == SL_OK)
        st = buf_append_str(b, "]}\n");
    if (st == SL_OK)
        st = web_response_attachment(res, "actions.json", 12);
    return st;
}
