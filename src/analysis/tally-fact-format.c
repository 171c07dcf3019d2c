/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-facts.h"

#include <glib/gi18n-lib.h>
#include <limits.h>
#include <locale.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally-fact-lexicon.h"
#include "tally-partial-date.h"

/* How fact values read in tables and explanations: fewest digits, thousands
 * separated, scale words for money and big quantities. Two forms: the data
 * form JSON and CSV print (ISO dates, unit codes: "2026-06-16–2026-06-17",
 * "3.5 million t"), and the form people read in the Facts view and the
 * report (dates in words, units spelled out where the fact lexicon says how:
 * "16–17 June 2026", "3.5 million tonnes"). */

/* How numbers are written: the data form always with "," between thousands
 * and "." before decimals; the form people read with their locale's marks
 * (LC_NUMERIC: "1.200,5" in de_DE, "1 200,5" in ru_RU), as printf's "'"
 * flag would, but without reading the number back through the locale. */
typedef struct
{
  const char *decimal;
  const char *group;
  const char *grouping;   /* localeconv()'s: group sizes, the last repeats */
} NumberMarks;

static const NumberMarks data_marks = { ".", ",", "\3" };

static NumberMarks
locale_marks (void)
{
  const struct lconv *conv = localeconv ();
  NumberMarks marks = data_marks;

  if (conv->decimal_point != NULL && conv->decimal_point[0] != '\0')
    marks.decimal = conv->decimal_point;
  /* C and POSIX group nothing; the words around the number are then the
   * untranslated English ones, so the number is grouped as English is. */
  if (conv->thousands_sep != NULL && conv->thousands_sep[0] != '\0'
      && conv->grouping != NULL && conv->grouping[0] > 0 && conv->grouping[0] != CHAR_MAX)
    {
      marks.group = conv->thousands_sep;
      marks.grouping = conv->grouping;
    }
  return marks;
}

/* Whether a group mark goes before the digit that has `right` integer digits
 * to its right. */
static gboolean
group_before (const char *grouping,
              gsize       right)
{
  gsize edge = 0;
  int size = 3;

  for (const char *g = grouping; ; g = g[1] != '\0' ? g + 1 : g)
    {
      if (*g == CHAR_MAX || *g <= 0)
        return FALSE;
      size = *g;
      edge += (gsize) size;
      if (edge == right)
        return TRUE;
      if (edge > right)
        return FALSE;
    }
}

/* "1200" → "1,200", "48.2" stays; fewest decimals that give `value` back.
 * The digits come from g_ascii_formatd, never from the process locale (a
 * locale printf wrote "1,1" that g_ascii_strtod read back as 1 and the loop
 * ran on to six decimals: "$1,,100,000 billion"). */
static void
append_number (GString           *out,
               const NumberMarks *marks,
               double             value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  const char *digits;
  const char *dot;
  gsize int_len;

  for (int decimals = 0; decimals <= 6; decimals++)
    {
      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_ascii_formatd (buf, sizeof buf, format, value);
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
      if (i > 0 && group_before (marks->grouping, int_len - i))
        g_string_append (out, marks->group);
      g_string_append_c (out, digits[i]);
    }
  if (dot != NULL)
    {
      g_string_append (out, marks->decimal);
      g_string_append (out, dot + 1);
    }
}

/* The data form is always English; the form people read is translated
 * (GETTEXT_PACKAGE) and uses the locale's number marks. */
typedef struct
{
  gboolean readable;
  TallyFactLexicon *lexicon;   /* NULL in the data form */
  NumberMarks marks;
} Form;

/* Both forms from the same literal, so xgettext sees it and the data form
 * never depends on a translation. */
#define FORM_PRINTF(out, form, context, format, ...) \
  ((form)->readable ? g_string_append_printf ((out), C_(context, format), __VA_ARGS__) \
                    : g_string_append_printf ((out), format, __VA_ARGS__))

