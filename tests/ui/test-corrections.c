/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "tally-claim-edit-dialog.h"
#include "tally-facts-view.h"
#include "tally-rename-dialog.h"

/* Corrections in the Facts view over the sample articles: a rename shows,
 * undoes and redoes; "not a claim" takes a source off a fact; an edited
 * claim is marked; all of it comes back when the project is opened again. */

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TallyImportResult **out = user_data;

  *out = tally_project_import_finish (TALLY_PROJECT (object), result, NULL);
}

static void
wait_idle (TallyFactsView *view)
{
  while (tally_facts_view_get_busy (view) || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
}

/* The row of the fact with `key`, selected; G_MAXUINT when absent. */
static TallyFact *
select_key (TallyFactsView *view,
            const char     *key)
{
  GListModel *rows = tally_facts_view_get_rows (view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (rows, i);

      if (g_str_equal (tally_fact_get_key (fact), key))
        {
          tally_facts_view_select (view, i);
          return tally_facts_view_get_selected (view);
        }
    }
  return NULL;
}

static TallyFact *
select_label (TallyFactsView *view,
              const char     *label)
{
  GListModel *rows = tally_facts_view_get_rows (view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (rows, i);

      if (g_str_equal (tally_fact_get_label (fact), label))
        {
          tally_facts_view_select (view, i);
          return tally_facts_view_get_selected (view);
        }
    }
  return NULL;
}

/* A label of the view that ends with `suffix` (the panel's rows are real
 * widgets once the window is shown). */
static GtkWidget *
find_label_ending (GtkWidget  *widget,
                   const char *suffix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_label (GTK_LABEL (widget)), suffix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_ending (child, suffix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_saved (TallyClaimEditDialog *dialog,
          guint                *saved)
{
  (*saved)++;
}

static void
on_failed (TallyClaimEditDialog *dialog,
           const char           *message,
           char                **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static TallyFactsView *
show_view (TallyProject *project,
           GtkWindow   **window)
{
  TallyFactsView *view = g_object_new (TALLY_TYPE_FACTS_VIEW, NULL);

  *window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (*window, 1000, 700);
  adw_window_set_content (ADW_WINDOW (*window), GTK_WIDGET (view));
  gtk_window_present (*window);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TallySession) session = tally_session_new (project, &error);

    g_assert_no_error (error);
    /* The view keeps the session while it shows it. */
    tally_facts_view_set_session (view, session);
  }
  wait_idle (view);
  return view;
}

/* The AdwAlertDialog some window shows (a dialog presented over a plain
 * GtkWindow gets a window of its own). */
static AdwAlertDialog *
find_alert_dialog (GtkWidget *widget)
{
  if (ADW_IS_ALERT_DIALOG (widget))
    return ADW_ALERT_DIALOG (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwAlertDialog *found = find_alert_dialog (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwAlertDialog *
wait_for_alert_dialog (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
          AdwAlertDialog *dialog = find_alert_dialog (window);

          if (dialog != NULL)
            return dialog;
        }
      g_main_context_iteration (NULL, FALSE);
    }
  return NULL;
}

static void
test_corrections_in_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autofree char *folder = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  g_autoptr(GFile) samples = g_file_new_for_path (folder);
  g_autoptr(TallyImportResult) imported = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tally-corrections-ui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Summit.tally", NULL);
  g_autofree char *key = NULL;
  g_autofree char *claim_fact_key = NULL;
  GtkWindow *window = NULL;
  TallyFactsView *view;
  TallyFact *fact;
  TallyCorrections *corrections;
  guint sources, claims;

  g_assert_no_error (error);
  tally_project_import_async (project, &samples, 1, NULL, on_imported, &imported);
  while (imported == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (imported->n_added, >=, 8);
  view = show_view (project, &window);
  corrections = tally_session_get_corrections (tally_facts_view_get_session (view));
  g_assert_nonnull (corrections);

  /* Rename. */
  fact = select_label (view, "First summit: year");
  g_assert_nonnull (fact);
  key = g_strdup (tally_fact_get_key (fact));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.rename", "s", "Year of the first summit"));
  wait_idle (view);
  fact = tally_facts_view_get_selected (view);
  g_assert_nonnull (fact);
  g_assert_cmpstr (tally_fact_get_key (fact), ==, key);
  g_assert_cmpstr (tally_fact_get_label (fact), ==, "Year of the first summit");
  g_assert_cmpstr (tally_corrections_lookup_label (corrections, key), ==, "Year of the first summit");

  /* Undo (Ctrl+Z's action), then redo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.undo", NULL));
  wait_idle (view);
  g_assert_cmpstr (tally_fact_get_label (select_key (view, key)), ==, "First summit: year");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.redo", NULL));
  wait_idle (view);
  g_assert_cmpstr (tally_fact_get_label (select_key (view, key)), ==, "Year of the first summit");

  /* The same through the Rename dialog (F2): it offers the current name and
   * renames on its Rename response. Undone to go on as before. */
  {
    AdwAlertDialog *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.rename-dialog", NULL));
    dialog = wait_for_alert_dialog ();
    g_assert_nonnull (dialog);
    g_assert_cmpstr (tally_rename_dialog_get_text (dialog), ==, "Year of the first summit");
    gtk_editable_set_text (GTK_EDITABLE (adw_alert_dialog_get_extra_child (dialog)), "Summit year, renamed");
    g_signal_emit_by_name (dialog, "response", "rename");
    adw_dialog_force_close (ADW_DIALOG (dialog));
    wait_idle (view);
    g_assert_cmpstr (tally_fact_get_label (select_key (view, key)), ==, "Summit year, renamed");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.undo", NULL));
    wait_idle (view);
    g_assert_cmpstr (tally_fact_get_label (select_key (view, key)), ==, "Year of the first summit");
  }

  /* Not a claim: the fact loses a claim and a source. */
  fact = select_key (view, key);
  sources = tally_fact_get_source_count (fact);
  claims = tally_fact_get_claim_count (fact);
  g_assert_cmpuint (sources, >=, 2);
  g_assert_cmpuint (claims, ==, g_list_model_get_n_items (tally_facts_view_get_panel_claims (view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.not-claim", "u", 0));
  wait_idle (view);
  fact = select_key (view, key);
  g_assert_nonnull (fact);
  g_assert_cmpuint (tally_fact_get_claim_count (fact), ==, claims - 1);
  g_assert_cmpuint (tally_fact_get_source_count (fact), <=, sources);
  g_assert_cmpuint (tally_fact_get_source_count (fact), >=, sources - 1);

  /* Edit a claim: marked, its original kept. */
  {
    g_autoptr(TallyClaim) claim = g_list_model_get_item (tally_facts_view_get_panel_claims (view), 0);
    g_autoptr(TallyClaim) edited = NULL;
    g_autofree char *old = g_strdup (tally_claim_get_record (claim)->value_text);

    g_assert_nonnull (old);
    g_assert_true (tally_corrections_edit_claim (corrections, claim, "1999", NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    wait_idle (view);
    claim_fact_key = g_strdup (tally_fact_get_key (select_key (view, key)));
    edited = g_list_model_get_item (tally_facts_view_get_panel_claims (view), 0);
    for (guint i = 0; i < g_list_model_get_n_items (tally_facts_view_get_panel_claims (view)); i++)
      {
        g_autoptr(TallyClaim) c = g_list_model_get_item (tally_facts_view_get_panel_claims (view), i);

        if (tally_claim_get_edit_note (c) != NULL)
          g_set_object (&edited, c);
      }
    g_assert_cmpstr (tally_claim_get_record (edited)->value_text, ==, "1999");
    g_assert_true (g_str_has_prefix (tally_claim_get_edit_note (edited), "Edited; originally value "));
    g_assert_nonnull (strstr (tally_claim_get_edit_note (edited), old));
  }

  /* The panel marks it. */
  {
    GtkWidget *marked;

    for (guint i = 0; i < 20 && find_label_ending (GTK_WIDGET (window), " ✎") == NULL; i++)
      g_main_context_iteration (NULL, TRUE);
    marked = find_label_ending (GTK_WIDGET (window), " ✎");
    g_assert_nonnull (marked);
    g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (gtk_widget_get_parent (gtk_widget_get_parent (marked))),
                                     "Edited; originally value "));
  }

  /* The Edit Claim dialog: a refused value stays out, a unit goes in. */
  {
    g_autoptr(TallyClaim) claim = g_list_model_get_item (tally_facts_view_get_panel_claims (view), 1);
    TallyClaimEditDialog *dialog = g_object_ref_sink (tally_claim_edit_dialog_new (corrections, claim));
    guint saved = 0, active = tally_corrections_get_n_active (corrections);
    g_autofree char *failed = NULL;

    g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &saved);
    g_signal_connect (dialog, "failed", G_CALLBACK (on_failed), &failed);
    g_assert_false (tally_claim_edit_dialog_save (dialog, "next spring", NULL, NULL, NULL));
    g_assert_cmpstr (failed, ==, "“next spring” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    g_assert_cmpuint (saved, ==, 0);
    g_assert_cmpuint (tally_corrections_get_n_active (corrections), ==, active);
    g_assert_true (tally_claim_edit_dialog_save (dialog, NULL, NULL, "approx", NULL));
    g_assert_cmpuint (saved, ==, 1);
    g_assert_cmpuint (tally_corrections_get_n_active (corrections), ==, active + 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.undo", NULL));
    g_assert_cmpuint (tally_corrections_get_n_active (corrections), ==, active);
    wait_idle (view);
    g_object_unref (dialog);
  }

  /* Merge another fact in, and undo it. */
  {
    GListModel *rows = tally_facts_view_get_rows (view);
    guint n_rows = g_list_model_get_n_items (rows);
    g_autofree char *other = NULL;
    guint merged_claims;

    for (guint i = 0; i < n_rows && other == NULL; i++)
      {
        g_autoptr(TallyFact) candidate = g_list_model_get_item (rows, i);

        if (!g_str_equal (tally_fact_get_key (candidate), key))
          other = g_strdup (tally_fact_get_key (candidate));
      }
    fact = select_key (view, other);
    merged_claims = tally_fact_get_claim_count (fact) + claims - 1;
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.merge", "s", key));
    wait_idle (view);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows - 1);
    g_assert_null (select_key (view, other));
    g_assert_cmpuint (tally_fact_get_claim_count (select_key (view, key)), ==, merged_claims);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.undo", NULL));
    wait_idle (view);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);
    g_assert_nonnull (select_key (view, other));
  }

  /* Saved in the project: a new view over the reopened file shows them. */
  gtk_window_destroy (window);
  g_assert_true (tally_project_save_as (project, path, &error));
  g_assert_no_error (error);
  g_clear_object (&project);
  project = tally_project_open (path, &error);
  g_assert_no_error (error);
  view = show_view (project, &window);
  g_assert_cmpuint (tally_corrections_get_n_active (tally_session_get_corrections (tally_facts_view_get_session (view))), ==, 3);
  fact = select_key (view, key);
  g_assert_nonnull (fact);
  g_assert_cmpstr (tally_fact_get_label (fact), ==, "Year of the first summit");
  g_assert_cmpuint (tally_fact_get_claim_count (fact), ==, claims - 1);
  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  g_test_add_func ("/ui/corrections/in-view", test_corrections_in_view);
  return g_test_run ();
}
