/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-claims-private.h"

#include <math.h>
#include <stdlib.h>

/* Quantities: numerals, scales, units, currencies, qualifiers, ranges,
 * fractions and ordinals; and what is never a claim (phone numbers, IDs,
 * times, list numbers, page furniture). */

/* A number written in words from token i: "ten", "twenty-five", "two and a
 * half million", "a dozen". Returns the index after it, or i. */
static guint
read_word_number (Ctx    *c,
                  guint   i,
                  double *value,
                  gboolean *has_scale)
{
  double total = 0, current = 0;
  gboolean any = FALSE;
  guint k = i;

  *has_scale = FALSE;
  if (is_role (c, k, TALLY_ROLE_A)
      && (((has_flag (c, k + 1, TALLY_LEX_SCALE) || is_role (c, k + 1, TALLY_ROLE_DOZEN))
           && !is_role (c, k + 1, TALLY_ROLE_M) && !is_role (c, k + 1, TALLY_ROLE_K) && !is_role (c, k + 1, TALLY_ROLE_B))
          || _tally_claims_qualified_a_duration (c, k)))
    {
      current = 1;
      any = TRUE;
      k++;
    }
  while (k < n_tokens (c) && is_word (c, k))
    {
      const TallyToken *t = TOK (c, k);
      const TallyLexEntry *e = t->lex;

      if (t->flags & TALLY_TOKEN_HYPHENATED)
        {
          /* "twenty-five" */
          const char *w = c->text + t->start;
          const char *dash = memchr (w, '-', t->end - t->start);
          const TallyLexEntry *l = tally_lexicon_lookup (c->lex, w, dash - w);
          const TallyLexEntry *r = tally_lexicon_lookup (c->lex, dash + 1, t->end - t->start - (dash + 1 - w));

          if (l != NULL && r != NULL && (l->flags & TALLY_LEX_NUMBER) && (r->flags & TALLY_LEX_NUMBER)
              && l->number >= 20 && l->number < 100 && r->number < 10)
            {
              current += l->number + r->number;
              any = TRUE;
              k++;
              continue;
            }
          break;
        }
      if (e == NULL)
        break;
      if ((e->flags & TALLY_LEX_SCALE) && any && t->end - t->start > 2)
        {
          if (e->scale == 100)
            current *= 100;
          else
            {
              total += (current == 0 ? 1 : current) * e->scale;
              current = 0;
              *has_scale = TRUE;
            }
          k++;
          continue;
        }
      if ((e->flags & TALLY_LEX_NUMBER) && !(e->flags & TALLY_LEX_SCALE))
        {
          if (is_role (c, k, TALLY_ROLE_DOZEN))
            current = (current == 0 ? 1 : current) * 12;
          else
            current += e->number;
          any = TRUE;
          k++;
          continue;
        }
      /* "two and a half million" */
      if (any && is_role (c, k, TALLY_ROLE_AND) && is_role (c, k + 1, TALLY_ROLE_A) && is_role (c, k + 2, TALLY_ROLE_HALF))
        {
          current += 0.5;
          k += 3;
          continue;
        }
      if (any && is_role (c, k, TALLY_ROLE_AND) && has_flag (c, k + 1, TALLY_LEX_NUMBER) && total > 0)
        {
          k++;
          continue;
        }
      break;
    }
  if (!any)
    return i;
  *value = total + current;
  return k;
}

/* Digits with an optional scale: "94.8 billion", "94.8bn", "$5m". */
static guint
read_numeral (Ctx      *c,
              guint     i,
              gboolean  currency,
              double   *value,
              gboolean *has_scale,
              gboolean *word_number)
{
  guint k = i;

  *word_number = FALSE;
  *has_scale = FALSE;
  if (is_number (c, k))
    {
      const TallyToken *t = TOK (c, k);

      *value = tally_token_number_value (t);
      k++;
      /* "1.8-million vehicles", "a 3.02-million total": a hyphenated scale word. */
      if (k + 1 < n_tokens (c) && TOK (c, k)->type == TALLY_TOKEN_DASH && attached (c, k) && attached (c, k + 1)
          && has_flag (c, k + 1, TALLY_LEX_SCALE) && TOK (c, k + 1)->lex->scale >= 1e6
          && TOK (c, k + 1)->end - TOK (c, k + 1)->start > 3)
        k++;
      if (has_flag (c, k, TALLY_LEX_SCALE) && TOK (c, k)->lex->scale >= 1000)
        {
          const TallyToken *s = TOK (c, k);
          gsize n = s->end - s->start;
          gboolean short_form = n <= 3;

          /* "5 m" is metres; "$5m" and "€2.5bn" are scales; so is "1.2m"
           * before a plural ("1.2m votes": no one counts votes in metres;
           * "100m hurdles" has no decimals). */
          if (!short_form || (!(s->flags & TALLY_TOKEN_SPACE_BEFORE)
                              && (currency || n >= 2
                                  || (t->decimals > 0 && is_word (c, k + 1) && !has_flag (c, k + 1, TALLY_LEX_UNIT | TALLY_LEX_DURATION)
                                      && _tally_claims_looks_plural (c, k + 1)))))
            {
              *value *= s->lex->scale;
              *has_scale = TRUE;
              k++;
            }
        }
      return k;
    }
  if (is_word (c, k))
    {
      guint end = read_word_number (c, k, value, has_scale);

      if (end > k)
        {
          *word_number = TRUE;
          /* "two million" after digits is handled above; "10 thousand" here. */
          return end;
        }
    }
  return i;
}

