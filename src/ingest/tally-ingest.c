/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-ingest-private.h"
#include "tally-charset.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tally-claims.h"
#include "tally-language.h"
#include "tally-tokenizer.h"

G_DEFINE_QUARK (tally-ingest-error-quark, tally_ingest_error)

/* ---------------------------------------------------------------------- */
/* Errors */

static void set_error (GError     **error,
                       const char  *path,
                       int          code,
                       const char  *format,
                       ...) G_GNUC_PRINTF (4, 5);

/* Messages read "“name”: reason"; the reason alone is recovered for lists by
 * tally_ingest_failure_new(), which strips the prefix again. */
static void
set_error (GError     **error,
           const char  *path,
           int          code,
           const char  *format,
           ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *name = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  name = path != NULL ? g_filename_display_basename (path) : g_strdup (_("(data)"));
  g_set_error (error, TALLY_INGEST_ERROR, code, "“%s”: %s", name, reason);
}

TallyIngestFailure *
tally_ingest_failure_new (const char   *path,
                          const GError *error)
{
  TallyIngestFailure *failure = g_new0 (TallyIngestFailure, 1);
  const char *reason = error->message;
  const char *sep = strstr (reason, "”: ");

  if (g_str_has_prefix (reason, "“") && sep != NULL)
    reason = sep + strlen ("”: ");
  failure->path = g_strdup (path);
  failure->reason = g_strdup (reason);
  failure->error = g_error_copy (error);
  return failure;
}

TallyIngestFailure *
tally_ingest_failure_copy (const TallyIngestFailure *failure)
{
  TallyIngestFailure *copy = g_new0 (TallyIngestFailure, 1);

  copy->path = g_strdup (failure->path);
  copy->reason = g_strdup (failure->reason);
  copy->error = g_error_copy (failure->error);
  return copy;
}

void
tally_ingest_failure_free (TallyIngestFailure *failure)
{
  if (failure == NULL)
    return;
  g_free (failure->path);
  g_free (failure->reason);
  g_clear_error (&failure->error);
  g_free (failure);
}

static void
add_failure (GPtrArray  *failures,
             const char *path,
             int         code,
             const char *reason)
{
  g_autoptr(GError) error = NULL;

  set_error (&error, path, code, "%s", reason);
  if (failures != NULL)
    g_ptr_array_add (failures, tally_ingest_failure_new (path, error));
}

/* ---------------------------------------------------------------------- */
/* Reading */

static gboolean
check_link (const char  *path,
            GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    return TRUE;
  if (errno == ELOOP)
    set_error (error, path, TALLY_INGEST_ERROR_LOOP, _("the symbolic link points to itself (a loop)"));
  else if (errno == ENOENT || errno == ENOTDIR)
    set_error (error, path, TALLY_INGEST_ERROR_BROKEN_LINK, _("the symbolic link points to a file that does not exist"));
  else
    set_error (error, path, TALLY_INGEST_ERROR_UNREADABLE, _("cannot follow the link: %s"), g_strerror (errno));
  return FALSE;
}

