/*
 * test_smime - the S/MIME certificate checks, the certificate store and the
 * encryption (smime/), on certificates made for the run by tests/lib/mkcerts:
 * every way a certificate can be unfit is refused for that reason, the
 * store finds by address in any case and removes by fingerprint or
 * address, and an encrypted entity decrypts (with OpenSSL's CMS, as a
 * recipient's client would) to the message's entity byte for byte: CBC and
 * GCM, RSA and EC recipients, the archive certificate, signed and not.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <sqlite3.h>

#include "../../common/file.h"
#include "../../smime/smime.h"
#include "check.h"

static char dir[256];

static const char *path(const char *name)
{
    static char p[16][512];
    static int k;
    k = (k + 1) % 16;
    snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
    return p[k];
}

static STACK_OF(X509) * load(const char *name)
{
    char err[256];
    size_t len;
    char *data = file_read_all(path(name), 1 << 20, &len, err, sizeof err);
    STACK_OF(X509) *sk = data ? certs_read(data, len, err, sizeof err) : NULL;
    free(data);
    return sk;
}

static X509 *load1(const char *name)
{
    STACK_OF(X509) *sk = load(name);
    X509 *x = sk ? sk_X509_shift(sk) : NULL;
    sk_X509_pop_free(sk, X509_free);
    return x;
}

static EVP_PKEY *key(const char *name)
{
    BIO *b = BIO_new_file(path(name), "r");
    EVP_PKEY *k = b ? PEM_read_bio_PrivateKey(b, NULL, NULL, NULL) : NULL;
    BIO_free(b);
    return k;
}

static enum cert_state check_file(X509_STORE *trust, const char *name, const char *address,
                                  time_t now)
{
    STACK_OF(X509) *sk = load(name);
    if (sk == NULL)
        return CERT_NONE;
    char why[256];
    enum cert_state st =
        certs_check(trust, sk_X509_value(sk, 0), sk, address, now, why, sizeof why);
    sk_X509_pop_free(sk, X509_free);
    return st;
}

static void test_checks(X509_STORE *trust)
{
    time_t now = time(NULL);
    static const struct {
        const char *file, *address;
        enum cert_state want;
    } rows[] = {
        {"arts.pem", "arts@ziekenhuis-example.nl", CERT_OK},
        {"arts.pem", "ARTS@Ziekenhuis-Example.NL", CERT_OK},
        {"arts.pem", NULL, CERT_OK},
        {"lab.pem", "lab@lab-example.nl", CERT_OK}, /* EC: keyAgreement */
        {"chained.p7b", "poli@kliniek-example.nl", CERT_OK},
        {"chained.der", "poli@kliniek-example.nl", CERT_UNTRUSTED}, /* without its intermediate */
        {"expired.pem", "oud@ziekenhuis-example.nl", CERT_EXPIRED},
        {"notyet.pem", "nieuw@ziekenhuis-example.nl", CERT_NOT_YET},
        {"wrong-eku.pem", "eku@ziekenhuis-example.nl", CERT_EXT_USAGE},
        {"wrong-ku.pem", "ku@ziekenhuis-example.nl", CERT_KEY_USAGE},
        {"wrong-address.pem", "wrongaddr@ziekenhuis-example.nl", CERT_ADDRESS},
        {"arts.pem", "arts@ziekenhuis-example.nl.evil", CERT_ADDRESS},
        {"untrusted.pem", "vreemd@ziekenhuis-example.nl", CERT_UNTRUSTED},
        {"ca-as-leaf.pem", "ca@ziekenhuis-example.nl", CERT_IS_CA},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        enum cert_state st = check_file(trust, rows[i].file, rows[i].address, now);
        CHECK(st == rows[i].want, "%s for %s: %s, expected %s", rows[i].file,
              rows[i].address ? rows[i].address : "(any)", certs_state_name(st),
              certs_state_name(rows[i].want));
    }
    /* checked at the time asked: valid today, expired in two years */
    CHECK(check_file(trust, "arts.pem", NULL, now + 2 * 365 * 86400) == CERT_EXPIRED,
          "arts.pem in two years: expired");
    /* a CA bundle without its root: untrusted */
    char err[256];
    X509_STORE *other = certs_trust_load(path("other-ca.pem"), err, sizeof err);
    CHECK(other && check_file(other, "arts.pem", NULL, now) == CERT_UNTRUSTED,
          "another CA bundle: untrusted");
    X509_STORE_free(other);
    CHECK(certs_trust_load(path("nothing.pem"), err, sizeof err) == NULL && strstr(err, "nothing"),
          "a missing CA bundle says so: %s", err);
}

