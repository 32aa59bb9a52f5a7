/*
 * session - what sluis-milter does with one SMTP connection, without
 * libmilter: the callbacks in milter.c call these, and the tests call them
 * with a recorder in place of the smfi_* functions (struct milter_io).
 *
 * A session holds a snapshot from connect to close, so a reload never
 * changes the rules under a message. Per message: envelope and the
 * message itself (spool.h) are gathered, the direction is decided at MAIL
 * FROM (inbound mail is accepted at DATA, untouched), and at the end of the
 * message it is scanned, decided per recipient (the strictest decision
 * wins for the message) and the decision applied. The message state is
 * reset in exactly one place, session_reset(). Any internal error gives
 * the configured error action, a temporary failure by default.
 */
#ifndef SLUIS_SESSION_H
#define SLUIS_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "snapshot.h"
#include "spool.h"

/* the MTA's side, as libmilter offers it */
struct milter_io {
    void *h;
    const char *(*macro)(void *h, const char *name); /* "i", "{auth_authen}"; NULL if unset */
    bool (*add_header)(void *h, const char *name, const char *value);
    bool (*quarantine)(void *h, const char *reason);
    bool (*set_reply)(void *h, const char *rcode, const char *xcode, const char *text);
    bool (*del_rcpt)(void *h, const char *rcpt);
    /* chg_header - the index-th (from 1) field called name gets value */
    bool (*chg_header)(void *h, const char *name, int index, const char *value);
    /* stopping - the daemon's side: has a stop been asked for? NULL: never */
    bool (*stopping)(void *h);
    /* replace_body - the message's body becomes data[0..len) (S/MIME in
     * place); NULL: cannot */
    bool (*replace_body)(void *h, const char *data, size_t len);
};

/* DISCARD: accepted and dropped, because every recipient was served
 * otherwise (the portal has the message, notices went out) */
enum session_rc {
    SESSION_CONTINUE,
    SESSION_ACCEPT,
    SESSION_REJECT,
    SESSION_TEMPFAIL,
    SESSION_DISCARD
};

struct session;

/* session_new - a session on snap (a reference is taken); NULL when memory
 * ran out */
struct session *session_new(struct snapshot *snap);
void session_free(struct session *s);

enum session_rc session_connect(struct session *s, const char *client);
enum session_rc session_envfrom(struct session *s, const struct milter_io *io, const char *from);
enum session_rc session_envrcpt(struct session *s, const struct milter_io *io, const char *rcpt);
/* session_data - the DATA command: inbound mail is accepted here, untouched,
 * and logged with the queue id Postfix gives from DATA on */
enum session_rc session_data(struct session *s, const struct milter_io *io);
enum session_rc session_header(struct session *s, const char *name, const char *value);
enum session_rc session_eoh(struct session *s);
enum session_rc session_body(struct session *s, const void *data, size_t len);
/* session_raw - the whole message at once (sluis-milter -t) */
enum session_rc session_raw(struct session *s, const void *data, size_t len);
enum session_rc session_eom(struct session *s, const struct milter_io *io);
/* session_abort - the message was abandoned; the connection goes on */
void session_abort(struct session *s);

/* session_dry_run - from now on say (on standard output) what would be
 * stored and sent instead of doing it (sluis-milter -t) */
void session_dry_run(struct session *s);

/* the decision of the last message, for -t and the tests */
enum action session_last_action(const struct session *s);

#endif
