/*
 * test_view - the portal's message view, safe HTML, reply builder and
 * one-time code senders.
 *
 * usage: test_view [DATA_DIR]   (default tests/unit/data)
 *
 * Fixtures are in DATA_DIR/portal; the public corpus is
 * DATA_DIR/../../../../shared/corpus/public-mime (the worktree's
 * ../shared). The code mail goes to tests/integration/receiver.py and the
 * text message to DATA_DIR/portal/gateway.py, both real servers on
 * 127.0.0.1 started here as children, in a fresh folder under /tmp.
 */
#include <dirent.h>
#include <fcntl.h>
#include <glib.h>
#include <gmime/gmime.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../common/buf.h"
#include "../../common/file.h"
#include "../../common/smtp.h"
#include "../../portal/otp.h"
#include "../../portal/reply.h"
#include "../../portal/safehtml.h"
#include "../../portal/view.h"
#include "check.h"
#include "server.h"

static const char *data_dir = "tests/unit/data";

static char *fixture(const char *name, size_t *len)
{
    char path[512], err[256];
    snprintf(path, sizeof path, "%s/portal/%s", data_dir, name);
    char *s = file_read_all(path, 64u << 20, len, err, sizeof err);
    CHECK(s != NULL, "fixture %s: %s", name, err);
    return s;
}

static bool has(const char *hay, const char *needle)
{
    return hay && strstr(hay, needle) != NULL;
}

static bool has_i(const char *hay, const char *needle)
{
    return hay && strcasestr(hay, needle) != NULL;
}

/* --- safe HTML --------------------------------------------------------- */

static const struct {
    const char *name, *in;
    const char *want[4]; /* each must be in the output */
    const char *lack[6]; /* none may be (case ignored) */
} html_cases[] = {
    {"script dropped with its content",
     "<p>Hallo <b>daar</b><script>alert(1)</script></p>",
     {"<p>Hallo <b>daar</b></p>"},
     {"script", "alert"}},
    {"image with onerror: alt text in a span, nothing loaded",
     "<img src=http://track.example/p.gif onerror=alert(1) alt=\"logo\">",
     {"<span class=\"img\">logo</span>"},
     {"<img", "src", "onerror", "track.example", "alert"}},
    {"image without alt: the placeholder",
     "<p>a<img src=\"cid:x@y\">b</p>",
     {"<p>a<span class=\"img\">[afbeelding]</span>b</p>"},
     {"cid:", "<img"}},
    {"javascript: href unwrapped, text kept",
     "<a href=\"javascript:alert(1)\">klik</a>",
     {"klik"},
     {"<a", "javascript", "href"}},
    {"entity-encoded javascript: href",
     "<a href=\"jav&#x61;script:alert(1)\">x</a><a href=\"&#106;avascript:alert(1)\">y</a>",
     {"xy"},
     {"<a", "script", "href"}},
    {"tab and line break inside the scheme",
     "<a href=\"java&#9;script:alert(1)\">t</a><a href=\"java\nscript:alert(1)\">n</a>",
     {"tn"},
     {"<a", "script"}},
    {"control before the scheme, data: and vbscript:",
     "<a href=\"&#1;javascript:x\">c</a><a href=\"data:text/html,<script>x</script>\">d</a>"
     "<a href=\"vbscript:msgbox\">v</a>",
     {"cdv"},
     {"<a", "data:", "vbscript", "script"}},
    {"http, https and mailto links kept, with rel",
     "<a href=\" https://zorg.example/a b?c=1&amp;d=2 \">ok</a> <a "
     "href=\"mailto:ha@zorg.example\">m</a>"
     " <A HREF=\"HTTP://x.example/\">u</A>",
     {"<a href=\"https://zorg.example/a%20b?c=1&amp;d=2\" rel=\"noopener noreferrer "
      "nofollow\">ok</a>",
      "<a href=\"mailto:ha@zorg.example\" rel=\"noopener noreferrer nofollow\">m</a>",
      "<a href=\"HTTP://x.example/\" rel=\"noopener noreferrer nofollow\">u</a>"},
     {"target"}},
    {"relative and fragment links are no links",
     "<a href=\"/p/other\">r</a><a href=\"#top\">f</a><a href=\"//evil.example/\">s</a>",
     {"rfs"},
     {"<a", "href"}},
    {"style element with @import dropped",
     "<style>@import url(http://x.example/a.css); p{color:red}</style><p>tekst</p>",
     {"<p>tekst</p>"},
     {"style", "import", "url(", "color"}},
    {"style, class, id and event attributes dropped",
     "<div style=\"background:url(http://x.example/b.png)\" class=\"c\" id=\"page-message\" "
     "onclick=\"alert(1)\" onmouseover=\"x()\">t</div>",
     {"<div>t</div>"},
     {"style", "url(", "class", "id=", "onclick", "onmouseover"}},
    {"svg with onload dropped with its content",
     "<svg onload=\"alert(1)\"><text>s</text><script>x</script></svg><p>na</p>",
     {"<p>na</p>"},
     {"svg", "onload", "alert", ">s<"}},
    {"iframe, object, embed, form controls",
     "<iframe src=\"https://x.example\">if</iframe><object data=\"x.swf\">ob</object>"
     "<embed src=\"x\"><form action=\"https://x.example\"><input name=q value=v>"
     "<button>Verstuur</button></form>",
     {"Verstuur"},
     {"iframe", "object", "embed", "form", "input", "action"}},
    {"meta refresh, base and link dropped",
     "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"><base "
     "href=\"https://evil.example/\"><link rel=stylesheet href=\"https://evil.example/s.css\">"
     "<p>x</p>",
     {"<p>x</p>"},
     {"meta", "refresh", "base", "link", "evil"}},
    {"IE conditional comments",
     "<!--[if IE]><script>alert(1)</script><![endif]--><![if !IE]><p>zichtbaar</p><![endif]>"
     "<!-- gewoon commentaar -->",
     {"<p>zichtbaar</p>"},
     {"script", "if", "endif", "commentaar", "<!"}},
    {"Outlook's mso blocks",
     "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]--><p>na</p>",
     {"<p>na</p>"},
     {"xml", "office", "mso"}},
    {"unclosed tags are closed",
     "<div><p>een<b>twee<i>drie",
     {"<div><p>een<b>twee<i>drie</i></b></p></div>"},
     {NULL}},
    {"title, head and noscript dropped; body unwrapped",
     "<html><head><title>geheim</title></head><body lang=\"nl\"><noscript>ns</noscript>"
     "tekst</body></html>",
     {"tekst"},
     {"geheim", "title", "body", "ns<", "noscript"}},
    {"text is escaped",
     "<p>1 &lt; 2 &amp; 3 &gt; 2 \"q\" 'a' &lt;script&gt;</p>",
     {"<p>1 &lt; 2 &amp; 3 &gt; 2 &quot;q&quot; &#39;a&#39; &lt;script&gt;</p>"},
     {"<script"}},
    {"tables, cells with spans",
     "<table><tr><th colspan=\"2\">k</th></tr><tr><td rowspan=3>a</td><td colspan=\"x\">b</td>"
     "<td colspan=\"99999\">c</td></tr></table>",
     {"<table><tr><th colspan=\"2\">k</th></tr><tr><td rowspan=\"3\">a</td><td>b</td><td>c</td>"
      "</tr></table>"},
     {"x\"", "99999"}},
    {"cells and list items astray become divs",
     "<td>los</td><li>item</li>",
     {"<div>los</div>", "<div>item</div>"},
     {"<td", "<li"}},
    {"lang and dir kept when valid",
     "<p lang=\"nl-BE\" dir=\"RTL\">a</p><p lang=\"x&quot; onclick=y\" dir=\"up\">b</p>",
     {"<p lang=\"nl-BE\" dir=\"rtl\">a</p>", "<p>b</p>"},
     {"onclick", "up"}},
    {"no link inside a link",
     "<a href=\"https://a.example/\">a<span><a href=\"https://b.example/\">b</a></span></a>",
     {"https://a.example/"},
     {NULL}},
    {"invalid UTF-8 and NUL bytes become U+FFFD",
     "<p>a\xff\xfe b</p>",
     {"<p>a\xEF\xBF\xBD\xEF\xBF\xBD b</p>"},
     {NULL}},
    {"a charset declaration is ignored",
     "<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>",
     {"<p>caf\xC3\xA9</p>"},
     {"meta"}},
    {"plain text comes out escaped", "geen html & <geen> tags", {"geen html &amp; "}, {"<geen"}},
    {"template, math, textarea, select dropped with content",
     "<template><p>t</p></template><math><mi>m</mi></math><textarea>ta</textarea>"
     "<select><option>o</option></select><p>ok</p>",
     {"<p>ok</p>"},
     {"template", "math", "textarea", "select", "option", ">t<"}},
};

