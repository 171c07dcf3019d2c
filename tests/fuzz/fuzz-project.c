/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "tally-store.h"

/* libFuzzer target over the project opener: the bytes are written as a
 * .tally file and opened as Tally opens a file someone sent (checks, then
 * migrations), and read-only as export does; what opens is read through.
 * Seeds: a project made by Tally from the claim seeds (the fuzz-project
 * test makes it before the run). */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static char *dir;

static void
count_document (const TallyStoreDocumentInfo *info,
                gpointer                      user_data)
{
  (*(guint *) user_data)++;
}

static void
count_claim (TallyDocumentId         document_id,
             const TallyClaimRecord *record,
             const char             *text,
             gsize                   text_len,
             gpointer                user_data)
{
  (*(guint *) user_data)++;
}

static void
read_through (TallyStore *store)
{
  guint n = 0;

  tally_store_foreach_document (store, count_document, &n, NULL);
  tally_store_foreach_claim (store, count_claim, &n, NULL);
  /* Kept facts (make-project-seed keeps them under this stamp). */
  {
    TallyStoreGeneration generation;
    GArray *conflicting = NULL;
    GPtrArray *facts = tally_store_read_facts (store, "fuzz", &conflicting, NULL);

    tally_store_get_generation (store, &generation, NULL);
    for (guint f = 0; facts != NULL && f < facts->len; f++)
      {
        const TallyStoreFact *fact = g_ptr_array_index (facts, f);
        GArray *keys = tally_store_kept_fact_claims (store, f, NULL);

        /* Checked on reading: UTF-8 text, whole keys. */
        if (!g_utf8_validate (fact->label, -1, NULL))
          __builtin_trap ();
        for (guint c = 0; keys != NULL && c < keys->len; c++)
          {
            const TallyStoreClaimKey *key = &g_array_index (keys, TallyStoreClaimKey, c);

            if (key->start > key->end || key->document_id.value <= 0)
              __builtin_trap ();
            tally_store_kept_fact_of_claim (store, key);
          }
        if (keys != NULL)
          g_array_unref (keys);
      }
    for (guint d = 0; conflicting != NULL && d < conflicting->len; d++)
      {
        GArray *keys = tally_store_kept_conflicts (store, g_array_index (conflicting, TallyDocumentId, d), NULL);

        if (keys != NULL)
          g_array_unref (keys);
      }
    g_clear_pointer (&conflicting, g_array_unref);
    g_clear_pointer (&facts, g_ptr_array_unref);
  }
  for (gint64 id = 1; id <= 3; id++)
    {
      TallyDocumentRecord *record = tally_store_load_document (store, tally_document_id_from_int64 (id), NULL);

      if (record != NULL)
        tally_document_record_free (record);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *path = NULL;
  static const char * const beside[] = { "-wal", "-shm", "-journal" };

  if (dir == NULL)
    dir = g_dir_make_tmp ("fuzz-project-XXXXXX", NULL);
  path = g_build_filename (dir, "sent.tally", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (beside); i++)
    {
      g_autofree char *other = g_strconcat (path, beside[i], NULL);

      g_unlink (other);
    }
  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    return 0;

  {
    TallyStore *store = tally_store_open (path, TALLY_STORE_OPEN_READ_ONLY, NULL);

    if (store != NULL)
      {
        read_through (store);
        tally_store_close (store);
      }
  }
  {
    g_autoptr(GError) error = NULL;
    TallyStore *store = tally_store_open (path, TALLY_STORE_OPEN_DEFAULT, &error);

    if (store != NULL)
      {
        read_through (store);
        tally_store_close (store);
      }
    else if (error == NULL || *error->message == '\0')
      __builtin_trap ();
  }
  return 0;
}
