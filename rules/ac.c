/*
 * ac - Aho-Corasick multi-literal matcher. See ac.h.
 *
 * Building uses a hash of (state, byte) -> child; ac_compile() turns it into
 * sorted edge arrays, computes failure links breadth-first and the
 * "dictionary suffix" link of each state (the nearest state along the failure
 * chain that ends a term), and then frees the hash.
 */
#include "ac.h"

#include "fold.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct term {
    uint32_t value;
    uint32_t len;
    int32_t next; /* next term ending in the same state, or -1 */
};

struct walk_edge {
    uint8_t byte;
    uint16_t count; /* the child's edges: walk[first .. first + count) */
    int32_t out;    /* the first term ending in the child, or -1 */
    int32_t first;
};

struct ac {
    /* per state */
    int32_t *fail;
    int32_t *edge_first; /* index into edge_byte/edge_to */
    uint16_t *edge_count;
    int32_t *out;  /* first term ending here, or -1 */
    int32_t *dict; /* nearest state on the failure chain with out >= 0, or -1 */
    size_t nstates, cap_states;
    /* edges, sorted by byte per state after compile */
    uint8_t *edge_byte;
    int32_t *edge_to;
    size_t nedges;
    int32_t root[256];
    /* full transition rows for the states nearest the root (depth <= 2),
     * where a scan spends most of its time: one load per byte there */
    int32_t *dense_idx; /* per state: row number, or -1 */
    int32_t *dense;     /* rows of 256 */
    /* the trie alone, for ac_scan_words(): per edge (parallel to edge_byte
     * and edge_to) what a walk needs of the child it leads to, so that one
     * step reads one small record; walk_root[b] is the root's edge on byte
     * b, or -1 */
    struct walk_edge *walk;
    int32_t walk_root[256];
    int32_t *walk2; /* [b1 << 8 | b2]: the edge reached from the root by b1 b2, or -1 */
    /* terms */
    struct term *terms;
    size_t nterms, cap_terms;
    /* build-time hash: key (state << 8 | byte) + 1, 0 = empty */
    uint64_t *hkey;
    int32_t *hval;
    size_t hcap, hused;
    bool compiled;
};

static uint64_t hash64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

static int32_t hash_get(const struct ac *ac, int32_t state, uint8_t byte)
{
    uint64_t key = (((uint64_t)state << 8) | byte) + 1;
    size_t mask = ac->hcap - 1;
    for (size_t i = hash64(key) & mask;; i = (i + 1) & mask) {
        if (ac->hkey[i] == key)
            return ac->hval[i];
        if (ac->hkey[i] == 0)
            return -1;
    }
}

static enum sl_status hash_put(struct ac *ac, int32_t state, uint8_t byte, int32_t child)
{
    if ((ac->hused + 1) * 2 > ac->hcap) {
        size_t ncap = ac->hcap ? ac->hcap * 2 : 1024;
        uint64_t *nk = calloc(ncap, sizeof *nk);
        int32_t *nv = malloc(ncap * sizeof *nv);
        if (nk == NULL || nv == NULL) {
            free(nk);
            free(nv);
            return SL_ENOMEM;
        }
        for (size_t i = 0; i < ac->hcap; i++) {
            if (ac->hkey[i] == 0)
                continue;
            size_t j = hash64(ac->hkey[i]) & (ncap - 1);
            while (nk[j] != 0)
                j = (j + 1) & (ncap - 1);
            nk[j] = ac->hkey[i];
            nv[j] = ac->hval[i];
        }
        free(ac->hkey);
        free(ac->hval);
        ac->hkey = nk;
        ac->hval = nv;
        ac->hcap = ncap;
    }
    uint64_t key = (((uint64_t)state << 8) | byte) + 1;
    size_t mask = ac->hcap - 1;
    size_t i = hash64(key) & mask;
    while (ac->hkey[i] != 0)
        i = (i + 1) & mask;
    ac->hkey[i] = key;
    ac->hval[i] = child;
    ac->hused++;
    return SL_OK;
}

static enum sl_status new_state(struct ac *ac, int32_t *id)
{
    if (ac->nstates == ac->cap_states) {
        size_t ncap = ac->cap_states ? ac->cap_states * 2 : 256;
        int32_t *f = realloc(ac->fail, ncap * sizeof *f);
        if (f == NULL)
            return SL_ENOMEM;
        ac->fail = f;
        int32_t *o = realloc(ac->out, ncap * sizeof *o);
        if (o == NULL)
            return SL_ENOMEM;
        ac->out = o;
        ac->cap_states = ncap;
    }
    ac->fail[ac->nstates] = 0;
    ac->out[ac->nstates] = -1;
    *id = (int32_t)ac->nstates++;
    return SL_OK;
}

