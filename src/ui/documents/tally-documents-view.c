/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-document-row.h"
#include "tally-documents-view.h"
#include "tally-fact.h"
#include "tally-reader-details-dialog.h"
#include "tally-search-hit.h"
#include "tally-session.h"
#include "tally-style.h"
#include "tally-toast.h"

/* The document browser: a sidebar of articles (sort → filter → clusters →
 * selection → list view) beside the reader, collapsing to one pane on
 * narrow windows. */
struct _TallyDocumentsView
{
  AdwBreakpointBin     parent_instance;

  GListModel          *documents;
  GtkFilterListModel  *visible_model;       /* documents less those being removed */
  GtkCustomFilter     *hidden_filter;
  GPtrArray           *pending_removals;    /* removed, still undoable */
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkTreeListModel    *tree_model;
  GtkCustomFilter     *filter;
  char                *outlet;
  TallyDocumentsSort   sort;
  GListModel          *search_results;
  char                *query;               /* the last one run */
  TallyProject        *project;
  TallyUndoStack      *undo_stack;
  TallyDocument       *shown;               /* the document in the reader */
  guint                reshow_idle;
  GCancellable        *show_cancellable;    /* the shown document being read */
  gboolean             busy;
  /* Asked for while the shown document is read: done when it arrives. */
  gboolean             pending_range;
  gsize                pending_start;
  gsize                pending_end;
  GStrv                pending_terms;
  GListModel          *facts;
  GHashTable          *conflict_claims;     /* TallyClaimKey* set */
  GHashTable          *outlet_names;        /* every outlet of the documents */
  TallySession        *session;
  TallyStory          *story;               /* the story shown, NULL: all */
  GPtrArray           *story_items;         /* TallyStory* behind story_dropdown's rows 1… */

  /* What the view follows, as its targets change. */
  GSignalGroup        *documents_signals;
  GSignalGroup        *project_signals;
  GSignalGroup        *facts_signals;
  GSignalGroup        *shown_signals;
  GSignalGroup        *session_signals;

  TallyDocumentsViewShowFunc   show_func;
  gpointer                     show_data;
  GDestroyNotify               show_destroy;
  TallyDocumentsViewSearchFunc search_func;
  gpointer                     search_data;
  GDestroyNotify               search_destroy;

  /* Template children */
  GtkStack            *stack;
  GtkStack            *sidebar_stack;
  AdwNavigationSplitView *split_view;
  GtkListView         *list_view;
  GtkListView         *results_view;
  GtkSingleSelection  *selection;
  GtkSingleSelection  *results_selection;
  GtkStringList       *outlets;
  GtkDropDown         *sort_dropdown;
  GtkDropDown         *outlet_dropdown;
  GtkStringList       *story_names;
  GtkDropDown         *story_dropdown;
  GtkSearchEntry      *search_entry;
  GtkWidget           *browse_controls;
  AdwStatusPage       *no_results_page;
  TallyReader         *reader;

  guint                updating_outlets : 1;
  guint                updating_stories : 1;
  guint                setting_entry : 1;
};

G_DEFINE_FINAL_TYPE (TallyDocumentsView, tally_documents_view, ADW_TYPE_BREAKPOINT_BIN)

enum {
  PROP_0,
  PROP_DOCUMENTS,
  PROP_FACTS,
  PROP_BUSY,
  N_PROPS
};

enum {
  CLAIM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The outlet, NULL when unknown. */
static const char *
document_outlet (TallyDocument *document)
{
  const char *outlet = tally_document_get_outlet (document);

  return outlet != NULL && outlet[0] != '\0' ? outlet : NULL;
}

/* Copies fold under their cluster's first copy unless one outlet is picked. */
static gboolean
has_clusters (TallyDocumentsView *self)
{
  return self->documents != NULL && self->outlet == NULL;
}

/* A document leads its cluster when the cluster is named after it. */
static gboolean
is_cluster_leader (TallyDocument *document)
{
  return tally_document_id_equal (tally_document_get_cluster_id (document), tally_document_get_id (document));
}

static gboolean
root_filter_func (gpointer item,
                  gpointer user_data)
{
  TallyDocumentsView *self = user_data;

  if (self->story != NULL && !tally_story_contains (self->story, tally_document_get_id (item)))
    return FALSE;
  if (self->outlet != NULL)
    {
      return g_strcmp0 (document_outlet (item), self->outlet) == 0;
    }
  /* With every outlet shown, copies sit under their cluster's first copy. */
  return is_cluster_leader (item);
}

typedef struct
{
  TallyDocumentId cluster;
  TallyDocumentId leader_id;
} ClusterFilter;

static gboolean
cluster_member_func (gpointer item,
                     gpointer user_data)
{
  ClusterFilter *cf = user_data;

  return tally_document_id_equal (tally_document_get_cluster_id (item), cf->cluster)
         && !tally_document_id_equal (tally_document_get_id (item), cf->leader_id);
}

static GListModel *
create_cluster_model (gpointer item,
                      gpointer user_data)
{
  TallyDocumentsView *self = user_data;
  GtkCustomFilter *filter;
  ClusterFilter *cf;

  if (self->documents == NULL || !has_clusters (self) ||
      tally_document_get_duplicates (item) == 0)
    return NULL;

  cf = g_new0 (ClusterFilter, 1);
  cf->cluster = tally_document_get_cluster_id (item);
  cf->leader_id = tally_document_get_id (item);
  filter = gtk_custom_filter_new (cluster_member_func, cf, g_free);
  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->visible_model)), GTK_FILTER (filter)));
}

static gboolean
is_missing (TallyDocument *item,
            const char *value,
            gpointer    user_data)
{
  return value == NULL || *value == '\0';
}

/* Documents lacking the property (undated, outlet unknown) go last, then
 * the rest in collation order. */
static void
append_string_key (TallyDocumentsView *self,
                   GtkMultiSorter     *sorter,
                   const char         *property,
                   gboolean            missing_last)
{
  GtkExpression *expression = gtk_property_expression_new (TALLY_TYPE_DOCUMENT, NULL, property);
  GtkExpression *missing;

  if (!missing_last)
    {
      gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_string_sorter_new (expression)));
      return;
    }
  missing = gtk_cclosure_expression_new (G_TYPE_BOOLEAN, NULL,
                                         1, (GtkExpression *[]) { gtk_expression_ref (expression) },
                                         G_CALLBACK (is_missing), NULL, NULL);
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_numeric_sorter_new (missing)));
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_string_sorter_new (expression)));
}

