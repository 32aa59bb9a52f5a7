/*
 * http - the HTTP layer on libmicrohttpd. See http.h.
 *
 * The only file that calls MHD_*. A request is an exchange: its request,
 * its private data and its response, allocated when MHD has read the request
 * line (the URI callback), freed when MHD says the request is over. The
 * checks are plain functions over the exchange (stage_headers(),
 * stage_answer()), which web_dispatch() runs without a socket.
 *
 * Threads: MHD runs one thread per connection plus one that accepts; the
 * config is read-only; the count of connections per client address is the
 * only shared state, under a mutex.
 *
 * Limits: MHD caps the request line and headers (its connection memory,
 * 32 KiB) and idle time (web_config.timeout); the route's max_body caps the
 * body before it is read (Content-Length is required for a body); form.h
 * caps fields and files; web_config caps connections, in all and per client.
 */
#include "http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "form.h"
#include "utf8.h"

#define HEADERS_MAX 100 /* request headers kept; more is refused (MHD caps their bytes) */
#define COOKIES_MAX 32

#define CSP                                                                                        \
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "                   \
    "frame-ancestors 'none'; base-uri 'none'"

struct pair {
    char *name;
    char *value;
    size_t len;
};

struct web_request_data {
    const struct web_config *cfg;
    struct web_response *res;
    char *uri;  /* the request line's URI, as received */
    char *path; /* the URI up to '?' */
    char method[8];
    char param[WEB_PARAMS_MAX][WEB_PARAM_MAX + 1];
    struct pair header[HEADERS_MAX];
    size_t nheaders;
    struct pair cookie[COOKIES_MAX];
    size_t ncookies;
    struct form query;
    struct form form;
    struct buf body;
    size_t content_length; /* when has_length */
    bool has_length;
    bool bad_headers; /* more headers than HEADERS_MAX, or an allocation failed */
};

/* one request from its request line to its end */
struct exchange {
    struct web_request req;
    struct web_request_data data;
    struct web_response res; /* the server's; web_dispatch() uses the caller's */
    bool started;            /* the headers were seen */
    bool answered;           /* a response was decided */
};

/* ---- responses ---- */

void web_response_free(struct web_response *res)
{
    buf_free(&res->body);
    buf_free(&res->location);
    for (size_t i = 0; i < WEB_COOKIES_MAX; i++)
        buf_free(&res->cookie[i]);
    buf_free(&res->filename);
    buf_free(&res->header_mem);
    memset(res, 0, sizeof *res);
}

static bool is_tchar(unsigned char c)
{
    /* RFC 9110, section 5.6.2 */
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           (c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

enum sl_status web_response_type(struct web_response *res, const char *type)
{
    size_t len = strlen(type);
    size_t i = 0;

    if (len >= sizeof res->type_buf)
        return SL_EINVAL;
    while (i < len && is_tchar((unsigned char)type[i]))
        i++;
    if (i == 0 || i == len || type[i] != '/')
        return SL_EINVAL;
    size_t sub = ++i;
    while (i < len && is_tchar((unsigned char)type[i]))
        i++;
    if (i == sub)
        return SL_EINVAL;
    for (; i < len; i++) /* parameters: printable ASCII */
        if ((unsigned char)type[i] < 0x20 || (unsigned char)type[i] > 0x7e)
            return SL_EINVAL;
    memcpy(res->type_buf, type, len + 1);
    res->type = res->type_buf;
    return SL_OK;
}

enum sl_status web_response_redirect(struct web_response *res, int status, const char *target)
{
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308)
        return SL_EINVAL;
    if (*target == '\0')
        return SL_EINVAL;
    for (const char *p = target; *p; p++)
        if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f)
            return SL_EINVAL;
    buf_reset(&res->location);
    enum sl_status st = buf_append_str(&res->location, target);
    if (st == SL_OK)
        res->status = status;
    return st;
}

enum sl_status web_response_cookie(struct web_response *res, const char *name, const char *value,
                                   long max_age, bool secure)
{
    if (*name == '\0' || (strncmp(name, "__Host-", 7) == 0 && !secure))
        return SL_EINVAL;
    for (const char *p = name; *p; p++)
        if (!is_tchar((unsigned char)*p))
            return SL_EINVAL;
    for (const char *p = value; *p; p++) {
        unsigned char c = (unsigned char)*p;
        /* RFC 6265, section 4.1.1: cookie-octet */
        if (c < 0x21 || c > 0x7e || c == '"' || c == ',' || c == ';' || c == '\\')
            return SL_EINVAL;
    }
    if (res->ncookies >= WEB_COOKIES_MAX)
        return SL_ELIMIT;
    struct buf *b = &res->cookie[res->ncookies];
    buf_reset(b);
    enum sl_status st = buf_printf(b, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s", name, value,
                                   secure ? "; Secure" : "");
    if (st == SL_OK && max_age >= 0)
        st = buf_printf(b, "; Max-Age=%ld", max_age);
    if (st != SL_OK)
        return st;
    res->ncookies++;
    return SL_OK;
}

enum sl_status web_response_attachment(struct web_response *res, const char *name, size_t len)
{
    enum sl_status st = SL_OK;
    size_t i = 0;

    buf_reset(&res->filename);
    while (i < len && st == SL_OK) {
        size_t n = utf8_char_len(name + i, len - i);
        unsigned char c = (unsigned char)name[i];
        if (n == 0 || c < 0x20 || c == 0x7f) {
            st = buf_append_char(&res->filename, '_');
            i++;
        } else {
            st = buf_append(&res->filename, name + i, n);
            i += n;
        }
    }
    if (st == SL_OK && res->filename.len == 0)
        st = buf_append_str(&res->filename, "_");
    return st;
}

