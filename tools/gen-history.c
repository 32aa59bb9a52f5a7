/*
 * gen-history - a metrics store filled with a generated history, for
 * `make run` and for trying the dashboard and `sluis report`: real events
 * (store/event.h) written through metrics_put, as the milter's writer
 * writes them; no SQL of its own.
 *
 *   gen-history --store PATH --key PATH [--months 12] [--messages 3000]
 *               [--seed 1] [--action-dept Wijkverpleging]
 *               [--action-start YYYY-MM] [--now YYYY-MM-DD]
 *
 * The history covers the --months full months before the current one and
 * the current month up to today (--now sets "today"). Four departments of
 * 6 to 12 staff at zorg.example (addresses sealed with the key, as the
 * milter seals them); mail to colleagues, verified partners (TLS route),
 * other organisations and consumer mailboxes; about a quarter of the
 * external mail sensitive. The rollout: monitor mode for the first three
 * months, then enforce (Jeugdzorg in warn mode until the sixth); staff
 * often send unprotected with a reason ([onveilig: ...]) until the action
 * starts in its department (--action-dept, --action-start; default six
 * months back), after which its protected share rises from about 55% to
 * about 85%. Some messages are not scanned in full, some held; scan times
 * spread with the message size; rule ids from rules/packs/.
 *
 * Deterministic: the same options (and --now) give the same events. The
 * key file is made (0600) when it does not exist yet. Not installed.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../policy/policy.h"
#include "../policy/tags.h"
#include "../rules/pack.h"
#include "../store/event.h"
#include "../store/metrics.h"
#include "../store/pseudo.h"

#define BATCH      500
#define MAX_MONTHS 120

/* splitmix64: small, fast, the same sequence everywhere for a seed */
static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* uniform in [0, 1) */
static double unif(void)
{
    return (double)(rnd() >> 11) / 9007199254740992.0;
}

static bool chance(double p)
{
    return unif() < p;
}

static unsigned below(unsigned n)
{
    return (unsigned)(rnd() % n);
}

/* ---- the organisation */

struct dept {
    const char *name;
    const char *prefix; /* of the staff's addresses */
    unsigned staff;
    double weight;    /* share of the mail */
    double sensitive; /* share of external mail that is sensitive */
    double internal;  /* share of recipients that are colleagues */
    bool overrides;   /* may send unprotected with a reason */
};

static const struct dept depts[] = {
    {"Wijkverpleging", "wv", 12, 0.38, 0.30, 0.30, true},
    {"Huisartsenpost", "hap", 9, 0.27, 0.33, 0.25, true},
    {"Jeugdzorg", "jz", 10, 0.22, 0.27, 0.35, true},
    {"Administratie", "adm", 6, 0.13, 0.08, 0.50, false},
};
#define NDEPTS (sizeof depts / sizeof depts[0])

static const char *const first_names[] = {"anne",   "bram",   "carla", "daan", "eva",
                                          "fatima", "gerrit", "hanna", "ilse", "jeroen",
                                          "karin",  "lotte",  "mo",    "noor", "pieter"};
static const char *const last_names[] = {"bakker",   "dijkstra", "el-amrani", "groot",
                                         "hendriks", "jansen",   "kok",       "mulder",
                                         "peters",   "smit",     "visser",    "willems"};

/* verified partners: the TLS route */
static const char *const partners[] = {"ziekenhuis-a.example", "apotheek-centrum.example",
                                       "huisartsen-noord.example"};
/* other organisations: no verified channel */
static const char *const orgs[] = {"ziekenhuis-b.example",   "gemeente-zuid.example",
                                   "ggz-oost.example",       "thuiszorg-west.example",
                                   "verzekeraar.example",    "laboratorium.example",
                                   "school-de-linde.example"};
/* consumer mailboxes: the store keeps no domain for them */
static const char *const consumers[] = {"gmail.com", "hotmail.com", "ziggo.nl", "kpnmail.nl",
                                        "outlook.com"};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

struct person_rule {
    const char *rule, *category;
};
static const struct person_rule person_rules[] = {
    {"person.surname", "person"},  {"person.firstname", "person"},
    {"person.title", "person"},    {"person.dob", "date_of_birth"},
    {"person.relative", "person"}, {"person.id-keyword", "patient_id"},
};
static const struct person_rule health_rules[] = {
    {"health.diagnosis", "health"},      {"health.medication", "health"},
    {"health.care-term", "health"},      {"health.care-document", "health"},
    {"health.measurement", "health"},    {"health.lab-value", "health"},
    {"health.blood-pressure", "health"},
};
static const struct person_rule id_rules[] = {
    {"nl.bsn", "national_id"},
    {"be.national", "national_id"},
    {"nl.agb", "provider_id"},
    {"nl.big", "provider_id"},
};
static const struct person_rule clean_rules[] = {
    {"date", "date"},
    {"person.firstname", "person"},
    {"context.newsletter", "context"},
    {"context.invoice", "context"},
    {"iban", "financial"},
};

