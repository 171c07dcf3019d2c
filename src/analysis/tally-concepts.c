/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-concepts.h"

#include <gio/gio.h>
#include <string.h>

#include "tally-analysis-resources.h"
#include "tally-fold.h"

#define LEXICON_DIR "/io/github/tallyapp/Tally/analysis/lexicons/"

/* How far a verb may stand from the figure it gives a concept to. */
#define VERB_WORDS_BEFORE 12
#define VERB_WORDS_AFTER 4
/* And a period ("in the fourth quarter") from its figure. */
#define PERIOD_WORDS_AFTER 6
#define PERIOD_WORDS_BEFORE 10

typedef struct
{
  char **words;             /* lower case, the entry split at spaces */
  guint n_words;
  gsize bytes;              /* the entry's length: longest match wins */
  const char *concept;      /* interned */
  gboolean inside;          /* a script without spaces: matched as a substring */
  char *text;               /* the entry as written, lower case */
} Entry;

typedef struct
{
  GHashTable *by_first;     /* first word → GPtrArray of Entry* */
  GPtrArray *inside;        /* Entry* matched as substrings */
} Table;

struct _TallyConcepts
{
  GPtrArray *entries;       /* Entry*, owned */
  Table measures;
  Table verbs;
  Table periods;
  Table rates;              /* "a week", "per day": periods read only after the figure */
  Table spans;              /* "in a day": the time a total took, no rate */
  GHashTable *period_labels; /* period id → label adjective ("quarterly") */
  GHashTable *labels;        /* concept id → label noun ("deliveries") */
  GHashTable *generic;       /* words a concept's figure counts without saying what ("unit") */
  GHashTable *ids;          /* interned concept ids */
};

static void
entry_free (Entry *entry)
{
  g_strfreev (entry->words);
  g_free (entry->text);
  g_free (entry);
}

static void
table_init (Table *table)
{
  table->by_first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  table->inside = g_ptr_array_new ();
}

static void
table_clear (Table *table)
{
  g_hash_table_unref (table->by_first);
  g_ptr_array_unref (table->inside);
}

TallyConcepts *
tally_concepts_new (void)
{
  TallyConcepts *concepts = g_new0 (TallyConcepts, 1);

  concepts->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  concepts->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  table_init (&concepts->measures);
  table_init (&concepts->verbs);
  table_init (&concepts->periods);
  table_init (&concepts->rates);
  table_init (&concepts->spans);
  concepts->period_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  concepts->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  concepts->generic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return concepts;
}

void
tally_concepts_free (TallyConcepts *concepts)
{
  if (concepts == NULL)
    return;
  table_clear (&concepts->measures);
  table_clear (&concepts->verbs);
  table_clear (&concepts->periods);
  table_clear (&concepts->rates);
  table_clear (&concepts->spans);
  g_hash_table_unref (concepts->period_labels);
  g_hash_table_unref (concepts->labels);
  g_hash_table_unref (concepts->generic);
  g_ptr_array_unref (concepts->entries);
  g_hash_table_unref (concepts->ids);
  g_free (concepts);
}

/* Scripts written without spaces between words. */
static gboolean
needs_inside_match (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA
          || script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_THAI)
        return TRUE;
    }
  return FALSE;
}

static const char *
intern_id (TallyConcepts *concepts,
           const char    *id)
{
  char *have = g_hash_table_lookup (concepts->ids, id);

  if (have == NULL)
    {
      have = g_strdup (id);
      g_hash_table_add (concepts->ids, have);
    }
  return have;
}

