/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The event finder on the sample articles repeated into 2,000 documents:
 * time to read them (claims included) and to merge the mentions. Prints
 * documents and MB per second.
 */
#include "config.h"

#include "tally-claims.h"
#include "tally-events.h"
#include "tally-ingest.h"

#define N_DOCUMENTS 2000

int
main (int   argc,
      char *argv[])
{
  const char *root = g_getenv ("TALLY_SOURCE_DIR");
  g_autofree char *dir = g_build_filename (root ? root : ".", "data", "samples", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_document_record_free);
  g_autoptr(TallyEventFinder) finder = tally_event_finder_new (NULL, NULL);
  g_autoptr(GPtrArray) events = NULL;
  const char *name;
  gsize bytes = 0;
  gint64 t0, t1, t2;

  if (d == NULL)
    {
      g_printerr ("bench-events: no data/samples under %s\n", root ? root : ".");
      return 1;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      TallyDocumentRecord *record = tally_ingest_file (path, NULL);

      if (record != NULL)
        g_ptr_array_add (records, record);
    }

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      const TallyDocumentRecord *r = g_ptr_array_index (records, i % records->len);
      g_autofree char *id = g_strdup_printf ("d%u", i + 1);

      tally_event_finder_add_document (finder, id, r->text, r->text_len, r->published);
      bytes += r->text_len;
    }
  t1 = g_get_monotonic_time ();
  events = tally_event_finder_finish (finder);
  t2 = g_get_monotonic_time ();

  g_print ("documents %u (%.1f MB of article text)\n", N_DOCUMENTS, bytes / 1e6);
  g_print ("finding mentions: %.0f ms (%.0f documents/s, %.2f MB/s, claims extraction included)\n",
           (t1 - t0) / 1000.0, N_DOCUMENTS / ((t1 - t0) / 1e6), bytes / 1e6 / ((t1 - t0) / 1e6));
  {
    gint64 c0 = g_get_monotonic_time ();

    for (guint i = 0; i < N_DOCUMENTS; i++)
      {
        const TallyDocumentRecord *r = g_ptr_array_index (records, i % records->len);
        TallyExtractOptions options;
        g_autoptr(GPtrArray) claims = NULL;

        tally_extract_options_init (&options);
        tally_extract_options_set_reference_date (&options, r->published);
        claims = tally_extract_claims (r->text, r->text_len, &options);
      }
    g_print ("  of which the claim extractor alone: %.0f ms\n", (g_get_monotonic_time () - c0) / 1000.0);
  }
  g_print ("merging into %u events: %.0f ms\n", events->len, (t2 - t1) / 1000.0);
  return 0;
}
