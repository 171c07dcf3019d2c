/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-timeline-layout.h"

#define EPS 1e-9

/* 7 pixels per byte: exact numbers without a font. */
static double
fixed_width (const char *label,
             gpointer    user_data)
{
  return 7.0 * strlen (label);
}

static double
julian (int year,
        int month,
        int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}

static void
test_zoom_pan (void)
{
  TallyTimeSpan span = { 0, 100 };
  TallyTimeSpan zoomed = tally_time_span_zoom (span, 2, 25);
  TallyTimeSpan out = tally_time_span_zoom (zoomed, 0.5, 25);
  TallyTimeSpan panned = tally_time_span_pan (span, 100, 1000);

  g_assert_cmpfloat_with_epsilon (zoomed.begin, 12.5, EPS);
  g_assert_cmpfloat_with_epsilon (zoomed.end, 62.5, EPS);
  /* The anchor stays where it was on screen. */
  g_assert_cmpfloat_with_epsilon (tally_time_span_x_for_day (zoomed, 25, 1000), 250, EPS);
  g_assert_cmpfloat_with_epsilon (out.begin, 0, EPS);
  g_assert_cmpfloat_with_epsilon (out.end, 100, EPS);
  g_assert_cmpfloat_with_epsilon (panned.begin, 10, EPS);
  g_assert_cmpfloat_with_epsilon (panned.end, 110, EPS);
  g_assert_cmpfloat_with_epsilon (tally_time_span_day_for_x (span, 250, 1000), 25, EPS);
}

static void
test_clamp (void)
{
  TallyTimeSpan limits = { 0, 1000 };
  TallyTimeSpan a = tally_time_span_clamp ((TallyTimeSpan) { -50, 50 }, limits, 10);
  TallyTimeSpan b = tally_time_span_clamp ((TallyTimeSpan) { 10, 12 }, limits, 10);
  TallyTimeSpan c = tally_time_span_clamp ((TallyTimeSpan) { -1000, 3000 }, limits, 10);
  TallyTimeSpan d = tally_time_span_clamp ((TallyTimeSpan) { 990, 1010 }, limits, 10);

  g_assert_cmpfloat_with_epsilon (a.begin, 0, EPS);
  g_assert_cmpfloat_with_epsilon (a.end, 100, EPS);
  g_assert_cmpfloat_with_epsilon (b.begin, 6, EPS);
  g_assert_cmpfloat_with_epsilon (b.end, 16, EPS);
  g_assert_cmpfloat_with_epsilon (c.begin, 0, EPS);
  g_assert_cmpfloat_with_epsilon (c.end, 1000, EPS);
  g_assert_cmpfloat_with_epsilon (d.begin, 980, EPS);
  g_assert_cmpfloat_with_epsilon (d.end, 1000, EPS);
}

static void
test_fit (void)
{
  const guint32 first[] = { 100, 200 };
  const guint32 last[] = { 100, 209 };
  TallyTimeSpan span = tally_time_span_fit (first, last, 2, 0.05, 1);
  TallyTimeSpan one = tally_time_span_fit (first, last, 1, 0, 10);
  TallyTimeSpan none = tally_time_span_fit (first, last, 0, 0, 10);

  g_assert_cmpfloat_with_epsilon (span.begin, 94.5, EPS);
  g_assert_cmpfloat_with_epsilon (span.end, 215.5, EPS);
  g_assert_cmpfloat_with_epsilon (one.begin, 95.5, EPS);
  g_assert_cmpfloat_with_epsilon (one.end, 105.5, EPS);
  g_assert_cmpfloat_with_epsilon (tally_time_span_duration (none), 0, EPS);
}

/* A fitted 0–100 on 1000 px: a label of 200 px from day 90 would end at
 * 1100 px; the end moves to 112.5 (90/112.5 · 1000 + 200 = 1000). A label
 * of 800 px counts as 500 (half the view): from day 50, the end becomes 100,
 * no change. Labels before the begin do not count. */
static void
test_fit_labels (void)
{
  const double starts[] = { 90, 50, -10 };
  const double widths[] = { 200, 800, 900 };
  TallyTimeSpan span = tally_time_span_fit_labels ((TallyTimeSpan) { 0, 100 }, starts, widths, 3, 1000, 0.5);
  TallyTimeSpan short_labels = tally_time_span_fit_labels ((TallyTimeSpan) { 0, 100 }, starts + 1, widths + 1, 1,
                                                           1000, 0.5);

  g_assert_cmpfloat_with_epsilon (span.begin, 0, EPS);
  g_assert_cmpfloat_with_epsilon (span.end, 112.5, EPS);
  g_assert_cmpfloat_with_epsilon (tally_time_span_x_for_day (span, 90, 1000) + 200, 1000, 1e-6);
  g_assert_cmpfloat_with_epsilon (short_labels.end, 100, EPS);
}