struct ac *ac_new(void)
{
    struct ac *ac = calloc(1, sizeof *ac);
    int32_t root;
    if (ac == NULL)
        return NULL;
    if (new_state(ac, &root) != SL_OK) {
        ac_free(ac);
        return NULL;
    }
    return ac;
}

enum sl_status ac_add(struct ac *ac, const char *pat, size_t len, uint32_t value)
{
    int32_t s = 0;
    enum sl_status st;

    if (len == 0 || len > UINT32_MAX || ac->compiled)
        return SL_EINVAL;
    for (size_t i = 0; i < len; i++) {
        uint8_t b = (uint8_t)pat[i];
        int32_t t = ac->hcap ? hash_get(ac, s, b) : -1;
        if (t < 0) {
            if ((st = new_state(ac, &t)) != SL_OK)
                return st;
            if ((st = hash_put(ac, s, b, t)) != SL_OK)
                return st;
        }
        s = t;
    }
    if (ac->nterms == ac->cap_terms) {
        size_t ncap = ac->cap_terms ? ac->cap_terms * 2 : 256;
        struct term *t = realloc(ac->terms, ncap * sizeof *t);
        if (t == NULL)
            return SL_ENOMEM;
        ac->terms = t;
        ac->cap_terms = ncap;
    }
    ac->terms[ac->nterms] = (struct term){value, (uint32_t)len, ac->out[s]};
    ac->out[s] = (int32_t)ac->nterms++;
    return SL_OK;
}

