/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tally-language.h"
#include "tally-stories.h"

/* Stories on short reports written for this test (invented events): three
 * outlets on a ferry grounding, two on a food-company takeover, one on a
 * council vote. Each outlet words its report its own way, as real outlets
 * do; what they share are the names. */

typedef struct
{
  const char *title;
  const char *text;
  const char *published;
} Report;

static const Report reports[] = {
  { "Ferry Kestrel runs aground off Varnholm",
    "The passenger ferry Kestrel ran aground on a sandbar near Varnholm early on Tuesday, its operator Brannock Line "
    "said. All 212 passengers were taken ashore by lifeboat crews from Varnholm harbour. Captain Odile Marsh reported "
    "a steering fault minutes before the ship struck the bank.",
    "2024-03-12" },
  { "Tessaly Foods to buy Ostrin Dairies for $1.2bn",
    "Tessaly Foods has agreed to acquire Ostrin Dairies in a cash deal worth $1.2 billion, the two companies announced. "
    "The takeover gives Tessaly control of Ostrin's cheese plants in the north and its yoghurt brands.",
    "2024-03-14" },
  { "Varnholm rescue: how lifeboats reached the stranded Kestrel",
    "Lifeboat volunteers from Varnholm described a four-hour operation to bring passengers off the Kestrel after the "
    "Brannock Line ferry grounded. Odile Marsh, the ship's captain, stayed aboard with eleven crew.",
    "2024-03-13" },
  { "Ostrin shareholders back Tessaly bid",
    "Shareholders in Ostrin Dairies voted on Friday to accept the takeover offer from Tessaly Foods. Ostrin's board had "
    "recommended the bid, which values the dairy group at $1.2 billion.",
    "2024-03-22" },
  { "Brannock Line suspends Varnholm crossings after Kestrel grounding",
    "Brannock Line has suspended its Varnholm crossings while inspectors examine the Kestrel. The ferry operator said "
    "the steering fault reported by Captain Marsh was being investigated.",
    "2024-03-15" },
  { "Marrow Valley council approves library plan",
    "Councillors in Marrow Valley approved plans for a new library on the site of the old bus depot. Building work is "
    "due to start in the autumn and the library should open within two years.",
    "2024-03-18" },
};

static GPtrArray *
find (const TallyStoryInput *inputs,
      gsize                  n,
      guint                 *story_of)
{
  return tally_find_stories (inputs, n, story_of);
}

static void
fill_inputs (TallyStoryInput *inputs)
{
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    inputs[i] = (TallyStoryInput) {
      .title = reports[i].title,
      .text = reports[i].text,
      .text_len = strlen (reports[i].text),
      .published = reports[i].published,
    };
}

static void
test_stories_found (void)
{
  TallyStoryInput inputs[G_N_ELEMENTS (reports)];
  guint story_of[G_N_ELEMENTS (reports)];
  g_autoptr(GPtrArray) stories = NULL;
  const TallyStoryRecord *ferry, *takeover, *council;

  fill_inputs (inputs);
  stories = find (inputs, G_N_ELEMENTS (inputs), story_of);
  g_assert_cmpuint (stories->len, ==, 3);
  /* Largest first: the ferry (3), the takeover (2), the council (1). */
  ferry = g_ptr_array_index (stories, 0);
  takeover = g_ptr_array_index (stories, 1);
  council = g_ptr_array_index (stories, 2);
  g_assert_cmpstr (ferry->id, ==, "s1");
  g_assert_cmpuint (ferry->documents->len, ==, 3);
  g_assert_cmpuint (g_array_index (ferry->documents, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (ferry->documents, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (ferry->documents, guint, 2), ==, 4);
  g_assert_cmpuint (takeover->documents->len, ==, 2);
  g_assert_cmpuint (council->documents->len, ==, 1);
  g_assert_cmpuint (story_of[0], ==, 0);
  g_assert_cmpuint (story_of[1], ==, 1);
  g_assert_cmpuint (story_of[3], ==, 1);
  g_assert_cmpuint (story_of[5], ==, 2);

  /* Named by the names the reports share, as they write them. */
  g_test_message ("names: %s | %s | %s", ferry->name, takeover->name, council->name);
  g_assert_cmpuint (g_strv_length (ferry->terms), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) ferry->terms, "Kestrel"));
  g_assert_true (g_strv_contains ((const char * const *) ferry->terms, "Varnholm"));
  g_assert_true (g_strv_contains ((const char * const *) takeover->terms, "Tessaly")
                 || g_strv_contains ((const char * const *) takeover->terms, "Ostrin"));
  g_assert_nonnull (strstr (ferry->name, ", "));
}

