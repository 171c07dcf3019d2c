/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-json-export.h"
#include "tally-fact-json.h"
#include "tally-events.h"
#include "tally-json-builder.h"

#include <math.h>
#include <string.h>

TallyAnalyzedDocument *
tally_analyzed_document_new (const char *id,
                             const char *path)
{
  TallyAnalyzedDocument *document = g_new0 (TallyAnalyzedDocument, 1);

  document->id = g_strdup (id);
  document->path = g_strdup (path);
  document->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);
  document->claim_ids = g_ptr_array_new_with_free_func (g_free);
  document->errors = g_ptr_array_new_with_free_func (g_free);
  return document;
}

void
tally_analyzed_document_free (TallyAnalyzedDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->id);
  g_free (document->path);
  g_clear_pointer (&document->record, tally_document_record_free);
  g_ptr_array_unref (document->claims);
  g_ptr_array_unref (document->claim_ids);
  g_ptr_array_unref (document->errors);
  g_free (document->reference_date);
  g_free (document);
}

/* The fewest digits that read back as the same double: "33.33", not
 * "33.329999999999998". */
static void
format_number (char   *buf,
               gsize   size,
               double  value)
{
  if (!isfinite (value))
    {
      g_strlcpy (buf, "null", size);  /* JSON has no NaN or infinity */
      return;
    }
  if (value == floor (value) && fabs (value) < 9007199254740992.0)
    {
      g_snprintf (buf, size, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }
  for (int digits = 1; digits <= 17; digits++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%dg", digits);

      g_ascii_formatd (buf, size, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

JsonNode *
tally_json_document_node (const TallyAnalyzedDocument *document)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const TallyDocumentRecord *record = document->record;

  json_builder_begin_object (builder);
  tally_json_builder_add_string_or_null (builder, "id", document->id);
  tally_json_builder_add_string_or_null (builder, "path", document->path);
  tally_json_builder_add_string_or_null (builder, "title", record ? record->title : NULL);
  tally_json_builder_add_string_or_null (builder, "outlet", record ? record->outlet : NULL);
  tally_json_builder_add_string_or_null (builder, "published", record ? record->published : NULL);
  json_builder_set_member_name (builder, "words");
  json_builder_add_int_value (builder, record ? record->word_count : 0);
  json_builder_set_member_name (builder, "comments");
  json_builder_begin_array (builder);
  for (guint i = 0; record != NULL && record->comments != NULL && i < record->comments->len; i++)
    {
      const TallyComment *comment = g_ptr_array_index (record->comments, i);

      json_builder_begin_object (builder);
      tally_json_builder_add_string_or_null (builder, "author", comment->author);
      tally_json_builder_add_string_or_null (builder, "text", comment->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < document->errors->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (document->errors, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
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

/* A sentence as a reader sees it: line breaks inside it become spaces. */
static char *
sentence_text (const char *text,
               gsize       text_len,
               gsize       start,
               gsize       end)
{
  char *s = slice (text, text_len, start, end);

  for (char *p = s; p != NULL && *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return s;
}

static void
add_value (JsonBuilder            *builder,
           const TallyClaimRecord *claim,
           gboolean                max)
{
  gboolean has = max ? claim->has_value_max : claim->has_value;
  const char *text = max ? claim->value_max_text : claim->value_text;

  if (!has)
    json_builder_add_null_value (builder);
  else if (claim->kind == TALLY_CLAIM_KIND_YEAR || claim->kind == TALLY_CLAIM_KIND_DATE)
    {
      if (text != NULL)
        json_builder_add_string_value (builder, text);
      else
        json_builder_add_null_value (builder);
    }
  else
    tally_json_builder_add_number (builder, max ? claim->value_max : claim->value);
}

JsonNode *
tally_json_claim_node (const TallyClaimRecord *claim,
                       const char             *id,
                       const char             *document_id,
                       const char             *text,
                       gsize                   text_len)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *words = slice (text, text_len, claim->start, claim->end);
  g_autofree char *sentence = sentence_text (text, text_len, claim->sentence_start, claim->sentence_end);

  json_builder_begin_object (builder);
  tally_json_builder_add_string_or_null (builder, "id", id);
  tally_json_builder_add_string_or_null (builder, "document", document_id);
  tally_json_builder_add_string_or_null (builder, "kind", tally_claim_kind_to_string (claim->kind));
  json_builder_set_member_name (builder, "value");
  add_value (builder, claim, FALSE);
  json_builder_set_member_name (builder, "value_max");
  add_value (builder, claim, TRUE);
  tally_json_builder_add_string_or_null (builder, "unit", claim->unit);
  tally_json_builder_add_string_or_null (builder, "qualifier", tally_qualifier_to_string (claim->qualifier));
  tally_json_builder_add_string_or_null (builder, "measure", claim->measure);
  json_builder_set_member_name (builder, "change");
  json_builder_add_boolean_value (builder, claim->change);
  json_builder_set_member_name (builder, "scope");
  if (claim->scope_year != 0)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, claim->scope_year);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  tally_json_builder_add_string_or_null (builder, "relative", claim->relative);
  tally_json_builder_add_string_or_null (builder, "text", words);
  tally_json_builder_add_string_or_null (builder, "sentence", sentence);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, claim->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, claim->end);
  tally_json_builder_add_string_or_null (builder, "subject", claim->subject);
  tally_json_builder_add_string_or_null (builder, "subject_kind",
                                         claim->subject != NULL ? tally_subject_kind_to_string (claim->subject_kind) : NULL);
  tally_json_builder_add_string_or_null (builder, "modality", tally_modality_to_string (claim->modality));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
tally_json_facts_node (GPtrArray *documents)
{
  /* FACTS (issue 6): grouped and graded in src/analysis/tally-facts.h. */
  return tally_facts_json_from_documents (documents);
}

void
tally_json_add_document_events (TallyEventFinder            *finder,
                                const TallyAnalyzedDocument *document)
{
  g_autofree char *guessed = NULL;
  const char *date;

  if (document->record == NULL || document->record->text == NULL)
    return;
  date = document->reference_date;
  if (date == NULL)
    date = document->record->published;
  if (date == NULL)
    date = guessed = tally_events_guess_published (document->record->text, document->record->text_len);
  tally_event_finder_add_document (finder, document->id, document->record->text,
                                   document->record->text_len, date);
}

JsonNode *
tally_json_events_node (GPtrArray *documents)
{
  JsonArray *events = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  /* EVENTS (issue 7): merged across documents by the event finder
   * (src/analysis/tally-events.h). */
  g_autoptr(TallyEventFinder) finder = tally_event_finder_new (NULL, NULL);
  g_autoptr(GPtrArray) found = NULL;

  for (guint d = 0; finder != NULL && d < documents->len; d++)
    tally_json_add_document_events (finder, g_ptr_array_index (documents, d));
  found = finder != NULL ? tally_event_finder_finish (finder) : g_ptr_array_new ();
  for (guint e = 0; e < found->len; e++)
    json_array_add_element (events, tally_event_record_to_json (g_ptr_array_index (found, e)));

  json_node_take_array (node, events);
  return node;
}

JsonNode *
tally_json_analysis_node (GPtrArray  *documents,
                          const char *version)
{
  JsonObject *root = json_object_new ();
  JsonObject *tally = json_object_new ();
  JsonArray *docs = json_array_new ();
  JsonArray *claims = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (tally, "version", version);
  json_object_set_object_member (root, "tally", tally);
  for (guint d = 0; d < documents->len; d++)
    {
      const TallyAnalyzedDocument *document = g_ptr_array_index (documents, d);
      const char *text = document->record ? document->record->text : NULL;
      gsize text_len = document->record ? document->record->text_len : 0;

      json_array_add_element (docs, tally_json_document_node (document));
      for (guint c = 0; c < document->claims->len; c++)
        json_array_add_element (claims, tally_json_claim_node (g_ptr_array_index (document->claims, c),
                                                               g_ptr_array_index (document->claim_ids, c),
                                                               document->id, text, text_len));
    }
  json_object_set_array_member (root, "documents", docs);
  json_object_set_array_member (root, "claims", claims);
  json_object_set_member (root, "facts", tally_json_facts_node (documents));
  json_object_set_member (root, "events", tally_json_events_node (documents));
  json_node_take_object (node, root);
  return node;
}

static void
write_string (GString    *out,
              const char *str)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) str; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     indent,
            guint     depth)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean pretty = indent > 0;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            if (pretty)
              {
                g_string_append_c (out, '\n');
                g_string_append_printf (out, "%*s", (int) (indent * (depth + 1)), "");
              }
            write_string (out, l->data);
            g_string_append (out, pretty ? ": " : ":");
            write_node (out, json_object_get_member (object, l->data), indent, depth + 1);
          }
        if (pretty && !first)
          {
            g_string_append_c (out, '\n');
            g_string_append_printf (out, "%*s", (int) (indent * depth), "");
          }
        g_string_append_c (out, '}');
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            if (pretty)
              {
                g_string_append_c (out, '\n');
                g_string_append_printf (out, "%*s", (int) (indent * (depth + 1)), "");
              }
            write_node (out, json_array_get_element (array, i), indent, depth + 1);
          }
        if (pretty && n > 0)
          {
            g_string_append_c (out, '\n');
            g_string_append_printf (out, "%*s", (int) (indent * depth), "");
          }
        g_string_append_c (out, ']');
        break;
      }
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          format_number (buf, sizeof buf, json_node_get_double (node));
          g_string_append (out, buf);
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
        default:
          write_string (out, json_node_get_string (node) ? json_node_get_string (node) : "");
          break;
        }
      break;
    }
}

