/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "tally-event.h"
#include "tally-event-popover.h"
#include "tally-timeline-private.h"
#include "tally-timeline-item-accessible.h"
#include "tally-timeline-layout.h"
#include "tally-style.h"

/* Geometry, in pixels. A lane holds a marker row and a label under it. */
#define AXIS_HEIGHT   28.0
#define TOP           (AXIS_HEIGHT + 10.0)
#define LANE_HEIGHT   38.0
#define MARKER_Y      9.0       /* marker centre below the lane top */
#define LABEL_Y       18.0
#define RADIUS        6.0
#define LEGEND_ROW    22.0      /* a row of the legend … */
#define LEGEND_PAD    8.0       /* … and the room above and below its rows */
#define LEGEND_MARGIN 12.0
#define LEGEND_ENTRY_GAP 20.0
#define SWATCH_GAP    6.0
#define LANE_GAP      10.0
#define TICK_GAP      14.0
#define TICK_PAD      5.0
#define MIN_LABEL     28.0
#define MIN_DAYS      3.0

typedef struct
{
  TallyEvent  *event;
  PangoLayout *layout;       /* the label, ellipsised to what its lane leaves */
  double       label_width;  /* natural */
  guint        n_alts;
  double      *alt_first;    /* days: where each date (alternative) starts … */
  double      *alt_last;     /* … and ends (exclusive); equal for a day */
  gboolean     point;        /* day precision: a marker, not a bar */
  TallyTimelineItemAccessible *accessible;  /* the event for screen readers */
} Item;

struct _TallyTimeline
{
  GtkWidget        parent_instance;

  GListModel      *model;
  GSignalGroup    *model_signals;   /* follows `model` */
  GPtrArray       *items;    /* Item* */
  TallyTimeSpan    visible;
  TallyTimeSpan    limits;
  TallyTimeSpan    fit;      /* every event in view … */
  int              fit_width; /* … at this width */

  /* Lanes depend on the zoom only: positions are kept relative to
   * `limits.begin`, so panning never re-lays out. */
  double           layout_scale;
  guint            layout_max_lanes;
  TallyLaneInput  *lane_in;
  TallyLaneOutput *lane_out;
  guint            n_lanes;

  int              focus;
  TallyEventPopover *popover;
  PangoLayout     *measure_layout;
  PangoLayout     *legend_layout;   /* ellipsised to what a row leaves */
  GHashTable      *names;    /* document id → outlet or title */

  AdwAnimation    *animation;
  TallyTimeSpan    animation_from;
  TallyTimeSpan    animation_to;

  TallyTimeSpan    gesture_span;
  double           gesture_anchor;
  double           pointer_x;
};

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

enum {
  MENTION_ACTIVATED,
  RENAME_EVENT,
  LEAVE_OUT_MENTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void tally_timeline_accessible_init (GtkAccessibleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TallyTimeline, tally_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_ACCESSIBLE, tally_timeline_accessible_init))

static void
item_free (Item *item)
{
  /* An assistive technology may still hold the accessible. */
  tally_timeline_item_accessible_detach (item->accessible);
  g_clear_object (&item->accessible);
  g_clear_object (&item->event);
  g_clear_object (&item->layout);
  g_free (item->alt_first);
  g_free (item->alt_last);
  g_free (item);
}

static void
invalidate_layout (TallyTimeline *self)
{
  self->layout_scale = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---------------------------------------------------------------------- */
/* Colours: the widget's foreground and Adwaita's palette                  */

typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA grid;
  GdkRGBA accent;
  GdkRGBA disputed;
  GdkRGBA background;
} Palette;