static gboolean
is_phone_number (Ctx  *c,
                 guint i,
                 guint *end)
{
  guint groups = 0, digits = 0, k = i;
  gboolean plus = i > 0 && punct_is (c, i - 1, '+') && attached (c, i);
  gboolean paren = i > 0 && punct_is (c, i - 1, '(') && attached (c, i);

  while (k < n_tokens (c) && is_number (c, k))
    {
      const TallyToken *t = TOK (c, k);

      if (t->decimals != 0 || (t->flags & TALLY_TOKEN_NUMBER_SEP))
        break;
      groups++;
      digits += t->n_int_digits;
      k++;
      if (k < n_tokens (c) && (TOK (c, k)->flags & TALLY_TOKEN_LINE_START))
        break;
      if ((punct_is (c, k, '-') || punct_is (c, k, '.') || punct_is (c, k, ')')) && attached (c, k)
          && is_number (c, k + 1))
        k++;
      else if (punct_is (c, k, ')') && is_number (c, k + 1))
        k++;
      else if (!is_number (c, k))
        break;
    }
  *end = k;
  if (digits < 7)
    return FALSE;
  return groups >= 3 || ((plus || paren) && groups >= 2);
}

/* Returns the number of tokens from i that are no claim, or 0. */
guint
_tally_claims_never_claim (Ctx  *c,
                           guint i)
{
  const TallyToken *t = TOK (c, i);
  guint end;

  if (t->flags & TALLY_TOKEN_NUMBER_HUGE)
    return 1;
  /* List numbering: "1. The summit …", "2) …". */
  if ((t->flags & TALLY_TOKEN_LINE_START) && t->n_int_digits <= 3 && t->decimals == 0
      && (punct_is (c, i + 1, '.') || punct_is (c, i + 1, ')')) && attached (c, i + 1))
    return 2;
  /* Times: "10:45", "9.30 am", "3pm". */
  if (punct_is (c, i + 1, ':') && attached (c, i + 1) && is_number (c, i + 2) && attached (c, i + 2))
    return 3;
  if (has_flag (c, i + 1, TALLY_LEX_TIME_MARKER) && t->mantissa <= 1259)
    return 2;
  /* An age in apposition: "Dana Ermekova, 46, said". */
  if (i > 1 && punct_is (c, i - 1, ',') && punct_is (c, i + 1, ',') && is_word (c, i - 2)
      && is_proper (c, i - 2) && t->n_int_digits <= 3 && t->decimals == 0 && t->mantissa <= 120)
    return 1;
  /* Identifiers: "#4521", "No. 12", "Article 5", "A-320", "ISBN 978-…". */
  if (i > 0 && punct_is (c, i - 1, '#') && attached (c, i))
    return 1;
  if (i > 0 && has_flag (c, i - 1, TALLY_LEX_ID_PREFIX) && !has_flag (c, i - 1, TALLY_LEX_STOP))
    return 1;
  if (i > 1 && punct_is (c, i - 1, '.') && attached (c, i - 1) && has_flag (c, i - 2, TALLY_LEX_ID_PREFIX))
    return 1;
  if (i > 1 && TOK (c, i - 1)->type == TALLY_TOKEN_DASH && attached (c, i) && attached (c, i - 1)
      && is_word (c, i - 2)
      && !(is_role (c, i - 2, TALLY_ROLE_MID) || is_role (c, i - 2, TALLY_ROLE_EARLY) || is_role (c, i - 2, TALLY_ROLE_LATE)
           || is_role (c, i - 2, TALLY_ROLE_PRE) || is_role (c, i - 2, TALLY_ROLE_POST) || is_role (c, i - 2, TALLY_ROLE_END)))
    return 1;
  if (i > 0 && is_word (c, i - 1) && attached (c, i))
    return 1;
  /* A number that is part of a name: "Model 3", "Boeing 737", "Windows 11" —
   * right after a capitalised word inside the sentence that the lexicon does
   * not know (no month, currency or unit), with no unit, scale or counted
   * noun after it. */
  if (i > 0 && is_word (c, i - 1) && is_proper (c, i - 1) && TOK (c, i - 1)->lex == NULL
      && !(TOK (c, i - 1)->flags & TALLY_TOKEN_HYPHENATED)
      && t->decimals == 0 && !(t->flags & TALLY_TOKEN_NUMBER_SEP) && t->n_int_digits <= 4
      && !has_flag (c, i + 1, TALLY_LEX_SCALE | TALLY_LEX_PERCENT | TALLY_LEX_UNIT | TALLY_LEX_DURATION | TALLY_LEX_CURRENCY
                               | TALLY_LEX_NUMBER)
      && !(is_word (c, i + 1) && _tally_claims_looks_plural (c, i + 1)))
    return 1;
  if (is_word (c, i + 1) && attached (c, i + 1) && TOK (c, i + 1)->lex == NULL
      && !is_role (c, i + 1, TALLY_ROLE_S) && !is_role (c, i + 1, TALLY_ROLE_ST) && !is_role (c, i + 1, TALLY_ROLE_ND)
      && !is_role (c, i + 1, TALLY_ROLE_RD) && !is_role (c, i + 1, TALLY_ROLE_TH))
    return 2;  /* "5G", "3D" */
  /* Unseparated long digit strings: IDs, not quantities. */
  if (t->n_int_digits >= 6 && !(t->flags & TALLY_TOKEN_NUMBER_SEP) && t->decimals == 0
      && !(i > 0 && has_flag (c, i - 1, TALLY_LEX_CURRENCY)) && !has_flag (c, i + 1, TALLY_LEX_CURRENCY))
    return 1;
  if (is_phone_number (c, i, &end))
    return end - i;
  /* Other slashes: "24/7", "1/3", "17/06/2025" — ambiguous, no claim. */
  if (punct_is (c, i + 1, '/') && attached (c, i + 1) && is_number (c, i + 2))
    {
      guint k = i + 2;

      while (punct_is (c, k + 1, '/') && is_number (c, k + 2))
        k += 2;
      return k - i + 1;
    }
  /* Page furniture: "5 Comments", "1,204 shares", "3 min read". */
  if (has_flag (c, i + 1, TALLY_LEX_FURNITURE) && n_tokens (c) <= 6)
    return n_tokens (c) - i;
  if (n_tokens (c) <= 4 && i > 0 && has_flag (c, i - 1, TALLY_LEX_FURNITURE))
    return 1;
  return 0;
}

