/*
 * event - one outgoing message's decision, and its line in the spill
 * file. See event.h.
 *
 * The line: "E1" then, each after one space, the fields below in this
 * order; a string is percent-encoded (every byte outside A-Z a-z 0-9 - . _
 * : @ + / as %XX), the empty string is "-" and the string "-" is "%2D";
 * numbers are decimal.
 *
 *   time month sender dept sensitive confidence mode action intended tag
 *   reason override override_refused incomplete size scan_us fp
 *   nrules {rule category} x nrules
 *   ngroups {class domain action intended channel count} x ngroups
 *
 * event_decode reads untrusted bytes (a spill file may be torn or
 * tampered with): every field is bounded (strings by their buffers,
 * numbers by their types, counts by EVENT_RULES_MAX/EVENT_GROUPS_MAX),
 * nothing is read past the terminating NUL, and a line with anything
 * missing, extra or out of range is refused whole. Thread-safe; no
 * allocation.
 */
#include "event.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* copy - src into dst[cap], cut at an ASCII/UTF-8 character boundary */
static void copy(char *dst, size_t cap, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

void event_add_rule(struct event *e, const char *rule, const char *category)
{
    char id[EVENT_RULE_MAX + 1];
    if (rule == NULL || rule[0] == '\0')
        return;
    copy(id, sizeof id, rule);
    for (size_t i = 0; i < e->nrules; i++)
        if (strcmp(e->rules[i].rule, id) == 0)
            return;
    if (e->nrules >= EVENT_RULES_MAX)
        return;
    struct event_rule *r = &e->rules[e->nrules++];
    memcpy(r->rule, id, sizeof r->rule);
    copy(r->category, sizeof r->category, category);
}

void event_add_recipient(struct event *e, enum event_class c, const char *domain, int action,
                         int intended, enum event_channel ch)
{
    char d[EVENT_DOMAIN_MAX + 1] = "";
    if ((c == EVENT_PARTNER || c == EVENT_ORG) && domain != NULL) {
        copy(d, sizeof d, domain);
        for (char *p = d; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    }
    for (size_t i = 0; i < e->ngroups; i++) {
        struct event_group *g = &e->groups[i];
        if (g->rclass == (uint8_t)c && g->action == (uint8_t)action &&
            g->intended == (uint8_t)intended && g->channel == (uint8_t)ch &&
            strcmp(g->domain, d) == 0) {
            g->count++;
            return;
        }
    }
    if (e->ngroups >= EVENT_GROUPS_MAX) {
        e->groups[EVENT_GROUPS_MAX - 1].count++;
        return;
    }
    struct event_group *g = &e->groups[e->ngroups++];
    g->rclass = (uint8_t)c;
    memcpy(g->domain, d, sizeof g->domain);
    g->action = (uint8_t)action;
    g->intended = (uint8_t)intended;
    g->channel = (uint8_t)ch;
    g->count = 1;
}

void event_set_time(struct event *e, int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    e->time = t;
    if (localtime_r(&tt, &tm) == NULL || strftime(e->month, sizeof e->month, "%Y-%m", &tm) != 7)
        memcpy(e->month, "0000-00", 8);
}

const char *event_class_name(enum event_class c)
{
    switch (c) {
    case EVENT_INTERNAL:
        return "internal";
    case EVENT_PARTNER:
        return "partner";
    case EVENT_ORG:
        return "org";
    case EVENT_CONSUMER:
        return "consumer";
    }
    return "unknown";
}

const char *event_channel_name(enum event_channel c)
{
    switch (c) {
    case EVENT_CH_NONE:
        return "none";
    case EVENT_CH_SMIME:
        return "smime";
    case EVENT_CH_TLS:
        return "tls";
    case EVENT_CH_PORTAL:
        return "portal";
    case EVENT_CH_EXTERNAL_PORTAL:
        return "external";
    }
    return "unknown";
}

/* ---- encoding */

struct out {
    char *p;
    size_t cap, len;
    bool ok;
};

static void put_raw(struct out *o, const char *s, size_t n)
{
    if (!o->ok || n >= o->cap - o->len) {
        o->ok = false;
        return;
    }
    memcpy(o->p + o->len, s, n);
    o->len += n;
    o->p[o->len] = '\0';
}

static bool plain(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == ':' || c == '@' || c == '+' || c == '/';
}

static void put_str(struct out *o, const char *s)
{
    static const char hexd[] = "0123456789ABCDEF";
    put_raw(o, " ", 1);
    if (s[0] == '\0') {
        put_raw(o, "-", 1);
        return;
    }
    if (strcmp(s, "-") == 0) {
        put_raw(o, "%2D", 3);
        return;
    }
    for (const unsigned char *p = (const unsigned char *)s; *p && o->ok; p++) {
        if (plain(*p)) {
            put_raw(o, (const char *)p, 1);
        } else {
            char x[3] = {'%', hexd[*p >> 4], hexd[*p & 15]};
            put_raw(o, x, 3);
        }
    }
}

static void put_num(struct out *o, uint64_t v)
{
    char b[24];
    int n = snprintf(b, sizeof b, " %llu", (unsigned long long)v);
    put_raw(o, b, (size_t)n);
}

bool event_encode(const struct event *e, char *out, size_t outlen)
{
    if (out == NULL || outlen == 0)
        return false;
    struct out o = {out, outlen, 0, true};
    out[0] = '\0';
    if (e->time < 0 || e->nrules > EVENT_RULES_MAX || e->ngroups > EVENT_GROUPS_MAX)
        return false;
    put_raw(&o, "E1", 2);
    put_num(&o, (uint64_t)e->time);
    put_str(&o, e->month);
    put_str(&o, e->sender);
    put_str(&o, e->dept);
    put_num(&o, e->sensitive);
    put_num(&o, e->confidence);
    put_num(&o, e->mode);
    put_num(&o, e->action);
    put_num(&o, e->intended);
    put_num(&o, e->tag);
    put_num(&o, e->reason);
    put_num(&o, e->override);
    put_num(&o, e->override_refused);
    put_num(&o, e->incomplete);
    put_num(&o, e->size);
    put_num(&o, e->scan_us);
    put_str(&o, e->fp);
    put_num(&o, e->nrules);
    for (size_t i = 0; i < e->nrules; i++) {
        put_str(&o, e->rules[i].rule);
        put_str(&o, e->rules[i].category);
    }
    put_num(&o, e->ngroups);
    for (size_t i = 0; i < e->ngroups; i++) {
        const struct event_group *g = &e->groups[i];
        put_num(&o, g->rclass);
        put_str(&o, g->domain);
        put_num(&o, g->action);
        put_num(&o, g->intended);
        put_num(&o, g->channel);
        put_num(&o, g->count);
    }
    if (!o.ok)
        out[0] = '\0';
    return o.ok;
}

/* ---- decoding */

struct in {
    const char *p;
    bool ok;
};

/* field - the next field after one space: its start and length */
static size_t field(struct in *in, const char **start)
{
    if (!in->ok || *in->p != ' ') {
        in->ok = false;
        return 0;
    }
    in->p++;
    *start = in->p;
    while (*in->p != '\0' && *in->p != ' ')
        in->p++;
    size_t n = (size_t)(in->p - *start);
    if (n == 0)
        in->ok = false;
    return n;
}

static uint64_t get_num(struct in *in, uint64_t max)
{
    const char *s;
    size_t n = field(in, &s);
    uint64_t v = 0;
    if (!in->ok || n > 20 || (n > 1 && s[0] == '0')) {
        in->ok = false;
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned d = (unsigned char)s[i] - '0';
        if (d > 9 || v > (UINT64_MAX - d) / 10) {
            in->ok = false;
            return 0;
        }
        v = v * 10 + d;
    }
    if (v > max) {
        in->ok = false;
        return 0;
    }
    return v;
}

static int unhex(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* get_str - a string field into dst[cap]; too long, a NUL or a bad escape refuses */
static void get_str(struct in *in, char *dst, size_t cap)
{
    const char *s;
    size_t n = field(in, &s), len = 0;
    dst[0] = '\0';
    if (!in->ok)
        return;
    if (n == 1 && s[0] == '-')
        return;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '%') {
            int hi = i + 2 < n ? unhex(s[i + 1]) : -1;
            int lo = hi >= 0 ? unhex(s[i + 2]) : -1;
            if (lo < 0 || (hi == 0 && lo == 0)) {
                in->ok = false;
                break;
            }
            c = (unsigned char)(hi << 4 | lo);
            i += 2;
        } else if (!plain(c)) {
            in->ok = false;
            break;
        }
        if (len + 1 >= cap) {
            in->ok = false;
            break;
        }
        dst[len++] = (char)c;
    }
    dst[in->ok ? len : 0] = '\0';
}

static bool is_hash(const char *s)
{
    size_t n = strlen(s);
    if (n == 0)
        return true;
    if (n != EVENT_HASH_LEN)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return true;
}

static bool is_month(const char *s)
{
    return strlen(s) == 7 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
           isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) && s[4] == '-' &&
           ((s[5] == '0' && s[6] >= '1' && s[6] <= '9') ||
            (s[5] == '1' && s[6] >= '0' && s[6] <= '2'));
}

