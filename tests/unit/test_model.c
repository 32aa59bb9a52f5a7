/* test_model - the statistical layer: features, the model file, the score,
 * and how detect_message joins it with the rules (the shipped rule packs, in
 * a folder of their own with a hand-written model beside them). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../rules/detect.h"
#include "../../rules/model.h"
#include "check.h"

static char dir[256];

/* vec - the features of text (and evidence names) into idx/val copies */
struct vec {
    uint32_t idx[4096];
    float val[4096];
    size_t n;
};

static void features(struct model_scratch *s, const char *text, bool subject, const char *evidence,
                     struct vec *out)
{
    const uint32_t *idx;
    const float *val;
    model_begin(s, NULL);
    model_text(s, text, strlen(text), subject);
    if (evidence)
        model_evidence(s, evidence);
    CHECK(model_finish(s) == SL_OK, "finish");
    CHECK(model_vector(s, &idx, &val, &out->n) == SL_OK, "vector");
    if (out->n > 4096)
        out->n = 4096;
    memcpy(out->idx, idx, out->n * sizeof *idx);
    memcpy(out->val, val, out->n * sizeof *val);
}

static double value_at(const struct vec *v, uint32_t idx)
{
    for (size_t i = 0; i < v->n; i++)
        if (v->idx[i] == idx)
            return v->val[i];
    return 0;
}

static bool same(const struct vec *a, const struct vec *b)
{
    return a->n == b->n && memcmp(a->idx, b->idx, a->n * sizeof a->idx[0]) == 0 &&
           memcmp(a->val, b->val, a->n * sizeof a->val[0]) == 0;
}

static void test_features(void)
{
    struct model_scratch *s = model_scratch_new();
    static struct vec a, b, c;
    CHECK(s != NULL, "scratch");
    if (s == NULL)
        return;

    /* determinism, also after another message in between */
    features(s, "mevrouw jansen heeft diabetes type 2", false, NULL, &a);
    features(s, "iets heel anders", false, NULL, &c);
    features(s, "mevrouw jansen heeft diabetes type 2", false, NULL, &b);
    CHECK(a.n > 0 && same(&a, &b), "same text, same vector: %zu and %zu entries", a.n, b.n);
    for (size_t i = 1; i < a.n; i++)
        CHECK(a.idx[i - 1] < a.idx[i], "indices ascending and distinct at %zu", i);

    /* digits are shapes */
    features(s, "geboren 04-02-1971", false, NULL, &a);
    features(s, "geboren 17-11-2003", false, NULL, &b);
    CHECK(same(&a, &b), "digits to shapes: two dates give one vector");
    features(s, "geboren 4-02-1971", false, NULL, &b);
    CHECK(!same(&a, &b), "a shorter number is another shape");

    /* family prefixes: one string, four families, four buckets */
    uint32_t hw = model_hash('w', "bsn", 3), hs = model_hash('s', "bsn", 3),
             hc = model_hash('c', "bsn", 3), he = model_hash('e', "bsn", 3);
    CHECK(hw != hs && hw != hc && hw != he && hs != hc && hs != he && hc != he,
          "families apart: %u %u %u %u", hw, hs, hc, he);
    /* FNV-1a 32 of "w" 0x1F "a", by hand: 0x050c5d7e... checked against the
     * documented constants rather than a second implementation */
    uint32_t h = 2166136261u;
    const unsigned char bytes[] = {'w', 0x1F, 'a'};
    for (size_t i = 0; i < 3; i++)
        h = (h ^ bytes[i]) * 16777619u;
    CHECK(model_hash('w', "a", 1) == (h & (MODEL_BUCKETS - 1)), "hash is FNV-1a as documented");

    features(s, "uitslag", false, NULL, &a);
    features(s, "uitslag", true, NULL, &b);
    CHECK(value_at(&a, model_hash('s', "uitslag", 7)) == 0 &&
              fabs(value_at(&b, model_hash('s', "uitslag", 7)) - 1.0) < 1e-6,
          "the subject family only for the subject");

    /* normalisation: "aaa" is one word (1.0) and six char n-grams
     * (" aa", "aaa", "aa ", " aaa", "aaa ", " aaa ": 1/sqrt(6) each) */
    features(s, "aaa", false, NULL, &a);
    CHECK(fabs(value_at(&a, model_hash('w', "aaa", 3)) - 1.0) < 1e-6, "one word: 1");
    CHECK(fabs(value_at(&a, model_hash('c', " aaa ", 5)) - 1.0 / sqrt(6.0)) < 1e-6 &&
              fabs(value_at(&a, model_hash('c', " aa", 3)) - 1.0 / sqrt(6.0)) < 1e-6,
          "chars: 1/sqrt(6), got %g", value_at(&a, model_hash('c', " aaa ", 5)));
    CHECK(a.n == 7, "aaa: 7 features, got %zu", a.n);
    /* "aaa aaa": the word twice (1 + ln 2) and the bigram once, over their norm */
    features(s, "aaa aaa", false, NULL, &a);
    double w2 = 1.0 + log(2.0), norm = sqrt(w2 * w2 + 1.0);
    CHECK(fabs(value_at(&a, model_hash('w', "aaa", 3)) - w2 / norm) < 1e-6 &&
              fabs(value_at(&a, model_hash('b', "aaa aaa", 7)) - 1.0 / norm) < 1e-6,
          "log-scaled counts, L2 per group: got %g", value_at(&a, model_hash('w', "aaa", 3)));
    double sq = 0;
    features(s, "de patient kreeg 5 mg haloperidol, de patient sliep", false, NULL, &a);
    for (size_t i = 0; i < a.n; i++)
        sq += (double)a.val[i] * a.val[i];
    CHECK(fabs(sq - 2.0) < 1e-3, "two groups of norm 1: sum of squares %g", sq);
    /* evidence: value 1, not normalised */
    features(s, "", false, "pair:named+strong", &a);
    CHECK(a.n == 1 && a.idx[0] == model_hash('e', "pair:named+strong", 17) && a.val[0] == 1.0f,
          "evidence: one feature of value 1");
    model_scratch_free(s);
}

