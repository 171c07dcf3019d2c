/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-application.h"
#include <glib/gstdio.h>
#include <string.h>

#include "tally-import-errors-dialog.h"
#include "tally-window-private.h"
#include "tally-window.h"
#include "ui-test.h"

static TallyApplication *app;

static void
wait_until_idle (TallyWindow *window)
{
  TallyFactsView *facts_view = TALLY_FACTS_VIEW (tally_window_get_view (window, "facts"));

  /* Imports run in a worker thread, and so does the grouping of facts after them. */
  while (tally_window_get_busy (window) || tally_facts_view_get_busy (facts_view))
    g_main_context_iteration (NULL, TRUE);
}

static void
on_project_imported (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  TallyImportResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = tally_project_import_finish (TALLY_PROJECT (object), result, &error);
  g_assert_no_error (error);
}

static char *
sample_path (const char *name)
{
  return g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", name, NULL);
}


static void
test_window_views (void)
{
  TallyWindow *window = tally_window_new (app);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/article.txt");
  GFile *files[] = { file };

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_cmpstr (tally_window_get_visible_view (window), ==, "documents");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "facts"));
  g_assert_cmpstr (tally_window_get_visible_view (window), ==, "facts");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline"));
  g_assert_cmpstr (tally_window_get_visible_view (window), ==, "timeline");

  /* Opening files brings the Documents view forward. */
  tally_window_open_files (window, files, 1);
  g_assert_cmpstr (tally_window_get_visible_view (window), ==, "documents");
  wait_until_idle (window);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static gboolean
window_class_has_action (const char *name)
{
  GtkWidgetClass *klass = g_type_class_peek (TALLY_TYPE_WINDOW);
  GType owner;
  const char *action_name;
  const GVariantType *parameter_type;
  const char *property_name;
  guint i = 0;

  /* gtk_widget_class_query_action() fills every out-argument unconditionally. */
  while (gtk_widget_class_query_action (klass, i++, &owner, &action_name, &parameter_type, &property_name))
    if (g_strcmp0 (action_name, name) == 0)
      return TRUE;
  return FALSE;
}

