/*
 * scanbench - how fast the engine scans, in MB/s on one core.
 *
 *   scanbench [--rules DIR] [--scale N] [--rounds R] [--min-mb M] [--worker PATH]
 *             --mode scan FILE...
 *       parse + extract + detect over the messages, repeated until M MB per
 *       round; prints one JSON line with the MB/s of each round. With
 *       --worker, attached documents are read by that extraction worker
 *       (one, as `sluis scan` does); without, they are not read.
 *   scanbench [--rules DIR] [--scale N] [--rounds R] [--min-mb M] --mode dict FILE...
 *       the dictionary step alone, on the messages' folded text: the walk
 *       from word starts (words_mbps) against one PCRE2 alternation of the
 *       same terms (JIT), each searching for whole words; and the regex
 *       rules' prefilter pass over the same text (prefilter_mbps).
 *
 * Single-threaded by design: the figure is per core.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "../common/file.h"
#include "../rules/fold.h"
#include "../scan/scan.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void print_rounds(const char *key, double *mbps, int rounds)
{
    printf("\"%s\":[", key);
    for (int i = 0; i < rounds; i++)
        printf("%s%.1f", i ? "," : "", mbps[i]);
    qsort(mbps, (size_t)rounds, sizeof *mbps, cmp_double);
    printf("],\"%s_median\":%.1f,\"%s_min\":%.1f,\"%s_max\":%.1f", key, mbps[rounds / 2], key,
           mbps[0], key, mbps[rounds - 1]);
}

static int count_match(void *ctx, size_t s, size_t e, uint32_t v)
{
    (void)s;
    (void)e;
    (void)v;
    (*(size_t *)ctx)++;
    return 0;
}

#define CHUNK_TERMS 500
#define MAX_CHUNKS  1024

/* compile_chunk - one alternation (?:t1|t2|...) as whole words, JIT-compiled */
static pcre2_code *compile_chunk(struct buf *pat)
{
    int err;
    PCRE2_SIZE off;
    buf_append_str(pat, ")(?![a-z0-9\\x80-\\xff])");
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat->data, pat->len, PCRE2_UTF, &err, &off, NULL);
    if (re)
        pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    else
        fprintf(stderr, "scanbench: an alternation chunk does not compile (error %d)\n", err);
    buf_reset(pat);
    return re;
}

/* alternation - every word-list term in PCRE2 alternations of CHUNK_TERMS
 * terms each (one alternation of all terms is over PCRE2's pattern size
 * limit from about ten thousand terms on); returns the number of chunks */
static size_t alternation(const struct pack *p, const char *dir, unsigned scale, size_t *nterms,
                          pcre2_code **chunks)
{
    struct buf pat = BUF_INIT;
    size_t nchunks = 0, in_chunk = 0;
    *nterms = 0;
    for (size_t i = 0; i < p->nrules; i++) {
        if (p->rules[i].type != RULE_WORDS)
            continue;
        char path[4096], line[512];
        snprintf(path, sizeof path, "%s/%s", dir, p->rules[i].file);
        FILE *f = fopen(path, "r");
        while (f && fgets(line, sizeof line, f)) {
            line[strcspn(line, "\r\n")] = '\0';
            if (line[0] == '\0' || line[0] == '#')
                continue;
            char *t = fold_string(line);
            for (unsigned k = 0; t && k < scale; k++) {
                if (in_chunk == CHUNK_TERMS && nchunks < MAX_CHUNKS) {
                    chunks[nchunks++] = compile_chunk(&pat);
                    in_chunk = 0;
                }
                if (in_chunk++ == 0)
                    buf_append_str(&pat, "(?<![a-z0-9\\x80-\\xff])(?:");
                else
                    buf_append_char(&pat, '|');
                for (char *c = t; *c; c++) {
                    if (strchr("\\^$.|?*+()[]{}", *c))
                        buf_append_char(&pat, '\\');
                    buf_append_char(&pat, *c);
                }
                if (k)
                    buf_printf(&pat, "q%c%u", 'x' + (int)(k % 3), k);
                (*nterms)++;
            }
            free(t);
        }
        if (f)
            fclose(f);
    }
    if (in_chunk && nchunks < MAX_CHUNKS)
        chunks[nchunks++] = compile_chunk(&pat);
    buf_free(&pat);
    return nchunks;
}

/* dict_run - what the dictionary mode's steps run on; each step is one
 * pass over the folded text */
struct dict_run {
    const struct pack *p;
    struct pack_scratch *ps;
    const struct buf *text;
    pcre2_code **chunks;
    size_t nchunks;
    pcre2_match_data *md;
    size_t hits;
};