/* ---- months */

struct ym {
    int y, m; /* m 1..12 */
};

static struct ym ym_add(struct ym a, int k)
{
    int t = a.y * 12 + (a.m - 1) + k;
    struct ym r = {t / 12, t % 12 + 1};
    return r;
}

static int ym_cmp(struct ym a, struct ym b)
{
    return a.y != b.y ? (a.y < b.y ? -1 : 1) : (a.m < b.m ? -1 : a.m > b.m);
}

/* digits - the number of n decimal digits at s, or -1 */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* ym_parse - "YYYY-MM" */
static bool ym_parse(const char *s, struct ym *out)
{
    if (s == NULL || strlen(s) != 7 || s[4] != '-')
        return false;
    out->y = digits(s, 4);
    out->m = digits(s + 5, 2);
    return out->y >= 1971 && out->y <= 9998 && out->m >= 1 && out->m <= 12;
}

static int days_in(struct ym a)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (a.y % 4 == 0 && a.y % 100 != 0) || a.y % 400 == 0;
    return a.m == 2 && leap ? 29 : d[a.m - 1];
}

/* a moment in month a up to day last_day, in working hours mostly (local time) */
static int64_t moment(struct ym a, int last_day)
{
    struct tm tm = {0};
    tm.tm_year = a.y - 1900;
    tm.tm_mon = a.m - 1;
    tm.tm_mday = 1 + (int)below((unsigned)last_day);
    tm.tm_hour = chance(0.9) ? 7 + (int)below(11) : (int)below(24);
    tm.tm_min = (int)below(60);
    tm.tm_sec = (int)below(60);
    tm.tm_isdst = -1;
    return (int64_t)mktime(&tm);
}

/* ---- one message */

struct staff {
    char hash[EVENT_HASH_LEN + 1];
    unsigned char sealed[PSEUDO_SEALED_MAX];
    size_t sealed_len;
    double weight;  /* how much of the department's mail they send */
    double careful; /* how often they protect of their own accord */
};

struct world {
    struct staff *staff[NDEPTS];
    struct ym first, action_start, now;
    size_t action_dept;
};

static const struct staff *pick_staff(const struct world *w, size_t d)
{
    double total = 0;
    for (unsigned i = 0; i < depts[d].staff; i++)
        total += w->staff[d][i].weight;
    double u = unif() * total;
    for (unsigned i = 0; i < depts[d].staff; i++) {
        u -= w->staff[d][i].weight;
        if (u < 0)
            return &w->staff[d][i];
    }
    return &w->staff[d][depts[d].staff - 1];
}

static size_t pick_dept(void)
{
    double u = unif();
    for (size_t d = 0; d < NDEPTS; d++) {
        u -= depts[d].weight;
        if (u < 0)
            return d;
    }
    return NDEPTS - 1;
}

static void add_rules(struct event *e, const struct person_rule *r, size_t n, unsigned k)
{
    for (unsigned i = 0; i < k; i++) {
        const struct person_rule *p = &r[below((unsigned)n)];
        event_add_rule(e, p->rule, p->category);
    }
}

static void random_fp(char out[EVENT_HASH_LEN + 1])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < EVENT_HASH_LEN; i += 16) {
        uint64_t r = rnd();
        for (int j = 0; j < 16; j++, r >>= 4)
            out[i + j] = hex[r & 15];
    }
    out[EVENT_HASH_LEN] = '\0';
}

static enum tag_reason pick_reason(void)
{
    double u = unif();
    return u < 0.40   ? REASON_CONSENT
           : u < 0.65 ? REASON_URGENT
           : u < 0.85 ? REASON_NO_CHANNEL
           : u < 0.95 ? REASON_NOT_HEALTH
                      : REASON_OTHER;
}

/* message - one outgoing message of department d in month a (k: the
 * month's place in the history, from 0) */
