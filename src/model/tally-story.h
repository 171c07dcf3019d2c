/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tally-document-id.h"
#include "tally-stories.h"

G_BEGIN_DECLS

/* One story of a project (tally-stories.h): documents that report the same
 * thing, named by its main terms. Read-only properties for the Documents
 * view's story filter; the session makes new ones at each grouping. */

#define TALLY_TYPE_STORY (tally_story_get_type ())
G_DECLARE_FINAL_TYPE (TallyStory, tally_story, TALLY, STORY, GObject)

/* `document_ids` (in `record->documents` order) name the project's
 * documents; `anchor` is the one a document moved into this story follows
 * (see tally_corrections_move_to_story()). */
TallyStory  *tally_story_new               (const TallyStoryRecord *record,
                                            const TallyDocumentId  *document_ids,
                                            TallyDocumentId         anchor);

/* "s1", as `tally-cli analyze` numbers them: largest first. */
const char  *tally_story_get_id            (TallyStory *self);
/* Its main terms as written: "Ever Given, Suez Canal, ship". */
const char  *tally_story_get_name          (TallyStory *self);
/* Stable across renumbering and re-imports ("story:1f0c…", tally-stories.h). */
const char  *tally_story_get_key           (TallyStory *self);
guint        tally_story_get_n_documents   (TallyStory *self);
/* "Ever Given, Suez Canal, ship (8)": a name with its document count. */
const char  *tally_story_get_label         (TallyStory *self);
TallyDocumentId tally_story_get_anchor     (TallyStory      *self);
gboolean     tally_story_contains          (TallyStory      *self,
                                            TallyDocumentId  document_id);

G_END_DECLS