static void
test_window_actions (void)
{
  TallyWindow *window = tally_window_new (app);

  g_object_ref_sink (window);
  g_assert_true (window_class_has_action ("win.open"));
  g_assert_true (window_class_has_action ("win.show-view"));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "new-window"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_window_shortcuts (void)
{
  g_auto(GStrv) open_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.open");
  g_auto(GStrv) help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.shortcuts");
  g_auto(GStrv) quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");

  g_assert_cmpstr (open_accels[0], ==, "<Control>o");
  g_assert_true (g_strv_contains ((const char * const *) help_accels, "F1"));
  g_assert_cmpstr (quit_accels[0], ==, "<Control>q");
}

static void
test_about_dialog (void)
{
  TallyWindow *window = tally_window_new (app);
  GtkWidget *dialog = NULL;

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  dialog = GTK_WIDGET (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_true (ADW_IS_ABOUT_DIALOG (dialog));
  g_assert_cmpstr (adw_about_dialog_get_version (ADW_ABOUT_DIALOG (dialog)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_dialog_get_license_type (ADW_ABOUT_DIALOG (dialog)), ==, GTK_LICENSE_GPL_3_0);
  adw_dialog_force_close (ADW_DIALOG (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* A drop of a file list (what file managers send as text/uri-list) imports the
 * files; a file that cannot be read is reported and the rest is added. */
static void
test_window_drop_files (void)
{
  TallyWindow *window = tally_window_new (app);
  GtkDropTarget *target;
  g_autofree char *first_path = sample_path ("01-northern-wire-aktau-summit.txt");
  g_autofree char *second_path = sample_path ("05-baltic-morning-post-cultural-years.html");
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/missing.txt");
  GSList *list = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  GListModel *documents;
  AdwDialog *dialog;

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");

  target = find_drop_target (GTK_WIDGET (window));
  g_assert_nonnull (target);
  g_assert_true (g_type_is_a (gtk_drop_target_get_gtypes (target, NULL)[0], GDK_TYPE_FILE_LIST));

  list = g_slist_append (list, first);
  list = g_slist_append (list, missing);
  list = g_slist_append (list, second);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);

  g_assert_true (accepted);
  g_assert_true (tally_window_get_busy (window));
  g_assert_cmpstr (tally_window_get_visible_view (window), ==, "documents");
  wait_until_idle (window);

  documents = tally_window_get_documents (window);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);

  /* The missing file is listed with its reason, once, at the end. */
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (TALLY_IS_IMPORT_ERRORS_DIALOG (dialog));
  g_assert_cmpuint (tally_import_errors_dialog_get_n_errors (TALLY_IMPORT_ERRORS_DIALOG (dialog)), ==, 1);
  adw_dialog_force_close (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Export Facts… writes the graded facts of the imported samples. */
static void
test_window_export_facts (void)
{
  TallyWindow *window = tally_window_new (app);
  g_autofree char *samples_path = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  g_autoptr(GFile) samples = g_file_new_for_path (samples_path);
  g_autofree char *dir = g_dir_make_tmp ("tally-export-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (dir, "facts.md", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autofree char *markdown = NULL;
  TallyFactsView *facts_view;

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  tally_window_open_files (window, &samples, 1);
  wait_until_idle (window);
  g_assert_cmpuint (g_list_model_get_n_items (tally_window_get_documents (window)), ==, 8);

  facts_view = TALLY_FACTS_VIEW (tally_window_get_view (window, "facts"));
  while (tally_facts_view_get_busy (facts_view) ||
         g_list_model_get_n_items (tally_facts_view_get_rows (facts_view)) == 0)
    g_main_context_iteration (NULL, TRUE);

  _tally_window_export_facts_to (window, out);
  while (window->n_exports > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (out_path, &markdown, NULL, NULL));
  g_assert_true (g_str_has_prefix (markdown, "# Untitled Project — Tally\n\n"));
  /* The planted disagreements are in the report, with their sources. */
  g_assert_nonnull (strstr (markdown, "facts from 8 documents"));
  g_assert_nonnull (strstr (markdown, "**Conflict** · "));
  g_assert_nonnull (strstr (markdown, "2021"));
  g_assert_nonnull (strstr (markdown, "Caspian Ledger"));

  g_unlink (out_path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}


/* A project whose facts were kept (issue 14) opens showing them without its
 * claims; the reader's conflict marks and Show Fact work on them; Export
 * Facts… groups the claims first, then writes the report. */
static void
test_window_export_kept_facts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autofree char *samples_path = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  g_autoptr(GFile) samples = g_file_new_for_path (samples_path);
  g_autofree char *dir = g_dir_make_tmp ("tally-export-XXXXXX", NULL);
  g_autofree char *project_path = g_build_filename (dir, "kept.tally", NULL);
  g_autofree char *out_path = g_build_filename (dir, "facts.md", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autofree char *markdown = NULL;
  TallyWindow *window;
  TallyFactsView *facts_view;
  TallySession *session;
  TallyImportResult *imported = NULL;

  g_assert_no_error (error);
  session = tally_session_new (project, &error);
  g_assert_no_error (error);
  tally_project_import_async (project, &samples, 1, NULL, on_project_imported, &imported);
  while (imported == NULL || tally_session_get_grouping (session) || tally_session_get_facts (session) == NULL)
    g_main_context_iteration (NULL, TRUE);
  tally_import_result_free (imported);
  g_assert_true (tally_project_save_as (project, project_path, &error));
  g_assert_no_error (error);
  while (G_OBJECT (session)->ref_count > 1)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_object_unref (session);
  g_clear_object (&project);

  project = tally_project_open (project_path, &error);
  g_assert_no_error (error);
  window = g_object_ref_sink (tally_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  _tally_window_set_project (window, project);
  facts_view = TALLY_FACTS_VIEW (tally_window_get_view (window, "facts"));
  while (tally_facts_view_get_busy (facts_view) ||
         g_list_model_get_n_items (tally_facts_view_get_rows (facts_view)) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (tally_fact_list_is_kept (tally_facts_view_get_facts (facts_view)));

  /* The reader marks conflicts from the kept facts, and Show Fact finds a
   * marked claim's fact, both looked up in the project. */
  {
    TallyDocumentsView *documents_view = TALLY_DOCUMENTS_VIEW (tally_window_get_view (window, "documents"));
    TallyReader *reader = tally_documents_view_get_reader (documents_view);
    GListModel *facts = tally_facts_view_get_facts (facts_view);
    GListModel *documents = tally_project_get_documents (project);
    guint n_marked = 0;

    for (guint d = 0; d < g_list_model_get_n_items (documents) && n_marked == 0; d++)
      {
        g_autoptr(TallyDocument) document = g_list_model_get_item (documents, d);

        if (!tally_document_get_has_conflicts (document)
            || !tally_documents_view_show_claim (documents_view, document, 0, 0))
          continue;
        while (tally_documents_view_get_busy (documents_view))
          g_main_context_iteration (NULL, TRUE);
        for (guint i = 0; i < tally_reader_get_n_claims (reader); i++)
          {
            const TallyClaimRecord *claim = tally_reader_get_claim (reader, i);
            TallyClaimKey key = { tally_document_get_id (document), claim->start, claim->end };
            guint position = tally_documents_view_find_fact (facts, &key);
            g_autoptr(TallyFact) fact = NULL;

            if (!tally_reader_get_claim_conflicting (reader, i))
              continue;
            g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
            fact = g_list_model_get_item (facts, position);
            g_assert_cmpint (tally_fact_get_status (fact), ==, TALLY_FACT_STATUS_CONFLICT);
            if (n_marked++ == 0)
              {
                g_signal_emit_by_name (documents_view, "claim-activated", document, (guint64) claim->start,
                                       (guint64) claim->end);
                g_assert_cmpstr (tally_window_get_visible_view (window), ==, "facts");
                g_assert_true (tally_facts_view_get_selected (facts_view) == fact);
              }
          }
      }
    g_assert_cmpuint (n_marked, >, 0);
    /* Still the kept list: nothing read every claim. */
    g_assert_true (tally_facts_view_get_facts (facts_view) == facts);
    g_assert_true (tally_fact_list_is_kept (facts));
  }

  _tally_window_export_facts_to (window, out);
  while (!g_file_test (out_path, G_FILE_TEST_EXISTS) || window->n_exports > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (tally_fact_list_is_kept (tally_facts_view_get_facts (facts_view)));
  g_assert_true (g_file_get_contents (out_path, &markdown, NULL, NULL));
  g_assert_nonnull (strstr (markdown, "facts from 8 documents"));
  g_assert_nonnull (strstr (markdown, "**Conflict** · "));
  g_assert_nonnull (strstr (markdown, "Caspian Ledger"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_clear_object (&project);
  g_unlink (out_path);
  g_unlink (project_path);
  g_rmdir (dir);
}

/* "Show Fact" in the reader selects the claim's fact in the Facts view. */
static void
test_window_reader_shows_fact (void)
{
  TallyWindow *window = g_object_ref_sink (tally_window_new (app));
  g_autofree char *samples_path = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  g_autoptr(GFile) samples = g_file_new_for_path (samples_path);
  TallyFactsView *facts_view = TALLY_FACTS_VIEW (tally_window_get_view (window, "facts"));
  GtkWidget *documents_view = tally_window_get_view (window, "documents");
  g_autoptr(TallyFact) fact = NULL;
  g_autoptr(TallyClaim) claim = NULL;
  const TallyClaimRecord *record;
  TallyDocument *document;

  gtk_window_present (GTK_WINDOW (window));
  tally_window_open_files (window, &samples, 1);
  wait_until_idle (window);
  g_assert_cmpuint (g_list_model_get_n_items (tally_facts_view_get_rows (facts_view)), >, 3);
  /* The reader marks conflicts from the facts the Facts view holds now. */
  {
    g_autoptr(GListModel) marked = NULL;

    g_object_get (documents_view, "facts", &marked, NULL);
    g_assert_true (marked == tally_facts_view_get_facts (facts_view));
  }

  /* The third row's second claim, with the table filtered to something else first. */
  fact = g_list_model_get_item (tally_facts_view_get_rows (facts_view), 2);
  claim = g_list_model_get_item (tally_fact_get_claims (fact), 1);
  record = tally_claim_get_record (claim);
  document = tally_project_lookup_document (tally_window_get_project (window), tally_claim_get_document_id (claim));
  g_assert_nonnull (document);
  tally_facts_view_set_filter (facts_view, TALLY_FACTS_FILTER_SINGLE);

  g_signal_emit_by_name (documents_view, "claim-activated", document, (guint64) record->start, (guint64) record->end);
  g_assert_cmpstr (tally_window_get_visible_view (window), ==, "facts");
  g_assert_true (tally_facts_view_get_selected (facts_view) == fact);

  wait_until_idle (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* A button for `action` in a popover on the window: its sensitivity is the
 * action's enabled state, as a menu item or the toast's Undo would see it. */
static GtkWidget *
action_probe_new (TallyWindow *window,
                  const char  *action)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *button = gtk_button_new_with_label (action);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_popover_set_child (GTK_POPOVER (popover), button);
  gtk_widget_set_parent (popover, GTK_WIDGET (window->toast_overlay));
  return button;
}

/* win.undo and win.redo are enabled exactly when the project's undo stack can
 * undo or redo, and walk it. */
static void
test_window_undo_follows_stack (void)
{
  TallyWindow *window = g_object_ref_sink (tally_window_new (app));
  g_autofree char *samples_path = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  g_autoptr(GFile) samples = g_file_new_for_path (samples_path);
  TallyFactsView *facts_view = TALLY_FACTS_VIEW (tally_window_get_view (window, "facts"));
  GtkWidget *undo = action_probe_new (window, "win.undo");
  GtkWidget *redo = action_probe_new (window, "win.redo");
  g_autofree char *label = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_sensitive (undo));
  g_assert_false (gtk_widget_get_sensitive (redo));
  tally_window_open_files (window, &samples, 1);
  wait_until_idle (window);
  g_assert_cmpuint (g_list_model_get_n_items (tally_facts_view_get_rows (facts_view)), >, 0);
  /* Importing is no correction. */
  g_assert_false (gtk_widget_get_sensitive (undo));

  tally_facts_view_select (facts_view, 0);
  label = g_strdup (tally_fact_get_label (tally_facts_view_get_selected (facts_view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facts_view), "facts.rename", "s", "A name of my own"));
  wait_until_idle (window);
  g_assert_true (gtk_widget_get_sensitive (undo));
  g_assert_false (gtk_widget_get_sensitive (redo));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_until_idle (window);
  g_assert_false (gtk_widget_get_sensitive (undo));
  g_assert_true (gtk_widget_get_sensitive (redo));
  g_assert_cmpstr (tally_fact_get_label (tally_facts_view_get_selected (facts_view)), ==, label);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  wait_until_idle (window);
  g_assert_true (gtk_widget_get_sensitive (undo));
  g_assert_false (gtk_widget_get_sensitive (redo));
  g_assert_cmpstr (tally_fact_get_label (tally_facts_view_get_selected (facts_view)), ==, "A name of my own");

  gtk_widget_unparent (gtk_widget_get_ancestor (undo, GTK_TYPE_POPOVER));
  gtk_widget_unparent (gtk_widget_get_ancestor (redo, GTK_TYPE_POPOVER));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* The row position of the document whose path ends with `name`, or G_MAXUINT. */
static guint
row_of (TallyDocumentsView *view,
        const char         *name)
{
  GListModel *rows = tally_documents_view_get_rows (view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(TallyDocument) document = gtk_tree_list_row_get_item (row);

      if (g_str_has_suffix (tally_document_get_path (document), name))
        return i;
    }
  return G_MAXUINT;
}

static const char *
story_name_at (TallyDocumentsView *view,
               guint               position)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (tally_documents_view_get_story_names (view)), position);
}

static guint
fact_sources (TallyFactsView *view,
              const char     *label)
{
  GListModel *rows = tally_facts_view_get_rows (view);
  guint most = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (rows, i);

      if (g_strcmp0 (tally_fact_get_label (fact), label) == 0)
        most = MAX (most, tally_fact_get_source_count (fact));
    }
  return most;
}

/* The Documents view filters by story (counts in the dropdown), and moves
 * an article to another story from the article menu's dialog or the
 * action: the facts are grouped again, and win.undo takes it back. */
static void
test_window_move_story (void)
{
  TallyWindow *window = g_object_ref_sink (tally_window_new (app));
  g_autofree char *folder = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "tests", "data", "stories", NULL);
  g_autoptr(GFile) stories = g_file_new_for_path (folder);
  TallyDocumentsView *view = TALLY_DOCUMENTS_VIEW (tally_window_get_view (window, "documents"));
  TallyFactsView *facts_view = TALLY_FACTS_VIEW (tally_window_get_view (window, "facts"));
  GListModel *rows = tally_documents_view_get_rows (view);
  AdwDialog *dialog;
  GtkDropDown *dropdown;
  g_autofree char *label = NULL;

  gtk_window_present (GTK_WINDOW (window));
  tally_window_open_files (window, &stories, 1);
  wait_until_idle (window);

  /* A flood over three days and a port's record year: two stories. */
  g_assert_cmpuint (g_list_model_get_n_items (tally_documents_view_get_story_names (view)), ==, 3);
  g_assert_cmpstr (story_name_at (view, 0), ==, "All Stories (2)");
  g_assert_cmpstr (story_name_at (view, 1), ==, "Varnholm, flood, valley (3)");
  g_assert_cmpstr (story_name_at (view, 2), ==, "port, Kemi, record (2)");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "documents.show-story", "s", "s2"));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_cmpuint (row_of (view, "03-flood-aid.txt"), ==, G_MAXUINT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "documents.show-story", "s", "s1"));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  g_assert_cmpuint (fact_sources (facts_view, "Death tolls"), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "documents.select", "u",
                                             row_of (view, "03-flood-aid.txt")));

  /* The dialog offers the other story only; Move moves it there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "documents.move-story", NULL));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Move to Story");
  dropdown = GTK_DROP_DOWN (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 1);
  g_assert_cmpstr (tally_story_get_id (gtk_drop_down_get_selected_item (dropdown)), ==, "s2");
  g_signal_emit_by_name (dialog, "response", "move");
  adw_dialog_force_close (dialog);
  wait_until_idle (window);
  g_assert_cmpstr (story_name_at (view, 1), ==, "port, Kemi, record (3)");
  g_assert_cmpstr (story_name_at (view, 2), ==, "Varnholm, flood, valley (2)");
  /* The picked story followed its documents: the flood, now two. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_cmpuint (fact_sources (facts_view, "Death tolls"), ==, 2);

  /* Undone from the window, as any correction. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_until_idle (window);
  g_assert_cmpstr (story_name_at (view, 1), ==, "Varnholm, flood, valley (3)");
  g_assert_cmpuint (fact_sources (facts_view, "Death tolls"), ==, 3);

  /* Showing a claim of an article another story's filter hides shows every story. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "documents.show-story", "s", "s2"));
  g_assert_cmpuint (row_of (view, "01-flood-first-day.txt"), ==, G_MAXUINT);
  {
    g_autoptr(TallyDocument) first = NULL;
    GListModel *documents = tally_documents_view_get_documents (view);

    for (guint i = 0; i < g_list_model_get_n_items (documents) && first == NULL; i++)
      {
        g_autoptr(TallyDocument) document = g_list_model_get_item (documents, i);

        if (g_str_has_suffix (tally_document_get_path (document), "01-flood-first-day.txt"))
          first = g_steal_pointer (&document);
      }
    g_assert_true (tally_documents_view_show_claim (view, first, 0, 3));
    g_assert_null (tally_documents_view_get_story (view));
    {
      g_autoptr(TallyDocument) selected = tally_documents_view_get_selected (view);

      g_assert_true (selected == first);
    }
  }

  /* The action form, for a story of its own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "documents.show-story", "s", ""));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "documents.select", "u",
                                             row_of (view, "01-flood-first-day.txt")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "documents.move-to-story", "s", ""));
  wait_until_idle (window);
  g_assert_cmpuint (g_list_model_get_n_items (tally_documents_view_get_story_names (view)), ==, 4);
  label = g_strdup (story_name_at (view, 0));
  g_assert_cmpstr (label, ==, "All Stories (3)");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* A project left unsaved comes back in the next first window; an empty one is removed. */
static void
test_window_recover_unsaved (void)
{
  TallyWindow *first = g_object_ref_sink (tally_window_new (app));
  TallyWindow *empty = g_object_ref_sink (tally_window_new (app));
  TallyWindow *next;
  g_autofree char *sample = sample_path ("04-steppe-economic-review-analysis.txt");
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autofree char *kept_path = NULL;
  g_autofree char *empty_path = NULL;

  /* gtk_window_close() only closes a window that is shown. */
  gtk_window_present (GTK_WINDOW (first));
  gtk_window_present (GTK_WINDOW (empty));
  tally_window_open_files (first, &file, 1);
  wait_until_idle (first);
  kept_path = g_strdup (tally_project_get_path (tally_window_get_project (first)));
  empty_path = g_strdup (tally_project_get_path (tally_window_get_project (empty)));
  g_assert_true (tally_project_get_temporary (tally_window_get_project (first)));

  /* While the window is open, its project is in use: nobody else takes it. */
  next = g_object_ref_sink (tally_window_new (app));
  gtk_window_present (GTK_WINDOW (next));
  tally_window_recover_unsaved (next);
  g_assert_cmpstr (tally_project_get_path (tally_window_get_project (next)), !=, kept_path);
  wait_until_idle (next);
  gtk_window_close (GTK_WINDOW (next));
  g_assert_finalize_object (next);

  gtk_window_close (GTK_WINDOW (first));
  g_assert_finalize_object (first);
  gtk_window_close (GTK_WINDOW (empty));
  g_assert_finalize_object (empty);
  g_assert_true (g_file_test (kept_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (empty_path, G_FILE_TEST_EXISTS));

  next = g_object_ref_sink (tally_window_new (app));
  tally_window_recover_unsaved (next);
  g_assert_cmpstr (tally_project_get_path (tally_window_get_project (next)), ==, kept_path);
  g_assert_true (tally_project_get_temporary (tally_window_get_project (next)));
  g_assert_cmpuint (g_list_model_get_n_items (tally_window_get_documents (next)), ==, 1);
  wait_until_idle (next);
  gtk_window_destroy (GTK_WINDOW (next));
  g_assert_finalize_object (next);
}

/* Closing the window stores its size, and a new window starts at that size. */
static void
test_window_size_saved (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TallyWindow *window = tally_window_new (app);
  TallyWindow *second;
  int width, height;

  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 777, 555);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 777);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 555);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_finalize_object (window);

  second = g_object_ref_sink (tally_window_new (app));
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
  gtk_window_destroy (GTK_WINDOW (second));
  g_assert_finalize_object (second);
}

/* The reader's text size is a setting: a new window reads at the size the
 * last one was left at. */
static void
test_window_text_scale_saved (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TallyWindow *window = g_object_ref_sink (tally_window_new (app));
  TallyWindow *second;
  TallyReader *reader = tally_documents_view_get_reader (TALLY_DOCUMENTS_VIEW (tally_window_get_view (window, "documents")));

  g_settings_reset (settings, "reader-text-scale");
  g_assert_cmpfloat_with_epsilon (tally_reader_get_text_scale (reader), 1.0, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "reader-text-scale"), 1.21, 1e-9);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  second = g_object_ref_sink (tally_window_new (app));
  reader = tally_documents_view_get_reader (TALLY_DOCUMENTS_VIEW (tally_window_get_view (second, "documents")));
  g_assert_cmpfloat_with_epsilon (tally_reader_get_text_scale (reader), 1.21, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "reader-text-scale"), 1.0, 1e-9);
  gtk_window_destroy (GTK_WINDOW (second));
  g_assert_finalize_object (second);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ui_test_application_new (&argc, &argv, "test-window", NULL);

  g_test_add_func ("/ui/window/views", test_window_views);
  g_test_add_func ("/ui/window/actions", test_window_actions);
  g_test_add_func ("/ui/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/ui/window/about", test_about_dialog);
  g_test_add_func ("/ui/window/drop-files", test_window_drop_files);
  g_test_add_func ("/ui/window/size-saved", test_window_size_saved);
  g_test_add_func ("/ui/window/text-scale-saved", test_window_text_scale_saved);
  g_test_add_func ("/ui/window/export-facts", test_window_export_facts);
  g_test_add_func ("/ui/window/export-kept-facts", test_window_export_kept_facts);
  g_test_add_func ("/ui/window/recover-unsaved", test_window_recover_unsaved);
  g_test_add_func ("/ui/window/reader-shows-fact", test_window_reader_shows_fact);
  g_test_add_func ("/ui/window/undo-follows-stack", test_window_undo_follows_stack);
  g_test_add_func ("/ui/window/move-story", test_window_move_story);

  status = g_test_run ();
  g_clear_pointer (&app, ui_test_application_free);
  return status;
}
