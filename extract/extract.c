/*
 * extract - GMime adapter: MIME tree to UTF-8 text segments. See extract.h.
 *
 * Untrusted input throughout. Protections: the message is counted for
 * multipart and message/rfc822 headers before GMime parses it, so that
 * GMime's recursive parser never meets more nesting than max_parts allows
 * (past that the message is scanned as raw text and a note says why); depth,
 * part count, decoded sizes and total text are checked during the walk; the
 * deadline is checked before each part.
 */
#include "extract.h"

#include <ctype.h>
#include <gmime/gmime.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../attach/doc.h"
#include "../common/buf.h"
#include "guard.h"
#include "tocharset.h"
#include "html.h"

void extract_init(void)
{
    static bool done;
    if (!done) {
        g_mime_init();
        done = true;
    }
}

void extract_limits_default(struct extract_limits *l)
{
    l->max_header_bytes = 256 * 1024;
    l->max_depth = 16;
    l->max_parts = 512;
    l->max_part_bytes = 16 * 1024 * 1024;
    l->max_message_bytes = 64 * 1024 * 1024;
    l->max_text_bytes = 16 * 1024 * 1024;
    l->max_scan_ms = 10000;
    attach_limits_default(&l->attach);
}

enum sl_status extract_limits_set(struct extract_limits *l, const char *name, const char *value,
                                  char *err, size_t errlen)
{
    enum width { U, SZ, U64 };
#define LIM(name, field, w, min, max)                                                              \
    {                                                                                              \
        name, offsetof(struct extract_limits, field), w, min, max                                  \
    }
    static const struct {
        const char *name;
        size_t off;
        enum width w;
        unsigned long long min, max;
    } table[] = {
        LIM("max_header_bytes", max_header_bytes, SZ, 1024, 64ULL << 20),
        LIM("max_depth", max_depth, U, 1, 100),
        LIM("max_parts", max_parts, U, 1, 100000),
        LIM("max_part_bytes", max_part_bytes, SZ, 1024, 1ULL << 32),
        LIM("max_message_bytes", max_message_bytes, SZ, 1024, 1ULL << 34),
        LIM("max_text_bytes", max_text_bytes, SZ, 1024, 1ULL << 32),
        LIM("max_scan_ms", max_scan_ms, U, 1, 3600000),
        LIM("max_attach_bytes", attach.doc.max_expanded_bytes, U64, 1024, 1ULL << 36),
        LIM("max_ratio", attach.doc.max_ratio, U, 2, 1000000),
        LIM("max_members", attach.doc.max_members, U, 1, 1000000),
        LIM("max_archive_depth", attach.doc.max_archive_depth, U, 1, 64),
        LIM("max_pages", attach.doc.max_pages, U, 1, 1000000),
        LIM("max_attach_text_bytes", attach.doc.max_text_bytes, SZ, 1024, 1ULL << 32),
        LIM("max_attach_ms", attach.max_attach_ms, U, 1, 3600000),
        LIM("max_worker_mb", attach.max_worker_mb, U, 0, 1ULL << 20),
        LIM("ocr_max_pages", attach.doc.ocr_pages, U, 0, 10000),
        LIM("ocr_max_ms", attach.doc.ocr_ms, U, 100, 3600000),
        LIM("ocr_max_pixels", attach.doc.ocr_max_pixels, U64, 10000, 1ULL << 32),
    };
#undef LIM
    if (strcmp(name, "ocr_languages") == 0)
        return ocr_languages_set(l->attach.doc.ocr_lang, value, err, errlen);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (strcmp(table[i].name, name) != 0)
            continue;
        char *end;
        unsigned long long v = strtoull(value, &end, 10);
        if (end == value || *end != '\0' || value[0] == '-' || v < table[i].min ||
            v > table[i].max) {
            snprintf(err, errlen, "%s: '%s' is not a number from %llu to %llu", name, value,
                     table[i].min, table[i].max);
            return SL_EINVAL;
        }
        char *field = (char *)l + table[i].off;
        if (table[i].w == SZ)
            *(size_t *)(void *)field = (size_t)v;
        else if (table[i].w == U64)
            *(uint64_t *)(void *)field = (uint64_t)v;
        else
            *(unsigned *)(void *)field = (unsigned)v;
        return SL_OK;
    }
    snprintf(err, errlen, "unknown limit '%s'", name);
    return SL_EINVAL;
}

/* walk state for one message */
struct walk {
    struct extraction *ex;
    const struct extract_limits *lim;
    struct attach_pool *pool; /* NULL: attached documents are not read */
    unsigned parts;
    size_t decoded;
    unsigned docs;
    enum sl_status st;
    bool time_noted;
    struct doc_usage ocr; /* what OCR used in the message so far */
};