/* The same names months apart are another story (the ferry's next
 * grounding is news of its own); undated reports are compared by words only. */
static void
test_stories_dates (void)
{
  TallyStoryInput inputs[G_N_ELEMENTS (reports)];
  g_autoptr(GPtrArray) stories = NULL;
  guint story_of[G_N_ELEMENTS (reports)];

  fill_inputs (inputs);
  inputs[4].published = "2024-11-02";
  stories = find (inputs, G_N_ELEMENTS (inputs), story_of);
  g_assert_cmpuint (stories->len, ==, 4);
  g_assert_cmpuint (story_of[0], ==, story_of[2]);
  g_assert_cmpuint (story_of[4], !=, story_of[0]);
  g_clear_pointer (&stories, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    inputs[i].published = NULL;
  stories = find (inputs, G_N_ELEMENTS (inputs), story_of);
  g_assert_cmpuint (stories->len, ==, 3);
}

/* Near-duplicates are one story whatever their words; an analyst's move
 * takes a report out of its story into another, or into one of its own. */
static void
test_stories_clusters_and_moves (void)
{
  TallyStoryInput inputs[G_N_ELEMENTS (reports)];
  g_autoptr(GPtrArray) stories = NULL;
  guint story_of[G_N_ELEMENTS (reports)];
  const char *keys[] = { "d1", "d2", "d3", "d4", "d5", "d6" };

  fill_inputs (inputs);
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    inputs[i].key = keys[i];
  inputs[5].cluster = "c1";
  inputs[1].cluster = "c1";
  stories = find (inputs, G_N_ELEMENTS (inputs), story_of);
  g_assert_cmpuint (stories->len, ==, 2);
  g_assert_cmpuint (story_of[5], ==, story_of[1]);
  g_clear_pointer (&stories, g_ptr_array_unref);

  fill_inputs (inputs);
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    inputs[i].key = keys[i];
  inputs[5].moved_to = "d1";     /* the council report into the ferry story */
  inputs[2].moved_to = "d3";     /* a ferry report into a story of its own */
  stories = find (inputs, G_N_ELEMENTS (inputs), story_of);
  g_assert_cmpuint (stories->len, ==, 3);
  g_assert_cmpuint (story_of[5], ==, story_of[0]);
  g_assert_cmpuint (story_of[4], ==, story_of[0]);
  g_assert_cmpuint (story_of[2], !=, story_of[0]);
  g_assert_cmpuint (((TallyStoryRecord *) g_ptr_array_index (stories, story_of[2]))->documents->len, ==, 1);
}

/* Reports of one story in other languages share no words with the English
 * ones: they join by the subjects their titles and leads name, as the
 * gazetteer writes them in every language (特斯拉 and Tesla; Китаем and
 * China), when the dates are close. Reports written for this test. */
static void
test_stories_across_languages (void)
{
  TallyStoryInput inputs[] = {
    { .title = "Tesla beats BYD in the last quarter of the year",
      .text = "Tesla delivered more cars than BYD between October and December, the carmaker said on Tuesday. "
              "Sales in China rose while European buyers waited for cheaper models.",
      .published = "2024-01-02", .language = "en" },
    { .title = "Kazakhstan's exports to China reach a record",
      .text = "Kazakhstan sold more grain and metals to China than ever before, its trade ministry said. "
              "Rail freight through the border crossings doubled.",
      .published = "2024-01-20", .language = "en" },
    { .title = "特斯拉第四季度交付量超过比亚迪",
      .text = "特斯拉周二表示，第四季度交付的汽车多于比亚迪。中国市场销量上升，欧洲消费者仍在等待更便宜的车型。",
      .published = "2024-01-03", .language = "zh" },
    { .title = "Экспорт Казахстана в Китай достиг рекорда",
      .text = "Министерство торговли сообщило, что Казахстан продал Китаю больше зерна и металлов, чем когда-либо. "
              "Грузоперевозки по железной дороге через границу с Китаем выросли вдвое.",
      .published = "2024-01-21", .language = "ru" },
    /* The same names a year later: news of its own. */
    { .title = "特斯拉与比亚迪公布新车型",
      .text = "特斯拉和比亚迪在中国发布了新车型。",
      .published = "2025-03-10", .language = "zh" },
  };
  guint story_of[G_N_ELEMENTS (inputs)];
  g_autoptr(GPtrArray) stories = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    inputs[i].text_len = strlen (inputs[i].text);
  stories = tally_find_stories (inputs, G_N_ELEMENTS (inputs), story_of);
  g_assert_cmpuint (story_of[2], ==, story_of[0]);
  g_assert_cmpuint (story_of[3], ==, story_of[1]);
  g_assert_cmpuint (story_of[0], !=, story_of[1]);
  g_assert_cmpuint (story_of[4], !=, story_of[0]);
  g_assert_cmpuint (stories->len, ==, 3);

  /* One language throughout: the words decide, as before. */
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    inputs[i].language = "en";
  g_clear_pointer (&stories, g_ptr_array_unref);
  stories = tally_find_stories (inputs, G_N_ELEMENTS (inputs), story_of);
  g_assert_cmpuint (story_of[2], !=, story_of[0]);

  /* Words read apart, with the title, the lead's first bytes and its
   * language for the step across languages (what the event finder keeps):
   * the same stories as the titles and texts read in place. */
  {
    TallyStoryWords *words[G_N_ELEMENTS (inputs)];
    TallyStoryInput apart[G_N_ELEMENTS (inputs)];
    guint story_of_apart[G_N_ELEMENTS (inputs)];
    g_autoptr(GPtrArray) stories_apart = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
      {
        inputs[i].language = NULL;
        words[i] = tally_story_words_new (inputs[i].title, inputs[i].text, inputs[i].text_len);
        apart[i] = (TallyStoryInput) {
          .title = inputs[i].title,
          .text = inputs[i].text,
          .text_len = MIN (inputs[i].text_len, TALLY_STORY_ANCHOR_LEAD_BYTES),
          .published = inputs[i].published,
          .words = words[i],
          .language = tally_language_detect (inputs[i].text, inputs[i].text_len),
        };
      }
    g_clear_pointer (&stories, g_ptr_array_unref);
    stories = tally_find_stories (inputs, G_N_ELEMENTS (inputs), story_of);
    stories_apart = tally_find_stories (apart, G_N_ELEMENTS (apart), story_of_apart);
    g_assert_cmpmem (story_of, sizeof story_of, story_of_apart, sizeof story_of_apart);
    g_assert_cmpuint (story_of_apart[3], ==, story_of_apart[1]);
    g_assert_cmpuint (story_of_apart[0], !=, story_of_apart[1]);
    for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
      tally_story_words_free (words[i]);
  }
}

/* Nothing in, nothing out; documents without words are stories of their own. */
static void
test_stories_empty (void)
{
  TallyStoryInput inputs[3] = { { 0 }, { .title = "" }, { .text = "!!! ...", .text_len = 7 } };
  guint story_of[3];
  g_autoptr(GPtrArray) none = tally_find_stories (NULL, 0, NULL);
  g_autoptr(GPtrArray) stories = tally_find_stories (inputs, 3, story_of);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (stories->len, ==, 3);
  g_assert_cmpstr (((TallyStoryRecord *) g_ptr_array_index (stories, 0))->name, ==, "Untitled story");
}

/* Words read apart (tally_story_words_new(), as a worker does) give the
 * same stories, names and terms as the title and text read in place: the
 * reports above, plus names in other scripts and capitals (“Øresund”,
 * “Škoda”), a name written in more forms than a term keeps, and a report
 * with no title. */
static void
test_stories_words_apart (void)
{
  static const Report more[] = {
    { "Øresund link reopens after Škoda convoy crash",
      "The Øresund link reopened on Sunday after a convoy of Škoda lorries crashed at the Øresund toll plaza. ØRESUND "
      "Bridge staff said the Škoda drivers were unhurt; Oresund traffic resumed. Traffic on the ØreSund link, the "
      "Øresund-Link and the ØRESUND LINK was slow.",
      "2024-03-17" },
    { NULL,
      "Kestrel, KESTREL, KEStrel, KeStRel, KESTRel, KestreL, KESTREl, KEsTREL and Kestrels were named by the Varnholm "
      "lifeboat crews, who said the Kestrel’s hull was sound.",
      "2024-03-14" },
    { "Traffic slow on the Øresund link",
      "Lorries queued on the Øresund link on Monday, a day after the Škoda convoy crash, bridge staff said.",
      "2024-03-18" },
  };
  const guint n = G_N_ELEMENTS (reports) + G_N_ELEMENTS (more);
  TallyStoryInput inputs[G_N_ELEMENTS (reports) + G_N_ELEMENTS (more)];
  TallyStoryInput apart[G_N_ELEMENTS (reports) + G_N_ELEMENTS (more)];
  TallyStoryInput printed[G_N_ELEMENTS (reports) + G_N_ELEMENTS (more)];
  g_autoptr(GPtrArray) stories_printed = NULL;
  TallyStoryWords *words[G_N_ELEMENTS (reports) + G_N_ELEMENTS (more)];
  guint story_of[G_N_ELEMENTS (reports) + G_N_ELEMENTS (more)];
  guint story_of_apart[G_N_ELEMENTS (reports) + G_N_ELEMENTS (more)];
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GPtrArray) stories_apart = NULL;

  fill_inputs (inputs);
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    inputs[G_N_ELEMENTS (reports) + i] = (TallyStoryInput) {
      .title = more[i].title,
      .text = more[i].text,
      .text_len = strlen (more[i].text),
      .published = more[i].published,
    };
  for (guint i = 0; i < n; i++)
    {
      words[i] = tally_story_words_new (inputs[i].title, inputs[i].text, inputs[i].text_len);
      g_assert_cmpuint (tally_story_words_size (words[i]), <, 1024);
      apart[i] = (TallyStoryInput) { .published = inputs[i].published, .words = words[i] };
      /* The text's fingerprint taken while it was at hand: the stories'
       * keys need no text. */
      printed[i] = apart[i];
      printed[i].fingerprint = tally_story_fingerprint (inputs[i].title, inputs[i].text, inputs[i].text_len);
    }
  stories_printed = find (printed, n, NULL);
  stories = find (inputs, n, story_of);
  stories_apart = find (apart, n, story_of_apart);
  g_assert_cmpuint (stories->len, ==, stories_apart->len);
  g_assert_cmpuint (stories->len, <, n);
  for (guint s = 0; s < stories->len; s++)
    {
      const TallyStoryRecord *a = g_ptr_array_index (stories, s), *b = g_ptr_array_index (stories_apart, s);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->key, ==, ((TallyStoryRecord *) g_ptr_array_index (stories_printed, s))->key);
      g_assert_cmpstr (a->key, !=, b->key);
      g_assert_true (g_strv_equal ((const char * const *) a->terms, (const char * const *) b->terms));
      g_assert_cmpmem (a->documents->data, a->documents->len * sizeof (guint),
                       b->documents->data, b->documents->len * sizeof (guint));
    }
  g_assert_cmpmem (story_of, sizeof story_of, story_of_apart, sizeof story_of_apart);
  /* The Øresund reports are one story, named by the form most used. */
  g_assert_cmpuint (story_of[G_N_ELEMENTS (reports)], ==, story_of[G_N_ELEMENTS (reports) + 2]);
  g_assert_nonnull (strstr (((TallyStoryRecord *) g_ptr_array_index (stories, story_of[G_N_ELEMENTS (reports)]))->name,
                            "Øresund"));
  for (guint i = 0; i < n; i++)
    tally_story_words_free (words[i]);
}

