/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-claims.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tally-lemma.h"
#include "tally-lexicon.h"
#include "tally-tokenizer.h"

/* A sentence longer than this is cut: a 10 MB line without a full stop must
 * not grow the token buffer without bound. */
#define MAX_SENTENCE_TOKENS 600
#define MAX_SCOPES 8
#define NP_MAX_WORDS 6

typedef struct
{
  guint token;
  int year;
} Scope;

typedef struct
{
  const TallyLexicon *lex;
  const char *text;
  gsize len;
  const TallyExtractOptions *options;
  TallyClaimFunc func;
  gpointer user_data;

  GArray *tokens;
  GByteArray *used;
  GString *key;
  GString *measure;
  GString *value_text;
  GString *value_max_text;
  GString *relative;
  GString *last_measure;   /* the measure of the sentence's previous claim */
  guint last_claim_end;    /* and its last token */
  guint last_claim_start;  /* and its first */
  char last_unit[16];      /* and its unit */

  Scope scopes[MAX_SCOPES];
  guint n_scopes;
  gboolean future;
  gboolean candidate;      /* the sentence so far holds something to match */
  guint n_claims;
} Ctx;

/* What the matcher makes of one quantity before it becomes a record. */
typedef struct
{
  guint first;        /* first token of the claim (qualifier included) */
  guint last;         /* last token of the claim */
  guint num_first;    /* the first numeral */
  guint after;        /* first token after the quantity and its unit */
  TallyClaimKind kind;
  double value;
  double value_max;
  gboolean has_max;
  const char *unit;
  TallyQualifier qualifier;
  gboolean change;
  gboolean compound;  /* "48-hour visit": the noun after is the measure */
  gboolean word_number;
  gboolean bare;      /* no unit, no currency, no scale */
  gboolean has_scale;
  gsize end_byte;     /* when the claim ends inside its last token */
} Quantity;

#define TOK(c, i) (&g_array_index ((c)->tokens, TallyToken, (i)))

static inline guint
n_tokens (Ctx *c)
{
  return c->tokens->len;
}

static inline gboolean
has_flag (Ctx     *c,
          guint    i,
          guint32  flag)
{
  const TallyToken *t;

  if (i >= n_tokens (c))
    return FALSE;
  t = TOK (c, i);
  return t->lex != NULL && (t->lex->flags & flag) != 0;
}

static inline gboolean
is_word (Ctx *c,
         guint i)
{
  return i < n_tokens (c) && TOK (c, i)->type == TALLY_TOKEN_WORD;
}

static inline gboolean
is_number (Ctx *c,
           guint i)
{
  return i < n_tokens (c) && TOK (c, i)->type == TALLY_TOKEN_NUMBER
         && !(TOK (c, i)->flags & TALLY_TOKEN_NUMBER_HUGE);
}

static inline gboolean
attached (Ctx *c,
          guint i)
{
  return i < n_tokens (c) && !(TOK (c, i)->flags & TALLY_TOKEN_SPACE_BEFORE);
}

static inline gboolean
token_is_n (Ctx        *c,
            guint       i,
            const char *str,
            gsize       n)
{
  const TallyToken *t;

  if (i >= n_tokens (c))
    return FALSE;
  t = TOK (c, i);
  return t->end - t->start == n && (c->text[t->start] | 0x20) == (str[0] | 0x20)
         && g_ascii_strncasecmp (c->text + t->start, str, n) == 0;
}

/* Literal strings only: their length is known at compile time. */
#define token_is(c, i, str) token_is_n ((c), (i), ("" str), sizeof (str) - 1)

static gboolean
punct_is (Ctx  *c,
          guint i,
          char  ch)
{
  const TallyToken *t;

  if (i >= n_tokens (c))
    return FALSE;
  t = TOK (c, i);
  return t->type != TALLY_TOKEN_WORD && t->end - t->start == 1 && c->text[t->start] == ch;
}

static gboolean
is_plain_year (Ctx *c,
               guint i)
{
  const TallyToken *t;

  if (!is_number (c, i))
    return FALSE;
  t = TOK (c, i);
  return t->n_int_digits == 4 && t->decimals == 0 && !(t->flags & TALLY_TOKEN_NUMBER_SEP)
         && t->mantissa >= 1800 && t->mantissa <= 2199;
}

static int
small_int (Ctx *c,
           guint i)
{
  const TallyToken *t;

  if (!is_number (c, i))
    return -1;
  t = TOK (c, i);
  if (t->decimals != 0 || (t->flags & TALLY_TOKEN_NUMBER_SEP) || t->n_int_digits > 2)
    return -1;
  return (int) t->mantissa;
}

/* Looks up the lower-cased words i … i+k-1 as one key and returns the longest
 * match carrying one of `flags`; *n receives its length in tokens. */
static const TallyLexEntry *
match_phrase (Ctx     *c,
              guint    i,
              guint32  flags,
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
      kmax = MIN (4, n_tokens (c) - i);
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
          hk = h;
          for (gsize b = 0; b < len; b++)
            {
              guint8 byte = (guint8) c->text[t->start + b];

              buf[blen + b] = (char) byte;
              h = tally_lexicon_hash_step (h, byte);
              if (b < len - strip)
                hk = tally_lexicon_hash_step (hk, byte);
            }
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

/* The same, for a phrase that ends at token `end` (inclusive). */
static const TallyLexEntry *
match_phrase_before (Ctx     *c,
                     guint    end,
                     guint32  flags,
                     guint   *n)
{
  for (guint k = MIN (4, end + 1); k >= 1; k--)
    {
      guint m;
      const TallyLexEntry *e = match_phrase (c, end + 1 - k, flags, &m);

      if (e != NULL && m == k)
        {
          *n = k;
          return e;
        }
    }
  *n = 0;
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* Emitting                                                               */

static gboolean is_clause_break (Ctx  *c,
                                 guint i);
static gboolean resets_clause (Ctx  *c,
                               guint i);
static gboolean punct_is (Ctx  *c,
                          guint i,
                          char  ch);

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

      if (tok > last && !(tok > 1 && token_is (c, tok - 2, "than")))
        {
          gboolean same_clause = TRUE;

          for (guint k = last + 1; k < tok; k++)
            if (resets_clause (c, k) || TOK (c, k)->type == TALLY_TOKEN_NUMBER || c->used->data[k])
              same_clause = FALSE;
          if (same_clause)
            return c->scopes[s].year;
        }
      if (tok < first && first - tok < before_dist)
        {
          gboolean new_clause = FALSE;

          /* "…last year, and the city plans 12,000 flats": a new clause with
           * a subject of its own starts after ", and". */
          for (guint k = tok + 1; k + 1 < first; k++)
            if (punct_is (c, k, ',') && (token_is (c, k + 1, "and") || token_is (c, k + 1, "but")))
              new_clause = TRUE;
          if (new_clause)
            continue;
          before_dist = first - tok;
          before = c->scopes[s].year;
        }
    }
  return before;
}

static void
emit (Ctx                *c,
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
  if (record->kind != TALLY_CLAIM_KIND_YEAR && record->kind != TALLY_CLAIM_KIND_DATE
      && record->kind != TALLY_CLAIM_KIND_ORDINAL)
    record->scope_year = nearest_scope (c, first, last);
  if (record->kind != TALLY_CLAIM_KIND_YEAR && record->kind != TALLY_CLAIM_KIND_DATE
      && record->kind != TALLY_CLAIM_KIND_ORDINAL && record->measure != NULL && record->measure != c->last_measure->str)
    {
      g_string_assign (c->last_measure, record->measure);
      c->last_claim_end = last;
      c->last_claim_start = first;
      g_strlcpy (c->last_unit, record->unit ? record->unit : "", sizeof c->last_unit);
    }
  for (guint i = first; i <= last; i++)
    c->used->data[i] = 1;
  c->n_claims++;
  if (c->func != NULL)
    c->func (record, c->user_data);
}

/* ---------------------------------------------------------------------- */
/* Measures                                                               */

