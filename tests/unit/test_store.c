/*
 * test_store - the metrics store on real SQLite files in a temporary
 * folder, or, when SLUIS_TEST_PG names a PostgreSQL database (testdb.h,
 * tests/pg/run), in its schema sluis_metrics: events and their spill
 * lines, pseudonyms and sealed addresses, the key file, put and read back,
 * all or nothing, migrations, retention, and a scan of the files' bytes
 * (PostgreSQL: of every row) for anything that names a person. The writer:
 * batching, a full queue, a full file system (a small tmpfs mounted here:
 * run as root), replay and loss.
 *
 * What only a file has (WAL mode, file modes, journals, a file removed or
 * replaced, a full file system) is tested on SQLite only; on PostgreSQL the
 * same tests meet its counterparts: a schema of a newer version or of
 * something else, the store's write lock held by another session, a server
 * where no server listens, and the server going away under the writer and
 * coming back (test_writer_reconnect). tests/pg/run also stops and starts
 * the server itself under a writer.
 */
#include <errno.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../policy/policy.h"
#include "../../store/event.h"
#include "../../store/metrics.h"
#include "../../store/sql.h"
#include "../../store/pseudo.h"
#include "../../store/writer.h"
#include "check.h"
#include "testdb.h"

static char dir[256];

static const char *in_dir(const char *name)
{
    static char p[8][512];
    static int k;
    k = (k + 1) % 8;
    snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
    return p[k];
}

/* what the test's messages held: none of it may reach the store's files */
static const char *const SECRETS[] = {
    "j.de.vries@zorg-oost.example", /* a sender */
    "p.jansen@gmail.com",           /* recipients */
    "anna.bakker@ziekenhuis-west.example",
    "Uitslag MRI mevrouw Smit", /* a subject */
    "111222333",                /* a BSN */
    "Jansen",
};

static struct pseudo_key test_key(void)
{
    struct pseudo_key k;
    for (size_t i = 0; i < sizeof k.k; i++)
        k.k[i] = (unsigned char)(i * 7 + 1);
    return k;
}

/* sample - a full event: every field set, a few rules and groups */
static struct event sample(int64_t t, const struct pseudo_key *k, const char *sender, int variant)
{
    struct event e;
    memset(&e, 0, sizeof e);
    event_set_time(&e, t);
    pseudo_sender(k, sender, e.sender);
    snprintf(e.dept, sizeof e.dept, variant % 2 ? "cardiologie" : "");
    e.sensitive = variant % 3 != 0;
    e.confidence = (uint8_t)(variant % 3);
    e.mode = (uint8_t)(variant % 3);
    e.action = ACTION_PORTAL;
    e.intended = ACTION_HOLD;
    e.tag = 2;
    e.reason = 1;
    e.override = variant % 5 == 0;
    e.override_refused = variant % 7 == 0;
    e.incomplete = variant % 11 == 0;
    e.size = 12345 + (uint64_t)variant;
    e.scan_us = 800 + (uint32_t)variant;
    if (variant % 4 == 0)
        memset(e.fp, 'a', EVENT_HASH_LEN);
    event_add_rule(&e, "nl.bsn", "identifier");
    event_add_rule(&e, "nl.diagnosis", "health");
    event_add_recipient(&e, EVENT_CONSUMER, "gmail.com", ACTION_PORTAL, ACTION_PORTAL,
                        EVENT_CH_PORTAL);
    event_add_recipient(&e, EVENT_ORG, "Ziekenhuis-West.example", ACTION_PASS, ACTION_HOLD,
                        EVENT_CH_NONE);
    event_add_recipient(&e, EVENT_INTERNAL, "zorg-oost.example", ACTION_PASS, ACTION_PASS,
                        EVENT_CH_NONE);
    return e;
}

static bool same_event(const struct event *a, const struct event *b)
{
    if (a->time != b->time || strcmp(a->month, b->month) != 0 ||
        strcmp(a->sender, b->sender) != 0 || strcmp(a->dept, b->dept) != 0 ||
        a->sensitive != b->sensitive || a->confidence != b->confidence || a->mode != b->mode ||
        a->action != b->action || a->intended != b->intended || a->tag != b->tag ||
        a->reason != b->reason || a->override != b->override ||
        a->override_refused != b->override_refused || a->incomplete != b->incomplete ||
        a->size != b->size || a->scan_us != b->scan_us || strcmp(a->fp, b->fp) != 0 ||
        a->nrules != b->nrules || a->ngroups != b->ngroups)
        return false;
    for (size_t i = 0; i < a->nrules; i++)
        if (strcmp(a->rules[i].rule, b->rules[i].rule) != 0 ||
            strcmp(a->rules[i].category, b->rules[i].category) != 0)
            return false;
    for (size_t i = 0; i < a->ngroups; i++) {
        const struct event_group *x = &a->groups[i], *y = &b->groups[i];
        if (x->rclass != y->rclass || strcmp(x->domain, y->domain) != 0 || x->action != y->action ||
            x->intended != y->intended || x->channel != y->channel || x->count != y->count)
            return false;
    }
    return true;
}

/* ---- event */

static void test_event_build(void)
{
    struct event e;
    memset(&e, 0, sizeof e);
    event_add_rule(&e, "nl.bsn", "identifier");
    event_add_rule(&e, "nl.bsn", "identifier");
    CHECK(e.nrules == 1, "a rule added twice: got %zu rules, want 1", e.nrules);
    char rule[EVENT_RULE_MAX + 20];
    for (int i = 0; i < EVENT_RULES_MAX + 5; i++) {
        snprintf(rule, sizeof rule, "r.%d", i);
        event_add_rule(&e, rule, "c");
    }
    CHECK(e.nrules == EVENT_RULES_MAX, "rules past the limit: got %zu, want %d", e.nrules,
          EVENT_RULES_MAX);
    memset(&e, 0, sizeof e);
    memset(rule, 'x', sizeof rule - 1);
    rule[sizeof rule - 1] = '\0';
    event_add_rule(&e, rule, "a-category-much-too-long-for-its-field");
    CHECK(strlen(e.rules[0].rule) == EVENT_RULE_MAX, "a long rule id cut to %d: got %zu",
          EVENT_RULE_MAX, strlen(e.rules[0].rule));
    CHECK(strlen(e.rules[0].category) == EVENT_CAT_MAX, "a long category cut: got %zu",
          strlen(e.rules[0].category));

    memset(&e, 0, sizeof e);
    event_add_recipient(&e, EVENT_ORG, "Example.ORG", ACTION_PASS, ACTION_HOLD, EVENT_CH_NONE);
    event_add_recipient(&e, EVENT_ORG, "example.org", ACTION_PASS, ACTION_HOLD, EVENT_CH_NONE);
    event_add_recipient(&e, EVENT_CONSUMER, "gmail.com", ACTION_PORTAL, ACTION_PORTAL,
                        EVENT_CH_PORTAL);
    event_add_recipient(&e, EVENT_CONSUMER, "hotmail.com", ACTION_PORTAL, ACTION_PORTAL,
                        EVENT_CH_PORTAL);
    event_add_recipient(&e, EVENT_INTERNAL, "zorg.example", ACTION_PASS, ACTION_PASS,
                        EVENT_CH_NONE);
    CHECK(e.ngroups == 3, "groups: got %zu, want 3", e.ngroups);
    CHECK(strcmp(e.groups[0].domain, "example.org") == 0 && e.groups[0].count == 2,
          "an organisation's domain lower case, counted twice: got %s x%u", e.groups[0].domain,
          e.groups[0].count);
    CHECK(e.groups[1].domain[0] == '\0' && e.groups[1].count == 2,
          "consumer domains not kept: got \"%s\" x%u", e.groups[1].domain, e.groups[1].count);
    CHECK(e.groups[2].domain[0] == '\0', "an internal domain not kept: got \"%s\"",
          e.groups[2].domain);
    char dom[64];
    for (int i = 0; i < EVENT_GROUPS_MAX + 10; i++) {
        snprintf(dom, sizeof dom, "d%d.example", i);
        event_add_recipient(&e, EVENT_ORG, dom, ACTION_PASS, ACTION_PASS, EVENT_CH_NONE);
    }
    uint32_t total = 0;
    for (size_t i = 0; i < e.ngroups; i++)
        total += e.groups[i].count;
    CHECK(e.ngroups == EVENT_GROUPS_MAX && total == 5 + EVENT_GROUPS_MAX + 10,
          "groups past the limit folded into the last: got %zu groups, %u recipients", e.ngroups,
          total);

    setenv("TZ", "Europe/Amsterdam", 1);
    tzset();
    event_set_time(&e, 1735685999); /* 2024-12-31 22:59:59 UTC = 23:59:59 in Amsterdam */
    CHECK(strcmp(e.month, "2024-12") == 0, "month of the last second of 2024: got %s", e.month);
    event_set_time(&e, 1735686000); /* 2025-01-01 00:00:00 in Amsterdam, 23:00 UTC */
    CHECK(strcmp(e.month, "2025-01") == 0, "month in local time: got %s, want 2025-01", e.month);
    CHECK(strcmp(event_class_name(EVENT_ORG), "org") == 0 &&
              strcmp(event_class_name(EVENT_CONSUMER), "consumer") == 0 &&
              strcmp(event_channel_name(EVENT_CH_EXTERNAL_PORTAL), "external") == 0 &&
              strcmp(event_channel_name(EVENT_CH_SMIME), "smime") == 0,
          "names");
}

