/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-grouping.h"
#include "tally-stories.h"

typedef struct
{
  TallyDocumentId id;
  char *key;                    /* the id as a story input's key */
  char *title;
  char *published;
  char *language;               /* as the analyst sees it (detected or corrected) */
  TallyFactDocument info;       /* outlet, story, published: for the facts */
  char *moved_to;               /* the key it follows, or NULL */
  const TallyDocumentText *text;
  guint story;                  /* index into `stories` after a run */
} Snapshot;

struct _TallyGrouping
{
  GArray *documents;            /* Snapshot */
  GHashTable *by_id;            /* TallyDocumentId* → index + 1 into `documents` */
  GPtrArray *texts;
  GPtrArray *claims;
  TallyCorrections *corrections;
  GListModel *facts;
  GListStore *stories;
};

static void
snapshot_clear (Snapshot *snapshot)
{
  g_free (snapshot->key);
  g_free (snapshot->title);
  g_free (snapshot->published);
  g_free (snapshot->language);
  g_free ((char *) snapshot->info.outlet);
  g_free (snapshot->moved_to);
}

TallyGrouping *
tally_grouping_new (GListModel       *documents,
                    GPtrArray        *texts,
                    GPtrArray        *claims,
                    TallyCorrections *corrections)
{
  TallyGrouping *self = g_new0 (TallyGrouping, 1);
  guint n = g_list_model_get_n_items (documents);
  g_autoptr(GHashTable) text_of = g_hash_table_new (tally_document_id_hash, tally_document_id_key_equal);

  g_return_val_if_fail (claims != NULL, NULL);
  g_return_val_if_fail (TALLY_IS_CORRECTIONS (corrections), NULL);

  self->documents = g_array_sized_new (FALSE, TRUE, sizeof (Snapshot), n);
  g_array_set_clear_func (self->documents, (GDestroyNotify) snapshot_clear);
  self->by_id = g_hash_table_new_full (tally_document_id_hash, tally_document_id_key_equal, NULL, NULL);
  self->texts = texts != NULL ? g_ptr_array_ref (texts) : NULL;
  self->claims = g_ptr_array_ref (claims);
  self->corrections = tally_corrections_copy (corrections);
  self->stories = g_list_store_new (TALLY_TYPE_STORY);

  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      TallyDocumentText *text = g_ptr_array_index (texts, i);

      g_hash_table_insert (text_of, &text->document_id, text);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TallyDocument) document = g_list_model_get_item (documents, i);
      TallyDocumentId id = tally_document_get_id (document);
      TallyDocumentId moved = tally_corrections_lookup_story_move (corrections, id);
      Snapshot snapshot = {
        .id = id,
        .key = tally_document_id_to_key (id),
        .title = g_strdup (tally_document_get_title (document)),
        .published = g_strdup (tally_document_get_published (document)),
        .language = g_strdup (tally_document_get_language (document)),
        .info.outlet = g_strdup (tally_document_get_outlet (document)),
        .moved_to = tally_document_id_is_none (moved) ? NULL : tally_document_id_to_key (moved),
        .text = g_hash_table_lookup (text_of, &id),
      };

      g_array_append_val (self->documents, snapshot);
    }
  /* Keys point into the array, which no longer grows. */
  for (guint i = 0; i < self->documents->len; i++)
    g_hash_table_insert (self->by_id, &g_array_index (self->documents, Snapshot, i).id, GUINT_TO_POINTER (i + 1));
  return self;
}

void
tally_grouping_free (TallyGrouping *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_id);
  g_array_unref (self->documents);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_ptr_array_unref (self->claims);
  g_object_unref (self->corrections);
  g_clear_object (&self->facts);
  g_object_unref (self->stories);
  g_free (self);
}

static const TallyFactDocument *
document_info (TallyDocumentId document_id,
               gpointer        user_data)
{
  TallyGrouping *self = user_data;
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, &document_id));

  return index > 0 ? &g_array_index (self->documents, Snapshot, index - 1).info : NULL;
}

/* The document a move into `story` follows: one found there by its words
 * (not moved itself), else its first. */
static TallyDocumentId
story_anchor (TallyGrouping          *self,
              const TallyStoryRecord *story)
{
  for (guint d = 0; d < story->documents->len; d++)
    {
      const Snapshot *snapshot = &g_array_index (self->documents, Snapshot, g_array_index (story->documents, guint, d));

      if (snapshot->moved_to == NULL)
        return snapshot->id;
    }
  return story->documents->len > 0
    ? g_array_index (self->documents, Snapshot, g_array_index (story->documents, guint, 0)).id : TALLY_DOCUMENT_ID_NONE;
}

void
tally_grouping_run (TallyGrouping *self)
{
  g_autoptr(GArray) inputs = g_array_sized_new (FALSE, TRUE, sizeof (TallyStoryInput), self->documents->len);
  g_autofree guint *story_of = g_new0 (guint, MAX (1, self->documents->len));
  g_autoptr(GPtrArray) stories = NULL;

  g_return_if_fail (self->facts == NULL);

  /* The fields `tally-cli analyze` gives (tally_analyzed_documents_find_stories()). */
  for (guint i = 0; i < self->documents->len; i++)
    {
      const Snapshot *snapshot = &g_array_index (self->documents, Snapshot, i);
      TallyStoryInput input = {
        .title = snapshot->title,
        .text = snapshot->text != NULL ? snapshot->text->text : NULL,
        .text_len = snapshot->text != NULL ? snapshot->text->text_len : 0,
        .published = snapshot->published,
        .language = snapshot->language,
        .key = snapshot->key,
        .moved_to = snapshot->moved_to,
      };

      g_array_append_val (inputs, input);
    }
  stories = tally_find_stories ((const TallyStoryInput *) inputs->data, inputs->len, story_of);
  for (guint s = 0; s < stories->len; s++)
    {
      const TallyStoryRecord *record = g_ptr_array_index (stories, s);
      g_autofree TallyDocumentId *ids = g_new0 (TallyDocumentId, MAX (1, record->documents->len));
      g_autoptr(TallyStory) story = NULL;

      for (guint d = 0; d < record->documents->len; d++)
        ids[d] = g_array_index (self->documents, Snapshot, g_array_index (record->documents, guint, d)).id;
      story = tally_story_new (record, ids, story_anchor (self, record));
      g_list_store_append (self->stories, story);
    }
  for (guint i = 0; i < self->documents->len; i++)
    {
      Snapshot *snapshot = &g_array_index (self->documents, Snapshot, i);
      g_autoptr(TallyStory) story = g_list_model_get_item (G_LIST_MODEL (self->stories), story_of[i]);

      snapshot->story = story_of[i];
      snapshot->info.story = tally_story_get_id (story);   /* the story list outlives the facts' inputs */
      snapshot->info.story_key = tally_story_get_key (story);
      snapshot->info.published = snapshot->published;
    }
  self->facts = tally_corrections_group (self->corrections, self->claims, document_info, self);
}

GListModel *
tally_grouping_get_facts (TallyGrouping *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->facts;
}

GListModel *
tally_grouping_get_stories (TallyGrouping *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return G_LIST_MODEL (self->stories);
}

TallyStory *
tally_grouping_lookup_story (TallyGrouping   *self,
                             TallyDocumentId  document_id)
{
  guint index;

  g_return_val_if_fail (self != NULL, NULL);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, &document_id));
  if (index == 0 || self->facts == NULL)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->stories), g_array_index (self->documents, Snapshot, index - 1).story);
}
