/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tally-corrections.h"
#include "tally-project.h"
#include "tally-timeline.h"

G_BEGIN_DECLS

#define TALLY_TYPE_TIMELINE_VIEW (tally_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (TallyTimelineView, tally_timeline_view, TALLY, TIMELINE_VIEW, AdwBin)

/* Finds the events of the project's documents (again whenever they or
 * their claims change, as when a publication date is corrected) in a worker
 * thread and shows them. The "show-mention" signal
 * (TallyDocument *document, guint start, guint end) asks the window to open
 * a document at a sentence. */
void           tally_timeline_view_set_project  (TallyTimelineView *self,
                                                 TallyProject      *project);

/* The project's corrections (tally_facts_view_get_corrections()): the
 * events are found with them, again whenever they change, and the
 * popover's "Not about this event" and "Rename…" add to them. NULL: events
 * as found, not correctable. */
void           tally_timeline_view_set_corrections (TallyTimelineView *self,
                                                    TallyCorrections  *corrections);

/* Shows these events (a GListModel of TallyEvent) instead. */
void           tally_timeline_view_set_events   (TallyTimelineView *self,
                                                 GListModel        *events);
GListModel    *tally_timeline_view_get_events   (TallyTimelineView *self);
TallyTimeline *tally_timeline_view_get_timeline (TallyTimelineView *self);

/* TRUE from a change in the project's documents or claims until their
 * events are shown (the "busy" property). */
gboolean       tally_timeline_view_get_busy     (TallyTimelineView *self);

G_END_DECLS
