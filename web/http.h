/*
 * http - the HTTP layer of the portal (and later the dashboard): a route
 * table, a dispatcher that refuses before any body is read, declared and
 * checked form fields, one function for every response's headers, compiled-in
 * static files, and a server on libmicrohttpd.
 *
 * Only web/http.c calls MHD_*: handlers see a struct web_request and fill a
 * struct web_response, so tests call them (or the whole dispatcher, through
 * web_dispatch()) without a socket.
 *
 * Order of checks for each request (cgit's cmd.c enforces want_repo the same
 * way): on the request line and headers alone, before a byte of the body is
 * read: the route (404), the method (405), Content-Length against the
 * route's max_body (411 for a body sent without one, 413 over it), the query
 * parameters (400), for every POST an Origin equal to the configured origin
 * (403), then the application's guard (WEB_PHASE_HEADERS). After the body:
 * the form fields (400, 415), the guard again (WEB_PHASE_FORM), the handler.
 *
 * Threads: each connection runs in a thread of its own; handlers and the
 * guard run concurrently and must be thread-safe. The config is read-only.
 */
#ifndef SLUIS_HTTP_H
#define SLUIS_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/buf.h"
#include "../common/status.h"

/* ---- fields: every query parameter and form field is declared ---- */

enum web_field_type {
    WEB_TEXT,   /* UTF-8 text; TAB, CR and LF allowed, other controls not */
    WEB_LINE,   /* UTF-8 text without any control character */
    WEB_DIGITS, /* 0-9 only */
    WEB_TOKEN,  /* A-Z a-z 0-9 - _ only (tokens, hex) */
    WEB_FILE,   /* multipart/form-data file uploads; several with one name */
};

/*
 * struct web_field - a declared field (kcgi's kvalid): a value outside
 * [min, max] bytes (after percent-decoding), of the wrong type, with %00 or
 * bad UTF-8 is refused with 400 (too long is an error, not a cut); so is a
 * field that is not declared, or one given twice (WEB_FILE excepted).
 * A declared field may be absent: web_field() then returns NULL.
 * WEB_FILE: max is the total of all files of that name together; min is
 * the fewest bytes of each file. A file input left empty (no name, no
 * bytes) is not a file.
 */
struct web_field {
    const char *name;
    enum web_field_type type;
    size_t min;
    size_t max;
};

/* one uploaded file (WEB_FILE); all of it borrowed from the request */
struct web_file {
    const char *field; /* the field name */
    const char *name;  /* the file name: UTF-8, no controls, directories cut off */
    size_t name_len;   /* 1..WEB_FILENAME_MAX */
    const char *type;  /* "type/subtype" lower case; application/octet-stream if none */
    const char *data;  /* the bytes (NUL-terminated as well, but may hold NULs) */
    size_t len;
};

#define WEB_FILENAME_MAX 255 /* bytes of an uploaded file's name */
#define WEB_FILES_MAX    64  /* uploaded files in one request */
#define WEB_VALUES_MAX   64  /* query parameters, and form fields, in one request */
#define WEB_PARAMS_MAX   4   /* '*' segments in a route's path */
#define WEB_PARAM_MAX    64  /* bytes of one '*' segment */

/* ---- requests ---- */

struct web_request;
struct web_response;

/* handler - answer one request: fill res (its status defaults to 200, its
 * type to text/html). Return SL_OK, or a failure: the client then gets 500
 * (503 for SL_ENOMEM) and whatever res held is dropped. */
typedef enum sl_status web_handler_fn(struct web_request *req, struct web_response *res);

/* needs: WEB_NEED_ORIGIN is built in; bits from WEB_NEED_APP up are the
 * application's, checked by its guard (say NEED_SESSION = WEB_NEED_APP << 0,
 * NEED_CSRF = WEB_NEED_APP << 1) */
#define WEB_NEED_ORIGIN   0x1u /* Origin must equal the configured origin (every POST has it) */
#define WEB_NEED_APP      0x100u
#define WEB_NEED_APP_MASK (~0xffu)

/*
 * struct web_route - one entry of the route table. path is matched byte for
 * byte against the request's path (without query, not percent-decoded);
 * a segment that is a single '*' matches one segment of 1..64 characters A-Z a-z 0-9 - _,
 * handed to the handler in req->param[]. The first route whose path and
 * method match wins; a path that matches only with another method gets 405;
 * GET routes answer HEAD as well.
 */
struct web_route {
    const char *method; /* "GET" or "POST" */
    const char *path;   /* e.g. "/p/health"; a segment that is one * is a parameter */
    web_handler_fn *handler;
    unsigned needs;                 /* WEB_NEED_* bits */
    const struct web_field *fields; /* the form fields of the body (POST) */
    size_t nfields;
    size_t max_body;               /* bytes of the body at most (0: none); with files, room for
                                      them all, the other fields and the multipart framing */
    const struct web_field *query; /* the query parameters (beside web_config.query) */
    size_t nquery;
};

