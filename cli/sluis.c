/*
 * sluis - command-line tool: scan messages, check rule packs.
 *
 *   sluis scan [--json] [--from ADDR] [--to ADDR]... [--policy FILE] [--rules DIR]
 *              [--limit NAME=VALUE]... FILE...     (FILE "-" is standard input)
 *   sluis rules check [--rules DIR]
 *   sluis report --month YYYY-MM [--dept NAME] [--csv|--json] [--store PATH] [--key PATH]
 *                                (cli/report.c)
 *   sluis policy check FILE      (a policy file, or a sluis-milter.conf)
 *   sluis portal keygen KEYFILE | init --db DB --key KEY
 *                | show --db DB --key KEY TOKEN CODE | expire --db DB --key KEY
 *                | status --db DB --key KEY SENDER_TOKEN
 *   sluis release QUEUEID --reason REASON [--by NAME] [--config-dir DIR]
 *   sluis metrics keygen KEYFILE
 *   sluis certs import|list|remove   (cli/certs.c)
 *   sluis tls check|list             (cli/tls.c)
 *   sluis user add|list|del, sluis action add   (dashboard/cli.h)
 *   sluis version
 *
 * The same engine as the milter, no MTA needed. Output never holds a full
 * identifier or a word of the message other than masked values. Exit status:
 * 0 when every file was scanned (whatever the verdicts), 1 when one or more
 * could not be, 2 for a usage or rule error.
 */
#include <errno.h>
#include <libgen.h>
#include <poll.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "../common/buf.h"
#include "../common/file.h"
#include "../common/kv.h"
#include "../dashboard/cli.h"
#include "../extract/header.h"
#include "../milter/config.h"
#include "../policy/decide.h"
#include "../portal/store.h"
#include "../scan/scan.h"
#include "../store/pseudo.h"
#include "certs.h"
#include "json.h"
#include "report.h"
#include "tls.h"

#ifndef SLUIS_RULES_DIR
#define SLUIS_RULES_DIR "/usr/share/sluis/rules"
#endif
#ifndef SLUIS_VERSION
#define SLUIS_VERSION "0.1.0"
#endif

#define MAX_MESSAGE_BYTES (256u * 1024 * 1024)

static void usage(FILE *f)
{
    fprintf(f, "usage: sluis scan [--json] [--from ADDR] [--to ADDR]... [--policy FILE]\n"
               "                  [--rules DIR] [--limit NAME=VALUE]... [--dump-text] FILE...\n"
               "       sluis rules check [--rules DIR]\n"
               "       sluis model features [--rules DIR] FILE... | model show [--rules DIR] | "
               "model spec\n"
               "       sluis report --month YYYY-MM [--dept NAME] [--csv|--json] [--store PATH]\n"
               "                    [--key PATH]\n"
               "       sluis policy check FILE   (a policy file or a sluis-milter.conf)\n"
               "       sluis portal keygen KEYFILE\n"
               "       sluis portal init --db DB --key KEYFILE\n"
               "       sluis portal show --db DB --key KEYFILE TOKEN CODE\n"
               "       sluis portal expire --db DB --key KEYFILE\n"
               "       sluis portal status --db DB --key KEYFILE SENDER_TOKEN\n"
               "       sluis release QUEUEID --reason REASON [--by NAME] [--config-dir DIR]\n"
               "       sluis metrics keygen KEYFILE\n"
               "       sluis version\n"
               "FILE '-' reads standard input. Limits: max_header_bytes, max_depth, max_parts,\n"
               "max_part_bytes, max_message_bytes, max_text_bytes, max_scan_ms; for attached\n"
               "documents max_attach_bytes, max_ratio, max_members, max_archive_depth,\n"
               "max_pages, max_attach_text_bytes, max_attach_ms, max_worker_mb; OCR per message:\n"
               "ocr_max_pages, ocr_max_ms, ocr_max_pixels, ocr_languages.\n");
    certs_usage(f);    /* sluis certs (cli/certs.c) */
    tls_usage(f);      /* sluis tls (cli/tls.c) */
    dash_cli_usage(f); /* sluis user, sluis action (dashboard/cli.c) */
}

struct scan_opts {
    bool json;
    bool dump_text;
    const char *from;
    const char **to;
    size_t nto;
    struct policy policy;
};

/* message_input - what decide() needs to know of a message; the subject
 * tags are read from data */
static void message_input(const struct scan_opts *o, const struct detect_result *r,
                          const char *data, size_t len, struct decide_input *in)
{
    char subject[1024], rest[1024];
    header_subject(data, len, subject, sizeof subject);
    struct tags t;
    tags_read(subject, &t, rest, sizeof rest);
    *in = (struct decide_input){o->from,
                                policy_scope_of(&o->policy, o->from),
                                r->sensitive,
                                r->confidence,
                                scan_incomplete(r),
                                r->findings,
                                r->nfindings,
                                t.tag,
                                NULL,
                                NULL,
                                NULL};
}

