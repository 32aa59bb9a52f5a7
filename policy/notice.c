/*
 * notice - notice templates and the messages made from them. See notice.h.
 *
 * Templates are read whole (at most 64 KiB each) when loaded and walked
 * once then with every block opened, so that a broken file stops a
 * (re)load instead of a message. Rendering walks the text again with the
 * real values. The MIME is written by hand: two text parts, quoted-
 * printable (RFC 2045 6.7) and an RFC 2047 subject are little code, and
 * keep the policy free of a MIME library.
 */
#include "notice.h"

#include <openssl/rand.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../common/file.h"

#define TEMPLATE_MAX (64u * 1024)
#define NLANGS       3

static const char *const langs[NLANGS] = {"nl", "en", "fr"};
static const char *const kind_names[NOTICE_KINDS] = {"recipient", "redirect", "warn", "hold",
                                                     "reject"};

struct template
{
    char *text; /* owned */
    char path[512];
};

struct notice_templates {
    struct template txt[NLANGS][NOTICE_KINDS], html[NLANGS][NOTICE_KINDS];
    struct template reply[NLANGS]; /* reject.reply: the SMTP reply's text */
};

const char *notice_kind_name(enum notice_kind k)
{
    return k < NOTICE_KINDS ? kind_names[k] : "?";
}

static int lang_index(const char *lang)
{
    for (int i = 0; lang && i < NLANGS; i++)
        if (strcmp(lang, langs[i]) == 0)
            return i;
    return 0;
}

/* --- labels ------------------------------------------------------------- */

/* label - a key's words in each language */
struct label {
    const char *key, *label[NLANGS];
};

static const char *label_of(const struct label *t, size_t n, const char *key, int l)
{
    for (size_t i = 0; key && i < n; i++)
        if (strcmp(key, t[i].key) == 0)
            return t[i].label[l];
    return NULL;
}

#define LABEL(t, key, l) label_of((t), sizeof(t) / sizeof((t)[0]), (key), (l))

static const struct label category_labels[] = {
    {"health", {"gezondheid", "health", "santé"}},
    {"national_id",
     {"nationaal identificatienummer", "national identification number",
      "numéro d'identification national"}},
    {"person", {"persoon", "person", "personne"}},
    {"date_of_birth", {"geboortedatum", "date of birth", "date de naissance"}},
    {"date", {"datum", "date", "date"}},
    {"patient_id", {"patiëntnummer", "patient number", "numéro de patient"}},
    {"provider_id", {"zorgverlenersnummer", "care provider number", "numéro de prestataire"}},
    {"financial", {"rekeningnummer", "bank account", "compte bancaire"}},
    {"context", {"context", "context", "contexte"}},
    {"structure", {"opbouw van het bericht", "message structure", "structure du message"}},
    {"unscannable",
     {"een deel dat niet gelezen kon worden", "a part that could not be read",
      "une partie illisible"}},
};

const char *notice_category_label(const char *category, const char *lang)
{
    const char *s = LABEL(category_labels, category, lang_index(lang));
    static const char *const other[NLANGS] = {"persoonsgegevens", "personal data",
                                              "données personnelles"};
    return s ? s : other[lang_index(lang)];
}

/* the plain names of the shipped rules (rules/packs/); test_notice checks
 * that every rule id there has one */
