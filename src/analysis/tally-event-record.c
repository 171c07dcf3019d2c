/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tally-event-record.h"
#include "tally-partial-date.h"
#include "tally-json-builder.h"

static const char *kind_names[TALLY_EVENT_N_KINDS] = {
  "summit", "meeting", "visit", "agreement", "treaty", "declaration",
  "memorandum", "conference", "forum", "election", "launch", "opening",
  "plan", "years", "talks", "start", "completion", "vote", "briefing",
  "hearing", "ruling", "release", "anchor", "incident", "pledge", "other",
};

static const char *precision_names[] = { "day", "month", "year", "range", "decade" };

const char *
tally_event_kind_to_string (TallyEventKind kind)
{
  g_return_val_if_fail (kind < TALLY_EVENT_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
tally_event_kind_from_string (const char     *str,
                              TallyEventKind *kind)
{
  for (guint i = 0; i < TALLY_EVENT_N_KINDS; i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
tally_event_precision_to_string (TallyEventPrecision precision)
{
  g_return_val_if_fail (precision <= TALLY_EVENT_PRECISION_DECADE, NULL);
  return precision_names[precision];
}

TallyEventMention *
tally_event_mention_new (void)
{
  return g_new0 (TallyEventMention, 1);
}

void
tally_event_mention_free (TallyEventMention *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->document);
  g_free (mention->text);
  g_free (mention->date);
  g_free (mention->date_end);
  g_free (mention->language);
  g_free (mention);
}

TallyEventAlternative *
tally_event_alternative_new (void)
{
  TallyEventAlternative *alternative = g_new0 (TallyEventAlternative, 1);

  alternative->documents = g_ptr_array_new_with_free_func (g_free);
  return alternative;
}

void
tally_event_alternative_free (TallyEventAlternative *alternative)
{
  if (alternative == NULL)
    return;
  g_free (alternative->date);
  g_free (alternative->date_end);
  g_ptr_array_unref (alternative->documents);
  g_free (alternative);
}

TallyEventRecord *
tally_event_record_new (void)
{
  TallyEventRecord *record = g_new0 (TallyEventRecord, 1);

  record->participants = g_ptr_array_new_with_free_func (g_free);
  record->alternatives = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_event_alternative_free);
  record->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_event_mention_free);
  record->labels = g_ptr_array_new_with_free_func (g_free);
  record->places = g_ptr_array_new_with_free_func (g_free);
  return record;
}

static gpointer
copy_string (gconstpointer src,
             gpointer      data)
{
  return g_strdup (src);
}

static gpointer
copy_alternative (gconstpointer src,
                  gpointer      data)
{
  const TallyEventAlternative *a = src;
  TallyEventAlternative *copy = tally_event_alternative_new ();

  copy->date = g_strdup (a->date);
  copy->date_end = g_strdup (a->date_end);
  copy->first_day = a->first_day;
  copy->last_day = a->last_day;
  for (guint i = 0; i < a->documents->len; i++)
    g_ptr_array_add (copy->documents, g_strdup (g_ptr_array_index (a->documents, i)));
  return copy;
}

static gpointer
copy_mention (gconstpointer src,
              gpointer      data)
{
  const TallyEventMention *m = src;
  TallyEventMention *copy = tally_event_mention_new ();

  copy->document = g_strdup (m->document);
  copy->start = m->start;
  copy->end = m->end;
  copy->text = g_strdup (m->text);
  copy->date = g_strdup (m->date);
  copy->date_end = g_strdup (m->date_end);
  copy->language = g_strdup (m->language);
  return copy;
}

TallyEventRecord *
tally_event_record_copy (const TallyEventRecord *record)
{
  TallyEventRecord *copy = tally_event_record_new ();

  copy->id = g_strdup (record->id);
  copy->label = g_strdup (record->label);
  copy->kind = record->kind;
  copy->date = g_strdup (record->date);
  copy->date_end = g_strdup (record->date_end);
  copy->precision = record->precision;
  copy->first_day = record->first_day;
  copy->last_day = record->last_day;
  copy->place = g_strdup (record->place);
  copy->at_event = g_strdup (record->at_event);
  copy->at_event_label = g_strdup (record->at_event_label);
  copy->planned = record->planned;
  copy->disputed = record->disputed;
  copy->year_inferred = record->year_inferred;
  g_ptr_array_extend (copy->participants, record->participants, copy_string, NULL);
  g_ptr_array_extend (copy->alternatives, record->alternatives, copy_alternative, NULL);
  g_ptr_array_extend (copy->mentions, record->mentions, copy_mention, NULL);
  g_ptr_array_extend (copy->labels, record->labels, copy_string, NULL);
  g_ptr_array_extend (copy->places, record->places, copy_string, NULL);
  return copy;
}

void
tally_event_record_free (TallyEventRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->id);
  g_free (record->label);
  g_free (record->date);
  g_free (record->date_end);
  g_free (record->place);
  g_free (record->at_event);
  g_free (record->at_event_label);
  g_ptr_array_unref (record->participants);
  g_ptr_array_unref (record->alternatives);
  g_ptr_array_unref (record->mentions);
  g_ptr_array_unref (record->labels);
  g_ptr_array_unref (record->places);
  g_free (record);
}

