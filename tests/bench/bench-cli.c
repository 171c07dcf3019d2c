/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench-corpus.h"
#include "tally-claims.h"
#include "tally-events.h"
#include "tally-ingest.h"
#include "tally-json-export.h"

/* The whole of `tally-cli analyze` on real text, as a user waits for it:
 * the BBC corpus (../shared/corpora/bbc.tar.xz, 2,225 articles) copied 4
 * times plus ../shared/seeds, flat with shuffled names (about 20 MB in
 * 8,905 files), and 16 times (about 80 MB) for memory. Prints MB/s (wall
 * and per CPU second) and peak RSS for jsonl (with events), csv and json,
 * one job and all cores, then the CPU time per stage of one job's jsonl
 * pass (ingest, claims, events, output), measured in this process with the
 * same calls the CLI makes. Skips when ../shared is absent.
 *
 *   bench-cli [COPIES [stages]]   (default 4; 16 is run too for the RSS
 *                                 figure; "stages": only the split) */

static char *
shared_dir (void)
{
  const char *source = g_getenv ("TALLY_SOURCE_DIR");

  return g_build_filename (source != NULL ? source : ".", "..", "shared", NULL);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (from, &data, &len, &error) || !g_file_set_contents (to, data, len, &error))
    g_error ("%s", error->message);
}

/* `copies` of every BBC article plus the seeds, in one folder under names
 * that say nothing (a0001.txt …, shuffled). Returns the bytes written. */
static guint64
make_corpus (const char *bbc_root,
             const char *seeds,
             guint       copies,
             const char *out_dir,
             guint      *n_files)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);
  guint64 bytes = 0;

  bench_list_txt (bbc_root, articles);
  g_ptr_array_sort_values (articles, (GCompareFunc) strcmp);
  for (guint c = 0; c < copies; c++)
    g_ptr_array_extend (sources, articles, NULL, NULL);
  {
    g_autoptr(GPtrArray) seed_files = g_ptr_array_new_with_free_func (g_free);

    bench_list_txt (seeds, seed_files);
    g_ptr_array_sort_values (seed_files, (GCompareFunc) strcmp);
    for (guint s = 0; s < seed_files->len; s++)
      g_ptr_array_add (articles, g_strdup (g_ptr_array_index (seed_files, s)));
    for (guint s = 0; s < seed_files->len; s++)
      g_ptr_array_add (sources, g_ptr_array_index (articles, articles->len - seed_files->len + s));
  }
  for (guint i = sources->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer t = sources->pdata[i - 1];

      sources->pdata[i - 1] = sources->pdata[j];
      sources->pdata[j] = t;
    }
  g_mkdir_with_parents (out_dir, 0700);
  for (guint i = 0; i < sources->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("a%05u.txt", i);
      g_autofree char *to = g_build_filename (out_dir, name, NULL);
      GStatBuf st;

      copy_file (g_ptr_array_index (sources, i), to);
      if (g_stat (to, &st) == 0)
        bytes += st.st_size;
    }
  *n_files = sources->len;
  return bytes;
}

/* The one-minute load average: other programs on the same cores make wall
 * times longer (CPU seconds much less so). */
static double
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return -1;
  return g_ascii_strtod (text, NULL);
}

typedef struct
{
  double wall;
  double cpu;
  long max_rss_kb;
  gboolean ok;
} RunFigures;

/* tally-cli analyze --format FORMAT --jobs JOBS DIR > /dev/null */
static RunFigures
run_cli (const char *cli,
         const char *format,
         const char *jobs,
         const char *dir)
{
  RunFigures f = { 0 };
  struct timespec t0, t1;
  struct rusage usage;
  int status = 0;
  pid_t pid;

  clock_gettime (CLOCK_MONOTONIC, &t0);
  pid = fork ();
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, 1);
      if (jobs != NULL)
        execl (cli, cli, "analyze", "--format", format, "--jobs", jobs, dir, (char *) NULL);
      else
        execl (cli, cli, "analyze", "--format", format, dir, (char *) NULL);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) < 0)
    return f;
  clock_gettime (CLOCK_MONOTONIC, &t1);
  f.wall = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  f.cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  f.max_rss_kb = usage.ru_maxrss;
  f.ok = WIFEXITED (status) && WEXITSTATUS (status) <= 1;
  return f;
}

