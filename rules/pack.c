/*
 * pack - rule packs: parse, load word lists, compile. See pack.h and
 * rules/README.md for the file format.
 *
 * This is the only file that sees PCRE2 types. Limits: a rule file line is
 * at most 4 KiB, a term at most 256 bytes; PCRE2 match, depth and heap limits
 * are set on every match so a pathological pattern or text ends in "no
 * match" (counted) instead of unbounded work.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "pack.h"

#include <dirent.h>
#include <errno.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fold.h"
#include "model.h"

#define LINE_MAX_BYTES 4096
#define TERM_MAX_BYTES 256

static const char *const role_names[ROLE_COUNT] = {
    [ROLE_NONE] = "none",
    [ROLE_ID_KEYWORD] = "id-keyword",
    [ROLE_DOB_LABEL] = "dob-label",
    [ROLE_FIRSTNAME] = "firstname",
    [ROLE_SURNAME] = "surname",
    [ROLE_PARTICLE] = "particle",
    [ROLE_TITLE] = "title",
    [ROLE_PERSON_ROLE] = "person-role",
    [ROLE_GROUP_ROLE] = "group-role",
    [ROLE_RELATIVE] = "relative",
    [ROLE_HEALTH] = "health",
    [ROLE_CARE_DOCUMENT] = "care-document",
    [ROLE_CARE_TERM] = "care-term",
    [ROLE_NEG_INVOICE] = "invoice-context",
    [ROLE_NEG_NEWSLETTER] = "newsletter-context",
    [ROLE_NEG_AGGREGATE] = "aggregate-context",
    [ROLE_GREETING] = "greeting",
    [ROLE_CLOSING] = "closing",
    [ROLE_HEADER_LABEL] = "header-label",
    [ROLE_STAFF_TITLE] = "staff-title",
    [ROLE_POSSESSIVE] = "possessive",
    [ROLE_STAFF_ROLE] = "staff-role",
    [ROLE_TOPIC] = "topic",
    [ROLE_PRONOUN] = "pronoun",
    [ROLE_FIRSTNAME_AMBIGUOUS] = "firstname-ambiguous",
    [ROLE_FIRST_PERSON] = "first-person",
    [ROLE_PRIVATE_MAIL] = "private-mail",
    [ROLE_NATIONAL_ID] = "national-id",
    [ROLE_PROVIDER_ID] = "provider-id",
    [ROLE_FINANCIAL] = "financial",
    [ROLE_DATE] = "date",
    [ROLE_MEASUREMENT] = "measurement",
    [ROLE_CLINICAL_CODE] = "clinical-code",
    [ROLE_PATIENT_NUMBER] = "patient-number",
};

const char *pack_role_name(enum role r)
{
    return r < ROLE_COUNT && role_names[r] ? role_names[r] : "?";
}

bool pack_role_by_name(const char *name, enum role *out)
{
    for (int r = 0; r < ROLE_COUNT; r++) {
        if (role_names[r] && strcmp(role_names[r], name) == 0) {
            *out = (enum role)r;
            return true;
        }
    }
    return false;
}

const char *pack_confidence_name(enum confidence c)
{
    static const char *const names[] = {"none", "low", "medium", "high"};
    return c <= CONF_HIGH ? names[c] : "none";
}

struct pack_scratch {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    /* the last pack_prefilter(): the ends reported for prefilter id i are
     * ends[from[i] .. from[i + 1]), ascending; known is false when the pass
     * did not run, and then every pattern may match everywhere */
    struct prefilter_scratch *pfs;
    bool known;
    size_t nids;
    size_t *from;
    uint32_t *ends;
    struct report {
        uint32_t id, end;
    } * reports;
    size_t nreports, capreports;
    enum sl_status st;
};

/* load_state - what the parser carries between lines */
struct load_state {
    const char *dir;
    const char *file; /* the rule file being read, for messages */
    unsigned line;
    unsigned scale;
    char *err;
    size_t errlen;
};

