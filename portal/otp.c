/*
 * otp - one-time codes by e-mail and by text message. See otp.h.
 *
 * The code mail is written by GMime (the organisation's name may need
 * RFC 2047 in From) and submitted by common/smtp.c. The SMS request is
 * libcurl's; its JSON body is written by cli/json.c's string writer
 * (escapes quotes, backslashes and controls; invalid UTF-8 becomes
 * U+FFFD). Addresses, the phone number and the code are checked before
 * anything is built, and no error text holds them, nor the token. The
 * gateway handle is read-only after otp_sms_new(); every send uses its
 * own libcurl handle: thread-safe.
 */
#include "otp.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../cli/json.h"
#include "mime.h"
#include "reply.h"
#include "store.h"

#define URL_MAX   1024
#define TOKEN_MAX 512

const char *otp_result_name(enum otp_result r)
{
    return r == OTP_SENT ? "sent" : r == OTP_TEMP ? "temporary failure" : "refused";
}

static bool code_ok(const char *code)
{
    size_t n = code ? strlen(code) : 0;
    return n >= 4 && n <= 12 && strspn(code, "0123456789") == n;
}

bool otp_phone_ok(const char *phone)
{
    size_t n = phone ? strlen(phone) : 0;
    return n >= 9 && n <= 16 && phone[0] == '+' && phone[1] != '0' &&
           strspn(phone + 1, "0123456789") == n - 1;
}

/* the texts, per language: the first is the default. A number goes
 * between the parts of valid[] (minutes) and of sms[] (the code, then
 * minutes). */
static const struct texts {
    const char *lang;
    const char *subject, *subject_of; /* subject, and " of " before the name */
    const char *code_is;
    const char *valid[2];
    const char *ignore;
    const char *sms[3];
} texts[] = {
    {"nl",
     "Uw code voor het beveiligde bericht",
     " van ",
     "Uw code is: ",
     {"Vul deze code in op de pagina waar u hem aanvroeg. De code is ", " minuten geldig."},
     "Heeft u geen code aangevraagd? Dan kunt u deze e-mail negeren.",
     {"Uw code: ", " (", " minuten geldig)."}},
    {"en",
     "Your code for the secure message",
     " from ",
     "Your code is: ",
     {"Enter this code on the page where you asked for it. The code is valid for ", " minutes."},
     "Did you not ask for a code? Then you can ignore this e-mail.",
     {"Your code: ", " (valid for ", " minutes)."}},
    {"fr",
     "Votre code pour le message s\xC3\xA9"
     "curis\xC3\xA9",
     " de ",
     "Votre code est : ",
     {"Saisissez ce code sur la page o\xC3\xB9 vous l'avez demand\xC3\xA9. Le code est "
      "valable ",
      " minutes."},
     "Vous n'avez pas demand\xC3\xA9 de code ? Vous pouvez ignorer cet e-mail.",
     {"Votre code : ", " (valable ", " minutes)."}},
};

static const struct texts *texts_for(const char *language)
{
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        if (language && strcmp(language, texts[i].lang) == 0)
            return &texts[i];
    return &texts[0];
}

/* org_name - the organisation's name as valid UTF-8 on one line, at most
 * 100 bytes; "" for NULL */