static enum sl_status print_json(const char *file, const struct detect_result *r,
                                 const struct decide_input *in, const struct scan_opts *o)
{
    struct buf b = BUF_INIT;
    enum sl_status st = buf_append_str(&b, "{\"file\":");
    if (st == SL_OK)
        st = json_string(&b, file);
    if (st == SL_OK)
        st = buf_printf(&b, ",\"verdict\":\"%s\",\"confidence\":\"%s\",\"findings\":[",
                        r->sensitive ? "sensitive" : "clean", pack_confidence_name(r->confidence));
    for (size_t i = 0; st == SL_OK && i < r->nfindings; i++) {
        const struct finding *f = &r->findings[i];
        st = buf_append_str(&b, i ? ",{\"rule\":" : "{\"rule\":");
        if (st == SL_OK)
            st = json_string(&b, f->rule);
        if (st == SL_OK)
            st = buf_append_str(&b, ",\"category\":");
        if (st == SL_OK)
            st = json_string(&b, f->category);
        if (st == SL_OK)
            st = buf_append_str(&b, ",\"where\":");
        if (st == SL_OK)
            st = json_string(&b, f->where);
        if (st == SL_OK)
            st = buf_printf(
                &b, ",\"confidence\":\"%s\",\"masked\":", pack_confidence_name(f->confidence));
        if (st == SL_OK)
            st = json_string(&b, f->masked);
        if (st == SL_OK && strcmp(f->category, "unscannable") == 0)
            st = buf_printf(&b, ",\"incomplete\":%s", f->incomplete ? "true" : "false");
        if (st == SL_OK)
            st = buf_append_char(&b, '}');
    }
    if (st == SL_OK)
        st = buf_append_char(&b, ']');
    if (st == SL_OK && r->truncated)
        st = buf_append_str(&b, ",\"findings_truncated\":true");
    if (st == SL_OK)
        st = buf_printf(&b, ",\"incomplete\":%s", scan_incomplete(r) ? "true" : "false");
    /* the layers apart: the rules alone and the model alone (rules/model.h) */
    if (st == SL_OK)
        st = buf_printf(&b, ",\"rules\":{\"verdict\":\"%s\",\"confidence\":\"%s\"}",
                        r->rules_sensitive ? "sensitive" : "clean",
                        pack_confidence_name(r->rules_confidence));
    if (st == SL_OK && !r->model_scored)
        st = buf_append_str(&b, ",\"model\":null");
    else if (st == SL_OK) {
        st = buf_printf(&b, ",\"model\":{\"score\":%.9g,\"verdict\":\"%s\",\"top\":[",
                        r->model.score, r->model.sensitive ? "sensitive" : "clean");
        for (size_t i = 0; st == SL_OK && i < r->model.ntop; i++) {
            if (i)
                st = buf_append_char(&b, ',');
            if (st == SL_OK)
                st = json_string(&b, r->model.top[i]);
        }
        if (st == SL_OK)
            st = buf_append_str(&b, "]}");
    }
    if (st == SL_OK && o->nto) {
        st = buf_append_str(&b, ",\"decisions\":[");
        for (size_t i = 0; st == SL_OK && i < o->nto; i++) {
            struct decision d;
            decide(&o->policy, in, o->to[i], &d);
            st = buf_append_str(&b, i ? ",{\"recipient\":" : "{\"recipient\":");
            if (st == SL_OK)
                st = json_string(&b, o->to[i]);
            if (st == SL_OK)
                st = buf_printf(&b,
                                ",\"class\":\"%s\",\"action\":\"%s\",\"intended\":\"%s\","
                                "\"mode\":\"%s\",\"tag\":\"%s\",\"override\":%s,\"reason\":",
                                decide_class_name(d.rclass), decide_action_name(d.action),
                                decide_action_name(d.intended), policy_mode_name(d.mode),
                                tags_tag_name(in->tag),
                                d.override           ? "\"honoured\""
                                : d.override_refused ? "\"refused\""
                                                     : "null");
            if (st == SL_OK)
                st = json_string(&b, d.reason);
            if (st == SL_OK)
                st = buf_append_char(&b, '}');
        }
        if (st == SL_OK)
            st = buf_append_char(&b, ']');
    }
    if (st == SL_OK)
        st = buf_append_str(&b, "}\n");
    if (st == SL_OK)
        fwrite(b.data, 1, b.len, stdout);
    buf_free(&b);
    return st;
}

static void print_text(const char *file, const struct detect_result *r,
                       const struct decide_input *in, const struct scan_opts *o)
{
    printf("%s: %s (confidence %s)\n", file, r->sensitive ? "sensitive" : "clean",
           pack_confidence_name(r->confidence));
    for (size_t i = 0; i < r->nfindings; i++) {
        const struct finding *f = &r->findings[i];
        printf("  %-6s  %-28s %-14s %-32s %s\n", pack_confidence_name(f->confidence), f->rule,
               f->category, f->where, f->incomplete ? "(not scanned in full)" : f->masked);
    }
    if (r->truncated)
        printf("  (more findings not shown)\n");
    for (size_t i = 0; i < o->nto; i++) {
        struct decision d;
        decide(&o->policy, in, o->to[i], &d);
        printf("  to %s: %s (%s recipient, %s mode; %s", o->to[i], decide_action_name(d.action),
               decide_class_name(d.rclass), policy_mode_name(d.mode), d.reason);
        if (d.action != d.intended)
            printf("; in enforce mode: %s", decide_action_name(d.intended));
        if (d.override_refused)
            printf("; the unsafe tag is not allowed for this sender");
        printf(")\n");
    }
}

