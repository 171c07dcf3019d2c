/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The app's session on real text: the BBC News corpus
 * (../shared/corpora/bbc.tar.xz, 2,225 articles no one here wrote), copied
 * flat under shuffled names, imported into a project with a TallySession
 * following it, as the window does. Prints the time from the end of the
 * import until the stories and facts are shown, the time to find them again
 * after a story move, the longest main-loop gap in each phase (the window
 * must stay responsive: the work runs in worker threads), and what the
 * Documents and Facts views then show: stories, facts, conflicts. Skips when
 * ../shared is absent.
 */
#include "config.h"

#define _GNU_SOURCE
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "bench-corpus.h"
#include "tally-fact.h"
#include "tally-session.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

typedef struct
{
  gint64 last;
  gint64 last_cpu;
  gint64 max_gap;
  gint64 max_gap_cpu;       /* the main thread's CPU time within that gap */
  gint64 max_cpu;           /* the most CPU the main thread spent between two ticks */
} Watch;

static gint64
thread_cpu_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC
         + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

/* A 1 ms timer: the time between two of its calls is how long the main loop
 * was busy in between; on a loaded machine much of a gap can be waiting for
 * a core, so the main thread's own CPU time in it is kept too. */
static gboolean
on_tick (gpointer data)
{
  Watch *w = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (w->last != 0 && now - w->last > w->max_gap)
    {
      w->max_gap = now - w->last;
      w->max_gap_cpu = cpu - w->last_cpu;
    }
  if (w->last != 0 && cpu - w->last_cpu > w->max_cpu)
    w->max_cpu = cpu - w->last_cpu;
  w->last = now;
  w->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
watch_reset (Watch *w)
{
  *w = (Watch) { 0 };
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TallyImportResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = tally_project_import_finish (TALLY_PROJECT (object), result, &error);
  g_assert_no_error (error);
}

static void
wait_grouped (TallySession *session)
{
  while (tally_session_get_grouping (session) || tally_session_get_facts (session) == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
print_views (TallySession *session)
{
  GListModel *facts = tally_session_get_facts (session);
  GListModel *stories = tally_session_get_stories (session);
  guint conflicts = 0, updated = 0, multi = 0;
  g_autoptr(TallyStory) largest = g_list_model_get_item (stories, 0);

  for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);

      conflicts += tally_fact_get_status (fact) == TALLY_FACT_STATUS_CONFLICT;
      updated += tally_fact_get_status (fact) == TALLY_FACT_STATUS_UPDATED;
    }
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(TallyStory) story = g_list_model_get_item (stories, i);

      multi += tally_story_get_n_documents (story) > 1;
    }
  printf ("views: %u stories (%u of two or more articles; largest \"%s\"), %u facts, %u conflicts (%.1f %%), "
          "%u updated\n",
          g_list_model_get_n_items (stories), multi, tally_story_get_label (largest), g_list_model_get_n_items (facts),
          conflicts, 100.0 * conflicts / MAX (1, g_list_model_get_n_items (facts)), updated);
}

int
main (void)
{
  const char *source = g_getenv ("TALLY_SOURCE_DIR");
  g_autofree char *tarball = g_build_filename (source ? source : ".", "..", "shared", "corpora", "bbc.tar.xz", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TallyProject) project = NULL;
  g_autoptr(TallySession) session = NULL;
  g_autoptr(TallyImportResult) imported = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(TallyStory) largest = NULL;
  g_autoptr(TallyDocument) moved = NULL;
  GRand *rand = g_rand_new_with_seed (20240503);
  Watch watch = { 0 };
  gint64 t0;
  int status = 0;

  if (!g_file_test (tarball, G_FILE_TEST_EXISTS))
    {
      printf ("SKIP: %s missing\n", tarball);
      return 77;
    }
  tmp = g_dir_make_tmp ("tally-session-bbc-XXXXXX", &error);
  g_assert_no_error (error);
  {
    /* The build root has Python's lzma but no xz for tar. */
    const char *tar[] = { "python3", "-c", "import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2], filter=\"data\")",
                          tarball, tmp, NULL };

    g_spawn_sync (NULL, (char **) tar, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  bench_list_txt (tmp, paths);
  g_ptr_array_sort (paths, compare_paths);
  /* Flat, shuffled: the engine never sees a section's folder. */
  flat = g_build_filename (tmp, "flat", NULL);
  g_mkdir (flat, 0700);
  for (guint i = paths->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) i);
      gpointer swap = paths->pdata[i - 1];

      paths->pdata[i - 1] = paths->pdata[j];
      paths->pdata[j] = swap;
    }
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("%05u.txt", i);
      g_autofree char *to = g_build_filename (flat, name, NULL);
      g_autofree char *data = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (g_ptr_array_index (paths, i), &data, &len, &error));
      g_assert_true (g_file_set_contents (to, data, len, &error));
    }
  g_rand_free (rand);
  printf ("BBC corpus: %u articles, copied flat under shuffled names\n", paths->len);

  project = tally_project_new_temporary (&error);
  g_assert_no_error (error);
  session = tally_session_new (project, &error);
  g_assert_no_error (error);
  g_timeout_add (1, on_tick, &watch);

  t0 = g_get_monotonic_time ();
  folder = g_file_new_for_path (flat);
  tally_project_import_async (project, &folder, 1, NULL, on_imported, &imported);
  while (imported == NULL)
    g_main_context_iteration (NULL, TRUE);
  printf ("import: %u articles added (%u already in the project) in %.1f s, longest main-loop gap %.1f ms\n",
          imported->n_added, imported->n_duplicates, (g_get_monotonic_time () - t0) / 1e6, watch.max_gap / 1000.0);

  /* The session waits for a quiet moment, reads claims and texts, finds the
   * stories and groups the facts. */
  watch_reset (&watch);
  t0 = g_get_monotonic_time ();
  wait_grouped (session);
  printf ("stories and facts shown %.2f s after the import; longest main-loop gap %.1f ms (%.1f ms of it on the "
          "main thread's CPU), most main-thread CPU between two ticks %.1f ms [target < 50 ms]\n",
          (g_get_monotonic_time () - t0) / 1e6, watch.max_gap / 1000.0, watch.max_gap_cpu / 1000.0,
          watch.max_cpu / 1000.0);
  print_views (session);

  /* A correction: the largest story's second article moves to a story of its own. */
  largest = g_list_model_get_item (tally_session_get_stories (session), 0);
  for (guint i = 0; moved == NULL && i < g_list_model_get_n_items (tally_project_get_documents (project)); i++)
    {
      g_autoptr(TallyDocument) document = g_list_model_get_item (tally_project_get_documents (project), i);

      if (tally_document_get_story (document) == largest
          && !tally_document_id_equal (tally_document_get_id (document), tally_story_get_anchor (largest)))
        moved = g_steal_pointer (&document);
    }
  g_assert_nonnull (moved);
  watch_reset (&watch);
  t0 = g_get_monotonic_time ();
  g_assert_true (tally_session_move_to_story (session, moved, NULL, &error));
  wait_grouped (session);
  printf ("a story move: found again in %.2f s; longest main-loop gap %.1f ms (%.1f ms on the main thread's CPU), "
          "most main-thread CPU between two ticks %.1f ms; the article's story now holds %u\n",
          (g_get_monotonic_time () - t0) / 1e6, watch.max_gap / 1000.0, watch.max_gap_cpu / 1000.0,
          watch.max_cpu / 1000.0,
          tally_story_get_n_documents (tally_document_get_story (moved)));
  print_views (session);
  return 0;
}
