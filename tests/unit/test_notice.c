/*
 * test_notice - notices from the built-in templates and an override
 * folder: every kind in every language renders to MIME that GMime reads
 * back, values land where they belong (escaped in HTML), and the
 * recipient's notice carries nothing of what was found. Each way in
 * (code, email, sms) reads right in both notices, and no phone number
 * shows but its last three digits.
 */
#include <dirent.h>
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../policy/notice.h"
#include "check.h"

#ifndef SLUIS_TEMPLATES_DIR
#define SLUIS_TEMPLATES_DIR "policy/templates"
#endif

/* as the milter hands them over: a diagnosis in the subject and the body,
 * a rule this table does not know */
static const struct notice_finding findings[] = {
    {"national_id", "nl.bsn", "1234*****82"},      {"health", "health.diagnosis", "d*****"},
    {"person", "person.title", "M****** J*****"},  {"health", "health.diagnosis", "d*****"},
    {"date_of_birth", "person.dob", "12-03-**50"}, {"health", "site.own-rule", "k*****"},
};
static const struct notice_recipient rcpts[] = {
    {"familie@gmail.example", "portal", "482913", "code", NULL, false},
    {"poli@ziekenhuis.example", "tls", NULL, NULL, NULL, false}};

static struct notice_vars vars(const char *lang, const char *to)
{
    return (struct notice_vars){.lang = lang,
                                .organisation = "Zorggroep Sint-Élisabeth",
                                .from = "beveiligd@zorg.example",
                                .to = to,
                                .sender = "anja@zorg.example",
                                .link = "https://portaal.zorg.example/p/AbC_dEf",
                                .status_link = "https://portaal.zorg.example/p/s/StAtUs_9",
                                .expires = 1798761600, /* 2027-01-01 */
                                .helpdesk = "088 123 45 67",
                                .report_url = "https://intranet.zorg.example/melden",
                                .reason = "geen beveiligd kanaal",
                                .findings = findings,
                                .nfindings = NELEM(findings),
                                .recipients = rcpts,
                                .nrecipients = 2};
}

/* count - how often needle stands in hay */
static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* parts - the decoded text and HTML of a rendered notice; false when GMime
 * cannot read it as multipart/alternative with both */
static bool parts(const struct buf *raw, char **subject, char **text, char **html)
{
    GMimeStream *st = g_mime_stream_mem_new_with_buffer(raw->data, raw->len);
    GMimeParser *p = g_mime_parser_new_with_stream(st);
    GMimeMessage *m = g_mime_parser_construct_message(p, NULL);
    *text = *html = *subject = NULL;
    if (m) {
        *subject = g_strdup(g_mime_message_get_subject(m));
        GMimeObject *body = g_mime_message_get_mime_part(m);
        if (GMIME_IS_MULTIPART(body) && g_mime_multipart_get_count(GMIME_MULTIPART(body)) == 2) {
            for (int i = 0; i < 2; i++) {
                GMimeObject *o = g_mime_multipart_get_part(GMIME_MULTIPART(body), i);
                GMimeDataWrapper *w = g_mime_part_get_content(GMIME_PART(o));
                GMimeStream *mem = g_mime_stream_mem_new();
                g_mime_data_wrapper_write_to_stream(w, mem);
                GByteArray *a = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
                char *s = g_strndup((char *)a->data, a->len);
                /* lines as the templates have them, without CR */
                char *out = s;
                for (const char *r = s; *r; r++)
                    if (*r != '\r')
                        *out++ = *r;
                *out = '\0';
                if (g_mime_content_type_is_type(g_mime_object_get_content_type(o), "text", "html"))
                    *html = s;
                else
                    *text = s;
                g_object_unref(mem);
            }
        }
        g_object_unref(m);
    }
    g_object_unref(p);
    g_object_unref(st);
    return *text && *html;
}

static size_t longest_line(const struct buf *b)
{
    size_t best = 0, cur = 0;
    for (size_t i = 0; i < b->len; i++) {
        if (b->data[i] == '\n') {
            best = cur > best ? cur : best;
            cur = 0;
        } else if (b->data[i] != '\r') {
            cur++;
        }
    }
    return cur > best ? cur : best;
}

