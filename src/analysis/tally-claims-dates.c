/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-claims-private.h"

#include <math.h>
#include <stdlib.h>

/* Years and dates: "2023", "2025–2026", "June 17, 2025", "17–18 June",
 * "2025-06-17", and relative ones ("in April", "last year") resolved against
 * the reference date. */

static gboolean years_of_measure (Ctx  *c,
                                  guint last);

/* Appends n as "%0*d" would, without printf's cost: every year and date
 * claim passes here. */
static void
append_padded (GString *out,
               int      n,
               guint    width)
{
  char buf[16];
  guint len = 0, v;

  if (n < 0 || n > 999999)
    {
      g_string_append_printf (out, "%0*d", (int) width, n);
      return;
    }
  v = (guint) n;
  do
    buf[sizeof buf - ++len] = (char) ('0' + v % 10);
  while ((v /= 10) > 0);
  while (len < width)
    buf[sizeof buf - ++len] = '0';
  g_string_append_len (out, buf + sizeof buf - len, len);
}

void
_tally_claims_set_year_text (GString *out,
                             int      year)
{
  g_string_truncate (out, 0);
  append_padded (out, year, 4);
}

static void
emit_year (Ctx   *c,
           guint  first,
           guint  last,
           int    year,
           int    year_max,
           gsize  ss,
           gsize  se)
{
  TallyClaimRecord r = { 0 };

  r.kind = TALLY_CLAIM_KIND_YEAR;
  r.has_value = TRUE;
  r.value = year;
  _tally_claims_set_year_text (c->value_text, year);
  r.value_text = c->value_text->str;
  if (year_max > 0)
    {
      r.has_value_max = TRUE;
      r.value_max = year_max;
      _tally_claims_set_year_text (c->value_max_text, year_max);
      r.value_max_text = c->value_max_text->str;
    }
  if (!(year_max > 0 && years_of_measure (c, last)))
    _tally_claims_event_measure (c, first, last);
  r.measure = c->measure->len > 0 ? c->measure->str : NULL;
  _tally_claims_emit (c, &r, first, last, 0, ss, se);
}

static void
format_date (GString *out,
             int      y,
             int      m,
             int      d)
{
  /* "%04d-%02d-%02d", or "%04d-%02d" without a day */
  g_string_truncate (out, 0);
  append_padded (out, y, 4);
  g_string_append_c (out, '-');
  append_padded (out, m, 2);
  if (d > 0)
    {
      g_string_append_c (out, '-');
      append_padded (out, d, 2);
    }
}

gboolean
_tally_claims_valid_day (int y,
                         int m,
                         int d)
{
  return d >= 1 && m >= 1 && m <= 12 && y >= 1 && y <= 9999 && d <= g_date_get_days_in_month (m, y);
}

/* Whether the clause around token i speaks of the future ("will start in
 * March"), so that "were launched in March, and … will start" reads each
 * month with its own clause. */
static gboolean
clause_is_future (Ctx  *c,
                  guint i)
{
  gint from = (gint) i, to = (gint) i;

  while (from > 0 && !is_clause_break (c, from - 1) && !is_role (c, from - 1, TALLY_ROLE_AND) && !is_role (c, from - 1, TALLY_ROLE_BUT))
    from--;
  while (to + 1 < (gint) n_tokens (c) && !is_clause_break (c, to + 1) && !is_role (c, to + 1, TALLY_ROLE_AND)
         && !is_role (c, to + 1, TALLY_ROLE_BUT))
    to++;
  /* "On Thursday, the presidency reached a deal": a date standing alone
   * before a comma takes the time of the clause it opens. */
  if (to - from <= 2 && to + 2 < (gint) n_tokens (c) && is_clause_break (c, to + 1) && c->text[TOK (c, to + 1)->start] == ',')
    {
      from = to + 2;
      for (to = from; to + 1 < (gint) n_tokens (c) && !is_clause_break (c, to + 1); to++)
        ;
    }
  for (gint k = from; k <= to; k++)
    if (has_flag (c, k, TALLY_LEX_FUTURE))
      return TRUE;
  /* A clause that says nothing of its own time takes the sentence's:
   * "plans to open routes, including flights from 1 October". */
  for (gint k = from; k <= to; k++)
    if (is_role (c, k, TALLY_ROLE_WAS) || is_role (c, k, TALLY_ROLE_WERE) || is_role (c, k, TALLY_ROLE_HAD) || is_role (c, k, TALLY_ROLE_DID)
        || (is_word (c, k) && !is_proper (c, k) && TOK (c, k)->end - TOK (c, k)->start > 3
            && c->text[TOK (c, k)->end - 2] == 'e' && c->text[TOK (c, k)->end - 1] == 'd'))
      return FALSE;
  return c->future;
}