static void fail_at(struct load_state *ls, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void fail_at(struct load_state *ls, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(ls->err, ls->errlen, "%s:%u: ", ls->file, ls->line);
    if (n < 0 || (size_t)n >= ls->errlen)
        return;
    va_start(ap, fmt);
    vsnprintf(ls->err + n, ls->errlen - (size_t)n, fmt, ap);
    va_end(ap);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

static void *compile_re(struct load_state *ls, const char *pattern)
{
    int errcode;
    PCRE2_SIZE erroff;
    /* USE_OFFSET_LIMIT: pack_run_regex() bounds where a match may start */
    pcre2_code *re =
        pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                      PCRE2_UTF | PCRE2_CASELESS | PCRE2_USE_OFFSET_LIMIT, &errcode, &erroff, NULL);
    if (re == NULL) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        fail_at(ls, "bad pattern at offset %zu: %s", (size_t)erroff, (char *)msg);
        return NULL;
    }
    /* JIT is an optimisation: where it is unavailable the interpreter runs */
    (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    return re;
}

/* parse_near - "ROLE WINDOW [after]" or "/REGEX/ WINDOW [after]" */
static bool parse_near(struct load_state *ls, char *val, struct near *n)
{
    char *what = val, *rest, *pattern = NULL;
    memset(n, 0, sizeof *n);
    if (*val == '/') {
        char *end = strrchr(val + 1, '/');
        if (end == NULL || end == val) {
            fail_at(ls, "unterminated /regex/");
            return false;
        }
        *end = '\0';
        rest = end + 1;
        pattern = val + 1; /* compiled last: the caller keeps n only when it is whole */
    } else {
        rest = strpbrk(val, " \t");
        if (rest == NULL) {
            fail_at(ls, "expected: ROLE WINDOW [after]");
            return false;
        }
        *rest++ = '\0';
        if (!pack_role_by_name(what, &n->role)) {
            fail_at(ls, "unknown role '%s'", what);
            return false;
        }
    }
    rest = trim(rest);
    char *endp;
    errno = 0;
    unsigned long w = strtoul(rest, &endp, 10);
    if (endp == rest || errno || w == 0 || w > 2000) {
        fail_at(ls, "window must be a number of bytes from 1 to 2000");
        return false;
    }
    endp = trim(endp);
    if (strcmp(endp, "after") == 0)
        n->after = true;
    else if (*endp) {
        fail_at(ls, "unexpected '%s' after the window", endp);
        return false;
    }
    if (pattern && (n->re = compile_re(ls, pattern)) == NULL)
        return false;
    if (pattern && (n->pattern = strdup(pattern)) == NULL) {
        pcre2_code_free(n->re);
        n->re = NULL;
        return fail_at(ls, "out of memory"), false;
    }
    /* a closing $ (not \$) anchors at the window's end, right before the
     * match: a test of the whole text drops it */
    size_t plen = pattern ? strlen(pattern) : 0, bs = 0;
    while (bs + 1 < plen && pattern[plen - 2 - bs] == '\\')
        bs++;
    if (plen > 1 && pattern[plen - 1] == '$' && bs % 2 == 0) {
        n->plan_pattern = strndup(pattern, plen - 1);
        if (n->plan_pattern == NULL)
            fail_at(ls, "out of memory");
        if (n->plan_pattern == NULL || (n->plan_re = compile_re(ls, n->plan_pattern)) == NULL) {
            pcre2_code_free(n->re); /* the caller keeps n only when it is whole */
            free(n->pattern);
            free(n->plan_pattern);
            memset(n, 0, sizeof *n);
            return false;
        }
    }
    n->window = (unsigned)w;
    return true;
}

static bool set_str(struct load_state *ls, char **dst, const char *key, const char *val)
{
    if (*dst) {
        fail_at(ls, "'%s' given twice", key);
        return false;
    }
    if ((*dst = strdup(val)) == NULL) {
        fail_at(ls, "out of memory");
        return false;
    }
    return true;
}

/* list_path - a list's path in the rules folder (rel must stay inside it) */
static bool list_path(struct load_state *ls, const char *rel, char *path, size_t pathlen)
{
    if (rel[0] == '/' || strstr(rel, ".."))
        return fail_at(ls, "list path must be relative to the rules folder: %s", rel), false;
    snprintf(path, pathlen, "%s/%s", ls->dir, rel);
    return true;
}

/* load_words - add every term of a list file to the automaton */
static bool load_words(struct load_state *ls, struct pack *p, size_t ri, const char *rel)
{
    char path[4096], line[LINE_MAX_BYTES];
    unsigned lineno = 0;
    size_t added = 0;

    if (!list_path(ls, rel, path, sizeof path))
        return false;
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fail_at(ls, "cannot read %s: %s", rel, strerror(errno));
        return false;
    }
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *t = trim(line);
        if (*t == '\0' || *t == '#')
            continue;
        size_t tl = strlen(t);
        uint32_t cp;
        for (size_t i = 0; i < tl;) {
            size_t k = fold_utf8_decode((const unsigned char *)t + i, tl - i, &cp);
            if (cp == 0xFFFD) {
                snprintf(ls->err, ls->errlen, "%s/%s:%u: invalid UTF-8", ls->dir, rel, lineno);
                fclose(f);
                return false;
            }
            i += k;
        }
        if (tl > TERM_MAX_BYTES) {
            snprintf(ls->err, ls->errlen, "%s/%s:%u: term longer than %d bytes", ls->dir, rel,
                     lineno, TERM_MAX_BYTES);
            fclose(f);
            return false;
        }
        char *folded = fold_string(t);
        if (folded == NULL || ac_add(p->words, folded, strlen(folded), (uint32_t)ri) != SL_OK) {
            free(folded);
            fclose(f);
            fail_at(ls, "out of memory loading %s", rel);
            return false;
        }
        /* synthetic look-alike terms, for the enlarged-dictionary benchmark */
        for (unsigned k = 1; k < ls->scale; k++) {
            char syn[TERM_MAX_BYTES + 16];
            int n = snprintf(syn, sizeof syn, "%s%c%c%u", folded, 'q', 'x' + (int)(k % 3), k);
            ac_add(p->words, syn, (size_t)n, (uint32_t)ri);
        }
        free(folded);
        added++;
    }
    fclose(f);
    if (added == 0) {
        fail_at(ls, "list %s has no terms", rel);
        return false;
    }
    p->rules[ri].terms = added;
    if ((p->rules[ri].file = strdup(rel)) == NULL) {
        fail_at(ls, "out of memory");
        return false;
    }
    return true;
}

