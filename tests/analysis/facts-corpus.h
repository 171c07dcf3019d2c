/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tally-facts.h"

G_BEGIN_DECLS

/* Hand-built claims for the fact tests: one line per claim, as a reader
 * would note them, turned into TallyFactInput that stay valid as long as
 * the corpus. */

typedef struct
{
  const char *doc;
  TallyClaimKind kind;
  double value;
  gboolean has_max;
  double value_max;
  const char *date;          /* year and date kinds: "2022", "2024-05" */
  const char *date_max;
  const char *unit;
  TallyQualifier qualifier;
  const char *measure;
  int scope;
  gboolean change;
  const char *text;
  const char *sentence;
  const char *outlet;
  const char *group;
  const char *story;
  const char *story_key;     /* the story's stable key; NULL: keys carry `story` */
  const char *subject;
  TallySubjectKind subject_kind;   /* 0 (none): the subject counts as a key */
  const char *stated;        /* "2024-05-09": when the source said it */
  TallyModality modality;
} FactsSpec;

typedef struct
{
  GPtrArray *records;        /* TallyClaimRecord* */
  GPtrArray *strings;        /* char*: claim ids and copies */
  GArray *inputs;            /* TallyFactInput */
} FactsCorpus;

FactsCorpus     *facts_corpus_new        (void);
void             facts_corpus_free       (FactsCorpus     *corpus);
void             facts_corpus_add        (FactsCorpus     *corpus,
                                          const FactsSpec *spec);
GPtrArray       *facts_corpus_group      (FactsCorpus     *corpus);
/* The fact with this label, failing the test when there is none or several. */
TallyFactRecord *facts_find              (GPtrArray       *facts,
                                          const char      *label);
/* "d1,d3" */
char            *facts_value_documents   (const TallyFactValue *value);
/* "c1,c2" */
char            *facts_claim_ids         (FactsCorpus     *corpus,
                                          GArray          *claims);

#define FACTS_CLAIM(corpus, ...) facts_corpus_add ((corpus), &(FactsSpec) { __VA_ARGS__ })

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FactsCorpus, facts_corpus_free)

G_END_DECLS
