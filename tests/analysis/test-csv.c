/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "facts-corpus.h"
#include "tally-claims.h"
#include "tally-csv.h"
#include "tally-fact-export.h"
#include "tally-json-export.h"

/* CSV exports open in spreadsheets: a text cell that starts with =, +, -, @,
 * tab or carriage return gets an apostrophe in front (OWASP, CSV injection),
 * numbers Tally writes stay numbers. Both writers (claims, facts) share one
 * cell writer, tested here and through each writer. */

static char *
cell (const char *text)
{
  GString *out = g_string_new (NULL);

  tally_csv_append_text (out, text);
  return g_string_free (out, FALSE);
}

static void
test_text_cells (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "plain words", "plain words" },
    { "=SUM(A1:A9)", "'=SUM(A1:A9)" },
    { "+7 705 555 0100", "'+7 705 555 0100" },
    { "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0" },
    { "@SUM(1)", "'@SUM(1)" },
    { "\tindented", "'\tindented" },
    { "\rreturn", "\"'\rreturn\"" },
    { "=1,2", "\"'=1,2\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "=\"quoted\"", "\"'=\"\"quoted\"\"\"" },
    { "a = b", "a = b" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cell (cases[i].in);

      g_assert_cmpstr (text, ==, cases[i].out);
    }
  g_assert_true (tally_csv_is_formula ("=x"));
  g_assert_false (tally_csv_is_formula ("x="));
  g_assert_false (tally_csv_is_formula (NULL));
}

/* A negative number in a numeric column is a number, written without a
 * prefix and the same in every locale. */
static void
test_number_cells (void)
{
  const struct { double in; const char *out; } cases[] = {
    { -12.5, "-12.5" }, { 1.1e9, "1100000000" }, { 33.33, "33.33" }, { -3, "-3" }, { 0.1, "0.1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      tally_csv_append_number (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }
}

/* The claims writer: a sentence that starts with a formula is neutralised in
 * the text and sentence columns, the value column stays a number. */
static void
test_claims_writer (void)
{
  const char *text = "=HYPERLINK(\"http://example.invalid\") Freight rose 12% in 2024.";
  g_autoptr(GPtrArray) claims = tally_extract_claims (text, strlen (text), NULL);
  gboolean percent = FALSE;

  for (guint i = 0; i < claims->len; i++)
    {
      TallyClaimRecord *claim = g_ptr_array_index (claims, i);
      g_autoptr(GString) out = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;

      if (claim->kind != TALLY_CLAIM_KIND_PERCENT)
        continue;
      percent = TRUE;
      tally_csv_write_claim (out, claim, "c1", "@doc", "-path.txt", text, strlen (text));
      g_assert_true (g_str_has_prefix (out->str, "c1,'@doc,'-path.txt,percent,12,,%,"));
      g_assert_nonnull (strstr (out->str, ",\"'=HYPERLINK(\"\"http://example.invalid\"\") Freight rose 12% in 2024.\","));
    }
  g_assert_true (percent);
}

/* The facts writer: an outlet name from a page that starts with "=" is
 * neutralised; a negative change stays a number. */
static void
test_facts_writer (void)
{
  g_autoptr(FactsCorpus) corpus = facts_corpus_new ();
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  FACTS_CLAIM (corpus, .doc = "d1", .kind = TALLY_CLAIM_KIND_PERCENT, .value = -4.5, .unit = "%",
               .measure = "freight", .change = TRUE, .outlet = "=cmd|' /C calc'!A0");
  FACTS_CLAIM (corpus, .doc = "d2", .kind = TALLY_CLAIM_KIND_PERCENT, .value = -4.5, .unit = "%",
               .measure = "freight", .change = TRUE, .outlet = "Harbour Times");
  facts = facts_corpus_group (corpus);
  tally_facts_write_csv (out, facts, (const TallyFactInput *) corpus->inputs->data);
  g_assert_nonnull (strstr (out->str, ",-4.5,,exact,"));
  g_assert_nonnull (strstr (out->str, ",'=cmd|' /C calc'!A0;Harbour Times\r\n"));
  g_assert_null (strstr (out->str, ",=cmd"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/text-cells", test_text_cells);
  g_test_add_func ("/csv/number-cells", test_number_cells);
  g_test_add_func ("/csv/claims-writer", test_claims_writer);
  g_test_add_func ("/csv/facts-writer", test_facts_writer);
  return g_test_run ();
}
