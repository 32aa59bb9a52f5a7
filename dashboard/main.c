/*
 * sluis-dashboard - the internal web application of the privacy officer:
 * the month's figures from the metrics store, the causes and actions of
 * the toolkit's cycle, exports and the printable report, users, roles and
 * the audit log. See sluis-dashboard(8) and dash.h.
 *
 * It reads the metrics store (read-only) and writes only dashboard.db.
 * Started as root it binds, reads its TLS files and the pseudonym key,
 * then becomes `user` before it opens the databases, so dashboard.db stays
 * that user's. A thread per connection (web/http.c); the main thread waits
 * for signals and removes idle sessions every few minutes.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../milter/account.h"
#include "../milter/log.h"
#include "../web/daemon.h"
#include "auth.h"
#include "config.h"
#include "dash.h"
#include "db.h"

#ifndef SLUIS_VERSION
#define SLUIS_VERSION "0"
#endif
#ifndef SLUIS_SYSCONFDIR
#define SLUIS_SYSCONFDIR "/etc"
#endif
#define DEFAULT_CONFIG SLUIS_SYSCONFDIR "/sluis/sluis-dashboard.conf"

static int usage(FILE *f)
{
    fprintf(f, "usage: sluis-dashboard [-c FILE] [-f] [-n] [-V]\n"
               "  -c FILE  configuration (default " DEFAULT_CONFIG ")\n"
               "  -f       stay in the foreground (it always does; for the unit's sake)\n"
               "  -n       check the configuration, dashboard.db, the store and the key, then "
               "exit\n"
               "  -V       print the version\n");
    return f == stderr ? 2 : 0;
}

int main(int argc, char **argv)
{
    struct daemon_opts o = {.name = "sluis-dashboard", .conf = DEFAULT_CONFIG};
    int c = daemon_options(argc, argv, usage, &o);
    if (c >= 0)
        return c;

    static struct dash_config cfg;
    char err[1024];
    enum sl_status s;
    /* the default file is optional: the embedded defaults stand without it */
    if (daemon_defaults_only(&o))
        s = dash_config_defaults(&cfg);
    else
        s = dash_config_load(o.conf, &cfg, err, sizeof err);
    if (s != SL_OK) {
        fprintf(stderr, "sluis-dashboard: %s\n", s == SL_ENOMEM ? "out of memory" : err);
        return 1;
    }
    if (!daemon_log(&o, cfg.log, cfg.log_file, err, sizeof err)) {
        fprintf(stderr, "sluis-dashboard: %s\n", err);
        return 1;
    }
    struct account a;
    if (!account_lookup(cfg.user, "", &a, err, sizeof err)) {
        fprintf(stderr, "sluis-dashboard: %s\n", err);
        return 1;
    }
    if (o.check) {
        /* as the user the dashboard becomes: its database, the store, the key */
        struct dash_app *app = NULL;
        if (!account_become(&a, err, sizeof err) ||
            dash_app_open(&cfg, &app, err, sizeof err) != SL_OK) {
            fprintf(stderr, "sluis-dashboard: %s\n", err);
            return 1;
        }
        bool store = dash_metrics(app) != NULL;
        printf("sluis-dashboard: %s: configuration valid; %s opens (schema %d); the metrics "
               "store %s%s; the key %s\n",
               daemon_conf_name(&o), cfg.db, dashdb_schema(dash_db(app)),
               store ? "opens" : "does not open: ", store ? "" : dash_metrics_error(app),
               dash_key(app) ? "loads" : "is missing (no pseudonyms, no reveals)");
        dash_app_close(app);
        dash_config_free(&cfg);
        return 0;
    }

    sigset_t sigs;
    daemon_signals(&sigs);

    struct dash_app *app = NULL;
    struct web_server *srv = NULL;
    struct web_config wc;
    if (!account_become(&a, err, sizeof err) ||
        dash_app_open(&cfg, &app, err, sizeof err) != SL_OK) {
        fprintf(stderr, "sluis-dashboard: %s\n", err);
        return 1;
    }
    dash_app_web(app, &wc);
    if (web_server_start(&wc, &srv, err, sizeof err) != SL_OK) {
        fprintf(stderr, "sluis-dashboard: %s\n", err);
        dash_app_close(app);
        return 1;
    }
    char where[300];
    const char *colon = strrchr(cfg.listen, ':');
    fprintf(stderr, "sluis-dashboard %s: listening on %s://%.*s:%u/\n", SLUIS_VERSION,
            cfg.tls_cert[0] ? "https" : "http", colon ? (int)(colon - cfg.listen) : 0, cfg.listen,
            web_server_port(srv));
    log_msg(LOG_INFO, NULL, "started: listening on port %u, logging to %s", web_server_port(srv),
            log_where(where, sizeof where));
    if (dash_metrics(app) == NULL)
        log_msg(LOG_WARNING, NULL, "no figures until the metrics store opens: %s",
                dash_metrics_error(app));

    /* idle sessions go every five minutes */
    while (daemon_wait(&sigs, 300) == DAEMON_TICK) {
        dash_lock(app);
        auth_sessions_expire(dash_db(app), (int64_t)time(NULL), cfg.session_minutes * 60u);
        dash_unlock(app);
    }
    log_msg(LOG_INFO, NULL, "stopping");
    web_server_stop(srv);
    dash_app_close(app);
    dash_config_free(&cfg);
    return 0;
}
