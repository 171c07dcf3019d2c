/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>

#include "tally-fact.h"
#include "tally-project.h"
#include "tally-session.h"
#include "tally-store.h"

/* Opening a large project (issue 14): generated projects of 5,000
 * documents (TALLY_BENCH_DOCUMENTS) and 0.5, 1 and 2 million claims
 * (TALLY_BENCH_CLAIMS, a comma-separated list; 5,000 measures) are written
 * once beside the build, then a child process opens each as the app does
 * (TallyProject, then a TallySession that reads the claims and groups them)
 * and prints the time to the document list, the time until the facts are
 * grouped, their count, and memory: the peak RSS (VmHWM) and, apart, the
 * process's own memory (RssAnon) and the pages of the project file SQLite
 * maps (RssFile, at most its 256 MB mmap window). The same documents with
 * more claims show what of opening grows with the claims. Each project is
 * opened twice: first with no facts kept (the claims are read and grouped,
 * and the facts kept in the project), then again (the kept facts are read
 * back, issue 14). CPU seconds (user + system) are the child's, which the
 * machine's load does not inflate as it does the wall time. Figures only. */

#define N_MEASURES 5000

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* A field of /proc/self/status in MB ("VmHWM:", "RssAnon:", "RssFile:"). */
static double
status_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, field)) == NULL)
    return -1;
  return strtol (line + strlen (field), NULL, 10) / 1024.0;
}

static gboolean
generate (const char *path,
          guint       n_claims,
          guint       n_documents,
          GError    **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  TallyStore *store;
  GRand *rand = g_rand_new_with_seed (20261206);
  guint per_document = (n_claims + n_documents - 1) / n_documents;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean ok = TRUE;

  g_unlink (partial);
  if ((store = tally_store_open (partial, TALLY_STORE_OPEN_CREATE | TALLY_STORE_OPEN_BULK, error)) == NULL)
    return FALSE;
  for (guint d = 0; ok && d < n_documents; d++)
    {
      g_autoptr(TallyDocumentRecord) record = tally_document_record_new ();
      g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);

      if (d % 1000 == 0)
        ok = tally_store_begin (store, error);
      g_string_truncate (text, 0);
      for (guint c = 0; c < per_document; c++)
        {
          TallyClaimRecord *claim = tally_claim_record_new ();
          guint measure = g_rand_int_range (rand, 0, N_MEASURES);
          gsize at;

          if (c > 0 && c % 5 == 0)
            g_string_append (text, "\n\n");
          at = text->len;

          g_string_append_printf (text, "The board counted %u widgets of line %u this year. ",
                                  100 + measure % 50 + (g_rand_int_range (rand, 0, 8) == 0), measure);
          claim->kind = TALLY_CLAIM_KIND_COUNT;
          claim->has_value = TRUE;
          claim->value = 100 + measure % 50;
          claim->measure = g_strdup_printf ("line %u widget", measure);
          claim->start = at + strlen ("The board counted ");
          claim->end = claim->start + 3;
          claim->sentence_start = at;
          claim->sentence_end = text->len - 1;
          g_ptr_array_add (claims, claim);
          /* Sentences and paragraphs of five, so that the reader shows the text. */
          {
            TallySpan sentence = { at, text->len - 1 };

            g_array_append_val (record->sentences, sentence);
            if (c % 5 == 0)
              {
                TallySpan paragraph = { at, at };

                g_array_append_val (record->paragraphs, paragraph);
              }
            g_array_index (record->paragraphs, TallySpan, record->paragraphs->len - 1).end = text->len - 1;
          }
        }
      record->path = g_strdup_printf ("/generated/report-%06u.txt", d);
      record->format = g_strdup ("text");
      record->title = g_strdup_printf ("Widget count, report %u", d);
      record->outlet = g_strdup_printf ("Outlet %u", d % 40);
      record->published = g_strdup_printf ("2026-%02u-%02u", 1 + d % 12, 1 + d % 28);
      record->language = g_strdup ("en");
      record->content_hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) &d, sizeof d);
      record->text = g_strdup (text->str);
      record->text_len = text->len;
      record->word_count = per_document * 9;
      ok = ok && !tally_document_id_is_none (tally_store_add_document (store, record, claims, TALLY_DOCUMENT_ID_NONE, error));
      if (ok && (d % 1000 == 999 || d + 1 == n_documents))
        ok = tally_store_commit (store, error);
    }
  tally_store_close (store);
  g_rand_free (rand);
  return ok && g_rename (partial, path) == 0;
}