static void test_event_lines(void)
{
    struct pseudo_key k = test_key();
    char line[EVENT_LINE_MAX];
    struct event back;
    for (int v = 0; v < 12; v++) {
        struct event e = sample(1760000000 + v, &k, SECRETS[0], v);
        if (v == 2)
            snprintf(e.dept, sizeof e.dept, "-");
        if (v == 3)
            snprintf(e.dept, sizeof e.dept, "zorg & welzijn-100%% %s", "\xc3\xa9t\xc3\xa9");
        if (v == 5) {
            e.size = UINT64_MAX;
            e.scan_us = UINT32_MAX;
        }
        bool ok = event_encode(&e, line, sizeof line);
        CHECK(ok && strncmp(line, "E1 ", 3) == 0 && strchr(line, '\n') == NULL &&
                  strchr(line, '\t') == NULL,
              "encode %d: %s", v, line);
        memset(&back, 0x55, sizeof back);
        CHECK(ok && event_decode(line, &back) && same_event(&e, &back), "round trip %d: %s", v,
              line);
    }
    struct event e = sample(1760000000, &k, SECRETS[0], 1);
    CHECK(!event_encode(&e, line, 40), "a buffer too small: refused");
    CHECK(line[0] == '\0', "a buffer too small: left empty, got %s", line);

    /* malformed lines, each refused whole */
    char good[EVENT_LINE_MAX];
    CHECK(event_encode(&e, good, sizeof good), "encode");
    char bad[EVENT_LINE_MAX + 64];
    struct {
        const char *name, *from, *to;
    } edits[] = {
        {"another version", "E1 ", "E2 "},
        {"a letter in a number", " 1760000000 ", " 17600x0000 "},
        {"a leading zero", " 1760000000 ", " 01760000000 "},
        {"a month out of range", " 2025-10 ", " 2025-13 "},
        {"a month of another form", " 2025-10 ", " 2025-1 "},
        {"a bad escape", " cardiologie ", " cardio%G1logie "},
        {"a short escape", " cardiologie ", " cardiologie% "},
        {"an encoded NUL", " cardiologie ", " cardio%00logie "},
        {"a raw byte", " cardiologie ", " cardio\x01logie "},
        {"two spaces", " cardiologie ", " cardiologie  "},
        {"a tab", " cardiologie ", " cardiologie\t"},
        {"a boolean of 2", " cardiologie 1 ", " cardiologie 2 "},
        {"a byte field past 255", " 1 3 4 2 1 ", " 1 3 4 256 1 "},
        {"a scan time past 32 bits", " 801 ", " 4294967296 "},
        {"too many rules", " 2 nl.bsn ", " 17 nl.bsn "},
        {"one rule too many", " 2 nl.bsn ", " 3 nl.bsn "},
        {"a rule missing", " 2 nl.bsn ", " 1 nl.bsn "},
        {"a class out of range", " 3 3 - 3 3 3 1 ", " 3 4 - 3 3 3 1 "},
        {"a channel out of range", " 3 3 - 3 3 3 1 ", " 3 3 - 3 3 5 1 "},
        {"a group missing", " 3 3 - 3 3 3 1 ", " 4 3 - 3 3 3 1 "},
        {"a fingerprint not a hash", " 801 - ", " 801 abc "},
        {"a sender of 65 digits", " 2025-10 ", " 2025-10 a"},
    };
    for (size_t i = 0; i < NELEM(edits); i++) {
        const char *at = strstr(good, edits[i].from);
        CHECK(at != NULL, "edit %s: %s not in %s", edits[i].name, edits[i].from, good);
        if (at == NULL)
            continue;
        size_t pre = (size_t)(at - good);
        snprintf(bad, sizeof bad, "%.*s%s%s", (int)pre, good, edits[i].to,
                 at + strlen(edits[i].from));
        CHECK(!event_decode(bad, &back), "%s: decoded %s", edits[i].name, bad);
    }
    /* every prefix of a good line is a torn line: refused */
    size_t n = strlen(good), refused = 0;
    for (size_t cut = 0; cut < n; cut++) {
        memcpy(bad, good, cut);
        bad[cut] = '\0';
        refused += !event_decode(bad, &back);
    }
    CHECK(refused == n, "torn lines: %zu of %zu refused", refused, n);
    snprintf(bad, sizeof bad, "%s 1", good);
    CHECK(!event_decode(bad, &back), "a field too many: refused");
    snprintf(bad, sizeof bad, "%s ", good);
    CHECK(!event_decode(bad, &back), "a trailing space: refused");
    snprintf(bad, sizeof bad, "%s\n", good);
    CHECK(!event_decode(bad, &back), "a newline: refused");
    /* a string longer than its field */
    char dept[201];
    memset(dept, 'd', 200);
    dept[200] = '\0';
    snprintf(bad, sizeof bad, "E1 1 2025-01 - %s 0 0 0 0 0 0 0 0 0 0 1 1 - 0 0", dept);
    CHECK(!event_decode(bad, &back), "a department of 200 bytes: refused");
    bad[0] = '\0';
    strcpy(bad, "E1 1 2025-01 - - 0 0 0 0 0 0 0 0 0 0 1 1 - 0 0");
    CHECK(event_decode(bad, &back) && back.time == 1 && back.nrules == 0,
          "a minimal line: decoded");
    strcpy(bad, "E1 1 2025-01 zz - 0 0 0 0 0 0 0 0 0 0 1 1 - 0 0");
    CHECK(!event_decode(bad, &back), "a sender that is not a hash: refused");
    strcpy(bad, "E1 1 2025-01 - - 2 0 0 0 0 0 0 0 0 0 1 1 - 0 0");
    CHECK(!event_decode(bad, &back), "a boolean of 2: refused");
    strcpy(bad, "E1 18446744073709551616 2025-01 - - 0 0 0 0 0 0 0 0 0 0 1 1 - 0 0");
    CHECK(!event_decode(bad, &back), "a time past 64 bits: refused");
    CHECK(!event_decode("", &back) && !event_decode("E1", &back) && !event_decode(NULL, &back),
          "empty lines: refused");
}

/* test_event_mutations - lines with bytes changed, cut or repeated: each
 * is refused or decodes to an event that encodes and decodes the same
 * (the ASan build catches a read past the line) */
static void test_event_mutations(void)
{
    struct pseudo_key k = test_key();
    char good[EVENT_LINE_MAX], line[EVENT_LINE_MAX + 16], again[EVENT_LINE_MAX];
    struct event e = sample(1760000000, &k, SECRETS[0], 4), back, back2;
    CHECK(event_encode(&e, good, sizeof good), "encode");
    size_t n = strlen(good);
    unsigned seed = 12345, decoded = 0, stable = 0;
    static const char alphabet[] = "0123456789 -%E1aAfF\t\n\xff:./";
    for (int round = 0; round < 20000; round++) {
        memcpy(line, good, n + 1);
        int edits = 1 + (int)((seed = seed * 1103515245 + 12345) >> 16) % 4;
        for (int j = 0; j < edits; j++) {
            seed = seed * 1103515245 + 12345;
            size_t at = (seed >> 8) % n;
            unsigned what = (seed >> 4) % 3;
            if (what == 0)
                line[at] = alphabet[(seed >> 20) % (sizeof alphabet - 1)];
            else if (what == 1)
                line[at] = '\0';
            else
                memmove(line + at, line + at + 1, n - at);
        }
        if (event_decode(line, &back)) {
            decoded++;
            stable += event_encode(&back, again, sizeof again) && event_decode(again, &back2) &&
                      same_event(&back, &back2);
        }
    }
    CHECK(decoded == stable, "every mutated line that decodes is a whole event: %u of %u", stable,
          decoded);
}

/* ---- pseudo */