/* Date, outlet or title first, then the other two to break ties. */
static void
tally_documents_view_update_sorter (TallyDocumentsView *self)
{
  static const char *const keys[][3] = {
    /* TallyDocument's properties; "published" is ISO 8601 text. */
    [TALLY_DOCUMENTS_SORT_DATE] = { "published", "outlet", "title" },
    [TALLY_DOCUMENTS_SORT_OUTLET] = { "outlet", "published", "title" },
    [TALLY_DOCUMENTS_SORT_TITLE] = { "title", "published", "outlet" },
  };
  GtkMultiSorter *sorter;

  sorter = gtk_multi_sorter_new ();
  for (guint i = 0; i < G_N_ELEMENTS (keys[self->sort]); i++)
    /* Ties are rare: only the first key pays for putting blanks last. */
    append_string_key (self, sorter, keys[self->sort][i], i == 0);
  gtk_sort_list_model_set_sorter (self->sort_model, GTK_SORTER (sorter));
  g_object_unref (sorter);
}

static void
tally_documents_view_update_outlets (TallyDocumentsView *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n = self->documents ? g_list_model_get_n_items (self->documents) : 0;
  guint selected = 0;
  GHashTableIter iter;
  gpointer name;

  g_hash_table_remove_all (self->outlet_names);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TallyDocument) document = g_list_model_get_item (self->documents, i);

      if (document_outlet (document) != NULL)
        g_hash_table_add (self->outlet_names, g_strdup (document_outlet (document)));
    }
  g_hash_table_iter_init (&iter, self->outlet_names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort_values (names, (GCompareFunc) g_utf8_collate);
  g_ptr_array_insert (names, 0, g_strdup (_("All Outlets")));
  g_ptr_array_add (names, NULL);

  for (guint i = 1; self->outlet != NULL && names->pdata[i] != NULL; i++)
    if (g_str_equal (names->pdata[i], self->outlet))
      selected = i;

  /* Rebuilding the list resets the dropdown; keep the user's outlet. */
  self->updating_outlets = TRUE;
  gtk_string_list_splice (self->outlets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->outlets)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->outlet_dropdown, selected);
  self->updating_outlets = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->outlet_dropdown), names->len > 3);
}

/* ---- stories ------------------------------------------------------------ */

static void set_busy (TallyDocumentsView *self,
                      gboolean            busy);
static void tally_documents_view_show_document (TallyDocumentsView *self,
                                                TallyDocument      *document);

static gboolean
not_story_func (gpointer item,
                gpointer user_data)
{
  return item != user_data;
}

/* The story list of the dropdown: "All Stories" then each story with its
 * document count, largest first. A picked story stays picked across a
 * new grouping when one of the new stories holds its anchor document. */
static void
tally_documents_view_update_stories (TallyDocumentsView *self)
{
  GListModel *stories = self->session != NULL ? tally_session_get_stories (self->session) : NULL;
  guint n = stories != NULL ? g_list_model_get_n_items (stories) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TallyStory) kept = NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->story_items, 0);
  g_ptr_array_add (names, g_strdup_printf (_("All Stories (%u)"), n));
  for (guint i = 0; i < n; i++)
    {
      TallyStory *story = g_list_model_get_item (stories, i);

      g_ptr_array_add (names, g_strdup (tally_story_get_label (story)));
      g_ptr_array_add (self->story_items, story);
      if (self->story != NULL && kept == NULL && tally_story_contains (story, tally_story_get_anchor (self->story)))
        {
          kept = g_object_ref (story);
          selected = i + 1;
        }
    }
  g_ptr_array_add (names, NULL);

  self->updating_stories = TRUE;
  gtk_string_list_splice (self->story_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->story_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->story_dropdown, selected);
  self->updating_stories = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->story_dropdown), n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->story_dropdown), n > 1);
  /* The members changed even when the story kept its place. */
  g_set_object (&self->story, kept);
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_session_stories (TallyDocumentsView *self)
{
  tally_documents_view_update_stories (self);
}

static void
on_story_changed (TallyDocumentsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->story_dropdown);

  if (self->updating_stories)
    return;
  tally_documents_view_set_story (self, selected > 0 && selected <= self->story_items->len
                                        ? g_ptr_array_index (self->story_items, selected - 1) : NULL);
}

void
tally_documents_view_set_story (TallyDocumentsView *self,
                                TallyStory         *story)
{
  g_return_if_fail (TALLY_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (story == NULL || TALLY_IS_STORY (story));

  if (!g_set_object (&self->story, story))
    return;
  self->updating_stories = TRUE;
  gtk_drop_down_set_selected (self->story_dropdown, 0);
  for (guint i = 0; story != NULL && i < self->story_items->len; i++)
    if (g_ptr_array_index (self->story_items, i) == story)
      gtk_drop_down_set_selected (self->story_dropdown, i + 1);
  self->updating_stories = FALSE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

TallyStory *
tally_documents_view_get_story (TallyDocumentsView *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENTS_VIEW (self), NULL);
  return self->story;
}

GListModel *
tally_documents_view_get_story_names (TallyDocumentsView *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->story_names);
}

void
tally_documents_view_set_session (TallyDocumentsView *self,
                                  TallySession       *session)
{
  g_return_if_fail (TALLY_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (session == NULL || TALLY_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  g_signal_group_set_target (self->session_signals, session);
  g_clear_object (&self->story);
  tally_documents_view_update_stories (self);
  tally_documents_view_show_document (self, self->shown);
}

static void
on_undo_move_clicked (TallyDocumentsView *self)
{
  g_autoptr(GError) error = NULL;

  if (!tally_undo_stack_undo (self->undo_stack, &error))
    g_message ("%s", error->message);
}

/* Moves the shown document; a toast names where it went, with Undo. */
static void
move_shown (TallyDocumentsView *self,
            TallyStory         *story)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (self->session == NULL || self->shown == NULL)
    return;
  if (!tally_session_move_to_story (self->session, self->shown, story, &error))
    message = g_strdup_printf (_("Cannot move the article: %s"), error->message);
  else
    message = story != NULL ? g_strdup_printf (_("Moved to “%s”"), tally_story_get_name (story))
                            : g_strdup (_("Moved to a story of its own"));
  if (overlay == NULL)
    return;
  toast = tally_toast_new_text (message);
  if (error == NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_move_clicked), self, G_CONNECT_SWAPPED);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
tally_documents_view_move_to_story_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  TallyDocumentsView *self = TALLY_DOCUMENTS_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GListModel *stories = self->session != NULL ? tally_session_get_stories (self->session) : NULL;

  /* "" is a story of its own. */
  if (id[0] == '\0')
    {
      move_shown (self, NULL);
      return;
    }
  for (guint i = 0; stories != NULL && i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(TallyStory) story = g_list_model_get_item (stories, i);

      if (g_str_equal (tally_story_get_id (story), id))
        {
          move_shown (self, story);
          return;
        }
    }
}

