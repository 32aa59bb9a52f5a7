/*
 * view - a stored message as the portal shows it. See view.h.
 *
 * GMime adapter for the portal: no GMime type leaves this file. The input
 * is untrusted (the store keeps what the sender's client wrote). Before
 * GMime parses anything, the raw bytes are counted for multipart and
 * message types and for colons in address headers, the two things that
 * make GMime's parser recurse; past the limits the message is shown as
 * raw text. The walk is recursive but bounded by VIEW_MAX_DEPTH and
 * VIEW_MAX_PARTS. Text and HTML are each bounded by VIEW_MAX_TEXT.
 * All memory of a view hangs off struct view_message and is released by
 * view_free() alone.
 */
#include "view.h"

#include <ctype.h>
#include <gmime/gmime.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/buf.h"
#include "../extract/guard.h"
#include "../extract/tocharset.h"
#include "../extract/html.h"
#include "mime.h"
#include "safehtml.h"

void view_init(void)
{
    static bool done;
    if (!done) {
        g_mime_init();
        safehtml_init();
        done = true;
    }
}

/* one piece of the body, in order: text, HTML, or both (an alternative) */
struct unit {
    char *text; /* UTF-8, LF line ends */
    size_t text_len;
    char *html; /* safe HTML, or NULL */
    size_t html_len;
};

struct vwalk {
    struct view_message *v;
    const char *image_text;
    struct unit *units;
    size_t nunits, cap_units;
    size_t cap_att;
    size_t html_used; /* safe HTML made so far */
    unsigned parts;
    enum sl_status st;
};

/* --- text ------------------------------------------------------------ */

/* text_tidy - text to show, in place: CR LF and lone CR become LF; NUL and
 * other controls but tab, LF and form feed become spaces */
static void text_tidy(char *s, size_t *len)
{
    size_t o = 0;
    for (size_t i = 0; i < *len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\r') {
            s[o++] = '\n';
            if (i + 1 < *len && s[i + 1] == '\n')
                i++;
        } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f') || c == 0x7F) {
            s[o++] = ' ';
        } else {
            s[o++] = (char)c;
        }
    }
    s[o] = '\0';
    *len = o;
}

/* line_dup - a header value for one line: valid UTF-8, controls as
 * spaces, trimmed; "" for NULL. NULL only when out of memory. */
static char *line_dup(const char *s)
{
    if (s == NULL)
        s = "";
    char *valid = g_utf8_make_valid(s, -1);
    if (valid == NULL)
        return NULL;
    size_t n = strlen(valid);
    char *out = malloc(n + 1);
    if (out) {
        size_t o = 0;
        for (size_t i = 0; i < n; i++) {
            out[o] = valid[i];
            if ((unsigned char)out[o] < 0x20 || out[o] == 0x7F)
                out[o] = ' ';
            o++;
        }
        while (o > 0 && out[o - 1] == ' ')
            o--;
        size_t start = 0;
        while (start < o && out[start] == ' ')
            start++;
        memmove(out, out + start, o - start);
        out[o - start] = '\0';
    }
    g_free(valid);
    return out;
}

/* unflow - RFC 3676 format=flowed, in a new string: a line ending in a
 * space goes on with the next line of the same quote depth; space-stuffing
 * is undone; "-- " (the signature line) is never soft */
static char *unflow(const char *s, size_t len, bool delsp, size_t *outlen)
{
    struct buf b = BUF_INIT;
    enum sl_status st = SL_OK;
    size_t i = 0;
    int open_depth = -1; /* quote depth of the paragraph being joined, -1: none */
    while (i < len && st == SL_OK) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len;
        size_t p = i;
        int depth = 0;
        while (p < end && s[p] == '>') {
            depth++;
            p++;
        }
        if (p < end && s[p] == ' ')
            p++; /* space-stuffed, or the space after the quote marks */
        bool sigsep = end - p == 3 && memcmp(s + p, "-- ", 3) == 0;
        bool soft = end > p && s[end - 1] == ' ' && !sigsep;
        if (open_depth >= 0 && open_depth != depth)
            st = buf_append_char(&b, '\n'); /* a soft line without its continuation */
        if (st == SL_OK && open_depth != depth) {
            for (int k = 0; k < depth && st == SL_OK; k++)
                st = buf_append_char(&b, '>');
            if (st == SL_OK && depth > 0)
                st = buf_append_char(&b, ' ');
        }
        size_t keep = soft && delsp ? end - 1 : end;
        if (st == SL_OK)
            st = buf_append(&b, s + p, keep - p);
        if (st == SL_OK && !soft)
            st = buf_append_char(&b, '\n');
        open_depth = soft ? depth : -1;
        i = nl ? end + 1 : len;
    }
    if (st != SL_OK) {
        buf_free(&b);
        return NULL;
    }
    if (b.data == NULL && buf_append(&b, "", 0) != SL_OK)
        return NULL;
    return buf_steal(&b, outlen);
}

