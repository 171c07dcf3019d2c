/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-cli-analyze.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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

  /* The document's language picks the lexicon (Chinese: its own reader);
   * ingest found the tokens with it. */
  options.language = tally_claims_language_for (document->record->language);
  options.tokens = document->record->tokens;  /* found by ingest with the sentences */
  options.title = document->record->title;

  g_ptr_array_unref (document->claims);
  document->claims = tally_extract_claims (document->record->text, document->record->text_len, &options);
  /* Documents kept to the end (facts) do not keep their tokens; jsonl and
   * json give them to the event finder first. */
  if (run->format != FORMAT_JSONL && run->format != FORMAT_JSON)
    g_clear_pointer (&document->record->tokens, g_array_unref);
  return document;
}

/* json: how a claim's object starts as a worker writes it, before its id
 * is known (tally_json_claim_node() puts "id" first). */
#define JSON_CLAIM_HEAD "{\n      \"id\": null"

/* jsonl and json: the document's event mentions, found with this worker's
 * finder and handed to the writing thread. */
static void
find_events (Analyzed *analyzed)
{
  TallyEventFinder *finder = g_private_get (&thread_finder);

  if (analyzed->document->record == NULL)
    return;
  if (finder == NULL)
    g_private_set (&thread_finder, finder = tally_event_finder_new (NULL, NULL));
  if (finder != NULL)
    {
      tally_json_add_document_events (finder, analyzed->document);
      analyzed->events = tally_event_finder_take_part (finder);
    }
}

/* json, in a worker: each claim's object as it stands in the "claims" array
 * (two levels down), without its id. The document stays for the facts and
 * stories, which need every document; its tokens go. */