static char *own(struct extraction *ex, char *s)
{
    if (s == NULL)
        return NULL;
    if (ex->nowned == ex->cap_owned) {
        size_t ncap = ex->cap_owned ? ex->cap_owned * 2 : 32;
        char **p = realloc(ex->owned, ncap * sizeof *p);
        if (p == NULL) {
            free(s);
            return NULL;
        }
        ex->owned = p;
        ex->cap_owned = ncap;
    }
    ex->owned[ex->nowned++] = s;
    return s;
}

static char *own_printf(struct extraction *ex, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static char *own_printf(struct extraction *ex, const char *fmt, ...)
{
    va_list ap;
    char *s = NULL;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0)
        s = NULL;
    va_end(ap);
    return own(ex, s);
}

/* utf8_name - a file name as valid UTF-8, invalid bytes replaced by U+FFFD:
 * GMime decodes an RFC 2231 name in the charset it declares without
 * checking the bytes (filename*=utf-8''ge%E9.ods), and a name may be cut
 * inside a character. NULL stays NULL; a changed name is owned by ex. */
static const char *utf8_name(struct walk *w, const char *name)
{
    if (name == NULL || g_utf8_validate(name, -1, NULL))
        return name;
    char *valid = g_utf8_make_valid(name, -1);
    char *copy = valid ? own(w->ex, strdup(valid)) : NULL;
    g_free(valid);
    if (copy == NULL)
        w->st = SL_ENOMEM;
    return copy ? copy : "";
}

/* note_mark - record a part not read as it is; incomplete: it escaped
 * scanning (see struct extract_note) */
static void note_mark(struct walk *w, const char *rule, const char *where, bool incomplete)
{
    struct extraction *ex = w->ex;
    for (size_t i = 0; i < ex->nnotes; i++)
        if (strcmp(ex->notes[i].rule, rule) == 0 && strcmp(ex->notes[i].where, where) == 0) {
            ex->notes[i].incomplete = ex->notes[i].incomplete || incomplete;
            return;
        }
    if (ex->nnotes == ex->cap_notes) {
        size_t ncap = ex->cap_notes ? ex->cap_notes * 2 : 8;
        struct extract_note *p = realloc(ex->notes, ncap * sizeof *p);
        if (p == NULL) {
            w->st = SL_ENOMEM;
            return;
        }
        ex->notes = p;
        ex->cap_notes = ncap;
    }
    struct extract_note *n = &ex->notes[ex->nnotes++];
    snprintf(n->rule, sizeof n->rule, "%s", rule);
    snprintf(n->where, sizeof n->where, "%s", where);
    n->incomplete = incomplete;
}

/* note - something escaped scanning: a limit, a part nobody could read */
static void note(struct walk *w, const char *rule, const char *where)
{
    note_mark(w, rule, where, true);
}

/* note_info - recorded, nothing missed: an encrypted part (protected as it
 * is), an image (no text without OCR), a part whose bytes were scanned as
 * raw text because their structure could not be read */
static void note_info(struct walk *w, const char *rule, const char *where)
{
    note_mark(w, rule, where, false);
}

/* add_segment - take ownership of text and add it as a segment, cutting it
 * at the total-text limit; flags: DOC_TEXT_ROWS, DOC_TEXT_RAW (doc.h) */
static void add_segment(struct walk *w, char *text, size_t len, const char *where,
                        enum segment_kind kind, unsigned doc, unsigned flags)
{
    struct extraction *ex = w->ex;
    if (text == NULL) {
        w->st = SL_ENOMEM;
        return;
    }
    if (own(ex, text) == NULL) {
        w->st = SL_ENOMEM;
        return;
    }
    if (len == 0)
        return;
    if (ex->text_bytes + len > w->lim->max_text_bytes) {
        note(w, "unscannable.text-limit", where);
        len = w->lim->max_text_bytes - ex->text_bytes;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
        if (len == 0)
            return;
    }
    if (ex->nsegs == ex->cap_segs) {
        size_t ncap = ex->cap_segs ? ex->cap_segs * 2 : 16;
        struct text_segment *p = realloc(ex->segs, ncap * sizeof *p);
        if (p == NULL) {
            w->st = SL_ENOMEM;
            return;
        }
        ex->segs = p;
        ex->cap_segs = ncap;
    }
    char *wh = own(ex, strdup(where));
    if (wh == NULL) {
        w->st = SL_ENOMEM;
        return;
    }
    ex->segs[ex->nsegs++] = (struct text_segment){
        text, len, wh, kind, doc, (flags & DOC_TEXT_ROWS) != 0, (flags & DOC_TEXT_RAW) != 0};
    ex->text_bytes += len;
}

static void add_string(struct walk *w, const char *s, const char *where, enum segment_kind kind,
                       unsigned doc)
{
    if (s == NULL || *s == '\0')
        return;
    size_t n = 0;
    char *t = charset_to_utf8(s, strlen(s), "utf-8", &n);
    add_segment(w, t, n, where, kind, doc, 0);
}