static GBytes *
read_file (const char  *path,
           gboolean     listed,
           GError     **error)
{
  GStatBuf st;
  g_autofree char *data = NULL;
  gsize len = 0;
  int fd;

  if (g_lstat (path, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT && listed)
        set_error (error, path, TALLY_INGEST_ERROR_VANISHED, _("the file was removed before it could be read"));
      else if (saved == ENOENT || saved == ENOTDIR)
        set_error (error, path, TALLY_INGEST_ERROR_NOT_FOUND, _("no such file"));
      else if (saved == EACCES)
        set_error (error, path, TALLY_INGEST_ERROR_UNREADABLE, _("permission denied"));
      else
        set_error (error, path, TALLY_INGEST_ERROR_UNREADABLE, "%s", g_strerror (saved));
      return NULL;
    }
  if (S_ISLNK (st.st_mode) && !check_link (path, error))
    return NULL;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        set_error (error, path, TALLY_INGEST_ERROR_VANISHED, _("the file was removed before it could be read"));
      else if (saved == ELOOP)
        set_error (error, path, TALLY_INGEST_ERROR_LOOP, _("the symbolic link points to itself (a loop)"));
      else if (saved == EACCES || saved == EPERM)
        set_error (error, path, TALLY_INGEST_ERROR_UNREADABLE, _("permission denied"));
      else
        set_error (error, path, TALLY_INGEST_ERROR_UNREADABLE, "%s", g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      set_error (error, path, TALLY_INGEST_ERROR_UNREADABLE, "%s", g_strerror (errno));
      close (fd);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      set_error (error, path, TALLY_INGEST_ERROR_NOT_REGULAR, _("this is a folder, not a file"));
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      set_error (error, path, TALLY_INGEST_ERROR_NOT_REGULAR, _("not a regular file (a device, socket or pipe)"));
      close (fd);
      return NULL;
    }
  if (st.st_size > TALLY_INGEST_MAX_FILE_SIZE)
    {
      set_error (error, path, TALLY_INGEST_ERROR_TOO_LARGE, _("the file is too large (%.1f MB; the limit is %d MB)"),
                 st.st_size / (1024.0 * 1024.0), TALLY_INGEST_MAX_FILE_SIZE / (1024 * 1024));
      close (fd);
      return NULL;
    }

  /* Read one byte past the size: the file may grow after fstat(). Files
   * of /proc and /sys say 0 bytes and are read to their end, up to the
   * limit. */
  {
    gsize want = st.st_size > 0 ? (gsize) st.st_size + 1 : (gsize) TALLY_INGEST_MAX_FILE_SIZE + 1;
    gsize alloc = st.st_size > 0 ? want : 65536;

    data = g_malloc (alloc);
    while (len < want)
      {
        gssize n;

        if (len == alloc)
          {
            alloc = MIN (alloc * 2, want);
            data = g_realloc (data, alloc);
          }
        n = read (fd, data + len, alloc - len);
        if (n < 0 && errno == EINTR)
          continue;
        if (n < 0)
          {
            set_error (error, path, TALLY_INGEST_ERROR_UNREADABLE, _("read error: %s"), g_strerror (errno));
            close (fd);
            return NULL;
          }
        if (n == 0)
          break;
        len += n;
      }
    close (fd);
    if (st.st_size == 0 && len > (gsize) TALLY_INGEST_MAX_FILE_SIZE)
      {
        set_error (error, path, TALLY_INGEST_ERROR_TOO_LARGE, _("the file is too large (over %d MB)"),
                   TALLY_INGEST_MAX_FILE_SIZE / (1024 * 1024));
        return NULL;
      }
    if (st.st_size > 0 && len > (gsize) st.st_size)
      {
        set_error (error, path, TALLY_INGEST_ERROR_UNREADABLE, _("the file changed while it was being read"));
        return NULL;
      }
  }
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

/* ---------------------------------------------------------------------- */
/* Decoding */

void
tally_offset_map_add (GArray *map,
                      gsize   text_offset,
                      gsize   source_offset)
{
  TallyOffsetMapEntry entry = { text_offset, source_offset };

  if (map->len > 0)
    {
      TallyOffsetMapEntry *last = &g_array_index (map, TallyOffsetMapEntry, map->len - 1);

      /* Same run continues: no entry needed. */
      if (last->source_offset + (text_offset - last->text_offset) == source_offset)
        return;
      if (last->text_offset == text_offset)
        {
          last->source_offset = source_offset;
          return;
        }
    }
  g_array_append_val (map, entry);
}

gsize
tally_decoded_source_offset (const TallyDecoded *decoded,
                             gsize               offset)
{
  TallyDocumentRecord fake = { .offset_map = decoded->map };

  return tally_document_record_source_offset (&fake, offset);
}

static char *
decode_utf16 (const guchar *data,
              gsize         len,
              gsize         start_at,
              gboolean      big_endian,
              GArray       *map,
              gboolean     *has_nul)
{
  GString *out = g_string_sized_new (len + len / 2);
  gsize i = start_at;

  *has_nul = FALSE;
  while (i + 1 < len)
    {
      gsize start = i;
      gunichar c = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);

      i += 2;
      if (c >= 0xD800 && c < 0xDC00 && i + 1 < len)
        {
          gunichar low = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);

          if (low >= 0xDC00 && low < 0xE000)
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              i += 2;
            }
          else
            c = 0xFFFD;
        }
      else if (c >= 0xD800 && c < 0xE000)
        c = 0xFFFD;
      if (c == 0)
        *has_nul = TRUE;
      tally_offset_map_add (map, out->len, start);
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Not UTF-8: the page's declared charset, else ICU's guess, else
 * Windows-1252 (the usual culprit in Western pages, and what browsers
 * assume). */
static char *
decode_legacy (const guchar *data,
               gsize         len,
               GArray       *map,
               gsize        *out_len)
{
  g_autofree char *declared = tally_charset_declared (data, len);
  g_autofree char *detected = NULL;
  char *text = NULL;
  int confidence = 0;

  /* A page that declares UTF-8 but is not valid UTF-8 was mislabelled. */
  if (declared != NULL && g_ascii_strcasecmp (declared, "utf-8") != 0 && g_ascii_strcasecmp (declared, "utf8") != 0)
    text = tally_charset_decode (data, len, declared, map, out_len);
  if (text != NULL)
    return text;
  g_array_set_size (map, 0);
  detected = tally_charset_detect (data, len, &confidence);
  if (detected != NULL && confidence >= 20 && g_ascii_strncasecmp (detected, "UTF-", 4) != 0)
    text = tally_charset_decode (data, len, detected, map, out_len);
  if (text != NULL)
    return text;
  g_array_set_size (map, 0);
  return tally_charset_decode (data, len, "windows-1252", map, out_len);
}

/* UTF-16 without a byte-order mark: text in it has its ASCII characters
 * (spaces, digits, punctuation — even in Cyrillic or Greek) as a zero byte
 * beside a non-zero one, so zeros gather at one parity and not the other.
 * Returns 0 for no, 1 for little-endian, 2 for big-endian. */
