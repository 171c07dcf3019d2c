/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TALLY_TYPE_TIMELINE_VIEW (tally_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (TallyTimelineView, tally_timeline_view, TALLY, TIMELINE_VIEW, AdwBin)

G_END_DECLS
