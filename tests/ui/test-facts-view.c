/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "tally-claims.h"
#include "tally-facts-view.h"
#include "tally-ingest.h"
#include "ui-test.h"

/* The Facts view over the sample articles, analysed in-process as the app
 * does: ingest, extract, group. With TALLY_FACTS_SCREENSHOT=OUT.png set, the
 * conflict test also renders the window there (for the README). */

static GPtrArray *sample_outlets;   /* char*, index = document id */

static const TallyFactDocument *
outlet_of (TallyDocumentId document_id,
           gpointer        user_data)
{
  static TallyFactDocument info;

  if (document_id.value >= sample_outlets->len)
    return NULL;
  info = (TallyFactDocument) { .outlet = g_ptr_array_index (sample_outlets, document_id.value) };
  return &info;
}

static GListModel *
sample_facts (void)
{
  const char *source = g_getenv ("TALLY_SOURCE_DIR");
  g_autofree char *folder = g_build_filename (source, "data", "samples", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".html"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >=, 8);

  g_clear_pointer (&sample_outlets, g_ptr_array_unref);
  sample_outlets = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (sample_outlets, NULL);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyDocumentRecord) record = tally_ingest_file (path, &error);
      g_autoptr(GPtrArray) records = NULL;
      TallyExtractOptions options;

      g_assert_no_error (error);
      tally_extract_options_init (&options);
      if (record->published != NULL)
        tally_extract_options_set_reference_date (&options, record->published);
      records = tally_extract_claims (record->text, record->text_len, &options);
      for (guint c = 0; c < records->len; c++)
        g_ptr_array_add (claims, tally_claim_new (tally_document_id_from_int64 (i + 1), g_ptr_array_index (records, c),
                                                  record->text, record->text_len));
      g_ptr_array_add (sample_outlets, g_strdup (record->outlet));
    }
  return tally_fact_list_new (claims, outlet_of, NULL);
}

static char *
describe (TallyDocumentId document_id,
          gpointer        user_data)
{
  return g_strdup (document_id.value < sample_outlets->len ? g_ptr_array_index (sample_outlets, document_id.value) : NULL);
}

static void
on_open (TallyClaim *claim,
         gpointer    user_data)
{
  TallyClaim **opened = user_data;

  g_set_object (opened, claim);
}

static void
wait_for_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 until = g_get_monotonic_time () + 20000;

      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
}

static void
test_empty (void)
{
  TallyFactsView *view = g_object_ref_sink (g_object_new (TALLY_TYPE_FACTS_VIEW, NULL));

  g_assert_null (tally_facts_view_get_facts (view));
  g_assert_cmpuint (g_list_model_get_n_items (tally_facts_view_get_rows (view)), ==, 0);
  g_assert_cmpstr (tally_facts_view_get_counts (view), ==, "0 facts · 0 conflicts");
  g_assert_finalize_object (view);
}

static void
test_filter_and_search (void)
{
  g_autoptr(GListModel) facts = sample_facts ();
  TallyFactsView *view = g_object_ref_sink (g_object_new (TALLY_TYPE_FACTS_VIEW, NULL));
  GListModel *rows = tally_facts_view_get_rows (view);
  guint n = g_list_model_get_n_items (facts);
  guint conflicts = 0, agreements = 0, singles = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);

      switch (tally_fact_get_status (fact))
        {
        case TALLY_FACT_STATUS_CONFLICT: conflicts++; break;
        case TALLY_FACT_STATUS_SINGLE: singles++; break;
        default: agreements++; break;
        }
    }
  g_assert_cmpuint (conflicts, >=, 2);

  tally_facts_view_set_facts (view, facts);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);
  /* Unsorted columns keep the grouping's order: conflicts first. */
  for (guint i = 0; i < conflicts; i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (rows, i);

      g_assert_cmpint (tally_fact_get_status (fact), ==, TALLY_FACT_STATUS_CONFLICT);
    }

  tally_facts_view_set_filter (view, TALLY_FACTS_FILTER_CONFLICTS);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, conflicts);
  tally_facts_view_set_filter (view, TALLY_FACTS_FILTER_AGREEMENTS);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, agreements);
  tally_facts_view_set_filter (view, TALLY_FACTS_FILTER_SINGLE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, singles);
  tally_facts_view_set_filter (view, TALLY_FACTS_FILTER_ALL);

  /* Search reads labels, values and outlets, ignoring case. */
  tally_facts_view_set_search (view, "FIRST SUMMIT");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  {
    g_autoptr(TallyFact) fact = g_list_model_get_item (rows, 0);

    g_assert_cmpstr (tally_fact_get_label (fact), ==, "First summit: year");
    g_assert_cmpstr (tally_facts_view_get_counts (view), ==, "1 fact · 1 conflict");
  }
  tally_facts_view_set_search (view, "eurasia freight");
  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, 1);
  tally_facts_view_set_search (view, "no such fact anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_cmpstr (tally_facts_view_get_counts (view), ==, "0 facts · 0 conflicts");
  tally_facts_view_set_search (view, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);

  g_assert_finalize_object (view);
}

