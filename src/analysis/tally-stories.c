/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "tally-stories.h"

#include <gio/gio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tally-analysis-resources.h"
#include "tally-fold.h"
#include "tally-lemma.h"
#include "tally-partial-date.h"
#include "tally-union-find.h"
#include "tally-lexicon.h"
#include "tally-language.h"
#include "tally-story-anchors.h"

#ifdef HAVE_LIBSTEMMER
#include <libstemmer.h>
#endif
#include <unicode/utrans.h>
#include <unicode/ustring.h>

/* tally_find_stories() with the threshold on the cosine (0.3 there) and
 * the days two dated documents of one story may lie apart (30 there). */
static GPtrArray *tally_find_stories_full (const TallyStoryInput *inputs,
                                           gsize                  n_inputs,
                                           double                 threshold,
                                           guint                  max_days,
                                           guint                 *story_of);


/* How much of a document says what it is about: its title and lead. */
#define LEAD_WORDS 150
/* Terms kept per document: its strongest, the rest is noise for this. */
#define TOP_TERMS 24
/* Of a term's documents, only the nearest in date order are compared: a
 * term every document uses would otherwise make the work quadratic. */
#define POSTING_WINDOW 400
#define TERMS_IN_NAME 3
/* IDF as if the set held this many more documents without the term: in a
 * folder of five reports of one story every shared name is in every
 * document, and plain IDF would weigh it as nothing. With 100, a word one
 * report alone uses still weighed twice a name all twelve share, and twelve
 * reports of one story written years apart (its cost, its deaths, its
 * crowds) fell into seven stories; a large set is hardly changed. */
#define PRIOR_DOCUMENTS 1000.0
/* A report meets a story's documents taken together at a lower bar than it
 * meets one report: the centroid holds only what they share, and a feature
 * beside the news shares fewer words with any one report than with all. */
#define CENTROID_SHARE 0.83
/* Reports published within this many days of each other meet at half the
 * bar: news of one event comes out together, each outlet in its own words. */
#define CLOSE_DAYS 3
#define CLOSE_SHARE 0.5

void
tally_story_record_free (TallyStoryRecord *story)
{
  if (story == NULL)
    return;
  g_free (story->id);
  g_free (story->key);
  g_free (story->name);
  g_array_unref (story->documents);
  g_strfreev (story->terms);
  g_free (story);
}

/* ------------------------------------------------------------------------ */
/* Words that say nothing about a story (data: lexicons/en.stories)         */

#define LEXICONS_PATH "/io/github/tallyapp/Tally/analysis/lexicons/"

/* Every language's words of no story: `[Words]` of each <lang>.stories. */
static GHashTable *
stop_words (void)
{
  static gsize once = 0;
  static GHashTable *words = NULL;

  if (g_once_init_enter (&once))
    {
      GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_auto(GStrv) names = NULL;

      (void) tally_analysis_get_resource ();
      names = g_resources_enumerate_children (LEXICONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      for (guint n = 0; names != NULL && names[n] != NULL; n++)
        {
          g_autofree char *path = NULL;
          g_autoptr(GKeyFile) file = g_key_file_new ();
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) error = NULL;
          g_auto(GStrv) keys = NULL;

          if (!g_str_has_suffix (names[n], ".stories"))
            continue;
          path = g_strconcat (LEXICONS_PATH, names[n], NULL);
          bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
          if (bytes == NULL || !g_key_file_load_from_bytes (file, bytes, G_KEY_FILE_NONE, &error))
            {
              g_critical ("%s: %s", path, error->message);
              continue;
            }
          keys = g_key_file_get_keys (file, "Words", NULL, NULL);
          for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
            {
              g_auto(GStrv) list = g_key_file_get_string_list (file, "Words", keys[k], NULL, NULL);

              for (guint i = 0; list != NULL && list[i] != NULL; i++)
                g_hash_table_add (set, g_strdup (g_strstrip (list[i])));
            }
        }
      words = set;
      g_once_init_leave (&once, 1);
    }
  return words;
}

/* ------------------------------------------------------------------------ */
/* Terms                                                                     */

/* A term keeps the first few forms it was written in, with their counts. */
#define MAX_FORMS 8

typedef struct
{
  char *form;
  guint count;
} TermForm;

typedef struct
{
  char *folded;             /* lemma, lower case: the term's identity */
  TermForm *forms;          /* as written, for the story's name: up to MAX_FORMS, or NULL */
  guint n_forms;
  guint df;
  GArray *postings;         /* Posting: documents holding it among their top terms, or NULL */
} Term;

typedef struct
{
  guint term;
  float weight;
} Weight;

typedef struct
{
  guint document;
  float weight;             /* the term's weight in that document */
} Posting;

typedef struct
{
  GHashTable *index;        /* folded → term id */
  GPtrArray *terms;         /* Term* */
} Vocabulary;

static void
term_free (Term *term)
{
  g_free (term->folded);
  for (guint f = 0; f < term->n_forms; f++)
    g_free (term->forms[f].form);
  g_free (term->forms);
  g_clear_pointer (&term->postings, g_array_unref);
  g_free (term);
}

/* One more use of `form`; once MAX_FORMS are known, no count changes. */
static void
term_add_form (Term       *term,
               const char *form)
{
  if (term->n_forms >= MAX_FORMS)
    return;
  for (guint f = 0; f < term->n_forms; f++)
    if (strcmp (term->forms[f].form, form) == 0)
      {
        term->forms[f].count++;
        return;
      }
  if (term->forms == NULL)
    term->forms = g_new (TermForm, MAX_FORMS);
  term->forms[term->n_forms++] = (TermForm) { g_strdup (form), 1 };
}

static guint
vocabulary_intern (Vocabulary *vocabulary,
                   const char *folded,
                   Term      **out)
{
  gpointer id;
  Term *term;

  if (g_hash_table_lookup_extended (vocabulary->index, folded, NULL, &id))
    term = g_ptr_array_index (vocabulary->terms, GPOINTER_TO_UINT (id));
  else
    {
      term = g_new0 (Term, 1);
      term->folded = g_strdup (folded);
      id = GUINT_TO_POINTER (vocabulary->terms->len);
      g_ptr_array_add (vocabulary->terms, term);
      g_hash_table_insert (vocabulary->index, term->folded, id);
    }
  *out = term;
  return GPOINTER_TO_UINT (id);
}

/* ------------------------------------------------------------------------ */
/* A document's words, read apart from the others                           */