static void test_safehtml(void)
{
    for (size_t i = 0; i < NELEM(html_cases); i++) {
        struct buf out = BUF_INIT;
        const char *in = html_cases[i].in;
        enum sl_status st = safehtml_clean(in, strlen(in), NULL, &out);
        CHECK(st == SL_OK, "%s: status %d", html_cases[i].name, (int)st);
        for (size_t k = 0; k < NELEM(html_cases[i].want) && html_cases[i].want[k]; k++)
            CHECK(has(out.data, html_cases[i].want[k]), "%s: got '%s', want it to hold '%s'",
                  html_cases[i].name, out.data ? out.data : "", html_cases[i].want[k]);
        for (size_t k = 0; k < NELEM(html_cases[i].lack) && html_cases[i].lack[k]; k++)
            CHECK(!has_i(out.data, html_cases[i].lack[k]), "%s: got '%s', holds '%s'",
                  html_cases[i].name, out.data ? out.data : "", html_cases[i].lack[k]);
        buf_free(&out);
    }

    /* a link inside a link: only the outer one is written */
    {
        const char *in = "<a href=\"https://a.example/\">a<span><a "
                         "href=\"https://b.example/\">b</a></span></a>";
        struct buf out = BUF_INIT;
        safehtml_clean(in, strlen(in), NULL, &out);
        int links = 0;
        for (const char *p = out.data; (p = strstr(p, "<a ")) != NULL; p++)
            links++;
        int ends = 0;
        for (const char *p = out.data; (p = strstr(p, "</a>")) != NULL; p++)
            ends++;
        CHECK(links == ends, "nested links: %d opened, %d closed in '%s'", links, ends, out.data);
        buf_free(&out);
    }

    /* deep nesting: at most SAFEHTML_MAX_DEPTH written levels, the text
     * kept, every element closed */
    {
        struct buf in = BUF_INIT, out = BUF_INIT;
        for (int i = 0; i < 200; i++)
            buf_append_str(&in, "<div>");
        buf_append_str(&in, "diep");
        enum sl_status st = safehtml_clean(in.data, in.len, NULL, &out);
        size_t opened = 0, closed = 0;
        for (const char *p = out.data; p && (p = strstr(p, "<div>")) != NULL; p++)
            opened++;
        for (const char *p = out.data; p && (p = strstr(p, "</div>")) != NULL; p++)
            closed++;
        CHECK(st == SL_OK, "deep nesting: status %d", (int)st);
        CHECK(opened == SAFEHTML_MAX_DEPTH && closed == opened,
              "deep nesting: %zu opened, %zu closed, want %d each", opened, closed,
              SAFEHTML_MAX_DEPTH);
        CHECK(has(out.data, "diep"), "deep nesting: the text is kept");
        buf_free(&in);
        buf_free(&out);
    }

    /* deeper than libxml2 reads (256): no crash, still balanced */
    {
        struct buf in = BUF_INIT, out = BUF_INIT;
        for (int i = 0; i < 100000; i++)
            buf_append_str(&in, "<div><b>");
        enum sl_status st = safehtml_clean(in.data, in.len, NULL, &out);
        size_t opened = 0, closed = 0;
        for (const char *p = out.data; p && (p = strchr(p, '<')) != NULL; p++)
            p[1] == '/' ? closed++ : opened++;
        CHECK(st == SL_OK && opened == SAFEHTML_MAX_DEPTH && closed == opened,
              "very deep nesting: status %d, %zu opened, %zu closed", (int)st, opened, closed);
        buf_free(&in);
        buf_free(&out);
    }

    /* the output limit: cut, every open element closed, no tag in pieces */
    {
        struct buf in = BUF_INIT, out = BUF_INIT;
        for (int i = 0; i < 2000; i++)
            buf_append_str(&in, "<p>een <b>vrij</b> lange zin met <i>opmaak</i></p>");
        struct safehtml_options opt = {1000, NULL};
        enum sl_status st = safehtml_clean(in.data, in.len, &opt, &out);
        CHECK(st == SL_ELIMIT, "output limit: status %d, want SL_ELIMIT", (int)st);
        CHECK(out.len > 900 && out.len < 1100, "output limit: %zu bytes", out.len);
        size_t po = 0, pc = 0;
        for (const char *p = out.data; (p = strstr(p, "<p>")) != NULL; p++)
            po++;
        for (const char *p = out.data; (p = strstr(p, "</p>")) != NULL; p++)
            pc++;
        CHECK(po == pc, "output limit: %zu <p> and %zu </p>", po, pc);
        CHECK(out.len > 0 && out.data[out.len - 1] == '>', "output limit: ends in a tag: '%s'",
              out.data + (out.len > 20 ? out.len - 20 : 0));
        buf_free(&in);
        buf_free(&out);
    }

    /* appends; empty input writes nothing; the input limit */
    {
        struct buf out = BUF_INIT;
        buf_append_str(&out, "voor:");
        safehtml_clean("<b>x</b>", 8, NULL, &out);
        CHECK(strcmp(out.data, "voor:<b>x</b>") == 0, "appends: got '%s'", out.data);
        CHECK(safehtml_clean("", 0, NULL, &out) == SL_OK && strcmp(out.data, "voor:<b>x</b>") == 0,
              "empty input: got '%s'", out.data);
        CHECK(safehtml_clean("x", (size_t)SAFEHTML_MAX_INPUT + 1, NULL, &out) == SL_EINVAL,
              "over SAFEHTML_MAX_INPUT is refused");
        buf_reset(&out);
        struct safehtml_options opt = {0, "[image]"};
        safehtml_clean("<img>", 5, &opt, &out);
        CHECK(strcmp(out.data, "<span class=\"img\">[image]</span>") == 0, "image text: got '%s'",
              out.data);
        static const struct {
            const char *in, *want;
        } paras[] = {
            {"een\ntwee\n\ndrie", "<p>een<br>twee</p><p>drie</p>"},
            {"\r\n\r\na <b>\r\nb\r\n\r\n\r\n", "<p>a &lt;b&gt;<br>b</p>"},
            {"\n\n", ""},
            {"x & y", "<p>x &amp; y</p>"},
        };
        for (size_t i = 0; i < NELEM(paras); i++) {
            buf_reset(&out);
            safehtml_paragraphs(paras[i].in, strlen(paras[i].in), &out);
            CHECK(strcmp(out.data ? out.data : "", paras[i].want) == 0,
                  "paragraphs %zu: got '%s', want '%s'", i, out.data ? out.data : "",
                  paras[i].want);
        }
        buf_reset(&out);
        safehtml_text(&out, "<a href='x'>&\"", 14);
        CHECK(strcmp(out.data, "&lt;a href=&#39;x&#39;&gt;&amp;&quot;") == 0,
              "safehtml_text: got '%s'", out.data);
        buf_free(&out);
    }
}

/* --- the view --------------------------------------------------------- */

static bool utf8_ok(const char *s, size_t len)
{
    return s && g_utf8_validate_len(s, len, NULL);
}

/* html_tags_ok - every tag in html is one safehtml writes, with only the
 * attributes it writes (text is escaped, so '<' starts a tag and no
 * attribute value holds '>'); links go to http, https or mailto */
static bool html_tags_ok(const char *html, char *why, size_t whylen)
{
    static const char *const tags[] = {
        "p",          "br",    "div",   "span", "b",   "strong", "i",  "em",     "u",  "s",
        "blockquote", "pre",   "code",  "ul",   "ol",  "li",     "dl", "dt",     "dd", "table",
        "thead",      "tbody", "tfoot", "tr",   "td",  "th",     "h1", "h2",     "h3", "h4",
        "h5",         "h6",    "hr",    "sub",  "sup", "small",  "a",  "caption"};
    static const char *const attrs[] = {"href", "rel", "colspan", "rowspan",
                                        "lang", "dir", "class"};
    for (const char *p = html; (p = strchr(p, '<')) != NULL;) {
        const char *end = strchr(p, '>');
        if (end == NULL) {
            snprintf(why, whylen, "an unclosed tag");
            return false;
        }
        const char *q = p + 1 + (p[1] == '/');
        size_t n = strspn(q, "abcdefghijklmnopqrstuvwxyz123456");
        bool known = false;
        for (size_t i = 0; i < NELEM(tags); i++)
            known = known || (strlen(tags[i]) == n && strncmp(q, tags[i], n) == 0);
        if (!known) {
            snprintf(why, whylen, "tag '%.*s'", (int)(end - p + 1 > 40 ? 40 : end - p + 1), p);
            return false;
        }
        for (q += n; q < end;) {
            while (*q == ' ')
                q++;
            if (q >= end)
                break;
            size_t an = strspn(q, "abcdefghijklmnopqrstuvwxyz");
            bool ok = false;
            for (size_t i = 0; i < NELEM(attrs); i++)
                ok = ok || (strlen(attrs[i]) == an && strncmp(q, attrs[i], an) == 0);
            if (!ok || q[an] != '=' || q[an + 1] != '"') {
                snprintf(why, whylen, "attribute '%.*s'", (int)(end - q > 40 ? 40 : end - q), q);
                return false;
            }
            const char *v = q + an + 2, *ve = strchr(v, '"');
            if (ve == NULL || ve > end) {
                snprintf(why, whylen, "an unquoted value");
                return false;
            }
            if (an == 4 && strncmp(q, "href", 4) == 0 && strncasecmp(v, "http:", 5) != 0 &&
                strncasecmp(v, "https:", 6) != 0 && strncasecmp(v, "mailto:", 7) != 0) {
                snprintf(why, whylen, "href '%.*s'", (int)(ve - v > 40 ? 40 : ve - v), v);
                return false;
            }
            if (an == 5 && strncmp(q, "class", 5) == 0 && strncmp(v, "img\"", 4) != 0) {
                snprintf(why, whylen, "class '%.*s'", (int)(ve - v > 40 ? 40 : ve - v), v);
                return false;
            }
            q = ve + 1;
        }
        p = end + 1;
    }
    return true;
}

