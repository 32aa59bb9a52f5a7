/*
 * daemon - what sluis-portal and sluis-dashboard do alike around their
 * server: the options (-c FILE, -f, -n, -V, -h), whether the default
 * configuration file is there, where log lines go, and the signals the
 * main thread waits for. Each program keeps its usage text, its checks,
 * its messages and what it does between signals. Not part of web/'s HTTP
 * layer: it logs through milter/log.c, which both programs link.
 */
#ifndef SLUIS_DAEMON_H
#define SLUIS_DAEMON_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "../common/conf.h" /* enum log_target */

struct daemon_opts {
    const char *name; /* "sluis-portal": -V's line and the log's name */
    const char *conf; /* -c FILE, or the default file */
    bool explicit;    /* -c was given */
    bool check;       /* -n: check, then exit */
};

/* daemon_options - argv into o (o->name and the default o->conf set
 * before): -1 to go on, or the exit status after -V, -h (usage(stdout)),
 * a bad option or an argument left over (usage(stderr)) */
int daemon_options(int argc, char **argv, int (*usage)(FILE *f), struct daemon_opts *o);

/* daemon_defaults_only - no -c and no default file: the embedded defaults
 * stand without one */
bool daemon_defaults_only(const struct daemon_opts *o);

/* daemon_conf_name - the file read, for -n's line, or "(embedded
 * defaults)" */
const char *daemon_conf_name(const struct daemon_opts *o);

/* daemon_log - log lines under o->name to t (standard error under -n),
 * file for LOGTO_FILE; false with err when that file does not open */
bool daemon_log(const struct daemon_opts *o, enum log_target t, const char *file, char *err,
                size_t errlen);

/* daemon_signals - SIGTERM, SIGINT and SIGHUP into *sigs and blocked
 * (every thread started after inherits it); SIGPIPE ignored */
void daemon_signals(sigset_t *sigs);

enum daemon_event { DAEMON_STOP, DAEMON_TICK };

/* daemon_wait - wait for SIGTERM or SIGINT (DAEMON_STOP) or until seconds
 * have gone by without one (DAEMON_TICK); SIGHUP reopens the log file and
 * waits anew */
enum daemon_event daemon_wait(const sigset_t *sigs, time_t seconds);

#endif
