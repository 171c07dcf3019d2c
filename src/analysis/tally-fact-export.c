/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-fact-export.h"

#include <glib/gi18n-lib.h>

#include "tally-csv.h"

#include <math.h>
#include <string.h>

/* Quotes per fact in the report: enough to read the disagreement, not the
 * whole corpus. */
#define MAX_QUOTES 12

static const char * const status_titles[] = {
  [TALLY_FACT_STATUS_CONFLICT] = NC_("fact status", "Conflict"),
  [TALLY_FACT_STATUS_QUALIFIED] = NC_("fact status", "Qualified"),
  [TALLY_FACT_STATUS_ROUNDING] = NC_("fact status", "Rounding"),
  [TALLY_FACT_STATUS_AGREE] = NC_("fact status", "Agree"),
  [TALLY_FACT_STATUS_SINGLE] = NC_("fact status", "Single source"),
  [TALLY_FACT_STATUS_UPDATED] = NC_("fact status", "Updated"),
};

static gboolean
is_date_fact (const TallyFactRecord *fact)
{
  return fact->kind == TALLY_CLAIM_KIND_YEAR || fact->kind == TALLY_CLAIM_KIND_DATE;
}

/* ---- CSV ---------------------------------------------------------------- */

static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  tally_csv_append_text (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
csv_number (GString *out,
            double   value)
{
  tally_csv_append_number (out, value);
  g_string_append_c (out, ',');
}

/* "Northern Wire;Harbour Times": the outlets (or document ids) of a value. */
static char *
value_outlets (const TallyFactValue *value,
               const TallyFactInput *inputs,
               const char           *separator)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < value->claims->len; c++)
    {
      const TallyFactInput *input = &inputs[g_array_index (value->claims, guint, c)];
      const char *name = input->outlet != NULL ? input->outlet : input->document_id;

      if (name != NULL && g_hash_table_add (seen, (gpointer) name))
        g_string_append_printf (out, "%s%s", out->len > 0 ? separator : "", name);
    }
  return g_string_free (out, FALSE);
}

static char *
join_documents (GPtrArray *documents)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < documents->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ";" : "", (const char *) g_ptr_array_index (documents, i));
  return g_string_free (out, FALSE);
}

void
tally_facts_write_csv (GString              *out,
                       GPtrArray            *facts,
                       const TallyFactInput *inputs)
{
  g_string_append (out, "fact_id,label,measure,kind,unit,scope,status,explanation,value,value_max,qualifier,"
                        "display,side,sources,documents,outlets\r\n");
  for (guint f = 0; f < facts->len; f++)
    {
      const TallyFactRecord *fact = g_ptr_array_index (facts, f);
      g_autofree char *scope = fact->scope_year != 0 ? g_strdup_printf ("%d", fact->scope_year) : NULL;
      g_autofree char *sources = g_strdup_printf ("%u", fact->documents->len);

      for (guint v = 0; v < fact->values->len; v++)
        {
          const TallyFactValue *value = g_ptr_array_index (fact->values, v);
          g_autofree char *side = g_strdup_printf ("%u", value->side);
          g_autofree char *documents = join_documents (value->documents);
          g_autofree char *outlets = value_outlets (value, inputs, ";");

          csv_field (out, fact->id, FALSE);
          csv_field (out, fact->label, FALSE);
          csv_field (out, fact->measure, FALSE);
          csv_field (out, tally_claim_kind_to_string (fact->kind), FALSE);
          csv_field (out, fact->unit, FALSE);
          csv_field (out, scope, FALSE);
          csv_field (out, tally_fact_status_to_string (fact->status), FALSE);
          csv_field (out, fact->explanation, FALSE);
          if (is_date_fact (fact))
            {
              csv_field (out, value->value_text, FALSE);
              csv_field (out, value->value_max_text, FALSE);
            }
          else
            {
              csv_number (out, value->value);
              if (value->has_value_max)
                tally_csv_append_number (out, value->value_max);
              g_string_append_c (out, ',');
            }
          csv_field (out, tally_qualifier_to_string (value->qualifier), FALSE);
          csv_field (out, value->data_display, FALSE);
          csv_field (out, side, FALSE);
          csv_field (out, sources, FALSE);
          csv_field (out, documents, FALSE);
          csv_field (out, outlets, TRUE);
        }
    }
}

/* ---- Markdown ----------------------------------------------------------- */