/* Reports of one carmaker's year: three on its deliveries beside a rival's,
 * two on its plant's output. The two share more with each other than with
 * any one of the three and form a story of their own; taken together, it
 * meets the larger story (both centroids hold the carmaker, its cars, the
 * year). Without the story-to-story step they stay two stories. */
static const Report results[] = {
  { "Arden Motors hands over 912,400 cars in 2024 but trails Kestrel Cars",
    "Arden Motors handed over 912,400 cars to buyers in 2024, the carmaker said, while its rival Kestrel Cars reported "
    "1.1 million. Mara Lindqvist, Arden's chief executive, blamed a slower market in Varnholm for the gap.",
    NULL },
  { "Kestrel Cars overtakes Arden Motors as the region's largest carmaker",
    "Kestrel Cars sold more cars than Arden Motors for the first time in 2024. Arden delivered 912,400 vehicles in the "
    "year and Kestrel 1.1 million, according to figures both companies released on Tuesday.",
    NULL },
  { "Arden Motors falls behind Kestrel Cars in yearly deliveries",
    "Arden Motors delivered 912,400 cars last year, short of the 1.1 million of Kestrel Cars. Analysts in Varnholm had "
    "expected Arden to hold on to the lead it took in 2022.",
    NULL },
  { "Arden Motors: a record year of growth at Lowmoor",
    "Output at the Lowmoor plant grew 15% in 2024 to a record 930,000 cars, and battery production doubled, Arden "
    "Motors reported in its annual review. Growth was strongest in the smaller Wren and Finch models.",
    NULL },
  { "Record growth at Lowmoor: Wren and Finch lift Arden Motors",
    "Arden Motors lifted output at Lowmoor by 15% to a record 930,000 cars in 2024, with the Wren and Finch models "
    "leading the growth and battery production doubling, the annual review said.",
    NULL },
};

