/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>

#include "claims-corpus.h"

/* Precision and recall of the claim extractor on the annotated corpus in
 * tests/data/claims: on kind + value + value_max + unit + qualifier, and on
 * the measure (among those). Targets: ≥ 0.95 and ≥ 0.90. */
int
main (int   argc,
      char *argv[])
{
  const char *srcdir = g_getenv ("TALLY_SOURCE_DIR");
  g_autofree char *dir = g_build_filename (srcdir ? srcdir : ".", "tests", "data", "claims", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = claims_corpus_load (argc > 1 ? argv[1] : dir, &error);
  g_autoptr(GString) report = g_string_new (NULL);
  CorpusScore score = { 0 };

  if (docs == NULL)
    {
      g_printerr ("bench-claims-accuracy: %s\n", error->message);
      return 1;
    }
  for (guint d = 0; d < docs->len; d++)
    {
      const CorpusDocument *doc = g_ptr_array_index (docs, d);
      g_autoptr(GPtrArray) claims = tally_extract_claims (doc->text, doc->len, &doc->options);

      claims_corpus_score (doc, claims, &score, report);
    }
  printf ("claims accuracy on %u documents: %u expected, %u extracted\n", docs->len, score.expected, score.extracted);
  printf ("  kind+value+unit+qualifier: precision %.3f  recall %.3f  (target 0.95)\n",
          (double) score.core_matched / MAX (score.extracted, 1), (double) score.core_matched / MAX (score.expected, 1));
  printf ("  measure:                   precision %.3f  recall %.3f  (target 0.90)\n",
          (double) score.measure_matched / MAX (score.extracted, 1),
          (double) score.measure_matched / MAX (score.expected, 1));
  if (report->len > 0)
    printf ("differences:\n%s", report->str);
  return 0;
}
