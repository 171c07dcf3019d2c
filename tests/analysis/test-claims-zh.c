/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tally-claims.h"
#include "tally-gazetteer.h"
#include "tally-lexicon.h"

/* Chinese claims. Every sentence here was written for this test; they
 * reproduce structures met in real Chinese reporting (figures with 万/亿,
 * qualifiers before and after, dates with 年月日, quarters, enumerations),
 * not its words. */

/* A claim as "text|kind|value|value_max|unit|qualifier|measure|change|scope|subject|modality". */
static char *
line (const char             *text,
      const TallyClaimRecord *c)
{
  char value[64], value_max[64];

  if (c->kind == TALLY_CLAIM_KIND_YEAR || c->kind == TALLY_CLAIM_KIND_DATE)
    {
      g_snprintf (value, sizeof value, "%s", c->has_value ? c->value_text : "?");
      g_snprintf (value_max, sizeof value_max, "%s", c->value_max_text ? c->value_max_text : "");
    }
  else
    {
      g_ascii_formatd (value, sizeof value, "%.15g", c->value);
      if (c->has_value_max)
        g_ascii_formatd (value_max, sizeof value_max, "%.15g", c->value_max);
      else
        value_max[0] = '\0';
    }
  return g_strdup_printf ("%.*s|%s|%s|%s|%s|%s|%s|%s|%d|%s|%s", (int) (c->end - c->start), text + c->start,
                          tally_claim_kind_to_string (c->kind), value, value_max, c->unit ? c->unit : "",
                          tally_qualifier_to_string (c->qualifier), c->measure ? c->measure : "",
                          c->change ? "change" : "level", c->scope_year, c->subject ? c->subject : "",
                          tally_modality_to_string (c->modality));
}

static void
check (const char *text,
       const char *reference,
       const char *language,
       const char *expected)
{
  TallyExtractOptions options;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GString) got = g_string_new (NULL);

  tally_extract_options_init (&options);
  options.language = language;
  if (reference != NULL)
    g_assert_true (tally_extract_options_set_reference_date (&options, reference));
  claims = tally_extract_claims (text, strlen (text), &options);
  for (guint i = 0; i < claims->len; i++)
    {
      const TallyClaimRecord *c = g_ptr_array_index (claims, i);
      g_autofree char *l = line (text, c);

      g_assert_cmpuint (c->sentence_start, <=, c->start);
      g_assert_cmpuint (c->end, <=, c->sentence_end);
      g_string_append_printf (got, "%s%s", got->len ? "\n" : "", l);
    }
  /* Printed raw: g_test_message() would convert to the locale's charset. */
  if (g_strcmp0 (got->str, expected) != 0)
    fprintf (stderr, "got:\n%s\n", got->str);
  g_assert_cmpstr (got->str, ==, expected);
}

static void
test_money_scales_and_currencies (void)
{
  check ("港务集团去年营收达到1234亿美元,净利润为567.89亿元。", NULL, "zh",
         "去年|year|?|||exact||level|0||reported\n"
         "1234亿美元|money|123400000000||USD|exact|营收|level|0||reported\n"
         "567.89亿元|money|56789000000||CNY|exact|净利润|level|0||reported");
  /* Full-width digits, Traditional characters, a group mark. */
  check ("該公司投資約１２億港元興建新碼頭,另外撥出3,500萬歐元。", NULL, "zh-Hant",
         "約１２億港元|money|1200000000||HKD|approx|投資|level|0||reported\n"
         "3,500萬歐元|money|35000000||EUR|exact|投資|level|0||reported");
}

static void
test_qualifiers_and_numerals (void)
{
  check ("双方签署了超过40项合作协议,近七成涉及能源,另有三百五十名代表,工期约为十余年。", NULL, "zh",
         "超过40项|count|40|||over|合作协议|level|0||reported\n"
         "近七成|percent|70||%|approx|合作协议|level|0||reported\n"
         "三百五十名|count|350|||exact|代表|level|0||reported\n"
         "约为十余年|duration|10||year|approx||level|0||reported");
  check ("出口量增长了百分之三十,达到70%以上,不足五成来自港口。", NULL, "zh",
         "百分之三十|percent|30||%|exact|出口|change|0||reported\n"
         "70%以上|percent|70||%|over|出口|level|0||reported\n"
         "不足五成|percent|50||%|under|出口|level|0||reported");
}

static void
test_not_figures (void)
{
  /* A model's name, "a" (一), a span of quarters, numerals that count nothing. */
  check ("Model 3 的一位车主说,前三季度统一价格没有变化。", NULL, "zh", "");
  /* A day of the month alone ("当地时间2日晚间") is no count. */
  check ("当地时间2日晚间,公司发布了声明。", NULL, "zh", "");
}

