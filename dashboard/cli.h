/*
 * cli - `sluis user` and `sluis action`: the dashboard's users and, for
 * make run's demo history, its actions, from the command line.
 *
 *   sluis user add NAME --role privacy|admin|viewer [--db PATH]
 *              (the password from standard input: asked twice on a
 *              terminal, one line from a pipe; 12 bytes at least)
 *   sluis user list [--db PATH]
 *   sluis user del NAME [--db PATH]
 *   sluis action add --title T [--depts A,B] --channel C --start YYYY-MM-DD
 *              [--end YYYY-MM-DD] [--db PATH]
 *
 * --db defaults to /var/lib/sluis/dashboard/dashboard.db (made when
 * missing, 0640). Run as root, it first becomes the owner of the
 * database's folder (sluis-dashboard), so the files stay the daemon's.
 * Each change is written to the audit log as user "cli".
 */
#ifndef SLUIS_DASH_CLI_H
#define SLUIS_DASH_CLI_H

#include <stdio.h>

/* dash_cli - argv[0] is "user" or "action"; the exit status (0, 1 failed, 2 usage) */
int dash_cli(int argc, char **argv);
void dash_cli_usage(FILE *f);

#endif
