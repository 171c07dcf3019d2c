/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tally-ingest.h"

G_BEGIN_DECLS

/* The decoded file: UTF-8 text plus a map from decoded offsets back to the
 * original bytes (identity after the BOM for UTF-8 input). */
typedef struct
{
  const char *data;           /* UTF-8, NUL-terminated */
  gsize len;
  GArray *map;                /* TallyOffsetMapEntry: text_offset = decoded offset */
} TallyDecoded;

/* Appends a run start to an offset map, skipping entries the previous run
 * already implies. */
void  tally_offset_map_add        (GArray             *map,
                                   gsize               text_offset,
                                   gsize               source_offset);

gsize tally_decoded_source_offset (const TallyDecoded *decoded,
                                   gsize               offset);

/* A piece of a line: either bytes of the decoded text (exact, `src` is the
 * decoded offset) or text built from markup (`src` is an approximate offset
 * in the original file, and the piece owns `text`). */
typedef struct
{
  const char *text;
  gsize len;
  gsize src;
  gboolean exact;
  char *owned;
  /* Markup text whose words were found in the decoded text: `text` from
   * `anchor_skip` on starts at decoded offset `anchor`, so a decoder's runs
   * (a legacy encoding) map the bytes they share. */
  gboolean anchored;
  gsize anchor;
  gsize anchor_skip;
} TallyPiece;

typedef enum
{
  TALLY_LINE_PLAIN,
  TALLY_LINE_HEADING,
  TALLY_LINE_LIST,
  TALLY_LINE_BLANK,
} TallyLineKind;

typedef struct
{
  GArray *pieces;             /* TallyPiece */
  char *text;                 /* the pieces joined, for matching */
  TallyLineKind kind;
  int role;                   /* filled by the cleaner */
  gboolean furniture;         /* known furniture before any rule (link lists) */
  char *value;                /* byline author, comment author, … */
} TallyLine;

TallyLine *tally_line_new_exact   (const TallyDecoded *decoded,
                                   gsize               start,
                                   gsize               end);
TallyLine *tally_line_new_owned   (char               *text,
                                   gsize               src,
                                   TallyLineKind       kind);
void       tally_line_free        (TallyLine *line);
void       tally_line_update_text (TallyLine *line);

/* Boilerplate and furniture rules from the resource file boilerplate.txt. */
typedef enum
{
  TALLY_RULE_LINE,            /* the line alone is boilerplate */
  TALLY_RULE_TAIL,            /* the line and everything after it */
  TALLY_RULE_LABEL,           /* a stray link label */
  TALLY_RULE_COMMENTS,        /* "5 Comments": a comment section starts */
  TALLY_RULE_BYLINE,          /* "By Jane Doe": group 1 is the author */
  TALLY_RULE_OUTLET,          /* "© 2026 Harbour Times.": group 1 is the outlet */
  TALLY_RULE_COMMENT_AUTHOR,  /* "Jane says:": group 1 is the author */
  TALLY_RULE_COMMENT_LINE,    /* "Reply", "2 hours ago" inside comments */
  TALLY_RULE_HTML_DROP,       /* class/id of page furniture */
  TALLY_RULE_HTML_COMMENTS,   /* class/id of a comment section */
  TALLY_RULE_HTML_BODY,       /* class/id/itemprop of the article body */
  TALLY_RULE_HTML_AUTHOR,     /* class of a comment's author */
  TALLY_RULE_HTML_CONTENT,    /* class of a comment's text */
  TALLY_RULE_SKIP_EXTENSION,  /* file names a folder walk leaves out */
  TALLY_N_RULES
} TallyRuleScope;

gboolean tally_rules_match   (TallyRuleScope  scope,
                              const char     *text,
                              char          **group1);

/* Cleans lines (text, Markdown or HTML blocks) into the record: title, byline,
 * boilerplate, comments, paragraphs, offset map. `have_title` says the HTML
 * metadata already gave a title (the line equal to it is dropped). */
void     tally_clean_lines   (TallyDocumentRecord *record,
                              GPtrArray           *lines,
                              const TallyDecoded  *decoded,
                              gboolean             paragraphs_are_lines,
                              const char          *file_name);

/* Splits comment-section lines into author + text comments; `expected` is
 * the count from the section's header, or 0. */
void     tally_parse_comment_lines (TallyDocumentRecord *record,
                                    TallyLine          **lines,
                                    guint                n,
                                    guint                expected);

/* HTML: NULL when libxml2 can read the page in time linear in its size,
 * else the reason it is not read. */
const char *tally_html_check_limits (const TallyDecoded *decoded);

/* HTML: fills metadata and comments, returns the main text's lines. */
GPtrArray *tally_html_extract (TallyDocumentRecord *record,
                               const TallyDecoded  *decoded);

/* "June 17, 2025", "17 June 2025", "2025-06-17T09:00Z" → "2025-06-17". */
char      *tally_parse_date   (const char *text);

/* Collapses white space (and NBSP) into single spaces, trims. */
char      *tally_collapse_space (const char *text);

/* The host of the first URL in `text` ("https://www.example.org/a" →
 * "example.org"), or NULL: an outlet's name when nothing better says it. */
char      *tally_url_host       (const char *text);

G_END_DECLS
