/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <unicode/uloc.h>

#include "facts-corpus.h"
#include "tally-fact-export.h"
#include "tally-fact-lexicon.h"

#define MONEY TALLY_CLAIM_KIND_MONEY
#define PERCENT TALLY_CLAIM_KIND_PERCENT
#define COUNT TALLY_CLAIM_KIND_COUNT
#define YEAR TALLY_CLAIM_KIND_YEAR
#define DATE TALLY_CLAIM_KIND_DATE
#define NUMBER TALLY_CLAIM_KIND_NUMBER
#define APPROX TALLY_QUALIFIER_APPROX
#define OVER TALLY_QUALIFIER_OVER
#define UNDER TALLY_QUALIFIER_UNDER
#define AT_LEAST TALLY_QUALIFIER_AT_LEAST
#define AT_MOST TALLY_QUALIFIER_AT_MOST

static TallyFactValue *
value_at (TallyFactRecord *fact,
          guint            i)
{
  g_assert_cmpuint (i, <, fact->values->len);
  return g_ptr_array_index (fact->values, i);
}

static void
assert_value (TallyFactRecord *fact,
              guint            i,
              const char      *display,
              guint            side,
              const char      *documents)
{
  TallyFactValue *value = value_at (fact, i);
  g_autofree char *docs = facts_value_documents (value);

  g_assert_cmpstr (value->display, ==, display);
  g_assert_cmpuint (value->side, ==, side);
  g_assert_cmpstr (docs, ==, documents);
}

/* ---- measures ---------------------------------------------------------- */

static void
test_measure_keys (void)
{
  TallyFactLexicon *lexicon = tally_fact_lexicon_get_default ();
  g_autoptr(TallyMeasureKey) agreement = tally_fact_lexicon_measure_key (lexicon, "agreement");
  g_autoptr(TallyMeasureKey) cooperation = tally_fact_lexicon_measure_key (lexicon, "cooperation agreement");
  g_autoptr(TallyMeasureKey) nations = tally_fact_lexicon_measure_key (lexicon, "Nation");
  g_autoptr(TallyMeasureKey) countries = tally_fact_lexicon_measure_key (lexicon, "country");
  g_autoptr(TallyMeasureKey) centres = tally_fact_lexicon_measure_key (lexicon, "logistics centre");
  g_autoptr(TallyMeasureKey) centers = tally_fact_lexicon_measure_key (lexicon, "logistics center");
  g_autoptr(TallyMeasureKey) first_summit = tally_fact_lexicon_measure_key (lexicon, "inaugural summit");
  g_autoptr(TallyMeasureKey) implemented = tally_fact_lexicon_measure_key (lexicon, "agreement carried out");
  g_autoptr(TallyMeasureKey) volume = tally_fact_lexicon_measure_key (lexicon, "trade volume");
  g_autoptr(TallyMeasureKey) share = tally_fact_lexicon_measure_key (lexicon, "share of export");
  g_autoptr(TallyMeasureKey) empty = tally_fact_lexicon_measure_key (lexicon, "the new");

  g_assert_cmpstr (agreement->head, ==, "agreement");
  g_assert_cmpuint (agreement->n_modifiers, ==, 0);
  g_assert_cmpstr (cooperation->head, ==, "agreement");
  g_assert_cmpuint (cooperation->n_modifiers, ==, 1);
  g_assert_cmpstr (cooperation->modifiers[0], ==, "cooperation");
  g_assert_true (tally_measure_key_is_subset (agreement, cooperation));
  g_assert_false (tally_measure_key_is_subset (cooperation, agreement));
  /* Interned: equal words are the same pointer. */
  g_assert_true (agreement->head == cooperation->head);
  g_assert_true (nations->head == countries->head);
  g_assert_cmpstr (nations->phrase, ==, "country");
  g_assert_cmpstr (centres->phrase, ==, "logistics center");
  g_assert_true (centres->head == centers->head);
  g_assert_true (tally_measure_key_is_subset (centres, centers) && tally_measure_key_is_subset (centers, centres));
  g_assert_cmpstr (first_summit->head, ==, "summit");
  g_assert_cmpuint (first_summit->n_distinct, ==, 1);
  g_assert_cmpstr (first_summit->distinct[0], ==, "first");
  g_assert_cmpstr (implemented->phrase, ==, "agreement implemented");
  g_assert_cmpstr (implemented->head, ==, "agreement");
  g_assert_true (implemented->has_predicate);
  g_assert_cmpstr (volume->phrase, ==, "trade");
  g_assert_cmpstr (share->head, ==, "share");
  g_assert_cmpstr (share->modifiers[0], ==, "export");
  g_assert_null (empty);
}

/* A modifier the measure writes with a capital names a group. */
static void
test_measure_key_names (void)
{
  TallyFactLexicon *lexicon = tally_fact_lexicon_get_default ();
  g_autoptr(TallyMeasureKey) nordic = tally_fact_lexicon_measure_key (lexicon, "Nordic nation");
  g_autoptr(TallyMeasureKey) nordic_countries = tally_fact_lexicon_measure_key (lexicon, "Nordic country");
  g_autoptr(TallyMeasureKey) nations = tally_fact_lexicon_measure_key (lexicon, "nation");
  g_autoptr(TallyMeasureKey) title = tally_fact_lexicon_measure_key (lexicon, "Nation");
  g_autoptr(TallyMeasureKey) lower = tally_fact_lexicon_measure_key (lexicon, "nordic nation");
  g_autoptr(TallyMeasureKey) dashed = tally_fact_lexicon_measure_key (lexicon, "Baltic–Nordic ferry line");

  g_assert_true (nordic->head == nations->head);
  g_assert_cmpstr (nordic->phrase, ==, "nordic country");
  g_assert_cmpuint (nordic->n_names, ==, 1);
  g_assert_cmpstr (nordic->names[0], ==, "nordic");
  /* Still a modifier: "nations" is a subset of "Nordic nations" … */
  g_assert_true (tally_measure_key_is_subset (nations, nordic));
  /* … but one that names a group the bare noun does not. */
  g_assert_true (tally_measure_key_adds_names (nordic, nations));
  g_assert_false (tally_measure_key_adds_names (nordic, nordic_countries));
  g_assert_false (tally_measure_key_adds_names (nations, nordic));
  /* Nation and country stay one word within the group. */
  g_assert_cmpstr (nordic_countries->phrase, ==, nordic->phrase);
  /* A capitalised head is a title; a lower-case modifier is no name. */
  g_assert_cmpuint (title->n_names, ==, 0);
  g_assert_cmpuint (lower->n_names, ==, 0);
  g_assert_false (tally_measure_key_adds_names (lower, nations));
  g_assert_cmpuint (dashed->n_names, ==, 2);
  g_assert_cmpstr (dashed->phrase, ==, "baltic nordic ferry line");
  g_assert_cmpstr (dashed->head, ==, "line");
}

static void
test_lexicon_errors (void)
{
  const char *broken = "[Phrases]\n[Spelling]\n[Synonyms]\n[Labels]\n[Words]\nIgnore=new\n";
  const char *not_keyfile = "this is not a key file";
  g_autoptr(GError) error = NULL;
  TallyFactLexicon *lexicon;

  lexicon = tally_fact_lexicon_new_from_data (broken, strlen (broken), "broken.facts", &error);
  g_assert_null (lexicon);
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "broken.facts: [Words] Distinct:"));
  g_clear_error (&error);

  lexicon = tally_fact_lexicon_new_from_data (not_keyfile, strlen (not_keyfile), "junk.facts", &error);
  g_assert_null (lexicon);
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "junk.facts: "));
}

/* ---- grouping ---------------------------------------------------------- */

static void
test_group_synonyms (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;
  g_autofree char *claims = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 14, .measure = "cooperation agreement",
               .sentence = "Leaders signed 14 cooperation agreements.");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 14, .measure = "agreement",
               .sentence = "Six governments ended the summit signing fourteen agreements.");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 14, .measure = "new cooperation agreement",
               .sentence = "The 14 new cooperation agreements cover rail and ports.");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 6, .measure = "nation");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 6, .measure = "country");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 3, .measure = "logistics centre");
  FACTS_CLAIM (corpus, .doc = "d4", .kind = COUNT, .value = 3, .measure = "logistics center");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 3);
  fact = facts_find (facts, "Cooperation agreements signed");
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpstr (fact->measure, ==, "cooperation agreement");
  g_assert_cmpstr (fact->explanation, ==, "3 sources say 14");
  claims = facts_claim_ids (corpus, fact->claims);
  g_assert_cmpstr (claims, ==, "c1,c2,c3");
  g_assert_cmpuint (fact->documents->len, ==, 3);
  g_assert_cmpfloat (fact->spread, ==, 0);
  assert_value (fact, 0, "14", 0, "d1,d2,d3");

  fact = facts_find (facts, "Nations");
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpstr (fact->explanation, ==, "2 sources say 6");
  fact = facts_find (facts, "Logistics centres");
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
}

static void
test_group_never_same_number (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  /* 12 agreements and 12 rail corridors; 12 agreements and 13 platforms. */
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 12, .measure = "agreement");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 12, .measure = "rail corridor");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 13, .measure = "platform");
  /* Same words, different kind or unit. */
  FACTS_CLAIM (corpus, .doc = "d1", .kind = PERCENT, .unit = "%", .value = 12, .measure = "agreement");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = MONEY, .unit = "USD", .value = 12e9, .measure = "trade");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = MONEY, .unit = "EUR", .value = 12e9, .measure = "trade");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 6);
  for (guint i = 0; i < facts->len; i++)
    {
      TallyFactRecord *fact = g_ptr_array_index (facts, i);

      g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_SINGLE);
      g_assert_cmpuint (fact->claims->len, ==, 1);
    }
  g_assert_cmpstr (facts_find (facts, "Rail corridors")->explanation, ==, "Only 1 source: 12");
  g_assert_cmpstr (facts_find (facts, "Share of agreement")->explanation, ==, "Only 1 source: 12%");
}

static void
test_group_scope_and_change (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = MONEY, .unit = "USD", .value = 40e9, .measure = "trade", .scope = 2023);
  FACTS_CLAIM (corpus, .doc = "d2", .kind = MONEY, .unit = "USD", .value = 48e9, .measure = "trade volume", .scope = 2024);
  FACTS_CLAIM (corpus, .doc = "d3", .kind = MONEY, .unit = "USD", .value = 48e9, .measure = "trade", .scope = 2024);
  FACTS_CLAIM (corpus, .doc = "d3", .kind = PERCENT, .unit = "%", .value = 20, .measure = "trade", .scope = 2024,
               .change = TRUE);
  FACTS_CLAIM (corpus, .doc = "d2", .kind = PERCENT, .unit = "%", .value = 20, .measure = "trade", .scope = 2024,
               .change = TRUE);
  FACTS_CLAIM (corpus, .doc = "d2", .kind = PERCENT, .unit = "%", .value = 31, .measure = "share of trade");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 4);
  fact = facts_find (facts, "Trade volume, 2024");
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpint (fact->scope_year, ==, 2024);
  g_assert_cmpstr (fact->explanation, ==, "2 sources say $48 billion");
  fact = facts_find (facts, "Trade volume, 2023");
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_SINGLE);
  fact = facts_find (facts, "Trade volume: change, 2024");
  g_assert_true (fact->change);
  g_assert_cmpstr (fact->explanation, ==, "2 sources say 20%");
  fact = facts_find (facts, "Share of trade");
  g_assert_false (fact->change);
}

