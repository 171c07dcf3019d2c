/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-application.h"
#include "tally-window.h"

struct _TallyApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (TallyApplication, tally_application, ADW_TYPE_APPLICATION)

static TallyWindow *
tally_application_get_or_create_window (TallyApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  TallyWindow *created;

  if (TALLY_IS_WINDOW (window))
    return TALLY_WINDOW (window);

  /* The first window brings back what an earlier run left unsaved. */
  created = tally_window_new (self);
  tally_window_recover_unsaved (created);
  return created;
}

static void
tally_application_activate (GApplication *app)
{
  TallyWindow *window = tally_application_get_or_create_window (TALLY_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
}

/* `tally FILE…` and the desktop file's %U arrive here, in the running instance. */
static void
tally_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  TallyWindow *window = tally_application_get_or_create_window (TALLY_APPLICATION (app));

  tally_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
tally_application_new_window_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (tally_window_new (TALLY_APPLICATION (user_data))));
}

/* The About dialog is made from the metainfo (name, summary, links, licence,
 * this version's release notes), so the two never disagree; what the
 * metainfo does not hold is added here. */
static void
tally_application_about_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer      user_data)
{
  static const char *developers[] = { "The Tally developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  AdwDialog *dialog;

  dialog = adw_about_dialog_new_from_appdata (RESOURCE_BASE "/" APP_ID ".metainfo.xml", PACKAGE_VERSION);
  /* The metainfo's summary is a tagline; the dialog wants a sentence. */
  adw_about_dialog_set_comments (ADW_ABOUT_DIALOG (dialog),
                                 _("Check the figures news articles state: which numbers the sources claim, whether they tally, and when what happened."));
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (dialog), developers);
  adw_about_dialog_set_copyright (ADW_ABOUT_DIALOG (dialog), "© 2026 The Tally developers");
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (dialog), _("translator-credits"));
  adw_dialog_present (dialog, GTK_WIDGET (window));
}

static void
tally_application_quit_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Close each window so it saves its state; the app quits when the last goes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

/* Builds against libadwaita 1.5–1.7: app.shortcuts shows the window's
 * GtkShortcutsWindow (gtk/help-overlay.ui). From 1.8 AdwApplication makes
 * app.shortcuts itself, showing shortcuts-dialog.ui. */
static void
tally_application_shortcuts_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_actions[] = {
  { "new-window", tally_application_new_window_action },
  { "about", tally_application_about_action },
  { "quit", tally_application_quit_action },
};

static void
tally_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *open_project_accels[] = { "<Control><Shift>o", NULL };
  static const char *save_as_accels[] = { "<Control><Shift>s", NULL };
  static const char *help_accels[] = { "F1", "<Control>question", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", NULL };
  static const char *view_accels[3][2] = { { "<Alt>1", NULL }, { "<Alt>2", NULL }, { "<Alt>3", NULL } };

  G_APPLICATION_CLASS (tally_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  if (g_action_map_lookup_action (G_ACTION_MAP (app), "shortcuts") == NULL)
    {
      static const GActionEntry shortcuts_entry[] = { { "shortcuts", tally_application_shortcuts_action } };

      g_action_map_add_action_entries (G_ACTION_MAP (app), shortcuts_entry, 1, app);
    }
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.redo", redo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open-project", open_project_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save-as", save_as_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-view::documents", view_accels[0]);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-view::facts", view_accels[1]);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-view::timeline", view_accels[2]);
}

static void
tally_application_class_init (TallyApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = tally_application_activate;
  app_class->open = tally_application_open;
  app_class->startup = tally_application_startup;
}

static void
tally_application_init (TallyApplication *self)
{
}

TallyApplication *
tally_application_new (void)
{
  return g_object_new (TALLY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
