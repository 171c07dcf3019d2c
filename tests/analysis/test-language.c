/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <locale.h>
#include <string.h>

#include "tally-ingest.h"
#include "tally-language.h"

/* Every text here was written for this test. */

static void
test_detect_scripts_and_words (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "The port reopened on Tuesday after a week of repairs, and the first ships were unloaded by noon.", "en" },
    { "Порт снова открылся во вторник после недели ремонта, и первые суда были разгружены уже к полудню.", "ru" },
    { "港口在经过一周的维修后于周二重新开放，第一批船只在中午之前已经卸货。", "zh" },
    { "港は一週間の修理を経て火曜日に再開し、最初の船は正午までに荷揚げされた。", "ja" },
    /* A Latin-script language with no stopword file: no guess. */
    { "Der Hafen wurde am Dienstag nach einer Woche Reparaturen wieder geöffnet.", "und" },
    /* A Chinese report quoting English names stays Chinese. */
    { "据Reuters报道，Maersk公司的船只在港口等待了三天，这是今年以来最长的一次延误。", "zh" },
    /* An English report quoting a Russian phrase stays English. */
    { "The minister said the talks were «очень продуктивные» and that a second round was planned for the autumn.", "en" },
    { "", "und" },
    { "12 345 — 67,8 %", "und" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (tally_language_detect (cases[i].text, -1), ==, cases[i].expected);
    }
  g_assert_cmpstr (tally_language_detect (NULL, 0), ==, "und");
}

static void
test_detect_reads_length (void)
{
  const char *text = "Порт снова открылся во вторник. The port reopened on Tuesday and the ships were unloaded.";
  const char *english = strstr (text, "The");

  /* Only the first `len` bytes count. */
  g_assert_cmpstr (tally_language_detect (text, english - text), ==, "ru");
  g_assert_cmpstr (tally_language_detect (english, -1), ==, "en");
}

/* Whole articles through ingest, as an import reads them. */
static void
test_ingest_sets_language (void)
{
  static const struct { const char *name; const char *expected; const char *title; } files[] = {
    { "en-reservoir.txt", "en", "Northbay opens its new reservoir" },
    { "ru-reservoir.txt", "ru", "В Нортбее открыли новое водохранилище" },
    /* A title without spaces between its words is still a title. */
    { "zh-reservoir.txt", "zh", "诺斯湾新水库正式启用" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "languages", files[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyDocumentRecord) record = tally_ingest_file (path, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (record->language, ==, files[i].expected);
      g_assert_cmpstr (record->title, ==, files[i].title);
      g_assert_cmpstr (record->published, ==, "2026-03-12");
    }
}

static void
test_list (void)
{
  const char * const *tags = tally_language_list ();

  g_assert_true (g_strv_contains (tags, "en"));
  g_assert_true (g_strv_contains (tags, "ru"));
  g_assert_true (g_strv_contains (tags, "zh"));
  for (guint i = 0; tags[i] != NULL && tags[i + 1] != NULL; i++)
    g_assert_cmpint (g_strcmp0 (tags[i], tags[i + 1]), <, 0);
}

static void
test_tag_is_valid (void)
{
  const char *valid[] = { "en", "ru", "zh", "und", "kk", "zh-Hant", "sr-Latn", "en-GB" };
  const char *invalid[] = { "", "e", "english", "ru_RU", "zh-", "-en", "en GB", "ру" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (tally_language_tag_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (tally_language_tag_is_valid (invalid[i]));
  g_assert_false (tally_language_tag_is_valid (NULL));
}

static void
test_display_name (void)
{
  g_autofree char *ru = tally_language_dup_display_name ("ru");
  g_autofree char *zh = tally_language_dup_display_name ("zh");
  g_autofree char *und = tally_language_dup_display_name ("und");
  g_autofree char *none = tally_language_dup_display_name (NULL);

  g_assert_cmpstr (ru, ==, "Russian");
  g_assert_cmpstr (zh, ==, "Chinese");
  g_assert_cmpstr (und, ==, "Unknown language");
  g_assert_cmpstr (none, ==, "Unknown language");
}

int
main (int argc, char **argv)
{
  /* ICU takes its default locale from the environment: English names. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/language/detect", test_detect_scripts_and_words);
  g_test_add_func ("/language/detect-length", test_detect_reads_length);
  g_test_add_func ("/language/ingest", test_ingest_sets_language);
  g_test_add_func ("/language/list", test_list);
  g_test_add_func ("/language/tag-is-valid", test_tag_is_valid);
  g_test_add_func ("/language/display-name", test_display_name);
  return g_test_run ();
}
