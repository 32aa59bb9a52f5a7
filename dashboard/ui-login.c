/*
 * ui-login - signing in and out. A failed login looks the same whether
 * the name is unknown, the password wrong or the account locked (one
 * message, one Argon2id verification each: auth_verify checks an unknown
 * name against a dummy hash). Failures count per client address (the
 * limiter: past login_limit in lockout_minutes the address gets 429 and no
 * verification) and per user (lockout_tries failures lock the account for
 * lockout_minutes). A login makes a new session and ends the one the
 * browser had.
 */
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "auth.h"
#include "dash.h"
#include "db.h"

static enum sl_status login_form(struct dash_req *r, int status, const char *error)
{
    struct web_response *res = r->res;
    struct html h = HTML_INIT(&res->body);
    const char *title = T(r, "Aanmelden", "Sign in", "Connexion");
    res->status = status;
    buf_reset(&res->body);
    dash_page_begin(&h, r, title, NULL);
    HTML_LIT(&h, "<h1>");
    html_str(&h, title);
    HTML_LIT(&h, "</h1>\n");
    if (error) {
        HTML_LIT(&h, "<p id=\"login-error\" class=\"error\" role=\"alert\">");
        html_str(&h, error);
        HTML_LIT(&h, "</p>\n");
    }
    HTML_LIT(&h, "<form id=\"login\" method=\"post\" action=\"/login\">\n"
                 "<p><label for=\"name\">");
    html_str(&h, T(r, "Gebruikersnaam", "User name", "Nom d'utilisateur"));
    HTML_LIT(&h, "</label>\n<input id=\"name\" name=\"name\" type=\"text\" required "
                 "maxlength=\"64\" autocomplete=\"username\" autocapitalize=\"none\" "
                 "spellcheck=\"false\"></p>\n<p><label for=\"password\">");
    html_str(&h, T(r, "Wachtwoord", "Password", "Mot de passe"));
    HTML_LIT(&h, "</label>\n<input id=\"password\" name=\"password\" type=\"password\" required "
                 "maxlength=\"1024\" autocomplete=\"current-password\"></p>\n"
                 "<p><button type=\"submit\">");
    html_str(&h, title);
    HTML_LIT(&h, "</button></p>\n</form>\n");
    dash_page_end(&h, r);
    return html_status(&h);
}

enum sl_status page_login(struct web_request *req, struct web_response *res)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    return login_form(&r, 200, NULL);
}

enum sl_status page_login_post(struct web_request *req, struct web_response *res)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    struct dash_app *a = r.app;
    const struct dash_config *cfg = dash_config(a);
    int64_t now = (int64_t)time(NULL);
    struct auth_limiter *lim = dash_limiter(a);
    if (!auth_limiter_allowed(lim, req->client, now)) {
        dash_audit(&r, "login refused: too many attempts from one address", "");
        return dash_error(&r, 429,
                          T(&r, "Te veel pogingen", "Too many attempts", "Trop de tentatives"),
                          T(&r,
                            "Vanaf uw verbinding is te vaak een verkeerd wachtwoord "
                            "ingevuld. Probeer het later opnieuw.",
                            "A wrong password was entered too often from your connection. "
                            "Please try again later.",
                            "Un mot de passe erroné a été saisi trop souvent depuis votre "
                            "connexion. Réessayez plus tard."));
    }
    size_t nlen = 0, plen = 0;
    const char *name = web_field(req, "name", &nlen);
    const char *pw = web_field(req, "password", &plen);
    if (name == NULL || pw == NULL)
        return login_form(&r, 400,
                          T(&r, "Vul uw naam en wachtwoord in.", "Fill in your name and password.",
                            "Saisissez votre nom et votre mot de passe."));
    struct auth_user_row u;
    bool found = false;
    dash_lock(a);
    enum sl_status st = auth_user_get(dash_db(a), name, &u, &found);
    dash_unlock(a);
    if (st != SL_OK)
        return st;
    bool ok = auth_verify(found ? u.hash : NULL, pw, plen);
    bool locked = found && u.locked_until > now;
    OPENSSL_cleanse(u.hash, sizeof u.hash);
    if (ok && !locked) {
        char token[AUTH_TOKEN_LEN + 1], csrf[65];
        size_t olen = 0;
        const char *old = web_cookie(req, dash_cookie_name(a), &olen);
        dash_lock(a);
        if (old)
            auth_session_del(dash_db(a), old, olen);
        auth_sessions_expire(dash_db(a), now, cfg->session_minutes * 60u);
        st = auth_user_ok(dash_db(a), u.id);
        if (st == SL_OK)
            st = auth_session_new(dash_db(a), u.id, now, token, csrf);
        if (st == SL_OK)
            dashdb_audit(dash_db(a), now, u.name, "login", "");
        dash_unlock(a);
        if (st == SL_OK)
            st = web_response_cookie(res, dash_cookie_name(a), token, -1, cfg->https);
        OPENSSL_cleanse(token, sizeof token);
        OPENSSL_cleanse(csrf, sizeof csrf);
        if (st != SL_OK)
            return st;
        return web_response_redirect(res, 303, "/month");
    }
    auth_limiter_failed(lim, req->client, now);
    bool now_locked = false;
    dash_lock(a);
    if (found && !locked)
        auth_user_failed(dash_db(a), u.id, now, cfg->lockout_tries, cfg->lockout_minutes * 60u,
                         &now_locked);
    /* a name that is no user's is not written down: it may be a password
     * typed in the wrong field */
    dashdb_audit(dash_db(a), now, found ? u.name : "", "login failed",
                 !found       ? "unknown user"
                 : locked     ? "account locked"
                 : now_locked ? "account locked now"
                              : "wrong password");
    dash_unlock(a);
    return login_form(&r, 403,
                      T(&r,
                        "Aanmelden is niet gelukt: de naam of het wachtwoord klopt niet, of het "
                        "account is tijdelijk geblokkeerd.",
                        "Signing in did not work: the name or the password is wrong, or the "
                        "account is locked for a while.",
                        "La connexion a échoué : le nom ou le mot de passe est erroné, ou le "
                        "compte est bloqué pour un moment."));
}

enum sl_status page_logout(struct web_request *req, struct web_response *res)
{
    struct dash_req r;
    dash_req_start(&r, req, res);
    size_t len = 0;
    const char *cookie = web_cookie(req, dash_cookie_name(r.app), &len);
    dash_audit(&r, "logout", "");
    if (cookie) {
        dash_lock(r.app);
        auth_session_del(dash_db(r.app), cookie, len);
        dash_unlock(r.app);
    }
    web_response_cookie(res, dash_cookie_name(r.app), "", 0, dash_config(r.app)->https);
    return web_response_redirect(res, 303, "/login");
}

enum sl_status page_root(struct web_request *req, struct web_response *res)
{
    (void)req;
    return web_response_redirect(res, 302, "/month");
}
