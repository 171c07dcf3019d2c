/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-window-private.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* Files and folders dropped anywhere on the window are opened, as Text Editor
 * does in editor-window-dnd.c.
 *
 * The target listens in the capture phase: GTK offers a drag to the widget
 * under the pointer first, and the reader's GtkTextView has a drop target of
 * its own that takes a file list as text, so a bubble-phase target on the
 * window never saw drops over the article.
 *
 * A dialog presented on the window (AdwDialog) sets GtkWidget:limit-events
 * (GTK 4.18): events under it are not propagated to its ancestors, in the
 * capture phase either, so the window's target saw a drag's enter (crossings
 * still reach it) but neither its motion, its drop nor its leave. Each
 * dialog that shows gets a target of its own sharing these handlers. */

static void watch_drag (TallyWindow *self);

static void
set_overlay_shown (TallyWindow *self,
                   gboolean     shown)
{
  if (gtk_revealer_get_reveal_child (self->drop_revealer) == shown)
    return;

  gtk_revealer_set_reveal_child (self->drop_revealer, shown);
  if (shown)
    watch_drag (self);
  else
    g_clear_handle_id (&self->drop_watch, g_source_remove);
  /* The overlay cannot take focus (it must not take the drop either), so
   * screen readers would not notice it: say what it says. */
  if (shown)
    gtk_accessible_announce (GTK_ACCESSIBLE (self),
                             _("Drop articles to add them"),
                             GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
}

/* X11 only: an XDND drag is a held pointer button, and the X server does not
 * tell a target that a drag ended without a drop when its source died, and
 * GTK does not pass the end of a drag refused or cancelled over a dialog
 * (limit-events) on to the window. While the overlay shows, the pointer's
 * buttons are looked at twice a second: none held means the drag is over. (Wayland's
 * compositor ends every drag itself.) */
static gboolean
check_drag_held (gpointer user_data)
{
#ifdef GDK_WINDOWING_X11
  TallyWindow *self = user_data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkSeat *seat = gdk_display_get_default_seat (gtk_widget_get_display (GTK_WIDGET (self)));
  GdkDevice *pointer = seat != NULL ? gdk_seat_get_pointer (seat) : NULL;
  GdkModifierType mask = 0;
  double x, y;

  if (surface == NULL || pointer == NULL)
    return G_SOURCE_CONTINUE;
  gdk_surface_get_device_position (surface, pointer, &x, &y, &mask);
  if ((mask & (GDK_BUTTON1_MASK | GDK_BUTTON2_MASK | GDK_BUTTON3_MASK)) == 0)
    {
      self->drop_watch = 0;
      set_overlay_shown (self, FALSE);
      return G_SOURCE_REMOVE;
    }
#endif
  return G_SOURCE_CONTINUE;
}

static void
watch_drag (TallyWindow *self)
{
#ifdef GDK_WINDOWING_X11
  if (self->drop_watch == 0 && GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (self))))
    self->drop_watch = g_timeout_add (500, check_drag_held, self);
#endif
}

static GdkDragAction
on_drop_enter (TallyWindow *self)
{
  set_overlay_shown (self, TRUE);
  return GDK_ACTION_COPY;
}

/* Only the window's own leave means the drag left the window: a dialog's
 * means it went back over the window, which still takes it. */
static void
on_drop_leave (GtkDropTarget *target,
               TallyWindow   *self)
{
  if (target == self->drop_target)
    set_overlay_shown (self, FALSE);
}

/* A drag ends with a drop, a refusal, a cancel at the source or the source
 * going away; each one clears the target's current drop, whether or not
 * ::leave came first. */
static void
on_current_drop_changed (GtkDropTarget *target,
                         GParamSpec    *pspec,
                         TallyWindow   *self)
{
  AdwDialog *dialog;
  GtkDropTarget *dialog_target = NULL;

  if (gtk_drop_target_get_current_drop (target) != NULL)
    return;
  set_overlay_shown (self, FALSE);

  /* A drag that ends over a dialog never tells the window's target (and one
   * that ends over the window leaves the dialog's): let go of it there, or
   * that target would still hold it when the next drag comes. */
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self));
  if (dialog != NULL)
    dialog_target = g_object_get_data (G_OBJECT (dialog), "tally-drop-target");
  if (target != self->drop_target)
    gtk_drop_target_reject (self->drop_target);
  if (dialog_target != NULL && target != dialog_target)
    gtk_drop_target_reject (dialog_target);
}

/* While a drag runs its source holds the pointer grab, so the window sees no
 * pointer events of its own. When the source dies mid-drag (a crashed file
 * manager), X sends no XdndLeave and GTK keeps the drop: the first ordinary
 * pointer event (the crossing when the grab goes, or a move) says the drag
 * is over. */
static void
on_pointer_seen (TallyWindow *self)
{
  set_overlay_shown (self, FALSE);
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

  set_overlay_shown (self, FALSE);
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);

  if (files->len == 0)
    return FALSE;
  tally_window_open_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

void
_tally_window_dnd_dispose (TallyWindow *self)
{
  g_clear_handle_id (&self->drop_watch, g_source_remove);
}

static GtkDropTarget *
drop_target_new (TallyWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (target), "tally-window-drop");
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (target), GTK_PHASE_CAPTURE);
  g_signal_connect_object (target, "enter", G_CALLBACK (on_drop_enter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "leave", G_CALLBACK (on_drop_leave), self, 0);
  g_signal_connect_object (target, "notify::current-drop", G_CALLBACK (on_current_drop_changed), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  return target;
}

/* Every dialog shown on the window (About, import errors, …) takes drops too. */
static void
on_visible_dialog_changed (TallyWindow *self,
                           GParamSpec  *pspec,
                           gpointer     user_data)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self));
  GtkDropTarget *target;

  if (dialog == NULL || g_object_get_data (G_OBJECT (dialog), "tally-drop-target") != NULL)
    return;
  target = drop_target_new (self);
  g_object_set_data (G_OBJECT (dialog), "tally-drop-target", target);
  gtk_widget_add_controller (GTK_WIDGET (dialog), GTK_EVENT_CONTROLLER (target));
}

void
_tally_window_dnd_init (TallyWindow *self)
{
  GtkEventController *motion;

  self->drop_target = drop_target_new (self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
  g_signal_connect (self, "notify::visible-dialog", G_CALLBACK (on_visible_dialog_changed), NULL);

  motion = gtk_event_controller_motion_new ();
  gtk_event_controller_set_name (motion, "tally-window-drop-end");
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (motion, "enter", G_CALLBACK (on_pointer_seen), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_pointer_seen), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}
