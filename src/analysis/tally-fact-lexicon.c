/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-fact-lexicon.h"

#include <gio/gio.h>
#include <string.h>

#include "tally-facts-resources.h"
#include "tally-analysis-resources.h"

#define FACTS_RESOURCE "/io/github/tallyapp/Tally/analysis/facts/en.facts"

typedef struct
{
  char *from;    /* " trade volume " (padded, so replacing is word-bounded) */
  char *to;      /* " trade " */
} Phrase;

struct _TallyFactLexicon
{
  GArray *phrases;          /* Phrase, longest first */
  GHashTable *words;        /* word → canonical word (spelling, then synonyms) */
  GHashTable *ignore;       /* set */
  GHashTable *distinct;     /* set */
  GHashTable *predicates;   /* set */
  GHashTable *function;     /* set */
  GHashTable *stop;         /* set: every language's most frequent words (lexicons/<lang>.stopwords) */
  GHashTable *time_nouns;   /* set: "year", "date" */
  GHashTable *uncountable;  /* set: "production": no plural in labels */
  GHashTable *not_heads;    /* set: "high", "today": no label is made of them alone */
  GHashTable *not_measures; /* set: "however", "thanks": never what is counted */
  GHashTable *own_subject;  /* set: "year-old": a figure of one person or thing each */
  GHashTable *moving;       /* set: "toll", "evacuee": figures that move while a story runs */
  GHashTable *labels;       /* canonical phrase → label */
  GStrv label_verbs;
  GHashTable *verb_forms;   /* "signing", "signs", "sign", "signed" → "signed" */
  GStrv nearly;
  GStrv stated_at;          /* "as of", "by": words before the day a figure held */
  GStrv months;             /* 12 month names, or NULL */
  GHashTable *units;        /* unit code → GStrv { singular, plural } */

  GMutex lock;              /* guards `interned`: grouping may run in threads */
  GHashTable *interned;     /* word → the same word, owned */
};

static void
phrase_clear (Phrase *phrase)
{
  g_free (phrase->from);
  g_free (phrase->to);
}

static GHashTable *
word_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
tally_fact_lexicon_free (TallyFactLexicon *lexicon)
{
  if (lexicon == NULL)
    return;
  g_array_unref (lexicon->phrases);
  g_hash_table_unref (lexicon->words);
  g_hash_table_unref (lexicon->ignore);
  g_hash_table_unref (lexicon->distinct);
  g_hash_table_unref (lexicon->predicates);
  g_hash_table_unref (lexicon->function);
  g_hash_table_unref (lexicon->stop);
  g_hash_table_unref (lexicon->time_nouns);
  g_hash_table_unref (lexicon->uncountable);
  g_hash_table_unref (lexicon->not_heads);
  g_hash_table_unref (lexicon->not_measures);
  g_hash_table_unref (lexicon->own_subject);
  g_hash_table_unref (lexicon->moving);
  g_hash_table_unref (lexicon->labels);
  g_strfreev (lexicon->label_verbs);
  g_hash_table_unref (lexicon->verb_forms);
  g_strfreev (lexicon->nearly);
  g_strfreev (lexicon->stated_at);
  g_strfreev (lexicon->months);
  g_hash_table_unref (lexicon->units);
  g_hash_table_unref (lexicon->interned);
  g_mutex_clear (&lexicon->lock);
  g_free (lexicon);
}

static int
phrase_longest_first (gconstpointer a,
                      gconstpointer b)
{
  return (int) strlen (((const Phrase *) b)->from) - (int) strlen (((const Phrase *) a)->from);
}

