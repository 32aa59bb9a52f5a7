/*
 * fuzz_session - sluis-milter's session (milter/session.c) driven by a
 * stream of libmilter callbacks, with a recorder in place of smfi_*.
 *
 * Feeds: the first byte picks one of three configurations (below); the
 * rest is a sequence of records {kind, length (2 bytes, big-endian),
 * bytes}, cut at the end of the input. Kinds (the byte mod 12): connect
 * (bytes: the client name), helo (sluis registers no helo callback: no
 * call), envfrom, envrcpt (the address), header ("name:value", bytes cut
 * at the first NUL as libmilter's strings are), eoh, body (the bytes),
 * eom, abort, close; and two that steer the recorder: macro (sets
 * {auth_authen}, {daemon_name} and the queue id from the bytes) and fail
 * (the bytes' first one says which smfi_* calls fail from now on).
 * The driver keeps to what libmilter lets happen: a connection before
 * anything else (made when the input does not start with one), message
 * callbacks only between envfrom and the reply that ends the message
 * (any answer other than "continue", or eom), a new connection after a
 * close. Attached documents are not read (no worker pool); the portal,
 * notices and copies go nowhere: two configurations run in dry-run mode
 * (what would be stored and sent is printed, to /dev/null here), the
 * other submits to a unix socket that does not exist.
 * Checks beyond no crash and no leak (sessions, spool files, messages):
 * - envfrom answers continue, accept or tempfail; envrcpt, header, eoh and
 *   body continue (or tempfail when memory runs out);
 * - eom always ends with a defined reply: accept, reject, tempfail or
 *   discard, never "continue"; a reject has set a 5xx reply and a
 *   tempfail a 4xx one during this eom; the decision is a known action;
 * - what goes to the MTA is fit for it: reply and hold texts are
 *   printable ASCII with '%' doubled (libmilter formats them), a changed
 *   Subject has no line break that is not a fold, added headers are
 *   X-Sluis-Route: tls.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../milter/log.h"
#include "../../milter/session.h"
#include "../../portal/store.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* log_open, log_msg - the milter's log, formatted (so that a format error
 * still shows under the sanitizers) and dropped: milter/log.c is not
 * linked into this target */
void log_open(enum log_target t)
{
    (void)t;
}

void log_msg(int prio, const char *qid, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    (void)prio;
    (void)qid;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
}

#define NCONFIGS 3

static struct snapshot *snaps[NCONFIGS];
static const bool dry_run[NCONFIGS] = {true, false, true};

/* the configurations: @DIR@ stands for the private folder */
static const char *const configs[NCONFIGS] = {
    /* the portal in dry-run mode, departments and rule modes from a policy file */
    "org_domains = zorg-example.nl, zorg-example.be\n"
    "policy = @DIR@/policy-0.conf\n"
    "portal_db = @DIR@/portal.db\nportal_key = @DIR@/portal.key\n"
    "submission = unix:@DIR@/no-submission\n"
    "memory_bytes = 4096\ntmpdir = @DIR@\nmax_message_bytes = 32768\n"
    "outgoing_daemons = submission, orig\n",
    /* no portal: TLS route, reject, notices that cannot be submitted */
    "org_domains = zorg-example.nl\ntls_partners = partner-example.nl\nchannels = smime tls\n"
    "fallback = reject\nincomplete_action = tempfail\n"
    "reject_text = Niet verstuurd: 100% zeker \xc3\xa9\xc3\xa9n fout\n"
    "hold_reason = vastgehouden \"%%s\"\n"
    "submission = unix:@DIR@/no-submission\n"
    "oversize_action = hold\nmax_message_bytes = 8192\n"
    "limit.max_parts = 8\nlimit.max_depth = 3\n",
    /* every sender outgoing, warn mode, errors pass */
    "mode = warn\nchannels = tls portal\ntls_partners = partner-example.nl\n"
    "portal_db = @DIR@/portal.db\nportal_key = @DIR@/portal.key\n"
    "fallback = tempfail\non_error = pass\nlanguage = fr\n"
    "submission = unix:@DIR@/no-submission\n"
    "tmpdir = @DIR@/no-such-folder\nmemory_bytes = 4096\n",
};

static const char POLICY_0[] = "partners = partner-example.nl\n"
                               "[department GGZ]\n"
                               "members = ggz-*@zorg-example.nl @ggz.zorg-example.nl\n"
                               "mode = warn\nlanguage = en\noverrides = no\n"
                               "[department Wijk]\n"
                               "members = wijk@zorg-example.nl\nmode = monitor\n"
                               "[rule person.*]\nmode = monitor\n";