static int
sniff_utf16 (const guchar *data,
             gsize         len)
{
  gsize sample = MIN (len, 8192) & ~(gsize) 1;
  gsize zeros[2] = { 0, 0 };

  if (sample < 16)
    return 0;
  for (gsize i = 0; i < sample; i++)
    if (data[i] == 0)
      zeros[i & 1]++;
  /* At least a fifth of the code units (and 4), nearly none the other way. */
  if (zeros[1] >= 4 && zeros[1] * 5 >= sample / 2 && zeros[0] * 100 <= sample / 2)
    return 1;
  if (zeros[0] >= 4 && zeros[0] * 5 >= sample / 2 && zeros[1] * 100 <= sample / 2)
    return 2;
  return 0;
}

static gboolean
looks_binary (const guchar *data,
              gsize         len,
              const char   *path,
              GError      **error)
{
  static const struct { const char *magic; gsize len; const char *what; } magics[] = {
    { "%PDF-", 5, N_("a PDF document") },
    { "\x89PNG", 4, N_("a PNG image") },
    { "\xFF\xD8\xFF", 3, N_("a JPEG image") },
    { "GIF8", 4, N_("a GIF image") },
    { "PK\x03\x04", 4, N_("a ZIP archive (or an office document)") },
    { "\x1F\x8B", 2, N_("a gzip archive") },
    { "\x7F" "ELF", 4, N_("a program") },
    { "SQLite format 3", 15, N_("an SQLite database") },
  };
  gsize control = 0, sample = MIN (len, 4096);

  for (guint i = 0; i < G_N_ELEMENTS (magics); i++)
    if (len >= magics[i].len && memcmp (data, magics[i].magic, magics[i].len) == 0)
      {
        set_error (error, path, TALLY_INGEST_ERROR_BINARY, _("not a text file (it looks like %s)"), _(magics[i].what));
        return TRUE;
      }
  if (memchr (data, '\0', len) != NULL)
    {
      set_error (error, path, TALLY_INGEST_ERROR_BINARY, _("not a text file (it holds NUL bytes)"));
      return TRUE;
    }
  for (gsize i = 0; i < sample; i++)
    if (data[i] < 0x20 && data[i] != '\n' && data[i] != '\r' && data[i] != '\t' && data[i] != '\f')
      control++;
  if (control * 10 > sample)
    {
      set_error (error, path, TALLY_INGEST_ERROR_BINARY, _("not a text file (it holds binary data)"));
      return TRUE;
    }
  return FALSE;
}

/* Returns UTF-8 text; fills `map` from decoded to original offsets. */
static char *
decode (GBytes      *bytes,
        const char  *path,
        GArray      *map,
        gsize       *out_len,
        GError     **error)
{
  gsize len;
  const guchar *data = g_bytes_get_data (bytes, &len);
  char *text;

  if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      gboolean has_nul;

      text = decode_utf16 (data, len, 2, data[0] == 0xFE, map, &has_nul);
      if (has_nul)
        {
          g_free (text);
          set_error (error, path, TALLY_INGEST_ERROR_BINARY, _("not a text file (it holds NUL characters)"));
          return NULL;
        }
      *out_len = strlen (text);
      return text;
    }
  {
    int utf16 = sniff_utf16 (data, len);

    if (utf16 != 0)
      {
        gboolean has_nul;

        text = decode_utf16 (data, len, 0, utf16 == 2, map, &has_nul);
        /* Binary data can have zeros at one parity too: the text must read as text. */
        if (!has_nul && !looks_binary ((const guchar *) text, strlen (text), path, NULL))
          {
            *out_len = strlen (text);
            return text;
          }
        g_free (text);
        g_array_set_size (map, 0);
      }
  }
  if (looks_binary (data, len, path, error))
    return NULL;
  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      tally_offset_map_add (map, 0, 3);
      text = g_utf8_make_valid ((const char *) data + 3, len - 3);
      *out_len = strlen (text);
      return text;
    }
  if (g_utf8_validate_len ((const char *) data, len, NULL))
    {
      tally_offset_map_add (map, 0, 0);
      *out_len = len;
      return g_strndup ((const char *) data, len);
    }
  text = decode_legacy (data, len, map, out_len);
  if (text == NULL || memchr (text, '\0', *out_len) != NULL)
    {
      g_free (text);
      set_error (error, path, TALLY_INGEST_ERROR_BINARY, _("not a text file (its bytes decode to no text)"));
      return NULL;
    }
  return text;
}

/* ---------------------------------------------------------------------- */
/* Format sniffing */

static gboolean
has_extension (const char *path,
               const char *ext)
{
  return path != NULL && g_str_has_suffix (path, ext) && strlen (path) > strlen (ext);
}

/* What a file holds, from its first 4 KB: a web page, Markdown or plain
 * text. Its content decides; the name's extension (.md, .markdown) is read
 * only to choose between text and Markdown when the content shows no
 * Markdown structure either way. */