const TallyLexEntry *
_tally_claims_currency_before (Ctx   *c,
                               guint  i,
                               guint *first)
{
  guint n;
  const TallyLexEntry *e;

  if (i == 0)
    return NULL;
  e = _tally_claims_match_phrase_before (c, i - 1, TALLY_LEX_CURRENCY, &n);
  if (e == NULL)
    return NULL;
  /* Only symbols and codes stand before the number ("$5", "USD 5", "US$5"). */
  {
    const TallyToken *t = TOK (c, i - n);
    gboolean code = t->type == TALLY_TOKEN_SYMBOL;

    if (!code && t->type == TALLY_TOKEN_WORD)
      {
        code = TRUE;
        for (gsize b = t->start; b < t->end; b++)
          if (g_ascii_islower (c->text[b]))
            code = FALSE;
      }
    if (!code)
      return NULL;
  }
  *first = i - n;
  return e;
}

static TallyQualifier
qualifier_before (Ctx   *c,
                  guint  i,
                  guint *first)
{
  guint n;
  const TallyLexEntry *e;

  *first = i;
  if (i == 0)
    return TALLY_QUALIFIER_EXACT;
  e = _tally_claims_match_phrase_before (c, i - 1, TALLY_LEX_QUALIFIER, &n);
  /* "примерно в 70 км": the qualifier stands before the preposition. */
  if (e == NULL && i >= 2 && has_flag (c, i - 1, TALLY_LEX_QUALIFIER_GAP) && !c->used->data[i - 1]
      && (e = _tally_claims_match_phrase_before (c, i - 2, TALLY_LEX_QUALIFIER, &n)) != NULL)
    n++;
  if (e == NULL)
    return TALLY_QUALIFIER_EXACT;
  for (guint k = i - n; k < i; k++)
    if (c->used->data[k])
      return TALLY_QUALIFIER_EXACT;
  *first = i - n;
  return (TallyQualifier) e->qualifier;
}