/* Reads "key=value" pairs of `group` into `table` (or `phrases`), lower-cased. */
static gboolean
load_pairs (GKeyFile    *file,
            const char  *name,
            const char  *group,
            GHashTable  *table,
            GArray      *phrases,
            gboolean     lower_values,
            GError     **error)
{
  g_auto(GStrv) keys = NULL;

  if (!g_key_file_has_group (file, group))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   "%s: missing group [%s]", name, group);
      return FALSE;
    }
  keys = g_key_file_get_keys (file, group, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_string (file, group, keys[i], NULL);
      g_autofree char *key = g_utf8_strdown (keys[i], -1);

      g_strstrip (value);
      if (value[0] == '\0')
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "%s: [%s] “%s” has an empty value", name, group, keys[i]);
          return FALSE;
        }
      if (lower_values)
        {
          char *lower = g_utf8_strdown (value, -1);

          g_free (value);
          value = lower;
        }
      if (phrases != NULL)
        {
          Phrase phrase = {
            g_strdup_printf (" %s ", key),
            g_strdup_printf (" %s ", value),
          };

          g_array_append_val (phrases, phrase);
        }
      else
        g_hash_table_replace (table, g_steal_pointer (&key), g_steal_pointer (&value));
    }
  return TRUE;
}

static gboolean
load_list (GKeyFile    *file,
           const char  *name,
           const char  *key,
           GHashTable  *set,
           GStrv       *list,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) words = g_key_file_get_string_list (file, "Words", key, NULL, &local_error);

  if (words == NULL)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                   "%s: [Words] %s: %s", name, key, local_error->message);
      return FALSE;
    }
  for (guint i = 0; words[i] != NULL; i++)
    {
      char *word = g_utf8_strdown (g_strstrip (words[i]), -1);

      g_free (words[i]);
      words[i] = word;
      if (set != NULL && word[0] != '\0')
        g_hash_table_add (set, g_strdup (word));
    }
  if (list != NULL)
    *list = g_steal_pointer (&words);
  return TRUE;
}

/* [Units]: "t=tonne;tonnes". Codes keep their case ("MW" is not "mW"). */
static gboolean
load_units (GKeyFile          *file,
            const char        *name,
            TallyFactLexicon  *lexicon,
            GError           **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (file, "Units", NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_auto(GStrv) forms = g_key_file_get_string_list (file, "Units", keys[i], NULL, NULL);

      if (forms == NULL || g_strv_length (forms) != 2 || g_strstrip (forms[0])[0] == '\0'
          || g_strstrip (forms[1])[0] == '\0')
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "%s: [Units] “%s” needs “singular;plural”", name, keys[i]);
          return FALSE;
        }
      g_hash_table_replace (lexicon->units, g_strdup (keys[i]), g_steal_pointer (&forms));
    }
  return TRUE;
}

/* [Words] Months: twelve names, January first. */
static gboolean
load_months (GKeyFile          *file,
             const char        *name,
             TallyFactLexicon  *lexicon,
             GError           **error)
{
  g_auto(GStrv) months = g_key_file_get_string_list (file, "Words", "Months", NULL, NULL);

  if (months == NULL || g_strv_length (months) != 12)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "%s: [Words] Months needs 12 names", name);
      return FALSE;
    }
  for (guint i = 0; i < 12; i++)
    g_strstrip (months[i]);
  lexicon->months = g_steal_pointer (&months);
  return TRUE;
}

/* "signed" is also found as "signing", "signs" and "sign". */
static void
add_verb_forms (TallyFactLexicon *lexicon)
{
  for (guint i = 0; lexicon->label_verbs[i] != NULL; i++)
    {
      const char *verb = lexicon->label_verbs[i];
      g_autofree char *stem = NULL;

      if (verb[0] == '\0')
        continue;
      g_hash_table_insert (lexicon->verb_forms, g_strdup (verb), (gpointer) verb);
      if (!g_str_has_suffix (verb, "ed"))
        continue;
      stem = g_strndup (verb, strlen (verb) - 2);
      g_hash_table_insert (lexicon->verb_forms, g_strconcat (stem, "ing", NULL), (gpointer) verb);
      g_hash_table_insert (lexicon->verb_forms, g_strconcat (stem, "s", NULL), (gpointer) verb);
      g_hash_table_insert (lexicon->verb_forms, g_steal_pointer (&stem), (gpointer) verb);
    }
}