/* "promised that the streets would reopen on Thursday": a modal verb in
 * the clause before the day speaks of a day still to come. */
static gboolean
modal_before (Ctx  *c,
              guint i)
{
  for (guint k = i; k > 0; k--)
    {
      if (is_clause_break (c, k - 1))
        break;
      /* not "to": "flew to Oslo on Monday" */
      if ((is_modal (c, k - 1) && !is_role (c, k - 1, TALLY_ROLE_TO)) || has_flag (c, k - 1, TALLY_LEX_FUTURE))
        return TRUE;
    }
  return FALSE;
}

static int
resolve_month_year (Ctx  *c,
                    guint i,
                    int   month)
{
  const TallyExtractOptions *o = c->options;
  int year = o->reference_year;
  gboolean future = clause_is_future (c, i);

  if (o->reference_month > 0)
    {
      if (!future && month > o->reference_month)
        year--;
      else if (future && month < o->reference_month)
        year++;
    }
  return year;
}

static void
emit_date (Ctx        *c,
           guint       first,
           guint       last,
           int         y,
           int         m,
           int         d,
           int         m_max,
           int         d_max,
           const char *relative,
           gsize       ss,
           gsize       se)
{
  TallyClaimRecord r = { 0 };

  r.kind = TALLY_CLAIM_KIND_DATE;
  if (relative != NULL)
    {
      g_string_assign (c->relative, relative);
      r.relative = c->relative->str;
    }
  if (y > 0)
    {
      r.has_value = TRUE;
      r.value = y;
      format_date (c->value_text, y, m, d);
      r.value_text = c->value_text->str;
      if (m_max > 0)
        {
          r.has_value_max = TRUE;
          r.value_max = y;
          format_date (c->value_max_text, y, m_max, d_max);
          r.value_max_text = c->value_max_text->str;
        }
    }
  _tally_claims_event_measure (c, first, last);
  r.measure = c->measure->len > 0 ? c->measure->str : NULL;
  _tally_claims_emit (c, &r, first, last, 0, ss, se);
}

void
_tally_claims_token_text (Ctx     *c,
                          guint    first,
                          guint    last,
                          GString *out)
{
  g_string_truncate (out, 0);
  g_string_append_len (out, c->text + TOK (c, first)->start, TOK (c, last)->end - TOK (c, first)->start);
}

gboolean
_tally_claims_is_month (Ctx  *c,
                        guint i)
{
  const TallyToken *t;

  if (!has_flag (c, i, TALLY_LEX_MONTH))
    return FALSE;
  t = TOK (c, i);
  if (!(t->flags & TALLY_TOKEN_CAPITALIZED) && !tally_lexicon_lowercase_months (c->lex))
    return FALSE;
  /* "May" is also a verb: only with a number or after a preposition. */
  if (is_role (c, i, TALLY_ROLE_MAY) && !is_number (c, i + 1)
      && !(i > 0 && (is_role (c, i - 1, TALLY_ROLE_IN) || is_role (c, i - 1, TALLY_ROLE_SINCE) || is_role (c, i - 1, TALLY_ROLE_OF)
                     || is_role (c, i - 1, TALLY_ROLE_UNTIL) || is_role (c, i - 1, TALLY_ROLE_EARLY)
                     || is_role (c, i - 1, TALLY_ROLE_LATE) || is_role (c, i - 1, TALLY_ROLE_MID) || is_number (c, i - 1))))
    return FALSE;
  /* Short forms ("Mar", "Dec") only right before a number. */
  if (t->end - t->start <= 4 && !is_role (c, i, TALLY_ROLE_JUNE) && !is_role (c, i, TALLY_ROLE_JULY) && !is_role (c, i, TALLY_ROLE_MAY)
      && !is_number (c, i + 1) && !(punct_is (c, i + 1, '.') && is_number (c, i + 2)))
    return FALSE;
  return TRUE;
}

