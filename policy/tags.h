/*
 * tags - the subject tags staff use to choose a channel themselves:
 * "[veilig]", "[secure]", "[sécurisé]" force protection even when nothing
 * was detected; "[onveilig: reden]", "[unsafe: reason]", "[non sécurisé:
 * raison]" ask to send unprotected, with a reason, where policy allows.
 *
 * The reason is free text a sender typed and may name a patient, so it is
 * never kept: only its category (tags_reason_name()) is. Tags are found
 * case-insensitively, with or without accents, and removed from the
 * subject before the mail leaves. A tag that is malformed (an unsafe tag
 * without a reason) is removed but never honoured; text in brackets that
 * is not a tag ("[EXTERN]") stays. When both kinds occur, protection wins.
 * Pure functions.
 */
#ifndef SLUIS_TAGS_H
#define SLUIS_TAGS_H

#include <stdbool.h>
#include <stddef.h>

enum tag { TAG_NONE, TAG_SECURE, TAG_UNSAFE };

enum tag_reason {
    REASON_NONE,       /* no unsafe tag */
    REASON_CONSENT,    /* the patient or client asked for, or agreed to, plain mail */
    REASON_NOT_HEALTH, /* the sender says there is no health data (a false positive) */
    REASON_URGENT,     /* urgency */
    REASON_NO_CHANNEL, /* the recipient cannot use a secure channel */
    REASON_OTHER,
};

struct tags {
    enum tag tag;
    enum tag_reason reason;
    unsigned found; /* tags removed from the subject */
    bool malformed; /* an unsafe tag without a reason was removed, not honoured */
};

/* tags_read - the tags in subject (UTF-8, decoded; borrowed). The subject
 * without them goes to out (always NUL-terminated; blanks around a removed
 * tag collapse to one). */
void tags_read(const char *subject, struct tags *t, char *out, size_t outlen);

const char *tags_tag_name(enum tag t);
const char *tags_reason_name(enum tag_reason r);

#endif
