/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

/* tally-cli as a user runs it: exit codes, the output shapes,
 * --reference-date (claims and events) and the errors list. The binary's path is argv[1]. */

static const char *cli_path;
static char *tmp_dir;

static const char *article =
  "Aktau summit closes\n"
  "\n"
  "The third summit ended with 14 cooperation agreements. In 2024, trade reached $38.6 billion, "
  "up 12%. Ministers met in April, and a forum was held last year.\n"
  "\n"
  "5 Comments\n";

static char *
write_file (const char *name,
            const char *contents,
            gssize      len)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

/* Runs tally-cli with `args` (NULL-terminated); returns the exit status. */
static int
run (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list ap;

  g_ptr_array_add (argv, (char *) cli_path);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_members (JsonObject         *object,
                const char * const *names)
{
  g_autoptr(GList) members = json_object_get_members (object);
  guint n = 0;

  for (; names[n] != NULL; n++)
    g_assert_true (json_object_has_member (object, names[n]));
  g_assert_cmpuint (g_list_length (members), ==, n);
}

static JsonObject *
find_claim (JsonArray  *claims,
            const char *text)
{
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonObject *c = json_array_get_object_element (claims, i);

      if (g_str_equal (json_object_get_string_member (c, "text"), text))
        return c;
    }
  return NULL;
}

