/*
 * certs - `sluis certs`. See certs.h.
 *
 *   sluis certs import [--config FILE] [--db DB] [--ca FILE] FILE...
 *   sluis certs list   [--config FILE] [--db DB] [--ca FILE]
 *   sluis certs remove [--config FILE] [--db DB] FINGERPRINT|ADDRESS...
 *
 * The store and the CA bundle are sluis-milter.conf's (certs_db,
 * smime_ca_file): the file given with --config, else the installed one
 * when it exists, else the embedded defaults; --db and --ca go over them.
 * An import checks each certificate as the milter does at use
 * (smime/certs.h) and keeps only those that pass; CA certificates in a
 * file are kept with the others as their chain. A store made here gets the
 * owner and group of its folder, so the milter's user reads what root
 * imported.
 */
#include "certs.h"

#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../common/file.h"
#include "../smime/certs.h"
#include "conf.h"

#define CERT_FILE_MAX (1u << 20)

void certs_usage(FILE *f)
{
    fprintf(f, "       sluis certs import [--config FILE] [--db DB] [--ca FILE] FILE...\n"
               "       sluis certs list [--config FILE] [--db DB] [--ca FILE]\n"
               "       sluis certs remove [--config FILE] [--db DB] FINGERPRINT|ADDRESS...\n");
}

struct opts {
    struct milter_config cfg;
    const char *db, *ca;
};

/* options - --config, --db, --ca from argv[1..]; the index of the first
 * other argument, or -1 (said why) */
static int options(int argc, char **argv, struct opts *o)
{
    const char *config = NULL;
    int i = 1;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
        if (i + 1 >= argc) {
            fprintf(stderr, "sluis certs: %s needs a value\n", argv[i]);
            return -1;
        }
        if (strcmp(argv[i], "--config") == 0)
            config = argv[++i];
        else if (strcmp(argv[i], "--db") == 0)
            o->db = argv[++i];
        else if (strcmp(argv[i], "--ca") == 0)
            o->ca = argv[++i];
        else {
            fprintf(stderr, "sluis certs: unknown option %s\n", argv[i]);
            return -1;
        }
    }
    if (!cli_config_load("sluis certs", config, &o->cfg))
        return -1;
    if (o->db == NULL)
        o->db = o->cfg.certs_db;
    if (o->ca == NULL)
        o->ca = o->cfg.smime_ca_file;
    return i;
}

/* make_store - the store's folder (0750) and file, owned as the folder is */
static struct certstore *make_store(const char *db)
{
    char dir[4096], err[512];
    snprintf(dir, sizeof dir, "%s", db);
    char *d = dirname(dir);
    if (mkdir(d, 0750) != 0 && errno != EEXIST) {
        fprintf(stderr, "sluis certs: %s: %s\n", d, strerror(errno));
        return NULL;
    }
    struct stat before, dsb;
    bool fresh = stat(db, &before) != 0;
    struct certstore *s = NULL;
    if (certstore_open(db, true, &s, err, sizeof err) != SL_OK) {
        fprintf(stderr, "sluis certs: %s\n", err);
        return NULL;
    }
    if (fresh && stat(d, &dsb) == 0 && chown(db, dsb.st_uid, dsb.st_gid) != 0)
        fprintf(stderr, "sluis certs: %s: its owner not set (%s)\n", db, strerror(errno));
    return s;
}

/* day - t as YYYY-MM-DD */
static const char *day(time_t t, char *buf, size_t len)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, len, "%Y-%m-%d", &tm);
    return buf;
}

static time_t end_of(X509 *x)
{
    struct tm tm;
    return ASN1_TIME_to_tm(X509_get0_notAfter(x), &tm) == 1 ? timegm(&tm) : 0;
}

