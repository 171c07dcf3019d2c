/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "tally-claims.h"
#include "tally-concepts.h"
#include "tally-dictionary.h"
#include "tally-gazetteer.h"
#include "tally-events.h"
#include "tally-ingest.h"
#include "tally-lexicon.h"
#include "tally-tokenizer.h"

/* Russian claims (issue 17). Every text here was written for this test; it
 * reproduces structures Russian news reports use, not their sentences. */

static GPtrArray *
extract (const char *text,
         const char *language)
{
  TallyExtractOptions options;

  tally_extract_options_init (&options);
  options.language = tally_lexicon_language_for (language);
  return tally_extract_claims (text, strlen (text), &options);
}

static const TallyClaimRecord *
find_claim (GPtrArray  *claims,
            const char *text,
            const char *covering)
{
  const char *at = strstr (text, covering);

  g_assert_nonnull (at);
  for (guint i = 0; i < claims->len; i++)
    {
      const TallyClaimRecord *c = g_ptr_array_index (claims, i);

      if (c->start <= (gsize) (at - text) && c->end >= (gsize) (at - text) + strlen (covering))
        return c;
    }
  g_test_message ("no claim covers “%s”", covering);
  return NULL;
}

/* The document's language picks the lexicon; languages without one are
 * read with English data, as before. */
static void
test_language_for (void)
{
  g_assert_cmpstr (tally_lexicon_language_for ("ru"), ==, "ru");
  g_assert_cmpstr (tally_lexicon_language_for ("ru-RU"), ==, "ru");
  g_assert_cmpstr (tally_lexicon_language_for ("RU"), ==, "ru");
  g_assert_cmpstr (tally_lexicon_language_for ("en"), ==, "en");
  g_assert_cmpstr (tally_lexicon_language_for ("und"), ==, "en");
  g_assert_cmpstr (tally_lexicon_language_for (NULL), ==, "en");
  g_assert_cmpstr (tally_lexicon_language_for ("kk"), ==, "en");
  g_assert_cmpstr (tally_lexicon_language_for (""), ==, "en");
  g_assert_cmpstr (tally_lexicon_language_for ("x-this-is-not-a-language"), ==, "en");
}

/* Capitals and "ё" fold as the lexicon's keys do. */
static void
test_cyrillic_folding (void)
{
  const TallyLexicon *ru = tally_lexicon_get ("ru", NULL);
  const TallyLexEntry *lower, *upper;

  g_assert_nonnull (ru);
  lower = tally_lexicon_lookup (ru, "млрд", strlen ("млрд"));
  upper = tally_lexicon_lookup (ru, "МЛРД", strlen ("МЛРД"));
  g_assert_nonnull (lower);
  g_assert_true (lower == upper);
  g_assert_true (tally_lexicon_lookup (ru, "Млрд", strlen ("Млрд")) == lower);
  g_assert_cmpfloat (lower->scale, ==, 1e9);
  g_assert_true (tally_lexicon_decimal_comma (ru));
  g_assert_false (tally_lexicon_decimal_comma (tally_lexicon_get ("en", NULL)));
}

/* "12,7" is twelve point seven in Russian and "12 500" one number; the
 * English lexicon reads neither so. */
