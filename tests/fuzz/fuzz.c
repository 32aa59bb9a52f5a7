/*
 * fuzz - helpers of the libFuzzer targets. See fuzz.h.
 *
 * The private folder, sluis-fuzz-PID-XXXXXX, is made once per process and
 * removed at exit. libFuzzer does not always leave through exit() (a crash
 * aborts, and a run that reaches -max_total_time ends without the atexit
 * handlers), so each new folder first removes those of processes that
 * are gone.
 */
#include "fuzz.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../attach/charset.h"

#ifndef SLUIS_RULES_DIR
#define SLUIS_RULES_DIR "rules"
#endif

void fuzz_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: invariant broken: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

const char *fuzz_rules_dir(void)
{
    return SLUIS_RULES_DIR;
}

static char dir[256];

/* remove_dir - the private folder and what the targets wrote in it (files
 * and links, one level of subfolders) */
static void remove_dir(void)
{
    char cmd[300];
    if (dir[0] == '\0')
        return;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz: could not remove %s\n", dir);
}

/* remove_stale - the folders in base of fuzz processes that are gone */
static void remove_stale(const char *base)
{
    DIR *d = opendir(base);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        static const char prefix[] = "sluis-fuzz-";
        char cmd[600], *end;
        if (strncmp(e->d_name, prefix, sizeof prefix - 1) != 0)
            continue;
        errno = 0;
        long pid = strtol(e->d_name + sizeof prefix - 1, &end, 10);
        if (errno != 0 || *end != '-' || pid <= 0 || pid > INT_MAX || kill((pid_t)pid, 0) == 0 ||
            errno != ESRCH)
            continue;
        snprintf(cmd, sizeof cmd, "rm -rf '%s/%s'", base, e->d_name);
        if (system(cmd) != 0)
            fprintf(stderr, "fuzz: could not remove %s/%s\n", base, e->d_name);
    }
    if (d)
        closedir(d);
}

const char *fuzz_dir(void)
{
    if (dir[0])
        return dir;
    const char *base = getenv("TMPDIR");
    struct stat st;
    if (stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK) == 0)
        base = "/dev/shm";
    if (base == NULL || *base == '\0')
        base = "/tmp";
    remove_stale(base);
    snprintf(dir, sizeof dir, "%s/sluis-fuzz-%d-XXXXXX", base, (int)getpid());
    if (mkdtemp(dir) == NULL) {
        perror("fuzz: mkdtemp");
        abort();
    }
    atexit(remove_dir);
    return dir;
}

const char *fuzz_write(const char *name, const void *data, size_t len)
{
    static char path[512];
    const char *slash = strchr(name, '/');
    if (slash) {
        snprintf(path, sizeof path, "%s/%.*s", fuzz_dir(), (int)(slash - name), name);
        mkdir(path, 0700);
    }
    snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
    FILE *f = fopen(path, "wb");
    if (f == NULL || (len > 0 && fwrite(data, 1, len, f) != len) || fclose(f) != 0) {
        perror(path);
        abort();
    }
    return path;
}

void fuzz_link(const char *name, const char *target)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
    if (symlink(target, path) != 0) {
        perror(path);
        abort();
    }
}

char *fuzz_string(const void *data, size_t len)
{
    const char *nul = memchr(data, '\0', len);
    size_t n = nul ? (size_t)(nul - (const char *)data) : len;
    char *s = malloc(n + 1);
    if (s == NULL)
        abort();
    if (n > 0)
        memcpy(s, data, n);
    s[n] = '\0';
    return s;
}

bool fuzz_utf8(const char *s, size_t len)
{
    return charset_utf8_valid(s, len);
}

/* --- document readers ----------------------------------------------------- */

static enum sl_status seen_text(struct doc_sink *s, const char *where, const char *text, size_t len,
                                unsigned flags)
{
    struct fuzz_doc_seen *v = s->ctx;
    FUZZ_CHECK((flags & ~(unsigned)(DOC_TEXT_ROWS | DOC_TEXT_RAW)) == 0, "text flags %#x", flags);
    FUZZ_CHECK(where != NULL && strlen(where) < 512, "text where not a string");
    FUZZ_CHECK(len == 0 || text != NULL, "text NULL with length %zu", len);
    FUZZ_CHECK(fuzz_utf8(text, len), "text at '%s' is not UTF-8", where);
    v->text += len;
    v->segments++;
    return SL_OK;
}