static void test_all(const struct notice_templates *t)
{
    static const char *const langs[] = {"nl", "en", "fr"};
    /* a redirect rolled back after its notices went out is kept again by
     * the retry, with new links and codes: the newest notice counts */
    static const char *const newest[] = {"nieuwste", "newest", "plus récent"};
    static const char *const words[][NOTICE_KINDS] = {
        {"toegangscode", "toegangscode", "beveiligd verstuurd", "wacht op controle",
         "niet verstuurd"},
        {"access code", "access code", "sent securely", "waiting for review", "was not sent"},
        {"code d'accès", "code d'accès", "sécurisée", "attend une vérification", "pas été envoyé"}};
    for (int l = 0; l < 3; l++)
        for (int k = 0; k < NOTICE_KINDS; k++) {
            struct buf out = BUF_INIT;
            char err[512];
            const char *to = k == NOTICE_RECIPIENT ? "familie@gmail.example" : "anja@zorg.example";
            struct notice_vars v = vars(langs[l], to);
            enum sl_status st = notice_render(t, (enum notice_kind)k, &v, &out, err, sizeof err);
            CHECK(st == SL_OK, "%s/%s: %s", langs[l], notice_kind_name(k), err);
            char *subject, *text, *html;
            bool ok = st == SL_OK && parts(&out, &subject, &text, &html);
            CHECK(ok, "%s/%s: GMime reads both parts", langs[l], notice_kind_name(k));
            if (!ok) {
                buf_free(&out);
                continue;
            }
            CHECK((strstr(text, words[l][k]) || strstr(subject, words[l][k])) &&
                      strstr(html, words[l][k]),
                  "%s/%s: its words ('%s')", langs[l], notice_kind_name(k), words[l][k]);
            CHECK(longest_line(&out) <= 78, "%s/%s: lines of %zu", langs[l], notice_kind_name(k),
                  longest_line(&out));
            char header[64];
            snprintf(header, sizeof header, "X-Sluis-Notice: %s\r\n", notice_kind_name(k));
            CHECK(strstr(out.data, header) && strstr(out.data, "Auto-Submitted: auto-generated"),
                  "%s/%s: marked as an automatic notice", langs[l], notice_kind_name(k));
            CHECK(strstr(out.data, "<beveiligd@zorg.example>") != NULL, "From address");
            if (k == NOTICE_RECIPIENT) {
                CHECK(strstr(text, "https://portaal.zorg.example/p/AbC_dEf") &&
                          strstr(html, "href=\"https://portaal.zorg.example/p/AbC_dEf\""),
                      "%s: the pickup link", langs[l]);
                CHECK(strstr(text, "anja@zorg.example") != NULL, "%s: who sent it", langs[l]);
                CHECK(strstr(text, l == 1   ? "2027-01-01"
                                   : l == 2 ? "01/01/2027"
                                            : "01-01-2027"),
                      "%s: until when", langs[l]);
                CHECK(strstr(text, newest[l]) && strstr(html, newest[l]),
                      "%s: the recipient's notice says the newest link counts", langs[l]);
                /* the sender's page (status, withdrawal) is the sender's alone */
                CHECK(!strstr(out.data, "StAtUs_9") && !strstr(text, "/p/s/"),
                      "%s: the recipient's notice holds no status link", langs[l]);
                /* privacy: nothing of what was found, not even its kind */
                const char *none[] = {"1234*****82",
                                      "d*****",
                                      "482913",
                                      "BSN",
                                      notice_rule_name("health.diagnosis", langs[l]),
                                      notice_category_label("health", langs[l]),
                                      notice_category_label("national_id", langs[l]),
                                      "poli@ziekenhuis.example"};
                for (size_t i = 0; i < NELEM(none); i++)
                    CHECK(!strstr(out.data, none[i]) && !strstr(text, none[i]) &&
                              !strstr(html, none[i]) && !strstr(subject, none[i]),
                          "%s: the recipient's notice holds no '%s'", langs[l], none[i]);
            }
            if (k == NOTICE_REDIRECT) {
                CHECK(strstr(text, "482913") && strstr(text, "familie@gmail.example"),
                      "%s: the sender's notice: code, recipient", langs[l]);
                CHECK(strstr(text, newest[l]) && strstr(html, newest[l]),
                      "%s: the sender's notice says the newest codes count", langs[l]);
                CHECK(strstr(text, "https://intranet.zorg.example/melden") != NULL,
                      "%s: how to report a false positive", langs[l]);
                CHECK(strstr(text, "https://portaal.zorg.example/p/s/StAtUs_9\n") &&
                          strstr(html, "href=\"https://portaal.zorg.example/p/s/StAtUs_9\""),
                      "%s: the sender's notice has the status link", langs[l]);
                /* what happened, not a delivery it cannot know of: the
                 * portal's recipient was sent a notice with a link */
                static const char *const link_sent[] = {
                    "familie@gmail.example: er is een bericht met een link naar het beveiligde "
                    "portaal gestuurd",
                    "familie@gmail.example: a notice with a link to the secure portal was sent",
                    "familie@gmail.example : un avis avec un lien vers le portail sécurisé a été "
                    "envoyé"};
                static const char *const claims[] = {"beveiligd verstuurd", "sent securely",
                                                     "envoyé de façon sécurisée"};
                CHECK(strstr(text, link_sent[l]) && strstr(html, link_sent[l]),
                      "%s: the sender's notice says a notice with a link was sent", langs[l]);
                CHECK(!strstr(text, claims[l]) && !strstr(subject, claims[l]) &&
                          !strstr(html, claims[l]),
                      "%s: the sender's notice claims no secure delivery ('%s')", langs[l],
                      claims[l]);
                /* the code only for the portal recipient */
                const char *tls = strstr(text, "poli@ziekenhuis.example");
                CHECK(tls && !strstr(tls, "482913"), "%s: no code for the TLS recipient", langs[l]);
            }
            if (l == 2 && k == NOTICE_RECIPIENT)
                CHECK(strstr(out.data, "Subject: =?UTF-8?B?") &&
                          strcmp(subject, "Message sécurisé de Zorggroep Sint-Élisabeth") == 0,
                      "an encoded subject reads back: '%s'", subject);
            g_free(subject);
            g_free(text);
            g_free(html);
            buf_free(&out);
        }
}