/*
 * struct web_request - what a handler gets. The public part is read-only for
 * handlers but user, which belongs to the application; everything is borrowed
 * and lives until the response is sent.
 */
struct web_request {
    const char *method;                /* "GET", "HEAD", "POST" */
    const char *path;                  /* the path, without query, as received */
    const struct web_route *route;     /* the route that matched */
    const char *param[WEB_PARAMS_MAX]; /* the '*' segments, in order */
    size_t nparam;
    char client[46];              /* the client's address (see web_config.trusted_proxy) */
    bool https;                   /* the configured origin is https:// */
    void *app;                    /* web_config.app */
    void *user;                   /* the application's, e.g. its session; see web_config.done */
    const struct web_file *files; /* every uploaded file, in the order received */
    size_t nfiles;
    struct web_request_data *data; /* private: headers, fields, memory */
};

/* web_field - a form field's value (NUL-terminated; *len its length if len
 * is not NULL), or NULL when the request did not carry it */
const char *web_field(const struct web_request *req, const char *name, size_t *len);
/* web_query - a query parameter's value, or NULL */
const char *web_query(const struct web_request *req, const char *name, size_t *len);
/* web_cookie - the value of the cookie called name, or NULL (the first one
 * if the client sent several) */
const char *web_cookie(const struct web_request *req, const char *name, size_t *len);
/* web_header - the first request header called name (any case), or NULL */
const char *web_header(const struct web_request *req, const char *name);
/* web_lang - which of codes[n] (two-letter language tags, lower case) the
 * page speaks: ?lang=, the sluis_lang cookie, then the first of them that
 * Accept-Language names, in its order (weights are rare enough in practice
 * to be read as order); its index, or -1 when none names one */
int web_lang(const struct web_request *req, const char *const *codes, size_t n);
/* web_file_count, web_file_get - the files of one WEB_FILE field */
size_t web_file_count(const struct web_request *req, const char *field);
const struct web_file *web_file_get(const struct web_request *req, const char *field, size_t i);

/* ---- responses ---- */

enum web_cache {
    WEB_CACHE_NONE,   /* Cache-Control: no-store (the default) */
    WEB_CACHE_STATIC, /* Cache-Control: public, max-age=3600 */
};

#define WEB_COOKIES_MAX 4
#define WEB_HEADERS_MAX 20

/*
 * struct web_response - what a handler fills; start with WEB_RESPONSE_INIT
 * and end with web_response_free(). The web layer adds every header itself
 * (web_response_finish()): handlers set what the response is, not how it
 * is sent.
 */
struct web_response {
    int status;       /* 0: 200 */
    const char *type; /* content type (a literal, or set by web_response_type()); NULL: text/html */
    struct buf body;
    struct buf location;                /* a redirect's target (web_response_redirect()) */
    struct buf cookie[WEB_COOKIES_MAX]; /* Set-Cookie lines (web_response_cookie()) */
    size_t ncookies;
    struct buf filename; /* an attachment's name, UTF-8 (web_response_attachment()) */
    enum web_cache cache;
    const char *allow; /* the web layer's, for 405 */
    char type_buf[128];
    /* web_response_finish() fills these: every header, in order; the
     * values live in header_mem */
    struct {
        const char *name;
        const char *value;
    } header[WEB_HEADERS_MAX];
    size_t nheaders;
    struct buf header_mem;
};

#define WEB_RESPONSE_INIT                                                                          \
    {                                                                                              \
        .status = 0                                                                                \
    }

/* web_response_free - release what the response holds; it is empty after */
void web_response_free(struct web_response *res);

/* web_response_type - set the content type from a string (copied): "type/sub"
 * with optional "; param=value"; SL_EINVAL (type unchanged) if it is not one */
enum sl_status web_response_type(struct web_response *res, const char *type);

/* web_response_redirect - status (303 after a POST, 302) to target, a path of
 * the program's own or a full URL; SL_EINVAL if target holds a control
 * character or space */
enum sl_status web_response_redirect(struct web_response *res, int status, const char *target);

/*
 * web_response_cookie - add a Set-Cookie: name=value; Path=/; HttpOnly;
 * SameSite=Strict, plus Secure when secure, plus Max-Age=max_age when
 * max_age >= 0 (0 deletes the cookie; < 0: a session cookie). name is a token
 * (a "__Host-" prefix needs secure), value only cookie-octets (RFC 6265,
 * section 4.1.1): SL_EINVAL otherwise, SL_ELIMIT past WEB_COOKIES_MAX.
 */
enum sl_status web_response_cookie(struct web_response *res, const char *name, const char *value,
                                   long max_age, bool secure);

/* web_response_attachment - send the body as a download called name (len
 * bytes of UTF-8, copied): Content-Disposition: attachment; filename="ascii";
 * filename*=UTF-8''percent-encoded (RFC 6266, RFC 5987); bytes that are not
 * UTF-8 or are controls become '_' */