static enum sl_status seen_note(struct doc_sink *s, const char *rule, const char *where,
                                bool incomplete)
{
    struct fuzz_doc_seen *v = s->ctx;
    FUZZ_CHECK(rule != NULL && strncmp(rule, "unscannable.", 12) == 0 && rule[12] != '\0',
               "note '%s' is not unscannable.*", rule ? rule : "(null)");
    FUZZ_CHECK(where != NULL && strlen(where) < 512, "note where not a string");
    /* only a part that is protected as it is, or read some other way, may
     * say that nothing escaped scanning */
    bool read_otherwise = strcmp(rule, "unscannable.encrypted") == 0 ||
                          strcmp(rule, "unscannable.image") == 0 ||
                          strcmp(rule, "unscannable.unknown-format") == 0;
    FUZZ_CHECK(incomplete != read_otherwise, "note '%s' says incomplete=%d", rule, incomplete);
    v->notes++;
    return SL_OK;
}

void fuzz_doc_limits(struct doc_limits *lim)
{
    doc_limits_default(lim);
    lim->max_text_bytes = 64 * 1024;
    lim->ocr_pages = 1;
    lim->ocr_ms = 300;
    lim->ocr_max_pixels = 1000 * 1000;
}

void fuzz_doc_sink(struct doc_sink *sink, struct fuzz_doc_seen *seen)
{
    memset(seen, 0, sizeof *seen);
    sink->text = seen_text;
    sink->note = seen_note;
    sink->ctx = seen;
}

/* --- detection ------------------------------------------------------------ */

/* letter - a byte that starts a letter of a word in a masked value: ASCII
 * letters and every non-ASCII character (detect_mask keeps the first of
 * each word whatever its class) */
static bool letter(unsigned char c)
{
    return isalpha(c) || c >= 0xC0;
}

void fuzz_check_masked(const char *masked, size_t outlen)
{
    size_t n = strnlen(masked, outlen);
    FUZZ_CHECK(n < outlen, "masked value not terminated inside its %zu bytes", outlen);
    size_t digits = 0;
    bool prev_letter = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)masked[i];
        digits = isdigit(c) ? digits + 1 : 0;
        FUZZ_CHECK(digits <= 4, "masked value '%s' shows more than four digits in a row", masked);
        if ((c & 0xC0) == 0x80)
            continue; /* inside a character */
        bool l = letter(c);
        FUZZ_CHECK(!(l && prev_letter), "masked value '%s' shows two letters in a row", masked);
        prev_letter = l;
    }
}

/* check_explanation - the statistical layer's finding names feature groups
 * and evidence (rules/model.h), never text: every item of its list is a
 * group, a rule id or a name with a known prefix, in the bytes such names
 * are made of */
static void check_explanation(const struct finding *f)
{
    static const char *const prefixes[] = {
        "rule:", "conf:", "sig:", "pair:", "pairconf:", "doc:", "fwd:", "env:", "role:", "id:"};
    static const char *const groups[] = {"words", "chars", "subject"};
    FUZZ_CHECK(strcmp(f->rule, "model.linear") == 0 && strcmp(f->where, "message") == 0 &&
                   f->confidence == CONF_MEDIUM,
               "model finding %s at '%s'", f->rule, f->where);
    char list[sizeof f->masked];
    snprintf(list, sizeof list, "%s", f->masked);
    size_t items = 0;
    for (char *save = NULL, *it = strtok_r(list, ",", &save); it; it = strtok_r(NULL, ",", &save)) {
        while (*it == ' ')
            it++;
        bool known = false;
        for (size_t k = 0; k < sizeof groups / sizeof groups[0] && !known; k++)
            known = strcmp(it, groups[k]) == 0;
        for (size_t k = 0; k < sizeof prefixes / sizeof prefixes[0] && !known; k++)
            known = strncmp(it, prefixes[k], strlen(prefixes[k])) == 0;
        /* a rule hit is named by its id alone ("health.medication") */
        known = known || (strchr(it, '.') != NULL && strchr(it, ':') == NULL);
        FUZZ_CHECK(known, "model finding: '%s' is no feature name", it);
        for (const char *c = it; *c; c++)
            FUZZ_CHECK(islower((unsigned char)*c) || isdigit((unsigned char)*c) ||
                           strchr(":._@/+-", *c) != NULL,
                       "model finding: '%s' holds a byte no feature name has", it);
        items++;
    }
    FUZZ_CHECK(items >= 1 && items <= 4, "model finding names %zu features", items);
}

