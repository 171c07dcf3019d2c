/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally-analysis-resources.h"
#include "tally-events-private.h"
#include "tally-lexicon-file.h"

/* The sections that are plain sets of words, and where each one goes. */
static const struct
{
  const char *section;
  gsize offset;
} word_sets[] = {
  { "not_before", G_STRUCT_OFFSET (EventLexicon, not_before) },
  { "place_prep", G_STRUCT_OFFSET (EventLexicon, place_preps) },
  { "not_place", G_STRUCT_OFFSET (EventLexicon, not_place) },
  { "auxiliary", G_STRUCT_OFFSET (EventLexicon, auxiliaries) },
  { "subject_stop", G_STRUCT_OFFSET (EventLexicon, subject_stops) },
  { "relative", G_STRUCT_OFFSET (EventLexicon, relatives) },
  { "reporting", G_STRUCT_OFFSET (EventLexicon, reporting) },
  { "preposition", G_STRUCT_OFFSET (EventLexicon, prepositions) },
  { "indefinite", G_STRUCT_OFFSET (EventLexicon, indefinite) },
  { "place_noun", G_STRUCT_OFFSET (EventLexicon, place_nouns) },
  { "season_before", G_STRUCT_OFFSET (EventLexicon, season_before) },
  { "of_label_stop", G_STRUCT_OFFSET (EventLexicon, of_label_stops) },
  { "ordinal_before", G_STRUCT_OFFSET (EventLexicon, ordinal_before) },
  { "label_never", G_STRUCT_OFFSET (EventLexicon, label_never) },
  { "label_pronoun", G_STRUCT_OFFSET (EventLexicon, label_pronouns) },
  { "label_end_not", G_STRUCT_OFFSET (EventLexicon, label_end_not) },
  { "complement", G_STRUCT_OFFSET (EventLexicon, complements) },
  { "plural", G_STRUCT_OFFSET (EventLexicon, plurals) },
  { "singular", G_STRUCT_OFFSET (EventLexicon, singulars) },
  { "window_open", G_STRUCT_OFFSET (EventLexicon, window_open) },
  { "window_to", G_STRUCT_OFFSET (EventLexicon, window_to) },
  { "not_verb_after", G_STRUCT_OFFSET (EventLexicon, not_verb_after) },
  { "label_kind_place", G_STRUCT_OFFSET (EventLexicon, label_kind_place) },
  { "range_from", G_STRUCT_OFFSET (EventLexicon, range_from) },
  { "range_to", G_STRUCT_OFFSET (EventLexicon, range_to) },
  { "subject_join", G_STRUCT_OFFSET (EventLexicon, subject_joins) },
  { "label_skip", G_STRUCT_OFFSET (EventLexicon, label_skip) },
  { "date_tail", G_STRUCT_OFFSET (EventLexicon, date_tail) },
  { "verb_ending", G_STRUCT_OFFSET (EventLexicon, verb_endings) },
  { "past", G_STRUCT_OFFSET (EventLexicon, past) },
  { "date_not_of_act", G_STRUCT_OFFSET (EventLexicon, date_not_of_act) },
  { "not_news_day", G_STRUCT_OFFSET (EventLexicon, not_news_day) },
  { "report_day_kind", G_STRUCT_OFFSET (EventLexicon, report_day_kinds) },
};

#define WORD_SET(lex, i) G_STRUCT_MEMBER (GHashTable *, (lex), word_sets[(i)].offset)

void
tally_events_lexicon_free (EventLexicon *lex)
{
  if (lex == NULL)
    return;
  g_hash_table_unref (lex->nouns);
  g_clear_pointer (&lex->mention_words, g_hash_table_unref);
  g_hash_table_unref (lex->gathering);
  g_hash_table_unref (lex->at_gathering);
  g_hash_table_unref (lex->period_titles);
  g_hash_table_unref (lex->ordinals);
  g_hash_table_unref (lex->ordinal_words);
  g_ptr_array_unref (lex->future);
  g_ptr_array_unref (lex->participants);
  g_ptr_array_unref (lex->weeks);
  g_hash_table_unref (lex->weekdays);
  g_hash_table_unref (lex->seasons);
  g_hash_table_unref (lex->verbs);
  for (guint i = 0; i < G_N_ELEMENTS (word_sets); i++)
    g_hash_table_unref (WORD_SET (lex, i));
  g_hash_table_unref (lex->kind_nouns);
  g_hash_table_unref (lex->template_words);
  g_hash_table_unref (lex->acts);
  g_ptr_array_unref (lex->name_endings);
  g_hash_table_unref (lex->relative_days);
  g_free (lex->day_suffix);
  g_free (lex->place_joiner);
  g_free (lex->adverb_suffix);
  g_free (lex);
}

static GHashTable *
string_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static gboolean
lexicon_add (const char  *section,
             char        *key,
             const char  *value,
             gpointer     user_data,
             GError     **error)
{
  EventLexicon *lex = user_data;
  TallyEventKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (word_sets); i++)
    if (strcmp (section, word_sets[i].section) == 0)
      {
        g_hash_table_add (WORD_SET (lex, i), g_strdup (key));
        return TRUE;
      }

