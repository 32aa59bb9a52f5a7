/*
 * check - sluis-milter -n. See check.h.
 *
 * What the milter opens after its privilege drop, and so what is tried
 * here as its user: the configuration and the policy file it names (on
 * every reload), the rule packs, the notice templates, the portal's master
 * key (read; the store also wants it 0600 and its user's), the portal
 * database with its folder (SQLite makes DB-wal and DB-shm beside it), the
 * tmpdir where large messages spill, the extraction worker (run), the log
 * file, the socket's folder (the socket is removed from it at stop) and,
 * with metrics_store set, the metrics key, the store's folder (SQLite
 * makes -wal and -shm there) and the spill file's.
 */
#include "check.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <libgen.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../attach/pool.h"
#include "../common/smtp.h"
#include "../policy/notice.h"
#include "../portal/external.h"
#include "../portal/store.h"
#include "../store/sql.h"
#include "../rules/pack.h"
#include "../smime/smime.h"
#include "account.h"
#include "config.h"
#include "log.h"
#include "record.h"

#ifndef SLUIS_TEMPLATES_DIR
#define SLUIS_TEMPLATES_DIR "/usr/share/sluis/templates"
#endif

struct checker {
    char me[64]; /* the user the files are tried as */
    unsigned problems;
};

static void problem(struct checker *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* problem - one line on standard error */
static void problem(struct checker *k, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "sluis-milter: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    k->problems++;
}

static enum sl_status load(const char *path, struct milter_config *c, char *err, size_t errlen)
{
    if (path)
        return config_load(path, c, err, errlen);
    return config_defaults(c, err, errlen);
}

/* folder_writable - may this user make and remove files in dir? what says
 * what for (a line of its own per problem) */
static bool folder_writable(struct checker *k, const char *what, const char *dir, const char *why)
{
    struct stat st;
    if (stat(dir, &st) != 0) {
        problem(k, "%s %s: %s (%s)", what, dir, strerror(errno), why);
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        problem(k, "%s %s: not a folder", what, dir);
        return false;
    }
    if (access(dir, W_OK | X_OK) != 0) {
        problem(k, "%s %s: %s cannot write in it (%s)", what, dir, k->me, why);
        return false;
    }
    return true;
}

/* parent_of - the folder of path, in buf */
static const char *parent_of(const char *path, char *buf, size_t len)
{
    snprintf(buf, len, "%s", path);
    return dirname(buf);
}

/* check_key - the master key: readable by this user, its own, 0600 */
static bool check_key(struct checker *k, const char *key)
{
    int fd = open(key, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            problem(k,
                    "portal key %s: no such file (make one: sluis portal keygen %s; chown %s %s)",
                    key, key, k->me, key);
        else
            problem(k, "portal key %s: %s cannot read it: %s (chown %s %s; chmod 600 %s)", key,
                    k->me, strerror(errno), k->me, key, key);
        return false;
    }
    struct stat st;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    close(fd);
    if (!ok) {
        problem(k, "portal key %s: not a regular file", key);
        return false;
    }
    if (st.st_uid != geteuid()) {
        /* cppcheck-suppress getpwuidCalled ; -n has one thread */
        struct passwd *pw = getpwuid(st.st_uid);
        char owner[64];
        snprintf(owner, sizeof owner, "%s", pw ? pw->pw_name : "another user");
        problem(k, "portal key %s: belongs to %s, not to %s, whom the milter runs as (chown %s %s)",
                key, owner, k->me, k->me, key);
        ok = false;
    }
    if ((st.st_mode & 077) != 0) {
        problem(k, "portal key %s: mode %03o, readable by others than its owner (chmod 600 %s)",
                key, (unsigned)(st.st_mode & 0777), key);
        ok = false;
    }
    return ok;
}

/* check_remote - a store on PostgreSQL (what: "portal store"): the
 * server answers and the store's schema is there, or is made at the
 * milter's start; *made whether it is there. Nothing is made. */
static bool check_remote(struct checker *k, const char *what, const char *url, const char *schema,
                         bool *made)
{
    char err[1024];
    *made = false;
    struct sql *db = sql_open_pg(url, schema, false, true, "sluis-milter -n", err, sizeof err);
    if (db == NULL) {
        problem(k, "%s: %s", what, err);
        return false;
    }
    int v = sql_version(db);
    int t = v == 0 ? sql_table_exists(db, "meta") : 0;
    if (v < 0 || t < 0)
        problem(k, "%s: %s", what, sql_errmsg(db));
    *made = v > 0 || t > 0;
    sql_close(db);
    return v >= 0 && t >= 0;
}

/* check_store - the built-in portal: the key, and the database or, when
 * it is not there yet, the folder the milter makes it in. Opened without
 * STORE_CREATE: nothing is made. */
static void check_store(struct checker *k, const struct milter_config *c)
{
    char dir[4096], side[4200], err[1024];
    bool key_ok = check_key(k, c->portal_key);
    if (sql_is_remote(c->portal_db)) {
        bool made;
        struct store *s = NULL;
        if (check_remote(k, "portal store", c->portal_db, "sluis_portal", &made) && made &&
            key_ok && store_open(c->portal_db, c->portal_key, 0, &s, err, sizeof err) != SL_OK)
            problem(k, "%s", err);
        store_free(s);
        return;
    }
    parent_of(c->portal_db, dir, sizeof dir);
    struct stat st;
    if (stat(c->portal_db, &st) != 0 && errno == ENOENT) {
        bool dir_ok = folder_writable(k, "portal database folder", dir,
                                      "the milter makes the portal database there at its start");
        struct store *s = NULL;
        /* with the key in order, its text: the store is not there, so
         * "no portal store" is the answer when the key reads well */
        if (key_ok && dir_ok &&
            store_open(c->portal_db, c->portal_key, 0, &s, err, sizeof err) != SL_OK &&
            strncmp(err, "no portal store at ", 19) != 0)
            problem(k, "%s", err);
        store_free(s);
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        problem(k, "portal database %s: not a regular file", c->portal_db);
        return;
    }
    bool ok = true;
    if (access(c->portal_db, R_OK | W_OK) != 0) {
        problem(k, "portal database %s: %s cannot write it: %s (chown %s %s)", c->portal_db, k->me,
                strerror(errno), k->me, c->portal_db);
        ok = false;
    }
    ok &= folder_writable(k, "portal database folder", dir,
                          "SQLite makes the database's -wal and -shm files there");
    for (int i = 0; i < 2; i++) {
        snprintf(side, sizeof side, "%s%s", c->portal_db, i ? "-shm" : "-wal");
        if (access(side, F_OK) == 0 && access(side, R_OK | W_OK) != 0) {
            problem(k, "portal database %s: %s cannot write it (chown %s %s)", side, k->me, k->me,
                    side);
            ok = false;
        }
    }
    struct store *s = NULL;
    if (ok && key_ok && store_open(c->portal_db, c->portal_key, 0, &s, err, sizeof err) != SL_OK)
        problem(k, "%s", err);
    store_free(s);
}

/* check_metrics - the key (loaded as the milter loads it), the store or
 * its folder, the spill file's folder; then one line saying what is used.
 * Nothing is made. */
static void check_metrics(struct checker *k, const struct milter_config *c)
{
    char err[1024], dir[4096], spill[4096];
    if (c->metrics_store[0] == '\0') {
        printf("metrics: off (metrics_store is empty)\n");
        return;
    }
    unsigned before = k->problems;
    if (!recorder_key_check(c, err, sizeof err))
        problem(k, "%s", err);
    struct stat st;
    bool made;
    if (sql_is_remote(c->metrics_store))
        check_remote(k, "metrics_store", c->metrics_store, "sluis_metrics", &made);
    else if (stat(c->metrics_store, &st) == 0 && !S_ISREG(st.st_mode))
        problem(k, "metrics_store %s: not a regular file", c->metrics_store);
    else if (stat(c->metrics_store, &st) == 0 && access(c->metrics_store, R_OK | W_OK) != 0)
        problem(k, "metrics_store %s: %s cannot write it (chown %s %s)", c->metrics_store, k->me,
                k->me, c->metrics_store);
    if (!sql_is_remote(c->metrics_store))
        folder_writable(k, "metrics store folder", parent_of(c->metrics_store, dir, sizeof dir),
                        "the milter makes the store and SQLite its -wal and -shm files there");
    config_metrics_spill(c, spill, sizeof spill);
    folder_writable(k, "metrics spill folder", parent_of(spill, dir, sizeof dir),
                    "events the store cannot take yet are kept there");
    if (k->problems == before)
        printf("metrics: store %s, key %s, spill %s, queue %u events, kept %u months\n",
               c->metrics_store, c->metrics_key, spill, c->metrics_queue, c->retention_months);
}

/* check_smime - the S/MIME files load, and the certificate store, once
 * there, is one this user can read */
static void check_smime(struct checker *k, const struct milter_config *c)
{
    bool wanted = false;
    for (size_t i = 0; i < c->policy.nchannels; i++)
        wanted |= c->policy.channels[i] == CHANNEL_SMIME;
    if (!wanted)
        return;
    char err[1024];
    struct smime_setup setup = config_smime_setup(c);
    struct smime *m = NULL;
    if (smime_new(&setup, &m, err, sizeof err) != SL_OK) {
        problem(k, "%s", err);
        return;
    }
    smime_free(m);
    struct certstore *s = NULL;
    enum sl_status st = certstore_open(c->certs_db, false, &s, err, sizeof err);
    certstore_close(s);
    if (st == SL_ENOENT)
        printf("smime: no certificate store yet (%s; sluis certs import makes it)\n", c->certs_db);
    else if (st != SL_OK)
        problem(k, "%s (%s must read it: chown %s %s)", err, k->me, k->me, c->certs_db);
    else
        printf("smime: certificates in %s, CAs from %s, %s\n", c->certs_db, c->smime_ca_file,
               c->smime_cipher);
}

static bool uses_portal(const struct policy *p)
{
    for (size_t i = 0; i < p->nchannels; i++)
        if (p->channels[i] == CHANNEL_PORTAL)
            return true;
    return false;
}

/* check_as_self - every check, as the user this process is */
static unsigned check_as_self(const char *path, const struct account *a)
{
    struct checker k = {.problems = 0};
    char err[1024], dir[4096];
    account_name(k.me, sizeof k.me);
    struct milter_config c;
    if (load(path, &c, err, sizeof err) != SL_OK) {
        problem(&k, "%s (read as %s, as the milter reads it on every reload)", err, k.me);
        return k.problems;
    }
    struct pack *pack = pack_load(c.rules, 1, err, sizeof err);
    if (pack == NULL)
        problem(&k, "rules: %s", err);
    pack_free(pack);
    struct notice_templates *t = NULL;
    if (notice_templates_load(SLUIS_TEMPLATES_DIR, c.policy.templates, &t, err, sizeof err) !=
        SL_OK)
        problem(&k, "notice templates: %s", err);
    notice_templates_free(t);
    struct smtp_target submit;
    if (smtp_target_parse(c.submission, &submit, err, sizeof err) != SL_OK) {
        problem(&k, "submission: %s", err);
    } else if (strcmp(c.policy.portal, "builtin") != 0) {
        struct external_portal *ep = NULL;
        if (external_portal_new(c.policy.portal, &submit, c.portal_token_file, c.portal_ca_file,
                                &ep, err, sizeof err) != SL_OK)
            problem(&k, "%s", err);
        external_portal_free(ep);
    } else if (uses_portal(&c.policy)) {
        check_store(&k, &c);
    }
    folder_writable(&k, "tmpdir", c.tmpdir, "messages larger than memory_bytes are kept there");
    check_metrics(&k, &c);
    check_smime(&k, &c);
    const char *sock = config_socket_path(c.socket);
    if (sock)
        folder_writable(&k, "socket folder", parent_of(sock, dir, sizeof dir),
                        "the milter removes its socket from there when it stops");
    if (sock && c.socket_group[0] && geteuid() != 0 && getegid() != a->sock_gid) {
        /* started as this user, it gives the socket a group of its own */
        gid_t groups[256];
        int n = getgroups(256, groups);
        bool member = false;
        for (int i = 0; i < n; i++)
            member |= groups[i] == a->sock_gid;
        if (!member)
            problem(&k,
                    "socket_group %s: %s is not a member, so it cannot give its socket that "
                    "group (adduser %s %s, or start the milter as root with user = %s)",
                    c.socket_group, k.me, k.me, c.socket_group, k.me);
    }
    char worker[4096];
    if (c.worker[0])
        snprintf(worker, sizeof worker, "%s", c.worker);
    else
        attach_worker_path(worker, sizeof worker);
    if (access(worker, X_OK) != 0)
        problem(&k, "worker %s: %s cannot run it: %s (attached documents would go unread)", worker,
                k.me, strerror(errno));
    char lang[32], why[512];
    if (c.limits.attach.doc.ocr_pages > 0 &&
        ocr_languages_set(lang, c.limits.attach.doc.ocr_lang, why, sizeof why) != SL_OK)
        problem(&k, "%s (scanned letters would go unread; or set limit.ocr_max_pages = 0)", why);
    if (c.log == LOGTO_FILE) {
        if (access(c.log_file, F_OK) == 0) {
            if (access(c.log_file, W_OK) != 0)
                problem(&k, "log file %s: %s cannot write it (chown %s %s)", c.log_file, k.me, k.me,
                        c.log_file);
        } else {
            folder_writable(&k, "log file folder", parent_of(c.log_file, dir, sizeof dir),
                            "the milter makes the log file there");
        }
    } else if (c.log == LOGTO_SYSLOG && !log_syslog_here()) {
        fprintf(stderr,
                "sluis-milter: note: log = syslog, but no syslog daemon listens here (no "
                "/dev/log): as a daemon the milter would not start; with -f its lines go to "
                "standard error. Set log = file:PATH, or run a syslog daemon.\n");
    }
    if (k.problems == 0)
        printf("%s: configuration and rules are valid; %s can open what the milter needs\n",
               path ? path : "embedded defaults", k.me);
    config_free(&c);
    return k.problems;
}

int check_run(const char *path)
{
    char err[1024], me[64];
    struct milter_config c;
    struct account a;
    if (load(path, &c, err, sizeof err) != SL_OK) {
        fprintf(stderr, "sluis-milter: %s\n", err);
        return 1;
    }
    bool found = account_lookup(c.user, c.socket_group, &a, err, sizeof err);
    /* no user configured, checked as root: the milter runs as whoever
     * starts it (systemd's User=), and that is the portal key's owner, as
     * the key must be (0600, its own): check as that owner, not as root */
    struct stat key;
    struct passwd *owner = NULL;
    if (found && !a.user[0] && geteuid() == 0 && c.portal_key && c.portal_key[0] &&
        stat(c.portal_key, &key) == 0 && key.st_uid != 0)
        owner = getpwuid(key.st_uid); // cppcheck-suppress getpwuidCalled ; before any thread
    if (owner) {
        found = account_lookup(owner->pw_name, c.socket_group, &a, err, sizeof err);
        if (found)
            printf("sluis-milter: user is not set and the portal key belongs to %s: checking "
                   "as %s, whom the milter must run as (systemd's User=)\n",
                   a.user, a.user);
    }
    config_free(&c);
    if (!found) {
        fprintf(stderr, "sluis-milter: %s\n", err);
        return 1;
    }
    if (!a.user[0] || geteuid() != 0 || a.uid == 0) {
        if (a.user[0] && a.uid != geteuid())
            fprintf(stderr,
                    "sluis-milter: note: checked as %s, not as user %s: run -n as root or as "
                    "%s\n",
                    account_name(me, sizeof me), a.user, a.user);
        return check_as_self(path, &a) ? 1 : 0;
    }
    /* as root for the user: a child becomes the user, as the daemon does */
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "sluis-milter: cannot check as %s: %s\n", a.user, strerror(errno));
        return 1;
    }
    if (pid == 0) {
        if (!account_become(&a, err, sizeof err)) {
            fprintf(stderr, "sluis-milter: %s\n", err);
            _exit(1);
        }
        unsigned n = check_as_self(path, &a);
        fflush(stdout);
        fflush(stderr);
        _exit(n ? 1 : 0);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return 1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