/* disposition - the Content-Disposition of an attachment (RFC 6266): an
 * ASCII filename for old clients and filename* with every byte that is not
 * an attr-char percent-encoded (RFC 5987, section 3.2.1) */
static enum sl_status disposition(struct buf *out, const struct buf *name)
{
    static const char hex[] = "0123456789ABCDEF";
    enum sl_status st = buf_append_str(out, "attachment; filename=\"");

    for (size_t i = 0; i < name->len && st == SL_OK; i++) {
        unsigned char c = (unsigned char)name->data[i];
        if (c >= 0x80 && c < 0xc0)
            continue; /* a continuation: its character is one '_' */
        char ch = (char)c;
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '%')
            ch = '_';
        st = buf_append_char(out, ch);
    }
    if (st == SL_OK)
        st = buf_append_str(out, "\"; filename*=UTF-8''");
    for (size_t i = 0; i < name->len && st == SL_OK; i++) {
        unsigned char c = (unsigned char)name->data[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            (c != 0 && strchr("!#$&+-.^_`|~", c) != NULL)) {
            st = buf_append_char(out, (char)c);
        } else {
            char pct[3] = {'%', hex[c >> 4], hex[c & 15]};
            st = buf_append(out, pct, sizeof pct);
        }
    }
    return st;
}

static bool origin_https(const struct web_config *cfg)
{
    return cfg->origin != NULL && strncasecmp(cfg->origin, "https://", 8) == 0;
}

enum sl_status web_response_finish(const struct web_config *cfg, struct web_response *res)
{
    size_t off[WEB_HEADERS_MAX];
    size_t n = 0;
    enum sl_status st = SL_OK;

    buf_reset(&res->header_mem);
    res->nheaders = 0;
    if (res->status == 0)
        res->status = 200;
#define ADD(hname, ...)                                                                            \
    do {                                                                                           \
        if (st == SL_OK && n < WEB_HEADERS_MAX) {                                                  \
            res->header[n].name = (hname);                                                         \
            off[n++] = res->header_mem.len;                                                        \
            st = buf_printf(&res->header_mem, __VA_ARGS__);                                        \
            if (st == SL_OK)                                                                       \
                st = buf_append_char(&res->header_mem, '\0');                                      \
        }                                                                                          \
    } while (0)

    ADD("Content-Security-Policy", "%s", CSP);
    ADD("X-Content-Type-Options", "nosniff");
    /* same-origin, not no-referrer: under no-referrer a browser sends
     * "Origin: null" with the page's own form posts, which the Origin check
     * must then refuse; same-origin keeps the Origin for the site itself
     * and still sends nothing to any other (the links in a message) */
    ADD("Referrer-Policy", "same-origin");
    ADD("X-Frame-Options", "DENY");
    ADD("Cross-Origin-Opener-Policy", "same-origin");
    ADD("Cross-Origin-Resource-Policy", "same-origin");
    ADD("Cache-Control", "%s",
        res->cache == WEB_CACHE_STATIC ? "public, max-age=3600" : "no-store");
    if (origin_https(cfg))
        ADD("Strict-Transport-Security", "max-age=31536000");
    ADD("Content-Type", "%s", res->type != NULL ? res->type : "text/html; charset=utf-8");
    if (res->location.len > 0)
        ADD("Location", "%s", res->location.data);
    for (size_t i = 0; i < res->ncookies && i < WEB_COOKIES_MAX; i++)
        ADD("Set-Cookie", "%s", res->cookie[i].data);
    if (res->allow != NULL)
        ADD("Allow", "%s", res->allow);
    if (res->filename.len > 0 && st == SL_OK && n < WEB_HEADERS_MAX) {
        res->header[n].name = "Content-Disposition";
        off[n++] = res->header_mem.len;
        st = disposition(&res->header_mem, &res->filename);
        if (st == SL_OK)
            st = buf_append_char(&res->header_mem, '\0');
    }
#undef ADD
    if (st != SL_OK)
        return st;
    for (size_t i = 0; i < n; i++) /* the memory moved while it grew: point now */
        res->header[i].value = res->header_mem.data + off[i];
    res->nheaders = n;
    return SL_OK;
}

const char *web_response_header(const struct web_response *res, const char *name)
{
    for (size_t i = 0; i < res->nheaders; i++)
        if (strcasecmp(res->header[i].name, name) == 0)
            return res->header[i].value;
    return NULL;
}

/* ---- static files ---- */

const struct web_asset *web_asset_find(const struct web_asset *assets, size_t n, const char *path)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(assets[i].path, path) == 0)
            return &assets[i];
    return NULL;
}

enum sl_status web_response_asset(struct web_response *res, const struct web_asset *asset)
{
    buf_reset(&res->body);
    enum sl_status st = buf_append(&res->body, asset->bytes, asset->len);
    if (st != SL_OK)
        return st;
    res->status = 200;
    res->type = asset->type;
    res->cache = WEB_CACHE_STATIC;
    return SL_OK;
}

/* ---- requests ---- */

const char *web_field(const struct web_request *req, const char *name, size_t *len)
{
    return req->data ? form_get(&req->data->form, name, len) : NULL;
}

const char *web_query(const struct web_request *req, const char *name, size_t *len)
{
    return req->data ? form_get(&req->data->query, name, len) : NULL;
}

const char *web_header(const struct web_request *req, const char *name)
{
    const struct web_request_data *d = req->data;
    for (size_t i = 0; d != NULL && i < d->nheaders; i++)
        if (strcasecmp(d->header[i].name, name) == 0)
            return d->header[i].value;
    return NULL;
}

