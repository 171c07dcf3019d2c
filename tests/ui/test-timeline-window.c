/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Timeline view inside Tally's window: the samples imported into a
 * project come out as events, and a mention chosen in an event's popover
 * opens the Documents view at that article; a source left out of an event
 * ends its dispute, and Undo brings it back.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tally-application.h"
#include "tally-documents-view.h"
#include "tally-reader.h"
#include "tally-event.h"
#include "tally-timeline-view.h"
#include "tally-window.h"
#include "ui-test.h"

static TallyApplication *app;

/* Waits until the view has found the events of what the project holds. */
static GListModel *
wait_for_events (TallyWindow       *window,
                 TallyTimelineView *view)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while ((tally_window_get_busy (window) || tally_timeline_view_get_busy (view)
          || tally_timeline_view_get_events (view) == NULL)
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (tally_timeline_view_get_busy (view));
  return tally_timeline_view_get_events (view);
}

/* Every event's label and dates, one line each. */
static char *
dates_of (GListModel *events)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TallyEvent) event = g_list_model_get_item (events, i);
      g_autofree char *text = tally_event_dup_accessible_text (event);

      g_string_append_printf (s, "%s\n", text);
    }
  return g_string_free (s, FALSE);
}

static TallyEvent *
find_event (GListModel *events,
            const char *label_start)
{
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TallyEvent) event = g_list_model_get_item (events, i);

      if (g_str_has_prefix (tally_event_get_label (event), label_start))
        return g_steal_pointer (&event);
    }
  return NULL;
}

static void
test_project_events_and_mention (void)
{
  TallyWindow *window = g_object_ref_sink (tally_window_new (app));
  g_autofree char *samples_path = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  g_autoptr(GFile) samples = g_file_new_for_path (samples_path);
  TallyTimelineView *view;
  TallyTimeline *timeline;
  GListModel *events;
  g_autoptr(TallyEvent) first = NULL;
  g_autoptr(TallyEvent) ministers = NULL;
  const TallyEventMention *mention;
  TallyDocumentsView *documents;
  TallyDocument *selected;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *chosen = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TallyDocument *redated;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  tally_window_open_files (window, &samples, 1);
  view = TALLY_TIMELINE_VIEW (tally_window_get_view (window, "timeline"));
  timeline = tally_timeline_view_get_timeline (view);

  /* Import, then the finder's worker thread. */
  events = wait_for_events (window, view);
  g_assert_nonnull (events);
  /* The ten of tests/data/samples/events.json, or more as the finder learns. */
  g_assert_cmpuint (g_list_model_get_n_items (events), >=, 10);

  first = g_list_model_get_item (events, 0);
  g_assert_cmpstr (tally_event_get_label (first), ==, "First Baltic–Caspian Connectivity Summit");
  g_assert_true (tally_event_get_disputed (first));

  /* What the popover's mention button does: the article, at the sentence. */
  mention = g_ptr_array_index (tally_event_get_record (first)->mentions, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");
  g_signal_emit_by_name (timeline, "mention-activated", mention->document, (guint) mention->start,
                         (guint) mention->end);
  g_assert_cmpstr (tally_window_get_visible_view (window), ==, "documents");
  documents = TALLY_DOCUMENTS_VIEW (tally_window_get_view (window, "documents"));
  /* The article is read in a worker; the sentence is selected when it arrives. */
  while (tally_documents_view_get_busy (documents))
    g_main_context_iteration (NULL, TRUE);
  selected = tally_documents_view_get_selected (documents);
  g_assert_nonnull (selected);
  g_assert_cmpint (tally_document_get_id (TALLY_DOCUMENT (selected)).value, ==,
                   tally_document_id_from_key (mention->document).value);
  buffer = tally_reader_get_buffer (tally_documents_view_get_reader (documents));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  chosen = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (chosen, ==, mention->text);

  /* A corrected publication date moves "in April" with it: the events are
   * found again. */
  ministers = find_event (events, "Foreign ministers");
  g_assert_nonnull (ministers);
  mention = g_ptr_array_index (tally_event_get_record (ministers)->mentions, 0);
  redated = tally_project_lookup_document (tally_window_get_project (window),
                                           tally_document_id_from_key (mention->document));
  g_assert_nonnull (redated);
  before = dates_of (events);
  g_assert_true (tally_project_set_document_field (tally_window_get_project (window), redated, "published",
                                                   "2031-01-15", &error));
  g_assert_no_error (error);
  g_assert_true (tally_timeline_view_get_busy (view));
  events = wait_for_events (window, view);
  after = dates_of (events);
  g_test_message ("after the new date:\n%s", after);
  g_assert_cmpstr (before, !=, after);

  /* A renamed outlet is what the popovers and the sources filter call it. */
  {
    g_autofree char *id = tally_document_id_to_key (tally_document_get_id (redated));

    g_assert_cmpstr (tally_timeline_get_document_name (timeline, id), !=, "Renamed Gazette");
    g_assert_true (tally_project_set_document_field (tally_window_get_project (window), redated, "outlet",
                                                     "Renamed Gazette", &error));
    g_assert_no_error (error);
    g_assert_true (tally_timeline_view_get_busy (view));
    wait_for_events (window, view);
    g_assert_cmpstr (tally_timeline_get_document_name (timeline, id), ==, "Renamed Gazette");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* The popover's button with `action` and `target`, found under `widget`. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action,
                    GVariant   *target)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0
      && (target == NULL || g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), target)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action, target);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *first_summit = "First Baltic–Caspian Connectivity Summit";