static void
test_group_ambiguous_modifier (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  /* "agreements" could be the trade ones or the cooperation ones: kept apart. */
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 4, .measure = "trade agreement");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 10, .measure = "cooperation agreement");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 14, .measure = "agreement");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 3);
  g_assert_cmpuint (facts_find (facts, "Agreements")->claims->len, ==, 1);
  g_assert_cmpuint (facts_find (facts, "Trade agreements")->claims->len, ==, 1);
  g_assert_cmpuint (facts_find (facts, "Cooperation agreements")->claims->len, ==, 1);
}

/* An invented summit: Canada and the five Nordic nations, six in all. The
 * named group and the bare noun are two facts that each agree. */
static void
test_group_named_groups (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;
  g_autofree char *claims = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 5, .measure = "Nordic nation",
               .sentence = "Canada and the five Nordic nations met in Tromsø.");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 6, .measure = "nation",
               .sentence = "All six nations, Canada included, signed the charter.");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 5, .measure = "Nordic country",
               .sentence = "Ministers of five Nordic countries flew in.");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 6, .measure = "nation",
               .sentence = "The six nations agreed on quotas.");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 6, .measure = "participating country",
               .sentence = "The six participating countries agreed on quotas.");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 2);
  fact = facts_find (facts, "Nordic nations");
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpstr (fact->explanation, ==, "2 sources say 5");
  claims = facts_claim_ids (corpus, fact->claims);
  g_assert_cmpstr (claims, ==, "c1,c3");
  g_clear_pointer (&claims, g_free);
  fact = facts_find (facts, "Participating countries");
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpstr (fact->explanation, ==, "3 sources say 6");
  claims = facts_claim_ids (corpus, fact->claims);
  g_assert_cmpstr (claims, ==, "c2,c4,c5");
}

/* The bare noun joins the named group when their figures agree ("six Baltic
 * and Caspian states", "six countries"); sources that disagree within one
 * group are still a conflict. */
static void
test_group_named_groups_agree (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 6, .measure = "Baltic and Caspian state");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 6, .measure = "country");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 6, .measure = "government");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 5, .measure = "Nordic nation");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 4, .measure = "Nordic country");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 2);
  fact = facts_find (facts, "Baltic and Caspian states");
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpstr (fact->explanation, ==, "3 sources say 6");
  fact = facts_find (facts, "Nordic nations");
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_CONFLICT);
}

/* One article alone: its "five Nordic nations" and "six nations" are still
 * two things, though one source cannot be in conflict with itself. */
static void
test_group_named_groups_one_source (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 5, .measure = "Nordic nation");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 6, .measure = "nation");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 2);
  g_assert_cmpuint (facts_find (facts, "Nordic nations")->values->len, ==, 1);
  g_assert_cmpuint (facts_find (facts, "Nations")->values->len, ==, 1);
}

static void
test_group_unscoped_joins (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = MONEY, .unit = "USD", .value = 48.2e9, .measure = "trade", .scope = 2025);
  FACTS_CLAIM (corpus, .doc = "d2", .kind = MONEY, .unit = "USD", .value = 48e9, .measure = "trade");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 12, .measure = "hub", .scope = 2024);
  FACTS_CLAIM (corpus, .doc = "d4", .kind = COUNT, .value = 14, .measure = "hub", .scope = 2025);
  FACTS_CLAIM (corpus, .doc = "d5", .kind = COUNT, .value = 13, .measure = "hub");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 4);
  fact = facts_find (facts, "Trade volume, 2025");
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_ROUNDING);
  g_assert_cmpuint (fact->claims->len, ==, 2);
  /* Two years to choose from: the unscoped figure stays on its own. */
  g_assert_cmpint (facts_find (facts, "Hubs")->status, ==, TALLY_FACT_STATUS_SINGLE);
  g_assert_cmpuint (facts_find (facts, "Hubs, 2024")->claims->len, ==, 1);
  g_assert_cmpuint (facts_find (facts, "Hubs, 2025")->claims->len, ==, 1);
}

static void
test_group_ranks (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = TALLY_CLAIM_KIND_ORDINAL, .value = 2, .measure = "port",
               .text = "second", .sentence = "Aktau is the region's second-largest port.");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = TALLY_CLAIM_KIND_ORDINAL, .value = 2, .measure = "port",
               .text = "second", .sentence = "Aktau, the second biggest port, expects more traffic.");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = TALLY_CLAIM_KIND_ORDINAL, .value = 2, .measure = "port",
               .text = "second-busiest", .sentence = "It is the second-busiest port on the sea.");
  /* Ordinals that name or count things are not ranks. */
  FACTS_CLAIM (corpus, .doc = "d1", .kind = TALLY_CLAIM_KIND_ORDINAL, .value = 1, .measure = "loan",
               .text = "first", .sentence = "The fund will make its first loans this year.");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = TALLY_CLAIM_KIND_ORDINAL, .value = 3, .measure = "summit",
               .text = "Third", .sentence = "The Third Baltic summit closed with the earliest deals.");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 1);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpstr (fact->label, ==, "Port: rank");
  g_assert_cmpstr (fact->explanation, ==, "3 sources say 2nd");
}

static void
test_group_skips_unusable (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 5, .measure = NULL);
  FACTS_CLAIM (corpus, .doc = "d1", .kind = YEAR, .measure = "summit");   /* relative: no value */
  FACTS_CLAIM (corpus, .doc = "d1", .kind = DATE, .date = "2025-13", .measure = "summit");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = NAN, .measure = "ship");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 7, .measure = "the");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 0);
  g_clear_pointer (&facts, g_ptr_array_unref);

  facts = tally_group_facts (NULL, 0);
  g_assert_cmpuint (facts->len, ==, 0);
}

/* ---- event dates ------------------------------------------------------- */

static void
test_event_date_conflict (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = YEAR, .date = "2022", .measure = "first summit");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = YEAR, .date = "2023", .measure = "first summit");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = YEAR, .date = "2023", .measure = "inaugural summit");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = YEAR, .date = "2024", .measure = "second summit");
  FACTS_CLAIM (corpus, .doc = "d4", .kind = DATE, .date = "2024-05", .measure = "second summit");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 2);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpstr (fact->id, ==, "f1");
  g_assert_cmpstr (fact->label, ==, "First summit: year");
  g_assert_cmpint (fact->kind, ==, YEAR);
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_CONFLICT);
  g_assert_cmpstr (fact->explanation, ==, "2 sources say 2023, 1 says 2022");
  g_assert_cmpfloat (fact->spread, ==, 1);
  assert_value (fact, 0, "2023", 0, "d2,d3");
  assert_value (fact, 1, "2022", 1, "d1");

  /* May 2024 is within "2024": both true as stated. */
  fact = g_ptr_array_index (facts, 1);
  g_assert_cmpstr (fact->label, ==, "Second summit: date");
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpstr (fact->explanation, ==, "2 sources agree: 2024, May 2024 (dates of different precision)");
  /* People read "May 2024"; JSON and CSV keep the ISO text. */
  assert_value (fact, 1, "May 2024", 0, "d4");
  g_assert_cmpstr (value_at (fact, 1)->data_display, ==, "2024-05");
}

/* ---- grading ----------------------------------------------------------- */

typedef struct
{
  const char *name;
  FactsSpec a;
  FactsSpec b;
  TallyFactStatus status;
  const char *explanation;
} GradeCase;