/* While reading: each distinct term once, in the order first read. */
typedef struct
{
  char *folded;
  float weight;
  GPtrArray *forms;         /* char*: capitalised forms, in reading order, or NULL */
} WordEntry;

typedef struct
{
  GHashTable *index;        /* folded (the entry's) → entry index + 1 */
  GArray *entries;          /* WordEntry */
  guint bytes;
} Collector;

/* Read: the terms packed one after another, each a float weight (4 bytes,
 * unaligned), a guint16 count of forms, the folded term and then its forms,
 * each NUL-terminated. No pointers: a few hundred bytes a document. */
struct _TallyStoryWords
{
  guint n_terms;
  guint n_bytes;
  char data[];
};

static inline gboolean
ascii_alnum (guchar c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The character at `p` as g_utf8_get_char_validated() reads it (a NUL is
 * invalid), ASCII without the call. */
static inline gunichar
char_at (const char *p,
         const char *end)
{
  guchar b = (guchar) *p;

  if (b < 0x80)
    return b != 0 ? b : (gunichar) -2;
  return g_utf8_get_char_validated (p, end - p);
}

static inline gboolean
char_isalnum (gunichar c)
{
  return c < 0x80 ? ascii_alnum ((guchar) c) : g_unichar_isalnum (c);
}

/* One occurrence of a term: its weight added, its form noted. */
static void
collect (Collector  *collector,
         const char *folded,
         const char *form,
         gsize       form_len,
         float       weight)
{
  gpointer slot;
  WordEntry *entry;

  if (g_hash_table_lookup_extended (collector->index, folded, NULL, &slot))
    entry = &g_array_index (collector->entries, WordEntry, GPOINTER_TO_UINT (slot) - 1);
  else
    {
      WordEntry fresh = { g_strdup (folded), 0.0f, NULL };

      g_array_append_val (collector->entries, fresh);
      entry = &g_array_index (collector->entries, WordEntry, collector->entries->len - 1);
      g_hash_table_insert (collector->index, entry->folded, GUINT_TO_POINTER (collector->entries->len));
      collector->bytes += sizeof (float) + sizeof (guint16) + strlen (folded) + 1;
    }
  entry->weight += weight;
  if (form != NULL)
    {
      if (entry->forms == NULL)
        entry->forms = g_ptr_array_new_with_free_func (g_free);
      if (entry->forms->len < G_MAXUINT16)
        {
          g_ptr_array_add (entry->forms, g_strndup (form, form_len));
          collector->bytes += form_len + 1;
        }
    }
}

static guint
han_characters (const char *start,
                const char *end)
{
  guint n = 0;

  for (const char *q = start; q < end; q = g_utf8_next_char (q))
    n += (guchar) *q >= 0x80 && g_unichar_get_script (g_utf8_get_char (q)) == G_UNICODE_SCRIPT_HAN;
  return n;
}

/* Each pair of Han characters side by side in [start, end) as a term,
 * unless one of them is a word of no story on its own ("的", "在") or the
 * pair is one ("记者"). */
static void
close_transliterator (gpointer data)
{
  utrans_close (data);
}

/* One per thread: an ICU transliterator is not to be shared. */
static GPrivate simplifier_key = G_PRIVATE_INIT (close_transliterator);

/* [start, end) in simplified characters ("銷量" → "销量"): reports from Hong
 * Kong or Taiwan write the names of a story in traditional ones. NULL when
 * ICU cannot. */
static char *
simplified (const char *start,
            const char *end)
{
  UTransliterator *simplifier = g_private_get (&simplifier_key);
  UErrorCode status = U_ZERO_ERROR;
  g_autofree gunichar2 *u = NULL;
  glong n16 = 0;
  int32_t limit, capacity;

  if (simplifier == NULL)
    {
      static const UChar id[] = { 'H', 'a', 'n', 't', '-', 'H', 'a', 'n', 's', 0 };

      simplifier = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
      if (U_FAILURE (status))
        return NULL;
      g_private_set (&simplifier_key, simplifier);
    }
  u = g_utf8_to_utf16 (start, end - start, NULL, &n16, NULL);
  if (u == NULL)
    return NULL;
  capacity = (int32_t) n16 * 2 + 8;
  u = g_renew (gunichar2, u, capacity);
  limit = (int32_t) n16;
  utrans_transUChars (simplifier, (UChar *) u, &limit, capacity, 0, &limit, &status);
  if (U_FAILURE (status))
    return NULL;
  return g_utf16_to_utf8 (u, limit, NULL, NULL, NULL);
}

static void
collect_han_pairs (Collector  *collector,
                   const char *start,
                   const char *end,
                   GHashTable *stop,
                   float       scale)
{
  g_autofree char *simple = simplified (start, end);
  const char *previous = NULL;
  gboolean previous_stop = FALSE;

  if (simple != NULL)
    start = simple, end = simple + strlen (simple);
  for (const char *q = start; q < end; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);
      const char *next = g_utf8_next_char (q);
      char one[8];
      gboolean han = c >= 0x80 && g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
      gboolean is_stop;

      if (!han)
        {
          previous = NULL;
          continue;
        }
      memcpy (one, q, next - q);
      one[next - q] = '\0';
      is_stop = g_hash_table_contains (stop, one);
      if (previous != NULL && !previous_stop && !is_stop)
        {
          g_autofree char *pair = g_strndup (previous, next - previous);

          if (!g_hash_table_contains (stop, pair))
            collect (collector, pair, NULL, 0, scale);
        }
      previous = q;
      previous_stop = is_stop;
    }
}

/* Words of `text` (up to `max_words`, -1: all) into `collector` (NULL: only
 * counted). A capitalised word inside a sentence is a name, the rarest and
 * surest sign of a story: it weighs twice. Returns the words read; `stopped`
 * (may be NULL) gets where reading stopped. */