static void test_pseudo(void)
{
    struct pseudo_key k = test_key(), k2 = test_key();
    k2.k[0] ^= 1;
    char a[EVENT_HASH_LEN + 1], b[EVENT_HASH_LEN + 1], c[EVENT_HASH_LEN + 1];
    pseudo_sender(&k, "J.de.Vries@Zorg-Oost.example", a);
    pseudo_sender(&k, "<j.de.vries@zorg-oost.example>", b);
    pseudo_sender(&k2, "j.de.vries@zorg-oost.example", c);
    CHECK(strlen(a) == EVENT_HASH_LEN && strspn(a, "0123456789abcdef") == EVENT_HASH_LEN,
          "a hex hash: got %s", a);
    CHECK(strcmp(a, b) == 0, "case and angle brackets do not matter: %s vs %s", a, b);
    CHECK(strcmp(a, c) != 0, "another key, another hash");
    pseudo_sender(&k, "p.jansen@zorg-oost.example", c);
    CHECK(strcmp(a, c) != 0, "another sender, another hash");
    /* the documented construction: HMAC-SHA-256(key, "sender:" || address) */
    unsigned char mac[32];
    unsigned int maclen = 32;
    const char *msg = "sender:j.de.vries@zorg-oost.example";
    HMAC(EVP_sha256(), k.k, sizeof k.k, (const unsigned char *)msg, strlen(msg), mac, &maclen);
    char want[65];
    for (int i = 0; i < 32; i++)
        snprintf(want + 2 * i, 3, "%02x", mac[i]);
    CHECK(strcmp(a, want) == 0, "the hash: got %s, want %s", a, want);

    pseudo_label_key(&k, "2025-01", "cardiologie", a, b);
    pseudo_label_key(&k, "2025-02", "cardiologie", a, c);
    CHECK(strlen(b) == EVENT_HASH_LEN && strcmp(b, c) != 0, "label keys differ per month");
    pseudo_label_key(&k, "2025-01", "cardiologie", a, c);
    CHECK(strcmp(b, c) == 0, "label keys stable");

    unsigned char sealed[PSEUDO_SEALED_MAX], sealed2[PSEUDO_SEALED_MAX];
    size_t len = 0, len2 = 0;
    char back[400];
    CHECK(pseudo_seal(&k, "<J.de.Vries@zorg-oost.example>", sealed, sizeof sealed, &len) == SL_OK &&
              len == 12 + strlen(SECRETS[0]) + 16,
          "seal: %zu bytes", len);
    CHECK(memmem(sealed, len, "vries", 5) == NULL, "sealed: no address inside");
    CHECK(pseudo_open(&k, sealed, len, back, sizeof back) == SL_OK && strcmp(back, SECRETS[0]) == 0,
          "open: got %s", back);
    CHECK(pseudo_seal(&k, SECRETS[0], sealed2, sizeof sealed2, &len2) == SL_OK && len2 == len &&
              memcmp(sealed, sealed2, len) != 0,
          "a new nonce each time");
    CHECK(pseudo_open(&k2, sealed, len, back, sizeof back) == SL_EINVAL && back[0] == '\0',
          "open with another key: refused");
    sealed[len / 2] ^= 1;
    CHECK(pseudo_open(&k, sealed, len, back, sizeof back) == SL_EINVAL, "tampered: refused");
    sealed[len / 2] ^= 1;
    CHECK(pseudo_open(&k, sealed, 20, back, sizeof back) == SL_EINVAL, "too short: refused");
    CHECK(pseudo_open(&k, sealed, len, back, 8) == SL_EINVAL, "no room for it: refused");
    CHECK(pseudo_seal(&k, SECRETS[0], sealed, 20, &len) == SL_EINVAL, "seal into too little");

    /* the key file */
    char err[512];
    const char *path = in_dir("metrics.key");
    CHECK(pseudo_keygen(path, err, sizeof err) == SL_OK, "keygen: %s", err);
    struct stat st;
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600 && st.st_size == 65,
          "key file 0600, 64 hex digits and a newline: mode %o, %lld bytes",
          (unsigned)(st.st_mode & 0777), (long long)st.st_size);
    CHECK(pseudo_keygen(path, err, sizeof err) == SL_EIO && strstr(err, path),
          "keygen refuses an existing file: %s", err);
    struct pseudo_key l1, l2;
    CHECK(pseudo_load(path, &l1, err, sizeof err) == SL_OK, "load: %s", err);
    CHECK(pseudo_keygen(in_dir("metrics2.key"), err, sizeof err) == SL_OK &&
              pseudo_load(in_dir("metrics2.key"), &l2, err, sizeof err) == SL_OK &&
              memcmp(l1.k, l2.k, sizeof l1.k) != 0,
          "two keys differ");
    chmod(path, 0640);
    CHECK(pseudo_load(path, &l2, err, sizeof err) == SL_EINVAL && strstr(err, "chmod 600"),
          "a key readable by its group: refused (%s)", err);
    chmod(path, 0604);
    CHECK(pseudo_load(path, &l2, err, sizeof err) == SL_EINVAL, "a key readable by all: refused");
    chmod(path, 0440);
    CHECK(pseudo_load(path, &l2, err, sizeof err) == SL_EINVAL,
          "0440 outside $CREDENTIALS_DIRECTORY: refused");
    setenv("CREDENTIALS_DIRECTORY", dir, 1);
    CHECK(pseudo_load(path, &l2, err, sizeof err) == SL_OK && memcmp(l1.k, l2.k, 32) == 0,
          "0440 inside $CREDENTIALS_DIRECTORY: taken (%s)", err);
    chmod(path, 0444);
    CHECK(pseudo_load(path, &l2, err, sizeof err) == SL_EINVAL,
          "0444 inside $CREDENTIALS_DIRECTORY: refused");
    unsetenv("CREDENTIALS_DIRECTORY");
    chmod(path, 0600);
    CHECK(pseudo_load(in_dir("none.key"), &l2, err, sizeof err) == SL_EIO &&
              strstr(err, "sluis metrics keygen"),
          "a missing key says how to make one: %s", err);
    int fd = open(in_dir("bad.key"), O_WRONLY | O_CREAT | O_EXCL, 0600);
    CHECK(fd >= 0 && write(fd, "not a key\n", 10) == 10, "bad key file");
    if (fd >= 0)
        close(fd);
    CHECK(pseudo_load(in_dir("bad.key"), &l2, err, sizeof err) == SL_EINVAL,
          "a file that is not a key: refused");
    CHECK(symlink(path, in_dir("link.key")) == 0 &&
              pseudo_load(in_dir("link.key"), &l2, err, sizeof err) != SL_OK,
          "a symbolic link: refused");
}

/* ---- metrics */

/* the PostgreSQL database under test (testdb_pg), or NULL: SQLite files */
static const char *pg;

/* store_at - where a test keeps its store, empty: the file name in the
 * test's folder, or the PostgreSQL address (its schema dropped first) */
static const char *store_at(const char *name)
{
    return testdb_target(in_dir(name), "sluis_metrics");
}

/* pg_with - the address under test with one more parameter (a later one
 * wins in libpq) */
static const char *pg_with(const char *param)
{
    static char url[2][1024];
    static int k;
    k = !k;
    snprintf(url[k], sizeof url[k], "%s%s%s", pg, strchr(pg, '?') ? "&" : "?", param);
    return url[k];
}

/* pg_down - the address under test, where no server listens */
static const char *pg_down(void)
{
    return pg_with("host=/nonexistent");
}

/* count - the first column of the first row of text, as a number; -1 on
 * an error */
static int64_t count(struct sql *db, const char *text)
{
    struct sql_stmt *q = NULL;
    int64_t n = -1;
    if (db != NULL && sql_prepare(db, text, &q) == SQL_OK && sql_step(q) == SQL_ROW)
        n = sql_column_int64(q, 0);
    sql_finalize(q);
    return n;
}

/* col - a text column, never NULL (a NULL matches no value of an event) */
static const char *col(struct sql_stmt *q, int i)
{
    const char *s = sql_column_text(q, i);
    return s ? s : "(NULL)";
}

/* hold_events - a transaction of locker's that keeps every other writer
 * from adding events until it ends: on SQLite the file's exclusive lock,
 * on PostgreSQL a lock on the table (batches of events do not take the
 * store's write lock: relays add events at once) */
static bool hold_events(struct sql *locker)
{
    if (locker == NULL)
        return false;
    if (sql_engine(locker) == SQL_SQLITE)
        return sql_exec(locker, "BEGIN EXCLUSIVE") == SQL_OK;
    return sql_begin(locker, true) == SQL_OK &&
           sql_exec(locker, "LOCK TABLE events IN EXCLUSIVE MODE") == SQL_OK;
}

/* connect_to - a connection of the test's own to the store at target:
 * read-only, or one that writes (and makes the file or the schema) */
static struct sql *connect_to(const char *target, bool write)
{
    if (sql_is_remote(target)) {
        char err[512];
        struct sql *db =
            sql_open_pg(target, "sluis_metrics", write, !write, "sluis-test", err, sizeof err);
        if (db == NULL)
            fprintf(stderr, "test_store: %s\n", err);
        return db;
    }
    sqlite3 *lite = NULL;
    int flags = write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(target, &lite, flags, NULL) != SQLITE_OK) {
        sqlite3_close(lite);
        return NULL;
    }
    return sql_wrap_sqlite(lite);
}

static int64_t count_in(const char *target, const char *text)
{
    struct sql *db = connect_to(target, false);
    int64_t n = count(db, text);
    sql_close(db);
    return n;
}

/* pg_schemas - how many schemas named sluis_metrics the database under
 * test has (-1 on an error) */