/* Shows one story by id ("" or an unknown id: every story), as the
 * dropdown does: for scripts and screenshots. */
static void
tally_documents_view_show_story_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  TallyDocumentsView *self = TALLY_DOCUMENTS_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  TallyStory *found = NULL;

  for (guint i = 0; i < self->story_items->len && found == NULL; i++)
    if (g_str_equal (tally_story_get_id (g_ptr_array_index (self->story_items, i)), id))
      found = g_ptr_array_index (self->story_items, i);
  tally_documents_view_set_story (self, found);
}

static void
on_move_response (AdwAlertDialog     *dialog,
                  const char         *response,
                  TallyDocumentsView *self)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (adw_alert_dialog_get_extra_child (dialog));
  TallyStory *story = gtk_drop_down_get_selected_item (dropdown);

  if (g_str_equal (response, "move") && story != NULL)
    move_shown (self, story);
  else if (g_str_equal (response, "new"))
    move_shown (self, NULL);
}

/* Asks which story the shown document belongs to: a searchable dropdown of
 * the other stories, or a story of its own. */
static void
tally_documents_view_move_story_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  TallyDocumentsView *self = TALLY_DOCUMENTS_VIEW (widget);
  GListModel *stories = self->session != NULL ? tally_session_get_stories (self->session) : NULL;
  TallyStory *current = self->shown != NULL ? tally_document_get_story (self->shown) : NULL;
  g_autoptr(GtkFilterListModel) others = NULL;
  GtkCustomFilter *filter;
  GtkExpression *expression;
  GtkWidget *dropdown;
  AdwDialog *dialog;
  g_autofree char *body = NULL;

  if (stories == NULL || self->shown == NULL)
    return;
  others = gtk_filter_list_model_new (g_object_ref (stories), NULL);
  if (current != NULL)
    {
      filter = gtk_custom_filter_new (not_story_func, g_object_ref (current), g_object_unref);
      gtk_filter_list_model_set_filter (others, GTK_FILTER (filter));
      g_object_unref (filter);
    }
  expression = gtk_property_expression_new (TALLY_TYPE_STORY, NULL, "label");
  dropdown = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (others)), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_drop_down_set_search_match_mode (GTK_DROP_DOWN (dropdown), GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Story"), -1);

  body = current != NULL
    ? g_strdup_printf (_("“%s” is in the story “%s”. Move it to another story, or to a story of its own. Its figures are grouped again."),
                       tally_document_get_title (self->shown), tally_story_get_name (current))
    : g_strdup_printf (_("Move “%s” to another story, or to a story of its own. Its figures are grouped again."),
                       tally_document_get_title (self->shown));
  dialog = adw_alert_dialog_new (_("Move to Story"), body);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), dropdown);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "new", _("_Own Story"),
                                  "move", _("_Move"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (dialog), "move",
                                         g_list_model_get_n_items (G_LIST_MODEL (others)) > 0);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "move");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_move_response), self, 0);
  adw_dialog_present (dialog, widget);
}

static void
tally_documents_view_update_page (TallyDocumentsView *self)
{
  gboolean empty = self->documents == NULL || g_list_model_get_n_items (self->documents) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

/* Imports add documents in batches: only a batch bringing a new outlet
 * rebuilds the outlet list; removals always do. */
static void
on_documents_items_changed (TallyDocumentsView *self,
                            guint               position,
                            guint               removed,
                            guint               added)
{
  gboolean new_outlet = removed > 0;

  tally_documents_view_update_page (self);
  for (guint i = position; !new_outlet && i < position + added; i++)
    {
      g_autoptr(TallyDocument) document = g_list_model_get_item (self->documents, i);
      const char *outlet = document_outlet (document);

      new_outlet = outlet != NULL && !g_hash_table_contains (self->outlet_names, outlet);
    }
  if (new_outlet)
    tally_documents_view_update_outlets (self);
}

static TallyDocument *
row_document (gpointer row)
{
  if (GTK_IS_TREE_LIST_ROW (row))
    return gtk_tree_list_row_get_item (row);
  return row ? g_object_ref (row) : NULL;
}

static gboolean
reshow_idle_cb (gpointer user_data)
{
  TallyDocumentsView *self = user_data;

  self->reshow_idle = 0;
  if (self->shown != NULL && self->show_func != NULL)
    self->show_func (self->reader, self->shown, self->show_data);
  /* An outlet may have been corrected. */
  tally_documents_view_update_outlets (self);
  return G_SOURCE_REMOVE;
}

/* The shown document's details or claims changed (an edit, its undo): read
 * it again, once for however many properties changed together. */
static void
queue_reshow (TallyDocumentsView *self)
{
  if (self->reshow_idle == 0)
    self->reshow_idle = g_idle_add (reshow_idle_cb, self);
}

static void
on_project_claims_changed (TallyDocumentsView *self,
                           TallyDocument      *document)
{
  if (document == self->shown)
    queue_reshow (self);
}

static void
tally_documents_view_show_document (TallyDocumentsView *self,
                                    TallyDocument      *document)
{
  if (g_set_object (&self->shown, document))
    g_signal_group_set_target (self->shown_signals, document);
  g_clear_handle_id (&self->reshow_idle, g_source_remove);
  if (document == NULL)
    {
      g_cancellable_cancel (self->show_cancellable);
      g_clear_object (&self->show_cancellable);
      set_busy (self, FALSE);
      tally_reader_set_document (self->reader, NULL, NULL);
    }
  else if (self->show_func != NULL)
    self->show_func (self->reader, document, self->show_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.edit-details",
                                 document != NULL && self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.remove", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.move-story",
                                 document != NULL && self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.move-to-story",
                                 document != NULL && self->session != NULL);
}

static void
on_selected_item_changed (TallyDocumentsView *self)
{
  g_autoptr(TallyDocument) document = row_document (gtk_single_selection_get_selected_item (self->selection));

  tally_documents_view_show_document (self, document);
}

static void
on_list_activate (TallyDocumentsView *self,
                  guint               position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  /* Collapsed, the list is gone: reading starts in the text. */
  if (adw_navigation_split_view_get_collapsed (self->split_view))
    gtk_widget_grab_focus (GTK_WIDGET (self->reader));
}

static gboolean
select_document (TallyDocumentsView *self,
                 TallyDocument      *document)
{
  GListModel *rows = G_LIST_MODEL (self->tree_model);

  for (guint pass = 0; pass < 2; pass++)
    {
      guint n = g_list_model_get_n_items (rows);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
          g_autoptr(TallyDocument) item = gtk_tree_list_row_get_item (row);

          if (item == document)
            {
              gtk_single_selection_set_selected (self->selection, i);
              gtk_list_view_scroll_to (self->list_view, i, GTK_LIST_SCROLL_NONE, NULL);
              return TRUE;
            }
          /* Second pass: open the clusters so copies become rows. */
          if (pass == 1 && gtk_tree_list_row_is_expandable (row) && !gtk_tree_list_row_get_expanded (row))
            {
              gtk_tree_list_row_set_expanded (row, TRUE);
              n = g_list_model_get_n_items (rows);
            }
        }
    }
  return FALSE;
}