static void
test_grades (void)
{
  const GradeCase cases[] = {
    { "same value",
      { .kind = MONEY, .unit = "USD", .value = 94.8e9 }, { .kind = MONEY, .unit = "USD", .value = 94.8e9 },
      TALLY_FACT_STATUS_AGREE, "2 sources say $94.8 billion" },
    { "rounded billions",
      { .kind = MONEY, .unit = "USD", .value = 94.8e9 }, { .kind = MONEY, .unit = "USD", .value = 95e9 },
      TALLY_FACT_STATUS_ROUNDING, "2 sources agree within rounding: $94.8 billion ≈ $95 billion" },
    { "rounded decimals",
      { .kind = NUMBER, .unit = "km", .value = 12.4 }, { .kind = NUMBER, .unit = "km", .value = 12.43 },
      TALLY_FACT_STATUS_ROUNDING, "2 sources agree within rounding: 12.4 km ≈ 12.43 km" },
    { "beyond rounding",
      { .kind = NUMBER, .unit = "km", .value = 12.4 }, { .kind = NUMBER, .unit = "km", .value = 12.46 },
      TALLY_FACT_STATUS_CONFLICT, "1 source says 12.4 km, 1 says 12.46 km" },
    { "round thousands",
      { .kind = NUMBER, .unit = "km", .value = 1200 }, { .kind = NUMBER, .unit = "km", .value = 1150 },
      TALLY_FACT_STATUS_ROUNDING, "2 sources agree within rounding: 1,200 km ≈ 1,150 km" },
    { "round thousands, too far",
      { .kind = NUMBER, .unit = "km", .value = 1200 }, { .kind = NUMBER, .unit = "km", .value = 1140 },
      TALLY_FACT_STATUS_CONFLICT, "1 source says 1,200 km, 1 says 1,140 km" },
    { "whole numbers are exact",
      { .kind = COUNT, .value = 14 }, { .kind = COUNT, .value = 15 },
      TALLY_FACT_STATUS_CONFLICT, "1 source says 14, 1 says 15" },
    { "over",
      { .kind = PERCENT, .unit = "%", .value = 80, .qualifier = OVER }, { .kind = PERCENT, .unit = "%", .value = 85 },
      TALLY_FACT_STATUS_QUALIFIED,
      "2 sources agree once qualifiers are read: over 80% (read as more than 80%), 85%" },
    { "over, not met",
      { .kind = PERCENT, .unit = "%", .value = 80, .qualifier = OVER }, { .kind = PERCENT, .unit = "%", .value = 75 },
      TALLY_FACT_STATUS_CONFLICT, "1 source says over 80%, 1 says 75%" },
    { "nearly",
      { .kind = MONEY, .unit = "USD", .value = 100e9, .qualifier = APPROX, .text = "nearly $100 billion" },
      { .kind = MONEY, .unit = "USD", .value = 96e9 },
      TALLY_FACT_STATUS_QUALIFIED,
      "2 sources agree once qualifiers are read: nearly $100 billion (read as $90 billion to $100 billion), $96 billion" },
    { "nearly is below",
      { .kind = MONEY, .unit = "USD", .value = 100e9, .qualifier = APPROX, .text = "almost $100 billion" },
      { .kind = MONEY, .unit = "USD", .value = 101e9 },
      TALLY_FACT_STATUS_CONFLICT, "1 source says nearly $100 billion, 1 says $101 billion" },
    { "nearly, too far",
      { .kind = MONEY, .unit = "USD", .value = 100e9, .qualifier = APPROX, .text = "nearly $100 billion" },
      { .kind = MONEY, .unit = "USD", .value = 89e9 },
      TALLY_FACT_STATUS_CONFLICT, "1 source says nearly $100 billion, 1 says $89 billion" },
    { "about is both ways",
      { .kind = MONEY, .unit = "USD", .value = 100e9, .qualifier = APPROX, .text = "about $100 billion" },
      { .kind = MONEY, .unit = "USD", .value = 104e9 },
      TALLY_FACT_STATUS_QUALIFIED,
      "2 sources agree once qualifiers are read: about $100 billion (read as $100 billion ± 5%), $104 billion" },
    { "about, too far",
      { .kind = MONEY, .unit = "USD", .value = 100e9, .qualifier = APPROX, .text = "around $100 billion" },
      { .kind = MONEY, .unit = "USD", .value = 106e9 },
      TALLY_FACT_STATUS_CONFLICT, "1 source says about $100 billion, 1 says $106 billion" },
    { "about, its rounding",
      /* "about 20" allows 19–21 by 5%, but 20 as written is ±0.5 at least. */
      { .kind = COUNT, .value = 2, .qualifier = APPROX, .text = "about two" },
      { .kind = COUNT, .value = 2.5 },
      TALLY_FACT_STATUS_QUALIFIED,
      "2 sources agree once qualifiers are read: about 2 (read as 2 ± 5%), 2.5" },
    { "under",
      { .kind = COUNT, .value = 1000, .qualifier = UNDER }, { .kind = COUNT, .value = 950 },
      TALLY_FACT_STATUS_QUALIFIED,
      "2 sources agree once qualifiers are read: under 1,000 (read as less than 1,000), 950" },
    { "under, not met",
      { .kind = COUNT, .value = 1000, .qualifier = UNDER }, { .kind = COUNT, .value = 1010 },
      TALLY_FACT_STATUS_CONFLICT, "1 source says under 1,000, 1 says 1,010" },
    { "at least",
      { .kind = COUNT, .value = 1000, .qualifier = AT_LEAST }, { .kind = COUNT, .value = 1000 },
      TALLY_FACT_STATUS_QUALIFIED,
      "2 sources agree once qualifiers are read: at least 1,000 (read as 1,000 or more), 1,000" },
    { "at most",
      { .kind = COUNT, .value = 1000, .qualifier = AT_MOST }, { .kind = COUNT, .value = 1200 },
      TALLY_FACT_STATUS_CONFLICT, "1 source says at most 1,000, 1 says 1,200" },
    { "range holds a value",
      { .kind = PERCENT, .unit = "%", .value = 5, .has_max = TRUE, .value_max = 7 },
      { .kind = PERCENT, .unit = "%", .value = 6 },
      TALLY_FACT_STATUS_QUALIFIED, "2 sources agree once qualifiers are read: 5–7%, 6%" },
    { "two over",
      { .kind = PERCENT, .unit = "%", .value = 80, .qualifier = OVER },
      { .kind = PERCENT, .unit = "%", .value = 70, .qualifier = OVER },
      TALLY_FACT_STATUS_QUALIFIED,
      "2 sources agree once qualifiers are read: over 80% (read as more than 80%), over 70% (read as more than 70%)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
      g_autoptr(GPtrArray) facts = NULL;
      FactsSpec a = cases[i].a, b = cases[i].b;
      TallyFactRecord *fact;

      g_test_message ("case: %s", cases[i].name);
      a.doc = "d1", a.measure = "trade";
      b.doc = "d2", b.measure = "trade";
      facts_corpus_add (corpus, &a);
      facts_corpus_add (corpus, &b);
      facts = facts_corpus_group (corpus);
      g_assert_cmpuint (facts->len, ==, 1);
      fact = g_ptr_array_index (facts, 0);
      g_assert_cmpstr (tally_fact_status_to_string (fact->status), ==,
                       tally_fact_status_to_string (cases[i].status));
      g_assert_cmpstr (fact->explanation, ==, cases[i].explanation);
    }
}

/* Trade from four sources: three fit together once "nearly" and rounding are
 * read, one (a statistics office) does not. */
static void
test_conflict_sides (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = MONEY, .unit = "USD", .value = 48.2e9, .measure = "trade", .scope = 2025);
  FACTS_CLAIM (corpus, .doc = "d2", .kind = MONEY, .unit = "USD", .value = 48.2e9, .measure = "trade", .scope = 2025);
  FACTS_CLAIM (corpus, .doc = "d3", .kind = MONEY, .unit = "USD", .value = 48e9, .measure = "trade", .scope = 2025);
  FACTS_CLAIM (corpus, .doc = "d4", .kind = MONEY, .unit = "USD", .value = 41e9, .measure = "trade", .scope = 2025);
  FACTS_CLAIM (corpus, .doc = "d5", .kind = MONEY, .unit = "USD", .value = 50e9, .measure = "trade", .scope = 2025,
               .qualifier = APPROX, .text = "nearly $50 billion");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 1);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpstr (fact->label, ==, "Trade volume, 2025");
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_CONFLICT);
  g_assert_cmpstr (fact->explanation, ==,
                   "4 sources say $48.2 billion / $48 billion / nearly $50 billion, 1 says $41 billion");
  g_assert_cmpuint (fact->values->len, ==, 4);
  assert_value (fact, 0, "$48.2 billion", 0, "d1,d2");
  assert_value (fact, 1, "$48 billion", 0, "d3");
  assert_value (fact, 2, "nearly $50 billion", 0, "d5");
  assert_value (fact, 3, "$41 billion", 1, "d4");
  g_assert_cmpfloat_with_epsilon (fact->spread, (50e9 - 41e9) / 50e9, 1e-12);
  g_assert_cmpuint (fact->documents->len, ==, 5);
}

static void
test_single_source (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  /* One document giving two values under one measure states two figures
   * (the berths there are and the berths planned): two facts of one source,
   * the first keeping the key. */
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 3, .measure = "berth");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 4, .measure = "berth");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 2);
  for (guint f = 0; f < 2; f++)
    {
      fact = g_ptr_array_index (facts, f);
      g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_SINGLE);
      g_assert_cmpuint (fact->values->len, ==, 1);
      g_assert_cmpstr (fact->explanation, ==, value_at (fact, 0)->value == 3 ? "Only 1 source: 3" : "Only 1 source: 4");
      g_assert_cmpstr (fact->key, ==, value_at (fact, 0)->value == 3 ? "count||0|0|berth" : "count||0|0|berth|value=4");
    }
}

static void
test_sort_order (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  const char *expected[] = { "Ports", "Berths", "Cranes", "Ferries", "Ships" };

  /* ships: single; cranes: agree ×2; berths: agree ×3; ports: conflict ×2; ferries: rounding ×2 */
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 9, .measure = "ship");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 2, .measure = "crane");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 2, .measure = "crane");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 3, .measure = "berth");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 3, .measure = "berth");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 3, .measure = "berth");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 5, .measure = "port");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 6, .measure = "port");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 1.5, .measure = "ferry");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 1.52, .measure = "ferry");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < facts->len; i++)
    {
      TallyFactRecord *fact = g_ptr_array_index (facts, i);
      g_autofree char *id = g_strdup_printf ("f%u", i + 1);

      g_assert_cmpstr (fact->label, ==, expected[i]);
      g_assert_cmpstr (fact->id, ==, id);
    }
  g_assert_cmpint (facts_find (facts, "Ferries")->status, ==, TALLY_FACT_STATUS_ROUNDING);
}

static void
test_labels (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = PERCENT, .unit = "%", .value = 80, .qualifier = OVER,
               .measure = "agreement implemented");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = NUMBER, .unit = "km", .value = 1200, .measure = "rail corridor",
               .sentence = "The 1,200 km corridor will be built by 2030.");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = TALLY_CLAIM_KIND_ORDINAL, .value = 2, .measure = "port");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = TALLY_CLAIM_KIND_DURATION, .unit = "day", .value = 3,
               .measure = "ferry crossing");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = PERCENT, .unit = "pp", .value = 4, .change = TRUE, .measure = "share");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 40, .measure = "country");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = YEAR, .date = "2026", .date_max = "2027",
               .measure = "year of cultural exchange");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 7);
  g_assert_cmpstr (facts_find (facts, "Share of agreements implemented")->explanation, ==,
                   "Only 1 source: over 80%");
  g_assert_cmpstr (facts_find (facts, "Rail corridor built (km)")->explanation, ==, "Only 1 source: 1,200 km");
  g_assert_cmpstr (facts_find (facts, "Port: rank")->explanation, ==, "Only 1 source: 2nd");
  g_assert_cmpstr (facts_find (facts, "Ferry crossing (days)")->explanation, ==, "Only 1 source: 3 days");
  g_assert_cmpstr (facts_find (facts, "Share: change (points)")->explanation, ==, "Only 1 source: 4 pp");
  g_assert_cmpstr (facts_find (facts, "Countries")->explanation, ==, "Only 1 source: 40");
  g_assert_cmpstr (facts_find (facts, "Years of cultural exchange")->explanation, ==,
                   "Only 1 source: 2026–2027");
}

/* Counts of the dead and injured (claims read "18 dead") and amounts of
 * spending or rain keep their noun as it is: never "Deads", "Spendings". */
static void
test_labels_uncountable (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 18, .measure = "dead");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 40, .measure = "injured");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = MONEY, .unit = "USD", .value = 2e8, .measure = "spending",
               .sentence = "The city has spent $200 million so far.");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 3);
  g_assert_nonnull (facts_find (facts, "Dead"));
  g_assert_nonnull (facts_find (facts, "Injuries"));
  g_assert_nonnull (facts_find (facts, "Spending"));
}

/* English plural rules are for words in Latin letters: a Russian measure's
 * lemma is a label as it stands ("Здание", not "Зданиеs"), while an English
 * count still reads "Buildings". */
static void
test_labels_other_scripts (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 30, .measure = "здание");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 30, .measure = "здание");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 12, .measure = "building");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 2);
  g_assert_cmpuint (facts_find (facts, "Здание")->documents->len, ==, 2);
  g_assert_nonnull (facts_find (facts, "Buildings"));
}

/* A label is written in one language, the interface's: a Chinese or
 * Russian measure with a concept gives way to the concept's header ("交付"
 * → "Deliveries"; "товарооборот" beside "trade" → "Trade"); without one the
 * source's word stands alone, with no English words around it (never
 * "Share of рост"). Claims written for this test. */
static void
test_labels_one_language (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 1.8e6, .measure = "交付");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 1.8e6, .measure = "交付量");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = MONEY, .unit = "USD", .value = 41e9, .measure = "товарооборот");
  FACTS_CLAIM (corpus, .doc = "d4", .kind = MONEY, .unit = "USD", .value = 41e9, .measure = "trade");
  FACTS_CLAIM (corpus, .doc = "d5", .kind = PERCENT, .unit = "%", .value = 12, .measure = "рост");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 3);
  g_assert_cmpuint (facts_find (facts, "Deliveries")->documents->len, ==, 2);
  g_assert_cmpuint (facts_find (facts, "Trade volume")->documents->len, ==, 2);
  g_assert_nonnull (facts_find (facts, "Рост"));
}

/* The subject of a label is in the language of its words: with no
 * catalogue for the interface's language (German here), the words stay
 * English and so does the country ("Kazakhstan: export, 2023", never
 * "Kasachstan: export, 2023"). */
static void
test_labels_subject_language (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  UErrorCode status = U_ZERO_ERROR;
  g_autofree char *saved = g_strdup (uloc_getDefault ());

  FACTS_CLAIM (corpus, .doc = "d1", .kind = MONEY, .unit = "USD", .value = 15e9, .measure = "export",
               .scope = 2023, .subject = "Kazakhstan", .subject_kind = TALLY_SUBJECT_KIND_COUNTRY);
  uloc_setDefault ("de_DE", &status);
  facts = facts_corpus_group (corpus);
  uloc_setDefault (saved, &status);
  g_assert_true (U_SUCCESS (status));
  g_assert_cmpuint (facts->len, ==, 1);
  g_assert_cmpstr (((TallyFactRecord *) g_ptr_array_index (facts, 0))->label, ==, "Kazakhstan: export, 2023");
}

/* A label's head noun takes the number its sources use; a date fact that
 * most sources give as a span says "dates"; one that names a time already
 * ("Years of …") needs no ": year". */
