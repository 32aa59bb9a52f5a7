/* test_mutate - hostile input: thousands of deterministic mutations
 * (flipped bytes, cut and inserted MIME fragments, truncation) of a few
 * well-formed messages go through the whole scan; every one must end with
 * SL_OK. Under the ASan/UBSan build any memory error fails the run. */
#include <stdlib.h>
#include <string.h>

#include "../../common/buf.h"
#include "../../scan/scan.h"
#include "check.h"

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static const char *const seeds[] = {
    "From: \"A. Bakker\" <a@zorg.example>\r\nTo: b@x.example\r\nSubject: =?UTF-8?B?Q2xpw6tudA==?= "
    "dhr. Jansen\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
    "--b1\r\nContent-Type: multipart/alternative; boundary=b2\r\n\r\n--b2\r\nContent-Type: "
    "text/plain; charset=iso-8859-1; format=flowed\r\nContent-Transfer-Encoding: "
    "quoted-printable\r\n\r\nGeachte collega, dhr. P. Jansen (BSN 123456782, geb. 12-03-1945) "
    "=\r\nis bekend met COPD.=E9\r\n--b2\r\nContent-Type: text/html\r\n\r\n<p>Pati&euml;nt "
    "<b>Jansen</b><script>x</script></p>\r\n--b2--\r\n--b1\r\nContent-Type: text/csv; "
    "name=l.csv\r\nContent-Disposition: attachment; filename=l.csv\r\n"
    "Content-Transfer-Encoding: base64\r\n\r\nbmFhbTtkaWFnbm9zZQpKYW4gSmFuc2VuO0NPUEQK\r\n--b1\r\n"
    "Content-Type: message/rfc822\r\n\r\nSubject: fw\r\n\r\nbegin 644 a.txt\r\n"
    "/9&EA8F5T97,@='EP92`R\r\n`\r\nend\r\n--b1--\r\n",
    "Subject: lijst\n\nINSZ;Naam;Geboortedatum\n85073003328;Peeters;30-07-1985\n"
    "Mevrouw Peeters (\xc2\xb0"
    "12/03/1945) heeft hartfalen. Uw moeder kreeg haloperidol.\n",
};

static const char *const inserts[] = {
    "--b1\r\n",
    "--b2--\r\n",
    "\r\n\r\n",
    "=?utf-8?q?",
    "Content-Type: multipart/mixed; boundary=z\r\n",
    "Content-Type: message/rfc822\r\n\r\n",
    "&#x",
    "<tr><td>",
    "begin 644 x\r\n",
    "\xff\xfe\x00",
    "=\r\n",
    "Content-Transfer-Encoding: base64\r\n",
};

int main(void)
{
    char err[256];
    extract_init();
    struct pack *p = pack_load(SLUIS_RULES_DIR, 1, err, sizeof err);
    CHECK(p != NULL, "rules load: %s", err);
    if (p == NULL)
        return check_summary("test_mutate");
    struct detect_scratch *s = detect_scratch_new(p);
    struct extract_limits lim;
    extract_limits_default(&lim);
    unsigned ok = 0, total = 3000;
    for (unsigned round = 0; round < total; round++) {
        const char *seed = seeds[round % NELEM(seeds)];
        struct buf b = BUF_INIT;
        buf_append_str(&b, seed);
        unsigned edits = 1 + (unsigned)(next() % 12);
        for (unsigned e = 0; e < edits && b.len > 0; e++) {
            size_t at = (size_t)(next() % b.len);
            switch (next() % 4) {
            case 0: /* flip a byte */
                b.data[at] = (char)(next() & 0xFF);
                break;
            case 1: { /* cut a run */
                size_t n = 1 + (size_t)(next() % 40);
                if (at + n > b.len)
                    n = b.len - at;
                memmove(b.data + at, b.data + at + n, b.len - at - n);
                b.len -= n;
                break;
            }
            case 2: { /* insert a MIME or markup fragment */
                const char *ins = inserts[next() % NELEM(inserts)];
                size_t n = strlen(ins);
                buf_reserve(&b, n);
                memmove(b.data + at + n, b.data + at, b.len - at);
                memcpy(b.data + at, ins, n);
                b.len += n;
                break;
            }
            default: /* truncate */
                b.len = at;
                break;
            }
        }
        struct detect_result r = {0};
        enum sl_status st = scan_message(p, &lim, NULL, s, b.data ? b.data : "", b.len, &r, NULL);
        ok += st == SL_OK;
        if (st != SL_OK)
            CHECK(false, "round %u: status %s", round, sl_status_str(st));
        detect_result_free(&r);
        buf_free(&b);
    }
    CHECK(ok == total, "every mutation scanned: %u of %u", ok, total);
    detect_scratch_free(s);
    pack_free(p);
    return check_summary("test_mutate");
}
