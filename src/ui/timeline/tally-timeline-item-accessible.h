/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tally-event.h"
#include "tally-timeline.h"

G_BEGIN_DECLS

/* One drawn event of a TallyTimeline as an accessible object of its own
 * (GtkAccessible on a plain GObject, as GtkStackPage does): a button
 * labelled with tally_event_dup_accessible_text(), whose bounds are the
 * event's marker and label, and which is focused while keyboard focus is
 * on the event. The timeline owns one per event and returns them as its
 * accessible children. */

#define TALLY_TYPE_TIMELINE_ITEM_ACCESSIBLE (tally_timeline_item_accessible_get_type ())
G_DECLARE_FINAL_TYPE (TallyTimelineItemAccessible, tally_timeline_item_accessible,
                      TALLY, TIMELINE_ITEM_ACCESSIBLE, GObject)

TallyTimelineItemAccessible *tally_timeline_item_accessible_new    (TallyTimeline               *timeline,
                                                                    guint                        index,
                                                                    TallyEvent                  *event);
/* The timeline dropped the item (its events changed): it answers no more
 * questions about bounds, focus or siblings. */
void                         tally_timeline_item_accessible_detach (TallyTimelineItemAccessible *self);

/* What an item asks its timeline; tally-timeline.c answers. Bounds are in
 * the timeline's coordinates. */
gboolean       _tally_timeline_get_item_bounds       (TallyTimeline   *timeline,
                                                      guint            index,
                                                      graphene_rect_t *bounds);
gboolean       _tally_timeline_item_is_focused       (TallyTimeline   *timeline,
                                                      guint            index);
GtkAccessible *_tally_timeline_get_item_next_sibling (TallyTimeline   *timeline,
                                                      guint            index);

G_END_DECLS
