/*
 * ui-month - the month page, its exports and its printable report, and
 * the reveal of a pseudonym.
 *
 * Every number comes from figures_month (store/figures.h), the one
 * definition `sluis report` prints too; the exports are figures_csv and
 * figures_json of the same struct. Staff appear only as pseudonyms
 * ("Afdeling – medewerker N", stable per month and department), and only
 * to the privacy and admin roles; a viewer sees figures alone. An admin
 * can reveal the address behind a pseudonym with a stated reason (10
 * characters at least): the address is shown once, on that answer, and
 * the audit log gets who, which pseudonym and why, never the address.
 *
 * Each figure carries data-figure="NAME" so a test can read it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "../policy/tags.h"
#include "chart.h"
#include "dash.h"
#include "db.h"

#define MONTHS_MAX 120
#define DEPTS_MAX  256
#define TREND      12

struct view {
    char month[8];
    char dept[EVENT_DEPT_MAX + 1];
    bool have_store;
    struct fig_month f;
    bool have_f;
    char (*months)[8];
    size_t nmonths;
    char (*depts)[EVENT_DEPT_MAX + 1];
    size_t ndepts;
    struct fig_point trend[TREND];
    bool have_trend;
    struct dash_action *actions;
    size_t nactions;
};

static void view_free(struct view *v)
{
    if (v->have_f)
        figures_month_free(&v->f);
    free(v->months);
    free(v->depts);
    free(v->actions);
}

/* load - the month asked for (?m=, else the newest with events, else this
 * month) and department (?dept=, "" all) with everything the page shows */
static enum sl_status load(struct dash_req *r, const char *month_in, const char *dept_in,
                           struct view *v, char *err, size_t errlen)
{
    memset(v, 0, sizeof *v);
    v->months = calloc(MONTHS_MAX, sizeof *v->months);
    v->depts = calloc(DEPTS_MAX, sizeof *v->depts);
    if (v->months == NULL || v->depts == NULL) {
        view_free(v);
        return SL_ENOMEM;
    }
    snprintf(v->dept, sizeof v->dept, "%s", dept_in ? dept_in : "");
    dash_lock(r->app);
    struct metrics *m = dash_metrics(r->app);
    enum sl_status st = SL_OK;
    v->have_store = m != NULL;
    if (m && figures_months(m, v->months, MONTHS_MAX, &v->nmonths) != SL_OK)
        v->nmonths = 0;
    if (m && figures_depts(m, v->depts, DEPTS_MAX, &v->ndepts) != SL_OK)
        v->ndepts = 0;
    if (month_in && dash_month_valid(month_in))
        snprintf(v->month, sizeof v->month, "%s", month_in);
    else if (v->nmonths)
        memcpy(v->month, v->months[0], 8);
    else
        dash_today(NULL, v->month);
    if (m) {
        st = figures_month(m, v->month, v->dept, dash_key(r->app), &v->f, err, errlen);
        v->have_f = st == SL_OK;
        if (st == SL_OK) {
            figures_set_reports(&v->f, dash_fp_reports, r->app);
            v->have_trend =
                figures_trend(m, v->month, TREND, v->dept, v->trend, err, errlen) == SL_OK;
        }
    }
    if (st == SL_OK && dashdb_actions(dash_db(r->app), &v->actions, &v->nactions) != SL_OK)
        v->nactions = 0;
    dash_unlock(r->app);
    if (st != SL_OK)
        view_free(v);
    return st;
}

/* ---- writing ---- */

static void th(struct html *h, const char *s)
{
    HTML_LIT(h, "<th scope=\"col\">");
    html_str(h, s);
    HTML_LIT(h, "</th>");
}

static void num_cell(struct html *h, uint64_t n, const char *figure)
{
    HTML_LIT(h, "<td class=\"num\"");
    if (figure)
        HTML_ATTR(h, "data-figure", figure, strlen(figure));
    HTML_LIT(h, ">");
    html_uint(h, n);
    HTML_LIT(h, "</td>");
}

static void pct_cell(struct html *h, const struct dash_req *r, double share, const char *figure)
{
    char p[32];
    dash_pct(r, share, p, sizeof p);
    HTML_LIT(h, "<td class=\"num\"");
    if (figure)
        HTML_ATTR(h, "data-figure", figure, strlen(figure));
    HTML_LIT(h, ">");
    html_str(h, p);
    HTML_LIT(h, "</td>");
}

/* row - a labelled figure: <tr><th scope=row>label</th><td data-figure>n</td></tr> */
static void row(struct html *h, const char *label, uint64_t n, const char *figure)
{
    HTML_LIT(h, "<tr><th scope=\"row\">");
    html_str(h, label);
    HTML_LIT(h, "</th>");
    num_cell(h, n, figure);
    HTML_LIT(h, "</tr>\n");
}

