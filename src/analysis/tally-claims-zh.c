/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "tally-analysis-resources.h"
#include "tally-claims-zh.h"
#include "tally-gazetteer.h"
#include "tally-lexicon-file.h"

/* Chinese is written without spaces, so the English reader's tokens do not
 * apply: this one scans the characters. A figure is Arabic digits (ASCII or
 * full-width, "1,808,581", "180.86") or Chinese numerals ("七", "三百五十"),
 * then a scale ("万", "亿"), then what it counts or costs ("辆", "美元", "%",
 * "吨"); years and dates are "2024年3月4日", "3月4日至6日"; ordinals "第二届"
 * and quarters "四季度". Before the figure: a qualifier ("超过", "近"), a word
 * of change ("同比增长") or projection ("预计") in its clause, and what it
 * measures: the nearest [measure] noun before it in its clause, else the
 * noun phrase after its counter, cut into words by ICU's dictionary word
 * break. Subjects are the names of the gazetteer (zh.names, zh.orgs). Every word
 * is in lexicons/zh.claims. */

enum
{
  ZH_DIGIT          = 1 << 0,
  ZH_DIGIT_UNIT     = 1 << 1,
  ZH_SCALE          = 1 << 2,
  ZH_CURRENCY       = 1 << 3,
  ZH_PERCENT        = 1 << 4,
  ZH_TENTH          = 1 << 5,
  ZH_COUNTER        = 1 << 6,
  ZH_UNIT           = 1 << 7,
  ZH_DURATION       = 1 << 8,
  ZH_QUALIFIER      = 1 << 9,
  ZH_QUALIFIER_AFTER = 1 << 10,
  ZH_CHANGE         = 1 << 11,
  ZH_PROJECTION     = 1 << 12,
  ZH_RELATIVE       = 1 << 13,
  ZH_QUARTER        = 1 << 14,
  ZH_RANGE          = 1 << 15,
  ZH_MEASURE        = 1 << 16,
  ZH_SKIP           = 1 << 17,
  ZH_PERCENT_BEFORE = 1 << 18,
  ZH_BILATERAL      = 1 << 19,
};

#define ZH_AFTER_NUMBER (ZH_CURRENCY | ZH_PERCENT | ZH_TENTH | ZH_COUNTER | ZH_UNIT | ZH_DURATION | ZH_QUARTER)

typedef struct
{
  guint32 flags;
  double digit;
  double digit_unit;
  double scale;
  double tenth;
  const char *currency;
  const char *percent;
  const char *unit;
  const char *duration;
  const char *relative_unit;
  int relative_offset;
  guint8 qualifier;
  guint8 qualifier_after;
} ZhWord;

typedef struct
{
  GHashTable *words;      /* key → ZhWord */
  GStringChunk *strings;
  guint max_chars;
  guint8 starts[0x10000 / 8]; /* BMP characters that may begin a figure */
  guint8 key_starts[0x10000 / 8]; /* BMP characters that begin some word: look-ups elsewhere are skipped */
} ZhLexicon;

static const struct
{
  const char *name;
  guint32 flag;
} zh_sections[] = {
  { "digit", ZH_DIGIT }, { "digit_unit", ZH_DIGIT_UNIT }, { "scale", ZH_SCALE },
  { "currency", ZH_CURRENCY }, { "percent", ZH_PERCENT }, { "tenth", ZH_TENTH },
  { "counter", ZH_COUNTER }, { "unit", ZH_UNIT }, { "duration", ZH_DURATION },
  { "qualifier", ZH_QUALIFIER }, { "qualifier_after", ZH_QUALIFIER_AFTER },
  { "change", ZH_CHANGE }, { "projection", ZH_PROJECTION }, { "relative_date", ZH_RELATIVE },
  { "quarter", ZH_QUARTER }, { "range", ZH_RANGE }, { "measure", ZH_MEASURE },
  { "skip", ZH_SKIP }, { "percent_before", ZH_PERCENT_BEFORE }, { "bilateral", ZH_BILATERAL },
};

typedef struct
{
  ZhLexicon *lex;
  guint32 flag;
} ReadState;

static gboolean
read_section (const char  *section,
              gpointer     user_data,
              GError     **error)
{
  ReadState *state = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (zh_sections); i++)
    if (g_str_equal (section, zh_sections[i].name))
      {
        state->flag = zh_sections[i].flag;
        return TRUE;
      }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown section “%s”", section);
  return FALSE;
}

static void
mark_start (ZhLexicon  *lex,
            const char *key)
{
  gunichar ch = g_utf8_get_char (key);

  if (ch < 0x10000)
    lex->starts[ch >> 3] |= (guint8) (1u << (ch & 7));
}

static gboolean
read_entry (const char  *section,
            char        *key,
            const char  *value,
            gpointer     user_data,
            GError     **error)
{
  ReadState *state = user_data;
  ZhLexicon *lex = state->lex;
  ZhWord *word = g_hash_table_lookup (lex->words, key);
  TallyQualifier q;
  guint chars = g_utf8_strlen (key, -1);

  if (word == NULL)
    {
      word = g_new0 (ZhWord, 1);
      g_hash_table_insert (lex->words, g_string_chunk_insert_const (lex->strings, key), word);
    }
  lex->max_chars = MAX (lex->max_chars, chars);
  {
    gunichar first = g_utf8_get_char (key);

    if (first < 0x10000)
      lex->key_starts[first >> 3] |= (guint8) (1u << (first & 7));
  }
  word->flags |= state->flag;
  switch (state->flag)
    {
    case ZH_DIGIT:
    case ZH_DIGIT_UNIT:
    case ZH_SCALE:
    case ZH_TENTH:
      {
        double v = value != NULL ? g_ascii_strtod (value, NULL) : 0;

        if (v <= 0 && state->flag != ZH_DIGIT)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s” needs a number", key);
            return FALSE;
          }
        if (state->flag == ZH_DIGIT)
          word->digit = v;
        else if (state->flag == ZH_DIGIT_UNIT)
          word->digit_unit = v;
        else if (state->flag == ZH_SCALE)
          word->scale = v;
        else
          word->tenth = v;
        if (state->flag == ZH_DIGIT || state->flag == ZH_DIGIT_UNIT)
          mark_start (lex, key);
        return TRUE;
      }
    case ZH_CURRENCY:
    case ZH_PERCENT:
    case ZH_UNIT:
    case ZH_DURATION:
    case ZH_PERCENT_BEFORE:
      {
        const char *v = value ? g_string_chunk_insert_const (lex->strings, value) : NULL;

        if (v == NULL)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s” needs a value", key);
            return FALSE;
          }
        if (state->flag == ZH_CURRENCY)
          word->currency = v;
        else if (state->flag == ZH_PERCENT || state->flag == ZH_PERCENT_BEFORE)
          word->percent = v;
        else if (state->flag == ZH_UNIT)
          word->unit = v;
        else
          word->duration = v;
        if (state->flag == ZH_PERCENT_BEFORE)
          mark_start (lex, key);
        return TRUE;
      }
    case ZH_QUALIFIER:
    case ZH_QUALIFIER_AFTER:
      if (value == NULL || !tally_qualifier_from_string (value, &q))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s” needs a qualifier", key);
          return FALSE;
        }
      if (state->flag == ZH_QUALIFIER)
        word->qualifier = q;
      else
        word->qualifier_after = q;
      return TRUE;
    case ZH_RELATIVE:
      {
        g_auto(GStrv) parts = value ? g_strsplit (value, " ", 2) : NULL;

        if (parts == NULL || parts[0] == NULL || parts[1] == NULL)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s” needs “unit offset”", key);
            return FALSE;
          }
        word->relative_unit = g_string_chunk_insert_const (lex->strings, parts[0]);
        word->relative_offset = atoi (parts[1]);
        mark_start (lex, key);
        return TRUE;
      }
    default:
      return TRUE;
    }
}

