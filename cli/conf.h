/*
 * conf - the sluis-milter.conf a command such as `sluis certs` or `sluis
 * tls` works with: the file given with --config, else the installed one
 * when it exists, else the embedded defaults.
 */
#ifndef SLUIS_CLI_CONF_H
#define SLUIS_CLI_CONF_H

#include "../milter/config.h"

/* cli_config_load - into c (config_free it); false after saying why on
 * standard error, as the command cmd ("sluis certs") */
bool cli_config_load(const char *cmd, const char *config, struct milter_config *c);

#endif
