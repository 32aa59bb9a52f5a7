/* test_detect - the scorer on hand-made segments with the shipped rules:
 * what is sensitive, what is not, how sure, and that findings are masked */
#include <stdlib.h>
#include <string.h>

#include "../../rules/detect.h"
#include "check.h"

struct tcase {
    const char *name;
    const char *subject;
    const char *body;
    bool rows;                /* body is a table (CSV) */
    bool newsletter;          /* list headers present */
    bool want;                /* sensitive */
    enum confidence min_conf; /* at least this confidence (when sensitive) */
    const char *want_rule;    /* a finding with this rule id, or NULL */
    const char *forbidden;    /* text that must not appear in any masked value */
};

static const struct tcase cases[] = {
    {"labelled BSN", NULL, "BSN: 123456782", false, false, true, CONF_HIGH, "nl.bsn", "123456782"},
    {"labelled BSN, dotted", NULL, "burgerservicenummer 1234.56.782", false, false, true, CONF_HIGH,
     "nl.bsn", "1234.56.782"},
    {"BSN-valid invoice number", NULL, "Factuurnummer: 123456782\nBedrag: EUR 120,00", false, false,
     false, CONF_NONE, NULL, NULL},
    {"BSN-valid order number", NULL, "Your order number 111222333 has shipped.", false, false,
     false, CONF_NONE, NULL, NULL},
    {"BSN-valid phone-like number", NULL, "Bel me op +31 123456782 als er iets is.", false, false,
     false, CONF_NONE, NULL, NULL},
    {"title, name and diagnosis", NULL, "Dhr. Jansen is bekend met COPD en gebruikt tiotropium.",
     false, false, true, CONF_HIGH, NULL, "Jansen"},
    {"first and last name and medication", NULL,
     "Kun je vanavond bij Anja de Vries langsgaan? Haar insuline moet worden opgehoogd.", false,
     false, true, CONF_HIGH, NULL, "Vries"},
    {"initials and surname, lab value", NULL, "Uitslag J. Jansen: HbA1c 58 mmol/mol.", false, false,
     true, CONF_HIGH, NULL, "Jansen"},
    {"relative and medication", NULL,
     "Uw moeder heeft vannacht onrustig geslapen. De arts heeft haloperidol voorgeschreven.", false,
     false, true, CONF_HIGH, NULL, NULL},
    {"general information", NULL,
     "Patiënten met COPD kunnen baat hebben bij longrevalidatie. Vraag uw huisarts.", false, false,
     false, CONF_NONE, NULL, NULL},
    {"anonymous case", NULL,
     "In het MDO bespreken we een casus: een cliënt van 80 met dementie en valrisico.", false,
     false, false, CONF_NONE, NULL, NULL},
    {"greeting and a training topic", NULL,
     "Beste Anja,\n\nDe scholing over diabetes is dinsdag om 14:00 in zaal 3.\n", false, false,
     false, CONF_NONE, NULL, NULL},
    {"signature with a health job title", NULL,
     "Hierbij de notulen.\n\nMet vriendelijke groet,\nAnja Bakker\nVerpleegkundig specialist "
     "diabetes\n",
     false, false, false, CONF_NONE, NULL, NULL},
    {"staff title", NULL, "Dr. Jansen geeft donderdag een presentatie over hartfalen.", false,
     false, false, CONF_NONE, NULL, NULL},
    {"date of birth and diagnosis in different paragraphs", NULL,
     "Betreft: mw. A. de Vries, geb. 12-03-1945\n\nGeachte collega,\n\nBovengenoemde patiënte is "
     "bekend met hartfalen.\n",
     false, false, true, CONF_MEDIUM, "person.dob", "1945"},
    {"care document in the subject with a name", "Ontslagbrief dhr. Pietersen", "Zie bijlage.",
     false, false, true, CONF_MEDIUM, NULL, "Pietersen"},
    {"name in subject, lab value in body", "mevr. Yilmaz",
     "HbA1c 58 mmol/mol, graag metformine ophogen.", false, false, true, CONF_MEDIUM, NULL,
     "Yilmaz"},
    {"newsletter story", "Nieuwsbrief maart",
     "Mevrouw Jansen vertelt over haar leven met diabetes.\n\nAfmelden voor deze nieuwsbrief? "
     "Klik hier.",
     false, true, false, CONF_NONE, NULL, NULL},
    {"Belgian number in card form", NULL, "Gegevens: 85.07.30-033.28", false, false, true,
     CONF_MEDIUM, "be.national-formatted", "85.07.30-033.28"},
    {"Belgian number with label", NULL, "Rijksregisternummer: 85073003328", false, false, true,
     CONF_HIGH, "be.national", "85073003328"},
    {"aggregated figures", NULL,
     "In het eerste kwartaal had 32% van de cliënten diabetes; gemiddeld 4,2 medicijnen.", false,
     false, false, CONF_NONE, NULL, NULL},
    {"client list as CSV", NULL, "naam;diagnose\nJan Jansen;COPD\nPiet Bakker;diabetes\n", true,
     false, true, CONF_HIGH, NULL, "Jansen"},
    {"table whose header labels the columns", NULL,
     "INSZ;Naam;Geboortedatum;Opmerking\n59032786570;Wouters;27-03-1959;dementie\n", true, false,
     true, CONF_HIGH, "be.national", "59032786570"},
    {"blood pressure after its label", NULL, "Dhr. Jansen: RR 150/90, pols 88.", false, false, true,
     CONF_HIGH, "health.blood-pressure", "150/90"},
    {"first name that is also a word, with a surname", NULL,
     "Max Jansen ligt sinds gisteren opgenomen met een longembolie.", false, false, true, CONF_HIGH,
     NULL, "Jansen"},
    {"first name that is also a word, alone", NULL,
     "Max 2 personen per kamer; de folder over diabetes ligt bij de balie.", false, false, false,
     CONF_NONE, NULL, NULL},
    {"staff title before a full name", NULL,
     "Donderdag presenteert dr. Anja Bakker de nieuwe werkwijze; daarna COPD-zorgpad.", false,
     false, false, CONF_NONE, NULL, NULL},
    {"roster", NULL,
     "Maandag: Anja Bakker (vroege dienst), Piet de Vries (late dienst)\nDinsdag: Sanne Visser "
     "(nacht)\n",
     false, false, false, CONF_NONE, NULL, NULL},
    {"French, date of birth", NULL,
     "Mme Dubois, née le 3 mars 1950, est hospitalisée pour une pneumonie.", false, false, true,
     CONF_HIGH, NULL, "Dubois"},
    {"English, lab value", NULL, "Mr. Smith was admitted with chest pain, troponin 45.", false,
     false, true, CONF_HIGH, NULL, "Smith"},
    {"patient number and diagnosis", NULL,
     "Patiëntnummer 0045123\n\nOpgenomen met een CVA, graag terugbellen.", false, false, true,
     CONF_MEDIUM, "person.id-keyword", "0045123"},
    {"Flemish degree sign for born", NULL,
     "Mevrouw Peeters (\xc2\xb0"
     "12/03/1945) is opgenomen met hartfalen.",
     false, false, true, CONF_HIGH, "person.dob", "1945"},
    {"reader greeted by name, her own result", NULL,
     "Geachte mevrouw Jansen,\n\nHierbij de uitslag: uw HbA1c was 58 mmol/mol.\n", false, false,
     true, CONF_HIGH, "person.possessive", NULL},
    {"colleague greeted by name, a training", NULL,
     "Geachte heer Bakker,\n\nHierbij nodig ik u uit voor de scholing over diabetes.\n", false,
     false, false, CONF_NONE, NULL, NULL},
    {"leaflet addressing every reader", NULL,
     "Laat uw bloeddruk regelmatig meten als u diabetes heeft.\n", false, false, false, CONF_NONE,
     NULL, NULL},
    {"birthday mail", NULL,
     "Hoera! Anja Bakker is vandaag 50 geworden. Taart in de koffiekamer om 15:00.", false, false,
     false, CONF_NONE, NULL, NULL},
    {"clean text", NULL, "De parkeerplaats is morgen gesloten.", false, false, false, CONF_NONE,
     NULL, NULL},
    {"a first name in a column headed with a person role", NULL,
     "Résident | Chambre | Médicament\nRENARD Nadia | 12 | Pantomed 40 mg\n", true, false, true,
     CONF_HIGH, NULL, "Nadia"},
    {"the same first name under a staff column", NULL,
     "Collègue | Service | Remarque\nRENARD Nadia | 12 | Pantomed 40 mg\n", true, false, false,
     CONF_NONE, NULL, NULL},
    {"a form's person field and its description", NULL,
     "Bewoner | Mariette Verbeke (kamer 12)\nSoort | val\n\nBeschrijving\nBewonerster werd "
     "gevonden op de grond. RX in het ziekenhuis: fractuur.\n",
     false, false, true, CONF_MEDIUM, NULL, "Verbeke"},
    {"the same without the field label", NULL,
     "Mariette Verbeke (kamer 12)\nSoort | val\n\nBeschrijving\nBewonerster werd gevonden op "
     "de grond. RX in het ziekenhuis: fractuur.\n",
     false, false, false, CONF_NONE, NULL, NULL},
    {"a title wrapped from its name", NULL,
     "Kan jij morgen de toer overnemen? Let op bij mevr.\nGoossens: glycemie was vanochtend 54, "
     "Lantus niet gegeven.\n",
     false, false, true, CONF_HIGH, NULL, "Goossens"},
    {"a street is not a surname", NULL,
     "Oakwood Care Home, 45 Victoria Road. Support residents with personal care and diabetes.\n",
     false, false, false, CONF_NONE, NULL, NULL},
    {"a contact with a phone number", NULL,
     "Wat brengt u mee? Medicatielijst en wilsverklaring.\nSociale dienst: Simonne Maes (09 677 "
     "48 85)\n",
     false, false, false, CONF_NONE, NULL, NULL},
    {"the same name without contact details", NULL,
     "Simonne Maes bracht haar medicatielijst en wilsverklaring mee.\n", false, false, true,
     CONF_MEDIUM, NULL, "Maes"},
    {"a care home named like a person", NULL,
     "WZC Hof ter Linden\nWat brengt u mee bij de opname? Medicatielijst en medisch verslag.\n",
     false, false, false, CONF_NONE, NULL, NULL},
};

