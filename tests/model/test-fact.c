/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <string.h>

#include "tally-claim.h"
#include "tally-fact.h"

static const TallyFactDocument *
outlet_for (TallyDocumentId document,
            gpointer        user_data)
{
  static const char *outlets[] = { NULL, "Northern Wire", "Harbour Times", "Steppe Review" };
  static TallyFactDocument info;
  gint64 document_id = document.value;

  g_assert_cmpstr (user_data, ==, "outlets");
  info = (TallyFactDocument) {
    .outlet = document_id > 0 && document_id < (gint64) G_N_ELEMENTS (outlets) ? outlets[document_id] : NULL,
  };
  return &info;
}

/* A year claim on "the first summit", as the extractor would hand it over. */
static TallyClaim *
summit_claim (gint64      document_id,
              const char *year,
              const char *measure)
{
  g_autofree char *text = g_strdup_printf ("The first summit was held in Riga in %s.", year);
  g_autoptr(TallyClaimRecord) record = tally_claim_record_new ();
  const char *at = strstr (text, year);

  record->kind = TALLY_CLAIM_KIND_YEAR;
  record->has_value = TRUE;
  record->value = g_ascii_strtod (year, NULL);
  record->value_text = g_strdup (year);
  record->measure = g_strdup (measure);
  record->start = at - text;
  record->end = record->start + strlen (year);
  record->sentence_start = 0;
  record->sentence_end = strlen (text);
  return tally_claim_new (tally_document_id_from_int64 (document_id), record, text, strlen (text));
}

static void
test_fact_properties (void)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) facts = NULL;
  g_autoptr(TallyFact) fact = NULL;
  g_autoptr(TallyClaim) first_claim = NULL;
  g_autofree char *label = NULL;
  g_autofree char *status_label = NULL;
  g_autofree char *style = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *spread_label = NULL;
  TallyFactStatus status;
  guint sources, claim_count, interest;
  double spread;

  g_ptr_array_add (claims, summit_claim (1, "2022", "first summit"));
  g_ptr_array_add (claims, summit_claim (2, "2023", "first summit"));
  g_ptr_array_add (claims, summit_claim (3, "2023", "inaugural summit"));
  facts = tally_fact_list_new (claims, outlet_for, (gpointer) "outlets");

  g_assert_true (g_list_model_get_item_type (facts) == TALLY_TYPE_FACT);
  g_assert_cmpuint (g_list_model_get_n_items (facts), ==, 1);
  fact = g_list_model_get_item (facts, 0);
  g_object_get (fact,
                "label", &label,
                "status", &status,
                "status-label", &status_label,
                "status-style", &style,
                "values-summary", &summary,
                "source-count", &sources,
                "claim-count", &claim_count,
                "spread", &spread,
                "spread-label", &spread_label,
                "interest", &interest,
                NULL);
  g_assert_cmpstr (label, ==, "First summit: year");
  g_assert_cmpint (status, ==, TALLY_FACT_STATUS_CONFLICT);
  g_assert_cmpstr (status_label, ==, "Conflict");
  g_assert_cmpstr (style, ==, "error");
  g_assert_cmpstr (summary, ==, "2023 — Harbour Times, Steppe Review · 2022 — Northern Wire");
  g_assert_cmpuint (sources, ==, 3);
  g_assert_cmpuint (claim_count, ==, 3);
  g_assert_cmpfloat (spread, ==, 1);
  g_assert_cmpstr (spread_label, ==, "1 year");
  g_assert_cmpuint (interest, ==, (1u << 30) + 3);
  g_assert_cmpstr (tally_fact_get_id (fact), ==, "f1");
  g_assert_cmpstr (tally_fact_get_key (fact), ==, "date||0|0|first summit");
  g_assert_cmpstr (tally_fact_get_explanation (fact), ==, "2 sources say 2023, 1 says 2022");
  g_assert_nonnull (strstr (tally_fact_get_search_text (fact), "first summit"));
  g_assert_nonnull (strstr (tally_fact_get_search_text (fact), "harbour times"));

  /* The claims behind it, in input order, the same objects. */
  g_assert_cmpuint (g_list_model_get_n_items (tally_fact_get_claims (fact)), ==, 3);
  first_claim = g_list_model_get_item (tally_fact_get_claims (fact), 0);
  g_assert_true (first_claim == g_ptr_array_index (claims, 0));
  g_assert_cmpstr (tally_claim_get_sentence (first_claim), ==, "The first summit was held in Riga in 2022.");
  g_clear_object (&first_claim);

  /* Nothing else keeps the list or the fact alive. */
  g_clear_object (&facts);
  g_assert_finalize_object (g_steal_pointer (&fact));
}

