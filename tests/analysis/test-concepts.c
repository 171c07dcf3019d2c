/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "facts-corpus.h"
#include "tally-concepts.h"

/* The figure's bytes in `sentence`, found by its words. */
static const char *
concept_in (const char *sentence,
            const char *figure,
            const char *measure)
{
  const char *at = strstr (sentence, figure);

  g_assert_nonnull (at);
  return tally_concepts_of_claim (tally_concepts_get_default (), measure, sentence, strlen (sentence),
                                  at - sentence, at - sentence + strlen (figure));
}

/* Measures written in different words name one concept; the longest entry
 * wins, and two concepts matched equally long give none. */
static void
test_measures (void)
{
  TallyConcepts *concepts = tally_concepts_get_default ();
  gsize at = 0, len = 0;

  g_assert_cmpstr (tally_concepts_of_measure (concepts, "delivery", NULL, NULL), ==, "delivery");
  g_assert_cmpstr (tally_concepts_of_measure (concepts, "truck delivered", &at, &len), ==, "delivery");
  g_assert_cmpuint (at, ==, 6);
  g_assert_cmpuint (len, ==, 9);
  /* Words in other scripts beside ASCII ones keep their places. */
  g_assert_cmpstr (tally_concepts_of_measure (concepts, "Ürün Truck DELIVERED", &at, &len), ==, "delivery");
  g_assert_cmpuint (at, ==, strlen ("Ürün Truck "));
  g_assert_cmpuint (len, ==, 9);
  g_assert_cmpstr (tally_concepts_of_measure (concepts, "trade turnover", NULL, NULL), ==, "trade");
  g_assert_cmpstr (tally_concepts_of_measure (concepts, "Quarterly Output", NULL, NULL), ==, "production");
  g_assert_null (tally_concepts_of_measure (concepts, "ferry", NULL, NULL));
  g_assert_null (tally_concepts_of_measure (concepts, "deliveryman", NULL, NULL));
  g_assert_null (tally_concepts_of_measure (concepts, NULL, NULL, NULL));
  /* "import" and "export" are entries of one length: neither wins. */
  g_assert_null (tally_concepts_of_measure (concepts, "import export", NULL, NULL));
}

/* Every id names itself, so that a fact's measure (where the id replaced the
 * words) gives its concept back. */
static void
test_ids_name_themselves (void)
{
  static const char * const ids[] = { "delivery", "production", "sale", "revenue", "profit", "trade", "export",
                                      "import", "investment", "death", "injury", "evacuee", "compensation",
                                      "cost", "agreement" };
  TallyConcepts *concepts = tally_concepts_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (tally_concepts_of_measure (concepts, ids[i], NULL, NULL), ==, ids[i]);
}

/* A verb gives a figure without a concept one: the nearest before it in its
 * clause, else one right after it; never across a semicolon or a colon. */
static void
test_verbs (void)
{
  const char *both = "Harrow Motors delivered 12,400 trucks in the spring and produced 13,050 over the same months.";

  g_assert_cmpstr (concept_in (both, "12,400", "truck"), ==, "delivery");
  g_assert_cmpstr (concept_in (both, "13,050", NULL), ==, "production");
  g_assert_cmpstr (concept_in ("Some 4,100 bicycles were sold at the fair.", "4,100", "bicycle"), ==, "sale");
  g_assert_null (concept_in ("The plant produced tiles; 300 workers stayed on.", "300", "worker"));
  g_assert_null (concept_in ("Ferries carried 9,000 people.", "9,000", "people"));
  /* The measure's own concept comes first. */
  g_assert_cmpstr (concept_in ("It sold 40 tonnes of exports.", "40", "export"), ==, "export");
}