static void
test_numbers (void)
{
  const TallyLexicon *ru = tally_lexicon_get ("ru", NULL);
  const TallyLexicon *en = tally_lexicon_get ("en", NULL);
  static const struct { const char *text; double ru; double en; } cases[] = {
    { "12,7 ", 12.7, 12 },
    { "12 500 ", 12500, 12 },
    { "1 234 567,25 ", 1234567.25, 1 },
    { "12\xc2\xa0" "500 ", 12500, 12 },       /* no-break space */
    { "12\xe2\x80\xaf" "500 ", 12500, 12 },   /* narrow no-break space */
    { "2023 150 ", 2023, 2023 },              /* a first group of four digits is a year */
    { "12 50 ", 12, 12 },                     /* groups are three digits */
    { "1,5,7 ", 1.5, 1 },
    { "3.5 ", 3.5, 3.5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TallyToken token;
      gsize pos = 0;

      g_test_message ("%s", cases[i].text);
      g_assert_true (tally_tokenizer_next (ru, cases[i].text, strlen (cases[i].text), &pos, &token));
      g_assert_cmpint (token.type, ==, TALLY_TOKEN_NUMBER);
      g_assert_cmpfloat_with_epsilon (tally_token_number_value (&token), cases[i].ru, 1e-9);
      pos = 0;
      g_assert_true (tally_tokenizer_next (en, cases[i].text, strlen (cases[i].text), &pos, &token));
      g_assert_cmpfloat_with_epsilon (tally_token_number_value (&token), cases[i].en, 1e-9);
    }
}

static void
test_money_and_qualifiers (void)
{
  const char *text =
    "Объём взаимной торговли в прошлом году достиг 12,7 млрд долларов. "
    "Вложения фонда превысили 3,5 млрд юаней. "
    "Делегации подписали свыше 40 документов, около 70% из них касаются энергетики. "
    "На площадке работали 12 500 волонтёров.";
  g_autoptr(GPtrArray) claims = extract (text, "ru");
  const TallyClaimRecord *c;

  c = find_claim (claims, text, "12,7 млрд долларов");
  g_assert_nonnull (c);
  g_assert_cmpint (c->kind, ==, TALLY_CLAIM_KIND_MONEY);
  g_assert_cmpfloat_with_epsilon (c->value, 12.7e9, 1);
  g_assert_cmpstr (c->unit, ==, "USD");

  c = find_claim (claims, text, "3,5 млрд юаней");
  g_assert_nonnull (c);
  g_assert_cmpfloat_with_epsilon (c->value, 3.5e9, 1);
  g_assert_cmpstr (c->unit, ==, "CNY");
  g_assert_cmpint (c->qualifier, ==, TALLY_QUALIFIER_OVER);

  c = find_claim (claims, text, "свыше 40");
  g_assert_nonnull (c);
  g_assert_cmpfloat (c->value, ==, 40);
  g_assert_cmpint (c->qualifier, ==, TALLY_QUALIFIER_OVER);

  c = find_claim (claims, text, "около 70%");
  g_assert_nonnull (c);
  g_assert_cmpint (c->kind, ==, TALLY_CLAIM_KIND_PERCENT);
  g_assert_cmpfloat (c->value, ==, 70);
  g_assert_cmpint (c->qualifier, ==, TALLY_QUALIFIER_APPROX);

  c = find_claim (claims, text, "12 500");
  g_assert_nonnull (c);
  g_assert_cmpfloat (c->value, ==, 12500);
}

/* Ingest detects the language and finds the tokens with its lexicon; the
 * extractor given those tokens says what it says when it reads the text
 * itself. */
static void
test_ingest_tokens_in_language (void)
{
  const char *file =
    "Порт принял рекордный груз\n\n"
    "За первые девять месяцев порт перевалил 4,2 млн тонн грузов, что почти на 15% больше, чем годом ранее. "
    "Выручка оператора составила 310,5 млн рублей.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (file, strlen (file));
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDocumentRecord) record = tally_ingest_bytes (bytes, "port.txt", &error);
  g_autoptr(GPtrArray) given = NULL;
  g_autoptr(GPtrArray) scanned = NULL;
  TallyExtractOptions options;
  const TallyClaimRecord *c;

  g_assert_no_error (error);
  g_assert_cmpstr (record->language, ==, "ru");
  g_assert_nonnull (record->tokens);
  tally_extract_options_init (&options);
  options.language = tally_lexicon_language_for (record->language);
  scanned = tally_extract_claims (record->text, record->text_len, &options);
  options.tokens = record->tokens;
  given = tally_extract_claims (record->text, record->text_len, &options);
  g_assert_cmpuint (given->len, ==, scanned->len);
  for (guint i = 0; i < given->len; i++)
    {
      const TallyClaimRecord *a = g_ptr_array_index (given, i), *b = g_ptr_array_index (scanned, i);

      g_assert_cmpuint (a->start, ==, b->start);
      g_assert_cmpuint (a->end, ==, b->end);
      g_assert_cmpfloat (a->value, ==, b->value);
    }
  c = find_claim (given, record->text, "310,5 млн рублей");
  g_assert_nonnull (c);
  g_assert_cmpfloat_with_epsilon (c->value, 310.5e6, 1);
  g_assert_cmpstr (c->unit, ==, "RUB");
}

/* One finder, documents in two languages: each is read with its own data,
 * and an English document after a Russian one is read as English again. */