/* dump_text - the text extraction hands to detection, for rule authors
 * checking what a message looks like to sluis (it prints message content:
 * for local files, never for mail in transit) */
static void dump_text(const char *file, const char *data, size_t len,
                      const struct extract_limits *lim, struct attach_pool *pool)
{
    struct extraction ex = {0};
    if (extract_message(data, len, lim, pool, &ex) == SL_OK) {
        for (size_t i = 0; i < ex.nsegs; i++)
            printf("--- %s: %s (document %u%s%s)\n%.*s\n", file, ex.segs[i].where, ex.segs[i].doc,
                   ex.segs[i].rows ? ", rows" : "", ex.segs[i].raw ? ", raw" : "",
                   (int)ex.segs[i].len, ex.segs[i].text);
    }
    extract_free(&ex);
}

static const char *rules_dir(const char *opt)
{
    if (opt)
        return opt;
    const char *env = getenv("SLUIS_RULES");
    return env && *env ? env : SLUIS_RULES_DIR;
}

/* load_policy - a policy file over the defaults, checked whole */
static enum sl_status load_policy(struct policy *p, const char *path, char *err, size_t errlen)
{
    char why[512];
    enum sl_status st = policy_load_file(p, path, err, errlen);
    if (st == SL_OK && (st = policy_finish(p, why, sizeof why)) != SL_OK)
        snprintf(err, errlen, "%s: %s", path, why);
    return st;
}

/* scan_end - release what cmd_scan holds; returns rc */
static int scan_end(struct scan_opts *o, int rc)
{
    policy_free(&o->policy);
    free(o->to);
    return rc;
}

static int cmd_scan(int argc, char **argv)
{
    struct scan_opts o = {0};
    struct extract_limits lim;
    const char *rdir = NULL, *policy_file = NULL;
    char err[512];
    int first = argc;

    extract_limits_default(&lim);
    o.to = calloc((size_t)argc, sizeof *o.to);
    if (o.to == NULL || policy_defaults(&o.policy) != SL_OK) {
        return scan_end(&o, 1);
    }
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0) {
            o.json = true;
        } else if (strcmp(a, "--dump-text") == 0) {
            o.dump_text = true;
        } else if ((strcmp(a, "--from") == 0 || strcmp(a, "--to") == 0 ||
                    strcmp(a, "--rules") == 0 || strcmp(a, "--limit") == 0 ||
                    strcmp(a, "--policy") == 0)) {
            if (i + 1 >= argc) {
                fprintf(stderr, "sluis scan: %s needs a value\n", a);
                return scan_end(&o, 2);
            }
            const char *v = argv[++i];
            if (a[2] == 'f')
                o.from = v;
            else if (a[2] == 't')
                o.to[o.nto++] = v;
            else if (a[2] == 'r')
                rdir = v;
            else if (a[2] == 'p')
                policy_file = v;
            else {
                char name[64];
                const char *eq = strchr(v, '=');
                if (eq == NULL || (size_t)(eq - v) >= sizeof name) {
                    fprintf(stderr, "sluis scan: --limit takes NAME=VALUE\n");
                    return scan_end(&o, 2);
                }
                memcpy(name, v, (size_t)(eq - v));
                name[eq - v] = '\0';
                if (extract_limits_set(&lim, name, eq + 1, err, sizeof err) != SL_OK) {
                    fprintf(stderr, "sluis scan: %s\n", err);
                    return scan_end(&o, 2);
                }
            }
        } else if (strcmp(a, "--") == 0) {
            first = i + 1;
            break;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "sluis scan: unknown option %s\n", a);
            usage(stderr);
            return scan_end(&o, 2);
        } else {
            first = i;
            break;
        }
    }
    if (first >= argc) {
        usage(stderr);
        return scan_end(&o, 2);
    }
    if (policy_file && load_policy(&o.policy, policy_file, err, sizeof err) != SL_OK) {
        fprintf(stderr, "sluis scan: %s\n", err);
        return scan_end(&o, 2);
    }
    extract_init();
    struct pack *p = pack_load(rules_dir(rdir), 1, err, sizeof err);
    if (p == NULL) {
        fprintf(stderr, "sluis scan: %s\n", err);
        return scan_end(&o, 2);
    }
    struct detect_scratch *s = detect_scratch_new(p);
    struct attach_pool *pool = NULL;
    char worker[4096];
    attach_worker_path(worker, sizeof worker);
    if (access(worker, X_OK) != 0)
        fprintf(stderr,
                "sluis scan: no extraction worker at %s: attached documents will be "
                "recorded as unscannable (set SLUIS_EXTRACT)\n",
                worker);
    if (s && attach_pool_new(worker, 1, &pool) != SL_OK) {
        detect_scratch_free(s);
        s = NULL;
    }
    int rc = s ? 0 : 1;
    for (int i = first; s && i < argc; i++) {
        size_t len;
        char *data = file_read_all(argv[i], MAX_MESSAGE_BYTES, &len, err, sizeof err);
        if (data == NULL) {
            fprintf(stderr, "sluis scan: %s: %s\n", argv[i], err);
            rc = 1;
            continue;
        }
        if (o.dump_text)
            dump_text(argv[i], data, len, &lim, pool);
        struct detect_result r = {0};
        struct decide_input in;
        enum sl_status st = scan_message(p, &lim, pool, s, data, len, &r, NULL);
        if (st == SL_OK)
            message_input(&o, &r, data, len, &in);
        free(data);
        if (st == SL_OK && o.json)
            st = print_json(argv[i], &r, &in, &o);
        else if (st == SL_OK)
            print_text(argv[i], &r, &in, &o);
        if (st != SL_OK) {
            fprintf(stderr, "sluis scan: %s: %s\n", argv[i], sl_status_str(st));
            rc = 1;
        }
        detect_result_free(&r);
    }
    if (fflush(stdout) != 0)
        rc = 1;
    attach_pool_free(pool);
    detect_scratch_free(s);
    pack_free(p);
    return scan_end(&o, rc);
}