static double
scale_of (const Form  *form,
          double       value,
          const char **word)
{
  double magnitude = fabs (value);

  if (magnitude >= 1e12)
    return *word = form->readable ? C_("number scale", "trillion") : "trillion", 1e12;
  if (magnitude >= 1e9)
    return *word = form->readable ? C_("number scale", "billion") : "billion", 1e9;
  if (magnitude >= 1e6)
    return *word = form->readable ? C_("number scale", "million") : "million", 1e6;
  return *word = NULL, 1;
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

/* "about $48 billion": the qualifier around the value, in the order the
 * translation puts it. */
static void
append_qualified (GString        *out,
                  const Form     *form,
                  TallyQualifier  qualifier,
                  gboolean        nearly,
                  const char     *value)
{
  switch (qualifier)
    {
    case TALLY_QUALIFIER_APPROX:
      if (nearly)
        FORM_PRINTF (out, form, "value", "nearly %s", value);
      else
        FORM_PRINTF (out, form, "value", "about %s", value);
      break;
    case TALLY_QUALIFIER_OVER: FORM_PRINTF (out, form, "value", "over %s", value); break;
    case TALLY_QUALIFIER_UNDER: FORM_PRINTF (out, form, "value", "under %s", value); break;
    case TALLY_QUALIFIER_AT_LEAST: FORM_PRINTF (out, form, "value", "at least %s", value); break;
    case TALLY_QUALIFIER_AT_MOST: FORM_PRINTF (out, form, "value", "at most %s", value); break;
    case TALLY_QUALIFIER_EXACT:
    default:
      g_string_append (out, value);
      break;
    }
}

static void
append_ordinal (GString    *out,
                const Form *form,
                double      value)
{
  long n = lround (value);
  long tens = n % 100, ones = n % 10;

  if (tens >= 11 && tens <= 13)
    FORM_PRINTF (out, form, "ordinal number", "%ldth", n);
  else if (ones == 1)
    FORM_PRINTF (out, form, "ordinal number", "%ldst", n);
  else if (ones == 2)
    FORM_PRINTF (out, form, "ordinal number", "%ldnd", n);
  else if (ones == 3)
    FORM_PRINTF (out, form, "ordinal number", "%ldrd", n);
  else
    FORM_PRINTF (out, form, "ordinal number", "%ldth", n);
}

/* Whether value is a whole number of steps (to a relative millionth). */
static gboolean
is_round_at (double value,
             double step)
{
  double steps = value / step;

  return fabs (steps - round (steps)) <= 1e-6 * MAX (1.0, fabs (steps));
}

/* "5–7", "$2.5–3 billion": both ends on the scale of the larger. */
static void
append_scaled (GString    *out,
               const Form *form,
               double      value,
               gboolean    has_max,
               double      value_max,
               gboolean    use_scale)
{
  const char *word = NULL;
  double scale = use_scale ? scale_of (form, has_max ? value_max : value, &word) : 1;

  /* People read "1,808,581" rather than "1.808581 million": a figure given
   * to the unit stays whole where they read it. The data form keeps the
   * scale, since fact keys are built from it. */
  if (form->readable && word != NULL &&
      (!is_round_at (value, scale / 1000) || (has_max && !is_round_at (value_max, scale / 1000))))
    {
      scale = 1;
      word = NULL;
    }

  append_number (out, &form->marks, value / scale);
  if (has_max)
    {
      g_string_append (out, "–");
      append_number (out, &form->marks, value_max / scale);
    }
  if (word != NULL)
    g_string_append_printf (out, " %s", word);
}

/* "2026", "2026-06", "2026-06-17"; FALSE for anything else ("1990s"). */
typedef TallyPartialDate IsoDate;

static gboolean
parse_iso_date (const char *text,
                IsoDate    *date)
{
  return tally_partial_date_parse (text, TALLY_PARTIAL_DATE_YEAR_MONTH_DAY, date);
}

/* A month's name for people: the locale's (GLib's strftime), so a Russian
 * desktop reads "17 июня 2026" and "июнь 2026"; `standalone` picks the form
 * a month takes without a day (%OB), where languages such as Russian differ. */
static char *
month_name (int      month,
            gboolean standalone)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2000, month, 1, 0, 0, 0);

  return g_date_time_format (date, standalone ? "%OB" : "%B");
}

/* "17 June 2026", "June 2026", "2026": `with_month`/`with_year` FALSE leave
 * them out for the first end of a span that shares them ("16–17 June"). */
