/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Files the desktop hands over (issue 19, item 4) and the About dialog and
 * shortcuts (item 6). The file dialogs are driven for real: with no portal
 * on the test's D-Bus, GtkFileDialog shows GTK's own file chooser in this
 * process, which the test fills in and accepts as a person would.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tally-application.h"
#include "ui-test.h"
#include "tally-window-private.h"
#include "tally-window.h"

G_GNUC_BEGIN_IGNORE_DEPRECATIONS  /* GtkFileChooser: what GtkFileDialog shows without a portal */

static TallyApplication *app;

static void
wait_until_idle (TallyWindow *window)
{
  while (tally_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
}

/* The file chooser GtkFileDialog opened for window (a toplevel of its own). */
static GtkFileChooser *
wait_for_file_chooser (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          if (GTK_IS_FILE_CHOOSER (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
            return GTK_FILE_CHOOSER (toplevel);
        }
      ui_test_spin (20);
    }
  g_assert_not_reached ();
}

static char *
copy_sample (const char *dir,
             const char *name)
{
  g_autofree char *from = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", name, NULL);
  char *to = g_build_filename (dir, name, NULL);
  g_autofree char *text = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &text, &len, NULL));
  g_assert_true (g_file_set_contents (to, text, len, NULL));
  return to;
}