static const char *
sniff_format (const char *text,
              gsize       len,
              const char *path)
{
  gsize head = MIN (len, 4096);
  g_autofree char *lower = g_strndup (text, head);
  const char *p = lower;
  guint paragraph_tags = 0;

  /* g_ascii_strdown() without a call per byte. */
  for (char *q = lower; *q; q++)
    if (*q >= 'A' && *q <= 'Z')
      *q += 'a' - 'A';
  static const char * const tags[] = { "<html", "<body", "<head", "<!doctype html", "<article", "<p>", "<p ", "<div", "<meta " };
  /* What only a page has, at the start of a line: a page saved with a note
   * above it ("Saved from …"). Prose that names a tag does not start a line
   * with it. */
  static const char * const page_tags[] = { "\n<!doctype html", "\n<html", "\n<head", "\n<body" };
  static const char * const paragraph_marks[] = { "<p>", "<p ", "</p>", "<div" };

  /* A byte-order mark and white space before the first tag. */
  if ((guchar) p[0] == 0xEF && (guchar) p[1] == 0xBB && (guchar) p[2] == 0xBF)
    p += 3;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '<')
    {
      for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
        if (strstr (lower, tags[i]) != NULL)
          return "html";
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (page_tags); i++)
        if (strstr (lower, page_tags[i]) != NULL)
          return "html";
      /* A fragment of a page: paragraphs in tags, more than a stray one. */
      for (guint i = 0; i < G_N_ELEMENTS (paragraph_marks); i++)
        for (const char *q = lower; (q = strstr (q, paragraph_marks[i])) != NULL; q++)
          paragraph_tags++;
      if (paragraph_tags >= 3)
        return "html";
    }

  if (*p == '#' && (p[1] == ' ' || p[1] == '#'))
    return "markdown";
  if (strstr (lower, "\n## ") != NULL || (strstr (lower, "](http") != NULL && strstr (lower, "\n# ") != NULL))
    return "markdown";
  /* Text and Markdown read alike when there is no markup: then, and only
   * then, the name says which it was written as. */
  if (has_extension (path, ".md") || has_extension (path, ".markdown"))
    return "markdown";
  return "text";
}

/* ---------------------------------------------------------------------- */
/* Lines */

TallyLine *
tally_line_new_exact (const TallyDecoded *decoded,
                      gsize               start,
                      gsize               end)
{
  TallyLine *line = g_new0 (TallyLine, 1);
  TallyPiece piece = { decoded->data + start, end - start, start, TRUE, NULL };

  line->pieces = g_array_new (FALSE, FALSE, sizeof (TallyPiece));
  if (end > start)
    g_array_append_val (line->pieces, piece);
  line->kind = end > start ? TALLY_LINE_PLAIN : TALLY_LINE_BLANK;
  tally_line_update_text (line);
  return line;
}

TallyLine *
tally_line_new_owned (char          *text,
                      gsize          src,
                      TallyLineKind  kind)
{
  TallyLine *line = g_new0 (TallyLine, 1);
  TallyPiece piece = { text, strlen (text), src, FALSE, text };

  line->pieces = g_array_new (FALSE, FALSE, sizeof (TallyPiece));
  g_array_append_val (line->pieces, piece);
  line->kind = kind;
  tally_line_update_text (line);
  return line;
}

void
tally_line_free (TallyLine *line)
{
  if (line == NULL)
    return;
  for (guint i = 0; i < line->pieces->len; i++)
    g_free (g_array_index (line->pieces, TallyPiece, i).owned);
  g_array_unref (line->pieces);
  g_free (line->text);
  g_free (line->value);
  g_free (line);
}

void
tally_line_update_text (TallyLine *line)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < line->pieces->len; i++)
    {
      const TallyPiece *piece = &g_array_index (line->pieces, TallyPiece, i);

      g_string_append_len (s, piece->text, piece->len);
    }
  g_free (line->text);
  line->text = g_string_free (s, FALSE);
}

/* Markdown inline syntax out, keeping the words as pieces of the original. */
static void
markdown_line (TallyLine *line)
{
  const TallyPiece orig = g_array_index (line->pieces, TallyPiece, 0);
  const char *s = orig.text, *end = orig.text + orig.len;
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (TallyPiece));
  const char *run = NULL;
  /* The next ']' and ')' at or after s, found once and reused while s has
   * not passed them: a line of many '[' stays linear. */
  const char *next_close = NULL, *next_paren = NULL;