/* test_way_in - how each portal recipient gets in: the recipient's notice
 * says how to open the link, the sender's notice says per recipient what
 * it gets; a code shows for code recipients only, a phone number only by
 * its last three digits */
static void test_way_in(const struct notice_templates *t)
{
    static const struct {
        const char *lang;
        const char *how[3];    /* the recipient's notice: code, email, sms */
        const char *status[4]; /* the sender's: each recipient's line */
        const char *sent;      /* the sender's: some get a code from the portal */
    } cases[] = {
        {"nl",
         {"telefonisch of persoonlijk een toegangscode", "code van zes\ncijfers op dit e-mailadres",
          "per sms op uw mobiele nummer dat eindigt op 678."},
         {"familie@gmail.example: er is een bericht met een link naar het beveiligde portaal "
          "gestuurd - toegangscode 482913\n",
          "marie@hotmail.example: er is een bericht met een link naar het beveiligde portaal "
          "gestuurd - krijgt een code per e-mail\n",
          "jan@ziggo.example: er is een bericht met een link naar het beveiligde portaal "
          "gestuurd - krijgt een code per sms (nummer eindigend op 678)\n",
          "kees@outlook.example: er is een bericht met een link naar het beveiligde portaal "
          "gestuurd - toegangscode 551234 (geen mobiel nummer bekend)\n"},
         "hoeven niets van u"},
        {"en",
         {"six-digit access code by phone", "six-digit code at\nthis e-mail address",
          "text message on your mobile number ending in 678."},
         {"familie@gmail.example: a notice with a link to the secure portal was sent - access "
          "code 482913\n",
          "marie@hotmail.example: a notice with a link to the secure portal was sent - gets a "
          "code by e-mail\n",
          "jan@ziggo.example: a notice with a link to the secure portal was sent - gets a code by "
          "text message (number ending in 678)\n",
          "kees@outlook.example: a notice with a link to the secure portal was sent - access code "
          "551234 (no mobile number known)\n"},
         "need nothing from"},
        {"fr",
         {"code d'accès de six chiffres, par téléphone", "six chiffres\nà cette adresse e-mail",
          "par SMS sur votre numéro de mobile se terminant par 678."},
         {"familie@gmail.example : un avis avec un lien vers le portail sécurisé a été envoyé - "
          "code d'accès 482913\n",
          "marie@hotmail.example : un avis avec un lien vers le portail sécurisé a été envoyé - "
          "reçoit un code par e-mail\n",
          "jan@ziggo.example : un avis avec un lien vers le portail sécurisé a été envoyé - reçoit "
          "un code par SMS (numéro se terminant par 678)\n",
          "kees@outlook.example : un avis avec un lien vers le portail sécurisé a été envoyé - "
          "code d'accès 551234 (aucun numéro de mobile connu)\n"},
         "rien à\nfaire de votre part"},
    };
    static const char *const methods[] = {"code", "email", "sms"};
    /* the number, and parts of it longer than its last three digits */
    static const char *const number[] = {"+31612345678", "31612345678", "612345678", "12345678",
                                         "2345678",      "45678",       "5678"};
    /* as the milter hands them over: a code for code recipients only */
    const struct notice_recipient mixed[] = {
        {"familie@gmail.example", "portal", "482913", "code", NULL, false},
        {"marie@hotmail.example", "portal", NULL, "email", NULL, false},
        {"jan@ziggo.example", "portal", NULL, "sms", "+31612345678", false},
        {"kees@outlook.example", "portal", "551234", "code", NULL, true},
        {"poli@ziekenhuis.example", "tls", NULL, NULL, NULL, false},
    };
    for (size_t c = 0; c < NELEM(cases); c++) {
        char *subject, *text, *html, err[512];
        struct buf out = BUF_INIT;
        for (size_t m = 0; m < NELEM(methods); m++) {
            struct notice_vars v = vars(cases[c].lang, "jan@ziggo.example");
            v.verify = methods[m];
            v.phone = "+31612345678";
            if (notice_render(t, NOTICE_RECIPIENT, &v, &out, err, sizeof err) != SL_OK ||
                !parts(&out, &subject, &text, &html)) {
                CHECK(false, "%s/%s: rendered (%s)", cases[c].lang, methods[m], err);
                continue;
            }
            for (size_t k = 0; k < NELEM(methods); k++) {
                /* the text part breaks lines; the HTML part does not */
                char flat[256];
                snprintf(flat, sizeof flat, "%s", cases[c].how[k]);
                for (char *q = flat; *q; q++)
                    if (*q == '\n')
                        *q = ' ';
                bool in_text = strstr(text, cases[c].how[k]) != NULL,
                     in_html = strstr(html, flat) != NULL;
                CHECK(in_text == (k == m) && in_html == (k == m),
                      "%s: a recipient with %s: '%s' %s (text %d, html %d)", cases[c].lang,
                      methods[m], flat, k == m ? "said" : "not said", in_text, in_html);
            }
            for (size_t i = 0; i < NELEM(number); i++)
                CHECK(!strstr(out.data, number[i]) && !strstr(text, number[i]) &&
                          !strstr(html, number[i]),
                      "%s/%s: no '%s' of the phone number", cases[c].lang, methods[m], number[i]);
            g_free(subject);
            g_free(text);
            g_free(html);
        }
        /* the sender's notice: each recipient's way in, and what to do */
        struct notice_vars v = vars(cases[c].lang, "anja@zorg.example");
        v.recipients = mixed;
        v.nrecipients = NELEM(mixed);
        if (notice_render(t, NOTICE_REDIRECT, &v, &out, err, sizeof err) != SL_OK ||
            !parts(&out, &subject, &text, &html)) {
            CHECK(false, "%s/redirect: rendered (%s)", cases[c].lang, err);
            buf_free(&out);
            continue;
        }
        for (size_t i = 0; i < NELEM(cases[c].status); i++)
            CHECK(count(text, cases[c].status[i]) == 1, "%s: the sender is told '%.*s'",
                  cases[c].lang, (int)strlen(cases[c].status[i]) - 1, cases[c].status[i]);
        CHECK(strstr(text, cases[c].sent) != NULL,
              "%s: the sender is told the portal sends the other codes", cases[c].lang);
        CHECK(count(text, "482913") == 1 && count(text, "551234") == 1,
              "%s: each code once, in its recipient's line", cases[c].lang);
        for (size_t i = 0; i < NELEM(number); i++)
            CHECK(!strstr(out.data, number[i]) && !strstr(text, number[i]) &&
                      !strstr(html, number[i]),
                  "%s/redirect: no '%s' of the phone number", cases[c].lang, number[i]);
        g_free(subject);
        g_free(text);
        g_free(html);
        /* only code recipients: nothing about codes the portal sends */
        v.recipients = mixed;
        v.nrecipients = 1;
        if (notice_render(t, NOTICE_REDIRECT, &v, &out, err, sizeof err) == SL_OK &&
            parts(&out, &subject, &text, &html)) {
            CHECK(!strstr(text, cases[c].sent) && !strstr(html, "hoeven niets") &&
                      !strstr(html, "need nothing") && !strstr(html, "rien à faire"),
                  "%s: only code recipients: no word of codes from the portal", cases[c].lang);
            g_free(subject);
            g_free(text);
            g_free(html);
        }
        /* no status page (the organisation's own portal): no link to it */
        v.status_link = NULL;
        if (notice_render(t, NOTICE_REDIRECT, &v, &out, err, sizeof err) == SL_OK &&
            parts(&out, &subject, &text, &html)) {
            CHECK(!strstr(text, "/p/s/") && !strstr(html, "/p/s/") && !strstr(text, "\n\n\n"),
                  "%s: without a status page, no link and no empty paragraph", cases[c].lang);
            g_free(subject);
            g_free(text);
            g_free(html);
        }
        buf_free(&out);
    }
}