static ZhLexicon *
zh_lexicon_get (void)
{
  static ZhLexicon *lexicon;

  if (g_once_init_enter_pointer (&lexicon))
    {
      ZhLexicon *lex = g_new0 (ZhLexicon, 1);
      ReadState state = { lex, 0 };
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      lex->words = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      lex->strings = g_string_chunk_new (4096);
      (void) tally_analysis_get_resource ();
      bytes = g_resources_lookup_data ("/io/github/tallyapp/Tally/analysis/lexicons/zh.claims",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL
          || !tally_lexicon_file_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "zh.claims",
                                       read_section, read_entry, &state, &error))
        g_critical ("%s", error->message);
      /* "第二届": 第 opens an ordinal. */
      mark_start (lex, "第");
      g_once_init_leave_pointer (&lexicon, lex);
    }
  return lexicon;
}

/* ---- scanning ---------------------------------------------------------- */

typedef struct
{
  const ZhLexicon *lex;
  const char *text;
  gsize len;
  const TallyExtractOptions *options;
  TallyClaimFunc func;
  gpointer user_data;
  guint n_claims;

  gsize sentence_start;
  gsize sentence_end;
  int sentence_year;         /* the last year read in the sentence, 0 before one */
  char *last_measure;        /* the measure of the sentence's last figure */
  gsize last_figure_end;
  gboolean last_projected;   /* the sentence's last figure was a projection */
  gsize last_year_at;        /* where the sentence's last year or date was read */

  UBreakIterator *words;     /* ICU dictionary word break, opened once */
  const TallyGazetteer *gazetteer;
  gsize subject_scanned;     /* how far the sentence was read for names */
  const char *subject_found; /* the last name read there */
  TallySubjectKind subject_found_kind;
  const char *last_pair;     /* the last pair of countries the text named */
  gsize pairs_scanned;       /* how far the text was read for them */
  GString *measure;
} Zh;

static gunichar
char_at (const char *text,
         gsize       pos,
         gsize       end,
         gsize      *next)
{
  guint8 b = (guint8) text[pos];
  gunichar ch;

  if (b < 0x80)
    {
      *next = pos + 1;
      return b;
    }
  /* The common case in Chinese text: a well-formed three-byte character. */
  if ((b & 0xF0) == 0xE0 && pos + 2 < end && ((guint8) text[pos + 1] & 0xC0) == 0x80
      && ((guint8) text[pos + 2] & 0xC0) == 0x80)
    {
      ch = ((b & 0x0F) << 12) | (((guint8) text[pos + 1] & 0x3F) << 6) | ((guint8) text[pos + 2] & 0x3F);
      if (ch >= 0x800 && (ch < 0xD800 || ch > 0xDFFF))
        {
          *next = pos + 3;
          return ch;
        }
    }
  ch = g_utf8_get_char_validated (text + pos, end - pos);
  if (ch == (gunichar) -1 || ch == (gunichar) -2)
    {
      *next = pos + 1;
      return 0xFFFD;
    }
  *next = pos + g_unichar_to_utf8 (ch, NULL);
  return ch;
}

static gsize
char_before (const char *text,
             gsize       limit,
             gsize       pos)
{
  if (pos <= limit)
    return limit;
  pos--;
  while (pos > limit && ((guint8) text[pos] & 0xC0) == 0x80)
    pos--;
  return pos;
}

static inline gboolean
may_start_word (const ZhLexicon *lex,
                const char      *text,
                gsize            pos,
                gsize            end)
{
  gsize next;
  gunichar ch = char_at (text, pos, end, &next);

  return ch >= 0x10000 || (lex->key_starts[ch >> 3] & (1u << (ch & 7)));
}

/* The longest word of `flags` that starts at pos (and ends by end). */
static const ZhWord *
word_at (const ZhLexicon *lex,
         const char      *text,
         gsize            pos,
         gsize            end,
         guint32          flags,
         gsize           *out_len)
{
  gsize stops[16];
  guint n = 0;
  gsize p = pos;
  char key[64];

  if (pos >= end || !may_start_word (lex, text, pos, end))
    return NULL;
  while (n < lex->max_chars && n < G_N_ELEMENTS (stops) && p < end)
    {
      gsize next;

      char_at (text, p, end, &next);
      if (next - pos >= sizeof key)
        break;
      stops[n++] = next;
      p = next;
    }
  while (n > 0)
    {
      gsize l = stops[--n] - pos;
      const ZhWord *w;

      memcpy (key, text + pos, l);
      key[l] = '\0';
      w = g_hash_table_lookup (lex->words, key);
      if (w != NULL && (w->flags & flags))
        {
          *out_len = l;
          return w;
        }
    }
  return NULL;
}

/* The longest word of `flags` that ends at pos (and starts at limit or after). */
static const ZhWord *
word_before (const ZhLexicon *lex,
             const char      *text,
             gsize            limit,
             gsize            pos,
             guint32          flags,
             gsize           *out_start)
{
  gsize starts[16];
  guint n = 0;
  gsize p = pos;
  char key[64];

  while (n < lex->max_chars && n < G_N_ELEMENTS (starts) && p > limit)
    {
      p = char_before (text, limit, p);
      if (pos - p >= sizeof key)
        break;
      starts[n++] = p;
    }
  while (n > 0)
    {
      gsize s = starts[--n];
      const ZhWord *w;

      if (!may_start_word (lex, text, s, pos))
        continue;
      memcpy (key, text + s, pos - s);
      key[pos - s] = '\0';
      w = g_hash_table_lookup (lex->words, key);
      if (w != NULL && (w->flags & flags))
        {
          *out_start = s;
          return w;
        }
    }
  return NULL;
}