static int
day_number (Ctx   *c,
            guint  i,
            guint *end)
{
  int d = small_int (c, i);

  *end = i + 1;
  if (d < 1 || d > 31)
    return -1;
  if (is_word (c, i + 1) && attached (c, i + 1)
      && (is_role (c, i + 1, TALLY_ROLE_ST) || is_role (c, i + 1, TALLY_ROLE_ND) || is_role (c, i + 1, TALLY_ROLE_RD)
          || is_role (c, i + 1, TALLY_ROLE_TH)))
    *end = i + 2;
  return d;
}

/* "June 17, 2025", "June 17–18, 2025", "June 2025", "April–June 2025",
 * "June 17", "in April". Returns the index after the date, or i. */
guint
_tally_claims_match_month_first (Ctx   *c,
                                 guint  i,
                                 gsize  ss,
                                 gsize  se)
{
  int m = TOK (c, i)->lex->month, d = -1, d2 = -1, m2 = -1, y = -1;
  guint k = i + 1, end;

  if (punct_is (c, k, '.') && attached (c, k) && is_number (c, k + 1))
    k++;
  if ((d = day_number (c, k, &end)) > 0 && !is_plain_year (c, k))
    {
      k = end;
      if (TOK (c, k < n_tokens (c) ? k : k - 1)->type == TALLY_TOKEN_DASH && k < n_tokens (c)
          && (d2 = day_number (c, k + 1, &end)) > d)
        k = end;
      else
        d2 = -1;
      if (punct_is (c, k, ','))
        k++;
      if (is_plain_year (c, k))
        y = (int) TOK (c, k++)->mantissa;
      else if (punct_is (c, k - 1, ','))
        k--;
    }
  else
    {
      d = -1;
      /* "April–June 2025", "from April to June", "between April and September" */
      if (k < n_tokens (c)
          && (TOK (c, k)->type == TALLY_TOKEN_DASH || is_role (c, k, TALLY_ROLE_TO)
              || (is_role (c, k, TALLY_ROLE_AND) && i > 0 && is_role (c, i - 1, TALLY_ROLE_BETWEEN)))
          && _tally_claims_is_month (c, k + 1) && TOK (c, k + 1)->lex->month > m)
        {
          m2 = TOK (c, k + 1)->lex->month;
          k += 2;
        }
      if (punct_is (c, k, ','))
        k++;
      if (is_plain_year (c, k))
        y = (int) TOK (c, k++)->mantissa;
      else if (punct_is (c, k - 1, ','))
        k--;
    }

  if (y > 0)
    {
      if (d > 0 && !_tally_claims_valid_day (y, m, d))
        return i + 1;
      emit_date (c, i, k - 1, y, m, d, d2 > 0 ? m : m2, d2 > 0 ? d2 : -1, NULL, ss, se);
      return k;
    }

  /* No year: relative to the reference date. */
  if (d < 0 && !(i > 0 && (has_flag (c, i - 1, TALLY_LEX_NP_BREAK) || is_role (c, i - 1, TALLY_ROLE_EARLY)
                           || is_role (c, i - 1, TALLY_ROLE_MID) || is_role (c, i - 1, TALLY_ROLE_LATE))))
    return i + 1;
  _tally_claims_token_text (c, i, k - 1, c->key);
  {
    g_autofree char *relative = g_strdup (c->key->str);

    if (c->options->reference_year > 0)
      {
        int ry = resolve_month_year (c, i, m);

        /* A span of months that holds the reference month is this year's. */
        if (m2 > 0 && c->options->reference_month >= m && c->options->reference_month <= m2)
          ry = c->options->reference_year;
        if (d > 0 && !_tally_claims_valid_day (ry, m, d))
          return i + 1;
        emit_date (c, i, k - 1, ry, m, d, d2 > 0 ? m : m2, d2 > 0 ? d2 : -1, relative, ss, se);
      }
    else
      emit_date (c, i, k - 1, 0, m, d, -1, -1, relative, ss, se);
  }
  return k;
}

