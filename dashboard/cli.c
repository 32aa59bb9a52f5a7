/*
 * cli - `sluis user` and `sluis action`. See cli.h. The password never
 * appears on the command line (where ps would show it) nor in any output.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "../store/sql.h"
#include "auth.h"
#include "db.h"

#define DEFAULT_DB "/var/lib/sluis/dashboard/dashboard.db"

void dash_cli_usage(FILE *f)
{
    fprintf(f, "       sluis user add NAME --role privacy|admin|viewer [--db PATH|URL]  (password "
               "on stdin)\n"
               "       sluis user list [--db PATH|URL]\n"
               "       sluis user del NAME [--db PATH|URL]\n"
               "       sluis action add --title T [--depts A,B] --channel portal|smime|tls|"
               "external|any\n"
               "                        --start YYYY-MM-DD [--end YYYY-MM-DD] [--db PATH|URL]\n");
}

/* read_line - one line of standard input without its line end; false at
 * end of input or when longer than max */
static bool read_line(char *buf, size_t len)
{
    if (fgets(buf, (int)len, stdin) == NULL)
        return false;
    size_t n = strlen(buf);
    if (n && buf[n - 1] != '\n' && !feof(stdin))
        return false; /* too long */
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
        buf[--n] = '\0';
    return true;
}

/* read_password - twice with the echo off on a terminal, once from a pipe */
static bool read_password(char *pw, size_t len)
{
    if (!isatty(STDIN_FILENO))
        return read_line(pw, len);
    struct termios old, quiet;
    if (tcgetattr(STDIN_FILENO, &old) != 0)
        return false;
    quiet = old;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    char again[AUTH_PASSWORD_MAX + 2];
    fprintf(stderr, "password: ");
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    bool ok = read_line(pw, len);
    fprintf(stderr, "\nagain: ");
    ok = ok && read_line(again, sizeof again);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    fprintf(stderr, "\n");
    if (ok && strcmp(pw, again) != 0) {
        fprintf(stderr, "sluis user: the two passwords differ\n");
        ok = false;
    }
    OPENSSL_cleanse(again, sizeof again);
    return ok;
}

/* as_owner - run as root, become the owner of the database's folder first,
 * so that the file and its journal stay the dashboard's (a root-owned
 * dashboard.db-wal would stop the daemon writing). A PostgreSQL address
 * has no folder: the server owns its files. */
static int as_owner(const char *path)
{
    if (geteuid() != 0 || sql_is_remote(path))
        return 0;
    char folder[1024];
    snprintf(folder, sizeof folder, "%s", path);
    char *slash = strrchr(folder, '/');
    if (slash == NULL)
        snprintf(folder, sizeof folder, ".");
    else if (slash == folder)
        folder[1] = '\0';
    else
        *slash = '\0';
    struct stat st;
    if (stat(folder, &st) != 0 || st.st_uid == 0)
        return 0;
    if (setgroups(0, NULL) != 0 || setgid(st.st_gid) != 0 || setuid(st.st_uid) != 0) {
        fprintf(stderr, "sluis: cannot become the owner of %s: %s\n", folder, strerror(errno));
        return 1;
    }
    return 0;
}

static int open_db(const char *path, struct sql **db)
{
    char err[512];
    if (as_owner(path) != 0)
        return 1;
    if (dashdb_open(path, db, err, sizeof err) != SL_OK) {
        fprintf(stderr, "sluis: %s\n", err);
        return 1;
    }
    return 0;
}

