/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fact grouping on generated claims that used to take time growing with
 * the square of the distinct values of one measure (issue 14): 200,000
 * distinct values took minutes; the figures are in bench-hostile. */
#include <string.h>

#include "tally-claims.h"
#include "tally-fact-json.h"
#include "tally-facts.h"
#include "tally-json-export.h"

typedef struct
{
  GPtrArray *records;
  GPtrArray *strings;
  GArray *inputs;
} Claims;

static void
claims_clear (Claims *c)
{
  g_ptr_array_unref (c->records);
  g_ptr_array_unref (c->strings);
  g_array_unref (c->inputs);
}

/* n claims of "harvest" in tonnes, value 1000.25 + i % distinct, one document
 * each, every other one "about". */
static void
generate (Claims *c,
          guint   n,
          guint   distinct)
{
  c->records = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);
  c->strings = g_ptr_array_new_with_free_func (g_free);
  c->inputs = g_array_sized_new (FALSE, TRUE, sizeof (TallyFactInput), n);
  for (guint i = 0; i < n; i++)
    {
      TallyClaimRecord *r = tally_claim_record_new ();
      char *doc = g_strdup_printf ("d%u", i + 1);
      char *id = g_strdup_printf ("c%u", i + 1);
      TallyFactInput input = { 0 };

      r->kind = TALLY_CLAIM_KIND_NUMBER;
      r->has_value = TRUE;
      r->value = 1000.25 + i % distinct;   /* not round: no value fits another */
      r->unit = g_strdup ("t");
      r->measure = g_strdup ("harvest");
      r->qualifier = TALLY_QUALIFIER_EXACT;
      g_ptr_array_add (c->records, r);
      g_ptr_array_add (c->strings, doc);
      g_ptr_array_add (c->strings, id);
      input.claim_id = id;
      input.document_id = doc;
      input.record = r;
      input.text = "1,000 tonnes";
      input.sentence = "The harvest reached 1,000 tonnes.";
      g_array_append_val (c->inputs, input);
    }
}

static void
test_distinct_values (void)
{
  const guint n = 200000;
  Claims c;
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  generate (&c, n, n);
  facts = tally_group_facts ((const TallyFactInput *) c.inputs->data, c.inputs->len);
  g_assert_cmpuint (facts->len, ==, 1);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpuint (fact->values->len, ==, n);
  g_assert_cmpuint (fact->documents->len, ==, n);
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_CONFLICT);
  /* Every value one source; ties go to the value stated first. */
  g_assert_cmpfloat (((TallyFactValue *) g_ptr_array_index (fact->values, 0))->value, ==, 1000.25);
  g_assert_cmpuint (((TallyFactValue *) g_ptr_array_index (fact->values, 0))->side, ==, 0);
  g_assert_cmpstr (fact->explanation, ==, "1 source says 1,000.25 tonnes, 1 says 1,001.25 tonnes, 1 says 1,002.25 tonnes, "
                                          "1 says 1,003.25 tonnes, 199996 other values");
  claims_clear (&c);
}

/* Many claims on few values: each value gathers its documents once. */
static void
test_repeated_values (void)
{
  const guint n = 300000, distinct = 3;
  Claims c;
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  generate (&c, n, distinct);
  facts = tally_group_facts ((const TallyFactInput *) c.inputs->data, c.inputs->len);
  g_assert_cmpuint (facts->len, ==, 1);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpuint (fact->values->len, ==, distinct);
  for (guint i = 0; i < distinct; i++)
    {
      TallyFactValue *value = g_ptr_array_index (fact->values, i);

      g_assert_cmpuint (value->claims->len, ==, n / distinct);
      g_assert_cmpuint (value->documents->len, ==, n / distinct);
      g_assert_cmpuint (value->side, ==, i);
    }
  claims_clear (&c);
}

/* A report written for this test: a long lead, then figures far into it. */
static TallyAnalyzedDocument *
kept_document (guint n)
{
  g_autofree char *id = g_strdup_printf ("d%u", n);
  TallyAnalyzedDocument *document = tally_analyzed_document_new (id, "/generated/report.txt");
  GString *text = g_string_new (NULL);
  TallyOffsetMapEntry entry = { 0, 0 };

  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (text, "The Varnholm ferry crossing %s again on day %u. ", n % 2 ? "paused" : "stopped", i + 1);
  g_string_append_printf (text, "Brannock Line said the Kestrel carried %u passengers and %u cars. ", 200 + n, 40 + n);
  g_string_append (text, "Inspectors found 3 faults in the steering gear, the operator said.");
  document->record = tally_document_record_new ();
  document->record->title = g_strdup ("Kestrel ferry grounded off Varnholm");
  document->record->published = g_strdup_printf ("2024-03-%02u", 10 + n);
  document->record->text_len = text->len;
  document->record->text = g_string_free (text, FALSE);
  g_array_append_val (document->record->offset_map, entry);
  g_ptr_array_unref (document->claims);
  document->claims = tally_extract_claims (document->record->text, document->record->text_len, NULL);
  for (guint c = 0; c < document->claims->len; c++)
    g_ptr_array_add (document->claim_ids, g_strdup_printf ("c%u-%u", n, c + 1));
  return document;
}

static char *
facts_and_stories (GPtrArray *documents)
{
  g_autoptr(GPtrArray) stories = tally_analyzed_documents_find_stories (documents);
  g_autoptr(JsonNode) facts = tally_facts_json_from_documents (documents);
  g_autoptr(JsonNode) story_node = tally_json_stories_node (stories, documents);
  g_autofree char *a = tally_json_to_string (facts, 0);
  g_autofree char *b = tally_json_to_string (story_node, 0);

  return g_strconcat (a, "\n", b, NULL);
}

/* What `tally-cli analyze` keeps of a document for the facts and stories:
 * the same facts and stories come out, from a lead and the claims' own
 * words and sentences. */
static void
test_kept_documents (void)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_analyzed_document_free);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint n = 1; n <= 3; n++)
    g_ptr_array_add (documents, kept_document (n));
  before = facts_and_stories (documents);
  g_assert_nonnull (strstr (before, "passengers"));
  for (guint d = 0; d < documents->len; d++)
    {
      TallyAnalyzedDocument *document = g_ptr_array_index (documents, d);
      gsize full = document->record->text_len;
      gsize lead = tally_story_lead_length (document->record->text, full);
      const TallyClaimRecord *claim;

      g_assert_cmpuint (document->claims->len, >=, 2);
      tally_analyzed_document_keep_for_facts (document);
      g_assert_cmpuint (lead, <, full);
      g_assert_cmpuint (document->record->text_len, ==, lead);
      g_assert_cmpuint (document->record->offset_map->len, ==, 0);
      /* The figures lie past the lead: their sentences were kept apart. */
      claim = g_ptr_array_index (document->claims, document->claims->len - 1);
      g_assert_cmpuint (claim->start, >, lead);
      g_assert_cmpstr (g_ptr_array_index (document->claim_words, document->claims->len - 1), ==, "3 faults");
      g_assert_true (claim->measure == NULL
                     || (claim->measure >= document->strings && claim->measure < document->strings + document->strings_len));
    }
  after = facts_and_stories (documents);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/facts-hostile/distinct-values", test_distinct_values);
  g_test_add_func ("/facts-hostile/repeated-values", test_repeated_values);
  g_test_add_func ("/facts-hostile/kept-documents", test_kept_documents);
  return g_test_run ();
}
