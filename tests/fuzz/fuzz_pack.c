/*
 * fuzz_pack - the rule-pack parser, and detection with whatever pack it
 * accepts.
 *
 * Feeds: the input as the only rule file of a rules folder
 * (DIR/packs/fuzz.rules, DIR being the target's private folder), whose
 * lists/ is a link to this checkout's rules/lists, so that a pack naming
 * the real word lists loads them. pack_load() has no from-memory form: it
 * reads a folder, the way the milter and the CLI use it.
 * Checks beyond no crash and no leak:
 * - pack_load() returns a pack, or NULL with a message that names the
 *   file (or the folder) it is about;
 * - an accepted pack is whole: every rule has an id, a category, a reason,
 *   a role and a type; words rules loaded terms, regex rules a pattern;
 *   the date-of-birth rule, when set, is one;
 * - detection with that pack over a fixed clinical text returns SL_OK
 *   with a consistent result (fuzz_check_result), whatever the patterns
 *   match (empty matches, the whole text, nothing).
 */
#include <stdio.h>
#include <string.h>

#include "../../rules/detect.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char SAMPLE[] =
    "Geachte collega,\n\nMevrouw Jansen (BSN 1234.56.782, geb. 02-07-1950) is opgenomen met "
    "een delier en krijgt haloperidol 2 mg. Rijksregisternummer 85.07.30-033.28.\n"
    "Naam | Geboortedatum | Diagnose\nP. de Vries | 01-01-1960 | diabetes mellitus type 2\n\n"
    "Met vriendelijke groet,\nAnja Bakker, verpleegkundige\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char lists[4096];
    (void)argc;
    (void)argv;
    snprintf(lists, sizeof lists, "%s/lists", fuzz_rules_dir());
    fuzz_link("lists", lists);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[1024] = "";
    const char *path = fuzz_write("packs/fuzz.rules", data, size);
    struct pack *p = pack_load(fuzz_dir(), 1, err, sizeof err);
    if (p == NULL) {
        /* "DIR/packs/fuzz.rules:12: why", or a list's or the folder's name */
        size_t dl = strlen(fuzz_dir());
        FUZZ_CHECK(strncmp(err, fuzz_dir(), dl) == 0 && strstr(err + dl, ": ") != NULL &&
                       strstr(err + dl, ": ")[2] != '\0',
                   "error '%s' does not say where and why (%s)", err, path);
        return 0;
    }
    for (size_t i = 0; i < p->nrules; i++) {
        const struct rule *r = &p->rules[i];
        FUZZ_CHECK(r->id && r->category && r->reason && r->src, "rule %zu incomplete", i);
        FUZZ_CHECK(r->role > ROLE_NONE && r->role < ROLE_COUNT, "rule %s: role %d", r->id,
                   (int)r->role);
        FUZZ_CHECK(r->base >= CONF_LOW && r->base <= CONF_HIGH, "rule %s: base %d", r->id,
                   (int)r->base);
        if (r->type == RULE_WORDS)
            FUZZ_CHECK(r->terms > 0 && r->file && r->re == NULL && r->role < ROLE_NATIONAL_ID,
                       "words rule %s", r->id);
        else
            FUZZ_CHECK(r->type == RULE_REGEX && r->re != NULL && r->file == NULL, "regex rule %s",
                       r->id);
        FUZZ_CHECK(r->nrequires <= PACK_MAX_NEAR && r->nunless <= PACK_MAX_NEAR &&
                       r->ncontext <= PACK_MAX_NEAR,
                   "rule %s: too many conditions", r->id);
    }
    FUZZ_CHECK(p->dob_rule == SIZE_MAX ||
                   (p->dob_rule < p->nrules && p->rules[p->dob_rule].role == ROLE_DOB_LABEL),
               "dob_rule %zu", p->dob_rule);

    struct detect_scratch *s = detect_scratch_new(p);
    FUZZ_CHECK(s != NULL, "detect_scratch_new");
    struct text_segment segs[2] = {
        {"Overdracht mevrouw Jansen", 25, "header:subject", SEG_SUBJECT, 0, false, false},
        {SAMPLE, sizeof SAMPLE - 1, "body:text/plain", SEG_BODY, 0, false, false},
    };
    struct detect_result res = {0};
    bool timed_out;
    enum sl_status st = detect_message(p, s, segs, 2, false, 0, &timed_out, &res);
    FUZZ_CHECK(st == SL_OK, "detect_message: %s", sl_status_str(st));
    fuzz_check_result(&res, segs, 2, NULL, 0, true);
    detect_result_free(&res);
    detect_scratch_free(s);
    pack_free(p);
    return 0;
}