/* view_sane - what every view must be, whatever the message */
static void view_sane(const char *what, const struct view_message *v)
{
    CHECK(v->subject && v->from && v->from_name && v->from_address && v->message_id &&
              v->references && v->text,
          "%s: a string is NULL", what);
    if (!v->subject || !v->from || !v->from_name || !v->from_address || !v->text)
        return;
    CHECK(utf8_ok(v->subject, strlen(v->subject)) && utf8_ok(v->from, strlen(v->from)) &&
              utf8_ok(v->from_name, strlen(v->from_name)) &&
              utf8_ok(v->from_address, strlen(v->from_address)),
          "%s: a header is not UTF-8", what);
    CHECK(!strpbrk(v->subject, "\r\n") && !strpbrk(v->from, "\r\n"), "%s: a line break in a header",
          what);
    CHECK(strlen(v->text) == v->text_len && utf8_ok(v->text, v->text_len),
          "%s: text of %zu bytes is not NUL-free UTF-8", what, v->text_len);
    CHECK(v->text_len <= VIEW_MAX_TEXT, "%s: text of %zu bytes", what, v->text_len);
    if (v->html) {
        CHECK(strlen(v->html) == v->html_len && utf8_ok(v->html, v->html_len),
              "%s: HTML is not NUL-free UTF-8", what);
        char why[128] = "";
        CHECK(html_tags_ok(v->html, why, sizeof why), "%s: HTML holds %s", what, why);
    }
    for (size_t i = 0; i < v->nattachments; i++) {
        const struct view_attachment *a = &v->attachments[i];
        CHECK(a->name && a->name[0] && !strpbrk(a->name, "/\\\r\n") &&
                  utf8_ok(a->name, strlen(a->name)) && strlen(a->name) <= VIEW_NAME_MAX,
              "%s: attachment %zu's name '%s'", what, i, a->name ? a->name : "(null)");
        CHECK(a->type && strchr(a->type, '/') && a->data != NULL, "%s: attachment %zu", what, i);
    }
}

static struct view_message view_fixture(const char *name)
{
    struct view_message v;
    size_t len = 0;
    char *msg = fixture(name, &len);
    char err[256] = "";
    enum sl_status st = view_parse(msg ? msg : "", msg ? len : 0, NULL, &v, err, sizeof err);
    CHECK(st == SL_OK, "%s: %s", name, err);
    free(msg);
    view_sane(name, &v);
    return v;
}

static const struct view_attachment *attachment(const struct view_message *v, const char *name)
{
    for (size_t i = 0; i < v->nattachments; i++)
        if (strcmp(v->attachments[i].name, name) == 0)
            return &v->attachments[i];
    return NULL;
}

static void test_view_fixtures(void)
{
    /* text only: RFC 2047 subject and name, latin-1, format=flowed */
    struct view_message v = view_fixture("text-flowed.eml");
    CHECK(strcmp(v.subject, "Uw verwijzing naar de fysiotherapeut \xE2\x80\x93 vervolg") == 0,
          "text: subject '%s'", v.subject);
    CHECK(strcmp(v.from, "Jos\xC3\xA9 de Vries <jose@zorg.example>") == 0, "text: from '%s'",
          v.from);
    CHECK(strcmp(v.from_address, "jose@zorg.example") == 0 &&
              strcmp(v.from_name, "Jos\xC3\xA9 de Vries") == 0,
          "text: from address '%s', name '%s'", v.from_address, v.from_name);
    CHECK(strcmp(v.message_id, "20240305.1407@zorg.example") == 0, "text: message id '%s'",
          v.message_id);
    CHECK(strcmp(v.references, "<first@zorg.example> <second@zorg.example>") == 0,
          "text: references '%s'", v.references);
    CHECK(v.date == 1709644020 && strcmp(v.date_text, "2024-03-05 14:07 +0100") == 0,
          "text: date %lld '%s'", (long long)v.date, v.date_text);
    CHECK(has(v.text, "om 10.00 uur in de praktijk aan de Dorpsstraat.\n"),
          "text: flowed lines joined: '%s'", v.text);
    CHECK(has(v.text, "> quoted line one that is flowed\n"), "text: quoted flowed: '%s'", v.text);
    CHECK(has(v.text, "groet, Jos\xC3\xA9\n-- \nZorg"), "text: latin-1 and signature: '%s'",
          v.text);
    CHECK(v.html == NULL && v.nattachments == 0 && v.notes == 0,
          "text: no HTML, attachments or notes");
    view_free(&v);

    /* HTML only: the text derived from it, safe HTML, windows-1252 */
    v = view_fixture("html-only.eml");
    CHECK(v.html != NULL, "html: has HTML");
    CHECK(has(v.html, "<p>Beste <b>mevrouw</b>, zie de <a href=\"https://zorg.example/info\""),
          "html: '%s'", v.html);
    CHECK(has(v.html, "<span class=\"img\">logo van de praktijk</span>"), "html: alt text");
    CHECK(has(v.html, "10 \xE2\x82\xAC klik"), "html: euro sign from windows-1252: '%s'", v.html);
    CHECK(!has(v.html, "track.example") && !has(v.html, "secret title") && !has(v.html, "alert"),
          "html: nothing of head, script, style or images: '%s'", v.html);
    CHECK(has(v.text, "Beste mevrouw, zie de informatie.") && has(v.text, "10 \xE2\x82\xAC") &&
              !has(v.text, "alert") && !has(v.text, "secret"),
          "html: derived text '%s'", v.text);
    CHECK(v.message_id[0] == '\0' && v.references[0] == '\0', "html: no message id");
    view_free(&v);

    /* both, in an alternative with a related part, and attachments */
    v = view_fixture("alternative-attachments.eml");
    CHECK(strcmp(v.text, "Platte tekst: uw uitslag is binnen.") == 0, "both: text '%s'", v.text);
    CHECK(v.html && has(v.html, "<p>HTML-tekst: uw <b>uitslag</b> is binnen.<span "
                                "class=\"img\">[afbeelding]</span></p>"),
          "both: html '%s'", v.html ? v.html : "");
    CHECK(strcmp(v.from, "Verpleging, Team <team@zorg.example>") == 0, "both: from '%s'", v.from);
    CHECK(v.nattachments == 5, "both: %zu attachments, want 5 (no signature)", v.nattachments);
    const struct view_attachment *a = attachment(&v, "logo.png");
    CHECK(a && a->inline_part && strcmp(a->type, "image/png") == 0 && a->len == 69,
          "both: the inline image");
    a = attachment(&v, "uitslag \xC3\xA9\xC3\xA9n.pdf");
    size_t pdf_len = 0;
    char *pdf = fixture("uitslag.pdf", &pdf_len);
    CHECK(a && !a->inline_part && strcmp(a->type, "application/pdf") == 0 && a->len == pdf_len &&
              pdf && memcmp(a->data, pdf, pdf_len) == 0,
          "both: the PDF (RFC 2231 name) and its bytes");
    free(pdf);
    a = attachment(&v, "notitie.txt");
    CHECK(a && a->len == 5 && memcmp(a->data, "caf\xC3\xA9", 5) == 0,
          "both: text/plain attachment as UTF-8");
    a = attachment(&v, "plaatje.svg");
    CHECK(a && strcmp(view_download_type(a->type, a->name), "application/octet-stream") == 0,
          "both: SVG is served as octet-stream");
    bool exe = false;
    for (size_t i = 0; i < v.nattachments; i++)
        exe = exe || (has(v.attachments[i].name, "gpj.exe") &&
                      /* NOLINTNEXTLINE(misc-misleading-bidirectional): the override sought */
                      !has(v.attachments[i].name, "\xE2\x80\xAE"));
    CHECK(exe, "both: the right-to-left override is gone from the name");
    view_free(&v);

    /* nested message/rfc822: .eml attachments, their parts not listed */
    v = view_fixture("nested.eml");
    CHECK(strcmp(v.text, "Zie het bericht hieronder.") == 0, "nested: text '%s'", v.text);
    CHECK(v.nattachments == 2, "nested: %zu attachments, want 2", v.nattachments);
    a = attachment(&v, "Labuitslag nr. 12.eml");
    CHECK(a && a->message && strcmp(a->type, "message/rfc822") == 0 &&
              strcmp(view_download_type(a->type, a->name), "message/rfc822") == 0,
          "nested: named after its subject");
    if (a) {
        struct view_message inner;
        char err[256];
        CHECK(view_parse(a->data, a->len, NULL, &inner, err, sizeof err) == SL_OK,
              "nested: the .eml reads: %s", err);
        CHECK(strcmp(inner.subject, "Labuitslag nr. 12") == 0 &&
                  strcmp(inner.text, "Binnenste tekst.") == 0 && inner.nattachments == 1 &&
                  strcmp(inner.attachments[0].name, "binnen.pdf") == 0 &&
                  inner.attachments[0].len == 14,
              "nested: the inner message '%s' / '%s'", inner.subject, inner.text);
        view_free(&inner);
    }
    a = attachment(&v, "oud bericht.eml");
    CHECK(a && a->message && has(a->data ? (const char *)a->data : "", "oude tekst"),
          "nested: a named nested message gets .eml");
    view_free(&v);

    /* bad base64: what decodes, decoded */
    v = view_fixture("bad-base64.eml");
    CHECK(has(v.text, "Hallo "), "bad base64: text '%s'", v.text);
    CHECK(v.nattachments == 1 && strcmp(v.attachments[0].name, "kapot.pdf") == 0,
          "bad base64: the attachment is offered");
    view_free(&v);

    /* multipart without a boundary: the text there is, shown */
    v = view_fixture("no-boundary.eml");
    CHECK(has(v.text, "Tekst zonder grens."), "no boundary: text '%s'", v.text);
    CHECK(strcmp(v.subject, "No boundary") == 0, "no boundary: subject");
    view_free(&v);

    /* a boundary never closed: the parts before the end */
    v = view_fixture("unclosed-boundary.eml");
    CHECK(strcmp(v.text, "Eerste deel.") == 0, "unclosed: text '%s'", v.text);
    CHECK(v.nattachments == 1 && strcmp(v.attachments[0].name, "afgebroken.pdf") == 0,
          "unclosed: the attachment");
    view_free(&v);

    /* text, image, HTML in a row: joined in order; odd names cleaned */
    v = view_fixture("apple-mixed.eml");
    CHECK(strcmp(v.text, "Voor de afbeelding.\n\nNa de afbeelding.") == 0, "mixed: text '%s'",
          v.text);
    CHECK(v.html &&
              strcmp(v.html, "<p>Voor de afbeelding.</p><div>Na de <i>afbeelding</i>.</div>") == 0,
          "mixed: html '%s'", v.html ? v.html : "");
    CHECK(v.nattachments == 3, "mixed: %zu attachments", v.nattachments);
    CHECK(attachment(&v, "foto.jpg") && attachment(&v, "xy.txt") && attachment(&v, "bijlage-3.ics"),
          "mixed: names foto.jpg, xy.txt (path and CR LF gone), bijlage-3.ics (made up)");
    view_free(&v);
}

