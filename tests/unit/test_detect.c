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
    {"labelled eight-digit BSN in a sentence", NULL,
     "Hierbij de gegevens. BSN: 12345672 en ze komt morgen.", false, false, true, CONF_HIGH,
     "nl.bsn-8", "12345672"},
    {"eight-digit number without its label", NULL,
     "Hierbij de gegevens, referentie 12345672, en ze komt morgen.", false, false, false, CONF_NONE,
     NULL, NULL},
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
    /* person evidence without a title, and its hard negatives */
    {"a pasted list of patients, surname and initial", NULL,
     "Voor morgen:\nBakker, J. - 12-03-1941 - COPD - somatiek\nVisser, M. - 02-11-1938 - "
     "dementie - PG\n",
     false, false, true, CONF_HIGH, "person.dob", "Bakker"},
    {"the same shape as a roster", NULL,
     "Voor morgen:\nBakker, J. - 12-03-2026 - vroege dienst\nVisser, M. - 13-03-2026 - late "
     "dienst\n",
     false, false, false, CONF_NONE, NULL, NULL},
    {"an unlisted surname with an initial, a list line", NULL,
     "Overdracht:\nKowalczyk, A. - 03-04-1950 - CVA rechts, sondevoeding\n", false, false, true,
     CONF_HIGH, NULL, "Kowalczyk"},
    {"the same shape as a reference", NULL,
     "Literatuur:\nKowalczyk, A. (2019). CVA en revalidatie. Utrecht: Bohn.\n", false, false, false,
     CONF_NONE, NULL, NULL},
    {"several surnames sharing one lab value", NULL,
     "Bij Jansen, De Boer en Mulder was het INR vanochtend boven de 4.", false, false, true,
     CONF_HIGH, NULL, "Mulder"},
    {"several surnames and a training topic", NULL,
     "Jansen, De Boer en Mulder volgen donderdag de scholing over INR-zelfmeting.", false, false,
     false, CONF_NONE, NULL, NULL},
    {"a title and a room number, an event", NULL,
     "Mevrouw van kamer 12 is overgezet van de pijnpomp naar fentanylpleisters.", false, false,
     true, CONF_HIGH, NULL, NULL},
    {"a title and a room number, a leaflet", NULL,
     "Mevrouw van kamer 12 vraagt of de folder over diabetes weer bij de balie ligt.", false, false,
     false, CONF_NONE, NULL, NULL},
    {"a first name with an age in brackets", NULL,
     "Sophie (84) had vanochtend een glucose van 3,1 mmol/l.", false, false, true, CONF_HIGH, NULL,
     NULL},
    {"a first name with an age, a training", NULL,
     "Sophie (34) geeft vrijdag de training over diabetes en insuline.", false, false, false,
     CONF_NONE, NULL, NULL},
    {"a first name and health evidence adding up in a sentence", NULL,
     "Tom heeft zijn depot gemist en is sinds gisteren psychotisch.", false, false, true,
     CONF_MEDIUM, NULL, NULL},
    {"a first name and health words in separate lines of an agenda", NULL,
     "Aanwezig: Tom, Sanne, Fleur\nDonderdag: evaluatie depot en psychose (richtlijn)\n", false,
     false, false, CONF_NONE, NULL, NULL},
    {"a ward named like a first name, aggregated figures", NULL,
     "Incidenten per afdeling\nDe Berk\n5\n18\nDecubitus (categorie 2-4)\n", false, false, false,
     CONF_NONE, NULL, NULL},
    {"a date of birth in the subject alone", "Jansen geb 04.02.1971 uitslag MRI", "Zie bijlage.",
     false, false, true, CONF_MEDIUM, "person.dob", "1971"},
    {"a date of birth spelled out in the subject", "De Vries geb 9 maart 1944 echo",
     "Graag even bellen.", false, false, true, CONF_MEDIUM, "person.dob", "1944"},
    {"a birthday in the subject", "Verjaardag Jansen, geb 04.02.1971", "Taart om drie uur.", false,
     false, false, CONF_NONE, NULL, NULL},
    {"a reader greeted by title, her own result", NULL,
     "Beste mevrouw,\n\nDe uitslag is binnen: uw HbA1c is 62 mmol/mol.\n", false, false, true,
     CONF_HIGH, "person.possessive", NULL},
    {"a first name after a sentence about a training on a medicine", NULL,
     "Hoi Vincent,\n\nKuipers, Tjon-A-Fong en Kok volgen donderdag de scholing over INR-zelfmeting "
     "en het doseren van acenocoumarol. Iris neemt de medicatieronde over.\n",
     false, false, false, CONF_NONE, NULL, NULL},
    {"a first name and a medicine in one sentence, someone named", NULL,
     "Hoi Vincent,\n\nMevrouw Kuipers van kamer 3 heeft pijn. Iris heeft vanochtend haar "
     "acenocoumarol gemist.\n",
     false, false, true, CONF_MEDIUM, NULL, NULL},
    {"a surname with a client number and no label", NULL,
     "Jansen 4471902 heeft een exacerbatie COPD, prednison gestart.", false, false, true, CONF_HIGH,
     NULL, "4471902"},
    {"a surname with a phone number", NULL, "Bel Jansen 0612345678 over de COPD-poli.", false,
     false, false, CONF_NONE, NULL, NULL},
    {"a relative addressed in the plural", NULL,
     "Beste Bert en Henk,\n\nBij jullie vader is een longontsteking vastgesteld.\n", false, false,
     true, CONF_HIGH, "person.relative", NULL},
    {"a relative in the plural, no health", NULL,
     "Beste Bert en Henk,\n\nJullie vader heeft nieuwe kleding nodig, graag met naamlabels.\n",
     false, false, false, CONF_NONE, NULL, NULL},
    {"a client by surname in the subject, with a medicine", "Verhoeven clozapine herstart 12,5 mg",
     "Zie onderwerp, de apotheek weet het.", false, false, true, CONF_MEDIUM, NULL, "Verhoeven"},
    {"a ward named like a surname in the subject", "Uitbraak norovirus De Esch - maatregelen",
     "Beste collega's, de afdeling is gesloten voor bezoek.", false, false, false, CONF_NONE, NULL,
     NULL},
    {"a surname in the subject and a talk on a condition", "Presentatie Jansen over COPD",
     "De slides staan op intranet.", false, false, false, CONF_NONE, NULL, NULL},
    {"a patient known by bed number, French", NULL,
     "Le patient du lit 6 fait une pneumonie, antibiotiques depuis ce matin.", false, false, true,
     CONF_HIGH, NULL, NULL},
    {"a bed number in a training notice, French", NULL,
     "Le lit 6 de la salle de simulation sert pour la formation sur la pneumonie.", false, false,
     false, CONF_NONE, NULL, NULL},
    {"a header-less table of residents by surname", NULL,
     "Dieetlijst woning 3:\nVan der Linden   - eiwitverrijkt\nSchreurs         - zoutbeperkt, "
     "hartfalen\nNijenhuis        - verdikt (na CVA)\n",
     false, false, true, CONF_HIGH, NULL, "Schreurs"},
    {"a roster of the same shape", NULL,
     "Rooster week 50:\nVan der Linden   - vroege dienst\nSchreurs         - late dienst, "
     "scholing hartfalen\nNijenhuis        - vrij\n",
     false, false, false, CONF_NONE, NULL, NULL},
    {"a district named like a surname in the subject",
     "Vacature: kraamverzorgende regio Rotterdam-Oost",
     "Je controleert moeder en baby na de bevalling en geeft voorlichting.", false, false, false,
     CONF_NONE, NULL, NULL},
    {"a double-barrelled surname with a particle in the subject",
     "De Groot-Yilmaz clozapine herstart 12,5 mg", "Zie onderwerp.", false, false, true,
     CONF_MEDIUM, NULL, "Yilmaz"},
    {"a first name in the subject that the body speaks of", "Kevin vandaag",
     "Hoi team,\n\nKevin had vanmiddag weer een aanval, de epilepsie is onrustig sinds de "
     "afbouw.\n",
     false, false, true, CONF_MEDIUM, NULL, NULL},
    {"a first name in the subject, the greeted reader", "vraag voor Sanne",
     "Hoi Sanne,\n\nHeb jij de nieuwe richtlijn epilepsie nog liggen?\n", false, false, false,
     CONF_NONE, NULL, NULL},
    {"a first name in the subject, a training topic", "scholing Kevin",
     "Hoi team,\n\nKevin geeft vrijdag de scholing over epilepsie.\n", false, false, false,
     CONF_NONE, NULL, NULL},
    {"a signature without a known closing, a job title on the next line", NULL,
     "Dear Rachel,\n\nAs discussed, see attached.\n\nMany thanks,\n\nClaire Harrison\nCare "
     "Home Manager\nOakwood Care Home\n",
     false, false, false, CONF_NONE, NULL, NULL},
    {"a name on its own line, a condition on the next", NULL,
     "Overdracht nacht:\nMargaret Thompson\nCOPD exacerbatie, prednison gestart\n", false, false,
     true, CONF_HIGH, NULL, "Thompson"},
    {"a form letter to every reader", NULL,
     "Geachte heer, mevrouw,\n\nLaat uw HbA1c jaarlijks controleren als u diabetes heeft.\n", false,
     false, false, CONF_NONE, NULL, NULL},
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
                c->subject, strlen(c->subject), "header:subject", SEG_SUBJECT, 0, false, false};
        segs[n++] = (struct text_segment){c->body,
                                          strlen(c->body),
                                          c->rows ? "attachment:lijst.csv" : "body:text/plain",
                                          c->rows ? SEG_ATTACHMENT : SEG_BODY,
                                          0,
                                          c->rows,
                                          false};
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
        struct text_segment one = {t, strlen(t), "body", SEG_BODY, 0, false, false};
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
         {"Joost Huisman", 0, "attachment:fw.eml>header:from", SEG_HEADER, 1, false, false},
         {"Hoi Lisa,\n\nIk heb vandaag de uitslag gekregen: het is een hernia.\n", 0,
          "attachment:fw.eml>body:text/plain", SEG_BODY, 1, false, false},
         true},
        {"the same written directly, the writer's own business",
         {"Joost Huisman", 0, "header:from", SEG_HEADER, 0, false, false},
         {"Hoi Lisa,\n\nIk heb vandaag de uitslag gekregen: het is een hernia.\n", 0,
          "body:text/plain", SEG_BODY, 0, false, false},
         false},
        /* a greeting in the mail does not make a leaflet's reader anyone */
        {"leaflet attached to a mail that greets by name",
         {"Hallo Merel,\n\nIn de bijlage het stuk.\n", 0, "body:text/plain", SEG_BODY, 0, false,
          false},
         {"Als uw naaste dementie heeft, vraag dan hulp.\n", 0, "attachment:folder.docx",
          SEG_ATTACHMENT, 0, false, false},
         false},
        {"the same words in the mail itself",
         {"Hallo Merel,\n\nIn de bijlage het stuk.\n", 0, "body:text/plain", SEG_BODY, 0, false,
          false},
         {"Als uw naaste dementie heeft, vraag dan hulp.\n", 0, "body:text/html", SEG_BODY, 0,
          false, false},
         true},
    };
    for (size_t i = 0; i < NELEM(pairs); i++) {
        struct text_segment two[2] = {pairs[i].a, pairs[i].b};
        two[0].len = strlen(two[0].text); /* lengths are set here */
        two[1].len = strlen(two[1].text);
        struct detect_result r = {0};
        bool to = false;
        /* the rules' own verdict: the statistical layer is test_model's */
        CHECK(detect_message(p, s, two, 2, false, 0, &to, &r) == SL_OK &&
                  r.rules_sensitive == pairs[i].want,
              "%s: got %s, want %s", pairs[i].name, r.rules_sensitive ? "sensitive" : "clean",
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
    struct text_segment dense = {big, reps * (sizeof unit - 1), "body", SEG_BODY, 0, false, false};
    struct detect_result dr = {0};
    bool dto = false;
    CHECK(detect_message(p, s, &dense, 1, false, 0, &dto, &dr) == SL_OK && dr.sensitive,
          "4 MiB of dense signals: scanned and sensitive");
    CHECK(dr.nfindings <= DETECT_MAX_FINDINGS, "findings capped at %d: got %zu",
          DETECT_MAX_FINDINGS, dr.nfindings);
    detect_result_free(&dr);
    free(big);

    /* raw bytes (text_segment.raw): words in a case nobody writes are noise;
     * what the rules find there in plain words is theirs to decide on */
    static const struct {
        const char *name, *text;
        bool want;
    } raws[] = {
        {"raw bytes, mixed-case noise", "mR:M] Jansen\nz<iNr 5,2\nMeVrOuW dE vRiEs DiAbEtEs\n",
         false},
        {"raw bytes, plain words", "Mevrouw de Vries is opgenomen met een longembolie.\n", true},
    };
    for (size_t i = 0; i < NELEM(raws); i++) {
        struct text_segment seg = {raws[i].text, strlen(raws[i].text), "raw", SEG_BODY, 0, false,
                                   true};
        struct detect_result rr = {0};
        bool rto = false;
        CHECK(detect_message(p, s, &seg, 1, false, 0, &rto, &rr) == SL_OK &&
                  rr.sensitive == raws[i].want && rr.rules_sensitive == raws[i].want,
              "%s: got %s (rules %s), want %s", raws[i].name, rr.sensitive ? "sensitive" : "clean",
              rr.rules_sensitive ? "sensitive" : "clean", raws[i].want ? "sensitive" : "clean");
        /* the model read nothing of it: no text, no evidence */
        bool model_finding = false;
        for (size_t k = 0; k < rr.nfindings; k++)
            model_finding |= strcmp(rr.findings[k].rule, "model.linear") == 0;
        CHECK(!model_finding, "%s: the model decided on raw bytes", raws[i].name);
        detect_result_free(&rr);
    }

    /* a deadline already passed: nothing is scanned, and it is said */
    struct text_segment one = {"BSN: 123456782", 14, "body", SEG_BODY, 0, false, false};
    struct detect_result r = {0};
    bool timed_out = false;
    detect_message(p, s, &one, 1, false, 1, &timed_out, &r);
    CHECK(timed_out && !r.sensitive, "deadline: got timed_out=%d", timed_out);
    detect_result_free(&r);

    detect_scratch_free(s);
    pack_free(p);
    return check_summary("test_detect");
}