/* "17 June 2025", "17–18 June 2025", "17 June". */
guint
_tally_claims_match_day_first (Ctx   *c,
                               guint  i,
                               gsize  ss,
                               gsize  se)
{
  guint k, end;
  int d = day_number (c, i, &end), d2 = -1, m, y = -1;

  if (d < 0)
    return i;
  k = end;
  if (k < n_tokens (c) && TOK (c, k)->type == TALLY_TOKEN_DASH && (d2 = day_number (c, k + 1, &end)) > d)
    k = end;
  else
    d2 = -1;
  if (is_role (c, k, TALLY_ROLE_OF))
    k++;
  if (!_tally_claims_is_month (c, k))
    return i;
  m = TOK (c, k)->lex->month;
  k++;
  if (punct_is (c, k, ','))
    k++;
  if (is_plain_year (c, k))
    y = (int) TOK (c, k++)->mantissa;
  else if (punct_is (c, k - 1, ','))
    k--;
  if (y > 0)
    {
      if (!_tally_claims_valid_day (y, m, d))
        return i;
      emit_date (c, i, k - 1, y, m, d, d2 > 0 ? m : -1, d2, NULL, ss, se);
      return k;
    }
  _tally_claims_token_text (c, i, k - 1, c->key);
  {
    g_autofree char *relative = g_strdup (c->key->str);

    if (c->options->reference_year > 0)
      {
        int ry = resolve_month_year (c, i, m);

        if (!_tally_claims_valid_day (ry, m, d))
          return i;
        emit_date (c, i, k - 1, ry, m, d, d2 > 0 ? m : -1, d2, relative, ss, se);
      }
    else
      emit_date (c, i, k - 1, 0, m, d, -1, -1, relative, ss, se);
  }
  return k;
}

/* "2025-06-17", "2025-06". */
guint
_tally_claims_match_iso_date (Ctx   *c,
                              guint  i,
                              gsize  ss,
                              gsize  se)
{
  int y = (int) TOK (c, i)->mantissa, m, d = -1;

  if (!(punct_is (c, i + 1, '-') && attached (c, i + 1) && attached (c, i + 2)))
    return i;
  if (!is_number (c, i + 2) || TOK (c, i + 2)->n_int_digits != 2 || TOK (c, i + 2)->decimals)
    return i;
  m = (int) TOK (c, i + 2)->mantissa;
  if (punct_is (c, i + 3, '-') && attached (c, i + 3) && attached (c, i + 4) && is_number (c, i + 4)
      && TOK (c, i + 4)->n_int_digits == 2)
    {
      d = (int) TOK (c, i + 4)->mantissa;
      if (!_tally_claims_valid_day (y, m, d))
        return i;
      emit_date (c, i, i + 4, y, m, d, -1, -1, NULL, ss, se);
      return i + 5;
    }
  /* "2025-26" is a span of years; "2025-06" a month. */
  if (m == (y + 1) % 100 || m < 1 || m > 12)
    return i;
  if (c->text[TOK (c, i + 2)->start] != '0' && m != 10 && m != 11 && m != 12)
    return i;
  emit_date (c, i, i + 2, y, m, -1, -1, -1, NULL, ss, se);
  return i + 3;
}

/* Years: "2023", "2025–2026", "2025-26", "2025/26", "between 2025 and 2026",
 * "2025 and 2026 as the Years of …", "the 1990s". */
