/*
 * prefilter - where regular expressions may match, in one Hyperscan pass.
 * See prefilter.h.
 *
 * Every pattern is compiled with the flags that only widen what it matches:
 * prefilter mode, caseless over UTF-8 (Hyperscan folds case as PCRE2 does
 * in UTF mode: the Kelvin sign is a k, the Greek mu a micro sign), ^ and $
 * at every line, . across newlines. Unicode classes (HS_FLAG_UCP) are not
 * needed: PCRE2 runs without them too, and they made compiling six times
 * slower. A pattern
 * Hyperscan refuses is tried alone first (hs_expression_info), so one odd
 * rule costs only its own prefilter, not everyone's.
 */
#include "prefilter.h"

#include <errno.h>
#include <fcntl.h>
#include <hs/hs.h>
#include <limits.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/file.h"

struct width {
    uint32_t min, max;
    bool taken;
};

struct prefilter {
    hs_database_t *db;
    size_t n;
    struct width *w; /* per pattern */
    bool cached;
};

struct prefilter_scratch {
    hs_scratch_t *hs;
};

#define WIDEN                                                                                      \
    (HS_FLAG_PREFILTER | HS_FLAG_CASELESS | HS_FLAG_UTF8 | HS_FLAG_MULTILINE | HS_FLAG_DOTALL |    \
     HS_FLAG_ALLOWEMPTY)

/* cache_path - dir/prefilter-KEY.hsdb, KEY the SHA-256 of all that decides
 * the database; false without a folder or when hashing failed */
static bool cache_path(const char *dir, const char **exprs, const unsigned *flags,
                       const unsigned *ids, unsigned count, char *path, size_t size)
{
    if (dir == NULL || *dir == '\0')
        return false;
    hs_platform_info_t plat;
    memset(&plat, 0, sizeof plat);
    if (hs_populate_platform(&plat) != HS_SUCCESS)
        return false;
    unsigned char md[32];
    unsigned mdlen = 0;
    EVP_MD_CTX *h = EVP_MD_CTX_new();
    const char *ver = hs_version();
    bool ok = h && EVP_DigestInit_ex(h, EVP_sha256(), NULL) &&
              EVP_DigestUpdate(h, "sluis prefilter 1", 18) &&
              EVP_DigestUpdate(h, ver, strlen(ver) + 1) && EVP_DigestUpdate(h, &plat, sizeof plat);
    for (unsigned i = 0; ok && i < count; i++)
        ok = EVP_DigestUpdate(h, &ids[i], sizeof ids[i]) &&
             EVP_DigestUpdate(h, &flags[i], sizeof flags[i]) &&
             EVP_DigestUpdate(h, exprs[i], strlen(exprs[i]) + 1);
    ok = ok && EVP_DigestFinal_ex(h, md, &mdlen) && mdlen == sizeof md;
    EVP_MD_CTX_free(h);
    if (!ok)
        return false;
    char hex[65];
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    int n = snprintf(path, size, "%s/prefilter-%s.hsdb", dir, hex);
    return n > 0 && (size_t)n < size;
}

/* private_dir - is dir ours alone: a folder of this user that nobody else
 * may write in (so nobody else can put a database there)? Made when missing. */
static bool private_dir(const char *dir)
{
    struct stat st;
    if (lstat(dir, &st) != 0) {
        if (errno != ENOENT || mkdir(dir, 0700) != 0 || lstat(dir, &st) != 0)
            return false;
    }
    return S_ISDIR(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & 022) == 0;
}

static hs_database_t *cache_read(const char *path)
{
    char *dir = strdup(path);
    char *slash = dir ? strrchr(dir, '/') : NULL;
    bool ours = slash && (*slash = '\0', private_dir(dir));
    free(dir);
    if (!ours)
        return NULL;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    char *bytes = NULL;
    size_t len = 0;
    hs_database_t *db = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() && st.st_size > 0 &&
        st.st_size < (off_t)256 << 20 && (bytes = malloc((size_t)st.st_size))) {
        ssize_t r;
        while (len < (size_t)st.st_size &&
               ((r = read(fd, bytes + len, (size_t)st.st_size - len)) > 0 ||
                (r < 0 && errno == EINTR)))
            len += r > 0 ? (size_t)r : 0;
        /* Hyperscan checks the header, version, platform and a checksum */
        if (len == (size_t)st.st_size && hs_deserialize_database(bytes, len, &db) != HS_SUCCESS)
            db = NULL;
    }
    free(bytes);
    close(fd);
    return db;
}

/* cache_write - best effort: a temporary file renamed into place, so a
 * reader never sees half a database */
