/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-claims-private.h"
#include "tally-claims-zh.h"
#include "tally-language.h"
#include "tally-partial-date.h"

#include <math.h>
#include <stdlib.h>

/* The claim extractor's driver: tokens are gathered into sentences as they
 * arrive, and each sentence that holds something worth matching is walked
 * token by token (see tally-claims-private.h for the other parts). */

/* Looks up the lower-cased words i … i+k-1 as one key and returns the longest
 * match carrying one of `flags`; *n receives its length in tokens. */
static const TallyLexEntry *
match_phrase_max (Ctx     *c,
                  guint    i,
                  guint32  flags,
                  guint    max,
                  guint   *n)
{
  const TallyToken *t0;
  char buf[256];
  gsize blen = 0, cand_len[5];
  guint32 h = TALLY_LEXICON_HASH_INIT, cand_hash[5];
  guint kmax;

  *n = 0;
  if (i >= n_tokens (c))
    return NULL;
  t0 = TOK (c, i);
  if (t0->lex != NULL && (t0->lex->flags & TALLY_LEX_PHRASE_START) && (t0->lex->starts & flags))
    {
      /* Build the longest key once; each shorter one is a prefix of it
       * (less a possessive "'s" on its last word: "last year's"). */
      kmax = MIN (max, n_tokens (c) - i);
      for (guint k = 1; k <= kmax; k++)
        {
          const TallyToken *t = TOK (c, i + k - 1);
          gsize len = t->end - t->start, strip = 0;
          guint32 hk;

          if (k > 1 && (t->flags & TALLY_TOKEN_SPACE_BEFORE))
            {
              if (blen + 1 >= sizeof buf)
                {
                  kmax = k - 1;
                  break;
                }
              buf[blen++] = ' ';
              h = tally_lexicon_hash_step (h, ' ');
            }
          if (blen + len >= sizeof buf)
            {
              kmax = k - 1;
              break;
            }
          if (len > 2 && c->text[t->end - 2] == '\'' && c->text[t->end - 1] == 's')
            strip = 2;
          else if (len > 4 && memcmp (c->text + t->end - 4, "\xe2\x80\x99s", 4) == 0)
            strip = 4;
          memcpy (buf + blen, c->text + t->start, len);
          hk = tally_lexicon_hash_span (h, c->text + t->start, len - strip);
          h = tally_lexicon_hash_span (hk, c->text + t->end - strip, strip);
          cand_len[k] = blen + len - strip;
          cand_hash[k] = hk;
          blen += len;
        }
      for (guint k = kmax; k >= 2; k--)
        {
          const TallyLexEntry *e = tally_lexicon_lookup_hashed (c->lex, buf, cand_len[k], cand_hash[k]);

          if (e != NULL && (e->flags & flags))
            {
              *n = k;
              return e;
            }
        }
    }
  if (t0->lex != NULL && (t0->lex->flags & flags))
    {
      *n = 1;
      return t0->lex;
    }
  return NULL;
}

const TallyLexEntry *
_tally_claims_match_phrase (Ctx     *c,
                            guint    i,
                            guint32  flags,
                            guint   *n)
{
  return match_phrase_max (c, i, flags, 4, n);
}

/* The same, for a phrase that ends at token `end` (inclusive): "more than"
 * before "a dozen", not "more than a". */
const TallyLexEntry *
_tally_claims_match_phrase_before (Ctx     *c,
                                   guint    end,
                                   guint32  flags,
                                   guint   *n)
{
  for (guint k = MIN (4, end + 1); k >= 1; k--)
    {
      guint m;
      const TallyLexEntry *e = match_phrase_max (c, end + 1 - k, flags, k, &m);

      if (e != NULL && m == k)
        {
          *n = k;
          return e;
        }
    }
  *n = 0;
  return NULL;
}

/* The period a figure is tied to: a year after it in the same clause ("$94.8
 * billion in 2024"), else the nearest one before it ("In 2024, trade
 * reached …"). A year past a comma or another number belongs to another
 * figure ("…, against eight in 2023"); "than in 2023" is a baseline. */
static int
nearest_scope (Ctx  *c,
               guint first,
               guint last)
{
  int before = 0;
  guint before_dist = G_MAXUINT;

  for (guint s = 0; s < c->n_scopes; s++)
    {
      guint tok = c->scopes[s].token;

      if (tok > last && !(tok > 1 && is_role (c, tok - 2, TALLY_ROLE_THAN)))
        {
          gboolean same_clause = TRUE;

          for (guint k = last + 1; k < tok; k++)
            if (_tally_claims_resets_clause (c, k) || TOK (c, k)->type == TALLY_TOKEN_NUMBER || c->used->data[k])
              same_clause = FALSE;
          if (same_clause)
            return c->scopes[s].year;
        }
      /* "…this year, down from 18.6 million": a baseline has no period
       * of the sentence's, only one of its own ("…from $21 billion in 2019"). */
      if (tok < first && first > 0
          && (is_role (c, first - 1, TALLY_ROLE_FROM) || is_role (c, first - 1, TALLY_ROLE_AGAINST)
              || is_role (c, first - 1, TALLY_ROLE_THAN) || is_role (c, first - 1, TALLY_ROLE_WITH)))
        continue;
      if (tok < first && first - tok < before_dist)
        {
          gboolean new_clause = FALSE;

          /* "…last year, and the city plans 12,000 flats": a new clause with
           * a subject of its own starts after ", and". */
          for (guint k = tok + 1; k + 1 < first; k++)
            if (punct_is (c, k, ',') && (is_role (c, k + 1, TALLY_ROLE_AND) || is_role (c, k + 1, TALLY_ROLE_BUT)))
              new_clause = TRUE;
          if (new_clause)
            continue;
          before_dist = first - tok;
          before = c->scopes[s].year;
        }
    }
  return before;
}

