/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

/* tally-cli under the locales analysts use (LC_ALL=de_DE.UTF-8,
 * ru_RU.UTF-8, C.UTF-8): the Markdown report writes numbers with the
 * locale's marks, JSON and CSV write them the same in every locale, and the
 * claims found do not change. The binary's path is argv[1]. */

static const char *cli_path;
static char *tmp_dir;
static char *article_path;

/* Original text: two money figures with decimals, a grouped count and a
 * date, told twice so the report has facts that agree (the date's fact is
 * explained with a month name). */
static const char *article_a =
  "Port of Kuryk expands\n"
  "\n"
  "The expansion of the Kuryk ferry terminal will cost $1.1 billion, the operator said on Tuesday. "
  "A further $1.5 million goes to training crews, and the terminal handled 12,500 containers last year. "
  "The opening of the terminal is set for 17 June 2026.\n";
static const char *article_b =
  "Kuryk terminal to grow\n"
  "\n"
  "Officials put the cost of expanding the Kuryk ferry terminal at $1.1 billion. "
  "Crew training gets $1.5 million, and the terminal handled 12,500 containers last year. "
  "The opening of the terminal is set for 17 June 2026.\n";

typedef struct
{
  const char *locale;
  const char *billion;      /* the report's "$1.1 billion" */
  const char *million;
  const char *count;
} LocaleCase;

static const LocaleCase locales[] = {
  { "C.UTF-8", "$1.1 billion", "$1.5 million", "12,500" },
  { "de_DE.UTF-8", "$1,1 billion", "$1,5 million", "12.500" },
  /* glibc's ru_RU groups with U+202F NARROW NO-BREAK SPACE; no catalogue is
   * found by this test's build, so the words stay English. */
  { "ru_RU.UTF-8", "$1,1 billion", "$1,5 million", "12\u202f500" },
};

/* `localedir`: where tally-cli finds its catalogues (TALLY_LOCALEDIR). */
static char *
run_cli_in (const char *locale,
            const char *format,
            const char *localedir)
{
  const char *argv[] = { cli_path, "analyze", "--format", format, article_path, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  env = g_environ_setenv (env, "LC_ALL", locale, TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_setenv (env, "TALLY_LOCALEDIR", localedir, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("tally-cli analyze --format %s under %s failed: %s", format, locale, err);
  g_assert_null (strstr (err, "locale"));
  return out;
}

/* No catalogue: numbers are the only thing a locale changes. */
static char *
run_cli (const char *locale,
         const char *format)
{
  return run_cli_in (locale, format, "/nonexistent");
}

static void
test_report (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *report = run_cli (locales[i].locale, "report");

      if (strstr (report, locales[i].billion) == NULL || strstr (report, locales[i].million) == NULL
          || strstr (report, locales[i].count) == NULL)
        g_error ("the report under %s lacks %s / %s / %s:\n%s", locales[i].locale, locales[i].billion,
                 locales[i].million, locales[i].count, report);
      g_assert_null (strstr (report, ",,"));
      g_assert_null (strstr (report, ",100,000"));
    }
}

/* JSON is byte-identical under every locale; its numbers are JSON numbers
 * and its display strings the data form. */
static void
test_json (void)
{
  g_autofree char *c_json = run_cli ("C.UTF-8", "json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *facts;
  gboolean billion = FALSE;

  for (guint i = 1; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *json = run_cli (locales[i].locale, "json");

      g_assert_cmpstr (json, ==, c_json);
    }
  /* The date's fact is explained with its month's name, in English. */
  g_assert_nonnull (strstr (c_json, "17 June 2026"));
  json_parser_load_from_data (parser, c_json, -1, &error);
  g_assert_no_error (error);
  facts = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "facts");
  for (guint i = 0; i < json_array_get_length (facts); i++)
    {
      JsonArray *values = json_object_get_array_member (json_array_get_object_element (facts, i), "values");

      for (guint j = 0; j < json_array_get_length (values); j++)
        {
          JsonObject *value = json_array_get_object_element (values, j);

          if (g_strcmp0 (json_object_get_string_member (value, "display"), "$1.1 billion") == 0)
            {
              g_assert_cmpfloat (json_object_get_double_member (value, "value"), ==, 1.1e9);
              billion = TRUE;
            }
        }
    }
  g_assert_true (billion);
}

static void
test_csv (void)
{
  const char *formats[] = { "csv", "facts-csv" };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *c_csv = run_cli ("C.UTF-8", formats[f]);

      g_assert_nonnull (strstr (c_csv, "1100000000"));
      for (guint i = 1; i < G_N_ELEMENTS (locales); i++)
        {
          g_autofree char *csv = run_cli (locales[i].locale, formats[f]);

          g_assert_cmpstr (csv, ==, c_csv);
        }
    }
}

/* With the build's Russian catalogue (po/ru.po): the report's words are
 * Russian and its numbers Russian; JSON keeps its keys, numbers and data-form
 * `display`, only the prose (explanations) is translated. */
static void
test_translated (void)
{
  g_autofree char *localedir = g_build_filename (g_getenv ("TALLY_BUILD_DIR"), "po", NULL);
  g_autofree char *report = run_cli_in ("ru_RU.UTF-8", "report", localedir);
  g_autofree char *json = run_cli_in ("ru_RU.UTF-8", "json", localedir);
  g_autofree char *c_json = run_cli ("C.UTF-8", "json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (strstr (report, "$1,1 млрд") == NULL || strstr (report, "$1,5 млн") == NULL
      || strstr (report, "# Отчёт Tally") == NULL || strstr (report, "Только 1 источник: ") == NULL
      || strstr (report, "12\u202f500") == NULL)
    g_error ("the Russian report is not translated:\n%s", report);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"display\": \"$1.1 billion\""));
  g_assert_nonnull (strstr (json, "\"value\": 1100000000"));
  g_assert_nonnull (strstr (json, "Только 1 источник: $1.1 млрд"));
  g_assert_null (strstr (c_json, "Только"));
}

