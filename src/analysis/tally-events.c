/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally-analysis-resources.h"
#include "tally-claims.h"
#include "tally-events.h"

/* ---------------------------------------------------------------------- */
/* The pattern file                                                        */

typedef struct
{
  GHashTable *nouns;          /* word → kind + 1 */
  GHashTable *gathering;      /* kind + 1 set */
  GHashTable *period_titles;  /* "years of" → kind + 1 */
  GHashTable *ordinals;       /* word → n */
  GHashTable *ordinal_words;  /* n → word (first listed) */
  GHashTable *not_before;     /* set */
  GPtrArray  *future;         /* char**: phrases as word vectors */
  GHashTable *place_preps;    /* set */
  GPtrArray  *participants;   /* char** */
  GHashTable *weekdays;       /* word → 1..7 (Monday first) */
  GHashTable *seasons;        /* word → first month * 100 + last month */
  GHashTable *not_place;      /* set */
  GHashTable *verbs;          /* verb → "kind|label template" */
  GHashTable *auxiliaries;    /* set */
  GHashTable *subject_stops;  /* set */
  GHashTable *relatives;      /* set: "which", "that" */
  GHashTable *reporting;      /* set: "says", "expects" */
  GHashTable *prepositions;   /* set */
  GHashTable *indefinite;     /* set: "a", "an" */
  GHashTable *place_nouns;    /* set: "port", "city" */
} EventLexicon;

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
};

#define WORD_SET(lex, i) G_STRUCT_MEMBER (GHashTable *, (lex), word_sets[(i)].offset)

static void
event_lexicon_free (EventLexicon *lex)
{
  g_hash_table_unref (lex->nouns);
  g_hash_table_unref (lex->gathering);
  g_hash_table_unref (lex->period_titles);
  g_hash_table_unref (lex->ordinals);
  g_hash_table_unref (lex->ordinal_words);
  g_ptr_array_unref (lex->future);
  g_ptr_array_unref (lex->participants);
  g_hash_table_unref (lex->weekdays);
  g_hash_table_unref (lex->seasons);
  g_hash_table_unref (lex->verbs);
  for (guint i = 0; i < G_N_ELEMENTS (word_sets); i++)
    g_hash_table_unref (WORD_SET (lex, i));
  g_free (lex);
}

static GHashTable *
string_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static gboolean
event_lexicon_add (EventLexicon *lex,
                   const char   *section,
                   const char   *key,
                   const char   *value,
                   GError      **error)
{
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
      g_auto(GStrv) parts = g_strsplit (value ? value : "", "|", 3);

      NEED_KIND (parts[0]);
      const char *hole = parts[1] ? strchr (parts[1], '%') : NULL;

      if (hole == NULL || (hole[1] != 's' && hole[1] != 'p') || strchr (hole + 1, '%') != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "verb “%s” needs “kind|label with one %%s or %%p[|words not after it]”", key);
          return FALSE;
        }
      g_hash_table_insert (lex->verbs, g_strdup (key), g_strdup (value));
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

static EventLexicon *
event_lexicon_parse (const char  *data,
                     gsize        len,
                     const char  *name,
                     GError     **error)
{
  EventLexicon *lex = g_new0 (EventLexicon, 1);
  g_autofree char *copy = g_strndup (data, len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  g_autofree char *section = NULL;

  lex->nouns = string_table ();
  lex->gathering = g_hash_table_new (NULL, NULL);
  lex->period_titles = string_table ();
  lex->ordinals = string_table ();
  lex->ordinal_words = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  lex->future = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lex->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lex->weekdays = string_table ();
  lex->seasons = string_table ();
  lex->verbs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (word_sets); i++)
    WORD_SET (lex, i) = string_table ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      char *line = g_strstrip (lines[i]);
      char *eq;
      char *value = NULL;

      if (line[0] == '\0' || line[0] == '#')
        continue;
      if (line[0] == '[')
        {
          char *close = strchr (line, ']');

          if (close == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "%s:%u: section header without “]”", name, i + 1);
              event_lexicon_free (lex);
              return NULL;
            }
          g_free (section);
          section = g_strndup (line + 1, close - line - 1);
          continue;
        }
      if (section == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: entry before any [section]", name, i + 1);
          event_lexicon_free (lex);
          return NULL;
        }
      eq = strchr (line, '=');
      if (eq != NULL)
        {
          *eq = '\0';
          value = g_strstrip (eq + 1);
          g_strstrip (line);
        }
      if (!event_lexicon_add (lex, section, line, value, &local_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: %s", name, i + 1, local_error->message);
          event_lexicon_free (lex);
          return NULL;
        }
    }
  return lex;
}

static EventLexicon *
event_lexicon_load (const char  *language,
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
  return event_lexicon_parse (data, len, path, error);
}

/* ---------------------------------------------------------------------- */
/* Words                                                                   */

typedef struct
{
  gsize start;
  gsize end;
  char lower[48];      /* folded; truncated words never match the lexicon */
  guint cap : 1;       /* starts with an upper-case letter */
  guint digit : 1;
  guint alpha : 1;     /* a name: letters, with apostrophes or hyphens
                        * inside ("Xi'an", "Nur-Sultan"), no possessive */
} Word;

/* Dashes and quotes in UTF-8 (E2 80 9x) separate words, except a dash or an
 * apostrophe between letters: "Baltic–Caspian", "summit’s". */
static gsize
punct_len (const char *p,
           const char *end)
{
  if (end - p >= 3 && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80
      && (guchar) p[2] >= 0x90 && (guchar) p[2] <= 0x9F)
    return 3;
  if (end - p >= 2 && (guchar) p[0] == 0xC2 && ((guchar) p[1] == 0xA0 || (guchar) p[1] == 0xAB || (guchar) p[1] == 0xBB))
    return 2;
  return 0;
}

static gboolean
is_word_byte (const char *p,
              const char *end)
{
  guchar c = *p;

  if (g_ascii_isalnum (c))
    return TRUE;
  if (c >= 0x80)
    return punct_len (p, end) == 0;
  return FALSE;
}

static GArray *
split_words (const char *text,
             gsize       start,
             gsize       end)
{
  GArray *words = g_array_new (FALSE, TRUE, sizeof (Word));
  const char *p = text + start;
  const char *e = text + end;

  while (p < e)
    {
      Word w = { 0 };
      const char *q;
      gsize n;
      gboolean possessive;

      if (!is_word_byte (p, e))
        {
          gsize skip = punct_len (p, e);
          p += skip ? skip : 1;
          continue;
        }
      q = p;
      while (q < e)
        {
          if (is_word_byte (q, e))
            q++;
          else if ((*q == '-' || *q == '\'' || punct_len (q, e) == 3)
                   && q + (*q == '-' || *q == '\'' ? 1 : 3) < e
                   && is_word_byte (q + (*q == '-' || *q == '\'' ? 1 : 3), e)
                   && (*q == '-' || *q == '\'' || (guchar) q[2] == 0x93 || (guchar) q[2] == 0x99))
            q += (*q == '-' || *q == '\'') ? 1 : 3;
          else
            break;
        }
      w.start = p - text;
      w.end = q - text;
      /* "Aktau's" is not the name of a place; "Xi'an" is. */
      possessive = (q - p > 2 && q[-1] == 's' && q[-2] == '\'')
                   || (q - p > 4 && q[-1] == 's' && strncmp (q - 4, "\xE2\x80\x99", 3) == 0);
      w.digit = g_ascii_isdigit (*p);
      {
        gboolean ascii = TRUE;

        for (const char *r = p; r < q; r++)
          ascii &= (guchar) *r < 0x80;
        if (ascii)
          {
            /* The common case, without allocating. */
            w.cap = g_ascii_isupper (*p);
            w.alpha = TRUE;
            if ((gsize) (q - p) < sizeof w.lower)
              for (gsize k = 0; k < (gsize) (q - p); k++)
                w.lower[k] = g_ascii_tolower (p[k]);
            for (const char *r = p; r < q; r++)
              w.alpha &= g_ascii_isalpha (*r) || *r == '\'' || *r == '-';
          }
        else if (g_utf8_validate_len (p, q - p, NULL))
          {
            g_autofree char *down = g_utf8_strdown (p, q - p);

            n = strlen (down);
            if (n < sizeof w.lower)
              memcpy (w.lower, down, n + 1);
            w.cap = g_unichar_isupper (g_utf8_get_char (p));
            w.alpha = TRUE;
            for (const char *r = p; r < q; r = g_utf8_next_char (r))
              {
                gunichar c = g_utf8_get_char (r);

                w.alpha &= g_unichar_isalpha (c) || c == '\'' || c == '-' || c == 0x2019;
              }
          }
        else if ((gsize) (q - p) < sizeof w.lower)
          {
            /* Not UTF-8 (the caller should have decoded it): ASCII folding
             * only, so the word never matches anything by accident. */
            for (gsize k = 0; k < (gsize) (q - p); k++)
              w.lower[k] = g_ascii_tolower (p[k]);
          }
      }
      if (possessive)
        w.alpha = FALSE;
      g_array_append_val (words, w);
      p = q;
    }
  return words;
}

