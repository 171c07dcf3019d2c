/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The timeline widget under Xvfb: renders into a texture and checks the
 * markers land where the layout says, zoom/pan/focus by keyboard actions,
 * each event as an accessible object, popover, export. With
 * TALLY_TIMELINE_SHOTS=DIR it also writes the README screenshots (fit,
 * zoomed on a disputed event, dark) there.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tally-event.h"
#include "tally-event-popover.h"
#include "tally-events.h"
#include "tally-ingest.h"
#include "tally-timeline-private.h"
#include "tally-timeline-item-accessible.h"
#include "tally-timeline-layout.h"
#include "tally-timeline-view.h"

/* The app's style sheets, as AdwApplication loads them: style.css always,
 * style-dark.css over it in the dark style. */
static GtkCssProvider *style_css, *style_dark_css;

static void
use_color_scheme (AdwColorScheme scheme)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GdkDisplay *display = gdk_display_get_default ();

  adw_style_manager_set_color_scheme (style, scheme);
  gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (style_dark_css));
  if (adw_style_manager_get_dark (style))
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (style_dark_css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
}

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

/* The accessible children of `accessible`, in order, walked the way an
 * assistive technology walks them. */
static GPtrArray *
accessible_children (GtkAccessible *accessible)
{
  GPtrArray *children = g_ptr_array_new_with_free_func (g_object_unref);
  GtkAccessible *child = gtk_accessible_get_first_accessible_child (accessible);

  while (child != NULL)
    {
      g_ptr_array_add (children, child);
      child = gtk_accessible_get_next_accessible_sibling (child);
    }
  return children;
}

/* Only child `focused` (-1: none) of the first `n` says it has focus. */
static void
assert_focused_child (GPtrArray *children,
                      guint      n,
                      int        focused)
{
  for (guint i = 0; i < n; i++)
    {
      GtkAccessible *child = g_ptr_array_index (children, i);

      g_assert_true (gtk_accessible_get_platform_state (child, GTK_ACCESSIBLE_PLATFORM_STATE_FOCUSABLE));
      g_assert_cmpint (gtk_accessible_get_platform_state (child, GTK_ACCESSIBLE_PLATFORM_STATE_FOCUSED), ==,
                       (int) i == focused);
    }
}

/* Each event is an accessible object of its own (issue 7): a button inside
 * the timeline, labelled with what the list alternative reads, bounded by
 * the event as drawn, and focused while Tab is on it. */
static void
test_accessible_events (void)
{
  g_autoptr(GListModel) events = sample_events ();
  guint n = g_list_model_get_n_items (events);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *timeline = tally_timeline_new ();
  GtkWidget *button = gtk_button_new_with_label ("Elsewhere");
  TallyTimeline *tl = TALLY_TIMELINE (timeline);
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GListStore) few = g_list_store_new (TALLY_TYPE_EVENT);
  GtkAccessible *dropped, *kept;
  GtkWindow *window;

  gtk_widget_set_vexpand (timeline, TRUE);
  gtk_box_append (GTK_BOX (box), timeline);
  gtk_box_append (GTK_BOX (box), button);
  tally_timeline_set_model (tl, events);
  window = show_in_window (box, 1000, 460);

  /* One child per event, in the model's order (every event, as Tab reaches
   * every event), then the widget's own child, the popover. */
  children = accessible_children (GTK_ACCESSIBLE (timeline));
  g_assert_cmpuint (n, >=, 10);
  g_assert_cmpuint (children->len, ==, n + 1);
  g_assert_true (GTK_IS_POPOVER (g_ptr_array_index (children, n)));
  gtk_test_accessible_assert_property (g_ptr_array_index (children, 0), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "First Baltic–Caspian Connectivity Summit, 2022, in Riga, disputed: 2022 or 2021");
  for (guint i = 0; i < n; i++)
    {
      GtkAccessible *child = g_ptr_array_index (children, i);
      g_autoptr(TallyEvent) event = g_list_model_get_item (events, i);
      g_autofree char *text = tally_event_dup_accessible_text (event);
      g_autoptr(GtkAccessible) parent = gtk_accessible_get_accessible_parent (child);
      int x, y, width, height;
      double mx, my;
      guint alternatives = 0;

      g_assert_true (TALLY_IS_TIMELINE_ITEM_ACCESSIBLE (child));
      g_assert_true (parent == GTK_ACCESSIBLE (timeline));
      g_assert_null (gtk_accessible_get_first_accessible_child (child));
      gtk_test_accessible_assert_role (child, GTK_ACCESSIBLE_ROLE_BUTTON);
      gtk_test_accessible_assert_property (child, GTK_ACCESSIBLE_PROPERTY_LABEL, text);
      gtk_test_accessible_assert_property (child, GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE);
      /* The bounds hold the event's marker at each of its dates. */
      g_assert_true (gtk_accessible_get_bounds (child, &x, &y, &width, &height));
      g_assert_cmpint (width, >, 0);
      g_assert_cmpint (height, >, 0);
      for (; tally_timeline_get_marker_position (tl, i, alternatives, &mx, &my); alternatives++)
        {
          g_assert_cmpfloat (mx, >=, x);
          g_assert_cmpfloat (mx, <=, x + width);
          g_assert_cmpfloat (my, >=, y);
          g_assert_cmpfloat (my, <=, y + height);
        }
      g_assert_cmpuint (alternatives, >=, 1);
    }

  /* Tab and Shift+Tab: the event with keyboard focus is the focused child,
   * and only while the timeline has the focus. (The window gave the
   * timeline the focus when it opened, and with it the first event.) */
  gtk_widget_grab_focus (button);
  assert_focused_child (children, n, -1);
  tally_timeline_set_focus_index (tl, -1);
  g_assert_true (gtk_widget_child_focus (timeline, GTK_DIR_TAB_FORWARD));
  assert_focused_child (children, n, 0);
  g_assert_true (gtk_widget_child_focus (timeline, GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (tally_timeline_get_focus_index (tl), ==, 1);
  assert_focused_child (children, n, 1);
  g_assert_true (gtk_widget_child_focus (timeline, GTK_DIR_TAB_BACKWARD));
  assert_focused_child (children, n, 0);
  gtk_widget_grab_focus (button);
  g_assert_cmpint (tally_timeline_get_focus_index (tl), ==, 0);
  assert_focused_child (children, n, -1);

  /* Other events: the children follow, and the old ones let go of the
   * timeline. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TallyEvent) event = g_list_model_get_item (events, i);

      g_list_store_append (few, event);
    }
  dropped = g_object_ref (g_ptr_array_index (children, 0));
  tally_timeline_set_model (tl, G_LIST_MODEL (few));
  g_ptr_array_unref (children);
  children = accessible_children (GTK_ACCESSIBLE (timeline));
  g_assert_cmpuint (children->len, ==, 3 + 1);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TallyEvent) event = g_list_model_get_item (events, i);
      g_autofree char *text = tally_event_dup_accessible_text (event);

      g_assert_true (g_ptr_array_index (children, i) != dropped);
      gtk_test_accessible_assert_property (g_ptr_array_index (children, i), GTK_ACCESSIBLE_PROPERTY_LABEL, text);
    }
  g_assert_null (gtk_accessible_get_accessible_parent (dropped));
  g_assert_null (gtk_accessible_get_next_accessible_sibling (dropped));
  g_assert_false (gtk_accessible_get_platform_state (dropped, GTK_ACCESSIBLE_PLATFORM_STATE_FOCUSABLE));

  /* Children kept by someone else keep nothing alive. */
  kept = g_object_ref (g_ptr_array_index (children, 0));
  g_clear_pointer (&children, g_ptr_array_unref);
  g_object_ref (timeline);
  gtk_window_destroy (window);
  g_assert_finalize_object (timeline);
  g_assert_null (gtk_accessible_get_accessible_parent (kept));
  g_assert_finalize_object (kept);
  g_assert_finalize_object (dropped);
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

/* Zoom to fit jumps when the system asks for reduced motion, and glides
 * otherwise. */
static void
test_zoom_to_fit_motion (void)
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

  /* With animations on, the view moves there over frames: not at once, but
   * in the end. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  tally_timeline_zoom (TALLY_TIMELINE (timeline), 7, 100);
  tally_timeline_zoom_to_fit (TALLY_TIMELINE (timeline));
  tally_timeline_get_visible_span (TALLY_TIMELINE (timeline), &b1, &e1);
  g_assert_cmpfloat (e1 - b1, <, (e0 - b0) / 2);
  {
    guint frames = 0;
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while ((fabs (b1 - b0) > 1e-6 || fabs (e1 - e0) > 1e-6) && g_get_monotonic_time () < deadline)
      {
        double b, e;

        g_main_context_iteration (NULL, TRUE);
        tally_timeline_get_visible_span (TALLY_TIMELINE (timeline), &b, &e);
        /* Between the zoomed span and the fit, never beyond. */
        g_assert_cmpfloat (e - b, <=, e0 - b0 + 1e-6);
        frames += b != b1 || e != e1;
        b1 = b;
        e1 = e;
      }
    g_test_message ("zoom to fit animated over %u steps", frames);
    g_assert_cmpfloat_with_epsilon (b1, b0, 1e-6);
    g_assert_cmpfloat_with_epsilon (e1, e0, 1e-6);
    g_assert_cmpuint (frames, >=, 2);
  }
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

