/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What ingest makes of one file: plain data, handed to analysis, the store and
 * the CLI. `text` is the cleaned article body (UTF-8) that claims point into;
 * boilerplate and reader comments are kept beside it, never inside it. */

typedef struct
{
  gsize start;          /* byte range in `text` */
  gsize end;
} TallySpan;

typedef struct
{
  char *author;         /* may be NULL */
  char *text;
} TallyComment;

typedef struct
{
  char *text;           /* the boilerplate block as it stood in the article */
  gsize offset;         /* where in `text` it was taken out */
} TallyBoilerplate;

typedef struct
{
  gsize text_offset;    /* start of a run of cleaned text … */
  gsize source_offset;  /* … and where that run starts in the original bytes */
} TallyOffsetMapEntry;

typedef struct
{
  char *path;           /* absolute path of the file, or NULL */
  char *origin;         /* the folder it was imported from (symlinks resolved), or NULL */
  char *format;         /* "text", "html", "markdown" */
  char *content_hash;   /* SHA-256 (hex) of the original bytes */

  char *title;
  char *outlet;
  char *published;      /* ISO 8601 date "2025-06-17" (or date-time), or NULL */
  char *author;
  char *dateline;       /* the place of a dateline ("Oslo" of "OSLO, Norway, March 17 –"), or NULL */
  char *language;       /* BCP 47 tag ("en", "ru", "zh", "und"), or NULL when unknown */

  char *text;           /* cleaned article body */
  gsize text_len;
  guint word_count;

  GArray *paragraphs;   /* TallySpan into text */
  GArray *sentences;    /* TallySpan into text */
  GArray *tokens;       /* TallyToken (tally-tokenizer.h) of the whole text, found
                         * with the sentences in the lexicon of
                         * tally_lexicon_language_for (language), for the
                         * claim extractor and the event finder; NULL for texts over
                         * TALLY_RECORD_TOKENS_MAX bytes (and once a user drops them) */
  GPtrArray *comments;  /* TallyComment* */
  GPtrArray *boilerplate; /* TallyBoilerplate* */
  GArray *offset_map;   /* TallyOffsetMapEntry, sorted by text_offset */

  guint64 simhash;      /* near-duplicate fingerprint of the text */
} TallyDocumentRecord;

/* Tokens take about eight times the text's size: past this, they are not kept. */
#define TALLY_RECORD_TOKENS_MAX (1024 * 1024)

TallyDocumentRecord *tally_document_record_new   (void);
void                 tally_document_record_free  (TallyDocumentRecord *record);
TallyComment        *tally_comment_new           (const char *author,
                                                  const char *text);
void                 tally_comment_free          (TallyComment *comment);
TallyBoilerplate    *tally_boilerplate_new       (const char *text,
                                                  gsize       offset);
void                 tally_boilerplate_free      (TallyBoilerplate *boilerplate);

/* Maps a byte offset in the cleaned text back to the original file. */
gsize                tally_document_record_source_offset (const TallyDocumentRecord *record,
                                                          gsize                      text_offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyDocumentRecord, tally_document_record_free)

G_END_DECLS
