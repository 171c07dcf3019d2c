/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-event-popover.h"
#include "tally-mention.h"

struct _TallyEventPopover
{
  GtkPopover          parent_instance;

  TallyEvent         *event;
  GHashTable         *names;           /* document id → name, a copy */
  gboolean            correctable;

  /* Template children */
  GtkLabel           *title_label;
  GtkButton          *rename_button;
  GtkLabel           *when_label;
  GtkWidget          *dispute_box;
  GtkBox             *alternatives_box;
  GtkListView        *mentions_view;
  GtkNoSelection     *mentions_selection;
};

G_DEFINE_FINAL_TYPE (TallyEventPopover, tally_event_popover, GTK_TYPE_POPOVER)

enum
{
  MENTION_ACTIVATED,
  RENAME_EVENT,
  LEAVE_OUT_MENTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
document_name (TallyEventPopover *self,
               const char        *id)
{
  const char *name = self->names != NULL ? g_hash_table_lookup (self->names, id) : NULL;

  return name != NULL ? name : id;
}

/* ---- the mentions ------------------------------------------------------- */

static void
setup_mention (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TallyEventPopover        *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *outlet = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *leave_out = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_label_set_xalign (GTK_LABEL (outlet), 0);
  gtk_label_set_ellipsize (GTK_LABEL (outlet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (outlet, "caption-heading");
  gtk_widget_add_css_class (outlet, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_lines (GTK_LABEL (text), 3);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 50);
  gtk_box_append (GTK_BOX (lines), outlet);
  gtk_box_append (GTK_BOX (lines), text);
  gtk_widget_set_hexpand (lines, TRUE);
  /* Where a flat button would put its text. */
  gtk_widget_set_margin_start (lines, 6);
  gtk_widget_set_margin_end (lines, 6);
  gtk_widget_set_margin_top (lines, 3);
  gtk_widget_set_margin_bottom (lines, 3);
  /* A wrong source's sentence leaves the event (and its dispute). */
  gtk_widget_add_css_class (leave_out, "flat");
  gtk_widget_set_valign (leave_out, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (leave_out, _("Not about this event"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (leave_out), "event-popover.leave-out");
  gtk_box_append (GTK_BOX (row), lines);
  gtk_box_append (GTK_BOX (row), leave_out);
  gtk_widget_set_tooltip_text (lines, _("Open the article at this sentence"));
  gtk_list_item_set_child (item, row);
}

static void
bind_mention (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TallyEventPopover        *self)
{
  TallyMention *mention = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *lines = gtk_widget_get_first_child (row);
  GtkWidget *outlet = gtk_widget_get_first_child (lines);
  GtkWidget *text = gtk_widget_get_next_sibling (outlet);
  GtkWidget *leave_out = gtk_widget_get_last_child (row);
  const char *name = document_name (self, tally_mention_get_document (mention));
  g_autofree char *accessible = g_strdup_printf (_("Not about this event: %s"), name);

  gtk_label_set_label (GTK_LABEL (outlet), name);
  gtk_label_set_label (GTK_LABEL (text), tally_mention_get_text (mention));
  gtk_accessible_update_property (GTK_ACCESSIBLE (leave_out), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (leave_out), "(stt)", tally_mention_get_document (mention),
                                    (guint64) tally_mention_get_start (mention),
                                    (guint64) tally_mention_get_end (mention));
}

static void
on_mention_activate (TallyEventPopover *self,
                     guint              position)
{
  g_autoptr(TallyMention) mention = g_list_model_get_item (G_LIST_MODEL (self->mentions_selection), position);

  if (mention == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[MENTION_ACTIVATED], 0, tally_mention_get_document (mention),
                 (guint) tally_mention_get_start (mention), (guint) tally_mention_get_end (mention));
}

/* ---- actions ------------------------------------------------------------ */

/* An event is named by its first mention (found again, it has a new id). */
static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TallyEventPopover *self = TALLY_EVENT_POPOVER (widget);
  const TallyEventRecord *record = self->event != NULL ? tally_event_get_record (self->event) : NULL;
  const TallyEventMention *first;

  if (record == NULL || record->mentions->len == 0)
    return;
  first = g_ptr_array_index (record->mentions, 0);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[RENAME_EVENT], 0, first->document, (guint) first->start, (guint) first->end);
}

static void
leave_out_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TallyEventPopover *self = TALLY_EVENT_POPOVER (widget);
  const char *document = NULL;
  guint64 start = 0, end = 0;

  g_variant_get (parameter, "(&stt)", &document, &start, &end);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[LEAVE_OUT_MENTION], 0, document, (guint) start, (guint) end);
}

static void
update_actions (TallyEventPopover *self)
{
  const TallyEventRecord *record = self->event != NULL ? tally_event_get_record (self->event) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-popover.rename",
                                 self->correctable && record != NULL && record->mentions->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-popover.leave-out", self->correctable);
}

/* ---- GObject ------------------------------------------------------------ */

static void
tally_event_popover_dispose (GObject *object)
{
  TallyEventPopover *self = TALLY_EVENT_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), TALLY_TYPE_EVENT_POPOVER);
  g_clear_object (&self->event);
  g_clear_pointer (&self->names, g_hash_table_unref);
  G_OBJECT_CLASS (tally_event_popover_parent_class)->dispose (object);
}

