/* test_html - HTML to text */
#include <string.h>

#include "../../extract/html.h"
#include "check.h"

int main(void)
{
    static const struct {
        const char *name, *in, *want;
    } cases[] = {
        {"tags dropped", "<p>Dhr. <b>Jansen</b> heeft <i>COPD</i>.</p>",
         "Dhr. Jansen heeft COPD.\n"},
        {"named entities", "Pati&euml;nt, h&ocirc;pital &amp; co", "Patiënt, hôpital & co\n"},
        {"numeric entities", "Pati&#235;nt &#xe9;t&#233;", "Patiënt été\n"},
        {"unknown entity kept", "a &bogus; b", "a &bogus; b\n"},
        {"script and style dropped",
         "<style>p{color:red}</style><script>var bsn='123456782';</script>zichtbaar",
         "zichtbaar\n"},
        {"head dropped", "<html><head><title>t</title></head><body>tekst</body></html>", "tekst\n"},
        {"comments dropped", "a<!-- verborgen 123456782 -->b", "ab\n"},
        {"br makes a line", "regel 1<br>regel 2<br/>regel 3", "regel 1\nregel 2\nregel 3\n"},
        {"web-client blank line", "<div>een</div><div><br></div><div>twee</div>", "een\n\ntwee\n"},
        {"two br make a blank line", "een<br><br>twee", "een\n\ntwee\n"},
        {"a paragraph per line, as Outlook writes", "<p>een</p><p>twee</p>", "een\ntwee\n"},
        {"an empty paragraph is a blank line", "<p>een</p><p>&nbsp;</p><p>twee</p>",
         "een\n\ntwee\n"},
        {"table row stays one line",
         "<table><tr><td>Jansen</td><td>COPD</td></tr><tr><td>Pietersen</td><td>astma</td></tr></"
         "table>",
         "Jansen | COPD\nPietersen | astma\n"},
        {"white space collapsed", "a   \n\t b", "a b\n"},
        {"pre keeps white space", "<pre>a  b\nc</pre>", "a  b\nc\n"},
        {"nbsp is a space", "123&nbsp;456", "123 456\n"},
        {"lone less-than", "a < b", "a < b\n"},
        {"attribute with >", "<a title=\"x>y\">link</a>", "link\n"},
        {"unterminated tag", "tekst <b", "tekst\n"},
        {"unterminated script", "x<script>never closed", "x\n"},
        {"unterminated comment", "x<!-- never", "x\n"},
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        struct buf b = BUF_INIT;
        enum sl_status st = html_to_text(cases[i].in, strlen(cases[i].in), &b);
        CHECK(st == SL_OK && b.data && strcmp(b.data, cases[i].want) == 0,
              "%s: got '%s', want '%s'", cases[i].name, b.data ? b.data : "(null)", cases[i].want);
        buf_free(&b);
    }
    /* hostile: a long run of '<' and entities ends, linear */
    static char big[200001];
    for (size_t i = 0; i < sizeof big - 1; i++)
        big[i] = "<&#"[i % 3];
    struct buf b = BUF_INIT;
    CHECK(html_to_text(big, sizeof big - 1, &b) == SL_OK, "hostile input");
    buf_free(&b);
    return check_summary("test_html");
}
