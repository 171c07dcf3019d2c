/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-fact.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tally-claim.h"
#include "tally-document.h"
#include "tally-fact-export.h"
#include "tally-fact-json.h"
#include "tally-project.h"

G_DEFINE_ENUM_TYPE (TallyFactStatus, tally_fact_status,
                    G_DEFINE_ENUM_VALUE (TALLY_FACT_STATUS_CONFLICT, "conflict"),
                    G_DEFINE_ENUM_VALUE (TALLY_FACT_STATUS_QUALIFIED, "qualified"),
                    G_DEFINE_ENUM_VALUE (TALLY_FACT_STATUS_ROUNDING, "rounding"),
                    G_DEFINE_ENUM_VALUE (TALLY_FACT_STATUS_AGREE, "agree"),
                    G_DEFINE_ENUM_VALUE (TALLY_FACT_STATUS_SINGLE, "single"),
                    G_DEFINE_ENUM_VALUE (TALLY_FACT_STATUS_UPDATED, "updated"))

struct _TallyFact
{
  GObject parent_instance;

  char *id;
  char *key;
  char *label;
  char *measure;
  TallyFactStatus status;
  char *explanation;
  char *values_summary;
  char *series;
  char *story;
  guint source_count;
  guint claim_count;
  double spread;
  char *spread_label;
  char *search_text;
  GListStore *claims;
  GArray *claim_keys;           /* TallyClaimKey, in the claims' order */
  /* A kept fact (tally_fact_list_new_kept()): its claims are read when
   * first asked for. */
  struct _KeptSource *kept;
  guint kept_position;          /* its row in the project's kept facts */
  gboolean keys_read;
  gboolean claims_read;
};

typedef struct _KeptSource
{
  TallyProject *project;
  TallyFactClaimLoader loader;
  gpointer data;
  GDestroyNotify destroy;
  GHashTable *conflicting;      /* TallyDocumentId* with a claim in a conflicting fact */
} KeptSource;

static void
kept_source_clear (gpointer data)
{
  KeptSource *source = data;

  if (source->destroy != NULL)
    source->destroy (source->data);
  g_clear_object (&source->project);
  g_clear_pointer (&source->conflicting, g_hash_table_unref);
}