static void message(const struct world *w, struct event *e, size_t d, const struct staff *s,
                    struct ym a, int k, int last_day)
{
    memset(e, 0, sizeof *e);
    event_set_time(e, moment(a, last_day));
    memcpy(e->sender, s->hash, sizeof e->sender);
    snprintf(e->dept, sizeof e->dept, "%s", depts[d].name);

    /* the rollout: monitor for three months, then enforce; Jeugdzorg warns until the sixth */
    enum policy_mode mode = k < 3 ? MODE_MONITOR : MODE_ENFORCE;
    if (strcmp(depts[d].name, "Jeugdzorg") == 0 && k >= 3 && k < 6)
        mode = MODE_WARN;
    bool acted = d == w->action_dept && ym_cmp(a, w->action_start) >= 0;

    /* recipients: 1 to 3 groups */
    unsigned nrcpt = 1 + (chance(0.25) ? 1 : 0) + (chance(0.08) ? 1 : 0);
    enum event_class cls[3];
    const char *dom[3];
    bool external = false;
    for (unsigned i = 0; i < nrcpt; i++) {
        double u = unif();
        double in = depts[d].internal;
        if (u < in) {
            cls[i] = EVENT_INTERNAL;
            dom[i] = "";
        } else if (u < in + (1 - in) * 0.22) {
            cls[i] = EVENT_PARTNER;
            dom[i] = partners[below(NELEM(partners))];
        } else if (u < in + (1 - in) * 0.62) {
            cls[i] = EVENT_ORG;
            dom[i] = orgs[below(NELEM(orgs))];
        } else {
            cls[i] = EVENT_CONSUMER;
            dom[i] = consumers[below(NELEM(consumers))];
        }
        external = external || cls[i] != EVENT_INTERNAL;
    }
    e->sensitive = chance(external ? depts[d].sensitive : 0.2);
    e->incomplete = chance(0.012);
    e->size = 1500 + (uint64_t)(unif() * unif() * unif() * unif() * unif() * 1500000.0);
    /* about 2 ms for a small message, growing with size; a slow tail */
    e->scan_us =
        (uint32_t)(900 + e->size / 40 + below(1500) + (chance(0.01) ? 8000 + below(20000) : 0));
    e->mode = (uint8_t)mode;

    if (e->sensitive) {
        double c = unif();
        e->confidence = c < 0.6 ? CONF_HIGH : c < 0.95 ? CONF_MEDIUM : CONF_LOW;
        add_rules(e, person_rules, NELEM(person_rules), 1 + below(2));
        add_rules(e, health_rules, NELEM(health_rules), 1 + below(2));
        if (chance(0.3))
            add_rules(e, id_rules, NELEM(id_rules), 1);
        if (chance(0.4))
            event_add_rule(e, "date", "date");
    } else if (chance(0.15)) {
        e->confidence = CONF_LOW;
        add_rules(e, clean_rules, NELEM(clean_rules), 1);
    }

    /* what the sender does: protect of their own accord ([veilig], or the
     * portal), tag it unsafe with a reason, or nothing */
    double careful = s->careful + 0.01 * k + (acted ? 0.20 : 0);
    double unsafe = acted ? 0.25 : 0.62;
    bool secure_tag = e->sensitive && external && chance(careful);
    bool unsafe_tag = e->sensitive && external && !secure_tag && chance(unsafe);
    bool below_threshold = e->sensitive && e->confidence == CONF_LOW && chance(0.5);
    if (secure_tag) {
        e->tag = TAG_SECURE;
        mode = MODE_ENFORCE; /* the sender asked for protection */
        e->mode = (uint8_t)mode;
    } else if (unsafe_tag) {
        e->tag = TAG_UNSAFE;
        e->reason = (uint8_t)pick_reason();
        if (depts[d].overrides)
            e->override = true;
        else
            e->override_refused = true;
    }

