/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally-events-private.h"
#include "tally-gazetteer.h"
#include "tally-stories.h"
#include "tally-union-find.h"

/* ---------------------------------------------------------------------- */
/* Merging                                                                 */

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
      tally_union_find_unite (parent, i, GPOINTER_TO_UINT (other));
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

/* What a label calls an event of this kind: "summit", "court hearing". */
static const char *
kind_noun (const EventLexicon *lex,
           TallyEventKind      kind)
{
  const char *noun = g_hash_table_lookup (lex->kind_nouns, GUINT_TO_POINTER (kind + 1));

  return noun != NULL ? noun : tally_event_kind_to_string (kind);
}

static gboolean
kind_names_place (const EventLexicon *lex,
                  TallyEventKind      kind)
{
  return g_hash_table_contains (lex->label_kind_place, tally_event_kind_to_string (kind));
}

/* The interface's language as a primary subtag ("ru"); "en" in the C
 * locale. Interned. */
static const char *
interface_language (void)
{
  const char *name = g_get_language_names ()[0];
  gsize n = strcspn (name, "_.@-");

  g_autofree char *primary = g_ascii_strdown (name, n);

  if (n == 0 || g_str_equal (primary, "c") || g_str_equal (primary, "posix"))
    return g_intern_static_string ("en");
  return g_intern_string (primary);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static inline const char *
mention_language (TallyEventFinder *finder,
                  const Mention    *m)
{
  return m->language != NULL ? m->language : finder->own_language;
}

/* A mention's place as `language` writes it in the nominative: the
 * gazetteer's name for the place it names ("в Москву" → "Москва"), else as
 * written. */
static const char *
place_in (TallyEventFinder *finder,
          const Mention    *m,
          const char       *language)
{
  const char *subject = m->place_id;
  const char *name;

  if (m->place == NULL)
    return NULL;
  /* A name the gazetteer has as written is a nominative already
   * ("Britain", "维尔纽斯"): kept as the source wrote it. */
  if (mention_language (finder, m) == language
      && tally_gazetteer_lookup (tally_gazetteer_get (language), m->place, -1, NULL) != NULL)
    return m->place;
  if (mention_language (finder, m) == language && g_str_equal (language, "en"))
    return m->place;
  if (subject == NULL)
    subject = tally_events_place_subject (mention_language (finder, m), m->place);
  name = subject != NULL ? tally_gazetteer_name_of (tally_gazetteer_get (language), subject) : NULL;
  if (name != NULL)
    return name;
  return mention_language (finder, m) == language ? m->place : NULL;
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
  const char *ui = interface_language ();
  const char *label_language = NULL;
  const char *label_place = NULL;
  g_autoptr(GPtrArray) languages = g_ptr_array_new ();

  /* The label is in the interface's language when a source in it names the
   * event, else in the finder's own, else in the first source's. */
  for (guint i = 0; i < group->len; i++)
    {
      const Mention *m = g_ptr_array_index (group, i);
      const char *lang = mention_language (finder, m);

      if (m->title == NULL && m->of_label == NULL && m->place == NULL)
        continue;
      if (!g_ptr_array_find (languages, lang, NULL))
        g_ptr_array_add (languages, (gpointer) lang);
      if (lang == ui || (lang == finder->own_language && label_language != ui) || label_language == NULL)
        label_language = lang;
    }
  if (label_language == NULL)
    label_language = finder->own_language;

  for (guint i = 0; i < group->len; i++)
    {
      Mention *m = g_ptr_array_index (group, i);
      Document *doc = g_ptr_array_index (finder->documents, m->doc);
      gboolean named_here = mention_language (finder, m) == label_language;

      if (m->date)
        g_ptr_array_add (dated, m);
      all_weak &= m->weak;
      kind_count[m->kind] += m->weak ? 1 : 2;
      g_ptr_array_add (titles, named_here ? m->title : NULL);
      g_ptr_array_add (places, named_here ? (gpointer) place_in (finder, m, label_language) : NULL);
      g_ptr_array_add (of_labels, named_here ? m->of_label : NULL);
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
        em->language = g_strdup (mention_language (finder, m));
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
  /* A date a report gives an act only by its own day ("The US committed
   * $17.5 million" in a report of Thursday's opening) yields to a date a
   * source writes: it makes no dispute. */
  {
    gboolean own = FALSE;

    for (guint i = 0; i < dated->len; i++)
      own |= !((Mention *) g_ptr_array_index (dated, i))->context_dated;
    for (guint i = dated->len; own && i-- > 0;)
      if (((Mention *) g_ptr_array_index (dated, i))->context_dated)
        g_ptr_array_remove_index (dated, i);
  }

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
  /* "in the 1970s": a decade, and a historical anchor unless a gathering
   * was held then. */
  if (chosen->date_end != NULL && strlen (chosen->date) == 4 && strlen (chosen->date_end) == 4
      && chosen->date[3] == '0' && atoi (chosen->date_end) == atoi (chosen->date) + 9)
    {
      record->precision = TALLY_EVENT_PRECISION_DECADE;
      if (!tally_events_is_gathering (lex, record->kind))
        record->kind = TALLY_EVENT_KIND_ANCHOR;
    }
  /* The year is inferred when no source of the chosen date wrote it. */
  record->year_inferred = TRUE;
  for (guint i = 0; i < dated->len; i++)
    {
      Mention *m = g_ptr_array_index (dated, i);

      if (m->date->first >= chosen->first_day && m->date->last <= chosen->last_day && !m->date->inferred)
        record->year_inferred = FALSE;
    }
  record->planned = (latest_published != 0 && record->first_day > latest_published)
                    || (latest_published == 0 && any_future);
  record->place = g_strdup (most_common (places));
  /* The label's words are the finder's language's: so is its place. */
  {
    g_autoptr(GPtrArray) own = g_ptr_array_new ();

    for (guint i = 0; i < group->len; i++)
      g_ptr_array_add (own, (gpointer) place_in (finder, g_ptr_array_index (group, i), finder->own_language));
    label_place = most_common (own) != NULL ? most_common (own) : record->place;
  }

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
        record->label = g_strdup_printf ("%s %s %s %s", word, kind_noun (lex, record->kind),
                                         lex->place_joiner ? lex->place_joiner : "–", label_place);
      else
        record->label = g_strdup_printf ("%s %s", word, kind_noun (lex, record->kind));
    }
  else if (most_common (of_labels) != NULL)
    record->label = g_strdup (most_common (of_labels));
  /* "Summit in Baku" names a gathering; "Launch in Europe" names nothing. */
  else if (record->place != NULL && kind_names_place (lex, record->kind))
    record->label = g_strdup_printf ("%s %s %s", kind_noun (lex, record->kind),
                                     lex->place_joiner ? lex->place_joiner : "–", label_place);
  else if (record->place != NULL)
    return NULL;
  else
    record->label = g_strdup (kind_noun (lex, record->kind));
  capitalise_first (record->label);

  /* A name an analyst would not write is not shown: the kind and place say
   * what the sources say, or the event is left out. */
  if (tally_events_label_is_broken (lex, finder->words_lex, record->label))
    {
      g_debug ("event name “%s” is broken", record->label);
      g_clear_pointer (&record->label, g_free);
      if (record->place == NULL || !kind_names_place (lex, record->kind))
        return NULL;
      record->label = g_strdup_printf ("%s %s %s", kind_noun (lex, record->kind),
                                       lex->place_joiner ? lex->place_joiner : "–", label_place);
      capitalise_first (record->label);
      if (tally_events_label_is_broken (lex, finder->words_lex, record->label))
        return NULL;
    }

  /* The label in every language a source names the event in. */
  for (guint l = 0; l < languages->len; l++)
    {
      const char *lang = g_ptr_array_index (languages, l);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      const char *name;

      if (lang == label_language)
        name = record->label;
      else
        {
          for (guint i = 0; i < group->len; i++)
            {
              const Mention *m = g_ptr_array_index (group, i);

              if (mention_language (finder, m) == lang)
                g_ptr_array_add (names, m->title ? m->title : m->of_label);
            }
          name = most_common (names);
        }
      if (name != NULL)
        {
          g_ptr_array_add (record->labels, g_strdup (lang));
          g_ptr_array_add (record->labels, g_strdup (name));
        }
    }
  if (languages->len == 0)
    {
      g_ptr_array_add (record->labels, g_strdup (label_language));
      g_ptr_array_add (record->labels, g_strdup (record->label));
    }
  /* The place in every language of its sources: one place, each language's
   * name for it (a place the gazetteer does not know, as written there). */
  if (record->place != NULL)
    {
      g_autoptr(GPtrArray) langs = g_ptr_array_new ();

      for (guint i = 0; i < group->len; i++)
        {
          const char *lang = mention_language (finder, g_ptr_array_index (group, i));

          if (!g_ptr_array_find (langs, lang, NULL))
            g_ptr_array_add (langs, (gpointer) lang);
        }
      g_ptr_array_sort (langs, compare_strings);
      for (guint l = 0; l < langs->len; l++)
        {
          const char *lang = g_ptr_array_index (langs, l);
          g_autoptr(GPtrArray) names = g_ptr_array_new ();
          const char *name;

          if (lang == label_language)
            name = record->place;
          else
            {
              for (guint i = 0; i < group->len; i++)
                g_ptr_array_add (names, (gpointer) place_in (finder, g_ptr_array_index (group, i), lang));
              name = most_common (names);
            }
          if (name != NULL)
            {
              g_ptr_array_add (record->places, g_strdup (lang));
              g_ptr_array_add (record->places, g_strdup (name));
            }
        }
    }
  /* Sorted by language, as pairs. */
  {
    guint n = record->labels->len / 2;
    g_autofree char **pairs = g_new (char *, 2 * n);

    memcpy (pairs, record->labels->pdata, 2 * n * sizeof (char *));
    for (guint a = 1; a < n; a++)
      for (guint b = a; b > 0 && strcmp (pairs[2 * b - 2], pairs[2 * b]) > 0; b--)
        {
          char *l = pairs[2 * b], *v = pairs[2 * b + 1];

          pairs[2 * b] = pairs[2 * b - 2];
          pairs[2 * b + 1] = pairs[2 * b - 1];
          pairs[2 * b - 2] = l;
          pairs[2 * b - 1] = v;
        }
    memcpy (record->labels->pdata, pairs, 2 * n * sizeof (char *));
  }

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

      if (e->place != NULL || tally_events_is_gathering (lex, e->kind))
        continue;
      for (guint j = 0; j < events->len; j++)
        {
          const TallyEventRecord *g = g_ptr_array_index (events, j);

          if (g->place != NULL && tally_events_is_gathering (lex, g->kind) && !g->disputed
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

/* Does a word of one label, one a reader would look for (a name, or a
 * lower-case word of four letters or more that is not a function word),
 * stand in the other? "The bridge collapses", "Collapse of the Key
 * Bridge". */
static gboolean
share_content_word (TallyEventFinder *finder,
                    const char       *a,
                    const char       *b)
{
  g_autoptr(GArray) wa = NULL, wb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  wa = tally_events_split_words (finder->words_lex, a, 0, strlen (a));
  wb = tally_events_split_words (finder->words_lex, b, 0, strlen (b));
  for (guint i = 0; i < wa->len; i++)
    {
      const Word *x = WORD (wa, i);

      /* "$12 million" and "$3 million" name two amounts, not one act. */
      if (x->digit || strlen (x->lower) < 4 || g_hash_table_contains (finder->lex->label_end_not, x->lower)
          || (x->lex != NULL && (x->lex->flags & (TALLY_LEX_NUMBER | TALLY_LEX_SCALE | TALLY_LEX_CURRENCY | TALLY_LEX_UNIT)))
          || g_hash_table_contains (finder->lex->prepositions, x->lower)
          || g_hash_table_contains (finder->lex->nouns, x->lower)
          || g_hash_table_contains (finder->lex->template_words, x->lower))
        continue;
      for (guint j = 0; j < wb->len; j++)
        if (strcmp (x->lower, WORD (wb, j)->lower) == 0)
          return TRUE;
    }
  return FALSE;
}

static const char *
mention_name (const Mention *m)
{
  return m->title ? m->title : m->of_label;
}

/* Which story each document tells (tally-stories.h, from its title, lead
 * and date): an event does not merge across unrelated stories ("the next
 * meeting" of one article is not another article's forum). */
static void
find_document_stories (TallyEventFinder *finder)
{
  guint n = finder->documents->len;
  g_autoptr(GArray) inputs = g_array_sized_new (FALSE, TRUE, sizeof (TallyStoryInput), n);
  g_autofree guint *story_of = g_new0 (guint, MAX (n, 1));
  g_autoptr(GPtrArray) stories = NULL;

  if (finder->leads != NULL)
    fflush (finder->leads);
  /* The leads written out are read only by the step across languages,
   * which runs when the documents' languages differ. */
  for (guint d = 1; d < n; d++)
    if (g_strcmp0 (((const Document *) g_ptr_array_index (finder->documents, d))->story_language,
                   ((const Document *) g_ptr_array_index (finder->documents, 0))->story_language) != 0)
      {
        tally_event_finder_read_leads (finder);
        break;
      }
  for (guint d = 0; d < n; d++)
    {
      const Document *doc = g_ptr_array_index (finder->documents, d);
      TallyStoryInput input = {
        .title = doc->title,
        .text = doc->lead,
        .text_len = doc->lead != NULL ? strlen (doc->lead) : 0,
        .published = doc->published_iso,
        .key = doc->id,
        .words = doc->words,
        .language = doc->story_language,
        .fingerprint = doc->fingerprint,
        .load_words = doc->spool != NULL ? tally_events_read_words : NULL,
        .load_data = (gpointer) doc,
      };

      g_array_append_val (inputs, input);
    }
  if (n > 1)
    stories = tally_find_stories ((const TallyStoryInput *) inputs->data, n, story_of);
  for (guint d = 0; d < n; d++)
    {
      Document *doc = g_ptr_array_index (finder->documents, d);

      doc->story = story_of[d];
      /* Read: not needed past here. */
      g_clear_pointer (&doc->lead, g_free);
      g_clear_pointer (&doc->words, tally_story_words_free);
      doc->spool = NULL;
    }
  g_clear_pointer (&finder->leads, fclose);
}

static inline guint
story_of (TallyEventFinder *finder,
          const Mention    *m)
{
  return ((const Document *) g_ptr_array_index (finder->documents, m->doc))->story;
}

/* Acts that are not gatherings (a collapse, a signing, an opening) told
 * twice: the same kind on overlapping dates a week or less wide is one act
 * when one document says both, or when their names share a word. Mentions
 * are sorted by first day and compared with the few that overlap them. */
static void
join_same_acts (TallyEventFinder *finder,
                guint            *parent)
{
  const EventLexicon *lex = finder->lex;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < finder->mentions->len; i++)
    {
      Mention *m = g_ptr_array_index (finder->mentions, i);

      if (m->date != NULL && !tally_events_is_gathering (lex, m->kind) && m->ordinal == 0
          && m->date->last - m->date->first <= 7)
        g_array_append_val (order, i);
    }
  g_array_sort_with_data (order, compare_mention_first, finder->mentions);
  for (guint a = 0; a < order->len; a++)
    {
      guint i = g_array_index (order, guint, a);
      Mention *m = g_ptr_array_index (finder->mentions, i);

      for (guint b = a + 1; b < order->len && b < a + 64; b++)
        {
          guint j = g_array_index (order, guint, b);
          Mention *o = g_ptr_array_index (finder->mentions, j);

          if (o->date->first > m->date->last)
            break;
          if (o->kind != m->kind || story_of (finder, o) != story_of (finder, m))
            continue;
          /* Two acts a report places on its own day only by telling
           * them are one only when their names share a word. */
          /* Two nouns of one kind a report places on its day ("members
           * made pledges …", "pledges to the fund") tell one act. */
          if ((o->doc == m->doc && ((!o->context_dated && !m->context_dated) || o->lead == m || m->lead == o
                                    || (!o->verb && !m->verb)))
              || share_content_word (finder, mention_name (m), mention_name (o)))
            tally_union_find_unite (parent, i, j);
        }
    }
}

/* The pattern file a document's language was read with. */
static const EventLexicon *
document_lexicon (TallyEventFinder *finder,
                  const Document   *doc)
{
  EventLexicon *lex = NULL;

  if (doc->read_language == NULL || doc->read_language == finder->own_language)
    return finder->own_lex;
  /* Documents found by another finder (tally_event_finder_add_part()) bring
   * a language this one has not loaded yet. */
  if (finder->lexicons == NULL)
    finder->lexicons = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) tally_events_lexicon_free);
  if (!g_hash_table_lookup_extended (finder->lexicons, doc->read_language, NULL, (gpointer *) &lex))
    {
      lex = tally_events_lexicon_load (doc->read_language, NULL);
      g_hash_table_insert (finder->lexicons, (gpointer) doc->read_language, lex);
    }
  return lex != NULL ? lex : finder->own_lex;
}

/* Whether the documents are in more than one language; if so, what each
 * one's title and lead name (gazetteer subjects), read now (the leads
 * written out are read back). */
static gboolean
find_document_subjects (TallyEventFinder *finder)
{
  const char *first = NULL;
  gboolean mixed = FALSE;

  for (guint d = 0; d < finder->documents->len; d++)
    {
      const Document *doc = g_ptr_array_index (finder->documents, d);
      const char *lang = doc->read_language != NULL ? doc->read_language : finder->own_language;

      if (first == NULL)
        first = lang;
      mixed |= lang != first;
    }
  if (!mixed)
    return FALSE;
  tally_event_finder_read_leads (finder);
  for (guint d = 0; d < finder->documents->len; d++)
    {
      Document *doc = g_ptr_array_index (finder->documents, d);
      const EventLexicon *saved = finder->lex;

      if (doc->subjects != NULL)
        continue;
      finder->lex = (EventLexicon *) document_lexicon (finder, doc);
      tally_events_note_subjects (finder, doc, doc->title);
      finder->lex = (EventLexicon *) saved;
    }
  return TRUE;
}

/* What the documents of each story name: the story's subjects (a story is
 * told in one language; its reports name more than any one of them). */
static GPtrArray *
story_subjects (TallyEventFinder *finder)
{
  GPtrArray *stories = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  for (guint d = 0; d < finder->documents->len; d++)
    {
      const Document *doc = g_ptr_array_index (finder->documents, d);

      while (stories->len <= doc->story)
        g_ptr_array_add (stories, g_hash_table_new (g_str_hash, g_str_equal));
      for (guint i = 0; doc->subjects != NULL && i < doc->subjects->len; i++)
        g_hash_table_add (stories->pdata[doc->story], doc->subjects->pdata[i]);
    }
  return stories;
}

static gboolean
share_subject (GPtrArray      *stories,
               const Document *a,
               const Document *b)
{
  GHashTable *sa = stories->pdata[a->story], *sb = stories->pdata[b->story];
  GHashTableIter iter;
  gpointer subject;

  g_hash_table_iter_init (&iter, sa);
  while (g_hash_table_iter_next (&iter, &subject, NULL))
    if (g_hash_table_contains (sb, subject))
      return TRUE;
  return FALSE;
}

static gboolean
nested (const Mention *a,
        const Mention *b)
{
  return (a->date->first >= b->date->first && a->date->last <= b->date->last)
         || (b->date->first >= a->date->first && b->date->last <= a->date->last);
}

/* The same event told in two languages: words cannot be compared, what the
 * languages share can. Two mentions in different languages, in stories
 * whose reports' titles and leads name a common country or city, are one event when
 * they are of one kind on dates one of which holds the other (a state visit
 * of 20–22 March and the arrival on the 20th), or when they are one kind of
 * gathering in one place (one id in the gazetteer) within a month: then
 * differing dates stay visible as a dispute. */
#define ACROSS_LANGUAGES_DAYS 30

static void
join_across_languages (TallyEventFinder *finder,
                       guint            *parent)
{
  const EventLexicon *lex = finder->lex;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) stories = story_subjects (finder);

  for (guint i = 0; i < finder->mentions->len; i++)
    {
      Mention *m = g_ptr_array_index (finder->mentions, i);

      if (m->date == NULL)
        continue;
      if (m->place_id == NULL && m->place != NULL)
        m->place_id = g_strdup (tally_events_place_subject (mention_language (finder, m), m->place));
      if (m->date->last - m->date->first <= 7 || (m->place_id != NULL && tally_events_is_gathering (lex, m->kind)))
        g_array_append_val (order, i);
    }
  g_array_sort_with_data (order, compare_mention_first, finder->mentions);
  for (guint a = 0; a < order->len; a++)
    {
      guint i = g_array_index (order, guint, a);
      Mention *m = g_ptr_array_index (finder->mentions, i);
      const Document *dm = g_ptr_array_index (finder->documents, m->doc);

      for (guint b = a + 1; b < order->len && b < a + 256; b++)
        {
          guint j = g_array_index (order, guint, b);
          Mention *o = g_ptr_array_index (finder->mentions, j);
          const Document *dn = g_ptr_array_index (finder->documents, o->doc);
          gboolean same_place;

          if (o->date->first > m->date->last + ACROSS_LANGUAGES_DAYS)
            break;
          if (o->kind != m->kind || mention_language (finder, o) == mention_language (finder, m)
              || !share_subject (stories, dm, dn))
            continue;
          same_place = m->place_id != NULL && o->place_id != NULL && g_str_equal (m->place_id, o->place_id)
                       && tally_events_is_gathering (lex, m->kind);
          if ((nested (m, o) && m->date->last - m->date->first <= 7 && o->date->last - o->date->first <= 7) || same_place)
            tally_union_find_unite (parent, i, j);
        }
    }
}