static gboolean
is_sentence_end (gunichar ch)
{
  return ch == 0x3002 /* 。 */ || ch == 0xFF01 || ch == 0xFF1F || ch == '!' || ch == '?' || ch == '\n'
         || ch == 0xFF61 /* ｡ */;
}

/* Where a clause stops: commas, semicolons, colons, brackets, the
 * enumeration comma, quotation marks. */
static gboolean
is_clause_break (gunichar ch)
{
  switch (ch)
    {
    case ',': case ';': case ':': case '(': case ')': case '[': case ']':
    case 0xFF0C: case 0xFF1B: case 0xFF1A: case 0xFF08: case 0xFF09: case 0x3001:
    case 0x3010: case 0x3011: case 0x300C: case 0x300D: case 0x201C: case 0x201D:
      return TRUE;
    default:
      return is_sentence_end (ch);
    }
}

static gsize
clause_start (Zh   *z,
              gsize pos)
{
  gsize p = pos;

  while (p > z->sentence_start)
    {
      gsize q = char_before (z->text, z->sentence_start, p), next;
      gunichar ch = char_at (z->text, q, z->sentence_end, &next);

      /* "1,808,581": a comma between digits is no clause break. */
      if (ch == ',' && q > z->sentence_start && g_ascii_isdigit (z->text[q - 1]) && q + 1 < z->sentence_end
          && g_ascii_isdigit (z->text[q + 1]))
        {
          p = q;
          continue;
        }
      if (is_clause_break (ch))
        break;
      p = q;
    }
  return p;
}

static gsize
clause_end (Zh   *z,
            gsize pos)
{
  gsize p = pos;

  while (p < z->sentence_end)
    {
      gsize next;
      gunichar ch = char_at (z->text, p, z->sentence_end, &next);

      if (ch == ',' && p > 0 && g_ascii_isdigit (z->text[p - 1]) && next < z->sentence_end
          && g_ascii_isdigit (z->text[next]))
        {
          p = next;
          continue;
        }
      if (is_clause_break (ch))
        break;
      p = next;
    }
  return p;
}

static int
ascii_or_wide_digit (gunichar ch)
{
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (ch >= 0xFF10 && ch <= 0xFF19)
    return ch - 0xFF10;
  return -1;
}

static gsize
skip_spaces (const char *text,
             gsize       pos,
             gsize       end)
{
  for (guint n = 0; n < 2 && pos < end; n++)
    {
      if (text[pos] == ' ')
        pos++;
      else if (pos + 1 < end && (guint8) text[pos] == 0xC2 && (guint8) text[pos + 1] == 0xA0)
        pos += 2;
      else
        break;
    }
  return pos;
}

typedef struct
{
  double value;
  gsize end;
  gboolean arabic;
  gboolean integer;
  guint digits;         /* Arabic digits read, for years */
} Number;

/* Arabic digits: "1,808,581", "180.86", full-width "１２３". */
static gboolean
read_arabic (Zh     *z,
             gsize   pos,
             gsize   end,
             Number *out)
{
  g_autoptr(GString) buf = g_string_new (NULL);
  gsize p = pos;
  gboolean point = FALSE;

  out->digits = 0;
  while (p < end)
    {
      gsize next;
      gunichar ch = char_at (z->text, p, end, &next);
      int d = ascii_or_wide_digit (ch);

      if (d >= 0)
        {
          g_string_append_c (buf, (char) ('0' + d));
          out->digits++;
          p = next;
          continue;
        }
      /* A group mark is a comma with exactly three digits after it. */
      if (ch == ',' && !point && buf->len > 0 && next + 3 <= end && g_ascii_isdigit (z->text[next])
          && g_ascii_isdigit (z->text[next + 1]) && g_ascii_isdigit (z->text[next + 2])
          && (next + 3 == end || !g_ascii_isdigit (z->text[next + 3])))
        {
          p = next;
          continue;
        }
      if ((ch == '.' || ch == 0xFF0E) && !point && buf->len > 0 && next < end
          && ascii_or_wide_digit (g_utf8_get_char_validated (z->text + next, end - next)) >= 0)
        {
          g_string_append_c (buf, '.');
          point = TRUE;
          p = next;
          continue;
        }
      break;
    }
  if (buf->len == 0)
    return FALSE;
  out->value = g_ascii_strtod (buf->str, NULL);
  out->end = p;
  out->arabic = TRUE;
  out->integer = !point;
  return TRUE;
}

/* Chinese numerals below ten thousand: "七", "十五", "三百五十", "两千".
 * 万 and 亿 are scales, read after the number. */
static gboolean
read_chinese (Zh     *z,
              gsize   pos,
              gsize   end,
              Number *out)
{
  double total = 0, digit = -1;
  gsize p = pos;
  gboolean any = FALSE;

  while (p < end)
    {
      gsize l;
      const ZhWord *w = word_at (z->lex, z->text, p, end, ZH_DIGIT | ZH_DIGIT_UNIT, &l);

      if (w == NULL || g_utf8_strlen (z->text + p, l) != 1)
        break;
      if (w->flags & ZH_DIGIT_UNIT)
        {
          total += (digit < 0 ? 1 : digit) * w->digit_unit;
          digit = -1;
        }
      else
        {
          if (digit >= 0)  /* "二〇二三": digits one by one */
            digit = digit * 10 + w->digit;
          else
            digit = w->digit;
        }
      any = TRUE;
      p += l;
    }
  if (!any)
    return FALSE;
  if (digit >= 0)
    total += digit;
  out->value = total;
  out->end = p;
  out->arabic = FALSE;
  out->integer = TRUE;
  out->digits = 0;
  return TRUE;
}

static gboolean
read_number (Zh     *z,
             gsize   pos,
             gsize   end,
             Number *out)
{
  return read_arabic (z, pos, end, out) || read_chinese (z, pos, end, out);
}

/* ---- claims ------------------------------------------------------------- */

typedef struct
{
  TallyClaimRecord r;
  gsize figure_start;   /* the number's first byte, after any qualifier */
} Claim;