static const char *reason_text(const struct dash_req *r, int reason)
{
    switch (reason) {
    case REASON_CONSENT:
        return T(r, "toestemming", "consent", "consentement");
    case REASON_NOT_HEALTH:
        return T(r, "geen gezondheidsinformatie", "not health data", "pas de données de santé");
    case REASON_URGENT:
        return T(r, "spoed", "urgent", "urgence");
    case REASON_NO_CHANNEL:
        return T(r, "ontvanger kan niet beveiligd", "recipient has no secure channel",
                 "pas de canal sécurisé chez le destinataire");
    case REASON_OTHER:
        return T(r, "anders", "other", "autre");
    default:
        return T(r, "geen", "none", "aucune");
    }
}

static void summary(struct html *h, const struct dash_req *r, const struct fig_counts *c)
{
    HTML_LIT(h, "<section aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">");
    html_str(h, T(r, "Overzicht", "Overview", "Vue d'ensemble"));
    HTML_LIT(h,
             "</h2>\n<p class=\"headline\"><span class=\"big\" data-figure=\"protected-share\">");
    char p[32];
    dash_pct(r, fig_share(c), p, sizeof p);
    html_str(h, p);
    HTML_LIT(h, "</span> ");
    html_str(h, T(r, "van de gevoelige mail naar buiten ging beveiligd.",
                  "of the sensitive mail to outside recipients left protected.",
                  "des mails sensibles vers l'extérieur sont partis protégés."));
    HTML_LIT(h, "</p>\n<table id=\"summary\">\n<tbody>\n");
    row(h, T(r, "Uitgaande berichten", "Outgoing messages", "Messages sortants"), c->outgoing,
        "outgoing");
    row(h,
        T(r, "Met externe ontvangers", "With external recipients",
          "Avec des destinataires externes"),
        c->external, "external");
    row(h, T(r, "Daarvan gevoelig", "Of them sensitive", "Dont sensibles"), c->sensitive,
        "sensitive");
    row(h, T(r, "Beveiligd verstuurd", "Sent protected", "Envoyés protégés"), c->protected_,
        "protected");
    row(h, T(r, "Onbeveiligd verstuurd", "Sent unprotected", "Envoyés non protégés"),
        c->unprotected, "unprotected");
    row(h, T(r, "Vastgehouden", "Held", "Retenus"), c->held, "held");
    row(h, T(r, "Geweigerd", "Rejected", "Refusés"), c->rejected, "rejected");
    row(h, T(r, "Tijdelijk geweigerd", "Deferred", "Différés"), c->tempfail, "tempfail");
    row(h, T(r, "Niet volledig gescand", "Not scanned in full", "Pas entièrement analysés"),
        c->incomplete, "incomplete");
    row(h, T(r, "Onveilig-label geweigerd", "Unsafe tag refused", "Étiquette non sûre refusée"),
        c->override_refused, "override-refused");
    HTML_LIT(h, "</tbody>\n</table>\n</section>\n");

    HTML_LIT(h, "<section aria-labelledby=\"channels-title\">\n<h2 id=\"channels-title\">");
    html_str(h, T(r, "Beveiligd: langs welk kanaal", "Protected: by which channel",
                  "Protégés : par quel canal"));
    HTML_LIT(h, "</h2>\n<table id=\"channels\">\n<tbody>\n");
    row(h, "S/MIME", c->channel[EVENT_CH_SMIME], "channel-smime");
    row(h, T(r, "TLS-route (partner)", "TLS route (partner)", "Route TLS (partenaire)"),
        c->channel[EVENT_CH_TLS], "channel-tls");
    row(h, T(r, "Portaal", "Portal", "Portail"), c->channel[EVENT_CH_PORTAL], "channel-portal");
    row(h, T(r, "Eigen portaal", "Own portal", "Portail propre"),
        c->channel[EVENT_CH_EXTERNAL_PORTAL], "channel-external");
    HTML_LIT(h, "</tbody>\n</table>\n</section>\n");

    HTML_LIT(h, "<section aria-labelledby=\"unprotected-title\">\n<h2 id=\"unprotected-title\">");
    html_str(h, T(r, "Onbeveiligd: waarom", "Unprotected: why", "Non protégés : pourquoi"));
    HTML_LIT(h, "</h2>\n<table id=\"unprotected\">\n<tbody>\n");
    row(h, T(r, "Monitormodus", "Monitor mode", "Mode surveillance"), c->by_monitor, "by-monitor");
    row(h, T(r, "Waarschuwmodus", "Warn mode", "Mode avertissement"), c->by_warn, "by-warn");
    row(h,
        T(r, "Onveilig-label van de afzender", "The sender's unsafe tag",
          "Étiquette non sûre de l'expéditeur"),
        c->by_override, "by-override");
    row(h,
        T(r, "Anders (onder de drempel)", "Other (below the threshold)", "Autre (sous le seuil)"),
        c->by_other, "by-other");
    for (int i = 1; i < FIG_REASONS; i++) {
        char label[160], fig[32];
        snprintf(label, sizeof label, "%s: %s", T(r, "Reden", "Reason", "Raison"),
                 reason_text(r, i));
        snprintf(fig, sizeof fig, "reason-%s", tags_reason_name((enum tag_reason)i));
        row(h, label, c->override_reason[i], fig);
    }
    HTML_LIT(h, "</tbody>\n</table>\n</section>\n");
}

static void dept_name(struct html *h, const struct dash_req *r, const char *d)
{
    html_str(h, d[0] ? d : T(r, "(geen afdeling)", "(no department)", "(aucun service)"));
}

static void departments(struct html *h, const struct dash_req *r, const struct fig_month *f)
{
    HTML_LIT(h, "<section aria-labelledby=\"departments-title\">\n<h2 id=\"departments-title\">");
    html_str(h, T(r, "Per afdeling", "By department", "Par service"));
    HTML_LIT(h, "</h2>\n<table id=\"departments\">\n<thead><tr>");
    th(h, T(r, "Afdeling", "Department", "Service"));
    th(h, T(r, "Extern", "External", "Externes"));
    th(h, T(r, "Gevoelig", "Sensitive", "Sensibles"));
    th(h, T(r, "Beveiligd", "Protected", "Protégés"));
    th(h, T(r, "Aandeel", "Share", "Part"));
    th(h, T(r, "Onbeveiligd", "Unprotected", "Non protégés"));
    th(h, T(r, "Vastgehouden", "Held", "Retenus"));
    th(h, T(r, "Geweigerd", "Rejected", "Refusés"));
    HTML_LIT(h, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < f->ndepts; i++) {
        const struct fig_dept *d = &f->depts[i];
        HTML_LIT(h, "<tr");
        HTML_ATTR(h, "data-dept", d->dept, strlen(d->dept));
        HTML_LIT(h, "><th scope=\"row\">");
        dept_name(h, r, d->dept);
        HTML_LIT(h, "</th>");
        num_cell(h, d->c.external, "external");
        num_cell(h, d->c.sensitive, "sensitive");
        num_cell(h, d->c.protected_, "protected");
        pct_cell(h, r, fig_share(&d->c), "protected-share");
        num_cell(h, d->c.unprotected, "unprotected");
        num_cell(h, d->c.held, "held");
        num_cell(h, d->c.rejected, "rejected");
        HTML_LIT(h, "</tr>\n");
    }
    HTML_LIT(h, "</tbody>\n</table>\n</section>\n");
}

static void domains(struct html *h, const struct dash_req *r, const struct fig_month *f)
{
    HTML_LIT(h, "<section aria-labelledby=\"domains-title\">\n<h2 id=\"domains-title\">");
    html_str(h, T(r, "Domeinen zonder geverifieerd kanaal", "Domains without a verified channel",
                  "Domaines sans canal vérifié"));
    HTML_LIT(h, "</h2>\n<p class=\"hint\">");
    html_str(h, T(r,
                  "Organisaties die gevoelige mail kregen zonder S/MIME of TLS-route: kandidaten "
                  "voor een partnerafspraak of S/MIME.",
                  "Organisations that received sensitive mail without S/MIME or the TLS route: "
                  "candidates for a partner agreement or S/MIME.",
                  "Organisations ayant reçu des mails sensibles sans S/MIME ni route TLS : "
                  "candidates pour un accord de partenariat ou S/MIME."));
    HTML_LIT(h, "</p>\n<table id=\"domains\">\n<thead><tr>");
    th(h, T(r, "Domein", "Domain", "Domaine"));
    th(h, T(r, "Gevoelige berichten", "Sensitive messages", "Messages sensibles"));
    th(h, T(r, "Niet geverifieerd", "Not verified", "Non vérifiés"));
    th(h, T(r, "Onbeveiligd", "Unprotected", "Non protégés"));
    HTML_LIT(h, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < f->ndomains; i++) {
        HTML_LIT(h, "<tr><th scope=\"row\">");
        html_str(h, f->domains[i].domain);
        HTML_LIT(h, "</th>");
        num_cell(h, f->domains[i].messages, NULL);
        num_cell(h, f->domains[i].unverified, NULL);
        num_cell(h, f->domains[i].unprotected, NULL);
        HTML_LIT(h, "</tr>\n");
    }
    HTML_LIT(h, "</tbody>\n</table>\n</section>\n");
}

static void rules(struct html *h, const struct dash_req *r, const struct fig_month *f)
{
    HTML_LIT(h, "<section aria-labelledby=\"rules-title\">\n<h2 id=\"rules-title\">");
    html_str(h, T(r, "Regels die het vaakst afgaan", "Rules that fire most",
                  "Règles les plus déclenchées"));
    HTML_LIT(h, "</h2>\n<table id=\"rules\">\n<thead><tr>");
    th(h, T(r, "Regel", "Rule", "Règle"));
    th(h, T(r, "Categorie", "Category", "Catégorie"));
    th(h, T(r, "Berichten", "Messages", "Messages"));
    th(h, T(r, "Onterecht gemeld", "Reported false", "Signalés à tort"));
    th(h, T(r, "Percentage onterecht", "False-positive rate", "Taux de faux positifs"));
    HTML_LIT(h, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < f->nrules; i++) {
        const struct fig_rule *ru = &f->rules[i];
        HTML_LIT(h, "<tr");
        HTML_ATTR(h, "data-rule", ru->rule, strlen(ru->rule));
        HTML_LIT(h, "><th scope=\"row\">");
        html_str(h, ru->rule);
        HTML_LIT(h, "</th><td>");
        html_str(h, ru->category);
        HTML_LIT(h, "</td>");
        num_cell(h, ru->fired, "fired");
        num_cell(h, ru->reports, "reports");
        pct_cell(h, r, ru->fired ? (double)ru->reports / (double)ru->fired : 0.0, "fp-rate");
        HTML_LIT(h, "</tr>\n");
    }
    HTML_LIT(h, "</tbody>\n</table>\n</section>\n");
}

static void timing(struct html *h, const struct dash_req *r, const struct fig_timing *t)
{
    HTML_LIT(h, "<section aria-labelledby=\"timing-title\">\n<h2 id=\"timing-title\">");
    html_str(h, T(r, "Scantijd", "Scan time", "Temps d'analyse"));
    HTML_LIT(h, "</h2>\n<table id=\"timing\">\n<tbody>\n");
    row(h, T(r, "Gescande berichten", "Messages scanned", "Messages analysés"), t->n, "scan-n");
    row(h, T(r, "Mediaan (µs)", "Median (µs)", "Médiane (µs)"), t->p50_us, "scan-p50");
    row(h, "p95 (µs)", t->p95_us, "scan-p95");
    row(h, "p99 (µs)", t->p99_us, "scan-p99");
    row(h, T(r, "Hoogste (µs)", "Highest (µs)", "Maximum (µs)"), t->max_us, "scan-max");
    row(h, T(r, "Gescande bytes", "Bytes scanned", "Octets analysés"), t->bytes, "scan-bytes");
    HTML_LIT(h, "</tbody>\n</table>\n</section>\n");
}

static void senders(struct html *h, const struct dash_req *r, const struct view *v)
{
    const struct fig_month *f = &v->f;
    bool admin = r->user->role == ROLE_ADMIN;
    HTML_LIT(h, "<section aria-labelledby=\"senders-title\">\n<h2 id=\"senders-title\">");
    html_str(h, T(r, "Medewerkers die gevoelige mail onbeveiligd verstuurden",
                  "Staff who sent sensitive mail unprotected",
                  "Collaborateurs ayant envoyé des mails sensibles non protégés"));
    HTML_LIT(h, "</h2>\n<p class=\"hint\">");
    html_str(h, T(r,
                  "Alleen als pseudoniem, vast per maand en afdeling. De toolkit raadt een "
                  "gesprek aan met wie structureel onveilig mailt; ook hun privacy telt.",
                  "As pseudonyms only, stable per month and department. The toolkit advises a "
                  "conversation with staff who mail unsafely as a habit; their privacy matters "
                  "too.",
                  "Uniquement sous pseudonyme, stable par mois et par service. La boîte à outils "
                  "conseille un entretien avec qui envoie régulièrement sans protection ; leur vie "
                  "privée compte aussi."));
    HTML_LIT(h, "</p>\n");
    if (dash_key(r->app) == NULL) {
        HTML_LIT(h, "<p id=\"no-key\" class=\"warning\">");
        html_str(h, T(r, "Zonder sleutel zijn er geen pseudoniemen.",
                      "Without the key there are no pseudonyms.",
                      "Sans la clé il n'y a pas de pseudonymes."));
        HTML_LIT(h, "</p>\n</section>\n");
        return;
    }
    HTML_LIT(h, "<table id=\"senders\">\n<thead><tr>");
    th(h, T(r, "Pseudoniem", "Pseudonym", "Pseudonyme"));
    th(h, T(r, "Gevoelig extern", "Sensitive external", "Sensibles externes"));
    th(h, T(r, "Onbeveiligd", "Unprotected", "Non protégés"));
    if (admin)
        th(h, T(r, "Onthullen", "Reveal", "Révéler"));
    HTML_LIT(h, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < f->nsenders; i++) {
        const struct fig_sender *s = &f->senders[i];
        char label[160], id[32];
        dash_pseudonym(r, s->dept, s->label, label, sizeof label);
        HTML_LIT(h, "<tr><th scope=\"row\" class=\"pseudonym\">");
        html_str(h, label);
        HTML_LIT(h, "</th>");
        num_cell(h, s->sensitive, "sensitive");
        num_cell(h, s->unprotected, "unprotected");
        if (admin) {
            snprintf(id, sizeof id, "reason-%zu", i);
            HTML_LIT(h, "<td><form class=\"reveal\" method=\"post\" action=\"/reveal\">");
            dash_csrf_field(h, r);
            HTML_LIT(h, "<input type=\"hidden\" name=\"m\"");
            HTML_ATTR(h, "value", v->month, strlen(v->month));
            HTML_LIT(h, "><input type=\"hidden\" name=\"dept\"");
            HTML_ATTR(h, "value", v->dept, strlen(v->dept));
            HTML_LIT(h, "><input type=\"hidden\" name=\"sender\"");
            HTML_ATTR(h, "value", s->hash, strlen(s->hash));
            HTML_LIT(h, "><label");
            HTML_ATTR(h, "for", id, strlen(id));
            HTML_LIT(h, ">");
            html_str(h, T(r, "Reden om ", "Reason to reveal ", "Raison de révéler "));
            html_str(h, label);
            html_str(h, T(r, " te onthullen", "", ""));
            HTML_LIT(h, "</label> <input type=\"text\" name=\"reason\" required minlength=\"10\" "
                        "maxlength=\"500\"");
            HTML_ATTR(h, "id", id, strlen(id));
            HTML_LIT(h, "> <button type=\"submit\">");
            html_str(h, T(r, "Onthullen", "Reveal", "Révéler"));
            HTML_LIT(h, "</button></form></td>");
        }
        HTML_LIT(h, "</tr>\n");
    }
    HTML_LIT(h, "</tbody>\n</table>\n</section>\n");
}

/* month_link - /PATH?m=M[&dept=D] */
static void month_href(struct html *h, const char *prefix, const struct view *v)
{
    struct html_link l = {.prefix = prefix, .query = {{"m", v->month}}};
    if (v->dept[0])
        l.query[1].name = "dept", l.query[1].value = v->dept;
    html_href(h, &l);
}

static void switcher(struct html *h, const struct dash_req *r, const struct view *v)
{
    HTML_LIT(h, "<form id=\"month-switch\" method=\"get\" action=\"/month\">\n<p><label "
                "for=\"m\">");
    html_str(h, T(r, "Maand", "Month", "Mois"));
    HTML_LIT(h, "</label>\n<select id=\"m\" name=\"m\">");
    bool listed = false;
    for (size_t i = 0; i < v->nmonths; i++) {
        char name[64];
        dash_month_name(r, v->months[i], name, sizeof name);
        HTML_LIT(h, "<option");
        HTML_ATTR(h, "value", v->months[i], strlen(v->months[i]));
        if (strcmp(v->months[i], v->month) == 0) {
            HTML_LIT(h, " selected");
            listed = true;
        }
        HTML_LIT(h, ">");
        html_str(h, name);
        HTML_LIT(h, "</option>");
    }
    if (!listed) {
        char name[64];
        dash_month_name(r, v->month, name, sizeof name);
        HTML_LIT(h, "<option selected");
        HTML_ATTR(h, "value", v->month, strlen(v->month));
        HTML_LIT(h, ">");
        html_str(h, name);
        HTML_LIT(h, "</option>");
    }
    HTML_LIT(h, "</select>\n<label for=\"dept\">");
    html_str(h, T(r, "Afdeling", "Department", "Service"));
    HTML_LIT(h, "</label>\n<select id=\"dept\" name=\"dept\"><option value=\"\">");
    html_str(h, T(r, "Alle afdelingen", "All departments", "Tous les services"));
    HTML_LIT(h, "</option>");
    for (size_t i = 0; i < v->ndepts; i++) {
        if (!v->depts[i][0])
            continue; /* the organisation without a department is "all" */
        HTML_LIT(h, "<option");
        HTML_ATTR(h, "value", v->depts[i], strlen(v->depts[i]));
        if (strcmp(v->depts[i], v->dept) == 0)
            HTML_LIT(h, " selected");
        HTML_LIT(h, ">");
        html_str(h, v->depts[i]);
        HTML_LIT(h, "</option>");
    }
    HTML_LIT(h, "</select>\n<button type=\"submit\">");
    html_str(h, T(r, "Tonen", "Show", "Afficher"));
    HTML_LIT(h, "</button></p>\n</form>\n<p class=\"exports\"><a id=\"export-csv\" href=\"");
    month_href(h, "/month.csv", v);
    HTML_LIT(h, "\" download>CSV</a> <a id=\"export-json\" href=\"");
    month_href(h, "/month.json", v);
    HTML_LIT(h, "\" download>JSON</a> <a id=\"print-link\" href=\"");
    month_href(h, "/print", v);
    HTML_LIT(h, "\">");
    html_str(h, T(r, "Afdrukbaar maandrapport", "Printable monthly report",
                  "Rapport mensuel imprimable"));
    HTML_LIT(h, "</a></p>\n");
}

/* charts - the month's outcomes as one bar, and the 12-month trend of the
 * protected share with the registered actions (those of the page's
 * department or of the whole organisation) drawn on it */
static void charts(struct html *h, const struct dash_req *r, const struct view *v)
{
    struct chart_outcomes o = {
        .id = "outcomes",
        .title = T(r, "Uitkomst van gevoelige mail naar buiten",
                   "Outcome of sensitive mail to "
                   "outside recipients",
                   "Issue des mails sensibles vers l'extérieur"),
        .desc = T(r, "Gevoelige berichten met externe ontvangers, naar uitkomst.",
                  "Sensitive messages with external recipients, by outcome.",
                  "Messages sensibles avec des destinataires externes, par issue."),
        .no_data = T(r, "Geen gevoelige mail deze maand.", "No sensitive mail this month.",
                     "Pas de mail sensible ce mois-ci."),
        .names = {"S/MIME", T(r, "TLS-route", "TLS route", "route TLS"),
                  T(r, "portaal", "portal", "portail"),
                  T(r, "eigen portaal", "own portal", "portail propre"),
                  T(r, "onbeveiligd", "unprotected", "non protégé"),
                  T(r, "vastgehouden", "held", "retenu"), T(r, "geweigerd", "rejected", "refusé"),
                  T(r, "tijdelijk geweigerd", "deferred", "différé")},
        .c = &v->f.all,
    };
    struct chart_action acts[32];
    char starts[32][8];
    size_t na = 0;
    for (size_t i = 0; i < v->nactions && na < 32; i++) {
        const struct dash_action *a = &v->actions[i];
        bool shown = !v->dept[0] || !a->depts[0];
        if (!shown) {
            /* one of its departments is the page's */
            char list[DASH_DEPTS_MAX + 1], *save = NULL;
            snprintf(list, sizeof list, "%s", a->depts);
            for (char *d = strtok_r(list, ",", &save); d && !shown; d = strtok_r(NULL, ",", &save))
                shown = strcmp(d, v->dept) == 0;
        }
        if (!shown)
            continue;
        memcpy(starts[na], a->start, 7);
        starts[na][7] = '\0';
        acts[na].start = starts[na];
        acts[na].title = a->title;
        na++;
    }
    struct chart_trend t = {
        .id = "trend",
        .title = T(r, "Beveiligd aandeel per maand", "Protected share per month",
                   "Part protégée par mois"),
        .desc = T(r,
                  "Aandeel van de gevoelige mail naar buiten dat beveiligd verstuurd werd, "
                  "de laatste twaalf maanden.",
                  "Share of the sensitive mail to outside recipients that left protected, the "
                  "last twelve months.",
                  "Part des mails sensibles vers l'extérieur partis protégés, les douze derniers "
                  "mois."),
        .y_label = T(r, "beveiligd (%)", "protected (%)", "protégé (%)"),
        .x_label = T(r, "maand", "month", "mois"),
        .no_data = T(r, "geen gegevens", "no data", "pas de données"),
        .legend = T(r, "Acties", "Actions", "Actions"),
        .points = v->trend,
        .npoints = v->have_trend ? TREND : 0,
        .actions = acts,
        .nactions = na,
    };
    HTML_LIT(h, "<section aria-labelledby=\"charts-title\" class=\"charts-section\">\n"
                "<h2 id=\"charts-title\">");
    html_str(h, T(r, "Grafieken", "Charts", "Graphiques"));
    HTML_LIT(h, "</h2>\n<div class=\"charts\">\n<figure id=\"chart-outcomes\">\n");
    chart_outcomes(h, &o);
    HTML_LIT(h, "\n</figure>\n<figure id=\"chart-trend\">\n");
    chart_trend(h, &t);
    HTML_LIT(h, "\n</figure>\n</div>\n</section>\n");
}

static void title_of(const struct dash_req *r, const struct view *v, const char *what, char *out,
                     size_t outlen)
{
    char name[64];
    dash_month_name(r, v->month, name, sizeof name);
    if (v->dept[0])
        snprintf(out, outlen, "%s %s \u2013 %s", what, name, v->dept);
    else
        snprintf(out, outlen, "%s %s", what, name);
}

static enum sl_status month_page(struct web_request *req, struct web_response *res, bool print)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    struct view v;
    char err[256] = "";
    enum sl_status st =
        load(&r, web_query(req, "m", NULL), web_query(req, "dept", NULL), &v, err, sizeof err);
    if (st != SL_OK)
        return st;
    char detail[128];
    snprintf(detail, sizeof detail, "%s%s%s", v.month, v.dept[0] ? " " : "", v.dept);
    dash_audit(&r, print ? "print month" : "view month", detail);
    struct html h = HTML_INIT(&res->body);
    char title[256];
    title_of(&r, &v,
             print ? T(&r, "Maandrapport", "Monthly report", "Rapport mensuel")
                   : T(&r, "Maandcijfers", "Monthly figures", "Chiffres du mois"),
             title, sizeof title);
    dash_page_begin(&h, &r, title, print ? NULL : "/month");
    HTML_LIT(&h, "<h1 id=\"month-title\"");
    HTML_ATTR(&h, "data-month", v.month, strlen(v.month));
    HTML_ATTR(&h, "data-dept", v.dept, strlen(v.dept));
    HTML_LIT(&h, ">");
    html_str(&h, title);
    HTML_LIT(&h, "</h1>\n");
    if (print) {
        HTML_LIT(&h, "<p class=\"noprint\"><a href=\"");
        month_href(&h, "/month", &v);
        HTML_LIT(&h, "\">");
        html_str(&h, T(&r, "Terug naar de maandcijfers", "Back to the monthly figures",
                       "Retour aux chiffres du mois"));
        HTML_LIT(&h, "</a> &middot; ");
        html_str(&h, T(&r, "Druk af met de afdrukfunctie van de browser (Ctrl+P).",
                       "Print with the browser's print command (Ctrl+P).",
                       "Imprimez avec la commande d'impression du navigateur (Ctrl+P)."));
        HTML_LIT(&h, "</p>\n");
    } else {
        switcher(&h, &r, &v);
    }
    if (!v.have_store) {
        HTML_LIT(&h, "<p id=\"no-store\" class=\"warning\" role=\"status\">");
        html_str(&h, T(&r, "Er zijn nog geen cijfers: de metrische opslag is er nog niet.",
                       "There are no figures yet: the metrics store is not there yet.",
                       "Il n'y a pas encore de chiffres : le stockage des mesures n'existe pas "
                       "encore."));
        HTML_LIT(&h, "</p>\n");
    } else {
        summary(&h, &r, &v.f.all);
        charts(&h, &r, &v);
        if (!v.dept[0])
            departments(&h, &r, &v.f);
        domains(&h, &r, &v.f);
        rules(&h, &r, &v.f);
        timing(&h, &r, &v.f.timing);
        if (!print && r.user->role != ROLE_VIEWER)
            senders(&h, &r, &v);
    }
    view_free(&v);
    dash_page_end(&h, &r);
    return html_status(&h);
}