static guint
count_kind (GListModel *events,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TallyEvent) event = g_list_model_get_item (events, i);

      n += g_strcmp0 (tally_event_get_kind_name (event), kind) == 0;
    }
  return n;
}

static guint
count_mentioned_by (GListModel *events,
                    const char *document)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TallyEvent) event = g_list_model_get_item (events, i);
      const TallyEventRecord *r = tally_event_get_record (event);
      gboolean found = FALSE;

      for (guint m = 0; m < r->mentions->len && !found; m++)
        found = g_strcmp0 (((TallyEventMention *) g_ptr_array_index (r->mentions, m))->document, document) == 0;
      n += found;
    }
  return n;
}

/* The widgets of `type` under `root`, in the order they are laid out. */
static GPtrArray *
find_widgets (GtkWidget *root,
              GType      type)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *cur = g_ptr_array_steal_index (stack, 0);

      if (G_TYPE_CHECK_INSTANCE_TYPE (cur, type))
        g_ptr_array_add (found, cur);
      for (GtkWidget *c = gtk_widget_get_first_child (cur); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return found;
}

/* The popover's list of mentions (TallyEventPopover), once its rows are
 * made; a row's activation opens the article at the mention. */
static GtkWidget *
mentions_list (GtkWidget *popover)
{
  g_autoptr(GPtrArray) lists = find_widgets (gtk_popover_get_child (GTK_POPOVER (popover)), GTK_TYPE_LIST_VIEW);
  GtkWidget *list;
  guint n_mentions;

  g_assert_cmpuint (lists->len, ==, 1);
  list = g_ptr_array_index (lists, 0);
  n_mentions = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))));
  /* "Rename…", and "Not about this event" beside each mention. */
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GPtrArray) buttons = find_widgets (gtk_popover_get_child (GTK_POPOVER (popover)), GTK_TYPE_BUTTON);
      guint n_leave_out = 0, n_rename = 0;

      for (guint b = 0; b < buttons->len; b++)
        {
          const char *action = gtk_actionable_get_action_name (g_ptr_array_index (buttons, b));

          n_leave_out += g_strcmp0 (action, "event-popover.leave-out") == 0;
          n_rename += g_strcmp0 (action, "event-popover.rename") == 0;
        }
      if (n_leave_out == n_mentions && n_rename == 1)
        return list;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_not_reached ();
}

/* The view filters by kind and by source; timeline and list follow. The
 * expected counts come from the events themselves, so the test holds while
 * the finder learns more events. */
