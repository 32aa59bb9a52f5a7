/*
 * conf - the milter's configuration for a command. See conf.h.
 */
#include "conf.h"

#include <stdio.h>
#include <unistd.h>

#ifndef SLUIS_SYSCONFDIR
#define SLUIS_SYSCONFDIR "/etc"
#endif

bool cli_config_load(const char *cmd, const char *config, struct milter_config *c)
{
    const char *installed = SLUIS_SYSCONFDIR "/sluis/sluis-milter.conf";
    if (config == NULL && access(installed, R_OK) == 0)
        config = installed;
    char err[512];
    enum sl_status st =
        config ? config_load(config, c, err, sizeof err) : config_defaults(c, err, sizeof err);
    if (st != SL_OK)
        fprintf(stderr, "%s: %s\n", cmd, err);
    return st == SL_OK;
}
