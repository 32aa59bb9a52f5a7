/*
 * test_policy - the policy file, subject tags and the decision table:
 * recipients x modes x tags x confidence x partner status, each row an
 * expected action (and what enforce mode would have done); how a portal
 * recipient verifies (code, email, sms with phones_file).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../policy/decide.h"
#include "check.h"

static char dir[512];

static const char *path(const char *name)
{
    static char p[1024];
    snprintf(p, sizeof p, "%s/policy/%s", dir, name);
    return p;
}

/* load - a policy file over the defaults, finished; returns the status */
static enum sl_status load(const char *name, struct policy *p, char *err, size_t errlen)
{
    enum sl_status st = policy_defaults(p);
    if (st == SL_OK)
        st = policy_load_file(p, path(name), err, errlen);
    if (st == SL_OK)
        st = policy_finish(p, err, errlen);
    return st;
}

static void test_file(void)
{
    struct policy p;
    char err[1024] = "";
    CHECK(load("good.conf", &p, err, sizeof err) == SL_OK, "good.conf: %s", err);
    CHECK(p.norg == 2 && strcmp(p.org_domains[1], "zorg-example.be") == 0, "org domains");
    CHECK(p.npartners == 3, "partners from the key and the file: %zu", p.npartners);
    CHECK(policy_domain_in(p.partners, p.npartners, "x@huisarts-example.nl"), "file partner");
    CHECK(policy_domain_in(p.partners, p.npartners, "x@mail.lab-example.nl"), "subdomain");
    CHECK(!policy_domain_in(p.partners, p.npartners, "x@evil-lab-example.nl"), "suffix only");
    CHECK(p.ndepts == 2, "departments: %zu", p.ndepts);
    const struct policy_scope *s = policy_scope_of(&p, "<a@ggz.zorg-example.nl>");
    CHECK(s && strcmp(s->name, "GGZ") == 0, "@domain member");
    s = policy_scope_of(&p, "GGZ-Noord@Zorg-Example.nl");
    CHECK(s && strcmp(s->name, "GGZ") == 0, "pattern member, any case");
    s = policy_scope_of(&p, "anna@zorg-example.nl");
    CHECK(s && strcmp(s->name, "Wijkteam") == 0, "CSV member");
    CHECK(s && policy_scope_mode(&p, s) == MODE_WARN, "department mode");
    CHECK(s && strcmp(policy_scope_language(&p, s), "fr") == 0, "department language");
    CHECK(s && policy_scope_overrides(&p, s), "overrides inherited from the organisation");
    s = policy_scope_of(&p, "piet@zorg-example.nl");
    CHECK(s && strcmp(s->name, "GGZ") == 0 && !policy_scope_overrides(&p, s),
          "quoted CSV member, overrides off");
    CHECK(policy_scope_of(&p, "kees@zorg-example.nl") == NULL, "not in a department");
    CHECK(policy_scope_threshold(&p, NULL, MODE_ENFORCE) == CONF_MEDIUM, "threshold");
    CHECK(policy_rule_mode(&p, "health.psych") == MODE_MONITOR, "rule mode");
    CHECK(policy_rule_mode(&p, "person.firstname") == MODE_WARN, "rule prefix");
    CHECK(policy_rule_mode(&p, "health.diagnosis") == -1, "no rule mode");
    policy_free(&p);

    static const struct {
        const char *file, *says;
    } bad[] = {
        {"bad-mode.conf", "bad-mode.conf:3: mode: 'loud'"},
        {"no-members.conf", "department 'Empty' has no members"},
        {"bad-file.conf", "bad-partners.txt:2: partner: 'not' is not a domain"},
        {"bad-section.conf", "bad-section.conf:2: unknown section '[team X]'"},
        {"unsafe.conf", "leave unprotected"},
        {"twice.conf", "named twice"},
        {"missing.conf", "missing.conf:"},
        {"verify-none.conf", "verify-none.conf:2: verification: 'none' is no longer possible"},
        {"verify-none.conf", "choose code, email or sms"},
        {"verify-dept.conf", "verify-dept.conf:4: verification: 'post' is not code, email or sms"},
        {"bad-phones.conf", "bad-phones.csv:3: the phone number is not in E.164 form"},
        {"twice-phones.conf",
         "twice-phones.csv:5: this address has another phone number on an earlier line"},
    };
    for (size_t i = 0; i < NELEM(bad); i++) {
        err[0] = '\0';
        CHECK(load(bad[i].file, &p, err, sizeof err) != SL_OK, "%s accepted", bad[i].file);
        CHECK(strstr(err, bad[i].says) != NULL, "%s: got '%s'", bad[i].file, err);
        /* a phones file is personal data: its errors show neither */
        CHECK(!strstr(err, "0612345678") && !strstr(err, "87654321") && !strstr(err, "470123456") &&
                  !strstr(err, "piet@") && !strstr(err, "familie@") && !strstr(err, "marie@"),
              "%s: no number or address in '%s'", bad[i].file, err);
        policy_free(&p);
    }
}