static void
test_view_filters (void)
{
  g_autoptr(GListModel) events = sample_events ();
  TallyTimelineView *view = g_object_new (TALLY_TYPE_TIMELINE_VIEW, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GPtrArray) drop_downs = NULL;
  GtkDropDown *kinds, *sources;
  GListModel *shown;
  guint n = g_list_model_get_n_items (events);
  guint summit, d5;

  gtk_window_set_child (window, GTK_WIDGET (view));
  tally_timeline_view_set_events (view, events);
  gtk_window_present (window);
  shown = tally_timeline_get_model (tally_timeline_view_get_timeline (view));
  g_assert_cmpuint (n, >=, 10);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);

  /* The two drop-downs, in the order of the header. */
  drop_downs = find_widgets (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN);
  g_assert_cmpuint (drop_downs->len, ==, 2);
  kinds = g_ptr_array_index (drop_downs, 0);
  sources = g_ptr_array_index (drop_downs, 1);
  summit = find_string (gtk_drop_down_get_model (kinds), "summit");
  g_assert_cmpuint (summit, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (kinds, summit);
  /* The first, second, third and fourth summits at least. */
  g_assert_cmpuint (count_kind (events, "summit"), >=, 4);
  g_assert_cmpuint (count_kind (events, "summit"), <, n);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, count_kind (events, "summit"));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(TallyEvent) event = g_list_model_get_item (shown, i);

      g_assert_cmpstr (tally_event_get_kind_name (event), ==, "summit");
    }
  gtk_drop_down_set_selected (kinds, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);

  /* The Baltic Morning Post (d5) speaks of the third summit, the cultural
   * years and the programme's publication, among others. */
  d5 = find_string (gtk_drop_down_get_model (sources), "d5");
  g_assert_cmpuint (d5, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (sources, d5);
  g_assert_cmpuint (count_mentioned_by (events, "d5"), >=, 3);
  g_assert_cmpuint (count_mentioned_by (events, "d5"), <, n);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, count_mentioned_by (events, "d5"));
  gtk_window_destroy (window);
}

/* ---------------------------------------------------------------------- */
/* Synthetic events: exact dates, so the pixels can be predicted.          */

static void
add_mention (TallyEventRecord *r,
             const char       *document,
             gsize             start,
             gsize             end,
             const char       *text)
{
  TallyEventMention *mention = tally_event_mention_new ();

  mention->document = g_strdup (document);
  mention->start = start;
  mention->end = end;
  mention->text = g_strdup (text);
  g_ptr_array_add (r->mentions, mention);
}

static TallyEventRecord *
make_record (const char          *label,
             TallyEventPrecision  precision,
             const char          *date,
             const char          *date_end)
{
  TallyEventRecord *r = tally_event_record_new ();
  guint32 first;

  r->id = g_strdup_printf ("e-%s", label);
  r->label = g_strdup (label);
  r->kind = TALLY_EVENT_KIND_SUMMIT;
  r->precision = precision;
  r->date = g_strdup (date);
  r->date_end = g_strdup (date_end);
  g_assert_true (tally_event_parse_iso_date (date, &r->first_day, &r->last_day));
  if (date_end != NULL)
    g_assert_true (tally_event_parse_iso_date (date_end, &first, &r->last_day));
  add_mention (r, "d1", 0, 10, "A sentence.");
  return r;
}

/* One alternative date given by `documents` (comma-separated); two or more
 * make the event disputed. */
static void
add_alternative (TallyEventRecord *r,
                 const char       *date,
                 const char       *documents)
{
  TallyEventAlternative *alt = tally_event_alternative_new ();
  g_auto(GStrv) ids = g_strsplit (documents, ",", -1);

  alt->date = g_strdup (date);
  g_assert_true (tally_event_parse_iso_date (date, &alt->first_day, &alt->last_day));
  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (alt->documents, g_strdup (ids[i]));
  g_ptr_array_add (r->alternatives, alt);
  r->disputed = r->alternatives->len > 1;
}

/* Three events 2016–2024: a day, a year-precision event, a day. */
static GListModel *
three_events (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_event_record_free);

  g_ptr_array_add (records, make_record ("Early", TALLY_EVENT_PRECISION_DAY, "2016-03-01", NULL));
  g_ptr_array_add (records, make_record ("Year", TALLY_EVENT_PRECISION_YEAR, "2020", NULL));
  g_ptr_array_add (records, make_record ("Late", TALLY_EVENT_PRECISION_DAY, "2024-10-01", NULL));
  return tally_event_list_new (records);
}

/* One event the sources date 1 March 2018 (two of them) or 1 September 2022. */
static GListModel *
disputed_event (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_event_record_free);
  TallyEventRecord *r = make_record ("Disputed Summit", TALLY_EVENT_PRECISION_DAY, "2018-03-01", NULL);

  r->place = g_strdup ("Aktau");
  add_alternative (r, "2018-03-01", "d1,d2");
  add_alternative (r, "2022-09-01", "d3");
  add_mention (r, "d2", 120, 180, "The summit was held on 1 March 2018.");
  add_mention (r, "d3", 40, 95, "The summit took place in September 2022.");
  g_ptr_array_add (records, r);
  return tally_event_list_new (records);
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

static double
alpha_at (const Pixels *p,
          int           x,
          int           y)
{
  return p->data[y * p->stride + x * 4 + 3] / 255.0;
}

static gboolean
is_blue (const Pixels *p,
         int           x,
         int           y)
{
  double rgb[3];

  pixel_at (p, x, y, rgb);
  return alpha_at (p, x, y) > 0.4 && rgb[2] > rgb[0] + 0.3;
}

static gboolean
is_orange (const Pixels *p,
           int           x,
           int           y)
{
  double rgb[3];

  pixel_at (p, x, y, rgb);
  return alpha_at (p, x, y) > 0.4 && rgb[0] > rgb[2] + 0.3;
}

static void
assert_colour (const Pixels *p,
               int           x,
               int           y,
               const char   *spec)
{
  GdkRGBA expected;
  double rgb[3];

  g_assert_true (gdk_rgba_parse (&expected, spec));
  pixel_at (p, x, y, rgb);
  g_assert_cmpfloat (alpha_at (p, x, y), >, 0.95);
  g_assert_cmpfloat_with_epsilon (rgb[0], expected.red, 0.03);
  g_assert_cmpfloat_with_epsilon (rgb[1], expected.green, 0.03);
  g_assert_cmpfloat_with_epsilon (rgb[2], expected.blue, 0.03);
}