/* Import reasons come from the engine, translated: an empty file and a PNG
 * named .txt under ru_RU.UTF-8, the rest of the batch still read. */
static void
test_translated_errors (void)
{
  g_autofree char *localedir = g_build_filename (g_getenv ("TALLY_BUILD_DIR"), "po", NULL);
  g_autofree char *dir = g_build_filename (tmp_dir, "bad", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autofree char *png = g_build_filename (dir, "picture.txt", NULL);
  g_autofree char *good = g_build_filename (dir, "good.txt", NULL);
  const char *argv[] = { cli_path, "analyze", "--format", "csv", dir, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_mkdir (dir, 0700);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (png, "\x89PNG\r\n\x1a\n", 8, NULL));
  g_assert_true (g_file_set_contents (good, article_a, -1, NULL));
  env = g_environ_setenv (env, "LC_ALL", "ru_RU.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_setenv (env, "TALLY_LOCALEDIR", localedir, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  if (strstr (err, "файл пуст") == NULL || strstr (err, "изображение PNG") == NULL)
    g_error ("the import reasons are not translated:\n%s", err);
  g_assert_nonnull (strstr (out, "1100000000"));
  g_unlink (empty);
  g_unlink (png);
  g_unlink (good);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  g_autofree char *b = NULL;

  g_test_init (&argc, &argv, NULL);
  cli_path = argc > 1 ? argv[1] : g_getenv ("TALLY_CLI");
  g_assert_nonnull (cli_path);
  tmp_dir = g_dir_make_tmp ("tally-cli-locale-XXXXXX", NULL);
  article_path = g_build_filename (tmp_dir, "articles", NULL);
  g_mkdir (article_path, 0700);
  {
    g_autofree char *a = g_build_filename (article_path, "a.txt", NULL);

    b = g_build_filename (article_path, "b.txt", NULL);
    g_assert_true (g_file_set_contents (a, article_a, -1, NULL));
    g_assert_true (g_file_set_contents (b, article_b, -1, NULL));
  }
  g_test_add_func ("/cli-locale/report", test_report);
  g_test_add_func ("/cli-locale/json", test_json);
  g_test_add_func ("/cli-locale/csv", test_csv);
  g_test_add_func ("/cli-locale/translated", test_translated);
  g_test_add_func ("/cli-locale/translated-errors", test_translated_errors);
  status = g_test_run ();
  {
    g_autofree char *a = g_build_filename (article_path, "a.txt", NULL);

    g_unlink (a);
    g_unlink (b);
    g_rmdir (article_path);
    g_rmdir (tmp_dir);
  }
  return status;
}