static void
test_version_and_help (void)
{
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;

  g_assert_cmpint (run (&out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "tally-cli " PACKAGE_VERSION "\n");
  g_assert_cmpint (run (&out2, &err2, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out2, "analyze [--format json|jsonl|csv|facts-csv|report] [--reference-date YYYY-MM-DD] [--jobs N] PATH"));
}

static void
test_usage_errors (void)
{
  g_autofree char *path = write_file ("usage.txt", article, -1);
  struct { const char *a, *b, *c; const char *message; } cases[] = {
    { NULL, NULL, NULL, "Usage" },
    { "frobnicate", NULL, NULL, "unknown command" },
    { "analyze", NULL, NULL, "no PATH" },
    { "analyze", "--format=xml", path, "unknown format" },
    { "analyze", "--reference-date=17/06/2025", path, "not a date" },
    { "analyze", "--no-such-option", path, "Unknown option" },
    { "analyze", "--jobs=-1", path, "--jobs must be" },
    { "analyze", "--jobs=many", path, "--jobs" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run (&out, &err, cases[i].a, cases[i].b, cases[i].c, NULL), ==, 2);
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_cmpstr (out, ==, "");
    }
}

static void
test_json (void)
{
  static const char * const top[] = { "tally", "documents", "claims", "facts", "events", "stories", NULL };
  static const char * const doc_keys[] = { "id", "path", "title", "outlet", "published", "dateline", "language", "words",
                                           "comments", "errors", "story", NULL };
  static const char * const story_keys[] = { "id", "name", "terms", "documents", "key", NULL };
  JsonObject *story;
  static const char * const claim_keys[] = { "id", "document", "kind", "value", "value_max", "unit", "qualifier",
                                             "measure", "change", "scope", "relative", "year_inferred", "text", "sentence", "start",
                                             "end", "subject", "subject_kind", "subject_id", "modality", "concept", NULL };
  g_autofree char *path = write_file ("json/a.txt", article, -1);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *doc, *claim;
  JsonArray *claims;

  g_assert_cmpint (run (&out, &err, "analyze", "--reference-date", "2025-06-17", path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  root = parse_object (parser, out);
  assert_members (root, top);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "tally"), "version"), ==,
                   PACKAGE_VERSION);
  /* Filled by the fact and event code (issues 6 and 7); arrays either way. */
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "facts")));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "events")));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "documents")), ==, 1);
  doc = json_array_get_object_element (json_object_get_array_member (root, "documents"), 0);
  assert_members (doc, doc_keys);
  g_assert_cmpstr (json_object_get_string_member (doc, "language"), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (doc, "id"), ==, "d1");
  g_assert_cmpint (json_object_get_int_member (doc, "words"), >, 20);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (doc, "errors")), ==, 0);
  /* One document, one story, named by its words. */
  g_assert_cmpstr (json_object_get_string_member (doc, "story"), ==, "s1");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "stories")), ==, 1);
  story = json_array_get_object_element (json_object_get_array_member (root, "stories"), 0);
  assert_members (story, story_keys);
  g_assert_cmpstr (json_object_get_string_member (story, "id"), ==, "s1");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (story, "documents"), 0), ==, "d1");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (story, "terms")), >, 0);

  claims = json_object_get_array_member (root, "claims");
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonObject *c = json_array_get_object_element (claims, i);
      g_autofree char *id = g_strdup_printf ("c%u", i + 1);
      const char *text = json_object_get_string_member (c, "text");
      gint64 start = json_object_get_int_member (c, "start"), end = json_object_get_int_member (c, "end");

      assert_members (c, claim_keys);
      g_assert_cmpstr (json_object_get_string_member (c, "id"), ==, id);
      g_assert_cmpstr (json_object_get_string_member (c, "document"), ==, "d1");
      /* Offsets are bytes into the cleaned text; the words lie in the sentence. */
      g_assert_cmpint (end - start, ==, strlen (text));
      g_assert_nonnull (strstr (json_object_get_string_member (c, "sentence"), text));
    }
  claim = find_claim (claims, "$38.6 billion");
  g_assert_nonnull (claim);
  g_assert_cmpstr (json_object_get_string_member (claim, "kind"), ==, "money");
  g_assert_cmpint (json_object_get_int_member (claim, "value"), ==, 38600000000);
  g_assert_cmpstr (json_object_get_string_member (claim, "unit"), ==, "USD");
  g_assert_cmpstr (json_object_get_string_member (claim, "measure"), ==, "trade");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (claim, "scope"), "year"), ==, 2024);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (claim, "value_max")));
  claim = find_claim (claims, "12%");
  g_assert_nonnull (claim);
  g_assert_true (json_object_get_boolean_member (claim, "change"));
  claim = find_claim (claims, "14 cooperation agreements");
  g_assert_nonnull (claim);
  g_assert_cmpstr (json_object_get_string_member (claim, "measure"), ==, "cooperation agreement");
  /* The measure's concept (lexicons/en.concepts), the same in every language. */
  g_assert_cmpstr (json_object_get_string_member (claim, "concept"), ==, "agreement");
  /* Subject keys (issue 12): null when no name is in reach, modality always. */
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonObject *c = json_array_get_object_element (claims, i);
      const char *modality = json_object_get_string_member (c, "modality");

      g_assert_true (g_strcmp0 (modality, "reported") == 0 || g_strcmp0 (modality, "projected") == 0);
      g_assert_cmpint (JSON_NODE_HOLDS_NULL (json_object_get_member (c, "subject")), ==,
                       JSON_NODE_HOLDS_NULL (json_object_get_member (c, "subject_kind")));
    }
  /* The comment counter is no claim. */
  g_assert_null (find_claim (claims, "5"));
}

static void
test_reference_date (void)
{
  g_autofree char *path = write_file ("ref/a.txt", article, -1);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  JsonObject *april;

  g_assert_cmpint (run (&out, &err, "analyze", "--reference-date", "2025-06-17", path, NULL), ==, 0);
  april = find_claim (json_object_get_array_member (parse_object (p1, out), "claims"), "April");
  g_assert_cmpstr (json_object_get_string_member (april, "kind"), ==, "date");
  g_assert_cmpstr (json_object_get_string_member (april, "value"), ==, "2025-04");
  g_assert_cmpstr (json_object_get_string_member (april, "relative"), ==, "April");
  g_assert_cmpstr (json_object_get_string_member (
                     find_claim (json_object_get_array_member (json_node_get_object (json_parser_get_root (p1)), "claims"),
                                 "last year"), "value"), ==, "2024");

  /* No publication date in a plain text file, and none given: unresolved. */
  g_assert_cmpint (run (&out2, &err2, "analyze", path, NULL), ==, 0);
  april = find_claim (json_object_get_array_member (parse_object (p2, out2), "claims"), "April");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (april, "value")));
  g_assert_cmpstr (json_object_get_string_member (april, "relative"), ==, "April");
}