/* A year-precision event is a bar over its whole year, and no further. */
static void
test_year_span (void)
{
  g_autoptr(GListModel) events = three_events ();
  GtkWidget *timeline = tally_timeline_new ();
  GtkWindow *window;
  g_autoptr(GdkTexture) texture = NULL;
  Pixels pixels;
  TallyTimeSpan span;
  double x, y, x0, x1;

  tally_timeline_set_model (TALLY_TIMELINE (timeline), events);
  window = show_in_window (timeline, 1000, 400);
  tally_timeline_get_visible_span (TALLY_TIMELINE (timeline), &span.begin, &span.end);
  texture = render (timeline);
  pixels_init (&pixels, texture);

  g_assert_true (tally_timeline_get_marker_position (TALLY_TIMELINE (timeline), 1, 0, &x, &y));
  x0 = tally_time_span_x_for_day (span, julian (2020, 1, 1), pixels.width);
  x1 = tally_time_span_x_for_day (span, julian (2021, 1, 1), pixels.width);
  /* 2020 is a leap year: 366 days, the middle at 2 July, noon. */
  g_assert_cmpfloat_with_epsilon (x, (x0 + x1) / 2, 1e-6);
  g_assert_cmpfloat (x1 - x0, >, 60);
  g_assert_true (is_blue (&pixels, (int) round (x0) + 3, (int) y));
  g_assert_true (is_blue (&pixels, (int) round (x), (int) y));
  g_assert_true (is_blue (&pixels, (int) round (x1) - 3, (int) y));
  g_assert_false (is_blue (&pixels, (int) round (x0) - 3, (int) y));
  g_assert_false (is_blue (&pixels, (int) round (x1) + 3, (int) y));
  g_free (pixels.data);
  gtk_window_destroy (window);
}

static guint
count_in_rows (const Pixels *p,
               int           top,
               int           bottom,
               gboolean    (*test) (const Pixels *, int, int))
{
  guint n = 0;

  for (int y = MAX (top, 0); y < MIN (bottom, p->height); y++)
    for (int x = 0; x < p->width; x++)
      n += test (p, x, y);
  return n;
}

/* A disputed event: a marker at each date, linked by a dashed line, and
 * the legend saying so, whole even in a phone-sized window. */
static void
test_disputed_link_and_legend (void)
{
  const int widths[] = { 1000, 300 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autoptr(GListModel) events = disputed_event ();
      GtkWidget *timeline = tally_timeline_new ();
      GtkWindow *window;
      g_autoptr(GdkTexture) texture = NULL;
      Pixels pixels;
      double xa, xb, y;
      guint dashes = 0, gaps = 0;

      tally_timeline_set_model (TALLY_TIMELINE (timeline), events);
      window = show_in_window (timeline, widths[w], 400);
      texture = render (timeline);
      pixels_init (&pixels, texture);
      g_assert_cmpint (pixels.width, ==, widths[w]);

      g_assert_true (tally_timeline_get_marker_position (TALLY_TIMELINE (timeline), 0, 0, &xa, &y));
      g_assert_true (tally_timeline_get_marker_position (TALLY_TIMELINE (timeline), 0, 1, &xb, &y));
      g_assert_false (tally_timeline_get_marker_position (TALLY_TIMELINE (timeline), 0, 2, &xb, &y));
      g_assert_true (tally_timeline_get_marker_position (TALLY_TIMELINE (timeline), 0, 1, &xb, &y));
      g_assert_cmpfloat (xb - xa, >, 40);
      g_assert_true (is_orange (&pixels, (int) round (xa), (int) round (y)));
      g_assert_true (is_orange (&pixels, (int) round (xb), (int) round (y)));
      for (int x = (int) xa + 10; x < (int) xb - 10; x++)
        {
          if (is_orange (&pixels, x, (int) round (y)))
            dashes++;
          else
            gaps++;
        }
      g_test_message ("width %d: link %u px drawn, %u px gaps", widths[w], dashes, gaps);
      g_assert_cmpuint (dashes, >, (xb - xa) / 4);
      g_assert_cmpuint (gaps, >, (xb - xa) / 4);

      /* The legend, below the lanes: the day swatch (blue) and the disputed
       * one (orange) both inside the widget. */
      g_assert_cmpuint (count_in_rows (&pixels, pixels.height - 90, pixels.height, is_orange), >, 20);
      g_assert_cmpuint (count_in_rows (&pixels, pixels.height - 90, pixels.height, is_blue), >, 20);
      g_free (pixels.data);
      gtk_window_destroy (window);
    }
}

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets a few frames pass (a new style is applied and laid out on the next
 * frame). */
static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (200, set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The most frequent colour of a texture: its background. */
static void
background_of (GdkTexture *texture,
               double      rgb[3])
{
  Pixels pixels;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint best = 0;
  guint32 best_value = 0;

  pixels_init (&pixels, texture);
  for (int y = 0; y < pixels.height; y++)
    for (int x = 0; x < pixels.width; x++)
      {
        guint32 value;
        guint n;

        memcpy (&value, pixels.data + y * pixels.stride + x * 4, 4);
        n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (value))) + 1;
        g_hash_table_insert (counts, GUINT_TO_POINTER (value), GUINT_TO_POINTER (n));
        if (n > best)
          {
            best = n;
            best_value = value;
          }
      }
  memcpy (pixels.data, &best_value, 4);
  pixel_at (&pixels, 0, 0, rgb);
  g_free (pixels.data);
}

/* Light and dark: Adwaita's blue and orange for each, and the window
 * background behind an export. */
static void
test_palette_light_dark (void)
{
  g_autoptr(GListModel) events = three_events ();
  g_autoptr(GListModel) disputed = disputed_event ();
  GtkWidget *timeline = tally_timeline_new ();
  GtkWindow *window;
  AdwStyleManager *style = adw_style_manager_get_default ();
  const struct { AdwColorScheme scheme; const char *accent, *disputed, *background; } cases[] = {
    { ADW_COLOR_SCHEME_FORCE_LIGHT, "#1c71d8", "#e66100", "#fafafb" },
    { ADW_COLOR_SCHEME_FORCE_DARK, "#78aeed", "#ffa348", "#222226" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tally-timeline-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "t.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (png);

  g_assert_no_error (error);
  window = show_in_window (timeline, 900, 400);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GdkTexture) exported = NULL;
      Pixels pixels;
      double x, y, rgb[3];
      GdkRGBA background;

      use_color_scheme (cases[c].scheme);
      settle ();
      g_assert_cmpint (adw_style_manager_get_dark (style), ==, cases[c].scheme == ADW_COLOR_SCHEME_FORCE_DARK);

      /* The widget paintable shows what the last frame drew. */
      tally_timeline_set_model (TALLY_TIMELINE (timeline), events);
      settle ();
      texture = render (timeline);
      pixels_init (&pixels, texture);
      g_assert_true (tally_timeline_get_marker_position (TALLY_TIMELINE (timeline), 0, 0, &x, &y));
      assert_colour (&pixels, (int) round (x), (int) round (y), cases[c].accent);
      g_free (pixels.data);

      tally_timeline_set_model (TALLY_TIMELINE (timeline), disputed);
      settle ();
      g_clear_object (&texture);
      texture = render (timeline);
      pixels_init (&pixels, texture);
      g_assert_true (tally_timeline_get_marker_position (TALLY_TIMELINE (timeline), 0, 1, &x, &y));
      assert_colour (&pixels, (int) round (x), (int) round (y), cases[c].disputed);
      g_free (pixels.data);

      g_assert_true (tally_timeline_export (TALLY_TIMELINE (timeline), file, "png", &error));
      g_assert_no_error (error);
      exported = gdk_texture_new_from_filename (png, &error);
      g_assert_no_error (error);
      background_of (exported, rgb);
      g_assert_true (gdk_rgba_parse (&background, cases[c].background));
      g_assert_cmpfloat_with_epsilon (rgb[0], background.red, 0.01);
      g_assert_cmpfloat_with_epsilon (rgb[1], background.green, 0.01);
      g_assert_cmpfloat_with_epsilon (rgb[2], background.blue, 0.01);
    }
  use_color_scheme (ADW_COLOR_SCHEME_DEFAULT);
  g_unlink (png);
  g_rmdir (dir);
  gtk_window_destroy (window);
}

