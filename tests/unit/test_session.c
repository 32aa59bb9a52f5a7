/*
 * test_session - what sluis-milter does to a message, without Postfix: the
 * session is driven as libmilter would drive it, with a recorder in place
 * of the smfi_* calls, under configurations written for each case.
 */
#include <dirent.h>
#include <openssl/evp.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../common/file.h"
#include "../../milter/log.h"
#include "../../milter/record.h"
#include "../../milter/session.h"
#include "../../policy/tags.h"
#include "../../smime/certs.h"
#include "../../store/metrics.h"
#include "../../store/pseudo.h"
#include "check.h"
#include "server.h"

struct record {
    char headers[256];
    char changed[256];
    char removed[256];
    char quarantine[256];
    char reply[512];
    const char *auth;
    const char *subject; /* NULL: "overdracht" */
    bool fail_header;
    int stop_at;           /* a stop is asked for from this call of stopping() on (0: never) */
    const char *stop_when; /* ... or once this file exists */
    int stop_calls;
    size_t body_len; /* the body replace_body gave (0: none) */
    bool body_clear; /* ... held the BSN of SENSITIVE in clear */
};

static const char *r_macro(void *h, const char *name)
{
    struct record *r = h;
    if (strcmp(name, "i") == 0)
        return "4QTEST";
    if (strcmp(name, "{auth_authen}") == 0)
        return r->auth;
    if (strcmp(name, "{daemon_name}") == 0)
        return "submission";
    return NULL;
}

static bool r_add_header(void *h, const char *name, const char *value)
{
    struct record *r = h;
    if (r->fail_header)
        return false;
    size_t n = strlen(r->headers);
    snprintf(r->headers + n, sizeof r->headers - n, "%s: %s\n", name, value);
    return true;
}

static bool r_quarantine(void *h, const char *reason)
{
    struct record *r = h;
    snprintf(r->quarantine, sizeof r->quarantine, "%s", reason);
    return true;
}

static bool r_set_reply(void *h, const char *rcode, const char *xcode, const char *text)
{
    struct record *r = h;
    snprintf(r->reply, sizeof r->reply, "%s %s %s", rcode, xcode, text);
    return true;
}

static bool r_del_rcpt(void *h, const char *rcpt)
{
    struct record *r = h;
    size_t n = strlen(r->removed);
    snprintf(r->removed + n, sizeof r->removed - n, "%s\n", rcpt);
    return true;
}

static bool r_chg_header(void *h, const char *name, int index, const char *value)
{
    struct record *r = h;
    size_t n = strlen(r->changed);
    snprintf(r->changed + n, sizeof r->changed - n, "%s[%d]: %s\n", name, index,
             value ? value : "(removed)");
    return true;
}

static bool r_replace_body(void *h, const char *data, size_t len)
{
    struct record *r = h;
    r->body_len += len;
    r->body_clear |= memmem(data, len, "123456782", 9) != NULL;
    return true;
}

static bool r_stopping(void *h)
{
    struct record *r = h;
    r->stop_calls++;
    if (r->stop_when && access(r->stop_when, F_OK) == 0)
        return true;
    return r->stop_at > 0 && r->stop_calls >= r->stop_at;
}

#define RECORDER(r)                                                                                \
    {                                                                                              \
        (r), r_macro, r_add_header, r_quarantine, r_set_reply, r_del_rcpt, r_chg_header,           \
            r_stopping, r_replace_body                                                             \
    }

static const char *const HEADERS[][2] = {
    {"From", "Anja Bakker <anja@zorg-example.nl>"},
    {"To", "someone"},
    {"Subject", "overdracht"},
    {"MIME-Version", "1.0"},
    {"Content-Type", "text/plain; charset=utf-8"},
};
static const char SENSITIVE[] =
    "Mevrouw Jansen (BSN 123456782) is opgenomen met een delier en krijgt haloperidol.\n";
static const char CLEAN[] = "De parkeerplaats is morgen gesloten.\n";

/* message - drive one message through s; returns the end-of-message answer
 * (or the first answer that is not "continue") */
static enum session_rc message(struct session *s, struct record *r, const char *from,
                               const char *const *to, size_t nto, const char *body, size_t repeat)
{
    struct milter_io io = RECORDER(r);
    enum session_rc rc = session_envfrom(s, &io, from);
    for (size_t i = 0; rc == SESSION_CONTINUE && i < nto; i++)
        rc = session_envrcpt(s, &io, to[i]);
    if (rc == SESSION_CONTINUE)
        rc = session_data(s, &io);
    for (size_t i = 0; rc == SESSION_CONTINUE && i < NELEM(HEADERS); i++)
        rc = session_header(s, HEADERS[i][0],
                            strcmp(HEADERS[i][0], "Subject") == 0 && r->subject ? r->subject
                                                                                : HEADERS[i][1]);
    if (rc == SESSION_CONTINUE)
        rc = session_eoh(s);
    for (size_t i = 0; rc == SESSION_CONTINUE && i < repeat; i++)
        rc = session_body(s, body, strlen(body));
    if (rc == SESSION_CONTINUE)
        rc = session_eom(s, &io);
    return rc;
}

/* log_capture - what the milter logs (standard error, the tests' log
 * target) goes to a file until log_captured, which returns it (the
 * caller frees it; NULL if it could not be read) */
static int log_capture(char path[32])
{
    snprintf(path, 32, "/tmp/sluis-test-log-XXXXXX");
    int fd = mkstemp(path), saved = -1;
    fflush(stderr);
    if (fd >= 0) {
        saved = dup(STDERR_FILENO);
        dup2(fd, STDERR_FILENO);
        close(fd);
    }
    return saved;
}

static char *log_captured(int saved, const char *path)
{
    char err[256];
    size_t len;
    fflush(stderr);
    if (saved >= 0) {
        dup2(saved, STDERR_FILENO);
        close(saved);
    }
    char *text = file_read_all(path, 1 << 20, &len, err, sizeof err);
    unlink(path);
    return text;
}

/* with_config - a snapshot from these config lines */
static struct snapshot *with_config(const char *lines)
{
    char path[] = "/tmp/sluis-test-conf-XXXXXX", err[512];
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, lines, strlen(lines)) != (ssize_t)strlen(lines)) {
        CHECK(false, "cannot write a config");
        return NULL;
    }
    close(fd);
    struct snapshot *snap;
    enum sl_status st = snapshot_load(path, &snap, err, sizeof err);
    unlink(path);
    CHECK(st == SL_OK, "config: %s", err);
    return st == SL_OK ? snap : NULL;
}

/* rm_rf - a folder this test made, with what is in it */
static void rm_rf(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", dir);
}

struct tcase {
    const char *name;
    const char *config;
    const char *from;
    const char *to[3];
    const char *body;
    size_t repeat;
    const char *auth;
    bool fail_header;
    enum session_rc want;
    enum action want_action;
    const char *want_header, *want_quarantine, *want_reply;
};

#define ORG                                                                                        \
    "org_domains = zorg-example.nl\ntls_partners = partner-example.nl\nchannels = smime tls\n"

static const struct tcase cases[] = {
    {"clean mail to an outside address",
     ORG,
     "anja@zorg-example.nl",
     {"piet@gmail.com"},
     CLEAN,
     1,
     NULL,
     false,
     SESSION_ACCEPT,
     ACTION_PASS,
     "",
     "",
     ""},
    {"health data to a colleague",
     ORG,
     "anja@zorg-example.nl",
     {"kees@zorg-example.nl"},
     SENSITIVE,
     1,
     NULL,
     false,
     SESSION_ACCEPT,
     ACTION_PASS,
     "",
     "",
     ""},
    {"health data to a verified partner: the TLS route",
     ORG,
     "anja@zorg-example.nl",
     {"arts@partner-example.nl"},
     SENSITIVE,
     1,
     NULL,
     false,
     SESSION_ACCEPT,
     ACTION_TLS,
     "X-Sluis-Route: tls\n",
     "",
     ""},
    {"health data to anyone else: held",
     ORG,
     "anja@zorg-example.nl",
     {"piet@gmail.com"},
     SENSITIVE,
     1,
     NULL,
     false,
     SESSION_ACCEPT,
     ACTION_HOLD,
     "",
     "sluis: health data to an external recipient",
     ""},
    {"the strictest decision of all recipients",
     ORG,
     "anja@zorg-example.nl",
     {"kees@zorg-example.nl", "arts@partner-example.nl", "piet@gmail.com"},
     SENSITIVE,
     1,
     NULL,
     false,
     SESSION_ACCEPT,
     ACTION_HOLD,
     "",
     "sluis: health data to an external recipient",
     ""},
    {"rejected when the site says so",
     ORG "fallback = reject\n",
     "anja@zorg-example.nl",
     {"piet@gmail.com"},
     SENSITIVE,
     1,
     NULL,
     false,
     SESSION_REJECT,
     ACTION_REJECT,
     "",
     "",
     "550 5.7.1 Dit bericht bevat medische gegevens"},
    {"temporary failure when the site says so",
     ORG "fallback = tempfail\n",
     "anja@zorg-example.nl",
     {"piet@gmail.com"},
     SENSITIVE,
     1,
     NULL,
     false,
     SESSION_TEMPFAIL,
     ACTION_TEMPFAIL,
     "",
     "",
     "451 4.7.1 "},
    {"inbound mail passes at DATA, untouched",
     ORG,
     "someone@gmail.com",
     {"anja@zorg-example.nl"},
     SENSITIVE,
     1,
     NULL,
     false,
     SESSION_ACCEPT,
     ACTION_PASS,
     "",
     "",
     ""},
    {"an authenticated sender from elsewhere is outgoing",
     ORG,
     "anja.prive@gmail.com",
     {"piet@gmail.com"},
     SENSITIVE,
     1,
     "anja",
     false,
     SESSION_ACCEPT,
     ACTION_HOLD,
     "",
     "sluis: health data to an external recipient",
     ""},
    {"mail through an outgoing Postfix service is outgoing",
     ORG "outgoing_daemons = submission\n",
     "anja.prive@gmail.com",
     {"piet@gmail.com"},
     SENSITIVE,
     1,
     NULL,
     false,
     SESSION_ACCEPT,
     ACTION_HOLD,
     "",
     "sluis: health data to an external recipient",
     ""},
    {"over max_message_bytes: the oversize action",
     ORG "max_message_bytes = 2048\n",
     "anja@zorg-example.nl",
     {"piet@gmail.com"},
     CLEAN,
     200,
     NULL,
     false,
     SESSION_REJECT,
     ACTION_REJECT,
     "",
     "",
     "552 5.3.4 Dit bericht is te groot"},
    {"spilled to a file and still scanned",
     ORG "memory_bytes = 4096\ntmpdir = /tmp\n",
     "anja@zorg-example.nl",
     {"piet@gmail.com"},
     SENSITIVE,
     200,
     NULL,
     false,
     SESSION_ACCEPT,
     ACTION_HOLD,
     "",
     "sluis: health data to an external recipient",
     ""},
    {"the spool cannot be written: temporary failure",
     ORG "memory_bytes = 4096\ntmpdir = /nonexistent/sluis\n",
     "anja@zorg-example.nl",
     {"piet@gmail.com"},
     SENSITIVE,
     200,
     NULL,
     false,
     SESSION_TEMPFAIL,
     ACTION_TEMPFAIL,
     "",
     "",
     "451 4.7.1 "},
    {"the route header cannot be added: temporary failure",
     ORG,
     "anja@zorg-example.nl",
     {"arts@partner-example.nl"},
     SENSITIVE,
     1,
     NULL,
     true,
     SESSION_TEMPFAIL,
     ACTION_TEMPFAIL,
     "",
     "",
     "451 4.7.1 "},
    {"the error action pass, where a site insists",
     ORG "on_error = pass\n",
     "anja@zorg-example.nl",
     {"arts@partner-example.nl"},
     SENSITIVE,
     1,
     NULL,
     true,
     SESSION_ACCEPT,
     ACTION_PASS,
     "",
     "",
     ""},
};

