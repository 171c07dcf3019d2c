/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "tally-corrections.h"
#include "tally-grouping.h"
#include "tally-project.h"
#include "tally-store.h"

/* tally-cli export on a project the analyst corrected: the corrections
 * (a renamed fact, a claim that is "not a claim") are in what it prints. */

static const char *cli_path;

/* Two invented reports on the Kemi harbour summit. */
static const char *texts[] = {
  "Kemi talks end with deals\n\nDelegates signed 14 cooperation agreements in Kemi on Friday. "
  "About 40 delegations attended the two-day meeting.\n",
  "Harbour summit in Kemi\n\nOfficials said 15 cooperation agreements were signed in Kemi. "
  "Some 40 delegations came to the summit.\n",
};

typedef struct
{
  TallyProject *project;  /* the readers' tasks have no source object */
  gboolean done;
  GPtrArray *claims;
  GPtrArray *texts;
} Wait;

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyImportResult) imported = tally_project_import_finish (TALLY_PROJECT (source), result, &error);

  g_assert_no_error (error);
  ((Wait *) user_data)->done = TRUE;
}

static void
on_claims (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  Wait *wait = user_data;

  wait->claims = tally_project_load_claims_finish (wait->project, result, &error);
  g_assert_no_error (error);
  wait->done = TRUE;
}

static void
on_texts (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  Wait *wait = user_data;

  wait->texts = tally_project_load_texts_finish (wait->project, result, &error);
  g_assert_no_error (error);
  wait->done = TRUE;
}

static int
run (char       **out,
     char       **err,
     const char  *a,
     const char  *b,
     const char  *c,
     const char  *d)
{
  const char *argv[] = { cli_path, a, b, c, d, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* A saved project with the agreements fact renamed and the "15" claim
 * marked not a claim. Returns its path. */
static char *
corrected_project (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autoptr(TallyCorrections) corrections = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) facts = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(TallyGrouping) grouping = NULL;
  char *path = g_build_filename (dir, "Kemi.tally", NULL);
  TallyClaim *fifteen = NULL;
  const char *agreements = NULL;
  Wait wait = { project };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%u.txt", i + 1);
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (file, texts[i], -1, &error));
      g_ptr_array_add (files, g_file_new_for_path (file));
    }
  tally_project_import_async (project, (GFile **) files->pdata, files->len, NULL, on_imported, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  wait.done = FALSE;
  tally_project_load_claims_async (project, NULL, on_claims, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  claims = wait.claims;
  wait.done = FALSE;
  tally_project_load_texts_async (project, NULL, on_texts, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);

  corrections = tally_corrections_new (project, NULL, &error);
  g_assert_no_error (error);
  /* Grouped as the app and `export` group them: by story too. */
  grouping = tally_grouping_new (tally_project_get_documents (project), wait.texts, claims, corrections);
  g_ptr_array_unref (wait.texts);
  tally_grouping_run (grouping);
  facts = g_object_ref (tally_grouping_get_facts (grouping));
  for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);

      if (g_strcmp0 (tally_fact_get_measure (fact), "cooperation agreement") == 0)
        {
          agreements = g_intern_string (tally_fact_get_key (fact));
          g_assert_cmpint (tally_fact_get_status (fact), ==, TALLY_FACT_STATUS_CONFLICT);
        }
    }
  g_assert_nonnull (agreements);
  for (guint i = 0; i < claims->len; i++)
    if (tally_claim_get_record (claims->pdata[i])->value == 15)
      fifteen = claims->pdata[i];
  g_assert_nonnull (fifteen);

  g_assert_true (tally_corrections_rename_fact (corrections, agreements, "Agreements signed in Kemi", &error));
  g_assert_true (tally_corrections_set_not_claim (corrections, fifteen, &error));
  g_assert_true (tally_project_save_as (project, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_export_corrected (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tally-cli-export-XXXXXX", &error);
  g_autofree char *path = corrected_project (dir);
  g_autofree char *out = NULL, *err = NULL, *md = NULL, *md_err = NULL, *csv = NULL, *csv_err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *facts;
  gboolean renamed = FALSE;

  g_assert_cmpint (run (&out, &err, "export", "--format", "json", path), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  facts = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (facts); i++)
    {
      JsonObject *fact = json_array_get_object_element (facts, i);

      if (g_strcmp0 (json_object_get_string_member (fact, "label"), "Agreements signed in Kemi") == 0)
        {
          renamed = TRUE;
          /* With the 15 gone, one source is left and nothing conflicts. */
          g_assert_cmpstr (json_object_get_string_member (fact, "status"), !=, "conflict");
        }
    }
  g_assert_true (renamed);
  g_assert_null (strstr (out, "15 cooperation agreements"));

  /* Markdown by default, titled after the project; CSV on request. */
  g_assert_cmpint (run (&md, &md_err, "export", path, NULL, NULL), ==, 0);
  g_assert_nonnull (strstr (md, "Kemi"));
  g_assert_nonnull (strstr (md, "Agreements signed in Kemi"));
  g_assert_cmpint (run (&csv, &csv_err, "export", "-f", "csv", path), ==, 0);
  g_assert_nonnull (strstr (csv, "Agreements signed in Kemi"));
  g_assert_null (strstr (csv, "15 cooperation agreements"));
}

static void
test_export_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tally-cli-export-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "missing.tally", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.tally", NULL);
  struct { const char *a, *b, *c; int status; const char *message; } cases[] = {
    { missing, NULL, NULL, 1, "missing.tally" },
    { junk, NULL, NULL, 1, "junk.tally" },
    { "--format", "xml", junk, 2, "unknown format" },
    { junk, missing, NULL, 2, "exactly one project" },
    { NULL, NULL, NULL, 2, "exactly one project" },
  };

  g_assert_true (g_file_set_contents (junk, "not a project, just words", -1, &error));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run (&out, &err, "export", cases[i].a, cases[i].b, cases[i].c), ==, cases[i].status);
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_cmpstr (out, ==, "");
    }
  /* The junk file is left as it was. */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (junk, &contents, NULL, &error));
    g_assert_cmpstr (contents, ==, "not a project, just words");
  }
}