static gpointer
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;   /* the widget keeps it alive */
    }
  return NULL;
}

/* The shortcut bound to `trigger` (as gtk_accelerator_name() writes it). */
static GtkShortcut *
find_shortcut (GtkWidget  *widget,
               const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return shortcut;
        }
    }
  return NULL;
}

static void
assert_binding (GtkWidget  *widget,
                const char *trigger,
                const char *action,
                const char *arguments)
{
  GtkShortcut *shortcut = find_shortcut (widget, trigger);
  g_autofree char *text = NULL;
  g_autofree char *expected = g_strdup_printf ("action(%s)", action);

  g_assert_nonnull (shortcut);
  text = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));
  g_assert_cmpstr (text, ==, expected);
  if (arguments != NULL)
    {
      g_autofree char *args = g_variant_print (gtk_shortcut_get_arguments (shortcut), FALSE);

      g_assert_cmpstr (args, ==, arguments);
    }
}

static void
assert_span (TallyTimeline *timeline,
             double         begin,
             double         end)
{
  double b, e;

  tally_timeline_get_visible_span (timeline, &b, &e);
  g_assert_cmpfloat_with_epsilon (b, begin, 1e-6);
  g_assert_cmpfloat_with_epsilon (e, end, 1e-6);
}

/* Wheel, Ctrl+wheel, drag, pinch and the key bindings, through the
 * widget's own controllers. */
static void
test_input (void)
{
  g_autoptr(GListModel) events = three_events ();
  GtkWidget *widget = tally_timeline_new ();
  TallyTimeline *timeline = TALLY_TIMELINE (widget);
  GtkWindow *window;
  GtkEventController *motion;
  GtkGesture *drag;
  double b0, e0, b, e, d;
  int width;

  tally_timeline_set_model (timeline, events);
  window = show_in_window (widget, 1000, 400);
  width = gtk_widget_get_width (widget);
  tally_timeline_get_visible_span (timeline, &b0, &e0);
  d = e0 - b0;

  /* The scroll controller is there; its handler cannot run without a real
   * event, so the scrolls below go through what it calls. */
  g_assert_nonnull (find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_SCROLL));

  /* Wheel clicks: 60 px each; with Ctrl, 1.2 times closer a click about
   * the pointer (which the motion controller follows). */
  _tally_timeline_scroll (timeline, 0, 1, TRUE, 0);
  assert_span (timeline, b0 + 60.0 / width * d, e0 + 60.0 / width * d);
  tally_timeline_set_visible_span (timeline, b0, e0);
  motion = find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_assert_nonnull (motion);
  g_signal_emit_by_name (motion, "motion", width / 4.0, 100.0);
  _tally_timeline_scroll (timeline, 0, -1, TRUE, GDK_CONTROL_MASK);
  {
    double anchor = b0 + d / 4;

    assert_span (timeline, anchor - d / 1.2 / 4, anchor + d / 1.2 * 3 / 4);
  }
  _tally_timeline_scroll (timeline, 0, 1, TRUE, GDK_CONTROL_MASK);
  assert_span (timeline, b0, e0);
  /* Smooth scrolling with Ctrl: 20 px of it is one click. */
  _tally_timeline_scroll (timeline, 0, -20, FALSE, GDK_CONTROL_MASK);
  tally_timeline_get_visible_span (timeline, &b, &e);
  g_assert_cmpfloat_with_epsilon (e - b, d / 1.2, 1e-6);
  tally_timeline_set_visible_span (timeline, b0, e0);

  /* Dragging 90 px to the left shows 90 px later. */
  drag = find_controller (widget, GTK_TYPE_GESTURE_DRAG);
  g_assert_nonnull (drag);
  g_signal_emit_by_name (drag, "drag-begin", 500.0, 200.0);
  g_signal_emit_by_name (drag, "drag-update", -45.0, 3.0);
  g_signal_emit_by_name (drag, "drag-update", -90.0, 5.0);
  assert_span (timeline, b0 + 90.0 / width * d, e0 + 90.0 / width * d);
  tally_timeline_set_visible_span (timeline, b0, e0);

  /* Pinching to twice the size about the middle halves the days in view,
   * keeping the middle. */
  g_assert_nonnull (find_controller (widget, GTK_TYPE_GESTURE_ZOOM));
  _tally_timeline_pinch_begin (timeline, width / 2.0);
  _tally_timeline_pinch (timeline, 1.5);
  _tally_timeline_pinch (timeline, 2.0);
  assert_span (timeline, b0 + d / 4, e0 - d / 4);
  tally_timeline_set_visible_span (timeline, b0, e0);

  /* Keys. */
  assert_binding (widget, "plus", "timeline.zoom-in", NULL);
  assert_binding (widget, "equal", "timeline.zoom-in", NULL);
  assert_binding (widget, "KP_Add", "timeline.zoom-in", NULL);
  assert_binding (widget, "minus", "timeline.zoom-out", NULL);
  assert_binding (widget, "KP_Subtract", "timeline.zoom-out", NULL);
  assert_binding (widget, "0", "timeline.zoom-fit", NULL);
  assert_binding (widget, "Home", "timeline.zoom-fit", NULL);
  assert_binding (widget, "Left", "timeline.pan", "-1");
  assert_binding (widget, "Right", "timeline.pan", "1");
  assert_binding (widget, "Return", "timeline.activate", NULL);
  assert_binding (widget, "space", "timeline.activate", NULL);
  {
    GtkShortcut *minus = find_shortcut (widget, "minus");

    g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (minus), 0, widget,
                                                 gtk_shortcut_get_arguments (minus)));
    tally_timeline_get_visible_span (timeline, &b, &e);
    g_assert_cmpfloat_with_epsilon (e - b, d * 1.5, 1e-6);
  }
  gtk_window_destroy (window);
}