/* import_file - the certificates in path; false when one was refused */
static bool import_file(struct certstore *s, X509_STORE *trust, const char *path, time_t now)
{
    char err[512];
    size_t len;
    char *data = file_read_all(path, CERT_FILE_MAX, &len, err, sizeof err);
    STACK_OF(X509) *sk = data ? certs_read(data, len, err, sizeof err) : NULL;
    free(data);
    if (sk == NULL) {
        fprintf(stderr, "sluis certs: %s: %s\n", path, err);
        return false;
    }
    bool all = true;
    size_t leaves = 0;
    for (int i = 0; i < sk_X509_num(sk); i++) {
        X509 *x = sk_X509_value(sk, i);
        if (certs_is_ca(x))
            continue; /* the chain of the others */
        leaves++;
        char fp[65], list[512], why[256], until[16];
        certs_fingerprint(x, fp);
        certs_addresses(x, list, sizeof list);
        enum cert_state st = certs_check(trust, x, sk, NULL, now, why, sizeof why);
        if (st != CERT_OK) {
            printf("refused %s: %.16s %s: %s%s%s\n", path, fp, list[0] ? list : "(no address)",
                   certs_state_name(st), why[0] ? ": " : "", why);
            all = false;
        } else if (certstore_add(s, x, sk, now, err, sizeof err) != SL_OK) {
            fprintf(stderr, "sluis certs: %s: %s\n", path, err);
            all = false;
        } else {
            printf("imported %.16s %s, valid until %s\n", fp, list,
                   day(end_of(x), until, sizeof until));
        }
    }
    if (leaves == 0) {
        printf("refused %s: only CA certificates, no recipient's\n", path);
        all = false;
    }
    sk_X509_pop_free(sk, X509_free);
    return all;
}

struct list_ctx {
    X509_STORE *trust;
    time_t now;
    size_t n;
};

static bool list_one(void *ctx, const struct cert_entry *e)
{
    struct list_ctx *c = ctx;
    char why[256], until[16];
    enum cert_state st = certs_check(c->trust, e->x, e->chain, NULL, c->now, why, sizeof why);
    printf("%.16s  %s  until %s  %s\n", e->fp, e->addresses, day(e->not_after, until, sizeof until),
           certs_state_name(st));
    c->n++;
    return true;
}

int certs_main(int argc, char **argv)
{
    if (argc < 2) {
        certs_usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    struct opts o = {0};
    int first = options(argc - 1, argv + 1, &o);
    if (first < 0)
        return 2;
    first++; /* into argv */
    char err[512];
    int rc = 0;
    time_t now = time(NULL);
    if (strcmp(cmd, "import") == 0 || strcmp(cmd, "list") == 0) {
        bool import = strcmp(cmd, "import") == 0;
        if (import == (first >= argc)) {
            certs_usage(stderr);
            config_free(&o.cfg);
            return 2;
        }
        X509_STORE *trust = certs_trust_load(o.ca, err, sizeof err);
        struct certstore *s = NULL;
        if (trust == NULL) {
            fprintf(stderr, "sluis certs: %s\n", err);
            rc = 2;
        } else if (import) {
            s = make_store(o.db);
            rc = s ? 0 : 1;
            for (int i = first; s && i < argc; i++)
                if (!import_file(s, trust, argv[i], now))
                    rc = 1;
        } else {
            enum sl_status st = certstore_open(o.db, false, &s, err, sizeof err);
            struct list_ctx c = {trust, now, 0};
            if (st == SL_ENOENT) {
                printf("no certificates (%s does not exist yet)\n", o.db);
            } else if (st != SL_OK || certstore_each(s, list_one, &c, err, sizeof err) != SL_OK) {
                fprintf(stderr, "sluis certs: %s\n", err);
                rc = 1;
            } else if (c.n == 0) {
                printf("no certificates in %s\n", o.db);
            }
        }
        certstore_close(s);
        X509_STORE_free(trust);
    } else if (strcmp(cmd, "remove") == 0 && first < argc) {
        struct certstore *s = NULL;
        struct stat sb;
        if (stat(o.db, &sb) != 0) {
            printf("no certificates (%s does not exist yet)\n", o.db);
            rc = 1;
        } else if (certstore_open(o.db, true, &s, err, sizeof err) != SL_OK) {
            fprintf(stderr, "sluis certs: %s\n", err);
            rc = 1;
        }
        for (int i = first; s && i < argc; i++) {
            size_t n = 0;
            if (certstore_remove(s, argv[i], &n, err, sizeof err) != SL_OK) {
                fprintf(stderr, "sluis certs: %s\n", err);
                rc = 1;
            } else {
                printf("%s: %zu certificate%s removed\n", argv[i], n, n == 1 ? "" : "s");
                rc = n == 0 ? 1 : rc;
            }
        }
        certstore_close(s);
    } else {
        certs_usage(stderr);
        rc = 2;
    }
    config_free(&o.cfg);
    return rc;
}