/* add_names - display names of an address list as one segment */
/* NOLINTNEXTLINE(misc-no-recursion): a level per nested group, which GMime parsed first */
static void add_names(struct walk *w, InternetAddressList *list, const char *where, unsigned doc)
{
    struct buf b = BUF_INIT;
    if (list == NULL)
        return;
    for (int i = 0; i < internet_address_list_length(list); i++) {
        InternetAddress *ia = internet_address_list_get_address(list, i);
        const char *name = internet_address_get_name(ia);
        if (name && *name) {
            if (b.len)
                buf_append_str(&b, "; ");
            buf_append_str(&b, name);
        }
        if (INTERNET_ADDRESS_IS_GROUP(ia))
            add_names(w, internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), where,
                      doc);
    }
    if (b.len)
        add_string(w, b.data, where, SEG_HEADER, doc);
    buf_free(&b);
}

/* add_domains - a line "DIR DOMAIN" per mailbox of list (groups opened),
 * the domain folded to lower case; nothing of the local part or the name */
/* NOLINTNEXTLINE(misc-no-recursion): a level per nested group, which GMime parsed first */
static void add_domains(struct buf *b, const char *dir, InternetAddressList *list)
{
    for (int i = 0; list && i < internet_address_list_length(list); i++) {
        InternetAddress *ia = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(ia)) {
            add_domains(b, dir, internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)));
            continue;
        }
        const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
        const char *at = addr ? strrchr(addr, '@') : NULL;
        /* what GMime's lenient parser leaves of a broken address may hold
         * blanks, quotes or brackets: no domain then */
        if (at == NULL || at[1] == '\0' || strlen(at + 1) > 253 ||
            at[1 + strcspn(at + 1, " \t\r\n\"<>()[],;:\\")] != '\0')
            continue;
        buf_append_str(b, dir);
        buf_append_str(b, " ");
        for (const char *p = at + 1; *p; p++) {
            char c = (char)tolower((unsigned char)*p);
            buf_append(b, &c, 1);
        }
        buf_append_str(b, "\n");
    }
}

/* add_addresses - which way a message goes: the domains of its From, To
 * and Cc as one SEG_ADDRESSES segment ("from example.nl", "to gmail.com");
 * the rules read none of it, the statistical layer only whether a domain
 * is a private mail provider's */
static void add_addresses(struct walk *w, GMimeMessage *m, const char *prefix, unsigned doc)
{
    char where[160];
    struct buf b = BUF_INIT;
    add_domains(&b, "from", g_mime_message_get_from(m));
    add_domains(&b, "to", g_mime_message_get_to(m));
    add_domains(&b, "to", g_mime_message_get_cc(m));
    snprintf(where, sizeof where, "%sheader:addresses", prefix);
    if (b.len)
        add_string(w, b.data, where, SEG_ADDRESSES, doc);
    buf_free(&b);
}

static void add_headers(struct walk *w, GMimeMessage *m, const char *prefix, unsigned doc)
{
    char where[160];
    snprintf(where, sizeof where, "%sheader:subject", prefix);
    add_string(w, g_mime_message_get_subject(m), where, SEG_SUBJECT, doc);
    static const struct {
        const char *name;
        InternetAddressList *(*get)(GMimeMessage *);
    } lists[] = {
        {"from", g_mime_message_get_from},
        {"to", g_mime_message_get_to},
        {"cc", g_mime_message_get_cc},
        {"reply-to", g_mime_message_get_reply_to},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        snprintf(where, sizeof where, "%sheader:%s", prefix, lists[i].name);
        add_names(w, lists[i].get(m), where, doc);
    }
    add_addresses(w, m, prefix, doc);
    static const char *const text_headers[] = {"Comments", "Keywords", "Thread-Topic"};
    for (size_t i = 0; i < sizeof text_headers / sizeof text_headers[0]; i++) {
        const char *v = g_mime_object_get_header(GMIME_OBJECT(m), text_headers[i]);
        if (v == NULL)
            continue;
        char *dec = g_mime_utils_header_decode_text(NULL, v);
        snprintf(where, sizeof where, "%sheader:%s", prefix, text_headers[i]);
        for (char *p = where; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        /* a Thread-Topic the subject already holds is not scanned twice */
        const char *subject = g_mime_message_get_subject(m);
        bool repeated =
            dec && strcmp(text_headers[i], "Thread-Topic") == 0 && subject && strstr(subject, dec);
        if (!repeated)
            add_string(w, dec, where, SEG_HEADER, doc);
        g_free(dec);
    }
}

/* unflow - RFC 3676 format=flowed: join soft-broken lines, undo stuffing */
static char *unflow(const char *s, size_t len, bool delsp, size_t *outlen)
{
    struct buf b = BUF_INIT;
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len;
        size_t lend = end;
        if (lend > i && s[lend - 1] == '\r')
            lend--;
        size_t start = i;
        if (start < lend && s[start] == ' ')
            start++; /* space-stuffed */
        bool sigsep = lend - start == 3 && memcmp(s + start, "-- ", 3) == 0;
        bool soft = lend > start && s[lend - 1] == ' ' && !sigsep;
        size_t keep = soft && delsp ? lend - 1 : lend;
        if (buf_append(&b, s + start, keep - start) != SL_OK ||
            (!soft && buf_append_char(&b, '\n') != SL_OK)) {
            buf_free(&b);
            return NULL;
        }
        i = nl ? end + 1 : len;
    }
    return buf_steal(&b, outlen);
}

