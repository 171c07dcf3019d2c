/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * `tally-cli analyze` on the sample articles fills "events" with the shape
 * the README documents: every key, ids, document ids that exist, offsets
 * that point at the sentence in the cleaned text.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

static const char *cli_path;

static JsonNode *
run_analyze (void)
{
  g_autofree char *samples = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  const char *argv[] = { cli_path, "analyze", samples, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static void
test_events_shape (void)
{
  g_autoptr(JsonNode) root = run_analyze ();
  JsonObject *object = json_node_get_object (root);
  JsonArray *documents = json_object_get_array_member (object, "documents");
  JsonArray *events = json_object_get_array_member (object, "events");
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char *keys[] = { "id", "label", "kind", "date", "date_end", "precision", "place", "planned", "disputed",
                         "alternatives", "mentions" };
  guint disputed = 0, planned = 0;

  for (guint d = 0; d < json_array_get_length (documents); d++)
    g_hash_table_add (ids, (gpointer) json_object_get_string_member (json_array_get_object_element (documents, d), "id"));
  /* 12: "The leaders also agreed to create a … fund" has no date of its
   * own and takes its report's day (the lead's "closed the … Summit in
   * Aktau on Wednesday"). */
  g_assert_cmpuint (json_array_get_length (events), ==, 12);

  for (guint e = 0; e < json_array_get_length (events); e++)
    {
      JsonObject *event = json_array_get_object_element (events, e);
      JsonArray *mentions = json_object_get_array_member (event, "mentions");
      JsonArray *alternatives = json_object_get_array_member (event, "alternatives");
      g_autofree char *id = g_strdup_printf ("e%u", e + 1);

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (event, keys[k]));
      g_assert_cmpstr (json_object_get_string_member (event, "id"), ==, id);
      disputed += json_object_get_boolean_member (event, "disputed");
      planned += json_object_get_boolean_member (event, "planned");
      g_assert_cmpuint (json_array_get_length (alternatives), ==,
                        json_object_get_boolean_member (event, "disputed") ? 2 : 0);
      g_assert_cmpuint (json_array_get_length (mentions), >, 0);
      for (guint m = 0; m < json_array_get_length (mentions); m++)
        {
          JsonObject *mention = json_array_get_object_element (mentions, m);

          g_assert_true (g_hash_table_contains (ids, json_object_get_string_member (mention, "document")));
          g_assert_cmpint (json_object_get_int_member (mention, "start"), <, json_object_get_int_member (mention, "end"));
          g_assert_cmpint (strlen (json_object_get_string_member (mention, "text")), ==,
                           json_object_get_int_member (mention, "end") - json_object_get_int_member (mention, "start"));
        }
    }
  g_assert_cmpuint (disputed, ==, 1);
  g_assert_cmpuint (planned, ==, 5);

  /* The disputed one, as the README shows it. */
  {
    JsonObject *first = json_array_get_object_element (events, 0);
    JsonArray *alternatives = json_object_get_array_member (first, "alternatives");

    g_assert_cmpstr (json_object_get_string_member (first, "label"), ==, "First Baltic–Caspian Connectivity Summit");
    g_assert_cmpstr (json_object_get_string_member (first, "date"), ==, "2022");
    g_assert_true (json_object_get_null_member (first, "date_end"));
    g_assert_cmpstr (json_object_get_string_member (first, "precision"), ==, "year");
    g_assert_cmpstr (json_object_get_string_member (first, "place"), ==, "Riga");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (alternatives, 1), "date"), ==, "2021");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-events-cli PATH-TO-tally-cli");
  cli_path = argv[1];
  g_test_add_func ("/analysis/events/cli", test_events_shape);
  return g_test_run ();
}
