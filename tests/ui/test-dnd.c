/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Real drags onto the window (issue 16). A helper process of the test suite
 * (tally-drag-source) offers files as a GdkFileList; the pointer is pressed,
 * moved and released with the XTest extension, so the drag is an XDND drag
 * that meets, on its way, whatever widget is under the pointer: the empty
 * state, the reader's text view, the fact table, the timeline.
 *
 * TALLY_DND_SHOTS=DIR also writes the README's drop-overlay pictures there.
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>

#include "tally-application.h"
#include "tally-import-errors-dialog.h"
#include "tally-window-private.h"
#include "tally-window.h"
#include "ui-test.h"

static TallyApplication *app;
static Display *xdisplay;
static gboolean have_xtest;

typedef enum
{
  DRAG_RELEASE,     /* drop */
  DRAG_CANCEL,      /* cancelled at the source, as Escape does */
  DRAG_SOURCE_GONE, /* the source process dies mid-drag */
} DragEnd;

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *out;
  int               x, y, width, height;
} DragSource;

static char *
sample_path (const char *name)
{
  return g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", name, NULL);
}

#define NEEDS_XTEST() \
  G_STMT_START { \
    if (!have_xtest) \
      { \
        g_test_skip ("needs an X11 display with the XTest extension"); \
        return; \
      } \
  } G_STMT_END

static void
wait_until_idle (TallyWindow *window)
{
  TallyFactsView *facts_view = TALLY_FACTS_VIEW (tally_window_get_view (window, "facts"));

  while (tally_window_get_busy (window) || tally_facts_view_get_busy (facts_view))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
overlay_shown (TallyWindow *window)
{
  return gtk_revealer_get_reveal_child (window->drop_revealer);
}

static guint
n_documents (TallyWindow *window)
{
  return g_list_model_get_n_items (tally_window_get_documents (window));
}

static void
drag_source_free (DragSource *source)
{
  if (source->process != NULL)
    {
      g_subprocess_force_exit (source->process);
      g_subprocess_wait (source->process, NULL, NULL);
    }
  g_clear_object (&source->out);
  g_clear_object (&source->process);
  g_free (source);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DragSource, drag_source_free)

/* Starts the helper at (x, y), offering paths, and waits until it is placed. */
static DragSource *
drag_source_new (int                x,
                 int                y,
                 const char *const *paths)
{
  g_autofree char *helper = g_build_filename (g_getenv ("TALLY_BUILD_DIR"), "tests", "ui", "tally-drag-source", NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autofree char *x_text = g_strdup_printf ("%d", x);
  g_autofree char *y_text = g_strdup_printf ("%d", y);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  DragSource *source = g_new0 (DragSource, 1);

  g_strv_builder_add_many (builder, helper, x_text, y_text, NULL);
  g_strv_builder_addv (builder, (const char **) paths);
  argv = g_strv_builder_end (builder);
  source->process = g_subprocess_newv ((const char *const *) argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  source->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (source->process));
  line = g_data_input_stream_read_line (source->out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "ready %d %d %d %d", &source->x, &source->y, &source->width, &source->height), ==, 4);
  return source;
}

/* Where on the X screen the pointer should go to be over widget: the centre
 * of what shows of it (a text view in a scrolled window is taller than the
 * window). The test checks that GTK picks widget, or a child of it, there. */
static void
widget_root_centre (GtkWidget *widget,
                    int       *root_x,
                    int       *root_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  GtkWidget *shown = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t centre, in_native;
  double surface_x, surface_y;
  int origin_x, origin_y;
  GtkWidget *picked;
  Window child;

  if (shown == NULL)
    shown = widget;
  /* A view just shown may still be in its stack's cross-fade or not yet laid
   * out (slow under load or the sanitizers, where a fixed wait lost the
   * race): wait until GTK picks it, then check it does. */
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;;)
    {
      centre = GRAPHENE_POINT_INIT (gtk_widget_get_width (shown) / 2.0, gtk_widget_get_height (shown) / 2.0);
      g_assert_true (gtk_widget_compute_point (shown, GTK_WIDGET (native), &centre, &in_native));
      picked = gtk_widget_pick (GTK_WIDGET (native), in_native.x, in_native.y, GTK_PICK_DEFAULT);
      if ((picked != NULL && (picked == widget || gtk_widget_is_ancestor (picked, widget)))
          || g_get_monotonic_time () >= deadline)
        break;
      ui_test_spin (20);
    }
  if (picked != NULL && picked != widget && !gtk_widget_is_ancestor (picked, widget))
    g_test_message ("picked a %s instead of the %s", G_OBJECT_TYPE_NAME (picked), G_OBJECT_TYPE_NAME (widget));
  g_assert_nonnull (picked);
  g_assert_true (picked == widget || gtk_widget_is_ancestor (picked, widget));

  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface), DefaultRootWindow (xdisplay),
                         0, 0, &origin_x, &origin_y, &child);
  *root_x = origin_x + (int) (surface_x + in_native.x);
  *root_y = origin_y + (int) (surface_y + in_native.y);
}