#define WORD(words, i) (&g_array_index ((words), Word, (i)))

/* The longest sentence read for events, in bytes (prose stays far below). */
#define MAX_SENTENCE 4096

/* Two words stand next to each other with only one space between them. */
static gboolean
adjacent (const char *text,
          const Word *a,
          const Word *b)
{
  return b->start == a->end + 1 && text[a->end] == ' ';
}

static gboolean
has_newline (const char *text,
             gsize       from,
             gsize       to)
{
  return from < to && memchr (text + from, '\n', to - from) != NULL;
}

/* ---------------------------------------------------------------------- */
/* Dates                                                                   */

typedef enum
{
  GRAIN_DAY,
  GRAIN_MONTH,
  GRAIN_YEAR,
} Grain;

typedef struct
{
  gsize start;
  gsize end;
  char *date;
  char *date_end;
  guint32 first;
  guint32 last;
  Grain grain;
  gboolean used;
} DateSpan;

static void
date_span_clear (DateSpan *d)
{
  g_free (d->date);
  g_free (d->date_end);
}

static Grain
grain_of (const char *iso)
{
  gsize len = strlen (iso);

  return len == 10 ? GRAIN_DAY : len == 7 ? GRAIN_MONTH : GRAIN_YEAR;
}

static gboolean
date_span_set (DateSpan   *d,
               const char *date,
               const char *date_end)
{
  guint32 first, last, first_end, last_end;

  if (!tally_event_parse_iso_date (date, &first, &last))
    return FALSE;
  if (date_end != NULL && g_strcmp0 (date, date_end) != 0)
    {
      if (!tally_event_parse_iso_date (date_end, &first_end, &last_end) || last_end < first)
        return FALSE;
      last = last_end;
      d->date_end = g_strdup (date_end);
    }
  d->date = g_strdup (date);
  d->first = first;
  d->last = last;
  d->grain = grain_of (date);
  return TRUE;
}

static char *
iso_from_julian (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* ---------------------------------------------------------------------- */
/* Mentions                                                                */

typedef struct
{
  guint doc;           /* index into finder->documents */
  gsize sentence_start;
  gsize sentence_end;
  gsize start;         /* the event words */
  gsize end;
  TallyEventKind kind;
  int ordinal;
  char *title;         /* "Third Baltic–Caspian Connectivity Summit" */
  char *series;        /* the title without its ordinal */
  char *of_label;      /* "Meeting of transport ministers" */
  char *bare_label;    /* "container terminal ready": a label whose
                        * indefinite subject its place names, once known */
  char *place;
  GPtrArray *participants;
  DateSpan *date;      /* borrowed until kept; NULL when undated */
  gboolean future;
  gboolean weak;       /* nothing but its date and kind says which event it is */
  gboolean verb;       /* found by its verb: kept only with a date */
  char *sentence;      /* the words of sentence_start..sentence_end */
} Mention;

static void
mention_free (Mention *m)
{
  g_free (m->title);
  g_free (m->series);
  g_free (m->of_label);
  g_free (m->bare_label);
  g_free (m->place);
  g_free (m->sentence);
  g_clear_pointer (&m->participants, g_ptr_array_unref);
  if (m->date)
    {
      date_span_clear (m->date);
      g_free (m->date);
    }
  g_free (m);
}

typedef struct
{
  char *id;
  guint32 published;   /* Julian day, 0 when unknown */
} Document;

static void
document_free (Document *d)
{
  g_free (d->id);
  g_free (d);
}

struct _TallyEventFinder
{
  char *language;
  EventLexicon *lex;
  GPtrArray *documents;  /* Document* */
  GPtrArray *mentions;   /* Mention* */
  GHashTable *excluded;  /* tally_event_mention_key() strings, or NULL */
};

TallyEventFinder *
tally_event_finder_new (const char  *language,
                        GError     **error)
{
  TallyEventFinder *finder;
  EventLexicon *lex;

  if (language == NULL)
    language = "en";
  lex = event_lexicon_load (language, error);
  if (lex == NULL)
    return NULL;
  finder = g_new0 (TallyEventFinder, 1);
  finder->language = g_strdup (language);
  finder->lex = lex;
  finder->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  finder->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) mention_free);
  return finder;
}

TallyEventFinder *
tally_event_finder_new_from_data (const char  *data,
                                  gsize        len,
                                  const char  *name,
                                  GError     **error)
{
  TallyEventFinder *finder;
  EventLexicon *lex = event_lexicon_parse (data, len, name, error);

  if (lex == NULL)
    return NULL;
  finder = g_new0 (TallyEventFinder, 1);
  finder->language = g_strdup ("en");
  finder->lex = lex;
  finder->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  finder->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) mention_free);
  return finder;
}

void
tally_event_finder_free (TallyEventFinder *finder)
{
  if (finder == NULL)
    return;
  g_free (finder->language);
  event_lexicon_free (finder->lex);
  g_ptr_array_unref (finder->documents);
  g_ptr_array_unref (finder->mentions);
  g_clear_pointer (&finder->excluded, g_hash_table_unref);
  g_free (finder);
}

static gboolean
is_gathering (const EventLexicon *lex,
              TallyEventKind      kind)
{
  return g_hash_table_contains (lex->gathering, GUINT_TO_POINTER (kind + 1));
}

static int
lookup_int (GHashTable *table,
            const Word *w)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (table, w->lower));
}

/* Does a phrase of `phrases` start at word i? Returns its length in words. */
static guint
match_phrase (GPtrArray *phrases,
              GArray    *words,
              guint      i)
{
  for (guint p = 0; p < phrases->len; p++)
    {
      char **parts = g_ptr_array_index (phrases, p);
      guint n = 0;

      while (parts[n] != NULL && i + n < words->len && strcmp (parts[n], WORD (words, i + n)->lower) == 0)
        n++;
      if (parts[n] == NULL)
        return n;
    }
  return 0;
}

static char *
slice (const char *text,
       gsize       start,
       gsize       end)
{
  return g_strndup (text + start, end - start);
}

/* "The Third Baltic–Caspian Connectivity Summit": capitalised words right
 * before a capitalised noun, a leading "The" left out. Returns the index of
 * the first title word, or `noun` when there is no title. */
static guint
title_start (const char *text,
             GArray     *words,
             guint       noun)
{
  guint first = noun;

  if (!WORD (words, noun)->cap)
    return noun;
  while (first > 0)
    {
      const Word *prev = WORD (words, first - 1);

      if (!adjacent (text, prev, WORD (words, first)) || !prev->cap || prev->digit
          || strcmp (prev->lower, "the") == 0)
        break;
      first--;
    }
  return first;
}

static void
capitalise_first (char *s)
{
  if (s != NULL && g_ascii_islower (s[0]))
    s[0] = g_ascii_toupper (s[0]);
}

/* "in Aktau", "held in the Kazakh port of Aktau", between word `from` and
 * byte `limit`. */
