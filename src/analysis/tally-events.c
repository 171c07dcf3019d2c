/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tally-analysis-resources.h"
#include "tally-claims.h"
#include "tally-events.h"
#include "tally-events-private.h"
#include "tally-language.h"
#include "tally-story-anchors.h"

void
tally_events_mention_free (Mention *m)
{
  g_free (m->title);
  g_free (m->series);
  g_free (m->of_label);
  g_free (m->bare_label);
  g_free (m->place);
  g_free (m->place_label);
  g_free (m->sentence);
  g_free (m->place_id);
  g_clear_pointer (&m->participants, g_ptr_array_unref);
  if (m->date)
    {
      tally_events_date_span_clear (m->date);
      g_free (m->date);
    }
  g_free (m);
}

static void
document_free (Document *d)
{
  g_free (d->id);
  g_free (d->title);
  g_free (d->lead);
  tally_story_words_free (d->words);
  g_free (d->published_iso);
  g_clear_pointer (&d->subjects, g_ptr_array_unref);
  g_free (d);
}

TallyEventFinder *
tally_event_finder_new (const char  *language,
                        GError     **error)
{
  TallyEventFinder *finder;
  EventLexicon *lex;

  if (language == NULL)
    language = "en";
  lex = tally_events_lexicon_load (language, error);
  if (lex == NULL)
    return NULL;
  finder = g_new0 (TallyEventFinder, 1);
  finder->own_language = finder->language = g_intern_string (language);
  finder->own_lex = finder->lex = lex;
  finder->words_lex = tally_lexicon_get (language, NULL);
  finder->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  finder->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_events_mention_free);
  return finder;
}

TallyEventFinder *
tally_event_finder_new_from_data (const char  *data,
                                  gsize        len,
                                  const char  *name,
                                  GError     **error)
{
  TallyEventFinder *finder;
  EventLexicon *lex = tally_events_lexicon_parse (data, len, name, error);

  if (lex == NULL)
    return NULL;
  finder = g_new0 (TallyEventFinder, 1);
  finder->own_language = finder->language = g_intern_static_string ("en");
  finder->own_lex = finder->lex = lex;
  finder->words_lex = tally_lexicon_get ("en", NULL);
  finder->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  finder->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_events_mention_free);
  return finder;
}

void
tally_event_finder_free (TallyEventFinder *finder)
{
  if (finder == NULL)
    return;
  tally_events_lexicon_free (finder->own_lex);
  g_clear_pointer (&finder->lexicons, g_hash_table_unref);
  g_ptr_array_unref (finder->documents);
  g_ptr_array_unref (finder->mentions);
  g_clear_pointer (&finder->excluded, g_hash_table_unref);
  g_clear_pointer (&finder->leads, fclose);
  g_free (finder);
}

struct _TallyEventFinderPart
{
  GPtrArray *documents;  /* Document* */
  GPtrArray *mentions;   /* Mention*, `doc` indexing `documents` */
};

TallyEventFinderPart *
tally_event_finder_take_part (TallyEventFinder *finder)
{
  TallyEventFinderPart *part = g_new0 (TallyEventFinderPart, 1);

  g_return_val_if_fail (finder != NULL, NULL);
  part->documents = finder->documents;
  part->mentions = finder->mentions;
  finder->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  finder->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_events_mention_free);
  return part;
}

/* Moves a document's lead out of memory when only the steps across
 * languages read it again (the stories', and the subjects it names, read at
 * the merge when the documents are in several languages; its story words
 * and language are read: tally_event_finder_add_source()), and its story
 * words, which the stories read once. */