static struct snapshot *load(unsigned i, struct pack *pack)
{
    char text[2048], name[32], err[1024];
    struct snapshot *s = calloc(1, sizeof *s);
    size_t o = 0;
    for (const char *c = configs[i]; *c && o + 256 < sizeof text; c++) {
        if (strncmp(c, "@DIR@", 5) == 0) {
            o += (size_t)snprintf(text + o, sizeof text - o, "%s", fuzz_dir());
            c += 4;
        } else {
            text[o++] = *c;
        }
    }
    text[o] = '\0';
    snprintf(name, sizeof name, "config-%u.conf", i);
    const char *path = fuzz_write(name, text, strlen(text));
    if (s == NULL || config_load(path, &s->cfg, err, sizeof err) != SL_OK ||
        redirect_new(&s->cfg, &s->redirect, err, sizeof err) != SL_OK) {
        fprintf(stderr, "fuzz_session: configuration %u: %s\n", i, err);
        exit(1);
    }
    s->pack = pack; /* shared: these snapshots are never released */
    s->pool = NULL; /* attached documents are not read */
    s->refs = 1;
    return s;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char err[1024], key[512];
    (void)argc;
    (void)argv;
    extract_init();
    struct pack *pack = pack_load(fuzz_rules_dir(), 1, err, sizeof err);
    snprintf(key, sizeof key, "%s/portal.key", fuzz_dir());
    if (pack == NULL || store_keygen(key, err, sizeof err) != SL_OK) {
        fprintf(stderr, "fuzz_session: %s\n", err);
        exit(1);
    }
    fuzz_write("policy-0.conf", POLICY_0, sizeof POLICY_0 - 1);
    for (unsigned i = 0; i < NCONFIGS; i++)
        snaps[i] = load(i, pack);
    /* dry-run mode prints what it would do: not to the fuzzer's output */
    if (freopen("/dev/null", "w", stdout) == NULL)
        exit(1);
    return 0;
}

/* --- the recorder --------------------------------------------------------- */

enum fails { FAIL_HEADER = 1, FAIL_QUARANTINE = 2, FAIL_DELRCPT = 4, FAIL_CHGHEADER = 8 };

struct record {
    char auth[64], daemon[64], qid[32];
    bool has_auth, has_daemon, has_qid;
    unsigned fails;
    char rcode[8];
    unsigned replies;
};

static const char *r_macro(void *h, const char *name)
{
    struct record *r = h;
    if (strcmp(name, "i") == 0)
        return r->has_qid ? r->qid : NULL;
    if (strcmp(name, "{auth_authen}") == 0)
        return r->has_auth ? r->auth : NULL;
    if (strcmp(name, "{daemon_name}") == 0)
        return r->has_daemon ? r->daemon : NULL;
    return NULL;
}

/* smtp_text - printable ASCII, every '%' doubled (smfi_setreply) */
static void check_smtp_text(const char *what, const char *text)
{
    for (const char *p = text; *p; p++) {
        FUZZ_CHECK(*p >= 0x20 && *p < 0x7F, "%s: byte 0x%02x in '%s'", what, *p & 0xFF, text);
        if (*p == '%')
            FUZZ_CHECK(*++p == '%', "%s: a single '%%' in '%s'", what, text);
    }
}

static bool r_add_header(void *h, const char *name, const char *value)
{
    struct record *r = h;
    FUZZ_CHECK(strcmp(name, "X-Sluis-Route") == 0 && strcmp(value, "tls") == 0,
               "header added: %s: %s", name, value);
    return !(r->fails & FAIL_HEADER);
}

static bool r_quarantine(void *h, const char *reason)
{
    struct record *r = h;
    check_smtp_text("hold reason", reason);
    return !(r->fails & FAIL_QUARANTINE);
}

static bool r_set_reply(void *h, const char *rcode, const char *xcode, const char *text)
{
    struct record *r = h;
    FUZZ_CHECK(strlen(rcode) == 3 && (rcode[0] == '4' || rcode[0] == '5') && xcode[0] == rcode[0] &&
                   xcode[1] == '.',
               "reply codes %s %s", rcode, xcode);
    check_smtp_text("reply", text);
    snprintf(r->rcode, sizeof r->rcode, "%s", rcode);
    r->replies++;
    return true;
}

static bool r_del_rcpt(void *h, const char *rcpt)
{
    struct record *r = h;
    FUZZ_CHECK(rcpt != NULL, "no recipient to remove");
    return !(r->fails & FAIL_DELRCPT);
}

/* no configuration here has a certificate on file: nothing is encrypted */
static bool r_replace_body(void *h, const char *data, size_t len)
{
    (void)h;
    (void)data;
    FUZZ_CHECK(false, "the body replaced (%zu bytes) with no certificate on file", len);
    return false;
}

static bool r_chg_header(void *h, const char *name, int index, const char *value)
{
    struct record *r = h;
    FUZZ_CHECK(strcmp(name, "Subject") == 0 && index == 1, "header changed: %s[%d]", name, index);
    /* a line break only as a fold: CR LF or LF, then a blank */
    for (const char *p = value; *p; p++) {
        if (*p == '\r' && p[1] == '\n')
            p++;
        if (*p == '\r' || *p == '\n')
            FUZZ_CHECK(*p == '\n' && (p[1] == ' ' || p[1] == '\t'),
                       "a line break in the new Subject '%s'", value);
    }
    return !(r->fails & FAIL_CHGHEADER);
}