static const struct label rule_names[] = {
    {"nl.bsn", {"BSN", "BSN", "BSN"}},
    {"nl.bsn-8", {"BSN", "BSN", "BSN"}},
    {"be.national",
     {"rijksregisternummer", "national register number", "numéro de registre national"}},
    {"be.national-formatted",
     {"rijksregisternummer", "national register number", "numéro de registre national"}},
    {"be.bis", {"BIS-nummer", "BIS number", "numéro BIS"}},
    {"be.riziv", {"RIZIV-nummer", "RIZIV/INAMI number", "numéro INAMI"}},
    {"be.riziv-bare", {"RIZIV-nummer", "RIZIV/INAMI number", "numéro INAMI"}},
    {"nl.agb", {"AGB-code", "AGB code", "code AGB"}},
    {"nl.big", {"BIG-nummer", "BIG number", "numéro BIG"}},
    {"nl.uzi", {"UZI-nummer", "UZI number", "numéro UZI"}},
    {"iban", {"rekeningnummer (IBAN)", "bank account (IBAN)", "compte bancaire (IBAN)"}},
    {"date", {"datum", "date", "date"}},
    {"date-words", {"datum", "date", "date"}},
    {"date-iso", {"datum", "date", "date"}},
    {"date-english", {"datum", "date", "date"}},
    {"person.title", {"naam met aanhef", "name with a title", "nom avec civilité"}},
    {"person.staff-title", {"naam van een collega", "a colleague's name", "nom d'un collègue"}},
    {"person.staff-role",
     {"functie van een collega", "a colleague's role", "fonction d'un collègue"}},
    {"person.firstname", {"voor- en achternaam", "first and last name", "prénom et nom"}},
    {"person.firstname-ambiguous", {"voor- en achternaam", "first and last name", "prénom et nom"}},
    {"person.surname", {"naam met voorletters", "name with initials", "nom avec initiales"}},
    {"person.particle",
     {"naam met tussenvoegsel", "name with a particle (van, de)", "nom avec particule"}},
    {"person.role",
     {"patiënt of cliënt genoemd", "a patient or client mentioned", "patient ou client mentionné"}},
    {"person.group", {"groep patiënten", "group of patients", "groupe de patients"}},
    {"person.relative", {"familielid", "a relative", "un proche"}},
    {"person.possessive",
     {"de lezer zelf (\"uw\")", "the reader themselves (\"your\")",
      "le lecteur lui-même (« votre »)"}},
    {"person.topic", {"onderwerp", "topic", "sujet"}},
    {"person.first-person",
     {"de schrijver zelf (\"ik\")", "the writer themselves (\"I\")", "l'auteur lui-même (« je »)"}},
    {"person.pronoun", {"verwijzing (hij, zij)", "pronoun (he, she)", "pronom (il, elle)"}},
    {"person.dob", {"geboortedatum", "date of birth", "date de naissance"}},
    {"person.id-keyword",
     {"patiënt- of dossiernummer", "patient or record number", "numéro de patient ou de dossier"}},
    {"person.greeting", {"aanhef", "greeting", "formule d'appel"}},
    {"person.closing", {"afsluiting", "closing", "formule de politesse"}},
    {"person.header-label", {"kopregel", "header line", "ligne d'en-tête"}},
    {"health.diagnosis", {"diagnose", "diagnosis", "diagnostic"}},
    {"health.medication", {"medicijn", "medication", "médicament"}},
    {"health.procedure",
     {"behandeling of onderzoek", "treatment or examination", "traitement ou examen"}},
    {"health.psych",
     {"psychische klacht of crisis", "mental health problem or crisis",
      "trouble psychique ou crise"}},
    {"health.care-document", {"zorgdocument", "care document", "document de soins"}},
    {"health.care-term", {"zorgterm", "care term", "terme de soins"}},
    {"health.measurement", {"meetwaarde", "measurement", "mesure"}},
    {"health.temperature", {"temperatuur", "temperature", "température"}},
    {"health.blood-pressure", {"bloeddruk", "blood pressure", "tension artérielle"}},
    {"health.lab-value", {"labwaarde", "lab value", "valeur de laboratoire"}},
    {"health.icd10",
     {"diagnosecode (ICD-10)", "diagnosis code (ICD-10)", "code de diagnostic (CIM-10)"}},
    {"health.icpc", {"diagnosecode (ICPC)", "diagnosis code (ICPC)", "code de diagnostic (CISP)"}},
    {"health.atc", {"medicijncode (ATC)", "medication code (ATC)", "code de médicament (ATC)"}},
    {"context.invoice", {"factuur", "invoice", "facture"}},
    {"context.newsletter", {"nieuwsbrief", "newsletter", "lettre d'information"}},
    {"context.private-mail", {"privé-mailadres", "private mail address", "adresse e-mail privée"}},
    {"context.aggregate",
     {"cijfers over groepen", "figures about groups", "chiffres sur des groupes"}},
};

const char *notice_rule_name(const char *rule, const char *lang)
{
    return LABEL(rule_names, rule, lang_index(lang));
}

/* identifier - a category whose finding is a number: shown by its masked
 * digits, as nothing else tells the sender which one it was */
static bool identifier(const char *category)
{
    static const char *const ids[] = {"national_id", "patient_id", "provider_id", "financial"};
    for (size_t i = 0; category && i < sizeof ids / sizeof ids[0]; i++)
        if (strcmp(category, ids[i]) == 0)
            return true;
    return false;
}

/* named - a category whose findings are best named by their rule ("BSN",
 * "geboortedatum") rather than by the category ("persoon: ...") */
