/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "tally-facts-view.h"

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

static TallyFactsView *
show_view (TallyProject *project,
           GtkWindow   **window)
{
  TallyFactsView *view = g_object_new (TALLY_TYPE_FACTS_VIEW, NULL);

  *window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (*window, 1000, 700);
  adw_window_set_content (ADW_WINDOW (*window), GTK_WIDGET (view));
  gtk_window_present (*window);
  tally_facts_view_set_project (view, project);
  wait_idle (view);
  return view;
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
  corrections = tally_facts_view_get_corrections (view);
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

  /* Saved in the project: a new view over the reopened file shows them. */
  gtk_window_destroy (window);
  g_assert_true (tally_project_save_as (project, path, &error));
  g_assert_no_error (error);
  g_clear_object (&project);
  project = tally_project_open (path, &error);
  g_assert_no_error (error);
  view = show_view (project, &window);
  g_assert_cmpuint (tally_corrections_get_n_active (tally_facts_view_get_corrections (view)), ==, 3);
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