static void cache_write(const char *dir, const char *path, const hs_database_t *db)
{
    char *bytes = NULL, tmp[4200];
    size_t len = 0;
    if (!private_dir(dir) || hs_serialize_database(db, &bytes, &len) != HS_SUCCESS)
        return;
    snprintf(tmp, sizeof tmp, "%s/.prefilter-XXXXXX", dir);
    int fd = mkstemp(tmp);
    if (fd >= 0) {
        bool ok = file_write_all(fd, bytes, len) && fsync(fd) == 0;
        ok = close(fd) == 0 && ok;
        if (!ok || rename(tmp, path) != 0)
            unlink(tmp);
    }
    free(bytes);
}

struct prefilter *prefilter_new(const char *const *patterns, const bool *once, size_t n,
                                const char *cache_dir)
{
    if (n == 0 || n > UINT32_MAX || hs_valid_platform() != HS_SUCCESS)
        return NULL;
    struct prefilter *pf = calloc(1, sizeof *pf);
    const char **exprs = calloc(n, sizeof *exprs);
    unsigned *flags = calloc(n, sizeof *flags), *ids = calloc(n, sizeof *ids), count = 0;
    if (pf == NULL || exprs == NULL || flags == NULL || ids == NULL ||
        (pf->w = calloc(n, sizeof *pf->w)) == NULL)
        goto fail;
    pf->n = n;
    for (size_t i = 0; i < n; i++) {
        if (patterns[i] == NULL)
            continue;
        unsigned f = WIDEN | (once && once[i] ? HS_FLAG_SINGLEMATCH : 0);
        hs_expr_info_t *info = NULL;
        hs_compile_error_t *ce = NULL;
        if (hs_expression_info(patterns[i], f, &info, &ce) != HS_SUCCESS) {
            hs_free_compile_error(ce);
            continue; /* run exactly everywhere, as without a prefilter */
        }
        pf->w[i] = (struct width){
            info->min_width, info->max_width == UINT_MAX ? PREFILTER_UNBOUNDED : info->max_width,
            true};
        free(info);
        exprs[count] = patterns[i];
        flags[count] = f;
        ids[count] = (unsigned)i;
        count++;
    }
    char path[4096];
    bool cache = count > 0 && cache_path(cache_dir, exprs, flags, ids, count, path, sizeof path);
    if (cache && (pf->db = cache_read(path)) != NULL) {
        pf->cached = true;
    } else {
        hs_compile_error_t *ce = NULL;
        if (count == 0 || hs_compile_multi(exprs, flags, ids, count, HS_MODE_BLOCK, NULL, &pf->db,
                                           &ce) != HS_SUCCESS) {
            hs_free_compile_error(ce);
            goto fail;
        }
        if (cache)
            cache_write(cache_dir, path, pf->db);
    }
    free(exprs), free(flags), free(ids);
    return pf;
fail:
    free(exprs), free(flags), free(ids);
    prefilter_free(pf);
    return NULL;
}

bool prefilter_has(const struct prefilter *pf, size_t i, uint32_t *min_width, uint32_t *max_width)
{
    if (pf == NULL || i >= pf->n || !pf->w[i].taken)
        return false;
    *min_width = pf->w[i].min;
    *max_width = pf->w[i].max;
    return true;
}

struct scan_ctx {
    prefilter_fn fn;
    void *ctx;
};

static int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned flags,
                    void *vctx)
{
    (void)from;
    (void)flags;
    struct scan_ctx *c = vctx;
    return c->fn(c->ctx, id, (uint32_t)to);
}

struct prefilter_scratch *prefilter_scratch_new(const struct prefilter *pf)
{
    struct prefilter_scratch *s = calloc(1, sizeof *s);
    if (s && hs_alloc_scratch(pf->db, &s->hs) != HS_SUCCESS) {
        free(s);
        s = NULL;
    }
    return s;
}

enum sl_status prefilter_scan(const struct prefilter *pf, struct prefilter_scratch *s,
                              const char *text, size_t len, prefilter_fn fn, void *ctx)
{
    if (len > UINT32_MAX - 1)
        return SL_EINVAL;
    struct scan_ctx c = {fn, ctx};
    hs_error_t e = hs_scan(pf->db, text, (unsigned)len, 0, s->hs, on_match, &c);
    return e == HS_SUCCESS ? SL_OK : e == HS_SCAN_TERMINATED ? SL_ELIMIT : SL_EINVAL;
}

bool prefilter_cached(const struct prefilter *pf)
{
    return pf && pf->cached;
}

void prefilter_scratch_free(struct prefilter_scratch *s)
{
    if (s == NULL)
        return;
    hs_free_scratch(s->hs);
    free(s);
}

void prefilter_free(struct prefilter *pf)
{
    if (pf == NULL)
        return;
    hs_free_database(pf->db);
    free(pf->w);
    free(pf);
}
