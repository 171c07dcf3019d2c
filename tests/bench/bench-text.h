/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <time.h>

#include "tally-claims.h"

/* What the claim benchmarks share: sentence templates filled with random
 * figures, ~4 KB articles made of them, a claim counter and one core's CPU
 * time. A language gives its own words and number shapes. */

typedef struct
{
  char               decimal_mark;   /* '.' or ',' in %F */
  int                whole_max;      /* %F: 1 .. whole_max-1, then a fraction below fraction_max */
  int                fraction_max;
  int                count_max;      /* %N: 2 .. count_max-1 */
  int                day_max;        /* %D: 1 .. day_max-1 */
  const char * const *words;         /* %W */
  guint              n_words;
  const char * const *ordinals;      /* %O (may be NULL) */
  guint              n_ordinals;
} BenchFigures;

/* %Y year, %F decimal, %P percent, %N count, %M month, %D day, %W number word,
 * %O ordinal word, %% a percent sign. */
static inline void
bench_fill (GString            *out,
            const char         *template,
            GRand              *rand,
            const BenchFigures *figures)
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
        case 'F':
          {
            int whole = g_rand_int_range (rand, 1, figures->whole_max);

            g_string_append_printf (out, "%d%c%d", whole, figures->decimal_mark,
                                    g_rand_int_range (rand, 0, figures->fraction_max));
          }
          break;
        case 'P': g_string_append_printf (out, "%d", g_rand_int_range (rand, 1, 99)); break;
        case 'N': g_string_append_printf (out, "%d", g_rand_int_range (rand, 2, figures->count_max)); break;
        case 'M': g_string_append_printf (out, "%d", g_rand_int_range (rand, 1, 13)); break;
        case 'D': g_string_append_printf (out, "%d", g_rand_int_range (rand, 1, figures->day_max)); break;
        case 'W': g_string_append (out, figures->words[g_rand_int_range (rand, 0, figures->n_words)]); break;
        case 'O':
          if (figures->ordinals != NULL)
            g_string_append (out, figures->ordinals[g_rand_int_range (rand, 0, figures->n_ordinals)]);
          else
            g_string_append_c (out, *p);
          break;
        case '%': g_string_append_c (out, '%'); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

/* One article of about 4 KB: a title, paragraphs of five sentences, one in
 * three with figures. */
static inline void
bench_make_article (GString            *out,
                    GRand              *rand,
                    const char         *title,
                    const char * const *number_sentences,
                    guint               n_number_sentences,
                    const char * const *prose_sentences,
                    guint               n_prose_sentences,
                    const BenchFigures *figures)
{
  g_string_truncate (out, 0);
  g_string_append_printf (out, "%s\n\n", title);
  while (out->len < 4000)
    {
      for (guint s = 0; s < 5; s++)
        {
          if (g_rand_int_range (rand, 0, 3) == 0)
            bench_fill (out, number_sentences[g_rand_int_range (rand, 0, n_number_sentences)], rand, figures);
          else
            g_string_append (out, prose_sentences[g_rand_int_range (rand, 0, n_prose_sentences)]);
          g_string_append_c (out, ' ');
        }
      g_string_append (out, "\n\n");
    }
}

static inline void
bench_count_claim (const TallyClaimRecord *claim,
                   gpointer                user_data)
{
  (*(guint64 *) user_data)++;
}

/* Thread CPU time, in µs: the figure is for one core, and other work on a
 * shared machine does not count against it. */
static inline gint64
bench_cpu_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}
