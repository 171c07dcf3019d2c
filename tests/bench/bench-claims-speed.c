/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "tally-claims.h"

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

static void
fill (GString    *out,
      const char *template,
      GRand      *rand)
{
  for (const char *p = template; *p; p++)
    {
      if (*p != '%' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (*++p)
        {
        case 'Y': g_string_append_printf (out, "%d", g_rand_int_range (rand, 2015, 2031)); break;
        case 'F': g_string_append_printf (out, "%d.%d", g_rand_int_range (rand, 1, 200), g_rand_int_range (rand, 0, 10)); break;
        case 'P': g_string_append_printf (out, "%d", g_rand_int_range (rand, 1, 99)); break;
        case 'N': g_string_append_printf (out, "%d", g_rand_int_range (rand, 2, 2000)); break;
        case 'D': g_string_append_printf (out, "%d", g_rand_int_range (rand, 1, 28)); break;
        case 'W': g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]); break;
        case 'O': g_string_append (out, ordinals[g_rand_int_range (rand, 0, G_N_ELEMENTS (ordinals))]); break;
        case '%': g_string_append_c (out, '%'); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

/* One article of about 4 KB: a title, paragraphs of prose with figures. */
static void
make_article (GString *out,
              GRand   *rand)
{
  g_string_truncate (out, 0);
  g_string_append (out, "Summit closes with new deals\n\n");
  while (out->len < 4000)
    {
      for (guint s = 0; s < 5; s++)
        {
          if (g_rand_int_range (rand, 0, 3) == 0)
            fill (out, number_sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (number_sentences))], rand);
          else
            g_string_append (out, prose_sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (prose_sentences))]);
          g_string_append_c (out, ' ');
        }
      g_string_append (out, "\n\n");
    }
}

static void
count_claim (const TallyClaimRecord *claim,
             gpointer                user_data)
{
  (*(guint64 *) user_data)++;
}

/* Thread CPU time, in µs: the figure is for one core, and other work on a
 * shared machine does not count against it. */
static gint64
cpu_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

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
  tally_extract_claims_foreach ("1", 1, &options, count_claim, &claims);
  claims = 0;

  printf ("claims speed: generated corpus of %zu MB, articles of ~4 KB, one core (thread CPU time)\n",
          target / (1024 * 1024));
  while (done < target)
    {
      gint64 t0;

      make_article (article, rand);
      t0 = cpu_time_us ();
      tally_extract_claims_foreach (article->str, article->len, &options, count_claim, &claims);
      busy += cpu_time_us () - t0;
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