static void
pointer_to (int x,
            int y)
{
  XTestFakeMotionEvent (xdisplay, -1, x, y, CurrentTime);
  XFlush (xdisplay);
  ui_test_spin (15);
}

/* A drag was cancelled or lost its source: GTK may warn about it later. */
static gboolean source_failed;

/* Presses the pointer on the source, glides it onto target and waits for the
 * window to show its drop overlay; then ends the drag as asked. */
static void
drag_onto (TallyWindow *window,
           DragSource  *source,
           GtkWidget   *target,
           DragEnd      end,
           const char  *shot_path)
{
  int from_x = source->x + source->width / 2, from_y = source->y + source->height / 2;
  int to_x, to_y;
  guint n_before = n_documents (window);

  widget_root_centre (target, &to_x, &to_y);
  pointer_to (from_x, from_y);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XFlush (xdisplay);
  ui_test_spin (50);
  /* Past the drag threshold inside the source, then across to the target. */
  for (int i = 1; i <= 4; i++)
    pointer_to (from_x - 6 * i, from_y);
  for (int i = 1; i <= 24; i++)
    pointer_to (from_x + (to_x - from_x) * i / 24, from_y + (to_y - from_y) * i / 24);
  for (int i = 0; !overlay_shown (window) && i < 200; i++)
    pointer_to (to_x + (i % 2), to_y);
  g_assert_true (overlay_shown (window));
  /* Held over the window past the X11 check of the drag (every 0.5 s): the
   * overlay stays while the button is down. */
  ui_test_spin (600);
  g_assert_true (overlay_shown (window));

  if (shot_path != NULL)
    {
      UI_TEST_WAIT_FOR (gtk_revealer_get_child_revealed (window->drop_revealer));
      ui_test_spin (300);
      g_assert_true (ui_test_render_to_png (GTK_WIDGET (window), shot_path, NULL));
    }

  /* GTK warns "Failed to receive drop data" when the source of a drop has
   * cancelled or gone: expected from then on (see log_writer). */
  if (end != DRAG_RELEASE)
    source_failed = TRUE;
  switch (end)
    {
    case DRAG_RELEASE:
      break;
    case DRAG_CANCEL:
      /* What Escape does at the source; see tally-drag-source.c. */
      g_assert_true (g_output_stream_write_all (g_subprocess_get_stdin_pipe (source->process), "cancel\n", 7,
                                                NULL, NULL, NULL));
      ui_test_spin (100);
      break;
    case DRAG_SOURCE_GONE:
      g_subprocess_force_exit (source->process);
      g_subprocess_wait (source->process, NULL, NULL);
      g_clear_object (&source->process);
      ui_test_spin (100);
      break;
    }
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  XFlush (xdisplay);
  /* The overlay goes, and a drop starts an import (or a cancel leaves it be). */
  UI_TEST_WAIT_FOR (!overlay_shown (window) &&
            (end != DRAG_RELEASE || tally_window_get_busy (window) || n_documents (window) != n_before ||
             adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL));
  g_assert_false (overlay_shown (window));
  wait_until_idle (window);
  g_assert_false (overlay_shown (window));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static TallyWindow *
window_new (void)
{
  TallyWindow *window = g_object_ref_sink (tally_window_new (app));

  /* The drag source sits to the right of the window on the 1600 px screen. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  UI_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  ui_test_spin (200);
  return window;
}

static void
window_free (TallyWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* One article dropped over each view in turn, the reader's text among them. */
static void
test_dnd_each_view (void)
{
  TallyWindow *window;
  GtkWidget *documents_view;
  struct { const char *view; const char *sample; } drops[] = {
    { "documents", "01-northern-wire-aktau-summit.txt" },          /* the empty state */
    { "reader", "03-caspian-ledger-aktau-summit-closes.html" },   /* the article's text */
    { "facts", "04-steppe-economic-review-analysis.txt" },        /* the fact table */
    { "timeline", "06-aktau-evening-courier-port.txt" },          /* the timeline */
  };

  NEEDS_XTEST ();
  window = window_new ();
  documents_view = tally_window_get_view (window, "documents");

  for (guint i = 0; i < G_N_ELEMENTS (drops); i++)
    {
      g_autofree char *path = sample_path (drops[i].sample);
      const char *paths[] = { path, NULL };
      g_autoptr(DragSource) source = drag_source_new (1300, 300, paths);
      GtkWidget *target;

      g_test_message ("dropping %s over %s", drops[i].sample, drops[i].view);
      if (g_str_equal (drops[i].view, "reader"))
        {
          g_assert_true (gtk_widget_activate_action (documents_view, "documents.select", "u", 0));
          ui_test_spin (200);
          target = find_descendant (GTK_WIDGET (tally_documents_view_get_reader (TALLY_DOCUMENTS_VIEW (documents_view))),
                                    GTK_TYPE_TEXT_VIEW);
          g_assert_nonnull (target);
        }
      else
        {
          tally_window_set_visible_view (window, drops[i].view);
          ui_test_spin (200);
          target = tally_window_get_view (window, drops[i].view);
          if (g_str_equal (drops[i].view, "facts"))
            target = find_descendant (target, GTK_TYPE_COLUMN_VIEW);
          g_assert_nonnull (target);
        }

      drag_onto (window, source, target, DRAG_RELEASE, NULL);
      g_assert_cmpuint (n_documents (window), ==, i + 1);
      g_assert_cmpstr (tally_window_get_visible_view (window), ==, "documents");
    }
  window_free (window);
}

/* Released over a dialog the window shows (About): AdwDialog keeps events
 * under it from its ancestors (GtkWidget:limit-events), so the window's own
 * target never sees that drop; the target the dialog gets imports it. The
 * dialog stays open and usable, and a drop on the window after it closes
 * still works (no target of ours is left holding the old drag). */
static void
test_dnd_over_dialog (void)
{
  TallyWindow *window;
  g_autofree char *path = sample_path ("07-eurasia-freight-weekly-corridor.html");
  g_autofree char *second = sample_path ("05-baltic-morning-post-cultural-years.html");
  const char *paths[] = { path, NULL };
  const char *second_paths[] = { second, NULL };
  g_autoptr(DragSource) source = NULL;
  g_autoptr(DragSource) second_source = NULL;
  AdwDialog *dialog;

  NEEDS_XTEST ();
  window = window_new ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ABOUT_DIALOG (dialog));
  ui_test_spin (400);

  source = drag_source_new (1300, 300, paths);
  drag_onto (window, source, GTK_WIDGET (dialog), DRAG_RELEASE, NULL);
  UI_TEST_WAIT_FOR (n_documents (window) == 1);
  g_assert_cmpuint (n_documents (window), ==, 1);
  /* The window's target, which saw the enter only, holds the drag no more. */
  g_assert_null (gtk_drop_target_get_current_drop (window->drop_target));

  g_assert_true (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == dialog);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (dialog)));
  g_assert_true (adw_dialog_close (dialog));
  UI_TEST_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL);
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));

  second_source = drag_source_new (1300, 300, second_paths);
  drag_onto (window, second_source, tally_window_get_view (window, "documents"), DRAG_RELEASE, NULL);
  UI_TEST_WAIT_FOR (n_documents (window) == 2);
  g_assert_cmpuint (n_documents (window), ==, 2);
  window_free (window);
}

