/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-ingest-private.h"
#include "tally-language.h"
#include "tally-lexicon.h"

#include <string.h>

/* Lines in, record out: which line is the title (or its slug), which are the
 * byline and date, which are furniture (matched by the rules in
 * boilerplate.txt), which form the reader-comment section, and which are the
 * article. Text files, Markdown and HTML blocks all go through here. */

enum
{
  ROLE_BODY,
  ROLE_BLANK,
  ROLE_TITLE,
  ROLE_FURNITURE,     /* kept as boilerplate: slug, repeated title, byline, … */
  ROLE_COMMENT_HEADER,
  ROLE_COMMENT,
  ROLE_COMMENT_FURNITURE, /* "Reply", a time stamp: inside the section */
};

/* ---------------------------------------------------------------------- */
/* Small text helpers */

char *
tally_collapse_space (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          if (g_ascii_isspace (*p))
            {
              space = out->len > 0;
              continue;
            }
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
          continue;
        }
      c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x200B)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Lowercase letters and digits only: "China_Central-Asia" == "china central asia". */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

static gunichar
last_char (const char *text)
{
  gsize len = strlen (text);

  if (len == 0)
    return 0;
  return g_utf8_get_char (g_utf8_find_prev_char (text, text + len));
}

/* Words of a line for the title test: Chinese and Japanese put no spaces
 * between words, so there two characters count as one word (the usual
 * length of a Chinese word). */
static guint
count_title_words (const char *text)
{
  guint words = count_words (text), unspaced = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      unspaced += script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
                  script == G_UNICODE_SCRIPT_KATAKANA;
    }
  return MAX (words, unspaced / 2);
}

static gboolean
is_title_like (const TallyLine *line)
{
  gunichar last = last_char (line->text);
  guint words = count_title_words (line->text);

  /* U+3002 and U+FF0C/U+FF1B/U+FF1A: the ideographic full stop and the
   * full-width comma, semicolon and colon end sentences, not titles. */
  return line->kind != TALLY_LINE_LIST && line->kind != TALLY_LINE_BLANK
         && words >= 2 && words <= 20 && strlen (line->text) <= 250
         && last != '.' && last != ',' && last != ';' && last != ':'
         && last != 0x3002 && last != 0xFF0C && last != 0xFF1B && last != 0xFF1A
         && !tally_rules_match (TALLY_RULE_LINE, line->text, NULL);
}

/* "words-joined-by-dashes" or "Words_Joined_By_Underscores". */
static gboolean
is_slug (const char *text)
{
  guint seps = 0, alpha_words = 0;
  gboolean in_alpha = FALSE;

  if (strchr (text, ' ') != NULL)
    return FALSE;
  for (const char *p = text; *p; p++)
    {
      if (*p == '-' || *p == '_')
        seps++;
      if (g_ascii_isalpha (*p) && !in_alpha)
        alpha_words++;
      in_alpha = g_ascii_isalpha (*p) || ((guchar) *p >= 0x80);
    }
  return seps >= 2 && alpha_words >= 3;
}

static char *
unslug (const char *text)
{
  g_autofree char *spaced = g_strdup (text);
  char *result;

  g_strdelimit (spaced, "-_", ' ');
  result = tally_collapse_space (spaced);
  if (g_ascii_islower (result[0]))
    result[0] = g_ascii_toupper (result[0]);
  return result;
}

/* ---------------------------------------------------------------------- */
/* Dates */

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static int
month_from_name (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  for (int i = 0; i < 12; i++)
    if (g_str_has_prefix (lower, month_names[i]))
      return i + 1;
  return 0;
}

static gpointer
compile_date_regex (gpointer data)
{
  static const char *month = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
  g_autofree char *pattern = g_strdup_printf (
    "(?<iy>\\d{4})[-/](?<im>\\d{1,2})[-/](?<id>\\d{1,2})"
    "|\\b(?<ad>\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?<am>%s)\\.?,?\\s+(?<ay>\\d{4})"
    "|\\b(?<bm>%s)\\.?\\s+(?<bd>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<by>\\d{4})"
    "|\\b(?<ed>\\d{1,2})\\.(?<em>\\d{1,2})\\.(?<ey>\\d{4})\\b",
    month, month);

  return g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
}