static void
test_event_finder_languages (void)
{
  const char *en1 = "The Third Lakes Summit opened in Kuopio on 3 May 2031.";
  const char *ru = "Третий саммит озёрных стран открылся 3 мая 2031 года, торговля достигла 12,7 млрд долларов.";
  const char *en2 = "Leaders arrived for the Third Lakes Summit, which opened on 3 May 2031.";
  g_autoptr(TallyEventFinder) finder = tally_event_finder_new (NULL, NULL);
  g_autoptr(GPtrArray) events = NULL;
  const TallyEventRecord *e;

  tally_event_finder_set_document_language (finder, "en");
  tally_event_finder_add_document (finder, "d1", en1, strlen (en1), "2031-05-04");
  tally_event_finder_set_document_language (finder, "ru");
  tally_event_finder_add_document (finder, "d2", ru, strlen (ru), "2031-05-04");
  tally_event_finder_set_document_language (finder, NULL);
  tally_event_finder_add_document (finder, "d3", en2, strlen (en2), "2031-05-04");
  events = tally_event_finder_finish (finder);
  g_assert_cmpuint (events->len, >=, 1);
  e = g_ptr_array_index (events, 0);
  g_assert_cmpstr (e->label, ==, "Third Lakes Summit");
  g_assert_cmpstr (e->date, ==, "2031-05-03");
  g_assert_cmpuint (e->mentions->len, >=, 2);
}

static GPtrArray *
extract_dated (const char *text,
               const char *reference)
{
  TallyExtractOptions options;

  tally_extract_options_init (&options);
  options.language = "ru";
  if (reference != NULL)
    g_assert_true (tally_extract_options_set_reference_date (&options, reference));
  return tally_extract_claims (text, strlen (text), &options);
}

/* Dates as the Russian press writes them: months in lower case, in the
 * genitive with a day, in the prepositional after "в", "года" after a year. */
static void
test_dates (void)
{
  const char *text =
    "Форум прошёл 4 марта 2024 года в Казани. Выставка работала 4–6 марта 2024 года. "
    "В марте 2024 года открылся новый терминал, а в 2023 году порт принял 3,1 млн тонн. "
    "Завод построен в 1998 году, реконструирован в 2004 г. и расширен 17 Октября 2019 г.";
  g_autoptr(GPtrArray) claims = extract_dated (text, NULL);
  const TallyClaimRecord *c;

  c = find_claim (claims, text, "4 марта 2024");
  g_assert_nonnull (c);
  g_assert_cmpint (c->kind, ==, TALLY_CLAIM_KIND_DATE);
  g_assert_cmpstr (c->value_text, ==, "2024-03-04");
  c = find_claim (claims, text, "4–6 марта 2024");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->value_text, ==, "2024-03-04");
  g_assert_cmpstr (c->value_max_text, ==, "2024-03-06");
  c = find_claim (claims, text, "марте 2024");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->value_text, ==, "2024-03");
  c = find_claim (claims, text, "2023");
  g_assert_nonnull (c);
  g_assert_cmpint (c->kind, ==, TALLY_CLAIM_KIND_YEAR);
  /* "в 2023 году" is the period of the figure after it. */
  c = find_claim (claims, text, "3,1 млн тонн");
  g_assert_nonnull (c);
  g_assert_cmpint (c->scope_year, ==, 2023);
  g_assert_cmpfloat_with_epsilon (c->value, 3.1e6, 1);
  g_assert_cmpstr (c->unit, ==, "t");
  /* "в 2004 г.": a year, not 2004 years. */
  c = find_claim (claims, text, "2004");
  g_assert_nonnull (c);
  g_assert_cmpint (c->kind, ==, TALLY_CLAIM_KIND_YEAR);
  c = find_claim (claims, text, "17 Октября 2019");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->value_text, ==, "2019-10-17");
}

/* Every month's genitive comes from ICU's CLDR data, and so do the
 * abbreviations; a day without a year takes the reference date's. */
static void
test_month_names (void)
{
  static const char *genitive[] = { "января", "февраля", "марта", "апреля", "мая", "июня", "июля",
                                    "августа", "сентября", "октября", "ноября", "декабря" };

  for (guint m = 0; m < 12; m++)
    {
      g_autofree char *text = g_strdup_printf ("Сделку закрыли 12 %s 2025 года.", genitive[m]);
      g_autofree char *want = g_strdup_printf ("2025-%02u-12", m + 1);
      g_autoptr(GPtrArray) claims = extract_dated (text, NULL);

      g_assert_cmpuint (claims->len, ==, 1);
      g_assert_cmpstr (((TallyClaimRecord *) claims->pdata[0])->value_text, ==, want);
    }
  {
    const char *text = "Паром вышел в рейс 9 сент. и вернулся 14 сентября.";
    g_autoptr(GPtrArray) claims = extract_dated (text, "2025-09-20");
    const TallyClaimRecord *c = find_claim (claims, text, "9 сент");

    g_assert_nonnull (c);
    g_assert_cmpstr (c->value_text, ==, "2025-09-09");
    c = find_claim (claims, text, "14 сентября");
    g_assert_nonnull (c);
    g_assert_cmpstr (c->value_text, ==, "2025-09-14");
  }
}