/* A claim's context is its sentence, but no longer than a reader's
 * sentence: text without sentence ends (a 20 MB line, a list of figures)
 * would otherwise give every claim the whole file. */
#define CONTEXT_MAX 1000

static gsize
snap_forward (const char *text,
              gsize       at,
              gsize       limit)
{
  gsize i = at;

  /* To the next word when one starts close by, and never inside a character. */
  while (i < limit && i < at + 40 && text[i] != ' ')
    i++;
  if (i < limit && text[i] == ' ')
    return i + 1;
  while (at < limit && ((guchar) text[at] & 0xC0) == 0x80)
    at++;
  return at;
}

static gsize
snap_back (const char *text,
           gsize       at,
           gsize       floor)
{
  gsize i = at;

  while (i > floor && i + 40 > at && text[i - 1] != ' ')
    i--;
  if (i > floor && text[i - 1] == ' ')
    return i - 1;
  while (at > floor && ((guchar) text[at] & 0xC0) == 0x80)
    at--;
  return at;
}

static void
bound_context (Ctx              *c,
               TallyClaimRecord *record)
{
  gsize half, from, to;

  if (record->sentence_end <= record->sentence_start
      || record->sentence_end - record->sentence_start <= CONTEXT_MAX
      || record->end < record->start || record->end - record->start >= CONTEXT_MAX)
    return;
  half = (CONTEXT_MAX - (record->end - record->start)) / 2;
  from = record->start > record->sentence_start + half ? record->start - half : record->sentence_start;
  to = record->end + half < record->sentence_end ? record->end + half : record->sentence_end;
  /* A side that reached its sentence's edge gives its room to the other. */
  if (from == record->sentence_start)
    to = MIN (record->sentence_end, from + CONTEXT_MAX);
  else if (to == record->sentence_end)
    from = MAX (record->sentence_start, to - CONTEXT_MAX);
  if (from > record->sentence_start)
    from = MIN (snap_forward (c->text, from, record->start), record->start);
  if (to < record->sentence_end)
    to = MAX (snap_back (c->text, to, record->end), record->end);
  record->sentence_start = from;
  record->sentence_end = to;
}

void
_tally_claims_emit (Ctx                *c,
                    TallyClaimRecord   *record,
                    guint               first,
                    guint               last,
                    gsize               end_byte,
                    gsize               sentence_start,
                    gsize               sentence_end)
{
  record->start = TOK (c, first)->start;
  record->end = end_byte ? end_byte : TOK (c, last)->end;
  record->sentence_start = sentence_start;
  record->sentence_end = sentence_end;
  bound_context (c, record);
  if (record->kind != TALLY_CLAIM_KIND_YEAR && record->kind != TALLY_CLAIM_KIND_DATE
      && record->kind != TALLY_CLAIM_KIND_ORDINAL)
    record->scope_year = nearest_scope (c, first, last);
  /* "an increase of 35% since the second summit": its period is that span. */
  if (record->change && is_role (c, last + 1, TALLY_ROLE_SINCE))
    record->scope_year = 0;
  c->measure_from_before = FALSE;
  _tally_claims_context_claim (c, record, first, last);
  if (record->kind != TALLY_CLAIM_KIND_YEAR && record->kind != TALLY_CLAIM_KIND_DATE
      && record->kind != TALLY_CLAIM_KIND_ORDINAL && record->measure != NULL && record->measure != c->last_measure->str)
    {
      g_string_assign (c->last_measure, record->measure);
      if (record->kind == TALLY_CLAIM_KIND_COUNT)
        g_string_assign (c->last_count_measure, record->measure);
      c->last_claim_end = last;
      c->last_claim_start = first;
      g_strlcpy (c->last_unit, record->unit ? record->unit : "", sizeof c->last_unit);
    }
  for (guint i = first; i <= last; i++)
    c->used->data[i] = 1;
  _tally_claims_find_subject (c, record, first, last);
  c->n_claims++;
  if (c->func != NULL)
    c->func (record, c->user_data);
}

/* "more than a decade", "under a year", "nearly a month": "a" is one of the
 * duration after a qualifier (alone, "a year" is no figure). */
