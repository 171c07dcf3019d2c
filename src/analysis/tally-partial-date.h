/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A date as precise as a source gave it: a year, a month or a day. The one
 * parser of the ISO forms the engine writes and reads ("2026", "2026-06",
 * "2026-06-17"): claims' values, events' dates, corrections, reference and
 * publication dates. */
typedef struct
{
  int year;   /* 1 … 9999 */
  int month;  /* 1 … 12, or 0 when not given */
  int day;    /* 1 … 31 (a day of that month), or 0 when not given */
} TallyPartialDate;

typedef enum
{
  TALLY_PARTIAL_DATE_YEAR_MONTH_DAY = 0,      /* "YYYY", "YYYY-MM" or "YYYY-MM-DD" */
  TALLY_PARTIAL_DATE_ALLOW_TIME     = 1 << 0, /* a full date may go on with "T…" or " …" (a time) */
  TALLY_PARTIAL_DATE_DAY_ONLY       = 1 << 1, /* only "YYYY-MM-DD" */
} TallyPartialDateFlags;

/* FALSE (and `date` zeroed) for anything else: other lengths, other
 * separators, signs, months or days that do not exist. */
gboolean tally_partial_date_parse          (const char             *text,
                                            TallyPartialDateFlags   flags,
                                            TallyPartialDate       *date);

/* The first and last Julian day (GDate numbering) the date covers: a whole
 * year, a whole month or one day. */
void     tally_partial_date_get_julian_span (const TallyPartialDate *date,
                                             guint32                *first,
                                             guint32                *last);

G_END_DECLS
