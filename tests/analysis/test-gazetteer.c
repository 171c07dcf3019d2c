/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <string.h>
#include <unicode/uloc.h>

#include "tally-gazetteer.h"

/* The gazetteer is generated from iso-codes and ICU (build-aux/gen-names.py);
 * these check that its languages meet in one subject, not its every entry. */

/* Two countries named together are one subject, written one way in every
 * language: the two subjects in a fixed order joined by an en dash, its id
 * the two ids, its display name each country's. */
static void
test_pairs (void)
{
  const TallyGazetteer *zh = tally_gazetteer_get ("zh");
  const char *subject = NULL;
  TallySubjectKind kind = TALLY_SUBJECT_KIND_NONE;
  gboolean pair = FALSE;

  /* The name the press writes is the subject: ICU's short English name. */
  g_assert_cmpstr (tally_gazetteer_lookup (tally_gazetteer_get ("en"), "Russian Federation", -1, NULL), ==, "Russia");
  g_assert_cmpstr (tally_gazetteer_lookup (tally_gazetteer_get ("en"), "Russia", -1, NULL), ==, "Russia");
  g_assert_cmpstr (tally_gazetteer_pair ("Russia", "China"), ==, "China–Russia");
  g_assert_true (tally_gazetteer_pair ("China", "Russia") == tally_gazetteer_pair ("Russia", "China"));
  g_assert_null (tally_gazetteer_pair ("China", "China"));
  g_assert_null (tally_gazetteer_pair ("China", "Tesla"));
  g_assert_cmpstr (tally_gazetteer_subject_id ("China–Russia"), ==, "CN-RU");
  g_assert_cmpstr (tally_gazetteer_pair_of (tally_gazetteer_get ("en"), "Russia-China", 12), ==, "China–Russia");
  g_assert_null (tally_gazetteer_pair_of (tally_gazetteer_get ("en"), "Rolls-Royce", 11));
  /* Chinese writes a pair as two one-character abbreviations (zh.pairs,
   * from CC-CEDICT); a pair that is a word of its own is not one
   * ("美德", virtue). */
  g_assert_cmpuint (tally_gazetteer_match_prefix_full (zh, "中俄贸易", strlen ("中俄贸易"), &subject, &kind, &pair), ==,
                    strlen ("中俄"));
  g_assert_cmpstr (subject, ==, "China–Russia");
  g_assert_true (pair);
  g_assert_cmpint (kind, ==, TALLY_SUBJECT_KIND_COUNTRY);
  g_assert_cmpuint (tally_gazetteer_match_prefix (zh, "美德", strlen ("美德"), NULL, NULL), ==, 0);
  /* A country's adjective: the stem begins one country's name of one word. */
  g_assert_cmpstr (tally_gazetteer_country_by_stem (tally_gazetteer_get ("ru"), "казахстан", strlen ("казахстан")), ==, "Kazakhstan");
  g_assert_cmpstr (tally_gazetteer_country_by_stem (tally_gazetteer_get ("ru"), "индий", strlen ("индий")), ==, "India");
  g_assert_null (tally_gazetteer_country_by_stem (tally_gazetteer_get ("ru"), "американ", strlen ("американ")));
  g_assert_null (tally_gazetteer_country_by_stem (tally_gazetteer_get ("ru"), "бел", strlen ("бел")));
}

