/*
 * policy - parse and query the organisation's policy. See policy.h.
 *
 * The organisation's keys form one table (name, what it sets); sections
 * "[department NAME]" take members, mode, thresholds, overrides,
 * language and verification; "[rule ID]" takes a mode. Files the policy
 * names (partners, a departments CSV, a phones CSV) are read whole, at
 * most 1 MiB each, and every bad line in them is an error with its line
 * number. The phones CSV holds personal data: its errors name the line,
 * never the address or the number on it.
 */
#include "policy.h"

#include <ctype.h>
#include <fnmatch.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/file.h"
#include "../common/kv.h"
#include "decide.h"

static const char *const mode_names[] = {"monitor", "warn", "enforce"};
static const char *const channel_names[] = {"smime", "tls", "portal"};
static const char *const verify_names[] = {"code", "email", "sms"};

const char *policy_verify_name(enum policy_verify v)
{
    return v <= POLICY_VERIFY_SMS ? verify_names[v] : "?";
}

const char *policy_mode_name(enum policy_mode m)
{
    return m <= MODE_ENFORCE ? mode_names[m] : "?";
}

const char *policy_channel_name(enum channel c)
{
    return c <= CHANNEL_PORTAL ? channel_names[c] : "?";
}

static bool parse_mode(const char *v, int *out)
{
    for (int i = 0; i < POLICY_NMODES; i++)
        if (strcmp(v, mode_names[i]) == 0) {
            *out = i;
            return true;
        }
    return false;
}

static bool parse_confidence(const char *v, int *out)
{
    static const char *const names[] = {"none", "low", "medium", "high"};
    for (int i = CONF_LOW; i <= CONF_HIGH; i++)
        if (strcmp(v, names[i]) == 0) {
            *out = i;
            return true;
        }
    return false;
}

static bool parse_bool(const char *v, int *out)
{
    if (strcmp(v, "yes") == 0 || strcmp(v, "true") == 0 || strcmp(v, "1") == 0)
        *out = 1;
    else if (strcmp(v, "no") == 0 || strcmp(v, "false") == 0 || strcmp(v, "0") == 0)
        *out = 0;
    else
        return false;
    return true;
}

/* parse_verify - code, email or sms; "none" is gone: every portal link
 * needs a second factor, so a policy that says none must choose one */
static bool parse_verify(const char *v, int *out, char *err, size_t errlen)
{
    for (int i = 0; i < POLICY_NVERIFY; i++)
        if (strcmp(v, verify_names[i]) == 0) {
            *out = i;
            return true;
        }
    if (strcmp(v, "none") == 0)
        snprintf(err, errlen,
                 "verification: 'none' is no longer possible (a link alone would open the "
                 "message): choose code, email or sms");
    else
        snprintf(err, errlen, "verification: '%s' is not code, email or sms", v);
    return false;
}

static bool parse_language(const char *v)
{
    return strcmp(v, "nl") == 0 || strcmp(v, "en") == 0 || strcmp(v, "fr") == 0;
}

static enum sl_status set_string(char **field, const char *v)
{
    char *s = strdup(v);
    if (s == NULL)
        return SL_ENOMEM;
    free(*field);
    *field = s;
    return SL_OK;
}

static enum sl_status set_domains(char ***list, size_t *n, const char *v, bool add,
                                  const char *what, char *err, size_t errlen)
{
    enum sl_status st = add ? kv_list_add(list, n, v) : kv_list_set(list, n, v);
    if (st != SL_OK)
        return st;
    for (size_t i = 0; i < *n; i++)
        if (!domain_valid((*list)[i])) {
            snprintf(err, errlen, "%s: '%s' is not a domain", what, (*list)[i]);
            return SL_EPARSE;
        }
    return SL_OK;
}

