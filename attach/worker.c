/*
 * sluis-extract - the extraction worker: reads attached documents for the
 * scanner, one at a time, over the socket on its standard input.
 *
 *   sluis-extract                   serve requests (started by the scanner)
 *   sluis-extract --check-sandbox   enter the sandbox, try what it forbids,
 *                                   report, exit 0 when all of it was refused
 *
 * Hostile documents are parsed here and nowhere else. Before the first
 * request the worker closes every descriptor but the socket and enters its
 * sandbox: no core dumps, at most 32 descriptors, no new privileges, and a seccomp filter refusing
 * sockets, exec, fork, ptrace and opening files for writing. Per request it sets its address-space
 * limit and a CPU-time limit from the request. Out of memory in our own code is a note and a clean
 * exit; a crash inside a library is the scanner's to see.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "doc.h"
#include "docread.h"
#include "wire.h"

/* sanitizer runtimes reserve terabytes of address space and trace the
 * process for leak checks: in those builds the address-space limit and the
 * ptrace/fork refusals are left out */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

#define SOCK 0

static bool write_all(const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t k = send(SOCK, p, n, MSG_NOSIGNAL);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}

/* read_all - false on end of input or error */
static bool read_all(void *buf, size_t n)
{
    char *p = buf;
    while (n > 0) {
        ssize_t k = read(SOCK, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}

static bool send_record(uint8_t type, uint8_t flag, const char *where, const char *payload,
                        size_t len)
{
    size_t wl = strnlen(where, WIRE_MAX_WHERE);
    struct wire_record rec = {type, flag, (uint16_t)wl, (uint32_t)len};
    return write_all(&rec, sizeof rec) && write_all(where, wl) && write_all(payload, len);
}

static enum sl_status sink_text(struct doc_sink *s, const char *where, const char *text, size_t len,
                                unsigned flags)
{
    (void)s;
    return send_record(WIRE_TEXT, (uint8_t)flags, where, text, len) ? SL_OK : SL_EIO;
}

static enum sl_status sink_note(struct doc_sink *s, const char *rule, const char *where,
                                bool incomplete)
{
    (void)s;
    return send_record(WIRE_NOTE, incomplete ? 1 : 0, where, rule, strlen(rule)) ? SL_OK : SL_EIO;
}

static bool deny(scmp_filter_ctx ctx, int sc)
{
    return seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), sc, 0) == 0;
}

/* sandbox_enter - resource limits and the seccomp filter; false when the
 * filter could not be loaded (the worker then refuses to work) */
static bool sandbox_enter(void)
{
    struct rlimit zero = {0, 0}, files = {32, 32};
    setrlimit(RLIMIT_CORE, &zero);
    setrlimit(RLIMIT_NOFILE, &files);
    signal(SIGPIPE, SIG_IGN);
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return false;

    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (ctx == NULL)
        return false;
    bool ok = true;
    static const int net[] = {SCMP_SYS(socket),   SCMP_SYS(socketpair), SCMP_SYS(connect),
                              SCMP_SYS(bind),     SCMP_SYS(listen),     SCMP_SYS(accept),
                              SCMP_SYS(accept4),  SCMP_SYS(execve),     SCMP_SYS(execveat),
                              SCMP_SYS(unlink),   SCMP_SYS(unlinkat),   SCMP_SYS(rename),
                              SCMP_SYS(renameat), SCMP_SYS(renameat2),  SCMP_SYS(mkdir),
                              SCMP_SYS(mkdirat),  SCMP_SYS(creat),      SCMP_SYS(truncate)};
    for (size_t i = 0; i < sizeof net / sizeof net[0]; i++)
        ok = ok && deny(ctx, net[i]);
    /* files are opened for reading only */
    ok = ok &&
         seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 1,
                          SCMP_A2(SCMP_CMP_MASKED_EQ, O_ACCMODE, O_WRONLY)) == 0 &&
         seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 1,
                          SCMP_A2(SCMP_CMP_MASKED_EQ, O_ACCMODE, O_RDWR)) == 0 &&
         seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 1,
                          SCMP_A2(SCMP_CMP_MASKED_EQ, O_CREAT, O_CREAT)) == 0 &&
         seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(open), 1,
                          SCMP_A1(SCMP_CMP_MASKED_EQ, O_ACCMODE, O_WRONLY)) == 0 &&
         seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(open), 1,
                          SCMP_A1(SCMP_CMP_MASKED_EQ, O_ACCMODE, O_RDWR)) == 0 &&
         seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(open), 1,
                          SCMP_A1(SCMP_CMP_MASKED_EQ, O_CREAT, O_CREAT)) == 0;
    if (!SANITIZED) {
        /* threads may start, processes may not: clone without CLONE_THREAD
         * is a fork; clone3 hides its flags, so it is refused and glibc
         * falls back to clone */
        ok = ok && deny(ctx, SCMP_SYS(fork)) && deny(ctx, SCMP_SYS(vfork)) &&
             deny(ctx, SCMP_SYS(ptrace)) &&
             seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(clone), 1,
                              SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0)) == 0 &&
             seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0) == 0;
    }
    ok = ok && seccomp_load(ctx) == 0;
    seccomp_release(ctx);
    return ok;
}