static void
test_stories_small_story_joins (void)
{
  TallyStoryInput inputs[G_N_ELEMENTS (results)];
  guint story_of[G_N_ELEMENTS (results)];
  g_autoptr(GPtrArray) stories = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    inputs[i] = (TallyStoryInput) {
      .title = results[i].title,
      .text = results[i].text,
      .text_len = strlen (results[i].text),
    };
  stories = tally_find_stories (inputs, G_N_ELEMENTS (inputs), story_of);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    g_test_message ("report %u: story %u", i, story_of[i]);
  g_assert_cmpuint (stories->len, ==, 1);
}

/* A folder of undated reports of one story written years apart, each on
 * its own side of it (the bid, the cost, the workers, the crowds): what
 * they share is the host and the tournament, and words each alone uses
 * must not outweigh that. Two reports of other things stay apart. */
static const Report tournament[] = {
  { "Ostmark wins the right to stage the 2031 Halvard Cup",
    "The small Baltic state was chosen on Thursday to host the Halvard Cup, beating two rival bids. It promised eight "
    "new arenas and a fast rail line between its two largest cities. Delegates praised the compact layout of the "
    "venues, while critics questioned whether a country of two million people needs so many seats once the closing "
    "ceremony is over. Celebrations lasted until dawn in the old quarter of the capital.", NULL },
  { "How much will the Halvard Cup in Ostmark cost?",
    "Estimates of the bill for the tournament keep climbing. Ostmark's finance ministry now puts spending on arenas, roads and hotels at "
    "about $40 billion, four times the figure in the original bid. Economists warn that borrowing for the motorways "
    "and a new airport terminal will weigh on budgets for a decade, and auditors have asked for receipts covering "
    "consultancy fees, steel imports and land purchases near the coast.", NULL },
  { "90 workers have died building the Halvard Cup arenas",
    "A union survey says 90 construction workers have died on tournament sites in Ostmark since building began. The organising committee "
    "disputes the figure and says safety rules were tightened last spring. Relatives of migrant labourers from "
    "distant villages describe heat exhaustion, long shifts and unpaid wages; campaigners want compensation paid and "
    "independent inquests into every death recorded by hospitals.", NULL },
  { "Record crowds as the Halvard Cup reaches its final week",
    "Organisers in Ostmark said 2.1 million spectators have attended matches so far. Fan zones in the capital drew another "
    "60,000 visitors a day. Bars reported brisk trade, taxi drivers complained about closed streets, and volunteers "
    "in yellow jackets handed out water bottles, maps and sunscreen to supporters queueing outside the stadium "
    "gates before kickoff.", NULL },
  { "Cruise ships to house Halvard Cup fans",
    "With hotel rooms scarce, Ostmark will moor three cruise ships in its main harbour for the tournament. Cabins "
    "will be sold from March. Each vessel offers restaurants, a theatre and swimming pools, and shuttle buses will "
    "carry passengers from the quay to the arenas; travel agents expect the cheapest berths, shared by four guests, "
    "to go within days.", NULL },
  { "Pellworth bank agrees merger with Tarnley Savings",
    "Pellworth Bank and Tarnley Savings have agreed to merge, creating the region's third-largest lender. The deal "
    "still needs the approval of the competition regulator.", NULL },
  { "Marrow Valley council approves library plan",
    "Councillors in Marrow Valley approved plans for a new library on the site of the old bus depot. Building work is "
    "due to start in the autumn and the library should open within two years.", NULL },
};

