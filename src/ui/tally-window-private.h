/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tally-window.h"
#include "tally-documents-view.h"
#include "tally-facts-view.h"
#include "tally-timeline-view.h"

G_BEGIN_DECLS

/* Shared by tally-window.c, tally-window-actions.c and tally-window-dnd.c, as
 * Text Editor splits its window by concern. */
struct _TallyWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GListStore           *opened_files;   /* GtkStringObject per opened file name */

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

  guint                 busy : 1;
};

void _tally_window_class_actions_init (TallyWindowClass *klass);
void _tally_window_actions_update     (TallyWindow      *self);
void _tally_window_dnd_init           (TallyWindow      *self);

G_END_DECLS