static void
spool_lead (TallyEventFinder *finder,
            Document         *doc)
{
  gsize len;

  if (doc->lead == NULL || doc->words == NULL || doc->story_language == NULL || finder->leads_failed)
    return;
  if (finder->leads == NULL)
    {
      g_autofree char *name = NULL;
      int fd = g_file_open_tmp ("tally-leads-XXXXXX", &name, NULL);

      if (fd >= 0)
        {
          g_unlink (name);
          finder->leads = fdopen (fd, "w+");
          if (finder->leads == NULL)
            close (fd);
        }
      if (finder->leads == NULL)
        {
          finder->leads_failed = TRUE;
          return;
        }
    }
  len = strlen (doc->lead);
  if (fwrite (doc->lead, 1, len, finder->leads) != len
      || !tally_story_words_write (doc->words, finder->leads))
    {
      /* Kept in memory, as are those after it. */
      finder->leads_failed = TRUE;
      return;
    }
  doc->fingerprint = tally_story_fingerprint (doc->title, doc->lead, len);
  doc->lead_at = finder->leads_size;
  doc->lead_len = len;
  doc->lead_spooled = TRUE;
  doc->words_at = doc->lead_at + len;
  doc->spool = finder->leads;
  finder->leads_size += len + tally_story_words_size (doc->words);
  g_clear_pointer (&doc->lead, g_free);
  g_clear_pointer (&doc->words, tally_story_words_free);
}

TallyStoryWords *
tally_events_read_words (gpointer document)
{
  Document *doc = document;
  TallyStoryWords *words = NULL;

  if (doc->spool != NULL && fseeko (doc->spool, (off_t) doc->words_at, SEEK_SET) == 0)
    words = tally_story_words_read (doc->spool);
  if (words == NULL)
    g_warning ("could not read back a document's words from the temporary file: %s", g_strerror (errno));
  return words;
}

void
tally_event_finder_read_leads (TallyEventFinder *finder)
{
  if (finder->leads == NULL)
    return;
  fflush (finder->leads);
  for (guint d = 0; d < finder->documents->len; d++)
    {
      Document *doc = g_ptr_array_index (finder->documents, d);

      if (!doc->lead_spooled)
        continue;
      doc->lead = g_malloc (doc->lead_len + 1);
      if (fseeko (finder->leads, (off_t) doc->lead_at, SEEK_SET) != 0
          || fread (doc->lead, 1, doc->lead_len, finder->leads) != doc->lead_len)
        {
          g_warning ("could not read back a lead from the temporary file: %s", g_strerror (errno));
          g_clear_pointer (&doc->lead, g_free);
          continue;
        }
      doc->lead[doc->lead_len] = '\0';
      doc->lead_spooled = FALSE;
    }
}

void
tally_event_finder_add_part (TallyEventFinder     *finder,
                             TallyEventFinderPart *part)
{
  guint offset;

  g_return_if_fail (finder != NULL && part != NULL);
  offset = finder->documents->len;
  /* The pointers move: the part's arrays no longer free them. */
  g_ptr_array_set_free_func (part->documents, NULL);
  g_ptr_array_set_free_func (part->mentions, NULL);
  for (guint d = 0; d < part->documents->len; d++)
    {
      spool_lead (finder, part->documents->pdata[d]);
      g_ptr_array_add (finder->documents, part->documents->pdata[d]);
    }
  for (guint m = 0; m < part->mentions->len; m++)
    {
      Mention *mention = part->mentions->pdata[m];

      mention->doc += offset;
      g_ptr_array_add (finder->mentions, mention);
    }
  tally_event_finder_part_free (part);
}

