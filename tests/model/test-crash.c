/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash safety: a child process imports many files into a project and is
 * killed with SIGKILL half-way. The file must then open, pass
 * PRAGMA integrity_check, and hold every document the child had seen
 * committed (it prints each one as the committed batch reaches its list). */
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tally-project.h"

#define N_FILES 4000
#define KILL_AFTER 600

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(TallyDocument) doc = g_list_model_get_item (model, i);

      printf ("committed %s\n", tally_document_get_path (doc));
    }
  fflush (stdout);
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TallyImportResult) r = tally_project_import_finish (TALLY_PROJECT (object), result, NULL);

  printf ("done %u\n", r != NULL ? r->n_added : 0);
  fflush (stdout);
  *(gboolean *) user_data = TRUE;
}

static int
run_child (const char *folder,
           const char *project_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_open (project_path, &error);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  gboolean done = FALSE;

  if (project == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_signal_connect (tally_project_get_documents (project), "items-changed", G_CALLBACK (on_items_changed), NULL);
  tally_project_import_async (project, &file, 1, NULL, on_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static void
on_resumed (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(TallyImportResult **) user_data = tally_project_import_finish (TALLY_PROJECT (object), result, &error);
  g_assert_no_error (error);
}

static char *
make_corpus (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tally-crash-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%05u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = g_strdup_printf ("Harbour report number %u\n\n"
                                               "The harbour at Kemi handled %u tonnes of cargo on day %u, "
                                               "and %u ships waited outside the breakwater.\n\n"
                                               "Port officials expect %u more calls next week.\n",
                                               i, 1000 + i * 7, i, i % 13, i % 29);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }
  return dir;
}

static void
test_crash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *corpus = make_corpus ();
  g_autofree char *project_path = g_build_filename (corpus, "..", "crash-test.tally", NULL);
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GHashTable) committed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TallyProject) project = NULL;
  const char *argv[] = { self_exe, "--child", corpus, project_path, NULL };
  gboolean killed = FALSE, saw_done = FALSE;
  char line[4096];
  GPid pid;
  int out_fd, status;
  FILE *out;
  GListModel *documents;
  guint found = 0;

  g_unlink (project_path);
  {
    TallyStore *store = tally_store_open (project_path, TALLY_STORE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    tally_store_close (store);
  }

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  out = fdopen (out_fd, "r");
  while (fgets (line, sizeof line, out) != NULL)
    {
      /* A line cut short by the kill was not fully reported: ignore it. */
      if (!g_str_has_suffix (line, "\n"))
        continue;
      g_strchomp (line);
      if (g_str_has_prefix (line, "committed "))
        g_hash_table_add (committed, g_strdup (line + strlen ("committed ")));
      else if (g_str_has_prefix (line, "done"))
        saw_done = TRUE;
      if (!killed && g_hash_table_size (committed) >= KILL_AFTER)
        {
          kill (pid, SIGKILL);
          killed = TRUE;
        }
    }
  fclose (out);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);

  g_assert_true (killed);
  g_assert_false (saw_done);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_test_message ("killed after %u committed documents", g_hash_table_size (committed));
  g_assert_cmpuint (g_hash_table_size (committed), <, N_FILES);

  project = tally_project_open (project_path, &error);
  g_assert_no_error (error);
  g_assert_true (tally_store_check_integrity (tally_project_get_store (project), &error));
  g_assert_no_error (error);

  documents = tally_project_get_documents (project);
  g_assert_cmpuint (g_list_model_get_n_items (documents), >=, g_hash_table_size (committed));
  g_assert_cmpuint (g_list_model_get_n_items (documents), <, N_FILES);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(TallyDocument) doc = g_list_model_get_item (documents, i);

      if (g_hash_table_contains (committed, tally_document_get_path (doc)))
        found++;
    }
  g_assert_cmpuint (found, ==, g_hash_table_size (committed));

  /* The interrupted import can be run again: what is in is skipped. */
  {
    g_autoptr(GFile) folder = g_file_new_for_path (corpus);
    TallyImportResult *result = NULL;
    guint before = g_list_model_get_n_items (documents);

    tally_project_import_async (project, &folder, 1, NULL, on_resumed, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (result->n_duplicates, ==, before);
    g_assert_cmpuint (result->n_added, ==, N_FILES - before);
    g_assert_cmpuint (g_list_model_get_n_items (documents), ==, N_FILES);
    tally_import_result_free (result);
  }
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/model/crash/sigkill-mid-import", test_crash);
  return g_test_run ();
}