static bool named(const char *category)
{
    return identifier(category) ||
           (category && (strcmp(category, "date_of_birth") == 0 || strcmp(category, "date") == 0));
}

/* finding_head - what a finding's line starts with: the category in plain
 * words, or for identifiers and dates the rule's own name */
static const char *finding_head(const struct notice_finding *f, int l)
{
    const char *name = named(f->category) ? notice_rule_name(f->rule, langs[l]) : NULL;
    return name ? name : notice_category_label(f->category ? f->category : "", langs[l]);
}

/* finding_detail - after the head: the masked digits of an identifier, or
 * the rule's plain name; "" when there is nothing more to say. Never the
 * words of the message. */
static const char *finding_detail(const struct notice_finding *f, int l)
{
    if (identifier(f->category))
        return f->masked && strpbrk(f->masked, "0123456789") ? f->masked : "";
    if (named(f->category))
        return "";
    const char *name = notice_rule_name(f->rule, langs[l]);
    return name ? name : "";
}

/* finding_repeats - has findings[i]'s (category, rule) come before it? */
static bool finding_repeats(const struct notice_vars *v, size_t i)
{
    const struct notice_finding *f = &v->findings[i];
    for (size_t k = 0; k < i; k++) {
        const struct notice_finding *g = &v->findings[k];
        if (strcmp(g->category ? g->category : "", f->category ? f->category : "") == 0 &&
            strcmp(g->rule ? g->rule : "", f->rule ? f->rule : "") == 0)
            return true;
    }
    return false;
}

const char *notice_reason_text(enum notice_reason r, const char *lang)
{
    static const char *const text[2][NLANGS] = {
        {"er is geen beveiligd kanaal voor deze ontvanger",
         "there is no secure channel for this recipient",
         "il n'y a pas de canal sécurisé pour ce destinataire"},
        {"een deel van het bericht kon niet worden gecontroleerd (bijvoorbeeld een te grote of "
         "beschadigde bijlage)",
         "part of the message could not be checked (for example an attachment that is too large "
         "or damaged)",
         "une partie du message n'a pas pu être vérifiée (par exemple une pièce jointe trop "
         "grande ou endommagée)"}};
    return text[r == NOTICE_WHY_NOT_SCANNED][lang_index(lang)];
}

static const struct label done_labels[] = {
    {"portal",
     {"er is een bericht met een link naar het beveiligde portaal gestuurd",
      "a notice with a link to the secure portal was sent",
      "un avis avec un lien vers le portail sécurisé a été envoyé"}},
    {"tls",
     {"gaat alleen over een versleutelde verbinding", "goes only over an encrypted connection",
      "part uniquement par une connexion chiffrée"}},
    {"smime", {"gaat versleuteld", "goes encrypted", "part chiffré"}},
    {"pass",
     {"gaat gewoon per e-mail", "goes as ordinary e-mail", "part comme un e-mail ordinaire"}},
};

static const struct label channel_labels[] = {
    {"portal",
     {"via het beveiligde portaal", "through the secure portal", "via le portail sécurisé"}},
    {"tls",
     {"beveiligd verstuurd (versleutelde verbinding)", "sent securely (encrypted connection)",
      "envoyé de façon sécurisée (connexion chiffrée)"}},
    {"smime", {"versleuteld verstuurd", "sent encrypted", "envoyé chiffré"}},
    {"pass", {"gewoon verstuurd", "sent as usual", "envoyé normalement"}},
    {"hold", {"vastgehouden", "held", "retenu"}},
    {"reject", {"niet verstuurd", "not sent", "non envoyé"}},
};

/* action_label - a recipient's action in plain words. The sender's notice
 * of a redirect (happened) says what was done, and claims no delivery:
 * the portal's recipient was sent a notice, which may still bounce. A
 * warning says the channel the message should have gone by, after "should
 * go" / "hoort" / "à envoyer". */
static const char *action_label(const char *action, int l, bool happened)
{
    const char *s = happened ? LABEL(done_labels, action, l) : NULL;
    if (s == NULL)
        s = LABEL(channel_labels, action, l);
    return s ? s : action;
}

/* --- the template language ---------------------------------------------- */

static const char *const scalars[] = {"organisation", "from",        "to",           "sender",
                                      "link",         "expires",     "helpdesk",     "report_url",
                                      "reason",       "codes",       "found",        "on_request",
                                      "status_link",  "verify_code", "verify_email", "verify_sms",
                                      "phone_end",    "codes_sent",  "fp_link",      NULL};