gboolean
_tally_claims_qualified_a_duration (Ctx  *c,
                                    guint i)
{
  guint n;

  return is_role (c, i, TALLY_ROLE_A) && has_flag (c, i + 1, TALLY_LEX_DURATION) && i > 0
         && _tally_claims_match_phrase_before (c, i - 1, TALLY_LEX_QUALIFIER, &n) != NULL;
}

static void
find_scopes (Ctx *c)
{
  c->n_scopes = 0;
  c->future = FALSE;
  for (guint k = 0; k < n_tokens (c); k++)
    {
      if (has_flag (c, k, TALLY_LEX_FUTURE))
        c->future = TRUE;
      if (c->n_scopes >= MAX_SCOPES || !is_plain_year (c, k) || k == 0 || !has_flag (c, k - 1, TALLY_LEX_SCOPE_PREP))
        continue;
      /* A span of years is no single period; a year after an event noun
       * dates the event ("the first summit in 2022"), not the figure. */
      if (k + 1 < n_tokens (c) && TOK (c, k + 1)->type == TALLY_TOKEN_DASH)
        continue;
      {
        gboolean event = FALSE;

        for (guint b = k >= 7 ? k - 7 : 0; b < k - 1; b++)
          if (has_flag (c, b, TALLY_LEX_EVENT))
            event = TRUE;
        if (event)
          continue;
      }
      c->scopes[c->n_scopes].token = k;
      c->scopes[c->n_scopes].year = (int) TOK (c, k)->mantissa;
      c->n_scopes++;
    }
  if (c->options->reference_year > 0 && c->n_scopes < MAX_SCOPES)
    for (guint k = 0; k + 1 < n_tokens (c); k++)
      {
        guint n;
        const TallyLexEntry *e;

        if (!(TOK (c, k)->lex != NULL && (TOK (c, k)->lex->starts & TALLY_LEX_RELATIVE_DATE)))
          continue;
        if (!has_flag (c, k + 1, TALLY_LEX_DURATION) && !has_flag (c, k + 2, TALLY_LEX_DURATION)
            && !is_role (c, k + 1, TALLY_ROLE_YEAR_POSS) && !is_role (c, k + 2, TALLY_ROLE_YEAR_POSS))
          continue;
        e = _tally_claims_match_phrase (c, k, TALLY_LEX_RELATIVE_DATE, &n);
        if (e != NULL && g_str_equal (e->relative_unit, "year") && c->n_scopes < MAX_SCOPES)
          {
            c->scopes[c->n_scopes].token = k;
            c->scopes[c->n_scopes].year = c->options->reference_year + e->relative_offset;
            c->n_scopes++;
          }
      }
}

static inline gboolean
token_is_candidate (const TallyToken *t)
{
  return t->type == TALLY_TOKEN_NUMBER || (t->flags & TALLY_TOKEN_HYPHENATED)
         || (t->lex != NULL
             && (t->lex->flags & (TALLY_LEX_NUMBER | TALLY_LEX_ORDINAL | TALLY_LEX_MONTH | TALLY_LEX_FRACTION
                                  | TALLY_LEX_RELATIVE_DATE | TALLY_LEX_DURATION)));
}

