/*
 * smtpsink - an SMTP server for the benches that accepts everything and
 * keeps nothing: the submission service sluis-milter hands its notices to
 * while the portal path is measured, fast enough not to be what is
 * measured. Listens on 127.0.0.1 (a free port, written to PORTFILE), one
 * thread per connection; counts messages and prints the count on SIGTERM.
 *
 *   smtpsink PORTFILE
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

static unsigned long messages; /* atomic */

static void reply(FILE *f, const char *line)
{
    fputs(line, f);
    fputs("\r\n", f);
    fflush(f);
}

static void *serve(void *arg)
{
    int fd = (int)(intptr_t)arg;
    FILE *f = fdopen(fd, "r+");
    if (f == NULL) {
        close(fd);
        return NULL;
    }
    char line[4096];
    reply(f, "220 sink ESMTP");
    while (fgets(line, sizeof line, f)) {
        if (strncasecmp(line, "EHLO", 4) == 0)
            reply(f, "250-sink\r\n250 PIPELINING");
        else if (strncasecmp(line, "DATA", 4) == 0) {
            reply(f, "354 go ahead");
            while (fgets(line, sizeof line, f) && strcmp(line, ".\r\n") != 0 &&
                   strcmp(line, ".\n") != 0)
                ;
            __atomic_add_fetch(&messages, 1, __ATOMIC_RELAXED);
            reply(f, "250 ok");
        } else if (strncasecmp(line, "QUIT", 4) == 0) {
            reply(f, "221 bye");
            break;
        } else {
            reply(f, "250 ok");
        }
    }
    fclose(f);
    return NULL;
}

/* on_term - print the count and end; digits by hand, as snprintf is not
 * async-signal-safe */
static void on_term(int sig)
{
    (void)sig;
    char buf[24];
    size_t i = sizeof buf;
    unsigned long m = __atomic_load_n(&messages, __ATOMIC_RELAXED);
    buf[--i] = '\n';
    do
        buf[--i] = (char)('0' + m % 10);
    while ((m /= 10) != 0);
    if (write(1, buf + i, sizeof buf - i) < 0) {
        /* nothing to be done in a handler */
    }
    _exit(0);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: smtpsink PORTFILE\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    signal(SIGTERM, on_term);
    int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t sl = sizeof sa;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (s < 0 || bind(s, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(s, 128) != 0 ||
        getsockname(s, (struct sockaddr *)&sa, &sl) != 0) {
        perror("smtpsink");
        return 1;
    }
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
    FILE *pf = fopen(tmp, "w");
    if (pf == NULL || fprintf(pf, "%d\n", ntohs(sa.sin_port)) < 0 || fclose(pf) != 0 ||
        rename(tmp, argv[1]) != 0) {
        perror("smtpsink: port file");
        /* cppcheck-suppress resourceLeak ; the process ends */
        return 1;
    }
    for (;;) {
        int c = accept(s, NULL, NULL);
        if (c < 0)
            continue;
        pthread_t t;
        /* NOLINTNEXTLINE(performance-no-int-to-ptr): the descriptor is the thread's argument */
        if (pthread_create(&t, NULL, serve, (void *)(intptr_t)c) == 0)
            pthread_detach(t);
        else
            close(c);
    }
}
