/*
 * account - user and group look-up, dropping privileges. See account.h.
 */
#include "account.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

bool account_lookup(const char *user, const char *socket_group, struct account *a, char *err,
                    size_t errlen)
{
    memset(a, 0, sizeof *a);
    a->uid = (uid_t)-1;
    a->gid = a->sock_gid = (gid_t)-1;
    if (user && *user) {
        /* cppcheck-suppress getpwnamCalled ; at start-up or in -n, before any thread */
        struct passwd *pw = getpwnam(user);
        if (pw == NULL) {
            snprintf(err, errlen, "user %s: no such user", user);
            return false;
        }
        snprintf(a->user, sizeof a->user, "%s", user);
        a->uid = pw->pw_uid;
        a->gid = a->sock_gid = pw->pw_gid;
        /* cppcheck-suppress getgrgidCalled ; at start-up or in -n, before any thread */
        struct group *gr = getgrgid(pw->pw_gid);
        if (gr)
            snprintf(a->group, sizeof a->group, "%s", gr->gr_name);
        else
            snprintf(a->group, sizeof a->group, "%ld", (long)pw->pw_gid);
    }
    if (socket_group && *socket_group) {
        /* cppcheck-suppress getgrnamCalled ; at start-up or in -n, before any thread */
        struct group *gr = getgrnam(socket_group);
        if (gr == NULL) {
            snprintf(err, errlen, "socket_group %s: no such group", socket_group);
            return false;
        }
        snprintf(a->group, sizeof a->group, "%s", socket_group);
        a->sock_gid = gr->gr_gid;
    }
    return true;
}

bool account_become(const struct account *a, char *err, size_t errlen)
{
    if (!a->user[0] || getuid() != 0)
        return true;
    if (setgroups(0, NULL) != 0 || initgroups(a->user, a->gid) != 0 || setgid(a->gid) != 0 ||
        setuid(a->uid) != 0) {
        snprintf(err, errlen, "cannot become %s: %s", a->user, strerror(errno));
        return false;
    }
    return true;
}

const char *account_name(char *buf, size_t len)
{
    /* cppcheck-suppress getpwuidCalled ; at start-up or in -n, before any thread */
    struct passwd *pw = getpwuid(geteuid());
    if (pw)
        snprintf(buf, len, "%s", pw->pw_name);
    else
        snprintf(buf, len, "uid %ld", (long)geteuid());
    return buf;
}