static void
emit (Zh    *z,
      Claim *c)
{
  c->r.sentence_start = z->sentence_start;
  c->r.sentence_end = z->sentence_end;
  z->func (&c->r, z->user_data);
  z->n_claims++;
  g_free (c->r.value_text);
  g_free (c->r.value_max_text);
  g_free (c->r.unit);
  g_free (c->r.relative);
  g_free (c->r.subject);
  g_free (c->r.measure);
}

/* The noun phrase after a figure, cut by ICU into words: up to four words
 * of letters, stopping at a [skip] word, a digit or punctuation. */
static char *
noun_after (Zh    *z,
            gsize  pos,
            gsize  end,
            guint  max_words)
{
  UChar buf[96];
  int32_t n16 = 0;
  UErrorCode status = U_ZERO_ERROR;
  gsize stop = pos;
  int32_t prev, cur;
  guint words = 0;
  gsize byte = pos;
  int32_t unit16 = 0;

  /* Twenty characters are enough for a noun phrase. */
  for (guint i = 0; i < 20 && stop < end; i++)
    {
      gsize next;

      char_at (z->text, stop, end, &next);
      stop = next;
    }
  if (stop == pos || z->words == NULL)
    return NULL;
  u_strFromUTF8 (buf, G_N_ELEMENTS (buf), &n16, z->text + pos, (int32_t) (stop - pos), &status);
  if (U_FAILURE (status))
    return NULL;
  ubrk_setText (z->words, buf, n16, &status);
  if (U_FAILURE (status))
    return NULL;
  prev = ubrk_first (z->words);
  g_string_truncate (z->measure, 0);
  while ((cur = ubrk_next (z->words)) != UBRK_DONE && words < max_words)
    {
      int32_t tag = ubrk_getRuleStatus (z->words);
      gsize start = byte;
      gsize len;
      const ZhWord *w;
      char key[64];

      /* Walk the UTF-8 bytes along with the UTF-16 units. */
      while (unit16 < cur && byte < stop)
        {
          gsize next;
          gunichar ch = char_at (z->text, byte, stop, &next);

          unit16 += ch > 0xFFFF ? 2 : 1;
          byte = next;
        }
      len = byte - start;
      if (tag < UBRK_WORD_LETTER || tag >= UBRK_WORD_IDEO_LIMIT || len >= sizeof key)
        break;
      memcpy (key, z->text + start, len);
      key[len] = '\0';
      w = g_hash_table_lookup (z->lex->words, key);
      if (w != NULL && (w->flags & (ZH_SKIP | ZH_CHANGE | ZH_QUALIFIER | ZH_QUALIFIER_AFTER)))
        break;
      /* "居民使用一年": a number starts another figure's words. */
      {
        gsize l;

        if (word_at (z->lex, z->text, start, start + len, ZH_DIGIT | ZH_DIGIT_UNIT, &l) != NULL
            || ascii_or_wide_digit (g_utf8_get_char (key)) >= 0)
          break;
      }
      g_string_append_len (z->measure, z->text + start, len);
      words++;
      prev = cur;
    }
  (void) prev;
  return z->measure->len > 0 ? g_strdup (z->measure->str) : NULL;
}

static char *measure_after (Zh *z, gsize pos, gsize end, gsize *out_end);

/* What the figure measures: the nearest [measure] word before it in its
 * clause; else the noun phrase after it; else, after an enumeration comma,
 * the measure of the figure before. */
static char *
find_measure (Zh             *z,
              TallyClaimKind  kind,
              gsize           clause,
              gsize           figure_start,
              gsize           figure_end,
              gsize           clause_stop)
{
  gsize p = figure_start;
  char *after = measure_after (z, figure_end, clause_stop, NULL);

  if (after != NULL)
    return after;
  while (p > clause)
    {
      gsize s;

      if (word_before (z->lex, z->text, clause, p, ZH_MEASURE, &s) != NULL)
        return g_strndup (z->text + s, p - s);
      p = char_before (z->text, clause, p);
    }
  /* A count names what it counts after its counter; a percentage or a sum
   * of money does not. */
  if (kind == TALLY_CLAIM_KIND_COUNT || kind == TALLY_CLAIM_KIND_NUMBER)
    {
      char *after = noun_after (z, figure_end, clause_stop, 4);

      if (after != NULL)
        return after;
    }
  /* "全年交付181万辆,同比增长38%", "42.29万辆、46.6万辆": a clause that
   * names no measure goes on with the sentence's figure before. */
  if (z->last_measure != NULL && kind != TALLY_CLAIM_KIND_DURATION)
    return g_strdup (z->last_measure);
  return NULL;
}

/* Whether a word of `flags` lies in [from, to). Read backwards by the
 * longest word ending at each place, so that "目标达成率" (a measure) is not
 * read as "目标" (a projection). */
static gboolean
has_word_before (Zh     *z,
                 gsize   from,
                 gsize   to,
                 guint32 flags)
{
  gsize p = to;

  while (p > from)
    {
      gsize s;
      const ZhWord *w = word_before (z->lex, z->text, from, p, ZH_MEASURE | ZH_CHANGE | ZH_PROJECTION | ZH_SKIP, &s);

      if (w != NULL && (w->flags & flags))
        return TRUE;
      p = w != NULL ? s : char_before (z->text, from, p);
    }
  return FALSE;
}

/* "180万辆的交付目标", "17%的份额": the measure named right after the
 * figure, joined to a second one that follows it. */
static char *
measure_after (Zh    *z,
               gsize  pos,
               gsize  end,
               gsize *out_end)
{
  gsize l, p = pos;
  const ZhWord *w;

  if (p + 3 <= end && memcmp (z->text + p, "的", 3) == 0)
    p += 3;
  else
    return NULL;
  w = word_at (z->lex, z->text, p, end, ZH_MEASURE, &l);
  if (w == NULL)
    return NULL;
  {
    gsize l2;

    if (word_at (z->lex, z->text, p + l, end, ZH_MEASURE, &l2) != NULL)
      l += l2;
  }
  if (out_end != NULL)
    *out_end = p + l;
  return g_strndup (z->text + p, l);
}

/* Whether the two characters of a pair of countries at `pos` ("中俄") end
 * where a word ends: "中美洲" (Central America) is one word, "中美贸易" is
 * not. The reader's word break (ICU's dictionary) decides. */