static char *
find_place (const EventLexicon *lex,
            const char         *text,
            GArray             *words,
            guint               from,
            gsize               limit)
{
  guint between = 0;

  for (guint i = from; i + 1 < words->len && WORD (words, i + 1)->end <= limit; i++)
    {
      guint j = i + 1;
      guint last;

      /* The place follows the event closely ("wrapped up in Aktau", "will be
       * held in 2028 in Tallinn"); a place further on is someone else's. */
      if (!g_hash_table_contains (lex->place_preps, WORD (words, i)->lower))
        {
          if (!WORD (words, i)->digit && !g_hash_table_contains (lex->not_place, WORD (words, i)->lower)
              && ++between > 4)
            return NULL;
          continue;
        }
      if (strcmp (WORD (words, j)->lower, "the") == 0)
        {
          guint k;

          for (k = j + 1; k < words->len && k < j + 6; k++)
            if (strcmp (WORD (words, k)->lower, "of") == 0)
              break;
          if (k + 1 >= words->len || k >= j + 6 || !WORD (words, k + 1)->cap)
            continue;
          j = k + 1;
        }
      if (!WORD (words, j)->cap || !WORD (words, j)->alpha
          || g_hash_table_contains (lex->not_place, WORD (words, j)->lower)
          || has_newline (text, WORD (words, i)->end, WORD (words, j)->start))
        continue;
      last = j;
      while (last + 1 < words->len && WORD (words, last + 1)->cap && WORD (words, last + 1)->alpha
             && adjacent (text, WORD (words, last), WORD (words, last + 1))
             && !g_hash_table_contains (lex->not_place, WORD (words, last + 1)->lower))
        last++;
      return slice (text, WORD (words, j)->start, WORD (words, last)->end);
    }
  return NULL;
}

/* "the leaders of Kazakhstan, Azerbaijan and Georgia": two or more
 * capitalised names after a participants phrase and "of". */
static GPtrArray *
find_participants (const EventLexicon *lex,
                   const char         *text,
                   GArray             *words)
{
  for (guint i = 0; i < words->len; i++)
    {
      guint n = match_phrase (lex->participants, words, i);
      g_autoptr(GPtrArray) names = NULL;
      guint j;

      if (n == 0 || i + n >= words->len || strcmp (WORD (words, i + n)->lower, "of") != 0)
        continue;
      names = g_ptr_array_new_with_free_func (g_free);
      for (j = i + n + 1; j < words->len; j++)
        {
          const Word *w = WORD (words, j);

          if (strcmp (w->lower, "and") == 0 && names->len > 0)
            continue;
          if (!w->cap || !w->alpha)
            break;
          g_ptr_array_add (names, slice (text, w->start, w->end));
          if (j + 1 < words->len)
            {
              const char *gap = text + w->end;
              gsize gap_len = WORD (words, j + 1)->start - w->end;

              /* A list goes on after ", " or " and "; anything else ends it. */
              if (!((gap_len == 2 && strncmp (gap, ", ", 2) == 0)
                    || (gap_len == 1 && gap[0] == ' ' && strcmp (WORD (words, j + 1)->lower, "and") == 0)))
                break;
            }
        }
      if (names->len >= 2)
        return g_steal_pointer (&names);
    }
  return NULL;
}

static gboolean
future_between (const EventLexicon *lex,
                GArray             *words,
                gsize               from,
                gsize               to)
{
  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = WORD (words, i);

      if (w->start < from)
        continue;
      if (w->end > to)
        break;
      if (match_phrase (lex->future, words, i) > 0)
        return TRUE;
    }
  return FALSE;
}

/* Dates the claim extractor found in this sentence, "2026 and 2027" joined
 * into one range, then weekdays and seasons read here. */
static GArray *
sentence_dates (const EventLexicon *lex,
                const char         *text,
                GArray             *words,
                GPtrArray          *claims,
                guint              *claim_pos,
                gsize               s_start,
                gsize               s_end,
                guint32             published)
{
  GArray *dates = g_array_new (FALSE, TRUE, sizeof (DateSpan));

  g_array_set_clear_func (dates, (GDestroyNotify) date_span_clear);
  while (*claim_pos < claims->len)
    {
      const TallyClaimRecord *c = g_ptr_array_index (claims, *claim_pos);
      DateSpan d = { 0 };
      g_autofree char *year_text = NULL;
      const char *value;

      if (c->start >= s_end)
        break;
      (*claim_pos)++;
      if (c->start < s_start
          || (c->kind != TALLY_CLAIM_KIND_DATE && c->kind != TALLY_CLAIM_KIND_YEAR)
          || !c->has_value)
        continue;
      value = c->value_text;
      if (value == NULL)
        value = year_text = g_strdup_printf ("%04d", (int) c->value);
      d.start = c->start;
      d.end = c->end;
      if (!date_span_set (&d, value, c->value_max_text))
        {
          date_span_clear (&d);
          continue;
        }
      /* "2026 and 2027": two year claims that are one period. */
      if (dates->len > 0 && d.grain == GRAIN_YEAR && d.date_end == NULL)
        {
          DateSpan *prev = &g_array_index (dates, DateSpan, dates->len - 1);
          gsize gap = d.start - prev->end;

          if (prev->grain == GRAIN_YEAR && prev->date_end == NULL && gap == 5
              && strncmp (text + prev->end, " and ", 5) == 0 && d.first > prev->last)
            {
              prev->date_end = g_strdup (d.date);
              prev->last = d.last;
              prev->end = d.end;
              date_span_clear (&d);
              continue;
            }
        }
      g_array_append_val (dates, d);
    }

  if (published == 0)
    return dates;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = WORD (words, i);
      int weekday = lookup_int (lex->weekdays, w);
      int season = lookup_int (lex->seasons, w);
      gboolean future;
      DateSpan d = { 0 };
      gboolean covered = FALSE;

      if (weekday == 0 && season == 0)
        continue;
      future = future_between (lex, words, s_start, w->start);
      for (guint k = 0; k < dates->len; k++)
        if (w->start >= g_array_index (dates, DateSpan, k).start && w->end <= g_array_index (dates, DateSpan, k).end)
          covered = TRUE;
      if (covered)
        continue;
      d.start = w->start;
      d.end = w->end;
      if (weekday != 0)
        {
          GDate date;
          int delta;

          /* Past tense: the last such day on or before publication; future:
           * the next one on or after it. */
          g_date_clear (&date, 1);
          g_date_set_julian (&date, published);
          delta = weekday - (int) g_date_get_weekday (&date);
          if (future)
            delta = (delta + 7) % 7;
          else
            delta = -((7 - delta) % 7);
          d.first = d.last = published + delta;
          d.date = iso_from_julian (d.first);
          d.grain = GRAIN_DAY;
        }
      else
        {
          GDate date;
          int first_month = season / 100, last_month = season % 100;
          int year, month;
          int end_year;
          g_autofree char *a = NULL, *b = NULL;

          if (i == 0 || !(strcmp (WORD (words, i - 1)->lower, "the") == 0
                          || strcmp (WORD (words, i - 1)->lower, "this") == 0
                          || strcmp (WORD (words, i - 1)->lower, "in") == 0
                          || strcmp (WORD (words, i - 1)->lower, "next") == 0))
            continue;
          g_date_clear (&date, 1);
          g_date_set_julian (&date, published);
          year = g_date_get_year (&date);
          month = g_date_get_month (&date);
          /* The season still to come when the article speaks of the future,
           * the one last begun when it speaks of the past. */
          if (first_month <= last_month)
            {
              if (future && month > last_month)
                year++;
              else if (!future && month < first_month)
                year--;
            }
          else if (month <= last_month || (!future && month < first_month))
            year--;
          end_year = last_month < first_month ? year + 1 : year;
          a = g_strdup_printf ("%04d-%02d", year, first_month);
          b = g_strdup_printf ("%04d-%02d", end_year, last_month);
          if (!date_span_set (&d, a, b))
            continue;
        }
      g_array_append_val (dates, d);
    }
  return dates;
}

static gboolean
word_in (GHashTable *set,
         GArray     *words,
         int         i)
{
  return i >= 0 && (guint) i < words->len && g_hash_table_contains (set, WORD (words, i)->lower);
}

/* "…adding a container terminal on land reclaimed from the sea, which its
 * operator says will be ready": the subject of a relative clause is the
 * noun phrase it hangs on: the object before the comma, not the nouns of
 * the prepositional phrases that follow it ("the sea"). `k` is the word
 * before the verb and its auxiliaries. */