/* --- the raw bytes, before GMime --------------------------------------- */

/* --- attachments ------------------------------------------------------ */

static const struct {
    const char *type, *ext;
} extensions[] = {
    {"application/pdf", ".pdf"},
    {"image/png", ".png"},
    {"image/jpeg", ".jpg"},
    {"image/jpg", ".jpg"},
    {"image/gif", ".gif"},
    {"image/webp", ".webp"},
    {"image/bmp", ".bmp"},
    {"image/tiff", ".tif"},
    {"text/plain", ".txt"},
    {"text/html", ".html"},
    {"text/csv", ".csv"},
    {"text/calendar", ".ics"},
    {"text/vcard", ".vcf"},
    {"text/x-vcard", ".vcf"},
    {"message/rfc822", ".eml"},
    {"application/zip", ".zip"},
    {"application/msword", ".doc"},
    {"application/rtf", ".rtf"},
    {"text/rtf", ".rtf"},
    {"application/vnd.ms-excel", ".xls"},
    {"application/vnd.ms-powerpoint", ".ppt"},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"},
    {"application/vnd.oasis.opendocument.text", ".odt"},
    {"application/vnd.oasis.opendocument.spreadsheet", ".ods"},
    {"application/vnd.oasis.opendocument.presentation", ".odp"},
    {"application/pkcs7-mime", ".p7m"},
    {"application/x-pkcs7-mime", ".p7m"},
    {"application/pgp-encrypted", ".asc"},
    {"application/octet-stream", ".bin"},
};

static const char *type_extension(const char *type)
{
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++)
        if (strcmp(extensions[i].type, type) == 0)
            return extensions[i].ext;
    return "";
}

/* part_type - a part's type, lower case "type/subtype" of token
 * characters (malloc'd); application/octet-stream when absent or odd */
static char *part_type(GMimeObject *obj)
{
    GMimeContentType *ct = g_mime_object_get_content_type(obj);
    char *t = ct ? g_mime_content_type_get_mime_type(ct) : NULL;
    char *out = NULL;
    if (t && strlen(t) < 128) {
        bool ok = true;
        size_t slash = 0;
        for (char *p = t; *p; p++) {
            *p = (char)tolower((unsigned char)*p);
            if (*p == '/')
                slash++;
            else if (!isalnum((unsigned char)*p) && !strchr("!#$%&'*+-.^_`|~", *p))
                ok = false;
        }
        if (ok && slash == 1 && t[0] != '/' && t[strlen(t) - 1] != '/')
            out = strdup(t);
    }
    g_free(t);
    return out ? out : strdup("application/octet-stream");
}

static bool type_is(const char *type, const char *want)
{
    return strcmp(type, want) == 0;
}

/* add_attachment - takes ownership of type and data (freed on failure);
 * name (borrowed, raw, may be NULL) is cleaned or made up */
static void add_attachment(struct vwalk *w, const char *name, char *type, unsigned char *data,
                           size_t len, bool inline_part, bool message)
{
    struct view_message *v = w->v;
    char clean[VIEW_NAME_MAX + 1];
    if (type == NULL || data == NULL || w->st != SL_OK) {
        free(type);
        free(data);
        if (w->st == SL_OK)
            w->st = SL_ENOMEM;
        return;
    }
    if (!view_clean_name(name ? name : "", clean, sizeof clean))
        snprintf(clean, sizeof clean, "bijlage-%zu%s", v->nattachments + 1,
                 message ? ".eml" : type_extension(type));
    else if (message) {
        size_t n = strlen(clean);
        if (n < 4 || strcasecmp(clean + n - 4, ".eml") != 0) {
            if (n > VIEW_NAME_MAX - 4) {
                n = VIEW_NAME_MAX - 4;
                while (n > 0 && ((unsigned char)clean[n] & 0xC0) == 0x80)
                    n--;
            }
            snprintf(clean + n, sizeof clean - n, ".eml");
        }
    }
    if (v->nattachments == w->cap_att) {
        size_t ncap = w->cap_att ? w->cap_att * 2 : 8;
        struct view_attachment *p = realloc(v->attachments, ncap * sizeof *p);
        if (p == NULL) {
            free(type);
            free(data);
            w->st = SL_ENOMEM;
            return;
        }
        v->attachments = p;
        w->cap_att = ncap;
    }
    char *nm = strdup(clean);
    if (nm == NULL) {
        free(type);
        free(data);
        w->st = SL_ENOMEM;
        return;
    }
    struct view_attachment *a = &v->attachments[v->nattachments++];
    a->name = nm;
    a->type = type;
    a->data = data;
    a->len = len;
    a->inline_part = inline_part;
    a->message = message;
}