static const char * const event_keys[] = { "id", "label", "kind", "date", "date_end", "precision", "place",
                                           "participants", "planned", "disputed", "year_inferred", "alternatives", "mentions",
                                           "at_event", "labels", "places", NULL };

/* The event whose label is `label` in a json "events" array, or NULL. */
static JsonObject *
find_event (JsonArray  *events,
            const char *label)
{
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);

      if (g_str_equal (json_object_get_string_member (e, "label"), label))
        return e;
    }
  return NULL;
}

static gboolean
mentioned_in (JsonObject *event,
              const char *document_id)
{
  JsonArray *mentions = json_object_get_array_member (event, "mentions");

  for (guint i = 0; i < json_array_get_length (mentions); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (mentions, i), "document"),
                     document_id))
      return TRUE;
  return FALSE;
}

static void
test_jsonl (void)
{
  g_autofree char *a = write_file ("jsonl/a.txt", article, -1);
  g_autofree char *b = write_file ("jsonl/b.txt", "Ten ministers met in 2023.\n", -1);
  g_autofree char *dir = g_path_get_dirname (a);
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) document_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint documents = 0, claims = 0, events = 0;
  gboolean met_in_2023 = FALSE;
  const char *current = NULL;

  g_assert_cmpint (run (&out, &err, "analyze", "--format", "jsonl", dir, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (out, "\n"));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *o = parse_object (parser, lines[i]);
      const char *type = json_object_get_string_member (o, "type");

      if (g_str_equal (type, "document"))
        {
          g_assert_cmpuint (events, ==, 0);
          documents++;
          g_free ((char *) current);
          current = g_strdup (json_object_get_string_member (o, "id"));
          g_hash_table_add (document_ids, g_strdup (current));
          g_assert_true (json_object_has_member (o, "errors"));
        }
      else if (g_str_equal (type, "claim"))
        {
          /* Events merge across documents: they come after every claim. */
          g_assert_cmpuint (events, ==, 0);
          g_assert_cmpstr (json_object_get_string_member (o, "document"), ==, current);
          claims++;
        }
      else
        {
          g_autofree char *id = g_strdup_printf ("e%u", ++events);
          JsonArray *mentions;

          g_assert_cmpstr (type, ==, "event");
          /* The keys of the json format's events, and "type". */
          json_object_remove_member (o, "type");
          assert_members (o, event_keys);
          g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, id);
          mentions = json_object_get_array_member (o, "mentions");
          g_assert_cmpuint (json_array_get_length (mentions), >, 0);
          for (guint m = 0; m < json_array_get_length (mentions); m++)
            g_assert_true (g_hash_table_contains (document_ids,
                                                  json_object_get_string_member (
                                                    json_array_get_object_element (mentions, m), "document")));
          if (g_str_equal (json_object_get_string_member (o, "kind"), "meeting")
              && g_strcmp0 (json_object_get_string_member (o, "date"), "2023") == 0)
            {
              g_assert_true (mentioned_in (o, "d2"));
              g_assert_false (mentioned_in (o, "d1"));
              met_in_2023 = TRUE;
            }
        }
    }
  g_free ((char *) current);
  /* A folder is read in name order: a.txt then b.txt. */
  g_assert_cmpuint (documents, ==, 2);
  g_assert_cmpuint (claims, >=, 8);
  g_assert_true (met_in_2023);
  g_assert_nonnull (strstr (lines[0], "\"d1\""));
  g_assert_nonnull (strstr (lines[0], "a.txt"));
}

/* --reference-date dates events as it dates claims, over the publication
 * date (here a dateline under the title). */
