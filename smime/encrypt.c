/*
 * encrypt - S/MIME encryption of a message's entity. See encrypt.h.
 */
#include "encrypt.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>

/* one header field: [start, end) with its continuation lines and line end */
struct field {
    size_t start, end;
    size_t name_len;
};

/* next_field - the field at *pos, *pos moved past it; false at the empty
 * line that ends the header (*pos then just past it) or at the end */
static bool next_field(const char *d, size_t len, size_t *pos, struct field *f)
{
    size_t i = *pos;
    if (i >= len)
        return false;
    if (d[i] == '\n' || (d[i] == '\r' && i + 1 < len && d[i + 1] == '\n')) {
        *pos = i + (d[i] == '\r' ? 2 : 1);
        return false;
    }
    f->start = i;
    const char *colon = memchr(d + i, ':', len - i);
    const char *nl = memchr(d + i, '\n', len - i);
    f->name_len = colon && (!nl || colon < nl) ? (size_t)(colon - (d + i)) : 0;
    size_t end = nl ? (size_t)(nl - d) + 1 : len;
    while (end < len && (d[end] == ' ' || d[end] == '\t')) {
        nl = memchr(d + end, '\n', len - end);
        end = nl ? (size_t)(nl - d) + 1 : len;
    }
    f->end = end;
    *pos = end;
    return true;
}

static bool is_content(const char *d, const struct field *f)
{
    return f->name_len >= 8 && strncasecmp(d + f->start, "content-", 8) == 0;
}

static bool is_named(const char *d, const struct field *f, const char *name)
{
    return f->name_len == strlen(name) && strncasecmp(d + f->start, name, f->name_len) == 0;
}

/* append_crlf - bytes with a CRLF line end at the end if they have none */
static enum sl_status append_line(struct buf *out, const char *p, size_t n)
{
    enum sl_status st = buf_append(out, p, n);
    if (st == SL_OK && (n == 0 || p[n - 1] != '\n'))
        st = buf_append(out, "\r\n", 2);
    return st;
}

enum sl_status smime_entity(const char *data, size_t len, struct buf *out)
{
    size_t pos = 0;
    struct field f;
    enum sl_status st = SL_OK;
    while (st == SL_OK && next_field(data, len, &pos, &f))
        if (is_content(data, &f))
            st = append_line(out, data + f.start, f.end - f.start);
    if (st == SL_OK)
        st = buf_append(out, "\r\n", 2);
    if (st == SL_OK && pos < len)
        st = buf_append(out, data + pos, len - pos);
    return st;
}

size_t smime_content_fields(const char *data, size_t len, char (*names)[64], size_t cap)
{
    size_t pos = 0, n = 0;
    struct field f;
    while (n < cap && next_field(data, len, &pos, &f))
        if (is_content(data, &f) && f.name_len < 64)
            snprintf(names[n++], 64, "%.*s", (int)f.name_len, data + f.start);
    return n;
}

/* ssl_err - the reason OpenSSL gives, with what failed */
static enum sl_status ssl_err(const char *what, char *err, size_t errlen)
{
    char why[256] = "no detail";
    unsigned long e = ERR_peek_last_error();
    if (e)
        ERR_error_string_n(e, why, sizeof why);
    ERR_clear_error();
    snprintf(err, errlen, "S/MIME: %s failed (%s)", what, why);
    return SL_EIO;
}

/* base64 - der as base64 in lines of 76 and CRLF (RFC 2045 6.8) */
static enum sl_status base64(const unsigned char *der, size_t n, struct buf *out)
{
    unsigned char line[80];
    enum sl_status st = buf_reserve(out, n / 57 * 78 + 80);
    for (size_t i = 0; st == SL_OK && i < n; i += 57) {
        int k = EVP_EncodeBlock(line, der + i, (int)(n - i < 57 ? n - i : 57));
        st = buf_append(out, line, (size_t)k);
        if (st == SL_OK)
            st = buf_append(out, "\r\n", 2);
    }
    return st;
}

/* sign - the entity in as multipart/signed (CRLF) into a new memory BIO.
 * Streamed: SMIME_write_CMS signs as it writes the content, once (a
 * structure signed before would be signed again there, and refused). */
