/*
 * auth - who may use the dashboard: users with Argon2id password hashes
 * (libargon2), sessions whose tokens are stored only as SHA-256 hashes,
 * a CSRF token per session, and a limit of failed logins per client
 * address. The login's steps (rate limit, lockout, audit) are ui-login.c's;
 * this file holds the pieces, also used by `sluis user`.
 *
 * Passwords: argon2id, t = 3 passes, m = 64 MiB, p = 1 lane, 16-byte salt
 * from RAND_bytes, 32-byte hash, kept in the PHC string format
 * ($argon2id$v=19$m=65536,t=3,p=1$salt$hash) so a later change of cost
 * reads old hashes still (OWASP's floor today is m = 19 MiB, t = 2, p = 1;
 * this is RFC 9106's second recommended option with one lane). At most one
 * verification runs at a time (a mutex), so logins never hold more than
 * 64 MiB between them.
 *
 * Functions on the database's connection (store/sql.h, db.h) are not
 * thread-safe on it (the app serialises with dash_lock()); auth_verify and
 * the limiter are.
 */
#ifndef SLUIS_DASH_AUTH_H
#define SLUIS_DASH_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/status.h"
#include "dash.h"

#define AUTH_T_COST       3
#define AUTH_M_COST       (64u * 1024u) /* KiB */
#define AUTH_PARALLELISM  1
#define AUTH_PASSWORD_MIN 12 /* bytes */
#define AUTH_PASSWORD_MAX 1024
#define AUTH_HASH_MAX     160 /* the encoded hash */
#define AUTH_TOKEN_LEN    43  /* a session token: base64url of 32 random bytes */

struct sql;

bool auth_role_parse(const char *s, enum dash_role *r); /* "viewer", "privacy", "admin" */
const char *auth_role_name(enum dash_role r);

/* auth_name_valid - a user name: 1..63 of a-z A-Z 0-9 . _ - @ */
bool auth_name_valid(const char *name);

/* auth_hash - the encoded argon2id hash of len bytes of pw */
enum sl_status auth_hash(const char *pw, size_t len, char out[AUTH_HASH_MAX]);
/* auth_verify - pw matches the encoded hash; with hash NULL it checks
 * against a dummy hash of the same cost, so an unknown user costs what a
 * known one does (and is never let in) */
bool auth_verify(const char *hash, const char *pw, size_t len);

/* users */
/* auth_user_add - a new user; an existing name is SL_EINVAL ("exists
 * already" in err) */
enum sl_status auth_user_add(struct sql *db, const char *name, enum dash_role role, const char *pw,
                             size_t len, char *err, size_t errlen);
/* auth_user_del - remove the user called name with its sessions, in one
 * write transaction (not inside another); *found false when there is none */
enum sl_status auth_user_del(struct sql *db, const char *name, bool *found);
struct auth_user_row {
    int64_t id;
    char name[64];
    enum dash_role role;
    int64_t created, locked_until;
    unsigned failed;
    char hash[AUTH_HASH_MAX];
};
/* auth_user_get - the user called name; *found false when there is none */
enum sl_status auth_user_get(struct sql *db, const char *name, struct auth_user_row *u,
                             bool *found);
/* auth_user_list - every user, by name (bytes), without hashes (*out the
 * caller's to free) */
enum sl_status auth_user_list(struct sql *db, struct auth_user_row **out, size_t *n);
/* auth_user_failed - one more failed login: at tries failures the user is
 * locked until now + lock_s (failures start again from 0); *locked says
 * whether this one locked it. One write transaction (db.h), so failures
 * at several dashboards at once are all counted; a user locked meanwhile
 * (until after now) is left as it is. Not inside another transaction. */
enum sl_status auth_user_failed(struct sql *db, int64_t id, int64_t now, unsigned tries,
                                unsigned lock_s, bool *locked);
/* auth_user_ok - a successful login: failures back to 0 */
enum sl_status auth_user_ok(struct sql *db, int64_t id);

/* sessions: the token is the cookie's value; only its SHA-256 is kept */
/* auth_session_new - a new session of user: token and csrf filled */
enum sl_status auth_session_new(struct sql *db, int64_t user, int64_t now,
                                char token[AUTH_TOKEN_LEN + 1], char csrf[65]);
/* auth_session_get - the user of a token not idle longer than idle_s (nor
 * older than 12 hours): SL_OK with *u filled, SL_EINVAL when there is no
 * such session (an expired one is removed); seen is moved forward to now */
enum sl_status auth_session_get(struct sql *db, const char *token, size_t len, int64_t now,
                                unsigned idle_s, struct dash_user *u);
/* auth_session_del - end the session of token (none: nothing happens) */
enum sl_status auth_session_del(struct sql *db, const char *token, size_t len);
/* auth_sessions_expire - remove every idle or old session */
enum sl_status auth_sessions_expire(struct sql *db, int64_t now, unsigned idle_s);

/* the failed logins of client addresses, per window of window_s seconds */
struct auth_limiter;
struct auth_limiter *auth_limiter_new(unsigned limit, unsigned window_s);
void auth_limiter_free(struct auth_limiter *l);
/* auth_limiter_allowed - the address has not reached its limit */
bool auth_limiter_allowed(struct auth_limiter *l, const char *client, int64_t now);
void auth_limiter_failed(struct auth_limiter *l, const char *client, int64_t now);
/* dash_limiter - the app's limiter (app.c) */
struct auth_limiter *dash_limiter(struct dash_app *a);

#endif
