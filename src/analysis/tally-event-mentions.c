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
      /* "an agreement on the fund, which will help …": a relative clause
       * after a comma tells the future of the thing it hangs on, not the
       * act's (one byte and a space before it: the comma). */
      if (i > 0 && w->start > from && g_hash_table_contains (lex->relatives, w->lower)
          && w->start == WORD (words, i - 1)->end + 2)
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
  {
    int after_prep = -1;

    for (int j = end; j >= 0 && end - j < 12; j--)
      {
        const Word *w = WORD (words, j);

        if (j < end && !adjacent (text, w, WORD (words, j + 1)))
          break;
        if (w->role == TALLY_ROLE_THE || g_hash_table_contains (lex->indefinite, w->lower))
          {
            /* "a boat with four men on board that disappeared": a clause
             * with no comma hangs on the nearest noun phrase, even one
             * inside a prepositional phrase; after a comma ("a terminal on
             * land reclaimed from the sea, which …") on the one that opens. */
            if (!word_in (lex->prepositions, words, j - 1) || adjacent (text, WORD (words, end), WORD (words, rel)))
              {
                det = j;
                break;
              }
            if (after_prep < 0)
              after_prep = j;
          }
      }
    /* With no noun phrase that opens a clause, the nearest one. */
    if (det < 0)
      det = after_prep;
  }
  if (det < 0)
    return FALSE;
  *first = det + 1;
  *last = det;
  while (*last + 1 <= end && !word_in (lex->prepositions, words, *last + 1) && !WORD (words, *last + 1)->digit
         && !word_in (lex->subject_stops, words, *last + 1))
    (*last)++;
  /* "a submarine operated by …, that": the participle after the noun is
   * not part of its name. */
  while (*last > det + 1 && !WORD (words, *last)->cap && g_str_has_suffix (WORD (words, *last)->lower, "ed"))
    (*last)--;
  /* Keep "the": "Opening of the terminal"; "a" is dropped below. */
  if (WORD_IS (words, det, THE))
    *first = det;
  return *last >= det + 1;
}

/* A weekday, a month or a relative date word ("last"): where a noun
 * phrase ends. */
static gboolean
is_date_word (const EventLexicon *lex,
              const Word         *w)
{
  return lookup_int (lex->weekdays, w) != 0
         || (w->lex != NULL && (w->lex->flags & TALLY_LEX_MONTH) && w->cap)
         || (w->lex != NULL && (w->lex->flags & TALLY_LEX_NP_BREAK) && (w->lex->starts & TALLY_LEX_RELATIVE_DATE));
}

/* "talks between … came", "a merger with … failed": a verb of the next
 * clause, where a noun phrase ends: a word the claims lexicon lists as one
 * ("came", "held"), or a lower-case word in -ed after a word that is not an
 * article ("the proposed merger" keeps its adjective). */
static gboolean
is_clause_verb (const EventLexicon *lex,
                GArray             *words,
                guint               i)
{
  const Word *w = WORD (words, i);

  if (w->cap || w->digit)
    return FALSE;
  if (w->lex != NULL && (w->lex->flags & TALLY_LEX_NP_BREAK) && !word_in (lex->prepositions, words, i)
      && !word_in (lex->complements, words, i) && w->role != TALLY_ROLE_AND && w->role != TALLY_ROLE_OR)
    return TRUE;
  return g_str_has_suffix (w->lower, "ed") && i > 0 && !WORD_IS (words, i - 1, THE)
         && !word_in (lex->indefinite, words, i - 1) && !word_in (lex->label_end_not, words, i - 1);
}

/* Two words of one phrase: a space between them, maybe a currency sign or a
 * percent ("a $73 million contract", "a 5% stake"), no punctuation. */
static gboolean
in_phrase (const char *text,
           const Word *a,
           const Word *b)
{
  /* "a 2025-26 work programme" */
  if (b->start == a->end + 1 && text[a->end] == '-')
    return TRUE;
  if (b->start <= a->end || b->start - a->end > 4 || text[a->end] != ' ')
    return FALSE;
  for (gsize i = a->end; i < b->start; i++)
    if (strchr (" $%", text[i]) == NULL && (guchar) text[i] < 0x80)
      return FALSE;
  return TRUE;
}

/* "reopened the channel", "awarded a $73 million contract for the first
 * phase": the noun phrase right after a verb, up to a clause word, a date
 * word or a preposition that does not open a complement. Returns FALSE when
 * none follows. */