/* A folder dropped over the reader's text imports what is inside it. */
static void
test_dnd_folder (void)
{
  TallyWindow *window;
  g_autofree char *dir = g_dir_make_tmp ("tally-dnd-folder-XXXXXX", NULL);
  const char *names[] = { "05-baltic-morning-post-cultural-years.html", "07-eurasia-freight-weekly-corridor.html" };
  const char *paths[] = { dir, NULL };
  g_autoptr(DragSource) source = NULL;

  NEEDS_XTEST ();
  window = window_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = sample_path (names[i]);
      g_autofree char *to = g_build_filename (dir, names[i], NULL);
      g_autofree char *text = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (from, &text, &len, NULL));
      g_assert_true (g_file_set_contents (to, text, len, NULL));
    }
  source = drag_source_new (1300, 300, paths);
  drag_onto (window, source, tally_window_get_view (window, "documents"), DRAG_RELEASE, NULL);
  g_assert_cmpuint (n_documents (window), ==, 2);
  window_free (window);
}

static gboolean
dialog_names_file (GtkWidget  *widget,
                   const char *name)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), name) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (dialog_names_file (child, name))
      return TRUE;
  return FALSE;
}

/* One good and one unreadable file: the good one is added, the errors dialog
 * names the other. */
static void
test_dnd_good_and_unreadable (void)
{
  TallyWindow *window;
  g_autofree char *dir = g_dir_make_tmp ("tally-dnd-bad-XXXXXX", NULL);
  g_autofree char *good = sample_path ("08-amber-coast-observer-summit-habit.txt");
  g_autofree char *bad = g_build_filename (dir, "locked-article.txt", NULL);
  const char *paths[] = { good, bad, NULL };
  g_autoptr(DragSource) source = NULL;
  AdwDialog *dialog;

  NEEDS_XTEST ();
  window = window_new ();

  g_assert_true (g_file_set_contents (bad, "An article no one may read.\n", -1, NULL));
  g_assert_cmpint (g_chmod (bad, 0), ==, 0);
  if (access (bad, R_OK) == 0)
    {
      /* Root reads a file whatever its mode: make it a link to nothing instead. */
      g_assert_cmpint (g_unlink (bad), ==, 0);
      g_assert_cmpint (symlink ("/nonexistent/article.txt", bad), ==, 0);
    }
  source = drag_source_new (1300, 300, paths);
  drag_onto (window, source, tally_window_get_view (window, "documents"), DRAG_RELEASE, NULL);
  g_assert_cmpuint (n_documents (window), ==, 1);

  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (TALLY_IS_IMPORT_ERRORS_DIALOG (dialog));
  g_assert_cmpuint (tally_import_errors_dialog_get_n_errors (TALLY_IMPORT_ERRORS_DIALOG (dialog)), ==, 1);
  g_assert_true (dialog_names_file (GTK_WIDGET (dialog), "locked-article.txt"));

  /* Dropped over the errors dialog, another article is added too. */
  {
    g_autofree char *more = sample_path ("02-harbour-times-wire-copy.txt");
    const char *more_paths[] = { more, NULL };
    g_autoptr(DragSource) more_source = drag_source_new (1300, 300, more_paths);

    drag_onto (window, more_source, GTK_WIDGET (dialog), DRAG_RELEASE, NULL);
    UI_TEST_WAIT_FOR (n_documents (window) == 2);
    g_assert_cmpuint (n_documents (window), ==, 2);
    g_assert_true (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == dialog);
  }
  adw_dialog_force_close (dialog);
  g_unlink (bad);
  g_rmdir (dir);
  window_free (window);
}

