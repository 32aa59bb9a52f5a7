/*
 * dash - what the pages of sluis-dashboard share: the application, the
 * signed-in user of a request, its language, the page frame and the
 * dashboard's own database.
 *
 * Two databases: the metrics store (store/metrics.h), opened read-only,
 * and the dashboard's own file (dashboard.db), the only one it writes:
 *   users(id INTEGER PRIMARY KEY, name TEXT UNIQUE, role TEXT, hash TEXT,
 *         failed INTEGER, locked_until INTEGER, created INTEGER)
 *   sessions(hash TEXT PRIMARY KEY, user INTEGER, csrf TEXT, created INTEGER, seen INTEGER)
 *   audit(id INTEGER PRIMARY KEY, t INTEGER, user TEXT, what TEXT, detail TEXT)
 *   causes(id INTEGER PRIMARY KEY, t INTEGER, user TEXT, cause TEXT, note TEXT)
 *   actions(id INTEGER PRIMARY KEY, t INTEGER, user TEXT, title TEXT, depts TEXT,
 *           channel TEXT, start TEXT, end TEXT)     start/end "YYYY-MM-DD", end "" open
 *   fp_reports(fp TEXT PRIMARY KEY, month TEXT, t INTEGER)
 *   fp_rules(fp TEXT, rule TEXT, month TEXT)
 *   meta(key TEXT PRIMARY KEY, value TEXT)
 * (portable SQL as in metrics.h; schema version in meta, migrations.)
 *
 * Pages: one file per page (ui-*.c), each with its handlers; the route
 * table is in main.c. Texts in three languages stand where they are used:
 * T(r, "Maand", "Month", "Mois").
 */
#ifndef SLUIS_DASH_H
#define SLUIS_DASH_H

#include <stdbool.h>
#include <stdint.h>

#include "../common/buf.h"
#include "../store/figures.h"
#include "../store/metrics.h"
#include "../store/pseudo.h"
#include "../web/html.h"
#include "../web/http.h"

enum dash_role { ROLE_VIEWER, ROLE_PRIVACY, ROLE_ADMIN };
enum dash_lang { LANG_NL, LANG_EN, LANG_FR };

/* route needs (web/http.h: the application's bits) */
#define NEED_LOGIN   (WEB_NEED_APP << 0) /* a valid session; else a redirect to /login */
#define NEED_CSRF    (WEB_NEED_APP << 1) /* the form's "csrf" equals the session's */
#define NEED_PRIVACY (WEB_NEED_APP << 2) /* role privacy or admin */
#define NEED_ADMIN   (WEB_NEED_APP << 3) /* role admin */

struct dash_config {
    char *listen;   /* 127.0.0.1:8081 */
    char *origin;   /* http://127.0.0.1:8081 */
    char *metrics;  /* the metrics store, read-only */
    char *db;       /* dashboard.db */
    char *key;      /* the pseudonym key (store/pseudo.h), for labels and reveals */
    char *organisation;
    char *language; /* default nl */
    char *tls_cert, *tls_key, *trusted_proxy;
    unsigned session_minutes; /* idle: 30 */
    unsigned lockout_tries;   /* failed logins before a lockout: 5 */
    unsigned lockout_minutes; /* 15 */
};

struct dash_app;

/* the signed-in user of a request (req->user), set by the guard */
struct dash_user {
    int64_t id;
    char name[64];
    enum dash_role role;
    char csrf[65]; /* the session's CSRF token: every form carries it as "csrf" */
};

/* what every page handler gets from the request */
struct dash_req {
    struct web_request *req;
    struct dash_app *app;
    const struct dash_user *user; /* NULL on pages without NEED_LOGIN */
    enum dash_lang lang;
};
void dash_req_init(struct dash_req *r, struct web_request *req);

#define T(r, nl, en, fr) ((r)->lang == LANG_EN ? (en) : (r)->lang == LANG_FR ? (fr) : (nl))

/* the app's parts, for the pages */
struct metrics *dash_metrics(struct dash_app *a);      /* read-only store; NULL if it could not open */
struct sqlite3 *dash_db(struct dash_app *a);           /* dashboard.db (serialised by dash_lock) */
const struct pseudo_key *dash_key(struct dash_app *a); /* NULL without a key */
const struct dash_config *dash_config(struct dash_app *a);
void dash_lock(struct dash_app *a);
void dash_unlock(struct dash_app *a);

/* dash_audit - one audit row: who (the request's user), what ("login",
 * "view month 2026-11", "reveal", "action add", "export csv"), detail */
void dash_audit(struct dash_req *r, const char *what, const char *detail);

/* page frame: head, header with the navigation (current is the path of the
 * page, for aria-current), language switch, sign-out form; then the page
 * writes its <main> content; dash_page_end closes it */
void dash_page_begin(struct html *h, const struct dash_req *r, const char *title,
                     const char *current);
void dash_page_end(struct html *h, const struct dash_req *r);
/* a hidden csrf input for a form */
void dash_csrf_field(struct html *h, const struct dash_req *r);

/* fp reports per rule and month, for figures_set_reports() */
uint64_t dash_fp_reports(void *app, const char *rule, const char *month);

#endif
