/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-language.h"
#include "tally-lexicon-file.h"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "tally-analysis-resources.h"

#define LEXICON_DIR "/io/github/tallyapp/Tally/analysis/lexicons/"
#define SCAN_MAX (64 * 1024)
#define MIN_WORD_SHARE 0.10
#define SCRIPT_SLOTS 256

typedef struct
{
  char *tag;
  GArray *scripts;      /* GUnicodeScript */
  GHashTable *words;    /* lower-case word → itself */
} Language;

typedef struct
{
  GPtrArray *languages; /* Language* */
  char **tags;
  /* Every language's words in one table: word → guint64 mask of the
   * languages (bit i: languages[i]) that list it. */
  GHashTable *word_masks;
  gsize longest_word;
  /* The same as an open-addressed table under a hash the scan computes as
   * it reads each word, so that a word costs no call to look up. */
  struct MaskSlot *slots;
  guint slot_mask;
} Languages;

typedef struct MaskSlot
{
  const char *word;         /* NULL: empty */
  guint32 hash;
  guint32 len;
  guint64 mask;
} MaskSlot;

/* FNV-1a, one byte at a time. */
#define WORD_HASH_START 2166136261u

static inline guint32
word_hash_step (guint32 hash,
                guchar  byte)
{
  return (hash ^ byte) * 16777619u;
}

/* The word being read: its bytes (up to WORD_MAX), length and hash. */
#define WORD_MAX 128

typedef struct
{
  char bytes[WORD_MAX];
  gsize len;
  guint32 hash;
} ScanWord;

static inline void
scan_word_add (ScanWord   *word,
               const char *bytes,
               gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (word->len < WORD_MAX)
        word->bytes[word->len] = bytes[i];
      word->hash = word_hash_step (word->hash, (guchar) bytes[i]);
      word->len++;
    }
}

static void
language_free (gpointer data)
{
  Language *language = data;

  g_free (language->tag);
  g_array_unref (language->scripts);
  g_hash_table_unref (language->words);
  g_free (language);
}