/* view_bytes - view_parse of a string, checked sane */
static struct view_message view_bytes(const char *what, const char *msg, size_t len)
{
    struct view_message v;
    char err[256] = "";
    enum sl_status st = view_parse(msg, len, NULL, &v, err, sizeof err);
    CHECK(st == SL_OK, "%s: %s", what, err);
    view_sane(what, &v);
    return v;
}

static void test_view_limits(void)
{
    /* nothing at all */
    struct view_message v = view_bytes("empty", "", 0);
    CHECK(v.text_len == 0 && v.subject[0] == '\0', "empty: nothing to show");
    view_free(&v);

    /* binary bytes with NULs */
    char bin[512];
    for (size_t i = 0; i < sizeof bin; i++)
        bin[i] = (char)(i * 7);
    v = view_bytes("binary", bin, sizeof bin);
    view_free(&v);

    /* more multiparts than VIEW_MAX_PARTS: raw text, GMime never sees it */
    struct buf m = BUF_INIT;
    buf_append_str(&m, "From: a@b.example\nSubject: diep\nContent-Type: multipart/mixed; "
                       "boundary=b0\n\n");
    for (int i = 0; i < VIEW_MAX_PARTS + 10; i++)
        buf_printf(&m, "--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n", i, i + 1);
    buf_append_str(&m, "--b9999\n\nonderin\n");
    v = view_bytes("too many multiparts", m.data, m.len);
    CHECK(v.notes & VIEW_NOTE_RAW, "too many multiparts: shown raw (notes %u)", v.notes);
    CHECK(has(v.text, "onderin"), "too many multiparts: the raw text");
    view_free(&v);
    buf_reset(&m);

    /* deeper than VIEW_MAX_DEPTH: what is deeper is not read */
    buf_append_str(&m, "From: a@b.example\nSubject: diep\nContent-Type: multipart/mixed; "
                       "boundary=b0\n\n");
    for (int i = 0; i < VIEW_MAX_DEPTH + 5; i++)
        buf_printf(&m, "--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n", i, i + 1);
    buf_printf(&m, "--b%d\nContent-Type: text/plain\n\nonderin\n", VIEW_MAX_DEPTH + 5);
    v = view_bytes("deep", m.data, m.len);
    CHECK((v.notes & VIEW_NOTE_PARTS) && !(v.notes & VIEW_NOTE_RAW),
          "deep: parts past the depth noted (notes %u)", v.notes);
    CHECK(strcmp(v.subject, "diep") == 0, "deep: the headers are read");
    view_free(&v);
    buf_reset(&m);

    /* an address header of many groups: raw, GMime's parser never sees it */
    buf_append_str(&m, "From: a@b.example\nTo: ");
    for (int i = 0; i < 5000; i++)
        buf_append_str(&m, "g:");
    buf_append_str(&m, "\nSubject: groepen\n\ntekst\n");
    v = view_bytes("address groups", m.data, m.len);
    CHECK(v.notes & VIEW_NOTE_RAW, "address groups: shown raw (notes %u)", v.notes);
    view_free(&v);
    buf_reset(&m);

    /* a long HTML body: cut, balanced, noted */
    buf_append_str(&m, "From: a@b.example\nSubject: lang\nContent-Type: text/html\n\n");
    while (m.len < VIEW_MAX_TEXT + (1u << 20))
        buf_append_str(&m, "<p>een <b>regel</b> tekst die steeds terugkomt</p>\n");
    v = view_bytes("long html", m.data, m.len);
    CHECK((v.notes & VIEW_NOTE_CUT) && v.html && v.html_len <= VIEW_MAX_TEXT + 1024,
          "long html: cut (notes %u, %zu bytes)", v.notes, v.html_len);
    if (v.html) {
        size_t po = 0, pc = 0;
        for (const char *p = v.html; (p = strstr(p, "<p>")) != NULL; p++)
            po++;
        for (const char *p = v.html; (p = strstr(p, "</p>")) != NULL; p++)
            pc++;
        CHECK(po == pc && po > 1000, "long html: %zu <p>, %zu </p>", po, pc);
    }
    view_free(&v);
    buf_reset(&m);

    /* NUL and controls in a text part, CR LF line ends */
    static const char nul[] =
        "From: a@b.example\r\nSubject: n\x01ul\r\n\r\nvoor\0na caf\xC3\xA9\r\nregel\x07\r\n";
    v = view_bytes("nul", nul, sizeof nul - 1);
    CHECK(strcmp(v.text, "voor na caf\xC3\xA9\nregel") == 0, "nul: text '%s' (UTF-8 kept)", v.text);
    CHECK(strcmp(v.subject, "n ul") == 0, "nul: subject '%s'", v.subject);
    view_free(&v);
    buf_free(&m);

    /* signed: the text read, the signature not offered; encrypted: offered
     * as it is, noted */
    static const char sig[] =
        "From: a@b.example\nSubject: getekend\nDate: gisteren\nContent-Type: multipart/signed; "
        "protocol=\"application/pkcs7-signature\"; boundary=s\n\n--s\nContent-Type: "
        "text/plain\n\ngetekende tekst\n--s\nContent-Type: application/pkcs7-signature; "
        "name=smime.p7s\nContent-Transfer-Encoding: "
        "base64\n\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\n--s--\n";
    v = view_bytes("signed", sig, sizeof sig - 1);
    CHECK(strcmp(v.text, "getekende tekst") == 0 && v.nattachments == 0 && v.notes == 0,
          "signed: text '%s', %zu attachments, notes %u", v.text, v.nattachments, v.notes);
    CHECK(v.date == 0 && v.date_text[0] == '\0', "signed: an unreadable date is none");
    view_free(&v);
    static const char enc[] =
        "From: a@b.example\nSubject: versleuteld\nContent-Type: application/pkcs7-mime; "
        "smime-type=enveloped-data; name=smime.p7m\nContent-Disposition: attachment; "
        "filename=smime.p7m\nContent-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHA6CAMIAC\n";
    v = view_bytes("encrypted", enc, sizeof enc - 1);
    CHECK((v.notes & VIEW_NOTE_ENCRYPTED) && v.nattachments == 1 &&
              strcmp(v.attachments[0].name, "smime.p7m") == 0 && v.text_len == 0,
          "encrypted: notes %u, %zu attachments", v.notes, v.nattachments);
    view_free(&v);
    static const char pgp[] =
        "From: a@b.example\nSubject: pgp\nContent-Type: multipart/encrypted; "
        "protocol=\"application/pgp-encrypted\"; boundary=e\n\n--e\nContent-Type: "
        "application/pgp-encrypted\n\nVersion: 1\n--e\nContent-Type: application/octet-stream; "
        "name=encrypted.asc\n\n-----BEGIN PGP MESSAGE-----\nx\n-----END PGP MESSAGE-----\n--e--\n";
    v = view_bytes("pgp", pgp, sizeof pgp - 1);
    CHECK((v.notes & VIEW_NOTE_ENCRYPTED) && v.nattachments == 1 &&
              strcmp(v.attachments[0].name, "encrypted.asc") == 0,
          "pgp: notes %u, %zu attachments", v.notes, v.nattachments);
    view_free(&v);

    /* view_free twice and of NULL */
    view_free(&v);
    view_free(NULL);
}

