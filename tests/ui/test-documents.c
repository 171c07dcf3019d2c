/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "tally-document-private.h"
#include "tally-document-row.h"
#include "tally-documents-view.h"
#include "tally-session.h"
#include "tally-fact.h"
#include "tally-project.h"
#include "tally-reader-details-dialog.h"
#include "tally-search-hit.h"

typedef struct
{
  gint64      id;
  const char *title;
  const char *outlet;
  const char *published;
  guint       words;
  guint       claims;
  gint64      cluster;
  guint       duplicates;
} DocSpec;

/* An invented story: a wire report and its copy, an analysis, a port piece
 * in the same paper as the copy, and an undated cultural piece. */
static const DocSpec doc_specs[] = {
  { 1, "Leaders back rail corridor at Aktau summit", "Northern Wire", "2026-06-17", 459, 21, 1, 1 },
  { 2, "Aktau summit ends with rail corridor deal", "Harbour Times", "2026-06-18", 473, 22, 1, 1 },
  { 3, "Corridor numbers tell a cautious story", "Steppe Economic Review", "2026-06-20", 494, 30, 3, 0 },
  { 4, "Ferry berths wait for a timetable", "Harbour Times", "2026-06-16", 380, 12, 4, 0 },
  { 5, "Culture years for Klaipėda and Aktau", "Amber Coast Post", NULL, 610, 8, 5, 0 },
};

/* A TallyDocument as the project makes it from a row of its file, without
 * the file: the browser's models are tested on the real type. */
static TallyDocument *
document_new (const DocSpec *spec)
{
  TallyStoreDocumentInfo info = {
    .id = tally_document_id_from_int64 (spec->id),
    .title = spec->title,
    .outlet = spec->outlet,
    .published = spec->published,
    .word_count = spec->words,
    .claim_count = spec->claims,
    .cluster_id = tally_document_id_from_int64 (spec->cluster),
  };
  TallyDocument *document = _tally_document_new_from_info (&info);

  _tally_document_set_duplicates (document, spec->duplicates);
  return document;
}

static GListStore *
documents_new (void)
{
  GListStore *store = g_list_store_new (TALLY_TYPE_DOCUMENT);

  for (guint i = 0; i < G_N_ELEMENTS (doc_specs); i++)
    {
      g_autoptr(TallyDocument) document = document_new (&doc_specs[i]);

      g_list_store_append (store, document);
    }
  return store;
}

static gint64
row_id (GListModel *rows,
        guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, position);
  g_autoptr(TallyDocument) document = gtk_tree_list_row_get_item (row);

  return tally_document_get_id (document).value;
}

static void
assert_rows (GListModel   *rows,
             const gint64 *ids,
             guint         n_ids)
{
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    g_assert_cmpint (row_id (rows, i), ==, ids[i]);
}

typedef struct
{
  GtkWindow          *window;
  TallyDocumentsView *view;
  GListStore         *documents;
  GPtrArray          *shown;      /* documents the reader was asked to show */
} Fixture;

static void
record_show (TallyReader   *reader,
             TallyDocument *document,
             gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->shown, g_object_ref (document));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->view = g_object_new (TALLY_TYPE_DOCUMENTS_VIEW, NULL);
  fixture->documents = documents_new ();
  fixture->shown = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_set_default_size (fixture->window, 1000, 700);
  tally_documents_view_set_show_func (fixture->view, record_show, fixture, NULL);
  tally_documents_view_set_documents (fixture->view, G_LIST_MODEL (fixture->documents));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  gtk_window_destroy (fixture->window);
  /* The view goes with its window and lets go of the documents. */
  g_assert_null (fixture->view);
  g_ptr_array_unref (fixture->shown);
  g_assert_finalize_object (fixture->documents);
}

static void
test_documents_sort (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *rows = tally_documents_view_get_rows (fixture->view);

  /* By date (the default): oldest first, undated last; the wire copy (2)
   * is folded under its first copy (1). */
  assert_rows (rows, (gint64[]) { 4, 1, 3, 5 }, 4);

  tally_documents_view_set_sort (fixture->view, TALLY_DOCUMENTS_SORT_TITLE);
  assert_rows (rows, (gint64[]) { 3, 5, 4, 1 }, 4);

  /* By outlet; ties by date. */
  tally_documents_view_set_sort (fixture->view, TALLY_DOCUMENTS_SORT_OUTLET);
  assert_rows (rows, (gint64[]) { 5, 4, 1, 3 }, 4);
}

