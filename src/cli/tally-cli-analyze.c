/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-cli-analyze.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>

#include "tally-claims.h"
#include "tally-lexicon.h"
#include "tally-events.h"
#include "tally-fact-export.h"
#include "tally-fact-json.h"
#include "tally-ingest.h"
#include "tally-json-export.h"
#include "tally-pipeline.h"

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
  GPtrArray *files;            /* paths to read, then … */
  GPtrArray *failures;         /* … the paths that could not even be listed */
} Run;

/* One document as a worker leaves it for the writing thread. */
typedef struct
{
  TallyAnalyzedDocument *document;
  GString *out;        /* jsonl and csv: the document's lines, claims without their ids */
  GArray *claim_ends;  /* gsize: where each claim's line ends in `out` */
  gsize claims_from;   /* where the first claim's line starts */
  TallyEventFinderPart *events;  /* jsonl: the document's event mentions */
} Analyzed;

/* jsonl: each worker finds event mentions with a finder of its own; the
 * writing thread adds them, in input order, to the one that merges. */
static GPrivate thread_finder = G_PRIVATE_INIT ((GDestroyNotify) tally_event_finder_free);

static void
analyzed_free (gpointer data)
{
  Analyzed *analyzed = data;

  g_clear_pointer (&analyzed->document, tally_analyzed_document_free);
  if (analyzed->out != NULL)
    g_string_free (analyzed->out, TRUE);
  g_clear_pointer (&analyzed->claim_ends, g_array_unref);
  g_clear_pointer (&analyzed->events, tally_event_finder_part_free);
  g_free (analyzed);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Analyzed, analyzed_free)

/* jsonl, after every document: {"type": "event", …} per event, the keys of
 * the json format's "events" objects. */
static void
write_jsonl_events (TallyEventFinder *finder)
{
  g_autoptr(GPtrArray) events = tally_event_finder_finish (finder);

  for (guint e = 0; e < events->len; e++)
    {
      g_autoptr(JsonNode) event = tally_event_record_to_json (g_ptr_array_index (events, e));
      g_autofree char *line = NULL;

      json_object_set_string_member (json_node_get_object (event), "type", "event");
      line = tally_json_to_string (event, 0);
      fputs (line, stdout);
      fputc ('\n', stdout);
    }
}

