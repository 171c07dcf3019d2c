/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-import-errors-dialog.h"

/* Shown once at the end of an import: every file that could not be added,
 * with the reason, while the rest of the batch was added. */
struct _TallyImportErrorsDialog
{
  AdwAlertDialog  parent_instance;

  GtkListBox     *list_box;
  guint           n_added;
  guint           n_errors;
};

G_DEFINE_FINAL_TYPE (TallyImportErrorsDialog, tally_import_errors_dialog, ADW_TYPE_ALERT_DIALOG)

static void
tally_import_errors_dialog_update_text (TallyImportErrorsDialog *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  heading = g_strdup_printf (ngettext ("%u File Could Not Be Added",
                                       "%u Files Could Not Be Added",
                                       self->n_errors),
                             self->n_errors);
  if (self->n_added > 0)
    body = g_strdup_printf (ngettext ("The other file was added.",
                                      "The other %u files were added.",
                                      self->n_added),
                            self->n_added);
  else
    body = g_strdup (_("No file was added."));
  adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), heading);
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self), body);
}

TallyImportErrorsDialog *
tally_import_errors_dialog_new (guint n_added)
{
  TallyImportErrorsDialog *self = g_object_new (TALLY_TYPE_IMPORT_ERRORS_DIALOG, NULL);

  self->n_added = n_added;
  tally_import_errors_dialog_update_text (self);
  return self;
}

void
tally_import_errors_dialog_add_error (TallyImportErrorsDialog *self,
                                      const char              *file,
                                      const char              *reason)
{
  GtkWidget *row;
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;

  g_return_if_fail (TALLY_IS_IMPORT_ERRORS_DIALOG (self));

  /* File names are bytes: a label shows their UTF-8 rendering. */
  name = g_filename_display_basename (file);
  shown = g_filename_display_name (file);
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
  gtk_widget_set_tooltip_text (row, shown);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_list_box_append (self->list_box, row);

  self->n_errors++;
  tally_import_errors_dialog_update_text (self);
}

guint
tally_import_errors_dialog_get_n_errors (TallyImportErrorsDialog *self)
{
  g_return_val_if_fail (TALLY_IS_IMPORT_ERRORS_DIALOG (self), 0);
  return self->n_errors;
}

static void
tally_import_errors_dialog_class_init (TallyImportErrorsDialogClass *klass)
{
}

static void
tally_import_errors_dialog_init (TallyImportErrorsDialog *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Files not added"),
                                  -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_box));
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (self), scrolled);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (self), "close", _("_Close"));
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (self), "close");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (self), "close");
}