static const char *const finding_fields[] = {"category", "detail", "masked", NULL};
static const char *const recipient_fields[] = {"address",     "action",       "code",
                                               "verify_code", "verify_email", "verify_sms",
                                               "phone_end",   "no_phone",     NULL};

enum list { LIST_NONE, LIST_FINDINGS, LIST_RECIPIENTS };

struct ctx {
    const struct notice_vars *v;
    enum notice_kind kind;
    int lang;
    bool html;
    bool checking; /* load-time check: every block opened once */
    enum list in;  /* the list whose item is current */
    size_t item;
    char expires[32];
    char phone_end[4]; /* the last digits of the number in hand */
    struct buf *out;
    const struct template *t;
    char *err;
    size_t errlen;
};

static bool in_set(const char *name, size_t n, const char *const *set)
{
    for (; *set; set++)
        if (strlen(*set) == n && strncmp(*set, name, n) == 0)
            return true;
    return false;
}

/* codes - "yes" when a recipient has an access code to relay, else "" */
static const char *codes(const struct notice_vars *v)
{
    for (size_t i = 0; i < v->nrecipients; i++)
        if (v->recipients[i].code && *v->recipients[i].code)
            return "yes";
    return "";
}

/* codes_sent - "yes" when a recipient gets a one-time code from the portal */
static const char *codes_sent(const struct notice_vars *v)
{
    for (size_t i = 0; i < v->nrecipients; i++) {
        const char *m = v->recipients[i].verify;
        if (m && (strcmp(m, "email") == 0 || strcmp(m, "sms") == 0))
            return "yes";
    }
    return "";
}

/* phone_end - the last three digits of phone into c->phone_end ("" when
 * there is no number): all of a number a notice ever shows */
static const char *phone_end(struct ctx *c, const char *phone)
{
    size_t n = phone ? strlen(phone) : 0, digits = 0;
    for (size_t i = 0; i < n; i++)
        digits += phone[i] >= '0' && phone[i] <= '9';
    c->phone_end[0] = '\0';
    if (digits >= 8 && strspn(phone + n - 3, "0123456789") == 3)
        memcpy(c->phone_end, phone + n - 3, 4);
    return c->phone_end;
}

/* way_in - "yes" when the method is want; NULL method: none */
static const char *way_in(const char *method, const char *want)
{
    return method && strcmp(method, want) == 0 ? "yes" : "";
}

/* value - the value of name in the context; NULL when unknown */
static const char *value(struct ctx *c, const char *name, size_t n)
{
    const struct notice_vars *v = c->v;
#define IS(s) (n == strlen(s) && strncmp(name, s, n) == 0)
    if (c->in == LIST_FINDINGS && in_set(name, n, finding_fields)) {
        if (c->checking)
            return "x";
        const struct notice_finding *f = &v->findings[c->item];
        return name[0] == 'c' ? finding_head(f, c->lang) : finding_detail(f, c->lang);
    }
    if (c->in == LIST_RECIPIENTS && in_set(name, n, recipient_fields)) {
        if (c->checking)
            return "x";
        const struct notice_recipient *r = &v->recipients[c->item];
        const char *m = r->verify;
        const char *val = IS("address") ? r->address
                          : IS("action")
                              ? action_label(r->action, c->lang, c->kind == NOTICE_REDIRECT)
                          : IS("code")         ? r->code
                          : IS("verify_code")  ? way_in(m, "code")
                          : IS("verify_email") ? way_in(m, "email")
                          : IS("verify_sms")   ? way_in(m, "sms")
                          : IS("phone_end")    ? phone_end(c, way_in(m, "sms")[0] ? r->phone : NULL)
                                               : (r->no_phone ? "yes" : "");
        return val ? val : "";
    }
    if (!in_set(name, n, scalars))
        return NULL;
    if (c->checking)
        return "x";
    /* the recipient's notice: code unless said otherwise */
    const char *m = v->verify ? v->verify : "code";
    const char *r = IS("organisation")   ? v->organisation
                    : IS("from")         ? v->from
                    : IS("to")           ? v->to
                    : IS("sender")       ? v->sender
                    : IS("link")         ? v->link
                    : IS("expires")      ? c->expires
                    : IS("helpdesk")     ? v->helpdesk
                    : IS("report_url")   ? v->report_url
                    : IS("codes")        ? codes(v)
                    : IS("found")        ? (v->nfindings > 0 ? "yes" : "")
                    : IS("on_request")   ? (v->nfindings == 0 && v->requested ? "yes" : "")
                    : IS("status_link")  ? v->status_link
                    : IS("verify_code")  ? way_in(m, "code")
                    : IS("verify_email") ? way_in(m, "email")
                    : IS("verify_sms")   ? way_in(m, "sms")
                    : IS("phone_end")    ? phone_end(c, way_in(m, "sms")[0] ? v->phone : NULL)
                    : IS("codes_sent")   ? codes_sent(v)
                    : IS("fp_link")      ? v->fp_link
                                         : v->reason;
#undef IS
    return r ? r : "";
}

