/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The timeline's layout maths, GTK-free so that unit tests call it: the
 * visible span, zoom, pan, clamp, adaptive ticks, lanes and hit-testing.
 * Shaped like Sysprof's sysprof-time-span.h. Time is in days: a GDate
 * Julian day number, fractional within the day; a span is half-open
 * [begin, end). An event that covers days first..last inclusive covers
 * [first, last + 1). */

typedef struct
{
  double begin;
  double end;
} TallyTimeSpan;

static inline double
tally_time_span_duration (TallyTimeSpan span)
{
  return span.end - span.begin;
}

static inline double
tally_time_span_x_for_day (TallyTimeSpan span,
                           double        day,
                           double        width)
{
  return (day - span.begin) / (span.end - span.begin) * width;
}

static inline double
tally_time_span_day_for_x (TallyTimeSpan span,
                           double        x,
                           double        width)
{
  return span.begin + x / width * (span.end - span.begin);
}

/* Zooms by `factor` (> 1 zooms in) keeping `anchor_day` where it is on
 * screen: the point under the pointer stays under the pointer. */
TallyTimeSpan tally_time_span_zoom  (TallyTimeSpan span,
                                     double        factor,
                                     double        anchor_day);

/* Moves the view by `dx` pixels of a `width`-pixel view (positive: later). */
TallyTimeSpan tally_time_span_pan   (TallyTimeSpan span,
                                     double        dx,
                                     double        width);

/* Keeps the duration between `min_duration` and the duration of `limits`
 * and the span inside `limits`, sliding rather than shrinking it. */
TallyTimeSpan tally_time_span_clamp (TallyTimeSpan span,
                                     TallyTimeSpan limits,
                                     double        min_duration);

/* The span showing days first[i]..last[i] (inclusive) for all i, with
 * `margin` (a fraction of the whole, each side) around them, at least
 * `min_duration` days long. {0, 0} when n is 0. */
TallyTimeSpan tally_time_span_fit   (const guint32 *first,
                                     const guint32 *last,
                                     guint          n,
                                     double         margin,
                                     double         min_duration);

/* Moves the end of a fitted `span` later so that each label, `widths[i]`
 * pixels from day `starts[i]` in a `width`-pixel view, ends inside the view
 * (a label wider than `max_share` of the view counts as that wide: it will
 * be ellipsised anyway). The begin stays. */
TallyTimeSpan tally_time_span_fit_labels (TallyTimeSpan  span,
                                          const double  *starts,
                                          const double  *widths,
                                          guint          n,
                                          double         width,
                                          double         max_share);

typedef enum
{
  TALLY_TICK_DAY,
  TALLY_TICK_MONTH,
  TALLY_TICK_YEAR,
} TallyTickUnit;

typedef struct
{
  TallyTickUnit unit;
  guint count;         /* a tick every `count` units (days: of the month) */
} TallyTickStep;

typedef struct
{
  double day;          /* where the tick stands */
  double x;            /* its position in the view */
  char label[32];      /* "17 Jun", "Jun 2026", "2026"; empty when skipped */
  double label_width;
} TallyTimelineTick;

/* Measures a label in pixels (the widget uses Pango; tests a fixed width
 * per character). */
typedef double (*TallyLabelWidthFunc) (const char *label,
                                       gpointer    user_data);

/* The finest step whose ticks stand at least one label width plus `gap`
 * apart for this zoom: days (1, 2, 7, 14), months (1, 2, 3, 6), years (1, 2,
 * 5, 10, 20, 50, 100, …). */
TallyTickStep tally_timeline_tick_step (TallyTimeSpan       span,
                                        double              width,
                                        double              gap,
                                        TallyLabelWidthFunc measure,
                                        gpointer            user_data);

/* The ticks of `step` inside the span. A label stands right of its tick and
 * is left empty if it would come within `gap` of the one before, so no two
 * labels ever overlap, or run past `width` (except the first tick's).
 * Returns TallyTimelineTick in order. */
GArray       *tally_timeline_ticks     (TallyTimeSpan       span,
                                        double              width,
                                        double              gap,
                                        TallyLabelWidthFunc measure,
                                        gpointer            user_data);


/* One event to lay out: where its marker or bar starts and ends (pixels)
 * and how wide its label wants to be. */
typedef struct
{
  double x_start;
  double x_end;        /* == x_start for a point */
  double label_width;  /* natural width */
} TallyLaneInput;

typedef struct
{
  guint lane;
  double label_width;  /* what is left for the label: natural, cut short
                          (ellipsised), or 0 (hidden) */
  double next_start;   /* x_start of the next event in the lane, G_MAXDOUBLE
                          for the last: no label may run past it */
} TallyLaneOutput;

/* Puts each event on the first lane where it and its label fit after the
 * ones already there, `gap` pixels apart; with all `max_lanes` taken, on the
 * lane that frees first, and cuts the label before it short so that labels
 * never overlap (below `min_label` pixels a label is hidden). Inputs need not
 * be sorted. Returns the number of lanes used. */
guint         tally_timeline_assign_lanes (const TallyLaneInput *items,
                                           guint                 n,
                                           double                gap,
                                           guint                 max_lanes,
                                           double                min_label,
                                           TallyLaneOutput      *out);

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} TallyBox;

/* The box an event takes: marker (radius r) or bar, and its label, in
 * lane `lane` of height `lane_height` starting at `top`. */
TallyBox      tally_timeline_item_box  (const TallyLaneInput  *item,
                                        const TallyLaneOutput *placed,
                                        double                 top,
                                        double                 lane_height,
                                        double                 radius);

/* Flows `n` items of `widths[i]` pixels into rows of `available` pixels,
 * `gap` apart, in order (the legend). An item wider than a row gets a row of
 * its own. Writes each item's row and x; returns the number of rows (0 for
 * none). */
guint         tally_timeline_flow      (const double *widths,
                                        guint         n,
                                        double        available,
                                        double        gap,
                                        guint        *row,
                                        double       *x);

/* The index of the box under (x, y), the last one drawn winning; -1 for
 * none. */
int           tally_timeline_hit_test  (const TallyBox *boxes,
                                        guint           n,
                                        double          x,
                                        double          y);

G_END_DECLS
