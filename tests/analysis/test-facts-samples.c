/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <string.h>

#include "tally-fact-lexicon.h"

/* The facts `tally-cli analyze data/samples` finds, against the planted facts
 * of tests/data/samples/planted-facts.json (see TRUTH.md there).
 *
 * Each planted fact is one test case. When every planted claim of it was
 * extracted with a measure, the grouping and the grade are asserted: all its
 * claims in one fact, with the planted status. A claim the extractor missed,
 * or gave a different head noun, is the claim extractor's business (issue 5):
 * the case then says so and is marked incomplete instead of grading a
 * partial fact. Whatever the extractor did, no fact may hold claims of two
 * planted facts. */

static const char *cli_path;
static JsonObject *analysis;        /* the analyze output */
static JsonArray *planted;

typedef struct
{
  JsonObject *claim;                /* matched output claim, or NULL */
  const char *fact_id;              /* the output fact holding it, or NULL */
} Match;

static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static void
load (void)
{
  const char *source = g_getenv ("TALLY_SOURCE_DIR");
  g_autofree char *samples = NULL;
  g_autofree char *planted_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) planted_parser = json_parser_new ();
  const char *argv[] = { cli_path, "analyze", NULL, NULL };
  int status = 0;

  if (analysis != NULL)
    return;
  g_assert_nonnull (source);
  samples = g_build_filename (source, "data", "samples", NULL);
  planted_path = g_build_filename (source, "tests", "data", "samples", "planted-facts.json", NULL);
  argv[2] = samples;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("tally-cli analyze %s failed: %s", samples, err);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  analysis = json_object_ref (json_node_get_object (json_parser_get_root (parser)));

  json_parser_load_from_file (planted_parser, planted_path, &error);
  g_assert_no_error (error);
  planted = json_array_ref (json_node_get_array (json_parser_get_root (planted_parser)));
}

static const char *
document_id_for_file (const char *file)
{
  JsonArray *documents = json_object_get_array_member (analysis, "documents");

  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);

      if (g_str_has_suffix (json_object_get_string_member (document, "path"), file))
        return json_object_get_string_member (document, "id");
    }
  g_error ("no document for %s in the analyze output", file);
  return NULL;
}

static const char *
fact_of_claim (const char *claim_id)
{
  JsonArray *facts = json_object_get_array_member (analysis, "facts");

  for (guint f = 0; f < json_array_get_length (facts); f++)
    {
      JsonObject *fact = json_array_get_object_element (facts, f);
      JsonArray *claims = json_object_get_array_member (fact, "claims");

      for (guint c = 0; c < json_array_get_length (claims); c++)
        if (g_str_equal (json_array_get_string_element (claims, c), claim_id))
          return json_object_get_string_member (fact, "id");
    }
  return NULL;
}

static JsonObject *
fact_by_id (const char *id)
{
  JsonArray *facts = json_object_get_array_member (analysis, "facts");

  for (guint f = 0; f < json_array_get_length (facts); f++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (facts, f), "id"), id))
      return json_array_get_object_element (facts, f);
  return NULL;
}

static JsonObject *
claim_by_id (const char *id)
{
  JsonArray *claims = json_object_get_array_member (analysis, "claims");

  for (guint i = 0; i < json_array_get_length (claims); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (claims, i), "id"), id))
      return json_array_get_object_element (claims, i);
  g_error ("no claim %s in the analyze output", id);
  return NULL;
}

/* The output claim for a planted one: same document, its sentence holds the
 * planted context, its words lie inside the planted words (or hold them). */
static Match
match_claim (JsonObject *planted_claim)
{
  const char *document = document_id_for_file (json_object_get_string_member (planted_claim, "file"));
  g_autofree char *context = collapse_spaces (json_object_get_string_member (planted_claim, "context"));
  const char *text = json_object_get_string_member (planted_claim, "text");
  JsonArray *claims = json_object_get_array_member (analysis, "claims");
  Match match = { NULL, NULL };

  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonObject *claim = json_array_get_object_element (claims, i);
      const char *words = json_object_get_string_member (claim, "text");
      g_autofree char *sentence = NULL;

      if (!g_str_equal (json_object_get_string_member (claim, "document"), document) || words == NULL
          || json_object_get_null_member (claim, "sentence"))
        continue;
      sentence = collapse_spaces (json_object_get_string_member (claim, "sentence"));
      if (strstr (sentence, context) == NULL && strstr (context, sentence) == NULL)
        continue;
      if (strstr (text, words) == NULL && strstr (words, text) == NULL)
        continue;
      match.claim = claim;
      match.fact_id = fact_of_claim (json_object_get_string_member (claim, "id"));
      return match;
    }
  return match;
}

