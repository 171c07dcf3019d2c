/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TALLY_TYPE_DOCUMENTS_VIEW (tally_documents_view_get_type ())
G_DECLARE_FINAL_TYPE (TallyDocumentsView, tally_documents_view, TALLY, DOCUMENTS_VIEW, AdwBin)

void        tally_documents_view_set_documents (TallyDocumentsView *self,
                                                GListModel         *documents);
GListModel *tally_documents_view_get_documents (TallyDocumentsView *self);

G_END_DECLS