/* What people read: dates in words and tonnes spelled out, in the Values
 * column, the search and the claims panel. */
static void
test_readable_values (void)
{
  g_autoptr(GListModel) facts = sample_facts ();
  GtkWidget *window = gtk_window_new ();
  TallyFactsView *view = g_object_new (TALLY_TYPE_FACTS_VIEW, NULL);
  GListModel *rows = tally_facts_view_get_rows (view);
  GtkLabel *explanation;
  guint position = GTK_INVALID_LIST_POSITION;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  tally_facts_view_set_describe_func (view, describe, NULL, NULL);
  tally_facts_view_set_facts (view, facts);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (5);

  tally_facts_view_set_search (view, "16–17 june 2026");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  {
    g_autoptr(TallyFact) fact = g_list_model_get_item (rows, 0);

    /* The reports that say "on Wednesday" give the closing day, so the
     * fact holds a day and a span. */
    g_assert_cmpstr (tally_fact_get_label (fact), ==, "Third summit: date");
    g_assert_nonnull (strstr (tally_fact_get_values_summary (fact), "16–17 June 2026 — "));
  }
  /* The data form finds the same fact: old habits keep working. */
  tally_facts_view_set_search (view, "2026-06-16–2026-06-17");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  {
    g_autoptr(TallyFact) fact = g_list_model_get_item (rows, 0);

    g_assert_cmpstr (tally_fact_get_label (fact), ==, "Third summit: date");
  }
  {
    guint in_words;

    tally_facts_view_set_search (view, "june 2026");
    in_words = g_list_model_get_n_items (rows);
    g_assert_cmpuint (in_words, >=, 2);
    tally_facts_view_set_search (view, "2026-06");
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, in_words);
  }
  tally_facts_view_set_search (view, "3.5 million t");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  tally_facts_view_set_search (view, "tonnes");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  {
    g_autoptr(TallyFact) fact = g_list_model_get_item (rows, 0);

    g_assert_cmpstr (tally_fact_get_label (fact), ==, "Cargo handled (tonnes), 2025");
    g_assert_true (g_str_has_prefix (tally_fact_get_values_summary (fact), "3.5 million tonnes — "));
  }
  tally_facts_view_set_search (view, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (rows, i);

      g_assert_null (strstr (tally_fact_get_values_summary (fact), "2026-06"));
      if (g_str_equal (tally_fact_get_label (fact), "Third summit: date"))
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  tally_facts_view_select (view, position);
  wait_for_frames (2);
  explanation = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (view), TALLY_TYPE_FACTS_VIEW,
                                                          "panel_explanation"));
  g_assert_true (g_str_has_suffix (gtk_label_get_label (explanation),
                                   " sources agree: 17 June 2026, 16–17 June 2026 (dates of different precision)"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_select_conflict (void)
{
  g_autoptr(GListModel) facts = sample_facts ();
  GtkWidget *window = gtk_window_new ();
  TallyFactsView *view = g_object_new (TALLY_TYPE_FACTS_VIEW, NULL);
  g_autoptr(TallyClaim) opened = NULL;
  g_autoptr(TallyClaim) first = NULL;
  GListModel *panel;
  TallyFact *selected;
  const char *screenshot = g_getenv ("TALLY_FACTS_SCREENSHOT");
  guint position = GTK_INVALID_LIST_POSITION;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  tally_facts_view_set_describe_func (view, describe, NULL, NULL);
  tally_facts_view_set_open_func (view, on_open, &opened, NULL);
  tally_facts_view_set_facts (view, facts);
  gtk_window_present (GTK_WINDOW (window));
  /* A user selects rows of a window already on screen. */
  wait_for_frames (5);

  for (guint i = 0; i < g_list_model_get_n_items (tally_facts_view_get_rows (view)); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (tally_facts_view_get_rows (view), i);

      if (g_str_equal (tally_fact_get_label (fact), "First summit: year"))
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  tally_facts_view_select (view, position);
  selected = tally_facts_view_get_selected (view);
  g_assert_nonnull (selected);
  g_assert_cmpstr (tally_fact_get_label (selected), ==, "First summit: year");

  /* The panel lists the fact's claims; activating one asks to open it. */
  panel = tally_facts_view_get_panel_claims (view);
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, tally_fact_get_claim_count (selected));
  first = g_list_model_get_item (panel, 0);
  g_assert_nonnull (g_strstr_len (tally_claim_get_sentence (first), -1, "first summit"));
  wait_for_frames (10);
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (view), TALLY_TYPE_FACTS_VIEW, "claims_view"),
                         "activate", 0);
  g_assert_true (opened == first);

  if (screenshot != NULL)
    g_assert_true (ui_test_render_to_png (window, screenshot, NULL));

  /* Escape (facts.close-panel) closes the panel; Ctrl+F (facts.search) goes
   * to the search entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.close-panel", NULL));
  g_assert_null (tally_facts_view_get_selected (view));
  g_assert_cmpuint (g_list_model_get_n_items (tally_facts_view_get_panel_claims (view)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.search", NULL));
  wait_for_frames (2);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                                    TALLY_TYPE_FACTS_VIEW,
                                                                                    "search_entry"))));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TallyImportResult **out = user_data;

  *out = tally_project_import_finish (TALLY_PROJECT (object), result, NULL);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* Following a project: its documents' claims are grouped in a worker
 * thread once the import settles, and the panel names each document. */
static void
test_follows_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autofree char *folder = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  g_autoptr(GFile) samples = g_file_new_for_path (folder);
  g_autoptr(TallyImportResult) imported = NULL;
  TallyFactsView *view = g_object_ref_sink (g_object_new (TALLY_TYPE_FACTS_VIEW, NULL));
  GListModel *rows = tally_facts_view_get_rows (view);
  gboolean found = FALSE;
  guint notified = 0;

  g_assert_no_error (error);
  g_autoptr(TallySession) session = tally_session_new (project, &error);

  g_assert_no_error (error);
  g_signal_connect (view, "notify::facts", G_CALLBACK (count_notify), &notified);
  tally_facts_view_set_session (view, session);
  tally_project_import_async (project, &samples, 1, NULL, on_imported, &imported);
  while (imported == NULL || tally_facts_view_get_busy (view))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (imported->n_added, >=, 8);
  g_assert_cmpuint (notified, >=, 1);

  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, 15);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (rows, i);

      if (g_str_equal (tally_fact_get_label (fact), "First summit: year"))
        {
          found = TRUE;
          g_assert_cmpint (tally_fact_get_status (fact), ==, TALLY_FACT_STATUS_CONFLICT);
          /* The outlets the project knows appear beside the values. */
          g_assert_nonnull (strstr (tally_fact_get_values_summary (fact), "Caspian Ledger"));
        }
    }
  g_assert_true (found);

  /* The view holds nothing of the session once it stops following it. */
  tally_facts_view_set_session (view, NULL);
  g_assert_null (tally_facts_view_get_session (view));
  g_assert_finalize_object (view);
  /* Work already handed to a worker thread (a claims load or a grouping the
   * import's last batch started) holds the session until it is done; the
   * last reference may go in the worker, which wakes no main loop, so poll. */
  {
    gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (G_OBJECT (session)->ref_count > 1 && g_get_monotonic_time () < until)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
  }
  g_assert_finalize_object (g_steal_pointer (&session));
}