static void
process_sentence (Ctx *c)
{
  gsize ss, se;
  guint i = 0;

  if (n_tokens (c) == 0)
    return;
  set_len (c->used, n_tokens (c));
  memset (c->used->data, 0, n_tokens (c));
  _tally_claims_note_names (c);
  _tally_claims_context_sentence (c);
  if (!c->candidate)
    {
      c->tokens->len = 0;
      return;
    }
  c->candidate = FALSE;
  ss = TOK (c, 0)->start;
  se = TOK (c, n_tokens (c) - 1)->end;
  find_scopes (c);
  if (c->named_gathering->len == 0)
    _tally_claims_find_named_gathering (c);
  _tally_claims_subject_sentence (c);
  g_string_truncate (c->last_measure, 0);
  g_string_truncate (c->last_count_measure, 0);
  c->last_claim_end = 0;
  c->last_claim_start = 0;

  while (i < n_tokens (c))
    {
      const TallyToken *t = TOK (c, i);
      guint next = i;

      if (t->type == TALLY_TOKEN_URL || t->type == TALLY_TOKEN_PUNCT || t->type == TALLY_TOKEN_DASH)
        {
          i++;
          continue;
        }
      if (t->type == TALLY_TOKEN_NUMBER)
        {
          guint skip;

          if (is_plain_year (c, i) && (next = _tally_claims_match_iso_date (c, i, ss, se)) > i)
            {
              i = next;
              continue;
            }
          if ((next = _tally_claims_match_day_first (c, i, ss, se)) > i)
            {
              i = next;
              continue;
            }
          if ((skip = _tally_claims_never_claim (c, i)) > 0)
            {
              i += skip;
              continue;
            }
          if (is_word (c, i + 1) && attached (c, i + 1)
              && (is_role (c, i + 1, TALLY_ROLE_ST) || is_role (c, i + 1, TALLY_ROLE_ND) || is_role (c, i + 1, TALLY_ROLE_RD)
                  || is_role (c, i + 1, TALLY_ROLE_TH)))
            {
              next = _tally_claims_match_ordinal (c, i, ss, se);
              i = next > i ? next : i + 2;
              continue;
            }
          if (is_plain_year (c, i))
            {
              guint dummy;
              /* "2004 года" is a year, whatever "года" means elsewhere. */
              gboolean quantity = _tally_claims_currency_before (c, i, &dummy) != NULL
                                  || (!is_role (c, i + 1, TALLY_ROLE_YEAR_AFTER)
                                      && (has_flag (c, i + 1, TALLY_LEX_SCALE | TALLY_LEX_PERCENT | TALLY_LEX_UNIT
                                                              | TALLY_LEX_DURATION | TALLY_LEX_CURRENCY)
                                          || (i > 0 && has_flag (c, i - 1, TALLY_LEX_QUALIFIER)
                                              && !has_flag (c, i - 1, TALLY_LEX_SCOPE_PREP))
                                          || (is_word (c, i + 1) && _tally_claims_looks_plural (c, i + 1))));

              if (!quantity)
                {
                  i = _tally_claims_match_year (c, i, ss, se);
                  continue;
                }
            }
          next = _tally_claims_match_quantity (c, i, ss, se);
          i = next > i ? next : i + 1;
          continue;
        }
      if (t->type == TALLY_TOKEN_SYMBOL)
        {
          next = _tally_claims_match_quantity (c, i, ss, se);
          i = next > i ? next : i + 1;
          continue;
        }

      /* Words: most are stop words and the like, with nothing to start. */
      if (!(t->flags & TALLY_TOKEN_HYPHENATED)
          && (t->lex == NULL
              || (!(t->lex->flags & (TALLY_LEX_NUMBER | TALLY_LEX_ORDINAL | TALLY_LEX_MONTH | TALLY_LEX_FRACTION
                                     | TALLY_LEX_RELATIVE_DATE | TALLY_LEX_CURRENCY))
                  && !(t->lex->starts & TALLY_LEX_RELATIVE_DATE) && !is_role (c, i, TALLY_ROLE_A))))
        {
          i++;
          continue;
        }
      /* Every relative phrase ends in a time word ("year", "month", "ago"…):
       * "the" and "last" alone are not worth a phrase look-up. */
      if (t->lex != NULL
          && ((t->lex->flags & TALLY_LEX_RELATIVE_DATE)
              || ((t->lex->starts & TALLY_LEX_RELATIVE_DATE)
                  && (has_flag (c, i + 1, TALLY_LEX_DURATION | TALLY_LEX_RELATIVE_DATE)
                      || has_flag (c, i + 2, TALLY_LEX_DURATION | TALLY_LEX_RELATIVE_DATE)
                      || is_role (c, i + 1, TALLY_ROLE_YEAR_POSS) || is_role (c, i + 2, TALLY_ROLE_YEAR_POSS)
                      || is_role (c, i + 1, TALLY_ROLE_MONTH_POSS) || is_role (c, i + 2, TALLY_ROLE_MONTH_POSS))))
          && (next = _tally_claims_match_relative (c, i, ss, se)) > i)
        {
          i = next;
          continue;
        }
      if (_tally_claims_is_month (c, i))
        {
          i = _tally_claims_match_month_first (c, i, ss, se);
          continue;
        }
      if ((next = _tally_claims_match_fraction (c, i, ss, se)) > i)
        {
          i = next;
          continue;
        }
      if (t->lex != NULL && (t->lex->flags & TALLY_LEX_CURRENCY) && is_number (c, i + 1))
        {
          next = _tally_claims_match_quantity (c, i, ss, se);
          i = next > i ? next : i + 1;
          continue;
        }
      if ((t->lex != NULL && (t->lex->flags & TALLY_LEX_NUMBER))
          || (is_role (c, i, TALLY_ROLE_A) && (has_flag (c, i + 1, TALLY_LEX_SCALE) || is_role (c, i + 1, TALLY_ROLE_DOZEN)
                                               || _tally_claims_qualified_a_duration (c, i)))
          || (t->flags & TALLY_TOKEN_HYPHENATED))
        {
          next = _tally_claims_match_quantity (c, i, ss, se);
          if (next > i)
            {
              i = next;
              continue;
            }
        }
      if ((t->lex != NULL && (t->lex->flags & TALLY_LEX_ORDINAL)) || (t->flags & TALLY_TOKEN_HYPHENATED))
        {
          next = _tally_claims_match_rank (c, i, ss, se);
          if (next == i)
            next = _tally_claims_match_ordinal (c, i, ss, se);
          if (next > i)
            {
              i = next;
              continue;
            }
        }
      i++;
    }
  _tally_claims_subject_sentence_done (c);
  _tally_claims_context_sentence_done (c);
  c->tokens->len = 0;
}



