/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fact grouping on generated claims that used to take time growing with
 * the square of the distinct values of one measure (issue 14): 200,000
 * distinct values took minutes; the figures are in bench-hostile. */
#include <string.h>

#include "tally-facts.h"

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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/facts-hostile/distinct-values", test_distinct_values);
  g_test_add_func ("/facts-hostile/repeated-values", test_repeated_values);
  return g_test_run ();
}