void
tally_event_finder_part_free (TallyEventFinderPart *part)
{
  if (part == NULL)
    return;
  g_ptr_array_unref (part->documents);
  g_ptr_array_unref (part->mentions);
  g_free (part);
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
tally_event_finder_set_document_language (TallyEventFinder *finder,
                                          const char       *language)
{
  const char *lang;
  EventLexicon *lex;

  g_return_if_fail (finder != NULL);
  /* Chinese has a claim reader and event patterns of its own, no claims
   * lexicon. */
  lang = g_intern_string (tally_claims_language_for (language));
  if (lang == finder->language)
    return;
  if (lang == finder->own_language || (tally_lexicon_get (lang, NULL) == NULL && !g_str_equal (lang, "zh")))
    {
      finder->language = finder->own_language;
      finder->lex = finder->own_lex;
      finder->words_lex = tally_lexicon_get (finder->own_language, NULL);
      return;
    }
  if (finder->lexicons == NULL)
    finder->lexicons = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) tally_events_lexicon_free);
  if (!g_hash_table_lookup_extended (finder->lexicons, lang, NULL, (gpointer *) &lex))
    {
      /* A language with claim words but no event patterns yet finds its
       * figures and dates, and no events. */
      lex = tally_events_lexicon_load (lang, NULL);
      g_hash_table_insert (finder->lexicons, (gpointer) lang, lex);
    }
  finder->language = lang;
  finder->lex = lex != NULL ? lex : finder->own_lex;
  finder->words_lex = tally_lexicon_get (tally_lexicon_language_for (lang), NULL);
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

static guint
tally_event_finder_add_document_with_claims (TallyEventFinder *finder,
                                             const char       *document_id,
                                             const char       *text,
                                             gsize             len,
                                             const char       *published,
                                             GPtrArray        *given_claims)
{
  return tally_event_finder_add_document_full (finder, document_id, text, len, published, given_claims, NULL, NULL);
}

guint
tally_event_finder_add_document (TallyEventFinder *finder,
                                 const char       *document_id,
                                 const char       *text,
                                 gsize             len,
                                 const char       *published)
{
  return tally_event_finder_add_document_with_claims (finder, document_id, text, len, published, NULL);
}

/* The next sentence: from the given spans ({start, end} gsize pairs), or
 * cut here. */
static gboolean
next_sentence (const char   *language,
               const GArray *sentences,
               guint        *next,
               const char   *text,
               gsize         len,
               gsize        *pos,
               gsize        *start,
               gsize        *end)
{
  const gsize *span;

  if (sentences == NULL)
    return tally_next_sentence_tokens_in (tally_lexicon_language_for (language), text, len, pos, start, end, NULL);
  if (*next >= sentences->len)
    return FALSE;
  span = (const gsize *) (sentences->data + (gsize) *next * 2 * sizeof (gsize));
  (*next)++;
  *start = MIN (span[0], len);
  *end = MIN (MAX (span[1], *start), len);
  return TRUE;
}

/* How far into a report its dateline may stand ("Dubai, 1 December 2023
 * (TDI):" after the title): the bytes tally_events_guess_published() reads. */
#define DATELINE_BYTES 400

/* "Dubai, 1 December 2023 (TDI):", "DUBAI, Dec 12, 2023 (AFP) -": a full
 * date near the top of a report, on a line that opens with a capitalised
 * name and a comma, says when (and, when the gazetteer knows the name,
 * where) the report was filed. Returns the date claim's index, or -1. */
static int
find_dateline (const char *language,
               const char *text,
               gsize       len,
               GPtrArray  *claims,
               char      **place)
{
  *place = NULL;
  for (guint c = 0; c < claims->len; c++)
    {
      const TallyClaimRecord *claim = g_ptr_array_index (claims, c);
      gsize line = claim->start, comma;

      if (claim->start >= MIN (len, DATELINE_BYTES))
        break;
      if (claim->kind != TALLY_CLAIM_KIND_DATE || claim->value_text == NULL || strlen (claim->value_text) != 10
          || claim->value_max_text != NULL || claim->year_inferred)
        continue;
      while (line > 0 && text[line - 1] != '\n')
        line--;
      if (claim->start - line > 80 || !g_ascii_isupper (text[line]))
        continue;
      for (comma = line; comma < claim->start && text[comma] != ',' && text[comma] != '.'; comma++)
        ;
      if (comma >= claim->start || text[comma] != ',' || comma - line > 40)
        continue;
      {
        g_autofree char *name = slice (text, line, comma);
        gboolean upper = TRUE;

        /* "DUBAI": a dateline's capitals are not the name's. */
        for (char *q = name; *q; q++)
          upper &= !g_ascii_islower (*q);
        if (upper)
          for (char *q = name + 1; *q; q++)
            if (g_ascii_isalpha (q[-1]))
              *q = g_ascii_tolower (*q);
        if (tally_events_place_subject (language, name) != NULL)
          *place = g_steal_pointer (&name);
      }
      return (int) c;
    }
  return -1;
}

