/* test_extract - MIME to text segments: encodings, charsets, HTML, flowed
 * text, uuencode, nesting, attachments, and every limit. Fixtures are built
 * here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/buf.h"
#include "../../extract/extract.h"
#include "check.h"

static struct extract_limits lim;

static void run(const char *msg, size_t len, struct extraction *ex)
{
    memset(ex, 0, sizeof *ex);
    enum sl_status st = extract_message(msg, len, &lim, NULL, ex);
    CHECK(st == SL_OK, "extract: %s", sl_status_str(st));
}

/* seg - the first segment whose location is where (prefix match), or NULL */
static const struct text_segment *seg(const struct extraction *ex, const char *where)
{
    for (size_t i = 0; i < ex->nsegs; i++)
        if (strncmp(ex->segs[i].where, where, strlen(where)) == 0)
            return &ex->segs[i];
    return NULL;
}

static bool seg_has(const struct extraction *ex, const char *where, const char *text)
{
    const struct text_segment *s = seg(ex, where);
    return s && memmem(s->text, s->len, text, strlen(text)) != NULL;
}

static bool has_note(const struct extraction *ex, const char *rule)
{
    for (size_t i = 0; i < ex->nnotes; i++)
        if (strcmp(ex->notes[i].rule, rule) == 0)
            return true;
    return false;
}

/* note_flag - 1 when the note rule is incomplete, 0 when it is not, -1 when absent */
static int note_flag(const struct extraction *ex, const char *rule)
{
    for (size_t i = 0; i < ex->nnotes; i++)
        if (strcmp(ex->notes[i].rule, rule) == 0)
            return ex->notes[i].incomplete;
    return -1;
}

static void dump(const struct extraction *ex)
{
    for (size_t i = 0; i < ex->nsegs; i++)
        fprintf(stderr, "    seg %s (doc %u): %.*s\n", ex->segs[i].where, ex->segs[i].doc,
                (int)(ex->segs[i].len > 80 ? 80 : ex->segs[i].len), ex->segs[i].text);
    for (size_t i = 0; i < ex->nnotes; i++)
        fprintf(stderr, "    note %s %s\n", ex->notes[i].rule, ex->notes[i].where);
}

#define HDR                                                                                        \
    "From: \"Anja Bakker\" <a.bakker@zorg.example>\r\nTo: hr@zorg.example\r\nMIME-Version: "       \
    "1.0\r\n"

#define A42 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

struct textcase {
    const char *name, *msg, *where, *want;
};