static unsigned line_of(const struct ctx *c, const char *p)
{
    unsigned line = 1;
    for (const char *q = c->t->text; q < p; q++)
        line += *q == '\n';
    return line;
}

static enum sl_status emit(struct ctx *c, const char *s)
{
    if (!c->html)
        return buf_append_str(c->out, s);
    enum sl_status st = SL_OK;
    for (; *s && st == SL_OK; s++) {
        switch (*s) {
        case '<':
            st = buf_append_str(c->out, "&lt;");
            break;
        case '>':
            st = buf_append_str(c->out, "&gt;");
            break;
        case '&':
            st = buf_append_str(c->out, "&amp;");
            break;
        case '"':
            st = buf_append_str(c->out, "&quot;");
            break;
        case '\'':
            st = buf_append_str(c->out, "&#39;");
            break;
        default:
            st = buf_append_char(c->out, *s);
        }
    }
    return st;
}

static enum sl_status fail(struct ctx *c, const char *at, const char *why, const char *name,
                           size_t n)
{
    snprintf(c->err, c->errlen, "%s:%u: %s '%.*s'", c->t->path, line_of(c, at), why, (int)n, name);
    return SL_EPARSE;
}

/* walk - render (or check) text[p..end) */
/* NOLINTNEXTLINE(misc-no-recursion): a level per block; the admin's template is <= TEMPLATE_MAX */
static enum sl_status walk(struct ctx *c, const char *p, const char *end)
{
    while (p < end) {
        const char *open = strstr(p, "{{");
        if (open == NULL || open >= end)
            open = end;
        if (open > p && buf_append(c->out, p, (size_t)(open - p)) != SL_OK)
            return SL_ENOMEM;
        if (open == end)
            return SL_OK;
        const char *close = strstr(open + 2, "}}");
        if (close == NULL || close > end)
            return fail(c, open, "unclosed", "{{", 2);
        const char *name = open + 2;
        size_t n = (size_t)(close - name);
        p = close + 2;
        if (n > 0 && *name == '/')
            return fail(c, open, "a block end without its start:", name, n);
        if (n == 0 || *name != '#') {
            const char *val = value(c, name, n);
            if (val == NULL)
                return fail(c, open, "unknown name", name, n);
            if (emit(c, val) != SL_OK)
                return SL_ENOMEM;
            continue;
        }
        /* a block: find its end */
        name++;
        n--;
        char endtag[64];
        if (n + 5 >= sizeof endtag)
            return fail(c, open, "name too long:", name, n);
        snprintf(endtag, sizeof endtag, "{{/%.*s}}", (int)n, name);
        const char *inner_end = strstr(p, endtag);
        if (inner_end == NULL || inner_end > end)
            return fail(c, open, "a block without its end:", name, n);
        const char *after = inner_end + strlen(endtag);
        /* a tag on a line of its own leaves no empty line behind */
        if ((open == c->t->text || open[-1] == '\n') && *p == '\n' && p < inner_end)
            p++;
        if (inner_end > p && inner_end[-1] == '\n' && *after == '\n')
            after++;
        enum list list = n == 8 && strncmp(name, "findings", 8) == 0       ? LIST_FINDINGS
                         : n == 10 && strncmp(name, "recipients", 10) == 0 ? LIST_RECIPIENTS
                                                                           : LIST_NONE;
        enum sl_status st = SL_OK;
        if (list != LIST_NONE) {
            if (c->in != LIST_NONE)
                return fail(c, open, "a list inside a list:", name, n);
            size_t count = c->checking             ? 1
                           : list == LIST_FINDINGS ? c->v->nfindings
                                                   : c->v->nrecipients;
            for (size_t i = 0; i < count && st == SL_OK; i++) {
                /* each (category, rule) once: found in the subject and the
                 * body, or twice in the body, it is one line */
                if (list == LIST_FINDINGS && !c->checking && finding_repeats(c->v, i))
                    continue;
                c->in = list;
                c->item = i;
                st = walk(c, p, inner_end);
            }
            c->in = LIST_NONE;
        } else {
            const char *val = value(c, name, n);
            if (val == NULL)
                return fail(c, open, "unknown name", name, n);
            if (*val)
                st = walk(c, p, inner_end);
        }
        if (st != SL_OK)
            return st;
        p = after;
    }
    return SL_OK;
}

