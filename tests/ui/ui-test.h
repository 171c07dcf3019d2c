/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tally-application.h"

G_BEGIN_DECLS

/* What the window-level UI tests share: the application they run in, a
 * bounded wait on the main loop, and a picture of a window. */

/* gtk_test_init(), adw_init() and a registered, held TallyApplication (not
 * unique, so tests run beside each other). Unsaved projects go to a new
 * temporary XDG_DATA_HOME, "tally-NAME-XXXXXX", returned in `data_home`
 * (may be NULL; free it). Set what must be set before GTK starts (GDK_DEBUG,
 * GTK_A11Y, a log writer) before calling it. */
TallyApplication *ui_test_application_new  (int          *argc,
                                            char       ***argv,
                                            const char   *name,
                                            char        **data_home);
/* Releases and drops the application. */
void              ui_test_application_free (TallyApplication *app);

/* Runs the main loop for `ms` milliseconds, one dispatch at a time: an idle
 * that keeps coming back must not hold it. */
void              ui_test_spin             (guint         ms);

/* Waits (up to 10 s, for a loaded machine) for a condition the test then
 * asserts. */
#define UI_TEST_WAIT_FOR(cond) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < deadline_) \
      ui_test_spin (20); \
  } G_STMT_END

/* Renders a shown toplevel with GTK's own renderer to a PNG at `path`;
 * FALSE with a message when it drew nothing or the file cannot be written. */
gboolean          ui_test_render_to_png    (GtkWidget    *widget,
                                            const char   *path,
                                            GError      **error);

G_END_DECLS
