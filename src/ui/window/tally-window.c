/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-window-private.h"

G_DEFINE_FINAL_TYPE (TallyWindow, tally_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_VISIBLE_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

TallyWindow *
tally_window_new (TallyApplication *application)
{
  return g_object_new (TALLY_TYPE_WINDOW, "application", application, NULL);
}

void
tally_window_open_files (TallyWindow  *self,
                         GFile       **files,
                         int           n_files)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();

  g_return_if_fail (TALLY_IS_WINDOW (self));

  /* Project files open as projects; everything else is an article or a folder of them. */
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_file_get_basename (files[i]);

      if (name != NULL && g_str_has_suffix (name, ".tally"))
        _tally_window_open_project_file (self, files[i]);
      else
        g_ptr_array_add (articles, files[i]);
    }
  if (articles->len > 0)
    {
      _tally_window_import (self, (GFile **) articles->pdata, articles->len);
      tally_window_set_visible_view (self, "documents");
    }
}

void
tally_window_set_visible_view (TallyWindow *self,
                               const char  *name)
{
  g_return_if_fail (TALLY_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_warning ("No view named “%s”", name);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
tally_window_get_visible_view (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

gboolean
tally_window_get_busy (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), FALSE);
  return self->busy;
}

/* The documents of the window's project (TallyDocument items). */
GListModel *
tally_window_get_documents (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->project ? tally_project_get_documents (self->project) : NULL;
}

TallyProject *
tally_window_get_project (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->project;
}

/* The page widget of a view ("documents", "facts", "timeline"), for tests and tools. */
GtkWidget *
tally_window_get_view (TallyWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

void
_tally_window_set_busy (TallyWindow *self,
                        gboolean     busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;
  self->busy = busy;
  _tally_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_visible_child_changed (TallyWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_VIEW]);
}

static void
tally_window_save_size (TallyWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
tally_window_close_request (GtkWindow *window)
{
  tally_window_save_size (TALLY_WINDOW (window));
  _tally_window_project_close (TALLY_WINDOW (window));
  return GTK_WINDOW_CLASS (tally_window_parent_class)->close_request (window);
}

static void
tally_window_dispose (GObject *object)
{
  TallyWindow *self = TALLY_WINDOW (object);

  _tally_window_project_dispose (self);
  _tally_window_dnd_dispose (self);
  if (self->undo_signals != NULL)
    g_signal_group_set_target (self->undo_signals, NULL);
  g_clear_object (&self->undo_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), TALLY_TYPE_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (tally_window_parent_class)->dispose (object);
}

static void
tally_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TallyWindow *self = TALLY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_VISIBLE_VIEW:
      g_value_set_string (value, tally_window_get_visible_view (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TallyWindow *self = TALLY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_VIEW:
      tally_window_set_visible_view (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_window_class_init (TallyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tally_window_dispose;
  object_class->get_property = tally_window_get_property;
  object_class->set_property = tally_window_set_property;
  window_class->close_request = tally_window_close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE_VIEW] =
    g_param_spec_string ("visible-view", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TALLY_TYPE_DOCUMENTS_VIEW);
  g_type_ensure (TALLY_TYPE_FACTS_VIEW);
  g_type_ensure (TALLY_TYPE_TIMELINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tally-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, documents_view);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, facts_view);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, drop_revealer);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed);

  _tally_window_class_actions_init (klass);
}

static void
tally_window_init (TallyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* A reader who needs larger text needs it in every window and every run. */
  g_settings_bind (self->settings, "reader-text-scale",
                   tally_documents_view_get_reader (self->documents_view), "text-scale",
                   G_SETTINGS_BIND_DEFAULT);

  _tally_window_actions_init (self);
  _tally_window_project_init (self);

  _tally_window_dnd_init (self);
  _tally_window_actions_update (self);
}