static const char *
head_of (JsonObject *claim)
{
  g_autoptr(TallyMeasureKey) key = NULL;

  if (json_object_get_null_member (claim, "measure"))
    return NULL;
  key = tally_fact_lexicon_measure_key (tally_fact_lexicon_get_default (),
                                        json_object_get_string_member (claim, "measure"));
  return key != NULL ? key->head : NULL;
}

typedef struct
{
  const char *planted_id;
  const char *label;               /* NULL: the planted label is an editor's, not asserted */
  const char *explanation;         /* NULL: not asserted */
} Expected;

static const Expected expectations[] = {
  { "first-summit-year", "First summit: year", "2 sources say 2022, 1 says 2021" },
  { "trade-2025", "Trade volume, 2025",
    "4 sources say $48.2 billion / $48 billion / nearly $50 billion, 1 says $41 billion" },
  { "agreements-signed", "Cooperation agreements signed",
    "4 sources say 14, 1 says 15, 1 says over 12 (fits both)" },
  { "baku-agreements-implemented", "Share of agreements implemented", NULL },
  { "trade-growth", NULL, NULL },
  { "rail-corridor-length", NULL, "3 sources agree within rounding: 1,200 km ≈ 1,150 km" },
  { "cultural-years", "Years of cultural exchange", "3 sources say 2026–2027" },
  { "fourth-summit-year", "Fourth summit: year", "5 sources say 2028" },
  { "second-summit-date", "Second summit: date", NULL },
  { "investment-fund", "Investment fund", "3 sources say $2.5 billion" },
  { "plan-duration", "Connectivity plan (years)", "3 sources say 5 years" },
  { "aktau-cargo-2025", NULL, NULL },
  { "aktau-port-rank", "Port: rank", "2 sources say 2nd" },
  { "countries", NULL, "5 sources say 6" },
  { "summit-dates", "Third summit: dates", NULL },
  { "signing-date", "Agreements signed: date", "2 sources say 17 June 2026" },
  { "logistics-hubs", NULL, NULL },
  { "working-groups", NULL, NULL },
  { "container-share-change", NULL, NULL },
  { "container-share", NULL, NULL },
};

static JsonObject *
planted_fact (const char *id)
{
  for (guint i = 0; i < json_array_get_length (planted); i++)
    {
      JsonObject *fact = json_array_get_object_element (planted, i);

      if (g_str_equal (json_object_get_string_member (fact, "id"), id))
        return fact;
    }
  g_error ("planted-facts.json has no fact “%s”", id);
  return NULL;
}