G_DEFINE_FINAL_TYPE (TallyFact, tally_fact, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_LABEL,
  PROP_MEASURE,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_STATUS_STYLE,
  PROP_EXPLANATION,
  PROP_VALUES_SUMMARY,
  PROP_SOURCE_COUNT,
  PROP_CLAIM_COUNT,
  PROP_SPREAD,
  PROP_SPREAD_LABEL,
  PROP_INTEREST,
  PROP_SEARCH_TEXT,
  PROP_SERIES,
  PROP_STORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kept_source_release (gpointer source)
{
  g_rc_box_release_full (source, kept_source_clear);
}

static void
tally_fact_finalize (GObject *object)
{
  TallyFact *self = TALLY_FACT (object);

  g_free (self->id);
  g_free (self->key);
  g_free (self->label);
  g_free (self->measure);
  g_free (self->explanation);
  g_free (self->values_summary);
  g_free (self->series);
  g_free (self->story);
  g_free (self->spread_label);
  g_free (self->search_text);
  g_clear_object (&self->claims);
  g_clear_pointer (&self->claim_keys, g_array_unref);
  g_clear_pointer (&self->kept, kept_source_release);
  G_OBJECT_CLASS (tally_fact_parent_class)->finalize (object);
}

static void
tally_fact_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TallyFact *self = TALLY_FACT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_KEY: g_value_set_string (value, self->key); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_MEASURE: g_value_set_string (value, self->measure); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_STATUS_LABEL: g_value_set_string (value, tally_fact_get_status_label (self)); break;
    case PROP_STATUS_STYLE: g_value_set_string (value, tally_fact_get_status_style (self)); break;
    case PROP_EXPLANATION: g_value_set_string (value, self->explanation); break;
    case PROP_VALUES_SUMMARY: g_value_set_string (value, self->values_summary); break;
    case PROP_SOURCE_COUNT: g_value_set_uint (value, self->source_count); break;
    case PROP_CLAIM_COUNT: g_value_set_uint (value, self->claim_count); break;
    case PROP_SPREAD: g_value_set_double (value, self->spread); break;
    case PROP_SPREAD_LABEL: g_value_set_string (value, self->spread_label); break;
    case PROP_INTEREST: g_value_set_uint (value, tally_fact_get_interest (self)); break;
    case PROP_SEARCH_TEXT: g_value_set_string (value, self->search_text); break;
    case PROP_SERIES: g_value_set_string (value, self->series); break;
    case PROP_STORY: g_value_set_string (value, self->story); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_fact_class_init (TallyFactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tally_fact_finalize;
  object_class->get_property = tally_fact_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  /* Stable across runs, for corrections (see TallyFactInput.group). */
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_MEASURE] = g_param_spec_string ("measure", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, TALLY_TYPE_FACT_STATUS,
                                               TALLY_FACT_STATUS_SINGLE, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_STYLE] = g_param_spec_string ("status-style", NULL, NULL, NULL, flags);
  properties[PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL, flags);
  properties[PROP_VALUES_SUMMARY] = g_param_spec_string ("values-summary", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_COUNT] = g_param_spec_uint ("source-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CLAIM_COUNT] = g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_SPREAD] = g_param_spec_double ("spread", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_SPREAD_LABEL] = g_param_spec_string ("spread-label", NULL, NULL, NULL, flags);
  properties[PROP_INTEREST] = g_param_spec_uint ("interest", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  properties[PROP_SERIES] = g_param_spec_string ("series", NULL, NULL, NULL, flags);
  properties[PROP_STORY] = g_param_spec_string ("story", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_fact_init (TallyFact *self)
{
  self->claims = g_list_store_new (TALLY_TYPE_CLAIM);
  self->claim_keys = g_array_new (FALSE, FALSE, sizeof (TallyClaimKey));
}

/* The outlets (or document ids) behind one value, each once. */
static void
append_outlets (GString              *out,
                const TallyFactValue *value,
                const TallyFactInput *inputs)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean first = TRUE;

  for (guint c = 0; c < value->claims->len; c++)
    {
      const TallyFactInput *input = &inputs[g_array_index (value->claims, guint, c)];
      const char *name = input->outlet != NULL ? input->outlet : input->document_id;

      if (name == NULL || !g_hash_table_add (seen, (gpointer) name))
        continue;
      g_string_append (out, first ? " — " : ", ");
      if (input->outlet != NULL)
        g_string_append (out, name);
      else
        /* Translators: a source without a known outlet, by its document number. */
        g_string_append_printf (out, _("document %s"), name);
      first = FALSE;
    }
}

static int
compare_stated (gconstpointer a,
                gconstpointer b)
{
  const TallyFactValue *x = *(const TallyFactValue *const *) a;
  const TallyFactValue *y = *(const TallyFactValue *const *) b;

  /* Undated values last; ISO dates sort as text. */
  if ((x->stated == NULL) != (y->stated == NULL))
    return x->stated == NULL ? 1 : -1;
  return g_strcmp0 (x->stated, y->stated);
}

/* A moving figure's values in the order they were stated, a line each:
 * "3 May 2024: 120 — Northern Wire". NULL unless the fact is `updated`. */
static char *
format_series (const TallyFactRecord *record,
               const TallyFactInput  *inputs)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (record->status != TALLY_FACT_STATUS_UPDATED)
    return NULL;
  values = g_ptr_array_new ();
  for (guint v = 0; v < record->values->len; v++)
    g_ptr_array_add (values, g_ptr_array_index (record->values, v));
  g_ptr_array_sort (values, compare_stated);
  for (guint v = 0; v < values->len; v++)
    {
      const TallyFactValue *value = g_ptr_array_index (values, v);
      g_autofree char *date = tally_document_format_date (value->stated, TRUE);

      if (v > 0)
        g_string_append_c (out, '\n');
      /* Translators: when a moving figure was stated, then the figure ("3 May 2024: 120") */
      g_string_append_printf (out, _("%s: %s"), date != NULL ? date : _("Undated"), value->display);
      append_outlets (out, value, inputs);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
spread_label (const TallyFactRecord *record)
{
  if (record->values->len < 2 || record->spread == 0)
    return g_strdup ("—");
  if (record->kind == TALLY_CLAIM_KIND_YEAR || record->kind == TALLY_CLAIM_KIND_DATE)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.0f year", "%.0f years", (gulong) record->spread),
                            record->spread);
  if (record->spread < 0.01)
    return g_strdup ("<1%");
  return g_strdup_printf ("%.0f%%", record->spread * 100);
}

static TallyFact *
tally_fact_new (const TallyFactRecord *record,
                const TallyFactInput  *inputs,
                GPtrArray             *claims)
{
  TallyFact *self;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) search = g_string_new (NULL);

  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail (inputs != NULL, NULL);

  self = g_object_new (TALLY_TYPE_FACT, NULL);
  self->id = g_strdup (record->id);
  self->key = g_strdup (record->key);
  self->label = g_strdup (record->label);
  self->measure = g_strdup (record->measure);
  self->status = record->status;
  self->explanation = g_strdup (record->explanation);
  self->source_count = record->documents->len;
  self->claim_count = record->claims->len;
  self->spread = record->spread;
  self->spread_label = spread_label (record);
  self->story = g_strdup (record->story);
  self->series = format_series (record, inputs);

  g_string_append_printf (search, "%s %s", record->label, record->measure ? record->measure : "");
  for (guint v = 0; v < record->values->len; v++)
    {
      const TallyFactValue *value = g_ptr_array_index (record->values, v);

      if (v > 0)
        g_string_append (summary, " · ");
      g_string_append (summary, value->display);
      append_outlets (summary, value, inputs);
      g_string_append_printf (search, " %s", value->display);
      /* "2026-06" and "million t" still find "17 June 2026", "3.5 million tonnes". */
      if (g_strcmp0 (value->data_display, value->display) != 0)
        g_string_append_printf (search, " %s", value->data_display);
    }
  g_string_append_printf (search, " %s", summary->str);
  self->values_summary = g_strdup (summary->str);
  self->search_text = g_utf8_casefold (search->str, -1);

  for (guint c = 0; claims != NULL && c < record->claims->len; c++)
    {
      guint index = g_array_index (record->claims, guint, c);

      if (index < claims->len && g_ptr_array_index (claims, index) != NULL)
        {
          TallyClaimKey key = tally_claim_get_key (g_ptr_array_index (claims, index));

          g_list_store_append (self->claims, g_ptr_array_index (claims, index));
          g_array_append_val (self->claim_keys, key);
        }
    }
  self->claims_read = TRUE;
  return self;
}

const char *
tally_fact_get_id (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  return self->id;
}

const char *
tally_fact_get_key (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  return self->key;
}

const char *
tally_fact_get_label (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  return self->label;
}

const char *
tally_fact_get_measure (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  return self->measure;
}

TallyFactStatus
tally_fact_get_status (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), TALLY_FACT_STATUS_SINGLE);
  return self->status;
}