static void
append_date_words (GString       *out,
                   const IsoDate *date,
                   gboolean       with_month,
                   gboolean       with_year)
{
  if (date->day != 0)
    g_string_append_printf (out, "%d", date->day);
  if (date->month != 0 && with_month)
    {
      g_autofree char *name = month_name (date->month, date->day == 0);

      g_string_append_printf (out, "%s%s", date->day != 0 ? " " : "", name);
    }
  if (with_year)
    g_string_append_printf (out, "%s%d", date->month != 0 && (with_month || date->day != 0) ? " " : "", date->year);
}

/* "16–17 June 2026", "September–November 2026", "2026–2027", and with
 * spaces round the dash when both ends are several words: "30 June – 2 July
 * 2026", "December 2025 – February 2026". Ends of different precision keep
 * their own ("June 2026 – 3 July 2026"). */
static void
append_date_span_words (GString       *out,
                        const IsoDate *from,
                        const IsoDate *to)
{
  gboolean same_precision = (from->month == 0) == (to->month == 0) && (from->day == 0) == (to->day == 0);
  gboolean same_year = same_precision && from->year == to->year && from->month != 0;
  gboolean same_month = same_year && from->month == to->month && from->day != 0;
  gboolean one_word_ends = same_month || (same_year && from->day == 0) || (from->month == 0 && to->month == 0);

  append_date_words (out, from, !same_month, !same_year);
  g_string_append (out, one_word_ends ? "–" : " – ");
  append_date_words (out, to, TRUE, TRUE);
}

char *
tally_format_date_readable (const char *date,
                            const char *date_end)
{
  IsoDate from, to;
  GString *out;

  if (!tally_partial_date_parse (date, TALLY_PARTIAL_DATE_ALLOW_TIME, &from))
    return NULL;
  out = g_string_new (NULL);
  if (date_end != NULL && tally_partial_date_parse (date_end, TALLY_PARTIAL_DATE_ALLOW_TIME, &to))
    append_date_span_words (out, &from, &to);
  else
    append_date_words (out, &from, TRUE, TRUE);
  return g_string_free (out, FALSE);
}

/* A date or span in words; FALSE when the texts are not ISO dates or the
 * lexicon has no month names (then they print as they are). */
static gboolean
append_readable_date (GString          *out,
                      TallyFactLexicon *lexicon,
                      const char       *value_text,
                      const char       *value_max_text)
{
  IsoDate from, to;

  if (tally_fact_lexicon_month_name (lexicon, 1) == NULL || !parse_iso_date (value_text, &from))
    return FALSE;
  if (value_max_text == NULL)
    append_date_words (out, &from, TRUE, TRUE);
  else if (parse_iso_date (value_max_text, &to))
    append_date_span_words (out, &from, &to);
  else
    return FALSE;
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

/* A duration's unit, counted: "1 day", "3 days". Translations pick their
 * plural form by `count`, a fraction counting as 2 ("1.5 days"; Russian
 * "1,5 дня"). Units the list does not know print as the data form does. */
static void
append_duration (GString    *out,
                 const Form *form,
                 const char *unit,
                 const char *number,
                 gulong      count)
{
  if (form->readable)
    {
      if (g_str_equal (unit, "hour"))
        return (void) g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s hour", "%s hours", count), number);
      if (g_str_equal (unit, "day"))
        return (void) g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", count), number);
      if (g_str_equal (unit, "week"))
        return (void) g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s week", "%s weeks", count), number);
      if (g_str_equal (unit, "month"))
        return (void) g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s month", "%s months", count),
                                              number);
      if (g_str_equal (unit, "year"))
        return (void) g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s year", "%s years", count), number);
      if (g_str_equal (unit, "decade"))
        return (void) g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s decade", "%s decades", count),
                                              number);
    }
  g_string_append_printf (out, "%s %s%s", number, unit,
                          count != 1 && !g_str_has_suffix (unit, "s") ? "s" : "");
}