/* test_findings - how the sender's notices list what was found: the
 * category and the rule in plain words, an identifier by its masked
 * digits, never a masked word; each (category, rule) once */
static void test_findings(const struct notice_templates *t)
{
    static const struct {
        const char *lang, *sep;
        const char *want[4]; /* lines of the text part */
    } cases[] = {
        {"nl",
         ": ",
         {"- BSN: 1234*****82\n", "- gezondheid: diagnose\n", "- persoon: naam met aanhef\n",
          "- geboortedatum\n"}},
        {"en",
         ": ",
         {"- BSN: 1234*****82\n", "- health: diagnosis\n", "- person: name with a title\n",
          "- date of birth\n"}},
        {"fr",
         " : ",
         {"- BSN : 1234*****82\n", "- santé : diagnostic\n", "- personne : nom avec civilité\n",
          "- date de naissance\n"}},
    };
    for (size_t c = 0; c < NELEM(cases); c++)
        for (int k = NOTICE_REDIRECT; k <= NOTICE_REJECT; k++) {
            const char *name = notice_kind_name((enum notice_kind)k);
            struct notice_vars v = vars(cases[c].lang, "anja@zorg.example");
            struct buf out = BUF_INIT;
            char err[512], *subject, *text, *html;
            if (notice_render(t, (enum notice_kind)k, &v, &out, err, sizeof err) != SL_OK ||
                !parts(&out, &subject, &text, &html)) {
                CHECK(false, "%s/%s: rendered (%s)", cases[c].lang, name, err);
                buf_free(&out);
                continue;
            }
            for (size_t i = 0; i < NELEM(cases[c].want); i++)
                CHECK(count(text, cases[c].want[i]) == 1, "%s/%s: '%.*s' once, got %d",
                      cases[c].lang, name, (int)strlen(cases[c].want[i]) - 1, cases[c].want[i],
                      count(text, cases[c].want[i]));
            /* a rule it does not know: its category alone */
            char line[64];
            snprintf(line, sizeof line, "- %s\n", notice_category_label("health", cases[c].lang));
            CHECK(count(text, line) == 1, "%s/%s: an unknown rule shows its category",
                  cases[c].lang, name);
            snprintf(line, sizeof line, "<li>%s%s%s</li>",
                     notice_category_label("health", cases[c].lang), cases[c].sep,
                     notice_rule_name("health.diagnosis", cases[c].lang));
            CHECK(count(html, line) == 1, "%s/%s: '%s' once in HTML", cases[c].lang, name, line);
            static const char *const masked_words[] = {"d*****", "M****** J*****", "k*****",
                                                       "12-03-**50"};
            for (size_t i = 0; i < NELEM(masked_words); i++)
                CHECK(!strstr(text, masked_words[i]) && !strstr(html, masked_words[i]),
                      "%s/%s: no masked word '%s'", cases[c].lang, name, masked_words[i]);
            g_free(subject);
            g_free(text);
            g_free(html);
            buf_free(&out);
        }
}