/* A path that could not be read: a document with only its error. */
static TallyAnalyzedDocument *
failed_document (const TallyIngestFailure *failure,
                 guint                     index)
{
  g_autofree char *id = g_strdup_printf ("d%u", index + 1);
  TallyAnalyzedDocument *document = tally_analyzed_document_new (id, failure->path);

  g_ptr_array_add (document->errors, g_strdup (failure->reason));
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
  /* Nothing is stored, so no content hash to find the file again by. */
  document->record = tally_ingest_listed_file_full (path, TALLY_INGEST_NO_CONTENT_HASH, &error);
  if (document->record == NULL)
    {
      g_autoptr(TallyIngestFailure) failure = tally_ingest_failure_new (path, error);

      g_ptr_array_add (document->errors, g_strdup (failure->reason));
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

  /* The document's language picks the lexicon; ingest found the tokens with it. */
  options.language = tally_lexicon_language_for (document->record->language);
  options.tokens = document->record->tokens;  /* found by ingest with the sentences */

  g_ptr_array_unref (document->claims);
  document->claims = tally_extract_claims (document->record->text, document->record->text_len, &options);
  /* Documents kept to the end (json, facts) do not keep their tokens. */
  if (run->format != FORMAT_JSONL)
    g_clear_pointer (&document->record->tokens, g_array_unref);
  return document;
}

/* In a worker: read, analyse and, for jsonl and csv, write the document's
 * lines. Claim ids count across the run in input order, which a worker does
 * not know: the writing thread puts them in front of each claim's line. */
static gpointer
prepare_document (guint    index,
                  gpointer item,
                  gpointer user_data)
{
  Run *run = user_data;
  Analyzed *analyzed = g_new0 (Analyzed, 1);
  TallyAnalyzedDocument *document;
  const char *text;
  gsize text_len;

  if (index < run->files->len)
    document = analyze_one (run, item, index);
  else
    document = failed_document (item, index);
  analyzed->document = document;
  if (run->format != FORMAT_JSONL && run->format != FORMAT_CSV)
    return analyzed;

  text = document->record ? document->record->text : NULL;
  text_len = document->record ? document->record->text_len : 0;
  analyzed->out = g_string_sized_new (4096);
  analyzed->claim_ends = g_array_sized_new (FALSE, FALSE, sizeof (gsize), document->claims->len);
  if (run->format == FORMAT_JSONL)
    tally_jsonl_write_document (analyzed->out, document);
  analyzed->claims_from = analyzed->out->len;
  for (guint c = 0; c < document->claims->len && (run->format == FORMAT_JSONL || text != NULL); c++)
    {
      const TallyClaimRecord *claim = g_ptr_array_index (document->claims, c);

      if (run->format == FORMAT_JSONL)
        tally_jsonl_write_claim (analyzed->out, claim, NULL, document->id, text, text_len);
      else
        tally_csv_write_claim (analyzed->out, claim, NULL, document->id, document->path, text, text_len);
      g_array_append_val (analyzed->claim_ends, analyzed->out->len);
    }
  if (run->format == FORMAT_JSONL && document->record != NULL)
    {
      TallyEventFinder *finder = g_private_get (&thread_finder);

      if (finder == NULL)
        g_private_set (&thread_finder, finder = tally_event_finder_new (NULL, NULL));
      if (finder != NULL)
        {
          tally_json_add_document_events (finder, document);
          analyzed->events = tally_event_finder_take_part (finder);
        }
    }
  /* Written: nothing of the document is kept past here. */
  g_clear_pointer (&analyzed->document->record, tally_document_record_free);
  g_ptr_array_set_size (document->claims, 0);
  return analyzed;
}

/* In input order: the document's lines with the claims numbered. */
static void
write_analyzed (Run      *run,
                Analyzed *analyzed,
                guint    *next_claim)
{
  const char *prefix = run->format == FORMAT_JSONL ? "{\"id\":\"c" : "c";
  gsize from = analyzed->claims_from;

  fwrite (analyzed->out->str, 1, analyzed->claims_from, stdout);
  for (guint c = 0; c < analyzed->claim_ends->len; c++)
    {
      gsize end = g_array_index (analyzed->claim_ends, gsize, c);

      fprintf (stdout, "%s%u", prefix, ++*next_claim);
      fwrite (analyzed->out->str + from, 1, end - from, stdout);
      from = end;
    }
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
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(TallyPipeline) pipeline = NULL;
  gint jobs = 0;
  guint next_claim = 0;
  guint index;
  Analyzed *analyzed;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_analyzed_document_free);
  gboolean failed = FALSE;
  g_autoptr(TallyEventFinder) finder = NULL;  /* jsonl: events of every document */
  Run run = { 0 };
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: json (default), jsonl, csv (claims), facts-csv or report (the fact table as CSV or Markdown)"), "FORMAT" },
    { "reference-date", 'r', 0, G_OPTION_ARG_STRING, &reference_date,
      N_("Resolve relative dates (“in April”, “last year”) against this date instead of each document’s publication date"),
      "YYYY-MM-DD" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      N_("Analyse this many documents at a time (default: one per core); the output is the same"), "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("PATH…") },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("— list every figure the articles state"));
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
      g_printerr (_("tally-cli analyze: unknown format “%s” (json, jsonl, csv, facts-csv or report)\n"), format);
      return 2;
    }
  if (jobs < 0)
    {
      g_printerr (_("tally-cli analyze: --jobs must be 0 (one per core) or more, not %d\n"), jobs);
      return 2;
    }
  /* Machine output writes numbers the same in every locale, explanations
   * included; only the report, which people read, takes the locale's marks. */
  if (run.format != FORMAT_REPORT)
    setlocale (LC_NUMERIC, "C");
  if (reference_date != NULL)
    {
      TallyExtractOptions check;

      tally_extract_options_init (&check);
      if (!tally_extract_options_set_reference_date (&check, reference_date))
        {
          g_printerr (_("tally-cli analyze: “%s” is not a date (YYYY-MM-DD)\n"), reference_date);
          return 2;
        }
      run.reference_date = reference_date;
    }
  if (paths == NULL || paths[0] == NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr (_("tally-cli analyze: no PATH given\n%s"), help);
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

  /* Documents are read and analysed on `jobs` cores by the app's import
   * pipeline and come back here in input order. */
  run.files = files;
  run.failures = failures;
  items = g_ptr_array_new ();
  g_ptr_array_extend (items, files, NULL, NULL);
  g_ptr_array_extend (items, failures, NULL, NULL);
  pipeline = tally_pipeline_new (items, jobs, 64, prepare_document, analyzed_free, &run);
  while (tally_pipeline_next (pipeline, &index, (gpointer *) &analyzed))
    {
      g_autoptr(Analyzed) owned = analyzed;
      TallyAnalyzedDocument *document = analyzed->document;

      for (guint e = 0; e < document->errors->len; e++)
        g_printerr ("tally-cli: %s: %s\n", document->path, (const char *) g_ptr_array_index (document->errors, e));
      failed |= document->errors->len > 0;
      /* jsonl and csv stream: nothing is kept once a document is written
       * (the event finder keeps only its mentions' sentences). */
      if (run.format == FORMAT_JSONL || run.format == FORMAT_CSV)
        {
          write_analyzed (&run, analyzed, &next_claim);
          if (finder != NULL && analyzed->events != NULL)
            tally_event_finder_add_part (finder, g_steal_pointer (&analyzed->events));
        }
      else
        {
          for (guint c = 0; c < document->claims->len; c++)
            g_ptr_array_add (document->claim_ids, g_strdup_printf ("c%u", ++next_claim));
          g_ptr_array_add (documents, g_steal_pointer (&analyzed->document));
        }
    }
  g_clear_pointer (&pipeline, tally_pipeline_free);

  if (finder != NULL)
    write_jsonl_events (finder);

  /* The same grouping and grading as the app's Facts view and its Export Facts…. */
  if (run.format == FORMAT_FACTS_CSV || run.format == FORMAT_REPORT)
    {
      g_autoptr(GPtrArray) stories = tally_analyzed_documents_find_stories (documents);
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
