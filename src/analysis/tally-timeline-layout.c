/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tally-timeline-layout.h"

TallyTimeSpan
tally_time_span_zoom (TallyTimeSpan span,
                      double        factor,
                      double        anchor_day)
{
  double duration = tally_time_span_duration (span);
  double ratio = (anchor_day - span.begin) / duration;
  double new_duration = duration / factor;
  double begin = anchor_day - ratio * new_duration;

  return (TallyTimeSpan) { begin, begin + new_duration };
}

TallyTimeSpan
tally_time_span_pan (TallyTimeSpan span,
                     double        dx,
                     double        width)
{
  double shift = dx / width * tally_time_span_duration (span);

  return (TallyTimeSpan) { span.begin + shift, span.end + shift };
}

TallyTimeSpan
tally_time_span_clamp (TallyTimeSpan span,
                       TallyTimeSpan limits,
                       double        min_duration)
{
  double duration = tally_time_span_duration (span);
  double max_duration = tally_time_span_duration (limits);
  double clamped = CLAMP (duration, MIN (min_duration, max_duration), max_duration);

  if (clamped != duration)
    {
      double center = span.begin + duration / 2;

      span.begin = center - clamped / 2;
      span.end = center + clamped / 2;
    }
  if (span.begin < limits.begin)
    span = (TallyTimeSpan) { limits.begin, limits.begin + clamped };
  else if (span.end > limits.end)
    span = (TallyTimeSpan) { limits.end - clamped, limits.end };
  return span;
}

TallyTimeSpan
tally_time_span_fit (const guint32 *first,
                     const guint32 *last,
                     guint          n,
                     double         margin,
                     double         min_duration)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  double duration, center, pad;

  if (n == 0)
    return (TallyTimeSpan) { 0, 0 };
  for (guint i = 0; i < n; i++)
    {
      lo = MIN (lo, (double) first[i]);
      hi = MAX (hi, (double) last[i] + 1);
    }
  duration = MAX (hi - lo, min_duration);
  center = (lo + hi) / 2;
  pad = duration * margin;
  return (TallyTimeSpan) { center - duration / 2 - pad, center + duration / 2 + pad };
}

TallyTimeSpan
tally_time_span_fit_labels (TallyTimeSpan  span,
                            const double  *starts,
                            const double  *widths,
                            guint          n,
                            double         width,
                            double         max_share)
{
  double end = span.end;

  for (guint i = 0; i < n; i++)
    {
      double w = MIN (widths[i], width * max_share);

      if (w <= 0 || width - w <= 0 || starts[i] < span.begin)
        continue;
      /* (start - begin) / (end - begin) · width + w ≤ width */
      end = MAX (end, span.begin + (starts[i] - span.begin) * width / (width - w));
    }
  return (TallyTimeSpan) { span.begin, end };
}

/* ---------------------------------------------------------------------- */
/* Ticks                                                                   */

static const TallyTickStep steps[] = {
  { TALLY_TICK_DAY, 1 }, { TALLY_TICK_DAY, 2 }, { TALLY_TICK_DAY, 7 }, { TALLY_TICK_DAY, 14 },
  { TALLY_TICK_MONTH, 1 }, { TALLY_TICK_MONTH, 2 }, { TALLY_TICK_MONTH, 3 }, { TALLY_TICK_MONTH, 6 },
  { TALLY_TICK_YEAR, 1 }, { TALLY_TICK_YEAR, 2 }, { TALLY_TICK_YEAR, 5 }, { TALLY_TICK_YEAR, 10 },
  { TALLY_TICK_YEAR, 20 }, { TALLY_TICK_YEAR, 50 }, { TALLY_TICK_YEAR, 100 }, { TALLY_TICK_YEAR, 200 },
  { TALLY_TICK_YEAR, 500 }, { TALLY_TICK_YEAR, 1000 },
};

/* The fewest days between two ticks of a step. */
static double
step_min_days (TallyTickStep step)
{
  switch (step.unit)
    {
    case TALLY_TICK_DAY:
      return step.count;
    case TALLY_TICK_MONTH:
      return 28.0 * step.count;
    case TALLY_TICK_YEAR:
    default:
      return 365.0 * step.count;
    }
}

#define MIN_JULIAN 1.0
#define MAX_JULIAN 3652059.0 /* 9999-12-31 */