static guint
add_words_full (Collector   *collector,
                const char  *text,
                gsize        len,
                int          max_words,
                float        scale,
                gboolean     read_names,
                const char **stopped)
{
  const TallyLexicon *lexicon = tally_lexicon_get ("en", NULL);
  GHashTable *stop = stop_words ();
  const char *p = text, *end = text + len;
  gboolean sentence_start = TRUE;
  guint n = 0;
  g_autoptr(GString) folded = g_string_new (NULL);
#ifdef HAVE_LIBSTEMMER
  struct sb_stemmer *russian = NULL;   /* made on the first Cyrillic word; one per call: not thread-safe */
#endif

  while (p < end && (max_words < 0 || n < (guint) max_words))
    {
      const char *start;
      gunichar c = char_at (p, end);
      gboolean cap, ascii = TRUE;
      glong chars;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      if (!char_isalnum (c))
        {
          if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == 0x201C)
            sentence_start = TRUE;
          p = g_utf8_next_char (p);
          continue;
        }
      start = p;
      cap = read_names && (c < 0x80 ? (c >= 'A' && c <= 'Z') : g_unichar_isupper (c));
      /* A word: letters and digits, with an apostrophe or hyphen inside. */
      while (p < end)
        {
          const char *next;

          c = char_at (p, end);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            break;
          next = c < 0x80 ? p + 1 : g_utf8_next_char (p);
          if (char_isalnum (c))
            {
              ascii &= c < 0x80;
              p = next;
            }
          else if ((c == '\'' || c == 0x2019 || c == '-') && next < end
                   && char_isalnum (char_at (next, end)))
            {
              ascii &= c < 0x80;
              p = next;
            }
          else
            break;
        }
      if (!ascii)
        {
          guint n_han = han_characters (start, p);

          if (n_han > 0)
            {
              /* Chinese and Japanese are written without spaces: a run of
               * Han characters is its overlapping pairs (a word is mostly
               * one or two characters), read as that many words. */
              n += n_han;
              if (collector != NULL)
                collect_han_pairs (collector, start, p, stop, scale);
              sentence_start = FALSE;
              continue;
            }
        }
      n++;
      if (collector == NULL)
        continue;
      chars = ascii ? p - start : g_utf8_strlen (start, p - start);
      if (chars >= 3 && (ascii ? g_ascii_isalpha (*start) : g_unichar_isalpha (g_utf8_get_char (start))))
        {
          /* Most words are short ASCII: folded on the stack. */
          char small[64];
          g_autofree char *heap = NULL;
          char *lower;
          gsize lower_len = p - start;

          if (ascii && lower_len < sizeof small)
            {
              for (gsize k = 0; k < lower_len; k++)
                small[k] = start[k] >= 'A' && start[k] <= 'Z' ? (char) (start[k] + ('a' - 'A')) : start[k];
              small[lower_len] = '\0';
              lower = small;
            }
          else
            lower = heap = tally_fold_len (start, p - start);

          gboolean stemmed = FALSE;

          g_string_truncate (folded, 0);
          /* "Xi’s" is Xi. */
          if (!ascii)
            {
              lower_len = strlen (lower);
              if (g_str_has_suffix (lower, "’s"))
                lower[lower_len -= strlen ("’s")] = '\0';
            }
          if (lexicon != NULL && (ascii || g_str_is_ascii (lower)))
            tally_lemma_append (lexicon, folded, lower, lower_len);
#ifdef HAVE_LIBSTEMMER
          else if (g_unichar_get_script (g_utf8_get_char (lower)) == G_UNICODE_SCRIPT_CYRILLIC
                   && (russian != NULL || (russian = sb_stemmer_new ("russian", "UTF_8")) != NULL))
            {
              /* "землетрясения", "землетрясение": one term (Snowball's stem). */
              const sb_symbol *stem = sb_stemmer_stem (russian, (const sb_symbol *) lower, (int) strlen (lower));

              if (stem != NULL)
                {
                  g_string_append_len (folded, (const char *) stem, sb_stemmer_length (russian));
                  stemmed = TRUE;
                }
              else
                g_string_append (folded, lower);
            }
#endif
          else
            g_string_append (folded, lower);
          if (folded->len >= 3 && !g_hash_table_contains (stop, lower)
              && (strcmp (lower, folded->str) == 0 || !g_hash_table_contains (stop, folded->str)))
            {
              gboolean name = cap && !sentence_start;

              /* A stem is no word to name a story by: the word as written is kept. */
              collect (collector, folded->str, name ? start : stemmed ? lower : NULL,
                       name ? (gsize) (p - start) : stemmed ? strlen (lower) : 0, scale * (name ? 2.0f : 1.0f));
            }
        }
      sentence_start = FALSE;
    }
#ifdef HAVE_LIBSTEMMER
  if (russian != NULL)
    sb_stemmer_delete (russian);
#endif
  if (stopped != NULL)
    *stopped = p;
  return n;
}

static guint
add_words (Collector   *collector,
           const char  *text,
           gsize        len,
           int          max_words,
           float        scale,
           gboolean     read_names)
{
  return add_words_full (collector, text, len, max_words, scale, read_names, NULL);
}

/* Bytes of a text its language is told from, when no language is given. */
#define LANGUAGE_BYTES 4096
/* Bytes of a text a story's key is made from (fingerprint()). */
#define FINGERPRINT_BYTES 65536

gsize
tally_story_lead_length (const char *text,
                         gsize       len)
{
  const char *stop = text;

  g_return_val_if_fail (text != NULL || len == 0, 0);
  if (len == 0)
    return 0;
  add_words_full (NULL, text, len, LEAD_WORDS, 1.0f, TRUE, &stop);
  /* The words' lead, and the bytes the story's key, the language and the
   * subjects are read from (the last two, and ANCHOR_LEAD_BYTES below, are
   * less): a text cut any shorter may read differently. */
  return MIN (len, MAX ((gsize) (stop - text), MAX (FINGERPRINT_BYTES, LANGUAGE_BYTES)));
}

static gboolean is_title_case (const char *title);

TallyStoryWords *
tally_story_words_new (const char *title,
                       const char *text,
                       gsize       text_len)
{
  Collector collector = {
    g_hash_table_new (g_str_hash, g_str_equal),
    g_array_new (FALSE, FALSE, sizeof (WordEntry)),
    0,
  };
  TallyStoryWords *words;
  char *out;

  /* Title words count double, then the lead. */
  if (title != NULL)
    add_words (&collector, title, strlen (title), -1, 2.0f, !is_title_case (title));
  if (text != NULL)
    add_words (&collector, text, text_len, LEAD_WORDS, 1.0f, TRUE);

  words = g_malloc (sizeof (TallyStoryWords) + collector.bytes);
  words->n_terms = collector.entries->len;
  words->n_bytes = collector.bytes;
  out = words->data;
  for (guint e = 0; e < collector.entries->len; e++)
    {
      WordEntry *entry = &g_array_index (collector.entries, WordEntry, e);
      guint16 n_forms = entry->forms != NULL ? (guint16) entry->forms->len : 0;
      gsize l = strlen (entry->folded) + 1;

      memcpy (out, &entry->weight, sizeof (float));
      out += sizeof (float);
      memcpy (out, &n_forms, sizeof (guint16));
      out += sizeof (guint16);
      memcpy (out, entry->folded, l);
      out += l;
      for (guint f = 0; f < n_forms; f++)
        {
          l = strlen (g_ptr_array_index (entry->forms, f)) + 1;
          memcpy (out, g_ptr_array_index (entry->forms, f), l);
          out += l;
        }
      g_free (entry->folded);
      g_clear_pointer (&entry->forms, g_ptr_array_unref);
    }
  g_assert ((gsize) (out - words->data) == collector.bytes);
  g_hash_table_unref (collector.index);
  g_array_unref (collector.entries);
  return words;
}