#define FLUSH(upto) G_STMT_START { \
    if (run != NULL && (upto) > run) { \
      TallyPiece p = { run, (upto) - run, orig.src + (run - orig.text), TRUE, NULL }; \
      g_array_append_val (pieces, p); } \
    run = NULL; } G_STMT_END

  /* Block markers: headings, quotes, bullets. */
  if (*s == '#')
    {
      while (s < end && *s == '#')
        s++;
      line->kind = TALLY_LINE_HEADING;
    }
  else if (*s == '>')
    s++;
  else if ((*s == '-' || *s == '*' || *s == '+') && s + 1 < end && s[1] == ' ')
    {
      s++;
      line->kind = TALLY_LINE_LIST;
    }
  while (s < end && (*s == ' ' || *s == '\t'))
    s++;

  while (s < end)
    {
      if (*s == '*' || *s == '_' || *s == '`')
        {
          /* Emphasis markers; a lone '_' inside a word stays. */
          gboolean inner = *s == '_' && s > orig.text && g_ascii_isalnum (s[-1]) && s + 1 < end && g_ascii_isalnum (s[1]);

          if (!inner)
            {
              FLUSH (s);
              s++;
              continue;
            }
        }
      if (*s == '!' && s + 1 < end && s[1] == '[')
        {
          FLUSH (s);
          s++;
          continue;
        }
      if (*s == '[')
        {
          const char *close, *paren = NULL;

          if (next_close == NULL || (next_close < s && next_close != end))
            {
              next_close = memchr (s, ']', end - s);
              if (next_close == NULL)
                next_close = end;
            }
          close = next_close != end ? next_close : NULL;
          if (close != NULL && close + 1 < end && close[1] == '(')
            {
              if (next_paren == NULL || (next_paren < close && next_paren != end))
                {
                  next_paren = memchr (close, ')', end - close);
                  if (next_paren == NULL)
                    next_paren = end;
                }
              paren = next_paren != end ? next_paren : NULL;
            }
          if (paren != NULL)
            {
              FLUSH (s);
              run = s + 1;
              FLUSH (close);
              s = paren + 1;
              continue;
            }
        }
      if (run == NULL)
        run = s;
      s++;
    }
  FLUSH (end);
#undef FLUSH

  g_array_unref (line->pieces);
  line->pieces = pieces;
  tally_line_update_text (line);
  if (pieces->len == 0)
    line->kind = TALLY_LINE_BLANK;
}

/* "&#163;1.8m", "&#x2019;": numeric character references left in plain text
 * by a copy from a web page become the characters they stand for, each an
 * owned piece at the reference's offset, the words around it still exact. */
static void
decode_references (TallyLine *line)
{
  GArray *pieces = NULL;

  for (guint k = 0; k < line->pieces->len; k++)
    {
      const TallyPiece orig = g_array_index (line->pieces, TallyPiece, k);
      const char *s = orig.text, *end = orig.text + orig.len, *run = orig.text;

      if (!orig.exact || memchr (s, '&', orig.len) == NULL)
        {
          if (pieces != NULL)
            g_array_append_val (pieces, orig);
          continue;
        }
      if (pieces == NULL)
        {
          pieces = g_array_new (FALSE, FALSE, sizeof (TallyPiece));
          g_array_append_vals (pieces, line->pieces->data, k);
        }
      while (s < end)
        {
          const char *q = s + 2;
          gboolean hex;
          guint64 c = 0;
          gsize digits = 0;

          if (s[0] != '&' || s + 3 >= end || s[1] != '#')
            {
              s++;
              continue;
            }
          hex = *q == 'x' || *q == 'X';
          if (hex)
            q++;
          while (q < end && digits < 8 && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)))
            {
              c = c * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*q) : g_ascii_digit_value (*q));
              q++;
              digits++;
            }
          if (digits == 0 || q >= end || *q != ';' || c == 0 || !g_unichar_validate ((gunichar) c))
            {
              s++;
              continue;
            }
          if (s > run)
            {
              TallyPiece before = { run, s - run, orig.src + (run - orig.text), TRUE, NULL };

              g_array_append_val (pieces, before);
            }
          {
            char buf[7];
            int n = g_unichar_to_utf8 ((gunichar) c, buf);
            char *owned = g_strndup (buf, n);
            TallyPiece ch = { owned, n, orig.src + (s - orig.text), FALSE, owned };

            g_array_append_val (pieces, ch);
          }
          s = run = q + 1;
        }
      if (end > run)
        {
          TallyPiece after = { run, end - run, orig.src + (run - orig.text), TRUE, NULL };

          g_array_append_val (pieces, after);
        }
    }
  if (pieces == NULL)
    return;
  g_array_unref (line->pieces);
  line->pieces = pieces;
  tally_line_update_text (line);
}

static GPtrArray *
split_lines (const TallyDecoded *decoded,
             gboolean            markdown)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_line_free);
  const char *text = decoded->data;
  gsize i = 0, len = decoded->len;

  while (i <= len)
    {
      gsize start = i, end, next;

      while (i < len && text[i] != '\n' && text[i] != '\r')
        i++;
      end = i;
      next = i < len && text[i] == '\r' && i + 1 < len && text[i + 1] == '\n' ? i + 2 : i + 1;

      /* Trim white space (ASCII and NBSP) at both ends. */
      while (start < end && (g_ascii_isspace (text[start]) || (end - start >= 2 && (guchar) text[start] == 0xC2 && (guchar) text[start + 1] == 0xA0)))
        start += g_ascii_isspace (text[start]) ? 1 : 2;
      while (end > start && (g_ascii_isspace (text[end - 1]) || (end - start >= 2 && (guchar) text[end - 2] == 0xC2 && (guchar) text[end - 1] == 0xA0)))
        end -= g_ascii_isspace (text[end - 1]) ? 1 : 2;

      TallyLine *line = tally_line_new_exact (decoded, start, end);
      if (markdown && line->kind != TALLY_LINE_BLANK)
        markdown_line (line);
      if (line->kind != TALLY_LINE_BLANK)
        decode_references (line);
      g_ptr_array_add (lines, line);
      i = next;
    }
  return lines;
}

