/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally-claims.h"
#include "tally-events-private.h"

void
tally_events_date_span_clear (DateSpan *d)
{
  g_free (d->date);
  g_free (d->date_end);
}


gboolean
tally_events_date_span_set (DateSpan   *d,
                            const char *date,
                            const char *date_end)
{
  guint32 first, last, first_end, last_end;

  if (!tally_event_parse_iso_date (date, &first, &last))
    return FALSE;
  if (date_end != NULL && g_strcmp0 (date, date_end) != 0)
    {
      if (!tally_event_parse_iso_date (date_end, &first_end, &last_end) || last_end < first)
        return FALSE;
      last = last_end;
      d->date_end = g_strdup (date_end);
    }
  d->date = g_strdup (date);
  d->first = first;
  d->last = last;
  d->grain = grain_of (date);
  return TRUE;
}

char *
tally_events_iso_from_julian (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* Dates the claim extractor found in this sentence, "2026 and 2027" joined
 * into one range, then weekdays and seasons read here. */
/* Is text[from..to) one space, a word playing `role`, one space: " and ",
 * " the "? */
static gboolean
one_word_between (const char   *text,
                  GArray       *words,
                  gsize         from,
                  gsize         to,
                  TallyLexRole  role)
{
  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = WORD (words, i);

      if (w->start == from + 1 && w->end + 1 == to)
        return w->role == role && text[from] == ' ' && text[w->end] == ' ';
      if (w->start > from + 1)
        break;
    }
  return FALSE;
}

/* "last week", "this week", "next week" (the pattern file's [week] phrases:
 * Monday to Sunday of the week so many weeks from publication) and "two
 * weeks ago" (the day that many weeks before publication). */
static void
read_weeks (const EventLexicon *lex,
            GArray             *words,
            GArray             *dates,
            guint32             published)
{
  GDate pub;
  guint32 monday;

  g_date_clear (&pub, 1);
  g_date_set_julian (&pub, published);
  monday = published - (g_date_get_weekday (&pub) - 1);
  for (guint i = 0; i < words->len; i++)
    {
      DateSpan d = { 0 };
      guint n = 0;
      int offset = 0;
      gboolean weekend = FALSE;

      for (guint p = 0; p < lex->weeks->len; p++)
        {
          char **parts = g_ptr_array_index (lex->weeks, p);
          guint k = 0;

          /* "last week's collapse": the possessive is part of the date. */
          while (parts[k + 1] != NULL && i + k < words->len
                 && (strcmp (parts[k + 1], WORD (words, i + k)->lower) == 0
                     || (g_str_has_prefix (WORD (words, i + k)->lower, parts[k + 1])
                         && (strcmp (WORD (words, i + k)->lower + strlen (parts[k + 1]), "'s") == 0
                             || strcmp (WORD (words, i + k)->lower + strlen (parts[k + 1]), "\xE2\x80\x99s") == 0))))
            k++;
          if (parts[k + 1] == NULL && k > n)
            {
              n = k;
              weekend = parts[0][0] == 'w';
              offset = atoi (parts[0] + weekend);
            }
        }
      if (n > 0)
        {
          /* A weekend: counted from the last one begun on or before
           * publication ("over the weekend" in a Monday paper: the Saturday
           * and Sunday just gone). */
          d.first = weekend ? monday + 5 - (published < monday + 5 ? 7 : 0) + 7 * offset : monday + 7 * offset;
          d.last = d.first + (weekend ? 1 : 6);
          d.date = tally_events_iso_from_julian (d.first);
          d.date_end = tally_events_iso_from_julian (d.last);
          /* Vaguer than any day a source gives: a day inside it wins. */
          d.grain = GRAIN_MONTH;
        }
      else if (i + 2 < words->len && WORD (words, i + 1)->lex != NULL && WORD (words, i + 2)->lex != NULL
               && g_strcmp0 (WORD (words, i + 1)->lex->duration, "week") == 0
               && WORD (words, i + 2)->role == TALLY_ROLE_AGO)
        {
          const Word *count = WORD (words, i);
          int weeks = count->digit ? atoi (count->lower)
                      : (count->lex != NULL && (count->lex->flags & TALLY_LEX_NUMBER)) ? (int) count->lex->number : 0;

          if (weeks <= 0 || weeks > 52)
            continue;
          n = 3;
          d.first = d.last = published - 7 * weeks;
          d.date = tally_events_iso_from_julian (d.first);
          d.grain = GRAIN_DAY;
        }
      if (n == 0)
        continue;
      d.start = WORD (words, i)->start;
      d.end = WORD (words, i + n - 1)->end;
      g_array_append_val (dates, d);
      i += n - 1;
    }
}

static int
day_number (const Word *w)
{
  int n = w->digit ? atoi (w->lower) : 0;

  return w->digit && strlen (w->lower) <= 2 && n >= 1 && n <= 31 ? n : 0;
}

