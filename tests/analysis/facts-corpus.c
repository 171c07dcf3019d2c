/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "facts-corpus.h"

FactsCorpus *
facts_corpus_new (void)
{
  FactsCorpus *corpus = g_new0 (FactsCorpus, 1);

  corpus->records = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);
  corpus->strings = g_ptr_array_new_with_free_func (g_free);
  corpus->inputs = g_array_new (FALSE, TRUE, sizeof (TallyFactInput));
  return corpus;
}

void
facts_corpus_free (FactsCorpus *corpus)
{
  g_ptr_array_unref (corpus->records);
  g_ptr_array_unref (corpus->strings);
  g_array_unref (corpus->inputs);
  g_free (corpus);
}

static const char *
keep (FactsCorpus *corpus,
      char        *str)
{
  g_ptr_array_add (corpus->strings, str);
  return str;
}

void
facts_corpus_add (FactsCorpus     *corpus,
                  const FactsSpec *spec)
{
  TallyClaimRecord *record = tally_claim_record_new ();
  TallyFactInput input = { 0 };

  record->kind = spec->kind;
  record->has_value = spec->date != NULL || spec->kind != TALLY_CLAIM_KIND_YEAR;
  record->value = spec->date != NULL ? g_ascii_strtod (spec->date, NULL) : spec->value;
  record->has_value_max = spec->has_max;
  record->value_max = spec->value_max;
  record->value_text = g_strdup (spec->date);
  record->value_max_text = g_strdup (spec->date_max);
  record->unit = g_strdup (spec->unit);
  record->qualifier = spec->qualifier;
  record->measure = g_strdup (spec->measure);
  record->scope_year = spec->scope;
  record->change = spec->change;
  record->subject = g_strdup (spec->subject);
  record->subject_kind = spec->subject_kind;
  record->modality = spec->modality;
  g_ptr_array_add (corpus->records, record);

  input.claim_id = keep (corpus, g_strdup_printf ("c%u", corpus->inputs->len + 1));
  input.document_id = spec->doc;
  input.outlet = spec->outlet;
  input.record = record;
  input.text = spec->text;
  input.sentence = spec->sentence;
  input.group = spec->group;
  input.story = spec->story;
  input.story_key = spec->story_key;
  input.subject = spec->subject;
  input.stated = spec->stated;
  g_array_append_val (corpus->inputs, input);
}

GPtrArray *
facts_corpus_group (FactsCorpus *corpus)
{
  return tally_group_facts ((const TallyFactInput *) corpus->inputs->data, corpus->inputs->len);
}

TallyFactRecord *
facts_find (GPtrArray  *facts,
            const char *label)
{
  TallyFactRecord *found = NULL;

  for (guint i = 0; i < facts->len; i++)
    {
      TallyFactRecord *fact = g_ptr_array_index (facts, i);

      if (g_str_equal (fact->label, label))
        {
          if (found != NULL)
            g_error ("two facts are labelled “%s”", label);
          found = fact;
        }
    }
  if (found == NULL)
    {
      g_autoptr(GString) labels = g_string_new (NULL);

      for (guint i = 0; i < facts->len; i++)
        g_string_append_printf (labels, "\n  “%s”", ((TallyFactRecord *) g_ptr_array_index (facts, i))->label);
      g_error ("no fact labelled “%s”; facts are:%s", label, labels->str);
    }
  return found;
}

char *
facts_value_documents (const TallyFactValue *value)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < value->documents->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "", (const char *) g_ptr_array_index (value->documents, i));
  return g_string_free (out, FALSE);
}

char *
facts_claim_ids (FactsCorpus *corpus,
                 GArray      *claims)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < claims->len; i++)
    {
      guint index = g_array_index (claims, guint, i);

      g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                              g_array_index (corpus->inputs, TallyFactInput, index).claim_id);
    }
  return g_string_free (out, FALSE);
}