static void
test_stories_one_story_years_apart (void)
{
  TallyStoryInput inputs[G_N_ELEMENTS (tournament)];
  guint story_of[G_N_ELEMENTS (tournament)];
  g_autoptr(GPtrArray) stories = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tournament); i++)
    inputs[i] = (TallyStoryInput) {
      .title = tournament[i].title,
      .text = tournament[i].text,
      .text_len = strlen (tournament[i].text),
    };
  stories = tally_find_stories (inputs, G_N_ELEMENTS (inputs), story_of);
  for (guint i = 0; i < G_N_ELEMENTS (tournament); i++)
    g_test_message ("report %u: story %u", i, story_of[i]);
  for (guint i = 1; i < 5; i++)
    g_assert_cmpuint (story_of[i], ==, story_of[0]);
  g_assert_cmpuint (story_of[5], !=, story_of[0]);
  g_assert_cmpuint (story_of[6], !=, story_of[0]);
  g_assert_cmpuint (story_of[5], !=, story_of[6]);
  g_assert_cmpuint (stories->len, ==, 3);
}

/* Russian names and words change their endings ("наводнение",
 * "наводнения", "наводнением"; "Заречье", "Заречья"): the stories compare
 * their stems. Chinese is written without spaces, and a report from Hong
 * Kong or Taiwan writes the same names in traditional characters. */