static void
test_labels_follow_sources (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = DATE, .date = "2026-06-17", .measure = "agreement signed",
               .sentence = "The agreements, signed on June 17 in a hall by the harbour, cover customs.");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = DATE, .date = "2026-06-17", .measure = "agreement signed",
               .sentence = "The agreements, signed on June 17, cover ferries.");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = DATE, .date = "2025-03-02", .measure = "treaty ratified",
               .sentence = "The treaty was ratified on 2 March 2025, years after the other treaties.");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = PERCENT, .unit = "%", .value = 50, .qualifier = AT_LEAST,
               .measure = "cooperation agreement",
               .sentence = "They signed 15 cooperation agreements, and at least half of them touch freight.");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = PERCENT, .unit = "%", .value = 8, .measure = "output",
               .sentence = "Logistics accounts for 8% of the country's output.");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = PERCENT, .unit = "%", .value = 20, .measure = "share of export",
               .sentence = "Grain makes up a 20% share of exports.");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = DATE, .date = "2026-06-16", .date_max = "2026-06-17",
               .measure = "third summit", .sentence = "The third summit, on June 16-17, met in Aktau.");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = DATE, .date = "2026-06-16", .date_max = "2026-06-17",
               .measure = "third summit", .sentence = "The third summit met on 16–17 June.");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = DATE, .date = "2026-06", .measure = "third summit",
               .sentence = "The third summit met in June.");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = YEAR, .date = "2025", .date_max = "2026", .measure = "year of the river",
               .sentence = "They declared 2025–2026 the Years of the River.");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = TALLY_CLAIM_KIND_DURATION, .unit = "year", .value = 5,
               .measure = "connectivity plan", .sentence = "A five-year connectivity plan was adopted.");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 8);
  g_assert_cmpstr (facts_find (facts, "Agreements signed: date")->explanation, ==, "2 sources say 17 June 2026");
  /* "treaties" stands in the sentence too, but "treaty" names the thing. */
  g_assert_cmpstr (facts_find (facts, "Treaty ratified: date")->explanation, ==, "Only 1 source: 2 March 2025");
  g_assert_cmpstr (facts_find (facts, "Share of cooperation agreements")->explanation, ==,
                   "Only 1 source: at least 50%");
  g_assert_cmpstr (facts_find (facts, "Share of output")->explanation, ==, "Only 1 source: 8%");
  g_assert_cmpstr (facts_find (facts, "Share of exports")->explanation, ==, "Only 1 source: 20%");
  g_assert_cmpuint (facts_find (facts, "Third summit: dates")->documents->len, ==, 3);
  g_assert_cmpstr (facts_find (facts, "Years of the river")->explanation, ==, "Only 1 source: 2025–2026");
  g_assert_cmpstr (facts_find (facts, "Connectivity plan (years)")->explanation, ==, "Only 1 source: 5 years");
}

/* What people read says dates in words and spells unit codes out; the data
 * form (JSON, CSV) keeps ISO dates and codes. Label words keep the capitals
 * the sources give them inside a word ("trans-Caspian"). */
static void
test_labels_readable (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = NUMBER, .unit = "t", .value = 3.5e6, .measure = "cargo",
               .scope = 2025, .sentence = "Last year it handled 3.5 million tonnes of cargo.");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = DATE, .date = "2026-06-16", .date_max = "2026-06-17",
               .measure = "third summit", .sentence = "The two-day meeting on 16–17 June ended.");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = PERCENT, .unit = "pp", .value = 4, .change = TRUE,
               .measure = "share of trans-caspian container traffic",
               .sentence = "Aktau's share of trans-Caspian container traffic rose by 4 percentage points.");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = DATE, .date = "2026-04", .measure = "foreign minister met",
               .sentence = "The groundwork was laid in April, when foreign ministers met in Astana.");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 4);
  fact = facts_find (facts, "Cargo handled (tonnes), 2025");
  g_assert_cmpstr (fact->explanation, ==, "Only 1 source: 3.5 million tonnes");
  assert_value (fact, 0, "3.5 million tonnes", 0, "d1");
  g_assert_cmpstr (value_at (fact, 0)->data_display, ==, "3.5 million t");
  fact = facts_find (facts, "Third summit: dates");
  g_assert_cmpstr (fact->explanation, ==, "Only 1 source: 16–17 June 2026");
  g_assert_cmpstr (value_at (fact, 0)->data_display, ==, "2026-06-16–2026-06-17");
  g_assert_nonnull (facts_find (facts, "Share of trans-Caspian container traffic: change (points)"));
  g_assert_cmpstr (facts_find (facts, "Foreign ministers met: date")->explanation, ==, "Only 1 source: April 2026");
}

static void
test_format_value_readable (void)
{
  const struct {
    TallyClaimKind kind;
    const char *unit;
    double value;
    const char *date, *date_max;
    TallyQualifier qualifier;
    const char *expected;
  } cases[] = {
    { DATE, NULL, 0, "2026-06-17", NULL, 0, "17 June 2026" },
    { DATE, NULL, 0, "2026-06", NULL, 0, "June 2026" },
    { DATE, NULL, 0, "2026-06-16", "2026-06-17", 0, "16–17 June 2026" },
    { DATE, NULL, 0, "2026-06-30", "2026-07-02", 0, "30 June – 2 July 2026" },
    { DATE, NULL, 0, "2025-12-30", "2026-01-02", 0, "30 December 2025 – 2 January 2026" },
    { DATE, NULL, 0, "2026-05", "2026-06", 0, "May–June 2026" },
    { DATE, NULL, 0, "2025-12", "2026-01", 0, "December 2025 – January 2026" },
    { DATE, NULL, 0, "2024-05", NULL, APPROX, "about May 2024" },
    { YEAR, NULL, 0, "2026", "2027", 0, "2026–2027" },
    { YEAR, NULL, 0, "2022", NULL, 0, "2022" },
    /* Ends of different precision keep their own; not an ISO date: printed as it is. */
    { DATE, NULL, 0, "2026-06", "2026-06-17", 0, "June 2026 – 17 June 2026" },
    { DATE, NULL, 0, "2025-13", NULL, 0, "2025-13" },
    { NUMBER, "t", 3.5e6, NULL, NULL, APPROX, "about 3.5 million tonnes" },
    { NUMBER, "t", 1, NULL, NULL, 0, "1 tonne" },
    { NUMBER, "km", 1200, NULL, NULL, 0, "1,200 km" },
    { NUMBER, "GW", 4, NULL, NULL, 0, "4 GW" },
    { MONEY, "USD", 48.2e9, NULL, NULL, 0, "$48.2 billion" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = tally_fact_format_value_readable (cases[i].kind, cases[i].unit, cases[i].value, FALSE, 0,
                                                                cases[i].date, cases[i].date_max,
                                                                cases[i].qualifier, FALSE);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* A qualified value that holds with two sides is told apart in the
 * explanation, not counted with the side the sweep put it on; the grade
 * and the sides stay as they are. */
static void
test_conflict_shared_value (void)
{
  g_autoptr(FactsCorpus) two = facts_corpus_new ();
  g_autoptr(FactsCorpus) three = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GPtrArray) more = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (two, .doc = "d1", .kind = COUNT, .value = 14, .measure = "agreement");
  FACTS_CLAIM (two, .doc = "d2", .kind = COUNT, .value = 14, .measure = "agreement");
  FACTS_CLAIM (two, .doc = "d3", .kind = COUNT, .value = 12, .qualifier = OVER, .measure = "agreement");
  FACTS_CLAIM (two, .doc = "d4", .kind = COUNT, .value = 15, .measure = "agreement");
  facts = facts_corpus_group (two);
  g_assert_cmpuint (facts->len, ==, 1);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_CONFLICT);
  g_assert_cmpstr (fact->explanation, ==, "2 sources say 14, 1 says 15, 1 says over 12 (fits both)");
  assert_value (fact, 0, "14", 0, "d1,d2");
  assert_value (fact, 1, "over 12", 0, "d3");
  assert_value (fact, 2, "15", 1, "d4");

  /* "under 16" holds with 12 and 15, not with 18. */
  FACTS_CLAIM (three, .doc = "d1", .kind = COUNT, .value = 12, .measure = "berth");
  FACTS_CLAIM (three, .doc = "d2", .kind = COUNT, .value = 12, .measure = "berth");
  FACTS_CLAIM (three, .doc = "d3", .kind = COUNT, .value = 16, .qualifier = UNDER, .measure = "berth");
  FACTS_CLAIM (three, .doc = "d4", .kind = COUNT, .value = 15, .measure = "berth");
  FACTS_CLAIM (three, .doc = "d5", .kind = COUNT, .value = 15, .measure = "berth");
  FACTS_CLAIM (three, .doc = "d6", .kind = COUNT, .value = 18, .measure = "berth");
  more = facts_corpus_group (three);
  fact = g_ptr_array_index (more, 0);
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_CONFLICT);
  g_assert_cmpstr (fact->explanation, ==, "2 sources say 12, 2 say 15, 1 says 18, 1 says under 16 (fits 12 and 15)");
}

static void
test_format_value (void)
{
  const struct {
    TallyClaimKind kind;
    const char *unit;
    double value;
    gboolean has_max;
    double value_max;
    TallyQualifier qualifier;
    gboolean nearly;
    const char *expected;
  } cases[] = {
    { MONEY, "USD", 48.2e9, FALSE, 0, 0, FALSE, "$48.2 billion" },
    { MONEY, "EUR", 2.5e6, FALSE, 0, APPROX, FALSE, "about €2.5 million" },
    { MONEY, "USD", 50e9, FALSE, 0, APPROX, TRUE, "nearly $50 billion" },
    { MONEY, "CHF", 1500, FALSE, 0, 0, FALSE, "1,500 CHF" },
    { MONEY, "USD", 2e9, TRUE, 3e9, 0, FALSE, "$2–3 billion" },
    { MONEY, "USD", 1.2e12, FALSE, 0, AT_MOST, FALSE, "at most $1.2 trillion" },
    { PERCENT, "%", 33.33, FALSE, 0, OVER, FALSE, "over 33.33%" },
    { PERCENT, "pp", 4, FALSE, 0, 0, FALSE, "4 pp" },
    { COUNT, NULL, 1200000, FALSE, 0, AT_LEAST, FALSE, "at least 1.2 million" },
    { COUNT, NULL, 88213, FALSE, 0, UNDER, FALSE, "under 88,213" },
    { NUMBER, "t", 3.5e6, FALSE, 0, 0, FALSE, "3.5 million t" },
    { TALLY_CLAIM_KIND_DURATION, "hour", 1, FALSE, 0, 0, FALSE, "1 hour" },
    { TALLY_CLAIM_KIND_ORDINAL, NULL, 13, FALSE, 0, 0, FALSE, "13th" },
    { TALLY_CLAIM_KIND_ORDINAL, NULL, 22, FALSE, 0, 0, FALSE, "22nd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = tally_fact_format_value (cases[i].kind, cases[i].unit, cases[i].value, cases[i].has_max,
                                                       cases[i].value_max, NULL, NULL, cases[i].qualifier,
                                                       cases[i].nearly);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Thousands of measures in one bucket: grouping stays quadratic at worst
 * (a cubic pass would take minutes here), and "agreement" stays ambiguous. */
static void
test_stress_many_measures (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func (g_free);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < 3000; i++)
    {
      char *measure = g_strdup_printf ("kind%u agreement", i);

      g_ptr_array_add (measures, measure);
      FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = i, .measure = measure);
    }
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 12, .measure = "agreement");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 3001);
  g_assert_cmpuint (facts_find (facts, "Agreements")->claims->len, ==, 1);
  g_test_message ("3,001 measures in one bucket grouped in %.3f s", (g_get_monotonic_time () - start) / 1e6);
}

