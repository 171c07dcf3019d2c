/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tally-claims.h"
#include "tally-dictionary.h"

/* Subjects, their kinds and modality (issue 12), on sentences written for
 * these tests: none of them is a sentence the rules were written from. */

typedef struct
{
  const char *words;    /* the claim's words, as written */
  const char *subject;  /* NULL: no subject */
  const char *kind;     /* tally_subject_kind_to_string, or NULL */
  const char *modality; /* NULL: "reported" */
} Expect;

static void
check (const char   *text,
       const Expect *expect,
       guint         n)
{
  g_autoptr(GPtrArray) claims = tally_extract_claims (text, strlen (text), NULL);

  for (guint e = 0; e < n; e++)
    {
      const TallyClaimRecord *found = NULL;

      for (guint i = 0; i < claims->len && found == NULL; i++)
        {
          const TallyClaimRecord *r = g_ptr_array_index (claims, i);

          if (r->end - r->start == strlen (expect[e].words)
              && memcmp (text + r->start, expect[e].words, r->end - r->start) == 0)
            found = r;
        }
      if (found == NULL)
        {
          g_test_message ("no claim “%s” in: %s", expect[e].words, text);
          g_test_fail ();
          continue;
        }
      if (g_strcmp0 (found->subject, expect[e].subject) != 0)
        g_test_message ("“%s”: subject %s, expected %s", expect[e].words, found->subject, expect[e].subject);
      g_assert_cmpstr (found->subject, ==, expect[e].subject);
      if (expect[e].kind != NULL)
        g_assert_cmpstr (tally_subject_kind_to_string (found->subject_kind), ==, expect[e].kind);
      else
        g_assert_cmpint (found->subject_kind, ==, TALLY_SUBJECT_KIND_NONE);
      g_assert_cmpstr (tally_modality_to_string (found->modality), ==,
                       expect[e].modality != NULL ? expect[e].modality : "reported");
    }
}

static void
test_possessive_and_pairs (void)
{
  const Expect e1[] = {
    { "€2.4 billion", "Portugal", "country", NULL },
    { "7%", "Chile–Portugal", "country", NULL },
  };
  const Expect e2[] = {
    { "$640 million", "Chile–Portugal", "country", NULL },
  };

  check ("Portugal's wine exports to Brazil came to €2.4 billion last year. "
         "Trade between Portugal and Chile grew 7% over the period.", e1, G_N_ELEMENTS (e1));
  /* The other order names the same pair. */
  check ("Shipments between Chile and Portugal were worth $640 million.", e2, G_N_ELEMENTS (e2));
  /* A pair written with a hyphen or a dash, in either order, is the same
   * one subject, and what follows it the measure. */
  {
    const Expect e3[] = {
      { "11.2%", "Chile–Peru", "country", NULL },
      { "$4.1 billion", "Chile–Peru", "country", NULL },
    };
    const Expect e4[] = {
      { "$900 million", "Chile–Peru", "country", NULL },
    };

    check ("Peru-Chile trade rose 11.2% to $4.1 billion.", e3, G_N_ELEMENTS (e3));
    check ("Chile–Peru trade was worth $900 million in May.", e4, G_N_ELEMENTS (e4));
    /* "bilateral": the pair a claim was last about */
    {
      const Expect e6[] = {
        { "$2 billion", "Chile–Peru", "country", NULL },
        { "9%", "Chile–Peru", "country", NULL },
      };

      check ("Peru-Chile trade rose to $2 billion. Bilateral investment grew 9% over the year.", e6, G_N_ELEMENTS (e6));
    }
  }
}

static void
test_clause_subject_and_of (void)
{
  const Expect e1[] = {
    { "£3.2m", "Harwick Foods", "other", NULL },
    { "4.1 million", "Latvia", "country", NULL },
    { "12 stores", "Ostmark Bank", "organisation", NULL },
  };
  const Expect e2[] = {
    { "350 jobs", "Calder Motors", "organisation", "projected" },
  };

  const Expect e3[] = {
    { "$90m", "Brisk", "other", NULL },
    /* "Profit" is no name; the figure is the company's last spoken of */
    { "$75m", "Brisk", "other", NULL },
  };

  check ("Harwick Foods is to pay £3.2m in back wages. The population of Latvia was once 4.1 million. "
         "In March, Ostmark Bank closed 12 stores.", e1, G_N_ELEMENTS (e1));
  /* A word that starts a sentence is a name when the text writes it with a
   * capital elsewhere; a common noun there is not. */
  check ("Shares in Brisk fell. Brisk made $90m. Profit was $75m.", e3, G_N_ELEMENTS (e3));
  /* A name after a preposition is not the clause's subject. */
  check ("Calder Motors, based in Leeds, will cut 350 jobs.", e2, G_N_ELEMENTS (e2));
}