void
tally_story_words_free (TallyStoryWords *words)
{
  g_free (words);
}

gsize
tally_story_words_size (const TallyStoryWords *words)
{
  return words != NULL ? sizeof (TallyStoryWords) + words->n_bytes : 0;
}

gboolean
tally_story_words_write (const TallyStoryWords *words,
                         FILE                  *file)
{
  gsize size = tally_story_words_size (words);

  return words != NULL && fwrite (words, 1, size, file) == size;
}

TallyStoryWords *
tally_story_words_read (FILE *file)
{
  TallyStoryWords head, *words;

  if (fread (&head, 1, sizeof head, file) != sizeof head || head.n_bytes > G_MAXINT)
    return NULL;
  words = g_malloc (sizeof head + head.n_bytes);
  *words = head;
  if (fread (words->data, 1, head.n_bytes, file) != head.n_bytes)
    {
      g_free (words);
      return NULL;
    }
  return words;
}

/* The document's terms into the vocabulary, in the order they were read
 * (so term ids and each term's forms come out as if read here), and its
 * vector of raw weights. */
static GArray *
intern_words (Vocabulary            *vocabulary,
              const TallyStoryWords *words)
{
  GArray *vector = g_array_sized_new (FALSE, FALSE, sizeof (Weight), words->n_terms);
  const char *p = words->data;

  for (guint t = 0; t < words->n_terms; t++)
    {
      Weight w;
      guint16 n_forms;
      const char *folded;
      Term *term;

      memcpy (&w.weight, p, sizeof (float));
      p += sizeof (float);
      memcpy (&n_forms, p, sizeof (guint16));
      p += sizeof (guint16);
      folded = p;
      p += strlen (p) + 1;
      w.term = vocabulary_intern (vocabulary, folded, &term);
      for (guint f = 0; f < n_forms; f++)
        {
          term_add_form (term, p);
          p += strlen (p) + 1;
        }
      term->df++;
      g_array_append_val (vector, w);
    }
  return vector;
}

static int
compare_weight (gconstpointer a,
                gconstpointer b)
{
  const Weight *wa = a, *wb = b;

  if (wa->weight != wb->weight)
    return wa->weight > wb->weight ? -1 : 1;
  return wa->term < wb->term ? -1 : wa->term > wb->term;
}

static int
julian_of (const char *published)
{
  TallyPartialDate date;
  guint32 first, last;

  if (published == NULL
      || !tally_partial_date_parse (published, TALLY_PARTIAL_DATE_DAY_ONLY | TALLY_PARTIAL_DATE_ALLOW_TIME, &date))
    return 0;
  tally_partial_date_get_julian_span (&date, &first, &last);
  return (int) first;
}

/* "Tesla Reported a Total of 1.8 Million Deliveries": a title in title case
 * capitalises every word, so its capitals say nothing of names. */
static gboolean
is_title_case (const char *title)
{
  g_auto(GStrv) words = g_strsplit_set (title, " \t", -1);
  guint n = 0, capitalised = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      gunichar c = g_utf8_get_char_validated (words[i], -1);

      if (g_utf8_strlen (words[i], -1) < 4 || c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isalpha (c))
        continue;
      n++;
      capitalised += g_unichar_isupper (c);
    }
  return n >= 3 && capitalised * 10 >= n * 7;
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  guint root;
  GArray *documents;
} Group;

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *ga = *(Group * const *) a, *gb = *(Group * const *) b;

  if (ga->documents->len != gb->documents->len)
    return ga->documents->len > gb->documents->len ? -1 : 1;
  return g_array_index (ga->documents, guint, 0) < g_array_index (gb->documents, guint, 0) ? -1 : 1;
}

/* The form a term is most often written in: "Ever Given" rather than "ever". */
static const char *
term_form (Term *term)
{
  const char *best = NULL;
  guint best_count = 0;

  for (guint f = 0; f < term->n_forms; f++)
    if (term->forms[f].count > best_count
        || (term->forms[f].count == best_count && g_strcmp0 (term->forms[f].form, best) < 0))
      best = term->forms[f].form, best_count = term->forms[f].count;
  return best != NULL ? best : term->folded;
}

/* Names a story by the terms its documents weigh most together. */
static void
name_story (TallyStoryRecord *story,
            Vocabulary       *vocabulary,
            GArray          **vectors)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Weight));
  g_autoptr(GStrvBuilder) terms = g_strv_builder_new ();
  g_autoptr(GString) name = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint step = MAX (1, story->documents->len / 200);   /* a sample names a big story */

  for (guint i = 0; i < story->documents->len; i += step)
    {
      GArray *vector = vectors[g_array_index (story->documents, guint, i)];

      for (guint t = 0; t < vector->len; t++)
        {
          Weight *w = &g_array_index (vector, Weight, t);
          float *sum = g_hash_table_lookup (sums, GUINT_TO_POINTER (w->term + 1));

          if (sum == NULL)
            {
              sum = g_new0 (float, 1);
              g_hash_table_insert (sums, GUINT_TO_POINTER (w->term + 1), sum);
            }
          /* A term most of its documents share names it better than one
           * document's strongest word. */
          *sum += w->weight + 1.0f;
        }
    }
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Weight w = { GPOINTER_TO_UINT (key) - 1, *(float *) value };

      g_array_append_val (ranked, w);
    }
  g_array_sort (ranked, compare_weight);
  for (guint i = 0, n = 0; i < ranked->len && n < TERMS_IN_NAME; i++)
    {
      Weight *w = &g_array_index (ranked, Weight, i);
      g_autofree char *joined = NULL;
      const char *form;

      if (w->weight < 0)
        continue;   /* taken into a longer name */
      form = term_form (g_ptr_array_index (vocabulary->terms, w->term));
      /* Han pairs that overlap are one longer name: "特斯" and "斯拉" are
       * "特斯拉", "电动", "动汽" and "汽车" are "电动汽车". */
      if (g_utf8_strlen (form, -1) == 2)
        {
          gboolean grew = TRUE;

          joined = g_strdup (form);
          while (grew && g_utf8_strlen (joined, -1) < 6)
            {
              grew = FALSE;
              for (guint k = i + 1; k < ranked->len && k < i + 4 * TERMS_IN_NAME; k++)
                {
                  Weight *other = &g_array_index (ranked, Weight, k);
                  const char *pair = term_form (g_ptr_array_index (vocabulary->terms, other->term));
                  const char *second, *last;
                  char *longer = NULL;

                  /* The pairs of one word weigh alike; a pair as heavy
                   * as another only by chance ("斯科" of "莫斯科" beside
                   * "俄罗斯") does not. */
                  if (other->weight < 0 || g_utf8_strlen (pair, -1) != 2
                      || fabsf (other->weight - w->weight) > 0.1f * w->weight)
                    continue;
                  second = g_utf8_next_char (pair);
                  last = g_utf8_prev_char (joined + strlen (joined));
                  if (strncmp (last, pair, second - pair) == 0 && strcmp (last, second) != 0)
                    longer = g_strconcat (joined, second, NULL);
                  else if (strncmp (joined, second, strlen (second)) == 0 && strncmp (pair, second, strlen (second)) != 0)
                    longer = g_strconcat (pair, g_utf8_next_char (joined), NULL);
                  if (longer != NULL)
                    {
                      g_free (joined);
                      joined = longer;
                      other->weight = -1;
                      grew = TRUE;
                      break;
                    }
                }
            }
        }
      if (joined != NULL)
        form = joined;
      g_strv_builder_add (terms, form);
      if (n++ > 0)
        g_string_append (name, ", ");
      g_string_append (name, form);
    }
  story->terms = g_strv_builder_end (terms);
  story->name = name->len > 0 ? g_string_free (g_steal_pointer (&name), FALSE) : g_strdup ("Untitled story");
}


