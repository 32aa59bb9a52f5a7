/*
 * log - sluis-milter's log lines, to syslog (facility mail) or stderr, each
 * with the Postfix queue id ("NOQUEUE" before there is one). Never message
 * content, addresses of patients or identifiers: callers pass rule ids,
 * categories and decisions. Thread-safe.
 */
#ifndef SLUIS_LOG_H
#define SLUIS_LOG_H

#include <syslog.h>

#include "config.h"

void log_open(enum log_target t);

/* log_msg - one line at priority prio (LOG_ERR, LOG_WARNING, LOG_INFO) */
void log_msg(int prio, const char *qid, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
