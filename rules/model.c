/*
 * model - hashed features of a message, the model file, the linear score.
 * See model.h for the feature design and rules/README.md for the file.
 *
 * The scratch keeps one dense array of a count byte per bucket (2^18) and a
 * list of the buckets a message touched, each under the group that hit it
 * first. A token's features are hashed into a batch (the word and bigram
 * hash chains run as its bytes are read) and a batch is counted (a byte
 * increment each, nothing else). model_finish then moves each touched
 * bucket's count into its entry of the list (clearing the byte for the next
 * message) and takes each group's sum of squares (and, with a model, its
 * weighted sum) from the final counts: one term lt[c]^2 (w[b] * lt[c]) per
 * touched bucket, in the order the buckets were first touched. The sums are the same as adding the
 * terms count by count up to the last float place (a value differs from
 * that way by a rounding at most, far below 1e-6 relative). Nothing is
 * allocated per token (the buffers grow once), and the bucket bytes a
 * message touched are cleared as its counts are read. Thread safety:
 * a scratch is one thread's; a model is read-only. Input limits: text
 * features read at most MODEL_TEXT_CAP folded bytes per message; tokens are
 * cut at TOKEN_MAX bytes; evidence at MODEL_MAX_EVIDENCE names. The model
 * file is read whole up to MODEL_MAX_BYTES and checked line by line.
 */
#include "model.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/file.h"

#define TOKEN_MAX    64
#define COUNT_MAX    63 /* a feature's count saturates here (1 + ln 63 at most) */
#define EVIDENCE_LEN 64
#define FNV_BASIS    2166136261u
#define FNV_PRIME    16777619u
#define KEYS_MAX     2048 /* features gathered before they are counted */
#define AHEAD        16   /* count_keys fetches the bucket of the key this far ahead */
#define KEY_MASK     (4u * MODEL_BUCKETS - 1) /* a touched entry's key: group, bucket */
#define COUNT_SHIFT  24                       /* a touched entry's count, after finish */
#define W_AHEAD      32 /* sum_counts fetches the weight of the entry this far ahead */
#define EV_SLOTS     (2 * MODEL_MAX_EVIDENCE) /* open addressing: never full */

/* the spec lines a model file must carry, word for word (`sluis model spec`) */
const char *const model_spec_lines[] = {
    "hash fnv1a-32 words pairs subject evidence; mul64-packed chars",
    "buckets 262144",
    "features words=w+b chars=c(3-5,wb) subject=s evidence=e",
    "normalise 1+ln(count) then l2 per group; evidence 1",
    "text-cap 65536",
    NULL,
};

struct entry {
    uint32_t idx;
    float val;
};

struct model_scratch {
    uint8_t *count;    /* per bucket, saturating at 255; all 0 between messages */
    uint32_t *touched; /* keys: group * MODEL_BUCKETS + bucket; after finish its
                        * count (at most 255) in bits COUNT_SHIFT and up */
    size_t ntouched, cap;
    struct entry *vec; /* the merged vector */
    uint32_t *vidx;
    float *vval;
    size_t nvec, veccap;
    bool merged;                  /* vidx/vval hold the vector of the last finish */
    bool counted;                 /* count[] holds this message's counts */
    bool finished;                /* model_finish moved them into touched[] */
    const struct model *parts_of; /* part[] is this model's sum per group */
    const float *w;               /* its weights, or NULL */
    double raw[MODEL_GROUPS], sumsq[MODEL_GROUPS], inv[MODEL_GROUPS], part[MODEL_GROUPS];
    double lt[256];                  /* 1 + ln(min(count, COUNT_MAX)), 0 for 0 */
    double sq[256];                  /* lt[c]^2 */
    uint32_t keys[KEYS_MAX + AHEAD]; /* features of the tokens not yet counted */
    size_t nkeys;
    unsigned char map[256]; /* a byte of a token as a token holds it (digits 0), 0 for none */
    char ev[MODEL_MAX_EVIDENCE][EVIDENCE_LEN];
    uint32_t evidx[MODEL_MAX_EVIDENCE];
    uint32_t evhash[MODEL_MAX_EVIDENCE]; /* full 32-bit hash, for duplicates */
    uint16_t evslot[EV_SLOTS];           /* 1 + the index of a name, by its hash; 0 empty */
    size_t nev;
    size_t text_used;
    bool oom;
};

