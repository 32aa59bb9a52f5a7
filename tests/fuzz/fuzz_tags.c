/*
 * fuzz_tags - subject tags: "[veilig]", "[onveilig: reden]" and their
 * kin found and removed (policy/tags.c).
 *
 * Feeds: the input, up to its first NUL byte, as a decoded Subject, into
 * an output buffer of 1024 bytes (what the session uses) and into one of
 * 1 to 32 bytes (the input's length picks it).
 * Checks beyond no crash and no leak:
 * - the output stays inside its buffer, is terminated, and is what is
 *   left of the subject: its bytes in their order, no more of them;
 * - a subject without '[' comes back unchanged (but for trailing blanks);
 * - the tag and reason are in range and agree: a reason only with an
 *   unsafe tag that was honoured, a tag only when one was found, a
 *   malformed tag counted as found;
 * - a cut output buffer changes the rest only, never the tags found.
 */
#include <stdlib.h>
#include <string.h>

#include "../../policy/tags.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* subsequence - are the bytes of a all in b, in order? */
static bool subsequence(const char *a, const char *b)
{
    for (; *a; a++) {
        b = strchr(b, *a);
        if (b == NULL)
            return false;
        b++;
    }
    return true;
}

static void check(const char *subject, const struct tags *t, const char *out, size_t outlen)
{
    size_t n = strnlen(out, outlen);
    FUZZ_CHECK(n < outlen, "output not terminated inside %zu bytes", outlen);
    FUZZ_CHECK(n <= strlen(subject) && subsequence(out, subject), "output '%s' is not left of '%s'",
               out, subject);
    FUZZ_CHECK(t->tag <= TAG_UNSAFE && t->reason <= REASON_OTHER, "tag %d, reason %d", (int)t->tag,
               (int)t->reason);
    FUZZ_CHECK((t->tag == TAG_UNSAFE) == (t->reason != REASON_NONE), "tag %s with reason %s",
               tags_tag_name(t->tag), tags_reason_name(t->reason));
    FUZZ_CHECK(t->found > 0 || (t->tag == TAG_NONE && !t->malformed), "a tag without one found");
    if (strchr(subject, '[') == NULL) {
        size_t sl = strlen(subject);
        if (sl > outlen - 1)
            sl = outlen - 1;
        while (sl > 0 && (subject[sl - 1] == ' ' || subject[sl - 1] == '\t'))
            sl--;
        FUZZ_CHECK(t->found == 0 && n == sl && strncmp(out, subject, n) == 0,
                   "no tag, but '%s' became '%s'", subject, out);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *subject = fuzz_string(data, size);
    char out[1024];
    struct tags t;
    tags_read(subject, &t, out, sizeof out);
    check(subject, &t, out, sizeof out);

    size_t small = 1 + size % 32;
    char *cut = malloc(small);
    FUZZ_CHECK(cut != NULL, "out of memory");
    struct tags tc;
    tags_read(subject, &tc, cut, small);
    check(subject, &tc, cut, small);
    FUZZ_CHECK(t.tag == tc.tag && t.reason == tc.reason && t.found == tc.found &&
                   t.malformed == tc.malformed,
               "a shorter output buffer changed the tags");
    free(cut);
    free(subject);
    return 0;
}