static void
test_reference_date_events (void)
{
  g_autofree char *path = write_file ("ref-events/a.txt",
                                      "Lakes summit\nJanuary 10, 2030\n\n"
                                      "The Third Lakes Summit will open in April.\n", -1);
  g_autofree char *own = NULL, *given = NULL, *lines = NULL, *err = NULL;
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  g_auto(GStrv) split = NULL;
  JsonObject *root, *summit;
  gboolean seen = FALSE;

  /* Without it, the article's own date. */
  g_assert_cmpint (run (&own, &err, "analyze", path, NULL), ==, 0);
  root = parse_object (p1, own);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (root, "documents"), 0),
                     "published"), ==, "2030-01-10");
  summit = find_event (json_object_get_array_member (root, "events"), "Third Lakes Summit");
  g_assert_nonnull (summit);
  g_assert_cmpstr (json_object_get_string_member (summit, "date"), ==, "2030-04");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&given, &err, "analyze", "--reference-date", "2024-01-10", path, NULL), ==, 0);
  root = parse_object (p2, given);
  g_assert_cmpstr (json_object_get_string_member (
                     find_claim (json_object_get_array_member (root, "claims"), "April"), "value"), ==, "2024-04");
  summit = find_event (json_object_get_array_member (root, "events"), "Third Lakes Summit");
  g_assert_nonnull (summit);
  assert_members (summit, event_keys);
  g_assert_cmpstr (json_object_get_string_member (summit, "date"), ==, "2024-04");
  g_assert_cmpstr (json_object_get_string_member (summit, "precision"), ==, "month");
  g_assert_true (json_object_get_boolean_member (summit, "planned"));
  g_assert_true (mentioned_in (summit, "d1"));
  g_clear_pointer (&err, g_free);

  /* jsonl the same. */
  g_assert_cmpint (run (&lines, &err, "analyze", "--format", "jsonl", "--reference-date", "2024-01-10", path, NULL),
                   ==, 0);
  split = g_strsplit (lines, "\n", -1);
  for (guint i = 0; split[i] != NULL && split[i][0] != '\0'; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *o = parse_object (parser, split[i]);

      if (g_str_equal (json_object_get_string_member (o, "type"), "event")
          && g_str_equal (json_object_get_string_member (o, "label"), "Third Lakes Summit"))
        {
          g_assert_cmpstr (json_object_get_string_member (o, "date"), ==, "2024-04");
          seen = TRUE;
        }
    }
  g_assert_true (seen);
}

static void
test_csv (void)
{
  g_autofree char *path = write_file ("csv/a.txt", article, -1);
  g_autofree char *out = NULL, *err = NULL, *json = NULL, *err2 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = NULL;
  guint rows = 0;

  g_assert_cmpint (run (&out, &err, "analyze", "--format=csv", path, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "id,document,path,kind,value,value_max,unit,qualifier,measure,change,scope_year,relative,text,sentence,start,end,"
                   "subject,subject_kind,modality,concept");
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    rows++;
  g_assert_cmpuint (run (&json, &err2, "analyze", path, NULL), ==, 0);
  g_assert_cmpuint (rows, ==, json_array_get_length (json_object_get_array_member (parse_object (parser, json), "claims")));
  /* A field with a comma is quoted. */
  g_assert_nonnull (strstr (out, ",money,38600000000,,USD,exact,trade,false,2024,,$38.6 billion,\"In 2024, trade"));
}

static void
test_errors (void)
{
  g_autofree char *good = write_file ("errors/good.txt", article, -1);
  g_autofree char *binary = write_file ("errors/bin.txt", "abc\0def", 7);
  g_autofree char *missing = g_build_filename (tmp_dir, "errors", "missing.txt", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *docs;
  guint failed = 0;

  g_assert_cmpint (run (&out, &err, "analyze", good, missing, binary, NULL), ==, 1);
  docs = json_object_get_array_member (parse_object (parser, out), "documents");
  g_assert_cmpuint (json_array_get_length (docs), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *d = json_array_get_object_element (docs, i);
      JsonArray *errors = json_object_get_array_member (d, "errors");

      if (json_array_get_length (errors) > 0)
        {
          failed++;
          g_assert_cmpstr (json_array_get_string_element (errors, 0), !=, "");
        }
    }
  g_assert_cmpuint (failed, ==, 2);
  /* stderr names each file that failed. */
  g_assert_nonnull (strstr (err, "missing.txt"));
  g_assert_nonnull (strstr (err, "bin.txt"));
  g_assert_null (strstr (err, "good.txt"));
}

/* A file name that is not UTF-8 and holds a newline: the output is still
 * valid JSON and JSON lines, the name written with U+FFFD. */
static void
test_odd_file_name (void)
{
  g_autofree char *path = write_file ("names/odd\nname\xFF\xFE.txt", article, -1);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = NULL;
  JsonObject *doc;

  g_assert_cmpint (run (&out, &err, "analyze", path, NULL), ==, 0);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  doc = json_array_get_object_element (json_object_get_array_member (parse_object (parser, out), "documents"), 0);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (doc, "path"), "/names/odd\nname\xEF\xBF\xBD\xEF\xBF\xBD.txt"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "analyze", "--format", "jsonl", path, NULL), ==, 0);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      {
        g_autoptr(JsonParser) line_parser = json_parser_new ();

        parse_object (line_parser, lines[i]);
      }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "analyze", "--format", "csv", path, NULL), ==, 0);
  g_assert_true (g_utf8_validate (out, -1, NULL));
}

