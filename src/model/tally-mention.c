/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-mention.h"

struct _TallyMention
{
  GObject                  parent_instance;

  TallyEvent              *event;
  const TallyEventMention *mention;    /* the event's own */
};

G_DEFINE_FINAL_TYPE (TallyMention, tally_mention, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tally_mention_finalize (GObject *object)
{
  TallyMention *self = TALLY_MENTION (object);

  g_clear_object (&self->event);
  G_OBJECT_CLASS (tally_mention_parent_class)->finalize (object);
}

static void
tally_mention_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TallyMention *self = TALLY_MENTION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_string (value, self->mention->document); break;
    case PROP_TEXT: g_value_set_string (value, self->mention->text); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_mention_class_init (TallyMentionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tally_mention_finalize;
  object_class->get_property = tally_mention_get_property;
  /* The document's id, as events name documents. */
  properties[PROP_DOCUMENT] = g_param_spec_string ("document", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_mention_init (TallyMention *self)
{
}

GListModel *
tally_event_list_mentions (TallyEvent *event)
{
  const TallyEventRecord *record;
  GListStore *store;

  g_return_val_if_fail (TALLY_IS_EVENT (event), NULL);

  record = tally_event_get_record (event);
  store = g_list_store_new (TALLY_TYPE_MENTION);
  for (guint i = 0; i < record->mentions->len; i++)
    {
      g_autoptr(TallyMention) mention = g_object_new (TALLY_TYPE_MENTION, NULL);

      mention->event = g_object_ref (event);
      mention->mention = g_ptr_array_index (record->mentions, i);
      g_list_store_append (store, mention);
    }
  return G_LIST_MODEL (store);
}

const char *
tally_mention_get_document (TallyMention *self)
{
  g_return_val_if_fail (TALLY_IS_MENTION (self), NULL);
  return self->mention->document;
}

gsize
tally_mention_get_start (TallyMention *self)
{
  g_return_val_if_fail (TALLY_IS_MENTION (self), 0);
  return self->mention->start;
}

gsize
tally_mention_get_end (TallyMention *self)
{
  g_return_val_if_fail (TALLY_IS_MENTION (self), 0);
  return self->mention->end;
}

const char *
tally_mention_get_text (TallyMention *self)
{
  g_return_val_if_fail (TALLY_IS_MENTION (self), NULL);
  return self->mention->text;
}