const char *web_cookie(const struct web_request *req, const char *name, size_t *len)
{
    const struct web_request_data *d = req->data;
    for (size_t i = 0; d != NULL && i < d->ncookies; i++) {
        if (strcmp(d->cookie[i].name, name) == 0) {
            if (len != NULL)
                *len = d->cookie[i].len;
            return d->cookie[i].value;
        }
    }
    return NULL;
}

static int lang_index(const char *s, const char *const *codes, size_t n)
{
    for (size_t i = 0; s != NULL && i < n; i++)
        if (strcmp(s, codes[i]) == 0)
            return (int)i;
    return -1;
}

int web_lang(const struct web_request *req, const char *const *codes, size_t n)
{
    int i = lang_index(web_query(req, "lang", NULL), codes, n);
    if (i < 0)
        i = lang_index(web_cookie(req, "sluis_lang", NULL), codes, n);
    const char *h = web_header(req, "Accept-Language");
    for (const char *s = h; i < 0 && s && *s; s = strchr(s, ',')) {
        while (*s == ' ' || *s == ',')
            s++;
        if (s[0] && s[1] && (s[2] == '\0' || s[2] == '-' || s[2] == ';' || s[2] == ',')) {
            char tag[3] = {(char)(s[0] | 0x20), (char)(s[1] | 0x20), 0};
            i = lang_index(tag, codes, n);
        }
    }
    return i;
}

size_t web_file_count(const struct web_request *req, const char *field)
{
    size_t n = 0;
    for (size_t i = 0; i < req->nfiles; i++)
        if (strcmp(req->files[i].field, field) == 0)
            n++;
    return n;
}

const struct web_file *web_file_get(const struct web_request *req, const char *field, size_t i)
{
    for (size_t k = 0; k < req->nfiles; k++)
        if (strcmp(req->files[k].field, field) == 0 && i-- == 0)
            return &req->files[k];
    return NULL;
}

static char *dup_n(const char *s, size_t len)
{
    char *d = malloc(len + 1);
    if (d != NULL) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

/* add_header - keep a copy of one request header */
static void add_header(struct web_request_data *d, const char *name, size_t name_len,
                       const char *value, size_t value_len)
{
    if (d->nheaders >= HEADERS_MAX) {
        d->bad_headers = true;
        return;
    }
    struct pair *p = &d->header[d->nheaders];
    p->name = dup_n(name, name_len);
    p->value = dup_n(value, value_len);
    p->len = value_len;
    if (p->name == NULL || p->value == NULL) {
        free(p->name);
        free(p->value);
        d->bad_headers = true;
        return;
    }
    d->nheaders++;
}

/* parse_cookies - every Cookie header: "a=b; c=d" (RFC 6265, section 5.4) */
static void parse_cookies(struct web_request_data *d)
{
    for (size_t h = 0; h < d->nheaders; h++) {
        if (strcasecmp(d->header[h].name, "Cookie") != 0)
            continue;
        const char *s = d->header[h].value;
        while (*s != '\0' && d->ncookies < COOKIES_MAX) {
            while (*s == ' ' || *s == '\t' || *s == ';')
                s++;
            size_t n = strcspn(s, ";");
            const char *eq = memchr(s, '=', n);
            if (eq != NULL && eq > s) {
                size_t vlen = n - (size_t)(eq + 1 - s);
                while (vlen > 0 && (eq[vlen] == ' ' || eq[vlen] == '\t'))
                    vlen--;
                struct pair *p = &d->cookie[d->ncookies];
                p->name = dup_n(s, (size_t)(eq - s));
                p->value = dup_n(eq + 1, vlen);
                p->len = vlen;
                if (p->name == NULL || p->value == NULL) {
                    free(p->name);
                    free(p->value);
                    d->bad_headers = true;
                    return;
                }
                d->ncookies++;
            }
            s += n;
        }
    }
}

static void data_free(struct web_request_data *d)
{
    for (size_t i = 0; i < d->nheaders; i++) {
        free(d->header[i].name);
        free(d->header[i].value);
    }
    for (size_t i = 0; i < d->ncookies; i++) {
        free(d->cookie[i].name);
        free(d->cookie[i].value);
    }
    form_free(&d->query);
    form_free(&d->form);
    buf_free(&d->body);
    free(d->uri);
    free(d->path);
}

/* exchange_new - a request whose URI is uri (uri_len bytes, copied) */
static struct exchange *exchange_new(const struct web_config *cfg, const char *uri, size_t uri_len)
{
    struct exchange *x = calloc(1, sizeof *x);
    if (x == NULL)
        return NULL;
    x->data.cfg = cfg;
    x->data.res = &x->res;
    x->req.data = &x->data;
    x->req.app = cfg->app;
    x->req.https = origin_https(cfg);
    x->data.uri = dup_n(uri, uri_len);
    if (x->data.uri == NULL) {
        free(x);
        return NULL;
    }
    return x;
}

static void exchange_free(struct exchange *x)
{
    if (x == NULL)
        return;
    if (x->started && x->data.cfg->done != NULL)
        x->data.cfg->done(x->data.cfg->app, &x->req);
    data_free(&x->data);
    web_response_free(&x->res);
    free(x);
}

/* ---- addresses ---- */

/* addr_parse - an IPv4 or IPv6 address text into 16 bytes (IPv4 as
 * ::ffff:a.b.c.d, so that both forms of one address compare equal) */
static bool addr_parse(const char *s, unsigned char out[16])
{
    struct in_addr a4;
    if (inet_pton(AF_INET, s, &a4) == 1) {
        memset(out, 0, 10);
        out[10] = out[11] = 0xff;
        memcpy(out + 12, &a4, 4);
        return true;
    }
    return inet_pton(AF_INET6, s, out) == 1;
}

/* addr_text - the text of 16 address bytes: dotted for a mapped IPv4 one */
static void addr_text(const unsigned char a[16], char *out, size_t outlen)
{
    static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (memcmp(a, mapped, 12) == 0)
        inet_ntop(AF_INET, a + 12, out, (socklen_t)outlen);
    else
        inet_ntop(AF_INET6, a, out, (socklen_t)outlen);
}

static bool addr_of_sockaddr(const struct sockaddr *sa, unsigned char out[16])
{
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *s4 = (const struct sockaddr_in *)(const void *)sa;
        memset(out, 0, 10);
        out[10] = out[11] = 0xff;
        memcpy(out + 12, &s4->sin_addr, 4);
        return true;
    }
    if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)(const void *)sa;
        memcpy(out, &s6->sin6_addr, 16);
        return true;
    }
    return false;
}

