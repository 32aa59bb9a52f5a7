/*
 * kv - "key = value" files with optional sections. See kv.h.
 *
 * Input is an administrator's file, trusted not to be hostile but often
 * wrong: every malformed line is an error with its line number, nothing is
 * skipped silently. Lines have no length limit beyond the file's.
 */
#include "kv.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"

char *kv_trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

/* line - one line, comment already cut; *section is updated by headers */
static enum sl_status line(char *l, bool sections, char **section, kv_fn fn, void *ctx, char *why,
                           size_t whylen)
{
    if (*l == '[') {
        char *close = strchr(l, ']');
        if (!sections) {
            snprintf(why, whylen, "sections are not allowed in this file");
            return SL_EPARSE;
        }
        if (close == NULL || *kv_trim(close + 1) != '\0') {
            snprintf(why, whylen, "expected '[kind name]'");
            return SL_EPARSE;
        }
        *close = '\0';
        *section = kv_trim(l + 1);
        return fn(ctx, *section, NULL, NULL, why, whylen);
    }
    char *eq = strchr(l, '=');
    if (eq == NULL) {
        snprintf(why, whylen, "expected 'key = value'");
        return SL_EPARSE;
    }
    *eq = '\0';
    char *key = kv_trim(l);
    if (*key == '\0') {
        snprintf(why, whylen, "a key is missing before '='");
        return SL_EPARSE;
    }
    return fn(ctx, *section, key, kv_trim(eq + 1), why, whylen);
}

enum sl_status kv_each_line(const char *path, kv_line_fn fn, void *ctx, char *err, size_t errlen)
{
    char why[512];
    size_t len;
    char *text = file_read_all(path, KV_MAX_FILE, &len, why, sizeof why);
    if (text == NULL) {
        snprintf(err, errlen, "%s: %s", path, why);
        return SL_EIO;
    }
    if (memchr(text, '\0', len) != NULL) {
        snprintf(err, errlen, "%s: a NUL byte: not a text file", path);
        free(text);
        return SL_EPARSE;
    }
    enum sl_status st = SL_OK;
    unsigned lineno = 0;
    for (char *p = text; p && *p && st == SL_OK;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        char *hash = strchr(p, '#');
        if (hash)
            *hash = '\0';
        char *l = kv_trim(p);
        p = nl ? nl + 1 : NULL;
        if (*l && (st = fn(ctx, l, why, sizeof why)) != SL_OK)
            snprintf(err, errlen, "%s:%u: %s", path, lineno, why);
    }
    free(text);
    return st;
}

/* the state of kv_parse_file over its lines */
struct parsing {
    bool sections;
    kv_fn fn;
    void *ctx;
    char section[256]; /* outlives its header line */
};

static enum sl_status parse_line(void *arg, char *l, char *why, size_t whylen)
{
    struct parsing *ps = arg;
    char *sec = ps->section;
    enum sl_status st = line(l, ps->sections, &sec, ps->fn, ps->ctx, why, whylen);
    if (st == SL_OK && sec != ps->section) {
        if (strlen(sec) >= sizeof ps->section) {
            snprintf(why, whylen, "section name too long");
            return SL_EPARSE;
        }
        memmove(ps->section, sec, strlen(sec) + 1);
    }
    return st;
}

enum sl_status kv_parse_file(const char *path, bool sections, kv_fn fn, void *ctx, char *err,
                             size_t errlen)
{
    struct parsing ps = {sections, fn, ctx, ""};
    return kv_each_line(path, parse_line, &ps, err, errlen);
}

enum sl_status kv_list_add(char ***list, size_t *n, const char *value)
{
    char *copy = strdup(value);
    if (copy == NULL)
        return SL_ENOMEM;
    enum sl_status st = SL_OK;
    for (char *save = NULL, *tok = strtok_r(copy, " ,\t", &save); tok;
         tok = strtok_r(NULL, " ,\t", &save)) {
        char **p = realloc(*list, (*n + 1) * sizeof *p);
        if (p == NULL) {
            st = SL_ENOMEM;
            break;
        }
        *list = p;
        if ((p[*n] = strdup(tok)) == NULL) {
            st = SL_ENOMEM;
            break;
        }
        (*n)++;
    }
    free(copy);
    return st;
}

enum sl_status kv_list_set(char ***list, size_t *n, const char *value)
{
    kv_list_free(list, n);
    enum sl_status st = kv_list_add(list, n, value);
    if (st != SL_OK)
        kv_list_free(list, n);
    return st;
}

void kv_list_free(char ***list, size_t *n)
{
    for (size_t i = 0; i < *n; i++)
        free((*list)[i]);
    free(*list);
    *list = NULL;
    *n = 0;
}