static void test_read(void)
{
    char err[256];
    STACK_OF(X509) *sk = load("bundle-mixed.pem");
    CHECK(sk && sk_X509_num(sk) == 3, "three certificates in a PEM file");
    sk_X509_pop_free(sk, X509_free);
    sk = load("chained.p7b");
    CHECK(sk && sk_X509_num(sk) == 2, "two in a PKCS#7 bundle");
    sk_X509_pop_free(sk, X509_free);
    sk = load("chained.der");
    CHECK(sk && sk_X509_num(sk) == 1, "one in DER");
    sk_X509_pop_free(sk, X509_free);
    static const char *const bad[] = {
        "", "not a certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        "\x30\x82\x01\x7fgarbage"};
    for (size_t i = 0; i < NELEM(bad); i++) {
        sk = certs_read(bad[i], strlen(bad[i]), err, sizeof err);
        CHECK(sk == NULL && err[0], "bad input %zu refused: %s", i, err);
        sk_X509_pop_free(sk, X509_free);
    }
    sk = load("arts.key"); /* a key alone: no certificate */
    CHECK(sk == NULL, "a key file holds no certificate");
    sk_X509_pop_free(sk, X509_free);
    X509 *x = load1("arts.pem");
    char list[512];
    CHECK(x && certs_addresses(x, list, sizeof list) == 1 &&
              strcmp(list, "arts@ziekenhuis-example.nl") == 0,
          "its address: %s", list);
    X509_free(x);
}

static void test_store(X509_STORE *trust)
{
    char err[512], why[256];
    char db[512];
    snprintf(db, sizeof db, "%s", path("store/certs.db"));
    struct certstore *s = NULL;
    CHECK(certstore_open(db, false, &s, err, sizeof err) == SL_ENOENT && s == NULL,
          "a store not made yet: not there");
    char mk[600];
    snprintf(mk, sizeof mk, "mkdir -p %s/store", dir);
    CHECK(system(mk) == 0, "store folder");
    CHECK(certstore_open(db, true, &s, err, sizeof err) == SL_OK, "made: %s", err);
    const char *files[] = {"arts.pem", "lab.pem", "chained.p7b"};
    time_t now = time(NULL);
    for (size_t i = 0; i < NELEM(files); i++) {
        STACK_OF(X509) *sk = load(files[i]);
        CHECK(sk && certstore_add(s, sk_X509_value(sk, 0), sk, now, err, sizeof err) == SL_OK,
              "%s added: %s", files[i], err);
        sk_X509_pop_free(sk, X509_free);
    }
    /* an expired certificate put in, as one that expired after import */
    X509 *old = load1("expired.pem");
    CHECK(certstore_add(s, old, NULL, now, err, sizeof err) == SL_OK, "expired added");
    X509_free(old);
    certstore_close(s);

    struct stat sb;
    CHECK(stat(db, &sb) == 0 && (sb.st_mode & 0777) == 0640, "the store is 0640: %o",
          sb.st_mode & 0777);
    CHECK(certstore_open(db, false, &s, err, sizeof err) == SL_OK, "read-only: %s", err);
    X509 *x = NULL;
    CHECK(certstore_find(s, trust, "Arts@ziekenhuis-example.nl", now, &x, why, sizeof why) ==
                  CERT_OK &&
              x,
          "found by address in another case");
    X509_free(x);
    CHECK(certstore_find(s, trust, "poli@kliniek-example.nl", now, &x, why, sizeof why) ==
                  CERT_OK &&
              x,
          "found with its intermediate from the store");
    X509_free(x);
    CHECK(certstore_find(s, trust, "oud@ziekenhuis-example.nl", now, &x, why, sizeof why) ==
                  CERT_EXPIRED &&
              x == NULL,
          "an expired one on file: expired, not used");
    CHECK(certstore_find(s, trust, "niemand@ziekenhuis-example.nl", now, &x, why, sizeof why) ==
                  CERT_NONE &&
              x == NULL,
          "none on file");
    size_t n = 0;
    CHECK(certstore_remove(s, "arts@ziekenhuis-example.nl", &n, err, sizeof err) != SL_OK,
          "read-only: no removal");
    certstore_close(s);
    CHECK(certstore_open(db, true, &s, err, sizeof err) == SL_OK, "read-write again");
    CHECK(certstore_remove(s, "ARTS@ziekenhuis-example.nl", &n, err, sizeof err) == SL_OK && n == 1,
          "removed by address: %zu", n);
    CHECK(certstore_find(s, trust, "arts@ziekenhuis-example.nl", now, &x, why, sizeof why) ==
              CERT_NONE,
          "gone");
    X509 *lab = load1("lab.pem");
    char fp[65], colons[100] = "";
    certs_fingerprint(lab, fp);
    X509_free(lab);
    for (int i = 0; i < 10; i++) {
        char two[4] = {fp[2 * i], fp[2 * i + 1], i < 9 ? ':' : '\0', '\0'};
        check_append(colons, sizeof colons, two);
    }
    CHECK(certstore_remove(s, "1234", &n, err, sizeof err) == SL_OK && n == 0,
          "a short key is an address, not a prefix");
    CHECK(certstore_remove(s, colons, &n, err, sizeof err) == SL_OK && n == 1,
          "removed by a fingerprint prefix with colons (%s): %zu", colons, n);
    certstore_close(s);
}

/* decrypt - the CMS in the base64 body, for the holder of name's key */
static bool decrypt(const struct smime_part *part, const char *name, struct buf *out)
{
    BIO *b64 = BIO_new(BIO_f_base64());
    BIO *mem = BIO_new_mem_buf(part->body.data, (int)part->body.len);
    BIO_push(b64, mem);
    CMS_ContentInfo *cms = d2i_CMS_bio(b64, NULL);
    BIO_free_all(b64);
    char certname[64], keyname[64];
    snprintf(certname, sizeof certname, "%s.pem", name);
    snprintf(keyname, sizeof keyname, "%s.key", name);
    X509 *x = load1(certname);
    EVP_PKEY *k = key(keyname);
    BIO *o = BIO_new(BIO_s_mem());
    bool ok = cms && x && k && CMS_decrypt(cms, k, x, NULL, o, CMS_BINARY) == 1;
    char *p = NULL;
    long n = BIO_get_mem_data(o, &p);
    buf_reset(out);
    if (ok)
        buf_append(out, p, (size_t)n);
    BIO_free(o);
    X509_free(x);
    EVP_PKEY_free(k);
    CMS_ContentInfo_free(cms);
    ERR_clear_error();
    return ok;
}

static const char MESSAGE[] = "From: Anja <anja@zorg-example.nl>\r\n"
                              "To: arts@ziekenhuis-example.nl\r\n"
                              "Subject: overdracht\r\n"
                              "MIME-Version: 1.0\r\n"
                              "Content-Type: multipart/mixed;\r\n"
                              "\tboundary=\"b1\"\r\n"
                              "X-Other: stays\r\n"
                              "content-transfer-encoding: 7bit\r\n"
                              "\r\n"
                              "--b1\r\n"
                              "Content-Type: text/plain; charset=utf-8\r\n"
                              "\r\n"
                              "Mevrouw Jansen (BSN 123456782) krijgt haloperidol.\r\n"
                              "--b1--\r\n";

static const char ENTITY[] = "Content-Type: multipart/mixed;\r\n"
                             "\tboundary=\"b1\"\r\n"
                             "content-transfer-encoding: 7bit\r\n"
                             "\r\n"
                             "--b1\r\n"
                             "Content-Type: text/plain; charset=utf-8\r\n"
                             "\r\n"
                             "Mevrouw Jansen (BSN 123456782) krijgt haloperidol.\r\n"
                             "--b1--\r\n";

/* header_only - msg cut after its header, when st is SL_OK: the checks
 * that a word is absent must not read the base64 body, where any three
 * letters turn up by chance */
static bool header_only(enum sl_status st, struct buf *msg)
{
    char *end = st == SL_OK && msg->data ? strstr(msg->data, "\r\n\r\n") : NULL;
    if (end == NULL)
        return false;
    end[2] = '\0';
    msg->len = (size_t)(end + 2 - msg->data);
    return true;
}

static void test_encrypt(void)
{
    struct buf entity = BUF_INIT, plain = BUF_INIT, msg = BUF_INIT;
    CHECK(smime_entity(MESSAGE, strlen(MESSAGE), &entity) == SL_OK &&
              entity.len == strlen(ENTITY) && memcmp(entity.data, ENTITY, entity.len) == 0,
          "the entity: the Content-* fields, an empty line, the body");
    /* a message without Content-* fields: an empty header, then the body */
    static const char bare[] = "Subject: x\r\n\r\nhallo\r\n";
    buf_reset(&entity);
    CHECK(smime_entity(bare, strlen(bare), &entity) == SL_OK &&
              strcmp(entity.data, "\r\nhallo\r\n") == 0,
          "no Content-* fields: an empty header");
    char names[8][64];
    CHECK(smime_content_fields(MESSAGE, strlen(MESSAGE), names, 8) == 2 &&
              strcmp(names[0], "Content-Type") == 0 &&
              strcmp(names[1], "content-transfer-encoding") == 0,
          "the Content-* field names, as written");

    struct smime_setup setup = {
        path("store/none.db"), path("ca.pem"), "aes-256-cbc", path("archive.pem"), "", ""};
    struct smime *m = NULL;
    char err[512];
    CHECK(smime_new(&setup, &m, err, sizeof err) == SL_OK, "setup: %s", err);
    X509 *arts = load1("arts.pem"), *lab = load1("lab.pem");
    X509 *two[] = {arts, lab};
    struct smime_part part = {BUF_INIT, BUF_INIT};
    CHECK(m && smime_seal(m, MESSAGE, strlen(MESSAGE), two, 2, &part, err, sizeof err) == SL_OK,
          "sealed: %s", err);
    const char *fields = part.fields.data ? part.fields.data : "";
    CHECK(strstr(fields, "smime-type=enveloped-data") &&
              strstr(fields, "Content-Transfer-Encoding: base64\r\n"),
          "the fields: %s", fields);
    CHECK(part.body.data && !memmem(part.body.data, part.body.len, "123456782", 9),
          "no clear text in the body");
    const char *holders[] = {"arts", "lab", "archive"};
    for (size_t i = 0; i < NELEM(holders); i++)
        CHECK(decrypt(&part, holders[i], &plain) && plain.len == strlen(ENTITY) &&
                  memcmp(plain.data, ENTITY, plain.len) == 0,
              "%s decrypts to the entity byte for byte", holders[i]);
    CHECK(!decrypt(&part, "chained", &plain), "a certificate not among them cannot");
    /* the whole message as a split-off copy */
    CHECK(header_only(smime_message(MESSAGE, strlen(MESSAGE), "Beveiligd bericht", &part, &msg),
                      &msg) &&
              strstr(msg.data, "Subject: Beveiligd bericht\r\n") &&
              !strstr(msg.data, "overdracht") && strstr(msg.data, "X-Other: stays\r\n") &&
              !strstr(msg.data, "multipart/mixed") && !strstr(msg.data, "7bit") &&
              strstr(msg.data, "MIME-Version: 1.0\r\n") ==
                  strstr(msg.data, "MIME-Version") /* once */
              && !strstr(strstr(msg.data, "MIME-Version") + 1, "MIME-Version"),
          "the copy: other fields kept, the subject replaced, one MIME-Version");
    /* a message without a Subject gets the neutral one; with two, one stays */
    static const char nosubj[] = "From: a@zorg-example.nl\r\n\r\nhallo\r\n";
    static const char twosubj[] = "Subject: een\r\nSubject: twee\r\n\r\nhallo\r\n";
    CHECK(header_only(smime_message(nosubj, strlen(nosubj), "Beveiligd", &part, &msg), &msg) &&
              strstr(msg.data, "Subject: Beveiligd\r\n"),
          "no Subject: the neutral one added");
    CHECK(header_only(smime_message(twosubj, strlen(twosubj), "Beveiligd", &part, &msg), &msg) &&
              strstr(msg.data, "Subject: Beveiligd\r\n") && !strstr(msg.data, "een") &&
              !strstr(msg.data, "twee"),
          "two Subjects: one neutral one");
    smime_free(m);

    /* GCM, and signed first */
    setup.cipher = "aes-256-gcm";
    setup.archive_cert = "";
    setup.sign_cert = path("signer.pem");
    setup.sign_key = path("signer.key");
    CHECK(smime_new(&setup, &m, err, sizeof err) == SL_OK, "setup with signing: %s", err);
    CHECK(m && smime_seal(m, MESSAGE, strlen(MESSAGE), two, 1, &part, err, sizeof err) == SL_OK,
          "sealed with GCM, signed: %s", err);
    CHECK(part.fields.data && strstr(part.fields.data, "smime-type=authEnveloped-data"),
          "authEnveloped-data");
    bool ok = decrypt(&part, "arts", &plain);
    CHECK(ok && plain.data && strstr(plain.data, "multipart/signed"),
          "decrypts to a signed entity");
    /* verify the signature against the CA: the content is the entity */
    BIO *in = BIO_new_mem_buf(plain.data ? plain.data : "", (int)plain.len), *cont = NULL;
    CMS_ContentInfo *cms = SMIME_read_CMS(in, &cont);
    char e2[256];
    X509_STORE *trust = certs_trust_load(path("ca.pem"), e2, sizeof e2);
    BIO *out = BIO_new(BIO_s_mem());
    bool verified = cms && trust && CMS_verify(cms, NULL, trust, cont, out, CMS_BINARY) == 1;
    char *p = NULL;
    long n = BIO_get_mem_data(out, &p);
    CHECK(verified && (size_t)n == strlen(ENTITY) && memcmp(p, ENTITY, (size_t)n) == 0,
          "the signature verifies, over the entity byte for byte");
    ERR_clear_error();
    BIO_free(out);
    BIO_free(cont);
    BIO_free(in);
    CMS_ContentInfo_free(cms);
    X509_STORE_free(trust);
    smime_free(m);

    /* bad setups are refused with the key's name */
    setup.sign_key = path("arts.key");
    CHECK(smime_new(&setup, &m, err, sizeof err) != SL_OK && strstr(err, "does not belong"),
          "a key not the certificate's: %s", err);
    setup.sign_key = "";
    CHECK(smime_new(&setup, &m, err, sizeof err) != SL_OK && strstr(err, "go together"),
          "a certificate without its key: %s", err);
    setup.sign_cert = "";
    setup.cipher = "des";
    CHECK(smime_new(&setup, &m, err, sizeof err) != SL_OK && strstr(err, "smime_cipher"),
          "an unknown cipher: %s", err);
    setup.cipher = "aes-256-cbc";
    setup.archive_cert = path("arts.key");
    CHECK(smime_new(&setup, &m, err, sizeof err) != SL_OK && strstr(err, "smime_archive_cert"),
          "an archive file without a certificate: %s", err);

    X509_free(arts);
    X509_free(lab);
    smime_part_free(&part);
    buf_free(&entity);
    buf_free(&plain);
    buf_free(&msg);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/sluis-smime-XXXXXX");
    if (mkdtemp(dir) == NULL)
        return 1;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "tests/lib/mkcerts %s", dir);
    CHECK(system(cmd) == 0, "tests/lib/mkcerts made the certificates");
    char err[256];
    X509_STORE *trust = certs_trust_load(path("ca.pem"), err, sizeof err);
    CHECK(trust != NULL, "the test CA: %s", err);
    if (trust) {
        test_checks(trust);
        test_read();
        test_store(trust);
        test_encrypt();
    }
    X509_STORE_free(trust);
    check_remove_dir(dir);
    return check_summary("test_smime");
}
