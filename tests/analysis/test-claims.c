/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "claims-corpus.h"
#include "tally-claims.h"
#include "tally-ingest.h"
#include "tally-json-export.h"
#include "tally-lemma.h"
#include "tally-lexicon.h"

/* A claim as one line: "kind|value|value_max|unit|qualifier|measure|change|scope". */
static char *
claim_line (const CorpusDocument   *doc,
            const TallyClaimRecord *claim,
            char                  **text)
{
  char *fields[8];
  char *line;

  claims_corpus_fields (doc, claim, text, fields);
  line = g_strjoin ("|", fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7], NULL);
  for (guint f = 0; f < 8; f++)
    g_free (fields[f]);
  return line;
}

/* Extracts `input` (resolved against `reference`, may be NULL) and returns
 * the claims as "words => line" strings, one per claim, joined by "\n". */
static char *
extract_lines (const char *input,
               const char *reference)
{
  CorpusDocument doc = { 0 };
  g_autoptr(GPtrArray) claims = NULL;
  GString *out = g_string_new (NULL);

  doc.text = (char *) input;
  doc.len = strlen (input);
  tally_extract_options_init (&doc.options);
  if (reference != NULL)
    g_assert_true (tally_extract_options_set_reference_date (&doc.options, reference));
  claims = tally_extract_claims (doc.text, doc.len, &doc.options);
  for (guint i = 0; i < claims->len; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *line = claim_line (&doc, g_ptr_array_index (claims, i), &text);

      g_string_append_printf (out, "%s%s => %s", out->len ? "\n" : "", text, line);
    }
  return g_string_free (out, FALSE);
}