static void
add_entry (TallyConcepts *concepts,
           Table         *table,
           const char    *concept,
           const char    *text)
{
  Entry *entry = g_new0 (Entry, 1);
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strstrip (lower);
  entry->text = g_strdup (lower);
  entry->words = g_strsplit_set (lower, " ", -1);
  entry->n_words = g_strv_length (entry->words);
  entry->bytes = strlen (lower);
  entry->concept = intern_id (concepts, concept);
  entry->inside = needs_inside_match (lower);
  g_ptr_array_add (concepts->entries, entry);
  if (entry->inside)
    g_ptr_array_add (table->inside, entry);
  else
    {
      GPtrArray *list = g_hash_table_lookup (table->by_first, entry->words[0]);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (table->by_first, g_strdup (entry->words[0]), list);
        }
      g_ptr_array_add (list, entry);
    }
}

static gboolean
load_group (TallyConcepts *concepts,
            GKeyFile      *file,
            const char    *group,
            Table         *table,
            const char    *name,
            GError       **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (file, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_auto(GStrv) values = g_key_file_get_string_list (file, group, keys[i], NULL, NULL);

      if (strchr (keys[i], ' ') != NULL || keys[i][0] == '\0')
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "%s: [%s] concept id “%s” must be one word", name, group, keys[i]);
          return FALSE;
        }
      for (guint v = 0; values != NULL && values[v] != NULL; v++)
        {
          g_strstrip (values[v]);
          if (values[v][0] != '\0')
            add_entry (concepts, table, keys[i], values[v]);
        }
    }
  return TRUE;
}

gboolean
tally_concepts_add_data (TallyConcepts  *concepts,
                         const char     *data,
                         gsize           len,
                         const char     *name,
                         GError        **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local = NULL;

  if (!g_key_file_load_from_data (file, data, len, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, local->domain, local->code, "%s: %s", name, local->message);
      return FALSE;
    }
  if (!g_key_file_has_group (file, "Measures") && !g_key_file_has_group (file, "Verbs"))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   "%s: neither [Measures] nor [Verbs]", name);
      return FALSE;
    }
  if (!load_group (concepts, file, "Measures", &concepts->measures, name, error)
      || !load_group (concepts, file, "Verbs", &concepts->verbs, name, error)
      || !load_group (concepts, file, "Periods", &concepts->periods, name, error)
      || !load_group (concepts, file, "Rates", &concepts->rates, name, error)
      || !load_group (concepts, file, "Spans", &concepts->spans, name, error))
    return FALSE;
  {
    g_auto(GStrv) words = g_key_file_get_string_list (file, "Generic", "words", NULL, NULL);

    for (guint i = 0; words != NULL && words[i] != NULL; i++)
      if (g_strstrip (words[i])[0] != '\0')
        g_hash_table_add (concepts->generic, g_utf8_strdown (words[i], -1));
  }
  {
    g_auto(GStrv) keys = g_key_file_get_keys (file, "PeriodLabels", NULL, NULL);

    for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
      {
        g_autofree char *label = g_key_file_get_string (file, "PeriodLabels", keys[i], NULL);

        if (label != NULL && g_strstrip (label)[0] != '\0')
          g_hash_table_replace (concepts->period_labels, g_strdup (keys[i]), g_steal_pointer (&label));
      }
  }
  {
    g_auto(GStrv) keys = g_key_file_get_keys (file, "Labels", NULL, NULL);

    for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
      {
        g_autofree char *label = g_key_file_get_string (file, "Labels", keys[i], NULL);

        if (label != NULL && g_strstrip (label)[0] != '\0')
          g_hash_table_replace (concepts->labels, g_strdup (keys[i]), g_steal_pointer (&label));
      }
  }
  return TRUE;
}

static gpointer
load_default (gpointer data)
{
  TallyConcepts *concepts = tally_concepts_new ();
  g_auto(GStrv) names = NULL;

  /* Referencing the resource keeps its constructor linked in. */
  (void) tally_analysis_get_resource ();
  names = g_resources_enumerate_children (LEXICON_DIR, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      gsize size;
      const char *contents;

      if (!g_str_has_suffix (names[i], ".concepts"))
        continue;
      path = g_strconcat (LEXICON_DIR, names[i], NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_error ("%s", error->message);
      contents = g_bytes_get_data (bytes, &size);
      /* The files are ours, compiled in: a broken one is a bug to see at once. */
      if (!tally_concepts_add_data (concepts, contents, size, names[i], &error))
        g_error ("%s", error->message);
    }
  return concepts;
}

TallyConcepts *
tally_concepts_get_default (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_default, NULL);
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  gsize start;              /* bytes into the text */
  gsize end;
  char *lower;
} Word;