static void
test_long_explanations (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  const char *docs[] = { "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10" };

  /* Ten sources, ten different counts: four sides spelt out. */
  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    FACTS_CLAIM (corpus, .doc = docs[i], .kind = COUNT, .value = i + 1, .measure = "berth");
  /* Six "over" values hold together: four readings spelt out. */
  for (guint i = 0; i < 6; i++)
    FACTS_CLAIM (corpus, .doc = docs[i], .kind = COUNT, .value = 10 * (i + 1), .qualifier = OVER, .measure = "crane");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 2);
  g_assert_cmpstr (facts_find (facts, "Berths")->explanation, ==,
                   "1 source says 1, 1 says 2, 1 says 3, 1 says 4, 6 other values");
  g_assert_cmpuint (facts_find (facts, "Berths")->values->len, ==, 10);
  g_assert_cmpstr (facts_find (facts, "Cranes")->explanation, ==,
                   "6 sources agree once qualifiers are read: over 10 (read as more than 10), "
                   "over 20 (read as more than 20), over 30 (read as more than 30), "
                   "over 40 (read as more than 40) and 2 more");
}

static FactsCorpus *
export_corpus (void)
{
  FactsCorpus *corpus = facts_corpus_new ();

  FACTS_CLAIM (corpus, .doc = "d1", .outlet = "Northern Wire", .kind = YEAR, .date = "2022", .measure = "first summit",
               .text = "2022", .sentence = "The first summit was held in Riga in 2022.");
  FACTS_CLAIM (corpus, .doc = "d2", .outlet = "Steppe Review", .kind = YEAR, .date = "2021", .measure = "first summit",
               .text = "2021", .sentence = "Its first summit, in 2021, set the *tone*.");
  FACTS_CLAIM (corpus, .doc = "d1", .outlet = "Northern Wire", .kind = MONEY, .unit = "USD", .value = 48.2e9,
               .measure = "trade", .scope = 2025, .text = "$48.2 billion",
               .sentence = "Trade reached $48.2 billion in 2025, up 35%.");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = MONEY, .unit = "USD", .value = 50e9, .qualifier = APPROX,
               .measure = "trade", .scope = 2025, .text = "nearly $50 billion",
               .sentence = "Trade, at nearly $50 billion, grew fast.");
  return corpus;
}

static void
test_export_csv (void)
{
  g_autoptr(FactsCorpus) corpus = export_corpus ();
  g_autoptr(GPtrArray) facts = facts_corpus_group (corpus);
  g_autoptr(GString) out = g_string_new (NULL);

  tally_facts_write_csv (out, facts, (const TallyFactInput *) corpus->inputs->data);
  g_assert_cmpstr (out->str, ==,
                   "fact_id,label,measure,kind,unit,scope,status,explanation,value,value_max,qualifier,"
                   "display,side,sources,documents,outlets\r\n"
                   "f1,First summit: year,first summit,year,,,conflict,\"1 source says 2022, 1 says 2021\","
                   "2022,,exact,2022,0,2,d1,Northern Wire\r\n"
                   "f1,First summit: year,first summit,year,,,conflict,\"1 source says 2022, 1 says 2021\","
                   "2021,,exact,2021,1,2,d2,Steppe Review\r\n"
                   "f2,\"Trade volume, 2025\",trade,money,USD,2025,qualified,"
                   "\"2 sources agree once qualifiers are read: $48.2 billion, nearly $50 billion "
                   "(read as $45 billion to $50 billion)\",48200000000,,exact,$48.2 billion,0,2,d1,Northern Wire\r\n"
                   "f2,\"Trade volume, 2025\",trade,money,USD,2025,qualified,"
                   "\"2 sources agree once qualifiers are read: $48.2 billion, nearly $50 billion "
                   "(read as $45 billion to $50 billion)\",50000000000,,approx,nearly $50 billion,0,2,d3,d3\r\n");
}

static void
test_export_markdown (void)
{
  g_autoptr(FactsCorpus) corpus = export_corpus ();
  g_autoptr(GPtrArray) facts = facts_corpus_group (corpus);
  g_autoptr(GString) out = g_string_new (NULL);

  tally_facts_write_markdown (out, facts, (const TallyFactInput *) corpus->inputs->data, "Aktau summit");
  g_assert_cmpstr (out->str, ==,
                   "# Aktau summit\n\n"
                   "2 facts from 3 documents: 1 in conflict, 1 qualified, 0 within rounding, 0 agreeing, "
                   "0 from a single source.\n\n"
                   "## First summit: year\n\n"
                   "**Conflict** · 2 sources · 1 source says 2022, 1 says 2021\n\n"
                   "| Value | Sources |\n|---|---|\n"
                   "| 2022 | Northern Wire |\n"
                   "| 2021 | Steppe Review |\n\n"
                   "> The first summit was held in Riga in **2022**. — *Northern Wire*\n>\n"
                   "> Its first summit, in **2021**, set the \\*tone\\*. — *Steppe Review*\n\n"
                   "## Trade volume, 2025\n\n"
                   "**Qualified** · 2 sources · 2 sources agree once qualifiers are read: $48.2 billion, "
                   "nearly $50 billion (read as $45 billion to $50 billion)\n\n"
                   "| Value | Sources |\n|---|---|\n"
                   "| $48.2 billion | Northern Wire |\n"
                   "| nearly $50 billion | d3 |\n\n"
                   "> Trade reached **$48.2 billion** in 2025, up 35%. — *Northern Wire*\n>\n"
                   "> Trade, at **nearly $50 billion**, grew fast. — *d3*\n\n");
}

static void
test_keys (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 14, .measure = "cooperation agreement");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 14, .measure = "agreement");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = MONEY, .unit = "USD", .value = 48e9, .measure = "trade volume", .scope = 2025);
  FACTS_CLAIM (corpus, .doc = "d1", .kind = YEAR, .date = "2022", .measure = "inaugural summit");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = PERCENT, .unit = "%", .value = 35, .change = TRUE, .measure = "trade");
  facts = facts_corpus_group (corpus);

  g_assert_cmpuint (facts->len, ==, 4);
  g_assert_cmpstr (facts_find (facts, "Cooperation agreements")->key, ==, "count||0|0|cooperation agreement");
  g_assert_cmpstr (facts_find (facts, "Trade volume, 2025")->key, ==, "money|USD|0|2025|trade");
  g_assert_cmpstr (facts_find (facts, "Inaugural summit: year")->key, ==, "date||0|0|first summit");
  g_assert_cmpstr (facts_find (facts, "Trade volume: change")->key, ==, "percent|%|1|0|trade");
}

/* Corrections: a merge puts claims in the target's group, a split gives a
 * claim a group of its own, a label replaces the made-up one. */
static void
test_corrections (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  TallyFactRecord *fact;
  g_autofree char *claims = NULL;
  const char *hubs = "count||0|0|logistics hub";

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 12, .measure = "logistics hub", .group = hubs);
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 12, .measure = "logistic", .group = hubs);
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 11, .measure = NULL, .group = hubs);
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 14, .measure = "agreement");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 14, .measure = "agreement");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 41, .measure = "agreement", .group = "claim:c6");
  g_hash_table_insert (labels, (gpointer) hubs, (gpointer) "Logistics hubs needed");
  facts = tally_group_facts_corrected ((const TallyFactInput *) corpus->inputs->data, corpus->inputs->len, labels);

  g_assert_cmpuint (facts->len, ==, 3);
  fact = facts_find (facts, "Logistics hubs needed");
  g_assert_cmpstr (fact->key, ==, hubs);
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_CONFLICT);
  g_assert_cmpstr (fact->explanation, ==, "2 sources say 12, 1 says 11");
  claims = facts_claim_ids (corpus, fact->claims);
  g_assert_cmpstr (claims, ==, "c1,c2,c3");
  /* The split-off claim no longer makes the agreements a conflict. */
  fact = g_ptr_array_index (facts, 1);
  g_assert_cmpstr (fact->key, ==, "count||0|0|agreement");
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpuint (fact->claims->len, ==, 2);
  fact = g_ptr_array_index (facts, 2);
  g_assert_cmpstr (fact->key, ==, "claim:c6");
  g_assert_cmpstr (fact->label, ==, "Agreements");
  g_assert_cmpint (fact->status, ==, TALLY_FACT_STATUS_SINGLE);
}

/* A merge into an automatic fact: the moved claims take its key as group. */
static void
test_corrections_merge_into_automatic (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;
  g_autofree char *claims = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 14, .measure = "cooperation agreement");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 14, .measure = "cooperation agreement");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 15, .measure = "accord signed", .group = "count||0|0|cooperation agreement");
  facts = tally_group_facts_corrected ((const TallyFactInput *) corpus->inputs->data, corpus->inputs->len, NULL);

  g_assert_cmpuint (facts->len, ==, 1);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpstr (fact->key, ==, "count||0|0|cooperation agreement");
  g_assert_cmpstr (fact->label, ==, "Cooperation agreements");
  g_assert_cmpstr (fact->explanation, ==, "2 sources say 14, 1 says 15");
  claims = facts_claim_ids (corpus, fact->claims);
  g_assert_cmpstr (claims, ==, "c1,c2,c3");
}

/* Random claims, odd ones included (NaN, infinities, huge numbers, empty and
 * non-ASCII measures, ranges upside down): no crash, and the invariants
 * hold — each claim in at most one fact, ids in order, conflicts first,
 * every fact with a value and a document. */
static void
test_random_invariants (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *owner = NULL;
  GRand *rand = g_rand_new_with_seed (4242);
  const char *measures[] = { "agreement", "cooperation agreement", "trade", "first summit", "", "the", "centres",
                             "nation", "países", "share of export", "logistics hub", "second-largest port",
                             "Nordic nation" };
  const double odd[] = { NAN, INFINITY, -INFINITY, 1e300, -1e300, 0, -5, 1e-300 };
  const char *dates[] = { "2022", "2024-05", "2026-06-17", "2025-13", "abc", "0", "9999-12-31" };
  gboolean seen_non_conflict = FALSE;
  guint n = 5000;

  for (guint i = 0; i < n; i++)
    {
      char *doc = g_strdup_printf ("d%d", g_rand_int_range (rand, 1, 40));
      TallyClaimKind kind = g_rand_int_range (rand, 0, TALLY_CLAIM_KIND_NUMBER + 1);
      double value = g_rand_int_range (rand, 0, 10) == 0 ? odd[g_rand_int_range (rand, 0, G_N_ELEMENTS (odd))]
                                                          : g_rand_double_range (rand, 0, 100);
      FactsSpec spec = {
        .doc = doc,
        .kind = kind,
        .value = value,
        .has_max = g_rand_boolean (rand) && g_rand_boolean (rand),
        .value_max = g_rand_double_range (rand, -10, 200),
        .date = kind == YEAR || kind == DATE ? dates[g_rand_int_range (rand, 0, G_N_ELEMENTS (dates))] : NULL,
        .unit = kind == MONEY ? "USD" : kind == PERCENT ? "%" : NULL,
        .qualifier = g_rand_int_range (rand, 0, TALLY_QUALIFIER_AT_MOST + 1),
        .measure = measures[g_rand_int_range (rand, 0, G_N_ELEMENTS (measures))],
        .scope = g_rand_boolean (rand) ? 2020 + g_rand_int_range (rand, 0, 3) : 0,
        .change = g_rand_int_range (rand, 0, 4) == 0,
        .text = g_rand_boolean (rand) ? "nearly" : NULL,
        .group = g_rand_int_range (rand, 0, 50) == 0 ? "claim:hand" : NULL,
      };

      g_ptr_array_add (strings, doc);
      facts_corpus_add (corpus, &spec);
    }
  facts = facts_corpus_group (corpus);
  g_rand_free (rand);

  owner = g_new0 (guint, n);
  g_assert_cmpuint (facts->len, >, 10);
  for (guint f = 0; f < facts->len; f++)
    {
      TallyFactRecord *fact = g_ptr_array_index (facts, f);
      g_autofree char *id = g_strdup_printf ("f%u", f + 1);
      guint in_values = 0;

      g_assert_cmpstr (fact->id, ==, id);
      g_assert_nonnull (fact->label);
      g_assert_nonnull (fact->explanation);
      g_assert_nonnull (fact->key);
      g_assert_cmpuint (fact->values->len, >=, 1);
      g_assert_cmpuint (fact->documents->len, >=, 1);
      g_assert_true (isfinite (fact->spread) && fact->spread >= 0);
      if (fact->status != TALLY_FACT_STATUS_CONFLICT)
        seen_non_conflict = TRUE;
      else
        g_assert_false (seen_non_conflict);
      for (guint c = 0; c < fact->claims->len; c++)
        {
          guint index = g_array_index (fact->claims, guint, c);

          g_assert_cmpuint (owner[index], ==, 0);
          owner[index] = f + 1;
        }
      for (guint v = 0; v < fact->values->len; v++)
        in_values += ((TallyFactValue *) g_ptr_array_index (fact->values, v))->claims->len;
      g_assert_cmpuint (in_values, ==, fact->claims->len);
    }
}