/* The unit after a numeral at token k; sets q and returns the index after. */
static guint
read_unit (Ctx      *c,
           guint     k,
           Quantity *q,
           gboolean  money_before)
{
  guint n;
  const TallyLexEntry *e;
  gboolean hyphen = FALSE;

  /* "48-hour visit", "1,200-km railway" */
  if (k < n_tokens (c) && punct_is (c, k, '-') && attached (c, k) && attached (c, k + 1) && is_word (c, k + 1))
    {
      hyphen = TRUE;
      k++;
    }
  if (!hyphen && !money_before)
    {
      e = _tally_claims_match_phrase (c, k, TALLY_LEX_PERCENT, &n);
      if (e != NULL && !(is_role (c, k, TALLY_ROLE_POINT) || is_role (c, k, TALLY_ROLE_POINTS)) )
        {
          q->kind = TALLY_CLAIM_KIND_PERCENT;
          q->unit = e->percent;
          return k + n;
        }
      if (e != NULL && q->change)
        {
          q->kind = TALLY_CLAIM_KIND_PERCENT;
          q->unit = e->percent;
          return k + n;
        }
      e = _tally_claims_match_phrase (c, k, TALLY_LEX_CURRENCY, &n);
      if (e != NULL && TOK (c, k)->type == TALLY_TOKEN_WORD)
        {
          q->kind = TALLY_CLAIM_KIND_MONEY;
          q->unit = e->currency;
          return k + n;
        }
    }
  if (money_before)
    return hyphen ? k - 1 : k;
  e = _tally_claims_match_phrase (c, k, TALLY_LEX_DURATION | TALLY_LEX_UNIT, &n);
  if (e != NULL && TOK (c, k)->type == TALLY_TOKEN_WORD)
    {
      /* Only attached or full-word units: "5 m" is ambiguous. */
      if (e->flags & TALLY_LEX_DURATION)
        {
          q->kind = TALLY_CLAIM_KIND_DURATION;
          q->unit = e->duration;
        }
      else
        {
          q->kind = TALLY_CLAIM_KIND_NUMBER;
          q->unit = e->unit;
        }
      q->compound = hyphen;
      return k + n;
    }
  return hyphen ? k - 1 : k;
}

static void
emit_quantity (Ctx      *c,
               Quantity *q,
               gsize     ss,
               gsize     se)
{
  TallyClaimRecord r = { 0 };

  r.kind = q->kind;
  r.has_value = TRUE;
  r.value = q->value;
  r.has_value_max = q->has_max;
  r.value_max = q->value_max;
  r.unit = (char *) q->unit;
  r.qualifier = q->qualifier;
  _tally_claims_find_measure (c, q);
  r.change = q->change;
  r.measure = c->measure->len > 0 ? c->measure->str : NULL;
  _tally_claims_emit (c, &r, q->first, q->last, q->end_byte, ss, se);
}

static gboolean
change_before (Ctx  *c,
               guint first)
{
  gint k = (gint) first - 1;

  if (k >= 0 && is_role (c, k, TALLY_ROLE_BY))
    k--;
  if (k >= 0 && is_role (c, k, TALLY_ROLE_OF) && k > 0 && has_flag (c, k - 1, TALLY_LEX_CHANGE)
      && !has_flag (c, k - 1, TALLY_LEX_LEVEL_VERB))
    return TRUE;
  return k >= 0 && has_flag (c, k, TALLY_LEX_CHANGE) && !is_role (c, k + 1, TALLY_ROLE_TO);
}

/* The quantity whose numeral starts at token i (or whose currency sign does).
 * Returns the index after it, or i when there is none. */