/* scope_set - the keys a department shares with the organisation */
static enum sl_status scope_set(struct policy_scope *s, const char *key, const char *v, bool *known,
                                char *err, size_t errlen)
{
    *known = true;
    if (strcmp(key, "mode") == 0) {
        if (!parse_mode(v, &s->mode)) {
            snprintf(err, errlen, "mode: '%s' is not monitor, warn or enforce", v);
            return SL_EPARSE;
        }
    } else if (strncmp(key, "threshold.", 10) == 0) {
        int m;
        if (!parse_mode(key + 10, &m)) {
            snprintf(err, errlen, "%s: the mode after 'threshold.' is monitor, warn or enforce",
                     key);
            return SL_EPARSE;
        }
        if (!parse_confidence(v, &s->threshold[m])) {
            snprintf(err, errlen, "%s: '%s' is not low, medium or high", key, v);
            return SL_EPARSE;
        }
    } else if (strcmp(key, "overrides") == 0) {
        if (!parse_bool(v, &s->overrides)) {
            snprintf(err, errlen, "overrides: '%s' is neither yes nor no", v);
            return SL_EPARSE;
        }
    } else if (strcmp(key, "language") == 0) {
        if (!parse_language(v)) {
            snprintf(err, errlen, "language: '%s' is not nl, en or fr", v);
            return SL_EPARSE;
        }
        return set_string(&s->language, v);
    } else if (strcmp(key, "verification") == 0) {
        if (!parse_verify(v, &s->verify, err, errlen))
            return SL_EPARSE;
    } else {
        *known = false;
    }
    return SL_OK;
}

static enum sl_status set_channels(struct policy *p, const char *v, char *err, size_t errlen)
{
    char **words = NULL;
    size_t n = 0;
    enum sl_status st = kv_list_set(&words, &n, v);
    p->nchannels = 0;
    for (size_t i = 0; st == SL_OK && i < n; i++) {
        size_t c = 0;
        while (c <= CHANNEL_PORTAL && strcmp(words[i], channel_names[c]) != 0)
            c++;
        bool twice = false;
        for (size_t k = 0; k < p->nchannels; k++)
            twice |= p->channels[k] == (enum channel)c;
        if (c > CHANNEL_PORTAL || twice) {
            snprintf(err, errlen, "channels: '%s' is %s", words[i],
                     twice ? "named twice" : "not smime, tls or portal");
            st = SL_EPARSE;
        } else {
            p->channels[p->nchannels++] = (enum channel)c;
        }
    }
    kv_list_free(&words, &n);
    return st;
}

/* the folder of the file being read, for relative file names */
struct loading {
    struct policy *p;
    const char *dir;
};

static enum sl_status read_partners(struct policy *p, const char *path, char *err, size_t errlen);
static enum sl_status read_departments(struct policy *p, const char *path, char *err,
                                       size_t errlen);
static enum sl_status read_phones(struct policy *p, const char *path, char *err, size_t errlen);
static enum sl_status read_consumer(struct policy *p, const char *path, char *err, size_t errlen);

/* resolve - path relative to dir (when not absolute) into out */
static const char *resolve(const char *dir, const char *path, char *out, size_t outlen)
{
    if (path[0] == '/' || dir == NULL)
        return path;
    snprintf(out, outlen, "%s/%s", dir, path);
    return out;
}

