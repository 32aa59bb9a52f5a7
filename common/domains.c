/*
 * domains - a list of mail domains. See domains.h.
 */
#include "domains.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "kv.h"

bool domain_valid(const char *d)
{
    if (*d == '\0' || *d == '.' || strlen(d) > 253 || strchr(d, '.') == NULL)
        return false;
    for (const char *c = d; *c; c++)
        if (!isalnum((unsigned char)*c) && *c != '-' && *c != '.')
            return false;
    return true;
}

/* domain_line - a domain, or "name.*" for name with any ending */
static enum sl_status domain_line(void *ctx, char *l, char *why, size_t whylen)
{
    struct domain_list *dl = ctx;
    size_t n = strlen(l);
    bool any_end = n > 2 && strcmp(l + n - 2, ".*") == 0;
    bool ok = true;
    if (any_end) {
        ok = isalnum((unsigned char)l[0]) && n - 2 <= 200;
        for (size_t i = 0; ok && i < n - 2; i++)
            ok = isalnum((unsigned char)l[i]) || l[i] == '-' || l[i] == '.';
    } else {
        ok = domain_valid(l);
    }
    if (!ok) {
        snprintf(why, whylen, "'%s' is not a domain (or 'name.*')", l);
        return SL_EPARSE;
    }
    for (char *c = l; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return kv_list_add(&dl->v, &dl->n, l);
}

enum sl_status domain_list_read(struct domain_list *l, const char *path, char *err, size_t errlen)
{
    struct domain_list fresh = {NULL, 0};
    enum sl_status st = kv_each_line(path, domain_line, &fresh, err, errlen);
    if (st != SL_OK) {
        domain_list_free(&fresh);
        return st;
    }
    domain_list_free(l);
    *l = fresh;
    return SL_OK;
}

bool domain_list_has(const struct domain_list *l, const char *d, size_t n)
{
    for (size_t i = 0; i < l->n; i++) {
        const char *c = l->v[i];
        size_t cl = strlen(c);
        if (cl > 2 && strcmp(c + cl - 2, ".*") == 0) {
            /* "gmx.*": gmx.de, gmx.net, gmx.co.uk, but not gmxx.de */
            if (n > cl - 1 && strncasecmp(d, c, cl - 1) == 0)
                return true;
            continue;
        }
        if (n == cl ? strncasecmp(d, c, n) == 0
                    : n > cl && d[n - cl - 1] == '.' && strncasecmp(d + n - cl, c, cl) == 0)
            return true;
    }
    return false;
}

void domain_list_free(struct domain_list *l)
{
    kv_list_free(&l->v, &l->n);
}
