/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The timeline widget under Xvfb: renders into a texture and checks the
 * markers land where the layout says, zoom/pan/focus by keyboard actions,
 * popover, export. With TALLY_TIMELINE_SHOTS=DIR it also writes the README
 * screenshots (fit, zoomed on a disputed event, dark) there.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tally-event.h"
#include "tally-events.h"
#include "tally-ingest.h"
#include "tally-timeline.h"
#include "tally-timeline-layout.h"
#include "tally-timeline-view.h"

static GListModel *
sample_events (void)
{
  const char *root = g_getenv ("TALLY_SOURCE_DIR");
  g_autofree char *dir = g_build_filename (root ? root : ".", "data", "samples", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(TallyEventFinder) finder = tally_event_finder_new (NULL, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records = NULL;
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(TallyDocumentRecord) record = tally_ingest_file (path, NULL);
      g_autofree char *id = g_strdup_printf ("d%u", i + 1);

      g_assert_nonnull (record);
      tally_event_finder_add_document (finder, id, record->text, record->text_len, record->published);
    }
  records = tally_event_finder_finish (finder);
  return tally_event_list_new (records);
}

static void
wait_for_size (GtkWidget *widget)
{
  for (guint i = 0; i < 2000 && (gtk_widget_get_width (widget) == 0 || !gtk_widget_get_mapped (widget)); i++)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

static GtkWindow *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  wait_for_size (child);
  return window;
}

static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  return texture;
}

typedef struct
{
  guchar *data;
  gsize stride;
  int width;
  int height;
} Pixels;

static void
pixels_init (Pixels     *p,
             GdkTexture *texture)
{
  p->width = gdk_texture_get_width (texture);
  p->height = gdk_texture_get_height (texture);
  p->stride = p->width * 4;
  p->data = g_malloc (p->stride * p->height);
  gdk_texture_download (texture, p->data, p->stride);
}

/* Colour at (x, y) as 0–1 RGB (premultiplied ARGB32 in memory, little endian). */
static void
pixel_at (const Pixels *p,
          int           x,
          int           y,
          double        rgb[3])
{
  const guchar *px = p->data + y * p->stride + x * 4;
  double a = px[3] / 255.0;

  rgb[0] = a > 0 ? px[2] / 255.0 / a : 0;
  rgb[1] = a > 0 ? px[1] / 255.0 / a : 0;
  rgb[2] = a > 0 ? px[0] / 255.0 / a : 0;
}

/* The markers are drawn where tally_timeline_get_marker_position() says,
 * and that is where the layout maths put their dates. */
static void
test_render_markers (void)
{
  g_autoptr(GListModel) events = sample_events ();
  GtkWidget *timeline = tally_timeline_new ();
  GtkWindow *window;
  g_autoptr(GdkTexture) texture = NULL;
  Pixels pixels;
  double begin, end;
  guint checked = 0;

  tally_timeline_set_model (TALLY_TIMELINE (timeline), events);
  window = show_in_window (timeline, 1000, 460);
  tally_timeline_get_visible_span (TALLY_TIMELINE (timeline), &begin, &end);
  texture = render (timeline);
  pixels_init (&pixels, texture);
  g_assert_cmpint (pixels.width, ==, gtk_widget_get_width (timeline));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TallyEvent) event = g_list_model_get_item (events, i);
      const TallyEventRecord *r = tally_event_get_record (event);
      guint n_alts = r->disputed ? r->alternatives->len : 1;

      for (guint a = 0; a < n_alts; a++)
        {
          guint32 first = r->disputed ? ((TallyEventAlternative *) g_ptr_array_index (r->alternatives, a))->first_day : r->first_day;
          guint32 last = r->disputed ? ((TallyEventAlternative *) g_ptr_array_index (r->alternatives, a))->last_day : r->last_day;
          double expected_x = tally_time_span_x_for_day ((TallyTimeSpan) { begin, end }, (first + last + 1) / 2.0,
                                                         pixels.width);
          double x, y, rgb[3];

          g_assert_true (tally_timeline_get_marker_position (TALLY_TIMELINE (timeline), i, a, &x, &y));
          g_assert_cmpfloat_with_epsilon (x, expected_x, 1e-6);
          if (x < 2 || x >= pixels.width - 2)
            continue;
          pixel_at (&pixels, (int) round (x), (int) round (y), rgb);
          if (r->planned)
            {
              /* Hollow: the middle is the background, not the accent. */
              g_assert_cmpfloat (fabs (rgb[0] - rgb[2]), <, 0.1);
            }
          else if (r->disputed)
            g_assert_cmpfloat (rgb[0], >, rgb[2] + 0.3);   /* orange */
          else
            g_assert_cmpfloat (rgb[2], >, rgb[0] + 0.3);   /* blue */
          checked++;
        }
    }
  /* Between the axis and the first lane there is no marker. */
  {
    double rgb[3];

    pixel_at (&pixels, pixels.width / 2 + 3, 33, rgb);
    g_assert_cmpfloat (fabs (rgb[0] - rgb[2]), <, 0.1);
  }
  g_test_message ("%u markers checked", checked);
  g_assert_cmpuint (checked, >=, 10);
  g_free (pixels.data);
  gtk_window_destroy (window);
}

