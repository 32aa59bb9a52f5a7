/*
 * daemon - the start-up and the signals sluis-portal and sluis-dashboard
 * share. See daemon.h.
 */
#include "daemon.h"

#include <errno.h>
#include <getopt.h>
#include <sys/stat.h>

#include "../milter/log.h"

#ifndef SLUIS_VERSION
#define SLUIS_VERSION "0"
#endif

int daemon_options(int argc, char **argv, int (*usage)(FILE *f), struct daemon_opts *o)
{
    int c;
    while ((c = getopt(argc, argv, "c:fnVh")) != -1) {
        switch (c) {
        case 'c':
            o->conf = optarg;
            o->explicit = true;
            break;
        case 'f':
            break;
        case 'n':
            o->check = true;
            break;
        case 'V':
            printf("%s %s\n", o->name, SLUIS_VERSION);
            return 0;
        case 'h':
            return usage(stdout);
        default:
            return usage(stderr);
        }
    }
    if (optind != argc)
        return usage(stderr);
    return -1;
}

bool daemon_defaults_only(const struct daemon_opts *o)
{
    struct stat st;
    return !o->explicit && stat(o->conf, &st) != 0 && errno == ENOENT;
}

const char *daemon_conf_name(const struct daemon_opts *o)
{
    struct stat st;
    return o->explicit || stat(o->conf, &st) == 0 ? o->conf : "(embedded defaults)";
}

bool daemon_log(const struct daemon_opts *o, enum log_target t, const char *file, char *err,
                size_t errlen)
{
    log_name(o->name);
    if (t == LOGTO_FILE && !o->check)
        return log_open_file(file, err, errlen);
    log_open(o->check ? LOGTO_STDERR : t);
    return true;
}

void daemon_signals(sigset_t *sigs)
{
    sigemptyset(sigs);
    sigaddset(sigs, SIGTERM);
    sigaddset(sigs, SIGINT);
    sigaddset(sigs, SIGHUP);
    pthread_sigmask(SIG_BLOCK, sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
}

enum daemon_event daemon_wait(const sigset_t *sigs, time_t seconds)
{
    char err[1024];
    for (;;) {
        struct timespec wait = {seconds, 0};
        int sig = sigtimedwait(sigs, NULL, &wait);
        if (sig == SIGTERM || sig == SIGINT)
            return DAEMON_STOP;
        if (sig == SIGHUP) {
            if (!log_reopen(err, sizeof err))
                log_msg(LOG_ERR, NULL, "%s", err);
            continue;
        }
        if (sig < 0 && errno == EAGAIN)
            return DAEMON_TICK;
    }
}