/* test_way_in - the verification of each portal recipient: the sender's
 * department's, else the organisation's; sms with the number from
 * phones_file, and code for a recipient without one */
static void test_way_in(void)
{
    struct policy p;
    char err[1024] = "";
    CHECK(load("good.conf", &p, err, sizeof err) == SL_OK, "good.conf: %s", err);
    static const struct {
        const char *name, *from, *to;
        enum policy_verify want;
        const char *phone;
        bool no_phone;
    } cases[] = {
        {"the organisation's email", "kees@zorg-example.nl", "familie@gmail.example",
         POLICY_VERIFY_EMAIL, NULL, false},
        {"a department inherits email", "anna@zorg-example.nl", "nobody@gmail.example",
         POLICY_VERIFY_EMAIL, NULL, false},
        {"GGZ: sms with the number", "x@ggz.zorg-example.nl", "familie@gmail.example",
         POLICY_VERIFY_SMS, "+31612345678", false},
        {"sms: address in any case, in angle brackets", "x@ggz.zorg-example.nl",
         "<MARIE@hotmail.EXAMPLE>", POLICY_VERIFY_SMS, "+32470123456", false},
        {"sms: blanks in the number left out", "ggz-noord@zorg-example.nl", "jan@ziggo.example",
         POLICY_VERIFY_SMS, "+31698765432", false},
        {"sms without a number: code", "x@ggz.zorg-example.nl", "nobody@gmail.example",
         POLICY_VERIFY_CODE, NULL, true},
        {"sms: a header line is no recipient", "x@ggz.zorg-example.nl", "adres", POLICY_VERIFY_CODE,
         NULL, true},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        struct policy_way_in w;
        policy_way_in(&p, policy_scope_of(&p, cases[i].from), cases[i].to, &w);
        CHECK(w.verify == cases[i].want && w.no_phone == cases[i].no_phone &&
                  (w.phone == NULL) == (cases[i].phone == NULL) &&
                  (!w.phone || strcmp(w.phone, cases[i].phone) == 0),
              "%s: got %s %s%s, want %s %s%s", cases[i].name, policy_verify_name(w.verify),
              w.phone ? w.phone : "-", w.no_phone ? " (no phone)" : "",
              policy_verify_name(cases[i].want), cases[i].phone ? cases[i].phone : "-",
              cases[i].no_phone ? " (no phone)" : "");
    }
    CHECK(p.nphones == 3, "three numbers, the same one twice kept once: %zu", p.nphones);
    policy_free(&p);

    /* the embedded default: code, and no numbers */
    CHECK(policy_defaults(&p) == SL_OK, "defaults");
    struct policy_way_in w;
    policy_way_in(&p, NULL, "familie@gmail.example", &w);
    CHECK(w.verify == POLICY_VERIFY_CODE && !w.phone && !w.no_phone, "default: code, got %s",
          policy_verify_name(w.verify));
    CHECK(policy_set(&p, "verification", "sms", err, sizeof err) == SL_OK, "%s", err);
    policy_way_in(&p, NULL, "familie@gmail.example", &w);
    CHECK(w.verify == POLICY_VERIFY_CODE && w.no_phone, "sms without phones_file: code");
    CHECK(policy_set(&p, "verification", "none", err, sizeof err) == SL_EPARSE &&
              strstr(err, "choose code, email or sms"),
          "none in sluis-milter.conf: '%s'", err);
    CHECK(policy_is_key("verification") && policy_is_key("phones_file"), "both are policy keys");

    /* each line of a phones file on its own */
    static const struct {
        const char *line;
        bool ok;
        const char *want; /* the number kept */
    } lines[] = {
        {"a@b.example,+31612345678", true, "+31612345678"},
        {"a@b.example;+33 6 12 34 56 78", true, "+33612345678"},
        {"a@b.example,\"+1 415 555 0100\"", true, "+14155550100"},
        {"a@b.example,+123456789012345", true, "+123456789012345"},
        {"a@b.example,+1234567890123456", false, NULL}, /* 16 digits */
        {"a@b.example,+1234567", false, NULL},          /* 7 digits */
        {"a@b.example,0612345678", false, NULL},        /* national */
        {"a@b.example,31612345678", false, NULL},       /* the '+' a spreadsheet dropped */
        {"a@b.example,+031612345678", false, NULL},
        {"a@b.example,+31-6-12345678", false, NULL},
        {"a@b.example,+31612345678,extra", false, NULL},
        {"a@b.example", false, NULL},
        {"a@b.example,", false, NULL},
        {"@b.example,+31612345678", false, NULL},
        {"*@b.example,+31612345678", false, NULL},
        {"a@nodot,+31612345678", false, NULL},
        {"a@b@c.example,+31612345678", false, NULL},
    };
    char tmp[] = "/tmp/sluis-test-phones-XXXXXX";
    int fd = mkstemp(tmp);
    CHECK(fd >= 0, "a temporary phones file");
    if (fd >= 0)
        close(fd);
    for (size_t i = 0; fd >= 0 && i < NELEM(lines); i++) {
        FILE *f = fopen(tmp, "w");
        if (f) {
            fprintf(f, "%s\n", lines[i].line);
            fclose(f);
        }
        err[0] = '\0';
        enum sl_status st = policy_set(&p, "phones_file", tmp, err, sizeof err);
        const char *got = st == SL_OK ? policy_phone_of(&p, "A@B.example") : NULL;
        CHECK((st == SL_OK) == lines[i].ok &&
                  (!lines[i].want || (got && strcmp(got, lines[i].want) == 0)),
              "'%s': %s, got %s (%s)", lines[i].line, lines[i].ok ? "kept" : "refused",
              got ? got : "-", err);
        CHECK(lines[i].ok || strstr(err, ":1: "), "'%s': the error names the line: '%s'",
              lines[i].line, err);
    }
    if (fd >= 0)
        unlink(tmp);
    policy_free(&p);
}

