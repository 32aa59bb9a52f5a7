/*
 * chart - the dashboard's charts as inline SVG, written by the server with
 * the one HTML writer (web/html.h): no script, no CDN, no style attribute
 * (the CSP forbids it). Shapes carry presentation attributes (fill, stroke)
 * that draw a readable black-and-white chart on their own, and class names
 * ("chart-line", "seg-portal", ...) that the dashboard's style sheet may
 * colour. Nothing depends on colour alone: points and values are labelled,
 * action markers are dashed and numbered, bar segments have patterns and a
 * legend in text, so a printed page reads the same.
 *
 * Each chart is an <svg role="img"> with an aria-label, a <title> and a
 * <desc> that lists the values in words, for screen readers.
 *
 * Pure functions: they read the borrowed input and append to the writer;
 * the caller gives every text in the page's language. Thread-safe.
 */
#ifndef SLUIS_CHART_H
#define SLUIS_CHART_H

#include <stddef.h>

#include "../store/figures.h"
#include "../web/html.h"

/* a registered action, drawn as a vertical marker at its first month */
struct chart_action {
    const char *start; /* "YYYY-MM" or "YYYY-MM-DD" (as dashboard.db keeps it): drawn at
                          the start of that month */
    const char *title; /* short title (long ones are cut with "…" on the chart, whole in its
                          tooltip) */
};

struct chart_trend {
    const char *id;                 /* unique on the page, [a-z0-9-] (ids of the title and desc) */
    const char *title;              /* "Beschermd aandeel per maand" */
    const char *desc;               /* a sentence before the values in <desc> */
    const char *y_label;            /* "beschermd (%)" */
    const char *x_label;            /* "maand" */
    const char *no_data;            /* for a month without sensitive mail: "geen gegevens" */
    const char *legend;             /* heading of the actions' list: "Acties" */
    const struct fig_point *points; /* oldest first (figures_trend); at most CHART_MONTHS */
    size_t npoints;
    const struct chart_action *actions; /* markers; those outside the months are left out */
    size_t nactions;
};
#define CHART_MONTHS 36

/* chart_trend - a line chart of the protected share (protected / sensitive,
 * 0-100%) per month: one point per month with sensitive mail (a month
 * without is a gap in the line), a dashed numbered marker per action at the
 * start of its first month, and the actions listed under the chart */
void chart_trend(struct html *h, const struct chart_trend *t);

/* the segments of the outcomes bar, in order */
enum chart_seg {
    CHART_SEG_SMIME,
    CHART_SEG_TLS,
    CHART_SEG_PORTAL,
    CHART_SEG_EXTERNAL,
    CHART_SEG_UNPROTECTED,
    CHART_SEG_HELD,
    CHART_SEG_REJECTED,
    CHART_SEG_TEMPFAIL,
};
#define CHART_SEGS 8

struct chart_outcomes {
    const char *id;                /* unique on the page, [a-z0-9-] (ids of patterns too) */
    const char *title;             /* "Uitkomst van gevoelige e-mail" */
    const char *desc;              /* a sentence before the values in <desc> */
    const char *no_data;           /* when nothing was sensitive */
    const char *names[CHART_SEGS]; /* "S/MIME", "TLS", "portaal", ... */
    const struct fig_counts *c;
};

/* chart_outcomes - one horizontal bar of the month's sensitive external
 * messages split by outcome (protected per channel, unprotected, held,
 * rejected, temporary failure), each segment patterned and labelled with
 * its share when wide enough, and a legend with every non-empty segment's
 * name, count and share in text */
void chart_outcomes(struct html *h, const struct chart_outcomes *o);

/* chart_seg_count - the count of a segment in c (what chart_outcomes draws) */
uint64_t chart_seg_count(const struct fig_counts *c, enum chart_seg s);

#endif