/* "Mr.", "Dr.", "Inc." (the lexicon's [abbreviation] list) and initials. */
static gboolean
is_abbreviation (const TallyToken *t,
                 const char       *text)
{
  if (t->end - t->start == 1 && g_ascii_isupper (text[t->start]))
    return TRUE;  /* an initial: "J. Smith" */
  if (t->end - t->start == 2 && (guint8) text[t->start] == 0xD0 && (guint8) text[t->start + 1] >= 0x90
      && (guint8) text[t->start + 1] <= 0xAF)
    return TRUE;  /* a Cyrillic initial: "В. Путин" */
  return t->lex != NULL && (t->lex->flags & TALLY_LEX_ABBREVIATION);
}

/* A lower-case letter at `p`: ASCII or Cyrillic ("в 2023 г. компания"). */
static inline gboolean
starts_lower (const char *text,
              gsize       p,
              gsize       len)
{
  guint8 b0 = (guint8) text[p], b1;

  if (b0 < 0x80)
    return g_ascii_islower (b0);
  if (p + 1 >= len)
    return FALSE;
  b1 = (guint8) text[p + 1];
  return (b0 == 0xD0 && b1 >= 0xB0 && b1 <= 0xBF) || (b0 == 0xD1 && b1 >= 0x80 && b1 <= 0x9F);
}

/* Does the sentence end at the ".", "!" or "?" token `t`? Looks at the next
 * bytes: a space then a capital, digit or quote, or the end of the text. */
