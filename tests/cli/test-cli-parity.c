/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "tally-fact.h"
#include "tally-session.h"

/* The app and `tally-cli analyze` find the same stories and the same facts
 * on the same articles: TallySession (what the Documents and Facts views
 * show) against the CLI's JSON. The articles are the samples (one summit)
 * and tests/data/stories (a flood whose toll moves over a week, and a port's
 * record year): two stories with an `updated` fact, so stories and
 * publication dates both count. */

static const char *cli_path;

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

static JsonNode *
analyze (const char *const *folders)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) cli_path);
  g_ptr_array_add (argv, "analyze");
  g_ptr_array_add (argv, "--format");
  g_ptr_array_add (argv, "json");
  for (guint i = 0; folders[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) folders[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return json_from_string (out, &error);
}

static void
wait_grouped (TallySession *session)
{
  while (tally_session_get_grouping (session) || tally_session_get_facts (session) == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* "key" → "status sources story" for each fact of the CLI. */
static GHashTable *
cli_facts (JsonObject *root)
{
  GHashTable *facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *array = json_object_get_array_member (root, "facts");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *fact = json_array_get_object_element (array, i);
      JsonArray *sources = json_object_get_array_member (fact, "documents");
      const char *story = json_object_get_null_member (fact, "story") ? "-" : json_object_get_string_member (fact, "story");

      g_assert_false (g_hash_table_contains (facts, json_object_get_string_member (fact, "key")));
      g_hash_table_insert (facts, g_strdup (json_object_get_string_member (fact, "key")),
                           g_strdup_printf ("%s %u %s", json_object_get_string_member (fact, "status"),
                                            json_array_get_length (sources), story));
    }
  return facts;
}

static void
test_parity (void)
{
  g_autofree char *samples = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  g_autofree char *stories = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "tests", "data", "stories", NULL);
  const char *const folders[] = { samples, stories, NULL };
  g_autoptr(JsonNode) cli = analyze (folders);
  JsonObject *root = json_node_get_object (cli);
  g_autoptr(GHashTable) expected = cli_facts (root);
  g_autoptr(GHashTable) paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autoptr(TallySession) session = NULL;
  g_autoptr(TallyImportResult) imported = NULL;
  GFile *files[2];
  JsonArray *cli_stories = json_object_get_array_member (root, "stories");
  JsonArray *cli_documents = json_object_get_array_member (root, "documents");
  GListModel *documents, *facts, *story_list;
  guint n_updated = 0;

  g_assert_no_error (error);
  session = tally_session_new (project, &error);
  g_assert_no_error (error);
  files[0] = g_file_new_for_path (samples);
  files[1] = g_file_new_for_path (stories);
  tally_project_import_async (project, files, 2, NULL, on_imported, &imported);
  while (imported == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (files[0]);
  g_object_unref (files[1]);
  g_assert_cmpuint (imported->n_added, ==, json_array_get_length (cli_documents));
  wait_grouped (session);

  /* Stories: the same ids, names and documents. */
  for (guint i = 0; i < json_array_get_length (cli_documents); i++)
    {
      JsonObject *document = json_array_get_object_element (cli_documents, i);

      g_hash_table_insert (paths, (gpointer) json_object_get_string_member (document, "id"),
                           (gpointer) json_object_get_string_member (document, "path"));
    }
  story_list = tally_session_get_stories (session);
  g_assert_nonnull (story_list);
  g_assert_cmpuint (json_array_get_length (cli_stories), >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (story_list), ==, json_array_get_length (cli_stories));
  documents = tally_project_get_documents (project);
  for (guint s = 0; s < json_array_get_length (cli_stories); s++)
    {
      JsonObject *expected_story = json_array_get_object_element (cli_stories, s);
      JsonArray *members = json_object_get_array_member (expected_story, "documents");
      g_autoptr(TallyStory) story = g_list_model_get_item (story_list, s);

      g_assert_cmpstr (tally_story_get_id (story), ==, json_object_get_string_member (expected_story, "id"));
      g_assert_cmpstr (tally_story_get_name (story), ==, json_object_get_string_member (expected_story, "name"));
      g_assert_cmpuint (tally_story_get_n_documents (story), ==, json_array_get_length (members));
      for (guint m = 0; m < json_array_get_length (members); m++)
        {
          const char *path = g_hash_table_lookup (paths, json_array_get_string_element (members, m));
          gboolean found = FALSE;

          for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
            {
              g_autoptr(TallyDocument) document = g_list_model_get_item (documents, d);

              if (g_str_equal (tally_document_get_path (document), path))
                {
                  found = TRUE;
                  g_assert_true (tally_document_get_story (document) == story);
                }
            }
          g_assert_true (found);
        }
    }

  /* Facts: the same keys, grades, source counts and stories. */
  facts = tally_session_get_facts (session);
  g_assert_cmpuint (g_list_model_get_n_items (facts), ==, g_hash_table_size (expected));
  for (guint f = 0; f < g_list_model_get_n_items (facts); f++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, f);
      const char *story = tally_fact_get_story (fact);
      g_autofree char *got = g_strdup_printf ("%s %u %s", tally_fact_status_to_string (tally_fact_get_status (fact)),
                                              tally_fact_get_source_count (fact), story != NULL ? story : "-");

      g_assert_cmpstr (got, ==, g_hash_table_lookup (expected, tally_fact_get_key (fact)));
      n_updated += tally_fact_get_status (fact) == TALLY_FACT_STATUS_UPDATED;
    }
  /* The flood's toll moves: without the publication dates it would be a conflict. */
  g_assert_cmpuint (n_updated, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cli_path = g_getenv ("TALLY_CLI");
  g_test_add_func ("/cli/parity", test_parity);
  return g_test_run ();
}