static int64_t pg_schemas(void)
{
    char err[512];
    struct sql *db = sql_open_pg(pg, "public", false, true, "sluis-test", err, sizeof err);
    int64_t n = count(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'sluis_metrics'");
    sql_close(db);
    return n;
}

static struct metrics *open_metrics(const char *path)
{
    struct metrics *m = NULL;
    char err[512];
    enum sl_status st = metrics_open(path, false, &m, err, sizeof err);
    CHECK(st == SL_OK, "open %s: %s", path, err);
    return m;
}

static void test_metrics_put(void)
{
    struct pseudo_key k = test_key();
    const char *path = store_at("put.db");
    mode_t old = umask(0);
    struct metrics *m = open_metrics(path);
    umask(old);
    if (m == NULL)
        return;
    struct sql *db = metrics_sql(m);
    struct sql_stmt *q = NULL;
    if (pg == NULL) {
        struct stat st;
        CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0640, "a new store is 0640: got %o",
              (unsigned)(st.st_mode & 0777));
        CHECK(sql_prepare(db, "PRAGMA journal_mode", &q) == SQL_OK && sql_step(q) == SQL_ROW &&
                  strcmp(col(q, 0), "wal") == 0,
              "WAL mode");
        sql_finalize(q);
    }
    CHECK(metrics_schema(m) == METRICS_SCHEMA, "schema %d", metrics_schema(m));
    CHECK(sql_engine(db) == (pg ? SQL_POSTGRESQL : SQL_SQLITE), "the engine under test");

    struct event ev[3];
    unsigned char sealed[3][PSEUDO_SEALED_MAX];
    const unsigned char *sp[3];
    size_t sl[3];
    for (int i = 0; i < 3; i++) {
        ev[i] = sample(1760000000 + i, &k, SECRETS[i < 2 ? 0 : 2], i + 1);
        CHECK(pseudo_seal(&k, SECRETS[i < 2 ? 0 : 2], sealed[i], sizeof sealed[i], &sl[i]) == SL_OK,
              "seal");
        sp[i] = sealed[i];
    }
    sp[1] = NULL; /* one without: the sender's sealed address comes from the first */
    char err[512];
    CHECK(metrics_put(m, ev, 3, sp, sl, err, sizeof err) == SL_OK, "put: %s", err);
    CHECK(count(db, "SELECT count(*) FROM events") == 3, "3 events");
    CHECK(count(db, "SELECT count(*) FROM event_rules") == 6, "6 rule rows");
    CHECK(count(db, "SELECT count(*) FROM event_groups") == 9, "9 group rows");
    CHECK(count(db, "SELECT count(*) FROM senders") == 2, "2 senders");
    CHECK(count(db, "SELECT count(*) FROM senders WHERE sealed IS NULL") == 0,
          "each sender sealed");

    /* every field read back */
    CHECK(sql_prepare(db,
                      "SELECT t, month, sender, dept, sensitive, confidence, mode, action, "
                      "intended, tag, reason, override, override_refused, incomplete, size, "
                      "scan_us, fp, id FROM events ORDER BY id",
                      &q) == SQL_OK,
          "read the events: %s", sql_errmsg(db));
    for (int i = 0; q != NULL && i < 3; i++) {
        CHECK(sql_step(q) == SQL_ROW, "row %d", i);
        struct event *e = &ev[i];
        bool same = sql_column_int64(q, 0) == e->time && !strcmp(col(q, 1), e->month) &&
                    !strcmp(col(q, 2), e->sender) && !strcmp(col(q, 3), e->dept) &&
                    sql_column_int(q, 4) == e->sensitive && sql_column_int(q, 5) == e->confidence &&
                    sql_column_int(q, 6) == e->mode && sql_column_int(q, 7) == e->action &&
                    sql_column_int(q, 8) == e->intended && sql_column_int(q, 9) == e->tag &&
                    sql_column_int(q, 10) == e->reason && sql_column_int(q, 11) == e->override &&
                    sql_column_int(q, 12) == e->override_refused &&
                    sql_column_int(q, 13) == e->incomplete &&
                    (uint64_t)sql_column_int64(q, 14) == e->size &&
                    sql_column_int64(q, 15) == e->scan_us && !strcmp(col(q, 16), e->fp);
        CHECK(same, "event %d read back field by field", i);
    }
    sql_finalize(q);
    CHECK(count(db, "SELECT count(*) FROM event_groups WHERE class = 2 AND "
                    "domain = 'ziekenhuis-west.example' AND action = 0 AND intended = 4 AND "
                    "channel = 0 AND n = 1") == 3,
          "the organisation's groups, with their domain");
    CHECK(count(db, "SELECT count(*) FROM event_groups WHERE class = 3 AND domain = '' AND "
                    "channel = 3") == 3,
          "consumer groups without a domain");
    CHECK(count(db, "SELECT count(*) FROM event_rules r JOIN events e ON e.id = r.event WHERE "
                    "r.rule = 'nl.bsn' AND r.category = 'identifier'") == 3,
          "rules joined to their events");

    unsigned char back[PSEUDO_SEALED_MAX];
    size_t blen = 0;
    char addr[400];
    CHECK(metrics_sealed(m, ev[0].sender, back, sizeof back, &blen) == SL_OK &&
              pseudo_open(&k, back, blen, addr, sizeof addr) == SL_OK &&
              strcmp(addr, SECRETS[0]) == 0,
          "a sender revealed from its sealed address: %s", addr);
    CHECK(metrics_sealed(m, "00", back, sizeof back, &blen) == SL_ENOENT, "unknown sender");

    /* all or nothing: a failing statement in the middle of a batch */
    static const char *const trigger[] = {
        "CREATE TRIGGER no_dept BEFORE INSERT ON events WHEN NEW.dept = 'fail' "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END",
        "CREATE FUNCTION no_dept() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.dept = 'fail' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$;"
        "CREATE TRIGGER no_dept BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION no_dept()",
    };
    CHECK(sql_exec(db, trigger[pg != NULL]) == SQL_OK, "trigger: %s", sql_errmsg(db));
    struct event batch[5];
    for (int i = 0; i < 5; i++)
        batch[i] = sample(1760001000 + i, &k, SECRETS[2], i);
    snprintf(batch[3].dept, sizeof batch[3].dept, "fail");
    CHECK(metrics_put(m, batch, 5, NULL, NULL, err, sizeof err) == SL_EIO && strstr(err, "refused"),
          "a batch with a bad event fails: %s", err);
    CHECK(count(db, "SELECT count(*) FROM events") == 3 &&
              count(db, "SELECT count(*) FROM event_rules") == 6 &&
              count(db, "SELECT count(*) FROM event_groups") == 9,
          "none of the failed batch stored");
    CHECK(!sql_in_transaction(db), "no transaction left open");
    CHECK(sql_exec(db, pg ? "DROP TRIGGER no_dept ON events; DROP FUNCTION no_dept()"
                          : "DROP TRIGGER no_dept") == SQL_OK,
          "drop the trigger: %s", sql_errmsg(db));
    CHECK(metrics_put(m, batch, 5, NULL, NULL, err, sizeof err) == SL_OK, "then it goes: %s", err);
    CHECK(count(db, "SELECT count(*) FROM events") == 8, "8 events");
    metrics_close(m);

    /* a reader: read-only, sees it all, writes nothing */
    struct metrics *r = NULL;
    CHECK(metrics_open(path, true, &r, err, sizeof err) == SL_OK, "read-only open: %s", err);
    if (r) {
        struct sql *rdb = metrics_sql(r);
        CHECK(count(rdb, "SELECT count(*) FROM events") == 8, "reader sees 8");
        CHECK(metrics_put(r, batch, 1, NULL, NULL, err, sizeof err) != SL_OK,
              "a reader cannot put");
        /* PostgreSQL: 25006, read_only_sql_transaction */
        int rc = sql_exec(rdb, "DELETE FROM events");
        CHECK(pg ? rc != SQL_OK && strstr(sql_errmsg(rdb), "25006") != NULL : rc == SQLITE_READONLY,
              "a reader's connection is read-only: %d %s", rc, sql_errmsg(rdb));
        metrics_close(r);
    }
    CHECK(count_in(path, "SELECT count(*) FROM events") == 8, "the reader deleted nothing");
    if (pg == NULL) {
        CHECK(metrics_open(in_dir("absent.db"), true, &r, err, sizeof err) != SL_OK &&
                  access(in_dir("absent.db"), F_OK) != 0,
              "read-only does not create: %s", err);
    } else {
        store_at("absent.db");
        CHECK(metrics_open(pg, true, &r, err, sizeof err) != SL_OK && pg_schemas() == 0,
              "read-only does not create the schema: %s", err);
    }
}