static GRegex *
date_regex (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, compile_date_regex, NULL);
}

static int
fetch_int (GMatchInfo *info,
           const char *name)
{
  g_autofree char *s = g_match_info_fetch_named (info, name);

  return s != NULL && *s ? atoi (s) : 0;
}

/* Every form the date pattern reads has a year of four digits (\d, which
 * GRegex reads as any decimal digit): a line without such a run is not
 * worth the regex, which costs thousands of instructions a line. */
static gboolean
has_digit_run (const char *text,
               guint       n)
{
  guint run = 0;

  for (const char *p = text; *p; )
    {
      gboolean digit;

      if ((guchar) *p < 0x80)
        {
          digit = g_ascii_isdigit (*p);
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char_validated (p, -1);

          /* Not UTF-8: a byte at a time, never past the end. */
          digit = c < 0x110000 && g_unichar_isdigit (c);
          p = c < 0x110000 ? g_utf8_next_char (p) : p + 1;
        }
      run = digit ? run + 1 : 0;
      if (run >= n)
        return TRUE;
    }
  return FALSE;
}

/* The lexicons of the languages other than English that name months
 * ([month], with ICU's names: "марта", "март"), loaded once. */
static gpointer
load_month_lexicons (gpointer data)
{
  GPtrArray *lexicons = g_ptr_array_new ();
  const char * const *tags = tally_language_list ();

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      const TallyLexicon *lexicon;

      if (g_str_equal (tags[i], "en") || g_strcmp0 (tally_lexicon_language_for (tags[i]), tags[i]) != 0)
        continue;
      lexicon = tally_lexicon_get (tags[i], NULL);
      if (lexicon != NULL)
        g_ptr_array_add (lexicons, (gpointer) lexicon);
    }
  return lexicons;
}

static int
month_of_word (const char *word,
               gsize       len)
{
  static GOnce once = G_ONCE_INIT;
  GPtrArray *lexicons = g_once (&once, load_month_lexicons, NULL);

  for (guint i = 0; i < lexicons->len; i++)
    {
      const TallyLexEntry *e = tally_lexicon_lookup (g_ptr_array_index (lexicons, i), word, len);

      if (e != NULL && (e->flags & TALLY_LEX_MONTH) && e->month >= 1 && e->month <= 12)
        return e->month;
    }
  return 0;
}

/* "4 марта 2024", "Опубликовано: 4 марта 2024, 10:15": a day, a month word
 * another language's lexicon knows, a year. `start`/`end` get the bytes. */
static gboolean
parse_month_word_date (const char *text,
                       int        *y,
                       int        *m,
                       int        *d,
                       int        *start,
                       int        *end)
{
  for (const char *p = text; *p; p++)
    {
      const char *q = p, *word, *year;
      int day = 0, month, n = 0;

      if (!g_ascii_isdigit (*p) || (p > text && g_ascii_isalnum (p[-1])))
        continue;
      while (g_ascii_isdigit (*q) && n < 3)
        day = day * 10 + (*q++ - '0'), n++;
      if (n > 2 || *q != ' ')
        continue;
      while (*q == ' ')
        q++;
      word = q;
      while (*q && ((guchar) *q >= 0x80 || g_ascii_isalpha (*q)))
        q = g_utf8_next_char (q);
      if (q == word || (month = month_of_word (word, q - word)) == 0)
        continue;
      if (*q == '.')
        q++;
      while (*q == ' ')
        q++;
      year = q;
      for (n = 0; g_ascii_isdigit (q[n]); n++)
        ;
      if (n != 4)
        continue;
      *d = day;
      *m = month;
      *y = atoi (year);
      *start = p - text;
      *end = year + 4 - text;
      return TRUE;
    }
  return FALSE;
}

