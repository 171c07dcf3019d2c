/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tally-document-private.h"

struct _TallyDocument
{
  GObject parent_instance;

  TallyDocumentId id;
  char *path;
  char *format;
  char *content_hash;
  char *title;
  char *outlet;
  char *published;
  char *author;
  char *language;
  guint word_count;
  guint comment_count;
  guint claim_count;
  guint64 simhash;
  TallyDocumentId cluster_id;
  guint duplicates;
  gint64 imported;
  gboolean has_conflicts;
  TallyStory *story;
};

G_DEFINE_FINAL_TYPE (TallyDocument, tally_document, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_PATH,
  PROP_FORMAT,
  PROP_CONTENT_HASH,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_PUBLISHED,
  PROP_AUTHOR,
  PROP_WORD_COUNT,
  PROP_COMMENT_COUNT,
  PROP_CLAIM_COUNT,
  PROP_SIMHASH,
  PROP_CLUSTER_ID,
  PROP_DUPLICATES,
  PROP_IMPORTED,
  PROP_HAS_CONFLICTS,
  PROP_STORY,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tally_document_finalize (GObject *object)
{
  TallyDocument *self = TALLY_DOCUMENT (object);

  g_free (self->path);
  g_free (self->format);
  g_free (self->content_hash);
  g_free (self->title);
  g_free (self->outlet);
  g_free (self->language);
  g_free (self->published);
  g_free (self->author);
  g_clear_object (&self->story);
  G_OBJECT_CLASS (tally_document_parent_class)->finalize (object);
}

static void
tally_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TallyDocument *self = TALLY_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id.value); break;
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_FORMAT: g_value_set_string (value, self->format); break;
    case PROP_CONTENT_HASH: g_value_set_string (value, self->content_hash); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_OUTLET: g_value_set_string (value, self->outlet); break;
    case PROP_LANGUAGE: g_value_set_string (value, self->language); break;
    case PROP_PUBLISHED: g_value_set_string (value, self->published); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_WORD_COUNT: g_value_set_uint (value, self->word_count); break;
    case PROP_COMMENT_COUNT: g_value_set_uint (value, self->comment_count); break;
    case PROP_CLAIM_COUNT: g_value_set_uint (value, self->claim_count); break;
    case PROP_SIMHASH: g_value_set_uint64 (value, self->simhash); break;
    case PROP_CLUSTER_ID: g_value_set_int64 (value, self->cluster_id.value); break;
    case PROP_DUPLICATES: g_value_set_uint (value, self->duplicates); break;
    case PROP_IMPORTED: g_value_set_int64 (value, self->imported); break;
    case PROP_HAS_CONFLICTS: g_value_set_boolean (value, self->has_conflicts); break;
    case PROP_STORY: g_value_set_object (value, self->story); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_document_class_init (TallyDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tally_document_finalize;
  object_class->get_property = tally_document_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_FORMAT] = g_param_spec_string ("format", NULL, NULL, NULL, flags);
  properties[PROP_CONTENT_HASH] = g_param_spec_string ("content-hash", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_OUTLET] = g_param_spec_string ("outlet", NULL, NULL, NULL, flags);
  /* BCP 47 ("en", "ru", "zh"; "und" when no listed language fits), NULL when never detected. */
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  /* ISO 8601 date ("2026-06-17"): sorts as text. */
  properties[PROP_PUBLISHED] = g_param_spec_string ("published", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_WORD_COUNT] = g_param_spec_uint ("word-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_COMMENT_COUNT] = g_param_spec_uint ("comment-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CLAIM_COUNT] = g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_SIMHASH] = g_param_spec_uint64 ("simhash", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  /* The id of the first document of its near-duplicate cluster. */
  properties[PROP_CLUSTER_ID] = g_param_spec_int64 ("cluster-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* How many other documents are near-duplicates of this one. */
  properties[PROP_DUPLICATES] = g_param_spec_uint ("duplicates", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_IMPORTED] = g_param_spec_int64 ("imported", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* One of its claims is in a conflicting fact (set by TallySession after each grouping). */
  properties[PROP_HAS_CONFLICTS] = g_param_spec_boolean ("has-conflicts", NULL, NULL, FALSE, flags);
  properties[PROP_STORY] = g_param_spec_object ("story", NULL, NULL, TALLY_TYPE_STORY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_document_init (TallyDocument *self)
{
}

TallyDocument *
_tally_document_new_from_info (const TallyStoreDocumentInfo *info)
{
  TallyDocument *self = g_object_new (TALLY_TYPE_DOCUMENT, NULL);

  self->id = info->id;
  self->path = g_strdup (info->path);
  self->format = g_strdup (info->format);
  self->content_hash = g_strdup (info->content_hash);
  self->title = g_strdup (info->title);
  self->outlet = g_strdup (info->outlet);
  self->published = g_strdup (info->published);
  self->author = g_strdup (info->author);
  self->language = g_strdup (info->language);
  self->word_count = info->word_count;
  self->comment_count = info->comment_count;
  self->claim_count = info->claim_count;
  self->simhash = info->simhash;
  self->cluster_id = info->cluster_id;
  self->imported = info->imported;
  return self;
}

void
_tally_document_set_cluster_id (TallyDocument   *self,
                                TallyDocumentId  cluster_id)
{
  g_return_if_fail (TALLY_IS_DOCUMENT (self));
  if (tally_document_id_equal (self->cluster_id, cluster_id))
    return;
  self->cluster_id = cluster_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTER_ID]);
}

void
_tally_document_set_duplicates (TallyDocument *self,
                                guint          duplicates)
{
  g_return_if_fail (TALLY_IS_DOCUMENT (self));
  if (self->duplicates == duplicates)
    return;
  self->duplicates = duplicates;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUPLICATES]);
}