static gboolean
ends_sentence (const char       *text,
               gsize             len,
               const TallyToken *t,
               const TallyToken *prev)
{
  gsize p = t->end;
  char ch = text[t->start];

  if (ch == '.' && prev != NULL && prev->type == TALLY_TOKEN_WORD && prev->end == t->start
      && is_abbreviation (prev, text))
    return FALSE;
  /* Closing quotes and brackets belong to the sentence they close. */
  while (p < len && (text[p] == '"' || text[p] == ')' || text[p] == '\''
                     || (p + 2 < len && (guint8) text[p] == 0xE2 && (guint8) text[p + 1] == 0x80
                         && ((guint8) text[p + 2] == 0x9D || (guint8) text[p + 2] == 0x99))))
    p += (guint8) text[p] == 0xE2 ? 3 : 1;
  if (p >= len)
    return TRUE;
  if (text[p] != ' ' && text[p] != '\n' && text[p] != '\t' && text[p] != '\r'
      && !((guint8) text[p] == 0xC2 && p + 1 < len && (guint8) text[p + 1] == 0xA0))
    return FALSE;
  while (p < len && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r' || text[p] == '\n'))
    p++;
  if (p >= len)
    return TRUE;
  return !starts_lower (text, p, len);
}

/* A newline ends the sentence unless the line is wrapped prose: the next line
 * starts in lower case right after a word or a comma. */
static gboolean
newline_breaks (const char       *text,
                const TallyToken *prev,
                const TallyToken *next)
{
  if (next->flags & TALLY_TOKEN_BLANK_BEFORE)
    return TRUE;
  if (next->type == TALLY_TOKEN_WORD && starts_lower (text, next->start, next->end)
      && (prev->type == TALLY_TOKEN_WORD || prev->type == TALLY_TOKEN_NUMBER
          || (prev->type == TALLY_TOKEN_PUNCT && text[prev->start] == ',')))
    return FALSE;
  return TRUE;
}

static gboolean
is_sentence_punct (const char       *text,
                   const TallyToken *t)
{
  return t->type == TALLY_TOKEN_PUNCT && t->end - t->start == 1
         && (text[t->start] == '.' || text[t->start] == '!' || text[t->start] == '?');
}

static void
run (Ctx *c)
{
  gsize pos = 0;
  TallyToken token;
  /* Tokens the caller already has (ingest cut the text into sentences with
   * the same tokenizer): the text is not scanned a second time. */
  gboolean use_given = c->options->tokens != NULL;
  const TallyToken *given = use_given ? (const TallyToken *) c->options->tokens->data : NULL;
  guint n_given = use_given ? c->options->tokens->len : 0, next = 0;

  /* A sentence holds at most MAX_SENTENCE_TOKENS tokens: made room for once,
   * appending one is a store. */
  g_array_set_size (c->tokens, MAX_SENTENCE_TOKENS + 1);
  g_array_set_size (c->tokens, 0);
  while (given != NULL ? next < n_given : tally_tokenizer_next (c->lex, c->text, c->len, &pos, &token))
    {
      if (given != NULL)
        token = given[next++];
      if ((token.flags & TALLY_TOKEN_LINE_START) && n_tokens (c) > 0
          && newline_breaks (c->text, TOK (c, n_tokens (c) - 1), &token))
        process_sentence (c);
      /* room for MAX_SENTENCE_TOKENS + 1 was made before the loop; a run of
       * periods that end no sentence may go past it */
      if (c->tokens->len <= MAX_SENTENCE_TOKENS)
        g_array_index (c->tokens, TallyToken, c->tokens->len++) = token;
      else
        g_array_append_val (c->tokens, token);
      c->candidate |= token_is_candidate (&token);
      if (is_sentence_punct (c->text, &token))
        {
          const TallyToken *prev = n_tokens (c) > 1 ? TOK (c, n_tokens (c) - 2) : NULL;

          if (ends_sentence (c->text, c->len, &token, prev))
            process_sentence (c);
        }
      else if (n_tokens (c) >= MAX_SENTENCE_TOKENS)
        process_sentence (c);
    }
  process_sentence (c);
}

gboolean
tally_next_sentence_tokens (const char *text,
                            gsize       len,
                            gsize      *pos,
                            gsize      *start,
                            gsize      *end,
                            GArray     *tokens)
{
  return tally_next_sentence_tokens_in ("en", text, len, pos, start, end, tokens);
}

gboolean
tally_next_sentence_tokens_in (const char *language,
                               const char *text,
                               gsize       len,
                               gsize      *pos,
                               gsize      *start,
                               gsize      *end,
                               GArray     *tokens)
{
  const TallyLexicon *lex = tally_lexicon_get (language != NULL ? language : "en", NULL);
  TallyToken token, prev;
  gboolean have = FALSE;
  gsize p = *pos;

  g_return_val_if_fail (lex != NULL, FALSE);
  while (TRUE)
    {
      gsize before = p;

      if (!tally_tokenizer_next (lex, text, len, &p, &token))
        break;
      if (have && (token.flags & TALLY_TOKEN_LINE_START) && newline_breaks (text, &prev, &token))
        {
          p = before;
          break;
        }
      if (tokens != NULL)
        g_array_append_val (tokens, token);
      if (!have)
        *start = token.start;
      *end = token.end;
      if (is_sentence_punct (text, &token) && ends_sentence (text, len, &token, have ? &prev : NULL))
        {
          have = TRUE;
          break;
        }
      have = TRUE;
      prev = token;
    }
  *pos = p;
  return have;
}

gboolean
tally_next_sentence (const char *text,
                     gsize       len,
                     gsize      *pos,
                     gsize      *start,
                     gsize      *end)
{
  return tally_next_sentence_tokens (text, len, pos, start, end, NULL);
}

void
tally_extract_options_init (TallyExtractOptions *options)
{
  memset (options, 0, sizeof *options);
}

gboolean
tally_extract_options_set_reference_date (TallyExtractOptions *options,
                                          const char          *iso_date)
{
  TallyPartialDate date;

  if (!tally_partial_date_parse (iso_date, TALLY_PARTIAL_DATE_ALLOW_TIME, &date))
    return FALSE;
  options->reference_year = date.year;
  options->reference_month = date.month;
  options->reference_day = date.day;
  return TRUE;
}

/* The buffers of a run (strings, token arrays, the names-seen table) are
 * kept for the thread's next document: a corpus is thousands of short
 * documents, and making them anew for each cost as much as a page of text. */
#define CTX_STRINGS(X) X (key) X (measure) X (value_text) X (value_max_text) X (relative) X (last_measure) \
  X (last_count_measure) X (named_gathering) X (subject) X (last_person) X (last_subject) X (last_pair) X (last_mention) \
  X (lead_measure) X (context_measure) X (prev_measure) X (claim_subject) X (title_name)

static void
ctx_free_buffers (Ctx *c)
{
#define FREE_STRING(f) g_string_free (c->f, TRUE);
  CTX_STRINGS (FREE_STRING)
#undef FREE_STRING
  g_array_unref (c->tokens);
  g_byte_array_unref (c->used);
  g_free (c->names_seen);
  g_hash_table_unref (c->person_words);
  g_array_unref (c->chunk_cache);
  g_byte_array_unref (c->name_word_cache);
}

static void
spare_ctx_free (gpointer data)
{
  ctx_free_buffers (data);
  g_free (data);
}

static GPrivate spare_ctx = G_PRIVATE_INIT (spare_ctx_free);

/* Gives c fresh buffers: the thread's spare ones (emptied when they were
 * given back) or new ones. */
static void
ctx_take (Ctx *c)
{
  Ctx *spare = g_private_get (&spare_ctx);

  if (spare != NULL)
    {
      g_private_set (&spare_ctx, NULL);
#define TAKE_STRING(f) c->f = spare->f;
      CTX_STRINGS (TAKE_STRING)
#undef TAKE_STRING
      c->tokens = spare->tokens;
      c->used = spare->used;
      c->names_seen = spare->names_seen;
      c->person_words = spare->person_words;
      c->chunk_cache = spare->chunk_cache;
      c->name_word_cache = spare->name_word_cache;
      g_free (spare);
      return;
    }
#define NEW_STRING(f) c->f = g_string_new (NULL);
  CTX_STRINGS (NEW_STRING)
#undef NEW_STRING
  c->tokens = g_array_sized_new (FALSE, FALSE, sizeof (TallyToken), 128);
  c->used = g_byte_array_sized_new (MAX_SENTENCE_TOKENS + 1);
  c->names_seen = g_malloc0 (NAMES_SEEN_BITS / 8);
  c->person_words = g_hash_table_new (NULL, NULL);
  /* room for a sentence's tokens: see set_len () */
  c->chunk_cache = g_array_sized_new (FALSE, TRUE, sizeof (ChunkCache), MAX_SENTENCE_TOKENS + 1);
  c->name_word_cache = g_byte_array_sized_new (MAX_SENTENCE_TOKENS + 1);
}

/* Empties c's buffers and keeps them as the thread's spare ones (freed when
 * the thread ends), unless it already has some. */
static void
ctx_give_back (Ctx *c)
{
  Ctx *spare;

  if (g_private_get (&spare_ctx) != NULL)
    {
      ctx_free_buffers (c);
      return;
    }
  spare = g_new0 (Ctx, 1);
#define KEEP_STRING(f) g_string_truncate (c->f, 0); spare->f = c->f;
  CTX_STRINGS (KEEP_STRING)
#undef KEEP_STRING
  g_array_set_size (c->tokens, 0);
  g_byte_array_set_size (c->used, 0);
  memset (c->names_seen, 0, NAMES_SEEN_BITS / 8);
  g_hash_table_remove_all (c->person_words);
  g_array_set_size (c->chunk_cache, 0);
  g_byte_array_set_size (c->name_word_cache, 0);
  spare->tokens = c->tokens;
  spare->used = c->used;
  spare->names_seen = c->names_seen;
  spare->person_words = c->person_words;
  spare->chunk_cache = c->chunk_cache;
  spare->name_word_cache = c->name_word_cache;
  g_private_set (&spare_ctx, spare);
}

const char *
tally_claims_language_for (const char *language)
{
  return _tally_claims_is_zh (language) ? "zh" : tally_lexicon_language_for (language);
}

/* ------------------------------------------------------------------------ */
/* Paragraphs in another language (a quotation or summary in Chinese on an   */
/* English page): read by that language's reader.                           */

/* A paragraph shorter than this is not worth telling its language: too few
 * words to tell, and a name or a quoted word is no paragraph in a language. */
#define PARAGRAPH_MIN_BYTES 80

typedef struct
{
  gsize start;
  gsize end;
  const char *reader;   /* tally_claims_language_for() of its language */
  const char *language; /* as detected */
} Foreign;

/* Whether the paragraph holds a letter of a script the document's reader
 * does not read: Han or Cyrillic for English, Han or Latin words for
 * Russian, Cyrillic or Latin words for Chinese. A byte scan: most
 * paragraphs of most documents are not candidates. */
static gboolean
other_script_candidate (const char *p,
                        gsize       len,
                        const char *reader)
{
  guint latin = 0;
  gboolean han = FALSE, cyrillic = FALSE;

  /* English text is mostly ASCII: eight bytes at a time past it. */
  if (g_str_equal (reader, "en"))
    {
      for (gsize i = 0; i < len;)
        {
          guint64 word;
          guchar b;

          if (i + 8 <= len)
            {
              memcpy (&word, p + i, 8);
              if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
                {
                  i += 8;
                  continue;
                }
            }
          b = (guchar) p[i++];
          if (b == 0xD0 || b == 0xD1 || (b >= 0xE4 && b <= 0xE9))
            return TRUE;
        }
      return FALSE;
    }
  for (gsize i = 0; i < len; i++)
    {
      guchar b = (guchar) p[i];

      if (b == 0xD0 || b == 0xD1)
        cyrillic = TRUE;
      else if (b >= 0xE4 && b <= 0xE9)
        han = TRUE;
      else if (g_ascii_isalpha (b))
        latin++;
    }
  if (g_str_equal (reader, "zh"))
    return !han && (cyrillic || latin >= 40);
  return han || (!cyrillic && latin >= 40);
}

static GArray *
find_foreign_paragraphs (const char *text,
                         gsize       len,
                         const char *reader)
{
  GArray *found = NULL;
  gsize start = 0;

  while (start < len)
    {
      const char *nl = memchr (text + start, '\n', len - start);
      gsize end = nl != NULL ? (gsize) (nl - text) : len;

      if (end - start >= PARAGRAPH_MIN_BYTES && other_script_candidate (text + start, end - start, reader))
        {
          const char *language = tally_language_detect (text + start, end - start);
          const char *other = g_str_equal (language, "und") ? reader : tally_claims_language_for (language);

          if (!g_str_equal (other, reader))
            {
              Foreign f = { start, end, other, language };

              if (found == NULL)
                found = g_array_new (FALSE, FALSE, sizeof (Foreign));
              g_array_append_val (found, f);
            }
        }
      start = end + 1;
    }
  return found;
}

GArray *
tally_claims_paragraph_languages (const char *text,
                                  gsize       len,
                                  const char *language)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (TallyParagraphLanguage));
  g_autoptr(GArray) foreign = NULL;

  g_return_val_if_fail (text != NULL || len == 0, out);
  foreign = find_foreign_paragraphs (text, len, tally_claims_language_for (language));
  for (guint i = 0; foreign != NULL && i < foreign->len; i++)
    {
      const Foreign *f = &g_array_index (foreign, Foreign, i);
      TallyParagraphLanguage p = { f->start, f->end, f->language };

      g_array_append_val (out, p);
    }
  return out;
}