enum sl_status page_month(struct web_request *req, struct web_response *res)
{
    return month_page(req, res, false);
}

enum sl_status page_print(struct web_request *req, struct web_response *res)
{
    return month_page(req, res, true);
}

static enum sl_status month_export(struct web_request *req, struct web_response *res, bool json)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    if (dash_metrics(r.app) == NULL)
        return dash_error(&r, 404, T(&r, "Geen cijfers", "No figures", "Pas de chiffres"),
                          T(&r, "De metrische opslag is er nog niet.",
                            "The metrics store is not there yet.",
                            "Le stockage des mesures n'existe pas encore."));
    struct view v;
    char err[256] = "";
    enum sl_status st =
        load(&r, web_query(req, "m", NULL), web_query(req, "dept", NULL), &v, err, sizeof err);
    if (st != SL_OK)
        return st;
    char detail[128], name[64];
    snprintf(detail, sizeof detail, "month %s%s%s", v.month, v.dept[0] ? " " : "", v.dept);
    dash_audit(&r, json ? "export json" : "export csv", detail);
    /* the exports carry the figures only: no sender hash leaves this way */
    struct fig_month copy = v.f;
    copy.nsenders = 0;
    if (json) {
        res->type = "application/json";
        st = figures_json(&copy, &res->body);
    } else {
        res->type = "text/csv; charset=utf-8";
        st = figures_csv(&copy, &res->body);
    }
    snprintf(name, sizeof name, "sluis-%s.%s", v.month, json ? "json" : "csv");
    view_free(&v);
    if (st == SL_OK)
        st = web_response_attachment(res, name, strlen(name));
    return st;
}

