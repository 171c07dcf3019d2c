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

/* Whether the dictionary can be used (libhunspell built in and the files found). */
gboolean  tally_dictionary_available (const char *dictionary);

G_END_DECLS
