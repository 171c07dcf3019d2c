/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-facts-view.h"

/* The fact table: claims of all documents lined up by measure and graded. */
struct _TallyFactsView
{
  AdwBin     parent_instance;

  GtkStack  *stack;
};

G_DEFINE_FINAL_TYPE (TallyFactsView, tally_facts_view, ADW_TYPE_BIN)

static void
tally_facts_view_dispose (GObject *object)
{
  /* AdwBin owns its child; drop it first so the template does not unparent it twice. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TALLY_TYPE_FACTS_VIEW);
  G_OBJECT_CLASS (tally_facts_view_parent_class)->dispose (object);
}

static void
tally_facts_view_class_init (TallyFactsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_facts_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tally-facts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyFactsView, stack);
}

static void
tally_facts_view_init (TallyFactsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
