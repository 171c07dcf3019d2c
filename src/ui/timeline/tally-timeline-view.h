/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tally-session.h"
#include "tally-timeline.h"

G_BEGIN_DECLS

#define TALLY_TYPE_TIMELINE_VIEW (tally_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (TallyTimelineView, tally_timeline_view, TALLY, TIMELINE_VIEW, AdwBin)

/* Shows the session's events, each new search as it arrives; the
 * popover's "Not about this event" and "Rename…" add to the session's
 * corrections. NULL: no events, not correctable. The "show-mention" signal
 * (TallyDocument *document, guint start, guint end) asks the window to open
 * a document at a sentence. */
void           tally_timeline_view_set_session  (TallyTimelineView *self,
                                                 TallySession      *session);

/* Shows these events (a GListModel of TallyEvent) instead. */
void           tally_timeline_view_set_events   (TallyTimelineView *self,
                                                 GListModel        *events);
GListModel    *tally_timeline_view_get_events   (TallyTimelineView *self);
TallyTimeline *tally_timeline_view_get_timeline (TallyTimelineView *self);

/* TRUE while the session finds the events (the "busy" property). */
gboolean       tally_timeline_view_get_busy     (TallyTimelineView *self);

G_END_DECLS
