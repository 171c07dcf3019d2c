/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "tally-claims.h"
#include "tally-facts.h"

/* Numbers under the locales analysts use: the form people read takes the
 * locale's decimal and group marks, the data form (JSON, CSV) never does,
 * and the claim engine reads "$1.1 billion" the same everywhere. The build
 * environment generates these locales (locales-all), so a missing one is a
 * failure, not a skip. No message catalogue is bound here: the words stay
 * English and only the marks (and the C library's month names) change. */

#define MONEY TALLY_CLAIM_KIND_MONEY
#define PERCENT TALLY_CLAIM_KIND_PERCENT
#define COUNT TALLY_CLAIM_KIND_COUNT
#define NUMBER TALLY_CLAIM_KIND_NUMBER
#define DATE TALLY_CLAIM_KIND_DATE

typedef struct
{
  TallyClaimKind kind;
  const char *unit;
  double value;
  const char *date;
  const char *data;       /* tally_fact_format_value, identical in every locale */
  const char *c;          /* readable, C.UTF-8 */
  const char *de;         /* readable, de_DE.UTF-8 */
  const char *ru;         /* readable, ru_RU.UTF-8 */
} FormatCase;

/* U+202F NARROW NO-BREAK SPACE, glibc's ru_RU thousands separator. */
#define NNBSP "\u202f"

static const FormatCase cases[] = {
  { MONEY, "USD", 1.1e9, NULL, "$1.1 billion", "$1.1 billion", "$1,1 billion", "$1,1 billion" },
  { MONEY, "USD", 1.5e6, NULL, "$1.5 million", "$1.5 million", "$1,5 million", "$1,5 million" },
  { MONEY, "EUR", 94.75e9, NULL, "€94.75 billion", "€94.75 billion", "€94,75 billion", "€94,75 billion" },
  { MONEY, "CHF", 1500, NULL, "1,500 CHF", "1,500 CHF", "1.500 CHF", "1" NNBSP "500 CHF" },
  { COUNT, NULL, 88213, NULL, "88,213", "88,213", "88.213", "88" NNBSP "213" },
  /* Given to the unit, a count reads whole for people; rounded, it keeps its scale. */
  { COUNT, NULL, 1234567, NULL, "1.234567 million", "1,234,567", "1.234.567", "1" NNBSP "234" NNBSP "567" },
  { COUNT, NULL, 1234000, NULL, "1.234 million", "1.234 million", "1,234 million", "1,234 million" },
  { PERCENT, "%", 33.33, NULL, "33.33%", "33.33%", "33,33%", "33,33%" },
  { NUMBER, "km", 1200.5, NULL, "1,200.5 km", "1,200.5 km", "1.200,5 km", "1" NNBSP "200,5 km" },
  { DATE, NULL, 0, "2026-06-17", "2026-06-17", "17 June 2026", "17 Juni 2026", "17 июня 2026" },
  { DATE, NULL, 0, "2026-06", "2026-06", "June 2026", "Juni 2026", "Июнь 2026" },
};

static void
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    g_error ("locale %s is missing from the build environment (build-aux/sdk-packages: locales-all)", name);
}

static void
check_cases (const char *locale,
             gsize       column)
{
  use_locale (locale);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const FormatCase *c = &cases[i];
      const char *expected = column == 0 ? c->c : column == 1 ? c->de : c->ru;
      g_autofree char *readable = tally_fact_format_value_readable (c->kind, c->unit, c->value, FALSE, 0, c->date,
                                                                    NULL, TALLY_QUALIFIER_EXACT, FALSE);
      g_autofree char *data = tally_fact_format_value (c->kind, c->unit, c->value, FALSE, 0, c->date, NULL,
                                                       TALLY_QUALIFIER_EXACT, FALSE);

      g_assert_cmpstr (readable, ==, expected);
      g_assert_cmpstr (data, ==, c->data);
    }
  setlocale (LC_ALL, "C");
}

static void
test_format_c (void)
{
  check_cases ("C.UTF-8", 0);
}

static void
test_format_de (void)
{
  check_cases ("de_DE.UTF-8", 1);
}

static void
test_format_ru (void)
{
  check_cases ("ru_RU.UTF-8", 2);
}