/* Returns the ISO date of the first date in `text`; `match_start` and
 * `match_len` (optional) get where the words that said it are. */
static char *
parse_date_full (const char *text,
                 gsize      *match_start,
                 gsize      *match_len)
{
  g_autoptr(GMatchInfo) info = NULL;
  int y, m, d, start = 0, end = 0;

  if (text == NULL || !has_digit_run (text, 4))
    return NULL;
  if (!g_regex_match (date_regex (), text, 0, &info))
    {
      if (!parse_month_word_date (text, &y, &m, &d, &start, &end)
          || y < 1800 || y > 2200 || d < 1 || d > 31)
        return NULL;
      if (match_start != NULL)
        *match_start = start;
      if (match_len != NULL)
        *match_len = end - start;
      return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    }
  g_match_info_fetch_pos (info, 0, &start, &end);
  if ((y = fetch_int (info, "iy")) != 0)
    {
      m = fetch_int (info, "im");
      d = fetch_int (info, "id");
    }
  else if ((y = fetch_int (info, "ey")) != 0)
    {
      /* 8.3.2027: day first, as written in most of Europe. */
      m = fetch_int (info, "em");
      d = fetch_int (info, "ed");
    }
  else
    {
      g_autofree char *name = g_match_info_fetch_named (info, "am");

      if (name == NULL || *name == '\0')
        {
          g_free (name);
          name = g_match_info_fetch_named (info, "bm");
        }
      y = fetch_int (info, "ay") + fetch_int (info, "by");
      d = fetch_int (info, "ad") + fetch_int (info, "bd");
      m = month_from_name (name);
    }
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31)
    return NULL;
  if (match_start != NULL)
    *match_start = start;
  if (match_len != NULL)
    *match_len = end - start;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

char *
tally_parse_date (const char *text)
{
  return parse_date_full (text, NULL, NULL);
}

/* A line that is mostly a date: "June 17, 2025", "Published: 17 June 2025 09:30". */
static char *
parse_date_line (const char *text)
{
  gsize match_start = 0, match_len = 0;
  char *date = parse_date_full (text, &match_start, &match_len);

  /* Characters, not bytes: "Опубликовано:" is as short as "Published:". */
  if (date != NULL && g_utf8_strlen (text, -1) - g_utf8_strlen (text + match_start, match_len) > 40)
    g_clear_pointer (&date, g_free);
  return date;
}

/* ---------------------------------------------------------------------- */
/* Output */

typedef struct
{
  TallyDocumentRecord *record;
  const TallyDecoded *decoded;
  GString *text;
  GString *furniture;     /* the boilerplate block being gathered */
  gsize furniture_offset;
} Builder;

/* Decoder runs (UTF-16, legacy encodings) that start inside decoded bytes
 * [from, from + len), which sit at text offset `c`. */
