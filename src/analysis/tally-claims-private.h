/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include "tally-claims.h"
#include "tally-lemma.h"
#include "tally-lexicon.h"
#include "tally-tokenizer.h"

G_BEGIN_DECLS

/* Shared by the parts of the claim matcher: tally-claims.c (sentences, the
 * driver), tally-claims-quantities.c (numbers, units, qualifiers, what is
 * never a claim), tally-claims-dates.c (years, dates, relative dates) and
 * tally-claims-measure.c (noun phrases, subjects, what a figure measures).
 * Not installed; nothing outside src/analysis includes it. */

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
  GString *last_count_measure; /* the measure of the sentence's last count */
  GString *named_gathering;    /* the document's first titled gathering: "third summit" */
  gboolean np_head_plural; /* the last noun phrase read ended in a plural */
  GString *subject;        /* the claim's subject (tally-claims-subject.c) */
  TallySubjectKind subject_kind;
  GString *last_person;    /* the document's last person named */
  gboolean title_case;     /* the sentence is a headline in title case */
#define NAMES_SEEN_BITS 65536
  guint8 *names_seen;      /* bits by hash of words seen capitalised mid-sentence */
  GString *last_subject;   /* the last name that was a clause subject */
  GString *last_pair;      /* the last pair of countries a claim was about */
  TallySubjectKind last_subject_kind;
  gboolean last_subject_sure; /* a name for sure, not a capitalised first word */
  const char *claim_measure; /* the measure of the claim whose subject is sought */
  guint initial_measure;   /* the sentence's first word, when it is a measure */
  GString *last_mention;   /* the last organisation or other name mentioned */
  TallySubjectKind last_mention_kind;
  GHashTable *person_words; /* last words of names that are a person's */
  gboolean has_between;    /* the sentence says "between" */
  gboolean has_vote;       /* the sentence has a [vote_word] */
  gboolean doc_has_vote;   /* … some sentence so far had one */
  gboolean has_quote;      /* … a quotation mark */
  guint n_lines;           /* sentences so far that started a line */
  GString *claim_subject;  /* the subject of the sentence's last claim … */
  guint claim_subject_end; /* … and the token after it (0: none yet) */
  TallySubjectKind last_claim_subject_kind;
  TallyModality last_claim_modality; /* … its modality */
  GString *title_name;     /* the title's first word, when a name */
  TallySubjectKind title_name_kind;
  guint n_caps;            /* capitalised words in the sentence */
  GArray *chunk_cache;
  GByteArray *name_word_cache; /* per token: 0 unknown, 1 no, 2 may be part of a name */     /* ChunkCache per token: a name's kind, looked up once */
  /* tally-claims-context.c */
  GString *lead_measure;   /* what the list under a lead-in line measures */
  int lead_year;
  gboolean in_list_line;   /* the sentence is a line of that list */
  GString *context_measure;
  GString *prev_measure;   /* the last measure of the sentence before */
  gboolean measure_from_before;

  Scope scopes[MAX_SCOPES];
  guint n_scopes;
  gboolean future;
  gboolean candidate;      /* the sentence so far holds something to match */
  guint n_claims;
} Ctx;

typedef struct
{
  guint16 end;          /* 0: nothing cached */
  guint8 possessive;
  guint8 kind;
  const char *canonical;
} ChunkCache;

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

typedef enum
{
  NP_PLURAL,     /* stop after the first plural noun: counts */
  NP_SINGULAR,   /* ordinals: stop before a verb-like -s word */
  NP_ANY,
  NP_MODE_MASK = 0x3,
  /* Or'ed in for the noun a count counts: a capitalised modifier names the
   * group counted ("five Central Asian nations") and stays in the measure,
   * as written. */
  NP_KEEP_NAMES = 1 << 2,
} NpMode;

/* Sets the length of a per-token array (made with room for a sentence of
 * MAX_SENTENCE_TOKENS + 1 tokens, not zero-terminated) whose items the
 * caller then fills: within that room it is a store, not a call. */
#define set_len(a, n) \
  G_STMT_START { if ((n) > MAX_SENTENCE_TOKENS + 1) g_array_set_size ((GArray *) (a), (n)); else (a)->len = (n); } G_STMT_END

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

