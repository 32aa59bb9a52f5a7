/*
 * pseudo - senders as pseudonyms. See pseudo.h.
 *
 * The key file holds the 32-byte key as 64 hex digits and a newline, like
 * the portal's key. Derived values, each HMAC-SHA-256 under the key:
 *   sender hash  "sender:" || lower-case bare address
 *   seal key     "seal"
 *   label key    "label:" || month || ":" || dept || ":" || hash
 * A sealed address is nonce(12) || AES-256-GCM ciphertext || tag(16), with
 * SEAL_AAD as associated data.
 *
 * Thread-safe: the key is read-only once loaded; OpenSSL contexts are
 * per call. Addresses are cut at PSEUDO_ADDR_MAX bytes.
 */
#include "pseudo.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "../common/file.h"

#define NONCE_LEN       12
#define TAG_LEN         16
#define PSEUDO_ADDR_MAX 320
static const char SEAL_AAD[] = "sluis metrics sender, version 1";

static void hex(const unsigned char *in, size_t n, char *out)
{
    static const char d[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = d[in[i] >> 4];
        out[2 * i + 1] = d[in[i] & 15];
    }
    out[2 * n] = '\0';
}

enum sl_status pseudo_keygen(const char *path, char *err, size_t errlen)
{
    unsigned char k[PSEUDO_KEY_LEN];
    char text[2 * PSEUDO_KEY_LEN + 2];
    if (RAND_bytes(k, sizeof k) != 1) {
        snprintf(err, errlen, "no random bytes for a key");
        return SL_EIO;
    }
    hex(k, sizeof k, text);
    OPENSSL_cleanse(k, sizeof k);
    memcpy(text + 2 * PSEUDO_KEY_LEN, "\n", 2);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        snprintf(err, errlen, "metrics key %s: %s", path, strerror(errno));
        OPENSSL_cleanse(text, sizeof text);
        return SL_EIO;
    }
    size_t n = strlen(text);
    /* exactly 0600, whatever the umask */
    bool ok = fchmod(fd, 0600) == 0 && write(fd, text, n) == (ssize_t)n && fsync(fd) == 0;
    int e = errno;
    OPENSSL_cleanse(text, sizeof text);
    if (close(fd) != 0 || !ok) {
        snprintf(err, errlen, "metrics key %s: cannot write the key: %s", path, strerror(e));
        unlink(path);
        return SL_EIO;
    }
    return SL_OK;
}

enum sl_status pseudo_load(const char *path, struct pseudo_key *k, char *err, size_t errlen)
{
    char text[2 * PSEUDO_KEY_LEN + 4];
    ssize_t n;
    enum sl_status st = file_read_key(path, "metrics", text, sizeof text, &n, err, errlen);
    if (st != SL_OK)
        return st;
    bool ok = file_key_hex(text, n, k->k, PSEUDO_KEY_LEN) &&
              (n == 2 * PSEUDO_KEY_LEN ||
               (n == 2 * PSEUDO_KEY_LEN + 1 && text[2 * PSEUDO_KEY_LEN] == '\n'));
    OPENSSL_cleanse(text, sizeof text);
    if (!ok) {
        OPENSSL_cleanse(k->k, sizeof k->k);
        snprintf(err, errlen, "metrics key %s: not a key (64 hex digits)", path);
        return SL_EINVAL;
    }
    return SL_OK;
}

/* mac - HMAC-SHA-256 under key over the parts, one after another */
static void mac(const unsigned char *key, size_t keylen, const char *const *parts, size_t nparts,
                unsigned char out[32])
{
    /* the parts are small: join them, then one HMAC() */
    char buf[2 * PSEUDO_ADDR_MAX + 512];
    size_t len = 0;
    for (size_t i = 0; i < nparts; i++) {
        size_t n = strlen(parts[i]);
        if (n > sizeof buf - len)
            n = sizeof buf - len;
        /* NOLINTNEXTLINE(bugprone-not-null-terminated-result): bytes for the HMAC, not a string */
        memcpy(buf + len, parts[i], n);
        len += n;
    }
    unsigned int outlen = 32;
    if (HMAC(EVP_sha256(), key, (int)keylen, (const unsigned char *)buf, len, out, &outlen) == NULL)
        memset(out, 0, 32);
    OPENSSL_cleanse(buf, len);
}

/* bare - the address without spaces and angle brackets, lower case */
static void bare(const char *address, char out[PSEUDO_ADDR_MAX + 1])
{
    const char *s = address ? address : "";
    size_t n = strlen(s);
    while (n > 0 && (*s == ' ' || *s == '\t' || *s == '<')) {
        s++;
        n--;
    }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '>'))
        n--;
    if (n > PSEUDO_ADDR_MAX)
        n = PSEUDO_ADDR_MAX;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c | 0x20); /* ASCII: the lower-case letter */
        out[i] = c;
    }
    out[n] = '\0';
}

