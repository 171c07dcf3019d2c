/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <string.h>

#include "tally-claim.h"
#include "tally-fact-export.h"
#include "tally-fact.h"

/* Two invented articles that disagree on one count and agree on a fund. */
static const char *texts[] = {
  "Leaders signed 14 cooperation agreements, said the \"host\". A $2.5 billion fund was set up.",
  "Officials said 15 cooperation agreements were signed. A $2.5 billion fund was set up.",
};

static TallyClaim *
make_claim (gint64          document_id,
            const char     *words,
            TallyClaimKind  kind,
            double          value,
            const char     *unit,
            const char     *measure)
{
  const char *text = texts[document_id - 1];
  const char *at = strstr (text, words);
  const char *sentence_end;
  g_autoptr(TallyClaimRecord) record = tally_claim_record_new ();

  g_assert_nonnull (at);
  record->kind = kind;
  record->has_value = TRUE;
  record->value = value;
  record->unit = g_strdup (unit);
  record->measure = g_strdup (measure);
  record->start = at - text;
  record->end = record->start + strlen (words);
  /* Each test sentence ends at the first ". " after the claim, or the text's end. */
  sentence_end = strstr (at, ". ");
  record->sentence_start = (at > text && strstr (text, ". ") && strstr (text, ". ") < at) ? strstr (text, ". ") + 2 - text : 0;
  record->sentence_end = sentence_end ? (gsize) (sentence_end + 1 - text) : strlen (text);
  return tally_claim_new (document_id, record, text, strlen (text));
}

static const char *
outlet_for (gint64 document_id, gpointer user_data)
{
  return document_id == 1 ? "Northern Wire" : "Eurasia Freight Weekly";
}

static char *
describe (gint64 document_id, gpointer user_data)
{
  return g_strdup (outlet_for (document_id, user_data));
}

static GListModel *
make_facts (void)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (claims, make_claim (1, "14", TALLY_CLAIM_KIND_COUNT, 14, NULL, "cooperation agreement"));
  g_ptr_array_add (claims, make_claim (1, "$2.5 billion", TALLY_CLAIM_KIND_MONEY, 2.5e9, "USD", "fund"));
  g_ptr_array_add (claims, make_claim (2, "15", TALLY_CLAIM_KIND_COUNT, 15, NULL, "cooperation agreement"));
  g_ptr_array_add (claims, make_claim (2, "$2.5 billion", TALLY_CLAIM_KIND_MONEY, 2.5e9, "USD", "fund"));
  return tally_fact_list_new (claims, outlet_for, NULL);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static void
test_format_for_path (void)
{
  TallyFactExportFormat format;

  g_assert_true (tally_fact_export_format_for_path ("/a/b/facts.CSV", &format));
  g_assert_cmpint (format, ==, TALLY_FACT_EXPORT_CSV);
  g_assert_true (tally_fact_export_format_for_path ("report.md", &format));
  g_assert_cmpint (format, ==, TALLY_FACT_EXPORT_MARKDOWN);
  g_assert_true (tally_fact_export_format_for_path ("facts.json", &format));
  g_assert_cmpint (format, ==, TALLY_FACT_EXPORT_JSON);
  g_assert_false (tally_fact_export_format_for_path ("facts.xlsx", &format));
}

static void
test_csv (void)
{
  g_autoptr(GListModel) facts = make_facts ();
  g_autoptr(GBytes) bytes = tally_fact_export (facts, TALLY_FACT_EXPORT_CSV, NULL, describe, NULL);
  g_autofree char *csv = bytes_to_string (bytes);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

  g_assert_cmpuint (g_list_model_get_n_items (facts), ==, 2);
  /* Header, four claims, and the empty string after the last line end. */
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[0], ==, "fact,label,status,explanation,sources,spread,claim,document,source,qualifier,sentence");
  /* The conflict sorts first; its first claim is the 14 of document 1, whose
   * sentence has quotes and a comma, so it is quoted with doubled quotes. */
  g_assert_true (g_str_has_prefix (lines[1], "f1,"));
  g_assert_nonnull (strstr (lines[1], ",Conflict,"));
  g_assert_nonnull (strstr (lines[1], ",14,1,Northern Wire,exact,"));
  g_assert_true (g_str_has_suffix (lines[1], "\"Leaders signed 14 cooperation agreements, said the \"\"host\"\".\""));
  g_assert_nonnull (strstr (lines[2], ",15,2,Eurasia Freight Weekly,exact,"));
  g_assert_nonnull (strstr (lines[3], ",Agree,"));
}

static void
test_json (void)
{
  g_autoptr(GListModel) facts = make_facts ();
  g_autoptr(GBytes) bytes = tally_fact_export (facts, TALLY_FACT_EXPORT_JSON, "Aktau", describe, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *first;
  JsonArray *facts_array, *claims;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Aktau");
  facts_array = json_object_get_array_member (root, "facts");
  g_assert_cmpuint (json_array_get_length (facts_array), ==, 2);
  first = json_array_get_object_element (facts_array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "conflict");
  g_assert_cmpint (json_object_get_int_member (first, "sources"), ==, 2);
  claims = json_object_get_array_member (first, "claims");
  g_assert_cmpuint (json_array_get_length (claims), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (claims, 1), "source"), ==,
                   "Eurasia Freight Weekly");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (claims, 1), "text"), ==, "15");
}

static void
test_markdown (void)
{
  g_autoptr(GListModel) facts = make_facts ();
  g_autoptr(GBytes) bytes = tally_fact_export (facts, TALLY_FACT_EXPORT_MARKDOWN, "Aktau summit", describe, NULL);
  g_autofree char *markdown = bytes_to_string (bytes);
  g_autoptr(TallyFact) first = g_list_model_get_item (facts, 0);
  g_autofree char *heading = g_strdup_printf ("\n## %s — Conflict\n\n", tally_fact_get_label (first));

  g_assert_true (g_str_has_prefix (markdown, "# Aktau summit\n\n2 facts, 1 in conflict.\n"));
  g_assert_nonnull (strstr (markdown, heading));
  g_assert_nonnull (strstr (markdown, "- **15**: Eurasia Freight Weekly\n  > Officials said 15 cooperation agreements were signed.\n"));
  g_assert_nonnull (strstr (markdown, "- **$2.5 billion**: Northern Wire\n"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/fact-export/format-for-path", test_format_for_path);
  g_test_add_func ("/model/fact-export/csv", test_csv);
  g_test_add_func ("/model/fact-export/json", test_json);
  g_test_add_func ("/model/fact-export/markdown", test_markdown);
  return g_test_run ();
}
