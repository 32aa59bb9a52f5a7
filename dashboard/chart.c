/*
 * chart - the dashboard's SVG charts. See chart.h.
 *
 * Coordinates are whole user units in a fixed viewBox (the page's style
 * sheet scales the <svg>); every number goes through html_int(), every
 * text through html_text(), markup only through HTML_LIT(). Pure functions
 * of their input; no allocation.
 */
#include "chart.h"

#include <stdbool.h>
#include <string.h>

/* ---- small writers */

static void attr_int(struct html *h, long long v)
{
    HTML_LIT(h, "\"");
    html_int(h, v);
    HTML_LIT(h, "\"");
}

/* sep - "; " between items of a list, first before the first */
static void sep(struct html *h, bool later)
{
    if (later)
        HTML_LIT(h, "; ");
    else
        HTML_LIT(h, " ");
}

static void str_or(struct html *h, const char *s, const char *dflt)
{
    html_str(h, s ? s : dflt);
}

/* percent - round(100 * a / b); 0 when b is 0 */
static long long percent(uint64_t a, uint64_t b)
{
    return b ? (long long)((a * 200 / b + 1) / 2) : 0;
}

/* text_cut - s as text, at most max code points; a longer one is cut at a
 * character boundary and ends in "…" */
static void text_cut(struct html *h, const char *s, size_t max)
{
    if (s == NULL)
        return;
    size_t len = strlen(s), n = 0, i = 0;
    while (i < len && n < max) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        n++;
    }
    html_text(h, s, i);
    if (i < len)
        HTML_LIT(h, "…");
}

/* svg_open - <svg> with its accessible name and a <title>; the caller
 * writes the <desc> next */
