/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tally-facts-view.h"
#include "tally-corrections.h"
#include "tally-undo-stack.h"

G_BEGIN_DECLS

/* Shared by tally-facts-view.c and tally-facts-view-corrections.c, as Text
 * Editor splits its window by concern. */
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

  TallyProject        *project;
  GPtrArray           *claims;          /* TallyClaim*: the project's, as last read */
  GHashTable          *outlets;         /* gint64* → char*, as last read */
  char                *select_key;      /* fact to select once regrouped */

  /* Corrections (tally-facts-view-corrections.c) */
  GHashTable          *claim_groups;    /* claim identity → group (a fact key) */
  GHashTable          *labels;          /* fact key → label */
  TallyUndoStack      *undo_stack;
  TallyCorrections    *corrections;     /* the project's (tally-facts-view-edits.c) */
  char                *select_next;     /* fact to select after the next change */
  gulong               documents_changed_id;
  guint                refresh_source;
  GCancellable        *refresh_cancellable;
  gboolean             busy;

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
  GtkListView         *claims_view;
  GtkNoSelection      *claims_selection;
  GtkMenuButton       *merge_button;
  GtkListView         *merge_list;
  GtkFilterListModel  *merge_candidates;
  GtkCustomFilter     *merge_filter;
};


/* Groups the project's claims again (with the corrections) in a worker
 * thread; selects the fact with `select_key` (may be NULL) when done. */
void  _tally_facts_view_regroup                 (TallyFactsView      *self,
                                                 const char          *select_key);
char *_tally_facts_view_claim_identity          (TallyClaim          *claim);

void  _tally_facts_view_corrections_class_init  (TallyFactsViewClass *klass);
void  _tally_facts_view_corrections_init        (TallyFactsView      *self);
void  _tally_facts_view_corrections_dispose     (TallyFactsView      *self);
void  _tally_facts_view_corrections_update      (TallyFactsView      *self);
/* The claims panel's row: a "split out" button beside the sentence. */
GtkWidget *_tally_facts_view_split_button_new   (TallyFactsView      *self,
                                                 GtkListItem         *item);

/* tally-facts-view-edits.c: corrections stored in the project. */
void       _tally_facts_view_edits_class_init   (TallyFactsViewClass *klass);
void       _tally_facts_view_edits_set_project  (TallyFactsView      *self,
                                                 TallyProject        *project);
/* A toast with Undo after a correction, or the error. */
void       _tally_facts_view_corrected          (TallyFactsView      *self,
                                                 gboolean             ok,
                                                 GError              *error,
                                                 const char          *title);
GtkWidget *_tally_facts_view_claim_menu_new     (TallyFactsView      *self);
void       _tally_facts_view_claim_menu_bind    (TallyFactsView      *self,
                                                 GtkWidget           *button,
                                                 guint                position);

G_END_DECLS
