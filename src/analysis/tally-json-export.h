/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "tally-claim-record.h"
#include "tally-document-record.h"
#include "tally-events.h"
#include "tally-stories.h"

G_BEGIN_DECLS

/* Analysis results → the public JSON of `tally-cli analyze` (documented in
 * README, "tally-cli"). Kept out of the CLI so that the model, the tests and
 * the facts and events code write the same shapes. */

typedef struct
{
  char *id;                      /* "d1", "d2", … */
  char *path;                    /* as given on the command line */
  TallyDocumentRecord *record;   /* NULL when the file could not be read */
  GPtrArray *claims;             /* TallyClaimRecord*, owned */
  GPtrArray *claim_ids;          /* char*: "c1", … (ids are global to the run) */
  GPtrArray *errors;             /* char*: "cannot read: …" */
  char *reference_date;          /* "YYYY-MM-DD" that relative dates of claims and
                                  * events resolve against (`--reference-date`);
                                  * NULL: the publication date */
  char *story;                   /* "s1": set by tally_analyzed_documents_find_stories() */
  char *story_key;               /* its stable key ("story:1f0c…"), set there too */
  /* Once tally_analyzed_document_keep_for_facts() ran: `claims` point into
   * `records` (their strings in `strings`), and each claim's words and
   * sentence (or NULL) are kept, parallel to `claims`. */
  char *strings;
  gsize strings_len;
  GArray *records;
  GPtrArray *claim_words;
  GPtrArray *claim_sentences;
} TallyAnalyzedDocument;

TallyAnalyzedDocument *tally_analyzed_document_new  (const char *id,
                                                     const char *path);
void                   tally_analyzed_document_free (TallyAnalyzedDocument *document);

/* Keeps of a document only what the facts, the stories and the "documents"
 * list read once its claims are written: its fields, comments and claims,
 * each claim's words and sentence, and the lead of its text the stories
 * read (tally_story_lead_length()); the rest of the text, its spans, offset
 * map, boilerplate and tokens go; a claim is one record in an array, its
 * strings shared with the document's other claims. The facts and stories
 * come out the same. */
void                   tally_analyzed_document_keep_for_facts (TallyAnalyzedDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyAnalyzedDocument, tally_analyzed_document_free)

/* Finds the stories of `documents` (tally-stories.h) and sets each one's
 * `story`. Returns TallyStoryRecord*, whose `documents` index `documents`. */
GPtrArray *tally_analyzed_documents_find_stories (GPtrArray *documents);

/* {"id", "title" … "story"}: the top-level "stories" list. */
JsonNode  *tally_json_stories_node (GPtrArray *stories,
                                    GPtrArray *documents);

/* {"id", "path", "title", "outlet", "published", "words", "comments", "errors", "story"} */
JsonNode *tally_json_document_node (const TallyAnalyzedDocument *document);

/* {"id", "document", "kind", "value", "value_max", "unit", "qualifier",
 *  "measure", "change", "scope", "relative", "text", "sentence", "start", "end"};
 * `text` is the document text the offsets point into. */
JsonNode *tally_json_claim_node    (const TallyClaimRecord *claim,
                                    const char             *id,
                                    const char             *document_id,
                                    const char             *text,
                                    gsize                   text_len);

/* The whole `analyze` object for a set of documents:
 * {"tally": {"version"}, "documents": […], "claims": […], "facts": […], "events": […]}. */
JsonNode *tally_json_analysis_node (GPtrArray  *documents,
                                    const char *version);


/* Feeds one document to `finder`, dated as "events" dates it: its
 * reference_date, else its publication date, else one guessed from the
 * text. The document's claims are used as they are (they were extracted
 * against that date) unless the date was guessed. The finder copies what it
 * keeps, so `document` may go right after (jsonl streams documents and
 * writes the events at the end). Does nothing for a document that could
 * not be read. */
void      tally_json_add_document_events (TallyEventFinder            *finder,
                                          const TallyAnalyzedDocument *document);

/* Serialises like json_generator_to_data(), but writes doubles with the
 * fewest digits that read back the same ("33.33", where JsonGenerator's
 * "%.17g" writes "33.329999999999998"). `indent` 0 means one line. */
char     *tally_json_to_string     (JsonNode *node,
                                    guint     indent);
/* The same appended to `out`, as a value `depth` levels down (its inner lines
 * indented by `indent` × (depth + 1)): for a writer that streams the outer
 * levels itself. */
void      tally_json_write_node    (GString  *out,
                                    JsonNode *node,
                                    guint     indent,
                                    guint     depth);

/* jsonl straight from the records, the same bytes as tally_json_to_string()
 * on the nodes above plus "type" (keep the two in step: test-cli-golden
 * compares them). A document line: */
void      tally_jsonl_write_document (GString                     *out,
                                      const TallyAnalyzedDocument *document);
/* A claim line. With `id` NULL the line starts after the id's value (at its
 * closing quote), for a caller that numbers claims later and writes
 * `{"id":"c12` itself. */
void      tally_jsonl_write_claim    (GString                *out,
                                      const TallyClaimRecord *claim,
                                      const char             *id,
                                      const char             *document_id,
                                      const char             *text,
                                      gsize                   text_len);

/* One claim per CSV row. With `id` NULL the row starts at the comma after
 * the id, as for jsonl. */
void      tally_csv_write_header   (GString *out);
void      tally_csv_write_claim    (GString                *out,
                                    const TallyClaimRecord *claim,
                                    const char             *id,
                                    const char             *document_id,
                                    const char             *path,
                                    const char             *text,
                                    gsize                   text_len);

G_END_DECLS