typedef struct
{
  gboolean seen_grouping;
  gboolean done;
} Wait;

static void
on_grouping (TallySession *session,
             GParamSpec   *pspec,
             Wait         *wait)
{
  if (tally_session_get_grouping (session))
    wait->seen_grouping = TRUE;
  else if (tally_session_get_facts (session) != NULL)
    wait->done = TRUE;
}

static int
open_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = NULL;
  g_autoptr(TallySession) session = NULL;
  Wait wait = { 0 };
  gint64 start = g_get_monotonic_time ();
  double t_open, t_grouped, hwm_open, anon_open, file_open;

  if ((project = tally_project_open (path, &error)) == NULL)
    {
      g_printerr ("bench-open: %s\n", error->message);
      return 1;
    }
  t_open = seconds_since (start);
  hwm_open = status_mb ("VmHWM:");
  anon_open = status_mb ("RssAnon:");
  file_open = status_mb ("RssFile:");
  if ((session = tally_session_new (project, &error)) == NULL)
    {
      g_printerr ("bench-open: %s\n", error->message);
      return 1;
    }
  g_signal_connect (session, "notify::grouping", G_CALLBACK (on_grouping), &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  t_grouped = seconds_since (start);
  {
    struct rusage usage;
    GListModel *facts = tally_session_get_facts (session);

    getrusage (RUSAGE_SELF, &usage);
    printf ("  open: %u documents listed in %.2f s; peak RSS %.1f MB (own %.1f MB, project file mapped %.1f MB)\n",
            g_list_model_get_n_items (tally_project_get_documents (project)), t_open, hwm_open, anon_open, file_open);
    printf ("  facts (%s): %u %.2f s after opening began, %.2f CPU s; peak RSS %.1f MB, own %.1f MB after\n",
            tally_fact_list_is_kept (facts) ? "kept, read back" : "claims read and grouped, then kept",
            g_list_model_get_n_items (facts), t_grouped,
            usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
            status_mb ("VmHWM:"), status_mb ("RssAnon:"));
  }
  return 0;
}

static void
on_kept_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  TallyKeptFacts **out = user_data;
  g_autoptr(GError) error = NULL;

  /* The task has no source object: the project is only needed for the check. */
  *out = g_task_propagate_pointer (G_TASK (result), &error);
  if (*out == NULL)
    {
      g_printerr ("bench-open: no kept facts%s%s\n", error != NULL ? ": " : "", error != NULL ? error->message : "");
      exit (1);
    }
}

static GPtrArray *
no_claims (const TallyClaimKey *keys,
           guint                n_keys,
           gpointer             user_data)
{
  return NULL;
}

/* The kept facts alone, as the session reads them, without the stories and
 * events the session finds beside them: what the facts themselves cost. */