/* write - a file of text in the test folder */
static void write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL, "create %s", path);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* model_text_of - a model file: the spec, bias, threshold, then weights */
static void model_file(char *out, size_t outlen, double bias, double threshold, const char *weights)
{
    size_t n = (size_t)snprintf(out, outlen, "sluis-model 1\n# a test model\n");
    for (size_t i = 0; model_spec_lines[i]; i++)
        n += (size_t)snprintf(out + n, outlen - n, "%s\n", model_spec_lines[i]);
    snprintf(out + n, outlen - n, "bias %.17g\nthreshold %.17g\nprovenance by hand for tests\n%s",
             bias, threshold, weights);
}

static void test_file(void)
{
    static char good[4096], text[4096];
    char err[512], path[512];
    snprintf(path, sizeof path, "%s/m", dir);
    model_file(good, sizeof good, -1.5, 0.5, "weights 2\n7 0.25\n300 -1e-3\n");
    write_file("m", good);
    struct model *m = model_load(path, err, sizeof err);
    CHECK(m != NULL, "good file: %s", err);
    if (m) {
        CHECK(m->bias == -1.5 && m->threshold == 0.5 && m->nweights == 2 && m->w[7] == 0.25f &&
                  m->w[300] == -1e-3f && m->w[8] == 0 && strcmp(m->version, "1") == 0,
              "good file read back");
        CHECK(strcmp(m->provenance, "by hand for tests") == 0, "provenance '%s'", m->provenance);
    }
    model_free(m);

    /* bad files: the line named, and why */
    static const struct {
        const char *name, *from, *to;
        unsigned line;
        const char *why;
    } bad[] = {
        {"wrong version", "sluis-model 1", "sluis-model 2", 1, "version 2"},
        {"not a model", "sluis-model 1", "rules 1", 1, "not a sluis model"},
        {"other buckets", "buckets 262144", "buckets 1024", 4, "this build computes"},
        {"other hash", "hash fnv1a-32 words", "hash murmur3 words", 3, "this build computes"},
        {"unknown line", "# a test model", "colour blue", 2, "unknown line"},
        {"bad bias", "bias -1.5", "bias minus", 8, "bad bias"},
        {"threshold out of range", "threshold 0.5", "threshold 1.5", 9, "bad threshold"},
        {"twice", "# a test model", "threshold 0.2", 9, "given twice"},
        {"missing provenance", "provenance by hand for tests", "# none", 11, "before the"},
        {"bad index", "7 0.25", "x7 0.25", 12, "bad index"},
        {"index past the buckets", "7 0.25", "262144 0.25", 12, "bad index"},
        {"index not ascending", "300 -1e-3", "5 -1e-3", 13, "not above"},
        {"bad weight", "7 0.25", "7 nan", 12, "bad weight"},
        {"no weight", "7 0.25", "7", 12, "INDEX WEIGHT"},
        {"too many weights", "weights 2", "weights 1", 13, "more weights"},
        {"too few weights", "weights 2", "weights 3", 14, "2 weights, the file announced 3"},
        {"no newline at the end", "-1e-3\n", "-1e-3", 13, "no newline"},
        {"a CR byte", "bias -1.5\n", "bias -1.5\r\n", 8, "CR"},
    };
    for (size_t i = 0; i < NELEM(bad); i++) {
        char *at = strstr(good, bad[i].from);
        CHECK(at != NULL, "%s: '%s' in the good file", bad[i].name, bad[i].from);
        if (at == NULL)
            continue;
        snprintf(text, sizeof text, "%.*s%s%s", (int)(at - good), good, bad[i].to,
                 at + strlen(bad[i].from));
        write_file("m", text);
        m = model_load(path, err, sizeof err);
        char want[600];
        snprintf(want, sizeof want, "%s:%u: ", path, bad[i].line);
        CHECK(m == NULL && strncmp(err, want, strlen(want)) == 0 && strstr(err, bad[i].why),
              "%s: got '%s', want '%s...%s'", bad[i].name, m ? "(loaded)" : err, want, bad[i].why);
        model_free(m);
    }
    /* too large: refused before it is parsed */
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(good, f);
        for (unsigned long n = 0; n < MODEL_MAX_BYTES / 16 + 1; n++)
            fputs("# padding line.\n", f);
        fclose(f);
    }
    m = model_load(path, err, sizeof err);
    CHECK(m == NULL && strstr(err, "file too large"), "oversize: got '%s'", m ? "(loaded)" : err);
    model_free(m);
    snprintf(path, sizeof path, "%s/absent", dir);
    m = model_load(path, err, sizeof err);
    CHECK(m == NULL && strstr(err, "absent: "), "absent file: '%s'", err);
}