/* portal_args - the --db and --key options in argv (borrowed); the index
 * of the first other argument, or -1 (usage printed) when one is missing */
static int portal_args(int argc, char **argv, const char **db, const char **key)
{
    int i = 1;
    *db = *key = NULL;
    for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
        if (strcmp(argv[i], "--db") == 0)
            *db = argv[i + 1];
        else if (strcmp(argv[i], "--key") == 0)
            *key = argv[i + 1];
        else
            break;
    }
    if (*db == NULL || *key == NULL) {
        usage(stderr);
        return -1;
    }
    return i;
}

/* portal_open - the store of the --db and --key options in argv, which
 * must be followed by nargs other arguments (*rest the first). flags:
 * STORE_CREATE only for init, so a mistyped --db never leaves an empty
 * store behind. NULL after printing why; then *rest is -1 for a usage
 * error (exit 2), else the store could not be opened (exit 1). */
static struct store *portal_open(int argc, char **argv, int nargs, unsigned flags, int *rest)
{
    const char *db, *key;
    char err[512];
    *rest = portal_args(argc, argv, &db, &key);
    if (*rest >= 0 && argc - *rest != nargs) {
        usage(stderr);
        *rest = -1;
    }
    if (*rest < 0)
        return NULL;
    struct store *s;
    if (store_open(db, key, flags, &s, err, sizeof err) != SL_OK) {
        fprintf(stderr, "sluis portal: %s\n", err);
        return NULL;
    }
    return s;
}

/* portal_time - t as local time, or "-" for 0 */
static const char *portal_time(time_t t, char out[32])
{
    struct tm tm;
    if (t == 0 || localtime_r(&t, &tm) == NULL || strftime(out, 32, "%Y-%m-%d %H:%M:%S", &tm) == 0)
        snprintf(out, 32, "-");
    return out;
}

/* portal_print_status - what became of a message, per recipient, without
 * its content (what the sender's status page shows) */
static void portal_print_status(const struct store_status *st)
{
    char a[32], b[32], c[32];
    printf("message    %s\n", st->id);
    printf("sender     %s\n", st->sender);
    printf("kept       %s\n", portal_time(st->created, a));
    printf("expires    %s\n", portal_time(st->expires, a));
    if (st->revoked)
        printf("withdrawn  %s\n", portal_time(st->revoked, a));
    if (st->expired)
        printf("expired    %s\n", portal_time(st->expired, a));
    printf("%-3s %-40s %-6s %-19s %-19s %-19s %s\n", "#", "recipient", "way", "sent", "opened",
           "replied", "locked");
    for (size_t i = 0; i < st->n; i++) {
        const struct store_rcpt_status *r = &st->rcpts[i];
        char sent[32];
        printf("%-3zu %-40s %-6s %-19s %-19s %-19s %s\n", i + 1, r->address,
               store_verify_name(r->verify), portal_time(r->sent, sent), portal_time(r->opened, b),
               portal_time(r->replied, c), r->locked ? "yes" : "no");
    }
}

/* keygen - sluis portal|metrics keygen PATH: a new key by gen, in a folder
 * that must be there already; what names the key, note what to do with it */
static int keygen(const char *what, const char *path,
                  enum sl_status (*gen)(const char *path, char *err, size_t errlen),
                  const char *note)
{
    char dirbuf[4096], err[512] = "";
    struct stat st;
    snprintf(dirbuf, sizeof dirbuf, "%s", path);
    /* dirname's answer, not its argument: for a bare name it returns "."
     * and leaves the argument as it was */
    const char *dir = dirname(dirbuf);
    if (stat(dir, &st) != 0 && (errno == ENOENT || errno == ENOTDIR)) {
        fprintf(stderr,
                "sluis %s: %s: the folder %s does not exist; make it first: "
                "install -d -m 0755 %s (the key itself is 0600)\n",
                what, path, dir, dir);
        return 1;
    }
    if (gen(path, err, sizeof err) != SL_OK) {
        fprintf(stderr, "sluis %s: %s\n", what, err);
        return 1;
    }
    printf("%s: a new %s key (%s)\n", path, what, note);
    return 0;
}