guint
_tally_claims_match_quantity (Ctx   *c,
                              guint  i,
                              gsize  ss,
                              gsize  se)
{
  Quantity q = { 0 };
  guint num = i, k, cur_first = i, qual_first;
  const TallyLexEntry *cur = NULL;
  gboolean has_scale, word_number;
  guint end;

  if (TOK (c, i)->type == TALLY_TOKEN_SYMBOL || (is_word (c, i) && has_flag (c, i, TALLY_LEX_CURRENCY)))
    {
      /* "$5", "US$5", "USD 5 million" */
      guint n;

      cur = _tally_claims_match_phrase (c, i, TALLY_LEX_CURRENCY, &n);
      if (cur == NULL || !is_number (c, i + n))
        return i;
      /* "US$120 million": the letters before the sign belong to it. */
      {
        guint m;
        const TallyLexEntry *longer = _tally_claims_match_phrase_before (c, i + n - 1, TALLY_LEX_CURRENCY, &m);

        if (longer != NULL && m > n)
          {
            cur = longer;
            cur_first = i + n - m;
          }
      }
      if (_tally_claims_never_claim (c, i + n) > 0 && !(TOK (c, i + n)->n_int_digits >= 6))
        return i + n + _tally_claims_never_claim (c, i + n);
      num = i + n;
    }
  else
    cur = _tally_claims_currency_before (c, i, &cur_first);

  /* "a three-day summit", "a five-year plan" */
  if (cur == NULL && is_word (c, num) && (TOK (c, num)->flags & TALLY_TOKEN_HYPHENATED))
    {
      const TallyToken *h = TOK (c, num);
      const char *w = c->text + h->start;
      const char *dash = memchr (w, '-', h->end - h->start);
      const TallyLexEntry *l = tally_lexicon_lookup (c->lex, w, dash - w);
      const TallyLexEntry *r = tally_lexicon_lookup (c->lex, dash + 1, h->end - h->start - (dash + 1 - w));

      if (l != NULL && r != NULL && (l->flags & TALLY_LEX_NUMBER) && (r->flags & (TALLY_LEX_DURATION | TALLY_LEX_UNIT)))
        {
          q.value = l->number;
          q.kind = (r->flags & TALLY_LEX_DURATION) ? TALLY_CLAIM_KIND_DURATION : TALLY_CLAIM_KIND_NUMBER;
          q.unit = (r->flags & TALLY_LEX_DURATION) ? r->duration : r->unit;
          q.compound = TRUE;
          q.qualifier = qualifier_before (c, num, &q.first);
          q.num_first = num;
          q.last = num;
          q.after = num + 1;
          emit_quantity (c, &q, ss, se);
          return num + 1;
        }
    }
  end = read_numeral (c, num, cur != NULL, &q.value, &has_scale, &word_number);
  if (end == num)
    return i;
  q.num_first = num;
  q.word_number = word_number;
  q.has_scale = has_scale;
  q.kind = TALLY_CLAIM_KIND_COUNT;
  q.qualifier = qualifier_before (c, cur != NULL ? MIN (cur_first, i) : num, &qual_first);
  q.first = qual_first;
  if (q.first > 0 && punct_is (c, q.first - 1, '~') && attached (c, q.first))
    {
      q.first--;
      q.qualifier = TALLY_QUALIFIER_APPROX;
    }
  q.change = change_before (c, q.first);
  if (cur != NULL)
    {
      q.kind = TALLY_CLAIM_KIND_MONEY;
      q.unit = cur->currency;
    }
  k = read_unit (c, end, &q, cur != NULL);

  /* Ranges: "5–7%", "$3–4 billion", "between 20 and 30", "10 to 12". */
  {
    guint r = k == end ? end : k;
    gboolean dash = r < n_tokens (c) && TOK (c, r)->type == TALLY_TOKEN_DASH;
    gboolean to = is_role (c, r, TALLY_ROLE_TO) && !q.change
                  && !(q.first > 1 && is_role (c, q.first - 1, TALLY_ROLE_FROM) && has_flag (c, q.first - 2, TALLY_LEX_CHANGE));
    gboolean and = is_role (c, r, TALLY_ROLE_AND) && q.first > 0 && is_role (c, q.first - 1, TALLY_ROLE_BETWEEN);

    if (dash || to || and)
      {
        guint m = r + 1, end2;
        double v2;
        gboolean scale2, word2;
        Quantity q2 = { 0 };

        if (cur != NULL && m < n_tokens (c) && _tally_claims_match_phrase (c, m, TALLY_LEX_CURRENCY, &end2) != NULL
            && TOK (c, m)->type != TALLY_TOKEN_WORD)
          m += end2;
        end2 = read_numeral (c, m, cur != NULL, &v2, &scale2, &word2);
        if (end2 > m && !(TOK (c, m)->type == TALLY_TOKEN_NUMBER && is_plain_year (c, m) && is_plain_year (c, num)))
          {
            guint k2;

            q2.kind = TALLY_CLAIM_KIND_COUNT;
            k2 = read_unit (c, end2, &q2, cur != NULL);
            if ((q.unit == NULL || q2.unit == NULL || g_strcmp0 (q.unit, q2.unit) == 0)
                && (q.kind == q2.kind || q.kind == TALLY_CLAIM_KIND_COUNT || q2.kind == TALLY_CLAIM_KIND_COUNT))
              {
                double scale = 1;

                if (scale2 && !has_scale)
                  {
                    /* "$3–4 billion": the scale belongs to both. */
                    const TallyToken *st = TOK (c, end2 - 1);

                    scale = st->lex != NULL ? st->lex->scale : 1;
                  }
                if (v2 > q.value * scale)
                  {
                    q.value *= scale;
                    q.value_max = v2;
                    q.has_max = TRUE;
                    if (q.kind == TALLY_CLAIM_KIND_COUNT && q2.kind != TALLY_CLAIM_KIND_COUNT)
                      {
                        q.kind = q2.kind;
                        q.unit = q2.unit;
                      }
                    q.compound = q.compound || q2.compound;
                    has_scale = has_scale || scale2;
                    k = k2;
                  }
              }
          }
      }
  }

  /* "12 or more", "80-plus" */
  {
    guint n;
    const TallyLexEntry *e = _tally_claims_match_phrase (c, k, TALLY_LEX_QUALIFIER_AFTER, &n);

    if (e == NULL && k < n_tokens (c) && TOK (c, k)->type == TALLY_TOKEN_DASH && attached (c, k))
      {
        e = _tally_claims_match_phrase (c, k + 1, TALLY_LEX_QUALIFIER_AFTER, &n);
        if (e != NULL)
          n++;
      }
    if (e != NULL && q.qualifier == TALLY_QUALIFIER_EXACT && !is_role (c, k + n, TALLY_ROLE_THAN))
      {
        q.qualifier = (TallyQualifier) e->qualifier_after;
        k += n;
      }
  }

  q.last = k - 1;
  q.after = k;
  q.bare = q.unit == NULL && q.kind == TALLY_CLAIM_KIND_COUNT && !has_scale;

  /* "served under three presidents": a preposition after a verb. */
  if (q.kind == TALLY_CLAIM_KIND_COUNT && q.first + 1 == q.num_first && q.first > 0
      && is_role (c, q.first, TALLY_ROLE_UNDER)
      && (is_role (c, q.first - 1, TALLY_ROLE_SERVED) || is_role (c, q.first - 1, TALLY_ROLE_WORKED) || is_role (c, q.first - 1, TALLY_ROLE_LIVED)))
    {
      q.qualifier = TALLY_QUALIFIER_EXACT;
      q.first = q.num_first;
    }
  /* "31 side events over three days": "over" is a preposition there; it
   * bounds a duration only after a verb ("lasted over three hours"). */
  if (q.kind == TALLY_CLAIM_KIND_DURATION && q.qualifier == TALLY_QUALIFIER_OVER && q.first + 1 == q.num_first
      && is_role (c, q.first, TALLY_ROLE_OVER)
      && !(q.first > 0 && (has_flag (c, q.first - 1, TALLY_LEX_LEVEL_VERB) || _tally_claims_looks_verb (c, q.first - 1)
                           || is_role (c, q.first - 1, TALLY_ROLE_FOR) || is_role (c, q.first - 1, TALLY_ROLE_TOOK)
                           || is_role (c, q.first - 1, TALLY_ROLE_TAKE))))
    {
      q.qualifier = TALLY_QUALIFIER_EXACT;
      q.first = q.num_first;
    }

  /* "two years ago" → a year. */
  if (q.kind == TALLY_CLAIM_KIND_DURATION && is_role (c, k, TALLY_ROLE_AGO) && g_str_equal (q.unit, "year")
      && !q.has_max)
    {
      TallyClaimRecord r = { 0 };

      _tally_claims_token_text (c, q.num_first, k, c->relative);
      r.relative = c->relative->str;
      r.kind = TALLY_CLAIM_KIND_YEAR;
      if (c->options->reference_year > 0)
        {
          r.has_value = TRUE;
          r.value = c->options->reference_year - q.value;
          _tally_claims_set_year_text (c->value_text, (int) r.value);
          r.value_text = c->value_text->str;
        }
      _tally_claims_event_measure (c, q.num_first, k);
      r.measure = c->measure->len > 0 ? c->measure->str : NULL;
      _tally_claims_emit (c, &r, q.num_first, k, 0, ss, se);
      return k + 1;
    }

  /* "512 to the dollar": an exchange rate, in the currency the clause names. */
  if (q.bare && !word_number && (is_role (c, k, TALLY_ROLE_PER) || (is_role (c, k, TALLY_ROLE_TO) && is_role (c, k + 1, TALLY_ROLE_THE))))
    {
      guint m = is_role (c, k, TALLY_ROLE_PER) ? k + 1 : k + 2;
      const TallyLexEntry *quote = is_word (c, m) ? TOK (c, m)->lex : NULL;

      if (quote != NULL && (quote->flags & TALLY_LEX_CURRENCY))
        {
          const char *base = NULL;
          TallyClaimRecord r = { 0 };

          for (gint b = (gint) q.first - 1; b >= 0 && !is_clause_break (c, b); b--)
            if (is_word (c, b) && has_flag (c, b, TALLY_LEX_CURRENCY))
              {
                base = TOK (c, b)->lex->currency;
                break;
              }
          g_string_printf (c->relative, "%s/%s", base ? base : "", quote->currency);
          r.kind = TALLY_CLAIM_KIND_NUMBER;
          r.has_value = TRUE;
          r.value = q.value;
          r.unit = c->relative->str;
          r.qualifier = q.qualifier;
          r.measure = (char *) "exchange rate";
          _tally_claims_emit (c, &r, q.first, m, 0, ss, se);
          return m + 1;
        }
    }
  /* "three times the usual": a multiplier, no quantity of its own. */
  if (q.bare && is_role (c, k, TALLY_ROLE_FOLD))
    return k + 1;
  if (q.bare && is_role (c, k, TALLY_ROLE_TIMES)
      && (is_determiner (c, k + 1) || is_role (c, k + 1, TALLY_ROLE_AS) || is_role (c, k + 1, TALLY_ROLE_MORE)
          || is_role (c, k + 1, TALLY_ROLE_LESS) || is_role (c, k + 1, TALLY_ROLE_HIGHER) || is_role (c, k + 1, TALLY_ROLE_LARGER)
          || is_role (c, k + 1, TALLY_ROLE_BIGGER) || is_role (c, k + 1, TALLY_ROLE_GREATER) || is_role (c, k + 1, TALLY_ROLE_FASTER)
          || is_role (c, k + 1, TALLY_ROLE_WHAT)))
    return k + 1;
  if (q.bare && word_number && !_tally_claims_compares_to_previous (c, q.first, NULL))
    {
      /* A number word needs a noun or a scale: "one of the …" is no claim. */
      if (is_role (c, num, TALLY_ROLE_ONE) || !is_word (c, k) || has_flag (c, k, TALLY_LEX_NP_BREAK)
          || has_flag (c, k, TALLY_LEX_LEVEL_VERB) || is_determiner (c, k))
        return end;
    }
  if (!isfinite (q.value) || (q.has_max && !isfinite (q.value_max)))
    return k;
  emit_quantity (c, &q, ss, se);
  return k;
}

