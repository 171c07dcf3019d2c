/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tally-event.h"
#include "tally-rename-dialog.h"
#include "tally-timeline-view.h"
#include "tally-toast.h"

/* The timeline: events the articles speak of, placed in time, with a list
 * of the same events beside it for screen readers. */
struct _TallyTimelineView
{
  AdwBin          parent_instance;

  GtkStack       *stack;
  GtkStack       *mode_stack;
  GtkLabel       *summary;
  GtkToggleButton *list_toggle;
  TallyTimeline  *timeline;
  GtkListView    *list;
  GtkDropDown    *kind_filter;
  GtkDropDown    *source_filter;

  GListModel     *events;
  GtkFilterListModel *filtered;
  GtkCustomFilter *filter;
  GtkStringList  *kinds;       /* "All kinds", then each kind present */
  GtkStringList  *sources;     /* "All sources", then each source's name */
  GPtrArray      *source_ids;  /* document id for each item of `sources` after the first */
  GHashTable     *documents;   /* the event finder's key of a document → TallyDocument */
  TallySession   *session;     /* finds the events and owns the corrections */
  GSignalGroup   *session_signals;
};

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  SHOW_MENTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TallyTimelineView, tally_timeline_view, ADW_TYPE_BIN)

static void
update_summary (TallyTimelineView *self)
{
  guint n = self->events ? g_list_model_get_n_items (self->events) : 0;
  guint disputed = 0, planned = 0;
  g_autofree char *events = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TallyEvent) event = g_list_model_get_item (self->events, i);

      disputed += tally_event_get_disputed (event);
      planned += tally_event_get_planned (event);
    }
  events = g_strdup_printf (ngettext ("%u event", "%u events", n), n);
  text = g_strdup_printf (_("%s · %u with disputed dates · %u planned"), events, disputed, planned);
  gtk_label_set_label (self->summary, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "events" : "empty");
}

/* Filtering by kind and by source: a GtkCustomFilter over the events,
 * whose result feeds both the timeline and the list. */
static gboolean
filter_event (gpointer item,
              gpointer user_data)
{
  TallyTimelineView *self = user_data;
  TallyEvent *event = item;
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint source = gtk_drop_down_get_selected (self->source_filter);
  const TallyEventRecord *r = tally_event_get_record (event);

  if (kind != GTK_INVALID_LIST_POSITION && kind > 0
      && g_strcmp0 (tally_event_get_kind_name (event), gtk_string_list_get_string (self->kinds, kind)) != 0)
    return FALSE;
  if (source != GTK_INVALID_LIST_POSITION && source > 0 && source - 1 < self->source_ids->len)
    {
      const char *id = g_ptr_array_index (self->source_ids, source - 1);

      for (guint m = 0; m < r->mentions->len; m++)
        if (g_strcmp0 (((TallyEventMention *) g_ptr_array_index (r->mentions, m))->document, id) == 0)
          return TRUE;
      return FALSE;
    }
  return TRUE;
}

static void
on_filter_changed (TallyTimelineView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  tally_timeline_zoom_to_fit (self->timeline);
}

/* A source is named by its outlet, else its title. */
static const char *
document_name (TallyDocument *document)
{
  const char *name = tally_document_get_outlet (document);

  return name != NULL ? name : tally_document_get_title (document);
}

static void
fill_filters (TallyTimelineView *self)
{
  guint n = self->events ? g_list_model_get_n_items (self->events) : 0;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();

  g_signal_handlers_block_by_func (self->kind_filter, on_filter_changed, self);
  g_signal_handlers_block_by_func (self->source_filter, on_filter_changed, self);
  gtk_string_list_splice (self->kinds, 1, g_list_model_get_n_items (G_LIST_MODEL (self->kinds)) - 1, NULL);
  gtk_string_list_splice (self->sources, 1, g_list_model_get_n_items (G_LIST_MODEL (self->sources)) - 1, NULL);
  g_ptr_array_set_size (self->source_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TallyEvent) event = g_list_model_get_item (self->events, i);
      const TallyEventRecord *r = tally_event_get_record (event);
      const char *kind = tally_event_get_kind_name (event);

      if (g_hash_table_add (seen, (gpointer) kind))
        g_ptr_array_add (kinds, (gpointer) kind);
      for (guint m = 0; m < r->mentions->len; m++)
        {
          const char *id = ((TallyEventMention *) g_ptr_array_index (r->mentions, m))->document;
          g_autofree char *key = g_strconcat ("doc:", id, NULL);

          if (g_hash_table_contains (seen, key))
            continue;
          g_hash_table_add (seen, (gpointer) g_intern_string (key));
          g_ptr_array_add (self->source_ids, g_strdup (id));
        }
    }
  g_ptr_array_sort_values (kinds, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < kinds->len; i++)
    gtk_string_list_append (self->kinds, g_ptr_array_index (kinds, i));
  for (guint i = 0; i < self->source_ids->len; i++)
    {
      const char *id = g_ptr_array_index (self->source_ids, i);
      TallyDocument *document = g_hash_table_lookup (self->documents, id);
      const char *name = document != NULL ? document_name (document) : NULL;

      gtk_string_list_append (self->sources, name ? name : id);
    }
  gtk_drop_down_set_selected (self->kind_filter, 0);
  gtk_drop_down_set_selected (self->source_filter, 0);
  g_signal_handlers_unblock_by_func (self->kind_filter, on_filter_changed, self);
  g_signal_handlers_unblock_by_func (self->source_filter, on_filter_changed, self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
}