/* ---------------------------------------------------------------------- */
/* The record */

/* Sentences over the whole text (paragraphs are joined by a blank line,
 * which always ends one), keeping the tokens found on the way so that the
 * claim extractor and the event finder do not scan the text again. */
static void
add_sentences (TallyDocumentRecord *record)
{
  gsize pos = 0, start, end;
  /* Read with the document's language data (numbers such as "12,7"). */
  const char *language = tally_lexicon_language_for (record->language);

  if (record->text_len <= TALLY_RECORD_TOKENS_MAX)
    record->tokens = g_array_sized_new (FALSE, FALSE, sizeof (TallyToken), record->text_len / 5 + 16);
  while (pos < record->text_len
         && tally_next_sentence_tokens_in (language, record->text, record->text_len, &pos, &start, &end,
                                           record->tokens))
    {
      TallySpan span = { start, end };

      g_array_append_val (record->sentences, span);
    }
}

static guint
count_words (const char *text,
             gsize       len)
{
  guint words = 0;
  gboolean in_word = FALSE;
  const char *end = text + len;

  for (const char *p = text; p < end;)
    {
      guchar b = (guchar) *p;
      gunichar c;
      gboolean alnum, word;

      /* ASCII, the common case, without decoding. */
      if (b < 0x80)
        {
          c = b;
          alnum = g_ascii_isalnum (b);
          p++;
        }
      else
        {
          c = g_utf8_get_char (p);
          alnum = g_unichar_isalnum (c);
          p = g_utf8_next_char (p);
        }
      word = alnum || (in_word && (c == '\'' || c == 0x2019 || c == '-'));
      if (word && !in_word)
        words++;
      in_word = word;
    }
  return words;
}

/* A run whose next entry lies behind it in the file is not cut short by
 * the look-up, so one that would run past the end of the file is split:
 * its tail is placed in pieces that end at the file's end (approximate, as
 * such text is, but inside the file). The text before the first entry maps
 * to itself, so it gets an entry when it is longer than the file. */
static void
keep_runs_inside (GArray *map,
                  gsize   text_len,
                  gsize   size)
{
  g_autoptr(GArray) out = NULL;
  gboolean changed = FALSE;

  if (map->len == 0)
    return;
  out = g_array_sized_new (FALSE, FALSE, sizeof (TallyOffsetMapEntry), map->len + 2);
  if (g_array_index (map, TallyOffsetMapEntry, 0).text_offset > size + 1)
    {
      TallyOffsetMapEntry start = { 0, 0 };

      g_array_append_val (out, start);
      changed = TRUE;
    }
  for (guint i = 0; i < map->len; i++)
    {
      TallyOffsetMapEntry e = g_array_index (map, TallyOffsetMapEntry, i);
      gboolean has_next = i + 1 < map->len;
      gsize run_end = has_next ? g_array_index (map, TallyOffsetMapEntry, i + 1).text_offset : text_len;
      gsize at;

      g_array_append_val (out, e);
      if (run_end <= e.text_offset
          || (has_next && g_array_index (map, TallyOffsetMapEntry, i + 1).source_offset >= e.source_offset)
          || e.source_offset + (run_end - e.text_offset) <= size)
        continue;
      changed = TRUE;
      for (at = e.text_offset + (size - e.source_offset); at < run_end;)
        {
          gsize piece = MIN (run_end - at, MAX (size, 1));
          TallyOffsetMapEntry tail = { at, size - MIN (piece, size) };

          g_array_append_val (out, tail);
          at += piece;
        }
    }
  if (!changed)
    return;
  g_array_set_size (map, 0);
  g_array_append_vals (map, out->data, out->len);
}

/* Markup text is placed by its words, so a run of the map may claim more
 * bytes than the file has left (text longer than its source: legacy bytes
 * that became two-byte UTF-8, a piece not found in the page). Entries are
 * kept inside the file and the text's end gets an entry of its own, so
 * every offset up to the end maps inside the file, also when read back
 * from a project. */
static void
finish_offset_map (TallyDocumentRecord *record,
                   gsize                size)
{
  GArray *map = record->offset_map;

  for (guint i = 0; i < map->len; i++)
    {
      TallyOffsetMapEntry *e = &g_array_index (map, TallyOffsetMapEntry, i);

      e->source_offset = MIN (e->source_offset, size);
    }
  keep_runs_inside (map, record->text_len, size);
  if (map->len > 0)
    tally_offset_map_add (map, record->text_len,
                          MIN (tally_document_record_source_offset (record, record->text_len), size));
  else if (record->text_len > size)
    {
      tally_offset_map_add (map, 0, 0);
      tally_offset_map_add (map, record->text_len, size);
    }
}