static unsigned corpus_files;

/* NOLINTNEXTLINE(misc-no-recursion): a level per folder of the corpus (two) */
static void corpus_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat sb;
        if (stat(path, &sb) != 0)
            continue;
        if (S_ISDIR(sb.st_mode)) {
            corpus_dir(path);
            continue;
        }
        size_t n = strlen(e->d_name);
        if (n > 3 && strcmp(e->d_name + n - 3, ".md") == 0)
            continue;
        size_t len = 0;
        char err[256];
        char *msg = file_read_all(path, 64u << 20, &len, err, sizeof err);
        CHECK(msg != NULL, "%s: %s", path, err);
        if (msg == NULL)
            continue;
        struct view_message v;
        enum sl_status st = view_parse(msg, len, NULL, &v, err, sizeof err);
        CHECK(st == SL_OK, "%s: %s", path, err);
        if (st == SL_OK) {
            view_sane(path, &v);
            for (size_t i = 0; i < v.nattachments; i++) {
                const char *t = view_download_type(v.attachments[i].type, v.attachments[i].name);
                CHECK(!has(t, "html") && !has(t, "svg") && !has(t, "xml") && !has(t, "script"),
                      "%s: attachment served as %s", path, t);
            }
        }
        view_free(&v);
        free(msg);
        corpus_files++;
    }
    closedir(d);
}

static void test_corpus(void)
{
    char dir[600];
    snprintf(dir, sizeof dir, "%s/../../../../shared/corpus/public-mime", data_dir);
    corpus_dir(dir);
    CHECK(corpus_files >= 200, "public-mime corpus at %s: %u messages read, want at least 200", dir,
          corpus_files);
}

