/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "tally-claims.h"
#include "bench-text.h"
#include "tally-ingest.h"
#include "tally-lexicon.h"

/* Russian text through the engine (issue 17): articles generated here from
 * sentences written for this benchmark (about 4 KB each, never on disk),
 * read one core at a time. Prints the claim extractor's MB/s with the
 * Russian lexicon, and the whole process an import runs on each file (ingest:
 * cleaning, language detection, sentences and tokens; then claims from those
 * tokens). Target for both: ≥ 30 MB/s. */

static const char * const number_sentences[] = {
  "В %Y году товарооборот между странами достиг %F млрд долларов, что на %F%% больше, чем годом ранее.",
  "По итогам встречи стороны подписали %N соглашений и более %N меморандумов.",
  "Около %P%% проектов, согласованных на первом саммите в %Y году, уже реализованы.",
  "На форум приехали свыше %N делегатов из %W стран.",
  "Порт перевалил %F млн тонн зерна, почти треть всех грузов.",
  "Объём перевозок по маршруту вырос в %F раза и составил %N тыс. тонн.",
  "Строительство железной дороги длиной %N км обойдётся в %F млрд юаней.",
  "Министры снова встретятся в Ташкенте %D–%D ноября %Y года.",
  "Визит продолжался менее %N часов и завершился подписанием %N документов.",
  "В тендере участвовали от %N до %N компаний, а его стоимость оценивается в %N %N рублей.",
  "В марте %Y года на долю возобновляемых источников пришлось %F%% выработки.",
  "Погибли по меньшей мере %N человек, ещё %N получили ранения.",
};

static const char * const prose_sentences[] = {
  "Лидеры высоко оценили дух сотрудничества и пообещали сблизить экономики своих стран.",
  "Эксперты отмечают, что механизм пока не дал результатов, заметных простым людям.",
  "Переговоры прошли за закрытыми дверями, и подробностей журналистам почти не сообщили.",
  "Критики считают, что новый коридор зависит от финансирования, которое ещё не найдено.",
  "Местные жители жаловались на перекрытые улицы и переполненные гостиницы.",
  "Декларация призывает к более тесному сотрудничеству в энергетике, транспорте и цифровых услугах.",
  "Несколько делегаций выразили озабоченность распределением воды на общих реках.",
  "Деловые круги приветствовали решения, но попросили упростить таможенные процедуры.",
};

static const char * const words[] = { "пяти", "шести", "девяти", "двенадцати", "трёх", "десяти" };

static const BenchFigures figures = {
  ',', 200, 10, 2000, 28, words, G_N_ELEMENTS (words), NULL, 0
};

int
main (int   argc,
      char *argv[])
{
  gsize target = (argc > 1 ? g_ascii_strtoull (argv[1], NULL, 10) : 20) * 1024 * 1024;
  g_autoptr(GString) article = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (9092023);
  TallyExtractOptions options;
  gsize done = 0;
  guint64 claims = 0, whole_claims = 0;
  gint64 extract_us = 0, whole_us = 0;
  guint not_russian = 0;

  tally_extract_options_init (&options);
  options.language = tally_lexicon_language_for ("ru");
  tally_extract_options_set_reference_date (&options, "2025-06-17");
  /* Warm up: lexicon, ICU month names, the dictionary, outside the timed part. */
  bench_make_article (article, rand, "Саммит завершился новыми соглашениями", number_sentences, G_N_ELEMENTS (number_sentences),
                          prose_sentences, G_N_ELEMENTS (prose_sentences), &figures);
  tally_extract_claims_foreach (article->str, article->len, &options, bench_count_claim, &claims);
  claims = 0;

  printf ("Russian: generated corpus of %zu MB, articles of ~4 KB, one core (thread CPU time)\n",
          target / (1024 * 1024));
  while (done < target)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(TallyDocumentRecord) record = NULL;
      g_autoptr(GError) error = NULL;
      TallyExtractOptions whole;
      gint64 t0;

      bench_make_article (article, rand, "Саммит завершился новыми соглашениями", number_sentences, G_N_ELEMENTS (number_sentences),
                          prose_sentences, G_N_ELEMENTS (prose_sentences), &figures);
      t0 = bench_cpu_time_us ();
      tally_extract_claims_foreach (article->str, article->len, &options, bench_count_claim, &claims);
      extract_us += bench_cpu_time_us () - t0;

      /* The whole process: the bytes of a file in, the claims out. */
      bytes = g_bytes_new (article->str, article->len);
      t0 = bench_cpu_time_us ();
      record = tally_ingest_bytes (bytes, "article.txt", &error);
      g_assert_no_error (error);
      tally_extract_options_init (&whole);
      whole.language = tally_lexicon_language_for (record->language);
      whole.tokens = record->tokens;
      tally_extract_options_set_reference_date (&whole, "2025-06-17");
      tally_extract_claims_foreach (record->text, record->text_len, &whole, bench_count_claim, &whole_claims);
      whole_us += bench_cpu_time_us () - t0;
      not_russian += g_strcmp0 (record->language, "ru") != 0;
      done += article->len;
    }
  printf ("claims (Russian lexicon): %.1f MB/s, %" G_GUINT64_FORMAT " claims (target 30)\n",
          (done / 1048576.0) / (extract_us / 1e6), claims);
  printf ("whole process (ingest, language, sentences, claims): %.1f MB/s, %" G_GUINT64_FORMAT
          " claims (target 30); %u articles not detected as Russian\n",
          (done / 1048576.0) / (whole_us / 1e6), whole_claims, not_russian);
  g_rand_free (rand);
  return 0;
}
