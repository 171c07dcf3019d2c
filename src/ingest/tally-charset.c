/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-charset.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "tally-document-record.h"
#include "tally-ingest-private.h"

/* Files that are not UTF-8: ICU names the encoding (the page's own
 * declaration first, then ucsdet's statistics) and decodes it (ucnv), with
 * the source offset of every character, so claims still land on their bytes
 * in the original file. */

/* Below this, ucsdet's guess is no better than the default. */
#define MIN_CONFIDENCE 20

/* How far into a page a charset declaration counts (HTML says 1024 bytes;
 * saved pages often carry long comments or scripts before <meta>). */
#define DECLARATION_WINDOW 8192

/* WHATWG's Encoding Standard decodes these labels as windows-1252 (browsers
 * never meant C1 controls by 0x80–0x9F); ICU would take them literally. */
static const char *
browser_label (const char *name)
{
  static const char * const latin1[] = {
    "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii", "cp819", "ibm819",
    "iso-ir-100", "csisolatin1", "x-cp1252",
  };

  for (guint i = 0; i < G_N_ELEMENTS (latin1); i++)
    if (g_ascii_strcasecmp (name, latin1[i]) == 0)
      return "windows-1252";
  return name;
}

/* The value after `attr=` at `p`, quoted or not; NULL when there is none. */
static char *
attribute_value (const char *p,
                 const char *end)
{
  const char *start;
  char quote = 0;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p >= end || *p != '=')
    return NULL;
  p++;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p < end && (*p == '"' || *p == '\''))
    quote = *p++;
  start = p;
  /* Unquoted, the value may end its content="…; charset=…" attribute. */
  while (p < end && *p != quote && *p != '>' && *p != ';'
         && !(quote == 0 && (g_ascii_isspace (*p) || *p == '/' || *p == '"' || *p == '\'')))
    p++;
  if (p == start)
    return NULL;
  return g_strndup (start, p - start);
}

char *
tally_charset_declared (const guchar *data,
                        gsize         len)
{
  gsize window = MIN (len, DECLARATION_WINDOW);
  g_autofree char *lower = g_ascii_strdown ((const char *) data, window);
  const char *end = lower + strlen (lower);

  /* <?xml version="1.0" encoding="windows-1251"?> (XHTML) */
  if (g_str_has_prefix (lower, "<?xml"))
    {
      const char *close = strstr (lower, "?>");
      const char *enc = strstr (lower, "encoding");

      if (enc != NULL && (close == NULL || enc < close))
        {
          char *name = attribute_value (enc + strlen ("encoding"), close != NULL ? close : end);

          if (name != NULL)
            return name;
        }
    }
  /* <meta charset="koi8-r"> and <meta http-equiv="Content-Type"
   * content="text/html; charset=koi8-r">: a charset= inside a <meta> tag. */
  for (const char *meta = strstr (lower, "<meta"); meta != NULL; meta = strstr (meta + 5, "<meta"))
    {
      const char *close = memchr (meta, '>', end - meta);
      const char *limit = close != NULL ? close : end;

      for (const char *cs = g_strstr_len (meta, limit - meta, "charset"); cs != NULL;
           cs = g_strstr_len (cs + 7, limit - cs - 7, "charset"))
        {
          char *name = attribute_value (cs + strlen ("charset"), limit);

          if (name != NULL)
            return name;
        }
    }
  return NULL;
}

char *
tally_charset_detect (const guchar *data,
                      gsize         len,
                      int          *confidence)
{
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector *detector = ucsdet_open (&status);
  const UCharsetMatch *match;
  char *name = NULL;

  *confidence = 0;
  if (U_FAILURE (status))
    return NULL;
  /* Markup would skew the statistics toward ASCII. */
  ucsdet_enableInputFilter (detector, TRUE);
  ucsdet_setText (detector, (const char *) data, (int32_t) MIN (len, (gsize) G_MAXINT32), &status);
  match = ucsdet_detect (detector, &status);
  if (U_SUCCESS (status) && match != NULL)
    {
      const char *found = ucsdet_getName (match, &status);

      *confidence = ucsdet_getConfidence (match, &status);
      if (U_SUCCESS (status) && found != NULL)
        name = g_strdup (found);
    }
  ucsdet_close (detector);
  return name;
}

/* UTF-16 from ICU to UTF-8, one code point at a time, each mapped back to
 * the byte where its source sequence began. */
static void
append_utf16 (GString       *out,
              GArray        *map,
              const UChar   *units,
              const int32_t *offsets,
              gsize          n_units,
              gsize          base,
              gsize          source_len)
{
  for (gsize i = 0; i < n_units; i++)
    {
      gunichar c = units[i];
      gsize source = offsets[i] >= 0 ? base + (gsize) offsets[i] : base;

      if (c >= 0xD800 && c < 0xDC00 && i + 1 < n_units && units[i + 1] >= 0xDC00 && units[i + 1] < 0xE000)
        {
          c = 0x10000 + ((c - 0xD800) << 10) + (units[i + 1] - 0xDC00);
          i++;
        }
      else if (c >= 0xD800 && c < 0xE000)
        c = 0xFFFD;
      tally_offset_map_add (map, out->len, MIN (source, source_len));
      g_string_append_unichar (out, c);
    }
}

char *
tally_charset_decode (const guchar  *data,
                      gsize          len,
                      const char    *charset,
                      GArray        *map,
                      gsize         *out_len)
{
  UErrorCode status = U_ZERO_ERROR;
  UConverter *converter = ucnv_open (browser_label (charset), &status);
  GString *out;
  UChar units[4096];
  int32_t offsets[G_N_ELEMENTS (units)];
  const char *source, *limit;

  if (U_FAILURE (status))
    return NULL;
  /* Bytes the encoding cannot decode become U+FFFD (ICU's default), never an error. */
  out = g_string_sized_new (len + len / 2);
  source = (const char *) data;
  limit = source + len;
  for (;;)
    {
      const char *start = source;
      UChar *target = units;

      status = U_ZERO_ERROR;
      ucnv_toUnicode (converter, &target, units + G_N_ELEMENTS (units), &source, limit, offsets, TRUE, &status);
      /* Offsets count from where this call's source began. A surrogate pair
       * split across two calls is rare enough to come out as two U+FFFD. */
      append_utf16 (out, map, units, offsets, target - units, start - (const char *) data, len);
      if (status != U_BUFFER_OVERFLOW_ERROR)
        break;
    }
  ucnv_close (converter);
  if (U_FAILURE (status))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  tally_offset_map_add (map, out->len, len);
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

const char *
tally_charset_canonical (const char *charset)
{
  UErrorCode status = U_ZERO_ERROR;
  const char *name = ucnv_getStandardName (browser_label (charset), "IANA", &status);

  if (U_FAILURE (status) || name == NULL)
    {
      status = U_ZERO_ERROR;
      name = ucnv_getCanonicalName (browser_label (charset), "", &status);
    }
  return U_SUCCESS (status) ? name : NULL;
}
