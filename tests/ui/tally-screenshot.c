/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tally-screenshot VIEW OUT.png [--dark] [--hide-toasts] [--size WxH] [--action NAME[=STRING]]… [FILE…]
 *
 * Opens Tally's window on FILEs, shows VIEW (documents, facts, timeline), waits
 * until the window is idle, and renders it with GTK's own renderer to a PNG.
 * Used by `build-aux/sdk screenshot` so every view can be looked at headless.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tally-application.h"
#include "tally-window.h"
#include "ui-test.h"

static char *view_name;
static char *output_path;
static gboolean dark;
static gboolean hide_toasts;
static char *size = NULL;
static char **actions;
static char **file_args;
static int exit_status = 1;
static guint idle_ticks;

/* Toasts are news of the moment; a picture for the README does without them. */
static void
hide_toast_widgets (GtkWidget *widget)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    {
      gtk_widget_set_visible (widget, FALSE);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    hide_toast_widgets (child);
}

static void
render_window (GtkWindow *window)
{
  g_autoptr(GError) error = NULL;

  if (!ui_test_render_to_png (GTK_WIDGET (window), output_path, &error))
    {
      g_printerr ("tally-screenshot: %s\n", error->message);
      return;
    }
  exit_status = 0;
}

static gboolean any_busy (GtkWidget *widget);

/* Waits for imports to finish and a few quiet frames, then renders. */
static gboolean
wait_then_render (gpointer user_data)
{
  TallyWindow *window = user_data;

  /* Imports, and a view still grouping facts or finding events: a
   * screenshot taken then shows a count the CLI would not print. */
  if (tally_window_get_busy (window) || any_busy (GTK_WIDGET (window)))
    {
      idle_ticks = 0;
      return G_SOURCE_CONTINUE;
    }
  if (++idle_ticks < 8)
    return G_SOURCE_CONTINUE;
  if (hide_toasts && idle_ticks == 8)
    {
      hide_toast_widgets (GTK_WIDGET (window));
      return G_SOURCE_CONTINUE;
    }

  /* "shortcuts" is the keyboard shortcuts window, a toplevel of its own. */
  if (g_str_equal (view_name, "shortcuts"))
    render_window (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))));
  else
    render_window (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

/* Widget actions of a view (documents.select, reader.next-claim) are not
 * visible from the window: try the window, then each widget inside it. */
static gboolean
activate_anywhere (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  if (gtk_widget_activate_action_variant (widget, name, parameter))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (activate_anywhere (child, name, parameter))
      return TRUE;
  return FALSE;
}

/* A view still grouping or reading (its "busy" property). */
static gboolean
any_busy (GtkWidget *widget)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "busy");
  gboolean busy = FALSE;

  if (pspec != NULL && pspec->value_type == G_TYPE_BOOLEAN)
    g_object_get (widget, "busy", &busy, NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); !busy && child; child = gtk_widget_get_next_sibling (child))
    busy = any_busy (child);
  return busy;
}

static gboolean
run_actions (gpointer user_data)
{
  TallyWindow *window = user_data;

  /* Act on what the analyst would see: imports done, facts grouped. */
  if (actions != NULL && any_busy (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;
  for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (actions[i], "=", 2);
      g_autoptr(GVariant) parameter = NULL;

      /* ARG is GVariant text ("uint32 0", "'corridor'") or else a plain string. */
      if (parts[1] != NULL)
        {
          parameter = g_variant_parse (NULL, parts[1], NULL, NULL, NULL);
          if (parameter == NULL)
            parameter = g_variant_new_string (parts[1]);
          g_variant_ref_sink (parameter);
        }
      if (!activate_anywhere (GTK_WIDGET (window), parts[0], parameter))
        g_printerr ("tally-screenshot: no action %s here\n", parts[0]);
    }
  g_timeout_add (150, wait_then_render, window);
  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *app)
{
  TallyWindow *window = tally_window_new (TALLY_APPLICATION (app));
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  int width = 1200, height = 760;

  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    g_printerr ("tally-screenshot: --size wants WIDTHxHEIGHT\n");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);

  for (guint i = 0; file_args != NULL && file_args[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (file_args[i]));
  if (files->len > 0)
    tally_window_open_files (window, (GFile **) files->pdata, files->len);
  if (g_str_equal (view_name, "shortcuts"))
    {
      g_strfreev (actions);
      actions = g_strdupv ((char *[]) { (char *) "win.show-help-overlay", NULL });
    }
  else
    tally_window_set_visible_view (window, view_name);
  gtk_window_present (GTK_WINDOW (window));

  /* Let the first import start and the window map before acting. */
  g_timeout_add (300, run_actions, window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("VIEW OUT.png [FILE…]");
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyApplication) app = NULL;
  const GOptionEntry entries[] = {
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Use the dark style", NULL },
    { "hide-toasts", 0, 0, G_OPTION_ARG_NONE, &hide_toasts, "Leave toasts out of the picture", NULL },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "Window size", "WIDTHxHEIGHT" },
    { "action", 0, 0, G_OPTION_ARG_STRING_ARRAY, &actions, "Activate a window action before rendering", "NAME[=STRING]" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &file_args, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  /* The user's language, as src/ui/main.c sets it (LC_ALL=ru_RU.UTF-8 build-aux/sdk screenshot …). */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TALLY_LOCALEDIR") != NULL ? g_getenv ("TALLY_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The screenshot's unsaved project is nobody's work: keep it out of the user's data. */
  g_setenv ("XDG_DATA_HOME", g_dir_make_tmp ("tally-screenshot-XXXXXX", NULL), TRUE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tally-screenshot: %s\n", error->message);
      return 2;
    }
  if (file_args == NULL || g_strv_length (file_args) < 2)
    {
      g_printerr ("usage: tally-screenshot VIEW OUT.png [FILE…]\n");
      return 2;
    }
  view_name = file_args[0];
  output_path = file_args[1];
  file_args += 2;

  app = tally_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  g_application_run (G_APPLICATION (app), 1, argv);
  return exit_status;
}