#define STOPWORDS_PATH "/io/github/tallyapp/Tally/analysis/lexicons/"

/* The words each language uses most ("there", "уже", "они": the lists that
 * tell a text's language): never what a figure measures, in any language. */
static GHashTable *
load_stop_words (void)
{
  GHashTable *set = word_set ();
  g_auto(GStrv) names = NULL;

  (void) tally_analysis_get_resource ();
  names = g_resources_enumerate_children (STOPWORDS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint n = 0; names != NULL && names[n] != NULL; n++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_auto(GStrv) lines = NULL;
      gboolean words = FALSE;

      if (!g_str_has_suffix (names[n], ".stopwords"))
        continue;
      path = g_strconcat (STOPWORDS_PATH, names[n], NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes == NULL)
        continue;
      lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *line = g_strstrip (lines[i]);

          if (line[0] == '#' || line[0] == '\0')
            continue;
          if (line[0] == '[')
            words = g_str_equal (line, "[words]");
          else if (words)
            g_hash_table_add (set, g_utf8_strdown (line, -1));
        }
    }
  return set;
}

TallyFactLexicon *
tally_fact_lexicon_new_from_data (const char  *data,
                                  gsize        len,
                                  const char  *name,
                                  GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(TallyFactLexicon) lexicon = g_new0 (TallyFactLexicon, 1);
  g_autoptr(GError) local_error = NULL;

  g_mutex_init (&lexicon->lock);
  lexicon->phrases = g_array_new (FALSE, FALSE, sizeof (Phrase));
  g_array_set_clear_func (lexicon->phrases, (GDestroyNotify) phrase_clear);
  lexicon->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lexicon->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lexicon->ignore = word_set ();
  lexicon->distinct = word_set ();
  lexicon->predicates = word_set ();
  lexicon->function = word_set ();
  lexicon->stop = load_stop_words ();
  lexicon->time_nouns = word_set ();
  lexicon->own_subject = word_set ();
  lexicon->moving = word_set ();
  lexicon->uncountable = word_set ();
  lexicon->not_heads = word_set ();
  lexicon->not_measures = word_set ();
  lexicon->interned = word_set ();
  lexicon->verb_forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);

  if (!g_key_file_load_from_data (file, data, len, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return NULL;
    }
  /* Spelling first, so that a synonym of a variant spelling wins. */
  if (!load_pairs (file, name, "Phrases", NULL, lexicon->phrases, TRUE, error)
      || !load_pairs (file, name, "Spelling", lexicon->words, NULL, TRUE, error)
      || !load_pairs (file, name, "Synonyms", lexicon->words, NULL, TRUE, error)
      || !load_pairs (file, name, "Labels", lexicon->labels, NULL, FALSE, error)
      || !load_list (file, name, "Ignore", lexicon->ignore, NULL, error)
      || !load_list (file, name, "Distinct", lexicon->distinct, NULL, error)
      || !load_list (file, name, "Predicates", lexicon->predicates, NULL, error)
      || !load_list (file, name, "Function", lexicon->function, NULL, error)
      || !load_list (file, name, "LabelVerbs", NULL, &lexicon->label_verbs, error)
      || !load_list (file, name, "Nearly", NULL, &lexicon->nearly, error))
    return NULL;
  /* Optional: a lexicon without it only labels "Year of X: year". */
  if (g_key_file_has_key (file, "Words", "TimeNouns", NULL)
      && !load_list (file, name, "TimeNouns", lexicon->time_nouns, NULL, error))
    return NULL;
  /* Optional: without it every measure may group without a subject. */
  if (g_key_file_has_key (file, "Words", "OwnSubject", NULL)
      && !load_list (file, name, "OwnSubject", lexicon->own_subject, NULL, error))
    return NULL;
  /* Optional: without it a figure is stated when its report is published. */
  if (g_key_file_has_key (file, "Words", "StatedAt", NULL)
      && !load_list (file, name, "StatedAt", NULL, &lexicon->stated_at, error))
    return NULL;
  /* Optional: without it no figure is read as one that moves. */
  if (g_key_file_has_key (file, "Words", "Moving", NULL)
      && !load_list (file, name, "Moving", lexicon->moving, NULL, error))
    return NULL;
  /* Optional: adverbs and conjunctions, dropped as "Ignore" words are. */
  if (g_key_file_has_key (file, "Words", "NotMeasures", NULL)
      && !load_list (file, name, "NotMeasures", lexicon->not_measures, NULL, error))
    return NULL;
  /* Optional: without it only verb forms are kept out of labels alone. */
  if (g_key_file_has_key (file, "Words", "NotHeads", NULL)
      && !load_list (file, name, "NotHeads", lexicon->not_heads, NULL, error))
    return NULL;
  /* Optional: without it every head noun takes a plural in count labels. */
  if (g_key_file_has_key (file, "Words", "Uncountable", NULL)
      && !load_list (file, name, "Uncountable", lexicon->uncountable, NULL, error))
    return NULL;
  /* Optional too: without them dates read as ISO text and units as codes. */
  if (g_key_file_has_key (file, "Words", "Months", NULL) && !load_months (file, name, lexicon, error))
    return NULL;
  if (g_key_file_has_group (file, "Units") && !load_units (file, name, lexicon, error))
    return NULL;
  g_array_sort (lexicon->phrases, phrase_longest_first);
  add_verb_forms (lexicon);
  return g_steal_pointer (&lexicon);
}

