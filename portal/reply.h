/*
 * reply - the message a recipient writes in the portal, as an RFC 5322
 * message for the original sender.
 *
 * Built with GMime: From is the recipient's address as the portal verified
 * it, To the original sender, Subject "Re: " and the original subject (not
 * twice), In-Reply-To and References pointing at the original when it had a
 * Message-ID, Date, a new Message-ID, "X-Sluis-Portal: reply". The body is
 * the text as typed (UTF-8, quoted-printable) with a footer saying it was
 * sent through the organisation's secure portal; the original's text is
 * not quoted (the sender has it). Uploaded files follow as attachments
 * (base64, names per RFC 2231, cleaned with view_clean_name). No
 * Auto-Submitted: a person wrote it.
 *
 * Input is checked, not trusted: addresses are plain addr-spec (no
 * display name, no CR, LF or other control, no space or specials), the
 * text is valid UTF-8 without NUL, of at most REPLY_MAX_TEXT bytes; at most
 * REPLY_MAX_FILES files of REPLY_MAX_FILE_BYTES each. Error texts name the
 * field and never hold the input. Thread-safe after view_init().
 */
#ifndef SLUIS_REPLY_H
#define SLUIS_REPLY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../common/buf.h"
#include "../common/status.h"

#define REPLY_MAX_TEXT       (256u << 10)
#define REPLY_MAX_FILES      20
#define REPLY_MAX_FILE_BYTES (64u << 20)
#define REPLY_MSGID_MAX      256

/* one uploaded file (all borrowed) */
struct reply_file {
    const char *name; /* as the browser sent it; cleaned here ("bijlage-N" when nothing is left) */
    const char
        *type; /* as the browser declared it; NULL, "" or malformed: application/octet-stream */
    const void *data;
    size_t len;
};

/* what the reply is made of (all borrowed) */
struct reply_input {
    const char *from;        /* the recipient's verified address */
    const char *to;          /* the original sender's address (view: from_address) */
    const char *subject;     /* the original subject, UTF-8 (NULL or "": none) */
    const char *in_reply_to; /* the original's Message-ID without < > (NULL or "": none) */
    const char *references;  /* the original's References (NULL or "": none) */
    const char *text;        /* what the recipient wrote, UTF-8 */
    size_t text_len;
    const struct reply_file *files;
    size_t nfiles;
    const char *organisation; /* for the footer (NULL or "": no name) */
    const char *language;     /* "nl", "en" or "fr" for the footer (other: nl) */
    const char *msgid_domain; /* right side of the new Message-ID (NULL: the domain of to) */
    time_t date;              /* 0: now */
};

/* reply_build - append the reply message (CRLF line ends) to out
 * (caller-owned) and, when message_id is not NULL, its new Message-ID
 * (without < >) into message_id[REPLY_MSGID_MAX]. SL_EINVAL with the reason
 * in err when the input is refused (nothing appended): a bad address, text
 * that is not UTF-8 or too long, an empty reply (no text and no files), too
 * many or too large files; SL_ENOMEM. */
enum sl_status reply_build(const struct reply_input *in, struct buf *out, char *message_id,
                           char *err, size_t errlen);

/* reply_address_ok - is addr a plain addr-spec this module (and the code
 * mail) will write: local@domain, at most 254 bytes, the local part of
 * RFC 5322 atext and dots, the domain of letters, digits, dots and '-',
 * nothing else (no display name, space, quote, bracket or control) */
bool reply_address_ok(const char *addr);

/* reply_subject - append the reply's subject for an original subject
 * (borrowed, NULL fine; invalid UTF-8 becomes U+FFFD) to out: "Re: " +
 * subject, unless it starts with "Re:" already (any case, spaces before
 * the colon allowed); control characters become spaces, white space at
 * either end goes */
enum sl_status reply_subject(const char *subject, struct buf *out);

#endif