/* --- the portal path: a store in a folder, a receiver for the notices --- */

/* receiver_start - tests/integration/receiver.py on dir/rcv; its port */
static int receiver_start(const char *scripts, const char *dir, pid_t *pid)
{
    char out[400], portfile[400], script[600];
    snprintf(out, sizeof out, "%s/rcv", dir);
    snprintf(portfile, sizeof portfile, "%s/rcv.port", dir);
    snprintf(script, sizeof script, "%s/receiver.py", scripts);
    return server_start(script, out, portfile, NULL, NULL, pid);
}

/* received - how many messages the receiver in dir/rcv has kept */
static int received(const char *dir)
{
    char path[400];
    snprintf(path, sizeof path, "%s/rcv", dir);
    DIR *d = opendir(path);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        size_t len = strlen(e->d_name);
        n += len > 4 && strcmp(e->d_name + len - 4, ".eml") == 0;
    }
    if (d)
        closedir(d);
    return n;
}

/* received_json - does the receiver's k-th message's envelope (from 1)
 * hold "PREFIX<addr>"? */
static bool received_json(const char *dir, int k, const char *prefix, const char *addr)
{
    char path[400], text[2048] = "", want[400];
    snprintf(path, sizeof path, "%s/rcv/%03d.json", dir, k);
    snprintf(want, sizeof want, "%s\"<%s>\"", prefix, addr);
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    if (f)
        fclose(f);
    text[n] = '\0';
    return strstr(text, want) != NULL;
}

/* received_to - does the receiver's k-th message (from 1) go to addr? */
static bool received_to(const char *dir, int k, const char *addr)
{
    return received_json(dir, k, "", addr);
}

/* received_from - was the receiver's k-th message (from 1) sent with
 * envelope sender addr ("" the null sender)? */
static bool received_from(const char *dir, int k, const char *addr)
{
    return received_json(dir, k, "\"from\": ", addr);
}

/* received_count - how often needle stands in the receiver's k-th
 * message (from 1), as it was sent */
static int received_count(const char *dir, int k, const char *needle)
{
    char path[400];
    snprintf(path, sizeof path, "%s/rcv/%03d.eml", dir, k);
    size_t len;
    char err[256];
    char *text = file_read_all(path, 1 << 20, &len, err, sizeof err);
    int n = 0;
    for (const char *p = text; p && (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    free(text);
    return n;
}

/* store_count - the number a counting query on the portal store at db
 * gives (-1: unreadable) */
static int store_count(const char *db, const char *sql)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *q = NULL;
    int n = -1;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        n = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(h);
    return n;
}

/* store_rows - rows in a table of the portal store at db (-1: unreadable) */
static int store_rows(const char *db, const char *table)
{
    char sql[64];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    return store_count(db, sql);
}

/* a sensitive message to an outside address goes to the portal; what is
 * kept and what is sent when a step fails or a stop is asked for */
struct rcase {
    const char *name;
    bool no_service;     /* submission to a closed port */
    const char *plan;    /* how the receiver answers (NULL: it takes everything) */
    int stop_at;         /* stopping() says yes from this call on (0: never) */
    bool stop_at_notice; /* ... or once the sender's notice has arrived */
    bool two;            /* a second recipient for the portal */
    enum session_rc want;
    int want_kept;     /* messages in the store afterwards */
    int want_received; /* notices the receiver took */
};

static const struct rcase rcases[] = {
    {"delivered: kept, the sender's notice, then the recipient's", false, NULL, 0, false, false,
     SESSION_DISCARD, 1, 2},
    {"a stop once the sender's notice is out: the recipient's notice still goes", false, NULL, 0,
     true, false, SESSION_DISCARD, 1, 2},
    {"no submission service: the message kept is removed again, tempfail", true, NULL, 0, false,
     false, SESSION_TEMPFAIL, 0, 0},
    {"the sender's notice refused: the message kept is removed again, tempfail", false,
     "MAIL 451 4.3.0 try later\n", 0, false, false, SESSION_TEMPFAIL, 0, 0},
    {"a stop before anything: nothing kept, nothing sent, tempfail", false, NULL, 1, false, false,
     SESSION_TEMPFAIL, 0, 0},
    {"a stop after the store put: the message removed again, nothing sent, tempfail", false, NULL,
     2, false, false, SESSION_TEMPFAIL, 0, 0},
    /* each retry would otherwise leave another copy of health data for
     * expiry_days: the retry keeps it again with fresh codes */
    {"the recipient's notice refused after the sender's: tried again, then tempfail, and the "
     "kept message removed",
     false, "FIRST 1\nRCPT 451 4.3.0 try later\n", 0, false, false, SESSION_TEMPFAIL, 0, 1},
    {"the second recipient's notice refused after the first went out: tempfail, nothing kept",
     false, "FIRST 2\nRCPT 451 4.3.0 try later\n", 0, false, true, SESSION_TEMPFAIL, 0, 2},
};

/* outside_reader - another process reads the store, as sluis-portal does */
static void outside_reader(const char *db)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd,
             "python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute(\"select "
             "count(*) from messages\").fetchone()' '%s'",
             db);
    CHECK(system(cmd) == 0, "an outside reader of the store");
}

/* test_reload - reloads while a connection holds the previous snapshot
 * open the store again. Opening (and closing) the database file for that
 * dropped the process's locks on it, so that an outside reader deleted
 * the WAL under the milter: a later message got "database disk image is
 * malformed". */
static void test_reload(const char *dir, const char *key, int port)
{
    char db[400], ok_conf[1024], down_conf[1024];
    snprintf(db, sizeof db, "%s/reload.db", dir);
    snprintf(ok_conf, sizeof ok_conf,
             "org_domains = zorg-example.nl\nportal_db = %s\nportal_key = %s\n"
             "submission = 127.0.0.1:%d\n",
             db, key, port);
    snprintf(down_conf, sizeof down_conf,
             "org_domains = zorg-example.nl\nportal_db = %s\nportal_key = %s\n"
             "submission = 127.0.0.1:1\n",
             db, key);
    const char *to[] = {"piet@gmail.com"};
    struct snapshot *first = with_config(ok_conf);
    struct session *held = first ? session_new(first) : NULL;
    snapshot_release(first);
    struct record r0 = {0};
    CHECK(held &&
              message(held, &r0, "anja@zorg-example.nl", to, 1, SENSITIVE, 1) == SESSION_DISCARD,
          "reload: a first message through the portal");
    outside_reader(db);
    struct snapshot *second = with_config(down_conf); /* a reload */
    session_free(held);
    outside_reader(db);
    struct session *s2 = second ? session_new(second) : NULL;
    struct record r1 = {0};
    CHECK(s2 && message(s2, &r1, "anja@zorg-example.nl", to, 1, SENSITIVE, 1) == SESSION_TEMPFAIL,
          "reload: a message rolled back");
    outside_reader(db);
    struct snapshot *third = with_config(ok_conf); /* a reload while s2 is open */
    session_free(s2);
    snapshot_release(second);
    snapshot_release(third);
    struct snapshot *fourth = with_config(ok_conf);
    struct session *s4 = fourth ? session_new(fourth) : NULL;
    snapshot_release(fourth);
    struct record r2 = {0};
    enum session_rc rc =
        s4 ? message(s4, &r2, "anja@zorg-example.nl", to, 1, SENSITIVE, 1) : SESSION_TEMPFAIL;
    CHECK(rc == SESSION_DISCARD && store_rows(db, "messages") == 2,
          "reload: the store still takes messages after reloads and outside readers (answer %d, "
          "%d kept)",
          (int)rc, store_rows(db, "messages"));
    session_free(s4);
}