static void
test_status_strings (void)
{
  TallyFactStatus status;

  g_assert_cmpstr (tally_fact_status_to_string (TALLY_FACT_STATUS_QUALIFIED), ==, "qualified");
  g_assert_true (tally_fact_status_from_string ("conflict", &status));
  g_assert_cmpint (status, ==, TALLY_FACT_STATUS_CONFLICT);
  g_assert_false (tally_fact_status_from_string ("maybe", &status));
}

/* ---- stories, subjects and figures that move (issue 12) ------------------ */

/* The same measure in two stories is two facts; within one story, one. */
static void
test_group_by_story (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *a, *b;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 3, .measure = "goal", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 3, .measure = "goal", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 5, .measure = "goal", .story = "s2");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 2);
  a = g_ptr_array_index (facts, 0);
  b = g_ptr_array_index (facts, 1);
  g_assert_cmpuint (a->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpuint (a->documents->len, ==, 2);
  g_assert_cmpstr (a->story, ==, "s1");
  g_assert_cmpstr (a->key, ==, "count||0|0|goal|story=s1");
  g_assert_cmpuint (b->status, ==, TALLY_FACT_STATUS_SINGLE);
  g_assert_cmpstr (b->story, ==, "s2");
  g_clear_pointer (&facts, g_ptr_array_unref);

  /* With the stories' stable keys, fact keys carry the key (corrections keyed
   * by them survive a renumbering) and facts still give the story's id. */
  {
    g_autoptr(FactsCorpus) keyed = facts_corpus_new ();

    FACTS_CLAIM (keyed, .doc = "d1", .kind = COUNT, .value = 3, .measure = "goal", .story = "s2",
                 .story_key = "story:00ff");
    FACTS_CLAIM (keyed, .doc = "d2", .kind = COUNT, .value = 3, .measure = "goal", .story = "s2",
                 .story_key = "story:00ff");
    facts = facts_corpus_group (keyed);
    g_assert_cmpuint (facts->len, ==, 1);
    a = g_ptr_array_index (facts, 0);
    g_assert_cmpstr (a->key, ==, "count||0|0|goal|story=story:00ff");
    g_assert_cmpstr (a->story, ==, "s2");
  }
}

/* Subjects: different subjects never group; the same subject with the same
 * measure and a stated year may span stories; without a year it may not. */
static void
test_group_by_subject (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = MONEY, .value = 8.1e9, .unit = "USD", .measure = "trade", .scope = 2023,
               .subject = "Norway", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = MONEY, .value = 8.1e9, .unit = "USD", .measure = "trade volume",
               .scope = 2023, .subject = "Norway", .story = "s2");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = MONEY, .value = 2.4e9, .unit = "USD", .measure = "trade", .scope = 2023,
               .subject = "Denmark", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d4", .kind = COUNT, .value = 40, .measure = "vessel", .subject = "Norway",
               .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d5", .kind = COUNT, .value = 41, .measure = "vessel", .subject = "Norway",
               .story = "s2");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 4);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpuint (fact->documents->len, ==, 2);
  g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpstr (fact->subject, ==, "Norway");
  g_assert_null (fact->story);
  g_assert_cmpstr (fact->key, ==, "money|USD|0|2023|trade|subject=Norway");
  for (guint i = 1; i < facts->len; i++)
    {
      fact = g_ptr_array_index (facts, i);
      g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_SINGLE);
    }
}

/* When a figure was stated: a day its sentence puts on it ("as of 3 May",
 * "by Thursday"), not its report's publication. Two reports of 9 May, one
 * giving the toll as of 3 May, are a series, not a conflict about 9 May. A
 * day after the publication is a plan and is not taken. */
static void
test_grade_statement_days (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(FactsCorpus) plan = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;
  const char *early = "As of 3 May, 120 people had died in the Orsa valley, officials said.";
  const char *late = "By Thursday the toll had reached 410, the regional office said.";
  const char *ahead = "The river board said 120 people had died and that the dam would be checked by 12 May.";

  FACTS_CLAIM (corpus, .doc = "d1", .kind = DATE, .date = "2024-05-03", .text = "3 May", .sentence = early,
               .stated = "2024-05-09");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 120, .measure = "death", .text = "120 people",
               .sentence = early, .stated = "2024-05-09");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 410, .measure = "death", .text = "410",
               .sentence = late, .stated = "2024-05-09");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = DATE, .date = "2024-05-09", .text = "Thursday", .sentence = late,
               .stated = "2024-05-09");
  facts = facts_corpus_group (corpus);
  fact = facts_find (facts, "Deaths");
  g_assert_cmpstr (tally_fact_status_to_string (fact->status), ==, "updated");
  g_assert_cmpstr (fact->explanation, ==, "Rose from 120 on 3 May 2024 to 410 on 9 May 2024");
  g_assert_cmpstr (value_at (fact, 0)->stated, ==, "2024-05-03");
  g_clear_pointer (&facts, g_ptr_array_unref);

  FACTS_CLAIM (plan, .doc = "d1", .kind = COUNT, .value = 120, .measure = "death", .text = "120 people",
               .sentence = ahead, .stated = "2024-05-03");
  FACTS_CLAIM (plan, .doc = "d1", .kind = DATE, .date = "2024-05-12", .text = "12 May", .sentence = ahead,
               .stated = "2024-05-03");
  FACTS_CLAIM (plan, .doc = "d2", .kind = COUNT, .value = 150, .measure = "death", .stated = "2024-05-03");
  facts = facts_corpus_group (plan);
  fact = facts_find (facts, "Deaths");
  g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_CONFLICT);
}

/* One figure in other words: outlets write a carmaker's year as
 * deliveries, as vehicles, as cars, with or without the year. Facts whose
 * values agree and whose measures are one concept (or a bare generic noun
 * beside it) are one fact, the larger keeping its key; production of about
 * the same size (another concept), a rival's deliveries (another subject) and
 * a figure that would make a conflict stay apart. */
static void
test_group_one_figure_other_words (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *deliveries = NULL;
  guint conflicts = 0;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 1.8e6, .measure = "delivery",
               .subject = "Arden Motors", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 1808581, .measure = "vehicle", .subject = "Arden Motors",
               .scope = 2024, .story = "s1", .text = "1,808,581 vehicles",
               .sentence = "Arden Motors said it delivered 1,808,581 vehicles in the year.");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 1.81e6, .measure = "car", .subject = "Arden Motors",
               .story = "s1", .text = "1.81 million cars",
               .sentence = "Buyers took 1.81 million cars, all of them delivered before the end of the year.");
  FACTS_CLAIM (corpus, .doc = "d4", .kind = COUNT, .value = 1.85e6, .measure = "production", .subject = "Arden Motors",
               .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d5", .kind = COUNT, .value = 1.8e6, .measure = "delivery", .subject = "Kestrel Cars",
               .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d6", .kind = COUNT, .value = 1.75e6, .measure = "vehicle", .subject = "Arden Motors",
               .story = "s1");
  /* A body named by its initials in one report is the same subject. */
  FACTS_CLAIM (corpus, .doc = "d7", .kind = MONEY, .value = 916e6, .unit = "USD", .measure = "compensation",
               .subject = "Port Kestrel Authority", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d8", .kind = MONEY, .value = 916e6, .unit = "USD", .measure = "compensation",
               .subject = "PKA", .story = "s1");
  facts = facts_corpus_group (corpus);
  for (guint f = 0; f < facts->len; f++)
    {
      TallyFactRecord *fact = g_ptr_array_index (facts, f);
      g_test_message ("%s: %u sources (%s)", fact->key, fact->documents->len, tally_fact_status_to_string (fact->status));
      conflicts += fact->status == TALLY_FACT_STATUS_CONFLICT;
      if (g_strcmp0 (fact->concept, "delivery") == 0 && g_strcmp0 (fact->subject, "Arden Motors") == 0)
        {
          g_assert_null (deliveries);
          deliveries = fact;
        }
    }
  g_assert_nonnull (deliveries);
  g_assert_cmpuint (deliveries->documents->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (deliveries->documents, 0), ==, "d1");
  g_assert_cmpstr (g_ptr_array_index (deliveries->documents, 1), ==, "d2");
  g_assert_cmpstr (g_ptr_array_index (deliveries->documents, 2), ==, "d3");
  g_assert_cmpuint (deliveries->status, ==, TALLY_FACT_STATUS_ROUNDING);
  g_assert_cmpint (deliveries->scope_year, ==, 2024);
  g_test_message ("key: %s", deliveries->key);
  /* Named by the measure of the concept, without the verb a bare
   * "vehicles" would take ("… delivered"). */
  g_test_message ("label: %s", deliveries->label);
  g_assert_null (strstr (deliveries->label, "delivered"));
  g_assert_cmpuint (conflicts, ==, 0);
  g_assert_cmpuint (facts->len, ==, 5);
  g_assert_cmpuint (facts_find (facts, "Port Kestrel Authority: compensation")->documents->len, ==, 2);
}

/* A figure whose words name no measure ("1.85 million units": "units" says
 * nothing) joins the one fact of its story it agrees with when it is precise
 * enough (three significant digits); "2 million" is not, and a figure two
 * facts would take stays out. */
static void
test_group_orphans (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  guint in_facts = 0;
  TallyFactRecord *production = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 1845985, .measure = "production", .subject = "Arden Motors",
               .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 1.846e6, .measure = "production", .subject = "Arden Motors",
               .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 1.85e6, .measure = "unit", .subject = "Arden Motors",
               .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d4", .kind = COUNT, .value = 2e6, .subject = "Arden Motors", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d5", .kind = COUNT, .value = 2e6, .measure = "target", .subject = "Arden Motors",
               .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d6", .kind = COUNT, .value = 52340, .measure = "order", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d7", .kind = COUNT, .value = 52340, .measure = "booking", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d8", .kind = COUNT, .value = 52340, .story = "s1");
  facts = facts_corpus_group (corpus);
  for (guint f = 0; f < facts->len; f++)
    {
      TallyFactRecord *fact = g_ptr_array_index (facts, f);

      in_facts += fact->claims->len;
      if (g_strcmp0 (fact->concept, "production") == 0)
        production = fact;
    }
  g_assert_nonnull (production);
  g_assert_cmpuint (production->documents->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (production->documents, 2), ==, "d3");
  g_assert_cmpuint (production->status, ==, TALLY_FACT_STATUS_ROUNDING);
  /* d4 (too round) and d8 (two facts would take it) stay out. */
  g_assert_cmpuint (in_facts, ==, 6);
}

