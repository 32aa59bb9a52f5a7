/*
 * log - syslog, standard error or a file. See log.h.
 *
 * The file is a FILE opened in append mode and line-buffered, so each line
 * reaches the file whole as it is written, also from several threads (one
 * mutex around each line and around the swap on SIGHUP).
 */
#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SYSLOG_SOCKET "/dev/log"

static enum log_target target = LOGTO_STDERR;
static pthread_mutex_t file_mu = PTHREAD_MUTEX_INITIALIZER;
static FILE *file; /* LOGTO_FILE, under file_mu */
static char file_path[4096];

/* open_file - path for appending, 0640 when made here (whatever the umask) */
static FILE *open_file(const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
        if (fd >= 0 && fchmod(fd, 0640) != 0) {
            close(fd);
            fd = -1;
        }
    }
    FILE *f = fd >= 0 ? fdopen(fd, "a") : NULL;
    if (f == NULL) {
        snprintf(err, errlen, "log file %s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    setvbuf(f, NULL, _IOLBF, 0);
    return f;
}

bool log_open_file(const char *path, char *err, size_t errlen)
{
    FILE *f = open_file(path, err, errlen);
    if (f == NULL)
        return false;
    pthread_mutex_lock(&file_mu);
    FILE *old = file;
    file = f;
    snprintf(file_path, sizeof file_path, "%s", path);
    target = LOGTO_FILE;
    pthread_mutex_unlock(&file_mu);
    if (old)
        fclose(old);
    return true;
}

/* the program's name on every line */
static const char *ident = "sluis-milter";

void log_name(const char *name)
{
    ident = name;
}

void log_open(enum log_target t)
{
    if (t == LOGTO_SYSLOG)
        openlog(ident, LOG_PID | LOG_NDELAY, LOG_MAIL);
    target = t;
}

bool log_reopen(char *err, size_t errlen)
{
    if (target != LOGTO_FILE)
        return true;
    char path[sizeof file_path]; /* log_open_file writes file_path */
    snprintf(path, sizeof path, "%s", file_path);
    return log_open_file(path, err, errlen);
}

const char *log_where(char *buf, size_t len)
{
    switch (target) {
    case LOGTO_SYSLOG:
        snprintf(buf, len, "syslog (facility mail)");
        break;
    case LOGTO_FILE:
        snprintf(buf, len, "file %s", file_path);
        break;
    default:
        snprintf(buf, len, "standard error");
    }
    return buf;
}

bool log_syslog_here(void)
{
    struct stat st;
    return stat(SYSLOG_SOCKET, &st) == 0 && S_ISSOCK(st.st_mode);
}

/* stamp - now in ISO 8601 local time with milliseconds and the offset:
 * 2026-12-06T14:03:59.123+01:00 */
static void stamp(char *out, size_t len)
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    localtime_r(&ts.tv_sec, &tm);
    long off = tm.tm_gmtoff / 60; /* minutes east of UTC */
    snprintf(out, len, "%04d-%02d-%02dT%02d:%02d:%02d.%03ld%c%02ld:%02ld", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000,
             off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
}

void log_msg(int prio, const char *qid, const char *fmt, ...)
{
    char line[1024], pre[48] = "";
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (qid)
        snprintf(pre, sizeof pre, "%s: ", *qid ? qid : "NOQUEUE");
    if (target == LOGTO_SYSLOG) {
        syslog(prio, "%s%s", pre, line);
        return;
    }
    pthread_mutex_lock(&file_mu);
    if (target == LOGTO_FILE && file) {
        char when[96];
        stamp(when, sizeof when);
        fprintf(file, "%s %s[%ld]: %s%s\n", when, ident, (long)getpid(), pre, line);
    } else {
        fprintf(stderr, "%s[%ld]: %s%s\n", ident, (long)getpid(), pre, line);
    }
    pthread_mutex_unlock(&file_mu);
}
