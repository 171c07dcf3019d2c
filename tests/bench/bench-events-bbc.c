/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The event finder on real text: the BBC News corpus
 * (../shared/corpora/bbc.tar.xz, 2,225 articles no one here wrote), read from
 * a flat copy with shuffled names (the engine never sees a folder name).
 * Prints the events found (target: one or more per 10 articles), the share
 * of broken names (tally_event_finder_label_is_broken(): target at most 2 %,
 * though the finder leaves out what the check flags, so this counts what
 * gets past it), events by kind, a sample of names to read, and the time of
 * each stage: ingest, claims, events (MB/s of article text). Skips when
 * ../shared is absent.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bench-corpus.h"
#include "tally-claims.h"
#include "tally-events.h"
#include "tally-ingest.h"

int
main (int   argc,
      char *argv[])
{
  const char *source = g_getenv ("TALLY_SOURCE_DIR");
  g_autofree char *tarball = g_build_filename (source ? source : ".", "..", "shared", "corpora", "bbc.tar.xz", NULL);
  g_autofree char *tmp = NULL, *bbc = NULL, *flat = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(TallyEventFinder) finder = tally_event_finder_new (NULL, NULL);
  g_autoptr(GPtrArray) events = NULL;
  guint kinds[64] = { 0 };
  guint broken = 0, dated_docs = 0, n_docs = 0;
  guint64 bytes = 0;
  gint64 t_ingest = 0, t_claims = 0, t_events = 0, t_merge = 0, t0;

  if (!g_file_test (tarball, G_FILE_TEST_EXISTS))
    {
      printf ("SKIP: %s missing\n", tarball);
      return 77;
    }
  tmp = g_dir_make_tmp ("bench-events-bbc-XXXXXX", &error);
  g_assert_no_error (error);
  {
    /* The build root has Python's lzma but no xz for tar. */
    const char *tar[] = { "python3", "-c", "import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2], filter=\"data\")",
                          tarball, tmp, NULL };
    int status;

    g_spawn_sync (NULL, (char **) tar, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  bbc = g_build_filename (tmp, "bbc", NULL);
  bench_list_txt (bbc, paths);
  g_ptr_array_sort_values (paths, (GCompareFunc) strcmp);
  /* Flat, under names that say nothing, in shuffled order. */
  flat = g_build_filename (tmp, "flat", NULL);
  g_mkdir_with_parents (flat, 0700);
  for (guint i = paths->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer t = paths->pdata[i - 1];

      paths->pdata[i - 1] = paths->pdata[j];
      paths->pdata[j] = t;
    }
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("a%05u.txt", i);
      g_autofree char *to = g_build_filename (flat, name, NULL);
      g_autofree char *data = NULL;
      gsize len;

      if (!g_file_get_contents (g_ptr_array_index (paths, i), &data, &len, &error)
          || !g_file_set_contents (to, data, len, &error))
        g_error ("%s", error->message);
      g_free (paths->pdata[i]);
      paths->pdata[i] = g_steal_pointer (&to);
    }

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(TallyDocumentRecord) record = NULL;
      g_autoptr(GPtrArray) claims = NULL;
      g_autofree char *id = g_strdup_printf ("d%u", i + 1);
      TallyExtractOptions options;

      t0 = g_get_monotonic_time ();
      record = tally_ingest_file (g_ptr_array_index (paths, i), NULL);
      t_ingest += g_get_monotonic_time () - t0;
      if (record == NULL)
        continue;
      n_docs++;
      bytes += record->text_len;
      dated_docs += record->published != NULL;
      t0 = g_get_monotonic_time ();
      tally_extract_options_init (&options);
      if (record->published != NULL)
        tally_extract_options_set_reference_date (&options, record->published);
      options.tokens = record->tokens;
      claims = tally_extract_claims (record->text, record->text_len, &options);
      t_claims += g_get_monotonic_time () - t0;
      t0 = g_get_monotonic_time ();
      {
        /* As the app and tally-cli analyze add documents. */
        TallyEventSource source = {
          .id = id, .title = record->title, .text = record->text, .len = record->text_len,
          .published = record->published, .claims = claims, .sentences = record->sentences, .tokens = record->tokens,
        };

        tally_event_finder_add_source (finder, &source);
      }
      t_events += g_get_monotonic_time () - t0;
    }
  t0 = g_get_monotonic_time ();
  events = tally_event_finder_finish (finder);
  t_merge = g_get_monotonic_time () - t0;
  t_events += t_merge;

  for (guint e = 0; e < events->len; e++)
    {
      const TallyEventRecord *r = g_ptr_array_index (events, e);

      broken += tally_event_finder_label_is_broken (finder, r->label);
      if (r->kind < G_N_ELEMENTS (kinds))
        kinds[r->kind]++;
    }
  printf ("BBC corpus: %u articles (%u with a publication date found), %.1f MB of text\n",
          n_docs, dated_docs, bytes / 1e6);
  printf ("events: %u (%.2f per 10 articles; target >= 1)\n", events->len, events->len * 10.0 / MAX (n_docs, 1));
  printf ("broken names: %u (%.1f %%; target <= 2 %%)\n", broken, 100.0 * broken / MAX (events->len, 1));
  printf ("by kind:");
  for (guint k = 0; k < TALLY_EVENT_N_KINDS; k++)
    if (kinds[k] > 0)
      printf (" %s %u", tally_event_kind_to_string (k), kinds[k]);
  printf ("\n");
  printf ("time: ingest %.0f ms, claims %.0f ms (%.1f MB/s), events %.0f ms (%.1f MB/s; mentions and merge, "
          "given the claims and tokens; the merge, stories included: %.0f ms)\n",
          t_ingest / 1000.0, t_claims / 1000.0, bytes / 1e6 / MAX (t_claims / 1e6, 1e-6),
          t_events / 1000.0, bytes / 1e6 / MAX (t_events / 1e6, 1e-6), t_merge / 1000.0);
  printf ("a sample of names (every %u-th event):\n", MAX (events->len / 40, 1));
  for (guint e = 0; e < events->len; e += MAX (events->len / 40, 1))
    {
      const TallyEventRecord *r = g_ptr_array_index (events, e);

      printf ("  %-10s %-10s %s%s%s\n", tally_event_kind_to_string (r->kind), r->date, r->label,
              r->place ? " @ " : "", r->place ? r->place : "");
    }
  if (argc > 1 && g_str_equal (argv[1], "all"))
    for (guint e = 0; e < events->len; e++)
      {
        const TallyEventRecord *r = g_ptr_array_index (events, e);

        printf ("ALL\t%s\t%s\t%s\t%s\t%u\n", tally_event_kind_to_string (r->kind), r->date, r->label,
                r->place ? r->place : "", r->mentions->len);
      }

  {
    /* Leave nothing behind. */
    const char *rm[] = { "rm", "-rf", tmp, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return 0;
}
