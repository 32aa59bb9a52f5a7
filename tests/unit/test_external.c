/*
 * test_external - the SMTP client and the external-portal hand-off against
 * real servers started here (tests/integration/receiver.py for SMTP,
 * httpreceiver.py for HTTP), each told by a plan file how to answer.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../common/file.h"
#include "../../common/smtp.h"
#include "../../portal/external.h"
#include "check.h"
#include "server.h"

static char scripts[512], work[64];
static pid_t servers[8];
static int nservers;

/* start - a receiver script on a folder; its port. unix_path: a socket it
 * listens on as well (receiver.py --unix), or NULL */
static int start(const char *script, const char *name, const char *unix_path)
{
    char dir[256], portfile[300], path[600];
    snprintf(dir, sizeof dir, "%s/%s", work, name);
    snprintf(portfile, sizeof portfile, "%s/%s.port", work, name);
    snprintf(path, sizeof path, "%s/%s", scripts, script);
    mkdir(dir, 0700);
    pid_t pid;
    int port = unix_path ? server_start(path, dir, portfile, "--unix", unix_path, &pid)
                         : server_start(path, dir, portfile, NULL, NULL, &pid);
    servers[nservers++] = pid;
    return port;
}

static void plan(const char *name, const char *text)
{
    char path[300];
    snprintf(path, sizeof path, "%s/%s/plan", work, name);
    if (text == NULL) {
        unlink(path);
        return;
    }
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

static char *received(const char *name, int k, const char *ext, size_t *len)
{
    char path[300], err[128];
    snprintf(path, sizeof path, "%s/%s/%03d.%s", work, name, k, ext);
    for (int i = 0; i < 50 && access(path, F_OK) != 0; i++)
        usleep(100000);
    return file_read_all(path, 64u << 20, len, err, sizeof err);
}

static void test_smtp(int port)
{
    struct smtp_target t;
    char spec[64], err[512];
    snprintf(spec, sizeof spec, "127.0.0.1:%d", port);
    CHECK(smtp_target_parse(spec, &t, err, sizeof err) == SL_OK, "%s", err);
    /* bytes as they are: a line that is only ".", a leading dot, bare LF, NUL */
    static const char msg[] = "Subject: t\r\n\r\n.\r\n..twee\nbare LF\r\nnul:\0:end";
    const char *to[] = {"a@x.example", "b@y.example"};
    CHECK(smtp_send(&t, "client.test", "s@z.example", to, 2, msg, sizeof msg - 1, err,
                    sizeof err) == SMTP_OK,
          "send: %s", err);
    size_t len;
    char *got = received("smtp", 1, "eml", &len);
    static const char want[] = "Subject: t\r\n\r\n.\r\n..twee\r\nbare LF\r\nnul:\0:end\r\n";
    CHECK(got && len == sizeof want - 1 && memcmp(got, want, len) == 0,
          "what arrived: dot-unstuffed, LF as CRLF, NUL kept (%zu bytes)", len);
    free(got);
    char *env = received("smtp", 1, "json", &len);
    CHECK(env && strstr(env, "\"<a@x.example>\", \"<b@y.example>\""), "both recipients: %s",
          env ? env : "");
    free(env);

    static const struct {
        const char *plan;
        enum smtp_result want;
        const char *says;
    } cases[] = {
        {"RCPT 451 4.3.0 try later\n", SMTP_TEMP, "RCPT TO: the server answered 451 4.3.0"},
        {"END 452 4.3.1 full\n", SMTP_TEMP, "end of data: the server answered 452"},
        {"MAIL 550 5.7.1 no\n", SMTP_PERM, "MAIL FROM: the server answered 550 5.7.1"},
        {"GREETING 554 go away\n", SMTP_PERM, "greeting: the server answered 554"},
        {"DATA stall\n", SMTP_TEMP, "DATA: timed out"},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        plan("smtp", cases[i].plan);
        t.timeout_ms = 1500;
        err[0] = '\0';
        enum smtp_result r =
            smtp_send(&t, "client.test", "s@z.example", to, 1, "x\r\n", 3, err, sizeof err);
        CHECK(r == cases[i].want && strstr(err, cases[i].says), "plan '%.20s': %s, '%s'",
              cases[i].plan, smtp_result_name(r), err);
        CHECK(!strstr(err, "a@x.example") && !strstr(err, "s@z.example"),
              "no address in the error");
    }
    plan("smtp", NULL);
    snprintf(spec, sizeof spec, "127.0.0.1:1");
    smtp_target_parse(spec, &t, err, sizeof err);
    CHECK(smtp_send(&t, "c", "s@z.example", to, 1, "x", 1, err, sizeof err) == SMTP_TEMP &&
              strstr(err, "connect"),
          "connection refused: temporary (%s)", err);
    static const char *const bad[] = {"nohost",  "host:0",        "host:99999", ":25",
                                      "[::1]25", "unix:relative", "a:b:c"};
    for (size_t i = 0; i < NELEM(bad); i++)
        CHECK(smtp_target_parse(bad[i], &t, err, sizeof err) == SL_EPARSE, "'%s' refused", bad[i]);
    CHECK(smtp_target_parse("[::1]:25", &t, err, sizeof err) == SL_OK && strcmp(t.host, "::1") == 0,
          "IPv6 literal");
    const char *inject[] = {"a@x.example>\r\nRCPT TO:<evil@x.example"};
    CHECK(smtp_send(&t, "c", "s@z.example", inject, 1, "x", 1, err, sizeof err) == SMTP_PERM,
          "an address that would inject a command is refused before connecting");
}

static long long ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (t1.tv_sec - t0->tv_sec) * 1000LL + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

/* test_smtp_sessions - what notices need (the null sender, any first line),
 * a unix socket as the target, stalls bounded by the timeout and the
 * deadline, and more that may not go into a command */
static void test_smtp_sessions(int port, const char *sock)
{
    struct smtp_target tcp, unix_socket, t;
    char spec[160], err[512];
    snprintf(spec, sizeof spec, "127.0.0.1:%d", port);
    CHECK(smtp_target_parse(spec, &tcp, err, sizeof err) == SL_OK, "%s", err);
    snprintf(spec, sizeof spec, "unix:%s", sock);
    CHECK(smtp_target_parse(spec, &unix_socket, err, sizeof err) == SL_OK, "%s", err);
    const char *to[] = {"a@x.example"};

    /* the receiver numbers what it stores: 001 is test_smtp's */
    static const struct {
        const char *name, *sender, *msg, *want, *from;
        bool unix_socket;
    } sends[] = {
        {"null sender, a dot first", "", ".first\n..second\r\n", ".first\r\n..second\r\n",
         "\"from\": \"<>\"", false},
        {"an empty message", "s@z.example", "", "", "\"from\": \"<s@z.example>\"", false},
        {"over a unix socket", "s@z.example", "by unix\r\n", "by unix\r\n",
         "\"from\": \"<s@z.example>\"", true},
    };
    plan("smtp", NULL);
    for (size_t i = 0; i < NELEM(sends); i++) {
        enum smtp_result r =
            smtp_send(sends[i].unix_socket ? &unix_socket : &tcp, "client.test", sends[i].sender,
                      to, 1, sends[i].msg, strlen(sends[i].msg), err, sizeof err);
        CHECK(r == SMTP_OK, "%s: got %s (%s), want ok", sends[i].name, smtp_result_name(r), err);
        size_t len = 0, envlen = 0;
        char *got = received("smtp", 2 + (int)i, "eml", &len);
        char *env = received("smtp", 2 + (int)i, "json", &envlen);
        CHECK(got && len == strlen(sends[i].want) && memcmp(got, sends[i].want, len) == 0,
              "%s: got %zu bytes '%.*s', want '%s'", sends[i].name, len, got ? (int)len : 0,
              got ? got : "", sends[i].want);
        CHECK(env && strstr(env, sends[i].from), "%s: envelope %s, want %s", sends[i].name,
              env ? env : "(none)", sends[i].from);
        free(got);
        free(env);
    }

    /* a stall costs the timeout (whole seconds, rounded up, noticed within
     * about a second), not a second wait for the reply to QUIT; the
     * deadline ends the session even when the timeout is longer */
    static const struct {
        const char *plan;
        unsigned timeout_ms, deadline_ms;
        long long within_ms;
        const char *says;
    } stalls[] = {
        {"DATA stall\n", 1500, 60000, 3600, "DATA: timed out"},
        {"END stall\n", 1500, 60000, 3600, "end of data: timed out"},
        {"RCPT stall\n", 10000, 2000, 3000, "RCPT TO: timed out"},
    };
    for (size_t i = 0; i < NELEM(stalls); i++) {
        plan("smtp", stalls[i].plan);
        t = tcp;
        t.timeout_ms = stalls[i].timeout_ms;
        t.deadline_ms = stalls[i].deadline_ms;
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        enum smtp_result r =
            smtp_send(&t, "client.test", "s@z.example", to, 1, "x\r\n", 3, err, sizeof err);
        long long took = ms_since(&t0);
        CHECK(r == SMTP_TEMP && strstr(err, stalls[i].says) && took <= stalls[i].within_ms,
              "plan '%.12s', timeout %u ms, deadline %u ms: got %s '%s' after %lld ms, want "
              "'%s' within %lld ms",
              stalls[i].plan, stalls[i].timeout_ms, stalls[i].deadline_ms, smtp_result_name(r), err,
              took, stalls[i].says, stalls[i].within_ms);
    }
    plan("smtp", NULL);

    static const struct {
        const char *name, *helo, *sender, *rcpt;
    } refused[] = {
        {"CRLF in the sender", "c", "s@z.example>\r\nRSET", "a@x.example"},
        {"CRLF in the name", "c\r\nRSET", "s@z.example", "a@x.example"},
        {"a control in a recipient", "c", "s@z.example", "a@x.example\x01"},
        {"a tab in the sender", "c", "s\t@z.example", "a@x.example"},
        {"an empty recipient", "c", "s@z.example", ""},
    };
    for (size_t i = 0; i < NELEM(refused); i++) {
        const char *rcpts[] = {refused[i].rcpt};
        enum smtp_result r =
            smtp_send(&tcp, refused[i].helo, refused[i].sender, rcpts, 1, "x", 1, err, sizeof err);
        CHECK(r == SMTP_PERM, "%s: got %s, want refused", refused[i].name, smtp_result_name(r));
    }
    static const char *const bad[] = {"user@host:25", "host/path:25", "[::1/x]:25", "a b:25"};
    for (size_t i = 0; i < NELEM(bad); i++)
        CHECK(smtp_target_parse(bad[i], &t, err, sizeof err) == SL_EPARSE,
              "'%s': got accepted, want refused (it would change the URL)", bad[i]);
}

static void test_http(int port, int smtp_port)
{
    char spec[128], err[512];
    struct external_portal *p = NULL;
    snprintf(spec, sizeof spec, "http://127.0.0.1:%d/intake", port);
    char tok[300];
    snprintf(tok, sizeof tok, "%s/token", work);
    FILE *f = fopen(tok, "w");
    fputs("s3cret-t0ken\n", f);
    fclose(f);
    chmod(tok, 0644);
    CHECK(external_portal_new(spec, NULL, tok, "", &p, err, sizeof err) == SL_EINVAL &&
              strstr(err, "chmod 600"),
          "a token file others can read is refused: %s", err);
    chmod(tok, 0600);
    CHECK(external_portal_new(spec, NULL, tok, "", &p, err, sizeof err) == SL_OK, "%s", err);
    if (p == NULL)
        return;
    external_portal_tries(p, 3, 10000);
    static const char msg[] = "From: a@z.example\r\n\r\nMevrouw \xc3\xa9\0 x";
    const char *to[] = {"familie@gmail.example", "b@y.example"};
    unsigned tries = 0;
    plan("http", "500\n503\n200\n");
    enum external_result r = external_portal_deliver(p, "abc123", "a@z.example", to, 2, 1798761600,
                                                     msg, sizeof msg - 1, &tries, err, sizeof err);
    CHECK(r == EXTERNAL_OK && tries == 3, "two 5xx, then 200: delivered on try %u", tries);
    size_t len;
    char *req = received("http", 3, "json", &len);
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "python3 -c 'import json,sys,base64; r=json.load(open(sys.argv[1])); "
             "b=json.loads(r[\"body\"]); "
             "print(r[\"path\"], r[\"headers\"][\"Authorization\"], "
             "r[\"headers\"][\"Content-Type\"], b[\"id\"], \",\".join(b[\"recipients\"]), "
             "b[\"expires\"], b[\"sender\"], base64.b64decode(b[\"message\"]).hex())' "
             "%s/http/003.json",
             work);
    FILE *pf = popen(cmd, "r");
    char line[1024] = "";
    if (pf) {
        if (fgets(line, sizeof line, pf) == NULL)
            line[0] = '\0';
        pclose(pf);
    }
    char hexmsg[128] = "";
    for (size_t i = 0; i < sizeof msg - 1; i++)
        snprintf(hexmsg + 2 * i, 3, "%02x", (unsigned char)msg[i]);
    char want[1024];
    snprintf(want, sizeof want,
             "/intake Bearer s3cret-t0ken application/json abc123 "
             "familie@gmail.example,b@y.example 2027-01-01T00:00:00Z a@z.example %s\n",
             hexmsg);
    CHECK(strcmp(line, want) == 0, "the JSON reads back: '%s'", line);
    free(req);

    plan("http", "400\n200\n");
    r = external_portal_deliver(p, "x", "a@z.example", to, 1, 0, "m", 1, &tries, err, sizeof err);
    CHECK(r == EXTERNAL_PERM && tries == 1 && strstr(err, "HTTP 400"), "400: no retry (%s)", err);
    plan("http", "429\n");
    r = external_portal_deliver(p, "x", "a@z.example", to, 1, 0, "m", 1, &tries, err, sizeof err);
    CHECK(r == EXTERNAL_TEMP && tries == 3, "429 each time: temporary after 3 tries");
    plan("http", "stall\n");
    external_portal_tries(p, 3, 2000);
    time_t t0 = time(NULL);
    r = external_portal_deliver(p, "x", "a@z.example", to, 1, 0, "m", 1, &tries, err, sizeof err);
    CHECK(r == EXTERNAL_TEMP && time(NULL) - t0 <= 5,
          "a portal that never answers: temporary, "
          "within the deadline (%s)",
          err);
    external_portal_free(p);

    /* by mail, straight to a server */
    snprintf(spec, sizeof spec, "smtp:intake@portal.example via 127.0.0.1:%d", smtp_port);
    CHECK(external_portal_new(spec, NULL, "", "", &p, err, sizeof err) == SL_OK, "%s", err);
    if (p) {
        plan("smtp", NULL);
        r = external_portal_deliver(p, "x", "a@z.example", to, 2, 1798761600,
                                    "Subject: s\r\n\r\nb\r\n", 18, &tries, err, sizeof err);
        CHECK(r == EXTERNAL_OK, "by mail: %s", err);
        char *env = NULL, *got = NULL;
        for (int k = 1; k < 20 && !env; k++) {
            char *e = received("smtp", k, "json", &len);
            if (e && strstr(e, "intake@portal.example")) {
                env = e;
                got = received("smtp", k, "eml", &len);
            } else {
                free(e);
            }
        }
        CHECK(env && got &&
                  strstr(got, "X-Sluis-Recipients: familie@gmail.example,\r\n b@y.example\r\n") &&
                  strstr(got, "X-Sluis-Expires: 2027-01-01T00:00:00Z\r\nSubject: s\r\n"),
              "by mail: the original under two headers");
        free(env);
        free(got);
        plan("smtp", "RCPT 550 5.1.1 no such intake\n");
        r = external_portal_deliver(p, "x", "a@z.example", to, 1, 0, "m", 1, &tries, err,
                                    sizeof err);
        CHECK(r == EXTERNAL_PERM && tries == 1, "a refused intake: permanent, one try");
        plan("smtp", NULL);
        external_portal_free(p);
    }
    static const char *const bad[] = {"smtp:", "smtp:noat", "smtp:a@b via nowhere", "ftp://x",
                                      "portal"};
    for (size_t i = 0; i < NELEM(bad); i++) {
        p = NULL;
        CHECK(external_portal_new(bad[i], NULL, "", "", &p, err, sizeof err) == SL_EPARSE &&
                  p == NULL,
              "'%s' refused", bad[i]);
    }
}

int main(int argc, char **argv)
{
    snprintf(scripts, sizeof scripts, "%s/../../integration",
             argc > 1 ? argv[1] : "tests/unit/data");
    snprintf(work, sizeof work, "/tmp/sluis-test-external-XXXXXX");
    if (mkdtemp(work) == NULL)
        return 1;
    signal(SIGPIPE, SIG_IGN);
    char sock[128];
    snprintf(sock, sizeof sock, "%s/smtp.sock", work);
    int smtp_port = start("receiver.py", "smtp", sock);
    int http_port = start("httpreceiver.py", "http", NULL);
    CHECK(smtp_port > 0 && http_port > 0, "receivers started");
    if (smtp_port > 0 && http_port > 0) {
        test_smtp(smtp_port);
        test_smtp_sessions(smtp_port, sock);
        test_http(http_port, smtp_port);
    }
    for (int i = 0; i < nservers; i++) {
        kill(servers[i], SIGTERM);
        waitpid(servers[i], NULL, 0);
    }
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", work);
    if (system(cmd) != 0)
        fprintf(stderr, "cleanup failed\n");
    return check_summary("test_external");
}
