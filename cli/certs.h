/*
 * certs - `sluis certs import|list|remove`: the recipients' S/MIME
 * certificates that sluis-milter encrypts to (smime/certs.h).
 */
#ifndef SLUIS_CLI_CERTS_H
#define SLUIS_CLI_CERTS_H

#include <stdio.h>

/* certs_main - argv[0] is "certs"; the exit status: 0 done, 1 a
 * certificate refused, a file unreadable or nothing to remove, 2 a usage
 * or configuration error */
int certs_main(int argc, char **argv);

/* certs_usage - its lines of `sluis` usage */
void certs_usage(FILE *f);

#endif
