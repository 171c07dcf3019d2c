/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-json-export.h"
#include "tally-concepts.h"
#include "tally-gazetteer.h"
#include "tally-fact-json.h"
#include "tally-events.h"
#include "tally-json-builder.h"
#include "tally-csv.h"

#include <math.h>
#include <string.h>

TallyAnalyzedDocument *
tally_analyzed_document_new (const char *id,
                             const char *path)
{
  TallyAnalyzedDocument *document = g_new0 (TallyAnalyzedDocument, 1);

  document->id = g_strdup (id);
  /* JSON and CSV are UTF-8; a file name is bytes (0xFF, a newline…). Names
   * that are not UTF-8 are written as the file chooser shows them, with
   * U+FFFD for the bytes that say nothing. */
  document->path = path == NULL || g_utf8_validate (path, -1, NULL) ? g_strdup (path) : g_filename_display_name (path);
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
  g_free (document->story);
  g_free (document->story_key);
  g_clear_pointer (&document->claim_words, g_ptr_array_unref);
  g_clear_pointer (&document->claim_sentences, g_ptr_array_unref);
  g_clear_pointer (&document->records, g_array_unref);
  g_free (document->strings);
  g_free (document);
}

/* The strings a kept document's claims need, packed into one buffer while
 * their places are noted as offsets + 1 (0: NULL); pointers are made once
 * the buffer no longer grows. */
typedef struct
{
  GString *buffer;
  GHashTable *seen;     /* a source string → its offset + 1: measures, units repeat */
} Pack;

static gsize
pack_len (Pack       *pack,
          const char *str,
          gsize       len)
{
  gsize at = pack->buffer->len + 1;

  g_string_append_len (pack->buffer, str, len);
  g_string_append_c (pack->buffer, '\0');
  return at;
}

static char *
pack_string (Pack       *pack,
             const char *str)
{
  gpointer at;

  if (str == NULL)
    return NULL;
  if (!g_hash_table_lookup_extended (pack->seen, str, NULL, &at))
    {
      at = GSIZE_TO_POINTER (pack_len (pack, str, strlen (str)));
      g_hash_table_insert (pack->seen, (gpointer) str, at);
    }
  return at;
}

/* text[start, end) as far as a NUL, as g_strndup() copies it; 0 when the
 * span is not inside the text. */
static gsize
pack_span (Pack       *pack,
           const char *text,
           gsize       text_len,
           gsize       start,
           gsize       end)
{
  if (text == NULL || end > text_len || start > end)
    return 0;
  return pack_len (pack, text + start, strnlen (text + start, end - start));
}

static char *
unpack (const char *buffer,
        gpointer    at)
{
  return at != NULL ? (char *) buffer + GPOINTER_TO_SIZE (at) - 1 : NULL;
}