GPtrArray *
tally_event_finder_finish (TallyEventFinder *finder)
{
  const EventLexicon *lex;
  guint n = finder->mentions->len;
  g_autofree guint *parent = g_new (guint, MAX (n, 1));
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) labelled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) series = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) series_votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_event_record_free);
  GHashTableIter iter;
  gpointer value;
  gboolean mixed;

  /* Merging reads the finder's own language data. */
  tally_event_finder_set_document_language (finder, finder->own_language);
  lex = finder->lex;

  for (guint i = 0; i < n; i++)
    parent[i] = i;
  /* Before the stories: they let the documents' leads go. */
  mixed = find_document_subjects (finder);
  find_document_stories (finder);

  /* Mentions sharing a key are one event: the same ordinal of the same kind,
   * the same title, the same place for a gathering. */
  for (guint i = 0; i < n; i++)
    {
      Mention *m = g_ptr_array_index (finder->mentions, i);
      gboolean gathering = tally_events_is_gathering (lex, m->kind);

      guint story = story_of (finder, m);
      g_autofree char *t = g_strdup_printf ("%u:t:", story);
      g_autofree char *p = g_strdup_printf ("%u:p:", story);

      /* A name is one event wherever it is written ("the Third … Summit");
       * a description ("the second summit", "the Riga meeting", "Signing of
       * an agreement") only within its story. */
      if (m->ordinal > 0)
        link_key (keys, parent, i, g_strdup_printf ("%u:o:%u:%d", story, gathering ? 0 : m->kind + 1, m->ordinal));
      if (m->ordinal > 0 && m->series != NULL)
        {
          g_autofree char *o = g_strdup_printf ("o:%u:%d:", gathering ? 0 : m->kind + 1, m->ordinal);

          link_key (keys, parent, i, fold_key (o, m->series));
        }
      if (m->title != NULL && m->ordinal == 0)
        link_key (keys, parent, i, fold_key ("t:", m->title));
      if (m->of_label != NULL && m->title == NULL && m->ordinal == 0)
        {
          /* Linked below, date by date. */
          char *key = fold_key (t, m->of_label);
          GArray *same = g_hash_table_lookup (labelled, key);

          if (same == NULL)
            g_hash_table_insert (labelled, key, same = g_array_new (FALSE, FALSE, sizeof (guint)));
          else
            g_free (key);
          g_array_append_val (same, i);
        }
      else if (m->of_label != NULL)
        link_key (keys, parent, i, fold_key (t, m->of_label));
      if (m->place != NULL && gathering)
        link_key (keys, parent, i, fold_key (p, m->place));
      if (m->series != NULL)
        {
          g_autofree char *key = g_strdup_printf ("%u:%s", m->kind + 1, m->series);
          guint votes = GPOINTER_TO_UINT (g_hash_table_lookup (series_votes, key)) + 1;

          g_hash_table_replace (series_votes, g_steal_pointer (&key), GUINT_TO_POINTER (votes));
        }
    }

  /* The same description in one story is one event, but one article that
   * tells it twice on dates that cannot both be true ("lost contact on
   * Sunday", "last year … lost contact") tells two acts: only articles
   * disagree. */
  g_hash_table_iter_init (&iter, labelled);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *same = value;
      /* Each mention joins the first group whose dates it overlaps, else
       * the first group none of its article's mentions is in, else starts
       * one: `group_of` holds the first mention of each one's group. */
      g_autofree guint *group_of = g_new (guint, same->len);

      for (guint a = 0; a < same->len; a++)
        {
          guint i = g_array_index (same, guint, a);
          Mention *m = g_ptr_array_index (finder->mentions, i);
          guint chosen = a, open = a;

          group_of[a] = a;
          for (guint b = 0; b < a && b < 64; b++)
            {
              Mention *o = g_ptr_array_index (finder->mentions, g_array_index (same, guint, b));

              if (m->date == NULL || o->date == NULL || overlaps (m, o))
                {
                  chosen = group_of[b];
                  break;
                }
            }
          if (chosen == a)
            for (guint g = 0; g < a && g < 64 && open == a; g++)
              {
                gboolean has_doc = FALSE;

                if (group_of[g] != g)
                  continue;
                for (guint b = 0; b < a; b++)
                  if (group_of[b] == g
                      && ((Mention *) g_ptr_array_index (finder->mentions, g_array_index (same, guint, b)))->doc == m->doc)
                    has_doc = TRUE;
                if (!has_doc)
                  open = g;
              }
          if (chosen == a)
            chosen = open;
          group_of[a] = chosen;
          if (chosen != a)
            tally_union_find_unite (parent, i, g_array_index (same, guint, chosen));
        }
    }

  join_same_acts (finder, parent);
  if (mixed)
    join_across_languages (finder, parent);

  /* A bare "the two-day meeting on 16–17 June" joins a named gathering its
   * date falls within: named gatherings sorted by first day, searched by
   * bisection, then a few candidates either side. */
  {
    g_autoptr(GPtrArray) named = g_ptr_array_new ();
    g_autoptr(GArray) named_index = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint j = 0; j < n; j++)
      {
        Mention *o = g_ptr_array_index (finder->mentions, j);

        if ((o->title != NULL || o->ordinal > 0 || o->place != NULL) && o->date != NULL
            && tally_events_is_gathering (lex, o->kind))
          g_array_append_val (named_index, j);
      }
    g_array_sort_with_data (named_index, compare_mention_first, finder->mentions);
    for (guint i = 0; i < n; i++)
      {
        Mention *m = g_ptr_array_index (finder->mentions, i);
        guint lo = 0, hi = named_index->len;

        /* Also "last week's gathering of … leaders": a description, not a
         * name. */
        if (m->title != NULL || m->ordinal > 0 || m->place != NULL || m->date == NULL
            || !tally_events_is_gathering (lex, m->kind))
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

            if (overlaps (m, g_ptr_array_index (finder->mentions, j))
                && story_of (finder, m) == story_of (finder, g_ptr_array_index (finder->mentions, j)))
              {
                tally_union_find_unite (parent, i, j);
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

        if (o->weak || o->title == NULL || !tally_events_is_gathering (lex, o->kind))
          continue;
        doc_votes = g_hash_table_lookup (votes, GUINT_TO_POINTER (o->doc));
        if (doc_votes == NULL)
          {
            doc_votes = g_hash_table_new (NULL, NULL);
            g_hash_table_insert (votes, GUINT_TO_POINTER (o->doc), doc_votes);
          }
        r = tally_union_find_root (parent, j);
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

        if (m->date != NULL || m->future)
          continue;
        best = GPOINTER_TO_UINT (g_hash_table_lookup (winner, GUINT_TO_POINTER (m->doc)));
        /* "the treaty signed at the summit", "the summit's treaty": an act
         * of a kind done at gatherings, with no date of its own, in an
         * article about one gathering took place at it. */
        if (best != 0 && g_hash_table_contains (lex->at_gathering, GUINT_TO_POINTER (m->kind + 1)))
          m->at_gathering = best;
        if (!m->weak || !tally_events_is_gathering (lex, m->kind))
          continue;
        if (best != 0)
          tally_union_find_unite (parent, i, best - 1);
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
      guint root = tally_union_find_root (parent, i);
      GPtrArray *group = g_hash_table_lookup (groups, GUINT_TO_POINTER (root));

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, GUINT_TO_POINTER (root), group);
        }
      g_ptr_array_add (group, g_ptr_array_index (finder->mentions, i));
    }

  {
    g_autoptr(GHashTable) by_root = g_hash_table_new (NULL, NULL);
    g_autoptr(GHashTable) at = g_hash_table_new (NULL, NULL);  /* act record → gathering record */
    g_autoptr(GPtrArray) waiting = g_ptr_array_new ();
    gpointer key;

    g_hash_table_iter_init (&iter, groups);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        TallyEventRecord *record = build_event (finder, value, series);

        if (record != NULL)
          {
            g_ptr_array_add (events, record);
            g_hash_table_insert (by_root, key, record);
          }
        else
          g_ptr_array_add (waiting, value);
      }
    /* Undated acts at a gathering take its date (and below its place); the
     * same act at the same gathering told by several articles ("the treaty
     * of permanent good-neighbourliness") is one. */
    g_autoptr(GPtrArray) gatherings = g_ptr_array_new ();

    for (guint w = 0; w < waiting->len; w++)
      {
        GPtrArray *group = g_ptr_array_index (waiting, w);
        const TallyEventRecord *gathering = NULL;

        for (guint k = 0; k < group->len && gathering == NULL; k++)
          {
            Mention *m = g_ptr_array_index (group, k);

            if (m->at_gathering != 0)
              gathering = g_hash_table_lookup (by_root, GUINT_TO_POINTER (tally_union_find_root (parent, m->at_gathering - 1)));
          }
        g_ptr_array_add (gatherings, (gpointer) gathering);
      }
    for (guint w = 0; w < waiting->len; w++)
      {
        GPtrArray *group = g_ptr_array_index (waiting, w);

        if (gatherings->pdata[w] == NULL || group->len == 0)
          continue;
        for (guint v = w + 1; v < waiting->len; v++)
          {
            GPtrArray *other = g_ptr_array_index (waiting, v);
            Mention *a = g_ptr_array_index (group, 0);
            Mention *b;

            if (gatherings->pdata[v] != gatherings->pdata[w] || other->len == 0)
              continue;
            b = g_ptr_array_index (other, 0);
            if (a->kind == b->kind && share_content_word (finder, mention_name (a), mention_name (b)))
              {
                g_ptr_array_extend (group, other, NULL, NULL);
                g_ptr_array_set_size (other, 0);
              }
          }
      }
    for (guint w = 0; w < waiting->len; w++)
      {
        GPtrArray *group = g_ptr_array_index (waiting, w);
        const TallyEventRecord *gathering = gatherings->pdata[w];
        TallyEventRecord *record;

        if (gathering == NULL || group->len == 0)
          continue;
        for (guint k = 0; k < group->len; k++)
          {
            Mention *m = g_ptr_array_index (group, k);

            if (m->date != NULL)
              continue;
            m->date = g_new0 (DateSpan, 1);
            tally_events_date_span_set (m->date, gathering->date, gathering->date_end);
            m->date->inferred = gathering->year_inferred;
          }
        record = build_event (finder, group, series);
        if (record == NULL)
          continue;
        g_clear_pointer (&record->place, g_free);
        record->place = g_strdup (gathering->place);
        g_ptr_array_add (events, record);
        g_hash_table_insert (at, record, (gpointer) gathering);
      }
    inherit_places (lex, events);
    g_ptr_array_sort (events, compare_events);
    for (guint i = 0; i < events->len; i++)
      {
        TallyEventRecord *record = g_ptr_array_index (events, i);
        record->id = g_strdup_printf ("e%u", i + 1);
      }
    for (guint i = 0; i < events->len; i++)
      {
        TallyEventRecord *record = g_ptr_array_index (events, i);
        const TallyEventRecord *gathering = g_hash_table_lookup (at, record);

        if (gathering != NULL)
          {
            record->at_event = g_strdup (gathering->id);
            record->at_event_label = g_strdup (gathering->label);
          }
      }
  }
  return events;
}