#define NEED_KIND(v) \
  if (!tally_event_kind_from_string (v, &kind)) \
    { \
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown event kind “%s”", v ? v : ""); \
      return FALSE; \
    }

  if (strcmp (section, "noun") == 0)
    {
      NEED_KIND (value);
      g_hash_table_insert (lex->nouns, g_strdup (key), GUINT_TO_POINTER (kind + 1));
    }
  else if (strcmp (section, "gathering") == 0)
    {
      NEED_KIND (key);
      g_hash_table_add (lex->gathering, GUINT_TO_POINTER (kind + 1));
    }
  else if (strcmp (section, "at_gathering") == 0)
    {
      NEED_KIND (key);
      g_hash_table_add (lex->at_gathering, GUINT_TO_POINTER (kind + 1));
    }
  else if (strcmp (section, "period_title") == 0)
    {
      NEED_KIND (value);
      g_hash_table_insert (lex->period_titles, g_strdup (key), GUINT_TO_POINTER (kind + 1));
    }
  else if (strcmp (section, "ordinal") == 0 || strcmp (section, "weekday") == 0)
    {
      int n = value ? atoi (value) : 0;

      if (n <= 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s” needs a positive number", key);
          return FALSE;
        }
      if (section[0] == 'o')
        {
          g_hash_table_insert (lex->ordinals, g_strdup (key), GINT_TO_POINTER (n));
          if (!g_hash_table_contains (lex->ordinal_words, GINT_TO_POINTER (n)))
            g_hash_table_insert (lex->ordinal_words, GINT_TO_POINTER (n), g_strdup (key));
        }
      else
        g_hash_table_insert (lex->weekdays, g_strdup (key), GINT_TO_POINTER (n));
    }
  else if (strcmp (section, "season") == 0)
    {
      int first = 0, last = 0;

      if (value == NULL || sscanf (value, "%d-%d", &first, &last) != 2
          || first < 1 || first > 12 || last < 1 || last > 12)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "season “%s” needs “M-M”", key);
          return FALSE;
        }
      g_hash_table_insert (lex->seasons, g_strdup (key), GINT_TO_POINTER (first * 100 + last));
    }
  else if (strcmp (section, "verb") == 0)
    {
      g_auto(GStrv) parts = g_strsplit (value ? value : "", "|", 4);

      NEED_KIND (parts[0]);
      const char *hole = parts[1] ? strchr (parts[1], '%') : NULL;

      if (hole == NULL || strchr ("spotTP", hole[1]) == NULL || hole[1] == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "verb “%s” needs “kind|label with %%s, %%p, %%o or %%t[|words not after it[|place words]]”", key);
          return FALSE;
        }
      g_hash_table_insert (lex->verbs, g_strdup (key), g_strdup (value));
      /* "visits" of "%s visits %l": a word every such label has, which
       * says nothing of whether two labels name one act. */
      {
        g_auto(GStrv) label_words = g_strsplit (parts[1], " ", -1);

        for (guint i = 0; label_words[i] != NULL; i++)
          if (label_words[i][0] != '\0' && strchr (label_words[i], '%') == NULL)
            g_hash_table_add (lex->template_words, g_utf8_strdown (label_words[i], -1));
      }
    }
  else if (strcmp (section, "act") == 0)
    {
      g_auto(GStrv) parts = g_strsplit (value ? value : "", "|", 2);
      guint n = 1;

      NEED_KIND (parts[0]);
      if (parts[1] == NULL || (strcmp (parts[1], "verb") != 0 && strcmp (parts[1], "noun") != 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "act “%s” needs “kind|verb” or “kind|noun”", key);
          return FALSE;
        }
      for (const char *p = key; *p; p++)
        n += *p == ' ';
      /* Without spaces, a word is at least a character. */
      lex->act_words = MAX (lex->act_words, MAX (n, (guint) g_utf8_strlen (key, -1)));
      g_hash_table_insert (lex->acts, g_strdup (key), g_strdup (value));
    }
  else if (strcmp (section, "conventions") == 0 && (strcmp (key, "lemmas") == 0 || strcmp (key, "segmented") == 0))
    {
      if (key[0] == 'l')
        lex->lemmas = TRUE;
      else
        lex->segmented = TRUE;
    }
  else if (strcmp (section, "name_ending") == 0)
    {
      g_autofree char *joined = g_strconcat (key, " ", value ? value : "-", NULL);
      char **parts = g_strsplit (joined, " ", -1);

      /* "-": nothing; the parts after the ending are its replacements. */
      for (guint k = 1; parts[k] != NULL; k++)
        if (strcmp (parts[k], "-") == 0)
          parts[k][0] = '\0';
      g_ptr_array_add (lex->name_endings, parts);
    }
  else if (strcmp (section, "relative_day") == 0)
    {
      if (value != NULL && strcmp (value, "same") == 0)
        g_hash_table_insert (lex->relative_days, g_strdup (key), GINT_TO_POINTER (1));
      else if (value != NULL && (atoi (value) != 0 || strcmp (value, "0") == 0) && ABS (atoi (value)) < 400)
        g_hash_table_insert (lex->relative_days, g_strdup (key), GINT_TO_POINTER (atoi (value) + 1000));
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "relative day “%s” needs a number of days or “same”", key);
          return FALSE;
        }
    }
  else if (strcmp (section, "label") == 0 && strcmp (key, "day_suffix") == 0 && value != NULL)
    {
      g_free (lex->day_suffix);
      lex->day_suffix = g_strdup (value);
    }
  else if (strcmp (section, "kind_noun") == 0)
    {
      NEED_KIND (key);
      if (value == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "kind “%s” needs a noun", key);
          return FALSE;
        }
      g_hash_table_insert (lex->kind_nouns, GUINT_TO_POINTER (kind + 1), g_strdup (value));
    }
  else if (strcmp (section, "label") == 0 && strcmp (key, "adverb_suffix") == 0 && value != NULL)
    {
      g_free (lex->adverb_suffix);
      lex->adverb_suffix = g_strdup (value);
    }
  else if (strcmp (section, "label") == 0 && strcmp (key, "place_joiner") == 0 && value != NULL)
    {
      g_free (lex->place_joiner);
      lex->place_joiner = g_strdup (value);
    }
  else if (strcmp (section, "week") == 0)
    {
      g_autofree char *joined = NULL;
      /* "weekend 0": the weekend, not the whole week. */
      gboolean weekend = value != NULL && g_str_has_prefix (value, "weekend ");
      const char *count = weekend ? value + strlen ("weekend ") : value;

      if (count == NULL || (atoi (count) == 0 && strcmp (count, "0") != 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "week “%s” needs a number of weeks", key);
          return FALSE;
        }
      joined = g_strconcat (weekend ? "w" : "", count, " ", key, NULL);
      g_ptr_array_add (lex->weeks, g_strsplit (joined, " ", -1));
    }
  else if (strcmp (section, "future") == 0)
    g_ptr_array_add (lex->future, g_strsplit (key, " ", -1));
  else if (strcmp (section, "participants") == 0)
    g_ptr_array_add (lex->participants, g_strsplit (key, " ", -1));
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown section [%s]", section);
      return FALSE;
    }