const char *
tally_fact_get_status_label (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  switch (self->status)
    {
    case TALLY_FACT_STATUS_CONFLICT: return _("Conflict");
    case TALLY_FACT_STATUS_QUALIFIED: return _("Qualified");
    case TALLY_FACT_STATUS_ROUNDING: return _("Rounding");
    case TALLY_FACT_STATUS_AGREE: return _("Agree");
    case TALLY_FACT_STATUS_UPDATED: return _("Updated");
    case TALLY_FACT_STATUS_SINGLE:
    default: return _("Single source");
    }
}

const char *
tally_fact_get_status_style (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  switch (self->status)
    {
    case TALLY_FACT_STATUS_CONFLICT: return "error";
    case TALLY_FACT_STATUS_QUALIFIED: return "warning";
    case TALLY_FACT_STATUS_ROUNDING: return "accent";
    case TALLY_FACT_STATUS_AGREE: return "success";
    case TALLY_FACT_STATUS_UPDATED: return "accent";
    case TALLY_FACT_STATUS_SINGLE:
    default: return "dim-label";
    }
}

const char *
tally_fact_get_explanation (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  return self->explanation;
}

const char *
tally_fact_get_series (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  return self->series;
}

const char *
tally_fact_get_story (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  return self->story;
}

const char *
tally_fact_get_values_summary (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  return self->values_summary;
}