static gboolean
relative_antecedent (const EventLexicon *lex,
                     const char         *text,
                     GArray             *words,
                     int                 k,
                     int                *first,
                     int                *last)
{
  int rel = -1, end, det = -1;

  if (word_in (lex->relatives, words, k))
    rel = k;
  else if (word_in (lex->reporting, words, k))
    {
      /* "which its operator says": a short reporting clause in between. */
      for (int j = k - 1; j >= 0 && k - j <= 4; j--)
        {
          if (!adjacent (text, WORD (words, j), WORD (words, j + 1)))
            return FALSE;
          if (word_in (lex->relatives, words, j))
            {
              rel = j;
              break;
            }
        }
    }
  if (rel <= 0)
    return FALSE;
  end = rel - 1;
  if (!adjacent (text, WORD (words, end), WORD (words, rel))
      && !(WORD (words, rel)->start == WORD (words, end)->end + 2 && text[WORD (words, end)->end] == ','))
    return FALSE;
  for (int j = end; j >= 0 && end - j < 12; j--)
    {
      const Word *w = WORD (words, j);

      if (j < end && !adjacent (text, w, WORD (words, j + 1)))
        break;
      if ((strcmp (w->lower, "the") == 0 || g_hash_table_contains (lex->indefinite, w->lower))
          && !word_in (lex->prepositions, words, j - 1))
        {
          det = j;
          break;
        }
    }
  if (det < 0)
    return FALSE;
  *first = det + 1;
  *last = det;
  while (*last + 1 <= end && !word_in (lex->prepositions, words, *last + 1) && !WORD (words, *last + 1)->digit
         && !word_in (lex->subject_stops, words, *last + 1))
    (*last)++;
  /* Keep "the": "Opening of the terminal"; "a" is dropped below. */
  if (strcmp (WORD (words, det)->lower, "the") == 0)
    *first = det;
  return *last >= det + 1;
}

/* "foreign ministers met", "the agreements, signed": the subject is the
 * words before the verb (auxiliaries skipped), back to a clause word. */
static Mention *
verb_mention (const EventLexicon *lex,
              const char         *text,
              GArray             *words,
              guint               verb,
              guint              *first_word)
{
  const char *spec = g_hash_table_lookup (lex->verbs, WORD (words, verb)->lower);
  g_auto(GStrv) parts = g_strsplit (spec, "|", 3);
  g_autofree char *subject = NULL;
  TallyEventKind kind;
  Mention *m;
  int k = (int) verb - 1;
  int first, last;
  gboolean indefinite = FALSE;

  /* "figures published by the secretariat" describe a thing, "ready to
   * sign" is willingness: the words the pattern names after the verb rule
   * the event out. */
  if (parts[1] != NULL && parts[2] != NULL && verb + 1 < words->len)
    {
      g_auto(GStrv) not_after = g_strsplit (parts[2], " ", -1);

      if (g_strv_contains ((const char * const *) not_after, WORD (words, verb + 1)->lower))
        return NULL;
    }
  while (k >= 0 && g_hash_table_contains (lex->auxiliaries, WORD (words, k)->lower)
         && adjacent (text, WORD (words, k), WORD (words, k + 1)))
    k--;
  if (k < 0)
    return NULL;
  if (relative_antecedent (lex, text, words, k, &first, &last))
    indefinite = strcmp (WORD (words, first)->lower, "the") != 0;
  else
    {
      /* "The agreements, signed on …": one comma before the verb is allowed. */
      if (!adjacent (text, WORD (words, k), WORD (words, k + 1))
          && !(WORD (words, k + 1)->start == WORD (words, k)->end + 2 && text[WORD (words, k)->end] == ','
               && (guint) k + 1 == verb))
        return NULL;
      last = k;
      first = k + 1;
      while (k >= 0 && last - k < 7)
        {
          const Word *w = WORD (words, k);

          if (w->digit || g_hash_table_contains (lex->subject_stops, w->lower)
              || (k < last && !adjacent (text, w, WORD (words, k + 1))))
            break;
          first = k--;
        }
      /* "80% of the agreements": a preposition does not open a subject. */
      while (first <= last && strcmp (WORD (words, first)->lower, "of") == 0)
        first++;
    }
  if (first > last || WORD (words, last)->digit)
    return NULL;
  if (!tally_event_kind_from_string (parts[0], &kind))
    return NULL;
  subject = slice (text, WORD (words, first)->start, WORD (words, last)->end);
  if (strcmp (WORD (words, first)->lower, "the") == 0)
    subject[0] = 't';
  m = g_new0 (Mention, 1);
  m->kind = kind;
  m->verb = TRUE;
  {
    const char *hole = strchr (parts[1], '%');
    const char *mark = "";

    /* %p: "ministers’", "the president’s". */
    if (hole[1] == 'p')
      mark = g_str_has_suffix (subject, "s") ? "’" : "’s";
    m->of_label = g_strdup_printf ("%.*s%s%s%s", (int) (hole - parts[1]), parts[1], subject, mark, hole + 2);
    /* "a container terminal … ready" is named by where it is: "Aktau
     * container terminal ready", when the place is found. */
    if (indefinite && hole == parts[1])
      m->bare_label = g_strdup (m->of_label);
  }
  capitalise_first (m->of_label);
  *first_word = first;
  return m;
}

typedef struct
{
  guint word;          /* first event word */
  guint noun;          /* the event noun (last event word) */
  Mention *m;
} Found;