/* The lead: the title line and the paragraph after it. */
static gsize
lead_end (const char *text,
          gsize       len)
{
  const char *nl = memchr (text, '\n', len);
  gsize pos;

  if (nl == NULL)
    return len;
  pos = (gsize) (nl - text);
  while (pos < len && g_ascii_isspace (text[pos]))
    pos++;
  nl = memchr (text + pos, '\n', len - pos);
  return nl != NULL ? (gsize) (nl - text) : len;
}

/* Inside a quotation: what someone said, not what the report tells. */
static gboolean
in_quotation (const char *text,
              gsize       from,
              gsize       at)
{
  guint straight = 0, open = 0, close = 0;

  for (const char *p = text + from; p < text + at; p++)
    if (*p == '"')
      straight++;
    else if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && ((guchar) p[2] == 0x9C || (guchar) p[2] == 0x9D))
      {
        if ((guchar) p[2] == 0x9C)
          open++;
        else
          close++;
        p += 2;
      }
  return straight % 2 == 1 || open > close;
}

/* An act the report tells with no date in its sentence, in the past, not
 * set before the report's day ("had broken up", "earlier"), outside
 * quotations: a reader places it on the report's day. */
static gboolean
takes_report_day (const EventLexicon *lex,
                  const char         *text,
                  GArray             *words,
                  const Found        *fd,
                  gsize               s_start)
{
  const Mention *m = fd->m;
  const Word *v;

  /* "the remnants, destroyed while diving": a participle describes a
   * thing; it tells no act of the report's day. */
  if (m->date != NULL || m->future || m->participle
      || (!m->verb && !g_hash_table_contains (lex->report_day_kinds, tally_event_kind_to_string (m->kind))))
    return FALSE;
  for (guint i = 0; i <= fd->noun && i < words->len; i++)
    if (g_hash_table_contains (lex->not_news_day, WORD (words, i)->lower))
      return FALSE;
  /* In the body a verb in the present ("Estonia takes over the chair")
   * tells no past act; a headline's present does ("Talks open in Dubai"). */
  if (m->verb && fd->noun + 1 >= m->verb_words && has_newline (text, 0, m->start))
    {
      v = WORD (words, fd->noun + 1 - m->verb_words);
      if (!g_str_has_suffix (v->lower, "ed") && !g_hash_table_contains (lex->past, v->lower))
        return FALSE;
    }
  return !in_quotation (text, s_start, m->start);
}

static void
set_place (Mention    *m,
           const char *place)
{
  m->place = g_strdup (place);
  if (m->place_label != NULL)
    {
      g_free (m->of_label);
      m->of_label = tally_events_fill_place (m->place_label, m->place);
      capitalise_first (m->of_label);
    }
}

/* The report's day: the date of its lead's first act (dated, day-precise,
 * in the past and within a week of publication), else its dateline's.
 * The acts the report tells with no date take it, and its place when they
 * have none. */