TallyFactLexicon *
tally_fact_lexicon_get_default (void)
{
  static TallyFactLexicon *lexicon;

  if (g_once_init_enter_pointer (&lexicon))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      TallyFactLexicon *loaded;

      /* Referencing the resource keeps its object, and its constructor, in
       * the static library's link. */
      bytes = g_resource_lookup_data (tally_facts_get_resource (), FACTS_RESOURCE,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_error ("%s: %s", FACTS_RESOURCE, error->message);
      loaded = tally_fact_lexicon_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                 FACTS_RESOURCE, &error);
      if (loaded == NULL)
        g_error ("%s", error->message);
      g_once_init_leave_pointer (&lexicon, loaded);
    }
  return lexicon;
}

static const char *
intern (TallyFactLexicon *lexicon,
        const char       *word)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lexicon->lock);
  const char *found = g_hash_table_lookup (lexicon->interned, word);

  if (found == NULL)
    {
      char *copy = g_strdup (word);

      g_hash_table_add (lexicon->interned, copy);
      found = copy;
    }
  return found;
}

static int
compare_pointers (gconstpointer a,
                  gconstpointer b)
{
  const char *pa = *(const char * const *) a;
  const char *pb = *(const char * const *) b;

  return pa < pb ? -1 : pa > pb;
}

static const char **
steal_sorted (GPtrArray *words,
              guint     *n)
{
  g_ptr_array_sort (words, compare_pointers);
  *n = words->len;
  g_ptr_array_add (words, NULL);
  return (const char **) g_ptr_array_free (words, FALSE);
}