static int
month_number (const Word *w)
{
  return w->cap && w->lex != NULL && (w->lex->flags & TALLY_LEX_MONTH) ? w->lex->month : 0;
}

static guint
word_at (GArray *words,
         gsize   offset)
{
  for (guint i = 0; i < words->len; i++)
    if (WORD (words, i)->start >= offset)
      return i;
  return words->len;
}

/* Windows of days: "from 4 to 6 March" (the year given after it or the
 * publication's), "March 4 to 6" and "March 4 to March 6" (a date the
 * claims found, then the last day). The words are the pattern file's
 * [window_open] and [window_to]. */
static void
read_windows (const EventLexicon *lex,
              GArray             *words,
              GArray             *dates,
              guint32             published)
{
  /* "March 4 to 6", "March 4 through March 6" */
  for (guint k = 0; k < dates->len; k++)
    {
      DateSpan *d = &g_array_index (dates, DateSpan, k);
      guint i = word_at (words, d->end);
      int last_day = 0;
      guint last_word = 0;
      GDate first;
      guint32 last;

      if (d->grain != GRAIN_DAY || d->date_end != NULL || i + 1 >= words->len
          || !g_hash_table_contains (lex->window_to, WORD (words, i)->lower))
        continue;
      g_date_clear (&first, 1);
      g_date_set_julian (&first, d->first);
      if (k + 1 < dates->len && g_array_index (dates, DateSpan, k + 1).start == WORD (words, i + 1)->start
          && g_array_index (dates, DateSpan, k + 1).grain == GRAIN_DAY)
        {
          DateSpan *e = &g_array_index (dates, DateSpan, k + 1);

          if (e->first <= d->first || e->first - d->first > 31 || e->date_end != NULL)
            continue;
          d->date_end = g_steal_pointer (&e->date);
          d->last = e->first;
          d->end = e->end;
          tally_events_date_span_clear (e);
          g_array_remove_index (dates, k + 1);
          continue;
        }
      last_day = day_number (WORD (words, i + 1));
      last_word = i + 1;
      /* "March 4 to 6 people": a count, not the last day. */
      if (last_day <= (int) g_date_get_day (&first)
          || (last_word + 1 < words->len && WORD (words, last_word + 1)->alpha
              && WORD (words, last_word + 1)->start == WORD (words, last_word)->end + 1
              && month_number (WORD (words, last_word + 1)) == 0
              && !g_hash_table_contains (lex->prepositions, WORD (words, last_word + 1)->lower)
              && WORD (words, last_word + 1)->role != TALLY_ROLE_AND))
        continue;
      if (!g_date_valid_dmy (last_day, g_date_get_month (&first), g_date_get_year (&first)))
        continue;
      last = d->first + (last_day - g_date_get_day (&first));
      d->date_end = tally_events_iso_from_julian (last);
      d->last = last;
      d->end = WORD (words, last_word)->end;
    }

  /* "from 4 to 6 March", "between 4 and 6 March 2031" */
  for (guint i = 0; i + 4 < words->len; i++)
    {
      int first_day, last_day, month, year = 0;
      guint end = i + 4;
      DateSpan d = { 0 };
      g_autofree char *a = NULL, *b = NULL;

      if (!g_hash_table_contains (lex->window_open, WORD (words, i)->lower)
          || (first_day = day_number (WORD (words, i + 1))) == 0
          || !g_hash_table_contains (lex->window_to, WORD (words, i + 2)->lower)
          || (last_day = day_number (WORD (words, i + 3))) <= first_day
          || (month = month_number (WORD (words, i + 4))) == 0)
        continue;
      if (end + 1 < words->len && WORD (words, end + 1)->digit && strlen (WORD (words, end + 1)->lower) == 4)
        year = atoi (WORD (words, ++end)->lower);
      else if (published != 0)
        {
          GDate pub;

          g_date_clear (&pub, 1);
          g_date_set_julian (&pub, published);
          year = g_date_get_year (&pub);
        }
      if (year == 0 || !g_date_valid_dmy (last_day, month, year))
        continue;
      a = g_strdup_printf ("%04d-%02d-%02d", year, month, first_day);
      b = g_strdup_printf ("%04d-%02d-%02d", year, month, last_day);
      if (!tally_events_date_span_set (&d, a, b))
        continue;
      d.start = WORD (words, i + 1)->start;
      d.end = WORD (words, end)->end;
      /* The claims' reading of a piece of it ("6 March") gives way. */
      for (guint k = dates->len; k > 0; k--)
        {
          DateSpan *o = &g_array_index (dates, DateSpan, k - 1);

          if (o->start < d.end && d.start < o->end)
            g_array_remove_index (dates, k - 1);
        }
      g_array_append_val (dates, d);
      i = end;
    }
}