static int cmd_portal(int argc, char **argv)
{
    char err[512] = "";
    int rest;
    if (argc == 2 && strcmp(argv[0], "keygen") == 0)
        return keygen("portal", argv[1], store_keygen, "keep a copy with the database's backups");
    if (argc >= 1 && strcmp(argv[0], "init") == 0) {
        struct store *s = portal_open(argc, argv, 0, STORE_CREATE, &rest);
        if (s == NULL)
            return rest < 0 ? 2 : 1;
        store_free(s);
        printf("a portal store, ready\n");
        return 0;
    }
    if (argc >= 1 && strcmp(argv[0], "show") == 0) {
        struct store *s = portal_open(argc, argv, 2, 0, &rest);
        if (s == NULL)
            return rest < 0 ? 2 : 1;
        struct buf m = BUF_INIT;
        enum store_fetch f =
            store_fetch(s, argv[rest], argv[rest + 1], &m, NULL, 0, err, sizeof err);
        int rc = 0;
        if (f == STORE_FOUND)
            rc = fwrite(m.data, 1, m.len, stdout) == m.len && fflush(stdout) == 0 ? 0 : 1;
        else {
            fprintf(stderr, "sluis portal: %s%s%s\n", store_fetch_name(f), err[0] ? ": " : "", err);
            rc = 1;
        }
        buf_free(&m);
        store_free(s);
        return rc;
    }
    if (argc >= 1 && strcmp(argv[0], "status") == 0) {
        struct store *s = portal_open(argc, argv, 1, 0, &rest);
        if (s == NULL)
            return rest < 0 ? 2 : 1;
        struct store_status st;
        enum store_fetch f = store_status(s, argv[rest], &st, err, sizeof err);
        int rc = 0;
        if (f == STORE_FOUND) {
            portal_print_status(&st);
            rc = fflush(stdout) == 0 ? 0 : 1;
            store_status_free(&st);
        } else {
            fprintf(stderr, "sluis portal: %s%s%s\n", store_fetch_name(f), err[0] ? ": " : "", err);
            rc = 1;
        }
        store_free(s);
        return rc;
    }
    if (argc >= 1 && strcmp(argv[0], "expire") == 0) {
        struct store *s = portal_open(argc, argv, 0, 0, &rest);
        if (s == NULL)
            return rest < 0 ? 2 : 1;
        unsigned removed = 0;
        int rc = store_expire(s, time(NULL), &removed, err, sizeof err) == SL_OK ? 0 : 1;
        if (rc == 0)
            printf("%u expired message(s) removed\n", removed);
        else
            fprintf(stderr, "sluis portal: %s\n", err);
        store_free(s);
        return rc;
    }
    usage(stderr);
    return 2;
}

/* cmd_metrics - the metrics store's key: sluis metrics keygen KEYFILE */
static int cmd_metrics(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[0], "keygen") == 0)
        return keygen("metrics", argv[1], pseudo_keygen,
                      "senders' pseudonyms; keep a copy with the store's backups");
    usage(stderr);
    return 2;
}

/* milter_key_seen - kv callback: does the file hold a key of
 * sluis-milter.conf's own (then it is a milter configuration)? */
static enum sl_status milter_key_seen(void *ctx, const char *section, const char *key,
                                      const char *value, char *err, size_t errlen)
{
    (void)section, (void)value, (void)err, (void)errlen;
    if (key && config_is_key(key))
        *(bool *)ctx = true;
    return SL_OK;
}

static int cmd_policy(int argc, char **argv)
{
    char err[1024];
    if (argc != 2 || strcmp(argv[0], "check") != 0) {
        usage(stderr);
        return 2;
    }
    /* a sluis-milter.conf may carry the policy keys itself and name a
     * policy file: then both are checked, as the milter reads them */
    bool milter = false;
    kv_parse_file(argv[1], true, milter_key_seen, &milter, err, sizeof err);
    struct milter_config c;
    struct policy own;
    const struct policy *p = &own;
    if (milter) {
        if (config_load(argv[1], &c, err, sizeof err) != SL_OK) {
            fprintf(stderr, "%s\n", err);
            return 1;
        }
        p = &c.policy;
    } else {
        if (policy_defaults(&own) != SL_OK)
            return 1;
        if (load_policy(&own, argv[1], err, sizeof err) != SL_OK) {
            fprintf(stderr, "%s\n", err);
            policy_free(&own);
            return 1;
        }
    }
    if (milter)
        printf("%s: a sluis-milter configuration: checking its policy keys and any policy file it "
               "names\n",
               argv[1]);
    printf("%s: valid; mode %s; %zu organisation domain(s), %zu partner(s), %zu department(s) "
           "with %zu member entr%s, %zu rule mode(s); channels",
           argv[1], policy_mode_name(p->org.mode), p->norg, p->npartners, p->ndepts, p->nmembers,
           p->nmembers == 1 ? "y" : "ies", p->nrules);
    for (size_t i = 0; i < p->nchannels; i++)
        printf(" %s", policy_channel_name(p->channels[i]));
    printf("; then %s\n", decide_action_name(p->fallback));
    if (!p->report_url[0])
        printf("  note: report_url is not set: notices to staff carry no link to report a "
               "false positive\n");
    if (!p->helpdesk[0])
        printf("  note: helpdesk is not set: notices carry no helpdesk line\n");
    for (size_t i = 0; i < p->ndepts; i++)
        printf("  department %s: mode %s, notices in %s, overrides %s\n", p->depts[i].name,
               policy_mode_name(policy_scope_mode(p, &p->depts[i])),
               policy_scope_language(p, &p->depts[i]),
               policy_scope_overrides(p, &p->depts[i]) ? "allowed" : "not allowed");
    if (milter)
        config_free(&c);
    else
        policy_free(&own);
    return 0;
}

