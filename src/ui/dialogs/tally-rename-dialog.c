/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-rename-dialog.h"

#include <glib/gi18n.h>

AdwDialog *
tally_rename_dialog_new (const char *heading,
                         const char *current,
                         const char *entry_label)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, NULL);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), current != NULL ? current : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), entry);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "rename");
  return dialog;
}

const char *
tally_rename_dialog_get_text (AdwAlertDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_ALERT_DIALOG (dialog), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (adw_alert_dialog_get_extra_child (dialog)));
}
