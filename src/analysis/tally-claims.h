/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tally-claim-record.h"

G_BEGIN_DECLS

/* The claim extractor: cleaned article text in, TallyClaimRecord out.
 * One pass over the UTF-8 bytes: a tokenizer feeds a sentence buffer, and each
 * finished sentence that holds a number (or a number word, ordinal, month or
 * relative date) is matched against the lexicon. Plain functions, thread-safe,
 * no GObject: the model, the CLI, the tests and the fuzzer all call these. */

typedef struct
{
  /* The lexicon to use (NULL means "en"): a document's detected language
   * passed through tally_lexicon_language_for(). */
  const char *language;

  /* The publication date, to resolve "in April", "last year". Zero fields
   * mean no reference date: such claims keep no value and say `relative`. */
  int reference_year;
  int reference_month;
  int reference_day;

  /* The text's tokens (TallyToken) as tally_next_sentence_tokens_in()
   * gives them over the whole text with this `language`, when the caller
   * has them (ingest keeps them in TallyDocumentRecord.tokens, made in
   * tally_lexicon_language_for (record->language)); NULL: tokenise here. */
  const GArray *tokens;

  /* The document's title, or NULL. Its first word, when the lexicon does
   * not know it as a common word, is taken as the document's main name:
   * what "the company" or "the automaker" stands for before any name
   * (issue 12). */
  const char *title;
} TallyExtractOptions;

void        tally_extract_options_init               (TallyExtractOptions *options);

/* The reader the claim engine uses for a document in `language` (a BCP 47
 * tag, "und" or NULL): "zh" for Chinese ("zh", "zh-Hant"), which has a
 * reader of its own (tally-claims-zh.c, ignoring `tokens`), else the
 * lexicon tally_lexicon_language_for() picks. */
const char *tally_claims_language_for                (const char          *language);

/* A paragraph in another language than its document's ("a Chinese
 * quotation on an English page"): its byte range and its language (BCP 47,
 * as tally_language_detect() gives it). */
typedef struct
{
  gsize start;
  gsize end;
  const char *language;
} TallyParagraphLanguage;

/* The paragraphs of `text` that the claims engine reads with another
 * language's reader than the document's (`language`, BCP 47 or NULL for
 * English), in text order: the same paragraphs tally_extract_claims_foreach()
 * hands to their own reader. An empty array when there are none. */
GArray     *tally_claims_paragraph_languages         (const char          *text,
                                                      gsize                len,
                                                      const char          *language);

/* Accepts "YYYY-MM-DD", optionally followed by a time ("2025-06-17T09:30Z"),
 * "YYYY-MM" or "YYYY". Returns FALSE (options untouched) on anything else. */
gboolean    tally_extract_options_set_reference_date (TallyExtractOptions *options,
                                                      const char          *iso_date);

typedef void (*TallyClaimFunc) (const TallyClaimRecord *claim,
                                gpointer                user_data);

/* Calls `func` for each claim in text order; the record is only valid during
 * the call (copy it with tally_claim_record_copy()). Returns the number of
 * claims. Nothing is kept between sentences, so memory does not grow with
 * the text. */
guint       tally_extract_claims_foreach             (const char                *text,
                                                      gsize                      len,
                                                      const TallyExtractOptions *options,
                                                      TallyClaimFunc             func,
                                                      gpointer                   user_data);

/* Every claim of `text` as a GPtrArray of TallyClaimRecord* (owns them). */
GPtrArray  *tally_extract_claims                     (const char                *text,
                                                      gsize                      len,
                                                      const TallyExtractOptions *options);

/* A document with no publication date: the year of "on 30 January" or "in
 * April" is the one year its explicit dates agree on (full dates first, else
 * bare years given twice or more), and such claims get a value with `year_inferred` set. Dates
 * saying which year themselves ("last April") and documents whose dates
 * disagree are left unresolved. tally_extract_claims() calls it when the
 * options give no reference date. Returns the number of claims dated. */
guint       tally_claims_infer_years                 (GPtrArray  *claims,
                                                      const char *text,
                                                      gsize       len,
                                                      const char *language);

/* Sentence boundaries as the extractor sees them: call with *pos = 0 and
 * repeat while it returns TRUE. */
gboolean    tally_next_sentence                      (const char *text,
                                                      gsize       len,
                                                      gsize      *pos,
                                                      gsize      *start,
                                                      gsize      *end);
/* The same, appending the sentence's tokens (TallyToken) to `tokens`: over
 * a whole text they are every token of it, in order. English lexicon. */
gboolean    tally_next_sentence_tokens               (const char *text,
                                                      gsize       len,
                                                      gsize      *pos,
                                                      gsize      *start,
                                                      gsize      *end,
                                                      GArray     *tokens);
/* The same with the lexicon of `language` (a lexicon language: see
 * tally_lexicon_language_for()), which decides how numbers are written
 * ("12,7" in Russian) and which words are looked up. */
gboolean    tally_next_sentence_tokens_in            (const char *language,
                                                      const char *text,
                                                      gsize       len,
                                                      gsize      *pos,
                                                      gsize      *start,
                                                      gsize      *end,
                                                      GArray     *tokens);

G_END_DECLS
