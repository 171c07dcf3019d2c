/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tally-application.h"
#include "tally-project.h"

G_BEGIN_DECLS

#define TALLY_TYPE_WINDOW (tally_window_get_type ())
G_DECLARE_FINAL_TYPE (TallyWindow, tally_window, TALLY, WINDOW, AdwApplicationWindow)

TallyWindow *tally_window_new              (TallyApplication *application);
void         tally_window_open_files       (TallyWindow      *self,
                                            GFile           **files,
                                            int               n_files);
void         tally_window_set_visible_view (TallyWindow      *self,
                                            const char       *name);
const char  *tally_window_get_visible_view (TallyWindow      *self);
gboolean     tally_window_get_busy         (TallyWindow      *self);
GListModel  *tally_window_get_documents    (TallyWindow      *self);
TallyProject *tally_window_get_project     (TallyWindow      *self);
void         tally_window_recover_unsaved  (TallyWindow      *self);
GtkWidget   *tally_window_get_view         (TallyWindow      *self,
                                            const char       *name);

G_END_DECLS
