/*
 * pack - rule packs: loading, validating and compiling the detection rules.
 *
 * A rule pack is a text file (rules/packs/NAME.rules, format in
 * rules/README.md) of rule blocks. A "words" rule loads a word list (one term a
 * line) into one shared Aho-Corasick automaton; a "regex" rule is compiled
 * once with PCRE2 and JIT. Every rule has a stable id, a role the scorer
 * understands (detect.h), a category reported in findings, and a reason.
 *
 * The compiled pack is immutable after pack_load() and shared by all threads;
 * the per-thread match data lives in struct pack_scratch. Errors name the
 * file and line: "rules/packs/core.rules:12: unknown role 'helth'".
 */
#ifndef SLUIS_PACK_H
#define SLUIS_PACK_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/domains.h"
#include "../common/status.h"
#include "ac.h"
#include "prefilter.h"
#include "validate.h"

/* Roles: what a hit means to the scorer. Keep pack.c's role_names in step. */
enum role {
    ROLE_NONE = 0,
    /* word roles */
    ROLE_ID_KEYWORD, /* "bsn", "patiëntnummer": labels an identifier */
    ROLE_DOB_LABEL,  /* "geb.", "né le", "°" */
    ROLE_FIRSTNAME,
    ROLE_SURNAME,
    ROLE_PARTICLE,      /* tussenvoegsel: van, de, van der */
    ROLE_TITLE,         /* dhr., mevrouw, Mme */
    ROLE_PERSON_ROLE,   /* patiënt, cliënt, bewoner (one person) */
    ROLE_GROUP_ROLE,    /* patiënten, cliënten (a group) */
    ROLE_RELATIVE,      /* uw moeder, votre père */
    ROLE_HEALTH,        /* diagnoses, medication, psychiatric terms */
    ROLE_CARE_DOCUMENT, /* ontslagbrief, zorgplan */
    ROLE_CARE_TERM,     /* opname, behandeling: weak health context */
    ROLE_NEG_INVOICE,   /* factuurnummer, order number */
    ROLE_NEG_NEWSLETTER,
    ROLE_NEG_AGGREGATE,
    ROLE_GREETING,
    ROLE_CLOSING,
    ROLE_HEADER_LABEL,        /* "Van:", "From:" in quoted/forwarded headers */
    ROLE_STAFF_TITLE,         /* dr., prof., zuster: a name after it is staff */
    ROLE_POSSESSIVE,          /* uw, your, votre: the reader's own */
    ROLE_STAFF_ROLE,          /* ", verpleegkundige" after a name: staff */
    ROLE_TOPIC,               /* over, presentatie, about: what follows is a subject */
    ROLE_PRONOUN,             /* ze, hij, haar: carries a person on */
    ROLE_FIRSTNAME_AMBIGUOUS, /* Bas, Max: a first name only before a listed surname */
    ROLE_FIRST_PERSON,        /* ik, mijn, I, my, je: the writer */
    ROLE_PRIVATE_MAIL,        /* gmail.com, telenet.be: a private mail provider's domain */
    /* regex roles */
    ROLE_NATIONAL_ID, /* BSN, Belgian national register and BIS numbers */
    ROLE_PROVIDER_ID, /* RIZIV, AGB, BIG, UZI: care providers */
    ROLE_FINANCIAL,   /* IBAN */
    ROLE_DATE,
    ROLE_MEASUREMENT,    /* clinical values with units */
    ROLE_CLINICAL_CODE,  /* ICD-10, ICPC, ATC */
    ROLE_PATIENT_NUMBER, /* a record number after an id keyword */
    ROLE_COUNT
};

enum confidence { CONF_NONE = 0, CONF_LOW, CONF_MEDIUM, CONF_HIGH };

enum rule_type { RULE_WORDS = 1, RULE_REGEX };

#define PACK_MAX_NEAR 4

/* near - a context condition: a role, or a regex, within a window of bytes */
struct near {
    enum role role; /* ROLE_NONE when re is used */
    void *re;       /* pcre2_code *, or NULL */
    char *pattern;  /* re's source */
    /* for asking whether re can hold next to any match in a text: re
     * without its closing $ (which means "right before the match", so may
     * hold anywhere), or NULL when re has none and serves as it is */
    void *plan_re;
    char *plan_pattern;
    unsigned window; /* bytes before the match (and after, for "after") */
    bool after;      /* also look after the match */
};