guint
tally_fact_get_source_count (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), 0);
  return self->source_count;
}

guint
tally_fact_get_claim_count (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), 0);
  return self->claim_count;
}

double
tally_fact_get_spread (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), 0);
  return self->spread;
}

const char *
tally_fact_get_spread_label (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  return self->spread_label;
}

guint
tally_fact_get_interest (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), 0);
  /* Conflicts above everything; then the number of sources. */
  return (self->status == TALLY_FACT_STATUS_CONFLICT ? 1u << 30 : 0) + MIN (self->source_count, (1u << 30) - 1);
}

GListModel *
tally_fact_get_claims (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  if (!self->claims_read && self->kept != NULL)
    {
      g_autoptr(GPtrArray) claims = NULL;
      guint n_keys;
      const TallyClaimKey *keys = tally_fact_get_claim_keys (self, &n_keys);

      self->claims_read = TRUE;
      claims = self->kept->loader (keys, n_keys, self->kept->data);
      if (claims != NULL)
        g_list_store_splice (self->claims, 0, 0, claims->pdata, claims->len);
    }
  return G_LIST_MODEL (self->claims);
}

const TallyClaimKey *
tally_fact_get_claim_keys (TallyFact *self,
                           guint     *n_keys)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  g_return_val_if_fail (n_keys != NULL, NULL);
  if (!self->keys_read && self->kept != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) stored = tally_store_kept_fact_claims (tally_project_get_store (self->kept->project),
                                                               self->kept_position, &error);

      self->keys_read = TRUE;
      if (stored == NULL)
        g_warning ("A kept fact of %s: %s", tally_project_get_path (self->kept->project), error->message);
      for (guint c = 0; stored != NULL && c < stored->len; c++)
        {
          const TallyStoreClaimKey *key = &g_array_index (stored, TallyStoreClaimKey, c);
          TallyClaimKey claim = { key->document_id, key->start, key->end };

          g_array_append_val (self->claim_keys, claim);
        }
    }
  *n_keys = self->claim_keys->len;
  return (const TallyClaimKey *) self->claim_keys->data;
}

TallyStoreFact *
tally_fact_to_kept (TallyFact *self)
{
  TallyStoreFact *kept;

  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  kept = tally_store_fact_new ();
  kept->id = g_strdup (self->id);
  kept->key = g_strdup (self->key);
  kept->label = g_strdup (self->label);
  kept->measure = g_strdup (self->measure);
  kept->status = self->status;
  kept->explanation = g_strdup (self->explanation);
  kept->values_summary = g_strdup (self->values_summary);
  kept->series = g_strdup (self->series);
  kept->story = g_strdup (self->story);
  kept->source_count = self->source_count;
  kept->spread = self->spread;
  kept->spread_label = g_strdup (self->spread_label);
  kept->search_text = g_strdup (self->search_text);
  for (guint i = 0; i < self->claim_keys->len; i++)
    {
      const TallyClaimKey *key = &g_array_index (self->claim_keys, TallyClaimKey, i);
      TallyStoreClaimKey stored = { key->document_id, key->start, key->end };

      g_array_append_val (kept->claims, stored);
    }
  return kept;
}

#define FACT_LIST_KEPT "tally-fact-list-kept"