static void
assert_step (double        days,
             TallyTickUnit unit,
             guint         count)
{
  TallyTimeSpan span = { 700000, 700000 + days };
  TallyTickStep step = tally_timeline_tick_step (span, 1000, 8, fixed_width, NULL);

  g_assert_cmpint (step.unit, ==, unit);
  g_assert_cmpuint (step.count, ==, count);
}

static void
test_tick_step (void)
{
  /* "28 May" is 42 px, "May 2026" 56, "2026" 28; gap 8; 1000 px wide. */
  assert_step (10, TALLY_TICK_DAY, 1);        /* 100 px a day */
  assert_step (30, TALLY_TICK_DAY, 2);        /* 33 px a day */
  assert_step (120, TALLY_TICK_DAY, 7);       /* 8.3 px a day: 58 a week */
  assert_step (150, TALLY_TICK_DAY, 14);      /* 6.7 px a day: 47 a week is too little */
  assert_step (365, TALLY_TICK_MONTH, 1);     /* 77 px a month */
  assert_step (3652.5, TALLY_TICK_YEAR, 1);   /* 100 px a year */
  assert_step (73050, TALLY_TICK_YEAR, 10);   /* decades */
  assert_step (3e6, TALLY_TICK_YEAR, 500);   /* 61 px per 500 years */
  assert_step (1e7, TALLY_TICK_YEAR, 1000);
}

static void
test_ticks_days (void)
{
  double begin = julian (2026, 6, 1);
  TallyTimeSpan span = { begin, begin + 10 };
  g_autoptr(GArray) ticks = tally_timeline_ticks (span, 1000, 8, fixed_width, NULL);

  g_assert_cmpuint (ticks->len, ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      TallyTimelineTick *tick = &g_array_index (ticks, TallyTimelineTick, i);
      g_autofree char *expected = g_strdup_printf ("%u Jun", i + 1);

      g_assert_cmpfloat_with_epsilon (tick->x, 100.0 * i, EPS);
      g_assert_cmpstr (tick->label, ==, expected);
    }
}

static void
test_ticks_months (void)
{
  TallyTimeSpan span = { julian (2026, 1, 1), julian (2027, 1, 1) };
  g_autoptr(GArray) ticks = tally_timeline_ticks (span, 1000, 8, fixed_width, NULL);
  TallyTimelineTick *feb = &g_array_index (ticks, TallyTimelineTick, 1);

  g_assert_cmpuint (ticks->len, ==, 12);
  g_assert_cmpstr (g_array_index (ticks, TallyTimelineTick, 0).label, ==, "Jan 2026");
  g_assert_cmpstr (feb->label, ==, "Feb 2026");
  g_assert_cmpfloat_with_epsilon (feb->x, 31.0 / 365.0 * 1000.0, 1e-6);
  g_assert_cmpstr (g_array_index (ticks, TallyTimelineTick, 11).label, ==, "Dec 2026");
}

/* 1 January 2021 to 1 March 2029 on 900 px (110 px a year): the 2029 tick
 * stands at 882 px, where "2029" (28 px) would run off the edge, so it
 * keeps its line but loses its label. */
static void
test_ticks_right_edge (void)
{
  TallyTimeSpan span = { julian (2021, 1, 1), julian (2029, 3, 1) };
  g_autoptr(GArray) ticks = tally_timeline_ticks (span, 900, 8, fixed_width, NULL);
  TallyTimelineTick *last;

  g_assert_cmpuint (ticks->len, ==, 9);
  last = &g_array_index (ticks, TallyTimelineTick, 8);
  g_assert_cmpfloat_with_epsilon (last->x, 2922.0 / 2981.0 * 900, 1e-6);
  g_assert_cmpstr (last->label, ==, "");
  g_assert_cmpstr (g_array_index (ticks, TallyTimelineTick, 7).label, ==, "2028");
}

static void
test_ticks_decades (void)
{
  TallyTimeSpan span = { julian (1901, 1, 1), julian (2101, 1, 1) };
  g_autoptr(GArray) ticks = tally_timeline_ticks (span, 1000, 8, fixed_width, NULL);

  /* 1910 … 2100; 2100 stands at 995 px, too near the edge for its label. */
  g_assert_cmpuint (ticks->len, ==, 20);
  g_assert_cmpstr (g_array_index (ticks, TallyTimelineTick, 0).label, ==, "1910");
  g_assert_cmpstr (g_array_index (ticks, TallyTimelineTick, 18).label, ==, "2090");
  g_assert_cmpstr (g_array_index (ticks, TallyTimelineTick, 19).label, ==, "");
}

/* Whatever the zoom, no two labels overlap, none but the first runs off
 * the right edge, and some label is shown. */