static gboolean
is_word_char (gunichar c,
              gboolean hyphen)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) || (hyphen && c == '-') || c == '\'';
  return g_unichar_isalnum (c) || (hyphen && c == '-') || c == '\'' || c == 0x2019 || g_unichar_ismark (c);
}

static inline gunichar
char_at (const char *p)
{
  return (guchar) *p < 0x80 ? (guchar) *p : g_utf8_get_char (p);
}

static inline const char *
next_char (const char *p)
{
  return (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
}

/* The words of `text` from `from` to `to`, lower case, with their spans;
 * hyphens join words unless `split_hyphens` ("fourth-quarter"). The lower
 * case words share one block, the first word's (words_free()). */
static GArray *
split_words_full (const char *text,
                  gsize       from,
                  gsize       to,
                  gboolean    split_hyphens)
{
  GArray *words = g_array_sized_new (FALSE, FALSE, sizeof (Word), (guint) MIN ((to - from) / 5 + 1, 256));
  const char *p = text + from;
  const char *end = text + to;
  gsize bytes = 0;
  char *block, *out;

  while (p < end)
    {
      const char *start;
      gboolean ascii = TRUE;

      while (p < end && !is_word_char (char_at (p), !split_hyphens))
        p = next_char (p);
      start = p;
      while (p < end && is_word_char (char_at (p), !split_hyphens))
        {
          ascii &= (guchar) *p < 0x80;
          p = next_char (p);
        }
      if (p > start)
        {
          /* The lower case of a non-ASCII word for now; an ASCII word's is
           * made in the block below. */
          Word word = { start - text, p - text, ascii ? NULL : g_utf8_strdown (start, p - start) };

          bytes += (word.lower != NULL ? strlen (word.lower) : (gsize) (p - start)) + 1;
          g_array_append_val (words, word);
        }
    }
  if (words->len == 0)
    return words;
  out = block = g_malloc (bytes);
  for (guint i = 0; i < words->len; i++)
    {
      Word *word = &g_array_index (words, Word, i);
      char *lower = out;

      if (word->lower != NULL)
        {
          gsize l = strlen (word->lower) + 1;

          memcpy (out, word->lower, l);
          g_free (word->lower);
          out += l;
        }
      else
        {
          for (gsize b = word->start; b < word->end; b++)
            *out++ = text[b] >= 'A' && text[b] <= 'Z' ? (char) (text[b] + ('a' - 'A')) : text[b];
          *out++ = '\0';
        }
      word->lower = lower;
    }
  return words;
}

static GArray *
split_words (const char *text,
             gsize       from,
             gsize       to)
{
  return split_words_full (text, from, to, FALSE);
}

static void
words_free (GArray *words)
{
  if (words->len > 0)
    g_free (g_array_index (words, Word, 0).lower);
  g_array_unref (words);
}

/* The entry of `table` starting at word `i`, the longest; NULL if none. */
static const Entry *
entry_at (const Table *table,
          GArray      *words,
          guint        i)
{
  GPtrArray *list = g_hash_table_lookup (table->by_first, g_array_index (words, Word, i).lower);
  const Entry *best = NULL;

  for (guint e = 0; list != NULL && e < list->len; e++)
    {
      const Entry *entry = g_ptr_array_index (list, e);
      gboolean match = i + entry->n_words <= words->len;

      for (guint w = 1; match && w < entry->n_words; w++)
        match = g_str_equal (entry->words[w], g_array_index (words, Word, i + w).lower);
      if (match && (best == NULL || entry->bytes > best->bytes))
        best = entry;
    }
  return best;
}

const char *
tally_concepts_of_measure (TallyConcepts *concepts,
                           const char    *measure,
                           gsize         *at,
                           gsize         *len)
{
  GArray *words;
  const char *best = NULL;
  gsize best_bytes = 0, best_at = 0, best_len = 0;
  gboolean tie = FALSE;
  g_autofree char *lower = NULL;

  if (measure == NULL || measure[0] == '\0')
    return NULL;
  words = split_words (measure, 0, strlen (measure));
  for (guint i = 0; i < words->len; i++)
    {
      const Entry *entry = entry_at (&concepts->measures, words, i);

      if (entry == NULL)
        continue;
      if (entry->bytes > best_bytes)
        {
          best = entry->concept, best_bytes = entry->bytes, tie = FALSE;
          best_at = g_array_index (words, Word, i).start;
          best_len = g_array_index (words, Word, i + entry->n_words - 1).end - best_at;
        }
      else if (entry->bytes == best_bytes && entry->concept != best)
        tie = TRUE;
    }
  words_free (words);
  /* Substring entries are in scripts without spaces: never in ASCII. */
  if (concepts->measures.inside->len > 0 && !g_str_is_ascii (measure))
    {
      lower = g_utf8_strdown (measure, -1);
      for (guint e = 0; e < concepts->measures.inside->len; e++)
        {
          const Entry *entry = g_ptr_array_index (concepts->measures.inside, e);
          const char *found = strstr (lower, entry->text);

          if (found == NULL)
            continue;
          if (entry->bytes > best_bytes)
            {
              best = entry->concept, best_bytes = entry->bytes, tie = FALSE;
              /* Lower-casing leaves Han text as it is: offsets hold. */
              best_at = found - lower, best_len = entry->bytes;
            }
          else if (entry->bytes == best_bytes && entry->concept != best)
            tie = TRUE;
        }
    }
  if (best == NULL || tie)
    return NULL;
  if (at != NULL)
    *at = best_at;
  if (len != NULL)
    *len = best_len;
  return best;
}

/* Marks that end a clause: a verb beyond them governs another figure. */
static gboolean
ends_clause (const char *text,
             gsize       from,
             gsize       to)
{
  for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p))
    switch (*p)
      {
      case ';': case ':': case '(': case ')': case '[': case ']':
        return TRUE;
      default:
        break;
      }
  return FALSE;
}

