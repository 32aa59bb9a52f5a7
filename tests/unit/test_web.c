/*
 * test_web - the web layer: the HTML writer and form parser as functions,
 * handlers and the dispatcher without a socket, and a real server on
 * 127.0.0.1 port 0 driven by libcurl and by raw sockets (to see a refusal
 * come before the body is sent), over HTTP and over HTTPS with a
 * certificate made here by openssl.
 */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../../web/form.h"
#include "../../web/html.h"
#include "../../web/http.h"
#include "check.h"

extern const struct web_asset test_web_assets[];
extern const size_t test_web_assets_count;

#define NEED_SESSION (WEB_NEED_APP << 0)
#define NEED_CSRF    (WEB_NEED_APP << 1)

static char data_dir[256];
static atomic_int handler_calls;
static atomic_int done_calls;

/* what the upload handler saw, for the bytes to be compared */
static pthread_mutex_t seen_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
    char name[300];
    char type[130];
    char field[70];
    struct buf bytes;
} seen[4];
static size_t nseen;

/* ---- handlers ---- */

static enum sl_status h_hello(struct web_request *req, struct web_response *res)
{
    struct html h = HTML_INIT(&res->body);
    size_t len = 0;
    const char *name = web_query(req, "name", &len);

    handler_calls++;
    HTML_LIT(&h, "<!doctype html><p id=\"hi\"");
    HTML_ATTR(&h, "title", name ? name : "", name ? len : 0);
    HTML_LIT(&h, ">Hello ");
    if (name != NULL)
        html_text(&h, name, len);
    HTML_LIT(&h, "</p>");
    return html_status(&h);
}

static enum sl_status h_params(struct web_request *req, struct web_response *res)
{
    res->type = "text/plain";
    for (size_t i = 0; i < req->nparam; i++)
        buf_printf(&res->body, "%s%s", i ? "," : "", req->param[i]);
    return SL_OK;
}

static enum sl_status h_form(struct web_request *req, struct web_response *res)
{
    static const char *const names[] = {"text", "line", "code", "tok"};
    handler_calls++;
    res->type = "text/plain";
    for (size_t i = 0; i < NELEM(names); i++) {
        size_t len = 0;
        const char *v = web_field(req, names[i], &len);
        buf_printf(&res->body, "%s=", names[i]);
        if (v != NULL)
            buf_append(&res->body, v, len);
        else
            buf_append_str(&res->body, "(none)");
        buf_append_char(&res->body, '|');
    }
    return SL_OK;
}

static enum sl_status h_upload(struct web_request *req, struct web_response *res)
{
    handler_calls++;
    res->type = "text/plain";
    pthread_mutex_lock(&seen_lock);
    for (size_t i = 0; i < nseen; i++)
        buf_free(&seen[i].bytes);
    nseen = 0;
    for (size_t i = 0; i < req->nfiles && nseen < NELEM(seen); i++) {
        const struct web_file *f = &req->files[i];
        snprintf(seen[nseen].name, sizeof seen[nseen].name, "%s", f->name);
        snprintf(seen[nseen].type, sizeof seen[nseen].type, "%s", f->type);
        snprintf(seen[nseen].field, sizeof seen[nseen].field, "%s", f->field);
        buf_append(&seen[nseen].bytes, f->data, f->len);
        nseen++;
    }
    pthread_mutex_unlock(&seen_lock);
    const char *note = web_field(req, "note", NULL);
    buf_printf(&res->body, "files=%zu of files=%zu note=%s", req->nfiles,
               web_file_count(req, "files"), note ? note : "(none)");
    return SL_OK;
}

static enum sl_status h_cookie(struct web_request *req, struct web_response *res)
{
    const char *sid = web_cookie(req, "sid", NULL);
    res->type = "text/plain";
    buf_printf(&res->body, "sid=%s", sid ? sid : "(none)");
    enum sl_status st = web_response_cookie(res, "__Host-sluis_session", "abc123", -1, true);
    if (st == SL_OK)
        st = web_response_cookie(res, "old", "", 0, false);
    return st;
}

static enum sl_status h_client(struct web_request *req, struct web_response *res)
{
    res->type = "text/plain";
    return buf_append_str(&res->body, req->client);
}

static enum sl_status h_download(struct web_request *req, struct web_response *res)
{
    static const char name[] = "r\xc3\xa9sum\xc3\xa9 \"x\".pdf";
    (void)req;
    buf_append(&res->body, "%PDF-\0bytes", 11);
    enum sl_status st = web_response_type(res, "application/pdf");
    if (st == SL_OK)
        st = web_response_attachment(res, name, sizeof name - 1);
    return st;
}

static enum sl_status h_redirect(struct web_request *req, struct web_response *res)
{
    (void)req;
    return web_response_redirect(res, 303, "/hello?sent=1");
}

static enum sl_status h_guarded(struct web_request *req, struct web_response *res)
{
    handler_calls++;
    res->type = "text/plain";
    return buf_printf(&res->body, "user=%s", req->user ? (const char *)req->user : "(none)");
}

static enum sl_status h_fail(struct web_request *req, struct web_response *res)
{
    buf_append_str(&res->body, "half a page");
    return web_query(req, "nomem", NULL) ? SL_ENOMEM : SL_EIO;
}

static bool app_guard(void *app, enum web_phase phase, unsigned needs, struct web_request *req,
                      struct web_response *res)
{
    (void)app;
    if ((needs & NEED_SESSION) && phase == WEB_PHASE_HEADERS) {
        const char *sid = web_cookie(req, "sid", NULL);
        if (sid == NULL || strcmp(sid, "ok") != 0) {
            web_response_redirect(res, 303, "/login");
            return false;
        }
        req->user = strdup("alice");
    }
    if ((needs & NEED_CSRF) && phase == WEB_PHASE_FORM) {
        const char *csrf = web_field(req, "csrf", NULL);
        if (csrf == NULL || strcmp(csrf, "abc") != 0) {
            res->status = 403;
            buf_append_str(&res->body, "<p id=\"error\">forbidden</p>");
            return false;
        }
    }
    return true;
}

static void app_done(void *app, struct web_request *req)
{
    (void)app;
    free(req->user);
    req->user = NULL;
    done_calls++;
}

static void app_error(void *app, const struct web_request *req, struct web_response *res)
{
    (void)app;
    (void)req;
    if (res->status == 404)
        buf_append_str(&res->body, "<main id=\"page-unknown\"></main>");
}

static const struct web_field form_fields[] = {
    {"text", WEB_TEXT, 0, 100},
    {"line", WEB_LINE, 0, 20},
    {"code", WEB_DIGITS, 1, 6},
    {"tok", WEB_TOKEN, 0, 43},
};
static const struct web_field upload_fields[] = {
    {"note", WEB_LINE, 0, 50},
    {"files", WEB_FILE, 0, 4096},
};
static const struct web_field csrf_fields[] = {
    {"csrf", WEB_TOKEN, 1, 64},
};
static const struct web_field hello_query[] = {
    {"name", WEB_TEXT, 0, 40},
    {"sent", WEB_DIGITS, 1, 1},
};
static const struct web_field fail_query[] = {
    {"nomem", WEB_DIGITS, 1, 1},
};
static const struct web_field common_query[] = {
    {"lang", WEB_TOKEN, 2, 2},
};

static const struct web_route routes[] = {
    {"GET", "/hello", h_hello, 0, NULL, 0, 0, hello_query, NELEM(hello_query)},
    {"GET", "/t/*/a/*", h_params, 0, NULL, 0, 0, NULL, 0},
    {"POST", "/t/*/form", h_form, 0, form_fields, NELEM(form_fields), 1024, NULL, 0},
    {"POST", "/upload", h_upload, 0, upload_fields, NELEM(upload_fields), 64 * 1024, NULL, 0},
    {"GET", "/cookie", h_cookie, 0, NULL, 0, 0, NULL, 0},
    {"GET", "/client", h_client, 0, NULL, 0, 0, NULL, 0},
    {"GET", "/download", h_download, 0, NULL, 0, 0, NULL, 0},
    {"GET", "/redirect", h_redirect, 0, NULL, 0, 0, NULL, 0},
    {"GET", "/guarded", h_guarded, NEED_SESSION, NULL, 0, 0, NULL, 0},
    {"POST", "/csrf", h_form, NEED_SESSION | NEED_CSRF, csrf_fields, NELEM(csrf_fields), 256, NULL,
     0},
    {"GET", "/fail", h_fail, 0, NULL, 0, 0, fail_query, NELEM(fail_query)},
};