int main(void)
{
    char err[512];
    struct pack *p = pack_load(SLUIS_RULES_DIR, 1, err, sizeof err);
    CHECK(p != NULL, "rules load: %s", err);
    if (p == NULL)
        return check_summary("test_detect");
    struct detect_scratch *s = detect_scratch_new(p);

    for (size_t i = 0; i < NELEM(cases); i++) {
        const struct tcase *c = &cases[i];
        struct text_segment segs[2];
        size_t n = 0;
        if (c->subject)
            segs[n++] = (struct text_segment){
                c->subject, strlen(c->subject), "header:subject", SEG_SUBJECT, 0, false};
        segs[n++] = (struct text_segment){c->body,
                                          strlen(c->body),
                                          c->rows ? "attachment:lijst.csv" : "body:text/plain",
                                          c->rows ? SEG_ATTACHMENT : SEG_BODY,
                                          0,
                                          c->rows};
        struct detect_result r = {0};
        bool timed_out;
        enum sl_status st = detect_message(p, s, segs, n, c->newsletter, 0, &timed_out, &r);
        CHECK(st == SL_OK, "%s: status %s", c->name, sl_status_str(st));
        /* the rules' own verdict: test_model checks how the model joins it */
        CHECK(r.rules_sensitive == c->want, "%s: got %s (%s), want %s", c->name,
              r.rules_sensitive ? "sensitive" : "clean", pack_confidence_name(r.rules_confidence),
              c->want ? "sensitive" : "clean");
        if (c->want)
            CHECK(r.rules_confidence >= c->min_conf, "%s: got confidence %s, want at least %s",
                  c->name, pack_confidence_name(r.rules_confidence),
                  pack_confidence_name(c->min_conf));
        bool found = c->want_rule == NULL;
        for (size_t k = 0; k < r.nfindings; k++) {
            const struct finding *f = &r.findings[k];
            if (c->want_rule && strcmp(f->rule, c->want_rule) == 0)
                found = true;
            if (c->forbidden)
                CHECK(strstr(f->masked, c->forbidden) == NULL,
                      "%s: finding %s shows '%s' unmasked: '%s'", c->name, f->rule, c->forbidden,
                      f->masked);
        }
        CHECK(found, "%s: no finding of rule %s", c->name, c->want_rule);
        if (r.rules_sensitive != c->want || !found)
            for (size_t k = 0; k < r.nfindings; k++)
                fprintf(stderr, "    %s %s %s %s\n", r.findings[k].rule,
                        pack_confidence_name(r.findings[k].confidence), r.findings[k].where,
                        r.findings[k].masked);
        detect_result_free(&r);
    }

    /* of "dhr" and "dhr." (one role, one start) only the longer counts:
     * one title finding, not a second, weaker one */
    {
        const char *t = "Dhr. Jansen is bekend met COPD.";
        struct text_segment one = {t, strlen(t), "body", SEG_BODY, 0, false};
        struct detect_result r = {0};
        bool to = false;
        detect_message(p, s, &one, 1, false, 0, &to, &r);
        size_t titles = 0;
        for (size_t k = 0; k < r.nfindings; k++)
            titles += strcmp(r.findings[k].rule, "person.title") == 0;
        CHECK(titles == 1, "title findings: got %zu, want 1", titles);
        detect_result_free(&r);
    }

    /* two segments: a message and what it carries */
    static const struct {
        const char *name;
        struct text_segment a, b;
        bool want;
    } pairs[] = {
        /* an employee's own condition, in a message forwarded on: the
         * writer (its From) is a third person to whoever sends it */
        {"forwarded writer tells of their own condition",
         {"Joost Huisman", 0, "attachment:fw.eml>header:from", SEG_HEADER, 1, false},
         {"Hoi Lisa,\n\nIk heb vandaag de uitslag gekregen: het is een hernia.\n", 0,
          "attachment:fw.eml>body:text/plain", SEG_BODY, 1, false},
         true},
        {"the same written directly, the writer's own business",
         {"Joost Huisman", 0, "header:from", SEG_HEADER, 0, false},
         {"Hoi Lisa,\n\nIk heb vandaag de uitslag gekregen: het is een hernia.\n", 0,
          "body:text/plain", SEG_BODY, 0, false},
         false},
        /* a greeting in the mail does not make a leaflet's reader anyone */
        {"leaflet attached to a mail that greets by name",
         {"Hallo Merel,\n\nIn de bijlage het stuk.\n", 0, "body:text/plain", SEG_BODY, 0, false},
         {"Als uw naaste dementie heeft, vraag dan hulp.\n", 0, "attachment:folder.docx",
          SEG_ATTACHMENT, 0, false},
         false},
        {"the same words in the mail itself",
         {"Hallo Merel,\n\nIn de bijlage het stuk.\n", 0, "body:text/plain", SEG_BODY, 0, false},
         {"Als uw naaste dementie heeft, vraag dan hulp.\n", 0, "body:text/html", SEG_BODY, 0,
          false},
         true},
    };
    for (size_t i = 0; i < NELEM(pairs); i++) {
        struct text_segment two[2] = {pairs[i].a, pairs[i].b};
        two[0].len = strlen(two[0].text); /* lengths are set here */
        two[1].len = strlen(two[1].text);
        struct detect_result r = {0};
        bool to = false;
        CHECK(detect_message(p, s, two, 2, false, 0, &to, &r) == SL_OK &&
                  r.sensitive == pairs[i].want,
              "%s: got %s, want %s", pairs[i].name, r.sensitive ? "sensitive" : "clean",
              pairs[i].want ? "sensitive" : "clean");
        detect_result_free(&r);
    }

    /* masking */
    static const struct {
        const char *in, *want;
    } masks[] = {
        {"123456782", "1234***82"},
        {"1234.56.782", "1234.**.*82"},
        {"85.07.30-033.28", "85.07.**-***.28"},
        {"dhr. Jansen", "d**. J*****"},
        {"Zoë de Vries", "Z** d* V****"},
        {"12-03-1945", "12-03-**45"},
        {"0045", "0**5"},
        {"a\"b\\c", "a b c"},
    };
    for (size_t i = 0; i < NELEM(masks); i++) {
        char out[80];
        detect_mask(masks[i].in, strlen(masks[i].in), out, sizeof out);
        CHECK(strcmp(out, masks[i].want) == 0, "mask '%s': got '%s', want '%s'", masks[i].in, out,
              masks[i].want);
    }

    /* hostile: megabytes of dense signals (names, identifiers, dates, health
     * words, no paragraph breaks) end, because every look-up is windowed */
    static const char unit[] = "Jan Jansen BSN 123456782 geb. 01-01-1950 diabetes factuurnummer ";
    size_t reps = (4u << 20) / (sizeof unit - 1);
    char *big = malloc(reps * (sizeof unit - 1) + 1);
    for (size_t k = 0; k < reps; k++)
        memcpy(big + k * (sizeof unit - 1), unit, sizeof unit - 1);
    struct text_segment dense = {big, reps * (sizeof unit - 1), "body", SEG_BODY, 0, false};
    struct detect_result dr = {0};
    bool dto = false;
    CHECK(detect_message(p, s, &dense, 1, false, 0, &dto, &dr) == SL_OK && dr.sensitive,
          "4 MiB of dense signals: scanned and sensitive");
    CHECK(dr.nfindings <= DETECT_MAX_FINDINGS, "findings capped at %d: got %zu",
          DETECT_MAX_FINDINGS, dr.nfindings);
    detect_result_free(&dr);
    free(big);

    /* a deadline already passed: nothing is scanned, and it is said */
    struct text_segment one = {"BSN: 123456782", 14, "body", SEG_BODY, 0, false};
    struct detect_result r = {0};
    bool timed_out = false;
    detect_message(p, s, &one, 1, false, 1, &timed_out, &r);
    CHECK(timed_out && !r.sensitive, "deadline: got timed_out=%d", timed_out);
    detect_result_free(&r);

    detect_scratch_free(s);
    pack_free(p);
    return check_summary("test_detect");
}
