/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "tally-claims.h"
#include "tally-lexicon.h"
#include "tally-tokenizer.h"

/* "30 January", "January 30", "in April": the month and day (0 when none)
 * a relative date names, read with the claims' lexicon. */
static gboolean
month_and_day (const TallyLexicon *lexicon,
               const char         *text,
               int                *month,
               int                *day)
{
  gsize pos = 0, len = strlen (text);
  TallyToken t;

  *month = *day = 0;
  while (tally_tokenizer_next (lexicon, text, len, &pos, &t))
    {
      if (t.type == TALLY_TOKEN_WORD && t.lex != NULL && (t.lex->flags & TALLY_LEX_MONTH) && *month == 0)
        *month = t.lex->month;
      else if (t.type == TALLY_TOKEN_NUMBER && !(t.flags & TALLY_TOKEN_NUMBER_DECIMAL)
               && t.n_int_digits <= 2 && t.mantissa >= 1 && t.mantissa <= 31 && *day == 0)
        *day = (int) t.mantissa;
      else if (t.type == TALLY_TOKEN_WORD && t.lex != NULL && (t.lex->flags & TALLY_LEX_ORDINAL)
               && t.lex->ordinal >= 1 && t.lex->ordinal <= 31 && *day == 0)
        *day = t.lex->ordinal;
      else if (t.type == TALLY_TOKEN_WORD && !(t.lex != NULL && (t.lex->flags & (TALLY_LEX_STOP | TALLY_LEX_TIME_MARKER))))
        {
          /* "last April", "next March": a relative word says which year, and
           * only a publication date can answer it. */
          if (t.lex == NULL || !(t.lex->role == TALLY_ROLE_IN || t.lex->role == TALLY_ROLE_ON
                                 || t.lex->role == TALLY_ROLE_THE || t.lex->role == TALLY_ROLE_OF
                                 || t.lex->role == TALLY_ROLE_TH || t.lex->role == TALLY_ROLE_ST
                                 || t.lex->role == TALLY_ROLE_ND || t.lex->role == TALLY_ROLE_RD))
            return FALSE;
        }
    }
  return *month != 0;
}

/* "last April", "this March": the word before a date says which year it is
 * (a word that starts the lexicon's relative dates, "last year", other than
 * an article), so only a publication date can answer. */
static gboolean
says_its_year (const TallyLexicon *lexicon,
               const char         *text,
               gsize               start)
{
  gsize end = start, begin;
  const TallyLexEntry *entry;

  while (end > 0 && text[end - 1] == ' ')
    end--;
  begin = end;
  while (begin > 0 && g_ascii_isalpha (text[begin - 1]))
    begin--;
  if (begin == end)
    return FALSE;
  entry = tally_lexicon_lookup (lexicon, text + begin, end - begin);
  return entry != NULL && (entry->starts & TALLY_LEX_RELATIVE_DATE)
         && entry->role != TALLY_ROLE_THE && entry->role != TALLY_ROLE_A;
}

/* The one year a document's explicit dates agree on, or 0. Full dates
 * ("17 March 2024") speak first; bare years only when no full date does,
 * and only a year given twice or more: one year alone is as often history
 * the article recalls as the year it speaks in. */
static int
agreed_year (GPtrArray *claims)
{
  int date_year = 0, bare_year = 0;
  guint bare_count = 0;
  gboolean date_split = FALSE, bare_split = FALSE;

  for (guint i = 0; i < claims->len; i++)
    {
      const TallyClaimRecord *c = g_ptr_array_index (claims, i);
      int year;

      if (!c->has_value || c->year_inferred
          || (c->kind != TALLY_CLAIM_KIND_DATE && c->kind != TALLY_CLAIM_KIND_YEAR))
        continue;
      /* A year claim keeps its year as the value; a date as text. */
      year = c->value_text != NULL ? atoi (c->value_text) : (int) c->value;
      if ((c->value_max_text != NULL && atoi (c->value_max_text) != year)
          || (c->has_value_max && (int) c->value_max != year))
        continue;
      if (c->kind == TALLY_CLAIM_KIND_DATE && c->value_text != NULL && strlen (c->value_text) >= 7)
        {
          date_split |= date_year != 0 && date_year != year;
          date_year = year;
        }
      else
        {
          bare_split |= bare_year != 0 && bare_year != year;
          bare_year = year;
          bare_count++;
        }
    }
  if (date_year != 0)
    return date_split ? 0 : date_year;
  return bare_split || bare_count < 2 ? 0 : bare_year;
}

guint
tally_claims_infer_years (GPtrArray  *claims,
                          const char *text,
                          gsize       len,
                          const char *language)
{
  const TallyLexicon *lexicon = tally_lexicon_get (language ? language : "en", NULL);
  int year;
  guint count = 0;

  if (lexicon == NULL || claims == NULL || (year = agreed_year (claims)) == 0)
    return 0;
  for (guint i = 0; i < claims->len; i++)
    {
      TallyClaimRecord *c = g_ptr_array_index (claims, i);
      int month, day;

      if (c->kind != TALLY_CLAIM_KIND_DATE || c->has_value || c->relative == NULL
          || c->start > len || says_its_year (lexicon, text, c->start)
          || !month_and_day (lexicon, c->relative, &month, &day))
        continue;
      if (day != 0 && !g_date_valid_dmy (day, month, year))
        continue;
      g_free (c->value_text);
      c->value_text = day != 0 ? g_strdup_printf ("%04d-%02d-%02d", year, month, day)
                               : g_strdup_printf ("%04d-%02d", year, month);
      c->has_value = TRUE;
      c->value = year;
      c->year_inferred = TRUE;
      g_clear_pointer (&c->relative, g_free);
      count++;
    }
  return count;
}