/* load_domains - a private-mail rule's list: mail domains, not words
 * (common/domains.h); one such list a pack */
static bool load_domains(struct load_state *ls, struct pack *p, size_t ri, const char *rel)
{
    char path[4096], why[512];
    if (!list_path(ls, rel, path, sizeof path))
        return false;
    if (p->private_mail.n > 0)
        return fail_at(ls, "rule %s: a second private-mail list", p->rules[ri].id), false;
    if (domain_list_read(&p->private_mail, path, why, sizeof why) != SL_OK) {
        snprintf(ls->err, ls->errlen, "%s", why);
        return false;
    }
    if (p->private_mail.n == 0)
        return fail_at(ls, "list %s has no domains", rel), false;
    p->rules[ri].terms = p->private_mail.n;
    if ((p->rules[ri].file = strdup(rel)) == NULL)
        return fail_at(ls, "out of memory"), false;
    return true;
}

/* finish_rule - check a completed rule block for missing keys */
static bool finish_rule(struct load_state *ls, struct pack *p, size_t ri, const char *file,
                        const char *pattern)
{
    struct rule *r = &p->rules[ri];
    if (r->type == 0)
        return fail_at(ls, "rule %s: missing 'type'", r->id), false;
    if (r->role == ROLE_NONE)
        return fail_at(ls, "rule %s: missing 'role'", r->id), false;
    if (r->category == NULL)
        return fail_at(ls, "rule %s: missing 'category'", r->id), false;
    if (r->reason == NULL)
        return fail_at(ls, "rule %s: missing 'reason'", r->id), false;
    if (r->type == RULE_WORDS) {
        if (file == NULL || pattern)
            return fail_at(ls, "rule %s: a words rule needs 'file' and no 'pattern'", r->id), false;
        if (r->role >= ROLE_NATIONAL_ID)
            return fail_at(ls, "rule %s: role %s needs a regex rule", r->id,
                           pack_role_name(r->role)),
                   false;
        if (r->role == ROLE_PRIVATE_MAIL)
            return load_domains(ls, p, ri, file);
        return load_words(ls, p, ri, file);
    }
    if (pattern == NULL || file)
        return fail_at(ls, "rule %s: a regex rule needs 'pattern' and no 'file'", r->id), false;
    if ((r->re = compile_re(ls, pattern)) == NULL)
        return false;
    if ((r->pattern = strdup(pattern)) == NULL)
        return fail_at(ls, "out of memory"), false;
    return true;
}

