/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-tokenizer.h"

#include <string.h>

typedef enum
{
  CLASS_SPACE,
  CLASS_NEWLINE,
  CLASS_LETTER,
  CLASS_DIGIT,
  CLASS_SYMBOL,
  CLASS_DASH,
  CLASS_APOSTROPHE,
  CLASS_PERIOD,
  CLASS_PUNCT,
} CharClass;

static guint8 ascii_class[128];

static void
init_ascii_class (void)
{
  for (guint c = 0; c < 128; c++)
    {
      CharClass k = CLASS_PUNCT;

      if (c < 0x20 || c == ' ' || c == 0x7f)
        k = CLASS_SPACE;
      if (c == '\n')
        k = CLASS_NEWLINE;
      else if (g_ascii_isalpha (c))
        k = CLASS_LETTER;
      else if (g_ascii_isdigit (c))
        k = CLASS_DIGIT;
      else if (strchr ("$%~+#@", c) != NULL && c != 0)
        k = CLASS_SYMBOL;
      else if (c == '-')
        k = CLASS_DASH;
      else if (c == '\'')
        k = CLASS_APOSTROPHE;
      else if (c == '.')
        k = CLASS_PERIOD;
      ascii_class[c] = k;
    }
}

/* The class of the character at p and its length in bytes. Only the few
 * non-ASCII characters that matter here are told apart; any other byte at
 * or above 0x80, valid or not, counts as part of a word. */
