/*
 * reply - a portal reply as an RFC 5322 message. See reply.h.
 *
 * GMime writes the message: it folds and encodes headers (RFC 2047 for
 * the subject, RFC 2231 for file names), quoted-printable for the text,
 * base64 for the files, CRLF line ends. What GMime is handed is checked
 * first: addresses are plain addr-spec of a conservative alphabet, so
 * nothing of them can become a second header or a second recipient;
 * message ids are printable ASCII without space or angle brackets; every
 * text is valid UTF-8 with its controls made spaces. The input is the
 * recipient's (a browser's form), so it is bounded before anything is
 * built. Nothing is kept between calls; thread-safe after view_init().
 */
#include "reply.h"

#include <ctype.h>
#include <gmime/gmime.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mime.h"
#include "view.h"

#define SUBJECT_MAX    500 /* bytes of the original subject repeated */
#define REFERENCES_MAX 20  /* ids in References */

bool reply_address_ok(const char *addr)
{
    size_t n = addr ? strlen(addr) : 0;
    const char *at = addr ? strrchr(addr, '@') : NULL;
    if (n < 3 || n > 254 || at == NULL || at == addr || at - addr > 64 || at[1] == '\0')
        return false;
    for (const char *p = addr; p < at; p++)
        if (!isalnum((unsigned char)*p) && !strchr(".!#$%&'*+-/=?^_`{|}~", *p))
            return false;
    if (addr[0] == '.' || at[-1] == '.' || at[1] == '.' || at[1] == '-' || addr[n - 1] == '.')
        return false;
    for (const char *p = at + 1; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '.' && *p != '-')
            return false;
    return strstr(addr, "..") == NULL;
}

/* one_line - s as valid UTF-8 on one line: controls become spaces, white
 * space at either end goes; at most max bytes (cut at a character) */
static enum sl_status one_line(const char *s, size_t max, struct buf *out)
{
    char *valid = g_utf8_make_valid(s ? s : "", -1);
    if (valid == NULL)
        return SL_ENOMEM;
    for (char *p = valid; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            *p = ' ';
    const char *start = valid;
    while (*start == ' ')
        start++;
    size_t n = strlen(start);
    while (n > 0 && start[n - 1] == ' ')
        n--;
    if (n > max) {
        n = max;
        while (n > 0 && ((unsigned char)start[n] & 0xC0) == 0x80)
            n--;
    }
    enum sl_status st = buf_append(out, start, n);
    g_free(valid);
    return st;
}

enum sl_status reply_subject(const char *subject, struct buf *out)
{
    struct buf s = BUF_INIT;
    enum sl_status st = one_line(subject, SUBJECT_MAX, &s);
    if (st == SL_OK) {
        const char *p = s.data;
        bool already = strncasecmp(p, "re", 2) == 0 && p[2 + strspn(p + 2, " ")] == ':';
        if (already)
            st = buf_append(out, s.data, s.len);
        else
            st = buf_printf(out, s.len ? "Re: %s" : "Re:", s.data);
    }
    buf_free(&s);
    return st;
}

/* body_text - what the recipient wrote, LF line ends, controls but tab
 * as spaces, with the footer */
static enum sl_status body_text(const struct reply_input *in, struct buf *out)
{
    enum sl_status st = buf_reserve(out, in->text_len + 256);
    for (size_t i = 0; i < in->text_len && st == SL_OK; i++) {
        unsigned char c = (unsigned char)in->text[i];
        if (c == '\r') {
            st = buf_append_char(out, '\n');
            if (i + 1 < in->text_len && in->text[i + 1] == '\n')
                i++;
        } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
            st = buf_append_char(out, ' ');
        } else {
            st = buf_append_char(out, (char)c);
        }
    }
    while (out->len > 0 && strchr(" \t\n", out->data[out->len - 1]))
        out->data[--out->len] = '\0';
    struct buf org = BUF_INIT;
    if (st == SL_OK)
        st = one_line(in->organisation, 200, &org);
    /* "sent through the secure portal" [" of ORG"] "." */
    static const struct {
        const char *lang, *sent, *of;
    } footers[] = {
        {"nl", "Dit antwoord is verzonden via het beveiligde portaal", " van "},
        {"en", "This reply was sent through the secure portal", " of "},
        {"fr",
         "Cette r\xC3\xA9ponse a \xC3\xA9t\xC3\xA9 envoy\xC3\xA9"
         "e par le portail s\xC3\xA9"
         "curis\xC3\xA9",
         " de "},
    };
    size_t f = 0;
    for (size_t i = 0; i < sizeof footers / sizeof footers[0]; i++)
        if (in->language && strcmp(in->language, footers[i].lang) == 0)
            f = i;
    if (st == SL_OK)
        st = buf_append_str(out, out->len ? "\n\n-- \n" : "-- \n");
    if (st == SL_OK)
        st = buf_printf(out, "%s%s%s.", footers[f].sent, org.len ? footers[f].of : "",
                        org.len ? org.data : "");
    if (st == SL_OK)
        st = buf_append_char(out, '\n');
    buf_free(&org);
    return st;
}

