/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-partial-date.h"

#include <string.h>

/* Exactly `n` ASCII digits. */
static gboolean
digits (const char *s,
        guint       n,
        int        *out)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

gboolean
tally_partial_date_parse (const char            *text,
                          TallyPartialDateFlags  flags,
                          TallyPartialDate      *date)
{
  TallyPartialDate d = { 0, 0, 0 };
  gsize len;

  memset (date, 0, sizeof *date);
  if (text == NULL)
    return FALSE;
  len = strlen (text);
  if (len > 10 && (flags & TALLY_PARTIAL_DATE_ALLOW_TIME) && (text[10] == 'T' || text[10] == ' '))
    len = 10;
  if (!(len == 4 || len == 7 || len == 10) || ((flags & TALLY_PARTIAL_DATE_DAY_ONLY) && len != 10))
    return FALSE;
  if (!digits (text, 4, &d.year) || d.year < 1)
    return FALSE;
  if (len >= 7 && (text[4] != '-' || !digits (text + 5, 2, &d.month) || d.month < 1 || d.month > 12))
    return FALSE;
  if (len == 10 && (text[7] != '-' || !digits (text + 8, 2, &d.day) || !g_date_valid_dmy (d.day, d.month, d.year)))
    return FALSE;
  *date = d;
  return TRUE;
}

void
tally_partial_date_get_julian_span (const TallyPartialDate *date,
                                    guint32                *first,
                                    guint32                *last)
{
  GDate g;

  g_date_clear (&g, 1);
  g_date_set_dmy (&g, date->day > 0 ? date->day : 1, date->month > 0 ? date->month : 1, date->year);
  *first = g_date_get_julian (&g);
  if (date->day == 0)
    {
      if (date->month == 0)
        g_date_set_dmy (&g, 31, 12, date->year);
      else
        g_date_set_dmy (&g, g_date_get_days_in_month (date->month, date->year), date->month, date->year);
    }
  *last = g_date_get_julian (&g);
}
