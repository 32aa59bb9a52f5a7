/*
 * check - the smallest test harness: CHECK counts and reports, and
 * check_summary() prints the closing "N passed, N failed" line.
 */
#ifndef SLUIS_CHECK_H
#define SLUIS_CHECK_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned check_passed, check_failed;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (cond) {                                                                                \
            check_passed++;                                                                        \
        } else {                                                                                   \
            check_failed++;                                                                        \
            fprintf(stderr, "%s:%d: FAIL: ", __FILE__, __LINE__);                                  \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* check_append - append s to the string in dst[cap], cut to fit (for
 * building generated test text) */
static inline void check_append(char *dst, size_t cap, const char *s)
{
    size_t n = strlen(dst), m = strlen(s);
    if (n + m >= cap)
        m = n + 1 < cap ? cap - n - 1 : 0;
    memcpy(dst + n, s, m);
    dst[n + m] = '\0';
}

/* check_remove_dir - a folder a test made, with what is in it */
static inline void check_remove_dir(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "%s not removed\n", dir);
}

static inline int check_summary(const char *name)
{
    printf("%s: %u passed, %u failed\n", name, check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif
