/*
 * certs - recipient certificates: checks and the store. See certs.h.
 */
#include "certs.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs7.h>
#include <openssl/x509v3.h>
#include <sqlite3.h>

#include "../common/dbfile.h"

const char *certs_state_name(enum cert_state s)
{
    static const char *const names[] = {
        [CERT_OK] = "valid",
        [CERT_NONE] = "no certificate on file",
        [CERT_EXPIRED] = "expired",
        [CERT_NOT_YET] = "not valid yet",
        [CERT_UNTRUSTED] = "not issued by a trusted CA",
        [CERT_IS_CA] = "a CA certificate, not a recipient's",
        [CERT_KEY_USAGE] = "its key usage does not allow encryption",
        [CERT_EXT_USAGE] = "its extended key usage leaves out e-mail protection",
        [CERT_ADDRESS] = "does not name the address",
        [CERT_UNSUPPORTED] = "a key type S/MIME cannot encrypt to",
    };
    return (unsigned)s < sizeof names / sizeof names[0] ? names[s] : "?";
}

/* ssl_error - OpenSSL's last error as text, the queue cleared */
static const char *ssl_error(char *buf, size_t len)
{
    unsigned long e = ERR_peek_last_error();
    if (e == 0)
        snprintf(buf, len, "no detail");
    else
        ERR_error_string_n(e, buf, len);
    ERR_clear_error();
    return buf;
}

X509_STORE *certs_trust_load(const char *cafile, char *err, size_t errlen)
{
    X509_STORE *st = X509_STORE_new();
    char why[256];
    if (st == NULL) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (X509_STORE_load_file(st, cafile) != 1) {
        snprintf(err, errlen, "%s: no CA certificates read (%s)", cafile,
                 ssl_error(why, sizeof why));
        X509_STORE_free(st);
        return NULL;
    }
    return st;
}

/* lower - an ASCII lower-cased copy of n bytes of s into out */
static void lower(const char *s, size_t n, char *out, size_t outlen)
{
    size_t i = 0;
    for (; i < n && i + 1 < outlen; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    out[i] = '\0';
}

/* add_address - one address (n bytes at s) to the comma-separated list */
static size_t add_address(const unsigned char *s, int n, char *out, size_t outlen, size_t count)
{
    char a[320];
    if (n <= 0 || (size_t)n >= sizeof a || memchr(s, '@', (size_t)n) == NULL ||
        memchr(s, ',', (size_t)n) != NULL || memchr(s, '\0', (size_t)n) != NULL)
        return count;
    lower((const char *)s, (size_t)n, a, sizeof a);
    size_t used = strlen(out);
    if (used + strlen(a) + 2 > outlen)
        return count;
    snprintf(out + used, outlen - used, "%s%s", used ? "," : "", a);
    return count + 1;
}

size_t certs_addresses(X509 *x, char *out, size_t outlen)
{
    size_t count = 0;
    out[0] = '\0';
    GENERAL_NAMES *names = X509_get_ext_d2i(x, NID_subject_alt_name, NULL, NULL);
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names); i++) {
        const GENERAL_NAME *g = sk_GENERAL_NAME_value(names, i);
        if (g->type == GEN_EMAIL)
            count = add_address(ASN1_STRING_get0_data(g->d.rfc822Name),
                                ASN1_STRING_length(g->d.rfc822Name), out, outlen, count);
    }
    GENERAL_NAMES_free(names);
    if (count > 0)
        return count;
    /* no rfc822Name: the subject's emailAddress (RFC 8550 3, legacy) */
    const X509_NAME *subj = X509_get_subject_name(x);
    for (int i = -1; (i = X509_NAME_get_index_by_NID(subj, NID_pkcs9_emailAddress, i)) >= 0;) {
        const ASN1_STRING *v = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subj, i));
        count = add_address(ASN1_STRING_get0_data(v), ASN1_STRING_length(v), out, outlen, count);
    }
    return count;
}

/* names - does the comma-separated list hold address (any case)? */
static bool names(const char *list, const char *address)
{
    size_t n = strlen(address);
    for (const char *p = list; *p;) {
        size_t k = strcspn(p, ",");
        if (k == n && strncasecmp(p, address, n) == 0)
            return true;
        p += k + (p[k] == ',');
    }
    return false;
}

bool certs_is_ca(X509 *x)
{
    return (X509_get_extension_flags(x) & EXFLAG_CA) != 0;
}