/* The value without its qualifier. */
static void
append_value (GString        *out,
              const Form     *form,
              TallyClaimKind  kind,
              const char     *unit,
              double          value,
              gboolean        has_value_max,
              double          value_max,
              const char     *value_text,
              const char     *value_max_text)
{
  const char *symbol;

  switch (kind)
    {
    case TALLY_CLAIM_KIND_YEAR:
    case TALLY_CLAIM_KIND_DATE:
      if (form->readable && append_readable_date (out, form->lexicon, value_text, value_max_text))
        break;
      if (value_text != NULL)
        g_string_append (out, value_text);
      else
        append_number (out, &data_marks, value);
      if (value_max_text != NULL)
        g_string_append_printf (out, "–%s", value_max_text);
      break;

    case TALLY_CLAIM_KIND_MONEY:
      symbol = currency_symbol (unit);
      if (symbol != NULL)
        g_string_append (out, symbol);
      append_scaled (out, form, value, has_value_max, value_max, TRUE);
      if (symbol == NULL && unit != NULL)
        g_string_append_printf (out, " %s", unit);
      break;

    case TALLY_CLAIM_KIND_PERCENT:
      {
        g_autoptr(GString) number = g_string_new (NULL);

        append_scaled (number, form, value, has_value_max, value_max, FALSE);
        if (g_strcmp0 (unit, "pp") == 0)
          FORM_PRINTF (out, form, "percentage points", "%s pp", number->str);
        else
          FORM_PRINTF (out, form, "percent", "%s%%", number->str);
      }
      break;

    case TALLY_CLAIM_KIND_ORDINAL:
      append_ordinal (out, form, value);
      break;

    case TALLY_CLAIM_KIND_DURATION:
      {
        g_autoptr(GString) number = g_string_new (NULL);

        append_scaled (number, form, value, has_value_max, value_max, FALSE);
        if (unit == NULL)
          g_string_append (out, number->str);
        else
          append_duration (out, form, unit, number->str,
                           has_value_max || value != floor (value) ? 2 : (gulong) fabs (value));
      }
      break;

    case TALLY_CLAIM_KIND_COUNT:
    case TALLY_CLAIM_KIND_NUMBER:
    default:
      append_scaled (out, form, value, has_value_max, value_max, fabs (has_value_max ? value_max : value) >= 1e6);
      if (unit != NULL)
        g_string_append_printf (out, " %s", unit_words (form->lexicon, unit, has_value_max || value != 1));
      break;
    }
}

static char *
format_value (const Form     *form,
              TallyClaimKind  kind,
              const char     *unit,
              double          value,
              gboolean        has_value_max,
              double          value_max,
              const char     *value_text,
              const char     *value_max_text,
              TallyQualifier  qualifier,
              gboolean        nearly)
{
  g_autoptr(GString) bare = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  append_value (bare, form, kind, unit, value, has_value_max, value_max, value_text, value_max_text);
  append_qualified (out, form, qualifier, nearly, bare->str);
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
  const Form form = { FALSE, NULL, data_marks };

  return format_value (&form, kind, unit, value, has_value_max, value_max, value_text, value_max_text, qualifier,
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
  const Form form = { TRUE, tally_fact_lexicon_get_default (), locale_marks () };

  return format_value (&form, kind, unit, value, has_value_max, value_max, value_text, value_max_text, qualifier,
                       nearly);
}

char *
tally_format_number_readable (double value)
{
  NumberMarks marks = locale_marks ();
  GString *out = g_string_new (NULL);

  append_number (out, &marks, value);
  return g_string_free (out, FALSE);
}

/* The locale's decimal mark when it is not "." (NULL otherwise). */
static const char *
locale_decimal (void)
{
  const char *decimal = localeconv ()->decimal_point;

  return decimal != NULL && decimal[0] != '\0' && !g_str_equal (decimal, ".") ? decimal : NULL;
}

char *
tally_number_text_to_locale (const char *data_text)
{
  const char *decimal = locale_decimal ();
  g_autoptr(GString) out = g_string_new (data_text);

  if (decimal != NULL)
    g_string_replace (out, ".", decimal, 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
tally_number_text_from_locale (const char *text)
{
  const char *decimal = locale_decimal ();
  g_autoptr(GString) out = g_string_new (text);

  if (decimal != NULL)
    g_string_replace (out, decimal, ".", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
