/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tally-events-private.h"

/* "US", "IT": a word in capitals is an initialism, never a pronoun. */
static gboolean
is_initialism (const char *text,
               const Word *w)
{
  if (w->end - w->start < 2)
    return FALSE;
  for (gsize i = w->start; i < w->end; i++)
    if (!g_ascii_isupper (text[i]) && text[i] != '.')
      return FALSE;
  return TRUE;
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

      if (is_initialism (label, w))
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
  if (!is_initialism (label, last)
      && (g_hash_table_contains (lex->label_end_not, last->lower)
          || (last->lex != NULL && (last->lex->flags & TALLY_LEX_DETERMINER))))
    return TRUE;
  /* "… acquires the government's 26": a number after an article or a
   * possessive counts a noun that is not there. */
  if (words->len >= 2 && last->digit)
    {
      const Word *before = WORD (words, words->len - 2);

      if (g_str_has_suffix (before->lower, "'s") || g_str_has_suffix (before->lower, "\xE2\x80\x99s")
          || before->role == TALLY_ROLE_THE || g_hash_table_contains (lex->label_end_not, before->lower))
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