static void step_words(struct dict_run *d)
{
    ac_scan_words(d->p->words, d->text->data, d->text->len, count_match, &d->hits);
}

static void step_prefilter(struct dict_run *d)
{
    pack_prefilter(d->p, d->ps, d->text->data, d->text->len);
}

static void step_alternation(struct dict_run *d)
{
    for (size_t k = 0; k < d->nchunks; k++) {
        size_t at = 0;
        while (at < d->text->len &&
               pcre2_match(d->chunks[k], (PCRE2_SPTR)d->text->data, d->text->len, at,
                           PCRE2_NO_UTF_CHECK, d->md, NULL) > 0) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(d->md);
            d->hits++;
            at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        }
    }
}

/* dict_mbps - MB/s of step, repeated until min_mb MB went through it */
static double dict_mbps(void (*step)(struct dict_run *), struct dict_run *d, double min_mb)
{
    size_t bytes = 0;
    uint64_t start = detect_now_ns();
    do {
        step(d);
        bytes += d->text->len;
    } while ((double)bytes < min_mb * 1e6);
    return (double)bytes / 1e6 / ((double)(detect_now_ns() - start) / 1e9);
}

/* fold_message - the message's text segments extracted and folded, as
 * the engine sees them, appended to out (NULL: only counted), a newline
 * after each; how many */
static size_t fold_message(const char *data, size_t len, const struct extract_limits *lim,
                           struct buf *out)
{
    struct extraction ex = {0};
    size_t n = 0;
    extract_message(data, len, lim, NULL, &ex);
    for (size_t j = 0; j < ex.nsegs; j++) {
        struct folded f;
        if (fold_text(ex.segs[j].text, ex.segs[j].len, &f) != SL_OK)
            continue;
        n++;
        if (out) {
            buf_append(out, f.text, f.len);
            buf_append_char(out, '\n');
        }
        fold_free(&f);
    }
    extract_free(&ex);
    return n;
}

/* the messages, read once */
struct corpus {
    char **data;
    size_t *len;
    size_t n;
};

/* what the scan mode needs of a message */
struct scan_run {
    struct pack *p;
    const struct extract_limits *lim;
    struct attach_pool *pool;
    struct detect_scratch *s;
};

/* step_scan - the whole scan of one message; 1 when it is sensitive */
static size_t step_scan(void *ctx, const char *data, size_t len)
{
    struct scan_run *r = ctx;
    struct detect_result res = {0};
    scan_message(r->p, r->lim, r->pool, r->s, data, len, &res, NULL);
    size_t sensitive = res.sensitive;
    detect_result_free(&res);
    return sensitive;
}

/* step_extract - parse, extract and fold one message; its segments */
static size_t step_extract(void *ctx, const char *data, size_t len)
{
    return fold_message(data, len, ctx, NULL);
}

/* corpus_mbps - MB/s of fn over the corpus, passes until min_mb; what fn
 * returns is added to *counted */
static double corpus_mbps(const struct corpus *c, double min_mb,
                          size_t (*fn)(void *ctx, const char *data, size_t len), void *ctx,
                          size_t *counted)
{
    size_t bytes = 0;
    uint64_t start = detect_now_ns();
    do {
        for (size_t k = 0; k < c->n; k++) {
            *counted += fn(ctx, c->data[k], c->len[k]);
            bytes += c->len[k];
        }
    } while ((double)bytes < min_mb * 1e6);
    return (double)bytes / 1e6 / ((double)(detect_now_ns() - start) / 1e9);
}