gboolean
tally_event_parse_iso_date (const char *iso,
                            guint32    *first_day,
                            guint32    *last_day)
{
  TallyPartialDate date;

  if (!tally_partial_date_parse (iso, TALLY_PARTIAL_DATE_YEAR_MONTH_DAY, &date))
    return FALSE;
  tally_partial_date_get_julian_span (&date, first_day, last_day);
  return TRUE;
}

JsonNode *
tally_event_record_to_json (const TallyEventRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  tally_json_builder_add_string_or_null (builder, "id", record->id);
  tally_json_builder_add_string_or_null (builder, "label", record->label);
  tally_json_builder_add_string_or_null (builder, "kind", tally_event_kind_to_string (record->kind));
  tally_json_builder_add_string_or_null (builder, "date", record->date);
  tally_json_builder_add_string_or_null (builder, "date_end", record->date_end);
  tally_json_builder_add_string_or_null (builder, "precision", tally_event_precision_to_string (record->precision));
  tally_json_builder_add_string_or_null (builder, "place", record->place);
  json_builder_set_member_name (builder, "participants");
  json_builder_begin_array (builder);
  for (guint i = 0; i < record->participants->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (record->participants, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "planned");
  json_builder_add_boolean_value (builder, record->planned);
  json_builder_set_member_name (builder, "disputed");
  json_builder_add_boolean_value (builder, record->disputed);
  json_builder_set_member_name (builder, "year_inferred");
  json_builder_add_boolean_value (builder, record->year_inferred);

  /* Alternatives are listed only when they disagree (as the sample truth
   * writes it); an undisputed event's one date is `date` itself. */
  json_builder_set_member_name (builder, "alternatives");
  json_builder_begin_array (builder);
  for (guint i = 0; record->disputed && i < record->alternatives->len; i++)
    {
      const TallyEventAlternative *a = g_ptr_array_index (record->alternatives, i);

      json_builder_begin_object (builder);
      tally_json_builder_add_string_or_null (builder, "date", a->date);
      tally_json_builder_add_string_or_null (builder, "date_end", a->date_end);
      json_builder_set_member_name (builder, "documents");
      json_builder_begin_array (builder);
      for (guint j = 0; j < a->documents->len; j++)
        json_builder_add_string_value (builder, g_ptr_array_index (a->documents, j));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "mentions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < record->mentions->len; i++)
    {
      const TallyEventMention *m = g_ptr_array_index (record->mentions, i);

      json_builder_begin_object (builder);
      tally_json_builder_add_string_or_null (builder, "document", m->document);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, m->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, m->end);
      tally_json_builder_add_string_or_null (builder, "text", m->text);
      tally_json_builder_add_string_or_null (builder, "language", m->language);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  tally_json_builder_add_string_or_null (builder, "at_event", record->at_event);
  json_builder_set_member_name (builder, "labels");
  json_builder_begin_object (builder);
  for (guint i = 0; i + 1 < record->labels->len; i += 2)
    {
      json_builder_set_member_name (builder, g_ptr_array_index (record->labels, i));
      json_builder_add_string_value (builder, g_ptr_array_index (record->labels, i + 1));
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "places");
  json_builder_begin_object (builder);
  for (guint i = 0; i + 1 < record->places->len; i += 2)
    {
      json_builder_set_member_name (builder, g_ptr_array_index (record->places, i));
      json_builder_add_string_value (builder, g_ptr_array_index (record->places, i + 1));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