#define FACT_LIST_SOURCE "tally-fact-list-source"

GListModel *
tally_fact_list_new_kept (GPtrArray            *kept,
                          GArray               *conflicting,
                          TallyProject         *project,
                          TallyFactClaimLoader  loader,
                          gpointer              loader_data,
                          GDestroyNotify        destroy)
{
  GListStore *store;
  KeptSource *source;

  g_return_val_if_fail (kept != NULL, NULL);
  g_return_val_if_fail (TALLY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (loader != NULL, NULL);

  store = g_list_store_new (TALLY_TYPE_FACT);
  source = g_rc_box_new0 (KeptSource);
  source->project = g_object_ref (project);
  source->loader = loader;
  source->data = loader_data;
  source->destroy = destroy;
  source->conflicting = g_hash_table_new_full (tally_document_id_hash, tally_document_id_key_equal, g_free, NULL);
  for (guint i = 0; conflicting != NULL && i < conflicting->len; i++)
    g_hash_table_add (source->conflicting, tally_document_id_dup (g_array_index (conflicting, TallyDocumentId, i)));
  for (guint f = 0; f < kept->len; f++)
    {
      const TallyStoreFact *row = g_ptr_array_index (kept, f);
      g_autoptr(TallyFact) self = g_object_new (TALLY_TYPE_FACT, NULL);

      self->id = g_strdup (row->id);
      self->key = g_strdup (row->key);
      self->label = g_strdup (row->label);
      self->measure = g_strdup (row->measure);
      self->status = CLAMP (row->status, TALLY_FACT_STATUS_CONFLICT, TALLY_FACT_STATUS_UPDATED);
      self->explanation = g_strdup (row->explanation);
      self->values_summary = g_strdup (row->values_summary);
      self->series = g_strdup (row->series);
      self->story = g_strdup (row->story);
      self->source_count = row->source_count;
      self->claim_count = row->n_claims;
      self->spread = row->spread;
      self->spread_label = g_strdup (row->spread_label);
      self->search_text = g_strdup (row->search_text);
      self->kept = g_rc_box_acquire (source);
      self->kept_position = f;
      g_list_store_append (store, self);
    }
  g_object_set_data (G_OBJECT (store), FACT_LIST_KEPT, GINT_TO_POINTER (TRUE));
  g_object_set_data_full (G_OBJECT (store), FACT_LIST_SOURCE, source, kept_source_release);
  return G_LIST_MODEL (store);
}

gboolean
tally_fact_list_has_conflicts (GListModel      *facts,
                               TallyDocumentId  document_id)
{
  KeptSource *source;

  g_return_val_if_fail (G_IS_LIST_MODEL (facts), FALSE);
  if ((source = g_object_get_data (G_OBJECT (facts), FACT_LIST_SOURCE)) != NULL)
    return g_hash_table_contains (source->conflicting, &document_id);
  for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);
      guint n_keys;
      const TallyClaimKey *keys;

      if (fact->status != TALLY_FACT_STATUS_CONFLICT)
        continue;
      keys = tally_fact_get_claim_keys (fact, &n_keys);
      for (guint c = 0; c < n_keys; c++)
        if (tally_document_id_equal (keys[c].document_id, document_id))
          return TRUE;
    }
  return FALSE;
}

GArray *
tally_fact_list_dup_conflict_keys (GListModel      *facts,
                                   TallyDocumentId  document_id)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (TallyClaimKey));
  KeptSource *source;

  g_return_val_if_fail (G_IS_LIST_MODEL (facts), out);
  if ((source = g_object_get_data (G_OBJECT (facts), FACT_LIST_SOURCE)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) stored = NULL;

      if (!g_hash_table_contains (source->conflicting, &document_id))
        return out;
      stored = tally_store_kept_conflicts (tally_project_get_store (source->project), document_id, &error);
      if (stored == NULL)
        g_warning ("Kept facts of %s: %s", tally_project_get_path (source->project), error->message);
      for (guint c = 0; stored != NULL && c < stored->len; c++)
        {
          const TallyStoreClaimKey *key = &g_array_index (stored, TallyStoreClaimKey, c);
          TallyClaimKey claim = { key->document_id, key->start, key->end };

          g_array_append_val (out, claim);
        }
      return out;
    }
  for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);
      guint n_keys;
      const TallyClaimKey *keys;

      if (fact->status != TALLY_FACT_STATUS_CONFLICT)
        continue;
      keys = tally_fact_get_claim_keys (fact, &n_keys);
      for (guint c = 0; c < n_keys; c++)
        if (tally_document_id_equal (keys[c].document_id, document_id))
          g_array_append_val (out, keys[c]);
    }
  return out;
}