static void test_score(void)
{
    static char text[4096], w[256];
    char err[512], path[512];
    uint32_t iw = model_hash('w', "aaa", 3), ie = model_hash('e', "pair:named+strong", 17);
    CHECK(iw != ie, "buckets apart");
    if (iw < ie)
        snprintf(w, sizeof w, "weights 2\n%u 2\n%u 0.5\n", iw, ie);
    else
        snprintf(w, sizeof w, "weights 2\n%u 0.5\n%u 2\n", ie, iw);
    model_file(text, sizeof text, -1.0, 0.8, w);
    write_file("m", text);
    snprintf(path, sizeof path, "%s/m", dir);
    struct model *m = model_load(path, err, sizeof err);
    struct model_scratch *s = model_scratch_new();
    CHECK(m != NULL && s != NULL, "tiny model: %s", err);
    if (m == NULL || s == NULL) {
        model_free(m);
        model_scratch_free(s);
        return;
    }
    struct model_verdict v;
    static struct vec vec;
    /* "aaa": z = -1 + 2 * 1 = 1 */
    features(s, "aaa", false, NULL, &vec);
    model_score(m, s, &v);
    CHECK(fabs(v.score - 1.0 / (1.0 + exp(-1.0))) < 1e-9 && !v.sensitive,
          "score of aaa: got %.9f, want %.9f", v.score, 1.0 / (1.0 + exp(-1.0)));
    CHECK(v.ntop == 1 && strcmp(v.top[0], "words") == 0, "top: words, got %zu '%s'", v.ntop,
          v.ntop ? v.top[0] : "");
    /* with the evidence: z = 1.5, above 0.8 */
    features(s, "aaa", false, "pair:named+strong", &vec);
    model_score(m, s, &v);
    CHECK(fabs(v.score - 1.0 / (1.0 + exp(-1.5))) < 1e-9 && v.sensitive,
          "score with evidence: got %.9f", v.score);
    CHECK(v.ntop == 2 && strcmp(v.top[0], "words") == 0 &&
              strcmp(v.top[1], "pair:named+strong") == 0,
          "top: words, pair: got %zu", v.ntop);
    /* nothing known: the bias alone */
    features(s, "zzz", false, NULL, &vec);
    model_score(m, s, &v);
    CHECK(fabs(v.score - 1.0 / (1.0 + exp(1.0))) < 1e-9 && v.ntop == 0, "bias alone: %.9f",
          v.score);
    model_free(m);
    model_scratch_free(s);
}