/* client_address - the peer, or the last X-Forwarded-For entry when the
 * peer is the trusted proxy (which appends the address it saw: everything
 * before it came from the client and proves nothing) */
static void client_address(struct exchange *x, const char *peer)
{
    const struct web_config *cfg = x->data.cfg;
    unsigned char p[16], t[16], c[16];
    bool peer_ok = peer != NULL && addr_parse(peer, p);

    snprintf(x->req.client, sizeof x->req.client, "%s", "unknown");
    if (!peer_ok)
        return;
    addr_text(p, x->req.client, sizeof x->req.client);
    if (cfg->trusted_proxy == NULL || *cfg->trusted_proxy == '\0' ||
        !addr_parse(cfg->trusted_proxy, t) || memcmp(p, t, 16) != 0)
        return;
    const char *xff = NULL;
    for (size_t i = 0; i < x->data.nheaders; i++) /* the last of several headers */
        if (strcasecmp(x->data.header[i].name, "X-Forwarded-For") == 0)
            xff = x->data.header[i].value;
    if (xff == NULL)
        return;
    const char *last = strrchr(xff, ',');
    last = last ? last + 1 : xff;
    while (*last == ' ' || *last == '\t')
        last++;
    char entry[64];
    size_t n = strcspn(last, " \t");
    if (n == 0 || n >= sizeof entry || last[n + strspn(last + n, " \t")] != '\0')
        return;
    memcpy(entry, last, n);
    entry[n] = '\0';
    if (addr_parse(entry, c))
        addr_text(c, x->req.client, sizeof x->req.client);
}

/* ---- the dispatcher ---- */

static const char *status_text(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 503:
        return "Service Unavailable";
    default:
        return "Internal Server Error";
    }
}

/* refuse - answer with an error status; the application's page if it has one */
static void refuse(struct exchange *x, int status)
{
    const struct web_config *cfg = x->data.cfg;
    struct web_response *res = x->data.res;

    web_response_free(res);
    res->status = status;
    if (cfg->error_page != NULL)
        cfg->error_page(cfg->app, x->req.route ? &x->req : NULL, res);
    if (res->status != status || res->body.len == 0) {
        web_response_free(res);
        res->status = status;
        res->type = "text/plain; charset=utf-8";
        if (buf_printf(&res->body, "%d %s\n", status, status_text(status)) != SL_OK)
            buf_reset(&res->body);
    }
    if (status == 405)
        res->allow = x->req.route == NULL || strcmp(x->req.route->method, "GET") == 0
                         ? "GET, HEAD"
                         : x->req.route->method;
    x->answered = true;
}

/* path_match - path against a route's pattern; the '*' segments go to params */
static bool path_match(const char *pattern, const char *path,
                       char params[WEB_PARAMS_MAX][WEB_PARAM_MAX + 1], size_t *nparams)
{
    size_t np = 0;

    while (*pattern != '\0') {
        if (pattern[0] == '*' && (pattern[1] == '/' || pattern[1] == '\0') && pattern[-1] == '/') {
            size_t n = 0;
            while (n <= WEB_PARAM_MAX &&
                   ((path[n] >= 'A' && path[n] <= 'Z') || (path[n] >= 'a' && path[n] <= 'z') ||
                    (path[n] >= '0' && path[n] <= '9') || path[n] == '-' || path[n] == '_'))
                n++;
            if (n == 0 || n > WEB_PARAM_MAX || (path[n] != '/' && path[n] != '\0') ||
                np == WEB_PARAMS_MAX)
                return false;
            memcpy(params[np], path, n);
            params[np][n] = '\0';
            np++;
            path += n;
            pattern++;
            continue;
        }
        if (*pattern != *path)
            return false;
        pattern++;
        path++;
    }
    if (*path != '\0')
        return false;
    *nparams = np;
    return true;
}

static bool method_is(const char *method, const char *want)
{
    return strcmp(method, want) == 0 || (strcmp(method, "HEAD") == 0 && strcmp(want, "GET") == 0);
}

/* find_route - the route for the request, or a refusal (404, 405) */
static bool find_route(struct exchange *x)
{
    const struct web_config *cfg = x->data.cfg;
    char params[WEB_PARAMS_MAX][WEB_PARAM_MAX + 1];
    size_t np = 0;
    const struct web_route *other = NULL;

    for (size_t i = 0; i < cfg->nroutes; i++) {
        const struct web_route *r = &cfg->routes[i];
        if (r->path[0] != '/' || !path_match(r->path, x->data.path, params, &np))
            continue;
        if (!method_is(x->req.method, r->method)) {
            if (other == NULL)
                other = r;
            continue;
        }
        x->req.route = r;
        memcpy(x->data.param, params, sizeof params);
        for (size_t k = 0; k < np; k++)
            x->req.param[k] = x->data.param[k];
        x->req.nparam = np;
        return true;
    }
    if (other != NULL) {
        x->req.route = other; /* for the Allow header only */
        refuse(x, 405);
        x->req.route = NULL;
        return false;
    }
    refuse(x, 404);
    return false;
}

