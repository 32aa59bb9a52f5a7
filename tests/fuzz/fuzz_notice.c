/*
 * fuzz_notice - notice templates: an organisation's override parsed when
 * loaded, then rendered into every kind of notice (policy/notice.c).
 *
 * Feeds: the first byte picks one of the 33 template files (a language,
 * nl en fr, and one of recipient, redirect, warn, hold and reject as .txt
 * and .html, or reject.reply); the rest is that file's text in an override
 * folder (notice_templates_load() reads folders), over this checkout's
 * policy/templates. When the set loads, every kind is rendered in that
 * language with findings, recipients and values that need escaping.
 * Checks beyond no crash and no leak:
 * - the set loads, or the error names a file and says why;
 * - a loaded set renders every kind: SL_OK, a message that begins with
 *   "From: ", says its kind in X-Sluis-Notice, ends its lines with CRLF
 *   and keeps them within 998 bytes (RFC 5322 2.1.1);
 * - the reject reply is one line of 1 to 400 printable ASCII characters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../policy/notice.h"
#include "fuzz.h"

#ifndef SLUIS_TEMPLATES_DIR
#define SLUIS_TEMPLATES_DIR "policy/templates"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const langs[] = {"nl", "en", "fr"};
static const char *const files[] = {
    "recipient.txt", "recipient.html", "redirect.txt", "redirect.html", "warn.txt",    "warn.html",
    "hold.txt",      "hold.html",      "reject.txt",   "reject.html",   "reject.reply"};
#define NFILES (sizeof files / sizeof files[0])

static const struct notice_finding findings[] = {
    {"national_id", "nl.bsn", "1234*****82"},
    {"health", "health.diagnosis", "d*****"},
    {"person", "no.such.rule <b>&amp;</b>", "J***** <b>&amp;</b>"}};
static const struct notice_recipient rcpts[] = {
    {"familie@gmail.example", "portal", "482913", "code", NULL, false},
    {"poli@ziekenhuis.example", "tls", NULL, NULL, NULL, false},
    {"\"quoted\"@x.example", "hold", "", NULL, NULL, false},
    {"jan@ziggo.example", "portal", NULL, "sms", "+31612345678", false},
    {"kees@outlook.example", "portal", "551234", "code", NULL, true},
};

static void check_message(const struct buf *b, enum notice_kind k)
{
    char want[64];
    FUZZ_CHECK(b->len > 6 && strncmp(b->data, "From: ", 6) == 0, "no From line first");
    snprintf(want, sizeof want, "\r\nX-Sluis-Notice: %s\r\n", notice_kind_name(k));
    FUZZ_CHECK(memmem(b->data, b->len, want, strlen(want)) != NULL, "no %s", want + 2);
    size_t line = 0;
    for (size_t i = 0; i < b->len; i++) {
        if (b->data[i] == '\n') {
            FUZZ_CHECK(i > 0 && b->data[i - 1] == '\r', "a bare LF at %zu", i);
            line = 0;
        } else {
            FUZZ_CHECK(++line <= 998 + 1, "a line of more than 998 bytes at %zu", i);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t which = data[0] % (NFILES * 3);
    const char *lang = langs[which / NFILES], *file = files[which % NFILES];
    char name[64], err[1024] = "";
    snprintf(name, sizeof name, "%s/%s", lang, file);
    const char *path = fuzz_write(name, data + 1, size - 1);
    struct notice_templates *t = NULL;
    enum sl_status st = notice_templates_load(SLUIS_TEMPLATES_DIR, fuzz_dir(), &t, err, sizeof err);
    unlink(path); /* one override at a time */
    if (st != SL_OK) {
        FUZZ_CHECK(t == NULL && strstr(err, file) != NULL && strstr(err, ": ") != NULL,
                   "load failed (%s) with '%s'", sl_status_str(st), err);
        return 0;
    }
    const char *reply = notice_reply(t, lang);
    size_t rl = strlen(reply);
    FUZZ_CHECK(rl >= 1 && rl <= 400, "reply of %zu characters", rl);
    for (size_t i = 0; i < rl; i++)
        FUZZ_CHECK(reply[i] >= 0x20 && reply[i] < 0x7F, "reply byte 0x%02x", reply[i] & 0xFF);

    struct notice_vars v = {lang,
                            "Zorggroep Sint-\xc3\x89lisabeth <\"&'>",
                            "beveiligd@zorg.example",
                            "familie@gmail.example",
                            "anja@zorg.example",
                            "https://portaal.zorg.example/p/AbC_dEf?a=1&b=<2>",
                            1798761600,
                            "088 123 45 67",
                            "https://intranet.zorg.example/melden",
                            "geen beveiligd kanaal",
                            findings,
                            sizeof findings / sizeof findings[0],
                            rcpts,
                            sizeof rcpts / sizeof rcpts[0],
                            false,
                            "https://portaal.zorg.example/p/s/StAtUs?a=1&b=<2>",
                            "https://sluis.zorg.example/fp/FpToKeN?a=1&b=<2>",
                            "sms",
                            "+31612345678"};
    for (enum notice_kind k = NOTICE_RECIPIENT; k <= NOTICE_REJECT; k++) {
        struct buf out = BUF_INIT;
        err[0] = '\0';
        st = notice_render(t, k, &v, &out, err, sizeof err);
        FUZZ_CHECK(st == SL_OK, "render %s: %s", notice_kind_name(k), err);
        check_message(&out, k);
        buf_free(&out);
    }
    notice_templates_free(t);
    return 0;
}