static void
test_ticks_never_overlap (void)
{
  double begin = julian (2020, 3, 7) + 0.3;

  for (double days = 1.5; days < 2e5; days *= 1.37)
    for (double width = 120; width <= 2000; width *= 2.1)
      {
        TallyTimeSpan span = { begin, begin + days };
        g_autoptr(GArray) ticks = tally_timeline_ticks (span, width, 8, fixed_width, NULL);
        double last_end = -1e9;
        guint labels = 0;

        for (guint i = 0; i < ticks->len; i++)
          {
            TallyTimelineTick *tick = &g_array_index (ticks, TallyTimelineTick, i);

            g_assert_cmpfloat (tick->x, >=, 0);
            g_assert_cmpfloat (tick->x, <, width);
            if (tick->label[0] == '\0')
              continue;
            g_assert_cmpfloat (tick->x, >=, last_end + 8);
            last_end = tick->x + tick->label_width;
            /* Inside the view, but for the first label. */
            if (i > 0)
              g_assert_cmpfloat (last_end, <=, width);
            labels++;
          }
        /* The first tick always keeps its label. */
        g_assert_cmpuint (labels, ==, ticks->len > 0 ? MAX (labels, 1) : 0);
        if (ticks->len > 0)
          g_assert_cmpstr (g_array_index (ticks, TallyTimelineTick, 0).label, !=, "");
      }
}

static void
test_lanes (void)
{
  const TallyLaneInput items[] = {
    { 60, 60, 20 },   /* given out of order on purpose */
    { 0, 0, 50 },
    { 100, 140, 10 },
    { 30, 30, 50 },
  };
  TallyLaneOutput out[4];
  guint lanes = tally_timeline_assign_lanes (items, 4, 5, 2, 20, out);

  g_assert_cmpuint (lanes, ==, 2);
  g_assert_cmpuint (out[1].lane, ==, 0);  /* 0–50 */
  g_assert_cmpuint (out[3].lane, ==, 1);  /* 30–80 collides with it */
  g_assert_cmpuint (out[0].lane, ==, 0);  /* 60 ≥ 50 + 5 */
  g_assert_cmpuint (out[2].lane, ==, 0);  /* 100 ≥ 80 + 5 */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (out[i].label_width, ==, items[i].label_width);
  /* Each knows where the next one in its lane begins. */
  g_assert_cmpfloat (out[1].next_start, ==, 60);
  g_assert_cmpfloat (out[0].next_start, ==, 100);
  g_assert_cmpfloat (out[2].next_start, ==, G_MAXDOUBLE);
  g_assert_cmpfloat (out[3].next_start, ==, G_MAXDOUBLE);
}

static void
test_lanes_full (void)
{
  const TallyLaneInput items[] = {
    { 0, 0, 50 },
    { 30, 30, 50 },
    { 60, 60, 20 },
    { 100, 140, 10 },
  };
  TallyLaneOutput out[4];
  guint lanes = tally_timeline_assign_lanes (items, 4, 5, 1, 20, out);

  /* One lane: each label is cut where the next event begins. */
  g_assert_cmpuint (lanes, ==, 1);
  g_assert_cmpfloat (out[0].label_width, ==, 25);
  g_assert_cmpfloat (out[1].label_width, ==, 25);
  g_assert_cmpfloat (out[2].label_width, ==, 20);
  g_assert_cmpfloat (out[3].label_width, ==, 10);

  /* Less room than 30 px: hidden. */
  tally_timeline_assign_lanes (items, 4, 5, 1, 30, out);
  g_assert_cmpfloat (out[0].label_width, ==, 0);
  g_assert_cmpfloat (out[1].label_width, ==, 0);
  g_assert_cmpfloat (out[2].label_width, ==, 20);
}

/* Many random events, few lanes: no two labels in a lane overlap. */
static void
test_lanes_never_overlap (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  TallyLaneInput items[500];
  TallyLaneOutput out[500];

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      items[i].x_start = g_rand_double_range (rand, 0, 2000);
      items[i].x_end = items[i].x_start + (g_rand_boolean (rand) ? 0 : g_rand_double_range (rand, 0, 100));
      items[i].label_width = g_rand_double_range (rand, 30, 200);
    }
  tally_timeline_assign_lanes (items, G_N_ELEMENTS (items), 4, 6, 16, out);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    for (guint j = 0; j < G_N_ELEMENTS (items); j++)
      {
        if (i == j || out[i].lane != out[j].lane || items[i].x_start > items[j].x_start
            || (items[i].x_start == items[j].x_start && i > j))
          continue;
        /* j starts after i: i's label ends before j's marker, and i knows
         * where the first such j begins. */
        if (out[i].label_width > 0)
          g_assert_cmpfloat (items[i].x_start + out[i].label_width, <=, items[j].x_start - 4 + 1e-9);
        g_assert_cmpfloat (out[i].next_start, <=, items[j].x_start);
        g_assert_cmpfloat (out[i].next_start, >=, items[i].x_start);
      }
}