/* A story's documents taken together: the sum of their vectors, unit
 * length. Its weight sits on the names they share, not on any one
 * report's own words. */
typedef struct
{
  guint root;
  guint size;
  int first_day;            /* Julian days its dated documents span (0: none) */
  int last_day;
  GHashTable *weights;      /* term id + 1 → float* */
} Centroid;

static void
centroid_free (Centroid *centroid)
{
  g_hash_table_unref (centroid->weights);
  g_free (centroid);
}

/* 4b. A report left alone joins the story whose documents, taken together,
 * it resembles most — when that reaches the threshold and its date lies
 * within `max_days` of the story's. Reports of one story in different words
 * (a feature beside the news) meet the shared names there. Linear: a
 * report meets only the stories that hold one of its terms. */
static void
join_stories (const TallyStoryInput *inputs,
              gsize                  n_inputs,
              GArray               **vectors,
              const int             *julian,
              guint                 *parent,
              double                 threshold,
              guint                  max_days)
{
  g_autoptr(GHashTable) centroids = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) centroid_free);
  g_autoptr(GHashTable) by_term = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autofree guint *size = g_new0 (guint, n_inputs);
  g_autofree guint *target = g_new (guint, n_inputs);
  GHashTableIter iter;
  gpointer key, value;

  for (gsize i = 0; i < n_inputs; i++)
    size[tally_union_find_root (parent, (guint) i)]++;
  for (gsize i = 0; i < n_inputs; i++)
    {
      guint root = tally_union_find_root (parent, (guint) i);
      Centroid *centroid;

      /* A document an analyst moved links to no other by its words: its
       * words do not draw its new story's neighbours in either. */
      if (size[root] < 2 || inputs[i].moved_to != NULL)
        continue;
      centroid = g_hash_table_lookup (centroids, GUINT_TO_POINTER (root + 1));
      if (centroid == NULL)
        {
          centroid = g_new0 (Centroid, 1);
          centroid->root = root;
          centroid->weights = g_hash_table_new_full (NULL, NULL, NULL, g_free);
          g_hash_table_insert (centroids, GUINT_TO_POINTER (root + 1), centroid);
        }
      centroid->size++;
      if (julian[i] != 0)
        {
          centroid->first_day = centroid->first_day == 0 ? julian[i] : MIN (centroid->first_day, julian[i]);
          centroid->last_day = MAX (centroid->last_day, julian[i]);
        }
      for (guint t = 0; t < vectors[i]->len; t++)
        {
          const Weight *w = &g_array_index (vectors[i], Weight, t);
          float *sum = g_hash_table_lookup (centroid->weights, GUINT_TO_POINTER (w->term + 1));

          if (sum == NULL)
            {
              sum = g_new0 (float, 1);
              g_hash_table_insert (centroid->weights, GUINT_TO_POINTER (w->term + 1), sum);
            }
          *sum += w->weight;
        }
    }
  g_hash_table_iter_init (&iter, centroids);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Centroid *centroid = value;
      GHashTableIter terms;
      gpointer term, weight;
      double norm = 0;

      g_hash_table_iter_init (&terms, centroid->weights);
      while (g_hash_table_iter_next (&terms, &term, &weight))
        norm += *(float *) weight * (double) *(float *) weight;
      norm = sqrt (norm);
      g_hash_table_iter_init (&terms, centroid->weights);
      while (g_hash_table_iter_next (&terms, &term, &weight))
        {
          GPtrArray *list = g_hash_table_lookup (by_term, term);

          *(float *) weight /= (float) MAX (norm, 1e-9);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (by_term, term, list);
            }
          g_ptr_array_add (list, centroid);
        }
    }

  /* Decided against the stories as they were, then applied: the order of
   * the documents changes nothing. */
  for (gsize i = 0; i < n_inputs; i++)
    {
      g_autoptr(GHashTable) dots = NULL;
      Centroid *best = NULL;
      double best_dot = threshold;

      target[i] = G_MAXUINT;
      if (size[tally_union_find_root (parent, (guint) i)] > 1 || inputs[i].moved_to != NULL)
        continue;
      dots = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      for (guint t = 0; t < vectors[i]->len; t++)
        {
          const Weight *w = &g_array_index (vectors[i], Weight, t);
          GPtrArray *list = g_hash_table_lookup (by_term, GUINT_TO_POINTER (w->term + 1));

          for (guint c = 0; list != NULL && c < list->len; c++)
            {
              Centroid *centroid = g_ptr_array_index (list, c);
              double *sum = g_hash_table_lookup (dots, centroid);

              if (sum == NULL)
                {
                  sum = g_new0 (double, 1);
                  g_hash_table_insert (dots, centroid, sum);
                }
              *sum += w->weight * *(float *) g_hash_table_lookup (centroid->weights, GUINT_TO_POINTER (w->term + 1));
            }
        }
      g_hash_table_iter_init (&iter, dots);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Centroid *centroid = key;
          double d = *(double *) value;
          gboolean close = julian[i] == 0 || centroid->first_day == 0
                           || (julian[i] >= centroid->first_day - (int) max_days
                               && julian[i] <= centroid->last_day + (int) max_days);

          if (close && (d > best_dot || (d == best_dot && best != NULL && centroid->root < best->root)))
            best = centroid, best_dot = d;
        }
      if (best != NULL)
        target[i] = best->root;
    }
  /* A story of a few reports meets a larger one the same way, taken
   * together: outlets that leave out one name of the story (a rival, a
   * place) still share its others ("Tesla", "deliveries", "2023"). */
  {
    g_autoptr(GArray) joins = g_array_new (FALSE, FALSE, sizeof (guint) * 2);

    g_hash_table_iter_init (&iter, centroids);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        Centroid *centroid = value;
        g_autoptr(GHashTable) dots = g_hash_table_new_full (NULL, NULL, NULL, g_free);
        GHashTableIter terms, found;
        gpointer term, weight;
        Centroid *best = NULL;
        double best_dot = threshold;

        g_hash_table_iter_init (&terms, centroid->weights);
        while (g_hash_table_iter_next (&terms, &term, &weight))
          {
            GPtrArray *list = g_hash_table_lookup (by_term, term);

            for (guint c = 0; list != NULL && c < list->len; c++)
              {
                Centroid *other = g_ptr_array_index (list, c);
                double *sum;

                if (other == centroid || other->size < centroid->size
                    || (other->size == centroid->size && other->root > centroid->root))
                  continue;
                sum = g_hash_table_lookup (dots, other);
                if (sum == NULL)
                  {
                    sum = g_new0 (double, 1);
                    g_hash_table_insert (dots, other, sum);
                  }
                *sum += *(float *) weight * *(float *) g_hash_table_lookup (other->weights, term);
              }
          }
        g_hash_table_iter_init (&found, dots);
        while (g_hash_table_iter_next (&found, &term, &weight))
          {
            Centroid *other = term;
            double d = *(double *) weight;
            gboolean close = centroid->first_day == 0 || other->first_day == 0
                             || (centroid->first_day <= other->last_day + (int) max_days
                                 && centroid->last_day >= other->first_day - (int) max_days);

            if (close && (d > best_dot || (d == best_dot && best != NULL && other->root < best->root)))
              best = other, best_dot = d;
          }
        if (best != NULL)
          {
            guint pair[2] = { centroid->root, best->root };

            g_array_append_val (joins, pair);
          }
      }
    for (guint j = 0; j < joins->len; j++)
      {
        const guint *pair = &g_array_index (joins, guint, 2 * j);

        tally_union_find_unite (parent, pair[0], pair[1]);
      }
  }
  for (gsize i = 0; i < n_inputs; i++)
    if (target[i] != G_MAXUINT)
      tally_union_find_unite (parent, (guint) i, target[i]);
}