GArray *
tally_events_sentence_dates (const EventLexicon *lex,
                             const char         *text,
                             GArray             *words,
                             GPtrArray          *claims,
                             guint              *claim_pos,
                             gsize               s_start,
                             gsize               s_end,
                             guint32             published)
{
  GArray *dates = g_array_new (FALSE, TRUE, sizeof (DateSpan));

  g_array_set_clear_func (dates, (GDestroyNotify) tally_events_date_span_clear);
  while (*claim_pos < claims->len)
    {
      const TallyClaimRecord *c = g_ptr_array_index (claims, *claim_pos);
      DateSpan d = { 0 };
      g_autofree char *year_text = NULL;
      const char *value;

      if (c->start >= s_end)
        break;
      (*claim_pos)++;
      if (c->start < s_start
          || (c->kind != TALLY_CLAIM_KIND_DATE && c->kind != TALLY_CLAIM_KIND_YEAR)
          || !c->has_value)
        continue;
      value = c->value_text;
      if (value == NULL)
        value = year_text = g_strdup_printf ("%04d", (int) c->value);
      d.start = c->start;
      d.end = c->end;
      d.inferred = c->year_inferred;
      if (!tally_events_date_span_set (&d, value, c->value_max_text))
        {
          tally_events_date_span_clear (&d);
          continue;
        }
      /* "2026 and 2027": two year claims that are one period. */
      if (dates->len > 0 && d.grain == GRAIN_YEAR && d.date_end == NULL)
        {
          DateSpan *prev = &g_array_index (dates, DateSpan, dates->len - 1);
          gsize gap = d.start - prev->end;

          if (prev->grain == GRAIN_YEAR && prev->date_end == NULL && gap > 2
              && one_word_between (text, words, prev->end, d.start, TALLY_ROLE_AND) && d.first > prev->last)
            {
              prev->date_end = g_strdup (d.date);
              prev->last = d.last;
              prev->end = d.end;
              tally_events_date_span_clear (&d);
              continue;
            }
        }
      g_array_append_val (dates, d);
    }

  read_windows (lex, words, dates, published);
  if (published == 0)
    return dates;

  read_weeks (lex, words, dates, published);
  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = WORD (words, i);
      int weekday = lookup_int (lex->weekdays, w);
      int season = lookup_int (lex->seasons, w);
      gboolean future;
      DateSpan d = { 0 };
      gboolean covered = FALSE;

      if (weekday == 0 && season == 0)
        continue;
      future = tally_events_future_between (lex, words, s_start, w->start);
      for (guint k = 0; k < dates->len; k++)
        if (w->start >= g_array_index (dates, DateSpan, k).start && w->end <= g_array_index (dates, DateSpan, k).end)
          covered = TRUE;
      if (covered)
        continue;
      d.start = w->start;
      d.end = w->end;
      if (weekday != 0)
        {
          GDate date;
          int delta;

          /* Past tense: the last such day on or before publication; future:
           * the next one on or after it. */
          g_date_clear (&date, 1);
          g_date_set_julian (&date, published);
          delta = weekday - (int) g_date_get_weekday (&date);
          if (future)
            delta = (delta + 7) % 7;
          else
            delta = -((7 - delta) % 7);
          d.first = d.last = published + delta;
          d.date = tally_events_iso_from_julian (d.first);
          d.grain = GRAIN_DAY;
        }
      else
        {
          GDate date;
          int first_month = season / 100, last_month = season % 100;
          int year, month;
          int end_year;
          g_autofree char *a = NULL, *b = NULL;

          if (!word_in (lex->season_before, words, (int) i - 1))
            continue;
          g_date_clear (&date, 1);
          g_date_set_julian (&date, published);
          year = g_date_get_year (&date);
          month = g_date_get_month (&date);
          /* The season still to come when the article speaks of the future,
           * the one last begun when it speaks of the past. */
          if (first_month <= last_month)
            {
              if (future && month > last_month)
                year++;
              else if (!future && month < first_month)
                year--;
            }
          else if (month <= last_month || (!future && month < first_month))
            year--;
          end_year = last_month < first_month ? year + 1 : year;
          a = g_strdup_printf ("%04d-%02d", year, first_month);
          b = g_strdup_printf ("%04d-%02d", end_year, last_month);
          if (!tally_events_date_span_set (&d, a, b))
            continue;
        }
      g_array_append_val (dates, d);
    }
  return dates;
}

/* A date that says when something else was or began, not when an act of
 * its sentence took place: "the 1994 Wimbledon champion", "her 2000
 * album" (a year between an article or a possessive and a noun), "closed
 * since 1997" ([date_not_of_act]: the start of a period). */