/* Open Folder… picks folders with the folder chooser and imports what is in them. */
static void
test_open_folder (void)
{
  TallyWindow *window = g_object_ref_sink (tally_window_new (app));
  g_autofree char *dir = g_dir_make_tmp ("tally-open-folder-XXXXXX", NULL);
  g_autofree char *first = copy_sample (dir, "01-northern-wire-aktau-summit.txt");
  g_autofree char *second = copy_sample (dir, "05-baltic-morning-post-cultural-years.html");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  GtkFileChooser *chooser;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-folder", NULL));
  chooser = wait_for_file_chooser ();
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  g_assert_true (gtk_file_chooser_get_select_multiple (chooser));
  /* Inside the folder with nothing selected, the chooser answers that folder. */
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  ui_test_spin (300);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  UI_TEST_WAIT_FOR (tally_window_get_busy (window) || g_list_model_get_n_items (tally_window_get_documents (window)) > 0);
  wait_until_idle (window);
  g_assert_cmpuint (g_list_model_get_n_items (tally_window_get_documents (window)), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_unlink (first);
  g_unlink (second);
  g_rmdir (dir);
}

/* Save As proposes a name ending in .tally and writes exactly the file the
 * user chose, suffix or not. */
static void
test_save_as_exact_name (void)
{
  TallyWindow *window = g_object_ref_sink (tally_window_new (app));
  g_autofree char *dir = g_dir_make_tmp ("tally-save-as-XXXXXX", NULL);
  g_autofree char *chosen = g_build_filename (dir, "aktau-coverage", NULL);
  g_autofree char *suffixed = g_build_filename (dir, "aktau-coverage.tally", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *proposed = NULL;
  GtkFileChooser *chooser;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  chooser = wait_for_file_chooser ();
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  proposed = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_suffix (proposed, ".tally"));

  /* The chooser settles on its first folder before it takes another. */
  ui_test_spin (500);
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  ui_test_spin (500);
  gtk_file_chooser_set_current_name (chooser, "aktau-coverage");
  ui_test_spin (300);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  UI_TEST_WAIT_FOR (g_strcmp0 (tally_project_get_path (tally_window_get_project (window)), chosen) == 0);
  g_assert_cmpstr (tally_project_get_path (tally_window_get_project (window)), ==, chosen);
  g_assert_true (g_file_test (chosen, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (suffixed, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

G_GNUC_END_IGNORE_DEPRECATIONS

/* The About dialog is made from the metainfo: its summary, links, licence
 * and this version's release notes; the metainfo carries branding colours
 * and the source and translation links. TALLY_DESKTOP_SHOTS=DIR also
 * renders the window with the dialog. */
static void
test_about_from_metainfo (void)
{
  TallyWindow *window = g_object_ref_sink (tally_window_new (app));
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/" APP_ID ".metainfo.xml", 0, NULL);
  const char *metainfo;
  AdwAboutDialog *about;
  const char *shots = g_getenv ("TALLY_DESKTOP_SHOTS");

  g_assert_nonnull (bytes);
  metainfo = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (metainfo, "<url type=\"vcs-browser\">"));
  g_assert_nonnull (strstr (metainfo, "<url type=\"translate\">"));
  g_assert_nonnull (strstr (metainfo, "<color type=\"primary\" scheme_preference=\"light\">"));
  g_assert_nonnull (strstr (metainfo, "<color type=\"primary\" scheme_preference=\"dark\">"));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = ADW_ABOUT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_true (ADW_IS_ABOUT_DIALOG (about));
  g_assert_cmpstr (adw_about_dialog_get_application_name (about), ==, "Tally");
  g_assert_cmpstr (adw_about_dialog_get_application_icon (about), ==, APP_ID);
  g_assert_cmpstr (adw_about_dialog_get_version (about), ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (adw_about_dialog_get_comments (about), "Check the figures news articles state"));
  g_assert_cmpstr (adw_about_dialog_get_website (about), ==, "https://tallyapp.github.io/");
  g_assert_cmpstr (adw_about_dialog_get_issue_url (about), ==, "https://github.com/tallyapp/tally/issues");
  g_assert_cmpint (adw_about_dialog_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_dialog_get_developer_name (about), ==, "The Tally developers");
  /* The release notes of this version, as the metainfo words them. */
  g_assert_cmpstr (adw_about_dialog_get_release_notes_version (about), ==, PACKAGE_VERSION);
  g_assert_nonnull (strstr (adw_about_dialog_get_release_notes (about), "First release"));

  if (shots != NULL)
    {
      g_autofree char *path = g_build_filename (shots, "about.png", NULL);

      ui_test_spin (800);
      g_assert_true (ui_test_render_to_png (GTK_WIDGET (window), path, NULL));
    }
  adw_dialog_force_close (ADW_DIALOG (about));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* app.shortcuts (F1, Ctrl+?, the main menu) shows the keyboard shortcuts:
 * an AdwShortcutsDialog with libadwaita ≥ 1.8, the GtkShortcutsWindow
 * before (what this build environment's 1.7 has). */
static void
test_shortcuts (void)
{
  TallyWindow *window = g_object_ref_sink (tally_window_new (app));
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.shortcuts");
  GtkWindow *overlay;
  GLogLevelFlags old_fatal;

  g_assert_true (g_strv_contains ((const char *const *) accels, "F1"));
  g_assert_true (g_strv_contains ((const char *const *) accels, "<Control>question"));
  gtk_window_present (GTK_WINDOW (window));
  /* GTK 4.18's GtkShortcutsWindow warns "GtkLabel … reported min width -2"
   * while it lays itself out: GTK's, not ours, so not fatal here. */
  old_fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  ui_test_spin (200);

  if (adw_get_major_version () > 1 || adw_get_minor_version () >= 8)
    {
      AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

      g_assert_nonnull (dialog);
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (dialog), ==, "AdwShortcutsDialog");
      adw_dialog_force_close (dialog);
    }
  else
    {
      overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
      g_assert_nonnull (overlay);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
      gtk_window_close (overlay);
    }
  ui_test_spin (100);
  g_log_set_always_fatal (old_fatal);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  g_autofree char *data_home = NULL;

  /* GtkFileDialog asks the file-chooser portal first; none is on the test's bus. */
  g_setenv ("GDK_DEBUG", "no-portals", TRUE);
  app = ui_test_application_new (&argc, &argv, "test-desktop", &data_home);
  /* A chooser left at its first folder (the working one) saves there: keep that out of the checkout. */
  g_assert_cmpint (g_chdir (data_home), ==, 0);

  g_test_add_func ("/ui/desktop/open-folder", test_open_folder);
  g_test_add_func ("/ui/desktop/save-as-exact-name", test_save_as_exact_name);
  g_test_add_func ("/ui/desktop/about-from-metainfo", test_about_from_metainfo);
  g_test_add_func ("/ui/desktop/shortcuts", test_shortcuts);

  status = g_test_run ();
  g_clear_pointer (&app, ui_test_application_free);
  return status;
}