void certs_fingerprint(X509 *x, char out[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    out[0] = '\0';
    if (X509_digest(x, EVP_sha256(), md, &n) != 1)
        return;
    for (unsigned i = 0; i < n && i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
}

enum cert_state certs_check(X509_STORE *trust, X509 *x, STACK_OF(X509) * chain, const char *address,
                            time_t now, char *why, size_t whylen)
{
    char list[512];
    why[0] = '\0';
    if (certs_is_ca(x))
        return CERT_IS_CA;
    size_t naddr = certs_addresses(x, list, sizeof list);
    if (naddr == 0 || (address && !names(list, address))) {
        snprintf(why, whylen, "%s", naddr == 0 ? "it names no e-mail address" : "");
        return CERT_ADDRESS;
    }
    EVP_PKEY *key = X509_get0_pubkey(x);
    int type = key ? EVP_PKEY_get_base_id(key) : 0;
    if (type != EVP_PKEY_RSA && type != EVP_PKEY_EC)
        return CERT_UNSUPPORTED;
    uint32_t ku = X509_get_key_usage(x);
    uint32_t need = type == EVP_PKEY_RSA ? KU_KEY_ENCIPHERMENT : KU_KEY_AGREEMENT;
    if (ku != UINT32_MAX && !(ku & need)) {
        snprintf(why, whylen, "%s is missing",
                 type == EVP_PKEY_RSA ? "keyEncipherment" : "keyAgreement");
        return CERT_KEY_USAGE;
    }
    uint32_t xku = X509_get_extended_key_usage(x);
    if (xku != UINT32_MAX && !(xku & (XKU_SMIME | XKU_ANYEKU)))
        return CERT_EXT_USAGE;

    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    if (ctx == NULL || X509_STORE_CTX_init(ctx, trust, x, chain) != 1) {
        X509_STORE_CTX_free(ctx);
        snprintf(why, whylen, "out of memory");
        return CERT_UNTRUSTED;
    }
    X509_STORE_CTX_set_time(ctx, 0, now);
    int ok = X509_verify_cert(ctx);
    int e = X509_STORE_CTX_get_error(ctx);
    X509_STORE_CTX_free(ctx);
    ERR_clear_error();
    if (ok == 1)
        return CERT_OK;
    snprintf(why, whylen, "%s", X509_verify_cert_error_string(e));
    switch (e) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return CERT_EXPIRED;
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return CERT_NOT_YET;
    default:
        return CERT_UNTRUSTED;
    }
}

/* push - x onto *sk (made when NULL); false when memory ran out */
static bool push(STACK_OF(X509) * *sk, X509 *x)
{
    if (x == NULL)
        return false;
    if ((*sk == NULL && (*sk = sk_X509_new_null()) == NULL) || !sk_X509_push(*sk, x)) {
        X509_free(x);
        return false;
    }
    return true;
}

/* push_pkcs7 - the certificates of a signed-data bundle */
static bool push_pkcs7(STACK_OF(X509) * *sk, PKCS7 *p7)
{
    bool ok = p7 != NULL && PKCS7_type_is_signed(p7) && p7->d.sign != NULL;
    STACK_OF(X509) *in = ok ? p7->d.sign->cert : NULL;
    for (int i = 0; ok && in && i < sk_X509_num(in); i++) {
        X509 *x = sk_X509_value(in, i);
        ok = X509_up_ref(x) == 1 && push(sk, x);
    }
    PKCS7_free(p7);
    return ok;
}

STACK_OF(X509) * certs_read(const void *data, size_t len, char *err, size_t errlen)
{
    STACK_OF(X509) *sk = NULL;
    bool ok = true;
    if (len > INT32_MAX) {
        snprintf(err, errlen, "too large");
        return NULL;
    }
    if (memmem(data, len, "-----BEGIN ", 11) != NULL) {
        BIO *b = BIO_new_mem_buf(data, (int)len);
        char *name = NULL, *header = NULL;
        unsigned char *der = NULL;
        long n = 0;
        while (ok && b && PEM_read_bio(b, &name, &header, &der, &n) == 1) {
            const unsigned char *p = der;
            if (strcmp(name, "CERTIFICATE") == 0 || strcmp(name, "X509 CERTIFICATE") == 0)
                ok = push(&sk, d2i_X509(NULL, &p, n));
            else if (strcmp(name, "TRUSTED CERTIFICATE") == 0)
                ok = push(&sk, d2i_X509_AUX(NULL, &p, n));
            else if (strcmp(name, "PKCS7") == 0)
                ok = push_pkcs7(&sk, d2i_PKCS7(NULL, &p, n));
            /* keys and anything else in the file are not kept */
            OPENSSL_free(name);
            OPENSSL_free(header);
            OPENSSL_free(der);
        }
        BIO_free(b);
    } else {
        const unsigned char *p = data;
        X509 *x = d2i_X509(NULL, &p, (long)len);
        if (x != NULL) {
            ok = push(&sk, x);
        } else {
            p = data;
            ok = push_pkcs7(&sk, d2i_PKCS7(NULL, &p, (long)len));
        }
    }
    ERR_clear_error();
    if (!ok || sk == NULL || sk_X509_num(sk) == 0) {
        snprintf(err, errlen, "%s",
                 ok ? "no certificate in it (PEM, DER or PKCS#7 expected)"
                    : "a malformed certificate or bundle");
        sk_X509_pop_free(sk, X509_free);
        return NULL;
    }
    return sk;
}

/* ---- the store ---------------------------------------------------------- */

struct certstore {
    sqlite3 *db;
};

static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS certs (fp TEXT PRIMARY KEY, not_after INTEGER NOT NULL, "
    "  der BLOB NOT NULL, chain BLOB NOT NULL, added INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS cert_addresses (address TEXT NOT NULL, fp TEXT NOT NULL "
    "  REFERENCES certs(fp) ON DELETE CASCADE, PRIMARY KEY (address, fp));"
    "PRAGMA user_version = 1;";

static enum sl_status db_error(struct certstore *s, const char *what, char *err, size_t errlen)
{
    snprintf(err, errlen, "certificate store: %s: %s", what, sqlite3_errmsg(s->db));
    return SL_EIO;
}

enum sl_status certstore_open(const char *path, bool create, struct certstore **out, char *err,
                              size_t errlen)
{
    *out = NULL;
    struct certstore *s = calloc(1, sizeof *s);
    if (s == NULL)
        return SL_ENOMEM;
    enum sl_status st = dbfile_open(path, "certificate store", "none imported yet", create, SCHEMA,
                                    1, &s->db, err, errlen);
    /* removing a certificate removes its addresses */
    if (st == SL_OK &&
        sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
        st = db_error(s, path, err, errlen);
    if (st != SL_OK) {
        certstore_close(s);
        return st;
    }
    *out = s;
    return SL_OK;
}

void certstore_close(struct certstore *s)
{
    if (s == NULL)
        return;
    sqlite3_close(s->db);
    free(s);
}

/* der_of - x appended to b in DER */
static bool der_append(X509 *x, unsigned char **buf, size_t *len)
{
    int n = i2d_X509(x, NULL);
    if (n <= 0)
        return false;
    unsigned char *p = realloc(*buf, *len + (size_t)n);
    if (p == NULL)
        return false;
    *buf = p;
    unsigned char *q = p + *len;
    i2d_X509(x, &q);
    *len += (size_t)n;
    return true;
}

/* not_after - x's end date as a time_t (0 when unreadable) */
static time_t not_after(X509 *x)
{
    struct tm tm;
    if (ASN1_TIME_to_tm(X509_get0_notAfter(x), &tm) != 1)
        return 0;
    return timegm(&tm);
}

enum sl_status certstore_add(struct certstore *s, X509 *x, STACK_OF(X509) * chain, time_t now,
                             char *err, size_t errlen)
{
    char fp[65], list[512];
    unsigned char *der = NULL, *cder = NULL;
    size_t dlen = 0, clen = 0;
    bool ok = der_append(x, &der, &dlen);
    for (int i = 0; ok && chain && i < sk_X509_num(chain); i++)
        if (X509_cmp(sk_X509_value(chain, i), x) != 0)
            ok = der_append(sk_X509_value(chain, i), &cder, &clen);
    certs_fingerprint(x, fp);
    if (!ok || certs_addresses(x, list, sizeof list) == 0) {
        free(der);
        free(cder);
        snprintf(err, errlen, "%s", ok ? "it names no e-mail address" : "out of memory");
        return ok ? SL_EINVAL : SL_ENOMEM;
    }
    enum sl_status st = SL_OK;
    sqlite3_stmt *q = NULL;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        st = db_error(s, "begin", err, errlen);
    if (st == SL_OK &&
        (sqlite3_prepare_v2(s->db,
                            "INSERT OR REPLACE INTO certs (fp, not_after, der, chain, added) "
                            "VALUES (?, ?, ?, ?, ?)",
                            -1, &q, NULL) != SQLITE_OK ||
         sqlite3_bind_text(q, 1, fp, -1, SQLITE_STATIC) != SQLITE_OK ||
         sqlite3_bind_int64(q, 2, (sqlite3_int64)not_after(x)) != SQLITE_OK ||
         sqlite3_bind_blob(q, 3, der, (int)dlen, SQLITE_STATIC) != SQLITE_OK ||
         sqlite3_bind_blob(q, 4, cder ? (const void *)cder : "", (int)clen, SQLITE_STATIC) !=
             SQLITE_OK ||
         sqlite3_bind_int64(q, 5, (sqlite3_int64)now) != SQLITE_OK ||
         sqlite3_step(q) != SQLITE_DONE))
        st = db_error(s, "insert", err, errlen);
    sqlite3_finalize(q);
    q = NULL;
    if (st == SL_OK && (sqlite3_prepare_v2(s->db, "DELETE FROM cert_addresses WHERE fp = ?", -1, &q,
                                           NULL) != SQLITE_OK ||
                        sqlite3_bind_text(q, 1, fp, -1, SQLITE_STATIC) != SQLITE_OK ||
                        sqlite3_step(q) != SQLITE_DONE))
        st = db_error(s, "insert", err, errlen);
    sqlite3_finalize(q);
    q = NULL;
    if (st == SL_OK &&
        sqlite3_prepare_v2(s->db,
                           "INSERT OR IGNORE INTO cert_addresses (address, fp) VALUES (?, ?)", -1,
                           &q, NULL) != SQLITE_OK)
        st = db_error(s, "insert", err, errlen);
    for (const char *p = list; st == SL_OK && *p;) {
        size_t k = strcspn(p, ",");
        sqlite3_reset(q);
        if (sqlite3_bind_text(q, 1, p, (int)k, SQLITE_STATIC) != SQLITE_OK ||
            sqlite3_bind_text(q, 2, fp, -1, SQLITE_STATIC) != SQLITE_OK ||
            sqlite3_step(q) != SQLITE_DONE)
            st = db_error(s, "insert", err, errlen);
        p += k + (p[k] == ',');
    }
    sqlite3_finalize(q);
    if (sqlite3_exec(s->db, st == SL_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK &&
        st == SL_OK)
        st = db_error(s, "commit", err, errlen);
    free(der);
    free(cder);
    return st;
}

/* decode - a row's certificate and chain; false when they do not parse */
static bool decode(sqlite3_stmt *q, int col, X509 **x, STACK_OF(X509) * *chain)
{
    const unsigned char *p = sqlite3_column_blob(q, col);
    int n = sqlite3_column_bytes(q, col);
    *x = p ? d2i_X509(NULL, &p, n) : NULL;
    *chain = sk_X509_new_null();
    const unsigned char *c = sqlite3_column_blob(q, col + 1);
    const unsigned char *end = c ? c + sqlite3_column_bytes(q, col + 1) : NULL;
    while (*x && *chain && c && c < end) {
        X509 *i = d2i_X509(NULL, &c, end - c);
        if (i == NULL || !sk_X509_push(*chain, i)) {
            X509_free(i);
            break;
        }
    }
    ERR_clear_error();
    if (*x == NULL || *chain == NULL) {
        X509_free(*x);
        sk_X509_pop_free(*chain, X509_free);
        *x = NULL;
        *chain = NULL;
        return false;
    }
    return true;
}

enum sl_status certstore_each(struct certstore *s,
                              bool (*fn)(void *ctx, const struct cert_entry *e), void *ctx,
                              char *err, size_t errlen)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT c.fp, c.not_after, c.der, c.chain, "
                           "  (SELECT group_concat(address, ',') FROM "
                           "    (SELECT address FROM cert_addresses a WHERE a.fp = c.fp "
                           "     ORDER BY address)) AS addrs "
                           "FROM certs c ORDER BY addrs, c.not_after",
                           -1, &q, NULL) != SQLITE_OK)
        return db_error(s, "list", err, errlen);
    int rc = SQLITE_DONE;
    bool go = true;
    while (go && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        struct cert_entry e = {0};
        snprintf(e.fp, sizeof e.fp, "%s", (const char *)sqlite3_column_text(q, 0));
        e.not_after = (time_t)sqlite3_column_int64(q, 1);
        const unsigned char *a = sqlite3_column_text(q, 4);
        snprintf(e.addresses, sizeof e.addresses, "%s", a ? (const char *)a : "");
        if (!decode(q, 2, &e.x, &e.chain))
            continue; /* a row no longer readable: not listed, not used */
        go = fn(ctx, &e);
        X509_free(e.x);
        sk_X509_pop_free(e.chain, X509_free);
    }
    enum sl_status st = go && rc != SQLITE_DONE ? db_error(s, "list", err, errlen) : SL_OK;
    sqlite3_finalize(q);
    return st;
}

enum sl_status certstore_remove(struct certstore *s, const char *key, size_t *n, char *err,
                                size_t errlen)
{
    char k[320];
    lower(key, strlen(key), k, sizeof k);
    *n = 0;
    bool by_fp = strlen(k) >= 8 && strspn(k, "0123456789abcdef:") == strlen(k);
    char pattern[330];
    if (by_fp) {
        /* colons as openssl prints fingerprints are allowed */
        size_t o = 0;
        for (const char *p = k; *p && o + 2 < sizeof pattern; p++)
            if (*p != ':')
                pattern[o++] = *p;
        pattern[o++] = '%';
        pattern[o] = '\0';
    }
    sqlite3_stmt *q = NULL;
    enum sl_status st = SL_OK;
    const char *sql =
        by_fp ? "SELECT count(*) FROM certs WHERE fp LIKE ?"
              : "SELECT count(*) FROM certs WHERE fp IN (SELECT fp FROM cert_addresses WHERE "
                "address = ?)";
    if (sqlite3_exec(s->db, "PRAGMA foreign_keys = ON; BEGIN IMMEDIATE", NULL, NULL, NULL) !=
        SQLITE_OK)
        return db_error(s, "begin", err, errlen);
    if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK ||
        sqlite3_bind_text(q, 1, by_fp ? pattern : k, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_step(q) != SQLITE_ROW)
        st = db_error(s, "remove", err, errlen);
    else
        *n = (size_t)sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    q = NULL;
    if (st == SL_OK && by_fp && *n > 1) {
        snprintf(err, errlen, "%s: %zu certificates start with it; give more digits", key, *n);
        st = SL_EINVAL;
        *n = 0;
    }
    if (st == SL_OK && *n > 0 &&
        (sqlite3_prepare_v2(s->db,
                            by_fp ? "DELETE FROM certs WHERE fp LIKE ?"
                                  : "DELETE FROM certs WHERE fp IN (SELECT fp FROM "
                                    "cert_addresses WHERE address = ?)",
                            -1, &q, NULL) != SQLITE_OK ||
         sqlite3_bind_text(q, 1, by_fp ? pattern : k, -1, SQLITE_STATIC) != SQLITE_OK ||
         sqlite3_step(q) != SQLITE_DONE))
        st = db_error(s, "remove", err, errlen);
    sqlite3_finalize(q);
    if (sqlite3_exec(s->db, st == SL_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK &&
        st == SL_OK)
        st = db_error(s, "commit", err, errlen);
    return st;
}

enum cert_state certstore_find(struct certstore *s, X509_STORE *trust, const char *address,
                               time_t now, X509 **out, char *why, size_t whylen)
{
    char a[320];
    lower(address, strlen(address), a, sizeof a);
    *out = NULL;
    why[0] = '\0';
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT c.der, c.chain FROM cert_addresses a JOIN certs c ON c.fp = "
                           "a.fp WHERE a.address = ? ORDER BY c.not_after DESC",
                           -1, &q, NULL) != SQLITE_OK ||
        sqlite3_bind_text(q, 1, a, -1, SQLITE_STATIC) != SQLITE_OK) {
        snprintf(why, whylen, "certificate store: %s", sqlite3_errmsg(s->db));
        sqlite3_finalize(q);
        return CERT_NONE;
    }
    enum cert_state first = CERT_NONE;
    int rc = SQLITE_DONE;
    while (*out == NULL && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        X509 *x;
        STACK_OF(X509) * chain;
        if (!decode(q, 0, &x, &chain))
            continue;
        char w[256];
        enum cert_state st = certs_check(trust, x, chain, a, now, w, sizeof w);
        if (st == CERT_OK) {
            *out = x;
            x = NULL;
        } else if (first == CERT_NONE) {
            first = st;
            snprintf(why, whylen, "%s", w);
        }
        X509_free(x);
        sk_X509_pop_free(chain, X509_free);
    }
    if (*out == NULL && rc != SQLITE_DONE && rc != SQLITE_ROW)
        snprintf(why, whylen, "certificate store: %s", sqlite3_errmsg(s->db));
    sqlite3_finalize(q);
    return *out ? CERT_OK : first;
}
