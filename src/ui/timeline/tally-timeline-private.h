/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tally-timeline.h"

G_BEGIN_DECLS

/* What a scroll of (dx, dy) does with modifier `state` held: Ctrl zooms
 * about the pointer, anything else pans. `wheel` is TRUE for wheel clicks,
 * FALSE for smooth (touchpad) deltas in pixels. The scroll controller calls
 * it; tests call it too, since they cannot make a scroll event with Ctrl
 * held. */
void _tally_timeline_scroll (TallyTimeline   *self,
                             double           dx,
                             double           dy,
                             gboolean         wheel,
                             GdkModifierType  state);

/* A pinch beginning with its centre `x` pixels from the left, and its scale
 * since then (2: fingers twice as far apart). GtkGestureZoom calls them with
 * real touch points; tests, which have none, call them directly. */
void _tally_timeline_pinch_begin (TallyTimeline *self,
                                  double         x);
void _tally_timeline_pinch       (TallyTimeline *self,
                                  double         scale);

G_END_DECLS
