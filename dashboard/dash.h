/*
 * dash - what the pages of sluis-dashboard share: the application, the
 * signed-in user of a request, its language, the page frame and the
 * dashboard's own database.
 *
 * Two databases: the metrics store (store/metrics.h), opened read-only,
 * and the dashboard's own (db.h), the only one it writes: a file
 * (dashboard.db) or, at a postgresql:// address, the schema
 * sluis_dashboard (INTEGER is BIGINT there, an INTEGER PRIMARY KEY an
 * identity column):
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
 * (portable SQL, store/sql.h; "user" and "end" are quoted in statements,
 * PostgreSQL reserves both; schema version in meta, migrations.)
 *
 * Pages: one file per page (ui-*.c), each with its handlers; the route
 * table is in app.c (not main.c, so that the tests link it without a
 * main). Texts in three languages stand where they are used:
 * T(r, "Maand", "Month", "Mois").
 */
#ifndef SLUIS_DASH_H
#define SLUIS_DASH_H

#include <stdbool.h>
#include <stdint.h>

#include "../common/buf.h"
#include "../common/conf.h"  /* enum log_target */
#include "../store/pseudo.h" /* before figures.h, which names struct pseudo_key */
#include "../store/figures.h"
#include "../store/metrics.h"
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
    char *listen;  /* 127.0.0.1:8081 */
    char *origin;  /* http://127.0.0.1:8081 */
    char *metrics; /* the metrics store, read-only */
    char *db;      /* dashboard.db, or a postgresql:// address (db.h) */
    char *key;     /* the pseudonym key (store/pseudo.h), for labels and reveals */
    char *organisation;
    char *language; /* default nl */
    char *tls_cert, *tls_key, *trusted_proxy;
    unsigned session_minutes; /* idle: 30 */
    unsigned lockout_tries;   /* failed logins before a lockout: 5 */
    unsigned lockout_minutes; /* 15 */
    /* added with the code (extensions, nothing above changed): */
    char *user;           /* drop to this user when started as root ("" stay) */
    enum log_target log;  /* where log lines go (common/conf.h) */
    char *log_file;       /* the path of log = file:PATH */
    unsigned login_limit; /* failed logins per client address per lockout_minutes: 20 */
    bool https;           /* origin is https://: Secure cookies, __Host- */
};

struct dash_app;
struct sql;

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
    struct web_response *res; /* (added) the answer, for the language cookie; may be NULL */
};
void dash_req_init(struct dash_req *r, struct web_request *req);
/* dash_req_start - (added) dash_req_init, and res for the page frame */
void dash_req_start(struct dash_req *r, struct web_request *req, struct web_response *res);

#define T(r, nl, en, fr) ((r)->lang == LANG_EN ? (en) : (r)->lang == LANG_FR ? (fr) : (nl))

/* the app's parts, for the pages */
struct metrics *dash_metrics(struct dash_app *a); /* read-only store; NULL if it could not open */
struct sql *dash_db(struct dash_app *a); /* the dashboard's database (serialised by dash_lock) */
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

/* ---- (added) the application as a whole, for main.c, the tests and the
 * pages' shared parts (app.c) ---- */

/* dash_app_open - open dashboard.db (made and migrated when needed), the
 * metrics store read-only (a missing store is not fatal: the pages say so)
 * and the key (none when its file is missing). cfg is borrowed and must
 * outlive the app. */
enum sl_status dash_app_open(const struct dash_config *cfg, struct dash_app **out, char *err,
                             size_t errlen);
void dash_app_close(struct dash_app *a);
/* dash_metrics_error - why the metrics store did not open ("" when it
 * did): a path and a reason, for -n and the log, never for a page */
const char *dash_metrics_error(struct dash_app *a);
/* dash_app_web - the web layer's config of the app: routes, guard, error
 * page, assets, the config's listen/origin/TLS */
void dash_app_web(struct dash_app *a, struct web_config *wc);

/* dash_lang_parse, dash_lang_code - "nl", "en", "fr" */
bool dash_lang_parse(const char *s, enum dash_lang *l);
const char *dash_lang_code(enum dash_lang l);
/* dash_cookie_name - "__Host-sluis" under https, else "sluis" */
const char *dash_cookie_name(const struct dash_app *a);
/* dash_error - a whole page of a title and a text with status */
enum sl_status dash_error(struct dash_req *r, int status, const char *title, const char *text);
/* dash_month_name - "november 2026" for "2026-11" in the request's language */
void dash_month_name(const struct dash_req *r, const char *month, char *out, size_t outlen);
/* dash_pseudonym - "Zorg – medewerker 3" ("" dept: the organisation) */
void dash_pseudonym(const struct dash_req *r, const char *dept, unsigned label, char *out,
                    size_t outlen);
/* dash_csv_cell - one CSV cell (quoted when needed; a leading = + - @ gets a ') */
enum sl_status dash_csv_cell(struct buf *b, const char *s, bool last);
/* dash_json_str - s as a JSON string */
enum sl_status dash_json_str(struct buf *b, const char *s);
/* dash_pct - share (0..1) as "63,4 %" (nl, fr) or "63.4%" (en) */
void dash_pct(const struct dash_req *r, double share, char *out, size_t outlen);
/* dash_month_add - the month delta months from month ("YYYY-MM"); false on a bad month */
bool dash_month_add(const char *month, int delta, char out[8]);
/* dash_month_valid - "YYYY-MM" with a month 01..12 */
bool dash_month_valid(const char *month);
/* dash_today - "YYYY-MM-DD" and "YYYY-MM" of now, local time */
void dash_today(char day[11], char month[8]);

/* the handlers of the route table (ui-*.c) */
web_handler_fn page_login, page_login_post, page_logout, page_root;
web_handler_fn page_month, page_month_csv, page_month_json, page_print, page_reveal;
web_handler_fn page_actions, page_actions_csv, page_actions_json, page_cause_add, page_action_add;
web_handler_fn page_audit, page_audit_csv, page_audit_json, page_fp, page_fp_post;

#endif