static void
date_for_day (double day,
              GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32) CLAMP (floor (day), MIN_JULIAN, MAX_JULIAN));
}

static double
julian_of (int year,
           int month,
           int day)
{
  GDate date;

  if (year < 1)
    return MIN_JULIAN;
  if (year > 9999)
    return MAX_JULIAN + 1;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static const char *month_names[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static void
tally_timeline_tick_label (TallyTickUnit unit,
                           double        day,
                           char         *buf,
                           gsize         len)
{
  GDate date;

  /* English short month names, so that the unit tests and the widths the
   * tick step assumes hold in every locale. */
  date_for_day (day, &date);
  switch (unit)
    {
    case TALLY_TICK_DAY:
      g_snprintf (buf, len, "%d %s", g_date_get_day (&date), month_names[g_date_get_month (&date) - 1]);
      break;
    case TALLY_TICK_MONTH:
      g_snprintf (buf, len, "%s %d", month_names[g_date_get_month (&date) - 1], g_date_get_year (&date));
      break;
    case TALLY_TICK_YEAR:
    default:
      g_snprintf (buf, len, "%d", g_date_get_year (&date));
      break;
    }
}

TallyTickStep
tally_timeline_tick_step (TallyTimeSpan       span,
                          double              width,
                          double              gap,
                          TallyLabelWidthFunc measure,
                          gpointer            user_data)
{
  double px_per_day = width / tally_time_span_duration (span);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      char label[32];
      double label_width;

      /* The widest label of a unit: a two-digit day, a four-digit year. */
      switch (steps[i].unit)
        {
        case TALLY_TICK_DAY: g_strlcpy (label, "28 May", sizeof label); break;
        case TALLY_TICK_MONTH: g_strlcpy (label, "May 2026", sizeof label); break;
        case TALLY_TICK_YEAR: default: g_strlcpy (label, "2026", sizeof label); break;
        }
      label_width = measure (label, user_data);
      if (step_min_days (steps[i]) * px_per_day >= label_width + gap)
        return steps[i];
    }
  return steps[G_N_ELEMENTS (steps) - 1];
}

static void
add_tick (GArray        *ticks,
          TallyTimeSpan  span,
          double         width,
          TallyTickUnit  unit,
          double         day)
{
  TallyTimelineTick tick = { 0 };

  if (day < span.begin || day >= span.end)
    return;
  tick.day = day;
  tick.x = tally_time_span_x_for_day (span, day, width);
  tally_timeline_tick_label (unit, day, tick.label, sizeof tick.label);
  g_array_append_val (ticks, tick);
}

GArray *
tally_timeline_ticks (TallyTimeSpan       span,
                      double              width,
                      double              gap,
                      TallyLabelWidthFunc measure,
                      gpointer            user_data)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (TallyTimelineTick));
  TallyTickStep step;
  GDate date;
  double last_end = -G_MAXDOUBLE;

  if (width <= 0 || tally_time_span_duration (span) <= 0)
    return ticks;
  step = tally_timeline_tick_step (span, width, gap, measure, user_data);
  date_for_day (span.begin, &date);

  switch (step.unit)
    {
    case TALLY_TICK_DAY:
      for (double day = floor (span.begin); day < span.end; day++)
        {
          guint dom;

          date_for_day (day, &date);
          dom = g_date_get_day (&date);
          /* Days of the month, so ticks fall on the same dates every month. */
          if ((step.count == 1)
              || (step.count == 2 && dom % 2 == 1 && dom <= 29)
              || (step.count == 7 && (dom == 1 || dom == 8 || dom == 15 || dom == 22))
              || (step.count == 14 && (dom == 1 || dom == 15)))
            add_tick (ticks, span, width, TALLY_TICK_DAY, day);
        }
      break;

    case TALLY_TICK_MONTH:
      {
        int year = g_date_get_year (&date);
        int month = g_date_get_month (&date);

        for (double day = julian_of (year, month, 1); day < span.end;)
          {
            if ((month - 1) % step.count == 0)
              add_tick (ticks, span, width, TALLY_TICK_MONTH, day);
            if (++month > 12)
              {
                month = 1;
                year++;
              }
            day = julian_of (year, month, 1);
            if (year > 9999)
              break;
          }
      }
      break;

    case TALLY_TICK_YEAR:
    default:
      {
        int year = g_date_get_year (&date);

        year -= year % step.count;
        for (; year <= 9999; year += step.count)
          {
            double day = julian_of (MAX (year, 1), 1, 1);

            if (day >= span.end)
              break;
            if (year >= 1)
              add_tick (ticks, span, width, TALLY_TICK_YEAR, day);
          }
      }
      break;
    }

  /* Labels stand right of their tick; one that would crowd the one before
   * (months are not all as long) or run off the right edge is left out. The
   * first is always kept, so that some label says where the view is. */
  for (guint i = 0; i < ticks->len; i++)
    {
      TallyTimelineTick *tick = &g_array_index (ticks, TallyTimelineTick, i);

      tick->label_width = measure (tick->label, user_data);
      if (tick->x < last_end + gap || (i > 0 && tick->x + tick->label_width > width))
        {
          tick->label[0] = '\0';
          tick->label_width = 0;
          continue;
        }
      last_end = tick->x + tick->label_width;
    }
  return ticks;
}