static void
test_documents_clusters (Fixture       *fixture,
                         gconstpointer  data)
{
  GListModel *rows = tally_documents_view_get_rows (fixture->view);
  g_autoptr(GtkTreeListRow) leader = g_list_model_get_item (rows, 1);

  g_assert_true (gtk_tree_list_row_is_expandable (leader));
  gtk_tree_list_row_set_expanded (leader, TRUE);
  assert_rows (rows, (gint64[]) { 4, 1, 2, 3, 5 }, 5);
  {
    g_autoptr(GtkTreeListRow) copy = g_list_model_get_item (rows, 2);
    g_assert_cmpuint (gtk_tree_list_row_get_depth (copy), ==, 1);
  }
  gtk_tree_list_row_set_expanded (leader, FALSE);
  assert_rows (rows, (gint64[]) { 4, 1, 3, 5 }, 4);

  /* A document alone in its cluster has nothing to expand. */
  {
    g_autoptr(GtkTreeListRow) single = g_list_model_get_item (rows, 0);
    g_assert_false (gtk_tree_list_row_is_expandable (single));
  }
}

static void
test_documents_filter (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *rows = tally_documents_view_get_rows (fixture->view);
  GListModel *outlets = tally_documents_view_get_outlets (fixture->view);
  const char *expected[] = { "All Outlets", "Amber Coast Post", "Harbour Times", "Northern Wire", "Steppe Economic Review" };

  g_assert_cmpuint (g_list_model_get_n_items (outlets), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (outlets), i), ==, expected[i]);

  /* One outlet: its articles, the wire copy included, as a flat list. */
  tally_documents_view_set_outlet (fixture->view, "Harbour Times");
  rows = tally_documents_view_get_rows (fixture->view);
  assert_rows (rows, (gint64[]) { 4, 2 }, 2);

  tally_documents_view_set_outlet (fixture->view, "Nobody");
  rows = tally_documents_view_get_rows (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);

  tally_documents_view_set_outlet (fixture->view, NULL);
  rows = tally_documents_view_get_rows (fixture->view);
  assert_rows (rows, (gint64[]) { 4, 1, 3, 5 }, 4);

  /* A new outlet in the project appears in the outlet list. */
  {
    static const DocSpec late = { 6, "Late report", "Caspian Ledger", "2026-06-19", 0, 0, 6, 0 };
    g_autoptr(TallyDocument) extra = document_new (&late);
    g_list_store_append (fixture->documents, extra);
  }
  g_assert_cmpuint (g_list_model_get_n_items (outlets), ==, G_N_ELEMENTS (expected) + 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (outlets), 2), ==, "Caspian Ledger");
  assert_rows (rows, (gint64[]) { 4, 1, 6, 3, 5 }, 5);
}

