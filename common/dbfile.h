/*
 * dbfile - an SQLite file of the small stores (S/MIME certificates, TLS
 * records): made 0640 before SQLite writes to it, so what it holds is
 * never readable by others, with its schema; opened read-only by those
 * that only look. Serialized (one connection, several threads), with a
 * busy timeout for the moments another process writes.
 */
#ifndef SLUIS_DBFILE_H
#define SLUIS_DBFILE_H

#include <stdbool.h>
#include <stddef.h>

#include <sqlite3.h>

#include "status.h"

/* dbfile_open - the store what (for messages: "certificate store") at
 * path. create: read-write, made when missing, schema run (it sets
 * user_version to version). Else read-only; a missing file is SL_ENOENT
 * (err says so, with absent: "none imported yet"), and one whose
 * user_version is not version is SL_EPARSE. */
enum sl_status dbfile_open(const char *path, const char *what, const char *absent, bool create,
                           const char *schema, int version, sqlite3 **db, char *err, size_t errlen);

#endif
