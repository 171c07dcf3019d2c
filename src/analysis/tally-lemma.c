/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-lemma.h"
#include "tally-dictionary.h"

#include <string.h>

static gboolean
ends_with (const char *word,
           gsize       len,
           const char *suffix)
{
  gsize n = strlen (suffix);

  return len >= n && g_ascii_strncasecmp (word + len - n, suffix, n) == 0;
}

static void
append_lower (GString    *out,
              const char *word,
              gsize       len)
{
  for (gsize i = 0; i < len; i++)
    g_string_append_c (out, g_ascii_tolower (word[i]));
}

void
tally_lemma_append (const TallyLexicon *lexicon,
                    GString            *out,
                    const char         *word,
                    gsize               len)
{
  const TallyLexEntry *entry;
  gsize hyphen = len;

  /* "ministerial-level": only the last part of a compound is inflected. */
  for (gsize i = len; i > 0; i--)
    if (word[i - 1] == '-')
      {
        hyphen = i;
        break;
      }
  if (hyphen < len)
    {
      append_lower (out, word, hyphen);
      tally_lemma_append (lexicon, out, word + hyphen, len - hyphen);
      return;
    }

  entry = tally_lexicon_lookup (lexicon, word, len);
  if (entry != NULL && (entry->flags & TALLY_LEX_LEMMA))
    {
      g_string_append (out, entry->lemma);
      return;
    }
  /* An inflected language: its dictionary's lemma, else the word as written
   * (the English plural rules below would be wrong). */
  if (tally_lexicon_inflected (lexicon))
    {
      g_autofree char *lemma = tally_lexicon_dictionary (lexicon) != NULL
                               ? tally_dictionary_lemma (tally_lexicon_dictionary (lexicon), word, len) : NULL;

      if (lemma != NULL)
        g_string_append (out, lemma);
      else
        {
          g_autofree char *lower = g_utf8_strdown (word, len);

          g_string_append (out, lower);
        }
      return;
    }

  if (ends_with (word, len, "'s") || ends_with (word, len, "’s"))
    append_lower (out, word, len - (word[len - 2] == '\'' ? 2 : 4));
  /* "EVs", "SUVs": an abbreviation's plural */
  else if (len >= 3 && word[len - 1] == 's' && g_ascii_isupper (word[len - 2]))
    append_lower (out, word, len - 1);
  else if (len <= 3 || !ends_with (word, len, "s") || ends_with (word, len, "ss")
      || ends_with (word, len, "us") || ends_with (word, len, "is"))
    append_lower (out, word, len);
  else if (ends_with (word, len, "ies") && len > 4)
    {
      append_lower (out, word, len - 3);
      g_string_append_c (out, 'y');
    }
  else if (ends_with (word, len, "sses") || ends_with (word, len, "xes")
           || ends_with (word, len, "ches") || ends_with (word, len, "shes")
           || ends_with (word, len, "zzes"))
    append_lower (out, word, len - 2);
  else
    append_lower (out, word, len - 1);
}
