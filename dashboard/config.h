/*
 * config - sluis-dashboard.conf: "key = value" lines over embedded
 * defaults (struct dash_config, dash.h), so the dashboard starts without a
 * file. Unknown keys and bad values are errors naming the file and line.
 * Immutable once loaded.
 */
#ifndef SLUIS_DASH_CONFIG_H
#define SLUIS_DASH_CONFIG_H

#include "../common/status.h"
#include "dash.h"

/* dash_config_defaults - the embedded defaults (dash_config_free after) */
enum sl_status dash_config_defaults(struct dash_config *c);
/* dash_config_load - defaults, then the file at path over them; on error
 * err holds "path:line: why" and c is freed */
enum sl_status dash_config_load(const char *path, struct dash_config *c, char *err, size_t errlen);
void dash_config_free(struct dash_config *c);

#endif