int main(int argc, char **argv)
{
    const char *rules = SLUIS_RULES_DIR, *mode = "scan", *worker = NULL;
    unsigned scale = 1;
    int rounds = 3;
    double min_mb = 20;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (i + 1 >= argc)
            break;
        if (strcmp(argv[i], "--rules") == 0)
            rules = argv[++i];
        else if (strcmp(argv[i], "--scale") == 0)
            scale = (unsigned)atoi(argv[++i]);
        else if (strcmp(argv[i], "--rounds") == 0)
            rounds = atoi(argv[++i]);
        else if (strcmp(argv[i], "--min-mb") == 0)
            min_mb = atof(argv[++i]);
        else if (strcmp(argv[i], "--mode") == 0)
            mode = argv[++i];
        else if (strcmp(argv[i], "--worker") == 0)
            worker = argv[++i];
        else
            break;
    }
    if (i >= argc || rounds < 1 || rounds > 100 || scale < 1) {
        fprintf(stderr, "usage: scanbench [--rules DIR] [--scale N] [--rounds R] [--min-mb M] "
                        "[--worker PATH] [--mode scan|extract|dict] FILE...\n");
        return 2;
    }
    size_t nfiles = (size_t)(argc - i), total = 0;
    char **data = calloc(nfiles, sizeof *data);
    size_t *len = calloc(nfiles, sizeof *len);
    for (size_t k = 0; k < nfiles; k++) {
        char err[256];
        data[k] = file_read_all(argv[i + (int)k], (size_t)1 << 30, &len[k], err, sizeof err);
        if (data[k] == NULL) {
            /* NOLINTNEXTLINE(clang-analyzer-unix.Malloc): main returns, the process ends */
            fprintf(stderr, "scanbench: %s: %s\n", argv[i + (int)k], err);
            return 1;
        }
        total += len[k];
    }
    char err[512];
    extract_init();
    uint64_t t0 = detect_now_ns();
    struct pack *p = pack_load(rules, scale, err, sizeof err);
    if (p == NULL) {
        fprintf(stderr, "scanbench: %s\n", err);
        return 1;
    }
    double load_ms = (double)(detect_now_ns() - t0) / 1e6;
    struct detect_scratch *s = detect_scratch_new(p);
    struct extract_limits lim;
    extract_limits_default(&lim);
    struct attach_pool *pool = NULL;
    if (worker && attach_pool_new(worker, 1, &pool) != SL_OK)
        return 1;
    double *mbps = calloc((size_t)rounds, sizeof *mbps);
    double *mbps2 = calloc((size_t)rounds, sizeof *mbps2);
    double *mbps3 = calloc((size_t)rounds, sizeof *mbps3);
    double *mbps4 = calloc((size_t)rounds, sizeof *mbps4);

    printf("{\"mode\":\"%s\",\"scale\":%u,\"files\":%zu,\"bytes\":%zu,\"terms\":%zu,"
           "\"matcher_kib\":%zu,\"load_ms\":%.1f,",
           mode, scale, nfiles, total, ac_terms(p->words), ac_bytes(p->words) / 1024, load_ms);
    struct corpus corpus = {data, len, nfiles};
    if (strcmp(mode, "scan") == 0 || strcmp(mode, "extract") == 0) {
        /* extract: the floor under detection, parse, extract and fold,
         * nothing matched */
        bool scan = strcmp(mode, "scan") == 0;
        struct scan_run sr = {p, &lim, pool, s};
        size_t counted = 0;
        for (int r = 0; r < rounds; r++)
            mbps[r] = scan ? corpus_mbps(&corpus, min_mb, step_scan, &sr, &counted)
                           : corpus_mbps(&corpus, min_mb, step_extract, &lim, &counted);
        print_rounds("mbps", mbps, rounds);
        printf(",\"%s\":%zu}\n", scan ? "sensitive_per_pass" : "segments_per_pass",
               counted / (size_t)rounds);
    } else {
        /* the folded text of every message, as the engine sees it */
        struct buf text = BUF_INIT;
        for (size_t k = 0; k < nfiles; k++)
            fold_message(data[k], len[k], &lim, &text);
        size_t nterms;
        pcre2_code *chunks[MAX_CHUNKS];
        size_t nchunks = alternation(p, rules, scale, &nterms, chunks);
        bool all_compiled = nchunks > 0;
        for (size_t k = 0; k < nchunks; k++)
            all_compiled &= chunks[k] != NULL;
        struct dict_run d = {p,      pack_scratch_new(p),        &text,
                             chunks, all_compiled ? nchunks : 0, pcre2_match_data_create(4, NULL),
                             0};
        for (int r = 0; r < rounds; r++) {
            mbps3[r] = dict_mbps(step_words, &d, min_mb);
            mbps4[r] = dict_mbps(step_prefilter, &d, min_mb);
            mbps2[r] = all_compiled ? dict_mbps(step_alternation, &d, min_mb) : 0;
        }
        printf("\"text_bytes\":%zu,\"alternation_terms\":%zu,\"alternation_chunks\":%zu,", text.len,
               nterms, nchunks);
        print_rounds("words_mbps", mbps3, rounds);
        printf(",");
        print_rounds("prefilter_mbps", mbps4, rounds);
        printf(",");
        print_rounds("pcre2_alternation_mbps", mbps2, rounds);
        printf("}\n");
        pcre2_match_data_free(d.md);
        pack_scratch_free(d.ps);
        for (size_t k = 0; k < nchunks; k++)
            pcre2_code_free(chunks[k]);
        buf_free(&text);
    }
    free(mbps);
    free(mbps2);
    free(mbps3);
    free(mbps4);
    detect_scratch_free(s);
    pack_free(p);
    for (size_t k = 0; k < nfiles; k++)
        free(data[k]);
    free(data);
    free(len);
    attach_pool_free(pool);
    return 0;
}
