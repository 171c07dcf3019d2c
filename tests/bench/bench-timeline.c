/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The timeline with 2,000 generated events under Xvfb, drawn with GSK's
 * cairo renderer (the one the tests use): frame times while panning (a
 * frame = pan + snapshot + render to a texture) at two zooms, and
 * zoom-to-fit from a zoomed-in view (reduced motion, so it is immediate),
 * with and without its first frame. Prints the figures.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "tally-event.h"
#include "tally-timeline.h"

#define N_EVENTS 2000
#define WIDTH    1400
#define HEIGHT   640

static const char *nouns[] = { "Summit", "Forum", "Conference", "Agreement", "Declaration", "Visit", "Plan" };
static const char *names[] = { "Northern Lakes", "Amber Coast", "Steppe Rail", "Harbour Cities", "Caspian Ports",
                               "Baltic Energy", "River Basin" };

static GListModel *
generate_events (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_event_record_free);
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, 1, 1996);
  for (guint i = 0; i < N_EVENTS; i++)
    {
      TallyEventRecord *r = tally_event_record_new ();
      guint32 first = g_date_get_julian (&start) + g_rand_int_range (rand, 0, 30 * 365);
      int kind = g_rand_int_range (rand, 0, 100);
      guint n_mentions = g_rand_int_range (rand, 1, 4);

      r->id = g_strdup_printf ("e%u", i + 1);
      r->label = g_strdup_printf ("%u%s %s %s", i % 20 + 1, i % 20 == 0 ? "st" : i % 20 == 1 ? "nd" : "th",
                                  names[i % G_N_ELEMENTS (names)], nouns[g_rand_int_range (rand, 0, G_N_ELEMENTS (nouns))]);
      r->kind = TALLY_EVENT_KIND_SUMMIT;
      r->first_day = r->last_day = first;
      r->precision = TALLY_EVENT_PRECISION_DAY;
      if (kind >= 60 && kind < 80)
        {
          r->precision = TALLY_EVENT_PRECISION_MONTH;
          r->last_day = first + 29;
        }
      else if (kind >= 80 && kind < 95)
        {
          r->precision = TALLY_EVENT_PRECISION_YEAR;
          r->last_day = first + 364;
        }
      else if (kind >= 95)
        {
          r->precision = TALLY_EVENT_PRECISION_RANGE;
          r->last_day = first + g_rand_int_range (rand, 1, 700);
        }
      r->date = g_strdup ("2000-01-01");
      r->planned = g_rand_int_range (rand, 0, 10) == 0;
      r->disputed = g_rand_int_range (rand, 0, 20) == 0;
      for (guint a = 0; a < (r->disputed ? 2u : 1u); a++)
        {
          TallyEventAlternative *alt = tally_event_alternative_new ();

          alt->first_day = r->first_day + a * 400;
          alt->last_day = r->last_day + a * 400;
          alt->date = g_strdup ("2000");
          g_ptr_array_add (alt->documents, g_strdup_printf ("d%u", a + 1));
          g_ptr_array_add (r->alternatives, alt);
        }
      for (guint m = 0; m < n_mentions; m++)
        {
          TallyEventMention *mention = tally_event_mention_new ();

          mention->document = g_strdup_printf ("d%u", m + 1);
          mention->text = g_strdup ("A generated sentence.");
          g_ptr_array_add (r->mentions, mention);
        }
      g_ptr_array_add (records, r);
    }
  return tally_event_list_new (records);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double snapshot_us;

static void
draw_frame (GtkWidget   *widget,
            GskRenderer *renderer)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  /* The widget's own snapshot (what GTK calls each frame), then GSK. */
  double t0 = g_get_monotonic_time ();

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    g_error ("the timeline drew nothing");
  snapshot_us += g_get_monotonic_time () - t0;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *times)
{
  double sum = 0;

  g_array_sort (times, compare_double);
  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);
  g_print ("%-34s n=%-4u mean %6.2f ms  median %6.2f ms  p95 %6.2f ms  max %6.2f ms  (%.0f fps at the mean)\n",
           what, times->len, sum / times->len, g_array_index (times, double, times->len / 2),
           g_array_index (times, double, (guint) (times->len * 0.95)), g_array_index (times, double, times->len - 1),
           1000.0 / (sum / times->len));
}

static void
pan_frames (GtkWidget   *timeline,
            GskRenderer *renderer,
            const char  *what)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  snapshot_us = 0;
  for (guint frame = 0; frame < 240; frame++)
    {
      double t0 = now_ms ();

      tally_timeline_pan (TALLY_TIMELINE (timeline), frame < 120 ? 6 : -6);
      draw_frame (timeline, renderer);
      {
        double t = now_ms () - t0;
        g_array_append_val (times, t);
      }
    }
  report (what, times);
  g_print ("%-34s snapshot (building render nodes) %.2f ms a frame; the rest is GSK rendering\n", "",
           snapshot_us / 1000.0 / times->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) fit_only = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fit_frame = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *timeline;
  GtkWindow *window;
  double t0, begin, end;

  gtk_init ();
  adw_init ();
  /* Reduced motion: zoom-to-fit lands at once, so it can be timed. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  t0 = now_ms ();
  events = generate_events ();
  g_print ("generated %u events in %.1f ms\n", g_list_model_get_n_items (events), now_ms () - t0);

  timeline = tally_timeline_new ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  gtk_window_set_child (window, timeline);
  gtk_window_present (window);
  while (gtk_widget_get_width (timeline) == 0 || !gtk_widget_get_mapped (timeline))
    g_main_context_iteration (NULL, TRUE);

  t0 = now_ms ();
  tally_timeline_set_model (TALLY_TIMELINE (timeline), events);
  g_print ("set model (labels measured) in %.1f ms\n", now_ms () - t0);
  if (!gsk_renderer_realize (renderer, NULL, &error))
    g_error ("cannot realize the cairo renderer: %s", error->message);

  t0 = now_ms ();
  draw_frame (timeline, renderer);
  g_print ("first frame (lanes for 2,000 events) in %.1f ms\n", now_ms () - t0);

  pan_frames (timeline, renderer, "pan, all 30 years in view");
  tally_timeline_get_visible_span (TALLY_TIMELINE (timeline), &begin, &end);
  tally_timeline_set_visible_span (TALLY_TIMELINE (timeline), begin + (end - begin) * 0.45,
                                   begin + (end - begin) * 0.45 + 365);
  draw_frame (timeline, renderer);
  pan_frames (timeline, renderer, "pan, one year in view");

  for (guint i = 0; i < 20; i++)
    {
      double t;

      tally_timeline_zoom (TALLY_TIMELINE (timeline), 20 + i, 100 + 50 * i);
      draw_frame (timeline, renderer);
      t0 = now_ms ();
      tally_timeline_zoom_to_fit (TALLY_TIMELINE (timeline));
      t = now_ms () - t0;
      g_array_append_val (fit_only, t);
      draw_frame (timeline, renderer);
      t = now_ms () - t0;
      g_array_append_val (fit_frame, t);
    }
  report ("zoom-to-fit (span only)", fit_only);
  report ("zoom-to-fit + its first frame", fit_frame);

  gsk_renderer_unrealize (renderer);
  gtk_window_destroy (window);
  return 0;
}