static void
test_leave_out_and_rename (void)
{
  TallyWindow *window = g_object_ref_sink (tally_window_new (app));
  g_autofree char *samples_path = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  g_autoptr(GFile) samples = g_file_new_for_path (samples_path);
  TallyTimelineView *view;
  TallyTimeline *timeline;
  GListModel *events;
  g_autoptr(TallyEvent) event = NULL;
  const TallyEventRecord *r;
  const TallyEventAlternative *odd;
  const TallyEventMention *wrong = NULL;
  g_autoptr(GVariant) target = NULL;
  GtkWidget *button;
  g_autofree char *wrong_document = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  tally_window_open_files (window, &samples, 1);
  view = TALLY_TIMELINE_VIEW (tally_window_get_view (window, "timeline"));
  timeline = tally_timeline_view_get_timeline (view);
  events = wait_for_events (window, view);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");

  /* The one source whose date differs from the others'. */
  event = find_event (events, first_summit);
  g_assert_nonnull (event);
  g_assert_true (tally_event_get_disputed (event));
  r = tally_event_get_record (event);
  g_assert_cmpuint (r->alternatives->len, ==, 2);
  odd = g_ptr_array_index (r->alternatives, 1);
  g_assert_cmpuint (odd->documents->len, ==, 1);
  for (guint m = 0; m < r->mentions->len; m++)
    {
      const TallyEventMention *mention = g_ptr_array_index (r->mentions, m);

      if (g_strcmp0 (mention->document, g_ptr_array_index (odd->documents, 0)) == 0
          && g_strcmp0 (mention->date, odd->date) == 0)
        wrong = mention;
    }
  g_assert_nonnull (wrong);
  wrong_document = g_strdup (wrong->document);

  /* Its popover has the buttons; "Not about this event" on that mention. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  for (guint i = 0; i < g_list_model_get_n_items (tally_timeline_get_model (timeline)); i++)
    {
      g_autoptr(TallyEvent) item = g_list_model_get_item (tally_timeline_get_model (timeline), i);

      if (item == event)
        tally_timeline_set_focus_index (timeline, i);
    }
  tally_timeline_activate_focus (timeline);
  target = g_variant_ref_sink (g_variant_new ("(stt)", wrong->document, (guint64) wrong->start, (guint64) wrong->end));
  g_assert_nonnull (find_action_button (GTK_WIDGET (timeline), "event-popover.rename", NULL));
  /* The mentions are a list view: its rows are made on the next frames. */
  for (guint i = 0; i < 2000 && find_action_button (GTK_WIDGET (timeline), "event-popover.leave-out", target) == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  button = find_action_button (GTK_WIDGET (timeline), "event-popover.leave-out", target);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (tally_timeline_view_get_busy (view));
  g_clear_object (&event);

  events = wait_for_events (window, view);
  event = find_event (events, first_summit);
  g_assert_nonnull (event);
  g_assert_false (tally_event_get_disputed (event));
  r = tally_event_get_record (event);
  for (guint m = 0; m < r->mentions->len; m++)
    {
      const TallyEventMention *mention = g_ptr_array_index (r->mentions, m);

      g_assert_false (g_strcmp0 (mention->document, wrong_document) == 0 && mention->start == wrong->start);
    }

  /* Rename (what the dialog's Rename button activates), then Ctrl+Z twice. */
  {
    const TallyEventMention *first = g_ptr_array_index (r->mentions, 0);

    gtk_widget_activate_action (GTK_WIDGET (view), "timeline-view.rename-event", "(stts)", first->document,
                                (guint64) first->start, (guint64) first->end, "Baltic–Caspian Summit I");
  }
  g_clear_object (&event);
  events = wait_for_events (window, view);
  event = find_event (events, "Baltic–Caspian Summit I");
  g_assert_nonnull (event);
  g_assert_false (tally_event_get_disputed (event));
  g_assert_null (find_event (events, first_summit));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (tally_timeline_view_get_busy (view));
  events = wait_for_events (window, view);
  g_clear_object (&event);
  event = find_event (events, first_summit);
  g_assert_nonnull (event);
  g_assert_false (tally_event_get_disputed (event));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  events = wait_for_events (window, view);
  g_clear_object (&event);
  event = find_event (events, first_summit);
  g_assert_nonnull (event);
  g_assert_true (tally_event_get_disputed (event));

  /* Redo: left out again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  events = wait_for_events (window, view);
  g_clear_object (&event);
  event = find_event (events, first_summit);
  g_assert_false (tally_event_get_disputed (event));

  g_clear_object (&event);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ui_test_application_new (&argc, &argv, "test-timeline-window", NULL);

  g_test_add_func ("/ui/timeline-window/project-events-and-mention", test_project_events_and_mention);
  g_test_add_func ("/ui/timeline-window/leave-out-and-rename", test_leave_out_and_rename);

  status = g_test_run ();
  g_clear_pointer (&app, ui_test_application_free);
  return status;
}
