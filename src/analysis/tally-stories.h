/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* Stories: documents that report the same story. Two documents are one
 * story when the rare names and terms of their titles and leads weigh the
 * same (cosine of TF-IDF vectors over the whole set) and their dates are
 * close; near-duplicates (one `cluster`) are one story by construction.
 * Candidates come from an inverted index over each document's strongest
 * terms, so the work grows with the documents, not with their pairs.
 * Across languages, where no words are shared, a story told in one language
 * joins the story in others whose titles and leads name the same subjects
 * (tally-story-anchors.h: "特斯拉", "Tesla"; "Китая", "China"), when two or
 * more are shared, their weights are alike and the dates are close.
 * Plain C, GLib only. */

/* What the stories read of one document (its title and the lead of its
 * text), found apart from the others: each term once, with its weight and
 * the forms it was written in, packed in one block of a few hundred bytes.
 * Made where the document is read (a worker of the import or of
 * `tally-cli analyze`) so that the title and lead need not be kept until
 * every document is in. */
typedef struct _TallyStoryWords TallyStoryWords;

/* Of a text's lead, the bytes the step across languages reads for the
 * subjects and figures it names (cut before a character that would not
 * fit). */
#define TALLY_STORY_ANCHOR_LEAD_BYTES 1200

TallyStoryWords *tally_story_words_new  (const char            *title,
                                         const char            *text,
                                         gsize                  text_len);
void             tally_story_words_free (TallyStoryWords       *words);
/* What a story's key is made from: FNV-1a over the title and the text's
 * first 64 KB; 0 when there is neither. */
guint64          tally_story_fingerprint (const char           *title,
                                          const char           *text,
                                          gsize                 text_len);
/* Bytes held, for memory accounting. */
gsize            tally_story_words_size (const TallyStoryWords *words);
/* The words written to a file of this process (a temporary file) and read
 * back from where they were written; FALSE or NULL when that fails. */
gboolean         tally_story_words_write (const TallyStoryWords *words,
                                          FILE                  *file);
TallyStoryWords *tally_story_words_read  (FILE                  *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyStoryWords, tally_story_words_free)

typedef struct
{
  const char *title;        /* may be NULL */
  const char *text;         /* the cleaned text; only its lead is read; may be NULL */
  gsize text_len;
  const char *published;    /* "2025-06-17" (or a date-time), may be NULL */
  const char *cluster;      /* near-duplicate cluster id, may be NULL */
  const char *key;          /* the document's id, for `moved_to`; may be NULL */
  const char *moved_to;     /* an analyst's correction: the key of a document
                             * whose story this one joins (its own key: a story
                             * of its own). A moved document links to no other
                             * by its words. NULL: found from the words */
  const TallyStoryWords *words; /* when set, read in place of `title` and `text` */
  const char *language;     /* BCP 47 tag ("en", "ru", "zh-Hant"); NULL:
                             * detected from the title and lead */
  guint64 fingerprint;      /* when not 0: tally_story_fingerprint() of the
                             * title and text, made while the text was at
                             * hand (it is then read only when the stories
                             * are in several languages) */
  /* When `words` is NULL and this is set: called once per input, in input
   * order, for words kept elsewhere (freed once read); NULL: read the title
   * and text. */
  TallyStoryWords *(*load_words) (gpointer load_data);
  gpointer load_data;
} TallyStoryInput;

typedef struct
{
  char *id;                 /* "s1", … : largest first, then by first document */
  char *key;                /* stable across runs, renumbering and re-imports:
                             * "story:" and the smallest fingerprint of its
                             * members' title and text (the id when none has
                             * either); fact keys carry it */
  char *name;               /* its main terms as written: "Ever Given, Suez Canal, ship" */
  GArray *documents;        /* guint: indexes into the input, in input order */
  GStrv terms;              /* the main terms, most weight first */
} TallyStoryRecord;

void        tally_story_record_free (TallyStoryRecord *story);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyStoryRecord, tally_story_record_free)

/* Finds the stories of `n_inputs` documents. `story_of` (may be NULL) gets
 * `n_inputs` entries: the index of each document's story in the result.
 * Every document belongs to exactly one story. */
GPtrArray  *tally_find_stories      (const TallyStoryInput *inputs,
                                     gsize                  n_inputs,
                                     guint                 *story_of);

/* How much of a text the stories read (its lead: the first 150 words, and
 * at least its first 64 KB, where its story's key, its language and
 * subjects are read), in bytes: a caller that keeps only text[0, length)
 * finds the same stories. */
gsize       tally_story_lead_length (const char *text,
                                     gsize       len);


G_END_DECLS