static void test_download_and_names(void)
{
    static const struct {
        const char *type, *name, *want;
    } types[] = {
        {"text/html", "a.html", "application/octet-stream"},
        {"text/html; charset=utf-8", "a", "application/octet-stream"},
        {"application/xhtml+xml", "a", "application/octet-stream"},
        {"image/svg+xml", "a.svg", "application/octet-stream"},
        {"text/xml", "a", "application/octet-stream"},
        {"application/xml", "a", "application/octet-stream"},
        {"application/javascript", "a", "application/octet-stream"},
        {"text/javascript", "a", "application/octet-stream"},
        {"application/x-unknown", "a", "application/octet-stream"},
        {NULL, "a.pdf", "application/octet-stream"},
        {"", "a", "application/octet-stream"},
        {"application/pdf", "brief.pdf", "application/pdf"},
        {"Application/PDF; name=x", "brief.pdf", "application/pdf"},
        {"image/png", "a.png", "image/png"},
        {"image/jpeg", "a.jpg", "image/jpeg"},
        {"image/jpg", "a.jpg", "image/jpeg"},
        {"image/gif", "a.gif", "image/gif"},
        {"text/plain", "a.txt", "text/plain; charset=utf-8"},
        {"text/plain; charset=iso-8859-1", "a.txt", "text/plain; charset=utf-8"},
        {"text/plain", "a.html", "application/octet-stream"},
        {"image/png", "a.SVG", "application/octet-stream"},
        {"application/pdf", "x.js", "application/octet-stream"},
        {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a.docx",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"application/msword", "a.doc", "application/msword"},
        {"application/vnd.oasis.opendocument.text", "a.odt",
         "application/vnd.oasis.opendocument.text"},
        {"message/rfc822", "a.eml", "message/rfc822"},
        {"text/plain\r\nX-Evil: 1", "a", "application/octet-stream"},
    };
    for (size_t i = 0; i < NELEM(types); i++) {
        const char *got = view_download_type(types[i].type, types[i].name);
        CHECK(strcmp(got, types[i].want) == 0, "download type of %s / %s: got %s, want %s",
              types[i].type ? types[i].type : "NULL", types[i].name, got, types[i].want);
    }

    static const struct {
        const char *in, *want;
    } names[] = {
        {"brief.pdf", "brief.pdf"},
        {"../../etc/passwd", "passwd"},
        {"C:\\Users\\x\\rapport.docx", "rapport.docx"},
        {"..", ""},
        {"  .verborgen. ", "verborgen"},
        {"a\r\nb\tc\x7f.txt", "abc.txt"},
        /* NOLINTNEXTLINE(misc-misleading-bidirectional): the override to remove */
        {"ev\xE2\x80\xAEgpj.exe", "evgpj.exe"},
        {"zw\xE2\x80\x8Bsp.txt", "zwsp.txt"},
        {"what?*:<>|\".txt", "what_______.txt"},
        {"caf\xE9.txt", "caf\xEF\xBF\xBD.txt"},
        {"uitslag \xC3\xA9\xC3\xA9n.pdf", "uitslag \xC3\xA9\xC3\xA9n.pdf"},
        {"", ""},
        {"/", ""},
        {"\xC2\x85", ""},
    };
    for (size_t i = 0; i < NELEM(names); i++) {
        char out[VIEW_NAME_MAX + 1];
        bool ok = view_clean_name(names[i].in, out, sizeof out);
        CHECK(ok == (names[i].want[0] != '\0') && strcmp(out, names[i].want) == 0,
              "clean name '%s': got '%s' (%d), want '%s'", names[i].in, out, ok, names[i].want);
    }
    /* a long name: cut, its extension kept, within the limit and UTF-8 */
    char longname[1200], out[VIEW_NAME_MAX + 1];
    size_t k = 0;
    while (k + 2 < 1000) {
        longname[k++] = '\xC3';
        longname[k++] = '\xA9';
    }
    memcpy(longname + k, ".pdf", 5);
    CHECK(view_clean_name(longname, out, sizeof out) && strlen(out) <= VIEW_NAME_MAX &&
              strcmp(out + strlen(out) - 4, ".pdf") == 0 && utf8_ok(out, strlen(out)),
          "long name: '%s' (%zu bytes)", out, strlen(out));
    char small[16];
    CHECK(view_clean_name("verslag-van-vandaag.pdf", small, sizeof small) &&
              strcmp(small, "verslag-van.pdf") == 0,
          "a small buffer: got '%s'", small);
}

/* --- the reply --------------------------------------------------------- */

static void test_reply(void)
{
    unsigned char binary[256];
    for (int i = 0; i < 256; i++)
        binary[i] = (unsigned char)i;
    static const char pdf[] = "%PDF-1.4 reply";
    const struct reply_file files[] = {
        {"C:\\fakepath\\verslag \xC3\xA9\xC3\xA9n.pdf", "application/pdf", pdf, sizeof pdf - 1},
        {"bytes.bin", NULL, binary, sizeof binary},
        {"../x\r\nBcc: evil@x.example", "text/html\r\nX-Evil: 1", "<p>x</p>", 8},
        {"", "image/png", "png", 3},
    };
    const char text[] = "Dank u, ik kom op maandag.\r\nGroet,\r\nPiet \xE2\x82\xAC\r\n\r\n";
    struct reply_input in = {
        .from = "piet@example.org",
        .to = "team@zorg.example",
        .subject = "Uitslag \xC3\xA9\xC3\xA9n",
        .in_reply_to = "alt.1@zorg.example",
        .references = "<a@zorg.example> <b@zorg.example>",
        .text = text,
        .text_len = sizeof text - 1,
        .files = files,
        .nfiles = NELEM(files),
        .organisation = "Zorg & Co",
        .language = "nl",
        .date = 1709802000,
    };
    struct buf out = BUF_INIT;
    char id[REPLY_MSGID_MAX] = "", err[256] = "";
    enum sl_status st = reply_build(&in, &out, id, err, sizeof err);
    CHECK(st == SL_OK, "reply: %s", err);
    CHECK(has(id, "@zorg.example"), "reply: message id '%s'", id);

    /* the raw message: CRLF only, short lines, the headers as written */
    bool bare_lf = false;
    size_t longest = 0, line = 0;
    for (size_t i = 0; i < out.len; i++) {
        if (out.data[i] == '\n') {
            bare_lf = bare_lf || i == 0 || out.data[i - 1] != '\r';
            longest = line > longest ? line : longest;
            line = 0;
        } else {
            line++;
        }
    }
    CHECK(!bare_lf, "reply: CRLF line ends only");
    CHECK(longest <= 78, "reply: longest line %zu", longest);
    CHECK(has(out.data, "\r\nIn-Reply-To: <alt.1@zorg.example>\r\n"), "reply: In-Reply-To");
    CHECK(has(out.data, "References: <a@zorg.example> <b@zorg.example>") &&
              has(out.data, "<alt.1@zorg.example>"),
          "reply: References");
    CHECK(has(out.data, "\r\nX-Sluis-Portal: reply\r\n"), "reply: X-Sluis-Portal");
    CHECK(!has_i(out.data, "Auto-Submitted"), "reply: no Auto-Submitted");
    CHECK(!has_i(out.data, "\nBcc:") && !has_i(out.data, "X-Evil"), "reply: nothing injected");
    CHECK(has_i(out.data, "filename*=utf-8''verslag%20%C3%A9%C3%A9n.pdf"),
          "reply: the file name per RFC 2231");
    CHECK(has_i(out.data, "Content-Transfer-Encoding: quoted-printable") &&
              has_i(out.data, "Content-Transfer-Encoding: base64"),
          "reply: quoted-printable text, base64 files");
    CHECK(has_i(out.data, "\r\nSubject: Re: Uitslag =?utf-8?"), "reply: the subject encoded");
    CHECK(!has(out.data, "Platte tekst"), "reply: the original is not quoted");

    /* read back with GMime */
    GMimeStream *s = g_mime_stream_mem_new_with_buffer(out.data, out.len);
    GMimeParser *p = g_mime_parser_new_with_stream(s);
    GMimeMessage *m = g_mime_parser_construct_message(p, NULL);
    g_object_unref(p);
    g_object_unref(s);
    CHECK(m != NULL, "reply: GMime reads it");
    if (m) {
        GMimeObject *mo = GMIME_OBJECT(m);
        InternetAddressList *from = g_mime_message_get_from(m), *to = g_mime_message_get_to(m);
        CHECK(internet_address_list_length(from) == 1 &&
                  strcmp(internet_address_mailbox_get_addr(
                             INTERNET_ADDRESS_MAILBOX(internet_address_list_get_address(from, 0))),
                         "piet@example.org") == 0,
              "reply: From");
        CHECK(internet_address_list_length(to) == 1 &&
                  strcmp(internet_address_mailbox_get_addr(
                             INTERNET_ADDRESS_MAILBOX(internet_address_list_get_address(to, 0))),
                         "team@zorg.example") == 0,
              "reply: To");
        CHECK(strcmp(g_mime_message_get_subject(m), "Re: Uitslag \xC3\xA9\xC3\xA9n") == 0,
              "reply: subject '%s'", g_mime_message_get_subject(m));
        CHECK(strcmp(g_mime_message_get_message_id(m), id) == 0, "reply: Message-ID");
        GDateTime *dt = g_mime_message_get_date(m);
        CHECK(dt && g_date_time_to_unix(dt) == 1709802000, "reply: Date");
        const char *refs = g_mime_object_get_header(mo, "References");
        GMimeReferences *r = refs ? g_mime_references_parse(NULL, refs) : NULL;
        CHECK(r && g_mime_references_length(r) == 3 &&
                  strcmp(g_mime_references_get_message_id(r, 2), "alt.1@zorg.example") == 0,
              "reply: References '%s'", refs ? refs : "");
        if (r)
            g_mime_references_free(r);
        g_object_unref(m);
    }

    /* and with the view: the text, the footer, the files' names and bytes */
    struct view_message v = view_bytes("reply", out.data, out.len);
    CHECK(strcmp(v.text, "Dank u, ik kom op maandag.\nGroet,\nPiet \xE2\x82\xAC\n\n-- \nDit "
                         "antwoord is verzonden via het beveiligde portaal van Zorg & Co.") == 0,
          "reply: text '%s'", v.text);
    CHECK(v.nattachments == 4, "reply: %zu files", v.nattachments);
    if (v.nattachments == 4) {
        CHECK(strcmp(v.attachments[0].name, "verslag \xC3\xA9\xC3\xA9n.pdf") == 0 &&
                  strcmp(v.attachments[0].type, "application/pdf") == 0 &&
                  v.attachments[0].len == sizeof pdf - 1 &&
                  memcmp(v.attachments[0].data, pdf, sizeof pdf - 1) == 0,
              "reply: file 1 '%s'", v.attachments[0].name);
        CHECK(strcmp(v.attachments[1].name, "bytes.bin") == 0 &&
                  strcmp(v.attachments[1].type, "application/octet-stream") == 0 &&
                  v.attachments[1].len == 256 && memcmp(v.attachments[1].data, binary, 256) == 0,
              "reply: file 2, every byte value");
        CHECK(strcmp(v.attachments[2].name, "xBcc_ evil@x.example") == 0 &&
                  strcmp(v.attachments[2].type, "application/octet-stream") == 0,
              "reply: file 3 named '%s', type %s", v.attachments[2].name, v.attachments[2].type);
        CHECK(strcmp(v.attachments[3].name, "bijlage-4") == 0 &&
                  strcmp(v.attachments[3].type, "image/png") == 0,
              "reply: file 4 named '%s'", v.attachments[3].name);
    }
    view_free(&v);
    buf_free(&out);

    /* no files: a single text part; English footer; no original id */
    struct reply_input plain = {
        .from = "piet@example.org",
        .to = "team@zorg.example",
        .subject = "RE : al een antwoord",
        .text = "ok",
        .text_len = 2,
        .language = "en",
    };
    st = reply_build(&plain, &out, NULL, err, sizeof err);
    CHECK(st == SL_OK, "plain reply: %s", err);
    v = view_bytes("plain reply", out.data, out.len);
    CHECK(strcmp(v.subject, "RE : al een antwoord") == 0, "plain reply: subject '%s'", v.subject);
    CHECK(strcmp(v.text, "ok\n\n-- \nThis reply was sent through the secure portal.") == 0,
          "plain reply: text '%s'", v.text);
    CHECK(!has(out.data, "In-Reply-To") && !has(out.data, "References") &&
              !has_i(out.data, "multipart"),
          "plain reply: no thread headers, one part");
    view_free(&v);
    buf_free(&out);

    /* refused input: nothing written, the reason without the input */
    char big[REPLY_MAX_TEXT + 2];
    memset(big, 'a', sizeof big);
    struct reply_file many[REPLY_MAX_FILES + 1];
    for (size_t i = 0; i < NELEM(many); i++)
        many[i] = (struct reply_file){"f", NULL, "x", 1};
    const struct {
        const char *name, *from, *to, *text;
        size_t text_len, nfiles;
        const char *want;
    } bad[] = {
        {"header injection in From", "piet@example.org\r\nBcc: evil@x.example", "t@zorg.example",
         "x", 1, 0, "sender's address"},
        {"display name in To", "piet@example.org", "Team <t@zorg.example>", "x", 1, 0,
         "recipient's address"},
        {"two recipients", "piet@example.org", "t@zorg.example,u@zorg.example", "x", 1, 0,
         "recipient's address"},
        {"no domain", "piet@", "t@zorg.example", "x", 1, 0, "sender's address"},
        {"bad UTF-8", "piet@example.org", "t@zorg.example", "caf\xE9", 4, 0, "UTF-8"},
        {"a NUL", "piet@example.org", "t@zorg.example", "a\0b", 3, 0, "UTF-8"},
        {"too long", "piet@example.org", "t@zorg.example", big, sizeof big, 0, "longer"},
        {"empty", "piet@example.org", "t@zorg.example", " \r\n ", 4, 0, "empty"},
        {"too many files", "piet@example.org", "t@zorg.example", "x", 1, NELEM(many), "more than"},
    };
    for (size_t i = 0; i < NELEM(bad); i++) {
        struct reply_input r = {.from = bad[i].from,
                                .to = bad[i].to,
                                .text = bad[i].text,
                                .text_len = bad[i].text_len,
                                .files = many,
                                .nfiles = bad[i].nfiles};
        err[0] = '\0';
        st = reply_build(&r, &out, NULL, err, sizeof err);
        CHECK(st == SL_EINVAL && out.len == 0, "%s: status %d, %zu bytes", bad[i].name, (int)st,
              out.len);
        CHECK(has(err, bad[i].want) && !has(err, "evil") && !has(err, "piet"),
              "%s: error '%s', want '%s'", bad[i].name, err, bad[i].want);
        buf_reset(&out);
    }
    buf_free(&out);

    /* files only, no text: fine */
    struct reply_input files_only = {.from = "piet@example.org",
                                     .to = "t@zorg.example",
                                     .files = files,
                                     .nfiles = 1,
                                     .language = "fr",
                                     .organisation = "Zorg"};
    st = reply_build(&files_only, &out, NULL, err, sizeof err);
    CHECK(st == SL_OK, "files only: %s", err);
    v = view_bytes("files only", out.data, out.len);
    CHECK(strcmp(v.text, "-- \nCette r\xC3\xA9ponse a \xC3\xA9t\xC3\xA9 envoy\xC3\xA9"
                         "e par le portail s\xC3\xA9"
                         "curis\xC3\xA9 de Zorg.") == 0 &&
              v.nattachments == 1,
          "files only: text '%s'", v.text);
    view_free(&v);
    buf_free(&out);

    static const struct {
        const char *in, *want;
    } subjects[] = {
        {"Uitslag", "Re: Uitslag"},
        {"Re: Uitslag", "Re: Uitslag"},
        {"RE: Uitslag", "RE: Uitslag"},
        {"re : Uitslag", "re : Uitslag"},
        {"Reactie", "Re: Reactie"},
        {"  Uitslag\r\n vervolg ", "Re: Uitslag   vervolg"},
        {"", "Re:"},
        {NULL, "Re:"},
        {"Fwd: doorgestuurd", "Re: Fwd: doorgestuurd"},
    };
    for (size_t i = 0; i < NELEM(subjects); i++) {
        struct buf b = BUF_INIT;
        reply_subject(subjects[i].in, &b);
        CHECK(b.data && strcmp(b.data, subjects[i].want) == 0, "subject '%s': got '%s', want '%s'",
              subjects[i].in ? subjects[i].in : "NULL", b.data ? b.data : "", subjects[i].want);
        buf_free(&b);
    }
}

/* --- the one-time codes ------------------------------------------------- */

static char tmp[64];

/* start - python3 script with dir and portfile as arguments; its port */
static int start(const char *script, const char *dir, const char *portfile, pid_t *pid)
{
    return server_start(script, dir, portfile, NULL, NULL, pid);
}

static void stop(pid_t pid)
{
    if (pid > 0) {
        kill(pid, SIGTERM);
        waitpid(pid, NULL, 0);
    }
}

static char *read_file(const char *dir, const char *name, size_t *len)
{
    char path[512], err[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t n = 0;
    char *s = file_read_all(path, 1 << 20, &n, err, sizeof err);
    if (len)
        *len = n;
    return s;
}

static void write_file(const char *dir, const char *name, const char *text, mode_t mode)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd >= 0) {
        CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text), "write %s", path);
        fchmod(fd, mode);
        close(fd);
    }
}

