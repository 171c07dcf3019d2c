/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TALLY_TYPE_IMPORT_ERRORS_DIALOG (tally_import_errors_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TallyImportErrorsDialog, tally_import_errors_dialog, TALLY, IMPORT_ERRORS_DIALOG, AdwAlertDialog)

TallyImportErrorsDialog *tally_import_errors_dialog_new       (guint                    n_added);
void                     tally_import_errors_dialog_add_error (TallyImportErrorsDialog *self,
                                                               const char              *file,
                                                               const char              *reason);
guint                    tally_import_errors_dialog_get_n_errors (TallyImportErrorsDialog *self);

G_END_DECLS