/* "примерно в 70 км", "почти на 15%": the qualifier before a preposition. */
static void
test_qualifier_gap (void)
{
  const char *text = "Город лежит примерно в 70 км от побережья, а выручка выросла почти на 15%.";
  g_autoptr(GPtrArray) claims = extract (text, "ru");
  const TallyClaimRecord *c;

  c = find_claim (claims, text, "70 км");
  g_assert_nonnull (c);
  g_assert_cmpint (c->kind, ==, TALLY_CLAIM_KIND_NUMBER);
  g_assert_cmpstr (c->unit, ==, "km");
  g_assert_cmpint (c->qualifier, ==, TALLY_QUALIFIER_APPROX);
  c = find_claim (claims, text, "15%");
  g_assert_nonnull (c);
  g_assert_cmpint (c->qualifier, ==, TALLY_QUALIFIER_APPROX);
}

/* What a figure measures, as a lemma: the counted noun after the figure,
 * the noun before it, or the subject of the verb before it. */
static void
test_measures (void)
{
  const char *text =
    "На острове закрыли 14 школ, а около 300 жителей покинули дома. "
    "Волна высотой 4,5 м накрыла пристань. "
    "Экспорт зерна в прошлом году составил 2,4 млрд долларов. "
    "Пострадали 12 жилых зданий, погибли 7 рыбаков.";
  g_autoptr(GPtrArray) claims = extract (text, "ru");
  const TallyClaimRecord *c;

  if (!tally_dictionary_available ("ru_RU"))
    {
      g_test_skip ("no Hunspell ru_RU dictionary: measures stay as written");
      return;
    }
  c = find_claim (claims, text, "14 школ");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->measure, ==, "школа");
  c = find_claim (claims, text, "около 300 жителей");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->measure, ==, "житель");
  c = find_claim (claims, text, "4,5 м");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->measure, ==, "высота");
  c = find_claim (claims, text, "2,4 млрд долларов");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->measure, ==, "экспорт");
  c = find_claim (claims, text, "12 жилых зданий");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->measure, ==, "здание");
  c = find_claim (claims, text, "7 рыбаков");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->measure, ==, "рыбак");
}

/* A country's name in any case is the country ("Казахстана", "Китаем" →
 * Kazakhstan, China: the dictionary's lemma, then the gazetteer); a common
 * noun opening a sentence is no name ("Товарооборот Казахстана"). */
static void
test_inflected_subjects (void)
{
  const char *text =
    "Товарооборот Казахстана с Китаем вырос до 41 млрд долларов. "
    "Поставки Японии составили 3 млрд долларов. "
    "Экспорт России превысил 90 млрд долларов.";
  g_autoptr(GPtrArray) claims = extract (text, "ru");
  const TallyClaimRecord *c;

  if (!tally_dictionary_available ("ru_RU"))
    {
      g_test_skip ("no Hunspell ru_RU dictionary: names stay as written");
      return;
    }
  c = find_claim (claims, text, "41 млрд долларов");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->subject, ==, "Kazakhstan");
  g_assert_cmpint (c->subject_kind, ==, TALLY_SUBJECT_KIND_COUNTRY);
  c = find_claim (claims, text, "3 млрд долларов");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->subject, ==, "Japan");
  c = find_claim (claims, text, "90 млрд долларов");
  g_assert_nonnull (c);
  g_assert_cmpstr (tally_gazetteer_subject_id (c->subject), ==, "RU");
}

/* Two countries together are one subject, the same one English and
 * Chinese give ("China–Russia"): a pair adjective ("бразильско-индийский"),
 * two names joined by "и" or "между … и …". A level or mark noun
 * ("максимум", "отметка", [filler]) is not the measure: the noun the
 * level belongs to is; a participle's clause ("…, составив 7 млрд") measures
 * what the figure before it did. Text written for the test. */