guint
tally_fact_list_find_claim (GListModel          *facts,
                            const TallyClaimKey *key)
{
  KeptSource *source;

  g_return_val_if_fail (G_IS_LIST_MODEL (facts), G_MAXUINT);
  g_return_val_if_fail (key != NULL, G_MAXUINT);
  if ((source = g_object_get_data (G_OBJECT (facts), FACT_LIST_SOURCE)) != NULL)
    {
      TallyStoreClaimKey stored = { key->document_id, key->start, key->end };
      gint64 position = tally_store_kept_fact_of_claim (tally_project_get_store (source->project), &stored);

      return position >= 0 && position < g_list_model_get_n_items (facts) ? (guint) position : G_MAXUINT;
    }
  for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);
      guint n_keys;
      const TallyClaimKey *keys = tally_fact_get_claim_keys (fact, &n_keys);

      for (guint c = 0; c < n_keys; c++)
        if (tally_claim_key_equal (&keys[c], key))
          return i;
    }
  return G_MAXUINT;
}

gboolean
tally_fact_list_is_kept (GListModel *facts)
{
  g_return_val_if_fail (facts == NULL || G_IS_LIST_MODEL (facts), FALSE);
  return facts != NULL && g_object_get_data (G_OBJECT (facts), FACT_LIST_KEPT) != NULL;
}

const char *
tally_fact_get_search_text (TallyFact *self)
{
  g_return_val_if_fail (TALLY_IS_FACT (self), NULL);
  return self->search_text;
}

/* What a fact list keeps for export: the grouping's records and inputs,
 * and the claims and strings the inputs point into. */
typedef struct
{
  GPtrArray *claims;        /* TallyClaim*, referenced */
  GArray *inputs;           /* TallyFactInput */
  GPtrArray *strings;       /* char*: document ids and outlets */
  GPtrArray *facts;         /* TallyFactRecord* */
} FactListData;

#define FACT_LIST_DATA "tally-fact-list-data"

static void
fact_list_data_free (FactListData *data)
{
  g_ptr_array_unref (data->claims);
  g_array_unref (data->inputs);
  g_ptr_array_unref (data->strings);
  g_ptr_array_unref (data->facts);
  g_free (data);
}

GListModel *
tally_fact_list_new (GPtrArray             *claims,
                     TallyFactDocumentFunc  document_info,
                     gpointer               user_data)
{
  return tally_fact_list_new_corrected (claims, document_info, user_data, NULL, NULL);
}

/* A copy owned by the list's strings, or NULL. */
static const char *
keep (GPtrArray  *strings,
      const char *str)
{
  if (str == NULL)
    return NULL;
  g_ptr_array_add (strings, g_strdup (str));
  return g_ptr_array_index (strings, strings->len - 1);
}