static void
on_result_activate (TallyDocumentsView *self,
                    guint               position)
{
  g_autoptr(TallySearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->results_selection), position);

  if (hit == NULL)
    return;
  gtk_single_selection_set_selected (self->results_selection, position);
  /* The hit's document may be hidden by the outlet filter; show it anyway. */
  if (!select_document (self, tally_search_hit_get_document (hit)))
    tally_documents_view_show_document (self, tally_search_hit_get_document (hit));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);

  /* The words searched for, marked in the text as in the snippet (once it is read). */
  {
    g_auto(GStrv) terms = tally_store_query_words (self->query);

    if (self->busy)
      {
        g_strfreev (self->pending_terms);
        self->pending_terms = g_steal_pointer (&terms);
      }
    else
      tally_reader_highlight_terms (self->reader, (const char * const *) terms);
  }
}

static void
on_claim_activated (TallyDocumentsView *self,
                    guint               index)
{
  const TallyClaimRecord *claim = tally_reader_get_claim (self->reader, index);
  g_autoptr(TallyDocument) document = row_document (gtk_single_selection_get_selected_item (self->selection));

  if (claim != NULL && document != NULL)
    g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, document, (guint64) claim->start, (guint64) claim->end);
}

void
tally_documents_view_search (TallyDocumentsView *self,
                             const char         *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (query ? query : ""));

  g_return_if_fail (TALLY_IS_DOCUMENTS_VIEW (self));

  /* The entry reports its text again after a delay: run each query once. */
  if (g_strcmp0 (self->query, stripped) == 0 && (self->search_results != NULL || *stripped == '\0'))
    return;
  g_free (self->query);
  self->query = g_strdup (stripped);
  /* Setting the text passes through "" and would search for that. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), query ? query : "") != 0)
    {
      self->setting_entry = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
      self->setting_entry = FALSE;
    }

  if (*stripped == '\0' || self->search_func == NULL)
    {
      g_clear_object (&self->search_results);
      gtk_single_selection_set_model (self->results_selection, NULL);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "browse");
      gtk_widget_set_visible (self->browse_controls, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->story_dropdown), self->story_items->len > 0);
      return;
    }

  results = self->search_func (stripped, &error, self->search_data);
  gtk_widget_set_visible (self->browse_controls, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->story_dropdown), FALSE);
  if (results == NULL || g_list_model_get_n_items (results) == 0)
    {
      g_autofree char *description = NULL;

      if (error != NULL)
        description = g_strdup (error->message);
      else
        description = g_strdup_printf (_("No article contains “%s”."), stripped);
      adw_status_page_set_description (self->no_results_page, description);
      g_clear_object (&self->search_results);
      gtk_single_selection_set_model (self->results_selection, NULL);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
      return;
    }

  g_set_object (&self->search_results, results);
  gtk_single_selection_set_model (self->results_selection, results);
  gtk_single_selection_set_selected (self->results_selection, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
}

GListModel *
tally_documents_view_get_search_results (TallyDocumentsView *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENTS_VIEW (self), NULL);
  return self->search_results;
}

static void
on_search_changed (TallyDocumentsView *self)
{
  if (self->setting_entry)
    return;
  tally_documents_view_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (TallyDocumentsView *self)
{
  tally_documents_view_search (self, NULL);
}

static void
on_sort_changed (TallyDocumentsView *self)
{
  tally_documents_view_set_sort (self, gtk_drop_down_get_selected (self->sort_dropdown));
}

static void
on_outlet_changed (TallyDocumentsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->outlet_dropdown);

  if (self->updating_outlets)
    return;
  tally_documents_view_set_outlet (self, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                         ? NULL
                                         : gtk_string_list_get_string (self->outlets, selected));
}

void
tally_documents_view_set_sort (TallyDocumentsView *self,
                               TallyDocumentsSort  sort)
{
  g_return_if_fail (TALLY_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (sort <= TALLY_DOCUMENTS_SORT_TITLE);

  if (gtk_drop_down_get_selected (self->sort_dropdown) != sort)
    gtk_drop_down_set_selected (self->sort_dropdown, sort);
  if (self->sort == sort && gtk_sort_list_model_get_sorter (self->sort_model) != NULL)
    return;
  self->sort = sort;
  tally_documents_view_update_sorter (self);
}

void
tally_documents_view_set_outlet (TallyDocumentsView *self,
                                 const char         *outlet)
{
  g_return_if_fail (TALLY_IS_DOCUMENTS_VIEW (self));

  if (g_strcmp0 (self->outlet, outlet) == 0)
    return;
  g_free (self->outlet);
  self->outlet = g_strdup (outlet);

  self->updating_outlets = TRUE;
  if (outlet == NULL)
    gtk_drop_down_set_selected (self->outlet_dropdown, 0);
  else
    for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (self->outlets)); i++)
      if (g_str_equal (gtk_string_list_get_string (self->outlets, i), outlet))
        gtk_drop_down_set_selected (self->outlet_dropdown, i);
  self->updating_outlets = FALSE;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  /* The tree's children depend on the filter too: rebuild the rows. */
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->tree_model);
  self->tree_model = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)), FALSE, FALSE,
                                              create_cluster_model, self, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree_model));
}

GListModel *
tally_documents_view_get_outlets (TallyDocumentsView *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->outlets);
}

GListModel *
tally_documents_view_get_rows (TallyDocumentsView *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->tree_model);
}

void
tally_documents_view_set_documents (TallyDocumentsView *self,
                                    GListModel         *documents)
{
  g_return_if_fail (TALLY_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (documents == NULL || G_IS_LIST_MODEL (documents));
  g_return_if_fail (documents == NULL || g_type_is_a (g_list_model_get_item_type (documents), TALLY_TYPE_DOCUMENT));

  if (self->documents == documents)
    return;

  g_set_object (&self->documents, documents);
  gtk_filter_list_model_set_model (self->visible_model, documents);
  g_signal_group_set_target (self->documents_signals, documents);
  tally_documents_view_update_sorter (self);
  tally_documents_view_update_outlets (self);
  tally_documents_view_update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENTS]);
}