static enum sl_status org_set(struct policy *p, const char *dir, const char *key, const char *v,
                              char *err, size_t errlen)
{
    char path[4096];
    bool known;
    enum sl_status st = scope_set(&p->org, key, v, &known, err, errlen);
    if (known)
        return st;
    if (strcmp(key, "organisation") == 0)
        return set_string(&p->organisation, v);
    if (strcmp(key, "org_domains") == 0)
        return set_domains(&p->org_domains, &p->norg, v, false, key, err, errlen);
    if (strcmp(key, "partners") == 0 || strcmp(key, "tls_partners") == 0)
        return set_domains(&p->partners, &p->npartners, v, false, key, err, errlen);
    if (strcmp(key, "partners_file") == 0)
        return read_partners(p, resolve(dir, v, path, sizeof path), err, errlen);
    if (strcmp(key, "departments_file") == 0)
        return read_departments(p, resolve(dir, v, path, sizeof path), err, errlen);
    if (strcmp(key, "phones_file") == 0)
        return read_phones(p, resolve(dir, v, path, sizeof path), err, errlen);
    if (strcmp(key, "consumer_domains_file") == 0)
        return read_consumer(p, resolve(dir, v, path, sizeof path), err, errlen);
    if (strcmp(key, "fp_url") == 0)
        return set_string(&p->fp_url, v);
    if (strcmp(key, "channels") == 0)
        return set_channels(p, v, err, errlen);
    if (strcmp(key, "tls_auto_partners") == 0) {
        if (!parse_bool(v, &p->tls_auto_partners)) {
            snprintf(err, errlen, "tls_auto_partners: '%s' is not yes or no", v);
            return SL_EPARSE;
        }
        return SL_OK;
    }
    if (strcmp(key, "fallback") == 0 || strcmp(key, "incomplete_action") == 0) {
        enum action a;
        bool incomplete = strcmp(key, "incomplete_action") == 0;
        if (!decide_action_parse(v, &a) ||
            (a != ACTION_HOLD && a != ACTION_REJECT && a != ACTION_TEMPFAIL && a != ACTION_PASS) ||
            (incomplete && a == ACTION_REJECT)) {
            snprintf(err, errlen, "%s: '%s' is not one of hold, %stempfail, pass", key, v,
                     incomplete ? "" : "reject, ");
            return SL_EPARSE;
        }
        *(incomplete ? &p->incomplete_action : &p->fallback) = a;
        return SL_OK;
    }
    if (strcmp(key, "notice_from") == 0)
        return set_string(&p->notice_from, v);
    if (strcmp(key, "helpdesk") == 0)
        return set_string(&p->helpdesk, v);
    if (strcmp(key, "report_url") == 0)
        return set_string(&p->report_url, v);
    if (strcmp(key, "templates") == 0)
        return set_string(&p->templates, resolve(dir, v, path, sizeof path));
    if (strcmp(key, "portal") == 0)
        return set_string(&p->portal, v);
    if (strcmp(key, "portal_url") == 0)
        return set_string(&p->portal_url, v);
    if (strcmp(key, "expiry_days") == 0) {
        char *end;
        unsigned long d = strtoul(v, &end, 10);
        if (!*v || *end || d < 1 || d > 365) {
            snprintf(err, errlen, "expiry_days: '%s' is not a number of days from 1 to 365", v);
            return SL_EPARSE;
        }
        p->expiry_days = (unsigned)d;
        return SL_OK;
    }
    snprintf(err, errlen, "unknown key '%s'", key);
    return SL_EPARSE;
}

bool policy_is_key(const char *key)
{
    /* one list of keys, org_set's: ask it, on a scratch policy */
    struct policy scratch;
    char err[256] = "";
    if (policy_defaults(&scratch) != SL_OK)
        return false;
    org_set(&scratch, NULL, key, "", err, sizeof err);
    policy_free(&scratch);
    return strncmp(err, "unknown key", 11) != 0;
}

enum sl_status policy_set(struct policy *p, const char *key, const char *value, char *err,
                          size_t errlen)
{
    return org_set(p, NULL, key, value, err, errlen);
}

static struct policy_scope *find_dept(struct policy *p, const char *name, bool create)
{
    for (size_t i = 0; i < p->ndepts; i++)
        if (strcmp(p->depts[i].name, name) == 0)
            return &p->depts[i];
    if (!create)
        return NULL;
    struct policy_scope *d = realloc(p->depts, (p->ndepts + 1) * sizeof *d);
    if (d == NULL)
        return NULL;
    p->depts = d;
    d = &p->depts[p->ndepts];
    memset(d, 0, sizeof *d);
    d->mode = d->overrides = d->verify = -1;
    for (int m = 0; m < POLICY_NMODES; m++)
        d->threshold[m] = -1;
    if ((d->name = strdup(name)) == NULL)
        return NULL;
    p->ndepts++;
    return d;
}

/* a member pattern: address, @domain, or local part with '*' */
static bool valid_member(const char *m)
{
    const char *at = strchr(m, '@');
    return at != NULL && at == strrchr(m, '@') && domain_valid(at + 1) &&
           strspn(m, "*") < (size_t)(at - m + 1);
}