static void
test_dates (void)
{
  check ("会议于2024年3月4日开幕,论坛将于3月4日至6日举行,报告在2023 年 10 月发布。", NULL, "zh",
         "2024年3月4日|date|2024-03-04|||exact||level|0||reported\n"
         "3月4日至6日|date|?|||exact||level|0||reported\n"
         "2023 年 10 月|date|2023-10|||exact||level|0||reported");
  /* With a publication date, the days take its year and the range its end. */
  check ("论坛将于3月4日至6日举行,去年5月份曾经延期,今年再次召开。", "2025-02-10", "zh",
         "3月4日至6日|date|2025-03-04|2025-03-06||exact||level|0||reported\n"
         "去年5月份|date|2024-05|||exact||level|0||reported\n"
         "今年|year|2025|||exact||level|0||reported");
}

static void
test_ordinals_and_quarters (void)
{
  check ("第二届论坛在四季度举行,第三季度的交付量为48.45万辆。", NULL, "zh",
         "第二届|ordinal|2|||exact|论坛|level|0||reported\n"
         "四季度|ordinal|4|||exact|季度|level|0||reported\n"
         "第三季度|ordinal|3|||exact|季度|level|0||reported\n"
         "48.45万辆|count|484500|||exact|交付量|level|0||reported");
}

static void
test_measure_change_and_projection (void)
{
  /* The measure before the figure, the noun after its counter, the one
   * named after "的", and a clause that goes on with the one before. */
  check ("2023年全年,该厂共计生产12.5万辆,同比增长20%;其中售出8万辆电动卡车,占15%的份额。", NULL, "zh",
         "2023年|year|2023|||exact||level|0||reported\n"
         "12.5万辆|count|125000|||exact|生产|level|2023||reported\n"
         "20%|percent|20||%|exact|生产|change|2023||reported\n"
         "8万辆|count|80000|||exact|售出|level|2023||reported\n"
         "15%|percent|15||%|exact|份额|level|2023||reported");
  /* A level reached ("增长至") is no change; a target is a projection, and a
   * change going on from a projected figure is one too. */
  check ("销量增长至30万辆。公司预计明年将交付50万辆,增幅约为25%。该厂实现了40万辆的产量目标。", NULL, "zh",
         "30万辆|count|300000|||exact|销量|level|0||reported\n"
         "明年|year|?|||exact||level|0||reported\n"
         "50万辆|count|500000|||exact|交付|level|0||projected\n"
         "约为25%|percent|25||%|approx|增幅|change|0||projected\n"
         "40万辆|count|400000|||exact|产量目标|level|0||projected");
  /* Enumerations keep the measure. */
  check ("四个季度分别交付42万辆、46万辆、43万辆。", NULL, "zh",
         "四个|count|4|||exact|季度|level|0||reported\n"
         "42万辆|count|420000|||exact|交付|level|0||reported\n"
         "46万辆|count|460000|||exact|交付|level|0||reported\n"
         "43万辆|count|430000|||exact|交付|level|0||reported");
}

static void
test_country_subject (void)
{
  TallyExtractOptions options;
  const char *text = "哈萨克斯坦对华出口额增长了12%,达到150亿美元。";
  g_autoptr(GPtrArray) claims = NULL;

  tally_extract_options_init (&options);
  options.language = "zh";
  claims = tally_extract_claims (text, strlen (text), &options);
  g_assert_cmpuint (claims->len, ==, 2);
  for (guint i = 0; i < claims->len; i++)
    {
      const TallyClaimRecord *c = g_ptr_array_index (claims, i);

      /* The gazetteer's subject, the one English and Russian give too. */
      g_assert_cmpstr (c->subject, ==, "Kazakhstan");
      g_assert_cmpint (c->subject_kind, ==, TALLY_SUBJECT_KIND_COUNTRY);
      g_assert_cmpstr (c->measure, ==, "出口");
    }
}

/* "中俄": two countries as a pair of abbreviations are one subject, the
 * one English and Russian give; "中美洲" (Central America) is a word of
 * its own, no pair. Text written for the test. */
static void
test_pair_subject (void)
{
  TallyExtractOptions options;
  const char *text = "去年中印贸易额同比增长了9.5%,达到1360亿美元。中美洲国家的咖啡出口增长了4%。";
  g_autoptr(GPtrArray) claims = NULL;
  const TallyClaimRecord *c;

  tally_extract_options_init (&options);
  options.language = "zh";
  claims = tally_extract_claims (text, strlen (text), &options);
  g_assert_cmpuint (claims->len, >=, 3);
  for (guint i = 0; i < claims->len; i++)
    {
      c = g_ptr_array_index (claims, i);
      if (c->kind == TALLY_CLAIM_KIND_YEAR || c->kind == TALLY_CLAIM_KIND_DATE)
        continue;
      if (c->value == 4)
        g_assert_true (c->subject == NULL || strstr (c->subject, "–") == NULL);
      else
        {
          g_assert_cmpstr (c->subject, ==, "China–India");
          g_assert_cmpstr (tally_gazetteer_subject_id (c->subject), ==, "CN-IN");
        }
    }
}