const char *
tally_concepts_of_claim (TallyConcepts *concepts,
                         const char    *measure,
                         const char    *sentence,
                         gsize          len,
                         gssize         figure_at,
                         gssize         figure_end)
{
  const char *concept = tally_concepts_of_measure (concepts, measure, NULL, NULL);
  GArray *words;
  gsize from, to;
  guint first_after = 0;
  gint last_before = -1;

  if (concept != NULL || sentence == NULL || figure_at < 0)
    return concept;
  if ((gsize) figure_at > len)
    return NULL;
  if (figure_end < figure_at || (gsize) figure_end > len)
    figure_end = figure_at;
  /* Only words near the figure can matter: a window, cut at characters. */
  from = (gsize) figure_at > 200 ? (gsize) figure_at - 200 : 0;
  while (from > 0 && (sentence[from] & 0xC0) == 0x80)
    from--;
  to = MIN (len, (gsize) figure_end + 100);
  while (to < len && (sentence[to] & 0xC0) == 0x80)
    to++;
  words = split_words (sentence, from, to);
  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = &g_array_index (words, Word, i);

      if (word->end <= (gsize) figure_at)
        last_before = (int) i;
      else if (word->start < (gsize) figure_end)
        first_after = i + 1;
      else if (first_after == 0)
        first_after = i;
    }
  /* Nearest verb before the figure, within its clause. */
  for (int i = last_before; i >= 0 && last_before - i < VERB_WORDS_BEFORE && concept == NULL; i--)
    {
      const Word *word = &g_array_index (words, Word, i);
      const Entry *entry;

      if (ends_clause (sentence, word->end, figure_at))
        break;
      entry = entry_at (&concepts->verbs, words, i);
      if (entry != NULL)
        concept = entry->concept;
    }
  /* Else a verb right after it ("1.8 million cars were sold"). */
  for (guint i = first_after; concept == NULL && first_after > 0 && i < words->len && i < first_after + VERB_WORDS_AFTER;
       i++)
    {
      const Word *word = &g_array_index (words, Word, i);
      const Entry *entry;

      if (ends_clause (sentence, figure_end, word->start))
        break;
      entry = entry_at (&concepts->verbs, words, i);
      if (entry != NULL)
        concept = entry->concept;
    }
  words_free (words);
  return concept;
}

