/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-document-id.h"

guint
tally_document_id_hash (gconstpointer id)
{
  return g_int64_hash (&((const TallyDocumentId *) id)->value);
}

gboolean
tally_document_id_key_equal (gconstpointer a,
                             gconstpointer b)
{
  return ((const TallyDocumentId *) a)->value == ((const TallyDocumentId *) b)->value;
}

TallyDocumentId *
tally_document_id_dup (TallyDocumentId id)
{
  return g_memdup2 (&id, sizeof id);
}

char *
tally_document_id_to_key (TallyDocumentId id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id.value);
}

TallyDocumentId
tally_document_id_from_key (const char *key)
{
  gint64 value = 0;

  /* Strict: "12x", " 12", "" and "0" name no document. */
  if (key == NULL || !g_ascii_string_to_signed (key, 10, 1, G_MAXINT64, &value, NULL))
    return TALLY_DOCUMENT_ID_NONE;
  return tally_document_id_from_int64 (value);
}
