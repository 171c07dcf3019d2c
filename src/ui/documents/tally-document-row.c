/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-language.h"
#include "tally-document-row.h"

struct _TallyDocumentRow
{
  GtkWidget  parent_instance;

  TallyDocument *document;
  GSignalGroup *document_signals;   /* follows `document` */

  GtkLabel  *title_label;
  GtkLabel  *source_label;
  GtkLabel  *story_label;
  GtkLabel  *counts_label;
  GtkLabel  *duplicates_badge;
  GtkLabel  *conflicts_badge;
};

G_DEFINE_FINAL_TYPE (TallyDocumentRow, tally_document_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A string property as shown: NULL when unknown or empty. */
static const char *
shown (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : NULL;
}

static void
tally_document_row_update (TallyDocumentRow *self)
{
  g_autofree char *source = NULL, *counts = NULL, *duplicates = NULL, *accessible = NULL, *story_text = NULL;
  TallyStory *story = NULL;
  const char *title = NULL, *outlet = NULL, *published = NULL, *language = NULL;
  guint64 words = 0, claims = 0, n_duplicates = 0;
  gboolean has_conflicts = FALSE, has_claims;

  if (self->document != NULL)
    {
      title = shown (tally_document_get_title (self->document));
      outlet = shown (tally_document_get_outlet (self->document));
      published = shown (tally_document_get_published (self->document));
      language = shown (tally_document_get_language (self->document));
      words = tally_document_get_word_count (self->document);
      claims = tally_document_get_claim_count (self->document);
      n_duplicates = tally_document_get_duplicates (self->document);
      /* Set by the project's TallySession after each grouping. */
      has_conflicts = tally_document_get_has_conflicts (self->document);
      story = tally_document_get_story (self->document);
    }
  /* A story of one article says nothing the title does not. */
  if (story != NULL && tally_story_get_n_documents (story) > 1)
    /* TRANSLATORS: the story an article belongs to, by its main terms */
    story_text = g_strdup_printf (_("Story: %s"), tally_story_get_label (story));
  has_claims = self->document != NULL;

  source = tally_document_format_subtitle (outlet, NULL, published, FALSE);

  {
    /* "%'u": thousands grouped as the locale groups them ("12.345 Wörter").
     * Plain %u, not G_GUINT64_FORMAT, so xgettext sees the whole msgid. */
    g_autofree char *word_text = g_strdup_printf (ngettext ("%'u word", "%'u words", words), (guint) words);
    g_autofree char *claim_text = g_strdup_printf (ngettext ("%'u figure", "%'u figures", claims), (guint) claims);

    /* TRANSLATORS: “459 words · 12 figures” */
    counts = has_claims ? g_strdup_printf (_("%s · %s"), word_text, claim_text) : g_steal_pointer (&word_text);
    /* Documents stored before languages were detected have none: no label. */
    if (language != NULL)
      {
        g_autofree char *name = tally_language_dup_display_name (language);
        char *with_language = g_strdup_printf (_("%s · %s"), counts, name);

        g_free (counts);
        counts = with_language;
      }
  }

  if (n_duplicates > 0)
    duplicates = g_strdup_printf (ngettext ("Near-duplicate of %u other", "Near-duplicate of %u others", n_duplicates),
                                  (guint) n_duplicates);

  gtk_label_set_label (self->title_label, title ? title : _("Untitled Article"));
  gtk_label_set_label (self->source_label, source);
  gtk_label_set_label (self->counts_label, counts);
  gtk_label_set_label (self->story_label, story_text != NULL ? story_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->story_label), story_text != NULL);
  gtk_label_set_label (self->duplicates_badge, duplicates ? duplicates : "");
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_badge), duplicates != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_badge), has_conflicts);

  accessible = g_strjoin (", ",
                          title ? title : _("Untitled Article"), source, story_text ? story_text : "", counts,
                          duplicates ? duplicates : "",
                          has_conflicts ? _("has conflicting figures") : "",
                          NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

TallyDocument *
tally_document_row_get_document (TallyDocumentRow *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENT_ROW (self), NULL);
  return self->document;
}

void
tally_document_row_set_document (TallyDocumentRow *self,
                                 TallyDocument    *document)
{
  g_return_if_fail (TALLY_IS_DOCUMENT_ROW (self));
  g_return_if_fail (document == NULL || TALLY_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  tally_document_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
tally_document_row_dispose (GObject *object)
{
  TallyDocumentRow *self = TALLY_DOCUMENT_ROW (object);
  GtkWidget *child;

  g_signal_group_set_target (self->document_signals, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (object), TALLY_TYPE_DOCUMENT_ROW);
  /* The badge box has no id, so the template does not unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (tally_document_row_parent_class)->dispose (object);
}

static void
tally_document_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TallyDocumentRow *self = TALLY_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_document_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TallyDocumentRow *self = TALLY_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tally_document_row_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_document_row_class_init (TallyDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_document_row_dispose;
  object_class->get_property = tally_document_row_get_property;
  object_class->set_property = tally_document_row_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TALLY_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tally-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentRow, source_label);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentRow, story_label);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentRow, counts_label);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentRow, duplicates_badge);
  gtk_widget_class_bind_template_child (widget_class, TallyDocumentRow, conflicts_badge);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tally_document_row_init (TallyDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->document_signals = g_signal_group_new (TALLY_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify", G_CALLBACK (tally_document_row_update),
                                 self, G_CONNECT_SWAPPED);
  tally_document_row_update (self);
}