/* ---------------------------------------------------------------------- */
/* Lanes and hit-testing                                                   */

static int
compare_start (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const TallyLaneInput *items = data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (items[ia].x_start != items[ib].x_start)
    return items[ia].x_start < items[ib].x_start ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

guint
tally_timeline_assign_lanes (const TallyLaneInput *items,
                             guint                 n,
                             double                gap,
                             guint                 max_lanes,
                             double                min_label,
                             TallyLaneOutput      *out)
{
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree double *lane_end = g_new (double, MAX (max_lanes, 1));
  g_autofree guint *lane_last = g_new (guint, MAX (max_lanes, 1));
  guint used = 0;

  g_return_val_if_fail (max_lanes > 0, 0);

  for (guint l = 0; l < max_lanes; l++)
    lane_end[l] = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_start, (gpointer) items);

  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];
      const TallyLaneInput *item = &items[i];
      double end = MAX (item->x_end, item->x_start + item->label_width);
      guint lane = G_MAXUINT;

      for (guint l = 0; l < used; l++)
        if (lane_end[l] + gap <= item->x_start)
          {
            lane = l;
            break;
          }
      if (lane == G_MAXUINT && used < max_lanes)
        lane = used++;
      if (lane == G_MAXUINT)
        {
          /* Every lane is busy here: take the one that frees first and cut
           * the label standing before this event there. */
          lane = 0;
          for (guint l = 1; l < used; l++)
            if (lane_end[l] < lane_end[lane])
              lane = l;
        }

      out[i].lane = lane;
      out[i].label_width = item->label_width;
      out[i].next_start = G_MAXDOUBLE;
      if (lane_end[lane] != -G_MAXDOUBLE)
        out[lane_last[lane]].next_start = item->x_start;
      if (lane_end[lane] + gap > item->x_start)
        {
          guint prev = lane_last[lane];
          double room = item->x_start - gap - items[prev].x_start;

          if (out[prev].label_width > room)
            out[prev].label_width = room >= min_label ? room : 0;
          end = MAX (end, items[prev].x_end);
        }
      lane_end[lane] = end;
      lane_last[lane] = i;
    }
  return used;
}

TallyBox
tally_timeline_item_box (const TallyLaneInput  *item,
                         const TallyLaneOutput *placed,
                         double                 top,
                         double                 lane_height,
                         double                 radius)
{
  double right = MAX (item->x_end, item->x_start + placed->label_width);

  return (TallyBox) {
    item->x_start - radius,
    top + placed->lane * lane_height,
    right - item->x_start + 2 * radius,
    lane_height,
  };
}

guint
tally_timeline_flow (const double *widths,
                     guint         n,
                     double        available,
                     double        gap,
                     guint        *row,
                     double       *x)
{
  guint rows = 0;
  double at = 0;

  for (guint i = 0; i < n; i++)
    {
      if (rows == 0 || (at > 0 && at + gap + widths[i] > available))
        {
          rows++;
          at = 0;
        }
      else if (at > 0)
        at += gap;
      row[i] = rows - 1;
      x[i] = at;
      at += widths[i];
    }
  return rows;
}

int
tally_timeline_hit_test (const TallyBox *boxes,
                         guint           n,
                         double          x,
                         double          y)
{
  for (guint i = n; i > 0; i--)
    {
      const TallyBox *b = &boxes[i - 1];

      if (x >= b->x && x < b->x + b->width && y >= b->y && y < b->y + b->height)
        return (int) i - 1;
    }
  return -1;
}
