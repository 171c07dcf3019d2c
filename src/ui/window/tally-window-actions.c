/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-window-private.h"
#include "tally-toast.h"

/* Every win.* action, as Text Editor keeps its window's in
 * editor-window-actions.c: the callbacks open dialogs and hand the result to
 * the file that owns the concern (-project.c, -export.c); which actions are
 * enabled is decided in one place, _tally_window_actions_update(). */

/* A named file filter for the window's file dialogs. */
GtkFileFilter *
_tally_window_file_filter_new (const char        *name,
                               const char *const *mime_types,
                               const char *const *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types && mime_types[i]; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; patterns && patterns[i]; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  return filter;
}

static GListModel *
project_filters_new (void)
{
  static const char *const patterns[] = { "*.tally", NULL };
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = _tally_window_file_filter_new (_("Tally Projects"), NULL, patterns);

  g_list_store_append (filters, filter);
  return G_LIST_MODEL (filters);
}

/* Open… : articles ------------------------------------------------------- */

static void
open_dialog_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TallyWindow) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result, &error);
  if (files == NULL)
    {
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, tally_toast_new_text (error->message));
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  tally_window_open_files (self, (GFile **) array->pdata, array->len);
}

static void
tally_window_open_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  static const char *const article_types[] = { "text/plain", "text/html", "text/markdown", NULL };
  static const char *const article_patterns[] = { "*.txt", "*.html", "*.htm", "*.md", NULL };
  static const char *const all_patterns[] = { "*", NULL };
  TallyWindow *self = TALLY_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) articles = _tally_window_file_filter_new (_("Articles"), article_types, article_patterns);
  g_autoptr(GtkFileFilter) all = _tally_window_file_filter_new (_("All Files"), NULL, all_patterns);

  g_list_store_append (filters, articles);
  g_list_store_append (filters, all);
  gtk_file_dialog_set_title (dialog, _("Open Articles"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, articles);
  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), NULL, open_dialog_done, g_object_ref (self));
}

/* Open Folder… : folders of articles, picked with the folder chooser (in a
 * sandbox the file-chooser portal grants them; a drop may not). */
static void
open_folder_dialog_done (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(TallyWindow) self = user_data;
  g_autoptr(GListModel) folders = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  folders = gtk_file_dialog_select_multiple_folders_finish (GTK_FILE_DIALOG (source), result, &error);
  if (folders == NULL)
    {
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (folders); i++)
    g_ptr_array_add (array, g_list_model_get_item (folders, i));
  tally_window_open_files (self, (GFile **) array->pdata, array->len);
}

static void
tally_window_open_folder_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open Folder"));
  gtk_file_dialog_select_multiple_folders (dialog, GTK_WINDOW (widget), NULL,
                                           open_folder_dialog_done, g_object_ref (widget));
}

static void
tally_window_cancel_import_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  _tally_window_cancel_import (TALLY_WINDOW (widget));
}

/* Projects --------------------------------------------------------------- */

static void
open_project_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TallyWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    _tally_window_open_project_file (self, file);
}

static void
tally_window_open_project_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = project_filters_new ();

  gtk_file_dialog_set_title (dialog, _("Open Project"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_open (dialog, GTK_WINDOW (widget), NULL, open_project_done, g_object_ref (widget));
}

static void
tally_window_open_recent_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  _tally_window_open_project_file (TALLY_WINDOW (widget), file);
}

static void
save_as_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TallyWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    _tally_window_save_as (self, file);
}

static void
tally_window_save_as_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = project_filters_new ();

  gtk_file_dialog_set_title (dialog, _("Save Project As"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_set_initial_name (dialog, _("Untitled Project.tally"));
  gtk_file_dialog_save (dialog, GTK_WINDOW (widget), NULL, save_as_done, g_object_ref (widget));
}

/* Export Facts… ---------------------------------------------------------- */

static void
export_dialog_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TallyWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    _tally_window_export_facts_to (self, file);
}

static void
tally_window_export_facts_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) markdown = _tally_window_file_filter_new (_("Markdown Report"), NULL, (const char *[]) { "*.md", NULL });
  g_autoptr(GtkFileFilter) csv = _tally_window_file_filter_new (_("Spreadsheet (CSV)"), NULL, (const char *[]) { "*.csv", NULL });
  g_autoptr(GtkFileFilter) json = _tally_window_file_filter_new (_("JSON"), NULL, (const char *[]) { "*.json", NULL });

  g_list_store_append (filters, markdown);
  g_list_store_append (filters, csv);
  g_list_store_append (filters, json);
  gtk_file_dialog_set_title (dialog, _("Export Facts"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_initial_name (dialog, _("Facts.md"));
  gtk_file_dialog_save (dialog, GTK_WINDOW (widget), NULL, export_dialog_done, g_object_ref (widget));
}

/* Views, undo and redo --------------------------------------------------- */

static void
tally_window_show_view_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  tally_window_set_visible_view (TALLY_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Ctrl+Z and Ctrl+Shift+Z anywhere in the window: the project's one undo
 * stack (fact and event corrections, article details), after text entries
 * and the Facts view had their turn. */
static void
tally_window_undo_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);
  TallyUndoStack *stack = _tally_window_get_undo_stack (self);
  gboolean redo = g_str_equal (action_name, "win.redo");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (stack == NULL || !(redo ? tally_undo_stack_get_can_redo (stack) : tally_undo_stack_get_can_undo (stack)))
    return;
  /* Translators: "Undone: Rename Fact". */
  title = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"),
                           redo ? tally_undo_stack_get_redo_label (stack) : tally_undo_stack_get_undo_label (stack));
  if (!(redo ? tally_undo_stack_redo (stack, &error) : tally_undo_stack_undo (stack, &error)))
    adw_toast_overlay_add_toast (self->toast_overlay, tally_toast_new_text (error->message));
  else
    adw_toast_overlay_add_toast (self->toast_overlay, tally_toast_new_text (title));
}

void
_tally_window_class_actions_init (TallyWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, tally_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, tally_window_open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, tally_window_cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, tally_window_open_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", tally_window_open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, tally_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-facts", NULL, tally_window_export_facts_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", tally_window_show_view_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, tally_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, tally_window_undo_action);
}

void
_tally_window_actions_init (TallyWindow *self)
{
  /* Follows whichever stack the project has; set in _tally_window_set_project(). */
  self->undo_signals = g_signal_group_new (TALLY_TYPE_UNDO_STACK);
  g_signal_group_connect_object (self->undo_signals, "notify::can-undo",
                                 G_CALLBACK (_tally_window_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->undo_signals, "notify::can-redo",
                                 G_CALLBACK (_tally_window_actions_update), self, G_CONNECT_SWAPPED);
}

/* The one place that decides which win.* actions can run. */
void
_tally_window_actions_update (TallyWindow *self)
{
  TallyUndoStack *stack = self->project != NULL ? _tally_window_get_undo_stack (self) : NULL;
  gboolean has_project = self->project != NULL;

  /* A second import queues behind the first, so Open stays available. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-folder", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_project && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", stack != NULL && tally_undo_stack_get_can_undo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", stack != NULL && tally_undo_stack_get_can_redo (stack));
}