GListModel *
tally_documents_view_get_documents (TallyDocumentsView *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENTS_VIEW (self), NULL);
  return self->documents;
}

void
tally_documents_view_set_show_func (TallyDocumentsView         *self,
                                    TallyDocumentsViewShowFunc  func,
                                    gpointer                    user_data,
                                    GDestroyNotify              destroy)
{
  g_return_if_fail (TALLY_IS_DOCUMENTS_VIEW (self));

  if (self->show_destroy != NULL)
    self->show_destroy (self->show_data);
  self->show_func = func;
  self->show_data = user_data;
  self->show_destroy = destroy;
  on_selected_item_changed (self);
}

void
tally_documents_view_set_search_func (TallyDocumentsView           *self,
                                      TallyDocumentsViewSearchFunc  func,
                                      gpointer                      user_data,
                                      GDestroyNotify                destroy)
{
  g_return_if_fail (TALLY_IS_DOCUMENTS_VIEW (self));

  if (self->search_destroy != NULL)
    self->search_destroy (self->search_data);
  self->search_func = func;
  self->search_data = user_data;
  self->search_destroy = destroy;
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), func != NULL);
}

static gboolean
visible_filter_func (gpointer item,
                     gpointer user_data)
{
  TallyDocumentsView *self = user_data;

  return !g_ptr_array_find (self->pending_removals, item, NULL);
}

static void
commit_removal (TallyDocumentsView *self,
                TallyDocument      *document)
{
  g_autoptr(TallyDocument) hold = g_object_ref (document);
  g_autoptr(GError) error = NULL;
  guint position;

  if (!g_ptr_array_remove (self->pending_removals, document))
    return;
  if (self->project != NULL)
    tally_project_remove_document (self->project, TALLY_DOCUMENT (document), &error);
  else if (G_IS_LIST_STORE (self->documents) && g_list_store_find (G_LIST_STORE (self->documents), document, &position))
    g_list_store_remove (G_LIST_STORE (self->documents), position);

  if (error != NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      /* Still in the project: show it again. */
      gtk_filter_changed (GTK_FILTER (self->hidden_filter), GTK_FILTER_CHANGE_LESS_STRICT);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), tally_toast_new_text (error->message));
      else
        g_message ("%s", error->message);
    }
}

typedef struct
{
  TallyDocumentsView *self;
  TallyDocument      *document;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_object_unref (removal->document);
  g_free (removal);
}

static void
on_undo_clicked (AdwToast *toast,
                 Removal  *removal)
{
  if (g_ptr_array_remove (removal->self->pending_removals, removal->document))
    gtk_filter_changed (GTK_FILTER (removal->self->hidden_filter), GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
on_toast_dismissed (AdwToast *toast,
                    Removal  *removal)
{
  commit_removal (removal->self, removal->document);
}

/* Takes the document out of the list at once and out of the project when
 * the toast goes without its Undo being pressed. */
void
tally_documents_view_remove_document (TallyDocumentsView *self,
                                      TallyDocument      *document)
{
  GtkWidget *overlay;

  g_return_if_fail (TALLY_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (TALLY_IS_DOCUMENT (document));

  if (g_ptr_array_find (self->pending_removals, document, NULL))
    return;
  g_ptr_array_add (self->pending_removals, g_object_ref (document));
  gtk_filter_changed (GTK_FILTER (self->hidden_filter), GTK_FILTER_CHANGE_MORE_STRICT);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      const char *title = tally_document_get_title (document);
      g_autofree char *message = g_strdup_printf (_("“%s” removed"), title != NULL && title[0] != '\0' ? title : _("Untitled Article"));
      AdwToast *toast = tally_toast_new_text (message);
      Removal *removal = g_new0 (Removal, 1);

      removal->self = self;
      removal->document = g_object_ref (document);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), removal, 0);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), removal, 0);
      g_object_set_data_full (G_OBJECT (toast), "tally-removal", removal, removal_free);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

gboolean
tally_documents_view_undo_remove (TallyDocumentsView *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENTS_VIEW (self), FALSE);

  if (self->pending_removals->len == 0)
    return FALSE;
  g_ptr_array_remove_index (self->pending_removals, self->pending_removals->len - 1);
  gtk_filter_changed (GTK_FILTER (self->hidden_filter), GTK_FILTER_CHANGE_LESS_STRICT);
  return TRUE;
}

void
tally_documents_view_flush_removals (TallyDocumentsView *self)
{
  g_return_if_fail (TALLY_IS_DOCUMENTS_VIEW (self));

  while (self->pending_removals->len > 0)
    commit_removal (self, g_ptr_array_index (self->pending_removals, 0));
}

static void
tally_documents_view_remove_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  TallyDocumentsView *self = TALLY_DOCUMENTS_VIEW (widget);
  g_autoptr(TallyDocument) document = tally_documents_view_get_selected (self);

  if (document != NULL)
    tally_documents_view_remove_document (self, document);
}


/* Marks the reader's claims that belong to a conflicting fact. */
static void
apply_conflicts (TallyDocumentsView *self,
                 TallyReader        *reader,
                 TallyDocument      *document)
{
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  TallyDocumentId id = tally_document_get_id (document);
  GHashTable *conflicts = self->conflict_claims;
  g_autoptr(GHashTable) of_document = NULL;

  /* Kept facts: this document's conflicting claims, looked up in the project. */
  if (self->facts != NULL && tally_fact_list_is_kept (self->facts))
    {
      g_autoptr(GArray) keys = tally_fact_list_dup_conflict_keys (self->facts, id);

      of_document = g_hash_table_new (tally_claim_key_hash, tally_claim_key_equal);
      for (guint k = 0; k < keys->len; k++)
        g_hash_table_add (of_document, &g_array_index (keys, TallyClaimKey, k));
      conflicts = of_document;
      for (guint i = 0; i < tally_reader_get_n_claims (reader); i++)
        {
          const TallyClaimRecord *claim = tally_reader_get_claim (reader, i);
          TallyClaimKey key = { id, claim->start, claim->end };

          if (g_hash_table_contains (conflicts, &key))
            g_array_append_val (indices, i);
        }
      tally_reader_set_conflicts (reader, (const guint *) (gpointer) indices->data, indices->len);
      return;
    }
  for (guint i = 0; i < tally_reader_get_n_claims (reader); i++)
    {
      const TallyClaimRecord *claim = tally_reader_get_claim (reader, i);
      TallyClaimKey key = { id, claim->start, claim->end };

      if (g_hash_table_contains (conflicts, &key))
        g_array_append_val (indices, i);
    }
  tally_reader_set_conflicts (reader, (const guint *) (gpointer) indices->data, indices->len);
}

