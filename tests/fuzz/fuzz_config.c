/*
 * fuzz_config - sluis-milter.conf (milter/config.c): its own keys, the
 * scanning limits ("limit.NAME") and the policy keys that may stand in it.
 *
 * Feeds: the input as DIR/sluis-milter.conf (config_load() reads a path),
 * DIR being the target's private folder. A "policy = FILE" line names a
 * file relative to the working folder, as in the milter.
 * Checks beyond no crash and no leak:
 * - config_load() returns SL_OK, or an error with a message (and has
 *   freed the config);
 * - a loaded config keeps every value in its range: every string set,
 *   numbers within the table's bounds, only the actions allowed for
 *   on_error and oversize_action, outgoing_all exactly when no
 *   organisation domain is set, limits within extract_limits_set()'s.
 */
#include <string.h>

#include "../../milter/config.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_config(const struct milter_config *c)
{
    const char *const strings[] = {c->socket,        c->user,        c->pidfile,
                                   c->rules,         c->worker,      c->tmpdir,
                                   c->portal_db,     c->portal_key,  c->submission,
                                   c->reject_text,   c->hold_reason, c->portal_token_file,
                                   c->portal_ca_file};
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        FUZZ_CHECK(strings[i] != NULL, "string %zu not set", i);
    FUZZ_CHECK(c->socket_mode <= 0777, "socket_mode %o", c->socket_mode);
    FUZZ_CHECK(c->workers >= 1 && c->workers <= 64, "workers %u", c->workers);
    FUZZ_CHECK(c->memory_bytes >= 4096 && c->memory_bytes <= (1ULL << 30), "memory_bytes %zu",
               c->memory_bytes);
    FUZZ_CHECK(c->max_message_bytes >= 1024, "max_message_bytes %zu", c->max_message_bytes);
    FUZZ_CHECK(c->error_action == ACTION_TEMPFAIL || c->error_action == ACTION_PASS, "on_error %s",
               decide_action_name(c->error_action));
    FUZZ_CHECK(c->oversize_action == ACTION_REJECT || c->oversize_action == ACTION_TEMPFAIL ||
                   c->oversize_action == ACTION_HOLD,
               "oversize_action %s", decide_action_name(c->oversize_action));
    FUZZ_CHECK(c->log == LOGTO_SYSLOG || c->log == LOGTO_STDERR || c->log == LOGTO_FILE, "log %d",
               (int)c->log);
    /* a log file exactly with log = file:PATH, and its path absolute */
    FUZZ_CHECK(c->log_file != NULL && (c->log == LOGTO_FILE) == (c->log_file[0] == '/') &&
                   (c->log == LOGTO_FILE || c->log_file[0] == '\0'),
               "log %d with file '%s'", (int)c->log, c->log_file ? c->log_file : "(null)");
    FUZZ_CHECK(c->outgoing_all == (c->policy.norg == 0), "outgoing_all %d with %zu domains",
               (int)c->outgoing_all, c->policy.norg);
    for (size_t i = 0; i < c->ndaemons; i++)
        FUZZ_CHECK(c->outgoing_daemons[i][0] != '\0', "an empty daemon name");
    const struct extract_limits *l = &c->limits;
    FUZZ_CHECK(l->max_depth >= 1 && l->max_parts >= 1 && l->max_scan_ms >= 1 &&
                   l->max_header_bytes >= 1024 && l->attach.doc.max_ratio >= 2 &&
                   l->attach.doc.max_archive_depth >= 1,
               "a limit below its minimum");
    FUZZ_CHECK(c->policy.nchannels <= POLICY_MAX_CHANNELS && c->policy.organisation &&
                   c->policy.portal && c->policy.portal_url && c->policy.org.language,
               "policy incomplete");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[1024] = "";
    const char *path = fuzz_write("sluis-milter.conf", data, size);
    struct milter_config c;
    enum sl_status st = config_load(path, &c, err, sizeof err);
    if (st != SL_OK) {
        FUZZ_CHECK(st != SL_ENOMEM && err[0] != '\0', "config_load: %s without a message",
                   sl_status_str(st));
        return 0;
    }
    check_config(&c);
    config_free(&c);
    return 0;
}