static void
builder_add_runs (Builder *b,
                  gsize    c,
                  gsize    from,
                  gsize    len)
{
  const GArray *map = b->decoded->map;
  guint lo = 0, hi = map->len;

  /* First entry past the start, by bisection: UTF-16 maps are long. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (map, TallyOffsetMapEntry, mid).text_offset <= from)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < map->len; i++)
    {
      const TallyOffsetMapEntry *e = &g_array_index (map, TallyOffsetMapEntry, i);

      if (e->text_offset <= from)
        continue;
      if (e->text_offset >= from + len)
        break;
      tally_offset_map_add (b->record->offset_map, c + (e->text_offset - from), e->source_offset);
    }
}

static void
builder_add_piece (Builder          *b,
                   const TallyPiece *piece)
{
  gsize c = b->text->len;

  if (piece->exact)
    {
      tally_offset_map_add (b->record->offset_map, c, tally_decoded_source_offset (b->decoded, piece->src));
      builder_add_runs (b, c, piece->src, piece->len);
    }
  else
    {
      tally_offset_map_add (b->record->offset_map, c, piece->src);
      /* Markup text found in the page: the bytes it shares with the decoded
       * text from its anchor on follow the decoder's runs. The parser folded
       * runs of white space into one space and turned entities into
       * characters: both are stepped over on each side and the runs go on,
       * so a legacy-encoded paragraph stays mapped to its end. */
      if (piece->anchored && piece->anchor < b->decoded->len && piece->anchor_skip <= piece->len)
        {
          const char *text = piece->text, *decoded = b->decoded->data;
          gsize t = piece->anchor_skip, d = piece->anchor, dlen = b->decoded->len;

          while (t < piece->len && d < dlen)
            {
              gsize max = MIN (piece->len - t, dlen - d), same = 0;

              while (same < max && text[t + same] == decoded[d + same] && decoded[d + same] != '&')
                same++;
              if (same > 0)
                {
                  tally_offset_map_add (b->record->offset_map, c + t, tally_decoded_source_offset (b->decoded, d));
                  builder_add_runs (b, c + t, d, same);
                  t += same;
                  d += same;
                }
              if (t >= piece->len || d >= dlen)
                break;
              if (text[t] == ' ' && g_ascii_isspace (decoded[d]))
                {
                  tally_offset_map_add (b->record->offset_map, c + t, tally_decoded_source_offset (b->decoded, d));
                  t++;
                  while (d < dlen && g_ascii_isspace (decoded[d]))
                    d++;
                }
              else if (g_ascii_isspace (decoded[d]) && t > 0 && text[t - 1] == ' ')
                {
                  while (d < dlen && g_ascii_isspace (decoded[d]))
                    d++;
                }
              else if (decoded[d] == '&')
                {
                  const char *semi = memchr (decoded + d, ';', MIN (dlen - d, 12));

                  if (semi == NULL)
                    break;
                  tally_offset_map_add (b->record->offset_map, c + t, tally_decoded_source_offset (b->decoded, d));
                  t = g_utf8_next_char (text + t) - text;
                  d = semi - decoded + 1;
                }
              else
                break;
            }
          if (t > piece->anchor_skip && t < piece->len)
            tally_offset_map_add (b->record->offset_map, c + t, tally_decoded_source_offset (b->decoded, MIN (d, dlen)));
        }
    }
  g_string_append_len (b->text, piece->text, piece->len);
}

static void
builder_flush_furniture (Builder *b)
{
  if (b->furniture->len == 0)
    return;
  g_ptr_array_add (b->record->boilerplate, tally_boilerplate_new (b->furniture->str, b->furniture_offset));
  g_string_truncate (b->furniture, 0);
}

static void
builder_add_furniture (Builder         *b,
                       const TallyLine *line)
{
  if (b->furniture->len == 0)
    b->furniture_offset = b->text->len;
  else
    g_string_append_c (b->furniture, '\n');
  g_string_append (b->furniture, line->text);
}

static void
builder_add_paragraph (Builder    *b,
                       TallyLine **lines,
                       guint       n)
{
  TallySpan span;

  builder_flush_furniture (b);
  if (b->text->len > 0)
    g_string_append (b->text, "\n\n");
  span.start = b->text->len;
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (b->text, ' ');
      for (guint j = 0; j < lines[i]->pieces->len; j++)
        builder_add_piece (b, &g_array_index (lines[i]->pieces, TallyPiece, j));
    }
  span.end = b->text->len;
  g_array_append_val (b->record->paragraphs, span);
}

/* ---------------------------------------------------------------------- */
/* Comments */

static gboolean
is_author_line (const TallyLine *line,
                char           **author)
{
  gunichar last = last_char (line->text);

  if (tally_rules_match (TALLY_RULE_COMMENT_AUTHOR, line->text, author))
    return TRUE;
  if (count_words (line->text) <= 4 && strlen (line->text) <= 50
      && last != '.' && last != '!' && last != '?' && last != ',' && last != ')')
    {
      *author = g_strdup (line->text);
      return TRUE;
    }
  return FALSE;
}