/* decode_part - a leaf part's decoded bytes (malloc'd, NUL after them) */
static unsigned char *decode_part(GMimePart *part, size_t *len)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    GMimeStream *mem = g_mime_stream_mem_new();
    if (content)
        g_mime_data_wrapper_write_to_stream(content, mem);
    GByteArray *arr = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
    size_t n = arr ? arr->len : 0;
    unsigned char *out = malloc(n + 1);
    if (out) {
        if (n)
            memcpy(out, arr->data, n);
        out[n] = '\0';
        *len = n;
    }
    g_object_unref(mem);
    return out;
}

/* --- the body --------------------------------------------------------- */

/* add_unit - takes ownership of text and html (either may be NULL) */
static void add_unit(struct vwalk *w, char *text, size_t text_len, char *html, size_t html_len)
{
    if (w->st != SL_OK) {
        free(text);
        free(html);
        return;
    }
    if (w->nunits == w->cap_units) {
        size_t ncap = w->cap_units ? w->cap_units * 2 : 4;
        struct unit *p = realloc(w->units, ncap * sizeof *p);
        if (p == NULL) {
            free(text);
            free(html);
            w->st = SL_ENOMEM;
            return;
        }
        w->units = p;
        w->cap_units = ncap;
    }
    w->units[w->nunits++] = (struct unit){text, text_len, html, html_len};
}

/* part_text - a text/plain part as the text to show (malloc'd) */
static char *part_text(GMimePart *part, size_t *len)
{
    GMimeObject *obj = GMIME_OBJECT(part);
    size_t raw_len = 0, n = 0;
    unsigned char *raw = decode_part(part, &raw_len);
    if (raw == NULL)
        return NULL;
    char *t = charset_to_utf8((const char *)raw, raw_len,
                              g_mime_object_get_content_type_parameter(obj, "charset"), &n);
    free(raw);
    if (t == NULL)
        return NULL;
    text_tidy(t, &n);
    const char *format = g_mime_object_get_content_type_parameter(obj, "format");
    if (format && strcasecmp(format, "flowed") == 0) {
        const char *delsp = g_mime_object_get_content_type_parameter(obj, "delsp");
        size_t fn = 0;
        char *f = unflow(t, n, delsp && strcasecmp(delsp, "yes") == 0, &fn);
        free(t);
        t = f;
        n = fn;
    }
    *len = n;
    return t;
}

/* part_html - a text/html part as safe HTML and as text (both malloc'd);
 * the HTML is NULL when nothing of it fits any more */
static void part_html(struct vwalk *w, GMimePart *part, char **text, size_t *text_len, char **html,
                      size_t *html_len)
{
    GMimeObject *obj = GMIME_OBJECT(part);
    size_t raw_len = 0, n = 0;
    *text = *html = NULL;
    *text_len = *html_len = 0;
    unsigned char *raw = decode_part(part, &raw_len);
    char *u = raw ? charset_to_utf8((const char *)raw, raw_len,
                                    g_mime_object_get_content_type_parameter(obj, "charset"), &n)
                  : NULL;
    free(raw);
    if (u == NULL) {
        w->st = SL_ENOMEM;
        return;
    }
    struct buf t = BUF_INIT, h = BUF_INIT;
    enum sl_status st = html_to_text(u, n, &t);
    if (st == SL_OK && t.data == NULL)
        st = buf_append(&t, "", 0);
    /* safehtml's limit leaves out the closing tags it adds when it cuts:
     * SAFEHTML_MAX_DEPTH of at most 13 bytes ("</blockquote>") */
    size_t margin = SAFEHTML_MAX_DEPTH * 16;
    if (st == SL_OK && w->html_used + margin < VIEW_MAX_TEXT) {
        struct safehtml_options opt = {VIEW_MAX_TEXT - w->html_used - margin, w->image_text};
        enum sl_status hs = safehtml_clean(u, n, &opt, &h);
        if (hs == SL_ELIMIT || hs == SL_EINVAL)
            w->v->notes |= VIEW_NOTE_CUT;
        else if (hs != SL_OK)
            st = hs;
        if (st == SL_OK && h.data == NULL)
            st = buf_append(&h, "", 0);
    } else if (st == SL_OK) {
        w->v->notes |= VIEW_NOTE_CUT;
    }
    free(u);
    if (st != SL_OK) {
        buf_free(&t);
        buf_free(&h);
        w->st = st;
        return;
    }
    *text = buf_steal(&t, text_len);
    text_tidy(*text, text_len);
    if (h.data) {
        w->html_used += h.len;
        *html = buf_steal(&h, html_len);
    }
}