/* --- loading ------------------------------------------------------------ */

static enum sl_status load_one(const char *dir, const char *override, const char *lang,
                               const char *file, struct template *t, char *err, size_t errlen)
{
    struct stat st;
    snprintf(t->path, sizeof t->path, "%s/%s/%s", override ? override : "", lang, file);
    if (override == NULL || *override == '\0' || stat(t->path, &st) != 0)
        snprintf(t->path, sizeof t->path, "%s/%s/%s", dir, lang, file);
    size_t len;
    char why[256];
    t->text = file_read_all(t->path, TEMPLATE_MAX, &len, why, sizeof why);
    if (t->text == NULL) {
        snprintf(err, errlen, "%s: %s", t->path, why);
        return SL_EIO;
    }
    if (memchr(t->text, '\0', len) != NULL) {
        snprintf(err, errlen, "%s: not a text file", t->path);
        return SL_EPARSE;
    }
    return SL_OK;
}

static enum sl_status check(const struct template *t, bool html, char *err, size_t errlen)
{
    struct notice_vars v = {0};
    struct buf scratch = BUF_INIT;
    struct ctx c = {.v = &v,
                    .html = html,
                    .checking = true,
                    .out = &scratch,
                    .t = t,
                    .err = err,
                    .errlen = errlen};
    enum sl_status st = walk(&c, t->text, t->text + strlen(t->text));
    if (st == SL_OK && !html && strncmp(t->text, "Subject: ", 9) != 0) {
        snprintf(err, errlen, "%s:1: a .txt template begins with 'Subject: '", t->path);
        st = SL_EPARSE;
    }
    buf_free(&scratch);
    return st;
}

/* check_reply - one line of printable ASCII (an SMTP reply), at most 400 */
static enum sl_status check_reply(struct template *t, char *err, size_t errlen)
{
    char *nl = strchr(t->text, '\n');
    if (nl && nl[strspn(nl, "\r\n")] != '\0') {
        snprintf(err, errlen, "%s:2: a reply is one line", t->path);
        return SL_EPARSE;
    }
    if (nl)
        *nl = '\0';
    size_t n = strlen(t->text);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)t->text[i] < 0x20 || (unsigned char)t->text[i] > 0x7E) {
            snprintf(err, errlen, "%s:1: a reply is printable ASCII (SMTP)", t->path);
            return SL_EPARSE;
        }
    if (n == 0 || n > 400) {
        snprintf(err, errlen, "%s:1: a reply of 1 to 400 characters", t->path);
        return SL_EPARSE;
    }
    return SL_OK;
}

enum sl_status notice_templates_load(const char *dir, const char *override,
                                     struct notice_templates **out, char *err, size_t errlen)
{
    struct notice_templates *t = calloc(1, sizeof *t);
    if (t == NULL)
        return SL_ENOMEM;
    enum sl_status st = SL_OK;
    for (int l = 0; l < NLANGS && st == SL_OK; l++)
        for (int k = 0; k < NOTICE_KINDS && st == SL_OK; k++) {
            char file[64];
            snprintf(file, sizeof file, "%s.txt", kind_names[k]);
            st = load_one(dir, override, langs[l], file, &t->txt[l][k], err, errlen);
            if (st == SL_OK)
                st = check(&t->txt[l][k], false, err, errlen);
            snprintf(file, sizeof file, "%s.html", kind_names[k]);
            if (st == SL_OK)
                st = load_one(dir, override, langs[l], file, &t->html[l][k], err, errlen);
            if (st == SL_OK)
                st = check(&t->html[l][k], true, err, errlen);
        }
    for (int l = 0; l < NLANGS && st == SL_OK; l++) {
        st = load_one(dir, override, langs[l], "reject.reply", &t->reply[l], err, errlen);
        if (st == SL_OK)
            st = check_reply(&t->reply[l], err, errlen);
    }
    if (st != SL_OK) {
        notice_templates_free(t);
        t = NULL;
    }
    *out = t;
    return st;
}

