/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tally-facts-view-private.h"

G_DEFINE_FINAL_TYPE (TallyFactsView, tally_facts_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_FACTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- template closures ------------------------------------------------- */

static char *
format_count (GtkListItem *item,
              guint        count)
{
  return g_strdup_printf ("%u", count);
}

/* The pill: a style class of its own plus Adwaita's colour class. */
static GStrv
status_classes (GtkListItem *item,
                const char  *style)
{
  const char *classes[] = { "fact-status", style, NULL };

  return style != NULL ? g_strdupv ((char **) classes) : NULL;
}

/* ---- filtering and counts ---------------------------------------------- */

static gboolean
status_matches (gpointer item,
                gpointer user_data)
{
  TallyFactsView *self = user_data;
  TallyFactStatus status = tally_fact_get_status (TALLY_FACT (item));

  switch (self->filter_mode)
    {
    case TALLY_FACTS_FILTER_CONFLICTS: return status == TALLY_FACT_STATUS_CONFLICT;
    case TALLY_FACTS_FILTER_AGREEMENTS:
      return status == TALLY_FACT_STATUS_AGREE || status == TALLY_FACT_STATUS_ROUNDING
             || status == TALLY_FACT_STATUS_QUALIFIED;
    case TALLY_FACTS_FILTER_SINGLE: return status == TALLY_FACT_STATUS_SINGLE;
    case TALLY_FACTS_FILTER_ALL:
    default: return TRUE;
    }
}

static guint
count_conflicts (GListModel *rows)
{
  guint conflicts = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (rows, i);

      conflicts += tally_fact_get_status (fact) == TALLY_FACT_STATUS_CONFLICT;
    }
  return conflicts;
}

static void
update_counts (TallyFactsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint conflicts = count_conflicts (G_LIST_MODEL (self->filter_model));
  g_autofree char *facts = g_strdup_printf (ngettext ("%u fact", "%u facts", n), n);
  g_autofree char *conflicting = g_strdup_printf (ngettext ("%u conflict", "%u conflicts", conflicts), conflicts);

  g_free (self->counts);
  /* Translators: "49 facts · 5 conflicts" above the fact table. */
  self->counts = g_strdup_printf (_("%s · %s"), facts, conflicting);
  gtk_label_set_label (self->counts_label, self->counts);
}

static void
on_rows_changed (TallyFactsView *self)
{
  update_counts (self);
}

static void
on_search_changed (TallyFactsView *self)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  gtk_string_filter_set_search (self->search_filter, folded[0] != '\0' ? folded : NULL);
}

static void
on_status_selected (TallyFactsView *self)
{
  tally_facts_view_set_filter (self, gtk_drop_down_get_selected (self->status_dropdown));
}

/* ---- the claims panel --------------------------------------------------- */

static char *
describe (TallyFactsView  *self,
          TallyDocumentId  document_id)
{
  char *text = self->describe_func != NULL ? self->describe_func (document_id, self->describe_data) : NULL;

  return text != NULL ? text : g_strdup_printf (_("Document %lld"), (long long) document_id.value);
}

/* The sentence with the claim's words in bold, as Pango markup. */
static char *
claim_markup (TallyClaim *claim)
{
  const TallyClaimRecord *record = tally_claim_get_record (claim);
  const char *sentence = tally_claim_get_sentence (claim);
  gsize len, start, end;
  g_autofree char *before = NULL;
  g_autofree char *words = NULL;
  g_autofree char *after = NULL;

  if (sentence == NULL)
    return g_markup_escape_text (tally_claim_get_text (claim) ? tally_claim_get_text (claim) : "", -1);
  len = strlen (sentence);
  start = record->start >= record->sentence_start ? record->start - record->sentence_start : 0;
  end = record->end >= record->sentence_start ? record->end - record->sentence_start : 0;
  if (start > end || end > len || !g_utf8_validate (sentence, len, NULL))
    return g_markup_escape_text (sentence, -1);
  before = g_markup_escape_text (sentence, start);
  words = g_markup_escape_text (sentence + start, end - start);
  after = g_markup_escape_text (sentence + end, -1);
  return g_strdup_printf ("%s<b>%s</b>%s", before, words, after);
}