/* Events found again keep the analyst's zoom, unless every event was in
 * view: then the new ones are shown too. */
static void
test_refresh_keeps_zoom (void)
{
  g_autoptr(GListModel) three = three_events ();
  g_autoptr(GListStore) store = g_list_store_new (TALLY_TYPE_EVENT);
  g_autoptr(GPtrArray) later = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_event_record_free);
  g_autoptr(GListModel) later_events = NULL;
  GtkWidget *widget = tally_timeline_new ();
  TallyTimeline *timeline = TALLY_TIMELINE (widget);
  GtkWindow *window;
  double b0, e0, b1, e1, x, y;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_ptr_array_add (later, make_record ("Much later", TALLY_EVENT_PRECISION_DAY, "2031-05-01", NULL));
  g_ptr_array_add (later, make_record ("Later still", TALLY_EVENT_PRECISION_DAY, "2035-05-01", NULL));
  later_events = tally_event_list_new (later);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TallyEvent) event = g_list_model_get_item (three, i);

      g_list_store_append (store, event);
    }
  tally_timeline_set_model (timeline, G_LIST_MODEL (store));
  window = show_in_window (widget, 1000, 400);
  tally_timeline_zoom (timeline, 3, 300);
  tally_timeline_get_visible_span (timeline, &b0, &e0);
  {
    g_autoptr(TallyEvent) event = g_list_model_get_item (three, 2);

    g_list_store_append (store, event);
  }
  assert_span (timeline, b0, e0);

  /* Back to the whole; what comes next is brought into view. */
  tally_timeline_zoom_to_fit (timeline);
  tally_timeline_get_visible_span (timeline, &b1, &e1);
  {
    g_autoptr(TallyEvent) event = g_list_model_get_item (later_events, 0);

    g_list_store_append (store, event);
  }
  g_assert_true (tally_timeline_get_marker_position (timeline, 3, 0, &x, &y));
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (widget));
  tally_timeline_get_visible_span (timeline, &b0, &e0);
  g_assert_cmpfloat (e0, >, e1);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  gtk_window_destroy (window);
}

/* Zoom to fit leaves room after the last events for their labels, and
 * keeps showing every event when the window is resized. */
static void
test_fit_leaves_room_for_labels (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_event_record_free);
  g_autoptr(GListModel) events = NULL;
  const char *long_label = "A late event whose label would run off the right edge";
  GtkWidget *widget = tally_timeline_new ();
  TallyTimeline *timeline = TALLY_TIMELINE (widget);
  GtkWindow *window;
  g_autoptr(PangoLayout) layout = NULL;
  int label_width;

  g_ptr_array_add (records, make_record ("Early", TALLY_EVENT_PRECISION_DAY, "2016-03-01", NULL));
  g_ptr_array_add (records, make_record (long_label, TALLY_EVENT_PRECISION_DAY, "2024-10-01", NULL));
  events = tally_event_list_new (records);
  tally_timeline_set_model (timeline, events);
  window = show_in_window (widget, 800, 300);
  layout = gtk_widget_create_pango_layout (widget, long_label);
  pango_layout_get_pixel_size (layout, &label_width, NULL);
  g_assert_cmpint (label_width, >, 200);

  for (guint round = 0; round < 2; round++)
    {
      int width = gtk_widget_get_width (widget);
      double x, y, label_end;

      g_assert_true (tally_timeline_get_marker_position (timeline, 1, 0, &x, &y));
      /* The label starts a marker's radius (6 px) left of its day and keeps
       * 4 px from the edge: exactly so, since the end moved only for it. */
      label_end = x - 6 + label_width;
      g_test_message ("%d px: the label ends at %.1f", width, label_end);
      g_assert_cmpfloat_with_epsilon (label_end, width - 4, 1e-6);

      if (round > 0)
        break;
      gtk_window_set_default_size (window, 1200, 300);
      for (guint i = 0; i < 2000 && gtk_widget_get_width (widget) == width; i++)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (gtk_widget_get_width (widget), >, width);
    }
  gtk_window_destroy (window);
}

/* The visible labels under `widget`, depth first: the order people read. */
static void
append_label_texts (GtkWidget *widget,
                    GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    append_label_texts (c, out);
}

static GtkWidget *
find_popover (GtkWidget *timeline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (timeline); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;
  return NULL;
}

static void
on_mention_activated (TallyTimeline *timeline,
                      const char    *document,
                      guint          start,
                      guint          end,
                      GString       *got)
{
  g_string_append_printf (got, "%s %u %u;", document, start, end);
}

/* The popover lists the dates each source gives and every mention (outlet
 * and sentence); a mention's button asks for its document at its place. */
static void
test_popover_contents (void)
{
  g_autoptr(GListModel) events = disputed_event ();
  GtkWidget *widget = tally_timeline_new ();
  TallyTimeline *timeline = TALLY_TIMELINE (widget);
  GtkWindow *window;
  GtkWidget *popover;
  GtkWidget *list;
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autoptr(GString) got = g_string_new (NULL);

  tally_timeline_set_model (timeline, events);
  tally_timeline_set_document_name (timeline, "d1", "North Post");
  tally_timeline_set_document_name (timeline, "d2", "Steppe Daily");
  tally_timeline_set_document_name (timeline, "d3", "Harbour Times");
  g_signal_connect (timeline, "mention-activated", G_CALLBACK (on_mention_activated), got);
  window = show_in_window (widget, 900, 400);
  tally_timeline_set_focus_index (timeline, 0);
  tally_timeline_activate_focus (timeline);
  popover = find_popover (widget);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  list = mentions_list (popover);

  /* The labels in reading order. */
  append_label_texts (gtk_popover_get_child (GTK_POPOVER (popover)), texts);
  g_test_message ("%s", texts->str);
  g_assert_cmpstr (texts->str, ==,
                   "Disputed Summit\n"
                   "Rename…\n"
                   "1 March 2018 · Aktau\n"
                   "Sources disagree on the date\n"
                   "1 March 2018 — sources North Post, Steppe Daily\n"
                   "1 September 2022 — source Harbour Times\n"
                   "Mentioned in\n"
                   "North Post\n"
                   "A sentence.\n"
                   "Steppe Daily\n"
                   "The summit was held on 1 March 2018.\n"
                   "Harbour Times\n"
                   "The summit took place in September 2022.\n");

  g_signal_emit_by_name (list, "activate", 2);
  g_assert_cmpstr (got->str, ==, "d3 40 95;");
  g_assert_false (gtk_widget_get_visible (popover));
  gtk_window_destroy (window);
}