static char *
digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static void
assert_nothing_beside (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *beside = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (g_file_test (beside, G_FILE_TEST_EXISTS));
    }
}

/* Files export cannot use are refused and left byte for byte as they were,
 * with nothing made beside them; the app's opener refuses them too. */
static void
test_export_refuses_without_writing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tally-cli-export-XXXXXX", &error);
  g_autofree char *empty = g_build_filename (dir, "empty.tally", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.tally", NULL);
  const char *paths[] = { empty, foreign };
  const char *messages[] = { "“empty.tally” is empty, not a Tally project", "“foreign.tally” is not a Tally project (it claims project format 0)" };
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (empty, "", 0, &error));
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (text TEXT); PRAGMA application_id = 1415670905", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *before = digest (paths[i]);
      g_autofree char *after = NULL, *after_app = NULL;
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr(GError) open_error = NULL;

      g_assert_cmpint (run (&out, &err, "export", paths[i], NULL, NULL), ==, 1);
      g_assert_nonnull (strstr (err, messages[i]));
      after = digest (paths[i]);
      g_assert_cmpstr (before, ==, after);
      assert_nothing_beside (paths[i]);

      /* The app's Open Project. */
      g_assert_null (tally_project_open (paths[i], &open_error));
      g_assert_error (open_error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_A_PROJECT);
      g_assert_cmpstr (open_error->message, ==, messages[i]);
      after_app = digest (paths[i]);
      g_assert_cmpstr (before, ==, after_app);
      assert_nothing_beside (paths[i]);
    }
}

/* A saved project, read-only, in a read-only folder: exported, and left
 * byte for byte as it was with nothing beside it. The app refuses to open
 * it (it could not save) — unless the tests run as root, whom permissions
 * do not stop. */
static void
test_export_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tally-cli-export-XXXXXX", &error);
  g_autofree char *path = corrected_project (dir);
  g_autofree char *before = digest (path);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_cmpint (run (&out, &err, "export", "--format", "json", path), ==, 0);
  g_assert_nonnull (strstr (out, "Agreements signed in Kemi"));
  after = digest (path);
  g_assert_cmpstr (before, ==, after);
  assert_nothing_beside (path);
  if (geteuid () != 0)
    {
      g_autoptr(GError) open_error = NULL;

      g_assert_null (tally_project_open (path, &open_error));
      g_assert_error (open_error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_READ_ONLY);
      g_assert_cmpstr (open_error->message, ==, "“Kemi.tally” is read-only; Tally opens only projects it can save (tally-cli export reads it as it is)");
    }
  g_chmod (dir, 0755);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cli_path = g_getenv ("TALLY_CLI");
  if (cli_path == NULL)
    g_error ("TALLY_CLI is not set");
  g_test_add_func ("/cli/export/corrected", test_export_corrected);
  g_test_add_func ("/cli/export/errors", test_export_errors);
  g_test_add_func ("/cli/export/refuses-without-writing", test_export_refuses_without_writing);
  g_test_add_func ("/cli/export/read-only", test_export_read_only);
  return g_test_run ();
}