static gboolean
object_phrase (const EventLexicon *lex,
               const char         *text,
               GArray             *words,
               guint               verb,
               guint              *first,
               guint              *last)
{
  guint j = verb + 1, end;

  if (j >= words->len || !adjacent (text, WORD (words, verb), WORD (words, j)))
    return FALSE;
  /* "films released rose to 310": a verb of the next clause, not an object;
   * "begins next year", "starts early": when, or how, not what. */
  if (!WORD (words, j)->cap
      && ((WORD (words, j)->lex != NULL && (WORD (words, j)->lex->flags & TALLY_LEX_LEVEL_VERB))
          || is_date_word (lex, WORD (words, j))
          || (WORD (words, j)->lex != NULL && (WORD (words, j)->lex->flags & TALLY_LEX_RELATIVE_DATE))
          || (lex->adverb_suffix != NULL && g_str_has_suffix (WORD (words, j)->lower, lex->adverb_suffix))))
    return FALSE;
  if (WORD (words, j)->digit || word_in (lex->prepositions, words, j) || word_in (lex->subject_stops, words, j)
      || word_in (lex->auxiliaries, words, j) || lookup_int (lex->weekdays, WORD (words, j)) != 0
      || (WORD (words, j)->lex != NULL && (WORD (words, j)->lex->flags & (TALLY_LEX_MONTH | TALLY_LEX_RELATIVE_DATE))))
    return FALSE;
  end = j;
  while (end + 1 < words->len && end + 1 < j + 9 && in_phrase (text, WORD (words, end), WORD (words, end + 1)))
    {
      guint n = end + 1;
      const Word *w = WORD (words, n);

      /* "visited Bodø between 4 and 6 March": a window of days. */
      if (g_hash_table_contains (lex->window_open, w->lower) && n + 1 < words->len && WORD (words, n + 1)->digit)
        break;
      if (is_date_word (lex, w) || word_in (lex->subject_stops, words, n)
          || word_in (lex->auxiliaries, words, n) || is_clause_verb (lex, words, n))
        break;
      /* "two weeks ago", "3 days later", "three times": a span of time or a
       * count of times, not the object. */
      if ((w->digit || (w->lex != NULL && (w->lex->flags & TALLY_LEX_NUMBER))) && n + 1 < words->len
          && WORD (words, n + 1)->lex != NULL
          && (WORD (words, n + 1)->lex->duration != NULL || WORD (words, n + 1)->role == TALLY_ROLE_TIMES))
        break;
      /* "Michael G Wilson expect …": after a name a lower-case word other
       * than a complement starts the next clause. */
      if (!w->cap && !w->digit && WORD (words, end)->cap && end > j && WORD (words, end - 1)->cap
          && !word_in (lex->complements, words, n))
        break;
      /* "a contract for the first phase": a complement goes on; "on
       * Thursday", "in Baltimore" end the phrase. */
      if (word_in (lex->prepositions, words, n)
          && !(word_in (lex->complements, words, n) && n + 1 < words->len && !WORD (words, n + 1)->digit
               && lookup_int (lex->weekdays, WORD (words, n + 1)) == 0
               && !(WORD (words, n + 1)->lex != NULL && (WORD (words, n + 1)->lex->flags & TALLY_LEX_MONTH))))
        break;
      end = n;
    }
  /* Never end on a preposition or an article. */
  while (end > j && (word_in (lex->prepositions, words, end) || word_in (lex->label_end_not, words, end)))
    end--;
  if (word_in (lex->label_end_not, words, end))
    return FALSE;
  *first = j;
  *last = end;
  return TRUE;
}

/* "travel to Baltimore", "visited Oslo": a capitalised name right after the
 * verb or after one of the pattern's place words. */
static char *
verb_place (const EventLexicon *lex,
            const char         *text,
            GArray             *words,
            guint               verb,
            const char         *place_words)
{
  g_auto(GStrv) preps = g_strsplit (place_words ? place_words : "", " ", -1);
  guint j = verb + 1, last;

  if (j < words->len && g_strv_contains ((const char * const *) preps, WORD (words, j)->lower))
    j++;
  if (j >= words->len || !WORD (words, j)->cap || !WORD (words, j)->alpha
      || g_hash_table_contains (lex->not_place, WORD (words, j)->lower)
      || lookup_int (lex->weekdays, WORD (words, j)) != 0
      || !adjacent (text, WORD (words, j - 1), WORD (words, j)))
    return NULL;
  last = j;
  while (last + 1 < words->len && WORD (words, last + 1)->cap && WORD (words, last + 1)->alpha
         && adjacent (text, WORD (words, last), WORD (words, last + 1))
         && !g_hash_table_contains (lex->not_place, WORD (words, last + 1)->lower))
    last++;
  return slice (text, WORD (words, j)->start, WORD (words, last)->end);
}

