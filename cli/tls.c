/*
 * tls - `sluis tls`. See tls.h.
 *
 *   sluis tls check [--config FILE] DOMAIN...
 *   sluis tls list  [--config FILE]
 *
 * check probes each domain now, as the milter's prober does (its MX hosts,
 * STARTTLS, the certificate against tls_ca_file and the host's name, or
 * DANE), prints the outcome and keeps it in tls_db, where the milter
 * finds it. list prints what is kept, with how old it is.
 */
#include "tls.h"

#include <string.h>
#include <time.h>

#include "../route/route.h"
#include "../route/store.h"
#include "conf.h"

void tls_usage(FILE *f)
{
    fprintf(f, "       sluis tls check [--config FILE] DOMAIN...\n"
               "       sluis tls list [--config FILE]\n");
}

static bool list_one(void *ctx, const struct tls_record *r)
{
    time_t now = *(const time_t *)ctx;
    char summary[400], when[32];
    struct tm tm;
    gmtime_r(&r->checked, &tm);
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    probe_summary(r, summary, sizeof summary);
    printf("%s  checked %s UTC (%lld h ago)  %s  MX %s\n", r->domain, when,
           (long long)(now - r->checked) / 3600, summary, r->mx[0] ? r->mx : "-");
    return true;
}

int tls_main(int argc, char **argv)
{
    const char *config = NULL;
    int i = 2;
    if (argc < 2) {
        tls_usage(stderr);
        return 2;
    }
    if (i + 1 < argc && strcmp(argv[i], "--config") == 0) {
        config = argv[i + 1];
        i += 2;
    }
    bool check = strcmp(argv[1], "check") == 0;
    if ((!check && strcmp(argv[1], "list") != 0) || (check != (i < argc))) {
        tls_usage(stderr);
        return 2;
    }
    struct milter_config c;
    if (!cli_config_load("sluis tls", config, &c))
        return 2;
    char err[512];
    int rc = 0;
    if (check) {
        char helo[256];
        struct route_setup setup = config_route_setup(&c, helo, sizeof helo, NULL);
        setup.wait_ms = 0; /* nobody waits here: route_probe_now */
        struct route *r = NULL;
        if (route_start(&setup, &r, err, sizeof err) != SL_OK) {
            fprintf(stderr, "sluis tls: %s\n", err);
            config_free(&c);
            return 2;
        }
        for (; i < argc; i++) {
            struct tls_record rec;
            char summary[400];
            if (route_probe_now(r, argv[i], &rec, err, sizeof err) != SL_OK) {
                fprintf(stderr, "sluis tls: %s\n", err);
                rc = 1;
            }
            probe_summary(&rec, summary, sizeof summary);
            printf("%s: %s\n", rec.domain, summary);
            if (!rec.verified)
                rc = 1;
        }
        route_stop(r);
    } else {
        struct tls_store *s = NULL;
        time_t now = time(NULL);
        enum sl_status st = tls_store_open(c.tls_db, false, &s, err, sizeof err);
        if (st == SL_ENOENT) {
            printf("no domain probed yet (%s does not exist)\n", c.tls_db);
        } else if (st != SL_OK || tls_store_each(s, list_one, &now, err, sizeof err) != SL_OK) {
            fprintf(stderr, "sluis tls: %s\n", err);
            rc = 1;
        }
        tls_store_close(s);
    }
    config_free(&c);
    return rc;
}