static void
find_nouns (TallyEventFinder *finder,
            const char       *text,
            GArray           *words,
            GArray           *found)
{
  const EventLexicon *lex = finder->lex;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = WORD (words, i);
      Found f = { 0 };
      guint kind1;

      /* "Years of Cultural Exchange" */
      if (w->cap && i + 2 < words->len)
        {
          char key[2 * sizeof w->lower + 1];

          g_snprintf (key, sizeof key, "%s %s", w->lower, WORD (words, i + 1)->lower);

          kind1 = GPOINTER_TO_UINT (g_hash_table_lookup (lex->period_titles, key));
          if (kind1 != 0 && WORD (words, i + 2)->cap)
            {
              guint last = i + 2;

              while (last + 1 < words->len && WORD (words, last + 1)->cap
                     && adjacent (text, WORD (words, last), WORD (words, last + 1)))
                last++;
              f.m = g_new0 (Mention, 1);
              f.m->kind = kind1 - 1;
              f.m->title = slice (text, w->start, WORD (words, last)->end);
              f.word = i;
              f.noun = last;
              g_array_append_val (found, f);
              i = last;
              continue;
            }
        }

      kind1 = GPOINTER_TO_UINT (g_hash_table_lookup (lex->nouns, w->lower));
      if (kind1 != 0)
        {
          guint first;

          if (i + 1 < words->len && g_hash_table_contains (lex->not_before, WORD (words, i + 1)->lower)
              && adjacent (text, w, WORD (words, i + 1)))
            continue;
          f.m = g_new0 (Mention, 1);
          f.m->kind = kind1 - 1;
          f.noun = i;
          first = title_start (text, words, i);
          f.word = first;
          if (first < i)
            {
              int ordinal = lookup_int (lex->ordinals, WORD (words, first));

              f.m->title = slice (text, WORD (words, first)->start, w->end);
              if (ordinal > 0 && first + 1 < i)
                {
                  f.m->ordinal = ordinal;
                  f.m->series = slice (text, WORD (words, first + 1)->start, w->end);
                }
              else if (first > 0 && adjacent (text, WORD (words, first - 1), WORD (words, first))
                       && (ordinal = lookup_int (lex->ordinals, WORD (words, first - 1))) > 0)
                {
                  /* "the second China–Central Asia Summit" */
                  const char *word = g_hash_table_lookup (lex->ordinal_words, GINT_TO_POINTER (ordinal));

                  f.m->ordinal = ordinal;
                  f.m->series = g_steal_pointer (&f.m->title);
                  f.m->title = g_strdup_printf ("%s %s", word, f.m->series);
                  capitalise_first (f.m->title);
                  f.word = first - 1;
                }
            }
          else if (i > 0 && adjacent (text, WORD (words, i - 1), w))
            {
              const Word *prev = WORD (words, i - 1);
              int ordinal = lookup_int (lex->ordinals, prev);

              if (ordinal > 0)
                {
                  f.m->ordinal = ordinal;
                  f.word = i - 1;
                }
              else if (prev->cap && prev->alpha && !g_hash_table_contains (lex->not_place, prev->lower)
                       && (i < 2 || !WORD (words, i - 2)->cap || !adjacent (text, WORD (words, i - 2), prev)
                           || strcmp (WORD (words, i - 2)->lower, "the") == 0))
                {
                  /* "the Baku summit" */
                  f.m->place = slice (text, prev->start, prev->end);
                  f.word = i - 1;
                }
            }
          /* "a meeting of transport ministers" */
          if (f.m->title == NULL && f.m->ordinal == 0 && i + 2 < words->len
              && strcmp (WORD (words, i + 1)->lower, "of") == 0 && !WORD (words, i + 2)->cap)
            {
              guint last = i + 1;

              while (last + 1 < words->len && last < i + 5 && !WORD (words, last + 1)->cap
                     && !WORD (words, last + 1)->digit
                     && adjacent (text, WORD (words, last), WORD (words, last + 1))
                     && !g_hash_table_contains (lex->place_preps, WORD (words, last + 1)->lower)
                     && !g_hash_table_contains (lex->auxiliaries, WORD (words, last + 1)->lower)
                     && match_phrase (lex->future, words, last + 1) == 0
                     && strcmp (WORD (words, last + 1)->lower, "to") != 0
                     && strcmp (WORD (words, last + 1)->lower, "on") != 0
                     && strcmp (WORD (words, last + 1)->lower, "for") != 0
                     && strcmp (WORD (words, last + 1)->lower, "with") != 0
                     && strcmp (WORD (words, last + 1)->lower, "by") != 0
                     && strcmp (WORD (words, last + 1)->lower, "that") != 0
                     && strcmp (WORD (words, last + 1)->lower, "where") != 0)
                last++;
              if (last > i + 1)
                {
                  f.m->of_label = slice (text, w->start, WORD (words, last)->end);
                  capitalise_first (f.m->of_label);
                }
            }
          g_array_append_val (found, f);
          continue;
        }

      if (g_hash_table_contains (lex->verbs, w->lower))
        {
          Mention *m = verb_mention (lex, text, words, i, &f.word);

          /* "The Second … Forum opened": the named event keeps the date; "the
           * memorandum on …, signed": the verb names the event better than a
           * bare noun does. */
          if (m != NULL && found->len > 0)
            {
              Found *prev = &g_array_index (found, Found, found->len - 1);

              if (prev->noun >= f.word && prev->noun < i)
                {
                  if (prev->m->title != NULL || prev->m->ordinal > 0 || prev->m->place != NULL)
                    {
                      mention_free (m);
                      m = NULL;
                    }
                  else
                    {
                      mention_free (prev->m);
                      g_array_set_size (found, found->len - 1);
                    }
                }
            }
          if (m != NULL)
            {
              f.m = m;
              f.noun = i;
              g_array_append_val (found, f);
            }
          continue;
        }

      /* "the first summit …, and the second in Baku": an ordinal standing for
       * the noun of the event before it. */
      if (found->len > 0 && i > 0 && i + 1 < words->len
          && (strcmp (WORD (words, i - 1)->lower, "the") == 0 || strcmp (WORD (words, i - 1)->lower, "its") == 0))
        {
          int ordinal = lookup_int (lex->ordinals, w);
          const Word *next = WORD (words, i + 1);

          if (ordinal > 0 && ((g_hash_table_contains (lex->place_preps, next->lower)
                               && i + 2 < words->len && (WORD (words, i + 2)->cap || WORD (words, i + 2)->digit))
                              || text[w->end] == ','))
            {
              const Found *prev = &g_array_index (found, Found, found->len - 1);

              if (prev->m->ordinal == 0)
                continue;
              f.m = g_new0 (Mention, 1);
              f.m->kind = prev->m->kind;
              f.m->ordinal = ordinal;
              f.word = f.noun = i;
              g_array_append_val (found, f);
            }
        }
    }
}

/* Which date speaks of which event: a date right before an event's words
 * ("declared 2026–2027 the Years of …") goes to it; any other goes to the
 * nearest event before it on the same line, or, when it opens the sentence,
 * to the first event. */
static void
assign_dates (const char *text,
              GArray     *words,
              GArray     *found,
              GArray     *dates)
{
  for (guint k = 0; k < dates->len; k++)
    {
      DateSpan *d = &g_array_index (dates, DateSpan, k);

      for (guint f = 0; f < found->len; f++)
        {
          Found *fd = &g_array_index (found, Found, f);
          gsize start = WORD (words, fd->word)->start;

          if (fd->m->date == NULL && start >= d->end
              && ((start - d->end == 1 && text[d->end] == ' ')
                  || (start - d->end == 5 && g_ascii_strncasecmp (text + d->end, " the ", 5) == 0)))
            {
              fd->m->date = g_memdup2 (d, sizeof *d);
              d->used = TRUE;
              break;
            }
        }
    }

  for (guint k = 0; k < dates->len; k++)
    {
      DateSpan *d = &g_array_index (dates, DateSpan, k);
      Found *best = NULL;

      if (d->used)
        continue;
      for (guint f = 0; f < found->len; f++)
        {
          Found *fd = &g_array_index (found, Found, f);
          gsize end = WORD (words, fd->noun)->end;

          if (end <= d->start && d->start - end <= 100 && !has_newline (text, end, d->start))
            best = fd;
        }
      if (best == NULL && found->len > 0 && words->len > 3 && d->start <= WORD (words, 2)->start)
        best = &g_array_index (found, Found, 0);
      /* "laid in April, when foreign ministers met": a date shortly before
       * the first event of its sentence. */
      if (best == NULL && found->len > 0)
        {
          Found *first = &g_array_index (found, Found, 0);
          gsize start = WORD (words, first->word)->start;

          if (start >= d->end && start - d->end <= 12 && !has_newline (text, d->end, start))
            best = first;
        }
      if (best != NULL && best->m->date == NULL)
        {
          best->m->date = g_memdup2 (d, sizeof *d);
          d->used = TRUE;
        }
    }

  /* The mentions now own the strings of the dates they took. */
  for (guint k = 0; k < dates->len; k++)
    {
      DateSpan *d = &g_array_index (dates, DateSpan, k);

      if (d->used)
        d->date = d->date_end = NULL;
    }
}

/* "Aktau, the region's second-largest port, is …": the name an apposition
 * gives to a place noun, so that "the port" later in the article is Aktau. */
static void
note_appositions (const EventLexicon *lex,
                  const char         *text,
                  GArray             *words,
                  GHashTable         *referents)
{
  for (guint i = 0; i + 2 < words->len; i++)
    {
      const Word *name = WORD (words, i);
      const Word *the = WORD (words, i + 1);

      if (!name->cap || !name->alpha || g_hash_table_contains (lex->not_place, name->lower)
          || strcmp (the->lower, "the") != 0 || the->start != name->end + 2 || text[name->end] != ',')
        continue;
      for (guint j = i + 2; j < words->len && j < i + 7; j++)
        {
          const Word *w = WORD (words, j);

          if (!adjacent (text, WORD (words, j - 1), w))
            break;
          if (g_hash_table_contains (lex->place_nouns, w->lower) && text[w->end] == ',')
            {
              g_hash_table_insert (referents, g_strdup (w->lower), slice (text, name->start, name->end));
              break;
            }
        }
    }
}

/* "The port … is adding a terminal": the place a sentence's subject names,
 * when it is a place noun an earlier apposition named. */
static char *
subject_place (const char *text,
               GArray     *words,
               GHashTable *referents)
{
  const char *name;

  if (words->len < 2 || strcmp (WORD (words, 0)->lower, "the") != 0
      || !adjacent (text, WORD (words, 0), WORD (words, 1)))
    return NULL;
  name = g_hash_table_lookup (referents, WORD (words, 1)->lower);
  return g_strdup (name);
}

