/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Events in Russian and Chinese, and one event across languages (issue 17
 * item 4). The texts are written for these tests; they reproduce how the
 * press in each language tells a visit, talks and a summit. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "tally-dictionary.h"
#include "tally-events.h"

typedef struct
{
  const char *text;
  const char *language;
  const char *published;
} Doc;

static GPtrArray *
find (const Doc *docs,
      guint      n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sources = g_array_new (FALSE, TRUE, sizeof (TallyEventSource));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *events;

  for (guint i = 0; i < n; i++)
    {
      TallyEventSource source = { 0 };

      g_ptr_array_add (ids, g_strdup_printf ("d%u", i + 1));
      source.id = g_ptr_array_index (ids, i);
      source.text = docs[i].text;
      source.len = strlen (docs[i].text);
      source.published = docs[i].published;
      source.language = docs[i].language;
      g_array_append_val (sources, source);
    }
  events = tally_events_find ((const TallyEventSource *) sources->data, n, NULL, NULL, &error);
  g_assert_no_error (error);
  return events;
}

/* The events of one kind, in date order. */
static GPtrArray *
of_kind (GPtrArray      *events,
         TallyEventKind  kind)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < events->len; i++)
    if (((TallyEventRecord *) g_ptr_array_index (events, i))->kind == kind)
      g_ptr_array_add (found, g_ptr_array_index (events, i));
  return found;
}

static const char *
label_in (const TallyEventRecord *e,
          const char             *language)
{
  for (guint i = 0; i + 1 < e->labels->len; i += 2)
    if (g_str_equal (g_ptr_array_index (e->labels, i), language))
      return g_ptr_array_index (e->labels, i + 1);
  return NULL;
}

static gboolean
has_language (const TallyEventRecord *e,
              const char             *language)
{
  for (guint i = 0; i < e->mentions->len; i++)
    if (g_strcmp0 (((TallyEventMention *) g_ptr_array_index (e->mentions, i))->language, language) == 0)
      return TRUE;
  return FALSE;
}

static const Doc ru_visit = {
  "Президент Монголии прибыл в Алматы 12 апреля 2025 года с государственным визитом. "
  "Визит продлится с 12 по 14 апреля.\n"
  "Переговоры президентов Монголии и Казахстана состоятся 13 апреля в Алматы.\n"
  "Товарооборот в 2024 году вырос на 35%, чем во время второго саммита в Бишкеке.\n"
  "Саммит прошёл 18–19 мая 2023 года в Оше.\n",
  "ru", "2025-04-12"
};

static const Doc zh_visit = {
  "当地时间2025年4月12日下午,蒙古国总统乘专机抵达阿拉木图,开始对哈萨克斯坦进行国事访问。"
  "当地时间13日上午,两国元首在阿拉木图举行会谈。\n",
  "zh", "2025-04-13"
};

static const Doc en_visit = {
  "The president of Mongolia arrived in Almaty on April 12, 2025 for a state visit to Kazakhstan.\n"
  "The two presidents held talks in Almaty on April 14.\n",
  "en", "2025-04-14"
};

static gboolean
need_dictionary (void)
{
  if (tally_dictionary_available ("ru_RU"))
    return TRUE;
  g_test_skip ("no Russian Hunspell dictionary (hunspell-ru)");
  return FALSE;
}

/* "прибыл в Алматы … с 12 по 14 апреля", "Переговоры … состоятся 13
 * апреля": acts by their lemmas, a range read from "с … по …", the place
 * from the gazetteer, labels from the source's words; a date in another
 * clause ("в 2024 году …, чем во время второго саммита") dates nothing. */