/* limit_request - CPU seconds from now, and the address space */
static void limit_request(const struct wire_request *rq)
{
    struct rusage ru;
    struct rlimit cpu, as;
    getrusage(RUSAGE_SELF, &ru);
    rlim_t used = (rlim_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + 1;
    cpu.rlim_cur = used + rq->max_ms / 1000 + 1;
    cpu.rlim_max = RLIM_INFINITY;
    setrlimit(RLIMIT_CPU, &cpu);
    if (!SANITIZED && rq->max_mb) {
        as.rlim_cur = (rlim_t)rq->max_mb * 1024 * 1024;
        as.rlim_max = RLIM_INFINITY;
        setrlimit(RLIMIT_AS, &as);
    }
}

/* serve - one request; false ends the worker */
static bool serve(void)
{
    struct wire_request rq;
    if (!read_all(&rq, sizeof rq))
        return false;
    if (rq.magic != WIRE_MAGIC || rq.name_len > WIRE_MAX_NAME || rq.mime_len > WIRE_MAX_NAME ||
        rq.data_len > WIRE_MAX_DATA)
        return false;
    char name[WIRE_MAX_NAME + 1], mime[WIRE_MAX_NAME + 1];
    char *data = malloc(rq.data_len + 1);
    if (data == NULL || !read_all(name, rq.name_len) || !read_all(mime, rq.mime_len) ||
        !read_all(data, rq.data_len)) {
        free(data);
        return false;
    }
    name[rq.name_len] = '\0';
    mime[rq.mime_len] = '\0';
    data[rq.data_len] = '\0';

    limit_request(&rq);
    struct doc_sink sink = {sink_text, sink_note, NULL};
    struct doc_usage used = {0, 0, 0};
    enum sl_status st = doc_extract(data, rq.data_len, name, mime, &rq.lim, &sink, &used);
    free(data);
    if (st == SL_OK && (used.ocr_pages || used.ocr_seen || used.ocr_ms) &&
        !send_record(WIRE_USAGE, 0, "", (const char *)&used, sizeof used))
        st = SL_EIO;
    if (st == SL_EIO ||
        (st == SL_ENOMEM && sink_note(&sink, "unscannable.memory-limit", "", true) != SL_OK))
        return false; /* the scanner is gone, or cannot be told */
    struct wire_record end = {WIRE_END, 0, 0, 0};
    /* after running out of memory, a fresh process serves the next one */
    return write_all(&end, sizeof end) && st == SL_OK;
}

/* check_sandbox - what a document could try, tried */
static int check_sandbox(void)
{
    int refused = 0, tried = 0;
    if (!sandbox_enter()) {
        printf("sandbox: could not be entered\n");
        return 1;
    }
    tried++;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    printf("network socket: %s\n", s < 0 ? "refused" : "ALLOWED");
    refused += s < 0;
    if (s >= 0)
        close(s);
    tried++;
    int f = open("/tmp/sluis-sandbox-probe", O_WRONLY | O_CREAT, 0600);
    printf("open for writing: %s\n", f < 0 ? "refused" : "ALLOWED");
    refused += f < 0;
    if (f >= 0) {
        close(f);
        unlink("/tmp/sluis-sandbox-probe");
    }
    tried++;
    char *argv[] = {"/bin/true", NULL};
    execv(argv[0], argv);
    printf("exec: refused\n"); /* execv returns only when refused */
    refused++;
    if (!SANITIZED) {
        tried++;
        pid_t pid = fork();
        if (pid == 0)
            _exit(0);
        if (pid > 0)
            waitpid(pid, NULL, 0);
        printf("fork: %s\n", pid < 0 ? "refused" : "ALLOWED");
        refused += pid < 0;
    }
    printf("%d of %d refused\n", refused, tried);
    return refused == tried ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--check-sandbox") == 0)
        return check_sandbox();
    if (argc != 1) {
        fprintf(stderr, "usage: sluis-extract [--check-sandbox]\n"
                        "(started by sluis and sluis-milter, with a socket on standard input)\n");
        return 2;
    }
    close_range(3, ~0u, 0);
    if (!sandbox_enter()) {
        fprintf(stderr, "sluis-extract: cannot enter the sandbox: %s\n", strerror(errno));
        return 1;
    }
    while (serve())
        ;
    ocr_end();
    return 0;
}