void
tally_analyzed_document_keep_for_facts (TallyAnalyzedDocument *document)
{
  TallyDocumentRecord *record = document->record;
  Pack pack;
  guint n;
  gsize lead;

  if (record == NULL || document->strings != NULL)
    return;
  n = document->claims->len;
  pack.buffer = g_string_new (NULL);
  pack.seen = g_hash_table_new (g_str_hash, g_str_equal);
  document->records = g_array_sized_new (FALSE, FALSE, sizeof (TallyClaimRecord), n);
  document->claim_words = g_ptr_array_sized_new (n);
  document->claim_sentences = g_ptr_array_sized_new (n);
  for (guint c = 0; c < n; c++)
    {
      const TallyClaimRecord *claim = g_ptr_array_index (document->claims, c);
      const TallyClaimRecord *previous = c > 0 ? g_ptr_array_index (document->claims, c - 1) : NULL;
      TallyClaimRecord copy = *claim;
      gsize sentence;

      copy.value_text = pack_string (&pack, claim->value_text);
      copy.value_max_text = pack_string (&pack, claim->value_max_text);
      copy.unit = pack_string (&pack, claim->unit);
      copy.measure = pack_string (&pack, claim->measure);
      copy.relative = pack_string (&pack, claim->relative);
      copy.subject = pack_string (&pack, claim->subject);
      g_array_append_val (document->records, copy);
      g_ptr_array_add (document->claim_words,
                       GSIZE_TO_POINTER (pack_span (&pack, record->text, record->text_len, claim->start, claim->end)));
      /* Claims of one sentence share its copy. */
      if (previous != NULL && previous->sentence_start == claim->sentence_start
          && previous->sentence_end == claim->sentence_end)
        sentence = GPOINTER_TO_SIZE (g_ptr_array_index (document->claim_sentences, c - 1));
      else
        sentence = pack_span (&pack, record->text, record->text_len, claim->sentence_start, claim->sentence_end);
      g_ptr_array_add (document->claim_sentences, GSIZE_TO_POINTER (sentence));
    }
  g_hash_table_unref (pack.seen);
  document->strings_len = pack.buffer->len;
  document->strings = g_string_free (pack.buffer, FALSE);
  document->strings = g_realloc (document->strings, MAX (1, document->strings_len));
  g_ptr_array_unref (document->claims);
  document->claims = g_ptr_array_sized_new (n);
  for (guint c = 0; c < n; c++)
    {
      TallyClaimRecord *copy = &g_array_index (document->records, TallyClaimRecord, c);

      copy->value_text = unpack (document->strings, copy->value_text);
      copy->value_max_text = unpack (document->strings, copy->value_max_text);
      copy->unit = unpack (document->strings, copy->unit);
      copy->measure = unpack (document->strings, copy->measure);
      copy->relative = unpack (document->strings, copy->relative);
      copy->subject = unpack (document->strings, copy->subject);
      g_ptr_array_add (document->claims, copy);
      document->claim_words->pdata[c] = unpack (document->strings, document->claim_words->pdata[c]);
      document->claim_sentences->pdata[c] = unpack (document->strings, document->claim_sentences->pdata[c]);
    }

  /* The stories read the lead; nothing else reads the text from here. */
  lead = record->text != NULL ? tally_story_lead_length (record->text, record->text_len) : 0;
  if (record->text != NULL && lead < record->text_len)
    {
      record->text = g_realloc (record->text, lead + 1);
      record->text[lead] = '\0';
      record->text_len = lead;
    }
  g_clear_pointer (&record->tokens, g_array_unref);
  g_array_unref (record->paragraphs);
  record->paragraphs = g_array_new (FALSE, FALSE, sizeof (TallySpan));
  g_array_unref (record->sentences);
  record->sentences = g_array_new (FALSE, FALSE, sizeof (TallySpan));
  g_array_unref (record->offset_map);
  record->offset_map = g_array_new (FALSE, FALSE, sizeof (TallyOffsetMapEntry));
  g_ptr_array_set_size (record->boilerplate, 0);
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
  static const char *const formats[] = { "%.1g", "%.2g", "%.3g", "%.4g", "%.5g", "%.6g", "%.7g", "%.8g",
                                          "%.9g", "%.10g", "%.11g", "%.12g", "%.13g", "%.14g", "%.15g",
                                          "%.16g", "%.17g" };

  for (guint digits = 0; digits < G_N_ELEMENTS (formats); digits++)
    {
      g_ascii_formatd (buf, size, formats[digits], value);
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
  tally_json_builder_add_string_or_null (builder, "dateline", record ? record->dateline : NULL);
  tally_json_builder_add_string_or_null (builder, "language", record ? record->language : NULL);
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
  tally_json_builder_add_string_or_null (builder, "story", document->story);
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
  json_builder_set_member_name (builder, "year_inferred");
  json_builder_add_boolean_value (builder, claim->year_inferred);
  tally_json_builder_add_string_or_null (builder, "text", words);
  tally_json_builder_add_string_or_null (builder, "sentence", sentence);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, claim->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, claim->end);
  tally_json_builder_add_string_or_null (builder, "subject", claim->subject);
  tally_json_builder_add_string_or_null (builder, "subject_kind",
                                         claim->subject != NULL ? tally_subject_kind_to_string (claim->subject_kind) : NULL);
  /* Language-independent: "KZ" for "Kazakhstan" whichever language named it. */
  tally_json_builder_add_string_or_null (builder, "subject_id", tally_gazetteer_subject_id (claim->subject));
  tally_json_builder_add_string_or_null (builder, "modality", tally_modality_to_string (claim->modality));
  tally_json_builder_add_string_or_null (builder, "concept",
                                         tally_concepts_of_record (tally_concepts_get_default (), claim, text, text_len));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
tally_json_facts_node (GPtrArray *documents)
{
  /* FACTS (issue 6): grouped and graded in src/analysis/tally-facts.h. */
  return tally_facts_json_from_documents (documents);
}

/* The document as the event pipeline takes it: the claims were resolved
 * against the same date (--reference-date, else the publication date). */
static TallyEventSource
event_source (const TallyAnalyzedDocument *document)
{
  const TallyDocumentRecord *record = document->record;
  TallyEventSource source = {
    .id = document->id,
    .title = record->title,
    .text = record->text,
    .len = record->text_len,
    .published = document->reference_date != NULL ? document->reference_date : record->published,
    .claims = document->claims,
    .sentences = record->sentences,
    .tokens = record->tokens,
    .language = record->language,
  };

  return source;
}

void
tally_json_add_document_events (TallyEventFinder            *finder,
                                const TallyAnalyzedDocument *document)
{
  TallyEventSource source;

  if (document->record == NULL || document->record->text == NULL)
    return;
  source = event_source (document);
  tally_event_finder_add_source (finder, &source);
}

static JsonNode *
tally_json_events_node (GPtrArray *documents)
{
  JsonArray *events = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(GArray) sources = g_array_sized_new (FALSE, TRUE, sizeof (TallyEventSource), documents->len);
  g_autoptr(GPtrArray) found = NULL;

  /* EVENTS (issue 7): found and merged across documents by the event
   * pipeline the app runs too (src/analysis/tally-events.h). */
  for (guint d = 0; d < documents->len; d++)
    {
      const TallyAnalyzedDocument *document = g_ptr_array_index (documents, d);
      TallyEventSource source;

      if (document->record == NULL || document->record->text == NULL)
        continue;
      source = event_source (document);
      g_array_append_val (sources, source);
    }
  found = tally_events_find ((const TallyEventSource *) sources->data, sources->len, NULL, NULL, NULL);
  for (guint e = 0; found != NULL && e < found->len; e++)
    json_array_add_element (events, tally_event_record_to_json (g_ptr_array_index (found, e)));

  json_node_take_array (node, events);
  return node;
}

GPtrArray *
tally_analyzed_documents_find_stories (GPtrArray *documents)
{
  g_autoptr(GArray) inputs = g_array_sized_new (FALSE, TRUE, sizeof (TallyStoryInput), documents->len);
  g_autofree guint *story_of = g_new0 (guint, MAX (1, documents->len));
  GPtrArray *stories;

  for (guint d = 0; d < documents->len; d++)
    {
      const TallyAnalyzedDocument *document = g_ptr_array_index (documents, d);
      const TallyDocumentRecord *record = document->record;
      TallyStoryInput input = {
        .title = record ? record->title : NULL,
        .text = record ? record->text : NULL,
        .text_len = record ? record->text_len : 0,
        .published = record ? record->published : NULL,
        .key = document->id,
        .language = record ? record->language : NULL,
      };

      g_array_append_val (inputs, input);
    }
  stories = tally_find_stories ((const TallyStoryInput *) inputs->data, inputs->len, story_of);
  for (guint d = 0; d < documents->len; d++)
    {
      TallyAnalyzedDocument *document = g_ptr_array_index (documents, d);
      const TallyStoryRecord *story = g_ptr_array_index (stories, story_of[d]);

      g_set_str (&document->story, story->id);
      g_set_str (&document->story_key, story->key);
    }
  return stories;
}

JsonNode *
tally_json_stories_node (GPtrArray *stories,
                         GPtrArray *documents)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint s = 0; s < stories->len; s++)
    {
      const TallyStoryRecord *story = g_ptr_array_index (stories, s);

      json_builder_begin_object (builder);
      tally_json_builder_add_string_or_null (builder, "id", story->id);
      tally_json_builder_add_string_or_null (builder, "name", story->name);
      tally_json_builder_add_string_or_null (builder, "key", story->key);
      json_builder_set_member_name (builder, "terms");
      json_builder_begin_array (builder);
      for (guint t = 0; story->terms != NULL && story->terms[t] != NULL; t++)
        json_builder_add_string_value (builder, story->terms[t]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "documents");
      json_builder_begin_array (builder);
      for (guint d = 0; d < story->documents->len; d++)
        {
          const TallyAnalyzedDocument *document = g_ptr_array_index (documents,
                                                                     g_array_index (story->documents, guint, d));

          json_builder_add_string_value (builder, document->id);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

JsonNode *
tally_json_analysis_node (GPtrArray  *documents,
                          const char *version)
{
  g_autoptr(GPtrArray) stories = tally_analyzed_documents_find_stories (documents);
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
  json_object_set_member (root, "stories", tally_json_stories_node (stories, documents));
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

void
tally_json_write_node (GString  *out,
                       JsonNode *node,
                       guint     indent,
                       guint     depth)
{
  write_node (out, node, indent, depth);
}

char *
tally_json_to_string (JsonNode *node,
                      guint     indent)
{
  GString *out = g_string_new (NULL);

  write_node (out, node, indent, 0);
  return g_string_free (out, FALSE);
}

void
tally_csv_write_header (GString *out)
{
  g_string_append (out, "id,document,path,kind,value,value_max,unit,qualifier,measure,change,"
                        "scope_year,relative,text,sentence,start,end,subject,subject_kind,modality,concept\n");
}

static void
csv_value (GString                *out,
           const TallyClaimRecord *claim,
           gboolean                max)
{
  if (!(max ? claim->has_value_max : claim->has_value))
    return;
  if (claim->kind == TALLY_CLAIM_KIND_YEAR || claim->kind == TALLY_CLAIM_KIND_DATE)
    {
      tally_csv_append_text (out, max ? claim->value_max_text : claim->value_text);
      return;
    }
  tally_csv_append_number (out, max ? claim->value_max : claim->value);
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
  gboolean has_words = text != NULL && claim->start <= claim->end && claim->end <= text_len;
  gboolean has_sentence = text != NULL && claim->sentence_start <= claim->sentence_end
                          && claim->sentence_end <= text_len;
  char buf[64];

  /* With no id the row starts at the comma after it (see the header). */
  tally_csv_append_text (out, id);
  g_string_append_c (out, ',');
  tally_csv_append_text (out, document_id);
  g_string_append_c (out, ',');
  tally_csv_append_text (out, path);
  g_string_append_c (out, ',');
  tally_csv_append_text (out, tally_claim_kind_to_string (claim->kind));
  g_string_append_c (out, ',');
  csv_value (out, claim, FALSE);
  g_string_append_c (out, ',');
  csv_value (out, claim, TRUE);
  g_string_append_c (out, ',');
  tally_csv_append_text (out, claim->unit);
  g_string_append_c (out, ',');
  tally_csv_append_text (out, tally_qualifier_to_string (claim->qualifier));
  g_string_append_c (out, ',');
  tally_csv_append_text (out, claim->measure);
  g_string_append_c (out, ',');
  g_string_append (out, claim->change ? "true" : "false");
  g_string_append_c (out, ',');
  if (claim->scope_year != 0)
    {
      g_snprintf (buf, sizeof buf, "%d", claim->scope_year);
      g_string_append (out, buf);
    }
  g_string_append_c (out, ',');
  tally_csv_append_text (out, claim->relative);
  g_string_append_c (out, ',');
  if (has_words)
    tally_csv_append_text_len (out, text + claim->start, claim->end - claim->start, FALSE);
  g_string_append_c (out, ',');
  if (has_sentence)
    tally_csv_append_text_len (out, text + claim->sentence_start, claim->sentence_end - claim->sentence_start, TRUE);
  g_snprintf (buf, sizeof buf, ",%" G_GSIZE_FORMAT ",%" G_GSIZE_FORMAT ",", claim->start, claim->end);
  g_string_append (out, buf);
  tally_csv_append_text (out, claim->subject);
  g_string_append_c (out, ',');
  if (claim->subject != NULL)
    tally_csv_append_text (out, tally_subject_kind_to_string (claim->subject_kind));
  g_string_append_c (out, ',');
  tally_csv_append_text (out, tally_modality_to_string (claim->modality));
  g_string_append_c (out, ',');
  tally_csv_append_text (out, tally_concepts_of_record (tally_concepts_get_default (), claim, text, text_len));
  g_string_append_c (out, '\n');
}

/* ---------------------------------------------------------------------- */
/* jsonl written straight from the records: the same bytes as
 * tally_json_to_string() on the nodes above, without building them. */

/* `blank`: line breaks and tabs become spaces (a sentence as a reader sees it). */
static void
write_string_len (GString    *out,
                  const char *str,
                  gsize       len,
                  gboolean    blank)
{
  const guchar *p = (const guchar *) str, *end = p + len, *run = p;

  g_string_append_c (out, '"');
  for (; p < end && *p != '\0'; p++)
    {
      const char *escape;

      if (G_LIKELY (*p >= 0x20 && *p != '"' && *p != '\\'))
        continue;
      g_string_append_len (out, (const char *) run, p - run);
      run = p + 1;
      if (blank && (*p == '\n' || *p == '\r' || *p == '\t'))
        {
          g_string_append_c (out, ' ');
          continue;
        }
      switch (*p)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_string_append_printf (out, "\\u%04x", *p);
          continue;
        }
      g_string_append (out, escape);
    }
  g_string_append_len (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
}

static void
member_string (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append (out, name);
  if (value != NULL)
    write_string_len (out, value, G_MAXSSIZE, FALSE);
  else
    g_string_append (out, "null");
}

static void
write_number (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  format_number (buf, sizeof buf, value);
  g_string_append (out, buf);
}

static void
write_value (GString                *out,
             const TallyClaimRecord *claim,
             gboolean                max)
{
  gboolean has = max ? claim->has_value_max : claim->has_value;
  const char *text = max ? claim->value_max_text : claim->value_text;

  if (!has)
    g_string_append (out, "null");
  else if (claim->kind == TALLY_CLAIM_KIND_YEAR || claim->kind == TALLY_CLAIM_KIND_DATE)
    {
      if (text != NULL)
        write_string_len (out, text, G_MAXSSIZE, FALSE);
      else
        g_string_append (out, "null");
    }
  else
    write_number (out, max ? claim->value_max : claim->value);
}

void
tally_jsonl_write_document (GString                     *out,
                            const TallyAnalyzedDocument *document)
{
  const TallyDocumentRecord *record = document->record;
  char buf[32];

  member_string (out, "{\"id\":", document->id);
  member_string (out, ",\"path\":", document->path);
  member_string (out, ",\"title\":", record ? record->title : NULL);
  member_string (out, ",\"outlet\":", record ? record->outlet : NULL);
  member_string (out, ",\"published\":", record ? record->published : NULL);
  member_string (out, ",\"dateline\":", record ? record->dateline : NULL);
  member_string (out, ",\"language\":", record ? record->language : NULL);
  g_snprintf (buf, sizeof buf, ",\"words\":%" G_GINT64_FORMAT, (gint64) (record ? record->word_count : 0));
  g_string_append (out, buf);
  g_string_append (out, ",\"comments\":[");
  for (guint i = 0; record != NULL && record->comments != NULL && i < record->comments->len; i++)
    {
      const TallyComment *comment = g_ptr_array_index (record->comments, i);

      if (i > 0)
        g_string_append_c (out, ',');
      member_string (out, "{\"author\":", comment->author);
      member_string (out, ",\"text\":", comment->text);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"errors\":[");
  for (guint i = 0; i < document->errors->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      write_string_len (out, g_ptr_array_index (document->errors, i), G_MAXSSIZE, FALSE);
    }
  g_string_append_c (out, ']');
  /* Streamed before the stories exist: null unless already found. */
  member_string (out, ",\"story\":", document->story);
  g_string_append (out, ",\"type\":\"document\"}\n");
}

void
tally_jsonl_write_claim (GString                *out,
                         const TallyClaimRecord *claim,
                         const char             *id,
                         const char             *document_id,
                         const char             *text,
                         gsize                   text_len)
{
  char buf[64];

  if (id != NULL)
    member_string (out, "{\"id\":", id);
  else
    g_string_append_c (out, '"');
  member_string (out, ",\"document\":", document_id);
  member_string (out, ",\"kind\":", tally_claim_kind_to_string (claim->kind));
  g_string_append (out, ",\"value\":");
  write_value (out, claim, FALSE);
  g_string_append (out, ",\"value_max\":");
  write_value (out, claim, TRUE);
  member_string (out, ",\"unit\":", claim->unit);
  member_string (out, ",\"qualifier\":", tally_qualifier_to_string (claim->qualifier));
  member_string (out, ",\"measure\":", claim->measure);
  g_string_append (out, claim->change ? ",\"change\":true" : ",\"change\":false");
  if (claim->scope_year != 0)
    {
      g_snprintf (buf, sizeof buf, ",\"scope\":{\"year\":%d}", claim->scope_year);
      g_string_append (out, buf);
    }
  else
    g_string_append (out, ",\"scope\":null");
  member_string (out, ",\"relative\":", claim->relative);
  g_string_append (out, claim->year_inferred ? ",\"year_inferred\":true" : ",\"year_inferred\":false");
  g_string_append (out, ",\"text\":");
  if (text == NULL || claim->start > claim->end || claim->end > text_len)
    g_string_append (out, "null");
  else
    write_string_len (out, text + claim->start, claim->end - claim->start, FALSE);
  g_string_append (out, ",\"sentence\":");
  if (text == NULL || claim->sentence_start > claim->sentence_end || claim->sentence_end > text_len)
    g_string_append (out, "null");
  else
    write_string_len (out, text + claim->sentence_start, claim->sentence_end - claim->sentence_start, TRUE);
  g_snprintf (buf, sizeof buf, ",\"start\":%" G_GINT64_FORMAT ",\"end\":%" G_GINT64_FORMAT,
              (gint64) claim->start, (gint64) claim->end);
  g_string_append (out, buf);
  member_string (out, ",\"subject\":", claim->subject);
  member_string (out, ",\"subject_kind\":",
                 claim->subject != NULL ? tally_subject_kind_to_string (claim->subject_kind) : NULL);
  member_string (out, ",\"subject_id\":", tally_gazetteer_subject_id (claim->subject));
  member_string (out, ",\"modality\":", tally_modality_to_string (claim->modality));
  member_string (out, ",\"concept\":", tally_concepts_of_record (tally_concepts_get_default (), claim, text, text_len));
  g_string_append (out, ",\"type\":\"claim\"}\n");
}
