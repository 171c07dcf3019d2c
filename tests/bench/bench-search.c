/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-search: full-text search as the Documents view runs it, on a project
 * of 10,000 generated articles (~5 KB each, Zipfian words). Prints, per
 * query form (word, rare word, two words, phrase, prefix, a word in every
 * article), the median / 95th percentile /
 * worst time of the store query plus turning its hits into the sidebar's
 * marked-up snippets. Target: under 20 ms per query.
 *
 *   bench-search [N_DOCUMENTS]
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tally-document-record.h"
#include "tally-search-hit.h"
#include "tally-store.h"

#define N_RUNS       40
#define SEARCH_LIMIT 50    /* as the Documents view asks */

/* Words follow Zipf's law as in real prose: a 20,000-word vocabulary of
 * made-up words, with the words the queries look for planted at ranks that
 * make them common ("said"), middling ("corridor") or rare ("Zhetybai"). */
#define VOCABULARY 20000

static const struct { guint rank; const char *word; } planted[] = {
  { 0, "the" }, { 3, "said" }, { 150, "corridor" }, { 260, "ferry" }, { 700, "timetable" },
  { 420, "container" }, { 2100, "containers" }, { 5200, "contained" }, { 330, "investment" }, { 380, "fund" },
  { 15000, "Zhetybai" },
};

static char **vocabulary;
static double *cdf;

static void
vocabulary_init (GRand *rand)
{
  static const char *const syllables[] = {
    "ka", "ri", "mo", "ta", "sen", "vel", "dor", "an", "is", "ul", "pe", "zo", "ber", "lin", "ma", "ko",
    "tu", "ra", "ne", "sol", "vi", "gar", "en", "ost",
  };
  double total = 0;

  vocabulary = g_new0 (char *, VOCABULARY);
  cdf = g_new (double, VOCABULARY);
  for (guint i = 0; i < VOCABULARY; i++)
    {
      GString *word = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 2, 4);

      for (guint j = 0; j < n; j++)
        g_string_append (word, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
      vocabulary[i] = g_string_free (word, FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    {
      g_free (vocabulary[planted[i].rank]);
      vocabulary[planted[i].rank] = g_strdup (planted[i].word);
    }
  for (guint i = 0; i < VOCABULARY; i++)
    cdf[i] = (total += 1.0 / (i + 1));
  for (guint i = 0; i < VOCABULARY; i++)
    cdf[i] /= total;
}

static const char *
random_word (GRand *rand)
{
  double x = g_rand_double (rand);
  guint lo = 0, hi = VOCABULARY - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (cdf[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return vocabulary[lo];
}

static char *
article_text (GRand *rand,
              guint  index)
{
  GString *text = g_string_sized_new (5200);

  while (text->len < 5000)
    {
      guint n = g_rand_int_range (rand, 12, 30);

      for (guint w = 0; w < n; w++)
        {
          g_string_append (text, w == 0 ? "" : " ");
          g_string_append (text, random_word (rand));
        }
      if (g_rand_int_range (rand, 0, 60) == 0)
        g_string_append (text, " the investment fund");
      g_string_append_printf (text, " %u.\n\n", g_rand_int_range (rand, 1, 5000));
    }
  g_string_append_printf (text, "Article %u ends here.", index);
  return g_string_free (text, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static void
time_query (TallyStore *store,
            const char *label,
            const char *query)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_hits = 0;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GListStore) results = g_list_store_new (TALLY_TYPE_SEARCH_HIT);
      gint64 start = g_get_monotonic_time ();
      double ms;

      hits = tally_store_search (store, query, SEARCH_LIMIT, &error);
      if (hits == NULL)
        g_error ("search “%s” failed: %s", query, error->message);
      for (guint i = 0; i < hits->len; i++)
        {
          TallyStoreHit *hit = g_ptr_array_index (hits, i);
          g_autofree char *markup = tally_search_hit_markup_from_snippet (hit->snippet ? hit->snippet : "",
                                                                          TALLY_STORE_MATCH_START,
                                                                          TALLY_STORE_MATCH_END, "#f8e45c99");
          g_autoptr(TallySearchHit) item = tally_search_hit_new (NULL, hit->title, markup, hit->rank);

          g_list_store_append (results, item);
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      n_hits = hits->len;
    }
  g_array_sort (times, compare_doubles);
  g_print ("%-10s %-24s hits %4u   median %7.2f ms   p95 %7.2f ms   worst %7.2f ms\n",
           label, query, n_hits,
           g_array_index (times, double, N_RUNS / 2),
           g_array_index (times, double, (N_RUNS * 95) / 100),
           g_array_index (times, double, N_RUNS - 1));
}

int
main (int   argc,
      char *argv[])
{
  guint n_documents = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  g_autofree char *dir = g_dir_make_tmp ("tally-bench-search-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.tally", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260617);
  TallyStore *store;
  gint64 start;

  vocabulary_init (rand);

  store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  tally_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(TallyDocumentRecord) record = tally_document_record_new ();

      record->text = article_text (rand, i);
      record->text_len = strlen (record->text);
      record->title = g_strdup_printf ("%s %s report %u", random_word (rand), random_word (rand), i);
      record->content_hash = g_strdup_printf ("%064x", i);
      record->path = g_strdup_printf ("/bench/article-%05u.txt", i);
      record->word_count = record->text_len / 6;
      if (tally_document_id_is_none (tally_store_add_document (store, record, NULL, TALLY_DOCUMENT_ID_NONE, &error)))
        g_error ("adding article %u: %s", i, error->message);
    }
  tally_store_commit (store, &error);
  g_assert_no_error (error);
  g_print ("# %u generated articles (~5 KB each, Zipfian words) stored in %.1f s\n",
           n_documents, (g_get_monotonic_time () - start) / 1e6);
  g_print ("# %d runs per query, limit %d hits, store query + snippet markup\n", N_RUNS, SEARCH_LIMIT);

  time_query (store, "word", "corridor");
  time_query (store, "rare", "Zhetybai");
  time_query (store, "two words", "ferry timetable");
  time_query (store, "phrase", "\"investment fund\"");
  time_query (store, "prefix", "contain*");
  time_query (store, "title", "report 4242");
  /* The worst case: a word in every article, so every one is ranked. */
  time_query (store, "everywhere", "said");

  tally_store_close (store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (dir);
  return 0;
}