static void test_tags(void)
{
    static const struct {
        const char *subject;
        enum tag tag;
        enum tag_reason reason;
        const char *rest;
        bool malformed;
    } t[] = {
        {"Verwijzing mevrouw", TAG_NONE, REASON_NONE, "Verwijzing mevrouw", false},
        {"[veilig] Verwijzing", TAG_SECURE, REASON_NONE, "Verwijzing", false},
        {"Re: [SECURE] uitslag", TAG_SECURE, REASON_NONE, "Re: uitslag", false},
        {"[Sécurisé] résultat", TAG_SECURE, REASON_NONE, "résultat", false},
        {"[securise] x", TAG_SECURE, REASON_NONE, "x", false},
        {"[onveilig: patiënt wil gewone mail] brief", TAG_UNSAFE, REASON_CONSENT, "brief", false},
        {"[unsafe: no health data, false positive] minutes", TAG_UNSAFE, REASON_NOT_HEALTH,
         "minutes", false},
        {"[non sécurisé: urgence] lettre", TAG_UNSAFE, REASON_URGENT, "lettre", false},
        {"[Non-Securise : le patient ne peut pas] x", TAG_UNSAFE, REASON_NO_CHANNEL, "x", false},
        {"[onveilig: zomaar] x", TAG_UNSAFE, REASON_OTHER, "x", false},
        {"[onveilig] x", TAG_NONE, REASON_NONE, "x", true},
        {"[onveilig:   ] x", TAG_NONE, REASON_NONE, "x", true},
        {"[unsafe: ok] and [veilig] both", TAG_SECURE, REASON_NONE, "and both", false},
        {"[EXTERN] [veilig] x", TAG_SECURE, REASON_NONE, "[EXTERN] x", false},
        {"[veiligheid] rapport", TAG_NONE, REASON_NONE, "[veiligheid] rapport", false},
        {"[veilig x", TAG_NONE, REASON_NONE, "[veilig x", false},
        {"[[veilig]] x", TAG_SECURE, REASON_NONE, "[] x", false},
    };
    for (size_t i = 0; i < NELEM(t); i++) {
        struct tags tg;
        char rest[256];
        tags_read(t[i].subject, &tg, rest, sizeof rest);
        CHECK(tg.tag == t[i].tag, "'%s': tag %s", t[i].subject, tags_tag_name(tg.tag));
        CHECK(tg.reason == t[i].reason, "'%s': reason %s", t[i].subject,
              tags_reason_name(tg.reason));
        CHECK(strcmp(rest, t[i].rest) == 0, "'%s': rest '%s'", t[i].subject, rest);
        CHECK(tg.malformed == t[i].malformed, "'%s': malformed", t[i].subject);
    }
    struct tags tg;
    char small[4];
    tags_read("[veilig] a long subject", &tg, small, sizeof small);
    CHECK(tg.tag == TAG_SECURE && strlen(small) == 3, "a small buffer is cut, not overrun");
}