static gboolean
pair_is_word (Zh    *z,
              gsize  pos,
              gsize  len,
              gsize  end)
{
  UChar buf[16];
  int32_t n16 = 0, pair16 = 0;
  UErrorCode status = U_ZERO_ERROR;
  gsize stop = pos + len;

  if (z->words == NULL)
    return TRUE;
  for (guint i = 0; i < 4 && stop < end; i++)
    {
      gsize next;

      char_at (z->text, stop, end, &next);
      stop = next;
    }
  if (stop == pos + len)
    return TRUE;
  u_strFromUTF8 (NULL, 0, &pair16, z->text + pos, (int32_t) len, &status);
  status = U_ZERO_ERROR;
  u_strFromUTF8 (buf, G_N_ELEMENTS (buf), &n16, z->text + pos, (int32_t) (stop - pos), &status);
  if (U_FAILURE (status))
    return TRUE;
  ubrk_setText (z->words, buf, n16, &status);
  if (U_FAILURE (status))
    return TRUE;
  return ubrk_isBoundary (z->words, pair16);
}

/* What the figure is about: the nearest gazetteer name before it in its
 * sentence (a country of zh.names, an organisation or person of zh.orgs,
 * two countries of zh.pairs). */
static void
find_subject (Zh    *z,
              Claim *c)
{
  const TallyGazetteer *g = z->gazetteer;
  const char *found = z->subject_found;
  TallySubjectKind kind = z->subject_found_kind;
  gsize p = MAX (z->subject_scanned, z->sentence_start);
  gsize found_end = 0;

  if (g == NULL)
    return;
  /* The pairs of countries named between the sentences read for names
   * ("中俄贸易规模持续扩大。" with no figure), for a later "双边". */
  for (gsize q = z->pairs_scanned; q < z->sentence_start;)
    {
      const char *subject;
      gboolean pair = FALSE;
      gsize n = tally_gazetteer_match_prefix_full (g, z->text + q, z->sentence_start - q, &subject, NULL, &pair);
      gsize next;

      if (n > 0 && pair && pair_is_word (z, q, n, z->sentence_start))
        {
          z->last_pair = subject;
          q += n;
          continue;
        }
      char_at (z->text, q, z->sentence_start, &next);
      q = next;
    }
  z->pairs_scanned = MAX (z->pairs_scanned, z->sentence_start);
  /* Figures come in text order: the sentence is scanned once, on from
   * where the figure before stopped. */
  while (p < c->r.start)
    {
      const char *subject;
      TallySubjectKind k;
      gboolean pair = FALSE;
      gsize n = tally_gazetteer_match_prefix_full (g, z->text + p, c->r.start - p, &subject, &k, &pair);
      gsize next;

      /* A Latin name inside Chinese text ("Tesla的交付量") is a whole word:
       * "Teslas", "xTesla" are not it. */
      if (n > 0 && g_ascii_isalnum (z->text[p])
          && ((p > 0 && g_ascii_isalnum (z->text[p - 1])) || g_ascii_isalnum (z->text[p + n])))
        n = 0;
      if (n > 0 && pair && !pair_is_word (z, p, n, c->r.start))
        n = 0;
      if (n > 0 && pair)
        z->last_pair = subject;
      /* "中国和俄罗斯", "中国与俄罗斯": two countries joined by "and" are
       * the pair */
      if (n > 0 && !pair && k == TALLY_SUBJECT_KIND_COUNTRY && found != NULL && kind == TALLY_SUBJECT_KIND_COUNTRY
          && found_end + 3 == p && (memcmp (z->text + found_end, "和", 3) == 0 || memcmp (z->text + found_end, "与", 3) == 0
                                    || memcmp (z->text + found_end, "與", 3) == 0))
        {
          const char *both = tally_gazetteer_pair (found, subject);

          if (both != NULL)
            {
              subject = both;
              z->last_pair = both;
            }
        }
      if (n > 0)
        {
          found_end = p + n;
          found = subject;
          kind = k;
          p += n;
          continue;
        }
      char_at (z->text, p, c->r.start, &next);
      p = next;
    }
  z->subject_scanned = p;
  z->pairs_scanned = MAX (z->pairs_scanned, p);
  z->subject_found = found;
  z->subject_found_kind = kind;
  /* "双边贸易额达到…", "两国贸易额": both countries, the pair the text
   * last named, when the sentence names no one. */
  if (found == NULL && z->last_pair != NULL)
    for (gsize q = z->sentence_start; q < c->r.start;)
      {
        gsize l, next;

        if (word_at (z->lex, z->text, q, c->r.start, ZH_BILATERAL, &l) != NULL)
          {
            found = z->last_pair;
            kind = TALLY_SUBJECT_KIND_COUNTRY;
            break;
          }
        char_at (z->text, q, c->r.start, &next);
        q = next;
      }
  if (found != NULL)
    {
      c->r.subject = g_strdup (found);
      c->r.subject_kind = kind;
    }
}

static void
set_date_text (Claim *c,
               int    year,
               int    month,
               int    day)
{
  if (day > 0)
    c->r.value_text = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  else if (month > 0)
    c->r.value_text = g_strdup_printf ("%04d-%02d", year, month);
  else
    c->r.value_text = g_strdup_printf ("%04d", year);
  c->r.has_value = TRUE;
  c->r.value = year;
}

/* "3月4日", "10 月份": a month and day; returns the end, 0 when none. */
static gsize
read_month_day (Zh    *z,
                gsize  pos,
                gsize  end,
                int   *month,
                int   *day)
{
  Number n;
  gsize p;

  *month = *day = 0;
  if (!read_arabic (z, pos, end, &n) || !n.integer || n.value < 1 || n.value > 12)
    return 0;
  p = skip_spaces (z->text, n.end, end);
  if (p + strlen ("月") > end || memcmp (z->text + p, "月", strlen ("月")) != 0)
    return 0;
  *month = (int) n.value;
  p += strlen ("月");
  if (p + strlen ("份") <= end && memcmp (z->text + p, "份", strlen ("份")) == 0)
    return p + strlen ("份");
  {
    gsize q = skip_spaces (z->text, p, end);
    Number d;

    if (read_arabic (z, q, end, &d) && d.integer && d.value >= 1 && d.value <= 31)
      {
        gsize r = skip_spaces (z->text, d.end, end);

        if (r + 3 <= end && (memcmp (z->text + r, "日", 3) == 0 || memcmp (z->text + r, "号", 3) == 0
                             || memcmp (z->text + r, "號", 3) == 0))
          {
            *day = (int) d.value;
            return r + 3;
          }
      }
  }
  return p;
}