static void
test_no_subject (void)
{
  const Expect e[] = {
    { "1,200 people", NULL, NULL, NULL },
    { "18%", NULL, NULL, NULL },
  };

  /* A sentence-initial plural is a common noun; a figure with no name in
   * reach keeps no subject. */
  check ("Residents said 1,200 people had left. Prices rose 18% in a year.", e, G_N_ELEMENTS (e));
}

static void
test_people_and_events (void)
{
  const Expect e[] = {
    { "29", "Mara Lindqvist", "person", NULL },
    { "60 teams", "festival", "event", NULL },
  };

  check ("Mara Lindqvist, 29, won the final. The 29-year-old midfielder was named player of the year. "
         "The festival brought 60 teams to the valley.", e, G_N_ELEMENTS (e));
}

static void
test_projection (void)
{
  const Expect e[] = {
    { "more than $2 billion", NULL, NULL, "projected" },
    { "$1.6 billion", NULL, NULL, NULL },
    { "40,000 staff", "Vantor", "other", "projected" },
  };

  check ("Revenue is forecast to reach more than $2 billion in 2027. Last year it was $1.6 billion. "
         "The parcel firm Vantor will hire 40,000 staff.", e, G_N_ELEMENTS (e));
}

static void
test_stand_ins (void)
{
  const Expect e1[] = {
    { "91,000 passengers", "Kalmarline", "other", NULL },
    { "3,100 tonnes", "Orvik Foods Group", "organisation", NULL },
  };
  const Expect e2[] = {
    { "€40m", "Tapiola", "other", NULL },
    { "300 jobs", "Brennick", "organisation", NULL },
    { "8,200 units", "Arden 7", "other", NULL },
  };

  /* "It" is the name last a clause's subject, even after an apposition;
   * "the company" the name last mentioned ("… than Orvik Foods."). */
  check ("Kalmarline, a ferry operator based in Visby, ran more sailings than last year. It carried 91,000 passengers. "
         "Its sales trailed those of Orvik Foods Group. The company sold 3,100 tonnes of herring.", e1, G_N_ELEMENTS (e1));
  /* A place adjective before a noun modifies it; a legal form is dropped; a
   * number inside a name is part of it, not a count. */
  check ("Finnish insurer Tapiola paid €40m in claims. Brennick Ltd cut 300 jobs. The Arden 7 sold 8,200 units.",
         e2, G_N_ELEMENTS (e2));

  /* A title starts another name: the organisation before it is the
   * subject ("NPA Chairman Ines Varga said that …"). */
  {
    const Expect e3[] = {
      { "4.2%", "NPA", "other", NULL },
    };

    check ("NPA Chairman Ines Varga said port revenue was up 4.2% in the year.", e3, G_N_ELEMENTS (e3));
  }
}

static void
test_names_in_headings_and_datelines (void)
{
  const Expect e[] = {
    { "2,400 flats", "Norlund", "other", NULL },
    { "3.5-million bricks", "Norlund", "other", NULL },
  };

  /* A dateline names no subject; a name made an adjective ("Oslo-based") is
   * skipped for the name after it. */
  check ("Tromsø: the Oslo-based builder Norlund finished 2,400 flats in 2025. "
         "Norlund sold 3.5-million bricks.", e, G_N_ELEMENTS (e));
}

static void
test_projection_nouns (void)
{
  const Expect e[] = {
    { "12,400 units", NULL, NULL, "projected" },
    { "9%", "Halden", "other", NULL },
    { "15,000 units", "Halden", "other", "projected" },
  };

  /* An estimate, a target or a goal is a projection; "better than expected"
   * compares what happened with one. */
  check ("Analysts had a consensus estimate of 12,400 units for Halden. Halden did better than expected, up 9%. "
         "Halden set a 15,000 units goal.", e, G_N_ELEMENTS (e));
}