/* ------------------------------------------------------------------------ */
/* 4c. Across languages                                                     */

/* Bytes of a lead read for its subjects: about the lead's 150 words. */
#define ANCHOR_LEAD_BYTES TALLY_STORY_ANCHOR_LEAD_BYTES
/* A story in one language joins one in others at this cosine of the
 * subjects and figures their titles and leads name, sharing at least
 * ANCHOR_SHARED of them. */
#define ANCHOR_COSINE 0.6
#define ANCHOR_SHARED 2

typedef struct
{
  guint root;
  GHashTable *languages;    /* interned tag → itself */
  GHashTable *weights;      /* subject → double*: documents' unit vectors summed */
  double norm;
  int first_day;
  int last_day;
} Told;

static void
told_free (Told *told)
{
  g_hash_table_unref (told->languages);
  g_hash_table_unref (told->weights);
  g_free (told);
}

static const char *
input_language (const TallyStoryInput *input)
{
  if (input->language != NULL && !g_str_equal (input->language, "und"))
    return tally_story_anchors_language (input->language);
  if (input->text != NULL)
    return tally_story_anchors_language (tally_language_detect (input->text, MIN (input->text_len, LANGUAGE_BYTES)));
  return tally_story_anchors_language (NULL);
}

static gboolean
shares_language (const Told *a,
                 const Told *b)
{
  GHashTableIter iter;
  gpointer tag;

  g_hash_table_iter_init (&iter, a->languages);
  while (g_hash_table_iter_next (&iter, &tag, NULL))
    if (g_hash_table_contains (b->languages, tag))
      return TRUE;
  return FALSE;
}

/* A story told in languages another does not use joins it when their
 * titles and leads name the same subjects. Decided against the stories as
 * they were, then applied; only when the documents are in two or more
 * languages. */