static double
thread_cpu (void)
{
  struct timespec t;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

/* One job's jsonl pass, stage by stage, with the calls tally-cli makes. */
static void
profile_stages (const char *dir,
                guint64     bytes)
{
  const char *paths[] = { dir, NULL };
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_ingest_failure_free);
  g_autoptr(GPtrArray) files = tally_ingest_collect_paths (paths, -1, failures, NULL);
  g_autoptr(TallyEventFinder) finder = tally_event_finder_new (NULL, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  double ingest = 0, claims = 0, events = 0, output = 0, t, total;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *id = g_strdup_printf ("d%u", i + 1);
      g_autoptr(TallyAnalyzedDocument) document = tally_analyzed_document_new (id, path);
      TallyExtractOptions options;

      t = thread_cpu ();
      document->record = tally_ingest_listed_file_full (path, TALLY_INGEST_NO_CONTENT_HASH, NULL);
      ingest += thread_cpu () - t;
      if (document->record == NULL)
        continue;

      t = thread_cpu ();
      tally_extract_options_init (&options);
      if (document->record->published != NULL)
        tally_extract_options_set_reference_date (&options, document->record->published);
      options.tokens = document->record->tokens;
      g_ptr_array_unref (document->claims);
      document->claims = tally_extract_claims (document->record->text, document->record->text_len, &options);
      claims += thread_cpu () - t;

      t = thread_cpu ();
      g_string_truncate (out, 0);
      tally_jsonl_write_document (out, document);
      for (guint c = 0; c < document->claims->len; c++)
        tally_jsonl_write_claim (out, g_ptr_array_index (document->claims, c), "c1", document->id,
                                 document->record->text, document->record->text_len);
      output += thread_cpu () - t;

      t = thread_cpu ();
      tally_json_add_document_events (finder, document);
      events += thread_cpu () - t;
    }
  t = thread_cpu ();
  g_ptr_array_unref (tally_event_finder_finish (finder));
  events += thread_cpu () - t;

  total = ingest + claims + events + output;
  printf ("stages (one job, jsonl, %.1f MB, CPU seconds and share):\n", bytes / 1e6);
  printf ("  ingest  %6.2f s  %4.1f %%\n", ingest, 100 * ingest / total);
  printf ("  claims  %6.2f s  %4.1f %%\n", claims, 100 * claims / total);
  printf ("  events  %6.2f s  %4.1f %%\n", events, 100 * events / total);
  printf ("  output  %6.2f s  %4.1f %%\n", output, 100 * output / total);
  printf ("  total   %6.2f s  (%.1f MB per CPU second)\n", total, bytes / 1e6 / total);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *shared = shared_dir ();
  g_autofree char *tarball = g_build_filename (shared, "corpora", "bbc.tar.xz", NULL);
  g_autofree char *seeds = g_build_filename (shared, "seeds", NULL);
  const char *cli = g_getenv ("TALLY_CLI");
  g_autofree char *tmp = NULL;
  g_autofree char *bbc = NULL;
  g_autoptr(GError) error = NULL;
  guint copies = argc > 1 ? (guint) atoi (argv[1]) : 4;
  const guint big_copies = 16;
  static const char *const formats[] = { "jsonl", "csv", "json" };
  const guint n_formats = G_N_ELEMENTS (formats);
  static const char *const jobs[] = { "1", "0" };
  char cores[16];
  gboolean has_jobs;
  gboolean stages_only = argc > 2 && g_str_equal (argv[2], "stages");

  if (!g_file_test (tarball, G_FILE_TEST_EXISTS) || cli == NULL)
    {
      printf ("SKIP: %s or TALLY_CLI missing\n", tarball);
      return 77;
    }
  g_snprintf (cores, sizeof cores, "%u", g_get_num_processors ());
  {
    /* A tally-cli from before --jobs (to measure the old one) runs once. */
    const char *help[] = { cli, "analyze", "--help", NULL };
    g_autofree char *out = NULL;

    g_spawn_sync (NULL, (char **) help, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, NULL, NULL);
    has_jobs = out != NULL && strstr (out, "--jobs") != NULL;
  }
  tmp = g_dir_make_tmp ("bench-cli-XXXXXX", &error);
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

  for (guint round = 0; round < 2; round++)
    {
      guint n_copies = round == 0 ? copies : big_copies;
      g_autofree char *name = g_strdup_printf ("x%u", n_copies);
      g_autofree char *dir = g_build_filename (tmp, name, NULL);
      guint n_files = 0;
      guint64 bytes = make_corpus (bbc, seeds, n_copies, dir, &n_files);

      printf ("corpus: BBC x %u + seeds, %.1f MB in %u files, %u cores, load average %.1f\n", n_copies, bytes / 1e6,
              n_files, g_get_num_processors (), load_average ());
      for (guint f = 0; f < n_formats && !stages_only; f++)
        for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
          {
            RunFigures r;

            /* The big corpus is for memory (json streams too, but keeps
             * what the facts and stories need of every document). */
            if (round == 1 && has_jobs && j == 0)
              continue;
            if (!has_jobs && j == 1)
              continue;
            r = run_cli (cli, formats[f], has_jobs ? jobs[j] : NULL, dir);
            printf ("  %-5s --jobs %-2s %6.2f s wall  %6.1f MB/s  %6.2f s CPU (%5.1f MB per CPU s)  peak RSS %6.1f MB%s\n",
                    formats[f], !has_jobs ? "-" : j == 0 ? "1" : cores, r.wall, bytes / 1e6 / r.wall, r.cpu, bytes / 1e6 / r.cpu,
                    r.max_rss_kb / 1024.0, r.ok ? "" : "  FAILED");
          }
      if (round == 0)
        profile_stages (dir, bytes);
      fflush (stdout);
      if (stages_only)
        break;
    }

  {
    const char *rm[] = { "rm", "-rf", tmp, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return 0;
}
