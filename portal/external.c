/*
 * external - hand-off to an external portal. See external.h.
 *
 * Why libcurl for HTTP: certificate and host name checks, proxies,
 * timeouts and HTTP/1.1 framing done right by a library every Debian
 * system has, instead of a hand-written client facing the internet.
 */
#include "external.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../cli/json.h"
#include "../common/buf.h"

struct external_portal {
    bool http;
    char url[1024];
    char address[320];
    struct smtp_target smtp;
    char auth[600]; /* "Authorization: Bearer ..." or "" */
    char ca_file[512];
    unsigned tries, deadline_ms;
};

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static void curl_init(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

static enum sl_status read_token(const char *path, char *out, size_t outlen, char *err,
                                 size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        snprintf(err, errlen, "portal token %s: cannot be read", path);
        if (fd >= 0)
            close(fd);
        return SL_EIO;
    }
    if (!S_ISREG(st.st_mode) || (st.st_mode & 077) != 0) {
        snprintf(err, errlen, "portal token %s: must be readable by its owner only (chmod 600)",
                 path);
        close(fd);
        return SL_EINVAL;
    }
    char tok[512];
    ssize_t n = read(fd, tok, sizeof tok - 1);
    close(fd);
    if (n <= 0) {
        snprintf(err, errlen, "portal token %s: empty", path);
        return SL_EPARSE;
    }
    tok[n] = '\0';
    tok[strcspn(tok, "\r\n")] = '\0';
    for (const char *c = tok; *c; c++)
        if (*c <= ' ' || *c > '~') {
            snprintf(err, errlen, "portal token %s: one line of printable characters", path);
            return SL_EPARSE;
        }
    snprintf(out, outlen, "Authorization: Bearer %s", tok);
    return SL_OK;
}

enum sl_status external_portal_new(const char *spec, const struct smtp_target *submission,
                                   const char *token_file, const char *ca_file,
                                   struct external_portal **out, char *err, size_t errlen)
{
    *out = NULL;
    struct external_portal *p = calloc(1, sizeof *p);
    if (p == NULL)
        return SL_ENOMEM;
    p->tries = 3;
    p->deadline_ms = 20000;
    enum sl_status st = SL_OK;
    if (strncmp(spec, "http://", 7) == 0 || strncmp(spec, "https://", 8) == 0) {
        p->http = true;
        if (strlen(spec) >= sizeof p->url || strpbrk(spec, " \t\r\n")) {
            snprintf(err, errlen, "portal: '%s' is not a URL", spec);
            st = SL_EPARSE;
        } else {
            snprintf(p->url, sizeof p->url, "%s", spec);
        }
        if (st == SL_OK && token_file && *token_file)
            st = read_token(token_file, p->auth, sizeof p->auth, err, errlen);
        snprintf(p->ca_file, sizeof p->ca_file, "%s", ca_file ? ca_file : "");
        pthread_once(&curl_once, curl_init);
    } else if (strncmp(spec, "smtp:", 5) == 0) {
        const char *a = spec + 5, *via = strstr(a, " via ");
        size_t al = via ? (size_t)(via - a) : strlen(a);
        const char *at = memchr(a, '@', al);
        if (al == 0 || al >= sizeof p->address || at == NULL || at == a || at == a + al - 1 ||
            memchr(a, ' ', al) || memchr(a, '<', al)) {
            snprintf(err, errlen, "portal: '%s': expected smtp:ADDRESS [via HOST:PORT]", spec);
            st = SL_EPARSE;
        } else {
            memcpy(p->address, a, al);
            p->address[al] = '\0';
            if (via)
                st = smtp_target_parse(via + 5, &p->smtp, err, errlen);
            else if (submission)
                p->smtp = *submission;
        }
    } else {
        snprintf(err, errlen,
                 "portal: '%s' is not builtin, smtp:ADDRESS [via HOST:PORT] or an http(s) URL",
                 spec);
        st = SL_EPARSE;
    }
    if (st != SL_OK) {
        free(p);
        return st;
    }
    *out = p;
    return SL_OK;
}

void external_portal_free(struct external_portal *p)
{
    free(p);
}

void external_portal_tries(struct external_portal *p, unsigned tries, unsigned deadline_ms)
{
    p->tries = tries ? tries : 1;
    p->deadline_ms = deadline_ms;
}

