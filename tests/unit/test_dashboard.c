/*
 * test_dashboard - sluis-dashboard through web_dispatch(): the same route
 * table, guard, handlers and headers as the daemon, no socket. Real files:
 * a metrics store in a temporary folder filled with metrics_put(), its key
 * made with pseudo_keygen(), dashboard.db made by the app: a file, or with
 * SLUIS_TEST_PG set the schema sluis_dashboard of that PostgreSQL
 * database (tests/unit/testdb.h). Every page kind
 * fetched here is also checked with `tidy -e` (0: clean, 1: warnings only).
 *
 * What it checks: logins (right, wrong, unknown user answered the same,
 * lockout per user, the limit per client address); every refusal of a POST
 * (no CSRF token, a wrong one, after logout, another session's token); the
 * roles (a viewer sees no pseudonyms, privacy sees them, only an admin
 * reveals, with the reason in the audit log and never the address); the
 * month page's figures against figures_month(); the CSV and JSON exports
 * against figures_csv()/figures_json(); the actions page (its warning past
 * three running actions, before/after shares against figures_trend()); a
 * false-positive report recorded once, an unknown token refused; escaping
 * of every value that reaches a page; several processes on one database (a
 * new one opened by four at once, migrated once; failed logins at four at
 * once, each counted, a lockout reached once); the file's mode, or on
 * PostgreSQL the schema's tables; a newer schema refused on either.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "../../dashboard/auth.h"
#include "../../dashboard/config.h"
#include "../../dashboard/dash.h"
#include "../../dashboard/db.h"
#include "../../policy/policy.h"
#include "../../policy/tags.h"
#include "check.h"
#include "testdb.h"

static char dir[256];
static const char *dbtarget; /* dashboard.db, or the PostgreSQL address */
static struct web_config wc;
static struct dash_app *app;
static const char *ORIGIN = "http://127.0.0.1:8081";
static unsigned tidied;

/* ---- requests ---- */

struct answer {
    struct web_response res;
};

/* call - one request; cookie "sluis=..." or NULL; body urlencoded or NULL */
static void call(struct web_response *res, const char *method, const char *uri, const char *cookie,
                 const char *body, const char *client, const char *lang)
{
    const char *h[12];
    size_t n = 0;
    h[n++] = "Origin";
    h[n++] = ORIGIN;
    if (body) {
        h[n++] = "Content-Type";
        h[n++] = "application/x-www-form-urlencoded";
    }
    if (cookie) {
        h[n++] = "Cookie";
        h[n++] = cookie;
    }
    if (lang) {
        h[n++] = "Accept-Language";
        h[n++] = lang;
    }
    struct web_input in = {
        method, uri, h, n / 2, client ? client : "127.0.0.1", body, body ? strlen(body) : 0};
    *res = (struct web_response)WEB_RESPONSE_INIT;
    if (web_dispatch(&wc, &in, res) != SL_OK)
        res->status = -1;
    if (res->status == 0)
        res->status = 200;
    if (res->body.data == NULL)
        buf_append_str(&res->body, "");
}

static int status_of(const char *method, const char *uri, const char *cookie, const char *body)
{
    struct web_response r;
    call(&r, method, uri, cookie, body, NULL, NULL);
    int s = r.status;
    web_response_free(&r);
    return s;
}

/* tidy_ok - the page passes tidy -e (no markup error) */
static bool tidy_ok(const struct web_response *r, const char *name)
{
    char path[400], cmd[900];
    snprintf(path, sizeof path, "%s/page-%s.html", dir, name);
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return false;
    fwrite(r->body.data, 1, r->body.len, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "tidy -e -q '%s' >'%s.tidy' 2>&1", path, path);
    int st = system(cmd);
    tidied++;
    bool ok = st != -1 && WIFEXITED(st) && WEXITSTATUS(st) <= 1;
    if (!ok) {
        snprintf(cmd, sizeof cmd, "cat '%s.tidy' >&2", path);
        if (system(cmd) == -1)
            fprintf(stderr, "(tidy's output: %s.tidy)\n", path);
    }
    return ok;
}

/* figure - the number after the first data-figure="name"> in body */
static long long figure(const char *body, const char *name)
{
    char key[96];
    snprintf(key, sizeof key, "data-figure=\"%s\">", name);
    const char *p = strstr(body, key);
    return p ? strtoll(p + strlen(key), NULL, 10) : -1;
}

/* text_of - the text after the first data-figure="name"> up to '<' */
static void text_of(const char *body, const char *name, char *out, size_t outlen)
{
    char key[96];
    snprintf(key, sizeof key, "data-figure=\"%s\">", name);
    const char *p = strstr(body, key);
    out[0] = '\0';
    if (p == NULL)
        return;
    p += strlen(key);
    const char *e = strchr(p, '<');
    snprintf(out, outlen, "%.*s", e ? (int)(e - p) : 0, p);
}

struct session {
    char cookie[80]; /* "sluis=TOKEN" */
    char csrf[65];
};

/* login - POST /login; on success the session's cookie, and its csrf from
 * the month page */
static int login(const char *name, const char *pw, const char *client, struct session *s)
{
    char body[256];
    snprintf(body, sizeof body, "name=%s&password=%s", name, pw);
    struct web_response r;
    call(&r, "POST", "/login", NULL, body, client, NULL);
    int status = r.status;
    memset(s, 0, sizeof *s);
    const char *sc = web_response_header(&r, "Set-Cookie");
    if (status == 303 && sc && strncmp(sc, "sluis=", 6) == 0) {
        const char *semi = strchr(sc, ';');
        snprintf(s->cookie, sizeof s->cookie, "%.*s", semi ? (int)(semi - sc) : 0, sc);
    }
    web_response_free(&r);
    if (s->cookie[0]) {
        call(&r, "GET", "/actions", s->cookie, NULL, client, NULL);
        const char *p = strstr(r.body.data, "name=\"csrf\" value=\"");
        if (p)
            snprintf(s->csrf, sizeof s->csrf, "%.64s", p + 19);
        web_response_free(&r);
    }
    return status;
}

/* ---- the store ---- */

static struct pseudo_key key;
static char fp_token[] = "fp-token-of-one-message-0123456789abcdef";
static char fp_hex[65];