static guint32
julian_of_published (const char *published)
{
  guint32 first, last;
  char buf[11];

  if (published == NULL || strlen (published) < 10)
    return 0;
  memcpy (buf, published, 10);
  buf[10] = '\0';
  if (!tally_event_parse_iso_date (buf, &first, &last))
    return 0;
  return first;
}

void
tally_event_finder_set_excluded (TallyEventFinder *finder,
                                 GHashTable       *keys)
{
  g_return_if_fail (finder != NULL);

  if (keys != NULL)
    g_hash_table_ref (keys);
  g_clear_pointer (&finder->excluded, g_hash_table_unref);
  finder->excluded = keys;
}

char *
tally_event_mention_key (const char *document_id,
                         gsize       start,
                         gsize       end)
{
  return g_strdup_printf ("%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT, document_id, start, end);
}

static gboolean
is_excluded (TallyEventFinder *finder,
             const char       *document_id,
             gsize             start,
             gsize             end)
{
  g_autofree char *key = NULL;

  if (finder->excluded == NULL || g_hash_table_size (finder->excluded) == 0)
    return FALSE;
  key = tally_event_mention_key (document_id, start, end);
  return g_hash_table_contains (finder->excluded, key);
}

guint
tally_event_finder_add_document (TallyEventFinder *finder,
                                 const char       *document_id,
                                 const char       *text,
                                 gsize             len,
                                 const char       *published)
{
  const EventLexicon *lex = finder->lex;
  TallyExtractOptions options;
  g_autoptr(GPtrArray) claims = NULL;
  Document *doc = g_new0 (Document, 1);
  guint doc_index = finder->documents->len;
  g_autofree char *copy = NULL;
  g_autoptr(GHashTable) referents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint claim_pos = 0;
  guint count = 0;
  gsize pos = 0, s_start, s_end;

  g_return_val_if_fail (finder != NULL, 0);
  g_return_val_if_fail (text != NULL || len == 0, 0);

  /* A NUL-terminated copy while we read; afterwards only the sentences of
   * mentions are kept, so memory follows the events, not the corpus. */
  copy = g_strndup (text, len);
  text = copy;
  doc->id = g_strdup (document_id);
  doc->published = julian_of_published (published);
  g_ptr_array_add (finder->documents, doc);

  tally_extract_options_init (&options);
  options.language = finder->language;
  if (published != NULL)
    tally_extract_options_set_reference_date (&options, published);
  claims = tally_extract_claims (text, len, &options);

  while (tally_next_sentence (text, len, &pos, &s_start, &s_end))
    {
      g_autoptr(GArray) words = NULL;
      g_autoptr(GArray) found = NULL;
      g_autoptr(GArray) dates = NULL;
      g_autoptr(GPtrArray) participants = NULL;

      /* Not prose (a table, a run-on list, generated junk): the per-sentence
       * matching below is quadratic in the worst case, so leave it out. */
      if (s_end - s_start > MAX_SENTENCE)
        {
          g_debug ("%s: skipping a %" G_GSIZE_FORMAT "-byte sentence at %" G_GSIZE_FORMAT,
                   document_id, s_end - s_start, s_start);
          while (claim_pos < claims->len
                 && ((TallyClaimRecord *) g_ptr_array_index (claims, claim_pos))->start < s_end)
            claim_pos++;
          continue;
        }
      words = split_words (text, s_start, s_end);
      found = g_array_new (FALSE, TRUE, sizeof (Found));
      note_appositions (lex, text, words, referents);

      find_nouns (finder, text, words, found);
      if (found->len == 0)
        {
          /* No event here: step over the sentence's claims. */
          while (claim_pos < claims->len
                 && ((TallyClaimRecord *) g_ptr_array_index (claims, claim_pos))->start < s_end)
            claim_pos++;
          continue;
        }
      dates = sentence_dates (lex, text, words, claims, &claim_pos, s_start, s_end, doc->published);
      assign_dates (text, words, found, dates);
      participants = find_participants (lex, text, words);

      for (guint f = 0; f < found->len; f++)
        {
          Found *fd = &g_array_index (found, Found, f);
          Mention *m = fd->m;
          gsize clause_start = f > 0 ? WORD (words, g_array_index (found, Found, f - 1).noun)->end : s_start;
          gsize limit = f + 1 < found->len ? WORD (words, g_array_index (found, Found, f + 1).word)->start : s_end;

          limit = MIN (limit, WORD (words, fd->noun)->end + 80);
          m->doc = doc_index;
          m->sentence_start = s_start;
          m->sentence_end = s_end;
          m->sentence = slice (text, s_start, s_end);
          m->start = WORD (words, fd->word)->start;
          m->end = WORD (words, fd->noun)->end;
          if (m->place == NULL)
            m->place = find_place (lex, text, words, fd->noun + 1, limit);
          /* Only things a verb names: a gathering's place is where it met,
           * said with "in", not whatever the sentence is about. */
          if (m->place == NULL && m->verb)
            m->place = subject_place (text, words, referents);
          if (m->place != NULL && m->bare_label != NULL)
            {
              g_free (m->of_label);
              m->of_label = g_strdup_printf ("%s %s", m->place, m->bare_label);
            }
          m->future = future_between (lex, words, clause_start, limit);
          if (participants != NULL && is_gathering (lex, m->kind))
            m->participants = g_ptr_array_ref (participants);
          m->weak = m->title == NULL && m->ordinal == 0 && m->of_label == NULL && m->place == NULL;
          if ((m->verb && m->date == NULL) || is_excluded (finder, doc->id, s_start, s_end))
            {
              mention_free (m);
              fd->m = NULL;
              continue;
            }
          g_ptr_array_add (finder->mentions, m);
          fd->m = NULL;
          count++;
        }
    }
  return count;
}

/* ---------------------------------------------------------------------- */
/* Merging                                                                 */

static guint
uf_find (guint *parent,
         guint  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

static void
uf_union (guint *parent,
          guint  a,
          guint  b)
{
  a = uf_find (parent, a);
  b = uf_find (parent, b);
  if (a != b)
    parent[MAX (a, b)] = MIN (a, b);
}

/* Keys ignore case and the kind of dash: "China–Central Asia" (en dash)
 * and "China-Central Asia" are one name. */
static char *
fold_key (const char *prefix,
          const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *key = g_string_new (prefix);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2212)
        g_string_append_c (key, '-');
      else
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static void
link_key (GHashTable *keys,
          guint      *parent,
          guint       i,
          char       *key)
{
  gpointer other;

  if (g_hash_table_lookup_extended (keys, key, NULL, &other))
    {
      uf_union (parent, i, GPOINTER_TO_UINT (other));
      g_free (key);
    }
  else
    g_hash_table_insert (keys, key, GUINT_TO_POINTER (i));
}

static int
compare_quality (gconstpointer a,
                 gconstpointer b)
{
  const Mention *ma = *(Mention * const *) a;
  const Mention *mb = *(Mention * const *) b;

  /* Finer dates first; for the same grain, the wider span ("16–17 June"
   * before "17 June"); then document order. */
  if (ma->date->grain != mb->date->grain)
    return (int) ma->date->grain - (int) mb->date->grain;
  if (ma->date->last - ma->date->first != mb->date->last - mb->date->first)
    return (mb->date->last - mb->date->first) > (ma->date->last - ma->date->first) ? 1 : -1;
  if (ma->doc != mb->doc)
    return (int) ma->doc - (int) mb->doc;
  return ma->start < mb->start ? -1 : ma->start > mb->start;
}

static void
add_unique (GPtrArray  *array,
            const char *str)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), str) == 0)
      return;
  g_ptr_array_add (array, g_strdup (str));
}

/* The string given most often (the first of them on a tie). */
static const char *
most_common (GPtrArray *values)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < values->len; i++)
    {
      const char *v = g_ptr_array_index (values, i);
      guint count;

      if (v == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, v)) + 1;
      g_hash_table_insert (counts, (gpointer) v, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best = v;
          best_count = count;
        }
    }
  /* On a tie the first to reach the count wins, which is not always the
   * first given: look again for the first with the best count. */
  for (guint i = 0; best != NULL && i < values->len; i++)
    {
      const char *v = g_ptr_array_index (values, i);

      if (v != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (counts, v)) == best_count)
        return v;
    }
  return best;
}