static void
date_from_report (TallyEventFinder *finder,
                  const Document   *doc,
                  guint             first_mention,
                  gsize             lead,
                  const DateSpan   *dateline,
                  const char       *dateline_place,
                  GPtrArray        *pending)
{
  const DateSpan *day = NULL;
  const Mention *lead_act = NULL;
  const char *place = NULL;

  for (guint i = first_mention; i < finder->mentions->len && day == NULL; i++)
    {
      const Mention *m = g_ptr_array_index (finder->mentions, i);

      if (m->sentence_start >= lead)
        break;
      if (m->date == NULL || m->future || m->date->grain != GRAIN_DAY || m->date->date_end != NULL)
        continue;
      if (doc->published != 0 && (m->date->first > doc->published || doc->published - m->date->first > 7))
        continue;
      day = m->date;
      lead_act = m;
      /* Only a place the gazetteer knows: "in Delegates" is none. */
      if (m->place != NULL && tally_events_place_subject (finder->language, m->place) != NULL)
        place = m->place;
    }
  if (day == NULL && dateline != NULL && dateline->date != NULL)
    day = dateline;
  g_debug ("%s: the report's day %s", doc->id, day != NULL ? day->date : "unknown");
  if (place == NULL)
    place = dateline_place;
  /* The report's other acts of its day, named but placed nowhere, took
   * place where it was filed ("Germany pledged $100 million on Thursday"
   * under "Dubai, 1 December"). */
  if (day != NULL && place != NULL)
    for (guint i = first_mention; i < finder->mentions->len; i++)
      {
        Mention *m = g_ptr_array_index (finder->mentions, i);

        if (m->place == NULL && !m->weak && !m->future && m->date != NULL && m->date->first == day->first
            && m->date->last == day->last)
          set_place (m, place);
      }
  for (guint p = 0; p < pending->len; p++)
    {
      Mention *m = g_ptr_array_index (pending, p);

      if (day == NULL)
        {
          tally_events_mention_free (m);
          continue;
        }
      m->date = g_new0 (DateSpan, 1);
      tally_events_date_span_set (m->date, day->date, NULL);
      m->context_dated = TRUE;
      m->lead = lead_act;
      if (m->place == NULL && place != NULL && !m->weak)
        set_place (m, place);
      g_ptr_array_add (finder->mentions, m);
    }
  g_ptr_array_set_free_func (pending, NULL);
  g_ptr_array_set_size (pending, 0);
}

/* How far before the latest date a text names a dated event must lie to be
 * history, not a plan, when the text has no publication date: ten years. */
#define HISTORY_GAP_DAYS 3653

