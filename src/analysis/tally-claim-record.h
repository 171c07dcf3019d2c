/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One numeric statement found in a document's cleaned text. Plain data, shared
 * by the extractor, the fact grouping, the event finder, the store, the CLI and
 * the tests. Offsets are bytes into the document's cleaned UTF-8 text. */

typedef enum
{
  TALLY_CLAIM_KIND_MONEY,
  TALLY_CLAIM_KIND_PERCENT,
  TALLY_CLAIM_KIND_COUNT,
  TALLY_CLAIM_KIND_ORDINAL,
  TALLY_CLAIM_KIND_YEAR,
  TALLY_CLAIM_KIND_DATE,
  TALLY_CLAIM_KIND_DURATION,
  TALLY_CLAIM_KIND_NUMBER,
} TallyClaimKind;

typedef enum
{
  TALLY_QUALIFIER_EXACT,
  TALLY_QUALIFIER_APPROX,
  TALLY_QUALIFIER_OVER,
  TALLY_QUALIFIER_UNDER,
  TALLY_QUALIFIER_AT_LEAST,
  TALLY_QUALIFIER_AT_MOST,
} TallyQualifier;

/* What a figure is about ("Norway" in "Norway's trade reached $8.1 billion"). */
typedef enum
{
  TALLY_SUBJECT_KIND_NONE,   /* no subject: `subject` is NULL */
  TALLY_SUBJECT_KIND_COUNTRY,
  TALLY_SUBJECT_KIND_ORGANISATION,
  TALLY_SUBJECT_KIND_PERSON,
  TALLY_SUBJECT_KIND_EVENT,
  TALLY_SUBJECT_KIND_PLACE,
  TALLY_SUBJECT_KIND_OTHER,
} TallySubjectKind;

/* Whether the source states the figure as what happened or as what is
 * expected ("is expected to exceed $10 billion"): the two never agree or
 * conflict with each other. */
typedef enum
{
  TALLY_MODALITY_REPORTED,
  TALLY_MODALITY_PROJECTED,
} TallyModality;

typedef struct
{
  TallyClaimKind kind;

  /* Numeric kinds: value (and value_max for ranges, has_value_max set).
   * Year and date kinds: value_text ("2023", "2025-04", "2025-06-17") and
   * value_max_text for ranges; value holds the year as a number for sorting.
   * An unresolved relative date has has_value FALSE and relative set. */
  gboolean has_value;
  double value;
  gboolean has_value_max;
  double value_max;
  char *value_text;
  char *value_max_text;

  char *unit;        /* ISO 4217, "%", "pp", "year", "km", …; NULL for counts */
  TallyQualifier qualifier;
  char *measure;     /* lemma phrase: "cooperation agreement"; NULL when unknown */
  gboolean change;   /* a change ("rose 35%") rather than a level */
  int scope_year;    /* 0 when the sentence ties the figure to no period */
  char *relative;    /* "last year", "in April" when it could not be resolved */
  char *subject;     /* what the figure is about, as written ("Norway"); NULL when unknown */
  TallySubjectKind subject_kind;
  TallyModality modality;
  gboolean year_inferred; /* a date whose year the document's other dates gave */

  gsize start;       /* the claim's words, qualifier included */
  gsize end;
  gsize sentence_start;
  gsize sentence_end;
} TallyClaimRecord;

const char     *tally_claim_kind_to_string      (TallyClaimKind  kind);
gboolean        tally_claim_kind_from_string    (const char     *str,
                                                 TallyClaimKind *kind);
const char     *tally_qualifier_to_string       (TallyQualifier  qualifier);
gboolean        tally_qualifier_from_string     (const char     *str,
                                                 TallyQualifier *qualifier);

const char     *tally_subject_kind_to_string   (TallySubjectKind  kind);
gboolean        tally_subject_kind_from_string (const char       *str,
                                                TallySubjectKind *kind);
const char     *tally_modality_to_string       (TallyModality     modality);
gboolean        tally_modality_from_string     (const char       *str,
                                                TallyModality    *modality);

TallyClaimRecord *tally_claim_record_new        (void);
TallyClaimRecord *tally_claim_record_copy       (const TallyClaimRecord *record);
void              tally_claim_record_free       (TallyClaimRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyClaimRecord, tally_claim_record_free)

G_END_DECLS