static bool is_attachment(GMimeObject *obj)
{
    GMimeContentDisposition *cd = g_mime_object_get_content_disposition(obj);
    const char *name = GMIME_IS_PART(obj) ? g_mime_part_get_filename(GMIME_PART(obj)) : NULL;
    return (name && *name) || (cd && g_mime_content_disposition_is_attachment(cd));
}

/* body_kind - 'p' for a text/plain body part, 'h' for text/html, 0 else */
static char body_kind(GMimeObject *obj)
{
    if (!GMIME_IS_PART(obj) || is_attachment(obj))
        return 0;
    GMimeContentType *ct = g_mime_object_get_content_type(obj);
    if (ct == NULL || g_mime_content_type_is_type(ct, "text", "plain"))
        return 'p';
    if (g_mime_content_type_is_type(ct, "text", "html"))
        return 'h';
    return 0;
}

static bool is_signature(const char *type)
{
    return type_is(type, "application/pgp-signature") ||
           type_is(type, "application/pkcs7-signature") ||
           type_is(type, "application/x-pkcs7-signature");
}

static void walk(struct vwalk *w, GMimeObject *obj, unsigned depth, bool body, bool in_related);

/* walk_message_part - a nested message: one .eml attachment */
static void walk_message_part(struct vwalk *w, GMimeObject *obj)
{
    GMimeMessage *m = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
    GMimeStream *mem = g_mime_stream_mem_new();
    if (m)
        g_mime_object_write_to_stream(GMIME_OBJECT(m), NULL, mem);
    GByteArray *arr = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
    size_t len = arr ? arr->len : 0;
    unsigned char *data = malloc(len + 1);
    if (data) {
        if (len)
            memcpy(data, arr->data, len);
        data[len] = '\0';
    }
    g_object_unref(mem);
    const char *name = g_mime_object_get_content_disposition_parameter(obj, "filename");
    if (name == NULL || *name == '\0')
        name = g_mime_object_get_content_type_parameter(obj, "name");
    char subject[80] = "";
    if ((name == NULL || *name == '\0') && m && g_mime_message_get_subject(m)) {
        /* the nested subject names the file, as mail clients do */
        const char *s = g_mime_message_get_subject(m);
        size_t k = strlen(s) < 60 ? strlen(s) : 60;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        snprintf(subject, sizeof subject, "%.*s", (int)k, s);
        name = subject;
    }
    add_attachment(w, name, strdup("message/rfc822"), data, len, false, true);
}

/* walk_leaf - a part with content: body text, body HTML or an attachment */
static void walk_leaf(struct vwalk *w, GMimePart *part, bool body, bool in_related)
{
    GMimeObject *obj = GMIME_OBJECT(part);
    char *type = part_type(obj);
    if (type == NULL) {
        w->st = SL_ENOMEM;
        return;
    }
    char kind = body_kind(obj);
    if (is_signature(type) || type_is(type, "application/pgp-encrypted")) {
        free(type); /* a signature, or PGP/MIME's version part: nothing to read */
        return;
    }
    if (kind && !body) {
        free(type); /* an alternative of a body already chosen */
        return;
    }
    if (kind == 'p') {
        size_t n = 0;
        char *t = part_text(part, &n);
        free(type);
        if (t == NULL)
            w->st = SL_ENOMEM;
        else
            add_unit(w, t, n, NULL, 0);
        return;
    }
    if (kind == 'h') {
        char *t, *h;
        size_t tn, hn;
        part_html(w, part, &t, &tn, &h, &hn);
        free(type);
        if (t)
            add_unit(w, t, tn, h, hn);
        else
            free(h);
        return;
    }
    if (GMIME_IS_APPLICATION_PKCS7_MIME(part) || type_is(type, "application/x-pkcs7-mime"))
        w->v->notes |= VIEW_NOTE_ENCRYPTED;
    size_t len = 0;
    unsigned char *data = decode_part(part, &len);
    if (data && type_is(type, "text/plain")) {
        /* served as text/plain; charset=utf-8 (view_download_type) */
        size_t n = 0;
        char *u = charset_to_utf8((const char *)data, len,
                                  g_mime_object_get_content_type_parameter(obj, "charset"), &n);
        free(data);
        data = (unsigned char *)u;
        len = n;
    }
    GMimeContentDisposition *cd = g_mime_object_get_content_disposition(obj);
    bool inline_part = in_related || (cd && !g_mime_content_disposition_is_attachment(cd));
    add_attachment(w, g_mime_part_get_filename(part), type, data, len, inline_part, false);
}