guint
tally_event_finder_add_document_full (TallyEventFinder *finder,
                                      const char       *document_id,
                                      const char       *text,
                                      gsize             len,
                                      const char       *published,
                                      GPtrArray        *given_claims,
                                      const GArray     *sentences,
                                      const GArray     *tokens)
{
  const EventLexicon *lex = finder->lex;
  TallyExtractOptions options;
  g_autoptr(GPtrArray) claims = NULL;
  Document *doc = g_new0 (Document, 1);
  guint doc_index = finder->documents->len;
  g_autofree char *copy = NULL;
  g_autoptr(GHashTable) referents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint claim_pos = 0;
  guint32 latest = 0, last_day = 0;
  guint count = 0, next_span = 0, next_token = 0;
  guint first_mention = finder->mentions->len;
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_events_mention_free);
  g_autofree char *dateline_place = NULL;
  int dateline_claim;
  DateSpan dateline = { 0 };
  gboolean acts = lex->acts != NULL && g_hash_table_size (lex->acts) > 0;
  /* Tokens are those of the document language's claims lexicon, in text order. */
  const TallyToken *given_tokens = sentences != NULL && tokens != NULL
                                   ? (const TallyToken *) tokens->data : NULL;
  gsize pos = 0, s_start, s_end;

  g_return_val_if_fail (finder != NULL, 0);
  g_return_val_if_fail (text != NULL || len == 0, 0);

  /* A NUL-terminated copy while we read; afterwards only the sentences of
   * mentions are kept, so memory follows the events, not the corpus. */
  copy = g_strndup (text, len);
  text = copy;
  doc->id = g_strdup (document_id);
  doc->published = julian_of_published (published);
  doc->published_iso = g_strdup (published);
  doc->read_language = finder->language;
  /* The stories read a title and a lead of 150 words. */
  {
    const char *cut = text + MIN (len, STORY_LEAD_BYTES);

    if (len > STORY_LEAD_BYTES)
      cut = g_utf8_find_prev_char (text, cut + 1);
    doc->lead = g_strndup (text, cut != NULL ? (gsize) (cut - text) : 0);
  }
  g_ptr_array_add (finder->documents, doc);

  tally_extract_options_init (&options);
  options.language = finder->language;
  if (published != NULL)
    tally_extract_options_set_reference_date (&options, published);
  if (given_claims != NULL)
    claims = g_ptr_array_ref (given_claims);
  else
    claims = tally_extract_claims (text, len, &options);

  /* The latest day the text names: "now" for a text with no publication
   * date. */
  for (guint c = 0; c < claims->len; c++)
    {
      const TallyClaimRecord *claim = g_ptr_array_index (claims, c);
      guint32 first, last;

      if ((claim->kind == TALLY_CLAIM_KIND_DATE || claim->kind == TALLY_CLAIM_KIND_YEAR) && claim->value_text != NULL
          && tally_event_parse_iso_date (claim->value_max_text ? claim->value_max_text : claim->value_text, &first, &last))
        latest = MAX (latest, first);
    }

  dateline_claim = acts ? -1 : find_dateline (finder->language, text, len, claims, &dateline_place);
  if (dateline_claim >= 0)
    {
      const TallyClaimRecord *claim = g_ptr_array_index (claims, dateline_claim);

      if (tally_events_date_span_set (&dateline, claim->value_text, NULL))
        dateline.start = claim->start, dateline.end = claim->end;
      else
        tally_events_date_span_clear (&dateline);
    }

  g_return_val_if_fail (sentences == NULL || g_array_get_element_size ((GArray *) sentences) == 2 * sizeof (gsize), 0);
  while (next_sentence (finder->language, sentences, &next_span, text, len, &pos, &s_start, &s_end))
    {
      g_autoptr(GArray) words = NULL;
      g_autoptr(GArray) found = NULL;
      g_autoptr(GArray) dates = NULL;
      g_autoptr(GPtrArray) participants = NULL;
      gsize opening;

      /* A language read by its acts (tally-event-acts.c). */
      if (acts)
        {
          count += tally_events_find_acts (finder, doc_index, text, s_start, s_end, claims, &claim_pos, &last_day);
          continue;
        }
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
      if (given_tokens != NULL)
        {
          guint first;

          while (next_token < tokens->len && given_tokens[next_token].start < s_start)
            next_token++;
          first = next_token;
          while (next_token < tokens->len && given_tokens[next_token].start < s_end)
            next_token++;
          if (!finder->read_every_sentence
              && !tally_events_tokens_need_words (lex, text, given_tokens + first, next_token - first, s_end))
            {
              finder->sentences_skipped++;
              /* No event here (most sentences): step over its claims. */
              while (claim_pos < claims->len
                     && ((TallyClaimRecord *) g_ptr_array_index (claims, claim_pos))->start < s_end)
                claim_pos++;
              continue;
            }
          words = tally_events_split_tokens (text, given_tokens + first, next_token - first, s_end);
        }
      else
        words = tally_events_split_words (finder->words_lex, text, s_start, s_end);
      found = g_array_new (FALSE, TRUE, sizeof (Found));
      tally_events_note_appositions (lex, text, words, referents);

      tally_events_find_mentions (finder, text, words, found);
      if (found->len == 0)
        {
          /* No event here: step over the sentence's claims. */
          while (claim_pos < claims->len
                 && ((TallyClaimRecord *) g_ptr_array_index (claims, claim_pos))->start < s_end)
            claim_pos++;
          continue;
        }
      dates = tally_events_sentence_dates (lex, text, words, claims, &claim_pos, s_start, s_end, doc->published);
      /* "Dubai, 1 December 2023 (TDI): On Thursday, …": the dateline says
       * when the report was filed; the sentence's other date, when the act
       * took place. */
      opening = s_start;
      if (dateline.date != NULL && dates->len > 1)
        for (guint k = 0; k < dates->len; k++)
          if (g_array_index (dates, DateSpan, k).start == dateline.start)
            {
              opening = dateline.end;
              g_array_remove_index (dates, k);
              break;
            }
      tally_events_assign_dates (lex, text, opening, words, found, dates);
      participants = tally_events_find_participants (lex, text, words);

      for (guint f = 0; f < found->len; f++)
        {
          Found *fd = &g_array_index (found, Found, f);
          Mention *m = fd->m;
          gsize clause_start = f > 0 ? WORD (words, g_array_index (found, Found, f - 1).noun)->end : s_start;
          gsize limit = f + 1 < found->len ? WORD (words, g_array_index (found, Found, f + 1).word)->start : s_end;

          limit = MIN (limit, WORD (words, fd->noun)->end + 80);
          m->doc = doc_index;
          m->language = finder->language;
          m->sentence_start = s_start;
          m->sentence_end = s_end;
          m->sentence = slice (text, s_start, s_end);
          m->start = WORD (words, fd->word)->start;
          m->end = WORD (words, fd->noun)->end;
          if (m->place == NULL)
            m->place = tally_events_find_place (lex, text, words, fd->noun + 1, limit);
          /* Only things a verb names: a gathering's place is where it met,
           * said with "in", not whatever the sentence is about. */
          if (m->place == NULL && m->verb)
            m->place = tally_events_subject_place (text, words, referents);
          if (m->place_label != NULL)
            {
              g_free (m->of_label);
              m->of_label = tally_events_fill_place (m->place_label, m->place);
              capitalise_first (m->of_label);
            }
          if (m->place != NULL && m->bare_label != NULL)
            {
              g_free (m->of_label);
              m->of_label = g_strdup_printf ("%s %s", m->place, m->bare_label);
            }
          m->future = tally_events_future_between (lex, words, clause_start, limit);
          /* With no publication date, "the next visit … in 1953" in an
           * article that names 2004 is history told forward, not a plan;
           * a few years apart, the later date may be a target ("by 2010"). */
          if (m->future && doc->published == 0 && m->date != NULL && latest > HISTORY_GAP_DAYS
              && m->date->last < latest - HISTORY_GAP_DAYS)
            m->future = FALSE;
          if (participants != NULL && tally_events_is_gathering (lex, m->kind))
            m->participants = g_ptr_array_ref (participants);
          m->weak = m->title == NULL && m->ordinal == 0 && m->of_label == NULL && m->place == NULL;
          g_debug ("%s: mention “%s” (%s)%s, %s", document_id, m->of_label ? m->of_label : m->title ? m->title : "",
                   tally_event_kind_to_string (m->kind), m->future ? " ahead" : "", m->date ? m->date->date : "undated");
          if (m->date == NULL && dates->len == 0 && takes_report_day (lex, text, words, fd, s_start)
              && !is_excluded (finder, doc->id, s_start, s_end))
            {
              g_ptr_array_add (pending, m);
              fd->m = NULL;
              count++;
              continue;
            }
          if ((m->verb && m->date == NULL) || is_excluded (finder, doc->id, s_start, s_end))
            {
              tally_events_mention_free (m);
              fd->m = NULL;
              continue;
            }
          g_ptr_array_add (finder->mentions, m);
          fd->m = NULL;
          count++;
        }
    }
  if (pending->len > 0)
    {
      guint waiting = pending->len, kept = finder->mentions->len;

      date_from_report (finder, doc, first_mention, lead_end (text, len), &dateline, dateline_place, pending);
      count = count - waiting + (finder->mentions->len - kept);
    }
  tally_events_date_span_clear (&dateline);
  return count;
}

