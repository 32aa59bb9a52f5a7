/*
 * smime - the milter's S/MIME setup. See smime.h.
 */
#include "smime.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>

#include "../common/file.h"

#define CERT_FILE_MAX (1u << 20)

struct smime {
    char *certs_db;
    X509_STORE *trust;
    X509 *archive;
    struct smime_opts opts;
    pthread_mutex_t mu; /* guards store */
    struct certstore *store;
};

bool smime_cipher_ok(const char *name)
{
    return strcmp(name, "aes-256-cbc") == 0 || strcmp(name, "aes-256-gcm") == 0;
}

/* read_certs - the certificates in the file at path */
static STACK_OF(X509) * read_certs(const char *key, const char *path, char *err, size_t errlen)
{
    char why[256];
    size_t len;
    char *data = file_read_all(path, CERT_FILE_MAX, &len, why, sizeof why);
    if (data == NULL) {
        snprintf(err, errlen, "%s: %s: %s", key, path, why);
        return NULL;
    }
    STACK_OF(X509) *sk = certs_read(data, len, why, sizeof why);
    free(data);
    if (sk == NULL)
        snprintf(err, errlen, "%s: %s: %s", key, path, why);
    return sk;
}

/* read_key - the private key in the PEM file at path */
static EVP_PKEY *read_key(const char *path, char *err, size_t errlen)
{
    BIO *b = BIO_new_file(path, "r");
    EVP_PKEY *k = b ? PEM_read_bio_PrivateKey(b, NULL, NULL, NULL) : NULL;
    BIO_free(b);
    ERR_clear_error();
    if (k == NULL)
        snprintf(err, errlen, "smime_sign_key: %s: no private key read (PEM, unencrypted)", path);
    return k;
}

enum sl_status smime_new(const struct smime_setup *setup, struct smime **out, char *err,
                         size_t errlen)
{
    *out = NULL;
    if (!smime_cipher_ok(setup->cipher)) {
        snprintf(err, errlen, "smime_cipher: '%s' is not aes-256-cbc or aes-256-gcm",
                 setup->cipher);
        return SL_EPARSE;
    }
    if ((setup->sign_cert[0] != '\0') != (setup->sign_key[0] != '\0')) {
        snprintf(err, errlen, "smime_sign_cert and smime_sign_key go together");
        return SL_EPARSE;
    }
    struct smime *m = calloc(1, sizeof *m);
    if (m == NULL || (m->certs_db = strdup(setup->certs_db)) == NULL) {
        free(m);
        return SL_ENOMEM;
    }
    pthread_mutex_init(&m->mu, NULL);
    m->opts.gcm = strcmp(setup->cipher, "aes-256-gcm") == 0;
    char why[512];
    enum sl_status st = SL_OK;
    if ((m->trust = certs_trust_load(setup->ca_file, why, sizeof why)) == NULL) {
        snprintf(err, errlen, "smime_ca_file: %s", why);
        st = SL_EPARSE;
    }
    if (st == SL_OK && setup->archive_cert[0]) {
        STACK_OF(X509) *sk = read_certs("smime_archive_cert", setup->archive_cert, err, errlen);
        if (sk == NULL) {
            st = SL_EPARSE;
        } else {
            m->archive = sk_X509_shift(sk);
            sk_X509_pop_free(sk, X509_free);
        }
    }
    if (st == SL_OK && setup->sign_cert[0]) {
        m->opts.sign_chain = read_certs("smime_sign_cert", setup->sign_cert, err, errlen);
        m->opts.sign_cert = m->opts.sign_chain ? sk_X509_shift(m->opts.sign_chain) : NULL;
        m->opts.sign_key = m->opts.sign_cert ? read_key(setup->sign_key, err, errlen) : NULL;
        if (m->opts.sign_key == NULL) {
            st = SL_EPARSE;
        } else if (X509_check_private_key(m->opts.sign_cert, m->opts.sign_key) != 1) {
            ERR_clear_error();
            snprintf(err, errlen, "smime_sign_key: %s does not belong to smime_sign_cert",
                     setup->sign_key);
            st = SL_EPARSE;
        }
    }
    if (st != SL_OK) {
        smime_free(m);
        return st;
    }
    *out = m;
    return SL_OK;
}

void smime_free(struct smime *m)
{
    if (m == NULL)
        return;
    certstore_close(m->store);
    X509_STORE_free(m->trust);
    X509_free(m->archive);
    X509_free(m->opts.sign_cert);
    EVP_PKEY_free(m->opts.sign_key);
    sk_X509_pop_free(m->opts.sign_chain, X509_free);
    pthread_mutex_destroy(&m->mu);
    free(m->certs_db);
    free(m);
}

enum cert_state smime_lookup(struct smime *m, const char *address, time_t now, X509 **out,
                             char *why, size_t whylen)
{
    *out = NULL;
    why[0] = '\0';
    pthread_mutex_lock(&m->mu);
    if (m->store == NULL) {
        char err[512];
        enum sl_status st = certstore_open(m->certs_db, false, &m->store, err, sizeof err);
        if (st != SL_OK && st != SL_ENOENT)
            snprintf(why, whylen, "%s", err);
    }
    struct certstore *store = m->store;
    pthread_mutex_unlock(&m->mu);
    if (store == NULL)
        return CERT_NONE;
    return certstore_find(store, m->trust, address, now, out, why, whylen);
}

enum sl_status smime_seal(struct smime *m, const char *data, size_t len, X509 *const *certs,
                          size_t n, struct smime_part *part, char *err, size_t errlen)
{
    STACK_OF(X509) *recips = sk_X509_new_null();
    bool ok = recips != NULL;
    for (size_t i = 0; ok && i < n; i++)
        ok = sk_X509_push(recips, certs[i]) > 0;
    if (ok && m->archive)
        ok = sk_X509_push(recips, m->archive) > 0;
    enum sl_status st = SL_ENOMEM;
    if (ok)
        st = smime_encrypt(data, len, recips, &m->opts, part, err, errlen);
    else
        snprintf(err, errlen, "S/MIME: out of memory");
    sk_X509_free(recips); /* the certificates stay their owners' */
    return st;
}
