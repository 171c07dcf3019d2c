/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tally-project.h"
#include "tally-session.h"
#include "tally-window.h"
#include "tally-documents-view.h"
#include "tally-facts-view.h"
#include "tally-timeline-view.h"

G_BEGIN_DECLS

/* Shared by tally-window.c, -actions.c, -dnd.c, -export.c and -project.c, as
 * Text Editor splits its window by concern. Every win.* action is installed in
 * tally-window-actions.c and enabled in _tally_window_actions_update(). */
struct _TallyWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  TallyProject         *project;
  GSignalGroup         *project_signals;
  TallySession         *session;        /* the project's live state */
  GBindingGroup        *session_bindings;
  GCancellable         *import_cancellable;
  guint                 n_imports;      /* imports queued or running */
  guint                 n_exports;      /* export files being written */
  guint                 drop_watch;     /* X11: checks the drag is still held */
  GtkDropTarget        *drop_target;    /* the window's; each dialog gets one too */

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  TallyDocumentsView   *documents_view;
  TallyFactsView       *facts_view;
  TallyTimelineView    *timeline_view;
  GtkRevealer          *drop_revealer;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  GMenu                *recent_menu;

  /* The undo stack's can-undo/can-redo drive win.undo/win.redo. */
  GSignalGroup         *undo_signals;

  guint                 busy : 1;
};

void _tally_window_class_actions_init (TallyWindowClass *klass);
void _tally_window_actions_init       (TallyWindow      *self);
void _tally_window_actions_update     (TallyWindow      *self);
void _tally_window_dnd_init           (TallyWindow      *self);
void _tally_window_dnd_dispose        (TallyWindow      *self);
GtkFileFilter *_tally_window_file_filter_new (const char        *name,
                                              const char *const *mime_types,
                                              const char *const *patterns);

void _tally_window_export_facts_to    (TallyWindow      *self,
                                       GFile            *file);
void _tally_window_project_init       (TallyWindow      *self);
void _tally_window_project_dispose    (TallyWindow      *self);
void _tally_window_project_close      (TallyWindow      *self);
void _tally_window_set_project        (TallyWindow      *self,
                                       TallyProject     *project);
void _tally_window_import             (TallyWindow      *self,
                                       GFile           **files,
                                       guint             n_files);
void _tally_window_open_project_file  (TallyWindow      *self,
                                       GFile            *file);
void _tally_window_set_busy           (TallyWindow      *self,
                                       gboolean          busy);
void _tally_window_cancel_import      (TallyWindow      *self);
/* Saves the project as `file` (".tally" added when missing). */
void _tally_window_save_as            (TallyWindow      *self,
                                       GFile            *file);
/* The undo stack the window's undo/redo actions walk: the session's. */
TallyUndoStack *_tally_window_get_undo_stack (TallyWindow *self);

G_END_DECLS
