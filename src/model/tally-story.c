/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-story.h"

#include <glib/gi18n-lib.h>

struct _TallyStory
{
  GObject parent_instance;

  char *id;
  char *key;
  char *name;
  char *label;
  GArray *documents;    /* TallyDocumentId, sorted */
  TallyDocumentId anchor;
};

G_DEFINE_FINAL_TYPE (TallyStory, tally_story, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_N_DOCUMENTS,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = ((const TallyDocumentId *) a)->value, y = ((const TallyDocumentId *) b)->value;

  return (x > y) - (x < y);
}

static void
tally_story_finalize (GObject *object)
{
  TallyStory *self = TALLY_STORY (object);

  g_free (self->id);
  g_free (self->key);
  g_free (self->name);
  g_free (self->label);
  g_array_unref (self->documents);
  G_OBJECT_CLASS (tally_story_parent_class)->finalize (object);
}

static void
tally_story_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TallyStory *self = TALLY_STORY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_N_DOCUMENTS: g_value_set_uint (value, self->documents->len); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_story_class_init (TallyStoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tally_story_finalize;
  object_class->get_property = tally_story_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_N_DOCUMENTS] = g_param_spec_uint ("n-documents", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_story_init (TallyStory *self)
{
  self->documents = g_array_new (FALSE, FALSE, sizeof (TallyDocumentId));
}

TallyStory *
tally_story_new (const TallyStoryRecord *record,
                 const TallyDocumentId  *document_ids,
                 TallyDocumentId         anchor)
{
  TallyStory *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (TALLY_TYPE_STORY, NULL);
  self->id = g_strdup (record->id);
  self->key = g_strdup (record->key != NULL ? record->key : record->id);
  self->name = g_strdup (record->name != NULL && record->name[0] != '\0' ? record->name : _("Untitled story"));
  g_array_append_vals (self->documents, document_ids, record->documents->len);
  g_array_sort (self->documents, compare_ids);
  self->anchor = anchor;
  /* TRANSLATORS: a story's name and how many documents it has */
  self->label = g_strdup_printf (_("%s (%u)"), self->name, self->documents->len);
  return self;
}

const char *
tally_story_get_id (TallyStory *self)
{
  g_return_val_if_fail (TALLY_IS_STORY (self), NULL);
  return self->id;
}

const char *
tally_story_get_key (TallyStory *self)
{
  g_return_val_if_fail (TALLY_IS_STORY (self), NULL);
  return self->key;
}

const char *
tally_story_get_name (TallyStory *self)
{
  g_return_val_if_fail (TALLY_IS_STORY (self), NULL);
  return self->name;
}

guint
tally_story_get_n_documents (TallyStory *self)
{
  g_return_val_if_fail (TALLY_IS_STORY (self), 0);
  return self->documents->len;
}

const char *
tally_story_get_label (TallyStory *self)
{
  g_return_val_if_fail (TALLY_IS_STORY (self), NULL);
  return self->label;
}

TallyDocumentId
tally_story_get_anchor (TallyStory *self)
{
  g_return_val_if_fail (TALLY_IS_STORY (self), TALLY_DOCUMENT_ID_NONE);
  return self->anchor;
}

gboolean
tally_story_contains (TallyStory      *self,
                      TallyDocumentId  document_id)
{
  guint index;

  g_return_val_if_fail (TALLY_IS_STORY (self), FALSE);
  return g_array_binary_search (self->documents, &document_id, compare_ids, &index);
}
