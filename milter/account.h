/*
 * account - the user and group sluis-milter runs as: who they are, and
 * becoming them. Shared by the daemon (after it has bound its socket) and
 * by -n, which checks files as that user would open them.
 *
 * The socket's group is socket_group when set, else the user's primary
 * group (the OpenDKIM way: Postfix joins the milter's group, `adduser
 * postfix sluis`). Not thread-safe: call before any thread starts.
 */
#ifndef SLUIS_ACCOUNT_H
#define SLUIS_ACCOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct account {
    char user[64];  /* "" when no user is configured */
    uid_t uid;      /* (uid_t)-1 when no user is configured */
    gid_t gid;      /* the user's primary group, (gid_t)-1 without a user */
    char group[64]; /* the socket's group by name; "" none to set */
    gid_t sock_gid; /* (gid_t)-1: leave the socket's group as it is made */
};

/* account_lookup - user ("" none) and socket_group ("" none) by name into
 * a; false with err ("user sluis: no such user") otherwise */
bool account_lookup(const char *user, const char *socket_group, struct account *a, char *err,
                    size_t errlen);

/* account_become - as root, become a's user for good: its supplementary
 * groups, its group, its uid. Nothing to do without a user, or when not
 * root (then the process already is whom it can be). false with err. */
bool account_become(const struct account *a, char *err, size_t errlen);

/* account_name - the user the process runs as now, for messages */
const char *account_name(char *buf, size_t len);

#endif