/* The words a hole of a verb's label stands for. */
static char *
phrase (const EventLexicon *lex,
        const char         *text,
        GArray             *words,
        int                 first,
        int                 last)
{
  char *s = slice (text, WORD (words, first)->start, WORD (words, last)->end);

  /* "The agreements", "A previous upgrade" inside a label: "Signing of the
   * agreements". */
  if (WORD_IS (words, first, THE) || word_in (lex->indefinite, words, first))
    s[0] = g_ascii_tolower (s[0]);
  return s;
}

/* A plural subject: a count ("two"), a word the pattern file lists as
 * plural ("people"), or a lower-case noun in -s ("households"; not "-ss",
 * "-us", "-is", nor the pattern file's singulars: "series"). */
static gboolean
subject_is_plural (const EventLexicon *lex,
                   GArray             *words,
                   int                 first,
                   int                 last)
{
  const Word *head;

  if (first > last || last < 0)
    return FALSE;
  /* The head is before a complement: "Construction of the missing
   * sections begins". */
  for (int i = first + 1; i <= last; i++)
    if (word_in (lex->complements, words, i))
      {
        last = i - 1;
        break;
      }
  head = WORD (words, last);
  if (g_hash_table_contains (lex->singulars, head->lower))
    return FALSE;
  if (g_hash_table_contains (lex->plurals, head->lower)
      || (head->lex != NULL && (head->lex->flags & TALLY_LEX_NUMBER) && !head->digit))
    return TRUE;
  if (head->cap || head->digit || strchr (head->lower, '\'') != NULL || strstr (head->lower, "\xE2\x80\x99") != NULL)
    return FALSE;
  return g_str_has_suffix (head->lower, "s") && !g_str_has_suffix (head->lower, "ss")
         && !g_str_has_suffix (head->lower, "us") && !g_str_has_suffix (head->lower, "is");
}

/* How many bytes of a verb in -s to drop for a plural subject: "crashes"
 * → "crash", "buys" → "buy", "dies" → "die". */
static gsize
plural_ending (const char *start,
               const char *end)
{
  gsize n = end - start;

  if (n < 3 || start[n - 1] != 's')
    return 0;
  if (n > 4 && start[n - 2] == 'e'
      && (start[n - 3] == 'x' || (start[n - 3] == 'h' && (start[n - 4] == 's' || start[n - 4] == 'c'))
          || (start[n - 3] == 's' && start[n - 4] == 's')))
    return 2;
  return 1;
}

/* "an agreement", "an operation": an indefinite phrase with no name, no
 * figure and no complement names no particular act ("Signing of an
 * agreement"): left out rather than shown. */
static gboolean
is_vague (const EventLexicon *lex,
          const char         *phrase)
{
  g_auto(GStrv) parts = NULL;

  if (phrase == NULL)
    return FALSE;
  for (const char *c = phrase; *c; c++)
    if (g_ascii_isupper (*c) || g_ascii_isdigit (*c) || (guchar) *c >= 0x80 || *c == '$')
      return FALSE;
  parts = g_strsplit (phrase, " ", -1);
  if (parts[0] == NULL || !g_hash_table_contains (lex->indefinite, parts[0]))
    return FALSE;
  for (guint i = 1; parts[i] != NULL; i++)
    if (g_hash_table_contains (lex->complements, parts[i]))
      return FALSE;
  return TRUE;
}

/* "pledged $100 million", "committed £40 million": the amount right after
 * a verb (a number, its scale and currency words), with the currency sign
 * written before it. Returns FALSE when none follows. */
static gboolean
amount_phrase (const char *text,
               GArray     *words,
               guint       verb,
               gsize      *start,
               gsize      *end)
{
  guint j = verb + 1, last;
  const Word *v = WORD (words, verb);

  if (j >= words->len || !WORD (words, j)->digit || !in_phrase (text, v, WORD (words, j)))
    return FALSE;
  last = j;
  while (last + 1 < words->len && in_phrase (text, WORD (words, last), WORD (words, last + 1))
         && WORD (words, last + 1)->lex != NULL
         && (WORD (words, last + 1)->lex->flags & (TALLY_LEX_SCALE | TALLY_LEX_CURRENCY)))
    last++;
  *start = v->end + 1;
  *end = WORD (words, last)->end;
  return TRUE;
}

