/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tally-claim.h"
#include "tally-fact.h"
#include "tally-session.h"

G_BEGIN_DECLS

#define TALLY_TYPE_FACTS_VIEW (tally_facts_view_get_type ())
G_DECLARE_FINAL_TYPE (TallyFactsView, tally_facts_view, TALLY, FACTS_VIEW, AdwBin)

typedef enum
{
  TALLY_FACTS_FILTER_ALL,
  TALLY_FACTS_FILTER_CONFLICTS,
  TALLY_FACTS_FILTER_AGREEMENTS,   /* agree, rounding or qualified */
  TALLY_FACTS_FILTER_SINGLE,
} TallyFactsFilter;

/* "Northern Wire Service · Baltic and Caspian leaders … · 2026-06-17" for the
 * claims panel; the view shows "Document N" without one. */
typedef char *(*TallyFactsViewDescribeFunc) (TallyDocumentId document_id,
                                             gpointer        user_data);
/* A claim in the panel was activated: open its document there. */
typedef void  (*TallyFactsViewOpenFunc)     (TallyClaim *claim,
                                             gpointer    user_data);

/* Shows `facts` (a GListModel of TallyFact, e.g. from tally_fact_list_new()).
 * The "facts" property notifies each change. */
void        tally_facts_view_set_facts         (TallyFactsView             *self,
                                                GListModel                 *facts);
GListModel *tally_facts_view_get_facts         (TallyFactsView             *self);

/* Shows the session's facts, each new grouping as it arrives, and makes
 * them correctable (rename, merge, split, edit, not a claim: stored in the
 * project, on its undo stack). Sets a describe func that names each
 * document's outlet, title and date. NULL stops following. */
void        tally_facts_view_set_session       (TallyFactsView             *self,
                                                TallySession               *session);
TallySession *tally_facts_view_get_session     (TallyFactsView             *self);
/* TRUE while the session groups the facts (the "busy" property). */
gboolean    tally_facts_view_get_busy          (TallyFactsView             *self);

void        tally_facts_view_set_describe_func (TallyFactsView             *self,
                                                TallyFactsViewDescribeFunc  func,
                                                gpointer                    user_data,
                                                GDestroyNotify              destroy);
void        tally_facts_view_set_open_func     (TallyFactsView             *self,
                                                TallyFactsViewOpenFunc      func,
                                                gpointer                    user_data,
                                                GDestroyNotify              destroy);

void        tally_facts_view_set_filter        (TallyFactsView             *self,
                                                TallyFactsFilter            filter);
void        tally_facts_view_set_search        (TallyFactsView             *self,
                                                const char                 *text);
/* The rows as shown: filtered and sorted (TallyFact items). */
GListModel *tally_facts_view_get_rows          (TallyFactsView             *self);
/* "49 facts · 5 conflicts", of the rows shown. */
const char *tally_facts_view_get_counts        (TallyFactsView             *self);

/* Selects the row at `position` of the rows and opens the claims panel. */
void        tally_facts_view_select            (TallyFactsView             *self,
                                                guint                       position);
TallyFact  *tally_facts_view_get_selected      (TallyFactsView             *self);
/* The claims panel's list (TallyClaim items of the selected fact). */
GListModel *tally_facts_view_get_panel_claims  (TallyFactsView             *self);

G_END_DECLS