/* goto_edge - the child of s on byte b, or -1 */
static inline int32_t goto_edge(const struct ac *ac, int32_t s, uint8_t b)
{
    const uint8_t *bytes = ac->edge_byte + ac->edge_first[s];
    size_t lo = 0, hi = ac->edge_count[s];
    if (hi <= 8) {
        for (size_t i = 0; i < hi; i++)
            if (bytes[i] == b)
                return ac->edge_to[ac->edge_first[s] + (int32_t)i];
        return -1;
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (bytes[mid] < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < ac->edge_count[s] && bytes[lo] == b)
        return ac->edge_to[ac->edge_first[s] + (int32_t)lo];
    return -1;
}

static inline int32_t step(const struct ac *ac, int32_t s, uint8_t b)
{
    for (;;) {
        if (s == 0)
            return ac->root[b];
        if (ac->dense && ac->dense_idx[s] >= 0)
            return ac->dense[(size_t)ac->dense_idx[s] * 256 + b];
        int32_t t = goto_edge(ac, s, b);
        if (t >= 0)
            return t;
        s = ac->fail[s];
    }
}

/* build_dense - full rows for the states of depth 1 and 2 (queue holds all
 * states but the root in breadth-first order) */
static enum sl_status build_dense(struct ac *ac, const int32_t *queue, size_t nq)
{
    size_t rows = 0, n = ac->nstates;
    uint8_t *depth = calloc(n, 1);
    ac->dense_idx = malloc(n * sizeof *ac->dense_idx);
    if (depth == NULL || ac->dense_idx == NULL) {
        free(depth);
        return SL_ENOMEM;
    }
    for (size_t s = 0; s < n; s++)
        ac->dense_idx[s] = -1;
    for (size_t q = 0; q < nq; q++) {
        int32_t s = queue[q];
        for (int32_t e = 0; e < ac->edge_count[s]; e++) {
            int32_t c = ac->edge_to[ac->edge_first[s] + e];
            depth[c] = (uint8_t)(depth[s] < 3 ? depth[s] + 1 : 3);
        }
    }
    for (size_t q = 0; q < nq; q++)
        if (depth[queue[q]] <= 2)
            rows++;
    int32_t *dense = malloc((rows ? rows : 1) * 256 * sizeof *dense);
    if (dense == NULL) {
        free(depth);
        return SL_ENOMEM;
    }
    size_t r = 0;
    for (size_t q = 0; q < nq; q++) {
        int32_t s = queue[q];
        if (depth[s] > 2)
            continue;
        /* rows are filled in breadth-first order, so the row of the failure
         * state (shallower) is ready: step() may already use it */
        int32_t *row = dense + r * 256;
        for (int b = 0; b < 256; b++) {
            int32_t t = goto_edge(ac, s, (uint8_t)b);
            row[b] = t >= 0 ? t : step(ac, ac->fail[s], (uint8_t)b);
        }
        ac->dense = dense;
        ac->dense_idx[s] = (int32_t)r++;
    }
    ac->dense = dense;
    free(depth);
    return SL_OK;
}

/* build_walk - the walk's records, one per edge (struct walk_edge) */
static enum sl_status build_walk(struct ac *ac)
{
    if ((ac->walk = malloc((ac->nedges ? ac->nedges : 1) * sizeof *ac->walk)) == NULL)
        return SL_ENOMEM;
    for (size_t k = 0; k < ac->nedges; k++) {
        int32_t c = ac->edge_to[k];
        ac->walk[k] =
            (struct walk_edge){ac->edge_byte[k], ac->edge_count[c], ac->out[c], ac->edge_first[c]};
    }
    for (int b = 0; b < 256; b++)
        ac->walk_root[b] = -1;
    if ((ac->walk2 = malloc(65536 * sizeof *ac->walk2)) == NULL)
        return SL_ENOMEM;
    for (size_t i = 0; i < 65536; i++)
        ac->walk2[i] = -1;
    for (int32_t e = ac->edge_first[0]; e < ac->edge_first[0] + ac->edge_count[0]; e++) {
        ac->walk_root[ac->edge_byte[e]] = e;
        const struct walk_edge *w = &ac->walk[e];
        for (int32_t f = w->first; f < w->first + w->count; f++)
            ac->walk2[(size_t)ac->edge_byte[e] << 8 | ac->edge_byte[f]] = f;
    }
    return SL_OK;
}

enum sl_status ac_compile(struct ac *ac)
{
    size_t n = ac->nstates;
    int32_t *queue = NULL;
    enum sl_status st = SL_ENOMEM;

    if (ac->compiled)
        return SL_OK;
    ac->edge_first = calloc(n, sizeof *ac->edge_first);
    ac->edge_count = calloc(n, sizeof *ac->edge_count);
    ac->dict = malloc(n * sizeof *ac->dict);
    ac->edge_byte = malloc(ac->hused ? ac->hused : 1);
    ac->edge_to = malloc((ac->hused ? ac->hused : 1) * sizeof *ac->edge_to);
    queue = malloc(n * sizeof *queue);
    if (!ac->edge_first || !ac->edge_count || !ac->dict || !ac->edge_byte || !ac->edge_to || !queue)
        goto out;

    /* count edges per state, then place them; walking bytes 0..255 per state
     * would be slow, so collect (state, byte) from the hash and bucket-sort */
    for (size_t i = 0; i < ac->hcap; i++)
        if (ac->hkey[i])
            ac->edge_count[(ac->hkey[i] - 1) >> 8]++;
    size_t pos = 0;
    for (size_t s = 0; s < n; s++) {
        ac->edge_first[s] = (int32_t)pos;
        pos += ac->edge_count[s];
        ac->edge_count[s] = 0;
    }
    for (size_t i = 0; i < ac->hcap; i++) {
        if (!ac->hkey[i])
            continue;
        size_t s = (ac->hkey[i] - 1) >> 8;
        uint8_t b = (uint8_t)((ac->hkey[i] - 1) & 0xFF);
        size_t at = (size_t)ac->edge_first[s] + ac->edge_count[s]++;
        /* insertion into the state's slice keeps it sorted */
        while (at > (size_t)ac->edge_first[s] && ac->edge_byte[at - 1] > b) {
            ac->edge_byte[at] = ac->edge_byte[at - 1];
            ac->edge_to[at] = ac->edge_to[at - 1];
            at--;
        }
        ac->edge_byte[at] = b;
        ac->edge_to[at] = ac->hval[i];
    }
    ac->nedges = ac->hused;
    free(ac->hkey);
    free(ac->hval);
    ac->hkey = NULL;
    ac->hval = NULL;
    ac->hcap = ac->hused = 0;

    /* breadth-first: failure and dictionary links */
    for (int b = 0; b < 256; b++)
        ac->root[b] = 0;
    size_t head = 0, tail = 0;
    for (int32_t e = 0; e < ac->edge_count[0]; e++) {
        int32_t c = ac->edge_to[ac->edge_first[0] + e];
        ac->root[ac->edge_byte[ac->edge_first[0] + e]] = c;
        ac->fail[c] = 0;
        queue[tail++] = c;
    }
    ac->dict[0] = -1;
    while (head < tail) {
        int32_t s = queue[head++];
        int32_t f = ac->fail[s];
        ac->dict[s] = ac->out[f] >= 0 ? f : ac->dict[f];
        for (int32_t e = 0; e < ac->edge_count[s]; e++) {
            int32_t c = ac->edge_to[ac->edge_first[s] + e];
            uint8_t b = ac->edge_byte[ac->edge_first[s] + e];
            ac->fail[c] = step(ac, f, b);
            queue[tail++] = c;
        }
    }
    /* queue[0..tail) now lists every state but the root, breadth first */
    if ((st = build_dense(ac, queue, tail)) != SL_OK)
        goto out;
    if ((st = build_walk(ac)) != SL_OK)
        goto out;
    ac->compiled = true;
    st = SL_OK;
out:
    free(queue);
    return st;
}

static int emit(const struct ac *ac, int32_t s, size_t end, ac_match_fn fn, void *ctx)
{
    for (int32_t t = ac->out[s]; t >= 0; t = ac->terms[t].next) {
        const struct term *tm = &ac->terms[t];
        if (fn(ctx, end - tm->len, end, tm->value))
            return 1;
    }
    return 0;
}

void ac_scan(const struct ac *ac, const char *text, size_t len, ac_match_fn fn, void *ctx)
{
    const uint8_t *p = (const uint8_t *)text;
    int32_t s = 0;

    if (!ac->compiled)
        return;
    for (size_t i = 0; i < len; i++) {
        s = step(ac, s, p[i]);
        if (ac->out[s] < 0 && ac->dict[s] < 0)
            continue;
        if (ac->out[s] >= 0 && emit(ac, s, i + 1, fn, ctx))
            return;
        for (int32_t d = ac->dict[s]; d >= 0; d = ac->dict[d])
            if (emit(ac, d, i + 1, fn, ctx))
                return;
    }
}

/* walk_step - the edge on byte b among walk[first .. first + count), or NULL */
static inline const struct walk_edge *walk_step(const struct walk_edge *walk, int32_t first,
                                                unsigned count, uint8_t b)
{
    const struct walk_edge *e = walk + first;
    size_t lo = 0, hi = count;
    while (hi - lo > 4) { /* sorted by byte: halve down to a few */
        size_t mid = (lo + hi) / 2;
        if (e[mid].byte <= b)
            lo = mid;
        else
            hi = mid;
    }
    for (; lo < hi && e[lo].byte <= b; lo++)
        if (e[lo].byte == b)
            return e + lo;
    return NULL;
}

static int emit_terms(const struct ac *ac, int32_t t, size_t end, ac_match_fn fn, void *ctx)
{
    for (; t >= 0; t = ac->terms[t].next)
        if (fn(ctx, end - ac->terms[t].len, end, ac->terms[t].value))
            return 1;
    return 0;
}

void ac_scan_words(const struct ac *ac, const char *text, size_t len, ac_match_fn fn, void *ctx)
{
    const uint8_t *p = (const uint8_t *)text;
    bool prev_word = false;
    if (!ac->compiled)
        return;
    for (size_t i = 0; i < len;) {
        uint32_t cp = p[i];
        size_t k = cp < 0x80 ? 1 : fold_utf8_decode(p + i, len - i, &cp);
        bool word = fold_is_word(cp);
        /* a term may start here: after a non-word character, or with one */
        if (!(word && prev_word) && ac->walk_root[p[i]] >= 0) {
            /* along the trie only: every term that starts at i */
            const struct walk_edge *e = ac->walk + ac->walk_root[p[i]];
            if (e->out >= 0 && emit_terms(ac, e->out, i + 1, fn, ctx))
                return;
            /* the second byte from a full table: most walks end there */
            int32_t two = i + 1 < len ? ac->walk2[(size_t)p[i] << 8 | p[i + 1]] : -1;
            for (size_t j = i + 2; two >= 0; j++) {
                if (j == i + 2)
                    e = ac->walk + two;
                else if ((e = walk_step(ac->walk, e->first, e->count, p[j - 1])) == NULL)
                    break;
                if (e->out >= 0 && emit_terms(ac, e->out, j, fn, ctx))
                    return;
                if (j == len)
                    break;
            }
        }
        prev_word = word;
        i += k;
    }
}

size_t ac_terms(const struct ac *ac)
{
    return ac->nterms;
}

size_t ac_states(const struct ac *ac)
{
    return ac->nstates;
}

size_t ac_bytes(const struct ac *ac)
{
    size_t rows = 0;
    for (size_t s = 0; ac->dense_idx && s < ac->nstates; s++)
        rows += ac->dense_idx[s] >= 0;
    return sizeof *ac + rows * 256 * sizeof(int32_t) +
           ac->nstates * (5 * sizeof(int32_t) + sizeof(uint16_t)) +
           ac->nedges * (1 + sizeof(int32_t)) + ac->nterms * sizeof(struct term) +
           (ac->walk ? ac->nedges * sizeof(struct walk_edge) + 65536 * sizeof(int32_t) : 0);
}

void ac_free(struct ac *ac)
{
    if (ac == NULL)
        return;
    free(ac->fail);
    free(ac->edge_first);
    free(ac->edge_count);
    free(ac->out);
    free(ac->dict);
    free(ac->dense_idx);
    free(ac->dense);
    free(ac->edge_byte);
    free(ac->edge_to);
    free(ac->walk);
    free(ac->walk2);
    free(ac->terms);
    free(ac->hkey);
    free(ac->hval);
    free(ac);
}
