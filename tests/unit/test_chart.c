/*
 * test_chart - the dashboard's SVG charts (dashboard/chart.h): each one is
 * parsed back with libxml2 as XML, and its points, markers, segments,
 * legend and accessible texts are counted and read from the parsed tree;
 * texts with markup characters come back as they went in.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/buf.h"
#include "../../dashboard/chart.h"
#include "../../web/html.h"
#include "check.h"

/* parse - the SVG as an XML document (NULL when not well-formed) */
static xmlDocPtr parse(const struct buf *b)
{
    return xmlReadMemory(b->data, (int)b->len, "chart.svg", "UTF-8",
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static bool has_class(xmlNodePtr n, const char *cls)
{
    xmlChar *c = xmlGetProp(n, (const xmlChar *)"class");
    bool found = false;
    if (c) {
        size_t len = strlen(cls);
        for (const char *p = (const char *)c; (p = strstr(p, cls)) != NULL; p += len)
            if ((p == (const char *)c || p[-1] == ' ') && (p[len] == '\0' || p[len] == ' '))
                found = true;
        xmlFree(c);
    }
    return found;
}

/* walk - the node after n in document order within top's subtree (top
 * included), NULL at its end */
static xmlNodePtr walk(xmlNodePtr n, xmlNodePtr top)
{
    if (n->children)
        return n->children;
    for (; n && n != top; n = n->parent)
        if (n->next)
            return n->next;
    return NULL;
}

static bool matches(xmlNodePtr n, const char *name, const char *cls)
{
    return n->type == XML_ELEMENT_NODE &&
           (name == NULL || strcmp((const char *)n->name, name) == 0) &&
           (cls == NULL || has_class(n, cls));
}

/* count - elements named name (NULL: any) with class cls (NULL: any) in top */
static size_t count(xmlNodePtr top, const char *name, const char *cls)
{
    size_t k = 0;
    for (xmlNodePtr n = top; n; n = walk(n, top))
        k += matches(n, name, cls);
    return k;
}

/* find - the first element named name with class cls (NULL: any) in top */
static xmlNodePtr find(xmlNodePtr top, const char *name, const char *cls)
{
    for (xmlNodePtr n = top; n; n = walk(n, top))
        if (matches(n, name, cls))
            return n;
    return NULL;
}

/* any_attr - does any element in top carry attribute attr? */
static bool any_attr(xmlNodePtr top, const char *attr)
{
    for (xmlNodePtr n = top; n; n = walk(n, top))
        if (n->type == XML_ELEMENT_NODE && xmlHasProp(n, (const xmlChar *)attr))
            return true;
    return false;
}

/* text_has - does the text content of n hold s? */
static bool text_has(xmlNodePtr n, const char *s)
{
    if (n == NULL)
        return false;
    xmlChar *t = xmlNodeGetContent(n);
    bool ok = t && strstr((const char *)t, s) != NULL;
    xmlFree(t);
    return ok;
}

static bool prop_is(xmlNodePtr n, const char *attr, const char *want)
{
    xmlChar *v = n ? xmlGetProp(n, (const xmlChar *)attr) : NULL;
    bool ok = v && strcmp((const char *)v, want) == 0;
    xmlFree(v);
    return ok;
}

static long prop_long(xmlNodePtr n, const char *attr)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    long x = v ? strtol((const char *)v, NULL, 10) : -1;
    xmlFree(v);
    return x;
}

/* the svg root's accessible parts: role, aria-label, title and desc first */
static void check_accessible(xmlDocPtr doc, const char *title, const char *what)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    CHECK(root && strcmp((const char *)root->name, "svg") == 0, "%s: root is not svg", what);
    if (root == NULL)
        return;
    CHECK(prop_is(root, "role", "img"), "%s: role is not img", what);
    CHECK(prop_is(root, "aria-label", title), "%s: aria-label is not the title", what);
    xmlNodePtr first = root->children;
    while (first && first->type != XML_ELEMENT_NODE)
        first = first->next;
    CHECK(first && strcmp((const char *)first->name, "title") == 0, "%s: title not first", what);
    CHECK(first && text_has(first, title), "%s: title text", what);
    xmlNodePtr second = first ? first->next : NULL;
    while (second && second->type != XML_ELEMENT_NODE)
        second = second->next;
    CHECK(second && strcmp((const char *)second->name, "desc") == 0, "%s: desc not second", what);
    CHECK(!any_attr(root, "style"), "%s: a style attribute (the CSP forbids them)", what);
}