static void
get_palette (TallyTimeline *self,
             Palette       *p)
{
  gtk_widget_get_color (GTK_WIDGET (self), &p->fg);
  p->dim = p->fg;
  p->dim.alpha *= 0.6;
  p->grid = p->fg;
  p->grid.alpha *= 0.12;
  /* The stylesheet's (style.css, style-dark.css). */
  tally_style_class_color ("timeline-accent", &p->accent);
  tally_style_class_color ("timeline-disputed", &p->disputed);
  tally_style_class_color ("timeline-background", &p->background);
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* ---------------------------------------------------------------------- */
/* Items and layout                                                        */

static double
measure_label (const char *label,
               gpointer    user_data)
{
  TallyTimeline *self = user_data;
  int width;

  pango_layout_set_text (self->measure_layout, label, -1);
  pango_layout_get_pixel_size (self->measure_layout, &width, NULL);
  return width;
}

/* A tick's label stands TICK_PAD right of its line: the room it takes. */
static double
measure_tick_label (const char *label,
                    gpointer    user_data)
{
  return TICK_PAD + measure_label (label, user_data);
}

/* Every event in view, with room after the last ones for their labels
 * (at the current width); a year around today when there are none. */
static TallyTimeSpan
fit_span (TallyTimeline *self)
{
  guint n = self->items->len;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  g_autofree guint32 *first = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *last = g_new (guint32, MAX (n, 1));
  g_autofree double *starts = g_new (double, MAX (n, 1));
  g_autofree double *widths = g_new (double, MAX (n, 1));
  TallyTimeSpan fit;

  if (n == 0)
    {
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      return (TallyTimeSpan) { g_date_get_julian (&today) - 180.0, g_date_get_julian (&today) + 185.0 };
    }
  for (guint i = 0; i < n; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      first[i] = (guint32) floor (item->alt_first[0]);
      last[i] = (guint32) ceil (item->alt_last[0]) - 1;
      starts[i] = item->alt_first[0];
      for (guint a = 1; a < item->n_alts; a++)
        {
          first[i] = MIN (first[i], (guint32) floor (item->alt_first[a]));
          last[i] = MAX (last[i], (guint32) ceil (item->alt_last[a]) - 1);
          starts[i] = MIN (starts[i], item->alt_first[a]);
        }
      /* A label starts RADIUS left of its event and keeps 4 px from the
       * right edge. */
      widths[i] = item->label_width - RADIUS + 4;
    }
  fit = tally_time_span_fit (first, last, n, 0.05, 30);
  /* A wide view makes room for labels of up to half its width; a narrow
   * one would squeeze its events into a corner for them, and ellipsises
   * instead (none at 300 px, a fifth of 500 px). */
  if (width > 0)
    fit = tally_time_span_fit_labels (fit, starts, widths, n, width, CLAMP ((width - 300) / 1000.0, 0, 0.5));
  return fit;
}

static gboolean
showing_fit (TallyTimeline *self)
{
  return fabs (self->visible.begin - self->fit.begin) < 1e-6 && fabs (self->visible.end - self->fit.end) < 1e-6;
}

/* The width or the labels changed: what "every event" takes changes too,
 * and a view that showed every event goes on showing them. */
static void
update_fit (TallyTimeline *self)
{
  gboolean was_fit = showing_fit (self);

  self->fit = fit_span (self);
  if (was_fit)
    {
      self->visible = tally_time_span_clamp (self->fit, self->limits, MIN_DAYS);
      self->fit = self->visible;
      invalidate_layout (self);
    }
}

static void
rebuild_items (TallyTimeline *self)
{
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  TallyTimeSpan fit;
  gboolean had_items = self->items->len > 0;
  gboolean at_fit = showing_fit (self);

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TallyEvent) event = g_list_model_get_item (self->model, i);
      const TallyEventRecord *r = tally_event_get_record (event);
      Item *item = g_new0 (Item, 1);
      int width;

      item->event = g_object_ref (event);
      item->accessible = tally_timeline_item_accessible_new (self, i, event);
      item->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), r->label);
      pango_layout_set_ellipsize (item->layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (item->layout, &width, NULL);
      item->label_width = width;
      item->point = r->precision == TALLY_EVENT_PRECISION_DAY;
      item->n_alts = r->disputed ? r->alternatives->len : 1;
      item->alt_first = g_new (double, item->n_alts);
      item->alt_last = g_new (double, item->n_alts);
      for (guint a = 0; a < item->n_alts; a++)
        {
          guint32 f = r->first_day, l = r->last_day;

          if (r->disputed)
            {
              const TallyEventAlternative *alt = g_ptr_array_index (r->alternatives, a);
              f = alt->first_day;
              l = alt->last_day;
            }
          /* A day is a marker at its middle; anything longer is a bar over
           * every day it covers (a year-precision event spans its year). */
          if (f == l)
            item->alt_first[a] = item->alt_last[a] = f + 0.5;
          else
            {
              item->alt_first[a] = f;
              item->alt_last[a] = l + 1.0;
            }
        }
      g_ptr_array_add (self->items, item);
    }

  g_clear_pointer (&self->lane_in, g_free);
  g_clear_pointer (&self->lane_out, g_free);
  self->lane_in = g_new0 (TallyLaneInput, MAX (n, 1));
  self->lane_out = g_new0 (TallyLaneOutput, MAX (n, 1));
  self->focus = n > 0 ? CLAMP (self->focus, -1, (int) n - 1) : -1;

  fit = fit_span (self);
  /* Room to pan and zoom out around the events, a century either side. */
  {
    double pad = MAX (tally_time_span_duration (fit) * 4, 36525);

    self->limits = (TallyTimeSpan) { MAX (fit.begin - pad, 1), fit.end + pad };
  }
  /* Events found again (an import, a corrected date) keep the analyst's
   * zoom; a view that showed every event goes on showing every event. */
  if (had_items && n > 0 && !at_fit)
    self->visible = tally_time_span_clamp (self->visible, self->limits, MIN_DAYS);
  else
    self->visible = fit;
  self->fit = fit;
  self->fit_width = gtk_widget_get_width (GTK_WIDGET (self));
  invalidate_layout (self);
}

static double legend_height (TallyTimeline *self,
                             double         width);

static guint
max_lanes_for (TallyTimeline *self,
               double         width,
               double         height)
{
  return MAX (1, (guint) ((height - TOP - legend_height (self, width)) / LANE_HEIGHT));
}

static double
scale_of (TallyTimeline *self,
          double         width)
{
  return width / tally_time_span_duration (self->visible);
}

static void
ensure_layout (TallyTimeline *self,
               double         width,
               double         height)
{
  double scale = scale_of (self, width);
  guint max_lanes = max_lanes_for (self, width, height);

  if (self->layout_scale == scale && self->layout_max_lanes == max_lanes)
    return;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

      for (guint a = 0; a < item->n_alts; a++)
        {
          lo = MIN (lo, item->alt_first[a]);
          hi = MAX (hi, item->alt_last[a]);
        }
      self->lane_in[i].x_start = (lo - self->limits.begin) * scale - RADIUS;
      self->lane_in[i].x_end = (hi - self->limits.begin) * scale + RADIUS;
      self->lane_in[i].label_width = item->label_width;
    }
  self->n_lanes = tally_timeline_assign_lanes (self->lane_in, self->items->len, LANE_GAP,
                                               max_lanes, MIN_LABEL, self->lane_out);
  self->layout_scale = scale;
  self->layout_max_lanes = max_lanes;
}

/* From lane coordinates (relative to limits.begin) to the view. */
static double
view_offset (TallyTimeline *self)
{
  return (self->visible.begin - self->limits.begin) * self->layout_scale;
}

static double
x_for_day (TallyTimeline *self,
           double         day,
           double         width)
{
  return tally_time_span_x_for_day (self->visible, day, width);
}

static TallyBox
item_box (TallyTimeline *self,
          guint          i)
{
  TallyLaneInput in = self->lane_in[i];
  double offset = view_offset (self);

  in.x_start -= offset;
  in.x_end -= offset;
  return tally_timeline_item_box (&in, &self->lane_out[i], TOP, LANE_HEIGHT, 0);
}

