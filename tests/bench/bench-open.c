/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally-project.h"
#include "tally-session.h"
#include "tally-store.h"

/* Opening a large project (issue 14): a generated project of
 * TALLY_BENCH_CLAIMS claims (default 2,000,000; 100 per document, 5,000
 * measures) is written once beside the build, then a child process opens it
 * as the app does (TallyProject, then a TallySession that reads the claims
 * and groups them) and prints the time to the document list, the time until
 * the facts are grouped, their count and the peak RSS. Figures only. */

#define CLAIMS_PER_DOCUMENT 100
#define N_MEASURES 5000

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

static gboolean
generate (const char *path,
          guint       n_claims,
          GError    **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  TallyStore *store;
  GRand *rand = g_rand_new_with_seed (20261206);
  guint n_documents = (n_claims + CLAIMS_PER_DOCUMENT - 1) / CLAIMS_PER_DOCUMENT;
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
      for (guint c = 0; c < CLAIMS_PER_DOCUMENT; c++)
        {
          TallyClaimRecord *claim = tally_claim_record_new ();
          guint measure = g_rand_int_range (rand, 0, N_MEASURES);
          gsize at = text->len;

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
      record->word_count = CLAIMS_PER_DOCUMENT * 9;
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
  double t_open, t_grouped;
  long rss_open;

  if ((project = tally_project_open (path, &error)) == NULL)
    {
      g_printerr ("bench-open: %s\n", error->message);
      return 1;
    }
  t_open = seconds_since (start);
  rss_open = peak_rss_kb ();
  if ((session = tally_session_new (project, &error)) == NULL)
    {
      g_printerr ("bench-open: %s\n", error->message);
      return 1;
    }
  g_signal_connect (session, "notify::grouping", G_CALLBACK (on_grouping), &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  t_grouped = seconds_since (start);
  printf ("open: %u documents listed in %.2f s, peak RSS %.1f MB\n",
          g_list_model_get_n_items (tally_project_get_documents (project)), t_open, rss_open / 1024.0);
  printf ("session: %u facts grouped %.2f s after opening began, peak RSS %.1f MB\n",
          g_list_model_get_n_items (tally_session_get_facts (session)), t_grouped, peak_rss_kb () / 1024.0);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("TALLY_BENCH_CLAIMS");
  guint n_claims = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 2000000;
  g_autofree char *name = g_strdup_printf ("bench-open-%u.tally", n_claims);
  g_autofree char *path = g_build_filename (g_getenv ("TALLY_BUILD_DIR") ? g_getenv ("TALLY_BUILD_DIR") : ".", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  if (argc == 3 && g_str_equal (argv[1], "--open"))
    return open_project (argv[2]);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      gint64 start = g_get_monotonic_time ();

      if (!generate (path, n_claims, &error))
        {
          g_printerr ("bench-open: %s\n", error != NULL ? error->message : "cannot write the project");
          return 1;
        }
      printf ("generated %s (%u claims) in %.1f s\n", path, n_claims, seconds_since (start));
    }
  /* A process of its own: the generation's memory is not counted. */
  if (!g_spawn_sync (NULL, (char *[]) { argv[0], (char *) "--open", path, NULL }, NULL, G_SPAWN_DEFAULT,
                     NULL, NULL, &out, NULL, &status, &error))
    {
      g_printerr ("bench-open: %s\n", error->message);
      return 1;
    }
  printf ("%u claims\n%s", n_claims, out);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}
