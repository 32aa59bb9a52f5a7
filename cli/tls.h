/*
 * tls - `sluis tls check|list`: what recipient domains' mail servers offer
 * (route/), as the milter's tls_auto_partners sees it.
 */
#ifndef SLUIS_CLI_TLS_H
#define SLUIS_CLI_TLS_H

#include <stdio.h>

/* tls_main - argv[0] is "tls"; the exit status: 0 done (check: every
 * domain verified), 1 a domain not verified or the records unreadable, 2
 * a usage or configuration error */
int tls_main(int argc, char **argv);

/* tls_usage - its lines of `sluis` usage */
void tls_usage(FILE *f);

#endif
