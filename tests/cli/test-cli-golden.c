/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "tally-json-export.h"

/* tally-cli analyze's output must not change when the pipeline gets faster:
 * the samples and the project's own invented articles, in every format,
 * against the output stored in tests/data/golden before the change, with
 * one job and with several (the order is the input order either way).
 *
 * When a change to the engine changes the output on purpose (a new key, a
 * better measure), rerun with TALLY_GOLDEN_WRITE=1 to store the new output
 * and commit it on its own, after reading the diff. */

static const char *cli_path;
static const char *source_dir;

/* Paths relative to the source tree, as a user would type them: they are
 * written into the output. */
static GPtrArray *
input_paths (void)
{
  static const char *const folders[] = { "tests/data/claims", "tests/data/events" };
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (paths, g_strdup ("data/samples"));
  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir_path = g_build_filename (source_dir, folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".txt"))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort_values (names, (GCompareFunc) strcmp);
      for (guint i = 0; i < names->len; i++)
        g_ptr_array_add (paths, g_build_filename (folders[f], g_ptr_array_index (names, i), NULL));
    }
  return paths;
}

static char *
run_cli (const char *format,
         const char *jobs)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GPtrArray) paths = input_paths ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) cli_path);
  g_ptr_array_add (argv, (char *) "analyze");
  g_ptr_array_add (argv, (char *) "--format");
  g_ptr_array_add (argv, (char *) format);
  if (jobs != NULL)
    {
      g_ptr_array_add (argv, (char *) "--jobs");
      g_ptr_array_add (argv, (char *) jobs);
    }
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (paths, i));
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (source_dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("tally-cli analyze --format %s failed: %s", format, err);
  {
    /* Paths are absolute: the checkout's folder is a placeholder in the
     * stored output, so the test passes in any checkout. */
    g_autoptr(GString) portable = g_string_new_take (out);

    g_string_replace (portable, source_dir, "@SOURCE_DIR@", 0);
    return g_string_free (g_steal_pointer (&portable), FALSE);
  }
}

/* The first line that differs, so a failure says where. */
static void
assert_same_output (const char *expected,
                    const char *actual,
                    const char *what)
{
  guint line = 1;
  const char *e = expected, *a = actual;

  if (strcmp (expected, actual) == 0)
    return;
  while (*e != '\0' && *e == *a)
    {
      if (*e == '\n')
        line++;
      e++, a++;
    }
  {
    const char *e_end = strchr (e, '\n'), *a_end = strchr (a, '\n');
    g_autofree char *e_line = g_strndup (e, e_end ? (gsize) (e_end - e) : strlen (e));
    g_autofree char *a_line = g_strndup (a, a_end ? (gsize) (a_end - a) : strlen (a));

    g_error ("%s: output differs from the stored output at line %u:\n  expected …%.200s\n  actual   …%.200s",
             what, line, e_line, a_line);
  }
}

static void
test_format (gconstpointer data)
{
  const char *format = data;
  g_autofree char *name = g_strdup_printf ("analyze.%s", format);
  g_autofree char *golden = g_build_filename (source_dir, "tests", "data", "golden", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = run_cli (format, NULL);
  static const char *const jobs[] = { "1", "3" };

  if (g_strcmp0 (g_getenv ("TALLY_GOLDEN_WRITE"), "1") == 0)
    {
      g_file_set_contents (golden, out, -1, &error);
      g_assert_no_error (error);
      g_test_message ("wrote %s", golden);
    }
  g_file_get_contents (golden, &expected, NULL, &error);
  g_assert_no_error (error);
  assert_same_output (expected, out, format);
  for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
    {
      g_autofree char *with_jobs = run_cli (format, jobs[j]);
      g_autofree char *what = g_strdup_printf ("%s --jobs %s", format, jobs[j]);

      assert_same_output (expected, with_jobs, what);
    }
}

/* Runs tally-cli analyze --format json on `paths` with `envp`; stdout. */
static char *
run_json (const char * const *paths,
          char              **envp,
          int                *exit_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) cli_path);
  g_ptr_array_add (argv, (char *) "analyze");
  g_ptr_array_add (argv, (char *) "--format");
  g_ptr_array_add (argv, (char *) "json");
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) paths[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (source_dir, (char **) argv->pdata, envp, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return out;
}

/* json is written as it goes (documents kept for the stories and facts,
 * claims waiting in a temporary file): the same bytes as the JsonNode tree
 * written whole, for shapes the golden articles do not have (no documents,
 * no claims, a failed file), and with no usable temporary folder (the
 * claims wait in memory). */
static void
test_json_streamed (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("tally-golden-XXXXXX", NULL);
  g_autofree char *empty_dir = g_build_filename (tmp, "empty", NULL);
  g_autofree char *empty_file = g_build_filename (tmp, "empty.txt", NULL);
  g_autofree char *plain = g_build_filename (tmp, "plain.txt", NULL);
  g_autofree char *missing = g_build_filename (tmp, "missing.txt", NULL);
  g_autofree char *no_tmp = g_build_filename (tmp, "no-such-folder", NULL);
  const char *const none[] = { empty_dir, NULL };
  const char *const odd[] = { empty_file, plain, missing, NULL };
  const char *const *cases[] = { none, odd };
  const int statuses[] = { 0, 1 };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "TMPDIR", no_tmp, TRUE);

  g_assert_nonnull (tmp);
  g_assert_cmpint (g_mkdir (empty_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (empty_file, "", 0, NULL));
  g_assert_true (g_file_set_contents (plain, "A note without a single figure in it.\n", -1, NULL));
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      int status = -1;
      g_autofree char *out = run_json (cases[c], NULL, &status);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *whole = NULL, *expected = NULL;

      g_assert_cmpint (status, ==, statuses[c]);
      json_parser_load_from_data (parser, out, -1, &error);
      g_assert_no_error (error);
      whole = tally_json_to_string (json_parser_get_root (parser), 2);
      expected = g_strconcat (whole, "\n", NULL);
      assert_same_output (expected, out, "json streamed");
    }
  {
    /* The golden articles, the claims kept in memory. */
    g_autofree char *golden = g_build_filename (source_dir, "tests", "data", "golden", "analyze.json", NULL);
    g_autofree char *stored = NULL;
    g_autofree char *out = NULL;
    g_autoptr(GPtrArray) paths = input_paths ();
    int status = -1;

    g_ptr_array_add (paths, NULL);
    out = run_json ((const char * const *) paths->pdata, envp, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_get_contents (golden, &stored, NULL, NULL));
    {
      g_autoptr(GString) portable = g_string_new_take (g_steal_pointer (&out));

      g_string_replace (portable, source_dir, "@SOURCE_DIR@", 0);
      assert_same_output (stored, portable->str, "json, no temporary folder");
    }
  }
  g_remove (empty_file);
  g_remove (plain);
  g_rmdir (empty_dir);
  g_rmdir (tmp);
}

/* Equal members in the same order (json_node_equal() ignores the order). */
static void
assert_same_object (JsonObject *expected,
                    JsonObject *actual,
                    const char *what)
{
  g_autoptr(GList) e_members = json_object_get_members (expected);
  g_autoptr(GList) a_members = json_object_get_members (actual);
  GList *e = e_members, *a = a_members;

  for (; e != NULL && a != NULL; e = e->next, a = a->next)
    {
      if (g_strcmp0 (e->data, a->data) != 0)
        g_error ("%s: member %s where json has %s", what, (char *) a->data, (char *) e->data);
      if (!json_node_equal (json_object_get_member (expected, e->data), json_object_get_member (actual, a->data)))
        g_error ("%s: member %s differs", what, (char *) e->data);
    }
  if (e != NULL || a != NULL)
    g_error ("%s: jsonl has %s members than json", what, e != NULL ? "fewer" : "more");
}

/* jsonl is written straight from the records, json through json-glib nodes:
 * every document and claim line must be the json object plus "type". */
static void
test_jsonl_matches_json (void)
{
  g_autofree char *json = run_cli ("json", NULL);
  g_autofree char *jsonl = run_cli ("jsonl", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = g_strsplit (jsonl, "\n", -1);
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *documents, *claims;
  guint n_documents = 0, n_claims = 0;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  documents = json_object_get_array_member (root, "documents");
  claims = json_object_get_array_member (root, "claims");
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonParser) line_parser = json_parser_new ();
      JsonObject *object;
      g_autofree char *type = NULL;

      json_parser_load_from_data (line_parser, lines[i], -1, &error);
      g_assert_no_error (error);
      object = json_node_get_object (json_parser_get_root (line_parser));
      type = g_strdup (json_object_get_string_member (object, "type"));
      json_object_remove_member (object, "type");
      if (g_str_equal (type, "document"))
        {
          JsonObject *document;

          g_assert_cmpuint (n_documents, <, json_array_get_length (documents));
          document = json_array_get_object_element (documents, n_documents++);
          /* jsonl streams a document before the stories are found: its
           * "story" is there, null; json's names the story. */
          g_assert_true (json_object_has_member (object, "story"));
          g_assert_true (json_object_get_null_member (object, "story"));
          g_assert_nonnull (json_object_get_string_member (document, "story"));
          json_object_remove_member (object, "story");
          json_object_remove_member (document, "story");
          assert_same_object (document, object, lines[i]);
        }
      else if (g_str_equal (type, "claim"))
        {
          g_assert_cmpuint (n_claims, <, json_array_get_length (claims));
          assert_same_object (json_array_get_object_element (claims, n_claims++), object, lines[i]);
        }
    }
  g_assert_cmpuint (n_documents, ==, json_array_get_length (documents));
  g_assert_cmpuint (n_claims, ==, json_array_get_length (claims));
  g_assert_cmpuint (n_claims, >, 300);
}

int
main (int   argc,
      char *argv[])
{
  static const char *const formats[] = { "json", "jsonl", "csv", "facts-csv", "report" };

  g_test_init (&argc, &argv, NULL);
  cli_path = g_getenv ("TALLY_CLI");
  source_dir = g_getenv ("TALLY_SOURCE_DIR");
  g_assert_nonnull (cli_path);
  g_assert_nonnull (source_dir);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/golden/%s", formats[f]);

      g_test_add_data_func (path, formats[f], test_format);
    }
  g_test_add_func ("/cli/golden/jsonl-matches-json", test_jsonl_matches_json);
  g_test_add_func ("/cli/golden/json-streamed", test_json_streamed);
  return g_test_run ();
}