static bool guard(struct exchange *x, enum web_phase phase)
{
    const struct web_config *cfg = x->data.cfg;
    unsigned needs = x->req.route->needs & WEB_NEED_APP_MASK;

    if (needs == 0 || cfg->guard == NULL)
        return true;
    web_response_free(x->data.res);
    if (cfg->guard(cfg->app, phase, needs, &x->req, x->data.res))
        return true;
    x->answered = true;
    return false;
}

/* parse_length - Content-Length: digits only, one value (RFC 9110, 8.6) */
static bool parse_length(const char *s, size_t *out)
{
    size_t v = 0;
    if (*s == '\0')
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > (SIZE_MAX - 9) / 10)
            return false;
        v = v * 10 + (size_t)(*s - '0');
    }
    *out = v;
    return true;
}

/*
 * stage_headers - everything that can be decided before the body: true to
 * read the body and go on, false when x->data.res holds the answer.
 */
static bool stage_headers(struct exchange *x, const char *peer)
{
    struct web_request_data *d = &x->data;
    const struct web_config *cfg = d->cfg;

    x->started = true;
    x->req.method = d->method;
    client_address(x, peer);
    if (d->bad_headers) {
        refuse(x, d->nheaders >= HEADERS_MAX ? 400 : 503);
        return false;
    }
    parse_cookies(d);
    if (d->bad_headers) {
        refuse(x, 503);
        return false;
    }
    if (d->uri[0] != '/') {
        refuse(x, 400);
        return false;
    }
    size_t path_len = strcspn(d->uri, "?#");
    d->path = dup_n(d->uri, path_len);
    if (d->path == NULL) {
        refuse(x, 503);
        return false;
    }
    x->req.path = d->path;

    const struct web_asset *asset = web_asset_find(cfg->assets, cfg->nassets, d->path);
    if (asset != NULL) {
        if (!method_is(x->req.method, "GET")) {
            refuse(x, 405);
            return false;
        }
        if (web_response_asset(d->res, asset) != SL_OK)
            refuse(x, 503);
        x->answered = true;
        return false;
    }
    if (!find_route(x))
        return false;

    const struct web_route *r = x->req.route;
    const char *cl = web_header(&x->req, "Content-Length");
    const char *te = web_header(&x->req, "Transfer-Encoding");
    if (cl != NULL) {
        if (!parse_length(cl, &d->content_length)) {
            refuse(x, 400);
            return false;
        }
        d->has_length = true;
    }
    if (te != NULL && cl == NULL) {
        refuse(x, 411); /* a body needs its length said first */
        return false;
    }
    if (d->has_length && d->content_length > r->max_body) {
        refuse(x, 413);
        return false;
    }

    if (d->uri[path_len] == '?') {
        const char *q = d->uri + path_len + 1;
        size_t qlen = strcspn(q, "#");
        enum form_status qs = form_urlencoded(&d->query, q, qlen);
        if (qs != FORM_OK) {
            refuse(x, qs == FORM_NOMEM ? 503 : 400);
            return false;
        }
    }
    enum form_status fs = form_check(&d->query, r->query, r->nquery, cfg->query, cfg->nquery);
    if (fs == FORM_NOMEM || fs == FORM_BAD || d->query.nfiles > 0) {
        refuse(x, fs == FORM_NOMEM ? 503 : 400);
        return false;
    }

    if (strcmp(x->req.method, "POST") == 0 || (r->needs & WEB_NEED_ORIGIN)) {
        const char *origin = NULL;
        size_t norigins = 0;
        for (size_t i = 0; i < d->nheaders; i++)
            if (strcasecmp(d->header[i].name, "Origin") == 0) {
                origin = d->header[i].value;
                norigins++;
            }
        if (norigins != 1 || cfg->origin == NULL || strcasecmp(origin, cfg->origin) != 0) {
            refuse(x, 403);
            return false;
        }
    }
    return guard(x, WEB_PHASE_HEADERS);
}

/* stage_body - take len more bytes of the body; false when over its limit */
static bool stage_body(struct exchange *x, const char *data, size_t len)
{
    struct web_request_data *d = &x->data;
    if (len > x->req.route->max_body - d->body.len)
        return false;
    return buf_append(&d->body, data, len) == SL_OK;
}

/* stage_answer - the body is in: the fields, the guard again, the handler */
static void stage_answer(struct exchange *x)
{
    struct web_request_data *d = &x->data;
    const struct web_route *r = x->req.route;

    if (d->body.len > 0 || web_header(&x->req, "Content-Type") != NULL) {
        char none[1] = "";
        enum form_status fs = form_parse(&d->form, web_header(&x->req, "Content-Type"),
                                         d->body.data ? d->body.data : none, d->body.len);
        if (fs == FORM_OK)
            fs = form_check(&d->form, r->fields, r->nfields, NULL, 0);
        if (fs != FORM_OK) {
            refuse(x, fs == FORM_NOMEM ? 503 : fs == FORM_MEDIA ? 415 : 400);
            return;
        }
    }
    x->req.files = d->form.file;
    x->req.nfiles = d->form.nfiles;
    if (!guard(x, WEB_PHASE_FORM))
        return;
    web_response_free(d->res);
    enum sl_status st = r->handler(&x->req, d->res);
    if (st != SL_OK)
        refuse(x, st == SL_ENOMEM ? 503 : 500);
    x->answered = true;
}