static inline uint32_t fnv_byte(uint32_t h, unsigned char b)
{
    return (h ^ b) * FNV_PRIME;
}

static uint32_t fnv_prefix(char fam)
{
    return fnv_byte(fnv_byte(FNV_BASIS, (unsigned char)fam), 0x1F);
}

/* ngram_hash - a character n-gram (3 to 5 bytes): its bytes packed
 * little-endian into a 64-bit word with 'c' in byte 6 and the length in byte
 * 7, times 0x9E3779B97F4A7C15, bits 32 and up. One multiply, no chain of
 * them: character n-grams are most of the features. */
static inline uint32_t ngram_hash(uint64_t packed, size_t len)
{
    uint64_t v = packed | (uint64_t)'c' << 48 | (uint64_t)len << 56;
    return (uint32_t)((v * 0x9E3779B97F4A7C15ull) >> 32);
}

uint32_t model_hash(char fam, const char *bytes, size_t len)
{
    if (fam == 'c' && len >= 3 && len <= 5) {
        uint64_t v = 0;
        for (size_t i = 0; i < len; i++)
            v |= (uint64_t)(unsigned char)bytes[i] << (8 * i);
        return ngram_hash(v, len) & (MODEL_BUCKETS - 1);
    }
    uint32_t h = fnv_prefix(fam);
    for (size_t i = 0; i < len; i++)
        h = fnv_byte(h, (unsigned char)bytes[i]);
    return h & (MODEL_BUCKETS - 1);
}

struct model_scratch *model_scratch_new(void)
{
    struct model_scratch *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->count = calloc(MODEL_BUCKETS, sizeof *s->count);
    if (s->count == NULL) {
        free(s);
        return NULL;
    }
    for (int i = 1; i < 256; i++)
        s->lt[i] = 1.0 + log((double)(i < COUNT_MAX ? i : COUNT_MAX));
    for (int c = 0; c < 256; c++)
        s->sq[c] = s->lt[c] * s->lt[c];
    for (int c = 0; c < 256; c++)
        s->map[c] = (unsigned char)(c >= '0' && c <= '9'                  ? '0'
                                    : (c >= 'a' && c <= 'z') || c >= 0x80 ? c
                                                                          : 0);
    return s;
}

void model_scratch_free(struct model_scratch *s)
{
    if (s == NULL)
        return;
    free(s->count);
    free(s->touched);
    free(s->vec);
    free(s->vidx);
    free(s->vval);
    free(s);
}

void model_begin(struct model_scratch *s, const struct model *m)
{
    /* model_finish left count[] clear; a message it did not finish did not */
    uint8_t *count = s->count;
    const uint32_t *touched = s->touched;
    for (size_t i = 0, n = s->counted ? s->ntouched : 0; i < n; i++)
        count[touched[i] % MODEL_BUCKETS] = 0;
    s->counted = s->finished = false;
    s->ntouched = s->nvec = s->nev = s->text_used = s->nkeys = 0;
    memset(s->evslot, 0, sizeof s->evslot);
    s->oom = s->merged = false;
    s->parts_of = m;
    s->w = m ? m->w : NULL;
    for (int g = 0; g < MODEL_GROUPS; g++)
        s->raw[g] = s->sumsq[g] = s->part[g] = s->inv[g] = 0;
}

