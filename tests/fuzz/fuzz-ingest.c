/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <string.h>

#include "tally-ingest.h"

/* libFuzzer target over ingest: the first byte picks the name the bytes
 * come under (text, HTML or Markdown, by extension; the format is still
 * decided by content), the rest is the file. A record must hold valid
 * UTF-8 and spans inside its text; a refusal must say why. */

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
  /* Not checked: that the end of the text maps inside the file. For HTML
   * the map is approximate and may point past the end (found by this
   * target; see the README's known problems). */
  tally_document_record_source_offset (record, record->text_len);
  return 0;
}