static void
set_busy (TallyDocumentsView *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

typedef struct
{
  TallyDocumentsView *self;     /* referenced until the read is done */
  TallyDocument *document;
  GCancellable *cancellable;
} ShowRead;

static void
on_shown_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ShowRead *read = user_data;
  TallyDocumentsView *self = read->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyShownDocument) shown = NULL;

  if (self->project != NULL)
    shown = tally_project_load_document_finish (self->project, result, &error);
  /* A newer document was asked for (or the project went): this one is moot. */
  if (read->cancellable == self->show_cancellable && !g_cancellable_is_cancelled (read->cancellable)
      && self->shown == read->document && self->project != NULL)
    {
      g_clear_object (&self->show_cancellable);
      if (shown == NULL)
        tally_reader_show_error (self->reader, error->message);
      else
        {
          tally_reader_set_document (self->reader, shown->record, shown->claims);
          apply_conflicts (self, self->reader, read->document);
          if (self->pending_terms != NULL)
            tally_reader_highlight_terms (self->reader, (const char * const *) self->pending_terms);
          if (self->pending_range)
            tally_reader_select_range (self->reader, self->pending_start, self->pending_end);
        }
      self->pending_range = FALSE;
      g_clear_pointer (&self->pending_terms, g_strfreev);
      set_busy (self, FALSE);
    }
  g_object_unref (read->self);
  g_object_unref (read->document);
  g_object_unref (read->cancellable);
  g_free (read);
}

/* The document and its claims are read in a worker: a long article never
 * holds up the window. The reader keeps what it showed until then. */
static void
project_show (TallyReader *reader,
              TallyDocument *document,
              gpointer     user_data)
{
  TallyDocumentsView *self = user_data;
  ShowRead *read = g_new0 (ShowRead, 1);

  g_cancellable_cancel (self->show_cancellable);
  g_clear_object (&self->show_cancellable);
  self->show_cancellable = g_cancellable_new ();
  self->pending_range = FALSE;
  g_clear_pointer (&self->pending_terms, g_strfreev);
  read->self = g_object_ref (self);
  read->document = g_object_ref (document);
  read->cancellable = g_object_ref (self->show_cancellable);
  set_busy (self, TRUE);
  tally_project_load_document_async (self->project, document, read->cancellable, on_shown_read, read);
}

/* A sidebar's worth; ranking is done on every match, snippets on these. */
#define SEARCH_LIMIT 50

static GListModel *
project_search (const char  *query,
                GError     **error,
                gpointer     user_data)
{
  TallyDocumentsView *self = user_data;
  g_autoptr(GPtrArray) hits = tally_project_search (self->project, query, SEARCH_LIMIT, error);
  g_autofree char *highlight = NULL;
  GListStore *results;
  GdkRGBA match;

  if (hits == NULL)
    return NULL;
  results = g_list_store_new (TALLY_TYPE_SEARCH_HIT);
  /* Pango markup takes no style class: the colour is the stylesheet's
   * .search-match of the style in force (lighter in the dark style). */
  tally_style_class_color ("search-match", &match);
  highlight = g_strdup_printf ("#%02x%02x%02x%02x", (guint) (match.red * 255 + .5), (guint) (match.green * 255 + .5),
                               (guint) (match.blue * 255 + .5), (guint) (match.alpha * 255 + .5));
  for (guint i = 0; i < hits->len; i++)
    {
      TallyStoreHit *hit = g_ptr_array_index (hits, i);
      TallyDocument *document = tally_project_lookup_document (self->project, hit->document_id);
      g_autofree char *markup = NULL;
      g_autoptr(TallySearchHit) item = NULL;

      if (document == NULL)
        continue;
      markup = tally_search_hit_markup_from_snippet (hit->snippet ? hit->snippet : "",
                                                     TALLY_STORE_MATCH_START, TALLY_STORE_MATCH_END, highlight);
      {
        g_autofree char *subtitle = tally_document_format_subtitle (tally_document_get_outlet (document), NULL,
                                                                    tally_document_get_published (document), FALSE);

        item = g_object_new (TALLY_TYPE_SEARCH_HIT,
                             "document", document,
                             "title", hit->title ? hit->title : tally_document_get_title (document),
                             "subtitle", subtitle,
                             "snippet-markup", markup,
                             "rank", hit->rank,
                             NULL);
      }
      g_list_store_append (results, item);
    }
  return G_LIST_MODEL (results);
}

void
tally_documents_view_set_project (TallyDocumentsView *self,
                                  TallyProject       *project)
{
  g_return_if_fail (TALLY_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (project == NULL || TALLY_IS_PROJECT (project));

  if (self->project == project)
    return;
  g_set_object (&self->project, project);
  g_signal_group_set_target (self->project_signals, project);
  tally_documents_view_search (self, NULL);
  if (project != NULL)
    {
      tally_documents_view_set_show_func (self, project_show, self, NULL);
      tally_documents_view_set_search_func (self, project_search, self, NULL);
      tally_documents_view_set_documents (self, tally_project_get_documents (project));
    }
  else
    {
      tally_documents_view_set_documents (self, NULL);
      tally_documents_view_set_show_func (self, NULL, NULL, NULL);
      tally_documents_view_set_search_func (self, NULL, NULL, NULL);
    }
}

static void
on_facts_items_changed (TallyDocumentsView *self)
{
  g_autoptr(TallyDocument) selected = NULL;
  guint n = self->facts ? g_list_model_get_n_items (self->facts) : 0;

  g_hash_table_remove_all (self->conflict_claims);
  /* A kept list is asked per document (apply_conflicts()). */
  if (self->facts != NULL && tally_fact_list_is_kept (self->facts))
    n = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (self->facts, i);
      const TallyClaimKey *keys;
      guint n_keys;

      if (tally_fact_get_status (fact) != TALLY_FACT_STATUS_CONFLICT)
        continue;
      /* Keys only: a kept fact's claims are not read for the marks. */
      keys = tally_fact_get_claim_keys (fact, &n_keys);
      for (guint j = 0; j < n_keys; j++)
        g_hash_table_add (self->conflict_claims, g_memdup2 (&keys[j], sizeof keys[j]));
    }

  selected = tally_documents_view_get_selected (self);
  if (selected != NULL && tally_reader_get_n_claims (self->reader) > 0)
    apply_conflicts (self, self->reader, selected);
}