static gboolean
date_of_something_else (const EventLexicon *lex,
                        const char         *text,
                        GArray             *words,
                        GArray             *found,
                        const DateSpan     *d)
{
  guint k = 0, after;

  while (k < words->len && WORD (words, k)->start < d->start)
    k++;
  if (k == 0)
    return FALSE;
  if (g_hash_table_contains (lex->date_not_of_act, WORD (words, k - 1)->lower))
    return TRUE;
  after = k;
  while (after < words->len && WORD (words, after)->start < d->end)
    after++;
  if (d->grain != GRAIN_YEAR || after >= words->len || WORD (words, after)->start != d->end + 1 || text[d->end] != ' '
      || WORD (words, after)->digit || !g_ascii_isalpha (text[WORD (words, after)->start]))
    return FALSE;
  /* "its 2006 autumn conference": the noun phrase it opens is the event. */
  for (guint f = 0; f < found->len; f++)
    {
      const Found *fd = &g_array_index (found, Found, f);

      if (!fd->m->verb && fd->noun >= after && fd->noun <= after + 2)
        return FALSE;
    }
  return WORD_IS (words, k - 1, THE) || g_hash_table_contains (lex->not_verb_after, WORD (words, k - 1)->lower)
         || g_str_has_suffix (WORD (words, k - 1)->lower, "'s") || g_str_has_suffix (WORD (words, k - 1)->lower, "’s");
}

/* Which date speaks of which event: a date right before an event's words
 * ("declared 2026–2027 the Years of …") goes to it; any other goes to the
 * nearest event before it on the same line, or, when it opens the sentence
 * (its words from `opening` on: after a dateline), to the first event. */
void
tally_events_assign_dates (const EventLexicon *lex,
                           const char *text,
                           gsize       opening,
                           GArray     *words,
                           GArray     *found,
                           GArray     *dates)
{
  guint open_word = 0;

  while (open_word < words->len && WORD (words, open_word)->start < opening)
    open_word++;

  for (guint k = 0; k < dates->len; k++)
    {
      DateSpan *d = &g_array_index (dates, DateSpan, k);

      for (guint f = 0; f < found->len; f++)
        {
          Found *fd = &g_array_index (found, Found, f);
          gsize start = WORD (words, fd->word)->start;

          /* "The 2019 regatta winner signed": before a verb's subject, a
           * year that qualifies it. */
          if (fd->m->verb && start >= d->end && date_of_something_else (lex, text, words, found, d))
            continue;
          if (fd->m->date == NULL
              && ((start >= d->end
                   && ((start - d->end == 1 && text[d->end] == ' ')
                       || one_word_between (text, words, d->end, start, TALLY_ROLE_THE)))
                  /* "agreed Thursday on the fund": between a verb and its object. */
                  || (fd->m->verb && d->start == WORD (words, fd->noun)->end + 1 && d->end < fd->m->named_end)))
            {
              fd->m->date = g_memdup2 (d, sizeof *d);
              d->used = TRUE;
              break;
            }
        }
    }

  for (guint k = 0; k < dates->len; k++)
    {
      DateSpan *d = &g_array_index (dates, DateSpan, k);
      Found *best = NULL;

      if (d->used || date_of_something_else (lex, text, words, found, d))
        continue;
      for (guint f = 0; f < found->len; f++)
        {
          Found *fd = &g_array_index (found, Found, f);
          gsize end = MAX (WORD (words, fd->noun)->end, fd->m->named_end);

          gboolean inside = FALSE;

          /* "the release of the draft of the final agreement on Monday":
           * the date goes to the release, not to a noun inside its name. */
          for (guint g = 0; g < found->len && !inside; g++)
            {
              const Mention *o = g_array_index (found, Found, g).m;

              inside = g != f && o->named_end > o->named_start && o->named_start <= WORD (words, fd->word)->start
                       && WORD (words, fd->noun)->end <= o->named_end;
            }
          if (!inside && end <= d->start && d->start - end <= 100 && !has_newline (text, end, d->start))
            best = fd;
        }
      if (best == NULL && found->len > 0 && words->len > open_word + 3 && d->start <= WORD (words, open_word + 2)->start)
        best = &g_array_index (found, Found, 0);
      /* "laid in April, when foreign ministers met": a date shortly before
       * the first event of its sentence. */
      if (best == NULL && found->len > 0)
        {
          Found *first = &g_array_index (found, Found, 0);
          gsize start = WORD (words, first->word)->start;

          if (start >= d->end && start - d->end <= 12 && !has_newline (text, d->end, start))
            best = first;
        }
      if (best != NULL && best->m->date == NULL)
        {
          best->m->date = g_memdup2 (d, sizeof *d);
          d->used = TRUE;
        }
    }

  /* The mentions now own the strings of the dates they took. */
  for (guint k = 0; k < dates->len; k++)
    {
      DateSpan *d = &g_array_index (dates, DateSpan, k);

      if (d->used)
        d->date = d->date_end = NULL;
    }
}