/* Whether token i is the language's word for `role` ("of", "between"…). */
static inline gboolean
is_role (Ctx          *c,
         guint         i,
         TallyLexRole  role)
{
  return i < n_tokens (c) && TOK (c, i)->lex != NULL && TOK (c, i)->lex->role == role;
}

static inline gboolean
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

static inline gboolean
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

static inline int
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

static inline gboolean
is_determiner (Ctx  *c,
               guint i)
{
  return has_flag (c, i, TALLY_LEX_DETERMINER);
}

/* Capitalised, and not merely because it starts the sentence. */
static inline gboolean
is_proper (Ctx  *c,
           guint i)
{
  return (TOK (c, i)->flags & TALLY_TOKEN_CAPITALIZED) && i > 0;
}

static inline gboolean
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

const TallyLexEntry *_tally_claims_match_phrase (Ctx *c, guint i, guint32 flags, guint *n);
const TallyLexEntry *_tally_claims_match_phrase_before (Ctx *c, guint end, guint32 flags, guint *n);
void _tally_claims_emit (Ctx *c,
                         TallyClaimRecord *record,
                         guint first,
                         guint last,
                         gsize end_byte,
                         gsize sentence_start,
                         gsize sentence_end);
gboolean _tally_claims_looks_plural (Ctx *c, guint i);
gboolean _tally_claims_looks_verb (Ctx *c, guint i);
gboolean _tally_claims_is_possessive (Ctx *c, guint i);
guint _tally_claims_read_np (Ctx *c, guint i, NpMode mode);
gboolean _tally_claims_resets_clause (Ctx *c, guint i);
gboolean _tally_claims_compares_to_previous (Ctx *c, guint first, const char *unit);
void _tally_claims_find_measure (Ctx *c, Quantity *q);
gboolean _tally_claims_inflected_measure (Ctx *c, Quantity *q);
void _tally_claims_find_named_gathering (Ctx *c);
void _tally_claims_event_measure (Ctx *c, guint first, guint last);
gboolean _tally_claims_in_quote (Ctx *c, gsize byte);
gboolean _tally_claims_quote_between (Ctx *c, gsize from, gsize to);
guint _tally_claims_never_claim (Ctx *c, guint i);
void _tally_claims_set_year_text (GString *out, int year);
gboolean _tally_claims_valid_day (int y, int m, int d);
void _tally_claims_token_text (Ctx *c, guint first, guint last, GString *out);
gboolean _tally_claims_is_month (Ctx *c, guint i);
guint _tally_claims_match_month_first (Ctx *c, guint i, gsize ss, gsize se);
guint _tally_claims_match_day_first (Ctx *c, guint i, gsize ss, gsize se);
guint _tally_claims_match_iso_date (Ctx *c, guint i, gsize ss, gsize se);
guint _tally_claims_match_year (Ctx *c, guint i, gsize ss, gsize se);
guint _tally_claims_match_relative (Ctx *c, guint i, gsize ss, gsize se);
const TallyLexEntry *_tally_claims_currency_before (Ctx *c, guint i, guint *first);
guint _tally_claims_match_quantity (Ctx *c, guint i, gsize ss, gsize se);
guint _tally_claims_match_fraction (Ctx *c, guint i, gsize ss, gsize se);
guint _tally_claims_match_ordinal (Ctx *c, guint i, gsize ss, gsize se);
void _tally_claims_subject_sentence (Ctx *c);
void _tally_claims_note_names (Ctx *c);
void _tally_claims_note_title (Ctx *c);
void _tally_claims_context_sentence (Ctx *c);
gboolean _tally_claims_qualified_a_duration (Ctx *c, guint i);
void _tally_claims_context_claim (Ctx *c, TallyClaimRecord *record, guint first, guint last);
void _tally_claims_context_sentence_done (Ctx *c);
guint _tally_claims_match_rank (Ctx *c, guint i, gsize ss, gsize se);
gboolean _tally_claims_known_name (Ctx *c, guint i);
void _tally_claims_subject_sentence_done (Ctx *c);
void _tally_claims_find_subject (Ctx *c, TallyClaimRecord *record, guint first, guint last);

G_END_DECLS
