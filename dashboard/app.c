/*
 * app - sluis-dashboard as one object: its two databases, the pseudonym
 * key, the login limiter, the route table and the guard that enforces each
 * route's needs before its handler runs (cgit's cmd.c: want_repo). main.c
 * only reads the config and serves; the tests drive the same table through
 * web_dispatch(). The table lives here rather than in main.c so that the
 * tests link it without a main().
 *
 * Threads: the web layer runs handlers concurrently. The dashboard's
 * database and the metrics store each have one connection; dash_lock() serialises every use
 * of them (an internal page for a few people: simple beats fast).
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <openssl/crypto.h>

#include "../milter/log.h"
#include "auth.h"
#include "dash.h"
#include "db.h"

extern const struct web_asset dashboard_assets[];
extern const size_t dashboard_assets_count;

struct dash_app {
    const struct dash_config *cfg;
    struct sql *db; /* dashboard.db or PostgreSQL (db.h) */
    struct metrics *metrics;
    struct pseudo_key key;
    bool have_key;
    pthread_mutex_t lock;
    pthread_mutex_t open_lock; /* metrics and metrics_tried */
    time_t metrics_tried;
    char metrics_err[512]; /* why the store did not open (for -n and the log) */
    struct auth_limiter *limiter;
};

struct metrics *dash_metrics(struct dash_app *a)
{
    /* the store may appear after the dashboard started (the milter makes
     * it with its first event): try again, at most every 10 seconds */
    pthread_mutex_lock(&a->open_lock);
    time_t now = time(NULL);
    if (a->metrics == NULL && now - a->metrics_tried >= 10) {
        a->metrics_tried = now;
        if (metrics_open(a->cfg->metrics, true, &a->metrics, a->metrics_err,
                         sizeof a->metrics_err) != SL_OK)
            a->metrics = NULL;
        else
            a->metrics_err[0] = '\0';
    }
    struct metrics *m = a->metrics;
    pthread_mutex_unlock(&a->open_lock);
    return m;
}

struct sql *dash_db(struct dash_app *a)
{
    return a->db;
}

const struct pseudo_key *dash_key(struct dash_app *a)
{
    return a->have_key ? &a->key : NULL;
}

const struct dash_config *dash_config(struct dash_app *a)
{
    return a->cfg;
}

void dash_lock(struct dash_app *a)
{
    pthread_mutex_lock(&a->lock);
}

void dash_unlock(struct dash_app *a)
{
    pthread_mutex_unlock(&a->lock);
}

struct auth_limiter *dash_limiter(struct dash_app *a)
{
    return a->limiter;
}

const char *dash_metrics_error(struct dash_app *a)
{
    pthread_mutex_lock(&a->open_lock);
    static __thread char copy[512];
    snprintf(copy, sizeof copy, "%s", a->metrics_err);
    pthread_mutex_unlock(&a->open_lock);
    return copy;
}

const char *dash_cookie_name(const struct dash_app *a)
{
    /* __Host-: only over https, for this host and path / alone */
    return a->cfg->https ? "__Host-sluis" : "sluis";
}

uint64_t dash_fp_reports(void *app, const char *rule, const char *month)
{
    /* called by figures_set_reports while the caller holds dash_lock */
    struct dash_app *a = app;
    return dashdb_fp_count(a->db, rule, month);
}

enum sl_status dash_app_open(const struct dash_config *cfg, struct dash_app **out, char *err,
                             size_t errlen)
{
    *out = NULL;
    struct dash_app *a = calloc(1, sizeof *a);
    if (a == NULL) {
        snprintf(err, errlen, "out of memory");
        return SL_ENOMEM;
    }
    a->cfg = cfg;
    pthread_mutex_init(&a->lock, NULL);
    pthread_mutex_init(&a->open_lock, NULL);
    a->metrics_tried = -100;
    a->limiter = auth_limiter_new(cfg->login_limit, cfg->lockout_minutes * 60u);
    enum sl_status st = a->limiter ? dashdb_open(cfg->db, &a->db, err, errlen) : SL_ENOMEM;
    if (st == SL_OK && cfg->key[0]) {
        struct stat sb;
        if (stat(cfg->key, &sb) == 0) {
            st = pseudo_load(cfg->key, &a->key, err, errlen);
            a->have_key = st == SL_OK;
        }
    }
    if (st == SL_OK)
        dash_metrics(a); /* not there yet (no mail seen): the pages say so */
    if (st != SL_OK) {
        if (st == SL_ENOMEM)
            snprintf(err, errlen, "out of memory");
        dash_app_close(a);
        return st;
    }
    *out = a;
    return SL_OK;
}