static void
test_planted_fact (gconstpointer data)
{
  const Expected *expected = data;
  JsonObject *fact_planted;
  JsonArray *claims;
  guint n;
  g_autofree Match *matches = NULL;
  g_autoptr(GHashTable) votes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) extractor = g_string_new (NULL);
  const char *main_fact = NULL;
  guint main_votes = 0;
  const char *main_head = NULL;
  JsonObject *fact;

  load ();
  fact_planted = planted_fact (expected->planted_id);
  claims = json_object_get_array_member (fact_planted, "claims");
  n = json_array_get_length (claims);
  matches = g_new0 (Match, n);
  for (guint i = 0; i < n; i++)
    {
      matches[i] = match_claim (json_array_get_object_element (claims, i));
      if (matches[i].fact_id != NULL)
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (votes, matches[i].fact_id)) + 1;

          g_hash_table_insert (votes, (gpointer) matches[i].fact_id, GUINT_TO_POINTER (count));
          if (count > main_votes)
            main_fact = matches[i].fact_id, main_votes = count;
        }
    }
  for (guint i = 0; i < n && main_fact != NULL; i++)
    if (matches[i].fact_id != NULL && g_str_equal (matches[i].fact_id, main_fact))
      main_head = head_of (matches[i].claim);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *planted_claim = json_array_get_object_element (claims, i);
      const char *where = json_object_get_string_member (planted_claim, "file");
      const char *text = json_object_get_string_member (planted_claim, "text");

      if (matches[i].claim == NULL)
        g_string_append_printf (extractor, "%s “%s”: not extracted; ", where, text);
      else if (matches[i].fact_id == NULL)
        g_string_append_printf (extractor, "%s “%s”: no measure or value (measure %s); ", where, text,
                                json_object_get_null_member (matches[i].claim, "measure")
                                  ? "null" : json_object_get_string_member (matches[i].claim, "measure"));
      else if (!g_str_equal (matches[i].fact_id, main_fact))
        {
          /* Split off: fine only when the extractor named another thing. */
          if (g_strcmp0 (head_of (matches[i].claim), main_head) == 0)
            g_error ("%s: %s “%s” has the head noun “%s” of fact %s but was put in fact %s",
                     expected->planted_id, where, text, main_head, main_fact, matches[i].fact_id);
          g_string_append_printf (extractor, "%s “%s”: measure “%s”; ", where, text,
                                  json_object_get_string_member (matches[i].claim, "measure"));
        }
    }

  /* Claims in the fact that no planted claim accounts for: repeats of a
   * planted value are fine; another value with the same head noun is a
   * measure the extractor attached wrongly; another head is a wrong merge. */
  fact = main_fact != NULL ? fact_by_id (main_fact) : NULL;
  for (guint c = 0; fact != NULL && c < json_array_get_length (json_object_get_array_member (fact, "claims")); c++)
    {
      const char *claim_id = json_array_get_string_element (json_object_get_array_member (fact, "claims"), c);
      JsonObject *claim = claim_by_id (claim_id);
      gboolean known = FALSE;

      for (guint i = 0; i < n && !known; i++)
        known = json_node_equal (json_object_get_member (claim, "value"),
                                 json_object_get_member (json_array_get_object_element (claims, i), "value"));
      if (known)
        continue;
      if (g_strcmp0 (head_of (claim), main_head) != 0)
        g_error ("%s: fact %s holds %s (measure “%s”), another head noun than “%s”", expected->planted_id,
                 main_fact, claim_id, json_object_get_string_member (claim, "measure"), main_head);
      g_string_append_printf (extractor, "%s “%s” in %s: measure “%s” is not the planted one; ", claim_id,
                              json_object_get_string_member (claim, "text"),
                              json_object_get_string_member (claim, "document"),
                              json_object_get_string_member (claim, "measure"));
    }

  if (extractor->len > 0)
    {
      g_autofree char *message = g_strdup_printf ("claim extractor (issue 5): %s", extractor->str);

      g_test_incomplete (message);
      return;
    }

  g_assert_nonnull (fact);
  g_assert_cmpstr (json_object_get_string_member (fact, "status"), ==,
                   json_object_get_string_member (fact_planted, "status"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fact, "claims")), >=, n);
  if (expected->label != NULL)
    g_assert_cmpstr (json_object_get_string_member (fact, "label"), ==, expected->label);
  if (expected->explanation != NULL)
    g_assert_cmpstr (json_object_get_string_member (fact, "explanation"), ==, expected->explanation);
}

/* No fact holds claims of two planted facts. */
static void
test_no_mixed_measures (void)
{
  g_autoptr(GHashTable) owner = g_hash_table_new (g_str_hash, g_str_equal);   /* fact id → planted id */
  guint checked = 0;

  load ();
  for (guint p = 0; p < json_array_get_length (planted); p++)
    {
      JsonObject *fact_planted = json_array_get_object_element (planted, p);
      const char *planted_id = json_object_get_string_member (fact_planted, "id");
      JsonArray *claims = json_object_get_array_member (fact_planted, "claims");

      for (guint i = 0; i < json_array_get_length (claims); i++)
        {
          Match match = match_claim (json_array_get_object_element (claims, i));
          const char *other;

          if (match.fact_id == NULL)
            continue;
          other = g_hash_table_lookup (owner, match.fact_id);
          if (other != NULL && !g_str_equal (other, planted_id))
            g_error ("fact %s (“%s”) mixes planted facts %s and %s", match.fact_id,
                     json_object_get_string_member (fact_by_id (match.fact_id), "label"), other, planted_id);
          g_hash_table_insert (owner, (gpointer) match.fact_id, (gpointer) planted_id);
          checked++;
        }
    }
  /* Most planted claims reach a fact; far fewer would mean the matching broke. */
  g_assert_cmpuint (checked, >=, 30);
}