char *
tally_json_to_string (JsonNode *node,
                      guint     indent)
{
  GString *out = g_string_new (NULL);

  write_node (out, node, indent, 0);
  return g_string_free (out, FALSE);
}

static void
csv_field (GString    *out,
           const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\n\r") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
tally_csv_write_header (GString *out)
{
  g_string_append (out, "id,document,path,kind,value,value_max,unit,qualifier,measure,change,"
                        "scope_year,relative,text,sentence,start,end,subject,subject_kind,modality\n");
}

static void
csv_value (GString                *out,
           const TallyClaimRecord *claim,
           gboolean                max)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!(max ? claim->has_value_max : claim->has_value))
    return;
  if (claim->kind == TALLY_CLAIM_KIND_YEAR || claim->kind == TALLY_CLAIM_KIND_DATE)
    {
      csv_field (out, max ? claim->value_max_text : claim->value_text);
      return;
    }
  format_number (buf, sizeof buf, max ? claim->value_max : claim->value);
  g_string_append (out, buf);
}

void
tally_csv_write_claim (GString                *out,
                       const TallyClaimRecord *claim,
                       const char             *id,
                       const char             *document_id,
                       const char             *path,
                       const char             *text,
                       gsize                   text_len)
{
  g_autofree char *words = slice (text, text_len, claim->start, claim->end);
  g_autofree char *sentence = sentence_text (text, text_len, claim->sentence_start, claim->sentence_end);

  csv_field (out, id);
  g_string_append_c (out, ',');
  csv_field (out, document_id);
  g_string_append_c (out, ',');
  csv_field (out, path);
  g_string_append_c (out, ',');
  csv_field (out, tally_claim_kind_to_string (claim->kind));
  g_string_append_c (out, ',');
  csv_value (out, claim, FALSE);
  g_string_append_c (out, ',');
  csv_value (out, claim, TRUE);
  g_string_append_c (out, ',');
  csv_field (out, claim->unit);
  g_string_append_c (out, ',');
  csv_field (out, tally_qualifier_to_string (claim->qualifier));
  g_string_append_c (out, ',');
  csv_field (out, claim->measure);
  g_string_append_c (out, ',');
  g_string_append (out, claim->change ? "true" : "false");
  g_string_append_c (out, ',');
  if (claim->scope_year != 0)
    g_string_append_printf (out, "%d", claim->scope_year);
  g_string_append_c (out, ',');
  csv_field (out, claim->relative);
  g_string_append_c (out, ',');
  csv_field (out, words);
  g_string_append_c (out, ',');
  csv_field (out, sentence);
  g_string_append_printf (out, ",%" G_GSIZE_FORMAT ",%" G_GSIZE_FORMAT ",", claim->start, claim->end);
  csv_field (out, claim->subject);
  g_string_append_c (out, ',');
  if (claim->subject != NULL)
    csv_field (out, tally_subject_kind_to_string (claim->subject_kind));
  g_string_append_c (out, ',');
  csv_field (out, tally_modality_to_string (claim->modality));
  g_string_append_c (out, '\n');
}