static void
tally_event_popover_class_init (TallyEventPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_event_popover_dispose;

  /* A mention chosen: open its document at the sentence. */
  signals[MENTION_ACTIVATED] =
    g_signal_new ("mention-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);
  /* Rename… : the event, by its first mention. */
  signals[RENAME_EVENT] =
    g_signal_new ("rename-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);
  /* The mention's sentence is not about this event. */
  signals[LEAVE_OUT_MENTION] =
    g_signal_new ("leave-out-mention", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tally-event-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyEventPopover, title_label);
  gtk_widget_class_bind_template_child (widget_class, TallyEventPopover, rename_button);
  gtk_widget_class_bind_template_child (widget_class, TallyEventPopover, when_label);
  gtk_widget_class_bind_template_child (widget_class, TallyEventPopover, dispute_box);
  gtk_widget_class_bind_template_child (widget_class, TallyEventPopover, alternatives_box);
  gtk_widget_class_bind_template_child (widget_class, TallyEventPopover, mentions_view);
  gtk_widget_class_bind_template_child (widget_class, TallyEventPopover, mentions_selection);
  gtk_widget_class_bind_template_callback (widget_class, on_mention_activate);

  gtk_widget_class_install_action (widget_class, "event-popover.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "event-popover.leave-out", "(stt)", leave_out_action);
}

static void
tally_event_popover_init (TallyEventPopover *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_mention), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_mention), self);
  gtk_list_view_set_factory (self->mentions_view, factory);
  update_actions (self);
}

GtkWidget *
tally_event_popover_new (void)
{
  return g_object_new (TALLY_TYPE_EVENT_POPOVER, NULL);
}

static GtkWidget *
dim_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

void
tally_event_popover_set_event (TallyEventPopover *self,
                               TallyEvent        *event,
                               GHashTable        *names)
{
  const TallyEventRecord *r;
  g_autofree char *when = NULL;
  g_autofree char *line = NULL;
  g_autofree char *at = NULL;
  g_autoptr(GListModel) mentions = NULL;
  GtkWidget *child;

  g_return_if_fail (TALLY_IS_EVENT_POPOVER (self));
  g_return_if_fail (event == NULL || TALLY_IS_EVENT (event));

  g_set_object (&self->event, event);
  g_clear_pointer (&self->names, g_hash_table_unref);
  if (names != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_iter_init (&iter, names);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (self->names, g_strdup (key), g_strdup (value));
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->alternatives_box))) != NULL)
    gtk_box_remove (self->alternatives_box, child);
  update_actions (self);
  if (event == NULL)
    {
      gtk_no_selection_set_model (self->mentions_selection, NULL);
      return;
    }

  r = tally_event_get_record (event);
  gtk_label_set_label (self->title_label, r->label);
  when = tally_event_format_date (r->date, r->date_end);
  /* "17 June 2025 · Astana · at the Second … Summit": an act done at a
   * gathering says which, since its date and place are the gathering's. */
  if (r->at_event_label != NULL)
    at = g_strdup_printf (_(" · at the %s"), r->at_event_label);
  line = g_strdup_printf ("%s%s%s%s%s", when, r->place ? " · " : "", r->place ? r->place : "",
                          r->planned ? _(" · planned") : "", at ? at : "");
  gtk_label_set_label (self->when_label, line);

  gtk_widget_set_visible (self->dispute_box, r->disputed);
  for (guint a = 0; r->disputed && a < r->alternatives->len; a++)
    {
      const TallyEventAlternative *alt = g_ptr_array_index (r->alternatives, a);
      g_autofree char *alt_when = tally_event_format_date (alt->date, alt->date_end);
      g_autofree char *docs = NULL;
      g_autofree char *text = NULL;
      GString *s = g_string_new (NULL);

      for (guint d = 0; d < alt->documents->len; d++)
        g_string_append_printf (s, "%s%s", d ? ", " : "", document_name (self, g_ptr_array_index (alt->documents, d)));
      docs = g_string_free (s, FALSE);
      text = g_strdup_printf (ngettext ("%s — source %s", "%s — sources %s", alt->documents->len), alt_when, docs);
      gtk_box_append (self->alternatives_box, dim_label (text));
    }

  mentions = tally_event_list_mentions (event);
  gtk_no_selection_set_model (self->mentions_selection, mentions);
}

void
tally_event_popover_set_correctable (TallyEventPopover *self,
                                     gboolean           correctable)
{
  g_return_if_fail (TALLY_IS_EVENT_POPOVER (self));

  self->correctable = !!correctable;
  update_actions (self);
}