void
tally_parse_comment_lines (TallyDocumentRecord *record,
                TallyLine          **lines,
                guint                n,
                guint                expected)
{
  g_autofree char *author = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean pairs = expected > 0 && n == 2 * expected;

#define EMIT() G_STMT_START { \
    if (text->len > 0) \
      g_ptr_array_add (record->comments, tally_comment_new (author, text->str)); \
    g_clear_pointer (&author, g_free); \
    g_string_truncate (text, 0); } G_STMT_END

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = NULL;
      /* With "5 Comments" over ten lines, lines alternate author and text. */
      gboolean is_author = pairs ? i % 2 == 0 && is_author_line (lines[i], &name)
                                 : i + 1 < n && is_author_line (lines[i], &name);

      if (pairs && i % 2 == 0 && !is_author)
        name = g_strdup (lines[i]->text), is_author = TRUE;
      if (is_author)
        {
          EMIT ();
          author = g_steal_pointer (&name);
          continue;
        }
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, lines[i]->text);
    }
  EMIT ();
#undef EMIT
}

static guint
comment_count (const char *header)
{
  static const char * const words[] = { "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten" };

  if (g_ascii_isdigit (header[0]))
    return (guint) g_ascii_strtoull (header, NULL, 10);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strncasecmp (header, words[i], strlen (words[i])) == 0 && header[strlen (words[i])] == ' ')
      return i;
  return 0;
}

/* ---------------------------------------------------------------------- */
/* Roles */

static guint
next_nonblank (GPtrArray *lines,
               guint      i)
{
  while (i < lines->len && ((TallyLine *) g_ptr_array_index (lines, i))->kind == TALLY_LINE_BLANK)
    i++;
  return i;
}

char *
tally_url_host (const char *text)
{
  const char *p = text != NULL ? strstr (text, "://") : NULL;
  const char *end;

  if (p == NULL)
    return NULL;
  p += 3;
  if (g_str_has_prefix (p, "www."))
    p += 4;
  end = p + strcspn (p, "/:?#> ");
  return end > p ? g_strndup (p, end - p) : NULL;
}

/* "Jane Doe" alone on a line: two to four capitalised words. */
static gboolean
is_name_line (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);

  if (n < 2 || n > 4)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gunichar c = g_utf8_get_char (words[i]);

      if (!g_unichar_isupper (c))
        return FALSE;
      for (const char *p = words[i]; *p; p++)
        if (g_ascii_isdigit (*p) || *p == ':' || *p == '.' || *p == ',')
          return FALSE;
    }
  return TRUE;
}

static gboolean
next_is_date (GPtrArray *lines,
              guint      i)
{
  guint j = next_nonblank (lines, i + 1);
  g_autofree char *date = j < lines->len ? parse_date_line (((TallyLine *) g_ptr_array_index (lines, j))->text) : NULL;

  return date != NULL;
}

/* "OSLO, Norway, March 17 –", "GENEVA (Reuters) -", "BEIRUT, 4 May 2023:"
 * opening an article: a place in capitals, maybe its country, maybe a date,
 * maybe the agency, then a dash or colon. */
static gpointer
compile_dateline_regex (gpointer data)
{
  return g_regex_new ("^(?<place>\\p{Lu}[\\p{Lu} .'-]*\\p{Lu})(?:,\\s*\\p{Lu}[\\p{L} .'-]{1,30}?)?"
                      "(?:,\\s*(?<date>[\\p{L}0-9 ,.]{3,24}?))?\\s*(?:\\([^)]{1,40}\\)\\s*)?"
                      "(?:-|–|—|:|\\.)\\s+\\S",
                      G_REGEX_OPTIMIZE, 0, NULL);
}

/* The dateline of the article's first paragraph: its place (in the case
 * people write names, "Oslo"), and its date when it gives a year. */