const char *notice_reply(const struct notice_templates *t, const char *lang)
{
    return t->reply[lang_index(lang)].text;
}

void notice_templates_free(struct notice_templates *t)
{
    if (t == NULL)
        return;
    for (int l = 0; l < NLANGS; l++)
        for (int k = 0; k < NOTICE_KINDS; k++) {
            free(t->txt[l][k].text);
            free(t->html[l][k].text);
        }
    for (int l = 0; l < NLANGS; l++)
        free(t->reply[l].text);
    free(t);
}

/* --- MIME --------------------------------------------------------------- */

/* qp - quoted-printable of text (RFC 2045 6.7), lines of at most 76 */
static enum sl_status qp(struct buf *out, const char *s, size_t n)
{
    static const char hexd[] = "0123456789ABCDEF";
    size_t col = 0;
    enum sl_status st = SL_OK;
    for (size_t i = 0; i < n && st == SL_OK; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '\r')
            continue;
        if (ch == '\n') {
            st = buf_append_str(out, "\r\n");
            col = 0;
            continue;
        }
        bool at_end = i + 1 == n || s[i + 1] == '\n' || s[i + 1] == '\r';
        bool lit = (ch >= 33 && ch <= 126 && ch != '=') || ((ch == ' ' || ch == '\t') && !at_end);
        size_t w = lit ? 1 : 3;
        if (col + w > 75) {
            st = buf_append_str(out, "=\r\n");
            col = 0;
        }
        if (st == SL_OK && lit)
            st = buf_append_char(out, (char)ch);
        else if (st == SL_OK)
            st = buf_printf(out, "=%c%c", hexd[ch >> 4], hexd[ch & 15]);
        col += w;
    }
    if (st == SL_OK && col > 0)
        st = buf_append_str(out, "\r\n");
    return st;
}

static bool ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80 || *s == '\r' || *s == '\n')
            return false;
    return true;
}

/* word - text as RFC 2047 encoded words (B), folded, each word at most
 * 75 characters and never splitting a UTF-8 sequence */
static enum sl_status word(struct buf *out, const char *s)
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t n = strlen(s), i = 0;
    enum sl_status st = SL_OK;
    while (i < n && st == SL_OK) {
        size_t take = n - i > 42 ? 42 : n - i;
        while (take > 0 && i + take < n && ((unsigned char)s[i + take] & 0xC0) == 0x80)
            take--;
        if (take == 0)
            take = 1;
        st = buf_append_str(out, i ? "\r\n =?UTF-8?B?" : "=?UTF-8?B?");
        for (size_t k = 0; k < take && st == SL_OK; k += 3) {
            unsigned v = (unsigned char)s[i + k] << 16;
            if (k + 1 < take)
                v |= (unsigned char)s[i + k + 1] << 8;
            if (k + 2 < take)
                v |= (unsigned char)s[i + k + 2];
            char q[5] = {b64[v >> 18 & 63], b64[v >> 12 & 63],
                         (char)(k + 1 < take ? b64[v >> 6 & 63] : '='),
                         (char)(k + 2 < take ? b64[v & 63] : '='), 0};
            st = buf_append_str(out, q);
        }
        if (st == SL_OK)
            st = buf_append_str(out, "?=");
        i += take;
    }
    return st;
}

static enum sl_status header_text(struct buf *out, const char *name, const char *text)
{
    enum sl_status st = buf_printf(out, "%s: ", name);
    if (st == SL_OK)
        st = ascii(text) ? buf_append_str(out, text) : word(out, text);
    return st == SL_OK ? buf_append_str(out, "\r\n") : st;
}

/* clean_address - an address fit for a header: no CR, LF, <, > */
static bool clean_address(const char *a)
{
    return a && *a && strlen(a) < 320 && strpbrk(a, "\r\n<>\"") == NULL;
}