/* test_env_from - a sender outside the organisation's domains (an
 * authenticated one): the recipient's notice bounces to notice_from */
static void test_env_from(const char *dir, const char *key, int port)
{
    char conf[1024];
    snprintf(conf, sizeof conf,
             "org_domains = zorg-example.nl\nportal_db = %s/env.db\nportal_key = %s\n"
             "submission = 127.0.0.1:%d\n",
             dir, key, port);
    struct snapshot *snap = with_config(conf);
    struct session *s = snap ? session_new(snap) : NULL;
    snapshot_release(snap);
    if (s == NULL)
        return;
    int before = received(dir);
    /* a diagnosis in the subject and in the body */
    struct record r = {.auth = "anja", .subject = "Mevrouw Jansen: delier"};
    const char *to[] = {"piet@gmail.com"};
    CHECK(message(s, &r, "anja.prive@gmail.com", to, 1, SENSITIVE, 1) == SESSION_DISCARD &&
              received(dir) == before + 2,
          "an authenticated sender from elsewhere: through the portal, two notices");
    CHECK(received_from(dir, before + 1, "") &&
              received_from(dir, before + 2, "beveiligd@zorg-example.nl"),
          "... the recipient's notice has notice_from as envelope sender, not the outside "
          "address");
    /* what the sender is told was found: each kind once, in plain words */
    CHECK(received_count(dir, before + 1, "- gezondheid: diagnose\r\n") == 1 &&
              received_count(dir, before + 1, "- persoon: naam met aanhef\r\n") == 1 &&
              received_count(dir, before + 1, "- BSN: 1234") == 1,
          "... the sender's notice lists a diagnosis in subject and body once, by name (%d)",
          received_count(dir, before + 1, "- gezondheid: diagnose\r\n"));
    CHECK(received_count(dir, before + 1, "d*****") == 0 &&
              received_count(dir, before + 1, "J*****") == 0,
          "... and no masked word");
    session_free(s);
}

/* test_on_request - [veilig] on a clean message: the notices say it was
 * protected on request, not that it held health data; held for want of a
 * channel, the reason is that, not a part that could not be read */
static void test_on_request(const char *dir, const char *key, int port)
{
    static const struct {
        const char *name, *channels, *kind, *says, *not_says;
    } asked[] = {
        {"[veilig], nothing found, through the portal", "smime tls portal", "redirect",
         "op uw verzoek", "bevatte persoonsgegevens"},
        {"[veilig], nothing found, no channel: held", "smime tls", "hold", "geen beveiligd kanaal",
         "niet worden gecontroleerd"},
        {"[veilig], nothing found, held: it says it was asked for", "smime tls", "hold",
         "[veilig] in het onderwerp", "Het bevatte persoonsgegevens"},
    };
    for (size_t i = 0; i < NELEM(asked); i++) {
        char conf[1024];
        snprintf(conf, sizeof conf,
                 "org_domains = zorg-example.nl\nportal_db = %s/request.db\nportal_key = %s\n"
                 "submission = 127.0.0.1:%d\nchannels = %s\n",
                 dir, key, port, asked[i].channels);
        struct snapshot *snap = with_config(conf);
        struct session *s = snap ? session_new(snap) : NULL;
        snapshot_release(snap);
        if (s == NULL)
            continue;
        int before = received(dir);
        struct record r = {.subject = "[veilig] rooster"};
        const char *to[] = {"piet@gmail.com"};
        message(s, &r, "anja@zorg-example.nl", to, 1, CLEAN, 1);
        char header[64];
        snprintf(header, sizeof header, "X-Sluis-Notice: %s\r\n", asked[i].kind);
        CHECK(received(dir) > before && received_count(dir, before + 1, header) == 1 &&
                  received_count(dir, before + 1, asked[i].says) > 0 &&
                  received_count(dir, before + 1, asked[i].not_says) == 0,
              "%s: the %s notice says '%s', not '%s'", asked[i].name, asked[i].kind, asked[i].says,
              asked[i].not_says);
        session_free(s);
    }
}

/* unsoft - the receiver's k-th message (from 1) without quoted-printable
 * soft line breaks; caller frees */
static char *unsoft(const char *dir, int k)
{
    char path[400], err[256];
    size_t len;
    snprintf(path, sizeof path, "%s/rcv/%03d.eml", dir, k);
    char *t = file_read_all(path, 1 << 20, &len, err, sizeof err);
    char *w = t;
    for (const char *r = t; r && *r; r++) {
        if (r[0] == '=' && r[1] == '\r' && r[2] == '\n')
            r += 2;
        else
            *w++ = *r;
    }
    if (w)
        *w = '\0';
    return t;
}

/* test_untagged - [veilig] on a message for the portal and a partner split
 * off: the MTA gets the subject without the tag, and so do the copy kept in
 * the portal and the partner's copy, every other byte as it was */