static void
read_dateline (TallyDocumentRecord *record,
               const char          *text)
{
  static GOnce once = G_ONCE_INIT;
  GRegex *regex = g_once (&once, compile_dateline_regex, NULL);
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *place = NULL, *date = NULL;

  if (regex == NULL || !g_regex_match (regex, text, 0, &info))
    return;
  place = g_match_info_fetch_named (info, "place");
  date = g_match_info_fetch_named (info, "date");
  /* One letter or a long run of capitals is a heading or shouting. */
  if (place == NULL || g_utf8_strlen (place, -1) < 3 || g_utf8_strlen (place, -1) > 30)
    return;
  {
    g_autofree char *lower = g_utf8_strdown (place, -1);
    GString *name = g_string_new (NULL);
    gboolean start = TRUE;

    for (const char *p = lower; *p; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        g_string_append_unichar (name, start ? g_unichar_totitle (c) : c);
        start = c == ' ' || c == '-';
      }
    g_free (record->dateline);
    record->dateline = g_string_free (name, FALSE);
  }
  if (record->published == NULL && date != NULL && *date)
    record->published = tally_parse_date (date);
}

static guint
mark_header (TallyDocumentRecord *record,
             GPtrArray           *lines)
{
  guint i = next_nonblank (lines, 0), scanned = 0;
  TallyLine *first, *second;
  g_autofree char *title_norm = NULL;

  if (i >= lines->len)
    return i;
  first = g_ptr_array_index (lines, i);

  /* "Published 2024-03-18", "March 17, 2024", "Updated: 18.03.2024" as the
   * first lines, as people save a page: the publication date, not the title
   * (the first such line; an update comes after it). */
  while (first->kind != TALLY_LINE_LIST && count_words (first->text) <= 8)
    {
      g_autofree char *date = parse_date_line (first->text);

      if (date == NULL)
        break;
      first->role = ROLE_FURNITURE;
      if (record->published == NULL)
        record->published = g_steal_pointer (&date);
      i = next_nonblank (lines, i + 1);
      if (i >= lines->len)
        return i;
      first = g_ptr_array_index (lines, i);
    }

  if (record->title == NULL)
    {
      guint j = next_nonblank (lines, i + 1);

      second = j < lines->len ? g_ptr_array_index (lines, j) : NULL;
      if (is_slug (first->text))
        {
          g_autofree char *plain = unslug (first->text);
          g_autofree char *a = normalize (plain);
          g_autofree char *b = second != NULL ? normalize (second->text) : NULL;

          first->role = ROLE_FURNITURE;
          if (second != NULL && is_title_like (second) && g_str_equal (a, b))
            {
              second->role = ROLE_TITLE;
              record->title = tally_collapse_space (second->text);
              i = j;
            }
          else
            record->title = g_steal_pointer (&plain);
          i++;
        }
      else if (is_title_like (first) && first->kind != TALLY_LINE_LIST)
        {
          first->role = ROLE_TITLE;
          record->title = tally_collapse_space (first->text);
          i++;
        }
    }

  /* Below the title: repeats of it, the byline and the date line. */
  title_norm = record->title != NULL ? normalize (record->title) : NULL;
  for (i = next_nonblank (lines, i); i < lines->len && scanned < 5; i = next_nonblank (lines, i + 1), scanned++)
    {
      TallyLine *line = g_ptr_array_index (lines, i);
      g_autofree char *norm = normalize (line->text);
      g_autofree char *author = NULL;
      g_autofree char *date = NULL;

      if (count_words (line->text) > 25)
        {
          read_dateline (record, line->text);
          break;
        }
      if (title_norm != NULL && g_str_equal (norm, title_norm))
        line->role = ROLE_FURNITURE;
      else if (strstr (line->text, "://") != NULL && tally_rules_match (TALLY_RULE_LINE, line->text, NULL))
        {
          /* The page's address, as reader views save it: the outlet's host. */
          line->role = ROLE_FURNITURE;
          if (record->outlet == NULL)
            record->outlet = tally_url_host (line->text);
        }
      else if (count_words (line->text) <= 14 && tally_rules_match (TALLY_RULE_BYLINE, line->text, &author))
        {
          line->role = ROLE_FURNITURE;
          if (record->author == NULL && author != NULL && *author)
            record->author = tally_collapse_space (author);
          if (record->published == NULL)
            record->published = tally_parse_date (line->text);
        }
      else if (record->author == NULL && is_name_line (line->text) && next_is_date (lines, i))
        {
          line->role = ROLE_FURNITURE;
          record->author = tally_collapse_space (line->text);
        }
      else if ((date = parse_date_line (line->text)) != NULL)
        {
          line->role = ROLE_FURNITURE;
          if (record->published == NULL)
            record->published = g_steal_pointer (&date);
        }
      else if (line->role == ROLE_BODY)
        {
          read_dateline (record, line->text);
          break;
        }
    }
  return 0;
}

