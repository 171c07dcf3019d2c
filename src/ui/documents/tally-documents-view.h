/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tally-project.h"
#include "tally-reader.h"
#include "tally-session.h"
#include "tally-undo-stack.h"

G_BEGIN_DECLS

#define TALLY_TYPE_DOCUMENTS_VIEW (tally_documents_view_get_type ())
G_DECLARE_FINAL_TYPE (TallyDocumentsView, tally_documents_view, TALLY, DOCUMENTS_VIEW, AdwBreakpointBin)

/* Fills `reader` with `document` (an item of the documents model): its
 * record, claims and conflicts. */
typedef void (*TallyDocumentsViewShowFunc) (TallyReader *reader,
                                            TallyDocument *document,
                                            gpointer     user_data);

/* Runs a full-text query; returns a GListModel of TallySearchHit, best
 * first, or NULL with `error` set (a bad query, say). */
typedef GListModel *(*TallyDocumentsViewSearchFunc) (const char  *query,
                                                     GError     **error,
                                                     gpointer     user_data);

typedef enum
{
  TALLY_DOCUMENTS_SORT_DATE,
  TALLY_DOCUMENTS_SORT_OUTLET,
  TALLY_DOCUMENTS_SORT_TITLE,
} TallyDocumentsSort;

/* Shows the project's documents, reads text and claims from it, searches
 * its full-text index. NULL empties the view. */
void        tally_documents_view_set_project     (TallyDocumentsView           *self,
                                                  TallyProject                 *project);
/* Where edits of article details go (Ctrl+Z is the window's). The view
 * keeps its own stack until one is given. */
void        tally_documents_view_set_undo_stack  (TallyDocumentsView           *self,
                                                  TallyUndoStack               *undo_stack);
TallyUndoStack *tally_documents_view_get_undo_stack (TallyDocumentsView        *self);

/* The session whose stories the view filters by and moves documents
 * between (documents.move-story, documents.move-to-story). NULL: no stories. */
void        tally_documents_view_set_session     (TallyDocumentsView           *self,
                                                  TallySession                 *session);
/* Shows one story's documents (NULL: every story). */
void        tally_documents_view_set_story       (TallyDocumentsView           *self,
                                                  TallyStory                   *story);
TallyStory *tally_documents_view_get_story       (TallyDocumentsView           *self);
/* The story dropdown's rows: "All Stories (2)", then "name (documents)". */
GListModel *tally_documents_view_get_story_names (TallyDocumentsView           *self);

/* The graded facts (GListModel of TallyFact, the session's): claims of
 * conflicting facts are marked in the reader. (The list's badges read each
 * TallyDocument's "has-conflicts".) */
void        tally_documents_view_set_facts       (TallyDocumentsView           *self,
                                                  GListModel                   *facts);
/* The position in `facts` (TallyFact items, e.g. the Facts view's rows) of
 * the fact holding the claim `key`, or GTK_INVALID_LIST_POSITION: for the
 * window's "claim-activated" handler. */
guint       tally_documents_view_find_fact       (GListModel                   *facts,
                                                  const TallyClaimKey          *key);

/* A GListModel of TallyDocument; without a project, removals take them out
 * of it when it is a GListStore. */
void        tally_documents_view_set_documents   (TallyDocumentsView           *self,
                                                  GListModel                   *documents);
GListModel *tally_documents_view_get_documents   (TallyDocumentsView           *self);
void        tally_documents_view_set_show_func   (TallyDocumentsView           *self,
                                                  TallyDocumentsViewShowFunc    func,
                                                  gpointer                      user_data,
                                                  GDestroyNotify                destroy);
void        tally_documents_view_set_search_func (TallyDocumentsView           *self,
                                                  TallyDocumentsViewSearchFunc  func,
                                                  gpointer                      user_data,
                                                  GDestroyNotify                destroy);

/* The sidebar's models, after filter, sort and clusters (GtkTreeListRow items). */
GListModel *tally_documents_view_get_rows        (TallyDocumentsView           *self);
void        tally_documents_view_set_sort        (TallyDocumentsView           *self,
                                                  TallyDocumentsSort            sort);
/* NULL shows every outlet. */
void        tally_documents_view_set_outlet      (TallyDocumentsView           *self,
                                                  const char                   *outlet);
GListModel *tally_documents_view_get_outlets     (TallyDocumentsView           *self);
void        tally_documents_view_search          (TallyDocumentsView           *self,
                                                  const char                   *query);
GListModel *tally_documents_view_get_search_results (TallyDocumentsView        *self);

/* Selects `document` in the list, shows it in the reader and selects the
 * claim (or words) at [start, end) of its cleaned text. For the Facts and
 * Timeline views. Returns FALSE if the document is not in the project. */
gboolean    tally_documents_view_show_claim      (TallyDocumentsView           *self,
                                                  TallyDocument                *document,
                                                  gsize                         start,
                                                  gsize                         end);
/* Hides `document` at once with an Undo toast; it leaves the project (or the
 * GListStore) when the toast goes. */
void        tally_documents_view_remove_document (TallyDocumentsView           *self,
                                                  TallyDocument                *document);
gboolean    tally_documents_view_undo_remove     (TallyDocumentsView           *self);
void        tally_documents_view_flush_removals  (TallyDocumentsView           *self);

TallyDocument *tally_documents_view_get_selected    (TallyDocumentsView           *self);
TallyReader *tally_documents_view_get_reader     (TallyDocumentsView           *self);
/* TRUE while the shown document and its claims are read (in a worker):
 * the reader shows them when they arrive. */
gboolean     tally_documents_view_get_busy       (TallyDocumentsView           *self);

G_END_DECLS
