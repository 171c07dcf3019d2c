/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints what ingest makes of files: a debugging aid and the way the expected
 * outputs of the fixtures were checked by eye. */
#include <stdio.h>

#include "tally-ingest.h"

int
main (int    argc,
      char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyDocumentRecord) r = tally_ingest_file (argv[i], &error);

      if (r == NULL)
        {
          printf ("ERROR %s\n", error->message);
          continue;
        }
      printf ("== %s\nformat: %s\ntitle: %s\noutlet: %s\npublished: %s\nauthor: %s\nwords: %u\nsimhash: %016" G_GINT64_MODIFIER "x\n",
               r->path, r->format, r->title, r->outlet, r->published, r->author, r->word_count, r->simhash);
      for (guint p = 0; p < r->paragraphs->len; p++)
        {
          TallySpan *s = &g_array_index (r->paragraphs, TallySpan, p);
          printf ("P[%zu,%zu) %.*s\n", s->start, s->end, (int) (s->end - s->start), r->text + s->start);
        }
      printf ("sentences: %u\n", r->sentences->len);
      for (guint b = 0; b < r->boilerplate->len; b++)
        {
          TallyBoilerplate *bp = g_ptr_array_index (r->boilerplate, b);
          printf ("B@%zu %s\n", bp->offset, bp->text);
        }
      for (guint c = 0; c < r->comments->len; c++)
        {
          TallyComment *cm = g_ptr_array_index (r->comments, c);
          printf ("C %s: %s\n", cm->author, cm->text);
        }
      printf ("map entries: %u\n", r->offset_map->len);
    }
  return 0;
}