static int
hit_test (TallyTimeline *self,
          double         x,
          double         y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autofree TallyBox *boxes = NULL;

  if (width <= 0 || self->items->len == 0)
    return -1;
  ensure_layout (self, width, height);
  boxes = g_new (TallyBox, self->items->len);
  for (guint i = 0; i < self->items->len; i++)
    boxes[i] = item_box (self, i);
  return tally_timeline_hit_test (boxes, self->items->len, x, y);
}

/* ---------------------------------------------------------------------- */
/* Drawing                                                                 */

static void
draw_diamond (cairo_t *cr,
              double   x,
              double   y,
              double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

static void
draw_bar (cairo_t *cr,
          double   x0,
          double   x1,
          double   y)
{
  double h = 2 * RADIUS - 2;
  double r = h / 2;

  if (x1 - x0 < h)
    {
      double c = (x0 + x1) / 2;
      x0 = c - r;
      x1 = c + r;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x0 + r, y, r, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, x1 - r, y, r, -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
}

/* Shapes as GSK nodes (colour under a rounded clip, borders): the
 * renderers draw these far faster than a cairo node holding thousands of
 * paths. */
static void
append_round (GtkSnapshot   *snapshot,
              double         x0,
              double         x1,
              double         cy,
              double         r,
              const GdkRGBA *fill,
              const GdkRGBA *border)
{
  GskRoundedRect rect;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x0 - r, cy - r, x1 - x0 + 2 * r, 2 * r);

  gsk_rounded_rect_init_from_rect (&rect, &bounds, r);
  if (fill != NULL)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, fill, &bounds);
      gtk_snapshot_pop (snapshot);
    }
  if (border != NULL)
    {
      float widths[4] = { 1.5, 1.5, 1.5, 1.5 };
      GdkRGBA colors[4] = { *border, *border, *border, *border };

      gtk_snapshot_append_border (snapshot, &rect, widths, colors);
    }
}

static void
append_diamond (GtkSnapshot   *snapshot,
                double         x,
                double         y,
                double         r,
                const GdkRGBA *fill)
{
  double side = r * G_SQRT2;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_rotate (snapshot, 45);
  gtk_snapshot_append_color (snapshot, fill, &GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side));
  gtk_snapshot_restore (snapshot);
}

static void
append_dashes (GtkSnapshot   *snapshot,
               double         a,
               double         b,
               double         y,
               double         width,
               const GdkRGBA *color)
{
  a = MAX (a, -8);
  b = MIN (b, width + 8);
  for (double x = a; x < b; x += 7)
    gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y - 0.75, MIN (4, b - x), 1.5));
}

/* Returns the right end of what it drew, so that shapes hidden under the
 * previous one in the lane can be skipped. */
static double
draw_item_shapes (TallyTimeline *self,
                  GtkSnapshot   *snapshot,
                  guint          i,
                  double         width,
                  double         covered,
                  const Palette *p)
{
  Item *item = g_ptr_array_index (self->items, i);
  const TallyEventRecord *r = tally_event_get_record (item->event);
  TallyBox box = item_box (self, i);
  double cy = box.y + MARKER_Y;
  const GdkRGBA *color = r->disputed ? &p->disputed : &p->accent;
  GdkRGBA light = *color;
  double right = -G_MAXDOUBLE;

  light.alpha *= 0.55;

  for (guint k = 0; k < item->n_alts; k++)
    {
      double x0 = x_for_day (self, item->alt_first[k], width);
      double x1 = x_for_day (self, item->alt_last[k], width);
      gboolean point = item->alt_first[k] == item->alt_last[k];
      double bar_r = RADIUS - 1;

      if (point)
        x1 = x0;
      else if (x1 - x0 < 2 * bar_r)
        x0 = x1 = (x0 + x1) / 2;
      else
        {
          x0 += bar_r;
          x1 -= bar_r;
        }
      /* Hidden under the shape before it in this lane: at a wide zoom,
       * hundreds of events share a few pixels. */
      if (x1 + RADIUS <= covered && item->n_alts == 1)
        return covered;
      right = MAX (right, x1 + RADIUS);

      if (point && r->disputed)
        continue;   /* a diamond, below */
      else if (r->planned)
        /* Planned: hollow. */
        append_round (snapshot, x0, x1, cy, point ? RADIUS : bar_r, NULL, color);
      else if (point)
        append_round (snapshot, x0, x1, cy, RADIUS, color, NULL);
      else
        append_round (snapshot, x0, x1, cy, bar_r, &light, color);
    }

  if (item->n_alts < 2)
    return right;

  /* Disputed: a diamond at the middle of each date, linked by a dashed line
   * drawn over the bars, so that dates next to each other (2021 and 2022)
   * still read as two markers and one link. */
  {
    double a = G_MAXDOUBLE, b = -G_MAXDOUBLE;

    for (guint k = 0; k < item->n_alts; k++)
      {
        double c = x_for_day (self, (item->alt_first[k] + item->alt_last[k]) / 2, width);

        a = MIN (a, c);
        b = MAX (b, c);
      }
    append_dashes (snapshot, a, b, cy, width, color);
  }
  for (guint k = 0; k < item->n_alts; k++)
    {
      double c = x_for_day (self, (item->alt_first[k] + item->alt_last[k]) / 2, width);

      append_diamond (snapshot, c, cy, RADIUS + 3, &p->background);
      append_diamond (snapshot, c, cy, RADIUS + 1, color);
    }
  return right;
}

/* The legend under the lanes: a swatch and a line of text per entry,
 * wrapped into as many rows as the width asks for (a phone-sized window
 * takes three). */
enum { SWATCH_DAY, SWATCH_BAR, SWATCH_PLANNED, SWATCH_DISPUTED, N_SWATCHES };

