/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tally-events-private.h"
#include "tally-tokenizer.h"

/* Folds a word and reads what its letters say: capitalised, a name. */
static void
word_fill (Word       *w,
           const char *text)
{
  const char *p = text + w->start;
  const char *q = text + w->end;
  gboolean ascii = TRUE;
  gboolean possessive;

  /* "Aktau's" is not the name of a place; "Xi'an" is. */
  possessive = (q - p > 2 && q[-1] == 's' && q[-2] == '\'')
               || (q - p > 4 && q[-1] == 's' && strncmp (q - 4, "\xE2\x80\x99", 3) == 0);
  w->digit = g_ascii_isdigit (*p);
  w->cap = w->alpha = FALSE;
  /* `lower` is read as a string: a word too long for it is "". */
  w->lower[0] = '\0';
  for (const char *r = p; r < q; r++)
    ascii &= (guchar) *r < 0x80;
  if (ascii)
    {
      /* The common case, in one pass, without allocating. */
      gboolean fits = (gsize) (q - p) < sizeof w->lower;
      gboolean alpha = TRUE;

      w->cap = g_ascii_isupper (*p);
      for (const char *r = p; r < q; r++)
        {
          char c = *r;

          if (fits)
            w->lower[r - p] = g_ascii_isupper (c) ? (char) (c | 0x20) : c;
          alpha &= g_ascii_isalpha (c) || c == '\'' || c == '-' || (c == '.' && r > p);
        }
      if (fits)
        w->lower[q - p] = '\0';
      w->alpha = alpha;
    }
  else if (g_utf8_validate_len (p, q - p, NULL))
    {
      g_autofree char *down = g_utf8_strdown (p, q - p);
      gsize n = strlen (down);

      if (n < sizeof w->lower)
        memcpy (w->lower, down, n + 1);
      w->cap = g_unichar_isupper (g_utf8_get_char (p));
      w->alpha = TRUE;
      for (const char *r = p; r < q; r = g_utf8_next_char (r))
        {
          gunichar c = g_utf8_get_char (r);

          w->alpha &= g_unichar_isalpha (c) || c == '\'' || c == '-' || c == 0x2013 || c == 0x2019;
        }
    }
  else if ((gsize) (q - p) < sizeof w->lower)
    {
      /* Not UTF-8 (the caller should have decoded it): ASCII folding only,
       * so the word never matches anything by accident. */
      for (gsize k = 0; k < (gsize) (q - p); k++)
        w->lower[k] = g_ascii_tolower (p[k]);
      w->lower[q - p] = '\0';
    }
  if (possessive)
    w->alpha = FALSE;
}

static gboolean
is_en_dash (const char       *text,
            const TallyToken *t)
{
  return t->type == TALLY_TOKEN_DASH && t->end - t->start == 3
         && strncmp (text + t->start, "\xE2\x80\x93", 3) == 0;
}

/* Adds one token to the sentence's words: words and numbers, an en dash
 * between two of them with no space joining them ("Baltic–Caspian"). */
static void
add_token (GArray           *words,
           const char       *text,
           gsize             end,
           const TallyToken *t,
           gboolean         *join_next)
{
  Word w = { 0 };

  /* "Baltic–Caspian", "2026–2027": an en dash between two words with no
   * space either side makes one word of them. */
  if (is_en_dash (text, t) && words->len > 0 && !(t->flags & TALLY_TOKEN_SPACE_BEFORE)
      && WORD (words, words->len - 1)->end == t->start && t->end < end
      && text[t->end] != ' ' && text[t->end] != '\n')
    {
      *join_next = TRUE;
      return;
    }
  if (t->type != TALLY_TOKEN_WORD && t->type != TALLY_TOKEN_NUMBER)
    {
      *join_next = FALSE;
      return;
    }
  if (*join_next && !(t->flags & TALLY_TOKEN_SPACE_BEFORE))
    {
      Word *prev = WORD (words, words->len - 1);

      *join_next = FALSE;
      if (prev->digit == (t->type == TALLY_TOKEN_NUMBER))
        {
          prev->end = t->end;
          word_fill (prev, text);
          prev->role = TALLY_ROLE_NONE;
          prev->lex = NULL;
          return;
        }
    }
  *join_next = FALSE;
  w.start = t->start;
  w.end = t->end;
  word_fill (&w, text);
  w.lex = t->lex;
  w.role = t->lex != NULL ? t->lex->role : TALLY_ROLE_NONE;
  g_array_append_val (words, w);
}