void
tally_timeline_view_set_events (TallyTimelineView *self,
                                GListModel        *events)
{
  g_return_if_fail (TALLY_IS_TIMELINE_VIEW (self));
  g_return_if_fail (events == NULL || G_IS_LIST_MODEL (events));

  if (!g_set_object (&self->events, events))
    return;
  gtk_filter_list_model_set_model (self->filtered, events);
  fill_filters (self);
  update_summary (self);
}

GListModel *
tally_timeline_view_get_events (TallyTimelineView *self)
{
  g_return_val_if_fail (TALLY_IS_TIMELINE_VIEW (self), NULL);
  return self->events;
}

TallyTimeline *
tally_timeline_view_get_timeline (TallyTimelineView *self)
{
  g_return_val_if_fail (TALLY_IS_TIMELINE_VIEW (self), NULL);
  return self->timeline;
}

gboolean
tally_timeline_view_get_busy (TallyTimelineView *self)
{
  g_return_val_if_fail (TALLY_IS_TIMELINE_VIEW (self), FALSE);
  return self->session != NULL && tally_session_get_finding (self->session);
}

static void
on_session_finding (TallyTimelineView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* New events from the session: their sources are named after the
 * documents' outlets (or titles) as they are now. */
static void
on_session_events (TallyTimelineView *self)
{
  GListModel *documents = tally_project_get_documents (tally_session_get_project (self->session));
  GListModel *events = tally_session_get_events (self->session);

  g_hash_table_remove_all (self->documents);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      TallyDocument *document = g_list_model_get_item (documents, i);
      /* The session names the documents to the event finder this way. */
      char *key = tally_document_id_to_key (tally_document_get_id (document));

      tally_timeline_set_document_name (self->timeline, key, document_name (document));
      g_hash_table_replace (self->documents, key, document);
    }
  if (events != NULL)
    tally_timeline_view_set_events (self, events);
}

void
tally_timeline_view_set_session (TallyTimelineView *self,
                                 TallySession      *session)
{
  g_return_if_fail (TALLY_IS_TIMELINE_VIEW (self));
  g_return_if_fail (session == NULL || TALLY_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  g_signal_group_set_target (self->session_signals, session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-view.leave-out-mention", session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-view.rename-event", session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-view.rename-event-dialog", session != NULL);
  tally_timeline_set_correctable (self->timeline, session != NULL);
  /* The events shown stay until the new session's are found. */
  if (session != NULL && tally_session_get_events (session) != NULL)
    on_session_events (self);
  on_session_finding (self);
}

/* ---- corrections from the popover --------------------------------------- */

/* The shown event with the mention (document, start, end), or NULL. */
static TallyEvent *
find_event_by_mention (TallyTimelineView        *self,
                       GVariant                 *parameter,
                       const TallyEventMention **mention)
{
  const char *document = NULL;
  guint64 start = 0, end = 0;
  guint n = self->events != NULL ? g_list_model_get_n_items (self->events) : 0;

  g_variant_get (parameter, "(&stt)", &document, &start, &end);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TallyEvent) event = g_list_model_get_item (self->events, i);
      const TallyEventRecord *r = tally_event_get_record (event);

      for (guint m = 0; m < r->mentions->len; m++)
        {
          const TallyEventMention *em = g_ptr_array_index (r->mentions, m);

          if (g_strcmp0 (em->document, document) == 0 && em->start == start && em->end == end)
            {
              if (mention != NULL)
                *mention = em;
              return g_steal_pointer (&event);
            }
        }
    }
  return NULL;
}

/* A toast offering Undo on the window's overlay, whose win.undo walks the
 * project's one undo stack (as the Facts view does). */
static void
corrected (TallyTimelineView *self,
           gboolean           ok,
           GError            *error,
           const char        *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (!ok)
    {
      if (overlay != NULL && error != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), tally_toast_new_text (error->message));
      else if (error != NULL)
        g_warning ("%s", error->message);
      return;
    }
  if (overlay == NULL)
    return;
  toast = tally_toast_new_text (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
action_leave_out_mention (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  TallyTimelineView *self = TALLY_TIMELINE_VIEW (widget);
  g_autoptr(TallyEvent) event = NULL;
  const TallyEventMention *mention = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->session == NULL || (event = find_event_by_mention (self, param, &mention)) == NULL)
    return;
  ok = tally_corrections_leave_out_mention (tally_session_get_corrections (self->session), mention, &error);
  corrected (self, ok, error, _("Mention left out"));
}