/* test_nothing_found - a [veilig] tag on a message in which nothing was
 * found: the notice says it was protected on request, not that it held
 * health data; a message held because part of it could not be read says
 * neither */
static void test_nothing_found(const struct notice_templates *t)
{
    static const struct {
        const char *lang, *on_request, *health;
    } cases[] = {
        {"nl", "op uw verzoek", "persoonsgegevens over gezondheid"},
        {"en", "on your request", "personal health information"},
        {"fr", "à votre demande", "données de santé personnelles"},
    };
    static const struct {
        const char *lang, *asked;
    } held[] = {
        {"nl", "U vroeg om het beveiligd te versturen ([veilig] in het onderwerp)"},
        {"en", "You asked for it to be sent securely ([secure] in the subject)"},
        {"fr", "Vous avez demandé qu'il soit envoyé de façon sécurisée ([sécurisé] dans"},
    };
    for (size_t c = 0; c < NELEM(cases); c++) {
        struct notice_vars v = vars(cases[c].lang, "anja@zorg.example");
        v.nfindings = 0;
        v.requested = true;
        struct buf out = BUF_INIT;
        char err[512], *subject, *text, *html;
        if (notice_render(t, NOTICE_REDIRECT, &v, &out, err, sizeof err) == SL_OK &&
            parts(&out, &subject, &text, &html)) {
            CHECK(strstr(text, cases[c].on_request) && strstr(html, cases[c].on_request),
                  "%s: nothing found, a [veilig] tag: protected on request", cases[c].lang);
            CHECK(!strstr(text, cases[c].health) && !strstr(html, cases[c].health),
                  "%s: ... and no claim of health data", cases[c].lang);
            CHECK(!strstr(text, "\n- ") || strstr(text, "\n- familie@"),
                  "%s: ... and no empty list of findings", cases[c].lang);
            g_free(subject);
            g_free(text);
            g_free(html);
        } else {
            CHECK(false, "%s: rendered (%s)", cases[c].lang, err);
        }
        for (int k = NOTICE_HOLD; k <= NOTICE_REJECT; k++) {
            for (int asked = 0; asked < 2; asked++) {
                v = vars(held[c].lang, "anja@zorg.example");
                v.nfindings = 0;
                v.requested = asked;
                if (notice_render(t, (enum notice_kind)k, &v, &out, err, sizeof err) != SL_OK ||
                    !parts(&out, &subject, &text, &html)) {
                    CHECK(false, "%s: rendered (%s)", held[c].lang, err);
                    continue;
                }
                CHECK((strstr(text, held[c].asked) != NULL) == asked &&
                          !strstr(text, cases[c].health) && !strstr(html, cases[c].health),
                      "%s/%s, nothing found, %s: says %s, and no claim of health data",
                      held[c].lang, notice_kind_name((enum notice_kind)k),
                      asked ? "a [veilig] tag" : "no tag", asked ? "it was asked" : "nothing");
                g_free(subject);
                g_free(text);
                g_free(html);
            }
        }
        buf_free(&out);
    }
}

