/*
 * sluis-portal - where the recipient of a protected message opens it,
 * downloads its attachments and replies, and where its sender sees what
 * became of it and can withdraw it. See sluis-portal(8) and portal.h.
 *
 * The portal faces the internet, so it runs apart from the milter: as a
 * user of its own, with only the store and its key, and nothing from a
 * message in its log. Started as root it binds, reads its TLS files, then
 * becomes `user` before it opens the store, so the store's files stay the
 * user's. A thread per connection (web/http.c); the main thread waits for
 * signals and removes expired messages every hour.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "../common/file.h"
#include "../milter/account.h"
#include "../milter/log.h"
#include "../web/daemon.h"
#include "portal.h"
#include "view.h"

#ifndef SLUIS_VERSION
#define SLUIS_VERSION "0"
#endif
#ifndef SLUIS_SYSCONFDIR
#define SLUIS_SYSCONFDIR "/etc"
#endif
#define DEFAULT_CONFIG SLUIS_SYSCONFDIR "/sluis/sluis-portal.conf"

extern const struct web_asset portal_assets[];
extern const size_t portal_assets_count;

/* the portal of this process, read-only once serving */
static struct portal portal;

const char *portal_cookie_name(const struct portal *p)
{
    /* __Host-: only over https, for this host and path / alone */
    return p->cfg->https ? "__Host-sluis_session" : "sluis_session";
}

void portal_csrf(const char *session, char out[65])
{
    static const char label[] = "sluis portal: csrf";
    static const char digits[] = "0123456789abcdef";
    unsigned char mac[32];
    unsigned len = sizeof mac;
    HMAC(EVP_sha256(), session, (int)strlen(session), (const unsigned char *)label,
         sizeof label - 1, mac, &len);
    for (size_t i = 0; i < 32; i++) {
        out[2 * i] = digits[mac[i] >> 4];
        out[2 * i + 1] = digits[mac[i] & 15];
    }
    out[64] = '\0';
}

/* ---- routes ---- */

static enum sl_status page_health(struct web_request *req, struct web_response *res)
{
    (void)req;
    res->type = "text/plain; charset=utf-8";
    return buf_append_str(&res->body, "ok\n");
}

static enum sl_status page_logo(struct web_request *req, struct web_response *res)
{
    const struct portal *p = req->app;
    if (p->logo.path == NULL)
        return ui_store_answer(res, p, req, STORE_UNKNOWN);
    return web_response_asset(res, &p->logo);
}

static const struct web_field f_code[] = {{"code", WEB_LINE, 0, 32}};
static const struct web_field f_csrf[] = {{"csrf", WEB_TOKEN, 64, 64}};
/* the text as the form sends it; files counted together against
 * max_upload_bytes (set at start) */
static struct web_field f_reply[] = {
    {"csrf", WEB_TOKEN, 64, 64},
    {"text", WEB_TEXT, 0, 256u << 10},
    {"files", WEB_FILE, 0, 0},
};
static const struct web_field q_sent[] = {{"sent", WEB_DIGITS, 1, 1}};
static const struct web_field q_replied[] = {{"replied", WEB_DIGITS, 1, 1}};
static const struct web_field q_global[] = {{"lang", WEB_TOKEN, 2, 2}};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define FORM 4096 /* a form of a few short fields */

static struct web_route routes[] = {
    {"GET", "/p/health", page_health, 0, NULL, 0, 0, NULL, 0},
    {"GET", "/p/static/logo", page_logo, 0, NULL, 0, 0, NULL, 0},
    {"GET", "/p/s/*", page_sender, 0, NULL, 0, 0, NULL, 0},
    {"POST", "/p/s/*/revoke", page_revoke, WEB_NEED_ORIGIN, NULL, 0, FORM, NULL, 0},
    {"GET", "/p/*", page_pickup, 0, NULL, 0, 0, q_sent, N(q_sent)},
    {"POST", "/p/*/send", page_send, WEB_NEED_ORIGIN, NULL, 0, FORM, NULL, 0},
    {"POST", "/p/*/verify", page_verify, WEB_NEED_ORIGIN, f_code, N(f_code), FORM, NULL, 0},
    {"GET", "/p/*/m", page_message, NEED_SESSION, NULL, 0, 0, q_replied, N(q_replied)},
    {"GET", "/p/*/a/*", page_attachment, NEED_SESSION, NULL, 0, 0, NULL, 0},
    {"POST", "/p/*/reply", page_reply, WEB_NEED_ORIGIN | NEED_SESSION | NEED_CSRF, f_reply,
     N(f_reply), 0, NULL, 0},
    {"POST", "/p/*/logout", page_logout, WEB_NEED_ORIGIN | NEED_CSRF, f_csrf, N(f_csrf), FORM, NULL,
     0},
};

/* guard - the session and CSRF needs. Before the body: the session cookie
 * must be there and, for NEED_SESSION, open the route's thread (loaded into
 * req->user for the page); without one the reader goes back to the
 * verification page. After the fields: the form's csrf must be the
 * session's. */
