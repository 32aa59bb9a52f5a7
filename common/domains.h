/*
 * domains - a list of mail domains, as the shipped list of consumer
 * mailbox providers writes them (rules/lists/consumer-domains.txt): one a
 * line, "example.nl" for that domain and its subdomains, "name.*" for name
 * with any ending ("gmx.*": gmx.de, gmx.net, not gmxx.de). '#' starts a
 * comment line. Matching ignores case.
 * Memory: the list owns its strings; domain_list_free releases them.
 */
#ifndef SLUIS_DOMAINS_H
#define SLUIS_DOMAINS_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

struct domain_list {
    char **v; /* lower case */
    size_t n;
};

/* domain_valid - a domain as written in a list: letters, digits, '-' and
 * '.', at least one dot, not starting with one, at most 253 bytes */
bool domain_valid(const char *d);

/* domain_list_read - read the file at path into l, replacing what l held;
 * on error l is unchanged and err says "path:line: why" */
enum sl_status domain_list_read(struct domain_list *l, const char *path, char *err, size_t errlen);

/* domain_list_has - is d (n bytes, any case) in the list or a subdomain of
 * an entry? */
bool domain_list_has(const struct domain_list *l, const char *d, size_t n);

void domain_list_free(struct domain_list *l);

#endif