static void
action_rename_event (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  TallyTimelineView *self = TALLY_TIMELINE_VIEW (widget);
  g_autoptr(GVariant) key = NULL;
  g_autoptr(TallyEvent) event = NULL;
  const char *document = NULL, *label = NULL;
  guint64 start = 0, end = 0;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_variant_get (param, "(&stt&s)", &document, &start, &end, &label);
  key = g_variant_ref_sink (g_variant_new ("(stt)", document, start, end));
  if (self->session == NULL || (event = find_event_by_mention (self, key, NULL)) == NULL)
    return;
  ok = tally_corrections_rename_event (tally_session_get_corrections (self->session), tally_event_get_record (event),
                                       label, &error);
  corrected (self, ok, error, _("Event renamed"));
}

static void
on_rename_response (AdwAlertDialog    *dialog,
                    const char        *response,
                    TallyTimelineView *self)
{
  GVariant *key = g_object_get_data (G_OBJECT (dialog), "mention");
  const char *document = NULL;
  guint64 start = 0, end = 0;

  if (!g_str_equal (response, "rename"))
    return;
  g_variant_get (key, "(&stt)", &document, &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (self), "timeline-view.rename-event", "(stts)", document, start, end,
                              tally_rename_dialog_get_text (dialog));
}

static void
action_rename_event_dialog (GtkWidget  *widget,
                            const char *name,
                            GVariant   *param)
{
  TallyTimelineView *self = TALLY_TIMELINE_VIEW (widget);
  g_autoptr(TallyEvent) event = find_event_by_mention (self, param, NULL);
  AdwDialog *dialog;

  if (event == NULL)
    return;
  dialog = tally_rename_dialog_new (_("Rename Event"), tally_event_get_label (event), _("Event name"));
  /* The event is named by its mention: found again, it has a new id. */
  g_object_set_data_full (G_OBJECT (dialog), "mention", g_variant_ref_sink (g_variant_ref (param)),
                          (GDestroyNotify) g_variant_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  adw_dialog_present (dialog, widget);
}

static void
on_mention_activated (TallyTimelineView *self,
                      const char        *document_id,
                      guint              start,
                      guint              end)
{
  TallyDocument *document = g_hash_table_lookup (self->documents, document_id);

  if (document != NULL)
    g_signal_emit (self, signals[SHOW_MENTION], 0, document, start, end);
}

/* The popover's Rename… and "not about this event", by their mention. */
static void
on_rename_event (TallyTimelineView *self,
                 const char        *document,
                 guint              start,
                 guint              end)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "timeline-view.rename-event-dialog", "(stt)", document,
                              (guint64) start, (guint64) end);
}

static void
on_leave_out_mention (TallyTimelineView *self,
                      const char        *document,
                      guint              start,
                      guint              end)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "timeline-view.leave-out-mention", "(stt)", document,
                              (guint64) start, (guint64) end);
}

static void
on_list_activate (GtkListView       *list,
                  guint              position,
                  TallyTimelineView *self)
{
  gtk_toggle_button_set_active (self->list_toggle, FALSE);
  tally_timeline_set_focus_index (self->timeline, position);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
  tally_timeline_activate_focus (self->timeline);
}

static void
on_list_toggled (GtkToggleButton   *toggle,
                 TallyTimelineView *self)
{
  gtk_stack_set_visible_child_name (self->mode_stack, gtk_toggle_button_get_active (toggle) ? "list" : "timeline");
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  TallyEvent *event = gtk_list_item_get_item (item);
  g_autofree char *text = tally_event_dup_accessible_text (event);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
action_forward (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  TallyTimelineView *self = TALLY_TIMELINE_VIEW (widget);
  g_autofree char *target = g_strdup_printf ("timeline.%s", name + strlen ("timeline-view."));

  gtk_widget_activate_action (GTK_WIDGET (self->timeline), target, NULL);
}

/* The event at a position of the list, opened as a click on it opens it
 * (scripts and screenshots). */
static void
action_open_event (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  on_list_activate (NULL, g_variant_get_uint32 (param), TALLY_TIMELINE_VIEW (widget));
}

/* The list alternative, as the header's list button shows it (scripts and
 * screenshots). */
static void
action_show_list (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  TallyTimelineView *self = TALLY_TIMELINE_VIEW (widget);

  gtk_toggle_button_set_active (self->list_toggle, g_variant_get_boolean (param));
}

static void
on_export_ready (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TallyTimelineView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  g_autofree char *basename = NULL;
  const char *format;

  if (file == NULL)
    return;
  basename = g_file_get_basename (file);
  format = g_str_has_suffix (basename, ".svg") ? "svg" : "png";
  if (!tally_timeline_export (self->timeline, file, format, &error))
    {
      AdwDialog *dialog = adw_alert_dialog_new (_("Cannot Export the Timeline"), error->message);

      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      adw_dialog_present (dialog, GTK_WIDGET (self));
    }
}

static void
action_export (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  const char *format = g_variant_get_string (param, NULL);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autofree char *initial = g_strdup_printf ("timeline.%s", format);

  gtk_file_dialog_set_title (dialog, _("Export Timeline"));
  gtk_file_dialog_set_initial_name (dialog, initial);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, on_export_ready,
                        g_object_ref (widget));
}