static gboolean
looks_plural (Ctx  *c,
              guint i)
{
  const TallyToken *t = TOK (c, i);
  const char *w = c->text + t->start;
  gsize n = t->end - t->start;

  if (n < 4 || (t->flags & TALLY_TOKEN_CAPITALIZED))
    return FALSE;
  /* Listed lemmas: "countries" is plural; "proceeds" and "goods" are too,
   * though their lemma is the word itself. */
  if (t->lex != NULL && (t->lex->flags & TALLY_LEX_LEMMA))
    return strncmp (t->lex->lemma, w, n) != 0 || (w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u');
  return w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i'
         && w[n - 2] != '\'';
}

static gboolean
looks_verb (Ctx  *c,
            guint i)
{
  const TallyToken *t = TOK (c, i);
  const char *w = c->text + t->start;
  gsize n = t->end - t->start;

  if (t->flags & TALLY_TOKEN_CAPITALIZED)
    return FALSE;
  if (t->lex != NULL && (t->lex->flags & TALLY_LEX_LEVEL_VERB))
    return (t->lex->flags & TALLY_LEX_STOP) == 0;
  return n > 4 && ((w[n - 2] == 'e' && w[n - 1] == 'd') || (w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g'));
}

/* "-ed" and "-ing" forms: a verb, or an adjective before a noun. */
static gboolean
looks_participle (Ctx  *c,
                  guint i)
{
  const TallyToken *t = TOK (c, i);
  const char *w = c->text + t->start;
  gsize n = t->end - t->start;

  if (t->flags & TALLY_TOKEN_CAPITALIZED)
    return FALSE;
  return n > 4 && ((w[n - 2] == 'e' && w[n - 1] == 'd') || (w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g'));
}

static gboolean
is_possessive (Ctx *c,
               guint i)
{
  const TallyToken *t = TOK (c, i);
  gsize n = t->end - t->start;
  const char *w = c->text + t->start;

  return (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
         || (n > 4 && memcmp (w + n - 4, "\xe2\x80\x99s", 4) == 0);
}

typedef enum
{
  NP_PLURAL,     /* stop after the first plural noun: counts */
  NP_SINGULAR,   /* ordinals: stop before a verb-like -s word */
  NP_ANY,
} NpMode;

/* Reads a noun phrase from token i and writes its lemma phrase into
 * c->measure: determiners and vague adjectives dropped, proper-noun
 * modifiers dropped, the head lemmatised, at most three words. Returns the
 * index after the phrase, or i when there was none. */
static inline gboolean
is_determiner (Ctx  *c,
               guint i)
{
  return has_flag (c, i, TALLY_LEX_DETERMINER);
}

/* Capitalised, and not merely because it starts the sentence. */
static gboolean
is_proper (Ctx  *c,
           guint i)
{
  return (TOK (c, i)->flags & TALLY_TOKEN_CAPITALIZED) && i > 0;
}

/* "four-lane", "five-year": a number in a compound modifier. */
static gboolean
is_number_compound (Ctx  *c,
                    guint i)
{
  const TallyToken *t = TOK (c, i);
  const char *w = c->text + t->start;
  const char *dash;
  const TallyLexEntry *l;

  if (!(t->flags & TALLY_TOKEN_HYPHENATED))
    return FALSE;
  dash = memchr (w, '-', t->end - t->start);
  l = tally_lexicon_lookup (c->lex, w, dash - w);
  return l != NULL && (l->flags & TALLY_LEX_NUMBER);
}

static guint
read_np (Ctx    *c,
         guint   i,
         NpMode  mode)
{
  guint words[NP_MAX_WORDS];
  guint n = 0, k = i;
  guint kept[NP_MAX_WORDS];
  guint n_kept = 0;
  const TallyLexEntry *phrase = NULL;

  g_string_truncate (c->measure, 0);
  while (k < n_tokens (c) && n < NP_MAX_WORDS)
    {
      const TallyToken *t = TOK (c, k);

      /* "Baltic–Caspian Summit": a dash between two names joins them. */
      if (t->type == TALLY_TOKEN_DASH && n > 0 && is_proper (c, words[n - 1])
          && is_word (c, k + 1) && (TOK (c, k + 1)->flags & TALLY_TOKEN_CAPITALIZED))
        {
          k++;
          continue;
        }
      if (t->type != TALLY_TOKEN_WORD)
        break;
      if (t->lex != NULL && (t->lex->flags & (TALLY_LEX_NUMBER | TALLY_LEX_MONTH)) && !(t->lex->flags & TALLY_LEX_STOP))
        break;
      /* A verb ends the phrase ("trade reached"); "operating costs, …" and
       * "seats" before anything but a figure are nouns. */
      if (n > 0 && t->lex != NULL && (t->lex->flags & TALLY_LEX_LEVEL_VERB) && !(t->lex->flags & TALLY_LEX_STOP)
          && !(looks_plural (c, k) && !is_number (c, k + 1) && !(k + 1 < n_tokens (c) && TOK (c, k + 1)->type == TALLY_TOKEN_SYMBOL)
               && !is_determiner (c, k + 1) && !has_flag (c, k + 1, TALLY_LEX_NP_BREAK | TALLY_LEX_QUALIFIER)))
        break;
      if (n > 0 && is_determiner (c, k))
        break;
      if (t->lex != NULL && (t->lex->flags & TALLY_LEX_NP_BREAK))
        {
          /* "bilateral and multilateral meetings" */
          if ((token_is (c, k, "and") || token_is (c, k, "or")) && n > 0 && mode == NP_PLURAL
              && !looks_plural (c, words[n - 1]) && is_word (c, k + 1)
              && !has_flag (c, k + 1, TALLY_LEX_NP_BREAK | TALLY_LEX_NUMBER | TALLY_LEX_STOP)
              && !(TOK (c, k + 1)->flags & TALLY_TOKEN_CAPITALIZED))
            {
              words[n++] = k++;
              continue;
            }
          break;
        }
      /* "-ed"/"-ing" words modify a noun that follows ("planned rail
       * corridors"); otherwise they are the verb ("agreements signed"). */
      if (n > 0 && looks_participle (c, k)
          && !(is_word (c, k + 1) && !has_flag (c, k + 1, TALLY_LEX_NP_BREAK | TALLY_LEX_STOP) && !is_determiner (c, k + 1)))
        break;
      /* "Summit opens", "economy enables it": a verb, not a plural noun. */
      if (mode != NP_PLURAL && n > 0 && looks_plural (c, k)
          && ((mode == NP_SINGULAR && is_proper (c, words[n - 1]))
              || (is_word (c, k + 1) && is_determiner (c, k + 1) && !token_is (c, k + 1, "this")
                  && !token_is (c, k + 1, "that") && !token_is (c, k + 1, "these") && !token_is (c, k + 1, "those"))
              || (k + 1 < n_tokens (c) && (TOK (c, k + 1)->type == TALLY_TOKEN_NUMBER
                                           || TOK (c, k + 1)->type == TALLY_TOKEN_SYMBOL))))
        break;
      if (n > 0 && is_proper (c, k) && !is_proper (c, words[n - 1]) && looks_plural (c, words[n - 1]))
        break;
      words[n++] = k++;
      if (mode == NP_PLURAL && looks_plural (c, k - 1))
        {
          /* "heads of government" */
          if (token_is (c, k, "of") && is_word (c, k + 1))
            {
              const TallyToken *h = TOK (c, k - 1), *o = TOK (c, k + 1);

              phrase = tally_lexicon_lookup (c->lex, c->text + h->start, o->end - h->start);
              if (phrase != NULL && (phrase->flags & TALLY_LEX_LEMMA))
                k += 2;
              else
                phrase = NULL;
            }
          break;
        }
    }
  if (n == 0)
    return i;

  for (guint w = 0; w < n; w++)
    {
      const TallyToken *t = TOK (c, words[w]);
      gboolean last = w == n - 1;

      if (t->lex != NULL && (t->lex->flags & TALLY_LEX_STOP) && !last)
        continue;
      if (t->lex != NULL && (t->lex->flags & TALLY_LEX_STOP) && last && !(t->lex->flags & TALLY_LEX_LEMMA))
        continue;
      /* Names, possessives, "four-lane" and ordinals (their own claims) are
       * not part of what is measured. */
      if (!last && (is_proper (c, words[w]) || is_possessive (c, words[w]) || is_number_compound (c, words[w])
                    || (t->lex != NULL && (t->lex->flags & TALLY_LEX_ORDINAL))))
        continue;
      kept[n_kept++] = words[w];
    }
  /* Connectives left dangling at either end once modifiers are dropped. */
  while (n_kept > 0 && has_flag (c, kept[0], TALLY_LEX_NP_BREAK))
    {
      memmove (kept, kept + 1, (n_kept - 1) * sizeof (guint));
      n_kept--;
    }
  if (n_kept == 0)
    return i;
  for (guint w = n_kept > 4 ? n_kept - 4 : 0; w < n_kept; w++)
    {
      const TallyToken *t = TOK (c, kept[w]);

      if (c->measure->len > 0)
        g_string_append_c (c->measure, ' ');
      if (w == n_kept - 1 && phrase != NULL)
        g_string_append (c->measure, phrase->lemma);
      else if (w == n_kept - 1)
        tally_lemma_append (c->lex, c->measure, c->text + t->start, t->end - t->start);
      else
        for (gsize b = t->start; b < t->end; b++)
          g_string_append_c (c->measure, g_ascii_tolower (c->text[b]));
    }
  return phrase != NULL ? words[n - 1] + 3 : words[n - 1] + 1;
}

static gboolean
is_clause_break (Ctx  *c,
                 guint i)
{
  const TallyToken *t = TOK (c, i);

  return t->type == TALLY_TOKEN_PUNCT && t->end - t->start == 1
         && strchr (",;:()", c->text[t->start]) != NULL;
}

static inline gboolean
is_modal (Ctx  *c,
          guint i)
{
  return has_flag (c, i, TALLY_LEX_MODAL);
}

static gboolean
resets_clause (Ctx  *c,
               guint i)
{
  return is_clause_break (c, i) || has_flag (c, i, TALLY_LEX_CLAUSE_RESET);
}

/* The first noun phrase in tokens [from, to): a clause's subject. */
static gboolean
subject_in (Ctx  *c,
            gint  from,
            gint  to,
            gboolean verb_follows)
{
  for (gint k = from; k < to; k++)
    {
      const TallyToken *t = TOK (c, k);
      guint after;

      if (t->type != TALLY_TOKEN_WORD || has_flag (c, k, TALLY_LEX_NP_BREAK | TALLY_LEX_STOP) || c->used->data[k])
        continue;
      /* Part of another claim: "the 48-hour visit". */
      if (k > 0 && TOK (c, k - 1)->type == TALLY_TOKEN_DASH && c->used->data[k - 1])
        continue;
      if (k > 1 && TOK (c, k - 1)->type == TALLY_TOKEN_DASH && attached (c, k) && c->used->data[k - 2])
        continue;
      /* A proper noun: "China's exports" — read on for the noun. */
      if (is_proper (c, k) || is_possessive (c, k) || looks_verb (c, k)
          || has_flag (c, k, TALLY_LEX_ORDINAL | TALLY_LEX_NUMBER))
        continue;
      /* "Under the deal, …": a noun after a preposition is no subject. */
      {
        gint p = k - 1;

        while (p >= from && (is_determiner (c, p) || has_flag (c, p, TALLY_LEX_STOP)) && !has_flag (c, p, TALLY_LEX_NP_BREAK))
          p--;
        if (p >= from && is_word (c, p) && has_flag (c, p, TALLY_LEX_NP_BREAK) && !has_flag (c, p, TALLY_LEX_LEVEL_VERB)
            && !token_is (c, p, "and") && !token_is (c, p, "but") && !has_flag (c, p, TALLY_LEX_CLAUSE_RESET))
          {
            guint np_end = read_np (c, k, NP_ANY);

            /* … unless the verb follows it: "with a double room costing …". */
            if (verb_follows && np_end == (guint) to && np_end > (guint) k && c->measure->len > 0)
              return TRUE;
            g_string_truncate (c->measure, 0);
            if (np_end > (guint) k)
              k = np_end - 1;
            continue;
          }
      }
      after = read_np (c, k, NP_ANY);
      if (after == (guint) k || c->measure->len == 0)
        continue;
      /* "the value of trade reached …" → trade. */
      if (has_flag (c, after - 1, TALLY_LEX_FILLER) && token_is (c, after, "of"))
        {
          guint again = read_np (c, after + 1, NP_ANY);

          if (again > after + 1 && c->measure->len > 0)
            return TRUE;
          read_np (c, k, NP_ANY);
        }
      return TRUE;
    }
  return FALSE;
}

/* "trade reached $94.8 billion": the subject of the clause before a level or
 * change verb; when that clause has none ("…, up 35%"; "A previous upgrade,
 * completed in 2019, cost …"), the first clause of the sentence that has one. */
/* strict: 0 any verb, 1 no "will X"/"to X" verbs, 2 level verbs only. */
static gboolean
measure_from_subject_full (Ctx  *c,
                           guint first,
                           int   strict)
{
  gint k = (gint) first - 1;
  gint verb = -1, clause = 0, from = 0;

  /* Skip adjectives and articles back to the verb: "reached an impressive",
   * and an earlier claim: "grew by 12% to $40 billion". */
  for (guint steps = 0; k >= 0 && steps < 8; steps++, k--)
    {
      if (c->used->data[k])
        continue;
      if (has_flag (c, k, strict >= 2 ? TALLY_LEX_LEVEL_VERB : TALLY_LEX_LEVEL_VERB | TALLY_LEX_CHANGE)
          && !has_flag (c, k, TALLY_LEX_STOP))
        {
          verb = k;
          break;
        }
      if (!is_word (c, k))
        return FALSE;
      if (!strict && k > 0 && is_modal (c, k - 1) && !has_flag (c, k, TALLY_LEX_NP_BREAK | TALLY_LEX_STOP)
          && !is_modal (c, k))
        {
          verb = k;
          break;
        }
    }
  if (verb < 0)
    return FALSE;
  for (k = verb - 1; k >= 0; k--)
    if (resets_clause (c, k))
      {
        clause = k + 1;
        break;
      }

  /* "…, which lasted less than 48 hours": the subject is before the comma. */
  if (clause > 1 && (token_is (c, clause, "which") || token_is (c, clause, "that")))
    {
      gint end = clause - 1, start = end;

      while (start > 0 && is_word (c, start - 1) && !has_flag (c, start - 1, TALLY_LEX_NP_BREAK))
        start--;
      if (start < end && subject_in (c, start, end, FALSE))
        return TRUE;
    }
  if (subject_in (c, clause, verb, TRUE))
    return TRUE;
  for (k = 0; k < clause; k++)
    if (is_clause_break (c, k))
      {
        if (subject_in (c, from, k, FALSE))
          return TRUE;
        from = k + 1;
      }
  return FALSE;
}

static gboolean
measure_from_subject (Ctx  *c,
                      guint first)
{
  return measure_from_subject_full (c, first, 0);
}

/* "an investment of $5 billion", "inflation of 5%": the noun just before
 * "of". Returns TRUE and may set *change for "an increase of 35%". */
static gboolean copy_previous_measure (Ctx *c);
static gboolean is_content_word (Ctx  *c,
                                 guint i);

static gboolean
measure_before_of (Ctx      *c,
                   guint     first,
                   guint     after,
                   gboolean *change)
{
  gint of = (gint) first - 1;
  gint end, start;

  /* "…of", "…worth", and "caps withdrawals at 11.5 km³" (not "stood at"). */
  if (of < 1 || !(token_is (c, of, "of") || token_is (c, of, "worth")
                  || (token_is (c, of, "at") && is_content_word (c, of - 1) && !is_proper (c, of - 1))))
    return FALSE;
  end = of - 1;
  if (token_is (c, of, "worth") && end > 0 && punct_is (c, end, ','))
    end--;
  if (!is_word (c, end) || has_flag (c, end, TALLY_LEX_NP_BREAK))
    return FALSE;
  if (has_flag (c, end, TALLY_LEX_CHANGE))
    {
      *change = TRUE;
      /* "an increase of 35% in trade" — the measure follows; "…, an
       * increase of 12%" — it is the one of the figure before. */
      if (token_is (c, after, "in") && !has_flag (c, after + 2, TALLY_LEX_DURATION)
          && !has_flag (c, after + 1, TALLY_LEX_DURATION) && read_np (c, after + 1, NP_ANY) > after + 1)
        return TRUE;
      return copy_previous_measure (c);
    }
  /* "at a cost of", "an average of": of the figure before, if any. */
  if (has_flag (c, end, TALLY_LEX_FILLER))
    return copy_previous_measure (c);
  start = end;
  /* Modifiers before the noun, but not a verb in -s: "the bank holds reserves of". */
  while (start > 0 && is_word (c, start - 1) && !has_flag (c, start - 1, TALLY_LEX_NP_BREAK | TALLY_LEX_STOP)
         && !looks_verb (c, start - 1) && !looks_plural (c, start - 1) && end - start < 3)
    start--;
  read_np (c, start, NP_ANY);
  return c->measure->len > 0;
}

/* "Over 80% of agreements … have been implemented" → "agreement implemented". */
static void
append_participle (Ctx  *c,
                   guint from)
{
  for (guint k = from; k < n_tokens (c) && k < from + 12; k++)
    {
      const TallyToken *t;
      const char *w;
      gsize n;

      if (is_clause_break (c, k))
        return;
      if (!(token_is (c, k, "been") || token_is (c, k, "were") || token_is (c, k, "was")
            || token_is (c, k, "are") || token_is (c, k, "is") || token_is (c, k, "be")))
        continue;
      if (!is_word (c, k + 1))
        return;
      t = TOK (c, k + 1);
      w = c->text + t->start;
      n = t->end - t->start;
      if (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd')
        {
          g_string_append_c (c->measure, ' ');
          for (gsize b = 0; b < n; b++)
            g_string_append_c (c->measure, g_ascii_tolower (w[b]));
        }
      return;
    }
}

static gboolean
is_content_word (Ctx  *c,
                 guint i)
{
  return is_word (c, i) && !has_flag (c, i, TALLY_LEX_NP_BREAK | TALLY_LEX_STOP | TALLY_LEX_LEVEL_VERB)
         && !is_determiner (c, i) && !looks_verb (c, i);
}

/* "up from 9", "to $40 billion", "against eight in 2023": a figure compared
 * with an earlier one in the sentence measures the same thing. */
static gboolean
compares_to_previous (Ctx        *c,
                      guint       first,
                      const char *unit)
{
  if (c->last_measure->len == 0 || first == 0 || c->last_claim_end >= first)
    return FALSE;
  /* "against eight in 2023", "compared with $21 billion": explicit. */
  if (token_is (c, first - 1, "against") || token_is (c, first - 1, "versus")
      || (first > 1 && token_is (c, first - 1, "with") && token_is (c, first - 2, "compared")))
    return TRUE;
  if (!(token_is (c, first - 1, "from") || token_is (c, first - 1, "to") || token_is (c, first - 1, "than")))
    return FALSE;
  /* "raise that to 20 bcm": the same unit says it is the same thing. */
  if (unit != NULL && g_strcmp0 (unit, c->last_unit) == 0)
    return TRUE;
  /* "musicians from 14 countries": "from" compares only after a change
   * ("up from 9", "fell from"); "to" only after one or after "from X". */
  if (token_is (c, first - 1, "from") && !(first > 1 && has_flag (c, first - 2, TALLY_LEX_CHANGE)))
    return FALSE;
  if (token_is (c, first - 1, "to") && !(first > 1 && has_flag (c, first - 2, TALLY_LEX_CHANGE))
      && !(c->last_claim_start > 0 && token_is (c, c->last_claim_start - 1, "from")))
    return FALSE;
  /* Otherwise only within the clause ("…, up from 9" counts as one). */
  for (guint k = c->last_claim_end + 1; k < first; k++)
    if ((is_clause_break (c, k) && !has_flag (c, k + 1, TALLY_LEX_CHANGE)) || token_is (c, k, "and"))
      return FALSE;
  return TRUE;
}

static gboolean
copy_previous_measure (Ctx *c)
{
  if (c->last_measure->len == 0)
    return FALSE;
  g_string_assign (c->measure, c->last_measure->str);
  return TRUE;
}

/* "cut crossing times by 20%", "lift revenue by 25–30%": a change of the
 * noun phrase between the verb and "by". */
static gboolean
measure_verb_by (Ctx      *c,
                 Quantity *q)
{
  gint by = (gint) q->first - 1;

  /* "cut waiting times to 6 hours": a level, of the same noun phrase. */
  if (by >= 2 && token_is (c, by, "to"))
    {
      for (gint v = by - 1; v >= 0 && v >= by - 5; v--)
        if (has_flag (c, v, TALLY_LEX_CHANGE) && !has_flag (c, v, TALLY_LEX_STOP) && v + 1 < by
            && !is_number (c, v + 1))
          return read_np (c, v + 1, NP_ANY) > (guint) v + 1 && c->measure->len > 0;
      return FALSE;
    }
  if (by < 2 || !token_is (c, by, "by"))
    return FALSE;
  for (gint v = by - 1; v >= 0 && v >= by - 4; v--)
    if (has_flag (c, v, TALLY_LEX_CHANGE) && !has_flag (c, v, TALLY_LEX_STOP))
      {
        q->change = TRUE;
        if (v + 1 < by && read_np (c, v + 1, NP_ANY) > (guint) v + 1)
          return TRUE;
        g_string_truncate (c->measure, 0);
        return FALSE;
      }
  return FALSE;
}

/* The measure of a quantity: the noun it counts, the phrase after "of"/"in",
 * the noun before "of", the subject of the verb, in that order. */
static gboolean
find_measure_rules (Ctx      *c,
                    Quantity *q)
{
  guint a = q->after;

  /* "lost up to 15% of their harvest": a share, not a change. */
  if (q->kind == TALLY_CLAIM_KIND_PERCENT && token_is (c, a, "of"))
    q->change = FALSE;
  /* "35% increase in bilateral trade", "a 12% rise". */
  if (has_flag (c, a, TALLY_LEX_CHANGE) && !has_flag (c, a, TALLY_LEX_LEVEL_VERB) && q->kind != TALLY_CLAIM_KIND_COUNT)
    {
      q->change = TRUE;
      a++;
      if ((token_is (c, a, "in") || token_is (c, a, "of")) && read_np (c, a + 1, NP_ANY) > a + 1)
        return TRUE;
      g_string_truncate (c->measure, 0);
      return measure_from_subject (c, q->first);
    }
  /* "7% more than in 2023" */
  if ((token_is (c, a, "more") || token_is (c, a, "less") || token_is (c, a, "higher") || token_is (c, a, "lower")
       || token_is (c, a, "fewer")) && token_is (c, a + 1, "than") && q->kind != TALLY_CLAIM_KIND_COUNT)
    {
      /* "…in 2024, 7% more than in 2023": more of what came before. */
      q->change = TRUE;
      if (copy_previous_measure (c))
        return TRUE;
    }
  if (compares_to_previous (c, q->first, q->unit) && copy_previous_measure (c))
    return TRUE;
  /* "drew 65,000 visitors over four days, up 30%": the change of the
   * figure before. */
  if (q->first > 1 && (token_is (c, q->first - 1, "up") || token_is (c, q->first - 1, "down"))
      && punct_is (c, q->first - 2, ',') && c->last_measure->len > 0 && c->last_claim_end < q->first
      && copy_previous_measure (c))
    {
      q->change = TRUE;
      return TRUE;
    }
  if (measure_verb_by (c, q))
    return TRUE;

  switch (q->kind)
    {
    case TALLY_CLAIM_KIND_COUNT:
      if (token_is (c, a, "of") && read_np (c, a + 1, NP_PLURAL) > a + 1)
        return TRUE;
      if (!is_determiner (c, a) && read_np (c, a, q->value == 1 ? NP_SINGULAR : NP_PLURAL) > a)
        return TRUE;
      if (!q->word_number && measure_from_subject_full (c, q->first, 1))
        return TRUE;
      return FALSE;

    case TALLY_CLAIM_KIND_PERCENT:
      if (token_is (c, a, "of"))
        {
          guint end = read_np (c, a + 1, NP_PLURAL);

          if (end > a + 1)
            {
              append_participle (c, end);
              return TRUE;
            }
        }
      if (measure_before_of (c, q->first, q->after, &q->change))
        return TRUE;
      if (is_content_word (c, a) && read_np (c, a, NP_SINGULAR) > a)
        return TRUE;
      return measure_from_subject (c, q->first);

    case TALLY_CLAIM_KIND_MONEY:
    case TALLY_CLAIM_KIND_NUMBER:
    case TALLY_CLAIM_KIND_DURATION:
      if (q->compound && read_np (c, a, NP_ANY) > a)
        return TRUE;
      /* "a 22-km, four-lane project" */
      if (q->compound && punct_is (c, a, ',') && is_word (c, a + 1) && (TOK (c, a + 1)->flags & TALLY_TOKEN_HYPHENATED)
          && read_np (c, a + 1, NP_ANY) > a + 1)
        return TRUE;
      if ((token_is (c, a, "in") || token_is (c, a, "of") || token_is (c, a, "worth")
           || (q->kind == TALLY_CLAIM_KIND_MONEY && (token_is (c, a, "on") || token_is (c, a, "for"))))
          && !is_number (c, a + 1) && q->kind != TALLY_CLAIM_KIND_DURATION)
        {
          guint from = a + 1;

          if (token_is (c, a, "worth") && token_is (c, from, "of"))
            from++;
          if (read_np (c, from, NP_ANY) > from)
            return TRUE;
        }
      /* "€1.5 billion is earmarked for the ports" */
      if (q->kind == TALLY_CLAIM_KIND_MONEY
          && (token_is (c, a, "is") || token_is (c, a, "are") || token_is (c, a, "was") || token_is (c, a, "were"))
          && is_word (c, a + 1) && looks_verb (c, a + 1) && (token_is (c, a + 2, "for") || token_is (c, a + 2, "on"))
          && read_np (c, a + 3, NP_ANY) > a + 3)
        return TRUE;
      if (measure_before_of (c, q->first, q->after, &q->change))
        return TRUE;
      if ((q->kind == TALLY_CLAIM_KIND_MONEY || q->kind == TALLY_CLAIM_KIND_NUMBER) && is_content_word (c, a)
          && !has_flag (c, a, TALLY_LEX_CHANGE) && read_np (c, a, NP_SINGULAR) > a)
        return TRUE;
      return measure_from_subject_full (c, q->first, q->kind == TALLY_CLAIM_KIND_DURATION ? 2 : 0);

    case TALLY_CLAIM_KIND_ORDINAL:
    case TALLY_CLAIM_KIND_YEAR:
    case TALLY_CLAIM_KIND_DATE:
    default:
      return FALSE;
    }
}

static void
find_measure (Ctx      *c,
              Quantity *q)
{
  g_string_truncate (c->measure, 0);
  if (find_measure_rules (c, q) && c->measure->len > 0)
    return;
  g_string_truncate (c->measure, 0);
  /* Nothing named it: "…, a gain of 3.3 percentage points" measures what
   * the figure before it in the sentence measured. */
  if (q->kind != TALLY_CLAIM_KIND_COUNT && q->kind != TALLY_CLAIM_KIND_DURATION && c->last_measure->len > 0
      && c->last_claim_end < q->first)
    {
      gboolean same_clause = TRUE, list = TRUE;

      for (guint k = c->last_claim_end + 1; k < q->first; k++)
        {
          if (is_clause_break (c, k) || punct_is (c, k, ';'))
            same_clause = FALSE;
          /* "€2.5bn, £310 million and ¥8 billion": items of one list. */
          if (!punct_is (c, k, ',') && !token_is (c, k, "and") && !token_is (c, k, "or"))
            list = FALSE;
        }
      same_clause |= list;
      if (same_clause || (q->unit != NULL && g_strcmp0 (q->unit, c->last_unit) == 0))
        copy_previous_measure (c);
    }
}

/* Years and dates measure the event they date: the event noun nearest to
 * them in the sentence, with its ordinal ("first summit"). */
static void
event_measure (Ctx  *c,
               guint first,
               guint last)
{
  gint best = -1;
  guint best_dist = G_MAXUINT;
  gboolean between_claim;

  g_string_truncate (c->measure, 0);
  for (guint k = 0; k < n_tokens (c); k++)
    {
      guint dist;

      if (!has_flag (c, k, TALLY_LEX_EVENT) || (k >= first && k <= last))
        continue;
      /* "the summit working group": a modifier, not what is dated. */
      if (is_word (c, k + 1) && !is_proper (c, k + 1) && !has_flag (c, k + 1, TALLY_LEX_NP_BREAK | TALLY_LEX_STOP)
          && !is_determiner (c, k + 1)
          && ((is_content_word (c, k + 1) && !looks_plural (c, k + 1))
              || (TOK (c, k + 1)->end - TOK (c, k + 1)->start > 4
                  && memcmp (c->text + TOK (c, k + 1)->end - 3, "ing", 3) == 0)))
        continue;
      dist = k < first ? (first - k) * 2 : (k - last) * 2 + 1;
      if (dist < best_dist)
        {
          best_dist = dist;
          best = k;
        }
    }
  if (best < 0)
    return;
  {
    gboolean claim = FALSE, comma = FALSE;

    for (guint k = MIN ((guint) best, first) + 1; k < MAX ((guint) best, last); k++)
      {
        claim |= c->used->data[k] && !(k >= first && k <= last);
        comma |= is_clause_break (c, k);
      }
    between_claim = claim && comma;
  }

  /* "the first summit … in 2021 and the second in Baku in 2023" */
  for (gint k = (gint) first - 1; k >= 0 && k >= (gint) first - 6 && k > best; k--)
    {
      const TallyToken *t = TOK (c, k);

      if (t->type == TALLY_TOKEN_WORD && t->lex != NULL && (t->lex->flags & TALLY_LEX_ORDINAL)
          && t->lex->ordinal > 0 && t->lex->ordinal <= 10 && !is_content_word (c, k + 1))
        {
          static const char * const names[] = { NULL, "first", "second", "third", "fourth", "fifth",
                                                 "sixth", "seventh", "eighth", "ninth", "tenth" };
          const TallyToken *e = TOK (c, best);

          g_string_append (c->measure, names[t->lex->ordinal]);
          g_string_append_c (c->measure, ' ');
          tally_lemma_append (c->lex, c->measure, c->text + e->start, e->end - e->start);
          return;
        }
    }
  /* "…during the festival, against 71% in June": the festival is not what
   * June dates; another figure stands between them. */
  if (between_claim)
    return;

  for (gint k = best - 1; k >= 0 && k >= best - 5; k--)
    {
      const TallyToken *t = TOK (c, k);

      if (t->type == TALLY_TOKEN_WORD && t->lex != NULL && (t->lex->flags & TALLY_LEX_ORDINAL))
        {
          static const char * const names[] = { NULL, "first", "second", "third", "fourth", "fifth",
                                                 "sixth", "seventh", "eighth", "ninth", "tenth" };
          int o = t->lex->ordinal;

          if (o > 0 && o < (int) G_N_ELEMENTS (names))
            {
              g_string_append (c->measure, names[o]);
              g_string_append_c (c->measure, ' ');
            }
          break;
        }
      if (t->type == TALLY_TOKEN_WORD && (t->flags & (TALLY_TOKEN_CAPITALIZED | TALLY_TOKEN_HYPHENATED)))
        continue;
      if (t->type == TALLY_TOKEN_DASH)
        continue;
      if (t->type != TALLY_TOKEN_WORD || has_flag (c, k, TALLY_LEX_NP_BREAK))
        break;
    }
  {
    const TallyToken *t = TOK (c, best);

    /* "work programme", "ministerial meeting" */
    if (c->measure->len == 0 && best > 0 && is_content_word (c, best - 1) && !is_proper (c, best - 1)
        && !c->used->data[best - 1] && !has_flag (c, best - 1, TALLY_LEX_ORDINAL) && (guint) best - 1 != last)
      {
        const TallyToken *m = TOK (c, best - 1);

        for (gsize b = m->start; b < m->end; b++)
          g_string_append_c (c->measure, g_ascii_tolower (c->text[b]));
        g_string_append_c (c->measure, ' ');
      }
    tally_lemma_append (c->lex, c->measure, c->text + t->start, t->end - t->start);
  }
}

/* ---------------------------------------------------------------------- */
/* Numerals                                                               */

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
  if (token_is (c, k, "a") && (has_flag (c, k + 1, TALLY_LEX_SCALE) || token_is (c, k + 1, "dozen"))
      && !token_is (c, k + 1, "m") && !token_is (c, k + 1, "k") && !token_is (c, k + 1, "b"))
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
          if (token_is (c, k, "dozen"))
            current = (current == 0 ? 1 : current) * 12;
          else
            current += e->number;
          any = TRUE;
          k++;
          continue;
        }
      /* "two and a half million" */
      if (any && token_is (c, k, "and") && token_is (c, k + 1, "a") && token_is (c, k + 2, "half"))
        {
          current += 0.5;
          k += 3;
          continue;
        }
      if (any && token_is (c, k, "and") && has_flag (c, k + 1, TALLY_LEX_NUMBER) && total > 0)
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
      if (has_flag (c, k, TALLY_LEX_SCALE) && TOK (c, k)->lex->scale >= 1000)
        {
          const TallyToken *s = TOK (c, k);
          gsize n = s->end - s->start;
          gboolean short_form = n <= 3;

          /* "5 m" is metres; "$5m" and "€2.5bn" are scales. */
          if (!short_form || (!(s->flags & TALLY_TOKEN_SPACE_BEFORE) && (currency || n >= 2)))
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

/* ---------------------------------------------------------------------- */
/* Never claims                                                           */

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
static guint
never_claim (Ctx  *c,
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
      && !(token_is (c, i - 2, "mid") || token_is (c, i - 2, "early") || token_is (c, i - 2, "late")
           || token_is (c, i - 2, "pre") || token_is (c, i - 2, "post") || token_is (c, i - 2, "end")))
    return 1;
  if (i > 0 && is_word (c, i - 1) && attached (c, i))
    return 1;
  if (is_word (c, i + 1) && attached (c, i + 1) && TOK (c, i + 1)->lex == NULL
      && !token_is (c, i + 1, "s") && !token_is (c, i + 1, "st") && !token_is (c, i + 1, "nd")
      && !token_is (c, i + 1, "rd") && !token_is (c, i + 1, "th"))
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

/* ---------------------------------------------------------------------- */
/* Years and dates                                                        */

static void
set_year_text (GString *out,
               int      year)
{
  g_string_printf (out, "%04d", year);
}

static gboolean years_of_measure (Ctx  *c,
                                  guint last);

static void
emit_year (Ctx   *c,
           guint  first,
           guint  last,
           int    year,
           int    year_max,
           gsize  ss,
           gsize  se)
{
  TallyClaimRecord r = { 0 };

  r.kind = TALLY_CLAIM_KIND_YEAR;
  r.has_value = TRUE;
  r.value = year;
  set_year_text (c->value_text, year);
  r.value_text = c->value_text->str;
  if (year_max > 0)
    {
      r.has_value_max = TRUE;
      r.value_max = year_max;
      set_year_text (c->value_max_text, year_max);
      r.value_max_text = c->value_max_text->str;
    }
  if (!(year_max > 0 && years_of_measure (c, last)))
    event_measure (c, first, last);
  r.measure = c->measure->len > 0 ? c->measure->str : NULL;
  emit (c, &r, first, last, 0, ss, se);
}

static void
format_date (GString *out,
             int      y,
             int      m,
             int      d)
{
  if (d > 0)
    g_string_printf (out, "%04d-%02d-%02d", y, m, d);
  else
    g_string_printf (out, "%04d-%02d", y, m);
}

static gboolean
valid_day (int y,
           int m,
           int d)
{
  return d >= 1 && m >= 1 && m <= 12 && y >= 1 && y <= 9999 && d <= g_date_get_days_in_month (m, y);
}

/* A month without a year: the reference year, moved back a year when the
 * month is still ahead in a sentence about the past, and forward a year when
 * it is already behind in a sentence about the future. */
/* Whether the clause around token i speaks of the future ("will start in
 * March"), so that "were launched in March, and … will start" reads each
 * month with its own clause. */
static gboolean
clause_is_future (Ctx  *c,
                  guint i)
{
  gint from = (gint) i, to = (gint) i;

  while (from > 0 && !is_clause_break (c, from - 1) && !token_is (c, from - 1, "and") && !token_is (c, from - 1, "but"))
    from--;
  while (to + 1 < (gint) n_tokens (c) && !is_clause_break (c, to + 1) && !token_is (c, to + 1, "and")
         && !token_is (c, to + 1, "but"))
    to++;
  for (gint k = from; k <= to; k++)
    if (has_flag (c, k, TALLY_LEX_FUTURE))
      return TRUE;
  /* A clause that says nothing of its own time takes the sentence's:
   * "plans to open routes, including flights from 1 October". */
  for (gint k = from; k <= to; k++)
    if (token_is (c, k, "was") || token_is (c, k, "were") || token_is (c, k, "had") || token_is (c, k, "did")
        || (is_word (c, k) && !is_proper (c, k) && TOK (c, k)->end - TOK (c, k)->start > 3
            && c->text[TOK (c, k)->end - 2] == 'e' && c->text[TOK (c, k)->end - 1] == 'd'))
      return FALSE;
  return c->future;
}

static int
resolve_month_year (Ctx  *c,
                    guint i,
                    int   month)
{
  const TallyExtractOptions *o = c->options;
  int year = o->reference_year;
  gboolean future = clause_is_future (c, i);

  if (o->reference_month > 0)
    {
      if (!future && month > o->reference_month)
        year--;
      else if (future && month < o->reference_month)
        year++;
    }
  return year;
}

static void
emit_date (Ctx        *c,
           guint       first,
           guint       last,
           int         y,
           int         m,
           int         d,
           int         m_max,
           int         d_max,
           const char *relative,
           gsize       ss,
           gsize       se)
{
  TallyClaimRecord r = { 0 };

  r.kind = TALLY_CLAIM_KIND_DATE;
  if (relative != NULL)
    {
      g_string_assign (c->relative, relative);
      r.relative = c->relative->str;
    }
  if (y > 0)
    {
      r.has_value = TRUE;
      r.value = y;
      format_date (c->value_text, y, m, d);
      r.value_text = c->value_text->str;
      if (m_max > 0)
        {
          r.has_value_max = TRUE;
          r.value_max = y;
          format_date (c->value_max_text, y, m_max, d_max);
          r.value_max_text = c->value_max_text->str;
        }
    }
  event_measure (c, first, last);
  r.measure = c->measure->len > 0 ? c->measure->str : NULL;
  emit (c, &r, first, last, 0, ss, se);
}

static void
token_text (Ctx     *c,
            guint    first,
            guint    last,
            GString *out)
{
  g_string_truncate (out, 0);
  g_string_append_len (out, c->text + TOK (c, first)->start, TOK (c, last)->end - TOK (c, first)->start);
}

static gboolean
is_month (Ctx  *c,
          guint i)
{
  const TallyToken *t;

  if (!has_flag (c, i, TALLY_LEX_MONTH))
    return FALSE;
  t = TOK (c, i);
  if (!(t->flags & TALLY_TOKEN_CAPITALIZED))
    return FALSE;
  /* "May" is also a verb: only with a number or after a preposition. */
  if (token_is (c, i, "may") && !is_number (c, i + 1)
      && !(i > 0 && (token_is (c, i - 1, "in") || token_is (c, i - 1, "since") || token_is (c, i - 1, "of")
                     || token_is (c, i - 1, "until") || token_is (c, i - 1, "early")
                     || token_is (c, i - 1, "late") || token_is (c, i - 1, "mid") || is_number (c, i - 1))))
    return FALSE;
  /* Short forms ("Mar", "Dec") only right before a number. */
  if (t->end - t->start <= 4 && !token_is (c, i, "june") && !token_is (c, i, "july") && !token_is (c, i, "may")
      && !is_number (c, i + 1) && !(punct_is (c, i + 1, '.') && is_number (c, i + 2)))
    return FALSE;
  return TRUE;
}

static int
day_number (Ctx   *c,
            guint  i,
            guint *end)
{
  int d = small_int (c, i);

  *end = i + 1;
  if (d < 1 || d > 31)
    return -1;
  if (is_word (c, i + 1) && attached (c, i + 1)
      && (token_is (c, i + 1, "st") || token_is (c, i + 1, "nd") || token_is (c, i + 1, "rd")
          || token_is (c, i + 1, "th")))
    *end = i + 2;
  return d;
}

/* "June 17, 2025", "June 17–18, 2025", "June 2025", "April–June 2025",
 * "June 17", "in April". Returns the index after the date, or i. */
static guint
match_month_first (Ctx   *c,
                   guint  i,
                   gsize  ss,
                   gsize  se)
{
  int m = TOK (c, i)->lex->month, d = -1, d2 = -1, m2 = -1, y = -1;
  guint k = i + 1, end;

  if (punct_is (c, k, '.') && attached (c, k) && is_number (c, k + 1))
    k++;
  if ((d = day_number (c, k, &end)) > 0 && !is_plain_year (c, k))
    {
      k = end;
      if (TOK (c, k < n_tokens (c) ? k : k - 1)->type == TALLY_TOKEN_DASH && k < n_tokens (c)
          && (d2 = day_number (c, k + 1, &end)) > d)
        k = end;
      else
        d2 = -1;
      if (punct_is (c, k, ','))
        k++;
      if (is_plain_year (c, k))
        y = (int) TOK (c, k++)->mantissa;
      else if (punct_is (c, k - 1, ','))
        k--;
    }
  else
    {
      d = -1;
      /* "April–June 2025", "from April to June", "between April and September" */
      if (k < n_tokens (c)
          && (TOK (c, k)->type == TALLY_TOKEN_DASH || token_is (c, k, "to")
              || (token_is (c, k, "and") && i > 0 && token_is (c, i - 1, "between")))
          && is_month (c, k + 1) && TOK (c, k + 1)->lex->month > m)
        {
          m2 = TOK (c, k + 1)->lex->month;
          k += 2;
        }
      if (punct_is (c, k, ','))
        k++;
      if (is_plain_year (c, k))
        y = (int) TOK (c, k++)->mantissa;
      else if (punct_is (c, k - 1, ','))
        k--;
    }

  if (y > 0)
    {
      if (d > 0 && !valid_day (y, m, d))
        return i + 1;
      emit_date (c, i, k - 1, y, m, d, d2 > 0 ? m : m2, d2 > 0 ? d2 : -1, NULL, ss, se);
      return k;
    }

  /* No year: relative to the reference date. */
  if (d < 0 && !(i > 0 && (has_flag (c, i - 1, TALLY_LEX_NP_BREAK) || token_is (c, i - 1, "early")
                           || token_is (c, i - 1, "mid") || token_is (c, i - 1, "late"))))
    return i + 1;
  token_text (c, i, k - 1, c->key);
  {
    g_autofree char *relative = g_strdup (c->key->str);

    if (c->options->reference_year > 0)
      {
        int ry = resolve_month_year (c, i, m);

        /* A span of months that holds the reference month is this year's. */
        if (m2 > 0 && c->options->reference_month >= m && c->options->reference_month <= m2)
          ry = c->options->reference_year;
        if (d > 0 && !valid_day (ry, m, d))
          return i + 1;
        emit_date (c, i, k - 1, ry, m, d, d2 > 0 ? m : m2, d2 > 0 ? d2 : -1, relative, ss, se);
      }
    else
      emit_date (c, i, k - 1, 0, m, d, -1, -1, relative, ss, se);
  }
  return k;
}

/* "17 June 2025", "17–18 June 2025", "17 June". */
static guint
match_day_first (Ctx   *c,
                 guint  i,
                 gsize  ss,
                 gsize  se)
{
  guint k, end;
  int d = day_number (c, i, &end), d2 = -1, m, y = -1;

  if (d < 0)
    return i;
  k = end;
  if (k < n_tokens (c) && TOK (c, k)->type == TALLY_TOKEN_DASH && (d2 = day_number (c, k + 1, &end)) > d)
    k = end;
  else
    d2 = -1;
  if (token_is (c, k, "of"))
    k++;
  if (!is_month (c, k))
    return i;
  m = TOK (c, k)->lex->month;
  k++;
  if (punct_is (c, k, ','))
    k++;
  if (is_plain_year (c, k))
    y = (int) TOK (c, k++)->mantissa;
  else if (punct_is (c, k - 1, ','))
    k--;
  if (y > 0)
    {
      if (!valid_day (y, m, d))
        return i;
      emit_date (c, i, k - 1, y, m, d, d2 > 0 ? m : -1, d2, NULL, ss, se);
      return k;
    }
  token_text (c, i, k - 1, c->key);
  {
    g_autofree char *relative = g_strdup (c->key->str);

    if (c->options->reference_year > 0)
      {
        int ry = resolve_month_year (c, i, m);

        if (!valid_day (ry, m, d))
          return i;
        emit_date (c, i, k - 1, ry, m, d, d2 > 0 ? m : -1, d2, relative, ss, se);
      }
    else
      emit_date (c, i, k - 1, 0, m, d, -1, -1, relative, ss, se);
  }
  return k;
}

/* "2025-06-17", "2025-06". */
static guint
match_iso_date (Ctx   *c,
                guint  i,
                gsize  ss,
                gsize  se)
{
  int y = (int) TOK (c, i)->mantissa, m, d = -1;

  if (!(punct_is (c, i + 1, '-') && attached (c, i + 1) && attached (c, i + 2)))
    return i;
  if (!is_number (c, i + 2) || TOK (c, i + 2)->n_int_digits != 2 || TOK (c, i + 2)->decimals)
    return i;
  m = (int) TOK (c, i + 2)->mantissa;
  if (punct_is (c, i + 3, '-') && attached (c, i + 3) && attached (c, i + 4) && is_number (c, i + 4)
      && TOK (c, i + 4)->n_int_digits == 2)
    {
      d = (int) TOK (c, i + 4)->mantissa;
      if (!valid_day (y, m, d))
        return i;
      emit_date (c, i, i + 4, y, m, d, -1, -1, NULL, ss, se);
      return i + 5;
    }
  /* "2025-26" is a span of years; "2025-06" a month. */
  if (m == (y + 1) % 100 || m < 1 || m > 12)
    return i;
  if (c->text[TOK (c, i + 2)->start] != '0' && m != 10 && m != 11 && m != 12)
    return i;
  emit_date (c, i, i + 2, y, m, -1, -1, -1, NULL, ss, se);
  return i + 3;
}

/* Years: "2023", "2025–2026", "2025-26", "2025/26", "between 2025 and 2026",
 * "2025 and 2026 as the Years of …", "the 1990s". */
static guint
match_year (Ctx   *c,
            guint  i,
            gsize  ss,
            gsize  se)
{
  int y = (int) TOK (c, i)->mantissa, y2 = 0;
  guint k = i + 1, first = i;
  gboolean between = i > 0 && (token_is (c, i - 1, "between") || token_is (c, i - 1, "from"));

  if (is_word (c, k) && attached (c, k) && token_is (c, k, "s") && y % 10 == 0)
    {
      emit_year (c, i, k, y, y + 9, ss, se);
      return k + 1;
    }
  if (k < n_tokens (c) && (TOK (c, k)->type == TALLY_TOKEN_DASH || punct_is (c, k, '/')) && is_number (c, k + 1))
    {
      const TallyToken *t2 = TOK (c, k + 1);

      if (t2->n_int_digits == 4 && is_plain_year (c, k + 1) && (int) t2->mantissa > y)
        y2 = (int) t2->mantissa;
      else if (t2->n_int_digits == 2 && t2->decimals == 0 && (int) t2->mantissa == (y + 1) % 100)
        y2 = y + 1;
      if (y2 > 0)
        k += 2;
    }
  else if (((token_is (c, k, "and") && (between || token_is (c, i - 1, "both")))
            || (token_is (c, k, "to") && between))
           && is_plain_year (c, k + 1) && TOK (c, k + 1)->mantissa > (gint64) y)
    {
      y2 = (int) TOK (c, k + 1)->mantissa;
      k += 2;
    }
  else if (token_is (c, k, "and") && is_plain_year (c, k + 1) && TOK (c, k + 1)->mantissa == (gint64) y + 1)
    {
      /* "2025 and 2026 (designated) as the Years of …": one span. */
      for (guint a = k + 2; a < n_tokens (c) && a < k + 5; a++)
        if (token_is (c, a, "as"))
          {
            y2 = y + 1;
            k += 2;
            break;
          }
    }
  emit_year (c, first, k - 1, y, y2, ss, se);
  return k;
}

/* "2026 and 2027 as the Years of Caspian Connectivity": the years measure
 * what they are named for. */
static gboolean
years_of_measure (Ctx  *c,
                  guint last)
{
  for (guint k = last + 1; k < n_tokens (c) && k < last + 5; k++)
    if ((token_is (c, k, "years") || token_is (c, k, "year")) && is_proper (c, k) && token_is (c, k + 1, "of"))
      {
        g_string_assign (c->measure, "year of");
        for (guint w = k + 2; w < n_tokens (c) && w < k + 8; w++)
          {
            const TallyToken *t = TOK (c, w);

            if (t->type == TALLY_TOKEN_DASH && attached (c, w))
              {
                g_string_append_c (c->measure, '-');
                continue;
              }
            if (t->type != TALLY_TOKEN_WORD || !(t->flags & TALLY_TOKEN_CAPITALIZED))
              break;
            if (!(w > k + 2 && TOK (c, w - 1)->type == TALLY_TOKEN_DASH))
              g_string_append_c (c->measure, ' ');
            for (gsize b = t->start; b < t->end; b++)
              g_string_append_c (c->measure, g_ascii_tolower (c->text[b]));
          }
        return TRUE;
      }
  return FALSE;
}

/* "last year", "next month", "yesterday". */
static guint
match_relative (Ctx   *c,
                guint  i,
                gsize  ss,
                gsize  se)
{
  guint n;
  const TallyLexEntry *e = match_phrase (c, i, TALLY_LEX_RELATIVE_DATE, &n);
  const TallyExtractOptions *o = c->options;
  TallyClaimRecord r = { 0 };

  if (e == NULL)
    return i;
  /* "today's world" is no date; "last year's edition" is. */
  if (is_possessive (c, i + n - 1) && n == 1)
    return i;
  token_text (c, i, i + n - 1, c->relative);
  if (is_possessive (c, i + n - 1))
    g_string_truncate (c->relative, c->relative->len - (g_str_has_suffix (c->relative->str, "'s") ? 2 : 4));
  r.relative = c->relative->str;
  r.kind = g_str_equal (e->relative_unit, "year") ? TALLY_CLAIM_KIND_YEAR : TALLY_CLAIM_KIND_DATE;
  if (o->reference_year > 0 && (r.kind == TALLY_CLAIM_KIND_YEAR || o->reference_month > 0))
    {
      GDate date;

      r.has_value = TRUE;
      if (g_str_equal (e->relative_unit, "year"))
        {
          int base = o->reference_year;

          /* "In 2024 … on the previous year": relative to the sentence's year. */
          if ((token_is (c, i, "the") || token_is (c, i, "a")) && c->n_scopes > 0 && c->scopes[0].token < i)
            base = c->scopes[0].year;
          r.value = base + e->relative_offset;
          set_year_text (c->value_text, (int) r.value);
        }
      else if (g_str_equal (e->relative_unit, "month"))
        {
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 1, o->reference_month, o->reference_year);
          if (e->relative_offset < 0)
            g_date_subtract_months (&date, -e->relative_offset);
          else
            g_date_add_months (&date, e->relative_offset);
          r.value = g_date_get_year (&date);
          format_date (c->value_text, g_date_get_year (&date), g_date_get_month (&date), -1);
        }
      else if (o->reference_day > 0)
        {
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, o->reference_day, o->reference_month, o->reference_year);
          if (e->relative_offset < 0)
            g_date_subtract_days (&date, -e->relative_offset);
          else
            g_date_add_days (&date, e->relative_offset);
          r.value = g_date_get_year (&date);
          format_date (c->value_text, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
        }
      else
        r.has_value = FALSE;
      if (r.has_value)
        r.value_text = c->value_text->str;
    }
  if (r.kind == TALLY_CLAIM_KIND_YEAR || r.kind == TALLY_CLAIM_KIND_DATE)
    {
      event_measure (c, i, i + n - 1);
      r.measure = c->measure->len > 0 ? c->measure->str : NULL;
    }
  emit (c, &r, i, i + n - 1, TOK (c, i)->start + c->relative->len, ss, se);
  return i + n;
}

/* ---------------------------------------------------------------------- */
/* Quantities                                                             */

static const TallyLexEntry *
currency_before (Ctx   *c,
                 guint  i,
                 guint *first)
{
  guint n;
  const TallyLexEntry *e;

  if (i == 0)
    return NULL;
  e = match_phrase_before (c, i - 1, TALLY_LEX_CURRENCY, &n);
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
  e = match_phrase_before (c, i - 1, TALLY_LEX_QUALIFIER, &n);
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
      e = match_phrase (c, k, TALLY_LEX_PERCENT, &n);
      if (e != NULL && !(token_is (c, k, "point") || token_is (c, k, "points")) )
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
      e = match_phrase (c, k, TALLY_LEX_CURRENCY, &n);
      if (e != NULL && TOK (c, k)->type == TALLY_TOKEN_WORD)
        {
          q->kind = TALLY_CLAIM_KIND_MONEY;
          q->unit = e->currency;
          return k + n;
        }
    }
  if (money_before)
    return hyphen ? k - 1 : k;
  e = match_phrase (c, k, TALLY_LEX_DURATION | TALLY_LEX_UNIT, &n);
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
  find_measure (c, q);
  r.change = q->change;
  r.measure = c->measure->len > 0 ? c->measure->str : NULL;
  emit (c, &r, q->first, q->last, q->end_byte, ss, se);
}

static gboolean
change_before (Ctx  *c,
               guint first)
{
  gint k = (gint) first - 1;

  if (k >= 0 && token_is (c, k, "by"))
    k--;
  if (k >= 0 && token_is (c, k, "of") && k > 0 && has_flag (c, k - 1, TALLY_LEX_CHANGE)
      && !has_flag (c, k - 1, TALLY_LEX_LEVEL_VERB))
    return TRUE;
  return k >= 0 && has_flag (c, k, TALLY_LEX_CHANGE) && !token_is (c, k + 1, "to");
}

/* The quantity whose numeral starts at token i (or whose currency sign does).
 * Returns the index after it, or i when there is none. */
static guint
match_quantity (Ctx   *c,
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

      cur = match_phrase (c, i, TALLY_LEX_CURRENCY, &n);
      if (cur == NULL || !is_number (c, i + n))
        return i;
      /* "US$120 million": the letters before the sign belong to it. */
      {
        guint m;
        const TallyLexEntry *longer = match_phrase_before (c, i + n - 1, TALLY_LEX_CURRENCY, &m);

        if (longer != NULL && m > n)
          {
            cur = longer;
            cur_first = i + n - m;
          }
      }
      if (never_claim (c, i + n) > 0 && !(TOK (c, i + n)->n_int_digits >= 6))
        return i + n + never_claim (c, i + n);
      num = i + n;
    }
  else
    cur = currency_before (c, i, &cur_first);

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
    gboolean to = token_is (c, r, "to") && !q.change
                  && !(q.first > 1 && token_is (c, q.first - 1, "from") && has_flag (c, q.first - 2, TALLY_LEX_CHANGE));
    gboolean and = token_is (c, r, "and") && q.first > 0 && token_is (c, q.first - 1, "between");

    if (dash || to || and)
      {
        guint m = r + 1, end2;
        double v2;
        gboolean scale2, word2;
        Quantity q2 = { 0 };

        if (cur != NULL && m < n_tokens (c) && match_phrase (c, m, TALLY_LEX_CURRENCY, &end2) != NULL
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
    const TallyLexEntry *e = match_phrase (c, k, TALLY_LEX_QUALIFIER_AFTER, &n);

    if (e == NULL && k < n_tokens (c) && TOK (c, k)->type == TALLY_TOKEN_DASH && attached (c, k))
      {
        e = match_phrase (c, k + 1, TALLY_LEX_QUALIFIER_AFTER, &n);
        if (e != NULL)
          n++;
      }
    if (e != NULL && q.qualifier == TALLY_QUALIFIER_EXACT && !token_is (c, k + n, "than"))
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
      && token_is (c, q.first, "under")
      && (token_is (c, q.first - 1, "served") || token_is (c, q.first - 1, "worked") || token_is (c, q.first - 1, "lived")))
    {
      q.qualifier = TALLY_QUALIFIER_EXACT;
      q.first = q.num_first;
    }
  /* "31 side events over three days": "over" is a preposition there; it
   * bounds a duration only after a verb ("lasted over three hours"). */
  if (q.kind == TALLY_CLAIM_KIND_DURATION && q.qualifier == TALLY_QUALIFIER_OVER && q.first + 1 == q.num_first
      && token_is (c, q.first, "over")
      && !(q.first > 0 && (has_flag (c, q.first - 1, TALLY_LEX_LEVEL_VERB) || looks_verb (c, q.first - 1)
                           || token_is (c, q.first - 1, "for") || token_is (c, q.first - 1, "took")
                           || token_is (c, q.first - 1, "take"))))
    {
      q.qualifier = TALLY_QUALIFIER_EXACT;
      q.first = q.num_first;
    }

  /* "two years ago" → a year. */
  if (q.kind == TALLY_CLAIM_KIND_DURATION && token_is (c, k, "ago") && g_str_equal (q.unit, "year")
      && !q.has_max)
    {
      TallyClaimRecord r = { 0 };

      token_text (c, q.num_first, k, c->relative);
      r.relative = c->relative->str;
      r.kind = TALLY_CLAIM_KIND_YEAR;
      if (c->options->reference_year > 0)
        {
          r.has_value = TRUE;
          r.value = c->options->reference_year - q.value;
          set_year_text (c->value_text, (int) r.value);
          r.value_text = c->value_text->str;
        }
      event_measure (c, q.num_first, k);
      r.measure = c->measure->len > 0 ? c->measure->str : NULL;
      emit (c, &r, q.num_first, k, 0, ss, se);
      return k + 1;
    }

  /* "512 to the dollar": an exchange rate, in the currency the clause names. */
  if (q.bare && !word_number && (token_is (c, k, "per") || (token_is (c, k, "to") && token_is (c, k + 1, "the"))))
    {
      guint m = token_is (c, k, "per") ? k + 1 : k + 2;
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
          emit (c, &r, q.first, m, 0, ss, se);
          return m + 1;
        }
    }
  /* "three times the usual": a multiplier, no quantity of its own. */
  if (q.bare && token_is (c, k, "fold"))
    return k + 1;
  if (q.bare && token_is (c, k, "times")
      && (is_determiner (c, k + 1) || token_is (c, k + 1, "as") || token_is (c, k + 1, "more")
          || token_is (c, k + 1, "less") || token_is (c, k + 1, "higher") || token_is (c, k + 1, "larger")
          || token_is (c, k + 1, "bigger") || token_is (c, k + 1, "greater") || token_is (c, k + 1, "faster")
          || token_is (c, k + 1, "what")))
    return k + 1;
  if (q.bare && word_number && !compares_to_previous (c, q.first, NULL))
    {
      /* A number word needs a noun or a scale: "one of the …" is no claim. */
      if (token_is (c, num, "one") || !is_word (c, k) || has_flag (c, k, TALLY_LEX_NP_BREAK)
          || has_flag (c, k, TALLY_LEX_LEVEL_VERB) || is_determiner (c, k))
        return end;
    }
  if (!isfinite (q.value) || (q.has_max && !isfinite (q.value_max)))
    return k;
  emit_quantity (c, &q, ss, se);
  return k;
}

/* "a third of the agreements", "two thirds of", "half of" → a share in %. */
static guint
match_fraction (Ctx   *c,
                guint  i,
                gsize  ss,
                gsize  se)
{
  double count = 1, fraction;
  guint k = i, qual_first;
  Quantity q = { 0 };
  const TallyToken *t = TOK (c, i);

  if (token_is (c, k, "a") || token_is (c, k, "one"))
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
      if (k == i && !token_is (c, k, "half"))
        return i;
    }
  /* A share ("a third of the projects") or a change ("rose by a quarter"). */
  if ((i > 0 && token_is (c, i - 1, "by") && !token_is (c, k + 1, "of"))
      || token_is (c, k + 1, "more") || token_is (c, k + 1, "less") || token_is (c, k + 1, "higher")
      || token_is (c, k + 1, "lower") || token_is (c, k + 1, "fewer"))
    q.change = TRUE;
  else if (!token_is (c, k + 1, "of")
           /* "nearly half faced delays", "half the projects" */
           && !(is_word (c, k + 1) && (looks_verb (c, k + 1) || is_determiner (c, k + 1)))
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
static guint
match_ordinal (Ctx   *c,
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
      end_byte = t->start + (dash - w);
    }
  else if (t->lex != NULL && (t->lex->flags & TALLY_LEX_ORDINAL))
    ordinal = t->lex->ordinal;
  if (ordinal <= 0)
    return i;
  /* "a third of", "one fifth of": shares, not ordinals. */
  if (token_is (c, next, "of"))
    return i + 1;

  if (read_np (c, next, NP_SINGULAR) == next || c->measure->len == 0)
    {
      /* "a £310 million contract, its 2nd in the region" */
      if (i > 0 && (token_is (c, i - 1, "its") || token_is (c, i - 1, "their") || token_is (c, i - 1, "his")
                    || token_is (c, i - 1, "her")) && c->last_measure->len > 0)
        g_string_assign (c->measure, c->last_measure->str);
      else if (i > 2 && token_is (c, i - 1, "the") && punct_is (c, i - 2, ',') && punct_is (c, next, ',')
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
  emit (c, &r, i, last, end_byte, ss, se);
  return last + 1;
}

/* ---------------------------------------------------------------------- */
/* Sentences                                                              */

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
            && !token_is (c, k + 1, "year's") && !token_is (c, k + 2, "year's"))
          continue;
        e = match_phrase (c, k, TALLY_LEX_RELATIVE_DATE, &n);
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
  if (!c->candidate)
    {
      g_array_set_size (c->tokens, 0);
      return;
    }
  c->candidate = FALSE;
  ss = TOK (c, 0)->start;
  se = TOK (c, n_tokens (c) - 1)->end;
  g_byte_array_set_size (c->used, n_tokens (c));
  memset (c->used->data, 0, n_tokens (c));
  find_scopes (c);
  g_string_truncate (c->last_measure, 0);
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

          if (is_plain_year (c, i) && (next = match_iso_date (c, i, ss, se)) > i)
            {
              i = next;
              continue;
            }
          if ((next = match_day_first (c, i, ss, se)) > i)
            {
              i = next;
              continue;
            }
          if ((skip = never_claim (c, i)) > 0)
            {
              i += skip;
              continue;
            }
          if (is_word (c, i + 1) && attached (c, i + 1)
              && (token_is (c, i + 1, "st") || token_is (c, i + 1, "nd") || token_is (c, i + 1, "rd")
                  || token_is (c, i + 1, "th")))
            {
              next = match_ordinal (c, i, ss, se);
              i = next > i ? next : i + 2;
              continue;
            }
          if (is_plain_year (c, i))
            {
              guint dummy;
              gboolean quantity = currency_before (c, i, &dummy) != NULL
                                  || has_flag (c, i + 1, TALLY_LEX_SCALE | TALLY_LEX_PERCENT | TALLY_LEX_UNIT
                                                         | TALLY_LEX_DURATION | TALLY_LEX_CURRENCY)
                                  || (i > 0 && has_flag (c, i - 1, TALLY_LEX_QUALIFIER) && !has_flag (c, i - 1, TALLY_LEX_SCOPE_PREP))
                                  || (is_word (c, i + 1) && looks_plural (c, i + 1));

              if (!quantity)
                {
                  i = match_year (c, i, ss, se);
                  continue;
                }
            }
          next = match_quantity (c, i, ss, se);
          i = next > i ? next : i + 1;
          continue;
        }
      if (t->type == TALLY_TOKEN_SYMBOL)
        {
          next = match_quantity (c, i, ss, se);
          i = next > i ? next : i + 1;
          continue;
        }

      /* Words: most are stop words and the like, with nothing to start. */
      if (!(t->flags & TALLY_TOKEN_HYPHENATED)
          && (t->lex == NULL
              || (!(t->lex->flags & (TALLY_LEX_NUMBER | TALLY_LEX_ORDINAL | TALLY_LEX_MONTH | TALLY_LEX_FRACTION
                                     | TALLY_LEX_RELATIVE_DATE | TALLY_LEX_CURRENCY))
                  && !(t->lex->starts & TALLY_LEX_RELATIVE_DATE) && !token_is (c, i, "a"))))
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
                      || token_is (c, i + 1, "year's") || token_is (c, i + 2, "year's")
                      || token_is (c, i + 1, "month's") || token_is (c, i + 2, "month's"))))
          && (next = match_relative (c, i, ss, se)) > i)
        {
          i = next;
          continue;
        }
      if (is_month (c, i))
        {
          i = match_month_first (c, i, ss, se);
          continue;
        }
      if ((next = match_fraction (c, i, ss, se)) > i)
        {
          i = next;
          continue;
        }
      if (t->lex != NULL && (t->lex->flags & TALLY_LEX_CURRENCY) && is_number (c, i + 1))
        {
          next = match_quantity (c, i, ss, se);
          i = next > i ? next : i + 1;
          continue;
        }
      if ((t->lex != NULL && (t->lex->flags & TALLY_LEX_NUMBER))
          || (token_is (c, i, "a") && (has_flag (c, i + 1, TALLY_LEX_SCALE) || token_is (c, i + 1, "dozen")))
          || (t->flags & TALLY_TOKEN_HYPHENATED))
        {
          next = match_quantity (c, i, ss, se);
          if (next > i)
            {
              i = next;
              continue;
            }
        }
      if ((t->lex != NULL && (t->lex->flags & TALLY_LEX_ORDINAL)) || (t->flags & TALLY_TOKEN_HYPHENATED))
        {
          next = match_ordinal (c, i, ss, se);
          if (next > i)
            {
              i = next;
              continue;
            }
        }
      i++;
    }
  g_array_set_size (c->tokens, 0);
}

