/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-claim-edit-dialog.h"
#include "tally-facts.h"

struct _TallyClaimEditDialog
{
  AdwAlertDialog parent_instance;

  TallyCorrections *corrections;
  TallyClaim *claim;

  /* Template children */
  AdwEntryRow *value_row;
  AdwEntryRow *unit_row;
  AdwComboRow *qualifier_row;
  AdwEntryRow *measure_row;
};

G_DEFINE_FINAL_TYPE (TallyClaimEditDialog, tally_claim_edit_dialog, ADW_TYPE_ALERT_DIALOG)

enum
{
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of TallyQualifier, as tally_qualifier_to_string() names them. */
static const char *qualifier_labels[] = {
  N_("Exact"), N_("Approximately"), N_("Over"), N_("Under"), N_("At least"), N_("At most"),
};

gboolean
tally_claim_edit_dialog_save (TallyClaimEditDialog *self,
                              const char           *value,
                              const char           *unit,
                              const char           *qualifier,
                              const char           *measure)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TALLY_IS_CLAIM_EDIT_DIALOG (self), FALSE);
  if (!tally_corrections_edit_claim (self->corrections, self->claim, value, unit, qualifier, measure, &error))
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

static void
tally_claim_edit_dialog_response (AdwAlertDialog *dialog,
                                  const char     *response)
{
  TallyClaimEditDialog *self = TALLY_CLAIM_EDIT_DIALOG (dialog);
  guint qualifier = adw_combo_row_get_selected (self->qualifier_row);

  g_autofree char *value = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  /* What the analyst typed with the locale's decimal mark ("1,5"), in the data form. */
  value = tally_number_text_from_locale (gtk_editable_get_text (GTK_EDITABLE (self->value_row)));
  tally_claim_edit_dialog_save (self,
                                value,
                                gtk_editable_get_text (GTK_EDITABLE (self->unit_row)),
                                qualifier < G_N_ELEMENTS (qualifier_labels) ? tally_qualifier_to_string (qualifier) : NULL,
                                gtk_editable_get_text (GTK_EDITABLE (self->measure_row)));
}

static void
tally_claim_edit_dialog_dispose (GObject *object)
{
  TallyClaimEditDialog *self = TALLY_CLAIM_EDIT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TALLY_TYPE_CLAIM_EDIT_DIALOG);
  g_clear_object (&self->corrections);
  g_clear_object (&self->claim);
  G_OBJECT_CLASS (tally_claim_edit_dialog_parent_class)->dispose (object);
}

static void
tally_claim_edit_dialog_class_init (TallyClaimEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwAlertDialogClass *alert_class = ADW_ALERT_DIALOG_CLASS (klass);

  object_class->dispose = tally_claim_edit_dialog_dispose;
  alert_class->response = tally_claim_edit_dialog_response;

  /* The claim was corrected (one undo step). */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The correction was refused: the reason, for a toast. */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tally-claim-edit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyClaimEditDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, TallyClaimEditDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, TallyClaimEditDialog, qualifier_row);
  gtk_widget_class_bind_template_child (widget_class, TallyClaimEditDialog, measure_row);
}

static void
tally_claim_edit_dialog_init (TallyClaimEditDialog *self)
{
  g_autoptr(GtkStringList) qualifiers = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (qualifier_labels); i++)
    gtk_string_list_append (qualifiers, _(qualifier_labels[i]));
  adw_combo_row_set_model (self->qualifier_row, G_LIST_MODEL (qualifiers));
}

/* The value as the dialog shows it: "14", "14-16", "2025-06-17". */
static char *
value_text (const TallyClaimRecord *record)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE], buf_max[G_ASCII_DTOSTR_BUF_SIZE];

  if (record->kind == TALLY_CLAIM_KIND_YEAR || record->kind == TALLY_CLAIM_KIND_DATE || !record->has_value)
    return g_strdup (record->value_text != NULL ? record->value_text : "");
  g_ascii_formatd (buf, sizeof buf, "%.15g", record->value);
  if (!record->has_value_max)
    return tally_number_text_to_locale (buf);
  g_ascii_formatd (buf_max, sizeof buf_max, "%.15g", record->value_max);
  {
    g_autofree char *range = g_strdup_printf ("%s-%s", buf, buf_max);

    return tally_number_text_to_locale (range);
  }
}

TallyClaimEditDialog *
tally_claim_edit_dialog_new (TallyCorrections *corrections,
                             TallyClaim       *claim)
{
  TallyClaimEditDialog *self;
  const TallyClaimRecord *record;
  g_autofree char *value = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (TALLY_IS_CORRECTIONS (corrections), NULL);
  g_return_val_if_fail (TALLY_IS_CLAIM (claim), NULL);

  self = g_object_new (TALLY_TYPE_CLAIM_EDIT_DIALOG, NULL);
  self->corrections = g_object_ref (corrections);
  self->claim = g_object_ref (claim);
  record = tally_claim_get_record (claim);
  value = value_text (record);
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), record->unit != NULL ? record->unit : "");
  gtk_editable_set_text (GTK_EDITABLE (self->measure_row), record->measure != NULL ? record->measure : "");
  adw_combo_row_set_selected (self->qualifier_row, record->qualifier);
  /* Translators: the claim's words as the article has them. */
  body = g_strdup_printf (_("“%s”"), tally_claim_get_text (claim) != NULL ? tally_claim_get_text (claim) : "");
  if (tally_claim_get_edit_note (claim) != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s\n%s", body, tally_claim_get_edit_note (claim));

      g_set_str (&body, both);
    }
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self), body);
  return self;
}