const char *
tally_concepts_of_record (TallyConcepts          *concepts,
                          const TallyClaimRecord *record,
                          const char             *text,
                          gsize                   text_len)
{
  gboolean quantity = record->kind == TALLY_CLAIM_KIND_MONEY || record->kind == TALLY_CLAIM_KIND_PERCENT
                      || record->kind == TALLY_CLAIM_KIND_COUNT || record->kind == TALLY_CLAIM_KIND_NUMBER;

  /* A verb dates no year and ranks nothing: only quantities take its concept. */
  if (!quantity || text == NULL || record->sentence_start > record->sentence_end || record->sentence_end > text_len
      || record->start < record->sentence_start || record->end > record->sentence_end || record->start > record->end)
    return tally_concepts_of_measure (concepts, record->measure, NULL, NULL);
  return tally_concepts_of_claim (concepts, record->measure, text + record->sentence_start,
                                  record->sentence_end - record->sentence_start,
                                  record->start - record->sentence_start, record->end - record->sentence_start);
}

/* `text` without its [Generic] words ("vehicle", "unit"). */
static void
append_specific (TallyConcepts *concepts,
                 GString       *out,
                 const char    *text,
                 gsize          len,
                 gboolean       keep_generic)
{
  g_autofree char *part = g_strndup (text, len);
  g_auto(GStrv) words = g_strsplit (part, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *lower = g_utf8_strdown (words[i], -1);

      if (words[i][0] == '\0' || (!keep_generic && g_hash_table_contains (concepts->generic, lower)))
        continue;
      if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
}

static char *apply (TallyConcepts *concepts,
                    const char    *measure,
                    const char    *concept,
                    gboolean       keep_generic);

char *
tally_concepts_apply (TallyConcepts *concepts,
                      const char    *measure,
                      const char    *concept)
{
  return apply (concepts, measure, concept, FALSE);
}

char *
tally_concepts_apply_for_label (TallyConcepts *concepts,
                                const char    *measure,
                                const char    *concept)
{
  return apply (concepts, measure, concept, TRUE);
}

static char *
apply (TallyConcepts *concepts,
       const char    *measure,
       const char    *concept,
       gboolean       keep_generic)
{
  gsize at = 0, len = 0;
  const char *own;
  GString *out;

  if (concept == NULL)
    return g_strdup (measure);
  if (measure == NULL || measure[0] == '\0')
    return g_strdup (concept);
  out = g_string_new (NULL);
  own = tally_concepts_of_measure (concepts, measure, &at, &len);
  if (g_strcmp0 (own, concept) == 0)
    {
      append_specific (concepts, out, measure, at, keep_generic);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, concept);
      append_specific (concepts, out, measure + at + len, strlen (measure + at + len), keep_generic);
    }
  else
    {
      /* A verb gave it: the concept is the head, what was counted its modifier. */
      append_specific (concepts, out, measure, strlen (measure), keep_generic);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, concept);
    }
  return g_string_free (out, FALSE);
}

/* A word of digits only: a year ("2023") is a period cue of its own, any
 * other number is another figure, whose cues these are not. */
static int
number_word (const char *word)
{
  gsize n = strlen (word);

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (word[i]))
      return 0;
  if (n == 4 && word[0] >= '1' && word[0] <= '2')
    return 2;
  return 1;
}

