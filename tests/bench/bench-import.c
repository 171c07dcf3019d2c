/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import of 10,000 generated articles (~5 KB each, half plain text, half
 * HTML pages with furniture) into a new project, the way the window does it:
 * tally_project_import_async() with the main loop running. Prints the wall
 * time, the peak RSS and the longest gap between main-loop iterations
 * (targets: < 10 s, < 300 MB, < 50 ms). N can be given as argv[1]. */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "tally-claims.h"
#include "tally-project.h"

static const char * const words[] = {
  "harbour", "ferry", "corridor", "rail", "terminal", "cargo", "customs", "summit", "minister", "delegation",
  "agreement", "tariff", "container", "freight", "berth", "crane", "shipping", "season", "ice", "route",
  "border", "timetable", "investment", "fund", "port", "operator", "council", "region", "village", "lake",
  "quota", "licence", "fishers", "boats", "patrol", "report", "survey", "budget", "contract", "tender",
  "said", "agreed", "announced", "signed", "expects", "reported", "rose", "fell", "reached", "opened",
  "the", "a", "of", "and", "in", "on", "for", "with", "after", "before", "by", "from", "to", "at",
  "new", "second", "final", "regional", "national", "northern", "southern", "eastern", "western", "joint",
  "Kemi", "Oulu", "Inari", "Tornio", "Raahe", "Vaasa", "Pori", "Rauma", "Kotka", "Hamina",
};

static void
append_sentence (GString *s,
                 GRand   *rand)
{
  guint n = g_rand_int_range (rand, 10, 20);

  for (guint i = 0; i < n; i++)
    {
      const char *w = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (i == 0)
        {
          g_string_append_c (s, g_ascii_toupper (w[0]));
          g_string_append (s, w + 1);
        }
      else
        {
          g_string_append_c (s, ' ');
          if (g_rand_int_range (rand, 0, 9) == 0)
            g_string_append_printf (s, "%u ", g_rand_int_range (rand, 2, 5000));
          g_string_append (s, w);
        }
    }
  g_string_append (s, ". ");
}

static char *
make_body (GRand *rand,
           gboolean html)
{
  GString *s = g_string_new (NULL);

  while (s->len < 4300)
    {
      g_string_append (s, html ? "<p>" : "");
      for (guint i = 0; i < 5; i++)
        append_sentence (s, rand);
      g_string_truncate (s, s->len - 1);
      g_string_append (s, html ? "</p>\n" : "\n\n");
    }
  return g_string_free (s, FALSE);
}

static void
write_corpus (const char *dir,
              guint       n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);

  for (guint i = 0; i < n; i++)
    {
      gboolean html = i % 2 == 1;
      g_autofree char *body = make_body (rand, html);
      g_autofree char *name = g_strdup_printf ("%05u-article.%s", i, html ? "html" : "txt");
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;

      if (html)
        text = g_strdup_printf ("<!DOCTYPE html><html><head><title>Harbour report %u | Coast Weekly</title>"
                                "<meta property=\"og:site_name\" content=\"Coast Weekly\">"
                                "<meta property=\"article:published_time\" content=\"2027-03-%02uT08:00:00Z\">"
                                "<script>var id = %u;</script></head><body>"
                                "<nav><a href=\"/\">Home</a> <a href=\"/ports\">Ports</a></nav>"
                                "<article><h1>Harbour report %u</h1>%s</article>"
                                "<div class=\"share\"><a href=\"#\">Share</a></div>"
                                "<footer>© 2027 Coast Weekly</footer></body></html>",
                                i, 1 + i % 28, i, i, body);
      else
        text = g_strdup_printf ("Harbour report %u\n\nBy Desk Reporter\nMarch %u, 2027\n\n%s"
                                "Leave a Reply\n\nYour email address will not be published.\n\nBack To Top\n",
                                i, 1 + i % 28, body);
      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }
}

/* User + system CPU seconds of the whole process: unlike wall time, not
 * inflated when other programs share the machine. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* The machine's one-minute load average (other programs sharing the cores). */