/* Text that Markdown must not read as markup; line breaks become spaces. */
static void
md_text (GString    *out,
         const char *text,
         gssize      len)
{
  const char *end = len < 0 ? text + strlen (text) : text + len;

  for (const char *p = text; p < end && *p; p++)
    {
      if (strchr ("\\`*_[]|<>#", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p);
    }
}

/* The sentence with the claim's words in bold. */
static void
md_quote (GString              *out,
          const TallyFactInput *input)
{
  const char *sentence = input->sentence;
  const char *words = input->text;
  const char *at = NULL;
  const TallyClaimRecord *record = input->record;

  if (sentence == NULL)
    {
      md_text (out, words != NULL ? words : "", -1);
      return;
    }
  /* The offsets first (the same words can occur twice), then a search. */
  if (words != NULL && record->start >= record->sentence_start
      && record->start - record->sentence_start + strlen (words) <= strlen (sentence)
      && strncmp (sentence + (record->start - record->sentence_start), words, strlen (words)) == 0)
    at = sentence + (record->start - record->sentence_start);
  else if (words != NULL && words[0] != '\0')
    at = strstr (sentence, words);
  if (at == NULL)
    {
      md_text (out, sentence, -1);
      return;
    }
  md_text (out, sentence, at - sentence);
  g_string_append (out, "**");
  md_text (out, words, -1);
  g_string_append (out, "**");
  md_text (out, at + strlen (words), -1);
}

static void
md_fact (GString               *out,
         const TallyFactRecord *fact,
         const TallyFactInput  *inputs)
{
  guint quoted = 0;

  g_string_append (out, "## ");
  md_text (out, fact->label, -1);
  g_string_append_printf (out, "\n\n**%s** · ", g_dpgettext2 (GETTEXT_PACKAGE, "fact status", status_titles[fact->status]));
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", fact->documents->len),
                          fact->documents->len);
  g_string_append (out, " · ");
  md_text (out, fact->explanation, -1);
  g_string_append_printf (out, "\n\n| %s | %s |\n|---|---|\n", C_("report column", "Value"), C_("report column", "Sources"));
  for (guint v = 0; v < fact->values->len; v++)
    {
      const TallyFactValue *value = g_ptr_array_index (fact->values, v);
      g_autofree char *outlets = value_outlets (value, inputs, ", ");

      g_string_append (out, "| ");
      md_text (out, value->display, -1);
      g_string_append (out, " | ");
      md_text (out, outlets, -1);
      g_string_append (out, " |\n");
    }
  g_string_append_c (out, '\n');

  for (guint c = 0; c < fact->claims->len && quoted < MAX_QUOTES; c++, quoted++)
    {
      const TallyFactInput *input = &inputs[g_array_index (fact->claims, guint, c)];

      g_string_append (out, "> ");
      md_quote (out, input);
      g_string_append (out, " — *");
      md_text (out, input->outlet != NULL ? input->outlet : input->document_id, -1);
      g_string_append (out, "*\n>\n");
    }
  if (quoted > 0)
    g_string_truncate (out, out->len - 2);
  if (fact->claims->len > quoted)
    {
      g_string_append (out, "\n*");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u more claim not quoted.", "%u more claims not quoted.",
                                                fact->claims->len - quoted), fact->claims->len - quoted);
      g_string_append (out, "*\n");
    }
  g_string_append_c (out, '\n');
}

void
tally_facts_write_markdown (GString              *out,
                            GPtrArray            *facts,
                            const TallyFactInput *inputs,
                            const char           *title)
{
  guint counts[G_N_ELEMENTS (status_titles)] = { 0 };
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint f = 0; f < facts->len; f++)
    {
      const TallyFactRecord *fact = g_ptr_array_index (facts, f);

      counts[fact->status]++;
      for (guint d = 0; d < fact->documents->len; d++)
        g_hash_table_add (documents, g_ptr_array_index (fact->documents, d));
    }
  g_string_append (out, "# ");
  md_text (out, title != NULL ? title : _("Facts"), -1);
  g_string_append (out, "\n\n");
  /* TRANSLATORS: the report's summary; the counts are of facts except the second (documents) */
  g_string_append_printf (out, _("%u facts from %u documents: %u in conflict, %u qualified, "
                                 "%u within rounding, %u agreeing, %u from a single source."),
                          facts->len, g_hash_table_size (documents), counts[TALLY_FACT_STATUS_CONFLICT],
                          counts[TALLY_FACT_STATUS_QUALIFIED], counts[TALLY_FACT_STATUS_ROUNDING],
                          counts[TALLY_FACT_STATUS_AGREE], counts[TALLY_FACT_STATUS_SINGLE]);
  g_string_append (out, "\n\n");
  /* Said only when there are any, so that reports without read as before. */
  if (counts[TALLY_FACT_STATUS_UPDATED] > 0)
    {
      g_string_truncate (out, out->len - 2);
      g_string_append_c (out, ' ');
      /* TRANSLATORS: after the report's summary: facts whose value moved over time */
      g_string_append_printf (out, _("%u updated over time."), counts[TALLY_FACT_STATUS_UPDATED]);
      g_string_append (out, "\n\n");
    }
  for (guint f = 0; f < facts->len; f++)
    md_fact (out, g_ptr_array_index (facts, f), inputs);
}
