/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-cli-analyze.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "tally-claims.h"
#include "tally-events.h"
#include "tally-fact-export.h"
#include "tally-fact-json.h"
#include "tally-ingest.h"
#include "tally-json-export.h"

typedef enum
{
  FORMAT_JSON,
  FORMAT_JSONL,
  FORMAT_CSV,
  FORMAT_FACTS_CSV,   /* the fact table, one row per value */
  FORMAT_REPORT,      /* the fact table as a Markdown report */
} Format;

typedef struct
{
  Format format;
  const char *reference_date;  /* --reference-date, checked; NULL when not given */
  guint next_claim;
} Run;

static void
write_node_line (JsonNode *node)
{
  g_autofree char *line = tally_json_to_string (node, 0);

  fputs (line, stdout);
  fputc ('\n', stdout);
}

/* jsonl: {"type": "document", …} then {"type": "claim", …} per claim. */
static void
write_jsonl_document (TallyAnalyzedDocument *document)
{
  g_autoptr(JsonNode) doc = tally_json_document_node (document);
  const char *text = document->record ? document->record->text : NULL;
  gsize text_len = document->record ? document->record->text_len : 0;

  json_object_set_string_member (json_node_get_object (doc), "type", "document");
  write_node_line (doc);
  for (guint c = 0; c < document->claims->len; c++)
    {
      g_autoptr(JsonNode) claim = tally_json_claim_node (g_ptr_array_index (document->claims, c),
                                                         g_ptr_array_index (document->claim_ids, c),
                                                         document->id, text, text_len);

      json_object_set_string_member (json_node_get_object (claim), "type", "claim");
      write_node_line (claim);
    }
}

/* jsonl, after every document: {"type": "event", …} per event, the keys of
 * the json format's "events" objects. */
static void
write_jsonl_events (TallyEventFinder *finder)
{
  g_autoptr(GPtrArray) events = tally_event_finder_finish (finder);

  for (guint e = 0; e < events->len; e++)
    {
      g_autoptr(JsonNode) event = tally_event_record_to_json (g_ptr_array_index (events, e));

      json_object_set_string_member (json_node_get_object (event), "type", "event");
      write_node_line (event);
    }
}

static void
write_csv_document (TallyAnalyzedDocument *document)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint c = 0; c < document->claims->len; c++)
    tally_csv_write_claim (out, g_ptr_array_index (document->claims, c),
                           g_ptr_array_index (document->claim_ids, c), document->id, document->path,
                           document->record->text, document->record->text_len);
  fputs (out->str, stdout);
}

/* A path that could not be read: a document with only its error. */
static TallyAnalyzedDocument *
failed_document (const TallyIngestFailure *failure,
                 guint                     index)
{
  g_autofree char *id = g_strdup_printf ("d%u", index + 1);
  TallyAnalyzedDocument *document = tally_analyzed_document_new (id, failure->path);

  g_ptr_array_add (document->errors, g_strdup (failure->reason));
  g_printerr ("tally-cli: %s: %s\n", failure->path, failure->reason);
  return document;
}

static TallyAnalyzedDocument *
analyze_one (Run        *run,
             const char *path,
             guint       index)
{
  g_autofree char *id = g_strdup_printf ("d%u", index + 1);
  TallyAnalyzedDocument *document = tally_analyzed_document_new (id, path);
  g_autoptr(GError) error = NULL;
  TallyExtractOptions options;

  /* Files go through the import code: encodings, HTML main text, metadata
   * (the publication date), boilerplate and reader comments set apart. */
  document->record = tally_ingest_listed_file (path, &error);
  if (document->record == NULL)
    {
      g_autoptr(TallyIngestFailure) failure = tally_ingest_failure_new (path, error);

      g_ptr_array_add (document->errors, g_strdup (failure->reason));
      g_printerr ("tally-cli: %s: %s\n", path, failure->reason);
      return document;
    }

  /* The publication date resolves "in April"; --reference-date overrides it,
   * for claims here and for events (tally_json_add_document_events()). */
  document->reference_date = g_strdup (run->reference_date);
  tally_extract_options_init (&options);
  if (document->reference_date != NULL)
    tally_extract_options_set_reference_date (&options, document->reference_date);
  else if (document->record->published != NULL)
    tally_extract_options_set_reference_date (&options, document->record->published);

  g_ptr_array_unref (document->claims);
  document->claims = tally_extract_claims (document->record->text, document->record->text_len, &options);
  for (guint c = 0; c < document->claims->len; c++)
    g_ptr_array_add (document->claim_ids, g_strdup_printf ("c%u", ++run->next_claim));
  return document;
}