static TallyDocumentRecord *
ingest_bytes (GBytes            *bytes,
              const char        *path,
              TallyIngestFlags   flags,
              GError           **error)
{
  g_autoptr(TallyDocumentRecord) record = NULL;
  g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (TallyOffsetMapEntry));
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  TallyDecoded decoded;
  gsize len = 0, size;
  const char *format;

  g_return_val_if_fail (bytes != NULL, NULL);

  size = g_bytes_get_size (bytes);
  if (size == 0)
    {
      set_error (error, path, TALLY_INGEST_ERROR_EMPTY, _("the file is empty"));
      return NULL;
    }
  if (size > TALLY_INGEST_MAX_FILE_SIZE)
    {
      set_error (error, path, TALLY_INGEST_ERROR_TOO_LARGE, _("the file is too large (%.1f MB; the limit is %d MB)"),
                 size / (1024.0 * 1024.0), TALLY_INGEST_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if ((text = decode (bytes, path, map, &len, error)) == NULL)
    return NULL;

  {
    gsize i = 0;

    while (i < len && g_ascii_isspace (text[i]))
      i++;
    if (i == len)
      {
        set_error (error, path, TALLY_INGEST_ERROR_EMPTY, _("the file holds only white space"));
        return NULL;
      }
  }

  decoded = (TallyDecoded) { text, len, map };
  record = tally_document_record_new ();
  record->path = path != NULL ? g_canonicalize_filename (path, NULL) : NULL;
  if (!(flags & TALLY_INGEST_NO_CONTENT_HASH))
    record->content_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  format = sniff_format (text, len, path);
  record->format = g_strdup (format);
  name = path != NULL ? g_path_get_basename (path) : NULL;

  if (g_str_equal (format, "html"))
    {
      const char *reason = tally_html_check_limits (&decoded);

      if (reason != NULL)
        {
          set_error (error, path, TALLY_INGEST_ERROR_TOO_COMPLEX, "%s", reason);
          return NULL;
        }
      lines = tally_html_extract (record, &decoded);
      tally_clean_lines (record, lines, &decoded, TRUE, name);
    }
  else
    {
      lines = split_lines (&decoded, g_str_equal (format, "markdown"));
      tally_clean_lines (record, lines, &decoded, FALSE, name);
    }

  if (record->text == NULL || record->text_len == 0)
    {
      set_error (error, path, TALLY_INGEST_ERROR_NO_TEXT, _("no article text found in it"));
      return NULL;
    }

  finish_offset_map (record, size);
  record->language = g_strdup (tally_language_detect (record->text, record->text_len));
  add_sentences (record);
  record->word_count = count_words (record->text, record->text_len);
  record->simhash = tally_ingest_simhash (record->text, record->text_len);
  return g_steal_pointer (&record);
}

TallyDocumentRecord *
tally_ingest_bytes (GBytes      *bytes,
                    const char  *path,
                    GError     **error)
{
  return ingest_bytes (bytes, path, TALLY_INGEST_FLAGS_NONE, error);
}

static TallyDocumentRecord *
ingest_file (const char        *path,
             gboolean           listed,
             TallyIngestFlags   flags,
             GError           **error)
{
  g_autoptr(GBytes) bytes = read_file (path, listed, error);

  if (bytes == NULL)
    return NULL;
  return ingest_bytes (bytes, path, flags, error);
}

TallyDocumentRecord *
tally_ingest_file (const char  *path,
                   GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return ingest_file (path, FALSE, TALLY_INGEST_FLAGS_NONE, error);
}

TallyDocumentRecord *
tally_ingest_listed_file (const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return ingest_file (path, TRUE, TALLY_INGEST_FLAGS_NONE, error);
}

TallyDocumentRecord *
tally_ingest_listed_file_full (const char        *path,
                               TallyIngestFlags   flags,
                               GError           **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return ingest_file (path, TRUE, flags, error);
}

/* ---------------------------------------------------------------------- */
/* Walking folders */

typedef struct
{
  GPtrArray *files;
  GPtrArray *failures;
  GHashTable *seen_dirs;  /* "dev:ino" of folders on the current path */
  guint depth;
  GHashTable *seen_files; /* absolute paths already listed */
  GCancellable *cancellable;
  char *root;             /* the chosen folder, symlinks resolved */
  GPtrArray *origins;     /* char*, one per file, or NULL */
  char *origin;           /* the folder files of the current root come from */
} Walk;

/* Is `path` (resolved) `root` or inside it? */
static gboolean
inside (const char *path,
        const char *root)
{
  gsize n = strlen (root);

  if (g_str_equal (root, "/"))
    return TRUE;
  return strncmp (path, root, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
skipped_name (const char *name)
{
  const char *dot = strrchr (name, '.');

  if (name[0] == '.' || g_str_has_suffix (name, "~"))
    return TRUE;
  return dot != NULL && dot != name && tally_rules_match (TALLY_RULE_SKIP_EXTENSION, dot + 1, NULL);
}

static void
add_file (Walk       *walk,
          const char *path)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);

  if (g_hash_table_add (walk->seen_files, g_strdup (abs)))
    {
      g_ptr_array_add (walk->files, g_steal_pointer (&abs));
      if (walk->origins != NULL)
        g_ptr_array_add (walk->origins, g_strdup (walk->origin));
    }
}

static void walk_path (Walk *walk, const char *path, gboolean top);

static void
walk_dir (Walk        *walk,
          const char  *path,
          GStatBuf    *st)
{
  g_autofree char *key = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                                          (guint64) st->st_dev, (guint64) st->st_ino);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_hash_table_contains (walk->seen_dirs, key))
    {
      add_failure (walk->failures, path, TALLY_INGEST_ERROR_LOOP, _("the folder links back to a folder that contains it (a loop)"));
      return;
    }
  if (walk->depth >= 64)
    {
      add_failure (walk->failures, path, TALLY_INGEST_ERROR_UNREADABLE, _("folders nested more than 64 deep are not opened"));
      return;
    }
  if ((dir = g_dir_open (path, 0, &error)) == NULL)
    {
      add_failure (walk->failures, path, TALLY_INGEST_ERROR_UNREADABLE,
                   g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ? _("the folder cannot be read: permission denied")
                                                                            : _("the folder cannot be read"));
      return;
    }
  g_hash_table_add (walk->seen_dirs, g_strdup (key));
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len && !g_cancellable_is_cancelled (walk->cancellable); i++)
    {
      const char *child_name = g_ptr_array_index (names, i);
      g_autofree char *child = g_build_filename (path, child_name, NULL);

      /* Saved web pages' "Name_files" folders hold assets, not articles. */
      if (child_name[0] == '.' || g_str_has_suffix (child_name, "_files"))
        continue;
      walk->depth++;
      walk_path (walk, child, FALSE);
      walk->depth--;
    }
  g_hash_table_remove (walk->seen_dirs, key);
}

