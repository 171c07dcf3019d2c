/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally-events-private.h"


/* "The Third Baltic–Caspian Connectivity Summit": capitalised words right
 * before a capitalised noun, a leading "The" left out. Returns the index of
 * the first title word, or `noun` when there is no title. */
static guint
title_start (const char *text,
             GArray     *words,
             guint       noun)
{
  guint first = noun;

  if (!WORD (words, noun)->cap)
    return noun;
  while (first > 0)
    {
      const Word *prev = WORD (words, first - 1);

      if (!adjacent (text, prev, WORD (words, first)) || !prev->cap || prev->digit
          || prev->role == TALLY_ROLE_THE)
        break;
      first--;
    }
  return first;
}


/* "in Aktau", "held in the Kazakh port of Aktau", between word `from` and
 * byte `limit`. */
char *
tally_events_find_place (const EventLexicon *lex,
                         const char         *text,
                         GArray             *words,
                         guint               from,
                         gsize               limit)
{
  guint between = 0;

  for (guint i = from; i + 1 < words->len && WORD (words, i + 1)->end <= limit; i++)
    {
      guint j = i + 1;
      guint last;

      /* The place follows the event closely ("wrapped up in Aktau", "will be
       * held in 2028 in Tallinn"); a place further on is someone else's. */
      if (!g_hash_table_contains (lex->place_preps, WORD (words, i)->lower))
        {
          if (!WORD (words, i)->digit && !g_hash_table_contains (lex->not_place, WORD (words, i)->lower)
              && ++between > 4)
            return NULL;
          continue;
        }
      if (WORD_IS (words, j, THE))
        {
          guint k;

          for (k = j + 1; k < words->len && k < j + 6; k++)
            if (WORD_IS (words, k, OF))
              break;
          if (k + 1 >= words->len || k >= j + 6 || !WORD (words, k + 1)->cap)
            continue;
          j = k + 1;
        }
      if (!WORD (words, j)->cap || !WORD (words, j)->alpha
          || g_hash_table_contains (lex->not_place, WORD (words, j)->lower)
          || has_newline (text, WORD (words, i)->end, WORD (words, j)->start))
        continue;
      last = j;
      while (last + 1 < words->len && WORD (words, last + 1)->cap && WORD (words, last + 1)->alpha
             && adjacent (text, WORD (words, last), WORD (words, last + 1))
             && !g_hash_table_contains (lex->not_place, WORD (words, last + 1)->lower))
        last++;
      return slice (text, WORD (words, j)->start, WORD (words, last)->end);
    }
  return NULL;
}

/* "the leaders of Kazakhstan, Azerbaijan and Georgia": two or more
 * capitalised names after a participants phrase and "of". */
GPtrArray *
tally_events_find_participants (const EventLexicon *lex,
                                const char         *text,
                                GArray             *words)
{
  for (guint i = 0; i < words->len; i++)
    {
      guint n = tally_events_match_phrase (lex->participants, words, i);
      g_autoptr(GPtrArray) names = NULL;
      guint j;

      if (n == 0 || i + n >= words->len || !WORD_IS (words, i + n, OF))
        continue;
      names = g_ptr_array_new_with_free_func (g_free);
      for (j = i + n + 1; j < words->len; j++)
        {
          const Word *w = WORD (words, j);

          if (w->role == TALLY_ROLE_AND && names->len > 0)
            continue;
          if (!w->cap || !w->alpha)
            break;
          g_ptr_array_add (names, slice (text, w->start, w->end));
          if (j + 1 < words->len)
            {
              const char *gap = text + w->end;
              gsize gap_len = WORD (words, j + 1)->start - w->end;

              /* A list goes on after ", " or " and "; anything else ends it. */
              if (!((gap_len == 2 && strncmp (gap, ", ", 2) == 0)
                    || (gap_len == 1 && gap[0] == ' ' && WORD_IS (words, j + 1, AND))))
                break;
            }
        }
      if (names->len >= 2)
        return g_steal_pointer (&names);
    }
  return NULL;
}

gboolean
tally_events_future_between (const EventLexicon *lex,
                             GArray             *words,
                             gsize               from,
                             gsize               to)
{
  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = WORD (words, i);

      if (w->start < from)
        continue;
      if (w->end > to)
        break;
      if (tally_events_match_phrase (lex->future, words, i) > 0)
        return TRUE;
    }
  return FALSE;
}