static void
prepare_json (Analyzed *analyzed)
{
  TallyAnalyzedDocument *document = analyzed->document;
  const char *text = document->record ? document->record->text : NULL;
  gsize text_len = document->record ? document->record->text_len : 0;

  analyzed->out = g_string_sized_new (4096);
  analyzed->claim_ends = g_array_sized_new (FALSE, FALSE, sizeof (gsize), document->claims->len);
  for (guint c = 0; c < document->claims->len; c++)
    {
      g_autoptr(JsonNode) node = tally_json_claim_node (g_ptr_array_index (document->claims, c), NULL,
                                                        document->id, text, text_len);

      tally_json_write_node (analyzed->out, node, 2, 2);
      g_array_append_val (analyzed->claim_ends, analyzed->out->len);
    }
  find_events (analyzed);
  if (document->record != NULL)
    g_clear_pointer (&document->record->tokens, g_array_unref);
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
  if (run->format == FORMAT_JSON)
    {
      prepare_json (analyzed);
      return analyzed;
    }
  if (run->format != FORMAT_JSONL && run->format != FORMAT_CSV)
    {
      tally_analyzed_document_keep_for_facts (document);
      return analyzed;
    }

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
  if (run->format == FORMAT_JSONL)
    find_events (analyzed);
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

/* json: the "claims" array is written as documents come, but it follows
 * "documents", whose stories need every document first; it waits in an
 * unlinked temporary file (in memory when none can be made). */
typedef struct
{
  FILE *file;
  GString *memory;
  int error;           /* errno of a failed write, 0 */
  guint claims;
} Spool;

static void
spool_init (Spool *spool)
{
  g_autofree char *name = NULL;
  int fd = g_file_open_tmp ("tally-claims-XXXXXX.json", &name, NULL);

  if (fd >= 0)
    {
      g_unlink (name);
      spool->file = fdopen (fd, "w+");
      if (spool->file == NULL)
        close (fd);
    }
  if (spool->file == NULL)
    spool->memory = g_string_new (NULL);
}

static void
spool_write (Spool      *spool,
             const char *data,
             gsize       len)
{
  if (spool->memory != NULL)
    g_string_append_len (spool->memory, data, len);
  else if (spool->error == 0 && fwrite (data, 1, len, spool->file) != len)
    spool->error = errno != 0 ? errno : EIO;
}

/* Copies what was spooled to stdout; FALSE (with a message) if it was not
 * all kept. */
static gboolean
spool_copy_out (Spool *spool)
{
  char buf[65536];
  size_t n;

  if (spool->memory != NULL)
    {
      fwrite (spool->memory->str, 1, spool->memory->len, stdout);
      return TRUE;
    }
  if (spool->error == 0 && (fflush (spool->file) != 0 || fseek (spool->file, 0, SEEK_SET) != 0))
    spool->error = errno != 0 ? errno : EIO;
  while (spool->error == 0 && (n = fread (buf, 1, sizeof buf, spool->file)) > 0)
    fwrite (buf, 1, n, stdout);
  if (spool->error == 0 && ferror (spool->file))
    spool->error = EIO;
  if (spool->error != 0)
    {
      g_printerr (_("tally-cli analyze: cannot keep the claims in a temporary file: %s\n"), g_strerror (spool->error));
      return FALSE;
    }
  return TRUE;
}

static void
spool_clear (Spool *spool)
{
  g_clear_pointer (&spool->file, fclose);
  if (spool->memory != NULL)
    g_string_free (g_steal_pointer (&spool->memory), TRUE);
}

/* json, in input order: the document's claims numbered, into the spool. */
static void
spool_analyzed (Spool    *spool,
                Analyzed *analyzed,
                guint    *next_claim)
{
  TallyAnalyzedDocument *document = analyzed->document;
  gsize from = 0;
  const gsize head = strlen (JSON_CLAIM_HEAD);

  for (guint c = 0; c < analyzed->claim_ends->len; c++)
    {
      gsize end = g_array_index (analyzed->claim_ends, gsize, c);
      char *id = g_strdup_printf ("c%u", ++*next_claim);
      g_autofree char *start = g_strdup_printf ("%s\n    {\n      \"id\": \"%s\"", spool->claims++ > 0 ? "," : "", id);

      g_assert (end - from >= head && strncmp (analyzed->out->str + from, JSON_CLAIM_HEAD, head) == 0);
      g_ptr_array_add (document->claim_ids, id);
      spool_write (spool, start, strlen (start));
      spool_write (spool, analyzed->out->str + from + head, end - from - head);
      from = end;
    }
}

static void
flush_out (GString  *out,
           gboolean  force)
{
  if (force || out->len >= 65536)
    {
      fwrite (out->str, 1, out->len, stdout);
      g_string_truncate (out, 0);
    }
}

/* json: the one object, written as tally_json_to_string (tally_json_analysis_node
 * (…), 2) writes it, from the documents kept, the spooled claims and the
 * events found as documents came. */
static gboolean
write_json (GPtrArray        *documents,
            Spool            *spool,
            TallyEventFinder *finder)
{
  g_autoptr(GPtrArray) stories = tally_analyzed_documents_find_stories (documents);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonNode) tally = json_node_new (JSON_NODE_OBJECT);
  JsonObject *version = json_object_new ();

  json_object_set_string_member (version, "version", PACKAGE_VERSION);
  json_node_take_object (tally, version);
  g_string_append (out, "{\n  \"tally\": ");
  tally_json_write_node (out, tally, 2, 1);

  g_string_append (out, ",\n  \"documents\": [");
  for (guint d = 0; d < documents->len; d++)
    {
      g_autoptr(JsonNode) node = tally_json_document_node (g_ptr_array_index (documents, d));

      g_string_append (out, d > 0 ? ",\n    " : "\n    ");
      tally_json_write_node (out, node, 2, 2);
      flush_out (out, FALSE);
    }
  g_string_append (out, documents->len > 0 ? "\n  ]" : "]");

  g_string_append (out, ",\n  \"claims\": [");
  flush_out (out, TRUE);
  if (!spool_copy_out (spool))
    return FALSE;
  g_string_append (out, spool->claims > 0 ? "\n  ]" : "]");

  /* One fact's object at a time, as the documents above. */
  {
    g_autoptr(TallyFactInputs) inputs = tally_fact_inputs_from_documents (documents);
    const TallyFactInput *items = (const TallyFactInput *) inputs->inputs->data;
    g_autoptr(GPtrArray) facts = tally_group_facts (items, inputs->inputs->len);

    g_string_append (out, ",\n  \"facts\": [");
    for (guint f = 0; f < facts->len; f++)
      {
        g_autoptr(JsonNode) node = tally_fact_json_node (g_ptr_array_index (facts, f), items);

        g_string_append (out, f > 0 ? ",\n    " : "\n    ");
        tally_json_write_node (out, node, 2, 2);
        flush_out (out, FALSE);
      }
    g_string_append (out, facts->len > 0 ? "\n  ]" : "]");
  }

  g_string_append (out, ",\n  \"events\": [");
  events = finder != NULL ? tally_event_finder_finish (finder) : g_ptr_array_new ();
  for (guint e = 0; e < events->len; e++)
    {
      g_autoptr(JsonNode) node = tally_event_record_to_json (g_ptr_array_index (events, e));

      g_string_append (out, e > 0 ? ",\n    " : "\n    ");
      tally_json_write_node (out, node, 2, 2);
      flush_out (out, FALSE);
    }
  g_string_append (out, events->len > 0 ? "\n  ]" : "]");

  {
    g_autoptr(JsonNode) node = tally_json_stories_node (stories, documents);

    g_string_append (out, ",\n  \"stories\": ");
    tally_json_write_node (out, node, 2, 1);
  }
  g_string_append (out, "\n}\n");
  flush_out (out, TRUE);
  return TRUE;
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
  Spool spool = { 0 };
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
  /* Machine output writes numbers and month names the same in every locale,
   * explanations included; only the report, which people read, takes the
   * locale's marks and months. */
  if (run.format != FORMAT_REPORT)
    {
      setlocale (LC_NUMERIC, "C");
      setlocale (LC_TIME, "C");
    }
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
  if (run.format == FORMAT_JSONL || run.format == FORMAT_JSON)
    finder = tally_event_finder_new (NULL, NULL);
  if (run.format == FORMAT_JSON)
    spool_init (&spool);

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
      else if (run.format == FORMAT_JSON)
        {
          spool_analyzed (&spool, analyzed, &next_claim);
          if (finder != NULL && analyzed->events != NULL)
            tally_event_finder_add_part (finder, g_steal_pointer (&analyzed->events));
          /* Kept to the end: only what the facts and stories read, once the
           * claims' objects are spooled (both at once would double a large
           * document's share). */
          g_string_free (g_steal_pointer (&analyzed->out), TRUE);
          tally_analyzed_document_keep_for_facts (document);
          g_ptr_array_add (documents, g_steal_pointer (&analyzed->document));
        }
      else
        {
          for (guint c = 0; c < document->claims->len; c++)
            g_ptr_array_add (document->claim_ids, g_strdup_printf ("c%u", ++next_claim));
          g_ptr_array_add (documents, g_steal_pointer (&analyzed->document));
        }
    }
  g_clear_pointer (&pipeline, tally_pipeline_free);

  if (finder != NULL && run.format == FORMAT_JSONL)
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

  /* Streamed: no JsonNode tree of the whole output, no string of it. */
  if (run.format == FORMAT_JSON)
    {
      gboolean written = write_json (documents, &spool, finder);

      spool_clear (&spool);
      if (!written)
        failed = TRUE;
    }
  fflush (stdout);
  return failed ? 1 : 0;
}
