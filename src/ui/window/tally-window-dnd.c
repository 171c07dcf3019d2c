/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-window-private.h"

/* Files and folders dropped anywhere on the window are opened, as Text Editor
 * does in editor-window-dnd.c. A revealer shows where the drop will go. */

static GdkDragAction
on_drop_enter (TallyWindow *self)
{
  gtk_revealer_set_reveal_child (self->drop_revealer, TRUE);
  return GDK_ACTION_COPY;
}

static void
on_drop_leave (TallyWindow *self)
{
  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         TallyWindow   *self)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);

  tally_window_open_files (self, (GFile **) files->pdata, files->len);
  return files->len > 0;
}

void
_tally_window_dnd_init (TallyWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_swapped (target, "enter", G_CALLBACK (on_drop_enter), self);
  g_signal_connect_swapped (target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