/* "…adding a container terminal on land reclaimed from the sea, which its
 * operator says will be ready": the subject of a relative clause is the
 * noun phrase it hangs on: the object before the comma, not the nouns of
 * the prepositional phrases that follow it ("the sea"). `k` is the word
 * before the verb and its auxiliaries. */
static gboolean
relative_antecedent (const EventLexicon *lex,
                     const char         *text,
                     GArray             *words,
                     int                 k,
                     int                *first,
                     int                *last)
{
  int rel = -1, end, det = -1;

  if (word_in (lex->relatives, words, k))
    rel = k;
  else if (word_in (lex->reporting, words, k))
    {
      /* "which its operator says": a short reporting clause in between. */
      for (int j = k - 1; j >= 0 && k - j <= 4; j--)
        {
          if (!adjacent (text, WORD (words, j), WORD (words, j + 1)))
            return FALSE;
          if (word_in (lex->relatives, words, j))
            {
              rel = j;
              break;
            }
        }
    }
  if (rel <= 0)
    return FALSE;
  end = rel - 1;
  if (!adjacent (text, WORD (words, end), WORD (words, rel))
      && !(WORD (words, rel)->start == WORD (words, end)->end + 2 && text[WORD (words, end)->end] == ','))
    return FALSE;
  for (int j = end; j >= 0 && end - j < 12; j--)
    {
      const Word *w = WORD (words, j);

      if (j < end && !adjacent (text, w, WORD (words, j + 1)))
        break;
      if ((w->role == TALLY_ROLE_THE || g_hash_table_contains (lex->indefinite, w->lower))
          && !word_in (lex->prepositions, words, j - 1))
        {
          det = j;
          break;
        }
    }
  if (det < 0)
    return FALSE;
  *first = det + 1;
  *last = det;
  while (*last + 1 <= end && !word_in (lex->prepositions, words, *last + 1) && !WORD (words, *last + 1)->digit
         && !word_in (lex->subject_stops, words, *last + 1))
    (*last)++;
  /* Keep "the": "Opening of the terminal"; "a" is dropped below. */
  if (WORD_IS (words, det, THE))
    *first = det;
  return *last >= det + 1;
}

/* "foreign ministers met", "the agreements, signed": the subject is the
 * words before the verb (auxiliaries skipped), back to a clause word. */
static Mention *
verb_mention (const EventLexicon *lex,
              const char         *text,
              GArray             *words,
              guint               verb,
              guint              *first_word)
{
  const char *spec = g_hash_table_lookup (lex->verbs, WORD (words, verb)->lower);
  g_auto(GStrv) parts = g_strsplit (spec, "|", 3);
  g_autofree char *subject = NULL;
  TallyEventKind kind;
  Mention *m;
  int k = (int) verb - 1;
  int first, last;
  gboolean indefinite = FALSE;

  /* "figures published by the secretariat" describe a thing, "ready to
   * sign" is willingness: the words the pattern names after the verb rule
   * the event out. */
  if (parts[1] != NULL && parts[2] != NULL && verb + 1 < words->len)
    {
      g_auto(GStrv) not_after = g_strsplit (parts[2], " ", -1);

      if (g_strv_contains ((const char * const *) not_after, WORD (words, verb + 1)->lower))
        return NULL;
    }
  while (k >= 0 && g_hash_table_contains (lex->auxiliaries, WORD (words, k)->lower)
         && adjacent (text, WORD (words, k), WORD (words, k + 1)))
    k--;
  if (k < 0)
    return NULL;
  if (relative_antecedent (lex, text, words, k, &first, &last))
    indefinite = !WORD_IS (words, first, THE);
  else
    {
      /* "The agreements, signed on …": one comma before the verb is allowed. */
      if (!adjacent (text, WORD (words, k), WORD (words, k + 1))
          && !(WORD (words, k + 1)->start == WORD (words, k)->end + 2 && text[WORD (words, k)->end] == ','
               && (guint) k + 1 == verb))
        return NULL;
      last = k;
      first = k + 1;
      while (k >= 0 && last - k < 7)
        {
          const Word *w = WORD (words, k);

          if (w->digit || g_hash_table_contains (lex->subject_stops, w->lower)
              || (k < last && !adjacent (text, w, WORD (words, k + 1))))
            break;
          first = k--;
        }
      /* "80% of the agreements": a preposition does not open a subject. */
      while (first <= last && WORD_IS (words, first, OF))
        first++;
    }
  if (first > last || WORD (words, last)->digit)
    return NULL;
  if (!tally_event_kind_from_string (parts[0], &kind))
    return NULL;
  subject = slice (text, WORD (words, first)->start, WORD (words, last)->end);
  if (WORD_IS (words, first, THE))
    subject[0] = 't';
  m = g_new0 (Mention, 1);
  m->kind = kind;
  m->verb = TRUE;
  {
    const char *hole = strchr (parts[1], '%');
    const char *mark = "";

    /* %p: "ministers’", "the president’s". */
    if (hole[1] == 'p')
      mark = g_str_has_suffix (subject, "s") ? "’" : "’s";
    m->of_label = g_strdup_printf ("%.*s%s%s%s", (int) (hole - parts[1]), parts[1], subject, mark, hole + 2);
    /* "a container terminal … ready" is named by where it is: "Aktau
     * container terminal ready", when the place is found. */
    if (indefinite && hole == parts[1])
      m->bare_label = g_strdup (m->of_label);
  }
  capitalise_first (m->of_label);
  *first_word = first;
  return m;
}


