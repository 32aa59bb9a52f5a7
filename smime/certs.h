/*
 * certs - the recipients' S/MIME certificates: the checks a certificate
 * passes before mail is encrypted to it, and the store that keeps them
 * (one SQLite file, `sluis certs import|list|remove`).
 *
 * A certificate is fit for an address when, at the time asked:
 *   - it chains to the configured CA bundle (with the intermediates that
 *     came in the same file as untrusted helpers) and every certificate
 *     of that chain is within its dates;
 *   - it is an end-entity certificate, not a CA;
 *   - its key usage, when present, allows the key to carry a content key:
 *     keyEncipherment for RSA, keyAgreement for EC;
 *   - its extended key usage, when present, has emailProtection (or
 *     anyExtendedKeyUsage), as RFC 8550 4.4.4 asks;
 *   - it names the address: a subjectAltName rfc822Name, or the legacy
 *     emailAddress in the subject when there is no such name.
 * Revocation (CRL, OCSP) is not checked. Checks run at import and again
 * at every use, so a certificate that expires or whose CA is removed
 * from the bundle stops being used without anyone touching the store.
 *
 * The store keys certificates by their SHA-256 fingerprint and finds
 * them by the (lower-cased) addresses they name. It holds certificates
 * only, public data, but which partners a care organisation mails is not:
 * the file is made 0640. The milter opens it read-only; a store that does
 * not exist yet is an empty one.
 */
#ifndef SLUIS_CERTS_H
#define SLUIS_CERTS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include <openssl/x509.h>

#include "../common/status.h"

enum cert_state {
    CERT_OK,
    CERT_NONE,        /* no certificate on file for the address */
    CERT_EXPIRED,     /* it, or a certificate of its chain, is past its end date */
    CERT_NOT_YET,     /* it, or one of its chain, is not valid yet */
    CERT_UNTRUSTED,   /* no chain to the CA bundle */
    CERT_IS_CA,       /* a CA certificate, not a recipient's */
    CERT_KEY_USAGE,   /* its key may not carry a content key */
    CERT_EXT_USAGE,   /* its extended key usage leaves out e-mail protection */
    CERT_ADDRESS,     /* it does not name the address (or names none at all) */
    CERT_UNSUPPORTED, /* a key CMS cannot encrypt to */
};

/* certs_state_name - a short English phrase for s ("expired") */
const char *certs_state_name(enum cert_state s);

/* certs_trust_load - the CA bundle at cafile (PEM, several certificates);
 * NULL and err on failure */
X509_STORE *certs_trust_load(const char *cafile, char *err, size_t errlen);

/* certs_check - is x fit to encrypt mail to address (NULL: to the
 * addresses it names, at least one) at now, with the untrusted
 * intermediates in chain (may be NULL)? why gets a line on failure. */
enum cert_state certs_check(X509_STORE *trust, X509 *x, STACK_OF(X509) * chain, const char *address,
                            time_t now, char *why, size_t whylen);

/* certs_read - every certificate in data: PEM (one or more, PKCS#7 PEM
 * blocks included), DER, or a DER PKCS#7 bundle. NULL and err when there
 * is none or the data is malformed. */
STACK_OF(X509) * certs_read(const void *data, size_t len, char *err, size_t errlen);

/* certs_is_ca - is x a CA certificate (basicConstraints CA:TRUE)? */
bool certs_is_ca(X509 *x);

/* certs_fingerprint - x's SHA-256 fingerprint, 64 lower-case hex digits */
void certs_fingerprint(X509 *x, char out[65]);

/* certs_addresses - the addresses x names (lower-cased), comma-separated,
 * into out; how many */
size_t certs_addresses(X509 *x, char *out, size_t outlen);

struct certstore;

/* certstore_open - the store at path; create makes it (and its schema)
 * when missing, else a missing file is SL_ENOENT. Read-only unless
 * create. Safe to use from several threads. */
enum sl_status certstore_open(const char *path, bool create, struct certstore **out, char *err,
                              size_t errlen);
void certstore_close(struct certstore *s);

/* certstore_add - x, with the intermediates in chain (may be NULL), under
 * each address it names; one already there (same fingerprint) is
 * replaced */
enum sl_status certstore_add(struct certstore *s, X509 *x, STACK_OF(X509) * chain, time_t now,
                             char *err, size_t errlen);

/* one certificate of the store, for certstore_each */
struct cert_entry {
    char fp[65];
    char addresses[512]; /* comma-separated */
    time_t not_after;
    X509 *x;                /* borrowed for the call */
    STACK_OF(X509) * chain; /* borrowed for the call; may be empty */
};

/* certstore_each - fn for every certificate, by address; stops at the
 * first false */
enum sl_status certstore_each(struct certstore *s,
                              bool (*fn)(void *ctx, const struct cert_entry *e), void *ctx,
                              char *err, size_t errlen);

/* certstore_remove - the certificates with fingerprint key (or a unique
 * prefix of 8 or more digits), or every certificate for address key;
 * *n how many went */
enum sl_status certstore_remove(struct certstore *s, const char *key, size_t *n, char *err,
                                size_t errlen);

/* certstore_find - the certificate to encrypt to address at now: of those
 * on file for it, the one that passes certs_check with the latest end
 * date, into *out (X509_free it). Otherwise CERT_NONE, or the state of the
 * newest candidate (with why). A store error is CERT_NONE with err set. */
enum cert_state certstore_find(struct certstore *s, X509_STORE *trust, const char *address,
                               time_t now, X509 **out, char *why, size_t whylen);

#endif