static TallyEventRecord *
build_event (TallyEventFinder *finder,
             GPtrArray        *group,
             GHashTable       *series)
{
  const EventLexicon *lex = finder->lex;
  g_autoptr(TallyEventRecord) record = tally_event_record_new ();
  g_autoptr(GPtrArray) dated = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  g_autoptr(GPtrArray) of_labels = g_ptr_array_new ();
  guint kind_count[TALLY_EVENT_N_KINDS] = { 0 };
  guint32 latest_published = 0;
  gboolean any_future = FALSE;
  gboolean all_weak = TRUE;
  int ordinal = 0;
  const TallyEventAlternative *chosen;
  gsize last_doc = G_MAXSIZE, last_sentence = G_MAXSIZE;

  for (guint i = 0; i < group->len; i++)
    {
      Mention *m = g_ptr_array_index (group, i);
      Document *doc = g_ptr_array_index (finder->documents, m->doc);

      if (m->date)
        g_ptr_array_add (dated, m);
      all_weak &= m->weak;
      kind_count[m->kind] += m->weak ? 1 : 2;
      g_ptr_array_add (titles, m->title);
      g_ptr_array_add (places, m->place);
      g_ptr_array_add (of_labels, m->of_label);
      if (m->ordinal && !ordinal)
        ordinal = m->ordinal;
      latest_published = MAX (latest_published, doc->published);
      any_future |= m->future && m->date != NULL;
      if (m->participants)
        for (guint p = 0; p < m->participants->len; p++)
          add_unique (record->participants, g_ptr_array_index (m->participants, p));

      /* One mention per sentence, however often the sentence names it. */
      if (m->doc == last_doc && m->sentence_start == last_sentence)
        continue;
      last_doc = m->doc;
      last_sentence = m->sentence_start;
      {
        TallyEventMention *em = tally_event_mention_new ();

        em->document = g_strdup (doc->id);
        em->start = m->sentence_start;
        em->end = m->sentence_end;
        em->text = g_strdup (m->sentence);
        if (m->date)
          {
            em->date = g_strdup (m->date->date);
            em->date_end = g_strdup (m->date->date_end);
          }
        g_ptr_array_add (record->mentions, em);
      }
    }
  if (dated->len == 0 || all_weak)
    return NULL;

  for (guint k = 1; k < TALLY_EVENT_N_KINDS; k++)
    if (kind_count[k] > kind_count[record->kind])
      record->kind = k;

  /* Alternatives: dates that can all be true (one inside the other) are one. */
  g_ptr_array_sort (dated, compare_quality);
  {
    g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
    g_autoptr(GHashTable) alt_of = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < dated->len; i++)
      {
        Mention *m = g_ptr_array_index (dated, i);
        TallyEventAlternative *alt = NULL;
        guint a;

        for (a = 0; a < record->alternatives->len; a++)
          {
            TallyEventAlternative *x = g_ptr_array_index (record->alternatives, a);

            if ((m->date->first >= x->first_day && m->date->last <= x->last_day)
                || (x->first_day >= m->date->first && x->last_day <= m->date->last))
              {
                alt = x;
                break;
              }
          }
        if (alt == NULL)
          {
            guint zero = 0;

            alt = tally_event_alternative_new ();
            alt->date = g_strdup (m->date->date);
            alt->date_end = g_strdup (m->date->date_end);
            alt->first_day = m->date->first;
            alt->last_day = m->date->last;
            g_ptr_array_add (record->alternatives, alt);
            g_array_append_val (counts, zero);
          }
        g_hash_table_insert (alt_of, m, alt);
        g_array_index (counts, guint, a) += 1;
      }

    /* Each alternative's sources in document order; the count is sources. */
    for (guint i = 0; i < group->len; i++)
      {
        Mention *m = g_ptr_array_index (group, i);
        TallyEventAlternative *alt = g_hash_table_lookup (alt_of, m);

        if (alt != NULL)
          add_unique (alt->documents, ((Document *) g_ptr_array_index (finder->documents, m->doc))->id);
      }
    for (guint a = 0; a < record->alternatives->len; a++)
      g_array_index (counts, guint, a) = ((TallyEventAlternative *) g_ptr_array_index (record->alternatives, a))->documents->len;

    /* The date most sources give comes first. */
    for (guint a = 1; a < record->alternatives->len; a++)
      if (g_array_index (counts, guint, a) > g_array_index (counts, guint, 0))
        {
          guint count = g_array_index (counts, guint, a);
          gpointer alt = record->alternatives->pdata[a];

          g_array_index (counts, guint, a) = g_array_index (counts, guint, 0);
          g_array_index (counts, guint, 0) = count;
          record->alternatives->pdata[a] = record->alternatives->pdata[0];
          record->alternatives->pdata[0] = alt;
        }
  }

  chosen = g_ptr_array_index (record->alternatives, 0);
  record->date = g_strdup (chosen->date);
  record->date_end = g_strdup (chosen->date_end);
  record->first_day = chosen->first_day;
  record->last_day = chosen->last_day;
  record->disputed = record->alternatives->len > 1;
  if (chosen->date_end != NULL)
    record->precision = TALLY_EVENT_PRECISION_RANGE;
  else
    record->precision = (TallyEventPrecision) grain_of (chosen->date);
  record->planned = (latest_published != 0 && record->first_day > latest_published)
                    || (latest_published == 0 && any_future);
  record->place = g_strdup (most_common (places));

  /* The label: a title the sources use; else the ordinal with the series
   * name other titles give ("Fourth" + "Baltic–Caspian Connectivity
   * Summit"); else "Meeting of transport ministers"; else the noun. */
  if (most_common (titles) != NULL)
    record->label = g_strdup (most_common (titles));
  else if (ordinal > 0)
    {
      const char *word = g_hash_table_lookup (lex->ordinal_words, GINT_TO_POINTER (ordinal));
      const char *name = g_hash_table_lookup (series, GUINT_TO_POINTER (record->kind + 1));

      if (name != NULL)
        record->label = g_strdup_printf ("%s %s", word, name);
      else if (record->place != NULL)
        record->label = g_strdup_printf ("%s %s in %s", word, tally_event_kind_to_string (record->kind), record->place);
      else
        record->label = g_strdup_printf ("%s %s", word, tally_event_kind_to_string (record->kind));
    }
  else if (most_common (of_labels) != NULL)
    record->label = g_strdup (most_common (of_labels));
  else if (record->place != NULL)
    record->label = g_strdup_printf ("%s in %s", tally_event_kind_to_string (record->kind), record->place);
  else
    record->label = g_strdup (tally_event_kind_to_string (record->kind));
  capitalise_first (record->label);

  return g_steal_pointer (&record);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const TallyEventRecord *ea = *(TallyEventRecord * const *) a;
  const TallyEventRecord *eb = *(TallyEventRecord * const *) b;

  if (ea->first_day != eb->first_day)
    return ea->first_day < eb->first_day ? -1 : 1;
  return g_strcmp0 (ea->label, eb->label);
}

static gboolean
share_document (const TallyEventRecord *a,
                const TallyEventRecord *b)
{
  for (guint i = 0; i < a->mentions->len; i++)
    for (guint j = 0; j < b->mentions->len; j++)
      if (g_strcmp0 (((TallyEventMention *) g_ptr_array_index (a->mentions, i))->document,
                     ((TallyEventMention *) g_ptr_array_index (b->mentions, j))->document) == 0)
        return TRUE;
  return FALSE;
}

/* "The agreements, signed on June 17" in an article about the summit held
 * in Aktau on 16–17 June were signed in Aktau. */
static void
inherit_places (const EventLexicon *lex,
                GPtrArray          *events)
{
  for (guint i = 0; i < events->len; i++)
    {
      TallyEventRecord *e = g_ptr_array_index (events, i);

      if (e->place != NULL || is_gathering (lex, e->kind))
        continue;
      for (guint j = 0; j < events->len; j++)
        {
          const TallyEventRecord *g = g_ptr_array_index (events, j);

          if (g->place != NULL && is_gathering (lex, g->kind) && !g->disputed
              && e->first_day >= g->first_day && e->last_day <= g->last_day && share_document (e, g))
            {
              e->place = g_strdup (g->place);
              break;
            }
        }
    }
}