/* walk_alternative - the same content more than once: text from the first
 * text/plain, HTML from the first text/html (also as the root of a
 * multipart/related, whose other parts are attachments); other parts that
 * are no body are attachments. With neither, the last multipart is read
 * as the body (RFC 2046 5.1.4: the last is the richest). */
/* NOLINTNEXTLINE(misc-no-recursion): bounded by VIEW_MAX_DEPTH */
static void walk_alternative(struct vwalk *w, GMimeMultipart *mp, unsigned depth, bool body)
{
    int count = g_mime_multipart_get_count(mp);
    GMimeObject *plain = NULL, *html = NULL, *related = NULL, *rich = NULL;
    for (int i = 0; i < count; i++) {
        GMimeObject *c = g_mime_multipart_get_part(mp, i);
        char k = body_kind(c);
        if (k == 'p' && plain == NULL) {
            plain = c;
        } else if (k == 'h' && html == NULL) {
            html = c;
        } else if (GMIME_IS_MULTIPART(c) && html == NULL &&
                   g_mime_content_type_is_type(g_mime_object_get_content_type(c), "multipart",
                                               "related") &&
                   g_mime_multipart_get_count(GMIME_MULTIPART(c)) > 0 &&
                   body_kind(g_mime_multipart_get_part(GMIME_MULTIPART(c), 0)) == 'h') {
            related = c;
            html = g_mime_multipart_get_part(GMIME_MULTIPART(c), 0);
        } else if (GMIME_IS_MULTIPART(c)) {
            rich = c;
        }
    }
    if (!body || (plain == NULL && html == NULL)) {
        /* no body here: its last multipart is, or it only holds attachments */
        for (int i = 0; i < count && w->st == SL_OK; i++) {
            GMimeObject *c = g_mime_multipart_get_part(mp, i);
            walk(w, c, depth + 1, body && c == rich, false);
        }
        return;
    }
    char *text = NULL, *h = NULL;
    size_t tn = 0, hn = 0;
    if (html) {
        w->parts++;
        part_html(w, GMIME_PART(html), &text, &tn, &h, &hn);
    }
    if (plain && w->st == SL_OK) {
        w->parts++;
        free(text);
        text = part_text(GMIME_PART(plain), &tn);
        if (text == NULL)
            w->st = SL_ENOMEM;
    }
    if (text)
        add_unit(w, text, tn, h, hn);
    else
        free(h);
    /* the rest: attachments only (a calendar invitation, the related images) */
    for (int i = 0; i < count && w->st == SL_OK; i++) {
        GMimeObject *c = g_mime_multipart_get_part(mp, i);
        if (c == plain || c == html)
            continue;
        if (c == related) {
            GMimeMultipart *r = GMIME_MULTIPART(c);
            for (int j = 1; j < g_mime_multipart_get_count(r) && w->st == SL_OK; j++)
                walk(w, g_mime_multipart_get_part(r, j), depth + 2, false, true);
            continue;
        }
        walk(w, c, depth + 1, false, false);
    }
}

/* walk - one part of the tree. body: text and HTML parts here are body
 * (false: they are alternatives of one already read) */
/* NOLINTNEXTLINE(misc-no-recursion): bounded by VIEW_MAX_DEPTH */
static void walk(struct vwalk *w, GMimeObject *obj, unsigned depth, bool body, bool in_related)
{
    if (w->st != SL_OK || obj == NULL)
        return;
    if (depth > VIEW_MAX_DEPTH || ++w->parts > VIEW_MAX_PARTS) {
        w->v->notes |= VIEW_NOTE_PARTS;
        return;
    }
    if (GMIME_IS_MESSAGE_PART(obj)) {
        walk_message_part(w, obj);
        return;
    }
    if (GMIME_IS_MULTIPART(obj)) {
        GMimeMultipart *mp = GMIME_MULTIPART(obj);
        GMimeContentType *ct = g_mime_object_get_content_type(obj);
        int count = g_mime_multipart_get_count(mp);
        if (GMIME_IS_MULTIPART_ENCRYPTED(obj))
            w->v->notes |= VIEW_NOTE_ENCRYPTED;
        if (count == 0 && body) {
            /* no part found (a boundary missing or never used): what
             * GMime kept before the first boundary is the text there is */
            const char *pro = g_mime_multipart_get_prologue(mp);
            size_t n = 0;
            char *t = pro ? charset_to_utf8(pro, strlen(pro), NULL, &n) : NULL;
            if (t) {
                text_tidy(t, &n);
                add_unit(w, t, n, NULL, 0);
            } else if (pro) {
                w->st = SL_ENOMEM;
            }
            return;
        }
        if (ct && g_mime_content_type_is_type(ct, "multipart", "alternative")) {
            walk_alternative(w, mp, depth, body);
            return;
        }
        bool related = ct && g_mime_content_type_is_type(ct, "multipart", "related");
        bool encrypted = GMIME_IS_MULTIPART_ENCRYPTED(obj);
        for (int i = 0; i < count && w->st == SL_OK; i++)
            walk(w, g_mime_multipart_get_part(mp, i), depth + 1, body && !encrypted,
                 in_related || (related && i > 0));
        return;
    }
    if (GMIME_IS_PART(obj))
        walk_leaf(w, GMIME_PART(obj), body, in_related);
}