/* uudecode_line - decode one uuencoded line into b */
static void uudecode_line(const char *s, size_t len, struct buf *b)
{
    if (len == 0)
        return;
    size_t n = (size_t)((s[0] - ' ') & 0x3F);
    unsigned char out[64];
    size_t o = 0;
    for (size_t i = 1; i + 3 < len + 1 && o < n && o + 3 <= sizeof out; i += 4) {
        unsigned char c[4];
        for (int k = 0; k < 4; k++)
            c[k] = (unsigned char)((i + (size_t)k < len ? s[i + (size_t)k] - ' ' : 0) & 0x3F);
        out[o++] = (unsigned char)(c[0] << 2 | c[1] >> 4);
        out[o++] = (unsigned char)(c[1] << 4 | c[2] >> 2);
        out[o++] = (unsigned char)(c[2] << 6 | c[3]);
    }
    buf_append(b, out, o < n ? o : n);
}

static bool text_like_name(const char *name)
{
    static const char *const ext[] = {".csv",  ".txt", ".ics", ".vcf", ".xml",  ".tsv",
                                      ".json", ".log", ".md",  ".htm", ".html", ".eml"};
    if (name == NULL)
        return false;
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        size_t e = strlen(ext[i]);
        if (n > e && strcasecmp(name + n - e, ext[i]) == 0)
            return true;
    }
    return false;
}

static bool rows_name(const char *name, const char *mime)
{
    if (mime &&
        (strcasecmp(mime, "text/csv") == 0 || strcasecmp(mime, "text/tab-separated-values") == 0))
        return true;
    if (name == NULL)
        return false;
    size_t n = strlen(name);
    return n > 4 &&
           (strcasecmp(name + n - 4, ".csv") == 0 || strcasecmp(name + n - 4, ".tsv") == 0);
}

/* next_line - the line at *pos of s[0..len): [*ls, *le) without CR LF */
static bool next_line(const char *s, size_t len, size_t *pos, size_t *ls, size_t *le)
{
    if (*pos >= len)
        return false;
    const char *nl = memchr(s + *pos, '\n', len - *pos);
    size_t end = nl ? (size_t)(nl - s) : len;
    *ls = *pos;
    *le = end;
    if (*le > *ls && s[*le - 1] == '\r')
        (*le)--;
    *pos = nl ? end + 1 : len;
    return true;
}

static void add_attachment_text(struct walk *w, const char *data, size_t len, const char *charset,
                                const char *where, const char *name, const char *mime, unsigned doc,
                                bool html);
static void read_document(struct walk *w, const char *raw, size_t len, const char *name,
                          const char *mime, const char *where, unsigned doc);

/* split_uuencode - move inline "begin 644 name" ... "end" blocks of a plain
 * body (NUL-terminated text) into parts of their own; returns the text
 * without them (the old text is freed when a block was found) */
static char *split_uuencode(struct walk *w, char *text, size_t *len, const char *prefix,
                            unsigned doc)
{
    struct buf rest = BUF_INIT;
    size_t pos = 0, ls, le;
    bool found = false;

    if (strstr(text, "begin ") == NULL)
        return text;
    while (next_line(text, *len, &pos, &ls, &le)) {
        char name[128];
        size_t before = ls;
        /* the mode is only skipped: %o of untrusted digits could overflow (undefined) */
        if (le - ls > 8 && strncmp(text + ls, "begin ", 6) == 0 &&
            sscanf(text + ls, "begin %*[0-7] %127[^\r\n]", name) == 1) {
            struct buf dec = BUF_INIT;
            size_t ls2, le2;
            while (next_line(text, *len, &pos, &ls2, &le2)) {
                if (le2 - ls2 == 3 && memcmp(text + ls2, "end", 3) == 0)
                    break;
                uudecode_line(text + ls2, le2 - ls2, &dec);
            }
            found = true;
            const char *uname = utf8_name(w, name); /* %127[ may cut a character */
            char where[160];
            snprintf(where, sizeof where, "%sattachment:%s", prefix, uname);
            add_attachment_text(w, dec.data ? dec.data : "", dec.len, NULL, where, uname, NULL, doc,
                                false);
            buf_free(&dec);
            continue;
        }
        if (buf_append(&rest, text + before, pos - before) != SL_OK) {
            buf_free(&rest);
            w->st = SL_ENOMEM;
            return text;
        }
    }
    if (!found) {
        buf_free(&rest);
        return text;
    }
    free(text);
    return buf_steal(&rest, len);
}

/* add_filename - an attachment's file name as a segment of its own: words
 * joined by _ . + become words apart. "a>attachment:x.csv" names its file
 * as "a>filename:x.csv". */