static void
walk_path (Walk       *walk,
           const char *path,
           gboolean    top)
{
  GStatBuf st;
  g_autofree char *name = g_path_get_basename (path);

  if (g_lstat (path, &st) != 0)
    {
      add_failure (walk->failures, path,
                   errno == EACCES ? TALLY_INGEST_ERROR_UNREADABLE : TALLY_INGEST_ERROR_NOT_FOUND,
                   errno == EACCES ? _("permission denied") : _("no such file or folder"));
      return;
    }
  if (S_ISLNK (st.st_mode))
    {
      g_autoptr(GError) error = NULL;

      if (!check_link (path, &error))
        {
          if (walk->failures != NULL)
            g_ptr_array_add (walk->failures, tally_ingest_failure_new (path, error));
          return;
        }
      /* A link in a chosen folder is followed only to a place inside that
       * folder: a link to /etc or / must not import the system's files. */
      if (!top && walk->root != NULL)
        {
          g_autofree char *target = realpath (path, NULL);

          if (target != NULL && !inside (target, walk->root))
            {
              g_autofree char *shown = g_filename_display_name (target);
              g_autofree char *reason = g_strdup_printf (_("the symbolic link leads outside the chosen folder (to “%s”); it was not followed"), shown);

              add_failure (walk->failures, path, TALLY_INGEST_ERROR_OUTSIDE_FOLDER, reason);
              return;
            }
        }
      g_stat (path, &st);
    }
  if (S_ISDIR (st.st_mode))
    walk_dir (walk, path, &st);
  else if (top || (S_ISREG (st.st_mode) && !skipped_name (name)))
    add_file (walk, path);
}

GPtrArray *
tally_ingest_collect_paths (const char * const *paths,
                            gssize              n_paths,
                            GPtrArray          *failures,
                            GCancellable       *cancellable)
{
  return tally_ingest_collect_paths_full (paths, n_paths, failures, NULL, cancellable);
}

GPtrArray *
tally_ingest_collect_paths_full (const char * const *paths,
                                 gssize              n_paths,
                                 GPtrArray          *failures,
                                 GPtrArray          *origins,
                                 GCancellable       *cancellable)
{
  Walk walk = {
    g_ptr_array_new_with_free_func (g_free),
    failures,
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    0,
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    cancellable,
    NULL,
    origins,
    NULL,
  };

  for (gsize i = 0; n_paths < 0 ? paths[i] != NULL : i < (gsize) n_paths; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      g_clear_pointer (&walk.root, g_free);
      g_clear_pointer (&walk.origin, g_free);
      walk.root = realpath (paths[i], NULL);
      if (walk.root != NULL)
        walk.origin = g_file_test (walk.root, G_FILE_TEST_IS_DIR) ? g_strdup (walk.root) : g_path_get_dirname (walk.root);
      walk_path (&walk, paths[i], TRUE);
    }
  g_hash_table_unref (walk.seen_dirs);
  g_free (walk.root);
  g_free (walk.origin);
  g_hash_table_unref (walk.seen_files);
  return walk.files;
}