GArray *
tally_events_split_words (const TallyLexicon *lexicon,
                          const char         *text,
                          gsize               start,
                          gsize               end)
{
  GArray *words = g_array_new (FALSE, TRUE, sizeof (Word));
  gsize pos = start;
  TallyToken t;
  gboolean join_next = FALSE;

  while (tally_tokenizer_next (lexicon, text, end, &pos, &t))
    add_token (words, text, end, &t, &join_next);
  return words;
}

GArray *
tally_events_split_tokens (const char       *text,
                           const TallyToken *tokens,
                           guint             n_tokens,
                           gsize             end)
{
  GArray *words = g_array_sized_new (FALSE, TRUE, sizeof (Word), n_tokens);
  gboolean join_next = FALSE;

  for (guint i = 0; i < n_tokens && tokens[i].end <= end; i++)
    add_token (words, text, end, &tokens[i], &join_next);
  return words;
}

gboolean
tally_events_tokens_need_words (const EventLexicon *lex,
                                const char         *text,
                                const TallyToken   *tokens,
                                guint               n_tokens,
                                gsize               end)
{
  if (!lex->mention_filter_ready)
    return TRUE;
  for (guint i = 0; i < n_tokens && tokens[i].end <= end; i++)
    {
      const TallyToken *t = &tokens[i];
      const char *p = text + t->start;
      gsize n = t->end - t->start;
      char lower[sizeof ((Word *) NULL)->lower];
      gsize key_len = 0;
      guint32 bit;
      gboolean ascii = TRUE;

      /* A dash may join two words into one the tokens do not show. */
      if (is_en_dash (text, t) && !(t->flags & TALLY_TOKEN_SPACE_BEFORE))
        return TRUE;
      if (t->type != TALLY_TOKEN_WORD && t->type != TALLY_TOKEN_NUMBER)
        continue;
      /* "Aktau, the …": an apposition may name a place. */
      if (t->lex != NULL && t->lex->role == TALLY_ROLE_THE && t->start >= 2 && text[t->start - 2] == ',')
        return TRUE;
      /* The word folded as word_fill() folds it; one too long for Word.lower
       * is "", which no lexicon holds. */
      for (gsize k = 0; k < n && ascii; k++)
        ascii = (guchar) p[k] < 0x80;
      if (ascii && n < sizeof lower)
        {
          for (gsize k = 0; k < n; k++)
            lower[k] = g_ascii_isupper (p[k]) ? (char) (p[k] | 0x20) : p[k];
          key_len = n;
        }
      else if (!ascii)
        {
          Word w = { 0 };

          w.start = t->start;
          w.end = t->end;
          word_fill (&w, text);
          memcpy (lower, w.lower, sizeof lower);
          key_len = strlen (lower);
        }
      /* A bit clear: not a mention word; a bit set: look it up. */
      bit = tally_events_word_hash (lower, key_len) % MENTION_FILTER_BITS;
      if (!(lex->mention_filter[bit / 64] & (G_GUINT64_CONSTANT (1) << (bit % 64))))
        continue;
      lower[key_len] = '\0';
      if (g_hash_table_contains (lex->mention_words, lower))
        return TRUE;
    }
  return FALSE;
}

guint
tally_events_match_phrase (GPtrArray *phrases,
                           GArray    *words,
                           guint      i)
{
  /* No word there: nothing matches (an empty phrase matches no word either). */
  if (i >= words->len)
    return 0;
  for (guint p = 0; p < phrases->len; p++)
    {
      char **parts = g_ptr_array_index (phrases, p);
      guint n = 0;

      /* Most phrases differ from the word at its first letter. */
      if (parts[0] != NULL && parts[0][0] != WORD (words, i)->lower[0])
        continue;

      while (parts[n] != NULL && i + n < words->len && strcmp (parts[n], WORD (words, i + n)->lower) == 0)
        n++;
      if (parts[n] == NULL)
        return n;
    }
  return 0;
}