void dash_app_close(struct dash_app *a)
{
    if (a == NULL)
        return;
    if (a->metrics)
        metrics_close(a->metrics);
    dashdb_close(a->db);
    auth_limiter_free(a->limiter);
    OPENSSL_cleanse(&a->key, sizeof a->key);
    pthread_mutex_destroy(&a->lock);
    pthread_mutex_destroy(&a->open_lock);
    free(a);
}

void dash_audit(struct dash_req *r, const char *what, const char *detail)
{
    dash_lock(r->app);
    dashdb_audit(r->app->db, (int64_t)time(NULL), r->user ? r->user->name : "", what,
                 detail ? detail : "");
    dash_unlock(r->app);
}

/* ---- routes ---- */

static enum sl_status page_health(struct web_request *req, struct web_response *res)
{
    (void)req;
    res->type = "text/plain; charset=utf-8";
    return buf_append_str(&res->body, "ok\n");
}

static const struct web_field f_login[] = {{"name", WEB_LINE, 1, 64},
                                           {"password", WEB_LINE, 1, 1024}};
static const struct web_field f_csrf[] = {{"csrf", WEB_TOKEN, 64, 64}};
static const struct web_field f_reveal[] = {{"csrf", WEB_TOKEN, 64, 64},
                                            {"m", WEB_LINE, 7, 7},
                                            {"dept", WEB_LINE, 0, EVENT_DEPT_MAX},
                                            {"sender", WEB_TOKEN, 64, 64},
                                            {"reason", WEB_TEXT, 10, 500}};
static const struct web_field f_cause[] = {
    {"csrf", WEB_TOKEN, 64, 64}, {"cause", WEB_TOKEN, 1, 31}, {"note", WEB_TEXT, 0, 2000}};
static const struct web_field f_action[] = {
    {"csrf", WEB_TOKEN, 64, 64},   {"title", WEB_LINE, 1, 200}, {"depts", WEB_LINE, 0, 1000},
    {"channel", WEB_TOKEN, 1, 31}, {"start", WEB_LINE, 10, 10}, {"end", WEB_LINE, 0, 10}};
static const struct web_field f_fp[] = {{"confirm", WEB_DIGITS, 1, 1}};
static const struct web_field q_month[] = {{"m", WEB_LINE, 0, 7},
                                           {"dept", WEB_LINE, 0, EVENT_DEPT_MAX}};
static const struct web_field q_global[] = {{"lang", WEB_TOKEN, 2, 2}};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define FORM 8192 /* a form of a few short fields */
#define O    WEB_NEED_ORIGIN
#define L    NEED_LOGIN

static const struct web_route routes[] = {
    {"GET", "/health", page_health, 0, NULL, 0, 0, NULL, 0},
    {"GET", "/login", page_login, 0, NULL, 0, 0, NULL, 0},
    {"POST", "/login", page_login_post, O, f_login, N(f_login), FORM, NULL, 0},
    {"POST", "/logout", page_logout, O | L | NEED_CSRF, f_csrf, N(f_csrf), FORM, NULL, 0},
    {"GET", "/", page_root, L, NULL, 0, 0, NULL, 0},
    {"GET", "/month", page_month, L, NULL, 0, 0, q_month, N(q_month)},
    {"GET", "/month.csv", page_month_csv, L, NULL, 0, 0, q_month, N(q_month)},
    {"GET", "/month.json", page_month_json, L, NULL, 0, 0, q_month, N(q_month)},
    {"GET", "/print", page_print, L, NULL, 0, 0, q_month, N(q_month)},
    {"POST", "/reveal", page_reveal, O | L | NEED_CSRF | NEED_ADMIN, f_reveal, N(f_reveal), FORM,
     NULL, 0},
    {"GET", "/actions", page_actions, L, NULL, 0, 0, NULL, 0},
    {"GET", "/actions.csv", page_actions_csv, L, NULL, 0, 0, NULL, 0},
    {"GET", "/actions.json", page_actions_json, L, NULL, 0, 0, NULL, 0},
    {"POST", "/actions/cause", page_cause_add, O | L | NEED_CSRF | NEED_PRIVACY, f_cause,
     N(f_cause), FORM, NULL, 0},
    {"POST", "/actions/add", page_action_add, O | L | NEED_CSRF | NEED_PRIVACY, f_action,
     N(f_action), FORM, NULL, 0},
    {"GET", "/audit", page_audit, L | NEED_ADMIN, NULL, 0, 0, NULL, 0},
    {"GET", "/audit.csv", page_audit_csv, L | NEED_ADMIN, NULL, 0, 0, NULL, 0},
    {"GET", "/audit.json", page_audit_json, L | NEED_ADMIN, NULL, 0, 0, NULL, 0},
    {"GET", "/fp/*", page_fp, 0, NULL, 0, 0, NULL, 0},
    {"POST", "/fp/*", page_fp_post, O, f_fp, N(f_fp), FORM, NULL, 0},
};