/* A claim's measure, year, qualifier and kind, for the context rules. */
typedef struct
{
  const char *words;
  const char *measure;
  int scope_year;
  const char *qualifier;
  const char *subject;
} ExpectContext;

static void
check_context (const char          *text,
               const ExpectContext *expect,
               guint                n)
{
  g_autoptr(GPtrArray) claims = tally_extract_claims (text, strlen (text), NULL);

  for (guint e = 0; e < n; e++)
    {
      const TallyClaimRecord *found = NULL;

      for (guint i = 0; i < claims->len && found == NULL; i++)
        {
          const TallyClaimRecord *r = g_ptr_array_index (claims, i);

          if (r->end - r->start == strlen (expect[e].words)
              && memcmp (text + r->start, expect[e].words, r->end - r->start) == 0)
            found = r;
        }
      if (found == NULL)
        {
          g_test_message ("no claim “%s”", expect[e].words);
          g_test_fail ();
          continue;
        }
      g_assert_cmpstr (found->measure, ==, expect[e].measure);
      g_assert_cmpint (found->scope_year, ==, expect[e].scope_year);
      g_assert_cmpstr (tally_qualifier_to_string (found->qualifier), ==, expect[e].qualifier);
      g_assert_cmpstr (found->subject, ==, expect[e].subject);
    }
}

static void
test_list_under_lead_in (void)
{
  const ExpectContext e[] = {
    { "€3.2 billion", "salmon sale", 2025, "exact", "Poland" },
    { "28%", "share of salmon sale", 2025, "exact", "Poland" },
    { "€2.6 billion", "salmon sale", 2025, "exact", "Spain" },
    { "23%", "share of salmon sale", 2025, "exact", "Spain" },
  };

  /* Lines of a list take their measure and year from the line that leads
   * in; each line's label is its subject; "of the total" is a share. */
  check_context ("Market note\n\nHavbruk's salmon sales by market in 2025:\n"
                 "Poland — €3.2 billion (28% of the total)\n"
                 "Spain — €2.6 billion (23% of the total)\n", e, G_N_ELEMENTS (e));
}

static void
test_figure_from_before (void)
{
  const ExpectContext e[] = {
    { "1,900 berths", "berth", 2024, "exact", NULL },
    { "2,350", "berth", 2026, "exact", NULL },
  };

  /* "The figure" measures what the sentence before measured. */
  check_context ("The marina offered 1,900 berths in 2024. The figure will grow to 2,350 in 2026.", e, G_N_ELEMENTS (e));
}

static void
test_verb_qualifiers_and_ranks (void)
{
  const ExpectContext e[] = {
    { "topped 40,000 visitors", "visitor", 0, "over", NULL },
    { "surpassed €12 million", "ticket revenue", 0, "over", NULL },
    { "approached 3,000 tonnes", "catch", 0, "approx", NULL },
    { "more than a decade", "renovation", 0, "over", NULL },
    { "under a month", "repair", 0, "under", NULL },
    { "third", "rank", 0, "exact", "Vestby" },
  };

  /* Verbs that bound a figure, "a" duration after a qualifier, and an
   * ordinal after a rank verb. */
  check_context ("The fair topped 40,000 visitors. Ticket revenue surpassed €12 million. "
                 "The catch approached 3,000 tonnes. The renovation lasted more than a decade. "
                 "The repair took under a month. The town of Vestby came third.", e, G_N_ELEMENTS (e));
}

static void
test_abbreviations_and_names_as_measures (void)
{
  const ExpectContext e[] = {
    { "12,000 SUVs", "suv", 0, "exact", "Valtra" },
    { "2%", NULL, 0, "exact", "Norsk Kraft" },
  };

  /* An abbreviation's plural is counted like any noun; a name is what a
   * figure is about, not what it measures. */
  check_context ("The carmaker Valtra sold 12,000 SUVs. Shares of Norsk Kraft fell. Norsk Kraft Inc is down 2%.",
                 e, G_N_ELEMENTS (e));
}