static void add_filename(struct walk *w, const char *where, const char *name, unsigned doc)
{
    char fwhere[200];
    const char *last = where, *p;
    while ((p = strstr(last, "attachment:")) != NULL && strstr(p + 1, "attachment:"))
        last = p + 1;
    p = strstr(last, "attachment:");
    if (p)
        snprintf(fwhere, sizeof fwhere, "%.*sfilename:%s", (int)(p - where), where, p + 11);
    else
        snprintf(fwhere, sizeof fwhere, "filename:%s", name);
    char *fn = strdup(name);
    if (fn) {
        for (char *q = fn; *q; q++)
            if (*q == '_' || *q == '.' || *q == '+')
                *q = ' ';
    }
    add_segment(w, fn, fn ? strlen(fn) : 0, fwhere, SEG_FILENAME, doc, 0);
}

/* add_attachment_text - a text-like attachment (or uudecoded file): its file
 * name as a segment, and its text, or a note when it is not text-like */
static void add_attachment_text(struct walk *w, const char *data, size_t len, const char *charset,
                                const char *where, const char *name, const char *mime, unsigned doc,
                                bool html)
{
    if (name && *name)
        add_filename(w, where, name, doc);
    if (!text_like_name(name) && !(mime && strncasecmp(mime, "text/", 5) == 0) && !html) {
        if (w->pool)
            read_document(w, data, len, name, mime, where, doc);
        else
            note(w, "unscannable.not-scanned", where);
        return;
    }
    size_t n;
    char *t = charset_to_utf8(data, len, charset, &n);
    if (t && (html || (name && (strcasestr(name, ".htm") != NULL)))) {
        struct buf b = BUF_INIT;
        if (html_to_text(t, n, &b) != SL_OK) {
            free(t);
            buf_free(&b);
            w->st = SL_ENOMEM;
            return;
        }
        free(t);
        t = buf_steal(&b, &n);
    }
    add_segment(w, t, n, where, SEG_ATTACHMENT, doc, rows_name(name, mime) ? DOC_TEXT_ROWS : 0);
}

static bool past_deadline(struct walk *w)
{
    if (w->ex->deadline_ns && detect_now_ns() > w->ex->deadline_ns) {
        if (!w->time_noted)
            note(w, "unscannable.time-limit", "message");
        w->time_noted = true;
        return true;
    }
    return false;
}

/* decode_part - the decoded content of a leaf part (caller frees), cut at
 * the per-part and per-message limits */
static char *decode_part(struct walk *w, GMimePart *part, const char *where, size_t *len)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (content == NULL) {
        *len = 0;
        return strdup("");
    }
    GMimeStream *mem = g_mime_stream_mem_new();
    g_mime_data_wrapper_write_to_stream(content, mem);
    GByteArray *arr = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
    size_t n = arr ? arr->len : 0;
    if (n > w->lim->max_part_bytes) {
        note(w, "unscannable.part-size-limit", where);
        n = w->lim->max_part_bytes;
    }
    if (w->decoded + n > w->lim->max_message_bytes) {
        note(w, "unscannable.message-size-limit", where);
        n = w->lim->max_message_bytes > w->decoded ? w->lim->max_message_bytes - w->decoded : 0;
    }
    w->decoded += n;
    char *out = malloc(n + 1);
    if (out) {
        if (n)
            /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): n is 0 when arr is NULL */
            memcpy(out, arr->data, n);
        out[n] = '\0';
    }
    g_object_unref(mem);
    *len = n;
    return out;
}

static void walk(struct walk *w, GMimeObject *obj, unsigned depth, unsigned doc,
                 const char *prefix);

/* NOLINTNEXTLINE(misc-no-recursion): walk() stops past max_depth, and every cycle adds 1 */
static void walk_message(struct walk *w, GMimeMessage *m, unsigned depth, unsigned doc,
                         const char *prefix)
{
    add_headers(w, m, prefix, doc);
    GMimeObject *body = g_mime_message_get_mime_part(m);
    if (body)
        walk(w, body, depth + 1, doc, prefix);
}

/* the most colons one address header may hold: RFC 5322 groups do not
 * nest, but GMime's address parser recurses once per "name:" it meets, and
 * some tens of thousands of them in a 100 KB header exhaust a thread's stack */
#define MAX_ADDRESS_COLONS 256

