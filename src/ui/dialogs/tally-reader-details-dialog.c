/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-reader-details-dialog.h"
#include "tally-language.h"
#include "tally-partial-date.h"

struct _TallyReaderDetailsDialog
{
  AdwDialog       parent_instance;

  TallyProject   *project;
  TallyDocument  *document;
  TallyUndoStack *undo_stack;

  AdwEntryRow    *title_row;
  AdwEntryRow    *outlet_row;
  AdwEntryRow    *author_row;
  AdwEntryRow    *published_row;
  AdwEntryRow    *language_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (TallyReaderDetailsDialog, tally_reader_details_dialog, ADW_TYPE_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One field's change, and the edit they make together (an undo step). */
typedef struct
{
  const char *field;
  char       *before;
  char       *after;
} FieldChange;

typedef struct
{
  TallyProject  *project;
  TallyDocument *document;
  GArray        *changes;   /* FieldChange */
} DetailsEdit;

static void
field_change_clear (gpointer data)
{
  FieldChange *change = data;

  g_free (change->before);
  g_free (change->after);
}

static void
details_edit_free (gpointer data)
{
  DetailsEdit *edit = data;

  g_object_unref (edit->project);
  g_object_unref (edit->document);
  g_array_unref (edit->changes);
  g_free (edit);
}

/* Sets every field to its value before (undo) or after (redo); on a refusal
 * the fields already set are put back, so the edit is all or nothing. */
static gboolean
details_edit_apply (DetailsEdit  *edit,
                    gboolean      forward,
                    GError      **error)
{
  for (guint i = 0; i < edit->changes->len; i++)
    {
      FieldChange *change = &g_array_index (edit->changes, FieldChange, i);

      if (!tally_project_set_document_field (edit->project, edit->document, change->field,
                                             forward ? change->after : change->before, error))
        {
          while (i-- > 0)
            {
              FieldChange *done = &g_array_index (edit->changes, FieldChange, i);

              tally_project_set_document_field (edit->project, edit->document, done->field,
                                                forward ? done->before : done->after, NULL);
            }
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
details_edit_redo (gpointer   data,
                   GError   **error)
{
  return details_edit_apply (data, TRUE, error);
}

static gboolean
details_edit_undo (gpointer   data,
                   GError   **error)
{
  return details_edit_apply (data, FALSE, error);
}

static AdwEntryRow *
row_for_field (TallyReaderDetailsDialog *self,
               const char               *field)
{
  if (g_str_equal (field, "title"))
    return self->title_row;
  if (g_str_equal (field, "outlet"))
    return self->outlet_row;
  if (g_str_equal (field, "author"))
    return self->author_row;
  if (g_str_equal (field, "published"))
    return self->published_row;
  if (g_str_equal (field, "language"))
    return self->language_row;
  return NULL;
}

static const char *
document_value (TallyDocument *document,
                const char    *field)
{
  if (g_str_equal (field, "title"))
    return tally_document_get_title (document);
  if (g_str_equal (field, "outlet"))
    return tally_document_get_outlet (document);
  if (g_str_equal (field, "author"))
    return tally_document_get_author (document);
  if (g_str_equal (field, "language"))
    return tally_document_get_language (document);
  return tally_document_get_published (document);
}

/* The row's text, trimmed; NULL when empty. */
static char *
row_value (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* What tally_project_set_document_field() takes as a publication date. */
static gboolean
is_iso_date (const char *text)
{
  TallyPartialDate date;

  return tally_partial_date_parse (text, TALLY_PARTIAL_DATE_DAY_ONLY, &date);
}

static gboolean
tally_reader_details_dialog_validate (TallyReaderDetailsDialog *self)
{
  g_autofree char *title = row_value (self->title_row);
  g_autofree char *published = row_value (self->published_row);
  gboolean title_ok = title != NULL;
  g_autofree char *language = row_value (self->language_row);
  gboolean date_ok = published == NULL || is_iso_date (published);
  gboolean language_ok = language == NULL || tally_language_tag_is_valid (language);

  if (title_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
  if (date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->published_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->published_row), "error");
  if (language_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->language_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->language_row), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.save", title_ok && date_ok && language_ok);
  return title_ok && date_ok && language_ok;
}

static void
on_row_changed (TallyReaderDetailsDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  tally_reader_details_dialog_validate (self);
}

gboolean
tally_reader_details_dialog_save (TallyReaderDetailsDialog  *self,
                                  GError                   **error)
{
  static const char *const fields[] = { "title", "outlet", "author", "published", "language" };
  DetailsEdit *edit;

  g_return_val_if_fail (TALLY_IS_READER_DETAILS_DIALOG (self), FALSE);

  if (!tally_reader_details_dialog_validate (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The title cannot be empty, the date is written YYYY-MM-DD and the language as a tag such as en, ru or zh"));
      return FALSE;
    }

  edit = g_new0 (DetailsEdit, 1);
  edit->project = g_object_ref (self->project);
  edit->document = g_object_ref (self->document);
  edit->changes = g_array_new (FALSE, TRUE, sizeof (FieldChange));
  g_array_set_clear_func (edit->changes, field_change_clear);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *after = row_value (row_for_field (self, fields[i]));
      const char *before = document_value (self->document, fields[i]);

      if (g_strcmp0 (before && *before ? before : NULL, after) != 0)
        {
          FieldChange change = { fields[i], g_strdup (before), g_steal_pointer (&after) };
          g_array_append_val (edit->changes, change);
        }
    }

  if (edit->changes->len == 0)
    {
      details_edit_free (edit);
      return TRUE;
    }
  if (!details_edit_apply (edit, TRUE, error))
    {
      details_edit_free (edit);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0);
  if (self->undo_stack != NULL)
    tally_undo_stack_push (self->undo_stack, _("Edit Article Details"),
                           details_edit_redo, details_edit_undo, edit, details_edit_free);
  else
    details_edit_free (edit);
  return TRUE;
}

void
tally_reader_details_dialog_set_text (TallyReaderDetailsDialog *self,
                                      const char               *field,
                                      const char               *text)
{
  AdwEntryRow *row;

  g_return_if_fail (TALLY_IS_READER_DETAILS_DIALOG (self));
  row = row_for_field (self, field);
  g_return_if_fail (row != NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
tally_reader_details_dialog_save_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  TallyReaderDetailsDialog *self = TALLY_READER_DETAILS_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!tally_reader_details_dialog_save (self, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  adw_dialog_close (ADW_DIALOG (self));
}

static void
on_entry_activated (TallyReaderDetailsDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "details.save", NULL);
}

static void
tally_reader_details_dialog_cancel_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

AdwDialog *
tally_reader_details_dialog_new (TallyProject   *project,
                                 TallyDocument  *document,
                                 TallyUndoStack *undo_stack)
{
  TallyReaderDetailsDialog *self;

  g_return_val_if_fail (TALLY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (TALLY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (undo_stack == NULL || TALLY_IS_UNDO_STACK (undo_stack), NULL);

  self = g_object_new (TALLY_TYPE_READER_DETAILS_DIALOG, NULL);
  self->project = g_object_ref (project);
  self->document = g_object_ref (document);
  self->undo_stack = undo_stack ? g_object_ref (undo_stack) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), tally_document_get_title (document) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->outlet_row), tally_document_get_outlet (document) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->author_row), tally_document_get_author (document) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->published_row), tally_document_get_published (document) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->language_row), tally_document_get_language (document) ?: "");
  tally_reader_details_dialog_validate (self);
  return ADW_DIALOG (self);
}

static void
tally_reader_details_dialog_dispose (GObject *object)
{
  TallyReaderDetailsDialog *self = TALLY_READER_DETAILS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), TALLY_TYPE_READER_DETAILS_DIALOG);
  g_clear_object (&self->project);
  g_clear_object (&self->document);
  g_clear_object (&self->undo_stack);
  G_OBJECT_CLASS (tally_reader_details_dialog_parent_class)->dispose (object);
}

static void
tally_reader_details_dialog_class_init (TallyReaderDetailsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_reader_details_dialog_dispose;

  /**
   * TallyReaderDetailsDialog::saved:
   *
   * Changed details were written to the project.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tally-reader-details-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyReaderDetailsDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TallyReaderDetailsDialog, outlet_row);
  gtk_widget_class_bind_template_child (widget_class, TallyReaderDetailsDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, TallyReaderDetailsDialog, published_row);
  gtk_widget_class_bind_template_child (widget_class, TallyReaderDetailsDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, TallyReaderDetailsDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "details.save", NULL, tally_reader_details_dialog_save_action);
  gtk_widget_class_install_action (widget_class, "details.cancel", NULL, tally_reader_details_dialog_cancel_action);
}

static void
tally_reader_details_dialog_init (TallyReaderDetailsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