static bool parse_file(struct load_state *ls, struct pack *p, const char *path)
{
    char line[LINE_MAX_BYTES];
    char *file = NULL, *pattern = NULL;
    bool ok = true, in_rule = false;
    size_t ri = 0;
    FILE *f = fopen(path, "r");

    ls->file = path;
    ls->line = 0;
    if (f == NULL) {
        snprintf(ls->err, ls->errlen, "%s: %s", path, strerror(errno));
        return false;
    }
    while (ok && fgets(line, sizeof line, f)) {
        ls->line++;
        if (strchr(line, '\n') == NULL && !feof(f)) {
            fail_at(ls, "line longer than %d bytes", LINE_MAX_BYTES - 2);
            ok = false;
            break;
        }
        char *t = trim(line);
        if (*t == '\0' || *t == '#')
            continue;
        char *val = strpbrk(t, " \t");
        if (val)
            *val++ = '\0', val = trim(val);
        else
            val = t + strlen(t);
        if (strcmp(t, "rule") == 0) {
            if (in_rule && !(ok = finish_rule(ls, p, ri, file, pattern)))
                break;
            free(file);
            free(pattern);
            file = pattern = NULL;
            if (*val == '\0' || strpbrk(val, " \t")) {
                fail_at(ls, "expected: rule ID");
                ok = false;
                break;
            }
            for (size_t i = 0; i < p->nrules; i++) {
                if (strcmp(p->rules[i].id, val) == 0) {
                    fail_at(ls, "rule %s already defined at %s", val, p->rules[i].src);
                    ok = false;
                }
            }
            if (!ok)
                break;
            struct rule *nr = realloc(p->rules, (p->nrules + 1) * sizeof *nr);
            if (nr == NULL) {
                fail_at(ls, "out of memory");
                ok = false;
                break;
            }
            p->rules = nr;
            ri = p->nrules++;
            memset(&p->rules[ri], 0, sizeof p->rules[ri]);
            p->rules[ri].base = CONF_LOW;
            p->rules[ri].id = strdup(val);
            char src[4200];
            snprintf(src, sizeof src, "%s:%u", path, ls->line);
            p->rules[ri].src = strdup(src);
            in_rule = true;
            continue;
        }
        if (!in_rule) {
            fail_at(ls, "'%s' outside a rule block", t);
            ok = false;
            break;
        }
        struct rule *r = &p->rules[ri];
        if (*val == '\0') {
            fail_at(ls, "'%s' needs a value", t);
            ok = false;
        } else if (strcmp(t, "type") == 0) {
            if (strcmp(val, "words") == 0)
                r->type = RULE_WORDS;
            else if (strcmp(val, "regex") == 0)
                r->type = RULE_REGEX;
            else
                fail_at(ls, "type must be 'words' or 'regex', not '%s'", val), ok = false;
        } else if (strcmp(t, "role") == 0) {
            if (!pack_role_by_name(val, &r->role) || r->role == ROLE_NONE)
                fail_at(ls, "unknown role '%s'", val), ok = false;
        } else if (strcmp(t, "category") == 0) {
            ok = set_str(ls, &r->category, t, val);
        } else if (strcmp(t, "reason") == 0) {
            if (r->reason) { /* continuation lines */
                size_t a = strlen(r->reason), b = strlen(val);
                char *nr = realloc(r->reason, a + b + 2);
                if (nr == NULL)
                    fail_at(ls, "out of memory"), ok = false;
                else
                    r->reason = nr, r->reason[a] = ' ', memcpy(nr + a + 1, val, b + 1);
            } else {
                ok = set_str(ls, &r->reason, t, val);
            }
        } else if (strcmp(t, "file") == 0) {
            ok = set_str(ls, &file, t, val);
        } else if (strcmp(t, "pattern") == 0) {
            ok = set_str(ls, &pattern, t, val);
        } else if (strcmp(t, "anchor") == 0) {
            if (strcmp(val, "digit") == 0)
                r->anchor_digit = true;
            else
                fail_at(ls, "anchor must be 'digit'"), ok = false;
        } else if (strcmp(t, "validate") == 0) {
            if (!validate_by_name(val, &r->validator))
                fail_at(ls, "unknown validator '%s'", val), ok = false;
        } else if (strcmp(t, "base") == 0) {
            if (strcmp(val, "low") == 0)
                r->base = CONF_LOW;
            else if (strcmp(val, "medium") == 0)
                r->base = CONF_MEDIUM;
            else if (strcmp(val, "high") == 0)
                r->base = CONF_HIGH;
            else
                fail_at(ls, "base must be low, medium or high"), ok = false;
        } else if (strcmp(t, "requires") == 0 || strcmp(t, "unless") == 0 ||
                   strcmp(t, "context") == 0) {
            struct near *arr = t[0] == 'r' ? r->requires : t[0] == 'u' ? r->unless : r->context;
            size_t *cnt = t[0] == 'r' ? &r->nrequires : t[0] == 'u' ? &r->nunless : &r->ncontext;
            if (*cnt == PACK_MAX_NEAR)
                fail_at(ls, "at most %d '%s' lines per rule", PACK_MAX_NEAR, t), ok = false;
            else if ((ok = parse_near(ls, val, &arr[*cnt])))
                (*cnt)++;
        } else {
            fail_at(ls, "unknown key '%s'", t);
            ok = false;
        }
    }
    if (ok && in_rule)
        ok = finish_rule(ls, p, ri, file, pattern);
    free(file);
    free(pattern);
    fclose(f);
    return ok;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* prefilter ids: a regex rule's is its index; its k-th required regex
 * context's follows all rules */
static size_t requires_id(const struct pack *p, size_t ri, size_t k)
{
    return p->nrules + ri * PACK_MAX_NEAR + k;
}

/* cache_dir - where the compiled prefilter is kept (rules/prefilter.h):
 * $SLUIS_CACHE_DIR (empty: nowhere), else systemd's $CACHE_DIRECTORY, else
 * $XDG_CACHE_HOME/sluis or ~/.cache/sluis; NULL for none */
static const char *cache_dir(char *buf, size_t size)
{
    const char *v = getenv("SLUIS_CACHE_DIR");
    if (v)
        return *v ? v : NULL;
    if ((v = getenv("CACHE_DIRECTORY")) && *v) {
        size_t n = strcspn(v, ":"); /* the first of several */
        if (n < size) {
            memcpy(buf, v, n);
            buf[n] = '\0';
            return buf;
        }
        return NULL;
    }
    int n;
    if ((v = getenv("XDG_CACHE_HOME")) && *v == '/')
        n = snprintf(buf, size, "%s/sluis", v);
    else if ((v = getenv("HOME")) && *v == '/') {
        n = snprintf(buf, size, "%s/.cache", v);
        if (n > 0 && (size_t)n < size)
            (void)mkdir(buf, 0700); /* ~/.cache may not be there yet */
        n = snprintf(buf, size, "%s/.cache/sluis", v);
    } else
        return NULL;
    return n > 0 && (size_t)n < size ? buf : NULL;
}

/* build_prefilter - one Hyperscan database of every regex rule and every
 * required regex context; without it (no memory, a CPU Hyperscan does not
 * run on) every pattern runs everywhere, with the same results */
static void build_prefilter(struct pack *p)
{
    size_t n = p->nrules * (1 + PACK_MAX_NEAR);
    if (n == 0)
        return;
    const char **pats = calloc(n, sizeof *pats);
    bool *once = calloc(n, sizeof *once);
    for (size_t ri = 0; pats && once && ri < p->nrules; ri++) {
        const struct rule *r = &p->rules[ri];
        if (r->type != RULE_REGEX)
            continue;
        pats[ri] = r->pattern;
        for (size_t k = 0; k < r->nrequires; k++) {
            const struct near *nr = &r->requires[k];
            pats[requires_id(p, ri, k)] = nr->plan_pattern ? nr->plan_pattern : nr->pattern;
            once[requires_id(p, ri, k)] = true;
        }
    }
    char dir[4096];
    if (pats && once)
        p->pre = prefilter_new(pats, once, n, cache_dir(dir, sizeof dir));
    free(pats);
    free(once);
}

struct pack *pack_load(const char *dir, unsigned scale, char *err, size_t errlen)
{
    char packdir[4096];
    struct load_state ls = {dir, "", 0, scale ? scale : 1, err, errlen};
    struct pack *p = calloc(1, sizeof *p);
    char **names = NULL;
    size_t nnames = 0;
    bool ok = false;

    if (p == NULL || (p->words = ac_new()) == NULL) {
        snprintf(err, errlen, "out of memory");
        pack_free(p);
        return NULL;
    }
    p->match_limit = 1000000;
    p->depth_limit = 10000;
    p->heap_limit_kib = 20 * 1024;
    snprintf(packdir, sizeof packdir, "%s/packs", dir);
    DIR *d = opendir(packdir);
    if (d == NULL) {
        snprintf(err, errlen, "%s: %s", packdir, strerror(errno));
        pack_free(p);
        return NULL;
    }
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n < 7 || strcmp(de->d_name + n - 6, ".rules") != 0 || de->d_name[0] == '.')
            continue;
        char **nn = realloc(names, (nnames + 1) * sizeof *nn);
        if (nn == NULL)
            break;
        names = nn;
        names[nnames] = malloc(strlen(packdir) + n + 2);
        if (names[nnames] == NULL)
            break;
        sprintf(names[nnames++], "%s/%s", packdir, de->d_name);
    }
    closedir(d);
    if (nnames > 1) /* qsort wants an array, even of none */
        qsort(names, nnames, sizeof *names, cmp_str);
    ok = nnames > 0;
    if (!ok)
        snprintf(err, errlen, "%s: no *.rules files", packdir);
    for (size_t i = 0; ok && i < nnames; i++)
        ok = parse_file(&ls, p, names[i]);
    for (size_t i = 0; i < nnames; i++)
        free(names[i]);
    free(names);
    p->dob_rule = SIZE_MAX;
    for (size_t i = 0; ok && i < p->nrules && p->dob_rule == SIZE_MAX; i++)
        if (p->rules[i].role == ROLE_DOB_LABEL)
            p->dob_rule = i;
    if (ok && ac_compile(p->words) != SL_OK) {
        snprintf(err, errlen, "out of memory compiling word lists");
        ok = false;
    }
    if (ok)
        build_prefilter(p);
    /* the statistical layer, when the folder ships one (rules/model.h) */
    char mpath[4096];
    snprintf(mpath, sizeof mpath, "%s/model/sluis.model", dir);
    if (ok && access(mpath, F_OK) == 0 && (p->model = model_load(mpath, err, errlen)) == NULL)
        ok = false;
    if (!ok) {
        pack_free(p);
        return NULL;
    }
    return p;
}

