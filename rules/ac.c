/*
 * ac - the word lists' trie, walked from word starts. See ac.h.
 *
 * Building uses a hash of (state, byte) -> child; ac_compile() turns it into
 * edges sorted by byte per state, then into the walk's records (one per
 * edge, holding what a step needs of the child), and frees the rest.
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
    /* per state, while building */
    int32_t *edge_first; /* index into edge_byte/edge_to */
    uint16_t *edge_count;
    int32_t *out; /* first term ending here, or -1 */
    size_t nstates, cap_states;
    /* edges, sorted by byte per state, while building */
    uint8_t *edge_byte;
    int32_t *edge_to;
    size_t nedges;
    /* what a scan reads: per edge (in the order of edge_byte and edge_to)
     * what a walk needs of the child it leads to, so that one step reads one
     * small record; walk_root[b] is the root's edge on byte b, or -1 */
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
        int32_t *o = realloc(ac->out, ncap * sizeof *o);
        if (o == NULL)
            return SL_ENOMEM;
        ac->out = o;
        ac->cap_states = ncap;
    }
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
    enum sl_status st = SL_ENOMEM;

    if (ac->compiled)
        return SL_OK;
    ac->edge_first = calloc(n, sizeof *ac->edge_first);
    ac->edge_count = calloc(n, sizeof *ac->edge_count);
    ac->edge_byte = malloc(ac->hused ? ac->hused : 1);
    ac->edge_to = malloc((ac->hused ? ac->hused : 1) * sizeof *ac->edge_to);
    if (!ac->edge_first || !ac->edge_count || !ac->edge_byte || !ac->edge_to)
        return st;

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
    if ((st = build_walk(ac)) != SL_OK)
        return st;
    /* the walk's records hold all a scan needs: the building arrays go */
    free(ac->edge_first), free(ac->edge_count), free(ac->edge_byte), free(ac->edge_to);
    free(ac->out);
    ac->edge_first = ac->out = ac->edge_to = NULL;
    ac->edge_count = NULL;
    ac->edge_byte = NULL;
    ac->compiled = true;
    return SL_OK;
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
    return sizeof *ac + ac->nterms * sizeof(struct term) +
           (ac->walk ? ac->nedges * sizeof(struct walk_edge) + 65536 * sizeof(int32_t) : 0);
}

void ac_free(struct ac *ac)
{
    if (ac == NULL)
        return;
    free(ac->edge_first);
    free(ac->edge_count);
    free(ac->out);
    free(ac->edge_byte);
    free(ac->edge_to);
    free(ac->walk);
    free(ac->walk2);
    free(ac->terms);
    free(ac->hkey);
    free(ac->hval);
    free(ac);
}