/* the decision table */
struct row {
    const char *from, *to;
    bool sensitive;
    enum confidence conf;
    enum tag tag;
    const char *rule; /* the one finding's rule */
    enum action action, intended;
    enum policy_mode mode;
};

#define ORG  "kees@zorg-example.nl"
#define GGZ  "x@ggz.zorg-example.nl"
#define WIJK "anna@zorg-example.nl"
#define PIET "piet@zorg-example.nl"
#define INT  "collega@zorg-example.be"
#define PART "afdeling@lab-example.nl"
#define CONS "familie@gmail.example"
#define HI   CONF_HIGH
#define MED  CONF_MEDIUM
#define LO   CONF_LOW
#define DIAG "health.diagnosis"
#define A(x) ACTION_##x
#define M(x) MODE_##x

static const struct row rows[] = {
    /* enforce (the organisation), each recipient class */
    {ORG, INT, true, HI, TAG_NONE, DIAG, A(PASS), A(PASS), M(ENFORCE)},
    {ORG, PART, true, HI, TAG_NONE, DIAG, A(TLS), A(TLS), M(ENFORCE)},
    {ORG, CONS, true, HI, TAG_NONE, DIAG, A(PORTAL), A(PORTAL), M(ENFORCE)},
    {ORG, CONS, false, CONF_NONE, TAG_NONE, NULL, A(PASS), A(PASS), M(ENFORCE)},
    {ORG, PART, false, CONF_NONE, TAG_NONE, NULL, A(PASS), A(PASS), M(ENFORCE)},
    /* confidence under the enforce threshold (medium): warn mode */
    {ORG, CONS, true, LO, TAG_NONE, DIAG, A(PASS), A(PORTAL), M(WARN)},
    {ORG, CONS, true, MED, TAG_NONE, DIAG, A(PORTAL), A(PORTAL), M(ENFORCE)},
    /* a department in monitor, one in warn */
    {GGZ, CONS, true, HI, TAG_NONE, DIAG, A(PASS), A(PORTAL), M(MONITOR)},
    {GGZ, PART, true, HI, TAG_NONE, DIAG, A(PASS), A(TLS), M(MONITOR)},
    {GGZ, INT, true, HI, TAG_NONE, DIAG, A(PASS), A(PASS), M(MONITOR)},
    {WIJK, CONS, true, HI, TAG_NONE, DIAG, A(PASS), A(PORTAL), M(WARN)},
    /* rule modes: every finding from a monitored rule */
    {ORG, CONS, true, HI, TAG_NONE, "health.psych", A(PASS), A(PORTAL), M(MONITOR)},
    {ORG, CONS, true, HI, TAG_NONE, "person.firstname", A(PASS), A(PORTAL), M(WARN)},
    /* a rule's mode never raises a department's */
    {GGZ, CONS, true, HI, TAG_NONE, "person.firstname", A(PASS), A(PORTAL), M(MONITOR)},
    /* secure tag: protection even when nothing was found, and in monitor mode */
    {ORG, CONS, false, CONF_NONE, TAG_SECURE, NULL, A(PORTAL), A(PORTAL), M(ENFORCE)},
    {ORG, PART, false, CONF_NONE, TAG_SECURE, NULL, A(TLS), A(TLS), M(ENFORCE)},
    {GGZ, CONS, true, HI, TAG_SECURE, DIAG, A(PORTAL), A(PORTAL), M(ENFORCE)},
    {ORG, INT, false, CONF_NONE, TAG_SECURE, NULL, A(PASS), A(PASS), M(ENFORCE)},
    /* unsafe tag: honoured where overrides are allowed, refused in GGZ */
    {ORG, CONS, true, HI, TAG_UNSAFE, DIAG, A(PASS), A(PASS), M(ENFORCE)},
    {PIET, CONS, true, HI, TAG_UNSAFE, DIAG, A(PASS), A(PORTAL), M(MONITOR)},
    {ORG, CONS, false, CONF_NONE, TAG_UNSAFE, NULL, A(PASS), A(PASS), M(ENFORCE)},
};