static void test_otp_mail(void)
{
    char dir[128], portfile[128], script[600];
    snprintf(dir, sizeof dir, "%s/rcv", tmp);
    snprintf(portfile, sizeof portfile, "%s/rcv.port", tmp);
    snprintf(script, sizeof script, "%s/../../integration/receiver.py", data_dir);
    pid_t pid;
    int port = start(script, dir, portfile, &pid);
    CHECK(port > 0, "the SMTP receiver started (%s)", script);
    if (port <= 0) {
        stop(pid);
        return;
    }
    char spec[64], err[256];
    snprintf(spec, sizeof spec, "127.0.0.1:%d", port);
    struct smtp_target t;
    CHECK(smtp_target_parse(spec, &t, err, sizeof err) == SL_OK, "target: %s", err);
    t.timeout_ms = 3000;
    t.deadline_ms = 10000;
    struct otp_mail m = {&t, "portal.zorg.example", "beveiligd@zorg.example", "Zorg & Co"};

    enum otp_result r = otp_mail_send(&m, "pat@example.org", "482913", "en", err, sizeof err);
    CHECK(r == OTP_SENT, "code mail: %s (%s)", otp_result_name(r), err);
    char *eml = read_file(dir, "001.eml", NULL);
    char *env = read_file(dir, "001.json", NULL);
    CHECK(has(env, "\"<pat@example.org>\"") && has(env, "\"from\": \"<beveiligd@zorg.example>\""),
          "code mail: envelope '%s'", env ? env : "");
    CHECK(has(eml, "Auto-Submitted: auto-generated") && has(eml, "To: pat@example.org") &&
              has(eml, "Zorg & Co") && has(eml, "<beveiligd@zorg.example>"),
          "code mail: headers");
    struct view_message v = view_bytes("code mail", eml ? eml : "", eml ? strlen(eml) : 0);
    CHECK(strcmp(v.subject, "Your code for the secure message from Zorg & Co") == 0,
          "code mail: subject '%s'", v.subject);
    CHECK(has(v.text, "Your code is: 482913\n") && has(v.text, "valid for 10 minutes") &&
              has(v.text, "ignore this e-mail") && has(v.text, "-- \nZorg & Co"),
          "code mail: text '%s'", v.text);
    CHECK(strcmp(v.from_name, "Zorg & Co") == 0, "code mail: From's name '%s'", v.from_name);
    view_free(&v);
    free(eml);
    free(env);

    /* Dutch (the default for other languages) and French */
    r = otp_mail_send(&m, "pat@example.org", "000123", "de", err, sizeof err);
    CHECK(r == OTP_SENT, "code mail nl: %s", err);
    eml = read_file(dir, "002.eml", NULL);
    v = view_bytes("code mail nl", eml ? eml : "", eml ? strlen(eml) : 0);
    CHECK(strcmp(v.subject, "Uw code voor het beveiligde bericht van Zorg & Co") == 0 &&
              has(v.text, "Uw code is: 000123\n") && has(v.text, "10 minuten geldig"),
          "code mail nl: '%s' '%s'", v.subject, v.text);
    view_free(&v);
    free(eml);
    struct otp_mail noorg = {&t, NULL, "beveiligd@zorg.example", NULL};
    r = otp_mail_send(&noorg, "pat@example.org", "777777", "fr", err, sizeof err);
    CHECK(r == OTP_SENT, "code mail fr: %s", err);
    eml = read_file(dir, "003.eml", NULL);
    v = view_bytes("code mail fr", eml ? eml : "", eml ? strlen(eml) : 0);
    CHECK(strcmp(v.subject, "Votre code pour le message s\xC3\xA9"
                            "curis\xC3\xA9") == 0 &&
              has(v.text, "Votre code est : 777777\n") && has(v.text, "valable 10 minutes") &&
              !has(v.text, "-- "),
          "code mail fr: '%s' '%s'", v.subject, v.text);
    view_free(&v);
    free(eml);

    /* refused: by the server, or before it (bad address or code); the
     * error holds neither the address nor the code */
    write_file(dir, "plan", "RCPT 550 5.1.1 no such user\n", 0644);
    r = otp_mail_send(&m, "pat@example.org", "482913", "nl", err, sizeof err);
    CHECK(r == OTP_PERM && has(err, "550") && !has(err, "pat@") && !has(err, "482913"),
          "code mail refused: %s '%s'", otp_result_name(r), err);
    write_file(dir, "plan", "MAIL 451 4.3.0 try later\n", 0644);
    r = otp_mail_send(&m, "pat@example.org", "482913", "nl", err, sizeof err);
    CHECK(r == OTP_TEMP && has(err, "451") && !has(err, "482913"), "code mail later: %s '%s'",
          otp_result_name(r), err);
    write_file(dir, "plan", "", 0644);
    r = otp_mail_send(&m, "pat@example.org\r\nRCPT TO:<x@y.example>", "482913", "nl", err,
                      sizeof err);
    CHECK(r == OTP_PERM && !has(err, "pat@") && !has(err, "x@y"), "code mail injection: %s '%s'",
          otp_result_name(r), err);
    r = otp_mail_send(&m, "pat@example.org", "48a913", "nl", err, sizeof err);
    CHECK(r == OTP_PERM && !has(err, "48a913"), "code mail bad code: '%s'", err);
    char *none = read_file(dir, "004.eml", NULL);
    CHECK(none == NULL, "nothing refused was delivered");
    free(none);
    stop(pid);

    /* no server: try again later */
    r = otp_mail_send(&m, "pat@example.org", "482913", "nl", err, sizeof err);
    CHECK(r == OTP_TEMP && !has(err, "482913"), "code mail, no server: %s '%s'", otp_result_name(r),
          err);
}