/* The output's shape: every fact has the documented keys. */
static void
test_json_shape (void)
{
  const char *keys[] = { "id", "label", "measure", "kind", "unit", "scope", "status", "explanation",
                         "claims", "values", "documents" };
  JsonArray *facts;

  load ();
  facts = json_object_get_array_member (analysis, "facts");
  g_assert_cmpuint (json_array_get_length (facts), >=, 15);
  for (guint f = 0; f < json_array_get_length (facts); f++)
    {
      JsonObject *fact = json_array_get_object_element (facts, f);
      JsonArray *values = json_object_get_array_member (fact, "values");
      g_autofree char *id = g_strdup_printf ("f%u", f + 1);

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (fact, keys[k]));
      g_assert_cmpstr (json_object_get_string_member (fact, "id"), ==, id);
      g_assert_cmpuint (json_array_get_length (values), >=, 1);
      for (guint v = 0; v < json_array_get_length (values); v++)
        {
          JsonObject *value = json_array_get_object_element (values, v);

          g_assert_true (json_object_has_member (value, "value"));
          g_assert_true (json_object_has_member (value, "value_max"));
          g_assert_true (json_object_has_member (value, "qualifier"));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (value, "documents")), >=, 1);
        }
      /* Conflicts come first. */
      if (f > 0 && g_str_equal (json_object_get_string_member (fact, "status"), "conflict"))
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (facts, f - 1), "status"),
                         ==, "conflict");
    }
}

/* The real articles in ../shared/seeds (beside the checkout), when present:
 * "five <Region> nations" and "six nations" (China and the five) are two
 * facts that each agree, never one conflict. No text of theirs is kept here. */
static void
test_seeds_named_groups (void)
{
  const char *source = g_getenv ("TALLY_SOURCE_DIR");
  g_autofree char *dir = g_build_filename (source ?: ".", "..", "shared", "seeds", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *name;
  JsonArray *facts;
  guint named = 0, bare = 0;
  int status = 0;

  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    {
      g_test_skip ("../shared/seeds is absent");
      return;
    }
  g_ptr_array_add (argv, g_strdup (cli_path));
  g_ptr_array_add (argv, g_strdup ("analyze"));
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (argv, g_build_filename (dir, name, NULL));
  if (argv->len < 5)
    {
      g_test_skip ("seed files missing");
      return;
    }
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("tally-cli analyze (seeds) failed: %s", err);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  facts = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "facts");
  for (guint f = 0; f < json_array_get_length (facts); f++)
    {
      JsonObject *fact = json_array_get_object_element (facts, f);
      JsonArray *values = json_object_get_array_member (fact, "values");
      g_autoptr(TallyMeasureKey) key = NULL;
      double value;

      if (!g_str_equal (json_object_get_string_member (fact, "kind"), "count"))
        continue;
      key = tally_fact_lexicon_measure_key (tally_fact_lexicon_get_default (),
                                            json_object_get_string_member (fact, "measure"));
      if (key == NULL || !g_str_equal (key->head, "country"))
        continue;
      /* Countries and nations: one value each, stated by three sources. */
      g_test_message ("%s: %s", json_object_get_string_member (fact, "label"),
                      json_object_get_string_member (fact, "explanation"));
      g_assert_cmpstr (json_object_get_string_member (fact, "status"), ==, "agree");
      g_assert_cmpuint (json_array_get_length (values), ==, 1);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fact, "documents")), ==, 3);
      value = json_object_get_double_member (json_array_get_object_element (values, 0), "value");
      if (key->n_names > 0)
        {
          g_assert_cmpfloat (value, ==, 5);
          named++;
        }
      else
        {
          g_assert_cmpfloat (value, ==, 6);
          bare++;
        }
    }
  g_assert_cmpuint (named, ==, 1);
  g_assert_cmpuint (bare, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: %s TALLY-CLI", argv[0]);
  cli_path = argv[1];
  g_test_add_func ("/analysis/facts-samples/json-shape", test_json_shape);
  g_test_add_func ("/analysis/facts-samples/no-mixed-measures", test_no_mixed_measures);
  g_test_add_func ("/analysis/facts-samples/seeds/named-groups", test_seeds_named_groups);
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/analysis/facts-samples/planted/%s", expectations[i].planted_id);

      g_test_add_data_func (path, &expectations[i], test_planted_fact);
    }
  return g_test_run ();
}
