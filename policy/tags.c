/*
 * tags - subject tags. See tags.h.
 *
 * Matching folds ASCII case and the accents of "sécurisé" (UTF-8 é and
 * É), so "[SECURISE]" and "[Sécurisé]" both count. A subject is at most
 * what the caller's buffer holds; longer text is cut, never overrun.
 */
#include "tags.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* fold - lower-case ASCII copy of s[0..n), é/É/è as 'e', other UTF-8 kept */
static size_t fold(const char *s, size_t n, char *out, size_t outlen)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < outlen; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)s[i + 1];
            if (d == 0xA9 || d == 0x89 || d == 0xA8 || d == 0x88) {
                out[o++] = 'e';
                i++;
                continue;
            }
        }
        out[o++] = (char)tolower(c);
    }
    out[o] = '\0';
    return o;
}

/* squeeze - collapse blanks and '-' between words to one space */
static void squeeze(char *s)
{
    char *w = s;
    bool space = false;
    for (char *r = s; *r; r++) {
        if (*r == ' ' || *r == '\t' || *r == '-' || *r == '_') {
            space = w != s;
            continue;
        }
        if (space)
            *w++ = ' ';
        space = false;
        *w++ = *r;
    }
    *w = '\0';
}

static bool one_of(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(w, *list) == 0)
            return true;
    return false;
}

static enum tag_reason reason_of(const char *r)
{
    static const struct {
        enum tag_reason reason;
        const char *words[16];
    } table[] = {
        {REASON_NOT_HEALTH,
         {"geen medisch", "geen gezondheid", "geen patient", "geen client", "false positive",
          "vals positief", "not health", "no health", "not medical", "no medical", "pas medical",
          "pas de donnee", "pas medic", "ten onrechte", NULL}},
        {REASON_CONSENT,
         {"toestemming", "verzoek", "akkoord", "wil ", "wens", "consent", "request", "asked",
          "wish", "agreed", "demande", "accord", "souhait", "consentement", NULL}},
        {REASON_URGENT, {"spoed", "urgent", "dringend", "acuut", "emergency", "urgence", NULL}},
        {REASON_NO_CHANNEL,
         {"kan niet", "kan geen", "geen portaal", "cannot", "can't", "no portal", "unable",
          "ne peut pas", "pas de portail", "pas acces", NULL}},
    };
    char padded[300];
    snprintf(padded, sizeof padded, "%s ", r);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        for (const char *const *w = table[i].words; *w; w++)
            if (strstr(padded, *w))
                return table[i].reason;
    return REASON_OTHER;
}

/* classify - the text between brackets, folded */
static enum tag classify(char *inner, enum tag_reason *reason, bool *malformed)
{
    static const char *const secure[] = {"veilig", "secure", "securise", "beveiligd", NULL};
    static const char *const unsafe[] = {"onveilig", "unsafe", "non securise", "niet veilig", NULL};
    char *colon = strchr(inner, ':');
    char *reason_text = colon ? colon + 1 : NULL;
    if (colon)
        *colon = '\0';
    squeeze(inner);
    if (!colon && one_of(inner, secure))
        return TAG_SECURE;
    if (!one_of(inner, unsafe))
        return TAG_NONE;
    if (reason_text)
        squeeze(reason_text);
    if (reason_text == NULL || *reason_text == '\0') {
        *malformed = true;
        return TAG_UNSAFE; /* removed, but not honoured */
    }
    *reason = reason_of(reason_text);
    return TAG_UNSAFE;
}

void tags_read(const char *subject, struct tags *t, char *out, size_t outlen)
{
    memset(t, 0, sizeof *t);
    size_t o = 0;
    const char *s = subject;
    bool secure = false, unsafe = false;
    enum tag_reason reason = REASON_NONE;
    if (outlen == 0)
        return;
    while (*s) {
        const char *close = *s == '[' ? strchr(s, ']') : NULL;
        const char *nested = close ? memchr(s + 1, '[', (size_t)(close - s - 1)) : NULL;
        if (close && !nested && close - s < 256) {
            char inner[512];
            fold(s + 1, (size_t)(close - s - 1), inner, sizeof inner);
            bool bad = false;
            enum tag_reason r = REASON_NONE;
            enum tag k = classify(inner, &r, &bad);
            if (k != TAG_NONE) {
                t->found++;
                if (k == TAG_SECURE)
                    secure = true;
                else if (bad)
                    t->malformed = true;
                else if (!unsafe) {
                    unsafe = true;
                    reason = r;
                }
                /* drop the tag and the blanks after it */
                s = close + 1;
                while (*s == ' ' || *s == '\t')
                    s++;
                continue;
            }
        }
        if (o + 1 < outlen)
            out[o++] = *s;
        s++;
    }
    while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '\t'))
        o--;
    out[o] = '\0';
    if (secure)
        t->tag = TAG_SECURE;
    else if (unsafe) {
        t->tag = TAG_UNSAFE;
        t->reason = reason;
    }
}

const char *tags_tag_name(enum tag t)
{
    return t == TAG_SECURE ? "secure" : t == TAG_UNSAFE ? "unsafe" : "none";
}

const char *tags_reason_name(enum tag_reason r)
{
    static const char *const names[] = {"none",   "consent",    "not-health",
                                        "urgent", "no-channel", "other"};
    return r <= REASON_OTHER ? names[r] : "other";
}