/* A drag that ends without a drop (Escape at the source, or the source gone)
 * takes the overlay away and adds nothing. */
static void
test_dnd_cancelled (void)
{
  TallyWindow *window;
  g_autofree char *path = sample_path ("02-harbour-times-wire-copy.txt");
  const char *paths[] = { path, NULL };
  DragEnd ends[] = { DRAG_CANCEL, DRAG_SOURCE_GONE };

  NEEDS_XTEST ();
  window = window_new ();

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      g_autoptr(DragSource) source = drag_source_new (1300, 300, paths);

      drag_onto (window, source, tally_window_get_view (window, "documents"), ends[i], NULL);
      g_assert_cmpuint (n_documents (window), ==, 0);
    }
  window_free (window);
}

/* The README's pictures: the overlay over a populated window, light and dark. */
static void
test_dnd_overlay_shots (void)
{
  const char *dir = g_getenv ("TALLY_DND_SHOTS");
  g_autofree char *samples = NULL;
  g_autoptr(GFile) folder = NULL;
  TallyWindow *window;
  GtkWidget *documents_view;
  const char *schemes[] = { "drop-overlay.png", "drop-overlay-dark.png" };

  NEEDS_XTEST ();
  if (dir == NULL)
    {
      g_test_skip ("TALLY_DND_SHOTS is not set");
      return;
    }
  window = window_new ();
  documents_view = tally_window_get_view (window, "documents");
  samples = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  folder = g_file_new_for_path (samples);
  tally_window_open_files (window, &folder, 1);
  wait_until_idle (window);
  g_assert_true (gtk_widget_activate_action (documents_view, "documents.select", "u", 1));
  ui_test_spin (300);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *shot = g_build_filename (dir, schemes[i], NULL);
      g_autofree char *path = sample_path ("02-harbour-times-wire-copy.txt");
      const char *paths[] = { path, NULL };
      g_autoptr(DragSource) source = drag_source_new (1300, 300, paths);
      GtkWidget *text = find_descendant (documents_view, GTK_TYPE_TEXT_VIEW);

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT : ADW_COLOR_SCHEME_FORCE_DARK);
      ui_test_spin (200);
      drag_onto (window, source, text, DRAG_CANCEL, shot);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  window_free (window);
}