/* "Trade-Volume " → " trade volume ", then phrase synonyms applied. */
static char *
normalise_phrase (TallyFactLexicon *lexicon,
                  const char       *measure)
{
  g_autofree char *lower = g_utf8_strdown (measure, -1);
  GString *padded = g_string_new (" ");

  for (char *p = lower; *p; p++)
    if (*p == '-' || *p == '_' || *p == '\t' || *p == '\n' || *p == '/')
      *p = ' ';
  g_string_append (padded, lower);
  g_string_append_c (padded, ' ');
  /* "Baltic–Caspian port": names joined by a dash are two words. */
  g_string_replace (padded, "\xe2\x80\x93", " ", 0);
  for (guint i = 0; i < lexicon->phrases->len; i++)
    {
      const Phrase *phrase = &g_array_index (lexicon->phrases, Phrase, i);

      if (strstr (padded->str, phrase->from) != NULL)
        g_string_replace (padded, phrase->from, phrase->to, 0);
    }
  return g_string_free (padded, FALSE);
}

/* The words `measure` writes with a capital before its last word, lower
 * case: the claim extractor keeps the capitals of a name that modifies a
 * counted noun ("Central Asian nation") and writes every other word in lower
 * case. A capitalised last word ("Nation") is only a head in title case. */
static GHashTable *
name_words (const char *measure)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *spaced = g_strdup (measure);
  g_auto(GStrv) words = NULL;
  guint n;

  for (char *p = spaced; *p; p++)
    if (*p == '-' || *p == '_' || *p == '\t' || *p == '\n' || *p == '/')
      *p = ' ';
  words = g_strsplit (spaced, " ", -1);
  n = g_strv_length (words);
  while (n > 0 && words[n - 1][0] == '\0')
    n--;
  for (guint i = 0; i + 1 < n; i++)
    {
      g_auto(GStrv) parts = g_strsplit (words[i], "\xe2\x80\x93", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        if (g_unichar_isupper (g_utf8_get_char (parts[j])))
          g_hash_table_add (names, g_utf8_strdown (parts[j], -1));
    }
  return g_hash_table_size (names) > 0 ? g_steal_pointer (&names) : NULL;
}

/* An emoji or other symbol in a measure ("🚀 launch") is no word of it. */
static gboolean
has_word_character (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* "however", or "wherea" and "thank": the claims write a measure in the
 * singular, whatever the word was. */
static gboolean
is_not_measure (TallyFactLexicon *lexicon,
                const char       *word)
{
  g_autofree char *plural = NULL;

  if (g_hash_table_contains (lexicon->not_measures, word))
    return TRUE;
  plural = g_strconcat (word, "s", NULL);
  return g_hash_table_contains (lexicon->not_measures, plural);
}

TallyMeasureKey *
tally_fact_lexicon_measure_key (TallyFactLexicon *lexicon,
                                const char       *measure)
{
  g_autofree char *padded = NULL;
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GPtrArray) content = g_ptr_array_new ();
  g_autoptr(GPtrArray) modifiers = g_ptr_array_new ();
  g_autoptr(GPtrArray) distinct = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) name_set = NULL;
  g_autoptr(GArray) is_name = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GString) phrase = g_string_new (NULL);
  TallyMeasureKey *key;
  int head = -1;
  int of_at = -1;

  if (measure == NULL)
    return NULL;
  name_set = name_words (measure);
  padded = normalise_phrase (lexicon, measure);
  tokens = g_strsplit (padded, " ", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *word = tokens[i];
      const char *canonical;
      gboolean name;

      if (word[0] == '\0' || g_hash_table_contains (lexicon->ignore, word) || !has_word_character (word)
          || is_not_measure (lexicon, word))
        continue;
      if (g_hash_table_contains (lexicon->function, word) || g_hash_table_contains (lexicon->stop, word))
        {
          /* "share of exports": the head stands before the first "of". */
          if (of_at < 0 && g_str_equal (word, "of") && content->len > 0)
            of_at = (int) content->len;
          continue;
        }
      canonical = g_hash_table_lookup (lexicon->words, word);
      if (canonical == NULL)
        canonical = word;
      if (g_hash_table_contains (lexicon->ignore, canonical))
        continue;
      name = name_set != NULL && g_hash_table_contains (name_set, word);
      g_ptr_array_add (content, (gpointer) intern (lexicon, canonical));
      g_array_append_val (is_name, name);
    }

  /* The head: the last word that is neither a predicate nor a distinguishing
   * word (before "of" when there is one). */
  for (int i = (of_at > 0 ? of_at : (int) content->len) - 1; i >= 0 && head < 0; i--)
    {
      const char *word = g_ptr_array_index (content, i);

      if (!tally_fact_lexicon_is_predicate (lexicon, word)
          && !g_hash_table_contains (lexicon->distinct, word))
        head = i;
    }
  if (head < 0)
    return NULL;

  key = g_new0 (TallyMeasureKey, 1);
  for (guint i = 0; i < content->len; i++)
    {
      const char *word = g_ptr_array_index (content, i);

      if (phrase->len > 0)
        g_string_append_c (phrase, ' ');
      g_string_append (phrase, word);
      if ((int) i == head)
        continue;
      if (g_hash_table_contains (lexicon->distinct, word))
        g_ptr_array_add (distinct, (gpointer) word);
      else
        {
          g_ptr_array_add (modifiers, (gpointer) word);
          if ((int) i > head && tally_fact_lexicon_is_predicate (lexicon, word))
            key->has_predicate = TRUE;
          if ((int) i < head && g_array_index (is_name, gboolean, i))
            g_ptr_array_add (names, (gpointer) word);
        }
    }
  key->head = g_ptr_array_index (content, head);
  key->modifiers = steal_sorted (g_steal_pointer (&modifiers), &key->n_modifiers);
  key->distinct = steal_sorted (g_steal_pointer (&distinct), &key->n_distinct);
  key->names = steal_sorted (g_steal_pointer (&names), &key->n_names);
  key->phrase = g_string_free (g_steal_pointer (&phrase), FALSE);
  return key;
}

