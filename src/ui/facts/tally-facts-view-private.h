/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tally-facts-view.h"

G_BEGIN_DECLS

/* Shared by tally-facts-view.c and tally-facts-view-edits.c, as Text Editor
 * splits its window by concern. */
/* The fact table: claims of all documents lined up by measure and graded.
 * facts → filter (search, status) → sort (the column view's sorter) →
 * single selection → column view; the selected fact's claims fill a side
 * panel. Rows are recycled by GtkColumnView: nothing is built per fact. */
struct _TallyFactsView
{
  AdwBin               parent_instance;

  GListModel          *facts;
  TallyFactsFilter     filter_mode;
  char                *counts;

  TallySession        *session;         /* owns the corrections and the grouping */
  GSignalGroup        *session_signals;
  char                *select_next;     /* fact to select after the next grouping */

  TallyFactsViewDescribeFunc describe_func;
  gpointer             describe_data;
  GDestroyNotify       describe_destroy;
  TallyFactsViewOpenFunc open_func;
  gpointer             open_data;
  GDestroyNotify       open_destroy;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwOverlaySplitView *split_view;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_dropdown;
  GtkLabel            *counts_label;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GtkStringFilter     *search_filter;
  GtkCustomFilter     *status_filter;
  AdwWindowTitle      *panel_title;
  GtkLabel            *panel_explanation;
  GtkWidget           *panel_series_box;
  GtkLabel            *panel_series;
  GtkListView         *claims_view;
  GtkNoSelection      *claims_selection;
  GtkMenuButton       *merge_button;
  GtkListView         *merge_list;
  GtkFilterListModel  *merge_candidates;
  GtkCustomFilter     *merge_filter;
};


/* tally-facts-view-edits.c: corrections (rename, merge, split, edit, not a
 * claim), stored in the session's project, on its undo stack. */
void       _tally_facts_view_edits_class_init   (TallyFactsViewClass *klass);
void       _tally_facts_view_edits_init         (TallyFactsView      *self);
/* Enables the correction actions for the selection and the session. */
void       _tally_facts_view_actions_update     (TallyFactsView      *self);
/* The claims panel's row: a "split out" button beside the sentence. */
GtkWidget *_tally_facts_view_split_button_new   (TallyFactsView      *self,
                                                 GtkListItem         *item);
GtkWidget *_tally_facts_view_claim_menu_new     (TallyFactsView      *self);
void       _tally_facts_view_claim_menu_bind    (TallyFactsView      *self,
                                                 GtkWidget           *button,
                                                 guint                position);

G_END_DECLS