static void test_table(void)
{
    struct policy p;
    char err[512];
    CHECK(load("good.conf", &p, err, sizeof err) == SL_OK, "%s", err);
    for (size_t i = 0; i < NELEM(rows); i++) {
        const struct row *r = &rows[i];
        struct finding f = {0};
        if (r->rule) {
            snprintf(f.rule, sizeof f.rule, "%s", r->rule);
            snprintf(f.category, sizeof f.category, "health");
        }
        struct decide_input in = {r->from,
                                  policy_scope_of(&p, r->from),
                                  r->sensitive,
                                  r->conf,
                                  false,
                                  &f,
                                  r->rule ? 1 : 0,
                                  r->tag,
                                  NULL,
                                  NULL,
                                  NULL};
        struct decision d;
        decide(&p, &in, r->to, &d);
        CHECK(d.action == r->action && d.intended == r->intended && d.mode == r->mode,
              "row %zu (%s -> %s): %s/%s/%s, expected %s/%s/%s", i, r->from, r->to,
              decide_action_name(d.action), decide_action_name(d.intended),
              policy_mode_name(d.mode), decide_action_name(r->action),
              decide_action_name(r->intended), policy_mode_name(r->mode));
    }
    /* an unsafe tag in GGZ is refused and said so; in the organisation honoured */
    struct finding f = {.rule = DIAG, .category = "health"};
    struct decide_input in = {
        PIET, policy_scope_of(&p, PIET), true, CONF_HIGH, false, &f, 1, TAG_UNSAFE, NULL, NULL,
        NULL};
    struct decision d;
    decide(&p, &in, CONS, &d);
    CHECK(d.override_refused && !d.override, "refused override");
    in.from = ORG;
    in.scope = policy_scope_of(&p, ORG);
    decide(&p, &in, CONS, &d);
    CHECK(d.override && !d.override_refused, "honoured override");
    policy_free(&p);

    /* embedded defaults: the sender's domain is internal, S/MIME is skipped */
    CHECK(policy_defaults(&p) == SL_OK, "defaults");
    in = (struct decide_input){"a@zorg.nl", NULL,     true, CONF_LOW, false, &f,
                               1,           TAG_NONE, NULL, NULL,     NULL};
    decide(&p, &in, "b@sub.zorg.nl", &d);
    CHECK(d.rclass == RCPT_INTERNAL && d.action == ACTION_PASS, "default internal");
    decide(&p, &in, "b@zorg.nl.example", &d);
    CHECK(d.action == ACTION_PORTAL && d.smime_skipped, "default external: portal");
    in.incomplete = true;
    in.sensitive = false;
    decide(&p, &in, "b@gmail.example", &d);
    CHECK(d.action == ACTION_HOLD, "not scanned in full: hold");
    /* without the portal, no partner: the fallback */
    CHECK(policy_set(&p, "channels", "smime tls", err, sizeof err) == SL_OK, "%s", err);
    CHECK(policy_set(&p, "fallback", "reject", err, sizeof err) == SL_OK, "%s", err);
    in.sensitive = true;
    in.incomplete = false;
    decide(&p, &in, "b@gmail.example", &d);
    CHECK(d.action == ACTION_REJECT, "fallback reject");
    CHECK(policy_set(&p, "mode", "sometimes", err, sizeof err) == SL_EPARSE &&
              strstr(err, "'sometimes'"),
          "bad mode: %s", err);
    CHECK(policy_set(&p, "colour", "blue", err, sizeof err) == SL_EPARSE, "unknown key");
    CHECK(policy_is_key("threshold.warn") && !policy_is_key("socket"), "policy keys");
    policy_free(&p);
}