static void
test_subject_spoken_of (void)
{
  const ExpectContext e[] = {
    { "2,300 containers", "container", 0, "exact", "Veldt Line" },
    { "9%", "container", 0, "exact", "Veldt Line" },
    { "14%", "cargo", 0, "exact", "Veldt Line" },
    { "31 years", "quay", 0, "exact", NULL },
  };

  /* A dateline's place is no subject, nor its second word; a figure whose
   * sentence names no one is about the name last a clause's subject; not a
   * duration. */
  check_context ("Port Arden: Veldt Line said it moved 2,300 containers in March, which is 9% more than a year before. "
                 "The new figures show cargo growth of 14%. The quay had stood for 31 years.", e, G_N_ELEMENTS (e));
}

/* The sides of a vote as subjects: "votes to Join", "Stay has 44.8%",
 * "voted in favour of Stay", "N for Stay", a results line "Join - N (p%) vs
 * N (p%) - Stay", a figure in brackets restating the one before, and a
 * paragraph's label ("Eastcliff: The town …"). */
static void
test_sides_of_a_vote (void)
{
  const Expect e1[] = {
    { "55.2 per cent", "Join", "other", NULL },
    { "44.8 per cent", "Stay", "other", NULL },
    { "12,004 votes", "Stay", "other", NULL },
    { "61 per cent", "Eastcliff", "other", NULL },
    { "96 per cent", "Westbay", "other", NULL },
  };
  const Expect e2[] = {
    { "14,773", "Join", "other", NULL },
    { "55.2%", "Join", "other", NULL },
    { "12,004", "Stay", "other", NULL },
    { "44.8%", "Stay", "other", NULL },
  };
  const Expect e3[] = {
    { "9,870 votes", "Join", "other", NULL },
    { "8,112", "Stay", "other", NULL },
    { "54 per cent", "Stay", "other", NULL },
    { "7,020", "Stay", "other", NULL },
  };

  check ("Marlow has voted to join the Coastal League.\n\n"
         "Join has 55.2 per cent of the vote. Stay has 44.8 per cent of the count.\n\n"
         "There were 12,004 votes to Stay across the town.\n\n"
         "Northfield: Predictably, Northfield voted in favour of Stay.\n\n"
         "Eastcliff: The town voted to stay by a margin of 61 per cent.\n\n"
         "Westbay: The last ward to declare voted 96 per cent in favour of Stay.\n",
         e1, G_N_ELEMENTS (e1));
  check ("The count is over.\n\nFinal results: Join - 14,773 (55.2%) vs 12,004 (44.8%) - Stay\n", e2, G_N_ELEMENTS (e2));
  check ("In the ballot on the merger, campaigners for Stay were confident.\n\n"
         "Join ended on 9,870 votes compared to 8,112 for Stay. "
         "In the old town 54 per cent (7,020) voted to stay.", e3, G_N_ELEMENTS (e3));
}

/* The title's first word stands behind "the carmaker" before any name; a
 * quotation's figures are the speaker's ("…,” Harwick said), not a
 * person's. */
static void
test_title_name_and_quoted_figures (void)
{
  const char *text = "In 2024, the Lund-owned carmaker reported annual sales of 2.2 million. "
                     "\"Sales grew 12% to $9 billion,\" Harwick said in a statement.\n\n"
                     "\"We sold 40,000 trucks,\" Dana Ermek said.";
  TallyExtractOptions options;
  g_autoptr(GPtrArray) claims = NULL;
  const char *want[][2] = { { "2.2 million", "Harwick" }, { "12%", "Harwick" }, { "$9 billion", "Harwick" },
                            { "40,000 trucks", NULL } };

  tally_extract_options_init (&options);
  options.title = "Harwick sells 2.2 million cars in 2024";
  claims = tally_extract_claims (text, strlen (text), &options);
  for (guint w = 0; w < G_N_ELEMENTS (want); w++)
    {
      const TallyClaimRecord *found = NULL;

      for (guint i = 0; i < claims->len && found == NULL; i++)
        {
          const TallyClaimRecord *r = g_ptr_array_index (claims, i);

          if (r->end - r->start == strlen (want[w][0]) && memcmp (text + r->start, want[w][0], r->end - r->start) == 0)
            found = r;
        }
      g_assert_nonnull (found);
      g_assert_cmpstr (found->subject, ==, want[w][1]);
    }
  /* Without the title, the carmaker is no one. */
  g_clear_pointer (&claims, g_ptr_array_unref);
  claims = tally_extract_claims (text, strlen (text), NULL);
  g_assert_null (((const TallyClaimRecord *) g_ptr_array_index (claims, 1))->subject);
  /* A title opening with a common word names no one. */
  g_clear_pointer (&claims, g_ptr_array_unref);
  options.title = "Annual sales reach 2.2 million";
  claims = tally_extract_claims (text, strlen (text), &options);
  g_assert_null (((const TallyClaimRecord *) g_ptr_array_index (claims, 1))->subject);
}