static double
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return -1;
  return g_ascii_strtod (text, NULL);
}

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  if ((line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

typedef struct
{
  gint64 last;
  gint64 max_gap;
  gint64 last_cpu;          /* the main thread's CPU time at the last tick */
  gint64 max_gap_cpu;       /* of the longest gap, what the main thread ran */
  gint64 max_busy;          /* the most CPU the main thread used between two ticks */
  gboolean done;
  TallyImportResult *result;
} Watch;

static gint64
thread_cpu_us (void)
{
  struct timespec t;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * G_USEC_PER_SEC + t.tv_nsec / 1000;
}

/* A 1 ms timer: the time between two of its calls is how long the main loop
 * was busy (or blocked) in between. The main thread's own CPU time over the
 * same stretch says which: work of ours on the main thread, or the thread
 * waiting for a core that other programs hold. */
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
  if (w->last != 0 && cpu - w->last_cpu > w->max_busy)
    w->max_busy = cpu - w->last_cpu;
  w->last = now;
  w->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  Watch *w = data;
  g_autoptr(GError) error = NULL;

  w->result = tally_project_import_finish (TALLY_PROJECT (object), result, &error);
  g_assert_no_error (error);
  w->done = TRUE;
}

typedef struct
{
  TallyProject *project;
  GPtrArray *claims;
} ClaimsWait;

static void
on_claims (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  ClaimsWait *wait = data;
  g_autoptr(GError) error = NULL;

  wait->claims = tally_project_load_claims_finish (wait->project, result, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* Where the time goes, one stage at a time on one thread. */
static void
print_phases (const char *corpus,
              const char *root)
{
  g_autoptr(GDir) d = g_dir_open (corpus, 0, NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_document_record_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) all_claims = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree char *db = g_build_filename (root, "phases.tally", NULL);
  g_autoptr(GError) error = NULL;
  TallyStore *store;
  const char *name;
  gint64 t0, t_ingest, t_claims, t_store;
  guint n_claims = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_build_filename (corpus, name, NULL));

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (records, tally_ingest_file (g_ptr_array_index (names, i), NULL));
  t_ingest = g_get_monotonic_time () - t0;

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < records->len; i++)
    {
      TallyDocumentRecord *r = g_ptr_array_index (records, i);
      GPtrArray *claims = tally_extract_claims (r->text, r->text_len, NULL);

      n_claims += claims->len;
      g_ptr_array_add (all_claims, claims);
    }
  t_claims = g_get_monotonic_time () - t0;

  store = tally_store_open (db, TALLY_STORE_OPEN_CREATE | TALLY_STORE_OPEN_BULK, &error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  tally_store_begin (store, NULL);
  for (guint i = 0; i < records->len; i++)
    {
      g_assert_cmpint (tally_store_add_document (store, g_ptr_array_index (records, i),
                                                 g_ptr_array_index (all_claims, i), TALLY_DOCUMENT_ID_NONE,
                                                 &error).value, >, 0);
      if (i % 250 == 249)
        {
          tally_store_commit (store, NULL);
          tally_store_begin (store, NULL);
        }
    }
  tally_store_commit (store, NULL);
  t_store = g_get_monotonic_time () - t0;
  tally_store_close (store);

  printf ("phases: ingest %.2f s, claims %.2f s (%u claims), store with claims %.2f s\n",
          t_ingest / 1e6, t_claims / 1e6, n_claims, t_store / 1e6);
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("tally-bench-import-XXXXXX", &error);
  g_autofree char *corpus = g_build_filename (root, "corpus", NULL);
  g_autofree char *data_home = g_build_filename (root, "data", NULL);
  g_autoptr(TallyProject) project = NULL;
  g_autoptr(GFile) folder = NULL;
  Watch watch = { 0 };
  gint64 start, elapsed;
  double cpu_start, cpu;
  guint tick;
  goffset bytes = 0;

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_mkdir_with_parents (corpus, 0755);
  write_corpus (corpus, n);
  {
    g_autoptr(GDir) d = g_dir_open (corpus, 0, NULL);
    const char *name;
    GStatBuf st;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (corpus, name, NULL);

        if (g_stat (path, &st) == 0)
          bytes += st.st_size;
      }
  }

  if (argc > 2 && g_str_equal (argv[2], "phases"))
    print_phases (corpus, root);

  project = tally_project_new_temporary (&error);
  g_assert_no_error (error);
  folder = g_file_new_for_path (corpus);

  tick = g_timeout_add (1, on_tick, &watch);
  cpu_start = cpu_seconds ();
  start = g_get_monotonic_time ();
  tally_project_import_async (project, &folder, 1, NULL, on_done, &watch);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - start;
  cpu = cpu_seconds () - cpu_start;
  g_source_remove (tick);

  g_assert_cmpuint (watch.result->n_added, ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (tally_project_get_documents (project)), ==, n);

  printf ("import: %u articles, %.1f MB, mixed text/HTML\n", n, bytes / (1024.0 * 1024.0));
  printf ("import: %.2f s (%.0f articles/s, %.1f MB/s)  [target < 10 s]\n",
          elapsed / 1e6, n / (elapsed / 1e6), bytes / (1024.0 * 1024.0) / (elapsed / 1e6));
  printf ("import: %.2f s of CPU over %u cores (wall time grows when other programs share them)\n", cpu, g_get_num_processors ());
  printf ("import: peak RSS %.1f MB  [target < 300 MB]%s\n", peak_rss_kb () / 1024.0,
          argc > 2 ? " (includes the phases run, which holds every record)" : "");
  printf ("import: longest main-loop gap %.1f ms  [target < 50 ms], the main thread ran %.1f ms of it; "
          "most main-thread CPU between two ticks %.1f ms; load average %.1f\n",
          watch.max_gap / 1000.0, watch.max_gap_cpu / 1000.0, watch.max_busy / 1000.0, load_average ());

  /* Reading every claim back, as the fact grouping does. */
  {
    ClaimsWait wait = { project, NULL };

    watch.max_gap = 0;
    watch.last = 0;
    tick = g_timeout_add (1, on_tick, &watch);
    start = g_get_monotonic_time ();
    tally_project_load_claims_async (project, NULL, on_claims, &wait);
    while (wait.claims == NULL)
      g_main_context_iteration (NULL, TRUE);
    elapsed = g_get_monotonic_time () - start;
    g_source_remove (tick);
    printf ("claims: %u read back in %.2f s (longest main-loop gap %.1f ms)\n",
            wait.claims->len, elapsed / 1e6, watch.max_gap / 1000.0);
    g_ptr_array_unref (wait.claims);
  }

  tally_import_result_free (watch.result);
  g_clear_object (&project);
  remove_tree (root);
  return 0;
}