static void near_free(struct near *n, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        pcre2_code_free(n[i].re);
        free(n[i].pattern);
        pcre2_code_free(n[i].plan_re);
        free(n[i].plan_pattern);
    }
}

void pack_free(struct pack *p)
{
    if (p == NULL)
        return;
    model_free(p->model);
    domain_list_free(&p->private_mail);
    for (size_t i = 0; i < p->nrules; i++) {
        struct rule *r = &p->rules[i];
        free(r->id);
        free(r->category);
        free(r->reason);
        free(r->src);
        free(r->file);
        free(r->pattern);
        pcre2_code_free(r->re);
        near_free(r->requires, r->nrequires);
        near_free(r->unless, r->nunless);
        near_free(r->context, r->ncontext);
    }
    free(p->rules);
    ac_free(p->words);
    prefilter_free(p->pre);
    free(p);
}

struct pack_scratch *pack_scratch_new(const struct pack *p)
{
    struct pack_scratch *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->md = pcre2_match_data_create(32, NULL);
    s->mctx = pcre2_match_context_create(NULL);
    s->jit = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
    if (s->md == NULL || s->mctx == NULL || s->jit == NULL) {
        pack_scratch_free(s);
        return NULL;
    }
    s->nids = p->nrules * (1 + PACK_MAX_NEAR);
    if (p->pre && ((s->pfs = prefilter_scratch_new(p->pre)) == NULL ||
                   (s->from = calloc(s->nids + 1, sizeof *s->from)) == NULL)) {
        pack_scratch_free(s);
        return NULL;
    }
    pcre2_set_match_limit(s->mctx, p->match_limit);
    pcre2_set_depth_limit(s->mctx, p->depth_limit);
    pcre2_set_heap_limit(s->mctx, p->heap_limit_kib);
    pcre2_jit_stack_assign(s->mctx, NULL, s->jit);
    return s;
}