/* --- putting it together --------------------------------------------- */

/* join - the units as one text and, when any has HTML, one HTML */
static enum sl_status join(struct vwalk *w)
{
    struct view_message *v = w->v;
    struct buf text = BUF_INIT, html = BUF_INIT, para = BUF_INIT;
    bool any_html = false;
    enum sl_status st = buf_append(&text, "", 0);
    for (size_t i = 0; i < w->nunits; i++)
        any_html = any_html || w->units[i].html != NULL;
    for (size_t i = 0; i < w->nunits && st == SL_OK; i++) {
        struct unit *u = &w->units[i];
        size_t n = u->text_len;
        /* trailing blank lines go; units are parted by one blank line */
        while (n > 0 && (u->text[n - 1] == '\n' || u->text[n - 1] == ' '))
            n--;
        if (n > 0 && text.len > 0 && text.len + 2 <= VIEW_MAX_TEXT)
            st = buf_append_str(&text, "\n\n");
        if (st == SL_OK && text.len + n > VIEW_MAX_TEXT) {
            v->notes |= VIEW_NOTE_CUT;
            n = VIEW_MAX_TEXT - text.len;
            while (n > 0 && ((unsigned char)u->text[n] & 0xC0) == 0x80)
                n--;
        }
        if (st == SL_OK)
            st = buf_append(&text, u->text, n);
    }
    if (any_html && st == SL_OK) {
        st = buf_append(&html, "", 0);
        for (size_t i = 0; i < w->nunits && st == SL_OK; i++) {
            struct unit *u = &w->units[i];
            const char *piece = u->html;
            size_t n = u->html_len;
            if (piece == NULL) {
                buf_reset(&para);
                st = safehtml_paragraphs(u->text, u->text_len, &para);
                piece = para.data;
                n = para.len;
            }
            if (st == SL_OK && html.len + n > VIEW_MAX_TEXT) {
                v->notes |= VIEW_NOTE_CUT;
                break; /* HTML is cut between pieces only: each is balanced */
            }
            if (st == SL_OK && n > 0)
                st = buf_append(&html, piece, n);
        }
    }
    buf_free(&para);
    if (st != SL_OK) {
        buf_free(&text);
        buf_free(&html);
        return st;
    }
    v->text = buf_steal(&text, &v->text_len);
    if (any_html)
        v->html = buf_steal(&html, &v->html_len);
    return SL_OK;
}

/* references - the References header's ids, the last 20 that pass mime_msgid_ok */
static char *references(GMimeMessage *m)
{
    const char *value = g_mime_object_get_header(GMIME_OBJECT(m), "References");
    struct buf b = BUF_INIT;
    enum sl_status st = buf_append(&b, "", 0);
    GMimeReferences *refs = value ? g_mime_references_parse(NULL, value) : NULL;
    int n = refs ? g_mime_references_length(refs) : 0;
    for (int i = n > 20 ? n - 20 : 0; i < n && st == SL_OK; i++) {
        const char *id = g_mime_references_get_message_id(refs, i);
        if (mime_msgid_ok(id))
            st = buf_printf(&b, "%s<%s>", b.len ? " " : "", id);
    }
    if (refs)
        g_mime_references_free(refs);
    if (st != SL_OK) {
        buf_free(&b);
        return NULL;
    }
    return buf_steal(&b, NULL);
}

