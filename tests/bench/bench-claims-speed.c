/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "tally-claims.h"
#include "bench-text.h"

/* Throughput of the claim extractor on a generated corpus of news-like
 * articles (≥ 20 MB, made here and never written to disk), one core, and
 * peak RSS after each quarter of it: streaming keeps it flat. Targets:
 * ≥ 50 MB/s (aim 100). */

static const char * const number_sentences[] = {
  "In %Y, trade between the two regions reached $%F billion, up %P%% on the previous year.",
  "The summit produced %N cooperation agreements and %N new rail corridors.",
  "Over %P%% of the agreements signed at the first summit in %Y have been implemented.",
  "Officials said about %N delegates from %W countries attended the %O forum.",
  "The port handled %F million tonnes of grain last year, nearly a third of its cargo.",
  "Freight on the route grew by %P%% in %Y, reaching %F million tonnes.",
  "A %N-km railway linking the two ports is expected to cost €%F–%N billion.",
  "Ministers will meet again in Tashkent on %D–%D November %Y.",
  "The visit, which lasted less than %N hours, ended with %W memoranda.",
  "Between %N and %N firms bid for the tender, worth up to ¥%F billion.",
  "Renewables supplied just %F%% of the region's electricity in %Y.",
  "The %O summit will take place in Tbilisi in April, officials said.",
};

static const char * const prose_sentences[] = {
  "Leaders praised the spirit of cooperation and promised closer ties between their economies.",
  "Analysts say the mechanism has yet to show results that ordinary people can feel.",
  "The talks took place behind closed doors, and few details were released to reporters.",
  "Critics argue that the new corridor depends on financing that has not been found.",
  "Local residents complained about closed streets and crowded hotels during the week.",
  "The declaration calls for deeper cooperation in energy, transport and digital services.",
  "Several delegations raised concerns about water sharing along the shared rivers.",
  "Business groups welcomed the announcements but asked for simpler customs procedures.",
};

static const char * const words[] = { "five", "six", "nine", "twelve", "three", "ten" };
static const char * const ordinals[] = { "second", "third", "fourth", "fifth" };

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static const BenchFigures figures = {
  '.', 200, 10, 2000, 28, words, G_N_ELEMENTS (words), ordinals, G_N_ELEMENTS (ordinals)
};

int
main (int   argc,
      char *argv[])
{
  gsize target = (argc > 1 ? g_ascii_strtoull (argv[1], NULL, 10) : 40) * 1024 * 1024;
  g_autoptr(GString) article = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (17062025);
  TallyExtractOptions options;
  gsize done = 0, next_report = target / 4;
  guint64 claims = 0;
  gint64 busy = 0;

  tally_extract_options_init (&options);
  tally_extract_options_set_reference_date (&options, "2025-06-17");
  /* Warm up: load the lexicon outside the timed part. */
  tally_extract_claims_foreach ("1", 1, &options, bench_count_claim, &claims);
  claims = 0;

  printf ("claims speed: generated corpus of %zu MB, articles of ~4 KB, one core (thread CPU time)\n",
          target / (1024 * 1024));
  while (done < target)
    {
      gint64 t0;

      bench_make_article (article, rand, "Summit closes with new deals", number_sentences, G_N_ELEMENTS (number_sentences),
                          prose_sentences, G_N_ELEMENTS (prose_sentences), &figures);
      t0 = bench_cpu_time_us ();
      tally_extract_claims_foreach (article->str, article->len, &options, bench_count_claim, &claims);
      busy += bench_cpu_time_us () - t0;
      done += article->len;
      if (done >= next_report)
        {
          printf ("  %5.1f MB: %7.1f MB/s, %" G_GUINT64_FORMAT " claims, peak RSS %ld KB\n", done / 1048576.0,
                  (done / 1048576.0) / (busy / 1e6), claims, peak_rss_kb ());
          next_report += target / 4;
        }
    }
  printf ("throughput: %.1f MB/s (target 50, aim 100); %.0f claims/s; peak RSS %ld KB\n",
          (done / 1048576.0) / (busy / 1e6), claims / (busy / 1e6), peak_rss_kb ());
  g_rand_free (rand);
  return 0;
}
