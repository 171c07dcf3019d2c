/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TALLY_TYPE_DOCUMENT_ROW (tally_document_row_get_type ())
G_DECLARE_FINAL_TYPE (TallyDocumentRow, tally_document_row, TALLY, DOCUMENT_ROW, GtkWidget)

/* One article in the sidebar: title, outlet and date, words and figures,
 * badges for near-duplicates and conflicts. Follows the document's
 * properties ("title", "outlet", "published", "word-count", "claim-count",
 * "duplicates", "has-conflicts"), each used when the type has it. */

GObject *tally_document_row_get_document (TallyDocumentRow *self);
void     tally_document_row_set_document (TallyDocumentRow *self,
                                          GObject          *document);

/* "2026-06-17" → "17 Jun 2026"; anything unparsable is returned as is. */
char    *tally_document_row_format_date  (const char       *iso_date);

G_END_DECLS
