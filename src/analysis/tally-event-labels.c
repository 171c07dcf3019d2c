/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tally-events-private.h"

static gboolean
all_capitals (const char *text,
              const Word *w)
{
  if (w->end - w->start < 2)
    return FALSE;
  for (gsize i = w->start; i < w->end; i++)
    if (!g_ascii_isupper (text[i]) && text[i] != '.')
      return FALSE;
  return TRUE;
}

/* "US", "IT": a word in capitals is an initialism, never a pronoun; but in
 * a run of three or more words in capitals ("HOW IT ALL starts", a heading
 * set in capitals) each is a plain word. */
static gboolean
is_initialism_in (const char *text,
                  GArray     *words,
                  guint       i)
{
  guint run = 1;

  if (!all_capitals (text, WORD (words, i)))
    return FALSE;
  for (guint j = i; j > 0 && all_capitals (text, WORD (words, j - 1)); j--)
    run++;
  for (guint j = i + 1; j < words->len && all_capitals (text, WORD (words, j)); j++)
    run++;
  return run < 3;
}

static gboolean
is_possessive (const Word *w)
{
  return g_str_has_suffix (w->lower, "'s") || g_str_has_suffix (w->lower, "\xE2\x80\x99s");
}

/* The word without a possessive ending: "they’s" → "they". */
static void
strip_possessive (const char *lower,
                  char       *out,
                  gsize       size)
{
  gsize n = strlen (lower);

  g_strlcpy (out, lower, size);
  if (n > 2 && strcmp (lower + n - 2, "'s") == 0)
    out[n - 2] = '\0';
  else if (n > 4 && strcmp (lower + n - 4, "\xE2\x80\x99s") == 0)
    out[n - 4] = '\0';
}

gboolean
tally_events_label_is_broken (const EventLexicon *lex,
                              const TallyLexicon *words_lex,
                              const char         *label)
{
  g_autoptr(GArray) words = NULL;
  const Word *last;

  if (label == NULL || *label == '\0')
    return TRUE;
  words = tally_events_split_words (words_lex, label, 0, strlen (label));
  if (words->len == 0)
    return TRUE;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = WORD (words, i);
      char bare[sizeof w->lower];

      if (is_initialism_in (label, words, i))
        continue;
      strip_possessive (w->lower, bare, sizeof bare);
      if (g_hash_table_contains (lex->label_pronouns, bare))
        return TRUE;
      /* A capitalised word inside a label is a name ("Talks with May"); the
       * first word is capitalised because it comes first. */
      if (i > 0 && w->cap)
        continue;
      /* "May elections": a month is not the modal. */
      if (w->lex != NULL && (w->lex->flags & TALLY_LEX_MONTH) && w->cap)
        continue;
      if (g_hash_table_contains (lex->label_never, bare))
        return TRUE;
    }

  last = WORD (words, words->len - 1);
  if (!is_initialism_in (label, words, words->len - 1)
      && (g_hash_table_contains (lex->label_end_not, last->lower)
          || (last->lex != NULL && (last->lex->flags & TALLY_LEX_DETERMINER))))
    return TRUE;
  /* "… acquires the government's 26": a number after an article or a
   * possessive counts a noun that is not there. */
  if (words->len >= 2 && last->digit)
    {
      const Word *before = WORD (words, words->len - 2);

      if (is_possessive (before) || before->role == TALLY_ROLE_THE
          || g_hash_table_contains (lex->label_end_not, before->lower))
        return TRUE;
    }
  /* "Collapse of Cunningham's proposed", "Launch of the planned": a
   * participle after a possessive or an article modifies a noun that is
   * not there. */
  if (words->len >= 2 && g_str_has_suffix (last->lower, "ed") && !last->cap)
    {
      const Word *before = WORD (words, words->len - 2);

      if (g_str_has_suffix (before->lower, "'s") || g_str_has_suffix (before->lower, "\xE2\x80\x99s")
          || before->role == TALLY_ROLE_THE || g_hash_table_contains (lex->label_end_not, before->lower))
        return TRUE;
    }
  /* "Collapse of Kieron Cunningham's": a possessive names a noun that is
   * not there. */
  if (words->len >= 2 && is_possessive (last))
    return TRUE;
  for (guint i = 1; i < words->len; i++)
    {
      const Word *w = WORD (words, i), *before = WORD (words, i - 1);

      /* "Launch of during the event": a preposition right after the
       * complement's "of" opens no noun phrase. */
      if (g_hash_table_contains (lex->complements, before->lower)
          && g_hash_table_contains (lex->prepositions, w->lower) && !w->cap)
        return TRUE;
      /* "Publication of the time the answer", "Release of Michael G Wilson
       * expect the film": an article right after a lower-case word that is
       * neither a function word nor a verb in -s starts a second noun phrase
       * the label ran into. */
      if ((w->role == TALLY_ROLE_THE || g_hash_table_contains (lex->indefinite, w->lower)) && i >= 2
          && !before->cap && !before->digit && before->alpha && !g_str_has_suffix (before->lower, "s")
          && !g_hash_table_contains (lex->label_end_not, before->lower)
          && !g_hash_table_contains (lex->prepositions, before->lower)
          && !g_hash_table_contains (lex->complements, before->lower)
          && !g_hash_table_contains (lex->place_preps, before->lower)
          && before->role != TALLY_ROLE_AND && before->role != TALLY_ROLE_OR && before->role != TALLY_ROLE_OF
          /* "Agreement to launch the fund": an infinitive takes its object. */
          && WORD (words, i - 2)->role != TALLY_ROLE_TO)
        return TRUE;
    }
  /* A label that stops inside its words: "Signing of the" after trimming, or
   * an unclosed bracket. */
  if (strchr (label, '(') != NULL && strchr (label, ')') == NULL)
    return TRUE;
  return FALSE;
}

gboolean
tally_event_finder_label_is_broken (TallyEventFinder *finder,
                                    const char       *label)
{
  g_return_val_if_fail (finder != NULL, TRUE);

  return tally_events_label_is_broken (finder->lex, finder->words_lex, label);
}