/* In a chosen folder, a symlink is followed only to a place inside the
 * folder; one leading out is named on stderr and in the document's errors. */
static void
test_symlinks_outside (void)
{
  g_autofree char *inside = write_file ("walk/chosen/a.txt", article, -1);
  g_autofree char *hidden = write_file ("walk/chosen/.store/c.txt", "Harbour fees\n\nThe harbour charged 41 ships a fee in May.\n", -1);
  g_autofree char *outside = write_file ("walk/elsewhere/b.txt", "Secret notes\n\nThe vault held 7 boxes.\n", -1);
  g_autofree char *chosen = g_build_filename (tmp_dir, "walk", "chosen", NULL);
  g_autofree char *link_out = g_build_filename (chosen, "out", NULL);
  g_autofree char *link_in = g_build_filename (chosen, "in.txt", NULL);
  g_autofree char *target_out = g_build_filename (tmp_dir, "walk", "elsewhere", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *docs;
  guint read = 0, refused = 0;

  g_assert_cmpint (symlink (target_out, link_out), ==, 0);
  g_assert_cmpint (symlink (hidden, link_in), ==, 0);
  g_assert_cmpint (run (&out, &err, "analyze", chosen, NULL), ==, 1);
  docs = json_object_get_array_member (parse_object (parser, out), "documents");
  for (guint i = 0; i < json_array_get_length (docs); i++)
    {
      JsonObject *d = json_array_get_object_element (docs, i);
      const char *path = json_object_get_string_member (d, "path");
      JsonArray *errors = json_object_get_array_member (d, "errors");

      g_assert_null (strstr (path, "b.txt"));
      if (json_array_get_length (errors) == 0)
        read++;
      else
        {
          refused++;
          g_assert_true (g_str_has_suffix (path, "/chosen/out"));
          g_assert_nonnull (strstr (json_array_get_string_element (errors, 0), "leads outside the chosen folder"));
        }
    }
  g_assert_cmpuint (read, ==, 2);   /* a.txt and in.txt */
  g_assert_cmpuint (refused, ==, 1);
  g_assert_nonnull (strstr (err, "out: "));
  g_assert_null (strstr (out, "vault"));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* The fact table of the bundled samples, as CSV and as a Markdown report. */
static void
test_fact_exports (void)
{
  g_autofree char *samples = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  g_autofree char *csv = NULL, *report = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (&csv, &err, "analyze", "--format", "facts-csv", samples, NULL), ==, 0);
  lines = g_strsplit (csv, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "fact_id,label,measure,kind,unit,scope,status,explanation,"));
  g_assert_nonnull (strstr (csv, "Cooperation agreements signed"));
  g_assert_nonnull (strstr (csv, ",conflict,"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&report, &err, "analyze", "--format", "report", samples, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (report, "# Tally report\n\n"));
  g_assert_nonnull (strstr (report, " facts from 8 documents: "));
  g_assert_nonnull (strstr (report, "## Cooperation agreements signed\n\n**Conflict**"));
  g_assert_nonnull (strstr (report, "| 15 | Eurasia Freight Weekly |"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (NULL, &err, "analyze", "--format", "pdf", samples, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "facts-csv or report"));
}

/* One fact across languages (issue 17): an English, a Chinese and a
 * Russian report (written for this test) give Kazakhstan's 2023 exports;
 * the country is one subject through the gazetteer ("Казахстана" by its
 * lemma), "exports", "出口" and "экспорт" one concept, the reports one story
 * (they name the same subjects), so the three claims make one fact, labelled
 * in the interface's language. The Russian report's first line is its
 * publication date. */
static void
test_fact_across_languages (void)
{
  g_autofree char *en = write_file ("across/en.txt",
    "Kazakhstan grain exports hit record\n\nPublished 2024-02-01\n\n"
    "Kazakhstan's exports reached $15 billion in 2023, the trade ministry said on Monday. "
    "Officials expect further growth next year as new rail routes open.\n", -1);
  g_autofree char *zh = write_file ("across/zh.txt",
    "哈萨克斯坦出口创新高\n\n"
    "哈萨克斯坦的贸易部在周一表示，哈萨克斯坦2023年的出口额达到了150亿美元，这是一个新的纪录。"
    "官员预计，随着新的铁路线开通，明年的出口还将继续增长。\n", -1);
  g_autofree char *ru = write_file ("across/ru.txt",
    "Экспорт Казахстана вырос до рекорда\n\n1 февраля 2024, 09:30\n\n"
    "Экспорт Казахстана в 2023 году составил 15 млрд долларов, сообщило министерство торговли. "
    "В министерстве ожидают, что в следующем году экспорт продолжит расти.\n", -1);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *facts, *documents;
  gboolean found = FALSE;

  g_assert_cmpint (run (&out, &err, "analyze", "--format", "json", en, zh, ru, NULL), ==, 0);
  root = parse_object (parser, out);
  documents = json_object_get_array_member (root, "documents");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 1), "language"), ==, "zh");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 2), "language"), ==, "ru");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 2), "published"), ==,
                   "2024-02-01");
  for (guint d = 1; d < 3; d++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, d), "story"), ==,
                     json_object_get_string_member (json_array_get_object_element (documents, 0), "story"));
  facts = json_object_get_array_member (root, "facts");
  for (guint i = 0; i < json_array_get_length (facts); i++)
    {
      JsonObject *fact = json_array_get_object_element (facts, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (fact, "concept", NULL), "export") != 0)
        continue;
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fact, "claims")), ==, 3);
      g_assert_cmpstr (json_object_get_string_member (fact, "subject_id"), ==, "KZ");
      g_assert_cmpstr (json_object_get_string_member (fact, "status"), ==, "agree");
      g_assert_cmpstr (json_object_get_string_member (fact, "label"), ==, "Kazakhstan: exports, 2023");
      found = TRUE;
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  cli_path = argc > 1 ? argv[1] : g_getenv ("TALLY_CLI");
  if (cli_path == NULL)
    g_error ("usage: test-cli PATH-TO-tally-cli");
  tmp_dir = g_dir_make_tmp ("tally-cli-XXXXXX", NULL);

  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/json", test_json);
  g_test_add_func ("/cli/jsonl", test_jsonl);
  g_test_add_func ("/cli/csv", test_csv);
  g_test_add_func ("/cli/reference-date", test_reference_date);
  g_test_add_func ("/cli/reference-date/events", test_reference_date_events);
  g_test_add_func ("/cli/errors", test_errors);
  g_test_add_func ("/cli/odd-file-name", test_odd_file_name);
  g_test_add_func ("/cli/symlinks-outside", test_symlinks_outside);
  g_test_add_func ("/cli/fact-exports", test_fact_exports);
  g_test_add_func ("/cli/fact-across-languages", test_fact_across_languages);

  status = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