/* "双边", "两国": a figure whose sentence names no one but "both countries"
 * is about the pair the text last named, even in a sentence with no
 * figure; "年增" is a change. Text written for the test. */
static void
test_bilateral_subject (void)
{
  TallyExtractOptions options;
  const char *text = "中印经贸合作不断深化。去年双边贸易额年增8.5%,达到1360亿美元。公司利润增长了3%。";
  g_autoptr(GPtrArray) claims = NULL;

  tally_extract_options_init (&options);
  options.language = "zh";
  claims = tally_extract_claims (text, strlen (text), &options);
  for (guint i = 0; i < claims->len; i++)
    {
      const TallyClaimRecord *c = g_ptr_array_index (claims, i);

      if (c->kind == TALLY_CLAIM_KIND_PERCENT && c->value == 8.5)
        {
          g_assert_cmpstr (c->subject, ==, "China–India");
          g_assert_true (c->change);
        }
      else if (c->kind == TALLY_CLAIM_KIND_MONEY)
        g_assert_cmpstr (c->subject, ==, "China–India");
      else if (c->kind == TALLY_CLAIM_KIND_PERCENT)
        g_assert_null (c->subject);
    }
}

/* "1500亿3200万美元": a smaller scale's figure after a larger one adds to
 * it; "两国" (both countries) counts nothing; "印度和巴西" is the pair.
 * Text written for the test. */
static void
test_compound_scale_and_pairs (void)
{
  TallyExtractOptions options;
  const char *text = "统计显示,印度和巴西两国贸易总额达1500亿3200万美元,两国关系稳定。";
  g_autoptr(GPtrArray) claims = NULL;
  const TallyClaimRecord *c;

  tally_extract_options_init (&options);
  options.language = "zh";
  claims = tally_extract_claims (text, strlen (text), &options);
  g_assert_cmpuint (claims->len, ==, 1);
  c = g_ptr_array_index (claims, 0);
  g_assert_cmpint (c->kind, ==, TALLY_CLAIM_KIND_MONEY);
  g_assert_cmpfloat (c->value, ==, 150032000000.0);
  g_assert_cmpstr (c->unit, ==, "USD");
  g_assert_cmpstr (c->subject, ==, "Brazil–India");
}

/* Organisations and people as Chinese writes them are subjects too, with the
 * name English writes (lexicons/zh.orgs, from CC-CEDICT), and so is a Latin
 * name inside Chinese text when it is a whole word. */
static void
test_organisation_subject (void)
{
  TallyExtractOptions options;
  const char *text = "比亚迪卖出了300万辆汽车。特斯拉的交付量为180万辆。据Tesla公布,库存为5万辆。"
                     "Teslas公司生产了7万辆。";
  g_autoptr(GPtrArray) claims = NULL;
  const char *want[] = { "BYD", "Tesla", "Tesla", NULL };

  tally_extract_options_init (&options);
  options.language = "zh";
  claims = tally_extract_claims (text, strlen (text), &options);
  g_assert_cmpuint (claims->len, ==, 4);
  for (guint i = 0; i < claims->len; i++)
    {
      const TallyClaimRecord *c = g_ptr_array_index (claims, i);

      g_assert_cmpstr (c->subject, ==, want[i]);
      if (want[i] != NULL)
        g_assert_cmpint (c->subject_kind, ==, TALLY_SUBJECT_KIND_ORGANISATION);
    }
}

/* A mixed page: an English report quoting a Chinese paragraph. The
 * paragraph is read by the Chinese reader (its figures as Chinese writes
 * them), the rest by the English one, offsets into the whole text, in text
 * order; and the other way round, an English paragraph in a Chinese
 * report. Text written for this test. */