/* Events found again while the popover is open (an import goes on) free the
 * old events; the popover's buttons still point at their mentions. */
static void
test_popover_outlives_model (void)
{
  g_autoptr(GListModel) events = disputed_event ();
  g_autoptr(GListModel) others = three_events ();
  GtkWidget *widget = tally_timeline_new ();
  TallyTimeline *timeline = TALLY_TIMELINE (widget);
  GtkWindow *window;
  GtkWidget *popover;
  GtkWidget *list;
  g_autoptr(GString) got = g_string_new (NULL);

  tally_timeline_set_model (timeline, events);
  g_signal_connect (timeline, "mention-activated", G_CALLBACK (on_mention_activated), got);
  window = show_in_window (widget, 900, 400);
  tally_timeline_set_focus_index (timeline, 0);
  tally_timeline_activate_focus (timeline);
  popover = find_popover (widget);
  g_assert_nonnull (popover);
  list = mentions_list (popover);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==, 3);

  tally_timeline_set_model (timeline, others);
  g_clear_object (&events);
  g_signal_emit_by_name (list, "activate", 2);
  g_assert_cmpstr (got->str, ==, "d3 40 95;");
  gtk_window_destroy (window);
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  g_autoptr(GPtrArray) buttons = find_widgets (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

/* The header's zoom buttons and the list of the same events that screen
 * readers read; activating a row opens its event on the timeline. */
static void
test_view_buttons_and_list (void)
{
  g_autoptr(GListModel) events = three_events ();
  TallyTimelineView *view = g_object_new (TALLY_TYPE_TIMELINE_VIEW, NULL);
  TallyTimeline *timeline = tally_timeline_view_get_timeline (view);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) toggles = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  GtkListView *list;
  GtkToggleButton *toggle;
  double b0, e0, b, e;
  guint rows = 0;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_set_default_size (window, 900, 500);
  gtk_window_set_child (window, GTK_WIDGET (view));
  tally_timeline_view_set_events (view, events);
  gtk_window_present (window);
  wait_for_size (GTK_WIDGET (timeline));
  tally_timeline_get_visible_span (timeline, &b0, &e0);

  g_signal_emit_by_name (find_action_button (GTK_WIDGET (view), "timeline-view.zoom-in"), "clicked");
  tally_timeline_get_visible_span (timeline, &b, &e);
  g_assert_cmpfloat_with_epsilon (e - b, (e0 - b0) / 1.5, 1e-6);
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (view), "timeline-view.zoom-out"), "clicked");
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (view), "timeline-view.zoom-out"), "clicked");
  tally_timeline_get_visible_span (timeline, &b, &e);
  g_assert_cmpfloat_with_epsilon (e - b, (e0 - b0) * 1.5, 1e-6);
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (view), "timeline-view.zoom-fit"), "clicked");
  assert_span (timeline, b0, e0);

  /* The list: one row per event, reading what the accessible text says. */
  toggles = find_widgets (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON);
  toggle = NULL;
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (g_ptr_array_index (toggles, i)), "view-list-symbolic") == 0)
      toggle = g_ptr_array_index (toggles, i);
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (toggle, TRUE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  /* (The drop-downs hold list views of their own.) */
  lists = find_widgets (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW);
  list = NULL;
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (lists, i), "navigation-sidebar"))
      list = g_ptr_array_index (lists, i);
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 3);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  labels = find_widgets (GTK_WIDGET (list), GTK_TYPE_LABEL);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TallyEvent) event = g_list_model_get_item (events, i);
      g_autofree char *text = tally_event_dup_accessible_text (event);

      for (guint k = 0; k < labels->len; k++)
        if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, k)), text) == 0)
          rows++;
    }
  g_assert_cmpuint (rows, ==, 3);

  g_signal_emit_by_name (list, "activate", 2u);
  g_assert_false (gtk_toggle_button_get_active (toggle));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  g_assert_cmpint (tally_timeline_get_focus_index (timeline), ==, 2);
  g_assert_true (gtk_widget_get_visible (find_popover (GTK_WIDGET (timeline))));
  gtk_popover_popdown (GTK_POPOVER (find_popover (GTK_WIDGET (timeline))));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  gtk_window_destroy (window);
}

/* Counts the elements of an SVG file and reads its root's size; GMarkup
 * fails on anything that is not well-formed XML. */
typedef struct
{
  guint elements;
  char *root;
  char *width;
  char *height;
  guint texts;    /* glyphs cairo drew for the labels */
} SvgInfo;

static void
svg_start (GMarkupParseContext *context,
           const char          *name,
           const char         **attribute_names,
           const char         **attribute_values,
           gpointer             user_data,
           GError             **error)
{
  SvgInfo *info = user_data;

  if (info->elements++ == 0)
    {
      info->root = g_strdup (name);
      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (g_str_equal (attribute_names[i], "width"))
          info->width = g_strdup (attribute_values[i]);
        else if (g_str_equal (attribute_names[i], "height"))
          info->height = g_strdup (attribute_values[i]);
    }
  if (g_str_equal (name, "use"))
    info->texts++;
}

