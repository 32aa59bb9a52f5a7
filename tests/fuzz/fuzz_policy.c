/*
 * fuzz_policy - the policy file (policy/policy.c) and the decisions made
 * under whatever policy it accepts (policy/decide.c).
 *
 * Feeds: the input as DIR/policy.conf, DIR being the target's private
 * folder, which also holds tests/unit/data/policy's partners.txt and
 * departments.csv, so that partners_file and departments_file resolve as
 * in the unit tests. policy_load_file() reads a path; there is no
 * from-memory form. Then policy_finish(), and for a fixed set of senders,
 * recipients and messages (clean, sensitive at each confidence, not
 * scanned in full, each subject tag) the scope and the decision.
 * Checks beyond no crash and no leak:
 * - policy_load_file() and policy_finish() return SL_OK, or an error with
 *   a message (the file's errors name it);
 * - scope values are in range (mode, thresholds, a language);
 * - decisions: an internal recipient passes; the action is the intended
 *   one in enforce mode and pass otherwise; a secure tag ([veilig]) never
 *   lets mail to an external recipient pass unprotected; every decision
 *   has a reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/file.h"
#include "../../policy/decide.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef FUZZ_POLICY_DATA
#define FUZZ_POLICY_DATA "tests/unit/data/policy"
#endif

/* copy - a fixture from the unit tests' folder into the private folder */
static void copy(const char *name)
{
    char path[512], err[256];
    size_t len;
    snprintf(path, sizeof path, "%s/%s", FUZZ_POLICY_DATA, name);
    char *d = file_read_all(path, 1 << 20, &len, err, sizeof err);
    if (d == NULL) {
        fprintf(stderr, "fuzz_policy: %s (run from the checkout)\n", err);
        exit(1);
    }
    fuzz_write(name, d, len);
    free(d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    copy("partners.txt");
    copy("departments.csv");
    return 0;
}

static const char *const senders[] = {"anja@zorg-example.nl",
                                      "<piet@ggz.zorg-example.nl>",
                                      "ggz-kees@zorg-example.nl",
                                      "x@gmail.com",
                                      "",
                                      "a@b@c"};
static const char *const rcpts[] = {"kees@zorg-example.nl", "<arts@ziekenhuis-example.nl>",
                                    "familie@gmail.com",    "poli@sub.partner-example.nl",
                                    "no-at-sign",           "@"};
static const struct finding findings[] = {
    {"nl.bsn", "national_id", "body:text/plain", CONF_HIGH, "1234*****82", false},
    {"health.psych", "health", "body:text/plain", CONF_MEDIUM, "d*****", false},
    {"person.name", "person", "body:text/plain", CONF_LOW, "J***** d* V****", false},
    {"unscannable.time-limit", "unscannable", "message", CONF_NONE, "", true},
};

static void check_decisions(const struct policy *p)
{
    for (size_t si = 0; si < sizeof senders / sizeof senders[0]; si++) {
        const struct policy_scope *scope = policy_scope_of(p, senders[si]);
        FUZZ_CHECK(scope == NULL || (scope >= p->depts && scope < p->depts + p->ndepts),
                   "scope outside the departments");
        for (int m = MODE_MONITOR; m <= MODE_ENFORCE; m++) {
            int t = policy_scope_threshold(p, scope, (enum policy_mode)m);
            FUZZ_CHECK(t >= CONF_NONE && t <= CONF_HIGH, "threshold %d", t);
        }
        FUZZ_CHECK(policy_scope_mode(p, scope) <= MODE_ENFORCE, "mode");
        const char *lang = policy_scope_language(p, scope);
        FUZZ_CHECK(lang != NULL && lang[0] != '\0', "no language");
        for (unsigned k = 0; k < 4 * 3 * 2; k++) {
            struct decide_input in = {senders[si], scope,    k % 4 >= 2, (enum confidence)(k % 4),
                                      k / 12 == 1, findings, k % 5,      (enum tag)(k / 4 % 3),
                                      NULL,        NULL,     NULL};
            for (size_t ri = 0; ri < sizeof rcpts / sizeof rcpts[0]; ri++) {
                struct decision d;
                decide(p, &in, rcpts[ri], &d);
                FUZZ_CHECK(d.action <= ACTION_TEMPFAIL && d.intended <= ACTION_TEMPFAIL &&
                               d.mode <= MODE_ENFORCE && d.reason != NULL,
                           "decision out of range");
                FUZZ_CHECK(d.rclass == RCPT_EXTERNAL || d.action == ACTION_PASS,
                           "internal recipient %s: %s", rcpts[ri], decide_action_name(d.action));
                FUZZ_CHECK(d.action == (d.mode == MODE_ENFORCE ? d.intended : ACTION_PASS),
                           "action %s, intended %s in mode %s", decide_action_name(d.action),
                           decide_action_name(d.intended), policy_mode_name(d.mode));
                FUZZ_CHECK(in.tag != TAG_SECURE || d.rclass == RCPT_INTERNAL ||
                               d.action != ACTION_PASS,
                           "[veilig] mail to %s passed unprotected", rcpts[ri]);
            }
        }
    }
    for (size_t i = 0; i < sizeof findings / sizeof findings[0]; i++) {
        int m = policy_rule_mode(p, findings[i].rule);
        FUZZ_CHECK(m >= -1 && m <= MODE_ENFORCE, "rule mode %d", m);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[1024] = "";
    const char *path = fuzz_write("policy.conf", data, size);
    struct policy p;
    FUZZ_CHECK(policy_defaults(&p) == SL_OK, "policy_defaults");
    enum sl_status st = policy_load_file(&p, path, err, sizeof err);
    if (st == SL_OK) {
        st = policy_finish(&p, err, sizeof err);
        FUZZ_CHECK(st == SL_OK || (st == SL_EPARSE && err[0]), "policy_finish: %s, '%s'",
                   sl_status_str(st), err);
    } else {
        FUZZ_CHECK(st != SL_ENOMEM && err[0] != '\0', "policy_load_file: %s without a message",
                   sl_status_str(st));
    }
    if (st == SL_OK)
        check_decisions(&p);
    policy_free(&p);
    return 0;
}