void
tally_measure_key_free (TallyMeasureKey *key)
{
  if (key == NULL)
    return;
  g_free (key->modifiers);
  g_free (key->distinct);
  g_free (key->names);
  g_free (key->phrase);
  g_free (key);
}

/* Whether every word of `sub` is in `super`; both sorted by pointer. */
static gboolean
sorted_subset (const char * const *sub,
               guint               n_sub,
               const char * const *super,
               guint               n_super)
{
  guint j = 0;

  if (n_sub > n_super)
    return FALSE;
  for (guint i = 0; i < n_sub; i++)
    {
      while (j < n_super && super[j] < sub[i])
        j++;
      if (j == n_super || super[j] != sub[i])
        return FALSE;
      j++;
    }
  return TRUE;
}

gboolean
tally_measure_key_is_subset (const TallyMeasureKey *sub,
                             const TallyMeasureKey *super)
{
  return sorted_subset (sub->modifiers, sub->n_modifiers, super->modifiers, super->n_modifiers);
}

gboolean
tally_measure_key_adds_names (const TallyMeasureKey *super,
                              const TallyMeasureKey *sub)
{
  return !sorted_subset (super->names, super->n_names, sub->modifiers, sub->n_modifiers);
}

const char *
tally_fact_lexicon_label (TallyFactLexicon *lexicon,
                          const char       *phrase)
{
  return phrase != NULL ? g_hash_table_lookup (lexicon->labels, phrase) : NULL;
}

/* Case-insensitive, word-bounded search of ASCII `needle` in `haystack`. */
static gboolean
contains_words (const char *haystack,
                const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = haystack; *p; p++)
    {
      if (g_ascii_strncasecmp (p, needle, n) != 0)
        continue;
      if ((p == haystack || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[n]))
        return TRUE;
    }
  return FALSE;
}