static gboolean
overlaps (const Mention *a,
          const Mention *b)
{
  return a->date && b->date && a->date->first <= b->date->last && b->date->first <= a->date->last;
}

static int
compare_mention_first (gconstpointer a,
                       gconstpointer b,
                       gpointer      data)
{
  GPtrArray *mentions = data;
  const Mention *ma = g_ptr_array_index (mentions, *(const guint *) a);
  const Mention *mb = g_ptr_array_index (mentions, *(const guint *) b);

  return ma->date->first < mb->date->first ? -1 : ma->date->first > mb->date->first;
}

GPtrArray *
tally_event_finder_finish (TallyEventFinder *finder)
{
  const EventLexicon *lex = finder->lex;
  guint n = finder->mentions->len;
  g_autofree guint *parent = g_new (guint, MAX (n, 1));
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) series = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) series_votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_event_record_free);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < n; i++)
    parent[i] = i;

  /* Mentions sharing a key are one event: the same ordinal of the same kind,
   * the same title, the same place for a gathering. */
  for (guint i = 0; i < n; i++)
    {
      Mention *m = g_ptr_array_index (finder->mentions, i);
      gboolean gathering = is_gathering (lex, m->kind);

      if (m->ordinal > 0)
        link_key (keys, parent, i, g_strdup_printf ("o:%u:%d", gathering ? 0 : m->kind + 1, m->ordinal));
      if (m->title != NULL && m->ordinal == 0)
        link_key (keys, parent, i, fold_key ("t:", m->title));
      if (m->of_label != NULL)
        link_key (keys, parent, i, fold_key ("t:", m->of_label));
      if (m->place != NULL && gathering)
        link_key (keys, parent, i, fold_key ("p:", m->place));
      if (m->series != NULL)
        {
          g_autofree char *key = g_strdup_printf ("%u:%s", m->kind + 1, m->series);
          guint votes = GPOINTER_TO_UINT (g_hash_table_lookup (series_votes, key)) + 1;

          g_hash_table_replace (series_votes, g_steal_pointer (&key), GUINT_TO_POINTER (votes));
        }
    }

  /* A bare "the two-day meeting on 16–17 June" joins a named gathering its
   * date falls within: named gatherings sorted by first day, searched by
   * bisection, then a few candidates either side. */
  {
    g_autoptr(GPtrArray) named = g_ptr_array_new ();
    g_autoptr(GArray) named_index = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint j = 0; j < n; j++)
      {
        Mention *o = g_ptr_array_index (finder->mentions, j);

        if (!o->weak && o->date != NULL && is_gathering (lex, o->kind))
          g_array_append_val (named_index, j);
      }
    g_array_sort_with_data (named_index, compare_mention_first, finder->mentions);
    for (guint i = 0; i < n; i++)
      {
        Mention *m = g_ptr_array_index (finder->mentions, i);
        guint lo = 0, hi = named_index->len;

        if (!m->weak || m->date == NULL || !is_gathering (lex, m->kind))
          continue;
        /* The first named mention that starts after this one ends. */
        while (lo < hi)
          {
            guint mid = (lo + hi) / 2;
            Mention *o = g_ptr_array_index (finder->mentions, g_array_index (named_index, guint, mid));

            if (o->date->first <= m->date->last)
              lo = mid + 1;
            else
              hi = mid;
          }
        for (guint k = lo; k > 0 && lo - k < 64; k--)
          {
            guint j = g_array_index (named_index, guint, k - 1);

            if (overlaps (m, g_ptr_array_index (finder->mentions, j)))
              {
                uf_union (parent, i, j);
                break;
              }
          }
      }
  }

  /* A bare "the summit" with no date speaks of the gathering its article
   * names most (unless it looks ahead: "the next meeting"). Only a named
   * gathering ("the Third … Summit") counts: ordinals are history an
   * article recalls. */
  {
    g_autoptr(GHashTable) votes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
    g_autoptr(GHashTable) winner = g_hash_table_new (NULL, NULL);
    GHashTableIter vi;
    gpointer doc, table;

    for (guint j = 0; j < n; j++)
      {
        Mention *o = g_ptr_array_index (finder->mentions, j);
        GHashTable *doc_votes;
        guint r;

        if (o->weak || o->title == NULL || !is_gathering (lex, o->kind))
          continue;
        doc_votes = g_hash_table_lookup (votes, GUINT_TO_POINTER (o->doc));
        if (doc_votes == NULL)
          {
            doc_votes = g_hash_table_new (NULL, NULL);
            g_hash_table_insert (votes, GUINT_TO_POINTER (o->doc), doc_votes);
          }
        r = uf_find (parent, j);
        g_hash_table_insert (doc_votes, GUINT_TO_POINTER (r),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (doc_votes, GUINT_TO_POINTER (r))) + 1));
      }
    g_hash_table_iter_init (&vi, votes);
    while (g_hash_table_iter_next (&vi, &doc, &table))
      {
        GHashTableIter ti;
        gpointer root, count;
        guint best = G_MAXUINT, best_votes = 0;
        gboolean tie = FALSE;

        g_hash_table_iter_init (&ti, table);
        while (g_hash_table_iter_next (&ti, &root, &count))
          {
            if (GPOINTER_TO_UINT (count) > best_votes)
              {
                best = GPOINTER_TO_UINT (root);
                best_votes = GPOINTER_TO_UINT (count);
                tie = FALSE;
              }
            else if (GPOINTER_TO_UINT (count) == best_votes)
              tie = TRUE;
          }
        if (!tie)
          g_hash_table_insert (winner, doc, GUINT_TO_POINTER (best + 1));
      }
    for (guint i = 0; i < n; i++)
      {
        Mention *m = g_ptr_array_index (finder->mentions, i);
        guint best;

        if (!m->weak || m->date != NULL || m->future || !is_gathering (lex, m->kind))
          continue;
        best = GPOINTER_TO_UINT (g_hash_table_lookup (winner, GUINT_TO_POINTER (m->doc)));
        if (best != 0)
          uf_union (parent, i, best - 1);
      }
  }

  /* The series name for each kind: the one most ordinal titles use. */
  g_hash_table_iter_init (&iter, series_votes);
  {
    gpointer key;
    guint best[TALLY_EVENT_N_KINDS] = { 0 };

    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        guint kind1 = (guint) atoi (key);
        const char *name = strchr (key, ':') + 1;

        if (kind1 - 1 < TALLY_EVENT_N_KINDS && GPOINTER_TO_UINT (value) > best[kind1 - 1])
          {
            best[kind1 - 1] = GPOINTER_TO_UINT (value);
            g_hash_table_replace (series, GUINT_TO_POINTER (kind1), g_strdup (name));
          }
      }
  }

  for (guint i = 0; i < n; i++)
    {
      guint root = uf_find (parent, i);
      GPtrArray *group = g_hash_table_lookup (groups, GUINT_TO_POINTER (root));

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, GUINT_TO_POINTER (root), group);
        }
      g_ptr_array_add (group, g_ptr_array_index (finder->mentions, i));
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      TallyEventRecord *record = build_event (finder, value, series);

      if (record != NULL)
        g_ptr_array_add (events, record);
    }
  inherit_places (lex, events);
  g_ptr_array_sort (events, compare_events);
  for (guint i = 0; i < events->len; i++)
    {
      TallyEventRecord *record = g_ptr_array_index (events, i);
      record->id = g_strdup_printf ("e%u", i + 1);
    }
  return events;
}

char *
tally_events_guess_published (const char *text,
                              gsize       len)
{
  g_autoptr(GPtrArray) claims = NULL;
  gsize head = MIN (len, 400);

  claims = tally_extract_claims (text, head, NULL);
  for (guint i = 0; i < claims->len; i++)
    {
      const TallyClaimRecord *c = g_ptr_array_index (claims, i);

      if (c->kind == TALLY_CLAIM_KIND_DATE && c->has_value && c->value_text != NULL
          && strlen (c->value_text) == 10 && c->value_max_text == NULL)
        return g_strdup (c->value_text);
    }
  return NULL;
}