void
tally_events_find_mentions (TallyEventFinder *finder,
                            const char       *text,
                            GArray           *words,
                            GArray           *found)
{
  const EventLexicon *lex = finder->lex;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = WORD (words, i);
      Found f = { 0 };
      guint kind1;

      /* "Years of Cultural Exchange" */
      if (w->cap && i + 2 < words->len)
        {
          char key[2 * sizeof w->lower + 1];

          g_snprintf (key, sizeof key, "%s %s", w->lower, WORD (words, i + 1)->lower);

          kind1 = GPOINTER_TO_UINT (g_hash_table_lookup (lex->period_titles, key));
          if (kind1 != 0 && WORD (words, i + 2)->cap)
            {
              guint last = i + 2;

              while (last + 1 < words->len && WORD (words, last + 1)->cap
                     && adjacent (text, WORD (words, last), WORD (words, last + 1)))
                last++;
              f.m = g_new0 (Mention, 1);
              f.m->kind = kind1 - 1;
              f.m->title = slice (text, w->start, WORD (words, last)->end);
              f.word = i;
              f.noun = last;
              g_array_append_val (found, f);
              i = last;
              continue;
            }
        }

      kind1 = GPOINTER_TO_UINT (g_hash_table_lookup (lex->nouns, w->lower));
      if (kind1 != 0)
        {
          guint first;

          if (i + 1 < words->len && g_hash_table_contains (lex->not_before, WORD (words, i + 1)->lower)
              && adjacent (text, w, WORD (words, i + 1)))
            continue;
          f.m = g_new0 (Mention, 1);
          f.m->kind = kind1 - 1;
          f.noun = i;
          first = title_start (text, words, i);
          f.word = first;
          if (first < i)
            {
              int ordinal = lookup_int (lex->ordinals, WORD (words, first));

              f.m->title = slice (text, WORD (words, first)->start, w->end);
              if (ordinal > 0 && first + 1 < i)
                {
                  f.m->ordinal = ordinal;
                  f.m->series = slice (text, WORD (words, first + 1)->start, w->end);
                }
              else if (first > 0 && adjacent (text, WORD (words, first - 1), WORD (words, first))
                       && (ordinal = lookup_int (lex->ordinals, WORD (words, first - 1))) > 0)
                {
                  /* "the second China–Central Asia Summit" */
                  const char *word = g_hash_table_lookup (lex->ordinal_words, GINT_TO_POINTER (ordinal));

                  f.m->ordinal = ordinal;
                  f.m->series = g_steal_pointer (&f.m->title);
                  f.m->title = g_strdup_printf ("%s %s", word, f.m->series);
                  capitalise_first (f.m->title);
                  f.word = first - 1;
                }
            }
          else if (i > 0 && adjacent (text, WORD (words, i - 1), w))
            {
              const Word *prev = WORD (words, i - 1);
              int ordinal = lookup_int (lex->ordinals, prev);

              if (ordinal > 0)
                {
                  f.m->ordinal = ordinal;
                  f.word = i - 1;
                }
              else if (prev->cap && prev->alpha && !g_hash_table_contains (lex->not_place, prev->lower)
                       && (i < 2 || !WORD (words, i - 2)->cap || !adjacent (text, WORD (words, i - 2), prev)
                           || WORD_IS (words, i - 2, THE)))
                {
                  /* "the Baku summit" */
                  f.m->place = slice (text, prev->start, prev->end);
                  f.word = i - 1;
                }
            }
          /* "a meeting of transport ministers" */
          if (f.m->title == NULL && f.m->ordinal == 0 && i + 2 < words->len
              && WORD_IS (words, i + 1, OF) && !WORD (words, i + 2)->cap)
            {
              guint last = i + 1;

              while (last + 1 < words->len && last < i + 5 && !WORD (words, last + 1)->cap
                     && !WORD (words, last + 1)->digit
                     && adjacent (text, WORD (words, last), WORD (words, last + 1))
                     && !g_hash_table_contains (lex->place_preps, WORD (words, last + 1)->lower)
                     && !g_hash_table_contains (lex->auxiliaries, WORD (words, last + 1)->lower)
                     && tally_events_match_phrase (lex->future, words, last + 1) == 0
                     && !word_in (lex->of_label_stops, words, last + 1))
                last++;
              if (last > i + 1)
                {
                  f.m->of_label = slice (text, w->start, WORD (words, last)->end);
                  capitalise_first (f.m->of_label);
                }
            }
          g_array_append_val (found, f);
          continue;
        }

      if (g_hash_table_contains (lex->verbs, w->lower))
        {
          Mention *m = verb_mention (lex, text, words, i, &f.word);

          /* "The Second … Forum opened": the named event keeps the date; "the
           * memorandum on …, signed": the verb names the event better than a
           * bare noun does. */
          if (m != NULL && found->len > 0)
            {
              Found *prev = &g_array_index (found, Found, found->len - 1);

              if (prev->noun >= f.word && prev->noun < i)
                {
                  if (prev->m->title != NULL || prev->m->ordinal > 0 || prev->m->place != NULL)
                    {
                      tally_events_mention_free (m);
                      m = NULL;
                    }
                  else
                    {
                      tally_events_mention_free (prev->m);
                      g_array_set_size (found, found->len - 1);
                    }
                }
            }
          if (m != NULL)
            {
              f.m = m;
              f.noun = i;
              g_array_append_val (found, f);
            }
          continue;
        }

      /* "the first summit …, and the second in Baku": an ordinal standing for
       * the noun of the event before it. */
      if (found->len > 0 && i > 0 && i + 1 < words->len
          && word_in (lex->ordinal_before, words, i - 1))
        {
          int ordinal = lookup_int (lex->ordinals, w);
          const Word *next = WORD (words, i + 1);

          if (ordinal > 0 && ((g_hash_table_contains (lex->place_preps, next->lower)
                               && i + 2 < words->len && (WORD (words, i + 2)->cap || WORD (words, i + 2)->digit))
                              || text[w->end] == ','))
            {
              const Found *prev = &g_array_index (found, Found, found->len - 1);

              if (prev->m->ordinal == 0)
                continue;
              f.m = g_new0 (Mention, 1);
              f.m->kind = prev->m->kind;
              f.m->ordinal = ordinal;
              f.word = f.noun = i;
              g_array_append_val (found, f);
            }
        }
    }
}