static int user_cmd(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'}, {"role", required_argument, NULL, 'r'}, {0}};
    const char *dbpath = DEFAULT_DB, *role = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'd')
            dbpath = optarg;
        else if (c == 'r')
            role = optarg;
        else
            return 2;
    }
    if (optind >= argc) {
        fprintf(stderr, "sluis user: add, list or del?\n");
        return 2;
    }
    const char *verb = argv[optind];
    const char *name = optind + 1 < argc ? argv[optind + 1] : NULL;
    if (optind + 2 < argc || (strcmp(verb, "list") != 0 && name == NULL)) {
        fprintf(stderr, "sluis user %s: one user name\n", verb);
        return 2;
    }
    struct sql *db = NULL;
    if (strcmp(verb, "add") == 0) {
        enum dash_role r;
        if (!auth_role_parse(role, &r)) {
            fprintf(stderr, "sluis user add: --role privacy, admin or viewer\n");
            return 2;
        }
        if (!auth_name_valid(name)) {
            fprintf(stderr, "sluis user add: a user name is 1 to 63 of a-z A-Z 0-9 . _ - @\n");
            return 2;
        }
        char pw[AUTH_PASSWORD_MAX + 2];
        if (!read_password(pw, sizeof pw)) {
            fprintf(stderr, "sluis user add: no password read from standard input (one line, "
                            "at most 1024 bytes)\n");
            OPENSSL_cleanse(pw, sizeof pw);
            return 1;
        }
        if (strlen(pw) < AUTH_PASSWORD_MIN) {
            fprintf(stderr, "sluis user add: the password is shorter than %d bytes\n",
                    AUTH_PASSWORD_MIN);
            OPENSSL_cleanse(pw, sizeof pw);
            return 1;
        }
        char err[512];
        int rc = open_db(dbpath, &db);
        if (rc == 0 && auth_user_add(db, name, r, pw, strlen(pw), err, sizeof err) != SL_OK) {
            fprintf(stderr, "sluis user add: %s\n", err);
            rc = 1;
        }
        OPENSSL_cleanse(pw, sizeof pw);
        if (rc == 0) {
            dashdb_audit(db, (int64_t)time(NULL), "cli", "user add", name);
            printf("sluis user add: %s (%s) added to %s\n", name, auth_role_name(r), dbpath);
        }
        dashdb_close(db);
        return rc;
    }
    if (strcmp(verb, "del") == 0) {
        bool found = false;
        if (open_db(dbpath, &db) != 0)
            return 1;
        int rc = 0;
        if (auth_user_del(db, name, &found) != SL_OK) {
            fprintf(stderr, "sluis user del: %s: %s\n", dbpath, sql_errmsg(db));
            rc = 1;
        } else if (!found) {
            fprintf(stderr, "sluis user del: no user %s\n", name);
            rc = 1;
        } else {
            dashdb_audit(db, (int64_t)time(NULL), "cli", "user del", name);
            printf("sluis user del: %s removed, with its sessions\n", name);
        }
        dashdb_close(db);
        return rc;
    }
    if (strcmp(verb, "list") == 0) {
        struct auth_user_row *u = NULL;
        size_t n = 0;
        if (open_db(dbpath, &db) != 0)
            return 1;
        int rc = auth_user_list(db, &u, &n) == SL_OK ? 0 : 1;
        time_t now = time(NULL);
        for (size_t i = 0; i < n; i++)
            printf("%s\t%s%s\n", u[i].name, auth_role_name(u[i].role),
                   u[i].locked_until > now ? "\tlocked" : "");
        free(u);
        dashdb_close(db);
        return rc;
    }
    fprintf(stderr, "sluis user: unknown command '%s' (add, list, del)\n", verb);
    return 2;
}

static int action_cmd(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                         {"title", required_argument, NULL, 't'},
                                         {"depts", required_argument, NULL, 'p'},
                                         {"channel", required_argument, NULL, 'c'},
                                         {"start", required_argument, NULL, 's'},
                                         {"end", required_argument, NULL, 'e'},
                                         {0}};
    const char *dbpath = DEFAULT_DB, *title = NULL, *depts = "", *channel = NULL, *start = NULL,
               *end = "";
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            dbpath = optarg;
            break;
        case 't':
            title = optarg;
            break;
        case 'p':
            depts = optarg;
            break;
        case 'c':
            channel = optarg;
            break;
        case 's':
            start = optarg;
            break;
        case 'e':
            end = optarg;
            break;
        default:
            return 2;
        }
    }
    if (optind + 1 != argc || strcmp(argv[optind], "add") != 0) {
        fprintf(stderr, "sluis action: add --title T --channel C --start YYYY-MM-DD ...\n");
        return 2;
    }
    struct dash_action a = {.t = (int64_t)time(NULL)};
    if (title == NULL || !title[0] || strlen(title) > DASH_TITLE_MAX) {
        fprintf(stderr, "sluis action add: --title of 1 to %d bytes\n", DASH_TITLE_MAX);
        return 2;
    }
    if (!dashdb_channel_valid(channel)) {
        fprintf(stderr, "sluis action add: --channel portal, smime, tls, external or any\n");
        return 2;
    }
    if (start == NULL || !dashdb_date_valid(start) ||
        (end[0] && (!dashdb_date_valid(end) || strcmp(end, start) < 0))) {
        fprintf(stderr, "sluis action add: --start YYYY-MM-DD [--end YYYY-MM-DD, not before the "
                        "start]\n");
        return 2;
    }
    if (!dashdb_depts_clean(depts, a.depts, sizeof a.depts)) {
        fprintf(stderr, "sluis action add: --depts A,B with names of at most %d bytes\n",
                EVENT_DEPT_MAX);
        return 2;
    }
    snprintf(a.user, sizeof a.user, "cli");
    snprintf(a.title, sizeof a.title, "%s", title);
    snprintf(a.channel, sizeof a.channel, "%s", channel);
    snprintf(a.start, sizeof a.start, "%s", start);
    snprintf(a.end, sizeof a.end, "%s", end);
    struct sql *db = NULL;
    if (open_db(dbpath, &db) != 0)
        return 1;
    int rc = 0;
    if (dashdb_action_add(db, &a) != SL_OK) {
        fprintf(stderr, "sluis action add: %s: %s\n", dbpath, sql_errmsg(db));
        rc = 1;
    } else {
        dashdb_audit(db, a.t, "cli", "action add", a.title);
        printf("sluis action add: registered, from %s%s%s\n", a.start, a.end[0] ? " to " : "",
               a.end);
    }
    dashdb_close(db);
    return rc;
}

int dash_cli(int argc, char **argv)
{
    if (strcmp(argv[0], "user") == 0)
        return user_cmd(argc, argv);
    return action_cmd(argc, argv);
}