void pack_scratch_free(struct pack_scratch *s)
{
    if (s == NULL)
        return;
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mctx);
    pcre2_jit_stack_free(s->jit);
    prefilter_scratch_free(s->pfs);
    free(s->from);
    free(s->ends);
    free(s->reports);
    free(s);
}

/* match_at - one match of re at or after start; the number of capture
 * pairs set (1 or more) when found, 0 for none, -1 when a limit was hit */
static int match_at(struct pack_scratch *s, pcre2_code *re, const char *text, size_t len,
                    size_t start)
{
    int rc = pcre2_match(re, (PCRE2_SPTR)text, len, start, PCRE2_NO_UTF_CHECK, s->md, s->mctx);
    if (rc > 0)
        return rc;
    if (rc == 0) /* more captures than the match data holds: the whole match is set */
        return 1;
    if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL)
        return 0;
    return -1;
}

bool pack_regex_matches(struct pack_scratch *s, void *re, const char *text, size_t len)
{
    return match_at(s, re, text, len, 0) > 0;
}

/* digit_regions - where a digit-anchored match may start: from
 * ANCHOR_LEAD bytes before a run of digits to its last digit; overlapping
 * regions merged. Returns the count (at most max). */
#define ANCHOR_LEAD 48
static size_t digit_regions(const char *text, size_t len, size_t *from, size_t *to, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] < '0' || text[i] > '9')
            continue;
        size_t s = i > ANCHOR_LEAD ? i - ANCHOR_LEAD : 0;
        while (i + 1 < len && ((text[i + 1] >= '0' && text[i + 1] <= '9') || text[i + 1] == '.' ||
                               text[i + 1] == ',' || text[i + 1] == ' ' || text[i + 1] == '-' ||
                               text[i + 1] == '/'))
            i++;
        if (n > 0 && s <= to[n - 1] + 1) {
            to[n - 1] = i;
        } else if (n == max) {
            to[n - 1] = len; /* too many: the last region runs to the end */
            return n;
        } else {
            from[n] = s;
            to[n] = i;
            n++;
        }
    }
    return n;
}