static void
test_keyboard (void)
{
  g_autoptr(GListModel) events = sample_events ();
  GtkWidget *timeline = tally_timeline_new ();
  TallyTimeline *tl = TALLY_TIMELINE (timeline);
  GtkWindow *window;
  double b0, e0, b1, e1, b2, e2;
  int width;

  tally_timeline_set_model (tl, events);
  window = show_in_window (timeline, 900, 420);
  width = gtk_widget_get_width (timeline);
  tally_timeline_get_visible_span (tl, &b0, &e0);

  /* Zoom in about the middle: 1.5 times fewer days, same middle. */
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.zoom-in", NULL));
  tally_timeline_get_visible_span (tl, &b1, &e1);
  g_assert_cmpfloat_with_epsilon (e1 - b1, (e0 - b0) / 1.5, 1e-6);
  g_assert_cmpfloat_with_epsilon ((b1 + e1) / 2, (b0 + e0) / 2, 1e-6);

  /* Right arrow: a tenth of the width later. */
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.pan", "i", 1));
  tally_timeline_get_visible_span (tl, &b2, &e2);
  g_assert_cmpfloat_with_epsilon (b2 - b1, (e1 - b1) / 10.0, 1e-6);
  g_assert_cmpint (width, >, 0);

  /* Tab walks the events, and the accessible description follows. */
  gtk_widget_grab_focus (timeline);
  tally_timeline_set_focus_index (tl, -1);
  g_assert_true (gtk_widget_child_focus (timeline, GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (tally_timeline_get_focus_index (tl), ==, 0);
  g_assert_true (gtk_widget_child_focus (timeline, GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (tally_timeline_get_focus_index (tl), ==, 1);
  {
    g_autoptr(TallyEvent) second = g_list_model_get_item (events, 1);
    g_autofree char *text = tally_event_dup_accessible_text (second);

    gtk_test_accessible_assert_property (timeline, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  }
  g_assert_true (gtk_widget_child_focus (timeline, GTK_DIR_TAB_BACKWARD));
  g_assert_cmpint (tally_timeline_get_focus_index (tl), ==, 0);
  /* Past the first event, focus leaves. */
  g_assert_false (gtk_widget_child_focus (timeline, GTK_DIR_TAB_BACKWARD));

  gtk_window_destroy (window);
}

static void
test_disputed_text_and_popover (void)
{
  g_autoptr(GListModel) events = sample_events ();
  GtkWidget *timeline = tally_timeline_new ();
  GtkWindow *window;
  g_autoptr(TallyEvent) first = g_list_model_get_item (events, 0);
  g_autofree char *text = tally_event_dup_accessible_text (first);
  GtkWidget *popover = NULL;

  g_assert_cmpstr (text, ==, "First Baltic–Caspian Connectivity Summit, 2022, in Riga, disputed: 2022 or 2021");
  tally_timeline_set_model (TALLY_TIMELINE (timeline), events);
  window = show_in_window (timeline, 900, 420);
  tally_timeline_set_focus_index (TALLY_TIMELINE (timeline), 0);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.activate", NULL));
  for (GtkWidget *child = gtk_widget_get_first_child (timeline); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      popover = child;
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_window_destroy (window);
}

static void
test_zoom_to_fit_reduced_motion (void)
{
  g_autoptr(GListModel) events = sample_events ();
  GtkWidget *timeline = tally_timeline_new ();
  GtkWindow *window;
  double b0, e0, b1, e1;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  tally_timeline_set_model (TALLY_TIMELINE (timeline), events);
  window = show_in_window (timeline, 900, 420);
  tally_timeline_get_visible_span (TALLY_TIMELINE (timeline), &b0, &e0);
  tally_timeline_zoom (TALLY_TIMELINE (timeline), 7, 100);
  tally_timeline_zoom_to_fit (TALLY_TIMELINE (timeline));
  /* No animation: the fit is there at once. */
  tally_timeline_get_visible_span (TALLY_TIMELINE (timeline), &b1, &e1);
  g_assert_cmpfloat_with_epsilon (b1, b0, 1e-6);
  g_assert_cmpfloat_with_epsilon (e1, e0, 1e-6);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  gtk_window_destroy (window);
}

static void
test_export (void)
{
  g_autoptr(GListModel) events = sample_events ();
  GtkWidget *timeline = tally_timeline_new ();
  GtkWindow *window;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tally-timeline-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "t.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "t.svg", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  tally_timeline_set_model (TALLY_TIMELINE (timeline), events);
  window = show_in_window (timeline, 800, 400);
  g_assert_true (tally_timeline_export (TALLY_TIMELINE (timeline), png_file, "png", &error));
  g_assert_no_error (error);
  g_assert_true (tally_timeline_export (TALLY_TIMELINE (timeline), svg_file, "svg", &error));
  g_assert_no_error (error);
  g_assert_false (tally_timeline_export (TALLY_TIMELINE (timeline), svg_file, "bmp", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (timeline));
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_unlink (png);
  g_unlink (svg);
  g_rmdir (dir);
  gtk_window_destroy (window);
}

static guint
find_string (GListModel *list,
             const char *str)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (list), i), str) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The view filters by kind and by source; timeline and list follow. */
static void
test_view_filters (void)
{
  g_autoptr(GListModel) events = sample_events ();
  TallyTimelineView *view = g_object_new (TALLY_TYPE_TIMELINE_VIEW, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkDropDown *kinds = NULL, *sources = NULL;
  GListModel *shown;
  guint summit, d5;

  gtk_window_set_child (window, GTK_WIDGET (view));
  tally_timeline_view_set_events (view, events);
  gtk_window_present (window);
  shown = tally_timeline_get_model (tally_timeline_view_get_timeline (view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 11);

  /* The two drop-downs, in the order of the header. */
  {
    GtkWidget *w = GTK_WIDGET (view);
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, w);
    while (stack->len > 0)
      {
        GtkWidget *cur = g_ptr_array_steal_index (stack, 0);

        if (GTK_IS_DROP_DOWN (cur))
          {
            if (kinds == NULL)
              kinds = GTK_DROP_DOWN (cur);
            else if (sources == NULL)
              sources = GTK_DROP_DOWN (cur);
            continue;
          }
        for (GtkWidget *c = gtk_widget_get_first_child (cur); c; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
  }
  g_assert_nonnull (kinds);
  g_assert_nonnull (sources);
  summit = find_string (gtk_drop_down_get_model (kinds), "summit");
  g_assert_cmpuint (summit, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (kinds, summit);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  gtk_drop_down_set_selected (kinds, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 11);

  /* The Baltic Morning Post (d5) speaks of the third summit, the cultural
   * years and the programme's publication. */
  d5 = find_string (gtk_drop_down_get_model (sources), "d5");
  g_assert_cmpuint (d5, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (sources, d5);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  gtk_window_destroy (window);
}

static void
assert_date (const char *date,
             const char *date_end,
             const char *expected)
{
  g_autofree char *text = tally_event_format_date (date, date_end);

  g_assert_cmpstr (text, ==, expected);
}

/* Dates for people (C locale month names). */
static void
test_format_date (void)
{
  assert_date ("2026-06-16", "2026-06-17", "16–17 June 2026");
  assert_date ("2026-06-30", "2026-07-02", "30 June – 2 July 2026");
  assert_date ("2025-12-30", "2026-01-02", "30 December 2025 – 2 January 2026");
  assert_date ("2026-09", "2026-11", "September–November 2026");
  assert_date ("2025-12", "2026-02", "December 2025 – February 2026");
  assert_date ("2026", "2027", "2026–2027");
  assert_date ("2024-05", NULL, "May 2024");
  assert_date ("2028", NULL, "2028");
  assert_date ("2026-06-17", NULL, "17 June 2026");
}

/* Nothing keeps the widget alive once its window is gone. */
static void
test_finalize (void)
{
  g_autoptr(GListModel) events = sample_events ();
  GtkWidget *timeline = tally_timeline_new ();
  GtkWindow *window;

  tally_timeline_set_model (TALLY_TIMELINE (timeline), events);
  window = show_in_window (timeline, 600, 300);
  tally_timeline_set_focus_index (TALLY_TIMELINE (timeline), 1);
  tally_timeline_activate_focus (TALLY_TIMELINE (timeline));
  tally_timeline_zoom_to_fit (TALLY_TIMELINE (timeline));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_object_ref (timeline);
  gtk_window_destroy (window);
  g_assert_finalize_object (timeline);
}

/* Screenshots for the README, written only when asked. */
static void
shoot (GtkWidget  *widget,
       const char *dir,
       const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  for (guint i = 0; i < 30; i++)
    g_main_context_iteration (NULL, FALSE);
  texture = render (widget);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static void
test_screenshots (void)
{
  const char *dir = g_getenv ("TALLY_TIMELINE_SHOTS");
  g_autoptr(GListModel) events = NULL;
  TallyTimelineView *view;
  TallyTimeline *timeline;
  GtkWindow *window;
  g_autoptr(TallyEvent) first = NULL;
  double x, y;

  if (dir == NULL)
    {
      g_test_skip ("set TALLY_TIMELINE_SHOTS=DIR to write screenshots");
      return;
    }
  events = sample_events ();
  view = g_object_new (TALLY_TYPE_TIMELINE_VIEW, NULL);
  tally_timeline_view_set_events (view, events);
  timeline = tally_timeline_view_get_timeline (view);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1100, 480);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  wait_for_size (GTK_WIDGET (timeline));
  shoot (GTK_WIDGET (window), dir, "timeline-fit.png");

  /* Zoomed on the disputed first summit: both dates and their link. */
  first = g_list_model_get_item (events, 0);
  g_assert_true (tally_event_get_disputed (first));
  tally_timeline_set_focus_index (timeline, 0);
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  g_assert_true (tally_timeline_get_marker_position (timeline, 0, 0, &x, &y));
  {
    double x2;

    g_assert_true (tally_timeline_get_marker_position (timeline, 0, 1, &x2, &y));
    tally_timeline_zoom (timeline, 2.5, (x + x2) / 2);
    tally_timeline_pan (timeline, (x + x2) / 2 - gtk_widget_get_width (GTK_WIDGET (timeline)) / 2.0);
  }
  gtk_window_set_focus_visible (window, TRUE);
  shoot (GTK_WIDGET (window), dir, "timeline-disputed.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  tally_timeline_zoom_to_fit (timeline);
  for (guint i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (300000);
  for (guint i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);
  shoot (GTK_WIDGET (window), dir, "timeline-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/timeline/render-markers", test_render_markers);
  g_test_add_func ("/ui/timeline/keyboard", test_keyboard);
  g_test_add_func ("/ui/timeline/disputed-popover", test_disputed_text_and_popover);
  g_test_add_func ("/ui/timeline/zoom-to-fit-reduced-motion", test_zoom_to_fit_reduced_motion);
  g_test_add_func ("/ui/timeline/export", test_export);
  g_test_add_func ("/ui/timeline/view-filters", test_view_filters);
  g_test_add_func ("/ui/timeline/format-date", test_format_date);
  g_test_add_func ("/ui/timeline/finalize", test_finalize);
  g_test_add_func ("/ui/timeline/screenshots", test_screenshots);

  return g_test_run ();
}