guint
_tally_claims_match_year (Ctx   *c,
                          guint  i,
                          gsize  ss,
                          gsize  se)
{
  int y = (int) TOK (c, i)->mantissa, y2 = 0;
  guint k = i + 1, first = i;
  gboolean between = i > 0 && (is_role (c, i - 1, TALLY_ROLE_BETWEEN) || is_role (c, i - 1, TALLY_ROLE_FROM));

  if (is_word (c, k) && attached (c, k) && is_role (c, k, TALLY_ROLE_S) && y % 10 == 0)
    {
      emit_year (c, i, k, y, y + 9, ss, se);
      return k + 1;
    }
  if (k < n_tokens (c) && (TOK (c, k)->type == TALLY_TOKEN_DASH || punct_is (c, k, '/')) && is_number (c, k + 1))
    {
      const TallyToken *t2 = TOK (c, k + 1);

      if (t2->n_int_digits == 4 && is_plain_year (c, k + 1) && (int) t2->mantissa > y)
        y2 = (int) t2->mantissa;
      else if (t2->n_int_digits == 2 && t2->decimals == 0 && (int) t2->mantissa == (y + 1) % 100)
        y2 = y + 1;
      if (y2 > 0)
        k += 2;
    }
  else if (((is_role (c, k, TALLY_ROLE_AND) && (between || is_role (c, i - 1, TALLY_ROLE_BOTH)))
            || (is_role (c, k, TALLY_ROLE_TO) && between))
           && is_plain_year (c, k + 1) && TOK (c, k + 1)->mantissa > (gint64) y)
    {
      y2 = (int) TOK (c, k + 1)->mantissa;
      k += 2;
    }
  else if (is_role (c, k, TALLY_ROLE_AND) && is_plain_year (c, k + 1) && TOK (c, k + 1)->mantissa == (gint64) y + 1)
    {
      /* "2025 and 2026 (designated) as the Years of …": one span. */
      for (guint a = k + 2; a < n_tokens (c) && a < k + 5; a++)
        if (is_role (c, a, TALLY_ROLE_AS)
            /* "declared 2026 and 2027 the Years of Cultural Exchange" */
            || ((is_role (c, a, TALLY_ROLE_YEARS) || is_role (c, a, TALLY_ROLE_YEAR)) && is_proper (c, a) && is_role (c, a + 1, TALLY_ROLE_OF)))
          {
            y2 = y + 1;
            k += 2;
            break;
          }
    }
  emit_year (c, first, k - 1, y, y2, ss, se);
  return k;
}

/* "2026 and 2027 as the Years of Caspian Connectivity": the years measure
 * what they are named for. */
static gboolean
years_of_measure (Ctx  *c,
                  guint last)
{
  for (guint k = last + 1; k < n_tokens (c) && k < last + 5; k++)
    if ((is_role (c, k, TALLY_ROLE_YEARS) || is_role (c, k, TALLY_ROLE_YEAR)) && is_proper (c, k) && is_role (c, k + 1, TALLY_ROLE_OF))
      {
        g_string_assign (c->measure, "year of");
        for (guint w = k + 2; w < n_tokens (c) && w < k + 8; w++)
          {
            const TallyToken *t = TOK (c, w);

            if (t->type == TALLY_TOKEN_DASH && attached (c, w))
              {
                g_string_append_c (c->measure, '-');
                continue;
              }
            if (t->type != TALLY_TOKEN_WORD || !(t->flags & TALLY_TOKEN_CAPITALIZED))
              break;
            if (!(w > k + 2 && TOK (c, w - 1)->type == TALLY_TOKEN_DASH))
              g_string_append_c (c->measure, ' ');
            for (gsize b = t->start; b < t->end; b++)
              g_string_append_c (c->measure, g_ascii_tolower (c->text[b]));
          }
        return TRUE;
      }
  return FALSE;
}

