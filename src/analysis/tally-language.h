/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The language a text is written in, as a BCP 47 tag ("en", "ru", "zh"),
 * or "und" when no listed language fits. A general rule over data, not a
 * model: each language is a file lexicons/<tag>.stopwords naming the scripts
 * it is written in and its most frequent words. A language is a candidate
 * when its scripts hold at least half of the text's letters; the candidate
 * whose frequent words make the largest share of the text's words wins, if
 * that share is at least 10%. Words are runs of letters, except in scripts
 * written without spaces (Han, Hiragana, Katakana), where every character is
 * a word. Only the first 64 KB are read. */
const char *tally_language_detect       (const char *text,
                                         gssize      len);

/* The tags of the languages that have a stopword file, sorted; owned by the
 * library. */
const char * const *tally_language_list (void);

/* TRUE for "und" and for the tags tally_language_list() names; also any
 * well-formed BCP 47 tag the analyst types ("kk", "zh-Hant", "sr-Latn"). */
gboolean    tally_language_tag_is_valid (const char *tag);

/* The language's name in the interface's language (ICU's display names:
 * "Russian", "русский"), or a translated "Unknown language" for NULL and
 * "und". */
char       *tally_language_dup_display_name (const char *tag);

G_END_DECLS
