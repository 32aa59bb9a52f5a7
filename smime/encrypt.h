/*
 * encrypt - a message's MIME entity encrypted with S/MIME (RFC 8551,
 * OpenSSL CMS), for the recipients whose certificates are on file.
 *
 * The entity is what the header's Content-* fields describe: those
 * fields as they were written, an empty line, and the body, byte for
 * byte (the message is in canonical CRLF form as the milter keeps it).
 * Optionally it is first signed by the organisation (multipart/signed,
 * RFC 8551 3.5). The result replaces the entity: the Content-* fields
 * give way to an application/pkcs7-mime part whose body is the CMS
 * structure in base64. AES-256-CBC in EnvelopedData is the default, read
 * by every S/MIME client; AES-256-GCM in AuthEnvelopedData (RFC 5083,
 * 5084) where configured. The other header fields stay as they are, since
 * S/MIME does not encrypt them; a neutral subject can be put in the
 * Subject's place.
 */
#ifndef SLUIS_ENCRYPT_H
#define SLUIS_ENCRYPT_H

#include <stdbool.h>
#include <stddef.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "../common/buf.h"
#include "../common/status.h"

/* how to encrypt, and whether to sign first */
struct smime_opts {
    bool gcm;                    /* AES-256-GCM AuthEnvelopedData, else AES-256-CBC */
    X509 *sign_cert;             /* the organisation's signing certificate; NULL: no signature */
    EVP_PKEY *sign_key;          /* its key */
    STACK_OF(X509) * sign_chain; /* intermediates sent with the signature; may be NULL */
};

/* the encrypted entity */
struct smime_part {
    struct buf fields; /* the new Content-* fields, "Name: value\r\n" each */
    struct buf body;   /* the CMS structure in base64, 76 columns, CRLF */
};

/* smime_entity - the MIME entity of the message data[0..len) into out
 * (appended): its Content-* fields, an empty line, the body */
enum sl_status smime_entity(const char *data, size_t len, struct buf *out);

/* smime_encrypt - the entity of data[0..len) signed (when o says so) and
 * encrypted to every certificate in recips, into part (fields and body
 * reset first). err says why on failure. */
enum sl_status smime_encrypt(const char *data, size_t len, STACK_OF(X509) * recips,
                             const struct smime_opts *o, struct smime_part *part, char *err,
                             size_t errlen);

/* smime_message - the whole message as it leaves: data's header without
 * its Content-* fields (and MIME-Version), with subject (when not NULL,
 * already encoded) in place of the Subject (one, added when there was
 * none), then MIME-Version and the part's fields, an empty line and its
 * body; into out (reset first) */
enum sl_status smime_message(const char *data, size_t len, const char *subject,
                             const struct smime_part *part, struct buf *out);

/* smime_content_fields - the names of data's Content-* fields, each as
 * often as it occurs, into names (at most cap); how many. For the milter,
 * which deletes them one by one. */
size_t smime_content_fields(const char *data, size_t len, char (*names)[64], size_t cap);

/* smime_has_field - has data's header a field called name (any case)? */
bool smime_has_field(const char *data, size_t len, const char *name);

void smime_part_free(struct smime_part *part);

#endif