/* text_empty - nothing but white space? */
static bool text_empty(const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n\f\v", t[i]))
            return false;
    return true;
}

/* check - refuse what the reply cannot be made of; err names the field */
static bool check(const struct reply_input *in, char *err, size_t errlen)
{
    if (!reply_address_ok(in->from)) {
        snprintf(err, errlen, "reply: the sender's address is not a plain address");
        return false;
    }
    if (!reply_address_ok(in->to)) {
        snprintf(err, errlen, "reply: the recipient's address is not a plain address");
        return false;
    }
    if (in->text_len > REPLY_MAX_TEXT) {
        snprintf(err, errlen, "reply: the text is longer than %u bytes", REPLY_MAX_TEXT);
        return false;
    }
    if (in->text_len > 0 &&
        (in->text == NULL || !g_utf8_validate_len(in->text, in->text_len, NULL))) {
        snprintf(err, errlen, "reply: the text is not valid UTF-8 (or holds a NUL)");
        return false;
    }
    if (in->nfiles > REPLY_MAX_FILES) {
        snprintf(err, errlen, "reply: more than %d files", REPLY_MAX_FILES);
        return false;
    }
    for (size_t i = 0; i < in->nfiles; i++)
        if (in->files[i].len > REPLY_MAX_FILE_BYTES ||
            (in->files[i].len > 0 && in->files[i].data == NULL)) {
            snprintf(err, errlen, "reply: file %zu is larger than %u bytes", i + 1,
                     REPLY_MAX_FILE_BYTES);
            return false;
        }
    if ((in->text_len == 0 || text_empty(in->text, in->text_len)) && in->nfiles == 0) {
        snprintf(err, errlen, "reply: the reply is empty");
        return false;
    }
    return true;
}

/* file_type - a declared type as "type/subtype" in lower case, when it is
 * one; else application/octet-stream. Into out[128]. */
static void file_type(const char *type, char *out)
{
    snprintf(out, 128, "application/octet-stream");
    if (type == NULL)
        return;
    size_t n = strcspn(type, ";");
    while (n > 0 && type[n - 1] == ' ')
        n--;
    if (n == 0 || n >= 128)
        return;
    size_t slash = 0;
    for (size_t i = 0; i < n; i++) {
        if (type[i] == '/')
            slash++;
        else if (!isalnum((unsigned char)type[i]) && !strchr("!#$%&'*+-.^_`|~", type[i]))
            return;
    }
    if (slash != 1 || type[0] == '/' || type[n - 1] == '/')
        return;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)type[i]);
    out[n] = '\0';
}

/* leaf - a part of type/subtype with data as its content in encoding */
static GMimePart *leaf(const char *type, const void *data, size_t len,
                       GMimeContentEncoding encoding)
{
    char t[128];
    snprintf(t, sizeof t, "%s", type);
    char *slash = strchr(t, '/');
    *slash = '\0';
    GMimePart *part = g_mime_part_new_with_type(t, slash + 1);
    GMimeStream *s = g_mime_stream_mem_new_with_buffer(len ? data : "", len);
    GMimeDataWrapper *dw = g_mime_data_wrapper_new_with_stream(s, GMIME_CONTENT_ENCODING_DEFAULT);
    g_mime_part_set_content(part, dw);
    g_object_unref(dw);
    g_object_unref(s);
    g_mime_part_set_content_encoding(part, encoding);
    return part;
}

/* utf8_param - a parameter written per RFC 2231 in UTF-8 when it needs
 * encoding (GMime would pick the smallest charset that fits, often
 * ISO-8859-1) */
static void utf8_param(GMimeParamList *list, const char *name)
{
    GMimeParam *p = list ? g_mime_param_list_get_parameter(list, name) : NULL;
    if (p) {
        g_mime_param_set_charset(p, "UTF-8");
        g_mime_param_set_encoding_method(p, GMIME_PARAM_ENCODING_METHOD_RFC2231);
    }
}

/* references - the original's References and its id, the last
 * REFERENCES_MAX that pass mime_msgid_ok, as "<a> <b>"; "" when none */