static const char *legend_texts[N_SWATCHES] = {
  N_("Event on a day"),
  N_("Month, year or period"),
  N_("Planned"),
  N_("Disputed date: each source’s date, linked"),
};

static double
swatch_width (guint shape)
{
  return (shape == SWATCH_DAY || shape == SWATCH_PLANNED) ? 2 * RADIUS : 22;
}

typedef struct
{
  guint  rows;
  guint  row[N_SWATCHES];
  double x[N_SWATCHES];
  double text_width[N_SWATCHES];
} Legend;

static void
compute_legend (TallyTimeline *self,
                double         width,
                Legend        *legend)
{
  double entry_width[N_SWATCHES];
  double available = MAX (width - 2 * LEGEND_MARGIN, 1);

  for (guint i = 0; i < N_SWATCHES; i++)
    {
      double room = available - swatch_width (i) - SWATCH_GAP;

      /* A text longer than a whole row is ellipsised to it. */
      legend->text_width[i] = MAX (MIN (measure_label (_(legend_texts[i]), self), room), 0);
      entry_width[i] = swatch_width (i) + SWATCH_GAP + legend->text_width[i];
    }
  legend->rows = tally_timeline_flow (entry_width, N_SWATCHES, available, LEGEND_ENTRY_GAP, legend->row, legend->x);
}

static double
legend_height (TallyTimeline *self,
               double         width)
{
  Legend legend;

  compute_legend (self, width, &legend);
  return legend.rows * LEGEND_ROW + LEGEND_PAD;
}

static void
draw_swatch (cairo_t       *cr,
             guint          shape,
             double         x,
             double         y,
             const Palette *p)
{
  switch (shape)
    {
    case SWATCH_DAY:
      cairo_arc (cr, x + RADIUS, y, RADIUS, 0, 2 * G_PI);
      set_source (cr, &p->accent, 1);
      cairo_fill (cr);
      break;
    case SWATCH_BAR:
      draw_bar (cr, x, x + 22, y);
      set_source (cr, &p->accent, 0.55);
      cairo_fill_preserve (cr);
      set_source (cr, &p->accent, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    case SWATCH_PLANNED:
      cairo_arc (cr, x + RADIUS, y, RADIUS - 0.75, 0, 2 * G_PI);
      set_source (cr, &p->accent, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    default:
      set_source (cr, &p->disputed, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_move_to (cr, x + RADIUS, y);
      cairo_line_to (cr, x + 22 - RADIUS, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      draw_diamond (cr, x + RADIUS, y, RADIUS);
      draw_diamond (cr, x + 22 - RADIUS, y, RADIUS);
      cairo_fill (cr);
      break;
    }
}

static void
draw_legend (TallyTimeline *self,
             GtkSnapshot   *snapshot,
             double         width,
             double         height,
             const Palette *p)
{
  Legend legend;
  double top;
  cairo_t *cr;

  compute_legend (self, width, &legend);
  top = height - (legend.rows * LEGEND_ROW + LEGEND_PAD);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, top, width, height - top));
  for (guint i = 0; i < N_SWATCHES; i++)
    {
      double x = LEGEND_MARGIN + legend.x[i];
      double y = top + LEGEND_PAD / 2 + (legend.row[i] + 0.5) * LEGEND_ROW;
      int text_height;

      draw_swatch (cr, i, x, y, p);
      x += swatch_width (i) + SWATCH_GAP;
      pango_layout_set_text (self->legend_layout, _(legend_texts[i]), -1);
      pango_layout_set_width (self->legend_layout, (int) ceil (legend.text_width[i] * PANGO_SCALE));
      pango_layout_get_pixel_size (self->legend_layout, NULL, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y - text_height / 2.0));
      gtk_snapshot_append_layout (snapshot, self->legend_layout, &p->dim);
      gtk_snapshot_restore (snapshot);
    }
  cairo_destroy (cr);
}

static void
draw_timeline (TallyTimeline *self,
               GtkSnapshot   *snapshot,
               double         width,
               double         height,
               gboolean       background)
{
  Palette p;
  g_autoptr(GArray) ticks = NULL;
  double offset;
  double lanes_bottom;

  if (width <= 0 || height <= 0)
    return;
  lanes_bottom = height - legend_height (self, width);
  get_palette (self, &p);
  ensure_layout (self, width, height);
  offset = view_offset (self);

  if (background)
    gtk_snapshot_append_color (snapshot, &p.background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The axis: grid lines and labels from the layout helper. */
  ticks = tally_timeline_ticks (self->visible, width, TICK_GAP, measure_tick_label, self);
  for (guint i = 0; i < ticks->len; i++)
    {
      TallyTimelineTick *tick = &g_array_index (ticks, TallyTimelineTick, i);
      /* A labelled tick's line reaches up beside its label. */
      double top = tick->label[0] ? 4 : AXIS_HEIGHT - 6;
      int text_height;

      gtk_snapshot_append_color (snapshot, &p.grid, &GRAPHENE_RECT_INIT (floor (tick->x), top, 1, lanes_bottom - top));
      if (tick->label[0] == '\0')
        continue;
      pango_layout_set_text (self->measure_layout, tick->label, -1);
      pango_layout_get_pixel_size (self->measure_layout, NULL, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (floor (tick->x) + TICK_PAD, (AXIS_HEIGHT - text_height) / 2));
      gtk_snapshot_append_layout (snapshot, self->measure_layout, &p.dim);
      gtk_snapshot_restore (snapshot);
    }
  gtk_snapshot_append_color (snapshot, &p.dim, &GRAPHENE_RECT_INIT (0, AXIS_HEIGHT, width, 1));

  /* Markers and bars, then the labels as text nodes. */
  {
    g_autofree double *covered = g_new (double, MAX (self->n_lanes, 1));

    for (guint l = 0; l < self->n_lanes; l++)
      covered[l] = -G_MAXDOUBLE;
    gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, TOP - 2, width, MAX (lanes_bottom - TOP, 1)));
    for (guint i = 0; i < self->items->len; i++)
      {
        double right = MAX (self->lane_in[i].x_end, self->lane_in[i].x_start + self->lane_out[i].label_width) - offset;
        guint lane = self->lane_out[i].lane;

        if (right < 0 || self->lane_in[i].x_start - offset > width)
          continue;
        covered[lane] = MAX (covered[lane], draw_item_shapes (self, snapshot, i, width, covered[lane], &p));
      }
    gtk_snapshot_pop (snapshot);
  }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      TallyBox box;
      double label_width = self->lane_out[i].label_width;

      double label_x, x_end;

      if (label_width <= 0 || self->lane_in[i].x_start - offset > width)
        continue;
      box = item_box (self, i);
      label_x = box.x;
      x_end = self->lane_in[i].x_end - offset;
      /* An event that began left of the view keeps its label in sight, in
       * the room its own bar or label already takes in the lane. */
      if (label_x < 4)
        {
          label_x = 4;
          label_width = MIN (item->label_width, MAX (x_end, box.x + label_width) - label_x);
        }
      /* … but never into the next event of its lane, and a label running
       * off the right edge is ellipsised there. */
      label_width = MIN (label_width, self->lane_out[i].next_start - offset - LANE_GAP - label_x);
      label_width = MIN (label_width, width - label_x - 4);
      if (label_width < MIN_LABEL)
        continue;
      pango_layout_set_width (item->layout, (int) (label_width * PANGO_SCALE));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (label_x, box.y + LABEL_Y));
      gtk_snapshot_append_layout (snapshot, item->layout, &p.fg);
      gtk_snapshot_restore (snapshot);
    }

  /* The focused event, when the keyboard is in use. */
  if (self->focus >= 0 && gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    {
      TallyBox box = item_box (self, self->focus);
      GskRoundedRect outline;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4] = { p.accent, p.accent, p.accent, p.accent };

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (box.x - 3, box.y - 2, box.width + 6, box.height), 6);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }

  draw_legend (self, snapshot, width, height, &p);
}