/* Ranges and qualifiers keep the marks on both ends. */
static void
test_format_range (void)
{
  g_autofree char *de = NULL;
  g_autofree char *data = NULL;

  use_locale ("de_DE.UTF-8");
  de = tally_fact_format_value_readable (MONEY, "USD", 2.5e9, TRUE, 3.75e9, NULL, NULL, TALLY_QUALIFIER_APPROX,
                                         FALSE);
  data = tally_fact_format_value (MONEY, "USD", 2.5e9, TRUE, 3.75e9, NULL, NULL, TALLY_QUALIFIER_APPROX, FALSE);
  setlocale (LC_ALL, "C");
  g_assert_cmpstr (de, ==, "about $2,5–3,75 billion");
  g_assert_cmpstr (data, ==, "about $2.5–3.75 billion");
}

static void
test_number_readable (void)
{
  struct { const char *locale; double value; const char *expected; } numbers[] = {
    { "C.UTF-8", 1234567.25, "1,234,567.25" },
    { "de_DE.UTF-8", 1234567.25, "1.234.567,25" },
    { "ru_RU.UTF-8", 1234567.25, "1" NNBSP "234" NNBSP "567,25" },
    { "de_DE.UTF-8", -0.5, "-0,5" },
    { "de_DE.UTF-8", 999, "999" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = NULL;

      use_locale (numbers[i].locale);
      text = tally_format_number_readable (numbers[i].value);
      setlocale (LC_ALL, "C");
      g_assert_cmpstr (text, ==, numbers[i].expected);
    }
}

/* The claim editor's entry: the value shown with the locale's decimal mark
 * and read back into the data form the corrections store. */
static void
test_entry_text (void)
{
  struct { const char *locale, *data, *shown; } cases[] = {
    { "C.UTF-8", "1.5-2.25", "1.5-2.25" },
    { "de_DE.UTF-8", "1.5-2.25", "1,5-2,25" },
    { "ru_RU.UTF-8", "48200000000", "48200000000" },
    { "ru_RU.UTF-8", "0.35", "0,35" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = NULL;
      g_autofree char *back = NULL;
      g_autofree char *typed_point = NULL;

      use_locale (cases[i].locale);
      shown = tally_number_text_to_locale (cases[i].data);
      back = tally_number_text_from_locale (shown);
      typed_point = tally_number_text_from_locale (cases[i].data);
      setlocale (LC_ALL, "C");
      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_cmpstr (back, ==, cases[i].data);
      g_assert_cmpstr (typed_point, ==, cases[i].data);
    }
}

/* The claim engine reads the text's own marks, whatever the process locale. */
static void
test_claims_parse (void)
{
  const char *locales[] = { "C.UTF-8", "de_DE.UTF-8", "ru_RU.UTF-8" };
  const char *text = "Freight through the port rose to $1.1 billion in 2025, and 12,500.5 tonnes were moved.";

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autoptr(GPtrArray) claims = NULL;
      gboolean money = FALSE, tonnes = FALSE;

      use_locale (locales[i]);
      claims = tally_extract_claims (text, strlen (text), NULL);
      setlocale (LC_ALL, "C");
      for (guint j = 0; j < claims->len; j++)
        {
          TallyClaimRecord *claim = g_ptr_array_index (claims, j);

          if (claim->kind == MONEY)
            {
              g_assert_cmpfloat (fabs (claim->value - 1.1e9), <, 1);
              money = TRUE;
            }
          if (claim->kind == NUMBER)
            {
              g_assert_cmpfloat (fabs (claim->value - 12500.5), <, 1e-9);
              tonnes = TRUE;
            }
        }
      g_assert_true (money);
      g_assert_true (tonnes);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/locale/format/c-utf8", test_format_c);
  g_test_add_func ("/locale/format/de-de", test_format_de);
  g_test_add_func ("/locale/format/ru-ru", test_format_ru);
  g_test_add_func ("/locale/format/range", test_format_range);
  g_test_add_func ("/locale/number-readable", test_number_readable);
  g_test_add_func ("/locale/claims-parse", test_claims_parse);
  g_test_add_func ("/locale/entry-text", test_entry_text);
  return g_test_run ();
}