static void
test_russian (void)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) visits = NULL, talks = NULL, summits = NULL;
  const TallyEventRecord *e;

  if (!need_dictionary ())
    return;
  events = find (&ru_visit, 1);
  visits = of_kind (events, TALLY_EVENT_KIND_VISIT);
  g_assert_cmpuint (visits->len, ==, 1);
  e = g_ptr_array_index (visits, 0);
  g_assert_cmpstr (e->date, ==, "2025-04-12");
  g_assert_cmpstr (e->date_end, ==, "2025-04-14");
  g_assert_cmpstr (e->place, ==, "Алматы");
  g_assert_true (g_str_has_prefix (e->label, "Президент Монголии прибыл в Алматы"));
  g_assert_true (has_language (e, "ru"));
  g_assert_false (has_language (e, "en"));

  talks = of_kind (events, TALLY_EVENT_KIND_TALKS);
  g_assert_cmpuint (talks->len, ==, 1);
  e = g_ptr_array_index (talks, 0);
  g_assert_cmpstr (e->date, ==, "2025-04-13");
  g_assert_cmpstr (e->label, ==, "Переговоры президентов Монголии и Казахстана");
  g_assert_true (e->planned);

  summits = of_kind (events, TALLY_EVENT_KIND_SUMMIT);
  g_assert_cmpuint (summits->len, ==, 1);
  e = g_ptr_array_index (summits, 0);
  g_assert_cmpstr (e->date, ==, "2023-05-18");
  g_assert_cmpstr (e->date_end, ==, "2023-05-19");
  g_assert_cmpstr (e->label, ==, "Саммит в Оше");
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpstr (((TallyEventRecord *) g_ptr_array_index (events, i))->date, !=, "2024");
}

/* "抵达阿拉木图", "举行会谈": acts in ICU's words, "13日" read as a day of
 * the publication's month, a time clause dating the clause after it. */
static void
test_chinese (void)
{
  g_autoptr(GPtrArray) events = find (&zh_visit, 1);
  g_autoptr(GPtrArray) visits = of_kind (events, TALLY_EVENT_KIND_VISIT);
  g_autoptr(GPtrArray) talks = of_kind (events, TALLY_EVENT_KIND_TALKS);
  const TallyEventRecord *e;

  g_assert_cmpuint (visits->len, ==, 1);
  e = g_ptr_array_index (visits, 0);
  g_assert_cmpstr (e->date, ==, "2025-04-12");
  g_assert_cmpstr (e->label, ==, "蒙古国总统乘专机抵达阿拉木图");
  g_assert_cmpstr (e->place, ==, "阿拉木图");
  g_assert_true (has_language (e, "zh"));

  g_assert_cmpuint (talks->len, ==, 1);
  e = g_ptr_array_index (talks, 0);
  g_assert_cmpstr (e->date, ==, "2025-04-13");
  g_assert_cmpstr (e->label, ==, "两国元首在阿拉木图举行会谈");
}

/* One visit told in three languages is one event, with each mention's
 * language and a label in each; talks the sources date differently
 * (13 and 14 April) stay two events. */
static void
test_across (void)
{
  const Doc docs[] = { ru_visit, zh_visit, en_visit };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) visits = NULL, talks = NULL;
  const TallyEventRecord *e;

  if (!need_dictionary ())
    return;
  events = find (docs, G_N_ELEMENTS (docs));
  visits = of_kind (events, TALLY_EVENT_KIND_VISIT);
  g_assert_cmpuint (visits->len, ==, 1);
  e = g_ptr_array_index (visits, 0);
  g_assert_true (has_language (e, "ru"));
  g_assert_true (has_language (e, "zh"));
  g_assert_true (has_language (e, "en"));
  g_assert_false (e->disputed);
  /* The tests run in the C locale: the label is the English source's. */
  g_assert_cmpstr (label_in (e, "en"), ==, e->label);
  g_assert_nonnull (label_in (e, "ru"));
  g_assert_cmpstr (label_in (e, "zh"), ==, "蒙古国总统乘专机抵达阿拉木图");

  talks = of_kind (events, TALLY_EVENT_KIND_TALKS);
  g_assert_cmpuint (talks->len, ==, 2);
  g_assert_cmpstr (((TallyEventRecord *) g_ptr_array_index (talks, 0))->date, ==, "2025-04-13");
  g_assert_true (has_language (g_ptr_array_index (talks, 0), "ru"));
  g_assert_true (has_language (g_ptr_array_index (talks, 0), "zh"));
  g_assert_cmpstr (((TallyEventRecord *) g_ptr_array_index (talks, 1))->date, ==, "2025-04-14");
  g_assert_true (has_language (g_ptr_array_index (talks, 1), "en"));
}