static void
tally_timeline_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TallyTimeline *self = TALLY_TIMELINE (widget);

  draw_timeline (self, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget), FALSE);
}

static void
tally_timeline_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 800;
    }
  else
    {
      *minimum = TOP + 2 * LANE_HEIGHT + LEGEND_ROW + LEGEND_PAD;
      *natural = TOP + 8 * LANE_HEIGHT + LEGEND_ROW + LEGEND_PAD;
    }
}

static void
tally_timeline_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  TallyTimeline *self = TALLY_TIMELINE (widget);

  if (width != self->fit_width)
    {
      self->fit_width = width;
      update_fit (self);
    }
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

/* ---------------------------------------------------------------------- */
/* Zoom and pan                                                            */

static void
set_span (TallyTimeline *self,
          TallyTimeSpan  span)
{
  span = tally_time_span_clamp (span, self->limits, MIN_DAYS);
  if (span.begin == self->visible.begin && span.end == self->visible.end)
    return;
  if (tally_time_span_duration (span) != tally_time_span_duration (self->visible))
    self->layout_scale = 0;
  self->visible = span;
  if (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
tally_timeline_get_visible_span (TallyTimeline *self,
                                 double        *begin,
                                 double        *end)
{
  g_return_if_fail (TALLY_IS_TIMELINE (self));
  *begin = self->visible.begin;
  *end = self->visible.end;
}

void
tally_timeline_set_visible_span (TallyTimeline *self,
                                 double         begin,
                                 double         end)
{
  g_return_if_fail (TALLY_IS_TIMELINE (self));
  g_return_if_fail (end > begin);
  if (self->animation)
    adw_animation_reset (self->animation);
  set_span (self, (TallyTimeSpan) { begin, end });
}

void
tally_timeline_zoom (TallyTimeline *self,
                     double         factor,
                     double         x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  g_return_if_fail (TALLY_IS_TIMELINE (self));
  if (width <= 0 || factor <= 0)
    return;
  set_span (self, tally_time_span_zoom (self->visible, factor,
                                        tally_time_span_day_for_x (self->visible, x, width)));
}

void
tally_timeline_pan (TallyTimeline *self,
                    double         dx)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  g_return_if_fail (TALLY_IS_TIMELINE (self));
  if (width > 0)
    set_span (self, tally_time_span_pan (self->visible, dx, width));
}

static void
animation_step (double   value,
                gpointer user_data)
{
  TallyTimeline *self = user_data;
  TallyTimeSpan a = self->animation_from, b = self->animation_to;

  set_span (self, (TallyTimeSpan) { a.begin + (b.begin - a.begin) * value, a.end + (b.end - a.end) * value });
}

void
tally_timeline_zoom_to_fit (TallyTimeline *self)
{
  g_return_if_fail (TALLY_IS_TIMELINE (self));

  self->animation_from = self->visible;
  self->animation_to = self->fit = fit_span (self);
  /* AdwTimedAnimation jumps straight to the end when the system asks for
   * reduced motion (gtk-enable-animations off). */
  adw_animation_reset (self->animation);
  adw_animation_play (self->animation);
}

/* ---------------------------------------------------------------------- */
/* Focus, popover and accessibility                                        */

static void
update_accessible (TallyTimeline *self)
{
  g_autofree char *label = g_strdup_printf (ngettext ("Timeline, %u event", "Timeline, %u events",
                                                      self->items->len), self->items->len);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (self->focus >= 0)
    {
      Item *item = g_ptr_array_index (self->items, self->focus);
      g_autofree char *text = tally_event_dup_accessible_text (item->event);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Each event is an accessible child (a TallyTimelineItemAccessible) ahead
 * of the widget's own children (the popover). */
static GtkAccessibleInterface *parent_accessible_iface;

static GtkAccessible *
item_accessible (TallyTimeline *self,
                 guint          i)
{
  return GTK_ACCESSIBLE (((Item *) g_ptr_array_index (self->items, i))->accessible);
}

static GtkAccessible *
tally_timeline_get_first_accessible_child (GtkAccessible *accessible)
{
  TallyTimeline *self = TALLY_TIMELINE (accessible);

  if (self->items->len > 0)
    return g_object_ref (item_accessible (self, 0));
  return parent_accessible_iface->get_first_accessible_child (accessible);
}

static void
tally_timeline_accessible_init (GtkAccessibleInterface *iface)
{
  parent_accessible_iface = g_type_interface_peek_parent (iface);
  iface->get_first_accessible_child = tally_timeline_get_first_accessible_child;
}

GtkAccessible *
_tally_timeline_get_item_next_sibling (TallyTimeline *self,
                                       guint          index)
{
  GtkWidget *child;

  if (index + 1 < self->items->len)
    return g_object_ref (item_accessible (self, index + 1));
  child = gtk_widget_get_first_child (GTK_WIDGET (self));
  return child ? GTK_ACCESSIBLE (g_object_ref (child)) : NULL;
}

gboolean
_tally_timeline_get_item_bounds (TallyTimeline   *self,
                                 guint            index,
                                 graphene_rect_t *bounds)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  TallyBox box;

  if (index >= self->items->len || width <= 0 || height <= 0)
    return FALSE;
  ensure_layout (self, width, height);
  box = item_box (self, index);
  graphene_rect_init (bounds, box.x, box.y, box.width, box.height);
  return TRUE;
}

static gboolean
has_focus_flag (TallyTimeline *self)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUSED) != 0;
}

