/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tally-claims.h"

G_BEGIN_DECLS

/* The annotated accuracy corpus in tests/data/claims: NN-name.txt articles
 * with hand-checked NN-name.expected claims. Shared by test-claims (which
 * asserts every item) and bench-claims-accuracy (which prints the scores). */

typedef struct
{
  char *text;        /* the claim's exact words */
  char *fields[8];   /* kind value value_max unit qualifier measure change scope ("-" = null) */
  gboolean known_miss; /* measure written "~x": right answer the extractor misses */
} ExpectedClaim;

enum { F_KIND, F_VALUE, F_VALUE_MAX, F_UNIT, F_QUALIFIER, F_MEASURE, F_CHANGE, F_SCOPE };

typedef struct
{
  char *name;
  char *text;
  gsize len;
  TallyExtractOptions options;
  GPtrArray *expected;   /* ExpectedClaim* */
} CorpusDocument;

typedef struct
{
  guint expected;
  guint extracted;
  guint core_matched;     /* kind + value + value_max + unit + qualifier */
  guint measure_matched;  /* measure, among core matches */
} CorpusScore;

GPtrArray *claims_corpus_load   (const char  *dir,
                                 GError     **error);

/* One claim's fields as the .expected file writes them. */
void       claims_corpus_fields (const CorpusDocument   *doc,
                                 const TallyClaimRecord *claim,
                                 char                  **text,
                                 char                   *fields[8]);

/* Pairs expected and extracted claims by their words (the n-th "14" with the
 * n-th "14") and counts matches. `report` gets one line per mismatch. */
void       claims_corpus_score  (const CorpusDocument *doc,
                                 GPtrArray            *claims,
                                 CorpusScore          *score,
                                 GString              *report);

G_END_DECLS