static void test_metrics_migrate(void)
{
    char err[512];
    struct metrics *m = NULL;
    /* v0: an empty file (as a package might leave it); PostgreSQL: no schema yet */
    const char *empty = store_at("empty.db");
    if (pg == NULL) {
        int fd = open(empty, O_WRONLY | O_CREAT | O_EXCL, 0640);
        close(fd);
    }
    CHECK(metrics_open(empty, true, &m, err, sizeof err) == SL_EINVAL && strstr(err, "read-only"),
          "a reader does not migrate: %s", err);
    CHECK(metrics_open(empty, false, &m, err, sizeof err) == SL_OK && metrics_schema(m) == 1,
          "an empty file migrated to 1: %s", err);
    if (m) {
        CHECK(count(metrics_sql(m), "SELECT value FROM meta WHERE key = 'schema'") == 1,
              "meta schema = 1");
        CHECK(count(metrics_sql(m),
                    pg ? "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema()"
                       : "SELECT count(*) FROM sqlite_master WHERE type = 'index'") >= 6,
              "the indexes made");
        metrics_close(m);
    }
    CHECK(metrics_open(empty, false, &m, err, sizeof err) == SL_OK, "opened again: %s", err);
    metrics_close(m);

    /* a newer file (PostgreSQL: schema) */
    const char *newer = store_at("newer.db");
    struct sql *db = connect_to(newer, true);
    CHECK(db &&
              sql_ddl(db,
                      "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
                      "INSERT INTO meta VALUES('schema', '99'); CREATE TABLE events(x INTEGER)") ==
                  SQL_OK,
          "a store of schema 99: %s", db ? sql_errmsg(db) : "no connection");
    sql_close(db);
    m = NULL;
    CHECK(metrics_open(newer, false, &m, err, sizeof err) == SL_EINVAL && m == NULL &&
              strstr(err, "99") && strstr(err, "newer"),
          "a newer file refused: %s", err);
    CHECK(metrics_open(newer, true, &m, err, sizeof err) == SL_EINVAL, "also read-only: %s", err);
    CHECK(count_in(newer, "SELECT value FROM meta WHERE key = 'schema'") == 99,
          "and left as it was");

    /* a file (PostgreSQL: schema) of something else: tables, but no meta */
    const char *other = store_at("other.db");
    db = connect_to(other, true);
    CHECK(db && sql_ddl(db, "CREATE TABLE messages(x INTEGER)") == SQL_OK, "another database: %s",
          db ? sql_errmsg(db) : "no connection");
    sql_close(db);
    CHECK(metrics_open(other, false, &m, err, sizeof err) == SL_EINVAL &&
              strstr(err, "not a metrics store"),
          "another database refused: %s", err);
    CHECK(metrics_open(other, true, &m, err, sizeof err) == SL_EINVAL &&
              strstr(err, "not a metrics store"),
          "also read-only: %s", err);
    CHECK(count_in(other, "SELECT count(*) FROM messages") == 0, "and left as it was");
    if (pg == NULL)
        CHECK(metrics_open(in_dir("no/such/dir.db"), false, &m, err, sizeof err) == SL_EIO,
              "a folder that does not exist: %s", err);
    else
        CHECK(metrics_open(pg_down(), false, &m, err, sizeof err) == SL_EIO && m == NULL &&
                  strstr(err, "cannot connect") && strstr(err, "/nonexistent"),
              "no server at the address: %s", err);
}

static void test_metrics_expire(void)
{
    struct pseudo_key k = test_key();
    struct metrics *m = open_metrics(store_at("expire.db"));
    if (m == NULL)
        return;
    struct sql *db = metrics_sql(m);
    struct event ev[4];
    ev[0] = sample(1700000000, &k, "old@x.example", 1);  /* 2023-11 */
    ev[1] = sample(1710000000, &k, "both@x.example", 2); /* 2024-03 */
    ev[2] = sample(1760000000, &k, "both@x.example", 3); /* 2025-10 */
    ev[3] = sample(1760000000, &k, "new@x.example", 4);
    char err[512];
    CHECK(metrics_put(m, ev, 4, NULL, NULL, err, sizeof err) == SL_OK, "put: %s", err);
    uint64_t gone = 99;
    CHECK(metrics_expire(m, "2024-03", &gone, err, sizeof err) == SL_OK && gone == 1,
          "one event before 2024-03: got %llu", (unsigned long long)gone);
    CHECK(count(db, "SELECT count(*) FROM events") == 3 &&
              count(db, "SELECT count(*) FROM event_rules") == 6 &&
              count(db, "SELECT count(*) FROM event_groups") == 9,
          "its rules and groups gone with it");
    CHECK(count(db, "SELECT count(*) FROM senders") == 2, "its sender gone (no other events)");
    CHECK(metrics_expire(m, "2025-01", &gone, err, sizeof err) == SL_OK && gone == 1 &&
              count(db, "SELECT count(*) FROM senders") == 2,
          "a sender with events left stays");
    CHECK(metrics_expire(m, "2030-01", &gone, err, sizeof err) == SL_OK && gone == 2 &&
              count(db, "SELECT count(*) FROM senders") == 0 &&
              count(db, "SELECT count(*) FROM event_groups") == 0,
          "all gone");
    metrics_close(m);
}

/* two gateways expiring the same store at the same moment: both succeed,
 * and the events are deleted once (the deleted counts add up to them) */
struct expirer {
    struct metrics *m;
    uint64_t gone;
    enum sl_status st;
};

static void *expire_thread(void *arg)
{
    struct expirer *x = arg;
    char err[512];
    x->st = metrics_expire(x->m, "2030-01", &x->gone, err, sizeof err);
    return NULL;
}

static void test_metrics_expire_twice(void)
{
    struct pseudo_key k = test_key();
    const char *target = store_at("expire2.db");
    struct metrics *a = open_metrics(target), *b = open_metrics(target);
    if (a == NULL || b == NULL) {
        metrics_close(a);
        metrics_close(b);
        return;
    }
    struct event ev[200];
    for (int i = 0; i < 200; i++)
        ev[i] = sample(1700000000 + i, &k, i % 2 ? "old@x.example" : "both@x.example", i);
    char err[512];
    CHECK(metrics_put(a, ev, 200, NULL, NULL, err, sizeof err) == SL_OK, "put: %s", err);
    struct expirer x[2] = {{a, 0, SL_EIO}, {b, 0, SL_EIO}};
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, expire_thread, &x[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    CHECK(x[0].st == SL_OK && x[1].st == SL_OK, "both expiries ran");
    CHECK(x[0].gone + x[1].gone == 200, "200 events deleted once in all: %llu + %llu",
          (unsigned long long)x[0].gone, (unsigned long long)x[1].gone);
    CHECK(count(metrics_sql(a), "SELECT count(*) FROM events") == 0 &&
              count(metrics_sql(a), "SELECT count(*) FROM event_rules") == 0,
          "nothing left");
    metrics_close(a);
    metrics_close(b);
}

/* scan - does the file at path hold s (as bytes, or upper/lower case)? */
static bool file_holds(const char *path, const char *s)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return false;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc(n > 0 ? (size_t)n : 1);
    bool found = false;
    if (b && fread(b, 1, (size_t)n, f) == (size_t)n) {
        size_t len = strlen(s);
        for (long i = 0; !found && i + (long)len <= n; i++)
            found = strncasecmp(b + i, s, len) == 0;
    }
    free(b);
    fclose(f);
    return found;
}

static void scan_files(const char *db, const char *what)
{
    char wal[600];
    snprintf(wal, sizeof wal, "%s-wal", db);
    struct stat st;
    CHECK(stat(db, &st) == 0 && st.st_size > 0, "%s: the store has bytes", what);
    for (size_t i = 0; i < NELEM(SECRETS); i++) {
        CHECK(!file_holds(db, SECRETS[i]), "%s: the database file holds \"%s\"", what, SECRETS[i]);
        CHECK(!file_holds(wal, SECRETS[i]), "%s: the WAL holds \"%s\"", what, SECRETS[i]);
    }
    /* the probe itself works */
    CHECK(file_holds(db, "ziekenhuis-west.example") || file_holds(wal, "ziekenhuis-west.example"),
          "%s: an organisation's domain is there", what);
}

/* scan_rows - scan_files on PostgreSQL, whose files are the server's: every
 * row of every table of the store, as PostgreSQL writes it as text */
static void scan_rows(const char *target, const char *what)
{
    static const char *const tables[] = {"meta", "events", "event_rules", "event_groups",
                                         "senders"};
    struct sql *db = connect_to(target, false);
    char *all = NULL;
    size_t len = 0, nrows = 0;
    FILE *f = open_memstream(&all, &len);
    for (size_t i = 0; db && f && i < NELEM(tables); i++) {
        char text[100];
        snprintf(text, sizeof text, "SELECT t::text FROM %s t", tables[i]);
        struct sql_stmt *q = NULL;
        int rc = sql_prepare(db, text, &q);
        while (rc == SQL_OK && sql_step(q) == SQL_ROW) {
            fprintf(f, "%s\n", col(q, 0));
            nrows++;
        }
        sql_finalize(q);
    }
    if (f)
        fclose(f);
    sql_close(db);
    CHECK(all != NULL && nrows > 0, "%s: the store has rows", what);
    for (size_t i = 0; all && i < NELEM(SECRETS); i++)
        CHECK(strcasestr(all, SECRETS[i]) == NULL, "%s: the store's rows hold \"%s\"", what,
              SECRETS[i]);
    /* the probe itself works */
    CHECK(all && strcasestr(all, "ziekenhuis-west.example"),
          "%s: an organisation's domain is there", what);
    free(all);
}

/* scan_store - the store at target names nobody */
static void scan_store(const char *target, const char *what)
{
    if (sql_is_remote(target))
        scan_rows(target, what);
    else
        scan_files(target, what);
}