/* The period cue at word `i`, or NULL. A year right after another period's
 * cue belongs to it ("the fourth quarter of 2023", "Q4 2023") and says
 * nothing of its own. `*stop` is set at another figure. */
static const char *
period_at (TallyConcepts *concepts,
           GArray        *words,
           guint          i,
           gboolean      *stop)
{
  const char *lower = g_array_index (words, Word, i).lower;
  int number = number_word (lower);
  const Entry *entry;

  *stop = number == 1;
  if (number == 2)
    {
      for (guint back = 1; back <= 3 && back <= i; back++)
        if ((entry = entry_at (&concepts->periods, words, i - back)) != NULL && !g_str_equal (entry->concept, "year"))
          return NULL;
      return "year";
    }
  entry = entry_at (&concepts->periods, words, i);
  return entry != NULL ? entry->concept : NULL;
}

/* Whether the UTF-8 character at `p` ends a clause of a script written
 * without spaces: "，", "。", "；", "！", "？", "、" or an ASCII one. */
static gsize
clause_mark (const char *p,
             gsize       left)
{
  static const char * const marks[] = { "，", "。", "；", "！", "？", "：" };

  if (left > 0 && strchr (",.;!?:\n", *p) != NULL && *p != '\0')
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      gsize n = strlen (marks[i]);

      if (left >= n && memcmp (p, marks[i], n) == 0)
        return n;
    }
  return 0;
}

/* The period a Chinese clause names around the figure ("第四季度交付了48.45万辆",
 * "上季度…"): entries written without spaces ([Periods] of zh.concepts)
 * matched inside the clause; a quarter or half before a year. */
static const char *
period_inside_clause (TallyConcepts *concepts,
                      const char    *sentence,
                      gsize          len,
                      gsize          figure_at,
                      gsize          figure_end)
{
  gsize start = figure_at, end = figure_end;
  const char *found = NULL;

  if (concepts->periods.inside->len == 0)
    return NULL;
  while (start > 0)
    {
      gsize back = start - 1;

      while (back > 0 && (sentence[back] & 0xC0) == 0x80)
        back--;
      if (clause_mark (sentence + back, len - back) != 0)
        break;
      start = back;
    }
  while (end < len && clause_mark (sentence + end, len - end) == 0)
    end++;
  for (guint e = 0; e < concepts->periods.inside->len; e++)
    {
      const Entry *entry = g_ptr_array_index (concepts->periods.inside, e);
      gsize n = strlen (entry->text);

      for (gsize p = start; p + n <= end; p++)
        if (memcmp (sentence + p, entry->text, n) == 0)
          {
            if (found == NULL || g_str_equal (found, "year"))
              found = entry->concept;
            break;
          }
    }
  return found;
}