static bool guard(void *app, enum web_phase phase, unsigned needs, struct web_request *req,
                  struct web_response *res)
{
    struct portal *p = app;
    const char *token = req->param[0];
    if (phase == WEB_PHASE_HEADERS) {
        size_t len = 0;
        const char *cookie = web_cookie(req, portal_cookie_name(p), &len);
        if (cookie == NULL || len != STORE_TOKEN_LEN) {
            ui_redirect(res, "/p/", token, "");
            return false;
        }
        struct portal_req *pr = calloc(1, sizeof *pr);
        if (pr == NULL) {
            res->status = 503;
            ui_store_answer(res, p, req, STORE_FAILED);
            return false;
        }
        memcpy(pr->session, cookie, STORE_TOKEN_LEN);
        req->user = pr;
        if (needs & NEED_SESSION) {
            char err[256] = "";
            enum store_fetch f =
                store_session(p->store, token, pr->session, &pr->thread, err, sizeof err);
            pr->have_thread = f == STORE_FOUND;
            if (f == STORE_UNKNOWN) {
                ui_redirect(res, "/p/", token, "");
                return false;
            }
            if (f != STORE_FOUND) {
                if (f == STORE_FAILED || f == STORE_DAMAGED)
                    log_msg(LOG_ERR, NULL, "portal: a session could not be read: %s", err);
                ui_store_answer(res, p, req, f);
                return false;
            }
        }
        return true;
    }
    if (needs & NEED_CSRF) {
        struct portal_req *pr = req->user;
        char want[65];
        size_t len = 0;
        const char *got = web_field(req, "csrf", &len);
        portal_csrf(pr->session, want);
        if (got == NULL || len != 64 || CRYPTO_memcmp(got, want, 64) != 0) {
            ui_simple(res, p, req, 403, "error", S_ERROR_TITLE, S_BAD_REQUEST_TEXT);
            return false;
        }
    }
    return true;
}

static void done(void *app, struct web_request *req)
{
    (void)app;
    struct portal_req *pr = req->user;
    if (pr == NULL)
        return;
    if (pr->have_thread)
        store_thread_free(&pr->thread);
    OPENSSL_cleanse(pr->session, sizeof pr->session);
    free(pr);
    req->user = NULL;
}

/* error_page - what the web layer refuses, as a page of the portal */
static void error_page(void *app, const struct web_request *req, struct web_response *res)
{
    const struct portal *p = app;
    static const struct web_request none = {.method = "GET", .path = "/p/"};
    const struct web_request *r = req ? req : &none;
    int status = res->status;
    buf_reset(&res->body);
    if (status == 404)
        ui_simple(res, p, r, 404, "unknown", S_UNKNOWN_TITLE, S_UNKNOWN_TEXT);
    else if (status >= 500)
        ui_simple(res, p, r, status, "error", S_ERROR_TITLE, S_ERROR_TEXT);
    else
        ui_simple(res, p, r, status, "error", S_ERROR_TITLE, S_BAD_REQUEST_TEXT);
}

static void server_log(void *app, const char *msg)
{
    (void)app;
    log_msg(LOG_ERR, NULL, "http: %s", msg);
}

/* ---- start ---- */

static int usage(FILE *f)
{
    fprintf(f, "usage: sluis-portal [-c FILE] [-f] [-n] [-V]\n"
               "  -c FILE  configuration (default " DEFAULT_CONFIG ")\n"
               "  -f       stay in the foreground (it always does; for the unit's sake)\n"
               "  -n       check the configuration, the store and its key, then exit\n"
               "  -V       print the version\n");
    return f == stderr ? 2 : 0;
}

/* load_logo - the configured logo, read once (before the user changes) */
static bool load_logo(struct portal *p, char *err, size_t errlen)
{
    const char *path = p->cfg->logo;
    if (!path[0])
        return true;
    const char *dot = strrchr(path, '.');
    const char *type = NULL;
    if (dot && strcasecmp(dot, ".png") == 0)
        type = "image/png";
    else if (dot && strcasecmp(dot, ".svg") == 0)
        type = "image/svg+xml";
    else if (dot && (strcasecmp(dot, ".jpg") == 0 || strcasecmp(dot, ".jpeg") == 0))
        type = "image/jpeg";
    if (type == NULL) {
        snprintf(err, errlen, "logo %s: not a .png, .svg or .jpg file", path);
        return false;
    }
    size_t len = 0;
    char *bytes = file_read_all(path, 1u << 20, &len, err, errlen);
    if (bytes == NULL)
        return false;
    p->logo = (struct web_asset){"/p/static/logo", type, (const unsigned char *)bytes, len};
    return true;
}

