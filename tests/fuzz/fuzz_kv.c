/*
 * fuzz_kv - the "key = value" reader every sluis configuration file goes
 * through (common/kv.c), and its word lists.
 *
 * Feeds: the input as a file (kv_parse_file() reads a path), parsed with
 * sections allowed and again with sections refused, and line by line
 * (kv_each_line()); every value is split as a list (kv_list_set(),
 * kv_list_add()). The callback refuses the key "fail" with a reason of
 * its own, so the error path of a caller is taken too.
 * Checks beyond no crash and no leak:
 * - keys are non-empty; keys, values and sections are trimmed and hold no
 *   '#' and no line end; a section header comes with key and value NULL;
 *   the section of a key line is shorter than 256 bytes; with sections
 *   refused there is none;
 * - lines given to kv_each_line() are trimmed, non-empty, hold no '#';
 * - list words are non-empty and hold no blank or comma;
 * - a parse returns SL_OK, or SL_EPARSE with "path:line: why" ("path: why"
 *   for a file with a NUL byte, which is always refused); SL_EIO is only
 *   for a file that cannot be read, and this one always can.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/kv.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool trimmed(const char *s)
{
    size_t n = strlen(s);
    return n == 0 || (!isspace((unsigned char)s[0]) && !isspace((unsigned char)s[n - 1]));
}

static void check_text(const char *what, const char *s)
{
    FUZZ_CHECK(trimmed(s), "%s '%s' not trimmed", what, s);
    FUZZ_CHECK(strpbrk(s, "#\n") == NULL, "%s '%s' holds '#' or a line end", what, s);
}

static void check_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        FUZZ_CHECK(list[i][0] != '\0' && strpbrk(list[i], " ,\t") == NULL, "list word '%s'",
                   list[i]);
}

static enum sl_status on_kv(void *ctx, const char *section, const char *key, const char *value,
                            char *err, size_t errlen)
{
    bool sections = *(bool *)ctx;
    FUZZ_CHECK(section != NULL, "section NULL");
    check_text("section", section);
    FUZZ_CHECK(sections || section[0] == '\0', "a section where none is allowed");
    if (key == NULL) {
        FUZZ_CHECK(value == NULL && sections, "a section header with a value");
        return SL_OK;
    }
    FUZZ_CHECK(strlen(section) < 256, "section of %zu bytes", strlen(section));
    FUZZ_CHECK(value != NULL && key[0] != '\0', "key '%s' empty or without a value", key);
    check_text("key", key);
    check_text("value", value);
    FUZZ_CHECK(strchr(key, '=') == NULL, "key '%s' holds '='", key);
    if (strcmp(key, "fail") == 0) {
        snprintf(err, errlen, "refused: %s", value);
        return SL_EPARSE;
    }
    char **list = NULL;
    size_t n = 0;
    FUZZ_CHECK(kv_list_set(&list, &n, value) == SL_OK, "kv_list_set");
    check_list(list, n);
    size_t before = n;
    FUZZ_CHECK(kv_list_add(&list, &n, value) == SL_OK && n == 2 * before, "kv_list_add");
    check_list(list, n);
    kv_list_free(&list, &n);
    FUZZ_CHECK(list == NULL && n == 0, "kv_list_free left %zu", n);
    return SL_OK;
}

static enum sl_status on_line(void *ctx, char *line, char *why, size_t whylen)
{
    (void)ctx;
    (void)why;
    (void)whylen;
    FUZZ_CHECK(line[0] != '\0', "an empty line");
    check_text("line", line);
    return SL_OK;
}

/* check_status - SL_OK, or "path:line: why" */
static void check_status(enum sl_status st, const char *path, const char *err)
{
    if (st == SL_OK)
        return;
    size_t pl = strlen(path);
    FUZZ_CHECK(st == SL_EPARSE, "status %s: %s", sl_status_str(st), err);
    FUZZ_CHECK(strncmp(err, path, pl) == 0 && err[pl] == ':', "error '%s' does not name the file",
               err);
    /* "path:12: why", or "path: why" for the file as a whole */
    const char *p = err + pl + 1;
    while (isdigit((unsigned char)*p))
        p++;
    if (p > err + pl + 1)
        FUZZ_CHECK(*p++ == ':', "error '%s': no ':' after the line", err);
    FUZZ_CHECK(p[0] == ' ' && p[1] != '\0', "error '%s' without a reason", err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[1024];
    const char *path = fuzz_write("fuzz.conf", data, size);
    bool nul = memchr(data, '\0', size) != NULL;
    for (int k = 0; k < 2; k++) {
        bool sections = k == 0;
        err[0] = '\0';
        enum sl_status st = kv_parse_file(path, sections, on_kv, &sections, err, sizeof err);
        check_status(st, path, err);
        FUZZ_CHECK(!nul || st == SL_EPARSE, "a file with a NUL byte accepted");
    }
    err[0] = '\0';
    check_status(kv_each_line(path, on_line, NULL, err, sizeof err), path, err);
    return 0;
}
