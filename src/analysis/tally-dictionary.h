/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Word lemmas from a Hunspell dictionary (Debian's hunspell-ru is
 * /usr/share/hunspell/ru_RU.{aff,dic}): "зданий" → "здание", "составила" →
 * "составить". A language's lexicon names its dictionary ([conventions]
 * dictionary = ru_RU). Dictionaries are looked for in $TALLY_HUNSPELL_DIR,
 * /app/share/hunspell and /usr/share/hunspell, loaded once on first use and
 * shared by all threads; lemmas are cached. Without libhunspell (a build
 * option) or without the dictionary every call returns NULL, and callers
 * keep the word as written. */
char     *tally_dictionary_lemma     (const char *dictionary,
                                      const char *word,
                                      gsize       len);

/* The word's lemma as the dictionary writes it, the word not lower-cased
 * first: a name keeps its capital ("Казахстана" → "Казахстан", "России" →
 * "Россия"), a common noun that opens a sentence loses it ("Товарооборот" →
 * "товарооборот"). NULL when the dictionary does not know the word. */
char     *tally_dictionary_lemma_as_written (const char *dictionary,
                                             const char *word,
                                             gsize       len);

/* Whether the dictionary knows the word as written and writes every reading
 * of it in lower case: "Heavy", "Initial" (common words opening a sentence),
 * not "Tesla" (a name and a unit) nor an unknown "Brask". FALSE without the
 * dictionary. */
gboolean  tally_dictionary_common_word (const char *dictionary,
                                        const char *word,
                                        gsize       len);

/* Whether the dictionary can be used (libhunspell built in and the files found). */
gboolean  tally_dictionary_available (const char *dictionary);

G_END_DECLS