void
tally_documents_view_set_facts (TallyDocumentsView *self,
                                GListModel         *facts)
{
  g_return_if_fail (TALLY_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (facts == NULL || G_IS_LIST_MODEL (facts));

  if (self->facts == facts)
    return;
  g_set_object (&self->facts, facts);
  g_signal_group_set_target (self->facts_signals, facts);
  on_facts_items_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACTS]);
}

guint
tally_documents_view_find_fact (GListModel          *facts,
                                const TallyClaimKey *key)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (facts), GTK_INVALID_LIST_POSITION);
  g_return_val_if_fail (key != NULL, GTK_INVALID_LIST_POSITION);

  /* A kept list looks the claim up in the project. */
  n = tally_fact_list_find_claim (facts, key);
  return n != G_MAXUINT ? n : GTK_INVALID_LIST_POSITION;
}

void
tally_documents_view_set_undo_stack (TallyDocumentsView *self,
                                     TallyUndoStack     *undo_stack)
{
  g_return_if_fail (TALLY_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (TALLY_IS_UNDO_STACK (undo_stack));

  g_set_object (&self->undo_stack, undo_stack);
}

TallyUndoStack *
tally_documents_view_get_undo_stack (TallyDocumentsView *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENTS_VIEW (self), NULL);
  return self->undo_stack;
}

static void
on_undo_edit_clicked (TallyDocumentsView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (!tally_undo_stack_undo (self->undo_stack, &error) && overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), tally_toast_new_text (error->message));
}

static void
on_details_saved (TallyDocumentsView *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = tally_toast_new_text (_("Article details changed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_edit_clicked), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
tally_documents_view_edit_details_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  TallyDocumentsView *self = TALLY_DOCUMENTS_VIEW (widget);
  AdwDialog *dialog;

  if (self->project == NULL || !TALLY_IS_DOCUMENT (self->shown))
    return;
  dialog = tally_reader_details_dialog_new (self->project, TALLY_DOCUMENT (self->shown), self->undo_stack);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_details_saved), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

gboolean
tally_documents_view_show_claim (TallyDocumentsView *self,
                                 TallyDocument      *document,
                                 gsize               start,
                                 gsize               end)
{
  g_autoptr(TallyDocument) selected = NULL;

  g_return_val_if_fail (TALLY_IS_DOCUMENTS_VIEW (self), FALSE);
  g_return_val_if_fail (TALLY_IS_DOCUMENT (document), FALSE);

  tally_documents_view_search (self, NULL);
  if (!select_document (self, document))
    {
      /* Filtered out by story or outlet: show them all and look again. */
      tally_documents_view_set_story (self, NULL);
      tally_documents_view_set_outlet (self, NULL);
      if (!select_document (self, document))
        return FALSE;
    }
  selected = tally_documents_view_get_selected (self);
  if (selected != document)
    return FALSE;
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", "documents");
  /* Still being read: selected when it arrives. */
  if (self->busy)
    {
      self->pending_range = TRUE;
      self->pending_start = start;
      self->pending_end = end;
      return TRUE;
    }
  return tally_reader_select_range (self->reader, start, end);
}

TallyDocument *
tally_documents_view_get_selected (TallyDocumentsView *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENTS_VIEW (self), NULL);
  return row_document (gtk_single_selection_get_selected_item (self->selection));
}

gboolean
tally_documents_view_get_busy (TallyDocumentsView *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENTS_VIEW (self), FALSE);
  return self->busy;
}

TallyReader *
tally_documents_view_get_reader (TallyDocumentsView *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENTS_VIEW (self), NULL);
  return self->reader;
}

static void
tally_documents_view_show_list_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  TallyDocumentsView *self = TALLY_DOCUMENTS_VIEW (widget);

  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
}

static void
tally_documents_view_search_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  TallyDocumentsView *self = TALLY_DOCUMENTS_VIEW (widget);

  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  if (parameter != NULL)
    tally_documents_view_search (self, g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
tally_documents_view_select_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  TallyDocumentsView *self = TALLY_DOCUMENTS_VIEW (widget);
  guint position = g_variant_get_uint32 (parameter);

  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    on_list_activate (self, position);
}

static void
tally_documents_view_open_result_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  TallyDocumentsView *self = TALLY_DOCUMENTS_VIEW (widget);
  guint position = g_variant_get_uint32 (parameter);

  if (self->search_results != NULL && position < g_list_model_get_n_items (self->search_results))
    on_result_activate (self, position);
}

/* The reader's keys work from the list too: Alt+↓ reads on from wherever
 * the focus is in the view. */
static gboolean
forward_to_reader (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  TallyDocumentsView *self = TALLY_DOCUMENTS_VIEW (widget);

  return gtk_widget_activate_action (GTK_WIDGET (self->reader), g_variant_get_string (args, NULL), NULL);
}

static void
tally_documents_view_dispose (GObject *object)
{
  TallyDocumentsView *self = TALLY_DOCUMENTS_VIEW (object);

  /* Targets go first: nothing calls back into a half-disposed view. */
  g_signal_group_set_target (self->documents_signals, NULL);
  g_signal_group_set_target (self->project_signals, NULL);
  g_signal_group_set_target (self->facts_signals, NULL);
  g_signal_group_set_target (self->shown_signals, NULL);
  g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->shown);
  g_clear_handle_id (&self->reshow_idle, g_source_remove);
  /* Going away with removals pending: they happen (no toast to undo them). */
  if (self->pending_removals != NULL)
    tally_documents_view_flush_removals (self);
  tally_documents_view_set_show_func (self, NULL, NULL, NULL);
  tally_documents_view_set_search_func (self, NULL, NULL, NULL);

  adw_breakpoint_bin_set_child (ADW_BREAKPOINT_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TALLY_TYPE_DOCUMENTS_VIEW);

  g_clear_object (&self->tree_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->visible_model);
  g_clear_object (&self->hidden_filter);
  g_clear_pointer (&self->pending_removals, g_ptr_array_unref);
  g_clear_object (&self->documents);
  g_clear_object (&self->search_results);
  g_clear_object (&self->facts);
  g_clear_object (&self->project);
  g_clear_object (&self->undo_stack);
  g_clear_pointer (&self->conflict_claims, g_hash_table_unref);
  g_clear_pointer (&self->outlet_names, g_hash_table_unref);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_object (&self->session);
  g_clear_object (&self->story);
  g_clear_pointer (&self->story_items, g_ptr_array_unref);
  g_clear_object (&self->documents_signals);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->facts_signals);
  g_clear_object (&self->shown_signals);
  g_clear_object (&self->session_signals);
  g_clear_pointer (&self->query, g_free);
  g_cancellable_cancel (self->show_cancellable);
  g_clear_object (&self->show_cancellable);
  g_clear_pointer (&self->pending_terms, g_strfreev);
  G_OBJECT_CLASS (tally_documents_view_parent_class)->dispose (object);
}

