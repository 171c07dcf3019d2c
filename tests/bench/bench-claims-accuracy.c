/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>

#include "claims-corpus.h"

/* Precision and recall of the claim extractor on the annotated corpora in
 * tests/data/claims and tests/data/claims-heldout: on kind + value +
 * value_max + unit + qualifier, and on the measure (among those).
 * Targets: ≥ 0.95 and ≥ 0.90. */
static gboolean
score_dir (const char *label,
           const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = claims_corpus_load (dir, &error);
  g_autoptr(GString) report = g_string_new (NULL);
  CorpusScore score = { 0 };

  if (docs == NULL)
    {
      g_printerr ("bench-claims-accuracy: %s\n", error->message);
      return FALSE;
    }
  for (guint d = 0; d < docs->len; d++)
    {
      const CorpusDocument *doc = g_ptr_array_index (docs, d);
      g_autoptr(GPtrArray) claims = tally_extract_claims (doc->text, doc->len, &doc->options);

      claims_corpus_score (doc, claims, &score, report);
    }
  printf ("%s: %u documents, %u claims expected, %u extracted\n", label, docs->len, score.expected, score.extracted);
  printf ("  kind+value+unit+qualifier: precision %.3f  recall %.3f  (target 0.95)\n",
          (double) score.core_matched / MAX (score.extracted, 1), (double) score.core_matched / MAX (score.expected, 1));
  printf ("  measure:                   precision %.3f  recall %.3f  (target 0.90)\n",
          (double) score.measure_matched / MAX (score.extracted, 1),
          (double) score.measure_matched / MAX (score.expected, 1));
  if (report->len > 0)
    printf ("  differences:\n%s", report->str);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *srcdir = g_getenv ("TALLY_SOURCE_DIR");
  g_autofree char *main_dir = g_build_filename (srcdir ? srcdir : ".", "tests", "data", "claims", NULL);
  g_autofree char *heldout_dir = g_build_filename (srcdir ? srcdir : ".", "tests", "data", "claims-heldout", NULL);

  if (argc > 1)
    return score_dir (argv[1], argv[1]) ? 0 : 1;
  /* The main corpus is the one the rules were written against; the
   * held-out articles were annotated before the extractor first read them. */
  if (!score_dir ("claims accuracy, annotated corpus (tests/data/claims)", main_dir)
      || !score_dir ("claims accuracy, held-out articles (tests/data/claims-heldout)", heldout_dir))
    return 1;
  return 0;
}
