/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-fact-json.h"
#include "tally-gazetteer.h"
#include "tally-json-builder.h"

#include <math.h>

TallyFactInputs *
tally_fact_inputs_from_documents (GPtrArray *documents)
{
  TallyFactInputs *inputs = g_new0 (TallyFactInputs, 1);

  inputs->inputs = g_array_new (FALSE, TRUE, sizeof (TallyFactInput));
  inputs->strings = g_ptr_array_new_with_free_func (g_free);
  for (guint d = 0; documents != NULL && d < documents->len; d++)
    {
      const TallyAnalyzedDocument *document = g_ptr_array_index (documents, d);
      const TallyDocumentRecord *record = document->record;

      for (guint c = 0; c < document->claims->len; c++)
        {
          const TallyClaimRecord *claim = g_ptr_array_index (document->claims, c);
          TallyFactInput input = {
            .claim_id = g_ptr_array_index (document->claim_ids, c),
            .document_id = document->id,
            .outlet = record != NULL ? record->outlet : NULL,
            .record = claim,
            .story = document->story,
            .story_key = document->story_key,
            .subject = claim->subject,
            .stated = record != NULL ? record->published : NULL,
          };

          if (document->claim_words != NULL)
            {
              input.text = g_ptr_array_index (document->claim_words, c);
              input.sentence = g_ptr_array_index (document->claim_sentences, c);
              g_array_append_val (inputs->inputs, input);
              continue;
            }
          if (record != NULL && claim->end <= record->text_len && claim->start <= claim->end)
            {
              char *text = g_strndup (record->text + claim->start, claim->end - claim->start);

              g_ptr_array_add (inputs->strings, text);
              input.text = text;
            }
          if (record != NULL && claim->sentence_end <= record->text_len
              && claim->sentence_start <= claim->sentence_end)
            {
              char *sentence = g_strndup (record->text + claim->sentence_start,
                                          claim->sentence_end - claim->sentence_start);

              g_ptr_array_add (inputs->strings, sentence);
              input.sentence = sentence;
            }
          g_array_append_val (inputs->inputs, input);
        }
    }
  return inputs;
}

void
tally_fact_inputs_free (TallyFactInputs *inputs)
{
  if (inputs == NULL)
    return;
  g_array_unref (inputs->inputs);
  g_ptr_array_unref (inputs->strings);
  g_free (inputs);
}

static void
add_documents (JsonBuilder *builder,
               GPtrArray   *documents)
{
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < documents->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (documents, i));
  json_builder_end_array (builder);
}

static void
add_value (JsonBuilder          *builder,
           const TallyFactRecord *fact,
           const TallyFactValue  *value)
{
  gboolean dates = fact->kind == TALLY_CLAIM_KIND_YEAR || fact->kind == TALLY_CLAIM_KIND_DATE;

  json_builder_begin_object (builder);
  if (dates)
    {
      tally_json_builder_add_string_or_null (builder, "value", value->value_text);
      tally_json_builder_add_string_or_null (builder, "value_max", value->value_max_text);
    }
  else
    {
      json_builder_set_member_name (builder, "value");
      tally_json_builder_add_number (builder, value->value);
      json_builder_set_member_name (builder, "value_max");
      if (value->has_value_max)
        tally_json_builder_add_number (builder, value->value_max);
      else
        json_builder_add_null_value (builder);
    }
  tally_json_builder_add_string_or_null (builder, "qualifier", tally_qualifier_to_string (value->qualifier));
  tally_json_builder_add_string_or_null (builder, "display", value->data_display);
  tally_json_builder_add_string_or_null (builder, "stated", value->stated);
  json_builder_set_member_name (builder, "side");
  json_builder_add_int_value (builder, value->side);
  add_documents (builder, value->documents);
  json_builder_end_object (builder);
}

JsonNode *
tally_fact_json_node (const TallyFactRecord *fact,
                      const TallyFactInput  *inputs)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  tally_json_builder_add_string_or_null (builder, "id", fact->id);
  tally_json_builder_add_string_or_null (builder, "key", fact->key);
  tally_json_builder_add_string_or_null (builder, "label", fact->label);
  tally_json_builder_add_string_or_null (builder, "measure", fact->measure);
  tally_json_builder_add_string_or_null (builder, "kind", tally_claim_kind_to_string (fact->kind));
  tally_json_builder_add_string_or_null (builder, "unit", fact->unit);
  tally_json_builder_add_string_or_null (builder, "story", fact->story);
  tally_json_builder_add_string_or_null (builder, "subject", fact->subject);
  tally_json_builder_add_string_or_null (builder, "concept", fact->concept);
  tally_json_builder_add_string_or_null (builder, "subject_id", tally_gazetteer_subject_id (fact->subject));
  json_builder_set_member_name (builder, "scope");
  if (fact->scope_year != 0)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, fact->scope_year);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "change");
  json_builder_add_boolean_value (builder, fact->change);
  tally_json_builder_add_string_or_null (builder, "status", tally_fact_status_to_string (fact->status));
  tally_json_builder_add_string_or_null (builder, "explanation", fact->explanation);
  json_builder_set_member_name (builder, "spread");
  tally_json_builder_add_number (builder, fact->spread);

  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < fact->claims->len; i++)
    json_builder_add_string_value (builder, inputs[g_array_index (fact->claims, guint, i)].claim_id);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "values");
  json_builder_begin_array (builder);
  for (guint i = 0; i < fact->values->len; i++)
    add_value (builder, fact, g_ptr_array_index (fact->values, i));
  json_builder_end_array (builder);

  add_documents (builder, fact->documents);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
tally_facts_json_from_documents (GPtrArray *documents)
{
  g_autoptr(TallyFactInputs) inputs = tally_fact_inputs_from_documents (documents);
  g_autoptr(GPtrArray) facts = tally_group_facts ((const TallyFactInput *) inputs->inputs->data,
                                                  inputs->inputs->len);
  JsonArray *array = json_array_sized_new (facts->len);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < facts->len; i++)
    json_array_add_element (array, tally_fact_json_node (g_ptr_array_index (facts, i),
                                                         (const TallyFactInput *) inputs->inputs->data));
  json_node_take_array (node, array);
  return node;
}