static void
join_languages (const TallyStoryInput *inputs,
                gsize                  n_inputs,
                const int             *julian,
                guint                 *parent,
                guint                  max_days)
{
  g_autofree const char **language = g_new0 (const char *, MAX (n_inputs, 1));
  g_autoptr(GHashTable) told = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) told_free);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GHashTable) figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *target = NULL;
  gboolean several = FALSE;

  for (gsize i = 0; i < n_inputs; i++)
    {
      language[i] = input_language (&inputs[i]);
      several = several || language[i] != language[0];
    }
  if (!several)
    return;

  for (gsize i = 0; i < n_inputs; i++)
    {
      guint root = tally_union_find_root (parent, (guint) i);
      g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
      Told *t = g_hash_table_lookup (told, GUINT_TO_POINTER (root + 1));
      GHashTableIter iter;
      gpointer subject, n;
      double norm = 0;

      if (t == NULL)
        {
          t = g_new0 (Told, 1);
          t->root = root;
          t->languages = g_hash_table_new (NULL, NULL);
          t->weights = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
          g_hash_table_insert (told, GUINT_TO_POINTER (root + 1), t);
          g_ptr_array_add (list, t);
        }
      g_hash_table_add (t->languages, (gpointer) language[i]);
      if (julian[i] != 0)
        {
          t->first_day = t->first_day == 0 ? julian[i] : MIN (t->first_day, julian[i]);
          t->last_day = MAX (t->last_day, julian[i]);
        }
      if (inputs[i].title != NULL)
        {
          tally_story_anchors_add (language[i], inputs[i].title, strlen (inputs[i].title), counts);
          tally_story_anchors_add_figures (language[i], inputs[i].title, strlen (inputs[i].title), counts, figures);
        }
      if (inputs[i].text != NULL)
        {
          gsize lead = MIN (inputs[i].text_len, ANCHOR_LEAD_BYTES);

          /* Not in the middle of a character. */
          while (lead < inputs[i].text_len && lead > 0 && (inputs[i].text[lead] & 0xC0) == 0x80)
            lead--;
          tally_story_anchors_add (language[i], inputs[i].text, lead, counts);
          tally_story_anchors_add_figures (language[i], inputs[i].text, lead, counts, figures);
        }
      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &subject, &n))
        norm += (double) GPOINTER_TO_UINT (n) * GPOINTER_TO_UINT (n);
      norm = sqrt (norm);
      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &subject, &n))
        {
          double *w = g_hash_table_lookup (t->weights, subject);

          if (w == NULL)
            {
              w = g_new0 (double, 1);
              g_hash_table_insert (t->weights, subject, w);
            }
          *w += GPOINTER_TO_UINT (n) / norm;
        }
    }
  for (guint k = 0; k < list->len; k++)
    {
      Told *t = g_ptr_array_index (list, k);
      GHashTableIter iter;
      gpointer w;

      g_hash_table_iter_init (&iter, t->weights);
      while (g_hash_table_iter_next (&iter, NULL, &w))
        t->norm += *(double *) w * *(double *) w;
      t->norm = sqrt (t->norm);
    }

  target = g_new (guint, list->len);
  for (guint a = 0; a < list->len; a++)
    {
      Told *t = g_ptr_array_index (list, a);
      const Told *best = NULL;
      double best_cosine = ANCHOR_COSINE;

      target[a] = G_MAXUINT;
      /* A story in several languages takes part too: words in one
       * script join a report whose language was not told ("und") to it. */
      if (t->norm == 0)
        continue;
      for (guint b = 0; b < list->len; b++)
        {
          const Told *other = g_ptr_array_index (list, b);
          GHashTableIter iter;
          gpointer subject, w;
          double dot = 0, cosine;
          guint shared = 0;
          gboolean close;

          if (other == t || other->norm == 0 || shares_language (t, other))
            continue;
          close = t->first_day == 0 || other->first_day == 0
                  || (t->first_day <= other->last_day + (int) max_days
                      && other->first_day <= t->last_day + (int) max_days);
          if (!close)
            continue;
          g_hash_table_iter_init (&iter, t->weights);
          while (g_hash_table_iter_next (&iter, &subject, &w))
            {
              double *ow = g_hash_table_lookup (other->weights, subject);

              if (ow != NULL)
                {
                  dot += *(double *) w * *ow;
                  shared++;
                }
            }
          cosine = dot / (t->norm * other->norm);
          /* The larger story first on a tie: it is the story's main telling. */
          if (shared >= ANCHOR_SHARED
              && (cosine > best_cosine || (cosine == best_cosine && best != NULL && other->root < best->root)))
            best = other, best_cosine = cosine;
        }
      if (best != NULL)
        target[a] = best->root;
    }
  for (guint a = 0; a < list->len; a++)
    if (target[a] != G_MAXUINT)
      tally_union_find_unite (parent, ((Told *) g_ptr_array_index (list, a))->root, target[a]);
}

typedef struct
{
  guint index;
  int julian;
} DatedIndex;

static int
compare_dated (gconstpointer a,
               gconstpointer b)
{
  const DatedIndex *da = a, *db = b;

  if (da->julian != db->julian)
    return da->julian < db->julian ? -1 : 1;
  return da->index < db->index ? -1 : da->index > db->index;
}

/* A document's fingerprint: FNV-1a over its title and text (the first
 * 64 KB), the same wherever the document is read (the app, tally-cli) and
 * however often it is imported; 0 when it has neither. */
guint64
tally_story_fingerprint (const char *title,
                         const char *text,
                         gsize       text_len)
{
  guint64 h = 14695981039346656037ull;
  gsize len = MIN (text_len, FINGERPRINT_BYTES);
  gboolean any = FALSE;

  for (const char *p = title; p != NULL && *p != '\0'; p++, any = TRUE)
    h = (h ^ (guchar) *p) * 1099511628211ull;
  h = (h ^ 0xff) * 1099511628211ull;
  for (gsize i = 0; text != NULL && i < len; i++, any = TRUE)
    h = (h ^ (guchar) text[i]) * 1099511628211ull;
  return any ? MAX (h, 1) : 0;
}

static guint64
fingerprint (const TallyStoryInput *input)
{
  if (input->fingerprint != 0)
    return input->fingerprint;
  return tally_story_fingerprint (input->title, input->text, input->text_len);
}

GPtrArray *
tally_find_stories (const TallyStoryInput *inputs,
                    gsize                  n_inputs,
                    guint                 *story_of)
{
  return tally_find_stories_full (inputs, n_inputs, 0.3, 30, story_of);
}