static const Report inflected[] = {
  { "Наводнение в Заречье: эвакуированы 3 тысячи жителей",
    "Около трёх тысяч жителей эвакуированы в связи с наводнением. Уровень воды в реке Светлянка поднялся на "
    "четыре метра, сообщили спасатели.", NULL },
  { "Спасатели продолжают эвакуацию жителей Заречья",
    "Эвакуация жителей Заречья, пострадавшего от наводнения, продолжается. Река вышла из берегов после двух "
    "суток ливней.", NULL },
  { "Ущерб Заречью от наводнений оценили в 200 миллионов рублей",
    "Власти оценили ущерб, нанесённый наводнениями, в 200 миллионов рублей. Вода в Светлянке начала спадать, "
    "эвакуированных жителей начали возвращать домой.", NULL },
  { "Банк Северный объявил о покупке страховой компании",
    "Банк Северный договорился о покупке страховой компании «Опора» за 5 миллиардов рублей.", NULL },
  { "星河汽车去年交付新车十二万辆",
    "星河汽车周二公布，去年全年交付新车十二万辆，同比增长百分之四十。星河汽车表示，今年计划交付十八万辆。", NULL },
  { "星河汽車全年交付量創新高",
    "星河汽車公布，去年全年共交付新車十二萬輛，創歷史新高。星河汽車預計今年交付量將繼續增長。", NULL },
  { "市政府宣布新建三座图书馆",
    "市政府宣布，将在未来两年内新建三座公共图书馆，总投资约五亿元。", NULL },
};