static void test_untagged(const char *dir, const char *key, int port)
{
    char conf[1024], db[400];
    snprintf(db, sizeof db, "%s/untagged.db", dir);
    snprintf(conf, sizeof conf,
             "org_domains = zorg-example.nl\ntls_partners = partner-example.nl\nportal_db = %s\n"
             "portal_key = %s\nsubmission = 127.0.0.1:%d\nportal_url = https://portaal.test/p/\n",
             db, key, port);
    struct snapshot *snap = with_config(conf);
    struct session *s = snap ? session_new(snap) : NULL;
    snapshot_release(snap);
    if (s == NULL)
        return;
    int before = received(dir);
    struct record r = {.subject = "[veilig] overdracht"};
    const char *to[] = {"kees@zorg-example.nl", "arts@partner-example.nl", "piet@gmail.com"};
    enum session_rc rc = message(s, &r, "anja@zorg-example.nl", to, 3, SENSITIVE, 1);
    CHECK(rc == SESSION_ACCEPT && strcmp(r.changed, "Subject[1]: overdracht\n") == 0 &&
              received(dir) == before + 3,
          "[veilig] to a colleague, a partner and the portal: accepted, the tag removed (%d, "
          "'%s', %d sent)",
          (int)rc, r.changed, received(dir) - before);
    char want[1024] = "";
    for (size_t i = 0; i < NELEM(HEADERS); i++) {
        size_t n = strlen(want);
        snprintf(want + n, sizeof want - n, "%s: %s\r\n", HEADERS[i][0], HEADERS[i][1]);
    }
    size_t n = strlen(want);
    snprintf(want + n, sizeof want - n, "\r\n%s", SENSITIVE);
    /* the partner's copy: the route header on top, then the message (its
     * last line end made CRLF on the way) */
    char partner[1200];
    snprintf(partner, sizeof partner, "X-Sluis-Route: tls\r\n%.*s\r\n", (int)strlen(want) - 1,
             want);
    CHECK(received_count(dir, before + 1, partner) == 1 &&
              received_count(dir, before + 1, "[veilig]") == 0,
          "the partner's copy has the subject without the tag, the rest as it was");
    /* the portal's copy, opened as the recipient would */
    char *rn = unsoft(dir, before + 3), *sn = unsoft(dir, before + 2), token[64] = "", code[8] = "";
    const char *t = rn ? strstr(rn, "https://portaal.test/p/") : NULL;
    const char *c = sn ? strstr(sn, "toegangscode ") : NULL;
    if (t)
        snprintf(
            token, sizeof token, "%.*s",
            (int)strspn(t + 23, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"),
            t + 23);
    if (c)
        snprintf(code, sizeof code, "%.6s", c + 13);
    free(rn);
    free(sn);
    struct store *st = NULL;
    struct buf got = BUF_INIT;
    char err[256] = "";
    enum store_fetch f = STORE_UNKNOWN;
    if (store_open(db, key, 0, &st, err, sizeof err) == SL_OK)
        f = store_fetch(st, token, code, &got, NULL, 0, err, sizeof err);
    CHECK(f == STORE_FOUND && got.len == strlen(want) && memcmp(got.data, want, got.len) == 0,
          "the portal keeps the message as the recipient should see it: no tag in the subject, "
          "the rest byte for byte (%s %s)",
          store_fetch_name(f), err);
    buf_free(&got);
    store_free(st);
    session_free(s);
}

/* token_after - the token that follows prefix in text, into out ("" none) */
static void token_after(const char *text, const char *prefix, char out[STORE_TOKEN_LEN + 1])
{
    const char *t = text ? strstr(text, prefix) : NULL;
    out[0] = '\0';
    if (t == NULL)
        return;
    t += strlen(prefix);
    size_t n = strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
    if (n == STORE_TOKEN_LEN)
        snprintf(out, STORE_TOKEN_LEN + 1, "%.*s", (int)n, t);
}

/* test_ways_in - verification per department, a number from phones_file:
 * each portal recipient is kept with its way in, the sender's notice says
 * it per recipient (a code for code only) with the link to the status
 * page, the recipient's notice says how to open the link, each notice out
 * is recorded as sent, an sms recipient without a number gets a code (and
 * the log says so, without an address), and no phone number stands in any
 * notice or log line */
static void test_ways_in(const char *dir, const char *key, int port)
{
    char conf[1400], db[400], pol[400], phones[400];
    snprintf(db, sizeof db, "%s/ways.db", dir);
    snprintf(pol, sizeof pol, "%s/ways-policy.conf", dir);
    snprintf(phones, sizeof phones, "%s/ways-phones.csv", dir);
    FILE *f = fopen(phones, "w");
    if (f) {
        fputs("address;phone\npiet@gmail.com;+31 6 1234 5678\n", f);
        fclose(f);
    }
    f = fopen(pol, "w");
    if (f) {
        fputs("org_domains = zorg-example.nl\nportal_url = https://portaal.test/p/\n"
              "verification = email\nphones_file = ways-phones.csv\n"
              "[department GGZ]\nmembers = ggz-*@zorg-example.nl\nverification = sms\n"
              "[department Wijk]\nmembers = @wijk.zorg-example.nl\nverification = code\n",
              f);
        fclose(f);
    }
    snprintf(conf, sizeof conf,
             "policy = %s\nportal_db = %s\nportal_key = %s\nsubmission = 127.0.0.1:%d\n", pol, db,
             key, port);
    struct snapshot *snap = with_config(conf);
    struct session *s = snap ? session_new(snap) : NULL;
    snapshot_release(snap);
    struct store *st = NULL;
    char err[256] = "";
    if (s == NULL)
        return;
    static const struct {
        const char *name, *from;
        enum store_verify want[2];
        const char *says[2]; /* the sender's notice, per recipient */
        const char *how[2];  /* each recipient's notice */
        bool fallback;       /* an sms recipient without a number */
    } ways[] = {
        {"the organisation: email",
         "anja@zorg-example.nl",
         {STORE_VERIFY_EMAIL, STORE_VERIFY_EMAIL},
         {"piet@gmail.com: er is een bericht met een link naar het beveiligde portaal gestuurd - "
          "krijgt een code per e-mail\r\n",
          "marie@hotmail.com: er is een bericht met een link naar het beveiligde portaal gestuurd "
          "- krijgt een code per e-mail\r\n"},
         {"op dit e-mailadres", "op dit e-mailadres"},
         false},
        {"GGZ: sms, and code for a recipient without a number",
         "ggz-noord@zorg-example.nl",
         {STORE_VERIFY_SMS, STORE_VERIFY_CODE},
         {"piet@gmail.com: er is een bericht met een link naar het beveiligde portaal gestuurd - "
          "krijgt een code per sms (nummer eindigend op 678)\r\n",
          "marie@hotmail.com: er is een bericht met een link naar het beveiligde portaal gestuurd "
          "- toegangscode "},
         {"per sms op uw mobiele nummer dat eindigt op 678", "telefonisch of persoonlijk een "
                                                             "toegangscode"},
         true},
        {"Wijk: code",
         "an@wijk.zorg-example.nl",
         {STORE_VERIFY_CODE, STORE_VERIFY_CODE},
         {"piet@gmail.com: er is een bericht met een link naar het beveiligde portaal gestuurd - "
          "toegangscode ",
          "marie@hotmail.com: er is een bericht met een link naar het beveiligde portaal gestuurd "
          "- toegangscode "},
         {"telefonisch of persoonlijk een toegangscode",
          "telefonisch of persoonlijk een toegangscode"},
         false},
    };
    const char *to[] = {"piet@gmail.com", "marie@hotmail.com"};
    /* the number, and any part of it longer than its last three digits */
    static const char *const number[] = {"+31612345678", "+31 6 1234 5678", "612345678",
                                         "12345678",     "2345678",         "5678"};
    for (size_t i = 0; i < NELEM(ways); i++) {
        int before = received(dir);
        struct record r = {0};
        char logpath[32];
        int saved = log_capture(logpath);
        enum session_rc rc = message(s, &r, ways[i].from, to, 2, SENSITIVE, 1);
        char *log = log_captured(saved, logpath);
        CHECK(rc == SESSION_DISCARD && received(dir) == before + 3,
              "%s: through the portal, three notices (answer %d, %d sent)", ways[i].name, (int)rc,
              received(dir) - before);
        CHECK(log && !strchr(log, '@') &&
                  (strstr(log, "portal: 1 recipient with verification sms has no number in "
                               "phones_file: an access code instead") != NULL) == ways[i].fallback,
              "%s: the fallback to code %s, without an address: '%s'", ways[i].name,
              ways[i].fallback ? "logged" : "not logged", log ? log : "(none)");
        for (size_t k = 0; log && k < NELEM(number); k++)
            CHECK(!strstr(log, number[k]), "%s: no '%s' in the log", ways[i].name, number[k]);
        free(log);
        char *sn = unsoft(dir, before + 1), stoken[STORE_TOKEN_LEN + 1],
             token[2][STORE_TOKEN_LEN + 1];
        token_after(sn, "https://portaal.test/p/s/", stoken);
        CHECK(stoken[0] != '\0', "%s: the sender's notice links to the status page", ways[i].name);
        for (int k = 0; k < 2; k++) {
            CHECK(sn && strstr(sn, ways[i].says[k]), "%s: the sender is told '%s'", ways[i].name,
                  ways[i].says[k]);
            CHECK(received_to(dir, before + 2 + k, to[k]), "%s: notice %d to %s", ways[i].name,
                  k + 2, to[k]);
            char *rn = unsoft(dir, before + 2 + k);
            token_after(rn, "https://portaal.test/p/", token[k]);
            CHECK(rn && strstr(rn, ways[i].how[k]) && !strstr(rn, "/p/s/"),
                  "%s: %s is told '%s', and gets no status link", ways[i].name, to[k],
                  ways[i].how[k]);
            for (size_t n = 0; n < NELEM(number); n++)
                CHECK(rn && !strstr(rn, number[n]) && sn && !strstr(sn, number[n]),
                      "%s: no '%s' in a notice", ways[i].name, number[n]);
            free(rn);
        }
        /* a code in the sender's notice for code recipients only */
        int codes = 0;
        for (const char *c = sn; c && (c = strstr(c, "- toegangscode ")) != NULL; c++)
            codes++;
        int want_codes = (ways[i].want[0] == STORE_VERIFY_CODE) * 2 +
                         (ways[i].want[1] == STORE_VERIFY_CODE) * 2; /* text and HTML */
        CHECK(codes == want_codes, "%s: %d code(s) in the sender's notice, want %d", ways[i].name,
              codes, want_codes);
        /* the store: each recipient's way in, both notices recorded as
         * sent (the sender's status page shows them) */
        if (st == NULL && store_open(db, key, 0, &st, err, sizeof err) != SL_OK)
            CHECK(false, "the store: %s", err);
        int sent = store_count(db, "SELECT count(*) FROM events WHERE kind = 0"),
            tokens = store_count(db, "SELECT count(sender_token_hash) FROM messages");
        CHECK(sent == 2 * (int)(i + 1) && tokens == (int)(i + 1),
              "%s: %d notice(s) recorded as sent, want %d; %d status token(s), want %zu",
              ways[i].name, sent, 2 * (int)(i + 1), tokens, i + 1);
        for (int k = 0; st && k < 2; k++) {
            struct store_info info;
            enum store_fetch fl = store_lookup(st, token[k], &info, err, sizeof err);
            CHECK(fl == STORE_FOUND && info.verify == ways[i].want[k] &&
                      (info.verify == STORE_VERIFY_CODE) == (info.masked_to[0] == '\0'),
                  "%s: %s's link leads to %s (want %s), masked '%s' (%s)", ways[i].name, to[k],
                  store_verify_name(info.verify), store_verify_name(ways[i].want[k]),
                  info.masked_to, store_fetch_name(fl));
            if (fl == STORE_FOUND && info.verify == STORE_VERIFY_SMS)
                CHECK(strstr(info.masked_to, "678") && !strstr(info.masked_to, "12345"),
                      "%s: the number kept with the link, shown masked: '%s'", ways[i].name,
                      info.masked_to); /* the code the sender relays opens the message */
            const char *line = sn ? strstr(sn, ways[i].says[k]) : NULL;
            const char *at = line ? strstr(line, "- toegangscode ") : NULL;
            if (ways[i].want[k] == STORE_VERIFY_CODE) {
                char code[STORE_CODE_LEN + 1] = "";
                if (at)
                    snprintf(code, sizeof code, "%.6s", at + 15);
                struct buf got = BUF_INIT;
                enum store_fetch ff =
                    store_fetch(st, token[k], code, &got, NULL, 0, err, sizeof err);
                CHECK(ff == STORE_FOUND && got.len > 0,
                      "%s: the code in the sender's notice opens %s's link (%s)", ways[i].name,
                      to[k], store_fetch_name(ff));
                buf_free(&got);
            }
        }
        free(sn);
    }
    store_free(st);
    session_free(s);
}

static void test_redirect(const char *scripts)
{
    char dir[] = "/tmp/sluis-test-redirect-XXXXXX", key[300], err[256], path[400];
    if (mkdtemp(dir) == NULL) {
        CHECK(false, "a folder for the portal");
        return;
    }
    snprintf(key, sizeof key, "%s/portal.key", dir);
    CHECK(store_keygen(key, err, sizeof err) == SL_OK, "keygen: %s", err);
    pid_t rcv;
    int port = receiver_start(scripts, dir, &rcv);
    CHECK(port > 0, "the receiver started (%s/receiver.py)", scripts);
    for (size_t i = 0; port > 0 && i < NELEM(rcases); i++) {
        const struct rcase *c = &rcases[i];
        char conf[1024], db[400], notice[400];
        snprintf(db, sizeof db, "%s/case%zu.db", dir, i);
        snprintf(conf, sizeof conf,
                 "org_domains = zorg-example.nl\nportal_db = %s\nportal_key = %s\n"
                 "submission = 127.0.0.1:%d\n",
                 db, key, c->no_service ? 1 : port);
        snprintf(path, sizeof path, "%s/rcv/plan", dir);
        unlink(path);
        FILE *f = c->plan ? fopen(path, "w") : NULL;
        if (f) {
            fputs(c->plan, f);
            fclose(f);
        }
        int before = received(dir);
        snprintf(notice, sizeof notice, "%s/rcv/%03d.eml", dir, before + 1);
        struct snapshot *snap = with_config(conf);
        struct session *s = snap ? session_new(snap) : NULL;
        snapshot_release(snap);
        if (s == NULL)
            continue;
        struct record r = {.stop_at = c->stop_at, .stop_when = c->stop_at_notice ? notice : NULL};
        const char *to[] = {"piet@gmail.com", "marie@hotmail.com"};
        char logpath[32], want_line[64];
        int saved = log_capture(logpath);
        enum session_rc rc =
            message(s, &r, "anja@zorg-example.nl", to, c->two ? 2 : 1, SENSITIVE, 1);
        char *log = log_captured(saved, logpath);
        if (log)
            fputs(log, stderr);
        /* each notice that went out has its line; no address in any */
        snprintf(want_line, sizeof want_line, "4QTEST: portal notice sent to %s\n",
                 c->two ? "2 recipients" : "1 recipient");
        if (c->want == SESSION_DISCARD)
            CHECK(log && strstr(log, "4QTEST: redirect notice sent to the sender") &&
                      strstr(log, want_line),
                  "%s: a log line for each notice", c->name);
        CHECK(log && !strchr(log, '@'), "%s: no address in the log", c->name);
        free(log);
        int kept = store_rows(db, "messages"), pickups = store_rows(db, "pickups");
        int got = received(dir) - before;
        CHECK(rc == c->want, "%s: answer %d, want %d", c->name, (int)rc, (int)c->want);
        CHECK(kept == c->want_kept && (kept > 0) == (pickups > 0),
              "%s: %d message(s) and %d pickup(s) kept, want %d message(s)", c->name, kept, pickups,
              c->want_kept);
        CHECK(got == c->want_received, "%s: %d notice(s) sent, want %d", c->name, got,
              c->want_received);
        if (c->want == SESSION_TEMPFAIL)
            CHECK(strncmp(r.reply, "451 4.7.1 ", 10) == 0, "%s: reply '%s'", c->name, r.reply);
        if (got >= 1)
            CHECK(received_to(dir, before + 1, "anja@zorg-example.nl") &&
                      received_from(dir, before + 1, ""),
                  "%s: the sender's notice goes first, from the null sender", c->name);
        /* a bounce of the recipient's notice (a mistyped address) reaches
         * the staff member who was told it went out */
        if (got >= 2)
            CHECK(received_to(dir, before + 2, "piet@gmail.com") &&
                      received_from(dir, before + 2, "anja@zorg-example.nl"),
                  "%s: then the recipient's notice, with the sender as envelope sender", c->name);
        if (c->want == SESSION_DISCARD)
            CHECK(strcmp(r.removed, "piet@gmail.com\n") == 0, "%s: removed '%s'", c->name,
                  r.removed);
        /* the sender's retry, once the submission works again: kept once */
        if (c->plan && c->want_received > 0) {
            unlink(path);
            struct record r2 = {0};
            rc = message(s, &r2, "anja@zorg-example.nl", to, c->two ? 2 : 1, SENSITIVE, 1);
            CHECK(rc == SESSION_DISCARD && store_rows(db, "messages") == 1,
                  "%s: the retry is kept once, with its own codes (answer %d, %d kept)", c->name,
                  (int)rc, store_rows(db, "messages"));
        }
        session_free(s);
    }
    snprintf(path, sizeof path, "%s/rcv/plan", dir);
    unlink(path);
    if (port > 0)
        test_env_from(dir, key, port);
    if (port > 0)
        test_on_request(dir, key, port);
    if (port > 0)
        test_untagged(dir, key, port);
    if (port > 0)
        test_reload(dir, key, port);
    if (port > 0)
        test_ways_in(dir, key, port);
    if (port > 0) {
        kill(rcv, SIGTERM);
        waitpid(rcv, NULL, 0);
    }
    rm_rf(dir);
}

/* --- max_recipients --------------------------------------------------- */

static void test_max_recipients(void)
{
    struct snapshot *snap = with_config(ORG "max_recipients = 100\n");
    struct session *s = snap ? session_new(snap) : NULL;
    snapshot_release(snap);
    if (s == NULL)
        return;
    static const struct {
        const char *name;
        size_t nrcpt; /* recipients before this one */
        enum session_rc want;
        const char *want_reply;
    } rcpt_cases[] = {
        {"the first recipient", 0, SESSION_CONTINUE, ""},
        {"the 100th recipient", 99, SESSION_CONTINUE, ""},
        {"the 101st recipient: 452, the client sends it again later", 100, SESSION_TEMPFAIL,
         "452 4.5.3 Too many recipients"},
        {"the 102nd recipient: 452 too", 101, SESSION_TEMPFAIL, "452 4.5.3 Too many recipients"},
    };
    for (size_t i = 0; i < NELEM(rcpt_cases); i++) {
        struct record r = {0};
        struct milter_io io = RECORDER(&r);
        session_envfrom(s, &io, "anja@zorg-example.nl");
        enum session_rc rc = SESSION_CONTINUE;
        for (size_t k = 0; k < rcpt_cases[i].nrcpt; k++)
            session_envrcpt(s, &io, "kees@zorg-example.nl");
        rc = session_envrcpt(s, &io, "kees@zorg-example.nl");
        CHECK(rc == rcpt_cases[i].want && strcmp(r.reply, rcpt_cases[i].want_reply) == 0,
              "%s: answer %d, reply '%s', want %d, '%s'", rcpt_cases[i].name, (int)rc, r.reply,
              (int)rcpt_cases[i].want, rcpt_cases[i].want_reply);
    }
    /* the message goes on with the 100 it has; the next one starts from 0 */
    struct record r = {0};
    struct milter_io io = RECORDER(&r);
    CHECK(session_eoh(s) == SESSION_CONTINUE &&
              session_body(s, CLEAN, strlen(CLEAN)) == SESSION_CONTINUE &&
              session_eom(s, &io) == SESSION_ACCEPT,
          "the message with its first 100 recipients is accepted");
    const char *one[] = {"kees@zorg-example.nl"};
    CHECK(message(s, &r, "anja@zorg-example.nl", one, 1, CLEAN, 1) == SESSION_ACCEPT,
          "the next message takes recipients again");
    session_free(s);
}

/* --- metrics: one event per outgoing message, in a real store --------- */

/* ev_query - one text value of a query on the metrics store at db ("" none) */
static void ev_query(const char *db, const char *sql, char *out, size_t outlen)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *q = NULL;
    out[0] = '\0';
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW &&
        sqlite3_column_text(q, 0))
        snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    sqlite3_close(h);
}