/* the shipped packs in the test folder, with model (or none) beside them */
static struct pack *pack_with(const char *model, char *err, size_t errlen)
{
    char path[512];
    snprintf(path, sizeof path, "%s/model/sluis.model", dir);
    unlink(path);
    if (model)
        write_file("model/sluis.model", model);
    return pack_load(dir, 1, err, errlen);
}

static struct detect_result run(const struct pack *p, struct detect_scratch *s, const char *body)
{
    struct text_segment seg = {body, strlen(body), "body:text/plain", SEG_BODY, 0, false, false};
    struct detect_result r = {0};
    bool to;
    CHECK(detect_message(p, s, &seg, 1, false, 0, &to, &r) == SL_OK, "detect");
    return r;
}

static const struct finding *finding(const struct detect_result *r, const char *rule)
{
    for (size_t i = 0; i < r->nfindings; i++)
        if (strcmp(r->findings[i].rule, rule) == 0)
            return &r->findings[i];
    return NULL;
}

static void test_combination(void)
{
    static char text[4096];
    char err[512], path[512];
    const char *high = "Max Jansen ligt sinds gisteren opgenomen met een longembolie.\n";
    const char *national = "Pieter Jansen 111222333\n";
    const char *medium = "Mevrouw Jansen kreeg gisteren haar ontslagbrief mee.\n";
    const char *dob = "Pieter Jansen, geb. 12-03-1941, heeft COPD.\n";
    const char *plain = "De vergadering is morgen om tien uur in zaal 2.\n";

    snprintf(path, sizeof path, "%s/model", dir);
    CHECK(mkdir(path, 0700) == 0, "mkdir %s", path);
    snprintf(path, sizeof path, "%s/packs", dir);
    CHECK(symlink(SLUIS_RULES_DIR "/packs", path) == 0, "link packs");
    snprintf(path, sizeof path, "%s/lists", dir);
    CHECK(symlink(SLUIS_RULES_DIR "/lists", path) == 0, "link lists");

    /* no model: the rules alone */
    struct pack *p = pack_with(NULL, err, sizeof err);
    CHECK(p != NULL && p->model == NULL, "rules without a model: %s", p ? "" : err);
    if (p == NULL)
        return;
    struct detect_scratch *s = detect_scratch_new(p);
    struct detect_result r = run(p, s, medium);
    CHECK(!r.model_scored && r.sensitive == r.rules_sensitive &&
              r.confidence == r.rules_confidence && r.rules_confidence == CONF_MEDIUM,
          "no model: the rules' verdict, got %s", pack_confidence_name(r.confidence));
    detect_result_free(&r);
    detect_scratch_free(s);
    pack_free(p);

    /* a model that says no to everything: a national identifier next to a
     * name still decides alone */
    model_file(text, sizeof text, -30, 0.5, "weights 0\n");
    p = pack_with(text, err, sizeof err);
    CHECK(p != NULL && p->model != NULL, "rules with a model: %s", p ? "" : err);
    if (p == NULL)
        return;
    s = detect_scratch_new(p);
    r = run(p, s, national);
    CHECK(r.model_scored && !r.model.sensitive && r.rules_confidence >= CONF_MEDIUM &&
              r.sensitive && r.confidence == r.rules_confidence &&
              finding(&r, "model.linear") == NULL,
          "a national identifier decides alone: %s %s", r.sensitive ? "sensitive" : "clean",
          pack_confidence_name(r.confidence));
    detect_result_free(&r);
    /* the rules at high are evidence, not a verdict: the model decides */
    r = run(p, s, high);
    CHECK(r.model_scored && !r.model.sensitive && r.rules_confidence == CONF_HIGH && !r.sensitive &&
              r.confidence == CONF_LOW && finding(&r, "model.linear") == NULL,
          "rules at high, model below threshold: %s %s", r.sensitive ? "sensitive" : "clean",
          pack_confidence_name(r.confidence));
    detect_result_free(&r);
    /* ... and at medium: the model below its threshold makes it clean */
    r = run(p, s, medium);
    CHECK(r.rules_sensitive && r.rules_confidence == CONF_MEDIUM && !r.sensitive &&
              r.confidence == CONF_LOW && r.model.score < 1e-6,
          "model below threshold: got %s %s", r.sensitive ? "sensitive" : "clean",
          pack_confidence_name(r.confidence));
    detect_result_free(&r);
    detect_scratch_free(s);
    pack_free(p);

    /* a model that says yes to everything, with weight on the name's word */
    char w[128];
    snprintf(w, sizeof w, "weights 1\n%u 3\n", model_hash('w', "jansen", 6));
    model_file(text, sizeof text, 30, 0.5, w);
    p = pack_with(text, err, sizeof err);
    CHECK(p != NULL, "model 2: %s", err);
    if (p == NULL)
        return;
    s = detect_scratch_new(p);
    r = run(p, s, plain);
    const struct finding *f = finding(&r, "model.linear");
    CHECK(!r.rules_sensitive && r.model.sensitive && r.sensitive && r.confidence == CONF_MEDIUM &&
              f != NULL && f->confidence == CONF_MEDIUM && strcmp(f->category, "model") == 0,
          "model above threshold decides: %s %s", r.sensitive ? "sensitive" : "clean",
          pack_confidence_name(r.confidence));
    detect_result_free(&r);
    /* the explanation names groups and evidence, never the message's text */
    r = run(p, s, dob);
    f = finding(&r, "model.linear");
    CHECK(f != NULL, "a model finding for the name, date of birth and diagnosis");
    if (f) {
        CHECK(strstr(f->masked, "words") != NULL, "explanation names the words group: '%s'",
              f->masked);
        static const char *const secret[] = {"Jansen", "jansen", "Pieter", "pieter",
                                             "1941",   "12-03",  "COPD",   "copd"};
        for (size_t i = 0; i < NELEM(secret); i++)
            CHECK(strstr(f->masked, secret[i]) == NULL, "explanation shows '%s': '%s'", secret[i],
                  f->masked);
        for (size_t i = 0; i < r.model.ntop; i++)
            CHECK(strstr(r.model.top[i], "jansen") == NULL &&
                      strstr(r.model.top[i], "1941") == NULL,
                  "top feature '%s' holds text", r.model.top[i]);
    }
    detect_result_free(&r);
    detect_scratch_free(s);
    pack_free(p);

    /* reload: a changed file is read by the next pack_load */
    model_file(text, sizeof text, -30, 0.25, "weights 0\n");
    p = pack_with(text, err, sizeof err);
    CHECK(p && p->model && p->model->threshold == 0.25 && p->model->bias == -30, "reloaded");
    s = p ? detect_scratch_new(p) : NULL;
    if (s) {
        r = run(p, s, plain);
        CHECK(!r.sensitive && r.model.score < 1e-6, "the reloaded model scores");
        detect_result_free(&r);
    }
    detect_scratch_free(s);
    pack_free(p);
    /* a bad model fails the load, with its file and line */
    p = pack_with("sluis-model 9\n", err, sizeof err);
    CHECK(p == NULL && strstr(err, "model/sluis.model:1: version 9"), "bad model: '%s'", err);
    pack_free(p);
}

