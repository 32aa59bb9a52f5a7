/*
 * log - sluis-milter's log lines, to syslog (facility mail), standard
 * error or a file of its own (log = file:PATH, lines stamped in ISO 8601
 * local time). A line about a message carries its Postfix queue id
 * ("NOQUEUE" before the MTA has given one); a line about the milter itself
 * carries none. Never message content, addresses or identifiers: callers
 * pass rule ids, categories, counts and decisions. Thread-safe; log_open
 * and log_reopen are called by one thread (start-up, SIGHUP).
 */
#ifndef SLUIS_LOG_H
#define SLUIS_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <syslog.h>

#include "config.h"

/* log_name - the program's name on every line (borrowed; "sluis-milter"
 * until set); call before log_open */
void log_name(const char *name);

/* log_open - lines go to syslog or standard error from now on */
void log_open(enum log_target t);

/* log_open_file - lines go to the file at path (absolute, borrowed) from
 * now on: opened for appending, line-buffered, made 0640 when it is new.
 * false with err (naming the path) when it cannot be opened; then the
 * previous target stays. */
bool log_open_file(const char *path, char *err, size_t errlen);

/* log_reopen - open the file of LOGTO_FILE anew, for logrotate after it
 * moved the old one (SIGHUP); the old one is closed once the new one is
 * open. true at once for the other targets. */
bool log_reopen(char *err, size_t errlen);

/* log_where - where lines go, for the start-up line: "syslog (facility
 * mail)", "file PATH" or "standard error" (in buf, which is returned) */
const char *log_where(char *buf, size_t len);

/* log_syslog_here - is there a syslog daemon to take lines (/dev/log)? */
bool log_syslog_here(void);

/* log_msg - one line at priority prio (LOG_ERR, LOG_WARNING, LOG_INFO);
 * qid NULL for a line about the milter, "" for a message without a queue
 * id yet */
void log_msg(int prio, const char *qid, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