static int cmd_rules(int argc, char **argv)
{
    const char *rdir = NULL;
    char err[512];
    if (argc < 1 || strcmp(argv[0], "check") != 0) {
        usage(stderr);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc)
            rdir = argv[++i];
        else {
            usage(stderr);
            return 2;
        }
    }
    struct pack *p = pack_load(rules_dir(rdir), 1, err, sizeof err);
    if (p == NULL) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    size_t words = 0, regex = 0;
    for (size_t i = 0; i < p->nrules; i++) {
        if (p->rules[i].type == RULE_WORDS)
            words++;
        else
            regex++;
    }
    printf("%s: %zu rules (%zu word lists with %zu terms, %zu patterns); word trie %zu states, "
           "%zu KiB\n",
           rules_dir(rdir), p->nrules, words, ac_terms(p->words), regex, ac_states(p->words),
           ac_bytes(p->words) / 1024);
    size_t taken = 0;
    for (size_t i = 0; i < p->nrules; i++) {
        uint32_t lo, hi;
        taken += p->rules[i].type == RULE_REGEX && prefilter_has(p->pre, i, &lo, &hi);
    }
    if (p->pre)
        printf("prefilter: Hyperscan, %zu of %zu patterns (the rest run everywhere); %s\n", taken,
               regex, prefilter_cached(p->pre) ? "read from its cache" : "compiled");
    else
        printf("prefilter: none (Hyperscan does not run here): every pattern runs everywhere\n");
    if (p->model)
        printf("model: version %s, %zu weights, threshold %.4f; %s\n", p->model->version,
               p->model->nweights, p->model->threshold, p->model->provenance);
    else
        printf("model: none (rules only)\n");
    pack_free(p);
    return 0;
}

/* --- sluis model: the statistical layer's features and file (rules/model.h) ---- */

/* model_features - per file, "FILE<TAB>index:value ...": the vector the
 * scorer sees, for scripts/train-model (it never tokenises on its own) */
static int model_features(const char *rdir, int argc, char **argv)
{
    char err[512];
    struct extract_limits lim;
    extract_limits_default(&lim);
    extract_init();
    struct pack *p = pack_load(rules_dir(rdir), 1, err, sizeof err);
    if (p == NULL) {
        fprintf(stderr, "sluis model: %s\n", err);
        return 2;
    }
    struct detect_scratch *s = detect_scratch_new(p);
    struct attach_pool *pool = NULL;
    char worker[4096];
    attach_worker_path(worker, sizeof worker);
    if (s && (detect_scratch_features(s) != SL_OK || attach_pool_new(worker, 1, &pool) != SL_OK)) {
        detect_scratch_free(s);
        s = NULL;
    }
    int rc = s ? 0 : 1;
    for (int i = 0; s && i < argc; i++) {
        size_t len;
        char *data = file_read_all(argv[i], MAX_MESSAGE_BYTES, &len, err, sizeof err);
        if (data == NULL) {
            fprintf(stderr, "sluis model: %s: %s\n", argv[i], err);
            rc = 1;
            continue;
        }
        struct detect_result r = {0};
        enum sl_status st = scan_message(p, &lim, pool, s, data, len, &r, NULL);
        free(data);
        if (st != SL_OK) {
            fprintf(stderr, "sluis model: %s: %s\n", argv[i], sl_status_str(st));
            rc = 1;
        } else {
            const uint32_t *idx;
            const float *val;
            size_t n;
            if (model_vector(detect_scratch_model(s), &idx, &val, &n) != SL_OK) {
                fprintf(stderr, "sluis model: %s: out of memory\n", argv[i]);
                rc = 1;
                n = 0;
            }
            fputs(argv[i], stdout);
            for (size_t k = 0; k < n; k++)
                printf("%c%u:%.9g", k ? ' ' : '\t', idx[k], (double)val[k]);
            putchar('\n');
        }
        detect_result_free(&r);
    }
    if (fflush(stdout) != 0)
        rc = 1;
    attach_pool_free(pool);
    detect_scratch_free(s);
    pack_free(p);
    return rc;
}

static int cmd_model(int argc, char **argv)
{
    const char *rdir = NULL;
    char err[512];
    int i = 1;
    if (argc < 1) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[0], "spec") == 0) {
        printf("sluis-model %d\n", MODEL_VERSION);
        for (size_t k = 0; model_spec_lines[k]; k++)
            printf("%s\n", model_spec_lines[k]);
        return 0;
    }
    for (; i + 1 < argc && strcmp(argv[i], "--rules") == 0; i += 2)
        rdir = argv[i + 1];
    if (strcmp(argv[0], "features") == 0 && i < argc)
        return model_features(rdir, argc - i, argv + i);
    if (strcmp(argv[0], "show") != 0 || i != argc) {
        usage(stderr);
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/model/sluis.model", rules_dir(rdir));
    if (access(path, F_OK) != 0) {
        printf("%s: no model (rules only)\n", path);
        return 0;
    }
    struct model *m = model_load(path, err, sizeof err);
    if (m == NULL) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    printf("%s: version %s, %zu weights, bias %.6f, threshold %.4f\nprovenance %s\n", path,
           m->version, m->nweights, m->bias, m->threshold, m->provenance);
    model_free(m);
    return 0;
}