static const char * const abbreviations[] = {
  "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
  "inc", "ltd", "co", "corp", "vs", "etc", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul",
  "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "vol", "pp", "art", "jr", "sr",
};

static gboolean
is_abbreviation (const char *w,
                 gsize       n)
{
  if (n == 1 && g_ascii_isupper (w[0]))
    return TRUE;  /* an initial: "J. Smith" */
  for (guint a = 0; a < G_N_ELEMENTS (abbreviations); a++)
    if (strlen (abbreviations[a]) == n && g_ascii_strncasecmp (w, abbreviations[a], n) == 0)
      return TRUE;
  return FALSE;
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
      && is_abbreviation (text + prev->start, prev->end - prev->start))
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
  return !g_ascii_islower (text[p]);
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
  if (next->type == TALLY_TOKEN_WORD && g_ascii_islower (text[next->start])
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

  while (tally_tokenizer_next (c->lex, c->text, c->len, &pos, &token))
    {
      if ((token.flags & TALLY_TOKEN_LINE_START) && n_tokens (c) > 0
          && newline_breaks (c->text, TOK (c, n_tokens (c) - 1), &token))
        process_sentence (c);
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
tally_next_sentence (const char *text,
                     gsize       len,
                     gsize      *pos,
                     gsize      *start,
                     gsize      *end)
{
  const TallyLexicon *lex = tally_lexicon_get ("en", NULL);
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

/* ---------------------------------------------------------------------- */

void
tally_extract_options_init (TallyExtractOptions *options)
{
  memset (options, 0, sizeof *options);
}

gboolean
tally_extract_options_set_reference_date (TallyExtractOptions *options,
                                          const char          *iso_date)
{
  int y = 0, m = 0, d = 0;
  gsize n;

  if (iso_date == NULL)
    return FALSE;
  n = strlen (iso_date);
  if (n < 4 || !g_ascii_isdigit (iso_date[0]) || !g_ascii_isdigit (iso_date[1])
      || !g_ascii_isdigit (iso_date[2]) || !g_ascii_isdigit (iso_date[3]))
    return FALSE;
  y = atoi (iso_date);
  if (n >= 7)
    {
      if (iso_date[4] != '-' || !g_ascii_isdigit (iso_date[5]) || !g_ascii_isdigit (iso_date[6]))
        return FALSE;
      m = atoi (iso_date + 5);
      if (m < 1 || m > 12)
        return FALSE;
    }
  else if (n != 4)
    return FALSE;
  if (n >= 10)
    {
      if (iso_date[7] != '-' || !g_ascii_isdigit (iso_date[8]) || !g_ascii_isdigit (iso_date[9]))
        return FALSE;
      d = atoi (iso_date + 8);
      if (!valid_day (y, m, d))
        return FALSE;
      if (n > 10 && iso_date[10] != 'T' && iso_date[10] != ' ')
        return FALSE;
    }
  else if (n != 7 && n != 4)
    return FALSE;
  if (y < 1)
    return FALSE;
  options->reference_year = y;
  options->reference_month = m;
  options->reference_day = d;
  return TRUE;
}

guint
tally_extract_claims_foreach (const char                *text,
                              gsize                      len,
                              const TallyExtractOptions *options,
                              TallyClaimFunc             func,
                              gpointer                   user_data)
{
  TallyExtractOptions defaults;
  g_autoptr(GError) error = NULL;
  Ctx c = { 0 };

  g_return_val_if_fail (text != NULL || len == 0, 0);
  if (options == NULL)
    {
      tally_extract_options_init (&defaults);
      options = &defaults;
    }
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
  c.tokens = g_array_sized_new (FALSE, FALSE, sizeof (TallyToken), 128);
  c.used = g_byte_array_sized_new (128);
  c.key = g_string_new (NULL);
  c.measure = g_string_new (NULL);
  c.value_text = g_string_new (NULL);
  c.value_max_text = g_string_new (NULL);
  c.relative = g_string_new (NULL);
  c.last_measure = g_string_new (NULL);

  run (&c);

  g_array_unref (c.tokens);
  g_byte_array_unref (c.used);
  g_string_free (c.key, TRUE);
  g_string_free (c.measure, TRUE);
  g_string_free (c.value_text, TRUE);
  g_string_free (c.value_max_text, TRUE);
  g_string_free (c.relative, TRUE);
  g_string_free (c.last_measure, TRUE);
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
  return claims;
}