const char *
tally_fact_lexicon_find_label_verb (TallyFactLexicon *lexicon,
                                    const char       *sentence)
{
  char word[32];

  /* One pass over the words of the sentence, each looked up once. */
  for (const char *p = sentence; p != NULL && *p; )
    {
      gsize len = 0;
      const char *verb;

      while (*p && !g_ascii_isalpha (*p))
        p++;
      while (g_ascii_isalpha (*p))
        {
          if (len < sizeof word - 1)
            word[len] = g_ascii_tolower (*p);
          len++;
          p++;
        }
      if (len == 0 || len >= sizeof word)
        continue;
      word[len] = '\0';
      verb = g_hash_table_lookup (lexicon->verb_forms, word);
      if (verb != NULL)
        return verb;
    }
  return NULL;
}

gboolean
tally_fact_lexicon_says_nearly (TallyFactLexicon *lexicon,
                                const char       *text)
{
  for (guint i = 0; text != NULL && lexicon->nearly[i] != NULL; i++)
    if (lexicon->nearly[i][0] != '\0' && contains_words (text, lexicon->nearly[i]))
      return TRUE;
  return FALSE;
}

gboolean
tally_fact_lexicon_marks_statement (TallyFactLexicon *lexicon,
                                    const char       *before,
                                    gsize             len)
{
  /* The words right before a day: "… had died as of", "… said on". */
  while (len > 0 && (before[len - 1] == ' ' || before[len - 1] == ','))
    len--;
  for (guint i = 0; lexicon->stated_at != NULL && lexicon->stated_at[i] != NULL; i++)
    {
      const char *words = lexicon->stated_at[i];
      gsize n = strlen (words);

      if (n == 0 || n > len || g_ascii_strncasecmp (before + len - n, words, n) != 0)
        continue;
      if (len == n || !g_ascii_isalnum (before[len - n - 1]))
        return TRUE;
    }
  return FALSE;
}

gboolean
tally_fact_lexicon_is_predicate (TallyFactLexicon *lexicon,
                                 const char       *word)
{
  gsize len = strlen (word);

  /* Past participles not in the list ("dredged", "electrified") too. */
  return g_hash_table_contains (lexicon->predicates, word)
         || (len >= 6 && g_str_has_suffix (word, "ed"));
}

gboolean
tally_fact_lexicon_is_not_head (TallyFactLexicon *lexicon,
                                const char       *word)
{
  return word != NULL && g_hash_table_contains (lexicon->not_heads, word);
}

gboolean
tally_fact_lexicon_is_uncountable (TallyFactLexicon *lexicon,
                                   const char       *word)
{
  return word != NULL && g_hash_table_contains (lexicon->uncountable, word);
}

gboolean
tally_fact_lexicon_is_time_noun (TallyFactLexicon *lexicon,
                                 const char       *word)
{
  return word != NULL && g_hash_table_contains (lexicon->time_nouns, word);
}

gboolean
tally_fact_lexicon_is_moving (TallyFactLexicon      *lexicon,
                              const TallyMeasureKey *key)
{
  if (key == NULL || key->has_predicate)
    return FALSE;
  if (g_hash_table_contains (lexicon->moving, key->head))
    return TRUE;
  for (guint i = 0; i < key->n_modifiers; i++)
    if (g_hash_table_contains (lexicon->moving, key->modifiers[i]))
      return TRUE;
  return FALSE;
}

gboolean
tally_fact_lexicon_needs_subject (TallyFactLexicon *lexicon,
                                  const char       *word)
{
  return word != NULL && g_hash_table_contains (lexicon->own_subject, word);
}

const char *
tally_fact_lexicon_month_name (TallyFactLexicon *lexicon,
                               int               month)
{
  return lexicon->months != NULL && month >= 1 && month <= 12 ? lexicon->months[month - 1] : NULL;
}

const char *
tally_fact_lexicon_unit_name (TallyFactLexicon *lexicon,
                              const char       *unit,
                              gboolean          plural)
{
  GStrv forms = unit != NULL ? g_hash_table_lookup (lexicon->units, unit) : NULL;

  return forms != NULL ? forms[plural ? 1 : 0] : NULL;
}
