/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Legacy encodings, by ICU. */

/* The charset a page declares: <meta charset>, <meta http-equiv=
 * "Content-Type" content="…; charset=…"> or an XML declaration's encoding,
 * lower-cased; NULL when it declares none. */
char       *tally_charset_declared  (const guchar *data,
                                     gsize         len);

/* ICU's best guess (ucsdet) for bytes that are not UTF-8, with its
 * confidence 0–100; NULL when it has none. */
char       *tally_charset_detect    (const guchar *data,
                                     gsize         len,
                                     int          *confidence);

/* Decodes `data` from `charset` to UTF-8 (ucnv; bytes it cannot decode
 * become U+FFFD), appending to `map` the source offset of every character.
 * NULL when ICU knows no such charset. */
char       *tally_charset_decode    (const guchar *data,
                                     gsize         len,
                                     const char   *charset,
                                     GArray       *map,
                                     gsize        *out_len);

/* ICU's IANA name for a label ("cp1251" → "windows-1251"); NULL if unknown. */
const char *tally_charset_canonical (const char   *charset);

G_END_DECLS