GListModel *
tally_fact_list_new_corrected (GPtrArray             *claims,
                               TallyFactDocumentFunc  document_info,
                               gpointer               user_data,
                               GPtrArray             *groups,
                               GHashTable            *labels)
{
  GListStore *store = g_list_store_new (TALLY_TYPE_FACT);
  FactListData *data = g_new0 (FactListData, 1);
  /* TallyDocumentId* → TallyFactInput with the document's fields set, one
   * per document, its strings owned by the list. */
  g_autoptr(GHashTable) documents = g_hash_table_new_full (tally_document_id_hash, tally_document_id_key_equal,
                                                           g_free, g_free);

  g_return_val_if_fail (groups == NULL || groups->len == claims->len, NULL);

  data->claims = g_ptr_array_ref (claims);
  data->inputs = g_array_sized_new (FALSE, TRUE, sizeof (TallyFactInput), claims->len);
  data->strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < claims->len; i++)
    {
      TallyClaim *claim = g_ptr_array_index (claims, i);
      TallyDocumentId document = tally_claim_get_document_id (claim);
      TallyFactInput *of_document = g_hash_table_lookup (documents, &document);
      TallyFactInput input;

      if (of_document == NULL)
        {
          const TallyFactDocument *info = document_info != NULL ? document_info (document, user_data) : NULL;

          of_document = g_new0 (TallyFactInput, 1);
          g_ptr_array_add (data->strings, tally_document_id_to_key (document));
          of_document->document_id = g_ptr_array_index (data->strings, data->strings->len - 1);
          if (info != NULL)
            {
              of_document->outlet = keep (data->strings, info->outlet);
              of_document->story = keep (data->strings, info->story);
              of_document->story_key = keep (data->strings, info->story_key);
              of_document->stated = keep (data->strings, info->published);
            }
          g_hash_table_insert (documents, tally_document_id_dup (document), of_document);
        }
      input = *of_document;
      input.record = tally_claim_get_record (claim);
      input.text = tally_claim_get_text (claim);
      input.sentence = tally_claim_get_sentence (claim);
      input.subject = input.record != NULL ? input.record->subject : NULL;
      if (groups != NULL && g_ptr_array_index (groups, i) != NULL)
        input.group = keep (data->strings, g_ptr_array_index (groups, i));
      g_array_append_val (data->inputs, input);
    }

  data->facts = tally_group_facts_corrected ((const TallyFactInput *) data->inputs->data, data->inputs->len, labels);
  for (guint f = 0; f < data->facts->len; f++)
    {
      g_autoptr(TallyFact) fact = tally_fact_new (g_ptr_array_index (data->facts, f),
                                                  (const TallyFactInput *) data->inputs->data, claims);

      g_list_store_append (store, fact);
    }
  g_object_set_data_full (G_OBJECT (store), FACT_LIST_DATA, data, (GDestroyNotify) fact_list_data_free);
  return G_LIST_MODEL (store);
}

gboolean
tally_fact_list_export (GListModel             *facts,
                        TallyFactExportFormat   format,
                        const char             *title,
                        GString                *out)
{
  FactListData *data;
  const TallyFactInput *inputs;

  g_return_val_if_fail (facts == NULL || G_IS_LIST_MODEL (facts), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  /* No facts yet (a project still being read) is no error. */
  if (facts == NULL)
    return FALSE;
  data = g_object_get_data (G_OBJECT (facts), FACT_LIST_DATA);
  if (data == NULL)
    return FALSE;
  inputs = (const TallyFactInput *) data->inputs->data;
  switch (format)
    {
    case TALLY_FACT_EXPORT_CSV:
      tally_facts_write_csv (out, data->facts, inputs);
      return TRUE;
    case TALLY_FACT_EXPORT_MARKDOWN:
      tally_facts_write_markdown (out, data->facts, inputs, title);
      return TRUE;
    case TALLY_FACT_EXPORT_JSON:
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();
        g_autoptr(JsonNode) root = NULL;
        g_autofree char *text = NULL;

        json_builder_begin_array (builder);
        for (guint f = 0; f < data->facts->len; f++)
          json_builder_add_value (builder, tally_fact_json_node (g_ptr_array_index (data->facts, f), inputs));
        json_builder_end_array (builder);
        root = json_builder_get_root (builder);
        text = tally_json_to_string (root, 2);
        g_string_append (out, text);
        g_string_append_c (out, '\n');
        return TRUE;
      }
    default:
      g_return_val_if_reached (FALSE);
    }
}
