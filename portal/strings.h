/*
 * strings - every text of the portal's pages in Dutch, English and French.
 * A text may hold "{}" where a value goes (ui_say() fills it in, escaped).
 */
#ifndef SLUIS_PORTAL_STRINGS_H
#define SLUIS_PORTAL_STRINGS_H

enum lang { LANG_NL, LANG_EN, LANG_FR };
#define LANGS 3

enum str {
    S_SECURE_MESSAGE, /* the portal's name on every page */
    S_FROM_ORG,       /* "{} sent you a secure message" */
    S_AVAILABLE_UNTIL,
    S_VERIFY_CODE_INTRO,
    S_VERIFY_EMAIL_INTRO,
    S_VERIFY_SMS_INTRO,
    S_SEND_CODE,
    S_SEND_AGAIN,
    S_SENT_EMAIL,
    S_SENT_SMS,
    S_CODE_LABEL,
    S_CODE_HINT,
    S_OPEN,
    S_WRONG_CODE,
    S_NO_CODE,
    S_SEND_FAILED,
    S_LOCKED_TITLE,
    S_LOCKED_TEXT,
    S_TOO_MANY_TITLE,
    S_TOO_MANY_TEXT,
    S_TOO_MANY_SENDS_TEXT,
    S_EXPIRED_TITLE,
    S_EXPIRED_TEXT,
    S_REVOKED_TITLE,
    S_REVOKED_TEXT,
    S_UNKNOWN_TITLE,
    S_UNKNOWN_TEXT,
    S_ERROR_TITLE,
    S_ERROR_TEXT,
    S_BAD_REQUEST_TEXT,
    S_FROM,
    S_TO,
    S_DATE,
    S_ATTACHMENTS,
    S_THREAD,
    S_YOU_REPLIED,
    S_REPLY_TITLE,
    S_REPLY_LABEL,
    S_REPLY_FILES,
    S_REPLY_SEND,
    S_REPLY_SENT,
    S_REPLY_EMPTY,
    S_REPLY_FAILED,
    S_REPLY_TO,
    S_LOGOUT,
    S_LOGGED_OUT_TITLE,
    S_LOGGED_OUT_TEXT,
    S_OPEN_AGAIN,
    S_SENDER_TITLE,
    S_SENDER_INTRO,
    S_RECIPIENT,
    S_WAY_IN,
    S_SENT,
    S_OPENED,
    S_REPLIED,
    S_NOT_YET,
    S_LOCKED_SHORT,
    S_VIA_CODE,
    S_VIA_EMAIL,
    S_VIA_SMS,
    S_REVOKE,
    S_REVOKE_EXPLAIN,
    S_REVOKED_AT,
    S_EXPIRED_AT,
    S_HELPDESK,
    S_LANGUAGE,
    S_NO_TEXT,
    S_SKIP,
    S_IMAGE,
    S_COUNT
};

/* str - the text of id in l */
const char *str(enum str id, enum lang l);

/* lang_codes - "nl", "en", "fr", in enum lang's order */
extern const char *const lang_codes[LANGS];
/* lang_code - "nl", "en", "fr"; lang_parse - the reverse (false: unknown) */
const char *lang_code(enum lang l);
_Bool lang_parse(const char *s, enum lang *out);

/* lang_name - the language's own name ("Nederlands") */
const char *lang_name(enum lang l);

#endif
