/*
 * log - syslog or stderr. See log.h.
 */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

static enum log_target target = LOGTO_STDERR;

void log_open(enum log_target t)
{
    target = t;
    if (t == LOGTO_SYSLOG)
        openlog("sluis-milter", LOG_PID | LOG_NDELAY, LOG_MAIL);
}

void log_msg(int prio, const char *qid, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (target == LOGTO_SYSLOG)
        syslog(prio, "%s: %s", qid && *qid ? qid : "NOQUEUE", line);
    else
        fprintf(stderr, "sluis-milter[%ld]: %s: %s\n", (long)getpid(),
                qid && *qid ? qid : "NOQUEUE", line);
}