/* test_rule_names - every rule of the shipped packs has a plain name in
 * each language (a notice would otherwise fall back to its category) */
static void test_rule_names(void)
{
    char dir[600];
    snprintf(dir, sizeof dir, "%s/packs", SLUIS_RULES_DIR);
    DIR *d = opendir(dir);
    CHECK(d != NULL, "the rule packs at %s", dir);
    int rules = 0;
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        size_t n = strlen(e->d_name);
        if (n < 7 || strcmp(e->d_name + n - 6, ".rules") != 0)
            continue;
        char path[1200], line[512], id[128];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "r");
        while (f && fgets(line, sizeof line, f)) {
            if (sscanf(line, " rule %127s", id) != 1)
                continue;
            rules++;
            for (int l = 0; l < 3; l++) {
                const char *lang = l == 0 ? "nl" : l == 1 ? "en" : "fr";
                CHECK(notice_rule_name(id, lang) != NULL, "%s: rule %s has a plain name in %s",
                      e->d_name, id, lang);
            }
        }
        if (f)
            fclose(f);
    }
    if (d)
        closedir(d);
    CHECK(rules > 40, "%d shipped rules read", rules);
}

static void test_escape_and_override(const struct notice_templates *t, const char *tmp)
{
    struct buf out = BUF_INIT;
    char err[512];
    CHECK(strstr(notice_reason_text(NOTICE_WHY_NOT_SCANNED, "nl"), "niet worden gecontroleerd") &&
              strstr(notice_reason_text(NOTICE_WHY_NO_CHANNEL, "fr"), "canal sécurisé"),
          "reasons in plain words per language");
    CHECK(strncmp(notice_reply(t, "fr"), "Ce message contient", 19) == 0 &&
              strncmp(notice_reply(t, "xx"), "Dit bericht bevat medische gegevens", 35) == 0,
          "reject replies per language, Dutch by default");
    struct notice_vars v = vars("en", "anja@zorg.example");
    struct notice_finding hostile[] = {{"national_id", "x.other", "<script>alert(1)</script>"}};
    v.findings = hostile;
    v.nfindings = 1;
    CHECK(notice_render(t, NOTICE_WARN, &v, &out, err, sizeof err) == SL_OK, "%s", err);
    char *subject, *text, *html;
    if (parts(&out, &subject, &text, &html)) {
        CHECK(!strstr(html, "<script>") && strstr(html, "&lt;script&gt;"), "escaped in HTML");
        CHECK(strstr(text, "<script>alert(1)</script>") != NULL, "as it is in text");
        g_free(subject);
        g_free(text);
        g_free(html);
    }
    v.to = "x@y.example>\r\nBcc: z@evil.example";
    CHECK(notice_render(t, NOTICE_WARN, &v, &out, err, sizeof err) == SL_EINVAL,
          "an address that would inject a header is refused");

    /* an organisation's folder: one file replaced, the rest built in */
    char d[512], f[600];
    snprintf(d, sizeof d, "%s/en", tmp);
    mkdir(tmp, 0700);
    mkdir(d, 0700);
    snprintf(f, sizeof f, "%s/warn.txt", d);
    FILE *fp = fopen(f, "w");
    fputs("Subject: Own words\n\nOur own text for {{sender}}.\n", fp);
    fclose(fp);
    struct notice_templates *o = NULL;
    CHECK(notice_templates_load(SLUIS_TEMPLATES_DIR, tmp, &o, err, sizeof err) == SL_OK, "%s", err);
    v = vars("en", "anja@zorg.example");
    if (o && notice_render(o, NOTICE_WARN, &v, &out, err, sizeof err) == SL_OK &&
        parts(&out, &subject, &text, &html)) {
        CHECK(strcmp(subject, "Own words") == 0 && strstr(text, "Our own text for anja"),
              "the override wins");
        CHECK(strstr(html, "What we found") != NULL, "the built-in HTML stays");
        g_free(subject);
        g_free(text);
        g_free(html);
    }
    notice_templates_free(o);
    static const struct {
        const char *text, *says;
    } broken[] = {
        {"Subject: x\n\nHello {{patient}}\n", "warn.txt:3: unknown name 'patient'"},
        {"Subject: x\n\n{{#findings}}\n- {{masked}}\n", "warn.txt:3: a block without its end"},
        {"Subject: x\n\nHello {{sender\n", "warn.txt:3: unclosed"},
        {"Hello\n", "warn.txt:1: a .txt template begins with 'Subject: '"},
        {"Subject: x\n\n{{#findings}}{{#recipients}}{{/recipients}}{{/findings}}\n",
         "a list inside a list"},
        /* the number itself has no name: only {{phone_end}} */
        {"Subject: x\n\n{{#verify_sms}}{{phone}}{{/verify_sms}}\n", "unknown name 'phone'"},
        {NULL, "reject.reply:2: a reply is one line"},
    };
    for (size_t i = 0; i < NELEM(broken); i++) {
        if (broken[i].text == NULL) { /* a reply of two lines */
            fp = fopen(f, "w");
            fputs("Subject: x\n\nok\n", fp);
            fclose(fp);
            char r[600];
            snprintf(r, sizeof r, "%s/reject.reply", d);
            fp = fopen(r, "w");
            fputs("Not sent.\nSecond line.\n", fp);
        } else {
            fp = fopen(f, "w");
            fputs(broken[i].text, fp);
        }
        fclose(fp);
        o = NULL;
        err[0] = '\0';
        CHECK(notice_templates_load(SLUIS_TEMPLATES_DIR, tmp, &o, err, sizeof err) == SL_EPARSE &&
                  o == NULL && strstr(err, broken[i].says),
              "broken override %zu: '%s'", i, err);
    }
    buf_free(&out);
}

