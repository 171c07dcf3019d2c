/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-document-record.h"

TallyDocumentRecord *
tally_document_record_new (void)
{
  TallyDocumentRecord *record = g_new0 (TallyDocumentRecord, 1);

  record->paragraphs = g_array_new (FALSE, FALSE, sizeof (TallySpan));
  record->sentences = g_array_new (FALSE, FALSE, sizeof (TallySpan));
  record->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_comment_free);
  record->boilerplate = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_boilerplate_free);
  record->offset_map = g_array_new (FALSE, FALSE, sizeof (TallyOffsetMapEntry));
  return record;
}

void
tally_document_record_free (TallyDocumentRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->path);
  g_free (record->origin);
  g_free (record->format);
  g_free (record->content_hash);
  g_free (record->title);
  g_free (record->outlet);
  g_free (record->published);
  g_free (record->author);
  g_free (record->dateline);
  g_free (record->language);
  g_free (record->text);
  g_array_unref (record->paragraphs);
  g_array_unref (record->sentences);
  g_clear_pointer (&record->tokens, g_array_unref);
  g_ptr_array_unref (record->comments);
  g_ptr_array_unref (record->boilerplate);
  g_array_unref (record->offset_map);
  g_free (record);
}

TallyComment *
tally_comment_new (const char *author,
                   const char *text)
{
  TallyComment *comment = g_new0 (TallyComment, 1);

  comment->author = g_strdup (author);
  comment->text = g_strdup (text);
  return comment;
}

void
tally_comment_free (TallyComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->author);
  g_free (comment->text);
  g_free (comment);
}

TallyBoilerplate *
tally_boilerplate_new (const char *text,
                       gsize       offset)
{
  TallyBoilerplate *boilerplate = g_new0 (TallyBoilerplate, 1);

  boilerplate->text = g_strdup (text);
  boilerplate->offset = offset;
  return boilerplate;
}

void
tally_boilerplate_free (TallyBoilerplate *boilerplate)
{
  if (boilerplate == NULL)
    return;
  g_free (boilerplate->text);
  g_free (boilerplate);
}

gsize
tally_document_record_source_offset (const TallyDocumentRecord *record,
                                     gsize                      text_offset)
{
  const TallyOffsetMapEntry *entries = (const TallyOffsetMapEntry *) record->offset_map->data;
  guint lo = 0, hi = record->offset_map->len;
  gsize source;

  if (hi == 0)
    return text_offset;

  /* Last entry whose text_offset <= the offset asked for. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (entries[mid].text_offset <= text_offset)
        lo = mid;
      else
        hi = mid;
    }
  if (entries[lo].text_offset > text_offset)
    return text_offset;
  source = entries[lo].source_offset + (text_offset - entries[lo].text_offset);
  /* A run ends where the next one starts in the file (when the file goes
   * forward there): it never reaches past it. */
  if (lo + 1 < record->offset_map->len && entries[lo + 1].source_offset >= entries[lo].source_offset)
    source = MIN (source, entries[lo + 1].source_offset);
  /* Where the next run starts earlier in the file, this one's length there
   * is unknown: it may not run on past its start (nor past the file). */
  else if (lo + 1 < record->offset_map->len)
    source = entries[lo].source_offset;
  return source;
}