static void
test_fact_status_styles (void)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) facts = NULL;
  g_autoptr(TallyFact) fact = NULL;
  GEnumClass *enum_class = g_type_class_ref (TALLY_TYPE_FACT_STATUS);

  g_ptr_array_add (claims, summit_claim (1, "2022", "first summit"));
  g_ptr_array_add (claims, summit_claim (2, "2022", "first summit"));
  facts = tally_fact_list_new (claims, NULL, NULL);
  fact = g_list_model_get_item (facts, 0);
  g_assert_cmpint (tally_fact_get_status (fact), ==, TALLY_FACT_STATUS_AGREE);
  g_assert_cmpstr (tally_fact_get_status_label (fact), ==, "Agree");
  g_assert_cmpstr (tally_fact_get_status_style (fact), ==, "success");
  g_assert_cmpstr (tally_fact_get_spread_label (fact), ==, "—");
  /* Without outlets the document ids stand in. */
  g_assert_cmpstr (tally_fact_get_values_summary (fact), ==, "2022 — document 1, document 2");
  g_assert_cmpstr (g_enum_get_value (enum_class, TALLY_FACT_STATUS_QUALIFIED)->value_nick, ==, "qualified");
  g_type_class_unref (enum_class);
}

static void
test_fact_list_export (void)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) facts = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GString) markdown = g_string_new (NULL);
  g_autoptr(GListStore) other = g_list_store_new (TALLY_TYPE_FACT);
  g_autoptr(GString) nothing = g_string_new (NULL);

  g_ptr_array_add (claims, summit_claim (1, "2022", "first summit"));
  g_ptr_array_add (claims, summit_claim (3, "2021", "first summit"));
  facts = tally_fact_list_new (claims, outlet_for, (gpointer) "outlets");
  /* The list keeps what it needs: the caller's array can go. */
  g_clear_pointer (&claims, g_ptr_array_unref);

  g_assert_true (tally_fact_list_export (facts, TALLY_FACT_EXPORT_CSV, NULL, csv));
  g_assert_true (g_str_has_suffix (csv->str, "f1,First summit: year,first summit,year,,,conflict,"
                                              "\"1 source says 2022, 1 says 2021\",2021,,exact,2021,1,2,3,"
                                              "Steppe Review\r\n"));
  g_assert_true (tally_fact_list_export (facts, TALLY_FACT_EXPORT_JSON, NULL, json));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) root = json_from_string (json->str, &error);
    JsonObject *fact;

    g_assert_no_error (error);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
    fact = json_array_get_object_element (json_node_get_array (root), 0);
    g_assert_cmpstr (json_object_get_string_member (fact, "id"), ==, "f1");
    g_assert_cmpstr (json_object_get_string_member (fact, "status"), ==, "conflict");
    g_assert_cmpstr (json_object_get_string_member (fact, "explanation"), ==, "1 source says 2022, 1 says 2021");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fact, "values")), ==, 2);
  }
  g_assert_true (tally_fact_list_export (facts, TALLY_FACT_EXPORT_MARKDOWN, "Summits", markdown));
  g_assert_true (g_str_has_prefix (markdown->str, "# Summits\n\n1 facts from 2 documents: 1 in conflict"));
  g_assert_nonnull (strstr (markdown->str, "> The first summit was held in Riga in **2022**. — *Northern Wire*\n"));
  /* A list it did not make: nothing written. */
  g_assert_false (tally_fact_list_export (G_LIST_MODEL (other), TALLY_FACT_EXPORT_CSV, NULL, nothing));
  g_assert_false (tally_fact_list_export (NULL, TALLY_FACT_EXPORT_MARKDOWN, NULL, nothing));
  g_assert_cmpuint (nothing->len, ==, 0);
}

/* A merge and a rename, as the fact table's corrections would make them. */
static void
test_fact_list_corrected (void)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListModel) facts = NULL;
  g_autoptr(TallyFact) fact = NULL;

  g_ptr_array_add (claims, summit_claim (1, "2022", "first summit"));
  g_ptr_array_add (claims, summit_claim (2, "2022", "opening meeting"));
  g_ptr_array_add (groups, NULL);
  g_ptr_array_add (groups, (gpointer) "date||0|0|first summit");
  g_hash_table_insert (labels, (gpointer) "date||0|0|first summit", (gpointer) "Riga summit: year");
  facts = tally_fact_list_new_corrected (claims, NULL, NULL, groups, labels);

  /* Without the merge the two would be two single-source facts. */
  g_assert_cmpuint (g_list_model_get_n_items (facts), ==, 1);
  fact = g_list_model_get_item (facts, 0);
  g_assert_cmpstr (tally_fact_get_label (fact), ==, "Riga summit: year");
  g_assert_cmpstr (tally_fact_get_key (fact), ==, "date||0|0|first summit");
  g_assert_cmpuint (tally_fact_get_source_count (fact), ==, 2);
  g_assert_cmpint (tally_fact_get_status (fact), ==, TALLY_FACT_STATUS_AGREE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/fact/properties", test_fact_properties);
  g_test_add_func ("/model/fact/status-styles", test_fact_status_styles);
  g_test_add_func ("/model/fact/list-export", test_fact_list_export);
  g_test_add_func ("/model/fact/list-corrected", test_fact_list_corrected);
  return g_test_run ();
}