static void
test_mixed_paragraphs (void)
{
  TallyExtractOptions options;
  const char *text =
    "Kazakhstan's exports reached $15 billion in 2023, the trade ministry said on Monday.\n"
    "哈萨克斯坦的贸易部在周一表示，哈萨克斯坦2023年的出口额达到了150亿美元，这是一个新的纪录，其中粮食占三成以上。\n"
    "Officials expect 12 new rail routes to open next year.\n";
  const char *zh_text =
    "哈萨克斯坦2023年的出口额达到了150亿美元，这是一个新的纪录。\n"
    "The ministry said exports reached $15 billion last year, with grain making up more than a third of the total.\n";
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GPtrArray) zh_claims = NULL;
  gboolean chinese = FALSE, english = FALSE;
  gsize last = 0;

  tally_extract_options_init (&options);
  options.language = "en";
  claims = tally_extract_claims (text, strlen (text), &options);
  for (guint i = 0; i < claims->len; i++)
    {
      const TallyClaimRecord *c = g_ptr_array_index (claims, i);
      g_autofree char *words = g_strndup (text + c->start, c->end - c->start);

      g_assert_cmpuint (c->start, >=, last);
      last = c->start;
      if (g_str_equal (words, "150亿美元"))
        {
          g_assert_cmpint (c->kind, ==, TALLY_CLAIM_KIND_MONEY);
          g_assert_cmpfloat (c->value, ==, 1.5e10);
          g_assert_cmpstr (c->measure, ==, "出口");
          chinese = TRUE;
        }
      if (g_str_equal (words, "12 new rail routes"))
        english = TRUE;
    }
  g_assert_true (chinese);
  g_assert_true (english);

  options.language = "zh";
  zh_claims = tally_extract_claims (zh_text, strlen (zh_text), &options);
  english = FALSE;
  for (guint i = 0; i < zh_claims->len; i++)
    {
      const TallyClaimRecord *c = g_ptr_array_index (zh_claims, i);
      g_autofree char *words = g_strndup (zh_text + c->start, c->end - c->start);

      if (g_str_equal (words, "$15 billion"))
        {
          g_assert_cmpfloat (c->value, ==, 1.5e10);
          english = TRUE;
        }
    }
  g_assert_true (english);
}

static void
test_language_dispatch (void)
{
  g_assert_cmpstr (tally_claims_language_for ("zh"), ==, "zh");
  g_assert_cmpstr (tally_claims_language_for ("zh-Hant"), ==, "zh");
  g_assert_cmpstr (tally_claims_language_for ("en"), ==, "en");
  g_assert_cmpstr (tally_claims_language_for ("und"), ==, "en");
  g_assert_cmpstr (tally_claims_language_for (NULL), ==, "en");
  g_assert_cmpstr (tally_claims_language_for ("zu"), ==, "en");
  g_assert_cmpstr (tally_claims_language_for ("ru"), ==, tally_lexicon_language_for ("ru"));
}

static void
test_hostile_input (void)
{
  /* Cut UTF-8, digits without end, a very long line: no crash, claims
   * inside the text. */
  g_autoptr(GString) text = g_string_new ("增长\xe4\xb8");
  TallyExtractOptions options;
  g_autoptr(GPtrArray) claims = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append (text, "１２,３4.5万亿美元第");
  g_string_append (text, "\xe4");
  tally_extract_options_init (&options);
  options.language = "zh";
  claims = tally_extract_claims (text->str, text->len, &options);
  g_assert_cmpuint (claims->len, >, 0);
  /* A figure at the very start or end of the text (a fuzzer's finding:
   * ".5" was read three bytes past its end). */
  {
    static const char * const tiny[] = { ".5", "5", "至5", "5至", "2024年", "3月" };

    for (guint t = 0; t < G_N_ELEMENTS (tiny); t++)
      {
        g_autofree char *copy = g_strdup (tiny[t]);
        g_autoptr(GPtrArray) few = tally_extract_claims (copy, strlen (copy), &options);

        for (guint i = 0; i < few->len; i++)
          g_assert_cmpuint (((TallyClaimRecord *) g_ptr_array_index (few, i))->end, <=, strlen (copy));
      }
  }
  for (guint i = 0; i < claims->len; i++)
    {
      const TallyClaimRecord *c = g_ptr_array_index (claims, i);

      g_assert_cmpuint (c->end, <=, text->len);
      g_assert_cmpuint (c->start, <, c->end);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/claims-zh/money-scales-and-currencies", test_money_scales_and_currencies);
  g_test_add_func ("/claims-zh/qualifiers-and-numerals", test_qualifiers_and_numerals);
  g_test_add_func ("/claims-zh/not-figures", test_not_figures);
  g_test_add_func ("/claims-zh/dates", test_dates);
  g_test_add_func ("/claims-zh/ordinals-and-quarters", test_ordinals_and_quarters);
  g_test_add_func ("/claims-zh/measure-change-and-projection", test_measure_change_and_projection);
  g_test_add_func ("/claims-zh/country-subject", test_country_subject);
  g_test_add_func ("/claims-zh/organisation-subject", test_organisation_subject);
  g_test_add_func ("/claims-zh/pair-subject", test_pair_subject);
  g_test_add_func ("/claims-zh/bilateral-subject", test_bilateral_subject);
  g_test_add_func ("/claims-zh/compound-scale-and-pairs", test_compound_scale_and_pairs);
  g_test_add_func ("/claims-zh/mixed-paragraphs", test_mixed_paragraphs);
  g_test_add_func ("/claims-zh/language-dispatch", test_language_dispatch);
  g_test_add_func ("/claims-zh/hostile-input", test_hostile_input);
  return g_test_run ();
}
