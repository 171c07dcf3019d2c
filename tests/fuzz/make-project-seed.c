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
  /* Kept facts (issue 14) under the stamp fuzz-project reads them by. */
  {
    g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_store_fact_free);
    TallyStoreGeneration at;
    gboolean written = FALSE;

    for (guint f = 0; f < 2; f++)
      {
        TallyStoreFact *fact = tally_store_fact_new ();
        g_autoptr(GPtrArray) claims = tally_store_load_claims (store, tally_document_id_from_int64 (1), NULL);

        fact->id = g_strdup_printf ("f%u", f + 1);
        fact->key = g_strdup_printf ("count||0|0|seed %u", f);
        fact->label = g_strdup ("Seed fact");
        fact->status = f;
        fact->source_count = 1;
        for (guint c = 0; claims != NULL && c < claims->len; c++)
          {
            const TallyClaimRecord *claim = g_ptr_array_index (claims, c);
            TallyStoreClaimKey key = { tally_document_id_from_int64 (1), claim->start, claim->end };

            g_array_append_val (fact->claims, key);
          }
        g_ptr_array_add (facts, fact);
      }
    if (!tally_store_get_generation (store, &at, &error)
        || !tally_store_write_facts (store, &at, "fuzz", facts, &written, &error) || !written)
      g_error ("%s", error != NULL ? error->message : "kept facts not written");
  }
  tally_store_close (store);
  return 0;
}
