/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ui-test.h"

TallyApplication *
ui_test_application_new (int          *argc,
                         char       ***argv,
                         const char   *name,
                         char        **data_home)
{
  g_autofree char *template = g_strdup_printf ("tally-%s-XXXXXX", name);
  g_autofree char *dir = g_dir_make_tmp (template, NULL);
  TallyApplication *app;

  g_assert_nonnull (dir);
  /* Unsaved projects of this test stay apart from other tests running beside it. */
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  app = tally_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  /* Registering runs startup: app actions and accelerators. */
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));
  if (data_home != NULL)
    *data_home = g_steal_pointer (&dir);
  return app;
}

void
ui_test_application_free (TallyApplication *app)
{
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
}

void
ui_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

gboolean
ui_test_render_to_png (GtkWidget   *widget,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the window drew nothing");
      return FALSE;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write %s", path);
      return FALSE;
    }
  return TRUE;
}