/* ev_groups - the event's groups as "class/domain/action/intended/channel/n"
 * lines in a stable order */
static void ev_groups(const char *db, long id, char *out, size_t outlen)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT group_concat(g, ' ') FROM (SELECT class || '/' || domain || '/' || action || "
             "'/' || intended || '/' || channel || '/' || n AS g FROM event_groups WHERE event = "
             "%ld ORDER BY class, domain, action)",
             id);
    ev_query(db, sql, out, outlen);
}

/* one message and the event it must leave */
struct mcase {
    const char *name;
    int conf; /* 0: the portal, 1: no portal (hold), 2: submission closed */
    const char *from;
    const char *to[4];
    const char *body;
    const char *subject;
    enum session_rc want;
    const char *dept; /* the event's department */
    int action, intended, mode;
    const char *groups; /* ev_groups() */
    bool fp;            /* a false-positive link went out, and its hash is kept */
    const char *rules;  /* rule ids, sorted, comma-separated */
};

#define C_INT                EVENT_INTERNAL
#define A(x)                 ACTION_##x
#define G(c, d, a, i, ch, n) #c "/" d "/" #a "/" #i "/" #ch "/" #n

static void test_metrics(const char *scripts)
{
    char dir[] = "/tmp/sluis-test-metrics-XXXXXX", key[300], mkey[300], err[512], db[400];
    if (mkdtemp(dir) == NULL) {
        CHECK(false, "a folder for the metrics");
        return;
    }
    snprintf(key, sizeof key, "%s/portal.key", dir);
    snprintf(mkey, sizeof mkey, "%s/metrics.key", dir);
    snprintf(db, sizeof db, "%s/metrics.db", dir);
    CHECK(store_keygen(key, err, sizeof err) == SL_OK, "portal keygen: %s", err);
    CHECK(pseudo_keygen(mkey, err, sizeof err) == SL_OK, "metrics keygen: %s", err);
    pid_t rcv;
    int port = receiver_start(scripts, dir, &rcv);
    CHECK(port > 0, "the receiver started");
    if (port <= 0) {
        rm_rf(dir);
        return;
    }
    char policy[400];
    snprintf(policy, sizeof policy, "%s/policy.conf", dir);
    FILE *pf = fopen(policy, "w");
    if (pf) {
        fputs("[department Wijkteam]\nmembers = wijk-*@zorg-example.nl\nmode = monitor\n"
              "[department GGZ]\nmembers = @ggz.zorg-example.nl\nmode = warn\n",
              pf);
        fclose(pf);
    }
    /* three configurations, one recorder: as over a reload */
    struct snapshot *snaps[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 3; i++) {
        char conf[2048];
        snprintf(conf, sizeof conf,
                 "org_domains = zorg-example.nl\ntls_partners = partner-example.nl\n"
                 "policy = %s\nportal_db = %s/m%d.db\nportal_key = %s\nsubmission = 127.0.0.1:%d\n"
                 "fp_url = https://dash.zorg-example.nl/fp/\nchannels = %s\n"
                 "metrics_store = %s\nmetrics_key = %s\n",
                 policy, dir, i, key, i == 2 ? 1 : port, i == 1 ? "smime tls" : "smime tls portal",
                 db, mkey);
        snaps[i] = with_config(conf);
    }
    struct recorder *rec = NULL;
    if (snaps[0])
        CHECK(recorder_start(&snaps[0]->cfg, &rec, err, sizeof err) == SL_OK, "recorder: %s", err);
    for (int i = 0; i < 3 && rec; i++)
        if (snaps[i])
            snaps[i]->recorder = rec;

    static const struct mcase mc[] = {
        {"sensitive: portal for the consumer and the organisation, tls for the partner",
         0,
         "anja@zorg-example.nl",
         {"piet@gmail.com", "arts@partner-example.nl", "lab@Ziekenhuis-Example.NL",
          "kees@zorg-example.nl"},
         SENSITIVE,
         NULL,
         SESSION_ACCEPT,
         "",
         A(PORTAL),
         A(PORTAL),
         MODE_ENFORCE,
         G(0, "", 0, 0, 0, 1) " " G(1, "partner-example.nl", 2, 2, 2, 1) " " G(
             2, "ziekenhuis-example.nl", 3, 3, 3, 1) " " G(3, "", 3, 3, 3, 1),
         true,
         "health.diagnosis,nl.bsn"},
        {"clean mail to a consumer mailbox: passed, no link",
         0,
         "anja@zorg-example.nl",
         {"marie@hotmail.nl"},
         CLEAN,
         NULL,
         SESSION_ACCEPT,
         "",
         A(PASS),
         A(PASS),
         MODE_ENFORCE,
         G(3, "", 0, 0, 0, 1),
         false,
         ""},
        {"monitor mode: delivered as it is, the portal intended, no notice",
         0,
         "wijk-noord@zorg-example.nl",
         {"piet@gmail.com", "a@gmx.de"},
         SENSITIVE,
         NULL,
         SESSION_ACCEPT,
         "Wijkteam",
         A(PASS),
         A(PORTAL),
         MODE_MONITOR,
         G(3, "", 0, 3, 0, 2),
         false,
         "health.diagnosis,nl.bsn"},
        {"warn mode: delivered, the sender warned with a link",
         0,
         "jan@ggz.zorg-example.nl",
         {"info@gemeente-example.nl"},
         SENSITIVE,
         NULL,
         SESSION_ACCEPT,
         "GGZ",
         A(PASS),
         A(PORTAL),
         MODE_WARN,
         G(2, "gemeente-example.nl", 0, 3, 0, 1),
         true,
         "health.diagnosis,nl.bsn"},
        {"no portal: held, the sender told with a link",
         1,
         "anja@zorg-example.nl",
         {"piet@gmail.com", "kees@zorg-example.nl"},
         SENSITIVE,
         NULL,
         SESSION_ACCEPT,
         "",
         A(HOLD),
         A(HOLD),
         MODE_ENFORCE,
         G(0, "", 4, 0, 0, 1) " " G(3, "", 4, 4, 0, 1),
         true,
         "health.diagnosis,nl.bsn"},
        {"the sender's notice cannot go out: rolled back, tempfail recorded, no link",
         2,
         "anja@zorg-example.nl",
         {"piet@gmail.com"},
         SENSITIVE,
         NULL,
         SESSION_TEMPFAIL,
         "",
         A(TEMPFAIL),
         A(PORTAL),
         MODE_ENFORCE,
         G(3, "", 6, 3, 0, 1),
         false,
         "health.diagnosis,nl.bsn"},
        {"[onveilig: toestemming]: sent as it is, the override recorded",
         0,
         "anja@zorg-example.nl",
         {"piet@gmail.com"},
         SENSITIVE,
         "[onveilig: toestemming] overdracht",
         SESSION_ACCEPT,
         "",
         A(PASS),
         A(PASS),
         MODE_ENFORCE,
         G(3, "", 0, 0, 0, 1),
         false,
         "health.diagnosis,nl.bsn"},
    };
    long want_events = 0;
    for (size_t i = 0; rec && i < NELEM(mc); i++) {
        const struct mcase *c = &mc[i];
        if (snaps[c->conf] == NULL)
            continue;
        struct session *s = session_new(snaps[c->conf]);
        if (s == NULL)
            continue;
        struct record r = {.subject = c->subject};
        size_t nto = 0;
        while (nto < 4 && c->to[nto])
            nto++;
        char logpath[32];
        int saved = log_capture(logpath);
        enum session_rc rc = message(s, &r, c->from, c->to, nto, c->body, 1);
        free(log_captured(saved, logpath));
        session_free(s);
        CHECK(rc == c->want, "%s: answer %d, want %d", c->name, (int)rc, (int)c->want);
        recorder_flush(rec);
        want_events++;
        char got[1024], sql[512];
        ev_query(db, "SELECT count(*) FROM events", got, sizeof got);
        CHECK(atol(got) == want_events, "%s: %s events, want %ld", c->name, got, want_events);
        long id = 0;
        ev_query(db, "SELECT max(id) FROM events", got, sizeof got);
        id = atol(got);
        snprintf(sql, sizeof sql,
                 "SELECT dept || '|' || action || '|' || intended || '|' || mode || '|' || "
                 "(fp <> '') || '|' || length(fp) || '|' || length(sender) || '|' || "
                 "sensitive || '|' || (size > 0) FROM events WHERE id = %ld",
                 id);
        ev_query(db, sql, got, sizeof got);
        char want[512];
        snprintf(want, sizeof want, "%s|%d|%d|%d|%d|%d|64|%d|1", c->dept, c->action, c->intended,
                 c->mode, c->fp, c->fp ? 64 : 0, c->body == SENSITIVE);
        CHECK(strcmp(got, want) == 0,
              "%s: dept|action|intended|mode|fp|fp length|sender length|sensitive|size: got "
              "'%s', want '%s'",
              c->name, got, want);
        ev_groups(db, id, got, sizeof got);
        CHECK(strcmp(got, c->groups) == 0, "%s: groups '%s', want '%s'", c->name, got, c->groups);
        snprintf(sql, sizeof sql,
                 "SELECT group_concat(rule, ',') FROM (SELECT rule FROM event_rules WHERE event = "
                 "%ld AND rule IN ('nl.bsn', 'health.diagnosis') ORDER BY rule)",
                 id);
        ev_query(db, sql, got, sizeof got);
        CHECK(strcmp(got, c->rules) == 0, "%s: rules '%s', want '%s'", c->name, got, c->rules);
        snprintf(sql, sizeof sql,
                 "SELECT count(*) - count(DISTINCT rule) FROM event_rules WHERE event = %ld", id);
        ev_query(db, sql, got, sizeof got);
        CHECK(strcmp(got, "0") == 0, "%s: each rule once (%s twice)", c->name, got);
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM event_rules WHERE event = %ld AND (rule LIKE "
                 "'unscannable%%' OR category = 'unscannable')",
                 id);
        ev_query(db, sql, got, sizeof got);
        CHECK(strcmp(got, "0") == 0, "%s: no note as a rule", c->name);
        if (c->subject) {
            snprintf(sql, sizeof sql,
                     "SELECT tag || '|' || reason || '|' || override FROM events WHERE id = %ld",
                     id);
            ev_query(db, sql, got, sizeof got);
            snprintf(want, sizeof want, "%d|%d|1", TAG_UNSAFE, REASON_CONSENT);
            CHECK(strcmp(got, want) == 0, "%s: tag|reason|override '%s', want '%s'", c->name, got,
                  want);
        }
        /* the link in the sender's notice is the one whose hash is kept */
        if (c->fp) {
            int k = received(dir);
            char path[400], tok[RECORD_FP_TOKEN_LEN + 1] = "";
            snprintf(path, sizeof path, "%s/rcv/%03d.eml", dir, k);
            for (int back = 0; back < 3 && !tok[0]; back++) {
                size_t len;
                snprintf(path, sizeof path, "%s/rcv/%03d.eml", dir, k - back);
                char *text = file_read_all(path, 1 << 20, &len, err, sizeof err);
                const char *p = text ? strstr(text, "https://dash.zorg-example.nl/fp/") : NULL;
                if (p) {
                    p += strlen("https://dash.zorg-example.nl/fp/");
                    size_t n = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                         "0123456789-_");
                    if (n == RECORD_FP_TOKEN_LEN)
                        memcpy(tok, p, n);
                }
                free(text);
            }
            CHECK(tok[0] != '\0', "%s: the notice has the link with a 43-character token", c->name);
            snprintf(sql, sizeof sql, "SELECT fp FROM events WHERE id = %ld", id);
            ev_query(db, sql, got, sizeof got);
            char hash[EVENT_HASH_LEN + 1] = "";
            unsigned char md[32];
            unsigned mdlen = 0;
            if (tok[0] && EVP_Digest(tok, strlen(tok), md, &mdlen, EVP_sha256(), NULL) == 1)
                for (int b = 0; b < 32; b++)
                    snprintf(hash + 2 * b, 3, "%02x", md[b]);
            CHECK(tok[0] && strcmp(got, hash) == 0, "%s: the event keeps SHA-256 of the token",
                  c->name);
        }
    }
    /* inbound mail leaves no event */
    if (rec && snaps[0]) {
        struct session *s = session_new(snaps[0]);
        struct record r = {0};
        const char *to[] = {"anja@zorg-example.nl"};
        char logpath[32], got[64], sql[256];
        int saved = log_capture(logpath);
        message(s, &r, "someone@gmail.com", to, 1, SENSITIVE, 1);
        free(log_captured(saved, logpath));
        session_free(s);
        recorder_flush(rec);
        ev_query(db, "SELECT count(*) FROM events", got, sizeof got);
        CHECK(atol(got) == want_events, "inbound: no event (%s events, want %ld)", got,
              want_events);
        /* one sender, one pseudonym; its sealed address opens with the key */
        ev_query(db, "SELECT count(DISTINCT sender) FROM events", got, sizeof got);
        CHECK(strcmp(got, "3") == 0, "three senders, three pseudonyms: %s", got);
        struct pseudo_key k;
        char hash[EVENT_HASH_LEN + 1], addr[320] = "";
        unsigned char sealed[PSEUDO_SEALED_MAX];
        size_t slen = 0;
        struct metrics *mx = NULL;
        CHECK(pseudo_load(mkey, &k, err, sizeof err) == SL_OK, "the key: %s", err);
        pseudo_sender(&k, "Anja@Zorg-Example.nl", hash);
        snprintf(sql, sizeof sql, "SELECT count(*) FROM events WHERE sender = '%s'", hash);
        ev_query(db, sql, got, sizeof got);
        CHECK(atol(got) == 5, "the pseudonym of anja's address on her 5 events: %s", got);
        CHECK(metrics_open(db, true, &mx, err, sizeof err) == SL_OK &&
                  metrics_sealed(mx, hash, sealed, sizeof sealed, &slen) == SL_OK &&
                  pseudo_open(&k, sealed, slen, addr, sizeof addr) == SL_OK &&
                  strcmp(addr, "anja@zorg-example.nl") == 0,
              "the sealed address opens with the key: '%s' (%s)", addr, err);
        metrics_close(mx);
    }
    recorder_stop(rec);
    for (int i = 0; i < 3; i++)
        snapshot_release(snaps[i]);
    /* nothing of the messages in the store's files: addresses, words */
    static const char *const never[] = {"anja@",       "zorg-example.nl\"",
                                        "piet",        "gmail",
                                        "hotmail",     "Jansen",
                                        "123456782",   "delier",
                                        "haloperidol", "overdracht",
                                        "toestemming", "kees",
                                        "marie",       "wijk-noord",
                                        "jan@"};
    const char *files[] = {"metrics.db", "metrics.db-wal", "metrics.spill"};
    for (size_t f = 0; f < NELEM(files); f++) {
        char path[400];
        size_t len = 0;
        snprintf(path, sizeof path, "%s/%s", dir, files[f]);
        char *bytes = file_read_all(path, 64 << 20, &len, err, sizeof err);
        for (size_t w = 0; bytes && w < NELEM(never); w++)
            CHECK(memmem(bytes, len, never[w], strlen(never[w])) == NULL, "%s holds '%s'", files[f],
                  never[w]);
        free(bytes);
    }
    kill(rcv, SIGTERM);
    waitpid(rcv, NULL, 0);
    rm_rf(dir);
}