static void
test_apply (void)
{
  TallyConcepts *concepts = tally_concepts_get_default ();
  g_autofree char *replaced = tally_concepts_apply (concepts, "truck delivered", "delivery");
  g_autofree char *added = tally_concepts_apply (concepts, "truck", "delivery");
  g_autofree char *alone = tally_concepts_apply (concepts, NULL, "production");
  g_autofree char *none = tally_concepts_apply (concepts, "ferry", NULL);

  g_autofree char *generic = tally_concepts_apply (concepts, "electric vehicle delivered", "delivery");

  g_assert_cmpstr (replaced, ==, "truck delivery");
  /* What a figure counts without saying which ("vehicle", "unit") is dropped. */
  g_assert_cmpstr (generic, ==, "delivery");
  {
    g_autofree char *label = tally_concepts_apply_for_label (concepts, "electric vehicle delivered", "delivery");

    /* Labels keep every word the source wrote. */
    g_assert_cmpstr (label, ==, "electric vehicle delivery");
  }
  g_assert_cmpstr (added, ==, "truck delivery");
  g_assert_cmpstr (alone, ==, "production");
  g_assert_cmpstr (none, ==, "ferry");
}

/* Another language's file adds words to the same ids; Chinese words match
 * inside a measure written without spaces. */
static void
test_other_language (void)
{
  static const char ru[] = "[Measures]\ntrade=товарооборот;торговля\n";
  static const char zh[] = "[Measures]\ntrade=贸易额\n";
  static const char broken[] = "[Measures]\ntwo words=x\n";
  TallyConcepts *concepts = tally_concepts_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (tally_concepts_add_data (concepts, ru, strlen (ru), "ru.concepts", &error));
  g_assert_true (tally_concepts_add_data (concepts, zh, strlen (zh), "zh.concepts", &error));
  g_assert_cmpstr (tally_concepts_of_measure (concepts, "товарооборот", NULL, NULL), ==, "trade");
  g_assert_cmpstr (tally_concepts_of_measure (concepts, "双边贸易额", NULL, NULL), ==, "trade");
  g_assert_false (tally_concepts_add_data (concepts, broken, strlen (broken), "broken.concepts", &error));
  g_assert_nonnull (strstr (error->message, "broken.concepts"));
  tally_concepts_free (concepts);
}

/* Facts are keyed by concept: outlets naming one figure with different
 * measures and verbs meet, and what differs in concept stays apart. */
static void
test_facts_by_concept (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = TALLY_CLAIM_KIND_COUNT, .value = 12400, .measure = "delivery",
               .story = "s1", .text = "12,400 deliveries", .sentence = "Harrow Motors reported 12,400 deliveries.");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = TALLY_CLAIM_KIND_COUNT, .value = 12400, .measure = "truck",
               .story = "s1", .text = "12,400", .sentence = "Harrow Motors delivered 12,400 trucks.");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = TALLY_CLAIM_KIND_COUNT, .value = 12400, .measure = "truck delivered",
               .story = "s1", .text = "12,400", .sentence = "It had 12,400 trucks delivered.");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = TALLY_CLAIM_KIND_COUNT, .value = 13050, .measure = "truck",
               .story = "s1", .text = "13,050", .sentence = "The plant produced 13,050 trucks.");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 2);
  fact = facts_find (facts, "Truck deliveries");
  g_assert_cmpuint (fact->documents->len, ==, 3);
  g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpstr (fact->concept, ==, "delivery");
  fact = facts_find (facts, "Truck production");
  g_assert_cmpstr (fact->concept, ==, "production");
}

static const char *
period_in (const char *sentence,
           const char *figure)
{
  const char *at = strstr (sentence, figure);

  g_assert_nonnull (at);
  return tally_concepts_period_of_claim (tally_concepts_get_default (), sentence, strlen (sentence), at - sentence,
                                         at - sentence + strlen (figure));
}

/* Chinese names the period inside its clause, without spaces (zh.concepts
 * [Periods]): "第四季度", "上季度" a quarter, "上半年" a half, "全年" the year;
 * the clause ends at "，". Sentences written for this test. */
