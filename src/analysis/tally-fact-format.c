/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-facts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How fact values read in tables and explanations: fewest digits, thousands
 * separated, scale words for money and big quantities. */

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
  GString *out = g_string_new (qualifier_prefix (qualifier, nearly));
  const char *symbol;

  switch (kind)
    {
    case TALLY_CLAIM_KIND_YEAR:
    case TALLY_CLAIM_KIND_DATE:
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
        g_string_append_printf (out, " %s", unit);
      break;
    }
  return g_string_free (out, FALSE);
}
