/*
 * report - `sluis report`: a month's figures (store/figures.h) from the
 * metrics store, as a plain text table, CSV or JSON.
 */
#ifndef SLUIS_REPORT_H
#define SLUIS_REPORT_H

#include <stdio.h>

/* report_main - argv[0] is "report"; the exit status: 0 printed, 1 the
 * store or the key could not be read, 2 a usage error */
int report_main(int argc, char **argv);

/* report_usage - its line of `sluis` usage */
void report_usage(FILE *f);

#endif