static void
test_documents_select (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TallyDocument) copy = g_list_model_get_item (G_LIST_MODEL (fixture->documents), 1);
  g_autoptr(TallyDocument) selected = NULL;

  /* The first row is selected at once and shown in the reader. */
  g_assert_cmpuint (fixture->shown->len, >=, 1);
  selected = tally_documents_view_get_selected (fixture->view);
  g_assert_cmpint (row_id (tally_documents_view_get_rows (fixture->view), 0), ==, 4);
  g_assert_cmpint (tally_document_get_id (selected).value, ==, 4);

  /* Showing a claim in a folded copy opens its cluster and selects it. */
  g_ptr_array_set_size (fixture->shown, 0);
  tally_documents_view_set_outlet (fixture->view, "Steppe Economic Review");
  g_assert_false (tally_documents_view_show_claim (fixture->view, copy, 10, 20));
  /* (FALSE: the stand-in show function loaded no text to select in.) */
  g_clear_object (&selected);
  selected = tally_documents_view_get_selected (fixture->view);
  g_assert_true (selected == copy);
  g_assert_true (fixture->shown->pdata[fixture->shown->len - 1] == copy);
  g_assert_cmpuint (g_list_model_get_n_items (tally_documents_view_get_rows (fixture->view)), ==, 5);

  /* The row activation action used by the screenshot tool. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "documents.select", "u", 0));
  g_clear_object (&selected);
  selected = tally_documents_view_get_selected (fixture->view);
  g_assert_true (selected == fixture->shown->pdata[fixture->shown->len - 1]);
}

static void
test_documents_remove (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *rows = tally_documents_view_get_rows (fixture->view);
  g_autoptr(TallyDocument) analysis = g_list_model_get_item (G_LIST_MODEL (fixture->documents), 2);
  g_autoptr(TallyDocument) copy = g_list_model_get_item (G_LIST_MODEL (fixture->documents), 1);
  g_autoptr(GtkTreeListRow) leader = NULL;

  /* Gone from the list at once, back on undo, still in the project between. */
  tally_documents_view_remove_document (fixture->view, analysis);
  assert_rows (rows, (gint64[]) { 4, 1, 5 }, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->documents)), ==, 5);
  g_assert_true (tally_documents_view_undo_remove (fixture->view));
  assert_rows (rows, (gint64[]) { 4, 1, 3, 5 }, 4);
  g_assert_false (tally_documents_view_undo_remove (fixture->view));

  /* A copy inside an open cluster goes from under its first copy. */
  leader = g_list_model_get_item (rows, 1);
  gtk_tree_list_row_set_expanded (leader, TRUE);
  assert_rows (rows, (gint64[]) { 4, 1, 2, 3, 5 }, 5);
  tally_documents_view_remove_document (fixture->view, copy);
  assert_rows (rows, (gint64[]) { 4, 1, 3, 5 }, 4);

  /* The selected one, by its action (the Delete key); then made final. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "documents.select", "u", 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "documents.remove", NULL));
  assert_rows (rows, (gint64[]) { 1, 3, 5 }, 3);
  tally_documents_view_flush_removals (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->documents)), ==, 3);
  g_assert_false (tally_documents_view_undo_remove (fixture->view));
  assert_rows (rows, (gint64[]) { 1, 3, 5 }, 3);
}

static GListModel *
search_titles (const char  *query,
               GError     **error,
               gpointer     user_data)
{
  Fixture *fixture = user_data;
  GListStore *hits = g_list_store_new (TALLY_TYPE_SEARCH_HIT);

  if (g_str_equal (query, "\""))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Unfinished phrase");
      return G_LIST_MODEL (hits);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->documents)); i++)
    {
      g_autoptr(TallyDocument) document = g_list_model_get_item (G_LIST_MODEL (fixture->documents), i);
      const char *title = tally_document_get_title (document);

      if (strstr (title, query) != NULL)
        {
          g_autoptr(TallySearchHit) hit = tally_search_hit_new (document, title, title, -(double) i);
          g_list_store_append (hits, hit);
        }
    }
  return G_LIST_MODEL (hits);
}

static void
test_documents_search (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *results;

  tally_documents_view_set_search_func (fixture->view, search_titles, fixture, NULL);
  tally_documents_view_search (fixture->view, "summit");
  results = tally_documents_view_get_search_results (fixture->view);
  g_assert_nonnull (results);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  /* Activating a hit shows its document. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "documents.search-for", "s", "Klaipėda");
  results = tally_documents_view_get_search_results (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  {
    g_autoptr(TallyDocument) selected = NULL;

    gtk_widget_activate_action (GTK_WIDGET (fixture->view), "documents.open-result", "u", 0);
    selected = tally_documents_view_get_selected (fixture->view);
    g_assert_cmpint (tally_document_get_id (selected).value, ==, 5);
  }

  tally_documents_view_search (fixture->view, "nothing like this");
  g_assert_null (tally_documents_view_get_search_results (fixture->view));
  tally_documents_view_search (fixture->view, "\"");
  g_assert_null (tally_documents_view_get_search_results (fixture->view));

  tally_documents_view_search (fixture->view, "   ");
  g_assert_null (tally_documents_view_get_search_results (fixture->view));
}

static void
test_documents_snippet_markup (void)
{
  g_autofree char *markup = tally_search_hit_markup_from_snippet ("…the \x02" "corridor\x03 & <ports> of \x02" "Klaipėda\x03",
                                                                  "\x02", "\x03", "#f8e45c80");
  g_autofree char *unclosed = tally_search_hit_markup_from_snippet ("a \x02" "b \x03" "c \x02", "\x02", "\x03",
                                                                    "#f8e45c80");

  g_assert_cmpstr (markup, ==,
                   "…the <b><span background=\"#f8e45c80\">corridor</span></b> &amp; &lt;ports&gt; of "
                   "<b><span background=\"#f8e45c80\">Klaipėda</span></b>");
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
  /* "a [b] c [" : the unclosed mark at the end is dropped. */
  g_assert_cmpstr (unclosed, ==, "a <b><span background=\"#f8e45c80\">b </span></b>c ");
}

