/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-documents-view: the Documents view on a project of 10,000 generated
 * articles (~5 KB each, with figures), opened from its project file. Prints
 * the time to show the project (list built and sorted), to sort by each key,
 * to filter by one outlet and back, to search, and to load articles into the
 * reader (a usual one, and a 200 KB one with about 2,000 figures), as the
 * median of several runs. Needs a display (build-aux/sdk bench runs Xvfb).
 *
 *   bench-documents-view [N_DOCUMENTS]
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tally-claims.h"
#include "tally-documents-view.h"
#include "tally-project.h"
#include "tally-store.h"

#define N_RUNS 7

static const char *const outlets[] = {
  "Northern Wire", "Harbour Times", "Caspian Ledger", "Steppe Economic Review",
  "Baltic Morning Post", "Aktau Evening Courier", "Eurasia Freight Weekly", "Amber Coast Observer",
};

/* A sentence with figures (or none), numbers drawn from `rand`. */
static void
append_sentence (GString *text,
                 GRand   *rand)
{
  guint a = g_rand_int_range (rand, 2, 90), b = g_rand_int_range (rand, 1, 9);
  guint year = g_rand_int_range (rand, 2015, 2027);

  switch (g_rand_int_range (rand, 0, 7))
    {
    case 0:
      g_string_append_printf (text, "Trade between the two regions reached $%u.%u billion in %u, officials said.", a, b, year);
      break;
    case 1:
      g_string_append_printf (text, "The port handled %u.%u million tonnes of cargo last year, about %u%% more than before.", a, b, a / 3);
      break;
    case 2:
      g_string_append_printf (text, "Leaders signed %u cooperation agreements and pledged a %u km rail corridor.", b + 10, a * 20);
      break;
    case 3:
      g_string_append_printf (text, "Ferries now cross the sea %u times a week, up from %u in %u.", a, b, year);
      break;
    case 4:
      g_string_append_printf (text, "The secretariat said over %u%% of the agreements had been implemented by %u.", a, year);
      break;
    case 5:
      g_string_append (text, "Delegates from the ports met in the harbour hall to discuss timetables and tariffs for transit cargo.");
      break;
    default:
      g_string_append (text, "Officials said most of the growth came from grain, fertiliser and container traffic moving west.");
      break;
    }
}

static char *
article_text (GRand *rand,
              gsize  size)
{
  GString *text = g_string_sized_new (size + 200);

  while (text->len < size)
    {
      append_sentence (text, rand);
      g_string_append (text, g_rand_int_range (rand, 0, 4) == 0 ? "\n\n" : " ");
    }
  return g_string_free (text, FALSE);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return values[n / 2];
}

/* Lets the view lay out and draw what it just got. */
static void
settle (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE));
}

static char *
make_project (guint n_documents)
{
  g_autofree char *dir = g_dir_make_tmp ("tally-bench-view-XXXXXX", NULL);
  char *path = g_build_filename (dir, "bench.tally", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260617);
  TallyStore *store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);
  double start = now_ms ();

  g_assert_no_error (error);
  tally_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(TallyDocumentRecord) record = tally_document_record_new ();
      g_autoptr(GPtrArray) claims = NULL;
      TallyExtractOptions options;

      /* The first article is the long one. */
      record->text = article_text (rand, i == 0 ? 200 * 1024 : 5 * 1024);
      record->text_len = strlen (record->text);
      record->title = g_strdup_printf ("Report %u on the corridor and its ports", i);
      record->outlet = g_strdup (outlets[g_rand_int_range (rand, 0, G_N_ELEMENTS (outlets))]);
      record->published = g_strdup_printf ("2026-%02d-%02d", g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      record->content_hash = g_strdup_printf ("%064x", i);
      record->path = g_strdup_printf ("/bench/article-%05u.txt", i);
      record->word_count = record->text_len / 6;
      tally_extract_options_init (&options);
      tally_extract_options_set_reference_date (&options, record->published);
      claims = tally_extract_claims (record->text, record->text_len, &options);
      if (tally_document_id_is_none (tally_store_add_document (store, record, claims, TALLY_DOCUMENT_ID_NONE, &error)))
        g_error ("adding article %u: %s", i, error->message);
    }
  tally_store_commit (store, &error);
  g_assert_no_error (error);
  tally_store_close (store);
  g_print ("# %u generated articles with their claims stored in %.1f s\n", n_documents, (now_ms () - start) / 1000);
  return path;
}

