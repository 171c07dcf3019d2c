/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TALLY_TYPE_FACTS_VIEW (tally_facts_view_get_type ())
G_DECLARE_FINAL_TYPE (TallyFactsView, tally_facts_view, TALLY, FACTS_VIEW, AdwBin)

G_END_DECLS