static void test_metrics_privacy(void)
{
    struct pseudo_key k = test_key();
    const char *path = store_at("privacy.db");
    struct metrics *m = open_metrics(path);
    if (m == NULL)
        return;
    struct event ev[50];
    unsigned char sealed[50][PSEUDO_SEALED_MAX];
    const unsigned char *sp[50];
    size_t sl[50];
    for (int i = 0; i < 50; i++) {
        const char *who = i % 2 ? SECRETS[0] : SECRETS[2];
        ev[i] = sample(1760000000 + i, &k, who, i);
        pseudo_seal(&k, who, sealed[i], sizeof sealed[i], &sl[i]);
        sp[i] = sealed[i];
    }
    char err[512];
    CHECK(metrics_put(m, ev, 50, sp, sl, err, sizeof err) == SL_OK, "put: %s", err);
    scan_store(path, "before a checkpoint");
    metrics_close(m); /* the last connection checkpoints into the file */
    scan_store(path, "after a checkpoint");
}

/* ---- the writer */

static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
static unsigned log_lines, log_lost_lines, log_secret_lines;

static void test_log(int prio, const char *msg)
{
    (void)prio;
    pthread_mutex_lock(&log_mu);
    log_lines++;
    if (strstr(msg, "lost"))
        log_lost_lines++;
    for (size_t i = 0; i < NELEM(SECRETS); i++)
        if (strcasestr(msg, SECRETS[i]))
            log_secret_lines++;
    pthread_mutex_unlock(&log_mu);
}

static void log_reset(void)
{
    pthread_mutex_lock(&log_mu);
    log_lines = log_lost_lines = 0;
    pthread_mutex_unlock(&log_mu);
}

static unsigned log_lost(void)
{
    pthread_mutex_lock(&log_mu);
    unsigned n = log_lost_lines;
    pthread_mutex_unlock(&log_mu);
    return n;
}

static struct writer *start_writer(const char *store, const char *spill, unsigned queue,
                                   unsigned retention, char *err, size_t errlen)
{
    struct writer_config cfg = {store, spill, queue, retention, test_log};
    struct writer *w = NULL;
    enum sl_status st = writer_start(&cfg, &w, err, errlen);
    CHECK(st == SL_OK && w != NULL, "writer_start %s: %s", store, err);
    return w;
}

/* push - n events of the test's people, each with its sealed sender */
static void push(struct writer *w, int n, int64_t t0, unsigned pause_us)
{
    struct pseudo_key k = test_key();
    unsigned char sealed[PSEUDO_SEALED_MAX];
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        const char *who = SECRETS[i % 2 ? 0 : 2];
        struct event e = sample(t0 + i, &k, who, i);
        pseudo_seal(&k, who, sealed, sizeof sealed, &len);
        writer_push(w, &e, sealed, len);
        if (pause_us)
            usleep(pause_us);
    }
}

/* wait_stored - until stored + replayed reaches want (the writer retries
 * every few seconds); false after a minute */
static bool wait_stored(struct writer *w, uint64_t want, struct writer_stats *st)
{
    for (int i = 0; i < 600; i++) {
        writer_stats(w, st);
        if (st->stored + st->replayed >= want)
            return true;
        usleep(100000);
    }
    return false;
}

static off_t file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? st.st_size : -1;
}

static void test_writer_batches(void)
{
    char err[512] = "";
    const char *db = store_at("w1.db"), *spill = in_dir("w1.spill");
    struct writer *w = start_writer(db, spill, 0, 0, err, sizeof err);
    if (w == NULL)
        return;
    push(w, 3000, 1760000000, 0);
    writer_flush(w);
    struct writer_stats st;
    writer_stats(w, &st);
    CHECK(st.pushed == 3000 && st.stored == 3000 && st.spilled == 0 && st.lost == 0,
          "3000 pushed and stored: pushed %llu stored %llu spilled %llu lost %llu",
          (unsigned long long)st.pushed, (unsigned long long)st.stored,
          (unsigned long long)st.spilled, (unsigned long long)st.lost);
    CHECK(st.batches >= 3000 / WRITER_BATCH && st.batches <= 3000 / 10,
          "batched: %llu transactions for 3000 events", (unsigned long long)st.batches);
    CHECK(count_in(db, "SELECT count(*) FROM events") == 3000, "3000 rows");
    CHECK(count_in(db, "SELECT count(*) FROM event_groups") == 9000, "9000 group rows");
    CHECK(count_in(db, "SELECT count(*) FROM senders WHERE sealed IS NOT NULL") == 2,
          "2 senders, sealed");
    writer_stop(w);
    struct stat sb;
    CHECK(stat(spill, &sb) == 0 && (sb.st_mode & 0777) == 0600 && sb.st_size == 0,
          "an empty spill file, 0600: %o, %lld bytes", (unsigned)(sb.st_mode & 0777),
          (long long)sb.st_size);
    scan_store(db, "written by the writer");

    /* a slow trickle: one transaction per linger period, not per event */
    w = start_writer(db, spill, 0, 0, err, sizeof err);
    if (w == NULL)
        return;
    push(w, 60, 1760100000, 5000);
    writer_flush(w);
    writer_stats(w, &st);
    CHECK(st.stored == 60 && st.batches < 30,
          "60 events 5 ms apart: %llu stored in %llu transactions", (unsigned long long)st.stored,
          (unsigned long long)st.batches);
    writer_stop(w);
    writer_stop(NULL);
}

struct pusher {
    struct writer *w;
    int64_t t0;
};

static void *pusher_thread(void *arg)
{
    struct pusher *p = arg;
    push(p->w, 1000, p->t0, 0);
    return NULL;
}