/* "a third of the agreements", "two thirds of", "half of" → a share in %. */
guint
_tally_claims_match_fraction (Ctx   *c,
                              guint  i,
                              gsize  ss,
                              gsize  se)
{
  double count = 1, fraction;
  guint k = i, qual_first;
  Quantity q = { 0 };
  const TallyToken *t = TOK (c, i);

  if (is_role (c, k, TALLY_ROLE_A) || is_role (c, k, TALLY_ROLE_ONE))
    k++;
  else if (has_flag (c, k, TALLY_LEX_NUMBER) && !(t->flags & TALLY_TOKEN_HYPHENATED))
    {
      count = t->lex->number;
      k++;
    }
  if (is_word (c, k) && (TOK (c, k)->flags & TALLY_TOKEN_HYPHENATED) && k == i)
    {
      /* "two-thirds" */
      const TallyToken *h = TOK (c, k);
      const char *w = c->text + h->start;
      const char *dash = memchr (w, '-', h->end - h->start);
      const TallyLexEntry *l = tally_lexicon_lookup (c->lex, w, dash - w);
      const TallyLexEntry *r = tally_lexicon_lookup (c->lex, dash + 1, h->end - h->start - (dash + 1 - w));

      if (l == NULL || r == NULL || !(l->flags & TALLY_LEX_NUMBER) || !(r->flags & TALLY_LEX_FRACTION))
        return i;
      count = l->number;
      fraction = r->fraction;
    }
  else
    {
      if (!has_flag (c, k, TALLY_LEX_FRACTION))
        return i;
      fraction = TOK (c, k)->lex->fraction;
      /* "one third" and "a third" are shares; "the third" is an ordinal. */
      if (k == i && !is_role (c, k, TALLY_ROLE_HALF))
        return i;
    }
  /* A share ("a third of the projects") or a change ("rose by a quarter",
   * "grown by about a third"). */
  q.qualifier = qualifier_before (c, i, &qual_first);
  if ((qual_first > 0 && is_role (c, qual_first - 1, TALLY_ROLE_BY) && !is_role (c, k + 1, TALLY_ROLE_OF))
      || is_role (c, k + 1, TALLY_ROLE_MORE) || is_role (c, k + 1, TALLY_ROLE_LESS) || is_role (c, k + 1, TALLY_ROLE_HIGHER)
      || is_role (c, k + 1, TALLY_ROLE_LOWER) || is_role (c, k + 1, TALLY_ROLE_FEWER))
    q.change = TRUE;
  else if (!is_role (c, k + 1, TALLY_ROLE_OF)
           /* "nearly half faced delays", "half the projects" */
           && !(is_word (c, k + 1) && (_tally_claims_looks_verb (c, k + 1) || is_determiner (c, k + 1)))
           && !(k + 1 >= n_tokens (c) || TOK (c, k + 1)->type == TALLY_TOKEN_PUNCT))
    return i;
  q.kind = TALLY_CLAIM_KIND_PERCENT;
  q.unit = "%";
  q.value = round (count * fraction * 100 * 100) / 100;
  q.qualifier = qualifier_before (c, i, &qual_first);
  q.first = qual_first;
  q.num_first = i;
  q.last = k;
  q.after = k + 1;
  emit_quantity (c, &q, ss, se);
  return k + 1;
}