/* GLib names scripts by enum only; ICU-style names in the data files. */
static gboolean
script_from_name (const char     *name,
                  GUnicodeScript *script)
{
  static const struct { const char *name; GUnicodeScript script; } scripts[] = {
    { "Latin", G_UNICODE_SCRIPT_LATIN }, { "Cyrillic", G_UNICODE_SCRIPT_CYRILLIC },
    { "Greek", G_UNICODE_SCRIPT_GREEK }, { "Arabic", G_UNICODE_SCRIPT_ARABIC },
    { "Hebrew", G_UNICODE_SCRIPT_HEBREW }, { "Han", G_UNICODE_SCRIPT_HAN },
    { "Hiragana", G_UNICODE_SCRIPT_HIRAGANA }, { "Katakana", G_UNICODE_SCRIPT_KATAKANA },
    { "Hangul", G_UNICODE_SCRIPT_HANGUL }, { "Thai", G_UNICODE_SCRIPT_THAI },
    { "Devanagari", G_UNICODE_SCRIPT_DEVANAGARI }, { "Armenian", G_UNICODE_SCRIPT_ARMENIAN },
    { "Georgian", G_UNICODE_SCRIPT_GEORGIAN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scripts); i++)
    if (g_ascii_strcasecmp (name, scripts[i].name) == 0)
      {
        *script = scripts[i].script;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_unspaced (GUnicodeScript script)
{
  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_THAI;
}

static gboolean
read_entry (const char  *section,
            char        *key,
            const char  *value,
            gpointer     user_data,
            GError     **error)
{
  Language *language = user_data;

  if (g_strcmp0 (section, "scripts") == 0)
    {
      GUnicodeScript script;

      if (!script_from_name (key, &script))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: unknown script “%s”", language->tag, key);
          return FALSE;
        }
      g_array_append_val (language->scripts, script);
      return TRUE;
    }
  if (g_strcmp0 (section, "words") == 0)
    {
      char *word = g_utf8_strdown (key, -1);

      g_hash_table_add (language->words, word);
      return TRUE;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: entry outside [scripts] or [words]", language->tag);
  return FALSE;
}

static gboolean
read_section (const char  *section,
              gpointer     user_data,
              GError     **error)
{
  if (g_strcmp0 (section, "scripts") == 0 || g_strcmp0 (section, "words") == 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown section [%s]", section);
  return FALSE;
}

static gpointer
load_languages (gpointer data)
{
  Languages *all = g_new0 (Languages, 1);
  g_auto(GStrv) names = NULL;
  GPtrArray *tags = g_ptr_array_new ();

  /* Referencing the resource keeps its constructor linked in. */
  (void) tally_analysis_get_resource ();
  all->languages = g_ptr_array_new_with_free_func (language_free);
  names = g_resources_enumerate_children (LEXICON_DIR, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      Language *language;
      gsize size;
      const char *contents;

      if (!g_str_has_suffix (names[i], ".stopwords"))
        continue;
      path = g_strconcat (LEXICON_DIR, names[i], NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes == NULL)
        continue;
      language = g_new0 (Language, 1);
      language->tag = g_strndup (names[i], strlen (names[i]) - strlen (".stopwords"));
      language->scripts = g_array_new (FALSE, FALSE, sizeof (GUnicodeScript));
      language->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      contents = g_bytes_get_data (bytes, &size);
      /* The files are ours, compiled in: a broken one is a bug to see at once. */
      if (!tally_lexicon_file_read (contents, size, names[i], read_section, read_entry, language, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (all->languages, language);
      g_ptr_array_add (tags, language->tag);
    }
  if (all->languages->len > 64)
    g_error ("more than 64 stopword files: widen the word masks");
  all->word_masks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < all->languages->len; i++)
    {
      Language *language = g_ptr_array_index (all->languages, i);
      GHashTableIter iter;
      gpointer word;

      g_hash_table_iter_init (&iter, language->words);
      while (g_hash_table_iter_next (&iter, &word, NULL))
        {
          guint64 *mask = g_hash_table_lookup (all->word_masks, word);

          if (mask == NULL)
            {
              mask = g_new0 (guint64, 1);
              g_hash_table_insert (all->word_masks, word, mask);
            }
          *mask |= G_GUINT64_CONSTANT (1) << i;
          all->longest_word = MAX (all->longest_word, strlen (word));
        }
    }
  if (all->longest_word >= WORD_MAX)
    g_error ("a stopword longer than %d bytes: widen WORD_MAX", WORD_MAX - 1);
  {
    guint size = 16;
    GHashTableIter iter;
    gpointer word, mask;

    while (size < 2 * g_hash_table_size (all->word_masks))
      size *= 2;
    all->slots = g_new0 (MaskSlot, size);
    all->slot_mask = size - 1;
    g_hash_table_iter_init (&iter, all->word_masks);
    while (g_hash_table_iter_next (&iter, &word, &mask))
      {
        guint32 hash = WORD_HASH_START;
        gsize len = strlen (word);
        guint at;

        for (gsize b = 0; b < len; b++)
          hash = word_hash_step (hash, ((const guchar *) word)[b]);
        for (at = hash & all->slot_mask; all->slots[at].word != NULL; at = (at + 1) & all->slot_mask)
          ;
        all->slots[at] = (MaskSlot) { word, hash, (guint32) len, *(const guint64 *) mask };
      }
  }
  g_ptr_array_sort_values (tags, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (tags, NULL);
  all->tags = (char **) g_ptr_array_free (tags, FALSE);
  return all;
}

static const Languages *
get_languages (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_languages, NULL);
}

const char * const *
tally_language_list (void)
{
  return (const char * const *) get_languages ()->tags;
}

static gboolean
has_script (const Language *language,
            GUnicodeScript  script)
{
  for (guint i = 0; i < language->scripts->len; i++)
    if (g_array_index (language->scripts, GUnicodeScript, i) == script)
      return TRUE;
  return FALSE;
}

/* One look-up per word for every language: the word's mask of languages. */
static guint64
word_mask (const Languages *all,
           const ScanWord  *word)
{
  if (word->len > all->longest_word)
    return 0;
  for (guint at = word->hash & all->slot_mask; all->slots[at].word != NULL; at = (at + 1) & all->slot_mask)
    if (all->slots[at].hash == word->hash && all->slots[at].len == word->len
        && memcmp (all->slots[at].word, word->bytes, word->len) == 0)
      return all->slots[at].mask;
  return 0;
}

static void
count_word (const Languages *all,
            ScanWord        *word,
            guint           *hits)
{
  for (guint64 mask = word_mask (all, word); mask != 0; mask &= mask - 1)
    hits[__builtin_ctzll (mask)]++;
  word->len = 0;
  word->hash = WORD_HASH_START;
}

const char *
tally_language_detect (const char *text,
                       gssize      len)
{
  const Languages *all = get_languages ();
  guint n = all->languages->len;
  g_autofree guint *letters_in = g_new0 (guint, n);
  g_autofree guint *hits = g_new0 (guint, n);
  /* Letters counted per script, spread over the languages at the end. */
  guint letters_of[SCRIPT_SLOTS] = { 0 };
  guint letters = 0, words = 0;
  const char *end, *p;
  ScanWord word = { .len = 0, .hash = WORD_HASH_START };
  const char *best = "und";
  double best_share = 0;

  if (text == NULL)
    return "und";
  if (len < 0)
    len = strlen (text);
  end = text + MIN ((gsize) len, SCAN_MAX);

  for (p = text; ; )
    {
      gunichar c = 0;
      gboolean letter = FALSE;
      GUnicodeScript script = G_UNICODE_SCRIPT_COMMON;
      guint step = 1;

      if (p < end)
        {
          guchar b = (guchar) *p;

          /* ASCII (most of the text) without decoding: its letters are
           * Latin, and U+0000 stops the scan as the validating decoder
           * does. */
          if (b != 0 && b < 0x80)
            {
              c = b;
              letter = g_ascii_isalpha (b);
              if (letter)
                script = G_UNICODE_SCRIPT_LATIN;
            }
          else
            {
              c = g_utf8_get_char_validated (p, end - p);
              if (c == (gunichar) -1 || c == (gunichar) -2)
                break;
              letter = g_unichar_isalpha (c);
              script = g_unichar_get_script (c);
              step = g_utf8_skip[b];
            }
        }
      if (letter)
        {
          letters++;
          if ((guint) script < SCRIPT_SLOTS)
            letters_of[script]++;
          else
            for (guint i = 0; i < n; i++)
              if (has_script (g_ptr_array_index (all->languages, i), script))
                letters_in[i]++;
        }
      /* A word ends at a non-letter, and after each character of an
       * unspaced script. */
      if (letter && !is_unspaced (script))
        {
          if (c < 0x80)
            {
              char lower = (char) (c | 0x20);  /* an ASCII letter */

              scan_word_add (&word, &lower, 1);
            }
          else
            {
              char utf8[6];

              scan_word_add (&word, utf8, g_unichar_to_utf8 (g_unichar_tolower (c), utf8));
            }
        }
      else
        {
          if (word.len > 0)
            {
              words++;
              count_word (all, &word, hits);
            }
          if (letter)
            {
              char utf8[6];

              scan_word_add (&word, utf8, g_unichar_to_utf8 (c, utf8));
              words++;
              count_word (all, &word, hits);
            }
        }
      if (p >= end)
        break;
      p += step;
    }
  if (letters == 0 || words == 0)
    return "und";
  for (guint s = 0; s < SCRIPT_SLOTS; s++)
    if (letters_of[s] > 0)
      for (guint i = 0; i < n; i++)
        if (has_script (g_ptr_array_index (all->languages, i), (GUnicodeScript) s))
          letters_in[i] += letters_of[s];
  for (guint i = 0; i < n; i++)
    {
      double share = (double) hits[i] / words;

      if (letters_in[i] * 2 < letters || share < MIN_WORD_SHARE)
        continue;
      if (share > best_share)
        {
          best_share = share;
          best = ((Language *) g_ptr_array_index (all->languages, i))->tag;
        }
    }
  return best;
}

gboolean
tally_language_tag_is_valid (const char *tag)
{
  /* language (2–3 letters), then subtags of 2–8 letters or digits. */
  static GRegex *regex;

  if (g_once_init_enter_pointer (&regex))
    g_once_init_leave_pointer (&regex, g_regex_new ("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", G_REGEX_OPTIMIZE, 0, NULL));
  return tag != NULL && g_regex_match (regex, tag, 0, NULL);
}

char *
tally_language_dup_display_name (const char *tag)
{
  UChar name[128];
  UErrorCode status = U_ZERO_ERROR;
  char locale[64];
  int32_t len;

  if (tag == NULL || *tag == '\0' || g_ascii_strcasecmp (tag, "und") == 0)
    return g_strdup (_("Unknown language"));
  /* ICU reads "zh-Hant" as "zh_Hant"; the names are those of the
   * interface's locale (ICU's default, from LC_ALL / LC_MESSAGES / LANG). */
  uloc_forLanguageTag (tag, locale, sizeof locale, NULL, &status);
  if (U_FAILURE (status))
    return g_strdup (tag);
  len = uloc_getDisplayName (locale, NULL, name, G_N_ELEMENTS (name), &status);
  if (U_FAILURE (status) || len <= 0)
    return g_strdup (tag);
  {
    g_autofree char *utf8 = g_utf16_to_utf8 ((const gunichar2 *) name, len, NULL, NULL, NULL);

    /* ICU gives a lower-case "русский": a label starts with a capital. */
    if (utf8 != NULL && g_unichar_islower (g_utf8_get_char (utf8)))
      {
        gunichar first = g_unichar_totitle (g_utf8_get_char (utf8));
        char buf[8] = { 0 };

        g_unichar_to_utf8 (first, buf);
        return g_strconcat (buf, g_utf8_next_char (utf8), NULL);
      }
    return utf8 != NULL ? g_steal_pointer (&utf8) : g_strdup (tag);
  }
}