void pseudo_sender(const struct pseudo_key *k, const char *address, char out[EVENT_HASH_LEN + 1])
{
    char a[PSEUDO_ADDR_MAX + 1];
    unsigned char h[32];
    bare(address, a);
    const char *parts[] = {"sender:", a};
    mac(k->k, sizeof k->k, parts, 2, h);
    hex(h, sizeof h, out);
    OPENSSL_cleanse(a, sizeof a);
}

void pseudo_label_key(const struct pseudo_key *k, const char *month, const char *dept,
                      const char *hash, char out[EVENT_HASH_LEN + 1])
{
    unsigned char h[32];
    const char *parts[] = {"label:", month ? month : "", ":", dept ? dept : "",
                           ":",      hash ? hash : ""};
    mac(k->k, sizeof k->k, parts, 6, h);
    hex(h, sizeof h, out);
}

static void seal_key(const struct pseudo_key *k, unsigned char out[32])
{
    const char *parts[] = {"seal"};
    mac(k->k, sizeof k->k, parts, 1, out);
}

enum sl_status pseudo_seal(const struct pseudo_key *k, const char *address, unsigned char *out,
                           size_t outlen, size_t *len)
{
    char a[PSEUDO_ADDR_MAX + 1];
    unsigned char key[32];
    bare(address, a);
    size_t n = strlen(a);
    *len = 0;
    if (outlen < NONCE_LEN + n + TAG_LEN)
        return SL_EINVAL;
    if (RAND_bytes(out, NONCE_LEN) != 1)
        return SL_EIO;
    seal_key(k, key);
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int l1 = 0, l2 = 0;
    bool ok = c != NULL && EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
              EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, NONCE_LEN, NULL) == 1 &&
              EVP_EncryptInit_ex(c, NULL, NULL, key, out) == 1 &&
              EVP_EncryptUpdate(c, NULL, &l1, (const unsigned char *)SEAL_AAD,
                                (int)strlen(SEAL_AAD)) == 1 &&
              EVP_EncryptUpdate(c, out + NONCE_LEN, &l1, (const unsigned char *)a, (int)n) == 1 &&
              EVP_EncryptFinal_ex(c, out + NONCE_LEN + l1, &l2) == 1 &&
              EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, TAG_LEN, out + NONCE_LEN + n) == 1;
    EVP_CIPHER_CTX_free(c);
    OPENSSL_cleanse(key, sizeof key);
    OPENSSL_cleanse(a, sizeof a);
    if (!ok)
        return SL_EIO;
    *len = NONCE_LEN + n + TAG_LEN;
    return SL_OK;
}

enum sl_status pseudo_open(const struct pseudo_key *k, const unsigned char *in, size_t len,
                           char *address, size_t addrlen)
{
    unsigned char key[32];
    if (addrlen > 0)
        address[0] = '\0';
    if (len < NONCE_LEN + TAG_LEN || len > PSEUDO_SEALED_MAX)
        return SL_EINVAL;
    size_t n = len - NONCE_LEN - TAG_LEN;
    if (addrlen < n + 1)
        return SL_EINVAL;
    unsigned char tag[TAG_LEN];
    memcpy(tag, in + len - TAG_LEN, TAG_LEN);
    seal_key(k, key);
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int l1 = 0, l2 = 0;
    bool ok = c != NULL && EVP_DecryptInit_ex(c, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
              EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, NONCE_LEN, NULL) == 1 &&
              EVP_DecryptInit_ex(c, NULL, NULL, key, in) == 1 &&
              EVP_DecryptUpdate(c, NULL, &l1, (const unsigned char *)SEAL_AAD,
                                (int)strlen(SEAL_AAD)) == 1 &&
              EVP_DecryptUpdate(c, (unsigned char *)address, &l1, in + NONCE_LEN, (int)n) == 1 &&
              EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, TAG_LEN, tag) == 1 &&
              EVP_DecryptFinal_ex(c, (unsigned char *)address + l1, &l2) == 1;
    EVP_CIPHER_CTX_free(c);
    OPENSSL_cleanse(key, sizeof key);
    if (!ok || memchr(address, '\0', n) != NULL) {
        OPENSSL_cleanse(address, addrlen);
        address[0] = '\0';
        return SL_EINVAL;
    }
    address[n] = '\0';
    return SL_OK;
}