static int
compare_claim_start (gconstpointer a,
                     gconstpointer b)
{
  const TallyClaimRecord *x = *(TallyClaimRecord * const *) a, *y = *(TallyClaimRecord * const *) b;

  return (x->start > y->start) - (x->start < y->start);
}

static void
collect_copy (const TallyClaimRecord *claim,
              gpointer                user_data)
{
  g_ptr_array_add (user_data, tally_claim_record_copy (claim));
}

static guint extract_one_language (const char *text, gsize len, const TallyExtractOptions *options,
                                   TallyClaimFunc func, gpointer user_data);

/* The document's reader on the whole text, less what it found inside the
 * foreign paragraphs; each of those read by its own language's reader;
 * all the claims handed on in text order. */
static guint
extract_mixed (const char                *text,
               gsize                      len,
               const TallyExtractOptions *options,
               GArray                    *foreign,
               TallyClaimFunc             func,
               gpointer                   user_data)
{
  g_autoptr(GPtrArray) main = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint f = 0;

  extract_one_language (text, len, options, collect_copy, main);
  for (guint i = 0; i < main->len; i++)
    {
      TallyClaimRecord *c = g_ptr_array_index (main, i);
      gboolean inside = FALSE;

      for (f = 0; f < foreign->len && !inside; f++)
        inside = c->start >= g_array_index (foreign, Foreign, f).start && c->start < g_array_index (foreign, Foreign, f).end;
      if (!inside)
        g_ptr_array_add (all, c);
    }
  for (f = 0; f < foreign->len; f++)
    {
      const Foreign *range = &g_array_index (foreign, Foreign, f);
      TallyExtractOptions own = *options;
      GPtrArray *part = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);

      own.language = range->reader;
      own.tokens = NULL;
      extract_one_language (text + range->start, range->end - range->start, &own, collect_copy, part);
      for (guint i = 0; i < part->len; i++)
        {
          TallyClaimRecord *c = g_ptr_array_index (part, i);

          c->start += range->start;
          c->end += range->start;
          c->sentence_start += range->start;
          c->sentence_end += range->start;
          g_ptr_array_add (all, c);
        }
      g_ptr_array_add (parts, part);
    }
  g_ptr_array_sort (all, compare_claim_start);
  for (guint i = 0; i < all->len; i++)
    func (g_ptr_array_index (all, i), user_data);
  return all->len;
}