/* finish - the headers of whatever was answered (a 503 if even that fails) */
static void finish(struct exchange *x)
{
    const struct web_config *cfg = x->data.cfg;
    struct web_response *res = x->data.res;

    if (web_response_finish(cfg, res) == SL_OK)
        return;
    web_response_free(res);
    res->status = 503;
    res->type = "text/plain; charset=utf-8";
    web_response_finish(cfg, res); /* short enough not to fail in practice */
}

enum sl_status web_dispatch(const struct web_config *cfg, const struct web_input *in,
                            struct web_response *res)
{
    struct exchange *x = exchange_new(cfg, in->uri, strlen(in->uri));
    if (x == NULL)
        return SL_ENOMEM;
    x->data.res = res;
    snprintf(x->data.method, sizeof x->data.method, "%s", in->method);
    for (size_t i = 0; i < in->nheaders; i++)
        add_header(&x->data, in->headers[2 * i], strlen(in->headers[2 * i]), in->headers[2 * i + 1],
                   strlen(in->headers[2 * i + 1]));
    if (in->body_len > 0 && web_header(&x->req, "Content-Length") == NULL) {
        char cl[32]; /* what a client sends with a body */
        snprintf(cl, sizeof cl, "%zu", in->body_len);
        add_header(&x->data, "Content-Length", 14, cl, strlen(cl));
    }
    if (stage_headers(x, in->peer)) {
        if (in->body_len > 0 && !stage_body(x, in->body, in->body_len))
            refuse(x, 413);
        else
            stage_answer(x);
    }
    finish(x);
    exchange_free(x);
    return SL_OK;
}

/* ---- origins ---- */

enum sl_status web_origin(const char *url, char *out, size_t outlen)
{
    const char *scheme;
    const char *def_port;
    size_t skip;

    if (strncasecmp(url, "https://", 8) == 0) {
        scheme = "https://";
        def_port = "443";
        skip = 8;
    } else if (strncasecmp(url, "http://", 7) == 0) {
        scheme = "http://";
        def_port = "80";
        skip = 7;
    } else {
        return SL_EINVAL;
    }
    const char *host = url + skip;
    size_t n = strcspn(host, "/?#");
    if (n == 0 || memchr(host, '@', n) != NULL)
        return SL_EINVAL;
    const char *port = NULL;
    size_t host_len = n;
    if (host[0] == '[') {
        const char *close = memchr(host, ']', n);
        if (close == NULL)
            return SL_EINVAL;
        host_len = (size_t)(close - host) + 1;
    } else {
        const char *colon = memchr(host, ':', n);
        if (colon != NULL)
            host_len = (size_t)(colon - host);
    }
    if (host_len < n) {
        if (host[host_len] != ':' || host_len + 1 == n)
            return SL_EINVAL;
        port = host + host_len + 1;
        for (const char *p = port; p < host + n; p++)
            if (*p < '0' || *p > '9')
                return SL_EINVAL;
    }
    for (size_t i = 0; i < host_len; i++) {
        char c = host[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == '[' || c == ']' || c == ':'))
            return SL_EINVAL;
    }
    size_t port_len = port ? (size_t)(host + n - port) : 0;
    if (port != NULL && port_len == strlen(def_port) && memcmp(port, def_port, port_len) == 0)
        port = NULL;
    int w = snprintf(out, outlen, "%s%.*s%s%.*s", scheme, (int)host_len, host, port ? ":" : "",
                     port ? (int)port_len : 0, port ? port : "");
    if (w < 0 || (size_t)w >= outlen)
        return SL_EINVAL;
    for (char *p = out + strlen(scheme); *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return SL_OK;
}

/* ---- the server ---- */

struct client_count {
    unsigned char addr[16];
    unsigned n;
};

struct web_server {
    const struct web_config *cfg;
    struct MHD_Daemon *daemon;
    unsigned port;
    char *cert, *key; /* PEM, read at start */
    size_t key_len;
    unsigned char proxy[16];
    bool has_proxy;
    unsigned per_client;
    pthread_mutex_t lock;
    struct client_count *count; /* max_connections entries; n == 0 is free */
    size_t ncount;
    char last_log[256];
};

static void server_log(struct web_server *srv, const char *msg)
{
    if (srv->cfg->log != NULL)
        srv->cfg->log(srv->cfg->app, msg);
    else
        fprintf(stderr, "sluis web: %s\n", msg);
}

/* mhd_log - libmicrohttpd's messages: about the server, never a request's data */
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    struct web_server *srv = cls;
    char msg[256];

    vsnprintf(msg, sizeof msg, fmt, ap);
    msg[strcspn(msg, "\r\n")] = '\0';
    snprintf(srv->last_log, sizeof srv->last_log, "%s", msg);
    server_log(srv, msg);
}

static struct client_count *count_find(struct web_server *srv, const unsigned char a[16], bool add)
{
    struct client_count *free_slot = NULL;
    for (size_t i = 0; i < srv->ncount; i++) {
        if (srv->count[i].n > 0 && memcmp(srv->count[i].addr, a, 16) == 0)
            return &srv->count[i];
        if (srv->count[i].n == 0 && free_slot == NULL)
            free_slot = &srv->count[i];
    }
    if (add && free_slot != NULL)
        memcpy(free_slot->addr, a, 16);
    return add ? free_slot : NULL;
}

/* accept_policy - refuse a client over its connections (the proxy never is) */
static enum MHD_Result accept_policy(void *cls, const struct sockaddr *sa, socklen_t len)
{
    struct web_server *srv = cls;
    unsigned char a[16];
    bool ok = true;