/* verified_all - a TLS prober that says every domain verifies, and counts
 * the questions */
static bool verified_all(void *ctx, const char *to)
{
    (void)to;
    (*(int *)ctx)++;
    return true;
}

/* tls_auto_partners: an organisation whose servers verify is a partner;
 * a consumer mailbox provider never is, and is not even asked about;
 * off (the default), nobody is asked */
static void test_auto_partners(void)
{
    struct finding fd = {.rule = "nl.bsn", .category = "identifier"};
    const struct finding *f = &fd;
    struct policy p;
    char err[512];
    int asked = 0;
    CHECK(policy_defaults(&p) == SL_OK &&
              policy_set(&p, "org_domains", "zorg.nl", err, sizeof err) == SL_OK &&
              policy_set(&p, "channels", "tls", err, sizeof err) == SL_OK &&
              policy_finish(&p, err, sizeof err) == SL_OK,
          "policy: %s", err);
    struct decide_input in = {"a@zorg.nl", NULL,     true, CONF_HIGH,    false, f,
                              1,           TAG_NONE, NULL, verified_all, &asked};
    struct decision d;
    decide(&p, &in, "arts@ziekenhuis.example", &d);
    CHECK(d.action == ACTION_HOLD && asked == 0, "auto partners off: hold, nobody asked");
    CHECK(policy_set(&p, "tls_auto_partners", "yes", err, sizeof err) == SL_OK, "%s", err);
    decide(&p, &in, "<arts@ziekenhuis.example>", &d);
    CHECK(d.action == ACTION_TLS && asked == 1, "an organisation that verifies: the TLS route");
    decide(&p, &in, "iemand@gmail.com", &d);
    CHECK(d.action == ACTION_HOLD && asked == 1,
          "a consumer mailbox that verifies: not a partner, not asked");
    in.tls_verified = NULL;
    decide(&p, &in, "arts@ziekenhuis.example", &d);
    CHECK(d.action == ACTION_HOLD, "no prober: hold");
    CHECK(policy_set(&p, "tls_auto_partners", "perhaps", err, sizeof err) == SL_EPARSE &&
              strstr(err, "yes or no"),
          "a bad value: %s", err);
    policy_free(&p);
}

/* the recipient classes the metrics count: internal, partner, consumer
 * mailbox (the shipped list, or the policy's own), another organisation */