/* Text files have no og:site_name: the copyright line under the article
 * ("© 2026 Harbour Times. …") names the outlet. The last one wins, since a
 * wire credit may come first. */
static void
find_outlet_in_furniture (TallyDocumentRecord *record,
                          GPtrArray           *lines)
{
  if (record->outlet != NULL)
    return;
  for (guint i = lines->len; i > 0; i--)
    {
      TallyLine *line = g_ptr_array_index (lines, i - 1);
      g_autofree char *outlet = NULL;

      if (line->role != ROLE_FURNITURE || count_words (line->text) > 40)
        continue;
      if (tally_rules_match (TALLY_RULE_OUTLET, line->text, &outlet) && outlet != NULL && *outlet)
        {
          record->outlet = tally_collapse_space (g_strstrip (outlet));
          return;
        }
    }
}

static void
mark_body (GPtrArray *lines)
{
  gboolean in_comments = FALSE, in_tail = FALSE, seen_body = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      TallyLine *line = g_ptr_array_index (lines, i);

      if (line->kind == TALLY_LINE_BLANK)
        {
          line->role = ROLE_BLANK;
          continue;
        }
      if (line->role != ROLE_BODY)
        continue;
      if (line->furniture || in_tail)
        line->role = ROLE_FURNITURE;
      else if (count_words (line->text) <= 12 && tally_rules_match (TALLY_RULE_COMMENTS, line->text, NULL))
        {
          /* A "5 Comments" link above the article is furniture, not a section. */
          if (!seen_body)
            {
              line->role = ROLE_FURNITURE;
              continue;
            }
          line->role = ROLE_COMMENT_HEADER;
          in_comments = TRUE;
        }
      else if (in_comments && tally_rules_match (TALLY_RULE_COMMENT_LINE, line->text, NULL))
        line->role = ROLE_COMMENT_FURNITURE;
      else if (tally_rules_match (TALLY_RULE_LINE, line->text, NULL)
               || tally_rules_match (TALLY_RULE_LABEL, line->text, NULL))
        {
          line->role = ROLE_FURNITURE;
          in_comments = FALSE;
        }
      else if (seen_body && tally_rules_match (TALLY_RULE_TAIL, line->text, NULL))
        {
          line->role = ROLE_FURNITURE;
          in_tail = TRUE;
        }
      else if (in_comments)
        line->role = ROLE_COMMENT;
      else
        seen_body = TRUE;
    }
}

/* Hard-wrapped text (lines of at most ~80 columns between blank lines) has
 * paragraphs across lines; otherwise every line is a paragraph. */
static gboolean
is_wrapped (GPtrArray *lines)
{
  guint long_lines = 0, blank = 0;
  gsize max_len = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      TallyLine *line = g_ptr_array_index (lines, i);
      gsize len = g_utf8_strlen (line->text, -1);

      if (line->kind == TALLY_LINE_BLANK)
        blank++;
      if (len > 40)
        long_lines++;
      max_len = MAX (max_len, len);
    }
  return blank > 0 && long_lines >= 3 && max_len <= 100;
}