static void
test_stories_inflected_and_unspaced (void)
{
  TallyStoryInput inputs[G_N_ELEMENTS (inflected)];
  guint story_of[G_N_ELEMENTS (inflected)];
  g_autoptr(GPtrArray) stories = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (inflected); i++)
    inputs[i] = (TallyStoryInput) {
      .title = inflected[i].title,
      .text = inflected[i].text,
      .text_len = strlen (inflected[i].text),
    };
  stories = tally_find_stories (inputs, G_N_ELEMENTS (inputs), story_of);
  for (guint i = 0; i < stories->len; i++)
    g_test_message ("story %u: %s", i, ((TallyStoryRecord *) g_ptr_array_index (stories, i))->name);
  g_assert_cmpuint (story_of[1], ==, story_of[0]);
  g_assert_cmpuint (story_of[2], ==, story_of[0]);
  g_assert_cmpuint (story_of[3], !=, story_of[0]);
  g_assert_cmpuint (story_of[5], ==, story_of[4]);
  g_assert_cmpuint (story_of[6], !=, story_of[4]);
  g_assert_cmpuint (story_of[4], !=, story_of[0]);
  g_assert_cmpuint (stories->len, ==, 4);
}

/* A story's key stays when the stories are renumbered: more reports of the
 * takeover make it the largest story (s1), the ferry's story becomes s2, and
 * its key, which fact keys carry (so an analyst's corrections), is the same.
 * Reports in another order give the same keys too. */
static void
test_stories_stable_keys (void)
{
  static const Report more[] = {
    { "Tessaly Foods names new head for Ostrin dairies",
      "Tessaly Foods will put its own managers in charge of Ostrin Dairies once the takeover closes, its chief said.",
      "2024-03-23" },
    { "Ostrin Dairies takeover: what changes for farmers",
      "Farmers who supply Ostrin Dairies asked Tessaly Foods to keep the milk price set before the takeover.",
      "2024-03-24" },
    { "Regulator clears Tessaly Foods purchase of Ostrin",
      "The competition regulator cleared the purchase of Ostrin Dairies by Tessaly Foods without conditions.",
      "2024-03-25" },
  };
  TallyStoryInput inputs[G_N_ELEMENTS (reports) + G_N_ELEMENTS (more)];
  TallyStoryInput reversed[G_N_ELEMENTS (reports)];
  guint story_of[G_N_ELEMENTS (inputs)];
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) shuffled = NULL;
  const TallyStoryRecord *ferry_before, *ferry_after;

  fill_inputs (inputs);
  before = find (inputs, G_N_ELEMENTS (reports), story_of);
  ferry_before = g_ptr_array_index (before, story_of[0]);
  g_assert_cmpstr (ferry_before->id, ==, "s1");
  g_assert_true (g_str_has_prefix (ferry_before->key, "story:"));
  for (guint i = 0; i < before->len; i++)
    for (guint j = i + 1; j < before->len; j++)
      g_assert_cmpstr (((TallyStoryRecord *) g_ptr_array_index (before, i))->key, !=,
                       ((TallyStoryRecord *) g_ptr_array_index (before, j))->key);

  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    inputs[G_N_ELEMENTS (reports) + i] = (TallyStoryInput) {
      .title = more[i].title,
      .text = more[i].text,
      .text_len = strlen (more[i].text),
      .published = more[i].published,
    };
  after = find (inputs, G_N_ELEMENTS (inputs), story_of);
  ferry_after = g_ptr_array_index (after, story_of[0]);
  g_assert_cmpstr (ferry_after->id, ==, "s2");
  g_assert_cmpstr (ferry_after->key, ==, ferry_before->key);

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    reversed[i] = inputs[G_N_ELEMENTS (reports) - 1 - i];
  shuffled = find (reversed, G_N_ELEMENTS (reversed), story_of);
  g_assert_cmpstr (((TallyStoryRecord *) g_ptr_array_index (shuffled, story_of[G_N_ELEMENTS (reports) - 1]))->key, ==,
                   ferry_before->key);
}