static void
tally_timeline_view_dispose (GObject *object)
{
  TallyTimelineView *self = TALLY_TIMELINE_VIEW (object);

  tally_timeline_view_set_session (self, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->events);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->kinds);
  g_clear_object (&self->sources);
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  /* AdwBin owns its child; drop it first so the template does not unparent it twice. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TALLY_TYPE_TIMELINE_VIEW);
  G_OBJECT_CLASS (tally_timeline_view_parent_class)->dispose (object);
}

static void
tally_timeline_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TallyTimelineView *self = TALLY_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, tally_timeline_view_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_timeline_view_class_init (TallyTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_timeline_view_dispose;
  object_class->get_property = tally_timeline_view_get_property;

  /* Finding events; tally-screenshot waits for it before acting. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_MENTION] =
    g_signal_new ("show-mention", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_OBJECT, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (TALLY_TYPE_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tally-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, TallyTimelineView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, TallyTimelineView, summary);
  gtk_widget_class_bind_template_child (widget_class, TallyTimelineView, list_toggle);
  gtk_widget_class_bind_template_child (widget_class, TallyTimelineView, timeline);
  gtk_widget_class_bind_template_child (widget_class, TallyTimelineView, list);
  gtk_widget_class_bind_template_child (widget_class, TallyTimelineView, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, TallyTimelineView, source_filter);

  gtk_widget_class_install_action (widget_class, "timeline-view.zoom-in", NULL, action_forward);
  gtk_widget_class_install_action (widget_class, "timeline-view.zoom-out", NULL, action_forward);
  gtk_widget_class_install_action (widget_class, "timeline-view.zoom-fit", NULL, action_forward);
  gtk_widget_class_install_action (widget_class, "timeline-view.show-list", "b", action_show_list);
  gtk_widget_class_install_action (widget_class, "timeline-view.open-event", "u", action_open_event);
  gtk_widget_class_install_action (widget_class, "timeline-view.export", "s", action_export);
  /* The popover's buttons: a mention as (document, start, end). */
  gtk_widget_class_install_action (widget_class, "timeline-view.leave-out-mention", "(stt)",
                                   action_leave_out_mention);
  gtk_widget_class_install_action (widget_class, "timeline-view.rename-event-dialog", "(stt)",
                                   action_rename_event_dialog);
  gtk_widget_class_install_action (widget_class, "timeline-view.rename-event", "(stts)", action_rename_event);
}

static void
tally_timeline_view_init (TallyTimelineView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_autoptr(GtkNoSelection) selection = NULL;
  const char *all_kinds[] = { _("All kinds"), NULL };
  const char *all_sources[] = { _("All sources"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->session_signals = g_signal_group_new (TALLY_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::events", G_CALLBACK (on_session_events), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::finding", G_CALLBACK (on_session_finding), self,
                                 G_CONNECT_SWAPPED);
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->source_ids = g_ptr_array_new_with_free_func (g_free);
  self->kinds = gtk_string_list_new (all_kinds);
  self->sources = gtk_string_list_new (all_sources);
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (self->kinds));
  gtk_drop_down_set_model (self->source_filter, G_LIST_MODEL (self->sources));
  self->filter = gtk_custom_filter_new (filter_event, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  tally_timeline_set_model (self->timeline, G_LIST_MODEL (self->filtered));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  g_signal_connect_swapped (self->kind_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->source_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list, factory);
  g_signal_connect (self->list, "activate", G_CALLBACK (on_list_activate), self);
  g_signal_connect (self->list_toggle, "toggled", G_CALLBACK (on_list_toggled), self);
  g_signal_connect_object (self->timeline, "mention-activated", G_CALLBACK (on_mention_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "rename-event", G_CALLBACK (on_rename_event), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "leave-out-mention", G_CALLBACK (on_leave_out_mention), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-view.leave-out-mention", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-view.rename-event", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-view.rename-event-dialog", FALSE);
  update_summary (self);
}