/* senders - From as display text, and its first mailbox's name and address */
static enum sl_status senders(struct view_message *v, GMimeMessage *m)
{
    InternetAddressList *list = g_mime_message_get_from(m);
    struct buf b = BUF_INIT;
    const char *first_name = NULL, *first_addr = NULL;
    enum sl_status st = buf_append(&b, "", 0);
    int n = list ? internet_address_list_length(list) : 0;
    for (int i = 0; i < n && i < 20 && st == SL_OK; i++) {
        InternetAddress *ia = internet_address_list_get_address(list, i);
        if (!INTERNET_ADDRESS_IS_MAILBOX(ia))
            continue; /* a group in From: rare, and nobody to reply to */
        const char *name = internet_address_get_name(ia);
        const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
        if (addr == NULL)
            addr = "";
        if (first_addr == NULL) {
            first_name = name;
            first_addr = addr;
        }
        if (b.len)
            st = buf_append_str(&b, ", ");
        if (st == SL_OK && name && *name)
            st = buf_printf(&b, *addr ? "%s <%s>" : "%s", name, addr);
        else if (st == SL_OK)
            st = buf_append_str(&b, addr);
    }
    if (st == SL_OK) {
        v->from = line_dup(b.data);
        v->from_name = line_dup(first_name);
        v->from_address = line_dup(first_addr);
        if (!v->from || !v->from_name || !v->from_address)
            st = SL_ENOMEM;
    }
    buf_free(&b);
    return st;
}

/* raw_view - the message as raw text: its structure could not be read */
static enum sl_status raw_view(struct view_message *v, const char *data, size_t len)
{
    size_t n = 0;
    v->notes |= VIEW_NOTE_RAW;
    if (len > VIEW_MAX_TEXT) {
        len = VIEW_MAX_TEXT;
        v->notes |= VIEW_NOTE_CUT;
    }
    v->text = charset_to_utf8(data, len, NULL, &n);
    if (v->text == NULL)
        return SL_ENOMEM;
    text_tidy(v->text, &n);
    v->text_len = n;
    return SL_OK;
}

enum sl_status view_parse(const void *msg, size_t len, const char *image_text,
                          struct view_message *out, char *err, size_t errlen)
{
    const char *data = msg;
    memset(out, 0, sizeof *out);
    enum sl_status st = SL_OK;
    out->subject = strdup("");
    out->from = strdup("");
    out->from_name = strdup("");
    out->from_address = strdup("");
    out->message_id = strdup("");
    out->references = strdup("");
    if (!out->subject || !out->from || !out->from_name || !out->from_address || !out->message_id ||
        !out->references)
        st = SL_ENOMEM;

    GMimeMessage *m = NULL;
    if (st == SL_OK && guard_nesting(data, len) <= VIEW_MAX_PARTS &&
        guard_address_colons(data, len) <= VIEW_MAX_ADDRESS_COLONS) {
        GMimeStream *stream = g_mime_stream_mem_new_with_buffer(data, len);
        GMimeParser *parser = g_mime_parser_new_with_stream(stream);
        m = g_mime_parser_construct_message(parser, NULL);
        g_object_unref(parser);
        g_object_unref(stream);
    }
    if (st == SL_OK && m == NULL) {
        st = raw_view(out, data, len);
    } else if (st == SL_OK) {
        free(out->subject);
        out->subject = line_dup(g_mime_message_get_subject(m));
        free(out->from);
        free(out->from_name);
        free(out->from_address);
        out->from = out->from_name = out->from_address = NULL;
        st = out->subject ? senders(out, m) : SL_ENOMEM;
        const char *id = g_mime_message_get_message_id(m);
        if (st == SL_OK && mime_msgid_ok(id)) {
            free(out->message_id);
            out->message_id = strdup(id);
            st = out->message_id ? SL_OK : SL_ENOMEM;
        }
        if (st == SL_OK) {
            free(out->references);
            out->references = references(m);
            st = out->references ? SL_OK : SL_ENOMEM;
        }
        GDateTime *dt = g_mime_message_get_date(m);
        if (st == SL_OK && dt) {
            out->date = (time_t)g_date_time_to_unix(dt);
            char *t = g_date_time_format(dt, "%Y-%m-%d %H:%M %z");
            snprintf(out->date_text, sizeof out->date_text, "%s", t ? t : "");
            g_free(t);
        }
        struct vwalk w = {0};
        w.v = out;
        w.image_text = image_text;
        w.st = st;
        walk(&w, g_mime_message_get_mime_part(m), 1, true, false);
        st = w.st;
        if (st == SL_OK)
            st = join(&w);
        for (size_t i = 0; i < w.nunits; i++) {
            free(w.units[i].text);
            free(w.units[i].html);
        }
        free(w.units);
        g_object_unref(m);
    }
    if (st != SL_OK) {
        view_free(out);
        snprintf(err, errlen, "message view: %s", sl_status_str(st));
    }
    return st;
}

void view_free(struct view_message *v)
{
    if (v == NULL)
        return;
    free(v->subject);
    free(v->from);
    free(v->from_name);
    free(v->from_address);
    free(v->message_id);
    free(v->references);
    free(v->text);
    free(v->html);
    for (size_t i = 0; i < v->nattachments; i++) {
        free(v->attachments[i].name);
        free(v->attachments[i].type);
        free(v->attachments[i].data);
    }
    free(v->attachments);
    memset(v, 0, sizeof *v);
}