int main(int argc, char **argv)
{
    struct daemon_opts o = {.name = "sluis-portal", .conf = DEFAULT_CONFIG};
    int c = daemon_options(argc, argv, usage, &o);
    if (c >= 0)
        return c;

    static struct portal_config cfg;
    char err[1024];
    enum sl_status s;
    /* the default file is optional: the embedded defaults stand without it */
    if (daemon_defaults_only(&o))
        s = portal_config_defaults(&cfg);
    else
        s = portal_config_load(o.conf, &cfg, err, sizeof err);
    if (s != SL_OK) {
        fprintf(stderr, "sluis-portal: %s\n", s == SL_ENOMEM ? "out of memory" : err);
        return 1;
    }
    portal.cfg = &cfg;
    if (!daemon_log(&o, cfg.log, cfg.log_file, err, sizeof err)) {
        fprintf(stderr, "sluis-portal: %s\n", err);
        return 1;
    }
    f_reply[2].max = cfg.max_upload_bytes;
    /* the reply's body: the files, the text, and multipart's framing (by
     * handler, not by position in the table) */
    for (size_t i = 0; i < N(routes); i++)
        if (routes[i].handler == page_reply)
            routes[i].max_body = cfg.max_upload_bytes + (256u << 10) * 6 + 65536;

    view_init();
    if (smtp_target_parse(cfg.submission, &portal.submission, err, sizeof err) != SL_OK) {
        fprintf(stderr, "sluis-portal: submission: %s\n", err);
        return 1;
    }
    if (gethostname(portal.helo, sizeof portal.helo - 1) != 0 || !portal.helo[0])
        snprintf(portal.helo, sizeof portal.helo, "localhost");
    if (cfg.sms_url[0] &&
        otp_sms_new(cfg.sms_url, cfg.sms_token_file, &portal.sms, err, sizeof err) != SL_OK) {
        fprintf(stderr, "sluis-portal: sms: %s\n", err);
        return 1;
    }
    if (!load_logo(&portal, err, sizeof err)) {
        fprintf(stderr, "sluis-portal: %s\n", err);
        return 1;
    }
    struct account a;
    if (!account_lookup(cfg.user, "", &a, err, sizeof err)) {
        fprintf(stderr, "sluis-portal: %s\n", err);
        return 1;
    }
    if (o.check) {
        /* as the user the portal becomes, the store and the key it opens */
        if (!account_become(&a, err, sizeof err) ||
            store_open(cfg.portal_db, cfg.portal_key, 0, &portal.store, err, sizeof err) != SL_OK) {
            fprintf(stderr, "sluis-portal: %s\n", err);
            return 1;
        }
        store_free(portal.store);
        printf("sluis-portal: %s: configuration valid; the store %s opens with its key\n",
               daemon_conf_name(&o), cfg.portal_db);
        return 0;
    }

    sigset_t sigs;
    daemon_signals(&sigs);

    struct web_config wc = {.listen = cfg.listen,
                            .origin = cfg.origin,
                            .trusted_proxy = cfg.trusted_proxy,
                            .tls_cert = cfg.tls_cert,
                            .tls_key = cfg.tls_key,
                            .routes = routes,
                            .nroutes = N(routes),
                            .query = q_global,
                            .nquery = N(q_global),
                            .assets = portal_assets,
                            .nassets = portal_assets_count,
                            .guard = guard,
                            .error_page = error_page,
                            .done = done,
                            .log = server_log,
                            .app = &portal,
                            .max_connections = cfg.max_connections};
    /* the store first, as the user: the server's threads must find it open */
    struct web_server *srv = NULL;
    if (!account_become(&a, err, sizeof err)) {
        fprintf(stderr, "sluis-portal: %s\n", err);
        return 1;
    }
    if (store_open(cfg.portal_db, cfg.portal_key, 0, &portal.store, err, sizeof err) != SL_OK) {
        fprintf(stderr, "sluis-portal: %s\n", err);
        return 1;
    }
    if (web_server_start(&wc, &srv, err, sizeof err) != SL_OK) {
        fprintf(stderr, "sluis-portal: %s\n", err);
        store_free(portal.store);
        return 1;
    }
    char where[300];
    const char *colon = strrchr(cfg.listen, ':');
    fprintf(stderr, "sluis-portal %s: listening on %s://%.*s:%u/p/ (links: %s)\n", SLUIS_VERSION,
            cfg.tls_cert[0] ? "https" : "http", colon ? (int)(colon - cfg.listen) : 0, cfg.listen,
            web_server_port(srv), cfg.url);
    log_msg(LOG_INFO, NULL, "started: listening on port %u, logging to %s", web_server_port(srv),
            log_where(where, sizeof where));

    /* expired messages go every hour */
    while (daemon_wait(&sigs, 3600) == DAEMON_TICK) {
        unsigned removed = 0;
        if (store_expire(portal.store, time(NULL), &removed, err, sizeof err) != SL_OK)
            log_msg(LOG_ERR, NULL, "expiry: %s", err);
        else if (removed)
            log_msg(LOG_INFO, NULL, "expiry: %u message(s) removed", removed);
    }
    log_msg(LOG_INFO, NULL, "stopping");
    web_server_stop(srv);
    store_free(portal.store);
    otp_sms_free(portal.sms);
    free((void *)portal.logo.bytes);
    portal_config_free(&cfg);
    return 0;
}