static void test_otp_sms(void)
{
    char dir[128], portfile[128], script[600], err[256];
    snprintf(dir, sizeof dir, "%s/gw", tmp);
    snprintf(portfile, sizeof portfile, "%s/gw.port", tmp);
    snprintf(script, sizeof script, "%s/portal/gateway.py", data_dir);
    pid_t pid;
    int port = start(script, dir, portfile, &pid);
    CHECK(port > 0, "the SMS gateway started (%s)", script);
    if (port <= 0) {
        stop(pid);
        return;
    }
    write_file(tmp, "token", "s3cret-token_1\n", 0600);
    write_file(tmp, "token-open", "s3cret\n", 0644);
    char url[128], token[128], open_token[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/send", port);
    snprintf(token, sizeof token, "%s/token", tmp);
    snprintf(open_token, sizeof open_token, "%s/token-open", tmp);

    struct otp_sms *g = NULL;
    CHECK(otp_sms_new(url, token, &g, err, sizeof err) == SL_OK, "sms gateway: %s", err);
    if (g == NULL) {
        stop(pid);
        return;
    }
    enum otp_result r =
        otp_sms_send(g, "+31612345678", "482913", "nl", "Zorg \"X\" \\ Co", err, sizeof err);
    CHECK(r == OTP_SENT, "sms: %s (%s)", otp_result_name(r), err);
    char *head = read_file(dir, "001.json", NULL);
    char *body = read_file(dir, "001.body", NULL);
    CHECK(has(head, "\"authorization\": \"Bearer s3cret-token_1\"") &&
              has(head, "\"content_type\": \"application/json\"") &&
              has(head, "\"path\": \"/send\""),
          "sms: request '%s'", head ? head : "");
    const char *want = "{\"to\": \"+31612345678\", \"text\": \"Uw code: 482913 (10 minuten "
                       "geldig). Zorg \\\"X\\\" \\\\ Co\"}";
    CHECK(body && strcmp(body, want) == 0, "sms: body '%s', want '%s'", body ? body : "", want);
    free(head);
    free(body);

    r = otp_sms_send(g, "+32470123456", "000001", "fr", NULL, err, sizeof err);
    CHECK(r == OTP_SENT, "sms fr: %s", err);
    body = read_file(dir, "002.body", NULL);
    CHECK(body && strcmp(body, "{\"to\": \"+32470123456\", \"text\": \"Votre code : 000001 "
                               "(valable 10 minutes).\"}") == 0,
          "sms fr: body '%s'", body ? body : "");
    free(body);

    /* the gateway's answers */
    static const struct {
        const char *status;
        enum otp_result want;
        const char *err;
    } answers[] = {
        {"503", OTP_TEMP, "HTTP 503"}, {"429", OTP_TEMP, "HTTP 429"}, {"400", OTP_PERM, "HTTP 400"},
        {"401", OTP_PERM, "HTTP 401"}, {"204", OTP_SENT, ""},
    };
    for (size_t i = 0; i < NELEM(answers); i++) {
        write_file(dir, "status", answers[i].status, 0644);
        err[0] = '\0';
        r = otp_sms_send(g, "+31612345678", "482913", "en", NULL, err, sizeof err);
        CHECK(r == answers[i].want && has(err, answers[i].err) && !has(err, "482913") &&
                  !has(err, "612345678") && !has(err, "s3cret"),
              "sms answer %s: %s '%s'", answers[i].status, otp_result_name(r), err);
    }
    /* a gateway that does not answer: the timeout */
    write_file(dir, "status", "stall", 0644);
    otp_sms_timeout(g, 700);
    r = otp_sms_send(g, "+31612345678", "482913", "en", NULL, err, sizeof err);
    CHECK(r == OTP_TEMP && has_i(err, "timeout") && !has(err, "482913"), "sms stall: %s '%s'",
          otp_result_name(r), err);
    write_file(dir, "status", "200", 0644);

    /* refused before any request */
    char count_before[16];
    snprintf(count_before, sizeof count_before, "%03d.json", 9);
    static const char *const phones[] = {"0612345678",    "+0612345678",      "+316",
                                         "+31 612345678", "+31612345678\r\n", "+3161234567890123"};
    for (size_t i = 0; i < NELEM(phones); i++) {
        r = otp_sms_send(g, phones[i], "482913", "nl", NULL, err, sizeof err);
        CHECK(r == OTP_PERM && has(err, "E.164") && !has(err, "61234"), "phone '%s': %s '%s'",
              phones[i], otp_result_name(r), err);
    }
    r = otp_sms_send(g, "+31612345678", "98", "nl", NULL, err, sizeof err);
    CHECK(r == OTP_PERM && !has(err, "98"), "sms bad code: '%s'", err);
    char *extra = read_file(dir, count_before, NULL);
    CHECK(extra == NULL, "sms: nothing refused reached the gateway");
    free(extra);
    otp_sms_free(g);

    /* no token: no Authorization header */
    CHECK(otp_sms_new(url, "", &g, err, sizeof err) == SL_OK, "sms without token: %s", err);
    if (g) {
        r = otp_sms_send(g, "+31612345678", "482913", "nl", NULL, err, sizeof err);
        CHECK(r == OTP_SENT, "sms without token: %s", err);
        head = read_file(dir, "009.json", NULL);
        CHECK(has(head, "\"authorization\": null"), "sms without token: '%s'", head ? head : "");
        free(head);
        otp_sms_free(g);
    }
    stop(pid);

    /* the gateway is gone: later */
    CHECK(otp_sms_new(url, token, &g, err, sizeof err) == SL_OK, "sms gateway again: %s", err);
    if (g) {
        r = otp_sms_send(g, "+31612345678", "482913", "nl", NULL, err, sizeof err);
        CHECK(r == OTP_TEMP && !has(err, "127.0.0.1"), "sms, no gateway: %s '%s'",
              otp_result_name(r), err);
        otp_sms_free(g);
    }

    /* configuration errors */
    g = NULL;
    CHECK(otp_sms_new(url, open_token, &g, err, sizeof err) == SL_EIO && g == NULL &&
              has(err, "chmod 600") && !has(err, "s3cret"),
          "a token others can read: '%s'", err);
    CHECK(otp_sms_new("ftp://127.0.0.1/x", NULL, &g, err, sizeof err) == SL_EPARSE,
          "an ftp URL is refused");
    CHECK(otp_sms_new("http://127.0.0.1/a b", NULL, &g, err, sizeof err) == SL_EPARSE,
          "a URL with a space is refused");
    char missing[160];
    snprintf(missing, sizeof missing, "%s/none", tmp);
    CHECK(otp_sms_new(url, missing, &g, err, sizeof err) == SL_EIO, "a missing token file");
    struct buf text = BUF_INIT;
    otp_sms_text("123456", "en", "Org\r\nX", &text);
    CHECK(strcmp(text.data, "Your code: 123456 (valid for 10 minutes). Org  X") == 0,
          "sms text: '%s'", text.data);
    buf_free(&text);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        data_dir = argv[1];
    view_init();
    test_safehtml();
    test_view_fixtures();
    test_view_limits();
    test_download_and_names();
    test_corpus();
    test_reply();

    snprintf(tmp, sizeof tmp, "/tmp/sluis-test-view-XXXXXX");
    if (mkdtemp(tmp) == NULL) {
        CHECK(false, "mkdtemp");
    } else {
        test_otp_mail();
        test_otp_sms();
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
        CHECK(system(cmd) == 0, "remove %s", tmp);
    }
    return check_summary("test_view");
}