static void sha256_hex(const char *s, char out[65])
{
    unsigned char md[32];
    unsigned len = sizeof md;
    EVP_Digest(s, strlen(s), md, &len, EVP_sha256(), NULL);
    for (int i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
}

static const char *const months[] = {"2026-07", "2026-08", "2026-09", "2026-10"};
static const char *const depts[] = {"Zorg", "GGZ", "<b>Thuis</b> & \"co\""};

/* fill - a few hundred events over four months and three departments: in
 * Zorg the protected share rises from October (the action's month) */
static void fill(const char *path)
{
    struct metrics *m = NULL;
    char err[256];
    CHECK(metrics_open(path, false, &m, err, sizeof err) == SL_OK, "metrics_open: %s", err);
    if (m == NULL)
        exit(1);
    static struct event ev[400];
    const unsigned char *sealed[400];
    size_t sealed_len[400];
    static unsigned char seal_buf[400][PSEUDO_SEALED_MAX];
    size_t n = 0;
    for (size_t mi = 0; mi < NELEM(months); mi++) {
        for (size_t di = 0; di < NELEM(depts); di++) {
            for (int k = 0; k < 25; k++) {
                struct event *e = &ev[n];
                memset(e, 0, sizeof *e);
                struct tm tm = {
                    .tm_year = 126, .tm_mon = 6 + (int)mi, .tm_mday = 10 + k % 10, .tm_hour = 12};
                event_set_time(e, (int64_t)timegm(&tm));
                char addr[96];
                snprintf(addr, sizeof addr, "staff%d.%zu@org.example", k % 3, di);
                pseudo_sender(&key, addr, e->sender);
                size_t sl = 0;
                pseudo_seal(&key, addr, seal_buf[n], sizeof seal_buf[n], &sl);
                sealed[n] = seal_buf[n];
                sealed_len[n] = sl;
                snprintf(e->dept, sizeof e->dept, "%s", depts[di]);
                e->sensitive = k % 5 != 0;
                e->mode = MODE_ENFORCE;
                e->size = 1000 + (uint64_t)k * 10;
                e->scan_us = 500 + (uint32_t)k * 100;
                bool improved = di == 0 && mi == 3;
                int action = !e->sensitive                      ? ACTION_PASS
                             : k % 7 == 0                       ? ACTION_HOLD
                             : (improved ? k % 10 == 1 : k % 2) ? ACTION_PASS
                                                                : ACTION_PORTAL;
                if (e->sensitive && action == ACTION_PASS)
                    e->mode = MODE_MONITOR;
                e->action = (uint8_t)action;
                e->intended = (uint8_t)(e->sensitive ? ACTION_PORTAL : ACTION_PASS);
                event_add_recipient(e, EVENT_ORG, k % 4 ? "ziekenhuis.example" : "<zorg>.example",
                                    action, e->intended,
                                    action == ACTION_PORTAL ? EVENT_CH_PORTAL : EVENT_CH_NONE);
                event_add_recipient(e, EVENT_INTERNAL, "", ACTION_PASS, ACTION_PASS, EVENT_CH_NONE);
                if (e->sensitive) {
                    event_add_rule(e, "nl.bsn", "identifier");
                    if (k % 3 == 0)
                        event_add_rule(e, "health.diagnosis", "health");
                }
                if (n == 7)
                    snprintf(e->fp, sizeof e->fp, "%s", fp_hex);
                n++;
            }
        }
    }
    CHECK(metrics_put(m, ev, n, sealed, sealed_len, err, sizeof err) == SL_OK, "metrics_put: %s",
          err);
    metrics_close(m);
}

static void set(char **field, const char *v)
{
    free(*field);
    *field = strdup(v);
}

/* ---- tests ---- */

static void test_login(struct session *admin)
{
    struct web_response r;
    call(&r, "GET", "/login", NULL, NULL, NULL, NULL);
    CHECK(r.status == 200 && strstr(r.body.data, "<label for=\"password\">") != NULL,
          "GET /login: got %d", r.status);
    CHECK(tidy_ok(&r, "login"), "tidy: /login");
    CHECK(web_response_header(&r, "Content-Security-Policy") != NULL, "GET /login: no CSP");
    web_response_free(&r);

    struct session s;
    int st = login("anna", "anna-password-1", "10.0.0.1", &s);
    CHECK(st == 303 && strlen(s.cookie) == 6 + AUTH_TOKEN_LEN && strlen(s.csrf) == 64,
          "login anna: got %d, cookie '%s', csrf %zu", st, s.cookie, strlen(s.csrf));
    *admin = s;
    call(&r, "POST", "/login", NULL, "name=anna&password=anna-password-1", "10.0.0.1", NULL);
    const char *sc = web_response_header(&r, "Set-Cookie");
    CHECK(sc && strstr(sc, "; Path=/; HttpOnly; SameSite=Strict") && !strstr(sc, "Secure"),
          "login cookie: got %s", sc ? sc : "(none)");
    CHECK(strcmp(web_response_header(&r, "Location") ? web_response_header(&r, "Location") : "",
                 "/month") == 0,
          "login goes to /month");
    web_response_free(&r);

    /* wrong password and unknown user: the same answer */
    struct web_response w, u;
    call(&w, "POST", "/login", NULL, "name=anna&password=wrong-password-1", "10.0.0.2", NULL);
    call(&u, "POST", "/login", NULL, "name=nobody&password=wrong-password-1", "10.0.0.2", NULL);
    CHECK(w.status == 403 && u.status == 403 && web_response_header(&w, "Set-Cookie") == NULL,
          "wrong password %d, unknown user %d: want 403, no cookie", w.status, u.status);
    CHECK(w.body.len == u.body.len && memcmp(w.body.data, u.body.data, w.body.len) == 0,
          "wrong password and unknown user: want the same page");
    CHECK(strstr(w.body.data, "id=\"login-error\"") != NULL, "failed login: the message");
    CHECK(tidy_ok(&w, "login-failed"), "tidy: failed login");
    web_response_free(&w);
    web_response_free(&u);

    /* lockout: lockout_tries (3) failures lock the user; then the right
     * password is refused too, with the same page */
    for (int i = 0; i < 3; i++)
        CHECK(login("lara", "not-laras-password", "10.0.0.3", &s) == 403, "lara wrong %d", i);
    CHECK(login("lara", "lara-password-1", "10.0.0.4", &s) == 403 && !s.cookie[0],
          "lara locked: the right password refused");
    struct auth_user_row row;
    bool found = false;
    auth_user_get(dash_db(app), "lara", &row, &found);
    CHECK(found && row.locked_until > time(NULL) + 800, "lara: locked for 15 minutes");
    dash_lock(app);
    sql_exec(dash_db(app), "UPDATE users SET locked_until = 0 WHERE name = 'lara'");
    dash_unlock(app);
    CHECK(login("lara", "lara-password-1", "10.0.0.4", &s) == 303, "lara unlocked: signs in");

    /* the limit per address (8 failures): then even a right password gets 429 */
    for (int i = 0; i < 8; i++) {
        char name[32];
        snprintf(name, sizeof name, "ghost%d", i);
        CHECK(login(name, "ghost-password-1", "10.0.0.9", &s) == 403, "ghost %d", i);
    }
    CHECK(login("anna", "anna-password-1", "10.0.0.9", &s) == 429 && !s.cookie[0],
          "address over its limit: want 429");
    CHECK(login("anna", "anna-password-1", "10.0.0.10", &s) == 303, "another address signs in");

    /* without a session: GET goes to /login, POST is refused */
    call(&r, "GET", "/month", NULL, NULL, NULL, NULL);
    CHECK(r.status == 303 && web_response_header(&r, "Location") &&
              strcmp(web_response_header(&r, "Location"), "/login") == 0,
          "GET /month without a session: got %d", r.status);
    web_response_free(&r);
    CHECK(status_of("GET", "/month", "sluis=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NULL) ==
              303,
          "a made-up session: to /login");
    CHECK(status_of("GET", "/", admin->cookie, NULL) == 302, "GET / redirects");
}

static void test_month(const struct session *admin, const struct session *privacy,
                       const struct session *viewer)
{
    struct fig_month f;
    char err[256];
    struct web_response r;
    dash_lock(app);
    CHECK(figures_month(dash_metrics(app), "2026-10", "", &key, &f, err, sizeof err) == SL_OK,
          "figures_month: %s", err);
    dash_unlock(app);

    call(&r, "GET", "/month?m=2026-10", admin->cookie, NULL, NULL, NULL);
    CHECK(r.status == 200, "GET /month: got %d", r.status);
    const struct {
        const char *name;
        uint64_t want;
    } figs[] = {
        {"outgoing", f.all.outgoing},       {"external", f.all.external},
        {"sensitive", f.all.sensitive},     {"protected", f.all.protected_},
        {"unprotected", f.all.unprotected}, {"held", f.all.held},
        {"rejected", f.all.rejected},       {"channel-portal", f.all.channel[EVENT_CH_PORTAL]},
        {"by-monitor", f.all.by_monitor},   {"scan-n", f.timing.n},
        {"scan-p95", f.timing.p95_us},
    };
    for (size_t i = 0; i < NELEM(figs); i++)
        CHECK(figure(r.body.data, figs[i].name) == (long long)figs[i].want,
              "month figure %s: got %lld, want %llu", figs[i].name,
              figure(r.body.data, figs[i].name), (unsigned long long)figs[i].want);
    CHECK(f.all.outgoing == 75 && f.all.sensitive > 0, "the store holds 75 events in October");
    char got[64], want[64];
    struct dash_req dr = {.lang = LANG_NL};
    dash_pct(&dr, fig_share(&f.all), want, sizeof want);
    text_of(r.body.data, "protected-share", got, sizeof got);
    CHECK(strcmp(got, want) == 0, "protected share: got '%s', want '%s'", got, want);
    CHECK(strstr(r.body.data, "id=\"senders\"") && strstr(r.body.data, "class=\"reveal\""),
          "admin: pseudonyms and the reveal form");
    CHECK(strstr(r.body.data, "Zorg \u2013 medewerker 1") != NULL, "a pseudonym label");
    CHECK(strstr(r.body.data, "org.example") == NULL, "no address on the month page");
    CHECK(strstr(r.body.data, "&lt;b&gt;Thuis&lt;/b&gt; &amp; &quot;co&quot;") != NULL &&
              strstr(r.body.data, "<b>Thuis") == NULL,
          "a department's name escaped");
    CHECK(strstr(r.body.data, "&lt;zorg&gt;.example") != NULL, "a domain escaped");
    CHECK(strstr(r.body.data, "id=\"print-link\" href=\"/print?m=2026-10\"") != NULL,
          "the printable report one click away");
    CHECK(strstr(r.body.data, "<option value=\"2026-07\">") != NULL, "the month switch");
    CHECK(tidy_ok(&r, "month-admin"), "tidy: month (admin)");
    web_response_free(&r);

    call(&r, "GET", "/month?m=2026-10", privacy->cookie, NULL, NULL, NULL);
    CHECK(r.status == 200 && strstr(r.body.data, "id=\"senders\"") &&
              !strstr(r.body.data, "class=\"reveal\""),
          "privacy: pseudonyms, no reveal form");
    web_response_free(&r);
    call(&r, "GET", "/month?m=2026-10", viewer->cookie, NULL, NULL, NULL);
    CHECK(r.status == 200 && !strstr(r.body.data, "id=\"senders\"") &&
              !strstr(r.body.data, "medewerker"),
          "viewer: figures only, no pseudonyms");
    CHECK(tidy_ok(&r, "month-viewer"), "tidy: month (viewer)");
    web_response_free(&r);

    /* one department */
    struct fig_month fz;
    dash_lock(app);
    figures_month(dash_metrics(app), "2026-10", "Zorg", &key, &fz, err, sizeof err);
    dash_unlock(app);
    call(&r, "GET", "/month?m=2026-10&dept=Zorg", admin->cookie, NULL, NULL, "en");
    CHECK(r.status == 200 && figure(r.body.data, "sensitive") == (long long)fz.all.sensitive &&
              figure(r.body.data, "protected") == (long long)fz.all.protected_,
          "month of Zorg: sensitive %lld want %llu", figure(r.body.data, "sensitive"),
          (unsigned long long)fz.all.sensitive);
    CHECK(strstr(r.body.data, "Monthly figures October 2026") != NULL, "Accept-Language: en");
    web_response_free(&r);
    figures_month_free(&fz);

    /* exports: figures_csv and figures_json of the same month */
    struct fig_month copy = f;
    copy.nsenders = 0;
    struct buf csv = BUF_INIT, json = BUF_INIT;
    figures_csv(&copy, &csv);
    figures_json(&copy, &json);
    call(&r, "GET", "/month.csv?m=2026-10", viewer->cookie, NULL, NULL, NULL);
    CHECK(r.status == 200 && r.body.len == csv.len && memcmp(r.body.data, csv.data, csv.len) == 0,
          "month.csv: want figures_csv's bytes");
    CHECK(web_response_header(&r, "Content-Disposition") &&
              strstr(web_response_header(&r, "Content-Disposition"), "sluis-2026-10.csv"),
          "month.csv: an attachment");
    web_response_free(&r);
    call(&r, "GET", "/month.json?m=2026-10", viewer->cookie, NULL, NULL, NULL);
    CHECK(r.status == 200 && r.body.len == json.len &&
              memcmp(r.body.data, json.data, json.len) == 0,
          "month.json: want figures_json's bytes");
    CHECK(strstr(r.body.data, "org.example") == NULL, "month.json: no address");
    web_response_free(&r);
    buf_free(&csv);
    /* an admin's export is sluis report's whole: the senders by label, no hash */
    figures_csv(&f, &csv);
    call(&r, "GET", "/month.csv?m=2026-10", admin->cookie, NULL, NULL, NULL);
    CHECK(f.nsenders > 0 && r.status == 200 && r.body.len == csv.len &&
              memcmp(r.body.data, csv.data, csv.len) == 0 &&
              strstr(r.body.data, f.senders[0].hash) == NULL,
          "month.csv for an admin: figures_csv's bytes with %zu senders, no hash", f.nsenders);
    web_response_free(&r);
    buf_free(&csv);
    buf_free(&json);

    call(&r, "GET", "/print?m=2026-10", viewer->cookie, NULL, NULL, NULL);
    CHECK(r.status == 200 && figure(r.body.data, "sensitive") == (long long)f.all.sensitive &&
              !strstr(r.body.data, "<form id=\"month-switch\""),
          "print: the figures, no forms");
    CHECK(tidy_ok(&r, "print"), "tidy: print");
    web_response_free(&r);
    figures_month_free(&f);
}

/* a sender of the month as the page lists it, for the reveal */
static void first_sender(char hash[65])
{
    struct fig_month f;
    char err[256];
    hash[0] = '\0';
    dash_lock(app);
    if (figures_month(dash_metrics(app), "2026-10", "", &key, &f, err, sizeof err) == SL_OK) {
        if (f.nsenders)
            memcpy(hash, f.senders[0].hash, 65);
        figures_month_free(&f);
    }
    dash_unlock(app);
}

/* count - the one number a query answers, -1 on error; "user" is quoted
 * in the queries (unquoted, PostgreSQL reads it as current_user) */
static int count(const char *text)
{
    struct sql_stmt *q = NULL;
    int n = -1;
    dash_lock(app);
    if (sql_prepare(dash_db(app), text, &q) == SQL_OK && sql_step(q) == SQL_ROW)
        n = sql_column_int(q, 0);
    sql_finalize(q);
    dash_unlock(app);
    return n;
}

static void test_reveal(struct session *admin, const struct session *privacy,
                        const struct session *viewer)
{
    char hash[65], body[512];
    first_sender(hash);
    CHECK(hash[0] != '\0', "a sender to reveal");
    const char *reason = "gesprek+over+onveilig+mailen+gepland";
    struct web_response r;

    /* refusals: no token, a wrong one, another session's, a role below admin */
    snprintf(body, sizeof body, "m=2026-10&dept=&sender=%s&reason=%s", hash, reason);
    CHECK(status_of("POST", "/reveal", admin->cookie, body) == 403, "reveal without csrf: 403");
    snprintf(body, sizeof body, "csrf=%064d&m=2026-10&dept=&sender=%s&reason=%s", 7, hash, reason);
    CHECK(status_of("POST", "/reveal", admin->cookie, body) == 403, "reveal, wrong csrf: 403");
    struct session other;
    CHECK(login("anna", "anna-password-1", "10.0.0.11", &other) == 303, "a second session");
    CHECK(strcmp(other.csrf, admin->csrf) != 0, "each session its own csrf");
    snprintf(body, sizeof body, "csrf=%s&m=2026-10&dept=&sender=%s&reason=%s", other.csrf, hash,
             reason);
    CHECK(status_of("POST", "/reveal", admin->cookie, body) == 403,
          "reveal with another session's csrf: 403");
    snprintf(body, sizeof body, "csrf=%s&m=2026-10&dept=&sender=%s&reason=%s", viewer->csrf, hash,
             reason);
    CHECK(status_of("POST", "/reveal", viewer->cookie, body) == 403, "viewer cannot reveal");
    snprintf(body, sizeof body, "csrf=%s&m=2026-10&dept=&sender=%s&reason=%s", privacy->csrf, hash,
             reason);
    CHECK(status_of("POST", "/reveal", privacy->cookie, body) == 403, "privacy cannot reveal");
    snprintf(body, sizeof body, "csrf=%s&m=2026-10&dept=&sender=%s&reason=kort", admin->csrf, hash);
    CHECK(status_of("POST", "/reveal", admin->cookie, body) == 400, "a reason under 10: 400");
    CHECK(count("SELECT COUNT(*) FROM audit WHERE what = 'reveal'") == 0, "nothing revealed yet");

    /* the admin, with a reason */
    snprintf(body, sizeof body, "csrf=%s&m=2026-10&dept=&sender=%s&reason=%s", admin->csrf, hash,
             reason);
    call(&r, "POST", "/reveal", admin->cookie, body, NULL, NULL);
    CHECK(r.status == 200 && strstr(r.body.data, "@org.example</dd>") != NULL,
          "admin reveals: got %d", r.status);
    CHECK(tidy_ok(&r, "reveal"), "tidy: reveal");
    web_response_free(&r);
    CHECK(count("SELECT COUNT(*) FROM audit WHERE what = 'reveal' AND \"user\" = 'anna' AND detail "
                "LIKE '2026-10 % medewerker %: gesprek over onveilig mailen gepland'") == 1,
          "the reveal in the audit log with its reason");
    CHECK(count("SELECT COUNT(*) FROM audit WHERE detail LIKE '%org.example%'") == 0,
          "no address in the audit log");

    /* after logout the session is gone */
    snprintf(body, sizeof body, "csrf=%s", other.csrf);
    call(&r, "POST", "/logout", other.cookie, body, NULL, NULL);
    const char *sc = web_response_header(&r, "Set-Cookie");
    CHECK(r.status == 303 && sc && strstr(sc, "Max-Age=0"), "logout: cookie removed");
    web_response_free(&r);
    snprintf(body, sizeof body, "csrf=%s&m=2026-10&dept=&sender=%s&reason=%s", other.csrf, hash,
             reason);
    CHECK(status_of("POST", "/reveal", other.cookie, body) == 403, "after logout: 403");
    CHECK(status_of("GET", "/month", other.cookie, NULL) == 303, "after logout: to /login");
}

static void test_actions(const struct session *admin, const struct session *viewer)
{
    char body[768];
    struct web_response r;
    char today[11];
    dash_today(today, NULL);

    snprintf(body, sizeof body,
             "csrf=%s&title=Uitleg+portaal&depts=Zorg&channel=portal&start=2026-10-01&end=",
             viewer->csrf);
    CHECK(status_of("POST", "/actions/add", viewer->cookie, body) == 403, "viewer adds nothing");
    snprintf(body, sizeof body,
             "title=Uitleg+portaal&depts=Zorg&channel=portal&start=2026-10-01&end=");
    CHECK(status_of("POST", "/actions/add", admin->cookie, body) == 403, "no csrf: 403");
    snprintf(body, sizeof body,
             "csrf=%s&title=Uitleg+portaal&depts=Zorg&channel=portal&start=2026-13-01&end=",
             admin->csrf);
    CHECK(status_of("POST", "/actions/add", admin->cookie, body) == 400, "a bad date: 400");

    /* three running: no warning; a fourth: the warning */
    const char *titles[] = {"Uitleg+portaal", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                            "%3DHYPERLINK(%22x%22)", "Vierde+actie"};
    for (int i = 0; i < 4; i++) {
        snprintf(body, sizeof body,
                 "csrf=%s&title=%s&depts=Zorg&channel=portal&start=%s&end=", admin->csrf, titles[i],
                 i == 0 ? "2026-10-01" : today);
        CHECK(status_of("POST", "/actions/add", admin->cookie, body) == 303, "action %d added", i);
        call(&r, "GET", "/actions", admin->cookie, NULL, NULL, NULL);
        bool warned = strstr(r.body.data, "id=\"too-many-actions\"") != NULL;
        CHECK(warned == (i == 3), "after %d actions: warning %d", i + 1, warned);
        if (i == 3) {
            CHECK(tidy_ok(&r, "actions"), "tidy: actions");
            CHECK(strstr(r.body.data, "&lt;script&gt;alert(1)&lt;/script&gt;") &&
                      !strstr(r.body.data, "<script"),
                  "an action's title escaped");
        }
        web_response_free(&r);
    }
    snprintf(body, sizeof body, "csrf=%s&cause=cumbersome&note=%%22te+veel+klikken%%22",
             admin->csrf);
    CHECK(status_of("POST", "/actions/cause", admin->cookie, body) == 303, "a cause recorded");
    snprintf(body, sizeof body, "csrf=%s&cause=made-up&note=", admin->csrf);
    CHECK(status_of("POST", "/actions/cause", admin->cookie, body) == 400, "an unknown cause: 400");
    call(&r, "GET", "/actions", viewer->cookie, NULL, NULL, NULL);
    CHECK(r.status == 200 && strstr(r.body.data, "Het veilige kanaal is omslachtig") &&
              strstr(r.body.data, "&quot;te veel klikken&quot;") &&
              !strstr(r.body.data, "id=\"action-add\""),
          "viewer sees causes and actions, no forms");
    CHECK(tidy_ok(&r, "actions-viewer"), "tidy: actions (viewer)");
    web_response_free(&r);

    /* before and after of the first action, from figures_trend */
    struct fig_point before[3], after[1];
    char err[256];
    dash_lock(app);
    figures_trend(dash_metrics(app), "2026-09", 3, "Zorg", before, err, sizeof err);
    figures_trend(dash_metrics(app), "2026-10", 1, "Zorg", after, err, sizeof err);
    dash_unlock(app);
    uint64_t bs = 0, bp = 0;
    for (int i = 0; i < 3; i++)
        bs += before[i].c.sensitive, bp += before[i].c.protected_;
    call(&r, "GET", "/actions.json", admin->cookie, NULL, NULL, NULL);
    char want[200];
    snprintf(want, sizeof want,
             "\"before\":{\"protected\":%llu,\"sensitive\":%llu,\"share\":%.4f},"
             "\"after\":{\"protected\":%llu,\"sensitive\":%llu",
             (unsigned long long)bp, (unsigned long long)bs, bs ? (double)bp / (double)bs : 0.0,
             (unsigned long long)after[0].c.protected_, (unsigned long long)after[0].c.sensitive);
    CHECK(r.status == 200 && strstr(r.body.data, want) != NULL, "actions.json: want %s in %s", want,
          r.body.data);
    CHECK(after[0].c.sensitive && bs &&
              (double)after[0].c.protected_ / (double)after[0].c.sensitive >
                  (double)bp / (double)bs,
          "the generated history improves after the action");
    CHECK(strstr(r.body.data, "\"running\":4") != NULL, "actions.json: four running");
    web_response_free(&r);
    call(&r, "GET", "/actions.csv", admin->cookie, NULL, NULL, NULL);
    CHECK(r.status == 200 && strstr(r.body.data, ",\"'=HYPERLINK(\"\"x\"\")\",") != NULL,
          "actions.csv: a formula cell neutralised: %s", r.body.data);
    web_response_free(&r);
}

static void test_fp(const struct session *admin)
{
    char uri[128];
    struct web_response r;
    snprintf(uri, sizeof uri, "/fp/%s", fp_token);
    call(&r, "GET", uri, NULL, NULL, NULL, NULL);
    CHECK(r.status == 200 && strstr(r.body.data, "<form id=\"fp\" method=\"post\""),
          "GET /fp/TOKEN: a confirmation page, got %d", r.status);
    CHECK(tidy_ok(&r, "fp"), "tidy: fp");
    web_response_free(&r);
    CHECK(count("SELECT COUNT(*) FROM fp_reports") == 0, "GET records nothing");
    call(&r, "POST", uri, NULL, "confirm=1", NULL, NULL);
    CHECK(r.status == 200 && strstr(r.body.data, "geteld"), "POST /fp: recorded, got %d", r.status);
    web_response_free(&r);
    call(&r, "POST", uri, NULL, "confirm=1", NULL, NULL);
    CHECK(r.status == 200 && strstr(r.body.data, "al gemeld"), "POST /fp again: counted once");
    web_response_free(&r);
    CHECK(count("SELECT COUNT(*) FROM fp_reports") == 1, "one report");
    CHECK(count("SELECT COUNT(*) FROM fp_rules WHERE rule = 'nl.bsn'") == 1 &&
              count("SELECT COUNT(*) FROM fp_rules") >= 1,
          "the report against the event's rules");
    call(&r, "POST", "/fp/no-such-token-at-all", NULL, "confirm=1", NULL, NULL);
    CHECK(r.status == 404 && strstr(r.body.data, "Onbekende link"), "unknown token: got %d",
          r.status);
    CHECK(tidy_ok(&r, "fp-unknown"), "tidy: fp unknown");
    web_response_free(&r);
    CHECK(count("SELECT COUNT(*) FROM fp_reports") == 1, "an unknown token records nothing");

    /* the month of that event shows the report in the rule's rate */
    char month[8] = "";
    struct event_rule rules[EVENT_RULES_MAX];
    size_t n = 0;
    dash_lock(app);
    figures_event_rules(dash_metrics(app), fp_hex, rules, EVENT_RULES_MAX, &n, month, sizeof month);
    dash_unlock(app);
    snprintf(uri, sizeof uri, "/month?m=%s", month);
    call(&r, "GET", uri, admin->cookie, NULL, NULL, NULL);
    const char *row = strstr(r.body.data, "data-rule=\"nl.bsn\"");
    CHECK(row && figure(row, "reports") == 1, "the rules table: one report against nl.bsn");
    web_response_free(&r);
}

static void test_misc(const struct session *admin, const struct session *privacy)
{
    struct web_response r;
    call(&r, "GET", "/audit", privacy->cookie, NULL, NULL, NULL);
    CHECK(r.status == 403, "privacy: no audit page, got %d", r.status);
    web_response_free(&r);
    call(&r, "GET", "/audit", admin->cookie, NULL, NULL, NULL);
    CHECK(r.status == 200 && strstr(r.body.data, "reveal") && strstr(r.body.data, "view month"),
          "admin: the audit page");
    CHECK(tidy_ok(&r, "audit"), "tidy: audit");
    web_response_free(&r);
    call(&r, "GET", "/audit.csv", admin->cookie, NULL, NULL, NULL);
    CHECK(r.status == 200 && strncmp(r.body.data, "id,time,user,what,detail\r\n", 26) == 0 &&
              strstr(r.body.data, ",anna,reveal,"),
          "audit.csv");
    web_response_free(&r);
    call(&r, "GET", "/audit.json", admin->cookie, NULL, NULL, NULL);
    CHECK(r.status == 200 && strncmp(r.body.data, "{\"audit\":[{", 11) == 0, "audit.json");
    web_response_free(&r);
    CHECK(count("SELECT COUNT(*) FROM audit WHERE what = 'login' AND \"user\" = 'anna'") >= 3 &&
              count("SELECT COUNT(*) FROM audit WHERE what = 'export csv'") >= 2 &&
              count("SELECT COUNT(*) FROM audit WHERE what = 'action add'") == 4 &&
              count("SELECT COUNT(*) FROM audit WHERE what = 'cause add'") == 1 &&
              count("SELECT COUNT(*) FROM audit WHERE what = 'login failed' AND \"user\" = '' "
                    "AND detail = 'unknown user'") >= 9,
          "the audit log: logins, exports, changes, failed logins without the name typed");
    CHECK(count("SELECT COUNT(*) FROM audit WHERE detail LIKE '%ghost%'") == 0,
          "an unknown name is not kept");

    call(&r, "GET", "/static/dashboard.css", NULL, NULL, NULL, NULL);
    CHECK(r.status == 200 && strstr(r.type ? r.type : "", "text/css") != NULL, "the style sheet");
    web_response_free(&r);
    call(&r, "GET", "/static/icon.svg", NULL, NULL, NULL, NULL);
    CHECK(r.status == 200, "the icon every page links");
    web_response_free(&r);
    call(&r, "GET", "/no/such/page", admin->cookie, NULL, NULL, NULL);
    CHECK(r.status == 404 && tidy_ok(&r, "404"), "404 page");
    web_response_free(&r);
    call(&r, "GET", "/month?m=2026-10&lang=fr", admin->cookie, NULL, NULL, NULL);
    const char *sc = web_response_header(&r, "Set-Cookie");
    CHECK(r.status == 200 && strstr(r.body.data, "Chiffres du mois") && sc &&
              strncmp(sc, "sluis_lang=fr", 13) == 0,
          "?lang=fr: French and its cookie");
    CHECK(strstr(r.body.data, "href=\"/month?lang=en&amp;m=2026-10\"") != NULL,
          "the language switch keeps the month");
    web_response_free(&r);
    call(&r, "GET", "/month?m=2026-10&dept=%00", admin->cookie, NULL, NULL, NULL);
    CHECK(r.status == 400, "%%00 in a query: 400, got %d", r.status);
    web_response_free(&r);
    /* a POST from another origin is refused before anything else */
    const char *h[] = {"Origin", "http://evil.example", "Content-Type",
                       "application/x-www-form-urlencoded"};
    struct web_input in = {"POST", "/login", h, 2, "127.0.0.1", "name=anna&password=x", 20};
    r = (struct web_response)WEB_RESPONSE_INIT;
    web_dispatch(&wc, &in, &r);
    CHECK(r.status == 403, "POST from another origin: 403, got %d", r.status);
    web_response_free(&r);
}

/* sessions: idle ones end; a login ends the session the browser had */
static void test_sessions(void)
{
    struct session s1, s2;
    CHECK(login("vera", "vera-password-1", "10.0.3.1", &s1) == 303, "vera signs in");
    CHECK(status_of("GET", "/month", s1.cookie, NULL) == 200, "a fresh session works");
    int before = count("SELECT COUNT(*) FROM sessions");
    /* a login from the same browser (its cookie sent along) replaces its session */
    struct web_response r;
    const char *h[] = {"Origin", ORIGIN,   "Content-Type", "application/x-www-form-urlencoded",
                       "Cookie", s1.cookie};
    struct web_input in = {"POST", "/login", h, 3, "10.0.3.1", "name=vera&password=vera-password-1",
                           34};
    r = (struct web_response)WEB_RESPONSE_INIT;
    web_dispatch(&wc, &in, &r);
    const char *sc = web_response_header(&r, "Set-Cookie");
    CHECK(r.status == 303 && sc && strncmp(sc, s1.cookie, strlen(s1.cookie)) != 0,
          "a new token at login");
    if (sc) {
        const char *semi = strchr(sc, ';');
        snprintf(s2.cookie, sizeof s2.cookie, "%.*s", semi ? (int)(semi - sc) : 0, sc);
    }
    web_response_free(&r);
    CHECK(status_of("GET", "/month", s1.cookie, NULL) == 303, "the old session is gone");
    CHECK(count("SELECT COUNT(*) FROM sessions") == before, "one session replaced by one");
    /* idle past session_minutes (30): to /login, and the row is removed */
    dash_lock(app);
    sql_exec(dash_db(app), "UPDATE sessions SET seen = seen - 1801");
    dash_unlock(app);
    CHECK(status_of("GET", "/month", s2.cookie, NULL) == 303, "an idle session ends");
    char q[128];
    /* now from here, not the engine's clock function (each has its own) */
    snprintf(q, sizeof q, "SELECT COUNT(*) FROM sessions WHERE seen >= %lld - 1800",
             (long long)time(NULL));
    CHECK(count(q) == 0, "no session left that is not idle");
    CHECK(count("SELECT COUNT(*) FROM sessions") < before, "the idle session's row removed");
    CHECK(count("SELECT COUNT(*) FROM sessions WHERE length(hash) = 64") ==
              count("SELECT COUNT(*) FROM sessions"),
          "sessions kept as SHA-256 hex, not as tokens");
}

/* under https: the cookie is __Host-sluis, Secure */
static void test_https(struct dash_config *base)
{
    static struct dash_config cfg;
    struct dash_app *a2 = NULL;
    char err[512];
    cfg = *base;
    cfg.origin = "https://dashboard.example";
    cfg.https = true;
    CHECK(dash_app_open(&cfg, &a2, err, sizeof err) == SL_OK, "a second app: %s", err);
    if (a2 == NULL)
        return;
    struct web_config w2;
    dash_app_web(a2, &w2);
    const char *h[] = {"Origin", "https://dashboard.example", "Content-Type",
                       "application/x-www-form-urlencoded"};
    struct web_input in = {"POST", "/login", h, 2, "10.0.2.1", "name=anna&password=anna-password-1",
                           34};
    struct web_response r = WEB_RESPONSE_INIT;
    web_dispatch(&w2, &in, &r);
    const char *sc = web_response_header(&r, "Set-Cookie");
    CHECK(r.status == 303 && sc && strncmp(sc, "__Host-sluis=", 13) == 0 &&
              strstr(sc, "; Path=/; HttpOnly; SameSite=Strict; Secure"),
          "https: got %d %s", r.status, sc ? sc : "(no cookie)");
    web_response_free(&r);
    dash_app_close(a2);
}

static void test_db(void)
{
    char path[400];
    struct sql *db = NULL;
    char err[256];
    CHECK(dashdb_schema(dash_db(app)) == DASHDB_SCHEMA, "schema %d", dashdb_schema(dash_db(app)));
    if (testdb_pg() == NULL) {
        /* the file is 0640, at schema 1; a newer schema is refused */
        struct stat st;
        snprintf(path, sizeof path, "%s/dashboard.db", dir);
        CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0640, "dashboard.db is 0640, got %o",
              st.st_mode & 0777);
        snprintf(path, sizeof path, "%s/newer.db", dir);
        CHECK(dashdb_open(path, &db, err, sizeof err) == SL_OK, "a new dashboard.db: %s", err);
        CHECK(db && sql_exec(db, "UPDATE meta SET value = '99' WHERE key = 'schema'") == SQL_OK,
              "newer.db at schema 99");
        dashdb_close(db);
        CHECK(dashdb_open(path, &db, err, sizeof err) != SL_OK && strstr(err, "newer"),
              "a newer schema refused: %s", err);
    } else {
        /* PostgreSQL: the tables in the schema sluis_dashboard; a newer
         * schema there is refused too, and the refusal writes nothing */
        CHECK(count("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'sluis_dashboard' AND "
                    "tablename IN ('users', 'sessions', 'audit', 'causes', 'actions', "
                    "'fp_reports', 'fp_rules', 'meta')") == 8,
              "the tables in the schema sluis_dashboard");
        dash_lock(app);
        CHECK(sql_exec(dash_db(app), "UPDATE meta SET value = '99' WHERE key = 'schema'") == SQL_OK,
              "the database at schema 99");
        dash_unlock(app);
        CHECK(dashdb_open(dbtarget, &db, err, sizeof err) != SL_OK && strstr(err, "newer"),
              "a newer schema refused: %s", err);
        dash_lock(app);
        CHECK(dashdb_schema(dash_db(app)) == 99, "the refusal changed nothing");
        sql_exec(dash_db(app), "UPDATE meta SET value = '1' WHERE key = 'schema'");
        dash_unlock(app);
        db = NULL;
        CHECK(dashdb_open(dbtarget, &db, err, sizeof err) == SL_OK, "at schema 1 again: %s", err);
        dashdb_close(db);
    }
    /* ids from the engine (an identity column on PostgreSQL) */
    struct auth_user_row a, p;
    bool fa = false, fpi = false;
    auth_user_get(dash_db(app), "anna", &a, &fa);
    auth_user_get(dash_db(app), "piet", &p, &fpi);
    CHECK(fa && fpi && a.id > 0 && p.id > 0 && a.id != p.id, "users' ids: %lld, %lld",
          (long long)a.id, (long long)p.id);
    /* argon2id with the stated cost */
    struct auth_user_row u;
    bool found = false;
    auth_user_get(dash_db(app), "anna", &u, &found);
    CHECK(found && strncmp(u.hash, "$argon2id$v=19$m=65536,t=3,p=1$", 31) == 0,
          "anna's hash: argon2id m=64 MiB t=3 p=1");
    CHECK(!auth_verify(NULL, "anything-at-all", 15), "no user: never verified");
    char out[AUTH_HASH_MAX];
    CHECK(auth_user_add(dash_db(app), "x", ROLE_VIEWER, "short", 5, out, sizeof out) == SL_EINVAL,
          "a password under 12 bytes refused");
}

/* ---- several processes on one database (two dashboards, `sluis user`) ---- */

#define CHILD_FAILED 100 /* a child's exit status when its database calls failed */

/* children - fn(db, i) in n processes at once (released together), each
 * on a connection of its own: the sum of their exit statuses, -1 when one
 * failed (CHILD_FAILED, a signal). The app's connection is left alone: a
 * child ends with _exit and never closes it. */
static int children(int n, int (*fn)(int i))
{
    pid_t pid[8];
    int go[2];
    if (n > 8 || pipe(go) != 0)
        return -1;
    fflush(NULL);
    for (int i = 0; i < n; i++) {
        pid[i] = fork();
        if (pid[i] == 0) {
            char c;
            close(go[1]);
            ssize_t r = read(go[0], &c, 1); /* 0: the parent let go */
            (void)r;
            _exit(fn(i));
        }
    }
    close(go[0]);
    close(go[1]);
    int sum = 0;
    for (int i = 0; i < n; i++) {
        int st = 0;
        if (pid[i] < 0 || waitpid(pid[i], &st, 0) != pid[i] || !WIFEXITED(st) ||
            WEXITSTATUS(st) == CHILD_FAILED)
            sum = -1;
        else if (sum >= 0)
            sum += WEXITSTATUS(st);
    }
    return sum;
}

static int child_open(int i)
{
    struct sql *db = NULL;
    char err[512];
    if (dashdb_open(dbtarget, &db, err, sizeof err) != SL_OK) {
        fprintf(stderr, "child %d: %s\n", i, err);
        return CHILD_FAILED;
    }
    dashdb_close(db);
    return 0;
}

static int64_t ines; /* the user the children fail to sign in as */

/* child_fail - 25 failed logins, never reaching the lockout */
static int child_fail(int i)
{
    struct sql *db = NULL;
    char err[512];
    bool locked = false;
    if (dashdb_open(dbtarget, &db, err, sizeof err) != SL_OK) {
        fprintf(stderr, "child %d: %s\n", i, err);
        return CHILD_FAILED;
    }
    int rc = 0;
    for (int k = 0; k < 25 && rc == 0; k++)
        if (auth_user_failed(db, ines, (int64_t)time(NULL), 1000, 600, &locked) != SL_OK || locked)
            rc = CHILD_FAILED;
    dashdb_close(db);
    return rc;
}

/* child_lock - 5 failed logins against a lockout at 10: how many locked */
static int child_lock(int i)
{
    struct sql *db = NULL;
    char err[512];
    if (dashdb_open(dbtarget, &db, err, sizeof err) != SL_OK) {
        fprintf(stderr, "child %d: %s\n", i, err);
        return CHILD_FAILED;
    }
    int locks = 0;
    for (int k = 0; k < 5; k++) {
        bool locked = false;
        if (auth_user_failed(db, ines, (int64_t)time(NULL), 10, 600, &locked) != SL_OK) {
            locks = CHILD_FAILED;
            break;
        }
        locks += locked;
    }
    dashdb_close(db);
    return locks;
}

/* a new database opened by four processes at once (on PostgreSQL: not
 * even its schema there yet): each waits for the other's migration and
 * finds it done (none fails on a table that exists, none writes the
 * version twice) */
static void test_parallel_open(void)
{
    CHECK(children(4, child_open) == 0, "four processes open a new database at once");
    struct sql *db = NULL;
    struct sql_stmt *q = NULL;
    char err[512];
    int rows = -1;
    CHECK(dashdb_open(dbtarget, &db, err, sizeof err) == SL_OK, "then once more: %s", err);
    if (db == NULL)
        return;
    CHECK(dashdb_schema(db) == DASHDB_SCHEMA, "at schema %d", dashdb_schema(db));
    if (sql_prepare(db, "SELECT COUNT(*) FROM meta", &q) == SQL_OK && sql_step(q) == SQL_ROW)
        rows = sql_column_int(q, 0);
    sql_finalize(q);
    CHECK(rows == 1, "one version row, got %d", rows);
    dashdb_close(db);
}

/* failed logins at four dashboards at once: every one counted, and a
 * lockout reached once */
static void test_parallel_failures(void)
{
    char err[512];
    struct auth_user_row u;
    bool found = false;
    dash_lock(app);
    CHECK(auth_user_add(dash_db(app), "ines", ROLE_VIEWER, "ines-password-1", 15, err,
                        sizeof err) == SL_OK,
          "user ines: %s", err);
    auth_user_get(dash_db(app), "ines", &u, &found);
    dash_unlock(app);
    ines = u.id;
    CHECK(found && children(4, child_fail) == 0, "4 x 25 failed logins");
    dash_lock(app);
    auth_user_get(dash_db(app), "ines", &u, &found);
    dash_unlock(app);
    CHECK(found && u.failed == 100 && u.locked_until == 0, "100 failures counted, got %u",
          u.failed);
    dash_lock(app);
    auth_user_ok(dash_db(app), ines);
    dash_unlock(app);
    int locks = children(4, child_lock);
    dash_lock(app);
    auth_user_get(dash_db(app), "ines", &u, &found);
    dash_unlock(app);
    CHECK(locks == 1 && found && u.failed == 0 && u.locked_until > time(NULL) + 500,
          "4 x 5 failures against a lockout at 10: locked once (got %d), failed %u", locks,
          u.failed);
}

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "/tmp/test_dashboard.XXXXXX");
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    setenv("TZ", "UTC", 1);
    tzset();
    char kpath[400], mpath[400], dpath[400], err[512];
    snprintf(kpath, sizeof kpath, "%s/metrics.key", dir);
    snprintf(mpath, sizeof mpath, "%s/metrics.db", dir);
    snprintf(dpath, sizeof dpath, "%s/dashboard.db", dir);
    CHECK(pseudo_keygen(kpath, err, sizeof err) == SL_OK, "keygen: %s", err);
    CHECK(pseudo_load(kpath, &key, err, sizeof err) == SL_OK, "key: %s", err);
    sha256_hex(fp_token, fp_hex);
    fill(mpath);

    static struct dash_config cfg;
    dash_config_defaults(&cfg);
    set(&cfg.listen, "127.0.0.1:0");
    set(&cfg.metrics, mpath);
    dbtarget = testdb_target(dpath, "sluis_dashboard");
    set(&cfg.db, dbtarget);
    set(&cfg.key, kpath);
    set(&cfg.organisation, "Zorggroep <Test> & co");
    cfg.lockout_tries = 3;
    cfg.login_limit = 8;
    test_parallel_open();
    CHECK(dash_app_open(&cfg, &app, err, sizeof err) == SL_OK, "dash_app_open: %s", err);
    if (app == NULL)
        return check_summary("test_dashboard");
    dash_app_web(app, &wc);
    const struct {
        const char *name, *pw;
        enum dash_role role;
    } users[] = {{"anna", "anna-password-1", ROLE_ADMIN},
                 {"piet", "piet-password-1", ROLE_PRIVACY},
                 {"vera", "vera-password-1", ROLE_VIEWER},
                 {"lara", "lara-password-1", ROLE_VIEWER}};
    for (size_t i = 0; i < NELEM(users); i++)
        CHECK(auth_user_add(dash_db(app), users[i].name, users[i].role, users[i].pw,
                            strlen(users[i].pw), err, sizeof err) == SL_OK,
              "user %s: %s", users[i].name, err);

    struct session admin, privacy, viewer;
    test_login(&admin);
    CHECK(login("piet", "piet-password-1", "10.0.1.1", &privacy) == 303, "piet signs in");
    CHECK(login("vera", "vera-password-1", "10.0.1.2", &viewer) == 303, "vera signs in");
    test_month(&admin, &privacy, &viewer);
    test_reveal(&admin, &privacy, &viewer);
    test_actions(&admin, &viewer);
    test_fp(&admin);
    test_misc(&admin, &privacy);
    test_https(&cfg);
    test_sessions();
    test_db();
    test_parallel_failures();
    CHECK(tidied >= 12, "pages through tidy: %u", tidied);

    dash_app_close(app);
    dash_config_free(&cfg);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    /* TEST_DASHBOARD_KEEP=1 keeps the folder (its pages, the databases) to look at */
    if (check_failed == 0 && !getenv("TEST_DASHBOARD_KEEP") && system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_summary("test_dashboard");
}