/* "last year", "next month", "yesterday". */
guint
_tally_claims_match_relative (Ctx   *c,
                              guint  i,
                              gsize  ss,
                              gsize  se)
{
  guint n;
  const TallyLexEntry *e = _tally_claims_match_phrase (c, i, TALLY_LEX_RELATIVE_DATE, &n);
  const TallyExtractOptions *o = c->options;
  TallyClaimRecord r = { 0 };
  gboolean weekday;

  if (e == NULL)
    return i;
  weekday = g_str_equal (e->relative_unit, "weekday");
  /* "today's world" is no date; "last year's edition" and "Thursday's
   * vote" are. */
  if (_tally_claims_is_possessive (c, i + n - 1) && n == 1 && !weekday)
    return i;
  /* "Black Friday", "Cyber Monday": a weekday inside a name. */
  if (weekday && i > 0 && is_word (c, i - 1) && (TOK (c, i - 1)->flags & TALLY_TOKEN_CAPITALIZED)
      && (TOK (c, i - 1)->lex == NULL || (TOK (c, i - 1)->lex->flags == 0 && TOK (c, i - 1)->lex->role == TALLY_ROLE_NONE)))
    return i + n;
  _tally_claims_token_text (c, i, i + n - 1, c->relative);
  if (_tally_claims_is_possessive (c, i + n - 1))
    g_string_truncate (c->relative, c->relative->len - (g_str_has_suffix (c->relative->str, "'s") ? 2 : 4));
  r.relative = c->relative->str;
  r.kind = g_str_equal (e->relative_unit, "year") ? TALLY_CLAIM_KIND_YEAR : TALLY_CLAIM_KIND_DATE;
  if (o->reference_year > 0 && (r.kind == TALLY_CLAIM_KIND_YEAR || o->reference_month > 0))
    {
      GDate date;

      r.has_value = TRUE;
      if (g_str_equal (e->relative_unit, "year"))
        {
          int base = o->reference_year;

          /* "In 2024 … on the previous year": relative to the sentence's year. */
          if ((is_role (c, i, TALLY_ROLE_THE) || is_role (c, i, TALLY_ROLE_A)) && c->n_scopes > 0 && c->scopes[0].token < i)
            base = c->scopes[0].year;
          r.value = base + e->relative_offset;
          _tally_claims_set_year_text (c->value_text, (int) r.value);
        }
      else if (g_str_equal (e->relative_unit, "month"))
        {
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 1, o->reference_month, o->reference_year);
          if (e->relative_offset < 0)
            g_date_subtract_months (&date, -e->relative_offset);
          else
            g_date_add_months (&date, e->relative_offset);
          r.value = g_date_get_year (&date);
          format_date (c->value_text, g_date_get_year (&date), g_date_get_month (&date), -1);
        }
      /* "'Today we agreed …,' she said": a quoted day is the day the words
       * were spoken, which the publication date (of a later copy, say)
       * does not give. */
      else if (_tally_claims_in_quote (c, TOK (c, i)->start))
        r.has_value = FALSE;
      else if (o->reference_day > 0 && weekday)
        {
          int delta;

          /* Past: the last such day on or before the reference date;
           * future: the next one on or after it (as the event dates do). */
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, o->reference_day, o->reference_month, o->reference_year);
          delta = e->relative_offset - (int) g_date_get_weekday (&date);
          if (clause_is_future (c, i) || modal_before (c, i))
            g_date_add_days (&date, (delta + 7) % 7);
          else
            g_date_subtract_days (&date, (7 - delta) % 7);
          r.value = g_date_get_year (&date);
          format_date (c->value_text, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
        }
      else if (o->reference_day > 0)
        {
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, o->reference_day, o->reference_month, o->reference_year);
          if (e->relative_offset < 0)
            g_date_subtract_days (&date, -e->relative_offset);
          else
            g_date_add_days (&date, e->relative_offset);
          r.value = g_date_get_year (&date);
          format_date (c->value_text, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
        }
      else
        r.has_value = FALSE;
      if (r.has_value)
        r.value_text = c->value_text->str;
    }
  if (r.kind == TALLY_CLAIM_KIND_YEAR || r.kind == TALLY_CLAIM_KIND_DATE)
    {
      _tally_claims_event_measure (c, i, i + n - 1);
      r.measure = c->measure->len > 0 ? c->measure->str : NULL;
    }
  _tally_claims_emit (c, &r, i, i + n - 1, TOK (c, i)->start + c->relative->len, ss, se);
  return i + n;
}