/* --- serving attachments --------------------------------------------- */

/* name_ext_is - does name end in one of the extensions (case ignored)? */
static bool name_ext_is(const char *name, const char *const *exts, size_t n)
{
    size_t len = name ? strlen(name) : 0;
    for (size_t i = 0; i < n; i++) {
        size_t e = strlen(exts[i]);
        if (len >= e && strcasecmp(name + len - e, exts[i]) == 0)
            return true;
    }
    return false;
}

const char *view_download_type(const char *type, const char *name)
{
    static const char *const active_ext[] = {".html", ".htm",   ".xhtml", ".xht",  ".shtml", ".svg",
                                             ".svgz", ".xml",   ".xsl",   ".xslt", ".js",    ".mjs",
                                             ".mht",  ".mhtml", ".hta",   ".swf"};
    static const char *const safe[] = {
        "application/pdf",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "image/bmp",
        "text/csv",
        "text/calendar",
        "text/vcard",
        "text/x-vcard",
        "message/rfc822",
        "application/zip",
        "application/msword",
        "application/rtf",
        "application/vnd.ms-excel",
        "application/vnd.ms-powerpoint",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation",
    };
    static const char octet[] = "application/octet-stream";
    if (type == NULL || name_ext_is(name, active_ext, sizeof active_ext / sizeof active_ext[0]))
        return octet;
    /* "Type/Sub; charset=x" -> "type/sub" */
    char t[128];
    while (*type == ' ' || *type == '\t')
        type++;
    size_t n = strcspn(type, "; \t");
    if (n == 0 || n >= sizeof t)
        return octet;
    for (size_t i = 0; i < n; i++)
        t[i] = (char)tolower((unsigned char)type[i]);
    t[n] = '\0';
    if (strcmp(t, "text/plain") == 0)
        return "text/plain; charset=utf-8";
    if (strcmp(t, "image/jpg") == 0 || strcmp(t, "image/pjpeg") == 0)
        return "image/jpeg";
    for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++)
        if (strcmp(t, safe[i]) == 0)
            return safe[i];
    return octet;
}

/* dropped_char - a character left out of a file name: controls (C0, DEL,
 * C1), bidirectional marks and overrides (a name like "cod<RLO>fdp.exe"
 * reads as "codexe.pdf"), zero-width characters, the byte order mark */
static bool dropped_char(gunichar c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x200B && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF ||
           c == 0xFFFE || c == 0xFFFF;
}

bool view_clean_name(const char *name, char *out, size_t outlen)
{
    if (outlen == 0)
        return false;
    out[0] = '\0';
    if (name == NULL || outlen < 2)
        return false;
    char *valid = g_utf8_make_valid(name, -1);
    if (valid == NULL)
        return false;
    const char *base = valid;
    for (const char *p = valid; *p; p++)
        if (*p == '/' || *p == '\\')
            base = p + 1;
    struct buf b = BUF_INIT;
    enum sl_status st = buf_append(&b, "", 0);
    for (const char *p = base; *p && st == SL_OK; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (dropped_char(c))
            continue;
        if (c < 0x80 && strchr("\"*:<>?|", (int)c))
            st = buf_append_char(&b, '_');
        else
            st = buf_append(&b, p, (size_t)(g_utf8_next_char(p) - p));
    }
    g_free(valid);
    if (st != SL_OK) {
        buf_free(&b);
        return false;
    }
    /* no leading or trailing spaces and dots (".." and hidden files) */
    size_t start = 0, end = b.len;
    while (start < end && (b.data[start] == ' ' || b.data[start] == '.'))
        start++;
    while (end > start && (b.data[end - 1] == ' ' || b.data[end - 1] == '.'))
        end--;
    size_t max = outlen - 1 < VIEW_NAME_MAX ? outlen - 1 : VIEW_NAME_MAX;
    size_t n = end - start;
    const char *s = b.data + start;
    if (n <= max) {
        memcpy(out, s, n);
        out[n] = '\0';
    } else {
        /* too long: cut the stem, keep a short extension */
        const char *dot = memrchr(s, '.', n);
        size_t ext = dot && (size_t)(s + n - dot) <= 12 ? (size_t)(s + n - dot) : 0;
        if (ext >= max)
            ext = 0;
        size_t stem = max - ext;
        while (stem > 0 && ((unsigned char)s[stem] & 0xC0) == 0x80)
            stem--;
        memcpy(out, s, stem);
        memcpy(out + stem, s + n - ext, ext);
        out[stem + ext] = '\0';
        n = stem + ext;
    }
    buf_free(&b);
    return n > 0;
}