static enum sl_status references(const struct reply_input *in, struct buf *out)
{
    const char *ids[REFERENCES_MAX + 1];
    size_t n = 0;
    GMimeReferences *refs =
        in->references && *in->references ? g_mime_references_parse(NULL, in->references) : NULL;
    int count = refs ? g_mime_references_length(refs) : 0;
    for (int i = 0; i < count; i++) {
        const char *id = g_mime_references_get_message_id(refs, i);
        if (!mime_msgid_ok(id))
            continue;
        if (n == REFERENCES_MAX) {
            memmove(ids, ids + 1, (REFERENCES_MAX - 1) * sizeof ids[0]);
            n--;
        }
        ids[n++] = id;
    }
    if (mime_msgid_ok(in->in_reply_to)) {
        if (n == REFERENCES_MAX) {
            memmove(ids, ids + 1, (REFERENCES_MAX - 1) * sizeof ids[0]);
            n--;
        }
        ids[n++] = in->in_reply_to;
    }
    enum sl_status st = buf_append(out, "", 0);
    for (size_t i = 0; i < n && st == SL_OK; i++)
        st = buf_printf(out, "%s<%s>", i ? " " : "", ids[i]);
    if (refs)
        g_mime_references_free(refs);
    return st;
}

/* domain_ok - a domain for a Message-ID: letters, digits, '.', '-' */
static bool domain_ok(const char *d)
{
    size_t n = d ? strlen(d) : 0;
    return n > 0 && n < 200 &&
           strspn(d, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                     "0123456789.-") == n;
}

enum sl_status reply_build(const struct reply_input *in, struct buf *out, char *message_id,
                           char *err, size_t errlen)
{
    if (!check(in, err, errlen))
        return SL_EINVAL;

    struct buf subject = BUF_INIT, text = BUF_INIT, refs = BUF_INIT;
    enum sl_status st = reply_subject(in->subject, &subject);
    if (st == SL_OK)
        st = body_text(in, &text);
    if (st == SL_OK)
        st = references(in, &refs);
    if (st != SL_OK) {
        buf_free(&subject);
        buf_free(&text);
        buf_free(&refs);
        snprintf(err, errlen, "reply: %s", sl_status_str(st));
        return st;
    }

    GMimeMessage *m = g_mime_message_new(TRUE);
    GMimeObject *mo = GMIME_OBJECT(m);
    internet_address_list_add(g_mime_message_get_from(m),
                              internet_address_mailbox_new(NULL, in->from));
    internet_address_list_add(g_mime_message_get_to(m), internet_address_mailbox_new(NULL, in->to));
    g_mime_message_set_subject(m, subject.data, "utf-8");
    GDateTime *dt =
        in->date ? g_date_time_new_from_unix_local((gint64)in->date) : g_date_time_new_now_local();
    g_mime_message_set_date(m, dt);
    g_date_time_unref(dt);
    const char *domain = domain_ok(in->msgid_domain) ? in->msgid_domain : strrchr(in->to, '@') + 1;
    char *id = g_mime_utils_generate_message_id(domain);
    g_mime_message_set_message_id(m, id);
    if (message_id)
        snprintf(message_id, REPLY_MSGID_MAX, "%s", id);
    g_free(id);
    if (mime_msgid_ok(in->in_reply_to)) {
        char irt[260];
        snprintf(irt, sizeof irt, "<%s>", in->in_reply_to);
        g_mime_object_set_header(mo, "In-Reply-To", irt, NULL);
    }
    if (refs.len)
        g_mime_object_set_header(mo, "References", refs.data, NULL);
    g_mime_object_set_header(mo, "X-Sluis-Portal", "reply", NULL);

    GMimePart *body =
        leaf("text/plain", text.data, text.len, GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
    g_mime_object_set_content_type_parameter(GMIME_OBJECT(body), "charset", "utf-8");
    if (in->nfiles == 0) {
        g_mime_message_set_mime_part(m, GMIME_OBJECT(body));
    } else {
        GMimeMultipart *mixed = g_mime_multipart_new_with_subtype("mixed");
        g_mime_multipart_add(mixed, GMIME_OBJECT(body));
        for (size_t i = 0; i < in->nfiles; i++) {
            const struct reply_file *f = &in->files[i];
            char type[128], name[VIEW_NAME_MAX + 1];
            file_type(f->type, type);
            if (!view_clean_name(f->name, name, sizeof name))
                snprintf(name, sizeof name, "bijlage-%zu", i + 1);
            GMimePart *part = leaf(type, f->data, f->len, GMIME_CONTENT_ENCODING_BASE64);
            g_mime_part_set_filename(part, name);
            utf8_param(g_mime_content_disposition_get_parameters(
                           g_mime_object_get_content_disposition(GMIME_OBJECT(part))),
                       "filename");
            utf8_param(g_mime_content_type_get_parameters(
                           g_mime_object_get_content_type(GMIME_OBJECT(part))),
                       "name");
            g_mime_multipart_add(mixed, GMIME_OBJECT(part));
            g_object_unref(part);
        }
        g_mime_message_set_mime_part(m, GMIME_OBJECT(mixed));
        g_object_unref(mixed);
    }
    g_object_unref(body);

    st = mime_write(mo, out);
    g_object_unref(m);
    buf_free(&subject);
    buf_free(&text);
    buf_free(&refs);
    if (st != SL_OK)
        snprintf(err, errlen, "reply: %s", sl_status_str(st));
    return st;
}