static void
test_documents_empty (void)
{
  TallyDocumentsView *view = g_object_ref_sink (g_object_new (TALLY_TYPE_DOCUMENTS_VIEW, NULL));
  g_autoptr(GListStore) none = g_list_store_new (TALLY_TYPE_DOCUMENT);
  GtkWidget *stack = adw_breakpoint_bin_get_child (ADW_BREAKPOINT_BIN (view));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  tally_documents_view_set_documents (view, G_LIST_MODEL (none));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  {
    static const DocSpec spec = { 1, "One", NULL, NULL, 0, 0, 1, 0 };
    g_autoptr(TallyDocument) one = document_new (&spec);
    g_list_store_append (none, one);
  }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");
  g_list_store_remove_all (none);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_finalize_object (view);
}


static gboolean
reader_has_conflicting_claim (TallyReader *reader)
{
  for (guint i = 0; i < tally_reader_get_n_claims (reader); i++)
    if (tally_reader_get_claim_conflicting (reader, i))
      return TRUE;
  return FALSE;
}

/* The year the reader's "last year" claim resolved to. */
static const char *
last_year_value (TallyReader *reader)
{
  GtkTextBuffer *buffer = tally_reader_get_buffer (reader);

  for (guint i = 0; i < tally_reader_get_n_claims (reader); i++)
    {
      GtkTextIter start, end;
      g_autofree char *words = NULL;

      tally_reader_get_claim_bounds (reader, i, &start, &end);
      words = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      if (g_ascii_strcasecmp (words, "last year") == 0)
        return tally_reader_get_claim (reader, i)->value_text;
    }
  return NULL;
}

/* Runs the shortcut `widget` has for the key, as a key press would. */
static gboolean
press (GtkWidget       *widget,
       guint            keyval,
       GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* Every TallyDocumentRow under `widget` (the list's rows on screen). */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (TALLY_IS_DOCUMENT_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static void
wait_for_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 30;

      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
}

/* The reader's document is read in a worker: wait for it. */
static void
wait_shown (TallyDocumentsView *view)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (tally_documents_view_get_busy (view))
    g_main_context_iteration (NULL, TRUE);
}

/* The real chain: the sample articles imported into a temporary project. */
static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TallyImportResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = tally_project_import_finish (TALLY_PROJECT (source), result, &error);
  g_assert_no_error (error);
}

static TallyProject *
samples_project_new (void)
{
  g_autofree char *samples = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (samples);
  g_autoptr(GError) error = NULL;
  TallyImportResult *result = NULL;
  TallyProject *project;

  project = tally_project_new_temporary (&error);
  g_assert_no_error (error);
  tally_project_import_async (project, &folder, 1, NULL, import_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (result->n_failed, ==, 0);
  g_assert_cmpuint (result->n_added, >=, 8);
  tally_import_result_free (result);
  return project;
}

static TallyDocument *
find_document (TallyProject *project,
               const char   *basename)
{
  GListModel *documents = tally_project_get_documents (project);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(TallyDocument) document = g_list_model_get_item (documents, i);

      if (g_str_has_suffix (tally_document_get_path (document), basename))
        return document;
    }
  g_assert_not_reached ();
}