static void
setup_claim_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *row;
  GtkWidget *source = gtk_label_new (NULL);
  GtkWidget *sentence = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_ellipsize (GTK_LABEL (source), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (source, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (sentence), 0);
  gtk_label_set_wrap (GTK_LABEL (sentence), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (sentence), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_use_markup (GTK_LABEL (sentence), TRUE);
  gtk_box_append (GTK_BOX (box), source);
  gtk_box_append (GTK_BOX (box), sentence);
  gtk_widget_set_hexpand (box, TRUE);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), _tally_facts_view_claim_menu_new (user_data));
  gtk_box_append (GTK_BOX (row), _tally_facts_view_split_button_new (user_data, item));
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, TRUE);
}

static void
bind_claim_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  TallyFactsView *self = user_data;
  TallyClaim *claim = gtk_list_item_get_item (item);
  GtkWidget *source = gtk_widget_get_first_child (gtk_widget_get_first_child (gtk_list_item_get_child (item)));
  GtkWidget *sentence = gtk_widget_get_next_sibling (source);
  g_autofree char *description = describe (self, tally_claim_get_document_id (claim));
  g_autofree char *markup = claim_markup (claim);

  const char *note = tally_claim_get_edit_note (claim);
  g_autofree char *marked = note != NULL ? g_strconcat (description != NULL ? description : "", " ✎", NULL) : NULL;
  GtkWidget *split = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  /* An edited claim says so; its tooltip keeps the original. */
  gtk_label_set_label (GTK_LABEL (source), marked != NULL ? marked : description);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), note);
  gtk_label_set_markup (GTK_LABEL (sentence), markup);
  _tally_facts_view_claim_menu_bind (self, gtk_widget_get_prev_sibling (split), gtk_list_item_get_position (item));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (gtk_widget_get_last_child (gtk_list_item_get_child (item))),
                                          g_variant_new_uint32 (gtk_list_item_get_position (item)));
}

static void
show_fact (TallyFactsView *self,
           TallyFact      *fact)
{
  if (fact == NULL)
    {
      gtk_no_selection_set_model (self->claims_selection, NULL);
      adw_overlay_split_view_set_show_sidebar (self->split_view, FALSE);
      _tally_facts_view_actions_update (self);
      return;
    }
  adw_window_title_set_title (self->panel_title, tally_fact_get_label (fact));
  adw_window_title_set_subtitle (self->panel_title, tally_fact_get_status_label (fact));
  gtk_label_set_label (self->panel_explanation, tally_fact_get_explanation (fact));
  gtk_label_set_label (self->panel_series, tally_fact_get_series (fact) != NULL ? tally_fact_get_series (fact) : "");
  gtk_widget_set_visible (self->panel_series_box, tally_fact_get_series (fact) != NULL);
  gtk_no_selection_set_model (self->claims_selection, tally_fact_get_claims (fact));
  adw_overlay_split_view_set_show_sidebar (self->split_view, TRUE);
  _tally_facts_view_actions_update (self);
}

static void
on_selected_item (TallyFactsView *self)
{
  show_fact (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
on_close_panel (TallyFactsView *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
close_panel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  on_close_panel (TALLY_FACTS_VIEW (widget));
}

static void
on_claim_activated (TallyFactsView *self,
                    guint           position)
{
  g_autoptr(TallyClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims_selection), position);

  if (claim != NULL && self->open_func != NULL)
    self->open_func (claim, self->open_data);
}

/* ---- following a session ------------------------------------------------ */

/* After a regroup, the fact the analyst was looking at stays selected. */
static void
select_by_key (TallyFactsView *self,
               const char     *key)
{
  GListModel *rows = G_LIST_MODEL (self->sort_model);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (rows, i);

      if (g_strcmp0 (tally_fact_get_key (fact), key) == 0)
        {
          tally_facts_view_select (self, i);
          return;
        }
    }
}

/* The session grouped the claims again: show the new facts, with the fact
 * a correction asked for (a merge's target) or the one shown before. */
static void
on_session_facts (TallyFactsView *self)
{
  TallyFact *selected = tally_facts_view_get_selected (self);
  g_autofree char *key = g_steal_pointer (&self->select_next);
  GListModel *facts = tally_session_get_facts (self->session);

  if (key == NULL && selected != NULL)
    key = g_strdup (tally_fact_get_key (selected));
  if (facts == NULL)
    return;
  tally_facts_view_set_facts (self, facts);
  if (key != NULL)
    select_by_key (self, key);
}