static inline CharClass
char_class (const guint8 *p,
            gsize         avail,
            guint        *clen)
{
  guint8 c = p[0];

  *clen = 1;
  if (c < 0x80)
    return ascii_class[c];
  if (c == 0xC2 && avail >= 2)
    {
      *clen = 2;
      if (p[1] == 0xA0)
        return CLASS_SPACE;
      if (p[1] == 0xA3 || p[1] == 0xA5)
        return CLASS_SYMBOL;
      if (p[1] >= 0xA0 && p[1] <= 0xBF)
        return CLASS_PUNCT;
      return CLASS_SPACE;  /* C1 controls */
    }
  if (c == 0xC3 && avail >= 2 && (p[1] == 0x97 || p[1] == 0xB7))
    {
      *clen = 2;
      return CLASS_PUNCT;
    }
  if (c == 0xE2 && avail >= 3 && (p[2] & 0xC0) == 0x80)
    {
      *clen = 3;
      if (p[1] == 0x80)
        {
          if (p[2] <= 0x8B || p[2] == 0xAF)
            return CLASS_SPACE;
          if (p[2] >= 0x90 && p[2] <= 0x95)
            return CLASS_DASH;
          if (p[2] == 0x99)
            return CLASS_APOSTROPHE;
          if (p[2] == 0xA8 || p[2] == 0xA9)
            return CLASS_NEWLINE;
          return CLASS_PUNCT;
        }
      if (p[1] == 0x81)
        return p[2] == 0x9F ? CLASS_SPACE : CLASS_PUNCT;
      if (p[1] == 0x82 && p[2] >= 0xA0)
        return CLASS_SYMBOL;
      if (p[1] == 0x88 && p[2] == 0x92)
        return CLASS_DASH;
      if (p[1] >= 0x84 && p[1] <= 0xBF)
        return CLASS_PUNCT;  /* arrows, maths, boxes, dingbats, ※ */
    }
  if (c == 0xE3 && avail >= 3 && p[1] == 0x80 && (p[2] & 0xC0) == 0x80)
    {
      *clen = 3;
      return p[2] == 0x80 ? CLASS_SPACE : CLASS_PUNCT;
    }
  if (c == 0xEF && avail >= 3 && p[1] == 0xBB && p[2] == 0xBF)
    {
      *clen = 3;
      return CLASS_SPACE;
    }
  if (c >= 0xC2 && c <= 0xDF && avail >= 2 && (p[1] & 0xC0) == 0x80)
    *clen = 2;
  else if (c >= 0xE0 && c <= 0xEF && avail >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
    *clen = 3;
  else if (c >= 0xF0 && c <= 0xF4 && avail >= 4 && (p[1] & 0xC0) == 0x80
           && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80)
    *clen = 4;
  return CLASS_LETTER;
}

static inline gboolean
is_run_end (guint8 c)
{
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* A URL or e-mail address is skipped whole so that no number inside it is
 * read: "https://…/2025/06/17/…", "www.example.kz/news/12", "a@b.kz". */
static gsize
url_length (const char *text,
            gsize       pos,
            gsize       len)
{
  const guint8 *p = (const guint8 *) text + pos;
  gsize n = 0, max = MIN (len - pos, 4096);
  gssize first_slash = -1, first_dot = -1, at = -1, scheme = -1;

  while (n < max && !is_run_end (p[n]))
    {
      if (p[n] == '/' && first_slash < 0)
        first_slash = n;
      else if (p[n] == '.' && first_dot < 0 && n + 1 < max && g_ascii_isalpha (p[n + 1]))
        first_dot = n;
      else if (p[n] == '@' && at < 0)
        at = n;
      else if (p[n] == ':' && scheme < 0 && n + 2 < max && p[n + 1] == '/' && p[n + 2] == '/')
        scheme = n;
      n++;
    }
  if (scheme > 0)
    return n;
  if (n > 4 && g_ascii_strncasecmp ((const char *) p, "www.", 4) == 0)
    return n;
  if (at > 0 && first_dot > at)
    return n;
  if (first_dot > 0 && first_slash > first_dot)
    return n;
  return 0;
}

static gsize
scan_word (const guint8 *p,
           gsize         avail,
           guint16      *flags,
           guint32      *hash)
{
  gsize n = 0;
  guint clen;
  gboolean all_caps = TRUE;
  guint32 h = TALLY_LEXICON_HASH_INIT;

  /* Initialisms with dots: "U.S.", "a.m.". */
  if (avail >= 4 && g_ascii_isalpha (p[0]) && p[1] == '.' && g_ascii_isalpha (p[2]) && p[3] == '.')
    {
      n = 4;
      while (n + 1 < avail && g_ascii_isalpha (p[n]) && p[n + 1] == '.')
        n += 2;
      for (gsize i = 0; i < n; i++)
        h = tally_lexicon_hash_step (h, p[i]);
      *hash = h;
      return n;
    }

  while (n < avail)
    {
      CharClass k;

      /* The common case, plain ASCII letters, without the class look-up. */
      if (p[n] >= 'a' && p[n] <= 'z')
        {
          all_caps = FALSE;
          h = (h ^ p[n]) * 16777619u;
          n++;
          continue;
        }
      if (p[n] >= 'A' && p[n] <= 'Z')
        {
          h = (h ^ (p[n] + 32)) * 16777619u;
          n++;
          continue;
        }
      k = char_class (p + n, avail - n, &clen);
      if (k == CLASS_LETTER || (k == CLASS_DIGIT && n > 0))
        {
          if (clen == 2 && (p[n] == 0xD0 || p[n] == 0xD1))
            {
              /* Cyrillic, folded as the lexicon folds its keys. */
              guint8 b0 = p[n], b1 = p[n + 1];

              if (b0 == 0xD1 || b1 >= 0xB0)
                all_caps = FALSE;
              tally_lexicon_fold_cyrillic (&b0, &b1);
              h = ((h ^ b0) * 16777619u ^ b1) * 16777619u;
              n += 2;
              continue;
            }
          for (guint b = 0; b < clen; b++)
            h = tally_lexicon_hash_step (h, p[n + b]);
          n += clen;
          continue;
        }
      if ((k == CLASS_DASH && clen == 1) || k == CLASS_APOSTROPHE)
        {
          guint next_len;
          CharClass next;

          if (n + clen >= avail)
            break;
          next = char_class (p + n + clen, avail - n - clen, &next_len);
          /* "twenty-five", "China's"; "COVID-19" stays one word, "mid-2024"
           * does not, so that the year is still read. */
          if (next == CLASS_LETTER || (next == CLASS_DIGIT && all_caps && k == CLASS_DASH))
            {
              if (k == CLASS_DASH)
                *flags |= TALLY_TOKEN_HYPHENATED;
              for (guint b = 0; b < clen; b++)
                h = tally_lexicon_hash_step (h, p[n + b]);
              n += clen;
              continue;
            }
        }
      break;
    }
  *hash = h;
  return n;
}

/* The length of an invisible format character at p (soft hyphen, zero-width
 * joiners, word joiner, byte-order mark, direction marks), or 0. Pasted
 * text carries them inside figures: "$1<U+FEFF>.5 billion". */
static inline gsize
format_length (const guint8 *p,
               gsize         avail)
{
  if (avail >= 2 && p[0] == 0xC2 && p[1] == 0xAD)
    return 2;
  if (avail < 3)
    return 0;
  if (p[0] == 0xE2 && p[1] == 0x80 && ((p[2] >= 0x8B && p[2] <= 0x8F) || (p[2] >= 0xAA && p[2] <= 0xAE)))
    return 3;
  if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA0 && p[2] <= 0xAF && p[2] != 0xA5)
    return 3;
  if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    return 3;
  return 0;
}

/* The length of a space that groups digits in languages that write
 * "12 500": a space, a no-break space, a thin or narrow no-break space. */
static inline gsize
group_space_length (const guint8 *p,
                    gsize         avail)
{
  if (avail >= 1 && p[0] == ' ')
    return 1;
  if (avail >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
    return 2;
  if (avail >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x89 || p[2] == 0xAF))
    return 3;
  return 0;
}

static gsize
scan_number (const guint8 *p,
             gsize         avail,
             TallyToken   *token,
             gboolean      decimal_comma,
             gboolean      space_groups)
{
  gsize n = 0, f;
  guint digits = 0, decimals = 0;
  gint64 mantissa = 0;
  gboolean huge = FALSE;

  while (n < avail)
    {
      /* Format characters inside a figure are skipped when the figure goes
       * on after them. */
      if (n > 0 && (f = format_length (p + n, avail - n)) > 0)
        {
          gsize m = n + f;

          while (m < avail && (f = format_length (p + m, avail - m)) > 0)
            m += f;
          if (m < avail && (g_ascii_isdigit (p[m])
                            || ((p[m] == '.' || p[m] == ',') && m + 1 < avail && g_ascii_isdigit (p[m + 1]))))
            {
              n = m;
              continue;
            }
          break;
        }
      if (g_ascii_isdigit (p[n]))
        {
          if (digits + decimals < 18)
            mantissa = mantissa * 10 + (p[n] - '0');
          else
            huge = TRUE;
          if (token->flags & TALLY_TOKEN_NUMBER_DECIMAL)
            decimals++;
          else
            digits++;
          n++;
        }
      else if (decimal_comma && p[n] == ',' && n + 1 < avail && g_ascii_isdigit (p[n + 1]))
        {
          /* "12,7": the language's decimal comma; a second one ends the
           * figure ("1,5,7" is a list). */
          if (token->flags & TALLY_TOKEN_NUMBER_DECIMAL)
            break;
          token->flags |= TALLY_TOKEN_NUMBER_DECIMAL;
          n++;
        }
      else if (space_groups && digits >= 1 && !(token->flags & TALLY_TOKEN_NUMBER_DECIMAL)
               && (digits <= 3 || (token->flags & TALLY_TOKEN_NUMBER_SEP))
               && (f = group_space_length (p + n, avail - n)) > 0 && n + f + 2 < avail
               && g_ascii_isdigit (p[n + f]) && g_ascii_isdigit (p[n + f + 1]) && g_ascii_isdigit (p[n + f + 2])
               && (n + f + 3 >= avail || !g_ascii_isdigit (p[n + f + 3])))
        {
          /* "12 500", "1 234 567": three digits after a space, the first
           * group at most three long. */
          token->flags |= TALLY_TOKEN_NUMBER_SEP;
          n += f;
        }
      else if (!decimal_comma && p[n] == ',' && !(token->flags & TALLY_TOKEN_NUMBER_DECIMAL)
               && (f = n + 1 + format_length (p + n + 1, avail - n - 1)) + 2 < avail
               && g_ascii_isdigit (p[f]) && g_ascii_isdigit (p[f + 1])
               && g_ascii_isdigit (p[f + 2]) && (f + 3 >= avail || !g_ascii_isdigit (p[f + 3])))
        {
          token->flags |= TALLY_TOKEN_NUMBER_SEP;
          n = f;
        }
      else if (p[n] == '.' && n + 1 < avail && g_ascii_isdigit (p[n + 1]))
        {
          if (token->flags & TALLY_TOKEN_NUMBER_DECIMAL)
            {
              /* "1.2.3": a version or an ID, not a quantity. */
              huge = TRUE;
            }
          token->flags |= TALLY_TOKEN_NUMBER_DECIMAL;
          n++;
        }
      else
        break;
    }
  /* A comma group must be followed by exactly three digits: "1,2345" and
   * the like were not taken as separators above. */
  if (huge)
    token->flags |= TALLY_TOKEN_NUMBER_HUGE;
  token->mantissa = mantissa;
  token->n_int_digits = MIN (digits, 255);
  token->decimals = MIN (decimals, 255);
  return n;
}

gboolean
tally_tokenizer_next (const TallyLexicon *lexicon,
                      const char         *text,
                      gsize               len,
                      gsize              *pos,
                      TallyToken         *token)
{
  static gsize initialised = 0;
  const guint8 *p = (const guint8 *) text;
  gsize i = *pos;
  guint newlines = 0, clen;
  gboolean space = FALSE;
  CharClass k;

  if (g_once_init_enter (&initialised))
    {
      init_ascii_class ();
      g_once_init_leave (&initialised, 1);
    }

  for (;;)
    {
      if (i >= len)
        {
          *pos = len;
          return FALSE;
        }
      if (p[i] == ' ')
        {
          space = TRUE;
          i++;
          continue;
        }
      k = char_class (p + i, len - i, &clen);
      if (k == CLASS_SPACE)
        space = TRUE;
      else if (k == CLASS_NEWLINE)
        {
          space = TRUE;
          newlines++;
        }
      else
        break;
      i += clen;
    }

  memset (token, 0, sizeof *token);
  token->start = i;
  if (space)
    token->flags |= TALLY_TOKEN_SPACE_BEFORE;
  if (newlines > 0 || i == 0)
    token->flags |= TALLY_TOKEN_LINE_START;
  if (newlines > 1)
    token->flags |= TALLY_TOKEN_BLANK_BEFORE;

  switch (k)
    {
    case CLASS_LETTER:
      {
        guint32 hash;
        gsize url;

        token->end = i + scan_word (p + i, len - i, &token->flags, &hash);
        /* Only a word that runs on into ".", ":", "/" or "@" can be the
         * start of a URL or an address: most words skip the check. */
        if ((space || i == 0) && token->end < len
            && (text[token->end] == '.' || text[token->end] == '/' || text[token->end] == ':'
                || text[token->end] == '@')
            && (url = url_length (text, i, len)) > 0)
          {
            token->type = TALLY_TOKEN_URL;
            token->end = i + url;
            token->flags &= ~TALLY_TOKEN_HYPHENATED;
            break;
          }
        token->type = TALLY_TOKEN_WORD;
        if ((p[i] >= 'A' && p[i] <= 'Z')
            || (p[i] == 0xD0 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0xAF))  /* Cyrillic capitals */
          token->flags |= TALLY_TOKEN_CAPITALIZED;
        token->lex = tally_lexicon_lookup_hashed (lexicon, text + i, token->end - i, hash);
        break;
      }
    case CLASS_DIGIT:
      token->type = TALLY_TOKEN_NUMBER;
      token->end = i + scan_number (p + i, len - i, token, tally_lexicon_decimal_comma (lexicon),
                                    tally_lexicon_space_groups (lexicon));
      break;
    case CLASS_SYMBOL:
      token->type = TALLY_TOKEN_SYMBOL;
      token->end = i + clen;
      token->lex = tally_lexicon_lookup (lexicon, text + i, clen);
      break;
    case CLASS_DASH:
      token->type = TALLY_TOKEN_DASH;
      token->end = i + clen;
      break;
    case CLASS_SPACE:
    case CLASS_NEWLINE:
    case CLASS_APOSTROPHE:
    case CLASS_PERIOD:
    case CLASS_PUNCT:
    default:
      token->type = TALLY_TOKEN_PUNCT;
      token->end = i + clen;
      break;
    }
  *pos = token->end;
  return TRUE;
}

double
tally_token_number_value (const TallyToken *token)
{
  static const double pow10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
                                  1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18 };

  return (double) token->mantissa / pow10[MIN (token->decimals, 18)];
}
