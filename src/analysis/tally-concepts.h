/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tally-claim-record.h"

G_BEGIN_DECLS

/* Measure concepts: what a figure measures, one id in every language
 * ("delivery" for "deliveries", "vehicles delivered", "units handed over";
 * "trade" for "trade volume" and, in ru.concepts, "товарооборот"). Words
 * live in lexicons/<lang>.concepts (GKeyFile: [Measures] and [Verbs], see
 * en.concepts); every such file in the analysis resource is merged, so a
 * language adds a file and touches no code. GLib only. */

typedef struct _TallyConcepts TallyConcepts;

TallyConcepts *tally_concepts_new               (void);
void           tally_concepts_free              (TallyConcepts  *concepts);
/* Adds one .concepts file's words; `name` is used in error messages. */
gboolean       tally_concepts_add_data          (TallyConcepts  *concepts,
                                                 const char     *data,
                                                 gsize           len,
                                                 const char     *name,
                                                 GError        **error);
/* Every lexicons/<lang>.concepts file of the analysis resource, loaded once;
 * never NULL (a broken built-in file aborts with its message). */
TallyConcepts *tally_concepts_get_default       (void);

/* The concept a measure names ("vehicle delivered" → "delivery"), or NULL.
 * The longest entry found whole-word wins; two concepts matched equally long
 * give none. `at`/`len` (may be NULL) receive the matched bytes of `measure`. */
const char    *tally_concepts_of_measure        (TallyConcepts  *concepts,
                                                 const char     *measure,
                                                 gsize          *at,
                                                 gsize          *len);

/* The concept of a claim: its measure's, else that of the nearest [Verbs]
 * verb before the figure in its clause ("Tesla delivered 484,507 vehicles"),
 * else of one right after it ("1.8 million cars were sold"). `figure_at` and
 * `figure_end` are the figure's bytes in `sentence` (figure_at -1: unknown,
 * the measure alone decides). Returns an interned id or NULL. */
const char    *tally_concepts_of_claim          (TallyConcepts  *concepts,
                                                 const char     *measure,
                                                 const char     *sentence,
                                                 gsize           sentence_len,
                                                 gssize          figure_at,
                                                 gssize          figure_end);

/* The same for a record and its document's text (offsets into `text`). */
const char    *tally_concepts_of_record         (TallyConcepts          *concepts,
                                                 const TallyClaimRecord *record,
                                                 const char             *text,
                                                 gsize                   text_len);

/* The measure as facts compare it: the words that named the concept replaced
 * by its id ("vehicle delivered" → "vehicle delivery"), or the id added as
 * the head when a verb gave it ("vehicle" → "vehicle delivery"; NULL →
 * "delivery"). NULL when both are NULL. */
char          *tally_concepts_apply             (TallyConcepts  *concepts,
                                                 const char     *measure,
                                                 const char     *concept);

/* The same, every word kept: what a label names ("fully electric vehicle
 * sale", where comparing drops "vehicle"). */
char          *tally_concepts_apply_for_label   (TallyConcepts  *concepts,
                                                 const char     *measure,
                                                 const char     *concept);

/* The period a quantity covers when its sentence says so: the nearest
 * [Periods] cue after the figure (6 words), else before it (10 words), not
 * past another figure or the clause's end; a year ("2023") is the cue
 * "year". Returns an interned id ("quarter", "half", "year") or NULL. */
const char    *tally_concepts_period_of_claim   (TallyConcepts  *concepts,
                                                 const char     *sentence,
                                                 gsize           sentence_len,
                                                 gssize          figure_at,
                                                 gssize          figure_end);
/* The words a label puts before a measure of that period ("quarterly"), or NULL. */
const char    *tally_concepts_period_label      (TallyConcepts  *concepts,
                                                 const char     *period);

/* TRUE when `word` is one of the [Generic] words ("vehicle", "unit"): it
 * says what is counted without saying which figure. */
gboolean       tally_concepts_is_generic        (TallyConcepts  *concepts,
                                                 const char     *word);

/* The [Labels] header of a concept ("delivery" → "deliveries"), untranslated
 * (the label passes it through gettext, context "fact label"), or NULL. */
const char    *tally_concepts_label             (TallyConcepts  *concepts,
                                                 const char     *concept);

/* TRUE when `word` is one of the [Verbs] forms ("sold"). */
gboolean       tally_concepts_is_verb           (TallyConcepts  *concepts,
                                                 const char     *word);

/* TRUE when verbs name the concept ([Verbs] has it: "delivery", not
 * "agreement"): the concept says what was done with what is counted. */
gboolean       tally_concepts_names_action      (TallyConcepts  *concepts,
                                                 const char     *concept);

G_END_DECLS