/* "1.2m votes": an "m" after decimals and before a plural is millions, not
 * metres; "100m hurdles" and "2.05m tall" stay metres. */
static void
test_million_before_plural (void)
{
  const char *text = "Join won by 1.2m votes. She ran the 100m hurdles and stands 2.05m tall.";
  g_autoptr(GPtrArray) claims = tally_extract_claims (text, strlen (text), NULL);
  const TallyClaimRecord *r;

  g_assert_cmpuint (claims->len, ==, 3);
  r = g_ptr_array_index (claims, 0);
  g_assert_cmpint (r->kind, ==, TALLY_CLAIM_KIND_COUNT);
  g_assert_cmpfloat_with_epsilon (r->value, 1.2e6, 1e-6);
  g_assert_cmpstr (r->measure, ==, "vote");
  r = g_ptr_array_index (claims, 1);
  g_assert_cmpint (r->kind, ==, TALLY_CLAIM_KIND_NUMBER);
  g_assert_cmpstr (r->unit, ==, "m");
  r = g_ptr_array_index (claims, 2);
  g_assert_cmpint (r->kind, ==, TALLY_CLAIM_KIND_NUMBER);
  g_assert_cmpfloat_with_epsilon (r->value, 2.05, 1e-9);
  g_assert_cmpstr (r->unit, ==, "m");
}

/* A source is never what a figure is about: the subject of a verb of saying
 * ("Ana Ruiz said that …"), its object ("told Reuters"), the names of an
 * "According to …" clause; a speaker that is no person is kept when the
 * clause names no one else. A figure that is the subject of "will be"
 * is a projection, and so is its restatement in brackets. Original text. */
static void
test_sources_are_not_subjects (void)
{
  const Expect e1[] = {
    { "$3 billion", "Norway", "country", NULL },
  };
  const Expect e2[] = {
    { "$4 billion", NULL, NULL, NULL },
  };
  const Expect e3[] = {
    { "$7 billion", NULL, NULL, NULL },
  };
  const Expect e4[] = {
    { "68,000 vans", "Brask Motors", "organisation", NULL },
  };
  const Expect e5[] = {
    { "More than €2bn", NULL, NULL, "projected" },
    { "£1.7bn", NULL, NULL, "projected" },
  };

  check ("Speaking in Oslo, Ana Ruiz said that Norway had spent $3 billion.", e1, G_N_ELEMENTS (e1));
  check ("He told Reuters exports reached $4 billion.", e2, G_N_ELEMENTS (e2));
  check ("According to the ministry's spokesman, Petr Novak, the country exported $7 billion of grain.", e3, G_N_ELEMENTS (e3));
  check ("Most buyers chose the Aro or the Velo, but Brask Motors said it also sold 68,000 vans.", e4, G_N_ELEMENTS (e4));
  check ("More than €2bn (£1.7bn) will be invested in the port.", e5, G_N_ELEMENTS (e5));
}

/* A capitalised word opening a sentence that the English dictionary knows
 * only in lower case is no name ("Heavy snow has …"); one it also knows as
 * a name ("Tesla"), or does not know, may be. Skips without hunspell-en-us. */