static void rfc3339(time_t t, char *out, size_t outlen)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, outlen, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static enum sl_status body_json(const char *id, const char *sender, const char *const *rcpts,
                                size_t n, time_t expires, const void *msg, size_t len,
                                struct buf *b)
{
    char when[32];
    rfc3339(expires, when, sizeof when);
    enum sl_status st = buf_append_str(b, "{\"id\":");
    if (st == SL_OK)
        st = json_string(b, id);
    if (st == SL_OK)
        st = buf_append_str(b, ",\"sender\":");
    if (st == SL_OK)
        st = json_string(b, sender);
    if (st == SL_OK)
        st = buf_append_str(b, ",\"recipients\":[");
    for (size_t i = 0; st == SL_OK && i < n; i++) {
        if (i)
            st = buf_append_char(b, ',');
        if (st == SL_OK)
            st = json_string(b, rcpts[i]);
    }
    if (st == SL_OK)
        st = buf_printf(b, "],\"expires\":\"%s\",\"message\":\"", when);
    if (st == SL_OK)
        st = buf_reserve(b, 4 * (len / 3 + 1) + 4);
    if (st == SL_OK) {
        /* in pieces: EVP_EncodeBlock takes an int length */
        for (size_t off = 0; off < len;) {
            size_t step = len - off > (3u << 20) ? (3u << 20) : len - off;
            int w = EVP_EncodeBlock((unsigned char *)b->data + b->len,
                                    (const unsigned char *)msg + off, (int)step);
            b->len += (size_t)w;
            off += step;
        }
        b->data[b->len] = '\0';
        st = buf_append_str(b, "\"}");
    }
    return st;
}

static size_t discard(char *p, size_t size, size_t n, void *ud)
{
    (void)p;
    (void)ud;
    return size * n;
}

/* post - one try; the class of its answer */
static enum external_result post(const struct external_portal *p, const struct buf *body,
                                 long timeout_ms, char *err, size_t errlen)
{
    CURL *c = curl_easy_init();
    if (c == NULL) {
        snprintf(err, errlen, "portal: no HTTP client");
        return EXTERNAL_TEMP;
    }
    struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
    if (p->auth[0])
        h = curl_slist_append(h, p->auth);
    h = curl_slist_append(h, "Expect:");
    curl_easy_setopt(c, CURLOPT_URL, p->url);
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body->data);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body->len);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms > 0 ? timeout_ms : 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms > 0 ? timeout_ms : 1L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
    if (p->ca_file[0])
        curl_easy_setopt(c, CURLOPT_CAINFO, p->ca_file);
    CURLcode rc = curl_easy_perform(c);
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    if (rc != CURLE_OK) {
        snprintf(err, errlen, "portal: %s", curl_easy_strerror(rc));
        return rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE
                   ? EXTERNAL_PERM
                   : EXTERNAL_TEMP;
    }
    if (code >= 200 && code < 300)
        return EXTERNAL_OK;
    snprintf(err, errlen, "portal: HTTP %ld", code);
    return code == 408 || code == 429 || code >= 500 ? EXTERNAL_TEMP : EXTERNAL_PERM;
}

static enum external_result mail(const struct external_portal *p, const char *sender,
                                 const char *const *rcpts, size_t n, time_t expires,
                                 const void *msg, size_t len, unsigned timeout_ms, char *err,
                                 size_t errlen)
{
    struct buf m = BUF_INIT;
    char when[32];
    rfc3339(expires, when, sizeof when);
    enum sl_status st = buf_append_str(&m, "X-Sluis-Recipients: ");
    for (size_t i = 0; st == SL_OK && i < n; i++)
        st = buf_printf(&m, "%s%s", i ? ",\r\n " : "", rcpts[i]);
    if (st == SL_OK)
        st = buf_printf(&m, "\r\nX-Sluis-Expires: %s\r\n", when);
    if (st == SL_OK)
        st = buf_append(&m, msg, len);
    if (st != SL_OK) {
        buf_free(&m);
        snprintf(err, errlen, "portal: out of memory");
        return EXTERNAL_TEMP;
    }
    struct smtp_target t = p->smtp;
    t.deadline_ms = timeout_ms;
    const char *to[] = {p->address};
    char hostname[256] = "localhost";
    gethostname(hostname, sizeof hostname);
    char why[512];
    enum smtp_result r = smtp_send(&t, hostname, sender, to, 1, m.data, m.len, why, sizeof why);
    buf_free(&m);
    if (r == SMTP_OK)
        return EXTERNAL_OK;
    snprintf(err, errlen, "portal: %s", why);
    return r == SMTP_TEMP ? EXTERNAL_TEMP : EXTERNAL_PERM;
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

enum external_result external_portal_deliver(const struct external_portal *p, const char *id,
                                             const char *sender, const char *const *rcpts, size_t n,
                                             time_t expires, const void *msg, size_t len,
                                             unsigned *tries_out, char *err, size_t errlen)
{
    struct buf body = BUF_INIT;
    if (p->http && body_json(id, sender, rcpts, n, expires, msg, len, &body) != SL_OK) {
        buf_free(&body);
        snprintf(err, errlen, "portal: out of memory");
        return EXTERNAL_TEMP;
    }
    long long end = now_ms() + p->deadline_ms;
    enum external_result r = EXTERNAL_TEMP;
    unsigned tries = 0;
    for (unsigned backoff = 500; tries < p->tries; backoff *= 2) {
        long long left = end - now_ms();
        if (left <= 0)
            break;
        tries++;
        r = p->http ? post(p, &body, (long)left, err, errlen)
                    : mail(p, sender, rcpts, n, expires, msg, len, (unsigned)left, err, errlen);
        if (r != EXTERNAL_TEMP || tries == p->tries || end - now_ms() <= (long long)backoff)
            break;
        usleep(backoff * 1000u);
    }
    if (tries_out)
        *tries_out = tries;
    buf_free(&body);
    return r;
}