/* "the second summit", "2nd", "second-largest economy". */
guint
_tally_claims_match_ordinal (Ctx   *c,
                             guint  i,
                             gsize  ss,
                             gsize  se)
{
  const TallyToken *t = TOK (c, i);
  TallyClaimRecord r = { 0 };
  int ordinal = 0;
  guint next = i + 1, last = i;
  gsize end_byte = 0;

  if (t->type == TALLY_TOKEN_NUMBER)
    {
      ordinal = (int) t->mantissa;
      last = i + 1;
      next = i + 2;
    }
  else if (t->flags & TALLY_TOKEN_HYPHENATED)
    {
      const char *w = c->text + t->start;
      const char *dash = memchr (w, '-', t->end - t->start);
      const TallyLexEntry *l = tally_lexicon_lookup (c->lex, w, dash - w);

      if (l == NULL || !(l->flags & TALLY_LEX_ORDINAL))
        return i;
      ordinal = l->ordinal;
      /* "second-largest": the words are the whole compound. */
    }
  else if (t->lex != NULL && (t->lex->flags & TALLY_LEX_ORDINAL))
    ordinal = t->lex->ordinal;
  if (ordinal <= 0)
    return i;
  /* "a third of", "one fifth of": shares, not ordinals. */
  if (is_role (c, next, TALLY_ROLE_OF))
    return i + 1;
  /* "the first two jets": the ordinal ranks the jets. */
  if (next < n_tokens (c) && (is_number (c, next) || (has_flag (c, next, TALLY_LEX_NUMBER)
                                                       && !has_flag (c, next, TALLY_LEX_ORDINAL)))
      && _tally_claims_read_np (c, next + 1, NP_PLURAL) > next + 1 && c->measure->len > 0)
    {
      r.kind = TALLY_CLAIM_KIND_ORDINAL;
      r.has_value = TRUE;
      r.value = ordinal;
      r.measure = c->measure->str;
      _tally_claims_emit (c, &r, i, last, end_byte, ss, se);
      return last + 1;
    }

  if (_tally_claims_read_np (c, next, NP_SINGULAR) == next || c->measure->len == 0)
    {
      /* "a £310 million contract, its 2nd in the region" */
      if (i > 0 && (is_role (c, i - 1, TALLY_ROLE_ITS) || is_role (c, i - 1, TALLY_ROLE_THEIR) || is_role (c, i - 1, TALLY_ROLE_HIS)
                    || is_role (c, i - 1, TALLY_ROLE_HER)) && c->last_measure->len > 0)
        g_string_assign (c->measure, c->last_measure->str);
      else if (i > 2 && is_role (c, i - 1, TALLY_ROLE_THE) && punct_is (c, i - 2, ',') && punct_is (c, next, ',')
               && is_word (c, i - 3))
        {
          /* "Next year's edition, the sixth, is …": the noun it stands for. */
          const TallyToken *h = TOK (c, i - 3);

          g_string_truncate (c->measure, 0);
          tally_lemma_append (c->lex, c->measure, c->text + h->start, h->end - h->start);
        }
      else
        return i + 1;
    }
  {
    const char *head = strrchr (c->measure->str, ' ');
    const TallyLexEntry *e;

    head = head ? head + 1 : c->measure->str;
    e = tally_lexicon_lookup (c->lex, head, strlen (head));
    if (e != NULL && (e->flags & (TALLY_LEX_ORDINAL_SKIP | TALLY_LEX_MONTH | TALLY_LEX_STOP)))
      return i + 1;
  }
  /* The ordinal counts the head: "second China–Central Asia Summit" →
   * summit (names dropped by read_np), "second rail corridor" keeps its
   * lower-case modifiers. */
  r.kind = TALLY_CLAIM_KIND_ORDINAL;
  r.has_value = TRUE;
  r.value = ordinal;
  r.measure = c->measure->str;
  _tally_claims_emit (c, &r, i, last, end_byte, ss, se);
  return last + 1;
}