static enum sl_status add_member(struct policy *p, const char *pattern, const char *dept, char *err,
                                 size_t errlen)
{
    if (!valid_member(pattern)) {
        snprintf(err, errlen,
                 "member '%s' is not an address, '@domain' or a pattern like 'ggz-*@domain'",
                 pattern);
        return SL_EPARSE;
    }
    struct policy_scope *d = find_dept(p, dept, true);
    struct policy_member *m = d ? realloc(p->members, (p->nmembers + 1) * sizeof *m) : NULL;
    if (m == NULL)
        return SL_ENOMEM;
    p->members = m;
    m[p->nmembers].dept = (size_t)(d - p->depts);
    if ((m[p->nmembers].pattern = strdup(pattern)) == NULL)
        return SL_ENOMEM;
    for (char *c = m[p->nmembers].pattern; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    p->nmembers++;
    return SL_OK;
}

static enum sl_status add_rule(struct policy *p, const char *rule, const char *key, const char *v,
                               char *err, size_t errlen)
{
    int mode;
    if (strcmp(key, "mode") != 0) {
        snprintf(err, errlen, "a [rule] section takes only 'mode', not '%s'", key);
        return SL_EPARSE;
    }
    if (!parse_mode(v, &mode)) {
        snprintf(err, errlen, "mode: '%s' is not monitor, warn or enforce", v);
        return SL_EPARSE;
    }
    struct policy_rule *r = realloc(p->rules, (p->nrules + 1) * sizeof *r);
    if (r == NULL)
        return SL_ENOMEM;
    p->rules = r;
    r[p->nrules].mode = (enum policy_mode)mode;
    if ((r[p->nrules].rule = strdup(rule)) == NULL)
        return SL_ENOMEM;
    p->nrules++;
    return SL_OK;
}

static enum sl_status file_line(void *ctx, const char *section, const char *key, const char *v,
                                char *err, size_t errlen)
{
    struct loading *l = ctx;
    if (*section == '\0' && key)
        return org_set(l->p, l->dir, key, v, err, errlen);
    const char *sp = strchr(section, ' ');
    const char *name = sp ? sp + strspn(sp, " \t") : "";
    size_t kind = sp ? (size_t)(sp - section) : strlen(section);
    if (*name == '\0') {
        snprintf(err, errlen, "section '[%s]' needs a name: [department NAME] or [rule ID]",
                 section);
        return SL_EPARSE;
    }
    bool rule = kind == 4 && strncmp(section, "rule", 4) == 0;
    if (!rule && (kind != 10 || strncmp(section, "department", 10) != 0)) {
        snprintf(err, errlen, "unknown section '[%s]': [department NAME] or [rule ID]", section);
        return SL_EPARSE;
    }
    if (key == NULL)
        return SL_OK; /* the section's header line: checked */
    if (rule)
        return add_rule(l->p, name, key, v, err, errlen);
    struct policy_scope *d = find_dept(l->p, name, true);
    if (d == NULL)
        return SL_ENOMEM;
    if (strcmp(key, "members") == 0) {
        char **words = NULL;
        size_t n = 0;
        enum sl_status st = kv_list_set(&words, &n, v);
        for (size_t i = 0; st == SL_OK && i < n; i++)
            st = add_member(l->p, words[i], name, err, errlen);
        kv_list_free(&words, &n);
        return st;
    }
    bool known;
    enum sl_status st = scope_set(d, key, v, &known, err, errlen);
    if (!known) {
        snprintf(err, errlen, "unknown key '%s' in a department", key);
        return SL_EPARSE;
    }
    return st;
}

static enum sl_status partner_line(void *ctx, char *l, char *why, size_t whylen)
{
    struct policy *p = ctx;
    return set_domains(&p->partners, &p->npartners, l, true, "partner", why, whylen);
}

/* unquote - a CSV field without its double quotes */
static char *unquote(char *f)
{
    size_t n = strlen(f);
    if (n >= 2 && f[0] == '"' && f[n - 1] == '"') {
        f[n - 1] = '\0';
        f++;
    }
    return f;
}

/* "address,department" or "address;department" (a spreadsheet's CSV);
 * a first line "address,department" (any case) is a header */
static enum sl_status department_line(void *ctx, char *l, char *why, size_t whylen)
{
    struct policy *p = ctx;
    char *sep = strpbrk(l, ",;");
    if (sep == NULL) {
        snprintf(why, whylen, "expected 'address,department'");
        return SL_EPARSE;
    }
    *sep = '\0';
    char *addr = unquote(kv_trim(l)), *dept = unquote(kv_trim(sep + 1));
    if (strcasecmp(addr, "address") == 0 || strcasecmp(addr, "adres") == 0)
        return SL_OK;
    if (*dept == '\0' || strpbrk(dept, ",;") != NULL) {
        snprintf(why, whylen, "expected 'address,department'");
        return SL_EPARSE;
    }
    return add_member(p, addr, dept, why, whylen);
}

static enum sl_status read_partners(struct policy *p, const char *path, char *err, size_t errlen)
{
    return kv_each_line(path, partner_line, p, err, errlen);
}

static enum sl_status read_departments(struct policy *p, const char *path, char *err, size_t errlen)
{
    return kv_each_line(path, department_line, p, err, errlen);
}

/* --- consumer mailbox providers ------------------------------------------ */

#ifndef SLUIS_CONSUMER_DOMAINS
#define SLUIS_CONSUMER_DOMAINS                                                                     \
    "/usr/share/sluis/rules/lists/consumer-domains.txt" /* the Makefile's */
#endif

const char *policy_consumer_file(void)
{
    return SLUIS_CONSUMER_DOMAINS;
}

/* read_consumer - the file replaces any list read before */
static enum sl_status read_consumer(struct policy *p, const char *path, char *err, size_t errlen)
{
    enum sl_status st = domain_list_read(&p->consumer, path, err, errlen);
    if (st == SL_OK)
        p->consumer_read = true;
    return st;
}

enum event_class policy_recipient_class(const struct policy *p, const char *from, const char *to,
                                        char *domain, size_t domainlen)
{
    if (domainlen > 0)
        domain[0] = '\0';
    if (decide_internal(p, from, to))
        return EVENT_INTERNAL;
    const char *at = strrchr(to, '@');
    const char *d = at ? at + 1 : "";
    size_t n = strcspn(d, ">");
    while (n > 0 && d[n - 1] == '.') /* an absolute domain: "zorg.nl." */
        n--;
    /* a partner first: the policy's own word (and its route) over the list */
    bool partner = policy_domain_in(p->partners, p->npartners, to);
    if (!partner && n > 0 && domain_list_has(&p->consumer, d, n))
        return EVENT_CONSUMER;
    enum event_class c = partner ? EVENT_PARTNER : EVENT_ORG;
    if (domainlen > 0) {
        size_t k = n < domainlen - 1 ? n : domainlen - 1;
        for (size_t i = 0; i < k; i++)
            domain[i] = (char)tolower((unsigned char)d[i]);
        domain[k] = '\0';
    }
    return c;
}

/* --- phones_file -------------------------------------------------------- */

/* what read_phones builds: the list of one file, in file order until sorted */
struct phones {
    struct policy_phone *list;
    size_t n, cap;
    size_t seen;   /* lines handed over so far (each one an entry or the header) */
    size_t target; /* the second pass: the entry to report (see read_phones) */
};

static void phones_free(struct policy_phone *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i].address);
    free(list);
}