enum sl_status web_response_attachment(struct web_response *res, const char *name, size_t len);

/* ---- static files, compiled in ---- */

/* one file; scripts/embed writes a table of these from a folder */
struct web_asset {
    const char *path; /* the URL path it is served at, e.g. "/p/static/portal.css" */
    const char *type; /* its content type */
    const unsigned char *bytes;
    size_t len;
};

/* web_asset_find - the asset at exactly path (no normalisation), or NULL */
const struct web_asset *web_asset_find(const struct web_asset *assets, size_t n, const char *path);
/* web_response_asset - answer with the asset: its type, its bytes, cached */
enum sl_status web_response_asset(struct web_response *res, const struct web_asset *asset);

/* ---- the server ---- */

enum web_phase {
    WEB_PHASE_HEADERS, /* request line, headers and query: no form field yet */
    WEB_PHASE_FORM,    /* the query and form fields are checked and readable */
};

/*
 * guard - the application's needs (route->needs & WEB_NEED_APP_MASK, when
 * not 0), called twice per request: before the body is read and after the
 * fields are parsed. Return true to go on, or false with res filled (a
 * redirect, a 403 page): that is sent instead. It may set req->user.
 */
typedef bool web_guard_fn(void *app, enum web_phase phase, unsigned needs, struct web_request *req,
                          struct web_response *res);

/* error_page - fill res (status set already: 400, 403, 404, 405, 411, 413,
 * 415, 500, 503) for a request the web layer refuses; req may be NULL (no
 * route). Optional: without it, a short text/plain body. */
typedef void web_error_fn(void *app, const struct web_request *req, struct web_response *res);

struct web_config {
    const char *listen; /* "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:0" (port 0: any free one) */
    const char *origin; /* "https://portal.example.nl", as web_origin() writes it; every POST
                           needs it in Origin */
    const char *trusted_proxy;      /* an address whose X-Forwarded-For (last entry) names the
                                       client; NULL or "": none */
    const char *tls_cert, *tls_key; /* PEM files: serve HTTPS; NULL or "": plain HTTP */
    const struct web_route *routes;
    size_t nroutes;
    const struct web_field *query; /* query parameters every route accepts (e.g. lang) */
    size_t nquery;
    const struct web_asset *assets; /* answered on GET/HEAD of their exact path */
    size_t nassets;
    web_guard_fn *guard;
    web_error_fn *error_page;
    /* done - the request is over (answered or dropped): release req->user */
    void (*done)(void *app, struct web_request *req);
    /* log - a failure of the server itself (no request data in it); NULL: stderr */
    void (*log)(void *app, const char *msg);
    void *app;
    unsigned max_connections; /* 0: 256 */
    unsigned max_per_client;  /* connections of one address (never the proxy's); 0: 16 */
    unsigned timeout;         /* seconds a connection may idle; 0: 30 */
};

struct web_server;

/*
 * web_server_start - bind cfg->listen, read the TLS files if any, and serve
 * in threads of its own. cfg and all it points to are borrowed and must
 * outlive the server. On failure *out is NULL and err says why (no secrets).
 * Dropping privileges after this is safe: no file is opened later.
 */
enum sl_status web_server_start(const struct web_config *cfg, struct web_server **out, char *err,
                                size_t errlen);
/* web_server_port - the port listened on (the chosen one when it was 0) */
unsigned web_server_port(const struct web_server *srv);
/* web_server_stop - stop listening, finish, free; NULL is fine */
void web_server_stop(struct web_server *srv);

/*
 * struct web_input, web_dispatch - one whole request without a socket, through
 * the same checks, guard, handler and headers as the server: for tests.
 */
struct web_input {
    const char *method;
    const char *uri;            /* path and query as on the request line */
    const char *const *headers; /* name, value, name, value, ... */
    size_t nheaders;            /* pairs */
    const char *peer;           /* the peer's address, e.g. "127.0.0.1" */
    const char *body;
    size_t body_len;
};
/* web_dispatch - answer in (borrowed) into res (WEB_RESPONSE_INIT; the caller
 * frees it); its headers are filled. SL_ENOMEM only if no answer was made. */
enum sl_status web_dispatch(const struct web_config *cfg, const struct web_input *in,
                            struct web_response *res);

/* web_response_finish - every header of the response, in res->header[]:
 * security headers, cache, type, location, cookies, disposition (the
 * server calls it; tests may) */
enum sl_status web_response_finish(const struct web_config *cfg, struct web_response *res);
/* web_response_header - the value of a header web_response_finish() set, or NULL */
const char *web_response_header(const struct web_response *res, const char *name);

/* web_origin - the origin of a URL ("https://Host:443/p/" gives
 * "https://host"): scheme and host lower case, default port left out
 * (RFC 6454); SL_EINVAL if url is not http(s)://host[:port][/...] */
enum sl_status web_origin(const char *url, char *out, size_t outlen);

#endif
