/*
 * detect - signals, units and scoring. See detect.h for the model.
 *
 * Per segment: fold -> word hits (Aho-Corasick, whole words only) and regex
 * hits (validated, with their requires/unless/context conditions) -> line and
 * paragraph structure (greeting lines, signature blocks, quoted mail headers)
 * -> person, health and identifier signals. Per message: pair signals in
 * units and documents, keep the best confidence, write findings.
 *
 * Input limits: segments are bounded by extraction (total text cap); every
 * array here grows with the number of hits, which is bounded by the text
 * length. Memory lives in the scratch and is reused from message to message.
 */
#include "detect.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <time.h>

#include "fold.h"

enum { P_WEAK = 1, P_NAMED = 2, P_IDGRADE = 3 }; /* person strength */
enum { H_WEAK = 1, H_DOC = 2, H_STRONG = 3 };    /* health strength */
enum sig_kind {
    SIG_PERSON = 1,
    SIG_HEALTH,
    SIG_ID,
    SIG_NEWSLETTER,
    SIG_TOPIC,
    SIG_PRONOUN,
    SIG_GREETED,      /* the reader's first name on a greeting line */
    SIG_ID_LABEL,     /* an identifier label anywhere ("RE: bsn?") */
    SIG_FIRST_PERSON, /* ik, mijn: the writer */
};

struct hit {
    uint32_t start, end; /* folded offsets */
    uint32_t rule;
    uint8_t role;
    uint8_t context; /* a context condition holds */
};

struct sig {
    uint32_t seg;
    uint32_t start, end; /* original offsets: the span to mask */
    uint32_t fstart;     /* folded offset, for distances */
    uint32_t para;
    uint32_t rule;
    uint8_t kind;
    uint8_t strength;
    uint8_t conf;   /* identifiers: their own confidence */
    uint8_t reader; /* READER_*: the person is the message's reader */
    bool loose;     /* named by context alone (a list line, a room, an age):
                     * a topic word between it and health context parts them */
};

/* how a person signal relates to the text around it */
enum { READER_POSSESSIVE = 1, READER_GREETED = 2, READER_LINKED = 3, READER_LABELLED = 4 };

struct vec {
    void *data;
    size_t n, cap, size;
};

struct detect_scratch {
    struct pack_scratch *ps;
    struct vec hits;          /* struct hit, current segment */
    struct vec sigs;          /* struct sig, whole message */
    struct vec lines;         /* uint32_t line starts (folded), current segment */
    struct vec lflags;        /* uint8_t per line */
    struct vec paras;         /* uint32_t paragraph id per line */
    bool *skip;               /* per rule: not to run on this segment */
    struct model_scratch *ms; /* the model's features (rules/model.h), or NULL */
    bool features;            /* compute them without a model too */
    uint64_t roles;           /* roles that hit in this message, for the model */
    uint64_t plain_docs;      /* documents with a text/plain body (bit per doc < 64) */
    unsigned private_mail;    /* ENV_* bits: a private mail provider's domain in From/To */
};

/* which way a message goes, from its SEG_ADDRESSES segments: a private mail
 * provider's domain in the From or the To/Cc of the message (doc 0) or of
 * a message inside it */
enum { ENV_FROM = 1, ENV_TO = 2, ENV_FWD_FROM = 4, ENV_FWD_TO = 8 };
/* the text (subject, bodies, attachments) below which a message without a
 * health term says too little for its direction to count: a sentence */
#define ENV_MIN_TEXT 80

enum { LINE_GREETING = 1, LINE_SIGNATURE = 2, LINE_HEADER = 4, LINE_BLANK = 8, LINE_CLOSING = 16 };

/* the longest hit that context look-ups search back for; longer ones (none
 * in the shipped rules) are not seen as context */
#define HIT_MAX_LEN 320

static enum sl_status vec_push(struct vec *v, const void *item)
{
    if (v->n == v->cap) {
        size_t ncap = v->cap ? v->cap * 2 : 64;
        void *p = realloc(v->data, ncap * v->size);
        if (p == NULL)
            return SL_ENOMEM;
        v->data = p;
        v->cap = ncap;
    }
    memcpy((char *)v->data + v->n * v->size, item, v->size);
    v->n++;
    return SL_OK;
}

uint64_t detect_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

struct detect_scratch *detect_scratch_new(const struct pack *p)
{
    struct detect_scratch *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;

    s->hits.size = sizeof(struct hit);
    s->sigs.size = sizeof(struct sig);
    s->lines.size = sizeof(uint32_t);
    s->lflags.size = 1;
    s->paras.size = sizeof(uint32_t);
    if ((s->ps = pack_scratch_new(p)) == NULL) {
        free(s);
        return NULL;
    }
    return s;
}

void detect_scratch_free(struct detect_scratch *s)
{
    if (s == NULL)
        return;
    pack_scratch_free(s->ps);
    free(s->hits.data);
    free(s->sigs.data);
    free(s->lines.data);
    free(s->lflags.data);
    free(s->paras.data);
    free(s->skip);
    model_scratch_free(s->ms);
    free(s);
}

/* ---- findings ---- */

void detect_result_free(struct detect_result *res)
{
    free(res->findings);
    memset(res, 0, sizeof *res);
}

static void copy_str(char *dst, size_t n, const char *src)
{
    size_t l = strlen(src);
    if (l >= n) {
        l = n - 1;
        /* do not cut a UTF-8 sequence in half */
        /* NOLINTNEXTLINE(clang-analyzer-core.UndefinedBinaryOperatorResult): l < strlen(src) */
        while (l > 0 && ((unsigned char)src[l] & 0xC0) == 0x80)
            l--;
    }
    memcpy(dst, src, l);
    dst[l] = '\0';
}

enum sl_status detect_add_finding(struct detect_result *res, const char *rule, const char *category,
                                  const char *where, enum confidence c, const char *masked)
{
    for (size_t i = 0; i < res->nfindings; i++) {
        struct finding *f = &res->findings[i];
        if (strcmp(f->rule, rule) == 0 && strcmp(f->masked, masked) == 0 &&
            strncmp(f->where, where, sizeof f->where - 1) == 0) {
            if (c > f->confidence)
                f->confidence = c;
            return SL_OK;
        }
    }
    if (res->nfindings >= DETECT_MAX_FINDINGS) {
        res->truncated = true;
        return SL_OK;
    }
    if (res->nfindings == res->cap) {
        size_t ncap = res->cap ? res->cap * 2 : 8;
        struct finding *p = realloc(res->findings, ncap * sizeof *p);
        if (p == NULL)
            return SL_ENOMEM;
        res->findings = p;
        res->cap = ncap;
    }
    struct finding *f = &res->findings[res->nfindings++];
    copy_str(f->rule, sizeof f->rule, rule);
    copy_str(f->category, sizeof f->category, category);
    copy_str(f->where, sizeof f->where, where);
    copy_str(f->masked, sizeof f->masked, masked);
    f->confidence = c;
    f->incomplete = false;
    return SL_OK;
}

enum sl_status detect_add_note(struct detect_result *res, const char *rule, const char *where,
                               bool incomplete)
{
    if (incomplete)
        res->incomplete = true;
    enum sl_status st = detect_add_finding(res, rule, "unscannable", where, CONF_NONE, "");
    if (st != SL_OK || !incomplete)
        return st;
    /* the note, new or met before at the same place: mark it */
    for (size_t i = 0; i < res->nfindings; i++) {
        struct finding *f = &res->findings[i];
        if (strcmp(f->rule, rule) == 0 && f->masked[0] == '\0' &&
            strncmp(f->where, where, sizeof f->where - 1) == 0)
            f->incomplete = true;
    }
    return SL_OK;
}

void detect_mask(const char *text, size_t len, char *out, size_t outlen)
{
    size_t digits = 0, o = 0, seen = 0;
    bool word_start = true;

    if (outlen == 0)
        return;
    for (size_t i = 0; i < len; i++)
        digits += isdigit((unsigned char)text[i]) != 0;
    for (size_t i = 0; i < len && o + 5 < outlen;) {
        uint32_t cp;
        size_t k = fold_utf8_decode((const unsigned char *)text + i, len - i, &cp);
        if (cp == '\n' || cp == '\r' || cp == '\t')
            cp = ' ';
        if (cp >= '0' && cp <= '9') {
            bool keep = digits >= 8 ? (seen < 4 || seen >= digits - 2)
                                    : (digits >= 4 && (seen == 0 || seen == digits - 1));
            out[o++] = (char)(keep ? cp : '*');
            seen++;
            word_start = false;
        } else if (cp < 0x80 && !isalpha((int)cp)) {
            if (cp == '"' || cp == '\\' || cp < 0x20)
                cp = ' ';
            out[o++] = (char)cp;
            word_start = true;
        } else if (word_start) {
            memcpy(out + o, text + i, k); /* first letter of a word */
            o += k;
            word_start = false;
        } else {
            out[o++] = '*';
        }
        i += k;
    }
    out[o] = '\0';
}

/* ---- per-segment analysis ---- */

struct seg_ctx {
    struct detect_scratch *s;
    const struct pack *p;
    const struct text_segment *seg;
    uint32_t segno;

    struct folded f;
    enum sl_status st;
};

static inline bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* word_cp_at, word_cp_before - is the code point (starting at i, ending
 * before i) a letter or digit (fold_is_word)? */
static bool word_cp_at(const struct seg_ctx *c, size_t i)
{
    uint32_t cp;
    if (i >= c->f.len)
        return false;
    fold_utf8_decode((const unsigned char *)c->f.text + i, c->f.len - i, &cp);
    return fold_is_word(cp);
}

static bool word_cp_before(const struct seg_ctx *c, size_t i)
{
    if (i == 0)
        return false;
    size_t k = i - 1;
    while (k > 0 && i - k < 4 && ((unsigned char)c->f.text[k] & 0xC0) == 0x80)
        k--;
    return word_cp_at(c, k);
}

/* mixed_case - is the original of folded [start,end) in none of the cases
 * people write a word in (word, Word, WORD)? Only ASCII letters count. */
static bool mixed_case(const struct seg_ctx *c, size_t start, size_t end)
{
    const char *t = c->seg->text;
    unsigned upper = 0, lower = 0, upper_after_first = 0, letters = 0;
    for (uint32_t i = c->f.map[start]; i < c->f.map[end] && i < c->seg->len; i++) {
        char ch = t[i];
        bool up = ch >= 'A' && ch <= 'Z', low = ch >= 'a' && ch <= 'z';
        if (!up && !low)
            continue;
        upper += up, lower += low;
        upper_after_first += up && letters > 0;
        letters++;
    }
    return upper && lower && upper_after_first > 0;
}

static int on_word(void *vctx, size_t start, size_t end, uint32_t value)
{
    struct seg_ctx *c = vctx;
    /* whole words only: ac_scan_words() reports only terms that start a
     * word (or start with a non-word character); where a term ends with a
     * letter or digit, the text after it must not be one */
    if (word_cp_before(c, end) && word_cp_at(c, end))
        return 0;
    if (c->seg->raw && mixed_case(c, start, end))
        return 0; /* "iNr" in a binary's bytes: noise, not a term */
    struct hit h = {(uint32_t)start, (uint32_t)end, value, (uint8_t)c->p->rules[value].role, 0};
    if (vec_push(&c->s->hits, &h) != SL_OK) {
        c->st = SL_ENOMEM;
        return 1;
    }
    return 0;
}

/* role_near - does a hit of role r stand within the window of [start,end)? */
/* hits_from - index of the first hit starting at or after off (hits are
 * sorted by start); every look-up around a position starts here, so the work
 * per hit stays bounded by what stands near it */
