/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>

#include "tally-partial-date.h"

/* The one parser of ISO partial dates (issue 15). */
static void
test_parse (void)
{
  static const struct { const char *text; TallyPartialDateFlags flags; gboolean ok; int y, m, d; } cases[] = {
    { "2026", 0, TRUE, 2026, 0, 0 },
    { "2026-06", 0, TRUE, 2026, 6, 0 },
    { "2026-06-17", 0, TRUE, 2026, 6, 17 },
    { "2024-02-29", 0, TRUE, 2024, 2, 29 },
    { "2023-02-29", 0, FALSE, 0, 0, 0 },   /* no such day */
    { "2026-13", 0, FALSE, 0, 0, 0 },
    { "2026-00-10", 0, FALSE, 0, 0, 0 },
    { "2026-6-17", 0, FALSE, 0, 0, 0 },    /* two digits each */
    { "0000", 0, FALSE, 0, 0, 0 },
    { "1990s", 0, FALSE, 0, 0, 0 },
    { "-2026", 0, FALSE, 0, 0, 0 },
    { "2026/06/17", 0, FALSE, 0, 0, 0 },
    { "", 0, FALSE, 0, 0, 0 },
    { "2026-06-17T09:30Z", 0, FALSE, 0, 0, 0 },
    { "2026-06-17T09:30Z", TALLY_PARTIAL_DATE_ALLOW_TIME, TRUE, 2026, 6, 17 },
    { "2026-06-17 09:30", TALLY_PARTIAL_DATE_ALLOW_TIME, TRUE, 2026, 6, 17 },
    { "2026-06-17x", TALLY_PARTIAL_DATE_ALLOW_TIME, FALSE, 0, 0, 0 },
    { "2026-06T09", TALLY_PARTIAL_DATE_ALLOW_TIME, FALSE, 0, 0, 0 },  /* a time only after a day */
    { "2026-06", TALLY_PARTIAL_DATE_DAY_ONLY, FALSE, 0, 0, 0 },
    { "2026-06-17", TALLY_PARTIAL_DATE_DAY_ONLY, TRUE, 2026, 6, 17 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TallyPartialDate date = { 1, 1, 1 };

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (tally_partial_date_parse (cases[i].text, cases[i].flags, &date), ==, cases[i].ok);
      g_assert_cmpint (date.year, ==, cases[i].y);
      g_assert_cmpint (date.month, ==, cases[i].m);
      g_assert_cmpint (date.day, ==, cases[i].d);
    }
  {
    TallyPartialDate date = { 1, 1, 1 };

    g_assert_false (tally_partial_date_parse (NULL, 0, &date));
    g_assert_cmpint (date.year, ==, 0);
  }
}

static void
test_julian_span (void)
{
  TallyPartialDate year = { 2024, 0, 0 }, month = { 2024, 2, 0 }, day = { 2024, 2, 29 };
  guint32 first, last;
  GDate g;

  g_date_clear (&g, 1);
  tally_partial_date_get_julian_span (&year, &first, &last);
  g_assert_cmpuint (last - first + 1, ==, 366);   /* a leap year */
  g_date_set_julian (&g, first);
  g_assert_cmpint (g_date_get_month (&g), ==, 1);
  g_assert_cmpint (g_date_get_day (&g), ==, 1);
  tally_partial_date_get_julian_span (&month, &first, &last);
  g_assert_cmpuint (last - first + 1, ==, 29);
  tally_partial_date_get_julian_span (&day, &first, &last);
  g_assert_cmpuint (first, ==, last);
  g_date_set_julian (&g, first);
  g_assert_cmpint (g_date_get_day (&g), ==, 29);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/partial-date/parse", test_parse);
  g_test_add_func ("/partial-date/julian-span", test_julian_span);
  return g_test_run ();
}