guint
tally_extract_claims_foreach (const char                *text,
                              gsize                      len,
                              const TallyExtractOptions *options,
                              TallyClaimFunc             func,
                              gpointer                   user_data)
{
  TallyExtractOptions defaults;
  g_autoptr(GArray) foreign = NULL;

  g_return_val_if_fail (text != NULL || len == 0, 0);
  if (options == NULL)
    {
      tally_extract_options_init (&defaults);
      options = &defaults;
    }
  foreign = find_foreign_paragraphs (text, len, tally_claims_language_for (options->language));
  if (foreign != NULL)
    return extract_mixed (text, len, options, foreign, func, user_data);
  return extract_one_language (text, len, options, func, user_data);
}

static guint
extract_one_language (const char                *text,
                      gsize                      len,
                      const TallyExtractOptions *options,
                      TallyClaimFunc             func,
                      gpointer                   user_data)
{
  g_autoptr(GError) error = NULL;
  Ctx c = { 0 };

  /* Chinese is read character by character, not in English tokens. */
  if (_tally_claims_is_zh (options->language))
    return _tally_claims_zh_foreach (text, len, options, func, user_data);
  c.lex = tally_lexicon_get (options->language ? options->language : "en", &error);
  if (c.lex == NULL)
    {
      g_critical ("No lexicon for “%s”: %s", options->language ? options->language : "en", error->message);
      return 0;
    }
  c.text = text;
  c.len = len;
  c.options = options;
  c.func = func;
  c.user_data = user_data;
  ctx_take (&c);
  c.initial_measure = G_MAXUINT;
  _tally_claims_note_title (&c);

  run (&c);

  ctx_give_back (&c);
  return c.n_claims;
}

static void
collect (const TallyClaimRecord *claim,
         gpointer                user_data)
{
  g_ptr_array_add (user_data, tally_claim_record_copy (claim));
}

GPtrArray *
tally_extract_claims (const char                *text,
                      gsize                      len,
                      const TallyExtractOptions *options)
{
  GPtrArray *claims = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);

  tally_extract_claims_foreach (text, len, options, collect, claims);
  if (options == NULL || options->reference_year == 0)
    tally_claims_infer_years (claims, text, len, options ? options->language : NULL);
  return claims;
}
