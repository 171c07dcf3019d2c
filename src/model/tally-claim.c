/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-claim.h"

struct _TallyClaim
{
  GObject parent_instance;

  TallyDocumentId document_id;
  TallyClaimRecord *record;
  char *text;
  char *sentence;
  char *edit_note;
};

G_DEFINE_FINAL_TYPE (TallyClaim, tally_claim, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DOCUMENT_ID,
  PROP_KIND,
  PROP_QUALIFIER,
  PROP_HAS_VALUE,
  PROP_VALUE,
  PROP_HAS_VALUE_MAX,
  PROP_VALUE_MAX,
  PROP_VALUE_TEXT,
  PROP_VALUE_MAX_TEXT,
  PROP_UNIT,
  PROP_MEASURE,
  PROP_CHANGE,
  PROP_SCOPE_YEAR,
  PROP_RELATIVE,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_SENTENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tally_claim_finalize (GObject *object)
{
  TallyClaim *self = TALLY_CLAIM (object);

  tally_claim_record_free (self->record);
  g_free (self->text);
  g_free (self->sentence);
  g_free (self->edit_note);
  G_OBJECT_CLASS (tally_claim_parent_class)->finalize (object);
}

static void
tally_claim_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TallyClaim *self = TALLY_CLAIM (object);
  const TallyClaimRecord *r = self->record;

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID: g_value_set_int64 (value, self->document_id.value); break;
    case PROP_KIND: g_value_set_string (value, tally_claim_kind_to_string (r->kind)); break;
    case PROP_QUALIFIER: g_value_set_string (value, tally_qualifier_to_string (r->qualifier)); break;
    case PROP_HAS_VALUE: g_value_set_boolean (value, r->has_value); break;
    case PROP_VALUE: g_value_set_double (value, r->value); break;
    case PROP_HAS_VALUE_MAX: g_value_set_boolean (value, r->has_value_max); break;
    case PROP_VALUE_MAX: g_value_set_double (value, r->value_max); break;
    case PROP_VALUE_TEXT: g_value_set_string (value, r->value_text); break;
    case PROP_VALUE_MAX_TEXT: g_value_set_string (value, r->value_max_text); break;
    case PROP_UNIT: g_value_set_string (value, r->unit); break;
    case PROP_MEASURE: g_value_set_string (value, r->measure); break;
    case PROP_CHANGE: g_value_set_boolean (value, r->change); break;
    case PROP_SCOPE_YEAR: g_value_set_int (value, r->scope_year); break;
    case PROP_RELATIVE: g_value_set_string (value, r->relative); break;
    case PROP_START: g_value_set_uint64 (value, r->start); break;
    case PROP_END: g_value_set_uint64 (value, r->end); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_SENTENCE: g_value_set_string (value, self->sentence); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_claim_class_init (TallyClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tally_claim_finalize;
  object_class->get_property = tally_claim_get_property;

  properties[PROP_DOCUMENT_ID] = g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* "money", "percent", … as tally_claim_kind_to_string() writes them. */
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_QUALIFIER] = g_param_spec_string ("qualifier", NULL, NULL, NULL, flags);
  properties[PROP_HAS_VALUE] = g_param_spec_boolean ("has-value", NULL, NULL, FALSE, flags);
  properties[PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_HAS_VALUE_MAX] = g_param_spec_boolean ("has-value-max", NULL, NULL, FALSE, flags);
  properties[PROP_VALUE_MAX] = g_param_spec_double ("value-max", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_VALUE_TEXT] = g_param_spec_string ("value-text", NULL, NULL, NULL, flags);
  properties[PROP_VALUE_MAX_TEXT] = g_param_spec_string ("value-max-text", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_MEASURE] = g_param_spec_string ("measure", NULL, NULL, NULL, flags);
  properties[PROP_CHANGE] = g_param_spec_boolean ("change", NULL, NULL, FALSE, flags);
  properties[PROP_SCOPE_YEAR] = g_param_spec_int ("scope-year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_RELATIVE] = g_param_spec_string ("relative", NULL, NULL, NULL, flags);
  /* Byte offsets into the document's cleaned text. */
  properties[PROP_START] = g_param_spec_uint64 ("start", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_END] = g_param_spec_uint64 ("end", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_SENTENCE] = g_param_spec_string ("sentence", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_claim_init (TallyClaim *self)
{
}

static char *
slice (const char *text,
       gsize       text_len,
       gsize       start,
       gsize       end)
{
  if (text == NULL || start > end || end > text_len)
    return NULL;
  return g_strndup (text + start, end - start);
}

TallyClaim *
tally_claim_new (TallyDocumentId         document_id,
                 const TallyClaimRecord *record,
                 const char             *text,
                 gsize                   text_len)
{
  TallyClaim *self = g_object_new (TALLY_TYPE_CLAIM, NULL);

  g_return_val_if_fail (record != NULL, self);
  self->document_id = document_id;
  self->record = tally_claim_record_copy (record);
  self->text = slice (text, text_len, record->start, record->end);
  self->sentence = slice (text, text_len, record->sentence_start, record->sentence_end);
  return self;
}

TallyClaim *
tally_claim_new_edited (TallyClaim             *claim,
                        const TallyClaimRecord *record,
                        const char             *edit_note)
{
  TallyClaim *self;

  g_return_val_if_fail (TALLY_IS_CLAIM (claim), NULL);
  g_return_val_if_fail (record != NULL, NULL);
  self = g_object_new (TALLY_TYPE_CLAIM, NULL);
  self->document_id = claim->document_id;
  self->record = tally_claim_record_copy (record);
  self->record->start = claim->record->start;
  self->record->end = claim->record->end;
  self->record->sentence_start = claim->record->sentence_start;
  self->record->sentence_end = claim->record->sentence_end;
  self->text = g_strdup (claim->text);
  self->sentence = g_strdup (claim->sentence);
  self->edit_note = g_strdup (edit_note);
  return self;
}

const char *
tally_claim_get_edit_note (TallyClaim *self)
{
  g_return_val_if_fail (TALLY_IS_CLAIM (self), NULL);
  return self->edit_note;
}

const TallyClaimRecord *
tally_claim_get_record (TallyClaim *self)
{
  g_return_val_if_fail (TALLY_IS_CLAIM (self), NULL);
  return self->record;
}

TallyClaimKey
tally_claim_get_key (TallyClaim *self)
{
  static const TallyClaimKey none = { { 0 }, 0, 0 };

  g_return_val_if_fail (TALLY_IS_CLAIM (self), none);
  return (TallyClaimKey) { self->document_id, self->record->start, self->record->end };
}

guint
tally_claim_key_hash (gconstpointer data)
{
  const TallyClaimKey *key = data;

  return (guint) (key->document_id.value * 1000003 ^ key->start * 7919 ^ key->end);
}

gboolean
tally_claim_key_equal (gconstpointer a,
                       gconstpointer b)
{
  const TallyClaimKey *x = a, *y = b;

  return tally_document_id_equal (x->document_id, y->document_id) && x->start == y->start && x->end == y->end;
}

TallyDocumentId
tally_claim_get_document_id (TallyClaim *self)
{
  g_return_val_if_fail (TALLY_IS_CLAIM (self), TALLY_DOCUMENT_ID_NONE);
  return self->document_id;
}

TallyClaimKind
tally_claim_get_kind (TallyClaim *self)
{
  g_return_val_if_fail (TALLY_IS_CLAIM (self), 0);
  return self->record->kind;
}

TallyQualifier
tally_claim_get_qualifier (TallyClaim *self)
{
  g_return_val_if_fail (TALLY_IS_CLAIM (self), 0);
  return self->record->qualifier;
}

const char *
tally_claim_get_text (TallyClaim *self)
{
  g_return_val_if_fail (TALLY_IS_CLAIM (self), NULL);
  return self->text;
}

const char *
tally_claim_get_sentence (TallyClaim *self)
{
  g_return_val_if_fail (TALLY_IS_CLAIM (self), NULL);
  return self->sentence;
}

const char *
tally_claim_get_measure (TallyClaim *self)
{
  g_return_val_if_fail (TALLY_IS_CLAIM (self), NULL);
  return self->record->measure;
}