static char *org_name(const char *organisation)
{
    char *s = g_utf8_make_valid(organisation ? organisation : "", -1);
    if (s == NULL)
        return NULL;
    for (char *p = s; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            *p = ' ';
    g_strstrip(s);
    size_t n = strlen(s);
    if (n > 100) {
        n = 100;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        s[n] = '\0';
    }
    return s;
}

#define MINUTES ((unsigned)(STORE_OTP_SECONDS / 60))

enum sl_status otp_mail_build(const struct otp_mail *m, const char *to, const char *code,
                              const char *language, time_t date, struct buf *out, char *err,
                              size_t errlen)
{
    if (!reply_address_ok(m->from)) {
        snprintf(err, errlen, "code mail: the sender's address is not a plain address");
        return SL_EINVAL;
    }
    if (!reply_address_ok(to)) {
        snprintf(err, errlen, "code mail: the recipient's address is not a plain address");
        return SL_EINVAL;
    }
    if (!code_ok(code)) {
        snprintf(err, errlen, "code mail: the code is not 4 to 12 digits");
        return SL_EINVAL;
    }
    const struct texts *t = texts_for(language);
    char *org = org_name(m->organisation);
    if (org == NULL) {
        snprintf(err, errlen, "code mail: out of memory");
        return SL_ENOMEM;
    }
    struct buf subject = BUF_INIT, body = BUF_INIT;
    enum sl_status st = buf_printf(&subject, "%s%s%s", t->subject, *org ? t->subject_of : "", org);
    if (st == SL_OK)
        st = buf_printf(&body, "%s%s\n\n", t->code_is, code);
    if (st == SL_OK)
        st = buf_printf(&body, "%s%u%s", t->valid[0], MINUTES, t->valid[1]);
    if (st == SL_OK)
        st = buf_printf(&body, "\n\n%s\n", t->ignore);
    if (st == SL_OK && *org)
        st = buf_printf(&body, "\n-- \n%s\n", org);

    GMimeMessage *msg = NULL;
    if (st == SL_OK) {
        msg = g_mime_message_new(TRUE);
        GMimeObject *mo = GMIME_OBJECT(msg);
        internet_address_list_add(g_mime_message_get_from(msg),
                                  internet_address_mailbox_new(*org ? org : NULL, m->from));
        internet_address_list_add(g_mime_message_get_to(msg),
                                  internet_address_mailbox_new(NULL, to));
        g_mime_message_set_subject(msg, subject.data, "utf-8");
        GDateTime *dt =
            date ? g_date_time_new_from_unix_local((gint64)date) : g_date_time_new_now_local();
        g_mime_message_set_date(msg, dt);
        g_date_time_unref(dt);
        char *id = g_mime_utils_generate_message_id(strrchr(m->from, '@') + 1);
        g_mime_message_set_message_id(msg, id);
        g_free(id);
        /* RFC 3834: made by a program, so no auto-responder answers it */
        g_mime_object_set_header(mo, "Auto-Submitted", "auto-generated", NULL);
        g_mime_object_set_header(mo, "X-Sluis-Portal", "code", NULL);

        GMimePart *part = g_mime_part_new_with_type("text", "plain");
        GMimeStream *s = g_mime_stream_mem_new_with_buffer(body.data, body.len);
        GMimeDataWrapper *dw =
            g_mime_data_wrapper_new_with_stream(s, GMIME_CONTENT_ENCODING_DEFAULT);
        g_mime_part_set_content(part, dw);
        g_object_unref(dw);
        g_object_unref(s);
        g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "charset", "utf-8");
        g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
        g_mime_message_set_mime_part(msg, GMIME_OBJECT(part));
        g_object_unref(part);

        st = mime_write(mo, out);
        g_object_unref(msg);
    }
    g_free(org);
    buf_free(&subject);
    buf_free(&body);
    if (st != SL_OK)
        snprintf(err, errlen, "code mail: %s", sl_status_str(st));
    return st;
}

enum otp_result otp_mail_send(const struct otp_mail *m, const char *to, const char *code,
                              const char *language, char *err, size_t errlen)
{
    struct buf msg = BUF_INIT;
    enum sl_status st = otp_mail_build(m, to, code, language, 0, &msg, err, errlen);
    if (st != SL_OK) {
        buf_free(&msg);
        return st == SL_EINVAL ? OTP_PERM : OTP_TEMP;
    }
    const char *rcpts[] = {to};
    char why[256] = "";
    enum smtp_result r = smtp_send(m->submission, m->helo ? m->helo : "localhost", m->from, rcpts,
                                   1, msg.data, msg.len, why, sizeof why);
    buf_free(&msg);
    if (r == SMTP_OK)
        return OTP_SENT;
    snprintf(err, errlen, "code mail: %s", why);
    return r == SMTP_TEMP ? OTP_TEMP : OTP_PERM;
}

/* --- text messages ---------------------------------------------------- */

struct otp_sms {
    char url[URL_MAX];
    char auth[TOKEN_MAX + 32]; /* "Authorization: Bearer TOKEN" or "" */
    unsigned timeout_ms;
};

/* read_token - the bearer token: one line of printable ASCII in a regular
 * file that only its owner may read; the message never holds the token */
static enum sl_status read_token(const char *path, char *out, size_t outlen, char *err,
                                 size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        snprintf(err, errlen, "sms token %s: cannot be read (%s)", path,
                 fd < 0 ? strerror(errno) : "not a regular file");
        if (fd >= 0)
            close(fd);
        return SL_EIO;
    }
    if (sb.st_mode & 077) {
        close(fd);
        snprintf(err, errlen, "sms token %s: must be readable by its owner only (chmod 600)", path);
        return SL_EIO;
    }
    char tok[TOKEN_MAX + 2];
    ssize_t n = read(fd, tok, sizeof tok - 1);
    close(fd);
    if (n < 0) {
        snprintf(err, errlen, "sms token %s: cannot be read (%s)", path, strerror(errno));
        return SL_EIO;
    }
    while (n > 0 && (tok[n - 1] == '\n' || tok[n - 1] == '\r'))
        n--;
    tok[n] = '\0';
    if (n == 0 || (size_t)n > TOKEN_MAX) {
        snprintf(err, errlen, "sms token %s: %s", path,
                 n == 0 ? "empty" : "longer than 512 characters");
        return SL_EPARSE;
    }
    for (ssize_t i = 0; i < n; i++)
        if (tok[i] <= 0x20 || tok[i] >= 0x7F) {
            snprintf(err, errlen, "sms token %s: one line of printable characters", path);
            return SL_EPARSE;
        }
    snprintf(out, outlen, "Authorization: Bearer %s", tok);
    return SL_OK;
}

