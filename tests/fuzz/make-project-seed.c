/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "tally-claims.h"
#include "tally-ingest.h"
#include "tally-store.h"

/* make-project-seed OUT.tally TEXT…: a small project as Tally makes it (one
 * document per text file, with its claims), a seed for fuzz-project. */
int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  TallyStore *store;

  if (argc < 3)
    return 2;
  g_unlink (argv[1]);
  if ((store = tally_store_open (argv[1], TALLY_STORE_OPEN_CREATE, &error)) == NULL)
    g_error ("%s", error->message);
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(TallyDocumentRecord) record = tally_ingest_file (argv[i], &error);
      g_autoptr(GPtrArray) claims = NULL;
      TallyExtractOptions options;

      if (record == NULL)
        g_error ("%s", error->message);
      tally_extract_options_init (&options);
      claims = tally_extract_claims (record->text, record->text_len, &options);
      if (tally_document_id_is_none (tally_store_add_document (store, record, claims, TALLY_DOCUMENT_ID_NONE, &error)))
        g_error ("%s", error->message);
    }
  tally_store_close (store);
  return 0;
}