void
_tally_document_set_field (TallyDocument *self,
                           const char    *field,
                           const char    *value)
{
  char **slot = NULL;
  int prop = 0;

  g_return_if_fail (TALLY_IS_DOCUMENT (self));
  if (g_strcmp0 (field, "title") == 0)
    slot = &self->title, prop = PROP_TITLE;
  else if (g_strcmp0 (field, "outlet") == 0)
    slot = &self->outlet, prop = PROP_OUTLET;
  else if (g_strcmp0 (field, "published") == 0)
    slot = &self->published, prop = PROP_PUBLISHED;
  else if (g_strcmp0 (field, "author") == 0)
    slot = &self->author, prop = PROP_AUTHOR;
  else if (g_strcmp0 (field, "language") == 0)
    slot = &self->language, prop = PROP_LANGUAGE;
  g_return_if_fail (slot != NULL);
  if (g_set_str (slot, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_tally_document_set_claim_count (TallyDocument *self,
                                 guint          claim_count)
{
  g_return_if_fail (TALLY_IS_DOCUMENT (self));
  if (self->claim_count == claim_count)
    return;
  self->claim_count = claim_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIM_COUNT]);
}

#define GETTER(type, name) \
  type tally_document_get_##name (TallyDocument *self) \
  { \
    g_return_val_if_fail (TALLY_IS_DOCUMENT (self), 0); \
    return self->name; \
  }

GETTER (const char *, path)
GETTER (const char *, format)
GETTER (const char *, content_hash)
GETTER (const char *, title)
GETTER (const char *, outlet)
GETTER (const char *, published)
GETTER (const char *, author)
GETTER (const char *, language)
GETTER (guint, word_count)
GETTER (guint, comment_count)
GETTER (guint, claim_count)
GETTER (guint64, simhash)
GETTER (guint, duplicates)
GETTER (gint64, imported)

TallyDocumentId
tally_document_get_id (TallyDocument *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENT (self), TALLY_DOCUMENT_ID_NONE);
  return self->id;
}

TallyDocumentId
tally_document_get_cluster_id (TallyDocument *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENT (self), TALLY_DOCUMENT_ID_NONE);
  return self->cluster_id;
}

gboolean
tally_document_get_has_conflicts (TallyDocument *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENT (self), FALSE);
  return self->has_conflicts;
}

void
_tally_document_set_has_conflicts (TallyDocument *self,
                                   gboolean       has_conflicts)
{
  g_return_if_fail (TALLY_IS_DOCUMENT (self));

  has_conflicts = !!has_conflicts;
  if (self->has_conflicts == has_conflicts)
    return;
  self->has_conflicts = has_conflicts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CONFLICTS]);
}

char *
tally_document_format_date (const char *iso_date,
                            gboolean    long_form)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *formatted = NULL;
  const char *start;

  if (iso_date == NULL || iso_date[0] == '\0')
    return NULL;
  if (strlen (iso_date) >= 10)
    {
      g_autofree char *full = g_strdup_printf ("%.10sT00:00:00Z", iso_date);

      date = g_date_time_new_from_iso8601 (full, NULL);
    }
  if (date == NULL)
    return g_strdup (iso_date);
  formatted = g_date_time_format (date, long_form
                                        /* TRANSLATORS: a publication date in the article header, see g_date_time_format() */
                                        ? _("%e %B %Y")
                                        /* TRANSLATORS: a publication date in the article list, see g_date_time_format() */
                                        : _("%e %b %Y"));
  /* %e pads a one-digit day with a space, U+2007 FIGURE SPACE in GLib. */
  start = formatted;
  while (g_str_has_prefix (start, " ") || g_str_has_prefix (start, "\u2007"))
    start += start[0] == ' ' ? 1 : strlen ("\u2007");
  return g_strstrip (g_strdup (start));
}

char *
tally_document_format_subtitle (const char *outlet,
                                const char *author,
                                const char *published,
                                gboolean    long_date)
{
  g_autofree char *date = tally_document_format_date (published, long_date);
  const char *parts[] = { outlet, author, date };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", parts[i]);
  if (out->len == 0)
    g_string_append (out, _("Unknown outlet and date"));
  return g_string_free (out, FALSE);
}

TallyStory *
tally_document_get_story (TallyDocument *self)
{
  g_return_val_if_fail (TALLY_IS_DOCUMENT (self), NULL);
  return self->story;
}

void
_tally_document_set_story (TallyDocument *self,
                           TallyStory    *story)
{
  g_return_if_fail (TALLY_IS_DOCUMENT (self));
  g_return_if_fail (story == NULL || TALLY_IS_STORY (story));

  if (g_set_object (&self->story, story))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
}
