/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tally-project.h"
#include "tally-undo-stack.h"

G_BEGIN_DECLS

#define TALLY_TYPE_READER_DETAILS_DIALOG (tally_reader_details_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TallyReaderDetailsDialog, tally_reader_details_dialog, TALLY, READER_DETAILS_DIALOG, AdwDialog)

/* Edits an article's title, outlet, author and publication date. Saving
 * goes through tally_project_set_document_field() (a new date re-reads the
 * relative dates in the text) and pushes one undoable step on `undo_stack`. */
AdwDialog  *tally_reader_details_dialog_new    (TallyProject             *project,
                                                TallyDocument            *document,
                                                TallyUndoStack           *undo_stack);
/* Fills the field ("title", "outlet", "author", "published") as typing would. */
void        tally_reader_details_dialog_set_text (TallyReaderDetailsDialog *self,
                                                  const char               *field,
                                                  const char               *text);
/* Applies the changes; FALSE with `error` when the project refused one (none
 * is kept then) or a field is invalid. */
gboolean    tally_reader_details_dialog_save   (TallyReaderDetailsDialog *self,
                                                GError                  **error);

G_END_DECLS