static void
test_documents_project (void)
{
  TallyProject *project = samples_project_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  TallyDocumentsView *view = g_object_new (TALLY_TYPE_DOCUMENTS_VIEW, NULL);
  GListModel *documents = tally_project_get_documents (project);
  TallyReader *reader = tally_documents_view_get_reader (view);
  GListModel *results;
  guint n_documents = g_list_model_get_n_items (documents);
  guint n_duplicates = 0, n_marked = 0;

  gtk_window_set_child (window, GTK_WIDGET (view));
  tally_documents_view_set_project (view, project);
  gtk_window_present (window);

  /* Copies fold under their first copy: one row per cluster. */
  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(TallyDocument) document = g_list_model_get_item (documents, i);
      n_duplicates += !tally_document_id_equal (tally_document_get_cluster_id (document), tally_document_get_id (document));
    }
  g_test_message ("%u documents, %u folded copies", n_documents, n_duplicates);
  g_assert_cmpuint (n_duplicates, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tally_documents_view_get_rows (view)), ==, n_documents - n_duplicates);

  /* The reader shows the selected document, claims lined up with its text. */
  wait_shown (view);
  {
    g_autoptr(TallyDocument) selected = tally_documents_view_get_selected (view);
    g_autoptr(TallyDocumentRecord) record = tally_project_load_record (project, TALLY_DOCUMENT (selected), NULL);

    g_assert_cmpuint (tally_reader_get_n_claims (reader), ==, tally_document_get_claim_count (TALLY_DOCUMENT (selected)));
    g_assert_cmpuint (tally_reader_get_n_claims (reader), >, 0);
    for (guint i = 0; i < tally_reader_get_n_claims (reader); i++)
      {
        const TallyClaimRecord *claim = tally_reader_get_claim (reader, i);
        g_autofree char *expected = g_strndup (record->text + claim->start, claim->end - claim->start);
        g_autofree char *shown = NULL;
        GtkTextIter start, end;

        tally_reader_get_claim_bounds (reader, i, &start, &end);
        shown = gtk_text_iter_get_text (&start, &end);
        g_assert_cmpstr (shown, ==, expected);
      }
  }

  /* The reader's keys, pressed in the reader or anywhere in the view. */
  g_assert_cmpint (tally_reader_get_current_claim (reader), ==, -1);
  g_assert_true (press (GTK_WIDGET (view), GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_cmpint (tally_reader_get_current_claim (reader), ==, 0);
  g_assert_true (press (GTK_WIDGET (reader), GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_cmpint (tally_reader_get_current_claim (reader), ==, 1);
  g_assert_true (press (GTK_WIDGET (view), GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_cmpint (tally_reader_get_current_claim (reader), ==, 0);
  g_assert_true (press (GTK_WIDGET (view), GDK_KEY_plus, GDK_CONTROL_MASK));
  g_assert_true (press (GTK_WIDGET (reader), GDK_KEY_equal, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (tally_reader_get_text_scale (reader), 1.21, 1e-9);
  g_assert_true (press (GTK_WIDGET (view), GDK_KEY_0, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (tally_reader_get_text_scale (reader), 1.0, 1e-9);

  /* Show a claim of another document, as the Facts view does. */
  {
    TallyDocument *port = find_document (project, "06-aktau-evening-courier-port.txt");
    g_autoptr(GListModel) claims = tally_project_list_claims (project, TALLY_DOCUMENT (port), NULL);
    g_autoptr(TallyClaim) claim = g_list_model_get_item (claims, g_list_model_get_n_items (claims) / 2);
    const TallyClaimRecord *record = tally_claim_get_record (claim);
    g_autoptr(TallyDocument) selected = NULL;
    int current;

    /* Another article is read in a worker: the window goes on meanwhile,
     * the reader keeps the one it shows until the new one is read. */
    {
      g_autoptr(TallyDocument) before = tally_documents_view_get_selected (view);
      TallyDocument *other = find_document (project, before == port ? "04-steppe-economic-review-analysis.txt"
                                                                    : "06-aktau-evening-courier-port.txt");
      guint n_before = tally_reader_get_n_claims (reader);

      g_assert_true (before != other);
      g_assert_true (tally_documents_view_show_claim (view, other, 0, 0));
      g_assert_true (tally_documents_view_get_busy (view));
      g_assert_cmpuint (tally_reader_get_n_claims (reader), ==, n_before);
      wait_shown (view);
      g_assert_cmpuint (tally_reader_get_n_claims (reader), ==, tally_document_get_claim_count (other));
    }
    g_assert_true (tally_documents_view_show_claim (view, port, record->start, record->end));
    wait_shown (view);
    selected = tally_documents_view_get_selected (view);
    g_assert_true (selected == port);
    current = tally_reader_get_current_claim (reader);
    g_assert_cmpint (current, >=, 0);
    g_assert_cmpuint (tally_reader_get_claim (reader, current)->start, ==, record->start);
    g_assert_cmpuint (tally_reader_get_claim (reader, current)->end, ==, record->end);
  }

  /* Facts: conflicting claims are marked in the reader, their documents
   * badged (the session sets "has-conflicts"; the rows follow it), and a
   * claim finds its fact. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TallySession) session = tally_session_new (project, &error);
    g_autoptr(TallyDocument) selected = NULL;
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    GListModel *facts;
    guint n_conflicting = 0, n_documents_with_conflicts = 0, n_badged = 0;

    g_assert_no_error (error);
    while (tally_session_get_facts (session) == NULL || tally_session_get_grouping (session))
      g_main_context_iteration (NULL, TRUE);
    facts = tally_session_get_facts (session);
    tally_documents_view_set_facts (view, facts);

    for (guint i = 0; i < n_documents; i++)
      {
        g_autoptr(TallyDocument) document = g_list_model_get_item (documents, i);
        n_documents_with_conflicts += tally_document_get_has_conflicts (document);
      }
    wait_for_frames (3);
    collect_rows (GTK_WIDGET (view), rows);
    g_assert_cmpuint (rows->len, >, 0);
    for (guint i = 0; i < rows->len; i++)
      {
        TallyDocumentRow *row = g_ptr_array_index (rows, i);
        GtkWidget *badge = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), TALLY_TYPE_DOCUMENT_ROW,
                                                                      "conflicts_badge"));
        TallyDocument *document = tally_document_row_get_document (row);

        if (document == NULL)
          continue;
        g_assert_cmpint (gtk_widget_get_visible (badge), ==, tally_document_get_has_conflicts (document));
        n_badged += gtk_widget_get_visible (badge);
      }
    g_assert_cmpuint (n_badged, >=, 1);
    selected = tally_documents_view_get_selected (view);
    for (guint i = 0; i < tally_reader_get_n_claims (reader); i++)
      {
        const TallyClaimRecord *claim = tally_reader_get_claim (reader, i);
        TallyClaimKey key = { tally_document_get_id (TALLY_DOCUMENT (selected)), claim->start, claim->end };
        guint position = tally_documents_view_find_fact (facts, &key);

        if (tally_reader_get_claim_conflicting (reader, i))
          {
            g_autoptr(TallyFact) fact = g_list_model_get_item (facts, position);

            g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
            g_assert_cmpint (tally_fact_get_status (fact), ==, TALLY_FACT_STATUS_CONFLICT);
            n_conflicting++;
          }
      }
    g_test_message ("%u documents with conflicts; %u conflicting figures in the one shown",
                    n_documents_with_conflicts, n_conflicting);
    /* The samples disagree on purpose (data/samples/README). */
    g_assert_cmpuint (n_documents_with_conflicts, >=, 2);
    g_assert_cmpuint (n_conflicting, >=, 1);
    tally_documents_view_set_facts (view, NULL);
    g_assert_false (reader_has_conflicting_claim (reader));
  }

  /* Edit the details: a new date re-reads "last year"; undo restores it. */
  {
    TallyDocument *port = find_document (project, "06-aktau-evening-courier-port.txt");
    TallyUndoStack *stack = tally_documents_view_get_undo_stack (view);
    g_autoptr(TallyDocument) selected = NULL;
    AdwDialog *dialog;
    g_autoptr(GError) error = NULL;
    const char *old_date = tally_document_get_published (TALLY_DOCUMENT (port));

    g_assert_true (tally_documents_view_show_claim (view, port, 0, 0));
    wait_shown (view);
    selected = tally_documents_view_get_selected (view);
    g_assert_true (selected == port);
    g_assert_cmpstr (last_year_value (reader), ==, "2025");
    g_assert_cmpstr (old_date, ==, "2026-06-17");

    dialog = g_object_ref_sink (tally_reader_details_dialog_new (project, TALLY_DOCUMENT (port), stack));
    tally_reader_details_dialog_set_text (TALLY_READER_DETAILS_DIALOG (dialog), "published", "30 June");
    g_assert_false (tally_reader_details_dialog_save (TALLY_READER_DETAILS_DIALOG (dialog), &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    tally_reader_details_dialog_set_text (TALLY_READER_DETAILS_DIALOG (dialog), "published", "2030-01-10");
    g_assert_cmpstr (tally_document_get_outlet (TALLY_DOCUMENT (port)), ==, "Aktau Evening Courier");
    tally_reader_details_dialog_set_text (TALLY_READER_DETAILS_DIALOG (dialog), "outlet", "Caspian Port Courier");
    /* The language: detected at import, corrected with the other fields; a
     * name is not a tag. */
    g_assert_cmpstr (tally_document_get_language (TALLY_DOCUMENT (port)), ==, "en");
    tally_reader_details_dialog_set_text (TALLY_READER_DETAILS_DIALOG (dialog), "language", "Kazakh");
    g_assert_false (tally_reader_details_dialog_save (TALLY_READER_DETAILS_DIALOG (dialog), &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_cmpstr (tally_document_get_language (TALLY_DOCUMENT (port)), ==, "en");
    tally_reader_details_dialog_set_text (TALLY_READER_DETAILS_DIALOG (dialog), "language", "kk");
    g_assert_true (tally_reader_details_dialog_save (TALLY_READER_DETAILS_DIALOG (dialog), &error));
    g_assert_no_error (error);
    g_assert_finalize_object (dialog);

    g_assert_cmpstr (tally_document_get_published (TALLY_DOCUMENT (port)), ==, "2030-01-10");
    g_assert_cmpstr (tally_document_get_outlet (TALLY_DOCUMENT (port)), ==, "Caspian Port Courier");
    g_assert_cmpstr (tally_document_get_language (TALLY_DOCUMENT (port)), ==, "kk");
    /* The reader reads the document again once the edit settles. */
    wait_shown (view);
    g_assert_cmpstr (last_year_value (reader), ==, "2029");
    /* The corrected outlet is offered in the outlet filter. */
    {
      GListModel *outlets = tally_documents_view_get_outlets (view);
      gboolean listed = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (outlets); i++)
        listed |= g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (outlets), i), "Caspian Port Courier");
      g_assert_true (listed);
    }
    g_assert_cmpstr (tally_undo_stack_get_undo_label (stack), ==, "Edit Article Details");

    g_assert_true (tally_undo_stack_undo (stack, &error));
    g_assert_no_error (error);
    wait_shown (view);
    g_assert_cmpstr (tally_document_get_published (TALLY_DOCUMENT (port)), ==, "2026-06-17");
    g_assert_cmpstr (tally_document_get_outlet (TALLY_DOCUMENT (port)), ==, "Aktau Evening Courier");
    g_assert_cmpstr (tally_document_get_language (TALLY_DOCUMENT (port)), ==, "en");
    g_assert_cmpstr (last_year_value (reader), ==, "2025");
  }

  /* Readable at 400 px: the view collapses to one pane, and nothing in it
   * (toolbar, header, claim bar, text) asks for more width. */
  {
    GtkWidget *child = adw_breakpoint_bin_get_child (ADW_BREAKPOINT_BIN (view));
    int minimum, natural;
    gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

    gtk_window_set_default_size (window, 400, 700);
    while (g_get_monotonic_time () < until && gtk_widget_get_width (GTK_WIDGET (view)) > 400)
      g_main_context_iteration (NULL, FALSE);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, 400);
    tally_reader_select_claim (reader, 0);
    gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
    g_test_message ("collapsed view: minimum width %d px", minimum);
    g_assert_cmpint (minimum, <=, 400);
    gtk_window_set_default_size (window, 1200, 760);
  }

  /* Full-text search through the project's index. */
  tally_documents_view_search (view, "corridor");
  results = tally_documents_view_get_search_results (view);
  g_assert_nonnull (results);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(TallySearchHit) hit = g_list_model_get_item (results, i);
      const char *markup = tally_search_hit_get_snippet_markup (hit);

      g_test_message ("%u. %.2f %s — %s", i + 1, tally_search_hit_get_rank (hit), tally_search_hit_get_title (hit), markup);
      /* Best first (bm25: lower is better); every snippet marks a match. */
      if (i > 0)
        {
          g_autoptr(TallySearchHit) previous = g_list_model_get_item (results, i - 1);
          g_assert_cmpfloat (tally_search_hit_get_rank (previous), <=, tally_search_hit_get_rank (hit));
        }
      /* On the stylesheet's .search-match highlight (style.css, light style). */
      n_marked += strstr (markup, "<span background=\"#f8e45c99\">corridor</span>") != NULL;
      g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
      g_assert_null (strchr (markup, '\x02'));
      g_assert_null (strchr (markup, '\x03'));
    }
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 5);
  /* Only a title-only match has nothing to mark in the text. */
  g_assert_cmpuint (n_marked, >=, g_list_model_get_n_items (results) - 1);

  /* A title word ranks its article first; prefixes and phrases work. */
  {
    g_autoptr(TallySearchHit) first = NULL;

    tally_documents_view_search (view, "habit");
    results = tally_documents_view_get_search_results (view);
    first = g_list_model_get_item (results, 0);
    g_assert_nonnull (strstr (tally_search_hit_get_title (first), "Habit"));

    tally_documents_view_search (view, "corrid*");
    results = tally_documents_view_get_search_results (view);
    g_assert_cmpuint (g_list_model_get_n_items (results), >=, 5);

    /* Opening a hit marks the words in the reader, as its snippet does. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "documents.open-result", "u", 0));
    wait_shown (view);
    {
      GtkTextBuffer *buffer = tally_reader_get_buffer (reader);
      GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "search-match");
      GtkTextIter iter;
      guint n_marked_words = 0;

      gtk_text_buffer_get_start_iter (buffer, &iter);
      while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        if (gtk_text_iter_starts_tag (&iter, tag))
          {
            GtkTextIter end = iter;
            g_autofree char *word = NULL;

            gtk_text_iter_forward_to_tag_toggle (&end, tag);
            word = gtk_text_iter_get_text (&iter, &end);
            g_assert_true (g_ascii_strncasecmp (word, "corrid", 6) == 0);
            n_marked_words++;
          }
      g_assert_cmpuint (n_marked_words, >=, 1);
      g_assert_cmpuint (tally_reader_highlight_terms (reader, (const char *[]) { "zzz", NULL }), ==, 0);
    }

    tally_documents_view_search (view, "\"investment fund\"");
    results = tally_documents_view_get_search_results (view);
    g_assert_nonnull (results);
    for (guint i = 0; i < g_list_model_get_n_items (results); i++)
      {
        g_autoptr(TallySearchHit) hit = g_list_model_get_item (results, i);
        g_autofree char *plain = NULL;

        g_assert_true (pango_parse_markup (tally_search_hit_get_snippet_markup (hit), -1, 0, NULL, &plain, NULL, NULL));
        g_test_message ("phrase %u: %s", i + 1, tally_search_hit_get_snippet_markup (hit));
      }
    g_assert_cmpuint (g_list_model_get_n_items (results), >=, 2);

    tally_documents_view_search (view, "zzzunknownword");
    g_assert_null (tally_documents_view_get_search_results (view));
  }

  gtk_window_destroy (window);
  g_assert_finalize_object (project);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("tally-test-documents-XXXXXX", NULL);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  /* Temporary projects go under XDG_DATA_HOME: keep them out of $HOME. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The app's style sheet, as AdwApplication would load it. */
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) g_test_add ("/documents/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list/sort", test_documents_sort);
  ADD ("list/clusters", test_documents_clusters);
  ADD ("list/filter", test_documents_filter);
  ADD ("list/select-and-show-claim", test_documents_select);
  ADD ("list/remove-and-undo", test_documents_remove);
  ADD ("search/results", test_documents_search);
#undef ADD
  g_test_add_func ("/documents/search/snippet-markup", test_documents_snippet_markup);
  g_test_add_func ("/documents/empty", test_documents_empty);
  g_test_add_func ("/documents/project/samples", test_documents_project);
  return g_test_run ();
}
