/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tally-tokenizer.h"

/* The claim extractor's tokenizer on its own: types, flags, number parts
 * and byte spans of each token of sentences written for this test. */

typedef struct
{
  const char *text;
  TallyTokenType type;
} Expected;

static GPtrArray *
tokenize (const char *text)
{
  g_autoptr(GError) error = NULL;
  const TallyLexicon *lexicon = tally_lexicon_get ("en", &error);
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  gsize pos = 0, len = strlen (text);
  TallyToken token;

  g_assert_no_error (error);
  while (tally_tokenizer_next (lexicon, text, len, &pos, &token))
    {
      g_assert_cmpuint (token.start, <, token.end);
      g_assert_cmpuint (token.end, <=, len);
      g_assert_cmpuint (pos, >=, token.end);
      g_ptr_array_add (tokens, g_memdup2 (&token, sizeof token));
    }
  g_assert_cmpuint (pos, ==, len);
  return tokens;
}

static void
assert_tokens (const char     *text,
               GPtrArray      *tokens,
               const Expected *expected,
               guint           n)
{
  g_assert_cmpuint (tokens->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const TallyToken *token = g_ptr_array_index (tokens, i);
      g_autofree char *words = g_strndup (text + token->start, token->end - token->start);

      g_assert_cmpstr (words, ==, expected[i].text);
      g_assert_cmpint (token->type, ==, expected[i].type);
    }
}

static void
test_tokenizer_kinds (void)
{
  const char *text = "Ferries carried 3,500,000 t — up 12.5% on 2024 (see https://port.example/stats for more).";
  const Expected expected[] = {
    { "Ferries", TALLY_TOKEN_WORD }, { "carried", TALLY_TOKEN_WORD }, { "3,500,000", TALLY_TOKEN_NUMBER },
    { "t", TALLY_TOKEN_WORD }, { "—", TALLY_TOKEN_DASH }, { "up", TALLY_TOKEN_WORD },
    { "12.5", TALLY_TOKEN_NUMBER }, { "%", TALLY_TOKEN_SYMBOL }, { "on", TALLY_TOKEN_WORD },
    { "2024", TALLY_TOKEN_NUMBER }, { "(", TALLY_TOKEN_PUNCT }, { "see", TALLY_TOKEN_WORD },
    /* A URL is one token, up to the next space. */
    { "https://port.example/stats", TALLY_TOKEN_URL }, { "for", TALLY_TOKEN_WORD }, { "more", TALLY_TOKEN_WORD },
    { ")", TALLY_TOKEN_PUNCT }, { ".", TALLY_TOKEN_PUNCT },
  };
  g_autoptr(GPtrArray) tokens = tokenize (text);
  const TallyToken *token;

  assert_tokens (text, tokens, expected, G_N_ELEMENTS (expected));

  token = g_ptr_array_index (tokens, 0);
  g_assert_true (token->flags & TALLY_TOKEN_CAPITALIZED);
  g_assert_true (token->flags & TALLY_TOKEN_LINE_START);
  g_assert_false (token->flags & TALLY_TOKEN_SPACE_BEFORE);

  /* "3,500,000": grouped, no decimals, seven digits. */
  token = g_ptr_array_index (tokens, 2);
  g_assert_true (token->flags & TALLY_TOKEN_NUMBER_SEP);
  g_assert_false (token->flags & TALLY_TOKEN_NUMBER_DECIMAL);
  g_assert_cmpuint (token->n_int_digits, ==, 7);
  g_assert_cmpint (token->mantissa, ==, 3500000);
  g_assert_cmpfloat (tally_token_number_value (token), ==, 3500000.0);

  /* "12.5": one decimal; the "%" follows with no space. */
  token = g_ptr_array_index (tokens, 6);
  g_assert_true (token->flags & TALLY_TOKEN_NUMBER_DECIMAL);
  g_assert_cmpuint (token->decimals, ==, 1);
  g_assert_cmpfloat_with_epsilon (tally_token_number_value (token), 12.5, 1e-9);
  token = g_ptr_array_index (tokens, 7);
  g_assert_false (token->flags & TALLY_TOKEN_SPACE_BEFORE);
}

static void
test_tokenizer_lines_and_hyphens (void)
{
  const char *text = "A well-known berth\n\nreopened";
  g_autoptr(GPtrArray) tokens = tokenize (text);
  const TallyToken *token;

  g_assert_cmpuint (tokens->len, ==, 4);
  token = g_ptr_array_index (tokens, 1);
  g_assert_cmpuint (token->end - token->start, ==, strlen ("well-known"));
  g_assert_true (token->flags & TALLY_TOKEN_HYPHENATED);
  token = g_ptr_array_index (tokens, 3);
  g_assert_true (token->flags & TALLY_TOKEN_LINE_START);
  g_assert_true (token->flags & TALLY_TOKEN_BLANK_BEFORE);
  token = g_ptr_array_index (tokens, 2);
  g_assert_false (token->flags & TALLY_TOKEN_BLANK_BEFORE);
}

/* Invalid UTF-8 never stops the scan, and the end is always reached. */
static void
test_tokenizer_invalid_bytes (void)
{
  const char text[] = "port \xff\xfe 14 \xc3 ships";
  g_autoptr(GPtrArray) tokens = tokenize (text);
  gboolean found_14 = FALSE;

  for (guint i = 0; i < tokens->len; i++)
    {
      const TallyToken *token = g_ptr_array_index (tokens, i);

      if (token->type == TALLY_TOKEN_NUMBER && token->mantissa == 14)
        found_14 = TRUE;
    }
  g_assert_true (found_14);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analysis/tokenizer/kinds", test_tokenizer_kinds);
  g_test_add_func ("/analysis/tokenizer/lines-and-hyphens", test_tokenizer_lines_and_hyphens);
  g_test_add_func ("/analysis/tokenizer/invalid-bytes", test_tokenizer_invalid_bytes);
  return g_test_run ();
}