/* grow - room for n more entries in *arr (capacity *cap, used *used) */
static bool grow(uint32_t **arr, size_t *cap, size_t used, size_t n)
{
    if (used + n <= *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 4096;
    while (ncap < used + n)
        ncap *= 2;
    uint32_t *t = realloc(*arr, ncap * sizeof *t);
    if (t == NULL)
        return false;
    *arr = t;
    *cap = ncap;
    return true;
}

/* count_keys - count the gathered features (keys: group * MODEL_BUCKETS +
 * bucket), in the order they were gathered. A bucket's byte holds its count
 * (saturating at 255); a bucket met for the first time (count 0) joins the
 * touched list with its key: the group that hit it first in this message.
 * Nothing but the bucket bytes (a quarter megabyte, fetched ahead) is
 * touched, and no branch depends on the text. */
static void count_keys(struct model_scratch *s)
{
    size_t n = s->nkeys;
    const uint32_t *keys = s->keys;
    s->nkeys = 0;
    if (n == 0)
        return;
    if (!grow(&s->touched, &s->cap, s->ntouched, n + W_AHEAD)) {
        s->oom = true;
        return;
    }
    s->counted = true;
    uint8_t *count = s->count;
    uint32_t *touched = s->touched;
    size_t nt = s->ntouched;
    for (size_t i = 0; i < n; i++) {
        /* past n: an old key or 0, a bucket all the same */
        __builtin_prefetch(&count[keys[i + AHEAD] % MODEL_BUCKETS], 1);
        uint32_t key = keys[i], b = key % MODEL_BUCKETS;
        unsigned c = count[b];
        touched[nt] = key;
        nt += c == 0; /* no branch: a fresh bucket is a coin toss */
        count[b] = (uint8_t)(c + (c != 255));
    }
    s->ntouched = nt;
    memset(touched + nt, 0, W_AHEAD * sizeof *touched); /* what sum_counts reads ahead */
}

/* sum_counts - the groups' sums of squares and, with a model, weighted sums,
 * from the final counts: per touched bucket b of group g with count c,
 * sumsq[g] += lt[c]^2 and raw[g] += w[b] * lt[c], in the order the buckets
 * were first touched. The weights are fetched ahead. Each count moves into
 * its touched entry and its bucket's byte is cleared for the next message
 * (the byte is at hand: no second pass over the buckets at model_begin). */
static inline void sum_loop(struct model_scratch *s, bool from_count, bool weighed)
{
    uint32_t *touched = s->touched;
    uint8_t *count = s->count;
    const float *w = s->w;
    const double *lt = s->lt, *sq = s->sq;
    size_t n = s->ntouched;
    double q[MODEL_GROUPS + 1] = {0}, r[MODEL_GROUPS + 1] = {0};
    for (size_t i = 0; i < n; i++) {
        /* past n: zeros (grow_touched), bucket 0 all the same */
        if (weighed)
            __builtin_prefetch(&w[touched[i + W_AHEAD] % MODEL_BUCKETS]);
        uint32_t t = touched[i], b = t % MODEL_BUCKETS, g = (t & KEY_MASK) / MODEL_BUCKETS, c;
        if (from_count) {
            c = count[b];
            count[b] = 0;
            touched[i] = t | c << COUNT_SHIFT;
        } else {
            c = t >> COUNT_SHIFT;
        }
        q[g] += sq[c];
        if (weighed)
            r[g] += (double)w[b] * lt[c];
    }
    for (int g = 0; g < MODEL_GROUPS; g++) {
        s->sumsq[g] = q[g];
        s->raw[g] = r[g];
    }
}

static void sum_counts(struct model_scratch *s)
{
    if (s->counted && s->w != NULL)
        sum_loop(s, true, true);
    else if (s->counted)
        sum_loop(s, true, false);
    else if (s->w != NULL)
        sum_loop(s, false, true);
    else
        sum_loop(s, false, false);
    s->counted = false;
}

static inline uint32_t fnv_bytes(uint32_t h, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = fnv_byte(h, p[i]);
    return h;
}

#define KEY(g, hash) ((uint32_t)(g)*MODEL_BUCKETS + ((hash) & (MODEL_BUCKETS - 1)))

/* token - gather the features of one token of n bytes (digits already
 * shapes) at pad + 1, after a space, with room for 8 more bytes: hw is its
 * word hash, hb its bigram hash with the token before (when have_prev);
 * model_text runs their chains as it reads the bytes */
static void token(struct model_scratch *s, unsigned char *pad, size_t n, uint32_t hw, uint32_t hb,
                  bool have_prev, bool subject)
{
    if (s->nkeys + 3 + 3 * (TOKEN_MAX + 2) > KEYS_MAX)
        count_keys(s);
    uint32_t *keys = s->keys + s->nkeys;
    size_t k = 0;
    keys[k++] = KEY(MODEL_WORDS, hw);
    if (subject)
        keys[k++] = KEY(MODEL_SUBJECT, fnv_bytes(fnv_prefix('s'), pad + 1, n));
    if (have_prev)
        keys[k++] = KEY(MODEL_WORDS, hb);
    /* char_wb: n-grams of " tok " that fit, 3 to 5 bytes; not of words of
     * one or two bytes ("de", "is", "00"): their word feature says it all */
    if (n >= 3) {
        size_t pn = n + 2; /* what lies past pad[pn - 1] is masked off */
        pad[n + 1] = ' ';
        size_t i = 0;
        for (; i + 5 <= pn; i++) {
            uint64_t v;
            memcpy(&v, pad + i, sizeof v); /* little-endian hosts (x86-64, arm64) */
            keys[k] = KEY(MODEL_CHARS, ngram_hash(v & 0xFFFFFFull, 3));
            keys[k + 1] = KEY(MODEL_CHARS, ngram_hash(v & 0xFFFFFFFFull, 4));
            keys[k + 2] = KEY(MODEL_CHARS, ngram_hash(v & 0xFFFFFFFFFFull, 5));
            k += 3;
        }
        /* the last two positions: a 3- and a 4-gram, then a 3-gram */
        uint64_t v;
        memcpy(&v, pad + i, sizeof v);
        keys[k++] = KEY(MODEL_CHARS, ngram_hash(v & 0xFFFFFFull, 3));
        keys[k++] = KEY(MODEL_CHARS, ngram_hash(v & 0xFFFFFFFFull, 4));
        memcpy(&v, pad + i + 1, sizeof v);
        keys[k++] = KEY(MODEL_CHARS, ngram_hash(v & 0xFFFFFFull, 3));
    }
    s->nkeys += k;
}
#undef KEY

void model_text(struct model_scratch *s, const char *text, size_t len, bool subject)
{
    unsigned char pad[1 + TOKEN_MAX + 1 + 8] = {' '}; /* " token " and room to read 8 bytes */
    unsigned char *tok = pad + 1;
    const unsigned char *t = (const unsigned char *)text, *map = s->map;
    uint32_t pair = 0; /* the bigram hash of the token before and a space */
    bool have_prev = false;
    if (s->finished || s->text_used >= MODEL_TEXT_CAP) /* finished: until model_begin */
        return;
    if (len > MODEL_TEXT_CAP - s->text_used)
        len = MODEL_TEXT_CAP - s->text_used;
    s->text_used += len;
    for (size_t i = 0; i < len;) {
        unsigned char o = map[t[i]];
        if (o == 0) {
            i++;
            continue;
        }
        /* the word's hash, its bigram's and the next bigram's, side by side */
        uint32_t hw = fnv_prefix('w'), hb = pair, hn = fnv_prefix('b');
        size_t n = 0;
        do {
            if (n < TOKEN_MAX) {
                tok[n++] = o;
                hw = fnv_byte(hw, o);
                hb = fnv_byte(hb, o);
                hn = fnv_byte(hn, o);
            }
            i++;
        } while (i < len && (o = map[t[i]]) != 0);
        token(s, pad, n, hw, hb, have_prev, subject);
        pair = fnv_byte(hn, ' ');
        have_prev = true;
    }
    count_keys(s);
}

void model_evidence(struct model_scratch *s, const char *name)
{
    /* its length (at most EVIDENCE_LEN - 1) and its hash in one pass */
    size_t n = 0;
    uint32_t h = fnv_prefix('e');
    for (; n < EVIDENCE_LEN - 1 && name[n] != '\0'; n++)
        h = fnv_byte(h, (unsigned char)name[n]);
    /* a name met before: same hash, then the same bytes (a table of
     * EV_SLOTS slots, at most half full, found by the hash) */
    size_t j = h % EV_SLOTS;
    for (; s->evslot[j] != 0; j = (j + 1) % EV_SLOTS) {
        size_t i = s->evslot[j] - 1u;
        if (s->evhash[i] == h && strncmp(s->ev[i], name, n) == 0 && s->ev[i][n] == '\0')
            return;
    }
    if (s->nev >= MODEL_MAX_EVIDENCE)
        return;
    s->evslot[j] = (uint16_t)(s->nev + 1);
    memcpy(s->ev[s->nev], name, n);
    s->ev[s->nev][n] = '\0';
    s->evhash[s->nev] = h;
    s->evidx[s->nev++] = h & (MODEL_BUCKETS - 1);
}

enum sl_status model_finish(struct model_scratch *s)
{
    s->nvec = 0;
    s->merged = false;
    count_keys(s);
    if (s->oom)
        return SL_ENOMEM;
    sum_counts(s);
    s->finished = true;
    for (int g = 0; g < MODEL_GROUPS; g++) {
        s->inv[g] = s->sumsq[g] > 0 ? 1.0 / sqrt(s->sumsq[g]) : 0;
        s->part[g] = s->raw[g] * s->inv[g];
    }
    return SL_OK;
}

/* value - the normalised value of touched entry i (its count is in the
 * entry since model_finish) */
static double value(const struct model_scratch *s, size_t i)
{
    uint32_t t = s->touched[i];
    return s->lt[t >> COUNT_SHIFT] * s->inv[(t & KEY_MASK) / MODEL_BUCKETS];
}

static int cmp_entry(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

enum sl_status model_vector(struct model_scratch *s, const uint32_t **idx, const float **val,
                            size_t *n)
{
    size_t need = s->ntouched + s->nev;
    if (!s->merged) {
        if (need > s->veccap) {
            size_t ncap = need + need / 2 + 64;
            struct entry *v = realloc(s->vec, ncap * sizeof *v);
            if (v != NULL)
                s->vec = v;
            uint32_t *vi = realloc(s->vidx, ncap * sizeof *vi);
            if (vi != NULL)
                s->vidx = vi;
            float *vv = realloc(s->vval, ncap * sizeof *vv);
            if (vv != NULL)
                s->vval = vv;
            if (v == NULL || vi == NULL || vv == NULL)
                return SL_ENOMEM;
            s->veccap = ncap;
        }
        size_t k = 0, m = 0;
        for (size_t i = 0; i < s->ntouched; i++)
            s->vec[k++] = (struct entry){s->touched[i] % MODEL_BUCKETS, (float)value(s, i)};
        for (size_t i = 0; i < s->nev; i++)
            s->vec[k++] = (struct entry){s->evidx[i], 1.0f};
        if (k > 1)
            qsort(s->vec, k, sizeof *s->vec, cmp_entry);
        for (size_t i = 0; i < k; i++) {
            if (m > 0 && s->vidx[m - 1] == s->vec[i].idx) {
                s->vval[m - 1] += s->vec[i].val;
            } else {
                s->vidx[m] = s->vec[i].idx;
                s->vval[m++] = s->vec[i].val;
            }
        }
        s->nvec = m;
        s->merged = true;
    }
    *idx = s->vidx;
    *val = s->vval;
    *n = s->nvec;
    return SL_OK;
}

/* shown_name - the name an explanation shows: a rule id without its
 * "rule:" prefix and "@confidence" suffix */
static void shown_name(const char *name, char *out, size_t outlen)
{
    const char *b = strncmp(name, "rule:", 5) == 0 ? name + 5 : name;
    const char *at = strncmp(name, "rule:", 5) == 0 ? strrchr(b, '@') : NULL;
    size_t n = at ? (size_t)(at - b) : strlen(b);
    if (n >= outlen)
        n = outlen - 1;
    memcpy(out, b, n);
    out[n] = '\0';
}

void model_score(const struct model *m, const struct model_scratch *s, struct model_verdict *v)
{
    static const char *const group_name[MODEL_GROUPS] = {"words", "chars", "subject"};
    double z = m->bias, part[MODEL_GROUPS] = {0};
    /* the same sum as over model_vector's merged entries, in another order;
     * model_finish made it already when it was given m */
    if (s->parts_of == m)
        memcpy(part, s->part, sizeof part);
    for (size_t i = 0; s->parts_of != m && i < s->ntouched; i++)
        part[(s->touched[i] & KEY_MASK) / MODEL_BUCKETS] +=
            (double)m->w[s->touched[i] % MODEL_BUCKETS] * value(s, i);
    for (int g = 0; g < MODEL_GROUPS; g++)
        z += part[g];
    for (size_t i = 0; i < s->nev; i++)
        z += (double)m->w[s->evidx[i]];
    v->score = 1.0 / (1.0 + exp(-z));
    v->sensitive = v->score >= m->threshold;
    /* the top positive contributions: groups and evidence names */
    struct {
        double c;
        const char *name;
    } best[MODEL_TOP] = {{0, NULL}};
    size_t nb = 0;
    for (size_t i = 0; i < MODEL_GROUPS + s->nev; i++) {
        double c = i < MODEL_GROUPS ? part[i] : (double)m->w[s->evidx[i - MODEL_GROUPS]];
        const char *name = i < MODEL_GROUPS ? group_name[i] : s->ev[i - MODEL_GROUPS];
        if (c <= 0)
            continue;
        size_t k = nb < MODEL_TOP ? nb++ : MODEL_TOP;
        if (k == MODEL_TOP) {
            if (c <= best[MODEL_TOP - 1].c)
                continue;
            k = MODEL_TOP - 1;
        }
        while (k > 0 && best[k - 1].c < c) {
            best[k] = best[k - 1];
            k--;
        }
        best[k].c = c;
        best[k].name = name;
    }
    v->ntop = nb;
    for (size_t i = 0; i < nb; i++)
        shown_name(best[i].name, v->top[i], sizeof v->top[i]);
}

/* ---- the model file ---- */

void model_free(struct model *m)
{
    if (m == NULL)
        return;
    free(m->w);
    free(m);
}

static bool parse_double(const char *s, double *out)
{
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    return end != s && *end == '\0' && errno == 0 && isfinite(*out);
}

static bool parse_size(const char *s, unsigned long long max, unsigned long long *out)
{
    char *end;
    if (*s < '0' || *s > '9')
        return false;
    errno = 0;
    *out = strtoull(s, &end, 10);
    return *end == '\0' && errno == 0 && *out <= max;
}

/* read_model - the whole file, at most MODEL_MAX_BYTES; the error names the
 * path. "-" is a file of that name here, never standard input. */
static char *read_model(const char *path, size_t *len, char *err, size_t errlen)
{
    char why[128];
    char *buf =
        file_read_all(strcmp(path, "-") == 0 ? "./-" : path, MODEL_MAX_BYTES, len, why, sizeof why);
    if (buf == NULL)
        snprintf(err, errlen, "%s: %s", path, why);
    return buf;
}

enum { K_BIAS, K_THRESHOLD, K_PROVENANCE, K_SPEC0 };

struct model *model_load(const char *path, char *err, size_t errlen)
{
    size_t len, nspec = 0;
    char *buf = read_model(path, &len, err, errlen);
    if (buf == NULL)
        return NULL;
    while (model_spec_lines[nspec])
        nspec++;
    struct model *m = calloc(1, sizeof *m);
    bool seen[K_SPEC0 + 8] = {0};
    unsigned long long want = 0, got = 0, last = 0;
    bool in_weights = false, ok = true;
    unsigned line = 0;
    char why[160] = "";

    if (m == NULL || (m->w = calloc(MODEL_BUCKETS, sizeof *m->w)) == NULL) {
        snprintf(err, errlen, "%s: out of memory", path);
        free(buf);
        model_free(m);
        return NULL;
    }
    for (char *p = buf, *nl; ok && p < buf + len; p = nl + 1) {
        nl = memchr(p, '\n', (size_t)(buf + len - p));
        if (nl == NULL) {
            line++;
            snprintf(why, sizeof why, "the last line has no newline");
            ok = false;
            break;
        }
        *nl = '\0';
        line++;
        if (memchr(p, '\0', (size_t)(nl - p)) != NULL || memchr(p, '\r', (size_t)(nl - p))) {
            snprintf(why, sizeof why, "a NUL or CR byte");
            ok = false;
        } else if (line == 1) {
            char ver[32];
            if (sscanf(p, "sluis-model %31s", ver) != 1) {
                snprintf(why, sizeof why, "not a sluis model (want 'sluis-model %d')",
                         MODEL_VERSION);
                ok = false;
            } else if (strcmp(ver, "1") != 0) {
                snprintf(why, sizeof why, "version %.20s, this build reads version %d", ver,
                         MODEL_VERSION);
                ok = false;
            } else
                snprintf(m->version, sizeof m->version, "%s", ver);
        } else if (in_weights) {
            char *sp = strchr(p, ' ');
            unsigned long long idx;
            double w;
            if (sp == NULL) {
                snprintf(why, sizeof why, "want 'INDEX WEIGHT'");
                ok = false;
                continue;
            }
            *sp = '\0';
            if (got >= want) {
                snprintf(why, sizeof why, "more weights than the %llu announced", want);
                ok = false;
            } else if (!parse_size(p, MODEL_BUCKETS - 1, &idx)) {
                snprintf(why, sizeof why, "bad index '%.20s' (0..%u)", p, MODEL_BUCKETS - 1);
                ok = false;
            } else if (got > 0 && idx <= last) {
                snprintf(why, sizeof why, "index %llu not above the one before (%llu)", idx, last);
                ok = false;
            } else if (!parse_double(sp + 1, &w)) {
                snprintf(why, sizeof why, "bad weight '%.20s'", sp + 1);
                ok = false;
            } else {
                m->w[idx] = (float)w;
                last = idx;
                got++;
            }
        } else if (p[0] == '#') {
            continue;
        } else {
            char *sp = strchr(p, ' ');
            size_t klen = sp ? (size_t)(sp - p) : strlen(p);
            const char *val = sp ? sp + 1 : "";
            int k = -1;
            for (size_t i = 0; i < nspec && k < 0; i++) {
                size_t sl = strcspn(model_spec_lines[i], " ");
                if (sl == klen && memcmp(p, model_spec_lines[i], klen) == 0) {
                    k = K_SPEC0 + (int)i;
                    if (strcmp(p, model_spec_lines[i]) != 0) {
                        snprintf(why, sizeof why, "this build computes '%s'", model_spec_lines[i]);
                        ok = false;
                    }
                }
            }
            if (k >= 0) {
                /* a spec line, checked above */
            } else if (klen == 4 && memcmp(p, "bias", 4) == 0) {
                k = K_BIAS;
                if (!parse_double(val, &m->bias))
                    snprintf(why, sizeof why, "bad bias '%.20s'", val), ok = false;
            } else if (klen == 9 && memcmp(p, "threshold", 9) == 0) {
                k = K_THRESHOLD;
                if (!parse_double(val, &m->threshold) || m->threshold < 0 || m->threshold > 1)
                    snprintf(why, sizeof why, "bad threshold '%.20s' (0..1)", val), ok = false;
            } else if (klen == 10 && memcmp(p, "provenance", 10) == 0) {
                k = K_PROVENANCE;
                if (*val == '\0')
                    snprintf(why, sizeof why, "empty provenance"), ok = false;
                snprintf(m->provenance, sizeof m->provenance, "%s", val);
            } else if (klen == 7 && memcmp(p, "weights", 7) == 0) {
                for (int i = 0; ok && i < K_SPEC0 + (int)nspec; i++)
                    if (!seen[i]) {
                        static const char *const names[] = {"bias", "threshold", "provenance"};
                        const char *nm = i < K_SPEC0 ? names[i] : model_spec_lines[i - K_SPEC0];
                        snprintf(why, sizeof why, "'weights' before the '%.*s' line",
                                 (int)strcspn(nm, " "), nm);
                        ok = false;
                    }
                if (ok && !parse_size(val, MODEL_BUCKETS, &want)) {
                    snprintf(why, sizeof why, "bad weight count '%.20s' (0..%u)", val,
                             MODEL_BUCKETS);
                    ok = false;
                }
                in_weights = true;
                continue;
            } else {
                snprintf(why, sizeof why, "unknown line '%.*s'", (int)(klen < 24 ? klen : 24), p);
                ok = false;
            }
            if (ok && k >= 0) {
                if (seen[k]) {
                    snprintf(why, sizeof why, "'%.*s' given twice", (int)klen, p);
                    ok = false;
                }
                seen[k] = true;
            }
        }
    }
    if (ok && !in_weights) {
        line++;
        snprintf(why, sizeof why, "no 'weights' line");
        ok = false;
    } else if (ok && got != want) {
        line++;
        snprintf(why, sizeof why, "%llu weights, the file announced %llu", got, want);
        ok = false;
    }
    free(buf);
    if (!ok) {
        snprintf(err, errlen, "%s:%u: %s", path, line, why);
        model_free(m);
        return NULL;
    }
    m->nweights = (size_t)got;
    return m;
}