/* Asserts the claims of `input`, all of them and in order. */
static void
check (const char *input,
       const char *reference,
       const char *expected)
{
  g_autofree char *got = extract_lines (input, reference);

  if (g_strcmp0 (got, expected) != 0)
    g_test_message ("input: %s\ngot:\n%s\nexpected:\n%s", input, got, expected);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_money (void)
{
  check ("In 2024 trade reached $94.8 billion.", NULL,
         "2024 => year|2024|-|-|exact|-|false|-\n"
         "$94.8 billion => money|94800000000|-|USD|exact|trade|false|2024");
  check ("The fund totalled €2.5bn, £310 million and ¥8 billion.", NULL,
         "€2.5bn => money|2500000000|-|EUR|exact|fund|false|-\n"
         "£310 million => money|310000000|-|GBP|exact|fund|false|-\n"
         "¥8 billion => money|8000000000|-|CNY|exact|fund|false|-");
  check ("Lenders offered 3 billion yuan, RMB 200 million and 30 billion rubles.", NULL,
         "3 billion yuan => money|3000000000|-|CNY|exact|-|false|-\n"
         "RMB 200 million => money|200000000|-|CNY|exact|-|false|-\n"
         "30 billion rubles => money|30000000000|-|RUB|exact|-|false|-");
  check ("The plan is worth about US$120 million, or 58 billion tenge.", NULL,
         "about US$120 million => money|120000000|-|USD|approx|plan|false|-\n"
         "58 billion tenge => money|58000000000|-|KZT|exact|plan|false|-");
  check ("Investors put in USD 5 million and 12 million dollars.", NULL,
         "USD 5 million => money|5000000|-|USD|exact|-|false|-\n"
         "12 million dollars => money|12000000|-|USD|exact|-|false|-");
}

static void
test_percent (void)
{
  check ("Over 80% of the agreements from the first summit have been implemented.", NULL,
         "Over 80% => percent|80|-|%|over|agreement implemented|false|-\n"
         "first => ordinal|1|-|-|exact|summit|false|-");
  check ("Turnout was 61.5 per cent, up 2.5 percentage points.", NULL,
         "61.5 per cent => percent|61.5|-|%|exact|turnout|false|-\n"
         "2.5 percentage points => percent|2.5|-|pp|exact|turnout|true|-");
  check ("A third of the projects are late and half of the funds are spent.", NULL,
         "A third => percent|33.33|-|%|exact|project|false|-\n"
         "half => percent|50|-|%|exact|fund|false|-");
  check ("Two-thirds of the bids came from the region.", NULL,
         "Two-thirds => percent|66.67|-|%|exact|bid|false|-");
}

static void
test_counts_and_measures (void)
{
  /* The same number about different things must not look alike. */
  check ("The summit produced 12 cooperation agreements and 12 new rail corridors.", NULL,
         "12 cooperation agreements => count|12|-|-|exact|cooperation agreement|false|-\n"
         "12 new rail corridors => count|12|-|-|exact|rail corridor|false|-");
  check ("Leaders of five Central Asian countries opened three cooperation centres.", NULL,
         "five Central Asian countries => count|5|-|-|exact|Central Asian country|false|-\n"
         "three cooperation centres => count|3|-|-|exact|cooperation centre|false|-");
  check ("The mechanism comprises 13 ministerial-level cooperation platforms.", NULL,
         "13 ministerial-level cooperation platforms => count|13|-|-|exact|ministerial-level cooperation platform|false|-");
  check ("Its place as the second-largest economy lets the country lend more.", NULL,
         "second-largest => ordinal|2|-|-|exact|economy|false|-");
}

/* A capitalised modifier names the group a count counts: it stays in the
 * measure, as written, so that "five Nordic nations" is not "six nations". */
static void
test_named_groups (void)
{
  check ("Canada and the five Nordic nations met in Tromsø; all six nations, Canada included, signed.", NULL,
         "five Nordic nations => count|5|-|-|exact|Nordic nation|false|-\n"
         "six nations => count|6|-|-|exact|nation|false|-");
  /* A capital that only starts the sentence is the number's. */
  check ("Six Baltic ports joined. Five nations abstained.", NULL,
         "Six Baltic ports => count|6|-|-|exact|Baltic port|false|-\n"
         "Five nations => count|5|-|-|exact|nation|false|-");
  /* Names joined by a dash keep it; a group of three words. */
  check ("Two Baltic–Nordic ferry lines resumed and 14 EU member states voted.", NULL,
         "Two Baltic–Nordic ferry lines => count|2|-|-|exact|Baltic–Nordic ferry line|false|-\n"
         "14 EU member states => count|14|-|-|exact|EU member state|false|-");
  /* Not names of the group: a possessive, the subject of a relative clause
   * after the noun, and a title whose every word has a capital. */
  check ("Norway's three fjord ports reopened.", NULL,
         "three fjord ports => count|3|-|-|exact|fjord port|false|-");
  check ("Iceland invited the six nations Norway had named.", NULL,
         "six nations => count|6|-|-|exact|nation|false|-");
  check ("Five Nordic Nations Sign Fisheries Pact", NULL,
         "Five => count|5|-|-|exact|-|false|-");
  /* Only a count keeps them: a subject stays as it was read. */
  check ("Nordic ports handled 12 million tonnes.", NULL,
         "12 million tonnes => number|12000000|-|t|exact|nordic port|false|-");
}

static void
test_number_words (void)
{
  check ("Ten ministers and twenty-five firms came; two and a half million tonnes moved; a dozen heads of government attended.",
         NULL,
         "Ten ministers => count|10|-|-|exact|minister|false|-\n"
         "twenty-five firms => count|25|-|-|exact|firm|false|-\n"
         "two and a half million tonnes => number|2500000|-|t|exact|-|false|-\n"
         "a dozen heads of government => count|12|-|-|exact|head of government|false|-");
  /* "one of", "the two met": no quantity stated. */
  check ("It is one of the largest ports, and the two met twice.", NULL, "");
}

static void
test_ranges (void)
{
  check ("Growth of 5–7% is expected. The works cost $3–4 billion. Between 20 and 30 delegates left.", NULL,
         "5–7% => percent|5|7|%|exact|-|true|-\n"
         "$3–4 billion => money|3000000000|4000000000|USD|exact|work|false|-\n"
         "20 and 30 delegates => count|20|30|-|exact|delegate|false|-");
  check ("The naming of 2025–2026 as Years of Steady Growth was announced.", NULL,
         "2025–2026 => year|2025|2026|-|exact|year of steady growth|false|-");
  check ("It names 2025 and 2026 as the Years of Cooperation, and the 2025-26 programme.", NULL,
         "2025 and 2026 => year|2025|2026|-|exact|year of cooperation|false|-\n"
         "2025-26 => year|2025|2026|-|exact|programme|false|-");
  /* Two summits, two years: not a range. */
  check ("The first summit was in 2022 and the second in 2023.", NULL,
         "first => ordinal|1|-|-|exact|summit|false|-\n"
         "2022 => year|2022|-|-|exact|first summit|false|-\n"
         "2023 => year|2023|-|-|exact|second summit|false|-");
}

static void
test_qualifiers (void)
{
  static const struct { const char *input; const char *words; const char *qualifier; } cases[] = {
    { "They hired about 40 guides.", "about 40", "approx" },
    { "They hired around 40 guides.", "around 40", "approx" },
    { "They hired some 40 guides.", "some 40", "approx" },
    { "They hired roughly 40 guides.", "roughly 40", "approx" },
    { "They hired nearly 40 guides.", "nearly 40", "approx" },
    { "They hired almost 40 guides.", "almost 40", "approx" },
    { "They hired close to 40 guides.", "close to 40", "approx" },
    { "They hired ~40 guides.", "~40", "approx" },
    { "They hired over 40 guides.", "over 40", "over" },
    { "They hired more than 40 guides.", "more than 40", "over" },
    { "They hired above 40 guides.", "above 40", "over" },
    { "They hired exceeding 40 guides.", "exceeding 40", "over" },
    { "They hired upwards of 40 guides.", "upwards of 40", "over" },
    { "They hired less than 40 guides.", "less than 40", "under" },
    { "They hired under 40 guides.", "under 40", "under" },
    { "They hired below 40 guides.", "below 40", "under" },
    { "They hired fewer than 40 guides.", "fewer than 40", "under" },
    { "They hired at least 40 guides.", "at least 40", "at_least" },
    { "They hired 40 or more guides.", "40 or more", "at_least" },
    { "They hired up to 40 guides.", "up to 40", "at_most" },
    { "They hired no more than 40 guides.", "no more than 40", "at_most" },
    { "They hired a maximum of 40 guides.", "a maximum of 40", "at_most" },
    { "They hired 40 guides.", "40", "exact" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* The words of a count run on to what it counts. */
      g_autofree char *expected = g_strdup_printf ("%s guides => count|40|-|-|%s|guide|false|-", cases[i].words,
                                                   cases[i].qualifier);

      check (cases[i].input, NULL, expected);
    }
}

static void
test_change (void)
{
  check ("Bilateral trade rose 35% in 2024.", NULL,
         "35% => percent|35|-|%|exact|bilateral trade|true|2024\n"
         "2024 => year|2024|-|-|exact|-|false|-");
  check ("Officials reported an increase of 35% in bilateral trade.", NULL,
         "35% => percent|35|-|%|exact|bilateral trade|true|-");
  check ("Exports grew by 12% to $40 billion.", NULL,
         "12% => percent|12|-|%|exact|export|true|-\n"
         "$40 billion => money|40000000000|-|USD|exact|export|false|-");
  check ("Trade rose from $310 million to $1.1 billion.", NULL,
         "$310 million => money|310000000|-|USD|exact|trade|false|-\n"
         "$1.1 billion => money|1100000000|-|USD|exact|trade|false|-");
}

static void
test_scope (void)
{
  check ("In 2024, trade between the regions reached $38.6 billion.", NULL,
         "2024 => year|2024|-|-|exact|-|false|-\n"
         "$38.6 billion => money|38600000000|-|USD|exact|trade|false|2024");
  /* A year that dates an event is not the period of the figure. */
  check ("Over 80% of the agreements of the first summit in 2022 are done.", NULL,
         "Over 80% => percent|80|-|%|over|agreement|false|-\n"
         "first => ordinal|1|-|-|exact|summit|false|-\n"
         "2022 => year|2022|-|-|exact|first summit|false|-");
  check ("Trade grew 12% last year.", "2025-06-17",
         "12% => percent|12|-|%|exact|trade|true|2024\n"
         "last year => year|2024|-|-|exact|-|false|-");
}

static void
test_dates (void)
{
  check ("On June 17, 2025, the summit opened; talks on 12–13 November 2025 and in May 2026 follow.", NULL,
         "June 17, 2025 => date|2025-06-17|-|-|exact|summit|false|-\n"
         "12–13 November 2025 => date|2025-11-12|2025-11-13|-|exact|talk|false|-\n"
         "May 2026 => date|2026-05|-|-|exact|talk|false|-");
  check ("Published 2025-06-21.", NULL, "2025-06-21 => date|2025-06-21|-|-|exact|-|false|-");
  /* Relative dates against a June 2025 article that speaks in the past… */
  check ("A conference was held in April. Trade fell last year.", "2025-06-17",
         "April => date|2025-04|-|-|exact|conference|false|-\n"
         "last year => year|2024|-|-|exact|-|false|-");
  /* … in the future … */
  check ("Ministers will meet in April.", "2025-06-17", "April => date|2026-04|-|-|exact|-|false|-");
  /* … and with no reference date: no value, and `relative` says why. */
  {
    g_autoptr(GPtrArray) claims = tally_extract_claims ("The forum met in April and last year.", 37, NULL);
    const TallyClaimRecord *april, *last;

    g_assert_cmpuint (claims->len, ==, 2);
    april = g_ptr_array_index (claims, 0);
    last = g_ptr_array_index (claims, 1);
    g_assert_false (april->has_value);
    g_assert_cmpstr (april->relative, ==, "April");
    g_assert_cmpint (april->kind, ==, TALLY_CLAIM_KIND_DATE);
    g_assert_false (last->has_value);
    g_assert_cmpstr (last->relative, ==, "last year");
    g_assert_cmpint (last->kind, ==, TALLY_CLAIM_KIND_YEAR);
  }
  check ("The office opened two years ago, in the 1990s style.", "2025-06-17",
         "two years ago => year|2023|-|-|exact|-|false|-\n"
         "1990s => year|1990|1999|-|exact|-|false|-");
}

static void
test_weekdays (void)
{
  /* A weekday is the day of that name on or before the reference date (a
   * Wednesday here); in a clause with a modal, the next one. */
  check ("The ferry line said on Monday it carried 4,100 cars. The bridge would reopen on Friday. "
         "Halvard flew to Bergen on Wednesday.", "2031-03-12",
         "Monday => date|2031-03-10|-|-|exact|-|false|-\n"
         "4,100 cars => count|4100|-|-|exact|car|false|-\n"
         "Friday => date|2031-03-14|-|-|exact|-|false|-\n"
         "Wednesday => date|2031-03-12|-|-|exact|-|false|-");
  /* No reference date: no value; a weekday inside a name is no date. */
  check ("Tarn Books said on Sunday that Cyber Monday orders rose 9%.", NULL,
         "Sunday => date|-|-|-|exact|-|false|-\n"
         "9% => percent|9|-|%|exact|order|true|-");
}

static void
test_periods_compared (void)
{
  /* "year over year", "YoY", "(quarter-on-quarter)" make a change and are
   * not what it measures; a change noun's modifier is ("ferry growth"). */
  check ("The operator reported ferry growth of 14% year over year and cabin growth of 9% year over year. "
         "Freight revenue rose 6 per cent YoY to €2.4 billion. "
         "Q3 saw a 5% quarter-on-quarter (QoQ) increase in crossings, totalling 81,000.", NULL,
         "14% => percent|14|-|%|exact|ferry|true|-\n"
         "9% => percent|9|-|%|exact|cabin|true|-\n"
         "6 per cent => percent|6|-|%|exact|freight revenue|true|-\n"
         "€2.4 billion => money|2400000000|-|EUR|exact|freight revenue|false|-\n"
         "5% => percent|5|-|%|exact|crossing|true|-\n"
         "81,000 => count|81000|-|-|exact|crossing|false|-");
  /* A quarter named by an ordinal is a claim, measuring "quarter". */
  check ("In the third quarter the line lost money.", NULL, "third => ordinal|3|-|-|exact|quarter|false|-");
}

static void
test_durations_and_units (void)
{
  check ("The visit lasted less than 48 hours; the 1,100-km cable carries 4 GW; ports moved 12 bcm of gas.", NULL,
         "less than 48 hours => duration|48|-|hour|under|visit|false|-\n"
         "1,100-km => number|1100|-|km|exact|cable|false|-\n"
         "4 GW => number|4|-|GW|exact|cable|false|-\n"
         "12 bcm => number|12|-|bcm|exact|gas|false|-");
  check ("Officials planned a three-day summit and a five-year plan.", NULL,
         "three-day => duration|3|-|day|exact|summit|false|-\n"
         "five-year => duration|5|-|year|exact|plan|false|-");
}

static void
test_never_claims (void)
{
  /* Comment counters, bylines, list numbering, phones, IDs, URLs. */
  check ("5 Comments", NULL, "");
  check ("1,204 shares", NULL, "");
  check ("By Jane Roe | 10:45 AM", NULL, "");
  check ("Updated 9.30 am GMT", NULL, "");
  check ("1. The point is short.\n2) Another item.", NULL, "");
  check ("Call +7 7172 55 66 77 or (0172) 555 0199 or 202-555-0143.", NULL, "");
  check ("See Resolution No. 17, Article 5, ticket #4521, flight A320, COVID-19 and order 88213741.", NULL, "");
  check ("Read https://example.kz/news/2025/06/17/item-123 and www.example.org/12 now.", NULL, "");
  check ("Mail press@port2025.example.kz for 5G details.", NULL, "");
  check ("Dana Ermekova, 46, said it was busy.", NULL, "");
  check ("Page 2 of 3", NULL, "");
}

static void
test_more_rules (void)
{
  /* A span of months that holds the reference month is this year's. */
  check ("Kyrgyzstan will release water between April and September.", "2025-06-23",
         "April and September => date|2025-04|2025-09|-|exact|-|false|-");
  /* "N times": a count, unless it multiplies ("three times the usual"). */
  check ("Negotiators met 18 times. Sales were three times the usual.", NULL,
         "18 times => count|18|-|-|exact|time|false|-");
  /* "caps X at …", "a third more than planned", "last year's edition". */
  check ("The deal caps summer withdrawals at 11.5 cubic kilometres.", NULL,
         "11.5 cubic kilometres => number|11.5|-|km3|exact|summer withdrawal|false|-");
  check ("The stadium cost $380 million, about a third more than planned.", NULL,
         "$380 million => money|380000000|-|USD|exact|stadium|false|-\n"
         "about a third => percent|33.33|-|%|approx|stadium|true|-");
  check ("Visitors rose 30% on last year's edition.", "2025-07-02",
         "30% => percent|30|-|%|exact|visitor|true|2024\n"
         "last year => year|2024|-|-|exact|edition|false|-");
  /* Rainfall and heights in small units (original text). */
  check ("The gauge at the airport recorded 142mm of rain and the hills 6.1 inches.", NULL,
         "142mm => number|142|-|mm|exact|rain|false|-\n"
         "6.1 inches => number|6.1|-|in|exact|rain|false|-");
  /* An exchange rate, and a share that is no change. */
  check ("The tenge closed at 512 to the dollar. Farmers lost up to 15% of their harvest.", NULL,
         "512 to the dollar => number|512|-|KZT/USD|exact|exchange rate|false|-\n"
         "up to 15% => percent|15|-|%|at_most|harvest|false|-");
  /* Appositive and possessive ordinals. */
  check ("Next year's edition, the sixth, is planned for July 2026.", "2025-07-02",
         "Next year => year|2026|-|-|exact|edition|false|-\n"
         "sixth => ordinal|6|-|-|exact|edition|false|-\n"
         "July 2026 => date|2026-07|-|-|exact|sixth edition|false|-");
}

/* A sum that is a verb's object, or the subject of its passive, measures
 * the verb's noun ([measure_verb]); a noun phrase of its own comes first;
 * "the total cost is" is a noun before a copula; a figure in brackets
 * restates the one before it. Original sentences. */
static void
test_measure_of_verb (void)
{
  check ("Valmora spent nearly €40 million on its new ferry terminal. The city has spent about €40 million so far.", NULL,
         "nearly €40 million => money|40000000|-|EUR|approx|ferry terminal|false|-\n"
         "about €40 million => money|40000000|-|EUR|approx|spending|false|-");
  /* "cost": its subject is what is measured, as in "the cost of the
   * bridge"; the verb's noun when no noun is the subject. */
  check ("The new bridge reportedly cost $90 million. It was said to have cost $95 million.", NULL,
         "$90 million => money|90000000|-|USD|exact|bridge|false|-\n"
         "$95 million => money|95000000|-|USD|exact|cost|false|-");
  check ("More than €2bn (£1.7bn) will be invested by the port authority.", NULL,
         "More than €2bn => money|2000000000|-|EUR|over|investment|false|-\n"
         "£1.7bn => money|1700000000|-|GBP|exact|investment|false|-");
  check ("The total cost is expected to be $9 billion.", NULL,
         "$9 billion => money|9000000000|-|USD|exact|cost|false|-");
  check ("Orvik sold 12,500 in March.", "2025-06-01",
         "12,500 => count|12500|-|-|exact|sale|false|-\n"
         "March => date|2025-03|-|-|exact|-|false|-");
  /* "why"/"how" open a clause; an adverb is no subject. */
  check ("That is why the terminal reportedly cost $80 million.", NULL,
         "$80 million => money|80000000|-|USD|exact|terminal|false|-");
  /* The "of" after a restatement of the figure, in brackets or ", or …,",
   * is the figure's; the restatement measures the same; a participle
   * before a name is the verb ("snow covered Tromsø"); "18 dead" counts
   * the dead. */
  check ("Over 90 centimetres (35 inches) of snow covered Tromsø by noon.", NULL,
         "Over 90 centimetres => number|90|-|cm|over|snow|false|-\n"
         "35 inches => number|35|-|in|exact|snow|false|-");
  check ("The valley got 300 millimetres, or nearly 12 inches, of rain in two days.", NULL,
         "300 millimetres => number|300|-|mm|exact|rain|false|-\n"
         "nearly 12 inches => number|12|-|in|approx|rain|false|-\n"
         "two days => duration|2|-|day|exact|-|false|-");
  check ("The avalanche left at least 7 dead and 12 injured.", NULL,
         "at least 7 dead => count|7|-|-|at_least|dead|false|-\n"
         "12 injured => count|12|-|-|exact|injured|false|-");
  /* A change in a relative clause on the figure before is that figure's
   * change, not its subject's ("Kessa Ferries", "the ferry line"); with no
   * figure before it, nothing is copied. */
  check ("Kessa Ferries: The ferry line carried 2.4 million passengers last year, which is a 12% rise.", NULL,
         "2.4 million passengers => count|2400000|-|-|exact|passenger|false|-\n"
         "last year => year|-|-|-|exact|-|false|-\n"
         "12% => percent|12|-|%|exact|passenger|true|-");
  check ("The ferry line reported a 12% rise.", NULL,
         "12% => percent|12|-|%|exact|-|true|-");
  /* "to Stay's 45%": the other side's figure measures the same. */
  check ("Join took 55% of the vote to Stay's 45%.", NULL,
         "55% => percent|55|-|%|exact|vote|false|-\n"
         "45% => percent|45|-|%|exact|vote|false|-");
  /* A verb of saying is no part of what is measured. */
  check ("He told Reuters exports reached $4 billion.", NULL,
         "$4 billion => money|4000000000|-|USD|exact|export|false|-");
}

static void
test_lemma (void)
{
  const TallyLexicon *lex = tally_lexicon_get ("en", NULL);
  static const char * const pairs[][2] = {
    { "countries", "country" }, { "centres", "centre" }, { "agreements", "agreement" },
    { "corridors", "corridor" }, { "taxes", "tax" }, { "branches", "branch" }, { "buses", "bus" },
    { "analysis", "analysis" }, { "status", "status" }, { "cross-border", "cross-border" },
    { "China's", "china" }, { "people", "person" }, { "Nations", "nation" }, { "gas", "gas" },
  };

  g_assert_nonnull (lex);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      tally_lemma_append (lex, out, pairs[i][0], strlen (pairs[i][0]));
      g_assert_cmpstr (out->str, ==, pairs[i][1]);
    }
}

static void
test_lexicon_errors (void)
{
  static const char * const bad[] = {
    "[nonsense]\nx = 1\n", "x = 1\n", "[number]\nten\n", "[number]\nten = many\n", "[qualifier]\nabout = roughly\n",
    "[change]\nrose = up\n", "[month]\nsmarch = 13\n", "[role]\nvon = nonsense\n", "[abbreviation]\nmr = 1\n",
  };
  g_autoptr(GError) error = NULL;
  TallyLexicon *ok = tally_lexicon_new_from_data ("# c\n[number]\nzwei = 2\n[stop]\nder\n", 36, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ok);
  g_assert_cmpfloat (tally_lexicon_lookup (ok, "ZWEI", 4)->number, ==, 2);
  g_assert_true (tally_lexicon_lookup (ok, "der", 3)->flags & TALLY_LEX_STOP);
  g_assert_null (tally_lexicon_lookup (ok, "drei", 4));
  /* Another language names its own function words: a role per word. */
  {
    const char *de = "[role]\nvon = of\nzwischen = between\n";
    TallyLexicon *lex = tally_lexicon_new_from_data (de, strlen (de), &error);

    g_assert_no_error (error);
    g_assert_cmpint (tally_lexicon_lookup (lex, "Von", 3)->role, ==, TALLY_ROLE_OF);
    g_assert_cmpint (tally_lexicon_lookup (lex, "zwischen", 8)->role, ==, TALLY_ROLE_BETWEEN);
    tally_lexicon_free (lex);
  }
  tally_lexicon_free (ok);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) e = NULL;

      g_assert_null (tally_lexicon_new_from_data (bad[i], strlen (bad[i]), &e));
      g_assert_error (e, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
  g_assert_null (tally_lexicon_get ("xx", &error));
  g_assert_nonnull (error);
}

static void
test_sentences (void)
{
  const char *text = "Mr. Xi met Dr. Tokayev in the U.S. capital. Trade rose 3.5%! Did it?\nHeading line\nNext one.";
  static const char * const expected[] = {
    "Mr. Xi met Dr. Tokayev in the U.S. capital.", "Trade rose 3.5%!", "Did it?", "Heading line", "Next one.",
  };
  gsize pos = 0, start, end;
  guint n = 0;

  while (tally_next_sentence (text, strlen (text), &pos, &start, &end))
    {
      g_autofree char *s = g_strndup (text + start, end - start);

      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (s, ==, expected[n]);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
}

static void
test_offsets (void)
{
  const char *text = "Intro — «ÄÖ» text. In 2024 trade reached nearly $94.8 billion.";
  g_autoptr(GPtrArray) claims = tally_extract_claims (text, strlen (text), NULL);
  const TallyClaimRecord *money;

  g_assert_cmpuint (claims->len, ==, 2);
  money = g_ptr_array_index (claims, 1);
  g_assert_cmpint (money->kind, ==, TALLY_CLAIM_KIND_MONEY);
  g_assert_cmpuint (money->start, ==, strstr (text, "nearly") - text);
  g_assert_cmpuint (money->end, ==, strstr (text, " billion") - text + 8);
  g_assert_cmpuint (money->sentence_start, ==, strstr (text, "In 2024") - text);
  g_assert_cmpuint (money->sentence_end, ==, strlen (text));
  g_assert_cmpint (money->qualifier, ==, TALLY_QUALIFIER_APPROX);
}

static void
test_reference_date_parsing (void)
{
  TallyExtractOptions o;

  tally_extract_options_init (&o);
  g_assert_true (tally_extract_options_set_reference_date (&o, "2025-06-17"));
  g_assert_cmpint (o.reference_year, ==, 2025);
  g_assert_cmpint (o.reference_month, ==, 6);
  g_assert_cmpint (o.reference_day, ==, 17);
  g_assert_true (tally_extract_options_set_reference_date (&o, "2024-02-29T10:00:00Z"));
  g_assert_cmpint (o.reference_day, ==, 29);
  g_assert_true (tally_extract_options_set_reference_date (&o, "2023-05"));
  g_assert_cmpint (o.reference_day, ==, 0);
  g_assert_false (tally_extract_options_set_reference_date (&o, "2023-02-29"));
  g_assert_false (tally_extract_options_set_reference_date (&o, "17/06/2025"));
  g_assert_false (tally_extract_options_set_reference_date (&o, "2025-13-01"));
  g_assert_false (tally_extract_options_set_reference_date (&o, ""));
  g_assert_cmpint (o.reference_year, ==, 2023);
}

/* Every item of the annotated corpus, field by field. */
static void
test_corpus (void)
{
  const char *srcdir = g_getenv ("TALLY_SOURCE_DIR");
  g_autofree char *dir = srcdir ? g_build_filename (srcdir, "tests", "data", "claims", NULL)
                                : g_test_build_filename (G_TEST_DIST, "..", "data", "claims", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = claims_corpus_load (dir, &error);
  guint items = 0, known = 0;

  g_assert_no_error (error);
  if (docs == NULL)
    return;
  g_assert_cmpuint (docs->len, >=, 10);
  for (guint d = 0; d < docs->len; d++)
    {
      const CorpusDocument *doc = g_ptr_array_index (docs, d);
      g_autoptr(GPtrArray) claims = tally_extract_claims (doc->text, doc->len, &doc->options);
      g_autoptr(GString) report = g_string_new (NULL);
      CorpusScore score = { 0 };
      g_auto(GStrv) lines = NULL;

      claims_corpus_score (doc, claims, &score, report);
      /* Every difference must be a measure marked as a known miss. */
      lines = g_strsplit (report->str, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          if (lines[l][0] == '\0')
            continue;
          if (g_str_has_suffix (lines[l], "(known miss)"))
            {
              known++;
              continue;
            }
          g_test_message ("%s", lines[l]);
          g_test_fail ();
        }
      items += doc->expected->len;
    }
  g_test_message ("%u annotated claims, %u known measure misses", items, known);
  g_assert_cmpuint (items, >=, 150);
}

/* Random invalid UTF-8, a 10 MB line and a 100,000-digit number. */
static void
test_robust_invalid_utf8 (void)
{
  GRand *rand = g_rand_new_with_seed (20250617);

  for (guint round = 0; round < 200; round++)
    {
      gsize len = g_rand_int_range (rand, 0, 4096);
      g_autofree char *buf = g_malloc (len + 1);
      g_autoptr(GPtrArray) claims = NULL;

      for (gsize i = 0; i < len; i++)
        {
          /* Mostly bytes that matter here: digits, signs, high bytes. */
          static const char alphabet[] = "0123456789 .,-%$€£–—\n\xe2\x80\x82\xc2\xff\xfe\xc0\x80" "abcz";

          buf[i] = g_rand_boolean (rand) ? alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]
                                         : (char) g_rand_int_range (rand, 0, 256);
        }
      buf[len] = '\0';
      claims = tally_extract_claims (buf, len, NULL);
      for (guint c = 0; c < claims->len; c++)
        {
          const TallyClaimRecord *r = g_ptr_array_index (claims, c);

          g_assert_cmpuint (r->start, <, r->end);
          g_assert_cmpuint (r->end, <=, len);
          g_assert_cmpuint (r->sentence_start, <=, r->start);
          g_assert_cmpuint (r->sentence_end, >=, r->end);
        }
    }
  g_rand_free (rand);
}

static void
test_robust_long_line (void)
{
  gsize len = 10 * 1024 * 1024;
  g_autofree char *buf = g_malloc (len + 1);
  const char *unit = "trade rose 35% to $94.8 billion with 12 cooperation agreements ";
  gsize unit_len = strlen (unit);
  g_autoptr(GPtrArray) claims = NULL;
  gint64 t0 = g_get_monotonic_time ();

  for (gsize i = 0; i < len; i++)
    buf[i] = unit[i % unit_len];
  buf[len] = '\0';
  claims = tally_extract_claims (buf, len, NULL);
  /* Three claims per repetition, none lost to the sentence cut. */
  g_assert_cmpuint (claims->len, >=, (len / unit_len) * 3 - 3 * (len / unit_len / 60));
  g_test_message ("10 MB line: %u claims in %.2f s", claims->len, (g_get_monotonic_time () - t0) / 1e6);
}

static void
test_robust_huge_number (void)
{
  gsize digits = 100000;
  g_autoptr(GString) s = g_string_new ("Trade reached $");

  for (gsize i = 0; i < digits; i++)
    g_string_append_c (s, '0' + (char) (i % 10));
  g_string_append (s, " billion, and 1");
  for (gsize i = 0; i < digits; i++)
    g_string_append_c (s, '9');
  g_string_append (s, ".5% of 12 agreements.");
  {
    g_autoptr(GPtrArray) claims = tally_extract_claims (s->str, s->len, NULL);
    const TallyClaimRecord *last;

    /* The absurd numbers are not quantities; the sane one is still found. */
    g_assert_cmpuint (claims->len, ==, 1);
    last = g_ptr_array_index (claims, 0);
    g_assert_cmpfloat (last->value, ==, 12);
    g_assert_cmpstr (last->measure, ==, "agreement");
  }
}

/* The real articles in ../shared/seeds (beside the checkout), when present:
 * facts checked by reading them (no text of theirs is kept here). */
static char *
seeds_dir (void)
{
  return g_build_filename (g_getenv ("TALLY_SOURCE_DIR") ?: ".", "..", "shared", "seeds", NULL);
}

static GPtrArray *
seed_claims (const char  *prefix,
             char       **text_out)
{
  g_autofree char *dir = seeds_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        gsize len;
        TallyExtractOptions o;

        g_assert_true (g_file_get_contents (path, text_out, &len, NULL));
        tally_extract_options_init (&o);
        tally_extract_options_set_reference_date (&o, "2025-06-20");
        return tally_extract_claims (*text_out, len, &o);
      }
  return NULL;
}

static const TallyClaimRecord *
find_claim (GPtrArray  *claims,
            const char *text,
            const char *words)
{
  for (guint i = 0; claims != NULL && i < claims->len; i++)
    {
      const TallyClaimRecord *r = g_ptr_array_index (claims, i);

      if (r->end - r->start == strlen (words) && memcmp (text + r->start, words, r->end - r->start) == 0)
        return r;
    }
  return NULL;
}

static void
test_seeds (void)
{
  g_autofree char *t1 = NULL, *t2 = NULL, *t4 = NULL;
  g_autoptr(GPtrArray) c1 = NULL, c2 = NULL, c4 = NULL;
  const TallyClaimRecord *r;
  g_autofree char *dir = seeds_dir ();

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/seeds is absent");
      return;
    }
  c1 = seed_claims ("001_", &t1);
  c2 = seed_claims ("002_", &t2);
  c4 = seed_claims ("004_", &t4);
  if (c1 == NULL || c2 == NULL || c4 == NULL)
    {
      g_test_skip ("seed files missing");
      return;
    }

  /* The reader-comment counter of 002 is never a claim… */
  for (guint i = 0; i < c2->len; i++)
    {
      r = g_ptr_array_index (c2, i);
      g_assert_false (r->kind == TALLY_CLAIM_KIND_COUNT && r->value == 5);
    }
  /* … while its qualifiers are kept: "over ten" meetings, "less than 48" hours. */
  r = find_claim (c2, t2, "over ten bilateral and multilateral meetings");
  g_assert_nonnull (r);
  g_assert_cmpint (r->qualifier, ==, TALLY_QUALIFIER_OVER);
  g_assert_cmpfloat (r->value, ==, 10);
  r = find_claim (c2, t2, "less than 48 hours");
  g_assert_nonnull (r);
  g_assert_cmpint (r->kind, ==, TALLY_CLAIM_KIND_DURATION);
  g_assert_cmpint (r->qualifier, ==, TALLY_QUALIFIER_UNDER);
  r = find_claim (c2, t2, "12 cooperation agreements");
  g_assert_nonnull (r);
  g_assert_cmpstr (r->measure, ==, "cooperation agreement");

  /* 001: a share with its qualifier, and a year span. */
  r = find_claim (c1, t1, "Over 80%");
  g_assert_nonnull (r);
  g_assert_cmpint (r->qualifier, ==, TALLY_QUALIFIER_OVER);
  g_assert_cmpstr (r->measure, ==, "agreement implemented");
  r = find_claim (c1, t1, "2025-2026");
  g_assert_nonnull (r);
  g_assert_cmpstr (r->value_text, ==, "2025");
  g_assert_cmpstr (r->value_max_text, ==, "2026");
  r = find_claim (c1, t1, "$48 billion");
  g_assert_nonnull (r);
  g_assert_cmpstr (r->unit, ==, "USD");

  /* 004: the money figure in full, tied to its year and measure. */
  r = find_claim (c4, t4, "$94.8 billion");
  g_assert_nonnull (r);
  g_assert_cmpfloat (r->value, ==, 94800000000.0);
  g_assert_cmpstr (r->measure, ==, "trade");
  g_assert_cmpint (r->scope_year, ==, 2024);
  r = find_claim (c4, t4, "June 17, 2025");
  g_assert_nonnull (r);
  g_assert_cmpstr (r->value_text, ==, "2025-06-17");
}

