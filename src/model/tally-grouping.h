/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tally-corrections.h"
#include "tally-project.h"
#include "tally-story.h"

G_BEGIN_DECLS

/* A project's stories and facts, found as `tally-cli analyze` finds them:
 * the documents' stories first (tally_find_stories() over titles, leads and
 * publication dates, with the analyst's moves), then the claims grouped
 * into facts by story, subject and measure, each dated by its document's
 * publication date (so a moving figure is `updated`). The session and
 * `tally-cli export` both run it. Made on the main thread from a snapshot
 * of the documents; run in any thread. */

typedef struct _TallyGrouping TallyGrouping;

/* `documents`: GListModel of TallyDocument (read now: title, outlet,
 * publication date, in list order); `texts`: TallyDocumentText* of
 * tally_project_load_texts_finish(), leads are enough (referenced; NULL:
 * stories from the titles only); `claims`: TallyClaim* (referenced);
 * `corrections` is copied. */
TallyGrouping *tally_grouping_new          (GListModel       *documents,
                                            GPtrArray        *texts,
                                            GPtrArray        *claims,
                                            TallyCorrections *corrections);
void           tally_grouping_free         (TallyGrouping    *self);
/* Finds the stories, then groups the facts. */
void           tally_grouping_run          (TallyGrouping    *self);

/* After a run: GListModel of TallyFact (as tally_corrections_group()). */
GListModel    *tally_grouping_get_facts    (TallyGrouping    *self);
/* GListModel of TallyStory, largest first. */
GListModel    *tally_grouping_get_stories  (TallyGrouping    *self);
/* The story of a document (a new reference), or NULL for a document not
 * in the snapshot or before a run. */
TallyStory    *tally_grouping_lookup_story (TallyGrouping    *self,
                                            TallyDocumentId   document_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyGrouping, tally_grouping_free)

G_END_DECLS