static void
test_boxes_and_hits (void)
{
  const TallyLaneInput bar = { 100, 140, 10 };
  const TallyLaneOutput bar_lane = { 1, 10 };
  const TallyLaneInput point = { 0, 0, 50 };
  const TallyLaneOutput point_lane = { 0, 50 };
  TallyBox a = tally_timeline_item_box (&bar, &bar_lane, 20, 24, 6);
  TallyBox b = tally_timeline_item_box (&point, &point_lane, 20, 24, 6);
  const TallyBox boxes[] = { { 0, 0, 10, 10 }, { 5, 5, 10, 10 } };

  g_assert_cmpfloat (a.x, ==, 94);
  g_assert_cmpfloat (a.y, ==, 44);
  g_assert_cmpfloat (a.width, ==, 52);
  g_assert_cmpfloat (a.height, ==, 24);
  g_assert_cmpfloat (b.x, ==, -6);
  g_assert_cmpfloat (b.y, ==, 20);
  g_assert_cmpfloat (b.width, ==, 62);

  g_assert_cmpint (tally_timeline_hit_test (boxes, 2, 7, 7), ==, 1);
  g_assert_cmpint (tally_timeline_hit_test (boxes, 2, 2, 2), ==, 0);
  g_assert_cmpint (tally_timeline_hit_test (boxes, 2, 10, 10), ==, 1);
  g_assert_cmpint (tally_timeline_hit_test (boxes, 2, 15, 5), ==, -1);
  g_assert_cmpint (tally_timeline_hit_test (boxes, 2, 20, 20), ==, -1);
  g_assert_cmpint (tally_timeline_hit_test (boxes, 0, 2, 2), ==, -1);
}

/* The legend: entries in order, wrapped into rows that fit. */
static void
test_flow (void)
{
  const double widths[] = { 100, 150, 60, 280, 500 };
  guint row[5];
  double x[5];

  /* One wide row: everything side by side, 20 px apart. */
  g_assert_cmpuint (tally_timeline_flow (widths, 5, 2000, 20, row, x), ==, 1);
  g_assert_cmpfloat (x[0], ==, 0);
  g_assert_cmpfloat (x[1], ==, 120);
  g_assert_cmpfloat (x[2], ==, 290);
  g_assert_cmpfloat (x[3], ==, 370);
  g_assert_cmpfloat (x[4], ==, 670);

  /* 380 px: 100+150+60 fit (350), 280 starts a row, 500 is wider than any
   * row and has one of its own. */
  g_assert_cmpuint (tally_timeline_flow (widths, 5, 380, 20, row, x), ==, 3);
  g_assert_cmpuint (row[0], ==, 0);
  g_assert_cmpuint (row[2], ==, 0);
  g_assert_cmpfloat (x[2], ==, 290);
  g_assert_cmpuint (row[3], ==, 1);
  g_assert_cmpfloat (x[3], ==, 0);
  g_assert_cmpuint (row[4], ==, 2);
  g_assert_cmpfloat (x[4], ==, 0);

  g_assert_cmpuint (tally_timeline_flow (widths, 0, 380, 20, row, x), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis/timeline-layout/zoom-pan", test_zoom_pan);
  g_test_add_func ("/analysis/timeline-layout/clamp", test_clamp);
  g_test_add_func ("/analysis/timeline-layout/fit", test_fit);
  g_test_add_func ("/analysis/timeline-layout/fit-labels", test_fit_labels);
  g_test_add_func ("/analysis/timeline-layout/tick-step", test_tick_step);
  g_test_add_func ("/analysis/timeline-layout/ticks-days", test_ticks_days);
  g_test_add_func ("/analysis/timeline-layout/ticks-months", test_ticks_months);
  g_test_add_func ("/analysis/timeline-layout/ticks-decades", test_ticks_decades);
  g_test_add_func ("/analysis/timeline-layout/ticks-right-edge", test_ticks_right_edge);
  g_test_add_func ("/analysis/timeline-layout/ticks-never-overlap", test_ticks_never_overlap);
  g_test_add_func ("/analysis/timeline-layout/lanes", test_lanes);
  g_test_add_func ("/analysis/timeline-layout/lanes-full", test_lanes_full);
  g_test_add_func ("/analysis/timeline-layout/lanes-never-overlap", test_lanes_never_overlap);
  g_test_add_func ("/analysis/timeline-layout/boxes-and-hits", test_boxes_and_hits);
  g_test_add_func ("/analysis/timeline-layout/flow", test_flow);

  return g_test_run ();
}