    (void)len;
    if (!addr_of_sockaddr(sa, a))
        return MHD_NO;
    if (srv->has_proxy && memcmp(a, srv->proxy, 16) == 0)
        return MHD_YES;
    pthread_mutex_lock(&srv->lock);
    const struct client_count *c = count_find(srv, a, false);
    if (c != NULL && c->n >= srv->per_client)
        ok = false;
    pthread_mutex_unlock(&srv->lock);
    return ok ? MHD_YES : MHD_NO;
}

static bool connection_addr(struct MHD_Connection *con, unsigned char a[16])
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return ci != NULL && ci->client_addr != NULL && addr_of_sockaddr(ci->client_addr, a);
}

/* notify_connection - count a client's connections as they open and close */
static void notify_connection(void *cls, struct MHD_Connection *con, void **socket_context,
                              enum MHD_ConnectionNotificationCode toe)
{
    struct web_server *srv = cls;
    unsigned char a[16];
    static char counted; /* its address marks a counted connection */

    if (!connection_addr(con, a) || (srv->has_proxy && memcmp(a, srv->proxy, 16) == 0))
        return;
    pthread_mutex_lock(&srv->lock);
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        struct client_count *c = count_find(srv, a, true);
        if (c != NULL) {
            c->n++;
            *socket_context = &counted;
        }
    } else if (*socket_context == &counted) {
        struct client_count *c = count_find(srv, a, false);
        if (c != NULL)
            c->n--;
        *socket_context = NULL;
    }
    pthread_mutex_unlock(&srv->lock);
}

/* uri_log - the request line is read: start an exchange with its raw URI */
static void *uri_log(void *cls, const char *uri, struct MHD_Connection *con)
{
    struct web_server *srv = cls;
    (void)con;
    return exchange_new(srv->cfg, uri, strlen(uri));
}

static enum MHD_Result copy_header(void *cls, enum MHD_ValueKind kind, const char *key,
                                   size_t key_size, const char *value, size_t value_size)
{
    (void)kind;
    add_header(cls, key, key_size, value ? value : "", value ? value_size : 0);
    return MHD_YES;
}

/* send_answer - hand x's response to MHD */
static enum MHD_Result send_answer(struct exchange *x, struct MHD_Connection *con)
{
    struct web_response *res = x->data.res;

    finish(x);
    size_t len;
    char *body = buf_steal(&res->body, &len);
    if (body == NULL)
        return MHD_NO;
    struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (r == NULL) {
        free(body);
        return MHD_NO;
    }
    for (size_t i = 0; i < res->nheaders; i++)
        if (MHD_add_response_header(r, res->header[i].name, res->header[i].value) != MHD_YES) {
            MHD_destroy_response(r);
            return MHD_NO;
        }
    enum MHD_Result ret = MHD_queue_response(con, (unsigned)res->status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result access_handler(void *cls, struct MHD_Connection *con, const char *url,
                                      const char *method, const char *version,
                                      const char *upload_data, size_t *upload_data_size,
                                      void **req_cls)
{
    struct exchange *x = *req_cls;

    (void)cls;
    (void)url;
    (void)version;
    if (x == NULL)
        return MHD_NO; /* the exchange could not be allocated */
    if (!x->started) {
        char peer[INET6_ADDRSTRLEN] = "";
        unsigned char a[16];
        if (connection_addr(con, a))
            addr_text(a, peer, sizeof peer);
        snprintf(x->data.method, sizeof x->data.method, "%s", method);
        MHD_get_connection_values_n(con, MHD_HEADER_KIND, copy_header, &x->data);
        if (!stage_headers(x, peer))
            return send_answer(x, con);
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        if (!stage_body(x, upload_data, *upload_data_size))
            return MHD_NO; /* more than Content-Length allowed: cannot be */
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (x->answered)
        return MHD_NO;
    stage_answer(x);
    return send_answer(x, con);
}

static void request_completed(void *cls, struct MHD_Connection *con, void **req_cls,
                              enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)con;
    (void)toe;
    exchange_free(*req_cls);
    *req_cls = NULL;
}

/* read_pem - a PEM file into memory (at most 1 MiB), NUL-terminated */
static char *read_pem(const char *path, size_t *len, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat sb;
    char *p = NULL;

    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size <= 0 || sb.st_size > 1 << 20) {
        snprintf(err, errlen, "%s: not a PEM file of at most 1 MiB", path);
        close(fd);
        return NULL;
    }
    size_t n = (size_t)sb.st_size;
    p = malloc(n + 1);
    size_t got = 0;
    while (p != NULL && got < n) {
        ssize_t r = read(fd, p + got, n - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    if (p == NULL || got != n) {
        snprintf(err, errlen, "%s: cannot read it", path);
        free(p);
        return NULL;
    }
    p[n] = '\0';
    *len = n;
    return p;
}

/* listen_socket - a listening TCP socket on "host:port" or "[v6]:port" */
static int listen_socket(const char *listen_on, unsigned *port, char *err, size_t errlen)
{
    char host[256];
    const char *colon = strrchr(listen_on, ':');
    size_t hlen = colon ? (size_t)(colon - listen_on) : 0;
    size_t tmp;

    if (colon == NULL || hlen == 0 || hlen >= sizeof host || !parse_length(colon + 1, &tmp) ||
        tmp > 65535) {
        snprintf(err, errlen, "listen %s: not address:port", listen_on);
        return -1;
    }
    memcpy(host, listen_on, hlen);
    host[hlen] = '\0';
    if (host[0] == '[' && host[hlen - 1] == ']') {
        memmove(host, host + 1, hlen - 2);
        host[hlen - 2] = '\0';
    }
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE};
    struct addrinfo *ai = NULL;
    int rc = getaddrinfo(host, colon + 1, &hints, &ai);
    if (rc != 0) {
        snprintf(err, errlen, "listen %s: %s", listen_on, gai_strerror(rc));
        return -1;
    }
    int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    int one = 1;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 128) != 0) {
        snprintf(err, errlen, "listen %s: %s", listen_on, strerror(errno));
        if (fd >= 0)
            close(fd);
        freeaddrinfo(ai);
        return -1;
    }
    freeaddrinfo(ai);
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    memset(&ss, 0, sizeof ss);
    if (getsockname(fd, (struct sockaddr *)&ss, &sl) != 0) {
        snprintf(err, errlen, "listen %s: %s", listen_on, strerror(errno));
        close(fd);
        return -1;
    }
    if (ss.ss_family == AF_INET)
        *port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
    else
        *port = ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
    return fd;
}