int
tally_cli_analyze (int    argc,
                   char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *reference_date = NULL;
  g_auto(GStrv) paths = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_ingest_failure_free);
  guint index = 0;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_analyzed_document_free);
  gboolean failed = FALSE;
  g_autoptr(TallyEventFinder) finder = NULL;  /* jsonl: events of every document */
  Run run = { 0 };
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: json (default), jsonl, csv (claims), facts-csv or report (the fact table as CSV or Markdown)"), "FORMAT" },
    { "reference-date", 'r', 0, G_OPTION_ARG_STRING, &reference_date,
      N_("Resolve relative dates (“in April”, “last year”) against this date instead of each document’s publication date"),
      "YYYY-MM-DD" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("PATH…") },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("PATH… — list every figure the articles state"));
  g_option_context_set_summary (context, _("Reads text files or folders of them and prints their claims."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tally-cli analyze: %s\n", error->message);
      return 2;
    }
  if (format == NULL || g_str_equal (format, "json"))
    run.format = FORMAT_JSON;
  else if (g_str_equal (format, "jsonl"))
    run.format = FORMAT_JSONL;
  else if (g_str_equal (format, "csv"))
    run.format = FORMAT_CSV;
  else if (g_str_equal (format, "facts-csv"))
    run.format = FORMAT_FACTS_CSV;
  else if (g_str_equal (format, "report"))
    run.format = FORMAT_REPORT;
  else
    {
      g_printerr ("tally-cli analyze: unknown format “%s” (json, jsonl, csv, facts-csv or report)\n", format);
      return 2;
    }
  if (reference_date != NULL)
    {
      TallyExtractOptions check;

      tally_extract_options_init (&check);
      if (!tally_extract_options_set_reference_date (&check, reference_date))
        {
          g_printerr ("tally-cli analyze: “%s” is not a date (YYYY-MM-DD)\n", reference_date);
          return 2;
        }
      run.reference_date = reference_date;
    }
  if (paths == NULL || paths[0] == NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("tally-cli analyze: no PATH given\n%s", help);
      return 2;
    }

  /* Events merge across documents, so jsonl can only write them at the end;
   * the finder keeps just its mentions' sentences, not the documents. */
  if (run.format == FORMAT_JSONL)
    finder = tally_event_finder_new (NULL, NULL);

  files = tally_ingest_collect_paths ((const char * const *) paths, -1, failures, NULL);
  if (run.format == FORMAT_CSV)
    {
      g_autoptr(GString) header = g_string_new (NULL);

      tally_csv_write_header (header);
      fputs (header->str, stdout);
    }
  for (guint i = 0; i < files->len + failures->len; i++)
    {
      g_autoptr(TallyAnalyzedDocument) document =
        i < files->len ? analyze_one (&run, g_ptr_array_index (files, i), index++)
                       : failed_document (g_ptr_array_index (failures, i - files->len), index++);

      failed |= document->errors->len > 0;
      /* jsonl and csv stream: nothing is kept once a document is written
       * (the event finder keeps only its mentions' sentences). */
      if (run.format == FORMAT_JSONL)
        {
          write_jsonl_document (document);
          if (finder != NULL)
            tally_json_add_document_events (finder, document);
        }
      else if (run.format == FORMAT_CSV && document->record != NULL)
        write_csv_document (document);
      else if (run.format == FORMAT_JSON || run.format == FORMAT_FACTS_CSV || run.format == FORMAT_REPORT)
        g_ptr_array_add (documents, g_steal_pointer (&document));
    }

  if (finder != NULL)
    write_jsonl_events (finder);

  /* The same grouping and grading as the app's Facts view and its Export Facts…. */
  if (run.format == FORMAT_FACTS_CSV || run.format == FORMAT_REPORT)
    {
      g_autoptr(TallyFactInputs) inputs = tally_fact_inputs_from_documents (documents);
      const TallyFactInput *items = (const TallyFactInput *) inputs->inputs->data;
      g_autoptr(GPtrArray) facts = tally_group_facts (items, inputs->inputs->len);
      g_autoptr(GString) out = g_string_new (NULL);

      if (run.format == FORMAT_FACTS_CSV)
        tally_facts_write_csv (out, facts, items);
      else
        tally_facts_write_markdown (out, facts, items, _("Tally report"));
      fputs (out->str, stdout);
    }

  if (run.format == FORMAT_JSON)
    {
      g_autoptr(JsonNode) root = tally_json_analysis_node (documents, PACKAGE_VERSION);
      g_autofree char *out = tally_json_to_string (root, 2);

      fputs (out, stdout);
      fputc ('\n', stdout);
    }
  fflush (stdout);
  return failed ? 1 : 0;
}