/* --- sluis release: held mail out of Postfix's hold queue, on record ---- */

/* postfix_run - run a Postfix command (argv[0] found in /usr/sbin, else on
 * PATH), no shell; its standard output into out (NULL: dropped), the
 * first line of its standard error into err. The exit status, or -1 when
 * it could not be run. */
static int postfix_run(char *const argv[], struct buf *out, char *err, size_t errlen)
{
    char path[64];
    snprintf(path, sizeof path, "/usr/sbin/%s", argv[0]);
    const char *prog = access(path, X_OK) == 0 ? path : argv[0];
    int po[2], pe[2];
    err[0] = '\0';
    if (pipe(po) != 0)
        return -1;
    if (pipe(pe) != 0) {
        close(po[0]);
        close(po[1]);
        return -1;
    }
    pid_t pid = fork();
    if (pid == 0) {
        dup2(po[1], 1);
        dup2(pe[1], 2);
        close(po[0]);
        close(pe[0]);
        execvp(prog, argv);
        fprintf(stderr, "cannot run %s\n", prog);
        _exit(127);
    }
    close(po[1]);
    close(pe[1]);
    if (pid < 0) {
        close(po[0]);
        close(pe[0]);
        return -1;
    }
    /* both pipes at once: a long queue listing must not stall on a full
     * error pipe, nor the other way round */
    struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
    struct buf errs = BUF_INIT;
    for (int open_fds = 2; open_fds > 0;) {
        if (poll(fds, 2, -1) < 0)
            break;
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            char chunk[4096];
            ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            } else if (i == 0 && out) {
                buf_append(out, chunk, (size_t)n);
            } else if (i == 1 && errs.len < 4096) {
                buf_append(&errs, chunk, (size_t)n);
            }
        }
    }
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    int status = 0;
    pid_t w;
    while ((w = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
        ;
    if (errs.len)
        snprintf(err, errlen, "%.*s", (int)strcspn(errs.data, "\n"), errs.data);
    buf_free(&errs);
    return w == pid && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* postfix_argv - v = PROG [-c DIR] OPT [ARG], NULL-terminated (v holds 6) */
static void postfix_argv(char **v, const char *prog, const char *dir, const char *opt,
                         const char *arg)
{
    size_t k = 0;
    v[k++] = (char *)prog;
    if (dir) {
        v[k++] = "-c";
        v[k++] = (char *)dir;
    }
    v[k++] = (char *)opt;
    if (arg)
        v[k++] = (char *)arg;
    v[k] = NULL;
}

/* json_field - the string value of key in one line of postqueue -j, into
 * out; false when it has none. Postfix writes queue_name and queue_id
 * first, before the sender and recipients, so their first occurrence is
 * the key. */
static bool json_field(const char *line, const char *key, char *out, size_t outlen)
{
    char quoted[64];
    snprintf(quoted, sizeof quoted, "\"%s\"", key);
    const char *p = strstr(line, quoted);
    if (p == NULL)
        return false;
    p += strlen(quoted);
    p += strspn(p, " \t");
    if (*p++ != ':')
        return false;
    p += strspn(p, " \t");
    if (*p++ != '"')
        return false;
    size_t n = strcspn(p, "\"\\\n");
    if (p[n] != '"' || n >= outlen)
        return false;
    snprintf(out, outlen, "%.*s", (int)n, p);
    return true;
}

/* queue_of - which queue of the Postfix instance (-c dir, NULL: the
 * default) holds qid: "hold", "deferred", ... or "" for none; false when
 * postqueue could not be run (why in err) */
static bool queue_of(const char *dir, const char *qid, char *queue, size_t qlen, char *err,
                     size_t errlen)
{
    char *argv[6];
    postfix_argv(argv, "postqueue", dir, "-j", NULL);
    struct buf out = BUF_INIT;
    int rc = postfix_run(argv, &out, err, errlen);
    queue[0] = '\0';
    for (char *line = out.data, *nl; rc == 0 && line && *line; line = nl ? nl + 1 : NULL) {
        nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        char id[64], name[32];
        if (json_field(line, "queue_id", id, sizeof id) && strcmp(id, qid) == 0 &&
            json_field(line, "queue_name", name, sizeof name)) {
            snprintf(queue, qlen, "%s", name);
            break;
        }
    }
    buf_free(&out);
    if (rc != 0 && err[0] == '\0')
        snprintf(err, errlen, "postqueue -j: exit status %d", rc);
    return rc == 0;
}

/* release_reason - the category of why a message is released: one of the
 * names, or free text read as an unsafe tag's reason is (policy/tags.h).
 * The text itself is never kept: it may name a patient. */
static const char *release_reason(const char *text)
{
    static const char *const names[] = {"consent", "not-health", "urgent", "no-channel", "other"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(text, names[i]) == 0)
            return names[i];
    char subject[600], rest[600];
    snprintf(subject, sizeof subject, "[unsafe: %.500s]", text);
    for (char *p = subject + 1; *p && p[1]; p++)
        if (*p == '[' || *p == ']')
            *p = ' ';
    struct tags t;
    tags_read(subject, &t, rest, sizeof rest);
    memset(subject, 0, sizeof subject);
    return t.reason == REASON_NONE ? "other" : tags_reason_name(t.reason);
}

/* plain_name - a queue id or a name for the record: letters, digits and
 * the characters in extra, 1 to max long */
static bool plain_name(const char *s, const char *extra, size_t max)
{
    size_t n = strlen(s);
    if (n == 0 || n > max)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              strchr(extra, *s)))
            return false;
    return true;
}