static void
test_export (void)
{
  g_autoptr(GListModel) events = disputed_event ();
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
  g_autofree char *size = NULL;
  gsize length;
  const GMarkupParser parser = { svg_start, NULL, NULL, NULL, NULL };
  GMarkupParseContext *context;
  SvgInfo info = { 0 };
  Pixels pixels;
  double x, y;

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

  /* The PNG: what is visible, on the window background, with both dates
   * of the disputed event in orange. */
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (timeline));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (timeline));
  pixels_init (&pixels, texture);
  for (guint a = 0; a < 2; a++)
    {
      g_assert_true (tally_timeline_get_marker_position (TALLY_TIMELINE (timeline), 0, a, &x, &y));
      g_assert_true (is_orange (&pixels, (int) round (x), (int) round (y)));
    }
  g_assert_cmpfloat (alpha_at (&pixels, 1, pixels.height / 2), ==, 1.0);
  g_assert_cmpuint (count_in_rows (&pixels, 0, pixels.height, is_orange), >, 200);
  g_free (pixels.data);

  /* The SVG: well-formed, sized in pixels like the view, with shapes and
   * the labels' glyphs. */
  g_assert_true (g_file_get_contents (svg, &contents, &length, &error));
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, 0, &info, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  g_assert_cmpstr (info.root, ==, "svg");
  size = g_strdup_printf ("%dpx", gtk_widget_get_width (timeline));
  g_assert_cmpstr (info.width, ==, size);
  g_free (size);
  size = g_strdup_printf ("%dpx", gtk_widget_get_height (timeline));
  g_assert_cmpstr (info.height, ==, size);
  g_test_message ("SVG: %u elements, %u glyphs", info.elements, info.texts);
  g_assert_cmpuint (info.elements, >, 50);
  /* "Disputed Summit", the axis years and the legend. */
  g_assert_cmpuint (info.texts, >, 60);
  g_free (info.root);
  g_free (info.width);
  g_free (info.height);

  /* … and it draws what the PNG shows (librsvg, through gdk-pixbuf). */
  g_clear_object (&texture);
  texture = gdk_texture_new_from_filename (svg, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (timeline));
  pixels_init (&pixels, texture);
  for (guint a = 0; a < 2; a++)
    {
      g_assert_true (tally_timeline_get_marker_position (TALLY_TIMELINE (timeline), 0, a, &x, &y));
      g_assert_true (is_orange (&pixels, (int) round (x), (int) round (y)));
    }
  g_assert_cmpuint (count_in_rows (&pixels, 0, pixels.height, is_orange), >, 200);
  g_free (pixels.data);

  g_unlink (png);
  g_unlink (svg);
  g_rmdir (dir);
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

/* An act done at a gathering: the popover's date line says which gathering
 * (its date and place are the gathering's). */
static void
test_popover_at_event (void)
{
  TallyEventRecord *r = make_record ("Accord on shared fish stocks", TALLY_EVENT_PRECISION_DAY, "2031-05-03", NULL);
  g_autoptr(TallyEvent) event = NULL;
  GtkWidget *popover = tally_event_popover_new ();
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GPtrArray) labels = NULL;
  gboolean found = FALSE;
  const char *dir = g_getenv ("TALLY_TIMELINE_SHOTS");

  /* Only the date line is looked at here (mention rows need a timeline). */
  g_ptr_array_set_size (r->mentions, 0);
  r->kind = TALLY_EVENT_KIND_AGREEMENT;
  r->place = g_strdup ("Kuopio");
  r->at_event = g_strdup ("e1");
  r->at_event_label = g_strdup ("Fourth Lakes Summit");
  event = tally_event_new (r);
  tally_event_popover_set_event (TALLY_EVENT_POPOVER (popover), event, NULL);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("anchor"));
  gtk_widget_set_parent (popover, gtk_window_get_child (GTK_WINDOW (window)));
  gtk_window_present (GTK_WINDOW (window));
  gtk_popover_popup (GTK_POPOVER (popover));
  for (guint i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);
  labels = find_widgets (gtk_popover_get_child (GTK_POPOVER (popover)), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_label (g_ptr_array_index (labels, i));

      if (strstr (text, "Kuopio") != NULL)
        {
          g_assert_nonnull (strstr (text, "at the Fourth Lakes Summit"));
          found = TRUE;
        }
    }
  g_assert_true (found);
  if (dir != NULL)
    shoot (popover, dir, "timeline-popover-at-event.png");
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_unparent (popover);
  gtk_window_destroy (GTK_WINDOW (window));
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

  /* Its popover, correctable (as with a project): enabled buttons. */
  {
    GtkWidget *popover;

    tally_timeline_set_correctable (timeline, TRUE);
    tally_timeline_activate_focus (timeline);
    popover = find_popover (GTK_WIDGET (timeline));
    g_assert_nonnull (popover);
    mentions_list (popover);
    shoot (popover, dir, "timeline-popover.png");
    gtk_popover_popdown (GTK_POPOVER (popover));
    tally_timeline_set_correctable (timeline, FALSE);
  }

  use_color_scheme (ADW_COLOR_SCHEME_FORCE_DARK);
  tally_timeline_zoom_to_fit (timeline);
  for (guint i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (300000);
  for (guint i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);
  shoot (GTK_WIDGET (window), dir, "timeline-dark.png");
  use_color_scheme (ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  style_css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style_css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  style_dark_css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style_dark_css, RESOURCE_BASE "/style-dark.css");

  g_test_add_func ("/ui/timeline/render-markers", test_render_markers);
  g_test_add_func ("/ui/timeline/keyboard", test_keyboard);
  g_test_add_func ("/ui/timeline/accessible-events", test_accessible_events);
  g_test_add_func ("/ui/timeline/disputed-popover", test_disputed_text_and_popover);
  g_test_add_func ("/ui/timeline/zoom-to-fit-motion", test_zoom_to_fit_motion);
  g_test_add_func ("/ui/timeline/export", test_export);
  g_test_add_func ("/ui/timeline/view-filters", test_view_filters);
  g_test_add_func ("/ui/timeline/year-span", test_year_span);
  g_test_add_func ("/ui/timeline/disputed-link-and-legend", test_disputed_link_and_legend);
  g_test_add_func ("/ui/timeline/palette-light-dark", test_palette_light_dark);
  g_test_add_func ("/ui/timeline/input", test_input);
  g_test_add_func ("/ui/timeline/refresh-keeps-zoom", test_refresh_keeps_zoom);
  g_test_add_func ("/ui/timeline/fit-leaves-room-for-labels", test_fit_leaves_room_for_labels);
  g_test_add_func ("/ui/timeline/popover-contents", test_popover_contents);
  g_test_add_func ("/ui/timeline/popover-outlives-model", test_popover_outlives_model);
  g_test_add_func ("/ui/timeline/view-buttons-and-list", test_view_buttons_and_list);
  g_test_add_func ("/ui/timeline/format-date", test_format_date);
  g_test_add_func ("/ui/timeline/finalize", test_finalize);
  g_test_add_func ("/ui/timeline/popover-at-event", test_popover_at_event);
  g_test_add_func ("/ui/timeline/screenshots", test_screenshots);

  return g_test_run ();
}