int main(void)
{
    extract_init();
    extract_limits_default(&lim);

    static const struct textcase cases[] = {
        {"plain subject", HDR "Subject: Overdracht\r\n\r\nTekst\r\n", "header:subject",
         "Overdracht"},
        {"display name", HDR "Subject: x\r\n\r\nTekst\r\n", "header:from", "Anja Bakker"},
        {"rfc2047 q latin-1", HDR "Subject: =?ISO-8859-1?Q?Pati=EBnt_dossier?=\r\n\r\nx\r\n",
         "header:subject", "Patiënt dossier"},
        {"rfc2047 b utf-8", HDR "Subject: =?UTF-8?B?Q2xpw6tudA==?=\r\n\r\nx\r\n", "header:subject",
         "Cliënt"},
        {"base64 utf-8 body",
         HDR "Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\n"
             "Content-Transfer-Encoding: base64\r\n\r\nUGF0acOrbnQgbWV0IENPUEQ=\r\n",
         "body:text/plain", "Patiënt met COPD"},
        {"quoted-printable latin-1",
         HDR "Subject: x\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
             "Content-Transfer-Encoding: quoted-printable\r\n\r\nGeboren op 3 ao=FBt, "
             "h=F4pital=\r\n suite\r\n",
         "body:text/plain", "3 août, hôpital suite"},
        {"windows-1252 quotes",
         HDR "Subject: x\r\nContent-Type: text/plain; charset=windows-1252\r\n"
             "Content-Transfer-Encoding: 8bit\r\n\r\n\x93zorg\x94 \x80 5\r\n",
         "body:text/plain", "\xe2\x80\x9czorg\xe2\x80\x9d \xe2\x82\xac 5"},
        {"utf-8 label on latin-1 bytes",
         HDR "Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\ncli\xebnt\r\n",
         "body:text/plain", "cliënt"},
        {"unknown charset tolerated",
         HDR "Subject: x\r\nContent-Type: text/plain; charset=x-nonsense-42\r\n\r\npati\xebnt\r\n",
         "body:text/plain", "patiënt"},
        {"broken base64 tolerated",
         HDR "Subject: x\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
             "UGF0a!!!WVudA=\r\n",
         "body:text/plain", "Pat"},
        {"format=flowed joined",
         HDR "Subject: x\r\nContent-Type: text/plain; charset=utf-8; format=flowed\r\n\r\n"
             "Mevrouw heeft \r\nlast van \r\nduizeligheid.\r\n-- \r\nsig\r\n",
         "body:text/plain", "Mevrouw heeft last van duizeligheid.\n-- \nsig"},
        {"format=flowed delsp",
         HDR "Subject: x\r\nContent-Type: text/plain; format=flowed; delsp=yes\r\n\r\n"
             "diabe \r\ntes\r\n",
         "body:text/plain", "diabetes"},
        {"html only: entities, script",
         HDR "Subject: x\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
             "<html><head><style>.a{}</style></head><body><p>Pati&euml;nt <b>Jansen</b></p>"
             "<script>alert(1)</script></body></html>\r\n",
         "body:text/html", "Patiënt Jansen"},
        {"inline uuencode",
         HDR "Subject: x\r\nContent-Type: text/plain\r\n\r\nzie bijlage\r\n"
             "begin 644 lijst.txt\r\n"
             "/9&EA8F5T97,@='EP92`R\r\n"
             "`\r\nend\r\n",
         "attachment:lijst.txt", "diabetes type 2"},
        {"x-uuencode part",
         HDR "Subject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
             "Content-Type: text/plain\r\n\r\nzie bijlage\r\n--b\r\n"
             "Content-Type: text/plain; name=a.txt\r\nContent-Disposition: attachment; "
             "filename=a.txt\r\n"
             "Content-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 a.txt\r\n"
             "/9&EA8F5T97,@='EP92`R\r\n`\r\nend\r\n--b--\r\n",
         "attachment:a.txt", "diabetes type 2"},
        {"csv attachment",
         HDR "Subject: lijst\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
             "Content-Type: text/plain\r\n\r\nzie bijlage\r\n--b\r\n"
             "Content-Type: text/csv; name=\"clienten.csv\"\r\n"
             "Content-Disposition: attachment; filename=\"clienten.csv\"\r\n"
             "Content-Transfer-Encoding: base64\r\n\r\n"
             "bmFhbTtkaWFnbm9zZQpKYW4gSmFuc2VuO0NPUEQK\r\n--b--\r\n",
         "attachment:clienten.csv", "Jan Jansen;COPD"},
        {"attachment file name",
         HDR "Subject: lijst\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
             "Content-Type: text/plain\r\n\r\nx\r\n--b\r\n"
             "Content-Type: application/pdf; name=\"ontslagbrief_jansen.pdf\"\r\n"
             "Content-Disposition: attachment; filename=\"ontslagbrief_jansen.pdf\"\r\n"
             "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n",
         "filename:ontslagbrief_jansen.pdf", "ontslagbrief jansen pdf"},
        {"ics attachment by name",
         HDR
         "Subject: afspraak\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
         "Content-Type: text/plain\r\n\r\nx\r\n--b\r\n"
         "Content-Type: application/octet-stream; name=afspraak.ics\r\n"
         "Content-Disposition: attachment; filename=afspraak.ics\r\n\r\n"
         "BEGIN:VCALENDAR\r\nSUMMARY:Controle diabetes dhr. Jansen\r\nEND:VCALENDAR\r\n--b--\r\n",
         "attachment:afspraak.ics", "Controle diabetes dhr. Jansen"},
        {"inline uuencode, mode too long for a number",
         HDR "Subject: x\r\nContent-Type: text/plain\r\n\r\nzie bijlage\r\n"
             "begin 7777777777777777777777777 lijst.txt\r\n"
             "/9&EA8F5T97,@='EP92`R\r\n"
             "`\r\nend\r\n",
         "attachment:lijst.txt", "diabetes type 2"},
        /* file names are UTF-8 whatever the bytes (found by fuzz_message) */
        {"rfc 2231 name that is not the utf-8 it declares",
         HDR "Subject: lijst\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
             "Content-Type: text/plain\r\n\r\nx\r\n--b\r\n"
             "Content-Type: application/pdf\r\n"
             "Content-Disposition: attachment; filename*=utf-8''ge%E9updatet.pdf\r\n"
             "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n",
         "filename:ge", "ge\xef\xbf\xbdupdatet pdf"},
        {"uuencoded file name cut inside a character",
         HDR "Subject: x\r\n\r\nzie\r\nbegin 644 " A42 A42 A42 "\xc3\xa9.txt\r\nM86)C\r\nend\r\n",
         "filename:a", "aaa\xef\xbf\xbd"},
        /* a charset whose ASCII bytes are ASCII keeps ASCII text as it is;
         * others convert whatever the bytes */
        {"latin-1 label on ASCII text: as it is",
         HDR "Subject: x\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\n"
             "Patient met COPD\r\n",
         "body:text/plain", "Patient met COPD"},
        /* as iconv refuses such text, every byte past ASCII becomes U+FFFD, the
         * letters too (a loss worth mending on its own, with make eval) */
        {"windows-1252 with a byte it leaves undefined",
         HDR "Subject: x\r\nContent-Type: text/plain; charset=windows-1252\r\n\r\n"
             "caf\xe9 \x81 \x80\r\n",
         "body:text/plain", "caf\xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd"},
        {"latin-1 high bytes by table",
         HDR "Subject: x\r\nContent-Type: text/plain; charset=latin1\r\n\r\n"
             "\xe9\xff\x80 \xa0\r\n",
         "body:text/plain", "\xc3\xa9\xc3\xbf\xc2\x80 \xc2\xa0"},
        {"utf-7: ASCII bytes that mean other letters",
         HDR "Subject: x\r\nContent-Type: text/plain; charset=utf-7\r\n\r\n"
             "Pati+AOs-nt\r\n",
         "body:text/plain", "Patiënt"},
        {"iso-2022-jp: escapes, not text",
         HDR "Subject: x\r\nContent-Type: text/plain; charset=iso-2022-jp\r\n\r\n"
             "a\x1b$B$\"\x1b(Bb\r\n",
         "body:text/plain",
         "a\xe3\x81\x82"
         "b"},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        struct extraction ex;
        run(cases[i].msg, strlen(cases[i].msg), &ex);
        bool ok = seg_has(&ex, cases[i].where, cases[i].want);
        CHECK(ok, "%s: no segment %s with '%s'", cases[i].name, cases[i].where, cases[i].want);
        if (!ok)
            dump(&ex);
        extract_free(&ex);
    }

    struct extraction ex;
    const char *m;

    /* csv is row-oriented; a pdf is recorded as not scanned, never skipped */
    m = cases[15].msg;
    run(m, strlen(m), &ex);
    CHECK(seg(&ex, "attachment:clienten.csv") && seg(&ex, "attachment:clienten.csv")->rows,
          "csv attachment is row-oriented");
    extract_free(&ex);
    m = cases[16].msg;
    run(m, strlen(m), &ex);
    CHECK(has_note(&ex, "unscannable.not-scanned"), "pdf recorded as not scanned");
    CHECK(ex.nnotes == 1 && strstr(ex.notes[0].where, "application/pdf"),
          "the note says where and what: got '%s'", ex.nnotes ? ex.notes[0].where : "");
    extract_free(&ex);

    /* nested message/rfc822, two deep: each its own document */
    m = HDR "Subject: Fwd: fw\r\nContent-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\n"
            "Content-Type: text/plain\r\n\r\nzie onder\r\n--o\r\n"
            "Content-Type: message/rfc822\r\n\r\n"
            "From: x@y.example\r\nSubject: binnenste 1\r\nContent-Type: multipart/mixed; "
            "boundary=i\r\n\r\n"
            "--i\r\nContent-Type: text/plain\r\n\r\ntekst een\r\n--i\r\n"
            "Content-Type: message/rfc822\r\nContent-Disposition: attachment; "
            "filename=\"oud.eml\"\r\n\r\n"
            "From: z@y.example\r\nSubject: binnenste 2\r\n\r\ntekst twee\r\n--i--\r\n--o--\r\n";
    run(m, strlen(m), &ex);
    const struct text_segment *s1 = seg(&ex, "attachment:message/rfc822>header:subject");
    const struct text_segment *s2 =
        seg(&ex, "attachment:message/rfc822>attachment:oud.eml>header:subject");
    CHECK(s1 && s1->doc == 1 &&
              seg_has(&ex, "attachment:message/rfc822>header:subject", "binnenste 1"),
          "first nested message is document 1");
    CHECK(s2 && s2->doc == 2 &&
              seg_has(&ex, "attachment:message/rfc822>attachment:oud.eml>body", "tekst twee"),
          "second nested message is document 2");
    if (!s1 || !s2)
        dump(&ex);
    extract_free(&ex);

    /* which way it goes: From, To and Cc domains, folded, groups opened,
     * never a local part or a name; a message inside has its own */
    m = "From: \"Anja Bakker\" <A.Bakker@Zorg-Example.NL>\r\n"
        "To: \"Jan Smit\" <jan.smit@Gmail.com>, Team: wijk@team-example.nl, "
        "p.devries@telenet.be;\r\nCc: archief@zorg-example.nl\r\nSubject: x\r\n"
        "Content-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\n"
        "Content-Type: text/plain\r\n\r\nzie onder\r\n--o\r\n"
        "Content-Type: message/rfc822\r\n\r\nFrom: moeder@hotmail.com\r\n"
        "Subject: vraag\r\n\r\ntekst\r\n--o--\r\n";
    run(m, strlen(m), &ex);
    s1 = seg(&ex, "header:addresses");
    s2 = seg(&ex, "attachment:message/rfc822>header:addresses");
    const char *want = "from zorg-example.nl\nto gmail.com\nto team-example.nl\nto telenet.be\n"
                       "to zorg-example.nl\n";
    CHECK(s1 && s1->kind == SEG_ADDRESSES && s1->doc == 0 && s1->len == strlen(want) &&
              memcmp(s1->text, want, s1->len) == 0,
          "the addresses' domains, one a line: got '%.*s'", s1 ? (int)s1->len : 0,
          s1 ? s1->text : "");
    CHECK(s1 && memmem(s1->text, s1->len, "bakker", 6) == NULL &&
              memmem(s1->text, s1->len, "smit", 4) == NULL,
          "no local part or name among the domains");
    CHECK(s2 && s2->kind == SEG_ADDRESSES && s2->doc == 1 &&
              seg_has(&ex, "attachment:message/rfc822>header:addresses", "from hotmail.com\n"),
          "the inner message's own addresses");
    if (!s1 || !s2)
        dump(&ex);
    extract_free(&ex);

    /* a message/partial is read as the message it is a fragment of */
    m = HDR "Subject: x\r\nContent-Type: message/partial; id=\"abc@x\"; number=1; total=2\r\n\r\n"
            "From: a@zorg.example\r\nSubject: binnen\r\nContent-Type: multipart/mixed; "
            "boundary=q\r\n\r\n--q\r\nContent-Type: text/plain\r\n\r\nTekst van het deel\r\n"
            "--q\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            "/9j/4AAQSkZJRgABAQEASABIAAD/4gxYSUNDX1BST0ZJTEUAAQEAAAxITGlubwIQAABtbnRy\r\n";
    run(m, strlen(m), &ex);
    s1 = seg(&ex, "body:message/partial>body:text/plain");
    CHECK(s1 && s1->doc == 1 &&
              seg_has(&ex, "body:message/partial>body:text/plain", "Tekst van het deel") &&
              seg(&ex, "body:message/partial>header:subject") != NULL,
          "message/partial read as a message");
    for (size_t i = 0; i < ex.nsegs; i++)
        CHECK(memmem(ex.segs[i].text, ex.segs[i].len, "/9j/4AAQ", 8) == NULL,
              "the fragment's base64 read as text at %s", ex.segs[i].where);
    if (s1 == NULL)
        dump(&ex);
    extract_free(&ex);

    /* multipart/encrypted is recorded, not passed as clean */
    m = HDR
        "Subject: x\r\nContent-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; "
        "boundary=e\r\n\r\n"
        "--e\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n--e\r\n"
        "Content-Type: application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n--e--\r\n";
    run(m, strlen(m), &ex);
    CHECK(has_note(&ex, "unscannable.encrypted"), "encrypted recorded");
    extract_free(&ex);

    /* limits: depth */
    struct buf b = BUF_INIT;
    buf_append_str(&b, HDR "Subject: deep\r\n");
    for (int i = 0; i < 30; i++)
        buf_printf(&b, "Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n", i, i);
    buf_append_str(&b, "Content-Type: text/plain\r\n\r\ndiep verstopt\r\n");
    for (int i = 29; i >= 0; i--)
        buf_printf(&b, "--b%d--\r\n", i);
    run(b.data, b.len, &ex);
    CHECK(has_note(&ex, "unscannable.depth-limit"), "depth limit recorded");
    extract_free(&ex);

    /* a nesting bomb far past max_parts: not handed to the parser, scanned raw */
    buf_reset(&b);
    buf_append_str(&b, HDR "Subject: bomb\r\n");
    for (int i = 0; i < 20000; i++)
        buf_printf(&b, "Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n", i, i);
    buf_append_str(&b, "Content-Type: text/plain\r\n\r\nheel diep\r\n");
    run(b.data, b.len, &ex);
    CHECK(has_note(&ex, "unscannable.parts-limit") && seg_has(&ex, "raw", "heel diep"),
          "nesting bomb: parts limit and raw scan");
    extract_free(&ex);

    /* limits: parts */
    buf_reset(&b);
    buf_append_str(&b, HDR "Subject: many\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n");
    for (int i = 0; i < 40; i++)
        buf_printf(&b, "--b\r\nContent-Type: text/plain\r\n\r\ndeel %d\r\n", i);
    buf_append_str(&b, "--b--\r\n");
    lim.max_parts = 10;
    run(b.data, b.len, &ex);
    CHECK(has_note(&ex, "unscannable.parts-limit"), "parts limit recorded");
    CHECK(seg_has(&ex, "body:text/plain", "deel 0"), "parts before the limit are scanned");
    extract_free(&ex);
    extract_limits_default(&lim);

    /* limits: part size, text total, header bytes */
    buf_reset(&b);
    buf_append_str(&b, HDR "Subject: big\r\n\r\n");
    for (int i = 0; i < 2000; i++)
        buf_append_str(&b, "regel tekst\r\n");
    lim.max_part_bytes = 4096;
    run(b.data, b.len, &ex);
    CHECK(has_note(&ex, "unscannable.part-size-limit"), "part size limit recorded");
    CHECK(seg(&ex, "body") && seg(&ex, "body")->len <= 4096, "part cut at the limit");
    extract_free(&ex);
    extract_limits_default(&lim);
    lim.max_text_bytes = 2048;
    run(b.data, b.len, &ex);
    CHECK(has_note(&ex, "unscannable.text-limit") && ex.text_bytes <= 2048,
          "text limit: got %zu bytes", ex.text_bytes);
    extract_free(&ex);
    extract_limits_default(&lim);
    buf_reset(&b);
    buf_append_str(&b, HDR "Subject: headers\r\n");
    for (int i = 0; i < 400; i++)
        buf_printf(&b, "X-Filler-%d: %0100d\r\n", i, 0);
    buf_append_str(&b, "\r\nlichaam\r\n");
    lim.max_header_bytes = 8192;
    run(b.data, b.len, &ex);
    CHECK(has_note(&ex, "unscannable.header-limit") && seg_has(&ex, "body", "lichaam"),
          "header limit recorded, body still scanned");
    extract_free(&ex);
    extract_limits_default(&lim);

    /* limits: time (a deadline already passed) */
    m = cases[0].msg;
    memset(&ex, 0, sizeof ex);
    ex.deadline_ns = 1;
    extract_message(m, strlen(m), &lim, NULL, &ex);
    CHECK(has_note(&ex, "unscannable.time-limit"), "time limit recorded");
    extract_free(&ex);

    /* not a message at all, and empty input */
    static const char junk[] = "\x00\x01\x02garbage\xff\xfe no headers here";
    run(junk, sizeof junk - 1, &ex);
    CHECK(ex.nsegs >= 1, "junk still yields text to scan");
    extract_free(&ex);
    run("", 0, &ex);
    CHECK(ex.nsegs == 0 && has_note(&ex, "unscannable.malformed"),
          "empty input: no text, recorded as malformed (got %zu segments, %zu notes)", ex.nsegs,
          ex.nnotes);
    extract_free(&ex);

    /* malformed carriers: a nested message that is no message has its bytes
     * scanned as text (nothing missed); a part nobody read is incomplete */
#define MIX "Subject: x\r\nContent-Type: multipart/mixed; boundary=q\r\n\r\n--q\r\n"
    static const struct {
        const char *name, *msg, *note, *where, *text;
        int incomplete; /* the note's flag */
    } carriers[] = {
        {"eml without header lines",
         HDR MIX "Content-Type: application/octet-stream; name=fw.eml\r\n"
                 "Content-Disposition: attachment; filename=fw.eml\r\n\r\n"
                 "\r\nBeste collega, mevrouw Visser heeft diabetes.\r\n--q--\r\n",
         "unscannable.malformed", "attachment:fw.eml (raw)", "mevrouw Visser heeft diabetes", 0},
        {"rfc822 of 'Word: value' lines",
         HDR MIX "Content-Type: message/rfc822\r\n\r\n"
                 "Diagnose: depressie\r\nPatient: Sanne Visser\r\n\r\nrest\r\n--q--\r\n",
         "unscannable.malformed", "attachment:message/rfc822 (raw)", "Diagnose: depressie", 0},
        {"rfc822 that starts with a blank line",
         HDR MIX "Content-Type: message/rfc822\r\n\r\n"
                 "\r\nmevrouw Visser heeft diabetes\r\n--q--\r\n",
         "unscannable.malformed", "attachment:message/rfc822 (raw)",
         "mevrouw Visser heeft diabetes", 0},
        {"a forwarded message is walked",
         HDR MIX "Content-Type: message/rfc822\r\n\r\n"
                 "From: a@b.example\r\nSubject: doorgestuurd\r\n\r\nmevrouw Visser\r\n--q--\r\n",
         NULL, "attachment:message/rfc822>body:text/plain", "mevrouw Visser", -1},
        {"a document without a worker is incomplete",
         HDR MIX "Content-Type: application/pdf; name=brief.pdf\r\n\r\n%PDF-1.4 x\r\n--q--\r\n",
         "unscannable.not-scanned", NULL, NULL, 1},
        {"an image is recorded, not incomplete",
         HDR MIX "Content-Type: image/png; name=foto.png\r\n\r\nPNG\r\n--q--\r\n",
         "unscannable.image", NULL, NULL, 0},
        {"encrypted is protected, not incomplete",
         HDR "Subject: x\r\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data\r\n"
             "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\r\n",
         "unscannable.encrypted", NULL, NULL, 0},
    };
    for (size_t i = 0; i < sizeof carriers / sizeof carriers[0]; i++) {
        unsigned failed_before = check_failed;
        run(carriers[i].msg, strlen(carriers[i].msg), &ex);
        if (carriers[i].note) {
            int got = note_flag(&ex, carriers[i].note);
            CHECK(got == carriers[i].incomplete, "%s: note %s incomplete %d, want %d",
                  carriers[i].name, carriers[i].note, got, carriers[i].incomplete);
        } else {
            CHECK(ex.nnotes == 0, "%s: %zu notes, want none", carriers[i].name, ex.nnotes);
        }
        if (carriers[i].where)
            CHECK(seg_has(&ex, carriers[i].where, carriers[i].text), "%s: no '%s' at %s",
                  carriers[i].name, carriers[i].text, carriers[i].where);
        if (check_failed != failed_before)
            dump(&ex);
        extract_free(&ex);
    }

    /* address groups by the ten thousand ("To: g:g:g:..."): GMime's address
     * parser would recurse once each and overflow the stack; such a message,
     * or such a nested one, is not handed to it, and counts as not scanned
     * in full */
    for (int nested = 0; nested < 2; nested++) {
        buf_reset(&b);
        if (nested)
            buf_append_str(&b, HDR MIX "Content-Type: message/rfc822\r\n\r\n");
        buf_append_str(&b, "From: a@zorg.example\r\nTo: ");
        for (int i = 0; i < 45000; i++)
            buf_append_str(&b, "g:");
        buf_append_str(&b, " x@y.example\r\nSubject: t\r\n\r\nmevrouw Visser\r\n");
        if (nested)
            buf_append_str(&b, "--q--\r\n");
        run(b.data, b.len, &ex);
        CHECK(note_flag(&ex, "unscannable.header-limit") == 1 && seg_has(&ex, "raw", "Visser"),
              "%s address group bomb: header-limit (flag %d), scanned raw",
              nested ? "nested" : "top-level", note_flag(&ex, "unscannable.header-limit"));
        extract_free(&ex);
    }

    /* a message scanned raw (a nesting bomb) as far as max_part_bytes: the
     * cut counts as incomplete */
    buf_reset(&b);
    buf_append_str(&b, HDR "Subject: bomb\r\n");
    for (int i = 0; i < 20000; i++)
        buf_printf(&b, "Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n", i, i);
    lim.max_part_bytes = 4096;
    run(b.data, b.len, &ex);
    CHECK(note_flag(&ex, "unscannable.part-size-limit") == 1 && seg(&ex, "raw") &&
              seg(&ex, "raw")->len <= 4096,
          "raw scan cut at max_part_bytes: incomplete (flag %d)",
          note_flag(&ex, "unscannable.part-size-limit"));
    extract_free(&ex);
    extract_limits_default(&lim);

    /* limit names */
    char err[200];
    CHECK(extract_limits_set(&lim, "max_parts", "100", err, sizeof err) == SL_OK &&
              lim.max_parts == 100,
          "set max_parts");
    CHECK(extract_limits_set(&lim, "max_parts", "0", err, sizeof err) == SL_EINVAL,
          "max_parts 0 refused");
    CHECK(extract_limits_set(&lim, "max_parts", "12x", err, sizeof err) == SL_EINVAL,
          "junk number refused");
    CHECK(extract_limits_set(&lim, "max_colour", "1", err, sizeof err) == SL_EINVAL &&
              strstr(err, "unknown limit"),
          "unknown limit refused: %s", err);
    buf_free(&b);
    return check_summary("test_extract");
}