static void
on_session_grouping (TallyFactsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static char *
describe_from_project (TallyDocumentId document_id,
                       gpointer        user_data)
{
  TallyFactsView *self = user_data;
  TallyProject *project = self->session != NULL ? tally_session_get_project (self->session) : NULL;
  TallyDocument *document = project != NULL ? tally_project_lookup_document (project, document_id) : NULL;
  GString *out;
  const char *parts[3];

  if (document == NULL)
    return NULL;
  parts[0] = tally_document_get_outlet (document);
  parts[1] = tally_document_get_title (document);
  parts[2] = tally_document_get_published (document);
  out = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      {
        /* The date of a date-time. */
        g_string_append (out, out->len > 0 ? " · " : "");
        g_string_append_len (out, parts[i], i == 2 ? (gssize) MIN (strlen (parts[i]), 10) : -1);
      }
  return g_string_free (out, FALSE);
}

/* ---- GObject ------------------------------------------------------------ */

static void
tally_facts_view_dispose (GObject *object)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (object);

  tally_facts_view_set_session (self, NULL);
  g_clear_object (&self->session_signals);
  if (self->describe_destroy != NULL)
    g_clear_pointer (&self->describe_data, self->describe_destroy);
  self->describe_func = NULL;
  if (self->open_destroy != NULL)
    g_clear_pointer (&self->open_data, self->open_destroy);
  self->open_func = NULL;
  /* AdwBin owns its child; drop it first so the template does not unparent it twice. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TALLY_TYPE_FACTS_VIEW);
  g_clear_object (&self->facts);
  G_OBJECT_CLASS (tally_facts_view_parent_class)->dispose (object);
}

static void
tally_facts_view_finalize (GObject *object)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (object);

  g_free (self->counts);
  g_free (self->select_next);
  G_OBJECT_CLASS (tally_facts_view_parent_class)->finalize (object);
}

static void
tally_facts_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY: g_value_set_boolean (value, tally_facts_view_get_busy (self)); break;
    case PROP_FACTS: g_value_set_object (value, self->facts); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_facts_view_class_init (TallyFactsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_facts_view_dispose;
  object_class->finalize = tally_facts_view_finalize;
  object_class->get_property = tally_facts_view_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Notified when a project's facts arrive (they are grouped in a thread). */
  properties[PROP_FACTS] = g_param_spec_object ("facts", NULL, NULL, G_TYPE_LIST_MODEL,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TALLY_TYPE_FACT);
  g_type_ensure (TALLY_TYPE_CLAIM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tally-facts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, stack);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, merge_button);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, merge_list);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, merge_candidates);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, merge_filter);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, split_view);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, counts_label);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, selection);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, search_filter);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, panel_title);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, panel_explanation);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, panel_series_box);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, panel_series);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, claims_view);
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, claims_selection);
  gtk_widget_class_bind_template_callback (widget_class, format_count);
  gtk_widget_class_bind_template_callback (widget_class, status_classes);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item);
  gtk_widget_class_bind_template_callback (widget_class, on_close_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_claim_activated);

  gtk_widget_class_install_action (widget_class, "facts.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "facts.close-panel", NULL, close_panel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "facts.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "facts.close-panel", NULL);
  _tally_facts_view_edits_class_init (klass);
}

static void
tally_facts_view_init (TallyFactsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The view follows whichever session it is given. */
  self->session_signals = g_signal_group_new (TALLY_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::facts", G_CALLBACK (on_session_facts), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::grouping", G_CALLBACK (on_session_grouping), self,
                                 G_CONNECT_SWAPPED);
  _tally_facts_view_edits_init (self);
  gtk_custom_filter_set_filter_func (self->status_filter, status_matches, self, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_claim_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_claim_row), self);
  gtk_list_view_set_factory (self->claims_view, factory);
  /* Typing over the table searches it. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (on_rows_changed), self,
                           G_CONNECT_SWAPPED);
  update_counts (self);
}

/* ---- public API --------------------------------------------------------- */

void
tally_facts_view_set_facts (TallyFactsView *self,
                            GListModel     *facts)
{
  g_return_if_fail (TALLY_IS_FACTS_VIEW (self));
  g_return_if_fail (facts == NULL || G_IS_LIST_MODEL (facts));

  if (!g_set_object (&self->facts, facts))
    return;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_filter_list_model_set_model (self->filter_model, facts);
  gtk_stack_set_visible_child_name (self->stack,
                                    facts != NULL && g_list_model_get_n_items (facts) > 0 ? "facts" : "empty");
  update_counts (self);
  _tally_facts_view_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACTS]);
}

