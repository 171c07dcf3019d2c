/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-story-anchors.h"

#include <string.h>

#include "tally-claims.h"
#include "tally-dictionary.h"
#include "tally-gazetteer.h"
#include "tally-lexicon.h"

/* Names of up to this many words: "Bank of China", "Republic of Korea". */
#define MAX_NAME_WORDS 4

const char *
tally_story_anchors_language (const char *language)
{
  g_autofree char *primary = NULL;
  const char *dash;

  if (language == NULL || g_str_equal (language, "und") || language[0] == '\0')
    return g_intern_static_string ("en");
  dash = strchr (language, '-');
  primary = dash != NULL ? g_ascii_strdown (language, dash - language) : g_ascii_strdown (language, -1);
  return g_intern_string (primary);
}

static void
count (GHashTable *counts,
       const char *subject)
{
  g_hash_table_insert (counts, (gpointer) subject,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, subject)) + 1));
}

/* Scripts without spaces: the longest name at each character. */
static void
add_unspaced (const TallyGazetteer *g,
              const char           *text,
              gsize                 len,
              GHashTable           *counts)
{
  gsize p = 0;

  while (p < len)
    {
      const char *subject;
      gsize n = tally_gazetteer_match_prefix (g, text + p, len - p, &subject, NULL);

      /* A Latin name is a whole word: not "Teslas". */
      if (n > 0 && g_ascii_isalnum (text[p])
          && ((p > 0 && g_ascii_isalnum (text[p - 1])) || (p + n < len && g_ascii_isalnum (text[p + n]))))
        n = 0;
      if (n > 0)
        {
          count (counts, subject);
          p += n;
          continue;
        }
      p = g_utf8_next_char (text + p) - text;
    }
}

typedef struct
{
  gsize start;
  gsize end;
  gboolean capital;
} Word;

/* Words: runs of letters and digits, a hyphen or apostrophe inside. */
static GArray *
split_words (const char *text,
             gsize       len)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text, *end = text + len;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      Word w;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      if (!g_unichar_isalnum (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      w.start = p - text;
      w.capital = g_unichar_isupper (c);
      while (p < end)
        {
          const char *next;

          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            break;
          next = g_utf8_next_char (p);
          if (g_unichar_isalnum (c))
            p = next;
          else if ((c == '-' || c == '\'' || c == 0x2019) && next < end
                   && g_unichar_isalnum (g_utf8_get_char_validated (next, end - next)))
            p = next;
          else
            break;
        }
      w.end = p - text;
      g_array_append_val (words, w);
    }
  return words;
}

/* The words [first, first + n) joined by spaces, each as its lemma when the
 * language inflects ("Казахстана" → "Казахстан"), "’s" left out of the last. */
static void
phrase (const char   *text,
        const Word   *words,
        guint         n,
        const char   *dictionary,
        GString      *out)
{
  g_string_truncate (out, 0);
  for (guint k = 0; k < n; k++)
    {
      gsize start = words[k].start, end = words[k].end;
      g_autofree char *lemma = NULL;

      if (k + 1 == n && end - start > 2 && text[end - 2] == '\'' && text[end - 1] == 's')
        end -= 2;
      else if (k + 1 == n && end - start > 4 && memcmp (text + end - 4, "\xe2\x80\x99s", 4) == 0)
        end -= 4;
      if (k > 0)
        g_string_append_c (out, ' ');
      if (dictionary != NULL)
        lemma = tally_dictionary_lemma_as_written (dictionary, text + start, end - start);
      if (lemma != NULL)
        g_string_append (out, lemma);
      else
        g_string_append_len (out, text + start, end - start);
    }
}

/* Languages with spaces: the longest run of capitalised words (up to
 * MAX_NAME_WORDS, "of" allowed inside) that the gazetteer knows, from each
 * capitalised word. */
static void
add_spaced (const TallyGazetteer *g,
            const char           *language,
            const char           *text,
            gsize                 len,
            GHashTable           *counts)
{
  const TallyLexicon *lexicon = tally_lexicon_get (language, NULL);
  const char *dictionary = lexicon != NULL && tally_lexicon_inflected (lexicon)
                           ? tally_lexicon_dictionary (lexicon) : NULL;
  g_autoptr(GArray) words = split_words (text, len);
  g_autoptr(GString) key = g_string_new (NULL);
  const Word *w = (const Word *) words->data;

  for (guint i = 0; i < words->len; i++)
    {
      guint longest = 0;

      if (!w[i].capital)
        continue;
      while (longest < MAX_NAME_WORDS && i + longest < words->len
             && (w[i + longest].capital || (longest > 0 && i + longest + 1 < words->len
                                            && w[i + longest + 1].capital
                                            && w[i + longest].end - w[i + longest].start <= 3)))
        longest++;
      for (guint n = longest; n > 0; n--)
        {
          const char *subject;

          if (!w[i + n - 1].capital)
            continue;
          phrase (text, w + i, n, dictionary, key);
          subject = tally_gazetteer_lookup (g, key->str, key->len, NULL);
          if (subject != NULL)
            {
              count (counts, subject);
              i += n - 1;
              break;
            }
        }
    }
}

/* Figures are written alike in every language once read: "$15 billion",
 * "15 млрд долларов" and "150亿美元" are 1.5e10. Amounts, counts of a
 * hundred or more and percentages, to three significant digits, as
 * strings the gazetteer's names cannot be ("#money 1.5e+10"). */
static void
add_figures (const char *language,
             const char *text,
             gsize       len,
             GHashTable *counts,
             GHashTable *strings)
{
  TallyExtractOptions options;
  g_autoptr(GPtrArray) claims = NULL;

  tally_extract_options_init (&options);
  options.language = tally_claims_language_for (language);
  claims = tally_extract_claims (text, len, &options);
  for (guint i = 0; i < claims->len; i++)
    {
      const TallyClaimRecord *c = g_ptr_array_index (claims, i);
      g_autofree char *figure = NULL;
      char *interned;

      if (!c->has_value || !((c->kind == TALLY_CLAIM_KIND_MONEY && c->value >= 1)
                             || (c->kind == TALLY_CLAIM_KIND_COUNT && c->value >= 100)
                             || c->kind == TALLY_CLAIM_KIND_PERCENT))
        continue;
      figure = g_strdup_printf ("#%s %.3g", tally_claim_kind_to_string (c->kind), c->value);
      interned = g_hash_table_lookup (strings, figure);
      if (interned == NULL)
        {
          interned = g_steal_pointer (&figure);
          g_hash_table_add (strings, interned);
        }
      count (counts, interned);
    }
}

void
tally_story_anchors_add_figures (const char *language,
                                 const char *text,
                                 gsize       len,
                                 GHashTable *counts,
                                 GHashTable *strings)
{
  g_return_if_fail (counts != NULL && strings != NULL);
  if (text != NULL && len > 0)
    add_figures (tally_story_anchors_language (language), text, len, counts, strings);
}

void
tally_story_anchors_add (const char *language,
                         const char *text,
                         gsize       len,
                         GHashTable *counts)
{
  const char *primary = tally_story_anchors_language (language);
  const TallyGazetteer *g;

  g_return_if_fail (counts != NULL);
  if (text == NULL || len == 0)
    return;
  g = tally_gazetteer_get (primary);
  if (g == NULL)
    g = tally_gazetteer_get ("en");
  if (g_str_equal (primary, "zh") || g_str_equal (primary, "ja"))
    add_unspaced (g, text, len, counts);
  else
    add_spaced (g, primary, text, len, counts);
}