/* a text that makes the prefilter report more than this (a long run of
 * digits reports at every byte) is searched everywhere instead, as without
 * a prefilter: the reports' memory stays bounded (8 MiB) */
#define MAX_REPORTS  (1u << 20)
#define KEEP_REPORTS (1u << 14) /* room kept between texts (128 KiB) */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int on_report(void *ctx, uint32_t id, uint32_t end)
{
    struct pack_scratch *s = ctx;
    if (s->nreports == s->capreports) {
        size_t cap = s->capreports ? 2 * s->capreports : 256;
        struct report *nr = cap <= MAX_REPORTS ? realloc(s->reports, cap * sizeof *nr) : NULL;
        if (nr == NULL) {
            s->st = cap <= MAX_REPORTS ? SL_ENOMEM : SL_ELIMIT;
            return 1; /* stop: the rules then look everywhere */
        }
        s->reports = nr, s->capreports = cap;
    }
    s->reports[s->nreports++] = (struct report){id, end};
    return 0;
}

void pack_prefilter(const struct pack *p, struct pack_scratch *s, const char *text, size_t len)
{
    s->known = false;
    if (p->pre == NULL)
        return;
    if (s->capreports > KEEP_REPORTS) { /* a big text's room is not kept for the next */
        free(s->reports), free(s->ends);
        s->reports = NULL, s->ends = NULL;
        s->capreports = 0;
    }
    s->nreports = 0;
    s->st = SL_OK;
    if (prefilter_scan(p->pre, s->pfs, text, len, on_report, s) != SL_OK || s->st != SL_OK)
        return;
    /* group the ends by id (a counting sort), ascending within an id */
    memset(s->from, 0, (s->nids + 1) * sizeof *s->from);
    for (size_t i = 0; i < s->nreports; i++)
        s->from[s->reports[i].id + 1]++;
    for (size_t i = 0; i < s->nids; i++)
        s->from[i + 1] += s->from[i];
    uint32_t *ends = realloc(s->ends, (s->nreports ? s->nreports : 1) * sizeof *ends);
    if (ends == NULL)
        return;
    s->ends = ends;
    for (size_t i = 0; i < s->nreports; i++)
        ends[s->from[s->reports[i].id]++] = s->reports[i].end;
    for (size_t i = s->nids; i > 0; i--) /* from[i] now holds id i's end: shift back */
        s->from[i] = s->from[i - 1];
    s->from[0] = 0;
    for (size_t i = 0; i < s->nids; i++) {
        uint32_t *e = ends + s->from[i];
        size_t n = s->from[i + 1] - s->from[i], k = 1;
        while (k < n && e[k - 1] <= e[k]) /* reported in end order, nearly always */
            k++;
        if (k < n)
            qsort(e, n, sizeof *e, cmp_u32);
    }
    s->known = true;
}

