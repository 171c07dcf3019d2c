/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tally-claims.h"
#include "bench-text.h"

/* Throughput of the Chinese claim reader on one core, on a generated corpus
 * of news-like Chinese text (about 20 MB, made here from sentences written
 * for this benchmark, never written to disk). Target: ≥ 30 MB/s. */

static const char * const number_sentences[] = {
  "%Y年,两地贸易额达到%F亿美元,同比增长%P%%。",
  "峰会期间双方签署了%N项合作协议,涉及%W个领域。",
  "据统计,超过%P%%的项目已经落地,近%W成来自能源行业。",
  "该港口去年吞吐量约为%F万吨,比上一年高出%P%%。",
  "第%W届论坛将于%M月%D日至%D日在首都举行。",
  "公司%Y年%M月%D日公布,第四季度交付量为%N辆。",
  "预计到%Y年,新线路将带来%F亿元的投资。",
  "全年累计销量为%F万辆,占市场%P%%的份额。",
};

static const char * const prose_sentences[] = {
  "与会各方表示,将进一步加强在交通、能源和数字领域的合作。",
  "分析人士认为,这一机制的效果还需要时间来检验。",
  "会谈在闭门状态下进行,外界获得的细节十分有限。",
  "当地居民表示,会议期间交通管制给出行带来了一些不便。",
  "商界人士欢迎相关举措,同时希望海关手续能够进一步简化。",
  "多个代表团就跨境河流的水资源分配问题表达了关切。",
};

static const char * const numerals[] = { "二", "三", "五", "七", "九", "十二" };

static const BenchFigures figures = {
  '.', 2000, 100, 900000, 29, numerals, G_N_ELEMENTS (numerals), NULL, 0
};

int
main (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(GString) corpus = g_string_new (NULL);
  TallyExtractOptions options;
  guint64 claims = 0;
  double best = 0;

  while (corpus->len < 20 * 1024 * 1024)
    {
      g_string_append (corpus, "峰会闭幕 多项协议签署\n\n");
      for (guint para = 0; para < 6; para++)
        {
          for (guint s = 0; s < 5; s++)
            {
              if (g_rand_int_range (rand, 0, 3) == 0)
                bench_fill (corpus, number_sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (number_sentences))], rand,
                            &figures);
              else
                g_string_append (corpus, prose_sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (prose_sentences))]);
            }
          g_string_append (corpus, "\n\n");
        }
    }
  tally_extract_options_init (&options);
  options.language = "zh";
  /* Best of three: the machine is shared. */
  for (guint run = 0; run < 3; run++)
    {
      struct timespec t0, t1;
      double seconds;

      claims = 0;
      clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t0);
      tally_extract_claims_foreach (corpus->str, corpus->len, &options, bench_count_claim, &claims);
      clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t1);
      seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
      best = MAX (best, corpus->len / 1e6 / seconds);
    }
  printf ("claims-zh: %.1f MB of generated Chinese text, %" G_GUINT64_FORMAT " claims, %.1f MB/s (best of 3, CPU time, one core; target >= 30)\n",
          corpus->len / 1e6, claims, best);
  return 0;
}