static struct fig_point month(const char *m, uint64_t sensitive, uint64_t protected_)
{
    struct fig_point p;
    memset(&p, 0, sizeof p);
    size_t len = strnlen(m, sizeof p.month - 1);
    memcpy(p.month, m, len);
    p.c.sensitive = sensitive;
    p.c.protected_ = protected_;
    return p;
}

static void test_trend(void)
{
    /* 12 months, 2026-01..2026-12; March has no sensitive mail (a gap) */
    struct fig_point pts[12];
    for (int i = 0; i < 12; i++) {
        char m[32];
        snprintf(m, sizeof m, "2026-%02d", i + 1);
        pts[i] = month(m, i == 2 ? 0 : 100, i == 2 ? 0 : (uint64_t)(50 + 3 * i));
    }
    pts[11].c.protected_ = 100; /* 100% */
    struct chart_action acts[] = {
        {"2026-05", "Portaal <uitleg> & \"training\""},
        {"2026-09-15", "S/MIME voor huisartsen"},
        {"2025-06", "voor deze periode: niet getekend"},
        {"2027-01", "na deze periode: niet getekend"},
        {"2026-1", "geen maand"},
        {"2026-10-1", "geen datum"},
        {"2026-10x", "geen maand"},
    };
    struct chart_trend t = {
        .id = "trend",
        .title = "Beschermd aandeel <per> maand & \"trend\"",
        .desc = "Het aandeel gevoelige e-mail dat beschermd verstuurd werd.",
        .y_label = "beschermd (%)",
        .x_label = "maand",
        .no_data = "geen gegevens",
        .legend = "Acties",
        .points = pts,
        .npoints = 12,
        .actions = acts,
        .nactions = NELEM(acts),
    };
    struct buf b = BUF_INIT;
    struct html h = HTML_INIT(&b);
    chart_trend(&h, &t);
    CHECK(html_status(&h) == SL_OK, "trend written");
    xmlDocPtr doc = parse(&b);
    CHECK(doc != NULL, "trend is not well-formed XML:\n%s", b.data);
    if (doc) {
        xmlNodePtr root = xmlDocGetRootElement(doc);
        check_accessible(doc, t.title, "trend");
        CHECK(count(root, "circle", "chart-point") == 11, "points: got %zu, want 11",
              count(root, "circle", "chart-point"));
        CHECK(count(root, "g", "chart-marker") == 2, "markers: got %zu, want 2",
              count(root, "g", "chart-marker"));
        CHECK(count(root, "text", "chart-legend") == 2, "legend lines: got %zu, want 2",
              count(root, "text", "chart-legend"));
        CHECK(count(root, "line", "chart-grid") == 5, "grid lines: got %zu, want 5",
              count(root, "line", "chart-grid"));
        /* a month number per month, the year once (no January after the first) */
        CHECK(count(root, "text", "chart-tick") == 5 + 12 + 1, "ticks: got %zu, want 18",
              count(root, "text", "chart-tick"));
        /* the action's title, with its markup characters, reads back as it went in */
        xmlNodePtr marker = find(root, "g", "chart-marker");
        CHECK(text_has(marker, "Portaal <uitleg> & \"training\""), "marker title not read back");
        xmlNodePtr legend = find(root, "text", "chart-legend");
        CHECK(text_has(legend, "Portaal <uitleg> & \"training\" (2026-05)"),
              "legend not read back");
        xmlNodePtr desc = find(root, "desc", NULL);
        CHECK(text_has(desc, "2026-01: 50%") && text_has(desc, "2026-03: geen gegevens") &&
                  text_has(desc, "2026-12: 100%") && text_has(desc, "S/MIME voor huisartsen") &&
                  text_has(desc, "(2026-09)"),
              "desc does not list the values");
        CHECK(!text_has(desc, "niet getekend"), "desc names an action outside the months");
        /* the line breaks at the gap: two subpaths */
        xmlNodePtr line = find(root, "path", "chart-line");
        xmlChar *d = line ? xmlGetProp(line, (const xmlChar *)"d") : NULL;
        size_t moves = 0;
        for (const char *p = d ? (const char *)d : ""; *p; p++)
            moves += *p == 'M';
        CHECK(moves == 2, "line: %zu subpaths, want 2", moves);
        xmlFree(d);
        /* 100% sits on the top of the plot, the marker of May left of May's point */
        xmlNodePtr pt = find(root, "circle", "chart-point");
        long top = -1, x_may = -1;
        long x_marker = -1;
        for (xmlNodePtr c = pt; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && has_class(c, "chart-point")) {
                xmlNodePtr tt = find(c, "title", NULL);
                if (text_has(tt, "2026-12"))
                    top = prop_long(c, "cy");
                if (text_has(tt, "2026-05"))
                    x_may = prop_long(c, "cx");
            }
        xmlNodePtr ml = marker ? find(marker, "line", NULL) : NULL;
        if (ml)
            x_marker = prop_long(ml, "x1");
        xmlNodePtr grid = find(root, "line", "chart-grid");
        long y100 = -1;
        for (xmlNodePtr c = grid; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && has_class(c, "chart-grid"))
                y100 = prop_long(c, "y1"); /* the last one drawn is 100% */
        CHECK(top >= 0 && top == y100, "100%% at y %ld, the 100%% line at %ld", top, y100);
        CHECK(x_marker > 0 && x_may > x_marker, "May's marker at %ld, May's point at %ld", x_marker,
              x_may);
        xmlFreeDoc(doc);
    }
    buf_free(&b);

    /* no data at all, no actions: axes and a desc, no line, no point */
    struct fig_point empty[3] = {month("2025-11", 0, 0), month("2025-12", 0, 0),
                                 month("2026-01", 0, 0)};
    struct chart_trend e = {.id = "leeg", .title = "Leeg", .points = empty, .npoints = 3};
    h = (struct html)HTML_INIT(&b);
    chart_trend(&h, &e);
    doc = parse(&b);
    CHECK(doc != NULL, "empty trend is not well-formed XML");
    if (doc) {
        xmlNodePtr root = xmlDocGetRootElement(doc);
        check_accessible(doc, "Leeg", "empty trend");
        CHECK(count(root, "circle", NULL) == 0 && count(root, "path", "chart-line") == 0 &&
                  count(root, "g", "chart-marker") == 0,
              "empty trend draws something");
        /* the year under the first month and under January */
        CHECK(count(root, "text", "chart-tick") == 5 + 3 + 2, "empty trend ticks: %zu",
              count(root, "text", "chart-tick"));
        xmlFreeDoc(doc);
    }
    buf_free(&b);

    /* a long title is cut on the chart at a character boundary, whole in its tooltip;
     * bytes that are not UTF-8 do not break the document */
    char longt[400];
    size_t off = 0;
    for (int i = 0; i < 30; i++)
        off += (size_t)snprintf(longt + off, sizeof longt - off, "%s", "éé€ ");
    snprintf(longt + off, sizeof longt - off, "%s", "\xff\xfe end");
    struct chart_action la = {"2026-01", longt};
    struct fig_point one = month("2026-01", 4, 3);
    struct chart_trend l = {.id = "lang",
                            .title = "T",
                            .points = &one,
                            .npoints = 1,
                            .actions = &la,
                            .nactions = 1,
                            .legend = "Acties"};
    h = (struct html)HTML_INIT(&b);
    chart_trend(&h, &l);
    doc = parse(&b);
    CHECK(doc != NULL, "trend with a long title is not well-formed XML");
    if (doc) {
        xmlNodePtr root = xmlDocGetRootElement(doc);
        xmlNodePtr legend = find(root, "text", "chart-legend");
        CHECK(text_has(legend, "…") && !text_has(legend, "end"), "long title not cut");
        CHECK(text_has(find(root, "g", "chart-marker"), " end"), "tooltip lacks the whole title");
        CHECK(count(root, "circle", "chart-point") == 1, "one point");
        CHECK(text_has(find(root, "text", "chart-value"), "75%"), "value label 75%%");
        xmlFreeDoc(doc);
    }
    buf_free(&b);
}