enum sl_status page_month_csv(struct web_request *req, struct web_response *res)
{
    return month_export(req, res, false);
}

enum sl_status page_month_json(struct web_request *req, struct web_response *res)
{
    return month_export(req, res, true);
}

enum sl_status page_reveal(struct web_request *req, struct web_response *res)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    const char *month = web_field(req, "m", NULL);
    const char *dept = web_field(req, "dept", NULL);
    const char *hash = web_field(req, "sender", NULL);
    const char *reason = web_field(req, "reason", NULL);
    const struct pseudo_key *key = dash_key(r.app);
    if (!dash_month_valid(month) || hash == NULL || reason == NULL || key == NULL ||
        dash_metrics(r.app) == NULL)
        return dash_error(&r, 400, T(&r, "Niet onthuld", "Not revealed", "Non révélé"),
                          T(&r, "Geef een maand, een pseudoniem en een reden.",
                            "Give a month, a pseudonym and a reason.",
                            "Indiquez un mois, un pseudonyme et une raison."));
    struct view v;
    char err[256] = "";
    enum sl_status st = load(&r, month, dept, &v, err, sizeof err);
    if (st != SL_OK)
        return st;
    const struct fig_sender *s = NULL;
    for (size_t i = 0; i < v.f.nsenders; i++)
        if (strcmp(v.f.senders[i].hash, hash) == 0)
            s = &v.f.senders[i];
    char address[400] = "", label[160] = "";
    unsigned char sealed[PSEUDO_SEALED_MAX];
    size_t slen = 0;
    if (s) {
        dash_pseudonym(&r, s->dept, s->label, label, sizeof label);
        dash_lock(r.app);
        st = metrics_sealed(dash_metrics(r.app), hash, sealed, sizeof sealed, &slen);
        dash_unlock(r.app);
        if (st == SL_OK)
            st = pseudo_open(key, sealed, slen, address, sizeof address);
        OPENSSL_cleanse(sealed, sizeof sealed);
    }
    if (s == NULL || st != SL_OK) {
        view_free(&v);
        return dash_error(&r, 404, T(&r, "Niet onthuld", "Not revealed", "Non révélé"),
                          T(&r,
                            "Dit pseudoniem staat niet in deze maand, of het adres is niet "
                            "bewaard.",
                            "This pseudonym is not in this month, or its address was not kept.",
                            "Ce pseudonyme n'apparaît pas ce mois-ci, ou son adresse n'a pas été "
                            "gardée."));
    }
    char detail[DASH_DETAIL_MAX + 1];
    snprintf(detail, sizeof detail, "%s %s: %s", v.month, label, reason);
    dash_audit(&r, "reveal", detail);
    struct html h = HTML_INIT(&res->body);
    const char *title = T(&r, "Pseudoniem onthuld", "Pseudonym revealed", "Pseudonyme révélé");
    dash_page_begin(&h, &r, title, NULL);
    HTML_LIT(&h, "<h1>");
    html_str(&h, title);
    HTML_LIT(&h, "</h1>\n<dl id=\"revealed\">\n<dt>");
    html_str(&h, T(&r, "Pseudoniem", "Pseudonym", "Pseudonyme"));
    HTML_LIT(&h, "</dt><dd id=\"revealed-label\">");
    html_str(&h, label);
    HTML_LIT(&h, "</dd>\n<dt>");
    html_str(&h, T(&r, "Adres", "Address", "Adresse"));
    HTML_LIT(&h, "</dt><dd id=\"revealed-address\">");
    html_str(&h, address);
    HTML_LIT(&h, "</dd>\n<dt>");
    html_str(&h, T(&r, "Reden (vastgelegd in het auditlog)", "Reason (kept in the audit log)",
                   "Raison (gardée dans le journal d'audit)"));
    HTML_LIT(&h, "</dt><dd id=\"revealed-reason\">");
    html_str(&h, reason);
    HTML_LIT(&h, "</dd>\n</dl>\n<p><a href=\"");
    month_href(&h, "/month", &v);
    HTML_LIT(&h, "\">");
    html_str(&h, T(&r, "Terug naar de maandcijfers", "Back to the monthly figures",
                   "Retour aux chiffres du mois"));
    HTML_LIT(&h, "</a></p>\n");
    OPENSSL_cleanse(address, sizeof address);
    view_free(&v);
    dash_page_end(&h, &r);
    return html_status(&h);
}
