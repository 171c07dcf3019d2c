/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "tally-claim.h"
#include "tally-fact-export.h"
#include "tally-fact.h"

gboolean
tally_fact_export_format_for_path (const char            *path,
                                   TallyFactExportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv"))
    *format = TALLY_FACT_EXPORT_CSV;
  else if (g_str_has_suffix (lower, ".json"))
    *format = TALLY_FACT_EXPORT_JSON;
  else if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    *format = TALLY_FACT_EXPORT_MARKDOWN;
  else
    return FALSE;
  return TRUE;
}

static char *
describe_document (gint64                      document_id,
                   TallyFactExportDescribeFunc describe,
                   gpointer                    user_data)
{
  char *description = describe ? describe (document_id, user_data) : NULL;

  return description ? description : g_strdup_printf ("Document %" G_GINT64_FORMAT, document_id);
}

/* RFC 4180: quote a field when it holds a comma, a quote or a line break. */
static void
csv_append_field (GString    *out,
                  const char *field,
                  gboolean    last)
{
  if (field == NULL)
    field = "";
  if (strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = field; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, field);
  g_string_append (out, last ? "\r\n" : ",");
}

static GBytes *
export_csv (GListModel                 *facts,
            TallyFactExportDescribeFunc describe,
            gpointer                    user_data)
{
  GString *out = g_string_new (NULL);
  static const char *const header[] = {
    "fact", "label", "status", "explanation", "sources", "spread",
    "claim", "document", "source", "qualifier", "sentence",
  };

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    csv_append_field (out, header[i], i + 1 == G_N_ELEMENTS (header));

  for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);
      GListModel *claims = tally_fact_get_claims (fact);
      g_autofree char *sources = g_strdup_printf ("%u", tally_fact_get_source_count (fact));

      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr(TallyClaim) claim = g_list_model_get_item (claims, j);
          gint64 document_id = tally_claim_get_document_id (claim);
          g_autofree char *document = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);
          g_autofree char *source = describe_document (document_id, describe, user_data);

          csv_append_field (out, tally_fact_get_id (fact), FALSE);
          csv_append_field (out, tally_fact_get_label (fact), FALSE);
          csv_append_field (out, tally_fact_get_status_label (fact), FALSE);
          csv_append_field (out, tally_fact_get_explanation (fact), FALSE);
          csv_append_field (out, sources, FALSE);
          csv_append_field (out, tally_fact_get_spread_label (fact), FALSE);
          csv_append_field (out, tally_claim_get_text (claim), FALSE);
          csv_append_field (out, document, FALSE);
          csv_append_field (out, source, FALSE);
          csv_append_field (out, tally_qualifier_to_string (tally_claim_get_qualifier (claim)), FALSE);
          csv_append_field (out, tally_claim_get_sentence (claim), TRUE);
        }
    }
  return g_string_free_to_bytes (out);
}

static GBytes *
export_json (GListModel                 *facts,
             const char                 *title,
             TallyFactExportDescribeFunc describe,
             gpointer                    user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  char *data;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "facts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);
      GListModel *claims = tally_fact_get_claims (fact);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, tally_fact_get_id (fact));
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, tally_fact_get_label (fact));
      json_builder_set_member_name (builder, "measure");
      json_builder_add_string_value (builder, tally_fact_get_measure (fact));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, tally_fact_status_to_string (tally_fact_get_status (fact)));
      json_builder_set_member_name (builder, "explanation");
      json_builder_add_string_value (builder, tally_fact_get_explanation (fact));
      json_builder_set_member_name (builder, "sources");
      json_builder_add_int_value (builder, tally_fact_get_source_count (fact));
      json_builder_set_member_name (builder, "claims");
      json_builder_begin_array (builder);
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr(TallyClaim) claim = g_list_model_get_item (claims, j);
          g_autofree char *source = describe_document (tally_claim_get_document_id (claim), describe, user_data);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "document");
          json_builder_add_int_value (builder, tally_claim_get_document_id (claim));
          json_builder_set_member_name (builder, "source");
          json_builder_add_string_value (builder, source);
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, tally_claim_get_text (claim));
          json_builder_set_member_name (builder, "qualifier");
          json_builder_add_string_value (builder, tally_qualifier_to_string (tally_claim_get_qualifier (claim)));
          json_builder_set_member_name (builder, "sentence");
          json_builder_add_string_value (builder, tally_claim_get_sentence (claim));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

/* A quote in a Markdown block quote: one line, no stray markup at line start. */
static void
markdown_append_quote (GString    *out,
                       const char *sentence)
{
  g_autofree char *flat = g_strdup (sentence ? sentence : "");

  g_strdelimit (flat, "\r\n", ' ');
  g_string_append_printf (out, "  > %s\n", g_strstrip (flat));
}

static GBytes *
export_markdown (GListModel                 *facts,
                 const char                 *title,
                 TallyFactExportDescribeFunc describe,
                 gpointer                    user_data)
{
  GString *out = g_string_new (NULL);
  guint n_facts = g_list_model_get_n_items (facts);
  guint n_conflicts = 0;

  for (guint i = 0; i < n_facts; i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);

      if (tally_fact_get_status (fact) == TALLY_FACT_STATUS_CONFLICT)
        n_conflicts++;
    }

  g_string_append_printf (out, "# %s\n\n", title);
  g_string_append_printf (out, "%u facts, %u in conflict.\n", n_facts, n_conflicts);

  for (guint i = 0; i < n_facts; i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);
      GListModel *claims = tally_fact_get_claims (fact);

      g_string_append_printf (out, "\n## %s — %s\n\n", tally_fact_get_label (fact), tally_fact_get_status_label (fact));
      g_string_append_printf (out, "%s.\n\n", tally_fact_get_explanation (fact));
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr(TallyClaim) claim = g_list_model_get_item (claims, j);
          g_autofree char *source = describe_document (tally_claim_get_document_id (claim), describe, user_data);

          g_string_append_printf (out, "- **%s**: %s\n", tally_claim_get_text (claim), source);
          markdown_append_quote (out, tally_claim_get_sentence (claim));
        }
    }
  return g_string_free_to_bytes (out);
}

GBytes *
tally_fact_export (GListModel                 *facts,
                   TallyFactExportFormat       format,
                   const char                 *title,
                   TallyFactExportDescribeFunc describe,
                   gpointer                    user_data)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (facts), NULL);

  if (title == NULL)
    title = "Tally report";

  switch (format)
    {
    case TALLY_FACT_EXPORT_CSV:
      return export_csv (facts, describe, user_data);
    case TALLY_FACT_EXPORT_JSON:
      return export_json (facts, title, describe, user_data);
    case TALLY_FACT_EXPORT_MARKDOWN:
      return export_markdown (facts, title, describe, user_data);
    default:
      g_return_val_if_reached (NULL);
    }
}