/* cmd_release - sluis release QUEUEID --reason REASON [--by NAME]
 * [--config-dir DIR]: a message that sluis-milter held goes out of
 * Postfix's hold queue as it is, unscanned, with a record of who released
 * it and why (a category, never the text), in syslog (mail) and on
 * standard output. Only a message in the hold queue is released. */
static int cmd_release(int argc, char **argv)
{
    const char *qid = NULL, *reason = NULL, *by = NULL, *dir = NULL;
    for (int i = 0; i < argc; i++) {
        bool value = i + 1 < argc;
        if (strcmp(argv[i], "--reason") == 0 && value)
            reason = argv[++i];
        else if (strcmp(argv[i], "--by") == 0 && value)
            by = argv[++i];
        else if (strcmp(argv[i], "--config-dir") == 0 && value)
            dir = argv[++i];
        else if (argv[i][0] != '-' && qid == NULL)
            qid = argv[i];
        else {
            usage(stderr);
            return 2;
        }
    }
    if (qid == NULL || reason == NULL || *reason == '\0') {
        fprintf(stderr, "sluis release: a queue id and --reason are needed (consent, not-health, "
                        "urgent, no-channel, other, or a few words: only their category is "
                        "recorded)\n");
        return 2;
    }
    if (!plain_name(qid, "", 32)) {
        fprintf(stderr, "sluis release: '%s' is not a Postfix queue id\n", qid);
        return 2;
    }
    if (by == NULL)
        by = getenv("SUDO_USER");
    if (by == NULL || *by == '\0') {
        /* a one-shot command, no threads: getpwuid's static buffer is safe */
        struct passwd *pw = getpwuid(getuid()); // cppcheck-suppress getpwuidCalled
        by = pw ? pw->pw_name : "unknown";
    }
    if (!plain_name(by, "._-", 64)) {
        fprintf(stderr, "sluis release: --by takes a name of letters, digits and . _ - only\n");
        return 2;
    }
    const char *category = release_reason(reason);
    char queue[32], err[512];
    if (!queue_of(dir, qid, queue, sizeof queue, err, sizeof err)) {
        fprintf(stderr, "sluis release: %s\n", err);
        return 1;
    }
    if (strcmp(queue, "hold") != 0) {
        fprintf(stderr, "sluis release: %s is not in the hold queue%s%s%s; nothing released\n", qid,
                queue[0] ? " (it is in the " : "", queue, queue[0] ? " queue)" : "");
        return 1;
    }
    char *v[6], why[512];
    postfix_argv(v, "postsuper", dir, "-H", qid);
    int rc = postfix_run(v, NULL, err, sizeof err);
    if (rc != 0 || !queue_of(dir, qid, queue, sizeof queue, why, sizeof why) ||
        strcmp(queue, "hold") == 0) {
        fprintf(stderr, "sluis release: %s not released: postsuper -H: %s\n", qid,
                err[0] ? err : "it stays in the hold queue");
        return 1;
    }
    /* out of hold it waits in the deferred queue: deliver it now */
    postfix_argv(v, "postqueue", dir, "-i", qid);
    postfix_run(v, NULL, why, sizeof why);
    openlog("sluis", LOG_PID, LOG_MAIL);
    syslog(LOG_NOTICE,
           "%s: released from hold by %s, reason %s; delivered as it is, not scanned "
           "again",
           qid, by, category);
    closelog();
    printf("sluis release: %s: released from hold by %s, reason %s; delivered as it is, not "
           "scanned again\n",
           qid, by, category);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    /* a month's figures from the metrics store (cli/report.c) */
    if (strcmp(argv[1], "report") == 0)
        return report_main(argc - 1, argv + 1);
    if (strcmp(argv[1], "certs") == 0)
        return certs_main(argc - 1, argv + 1);
    if (strcmp(argv[1], "tls") == 0)
        return tls_main(argc - 1, argv + 1);
    if (strcmp(argv[1], "scan") == 0)
        return cmd_scan(argc - 2, argv + 2);
    if (strcmp(argv[1], "rules") == 0)
        return cmd_rules(argc - 2, argv + 2);
    if (strcmp(argv[1], "model") == 0)
        return cmd_model(argc - 2, argv + 2);
    if (strcmp(argv[1], "policy") == 0)
        return cmd_policy(argc - 2, argv + 2);
    if (strcmp(argv[1], "portal") == 0)
        return cmd_portal(argc - 2, argv + 2);
    if (strcmp(argv[1], "release") == 0)
        return cmd_release(argc - 2, argv + 2);
    if (strcmp(argv[1], "metrics") == 0)
        return cmd_metrics(argc - 2, argv + 2);
    /* the dashboard's users and actions (dashboard/cli.c) */
    if (strcmp(argv[1], "user") == 0 || strcmp(argv[1], "action") == 0)
        return dash_cli(argc - 1, argv + 1);
    if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
        printf("sluis %s\n", SLUIS_VERSION);
        return 0;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "sluis: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