/* the false-positive link: in every notice to the sender, in its language,
 * as text and as a link; none when not given, and never in the recipient's */
static void test_fp_link(const struct notice_templates *t)
{
    static const struct {
        const char *lang, *words;
    } langs[] = {{"nl", "Dit was geen gezondheidsinformatie"},
                 {"en", "This was not health data"},
                 {"fr", "Ce n'étaient pas des données de santé"}};
    static const char link[] =
        "https://dash.zorg.example/fp/q7Zx-_0123456789abcdefghijklmnopqrstuvwxyzAB";
    static const enum notice_kind kinds[] = {NOTICE_REDIRECT, NOTICE_WARN, NOTICE_HOLD,
                                             NOTICE_REJECT};
    char err[512];
    for (size_t l = 0; l < NELEM(langs); l++) {
        for (size_t k = 0; k < NELEM(kinds); k++) {
            for (int with = 0; with < 2; with++) {
                struct notice_vars v = vars(langs[l].lang, "anja@zorg.example");
                v.fp_link = with ? link : NULL;
                struct buf out = BUF_INIT;
                char *subject = NULL, *text = NULL, *html = NULL;
                bool ok = notice_render(t, kinds[k], &v, &out, err, sizeof err) == SL_OK &&
                          parts(&out, &subject, &text, &html);
                char href[256];
                snprintf(href, sizeof href, "<a href=\"%s\">%s</a>", link, langs[l].words);
                if (with) {
                    /* the HTML escapes the apostrophe of the French */
                    bool in_html = strstr(html ? html : "", href) != NULL ||
                                   (strcmp(langs[l].lang, "fr") == 0 && html &&
                                    strstr(html, link) && strstr(html, "taient pas des donn"));
                    CHECK(ok && count(text, link) == 1 && strstr(text, langs[l].words) && in_html,
                          "%s %s: the link once, in words and as a link (%s)", langs[l].lang,
                          notice_kind_name(kinds[k]), ok ? "rendered" : err);
                } else {
                    CHECK(ok && !strstr(text, "/fp/") && !strstr(text, langs[l].words) &&
                              !strstr(html, "/fp/"),
                          "%s %s: no link without one", langs[l].lang, notice_kind_name(kinds[k]));
                }
                g_free(subject);
                g_free(text);
                g_free(html);
                buf_free(&out);
            }
        }
        struct notice_vars v = vars(langs[l].lang, "familie@gmail.example");
        v.fp_link = link;
        struct buf out = BUF_INIT;
        CHECK(notice_render(t, NOTICE_RECIPIENT, &v, &out, err, sizeof err) == SL_OK &&
                  !strstr(out.data, "/fp/"),
              "%s: the recipient's notice has no false-positive link", langs[l].lang);
        buf_free(&out);
    }
}

int main(void)
{
    g_mime_init();
    char err[512];
    struct notice_templates *t = NULL;
    CHECK(notice_templates_load(SLUIS_TEMPLATES_DIR, NULL, &t, err, sizeof err) == SL_OK, "%s",
          err);
    if (t) {
        test_all(t);
        test_way_in(t);
        test_findings(t);
        test_nothing_found(t);
        test_rule_names();
        test_fp_link(t);
        char tmp[] = "/tmp/sluis-test-notice-XXXXXX";
        if (mkdtemp(tmp)) {
            test_escape_and_override(t, tmp);
            char cmd[128];
            snprintf(cmd, sizeof cmd, "rm -rf %s", tmp);
            if (system(cmd) != 0)
                fprintf(stderr, "cleanup failed\n");
        }
    }
    notice_templates_free(t);
    g_mime_shutdown();
    return check_summary("test_notice");
}
