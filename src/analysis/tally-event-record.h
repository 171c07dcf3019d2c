/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One event the articles speak of (a summit, an agreement, a declared period),
 * merged across documents. Plain data, shared by the event finder, the model,
 * the timeline layout, the CLI and the tests. Dates are ISO text ("2026",
 * "2024-05", "2026-06-16") plus the first and last day they cover as GDate
 * Julian day numbers, so the timeline can place them without parsing. */

typedef enum
{
  TALLY_EVENT_KIND_SUMMIT,
  TALLY_EVENT_KIND_MEETING,
  TALLY_EVENT_KIND_VISIT,
  TALLY_EVENT_KIND_AGREEMENT,
  TALLY_EVENT_KIND_TREATY,
  TALLY_EVENT_KIND_DECLARATION,
  TALLY_EVENT_KIND_MEMORANDUM,
  TALLY_EVENT_KIND_CONFERENCE,
  TALLY_EVENT_KIND_FORUM,
  TALLY_EVENT_KIND_ELECTION,
  TALLY_EVENT_KIND_LAUNCH,
  TALLY_EVENT_KIND_OPENING,
  TALLY_EVENT_KIND_PLAN,
  TALLY_EVENT_KIND_YEARS,
  TALLY_EVENT_KIND_TALKS,
  TALLY_EVENT_KIND_START,
  TALLY_EVENT_KIND_COMPLETION,
  TALLY_EVENT_KIND_VOTE,
  TALLY_EVENT_KIND_BRIEFING,
  TALLY_EVENT_KIND_HEARING,
  TALLY_EVENT_KIND_RULING,
  TALLY_EVENT_KIND_RELEASE,
  TALLY_EVENT_KIND_ANCHOR,
  TALLY_EVENT_KIND_INCIDENT,
  TALLY_EVENT_KIND_PLEDGE,
  TALLY_EVENT_KIND_OTHER,
} TallyEventKind;

#define TALLY_EVENT_N_KINDS (TALLY_EVENT_KIND_OTHER + 1)

typedef enum
{
  TALLY_EVENT_PRECISION_DAY,
  TALLY_EVENT_PRECISION_MONTH,
  TALLY_EVENT_PRECISION_YEAR,
  TALLY_EVENT_PRECISION_RANGE,
  TALLY_EVENT_PRECISION_DECADE, /* "in the 1970s" */
} TallyEventPrecision;

typedef struct
{
  char *document;    /* document id ("d1") */
  gsize start;       /* the sentence, bytes into the document's cleaned text */
  gsize end;
  char *text;        /* the sentence */
  char *date;        /* what this mention says; NULL when it gives no date */
  char *date_end;
  char *language;    /* its document's language as the finder read it ("en", "ru", "zh") */
} TallyEventMention;

typedef struct
{
  char *date;
  char *date_end;    /* NULL unless a range */
  guint32 first_day; /* Julian days, inclusive */
  guint32 last_day;
  GPtrArray *documents; /* char*: document ids, in order of first mention */
} TallyEventAlternative;

typedef struct
{
  char *id;          /* "e1", … */
  char *label;
  TallyEventKind kind;
  char *date;        /* the date most sources give */
  char *date_end;
  TallyEventPrecision precision;
  guint32 first_day;
  guint32 last_day;
  char *place;       /* NULL when not stated */
  GPtrArray *participants; /* char* */
  gboolean planned;
  gboolean disputed; /* the sources give dates that cannot all be true */
  gboolean year_inferred; /* the date's year is not written: the article's
                           * other dates gave it ("June 18" beside "June 22, 2023") */
  GPtrArray *alternatives; /* TallyEventAlternative*: one per distinct date, the chosen one first */
  GPtrArray *mentions;     /* TallyEventMention*, in document order */
  char *at_event;    /* id of the gathering it took place at, whose date and
                      * place it takes ("the treaty signed at the summit"); NULL */
  char *at_event_label; /* that gathering's label, for views; NULL */
  GPtrArray *labels; /* char*: "language", "label" pairs, a label in each
                      * language its sources name it in; `label` is the one
                      * in the interface's language when there is one */
  GPtrArray *places; /* char*: "language", "place" pairs, the place as each
                      * language of its sources writes it in the nominative
                      * ("Москва", "莫斯科", "Moscow"); `place` is the label's */
} TallyEventRecord;

const char           *tally_event_kind_to_string       (TallyEventKind       kind);
gboolean              tally_event_kind_from_string     (const char          *str,
                                                        TallyEventKind      *kind);
const char           *tally_event_precision_to_string  (TallyEventPrecision  precision);

TallyEventMention    *tally_event_mention_new          (void);
void                  tally_event_mention_free         (TallyEventMention   *mention);
TallyEventAlternative *tally_event_alternative_new     (void);
void                  tally_event_alternative_free     (TallyEventAlternative *alternative);
TallyEventRecord     *tally_event_record_new           (void);
TallyEventRecord     *tally_event_record_copy          (const TallyEventRecord *record);
void                  tally_event_record_free          (TallyEventRecord    *record);

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" into the first and last Julian
 * day it covers. Returns FALSE on anything else. */
gboolean              tally_event_parse_iso_date       (const char          *iso,
                                                        guint32             *first_day,
                                                        guint32             *last_day);

/* {"id", "label", "kind", "date", "date_end", "precision", "place",
 *  "participants", "planned", "disputed", "year_inferred", "alternatives": [{"date",
 *  "date_end", "documents"}], "mentions": [{"document", "start", "end", "text",
 *  "language"}], "at_event", "labels": {"en": …, "ru": …}, "places": {"en": …, "ru": …}};
 * "alternatives" is empty unless the event is disputed. */
JsonNode             *tally_event_record_to_json       (const TallyEventRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyEventRecord, tally_event_record_free)

G_END_DECLS