static void test_writer_threads(void)
{
    char err[512] = "";
    const char *db = store_at("w6.db");
    struct writer *w = start_writer(db, in_dir("w6.spill"), 0, 0, err, sizeof err);
    if (w == NULL)
        return;
    pthread_t t[4];
    struct pusher p[4];
    for (int i = 0; i < 4; i++) {
        p[i] = (struct pusher){w, 1760000000 + i * 10000};
        pthread_create(&t[i], NULL, pusher_thread, &p[i]);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    writer_stop(w);
    CHECK(count_in(db, "SELECT count(*) FROM events") == 4000 &&
              count_in(db, "SELECT count(DISTINCT t) FROM events") == 4000,
          "4 threads pushing 1000 each: %lld rows",
          (long long)count_in(db, "SELECT count(*) FROM events"));
    /* the journals stay after the writer stops: a reader that may not
     * write the folder opens a WAL file only through them */
    if (pg == NULL) {
        char j[600];
        snprintf(j, sizeof j, "%s-wal", db);
        bool wal = file_size(j) >= 0;
        snprintf(j, sizeof j, "%s-shm", db);
        CHECK(wal && file_size(j) >= 0, "the writer stopped: %s-wal and -shm are still there", db);
    }
}

/* push_held - n events pushed while a second connection keeps the writer
 * from adding events (SQLite: the file's lock; PostgreSQL: a lock on the
 * table): the writer stalls, then fails after its busy timeout and spills.
 * The connection, still holding it: sql_commit and sql_close let go. */
static struct sql *push_held(struct writer *w, const char *db, int n, int64_t t0, unsigned pause_us)
{
    struct sql *locker = connect_to(db, true);
    CHECK(hold_events(locker), "hold the store's lock");
    push(w, n, t0, pause_us);
    return locker;
}

static void test_writer_overflow(void)
{
    char err[512] = "";
    const char *db = store_at("w2.db"), *spill = in_dir("w2.spill");
    log_reset();
    struct writer *w = start_writer(db, spill, 16, 0, err, sizeof err);
    if (w == NULL)
        return;
    push(w, 1, 1760000000, 0);
    writer_flush(w);
    struct sql *locker = push_held(w, db, 400, 1760000100, 1000);
    struct writer_stats st;
    /* well before the writer's own attempt gives up (5 s) */
    for (int i = 0; i < 30; i++) {
        writer_stats(w, &st);
        if (st.spilled > 0)
            break;
        usleep(100000);
    }
    CHECK(st.spilled > 0, "a full queue spills while the writer waits: %llu spilled",
          (unsigned long long)st.spilled);
    CHECK(count_in(db, "SELECT count(*) FROM events") == 1, "nothing stored while locked");
    writer_flush(w);
    writer_stats(w, &st);
    CHECK(st.stored + st.spilled == 401 && st.lost == 0,
          "while locked everything stored or spilled: stored %llu spilled %llu lost %llu",
          (unsigned long long)st.stored, (unsigned long long)st.spilled,
          (unsigned long long)st.lost);
    CHECK(file_size(spill) > 0, "the spill file has them");
    for (size_t i = 0; i < NELEM(SECRETS); i++)
        CHECK(!file_holds(spill, SECRETS[i]), "the spill file holds \"%s\"", SECRETS[i]);
    if (locker)
        sql_commit(locker);
    sql_close(locker);
    CHECK(wait_stored(w, 401, &st), "replayed once the lock is gone: stored %llu replayed %llu",
          (unsigned long long)st.stored, (unsigned long long)st.replayed);
    CHECK(st.replayed == st.spilled && st.lost == 0, "every spilled event replayed: %llu of %llu",
          (unsigned long long)st.replayed, (unsigned long long)st.spilled);
    writer_stop(w);
    CHECK(count_in(db, "SELECT count(*) FROM events") == 401, "401 rows, none lost: got %lld",
          (long long)count_in(db, "SELECT count(*) FROM events"));
    CHECK(count_in(db, "SELECT count(DISTINCT t) FROM events") == 401, "each once");
    CHECK(file_size(spill) == 0, "the spill file truncated after the replay: %lld bytes",
          (long long)file_size(spill));
    CHECK(log_secret_lines == 0, "no log line names anyone");
}

/* test_writer_replay_whole - a spill file of exactly sixteen batches,
 * which a replay stores in its sixteen turns: it is still emptied, so a
 * writer started again does not store its events a second time */
static void test_writer_replay_whole(void)
{
    char err[512] = "";
    const char *db = store_at("w10.db"), *spill = in_dir("w10.spill");
    log_reset();
    struct writer *w = start_writer(db, spill, 8192, 0, err, sizeof err);
    if (w == NULL)
        return;
    push(w, 1, 1760000000, 0);
    writer_flush(w);
    struct sql *locker = push_held(w, db, 16 * 256, 1760001000, 0);
    writer_flush(w);
    struct writer_stats st;
    writer_stats(w, &st);
    CHECK(st.spilled == 16 * 256 && st.lost == 0,
          "all 4096 spilled: pushed %llu stored %llu spilled %llu lost %llu",
          (unsigned long long)st.pushed, (unsigned long long)st.stored,
          (unsigned long long)st.spilled, (unsigned long long)st.lost);
    if (locker)
        sql_commit(locker);
    sql_close(locker);
    CHECK(wait_stored(w, 1 + 16 * 256, &st), "replayed: %llu", (unsigned long long)st.replayed);
    writer_stop(w);
    CHECK(file_size(spill) == 0, "the spill file emptied after a replay of sixteen batches (%lld)",
          (long long)file_size(spill));
    w = start_writer(db, spill, 16, 0, err, sizeof err);
    if (w != NULL) {
        writer_flush(w);
        writer_stop(w);
    }
    CHECK(count_in(db, "SELECT count(*) FROM events") == 1 + 16 * 256,
          "each event stored once, also after a restart: %lld",
          (long long)count_in(db, "SELECT count(*) FROM events"));
}

/* fill - write a file until the file system is full */
static bool fill(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    char block[4096];
    memset(block, 'x', sizeof block);
    bool full = false;
    while (fd >= 0) {
        ssize_t n = write(fd, block, sizeof block);
        if (n < 0) {
            full = errno == ENOSPC;
            break;
        }
    }
    while (fd >= 0 && write(fd, block, 1) == 1)
        ;
    if (fd >= 0)
        close(fd);
    return full;
}

static void test_writer_full_disk(void)
{
    if (geteuid() != 0) {
        CHECK(false, "the full file system test mounts a tmpfs: run test_store as root");
        return;
    }
    char mnt[512];
    snprintf(mnt, sizeof mnt, "%s", in_dir("small"));
    mkdir(mnt, 0700);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "mount -t tmpfs -o size=16m,mode=0700 tmpfs '%s'", mnt);
    if (system(cmd) != 0) {
        CHECK(false, "mount a 16 MiB tmpfs on %s", mnt);
        return;
    }
    char db[600], filler[600], spill_full[600];
    snprintf(db, sizeof db, "%s/store.db", mnt);
    snprintf(filler, sizeof filler, "%s/filler", mnt);
    snprintf(spill_full, sizeof spill_full, "%s/store.spill", mnt);
    const char *spill = in_dir("w3.spill"); /* another file system */
    char err[512] = "";
    log_reset();

    /* the store's file system full, the spill file elsewhere */
    struct writer *w = start_writer(db, spill, 0, 0, err, sizeof err);
    if (w != NULL) {
        push(w, 10, 1760000000, 0);
        writer_flush(w);
        CHECK(fill(filler), "filled the tmpfs");
        push(w, 2000, 1760001000, 0);
        writer_flush(w);
        struct writer_stats st;
        writer_stats(w, &st);
        CHECK(st.spilled > 0 && st.lost == 0 && st.stored + st.spilled == 2010,
              "a full disk: stored %llu, spilled %llu, lost %llu", (unsigned long long)st.stored,
              (unsigned long long)st.spilled, (unsigned long long)st.lost);
        CHECK(file_size(spill) > 0, "spilled to the other file system");
        unlink(filler);
        CHECK(wait_stored(w, 2010, &st), "replayed once there is room: stored %llu replayed %llu",
              (unsigned long long)st.stored, (unsigned long long)st.replayed);
        writer_stop(w);
        CHECK(count_in(db, "SELECT count(*) FROM events") == 2010, "2010 rows: got %lld",
              (long long)count_in(db, "SELECT count(*) FROM events"));
        CHECK(file_size(spill) == 0, "spill file truncated");
    }
    unlink(db);
    char side[700];
    snprintf(side, sizeof side, "%s-wal", db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db);
    unlink(side);

    /* both on the full file system: the store does not even open; events lost,
     * counted, one log line */
    log_reset();
    CHECK(fill(filler), "filled the tmpfs again");
    err[0] = '\0';
    w = start_writer(db, spill_full, 0, 0, err, sizeof err);
    if (w != NULL) {
        CHECK(err[0] != '\0', "writer_start says why the store did not open: %s", err);
        push(w, 30, 1760002000, 0);
        writer_flush(w);
        push(w, 20, 1760003000, 0);
        writer_flush(w);
        struct writer_stats st;
        writer_stats(w, &st);
        CHECK(st.lost == 50 && st.stored == 0 && st.spilled == 0,
              "nowhere to write: lost %llu, stored %llu, spilled %llu", (unsigned long long)st.lost,
              (unsigned long long)st.stored, (unsigned long long)st.spilled);
        for (int i = 0; i < 50 && log_lost() == 0; i++)
            usleep(100000);
        CHECK(log_lost() == 1, "the loss logged once: %u lines", log_lost());
        unlink(filler);
        push(w, 20, 1760004000, 0);
        writer_flush(w);
        CHECK(wait_stored(w, 20, &st), "room again: the store opens and takes events (%llu)",
              (unsigned long long)st.stored);
        CHECK(st.lost == 50, "the lost stay counted: %llu", (unsigned long long)st.lost);
        writer_stop(w);
        CHECK(count_in(db, "SELECT count(*) FROM events") == 20, "20 rows");
        CHECK(log_lost() == 1, "still one line about losses: %u", log_lost());
    }
    snprintf(cmd, sizeof cmd, "umount '%s'", mnt);
    CHECK(system(cmd) == 0, "umount %s", mnt);
}

static void test_writer_restart(void)
{
    char err[512] = "";
    char sub[600];
    snprintf(sub, sizeof sub, "%s", in_dir("later"));
    char path[700];
    snprintf(path, sizeof path, "%s/store.db", sub);
    const char *spill = in_dir("w4.spill");
    /* the store not there yet: its folder (PostgreSQL: no server at the
     * address); then there (the folder made; the server's address) */
    const char *down = path, *db = path;
    if (pg) {
        down = pg_down();
        db = store_at("w4.db");
    }
    log_reset();
    /* the writer starts all the same */
    struct writer *w = start_writer(down, spill, 0, 0, err, sizeof err);
    if (w == NULL)
        return;
    CHECK(strstr(err, pg ? "/nonexistent" : db) != NULL, "says why: %s", err);
    push(w, 5000, 1760000000, 0); /* more than one turn of replay (16 transactions) */
    writer_flush(w);
    struct writer_stats st;
    writer_stats(w, &st);
    CHECK(st.spilled == 5000 && st.stored == 0 && st.lost == 0,
          "no store: all spilled, none lost: spilled %llu, stored %llu, lost %llu",
          (unsigned long long)st.spilled, (unsigned long long)st.stored,
          (unsigned long long)st.lost);
    writer_stop(w);
    /* a line that is not ours, and a torn last line (a crash mid-write) */
    FILE *f = fopen(spill, "a");
    fputs("E1 this is not an event\t-\nE1 1760000000 2025-10 - card", f);
    fclose(f);
    if (pg == NULL)
        mkdir(sub, 0700);
    log_reset();
    w = start_writer(db, spill, 0, 0, err, sizeof err);
    if (w == NULL)
        return;
    push(w, 1, 1760009000, 0);
    CHECK(wait_stored(w, 5001, &st), "replayed at start: stored %llu, replayed %llu",
          (unsigned long long)st.stored, (unsigned long long)st.replayed);
    CHECK(st.replayed == 5000 && st.lost == 1, "5000 replayed, the torn line lost: %llu, %llu",
          (unsigned long long)st.replayed, (unsigned long long)st.lost);
    writer_stop(w);
    CHECK(count_in(db, "SELECT count(*) FROM events") == 5001 &&
              count_in(db, "SELECT count(DISTINCT t) FROM events") == 5001,
          "5001 rows, each once");
    CHECK(count_in(db, "SELECT count(*) FROM senders WHERE sealed IS NOT NULL") == 2,
          "the sealed senders came through the spill file");
    CHECK(file_size(spill) == 0, "spill file truncated");
    CHECK(log_lines >= 2, "the skipped line and the torn line logged: %u lines", log_lines);
}