static void
remove_project (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

static guint
reader_load (TallyDocumentsView *view,
             GListModel         *documents,
             guint               position,
             double             *ms)
{
  g_autoptr(TallyDocument) document = g_list_model_get_item (documents, position);
  double start = now_ms ();

  if (!tally_documents_view_show_claim (view, document, 0, 0))
    g_error ("cannot show article %u", position);
  /* Read in a worker since session 6: until it is in the reader. */
  while (tally_documents_view_get_busy (view))
    g_main_context_iteration (NULL, TRUE);
  *ms = now_ms () - start;
  settle ();
  return tally_reader_get_n_claims (tally_documents_view_get_reader (view));
}

int
main (int   argc,
      char *argv[])
{
  guint n_documents;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = NULL;
  GtkWindow *window;
  TallyDocumentsView *view;
  GListModel *documents;
  double times[N_RUNS], start;
  guint n_claims = 0;

  gtk_init ();
  adw_init ();
  n_documents = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  path = make_project (n_documents);

  start = now_ms ();
  project = tally_project_open (path, &error);
  g_assert_no_error (error);
  documents = tally_project_get_documents (project);
  g_print ("# project opened in %.0f ms (%u documents)\n", now_ms () - start, g_list_model_get_n_items (documents));

  window = GTK_WINDOW (gtk_window_new ());
  view = g_object_new (TALLY_TYPE_DOCUMENTS_VIEW, NULL);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_set_default_size (window, 1200, 760);
  gtk_window_present (window);
  settle ();

  start = now_ms ();
  tally_documents_view_set_project (view, project);
  g_print ("show project      %8.1f ms   (list filtered, sorted by date, first article in the reader)\n",
           now_ms () - start);
  settle ();

  for (guint key = TALLY_DOCUMENTS_SORT_DATE; key <= TALLY_DOCUMENTS_SORT_TITLE; key++)
    {
      static const char *const names[] = { "date", "outlet", "title" };

      for (guint run = 0; run < N_RUNS; run++)
        {
          tally_documents_view_set_sort (view, (key + 1) % 3);
          start = now_ms ();
          tally_documents_view_set_sort (view, key);
          times[run] = now_ms () - start;
        }
      g_print ("sort by %-9s %8.1f ms   (median of %d)\n", names[key], median (times, N_RUNS), N_RUNS);
    }

  for (guint run = 0; run < N_RUNS; run++)
    {
      start = now_ms ();
      tally_documents_view_set_outlet (view, outlets[run % G_N_ELEMENTS (outlets)]);
      tally_documents_view_set_outlet (view, NULL);
      times[run] = now_ms () - start;
    }
  g_print ("outlet and back   %8.1f ms   (median of %d)\n", median (times, N_RUNS), N_RUNS);

  for (guint run = 0; run < N_RUNS; run++)
    {
      start = now_ms ();
      tally_documents_view_search (view, run % 2 ? "corridor" : "ferries");
      times[run] = now_ms () - start;
    }
  g_print ("search            %8.1f ms   (median of %d, %u hits listed)\n", median (times, N_RUNS),
           N_RUNS, g_list_model_get_n_items (tally_documents_view_get_search_results (view)));
  tally_documents_view_search (view, NULL);

  for (guint run = 0; run < N_RUNS; run++)
    n_claims = reader_load (view, documents, 1 + run, &times[run]);
  g_print ("open in reader 5 KB   %8.1f ms   (median of %d; %u figures; found in the list, loaded, highlighted)\n", median (times, N_RUNS), N_RUNS, n_claims);
  for (guint run = 0; run < N_RUNS; run++)
    {
      n_claims = reader_load (view, documents, 0, &times[run]);
      reader_load (view, documents, 1, &start);
    }
  g_print ("open in reader 200 KB %8.1f ms   (median of %d; %u figures)\n", median (times, N_RUNS), N_RUNS, n_claims);

  gtk_window_destroy (window);
  g_clear_object (&project);
  remove_project (path);
  return 0;
}