/* The FOCUSED state flag rather than has_focus, which waits on the window
 * becoming active (see tally_timeline_focus()), or is_focus, which the
 * window sets only after it has changed the flags. */
gboolean
_tally_timeline_item_is_focused (TallyTimeline *self,
                                 guint          index)
{
  return (int) index == self->focus && has_focus_flag (self);
}

/* Tells assistive technologies that event `index` gained or lost focus, so
 * that they follow it from event to event. GTK only passes that on for
 * objects that are not widgets from 4.18; built against an older GTK, the
 * widget's description (update_accessible) is all they get. */
static void
notify_item_focus (TallyTimeline *self,
                   int            index)
{
#if GTK_CHECK_VERSION (4, 18, 0)
  if (index < 0 || index >= (int) self->items->len || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS   /* newer than GDK_VERSION_MAX_ALLOWED, hence guarded */
  gtk_accessible_update_platform_state (item_accessible (self, index), GTK_ACCESSIBLE_PLATFORM_STATE_FOCUSED);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
}

/* Focus left the widget: the event loses it too. */
static void
tally_timeline_state_flags_changed (GtkWidget     *widget,
                                    GtkStateFlags  previous)
{
  TallyTimeline *self = TALLY_TIMELINE (widget);

  GTK_WIDGET_CLASS (tally_timeline_parent_class)->state_flags_changed (widget, previous);
  if ((previous & GTK_STATE_FLAG_FOCUSED) && !has_focus_flag (self))
    notify_item_focus (self, self->focus);
}

/* Focus came in (or the window became active with it here). The window
 * sets this after the state flags and after telling ATs that the widget
 * itself has focus: the event says so next, and ATs end up on it. */
static void
on_has_focus_changed (TallyTimeline *self,
                      GParamSpec    *pspec,
                      gpointer       user_data)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    notify_item_focus (self, self->focus);
}

static void
ensure_focus_visible (TallyTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  Item *item;
  double x;

  if (self->focus < 0 || width <= 0)
    return;
  item = g_ptr_array_index (self->items, self->focus);
  x = x_for_day (self, item->alt_first[0], width);
  if (x < 20 || x > width - 60)
    set_span (self, tally_time_span_pan (self->visible, x - width / 3.0, width));
}

int
tally_timeline_get_focus_index (TallyTimeline *self)
{
  g_return_val_if_fail (TALLY_IS_TIMELINE (self), -1);
  return self->focus;
}

void
tally_timeline_set_focus_index (TallyTimeline *self,
                                int            index)
{
  int previous;

  g_return_if_fail (TALLY_IS_TIMELINE (self));
  g_return_if_fail (index >= -1 && index < (int) self->items->len);

  previous = self->focus;
  self->focus = index;
  ensure_focus_visible (self);
  update_accessible (self);
  if (previous != index && has_focus_flag (self))
    {
      notify_item_focus (self, previous);
      notify_item_focus (self, index);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
tally_timeline_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  TallyTimeline *self = TALLY_TIMELINE (widget);
  int n = self->items->len;
  int next;

  if (n == 0)
    return FALSE;
  /* is_focus, not has_focus: the latter also needs the window to be active,
   * which comes from the display later (and never, under some Xvfb runs). */
  if (!gtk_widget_is_focus (widget))
    {
      next = direction == GTK_DIR_TAB_BACKWARD ? n - 1 : MAX (self->focus, 0);
      tally_timeline_set_focus_index (self, next);
      gtk_widget_grab_focus (widget);
      return TRUE;
    }
  if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_RIGHT || direction == GTK_DIR_DOWN)
    next = self->focus + 1;
  else
    next = self->focus - 1;
  /* Past the first or last event, focus leaves the timeline. */
  if (next < 0 || next >= n)
    return FALSE;
  tally_timeline_set_focus_index (self, next);
  return TRUE;
}

/* The popover's requests, forwarded: the timeline view acts on them. */
static void
on_popover_mention (TallyTimeline *self,
                    const char    *document,
                    guint          start,
                    guint          end,
                    TallyEventPopover *popover)
{
  g_signal_emit (self, signals[MENTION_ACTIVATED], 0, document, start, end);
}