struct rule {
    char *id;
    char *category;
    char *reason;
    enum rule_type type;
    enum role role;
    enum validator validator;
    enum confidence base;                /* confidence of an identifier without context */
    bool anchor_digit;                   /* every match holds a digit: only run near digits */
    void *re;                            /* pcre2_code *, regex rules */
    char *pattern;                       /* re's source */
    struct near requires[PACK_MAX_NEAR]; /* all must hold, or the hit is dropped */
    size_t nrequires;
    struct near unless[PACK_MAX_NEAR]; /* any holding drops the hit */
    size_t nunless;
    struct near context[PACK_MAX_NEAR]; /* any holding raises confidence */
    size_t ncontext;
    size_t terms; /* words rules: terms loaded */
    char *file;   /* words rules: the list, relative to the rules folder */
    char *src;    /* "file:line" where the rule starts */
};

struct model; /* rules/model.h */

struct pack {
    struct rule *rules;
    size_t nrules;
    struct ac *words; /* one automaton, value = rule index */
    /* where the regex rules (id = rule index) and their required regex
     * contexts (id = nrules + rule * PACK_MAX_NEAR + k) may match, in one
     * pass (rules/prefilter.h); NULL: every pattern runs everywhere */
    struct prefilter *pre;
    size_t dob_rule; /* the first date-of-birth rule (for dates found by shape), or SIZE_MAX */
    unsigned match_limit, depth_limit, heap_limit_kib;
    struct model *model; /* dir/model/sluis.model, or NULL: rules only (rules/model.h) */
    /* the list of a private-mail rule: consumer mailbox providers' domains,
     * matched against a message's addresses (common/domains.h), never text */
    struct domain_list private_mail;
};

/* pack_scratch - per-thread match data; one per thread, never shared */
struct pack_scratch;

/* pack_load - read every *.rules file in dir/packs (in name order) with
 * their word lists (paths relative to dir) and compile them. scale > 1
 * enlarges every word list that many times with synthetic terms (for
 * benchmarks only). dir/model/sluis.model is loaded too when it exists
 * (absent: rules only). On error returns NULL and writes "file:line: why" to err. */
struct pack *pack_load(const char *dir, unsigned scale, char *err, size_t errlen);

/* pack_free - release a pack; NULL is fine */
void pack_free(struct pack *p);

/* pack_role_name / pack_role_by_name - the names used in rule files */
const char *pack_role_name(enum role r);
bool pack_role_by_name(const char *name, enum role *out);
const char *pack_confidence_name(enum confidence c);

struct pack_scratch *pack_scratch_new(const struct pack *p);
void pack_scratch_free(struct pack_scratch *s);

/* regex_hit_fn - called per match of a regex rule: bytes [start, end) */
typedef void (*regex_hit_fn)(void *ctx, size_t rule, size_t start, size_t end);

/* pack_prefilter - one pass over text that finds where the regex rules and
 * their required contexts may match; pack_run_regex() and
 * pack_requires_may_match() then look only there. Call it for each text
 * before those two; a failed pass leaves them looking everywhere. */
void pack_prefilter(const struct pack *p, struct pack_scratch *s, const char *text, size_t len);

/* pack_requires_may_match - can rule ri's k-th required regex context match
 * anywhere in the text of the last pack_prefilter()? false only when it
 * certainly cannot */
bool pack_requires_may_match(const struct pack *p, const struct pack_scratch *s, size_t ri,
                             size_t k);

/* pack_run_regex - run every regex rule over text (the text of the last
 * pack_prefilter()), but those with skip[i] set (skip may be NULL); a rule
 * that reaches a PCRE2 match/depth/heap limit stops for that text and
 * counts in *limited */
void pack_run_regex(const struct pack *p, struct pack_scratch *s, const char *text, size_t len,
                    const bool *skip, regex_hit_fn fn, void *ctx, unsigned *limited);

/* pack_regex_matches - does regex re (a struct near's) match anywhere in
 * text[0..len)? limit hits count as no match */
bool pack_regex_matches(struct pack_scratch *s, void *re, const char *text, size_t len);

#endif