/* the way a message goes: a private mail domain in its addresses is
 * evidence (env:, fwd: for a message inside it), the same domain in its text
 * is not, and the addresses are never text for the rules */
static void test_direction(void)
{
    static char text[4096];
    char err[512], w[256];
    /* a health term, so that the way it goes counts; no person with it */
    const char *body = "De fysiotherapie begint morgen om tien uur.\n";
    uint32_t a = model_hash('e', "env:to-private", 14), b = model_hash('e', "fwd:from-private", 16);
    snprintf(w, sizeof w, "weights 2\n%u 40\n%u 40\n", a < b ? a : b, a < b ? b : a);
    model_file(text, sizeof text, -20, 0.5, w);
    struct pack *p = pack_with(text, err, sizeof err);
    CHECK(p != NULL, "model: %s", err);
    if (p == NULL)
        return;
    struct detect_scratch *s = detect_scratch_new(p);
    static const struct {
        const char *addresses, *text;
        unsigned doc;
        bool sensitive;
        const char *top;
    } cases[] = {
        {"from zorg-example.nl\nto gmail.com\n", NULL, 0, true, "env:to-private"},
        {"from zorg-example.nl\nto apotheek-example.nl\nto telenet.be\n", NULL, 0, true,
         "env:to-private"},
        /* the policy's list and its forms: a subdomain, "gmx.*" */
        {"from zorg-example.nl\nto mail.telenet.be\n", NULL, 0, true, "env:to-private"},
        {"from zorg-example.nl\nto gmx.de\n", NULL, 0, true, "env:to-private"},
        /* from a private address: no weight in this model */
        {"from gmail.com\nto zorg-example.nl\n", NULL, 0, false, NULL},
        {"from hotmail.com\nto zorg-example.nl\n", NULL, 1, true, "fwd:from-private"},
        /* a private domain in the text, or inside a longer domain, is none */
        {"from zorg-example.nl\nto huisarts-example.nl\n", "Mail naar jan@gmail.com graag.\n", 0,
         false, NULL},
        {"from zorg-example.nl\nto mygmail.com\nto gmail.com.example.nl\n", NULL, 0, false, NULL},
        /* between private addresses, saying nothing: no evidence at all */
        {"from outlook.com\nto gmail.com\n", "test\n", 0, false, NULL},
        /* a sentence or more without a listed health term still counts */
        {"from zorg-example.nl\nto gmail.com\n",
         "Dank voor uw bericht van gisteren, ik kom graag volgende week dinsdag langs om alles "
         "rustig door te nemen.\n",
         0, true, "env:to-private"},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        const char *t = cases[i].text ? cases[i].text : body;
        struct text_segment segs[] = {
            {t, strlen(t), "body:text/plain", SEG_BODY, 0, false, false},
            {cases[i].addresses, strlen(cases[i].addresses), "header:addresses", SEG_ADDRESSES,
             cases[i].doc, false, false},
        };
        struct detect_result r = {0};
        bool to;
        CHECK(detect_message(p, s, segs, NELEM(segs), false, 0, &to, &r) == SL_OK, "detect %zu", i);
        bool top = false;
        for (size_t k = 0; cases[i].top && k < r.model.ntop; k++)
            top |= strcmp(r.model.top[k], cases[i].top) == 0;
        CHECK(r.sensitive == cases[i].sensitive && (cases[i].top == NULL || top) &&
                  !r.rules_sensitive,
              "addresses %zu: %s, rules %s", i, r.sensitive ? "sensitive" : "clean",
              r.rules_sensitive ? "sensitive" : "clean");
        detect_result_free(&r);
    }
    /* the addresses are no text: a surname and a diagnosis in a domain
     * make no finding */
    const char *dom = "from jansen-example.nl\nto copd-example.nl\nto diabetes.nl\n";
    struct text_segment only = {dom,   strlen(dom), "header:addresses", SEG_ADDRESSES, 0,
                                false, false};
    struct detect_result r = {0};
    bool to;
    CHECK(detect_message(p, s, &only, 1, false, 0, &to, &r) == SL_OK && r.nfindings == 0 &&
              r.rules_confidence == CONF_NONE,
          "addresses read as text: %zu findings", r.nfindings);
    detect_result_free(&r);
    detect_scratch_free(s);
    pack_free(p);
}

int main(void)
{
    snprintf(dir, sizeof dir, "%s/test_model.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    test_features();
    test_file();
    test_score();
    test_combination();
    test_direction();
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_summary("test_model");
}
