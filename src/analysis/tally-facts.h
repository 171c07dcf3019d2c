/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tally-claim-record.h"

G_BEGIN_DECLS

/* Fact grouping and grading: the claims of many documents in, facts out.
 * A fact is one thing measured (same measure, kind, unit, scope year and
 * level-or-change); its distinct values are graded against each other
 * (agree, rounding, qualified, conflict, single). Plain C, GLib only. */

typedef enum
{
  TALLY_FACT_STATUS_CONFLICT,
  TALLY_FACT_STATUS_QUALIFIED,
  TALLY_FACT_STATUS_ROUNDING,
  TALLY_FACT_STATUS_AGREE,
  TALLY_FACT_STATUS_SINGLE,
  TALLY_FACT_STATUS_UPDATED,      /* a figure that moved: sources stated it on different days */
} TallyFactStatus;

/* One claim handed to the grouping. Everything is borrowed: the inputs must
 * outlive the facts made from them (facts point back at `document_id` and
 * refer to claims by their index in the input array). */
typedef struct
{
  const char *claim_id;           /* "c12" */
  const char *document_id;        /* "d3" */
  const char *outlet;             /* may be NULL */
  const TallyClaimRecord *record;
  const char *text;               /* the claim's words ("nearly $50 billion"), may be NULL */
  const char *sentence;           /* its sentence, may be NULL */

  /* A correction: claims with the same `group` form one fact whatever their
   * measures (a merge: the group is the target fact's key; a split: a group
   * of its own, "claim:c12"). NULL groups automatically. */
  const char *group;

  /* What the claim belongs to. Claims group only within one story, unless
   * subject, measure and scope year are all stated and equal; claims of
   * different subjects never group. All may be NULL. */
  const char *story;              /* a story's id (tally-stories.h): "s1" */
  const char *subject;            /* "Norway", "Shell", the person */
  const char *stated;             /* when the source said it: "2024-05-09" (its
                                   * publication date); orders a moving figure */

  /* The grouping's own (leave NULL): the measure as the source wrote it,
   * while `record` carries the one its concept gives for comparing. */
  const char *written_measure;
  const char *period;             /* the grouping's own too: "quarter" */

  /* The story's stable key ("story:1f0c…", tally-stories.h), which fact keys
   * carry so that corrections survive a renumbering; NULL: the story id. */
  const char *story_key;
} TallyFactInput;

/* One distinct value of a fact, and who states it. */
typedef struct
{
  double value;
  gboolean has_value_max;
  double value_max;
  char *value_text;               /* year and date facts: "2022", "2024-05" */
  char *value_max_text;
  TallyQualifier qualifier;
  gboolean nearly;                /* an approx value said "nearly"/"almost": [0.9·X, X] */
  char *display;                  /* for people: "nearly $50 billion", "over 80%", "16–17 June 2026",
                                   * "3.5 million tonnes" (the Facts view, the report, explanations) */
  char *data_display;             /* as JSON and CSV print it, ISO dates and unit codes:
                                   * "2026-06-16–2026-06-17", "3.5 million t" */
  guint side;                     /* 0 = the side most sources take; conflicts have more */
  char *stated;                   /* the earliest day a source stated it ("2024-05-09"), or NULL */
  GArray *claims;                 /* guint: indexes into the input */
  GPtrArray *documents;           /* const char*, borrowed, distinct, in input order */
} TallyFactValue;

typedef struct
{
  char *id;                       /* "f1", … in sorted order */
  char *key;                      /* stable across runs: "count||0|0|cooperation agreement", or the group */
  char *label;                    /* "Cooperation agreements signed" */
  char *measure;                  /* the most specific measure of its claims */
  char *story;                    /* the story its claims come from, NULL when it spans
                                   * stories (subject, measure and scope explicit) */
  char *subject;                  /* what the figure is about, or NULL */
  char *concept;                  /* the measure concept (tally-concepts.h): "delivery", or NULL */
  TallyClaimKind kind;            /* year and date facts are TALLY_CLAIM_KIND_YEAR or _DATE */
  char *unit;                     /* NULL for counts and dates */
  int scope_year;                 /* 0 = none */
  gboolean change;
  TallyFactStatus status;
  char *explanation;              /* "2 sources say 2022, 1 says 2021" */
  double spread;                  /* (max − min) / |max| over the stated values; 0 when one */
  GArray *claims;                 /* guint: indexes into the input, input order */
  GPtrArray *values;              /* TallyFactValue*, side 0 first, then by sources */
  GPtrArray *documents;           /* const char*, borrowed, distinct, input order */
} TallyFactRecord;

void             tally_fact_record_free        (TallyFactRecord *fact);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyFactRecord, tally_fact_record_free)

const char      *tally_fact_status_to_string   (TallyFactStatus  status);
gboolean         tally_fact_status_from_string (const char      *str,
                                                TallyFactStatus *status);

/* Groups and grades `n_inputs` claims. A figure stated differently on
 * different days with no two sources apart on one day (a toll, a count of
 * evacuees) is `updated`, not a conflict. Claims without a measure or a value,
 * and relative dates, are left out. Returns TallyFactRecord*, conflicts first,
 * then by number of sources (most first), then by label. */
GPtrArray       *tally_group_facts             (const TallyFactInput *inputs,
                                                gsize                 n_inputs);

/* As tally_group_facts(), with corrections: `labels` (may be NULL) maps fact
 * keys to labels an analyst wrote. Groups come from the inputs' `group`. */
GPtrArray       *tally_group_facts_corrected   (const TallyFactInput *inputs,
                                                gsize                 n_inputs,
                                                GHashTable           *labels);

/* How a value reads in data (JSON, CSV): "$48.2 billion", "over 80%",
 * "1,200 km", "3.5 million t", "14", "2022", "2026-06-16–2026-06-17".
 * `nearly` picks "nearly" over "about" for approx values. */
char            *tally_fact_format_value       (TallyClaimKind  kind,
                                                const char     *unit,
                                                double          value,
                                                gboolean        has_value_max,
                                                double          value_max,
                                                const char     *value_text,
                                                const char     *value_max_text,
                                                TallyQualifier  qualifier,
                                                gboolean        nearly);
/* The same value as people read it: dates in words ("16–17 June 2026",
 * "June 2026") and unit codes spelled out where the fact lexicon names them
 * ("3.5 million tonnes"). */
char            *tally_fact_format_value_readable (TallyClaimKind  kind,
                                                   const char     *unit,
                                                   double          value,
                                                   gboolean        has_value_max,
                                                   double          value_max,
                                                   const char     *value_text,
                                                   const char     *value_max_text,
                                                   TallyQualifier  qualifier,
                                                   gboolean        nearly);

/* A date or span ("2026-06-30", "2026-07-02") as people read it, in the
 * locale's month names: "30 June – 2 July 2026", "16–17 June 2026". The
 * one form for facts and events. NULL when `date` is not an ISO date. */
char            *tally_format_date_readable    (const char     *date,
                                                const char     *date_end);

/* A number as people read it, with the locale's decimal and group marks
 * ("1,200.5" in English, "1.200,5" in German, "1 200,5" in Russian). */
char            *tally_format_number_readable  (double          value);

/* A number typed or shown in an entry ("1.5", "14-16"): the data form
 * with the locale's decimal mark ("1,5" in de_DE and ru_RU), and back. A
 * "." typed under such a locale stays a decimal point; group marks are not
 * read. */
char            *tally_number_text_to_locale   (const char     *data_text);
char            *tally_number_text_from_locale (const char     *text);

G_END_DECLS