/* e164 - the number in f, blanks left out, into out: '+', a first digit
 * that is not 0 and 8 to 15 digits in all (ITU-T E.164). A national
 * number ("0612345678") or one whose '+' a spreadsheet dropped is refused
 * rather than guessed at. */
static bool e164(const char *f, char out[POLICY_PHONE_MAX + 1])
{
    size_t o = 0, digits = 0;
    if (*f != '+')
        return false;
    out[o++] = *f++;
    for (; *f; f++) {
        if (*f == ' ' || *f == '\t')
            continue;
        if (!isdigit((unsigned char)*f) || (digits == 0 && *f == '0') || digits == 15)
            return false;
        out[o++] = *f;
        digits++;
    }
    out[o] = '\0';
    return digits >= 8;
}

/* valid_address - one address: a local part, one '@', a domain */
static bool valid_address(const char *a)
{
    const char *at = strchr(a, '@');
    return at != NULL && at > a && at == strrchr(a, '@') && domain_valid(at + 1) &&
           strlen(a) < 320 && strpbrk(a, "*<>\" \t") == NULL;
}

/* "address,phone" or "address;phone"; a first line "address,phone" (any
 * case, or adres / adresse) is a header. No error names what is on the
 * line: it is a client's address and number. */
static enum sl_status phone_line(void *ctx, char *l, char *why, size_t whylen)
{
    struct phones *ph = ctx;
    size_t order = ph->seen++;
    char *sep = strpbrk(l, ",;");
    if (sep == NULL) {
        snprintf(why, whylen, "expected 'address,phone'");
        return SL_EPARSE;
    }
    *sep = '\0';
    char *addr = unquote(kv_trim(l)), *phone = unquote(kv_trim(sep + 1));
    if (order == 0 && (strcasecmp(addr, "address") == 0 || strcasecmp(addr, "adres") == 0 ||
                       strcasecmp(addr, "adresse") == 0))
        return SL_OK;
    if (!valid_address(addr)) {
        snprintf(why, whylen, "the first field is not an e-mail address");
        return SL_EPARSE;
    }
    struct policy_phone e = {.order = order};
    if (strpbrk(phone, ",;") != NULL || !e164(phone, e.phone)) {
        snprintf(why, whylen,
                 "the phone number is not in E.164 form ('+', country code and number, like "
                 "+31612345678)");
        return SL_EPARSE;
    }
    if (ph->n == ph->cap) {
        size_t cap = ph->cap ? 2 * ph->cap : 64;
        struct policy_phone *list = realloc(ph->list, cap * sizeof *list);
        if (list == NULL)
            return SL_ENOMEM;
        ph->list = list;
        ph->cap = cap;
    }
    if ((e.address = strdup(addr)) == NULL)
        return SL_ENOMEM;
    for (char *c = e.address; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    ph->list[ph->n++] = e;
    return SL_OK;
}

/* the second pass: only counts lines, and stops at the one to report */
static enum sl_status phone_report(void *ctx, char *l, char *why, size_t whylen)
{
    struct phones *ph = ctx;
    (void)l;
    if (ph->seen++ != ph->target)
        return SL_OK;
    snprintf(why, whylen, "this address has another phone number on an earlier line");
    return SL_EPARSE;
}

static int phone_cmp(const void *a, const void *b)
{
    const struct policy_phone *x = a, *y = b;
    int c = strcmp(x->address, y->address);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* read_phones - the file replaces any list read before. An address twice
 * with the same number is fine; with two numbers it is an error, since a
 * code would go to one of them by chance: the sorted list finds the pair,
 * and a second pass over the file names the later line. */
static enum sl_status read_phones(struct policy *p, const char *path, char *err, size_t errlen)
{
    struct phones ph = {0};
    enum sl_status st = kv_each_line(path, phone_line, &ph, err, errlen);
    if (st == SL_OK && ph.n > 1)
        qsort(ph.list, ph.n, sizeof *ph.list, phone_cmp);
    size_t out = 0;
    for (size_t i = 0; st == SL_OK && i < ph.n; i++) {
        if (out > 0 && strcmp(ph.list[out - 1].address, ph.list[i].address) == 0) {
            if (strcmp(ph.list[out - 1].phone, ph.list[i].phone) != 0) {
                ph.target = ph.list[i].order;
                ph.seen = 0;
                st = kv_each_line(path, phone_report, &ph, err, errlen);
                if (st == SL_OK) { /* the file changed under us */
                    snprintf(err, errlen, "%s: an address has two phone numbers", path);
                    st = SL_EPARSE;
                }
            }
            free(ph.list[i].address);
            ph.list[i].address = NULL;
            continue;
        }
        struct policy_phone e = ph.list[i];
        ph.list[i].address = NULL; /* moved: one owner at a time */
        ph.list[out++] = e;
    }
    if (st != SL_OK) {
        phones_free(ph.list, ph.n); /* kept, not yet looked at, or NULL */
        return st;
    }
    phones_free(p->phones, p->nphones);
    p->phones = ph.list;
    p->nphones = out;
    return SL_OK;
}

enum sl_status policy_load_file(struct policy *p, const char *path, char *err, size_t errlen)
{
    char *copy = strdup(path);
    if (copy == NULL)
        return SL_ENOMEM;
    struct loading l = {p, dirname(copy)};
    enum sl_status st = kv_parse_file(path, true, file_line, &l, err, errlen);
    free(copy);
    return st;
}

enum sl_status policy_defaults(struct policy *p)
{
    memset(p, 0, sizeof *p);
    p->org.mode = MODE_ENFORCE;
    for (int m = 0; m < POLICY_NMODES; m++)
        p->org.threshold[m] = CONF_LOW;
    p->org.overrides = 1;
    p->channels[0] = CHANNEL_SMIME;
    p->channels[1] = CHANNEL_TLS;
    p->channels[2] = CHANNEL_PORTAL;
    p->nchannels = 3;
    p->fallback = ACTION_HOLD;
    p->incomplete_action = ACTION_HOLD;
    p->expiry_days = 14;
    p->org.verify = POLICY_VERIFY_CODE;
    enum sl_status st = SL_OK;
    static const struct {
        size_t off;
        const char *def;
    } strings[] = {
        {offsetof(struct policy, organisation), "onze organisatie"},
        {offsetof(struct policy, notice_from), ""},
        {offsetof(struct policy, helpdesk), ""},
        {offsetof(struct policy, report_url), ""},
        {offsetof(struct policy, templates), ""},
        {offsetof(struct policy, portal), "builtin"},
        {offsetof(struct policy, portal_url), "https://localhost/p/"},
        {offsetof(struct policy, fp_url), ""},
    };
    for (size_t i = 0; st == SL_OK && i < sizeof strings / sizeof strings[0]; i++)
        st = set_string((char **)(void *)((char *)p + strings[i].off), strings[i].def);
    if (st == SL_OK)
        st = set_string(&p->org.language, "nl");
    if (st != SL_OK)
        policy_free(p);
    return st;
}

enum sl_status policy_finish(struct policy *p, char *err, size_t errlen)
{
    for (size_t i = 0; i < p->ndepts; i++) {
        bool has = false;
        for (size_t k = 0; k < p->nmembers; k++)
            has |= p->members[k].dept == i;
        if (!has) {
            snprintf(err, errlen, "department '%s' has no members", p->depts[i].name);
            return SL_EPARSE;
        }
    }
    bool portal = false;
    for (size_t i = 0; i < p->nchannels; i++)
        portal |= p->channels[i] == CHANNEL_PORTAL;
    if (!portal && p->fallback == ACTION_PASS) {
        snprintf(err, errlen,
                 "fallback = pass without the portal among the channels: health data would "
                 "leave unprotected");
        return SL_EPARSE;
    }
    if (strncmp(p->portal_url, "https://", 8) != 0 && strncmp(p->portal_url, "http://", 7) != 0) {
        snprintf(err, errlen, "portal_url: '%s' is not an http(s) URL", p->portal_url);
        return SL_EPARSE;
    }
    if (p->fp_url[0] && strncmp(p->fp_url, "https://", 8) != 0 &&
        strncmp(p->fp_url, "http://", 7) != 0) {
        snprintf(err, errlen, "fp_url: '%s' is not an http(s) URL (or empty: no link)", p->fp_url);
        return SL_EPARSE;
    }
    if (p->fp_url[0] && strpbrk(p->fp_url, " \t\"<>") != NULL) {
        snprintf(err, errlen, "fp_url: '%s' has a blank, a quote or an angle bracket", p->fp_url);
        return SL_EPARSE;
    }
    if (!p->consumer_read) {
        char why[512];
        if (read_consumer(p, policy_consumer_file(), why, sizeof why) != SL_OK) {
            snprintf(err, errlen,
                     "the list of consumer mail domains: %s (or set "
                     "consumer_domains_file)",
                     why);
            return SL_EPARSE;
        }
    }
    return SL_OK;
}

static void scope_free(struct policy_scope *s)
{
    free(s->name);
    free(s->language);
}

void policy_free(struct policy *p)
{
    free(p->organisation);
    kv_list_free(&p->org_domains, &p->norg);
    kv_list_free(&p->partners, &p->npartners);
    scope_free(&p->org);
    for (size_t i = 0; i < p->ndepts; i++)
        scope_free(&p->depts[i]);
    free(p->depts);
    for (size_t i = 0; i < p->nmembers; i++)
        free(p->members[i].pattern);
    free(p->members);
    for (size_t i = 0; i < p->nrules; i++)
        free(p->rules[i].rule);
    free(p->rules);
    phones_free(p->phones, p->nphones);
    free(p->notice_from);
    free(p->helpdesk);
    free(p->report_url);
    free(p->templates);
    free(p->portal);
    free(p->portal_url);
    free(p->fp_url);
    domain_list_free(&p->consumer);
    memset(p, 0, sizeof *p);
}

/* bare - addr without angle brackets, lower case, into out */
static void bare(const char *addr, char *out, size_t outlen)
{
    size_t o = 0;
    for (const char *c = addr; *c && o + 1 < outlen; c++)
        if (*c != '<' && *c != '>')
            out[o++] = (char)tolower((unsigned char)*c);
    out[o] = '\0';
}

static bool member_matches(const char *pattern, const char *addr)
{
    if (pattern[0] == '@') {
        const char *at = strrchr(addr, '@');
        char *const one[] = {(char *)pattern + 1};
        return at && policy_domain_in(one, 1, addr);
    }
    return fnmatch(pattern, addr, 0) == 0;
}

const struct policy_scope *policy_scope_of(const struct policy *p, const char *sender)
{
    char addr[512];
    if (sender == NULL)
        return NULL;
    bare(sender, addr, sizeof addr);
    /* an exact address wins over a pattern, a pattern over a domain */
    const struct policy_member *best = NULL;
    int best_rank = 0;
    for (size_t i = 0; i < p->nmembers; i++) {
        const struct policy_member *m = &p->members[i];
        int rank = m->pattern[0] == '@' ? 1 : strchr(m->pattern, '*') ? 2 : 3;
        if (rank > best_rank && member_matches(m->pattern, addr)) {
            best = m;
            best_rank = rank;
        }
    }
    return best ? &p->depts[best->dept] : NULL;
}

enum policy_mode policy_scope_mode(const struct policy *p, const struct policy_scope *s)
{
    return (enum policy_mode)(s && s->mode >= 0 ? s->mode : p->org.mode);
}

int policy_scope_threshold(const struct policy *p, const struct policy_scope *s, enum policy_mode m)
{
    return s && s->threshold[m] >= 0 ? s->threshold[m] : p->org.threshold[m];
}

bool policy_scope_overrides(const struct policy *p, const struct policy_scope *s)
{
    return (s && s->overrides >= 0 ? s->overrides : p->org.overrides) == 1;
}

const char *policy_scope_language(const struct policy *p, const struct policy_scope *s)
{
    return s && s->language ? s->language : p->org.language;
}

enum policy_verify policy_scope_verify(const struct policy *p, const struct policy_scope *s)
{
    return (enum policy_verify)(s && s->verify >= 0 ? s->verify : p->org.verify);
}

static int phone_key_cmp(const void *key, const void *e)
{
    return strcmp(key, ((const struct policy_phone *)e)->address);
}

const char *policy_phone_of(const struct policy *p, const char *address)
{
    char addr[512];
    if (address == NULL || p->nphones == 0)
        return NULL;
    bare(address, addr, sizeof addr);
    const struct policy_phone *e =
        bsearch(addr, p->phones, p->nphones, sizeof *p->phones, phone_key_cmp);
    return e ? e->phone : NULL;
}

void policy_way_in(const struct policy *p, const struct policy_scope *s, const char *recipient,
                   struct policy_way_in *out)
{
    *out = (struct policy_way_in){.verify = policy_scope_verify(p, s)};
    if (out->verify != POLICY_VERIFY_SMS)
        return;
    out->phone = policy_phone_of(p, recipient);
    if (out->phone == NULL) {
        /* no number: the sender relays a code, as before sms existed */
        out->verify = POLICY_VERIFY_CODE;
        out->no_phone = true;
    }
}

int policy_rule_mode(const struct policy *p, const char *rule)
{
    /* the longest matching entry wins: "health.psych" over "health." */
    int mode = -1;
    size_t best = 0;
    for (size_t i = 0; i < p->nrules; i++) {
        const char *r = p->rules[i].rule;
        size_t n = strlen(r);
        bool prefix = n > 0 && (r[n - 1] == '.' || r[n - 1] == '*');
        size_t cmp = prefix && r[n - 1] == '*' ? n - 1 : n;
        bool match = prefix ? strncmp(rule, r, cmp) == 0 : strcmp(rule, r) == 0;
        if (match && n + !prefix > best) {
            best = n + !prefix;
            mode = (int)p->rules[i].mode;
        }
    }
    return mode;
}

bool policy_domain_in(char *const *list, size_t n, const char *addr)
{
    const char *at = strrchr(addr, '@');
    if (at == NULL)
        return false;
    const char *td = at + 1;
    size_t tl = strcspn(td, ">");
    for (size_t i = 0; i < n; i++) {
        size_t dl = strlen(list[i]);
        if (dl == 0 || tl < dl)
            continue;
        if (tl == dl ? strncasecmp(list[i], td, dl) == 0
                     : td[tl - dl - 1] == '.' && strncasecmp(td + tl - dl, list[i], dl) == 0)
            return true;
    }
    return false;
}