static void
wait_until_grouped (TallyFactsView *view)
{
  /* A correction regroups in a worker; its result arrives on the main loop. */
  g_main_context_iteration (NULL, FALSE);
  while (tally_facts_view_get_busy (view))
    g_main_context_iteration (NULL, TRUE);
}

static TallyFact *
row_labelled (TallyFactsView *view,
              const char     *label,
              guint          *position)
{
  GListModel *rows = tally_facts_view_get_rows (view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (rows, i);

      if (g_str_equal (tally_fact_get_label (fact), label))
        {
          if (position != NULL)
            *position = i;
          return fact;   /* the rows model keeps it alive */
        }
    }
  return NULL;
}

/* Split, rename and merge on a project's facts, each undone and redone. */
static void
test_corrections (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autofree char *folder = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  g_autoptr(GFile) samples = g_file_new_for_path (folder);
  g_autoptr(TallyImportResult) imported = NULL;
  GtkWidget *window = gtk_window_new ();
  TallyFactsView *view = g_object_new (TALLY_TYPE_FACTS_VIEW, NULL);
  GListModel *panel = tally_facts_view_get_panel_claims (view);
  TallyFact *fact;
  guint position = 0, split_at = G_MAXUINT, fourth_claims;
  g_autoptr(TallySession) session = NULL;
  g_autofree char *first_key = NULL;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  session = tally_session_new (project, &error);
  g_assert_no_error (error);
  tally_facts_view_set_session (view, session);
  tally_project_import_async (project, &samples, 1, NULL, on_imported, &imported);
  while (imported == NULL || tally_facts_view_get_busy (view))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frames (3);

  /* Nothing to undo yet: undoing changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (view), "facts.undo", NULL);
  g_assert_false (tally_facts_view_get_busy (view));

  /* Split the lone "2021" out of the first-summit conflict. */
  g_assert_nonnull (row_labelled (view, "First summit: year", &position));
  tally_facts_view_select (view, position);
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (panel); i++)
    {
      g_autoptr(TallyClaim) claim = g_list_model_get_item (panel, i);

      if (g_str_equal (tally_claim_get_text (claim), "2021"))
        split_at = i;
    }
  g_assert_cmpuint (split_at, !=, G_MAXUINT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.split-claim", "u", split_at));
  wait_until_grouped (view);
  fact = tally_facts_view_get_selected (view);
  g_assert_nonnull (fact);
  g_assert_cmpstr (tally_fact_get_label (fact), ==, "First summit: year");
  g_assert_cmpint (tally_fact_get_status (fact), ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.undo", NULL));
  wait_until_grouped (view);
  fact = tally_facts_view_get_selected (view);
  g_assert_cmpint (tally_fact_get_status (fact), ==, TALLY_FACT_STATUS_CONFLICT);
  g_assert_cmpuint (tally_fact_get_claim_count (fact), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.redo", NULL));
  wait_until_grouped (view);
  g_assert_cmpint (tally_fact_get_status (tally_facts_view_get_selected (view)), ==, TALLY_FACT_STATUS_AGREE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.undo", NULL));
  wait_until_grouped (view);

  /* Rename, and undo it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.rename", "s", "Riga summit: year"));
  wait_until_grouped (view);
  g_assert_cmpstr (tally_fact_get_label (tally_facts_view_get_selected (view)), ==, "Riga summit: year");
  g_assert_null (row_labelled (view, "First summit: year", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.undo", NULL));
  wait_until_grouped (view);
  g_assert_cmpstr (tally_fact_get_label (tally_facts_view_get_selected (view)), ==, "First summit: year");

  /* Merge the fourth summit's year into the first summit's. */
  fact = row_labelled (view, "Fourth summit: year", &position);
  g_assert_nonnull (fact);
  fourth_claims = tally_fact_get_claim_count (fact);
  tally_facts_view_select (view, position);
  /* Keys name the story too ("…|story=s1"): take the target's as shown. */
  first_key = g_strdup (tally_fact_get_key (row_labelled (view, "First summit: year", NULL)));
  g_assert_true (g_str_has_prefix (first_key, "date||0|0|first summit"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.merge", "s", first_key));
  wait_until_grouped (view);
  g_assert_null (row_labelled (view, "Fourth summit: year", NULL));
  fact = tally_facts_view_get_selected (view);
  g_assert_cmpstr (tally_fact_get_key (fact), ==, first_key);
  g_assert_cmpuint (tally_fact_get_claim_count (fact), ==, 3 + fourth_claims);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "facts.undo", NULL));
  wait_until_grouped (view);
  g_assert_nonnull (row_labelled (view, "Fourth summit: year", NULL));
  g_assert_cmpuint (tally_fact_get_claim_count (row_labelled (view, "Fourth summit: year", NULL)), ==, fourth_claims);
  g_assert_cmpuint (tally_fact_get_claim_count (row_labelled (view, "First summit: year", NULL)), ==, 3);

  tally_facts_view_set_session (view, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  /* The app's style sheet, as AdwApplication would load it. */
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_test_add_func ("/ui/facts-view/empty", test_empty);
  g_test_add_func ("/ui/facts-view/filter-and-search", test_filter_and_search);
  g_test_add_func ("/ui/facts-view/readable-values", test_readable_values);
  g_test_add_func ("/ui/facts-view/select-conflict", test_select_conflict);
  g_test_add_func ("/ui/facts-view/follows-project", test_follows_project);
  g_test_add_func ("/ui/facts-view/corrections", test_corrections);
  return g_test_run ();
}