enum sl_status otp_sms_new(const char *url, const char *token_file, struct otp_sms **out, char *err,
                           size_t errlen)
{
    *out = NULL;
    size_t n = url ? strlen(url) : 0;
    bool scheme = n > 8 && (strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0);
    bool clean = true;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)url[i] <= 0x20 || (unsigned char)url[i] >= 0x7F)
            clean = false;
    if (!scheme || !clean || n >= URL_MAX) {
        snprintf(err, errlen, "sms_url: expected an http:// or https:// URL");
        return SL_EPARSE;
    }
    struct otp_sms *g = calloc(1, sizeof *g);
    if (g == NULL) {
        snprintf(err, errlen, "sms gateway: out of memory");
        return SL_ENOMEM;
    }
    memcpy(g->url, url, n + 1);
    g->timeout_ms = OTP_SMS_TIMEOUT_MS;
    if (token_file && *token_file) {
        enum sl_status st = read_token(token_file, g->auth, sizeof g->auth, err, errlen);
        if (st != SL_OK) {
            free(g);
            return st;
        }
    }
    /* reference-counted by libcurl; before threads start (see otp.h) */
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        free(g);
        snprintf(err, errlen, "sms gateway: libcurl could not be set up");
        return SL_EIO;
    }
    *out = g;
    return SL_OK;
}

void otp_sms_free(struct otp_sms *g)
{
    if (g == NULL)
        return;
    explicit_bzero(g->auth, sizeof g->auth);
    free(g);
    curl_global_cleanup();
}

void otp_sms_timeout(struct otp_sms *g, unsigned timeout_ms)
{
    g->timeout_ms = timeout_ms ? timeout_ms : 1;
}

enum sl_status otp_sms_text(const char *code, const char *language, const char *organisation,
                            struct buf *out)
{
    const struct texts *t = texts_for(language);
    char *org = org_name(organisation);
    if (org == NULL)
        return SL_ENOMEM;
    enum sl_status st =
        buf_printf(out, "%s%s%s%u%s", t->sms[0], code ? code : "", t->sms[1], MINUTES, t->sms[2]);
    if (st == SL_OK && *org)
        st = buf_printf(out, " %s", org);
    g_free(org);
    return st;
}

static size_t discard(char *p, size_t size, size_t n, void *ud)
{
    (void)p;
    (void)ud;
    return size * n;
}

enum otp_result otp_sms_send(const struct otp_sms *g, const char *phone, const char *code,
                             const char *language, const char *organisation, char *err,
                             size_t errlen)
{
    if (!otp_phone_ok(phone)) {
        snprintf(err, errlen, "sms: the phone number is not an E.164 number");
        return OTP_PERM;
    }
    if (!code_ok(code)) {
        snprintf(err, errlen, "sms: the code is not 4 to 12 digits");
        return OTP_PERM;
    }
    struct buf text = BUF_INIT, body = BUF_INIT;
    enum sl_status st = otp_sms_text(code, language, organisation, &text);
    if (st == SL_OK)
        st = buf_append_str(&body, "{\"to\": ");
    if (st == SL_OK)
        st = json_string(&body, phone);
    if (st == SL_OK)
        st = buf_append_str(&body, ", \"text\": ");
    if (st == SL_OK)
        st = json_string(&body, text.data);
    if (st == SL_OK)
        st = buf_append_char(&body, '}');
    buf_free(&text);
    CURL *c = st == SL_OK ? curl_easy_init() : NULL;
    if (c == NULL) {
        buf_free(&body);
        snprintf(err, errlen, "sms gateway: %s",
                 st != SL_OK ? sl_status_str(st) : "no HTTP client");
        return OTP_TEMP;
    }
    struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
    if (h && g->auth[0])
        h = curl_slist_append(h, g->auth);
    if (h)
        h = curl_slist_append(h, "Expect:");
    long timeout = (long)g->timeout_ms;
    curl_easy_setopt(c, CURLOPT_URL, g->url);
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body.len);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeout);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
    CURLcode rc = h ? curl_easy_perform(c) : CURLE_OUT_OF_MEMORY;
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    explicit_bzero(body.data, body.len); /* it held the code */
    buf_free(&body);
    if (rc != CURLE_OK) {
        /* libcurl's generic text for the code: it names no host or number */
        snprintf(err, errlen, "sms gateway: %s", curl_easy_strerror(rc));
        return rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE ||
                       rc == CURLE_UNSUPPORTED_PROTOCOL
                   ? OTP_PERM
                   : OTP_TEMP;
    }
    if (status >= 200 && status < 300)
        return OTP_SENT;
    snprintf(err, errlen, "sms gateway: HTTP %ld", status);
    return status == 408 || status == 429 || status >= 500 ? OTP_TEMP : OTP_PERM;
}