static bool name_is(const char *name, const char *ext)
{
    size_t n = name ? strlen(name) : 0, e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

static bool is_image(const char *mime)
{
    return strncasecmp(mime, "image/", 6) == 0;
}

/* raw_scan - scan bytes as plain text when their MIME structure cannot be
 * trusted; where names them. What is past max_part_bytes is not read. */
static void raw_scan(struct walk *w, const char *data, size_t len, const char *where, unsigned doc)
{
    size_t n = len;
    if (n > w->lim->max_part_bytes) {
        note(w, "unscannable.part-size-limit", where);
        n = w->lim->max_part_bytes;
    }
    size_t outn = 0;
    char *t = charset_to_utf8(data, n, NULL, &outn);
    add_segment(w, t, outn, where, SEG_BODY, doc, DOC_TEXT_RAW);
}

/* nested_is_message - does a nested message that GMime built look like one?
 * Text that merely starts with "Word: value" lines parses as a header
 * section whose values nobody reads; a forwarded message has From or Date */
static bool nested_is_message(GMimeMessage *m)
{
    if (m == NULL)
        return false;
    GMimeObject *mo = GMIME_OBJECT(m);
    return g_mime_object_get_header(mo, "From") || g_mime_object_get_header(mo, "Date");
}

/* raw_nested - a nested message that is no message (see nested_is_message):
 * recorded as malformed, its bytes raw[0..len) scanned as text; np is its
 * prefix ("attachment:fw.eml>") */
static void raw_nested(struct walk *w, const char *raw, size_t len, unsigned ndoc, const char *np)
{
    size_t n = strlen(np);
    char *at = own_printf(w->ex, "%.*s", (int)(n && np[n - 1] == '>' ? n - 1 : n), np);
    char *rw = at ? own_printf(w->ex, "%s (raw)", at) : NULL;
    if (rw == NULL) {
        w->st = SL_ENOMEM;
        return;
    }
    note_info(w, "unscannable.malformed", at);
    raw_scan(w, raw, len, rw, ndoc);
}

/* walk_eml - a message attached as a file (.eml), read as the message it is */
/* NOLINTNEXTLINE(misc-no-recursion): walk() stops past max_depth, and every cycle adds 1 */
static void walk_eml(struct walk *w, const char *raw, size_t len, const char *where, unsigned depth)
{
    if (guard_nesting(raw, len) > w->lim->max_parts) {
        note(w, "unscannable.parts-limit", where);
        return;
    }
    if (guard_address_colons(raw, len) > MAX_ADDRESS_COLONS) {
        note(w, "unscannable.header-limit", where);
        return;
    }
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(raw, len);
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage *m = g_mime_parser_construct_message(parser, NULL);
    g_object_unref(parser);
    g_object_unref(stream);
    unsigned ndoc = ++w->docs;
    char *np = own_printf(w->ex, "%s>", where);
    if (np == NULL)
        w->st = SL_ENOMEM;
    else if (nested_is_message(m))
        walk_message(w, m, depth, ndoc, np);
    else
        raw_nested(w, raw, len, ndoc, np);
    if (m)
        g_object_unref(m);
}

/* an attached document's text and notes, from its worker, into the walk */
struct doc_into_walk {
    struct doc_sink sink;
    struct walk *w;
    const char *where; /* the attachment */
    unsigned doc;
};

static void doc_where_join(char *out, size_t outlen, const char *where, const char *rel)
{
    snprintf(out, outlen, "%s%s%s", where, rel[0] && rel[0] != '>' ? " " : "", rel);
}

static enum sl_status diw_text(struct doc_sink *s, const char *rel, const char *text, size_t len,
                               unsigned flags)
{
    struct doc_into_walk *d = s->ctx;
    char where[600];
    doc_where_join(where, sizeof where, d->where, rel);
    char *t = malloc(len + 1);
    if (t) {
        memcpy(t, text, len);
        t[len] = '\0';
    }
    add_segment(d->w, t, len, where, SEG_ATTACHMENT, d->doc,
                flags & (DOC_TEXT_ROWS | DOC_TEXT_RAW));
    return d->w->st;
}

static enum sl_status diw_note(struct doc_sink *s, const char *rule, const char *rel,
                               bool incomplete)
{
    struct doc_into_walk *d = s->ctx;
    char where[600];
    doc_where_join(where, sizeof where, d->where, rel);
    note_mark(d->w, rule, where, incomplete);
    return d->w->st;
}

/* read_document - PDF, Office, zip and the like, read by a worker */
static void read_document(struct walk *w, const char *raw, size_t len, const char *name,
                          const char *mime, const char *where, unsigned doc)
{
    struct doc_into_walk d = {{diw_text, diw_note, NULL}, w, where, doc};
    d.sink.ctx = &d;
    /* OCR may take what is left of the message's budget, on top of the
     * scan's own time; what a worker says it used moves the scan's deadline
     * by no more than that, whatever it says */
    struct attach_limits lim = w->lim->attach;
    struct doc_usage used;
    lim.doc.ocr_before = w->ocr;
    unsigned left =
        lim.doc.ocr_pages && w->ocr.ocr_ms < lim.doc.ocr_ms ? lim.doc.ocr_ms - w->ocr.ocr_ms : 0;
    uint64_t deadline = w->ex->deadline_ns;
    if (deadline)
        deadline += (uint64_t)left * 1000000ULL;
    enum sl_status st =
        attach_pool_extract(w->pool, raw, len, name, mime, &lim, deadline, &d.sink, &used);
    unsigned took = used.ocr_ms < left ? used.ocr_ms : left;
    w->ocr.ocr_pages += used.ocr_pages;
    w->ocr.ocr_seen += used.ocr_seen;
    w->ocr.ocr_ms += took;
    if (w->ex->deadline_ns)
        w->ex->deadline_ns += (uint64_t)took * 1000000ULL;
    if (st != SL_OK && w->st == SL_OK)
        w->st = st;
}

/* NOLINTNEXTLINE(misc-no-recursion): walk() stops past max_depth, and every cycle adds 1 */
static void walk_leaf(struct walk *w, GMimePart *part, unsigned depth, unsigned doc,
                      const char *prefix)
{
    GMimeObject *obj = GMIME_OBJECT(part);
    GMimeContentType *ct = g_mime_object_get_content_type(obj);
    char *mime = ct ? g_mime_content_type_get_mime_type(ct) : g_strdup("text/plain");
    const char *name = utf8_name(w, g_mime_part_get_filename(part));
    GMimeContentDisposition *cd = g_mime_object_get_content_disposition(obj);
    bool attachment = (name && *name) || (cd && g_mime_content_disposition_is_attachment(cd));
    const char *charset = g_mime_object_get_content_type_parameter(obj, "charset");
    bool is_html = strcasecmp(mime, "text/html") == 0;
    bool is_plain = strcasecmp(mime, "text/plain") == 0;
    char where[200];

    if (strcasecmp(mime, "application/pgp-signature") == 0 ||
        strcasecmp(mime, "application/pkcs7-signature") == 0 ||
        strcasecmp(mime, "application/x-pkcs7-signature") == 0) {
        g_free(mime);
        return; /* a signature carries no text a person reads */
    }
    if (GMIME_IS_APPLICATION_PKCS7_MIME(part) ||
        strcasecmp(mime, "application/pgp-encrypted") == 0) {
        snprintf(where, sizeof where, "%sbody:%s", prefix, mime);
        note_info(w, "unscannable.encrypted", where);
        g_free(mime);
        return;
    }
    if (attachment)
        snprintf(where, sizeof where, "%sattachment:%s", prefix, name && *name ? name : mime);
    else
        snprintf(where, sizeof where, "%sbody:%s", prefix, mime);

    bool text_like =
        strncasecmp(mime, "text/", 5) == 0 || text_like_name(name) ||
        strcasecmp(mime, "application/xml") == 0 || strcasecmp(mime, "application/json") == 0 ||
        strcasecmp(mime, "application/ics") == 0 || strcasecmp(mime, "application/csv") == 0;
    /* a message/partial is a fragment of a message (RFC 2046 5.2.2): read as
     * one, as far as it goes (the first holds the headers; a later one is
     * read as its raw bytes) */
    bool fragment = strcasecmp(mime, "message/partial") == 0;
    bool ocr = w->lim->attach.doc.ocr_pages > 0;
    if (name_is(name, ".eml") || fragment || (!text_like && w->pool && (ocr || !is_image(mime))) ||
        strcasecmp(mime, "text/rtf") == 0) {
        if (name && *name)
            add_filename(w, where, name, doc);
        size_t len;
        char *raw = decode_part(w, part, where, &len);
        if (raw == NULL)
            w->st = SL_ENOMEM;
        else if (name_is(name, ".eml") || fragment)
            walk_eml(w, raw, len, where, depth);
        else if (w->pool)
            read_document(w, raw, len, name, mime, where, doc);
        else
            note(w, "unscannable.not-scanned", where);
        free(raw);
        g_free(mime);
        return;
    }
    if (!text_like) {
        char nwhere[240];
        snprintf(nwhere, sizeof nwhere, "%s (%s)", where, mime);
        if (name && *name)
            add_filename(w, where, name, doc);
        if (is_image(mime))
            note_info(w, "unscannable.image", nwhere);
        else
            note(w, "unscannable.not-scanned", nwhere); /* no worker to read it */
        g_free(mime);
        return;
    }
    size_t len;
    char *raw = decode_part(w, part, where, &len);
    if (raw == NULL) {
        w->st = SL_ENOMEM;
        g_free(mime);
        return;
    }
    if (attachment) {
        add_attachment_text(w, raw, len, charset, where, name, mime, doc, is_html);
        free(raw);
        g_free(mime);
        return;
    }
    size_t n;
    char *t = charset_to_utf8(raw, len, charset, &n);
    free(raw);
    if (t && is_html) {
        struct buf b = BUF_INIT;
        if (html_to_text(t, n, &b) != SL_OK)
            w->st = SL_ENOMEM;
        free(t);
        t = buf_steal(&b, &n);
    } else if (t && is_plain) {
        const char *format = g_mime_object_get_content_type_parameter(obj, "format");
        const char *delsp = g_mime_object_get_content_type_parameter(obj, "delsp");
        if (format && strcasecmp(format, "flowed") == 0) {
            size_t fn;
            char *f = unflow(t, n, delsp && strcasecmp(delsp, "yes") == 0, &fn);
            if (f) {
                free(t);
                t = f;
                n = fn;
            }
        }
        if (t)
            t = split_uuencode(w, t, &n, prefix, doc);
    }
    add_segment(w, t, n, where, SEG_BODY, doc, 0);
    g_free(mime);
}

/* NOLINTNEXTLINE(misc-no-recursion): walk() stops past max_depth, and every cycle adds 1 */
static void walk(struct walk *w, GMimeObject *obj, unsigned depth, unsigned doc, const char *prefix)
{
    if (w->st != SL_OK || past_deadline(w))
        return;
    if (depth > w->lim->max_depth) {
        char where[200];
        snprintf(where, sizeof where, "%spart at depth %u", prefix, depth);
        note(w, "unscannable.depth-limit", where);
        return;
    }
    if (++w->parts > w->lim->max_parts) {
        note(w, "unscannable.parts-limit", prefix[0] ? prefix : "message");
        return;
    }
    if (GMIME_IS_MULTIPART_ENCRYPTED(obj)) {
        char where[200];
        snprintf(where, sizeof where, "%sbody:multipart/encrypted", prefix);
        note_info(w, "unscannable.encrypted", where);
        return;
    }
    if (GMIME_IS_MULTIPART(obj)) {
        GMimeMultipart *mp = GMIME_MULTIPART(obj);
        int n = g_mime_multipart_get_count(mp);
        for (int i = 0; i < n && w->st == SL_OK; i++)
            walk(w, g_mime_multipart_get_part(mp, i), depth + 1, doc, prefix);
        return;
    }
    if (GMIME_IS_MESSAGE_PART(obj)) {
        GMimeMessage *m = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
        const char *name =
            utf8_name(w, g_mime_object_get_content_disposition_parameter(obj, "filename"));
        unsigned ndoc = ++w->docs;
        char *np =
            own_printf(w->ex, "%sattachment:%s>", prefix, name && *name ? name : "message/rfc822");
        if (np == NULL) {
            w->st = SL_ENOMEM;
            return;
        }
        if (nested_is_message(m)) {
            walk_message(w, m, depth, ndoc, np);
            return;
        }
        /* the part's content as GMime holds it, as text */
        GMimeStream *mem = g_mime_stream_mem_new();
        if (m)
            g_mime_object_write_to_stream(GMIME_OBJECT(m), NULL, mem);
        GByteArray *arr = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
        raw_nested(w, arr && arr->data ? (const char *)arr->data : "", arr ? arr->len : 0, ndoc,
                   np);
        g_object_unref(mem);
        return;
    }
    if (GMIME_IS_PART(obj))
        walk_leaf(w, GMIME_PART(obj), depth, doc, prefix);
}

static size_t header_bytes(const char *data, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++) {
        if (data[i] != '\n')
            continue;
        if (data[i + 1] == '\n')
            return i + 1;
        if (data[i + 1] == '\r' && i + 2 < len && data[i + 2] == '\n')
            return i + 1;
    }
    return len;
}

