/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tally-corrections.h"
#include "tally-project.h"
#include "tally-story.h"
#include "tally-undo-stack.h"

G_BEGIN_DECLS

/* The live state of one open project, as Sysprof's SysprofSession and Text
 * Editor's EditorSession: the analyst's corrections and their undo stack,
 * the facts grouped from the project's claims and the events found in its
 * texts. It follows the project: new documents, corrected claims or dates
 * and every correction group the facts or find the events again, in worker
 * threads; "facts" and "events" are replaced whole when a new result is
 * ready. After each grouping every document's "has-conflicts" is set.
 * Views bind to a session and own nothing but their widgets. Main thread
 * only. */

#define TALLY_TYPE_SESSION (tally_session_get_type ())
G_DECLARE_FINAL_TYPE (TallySession, tally_session, TALLY, SESSION, GObject)

/* Reads the corrections stored in `project`; NULL with `error` set when
 * they cannot be read. Grouping and finding start at once. */
TallySession     *tally_session_new             (TallyProject  *project,
                                                 GError       **error);

TallyProject     *tally_session_get_project     (TallySession  *self);
TallyCorrections *tally_session_get_corrections (TallySession  *self);
/* The project's one undo stack: fact and event corrections, article details. */
TallyUndoStack   *tally_session_get_undo_stack  (TallySession  *self);

/* GListModel of TallyFact (as tally_fact_list_new()), or NULL before the
 * first grouping. */
GListModel       *tally_session_get_facts       (TallySession  *self);
/* GListModel of TallyStory (largest first), found with the facts, or NULL
 * before the first grouping. Each TallyDocument's "story" is set too. */
GListModel       *tally_session_get_stories     (TallySession  *self);
/* Moves `document` into `story` (NULL: a story of its own): a correction,
 * one undo step, saved in the project; the stories and facts are found
 * again. Moving a document into the story it is in does nothing. */
gboolean          tally_session_move_to_story   (TallySession  *self,
                                                 TallyDocument *document,
                                                 TallyStory    *story,
                                                 GError       **error);
/* A project whose facts were kept (issue 14) shows them without reading its
 * claims: "facts" is then a kept list (tally_fact_list_is_kept()), which
 * cannot be exported. This reads the claims and groups them; "facts"
 * follows. Nothing to do when the claims are read already. */
void              tally_session_group_claims    (TallySession  *self);
/* TRUE from a change until its facts are in "facts". */
gboolean          tally_session_get_grouping    (TallySession  *self);

/* GListModel of TallyEvent, or NULL before the first search. */
GListModel       *tally_session_get_events      (TallySession  *self);
/* TRUE from a change until its events are in "events". */
gboolean          tally_session_get_finding     (TallySession  *self);

G_END_DECLS
