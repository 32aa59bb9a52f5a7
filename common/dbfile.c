/*
 * dbfile - small SQLite stores, made private. See dbfile.h.
 */
#include "dbfile.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUSY_MS 5000

enum sl_status dbfile_open(const char *path, const char *what, const char *absent, bool create,
                           const char *schema, int version, sqlite3 **db, char *err, size_t errlen)
{
    *db = NULL;
    struct stat sb;
    if (stat(path, &sb) != 0) {
        if (!create) {
            snprintf(err, errlen, "%s %s: not there (%s)", what, path, absent);
            return SL_ENOENT;
        }
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
        if (fd < 0) {
            snprintf(err, errlen, "%s %s: cannot be made", what, path);
            return SL_EIO;
        }
        close(fd);
    }
    int flags = (create ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_FULLMUTEX;
    sqlite3 *h = NULL;
    int have = -1;
    sqlite3_stmt *q = NULL;
    bool ok = sqlite3_open_v2(path, &h, flags, NULL) == SQLITE_OK &&
              sqlite3_busy_timeout(h, BUSY_MS) == SQLITE_OK &&
              (!create || sqlite3_exec(h, schema, NULL, NULL, NULL) == SQLITE_OK) &&
              sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &q, NULL) == SQLITE_OK &&
              sqlite3_step(q) == SQLITE_ROW;
    if (ok)
        have = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    if (!ok) {
        snprintf(err, errlen, "%s %s: %s", what, path, h ? sqlite3_errmsg(h) : "out of memory");
        sqlite3_close(h);
        return SL_EIO;
    }
    if (have != version) {
        snprintf(err, errlen, "%s %s: not one (schema version %d)", what, path, have);
        sqlite3_close(h);
        return SL_EPARSE;
    }
    *db = h;
    return SL_OK;
}