static int
open_kept_facts (const char *path,
                 const char *stamp)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = NULL;
  g_autoptr(TallyKeptFacts) kept = NULL;
  g_autoptr(GListModel) facts = NULL;
  gint64 start = g_get_monotonic_time ();

  if ((project = tally_project_open (path, &error)) == NULL)
    {
      g_printerr ("bench-open: %s\n", error->message);
      return 1;
    }
  tally_project_read_facts_async (project, stamp, NULL, on_kept_read, &kept);
  while (kept == NULL)
    g_main_context_iteration (NULL, TRUE);
  facts = tally_fact_list_new_kept (kept->facts, kept->conflicting, project, no_claims, NULL, NULL);
  g_clear_pointer (&kept, tally_kept_facts_free);
  printf ("  kept facts alone: %u read in %.2f s; peak RSS %.1f MB, own %.1f MB\n", g_list_model_get_n_items (facts),
          seconds_since (start), status_mb ("VmHWM:"), status_mb ("RssAnon:"));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("TALLY_BENCH_CLAIMS");
  const char *env_documents = g_getenv ("TALLY_BENCH_DOCUMENTS");
  guint n_documents = env_documents != NULL ? (guint) g_ascii_strtoull (env_documents, NULL, 10) : 5000;
  g_auto(GStrv) sizes = g_strsplit (env != NULL ? env : "500000,1000000,2000000", ",", -1);
  const char *dir = g_getenv ("TALLY_BUILD_DIR") ? g_getenv ("TALLY_BUILD_DIR") : ".";
  int failed = 0;

  if (argc == 3 && g_str_equal (argv[1], "--open"))
    return open_project (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "--kept"))
    return open_kept_facts (argv[2], argv[3]);

  for (guint i = 0; sizes[i] != NULL; i++)
    {
      guint n_claims = (guint) g_ascii_strtoull (sizes[i], NULL, 10);
      g_autofree char *name = g_strdup_printf ("bench-open-%u-%u.tally", n_documents, n_claims);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      int status = 0;

      if (n_claims == 0 || n_documents == 0)
        continue;
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          gint64 start = g_get_monotonic_time ();

          if (!generate (path, n_claims, n_documents, &error))
            {
              g_printerr ("bench-open: %s\n", error != NULL ? error->message : "cannot write the project");
              return 1;
            }
          printf ("generated %s in %.1f s\n", path, seconds_since (start));
        }
      /* Facts kept by an earlier run are forgotten: the first open groups. */
      {
        sqlite3 *db = NULL;

        if (sqlite3_open (path, &db) != SQLITE_OK
            || sqlite3_exec (db, "UPDATE fact_cache_state SET stamp = NULL", NULL, NULL, NULL) != SQLITE_OK)
          g_printerr ("bench-open: %s\n", sqlite3_errmsg (db));
        sqlite3_close (db);
      }
      printf ("%u claims in %u documents\n", n_claims, n_documents);
      for (guint run = 0; run < 2; run++)
        {
          g_clear_pointer (&out, g_free);
          /* A process of its own: the generation's memory is not counted. */
          if (!g_spawn_sync (NULL, (char *[]) { argv[0], (char *) "--open", path, NULL }, NULL, G_SPAWN_DEFAULT,
                             NULL, NULL, &out, NULL, &status, &error))
            {
              g_printerr ("bench-open: %s\n", error->message);
              return 1;
            }
          printf ("%s", out);
          fflush (stdout);
          if (!g_spawn_check_wait_status (status, NULL))
            failed = 1;
        }
      /* The stamp the session kept them under (this program's build). */
      {
        sqlite3 *db = NULL;
        sqlite3_stmt *stmt = NULL;
        g_autofree char *stamp = NULL;

        if (sqlite3_open (path, &db) == SQLITE_OK
            && sqlite3_prepare_v2 (db, "SELECT stamp FROM fact_cache_state", -1, &stmt, NULL) == SQLITE_OK
            && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
          stamp = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        sqlite3_finalize (stmt);
        sqlite3_close (db);
        g_clear_pointer (&out, g_free);
        if (stamp != NULL
            && g_spawn_sync (NULL, (char *[]) { argv[0], (char *) "--kept", path, stamp, NULL }, NULL, G_SPAWN_DEFAULT,
                             NULL, NULL, &out, NULL, &status, NULL))
          printf ("%s", out);
        fflush (stdout);
      }
    }
  return failed;
}