static GPtrArray *
tally_find_stories_full (const TallyStoryInput *inputs,
                         gsize                  n_inputs,
                         double                 threshold,
                         guint                  max_days,
                         guint                 *story_of)
{
  Vocabulary vocabulary = {
    g_hash_table_new (g_str_hash, g_str_equal),
    g_ptr_array_new_with_free_func ((GDestroyNotify) term_free),
  };
  g_autofree GArray **vectors = g_new0 (GArray *, n_inputs);
  g_autofree int *julian = g_new0 (int, n_inputs);
  g_autofree guint *parent = g_new (guint, n_inputs);
  g_autofree float *dot = g_new0 (float, n_inputs);
  g_autofree DatedIndex *order = g_new (DatedIndex, n_inputs);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) by_cluster = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) groups = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) group_list = g_ptr_array_new ();
  GPtrArray *stories = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_story_record_free);

  /* 1. Each document's terms (tally_story_words_new(): title words count
   * double, then the lead). */
  for (gsize i = 0; i < n_inputs; i++)
    {
      TallyStoryWords *own = NULL;
      const TallyStoryWords *words = inputs[i].words;

      if (words == NULL && inputs[i].load_words != NULL)
        words = own = inputs[i].load_words (inputs[i].load_data);
      if (words == NULL)
        words = own = tally_story_words_new (inputs[i].title, inputs[i].text, inputs[i].text_len);
      vectors[i] = intern_words (&vocabulary, words);
      tally_story_words_free (own);
      julian[i] = julian_of (inputs[i].published);
      parent[i] = (guint) i;
      order[i] = (DatedIndex) { (guint) i, julian[i] };
    }

  /* 2. TF-IDF (with the prior above), the strongest terms kept, unit
   * length. A term in one document only links nothing, but it still weighs
   * in the norm: a document of unique words is like no other. */
  for (gsize i = 0; i < n_inputs; i++)
    {
      GArray *vector = vectors[i];
      double norm = 0;

      for (guint t = 0; t < vector->len; t++)
        {
          Weight *w = &g_array_index (vector, Weight, t);
          Term *term = g_ptr_array_index (vocabulary.terms, w->term);

          w->weight = (float) ((1.0 + log (w->weight)) * log ((n_inputs + PRIOR_DOCUMENTS) / (term->df + 1.0)));
        }
      g_array_sort (vector, compare_weight);
      if (vector->len > TOP_TERMS)
        g_array_set_size (vector, TOP_TERMS);
      for (guint t = 0; t < vector->len; t++)
        norm += g_array_index (vector, Weight, t).weight * (double) g_array_index (vector, Weight, t).weight;
      norm = sqrt (norm);
      for (guint t = 0; t < vector->len && norm > 0; t++)
        g_array_index (vector, Weight, t).weight /= (float) norm;
    }

  /* 3. Near-duplicates and an analyst's corrections join by construction. */
  for (gsize i = 0; i < n_inputs; i++)
    {
      gpointer first;

      if (inputs[i].key != NULL)
        g_hash_table_insert (by_key, (gpointer) inputs[i].key, GUINT_TO_POINTER (i));
      if (inputs[i].cluster == NULL || inputs[i].moved_to != NULL)
        continue;
      if (g_hash_table_lookup_extended (by_cluster, inputs[i].cluster, NULL, &first))
        tally_union_find_unite (parent, GPOINTER_TO_UINT (first), (guint) i);
      else
        g_hash_table_insert (by_cluster, (gpointer) inputs[i].cluster, GUINT_TO_POINTER (i));
    }
  for (gsize i = 0; i < n_inputs; i++)
    {
      gpointer target;

      if (inputs[i].moved_to != NULL && g_hash_table_lookup_extended (by_key, inputs[i].moved_to, NULL, &target))
        tally_union_find_unite (parent, GPOINTER_TO_UINT (target), (guint) i);
    }

  /* 4. In date order, each document meets the earlier ones that share one
   * of its terms (the nearest POSTING_WINDOW of each term), and joins those
   * whose cosine reaches the threshold within `max_days`. */
  if (n_inputs > 0)  /* qsort with a NULL array is undefined even for 0 items */
    qsort (order, n_inputs, sizeof *order, compare_dated);
  for (gsize o = 0; o < n_inputs; o++)
    {
      guint i = order[o].index;
      GArray *vector = vectors[i];

      g_array_set_size (touched, 0);
      for (guint t = 0; t < vector->len; t++)
        {
          const Weight *w = &g_array_index (vector, Weight, t);
          Term *term = g_ptr_array_index (vocabulary.terms, w->term);
          guint n_postings = term->postings != NULL ? term->postings->len : 0;
          guint from = n_postings > POSTING_WINDOW ? n_postings - POSTING_WINDOW : 0;

          for (guint p = from; p < n_postings; p++)
            {
              const Posting *posting = &g_array_index (term->postings, Posting, p);

              if (dot[posting->document] == 0)
                g_array_append_val (touched, posting->document);
              dot[posting->document] += w->weight * posting->weight + 1e-12f;
            }
        }
      for (guint k = 0; k < touched->len; k++)
        {
          guint j = g_array_index (touched, guint, k);
          gboolean close = julian[i] == 0 || julian[j] == 0 || (guint) ABS (julian[i] - julian[j]) <= max_days;
          gboolean corrected = inputs[i].moved_to != NULL || inputs[j].moved_to != NULL;

          gboolean very_close = julian[i] != 0 && julian[j] != 0 && ABS (julian[i] - julian[j]) <= CLOSE_DAYS;

          if (dot[j] >= threshold * (very_close ? CLOSE_SHARE : 1.0) && close && !corrected)
            tally_union_find_unite (parent, i, j);
          dot[j] = 0;
        }
      for (guint t = 0; t < vector->len; t++)
        {
          const Weight *w = &g_array_index (vector, Weight, t);
          Term *term = g_ptr_array_index (vocabulary.terms, w->term);
          Posting posting = { i, w->weight };

          if (term->df > 1)
            {
              if (term->postings == NULL)
                term->postings = g_array_new (FALSE, FALSE, sizeof (Posting));
              g_array_append_val (term->postings, posting);
            }
        }
    }

  join_stories (inputs, n_inputs, vectors, julian, parent, threshold * CENTROID_SHARE, max_days);
  join_languages (inputs, n_inputs, julian, parent, max_days);

  /* 5. Stories: the sets, largest first, each named. */
  for (gsize i = 0; i < n_inputs; i++)
    {
      guint root = tally_union_find_root (parent, (guint) i);
      Group *group = g_hash_table_lookup (groups, GUINT_TO_POINTER (root + 1));

      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->root = root;
          group->documents = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (groups, GUINT_TO_POINTER (root + 1), group);
          g_ptr_array_add (group_list, group);
        }
      g_array_append_val (group->documents, i);
    }
  g_ptr_array_sort (group_list, compare_groups);
  for (guint g = 0; g < group_list->len; g++)
    {
      Group *group = g_ptr_array_index (group_list, g);
      TallyStoryRecord *story = g_new0 (TallyStoryRecord, 1);

      story->id = g_strdup_printf ("s%u", g + 1);
      story->documents = group->documents;
      /* Renumbering (an import adds a larger story) changes the id, not
       * this: corrections keyed by a fact's story survive it. */
      {
        guint64 smallest = 0;

        for (guint d = 0; d < story->documents->len; d++)
          {
            guint64 print = fingerprint (&inputs[g_array_index (story->documents, guint, d)]);

            if (print != 0 && (smallest == 0 || print < smallest))
              smallest = print;
          }
        story->key = smallest != 0 ? g_strdup_printf ("story:%016" G_GINT64_MODIFIER "x", smallest)
                                   : g_strdup (story->id);
      }
      name_story (story, &vocabulary, vectors);
      for (guint d = 0; story_of != NULL && d < story->documents->len; d++)
        story_of[g_array_index (story->documents, guint, d)] = g;
      g_ptr_array_add (stories, story);
      g_free (group);
    }

  for (gsize i = 0; i < n_inputs; i++)
    g_array_unref (vectors[i]);
  g_hash_table_unref (vocabulary.index);
  g_ptr_array_unref (vocabulary.terms);
  return stories;
}
