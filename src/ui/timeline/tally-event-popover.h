/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tally-event.h"

G_BEGIN_DECLS

/* What the timeline shows for one event, as GNOME Calendar's
 * gcal-event-popover: its name (with Rename…), dates and place, the dates
 * each source gives when they disagree, and a list of the sentences that
 * mention it, each with a "not about this event" button. It asks rather than
 * acts: ::mention-activated, ::rename-event and ::leave-out-mention carry a
 * mention (document id, sentence start, end). */

#define TALLY_TYPE_EVENT_POPOVER (tally_event_popover_get_type ())
G_DECLARE_FINAL_TYPE (TallyEventPopover, tally_event_popover, TALLY, EVENT_POPOVER, GtkPopover)

GtkWidget  *tally_event_popover_new             (void);
/* Shows `event`; `names` (document id → outlet or title, may be NULL) names
 * its sources and is read now. */
void        tally_event_popover_set_event       (TallyEventPopover *self,
                                                 TallyEvent        *event,
                                                 GHashTable        *names);
/* Rename… and the "not about this event" buttons work only when TRUE. */
void        tally_event_popover_set_correctable (TallyEventPopover *self,
                                                 gboolean           correctable);

G_END_DECLS