/* "至6日", "至3月6日": the end of a range of days; returns its end or 0. */
static gsize
read_day_range (Zh    *z,
                gsize  pos,
                gsize  end,
                int    month,
                int   *month_max,
                int   *day_max)
{
  gsize l, p;
  Number d;

  if (word_at (z->lex, z->text, pos, end, ZH_RANGE, &l) == NULL)
    return 0;
  p = pos + l;
  {
    int m, dd;
    gsize e = read_month_day (z, p, end, &m, &dd);

    if (e != 0 && dd != 0)
      {
        *month_max = m;
        *day_max = dd;
        return e;
      }
  }
  if (read_arabic (z, p, end, &d) && d.integer && d.value >= 1 && d.value <= 31)
    {
      gsize r = d.end;

      if (r + 3 <= end && (memcmp (z->text + r, "日", 3) == 0 || memcmp (z->text + r, "号", 3) == 0))
        {
          *month_max = month;
          *day_max = (int) d.value;
          return r + 3;
        }
    }
  return 0;
}

static void
resolve_relative (Zh             *z,
                  Claim          *c,
                  const ZhWord   *w,
                  gsize           end_of_word)
{
  const TallyExtractOptions *o = z->options;
  const char *unit = w->relative_unit;
  int month, day;
  gsize e;

  c->r.relative = g_strndup (z->text + c->r.start, end_of_word - c->r.start);
  c->r.kind = g_str_equal (unit, "year") ? TALLY_CLAIM_KIND_YEAR : TALLY_CLAIM_KIND_DATE;
  /* "去年5月": a month of that year. */
  if (g_str_equal (unit, "year") && (e = read_month_day (z, end_of_word, z->sentence_end, &month, &day)) != 0)
    {
      c->r.kind = TALLY_CLAIM_KIND_DATE;
      c->r.end = e;
      g_free (c->r.relative);
      c->r.relative = g_strndup (z->text + c->r.start, e - c->r.start);
      if (o->reference_year != 0)
        {
          set_date_text (c, o->reference_year + w->relative_offset, month, day);
          g_clear_pointer (&c->r.relative, g_free);
        }
      return;
    }
  if (o->reference_year == 0)
    return;
  if (g_str_equal (unit, "year"))
    {
      set_date_text (c, o->reference_year + w->relative_offset, 0, 0);
      c->r.value_text[4] = '\0';
    }
  else if (g_str_equal (unit, "month") && o->reference_month != 0)
    {
      int m = o->reference_year * 12 + (o->reference_month - 1) + w->relative_offset;

      set_date_text (c, m / 12, m % 12 + 1, 0);
    }
  else if (g_str_equal (unit, "day") && o->reference_day != 0)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, o->reference_day, o->reference_month, o->reference_year);
      if (w->relative_offset < 0)
        g_date_subtract_days (&date, -w->relative_offset);
      else
        g_date_add_days (&date, w->relative_offset);
      set_date_text (c, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
    }
  else
    return;  /* a quarter stays relative */
  g_clear_pointer (&c->r.relative, g_free);
}

/* Reads the figure at pos; returns where reading goes on (pos + one
 * character when there is none). */
