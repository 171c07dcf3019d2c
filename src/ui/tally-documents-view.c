/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-documents-view.h"

/* The document browser: the articles of the project. */
struct _TallyDocumentsView
{
  AdwBin       parent_instance;

  GtkStack    *stack;
  GtkListView *list_view;

  GListModel  *documents;
};

G_DEFINE_FINAL_TYPE (TallyDocumentsView, tally_documents_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tally_documents_view_update_page (TallyDocumentsView *self)
{
  gboolean empty = self->documents == NULL || g_list_model_get_n_items (self->documents) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_documents_items_changed (TallyDocumentsView *self)
{
  tally_documents_view_update_page (self);
}

void
tally_documents_view_set_documents (TallyDocumentsView *self,
                                    GListModel         *documents)
{
  g_return_if_fail (TALLY_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (documents == NULL || G_IS_LIST_MODEL (documents));

  if (self->documents == documents)
    return;

  if (self->documents != NULL)
    g_signal_handlers_disconnect_by_func (self->documents, on_documents_items_changed, self);
  g_set_object (&self->documents, documents);
  if (documents != NULL)
    g_signal_connect_swapped (documents, "items-changed", G_CALLBACK (on_documents_items_changed), self);

  gtk_list_view_set_model (self->list_view,
                           documents ? GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (documents))) : NULL);
  tally_documents_view_update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENTS]);
}

GListModel *
tally_documents_view_get_documents (TallyDocumentsView *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENTS_VIEW (self), NULL);
  return self->documents;
}

static void
tally_documents_view_dispose (GObject *object)
{
  TallyDocumentsView *self = TALLY_DOCUMENTS_VIEW (object);

  if (self->documents != NULL)
    g_signal_handlers_disconnect_by_func (self->documents, on_documents_items_changed, self);
  g_clear_object (&self->documents);
  /* AdwBin owns its child; drop it first so the template does not unparent it twice. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TALLY_TYPE_DOCUMENTS_VIEW);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tally-documents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, stack);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentsView, list_view);
}

static void
tally_documents_view_init (TallyDocumentsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tally_documents_view_update_page (self);
}