GListModel *
tally_facts_view_get_facts (TallyFactsView *self)
{
  g_return_val_if_fail (TALLY_IS_FACTS_VIEW (self), NULL);
  return self->facts;
}

void
tally_facts_view_set_session (TallyFactsView *self,
                              TallySession   *session)
{
  g_return_if_fail (TALLY_IS_FACTS_VIEW (self));
  g_return_if_fail (session == NULL || TALLY_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  g_signal_group_set_target (self->session_signals, session);
  g_clear_pointer (&self->select_next, g_free);
  if (session != NULL)
    tally_facts_view_set_describe_func (self, describe_from_project, self, NULL);
  /* The facts of another project (or none yet). */
  tally_facts_view_set_facts (self, session != NULL ? tally_session_get_facts (session) : NULL);
  on_session_grouping (self);
}

TallySession *
tally_facts_view_get_session (TallyFactsView *self)
{
  g_return_val_if_fail (TALLY_IS_FACTS_VIEW (self), NULL);
  return self->session;
}

gboolean
tally_facts_view_get_busy (TallyFactsView *self)
{
  g_return_val_if_fail (TALLY_IS_FACTS_VIEW (self), FALSE);
  return self->session != NULL && tally_session_get_grouping (self->session);
}

void
tally_facts_view_set_describe_func (TallyFactsView             *self,
                                    TallyFactsViewDescribeFunc  func,
                                    gpointer                    user_data,
                                    GDestroyNotify              destroy)
{
  g_return_if_fail (TALLY_IS_FACTS_VIEW (self));

  if (self->describe_destroy != NULL)
    g_clear_pointer (&self->describe_data, self->describe_destroy);
  self->describe_func = func;
  self->describe_data = user_data;
  self->describe_destroy = destroy;
}

void
tally_facts_view_set_open_func (TallyFactsView         *self,
                                TallyFactsViewOpenFunc  func,
                                gpointer                user_data,
                                GDestroyNotify          destroy)
{
  g_return_if_fail (TALLY_IS_FACTS_VIEW (self));

  if (self->open_destroy != NULL)
    g_clear_pointer (&self->open_data, self->open_destroy);
  self->open_func = func;
  self->open_data = user_data;
  self->open_destroy = destroy;
}

void
tally_facts_view_set_filter (TallyFactsView   *self,
                             TallyFactsFilter  filter)
{
  g_return_if_fail (TALLY_IS_FACTS_VIEW (self));
  g_return_if_fail (filter <= TALLY_FACTS_FILTER_SINGLE);

  if (self->filter_mode == filter)
    return;
  self->filter_mode = filter;
  if (gtk_drop_down_get_selected (self->status_dropdown) != filter)
    gtk_drop_down_set_selected (self->status_dropdown, filter);
  gtk_filter_changed (GTK_FILTER (self->status_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
tally_facts_view_set_search (TallyFactsView *self,
                             const char     *text)
{
  g_return_if_fail (TALLY_IS_FACTS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* Apply now rather than after the entry's search delay. */
  on_search_changed (self);
}

GListModel *
tally_facts_view_get_rows (TallyFactsView *self)
{
  g_return_val_if_fail (TALLY_IS_FACTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

const char *
tally_facts_view_get_counts (TallyFactsView *self)
{
  g_return_val_if_fail (TALLY_IS_FACTS_VIEW (self), NULL);
  return self->counts;
}

void
tally_facts_view_select (TallyFactsView *self,
                         guint           position)
{
  g_return_if_fail (TALLY_IS_FACTS_VIEW (self));

  gtk_single_selection_set_selected (self->selection, position);
  /* Scrolling a column view that was never allocated confuses its layout. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->column_view)))
    gtk_column_view_scroll_to (self->column_view, position, NULL, GTK_LIST_SCROLL_FOCUS, NULL);
}

TallyFact *
tally_facts_view_get_selected (TallyFactsView *self)
{
  g_return_val_if_fail (TALLY_IS_FACTS_VIEW (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

GListModel *
tally_facts_view_get_panel_claims (TallyFactsView *self)
{
  g_return_val_if_fail (TALLY_IS_FACTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->claims_selection);
}