static gsize
read_figure (Zh   *z,
             gsize pos)
{
  const ZhLexicon *lex = z->lex;
  gsize end = z->sentence_end;
  gsize clause;  /* where the figure's clause starts: found once it is a figure */
  gsize clause_stop;
  Claim c = { 0 };
  Number n;
  gsize p, l, next;
  const ZhWord *w;
  gboolean ordinal = FALSE;
  gboolean percent_before = FALSE;
  gboolean scaled = FALSE;
  double last_scale = 1;
  gunichar ch = char_at (z->text, pos, end, &next);

  c.r.start = pos;
  c.r.qualifier = TALLY_QUALIFIER_EXACT;
  c.r.modality = TALLY_MODALITY_REPORTED;

  /* Relative dates: "去年", "上季度". */
  if ((w = word_at (lex, z->text, pos, end, ZH_RELATIVE, &l)) != NULL)
    {
      gsize e;

      c.r.end = pos + l;
      resolve_relative (z, &c, w, pos + l);
      e = c.r.end;
      emit (z, &c);
      return e;
    }
  if (ch == 0x7B2C /* 第 */)
    {
      ordinal = TRUE;
      p = next;
    }
  else if ((w = word_at (lex, z->text, pos, end, ZH_PERCENT_BEFORE, &l)) != NULL)
    {
      percent_before = TRUE;
      p = pos + l;
    }
  else
    p = pos;
  /* "Model 3", "Q4", "5G": digits stuck to Latin letters are names. */
  if (!ordinal && !percent_before && ascii_or_wide_digit (ch) >= 0)
    {
      gsize b = pos;

      while (b > z->sentence_start && (z->text[b - 1] == ' '))
        b--;
      if (b > z->sentence_start && g_ascii_isalpha (z->text[b - 1]))
        goto skip_run;
    }
  if (!read_number (z, p, end, &n))
    return next;
  if (n.arabic && n.end < end && g_ascii_isalpha (z->text[n.end]))
    goto skip_run;
  c.figure_start = p;
  c.r.has_value = TRUE;
  c.r.value = n.value;
  p = n.end;

  if (ordinal)
    {
      /* "第四季度": the quarter is what is counted; "第二届论坛": the
       * counter belongs to the ordinal, the noun after it is its measure. */
      c.r.kind = TALLY_CLAIM_KIND_ORDINAL;
      w = word_at (lex, z->text, p, end, ZH_COUNTER | ZH_QUARTER, &l);
      if (w != NULL && (w->flags & ZH_QUARTER))
        c.r.measure = g_strndup (z->text + p, l);
      else
        {
          if (w != NULL)
            p += l;
          c.r.measure = noun_after (z, p, clause_end (z, p), 1);
        }
      c.r.end = w != NULL ? pos + (p - pos) + ((w->flags & ZH_QUARTER) ? l : 0) : p;
      emit (z, &c);
      return c.r.end;
    }

  /* Years and dates: "2024年3月4日", "2023 年 10 月". */
  {
    gsize q = skip_spaces (z->text, p, end);

    if (n.arabic && n.integer && n.digits == 4 && n.value >= 1000 && n.value < 3000
        && q + 3 <= end && memcmp (z->text + q, "年", 3) == 0)
      {
        int year = (int) n.value, month = 0, day = 0;
        gsize e = q + 3, md = read_month_day (z, skip_spaces (z->text, e, end), end, &month, &day);

        c.r.start = c.figure_start;
        if (md != 0)
          {
            int month_max = 0, day_max = 0;
            gsize r;

            c.r.kind = TALLY_CLAIM_KIND_DATE;
            set_date_text (&c, year, month, day);
            e = md;
            if (day != 0 && (r = read_day_range (z, md, end, month, &month_max, &day_max)) != 0)
              {
                c.r.value_max_text = g_strdup_printf ("%04d-%02d-%02d", year, month_max, day_max);
                c.r.has_value_max = TRUE;
                c.r.value_max = year;
                e = r;
              }
          }
        else
          {
            c.r.kind = TALLY_CLAIM_KIND_YEAR;
            set_date_text (&c, year, 0, 0);
          }
        c.r.end = e;
        z->sentence_year = year;
        z->last_year_at = c.r.start + 1;
        emit (z, &c);
        return e;
      }
    /* "3月4日至6日", "12月18日": no year. */
    if (n.arabic)
      {
        int month, day;
        gsize e = read_month_day (z, c.figure_start, end, &month, &day);

        if (e != 0)
          {
            int month_max = 0, day_max = 0;
            gsize r;
            const TallyExtractOptions *o = z->options;

            c.r.start = c.figure_start;
            c.r.kind = TALLY_CLAIM_KIND_DATE;
            if (day != 0 && (r = read_day_range (z, e, end, month, &month_max, &day_max)) != 0)
              e = r;
            c.r.end = e;
            if (o->reference_year != 0)
              {
                set_date_text (&c, o->reference_year, month, day);
                if (day_max != 0)
                  {
                    c.r.value_max_text = g_strdup_printf ("%04d-%02d-%02d", o->reference_year, month_max, day_max);
                    c.r.has_value_max = TRUE;
                    c.r.value_max = o->reference_year;
                  }
              }
            else
              {
                c.r.has_value = FALSE;
                c.r.value = 0;
                c.r.relative = g_strndup (z->text + c.r.start, e - c.r.start);
              }
            emit (z, &c);
            return e;
          }
      }
  }

  /* "2日晚间": a day of the month without its month is a date this reader
   * does not place; it is no count either. */
  if (n.arabic && n.integer && n.value >= 1 && n.value <= 31)
    {
      gsize q = skip_spaces (z->text, p, end);

      if (q + 3 <= end && (memcmp (z->text + q, "日", 3) == 0 || memcmp (z->text + q, "号", 3) == 0
                           || memcmp (z->text + q, "號", 3) == 0))
        return q + 3;
    }

  /* Qualifier after the number, then scale: "十余年", "一百多万辆". */
  p = skip_spaces (z->text, p, end);
  if ((w = word_at (lex, z->text, p, end, ZH_QUALIFIER_AFTER, &l)) != NULL && w->qualifier_after == TALLY_QUALIFIER_OVER
      && word_at (lex, z->text, p + l, end, ZH_SCALE | ZH_AFTER_NUMBER, &(gsize){ 0 }) != NULL)
    {
      c.r.qualifier = TALLY_QUALIFIER_OVER;
      p += l;
    }
  while ((w = word_at (lex, z->text, p, end, ZH_SCALE, &l)) != NULL)
    {
      scaled = TRUE;
      c.r.value *= w->scale;
      last_scale = w->scale;
      p = skip_spaces (z->text, p + l, end);
    }
  /* "2181亿7600万美元": a smaller scale's figure right after a larger one
   * adds to it (218,176,000,000). */
  if (scaled)
    {
      Number more;
      gsize l2;
      const ZhWord *smaller;

      if (read_number (z, p, end, &more) && more.arabic == n.arabic
          && (smaller = word_at (lex, z->text, more.end, end, ZH_SCALE, &l2)) != NULL
          && smaller->scale < last_scale && more.value * smaller->scale < last_scale)
        {
          c.r.value += more.value * smaller->scale;
          p = skip_spaces (z->text, more.end + l2, end);
        }
    }
  if ((w = word_at (lex, z->text, p, end, ZH_QUALIFIER_AFTER, &l)) != NULL && w->qualifier_after == TALLY_QUALIFIER_OVER
      && word_at (lex, z->text, p + l, end, ZH_AFTER_NUMBER, &(gsize){ 0 }) != NULL)
    {
      c.r.qualifier = TALLY_QUALIFIER_OVER;
      p += l;
    }

  /* "前两名", "前三季度": a span, not a count. */
  if (!n.arabic && c.figure_start >= z->sentence_start + 3 && memcmp (z->text + c.figure_start - 3, "前", 3) == 0)
    return p > next ? p : next;
  w = word_at (lex, z->text, p, end, ZH_AFTER_NUMBER, &l);
  if (percent_before)
    {
      c.r.kind = TALLY_CLAIM_KIND_PERCENT;
      c.r.unit = g_strdup ("%");
    }
  else if (w != NULL && (w->flags & ZH_QUARTER) && n.value >= 1 && n.value <= 4 && n.integer)
    {
      /* "四季度": a quarter, an ordinal as "fourth quarter" is. */
      c.r.kind = TALLY_CLAIM_KIND_ORDINAL;
      c.r.measure = g_strndup (z->text + p, l);
      c.r.end = p + l;
      emit (z, &c);
      return p + l;
    }
  else if (w != NULL && (w->flags & ZH_CURRENCY))
    {
      c.r.kind = TALLY_CLAIM_KIND_MONEY;
      c.r.unit = g_strdup (w->currency);
      p += l;
    }
  else if (w != NULL && (w->flags & ZH_PERCENT))
    {
      c.r.kind = TALLY_CLAIM_KIND_PERCENT;
      c.r.unit = g_strdup (w->percent);
      p += l;
    }
  else if (w != NULL && (w->flags & ZH_TENTH) && !n.arabic)
    {
      c.r.kind = TALLY_CLAIM_KIND_PERCENT;
      c.r.value *= w->tenth;
      c.r.unit = g_strdup ("%");
      p += l;
    }
  else if (w != NULL && (w->flags & ZH_UNIT))
    {
      c.r.kind = TALLY_CLAIM_KIND_NUMBER;
      c.r.unit = g_strdup (w->unit);
      p += l;
    }
  else if (w != NULL && (w->flags & ZH_DURATION) && !scaled)
    {
      c.r.kind = TALLY_CLAIM_KIND_DURATION;
      c.r.unit = g_strdup (w->duration);
      p += l;
    }
  else if (w != NULL && (w->flags & ZH_COUNTER))
    {
      gsize bl;

      /* "两国": both countries, a [bilateral] word, counts nothing */
      if (word_at (lex, z->text, c.figure_start, end, ZH_BILATERAL, &bl) != NULL && c.figure_start + bl >= p + l)
        return p + l;
      c.r.kind = TALLY_CLAIM_KIND_COUNT;
      p += l;
    }
  else if (n.arabic || scaled)
    c.r.kind = scaled ? TALLY_CLAIM_KIND_COUNT : TALLY_CLAIM_KIND_NUMBER;
  else
    return p > next ? p : next;  /* a numeral that counts nothing: "统一", "一些" */

  /* "一" alone is an article ("一位车主", "一年中", "这一成绩"), not a
   * figure. */
  if (!n.arabic && n.value == 1 && !scaled && !percent_before)
    {
      g_clear_pointer (&c.r.unit, g_free);
      return p;
    }

  /* Qualifier after: "70%以上", "3000左右". */
  if ((w = word_at (lex, z->text, p, end, ZH_QUALIFIER_AFTER, &l)) != NULL
      && (l > 3 || c.r.kind == TALLY_CLAIM_KIND_PERCENT || w->qualifier_after != TALLY_QUALIFIER_OVER))
    {
      c.r.qualifier = w->qualifier_after;
      p += l;
    }
  c.r.end = p;
  clause = clause_start (z, pos);
  clause_stop = clause_end (z, p);

  /* Qualifier before: "超过40项", "近七成". */
  {
    gsize s, before = c.figure_start;

    while (before > clause && z->text[before - 1] == ' ')
      before--;
    if ((w = word_before (lex, z->text, clause, before, ZH_QUALIFIER, &s)) != NULL)
      {
        c.r.qualifier = w->qualifier;
        c.r.start = s;
      }
  }

  /* A change when a word of change comes before it in its clause, unless
   * the figure is where it went to ("增长至"). */
  {
    gsize b = char_before (z->text, clause, c.r.start);
    gboolean to = c.r.start > clause && b + 3 <= c.r.start
                  && (memcmp (z->text + b, "至", 3) == 0 || memcmp (z->text + b, "到", 3) == 0);

    c.r.change = !to && has_word_before (z, clause, c.r.start, ZH_CHANGE);
  }
  /* A projection: a word of projection before the figure in its clause or
   * right after it ("180万辆的目标"); a change that goes on from a projected
   * figure of its sentence, naming no year of its own, is one too
   * ("预计将交付220万辆汽车,增幅约为22%"). */
  {
    gsize l2, named_end = 0;
    gsize after = c.r.end;
    g_autofree char *named = measure_after (z, c.r.end, clause_stop, &named_end);

    if (after + 3 <= clause_stop && memcmp (z->text + after, "的", 3) == 0)
      after += 3;
    if (has_word_before (z, clause, c.r.start, ZH_PROJECTION)
        || word_at (lex, z->text, after, clause_stop, ZH_PROJECTION, &l2) != NULL
        || (named != NULL && has_word_before (z, c.r.end, named_end, ZH_PROJECTION))
        || (c.r.change && z->last_projected && z->last_year_at < clause))
      c.r.modality = TALLY_MODALITY_PROJECTED;
  }
  c.r.measure = find_measure (z, c.r.kind, clause, c.r.start, c.r.end, clause_stop);
  c.r.scope_year = z->sentence_year;
  find_subject (z, &c);

  g_free (z->last_measure);
  z->last_measure = g_strdup (c.r.measure);
  z->last_figure_end = c.r.end;
  z->last_projected = c.r.modality == TALLY_MODALITY_PROJECTED;
  emit (z, &c);
  return p;

skip_run:
  /* Skip the whole run of digits and letters. */
  p = pos;
  while (p < end && (g_ascii_isalnum (z->text[p]) || z->text[p] == '.' || z->text[p] == ','))
    p++;
  return p > pos ? p : next;
}