const char *
tally_concepts_period_of_claim (TallyConcepts *concepts,
                                const char    *sentence,
                                gsize          len,
                                gssize         figure_at,
                                gssize         figure_end)
{
  const char *period = NULL;
  GArray *words;
  gsize from, to;
  gint last_before = -1;
  guint first_after = G_MAXUINT;
  gboolean stop = FALSE;

  if (sentence == NULL || figure_at < 0 || (gsize) figure_at > len)
    return NULL;
  if (figure_end < figure_at || (gsize) figure_end > len)
    figure_end = figure_at;
  if ((period = period_inside_clause (concepts, sentence, len, figure_at, figure_end)) != NULL)
    return period;
  from = (gsize) figure_at > 300 ? (gsize) figure_at - 300 : 0;
  while (from > 0 && (sentence[from] & 0xC0) == 0x80)
    from--;
  to = MIN (len, (gsize) figure_end + 120);
  while (to < len && (sentence[to] & 0xC0) == 0x80)
    to++;
  words = split_words_full (sentence, from, to, TRUE);
  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = &g_array_index (words, Word, i);

      if (word->end <= (gsize) figure_at)
        last_before = (int) i;
      else if (word->start >= (gsize) figure_end && first_after == G_MAXUINT)
        first_after = i;
    }
  /* "484,507 vehicles in the fourth quarter": a period after the figure, in
   * its clause, says what it covers … */
  for (guint i = first_after; period == NULL && i < words->len && i < first_after + PERIOD_WORDS_AFTER; i++)
    {
      const Word *word = &g_array_index (words, Word, i);

      if (ends_clause (sentence, figure_end, word->start) || memchr (sentence + figure_end, ',', word->start - figure_end))
        break;
      period = period_at (concepts, words, i, &stop);
      if (stop)
        break;
      /* "$500m a week": a rate follows its figure ("A week after the
       * storm, 40 …" frames a time, not a rate). */
      if (period == NULL && (i == 0 || entry_at (&concepts->spans, words, i - 1) == NULL))
        {
          const Entry *rate = entry_at (&concepts->rates, words, i);

          period = rate != NULL ? rate->concept : NULL;
        }
    }
  /* … else one before it ("Q4 deliveries of 484,507"), not past another
   * figure … */
  for (int i = last_before; period == NULL && i >= 0 && last_before - i < PERIOD_WORDS_BEFORE; i--)
    {
      const Word *word = &g_array_index (words, Word, i);

      if (ends_clause (sentence, word->end, figure_at))
        break;
      period = period_at (concepts, words, i, &stop);
      if (stop)
        break;
    }
  /* … else the phrase that opens the sentence frames all of it ("In the
   * last quarter of 2023, Tesla … delivering 484,507 vehicles"). */
  if (period == NULL && !stop && from == 0)
    {
      const char *comma = memchr (sentence, ',', figure_at);

      for (guint i = 0; comma != NULL && i < words->len && g_array_index (words, Word, i).end <= (gsize) (comma - sentence);
           i++)
        {
          gboolean ignored;
          const char *cue = period_at (concepts, words, i, &ignored);

          if (cue != NULL && (period == NULL || g_str_equal (period, "year")))
            period = cue;
        }
    }
  words_free (words);
  /* Looked up, never added: this runs in the grouping's threads. */
  return period != NULL ? g_hash_table_lookup (concepts->ids, period) : NULL;
}

const char *
tally_concepts_period_label (TallyConcepts *concepts,
                             const char    *period)
{
  return period != NULL ? g_hash_table_lookup (concepts->period_labels, period) : NULL;
}

const char *
tally_concepts_label (TallyConcepts *concepts,
                      const char    *concept)
{
  return concept != NULL ? g_hash_table_lookup (concepts->labels, concept) : NULL;
}

gboolean
tally_concepts_is_generic (TallyConcepts *concepts,
                           const char    *word)
{
  g_autofree char *lower = word != NULL ? g_utf8_strdown (word, -1) : NULL;

  return lower != NULL && g_hash_table_contains (concepts->generic, lower);
}

gboolean
tally_concepts_is_verb (TallyConcepts *concepts,
                        const char    *word)
{
  g_autofree char *lower = word != NULL ? g_utf8_strdown (word, -1) : NULL;
  GPtrArray *list = lower != NULL ? g_hash_table_lookup (concepts->verbs.by_first, lower) : NULL;

  for (guint e = 0; list != NULL && e < list->len; e++)
    if (((const Entry *) g_ptr_array_index (list, e))->n_words == 1)
      return TRUE;
  return FALSE;
}

gboolean
tally_concepts_names_action (TallyConcepts *concepts,
                             const char    *concept)
{
  GHashTableIter iter;
  gpointer list;

  if (concept == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, concepts->verbs.by_first);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    {
      GPtrArray *entries = list;

      for (guint e = 0; e < entries->len; e++)
        if (g_str_equal (((const Entry *) g_ptr_array_index (entries, e))->concept, concept))
          return TRUE;
    }
  return FALSE;
}