static void server_free(struct web_server *srv)
{
    if (srv->key != NULL)
        explicit_bzero(srv->key, srv->key_len);
    free(srv->key);
    free(srv->cert);
    free(srv->count);
    pthread_mutex_destroy(&srv->lock);
    free(srv);
}

enum sl_status web_server_start(const struct web_config *cfg, struct web_server **out, char *err,
                                size_t errlen)
{
    struct web_server *srv = calloc(1, sizeof *srv);
    size_t cert_len = 0;

    *out = NULL;
    if (srv == NULL) {
        snprintf(err, errlen, "out of memory");
        return SL_ENOMEM;
    }
    srv->cfg = cfg;
    pthread_mutex_init(&srv->lock, NULL);
    unsigned max_conn = cfg->max_connections ? cfg->max_connections : 256;
    srv->per_client = cfg->max_per_client ? cfg->max_per_client : 16;
    srv->ncount = max_conn;
    srv->count = calloc(max_conn, sizeof *srv->count);
    if (srv->count == NULL) {
        snprintf(err, errlen, "out of memory");
        server_free(srv);
        return SL_ENOMEM;
    }
    if (cfg->trusted_proxy != NULL && *cfg->trusted_proxy != '\0') {
        if (!addr_parse(cfg->trusted_proxy, srv->proxy)) {
            snprintf(err, errlen, "trusted_proxy %s: not an IP address", cfg->trusted_proxy);
            server_free(srv);
            return SL_EINVAL;
        }
        srv->has_proxy = true;
    }
    char origin[256];
    if (cfg->origin == NULL || web_origin(cfg->origin, origin, sizeof origin) != SL_OK ||
        strcmp(origin, cfg->origin) != 0) {
        snprintf(err, errlen, "origin %s: not scheme://host[:port] in lower case",
                 cfg->origin ? cfg->origin : "(none)");
        server_free(srv);
        return SL_EINVAL;
    }
    bool tls = cfg->tls_cert != NULL && *cfg->tls_cert != '\0';
    if (tls != (cfg->tls_key != NULL && *cfg->tls_key != '\0')) {
        snprintf(err, errlen, "tls_cert and tls_key go together");
        server_free(srv);
        return SL_EINVAL;
    }
    if (tls) {
        if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
            snprintf(err, errlen, "this libmicrohttpd has no TLS");
            server_free(srv);
            return SL_EINVAL;
        }
        srv->cert = read_pem(cfg->tls_cert, &cert_len, err, errlen);
        if (srv->cert != NULL)
            srv->key = read_pem(cfg->tls_key, &srv->key_len, err, errlen);
        if (srv->key == NULL) {
            server_free(srv);
            return SL_EIO;
        }
    }
    int fd = listen_socket(cfg->listen ? cfg->listen : "", &srv->port, err, errlen);
    if (fd < 0) {
        server_free(srv);
        return SL_EIO;
    }

    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
                     MHD_USE_POLL | MHD_USE_ERROR_LOG | (tls ? MHD_USE_TLS : 0);
    struct MHD_OptionItem tls_opts[] = {
        {MHD_OPTION_HTTPS_MEM_KEY, 0, srv->key},
        {MHD_OPTION_HTTPS_MEM_CERT, 0, srv->cert},
        {MHD_OPTION_HTTPS_PRIORITIES, 0, (void *)"NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2"},
        {MHD_OPTION_END, 0, NULL},
    };
    srv->daemon = MHD_start_daemon(
        flags, 0, accept_policy, srv, access_handler, srv, MHD_OPTION_EXTERNAL_LOGGER, mhd_log, srv,
        MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_CONNECTION_LIMIT, max_conn,
        MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout ? cfg->timeout : 30u,
        MHD_OPTION_STRICT_FOR_CLIENT, 1, MHD_OPTION_URI_LOG_CALLBACK, uri_log, srv,
        MHD_OPTION_NOTIFY_COMPLETED, request_completed, srv, MHD_OPTION_NOTIFY_CONNECTION,
        notify_connection, srv, MHD_OPTION_ARRAY, tls ? tls_opts : &tls_opts[3], MHD_OPTION_END);
    if (srv->daemon == NULL) {
        snprintf(err, errlen, "the HTTP server did not start: %s",
                 srv->last_log[0] ? srv->last_log : "no reason given");
        close(fd);
        server_free(srv);
        return SL_EIO;
    }
    *out = srv;
    return SL_OK;
}

unsigned web_server_port(const struct web_server *srv)
{
    return srv->port;
}

void web_server_stop(struct web_server *srv)
{
    if (srv == NULL)
        return;
    MHD_stop_daemon(srv->daemon); /* closes the listening socket, joins every thread */
    server_free(srv);
}