static bool terminated(const char *s, size_t n)
{
    return memchr(s, '\0', n) != NULL;
}

void fuzz_check_result(const struct detect_result *r, const struct text_segment *segs, size_t nsegs,
                       const char *const *extra, size_t nextra, bool utf8)
{
    FUZZ_CHECK(r->nfindings <= DETECT_MAX_FINDINGS, "%zu findings", r->nfindings);
    FUZZ_CHECK(r->confidence <= CONF_HIGH, "confidence %d", (int)r->confidence);
    FUZZ_CHECK(r->sensitive == (r->confidence >= CONF_MEDIUM), "verdict %d with confidence %d",
               (int)r->sensitive, (int)r->confidence);
    enum confidence top = CONF_NONE;
    for (size_t i = 0; i < r->nfindings; i++) {
        const struct finding *f = &r->findings[i];
        FUZZ_CHECK(terminated(f->rule, sizeof f->rule) && f->rule[0], "finding %zu: rule", i);
        FUZZ_CHECK(terminated(f->category, sizeof f->category) && f->category[0],
                   "finding %zu: category", i);
        FUZZ_CHECK(terminated(f->where, sizeof f->where), "finding %zu: where", i);
        FUZZ_CHECK(f->confidence <= CONF_HIGH, "finding %s: confidence %d", f->rule,
                   (int)f->confidence);
        if (f->confidence > top && strcmp(f->category, "model") != 0)
            top = f->confidence; /* the rules' findings */
        if (strcmp(f->category, "unscannable") == 0) {
            FUZZ_CHECK(f->confidence == CONF_NONE && f->masked[0] == '\0',
                       "unscannable finding %s with confidence or value", f->rule);
        } else if (strcmp(f->category, "model") == 0) {
            check_explanation(f);
            continue; /* its place is the message */
        } else {
            fuzz_check_masked(f->masked, sizeof f->masked);
            FUZZ_CHECK(!utf8 || fuzz_utf8(f->masked, strlen(f->masked)),
                       "finding %s: masked value not UTF-8", f->rule);
        }
        /* the location is a segment's (cut to the field on a character
         * boundary), or one the caller expects */
        size_t wl = strlen(f->where);
        bool known = false;
        for (size_t k = 0; k < nsegs && !known; k++) {
            size_t sl = strlen(segs[k].where);
            known = strncmp(f->where, segs[k].where, wl) == 0 &&
                    (wl == sl || (wl < sl && wl + 4 >= sizeof f->where - 1));
        }
        for (size_t k = 0; k < nextra && !known; k++)
            known = strncmp(f->where, extra[k], sizeof f->where - 1) == 0;
        FUZZ_CHECK(known, "finding %s at '%s', a place that was not scanned", f->rule, f->where);
    }
    /* the rules' confidence is their highest finding's; with a model the
     * verdict's is the model's (medium) or, when a national identifier or
     * raw bytes decide, the rules'; a clean verdict is low at most */
    if (!r->truncated)
        FUZZ_CHECK(top == r->rules_confidence, "rules' confidence %d, highest finding %d",
                   (int)r->rules_confidence, (int)top);
    if (!r->model_scored)
        FUZZ_CHECK(r->confidence == r->rules_confidence && r->sensitive == r->rules_sensitive,
                   "no model, yet confidence %d against the rules' %d", (int)r->confidence,
                   (int)r->rules_confidence);
    else if (!r->sensitive)
        FUZZ_CHECK(r->confidence <= CONF_LOW, "clean at confidence %d", (int)r->confidence);
    else
        FUZZ_CHECK(r->confidence == CONF_MEDIUM || r->confidence == r->rules_confidence,
                   "sensitive at confidence %d (rules %d)", (int)r->confidence,
                   (int)r->rules_confidence);
}
