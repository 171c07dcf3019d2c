/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <string.h>

#include "tally-ingest.h"

/* libFuzzer target over ingest: the first byte picks the name the bytes
 * come under (text, HTML or Markdown, by extension; the format is still
 * decided by content), the rest is the file. A record must hold valid
 * UTF-8, spans inside its text and an offset map that stays inside the
 * file; a refusal must say why. */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char * const names[] = { "a.txt", "b.html", "c.md", "d" };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDocumentRecord) record = NULL;

  if (size == 0)
    return 0;
  bytes = g_bytes_new (data + 1, size - 1);
  record = tally_ingest_bytes (bytes, names[data[0] % G_N_ELEMENTS (names)], &error);
  if (record == NULL)
    {
      if (error == NULL || error->message == NULL || *error->message == '\0')
        __builtin_trap ();
      return 0;
    }
  if (record->text == NULL || record->text_len != strlen (record->text)
      || !g_utf8_validate (record->text, record->text_len, NULL))
    __builtin_trap ();
  for (guint i = 0; i < record->paragraphs->len; i++)
    {
      const TallySpan *span = &g_array_index (record->paragraphs, TallySpan, i);

      if (span->start > span->end || span->end > record->text_len)
        __builtin_trap ();
    }
  for (guint i = 0; i < record->sentences->len; i++)
    {
      const TallySpan *span = &g_array_index (record->sentences, TallySpan, i);

      if (span->start > span->end || span->end > record->text_len)
        __builtin_trap ();
    }
  /* Every place in the text, its end included, maps inside the file. */
  for (gsize at = 0; at <= record->text_len; at += 1 + at / 8)
    if (tally_document_record_source_offset (record, at) > size - 1)
      __builtin_trap ();
  if (tally_document_record_source_offset (record, record->text_len) > size - 1)
    __builtin_trap ();
  return 0;
}
