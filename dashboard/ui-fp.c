/*
 * ui-fp - "this was not health data": the link in the sender's notice.
 * No login: the sender follows it from the notice. GET shows only a
 * confirmation page with a button, so a link previewer or a mail scanner
 * that fetches the link reports nothing; POST records the report once per
 * token. The token's SHA-256 (hex) is the event's fp (store/event.h); the
 * report goes against that event's rule ids and month only
 * (figures_event_rules), into dashboard.db. Nothing about the message is
 * shown, sent or kept, and nothing here tells whether a token is known
 * beyond "recorded" or "unknown link".
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>

#include "../milter/log.h"
#include "dash.h"
#include "db.h"

static void fp_hash(const char *token, char out[EVENT_HASH_LEN + 1])
{
    unsigned char md[32];
    unsigned len = sizeof md;
    EVP_Digest(token, strlen(token), md, &len, EVP_sha256(), NULL);
    for (size_t i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
}

static enum sl_status page(struct dash_req *r, int status, const char *title, const char *text,
                           bool form)
{
    struct web_response *res = r->res;
    struct html h = HTML_INIT(&res->body);
    res->status = status;
    dash_page_begin(&h, r, title, NULL);
    HTML_LIT(&h, "<h1>");
    html_str(&h, title);
    HTML_LIT(&h, "</h1>\n<p id=\"fp-text\">");
    html_str(&h, text);
    HTML_LIT(&h, "</p>\n");
    if (form) {
        struct html_link l = {.prefix = "/fp/", .seg = {r->req->param[0]}};
        HTML_LIT(&h, "<form id=\"fp\" method=\"post\" action=\"");
        html_href(&h, &l);
        HTML_LIT(&h, "\">\n<input type=\"hidden\" name=\"confirm\" value=\"1\">\n"
                     "<p><button type=\"submit\">");
        html_str(&h, T(r, "Melden: dit was geen gezondheidsinformatie",
                       "Report: this was not health data",
                       "Signaler : ce n'étaient pas des données de santé"));
        HTML_LIT(&h, "</button></p>\n</form>\n");
    }
    dash_page_end(&h, r);
    return html_status(&h);
}

enum sl_status page_fp(struct web_request *req, struct web_response *res)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    return page(
        &r, 200,
        T(&r, "Onterechte melding doorgeven", "Report a false alarm", "Signaler une fausse alerte"),
        T(&r,
          "Vond sluis ten onrechte gezondheidsinformatie in uw bericht? Meld het met de "
          "knop. Alleen welke regels afgingen wordt geteld; over het bericht zelf wordt "
          "niets bewaard of verstuurd.",
          "Did sluis wrongly find health data in your message? Report it with the "
          "button. Only which rules fired is counted; nothing about the message itself "
          "is kept or sent.",
          "sluis a-t-il trouvé à tort des données de santé dans votre message ? "
          "Signalez-le avec le bouton. Seules les règles déclenchées sont comptées ; "
          "rien du message lui-même n'est gardé ni envoyé."),
        true);
}

enum sl_status page_fp_post(struct web_request *req, struct web_response *res)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    char fp[EVENT_HASH_LEN + 1], month[8] = "";
    struct event_rule rules[EVENT_RULES_MAX];
    size_t n = 0;
    fp_hash(req->param[0], fp);
    dash_lock(r.app);
    struct metrics *m = dash_metrics(r.app);
    enum sl_status st =
        m ? figures_event_rules(m, fp, rules, EVENT_RULES_MAX, &n, month, sizeof month) : SL_EIO;
    bool recorded = false;
    if (st == SL_OK)
        st = dashdb_fp_report(dash_db(r.app), fp, month, rules, n, (int64_t)time(NULL), &recorded);
    dash_unlock(r.app);
    if (st != SL_OK && st != SL_ENOENT) {
        log_msg(LOG_ERR, NULL, "a false-positive report could not be recorded: %s",
                sl_status_str(st));
        return dash_error(&r, 503, T(&r, "Storing", "Something went wrong", "Erreur"),
                          T(&r, "Probeer het over een paar minuten opnieuw.",
                            "Please try again in a few minutes.",
                            "Réessayez dans quelques minutes."));
    }
    if (st == SL_ENOENT)
        return page(&r, 404, T(&r, "Onbekende link", "Unknown link", "Lien inconnu"),
                    T(&r, "Deze link hoort bij geen bericht dat wij kennen, of hij is verlopen.",
                      "This link belongs to no message we know of, or it has expired.",
                      "Ce lien ne correspond à aucun message connu, ou il a expiré."),
                    false);
    return page(&r, 200, T(&r, "Bedankt", "Thank you", "Merci"),
                recorded ? T(&r, "Uw melding is geteld. Zo kunnen de regels worden verbeterd.",
                             "Your report has been counted. It helps to improve the rules.",
                             "Votre signalement a été compté. Il aide à améliorer les règles.")
                         : T(&r, "Dit bericht was al gemeld; het telt één keer.",
                             "This message was reported already; it counts once.",
                             "Ce message a déjà été signalé ; il compte une fois."),
                false);
}
