/*
 * smtpsend - what one smtp_send costs: N notice-sized messages submitted
 * one after another (a session each, as sluis-milter does) to an SMTP
 * server such as bench/smtpsink. Prints one line: messages/s, the
 * p50/p99/max of a send in microseconds, and the CPU time of a send (this
 * process, user and system). Built against whichever smtp.c is given, so
 * that bench/smtp-compare can set two implementations side by side.
 *
 *   smtpsend HOST:PORT|unix:/path N
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "../common/smtp.h"

/* a rendered notice: headers and a short text, LF line ends */
static const char notice[] = "From: Mail Security <postmaster@zorg-example.nl>\n"
                             "To: a.jansen@gmail.example\n"
                             "Subject: Uw bericht staat klaar in de beveiligde omgeving\n"
                             "Date: Sun, 22 Nov 2026 10:00:00 +0100\n"
                             "Message-ID: <notice.0001@zorg-example.nl>\n"
                             "MIME-Version: 1.0\n"
                             "Content-Type: text/plain; charset=utf-8\n"
                             "Content-Transfer-Encoding: 8bit\n"
                             "Auto-Submitted: auto-generated\n"
                             "\n"
                             "Beste ontvanger,\n"
                             "\n"
                             "Er staat een bericht voor u klaar. Open het via de link hieronder;\n"
                             "de link is 14 dagen geldig.\n"
                             "\n"
                             "https://portal.zorg-example.nl/p/3q2+7w_Xk9bLr0aZ\n"
                             ".\n"
                             "Met vriendelijke groet,\n"
                             "Zorg Example\n";

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return x < y ? -1 : x > y;
}

/* cpu_us - the CPU time of this process (user and system): what a send
 * costs the caller, less disturbed by other load than the wall clock */
static long long cpu_us(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000LL + ru.ru_utime.tv_usec +
           ru.ru_stime.tv_usec;
}

static long long now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000LL + t.tv_nsec / 1000;
}

int main(int argc, char **argv)
{
    if (argc != 3 || atoi(argv[2]) <= 0) {
        fprintf(stderr, "usage: smtpsend HOST:PORT|unix:/path N\n");
        return 2;
    }
    struct smtp_target t;
    char err[512];
    if (smtp_target_parse(argv[1], &t, err, sizeof err) != SL_OK) {
        fprintf(stderr, "smtpsend: %s\n", err);
        return 2;
    }
    size_t n = (size_t)atoi(argv[2]);
    long long *took = calloc(n, sizeof *took);
    if (took == NULL)
        return 1;
    const char *to[] = {"a.jansen@gmail.example"};
    long long start = now_us(), cpu0 = cpu_us();
    for (size_t i = 0; i < n; i++) {
        long long t0 = now_us();
        enum smtp_result r = smtp_send(&t, "mx.zorg-example.nl", "", to, 1, notice,
                                       sizeof notice - 1, err, sizeof err);
        took[i] = now_us() - t0;
        if (r != SMTP_OK) {
            fprintf(stderr, "smtpsend: message %zu: %s (%s)\n", i + 1, err, smtp_result_name(r));
            free(took);
            return 1;
        }
    }
    double secs = (double)(now_us() - start) / 1e6;
    double cpu = (double)(cpu_us() - cpu0) / (double)n;
    qsort(took, n, sizeof *took, cmp_ll);
    printf("%zu messages in %.2f s: %.0f messages/s, send p50 %lld us, p99 %lld us, max %lld us, "
           "CPU %.0f us a send\n",
           n, secs, (double)n / secs, took[n / 2], took[n * 99 / 100], took[n - 1], cpu);
    free(took);
    return 0;
}