static void
on_popover_rename (TallyTimeline *self,
                   const char    *document,
                   guint          start,
                   guint          end,
                   TallyEventPopover *popover)
{
  g_signal_emit (self, signals[RENAME_EVENT], 0, document, start, end);
}

static void
on_popover_leave_out (TallyTimeline *self,
                      const char    *document,
                      guint          start,
                      guint          end,
                      TallyEventPopover *popover)
{
  g_signal_emit (self, signals[LEAVE_OUT_MENTION], 0, document, start, end);
}

void
tally_timeline_set_correctable (TallyTimeline *self,
                                gboolean       correctable)
{
  g_return_if_fail (TALLY_IS_TIMELINE (self));
  tally_event_popover_set_correctable (self->popover, correctable);
}

const char *
tally_timeline_get_document_name (TallyTimeline *self,
                                  const char    *id)
{
  g_return_val_if_fail (TALLY_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->names, id);
}

void
tally_timeline_set_document_name (TallyTimeline *self,
                                  const char    *id,
                                  const char    *name)
{
  g_return_if_fail (TALLY_IS_TIMELINE (self));
  g_return_if_fail (id != NULL);

  if (name != NULL)
    g_hash_table_replace (self->names, g_strdup (id), g_strdup (name));
  else
    g_hash_table_remove (self->names, id);
}

void
tally_timeline_activate_focus (TallyTimeline *self)
{
  Item *item;
  TallyBox box;

  g_return_if_fail (TALLY_IS_TIMELINE (self));
  /* A popover needs a mapped parent to point at. */
  if (self->focus < 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  item = g_ptr_array_index (self->items, self->focus);
  box = item_box (self, self->focus);
  tally_event_popover_set_event (self->popover, item->event, self->names);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &(GdkRectangle) { (int) box.x, (int) box.y, (int) MAX (box.width, 1), (int) LABEL_Y });
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* ---------------------------------------------------------------------- */
/* Input                                                                   */

void
_tally_timeline_scroll (TallyTimeline   *self,
                        double           dx,
                        double           dy,
                        gboolean         wheel,
                        GdkModifierType  state)
{
  double step = wheel ? 60 : 1;

  if (state & GDK_CONTROL_MASK)
    tally_timeline_zoom (self, pow (1.2, -dy * (wheel ? 1 : 0.05)), self->pointer_x);
  else
    tally_timeline_pan (self, (dx + dy) * step);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TallyTimeline            *self)
{
  _tally_timeline_scroll (self, dx, dy,
                          gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL,
                          gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller)));
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TallyTimeline            *self)
{
  self->pointer_x = x;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               TallyTimeline  *self)
{
  self->gesture_span = self->visible;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                TallyTimeline  *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (width > 0)
    set_span (self, tally_time_span_pan (self->gesture_span, -dx, width));
}

void
_tally_timeline_pinch_begin (TallyTimeline *self,
                             double         x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->gesture_span = self->visible;
  self->gesture_anchor = width > 0 ? tally_time_span_day_for_x (self->visible, x, width) : self->visible.begin;
}

void
_tally_timeline_pinch (TallyTimeline *self,
                       double         scale)
{
  /* The scale is since the gesture began, so zoom from where it began. */
  if (scale > 0)
    set_span (self, tally_time_span_zoom (self->gesture_span, scale, self->gesture_anchor));
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               TallyTimeline    *self)
{
  double x = 0, y = 0;

  gtk_gesture_get_bounding_box_center (gesture, &x, &y);
  _tally_timeline_pinch_begin (self, x);
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       TallyTimeline  *self)
{
  _tally_timeline_pinch (self, scale);
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  TallyTimeline   *self)
{
  int hit = hit_test (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (hit >= 0)
    tally_timeline_set_focus_index (self, hit);
}

/* Opens on release: a press that turns into a drag pans instead (the click
 * gesture is cancelled past the drag threshold and never releases). */
static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   TallyTimeline   *self)
{
  int hit = hit_test (self, x, y);

  if (hit >= 0 && hit == self->focus)
    tally_timeline_activate_focus (self);
}

static gboolean
on_query_tooltip (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  TallyTimeline *self)
{
  int hit = keyboard ? self->focus : hit_test (self, x, y);
  g_autofree char *text = NULL;

  if (hit < 0)
    return FALSE;
  text = tally_event_dup_accessible_text (((Item *) g_ptr_array_index (self->items, hit))->event);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
action_zoom (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  TallyTimeline *self = TALLY_TIMELINE (widget);
  double factor = g_str_equal (name, "timeline.zoom-in") ? 1.5 : 1 / 1.5;

  tally_timeline_zoom (self, factor, gtk_widget_get_width (widget) / 2.0);
}

static void
action_pan (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  tally_timeline_pan (TALLY_TIMELINE (widget), g_variant_get_int32 (param) * gtk_widget_get_width (widget) / 10.0);
}

static void
action_zoom_fit (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  tally_timeline_zoom_to_fit (TALLY_TIMELINE (widget));
}

static void
action_activate (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  tally_timeline_activate_focus (TALLY_TIMELINE (widget));
}

/* ---------------------------------------------------------------------- */
/* Export                                                                  */

gboolean
tally_timeline_export (TallyTimeline  *self,
                       GFile          *file,
                       const char     *format,
                       GError        **error)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (TALLY_IS_TIMELINE (self), FALSE);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Cannot export to a location that is not a local file"));
      return FALSE;
    }
  if (width <= 0 || height <= 0)
    {
      width = 1200;
      height = 480;
    }
  draw_timeline (self, snapshot, width, height, TRUE);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  if (g_strcmp0 (format, "svg") == 0)
    {
      surface = cairo_svg_surface_create (path, width, height);
      /* Pixels, as on screen (cairo's default unit is the point). */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else if (g_strcmp0 (format, "png") == 0)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Unknown export format “%s”"), format);
      return FALSE;
    }
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  if (g_strcmp0 (format, "png") == 0)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */

gboolean
tally_timeline_get_marker_position (TallyTimeline *self,
                                    guint          index,
                                    guint          alternative,
                                    double        *x,
                                    double        *y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  Item *item;

  g_return_val_if_fail (TALLY_IS_TIMELINE (self), FALSE);
  if (index >= self->items->len || width <= 0 || height <= 0)
    return FALSE;
  item = g_ptr_array_index (self->items, index);
  if (alternative >= item->n_alts)
    return FALSE;
  ensure_layout (self, width, height);
  *x = x_for_day (self, (item->alt_first[alternative] + item->alt_last[alternative]) / 2, width);
  *y = TOP + self->lane_out[index].lane * LANE_HEIGHT + MARKER_Y;
  return TRUE;
}

static void
on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  TallyTimeline *self)
{
  rebuild_items (self);
  update_accessible (self);
}

void
tally_timeline_set_model (TallyTimeline *self,
                          GListModel    *model)
{
  g_return_if_fail (TALLY_IS_TIMELINE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  g_set_object (&self->model, model);
  g_signal_group_set_target (self->model_signals, model);
  self->focus = -1;
  /* Another model's events are shown whole. */
  g_ptr_array_set_size (self->items, 0);
  rebuild_items (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
tally_timeline_get_model (TallyTimeline *self)
{
  g_return_val_if_fail (TALLY_IS_TIMELINE (self), NULL);
  return self->model;
}

GtkWidget *
tally_timeline_new (void)
{
  return g_object_new (TALLY_TYPE_TIMELINE, NULL);
}

static PangoLayout *
create_legend_layout (GtkWidget *widget)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static void
tally_timeline_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  TallyTimeline *self = TALLY_TIMELINE (widget);

  GTK_WIDGET_CLASS (tally_timeline_parent_class)->css_changed (widget, change);
  /* Fonts may have changed: measure the labels again. */
  g_clear_object (&self->measure_layout);
  self->measure_layout = gtk_widget_create_pango_layout (widget, NULL);
  g_clear_object (&self->legend_layout);
  self->legend_layout = create_legend_layout (widget);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      int width;

      pango_layout_context_changed (item->layout);
      pango_layout_set_width (item->layout, -1);
      pango_layout_get_pixel_size (item->layout, &width, NULL);
      item->label_width = width;
    }
  update_fit (self);
  invalidate_layout (self);
}

static void
tally_timeline_dispose (GObject *object)
{
  TallyTimeline *self = TALLY_TIMELINE (object);

  g_clear_pointer ((GtkWidget **) &self->popover, gtk_widget_unparent);
  g_clear_object (&self->animation);
  g_signal_group_set_target (self->model_signals, NULL);
  g_clear_object (&self->model_signals);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (tally_timeline_parent_class)->dispose (object);
}

static void
tally_timeline_finalize (GObject *object)
{
  TallyTimeline *self = TALLY_TIMELINE (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->lane_in, g_free);
  g_clear_pointer (&self->lane_out, g_free);
  g_clear_object (&self->measure_layout);
  g_clear_object (&self->legend_layout);
  g_clear_pointer (&self->names, g_hash_table_unref);
  G_OBJECT_CLASS (tally_timeline_parent_class)->finalize (object);
}

static void
tally_timeline_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TallyTimeline *self = TALLY_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_timeline_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TallyTimeline *self = TALLY_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      tally_timeline_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_timeline_class_init (TallyTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_timeline_dispose;
  object_class->finalize = tally_timeline_finalize;
  object_class->get_property = tally_timeline_get_property;
  object_class->set_property = tally_timeline_set_property;

  widget_class->snapshot = tally_timeline_snapshot;
  widget_class->measure = tally_timeline_measure;
  widget_class->size_allocate = tally_timeline_size_allocate;
  widget_class->focus = tally_timeline_focus;
  widget_class->css_changed = tally_timeline_css_changed;
  widget_class->state_flags_changed = tally_timeline_state_flags_changed;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A mention was chosen in the popover: (document id, start, end). */
  signals[MENTION_ACTIVATED] =
    g_signal_new ("mention-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);
  /* Rename… in the popover: the event, by its first mention. */
  signals[RENAME_EVENT] =
    g_signal_new ("rename-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);
  /* "Not about this event" on a mention in the popover. */
  signals[LEAVE_OUT_MENTION] =
    g_signal_new ("leave-out-mention", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, action_zoom_fit);
  gtk_widget_class_install_action (widget_class, "timeline.pan", "i", action_pan);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, action_activate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.pan", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.pan", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tally_timeline_init (TallyTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->focus = -1;
  self->model_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->model_signals, "items-changed", G_CALLBACK (on_items_changed), self, 0);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->measure_layout = gtk_widget_create_pango_layout (widget, NULL);
  self->legend_layout = create_legend_layout (widget);
  self->visible = (TallyTimeSpan) { 0, 1 };
  self->limits = (TallyTimeSpan) { 0, 1 };
  rebuild_items (self);

  gtk_widget_set_focusable (widget, TRUE);
  g_signal_connect (widget, "notify::has-focus", G_CALLBACK (on_has_focus_changed), NULL);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (widget, motion);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  self->popover = TALLY_EVENT_POPOVER (tally_event_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->popover), widget);
  g_signal_connect_swapped (self->popover, "mention-activated", G_CALLBACK (on_popover_mention), self);
  g_signal_connect_swapped (self->popover, "rename-event", G_CALLBACK (on_popover_rename), self);
  g_signal_connect_swapped (self->popover, "leave-out-mention", G_CALLBACK (on_popover_leave_out), self);

  self->animation = adw_timed_animation_new (widget, 0, 1, 250,
                                             adw_callback_animation_target_new (animation_step, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);
  update_accessible (self);
}
