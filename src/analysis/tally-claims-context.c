/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-claims-private.h"

/* Context a reader carries from one sentence to the next (issue 12):
 *  - a lead-in line ending in ":" ("Finland's fish exports to Asia in
 *    2024:") gives the lines of the list under it their measure and year;
 *    each line's leading name is its subject ("Japan — €2.1 billion");
 *  - "31% of the total" is a share of what the line or sentence measures;
 *  - "The figure rose to 52,000" measures what the sentence before did. */

static gboolean
ends_with_colon (Ctx *c)
{
  guint n = n_tokens (c);

  return n >= 3 && punct_is (c, n - 1, ':');
}

static int
first_year (Ctx *c)
{
  for (guint k = 0; k < n_tokens (c); k++)
    if (is_plain_year (c, k))
      return (int) TOK (c, k)->mantissa;
  return 0;
}

/* A list line: it starts a line, is short, and a dash, colon, bar or tab
 * separates its label from its figures ("Japan — €2.1 billion", "• Japan:
 * €2.1 billion"). */
static gboolean
is_list_line (Ctx *c)
{
  guint n = n_tokens (c);

  if (n == 0 || n > 40 || !(TOK (c, 0)->flags & TALLY_TOKEN_LINE_START))
    return FALSE;
  for (guint k = 1; k + 1 < n && k < 8; k++)
    if ((TOK (c, k)->type == TALLY_TOKEN_DASH && !attached (c, k)) || punct_is (c, k, ':') || punct_is (c, k, '|'))
      return TRUE;
  return FALSE;
}

void
_tally_claims_context_sentence (Ctx *c)
{
  gboolean list = c->lead_measure->len > 0 && is_list_line (c);

  c->in_list_line = list;
  if (!list)
    {
      g_string_truncate (c->lead_measure, 0);
      c->lead_year = 0;
    }
  if (ends_with_colon (c) && n_tokens (c) <= 40)
    {
      g_autoptr(GString) saved = g_string_new (c->measure->str);
      guint k = 0;

      /* What the list measures: the noun phrase after a possessive or a
       * determiner that opens the line. */
      while (k < n_tokens (c) && (is_determiner (c, k) || _tally_claims_is_possessive (c, k)
                                  || has_flag (c, k, TALLY_LEX_STOP)))
        k++;
      if (k < n_tokens (c) && _tally_claims_read_np (c, k, NP_ANY) > k && c->measure->len > 0)
        {
          g_string_assign (c->lead_measure, c->measure->str);
          c->lead_year = first_year (c);
        }
      g_string_assign (c->measure, saved->str);
    }
}

/* Called for each claim before its measure is remembered and its subject
 * sought; may point record->measure at c->context_measure. */
void
_tally_claims_context_claim (Ctx              *c,
                             TallyClaimRecord *record,
                             guint             first,
                             guint             last)
{
  guint after = last + 1;

  if (record->kind == TALLY_CLAIM_KIND_YEAR || record->kind == TALLY_CLAIM_KIND_DATE)
    return;
  while (after < n_tokens (c) && TOK (c, after)->start < record->end)
    after++;

  /* "31% of the total": a share of what the figure before measured. */
  if (record->kind == TALLY_CLAIM_KIND_PERCENT && is_role (c, after, TALLY_ROLE_OF)
      && ((after + 2 < n_tokens (c) && is_determiner (c, after + 1)
           && TOK (c, after + 2)->lex != NULL && TOK (c, after + 2)->lex->whole)
          || (after + 1 < n_tokens (c) && TOK (c, after + 1)->lex != NULL && TOK (c, after + 1)->lex->whole)))
    {
      const char *of = c->last_measure->len > 0 ? c->last_measure->str
                       : c->in_list_line ? c->lead_measure->str : NULL;

      if (of != NULL && *of != '\0')
        {
          g_string_printf (c->context_measure, "share of %s", of);
          record->measure = c->context_measure->str;
          record->change = FALSE;
        }
      if (c->in_list_line && record->scope_year == 0)
        record->scope_year = c->lead_year;
      return;
    }
  /* A line of a list under a lead-in: its measure and year. */
  if (c->in_list_line)
    {
      if (record->measure == NULL)
        {
          g_string_assign (c->context_measure, c->lead_measure->str);
          record->measure = c->context_measure->str;
        }
      if (record->scope_year == 0)
        record->scope_year = c->lead_year;
      return;
    }
  /* "The figure rose to 52,000": what the sentence before measured. */
  if (record->measure != NULL && c->prev_measure->len > 0)
    {
      const TallyLexEntry *e = tally_lexicon_lookup (c->lex, record->measure, strlen (record->measure));

      if (e != NULL && e->anaphor)
        {
          g_string_assign (c->context_measure, c->prev_measure->str);
          record->measure = c->context_measure->str;
          c->measure_from_before = TRUE;
        }
    }
}

/* When a sentence with figures is done: its last measure and subject are
 * what "the figure" of the next one stands for. */
void
_tally_claims_context_sentence_done (Ctx *c)
{
  if (c->last_measure->len > 0)
    g_string_assign (c->prev_measure, c->last_measure->str);
}

/* "ranked first", "placed fourth", "came fifth": a rank after a rank verb
 * ([rank_verb]), with no noun for the ordinal to count. */
guint
_tally_claims_match_rank (Ctx  *c,
                          guint i,
                          gsize ss,
                          gsize se)
{
  TallyClaimRecord r = { 0 };
  const TallyToken *t = TOK (c, i);

  if (i == 0 || t->lex == NULL || !(t->lex->flags & TALLY_LEX_ORDINAL) || t->lex->ordinal <= 0
      || TOK (c, i - 1)->lex == NULL || !TOK (c, i - 1)->lex->rank_verb)
    return i;
  r.kind = TALLY_CLAIM_KIND_ORDINAL;
  r.has_value = TRUE;
  r.value = t->lex->ordinal;
  r.qualifier = TALLY_QUALIFIER_EXACT;
  g_string_assign (c->measure, "rank");
  r.measure = c->measure->str;
  _tally_claims_emit (c, &r, i, i, 0, ss, se);
  return i + 1;
}