bool pack_requires_may_match(const struct pack *p, const struct pack_scratch *s, size_t ri,
                             size_t k)
{
    uint32_t minw, maxw;
    size_t id = requires_id(p, ri, k);
    if (!s->known || !prefilter_has(p->pre, id, &minw, &maxw))
        return true;
    return s->from[id + 1] > s->from[id];
}

/* candidates - what the prefilter knows of one rule: its reported ends and
 * its width bounds; known false when it knows nothing (run everywhere) */
struct candidates {
    bool known;
    uint32_t minw, maxw;
    const uint32_t *end;
    size_t n, next; /* ends below end[next] are behind every later start */
};

/* first_start - where a match starting at or after at may start at the
 * earliest, given where the rule may end: the first reported end e that a
 * match from at can reach bounds its start from below by e - maxw.
 * SIZE_MAX when no reported end is left. */
static size_t first_start(struct candidates *c, const char *text, size_t len, size_t at)
{
    if (!c->known)
        return at;
    while (c->next < c->n && c->end[c->next] < at + c->minw)
        c->next++;
    if (c->next == c->n)
        return SIZE_MAX;
    size_t e = c->end[c->next];
    if (c->maxw == PREFILTER_UNBOUNDED || e < at + c->maxw)
        return at;
    size_t start = e - c->maxw;
    while (start < len && ((unsigned char)text[start] & 0xC0) == 0x80)
        start++; /* a match starts on a character */
    return start;
}

/* run_rule - every match of one rule starting in [from, limit] */
static void run_rule(const struct pack *p, struct pack_scratch *s, size_t ri, const char *text,
                     size_t len, size_t *from, size_t limit, struct candidates *cand,
                     regex_hit_fn fn, void *ctx, unsigned *limited)
{
    const struct rule *r = &p->rules[ri];
    size_t at = *from;
    pcre2_set_offset_limit(s->mctx, limit);
    while (at <= len && at <= limit) {
        /* no match can start in [at, start): PCRE2 begins at start */
        size_t start = first_start(cand, text, len, at);
        if (start > limit)
            break;
        int rc = match_at(s, r->re, text, len, start);
        if (rc < 0 && limited)
            (*limited)++;
        if (rc <= 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
        size_t ms = ov[0], me = ov[1];
        /* a rule may report its first capture group instead of the whole
         * match, so patterns can look at context they do not report; rc
         * counts the pairs this match set (stale ones lie beyond) */
        if (rc > 1 && ov[2] != PCRE2_UNSET) {
            ms = ov[2];
            me = ov[3];
        }
        fn(ctx, ri, ms, me);
        at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        /* never restart inside a UTF-8 sequence */
        while (at < len && ((unsigned char)text[at] & 0xC0) == 0x80)
            at++;
    }
    *from = at;
    pcre2_set_offset_limit(s->mctx, PCRE2_UNSET);
}

void pack_run_regex(const struct pack *p, struct pack_scratch *s, const char *text, size_t len,
                    const bool *skip, regex_hit_fn fn, void *ctx, unsigned *limited)
{
    size_t from[256], to[256], nreg = 0;
    bool regions = false;
    for (size_t ri = 0; ri < p->nrules; ri++) {
        const struct rule *r = &p->rules[ri];
        if (r->type != RULE_REGEX || (skip && skip[ri]))
            continue;
        struct candidates cand = {false, 0, 0, NULL, 0, 0};
        if (s->known && prefilter_has(p->pre, ri, &cand.minw, &cand.maxw)) {
            cand.known = true;
            cand.end = s->ends + s->from[ri];
            cand.n = s->from[ri + 1] - s->from[ri];
            if (cand.n == 0)
                continue; /* it matches nowhere */
        }
        if (!r->anchor_digit) {
            size_t at = 0;
            run_rule(p, s, ri, text, len, &at, len, &cand, fn, ctx, limited);
            continue;
        }
        if (!regions) {
            nreg = digit_regions(text, len, from, to, sizeof from / sizeof from[0]);
            regions = true;
        }
        /* a match may run past its region: the next region starts after it */
        size_t done = 0;
        for (size_t k = 0; k < nreg; k++) {
            size_t at = from[k] > done ? from[k] : done;
            if (at > to[k])
                continue;
            run_rule(p, s, ri, text, len, &at, to[k], &cand, fn, ctx, limited);
            done = at;
        }
    }
}