/* A conflict whose values lie orders of magnitude apart holds several
 * figures (a breakdown beside the total): each run of values of one
 * magnitude is a fact; the run most sources give keeps the key. A moving
 * figure (a toll) is not cut: it grows. */
static void
test_group_magnitudes (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(FactsCorpus) toll = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *big, *small;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 1.8e6, .measure = "order", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 1.9e6, .measure = "order", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 1.8e6, .measure = "order", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d4", .kind = COUNT, .value = 68874, .measure = "order", .story = "s1");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 2);
  big = g_ptr_array_index (facts, 0);
  small = g_ptr_array_index (facts, 1);
  g_assert_cmpuint (big->status, ==, TALLY_FACT_STATUS_CONFLICT);
  g_assert_cmpuint (big->documents->len, ==, 3);
  g_assert_cmpstr (big->key, ==, "count||0|0|order|story=s1");
  g_assert_cmpuint (small->status, ==, TALLY_FACT_STATUS_SINGLE);
  g_assert_cmpstr (small->key, ==, "count||0|0|order|story=s1|value=68,874");
  g_clear_pointer (&facts, g_ptr_array_unref);

  FACTS_CLAIM (toll, .doc = "d1", .kind = COUNT, .value = 120, .measure = "death", .story = "s1");
  FACTS_CLAIM (toll, .doc = "d2", .kind = COUNT, .value = 150, .measure = "death", .story = "s1");
  FACTS_CLAIM (toll, .doc = "d3", .kind = COUNT, .value = 410, .measure = "death", .story = "s1");
  facts = facts_corpus_group (toll);
  g_assert_cmpuint (facts->len, ==, 1);
}

/* An event or an unclassified word is no key: every figure of a summit's
 * story is about the summit, and a stray capitalised word is no subject. */
static void
test_group_weak_subjects (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 14, .measure = "agreement", .story = "s1",
               .subject = "Leaders", .subject_kind = TALLY_SUBJECT_KIND_OTHER);
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 15, .measure = "agreement", .story = "s1",
               .subject = "Marlow summit", .subject_kind = TALLY_SUBJECT_KIND_EVENT);
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 31, .measure = "year-old", .story = "s1",
               .subject = "President Ilse Varga", .subject_kind = TALLY_SUBJECT_KIND_PERSON);
  FACTS_CLAIM (corpus, .doc = "d4", .kind = COUNT, .value = 31, .measure = "year-old", .story = "s1",
               .subject = "Ms Varga", .subject_kind = TALLY_SUBJECT_KIND_PERSON);
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 2);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_CONFLICT);
  g_assert_null (fact->subject);
  /* A person is keyed by the last word of the name. */
  fact = g_ptr_array_index (facts, 1);
  g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpstr (fact->subject, ==, "Varga");
}

/* A name of no known kind that several reports write inside a sentence is a
 * subject ("Harrow" and "Kestrel" are two makers); one written only as a
 * sentence's first word is not ("Leaders signed …"). A person giving the
 * company's figure yields to the company. */
static void
test_group_recurring_names (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 12400, .measure = "delivery", .story = "s1",
               .subject = "Harrow", .subject_kind = TALLY_SUBJECT_KIND_OTHER, .text = "12,400 deliveries",
               .sentence = "Truck maker Harrow reported 12,400 deliveries.");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 12400, .measure = "delivery", .story = "s1",
               .subject = "Harrow", .subject_kind = TALLY_SUBJECT_KIND_OTHER, .text = "12,400 deliveries",
               .sentence = "Shares rose after Harrow posted 12,400 deliveries.");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 9100, .measure = "delivery", .story = "s1",
               .subject = "Kestrel", .subject_kind = TALLY_SUBJECT_KIND_OTHER, .text = "9,100 deliveries",
               .sentence = "Its rival, Kestrel, posted 9,100 deliveries.");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 9100, .measure = "delivery", .story = "s1",
               .subject = "Kestrel", .subject_kind = TALLY_SUBJECT_KIND_OTHER, .text = "9,100 deliveries",
               .sentence = "Analysts said Kestrel made 9,100 deliveries.");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 15000, .measure = "delivery", .story = "s1",
               .subject = "Ada Brandt", .subject_kind = TALLY_SUBJECT_KIND_PERSON, .text = "15,000 deliveries",
               .modality = TALLY_MODALITY_PROJECTED,
               .sentence = "Chief executive Ada Brandt said Harrow would reach 15,000 deliveries.");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 15000, .measure = "delivery", .story = "s1",
               .subject = "Harrow", .subject_kind = TALLY_SUBJECT_KIND_OTHER, .text = "15,000 deliveries",
               .modality = TALLY_MODALITY_PROJECTED,
               .sentence = "Truck maker Harrow expects 15,000 deliveries.");
  FACTS_CLAIM (corpus, .doc = "d4", .kind = COUNT, .value = 7, .measure = "agreement", .story = "s1",
               .subject = "Leaders", .subject_kind = TALLY_SUBJECT_KIND_OTHER, .text = "7 agreements",
               .sentence = "Leaders signed 7 agreements.");
  FACTS_CLAIM (corpus, .doc = "d5", .kind = COUNT, .value = 7, .measure = "agreement", .story = "s1",
               .subject = "Leaders", .subject_kind = TALLY_SUBJECT_KIND_OTHER, .text = "7 agreements",
               .sentence = "Leaders then signed 7 agreements.");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 4);
  for (guint i = 0; i < facts->len; i++)
    {
      fact = g_ptr_array_index (facts, i);
      if (g_str_has_suffix (fact->key, "|projected"))
        {
          /* The projection is Harrow's, whoever said it. */
          g_assert_cmpstr (fact->subject, ==, "Harrow");
          g_assert_cmpuint (fact->documents->len, ==, 2);
          g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
        }
      else if (g_strcmp0 (fact->subject, "Harrow") == 0)
        {
          g_assert_cmpstr (fact->label, ==, "Harrow: deliveries");
          g_assert_cmpuint (fact->documents->len, ==, 2);
          g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
        }
    }
  fact = facts_find (facts, "Kestrel: deliveries");
  g_assert_cmpuint (fact->documents->len, ==, 2);
  fact = facts_find (facts, "Agreements signed");
  g_assert_null (fact->subject);
  g_assert_cmpuint (fact->documents->len, ==, 2);
}

/* A label is a column header: never a bare adjective, adverb or verb, and
 * its connective words come from the translations. */
static void
test_labels_name_things (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = MONEY, .value = 4e6, .unit = "EUR", .measure = "high", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 12, .measure = "ready", .story = "s1",
               .subject = "Orrin Port", .subject_kind = TALLY_SUBJECT_KIND_ORGANISATION);
  FACTS_CLAIM (corpus, .doc = "d3", .kind = PERCENT, .value = 40, .unit = "%", .measure = "commenced today",
               .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d4", .kind = COUNT, .value = 3, .measure = "meeting", .story = "s1");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 4);
  g_assert_nonnull (facts_find (facts, "Amount"));
  g_assert_nonnull (facts_find (facts, "Orrin Port: number"));
  g_assert_nonnull (facts_find (facts, "Percentage"));
  g_assert_nonnull (facts_find (facts, "Meetings"));
}

/* Words that never name what is counted: a language's most frequent words
 * ("уже", "они", "there": lexicons/<lang>.stopwords) and the adverbs and
 * conjunctions of `NotMeasures` ("however"; the claims' singular "wherea"
 * of "whereas"). A measure of only these is none: no fact of them, and
 * such figures of two reports do not group as one. Claims written for
 * this test. */
static void
test_measures_not_words (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 40, .measure = "уже", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 55, .measure = "уже", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 7, .measure = "они", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 12, .measure = "there", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d4", .kind = COUNT, .value = 30, .measure = "however", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d5", .kind = COUNT, .value = 31, .measure = "however", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d4", .kind = COUNT, .value = 9, .measure = "wherea", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d6", .kind = COUNT, .value = 3, .measure = "здание", .story = "s1");
  facts = facts_corpus_group (corpus);
  for (guint f = 0; f < facts->len; f++)
    g_test_message ("fact: %s", ((TallyFactRecord *) g_ptr_array_index (facts, f))->label);
  g_assert_cmpuint (facts->len, ==, 1);
  g_assert_nonnull (facts_find (facts, "Здание"));
}

/* A source's words in another language than the interface's stand with
 * the country in their language too: "Марокко: афтершок" under English,
 * never "Morocco: афтершок" (ICU's likely language of the script, its
 * region names). Claims written for this test. */
static void
test_labels_subject_in_words_language (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 14, .measure = "афтершок", .story = "s1",
               .subject = "Morocco", .subject_kind = TALLY_SUBJECT_KIND_COUNTRY);
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 20, .measure = "aftershock", .story = "s1",
               .subject = "Chile", .subject_kind = TALLY_SUBJECT_KIND_COUNTRY);
  facts = facts_corpus_group (corpus);
  for (guint f = 0; f < facts->len; f++)
    g_test_message ("fact: %s", ((TallyFactRecord *) g_ptr_array_index (facts, f))->label);
  g_assert_cmpuint (facts->len, ==, 2);
  g_assert_nonnull (facts_find (facts, "Марокко: афтершок"));
  g_assert_nonnull (facts_find (facts, "Chile: aftershocks"));
}

/* A person's age belongs to that person: without a subject, ages in one
 * story never group (two players, 31 and 25, are no conflict). */
static void
test_group_ages (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 31, .measure = "year-old", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 25, .measure = "year-old", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 31, .measure = "year-old", .story = "s1",
               .subject = "Ines Calloway");
  FACTS_CLAIM (corpus, .doc = "d4", .kind = COUNT, .value = 32, .measure = "year-old", .story = "s1",
               .subject = "Ines Calloway");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 3);
  /* The named one is a conflict between two sources about one person. */
  g_assert_cmpuint (((TallyFactRecord *) g_ptr_array_index (facts, 0))->status, ==, TALLY_FACT_STATUS_CONFLICT);
  g_assert_cmpstr (((TallyFactRecord *) g_ptr_array_index (facts, 0))->subject, ==, "Ines Calloway");
  g_assert_cmpuint (((TallyFactRecord *) g_ptr_array_index (facts, 1))->status, ==, TALLY_FACT_STATUS_SINGLE);
  g_assert_cmpuint (((TallyFactRecord *) g_ptr_array_index (facts, 2))->status, ==, TALLY_FACT_STATUS_SINGLE);
}

/* A toll reported on different days moves: `updated`, with the series in the
 * explanation. Two sources apart on one day, a value coming back, or a figure
 * of a stated year stay conflicts. */