static void
tally_documents_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TallyDocumentsView *self = TALLY_DOCUMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENTS:
      g_value_set_object (value, self->documents);
      break;
    case PROP_FACTS:
      g_value_set_object (value, self->facts);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_documents_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TallyDocumentsView *self = TALLY_DOCUMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENTS:
      tally_documents_view_set_documents (self, g_value_get_object (value));
      break;
    case PROP_FACTS:
      tally_documents_view_set_facts (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_documents_view_class_init (TallyDocumentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_documents_view_dispose;
  object_class->get_property = tally_documents_view_get_property;
  object_class->set_property = tally_documents_view_set_property;

  properties[PROP_DOCUMENTS] =
    g_param_spec_object ("documents", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* GListModel of TallyFact; bind it to the Facts view's "facts". */
  properties[PROP_FACTS] =
    g_param_spec_object ("facts", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE while the shown document is read (in a worker). */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TallyDocumentsView::claim-activated:
   * @document: the document
   * @start: the claim's first byte in the cleaned text
   * @end: the byte after it
   *
   * The reader asked to see the fact this claim belongs to.
   */
  signals[CLAIM_ACTIVATED] =
    g_signal_new ("claim-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, TALLY_TYPE_DOCUMENT, G_TYPE_UINT64, G_TYPE_UINT64);

  g_type_ensure (TALLY_TYPE_DOCUMENT_ROW);
  g_type_ensure (TALLY_TYPE_READER);
  g_type_ensure (TALLY_TYPE_SEARCH_HIT);
  g_type_ensure (TALLY_TYPE_READER_DETAILS_DIALOG);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tally-documents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, stack);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, split_view);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, results_view);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, selection);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, results_selection);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, outlets);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, outlet_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, story_names);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, story_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_story_changed);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, browse_controls);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, reader);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_claim_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_outlet_changed);

  gtk_widget_class_install_action (widget_class, "documents.show-list", NULL, tally_documents_view_show_list_action);
  gtk_widget_class_install_action (widget_class, "documents.remove", NULL, tally_documents_view_remove_action);
  gtk_widget_class_install_action (widget_class, "documents.edit-details", NULL, tally_documents_view_edit_details_action);
  gtk_widget_class_install_action (widget_class, "documents.move-story", NULL, tally_documents_view_move_story_action);
  gtk_widget_class_install_action (widget_class, "documents.move-to-story", "s",
                                   tally_documents_view_move_to_story_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "documents.move-story", NULL);
  gtk_widget_class_install_action (widget_class, "documents.show-story", "s", tally_documents_view_show_story_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "documents.remove", NULL);
  {
    static const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
      { GDK_KEY_Down, GDK_ALT_MASK, "reader.next-claim" },
      { GDK_KEY_Up, GDK_ALT_MASK, "reader.previous-claim" },
      { GDK_KEY_plus, GDK_CONTROL_MASK, "reader.zoom-in" },
      { GDK_KEY_equal, GDK_CONTROL_MASK, "reader.zoom-in" },
      { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "reader.zoom-in" },
      { GDK_KEY_minus, GDK_CONTROL_MASK, "reader.zoom-out" },
      { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "reader.zoom-out" },
      { GDK_KEY_0, GDK_CONTROL_MASK, "reader.zoom-reset" },
      { GDK_KEY_KP_0, GDK_CONTROL_MASK, "reader.zoom-reset" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      gtk_widget_class_add_binding (widget_class, keys[i].key, keys[i].mods, forward_to_reader, "s", keys[i].action);
  }
  gtk_widget_class_install_action (widget_class, "documents.search", NULL, tally_documents_view_search_action);
  gtk_widget_class_install_action (widget_class, "documents.search-for", "s", tally_documents_view_search_action);
  /* Activates row N, as a click does; the screenshot tool uses it. */
  gtk_widget_class_install_action (widget_class, "documents.select", "u", tally_documents_view_select_action);
  gtk_widget_class_install_action (widget_class, "documents.open-result", "u", tally_documents_view_open_result_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "documents.search", NULL);
}

static void
tally_documents_view_init (TallyDocumentsView *self)
{
  self->conflict_claims = g_hash_table_new_full (tally_claim_key_hash, tally_claim_key_equal, g_free, NULL);
  self->outlet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->story_items = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Signal groups follow the current documents, project, facts, shown
   * document and session (no hand-paired connect and disconnect). */
  self->documents_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->documents_signals, "items-changed", G_CALLBACK (on_documents_items_changed),
                                 self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->project_signals = g_signal_group_new (TALLY_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "claims-changed", G_CALLBACK (on_project_claims_changed),
                                 self, G_CONNECT_SWAPPED);
  self->facts_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->facts_signals, "items-changed", G_CALLBACK (on_facts_items_changed), self,
                                 G_CONNECT_SWAPPED);
  self->shown_signals = g_signal_group_new (TALLY_TYPE_DOCUMENT);
  {
    static const char *const details[] = { "notify::title", "notify::outlet", "notify::author", "notify::published" };

    for (guint i = 0; i < G_N_ELEMENTS (details); i++)
      g_signal_group_connect_object (self->shown_signals, details[i], G_CALLBACK (queue_reshow), self,
                                     G_CONNECT_SWAPPED);
  }
  self->session_signals = g_signal_group_new (TALLY_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::stories", G_CALLBACK (on_session_stories), self,
                                 G_CONNECT_SWAPPED);

  self->pending_removals = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo_stack = tally_undo_stack_new ();
  self->hidden_filter = gtk_custom_filter_new (visible_filter_func, self, NULL);
  self->visible_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->hidden_filter)));
  self->filter = gtk_custom_filter_new (root_filter_func, self, NULL);
  /* Sorted before the outlet filter: picking an outlet then only filters
   * (ms) instead of sorting again (hundreds of ms on 10,000 articles). */
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->visible_model)), NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->tree_model = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)), FALSE, FALSE,
                                              create_cluster_model, self, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree_model));
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.edit-details", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.remove", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.move-story", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.move-to-story", FALSE);

  tally_documents_view_update_outlets (self);
  tally_documents_view_update_stories (self);
  tally_documents_view_update_page (self);
}
