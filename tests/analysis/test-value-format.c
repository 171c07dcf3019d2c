/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "tally-facts.h"

/* The value formatter on its own: how a claim's value reads in data (JSON,
 * CSV) and for people (dates in words, unit codes spelled out), for values
 * made up for this test. */

typedef struct
{
  TallyClaimKind kind;
  const char *unit;
  double value;
  gboolean has_max;
  double value_max;
  const char *text;
  const char *text_max;
  TallyQualifier qualifier;
  gboolean nearly;
  const char *data;        /* tally_fact_format_value () */
  const char *readable;    /* tally_fact_format_value_readable () */
} Case;

static const Case cases[] = {
  { TALLY_CLAIM_KIND_MONEY, "USD", 2.5e9, FALSE, 0, NULL, NULL, TALLY_QUALIFIER_EXACT, FALSE,
    "$2.5 billion", "$2.5 billion" },
  { TALLY_CLAIM_KIND_PERCENT, NULL, 7, FALSE, 0, NULL, NULL, TALLY_QUALIFIER_OVER, FALSE,
    "over 7%", "over 7%" },
  { TALLY_CLAIM_KIND_COUNT, NULL, 40, FALSE, 0, NULL, NULL, TALLY_QUALIFIER_APPROX, TRUE,
    "nearly 40", "nearly 40" },
  { TALLY_CLAIM_KIND_COUNT, NULL, 40, FALSE, 0, NULL, NULL, TALLY_QUALIFIER_APPROX, FALSE,
    "about 40", "about 40" },
  { TALLY_CLAIM_KIND_ORDINAL, NULL, 3, FALSE, 0, NULL, NULL, TALLY_QUALIFIER_EXACT, FALSE,
    "3rd", "3rd" },
  { TALLY_CLAIM_KIND_NUMBER, "km", 1150, FALSE, 0, NULL, NULL, TALLY_QUALIFIER_EXACT, FALSE,
    "1,150 km", "1,150 km" },
  /* A unit code in data, its name for people. */
  { TALLY_CLAIM_KIND_NUMBER, "t", 2e6, FALSE, 0, NULL, NULL, TALLY_QUALIFIER_EXACT, FALSE,
    "2 million t", "2 million tonnes" },
  /* A count given to the unit reads whole for people; a rounded one keeps its scale. */
  { TALLY_CLAIM_KIND_COUNT, NULL, 1808581, FALSE, 0, NULL, NULL, TALLY_QUALIFIER_EXACT, FALSE,
    "1.808581 million", "1,808,581" },
  { TALLY_CLAIM_KIND_COUNT, NULL, 1.846e6, FALSE, 0, NULL, NULL, TALLY_QUALIFIER_EXACT, FALSE,
    "1.846 million", "1.846 million" },
  { TALLY_CLAIM_KIND_MONEY, "USD", 2.5e9, TRUE, 3012345678, NULL, NULL, TALLY_QUALIFIER_EXACT, FALSE,
    "$2.5–3.012346 billion", "$2,500,000,000–3,012,345,678" },
  { TALLY_CLAIM_KIND_YEAR, NULL, 0, FALSE, 0, "2028", NULL, TALLY_QUALIFIER_EXACT, FALSE,
    "2028", "2028" },
  /* A date range: ISO in data, words for people. */
  { TALLY_CLAIM_KIND_DATE, NULL, 0, TRUE, 0, "2026-06-16", "2026-06-17", TALLY_QUALIFIER_EXACT, FALSE,
    "2026-06-16–2026-06-17", "16–17 June 2026" },
  { TALLY_CLAIM_KIND_DATE, NULL, 0, FALSE, 0, "2026-06", NULL, TALLY_QUALIFIER_EXACT, FALSE,
    "2026-06", "June 2026" },
  /* Ends of several words get spaces round the dash, as the timeline writes them. */
  { TALLY_CLAIM_KIND_DATE, NULL, 0, TRUE, 0, "2026-06-30", "2026-07-02", TALLY_QUALIFIER_EXACT, FALSE,
    "2026-06-30–2026-07-02", "30 June – 2 July 2026" },
  { TALLY_CLAIM_KIND_DATE, NULL, 0, TRUE, 0, "2026-09", "2026-11", TALLY_QUALIFIER_EXACT, FALSE,
    "2026-09–2026-11", "September–November 2026" },
};

static void
test_value_format_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autofree char *data = tally_fact_format_value (c->kind, c->unit, c->value, c->has_max, c->value_max,
                                                       c->text, c->text_max, c->qualifier, c->nearly);
      g_autofree char *readable = tally_fact_format_value_readable (c->kind, c->unit, c->value, c->has_max,
                                                                    c->value_max, c->text, c->text_max,
                                                                    c->qualifier, c->nearly);

      g_test_message ("%u: %s | %s", i, data, readable);
      g_assert_cmpstr (data, ==, c->data);
      g_assert_cmpstr (readable, ==, c->readable);
    }
}

/* Facts and the timeline write a date the same way. */
static void
test_date_readable (void)
{
  static const char *const cases[][3] = {
    { "2026-06-16", "2026-06-17", "16–17 June 2026" },
    { "2026-06-30", "2026-07-02", "30 June – 2 July 2026" },
    { "2025-12-30", "2026-01-02", "30 December 2025 – 2 January 2026" },
    { "2025-12", "2026-02", "December 2025 – February 2026" },
    { "2026", "2027", "2026–2027" },
    { "2026-06", "2026-07-03", "June 2026 – 3 July 2026" },
    { "2026-06-17T09:30", NULL, "17 June 2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = tally_format_date_readable (cases[i][0], cases[i][1]);

      g_assert_cmpstr (text, ==, cases[i][2]);
    }
  g_assert_null (tally_format_date_readable ("1990s", NULL));
}

static void
test_format_number_readable (void)
{
  g_autofree char *grouped = tally_format_number_readable (1200.5);
  g_autofree char *whole = tally_format_number_readable (14);

  g_assert_cmpstr (grouped, ==, "1,200.5");
  g_assert_cmpstr (whole, ==, "14");
}

int
main (int    argc,
      char **argv)
{
  /* English marks: the locale's own are test-locale's business. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analysis/value-format/cases", test_value_format_cases);
  g_test_add_func ("/analysis/value-format/number-readable", test_format_number_readable);
  g_test_add_func ("/analysis/value-format/date-readable", test_date_readable);
  return g_test_run ();
}
