/*
 * check - sluis-milter -n: is the configuration valid, and can the user
 * the milter runs as open everything it needs? A check creates no file:
 * a portal database that is not there yet is not made (its folder is
 * checked instead), and nothing is bound or written.
 *
 * The files are tried as the milter would try them after it has dropped
 * its privileges: run as root with `user` set, the check forks, the child
 * becomes that user as the daemon does and opens what the daemon would
 * open; run as anyone else (systemd's User=sluis), it checks as itself.
 */
#ifndef SLUIS_CHECK_H
#define SLUIS_CHECK_H

/* check_run - check the configuration at path (NULL: the embedded
 * defaults). Each problem goes to standard error on a line of its own
 * that names the path, the user and what to do; a last line on standard
 * output says all is well. Returns the exit status: 0 valid, 1 not. */
int check_run(const char *path);

#endif
