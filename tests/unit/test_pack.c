/* test_pack - rule pack loading: the shipped pack loads, and every kind of
 * error is reported as "file:line: why" */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../rules/pack.h"
#include "check.h"

static char tmp[] = "/tmp/sluis-pack-XXXXXX";

static void write_file(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmp, rel);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

int main(void)
{
    char err[512];
    struct pack *p = pack_load(SLUIS_RULES_DIR, 1, err, sizeof err);
    CHECK(p != NULL, "shipped rules load: %s", p ? "" : err);
    if (p) {
        CHECK(p->nrules >= 30, "shipped rules: got %zu rules", p->nrules);
        CHECK(ac_terms(p->words) > 5000, "shipped word lists: got %zu terms", ac_terms(p->words));
        for (size_t i = 0; i < p->nrules; i++)
            CHECK(p->rules[i].reason && strlen(p->rules[i].reason) > 20,
                  "rule %s documents its reason", p->rules[i].id);
        /* a required context that ends in $ (right before the match) is
         * tested on a whole text without it; one without $ as it is */
        size_t bsn8 = 0, agb = 0;
        for (size_t i = 0; i < p->nrules; i++) {
            bsn8 = strcmp(p->rules[i].id, "nl.bsn-8") == 0 ? i : bsn8;
            agb = strcmp(p->rules[i].id, "nl.agb") == 0 ? i : agb;
        }
        const struct near *nb = &p->rules[bsn8].requires[0], *na = &p->rules[agb].requires[0];
        CHECK(bsn8 && nb->plan_re && nb->plan_pattern &&
                  nb->plan_pattern[strlen(nb->plan_pattern) - 1] != '$',
              "nl.bsn-8's label context has a whole-text form without its $");
        CHECK(agb && na->re && na->plan_re == NULL, "nl.agb's label context serves as it is");
        pack_free(p);
    }

    CHECK(mkdtemp(tmp) != NULL, "temp dir");
    char d[600];
    snprintf(d, sizeof d, "%s/packs", tmp);
    mkdir(d, 0700);
    snprintf(d, sizeof d, "%s/lists", tmp);
    mkdir(d, 0700);
    write_file("lists/w.txt", "# comment\ndiabetes\n\nCOPD\n");
    write_file("lists/d.txt", "# mail domains\ngmail.com\ngmx.*\n");
    write_file("lists/bad.txt", "gmail.com\nnot a domain\n");
    p = pack_load(tmp, 1, err, sizeof err);
    CHECK(p == NULL && strstr(err, "no *.rules files") != NULL, "no rule files: got '%s'",
          p ? "(loaded)" : err);

    static const struct {
        const char *name, *rules, *want;
    } cases[] = {
        {"valid words rule",
         "rule a\n type words\n role health\n category health\n file lists/w.txt\n reason r\n",
         NULL},
        {"unknown key", "rule a\n type words\n colour red\n", "a.rules:3: unknown key 'colour'"},
        {"unknown role", "rule a\n type words\n role helth\n", "a.rules:3: unknown role 'helth'"},
        {"bad type", "rule a\n type maybe\n", "a.rules:2: type must be"},
        {"missing reason",
         "rule a\n type words\n role health\n category health\n file lists/w.txt\n",
         "missing 'reason'"},
        {"missing list file",
         "rule a\n type words\n role health\n category c\n file lists/none.txt\n reason r\n",
         "cannot read lists/none.txt"},
        {"list path escapes",
         "rule a\n type words\n role health\n category c\n file ../x.txt\n reason r\n",
         "must be relative"},
        {"bad regex", "rule a\n type regex\n role date\n category c\n pattern (ab\n reason r\n",
         "a.rules:6: bad pattern"},
        {"regex role on words",
         "rule a\n type words\n role date\n category c\n file lists/w.txt\n reason r\n",
         "needs a regex rule"},
        {"duplicate id",
         "rule a\n type regex\n role date\n category c\n pattern x\n reason r\nrule a\n",
         "a.rules:7: rule a already defined at"},
        {"key outside rule", "type words\n", "a.rules:1: 'type' outside a rule block"},
        {"bad window", "rule a\n type regex\n context date x\n", "a.rules:3: window must be"},
        /* the pattern of a condition that is refused is not kept (found by fuzz_pack) */
        {"bad window after a pattern", "rule a\n type regex\n unless /tel/ x\n",
         "a.rules:3: window must be"},
        {"unknown validator", "rule a\n validate luhnish\n", "unknown validator 'luhnish'"},
        {"value missing", "rule a\n category\n", "a.rules:2: 'category' needs a value"},
        {"bad anchor", "rule a\n anchor letter\n", "a.rules:2: anchor must be 'digit'"},
        /* a private-mail rule reads mail domains (common/domains.h), not words */
        {"private-mail domains",
         "rule a\n type words\n role private-mail\n category c\n file lists/d.txt\n reason r\n",
         NULL},
        {"private-mail bad domain",
         "rule a\n type words\n role private-mail\n category c\n file lists/bad.txt\n reason r\n",
         "bad.txt:2: 'not a domain' is not a domain"},
        {"private-mail twice",
         "rule a\n type words\n role private-mail\n category c\n file lists/d.txt\n reason r\n"
         "rule b\n type words\n role private-mail\n category c\n file lists/d.txt\n reason r\n",
         "a second private-mail list"},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        write_file("packs/a.rules", cases[i].rules);
        err[0] = '\0';
        p = pack_load(tmp, 1, err, sizeof err);
        if (cases[i].want == NULL)
            CHECK(p != NULL, "%s: got error '%s'", cases[i].name, err);
        else
            CHECK(p == NULL && strstr(err, cases[i].want) != NULL, "%s: got '%s', want '%s'",
                  cases[i].name, p ? "(loaded)" : err, cases[i].want);
        pack_free(p);
    }
    /* the domains are the pack's, not the automaton's */
    write_file("packs/a.rules", cases[NELEM(cases) - 3].rules);
    p = pack_load(tmp, 1, err, sizeof err);
    CHECK(p && p->private_mail.n == 2 && ac_terms(p->words) == 0 &&
              domain_list_has(&p->private_mail, "Mail.GMail.com", 14) &&
              domain_list_has(&p->private_mail, "gmx.net", 7) &&
              !domain_list_has(&p->private_mail, "mygmail.com", 11),
          "private-mail list: %zu domains", p ? p->private_mail.n : 0);
    pack_free(p);
    /* scale: the enlarged dictionary keeps the real terms and adds look-alikes */
    write_file("packs/a.rules", cases[0].rules);
    p = pack_load(tmp, 10, err, sizeof err);
    CHECK(p && ac_terms(p->words) == 20, "scale 10: got %zu terms", p ? ac_terms(p->words) : 0);
    pack_free(p);
    p = pack_load("/nonexistent", 1, err, sizeof err);
    CHECK(p == NULL && strstr(err, "/nonexistent/packs") != NULL, "missing dir: got '%s'", err);

    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    CHECK(system(cmd) == 0, "clean up");
    return check_summary("test_pack");
}
