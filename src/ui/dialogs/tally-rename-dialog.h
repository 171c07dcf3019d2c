/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An alert dialog that asks for a new name (a fact's, an event's): an entry
 * holding `current`, labelled `entry_label` for screen readers, with Cancel
 * and a suggested Rename (response "rename", also on Enter). The entry is
 * the dialog's extra child. */
AdwDialog *tally_rename_dialog_new      (const char *heading,
                                         const char *current,
                                         const char *entry_label);
/* The name typed into a dialog made by tally_rename_dialog_new(). */
const char *tally_rename_dialog_get_text (AdwAlertDialog *dialog);

G_END_DECLS