/* test_smime - a recipient with a valid certificate on file: the message
 * is encrypted in place (its Content-* fields removed, the S/MIME ones
 * added, the body replaced); a recipient whose certificate is not there
 * follows the next channel; an MTA that cannot replace a body gets a
 * temporary failure, with nothing changed */
static void test_smime(void)
{
    char dir[] = "/tmp/sluis-test-smime-XXXXXX", cmd[600], err[512];
    if (mkdtemp(dir) == NULL)
        return;
    snprintf(cmd, sizeof cmd, "tests/lib/mkcerts %s", dir);
    CHECK(system(cmd) == 0, "smime: test certificates");
    char db[600], pem[600], conf[2048];
    snprintf(db, sizeof db, "%s/certs.db", dir);
    snprintf(pem, sizeof pem, "%s/arts.pem", dir);
    struct certstore *cs = NULL;
    size_t len = 0;
    char *data = file_read_all(pem, 1 << 20, &len, err, sizeof err);
    STACK_OF(X509) *sk = data ? certs_read(data, len, err, sizeof err) : NULL;
    CHECK(sk && certstore_open(db, true, &cs, err, sizeof err) == SL_OK &&
              certstore_add(cs, sk_X509_value(sk, 0), sk, time(NULL), err, sizeof err) == SL_OK,
          "smime: arts's certificate on file: %s", err);
    certstore_close(cs);
    sk_X509_pop_free(sk, X509_free);
    free(data);
    snprintf(conf, sizeof conf,
             "org_domains = zorg-example.nl\nchannels = smime tls\ncerts_db = %s\n"
             "smime_ca_file = %s/ca.pem\nsmime_subject = Beveiligd bericht\n",
             db, dir);
    struct snapshot *snap = with_config(conf);
    struct session *s = snap ? session_new(snap) : NULL;
    snapshot_release(snap);
    if (s) {
        const char *arts[] = {"<arts@ziekenhuis-example.nl>"},
                   *other[] = {"<oud@ziekenhuis-example.nl>"};
        struct record r = {0};
        CHECK(message(s, &r, "anja@zorg-example.nl", arts, 1, SENSITIVE, 1) == SESSION_ACCEPT &&
                  session_last_action(s) == ACTION_SMIME,
              "smime: accepted, encrypted (%s)", decide_action_name(session_last_action(s)));
        CHECK(strcmp(r.changed, "Content-Type[1]: (removed)\nSubject[1]: Beveiligd bericht\n") == 0,
              "smime: its Content-Type removed, the subject replaced: '%s'", r.changed);
        CHECK(
            strstr(r.headers, "Content-Type: application/pkcs7-mime; smime-type=enveloped-data") &&
                strstr(r.headers, "Content-Transfer-Encoding: base64\n") &&
                !strstr(r.headers, "MIME-Version"),
            "smime: the S/MIME fields added, MIME-Version kept as it was: '%s'", r.headers);
        CHECK(r.body_len > strlen(SENSITIVE) && !r.body_clear && r.removed[0] == '\0',
              "smime: the body replaced (%zu bytes), nothing of it in clear, no recipient removed",
              r.body_len);
        struct record r2 = {0};
        CHECK(message(s, &r2, "anja@zorg-example.nl", other, 1, SENSITIVE, 1) == SESSION_ACCEPT &&
                  session_last_action(s) == ACTION_HOLD && r2.body_len == 0,
              "smime: no certificate on file: the next channel (hold), the body untouched");
        struct record r3 = {0};
        struct milter_io io = RECORDER(&r3);
        io.replace_body = NULL;
        enum session_rc rc = session_envfrom(s, &io, "anja@zorg-example.nl");
        rc = rc == SESSION_CONTINUE ? session_envrcpt(s, &io, arts[0]) : rc;
        for (size_t i = 0; rc == SESSION_CONTINUE && i < NELEM(HEADERS); i++)
            rc = session_header(s, HEADERS[i][0], HEADERS[i][1]);
        rc = rc == SESSION_CONTINUE ? session_eoh(s) : rc;
        rc = rc == SESSION_CONTINUE ? session_body(s, SENSITIVE, strlen(SENSITIVE)) : rc;
        rc = rc == SESSION_CONTINUE ? session_eom(s, &io) : rc;
        CHECK(rc == SESSION_TEMPFAIL && r3.changed[0] == '\0' && r3.headers[0] == '\0',
              "smime: no way to replace the body: tempfail, nothing changed ('%s')", r3.changed);
        session_free(s);
    }
    rm_rf(dir);
}

