/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tally-document.h"

G_BEGIN_DECLS

#define TALLY_TYPE_DOCUMENT_ROW (tally_document_row_get_type ())
G_DECLARE_FINAL_TYPE (TallyDocumentRow, tally_document_row, TALLY, DOCUMENT_ROW, GtkWidget)

/* One article in the sidebar: title, outlet and date, words and figures,
 * badges for near-duplicates and conflicts. Follows the document's
 * properties as they change (a corrected outlet, "has-conflicts" after a
 * grouping). */

TallyDocument *tally_document_row_get_document (TallyDocumentRow *self);
void     tally_document_row_set_document (TallyDocumentRow *self,
                                          TallyDocument    *document);

G_END_DECLS