    enum action overall = ACTION_PASS, overall_meant = ACTION_PASS;
    for (unsigned i = 0; i < nrcpt; i++) {
        enum action meant = ACTION_PASS;
        enum event_channel ch = EVENT_CH_NONE;
        if (cls[i] == EVENT_INTERNAL) {
            meant = ACTION_PASS;
        } else if ((e->sensitive || secure_tag) && !e->override && !below_threshold) {
            if (cls[i] == EVENT_PARTNER)
                meant = ACTION_TLS;
            else if (cls[i] == EVENT_ORG && strcmp(dom[i], "ggz-oost.example") == 0 && chance(0.5))
                meant = ACTION_SMIME;
            else if (chance(0.025))
                meant = ACTION_HOLD; /* no channel: the policy's fallback */
            else
                meant = ACTION_PORTAL;
            if (meant == ACTION_PORTAL && chance(0.005))
                meant = ACTION_REJECT;
            if (meant == ACTION_PORTAL && chance(0.004))
                meant = ACTION_TEMPFAIL;
        } else if (e->incomplete && !e->sensitive) {
            meant = ACTION_HOLD; /* the policy's incomplete_action */
        }
        enum action done = mode == MODE_ENFORCE ? meant : ACTION_PASS;
        if (done == ACTION_TLS)
            ch = EVENT_CH_TLS;
        else if (done == ACTION_SMIME)
            ch = EVENT_CH_SMIME;
        else if (done == ACTION_PORTAL)
            ch = strcmp(depts[d].name, "Huisartsenpost") == 0 && chance(0.3)
                     ? EVENT_CH_EXTERNAL_PORTAL
                     : EVENT_CH_PORTAL;
        event_add_recipient(e, cls[i], dom[i], done, meant, ch);
        /* strictest: reject > tempfail > hold > portal > smime > tls > pass */
        static const int rank[] = {
            [ACTION_PASS] = 0, [ACTION_TLS] = 1,      [ACTION_SMIME] = 2, [ACTION_PORTAL] = 3,
            [ACTION_HOLD] = 4, [ACTION_TEMPFAIL] = 5, [ACTION_REJECT] = 6};
        if (rank[done] > rank[overall])
            overall = done;
        if (rank[meant] > rank[overall_meant])
            overall_meant = meant;
    }
    e->action = (uint8_t)overall;
    e->intended = (uint8_t)overall_meant;
    /* a notice with a "not health data" link went to the sender */
    if (e->sensitive && external && overall != ACTION_PASS)
        random_fp(e->fp);
}

static void usage(FILE *f)
{
    fprintf(f, "usage: gen-history --store PATH --key PATH [--months 12] [--messages 3000]\n"
               "                   [--seed 1] [--action-dept NAME] [--action-start YYYY-MM]\n"
               "                   [--now YYYY-MM-DD]\n");
}

static bool number(const char *s, unsigned long min, unsigned long max, unsigned long *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end || s[0] == '-' || v < min || v > max)
        return false;
    *out = v;
    return true;
}