static void
test_periods_unspaced (void)
{
  const char *text = "海港汽车第四季度交付了4.2万辆，全年交付15万辆，上半年生产了6万辆。";

  g_assert_cmpstr (period_in (text, "4.2万辆"), ==, "quarter");
  g_assert_cmpstr (period_in (text, "15万辆"), ==, "year");
  g_assert_cmpstr (period_in (text, "6万辆"), ==, "half");
  g_assert_cmpstr (period_in ("上季度的利润为3亿元。", "3亿元"), ==, "quarter");
  g_assert_null (period_in ("海港汽车交付了9万辆。", "9万辆"));
}

/* The period a figure covers: a cue after it, else before it, not past
 * another figure; the phrase that opens the sentence frames all of it. */
static void
test_periods (void)
{
  const char *both = "Harrow Motors shipped 52,300 trucks in 2031, including 12,400 in the final quarter.";
  const char *framed = "In the third quarter of 2030, the brewery sold 8.2 million litres, a record for the firm.";
  const char *months = "Sales from July to September reached 410 units, and annual sales 1,650 units.";

  g_assert_cmpstr (period_in (both, "52,300"), ==, "year");
  g_assert_cmpstr (period_in (both, "12,400"), ==, "quarter");
  g_assert_cmpstr (period_in (framed, "8.2 million"), ==, "quarter");
  g_assert_cmpstr (period_in (months, "410"), ==, "quarter");
  g_assert_cmpstr (period_in (months, "1,650"), ==, "year");
  g_assert_cmpstr (period_in ("First-half revenue was $3 billion.", "$3 billion"), ==, "half");
  g_assert_null (period_in ("The fleet has 40 ferries.", "40"));
  /* A rate follows its figure; a time before it frames, it is no rate. */
  g_assert_cmpstr (period_in ("Harrow Motors is spending almost $80m a week on its new plant.", "$80m"), ==, "week");
  g_assert_cmpstr (period_in ("The ferry carries 1,200 passengers per day in summer.", "1,200"), ==, "day");
  g_assert_null (period_in ("A week after the storm, 40 roads were still closed.", "40"));
  g_assert_null (period_in ("The gauge at the port measured 95 mm of rain in a day.", "95 mm"));
}

/* Facts of different periods never group: a quarter's figure is not the
 * year's, and the label says which. */
static void
test_facts_by_period (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = TALLY_CLAIM_KIND_COUNT, .value = 12400, .measure = "truck", .story = "s1",
               .text = "12,400", .sentence = "Harrow Motors delivered 12,400 trucks in the fourth quarter.");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = TALLY_CLAIM_KIND_COUNT, .value = 12400, .measure = "delivery",
               .story = "s1", .text = "12,400 deliveries", .sentence = "Q4 brought 12,400 deliveries.");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = TALLY_CLAIM_KIND_COUNT, .value = 52300, .measure = "delivery",
               .story = "s1", .text = "52,300 deliveries", .sentence = "The year brought 52,300 deliveries.");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = TALLY_CLAIM_KIND_COUNT, .value = 52000, .qualifier = TALLY_QUALIFIER_OVER,
               .measure = "truck", .story = "s1", .text = "over 52,000",
               .sentence = "It delivered over 52,000 trucks in 2031.");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 2);
  fact = facts_find (facts, "Quarterly truck deliveries");
  g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpuint (fact->documents->len, ==, 2);
  g_assert_true (g_str_has_suffix (fact->key, "|period=quarter"));
  fact = facts_find (facts, "Truck deliveries");
  g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_QUALIFIED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analysis/concepts/measures", test_measures);
  g_test_add_func ("/analysis/concepts/ids", test_ids_name_themselves);
  g_test_add_func ("/analysis/concepts/verbs", test_verbs);
  g_test_add_func ("/analysis/concepts/apply", test_apply);
  g_test_add_func ("/analysis/concepts/other-language", test_other_language);
  g_test_add_func ("/analysis/concepts/facts", test_facts_by_concept);
  g_test_add_func ("/analysis/concepts/periods", test_periods);
  g_test_add_func ("/analysis/concepts/periods-unspaced", test_periods_unspaced);
  g_test_add_func ("/analysis/concepts/facts-by-period", test_facts_by_period);
  return g_test_run ();
}