static void
test_common_words_opening_sentences (void)
{
  const Expect e1[] = {
    { "40 roads", NULL, NULL, NULL },
  };
  const Expect e2[] = {
    { "3,000 homes", NULL, NULL, NULL },
  };
  const Expect e3[] = {
    { "5,000 chargers", "Tesla", "other", NULL },
  };
  const Expect e4[] = {
    { "12,000 vans", "Brask", "other", NULL },
  };

  if (!tally_dictionary_available ("en_US"))
    {
      g_test_skip ("no en_US Hunspell dictionary");
      return;
    }
  check ("Heavy snow has closed 40 roads.", e1, G_N_ELEMENTS (e1));
  check ("Initial reports show 3,000 homes lost power.", e2, G_N_ELEMENTS (e2));
  check ("Tesla has built 5,000 chargers.", e3, G_N_ELEMENTS (e3));
  check ("Brask has sold 12,000 vans.", e4, G_N_ELEMENTS (e4));
}

/* A count right before "in" a country or place, or in a sentence opened by
 * "In X,", is that place's when no one is the clause's subject; a named
 * subject still comes first, and a share is not placed so. Original text. */
static void
test_counts_in_a_place (void)
{
  const Expect e1[] = {
    { "at least 7 dead", "Norway", "country", NULL },
  };
  const Expect e2[] = {
    { "12 people", "Chile", "country", NULL },
  };
  const Expect e3[] = {
    { "400 vans", "Brask Motors", "organisation", NULL },
  };
  const Expect e4[] = {
    { "5%", NULL, NULL, NULL },
  };

  check ("Avalanches swept the valleys on Monday, leaving at least 7 dead in Norway.", e1, G_N_ELEMENTS (e1));
  check ("In Chile, the floods were worse, with rivers claiming the lives of 12 people.", e2, G_N_ELEMENTS (e2));
  check ("Brask Motors sold 400 vans in Chile.", e3, G_N_ELEMENTS (e3));
  check ("Prices rose 5% in Chile.", e4, G_N_ELEMENTS (e4));
}

/* "took 55% of the vote to Stay's 45%": the possessive side owns the
 * figure after it, not the one before. Original text. */
static void
test_side_with_its_own_figure (void)
{
  const Expect e1[] = {
    { "55%", "Join", "other", NULL },
    { "45%", "Stay", "other", NULL },
  };

  check ("Marlow has a result at last.\n\n"
         "In a close count, Join took 55% of the vote to Stay's 45% in the end.", e1, G_N_ELEMENTS (e1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_test_add_func ("/analysis/claims-subject/possessive-and-pairs", test_possessive_and_pairs);
  g_test_add_func ("/analysis/claims-subject/clause-subject-and-of", test_clause_subject_and_of);
  g_test_add_func ("/analysis/claims-subject/no-subject", test_no_subject);
  g_test_add_func ("/analysis/claims-subject/people-and-events", test_people_and_events);
  g_test_add_func ("/analysis/claims-subject/projection", test_projection);
  g_test_add_func ("/analysis/claims-subject/stand-ins", test_stand_ins);
  g_test_add_func ("/analysis/claims-subject/names-in-headings-and-datelines", test_names_in_headings_and_datelines);
  g_test_add_func ("/analysis/claims-subject/projection-nouns", test_projection_nouns);
  g_test_add_func ("/analysis/claims-subject/list-under-lead-in", test_list_under_lead_in);
  g_test_add_func ("/analysis/claims-subject/figure-from-before", test_figure_from_before);
  g_test_add_func ("/analysis/claims-subject/verb-qualifiers-and-ranks", test_verb_qualifiers_and_ranks);
  g_test_add_func ("/analysis/claims-subject/abbreviations-and-names-as-measures", test_abbreviations_and_names_as_measures);
  g_test_add_func ("/analysis/claims-subject/subject-spoken-of", test_subject_spoken_of);
  g_test_add_func ("/analysis/claims-subject/sides-of-a-vote", test_sides_of_a_vote);
  g_test_add_func ("/analysis/claims-subject/title-name-and-quoted-figures", test_title_name_and_quoted_figures);
  g_test_add_func ("/analysis/claims-subject/million-before-plural", test_million_before_plural);
  g_test_add_func ("/analysis/claims-subject/sources-are-not-subjects", test_sources_are_not_subjects);
  g_test_add_func ("/analysis/claims-subject/common-words-opening-sentences", test_common_words_opening_sentences);
  g_test_add_func ("/analysis/claims-subject/counts-in-a-place", test_counts_in_a_place);
  g_test_add_func ("/analysis/claims-subject/side-with-its-own-figure", test_side_with_its_own_figure);
  return g_test_run ();
}
