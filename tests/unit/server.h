/*
 * server - a test's helper server: a python3 script of tests/integration/
 * (receiver.py, an HTTP stand-in) started in a child process, which writes
 * the port it listens on into a file once it does.
 */
#ifndef SLUIS_TEST_SERVER_H
#define SLUIS_TEST_SERVER_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

/* server_start - run `python3 script dir portfile [opt val]` (opt NULL: no
 * option) as *pid; its port once it has written it (up to 10 s), else 0 */
static inline int server_start(const char *script, const char *dir, const char *portfile,
                               const char *opt, const char *val, pid_t *pid)
{
    *pid = fork();
    if (*pid == 0) {
        execlp("python3", "python3", script, dir, portfile, opt, val, (char *)NULL);
        _exit(127);
    }
    for (int i = 0; i < 100; i++) {
        FILE *f = fopen(portfile, "r");
        int port = 0;
        bool got = f && fscanf(f, "%d", &port) == 1 && port > 0;
        if (f)
            fclose(f);
        if (got)
            return port;
        usleep(100000);
    }
    return 0;
}

#endif