int main(int argc, char **argv)
{
    char scripts[512];
    snprintf(scripts, sizeof scripts, "%s/../../integration",
             argc > 1 ? argv[1] : "tests/unit/data");
    log_open(LOGTO_STDERR);
    extract_init();
    test_smime();
    for (size_t i = 0; i < NELEM(cases); i++) {
        const struct tcase *c = &cases[i];
        struct snapshot *snap = with_config(c->config);
        if (snap == NULL)
            continue;
        struct session *s = session_new(snap);
        snapshot_release(snap); /* the session keeps its own reference */
        struct record r = {0};
        r.auth = c->auth;
        r.fail_header = c->fail_header;
        size_t nto = 0;
        while (nto < 3 && c->to[nto])
            nto++;
        enum session_rc rc = message(s, &r, c->from, c->to, nto, c->body, c->repeat);
        CHECK(rc == c->want, "%s: answer %d, want %d", c->name, (int)rc, (int)c->want);
        CHECK(session_last_action(s) == c->want_action, "%s: decision %s, want %s", c->name,
              decide_action_name(session_last_action(s)), decide_action_name(c->want_action));
        CHECK(strcmp(r.headers, c->want_header) == 0, "%s: headers '%s', want '%s'", c->name,
              r.headers, c->want_header);
        CHECK(strcmp(r.quarantine, c->want_quarantine) == 0, "%s: hold '%s', want '%s'", c->name,
              r.quarantine, c->want_quarantine);
        CHECK(strncmp(r.reply, c->want_reply, strlen(c->want_reply)) == 0 &&
                  (c->want_reply[0] != '\0') == (r.reply[0] != '\0'),
              "%s: reply '%s', want '%s'", c->name, r.reply, c->want_reply);
        session_free(s);
    }

    /* inbound mail: logged once, at DATA, with the queue id Postfix gives
     * there, in plain words, without an address */
    {
        struct snapshot *isnap = with_config(ORG);
        struct session *is = isnap ? session_new(isnap) : NULL;
        snapshot_release(isnap);
        char path[32];
        const char *to[] = {"anja@zorg-example.nl"};
        struct record ri = {0};
        int saved = log_capture(path);
        enum session_rc rc = is ? message(is, &ri, "someone@gmail.com", to, 1, SENSITIVE, 1) : 0;
        char *log = log_captured(saved, path);
        CHECK(rc == SESSION_ACCEPT && log &&
                  strstr(log, "4QTEST: inbound: passed, not scanned (the sender is outside "
                              "org_domains") &&
                  !strstr(log, "NOQUEUE") && !strstr(log, "as configured") && !strchr(log, '@'),
              "inbound: one line with the queue id, no NOQUEUE, no address: '%s'",
              log ? log : "(none)");
        free(log);
        session_free(is);
    }

    /* one connection, two messages: nothing of the first stays */
    struct snapshot *snap = with_config(ORG);
    if (snap) {
        struct session *s = session_new(snap);
        snapshot_release(snap);
        struct record r = {0};
        const char *out[] = {"piet@gmail.com"}, *in[] = {"kees@zorg-example.nl"};
        CHECK(message(s, &r, "anja@zorg-example.nl", out, 1, SENSITIVE, 1) == SESSION_ACCEPT &&
                  session_last_action(s) == ACTION_HOLD,
              "first message: held");
        struct record r2 = {0};
        CHECK(message(s, &r2, "anja@zorg-example.nl", in, 1, SENSITIVE, 1) == SESSION_ACCEPT &&
                  session_last_action(s) == ACTION_PASS && r2.quarantine[0] == '\0',
              "second message, internal only: passed (the first recipient is gone)");
        /* an aborted message leaves nothing either */
        struct milter_io io = RECORDER(&r2);
        session_envfrom(s, &io, "anja@zorg-example.nl");
        session_envrcpt(s, &io, "piet@gmail.com");
        session_abort(s);
        struct record r3 = {0};
        CHECK(message(s, &r3, "anja@zorg-example.nl", in, 1, SENSITIVE, 1) == SESSION_ACCEPT &&
                  session_last_action(s) == ACTION_PASS,
              "after an abort: the next message has only its own recipients");
        /* libmilter lets RCPT, body and end of message through after an
         * abort: without a sender there is nothing to decide on */
        struct record r4 = {0};
        io = (struct milter_io)RECORDER(&r4);
        session_envfrom(s, &io, "anja@zorg-example.nl");
        session_abort(s);
        session_envrcpt(s, &io, "piet@gmail.com");
        session_body(s, SENSITIVE, strlen(SENSITIVE));
        CHECK(session_eom(s, &io) == SESSION_TEMPFAIL && strncmp(r4.reply, "451", 3) == 0,
              "end of message after an abort, without a sender: tempfail, got '%s'", r4.reply);
        struct record r5 = {0};
        CHECK(message(s, &r5, "anja@zorg-example.nl", in, 1, SENSITIVE, 1) == SESSION_ACCEPT &&
                  session_last_action(s) == ACTION_PASS,
              "... and the connection serves the next message");
        session_free(s);
    }

    /* subject tags: removed before the mail leaves; [veilig] protects clean mail */
    {
        struct snapshot *tsnap = with_config(ORG);
        struct session *ts = tsnap ? session_new(tsnap) : NULL;
        snapshot_release(tsnap);
        const char *out[] = {"piet@gmail.com"};
        struct record rt = {.subject = "[veilig] rooster"};
        CHECK(ts && message(ts, &rt, "anja@zorg-example.nl", out, 1, CLEAN, 1) == SESSION_ACCEPT &&
                  session_last_action(ts) == ACTION_HOLD,
              "[veilig]: clean mail to an outside address is protected (held without a portal)");
        CHECK(strcmp(rt.changed, "Subject[1]: rooster\n") == 0, "tag removed: '%s'", rt.changed);
        /* a line break an encoded word carried does not end the new field (found by
         * fuzz_session): no header of the sender's making */
        struct record rl = {.subject = "=?utf-8?q?=5Bveilig=5D_rooster=0D=0ABcc:_x@example.org?="};
        CHECK(ts && message(ts, &rl, "anja@zorg-example.nl", out, 1, CLEAN, 1) == SESSION_ACCEPT &&
                  session_last_action(ts) == ACTION_HOLD,
              "[veilig] with a line break in the subject: held");
        CHECK(strcmp(rl.changed, "Subject[1]: rooster  Bcc: x@example.org\n") == 0,
              "line break kept in the new subject: '%s'", rl.changed);
        struct record ru = {.subject =
                                "=?utf-8?q?=5Bonveilig=3A_op_verzoek_van_cli=C3=ABnt=5D_br?= "
                                "=?utf-8?q?ief_=C3=A9=C3=A9n?="};
        CHECK(ts &&
                  message(ts, &ru, "anja@zorg-example.nl", out, 1, SENSITIVE, 1) ==
                      SESSION_ACCEPT &&
                  session_last_action(ts) == ACTION_PASS,
              "[onveilig: reden]: sent unprotected, as policy allows by default");
        CHECK(strcmp(ru.changed, "Subject[1]: brief =?UTF-8?b?w6nDqW4=?=\n") == 0,
              "encoded tag removed, the rest encoded again: '%s'", ru.changed);
        CHECK(strstr(ru.changed, "verzoek") == NULL, "the reason left with the tag");
        struct record rn = {.subject = "[EXTERN] overleg"};
        CHECK(ts && message(ts, &rn, "anja@zorg-example.nl", out, 1, CLEAN, 1) == SESSION_ACCEPT &&
                  rn.changed[0] == '\0',
              "no tag: the subject is not touched");
        session_free(ts);
    }

    /* a portal recipient and a partner, nobody internal: the route header
     * carries the message to the partner, so it must not be discarded
     * (dry run: nothing is kept or sent) */
    {
        char dir[] = "/tmp/sluis-test-portal-XXXXXX", conf[512], key[300], err2[256];
        CHECK(mkdtemp(dir) != NULL, "a folder for the portal");
        snprintf(key, sizeof key, "%s/portal.key", dir);
        CHECK(store_keygen(key, err2, sizeof err2) == SL_OK, "keygen: %s", err2);
        snprintf(conf, sizeof conf,
                 "org_domains = zorg-example.nl\ntls_partners = partner-example.nl\n"
                 "portal_db = %s/portal.db\nportal_key = %s\n",
                 dir, key);
        struct snapshot *psnap = with_config(conf);
        struct session *ps = psnap ? session_new(psnap) : NULL;
        snapshot_release(psnap);
        if (ps) {
            session_dry_run(ps);
            struct record rp = {0};
            const char *to[] = {"piet@gmail.com", "arts@partner-example.nl"};
            enum session_rc rc = message(ps, &rp, "anja@zorg-example.nl", to, 2, SENSITIVE, 1);
            CHECK(rc == SESSION_ACCEPT && session_last_action(ps) == ACTION_PORTAL,
                  "portal and partner: accepted for the partner, got answer %d, decision %s",
                  (int)rc, decide_action_name(session_last_action(ps)));
            CHECK(strcmp(rp.headers, "X-Sluis-Route: tls\n") == 0, "the route header: '%s'",
                  rp.headers);
        }
        session_free(ps);
        rm_rf(dir);
    }

    test_max_recipients();
    test_redirect(scripts);
    test_metrics(scripts);

    /* configuration errors name the line */
    static const struct {
        const char *name, *text, *want;
    } bad[] = {
        {"bad action", "# comment\norg_domains = zorg-example.nl\nfallback = portal\n",
         ":3: fallback"},
        {"timeout 0", "timeout = 0\n", ":1: timeout: '0' is not a number from 1 to 3600"},
        {"timeout over an hour", "log = stderr\ntimeout = 3601\n", ":2: timeout"},
        {"max_connections 0", "max_connections = 0\n", ":1: max_connections"},
        {"max_connections negative", "max_connections = -5\n", ":1: max_connections"},
        {"max_recipients under RFC 5321's 100", "max_recipients = 99\n",
         ":1: max_recipients: '99' is not a number from 100 to 100000"},
        {"log file without an absolute path", "log = file:sluis.log\n",
         ":1: log: 'file:sluis.log': file: needs an absolute path"},
        {"log to somewhere unknown", "log = journal\n",
         ":1: log: 'journal' is none of syslog, stderr, file:PATH"},
    };
    for (size_t i = 0; i < NELEM(bad); i++) {
        char path[] = "/tmp/sluis-test-conf-XXXXXX", err[512] = "";
        int fd = mkstemp(path);
        CHECK(fd >= 0 &&
                  write(fd, bad[i].text, strlen(bad[i].text)) == (ssize_t)strlen(bad[i].text),
              "write");
        if (fd >= 0)
            close(fd);
        struct milter_config cfg;
        CHECK(config_load(path, &cfg, err, sizeof err) == SL_EPARSE && strstr(err, bad[i].want),
              "%s: got '%s', want '%s'", bad[i].name, err, bad[i].want);
        unlink(path);
    }
    struct milter_config def;
    char derr[512] = "";
    CHECK(config_defaults(&def, derr, sizeof derr) == SL_OK && def.timeout == 360 &&
              def.max_connections == 256 && def.max_recipients == 1000,
          "defaults: timeout %u, max_connections %u, max_recipients %u", def.timeout,
          def.max_connections, def.max_recipients);
    config_free(&def);
    return check_summary("test_session");
}
