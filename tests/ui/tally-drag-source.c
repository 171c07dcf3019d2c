/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tally-drag-source X Y FILE…
 *
 * A helper of the UI tests: an undecorated X11 window placed at (X, Y) whose
 * whole area is a drag source offering FILEs as a GdkFileList, as a file
 * manager offers them. It prints "ready X Y WIDTH HEIGHT" (its area in root
 * coordinates) once it is mapped there, then "drag-begin", and "drag-end" or
 * "drag-cancel" as a drag goes; a line "cancel" on stdin cancels the drag. The test moves the pointer with XTest, so the
 * drag is a real XDND drag between two processes.
 */
#include <gdk/x11/gdkx.h>
#include <glib-unix.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <X11/Xlib.h>

static int want_x, want_y;
static GSList *files;

static GdkContentProvider *
on_prepare (GtkDragSource *source,
            double         x,
            double         y)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  return gdk_content_provider_new_for_value (&value);
}

static void
say (const char *line)
{
  printf ("%s\n", line);
  fflush (stdout);
}

static void
on_drag_begin (void)
{
  say ("drag-begin");
}

static void
on_drag_end (void)
{
  say ("drag-end");
}

static gboolean
on_drag_cancel (void)
{
  say ("drag-cancel");
  return FALSE;
}

/* The test holds the other end of stdin: when it goes, so does the helper.
 * A line "cancel" cancels the drag the way Escape does in a file manager
 * (GTK's X11 drag source does not see Escape sent through XTest under Xvfb:
 * its key grab is not reached), so the window meets a cancelled drag. */
static gboolean
on_stdin (int          fd,
          GIOCondition condition,
          gpointer     user_data)
{
  GtkDragSource *source = user_data;
  char buffer[64];
  ssize_t n = read (fd, buffer, sizeof buffer - 1);

  if (n <= 0)
    exit (0);
  buffer[n] = '\0';
  if (g_str_has_prefix (buffer, "cancel"))
    gtk_drag_source_drag_cancel (source);
  return G_SOURCE_CONTINUE;
}

/* No window manager runs under Xvfb: the window goes where it is moved. Wait
 * until the server reports it there before telling the test. */
static gboolean
report_when_placed (gpointer user_data)
{
  GtkWidget *window = user_data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (window));
  Window xid = gdk_x11_surface_get_xid (surface);
  Window child;
  int root_x = 0, root_y = 0;
  g_autofree char *line = NULL;

  XMoveWindow (display, xid, want_x, want_y);
  XSync (display, False);
  XTranslateCoordinates (display, xid, DefaultRootWindow (display), 0, 0, &root_x, &root_y, &child);
  if (root_x != want_x || root_y != want_y || !gtk_widget_get_mapped (window) ||
      gtk_widget_get_width (window) == 0)
    return G_SOURCE_CONTINUE;

  line = g_strdup_printf ("ready %d %d %d %d", root_x, root_y,
                          gtk_widget_get_width (window), gtk_widget_get_height (window));
  say (line);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  GtkWidget *window;
  GtkWidget *label;
  GtkDragSource *source;

  if (argc < 4)
    {
      fprintf (stderr, "usage: tally-drag-source X Y FILE…\n");
      return 2;
    }
  gdk_set_allowed_backends ("x11");
  gtk_init ();
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      fprintf (stderr, "tally-drag-source: needs an X11 display\n");
      return 2;
    }
  want_x = atoi (argv[1]);
  want_y = atoi (argv[2]);
  for (int i = argc - 1; i >= 3; i--)
    files = g_slist_prepend (files, g_file_new_for_commandline_arg (argv[i]));

  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 200, 160);
  label = gtk_label_new ("files");
  gtk_window_set_child (GTK_WINDOW (window), label);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_prepare), NULL);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), NULL);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end), NULL);
  g_signal_connect (source, "drag-cancel", G_CALLBACK (on_drag_cancel), NULL);
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (source));

  g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, on_stdin, source);
  gtk_window_present (GTK_WINDOW (window));
  g_timeout_add (20, report_when_placed, window);

  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