static void
test_one_subject_across_languages (void)
{
  static const struct { const char *language; const char *name; } names[] = {
    { "en", "Kazakhstan" },
    { "en", "Republic of Kazakhstan" },
    { "ru", "Казахстан" },
    { "ru", "Республика Казахстан" },
    { "zh", "哈萨克斯坦" },
    { "zh", "哈薩克" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const TallyGazetteer *g = tally_gazetteer_get (names[i].language);
      TallySubjectKind kind = TALLY_SUBJECT_KIND_NONE;
      const char *subject;

      g_test_message ("%s: %s", names[i].language, names[i].name);
      g_assert_nonnull (g);
      subject = tally_gazetteer_lookup (g, names[i].name, -1, &kind);
      g_assert_cmpstr (subject, ==, "Kazakhstan");
      g_assert_cmpint (kind, ==, TALLY_SUBJECT_KIND_COUNTRY);
      g_assert_cmpstr (tally_gazetteer_subject_id (subject), ==, "KZ");
    }
  /* The short names the press writes come from ICU, beside iso-codes' official ones. */
  g_assert_cmpstr (tally_gazetteer_lookup (tally_gazetteer_get ("ru"), "Россия", -1, NULL), ==,
                   tally_gazetteer_lookup (tally_gazetteer_get ("en"), "Russian Federation", -1, NULL));
  g_assert_cmpstr (tally_gazetteer_lookup (tally_gazetteer_get ("zh"), "韩国", -1, NULL), ==,
                   tally_gazetteer_lookup (tally_gazetteer_get ("en"), "South Korea", -1, NULL));
  g_assert_cmpstr (tally_gazetteer_subject_id ("United States"), ==, "US");
  /* Organisations and people (zh.orgs, en.orgs: CC-CEDICT) lead to the name
   * English writes, in Chinese and in Latin letters; they have no id. */
  {
    TallySubjectKind kind = TALLY_SUBJECT_KIND_NONE;

    g_assert_cmpstr (tally_gazetteer_lookup (tally_gazetteer_get ("zh"), "特斯拉", -1, &kind), ==, "Tesla");
    g_assert_cmpint (kind, ==, TALLY_SUBJECT_KIND_ORGANISATION);
    g_assert_cmpstr (tally_gazetteer_lookup (tally_gazetteer_get ("zh"), "比亞迪", -1, NULL), ==, "BYD");
    g_assert_cmpstr (tally_gazetteer_lookup (tally_gazetteer_get ("zh"), "tesla", -1, NULL), ==, "Tesla");
    g_assert_cmpstr (tally_gazetteer_lookup (tally_gazetteer_get ("en"), "Tesla", -1, NULL), ==, "Tesla");
    g_assert_cmpstr (tally_gazetteer_lookup (tally_gazetteer_get ("zh"), "普京", -1, &kind), ==, "Vladimir Putin");
    g_assert_cmpint (kind, ==, TALLY_SUBJECT_KIND_PERSON);
    /* A country's name stays the country's. */
    g_assert_cmpstr (tally_gazetteer_lookup (tally_gazetteer_get ("zh"), "中国", -1, &kind), ==, "China");
    g_assert_cmpint (kind, ==, TALLY_SUBJECT_KIND_COUNTRY);
  }
  /* Places and unknown names have no id; a language without a file has no gazetteer. */
  g_assert_null (tally_gazetteer_lookup (tally_gazetteer_get ("zh"), "瓦尔霍姆", -1, NULL));
  g_assert_null (tally_gazetteer_subject_id ("Tesla"));
  g_assert_null (tally_gazetteer_subject_id (NULL));
  g_assert_null (tally_gazetteer_get ("xx"));
}

static void
test_every_subject_has_an_id (void)
{
  /* Every subject a Russian or Chinese name leads to is one English names
   * too, with an id: no language has subjects of its own. */
  const char *samples[][2] = {
    { "ru", "Египет" }, { "ru", "Марокко" }, { "ru", "Германия" },
    { "zh", "埃及" }, { "zh", "摩洛哥" }, { "zh", "德国" }, { "zh", "美國" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const char *subject = tally_gazetteer_lookup (tally_gazetteer_get (samples[i][0]), samples[i][1], -1, NULL);

      g_test_message ("%s", samples[i][1]);
      g_assert_nonnull (subject);
      g_assert_nonnull (tally_gazetteer_subject_id (subject));
      g_assert_cmpstr (tally_gazetteer_lookup (tally_gazetteer_get ("en"), subject, -1, NULL), ==, subject);
    }
}

static void
test_prefix_in_running_text (void)
{
  const TallyGazetteer *zh = tally_gazetteer_get ("zh");
  /* Written for this test: "the Republic of Kazakhstan's president said". */
  const char *text = "哈萨克斯坦共和国总统表示";
  const char *subject = NULL;
  TallySubjectKind kind = TALLY_SUBJECT_KIND_NONE;
  gsize n;

  /* The longest name wins. */
  n = tally_gazetteer_match_prefix (zh, text, strlen (text), &subject, &kind);
  g_assert_cmpuint (n, ==, strlen ("哈萨克斯坦共和国"));
  g_assert_cmpstr (subject, ==, "Kazakhstan");
  g_assert_cmpint (kind, ==, TALLY_SUBJECT_KIND_COUNTRY);
  /* A name cut short by the end of the buffer is no match. */
  g_assert_cmpuint (tally_gazetteer_match_prefix (zh, text, strlen ("哈萨克"), &subject, NULL), ==, 0);
  /* "总统" starts no name. */
  g_assert_cmpuint (tally_gazetteer_match_prefix (zh, text + strlen ("哈萨克斯坦共和国"), 6, &subject, NULL), ==, 0);
  /* ASCII folds, as the claims lexicon folds it. */
  n = tally_gazetteer_match_prefix (tally_gazetteer_get ("en"), "NORWAY's fleet", 14, &subject, NULL);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (subject, ==, "Norway");
}

static void
test_display_name_in_interface_language (void)
{
  UErrorCode status = U_ZERO_ERROR;
  g_autofree char *saved = g_strdup (uloc_getDefault ());
  g_autofree char *ru = NULL, *zh = NULL, *en = NULL, *other = NULL;

  uloc_setDefault ("ru_RU", &status);
  ru = tally_gazetteer_dup_display_name ("Kazakhstan");
  other = tally_gazetteer_dup_display_name ("Tesla");
  uloc_setDefault ("zh_CN", &status);
  zh = tally_gazetteer_dup_display_name ("Kazakhstan");
  uloc_setDefault ("en_GB", &status);
  en = tally_gazetteer_dup_display_name ("Russian Federation");
  uloc_setDefault (saved, &status);
  g_assert_true (U_SUCCESS (status));
  g_assert_cmpstr (ru, ==, "Казахстан");
  g_assert_cmpstr (zh, ==, "哈萨克斯坦");
  /* English keeps the subject as claims carry it; a non-gazetteer name stays. */
  g_assert_cmpstr (en, ==, "Russian Federation");
  g_assert_cmpstr (other, ==, "Tesla");
  g_assert_null (tally_gazetteer_dup_display_name (NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gazetteer/one-subject-across-languages", test_one_subject_across_languages);
  g_test_add_func ("/gazetteer/pairs", test_pairs);
  g_test_add_func ("/gazetteer/every-subject-has-an-id", test_every_subject_has_an_id);
  g_test_add_func ("/gazetteer/prefix-in-running-text", test_prefix_in_running_text);
  g_test_add_func ("/gazetteer/display-name-in-interface-language", test_display_name_in_interface_language);
  return g_test_run ();
}