bool event_decode(const char *line, struct event *out)
{
    static struct event zero;
    struct event e = zero;
    struct in in = {line, line != NULL};
    if (!in.ok || strncmp(line, "E1", 2) != 0)
        return false;
    in.p += 2;
    e.time = (int64_t)get_num(&in, INT64_MAX);
    get_str(&in, e.month, sizeof e.month);
    get_str(&in, e.sender, sizeof e.sender);
    get_str(&in, e.dept, sizeof e.dept);
    e.sensitive = get_num(&in, 1);
    e.confidence = (uint8_t)get_num(&in, UINT8_MAX);
    e.mode = (uint8_t)get_num(&in, UINT8_MAX);
    e.action = (uint8_t)get_num(&in, UINT8_MAX);
    e.intended = (uint8_t)get_num(&in, UINT8_MAX);
    e.tag = (uint8_t)get_num(&in, UINT8_MAX);
    e.reason = (uint8_t)get_num(&in, UINT8_MAX);
    e.override = get_num(&in, 1);
    e.override_refused = get_num(&in, 1);
    e.incomplete = get_num(&in, 1);
    e.size = get_num(&in, UINT64_MAX);
    e.scan_us = (uint32_t)get_num(&in, UINT32_MAX);
    get_str(&in, e.fp, sizeof e.fp);
    e.nrules = (size_t)get_num(&in, EVENT_RULES_MAX);
    for (size_t i = 0; in.ok && i < e.nrules; i++) {
        get_str(&in, e.rules[i].rule, sizeof e.rules[i].rule);
        get_str(&in, e.rules[i].category, sizeof e.rules[i].category);
    }
    e.ngroups = (size_t)get_num(&in, EVENT_GROUPS_MAX);
    for (size_t i = 0; in.ok && i < e.ngroups; i++) {
        struct event_group *g = &e.groups[i];
        g->rclass = (uint8_t)get_num(&in, EVENT_CONSUMER);
        get_str(&in, g->domain, sizeof g->domain);
        g->action = (uint8_t)get_num(&in, UINT8_MAX);
        g->intended = (uint8_t)get_num(&in, UINT8_MAX);
        g->channel = (uint8_t)get_num(&in, EVENT_CH_EXTERNAL_PORTAL);
        g->count = (uint32_t)get_num(&in, UINT32_MAX);
    }
    if (!in.ok || *in.p != '\0' || !is_month(e.month) || !is_hash(e.sender) || !is_hash(e.fp))
        return false;
    *out = e;
    return true;
}