static char *
title_from_name (const char *file_name)
{
  g_autofree char *stem = NULL;
  const char *dot, *p;
  guint letters = 0, digits = 0;

  if (file_name == NULL)
    return NULL;
  dot = strrchr (file_name, '.');
  stem = dot != NULL && dot != file_name ? g_strndup (file_name, dot - file_name) : g_strdup (file_name);
  for (p = stem; g_ascii_isdigit (*p) || *p == '-' || *p == '_' || *p == ' '; p++)
    ;
  for (const char *q = p; *q; q++)
    letters += g_ascii_isalpha (*q), digits += g_ascii_isdigit (*q);
  /* "aktau-summit-closes" reads; "be9e5966d84292c7" does not. */
  if (letters < 6 || digits * 4 > letters || (strchr (p, '-') == NULL && strchr (p, '_') == NULL && strchr (p, ' ') == NULL))
    return NULL;
  return unslug (p);
}

static char *
title_from_text (const char *text,
                 gsize       len)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint words = 0;
  const char *p = text, *end = text + len;

  while (p < end && *p != '\n' && words < 12)
    {
      const char *start = p;

      while (p < end && !g_ascii_isspace (*p))
        p++;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, start, p - start);
      words++;
      if (p > start && (p[-1] == '.' || p[-1] == '?' || p[-1] == '!'))
        return g_string_free (g_steal_pointer (&out), FALSE);
      while (p < end && *p == ' ')
        p++;
    }
  if (p < end && *p != '\n')
    g_string_append (out, "…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
tally_clean_lines (TallyDocumentRecord *record,
                   GPtrArray           *lines,
                   const TallyDecoded  *decoded,
                   gboolean             paragraphs_are_lines,
                   const char          *file_name)
{
  Builder b = { record, decoded, g_string_new (NULL), g_string_new (NULL), 0 };
  gboolean join = !paragraphs_are_lines && is_wrapped (lines);

  mark_header (record, lines);
  mark_body (lines);
  find_outlet_in_furniture (record, lines);

  for (guint i = 0; i < lines->len;)
    {
      TallyLine *line = g_ptr_array_index (lines, i);

      switch (line->role)
        {
        case ROLE_BLANK:
        case ROLE_TITLE:
          i++;
          break;

        case ROLE_FURNITURE:
          builder_add_furniture (&b, line);
          i++;
          break;

        case ROLE_COMMENT_HEADER:
          {
            guint expected = comment_count (line->text);
            g_autoptr(GPtrArray) section = g_ptr_array_new ();

            builder_add_furniture (&b, line);
            for (i++; i < lines->len; i++)
              {
                TallyLine *next = g_ptr_array_index (lines, i);

                if (next->role == ROLE_COMMENT)
                  g_ptr_array_add (section, next);
                else if (next->role == ROLE_COMMENT_FURNITURE)
                  builder_add_furniture (&b, next);
                else if (next->role != ROLE_BLANK)
                  break;
              }
            tally_parse_comment_lines (record, (TallyLine **) section->pdata, section->len, expected);
          }
          break;

        case ROLE_COMMENT:
        case ROLE_COMMENT_FURNITURE:
          /* A stray comment line outside a section cannot happen; keep it. */
          builder_add_furniture (&b, line);
          i++;
          break;

        default:
          {
            guint n = 1;

            /* Wrapped paragraphs continue until a blank or a non-body line. */
            while (join && line->kind == TALLY_LINE_PLAIN && i + n < lines->len)
              {
                TallyLine *next = g_ptr_array_index (lines, i + n);

                if (next->role != ROLE_BODY || next->kind != TALLY_LINE_PLAIN)
                  break;
                n++;
              }
            builder_add_paragraph (&b, (TallyLine **) lines->pdata + i, n);
            i += n;
          }
          break;
        }
    }
  builder_flush_furniture (&b);

  record->text_len = b.text->len;
  record->text = g_string_free (b.text, FALSE);
  g_string_free (b.furniture, TRUE);

  if (record->title == NULL)
    record->title = title_from_name (file_name);
  if (record->title == NULL && record->text_len > 0)
    record->title = title_from_text (record->text, record->text_len);
}
