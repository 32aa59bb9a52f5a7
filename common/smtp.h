/*
 * smtp - SMTP submission (RFC 5321) through libcurl: how sluis-milter
 * submits its notices and the copies it splits off, through a loopback
 * submission service that does not pass through the milter, and how it
 * hands a message to an organisation's own portal by mail.
 *
 * One call is one session: connect, EHLO (HELO if refused), MAIL FROM,
 * RCPT TO per recipient, DATA (dot-stuffed, CRLF line ends), QUIT. Every
 * reply is awaited at most the target's timeout (in whole seconds, rounded
 * up: libcurl 7.88 counts in seconds, and notices a stall within about a
 * second of it) and the whole session is bounded by a deadline, so a
 * server that stalls cannot hold a milter thread. No TLS and no proxy: the
 * target is a loopback address or a unix socket. Thread-safe; libcurl's
 * global state is set up by the first smtp_target_parse. Error texts name
 * the step and the server's reply code, never an address or content.
 */
#ifndef SLUIS_SMTP_H
#define SLUIS_SMTP_H

#include <stddef.h>

#include "status.h"

enum smtp_result {
    SMTP_OK,   /* accepted for every recipient */
    SMTP_TEMP, /* try again later: 4xx, no connection, a timeout */
    SMTP_PERM, /* refused: 5xx */
};

struct smtp_target {
    char host[256]; /* a name or address; empty for a unix socket */
    char port[16];
    char path[108];       /* unix socket */
    unsigned timeout_ms;  /* per read or write (default 10 s) */
    unsigned deadline_ms; /* the whole session (default 60 s) */
};

/* smtp_target_parse - "HOST:PORT", "[IPv6]:PORT" or "unix:/path" into t
 * (a host of letters, digits, '.', '-' and '_', or an IPv6 literal).
 * SL_EPARSE with the reason in err. Call it before starting threads: the
 * first call sets up libcurl. */
enum sl_status smtp_target_parse(const char *spec, struct smtp_target *t, char *err, size_t errlen);

/* smtp_send - submit msg[0..len) (borrowed; LF or CRLF line ends) from
 * sender ("" for the null sender <>) to the n recipients (bare addresses,
 * borrowed). helo is the name to greet with. An address or name with a
 * control character or an angle bracket is refused (SMTP_PERM) before
 * connecting. SMTP_OK only when every recipient and the data were
 * accepted; otherwise the reason in err. */
enum smtp_result smtp_send(const struct smtp_target *t, const char *helo, const char *sender,
                           const char *const *rcpts, size_t n, const void *msg, size_t len,
                           char *err, size_t errlen);

const char *smtp_result_name(enum smtp_result r);

#endif