enum sl_status notice_render(const struct notice_templates *t, enum notice_kind k,
                             const struct notice_vars *v, struct buf *out, char *err, size_t errlen)
{
    if (k >= NOTICE_KINDS || !clean_address(v->from) || !clean_address(v->to)) {
        snprintf(err, errlen, "notice: no valid sender or recipient address");
        return SL_EINVAL;
    }
    int l = lang_index(v->lang);
    struct ctx c = {.v = v, .kind = k, .lang = l, .err = err, .errlen = errlen};
    struct tm tm;
    localtime_r(&v->expires, &tm);
    strftime(c.expires, sizeof c.expires,
             l == 1   ? "%Y-%m-%d"
             : l == 2 ? "%d/%m/%Y"
                      : "%d-%m-%Y",
             &tm);
    struct buf text = BUF_INIT, html = BUF_INIT;
    c.out = &text;
    c.t = &t->txt[l][k];
    enum sl_status st = walk(&c, c.t->text, c.t->text + strlen(c.t->text));
    c.out = &html;
    c.html = true;
    c.t = &t->html[l][k];
    if (st == SL_OK)
        st = walk(&c, c.t->text, c.t->text + strlen(c.t->text));
    /* the subject: the first line of the text, after "Subject: " */
    char subject[512] = "";
    const char *body = "";
    if (st == SL_OK) {
        /* check() at loading made every .txt template begin with "Subject: " */
        /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker) */
        const char *nl = strchr(text.data + 9, '\n');
        size_t sl = nl ? (size_t)(nl - text.data - 9) : strlen(text.data + 9);
        snprintf(subject, sizeof subject, "%.*s", (int)sl, text.data + 9);
        body = nl ? nl + 1 : "";
        while (*body == '\n')
            body++;
    }
    unsigned char rnd[16] = {0};
    char id[33];
    if (st == SL_OK && RAND_bytes(rnd, sizeof rnd) != 1)
        st = SL_EIO;
    for (int i = 0; i < 16; i++)
        snprintf(id + 2 * i, 3, "%02x", rnd[i]);
    const char *domain = strrchr(v->from, '@');
    domain = domain ? domain + 1 : "localhost";
    char date[64];
    time_t now = time(NULL);
    struct tm gm;
    gmtime_r(&now, &gm);
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &gm);
    buf_reset(out);
    if (st == SL_OK && v->organisation && *v->organisation) {
        st = buf_append_str(out, "From: ");
        bool plain = ascii(v->organisation) && !strpbrk(v->organisation, "\",;:<>@()[]\\");
        if (st == SL_OK)
            st = plain ? buf_append_str(out, v->organisation) : word(out, v->organisation);
        /* an encoded name is long: the address goes on a folded line */
        if (st == SL_OK)
            st = buf_printf(out, "%s<%s>\r\n", plain ? " " : "\r\n ", v->from);
    } else if (st == SL_OK) {
        st = buf_printf(out, "From: <%s>\r\n", v->from);
    }
    if (st == SL_OK)
        st = buf_printf(out, "To: <%s>\r\n", v->to);
    if (st == SL_OK)
        st = header_text(out, "Subject", subject);
    if (st == SL_OK)
        st = buf_printf(out,
                        "Date: %s\r\nMessage-ID: <%s@%s>\r\nMIME-Version: 1.0\r\n"
                        "Auto-Submitted: auto-generated\r\nX-Sluis-Notice: %s\r\n"
                        "Content-Language: %s\r\n"
                        "Content-Type: multipart/alternative;\r\n boundary=\"=_sluis_%s\"\r\n\r\n"
                        "--=_sluis_%s\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        "Content-Transfer-Encoding: quoted-printable\r\n\r\n",
                        date, id, domain, kind_names[k], langs[l], id, id);
    if (st == SL_OK)
        st = qp(out, body, strlen(body));
    if (st == SL_OK)
        st = buf_printf(out,
                        "--=_sluis_%s\r\nContent-Type: text/html; charset=utf-8\r\n"
                        "Content-Transfer-Encoding: quoted-printable\r\n\r\n",
                        id);
    struct buf page = BUF_INIT;
    if (st == SL_OK) {
        c.out = &page;
        st = buf_printf(&page,
                        "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                        "<meta name=\"viewport\" content=\"width=device-width\"><title>",
                        langs[l]);
        if (st == SL_OK)
            st = emit(&c, subject);
        if (st == SL_OK)
            st = buf_append_str(&page, "</title></head>\n<body>\n");
        if (st == SL_OK)
            st = buf_append(&page, html.data ? html.data : "", html.len);
        if (st == SL_OK)
            st = buf_append_str(&page, "</body></html>\n");
    }
    if (st == SL_OK)
        st = qp(out, page.data, page.len);
    if (st == SL_OK)
        st = buf_printf(out, "--=_sluis_%s--\r\n", id);
    buf_free(&page);
    buf_free(&text);
    buf_free(&html);
    if (st == SL_ENOMEM)
        snprintf(err, errlen, "notice: out of memory");
    else if (st == SL_EIO)
        snprintf(err, errlen, "notice: no random bytes");
    return st;
}
