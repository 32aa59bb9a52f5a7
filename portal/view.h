/*
 * view - a stored message (RFC 5322 bytes) as the portal shows it.
 *
 * GMime parses the message into what a page needs: the subject, the sender
 * and the date, the text to read (text/plain; or text derived from HTML
 * when there is only HTML), the safe HTML when there is an HTML body (see
 * safehtml.h), and the attachments with their decoded bytes. Every string
 * is valid UTF-8 without NUL. No page, HTTP or store type appears here.
 *
 * What counts as what:
 * - body: the text/plain and text/html parts that are not attachments (no
 *   file name, no "Content-Disposition: attachment"). In a
 *   multipart/alternative the first text/plain and the first text/html
 *   are the same content twice: text from the one, HTML from the other.
 *   Body parts in sequence (Apple Mail's text, image, text) are joined in
 *   order; when some have HTML, the others join the HTML as escaped
 *   paragraphs, so the HTML holds the whole body and the text does too.
 *   format=flowed text is joined (RFC 3676); every charset becomes UTF-8.
 * - attachments: every other leaf part (files, images inline or not,
 *   calendar invitations, encrypted parts), and each nested
 *   message/rfc822 as one attachment (NAME.eml, its bytes as written, its
 *   own parts not listed). Signatures (application/pgp-signature,
 *   application/pkcs7-signature) are left out. text/plain attachments are
 *   converted to UTF-8 (so they can be served with charset=utf-8); other
 *   attachments keep their decoded bytes as they are.
 *
 * Untrusted input. Limits: VIEW_MAX_PARTS multipart and message types
 * declared in the raw bytes (counted before GMime's recursive parser sees
 * them) and VIEW_MAX_ADDRESS_COLONS colons in one address header (GMime's
 * address parser recurses per group) - past either the message is shown
 * as raw text; VIEW_MAX_DEPTH levels of nesting; VIEW_MAX_TEXT bytes of
 * text and of HTML each (cut at a character boundary). Malformed MIME
 * (bad base64, missing boundaries, no header) gives what GMime could
 * recover, and a message GMime cannot read at all is shown as raw text,
 * with VIEW_NOTE_RAW. Call view_init() once before threads start; after
 * that view_parse() is thread-safe.
 */
#ifndef SLUIS_VIEW_H
#define SLUIS_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../common/status.h"

#define VIEW_MAX_PARTS          512
#define VIEW_MAX_DEPTH          32
#define VIEW_MAX_ADDRESS_COLONS 256
#define VIEW_MAX_TEXT           (4u << 20) /* bytes of text, and of HTML */
#define VIEW_NAME_MAX           200        /* bytes of a cleaned file name */

/* view_message.notes: what the page may want to say about the view */
#define VIEW_NOTE_RAW       1u /* the MIME structure could not be read: text is the raw message */
#define VIEW_NOTE_CUT       2u /* text or HTML cut at VIEW_MAX_TEXT */
#define VIEW_NOTE_PARTS     4u /* parts past VIEW_MAX_DEPTH were not read */
#define VIEW_NOTE_ENCRYPTED 8u /* an encrypted part, offered as an attachment only */

struct view_attachment {
    char *name;          /* cleaned file name (view_clean_name), never empty;
                            "bijlage-N.EXT" when the message names none */
    char *type;          /* the declared type, lower case "type/subtype" without
                            parameters ("application/octet-stream" when absent) */
    unsigned char *data; /* decoded bytes (text/plain: as UTF-8) */
    size_t len;
    bool inline_part; /* shown inline by a mail client (an image in the HTML) */
    bool message;     /* a nested message/rfc822, offered as .eml */
};

struct view_message {
    char *subject;      /* decoded; "" when absent */
    char *from;         /* "Name <address>" or "address"; "" when absent */
    char *from_name;    /* the first From mailbox's display name; "" when none */
    char *from_address; /* the first From mailbox's address; "" when none */
    char *message_id;   /* without < >; "" when absent (for a reply's In-Reply-To) */
    char *references;   /* the References header's ids, "<a@b> <c@d>" (at most the
                           last 20, each checked); "" when absent */
    time_t date;        /* 0 when absent or unreadable */
    char date_text[40]; /* "2024-03-05 14:07 +0100" in the sender's offset; "" when none */
    char *text;         /* the text to show, UTF-8, never NULL */
    size_t text_len;
    char *html; /* safe HTML (safehtml.h) or NULL when there is no HTML body */
    size_t html_len;
    struct view_attachment *attachments;
    size_t nattachments;
    unsigned notes; /* VIEW_NOTE_* */
};

/* view_init - set up GMime and libxml2 once per process, before threads */
void view_init(void);

/* view_parse - read msg[0..len) (borrowed) into *out (caller-owned struct,
 * filled; release with view_free). image_text is the placeholder for
 * images in the HTML (NULL: safehtml's default). Returns SL_OK for any
 * bytes at all, malformed or not; SL_ENOMEM with *out empty. */
enum sl_status view_parse(const void *msg, size_t len, const char *image_text,
                          struct view_message *out, char *err, size_t errlen);

/* view_free - release what view_parse filled in; the struct is zeroed.
 * NULL and an already freed view are fine. */
void view_free(struct view_message *v);

/* view_download_type - the Content-Type to serve an attachment with, from
 * its declared type and its name (both borrowed, either may be NULL). A
 * static string, never the input: "application/octet-stream" for anything
 * a browser would run or render actively (HTML, XHTML, SVG, XML,
 * JavaScript, also by the name's extension: .html .htm .xhtml .svg .xml
 * .js .mjs) and for any type not on the safe list; the type itself for
 * PDF, PNG, JPEG, GIF, WebP, office and OpenDocument files, zip,
 * calendar, vCard, CSV, message/rfc822; "text/plain; charset=utf-8" for
 * text/plain. */
const char *view_download_type(const char *type, const char *name);

/* view_clean_name - a file name fit to offer for download, into out
 * (outlen >= 16): name (borrowed, NUL-terminated, any bytes) made valid
 * UTF-8, cut after its last '/' or '\', without control characters
 * (C0, DEL, C1), bidirectional overrides and zero-width characters,
 * with " * : < > ? | replaced by '_', without leading or trailing spaces
 * and dots, at most min(outlen - 1, VIEW_NAME_MAX) bytes (the extension
 * kept when a long name is cut). Returns false (out "") when nothing is
 * left. */
bool view_clean_name(const char *name, char *out, size_t outlen);

#endif