static void month_back(int back, char out[8])
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    long m = (long)(tm.tm_year + 1900) * 12 + tm.tm_mon - back;
    char b[32];
    snprintf(b, sizeof b, "%04ld-%02ld", m / 12, m % 12 + 1);
    memcpy(out, b, 7);
    out[7] = '\0';
}

static void test_writer_retention(void)
{
    struct pseudo_key k = test_key();
    const char *db = store_at("w5.db");
    struct metrics *m = open_metrics(db);
    if (m == NULL)
        return;
    struct event ev[4];
    ev[0] = sample(980000000, &k, "gone@x.example", 1);
    ev[1] = sample(time(NULL), &k, "old@x.example", 2);
    ev[2] = sample(time(NULL), &k, "kept@x.example", 3);
    ev[3] = sample(time(NULL), &k, "now@x.example", 4);
    month_back(2, ev[1].month);
    month_back(1, ev[2].month);
    char err[512];
    CHECK(metrics_put(m, ev, 4, NULL, NULL, err, sizeof err) == SL_OK, "put: %s", err);
    metrics_close(m);
    struct writer *w = start_writer(db, in_dir("w5.spill"), 0, 2, err, sizeof err);
    if (w == NULL)
        return;
    push(w, 1, time(NULL), 0);
    writer_flush(w);
    writer_stop(w);
    CHECK(count_in(db, "SELECT count(*) FROM events") == 3,
          "two months kept: this and the last (+1 pushed): %lld rows",
          (long long)count_in(db, "SELECT count(*) FROM events"));
    char q[200];
    snprintf(q, sizeof q, "SELECT count(*) FROM events WHERE month = '%s'", ev[2].month);
    CHECK(count_in(db, q) == 1, "last month's event kept");
    CHECK(count_in(db, "SELECT count(*) FROM senders") == 3,
          "senders without events gone: %lld left (kept, now, and the pushed one's)",
          (long long)count_in(db, "SELECT count(*) FROM senders"));
}

/* the store's file removed while the writer has it open: the next batch
 * goes into a new file at the path, not into the removed one */
static void test_writer_removed(void)
{
    char err[512] = "";
    const char *db = in_dir("w8.db");
    struct writer *w = start_writer(db, in_dir("w8.spill"), 0, 0, err, sizeof err);
    if (w == NULL)
        return;
    struct writer_stats st;
    push(w, 10, 1760000000, 0);
    writer_flush(w);
    char wal[600], shm[600];
    snprintf(wal, sizeof wal, "%s-wal", db);
    snprintf(shm, sizeof shm, "%s-shm", db);
    CHECK(unlink(db) == 0, "the store removed");
    unlink(wal);
    unlink(shm);
    push(w, 7, 1760100000, 0);
    writer_flush(w);
    writer_stats(w, &st);
    writer_stop(w);
    CHECK(count_in(db, "SELECT count(*) FROM events") == 7 && st.stored == 17 && st.lost == 0,
          "after the removal the 7 new events are in a new store at the path (%lld rows, "
          "%llu stored, %llu lost)",
          (long long)count_in(db, "SELECT count(*) FROM events"), (unsigned long long)st.stored,
          (unsigned long long)st.lost);
}

/* text_of - the first column of the first row of text, into out */
static bool text_of(struct sql *db, const char *text, char *out, size_t outlen)
{
    struct sql_stmt *q = NULL;
    bool ok = db != NULL && sql_prepare(db, text, &q) == SQL_OK && sql_step(q) == SQL_ROW &&
              sql_column_text(q, 0) != NULL;
    snprintf(out, outlen, "%s", ok ? sql_column_text(q, 0) : "");
    sql_finalize(q);
    return ok;
}

/* allow_connections - ALLOW_CONNECTIONS of the database name, set from a
 * connection to the database postgres (a database cannot refuse the
 * connections of the session that asks) */
static bool allow_connections(struct sql *admin, const char *name, bool allow)
{
    char text[200];
    snprintf(text, sizeof text, "ALTER DATABASE \"%s\" ALLOW_CONNECTIONS %s", name,
             allow ? "true" : "false");
    return admin && sql_exec(admin, text) == SQL_OK;
}

/* PostgreSQL: the server goes away under the writer and comes back. The
 * database takes no new connections for a while (ALLOW_CONNECTIONS false)
 * and the writer's connection is ended (pg_terminate_backend), as a server
 * restart ends it: the events spill, none lost, none stored; once the
 * database takes connections again the writer connects anew by itself
 * (store/sql.c) and replays them. The counterpart of a file removed under
 * the writer; tests/pg/run stops the server itself. */
static void test_writer_reconnect(void)
{
    char err[512] = "", name[128] = "";
    const char *db = store_at("w9.db"), *spill = in_dir("w9.spill");
    log_reset();
    struct writer *w = start_writer(db, spill, 0, 0, err, sizeof err);
    if (w == NULL)
        return;
    /* the test's connections, made while connections are allowed: one to
     * the store that stays, and one to the database postgres that sets it */
    struct sql *watch = connect_to(db, false);
    struct sql *admin = sql_open_pg(pg_with("dbname=postgres"), "public", false, false,
                                    "sluis-test", err, sizeof err);
    CHECK(watch && admin && text_of(watch, "SELECT current_database()", name, sizeof name) &&
              strchr(name, '"') == NULL,
          "the test's connections: %s (database %s)", err, name);
    if (watch == NULL || admin == NULL || name[0] == '\0') {
        writer_stop(w);
        sql_close(watch);
        sql_close(admin);
        return;
    }
    push(w, 10, 1760000000, 0);
    writer_flush(w);
    CHECK(allow_connections(admin, name, false), "the database takes no connections: %s",
          sql_errmsg(admin));
    /* OFFSET 0: the pids are chosen before any is ended */
    CHECK(count(watch, "SELECT count(*) FROM (SELECT pid FROM pg_stat_activity WHERE "
                       "application_name = 'sluis-milter' AND datname = current_database() "
                       "OFFSET 0) a WHERE pg_terminate_backend(a.pid)") >= 1,
          "the writer's connection ended: %s", sql_errmsg(watch));
    for (int i = 0; i < 50 && count(watch, "SELECT count(*) FROM pg_stat_activity WHERE "
                                           "application_name = 'sluis-milter'") != 0;
         i++)
        usleep(100000);
    push(w, 300, 1760100000, 10000); /* 3 s: more than one retry of the store */
    writer_flush(w);
    struct writer_stats st;
    writer_stats(w, &st);
    CHECK(st.stored == 10 && st.spilled == 300 && st.lost == 0,
          "the server gone: stored %llu, spilled %llu, lost %llu", (unsigned long long)st.stored,
          (unsigned long long)st.spilled, (unsigned long long)st.lost);
    CHECK(count(watch, "SELECT count(*) FROM events") == 10, "nothing stored while it was gone");
    CHECK(file_size(spill) > 0, "the spill file has them");
    CHECK(allow_connections(admin, name, true), "the database takes connections again: %s",
          sql_errmsg(admin));
    CHECK(wait_stored(w, 310, &st), "replayed once the server is back: stored %llu replayed %llu",
          (unsigned long long)st.stored, (unsigned long long)st.replayed);
    CHECK(st.replayed == 300 && st.lost == 0,
          "every spilled event replayed: %llu of 300, lost %llu", (unsigned long long)st.replayed,
          (unsigned long long)st.lost);
    writer_stop(w);
    CHECK(count(watch, "SELECT count(*) FROM events") == 310 &&
              count(watch, "SELECT count(DISTINCT t) FROM events") == 310,
          "310 rows, each once: %lld", (long long)count(watch, "SELECT count(*) FROM events"));
    CHECK(count(watch, "SELECT count(*) FROM senders WHERE sealed IS NOT NULL") == 2,
          "the sealed senders came through the spill file");
    CHECK(file_size(spill) == 0, "the spill file truncated after the replay: %lld bytes",
          (long long)file_size(spill));
    CHECK(log_lines >= 2, "the failure and the recovery logged: %u lines", log_lines);
    CHECK(log_secret_lines == 0, "no log line names anyone");
    sql_close(watch);
    sql_close(admin);
}

static void test_writer_all(void)
{
    test_writer_batches();
    test_writer_threads();
    test_writer_overflow();
    test_writer_replay_whole();
    /* a file system; on PostgreSQL a server that is not there:
     * test_writer_restart, test_writer_reconnect (and tests/pg/run) */
    if (pg == NULL)
        test_writer_full_disk();
    test_writer_restart();
    test_writer_retention();
    if (pg == NULL)
        test_writer_removed();
    else
        test_writer_reconnect();
}

int main(void)
{
    pg = testdb_pg();
    printf("test_store: the metrics store on %s\n", pg ? "PostgreSQL" : "SQLite files");
    snprintf(dir, sizeof dir, "/tmp/test_store.XXXXXX");
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    test_event_build();
    test_event_lines();
    test_event_mutations();
    test_pseudo();
    test_metrics_put();
    test_metrics_migrate();
    test_metrics_expire();
    test_metrics_expire_twice();
    test_metrics_privacy();
    test_writer_all();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (check_failed == 0 && system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_summary("test_store");
}