/* "foreign ministers met", "the agreements, signed", "the board awarded a
 * contract": the subject is the words before the verb (auxiliaries skipped),
 * back to a clause word; the object the noun phrase after it. A label's %s
 * is the subject, %p its possessive, %o the object, %t what the act is done
 * to (the subject of a passive or of a verb without object, else the
 * object), %l the place when one is known. */
static Mention *
verb_mention (const EventLexicon *lex,
              const char         *text,
              GArray             *words,
              guint               verb,
              guint               n_words,
              const char         *spec,
              guint              *first_word)
{
  /* "lost contact", "went missing": a verb of two words ends at `tail`. */
  guint tail = verb + n_words - 1;
  g_auto(GStrv) parts = g_strsplit (spec, "|", 4);
  g_autofree char *subject = NULL, *object = NULL, *filled = NULL;
  TallyEventKind kind;
  Mention *m;
  int k = (int) verb - 1;
  int first, last;
  guint obj_first = 0, obj_last = 0;
  gboolean indefinite = FALSE, passive = FALSE, participle = FALSE, has_object, needs_subject;
  const char *hole;
  GString *label;

  /* "figures published by the secretariat" describe a thing, "ready to
   * sign" is willingness: the words the pattern names after the verb rule
   * the event out. */
  if (parts[1] != NULL && parts[2] != NULL && *parts[2] && tail + 1 < words->len)
    {
      g_auto(GStrv) not_after = g_strsplit (parts[2], " ", -1);

      const Word *next = WORD (words, tail + 1);

      if (g_strv_contains ((const char * const *) not_after, next->lower))
        return NULL;
      /* "#": a number ("Moya began 2005 with a win" says when, not what). */
      if (next->digit && g_strv_contains ((const char * const *) not_after, "#"))
        return NULL;
      /* "*ing": a word ending so ("started trading" says when something
       * else began, not that the subject started). */
      for (guint n = 0; not_after[n] != NULL; n++)
        if (not_after[n][0] == '*' && not_after[n][1] != '\0' && !next->cap
            && g_str_has_suffix (next->lower, not_after[n] + 1) && strlen (next->lower) > strlen (not_after[n]) + 1)
          return NULL;
    }
  /* "the collapsed bridge": after an article the verb is an adjective;
   * "apply for visits": after a preposition a noun; "the UK's most visits",
   * "their visits": after a determiner too. */
  if (k >= 0 && (WORD_IS (words, k, THE) || word_in (lex->indefinite, words, k) || word_in (lex->not_verb_after, words, k)
                 || (word_in (lex->prepositions, words, k) && !word_in (lex->auxiliaries, words, k))))
    return NULL;
  while (k >= 0 && g_hash_table_contains (lex->auxiliaries, WORD (words, k)->lower)
         && adjacent (text, WORD (words, k), WORD (words, k + 1)))
    {
      const Word *aux = WORD (words, k);

      passive |= aux->role == TALLY_ROLE_IS || aux->role == TALLY_ROLE_ARE || aux->role == TALLY_ROLE_WAS
                 || aux->role == TALLY_ROLE_WERE || aux->role == TALLY_ROLE_BE || aux->role == TALLY_ROLE_BEEN;
      k--;
    }
  /* %t and %T take the object when there is one (checked when filled). */
  needs_subject = strstr (parts[1], "%s") != NULL || strstr (parts[1], "%p") != NULL || strstr (parts[1], "%P") != NULL;
  if (k < 0 && needs_subject)
    return NULL;
  if (k < 0)
    first = 1, last = 0;
  else if (relative_antecedent (lex, text, words, k, &first, &last))
    indefinite = !WORD_IS (words, first, THE);
  else
    {
      /* "The agreements, signed on …": one comma before the verb is allowed,
       * and makes the verb a participle (passive). */
      if (!adjacent (text, WORD (words, k), WORD (words, k + 1)))
        {
          if (!(WORD (words, k + 1)->start == WORD (words, k)->end + 2 && text[WORD (words, k)->end] == ','
                && (guint) k + 1 == verb))
            return NULL;
          passive = participle = TRUE;
        }
      last = k;
      first = k + 1;
      while (k >= 0 && last - k < 7)
        {
          const Word *w = WORD (words, k);

          /* "the channel in Baltimore": a place inside the subject, between
           * two names. */
          gboolean place_inside = g_hash_table_contains (lex->place_preps, w->lower) && k + 1 <= last
                                  && WORD (words, k + 1)->cap && k > 0 && WORD (words, k - 1)->cap;

          /* "data from earlier visits": a preposition that does not open a
           * complement ("the memorandum on …") closes the subject. */
          /* "The coast guard last week recovered …": a date ends it. */
          if (w->digit || (g_hash_table_contains (lex->subject_stops, w->lower) && !place_inside)
              || lookup_int (lex->weekdays, w) != 0 || is_date_word (lex, w)
              || (w->lex != NULL && w->lex->duration != NULL && !w->cap && k > 0
                  && (WORD (words, k - 1)->digit
                      || (WORD (words, k - 1)->lex != NULL
                          && ((WORD (words, k - 1)->lex->flags & (TALLY_LEX_NUMBER | TALLY_LEX_RELATIVE_DATE))
                              || (WORD (words, k - 1)->lex->starts & TALLY_LEX_RELATIVE_DATE)))))
              || (g_hash_table_contains (lex->prepositions, w->lower) && !word_in (lex->complements, words, k)
                  && !place_inside)
              || (k < last && !adjacent (text, w, WORD (words, k + 1))))
            break;
          first = k--;
        }
      /* "the old lighthouse at Vardø was completed", "a trawler from Vardø
       * went missing": a name after a preposition is where the subject is
       * from, not the subject; the noun phrase before it is. */
      if (k >= 1 && first <= last && WORD (words, first)->cap
          && g_hash_table_contains (lex->prepositions, WORD (words, k)->lower)
          && !word_in (lex->complements, words, k) && adjacent (text, WORD (words, k), WORD (words, k + 1)))
        for (int j = k - 1; j >= 0 && k - j <= 4; j--)
          {
            const Word *w = WORD (words, j);

            if (!adjacent (text, w, WORD (words, j + 1)))
              break;
            if (j < k - 1 && (WORD_IS (words, j, THE) || g_hash_table_contains (lex->indefinite, w->lower)))
              {
                if (j == 0 || !word_in (lex->prepositions, words, j - 1))
                  first = j;
                k = j - 1;
                break;
              }
            if (w->digit || w->cap || g_hash_table_contains (lex->subject_stops, w->lower) || is_date_word (lex, w)
                || (j == k - 1 && is_clause_verb (lex, words, j)))
              break;
          }
      /* "The 31-year-old won", "200 million tracks bought": the subject
       * began in a number, and what is left of it names nothing ("18 new
       * embassies" counts them: "new embassies" still names them). */
      if (k >= 0 && WORD (words, k)->digit && k + 1 == first && first <= last
          && (text[WORD (words, k)->end] == '-'
              || (WORD (words, first)->lex != NULL && (WORD (words, first)->lex->flags & (TALLY_LEX_NUMBER | TALLY_LEX_SCALE)))))
        return NULL;
      /* "80% of the agreements": a preposition does not open a subject;
       * "… and subsequently won": nor does an adverb. */
      while (first <= last && (WORD_IS (words, first, OF) || word_in (lex->prepositions, words, first)
                               || (lex->adverb_suffix != NULL && !WORD (words, first)->cap
                                   && g_str_has_suffix (WORD (words, first)->lower, lex->adverb_suffix))))
        first++;
      /* "Pearce initially joined": nor does one end it. */
      while (last >= first && lex->adverb_suffix != NULL && !WORD (words, last)->cap
             && g_str_has_suffix (WORD (words, last)->lower, lex->adverb_suffix))
        last--;
    }
  if (!tally_event_kind_from_string (parts[0], &kind))
    return NULL;
  if (first <= last && !WORD (words, last)->digit)
    subject = phrase (lex, text, words, first, last);
  else if (needs_subject)
    return NULL;
  else
    first = verb;
  /* "crashed into the bridge": the pattern's words before the object. */
  {
    g_auto(GStrv) before = g_strsplit (parts[1] && parts[2] && parts[3] ? parts[3] : "", " ", -1);
    guint after = tail;

    /* "agreed Thursday on the fund": the day said between the verb and
     * its object. */
    if (before[0] != NULL && *before[0] && tail + 2 < words->len && lookup_int (lex->weekdays, WORD (words, tail + 1)) != 0
        && g_strv_contains ((const char * const *) before, WORD (words, tail + 2)->lower))
      after = tail + 2;
    else if (tail + 1 < words->len && g_strv_contains ((const char * const *) before, WORD (words, tail + 1)->lower))
      after = tail + 1;
    has_object = !passive && object_phrase (lex, text, words, after, &obj_first, &obj_last);
  }
  /* "was struck by a ship": the subject of a passive is not the agent the
   * label names. */
  if (passive && strstr (parts[1], "%s") != NULL && strstr (parts[1], "%o") != NULL)
    return NULL;
  if (has_object)
    object = phrase (lex, text, words, obj_first, obj_last);

  /* Fill the holes. */
  label = g_string_new (NULL);
  for (const char *p = parts[1]; *p; p++)
    {
      if (*p != '%' || p[1] == '\0')
        {
          g_string_append_c (label, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 's':
          g_string_append (label, subject);
          /* "French households buy": the pattern's verb agrees with a
           * plural subject. */
          if (p[1] == ' ' && subject_is_plural (lex, words, first, last))
            {
              const char *verb_start = p + 2, *verb_end = verb_start;

              while (*verb_end != '\0' && *verb_end != ' ' && *verb_end != '%')
                verb_end++;
              g_string_append_c (label, ' ');
              g_string_append_len (label, verb_start, verb_end - verb_start - plural_ending (verb_start, verb_end));
              p = verb_end - 1;
            }
          break;
        case 'p':
          /* "ministers’", "the president’s". */
          g_string_append (label, subject);
          g_string_append (label, g_str_has_suffix (subject, "s") ? "’" : "’s");
          break;
        case 'o':
          if (object == NULL)
            {
              g_string_free (label, TRUE);
              return NULL;
            }
          g_string_append (label, object);
          break;
        case 't':
          if ((!has_object && subject == NULL) || is_vague (lex, has_object ? object : subject))
            {
              g_string_free (label, TRUE);
              return NULL;
            }
          g_string_append (label, has_object ? object : subject);
          break;
        case 'O':
          /* The object when there is one: "The service begins an
           * investigation", "Work begins". */
          if (has_object)
            {
              g_string_append_c (label, ' ');
              g_string_append (label, object);
            }
          break;
        case 'T':
          /* "Labour completed" says who, not what: only a passive's subject
           * or an object is what the act was done to. */
          if ((!has_object && (!passive || subject == NULL)) || is_vague (lex, has_object ? object : subject))
            {
              g_string_free (label, TRUE);
              return NULL;
            }
          g_string_append (label, has_object ? object : subject);
          break;
        case 'P':
          /* "the wreck was found" names what was found; "researchers found
           * exports rising" does not: a passive's subject only. */
          if (!passive || subject == NULL || is_vague (lex, subject))
            {
              g_string_free (label, TRUE);
              return NULL;
            }
          g_string_append (label, subject);
          break;
        case 'm':
          /* An amount: "Germany pledges $100 million"; none, no act
           * ("committed to the plan"). */
          {
            gsize a_start, a_end;

            if (passive || !amount_phrase (text, words, tail, &a_start, &a_end))
              {
                g_string_free (label, TRUE);
                return NULL;
              }
            g_string_append_len (label, text + a_start, a_end - a_start);
            obj_last = MAX (obj_last, tail);
            while (obj_last + 1 < words->len && WORD (words, obj_last + 1)->end <= a_end)
              obj_last++;
            has_object = TRUE;
          }
          break;
        case 'l':
          /* Filled once the place is known (tally_events_fill_place). */
          g_string_append_c (label, '\x01');
          break;
        default:
          g_string_append_c (label, *p);
        }
    }
  filled = g_string_free (label, FALSE);
  hole = strchr (parts[1], '%');

  m = g_new0 (Mention, 1);
  m->kind = kind;
  m->verb = TRUE;
  m->participle = participle;
  m->transitive = has_object && !passive;
  m->named_start = WORD (words, MIN ((guint) first, verb))->start;
  m->named_end = has_object ? WORD (words, obj_last)->end : WORD (words, tail)->end;
  if (strchr (filled, '\x01') != NULL)
    {
      m->place_label = g_strdup (filled);
      m->place = verb_place (lex, text, words, tail, parts[1] && parts[2] ? parts[3] : NULL);
    }
  m->of_label = tally_events_fill_place (filled, NULL);
  /* "a container terminal … ready" is named by where it is: "Aktau
   * container terminal ready", when the place is found. */
  if (indefinite && hole == parts[1] && hole[1] == 's')
    m->bare_label = g_strdup (m->of_label);
  capitalise_first (m->of_label);
  *first_word = first;
  return m;
}

/* A label with its place marker filled: "President Biden visits \x01" and
 * "Baltimore" → "President Biden visits Baltimore"; no place: the marker
 * and the space before it go. */
char *
tally_events_fill_place (const char *label,
                         const char *place)
{
  const char *mark = strchr (label, '\x01');
  GString *out;

  if (mark == NULL)
    return g_strdup (label);
  out = g_string_new_len (label, mark - label);
  if (place != NULL)
    g_string_append (out, place);
  else
    while (out->len > 0 && out->str[out->len - 1] == ' ')
      g_string_truncate (out, out->len - 1);
  g_string_append (out, mark + 1);
  return g_string_free (out, FALSE);
}

/* "%s %s" of two words' folded forms into `out` (2 × sizeof lower + 1
 * bytes), without printf: this runs for every pair of words. */
static void
join_pair (char       *out,
           const Word *first,
           const Word *second)
{
  gsize a = strnlen (first->lower, sizeof first->lower - 1);
  gsize b = strnlen (second->lower, sizeof second->lower - 1);

  memcpy (out, first->lower, a);
  out[a] = ' ';
  memcpy (out + a + 1, second->lower, b);
  out[a + 1 + b] = '\0';
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
      /* Most words are in no table read below: one look-up says so. Every
       * mention starts at such a word: sentences without one are not read
       * at all (tally_events_tokens_need_words()). */
      gboolean hot = finder->read_every_sentence || g_hash_table_contains (lex->mention_words, w->lower);

      /* "Years of Cultural Exchange" */
      if (hot && w->cap && i + 2 < words->len)
        {
          char key[2 * sizeof w->lower + 1];

          join_pair (key, w, WORD (words, i + 1));

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

      kind1 = hot ? GPOINTER_TO_UINT (g_hash_table_lookup (lex->nouns, w->lower)) : 0;
      /* Two-word nouns: "press conference" is a briefing, not a conference. */
      if (hot && i > 0 && adjacent (text, WORD (words, i - 1), w))
        {
          char pair[2 * sizeof w->lower + 1];
          guint pair_kind;

          join_pair (pair, WORD (words, i - 1), w);
          pair_kind = GPOINTER_TO_UINT (g_hash_table_lookup (lex->nouns, pair));
          if (pair_kind != 0)
            kind1 = pair_kind;
        }
      /* "will visit", "Biden visits": a word both noun and verb is a verb
       * after an auxiliary or a name; "a visit", "his visit" a noun. */
      if (kind1 != 0 && i > 0 && g_hash_table_contains (lex->verbs, w->lower)
          && adjacent (text, WORD (words, i - 1), w)
          && (g_hash_table_contains (lex->auxiliaries, WORD (words, i - 1)->lower)
              || (WORD (words, i - 1)->cap && WORD (words, i - 1)->alpha)))
        kind1 = 0;
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
          /* "a meeting of transport ministers", "a visit to the collapse
           * site", "the collapse of the Francis Scott Key Bridge" */
          if (f.m->title == NULL && f.m->ordinal == 0 && i + 2 < words->len
              && word_in (lex->complements, words, i + 1) && adjacent (text, w, WORD (words, i + 1))
              && !is_date_word (lex, WORD (words, i + 2)))
            {
              guint last = i + 1;

              while (last + 1 < words->len && last < i + 10 && !is_date_word (lex, WORD (words, last + 1))
                     && !WORD (words, last + 1)->digit
                     && adjacent (text, WORD (words, last), WORD (words, last + 1))
                     && !g_hash_table_contains (lex->place_preps, WORD (words, last + 1)->lower)
                     && !g_hash_table_contains (lex->auxiliaries, WORD (words, last + 1)->lower)
                     && tally_events_match_phrase (lex->future, words, last + 1) == 0
                     && !word_in (lex->of_label_stops, words, last + 1)
                     && !is_clause_verb (lex, words, last + 1))
                last++;
              /* A phrase cut at the length limit would end mid-way. */
              if (last > i + 1 && !(last == i + 10 && last + 1 < words->len
                                    && adjacent (text, WORD (words, last), WORD (words, last + 1))))
                {
                  f.m->of_label = slice (text, w->start, WORD (words, last)->end);
                  capitalise_first (f.m->of_label);
                  f.m->named_start = w->start;
                  f.m->named_end = WORD (words, last)->end;
                }
            }
          /* "the bridge's collapse", "Apple's 2005 launch": the possessive
           * names whose event it is. */
          if (f.m->title == NULL && f.m->ordinal == 0 && f.m->of_label == NULL && f.m->place == NULL && i > 1)
            {
              int p = (int) i - 1, first = -1;
              const char *lower;

              if (WORD (words, p)->digit && strlen (WORD (words, p)->lower) == 4 && adjacent (text, WORD (words, p), w))
                p--;
              lower = WORD (words, p)->lower;
              if (adjacent (text, WORD (words, p), WORD (words, p + 1))
                  && (g_str_has_suffix (lower, "'s") || g_str_has_suffix (lower, "\xE2\x80\x99s")))
                {
                  if (WORD (words, p)->cap)
                    {
                      first = p;
                      /* "Claiming Labour's meeting": a capitalised verb in -ing opens a clause. */
                      while (first > 0 && WORD (words, first - 1)->cap && WORD (words, first - 1)->alpha
                             && !g_str_has_suffix (WORD (words, first - 1)->lower, "ing")
                             && adjacent (text, WORD (words, first - 1), WORD (words, first)))
                        first--;
                      if (first > 0 && WORD_IS (words, first - 1, THE)
                          && adjacent (text, WORD (words, first - 1), WORD (words, first)))
                        first--;
                    }
                  else
                    for (int j = p - 1; j >= 0 && p - j <= 3; j--)
                      {
                        if (!adjacent (text, WORD (words, j), WORD (words, j + 1)) || WORD (words, j)->digit
                            || word_in (lex->prepositions, words, j) || word_in (lex->subject_stops, words, j))
                          break;
                        if (WORD_IS (words, j, THE))
                          {
                            first = j;
                            break;
                          }
                      }
                }
              /* "next Friday's strike", "last week's collapse": a date, not an owner. */
              for (int j = first; j >= 0 && j <= p; j++)
                if (is_date_word (lex, WORD (words, j)) || lookup_int (lex->weekdays, WORD (words, j)) != 0
                    || (!WORD_IS (words, j, THE) && WORD (words, j)->lex != NULL
                        && (WORD (words, j)->lex->starts & TALLY_LEX_RELATIVE_DATE)))
                  first = -1;
              if (first >= 0)
                {
                  g_autofree char *owner = slice (text, WORD (words, first)->start, WORD (words, p)->end);
                  g_autofree char *noun = slice (text, w->start, w->end);

                  f.m->of_label = g_strdup_printf ("%s %s", owner, noun);
                  capitalise_first (f.m->of_label);
                }
            }
          /* "Ministers open the Lahti forum", "leaders closed the Third …
           * Summit": a named gathering the verb acts on keeps the mention
           * (and the date), as when it is the verb's subject. */
          if (found->len > 0 && (f.m->title != NULL || f.m->ordinal > 0 || f.m->place != NULL)
              && tally_events_is_gathering (lex, f.m->kind))
            {
              Found *prev = &g_array_index (found, Found, found->len - 1);

              if (prev->m->verb && prev->m->named_start <= w->start && w->end <= prev->m->named_end)
                {
                  tally_events_mention_free (prev->m);
                  g_array_set_size (found, found->len - 1);
                }
            }
          g_array_append_val (found, f);
          continue;
        }

      {
        const char *spec = NULL;
        guint n_words = 1;

        /* "lost contact", "went missing": two words before one. */
        if (hot && i + 1 < words->len && adjacent (text, w, WORD (words, i + 1)))
          {
            char pair[2 * sizeof w->lower + 1];

            join_pair (pair, w, WORD (words, i + 1));
            spec = g_hash_table_lookup (lex->verbs, pair);
            n_words = spec != NULL ? 2 : 1;
          }
        if (spec == NULL && hot)
          spec = g_hash_table_lookup (lex->verbs, w->lower);
        if (spec != NULL)
          {
            Mention *m = verb_mention (lex, text, words, i, n_words, spec, &f.word);

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
                    /* "The eruption of Mount Hekla … closed two airports":
                     * a named act that does another to something else; both
                     * stay. */
                    else if (m->transitive && prev->m->of_label != NULL)
                      ;
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
                f.noun = i + n_words - 1;
                m->verb_words = n_words;
                g_array_append_val (found, f);
              }
            i += n_words - 1;
            continue;
          }
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