static void
test_grade_updated (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(FactsCorpus) same_day = facts_corpus_new ();
  g_autoptr(FactsCorpus) back = facts_corpus_new ();
  g_autoptr(FactsCorpus) scoped = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 120, .measure = "death", .stated = "2024-05-03");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 120, .measure = "death", .stated = "2024-05-03T18:00:00Z");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 260, .measure = "death", .stated = "2024-05-05");
  FACTS_CLAIM (corpus, .doc = "d4", .kind = COUNT, .value = 410, .measure = "death", .stated = "2024-05-09");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 1);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpstr (tally_fact_status_to_string (fact->status), ==, "updated");
  g_assert_cmpstr (fact->explanation, ==,
                   "Rose from 120 on 3 May 2024 to 410 on 9 May 2024 (120, then 260, then 410)");
  g_assert_cmpstr (value_at (fact, 0)->stated, ==, "2024-05-03");
  g_clear_pointer (&facts, g_ptr_array_unref);

  FACTS_CLAIM (same_day, .doc = "d1", .kind = COUNT, .value = 120, .measure = "death", .stated = "2024-05-03");
  FACTS_CLAIM (same_day, .doc = "d2", .kind = COUNT, .value = 150, .measure = "death", .stated = "2024-05-03");
  FACTS_CLAIM (same_day, .doc = "d3", .kind = COUNT, .value = 410, .measure = "death", .stated = "2024-05-09");
  facts = facts_corpus_group (same_day);
  g_assert_cmpuint (((TallyFactRecord *) g_ptr_array_index (facts, 0))->status, ==, TALLY_FACT_STATUS_CONFLICT);
  g_clear_pointer (&facts, g_ptr_array_unref);

  FACTS_CLAIM (back, .doc = "d1", .kind = COUNT, .value = 120, .measure = "death", .stated = "2024-05-03");
  FACTS_CLAIM (back, .doc = "d2", .kind = COUNT, .value = 410, .measure = "death", .stated = "2024-05-05");
  FACTS_CLAIM (back, .doc = "d3", .kind = COUNT, .value = 120, .measure = "death", .stated = "2024-05-09");
  facts = facts_corpus_group (back);
  g_assert_cmpuint (((TallyFactRecord *) g_ptr_array_index (facts, 0))->status, ==, TALLY_FACT_STATUS_CONFLICT);
  g_clear_pointer (&facts, g_ptr_array_unref);

  FACTS_CLAIM (scoped, .doc = "d1", .kind = MONEY, .value = 9.1e9, .unit = "USD", .measure = "revenue", .scope = 2023,
               .stated = "2024-01-03");
  FACTS_CLAIM (scoped, .doc = "d2", .kind = MONEY, .value = 9.7e9, .unit = "USD", .measure = "revenue", .scope = 2023,
               .stated = "2024-02-03");
  facts = facts_corpus_group (scoped);
  g_assert_cmpuint (((TallyFactRecord *) g_ptr_array_index (facts, 0))->status, ==, TALLY_FACT_STATUS_CONFLICT);
}

/* A claim naming no subject takes the one subject its story gives that
 * figure; with two subjects in the story it stays apart. */
static void
test_group_borrowed_subject (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(FactsCorpus) two = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 14, .measure = "cooperation agreement",
               .subject = "Oranmore", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 15, .measure = "cooperation agreement", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 15, .measure = "cooperation agreement", .story = "s2");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 2);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_CONFLICT);
  g_assert_cmpstr (fact->subject, ==, "Oranmore");
  g_assert_cmpstr (fact->explanation, ==, "1 source says 14, 1 says 15");
  g_clear_pointer (&facts, g_ptr_array_unref);

  FACTS_CLAIM (two, .doc = "d1", .kind = COUNT, .value = 14, .measure = "cooperation agreement",
               .subject = "Oranmore", .story = "s1");
  FACTS_CLAIM (two, .doc = "d2", .kind = COUNT, .value = 9, .measure = "cooperation agreement",
               .subject = "Kelvedon", .story = "s1");
  FACTS_CLAIM (two, .doc = "d3", .kind = COUNT, .value = 15, .measure = "cooperation agreement", .story = "s1");
  facts = facts_corpus_group (two);
  g_assert_cmpuint (facts->len, ==, 3);
  for (guint i = 0; i < facts->len; i++)
    g_assert_cmpuint (((TallyFactRecord *) g_ptr_array_index (facts, i))->status, ==, TALLY_FACT_STATUS_SINGLE);
}

/* One source stating values on two sides does not contradict itself: the
 * measure covers several things (two films' nominations). The fact is one
 * per side, not a conflict. Sources one value each still conflict. */
static void
test_group_source_on_two_sides (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 11, .measure = "nomination", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d1", .kind = COUNT, .value = 7, .measure = "nomination", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = COUNT, .value = 11, .measure = "nomination", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 7, .measure = "nomination", .story = "s1");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 2);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpuint (fact->documents->len, ==, 2);
  g_assert_cmpstr (fact->key, ==, "count||0|0|nomination|story=s1|value=11");
  fact = g_ptr_array_index (facts, 1);
  g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpstr (fact->key, ==, "count||0|0|nomination|story=s1|value=7");
}

/* What is expected never conflicts with what happened: a projection that
 * disagrees is a fact of its own; one that agrees stays beside the report. */
static void
test_group_projected (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(FactsCorpus) agree = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  TallyFactRecord *fact;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = MONEY, .value = 8e9, .unit = "USD", .measure = "trade", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = MONEY, .value = 8e9, .unit = "USD", .measure = "trade", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = MONEY, .value = 10e9, .unit = "USD", .measure = "trade", .story = "s1",
               .qualifier = OVER, .modality = TALLY_MODALITY_PROJECTED);
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 2);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpstr (fact->key, ==, "money|USD|0|0|trade|story=s1");
  fact = g_ptr_array_index (facts, 1);
  g_assert_cmpuint (fact->status, ==, TALLY_FACT_STATUS_SINGLE);
  g_assert_cmpstr (fact->key, ==, "money|USD|0|0|trade|story=s1|projected");
  g_clear_pointer (&facts, g_ptr_array_unref);

  FACTS_CLAIM (agree, .doc = "d1", .kind = COUNT, .value = 6, .measure = "nation", .story = "s1");
  FACTS_CLAIM (agree, .doc = "d2", .kind = COUNT, .value = 6, .measure = "nation", .story = "s1",
               .modality = TALLY_MODALITY_PROJECTED);
  facts = facts_corpus_group (agree);
  g_assert_cmpuint (facts->len, ==, 1);
  g_assert_cmpuint (((TallyFactRecord *) g_ptr_array_index (facts, 0))->status, ==, TALLY_FACT_STATUS_AGREE);
}

/* Labels as column headers: the subject first, one colon, no symbols. */
static void
test_labels_subject_and_symbols (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;

  FACTS_CLAIM (corpus, .doc = "d1", .kind = MONEY, .value = 8.1e9, .unit = "USD", .measure = "trade", .scope = 2023,
               .subject = "Norway", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = MONEY, .value = 1e6, .unit = "USD", .measure = "payoff", .change = TRUE,
               .subject = "Shell", .story = "s1");
  FACTS_CLAIM (corpus, .doc = "d3", .kind = COUNT, .value = 5, .measure = "\xf0\x9f\x9a\x80 launch \xe2\x9c\xa8",
               .story = "s1");
  facts = facts_corpus_group (corpus);
  g_assert_cmpuint (facts->len, ==, 3);
  g_assert_nonnull (facts_find (facts, "Norway: trade volume, 2023"));
  g_assert_nonnull (facts_find (facts, "Shell: payoff change"));
  g_assert_nonnull (facts_find (facts, "Launches"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analysis/facts/measure/keys", test_measure_keys);
  g_test_add_func ("/analysis/facts/measure/names", test_measure_key_names);
  g_test_add_func ("/analysis/facts/measure/lexicon-errors", test_lexicon_errors);
  g_test_add_func ("/analysis/facts/group/synonyms", test_group_synonyms);
  g_test_add_func ("/analysis/facts/group/never-same-number", test_group_never_same_number);
  g_test_add_func ("/analysis/facts/group/scope-and-change", test_group_scope_and_change);
  g_test_add_func ("/analysis/facts/group/ambiguous-modifier", test_group_ambiguous_modifier);
  g_test_add_func ("/analysis/facts/group/named-groups", test_group_named_groups);
  g_test_add_func ("/analysis/facts/group/named-groups-agree", test_group_named_groups_agree);
  g_test_add_func ("/analysis/facts/group/named-groups-one-source", test_group_named_groups_one_source);
  g_test_add_func ("/analysis/facts/group/unscoped-joins", test_group_unscoped_joins);
  g_test_add_func ("/analysis/facts/group/ranks", test_group_ranks);
  g_test_add_func ("/analysis/facts/group/skips-unusable", test_group_skips_unusable);
  g_test_add_func ("/analysis/facts/group/event-date", test_event_date_conflict);
  g_test_add_func ("/analysis/facts/grade/rules", test_grades);
  g_test_add_func ("/analysis/facts/group/by-story", test_group_by_story);
  g_test_add_func ("/analysis/facts/group/by-subject", test_group_by_subject);
  g_test_add_func ("/analysis/facts/group/one-figure-other-words", test_group_one_figure_other_words);
  g_test_add_func ("/analysis/facts/group/magnitudes", test_group_magnitudes);
  g_test_add_func ("/analysis/facts/group/orphans", test_group_orphans);
  g_test_add_func ("/analysis/facts/grade/statement-days", test_grade_statement_days);
  g_test_add_func ("/analysis/facts/group/ages", test_group_ages);
  g_test_add_func ("/analysis/facts/group/recurring-names", test_group_recurring_names);
  g_test_add_func ("/analysis/facts/labels/name-things", test_labels_name_things);
  g_test_add_func ("/analysis/facts/measure/not-words", test_measures_not_words);
  g_test_add_func ("/analysis/facts/labels/subject-in-words-language", test_labels_subject_in_words_language);
  g_test_add_func ("/analysis/facts/labels/subject-and-symbols", test_labels_subject_and_symbols);
  g_test_add_func ("/analysis/facts/group/projected", test_group_projected);
  g_test_add_func ("/analysis/facts/group/weak-subjects", test_group_weak_subjects);
  g_test_add_func ("/analysis/facts/group/borrowed-subject", test_group_borrowed_subject);
  g_test_add_func ("/analysis/facts/group/source-on-two-sides", test_group_source_on_two_sides);
  g_test_add_func ("/analysis/facts/grade/updated", test_grade_updated);
  g_test_add_func ("/analysis/facts/grade/conflict-sides", test_conflict_sides);
  g_test_add_func ("/analysis/facts/grade/single-source", test_single_source);
  g_test_add_func ("/analysis/facts/sort", test_sort_order);
  g_test_add_func ("/analysis/facts/labels", test_labels);
  g_test_add_func ("/analysis/facts/labels-uncountable", test_labels_uncountable);
  g_test_add_func ("/analysis/facts/labels/follow-sources", test_labels_follow_sources);
  g_test_add_func ("/analysis/facts/labels/other-scripts", test_labels_other_scripts);
  g_test_add_func ("/analysis/facts/labels/one-language", test_labels_one_language);
  g_test_add_func ("/analysis/facts/labels/subject-language", test_labels_subject_language);
  g_test_add_func ("/analysis/facts/labels/readable", test_labels_readable);
  g_test_add_func ("/analysis/facts/grade/conflict-shared-value", test_conflict_shared_value);
  g_test_add_func ("/analysis/facts/format-value", test_format_value);
  g_test_add_func ("/analysis/facts/format-value-readable", test_format_value_readable);
  g_test_add_func ("/analysis/facts/status-strings", test_status_strings);
  g_test_add_func ("/analysis/facts/keys", test_keys);
  g_test_add_func ("/analysis/facts/stress/random-invariants", test_random_invariants);
  g_test_add_func ("/analysis/facts/corrections", test_corrections);
  g_test_add_func ("/analysis/facts/corrections-merge", test_corrections_merge_into_automatic);
  g_test_add_func ("/analysis/facts/export/csv", test_export_csv);
  g_test_add_func ("/analysis/facts/export/markdown", test_export_markdown);
  g_test_add_func ("/analysis/facts/stress/many-measures", test_stress_many_measures);
  g_test_add_func ("/analysis/facts/stress/long-explanations", test_long_explanations);
  return g_test_run ();
}