/* refuse - a page for a request the guard stops */
static bool refuse(struct web_request *req, struct web_response *res, int status)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    r.user = NULL;
    if (status == 403)
        dash_error(&r, 403, T(&r, "Geen toegang", "No access", "Accès refusé"),
                   T(&r, "U mag deze pagina niet zien of dit formulier niet versturen.",
                     "You may not see this page or send this form.",
                     "Vous ne pouvez pas voir cette page ni envoyer ce formulaire."));
    else
        dash_error(
            &r, status, T(&r, "Niet aangemeld", "Not signed in", "Non connecté"),
            T(&r, "Meld u opnieuw aan.", "Please sign in again.", "Veuillez vous reconnecter."));
    return false;
}

/* guard - the needs. Before the body: a session for NEED_LOGIN (else a GET
 * goes to /login and a POST is refused) and the role. After the fields:
 * the form's csrf must be the session's (CRYPTO_memcmp). */
static bool guard(void *app, enum web_phase phase, unsigned needs, struct web_request *req,
                  struct web_response *res)
{
    struct dash_app *a = app;
    if (phase == WEB_PHASE_HEADERS) {
        if (!(needs & NEED_LOGIN))
            return true;
        size_t len = 0;
        const char *cookie = web_cookie(req, dash_cookie_name(a), &len);
        struct dash_user *u = calloc(1, sizeof *u);
        if (u == NULL) {
            res->status = 503;
            return refuse(req, res, 503);
        }
        enum sl_status st = SL_EINVAL;
        if (cookie != NULL) {
            dash_lock(a);
            st = auth_session_get(a->db, cookie, len, (int64_t)time(NULL),
                                  a->cfg->session_minutes * 60u, u);
            dash_unlock(a);
        }
        if (st != SL_OK) {
            free(u);
            if (strcmp(req->method, "POST") == 0)
                return refuse(req, res, 403);
            web_response_redirect(res, 303, "/login");
            return false;
        }
        req->user = u;
        if (((needs & NEED_ADMIN) && u->role != ROLE_ADMIN) ||
            ((needs & NEED_PRIVACY) && u->role == ROLE_VIEWER))
            return refuse(req, res, 403);
        return true;
    }
    if (needs & NEED_CSRF) {
        const struct dash_user *u = req->user;
        size_t len = 0;
        const char *got = web_field(req, "csrf", &len);
        if (u == NULL || got == NULL || len != 64 || CRYPTO_memcmp(got, u->csrf, 64) != 0)
            return refuse(req, res, 403);
    }
    return true;
}

static void done(void *app, struct web_request *req)
{
    (void)app;
    struct dash_user *u = req->user;
    if (u == NULL)
        return;
    OPENSSL_cleanse(u, sizeof *u);
    free(u);
    req->user = NULL;
}

/* error_page - what the web layer refuses, as a page of the dashboard */
static void error_page(void *app, const struct web_request *req, struct web_response *res)
{
    static struct web_request none = {.method = "GET", .path = "/"};
    struct web_request copy = req ? *req : none;
    copy.app = app;
    copy.user = NULL; /* the frame shows no user on an error page */
    struct dash_req r;
    int status = res->status;
    buf_reset(&res->body);
    dash_req_start(&r, &copy, res);
    if (status == 404)
        dash_error(&r, 404, T(&r, "Niet gevonden", "Not found", "Introuvable"),
                   T(&r, "Deze pagina bestaat niet.", "This page does not exist.",
                     "Cette page n'existe pas."));
    else if (status >= 500)
        dash_error(&r, status, T(&r, "Storing", "Something went wrong", "Erreur"),
                   T(&r, "Probeer het over een paar minuten opnieuw.",
                     "Please try again in a few minutes.", "Réessayez dans quelques minutes."));
    else
        dash_error(&r, status, T(&r, "Ongeldig verzoek", "Bad request", "Requête invalide"),
                   T(&r, "Dit verzoek kan niet worden verwerkt.", "This request cannot be handled.",
                     "Cette requête ne peut pas être traitée."));
}

static void server_log(void *app, const char *msg)
{
    (void)app;
    log_msg(LOG_ERR, NULL, "http: %s", msg);
}

void dash_app_web(struct dash_app *a, struct web_config *wc)
{
    *wc = (struct web_config){.listen = a->cfg->listen,
                              .origin = a->cfg->origin,
                              .trusted_proxy = a->cfg->trusted_proxy,
                              .tls_cert = a->cfg->tls_cert,
                              .tls_key = a->cfg->tls_key,
                              .routes = routes,
                              .nroutes = N(routes),
                              .query = q_global,
                              .nquery = N(q_global),
                              .assets = dashboard_assets,
                              .nassets = dashboard_assets_count,
                              .guard = guard,
                              .error_page = error_page,
                              .done = done,
                              .log = server_log,
                              .app = a};
}
