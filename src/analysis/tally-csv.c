/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-csv.h"

#include <math.h>
#include <string.h>

gboolean
tally_csv_is_formula (const char *text)
{
  return text != NULL && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

void
tally_csv_append_text_len (GString    *out,
                           const char *text,
                           gsize       len,
                           gboolean    blank)
{
  const char *end;
  gboolean quote = FALSE;
  gsize from;

  if (text == NULL)
    return;
  end = memchr (text, '\0', len);
  len = end != NULL ? (gsize) (end - text) : len;
  for (gsize i = 0; i < len && !quote; i++)
    quote = text[i] == ',' || text[i] == '"' || (!blank && (text[i] == '\n' || text[i] == '\r'));
  if (quote)
    g_string_append_c (out, '"');
  if (len > 0 && strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (out, '\'');
  from = out->len;
  if (!quote)
    g_string_append_len (out, text, len);
  else
    for (gsize i = 0; i < len; i++)
      {
        if (text[i] == '"')
          g_string_append_c (out, '"');
        g_string_append_c (out, text[i]);
      }
  if (blank)
    for (gsize i = from; i < out->len; i++)
      if (out->str[i] == '\n' || out->str[i] == '\r' || out->str[i] == '\t')
        out->str[i] = ' ';
  if (quote)
    g_string_append_c (out, '"');
}

void
tally_csv_append_text (GString    *out,
                       const char *text)
{
  tally_csv_append_text_len (out, text, G_MAXSSIZE, FALSE);
}

void
tally_csv_append_number (GString *out,
                         double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return;
  /* Whole numbers without ".0" or an exponent: "1100000000", not "1.1e+09". */
  if (value == floor (value) && fabs (value) < 9007199254740992.0)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }
  /* The fewest digits that read back as `value` ("33.33", not
   * "33.329999999999998"), the same in every locale. */
  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}