static BIO *sign(BIO *in, const struct smime_opts *o, char *err, size_t errlen)
{
    int flags = CMS_DETACHED | CMS_BINARY | CMS_STREAM | SMIME_CRLFEOL;
    CMS_ContentInfo *cms = CMS_sign(o->sign_cert, o->sign_key, o->sign_chain, in, flags);
    BIO *out = BIO_new(BIO_s_mem());
    if (cms == NULL || out == NULL || SMIME_write_CMS(out, cms, in, flags) != 1) {
        ssl_err("signing", err, errlen);
        BIO_free(out);
        out = NULL;
    }
    CMS_ContentInfo_free(cms);
    return out;
}

enum sl_status smime_encrypt(const char *data, size_t len, STACK_OF(X509) * recips,
                             const struct smime_opts *o, struct smime_part *part, char *err,
                             size_t errlen)
{
    struct buf entity = BUF_INIT;
    buf_reset(&part->fields);
    buf_reset(&part->body);
    enum sl_status st = smime_entity(data, len, &entity);
    if (st != SL_OK || entity.len > INT32_MAX) {
        buf_free(&entity);
        snprintf(err, errlen, "S/MIME: %s", st != SL_OK ? sl_status_str(st) : "too large");
        return st != SL_OK ? st : SL_ELIMIT;
    }
    BIO *in = BIO_new_mem_buf(entity.data ? entity.data : "", (int)entity.len);
    BIO *signed_ = NULL;
    if (in != NULL && o->sign_cert != NULL) {
        signed_ = sign(in, o, err, errlen);
        if (signed_ == NULL) {
            BIO_free(in);
            buf_free(&entity);
            return SL_EIO;
        }
    }
    const EVP_CIPHER *cipher = o->gcm ? EVP_aes_256_gcm() : EVP_aes_256_cbc();
    CMS_ContentInfo *cms =
        in ? CMS_encrypt(recips, signed_ ? signed_ : in, cipher, CMS_BINARY) : NULL;
    unsigned char *der = NULL;
    int n = cms ? i2d_CMS_ContentInfo(cms, &der) : -1;
    if (n <= 0) {
        st = ssl_err("encryption", err, errlen);
    } else {
        st = buf_printf(&part->fields,
                        "Content-Type: application/pkcs7-mime; smime-type=%s; "
                        "name=\"smime.p7m\"\r\n"
                        "Content-Transfer-Encoding: base64\r\n"
                        "Content-Disposition: attachment; filename=\"smime.p7m\"\r\n"
                        "Content-Description: S/MIME Encrypted Message\r\n",
                        o->gcm ? "authEnveloped-data" : "enveloped-data");
        if (st == SL_OK)
            st = base64(der, (size_t)n, &part->body);
        if (st != SL_OK)
            snprintf(err, errlen, "S/MIME: %s", sl_status_str(st));
    }
    OPENSSL_free(der);
    CMS_ContentInfo_free(cms);
    BIO_free(signed_);
    BIO_free(in);
    /* the entity is the message's content in clear */
    if (entity.data)
        OPENSSL_cleanse(entity.data, entity.len);
    buf_free(&entity);
    return st;
}

enum sl_status smime_message(const char *data, size_t len, const char *subject,
                             const struct smime_part *part, struct buf *out)
{
    size_t pos = 0;
    struct field f;
    enum sl_status st = SL_OK;
    bool subject_done = subject == NULL;
    buf_reset(out);
    while (st == SL_OK && next_field(data, len, &pos, &f)) {
        if (is_content(data, &f) || is_named(data, &f, "mime-version") ||
            (subject_done && subject && is_named(data, &f, "subject")))
            continue;
        if (subject && is_named(data, &f, "subject")) {
            st = buf_printf(out, "Subject: %s\r\n", subject);
            subject_done = true;
        } else {
            st = append_line(out, data + f.start, f.end - f.start);
        }
    }
    if (st == SL_OK && !subject_done)
        st = buf_printf(out, "Subject: %s\r\n", subject);
    if (st == SL_OK)
        st = buf_append_str(out, "MIME-Version: 1.0\r\n");
    if (st == SL_OK)
        st = buf_append(out, part->fields.data, part->fields.len);
    if (st == SL_OK)
        st = buf_append(out, "\r\n", 2);
    if (st == SL_OK)
        st = buf_append(out, part->body.data, part->body.len);
    return st;
}

bool smime_has_field(const char *data, size_t len, const char *name)
{
    size_t pos = 0;
    struct field f;
    while (next_field(data, len, &pos, &f))
        if (is_named(data, &f, name))
            return true;
    return false;
}

void smime_part_free(struct smime_part *part)
{
    buf_free(&part->fields);
    buf_free(&part->body);
}
