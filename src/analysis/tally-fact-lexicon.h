/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The words the fact grouping compares measures with: phrase and word
 * synonyms, spelling variants, words to ignore, words that tell facts apart,
 * label wording. Loaded from facts/<lang>.facts (a GKeyFile in a resource). */

typedef struct _TallyFactLexicon TallyFactLexicon;

/* A measure reduced to what comparing needs. Words are canonical, interned
 * in the lexicon (compare pointers), `modifiers` and `distinct` sorted by
 * pointer so that subset tests are a merge. */
typedef struct
{
  const char *head;          /* head noun: "agreement"; never NULL */
  const char **modifiers;    /* NULL-terminated: "cooperation", "implemented" */
  guint n_modifiers;
  const char **distinct;     /* NULL-terminated: "first" */
  guint n_distinct;
  const char **names;        /* NULL-terminated: the modifiers the measure writes with
                              * a capital, naming a group: "central", "asian" of
                              * "Central Asian nation" (also in `modifiers`) */
  guint n_names;
  char *phrase;              /* the canonical phrase, words in order: "cooperation agreement" */
  gboolean has_predicate;    /* a trailing "implemented", "built" … */
} TallyMeasureKey;

TallyFactLexicon *tally_fact_lexicon_new_from_data   (const char  *data,
                                                      gsize        len,
                                                      const char  *name,
                                                      GError     **error);
/* The built-in English lexicon, loaded once; never NULL (a broken built-in
 * resource is a programming error and aborts with its message). */
TallyFactLexicon *tally_fact_lexicon_get_default     (void);
void              tally_fact_lexicon_free            (TallyFactLexicon *lexicon);

/* NULL when the measure has no content word. Free with tally_measure_key_free(). */
TallyMeasureKey  *tally_fact_lexicon_measure_key     (TallyFactLexicon *lexicon,
                                                      const char       *measure);
void              tally_measure_key_free             (TallyMeasureKey  *key);

/* TRUE when every modifier of `sub` is a modifier of `super`. */
gboolean          tally_measure_key_is_subset        (const TallyMeasureKey *sub,
                                                      const TallyMeasureKey *super);
/* TRUE when `super` names a group `sub` does not ("Central Asian nation"
 * over "nation"): the bare noun may mean another group. */
gboolean          tally_measure_key_adds_names       (const TallyMeasureKey *super,
                                                      const TallyMeasureKey *sub);

/* The label text for a canonical phrase ("trade" → "Trade volume"), or NULL. */
const char       *tally_fact_lexicon_label           (TallyFactLexicon *lexicon,
                                                      const char       *phrase);
/* A label verb used in `sentence` ("signed"), or NULL. */
const char       *tally_fact_lexicon_find_label_verb (TallyFactLexicon *lexicon,
                                                      const char       *sentence);
/* TRUE when `text` reads "nearly"/"almost"… (so approx means [0.9·X, X]). */
gboolean          tally_fact_lexicon_says_nearly     (TallyFactLexicon *lexicon,
                                                      const char       *text);
/* TRUE when the `len` bytes of `before` end with words that put a day on a
 * figure ("as of", "by", "on": `StatedAt`), a comma or spaces between. */
gboolean          tally_fact_lexicon_marks_statement (TallyFactLexicon *lexicon,
                                                      const char       *before,
                                                      gsize             len);
/* TRUE when `word` is a predicate ("implemented"). */
gboolean          tally_fact_lexicon_is_predicate    (TallyFactLexicon *lexicon,
                                                      const char       *word);
/* TRUE when `word` alone names nothing a header could ("high", "today"). */
gboolean          tally_fact_lexicon_is_not_head     (TallyFactLexicon *lexicon,
                                                      const char       *word);
/* TRUE when `word` has no plural in a label ("production", "trade"). */
gboolean          tally_fact_lexicon_is_uncountable  (TallyFactLexicon *lexicon,
                                                      const char       *word);
/* TRUE when `word` names a time ("year", "date"): a date fact measuring it
 * needs no ": year" after its label. */
gboolean          tally_fact_lexicon_is_time_noun    (TallyFactLexicon *lexicon,
                                                      const char       *word);

/* TRUE when the measure is a figure that moves while a story runs (a toll,
 * evacuees, a vote count, a share price): its head or a modifier is a
 * `Moving` word and no predicate says it was done once ("signed"). */
gboolean          tally_fact_lexicon_is_moving       (TallyFactLexicon      *lexicon,
                                                      const TallyMeasureKey *key);

/* TRUE when `word` (a head noun) measures one person or thing each ("year-old":
 * an age): such claims group only when they name their subject. */
gboolean          tally_fact_lexicon_needs_subject   (TallyFactLexicon *lexicon,
                                                      const char       *word);

/* The name of `month` (1–12) for people ("June"), or NULL when the lexicon
 * has none. */
const char       *tally_fact_lexicon_month_name      (TallyFactLexicon *lexicon,
                                                      int               month);
/* A unit code spelled out for people ("t" → "tonne"/"tonnes"), or NULL when
 * the code reads well as it is ("km", "MW"). */
const char       *tally_fact_lexicon_unit_name       (TallyFactLexicon *lexicon,
                                                      const char       *unit,
                                                      gboolean          plural);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyFactLexicon, tally_fact_lexicon_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyMeasureKey, tally_measure_key_free)

G_END_DECLS
