/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A zoomable time axis of TallyEvent items: markers for days, bars for
 * months, years and ranges, disputed events as linked markers at each
 * alternative date. Zoom with Ctrl+scroll, pinch, +/-; pan by dragging,
 * scrolling or the arrow keys; Tab moves from event to event, Enter opens
 * its mentions. Layout maths live in tally-timeline-layout.h. */

#define TALLY_TYPE_TIMELINE (tally_timeline_get_type ())
G_DECLARE_FINAL_TYPE (TallyTimeline, tally_timeline, TALLY, TIMELINE, GtkWidget)

GtkWidget  *tally_timeline_new                 (void);

/* A GListModel of TallyEvent, sorted by date. */
void        tally_timeline_set_model           (TallyTimeline *self,
                                                GListModel    *model);
GListModel *tally_timeline_get_model           (TallyTimeline *self);

/* What the popover calls a document ("Caspian Ledger") instead of its id. */
void        tally_timeline_set_document_name   (TallyTimeline *self,
                                                const char    *id,
                                                const char    *name);
/* The popover's Rename… and "not about this event" buttons work (they emit
 * ::rename-event and ::leave-out-mention with a mention: document id,
 * start, end). */
void        tally_timeline_set_correctable     (TallyTimeline *self,
                                                gboolean       correctable);
const char *tally_timeline_get_document_name   (TallyTimeline *self,
                                                const char    *id);

/* The visible time, in Julian days (see tally-timeline-layout.h). */
void        tally_timeline_get_visible_span    (TallyTimeline *self,
                                                double        *begin,
                                                double        *end);
void        tally_timeline_set_visible_span    (TallyTimeline *self,
                                                double         begin,
                                                double         end);

/* factor > 1 zooms in, about the point `x` pixels from the left. */
void        tally_timeline_zoom                (TallyTimeline *self,
                                                double         factor,
                                                double         x);
void        tally_timeline_pan                 (TallyTimeline *self,
                                                double         dx);
/* Shows every event; animated unless the system asks for reduced motion. */
void        tally_timeline_zoom_to_fit         (TallyTimeline *self);

/* The event with keyboard focus, -1 for none. */
int         tally_timeline_get_focus_index     (TallyTimeline *self);
void        tally_timeline_set_focus_index     (TallyTimeline *self,
                                                int            index);
/* Opens the popover of the focused event. */
void        tally_timeline_activate_focus      (TallyTimeline *self);

/* Where the marker of event `index` stands (its first alternative when
 * `alternative` is 0, the others after), in widget coordinates. FALSE when
 * there is no such event or the widget has no size. */
gboolean    tally_timeline_get_marker_position (TallyTimeline *self,
                                                guint          index,
                                                guint          alternative,
                                                double        *x,
                                                double        *y);

/* Writes what is visible to `file` as "png" or "svg". */
gboolean    tally_timeline_export              (TallyTimeline *self,
                                                GFile         *file,
                                                const char    *format,
                                                GError       **error);

G_END_DECLS