static void
test_pairs_and_levels (void)
{
  const char *text =
    "В прошлом году бразильско-индийский товарооборот вырос на 12,4 процента и составил 31 млрд долларов. "
    "Товарооборот между Индией и Бразилией достиг исторического максимума в 33,5 млрд долларов. "
    "Экспорт кофе превысил отметку в 9 миллиардов долларов. "
    "Импорт угля увеличился на 4,2%, составив рекордные 61 млн тонн. "
    "Поставки Японии и Вьетнама, Лаоса и Камбоджи выросли на 3%.";
  g_autoptr(GPtrArray) claims = extract (text, "ru");
  const TallyClaimRecord *c;

  if (!tally_dictionary_available ("ru_RU"))
    {
      g_test_skip ("no Hunspell ru_RU dictionary: measures stay as written");
      return;
    }
  c = find_claim (claims, text, "12,4 процента");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->subject, ==, "Brazil–India");
  g_assert_cmpstr (tally_gazetteer_subject_id (c->subject), ==, "BR-IN");
  g_assert_cmpstr (c->measure, ==, "товарооборот");
  g_assert_true (c->change);
  c = find_claim (claims, text, "31 млрд долларов");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->subject, ==, "Brazil–India");
  g_assert_cmpstr (c->measure, ==, "товарооборот");
  c = find_claim (claims, text, "33,5 млрд долларов");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->subject, ==, "Brazil–India");
  g_assert_cmpstr (c->measure, ==, "товарооборот");
  c = find_claim (claims, text, "9 миллиардов долларов");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->measure, ==, "экспорт");
  c = find_claim (claims, text, "61 млн тонн");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->measure, ==, "импорт");
  /* "Японии и Вьетнама": two names joined by "и"; "двусторонний": the
   * pair a claim was last about */
  {
    const char *more = "Товарооборот Японии и Вьетнама вырос до 31 млрд долларов. "
                       "Двусторонний товарооборот за январь составил 2,9 млрд долларов.";
    g_autoptr(GPtrArray) again = extract (more, "ru");

    c = find_claim (again, more, "до 31 млрд долларов");
    g_assert_nonnull (c);
    g_assert_cmpstr (c->subject, ==, "Japan–Vietnam");
    c = find_claim (again, more, "2,9 млрд долларов");
    g_assert_nonnull (c);
    g_assert_cmpstr (c->subject, ==, "Japan–Vietnam");
  }
  /* a list is no pair */
  c = find_claim (claims, text, "3%");
  g_assert_nonnull (c);
  g_assert_true (c->subject == NULL || strstr (c->subject, "–") == NULL);
}

/* Russian measures take the concepts English ones do (lexicons/ru.concepts):
 * "товарооборот" is trade, "соглашение" an agreement, "погибший" a death. */
static void
test_concepts (void)
{
  TallyConcepts *concepts = tally_concepts_get_default ();

  g_assert_cmpstr (tally_concepts_of_measure (concepts, "товарооборот", NULL, NULL), ==, "trade");
  g_assert_cmpstr (tally_concepts_of_measure (concepts, "trade volume", NULL, NULL), ==, "trade");
  g_assert_cmpstr (tally_concepts_of_measure (concepts, "соглашение", NULL, NULL), ==, "agreement");
  g_assert_cmpstr (tally_concepts_of_measure (concepts, "погибший", NULL, NULL), ==, "death");
  g_assert_cmpstr (tally_concepts_of_measure (concepts, "экспорт", NULL, NULL), ==, "export");
  g_assert_null (tally_concepts_of_measure (concepts, "магнитуда", NULL, NULL));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/claims-ru/language-for", test_language_for);
  g_test_add_func ("/claims-ru/cyrillic-folding", test_cyrillic_folding);
  g_test_add_func ("/claims-ru/numbers", test_numbers);
  g_test_add_func ("/claims-ru/money-and-qualifiers", test_money_and_qualifiers);
  g_test_add_func ("/claims-ru/ingest-tokens-in-language", test_ingest_tokens_in_language);
  g_test_add_func ("/claims-ru/event-finder-languages", test_event_finder_languages);
  g_test_add_func ("/claims-ru/dates", test_dates);
  g_test_add_func ("/claims-ru/month-names", test_month_names);
  g_test_add_func ("/claims-ru/qualifier-gap", test_qualifier_gap);
  g_test_add_func ("/claims-ru/measures", test_measures);
  g_test_add_func ("/claims-ru/concepts", test_concepts);
  g_test_add_func ("/claims-ru/inflected-subjects", test_inflected_subjects);
  g_test_add_func ("/claims-ru/pairs-and-levels", test_pairs_and_levels);
  return g_test_run ();
}