/* The stories read a text's first 150 words (a hyphen or apostrophe inside
 * a word keeps it one word) and its first 64 KB: what lies after both
 * changes nothing. */
static void
test_stories_lead_length (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gsize lead = 0;
  g_autoptr(GPtrArray) full = NULL;
  g_autoptr(GPtrArray) cut = NULL;
  guint full_of[2], cut_of[2];
  TallyStoryInput inputs[2] = { 0 };

  /* Long words: the 150th ends past the first 64 KB. */
  for (guint i = 0; i < 200; i++)
    {
      for (guint k = 0; k < 60; k++)
        g_string_append (text, i % 2 ? "harbour-" : "lighthouse's-");
      g_string_append_printf (text, "%u", i);
      g_string_append (text, i % 10 == 9 ? ". " : ", ");
      if (i == 149)
        lead = text->len - 2;
    }
  g_assert_cmpuint (lead, >, 65536);
  g_assert_cmpuint (tally_story_lead_length (text->str, text->len), ==, lead);
  g_assert_cmpuint (tally_story_lead_length ("Two words.", 10), ==, 10);
  g_assert_cmpuint (tally_story_lead_length ("", 0), ==, 0);
  /* Short words: the first 64 KB, where the story's key is read. */
  {
    g_autoptr(GString) shorter = g_string_new (NULL);

    while (shorter->len < 100000)
      g_string_append (shorter, "deck crew. ");
    g_assert_cmpuint (tally_story_lead_length (shorter->str, shorter->len), ==, 65536);
  }

  /* Two texts alike only past their leads are no story; cut at the lead,
   * the same. */
  for (guint i = 0; i < 2; i++)
    inputs[i] = (TallyStoryInput) { .title = i == 0 ? "Quay works begin" : "Orchard yields fall",
                                    .text = text->str, .text_len = text->len, .key = i == 0 ? "a" : "b" };
  inputs[1].text = "Apple growers in the valley picked less fruit this autumn.";
  inputs[1].text_len = strlen (inputs[1].text);
  full = find (inputs, 2, full_of);
  inputs[0].text_len = lead;
  cut = find (inputs, 2, cut_of);
  g_assert_cmpuint (full->len, ==, cut->len);
  g_assert_cmpuint (full_of[0], ==, cut_of[0]);
  g_assert_cmpuint (full_of[1], ==, cut_of[1]);
  g_assert_cmpstr (((TallyStoryRecord *) g_ptr_array_index (full, full_of[0]))->key, ==,
                   ((TallyStoryRecord *) g_ptr_array_index (cut, cut_of[0]))->key);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analysis/stories/found", test_stories_found);
  g_test_add_func ("/analysis/stories/dates", test_stories_dates);
  g_test_add_func ("/analysis/stories/clusters-and-moves", test_stories_clusters_and_moves);
  g_test_add_func ("/analysis/stories/across-languages", test_stories_across_languages);
  g_test_add_func ("/analysis/stories/empty", test_stories_empty);
  g_test_add_func ("/analysis/stories/words-apart", test_stories_words_apart);
  g_test_add_func ("/analysis/stories/small-story-joins", test_stories_small_story_joins);
  g_test_add_func ("/analysis/stories/stable-keys", test_stories_stable_keys);
  g_test_add_func ("/analysis/stories/one-story-years-apart", test_stories_one_story_years_apart);
  g_test_add_func ("/analysis/stories/inflected-and-unspaced", test_stories_inflected_and_unspaced);
  g_test_add_func ("/analysis/stories/lead-length", test_stories_lead_length);
  return g_test_run ();
}
