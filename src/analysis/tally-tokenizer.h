/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tally-lexicon.h"

G_BEGIN_DECLS

/* The extractor's tokenizer: one token at a time over UTF-8 bytes, with no
 * allocation. Invalid UTF-8 is read as letters, so it never stops the scan. */

typedef enum
{
  TALLY_TOKEN_WORD,
  TALLY_TOKEN_NUMBER,   /* digits with "," thousands groups and one "." (the
                         * lexicon's [number_format] may make it "12 500,5") */
  TALLY_TOKEN_SYMBOL,   /* currency signs, "%", "~", "+", "#", "@", "/" */
  TALLY_TOKEN_DASH,     /* "-", "–", "—", "−" */
  TALLY_TOKEN_PUNCT,    /* everything else that is not a space */
  TALLY_TOKEN_URL,      /* a URL or e-mail address, skipped whole */
} TallyTokenType;

typedef enum
{
  TALLY_TOKEN_SPACE_BEFORE   = 1 << 0,  /* whitespace between it and the previous token */
  TALLY_TOKEN_LINE_START     = 1 << 1,  /* first token of a line */
  TALLY_TOKEN_CAPITALIZED    = 1 << 2,  /* word starting with an ASCII or Cyrillic capital */
  TALLY_TOKEN_NUMBER_SEP     = 1 << 3,  /* number has thousands separators */
  TALLY_TOKEN_NUMBER_DECIMAL = 1 << 4,  /* number has a decimal part */
  TALLY_TOKEN_NUMBER_HUGE    = 1 << 5,  /* too many digits to be a quantity */
  TALLY_TOKEN_BLANK_BEFORE   = 1 << 6,  /* an empty line before it */
  TALLY_TOKEN_HYPHENATED     = 1 << 7,  /* word holds an inner "-" */
} TallyTokenFlags;

typedef struct
{
  gsize start;
  gsize end;
  guint8 type;
  guint8 n_int_digits;   /* digits before the decimal point, capped at 255 */
  guint16 flags;
  guint8 decimals;       /* digits after the decimal point, capped at 255 */
  gint64 mantissa;       /* the number's digits as an integer (NUMBER) */
  const TallyLexEntry *lex;  /* the lexicon entry of a word or symbol */
} TallyToken;

/* Reads the token at or after *pos and moves *pos past it. Returns FALSE at
 * the end of the text. */
gboolean tally_tokenizer_next (const TallyLexicon *lexicon,
                               const char         *text,
                               gsize               len,
                               gsize              *pos,
                               TallyToken         *token);

double   tally_token_number_value (const TallyToken *token);

G_END_DECLS