static size_t hits_from(const struct seg_ctx *c, uint32_t off)
{
    const struct hit *h = c->s->hits.data;
    size_t lo = 0, hi = c->s->hits.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (h[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static uint32_t back(uint32_t off, uint32_t by)
{
    return off > by ? off - by : 0;
}

static bool role_near(const struct seg_ctx *c, const struct near *n, uint32_t start, uint32_t end)
{
    const struct hit *h = c->s->hits.data;
    uint32_t lo = start > n->window ? start - n->window : 0;
    uint32_t hi = n->after ? end + n->window : end;
    if (n->re) {
        if (hi > c->f.len)
            hi = (uint32_t)c->f.len;
        bool before = pack_regex_matches(c->s->ps, n->re, c->f.text + lo, start - lo);
        return before ||
               (n->after && pack_regex_matches(c->s->ps, n->re, c->f.text + end, hi - end));
    }
    for (size_t i = hits_from(c, back(lo, HIT_MAX_LEN)); i < c->s->hits.n && h[i].start <= start;
         i++)
        if (h[i].role == n->role && h[i].end <= start && h[i].end >= lo)
            return true;
    if (n->after)
        for (size_t i = hits_from(c, end); i < c->s->hits.n && h[i].start <= hi; i++)
            if (h[i].role == n->role)
                return true;
    return false;
}

static void on_regex(void *vctx, size_t rule, size_t start, size_t end)
{
    struct seg_ctx *c = vctx;
    const struct rule *r = &c->p->rules[rule];
    if (c->st != SL_OK || end <= start)
        return;
    if (r->validator != VALIDATE_NONE &&
        !validate_text(r->validator, c->f.text + start, end - start))
        return;
    struct hit h = {(uint32_t)start, (uint32_t)end, (uint32_t)rule, (uint8_t)r->role, 0};
    if (vec_push(&c->s->hits, &h) != SL_OK)
        c->st = SL_ENOMEM;
}

/* apply_conditions - drop regex hits whose requires/unless fail, mark context */
static void apply_conditions(struct seg_ctx *c)
{
    struct hit *h = c->s->hits.data;
    size_t w = 0;
    for (size_t i = 0; i < c->s->hits.n; i++) {
        const struct rule *r = &c->p->rules[h[i].rule];
        bool keep = true;
        if (r->type == RULE_REGEX) {
            for (size_t k = 0; keep && k < r->nrequires; k++)
                keep = role_near(c, &r->requires[k], h[i].start, h[i].end);
            for (size_t k = 0; keep && k < r->nunless; k++)
                keep = !role_near(c, &r->unless[k], h[i].start, h[i].end);
            for (size_t k = 0; keep && !h[i].context && k < r->ncontext; k++)
                h[i].context = role_near(c, &r->context[k], h[i].start, h[i].end);
        }
        if (!keep)
            h[i].role = ROLE_NONE; /* dropped; compacted below, so look-ups stay sorted */
    }
    /* of hits of one role at one start, the longest speaks ("dhr." over
     * "dhr", "diabetes mellitus" over "diabetes"); sorted longest first */
    for (size_t i = 0; i < c->s->hits.n; i++) {
        bool shadowed = false;
        for (size_t k = w; k > 0 && h[k - 1].start == h[i].start && !shadowed; k--)
            shadowed = h[k - 1].role == h[i].role;
        if (h[i].role != ROLE_NONE && !shadowed)
            h[w++] = h[i];
    }
    c->s->hits.n = w;
}

static int cmp_hit(const void *a, const void *b)
{
    const struct hit *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end;
}

/* line_of - index of the line holding folded offset off */
static uint32_t line_of(const struct seg_ctx *c, uint32_t off)
{
    const uint32_t *ls = c->s->lines.data;
    size_t lo = 0, hi = c->s->lines.n;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (ls[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

/* hit_at - the longest hit of role r starting at folded offset off, or NULL */
static const struct hit *hit_at(const struct seg_ctx *c, uint32_t off, enum role r)
{
    const struct hit *h = c->s->hits.data, *best = NULL;
    for (size_t i = hits_from(c, off); i < c->s->hits.n && h[i].start == off; i++)
        if (h[i].role == r && (best == NULL || h[i].end > best->end))
            best = &h[i];
    return best;
}

static bool hit_starts_line(const struct seg_ctx *c, const struct hit *h, uint32_t line)
{
    const uint32_t *ls = c->s->lines.data;
    for (uint32_t i = ls[line]; i < h->start; i++) {
        char ch = c->f.text[i];
        if (ch != ' ' && ch != '\t' && ch != '>' && ch != '-' && ch != '*')
            return false;
    }
    return true;
}

static uint32_t line_len(const struct seg_ctx *c, uint32_t line)
{
    const uint32_t *ls = c->s->lines.data;
    uint32_t end = line + 1 < c->s->lines.n ? ls[line + 1] : (uint32_t)c->f.len;
    return end - ls[line];
}

/* quote_start - does line l begin quoted or forwarded mail? */
static bool quote_start(const struct seg_ctx *c, uint32_t l)
{
    const uint32_t *ls = c->s->lines.data;
    const char *t = c->f.text + ls[l];
    uint32_t n = line_len(c, l);
    if (((const uint8_t *)c->s->lflags.data)[l] & LINE_HEADER)
        return true;
    while (n && (*t == ' ' || *t == '\t'))
        t++, n--;
    while (n && (t[n - 1] == '\n' || t[n - 1] == '\r' || t[n - 1] == ' '))
        n--;
    if (n && *t == '>')
        return true;
    if (n >= 4 && memcmp(t, "----", 4) == 0)
        return true;
    if (n >= 23 && memcmp(t, "begin forwarded message", 23) == 0)
        return true;
    if (n && t[n - 1] == ':' && n < 200 &&
        (memmem(t, n, "schreef", 7) || memmem(t, n, "wrote", 5) || memmem(t, n, "a ecrit", 7)))
        return true;
    return false;
}

/* structure - lines, blank lines, paragraphs, greeting lines, signatures and
 * quoted mail-header lines ("Van: ...") */
static enum sl_status structure(struct seg_ctx *c)
{
    struct detect_scratch *s = c->s;
    const char *t = c->f.text;
    uint32_t zero = 0;
    s->lines.n = s->lflags.n = s->paras.n = 0;
    if (vec_push(&s->lines, &zero) != SL_OK)
        return SL_ENOMEM;
    for (uint32_t i = 0; i < c->f.len; i++) {
        if (t[i] == '\n') {
            uint32_t next = i + 1;
            if (vec_push(&s->lines, &next) != SL_OK)
                return SL_ENOMEM;
        }
    }
    const uint32_t *ls = s->lines.data;
    uint32_t para = 0;
    bool colon = false; /* the last text line ended with ':' */
    for (uint32_t l = 0; l < s->lines.n; l++) {
        uint8_t fl = 0;
        uint32_t end = l + 1 < s->lines.n ? ls[l + 1] : (uint32_t)c->f.len;
        bool blank = true;
        for (uint32_t i = ls[l]; i < end && blank; i++)
            blank = t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n' || t[i] == '>';
        /* a paragraph that ends with a colon introduces the next one
         * ("de bloedsuiker is erg wisselend:" and the values below) */
        if (blank && !colon) {
            fl |= LINE_BLANK;
            para++;
        }
        if (!blank) {
            uint32_t e = end;
            while (e > ls[l] && (t[e - 1] == '\n' || t[e - 1] == '\r' || t[e - 1] == ' '))
                e--;
            colon = e > ls[l] && t[e - 1] == ':';
        }
        if (vec_push(&s->lflags, &fl) != SL_OK || vec_push(&s->paras, &para) != SL_OK)
            return SL_ENOMEM;
        if (fl & LINE_BLANK)
            para++;
    }
    uint8_t *flags = s->lflags.data;
    const struct hit *h = s->hits.data;
    /* greetings, closings and header labels at the start of a line mark it */
    for (size_t i = 0; i < s->hits.n; i++) {
        if (h[i].role != ROLE_GREETING && h[i].role != ROLE_HEADER_LABEL &&
            h[i].role != ROLE_CLOSING)
            continue;
        uint32_t l = line_of(c, h[i].start);
        if (!hit_starts_line(c, &h[i], l))
            continue;
        if (h[i].role == ROLE_GREETING && line_len(c, l) < 80)
            flags[l] |= LINE_GREETING;
        else if (h[i].role == ROLE_HEADER_LABEL)
            flags[l] |= LINE_HEADER;
        else if (h[i].role == ROLE_CLOSING && line_len(c, l) < 60)
            flags[l] |= LINE_CLOSING;
    }
    /* a closing ("met vriendelijke groet") opens a signature block; it ends
     * where quoted or forwarded mail begins: a quoted header line, a line of
     * dashes, a reply intro ("Op ... schreef ...:") or a quoted line */
    bool in_sig = false;
    for (uint32_t l = 0; l < s->lines.n; l++) {
        if (quote_start(c, l))
            in_sig = false;
        if (flags[l] & LINE_CLOSING)
            in_sig = true;
        if (in_sig)
            flags[l] |= LINE_SIGNATURE;
    }
    return SL_OK;
}

static bool is_upper_at(const struct seg_ctx *c, uint32_t folded_off)
{
    const unsigned char *o = (const unsigned char *)c->seg->text;
    uint32_t at = c->f.map[folded_off];
    if (o[at] < 0x80)
        return o[at] >= 'A' && o[at] <= 'Z';
    uint32_t cp;
    fold_utf8_decode(o + at, c->seg->len - at, &cp);
    return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x100 && cp < 0x180 && !(cp & 1));
}

/* skip_spaces - past blanks; with wrap, past one line break too: a name
 * may be wrapped after its particle ("dhr. Van der\nHeijden") */
static uint32_t skip_blanks(const struct seg_ctx *c, uint32_t i, bool wrap)
{
    while (i < c->f.len && (c->f.text[i] == ' ' || c->f.text[i] == '\t' ||
                            (wrap && c->f.text[i] == '\r') || (wrap && c->f.text[i] == '\n'))) {
        if (c->f.text[i] == '\n')
            wrap = false;
        i++;
    }
    return i;
}

static uint32_t skip_spaces(const struct seg_ctx *c, uint32_t i)
{
    return skip_blanks(c, i, false);
}

/* acronym_before - is the word before i an acronym ("WZC Hof ter Linden",
 * "AZ Sint-Jan"): the name of a place, not a person */
static bool acronym_before(const struct seg_ctx *c, uint32_t i)
{
    const char *t = c->f.text;
    uint32_t e = i;
    while (e > 0 && t[e - 1] == ' ')
        e--;
    uint32_t b = e;
    while (b > 0 && t[b - 1] >= 'a' && t[b - 1] <= 'z')
        b--;
    if (e - b < 2 || e - b > 5 || e == i || (b > 0 && word_byte((unsigned char)t[b - 1])))
        return false;
    for (uint32_t k = b; k < e; k++)
        if (!is_upper_at(c, k))
            return false;
    return true;
}

/* street_word - a word that makes a name an address: "Road", "-straat" */
static bool street_word(const char *w, size_t n)
{
    static const char *const whole[] = {"road",   "street", "lane",  "avenue",   "drive",
                                        "square", "rue",    "place", "chaussee", "boulevard"};
    static const char *const ends[] = {"straat", "laan", "weg",   "plein",    "singel",
                                       "gracht", "kade", "dreef", "steenweg", "lei"};
    for (size_t k = 0; k < sizeof whole / sizeof whole[0]; k++)
        if (strlen(whole[k]) == n && memcmp(w, whole[k], n) == 0)
            return true;
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        size_t e = strlen(ends[k]);
        if (n > e && memcmp(w + n - e, ends[k], e) == 0)
            return true;
    }
    return false;
}

/* name_after - parse "[initials] [particles] Surname[-Surname]" at folded
 * offset i; returns the end of the name, or 0. *initial_only is set when the
 * name is only initials ("mw. P."). *listed when the surname is listed. */
static uint32_t name_after(const struct seg_ctx *c, uint32_t i, bool *initial_only, bool *listed)
{
    const char *t = c->f.text;
    uint32_t last_initial = 0;
    *initial_only = false;
    *listed = false;
    i = skip_spaces(c, i);
    /* initials: "j." "j.h.m." "a. b." */
    while (i + 1 < c->f.len && t[i] >= 'a' && t[i] <= 'z' && t[i + 1] == '.' && is_upper_at(c, i) &&
           (i + 2 >= c->f.len || !word_byte((unsigned char)t[i + 2]) ||
            (t[i + 2] >= 'a' && t[i + 3] == '.'))) {
        i += 2;
        last_initial = i;
        i = skip_spaces(c, i);
    }
    /* particles: van, de, van der, ... */
    for (int n = 0; n < 3; n++) {
        const struct hit *best = hit_at(c, i, ROLE_PARTICLE);
        if (best == NULL)
            break;
        i = skip_blanks(c, best->end, true);
    }
    if (i >= c->f.len || !word_byte((unsigned char)t[i]) || (t[i] >= '0' && t[i] <= '9') ||
        !is_upper_at(c, i)) {
        if (last_initial) {
            *initial_only = true;
            return last_initial;
        }
        return 0;
    }
    uint32_t start = i;
    while (i < c->f.len &&
           (word_byte((unsigned char)t[i]) || ((t[i] == '-' || t[i] == '\'') && i + 1 < c->f.len &&
                                               word_byte((unsigned char)t[i + 1]))))
        i++;
    if (i - start < 2)
        return last_initial ? (*initial_only = true, last_initial) : 0;
    if (street_word(t + start, i - start))
        return 0; /* "Victoria Road", "Anna Paulownastraat" */
    *listed = hit_at(c, start, ROLE_SURNAME) != NULL;
    return i;
}

/* role_label_before - does a person-role field label stand right before i
 * ("Bewoner | Mariette Verbeke", "Patiënt: J. de Vries")? */
static bool role_label_before(const struct seg_ctx *c, uint32_t i)
{
    const struct hit *h = c->s->hits.data;
    const char *t = c->f.text;
    uint32_t b = i;
    bool sep = false;
    while (b > 0 && i - b < 6 &&
           (t[b - 1] == ' ' || t[b - 1] == ':' || t[b - 1] == '|' || t[b - 1] == '\t')) {
        sep |= t[b - 1] != ' ';
        b--;
    }
    if (!sep)
        return false;
    for (size_t k = hits_from(c, back(b, HIT_MAX_LEN)); k < c->s->hits.n && h[k].start < b; k++)
        if (h[k].role == ROLE_PERSON_ROLE && h[k].end == b)
            return true;
    return false;
}

static enum sl_status add_sig_reader(struct seg_ctx *c, uint8_t kind, uint8_t strength,
                                     uint32_t fstart, uint32_t fend, uint32_t rule, uint8_t conf,
                                     uint8_t reader)
{
    /* the person a form or report is about */
    if (kind == SIG_PERSON && strength >= P_NAMED && reader == 0 && role_label_before(c, fstart))
        reader = READER_LABELLED;
    uint32_t line = line_of(c, fstart);
    struct sig g = {c->segno,
                    c->f.map[fstart],
                    c->f.map[fend],
                    fstart,
                    ((const uint32_t *)c->s->paras.data)[line],
                    rule,
                    kind,
                    strength,
                    conf,
                    reader,
                    false};
    if (c->seg->rows)
        g.para = line; /* a table row is its own unit */
    return vec_push(&c->s->sigs, &g);
}

static enum sl_status add_sig(struct seg_ctx *c, uint8_t kind, uint8_t strength, uint32_t fstart,
                              uint32_t fend, uint32_t rule, uint8_t conf)
{
    return add_sig_reader(c, kind, strength, fstart, fend, rule, conf, 0);
}

/* add_loose - a person named by context alone ("Bakker, J.", "mevrouw van
 * kamer 12", "Sophie (84)") */
static enum sl_status add_loose(struct seg_ctx *c, uint32_t fstart, uint32_t fend, uint32_t rule)
{
    enum sl_status st = add_sig(c, SIG_PERSON, P_NAMED, fstart, fend, rule, 0);
    if (st == SL_OK)
        ((struct sig *)c->s->sigs.data)[c->s->sigs.n - 1].loose = true;
    return st;
}

/* date_after - does a date (or a bare year) start within a few bytes of i? */
static const struct hit *date_after(const struct seg_ctx *c, uint32_t i, uint32_t *year_end)
{
    const char *t = c->f.text;
    uint32_t lim = i + 24 < c->f.len ? i + 24 : (uint32_t)c->f.len;
    uint32_t j = i;
    *year_end = 0;
    while (j < lim && (t[j] == ' ' || t[j] == ':' || t[j] == '(' || t[j] == '\t' ||
                       (t[j] == 'o' && j + 1 < lim && t[j + 1] == 'p' && (j += 1))))
        j++;
    const struct hit *h = c->s->hits.data;
    for (size_t k = hits_from(c, i); k < c->s->hits.n && h[k].start <= lim; k++)
        if (h[k].role == ROLE_DATE)
            return &h[k];
    if (j + 4 <= c->f.len && (t[j] == '1' || t[j] == '2') && isdigit((unsigned char)t[j + 1]) &&
        isdigit((unsigned char)t[j + 2]) && isdigit((unsigned char)t[j + 3]) &&
        (j + 4 == c->f.len || !isdigit((unsigned char)t[j + 4])))
        *year_end = j + 4;
    return NULL;
}

/* patient_number_after - a record number right after an id keyword:
 * "patiëntnummer: 0012345", "pat.nr 88-1234"; returns its end or 0 */
static uint32_t number_after(const struct seg_ctx *c, uint32_t i, uint32_t *start)
{
    const char *t = c->f.text;
    uint32_t lim = i + 16 < c->f.len ? i + 16 : (uint32_t)c->f.len;
    while (i < lim && (t[i] == ' ' || t[i] == ':' || t[i] == '#' || t[i] == '.' || t[i] == '=' ||
                       t[i] == '\t' || t[i] == '(' || t[i] == '-'))
        i++;
    *start = i;
    unsigned digits = 0;
    uint32_t j = i;
    while (j < c->f.len && j - i < 24 &&
           (isalnum((unsigned char)t[j]) ||
            ((t[j] == '-' || t[j] == '.' || t[j] == '/' || t[j] == ' ') && j + 1 < c->f.len &&
             isdigit((unsigned char)t[j + 1]))))
        digits += isdigit((unsigned char)t[j++]) != 0;
    return digits >= 4 ? j : 0;
}

static bool overlaps_role(const struct seg_ctx *c, uint32_t s, uint32_t e, enum role r)
{
    const struct hit *h = c->s->hits.data;
    for (size_t k = hits_from(c, back(s, HIT_MAX_LEN)); k < c->s->hits.n && h[k].start < e; k++)
        if (h[k].role == r && h[k].end > s)
            return true;
    return false;
}

/* greeted_after - does a capitalised word that is not a collective
 * ("Colleagues", "Allemaal") follow the greeting ending at i? */
static bool greeted_after(const struct seg_ctx *c, uint32_t i)
{
    static const char *const collective[] = {
        "all",  "allemaal", "allen", "colleagues", "collega", "collega's", "collegas",
        "team", "everyone", "tous",  "toutes",     "tout",    "iedereen"};
    const char *t = c->f.text;
    uint32_t j = i;
    while (j < c->f.len && t[j] == ' ')
        j++;
    if (j >= c->f.len || j == i || !word_byte((unsigned char)t[j]) || !is_upper_at(c, j))
        return false;
    uint32_t e = j;
    while (e < c->f.len && (word_byte((unsigned char)t[e]) || t[e] == '\''))
        e++;
    for (size_t k = 0; k < sizeof collective / sizeof collective[0]; k++)
        if (strlen(collective[k]) == e - j && memcmp(t + j, collective[k], e - j) == 0)
            return false;
    return true;
}

/* date_after_name -  is the date at i in brackets right after a
 * capitalised word: "Ad ter Horst (04/04/1935)"? */
static bool date_after_name(const struct seg_ctx *c, uint32_t i)
{
    const char *t = c->f.text;
    uint32_t j = i;
    while (j > 0 && t[j - 1] == ' ')
        j--;
    if (j == 0 || t[j - 1] != '(')
        return false;
    j--;
    while (j > 0 && t[j - 1] == ' ')
        j--;
    uint32_t w = j;
    while (w > 0 && word_byte((unsigned char)t[w - 1]))
        w--;
    return w < j && is_upper_at(c, w) && !(t[w] >= '0' && t[w] <= '9');
}

/* staff_before - does a professional title end right before i ("dr. Anja
 * Bakker", "drs. El Amrani")? */
static bool staff_before(const struct seg_ctx *c, uint32_t i)
{
    const struct hit *h = c->s->hits.data;
    uint32_t b = i;
    while (b > 0 && c->f.text[b - 1] == ' ')
        b--;
    for (size_t k = hits_from(c, back(b, HIT_MAX_LEN)); k < c->s->hits.n && h[k].start < b; k++)
        if (h[k].role == ROLE_STAFF_TITLE && h[k].end == b)
            return true;
    return false;
}

/* staff_after - is the name ending at i followed by a job title
 * ("Postma, ketencoördinator", "Anja (wijkverpleegkundige)") or by contact
 * details? */
static bool hit_at_end(const struct seg_ctx *c, uint32_t e, enum role r);

static bool staff_after(const struct seg_ctx *c, uint32_t i)
{
    const char *t = c->f.text;
    uint32_t j = i;
    /* on the same line, or the next one as in a signature */
    while (j < c->f.len && j - i < 5 &&
           (t[j] == ' ' || t[j] == ',' || t[j] == '(' || t[j] == '-' || t[j] == ':' ||
            t[j] == '\n' || t[j] == '\r'))
        j++;
    /* "Femke start als verpleegkundige", "joins as a nurse" */
    if (j + 4 <= c->f.len && (memcmp(t + j, "als ", 4) == 0 || memcmp(t + j, "as a", 4) == 0))
        j += memcmp(t + j, "as a", 4) == 0 ? 5 : 4;
    if (j > i && hit_at(c, j, ROLE_STAFF_ROLE) != NULL)
        return true;
    /* a signature's job title on the next line that ends in a role ("Claire
     * Harrison\nCare Home Manager", "Senior Nurse Practitioner") */
    if (j > i && memchr(t + i, '\n', j - i) != NULL) {
        uint32_t e = j;
        while (e < c->f.len && e - j < 48 && t[e] != '\n' && t[e] != '\r')
            e++;
        while (e > j && t[e - 1] == ' ')
            e--;
        if (e < c->f.len && e - j < 48 && hit_at_end(c, e, ROLE_STAFF_ROLE))
            return true;
    }
    /* a contact: "Gilbert De Clercq (+32 9 670 6111)", "Sarah Fletcher at
     * careers@...": an e-mail address on the rest of the line, or a phone
     * number right after the name, international or in brackets (not in a
     * table, where a client list may carry them too) */
    if (c->seg->rows)
        return false;
    for (j = i; j < c->f.len && j - i < 48 && t[j] != '\n'; j++)
        if (t[j] == '@')
            return true;
    for (j = i; j < c->f.len && j - i < 4 && (t[j] == ' ' || t[j] == '(' || t[j] == ','); j++)
        ;
    if (j + 1 < c->f.len && t[j] == '+' && t[j + 1] >= '0' && t[j + 1] <= '9')
        return true;
    /* a phone number in brackets: "Simonne Maes (09 677 48 85)" */
    if (j == i || t[j - 1] != '(')
        return false;
    unsigned digits = 0;
    for (; j < c->f.len && j - i < 24 && t[j] != ')'; j++) {
        if (t[j] >= '0' && t[j] <= '9')
            digits++;
        else if (t[j] != ' ' && t[j] != '-' && t[j] != '/' && t[j] != '.')
            return false;
    }
    return j < c->f.len && t[j] == ')' && digits >= 9;
}

/* generic_before - is the word before i one that makes a role word
 * generic ("per patiënt", "elke cliënt", "een bewoner", "each patient")? */
static bool generic_before(const struct seg_ctx *c, uint32_t i)
{
    static const char *const words[] = {"per",   "elke", "iedere", "ieder",  "een", "each",
                                        "every", "a",    "any",    "chaque", "par", "un",
                                        "une",   "tout", "toute",  "geen",   "no"};
    const char *t = c->f.text;
    uint32_t e = i;
    while (e > 0 && t[e - 1] == ' ')
        e--;
    uint32_t b = e;
    while (b > 0 && t[b - 1] >= 'a' && t[b - 1] <= 'z')
        b--;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (strlen(words[k]) == e - b && memcmp(t + b, words[k], e - b) == 0)
            return true;
    return false;
}

/* role_within - does a hit of role r stand within n bytes of [s, e)? */
static bool role_within(const struct seg_ctx *c, uint32_t s, uint32_t e, enum role r, uint32_t n)
{
    const struct hit *h = c->s->hits.data;
    for (size_t k = hits_from(c, back(s, n + HIT_MAX_LEN)); k < c->s->hits.n && h[k].start <= e + n;
         k++)
        if (h[k].role == r && h[k].end + n >= s)
            return true;
    return false;
}

/* health_within - does health context (not a weak care term) start within
 * n bytes after i? */
static bool health_within(const struct seg_ctx *c, uint32_t i, uint32_t n)
{
    const struct hit *h = c->s->hits.data;
    for (size_t k = hits_from(c, i); k < c->s->hits.n && h[k].start <= i + n; k++) {
        if (h[k].role == ROLE_TOPIC) /* "your presentation on diabetes" */
            return false;
        if (h[k].role == ROLE_HEALTH || h[k].role == ROLE_MEASUREMENT ||
            h[k].role == ROLE_CLINICAL_CODE || h[k].role == ROLE_CARE_DOCUMENT)
            return true;
    }
    return false;
}

/* ---- person evidence that needs no title: lists, rooms, ages ---- */

/* initials_after - ", J." or " J.H." right after a surname ("Bakker, J.",
 * a list of patients); returns the end of the initials or 0 */
static uint32_t initials_after(const struct seg_ctx *c, uint32_t i)
{
    const char *t = c->f.text;
    uint32_t j = i, end = 0;
    if (j < c->f.len && t[j] == ',')
        j++;
    if (j >= c->f.len || t[j] != ' ')
        return 0;
    j = skip_spaces(c, j);
    while (j + 1 < c->f.len && t[j] >= 'a' && t[j] <= 'z' && t[j + 1] == '.' && is_upper_at(c, j) &&
           (j + 2 >= c->f.len || !word_byte((unsigned char)t[j + 2]))) {
        j += 2;
        end = j;
    }
    return end;
}

/* cap_surname_at - a capitalised listed surname at i, particles allowed
 * before it ("De Boer", "van Dijk"); returns its end or 0 */
static uint32_t cap_surname_at(const struct seg_ctx *c, uint32_t i)
{
    for (int n = 0; n < 3; n++) {
        const struct hit *p = hit_at(c, i, ROLE_PARTICLE);
        if (p == NULL)
            break;
        i = skip_spaces(c, p->end);
    }
    const struct hit *s = hit_at(c, i, ROLE_SURNAME);
    return s && is_upper_at(c, i) ? s->end : 0;
}

/* list_join - the length of a list separator at i (", ", " en ", " and ",
 * " et ", " & "), or 0 */
static uint32_t list_join(const struct seg_ctx *c, uint32_t i)
{
    static const char *const joins[] = {", ", " en ", " and ", " et ", " & ", " of "};
    for (size_t k = 0; k < sizeof joins / sizeof joins[0]; k++) {
        size_t n = strlen(joins[k]);
        if (i + n <= c->f.len && memcmp(c->f.text + i, joins[k], n) == 0)
            return (uint32_t)n;
    }
    return 0;
}

/* surname_listed_with - is the capitalised surname [s, e) one of several
 * listed surnames in a row ("Bij Jansen, De Boer en Mulder was het INR")? */
static bool surname_listed_with(const struct seg_ctx *c, uint32_t s, uint32_t e)
{
    const struct hit *h = c->s->hits.data;
    uint32_t n = list_join(c, e);
    if (n && cap_surname_at(c, e + n))
        return true;
    /* the one before: a surname hit that ends at a separator before s */
    for (size_t k = hits_from(c, back(s, 48)); k < c->s->hits.n && h[k].start < s; k++) {
        if (h[k].role != ROLE_SURNAME || !is_upper_at(c, h[k].start))
            continue;
        n = list_join(c, h[k].end);
        if (n == 0)
            continue;
        uint32_t j = h[k].end + n;
        if (j == s || cap_surname_at(c, j) == e)
            return true;
    }
    return false;
}

/* place_after - "van kamer 12", "op de Vlinder", "(kamer 3)", "van woongroep
 * Zon", "chambre 8", "du lit 6": the room, ward or living group a person is known by
 * (with wards, also "afdeling B", "unit 3"); returns its end or 0 */
static uint32_t place_after(const struct seg_ctx *c, uint32_t i, bool wards)
{
    static const char *const lead[] = {"van", "op", "in",    "uit", "de", "het", "from", "in",
                                       "of",  "du", "de la", "la",  "le", "(",   "-",    ","};
    static const char *const place[] = {
        "kamer",     "k.",        "room",        "chambre", "ch.",   "ch",        "lit",
        "woongroep", "leefgroep", "appartement", "app.",    "bed",   "box",       "groep",
        "afdeling",  "unit",      "paviljoen",   "ward",    "etage", "verdieping"};
    const char *t = c->f.text;
    uint32_t j = skip_spaces(c, i);
    for (int n = 0; n < 3; n++) {
        bool moved = false;
        for (size_t k = 0; k < sizeof lead / sizeof lead[0]; k++) {
            size_t l = strlen(lead[k]);
            if (j + l < c->f.len && memcmp(t + j, lead[k], l) == 0 &&
                (!word_byte((unsigned char)t[j + l]) || !word_byte((unsigned char)t[j]))) {
                j = skip_spaces(c, j + (uint32_t)l);
                moved = true;
                break;
            }
        }
        if (!moved)
            break;
    }
    for (size_t k = 0; k < (wards ? sizeof place / sizeof place[0] : 13); k++) {
        size_t l = strlen(place[k]);
        if (j + l >= c->f.len || memcmp(t + j, place[k], l) != 0 ||
            word_byte((unsigned char)t[j + l]))
            continue;
        uint32_t e = skip_spaces(c, j + (uint32_t)l);
        if (e < c->f.len && t[e] == ':')
            e = skip_spaces(c, e + 1);
        /* a number ("kamer 12", "k. 3b") or, for a group, a capitalised name */
        uint32_t w = e;
        while (w < c->f.len && word_byte((unsigned char)t[w]))
            w++;
        if (w == e)
            return 0;
        if (t[e] >= '0' && t[e] <= '9')
            return w;
        return k >= 7 && is_upper_at(c, e) ? w : 0;
    }
    return 0;
}

/* age_after - "Sophie (84)", "Sophie (7 jr)", "Sophie, 84 jaar": an age
 * right after a first name; returns its end or 0 */
static uint32_t age_after(const struct seg_ctx *c, uint32_t i)
{
    static const char *const unit[] = {"jaar", "jr", "j", "ans", "an", "years", "yrs", "y", "mnd"};
    const char *t = c->f.text;
    uint32_t j = i;
    bool bracket = false;
    if (j < c->f.len && t[j] == ',')
        j++;
    j = skip_spaces(c, j);
    if (j < c->f.len && t[j] == '(')
        bracket = true, j++;
    uint32_t d = j;
    while (j < c->f.len && j - d < 3 && t[j] >= '0' && t[j] <= '9')
        j++;
    if (j == d || (j < c->f.len && (t[j] >= '0' && t[j] <= '9')))
        return 0;
    uint32_t k = skip_spaces(c, j);
    bool has_unit = false;
    for (size_t u = 0; u < sizeof unit / sizeof unit[0]; u++) {
        size_t l = strlen(unit[u]);
        if (k + l <= c->f.len && memcmp(t + k, unit[u], l) == 0 &&
            (k + l == c->f.len || !word_byte((unsigned char)t[k + l]))) {
            has_unit = true;
            k += (uint32_t)l;
            break;
        }
    }
    if (bracket) {
        uint32_t e = has_unit ? k : j;
        return e < c->f.len && t[e] == ')' ? e + 1 : 0;
    }
    return has_unit && i < c->f.len && t[i] == ',' ? k : 0;
}

/* named_ends_at - does a named person signal of this segment end at folded
 * offset j ("Bakker, J. - 12-03-1941": the date that follows the name)? */
static bool named_ends_at(const struct seg_ctx *c, uint32_t j)
{
    const struct sig *g = c->s->sigs.data;
    for (size_t k = c->s->sigs.n; k-- > 0 && g[k].seg == c->segno && g[k].fstart + 200 > j;)
        if (g[k].kind == SIG_PERSON && g[k].strength >= P_NAMED && g[k].end == c->f.map[j])
            return true;
    return false;
}

/* date_after_listed - is the date at i right after a named person, past a
 * list separator ("Bakker, J. - 12-03-1941 - COPD", "J. Peters, 3-7-1941"),
 * with a year before 2016 (later dates are appointments)? */
static bool date_after_listed(const struct seg_ctx *c, const struct hit *d)
{
    const char *t = c->f.text;
    uint32_t j = d->start;
    while (j > 0 && d->start - j < 6 &&
           (t[j - 1] == ' ' || t[j - 1] == '-' || t[j - 1] == ',' || t[j - 1] == ';' ||
            t[j - 1] == '|' || t[j - 1] == '\t' || t[j - 1] == '('))
        j--;
    if (j == d->start || j == 0)
        return false;
    /* the year: the last four digits of the date, when it has them */
    uint32_t e = d->end;
    bool four = e - d->start >= 4 && isdigit((unsigned char)t[e - 4]) &&
                isdigit((unsigned char)t[e - 3]) && isdigit((unsigned char)t[e - 2]) &&
                isdigit((unsigned char)t[e - 1]) &&
                (e - d->start == 4 || !isdigit((unsigned char)t[e - 5]));
    int year = four ? (t[e - 4] - '0') * 1000 + (t[e - 3] - '0') * 100 + (t[e - 2] - '0') * 10 +
                          (t[e - 1] - '0')
                    : 0;
    if (year >= 2016)
        return false;
    return named_ends_at(c, j);
}

/* citation_after - is "Surname, I." ending at i an author in a reference
 * ("Kowalczyk, A. (2019). CVA en revalidatie", "Jansen, P., et al.")? */
static bool citation_after(const struct seg_ctx *c, uint32_t i)
{
    const char *t = c->f.text;
    for (uint32_t j = i; j < c->f.len && j - i < 120 && t[j] != '\n'; j++) {
        if (t[j] == '(' && j + 5 < c->f.len && (t[j + 1] == '1' || t[j + 1] == '2') &&
            isdigit((unsigned char)t[j + 2]) && isdigit((unsigned char)t[j + 3]) &&
            isdigit((unsigned char)t[j + 4]) && !isdigit((unsigned char)t[j + 5]))
            return true;
        if (j + 6 <= c->f.len && memcmp(t + j, "et al", 5) == 0)
            return true;
    }
    return false;
}

/* listed_lines - header-less tabular text: a line that starts with
 * "Surname, I." ("Kowalczyk, A. - 03-04-1950 - CVA"), the surname listed or
 * not, is a person */
static enum sl_status listed_lines(struct seg_ctx *c)
{
    const uint32_t *ls = c->s->lines.data;
    const uint8_t *flags = c->s->lflags.data;
    const char *t = c->f.text;
    enum sl_status st = SL_OK;
    uint32_t rule = UINT32_MAX;
    for (size_t r = 0; r < c->p->nrules && rule == UINT32_MAX; r++)
        if (c->p->rules[r].role == ROLE_SURNAME)
            rule = (uint32_t)r;
    for (size_t l = 0; rule != UINT32_MAX && l < c->s->lines.n && st == SL_OK; l++) {
        if (flags[l] & (LINE_SIGNATURE | LINE_HEADER | LINE_GREETING | LINE_BLANK))
            continue;
        uint32_t i = ls[l];
        while (i < c->f.len && (t[i] == ' ' || t[i] == '\t' || t[i] == '-' || t[i] == '*'))
            i++;
        uint32_t s = i;
        for (int n = 0; n < 3; n++) {
            const struct hit *p = hit_at(c, i, ROLE_PARTICLE);
            if (p == NULL)
                break;
            i = skip_spaces(c, p->end);
        }
        if (i >= c->f.len || !(t[i] >= 'a' && t[i] <= 'z') || !is_upper_at(c, i) ||
            hit_at(c, i, ROLE_SURNAME) || hit_at(c, i, ROLE_TITLE) ||
            hit_at(c, i, ROLE_STAFF_TITLE) || hit_at(c, i, ROLE_GREETING))
            continue;
        uint32_t w = i;
        while (w < c->f.len && (word_byte((unsigned char)t[w]) ||
                                ((t[w] == '-' || t[w] == '\'') && w + 1 < c->f.len &&
                                 word_byte((unsigned char)t[w + 1]))))
            w++;
        if (w - i < 2 || t[w] != ',')
            continue;
        uint32_t e = initials_after(c, w);
        if (e && !staff_after(c, e) && !citation_after(c, e))
            st = add_loose(c, s, e, rule);
    }
    return st;
}

/* hit_at_end - does a hit of role r end at folded offset e? */
static bool hit_at_end(const struct seg_ctx *c, uint32_t e, enum role r)
{
    const struct hit *h = c->s->hits.data;
    for (size_t k = hits_from(c, back(e, HIT_MAX_LEN)); k < c->s->hits.n && h[k].start < e; k++)
        if (h[k].role == r && h[k].end == e)
            return true;
    return false;
}

/* title_greets - after a title on a greeting line, one reader addressed in
 * person ("Beste mevrouw,"), not a form letter ("Geachte heer/mevrouw,",
 * "Dames en heren")? */
static bool title_greets(const struct seg_ctx *c, uint32_t i)
{
    const char *t = c->f.text;
    uint32_t j = skip_spaces(c, i);
    if (j < c->f.len && t[j] == ',')
        j = skip_spaces(c, j + 1);
    if (j < c->f.len && t[j] != '\n' && t[j] != '\r')
        return false;
    uint32_t k = i;
    for (; k > 0 && t[k - 1] != '\n'; k--)
        if (t[k - 1] == '/' || (k >= 3 && memcmp(t + k - 3, "en ", 3) == 0) ||
            (k >= 3 && memcmp(t + k - 3, "of ", 3) == 0))
            return false;
    /* "Geachte heer, mevrouw,": two titles, anyone */
    const struct hit *h = c->s->hits.data;
    unsigned titles = 0;
    for (size_t n = hits_from(c, k); n < c->s->hits.n && h[n].start < j; n++)
        titles += h[n].role == ROLE_TITLE;
    return titles == 1;
}

/* article_before - an article right before the surname [i, e): "De Esch",
 * "Het Spijker", "'t Anker" name a ward or a house, not a person; "De" is
 * also a surname's particle, which it is when a health term follows ("De
 * Groot-Yilmaz clozapine herstart") */
static bool article_before(const struct seg_ctx *c, uint32_t i, uint32_t e)
{
    static const char *const art[] = {"de ", "het ", "'t ", "le ", "la ", "the "};
    const char *t = c->f.text;
    for (size_t k = 0; k < sizeof art / sizeof art[0]; k++) {
        size_t n = strlen(art[k]);
        if (i < n || memcmp(t + i - n, art[k], n) != 0 ||
            (i > n && word_byte((unsigned char)t[i - n - 1])))
            continue;
        if (k > 0)
            return true;
        /* past a double-barrelled rest ("-Yilmaz") to the next word */
        while (e < c->f.len && (word_byte((unsigned char)t[e]) || t[e] == '-'))
            e++;
        e = skip_spaces(c, e);
        const struct hit *h = c->s->hits.data;
        for (size_t m = hits_from(c, e); m < c->s->hits.n && h[m].start <= e; m++)
            if (h[m].start == e && (h[m].role == ROLE_HEALTH || h[m].role == ROLE_MEASUREMENT))
                return false;
        return true;
    }
    return false;
}

/* bare_number_after - a client or patient number written without a label right
 * after a surname ("Jansen 4471902", "Jansen (4471902)", "Jansen - 4471902"):
 * 6 to 10 digits, not a phone number (leading 0) or a year; returns its end
 * or 0 */
static uint32_t bare_number_after(const struct seg_ctx *c, uint32_t i)
{
    const char *t = c->f.text;
    uint32_t j = i;
    if (j < c->f.len && t[j] == ',')
        j++;
    j = skip_spaces(c, j);
    if (j < c->f.len && (t[j] == '-' || t[j] == '('))
        j = skip_spaces(c, j + 1);
    if (j == i || j >= c->f.len || t[j] < '1' || t[j] > '9')
        return 0;
    uint32_t d = j;
    while (j < c->f.len && t[j] >= '0' && t[j] <= '9')
        j++;
    if (j - d < 6 || j - d > 10)
        return 0;
    /* not a part of a longer token: a date, an amount, a code ("4471902-3") */
    if (j < c->f.len &&
        (word_byte((unsigned char)t[j]) || t[j] == '-' || t[j] == '/' ||
         ((t[j] == '.' || t[j] == ',') && j + 1 < c->f.len && isdigit((unsigned char)t[j + 1]))))
        return 0;
    return j < c->f.len && t[j] == ')' ? j + 1 : j;
}

/* column_sep - a column break at i: a tab, two spaces, " - ", " – " or
 * " | "; returns its length or 0 */
static uint32_t column_sep(const struct seg_ctx *c, uint32_t i)
{
    const char *t = c->f.text;
    if (i < c->f.len && t[i] == '\t')
        return 1;
    if (i + 1 < c->f.len && t[i] == ' ' && t[i + 1] == ' ')
        return 2;
    if (i + 2 < c->f.len && t[i] == ' ' && (t[i + 1] == '-' || t[i + 1] == '|') && t[i + 2] == ' ')
        return 3;
    if (i + 4 < c->f.len && t[i] == ' ' && memcmp(t + i + 1, "\xe2\x80\x93", 3) == 0 &&
        t[i + 4] == ' ')
        return 5;
    return 0;
}

/* column_line - does line l start with a capitalised name (particles and
 * hyphens allowed: "Van der Linden", "Eppink-Dijkman") and a column break? */
static bool column_line(const struct seg_ctx *c, size_t l)
{
    const uint32_t *ls = c->s->lines.data;
    const char *t = c->f.text;
    if (l >= c->s->lines.n)
        return false;
    uint32_t i = ls[l];
    while (i < c->f.len && (t[i] == ' ' || t[i] == '*'))
        i++;
    if (i >= c->f.len || !is_upper_at(c, i))
        return false;
    for (int n = 0; n < 4; n++) {
        while (i < c->f.len && (word_byte((unsigned char)t[i]) ||
                                ((t[i] == '-' || t[i] == '\'') && i + 1 < c->f.len &&
                                 word_byte((unsigned char)t[i + 1]))))
            i++;
        if (column_sep(c, i))
            return true;
        if (i >= c->f.len || t[i] != ' ')
            return false;
        i++;
    }
    return false;
}

/* column_start - is the listed surname x the first column of a line in a
 * header-less table of people ("Van der Linden   - eiwitverrijkt (BMI
 * 18,9)"), a line above or below it of the same shape? */
static bool column_start(const struct seg_ctx *c, const struct hit *x)
{
    const uint32_t *ls = c->s->lines.data;
    const char *t = c->f.text;
    size_t l = line_of(c, x->start);
    uint32_t i = ls[l];
    while (i < c->f.len && (t[i] == ' ' || t[i] == '*'))
        i++;
    for (int n = 0; n < 3 && i < x->start; n++) {
        const struct hit *p = hit_at(c, i, ROLE_PARTICLE);
        if (p == NULL)
            break;
        i = skip_spaces(c, p->end);
    }
    if (i != x->start || !column_sep(c, x->end))
        return false;
    return (l > 0 && column_line(c, l - 1)) || column_line(c, l + 1);
}

/* surname_alone - a capitalised listed surname without initials or a first
 * name before it: "Bakker, J." in a list of patients, one of several
 * surnames in a row ("Jansen, De Boer en Mulder"), or with a client number
 * ("Jansen 4471902") */
static enum sl_status surname_alone(struct seg_ctx *c, const struct hit *x)
{
    uint32_t n = bare_number_after(c, x->end);
    if (n && !staff_after(c, n))
        return add_loose(c, x->start, n, x->rule);
    /* "Verhoeven clozapine herstart", "Nowak naar HIC": a subject names its
     * client by surname alone */
    if (c->seg->kind == SEG_SUBJECT && !staff_after(c, x->end) &&
        !article_before(c, x->start, x->end) &&
        !(x->start > 0 && c->f.text[x->start - 1] == '-')) /* "Rotterdam-Oost" */
        return add_loose(c, x->start, x->end, x->rule);
    if (!c->seg->rows && column_start(c, x))
        return add_loose(c, x->start, x->end, x->rule);
    uint32_t e = initials_after(c, x->end);
    if (e && !staff_after(c, e) && !citation_after(c, e))
        return add_loose(c, x->start, e, x->rule);
    if (!e && surname_listed_with(c, x->start, x->end) && !staff_after(c, x->end))
        return add_loose(c, x->start, x->end, x->rule);
    return SL_OK;
}

/* signals - turn the hits of one segment into person, health and id signals */
static enum sl_status signals(struct seg_ctx *c)
{
    const struct hit *h = c->s->hits.data;
    const uint8_t *flags = c->s->lflags.data;
    enum sl_status st = SL_OK;
    /* a table's header row labels its columns: "INSZ;Naam;Geboortedatum" */
    const struct hit *hdr_id = NULL, *hdr_dob = NULL;
    bool hdr_person = false; /* "Bewoner;Kamer;Medicatie": a column of people */
    for (size_t i = 0; c->seg->rows && i < c->s->hits.n && line_of(c, h[i].start) == 0; i++) {
        if (h[i].role == ROLE_ID_KEYWORD && !hdr_id)
            hdr_id = &h[i];
        if (h[i].role == ROLE_DOB_LABEL && !hdr_dob)
            hdr_dob = &h[i];
        if (h[i].role == ROLE_PERSON_ROLE)
            hdr_person = true;
    }

    if (!c->seg->rows)
        st = listed_lines(c);
    for (size_t i = 0; i < c->s->hits.n && st == SL_OK; i++) {
        const struct hit *x = &h[i];
        uint32_t line = line_of(c, x->start);
        uint8_t fl = flags[line];
        bool quiet = (fl & (LINE_SIGNATURE | LINE_HEADER)) != 0;
        bool initial_only, listed;
        uint32_t end, ys, ye;

        switch ((enum role)x->role) {
        case ROLE_TITLE:
            /* "dr. Jansen" names a colleague, not a client */
            if (quiet || hit_at(c, x->start, ROLE_STAFF_TITLE))
                break;
            /* plain text wraps: "Let op bij mevr.\nGoossens" */
            end = name_after(c, skip_blanks(c, x->end, !c->seg->rows), &initial_only, &listed);
            if (staff_after(c, end ? end : x->end))
                break;
            if (end && !(fl & LINE_GREETING))
                st = add_sig(c, SIG_PERSON, P_NAMED, x->start, end, x->rule, 0);
            else if (end) /* "Geachte mevrouw Jansen,": the reader, by name */
                st = add_sig_reader(c, SIG_PERSON, P_WEAK, x->start, end, x->rule, 0,
                                    READER_GREETED);
            else if ((fl & LINE_GREETING) && title_greets(c, x->end))
                /* "Beste mevrouw,": one reader, addressed in person */
                st =
                    add_sig_reader(c, SIG_GREETED, 0, x->start, x->end, x->rule, 0, READER_GREETED);
            else if (!(fl & LINE_GREETING) && (end = place_after(c, x->end, true)) != 0)
                /* "mevrouw van kamer 12": known to the reader by her room */
                st = add_loose(c, x->start, end, x->rule);
            else if (!(fl & LINE_GREETING))
                st = add_sig(c, SIG_PERSON, P_WEAK, x->start, x->end, x->rule, 0);
            break;
        case ROLE_FIRSTNAME:
            if (!quiet && (fl & LINE_GREETING) && is_upper_at(c, x->start)) {
                /* "Hi Priya,": the reader, by first name */
                st =
                    add_sig_reader(c, SIG_GREETED, 0, x->start, x->end, x->rule, 0, READER_GREETED);
                break;
            }
            if (quiet || (fl & LINE_GREETING) || !is_upper_at(c, x->start) ||
                staff_before(c, x->start))
                break;
            end = name_after(c, x->end, &initial_only, &listed);
            if (staff_after(c, end && !initial_only ? end : x->end))
                break;
            if (end && !initial_only)
                st = add_sig(c, SIG_PERSON, P_NAMED, x->start, end, x->rule, 0);
            else if (hdr_person && line > 0) /* "RENARD Nadia" under "Résident" */
                st = add_sig(c, SIG_PERSON, P_NAMED, x->start, x->end, x->rule, 0);
            else if ((end = age_after(c, x->end)) != 0 ||
                     (end = place_after(c, x->end, false)) != 0)
                /* "Sophie (84)", "Daan van woongroep Zon", "Mia op kamer 4" */
                st = add_loose(c, x->start, end, x->rule);
            else /* "Barbara's asthma": the name owns what follows */
                st = add_sig_reader(c, SIG_PERSON, P_WEAK, x->start, x->end, x->rule, 0,
                                    x->end + 2 <= c->f.len && c->f.text[x->end] == '\'' &&
                                            c->f.text[x->end + 1] == 's'
                                        ? READER_LINKED
                                        : 0);
            break;
        case ROLE_FIRSTNAME_AMBIGUOUS:
            /* "Max Jansen": only with a listed surname after it */
            if (quiet || (fl & LINE_GREETING) || !is_upper_at(c, x->start) ||
                staff_before(c, x->start))
                break;
            end = name_after(c, x->end, &initial_only, &listed);
            if (end && listed && !initial_only && !staff_after(c, end))
                st = add_sig(c, SIG_PERSON, P_NAMED, x->start, end, x->rule, 0);
            break;
        case ROLE_SURNAME: {
            /* "J. Jansen", "A.B. van der Berg": initials before a listed surname */
            if (quiet || (fl & LINE_GREETING) || !is_upper_at(c, x->start))
                break;
            if (x->start < 3) {
                st = surname_alone(c, x);
                break;
            }
            uint32_t b = x->start;
            bool low_particle = false;
            while (b > 0 && c->f.text[b - 1] == ' ')
                b--;
            for (size_t k = hits_from(c, back(b, HIT_MAX_LEN)); k < c->s->hits.n && h[k].start < b;
                 k++)
                if (h[k].role == ROLE_PARTICLE && h[k].end == b) {
                    b = h[k].start;
                    low_particle = !is_upper_at(c, b);
                    while (b > 0 && c->f.text[b - 1] == ' ')
                        b--;
                    break;
                }
            if (staff_after(c, x->end))
                break;
            if (b >= 2 && c->f.text[b - 1] == '.' && c->f.text[b - 2] >= 'a' &&
                c->f.text[b - 2] <= 'z' && is_upper_at(c, b - 2) &&
                (b < 3 || !word_byte((unsigned char)c->f.text[b - 3])))
                st = add_sig(c, SIG_PERSON, P_NAMED, b - 2, x->end, x->rule, 0);
            else if (low_particle && b > 0 && word_byte((unsigned char)c->f.text[b - 1])) {
                /* "Bas ter Horst", "Demi de Groot": a capitalised word, a
                 * particle in lower case, a listed surname (a place such as
                 * "Zorgcentrum De Linde" writes the particle capitalised) */
                uint32_t w = b;
                while (w > 0 && word_byte((unsigned char)c->f.text[w - 1]))
                    w--;
                if (is_upper_at(c, w) && !hit_at(c, w, ROLE_FIRSTNAME) &&
                    !hit_at(c, w, ROLE_TITLE) && !(flags[line_of(c, w)] & LINE_GREETING) &&
                    !acronym_before(c, w))
                    st = add_sig(c, SIG_PERSON, P_NAMED, w, x->end, x->rule, 0);
            } else if (!(b > 0 &&
                         (hit_at_end(c, b, ROLE_TITLE) || hit_at_end(c, b, ROLE_FIRSTNAME) ||
                          hit_at_end(c, b, ROLE_STAFF_TITLE))))
                st = surname_alone(c, x);
            break;
        }
        case ROLE_RELATIVE:
            if (!quiet)
                st = add_sig(c, SIG_PERSON, P_NAMED, x->start, x->end, x->rule, 0);
            break;
        case ROLE_GREETING:
            /* "Hi Janet,", "Dear Sir or Madam,": the reader, by name or
             * form of address, whether or not the name is listed */
            if ((fl & LINE_GREETING) && greeted_after(c, x->end))
                st =
                    add_sig_reader(c, SIG_GREETED, 0, x->start, x->end, x->rule, 0, READER_GREETED);
            break;
        case ROLE_POSSESSIVE:
            /* "uw uitslag", "your HbA1c": health context a few words on */
            if (!quiet && health_within(c, x->end, 40))
                st = add_sig_reader(c, SIG_PERSON, P_WEAK, x->start, x->end, x->rule, 0,
                                    READER_POSSESSIVE);
            break;
        case ROLE_PERSON_ROLE:
            /* "per patiënt", "een cliënt": any patient, not one */
            if (!quiet && !generic_before(c, x->start) &&
                !role_within(c, x->start, x->end, ROLE_NEG_AGGREGATE, 48))
                /* "de bewoner van kamer 12" is one the reader knows */
                st = (end = place_after(c, x->end, true)) != 0
                         ? add_loose(c, x->start, end, x->rule)
                         : add_sig(c, SIG_PERSON, P_WEAK, x->start, x->end, x->rule, 0);
            break;
        case ROLE_DOB_LABEL: {
            const struct hit *d = date_after(c, x->end, &ye);
            if (d)
                st = add_sig(c, SIG_PERSON, P_IDGRADE, d->start, d->end, x->rule, 0);
            else if (ye)
                st = add_sig(c, SIG_PERSON, P_IDGRADE, ye - 4, ye, x->rule, 0);
            break;
        }
        case ROLE_ID_KEYWORD:
            st = add_sig(c, SIG_ID_LABEL, 0, x->start, x->end, x->rule, 0);
            if (st != SL_OK)
                break;
            end = number_after(c, x->end, &ys);
            if (end && !overlaps_role(c, ys, end, ROLE_NATIONAL_ID) &&
                !overlaps_role(c, ys, end, ROLE_DATE))
                st = add_sig(c, SIG_PERSON, P_IDGRADE, ys, end, x->rule, 0);
            break;
        case ROLE_PATIENT_NUMBER:
            st = add_sig(c, SIG_PERSON, P_IDGRADE, x->start, x->end, x->rule, 0);
            break;
        case ROLE_HEALTH:
        case ROLE_MEASUREMENT:
        case ROLE_CLINICAL_CODE:
            if (!quiet)
                st = add_sig(c, SIG_HEALTH, H_STRONG, x->start, x->end, x->rule, 0);
            break;
        case ROLE_CARE_DOCUMENT:
            if (!quiet)
                st = add_sig(c, SIG_HEALTH, H_DOC, x->start, x->end, x->rule, 0);
            break;
        case ROLE_CARE_TERM:
            /* a job title ("verpleegkundige", "huisarts") is not a condition */
            if (!quiet && !hit_at(c, x->start, ROLE_STAFF_ROLE))
                st = add_sig(c, SIG_HEALTH, H_WEAK, x->start, x->end, x->rule, 0);
            break;
        case ROLE_DATE:
            /* a date in a column headed "Geboortedatum" */
            if (hdr_dob && line > 0)
                st = add_sig(c, SIG_PERSON, P_IDGRADE, x->start, x->end, hdr_dob->rule, 0);
            /* "Ad ter Horst (04/04/1935)": a date in brackets after a name */
            else if (!quiet && c->p->dob_rule != SIZE_MAX &&
                     (date_after_name(c, x->start) || date_after_listed(c, x)))
                st = add_sig(c, SIG_PERSON, P_IDGRADE, x->start, x->end, (uint32_t)c->p->dob_rule,
                             0);
            break;
        case ROLE_NATIONAL_ID:
        case ROLE_PROVIDER_ID:
        case ROLE_FINANCIAL: {
            const struct rule *r = &c->p->rules[x->rule];
            bool labelled = x->context || (hdr_id && x->role == ROLE_NATIONAL_ID && line > 0);
            uint8_t conf = labelled ? CONF_HIGH : r->base;
            st = add_sig(c, SIG_ID, x->role == ROLE_NATIONAL_ID ? P_IDGRADE : P_WEAK, x->start,
                         x->end, x->rule, conf);
            /* a labelled national number is a person, for health context next to it */
            if (st == SL_OK && labelled && x->role == ROLE_NATIONAL_ID)
                st = add_sig(c, SIG_PERSON, P_IDGRADE, x->start, x->end, x->rule, 0);
            break;
        }
        case ROLE_NEG_NEWSLETTER:
            st = add_sig(c, SIG_NEWSLETTER, 0, x->start, x->end, x->rule, 0);
            break;
        case ROLE_TOPIC:
            st = add_sig(c, SIG_TOPIC, 0, x->start, x->end, x->rule, 0);
            break;
        case ROLE_PRONOUN:
            st = add_sig(c, SIG_PRONOUN, 0, x->start, x->end, x->rule, 0);
            break;
        case ROLE_FIRST_PERSON:
            if (!quiet)
                st = add_sig(c, SIG_FIRST_PERSON, 0, x->start, x->end, x->rule, 0);
            break;
        default:
            break;
        }
    }
    return st;
}

/* plan_regex - skip the patterns whose required context is nowhere in the
 * segment (an ICD-10 code needs a diagnosis label, an AGB code its label):
 * most patterns then never run over most text */
static enum sl_status plan_regex(struct seg_ctx *c)
{
    struct detect_scratch *s = c->s;
    const struct hit *h = s->hits.data;
    if (s->skip == NULL && (s->skip = calloc(c->p->nrules, sizeof *s->skip)) == NULL)
        return SL_ENOMEM;
    for (size_t ri = 0; ri < c->p->nrules; ri++) {
        const struct rule *r = &c->p->rules[ri];
        bool skip = false;
        for (size_t k = 0; !skip && r->type == RULE_REGEX && k < r->nrequires; k++) {
            const struct near *n = &r->requires[k];
            bool found = false;
            if (n->re)
                found =
                    pack_requires_may_match(c->p, s->ps, ri, k) &&
                    pack_regex_matches(s->ps, n->plan_re ? n->plan_re : n->re, c->f.text, c->f.len);
            for (size_t i = 0; !n->re && !found && i < s->hits.n; i++)
                found = h[i].role == n->role;
            skip = !found;
        }
        s->skip[ri] = skip;
    }
    return SL_OK;
}

_Static_assert(ROLE_COUNT <= 64, "detect_scratch.roles holds a bit per role");

/* model_segment - the model's text features of the folded segment, and
 * the roles that hit in it (rules/model.h) */
static void model_segment(struct seg_ctx *c)
{
    const struct hit *h = c->s->hits.data;
    const struct text_segment *g = c->seg;
    /* an HTML body after its plain-text alternative says the same again */
    bool plain = g->kind == SEG_BODY && strncmp(g->where, "body:text/plain", 15) == 0;
    bool html = g->kind == SEG_BODY && strncmp(g->where, "body:text/html", 14) == 0;
    uint64_t bit = g->doc < 64 ? 1ULL << g->doc : 0;
    if (g->kind != SEG_HEADER && !(html && (c->s->plain_docs & bit)))
        model_text(c->s->ms, c->f.text, c->f.len, g->kind == SEG_SUBJECT);
    if (plain)
        c->s->plain_docs |= bit;
    for (size_t i = 0; i < c->s->hits.n; i++)
        c->s->roles |= 1ULL << h[i].role;
}

/* addresses - a SEG_ADDRESSES segment's lines "from DOMAIN" / "to DOMAIN":
 * the ENV_* bits of the lines whose domain is a consumer mailbox
 * provider's (the pack's private-mail list, subdomains included) */
static void addresses(struct detect_scratch *s, const struct pack *p, const struct text_segment *g)
{
    size_t i = 0;
    while (i < g->len) {
        const char *l = g->text + i;
        const char *nl = memchr(l, '\n', g->len - i);
        size_t n = nl ? (size_t)(nl - l) : g->len - i;
        size_t skip = n > 5 && memcmp(l, "from ", 5) == 0 ? 5
                      : n > 3 && memcmp(l, "to ", 3) == 0 ? 3
                                                          : 0;
        if (skip && domain_list_has(&p->private_mail, l + skip, n - skip)) {
            bool from = skip == 5;
            s->private_mail |=
                g->doc ? (from ? ENV_FWD_FROM : ENV_FWD_TO) : (from ? ENV_FROM : ENV_TO);
        }
        i += n + 1;
    }
}

static enum sl_status scan_segment(struct seg_ctx *c, unsigned *limited)
{
    struct detect_scratch *s = c->s;
    if (c->seg->kind == SEG_ADDRESSES) {
        /* never text: no words, no patterns, not the model's tokens */
        addresses(s, c->p, c->seg);
        return SL_OK;
    }
    enum sl_status st = fold_text(c->seg->text, c->seg->len, &c->f);
    if (st != SL_OK)
        return st;
    s->hits.n = 0;
    ac_scan_words(c->p->words, c->f.text, c->f.len, on_word, c);
    pack_prefilter(c->p, s->ps, c->f.text, c->f.len);
    if (c->st == SL_OK && (st = plan_regex(c)) == SL_OK)
        pack_run_regex(c->p, s->ps, c->f.text, c->f.len, s->skip, on_regex, c, limited);
    if (st != SL_OK) {
        fold_free(&c->f);
        return st;
    }
    if ((st = c->st) == SL_OK) {
        if (s->hits.n > 1)
            qsort(s->hits.data, s->hits.n, sizeof(struct hit), cmp_hit);
        apply_conditions(c);
        st = structure(c);
    }
    if (st == SL_OK)
        st = signals(c);
    if (st == SL_OK && s->ms && !c->seg->raw)
        model_segment(c);
    fold_free(&c->f);
    return st;
}

/* ---- scoring ---- */

struct doc_facts {
    bool named; /* a named person (not in a greeting or signature) */

    bool newsletter;
    bool greeted;       /* the message greets its reader by name */
    bool greeted_title; /* ... with a title: "Geachte mevrouw Jansen," */
    bool id_label;      /* an identifier label stands somewhere */
    int32_t subj_person, subj_health, body_person, body_health, id_person, any_health;
    int32_t labelled;   /* a person in a field labelled "Bewoner", "Patiënt" */
    int32_t writer;     /* the person in the From header */
    int32_t own_health; /* a condition in a sentence in the first person */
};

struct scorer {
    const struct pack *p;
    const struct text_segment *segs;
    const struct sig *sig;
    size_t nsig;
    struct detect_result *res;
    enum sl_status st;
};

static void emit(struct scorer *sc, const struct sig *g, enum confidence conf)
{
    const struct rule *r = &sc->p->rules[g->rule];
    const struct text_segment *seg = &sc->segs[g->seg];
    char masked[80];
    if (sc->st != SL_OK)
        return;
    detect_mask(seg->text + g->start, g->end - g->start, masked, sizeof masked);
    sc->st = detect_add_finding(sc->res, r->id, r->category, seg->where, conf, masked);
    if (conf >= CONF_MEDIUM && conf > sc->res->confidence)
        sc->res->confidence = conf;
    else if (conf == CONF_LOW && sc->res->confidence == CONF_NONE)
        sc->res->confidence = CONF_LOW;
}

static enum confidence pair_conf(int person, int health, bool sentence, bool doc_named)
{
    if (person >= P_NAMED) {
        if (health == H_STRONG)
            return CONF_HIGH;
        /* a care document with a name; any care word with a date of
         * birth or a record number ("Verwijzing A. Smit 02-07-1950") */
        if (health == H_DOC || person == P_IDGRADE)
            return CONF_MEDIUM;
        return CONF_LOW;
    }
    if (health >= H_DOC && sentence && doc_named)
        return CONF_MEDIUM;
    return CONF_LOW;
}

static uint32_t absdiff(uint32_t a, uint32_t b)
{
    return a > b ? a - b : b - a;
}

/* unit_range - the signals [*lo, *hi) of i's segment within DETECT_WINDOW
 * bytes of it (signals are sorted by segment and offset) */
static void unit_range(const struct scorer *sc, size_t i, size_t *lo, size_t *hi)
{
    const struct sig *g = sc->sig;
    size_t a = i, b = i + 1;
    while (a > 0 && g[a - 1].seg == g[i].seg && g[i].fstart - g[a - 1].fstart <= 2 * DETECT_WINDOW)
        a--;
    while (b < sc->nsig && g[b].seg == g[i].seg && g[b].fstart - g[i].fstart <= 2 * DETECT_WINDOW)
        b++;
    *lo = a;
    *hi = b;
}

/* kind_between - is there a signal of a kind between signals i and j? */
static bool kind_between(const struct scorer *sc, size_t i, size_t j, enum sig_kind kind)
{
    size_t a = i < j ? i : j, b = i < j ? j : i;
    for (size_t k = a + 1; k < b; k++)
        if (sc->sig[k].kind == kind)
            return true;
    return false;
}

/* pronoun_after - does a pronoun follow signal j in its paragraph, within
 * a sentence's length ("... een epileptische aanval gehad. Daarna heeft hij
 * twee uur geslapen")? */
static bool pronoun_after(const struct scorer *sc, size_t j)
{
    const struct sig *g = sc->sig;
    for (size_t k = j + 1; k < sc->nsig && g[k].seg == g[j].seg && g[k].para == g[j].para &&
                           g[k].fstart - g[j].fstart <= DETECT_SENTENCE;
         k++)
        if (g[k].kind == SIG_PRONOUN)
            return true;
    return false;
}

/* greeted_in - does segment seg greet its reader? */
static bool greeted_in(const struct scorer *sc, uint32_t seg)
{
    for (size_t k = 0; k < sc->nsig; k++)
        if (sc->sig[k].seg == seg && sc->sig[k].reader == READER_GREETED)
            return true;
    return false;
}

/* first_person_near - is the writer (ik, mijn) in health signal i's
 * sentence? */
static bool first_person_near(const struct scorer *sc, size_t i)
{
    const struct sig *g = sc->sig;
    for (size_t k = i;
         k-- > 0 && g[k].seg == g[i].seg && g[i].fstart - g[k].fstart <= DETECT_SENTENCE;)
        if (g[k].kind == SIG_FIRST_PERSON && g[k].para == g[i].para)
            return true;
    for (size_t k = i + 1;
         k < sc->nsig && g[k].seg == g[i].seg && g[k].fstart - g[i].fstart <= DETECT_SENTENCE; k++)
        if (g[k].kind == SIG_FIRST_PERSON && g[k].para == g[i].para)
            return true;
    return false;
}

/* sentence_ends - does a sentence end between text offsets a and b (a full
 * stop, question mark, exclamation mark or semicolon before a space or a
 * line break, or a blank line)? */
static bool sentence_ends(const char *t, uint32_t a, uint32_t b)
{
    for (uint32_t k = a; k < b; k++) {
        char ch = t[k];
        if (k + 1 >= b) /* b starts the later signal: a word */
            break;
        if ((ch == '.' || ch == '?' || ch == '!' || ch == ';') &&
            (t[k + 1] == ' ' || t[k + 1] == '\n' || t[k + 1] == '\r'))
            return true;
        if (ch == '\n' && (t[k + 1] == '\n' || t[k + 1] == '\r'))
            return true;
    }
    return false;
}

/* topic_before - does a topic word stand before health signal j in its
 * sentence ("de scholing over INR-zelfmeting en het doseren van
 * acenocoumarol"): the health words are a subject, not person i's */
static bool topic_before(const struct scorer *sc, size_t i, size_t j)
{
    const struct sig *g = sc->sig;
    const char *t = sc->segs[g[j].seg].text;
    /* a topic word before the person is about the person ("update over de
     * bewoner van kamer 25: zij ..."), not the health word */
    size_t stop = i < j ? i + 1 : 0;
    for (size_t k = j; k-- > stop && g[k].seg == g[j].seg && g[j].fstart - g[k].fstart <= 96;)
        if (g[k].kind == SIG_TOPIC &&
            (g[j].fstart - g[k].fstart <= 24 || !sentence_ends(t, g[k].end, g[j].start)))
            return true;
    return false;
}

/* place_article_before - is first name i the name of a place ("De Berk",
 * "Het Anker", "'t Kofschip"): a capitalised article right before it? */
static bool place_article_before(const struct scorer *sc, size_t i)
{
    static const char *const art[] = {"De ", "Het ", "'t ", "Le ", "La ", "The "};
    const struct sig *g = &sc->sig[i];
    const char *t = sc->segs[g->seg].text;
    for (size_t k = 0; k < sizeof art / sizeof art[0]; k++) {
        size_t n = strlen(art[k]);
        if (g->start >= n && memcmp(t + g->start - n, art[k], n) == 0)
            return true;
    }
    return false;
}

/* same_sentence - do signals i and j (one segment) stand in one sentence:
 * no full stop, colon or semicolon between them, and no line break after a
 * short line (a list, a table, a heading)? */
static bool same_sentence(const struct scorer *sc, size_t i, size_t j)
{
    const struct sig *a = &sc->sig[i < j ? i : j], *b = &sc->sig[i < j ? j : i];
    const char *t = sc->segs[a->seg].text;
    uint32_t line = 0;
    for (uint32_t k = a->end; k < b->start; k++) {
        char ch = t[k];
        if ((ch == '.' || ch == '?' || ch == '!' || ch == ':' || ch == ';') &&
            (t[k + 1] == ' ' || t[k + 1] == '\n' || t[k + 1] == '\r'))
            return false;
        if (ch == '|' || ch == '\t') /* a table's columns */
            return false;
        if (ch == '\n') {
            /* the line that ends here, from its start (or a) */
            uint32_t s = k;
            while (s > 0 && t[s - 1] != '\n')
                s--;
            if (k - s < 40)
                return false;
            line++;
        }
    }
    return line < 2;
}

/* same_term - are health signals i and j the same word ("Wzd ... Wzd")? */
static bool same_term(const struct scorer *sc, size_t i, size_t j)
{
    const struct sig *a = &sc->sig[i], *b = &sc->sig[j];
    if (a->end - a->start != b->end - b->start || a->seg != b->seg)
        return false;
    const char *t = sc->segs[a->seg].text;
    for (uint32_t k = 0; k < a->end - a->start; k++)
        if (tolower((unsigned char)t[a->start + k]) != tolower((unsigned char)t[b->start + k]))
            return false;
    return true;
}

static int cmp_sig(const void *a, const void *b)
{
    const struct sig *x = a, *y = b;
    if (x->seg != y->seg)
        return x->seg < y->seg ? -1 : 1;
    return x->fstart < y->fstart ? -1 : x->fstart > y->fstart;
}

/* seg_has - does segment seg hold a signal of this kind? */
static bool seg_has(const struct scorer *sc, uint32_t seg, uint8_t kind)
{
    for (size_t k = 0; k < sc->nsig; k++)
        if (sc->sig[k].seg == seg && sc->sig[k].kind == kind)
            return true;
    return false;
}

/* same_word - do signals a and b hold the same word, case aside? */
static bool same_word(const struct scorer *sc, const struct sig *a, const struct sig *b)
{
    if (a->end - a->start != b->end - b->start)
        return false;
    const char *x = sc->segs[a->seg].text + a->start, *y = sc->segs[b->seg].text + b->start;
    for (uint32_t k = 0; k < a->end - a->start; k++)
        if (tolower((unsigned char)x[k]) != tolower((unsigned char)y[k]))
            return false;
    return true;
}

/* subject_names - a first name in the subject that the body speaks of again
 * ("Maartje gewicht" ... "Toen ik Maartje zondag ophaalde") is the one the
 * message is about: named, in the subject and in the body. Not a name of the
 * message's correspondents (From, To) or its greeted reader. Named by
 * context: a topic word still parts it from health words. The signals are
 * the scratch's own (not const): this only raises their strength. */
static void subject_names(struct scorer *sc)
{
    struct sig *g = (struct sig *)sc->sig;
    for (size_t i = 0; i < sc->nsig; i++) {
        const struct text_segment *si = &sc->segs[g[i].seg];
        if (si->kind != SEG_SUBJECT || g[i].kind != SIG_PERSON || g[i].strength != P_WEAK ||
            sc->p->rules[g[i].rule].role != ROLE_FIRSTNAME)
            continue;
        bool body = false, other = false;
        for (size_t j = 0; j < sc->nsig && !other; j++) {
            const struct text_segment *sj = &sc->segs[g[j].seg];
            if (j == i || sj->doc != si->doc || !same_word(sc, &g[i], &g[j]))
                continue;
            if (sj->kind == SEG_HEADER || g[j].reader == READER_GREETED)
                other = true;
            else if (sj->kind != SEG_SUBJECT && g[j].kind == SIG_PERSON &&
                     sc->p->rules[g[j].rule].role == ROLE_FIRSTNAME)
                body = true;
        }
        if (!body || other)
            continue;
        for (size_t j = 0; j < sc->nsig; j++)
            if (sc->segs[g[j].seg].doc == si->doc && g[j].kind == SIG_PERSON &&
                g[j].strength == P_WEAK && sc->segs[g[j].seg].kind != SEG_HEADER &&
                sc->p->rules[g[j].rule].role == ROLE_FIRSTNAME && same_word(sc, &g[i], &g[j]))
                g[j].strength = P_NAMED, g[j].loose = true;
    }
}

static enum sl_status score(struct scorer *sc, bool newsletter_hdr, unsigned ndocs,
                            struct doc_facts *docs)
{
    const struct sig *g = sc->sig;

    subject_names(sc);

    for (unsigned d = 0; d < ndocs; d++) {
        docs[d] = (struct doc_facts){0};
        docs[d].newsletter = newsletter_hdr && d == 0;
        docs[d].subj_person = docs[d].subj_health = docs[d].body_person = -1;
        docs[d].body_health = docs[d].id_person = docs[d].any_health = -1;
        docs[d].labelled = docs[d].writer = docs[d].own_health = -1;
    }
    for (size_t i = 0; i < sc->nsig; i++) {
        struct doc_facts *df = &docs[sc->segs[g[i].seg].doc];
        bool subj = sc->segs[g[i].seg].kind == SEG_SUBJECT;
        if (g[i].kind == SIG_PERSON && sc->segs[g[i].seg].kind == SEG_HEADER &&
            strstr(sc->segs[g[i].seg].where, "header:from") && df->writer < 0)
            df->writer = (int32_t)i;
        if (g[i].kind == SIG_PERSON && g[i].reader == READER_LABELLED && df->labelled < 0)
            df->labelled = (int32_t)i;
        if (g[i].kind == SIG_HEALTH && g[i].strength == H_STRONG && df->own_health < 0 &&
            first_person_near(sc, i))
            df->own_health = (int32_t)i;
        if (g[i].kind == SIG_NEWSLETTER)
            df->newsletter = true;
        else if (g[i].reader == READER_GREETED)
            df->greeted = true, df->greeted_title |= g[i].kind == SIG_PERSON;
        else if (g[i].kind == SIG_ID_LABEL)
            df->id_label = true;
        else if (g[i].kind == SIG_PERSON ||
                 (g[i].kind == SIG_ID && g[i].strength == P_IDGRADE && g[i].conf >= CONF_HIGH)) {
            /* display names name the correspondents, not a client */
            if (g[i].strength >= P_NAMED && sc->segs[g[i].seg].kind != SEG_HEADER)
                df->named = true;
            if (g[i].strength == P_IDGRADE && df->id_person < 0)
                df->id_person = (int32_t)i;
            if (g[i].strength >= P_NAMED) {
                if (subj && df->subj_person < 0)
                    df->subj_person = (int32_t)i;
                if (!subj && df->body_person < 0 && sc->segs[g[i].seg].kind != SEG_HEADER)
                    df->body_person = (int32_t)i;
            }
        } else if (g[i].kind == SIG_HEALTH && g[i].strength >= H_DOC) {

            if (subj && df->subj_health < 0)
                df->subj_health = (int32_t)i;
            if (!subj && df->body_health < 0)
                df->body_health = (int32_t)i;
            if (g[i].strength == H_STRONG && df->any_health < 0)
                df->any_health = (int32_t)i;
        }
    }

    /* identifiers: their own confidence, raised by a named person in the unit */
    for (size_t i = 0; i < sc->nsig; i++) {
        if (g[i].kind != SIG_ID)
            continue;
        enum confidence conf = (enum confidence)g[i].conf;
        size_t lo, hi;
        unit_range(sc, i, &lo, &hi);
        for (size_t j = lo; g[i].strength == P_IDGRADE && conf < CONF_MEDIUM && j < hi; j++)
            if (g[j].kind == SIG_PERSON && g[j].strength >= P_NAMED && g[j].para == g[i].para)
                conf = CONF_MEDIUM;
        /* "RE: bsn?" answered with a bare number, about a named person */
        const struct doc_facts *idf = &docs[sc->segs[g[i].seg].doc];
        if (g[i].strength == P_IDGRADE && conf < CONF_MEDIUM && idf->id_label && idf->named)
            conf = CONF_MEDIUM;
        emit(sc, &g[i], conf);
    }

    /* person x health in one unit */
    for (size_t i = 0; i < sc->nsig; i++) {
        if (g[i].kind != SIG_PERSON)
            continue;
        const struct doc_facts *df = &docs[sc->segs[g[i].seg].doc];
        /* "uw uitslag" in a message that greets its reader by name; in an
         * attached document only when the document itself greets them (a
         * leaflet's "uw naaste" is anyone's) */
        bool own_reader = g[i].reader == READER_POSSESSIVE && df->greeted &&
                          (sc->segs[g[i].seg].kind != SEG_ATTACHMENT || greeted_in(sc, g[i].seg));
        int strength = own_reader ? P_NAMED : g[i].strength;
        bool first_name = sc->p->rules[g[i].rule].role == ROLE_FIRSTNAME && strength == P_WEAK;
        bool counts_up = first_name && !sc->segs[g[i].seg].rows && !place_article_before(sc, i);
        enum confidence best = CONF_NONE;
        size_t best_j = 0, lo, hi, strong_j = SIZE_MAX;
        unsigned weak_terms = 0, near_terms = 0;
        uint32_t last_weak = UINT32_MAX, last_near = UINT32_MAX;
        unit_range(sc, i, &lo, &hi);
        for (size_t j = lo; j < hi; j++) {
            if (g[j].kind != SIG_HEALTH || g[j].para != g[i].para)
                continue;
            uint32_t dist = absdiff(g[j].fstart, g[i].fstart);
            /* past the window, a pronoun can still carry the person on
             * ("dhr. Kok ... hij ... Hij lijkt psychotisch") as long as no
             * other person comes between */
            if (dist > DETECT_WINDOW &&
                !(strength >= P_NAMED && kind_between(sc, i, j, SIG_PRONOUN) &&
                  !kind_between(sc, i, j, SIG_PERSON)))
                continue;
            /* "Jansen, De Boer en Mulder volgen de scholing over INR": a
             * person named by context alone, or only by a first name */
            if ((g[i].loose || strength < P_NAMED) &&
                (kind_between(sc, i, j, SIG_TOPIC) || topic_before(sc, i, j)))
                continue;
            enum confidence cf =
                pair_conf(strength, g[j].strength, dist <= DETECT_SENTENCE, df->named);
            /* a first name and a care term near someone named elsewhere:
             * only in one sentence ("Iris neemt de medicatieronde over"
             * after a sentence about a training on acenocoumarol) */
            if (cf == CONF_MEDIUM && strength < P_NAMED &&
                sentence_ends(sc->segs[g[i].seg].text, i < j ? g[i].end : g[j].end,
                              i < j ? g[j].start : g[i].start))
                cf = CONF_LOW;
            /* "Ik heb Sophie gesproken. Ze ligt in het ziekenhuis met
             * pre-eclampsie": a first name, a pronoun that carries it on,
             * and a condition; not when a topic word stands between them
             * ("Thijs bespreekt het artikel over hartfalen") */
            if (cf < CONF_MEDIUM && first_name && g[j].strength == H_STRONG &&
                dist <= DETECT_SENTENCE && !kind_between(sc, i, j, SIG_TOPIC) &&
                (kind_between(sc, i, j, SIG_PRONOUN) || pronoun_after(sc, j) ||
                 g[i].reader == READER_LINKED || df->greeted_title))
                cf = CONF_MEDIUM;
            if (g[j].strength == H_WEAK && g[j].fstart != last_weak) {
                weak_terms++;
                last_weak = g[j].fstart;
            }
            /* health evidence in the first name's own sentence */
            if (counts_up && dist <= DETECT_SENTENCE && g[j].fstart != last_near &&
                !kind_between(sc, i, j, SIG_TOPIC) && !kind_between(sc, i, j, SIG_PERSON) &&
                same_sentence(sc, i, j) && (strong_j == SIZE_MAX || !same_term(sc, strong_j, j))) {
                near_terms++;
                last_near = g[j].fstart;
                if (g[j].strength == H_STRONG && strong_j == SIZE_MAX)
                    strong_j = j;
            }
            if (cf > best)
                best = cf, best_j = j;
        }
        /* two distinct weak care terms next to a named person */
        if (best < CONF_MEDIUM && strength >= P_NAMED && weak_terms >= 2)
            best = CONF_MEDIUM;
        /* a first name and health evidence that adds up in its sentence: a
         * condition or medicine and one more health term ("Tom heeft zijn
         * depot gemist en is psychotisch") */
        if (best < CONF_MEDIUM && strong_j != SIZE_MAX && near_terms >= 2)
            best = CONF_MEDIUM, best_j = strong_j;
        if (best >= CONF_MEDIUM && df->newsletter && strength < P_IDGRADE)
            best = CONF_LOW;
        if (best > CONF_NONE) {
            emit(sc, &g[i], best);
            if (best_j < sc->nsig && g[best_j].kind == SIG_HEALTH)
                emit(sc, &g[best_j], best);
        }
    }

    /* document level */
    for (unsigned d = 0; d < ndocs; d++) {
        const struct doc_facts *df = &docs[d];
        if (df->id_person >= 0 && df->any_health >= 0) {
            emit(sc, &g[df->id_person], CONF_MEDIUM);
            emit(sc, &g[df->any_health], CONF_MEDIUM);
        }
        if (df->newsletter)
            continue;
        /* a form or report about the person in its "Bewoner:" field */
        if (df->labelled >= 0 && df->any_health >= 0) {
            emit(sc, &g[df->labelled], CONF_MEDIUM);
            emit(sc, &g[df->any_health], CONF_MEDIUM);
        }
        /* a forwarded or attached message whose writer tells of their own
         * condition: to whoever sends it on, a third person's health */
        if (d > 0 && df->writer >= 0 && df->own_health >= 0) {
            emit(sc, &g[df->writer], CONF_MEDIUM);
            emit(sc, &g[df->own_health], CONF_MEDIUM);
        }
        /* a person named by context in the subject ("Kevin", "Verhoeven"):
         * not when the subject is about a topic ("scholing Kevin") */
        if (df->subj_person >= 0 && df->body_health >= 0 &&
            !(g[df->subj_person].loose && seg_has(sc, g[df->subj_person].seg, SIG_TOPIC))) {
            emit(sc, &g[df->subj_person], CONF_MEDIUM);
            emit(sc, &g[df->body_health], CONF_MEDIUM);
        }
        if (df->subj_health >= 0 && df->body_person >= 0 &&
            g[df->body_person].strength == P_IDGRADE) {
            emit(sc, &g[df->subj_health], CONF_MEDIUM);
            emit(sc, &g[df->body_person], CONF_MEDIUM);
        }
    }
    return sc->st;
}

/* ---- the statistical layer (rules/model.h) ---- */

enum sl_status detect_scratch_features(struct detect_scratch *s)
{
    s->features = true;
    if (s->ms == NULL && (s->ms = model_scratch_new()) == NULL)
        return SL_ENOMEM;
    return SL_OK;
}

struct model_scratch *detect_scratch_model(struct detect_scratch *s)
{
    return s->ms;
}

/* evidence - one evidence feature, its name the concatenation of parts */
static void evidence(struct model_scratch *ms, const char *a, const char *b, const char *c,
                     const char *d)
{
    /* the parts are short: each copied as it is read, in one pass, no
     * strlen first; the name is cut at 63 bytes */
    const char *part[4] = {a, b, c, d};
    char name[64];
    size_t n = 0;
    for (int i = 0; i < 4; i++)
        for (const char *p = part[i]; *p != '\0' && n < sizeof name - 1; p++)
            name[n++] = *p;
    name[n] = '\0';
    model_evidence(ms, name);
}

/* model_decide - the rules' evidence as features, the model's score, and
 * the verdict of both: a national identifier at medium or more decides
 * alone, else the model */
/* raw_where - is where the location of a raw segment (text_segment.raw)? */
static bool raw_where(const struct text_segment *segs, size_t nsegs, const char *where)
{
    for (size_t i = 0; i < nsegs; i++)
        if (segs[i].raw && strcmp(segs[i].where, where) == 0)
            return true;
    return false;
}

static enum sl_status model_decide(struct scorer *sc, struct detect_scratch *s,
                                   const struct doc_facts *docs, unsigned ndocs, size_t nsegs)
{
    static const char *const strength[] = {"0", "1", "2", "3"};
    static const char *const kinds[] = {"",      "person",  "health",  "id",       "newsletter",
                                        "topic", "pronoun", "greeted", "id-label", "first-person"};
    struct detect_result *res = sc->res;
    const struct sig *g = sc->sig;
    enum confidence best_pair = CONF_NONE;
    unsigned pairs = 0; /* bit P * 4 + H: a person of strength P, health H, one unit */

    /* what the rules found in raw bytes (text_segment.raw) is theirs to
     * decide on; the model weighs the rest */
    bool raw_decides = false;
    for (size_t i = 0; i < res->nfindings; i++) {
        if (raw_where(sc->segs, nsegs, res->findings[i].where)) {
            raw_decides |= res->findings[i].confidence >= CONF_MEDIUM;
            continue;
        }
        evidence(s->ms, "rule:", res->findings[i].rule, "@",
                 pack_confidence_name(res->findings[i].confidence));
    }
    evidence(s->ms, "conf:", pack_confidence_name(res->confidence), "", "");
    uint64_t seen = 0; /* bit KIND * 4 + STRENGTH: a signal of that kind and strength */
    for (size_t i = 0; i < sc->nsig; i++) {
        if (sc->segs[g[i].seg].raw)
            continue;
        if (g[i].kind < sizeof kinds / sizeof kinds[0])
            seen |= 1ULL << (g[i].kind * 4 + (g[i].strength & 3));
        if (g[i].kind != SIG_PERSON)
            continue;
        size_t lo, hi;
        unit_range(sc, i, &lo, &hi);
        for (size_t j = lo; j < hi; j++) {
            if (g[j].kind != SIG_HEALTH || g[j].para != g[i].para ||
                absdiff(g[j].fstart, g[i].fstart) > DETECT_WINDOW)
                continue;
            pairs |= 1u << ((g[i].strength & 3) * 4 + (g[j].strength & 3));
            enum confidence cf = pair_conf(g[i].strength, g[j].strength,
                                           absdiff(g[j].fstart, g[i].fstart) <= DETECT_SENTENCE,
                                           docs[sc->segs[g[i].seg].doc].named);
            if (cf > best_pair)
                best_pair = cf;
        }
    }
    for (unsigned b = 0; b < 4 * sizeof kinds / sizeof kinds[0]; b++)
        if (seen & (1ULL << b))
            evidence(s->ms, "sig:", kinds[b / 4], "/", strength[b % 4]);
    if (seen & (0xFULL << (SIG_ID * 4)))
        evidence(s->ms, "id:validated", "", "", "");
    static const char *const pname[] = {"", "weak", "named", "idgrade"};
    static const char *const hname[] = {"", "weak", "doc", "strong"};
    for (unsigned b = 0; b < 16; b++)
        if (pairs & (1u << b))
            evidence(s->ms, "pair:", pname[b / 4], "+", hname[b % 4]);
    if (best_pair > CONF_NONE)
        evidence(s->ms, "pairconf:", pack_confidence_name(best_pair), "", "");
    for (unsigned d = 0; d < ndocs; d++) {
        const struct doc_facts *df = &docs[d];
        const char *where = d ? "fwd" : "doc";
        if (df->named)
            evidence(s->ms, where, ":named", "", "");
        if (df->id_person >= 0)
            evidence(s->ms, where, ":idgrade", "", "");
        if (df->labelled >= 0)
            evidence(s->ms, where, ":labelled", "", "");
        if (df->greeted)
            evidence(s->ms, where, ":greeted", "", "");
        if (df->newsletter)
            evidence(s->ms, where, ":newsletter", "", "");
        if (df->id_label)
            evidence(s->ms, where, ":id-label", "", "");
        if (df->own_health >= 0)
            evidence(s->ms, where, ":own-health", "", "");
        if (df->subj_person >= 0)
            evidence(s->ms, where, ":subject-person", "", "");
        if (df->subj_health >= 0)
            evidence(s->ms, where, ":subject-health", "", "");
    }
    /* which way it goes says whose data a message holds, when it holds
     * something: a health term, or some text (people write of their health
     * in words no list has). Mail between private addresses that says
     * nothing ("test") is no evidence of anything */
    size_t text = 0;
    for (size_t i = 0; i < nsegs; i++)
        if (!sc->segs[i].raw && sc->segs[i].kind != SEG_ADDRESSES &&
            sc->segs[i].kind != SEG_HEADER && sc->segs[i].kind != SEG_FILENAME)
            text += sc->segs[i].len;
    bool says = (seen & (0xFULL << (SIG_HEALTH * 4))) != 0 || text >= ENV_MIN_TEXT;
    static const char *const env_name[] = {"env:from-private", "env:to-private", "fwd:from-private",
                                           "fwd:to-private"};
    for (unsigned b = 0; b < 4 && says; b++)
        if (s->private_mail & (1u << b))
            evidence(s->ms, env_name[b], "", "", "");
    for (unsigned r = 1; r < ROLE_COUNT; r++) /* ROLE_COUNT < 64: s->roles holds them */
        if (s->roles & (1ULL << r))
            evidence(s->ms, "role:", pack_role_name((enum role)r), "", "");
    /* a national identifier in a context that makes it one (its label, a
     * named person, the card form) is sensitive by definition: it decides
     * alone. Every other finding of the rules, strong pairs included, is
     * evidence the model weighs with the text: on the dev writers the
     * rules at high were wrong on 9 of 153 clean messages, the model on 2 */
    bool national = false;
    for (size_t i = 0; i < res->nfindings && !national; i++)
        national = strcmp(res->findings[i].category, "national_id") == 0 &&
                   res->findings[i].confidence >= CONF_MEDIUM;
    if (national)
        evidence(s->ms, "id:national", "", "", "");
    enum sl_status st = model_finish(s->ms);
    if (st != SL_OK || sc->p->model == NULL)
        return st;

    model_score(sc->p->model, s->ms, &res->model);
    res->model_scored = true;
    if (national || raw_decides) {
        res->sensitive = true;
    } else if (res->model.sensitive) {
        /* the model decides: say on what, by evidence and group names only */
        char top[80] = "";
        for (size_t i = 0; i < res->model.ntop; i++) {
            size_t n = strlen(top);
            if (n + strlen(res->model.top[i]) + 3 > sizeof top)
                break;
            snprintf(top + n, sizeof top - n, "%s%s", i ? ", " : "", res->model.top[i]);
        }
        res->sensitive = true;
        res->confidence = CONF_MEDIUM;
        st = detect_add_finding(res, "model.linear", "model", "message", CONF_MEDIUM, top);
    } else {
        res->sensitive = false;
        if (res->confidence > CONF_LOW)
            res->confidence = CONF_LOW;
    }
    return st;
}

enum sl_status detect_message(const struct pack *p, struct detect_scratch *s,
                              const struct text_segment *segs, size_t nsegs, bool newsletter,
                              uint64_t deadline_ns, bool *timed_out, struct detect_result *res)
{
    enum sl_status st = SL_OK;
    unsigned ndocs = 1;

    *timed_out = false;
    s->sigs.n = 0;
    if ((p->model || s->features) && s->ms == NULL && (s->ms = model_scratch_new()) == NULL)
        return SL_ENOMEM;
    if (s->ms)
        model_begin(s->ms, p->model), s->roles = s->plain_docs = 0, s->private_mail = 0;
    for (size_t i = 0; i < nsegs && st == SL_OK; i++) {
        if (deadline_ns && detect_now_ns() > deadline_ns) {
            *timed_out = true;
            break;
        }
        struct seg_ctx c = {.s = s, .p = p, .seg = &segs[i], .segno = (uint32_t)i};
        st = scan_segment(&c, &res->regex_limited);
        if (segs[i].doc + 1 > ndocs)
            ndocs = segs[i].doc + 1;
    }
    if (st != SL_OK)
        return st;
    struct doc_facts *docs = calloc(ndocs, sizeof *docs);
    if (docs == NULL)
        return SL_ENOMEM;
    if (s->sigs.n > 1)
        qsort(s->sigs.data, s->sigs.n, sizeof(struct sig), cmp_sig);
    struct scorer sc = {p, segs, s->sigs.data, s->sigs.n, res, SL_OK};
    st = score(&sc, newsletter, ndocs, docs);
    res->sensitive = res->confidence >= CONF_MEDIUM;
    res->rules_sensitive = res->sensitive;
    res->rules_confidence = res->confidence;
    if (st == SL_OK && s->ms)
        st = model_decide(&sc, s, docs, ndocs, nsegs);
    free(docs);
    return st;
}