static char origin_buf[64] = "http://127.0.0.1:1";

static struct web_config base_config(void)
{
    struct web_config cfg = {
        .listen = "127.0.0.1:0",
        .origin = origin_buf,
        .trusted_proxy = "127.0.0.1",
        .routes = routes,
        .nroutes = NELEM(routes),
        .query = common_query,
        .nquery = NELEM(common_query),
        .assets = test_web_assets,
        .nassets = test_web_assets_count,
        .guard = app_guard,
        .error_page = app_error,
        .done = app_done,
    };
    return cfg;
}

/* ---- a client ---- */

struct reply {
    long status;
    struct buf body;
    struct buf head; /* the header lines */
};

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
    buf_append(ud, p, size * n);
    return size * n;
}

static void reply_free(struct reply *r)
{
    buf_free(&r->body);
    buf_free(&r->head);
    memset(r, 0, sizeof *r);
}

/* header - the value of the nth header called name in a reply, or NULL
 * (into a static buffer) */
static const char *header_n(const struct reply *r, const char *name, int nth)
{
    static char value[1024];
    const char *p = r->head.data;
    size_t nlen = strlen(name);

    while (p != NULL && *p) {
        const char *eol = strstr(p, "\r\n");
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        if (len > nlen && strncasecmp(p, name, nlen) == 0 && p[nlen] == ':' && nth-- == 0) {
            const char *v = p + nlen + 1;
            while (*v == ' ')
                v++;
            snprintf(value, sizeof value, "%.*s", (int)(len - (size_t)(v - p)), v);
            return value;
        }
        p = eol ? eol + 2 : NULL;
    }
    return NULL;
}

static const char *header(const struct reply *r, const char *name)
{
    return header_n(r, name, 0);
}

static unsigned port;
static const char *scheme = "http";
static const char *cafile;

/* request - one request with curl: method, path, extra headers (NULL
 * ended), a body (NULL: none) or a mime form */
static CURLcode request(const char *method, const char *path, const char *const *headers,
                        const char *body, size_t body_len, curl_mime *mime, struct reply *r)
{
    char url[512];
    CURL *c = curl_easy_init();
    struct curl_slist *hl = NULL;

    memset(r, 0, sizeof *r);
    snprintf(url, sizeof url, "%s://127.0.0.1:%u%s", scheme, port, path);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &r->head);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    if (cafile != NULL)
        curl_easy_setopt(c, CURLOPT_CAINFO, cafile);
    for (size_t i = 0; headers != NULL && headers[i] != NULL; i++)
        hl = curl_slist_append(hl, headers[i]);
    hl = curl_slist_append(hl, "Expect:");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hl);
    if (strcmp(method, "HEAD") == 0)
        curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    else if (mime != NULL)
        curl_easy_setopt(c, CURLOPT_MIMEPOST, mime);
    else if (body != NULL) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)body_len);
    }
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    CURLcode rc = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
    curl_slist_free_all(hl);
    curl_easy_cleanup(c);
    if (r->body.data == NULL)
        buf_append_str(&r->body, "");
    if (r->head.data == NULL)
        buf_append_str(&r->head, "");
    return rc;
}

static long get(const char *path, struct reply *r)
{
    request("GET", path, NULL, NULL, 0, NULL, r);
    return r->status;
}

/* post - a urlencoded POST with our own Origin */
static long post(const char *path, const char *body, struct reply *r)
{
    char origin[128];
    snprintf(origin, sizeof origin, "Origin: %s", origin_buf);
    const char *h[] = {origin, "Content-Type: application/x-www-form-urlencoded", NULL};
    request("POST", path, h, body, strlen(body), NULL, r);
    return r->status;
}

/* raw - send bytes on a plain socket and read what comes back for up to
 * wait_ms (until the server closes); the answer goes into out */
static void raw(const char *req, size_t len, int wait_ms, struct buf *out)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    buf_reset(out);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        close(fd);
        return;
    }
    if (len > 0 && send(fd, req, len, MSG_NOSIGNAL) < 0) {
        close(fd);
        return;
    }
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    char chunk[4096];
    while (poll(&pfd, 1, wait_ms) > 0) {
        ssize_t n = recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            break;
        buf_append(out, chunk, (size_t)n);
    }
    close(fd);
}