/* GTK's read of a drop whose source cancelled or died fails with a warning
 * that comes when the X server answers, which can be long after the drag
 * ended (under the sanitizers it came after a window that let it pass, and
 * G_DEBUG=fatal-warnings stopped the test). Once a drag has been cancelled or
 * its source killed, that one warning is expected and logged as a test
 * message; every other warning stays fatal. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      domain = fields[i].value;
    else if (g_str_equal (fields[i].key, "MESSAGE"))
      message = fields[i].value;
  if (source_failed && (level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gtk") == 0 &&
      message != NULL && g_str_has_prefix (message, "Failed to receive drop data"))
    {
      g_test_message ("expected after a cancelled drag: %s", message);
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The window announces its drop overlay (gtk_accessible_announce), and GTK's
   * "test" accessibility backend has no announce handler: it calls a NULL
   * function (GTK 4.18). "none" takes the announcement and drops it. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gdk_set_allowed_backends ("x11");
  g_log_set_writer_func (log_writer, NULL, NULL);
  app = ui_test_application_new (&argc, &argv, "test-dnd", NULL);

  g_test_add_func ("/ui/dnd/each-view", test_dnd_each_view);
  g_test_add_func ("/ui/dnd/over-dialog", test_dnd_over_dialog);
  g_test_add_func ("/ui/dnd/folder", test_dnd_folder);
  g_test_add_func ("/ui/dnd/good-and-unreadable", test_dnd_good_and_unreadable);
  g_test_add_func ("/ui/dnd/cancelled", test_dnd_cancelled);
  g_test_add_func ("/ui/dnd/overlay-shots", test_dnd_overlay_shots);

  if (GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    xdisplay = XOpenDisplay (NULL);
  have_xtest = xdisplay != NULL && XTestQueryExtension (xdisplay, &(int) { 0 }, &(int) { 0 }, &(int) { 0 }, &(int) { 0 });

  status = g_test_run ();
  g_clear_pointer (&xdisplay, XCloseDisplay);
  g_clear_pointer (&app, ui_test_application_free);
  return status;
}