/* --- the driver ----------------------------------------------------------- */

enum kind {
    K_CONNECT,
    K_HELO,
    K_ENVFROM,
    K_ENVRCPT,
    K_HEADER,
    K_EOH,
    K_BODY,
    K_EOM,
    K_ABORT,
    K_CLOSE,
    K_MACRO,
    K_FAIL,
    NKINDS
};

static void set_macro(char *dst, size_t n, bool *has, const char *src, size_t len)
{
    *has = len > 0;
    snprintf(dst, n, "%.*s", (int)len, src);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    struct snapshot *snap = snaps[data[0] % NCONFIGS];
    bool dry = dry_run[data[0] % NCONFIGS];
    struct record r = {0};
    struct milter_io io = {&r,         r_macro,      r_add_header, r_quarantine,  r_set_reply,
                           r_del_rcpt, r_chg_header, NULL,         r_replace_body};
    struct session *s = NULL;
    bool in_message = false;
    size_t at = 1;
    while (at < size) {
        enum kind k = (enum kind)(data[at++] % NKINDS);
        size_t len = 0;
        if (at + 2 <= size)
            len = (size_t)data[at] << 8 | data[at + 1];
        at = at + 2 <= size ? at + 2 : size;
        if (len > size - at)
            len = size - at;
        const char *bytes = (const char *)data + at;
        at += len;

        if (k == K_MACRO) {
            size_t third = len / 3;
            set_macro(r.auth, sizeof r.auth, &r.has_auth, bytes, third);
            set_macro(r.daemon, sizeof r.daemon, &r.has_daemon, bytes + third, third);
            set_macro(r.qid, sizeof r.qid, &r.has_qid, bytes + 2 * third, len - 2 * third);
            continue;
        }
        if (k == K_FAIL) {
            r.fails = len ? (unsigned char)bytes[0] : 0;
            continue;
        }
        if (k == K_HELO)
            continue;
        if (k == K_CLOSE) {
            session_free(s);
            s = NULL;
            in_message = false;
            continue;
        }
        if (k == K_CONNECT || s == NULL) {
            session_free(s);
            s = session_new(snap);
            FUZZ_CHECK(s != NULL, "session_new");
            if (dry)
                session_dry_run(s);
            char *client = fuzz_string(bytes, k == K_CONNECT ? len : 0);
            FUZZ_CHECK(session_connect(s, client) == SESSION_CONTINUE, "connect");
            free(client);
            in_message = false;
            if (k == K_CONNECT)
                continue;
        }
        char *str = fuzz_string(bytes, len);
        enum session_rc rc = SESSION_CONTINUE;
        switch (k) {
        case K_ENVFROM:
            rc = session_envfrom(s, &io, str);
            FUZZ_CHECK(rc == SESSION_CONTINUE || rc == SESSION_ACCEPT || rc == SESSION_TEMPFAIL,
                       "envfrom: %d", (int)rc);
            in_message = rc == SESSION_CONTINUE;
            break;
        case K_ENVRCPT:
            if (in_message)
                rc = session_envrcpt(s, &io, str);
            break;
        case K_HEADER:
            if (in_message) {
                char *colon = strchr(str, ':');
                if (colon)
                    *colon = '\0';
                rc = session_header(s, str, colon ? colon + 1 : "");
            }
            break;
        case K_EOH:
            if (in_message)
                rc = session_eoh(s);
            break;
        case K_BODY:
            if (in_message)
                rc = session_body(s, bytes, len);
            break;
        case K_EOM:
            if (in_message) {
                unsigned replies = r.replies;
                rc = session_eom(s, &io);
                FUZZ_CHECK(rc == SESSION_ACCEPT || rc == SESSION_REJECT || rc == SESSION_TEMPFAIL ||
                               rc == SESSION_DISCARD,
                           "eom answered %d", (int)rc);
                if (rc == SESSION_REJECT || rc == SESSION_TEMPFAIL)
                    FUZZ_CHECK(r.replies > replies &&
                                   r.rcode[0] == (rc == SESSION_REJECT ? '5' : '4'),
                               "eom answered %d with reply '%s'", (int)rc, r.rcode);
                FUZZ_CHECK(session_last_action(s) <= ACTION_TEMPFAIL, "decision %d",
                           (int)session_last_action(s));
                in_message = false;
            }
            break;
        case K_ABORT:
            session_abort(s);
            in_message = false;
            break;
        default:
            break;
        }
        if (k != K_ENVFROM && k != K_EOM && rc != SESSION_CONTINUE) {
            FUZZ_CHECK(rc == SESSION_TEMPFAIL, "callback %d answered %d", (int)k, (int)rc);
            in_message = false;
        }
        free(str);
    }
    session_free(s);
    return 0;
}