static void svg_open(struct html *h, const char *cls, const char *id, const char *title, int width,
                     int height)
{
    HTML_LIT(h, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ");
    html_str(h, cls);
    HTML_LIT(h, "\" role=\"img\" viewBox=\"0 0 ");
    html_int(h, width);
    HTML_LIT(h, " ");
    html_int(h, height);
    HTML_LIT(h, "\" width=");
    attr_int(h, width);
    HTML_LIT(h, " height=");
    attr_int(h, height);
    HTML_LIT(h, " aria-label=\"");
    str_or(h, title, "");
    HTML_LIT(h, "\" aria-describedby=\"");
    str_or(h, id, "chart");
    HTML_LIT(h, "-desc\" font-family=\"sans-serif\"><title id=\"");
    str_or(h, id, "chart");
    HTML_LIT(h, "-title\">");
    str_or(h, title, "");
    HTML_LIT(h, "</title><desc id=\"");
    str_or(h, id, "chart");
    HTML_LIT(h, "-desc\">");
}

/* ---- the trend */

#define TR_W  720
#define TR_L  56
#define TR_R  16
#define TR_T  36
#define TR_PH 220
#define TR_PW (TR_W - TR_L - TR_R)

static int tr_y(const struct fig_counts *c)
{
    return TR_T + TR_PH - (int)((c->protected_ * (uint64_t)TR_PH * 2 / c->sensitive + 1) / 2);
}

static int tr_x(size_t i, size_t n)
{
    return TR_L + (int)((2 * i + 1) * TR_PW / (2 * n));
}

static int tr_edge(size_t i, size_t n)
{
    return TR_L + (int)(i * TR_PW / n);
}

/* the month's place among the points, or -1 */
static long month_index(const struct chart_trend *t, const char *month)
{
    if (month == NULL || strnlen(month, 8) < 7)
        return -1;
    for (size_t i = 0; i < t->npoints && i < CHART_MONTHS; i++)
        if ((month[7] == '\0' || (month[7] == '-' && strlen(month) == 10)) &&
            strncmp(t->points[i].month, month, 7) == 0)
            return (long)i;
    return -1;
}

static void month_value(struct html *h, const struct chart_trend *t, const struct fig_point *p)
{
    html_text(h, p->month, strnlen(p->month, sizeof p->month));
    HTML_LIT(h, ": ");
    if (p->c.sensitive) {
        html_int(h, percent(p->c.protected_, p->c.sensitive));
        HTML_LIT(h, "%");
    } else {
        str_or(h, t->no_data, "-");
    }
}

void chart_trend(struct html *h, const struct chart_trend *t)
{
    size_t n = t->npoints > CHART_MONTHS ? CHART_MONTHS : t->npoints;
    /* actions drawn: those whose first month is among the points */
    size_t drawn = 0;
    for (size_t a = 0; a < t->nactions; a++)
        if (month_index(t, t->actions[a].start) >= 0)
            drawn++;
    int height = TR_T + TR_PH + 56 + (drawn ? 22 + 18 * (int)drawn : 0) + 8;

    svg_open(h, "chart-trend", t->id, t->title, TR_W, height);
    str_or(h, t->desc, "");
    for (size_t i = 0; i < n; i++) {
        sep(h, i > 0);
        month_value(h, t, &t->points[i]);
    }
    for (size_t a = 0, k = 0; a < t->nactions; a++) {
        if (month_index(t, t->actions[a].start) < 0)
            continue;
        if (k++)
            HTML_LIT(h, "; ");
        else
            HTML_LIT(h, ". ");
        str_or(h, t->legend, "");
        HTML_LIT(h, " ");
        html_uint(h, k);
        HTML_LIT(h, " (");
        html_text(h, t->actions[a].start, 7);
        HTML_LIT(h, "): ");
        str_or(h, t->actions[a].title, "");
    }
    HTML_LIT(h, "</desc>");

    /* grid and the y axis: 0, 25, 50, 75, 100 % */
    for (int p = 0; p <= 100; p += 25) {
        int y = TR_T + TR_PH - p * TR_PH / 100;
        HTML_LIT(h, "<line class=\"chart-grid\" x1=");
        attr_int(h, TR_L);
        HTML_LIT(h, " y1=");
        attr_int(h, y);
        HTML_LIT(h, " x2=");
        attr_int(h, TR_W - TR_R);
        HTML_LIT(h, " y2=");
        attr_int(h, y);
        HTML_LIT(h, " stroke=\"#999\" stroke-width=\"1\" stroke-dasharray=\"2 3\"/>"
                    "<text class=\"chart-tick\" x=");
        attr_int(h, TR_L - 6);
        HTML_LIT(h, " y=");
        attr_int(h, y + 4);
        HTML_LIT(h, " text-anchor=\"end\" font-size=\"11\">");
        html_int(h, p);
        HTML_LIT(h, "%</text>");
    }
    HTML_LIT(h,
             "<path class=\"chart-axis\" fill=\"none\" stroke=\"#000\" stroke-width=\"1\" d=\"M");
    html_int(h, TR_L);
    HTML_LIT(h, " ");
    html_int(h, TR_T);
    HTML_LIT(h, "V");
    html_int(h, TR_T + TR_PH);
    HTML_LIT(h, "H");
    html_int(h, TR_W - TR_R);
    HTML_LIT(h, "\"/><text class=\"chart-axis-label\" transform=\"rotate(-90)\" x=");
    attr_int(h, -(TR_T + TR_PH / 2));
    HTML_LIT(h, " y=\"14\" text-anchor=\"middle\" font-size=\"12\">");
    str_or(h, t->y_label, "");
    HTML_LIT(h, "</text>");

    /* the x axis: the month's number, the year under the first and January */
    for (size_t i = 0; i < n; i++) {
        const char *mo = t->points[i].month;
        HTML_LIT(h, "<text class=\"chart-tick\" x=");
        attr_int(h, tr_x(i, n));
        HTML_LIT(h, " y=");
        attr_int(h, TR_T + TR_PH + 16);
        HTML_LIT(h, " text-anchor=\"middle\" font-size=\"11\">");
        html_text(h, mo + 5, strnlen(mo + 5, 2));
        HTML_LIT(h, "</text>");
        if (i == 0 || strncmp(mo + 5, "01", 2) == 0) {
            HTML_LIT(h, "<text class=\"chart-tick\" x=");
            attr_int(h, tr_x(i, n));
            HTML_LIT(h, " y=");
            attr_int(h, TR_T + TR_PH + 30);
            HTML_LIT(h, " text-anchor=\"middle\" font-size=\"11\">");
            html_text(h, mo, strnlen(mo, 4));
            HTML_LIT(h, "</text>");
        }
    }
    HTML_LIT(h, "<text class=\"chart-axis-label\" x=");
    attr_int(h, TR_L + TR_PW / 2);
    HTML_LIT(h, " y=");
    attr_int(h, TR_T + TR_PH + 48);
    HTML_LIT(h, " text-anchor=\"middle\" font-size=\"12\">");
    str_or(h, t->x_label, "");
    HTML_LIT(h, "</text>");

    /* the line: a gap where a month had no sensitive mail */
    bool any = false;
    for (size_t i = 0; i < n; i++)
        any = any || t->points[i].c.sensitive > 0;
    if (any) {
        HTML_LIT(h, "<path class=\"chart-line\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\" "
                    "stroke-linejoin=\"round\" d=\"");
        bool pen = false;
        for (size_t i = 0; i < n; i++) {
            if (t->points[i].c.sensitive == 0) {
                pen = false;
                continue;
            }
            HTML_LIT(h, " ");
            if (pen)
                HTML_LIT(h, "L");
            else
                HTML_LIT(h, "M");
            html_int(h, tr_x(i, n));
            HTML_LIT(h, " ");
            html_int(h, tr_y(&t->points[i].c));
            pen = true;
        }
        HTML_LIT(h, "\"/>");
    }
    /* the points, each with its value */
    for (size_t i = 0; i < n; i++) {
        const struct fig_point *p = &t->points[i];
        if (p->c.sensitive == 0)
            continue;
        int x = tr_x(i, n), y = tr_y(&p->c);
        HTML_LIT(h, "<circle class=\"chart-point\" cx=");
        attr_int(h, x);
        HTML_LIT(h, " cy=");
        attr_int(h, y);
        HTML_LIT(h, " r=\"4\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"2\"><title>");
        month_value(h, t, p);
        HTML_LIT(h, "</title></circle><text class=\"chart-value\" x=");
        attr_int(h, x);
        HTML_LIT(h, " y=");
        attr_int(h, y - 9);
        HTML_LIT(h, " text-anchor=\"middle\" font-size=\"10\" paint-order=\"stroke\" "
                    "stroke=\"#fff\" stroke-width=\"3\">");
        html_int(h, percent(p->c.protected_, p->c.sensitive));
        HTML_LIT(h, "%</text>");
    }
    /* the actions: a dashed line at the start of their first month, numbered */
    size_t k = 0;
    for (size_t a = 0; a < t->nactions; a++) {
        long i = month_index(t, t->actions[a].start);
        if (i < 0 || (size_t)i >= n)
            continue;
        k++;
        int x = tr_edge((size_t)i, n);
        HTML_LIT(h, "<g class=\"chart-marker\"><title>");
        html_uint(h, k);
        HTML_LIT(h, ". ");
        str_or(h, t->actions[a].title, "");
        HTML_LIT(h, " (");
        html_text(h, t->actions[a].start, 7);
        HTML_LIT(h, ")</title><line x1=");
        attr_int(h, x);
        HTML_LIT(h, " y1=");
        attr_int(h, TR_T - 10);
        HTML_LIT(h, " x2=");
        attr_int(h, x);
        HTML_LIT(h, " y2=");
        attr_int(h, TR_T + TR_PH);
        HTML_LIT(h, " stroke=\"#000\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
                    "<text class=\"chart-marker-label\" x=");
        attr_int(h, x);
        HTML_LIT(h, " y=");
        attr_int(h, TR_T - 14);
        HTML_LIT(h, " text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\">");
        html_uint(h, k);
        HTML_LIT(h, "</text></g>");
    }
    /* the actions' list under the chart */
    if (drawn) {
        int y = TR_T + TR_PH + 74;
        HTML_LIT(h, "<text class=\"chart-legend-head\" x=");
        attr_int(h, TR_L);
        HTML_LIT(h, " y=");
        attr_int(h, y);
        HTML_LIT(h, " font-size=\"12\" font-weight=\"bold\">");
        str_or(h, t->legend, "");
        HTML_LIT(h, "</text>");
        k = 0;
        for (size_t a = 0; a < t->nactions; a++) {
            if (month_index(t, t->actions[a].start) < 0)
                continue;
            k++;
            y += 18;
            HTML_LIT(h, "<text class=\"chart-legend\" x=");
            attr_int(h, TR_L);
            HTML_LIT(h, " y=");
            attr_int(h, y);
            HTML_LIT(h, " font-size=\"12\">");
            html_uint(h, k);
            HTML_LIT(h, " \xe2\x80\x94 ");
            text_cut(h, t->actions[a].title, 80);
            HTML_LIT(h, " (");
            html_text(h, t->actions[a].start, 7);
            HTML_LIT(h, ")</text>");
        }
    }
    HTML_LIT(h, "</svg>");
}

/* ---- the outcomes bar */

#define OB_W  720
#define OB_L  8
#define OB_BW (OB_W - 2 * OB_L)
#define OB_T  8
#define OB_BH 40

uint64_t chart_seg_count(const struct fig_counts *c, enum chart_seg s)
{
    switch (s) {
    case CHART_SEG_SMIME:
        return c->channel[EVENT_CH_SMIME];
    case CHART_SEG_TLS:
        return c->channel[EVENT_CH_TLS];
    case CHART_SEG_PORTAL:
        return c->channel[EVENT_CH_PORTAL];
    case CHART_SEG_EXTERNAL:
        return c->channel[EVENT_CH_EXTERNAL_PORTAL];
    case CHART_SEG_UNPROTECTED:
        return c->unprotected;
    case CHART_SEG_HELD:
        return c->held;
    case CHART_SEG_REJECTED:
        return c->rejected;
    case CHART_SEG_TEMPFAIL:
        return c->tempfail;
    }
    return 0;
}

/* class names, background colours and pattern strokes: one look per
 * segment that differs in grey and pattern, not only in colour */
static const struct {
    const char *cls;
    const char *bg;
    const char *path; /* in an 8x8 tile; "" solid */
} seg_look[CHART_SEGS] = {
    [CHART_SEG_SMIME] = {"seg-smime", "#1b5e20", ""},
    [CHART_SEG_TLS] = {"seg-tls", "#43a047", "M0 8L8 0M-2 2L2 -2M6 10L10 6"},
    [CHART_SEG_PORTAL] = {"seg-portal", "#a5d6a7", "M3 3h2v2h-2z"},
    [CHART_SEG_EXTERNAL] = {"seg-external", "#dcedc8", "M2 0V8M6 0V8"},
    [CHART_SEG_UNPROTECTED] = {"seg-unprotected", "#e53935", "M0 0L8 8M8 0L0 8"},
    [CHART_SEG_HELD] = {"seg-held", "#ffb74d", "M0 2H8M0 6H8"},
    [CHART_SEG_REJECTED] = {"seg-rejected", "#6d4c41", "M0 0L8 8M-2 6L2 10M6 -2L10 2"},
    [CHART_SEG_TEMPFAIL] = {"seg-tempfail", "#bdbdbd", "M0 4H8M4 0V8"},
};

/* the bar's segment classes are literals: HTML_LIT needs them spelled out */
static void seg_class(struct html *h, enum chart_seg s)
{
    switch (s) {
    case CHART_SEG_SMIME:
        HTML_LIT(h, "seg-smime");
        break;
    case CHART_SEG_TLS:
        HTML_LIT(h, "seg-tls");
        break;
    case CHART_SEG_PORTAL:
        HTML_LIT(h, "seg-portal");
        break;
    case CHART_SEG_EXTERNAL:
        HTML_LIT(h, "seg-external");
        break;
    case CHART_SEG_UNPROTECTED:
        HTML_LIT(h, "seg-unprotected");
        break;
    case CHART_SEG_HELD:
        HTML_LIT(h, "seg-held");
        break;
    case CHART_SEG_REJECTED:
        HTML_LIT(h, "seg-rejected");
        break;
    case CHART_SEG_TEMPFAIL:
        HTML_LIT(h, "seg-tempfail");
        break;
    }
}

static void pattern_ref(struct html *h, const char *id, int s)
{
    HTML_LIT(h, "\"url(#");
    str_or(h, id, "chart");
    HTML_LIT(h, "-p");
    html_int(h, s);
    HTML_LIT(h, ")\"");
}

static void seg_words(struct html *h, const struct chart_outcomes *o, int s, uint64_t v,
                      uint64_t total)
{
    str_or(h, o->names[s], seg_look[s].cls);
    HTML_LIT(h, ": ");
    html_uint(h, v);
    HTML_LIT(h, " (");
    html_int(h, percent(v, total));
    HTML_LIT(h, "%)");
}

void chart_outcomes(struct html *h, const struct chart_outcomes *o)
{
    const struct fig_counts *c = o->c;
    uint64_t v[CHART_SEGS], total = 0;
    int shown = 0;
    for (int s = 0; s < CHART_SEGS; s++) {
        v[s] = chart_seg_count(c, (enum chart_seg)s);
        total += v[s];
        shown += v[s] > 0;
    }
    int rows = (shown + 1) / 2;
    int legend_y = OB_T + OB_BH + 24;
    int height = legend_y + (rows ? rows * 22 : 0) + 8;

    svg_open(h, "chart-outcomes", o->id, o->title, OB_W, height);
    str_or(h, o->desc, "");
    if (total == 0) {
        HTML_LIT(h, " ");
        str_or(h, o->no_data, "");
    }
    for (int s = 0, k = 0; s < CHART_SEGS; s++) {
        if (v[s] == 0)
            continue;
        sep(h, k++ > 0);
        seg_words(h, o, s, v[s], total);
    }
    HTML_LIT(h, "</desc><defs>");
    for (int s = 0; s < CHART_SEGS; s++) {
        HTML_LIT(h, "<pattern id=\"");
        str_or(h, o->id, "chart");
        HTML_LIT(h, "-p");
        html_int(h, s);
        HTML_LIT(h, "\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"><rect class=\"");
        seg_class(h, (enum chart_seg)s);
        HTML_LIT(h, "\" width=\"8\" height=\"8\" fill=\"");
        html_str(h, seg_look[s].bg);
        HTML_LIT(h, "\"/>");
        if (seg_look[s].path[0]) {
            HTML_LIT(h, "<path d=\"");
            html_str(h, seg_look[s].path);
            HTML_LIT(h, "\" stroke=\"#000\" stroke-width=\"1\" fill=\"#000\"/>");
        }
        HTML_LIT(h, "</pattern>");
    }
    HTML_LIT(h, "</defs>");

    if (total == 0) {
        HTML_LIT(h, "<rect class=\"chart-empty\" x=");
        attr_int(h, OB_L);
        HTML_LIT(h, " y=");
        attr_int(h, OB_T);
        HTML_LIT(h, " width=");
        attr_int(h, OB_BW);
        HTML_LIT(h, " height=");
        attr_int(h, OB_BH);
        HTML_LIT(h, " fill=\"#fff\" stroke=\"#000\" stroke-dasharray=\"4 3\"/>"
                    "<text class=\"chart-value\" x=");
        attr_int(h, OB_L + OB_BW / 2);
        HTML_LIT(h, " y=");
        attr_int(h, OB_T + OB_BH / 2 + 5);
        HTML_LIT(h, " text-anchor=\"middle\" font-size=\"13\">");
        str_or(h, o->no_data, "");
        HTML_LIT(h, "</text></svg>");
        return;
    }

    /* the segments, placed by running totals so that they add up exactly */
    uint64_t run = 0;
    for (int s = 0; s < CHART_SEGS; s++) {
        if (v[s] == 0)
            continue;
        int x0 = OB_L + (int)(run * OB_BW / total);
        run += v[s];
        int x1 = OB_L + (int)(run * OB_BW / total);
        HTML_LIT(h, "<rect class=\"chart-seg ");
        seg_class(h, (enum chart_seg)s);
        HTML_LIT(h, "\" x=");
        attr_int(h, x0);
        HTML_LIT(h, " y=");
        attr_int(h, OB_T);
        HTML_LIT(h, " width=");
        attr_int(h, x1 - x0);
        HTML_LIT(h, " height=");
        attr_int(h, OB_BH);
        HTML_LIT(h, " fill=");
        pattern_ref(h, o->id, s);
        HTML_LIT(h, " stroke=\"#000\" stroke-width=\"1\"><title>");
        seg_words(h, o, s, v[s], total);
        HTML_LIT(h, "</title></rect>");
        if (x1 - x0 >= 40) {
            HTML_LIT(h, "<text class=\"chart-value\" x=");
            attr_int(h, (x0 + x1) / 2);
            HTML_LIT(h, " y=");
            attr_int(h, OB_T + OB_BH / 2 + 5);
            HTML_LIT(h, " text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" "
                        "paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"4\">");
            html_int(h, percent(v[s], total));
            HTML_LIT(h, "%</text>");
        }
    }
    /* the legend: a swatch with the segment's pattern, its name, count and share */
    for (int s = 0, k = 0; s < CHART_SEGS; s++) {
        if (v[s] == 0)
            continue;
        int x = OB_L + (k % 2) * (OB_W / 2);
        int y = legend_y + (k / 2) * 22;
        k++;
        HTML_LIT(h, "<g class=\"chart-legend\"><rect class=\"");
        seg_class(h, (enum chart_seg)s);
        HTML_LIT(h, "\" x=");
        attr_int(h, x);
        HTML_LIT(h, " y=");
        attr_int(h, y - 12);
        HTML_LIT(h, " width=\"16\" height=\"16\" fill=");
        pattern_ref(h, o->id, s);
        HTML_LIT(h, " stroke=\"#000\" stroke-width=\"1\"/><text x=");
        attr_int(h, x + 22);
        HTML_LIT(h, " y=");
        attr_int(h, y);
        HTML_LIT(h, " font-size=\"12\">");
        seg_words(h, o, s, v[s], total);
        HTML_LIT(h, "</text></g>");
    }
    HTML_LIT(h, "</svg>");
}