static void test_classes(void)
{
    struct policy p;
    char err[1024] = "";
    CHECK(policy_defaults(&p) == SL_OK &&
              policy_set(&p, "org_domains", "zorg-example.nl", err, sizeof err) == SL_OK &&
              policy_set(&p, "partners", "partner-example.nl", err, sizeof err) == SL_OK &&
              policy_finish(&p, err, sizeof err) == SL_OK,
          "the shipped list: %s", err);
    static const struct {
        const char *to;
        enum event_class want;
        const char *domain;
    } cases[] = {
        {"kees@zorg-example.nl", EVENT_INTERNAL, ""},
        {"<Kees@Wijk.Zorg-Example.NL>", EVENT_INTERNAL, ""},
        {"arts@partner-example.nl", EVENT_PARTNER, "partner-example.nl"},
        {"<lab@Mail.Partner-Example.NL>", EVENT_PARTNER, "mail.partner-example.nl"},
        {"piet@gmail.com", EVENT_CONSUMER, ""},
        {"<Piet@GoogleMail.com>", EVENT_CONSUMER, ""},
        {"a@hotmail.nl", EVENT_CONSUMER, ""},
        {"a@hotmail.be", EVENT_CONSUMER, ""},
        {"a@live.be", EVENT_CONSUMER, ""},
        {"a@ziggo.nl", EVENT_CONSUMER, ""},
        {"a@kpnmail.nl", EVENT_CONSUMER, ""},
        {"a@telenet.be", EVENT_CONSUMER, ""},
        {"a@skynet.be", EVENT_CONSUMER, ""},
        {"a@gmx.de", EVENT_CONSUMER, ""},
        {"a@gmx.net", EVENT_CONSUMER, ""},
        {"a@web.de", EVENT_CONSUMER, ""},
        {"a@proton.me", EVENT_CONSUMER, ""},
        {"a@icloud.com", EVENT_CONSUMER, ""},
        {"a@gmail.com.", EVENT_CONSUMER, ""},
        {"a@gmxx.de", EVENT_ORG, "gmxx.de"},
        {"a@notgmail.com", EVENT_ORG, "notgmail.com"},
        {"a@gmail.com.example.org", EVENT_ORG, "gmail.com.example.org"},
        {"info@Gemeente-Example.NL", EVENT_ORG, "gemeente-example.nl"},
        {"<lab@ziekenhuis-example.be>", EVENT_ORG, "ziekenhuis-example.be"},
        {"no-domain", EVENT_ORG, ""},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        char domain[EVENT_DOMAIN_MAX + 1] = "x";
        enum event_class got =
            policy_recipient_class(&p, "anja@zorg-example.nl", cases[i].to, domain, sizeof domain);
        CHECK(got == cases[i].want && strcmp(domain, cases[i].domain) == 0,
              "%s: got %s '%s', want %s '%s'", cases[i].to, event_class_name(got), domain,
              event_class_name(cases[i].want), cases[i].domain);
    }
    CHECK(strcmp(p.fp_url, "") == 0, "fp_url: none by default");
    policy_free(&p);

    /* the policy's own list replaces the shipped one; a partner stays a partner */
    CHECK(load("consumer.conf", &p, err, sizeof err) == SL_OK, "consumer.conf: %s", err);
    char domain[EVENT_DOMAIN_MAX + 1];
    CHECK(policy_recipient_class(&p, NULL, "a@mijnmail-example.nl", domain, sizeof domain) ==
              EVENT_CONSUMER,
          "the site's own consumer domain");
    CHECK(policy_recipient_class(&p, NULL, "a@gmx.at", domain, sizeof domain) == EVENT_CONSUMER,
          "gmx.* in the site's list");
    CHECK(policy_recipient_class(&p, NULL, "a@gmail.com", domain, sizeof domain) == EVENT_ORG &&
              strcmp(domain, "gmail.com") == 0,
          "gmail.com is not in the site's list: an organisation ('%s')", domain);
    policy_free(&p);

    CHECK(load("bad-consumer.conf", &p, err, sizeof err) == SL_EPARSE &&
              strstr(err, "bad-consumer.txt:2: 'not a domain' is not a domain"),
          "a bad consumer list names file and line: %s", err);
    policy_free(&p);
    CHECK(load("bad-fp.conf", &p, err, sizeof err) == SL_EPARSE &&
              strstr(err, "fp_url: 'dash.zorg.local/fp/' is not an http(s) URL"),
          "fp_url must be a URL: %s", err);
    policy_free(&p);
    CHECK(policy_defaults(&p) == SL_OK &&
              policy_set(&p, "fp_url", "https://sluis.zorg.local/fp/", err, sizeof err) == SL_OK &&
              policy_finish(&p, err, sizeof err) == SL_OK &&
              strcmp(p.fp_url, "https://sluis.zorg.local/fp/") == 0,
          "fp_url set: %s", err);
    policy_free(&p);
    CHECK(policy_is_key("fp_url") && policy_is_key("consumer_domains_file"), "the new keys");
    CHECK(strstr(policy_consumer_file(), "consumer-domains") != NULL, "the shipped list: %s",
          policy_consumer_file());
}

int main(int argc, char **argv)
{
    snprintf(dir, sizeof dir, "%s", argc > 1 ? argv[1] : "tests/unit/data");
    test_file();
    test_tags();
    test_table();
    test_way_in();
    test_classes();
    test_auto_partners();
    return check_summary("test_policy");
}