int main(int argc, char **argv)
{
    const char *store = NULL, *keyfile = NULL, *action_dept = "Wijkverpleging";
    const char *action_start = NULL, *now_arg = NULL;
    unsigned long months = 12, messages = 3000, seed = 1;
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        bool ok = v != NULL;
        if (ok && strcmp(o, "--store") == 0)
            store = v;
        else if (ok && strcmp(o, "--key") == 0)
            keyfile = v;
        else if (ok && strcmp(o, "--months") == 0)
            ok = number(v, 1, MAX_MONTHS, &months);
        else if (ok && strcmp(o, "--messages") == 0)
            ok = number(v, 1, 10000000, &messages);
        else if (ok && strcmp(o, "--seed") == 0)
            ok = number(v, 0, ULONG_MAX, &seed);
        else if (ok && strcmp(o, "--action-dept") == 0)
            action_dept = v;
        else if (ok && strcmp(o, "--action-start") == 0)
            action_start = v;
        else if (ok && strcmp(o, "--now") == 0)
            now_arg = v;
        else
            ok = false;
        if (!ok) {
            fprintf(stderr, "gen-history: bad or incomplete option '%s'\n", o);
            usage(stderr);
            return 2;
        }
        i++;
    }
    if (store == NULL || keyfile == NULL) {
        usage(stderr);
        return 2;
    }

    struct world w;
    memset(&w, 0, sizeof w);
    w.action_dept = NDEPTS;
    for (size_t d = 0; d < NDEPTS; d++)
        if (strcmp(depts[d].name, action_dept) == 0)
            w.action_dept = d;
    if (w.action_dept == NDEPTS) {
        fprintf(stderr, "gen-history: --action-dept: one of Wijkverpleging, Huisartsenpost, "
                        "Jeugdzorg, Administratie\n");
        return 2;
    }
    int today = 1;
    if (now_arg) {
        char ym[8];
        snprintf(ym, sizeof ym, "%.7s", now_arg);
        if (strlen(now_arg) != 10 || now_arg[7] != '-' || !ym_parse(ym, &w.now) ||
            (today = digits(now_arg + 8, 2)) < 1 || today > days_in(w.now)) {
            fprintf(stderr, "gen-history: --now YYYY-MM-DD\n");
            return 2;
        }
    } else {
        time_t t = time(NULL);
        struct tm tm;
        localtime_r(&t, &tm);
        w.now.y = tm.tm_year + 1900;
        w.now.m = tm.tm_mon + 1;
        today = tm.tm_mday;
    }
    w.first = ym_add(w.now, -(int)months);
    w.action_start = ym_add(w.now, -(int)(months / 2));
    if (action_start && !ym_parse(action_start, &w.action_start)) {
        fprintf(stderr, "gen-history: --action-start YYYY-MM\n");
        return 2;
    }

    char err[512] = "";
    struct pseudo_key key;
    struct stat st;
    if (stat(keyfile, &st) != 0 && pseudo_keygen(keyfile, err, sizeof err) != SL_OK) {
        fprintf(stderr, "gen-history: %s\n", err);
        return 1;
    }
    if (pseudo_load(keyfile, &key, err, sizeof err) != SL_OK) {
        fprintf(stderr, "gen-history: %s\n", err);
        return 1;
    }
    struct metrics *m;
    if (metrics_open(store, false, &m, err, sizeof err) != SL_OK) {
        fprintf(stderr, "gen-history: %s\n", err);
        return 1;
    }

    /* the staff, made from the seed */
    rng_state = seed;
    for (size_t d = 0; d < NDEPTS; d++) {
        w.staff[d] = calloc(depts[d].staff, sizeof *w.staff[d]);
        if (w.staff[d] == NULL) {
            fprintf(stderr, "gen-history: out of memory\n");
            return 1;
        }
        for (unsigned i = 0; i < depts[d].staff; i++) {
            struct staff *s = &w.staff[d][i];
            char addr[128];
            snprintf(addr, sizeof addr, "%c.%s.%s%u@zorg.example",
                     first_names[(d * 5 + i) % NELEM(first_names)][0],
                     last_names[(d * 7 + i * 3) % NELEM(last_names)], depts[d].prefix, i + 1);
            pseudo_sender(&key, addr, s->hash);
            if (pseudo_seal(&key, addr, s->sealed, sizeof s->sealed, &s->sealed_len) != SL_OK) {
                fprintf(stderr, "gen-history: cannot seal an address\n");
                return 1;
            }
            s->weight = 0.3 + unif() * 1.7;
            s->careful = 0.25 + unif() * 0.25;
        }
    }

    /* the messages: the full months, then the current one up to today */
    double full = (double)months, part = (double)today / days_in(w.now);
    struct event *batch = calloc(BATCH, sizeof *batch);
    const unsigned char **sealed = calloc(BATCH, sizeof *sealed);
    size_t *sealed_len = calloc(BATCH, sizeof *sealed_len);
    if (batch == NULL || sealed == NULL || sealed_len == NULL) {
        fprintf(stderr, "gen-history: out of memory\n");
        return 1;
    }
    size_t n = 0;
    unsigned long written = 0;
    for (int k = 0; k <= (int)months; k++) {
        struct ym a = ym_add(w.first, k);
        bool current = k == (int)months;
        double share = (current ? part : 1.0) / (full + part);
        unsigned long count =
            (unsigned long)((double)messages * share * (0.9 + 0.2 * unif()) + 0.5);
        for (unsigned long i = 0; i < count; i++) {
            size_t d = pick_dept();
            const struct staff *s = pick_staff(&w, d);
            message(&w, &batch[n], d, s, a, k, current ? today : days_in(a));
            sealed[n] = s->sealed;
            sealed_len[n] = s->sealed_len;
            if (++n == BATCH) {
                if (metrics_put(m, batch, n, sealed, sealed_len, err, sizeof err) != SL_OK) {
                    fprintf(stderr, "gen-history: %s\n", err);
                    return 1;
                }
                written += n;
                n = 0;
            }
        }
    }
    if (n && metrics_put(m, batch, n, sealed, sealed_len, err, sizeof err) != SL_OK) {
        fprintf(stderr, "gen-history: %s\n", err);
        return 1;
    }
    written += n;
    metrics_close(m);
    printf("gen-history: %lu messages from %04d-%02d to %04d-%02d (up to day %d) in %s; "
           "action in %s from %04d-%02d\n",
           written, w.first.y, w.first.m, w.now.y, w.now.m, today, store, depts[w.action_dept].name,
           w.action_start.y, w.action_start.m);
    for (size_t d = 0; d < NDEPTS; d++)
        free(w.staff[d]);
    free(batch);
    free(sealed);
    free(sealed_len);
    return 0;
}
