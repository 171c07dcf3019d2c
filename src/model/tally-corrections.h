/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tally-claim.h"
#include "tally-event-record.h"
#include "tally-fact.h"
#include "tally-project.h"
#include "tally-undo-stack.h"

G_BEGIN_DECLS

/* An analyst's corrections to the facts of a project: edit a claim's value,
 * unit, qualifier or measure; mark it "not a claim"; split it out of its
 * fact; merge one fact into another; rename a fact. Claims are keyed by
 * (document id, start, end) and facts by their stable key, so corrections
 * survive a regrouping and a reopen. Each is a row of the project's
 * corrections table (an undo marks it undone) and one step on the undo
 * stack. Views listen to ::changed and group again with
 * tally_corrections_group(). Main thread only, except a copy (see
 * tally_corrections_copy()). */

#define TALLY_TYPE_CORRECTIONS (tally_corrections_get_type ())
G_DECLARE_FINAL_TYPE (TallyCorrections, tally_corrections, TALLY, CORRECTIONS, GObject)

/* Reads the corrections stored in `project`. `undo_stack` may be NULL (the
 * corrections make their own). */
TallyCorrections *tally_corrections_new              (TallyProject      *project,
                                                      TallyUndoStack    *undo_stack,
                                                      GError           **error);
/* A frozen copy bound to no project: for grouping in a worker thread. */
TallyCorrections *tally_corrections_copy             (TallyCorrections  *self);
TallyUndoStack   *tally_corrections_get_undo_stack   (TallyCorrections  *self);
/* Active corrections (undone ones left out). */
guint             tally_corrections_get_n_active     (TallyCorrections  *self);

/* Sets any of a claim's value ("14.5", a year "2025" or date "2025-06-17"
 * for those kinds), unit ("" clears it), qualifier ("approx", "over", … as
 * tally_qualifier_to_string() writes them) or measure; NULL leaves a field
 * as it is. One undo step. FALSE with G_IO_ERROR_INVALID_ARGUMENT for a
 * value that is no number or date, or an unknown qualifier. */
gboolean          tally_corrections_edit_claim       (TallyCorrections  *self,
                                                      TallyClaim        *claim,
                                                      const char        *value,
                                                      const char        *unit,
                                                      const char        *qualifier,
                                                      const char        *measure,
                                                      GError           **error);
/* The claim leaves every fact (an extraction mistake). */
gboolean          tally_corrections_set_not_claim    (TallyCorrections  *self,
                                                      TallyClaim        *claim,
                                                      GError           **error);
/* The claim becomes a fact of its own. */
gboolean          tally_corrections_split_claim      (TallyCorrections  *self,
                                                      TallyClaim        *claim,
                                                      GError           **error);
/* The claims of fact `from_key` join fact `into_key`. */
gboolean          tally_corrections_merge_facts      (TallyCorrections  *self,
                                                      const char        *from_key,
                                                      const char        *into_key,
                                                      GError           **error);
gboolean          tally_corrections_rename_fact      (TallyCorrections  *self,
                                                      const char        *key,
                                                      const char        *label,
                                                      GError           **error);

/* Events are corrected by their mentions (document id, sentence start and
 * end), which stay the same however often the events are found again. */

/* The mention's sentence is not about its event: the event finder leaves
 * it out (tally_event_finder_set_excluded()). One undo step. */
gboolean          tally_corrections_leave_out_mention (TallyCorrections        *self,
                                                       const TallyEventMention *mention,
                                                       GError                 **error);
/* Names the event that holds the mentions of `event` (by its first one, or
 * the one an earlier name was given by). One undo step. */
gboolean          tally_corrections_rename_event     (TallyCorrections        *self,
                                                      const TallyEventRecord  *event,
                                                      const char              *label,
                                                      GError                 **error);
/* A new set of tally_event_mention_key() strings of the left-out mentions. */
GHashTable       *tally_corrections_dup_left_out_mentions (TallyCorrections *self);
/* Gives each record (TallyEventRecord*) with a named mention its name. */
void              tally_corrections_apply_event_labels (TallyCorrections *self,
                                                        GPtrArray        *records);

/* Stories are corrected by moving a document. */

/* Document `document_id` joins the story of document `into_id` (its own id:
 * a story of its own; NONE: the story its words find again). One undo step. */
gboolean          tally_corrections_move_to_story    (TallyCorrections  *self,
                                                      TallyDocumentId    document_id,
                                                      TallyDocumentId    into_id,
                                                      GError           **error);
/* The document whose story `document_id` was moved to (itself for a story
 * of its own), or NONE when it was not moved. */
TallyDocumentId   tally_corrections_lookup_story_move (TallyCorrections *self,
                                                       TallyDocumentId   document_id);

/* The claims with the corrections applied: "not a claim" ones left out,
 * edited ones replaced by new TallyClaim objects, the others as they are
 * (referenced). */
GPtrArray        *tally_corrections_apply            (TallyCorrections  *self,
                                                      GPtrArray         *claims);
/* Applies the corrections and groups the claims into facts (merges, splits
 * and labels included): a GListModel of TallyFact, as tally_fact_list_new(). */
GListModel       *tally_corrections_group            (TallyCorrections  *self,
                                                      GPtrArray         *claims,
                                                      TallyFactDocumentFunc document_info,
                                                      gpointer           user_data);
/* The label an analyst gave fact `key`, or NULL. */
const char       *tally_corrections_lookup_label     (TallyCorrections  *self,
                                                      const char        *key);
/* "Was 14 (unit: km)" for an edited claim: what it said before the first
 * edit still in force; NULL for a claim as extracted. */
char             *tally_corrections_describe_original (TallyCorrections *self,
                                                       TallyClaim       *claim);

G_END_DECLS