/* The project's own sample articles (data/samples) carry a list of planted
 * facts, written by hand by another author (tests/data/samples): every claim
 * there must come out of the extractor with the same kind, value, unit,
 * qualifier, change and scope. Claims are paired by their sentence and words
 * (a count's words may or may not run on to the noun it counts). */
static void
test_samples (void)
{
  const char *srcdir = g_getenv ("TALLY_SOURCE_DIR");
  g_autofree char *facts_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *facts;
  guint checked = 0;
  static const char * const fields[] = { "kind", "value", "value_max", "unit", "qualifier", "change", "scope" };

  if (srcdir == NULL)
    {
      g_test_skip ("TALLY_SOURCE_DIR not set");
      return;
    }
  facts_path = g_build_filename (srcdir, "tests", "data", "samples", "planted-facts.json", NULL);
  if (!g_file_test (facts_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no planted facts");
      return;
    }
  json_parser_load_from_file (parser, facts_path, &error);
  g_assert_no_error (error);
  facts = json_node_get_array (json_parser_get_root (parser));
  for (guint f = 0; f < json_array_get_length (facts); f++)
    {
      JsonArray *claims = json_object_get_array_member (json_array_get_object_element (facts, f), "claims");

      for (guint i = 0; i < json_array_get_length (claims); i++)
        {
          JsonObject *want = json_array_get_object_element (claims, i);
          const char *file = json_object_get_string_member (want, "file");
          const char *words = json_object_get_string_member (want, "text");
          const char *context = json_object_get_string_member (want, "context");
          g_autofree char *path = g_build_filename (srcdir, "data", "samples", file, NULL);
          g_autoptr(TallyDocumentRecord) record = tally_ingest_file (path, &error);
          g_autoptr(GPtrArray) got = NULL;
          TallyExtractOptions options;
          JsonObject *match = NULL;
          g_autoptr(JsonNode) match_node = NULL;

          g_assert_no_error (error);
          tally_extract_options_init (&options);
          tally_extract_options_set_reference_date (&options, record->published);
          got = tally_extract_claims (record->text, record->text_len, &options);
          for (guint c = 0; c < got->len && match == NULL; c++)
            {
              g_autoptr(JsonNode) node = tally_json_claim_node (g_ptr_array_index (got, c), "c", "d", record->text,
                                                                record->text_len);
              JsonObject *o = json_node_get_object (node);
              const char *text = json_object_get_string_member (o, "text");

              if ((g_str_has_prefix (text, words) || g_str_has_prefix (words, text))
                  && strstr (json_object_get_string_member (o, "sentence"), context) != NULL)
                {
                  match_node = g_steal_pointer (&node);
                  match = json_node_get_object (match_node);
                }
            }
          if (match == NULL)
            {
              g_test_message ("%s: no claim “%s” in “%s”", file, words, context);
              g_test_fail ();
              continue;
            }
          for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
            {
              g_autofree char *a = tally_json_to_string (json_object_get_member (match, fields[k]), 0);
              g_autofree char *b = tally_json_to_string (json_object_get_member (want, fields[k]), 0);

              if (g_strcmp0 (a, b) != 0)
                {
                  g_test_message ("%s: “%s” %s: got %s, planted %s", file, words, fields[k], a, b);
                  g_test_fail ();
                }
            }
          checked++;
        }
    }
  g_test_message ("%u planted claims checked", checked);
  g_assert_cmpuint (checked, >=, 50);
}

/* A subject keeps the "of" complement that says what it measures; a date
 * followed by a "when" clause dates what that clause says happened. */
static void
test_complements_and_when_clauses (void)
{
  check ("Aktau's share of trans-Caspian container traffic rose by 4 percentage points last year, to 31%.", "2026-06-20",
         "4 percentage points => percent|4|-|pp|exact|share of trans-caspian container traffic|true|2025\n"
         "last year => year|2025|-|-|exact|-|false|-\n"
         "31% => percent|31|-|%|exact|share of trans-caspian container traffic|false|2025");
  check ("The port's share of national grain exports reached 40% in 2024.", NULL,
         "40% => percent|40|-|%|exact|share of national grain export|false|2024\n"
         "2024 => year|2024|-|-|exact|-|false|-");
  /* A unit's complement is the substance; a name alone is no complement. */
  check ("A tonne of wheat now costs $185.", NULL, "$185 => money|185|-|USD|exact|tonne|false|-");
  check ("The port of Aktau handled 3 million tonnes.", NULL,
         "3 million tonnes => number|3000000|-|t|exact|port|false|-");
  /* The meeting, not the declaration it went on to draft. */
  check ("Much of the groundwork was laid in April, when foreign ministers met in Astana to draft the declaration.",
         "2026-06-17", "April => date|2026-04|-|-|exact|foreign minister met|false|-");
  check ("Work stopped in March 2020, when the contractors were paid.", NULL,
         "March 2020 => date|2020-03|-|-|exact|contractor paid|false|-");
  /* The clause's object is the event; the date's own clause comes first. */
  check ("Progress came in May 2024, when the leaders signed the treaty.", NULL,
         "May 2024 => date|2024-05|-|-|exact|treaty|false|-");
  check ("The ferry link was opened in 2019, when the new berths were built.", NULL,
         "2019 => year|2019|-|-|exact|ferry link opened|false|-");
  /* "across the region" is no verb. */
  check ("Prices peaked in 2022, when leaders across the region met.", NULL, "2022 => year|2022|-|-|exact|-|false|-");
}

/* Rules found wrong on the bundled samples (issue 5, fact table of issue 6). */
static void
test_figure_periods_and_voices (void)
{
  /* A year right after a figure is its period, not the date of an event
   * named later in the sentence. */
  check ("Freight through the canal reached 9.1 million tonnes in 2023, according to port data, a rise of 12% since the third forum in Varna.", NULL,
         "9.1 million tonnes => number|9100000|-|t|exact|freight|false|2023\n"
         "2023 => year|2023|-|-|exact|-|false|-\n"
         "12% => percent|12|-|%|exact|freight|true|-\n"
         "third => ordinal|3|-|-|exact|forum|false|-");
  /* … while a year after the event noun still dates it. */
  check ("The third forum was held in Varna in 2023.", NULL,
         "third => ordinal|3|-|-|exact|forum|false|-\n"
         "2023 => year|2023|-|-|exact|third forum|false|-");
  /* "between A and B" is a complement of the noun measured. */
  check ("The ministry put tourism between the two islands at $3 billion in 2024.", NULL,
         "two islands => count|2|-|-|exact|island|false|-\n"
         "$3 billion => money|3000000000|-|USD|exact|tourism|false|2024\n"
         "2024 => year|2024|-|-|exact|-|false|-");
  /* The level reached after a change "by" keeps the change's measure. */
  check ("The lake's share of regional water use fell by 3 percentage points in 2022, to 17%.", NULL,
         "3 percentage points => percent|3|-|pp|exact|share of regional water use|true|2022\n"
         "2022 => year|2022|-|-|exact|-|false|-\n"
         "17% => percent|17|-|%|exact|share of regional water use|false|2022");
  /* A quoted "today" is the day the words were spoken, not the day of
   * publication; and the event outside the quote does not date it. */
  check ("\"Today we closed the last gap in the dam,\" the engineer said at the opening ceremony.", "2025-09-03",
         "Today => date|-|-|-|exact|-|false|-");
  check ("The engineer said the dam opened today after the ceremony.", "2025-09-03",
         "today => date|2025-09-03|-|-|exact|ceremony|false|-");
  check ("The mayor said the fair put the town \"on the map for buyers who ignored it a year ago\".", "2025-09-03",
         "a year ago => year|2024|-|-|exact|-|false|-");
  /* The date of an action on its subject. */
  check ("The treaties, ratified on 4 May 2021, cover fishing rights.", NULL,
         "4 May 2021 => date|2021-05-04|-|-|exact|treaty ratified|false|-");
  check ("The new bridges were opened in October 2020.", NULL,
         "October 2020 => date|2020-10|-|-|exact|bridge opened|false|-");
  /* "of them" is a share of what was counted before. */
  check ("Ministers adopted 20 resolutions, and about 40% of them were funded.", NULL,
         "20 resolutions => count|20|-|-|exact|resolution|false|-\n"
         "about 40% => percent|40|-|%|approx|resolution funded|false|-");
  /* "more than a dozen" keeps its qualifier and what it counts. */
  check ("Delegates signed more than a dozen protocols.", NULL,
         "more than a dozen protocols => count|12|-|-|over|protocol|false|-");
}

/* No publication date: "on 9 March" takes the year the document's own
 * explicit dates agree on, marked inferred; disagreeing dates and "last
 * April" leave it unresolved. */
static void
test_infer_years (void)
{
  const char *agree = "The ferry line opened in 2019. Its second vessel sails on 9 March, and a third follows in June. Fares rose 4% in 2019.";
  const char *split = "The line opened in 2019 and was sold in 2021. The vessel sails on 9 March.";
  const char *relative = "The line opened in 2019. Trade fell last April. Fares rose 4% in 2019.";
  g_autoptr(GPtrArray) a = tally_extract_claims (agree, strlen (agree), NULL);
  g_autoptr(GPtrArray) b = tally_extract_claims (split, strlen (split), NULL);
  g_autoptr(GPtrArray) c = tally_extract_claims (relative, strlen (relative), NULL);
  guint dated = 0;

  for (guint i = 0; i < a->len; i++)
    {
      const TallyClaimRecord *r = g_ptr_array_index (a, i);

      if (r->kind != TALLY_CLAIM_KIND_DATE)
        continue;
      g_assert_true (r->has_value);
      g_assert_true (r->year_inferred);
      g_assert_null (r->relative);
      g_assert_true (g_str_equal (r->value_text, "2019-03-09") || g_str_equal (r->value_text, "2019-06"));
      dated++;
    }
  g_assert_cmpuint (dated, ==, 2);
  /* One bare year is not enough: it may be history the article recalls. */
  {
    const char *once = "The line opened in 2019. The vessel sails on 9 March.";
    g_autoptr(GPtrArray) d = tally_extract_claims (once, strlen (once), NULL);

    for (guint i = 0; i < d->len; i++)
      g_assert_false (((TallyClaimRecord *) g_ptr_array_index (d, i))->year_inferred);
  }
  for (guint i = 0; i < b->len; i++)
    {
      const TallyClaimRecord *r = g_ptr_array_index (b, i);

      g_assert_false (r->year_inferred);
      if (r->kind == TALLY_CLAIM_KIND_DATE)
        g_assert_false (r->has_value);
    }
  for (guint i = 0; i < c->len; i++)
    g_assert_false (((TallyClaimRecord *) g_ptr_array_index (c, i))->year_inferred);
}

/* An article names its gathering once with a titled ordinal; a later bare
 * "the meeting"/"this summit" dated in the text is that gathering. */
static void
test_named_gathering (void)
{
  check ("The Fifth Alpine Rivers Forum opened in Linz with 14 delegations. The three-day meeting ends on 12 May 2027.", NULL,
         "Fifth => ordinal|5|-|-|exact|forum|false|-\n"
         "14 delegations => count|14|-|-|exact|delegation|false|-\n"
         "three-day => duration|3|-|day|exact|meeting end|false|-\n"
         "12 May 2027 => date|2027-05-12|-|-|exact|fifth forum|false|-");
  /* Without a titled gathering earlier, the bare noun stays what it is … */
  check ("Officials said 14 delegations came. The meeting ends on 12 May 2027.", NULL,
         "14 delegations => count|14|-|-|exact|delegation|false|-\n"
         "12 May 2027 => date|2027-05-12|-|-|exact|meeting|false|-");
  /* … and "a meeting" is another one. */
  check ("The Fifth Alpine Rivers Forum opened with 14 delegations. A meeting of experts follows on 20 May 2027.", NULL,
         "Fifth => ordinal|5|-|-|exact|forum|false|-\n"
         "14 delegations => count|14|-|-|exact|delegation|false|-\n"
         "20 May 2027 => date|2027-05-20|-|-|exact|meeting|false|-");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Report every differing item, not just the first. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/analysis/claims/money", test_money);
  g_test_add_func ("/analysis/claims/weekdays", test_weekdays);
  g_test_add_func ("/analysis/claims/periods-compared", test_periods_compared);
  g_test_add_func ("/analysis/claims/percent", test_percent);
  g_test_add_func ("/analysis/claims/counts-and-measures", test_counts_and_measures);
  g_test_add_func ("/analysis/claims/named-groups", test_named_groups);
  g_test_add_func ("/analysis/claims/number-words", test_number_words);
  g_test_add_func ("/analysis/claims/ranges", test_ranges);
  g_test_add_func ("/analysis/claims/qualifiers", test_qualifiers);
  g_test_add_func ("/analysis/claims/change", test_change);
  g_test_add_func ("/analysis/claims/scope", test_scope);
  g_test_add_func ("/analysis/claims/dates", test_dates);
  g_test_add_func ("/analysis/claims/durations-and-units", test_durations_and_units);
  g_test_add_func ("/analysis/claims/never-claims", test_never_claims);
  g_test_add_func ("/analysis/claims/more-rules", test_more_rules);
  g_test_add_func ("/analysis/claims/measure-of-verb", test_measure_of_verb);
  g_test_add_func ("/analysis/claims/offsets", test_offsets);
  g_test_add_func ("/analysis/claims/figure-periods-and-voices", test_figure_periods_and_voices);
  g_test_add_func ("/analysis/claims/complements-and-when-clauses", test_complements_and_when_clauses);
  g_test_add_func ("/analysis/claims/named-gathering", test_named_gathering);
  g_test_add_func ("/analysis/claims/reference-date", test_reference_date_parsing);
  g_test_add_func ("/analysis/claims/corpus", test_corpus);
  g_test_add_func ("/analysis/claims/seeds", test_seeds);
  g_test_add_func ("/analysis/claims/samples", test_samples);
  g_test_add_func ("/analysis/claims/robust/invalid-utf8", test_robust_invalid_utf8);
  g_test_add_func ("/analysis/claims/robust/long-line", test_robust_long_line);
  g_test_add_func ("/analysis/claims/robust/huge-number", test_robust_huge_number);
  g_test_add_func ("/analysis/lemma", test_lemma);
  g_test_add_func ("/analysis/lexicon/errors", test_lexicon_errors);
  g_test_add_func ("/analysis/sentences", test_sentences);
  g_test_add_func ("/analysis/claims/infer-years", test_infer_years);

  return g_test_run ();
}
