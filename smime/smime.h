/*
 * smime - what the milter needs for S/MIME, loaded with its
 * configuration: the CA bundle recipients' certificates must chain to,
 * the certificate store (opened when first needed: `sluis certs import`
 * may make it after the milter started), the organisation's archive
 * certificate, which every encrypted message is also encrypted to, and
 * its optional signing certificate and key.
 *
 * Safe to use from several threads once made.
 */
#ifndef SLUIS_SMIME_H
#define SLUIS_SMIME_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "certs.h"
#include "encrypt.h"

/* the configuration's S/MIME keys (sluis-milter.conf) */
struct smime_setup {
    const char *certs_db;     /* the certificate store */
    const char *ca_file;      /* the CA bundle */
    const char *cipher;       /* "aes-256-cbc" or "aes-256-gcm" */
    const char *archive_cert; /* "" none */
    const char *sign_cert;    /* "" no signature; may hold the chain after it */
    const char *sign_key;
};

struct smime;

/* smime_cipher_ok - is name a cipher smime_new takes? */
bool smime_cipher_ok(const char *name);

/* smime_new - load what setup names (the store is opened later). A file
 * that cannot be read or does not hold what it should is an error. */
enum sl_status smime_new(const struct smime_setup *setup, struct smime **out, char *err,
                         size_t errlen);
void smime_free(struct smime *m);

/* smime_lookup - the certificate to encrypt to address at now (X509_free
 * it), or NULL and the reason: CERT_NONE also when no store exists yet;
 * a store that cannot be read is CERT_NONE with why set */
enum cert_state smime_lookup(struct smime *m, const char *address, time_t now, X509 **out,
                             char *why, size_t whylen);

/* smime_seal - data's entity signed (when configured) and encrypted to
 * the n certificates (and the archive certificate) into part */
enum sl_status smime_seal(struct smime *m, const char *data, size_t len, X509 *const *certs,
                          size_t n, struct smime_part *part, char *err, size_t errlen);

#endif