/* A gathering in one place that two languages date differently is one
 * event, disputed, each date with its source. */
static void
test_dispute (void)
{
  const Doc docs[] = {
    { "Саммит стран Центральной Азии прошёл 18 мая 2023 года в Алматы.\n", "ru", "2023-05-19" },
    { "Leaders of Central Asia met at a summit in Almaty on May 20, 2023.\n", "en", "2023-05-21" },
  };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) summits = NULL;
  const TallyEventRecord *e;

  if (!need_dictionary ())
    return;
  events = find (docs, G_N_ELEMENTS (docs));
  summits = of_kind (events, TALLY_EVENT_KIND_SUMMIT);
  g_assert_cmpuint (summits->len, ==, 1);
  e = g_ptr_array_index (summits, 0);
  g_assert_true (e->disputed);
  g_assert_cmpuint (e->alternatives->len, ==, 2);
  g_assert_true (has_language (e, "ru"));
  g_assert_true (has_language (e, "en"));
}

/* Reports that name nothing in common do not share events, however alike
 * their kinds and dates. */
static void
test_unrelated (void)
{
  const Doc docs[] = {
    { "Президент Монголии прибыл в Алматы 12 апреля 2025 года.\n", "ru", "2025-04-12" },
    { "The prime minister of Norway arrived in Oslo on April 12, 2025.\n", "en", "2025-04-12" },
  };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) visits = NULL;

  if (!need_dictionary ())
    return;
  events = find (docs, G_N_ELEMENTS (docs));
  visits = of_kind (events, TALLY_EVENT_KIND_VISIT);
  g_assert_cmpuint (visits->len, ==, 2);
}

/* "третий форум", "第三届…论坛": an ordinal before a gathering's noun, in
 * Russian by its lemma, in Chinese anywhere in the clause before it; with
 * it, the Russian and Chinese reports of the third forum are one event.
 * "в Вильнюсе" is shown as the gazetteer's nominative, and the event has
 * its place in each language of its sources. Text written for the test. */
static void
test_ordinals_and_places (void)
{
  static const Doc docs[] = {
    { "12 мая 2025 года в Вильнюсе открылся третий форум водных ресурсов региона.\n", "ru", "2025-05-12" },
    { "2025年5月12日,第三届区域水资源论坛在维尔纽斯举行。\n", "zh", "2025-05-12" },
  };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) forums = NULL;
  const TallyEventRecord *e;
  const char *ru_place = NULL;

  if (!need_dictionary ())
    return;
  events = find (docs, G_N_ELEMENTS (docs));
  forums = of_kind (events, TALLY_EVENT_KIND_FORUM);
  g_assert_cmpuint (forums->len, ==, 1);
  e = g_ptr_array_index (forums, 0);
  g_assert_true (has_language (e, "ru"));
  g_assert_true (has_language (e, "zh"));
  g_assert_cmpstr (e->date, ==, "2025-05-12");
  /* the label of a numbered gathering: its ordinal and place */
  g_assert_true (g_str_has_prefix (e->label, "Third forum"));
  for (guint i = 0; i + 1 < e->places->len; i += 2)
    if (g_str_equal (g_ptr_array_index (e->places, i), "ru"))
      ru_place = g_ptr_array_index (e->places, i + 1);
  g_assert_cmpstr (ru_place, ==, "Вильнюс");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis/events-languages/russian", test_russian);
  g_test_add_func ("/analysis/events-languages/chinese", test_chinese);
  g_test_add_func ("/analysis/events-languages/across", test_across);
  g_test_add_func ("/analysis/events-languages/dispute", test_dispute);
  g_test_add_func ("/analysis/events-languages/unrelated", test_unrelated);
  g_test_add_func ("/analysis/events-languages/ordinals-and-places", test_ordinals_and_places);
  return g_test_run ();
}