enum sl_status extract_message(const char *data, size_t len, const struct extract_limits *lim,
                               struct attach_pool *pool, struct extraction *out)
{
    struct walk w = {out, lim, pool, 0, 0, 0, SL_OK, false, {0, 0, 0}};

    if (lim->max_scan_ms && out->deadline_ns == 0)
        out->deadline_ns = detect_now_ns() + (uint64_t)lim->max_scan_ms * 1000000ULL;
    if (header_bytes(data, len) > lim->max_header_bytes)
        note(&w, "unscannable.header-limit", "header");
    if (guard_nesting(data, len) > lim->max_parts) {
        note(&w, "unscannable.parts-limit", "message");
        raw_scan(&w, data, len, "raw", 0);
        return w.st;
    }
    if (guard_address_colons(data, len) > MAX_ADDRESS_COLONS) {
        /* not handed to GMime: its address parser would overflow the stack */
        note(&w, "unscannable.header-limit", "header");
        raw_scan(&w, data, len, "raw", 0);
        return w.st;
    }
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(data, len);
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage *m = g_mime_parser_construct_message(parser, NULL);
    g_object_unref(parser);
    g_object_unref(stream);
    if (m == NULL) {
        note_info(&w, "unscannable.malformed", "message");
        raw_scan(&w, data, len, "raw", 0);
        return w.st;
    }
    out->parsed = true;
    GMimeObject *mo = GMIME_OBJECT(m);
    out->newsletter = g_mime_object_get_header(mo, "List-Unsubscribe") != NULL ||
                      g_mime_object_get_header(mo, "List-Id") != NULL;
    walk_message(&w, m, 0, 0, "");
    g_object_unref(m);
    return w.st;
}

void extract_free(struct extraction *ex)
{
    for (size_t i = 0; i < ex->nowned; i++)
        free(ex->owned[i]);
    free(ex->owned);
    free(ex->segs);
    free(ex->notes);
    memset(ex, 0, sizeof *ex);
}
