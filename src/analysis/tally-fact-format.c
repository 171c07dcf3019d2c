/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-facts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally-fact-lexicon.h"

/* How fact values read in tables and explanations: fewest digits, thousands
 * separated, scale words for money and big quantities. Two forms: the data
 * form JSON and CSV print (ISO dates, unit codes: "2026-06-16–2026-06-17",
 * "3.5 million t"), and the form people read in the Facts view and the
 * report (dates in words, units spelled out where the fact lexicon says how:
 * "16–17 June 2026", "3.5 million tonnes"). */

/* "1200" → "1,200", "48.2" stays; fewest decimals that give `value` back. */
static void
append_number (GString *out,
               double   value)
{
  char buf[64];
  const char *digits;
  const char *dot;
  gsize int_len;

  for (int decimals = 0; decimals <= 6; decimals++)
    {
      g_snprintf (buf, sizeof buf, "%.*f", decimals, value);
      if (fabs (g_ascii_strtod (buf, NULL) - value) <= 1e-9 * MAX (1.0, fabs (value)))
        break;
    }
  digits = buf;
  if (*digits == '-')
    {
      g_string_append_c (out, '-');
      digits++;
    }
  dot = strchr (digits, '.');
  int_len = dot != NULL ? (gsize) (dot - digits) : strlen (digits);
  for (gsize i = 0; i < int_len; i++)
    {
      /* Years never come here: date facts print their own text. */
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (dot != NULL)
    g_string_append (out, dot);
}

static double
scale_of (double value,
          const char **word)
{
  double magnitude = fabs (value);

  if (magnitude >= 1e12)
    return *word = " trillion", 1e12;
  if (magnitude >= 1e9)
    return *word = " billion", 1e9;
  if (magnitude >= 1e6)
    return *word = " million", 1e6;
  return *word = "", 1;
}

static const char *
currency_symbol (const char *unit)
{
  static const struct { const char *code, *symbol; } symbols[] = {
    { "USD", "$" }, { "EUR", "€" }, { "GBP", "£" }, { "JPY", "¥" }, { "CNY", "¥" }, { "RUB", "₽" },
    { "KZT", "₸" }, { "INR", "₹" }, { "TRY", "₺" },
  };

  for (guint i = 0; unit != NULL && i < G_N_ELEMENTS (symbols); i++)
    if (g_str_equal (unit, symbols[i].code))
      return symbols[i].symbol;
  return NULL;
}

static const char *
qualifier_prefix (TallyQualifier qualifier,
                  gboolean       nearly)
{
  switch (qualifier)
    {
    case TALLY_QUALIFIER_APPROX: return nearly ? "nearly " : "about ";
    case TALLY_QUALIFIER_OVER: return "over ";
    case TALLY_QUALIFIER_UNDER: return "under ";
    case TALLY_QUALIFIER_AT_LEAST: return "at least ";
    case TALLY_QUALIFIER_AT_MOST: return "at most ";
    case TALLY_QUALIFIER_EXACT:
    default: return "";
    }
}

static void
append_ordinal (GString *out,
                double   value)
{
  long n = lround (value);
  const char *suffix = "th";

  if (n % 100 < 11 || n % 100 > 13)
    suffix = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
  g_string_append_printf (out, "%ld%s", n, suffix);
}

/* "5–7", "$2.5–3 billion": both ends on the scale of the larger. */
static void
append_scaled (GString    *out,
               double      value,
               gboolean    has_max,
               double      value_max,
               gboolean    use_scale)
{
  const char *word = "";
  double scale = use_scale ? scale_of (has_max ? value_max : value, &word) : 1;

  append_number (out, value / scale);
  if (has_max)
    {
      g_string_append (out, "–");
      append_number (out, value_max / scale);
    }
  g_string_append (out, word);
}

typedef struct
{
  int year, month, day;   /* month and day 0 when not given */
} IsoDate;

/* "2026", "2026-06", "2026-06-17"; FALSE for anything else ("1990s"). */
static gboolean
parse_iso_date (const char *text,
                IsoDate    *date)
{
  char *end;

  *date = (IsoDate) { 0, 0, 0 };
  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  date->year = (int) strtol (text, &end, 10);
  if (end - text != 4)
    return FALSE;
  if (*end == '-')
    {
      const char *m = end + 1;

      date->month = (int) strtol (m, &end, 10);
      if (end - m != 2 || date->month < 1 || date->month > 12)
        return FALSE;
    }
  if (date->month != 0 && *end == '-')
    {
      const char *d = end + 1;

      date->day = (int) strtol (d, &end, 10);
      if (end - d != 2 || date->day < 1 || date->day > 31)
        return FALSE;
    }
  return *end == '\0';
}

/* "17 June 2026", "June 2026", "2026": `with_month`/`with_year` FALSE leave
 * them out for the first end of a span that shares them ("16–17 June"). */
static void
append_date_words (GString          *out,
                   TallyFactLexicon *lexicon,
                   const IsoDate    *date,
                   gboolean          with_month,
                   gboolean          with_year)
{
  if (date->day != 0)
    g_string_append_printf (out, "%d", date->day);
  if (date->month != 0 && with_month)
    g_string_append_printf (out, "%s%s", date->day != 0 ? " " : "", tally_fact_lexicon_month_name (lexicon, date->month));
  if (with_year)
    g_string_append_printf (out, "%s%d", date->month != 0 && (with_month || date->day != 0) ? " " : "", date->year);
}

/* A date or span in words; FALSE when the texts are not ISO dates of one
 * precision or the lexicon has no month names (then they print as they are). */
static gboolean
append_readable_date (GString          *out,
                      TallyFactLexicon *lexicon,
                      const char       *value_text,
                      const char       *value_max_text)
{
  IsoDate from, to;
  gboolean same_year, same_month;

  if (tally_fact_lexicon_month_name (lexicon, 1) == NULL || !parse_iso_date (value_text, &from))
    return FALSE;
  if (value_max_text == NULL)
    {
      append_date_words (out, lexicon, &from, TRUE, TRUE);
      return TRUE;
    }
  if (!parse_iso_date (value_max_text, &to) || (from.month == 0) != (to.month == 0) || (from.day == 0) != (to.day == 0))
    return FALSE;
  /* "16–17 June 2026", "30 June–2 July 2026", "May–June 2026", "2026–2027". */
  same_year = from.year == to.year && from.month != 0;
  same_month = same_year && from.month == to.month && from.day != 0;
  append_date_words (out, lexicon, &from, !same_month, !same_year);
  g_string_append (out, "–");
  append_date_words (out, lexicon, &to, TRUE, TRUE);
  return TRUE;
}

/* The unit after a number: the lexicon's name for people ("tonnes"), or the
 * code ("km"). */
static const char *
unit_words (TallyFactLexicon *lexicon,
            const char       *unit,
            gboolean          plural)
{
  const char *name = lexicon != NULL ? tally_fact_lexicon_unit_name (lexicon, unit, plural) : NULL;

  return name != NULL ? name : unit;
}

/* `lexicon` NULL: the data form; otherwise the form people read. */
static char *
format_value (TallyFactLexicon *lexicon,
              TallyClaimKind    kind,
              const char       *unit,
              double            value,
              gboolean          has_value_max,
              double            value_max,
              const char       *value_text,
              const char       *value_max_text,
              TallyQualifier    qualifier,
              gboolean          nearly)
{
  GString *out = g_string_new (qualifier_prefix (qualifier, nearly));
  const char *symbol;

  switch (kind)
    {
    case TALLY_CLAIM_KIND_YEAR:
    case TALLY_CLAIM_KIND_DATE:
      if (lexicon != NULL && append_readable_date (out, lexicon, value_text, value_max_text))
        break;
      if (value_text != NULL)
        g_string_append (out, value_text);
      else
        append_number (out, value);
      if (value_max_text != NULL)
        g_string_append_printf (out, "–%s", value_max_text);
      break;

    case TALLY_CLAIM_KIND_MONEY:
      symbol = currency_symbol (unit);
      if (symbol != NULL)
        g_string_append (out, symbol);
      append_scaled (out, value, has_value_max, value_max, TRUE);
      if (symbol == NULL && unit != NULL)
        g_string_append_printf (out, " %s", unit);
      break;

    case TALLY_CLAIM_KIND_PERCENT:
      append_scaled (out, value, has_value_max, value_max, FALSE);
      if (g_strcmp0 (unit, "pp") == 0)
        g_string_append (out, " pp");
      else
        g_string_append_c (out, '%');
      break;

    case TALLY_CLAIM_KIND_ORDINAL:
      append_ordinal (out, value);
      break;

    case TALLY_CLAIM_KIND_DURATION:
      append_scaled (out, value, has_value_max, value_max, FALSE);
      if (unit != NULL)
        g_string_append_printf (out, " %s%s", unit,
                                (has_value_max || value != 1) && !g_str_has_suffix (unit, "s") ? "s" : "");
      break;

    case TALLY_CLAIM_KIND_COUNT:
    case TALLY_CLAIM_KIND_NUMBER:
    default:
      append_scaled (out, value, has_value_max, value_max, fabs (has_value_max ? value_max : value) >= 1e6);
      if (unit != NULL)
        g_string_append_printf (out, " %s", unit_words (lexicon, unit, has_value_max || value != 1));
      break;
    }
  return g_string_free (out, FALSE);
}

char *
tally_fact_format_value (TallyClaimKind  kind,
                         const char     *unit,
                         double          value,
                         gboolean        has_value_max,
                         double          value_max,
                         const char     *value_text,
                         const char     *value_max_text,
                         TallyQualifier  qualifier,
                         gboolean        nearly)
{
  return format_value (NULL, kind, unit, value, has_value_max, value_max, value_text, value_max_text, qualifier,
                       nearly);
}

char *
tally_fact_format_value_readable (TallyClaimKind  kind,
                                  const char     *unit,
                                  double          value,
                                  gboolean        has_value_max,
                                  double          value_max,
                                  const char     *value_text,
                                  const char     *value_max_text,
                                  TallyQualifier  qualifier,
                                  gboolean        nearly)
{
  return format_value (tally_fact_lexicon_get_default (), kind, unit, value, has_value_max, value_max, value_text,
                       value_max_text, qualifier, nearly);
}