#undef NEED_KIND
  return TRUE;
}

/* The word of each key of `table` at which tally_events_find_mentions()
 * looks the key up, into the set `words`: its first word (verbs, period
 * titles: "lost contact", "years of"), or its last (nouns: "press
 * conference" is looked up at "conference"). */
static void
add_mention_words (GHashTable *words,
                   GHashTable *table,
                   gboolean    last)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *space = last ? strrchr (key, ' ') : strchr (key, ' ');

      if (space == NULL)
        g_hash_table_add (words, g_strdup (key));
      else if (last)
        g_hash_table_add (words, g_strdup (space + 1));
      else
        g_hash_table_add (words, g_strndup (key, space - (const char *) key));
    }
}

EventLexicon *
tally_events_lexicon_parse (const char  *data,
                            gsize        len,
                            const char  *name,
                            GError     **error)
{
  EventLexicon *lex = g_new0 (EventLexicon, 1);

  lex->nouns = string_table ();
  lex->gathering = g_hash_table_new (NULL, NULL);
  lex->at_gathering = g_hash_table_new (NULL, NULL);
  lex->period_titles = string_table ();
  lex->ordinals = string_table ();
  lex->ordinal_words = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  lex->future = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lex->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lex->weeks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lex->weekdays = string_table ();
  lex->seasons = string_table ();
  lex->verbs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lex->kind_nouns = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  lex->template_words = string_table ();
  lex->acts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lex->name_endings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lex->relative_days = string_table ();
  for (guint i = 0; i < G_N_ELEMENTS (word_sets); i++)
    WORD_SET (lex, i) = string_table ();

  if (!tally_lexicon_file_read (data, len, name, NULL, lexicon_add, lex, error))
    {
      tally_events_lexicon_free (lex);
      return NULL;
    }
  lex->mention_words = string_table ();
  add_mention_words (lex->mention_words, lex->nouns, TRUE);
  add_mention_words (lex->mention_words, lex->period_titles, FALSE);
  add_mention_words (lex->mention_words, lex->verbs, FALSE);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, lex->mention_words);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        guint32 bit = tally_events_word_hash (key, strlen (key)) % MENTION_FILTER_BITS;

        lex->mention_filter[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
      }
    /* A word too long to fold is read as "" (Word.lower). */
    lex->mention_filter_ready = !g_hash_table_contains (lex->mention_words, "");
  }
  return lex;
}

EventLexicon *
tally_events_lexicon_load (const char  *language,
                           GError     **error)
{
  g_autofree char *path = g_strdup_printf ("/io/github/tallyapp/Tally/analysis/lexicons/%s.events", language);
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  /* Referencing the resource keeps it linked from the static library. */
  (void) tally_analysis_get_resource ();
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  return tally_events_lexicon_parse (data, len, path, error);
}

gboolean
tally_events_is_gathering (const EventLexicon *lex,
                           TallyEventKind      kind)
{
  return g_hash_table_contains (lex->gathering, GUINT_TO_POINTER (kind + 1));
}