/* "Aktau, the region's second-largest port, is …": the name an apposition
 * gives to a place noun, so that "the port" later in the article is Aktau. */
void
tally_events_note_appositions (const EventLexicon *lex,
                               const char         *text,
                               GArray             *words,
                               GHashTable         *referents)
{
  for (guint i = 0; i + 2 < words->len; i++)
    {
      const Word *name = WORD (words, i);
      const Word *the = WORD (words, i + 1);

      if (!name->cap || !name->alpha || g_hash_table_contains (lex->not_place, name->lower)
          || the->role != TALLY_ROLE_THE || the->start != name->end + 2 || text[name->end] != ',')
        continue;
      for (guint j = i + 2; j < words->len && j < i + 7; j++)
        {
          const Word *w = WORD (words, j);

          if (!adjacent (text, WORD (words, j - 1), w))
            break;
          if (g_hash_table_contains (lex->place_nouns, w->lower) && text[w->end] == ',')
            {
              g_hash_table_insert (referents, g_strdup (w->lower), slice (text, name->start, name->end));
              break;
            }
        }
    }
}

/* "The port … is adding a terminal": the place a sentence's subject names,
 * when it is a place noun an earlier apposition named. */
char *
tally_events_subject_place (const char *text,
                            GArray     *words,
                            GHashTable *referents)
{
  const char *name;

  if (words->len < 2 || !WORD_IS (words, 0, THE)
      || !adjacent (text, WORD (words, 0), WORD (words, 1)))
    return NULL;
  name = g_hash_table_lookup (referents, WORD (words, 1)->lower);
  return g_strdup (name);
}