static void test_outcomes(void)
{
    struct fig_counts c;
    memset(&c, 0, sizeof c);
    c.channel[EVENT_CH_TLS] = 2;
    c.channel[EVENT_CH_PORTAL] = 4;
    c.unprotected = 1;
    c.held = 1;
    c.sensitive = c.protected_ = 6;
    c.sensitive += 2;
    struct chart_outcomes o = {
        .id = "uitkomst",
        .title = "Uitkomst <gevoelig> & \"extern\"",
        .desc = "Gevoelige e-mail naar buiten, per uitkomst.",
        .no_data = "geen gevoelige e-mail",
        .names = {"S/MIME", "TLS", "portaal", "eigen portaal", "onbeschermd <&>", "vastgehouden",
                  "geweigerd", "tijdelijk mislukt"},
        .c = &c,
    };
    struct buf b = BUF_INIT;
    struct html h = HTML_INIT(&b);
    chart_outcomes(&h, &o);
    CHECK(html_status(&h) == SL_OK, "outcomes written");
    xmlDocPtr doc = parse(&b);
    CHECK(doc != NULL, "outcomes is not well-formed XML:\n%s", b.data);
    if (doc) {
        xmlNodePtr root = xmlDocGetRootElement(doc);
        check_accessible(doc, o.title, "outcomes");
        CHECK(count(root, "rect", "chart-seg") == 4, "segments: got %zu, want 4",
              count(root, "rect", "chart-seg"));
        CHECK(count(root, "g", "chart-legend") == 4, "legend entries: got %zu, want 4",
              count(root, "g", "chart-legend"));
        CHECK(count(root, "pattern", NULL) == CHART_SEGS, "patterns: got %zu",
              count(root, "pattern", NULL));
        /* the segments fill the bar exactly, in order, without gaps */
        long x = -1, total = 0;
        for (xmlNodePtr s = find(root, "rect", "chart-seg"); s; s = s->next) {
            if (s->type != XML_ELEMENT_NODE || !has_class(s, "chart-seg"))
                continue;
            if (x >= 0)
                CHECK(prop_long(s, "x") == x, "segment at %ld, want %ld", prop_long(s, "x"), x);
            x = prop_long(s, "x") + prop_long(s, "width");
            total += prop_long(s, "width");
        }
        CHECK(total == 704, "segments add up to %ld, want 704", total);
        /* in order: TLS, portal, unprotected, held */
        static const char *const want_cls[] = {"seg-tls", "seg-portal", "seg-unprotected",
                                               "seg-held"};
        size_t k = 0;
        for (xmlNodePtr s = find(root, "rect", "chart-seg"); s; s = s->next) {
            if (s->type != XML_ELEMENT_NODE || !has_class(s, "chart-seg"))
                continue;
            CHECK(k < NELEM(want_cls) && has_class(s, want_cls[k]), "segment %zu: class", k);
            k++;
        }
        xmlNodePtr legend = find(root, "g", "chart-legend");
        CHECK(text_has(legend, "TLS: 2 (25%)"), "first legend entry");
        CHECK(text_has(root, "portaal: 4 (50%)") && text_has(root, "onbeschermd <&>: 1 (13%)") &&
                  text_has(root, "vastgehouden: 1 (13%)"),
              "legend texts");
        CHECK(!text_has(root, "geweigerd"), "an empty segment in the legend");
        xmlFreeDoc(doc);
    }
    buf_free(&b);

    struct fig_counts zero;
    memset(&zero, 0, sizeof zero);
    o.c = &zero;
    h = (struct html)HTML_INIT(&b);
    chart_outcomes(&h, &o);
    doc = parse(&b);
    CHECK(doc != NULL, "empty outcomes is not well-formed XML");
    if (doc) {
        xmlNodePtr root = xmlDocGetRootElement(doc);
        check_accessible(doc, o.title, "empty outcomes");
        CHECK(count(root, "rect", "chart-seg") == 0 && count(root, "g", "chart-legend") == 0,
              "empty outcomes draws segments");
        CHECK(text_has(root, "geen gevoelige e-mail"), "no-data text");
        xmlFreeDoc(doc);
    }
    buf_free(&b);
    CHECK(chart_seg_count(&c, CHART_SEG_PORTAL) == 4 && chart_seg_count(&c, CHART_SEG_HELD) == 1,
          "chart_seg_count");
}

int main(void)
{
    LIBXML_TEST_VERSION
    test_trend();
    test_outcomes();
    xmlCleanupParser();
    return check_summary("test_chart");
}