/* The lead's first bytes name what a report is about; the gazetteer reads
 * no further. */
#define SUBJECT_LEAD_BYTES 600

void
tally_events_note_subjects (TallyEventFinder *finder,
                            Document         *doc,
                            const char       *title)
{
  gsize len = doc->lead != NULL ? strlen (doc->lead) : 0;
  const char *cut;
  g_autofree char *head = NULL;

  if (doc->subjects != NULL)
    return;
  if (len > SUBJECT_LEAD_BYTES)
    {
      cut = g_utf8_find_prev_char (doc->lead, doc->lead + SUBJECT_LEAD_BYTES + 1);
      len = cut != NULL ? (gsize) (cut - doc->lead) : 0;
    }
  head = g_strconcat (title ? title : "", "\n", NULL);
  head = g_realloc (head, strlen (head) + len + 1);
  {
    gsize at = strlen (head);

    if (len > 0)
      memcpy (head + at, doc->lead, len);
    head[at + len] = '\0';
  }
  doc->subjects = tally_events_text_subjects (doc->read_language != NULL ? doc->read_language : finder->own_language,
                                              finder->lex, head, strlen (head));
}

guint
tally_event_finder_add_source (TallyEventFinder       *finder,
                               const TallyEventSource *source)
{
  g_autofree char *guessed = NULL;
  const char *published;
  GPtrArray *claims;
  Document *doc;
  guint count;

  g_return_val_if_fail (finder != NULL && source != NULL, 0);

  if (source->text == NULL)
    return 0;
  published = source->published;
  claims = source->claims;
  if (published == NULL)
    {
      published = guessed = tally_events_guess_published (source->text, source->len);
      /* The caller's claims were read against no date: read them again
       * against the dateline. */
      if (guessed != NULL)
        claims = NULL;
    }
  tally_event_finder_set_document_language (finder, source->language);
  count = tally_event_finder_add_document_full (finder, source->id, source->text, source->len, published,
                                                claims, source->sentences, source->tokens);
  doc = g_ptr_array_index (finder->documents, finder->documents->len - 1);
  /* What the title and lead name (tally_events_note_subjects()) is read at
   * the merge, and only when the documents are in several languages: the
   * one case the merge reads it. */
  /* What the stories need of the title and lead, read now (in the worker
   * that read the document): their words, the lead's language, and of the
   * lead only what the step across languages reads. */
  {
    gsize lead = strlen (doc->lead);

    doc->words = tally_story_words_new (source->title, doc->lead, lead);
    doc->story_language = tally_story_anchors_language (tally_language_detect (doc->lead, MIN (lead, 4096)));
    g_set_str (&doc->title, source->title);
    if (lead > TALLY_STORY_ANCHOR_LEAD_BYTES)
      {
        lead = TALLY_STORY_ANCHOR_LEAD_BYTES;
        while (lead > 0 && (doc->lead[lead] & 0xC0) == 0x80)
          lead--;
        doc->lead[lead] = '\0';
        doc->lead = g_realloc (doc->lead, lead + 1);
      }
  }
  return count;
}

GPtrArray *
tally_events_find (const TallyEventSource  *sources,
                   guint                    n_sources,
                   GHashTable              *excluded,
                   GCancellable            *cancellable,
                   GError                 **error)
{
  g_autoptr(TallyEventFinder) finder = tally_event_finder_new (NULL, error);

  if (finder == NULL)
    return NULL;
  /* Left out before merging, so a wrong source makes no dispute. */
  if (excluded != NULL)
    tally_event_finder_set_excluded (finder, excluded);
  for (guint i = 0; i < n_sources; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      tally_event_finder_add_source (finder, &sources[i]);
    }
  return tally_event_finder_finish (finder);
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

      if (c->kind == TALLY_CLAIM_KIND_DATE && c->has_value && c->value_text != NULL && !c->year_inferred
          && strlen (c->value_text) == 10 && c->value_max_text == NULL)
        return g_strdup (c->value_text);
    }
  return NULL;
}