static gboolean
may_start_figure (const ZhLexicon *lex,
                  gunichar         ch)
{
  if (ascii_or_wide_digit (ch) >= 0)
    return TRUE;
  return ch < 0x10000 && (lex->starts[ch >> 3] & (1u << (ch & 7)));
}

static void
read_sentence (Zh *z)
{
  gsize p = z->sentence_start;

  z->sentence_year = 0;
  z->subject_scanned = z->sentence_start;
  z->subject_found = NULL;
  z->subject_found_kind = TALLY_SUBJECT_KIND_NONE;
  z->last_projected = FALSE;
  z->last_year_at = 0;
  g_clear_pointer (&z->last_measure, g_free);
  z->last_figure_end = 0;
  while (p < z->sentence_end)
    {
      gsize next;
      gunichar ch = char_at (z->text, p, z->sentence_end, &next);

      if (may_start_figure (z->lex, ch))
        {
          gsize after = read_figure (z, p);

          p = after > p ? after : next;
        }
      else
        p = next;
    }
}

gboolean
_tally_claims_is_zh (const char *language)
{
  return language != NULL && language[0] == 'z' && language[1] == 'h' && (language[2] == '\0' || language[2] == '-');
}

guint
_tally_claims_zh_foreach (const char                *text,
                          gsize                      len,
                          const TallyExtractOptions *options,
                          TallyClaimFunc             func,
                          gpointer                   user_data)
{
  Zh z = { 0 };
  UErrorCode status = U_ZERO_ERROR;
  gsize p = 0;

  z.lex = zh_lexicon_get ();
  z.text = text;
  z.len = len;
  z.options = options;
  z.func = func;
  z.user_data = user_data;
  z.measure = g_string_new (NULL);
  z.gazetteer = tally_gazetteer_get ("zh");
  z.words = ubrk_open (UBRK_WORD, "zh", NULL, 0, &status);
  if (U_FAILURE (status))
    z.words = NULL;

  while (p < len)
    {
      gboolean figure = FALSE;
      gsize q = p;

      /* A sentence ends at 。！？, a line break or ASCII ! ?; a long one is
       * cut at 4 KB so that look-backs stay short. */
      while (q < len)
        {
          gsize next;
          gunichar ch = char_at (text, q, len, &next);

          figure |= may_start_figure (z.lex, ch);
          q = next;
          if (is_sentence_end (ch) || q - p >= 4096)
            break;
        }
      if (figure)
        {
          z.sentence_start = p;
          z.sentence_end = q;
          /* The sentence's own bytes: no trailing break or full stop. */
          while (z.sentence_end > p && (text[z.sentence_end - 1] == '\n' || text[z.sentence_end - 1] == '\r'))
            z.sentence_end--;
          read_sentence (&z);
        }
      p = q;
    }

  if (z.words != NULL)
    ubrk_close (z.words);
  g_string_free (z.measure, TRUE);
  g_free (z.last_measure);
  return z.n_claims;
}