static int connect_raw(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* closed_soon - the server closes fd within ms (reads 0 or an error) */
static bool closed_soon(int fd, int ms)
{
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    char c;
    if (poll(&pfd, 1, ms) <= 0)
        return false;
    return recv(fd, &c, 1, MSG_DONTWAIT) <= 0;
}

/* ---- the HTML writer ---- */

static void test_html(void)
{
    static const struct {
        const char *name, *in;
        size_t len;
        const char *want;
    } cases[] = {
        {"plain", "abc", 3, "abc"},
        {"the five", "<a href='x'>&\"", 14, "&lt;a href=&#39;x&#39;&gt;&amp;&quot;"},
        {"script", "<script>alert(1)</script>", 25, "&lt;script&gt;alert(1)&lt;/script&gt;"},
        {"controls dropped, tab LF CR kept", "a\x01\tb\nc\rd\x7f\x1b", 11, "a\tb\nc\rd"},
        {"a NUL inside", "a\0b", 3, "ab"},
        {"UTF-8 kept", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14,
         "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"},
        {"a lone continuation byte", "a\x80z", 3, "a\xef\xbf\xbdz"},
        {"overlong slash", "\xc0\xaf", 2, "\xef\xbf\xbd\xef\xbf\xbd"},
        {"a surrogate", "\xed\xa0\x80", 3, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
        {"cut at the end", "ok\xe2\x82", 4, "ok\xef\xbf\xbd\xef\xbf\xbd"},
        {"above U+10FFFF", "\xf4\x90\x80\x80", 4,
         "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
        {"only len bytes are read", "abc<def", 3, "abc"},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        struct buf b = BUF_INIT;
        struct html h = HTML_INIT(&b);
        html_text(&h, cases[i].in, cases[i].len);
        CHECK(html_status(&h) == SL_OK && b.data && strcmp(b.data, cases[i].want) == 0,
              "html_text %s: got \"%s\", want \"%s\"", cases[i].name, b.data ? b.data : "",
              cases[i].want);
        buf_free(&b);
    }

    struct buf b = BUF_INIT;
    struct html h = HTML_INIT(&b);
    HTML_LIT(&h, "<input");
    HTML_ATTR(&h, "value", "\"><script>", 10);
    HTML_LIT(&h, "><a href=\"/p/");
    html_url_arg(&h, "a b/c?d=e&f#\xc3\xa9~._-", 18);
    HTML_LIT(&h, "\">");
    html_int(&h, -42);
    html_uint(&h, 18446744073709551615ull);
    html_str(&h, NULL);
    html_str(&h, "<");
    const char *want = "<input value=\"&quot;&gt;&lt;script&gt;\"><a "
                       "href=\"/p/a%20b%2Fc%3Fd%3De%26f%23%C3%A9~._-\">-4218446744073709551615&lt;";
    CHECK(strcmp(b.data, want) == 0, "html writer: got %s, want %s", b.data, want);
    buf_reset(&b);
    struct html_link link = {
        .prefix = "/p/", .seg = {"tok en", "a", "3"}, .query = {{"lang", "en"}, {"q", "x&y"}}};
    html_href(&h, &link);
    want = "/p/tok%20en/a/3?lang=en&amp;q=x%26y";
    CHECK(strcmp(b.data, want) == 0, "html_href: got %s, want %s", b.data, want);
    buf_free(&b);
}

/* ---- forms, without HTTP ---- */

static void test_form(void)
{
    static const struct {
        const char *name, *in;
        enum form_status want;
        const char *field, *value;
    } cases[] = {
        {"plain", "code=123456&line=hi+there", FORM_OK, "line", "hi there"},
        {"percent", "text=a%0D%0Ab%26c%3d", FORM_OK, "text", "a\r\nb&c="},
        {"empty pairs", "&&code=1&&", FORM_OK, "code", "1"},
        {"no =", "line", FORM_OK, "line", ""},
        {"%00", "line=a%00b", FORM_BAD, NULL, NULL},
        {"bad %", "line=a%4", FORM_BAD, NULL, NULL},
        {"bad % hex", "line=%zz", FORM_BAD, NULL, NULL},
        {"empty name", "=x", FORM_BAD, NULL, NULL},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        struct form f = {0};
        enum form_status st = form_urlencoded(&f, cases[i].in, strlen(cases[i].in));
        CHECK(st == cases[i].want, "form_urlencoded %s: got %d, want %d", cases[i].name, st,
              cases[i].want);
        if (st == FORM_OK && cases[i].field) {
            size_t len = 0;
            const char *v = form_get(&f, cases[i].field, &len);
            CHECK(v && len == strlen(cases[i].value) && memcmp(v, cases[i].value, len) == 0,
                  "form_urlencoded %s: got %s", cases[i].name, v ? v : "(none)");
        }
        form_free(&f);
    }

    static const struct {
        const char *name;
        enum web_field_type type;
        const char *v;
        bool want;
    } valid[] = {
        {"text with CRLF and tab", WEB_TEXT, "a\r\n\tb", true},
        {"text with ESC", WEB_TEXT, "a\x1b", false},
        {"text with DEL", WEB_TEXT, "a\x7f", false},
        {"text bad UTF-8", WEB_TEXT, "\xc3\x28", false},
        {"text UTF-8", WEB_TEXT, "\xc3\xa9t\xc3\xa9", true},
        {"line with LF", WEB_LINE, "a\nb", false},
        {"line with tab", WEB_LINE, "a\tb", false},
        {"line", WEB_LINE, "Jan de Vries", true},
        {"digits", WEB_DIGITS, "0123456789", true},
        {"digits with a space", WEB_DIGITS, "123 456", false},
        {"digits with a sign", WEB_DIGITS, "-1", false},
        {"token", WEB_TOKEN, "aZ09-_", true},
        {"token with a dot", WEB_TOKEN, "a.b", false},
    };
    for (size_t i = 0; i < NELEM(valid); i++) {
        bool got = form_field_valid(valid[i].type, valid[i].v, strlen(valid[i].v));
        CHECK(got == valid[i].want, "form_field_valid %s: got %d, want %d", valid[i].name, got,
              valid[i].want);
    }

    /* multipart edge cases */
    static const struct {
        const char *name, *body;
        enum form_status want;
        const char *file_name, *file_type, *file_data;
    } parts[] = {
        {"a field and a file",
         "--XX\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n"
         "--XX\r\nContent-Disposition: form-data; name=\"files\"; filename=\"C:\\\\dir\\\\a.txt\""
         "\r\nContent-Type: Text/Plain; charset=utf-8\r\n\r\nline1\r\n--line2\r\n--XX--\r\n",
         FORM_OK, "a.txt", "text/plain", "line1\r\n--line2"},
        {"preamble and padding",
         "ignored\r\n--XX  \r\nContent-Disposition: form-data; name=files; "
         "filename=\"x%22y.bin\"\r\n\r\n\r\n--XX--",
         FORM_OK, "x\"y.bin", "application/octet-stream", ""},
        {"an empty file input is no file",
         "--XX\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\"\r\n"
         "Content-Type: application/octet-stream\r\n\r\n\r\n--XX--\r\n",
         FORM_OK, NULL, NULL, NULL},
        {"a bad content type falls back",
         "--XX\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\"\r\n"
         "Content-Type: nonsense\r\n\r\nz\r\n--XX--\r\n",
         FORM_OK, "a", "application/octet-stream", "z"},
        {"no close delimiter", "--XX\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi",
         FORM_BAD, NULL, NULL, NULL},
        {"no Content-Disposition", "--XX\r\nContent-Type: text/plain\r\n\r\nhi\r\n--XX--", FORM_BAD,
         NULL, NULL, NULL},
        {"no headers at all", "--XX\r\n\r\nhi\r\n--XX--", FORM_BAD, NULL, NULL, NULL},
        {"not form-data",
         "--XX\r\nContent-Disposition: attachment; name=\"note\"\r\n\r\nhi\r\n--XX--", FORM_BAD,
         NULL, NULL, NULL},
        {"no name", "--XX\r\nContent-Disposition: form-data\r\n\r\nhi\r\n--XX--", FORM_BAD, NULL,
         NULL, NULL},
        {"name twice", "--XX\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\nhi\r\n--XX--",
         FORM_BAD, NULL, NULL, NULL},
        {"folded header",
         "--XX\r\nContent-Disposition: form-data;\r\n name=\"note\"\r\n\r\nhi\r\n--XX--", FORM_BAD,
         NULL, NULL, NULL},
        {"a bare LF in a header",
         "--XX\r\nContent-Disposition: form-data; name=\"n\nx\"\r\n\r\nhi\r\n--XX--", FORM_BAD,
         NULL, NULL, NULL},
        {"no boundary at all", "just text", FORM_BAD, NULL, NULL, NULL},
        {"a delimiter not ending its line",
         "--XXjunk\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--XX--", FORM_BAD,
         NULL, NULL, NULL},
        {"a file name with bad UTF-8",
         "--XX\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\xff.txt\"\r\n\r\n"
         "z\r\n--XX--",
         FORM_BAD, NULL, NULL, NULL},
        {"a file name that is all directory",
         "--XX\r\nContent-Disposition: form-data; name=\"files\"; filename=\"dir/\"\r\n\r\n"
         "z\r\n--XX--",
         FORM_BAD, NULL, NULL, NULL},
    };
    for (size_t i = 0; i < NELEM(parts); i++) {
        struct form f = {0};
        size_t len = strlen(parts[i].body);
        char *body = malloc(len); /* exactly the bytes: ASan sees a read past them */
        memcpy(body, parts[i].body, len);
        enum form_status st = form_parse(&f, "multipart/form-data; boundary=\"XX\"", body, len);
        CHECK(st == parts[i].want, "multipart %s: got %d, want %d (%s)", parts[i].name, st,
              parts[i].want, f.why ? f.why : "");
        if (st == FORM_OK && parts[i].file_name == NULL)
            CHECK(f.nfiles == 0, "multipart %s: got %zu files, want 0", parts[i].name, f.nfiles);
        if (st == FORM_OK && parts[i].file_name != NULL) {
            CHECK(f.nfiles == 1, "multipart %s: got %zu files", parts[i].name, f.nfiles);
            if (f.nfiles == 1) {
                const struct web_file *w = &f.file[0];
                CHECK(strcmp(w->name, parts[i].file_name) == 0, "multipart %s: name %s, want %s",
                      parts[i].name, w->name, parts[i].file_name);
                CHECK(strcmp(w->type, parts[i].file_type) == 0, "multipart %s: type %s, want %s",
                      parts[i].name, w->type, parts[i].file_type);
                CHECK(w->len == strlen(parts[i].file_data) &&
                          memcmp(w->data, parts[i].file_data, w->len) == 0 && w->data[w->len] == 0,
                      "multipart %s: data of %zu bytes", parts[i].name, w->len);
            }
        }
        form_free(&f);
        free(body);
    }

    struct form f = {0};
    char body[] = "x";
    CHECK(form_parse(&f, "text/plain", body, 1) == FORM_MEDIA, "text/plain body: want FORM_MEDIA");
    form_free(&f);
    CHECK(form_parse(&f, NULL, body, 0) == FORM_OK && f.nvalues == 0, "no body: want nothing");
    form_free(&f);
    CHECK(form_parse(&f, "multipart/form-data", body, 1) == FORM_BAD,
          "multipart without a boundary: want FORM_BAD");
    form_free(&f);
}

/* ---- responses, origins, assets, handlers and the dispatcher without a socket ---- */

static void test_response(void)
{
    struct web_response res = WEB_RESPONSE_INIT;
    CHECK(web_response_cookie(&res, "__Host-s", "v", -1, false) == SL_EINVAL,
          "a __Host- cookie without Secure: want SL_EINVAL");
    CHECK(web_response_cookie(&res, "s", "a;b", -1, false) == SL_EINVAL,
          "a cookie value with ';': want SL_EINVAL");
    CHECK(web_response_cookie(&res, "s", "a\r\nSet-Cookie: x=y", -1, false) == SL_EINVAL,
          "a cookie value with CRLF: want SL_EINVAL");
    CHECK(web_response_cookie(&res, "s p", "v", -1, false) == SL_EINVAL,
          "a cookie name with a space: want SL_EINVAL");
    for (int i = 0; i < WEB_COOKIES_MAX; i++)
        web_response_cookie(&res, "c", "v", 10, false);
    CHECK(web_response_cookie(&res, "c", "v", 10, false) == SL_ELIMIT,
          "one cookie too many: want SL_ELIMIT");
    CHECK(strcmp(res.cookie[0].data, "c=v; Path=/; HttpOnly; SameSite=Strict; Max-Age=10") == 0,
          "cookie line: got %s", res.cookie[0].data);
    CHECK(web_response_redirect(&res, 303, "/p/x\r\nSet-Cookie: a=b") == SL_EINVAL,
          "a redirect with CRLF: want SL_EINVAL");
    CHECK(web_response_redirect(&res, 200, "/p/x") == SL_EINVAL,
          "a redirect with 200: want EINVAL");
    CHECK(web_response_type(&res, "text/html\r\nX: y") == SL_EINVAL, "a type with CRLF: EINVAL");
    CHECK(web_response_type(&res, "texthtml") == SL_EINVAL, "a type without '/': EINVAL");
    CHECK(web_response_type(&res, "image/svg+xml") == SL_OK &&
              strcmp(res.type, "image/svg+xml") == 0,
          "image/svg+xml: want it kept");
    web_response_free(&res);

    static const struct {
        const char *url, *want;
    } origins[] = {
        {"http://127.0.0.1:8080/p/", "http://127.0.0.1:8080"},
        {"HTTPS://Portal.Example.NL:443/p/", "https://portal.example.nl"},
        {"http://host:80", "http://host"},
        {"https://[::1]:8443/p", "https://[::1]:8443"},
        {"https://host/?q", "https://host"},
        {"ftp://host/", NULL},
        {"https://user@host/", NULL},
        {"https://host:x/", NULL},
        {"https://", NULL},
        {"https://ho st/", NULL},
    };
    for (size_t i = 0; i < NELEM(origins); i++) {
        char out[128] = "";
        enum sl_status st = web_origin(origins[i].url, out, sizeof out);
        if (origins[i].want == NULL)
            CHECK(st == SL_EINVAL, "web_origin %s: got %s, want an error", origins[i].url, out);
        else
            CHECK(st == SL_OK && strcmp(out, origins[i].want) == 0,
                  "web_origin %s: got %s, want %s", origins[i].url, out, origins[i].want);
    }

    CHECK(web_asset_find(test_web_assets, test_web_assets_count, "/static/site.css") != NULL,
          "asset /static/site.css: want found");
    CHECK(web_asset_find(test_web_assets, test_web_assets_count, "/static/img/dot.png") != NULL,
          "asset in a subfolder: want found");
    static const char *const misses[] = {
        "/static/site.css/",          "/static/SITE.css", "/static/site",      "/static//site.css",
        "/static/../static/site.css", "static/site.css",  "/static/site.css?x"};
    for (size_t i = 0; i < NELEM(misses); i++)
        CHECK(web_asset_find(test_web_assets, test_web_assets_count, misses[i]) == NULL,
              "asset %s: want not found (exact names only)", misses[i]);

    /* a handler called directly, with a request of nothing */
    struct web_request req = {.method = "GET", .path = "/hello"};
    struct web_response r = WEB_RESPONSE_INIT;
    CHECK(h_hello(&req, &r) == SL_OK && strstr(r.body.data, ">Hello </p>") != NULL,
          "h_hello called directly: got %s", r.body.data);
    web_response_free(&r);

    /* the whole dispatcher without a socket */
    struct web_config cfg = base_config();
    const char *hdrs[] = {"Origin", origin_buf, "Content-Type", "application/x-www-form-urlencoded",
                          "Cookie", "sid=ok"};
    struct web_input in = {"GET", "/hello?name=%3Cb%3E&lang=nl", hdrs, 0, "10.1.2.3", NULL, 0};
    CHECK(web_dispatch(&cfg, &in, &r) == SL_OK && r.status == 200 &&
              strstr(r.body.data, "Hello &lt;b&gt;</p>") != NULL,
          "web_dispatch GET: got %d %s", r.status, r.body.data);
    CHECK(web_response_header(&r, "Content-Security-Policy") != NULL &&
              web_response_header(&r, "Strict-Transport-Security") == NULL,
          "web_dispatch headers: want CSP, no HSTS on http");
    web_response_free(&r);

    in = (struct web_input){"POST", "/t/a/form", hdrs, 2, "10.1.2.3", "code=12&line=x", 14};
    web_dispatch(&cfg, &in, &r);
    CHECK(r.status == 200 && strcmp(r.body.data, "text=(none)|line=x|code=12|tok=(none)|") == 0,
          "web_dispatch POST: got %d %s", r.status, r.body.data);
    web_response_free(&r);

    in = (struct web_input){"POST", "/t/a/form", hdrs, 1, "10.1.2.3", "code=12", 7};
    web_dispatch(&cfg, &in, &r);
    CHECK(r.status == 415, "web_dispatch POST without Content-Type: got %d, want 415", r.status);
    web_response_free(&r);

    in = (struct web_input){"POST", "/csrf", hdrs, 3, "10.1.2.3", "csrf=bad", 8};
    int before = handler_calls;
    web_dispatch(&cfg, &in, &r);
    CHECK(r.status == 403 && handler_calls == before && strstr(r.body.data, "id=\"error\""),
          "web_dispatch CSRF wrong: got %d, handler calls %d", r.status, handler_calls - before);
    web_response_free(&r);
    in.body = "csrf=abc";
    web_dispatch(&cfg, &in, &r);
    CHECK(r.status == 200 && handler_calls == before + 1,
          "web_dispatch CSRF right: got %d, handler calls %d", r.status, handler_calls - before);
    web_response_free(&r);

    in = (struct web_input){"GET", "/nowhere", NULL, 0, "10.1.2.3", NULL, 0};
    web_dispatch(&cfg, &in, &r);
    CHECK(r.status == 404 && strstr(r.body.data, "page-unknown"),
          "web_dispatch unknown: got %d %s (want the application's 404 page)", r.status,
          r.body.data);
    web_response_free(&r);
}

/* ---- the real server ---- */

static void check_security_headers(const struct reply *r, const char *what, bool https, bool cached)
{
    static const struct {
        const char *name, *value;
    } want[] = {
        {"Content-Security-Policy",
         "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
         "frame-ancestors 'none'; base-uri 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "same-origin"},
        {"X-Frame-Options", "DENY"},
    };
    for (size_t i = 0; i < NELEM(want); i++) {
        const char *got = header(r, want[i].name);
        CHECK(got && strcmp(got, want[i].value) == 0, "%s: %s is %s, want %s", what, want[i].name,
              got ? got : "(absent)", want[i].value);
    }
    const char *cc = header(r, "Cache-Control");
    const char *cc_want = cached ? "public, max-age=3600" : "no-store";
    CHECK(cc && strcmp(cc, cc_want) == 0, "%s: Cache-Control %s, want %s", what,
          cc ? cc : "(absent)", cc_want);
    const char *hsts = header(r, "Strict-Transport-Security");
    CHECK(https ? hsts != NULL && strncmp(hsts, "max-age=", 8) == 0 : hsts == NULL,
          "%s: Strict-Transport-Security %s (https %d)", what, hsts ? hsts : "(absent)", https);
}

static void test_routes(void)
{
    struct reply r;

    CHECK(get("/hello?name=%3Cscript%3E%26%27%22&lang=en", &r) == 200, "GET /hello: got %ld",
          r.status);
    CHECK(strstr(r.body.data, "Hello &lt;script&gt;&amp;&#39;&quot;</p>") != NULL &&
              strstr(r.body.data, "title=\"&lt;script&gt;&amp;&#39;&quot;\"") != NULL &&
              strstr(r.body.data, "<script>") == NULL,
          "GET /hello: not escaped: %s", r.body.data);
    CHECK(strcmp(header(&r, "Content-Type"), "text/html; charset=utf-8") == 0,
          "GET /hello: Content-Type %s", header(&r, "Content-Type"));
    check_security_headers(&r, "GET /hello", false, false);
    reply_free(&r);

    CHECK(get("/nowhere", &r) == 404, "GET /nowhere: got %ld, want 404", r.status);
    check_security_headers(&r, "404", false, false);
    reply_free(&r);
    CHECK(get("/hello/", &r) == 404, "GET /hello/: got %ld, want 404", r.status);
    reply_free(&r);
    CHECK(get("/hell%6F", &r) == 404, "GET /hell%%6F: got %ld, want 404 (no decoding)", r.status);
    reply_free(&r);

    request("POST", "/hello", NULL, "a=b", 3, NULL, &r);
    CHECK(r.status == 405 && header(&r, "Allow") && strcmp(header(&r, "Allow"), "GET, HEAD") == 0,
          "POST /hello: got %ld Allow %s, want 405 GET, HEAD", r.status, header(&r, "Allow"));
    check_security_headers(&r, "405", false, false);
    reply_free(&r);
    CHECK(get("/t/x/form", &r) == 405 && strcmp(header(&r, "Allow"), "POST") == 0,
          "GET of a POST route: got %ld, want 405 with Allow: POST", r.status);
    reply_free(&r);
    request("DELETE", "/hello", NULL, NULL, 0, NULL, &r);
    CHECK(r.status == 405, "DELETE /hello: got %ld, want 405", r.status);
    reply_free(&r);
    request("HEAD", "/hello", NULL, NULL, 0, NULL, &r);
    CHECK(r.status == 200 && r.body.len == 0, "HEAD /hello: got %ld with %zu bytes", r.status,
          r.body.len);
    reply_free(&r);

    static const struct {
        const char *path;
        long status;
        const char *body;
    } params[] = {
        {"/t/abc_-9/a/XYZ", 200, "abc_-9,XYZ"},
        {"/t/a.b/a/x", 404, NULL},
        {"/t//a/x", 404, NULL},
        {"/t/x/a/", 404, NULL},
        {"/t/x/a/y/z", 404, NULL},
        {"/t/%41/a/x", 404, NULL},
        {"/t/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/a/x", 200,
         "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,x"},
        {"/t/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/a/x", 404, NULL},
    };
    for (size_t i = 0; i < NELEM(params); i++) {
        get(params[i].path, &r);
        CHECK(r.status == params[i].status &&
                  (params[i].body == NULL || strcmp(r.body.data, params[i].body) == 0),
              "GET %s: got %ld %s, want %ld %s", params[i].path, r.status, r.body.data,
              params[i].status, params[i].body ? params[i].body : "");
        reply_free(&r);
    }

    static const struct {
        const char *name, *path;
        long status;
    } queries[] = {
        {"declared", "/hello?name=x&sent=1", 200},
        {"the common lang", "/hello?lang=fr", 200},
        {"lang too long", "/hello?lang=english", 400},
        {"undeclared", "/hello?utm_source=x", 400},
        {"%00", "/hello?name=a%00", 400},
        {"bad UTF-8", "/hello?name=%C3%28", 400},
        {"too long, not cut", "/hello?name=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 400},
        {"at the limit", "/hello?name=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 200},
        {"given twice", "/hello?sent=1&sent=1", 400},
        {"not digits", "/hello?sent=x", 400},
        {"bad percent", "/hello?name=%G1", 400},
        {"a query on a route that declares none", "/client?x=1", 400},
    };
    for (size_t i = 0; i < NELEM(queries); i++) {
        get(queries[i].path, &r);
        CHECK(r.status == queries[i].status, "query %s: got %ld, want %ld", queries[i].name,
              r.status, queries[i].status);
        reply_free(&r);
    }

    CHECK(get("/redirect", &r) == 303 && strcmp(header(&r, "Location"), "/hello?sent=1") == 0,
          "GET /redirect: got %ld to %s", r.status, header(&r, "Location"));
    check_security_headers(&r, "303", false, false);
    reply_free(&r);

    CHECK(get("/fail", &r) == 500 && strstr(r.body.data, "half") == NULL,
          "a failing handler: got %ld %s, want 500 without its half page", r.status, r.body.data);
    reply_free(&r);
    CHECK(get("/fail?nomem=1", &r) == 503, "a handler out of memory: got %ld, want 503", r.status);
    reply_free(&r);
}

static void test_fields(void)
{
    struct reply r;
    static const struct {
        const char *name, *body;
        long status;
        const char *want;
    } cases[] = {
        {"declared fields", "code=123&line=Jan+de+Vries&tok=ab-_9", 200,
         "text=(none)|line=Jan de Vries|code=123|tok=ab-_9|"},
        {"text keeps CRLF", "code=1&text=a%0D%0Ab", 200,
         "text=a\r\nb|line=(none)|code=1|tok=(none)|"},
        {"UTF-8 text", "code=1&text=caf%C3%A9", 200,
         "text=caf\xc3\xa9|line=(none)|code=1|tok=(none)|"},
        {"an undeclared field", "code=1&extra=x", 400, NULL},
        {"%00", "code=1&text=a%00b", 400, NULL},
        {"bad UTF-8", "code=1&text=%C3%28", 400, NULL},
        {"an overlong form", "code=1&text=%C0%AF", 400, NULL},
        {"a line with LF", "code=1&line=a%0Ab", 400, NULL},
        {"a line too long, not cut", "code=1&line=aaaaaaaaaaaaaaaaaaaaa", 400, NULL},
        {"a line at its limit", "code=1&line=aaaaaaaaaaaaaaaaaaaa", 200,
         "text=(none)|line=aaaaaaaaaaaaaaaaaaaa|code=1|tok=(none)|"},
        {"digits with a letter", "code=12a", 400, NULL},
        {"digits too short", "code=", 400, NULL},
        {"digits too long", "code=1234567", 400, NULL},
        {"a field twice", "code=1&code=2", 400, NULL},
        {"a bad token", "code=1&tok=a.b", 400, NULL},
        {"a raw NUL in the body", "code=1&line=a\0b", 400, NULL},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        char origin[128];
        snprintf(origin, sizeof origin, "Origin: %s", origin_buf);
        const char *h[] = {origin, "Content-Type: application/x-www-form-urlencoded", NULL};
        size_t len = strlen(cases[i].body);
        if (strstr(cases[i].name, "raw NUL"))
            len += 2;
        request("POST", "/t/x/form", h, cases[i].body, len, NULL, &r);
        CHECK(r.status == cases[i].status &&
                  (cases[i].want == NULL || strcmp(r.body.data, cases[i].want) == 0),
              "POST %s: got %ld %s, want %ld %s", cases[i].name, r.status, r.body.data,
              cases[i].status, cases[i].want ? cases[i].want : "");
        reply_free(&r);
    }

    /* Origin */
    static const struct {
        const char *name, *origin;
        long status;
    } origins[] = {
        {"no Origin", NULL, 403},
        {"another origin", "Origin: http://evil.example", 403},
        {"another port", "Origin: http://127.0.0.1:2", 403},
        {"null", "Origin: null", 403},
        {"ours", "", 200},
    };
    for (size_t i = 0; i < NELEM(origins); i++) {
        char ours[128];
        snprintf(ours, sizeof ours, "Origin: %s", origin_buf);
        const char *h[] = {"Content-Type: application/x-www-form-urlencoded",
                           origins[i].origin && *origins[i].origin ? origins[i].origin : ours,
                           NULL};
        if (origins[i].origin == NULL)
            h[1] = NULL;
        int before = handler_calls;
        request("POST", "/t/x/form", h, "code=1", 6, NULL, &r);
        CHECK(r.status == origins[i].status && (r.status == 200) == (handler_calls == before + 1),
              "POST with %s: got %ld, want %ld (handler calls %d)", origins[i].name, r.status,
              origins[i].status, handler_calls - before);
        if (r.status == 403)
            check_security_headers(&r, "403", false, false);
        reply_free(&r);
    }

    /* 413: a body over max_body, refused, the handler not called */
    char big[2048];
    memset(big, 'a', sizeof big);
    snprintf(big, sizeof big, "code=1&text=");
    big[12] = 'a'; /* over snprintf's NUL */
    int before = handler_calls;
    char origin[128];
    snprintf(origin, sizeof origin, "Origin: %s", origin_buf);
    const char *h[] = {origin, "Content-Type: application/x-www-form-urlencoded", NULL};
    request("POST", "/t/x/form", h, big, sizeof big, NULL, &r);
    CHECK(r.status == 413 && handler_calls == before, "a body over max_body: got %ld, want 413",
          r.status);
    check_security_headers(&r, "413", false, false);
    reply_free(&r);
}

/* test_before_body - refusals come on the headers alone: the server answers
 * while the promised body was never sent */
static void test_before_body(void)
{
    struct buf out = BUF_INIT;
    char req[512];
    static const struct {
        const char *name, *request;
        const char *want;
    } cases[] = {
        {"413 on Content-Length",
         "POST /t/x/form HTTP/1.1\r\nHost: x\r\nOrigin: ORIGIN\r\nContent-Type: "
         "application/x-www-form-urlencoded\r\nContent-Length: 100000000\r\n\r\n",
         "HTTP/1.1 413 "},
        {"403 without Origin",
         "POST /t/x/form HTTP/1.1\r\nHost: x\r\nX-Origin: ORIGIN\r\nContent-Type: "
         "application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n",
         "HTTP/1.1 403 "},
        {"404 before a body",
         "POST /nope HTTP/1.1\r\nHost: x\r\nOrigin: ORIGIN\r\nContent-Length: 100\r\n\r\n",
         "HTTP/1.1 404 "},
        {"405 before a body",
         "POST /hello HTTP/1.1\r\nHost: x\r\nOrigin: ORIGIN\r\nContent-Length: 100\r\n\r\n",
         "HTTP/1.1 405 "},
        {"411 for a chunked body",
         "POST /t/x/form HTTP/1.1\r\nHost: x\r\nOrigin: ORIGIN\r\nTransfer-Encoding: "
         "chunked\r\n\r\n",
         "HTTP/1.1 411 "},
        {"the guard before a body",
         "POST /csrf HTTP/1.1\r\nHost: x\r\nOrigin: ORIGIN\r\nContent-Type: "
         "application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n",
         "HTTP/1.1 303 "},
        {"413 for a body on a GET route",
         "GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n", "HTTP/1.1 413 "},
        {"a bad Content-Length", "GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
         "HTTP/1.1 400 "},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        /* ORIGIN in the request becomes ours */
        const char *at = strstr(cases[i].request, "ORIGIN");
        int n = at ? snprintf(req, sizeof req, "%.*s%s%s", (int)(at - cases[i].request),
                              cases[i].request, origin_buf, at + 6)
                   : snprintf(req, sizeof req, "%s", cases[i].request);
        int before = handler_calls;
        raw(req, (size_t)n, 3000, &out);
        CHECK(out.data && strncmp(out.data, cases[i].want, strlen(cases[i].want)) == 0 &&
                  handler_calls == before,
              "%s: got \"%.40s\", want %s", cases[i].name, out.data ? out.data : "(nothing)",
              cases[i].want);
    }
    /* a request line with a raw URI that MHD answers itself: no leak, no crash */
    raw("GET hello HTTP/1.1\r\nHost: x\r\n\r\n", 32, 2000, &out);
    CHECK(out.data && strncmp(out.data, "HTTP/1.1 4", 10) == 0, "a URI without '/': got %.40s",
          out.data ? out.data : "(nothing)");
    buf_free(&out);
}

static void test_upload(void)
{
    struct reply r;
    unsigned char one[1000], two[1500];
    for (size_t i = 0; i < sizeof one; i++)
        one[i] = (unsigned char)(i * 7 + 3);
    for (size_t i = 0; i < sizeof two; i++)
        two[i] = (unsigned char)(255 - i % 256);
    memcpy(one + 100, "\r\n--", 4); /* delimiter-like bytes inside a file */
    one[200] = 0;

    char origin[128];
    snprintf(origin, sizeof origin, "Origin: %s", origin_buf);
    const char *h[] = {origin, NULL};
    CURL *c = curl_easy_init();
    curl_mime *m = curl_mime_init(c);
    curl_mimepart *p = curl_mime_addpart(m);
    curl_mime_name(p, "note");
    curl_mime_data(p, "two files", CURL_ZERO_TERMINATED);
    p = curl_mime_addpart(m);
    curl_mime_name(p, "files");
    curl_mime_data(p, (const char *)one, sizeof one);
    curl_mime_filename(p, "verslag \"2024\" \xc3\xa9.pdf");
    curl_mime_type(p, "application/pdf");
    p = curl_mime_addpart(m);
    curl_mime_name(p, "files");
    curl_mime_data(p, (const char *)two, sizeof two);
    curl_mime_filename(p, "foto.png");
    curl_mime_type(p, "image/png");
    request("POST", "/upload", h, NULL, 0, m, &r);
    CHECK(r.status == 200 && strcmp(r.body.data, "files=2 of files=2 note=two files") == 0,
          "multipart with two files: got %ld %s", r.status, r.body.data);
    pthread_mutex_lock(&seen_lock);
    CHECK(nseen == 2, "multipart: the handler saw %zu files, want 2", nseen);
    if (nseen == 2) {
        CHECK(seen[0].bytes.len == sizeof one && memcmp(seen[0].bytes.data, one, sizeof one) == 0,
              "multipart: the first file's %zu bytes differ", seen[0].bytes.len);
        CHECK(seen[1].bytes.len == sizeof two && memcmp(seen[1].bytes.data, two, sizeof two) == 0,
              "multipart: the second file's %zu bytes differ", seen[1].bytes.len);
        CHECK(strcmp(seen[0].name, "verslag \"2024\" \xc3\xa9.pdf") == 0 &&
                  strcmp(seen[1].name, "foto.png") == 0,
              "multipart: names %s, %s", seen[0].name, seen[1].name);
        CHECK(strcmp(seen[0].type, "application/pdf") == 0 &&
                  strcmp(seen[1].type, "image/png") == 0 && strcmp(seen[0].field, "files") == 0,
              "multipart: types %s, %s", seen[0].type, seen[1].type);
    }
    pthread_mutex_unlock(&seen_lock);
    reply_free(&r);
    curl_mime_free(m);

    /* over the total of the field (4096), under max_body */
    static unsigned char three[3000];
    m = curl_mime_init(c);
    for (int i = 0; i < 2; i++) {
        p = curl_mime_addpart(m);
        curl_mime_name(p, "files");
        curl_mime_data(p, (const char *)three, sizeof three);
        curl_mime_filename(p, "x.bin");
    }
    int before = handler_calls;
    request("POST", "/upload", h, NULL, 0, m, &r);
    CHECK(r.status == 400 && handler_calls == before, "files over their total: got %ld, want 400",
          r.status);
    reply_free(&r);
    curl_mime_free(m);

    /* a file under an undeclared name, and a file where a line was declared */
    static const char *const wrong[] = {"other", "note"};
    for (size_t i = 0; i < NELEM(wrong); i++) {
        m = curl_mime_init(c);
        p = curl_mime_addpart(m);
        curl_mime_name(p, wrong[i]);
        curl_mime_data(p, "x", 1);
        curl_mime_filename(p, "x.txt");
        request("POST", "/upload", h, NULL, 0, m, &r);
        CHECK(r.status == 400, "a file called %s: got %ld, want 400", wrong[i], r.status);
        reply_free(&r);
        curl_mime_free(m);
    }
    curl_easy_cleanup(c);

    /* an empty file input, as a browser sends it: no file */
    static const char body[] = "--b1\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nn\r\n"
                               "--b1\r\nContent-Disposition: form-data; name=\"files\"; "
                               "filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                               "\r\n--b1--\r\n";
    const char *hh[] = {origin, "Content-Type: multipart/form-data; boundary=b1", NULL};
    request("POST", "/upload", hh, body, sizeof body - 1, NULL, &r);
    CHECK(r.status == 200 && strcmp(r.body.data, "files=0 of files=0 note=n") == 0,
          "an empty file input: got %ld %s", r.status, r.body.data);
    reply_free(&r);
    const char *hj[] = {origin, "Content-Type: application/json", NULL};
    request("POST", "/upload", hj, "{}", 2, NULL, &r);
    CHECK(r.status == 415, "a JSON body: got %ld, want 415", r.status);
    reply_free(&r);
}

static void test_cookies_client_download(void)
{
    struct reply r;
    const char *h[] = {"Cookie: a=1; sid=xyz ; b=2", NULL};
    request("GET", "/cookie", h, NULL, 0, NULL, &r);
    CHECK(r.status == 200 && strcmp(r.body.data, "sid=xyz") == 0, "cookie: got %ld %s", r.status,
          r.body.data);
    const char *c0 = header_n(&r, "Set-Cookie", 0);
    CHECK(c0 && strcmp(c0, "__Host-sluis_session=abc123; Path=/; HttpOnly; SameSite=Strict; "
                           "Secure") == 0,
          "Set-Cookie 1: %s", c0 ? c0 : "(absent)");
    const char *c1 = header_n(&r, "Set-Cookie", 1);
    CHECK(c1 && strcmp(c1, "old=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0") == 0,
          "Set-Cookie 2: %s", c1 ? c1 : "(absent)");
    reply_free(&r);
    CHECK(get("/cookie", &r) == 200 && strcmp(r.body.data, "sid=(none)") == 0, "no cookie: got %s",
          r.body.data);
    reply_free(&r);

    /* X-Forwarded-For from the trusted proxy (127.0.0.1 here) */
    static const struct {
        const char *xff, *want;
    } xff[] = {
        {NULL, "127.0.0.1"},
        {"X-Forwarded-For: 192.0.2.7", "192.0.2.7"},
        {"X-Forwarded-For: 6.6.6.6, 192.0.2.8", "192.0.2.8"},
        {"X-Forwarded-For: 2001:db8::1", "2001:db8::1"},
        {"X-Forwarded-For: not-an-address", "127.0.0.1"},
        {"X-Forwarded-For: 192.0.2.9 junk", "127.0.0.1"},
    };
    for (size_t i = 0; i < NELEM(xff); i++) {
        const char *hx[] = {xff[i].xff, NULL};
        request("GET", "/client", hx, NULL, 0, NULL, &r);
        CHECK(strcmp(r.body.data, xff[i].want) == 0, "client with %s: got %s, want %s",
              xff[i].xff ? xff[i].xff : "no X-Forwarded-For", r.body.data, xff[i].want);
        reply_free(&r);
    }

    CHECK(get("/download", &r) == 200 && r.body.len == 11 && memcmp(r.body.data, "%PDF-\0", 6) == 0,
          "download: got %ld, %zu bytes", r.status, r.body.len);
    const char *cd = header(&r, "Content-Disposition");
    const char *want = "attachment; filename=\"r_sum_ _x_.pdf\"; "
                       "filename*=UTF-8''r%C3%A9sum%C3%A9%20%22x%22.pdf";
    CHECK(cd && strcmp(cd, want) == 0, "Content-Disposition: got %s, want %s", cd ? cd : "(absent)",
          want);
    CHECK(strcmp(header(&r, "Content-Type"), "application/pdf") == 0, "download type %s",
          header(&r, "Content-Type"));
    check_security_headers(&r, "download", false, false);
    reply_free(&r);
}

static void test_static(void)
{
    struct reply r;
    CHECK(get("/static/site.css", &r) == 200 && strcmp(r.body.data, "body { color: #123; }\n") == 0,
          "GET /static/site.css: got %ld %s", r.status, r.body.data);
    CHECK(strcmp(header(&r, "Content-Type"), "text/css; charset=utf-8") == 0, "site.css type: %s",
          header(&r, "Content-Type"));
    check_security_headers(&r, "static", false, true);
    reply_free(&r);

    char path[300];
    snprintf(path, sizeof path, "%s/web/static/img/dot.png", data_dir);
    FILE *f = fopen(path, "rb");
    char want[64];
    size_t n = f ? fread(want, 1, sizeof want, f) : 0;
    if (f)
        fclose(f);
    CHECK(get("/static/img/dot.png?v=2", &r) == 200 && r.body.len == n && n > 0 &&
              memcmp(r.body.data, want, n) == 0 &&
              strcmp(header(&r, "Content-Type"), "image/png") == 0,
          "GET dot.png: got %ld, %zu bytes, want %zu", r.status, r.body.len, n);
    reply_free(&r);
    CHECK(get("/static/empty.txt", &r) == 200 && r.body.len == 0, "GET empty.txt: got %ld",
          r.status);
    reply_free(&r);
    CHECK(get("/static/nope.css", &r) == 404, "GET /static/nope.css: got %ld", r.status);
    reply_free(&r);
    CHECK(get("/static/site.css/", &r) == 404, "GET /static/site.css/: got %ld", r.status);
    reply_free(&r);
    request("POST", "/static/site.css", NULL, "a=b", 3, NULL, &r);
    CHECK(r.status == 405, "POST to a static file: got %ld, want 405", r.status);
    reply_free(&r);
}

static void test_guard(void)
{
    struct reply r;
    int before = handler_calls;
    int done_before = done_calls;
    CHECK(get("/guarded", &r) == 303 && strcmp(header(&r, "Location"), "/login") == 0 &&
              handler_calls == before,
          "no session: got %ld, want 303 to /login without the handler", r.status);
    reply_free(&r);
    const char *h[] = {"Cookie: sid=ok", NULL};
    request("GET", "/guarded", h, NULL, 0, NULL, &r);
    CHECK(r.status == 200 && strcmp(r.body.data, "user=alice") == 0,
          "a session: got %ld %s, want the guard's user", r.status, r.body.data);
    reply_free(&r);
    /* done runs once the response is out; give the server's thread a moment */
    for (int i = 0; i < 100 && done_calls < done_before + 2; i++)
        usleep(10000);
    CHECK(done_calls >= done_before + 2, "done: called %d times, want 2", done_calls - done_before);

    char origin[128];
    snprintf(origin, sizeof origin, "Origin: %s", origin_buf);
    const char *hc[] = {origin, "Cookie: sid=ok", "Content-Type: application/x-www-form-urlencoded",
                        NULL};
    before = handler_calls;
    request("POST", "/csrf", hc, "csrf=nope", 9, NULL, &r);
    CHECK(r.status == 403 && handler_calls == before, "a wrong csrf: got %ld, want 403", r.status);
    check_security_headers(&r, "guard's 403", false, false);
    reply_free(&r);
    request("POST", "/csrf", hc, "csrf=abc", 8, NULL, &r);
    CHECK(r.status == 200 && handler_calls == before + 1, "the right csrf: got %ld, want 200",
          r.status);
    reply_free(&r);
}

/* test_limits - connections per client, and the idle timeout */
static void test_limits(void)
{
    struct web_config cfg = base_config();
    struct web_server *srv = NULL;
    char err[256];
    unsigned saved = port;

    cfg.trusted_proxy = "192.0.2.1";
    cfg.max_per_client = 2;
    cfg.timeout = 1;
    CHECK(web_server_start(&cfg, &srv, err, sizeof err) == SL_OK, "limits server: %s", err);
    if (srv == NULL)
        return;
    port = web_server_port(srv);
    int a = connect_raw(), b = connect_raw();
    usleep(100000);
    int c = connect_raw();
    CHECK(a >= 0 && b >= 0 && (c < 0 || closed_soon(c, 1000)),
          "a third connection of one client: want it closed at once");
    if (c >= 0)
        close(c);
    /* the idle ones are closed after the timeout (1 s) */
    CHECK(closed_soon(a, 4000), "an idle connection: want it closed after the timeout");
    close(a);
    close(b);
    usleep(200000);
    struct reply r;
    CHECK(get("/hello", &r) == 200, "after the others closed: got %ld, want 200", r.status);
    reply_free(&r);
    web_server_stop(srv);

    /* the trusted proxy is never limited */
    cfg.trusted_proxy = "127.0.0.1";
    CHECK(web_server_start(&cfg, &srv, err, sizeof err) == SL_OK, "proxy server: %s", err);
    if (srv == NULL)
        return;
    port = web_server_port(srv);
    int fds[4];
    for (int i = 0; i < 4; i++)
        fds[i] = connect_raw();
    CHECK(get("/hello", &r) == 200, "the proxy's fifth connection: got %ld, want 200", r.status);
    reply_free(&r);
    for (int i = 0; i < 4; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    web_server_stop(srv);

    /* X-Forwarded-For from a peer that is not the proxy counts for nothing */
    cfg.trusted_proxy = "192.0.2.1";
    cfg.max_per_client = 0;
    CHECK(web_server_start(&cfg, &srv, err, sizeof err) == SL_OK, "server: %s", err);
    port = web_server_port(srv);
    const char *h[] = {"X-Forwarded-For: 192.0.2.50", NULL};
    request("GET", "/client", h, NULL, 0, NULL, &r);
    CHECK(strcmp(r.body.data, "127.0.0.1") == 0, "X-Forwarded-For from a stranger: got %s",
          r.body.data);
    reply_free(&r);
    web_server_stop(srv);
    port = saved;

    static const struct {
        const char *listen, *proxy, *origin, *cert;
    } bad[] = {
        {"127.0.0.1", NULL, "http://127.0.0.1:1", NULL},
        {"127.0.0.1:99999", NULL, "http://127.0.0.1:1", NULL},
        {"256.0.0.1:0", NULL, "http://127.0.0.1:1", NULL},
        {"127.0.0.1:0", "nonsense", "http://127.0.0.1:1", NULL},
        {"127.0.0.1:0", NULL, "http://127.0.0.1:1/p/", NULL},
        {"127.0.0.1:0", NULL, "http://127.0.0.1:1", "/nonexistent/cert.pem"},
    };
    for (size_t i = 0; i < NELEM(bad); i++) {
        cfg = base_config();
        cfg.listen = bad[i].listen;
        cfg.trusted_proxy = bad[i].proxy;
        cfg.origin = bad[i].origin;
        cfg.tls_cert = bad[i].cert;
        cfg.tls_key = bad[i].cert;
        err[0] = '\0';
        CHECK(web_server_start(&cfg, &srv, err, sizeof err) != SL_OK && srv == NULL && err[0],
              "a bad config (%s %s %s): want an error", bad[i].listen,
              bad[i].proxy ? bad[i].proxy : "", bad[i].origin);
    }
    web_server_stop(NULL);
}

static void test_https(void)
{
    char dir[] = "/tmp/test_web.XXXXXX";
    char cert[300], key[300], cmd[1200];
    if (mkdtemp(dir) == NULL) {
        CHECK(0, "mkdtemp: %s", strerror(errno));
        return;
    }
    snprintf(cert, sizeof cert, "%s/cert.pem", dir);
    snprintf(key, sizeof key, "%s/key.pem", dir);
    snprintf(cmd, sizeof cmd,
             "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
             "-keyout %s -out %s -days 2 -subj /CN=127.0.0.1 "
             "-addext subjectAltName=IP:127.0.0.1 2>/dev/null",
             key, cert);
    CHECK(system(cmd) == 0, "openssl req failed: %s", cmd);

    struct web_config cfg = base_config();
    struct web_server *srv = NULL;
    char err[256];
    char saved_origin[64];
    snprintf(saved_origin, sizeof saved_origin, "%s", origin_buf);
    snprintf(origin_buf, sizeof origin_buf, "https://127.0.0.1:1");
    cfg.tls_cert = cert;
    cfg.tls_key = key;
    CHECK(web_server_start(&cfg, &srv, err, sizeof err) == SL_OK, "https server: %s", err);
    if (srv != NULL) {
        unsigned saved = port;
        port = web_server_port(srv);
        snprintf(origin_buf, sizeof origin_buf, "https://127.0.0.1:%u", port);
        scheme = "https";
        cafile = cert;
        struct reply r;
        CHECK(get("/hello?name=tls", &r) == 200 && strstr(r.body.data, "Hello tls"),
              "GET over https: got %ld %s", r.status, r.body.data);
        check_security_headers(&r, "https", true, false);
        reply_free(&r);
        CHECK(post("/t/x/form", "code=7", &r) == 200, "POST over https: got %ld", r.status);
        reply_free(&r);
        CHECK(get("/static/site.css", &r) == 200, "static over https: got %ld", r.status);
        check_security_headers(&r, "https static", true, true);
        reply_free(&r);
        scheme = "http";
        cafile = NULL;
        CURLcode rc = request("GET", "/hello", NULL, NULL, 0, NULL, &r);
        CHECK(rc != CURLE_OK || r.status != 200, "plain http to the https port: want no page");
        reply_free(&r);
        web_server_stop(srv);
        port = saved;
    }
    snprintf(origin_buf, sizeof origin_buf, "%s", saved_origin);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    system(cmd);
}

int main(int argc, char **argv)
{
    snprintf(data_dir, sizeof data_dir, "%s", argc > 1 ? argv[1] : "tests/unit/data");
    curl_global_init(CURL_GLOBAL_ALL);

    test_html();
    test_form();
    test_response();

    struct web_config cfg = base_config();
    struct web_server *srv = NULL;
    char err[256];
    CHECK(web_server_start(&cfg, &srv, err, sizeof err) == SL_OK, "server: %s", err);
    if (srv != NULL) {
        port = web_server_port(srv);
        CHECK(port > 0, "port 0: got %u, want the chosen one", port);
        snprintf(origin_buf, sizeof origin_buf, "http://127.0.0.1:%u", port);
        test_routes();
        test_fields();
        test_before_body();
        test_upload();
        test_cookies_client_download();
        test_static();
        test_guard();
        web_server_stop(srv);
        struct reply r;
        CHECK(request("GET", "/hello", NULL, NULL, 0, NULL, &r) != CURLE_OK,
              "after stop: want no answer");
        reply_free(&r);
    }
    test_limits();
    test_https();

    pthread_mutex_lock(&seen_lock);
    for (size_t i = 0; i < nseen; i++)
        buf_free(&seen[i].bytes);
    pthread_mutex_unlock(&seen_lock);
    curl_global_cleanup();
    return check_summary("test_web");
}
