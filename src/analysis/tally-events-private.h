/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "tally-event-record.h"
#include "tally-events.h"
#include "tally-lexicon.h"
#include "tally-stories.h"
#include "tally-tokenizer.h"

G_BEGIN_DECLS

/* The event finder's pieces, shared by its files:
 *   tally-event-lexicon.c   the pattern file (lexicons/<lang>.events)
 *   tally-event-words.c     a sentence's words, from the claims' tokenizer
 *   tally-event-dates.c     a sentence's dates and which event each one dates
 *   tally-event-mentions.c  event mentions: nouns, verbs, titles, places
 *   tally-event-merge.c     mentions of one event across documents → records
 *   tally-events.c          the finder: documents in, events out */

/* ---------------------------------------------------------------------- */
/* The pattern file                                                        */

#define MENTION_FILTER_BITS 8192

/* FNV-1a of a folded word, for the mention filter. */
static inline guint32
tally_events_word_hash (const char *word,
                        gsize       len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) word[i]) * 16777619u;
  return h;
}

typedef struct
{
  GHashTable *nouns;          /* word → kind + 1 */
  GHashTable *mention_words;  /* set: the words at which a noun (its last),
                               * a period title or a verb (their first) is
                               * looked up, so that other words skip them */
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
  GHashTable *season_before;  /* set: "the", "this", "in", "next" */
  GHashTable *of_label_stops; /* set: "to", "on", "where" */
  GHashTable *ordinal_before; /* set: "the", "its" */
  GHashTable *label_never;    /* set: modals, auxiliaries */
  GHashTable *label_pronouns; /* set: pronouns */
  GHashTable *label_end_not;  /* set: articles, prepositions, conjunctions */
  GPtrArray  *weeks;          /* char**: offset, then the phrase's words */
  GHashTable *complements;    /* set: "of", "for", "with": prepositions a noun phrase goes on after */
  GHashTable *at_gathering;   /* kind + 1 set: acts done at gatherings */
  GHashTable *kind_nouns;     /* kind + 1 → "court hearing" */
  GHashTable *plurals;        /* set: "people", "police": plural without -s */
  GHashTable *singulars;      /* set: "series", "news": singular with -s */
  GHashTable *window_open;    /* set: "from", "between": "from 4 to 6 March" */
  GHashTable *window_to;      /* set: "to", "and", "through" */
  GHashTable *template_words; /* set: the verbs' label words ("visits", "loses") */
  GHashTable *not_verb_after; /* set: "most", "their": a verb's word after them is a noun */
  GHashTable *label_kind_place; /* set: kinds a bare "Kind in Place" names ("summit") */
  char       *place_joiner;   /* "in": "Summit in Baku" */
  char       *adverb_suffix;  /* "ly": "starts early" has no object; may be NULL */
  /* Languages read by acts (tally-event-acts.c: lexicons/ru.events,
   * zh.events): a word or a run of words names the act. */
  GHashTable *acts;           /* key → "kind|verb" or "kind|noun" */
  guint       act_words;      /* the longest key, in words */
  gboolean    lemmas;         /* [conventions] lemmas: words are looked up by their dictionary lemma */
  gboolean    segmented;      /* [conventions] segmented: words come from ICU's word break */
  GHashTable *relative_days;  /* word → days from publication + 1000; "same" → 1: the last day named */
  GHashTable *range_from;     /* set: "с" of "с 20 по 22 марта" */
  GHashTable *range_to;       /* set: "по" */
  GHashTable *subject_joins;  /* set: "и": "Путин и Си Цзиньпин" */
  GHashTable *label_skip;     /* set: words a label does not start with ("当地时间", "下午") */
  GHashTable *date_tail;      /* set: words of the date before them ("года") */
  GHashTable *verb_endings;   /* set: how lower-case verb forms the dictionary does not read end ("тся") */
  GHashTable *report_day_kinds; /* set: kinds whose undated noun takes the report's day ("pledges") */
  GHashTable *date_not_of_act; /* set: "since": a date after it starts a period */
  GHashTable *past;           /* set: past forms not in -ed ("met", "began") */
  GHashTable *not_news_day;   /* set: words that put an undated act before the report's day ("had", "earlier") */
  GPtrArray  *name_endings;   /* char**: an ending, then what the name's own form ends with instead
                               * ("е" → "", "а", "ь": "Ташкенте" → "Ташкент") */
  char       *day_suffix;     /* "日": "20日" is a day of the publication's month */
  /* A bit per hash of each mention word (tally_events_word_hash()): a
   * sentence none of whose words has its bit set names no event, and its
   * words are not built (tally_events_tokens_need_words()). */
  guint64     mention_filter[MENTION_FILTER_BITS / 64];
  gboolean    mention_filter_ready;
} EventLexicon;

EventLexicon *tally_events_lexicon_parse (const char  *data,
                                          gsize        len,
                                          const char  *name,
                                          GError     **error);
EventLexicon *tally_events_lexicon_load  (const char  *language,
                                          GError     **error);
void          tally_events_lexicon_free  (EventLexicon *lex);
gboolean      tally_events_is_gathering  (const EventLexicon *lex,
                                          TallyEventKind      kind);

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
  guint8 role;         /* TallyLexRole from the claims' lexicon: "the", "of" */
  const TallyLexEntry *lex;  /* the claims' lexicon entry, or NULL */
} Word;

/* The words of text[start..end): the claims' tokens, a dash between two
 * words without spaces joined into one ("Baltic–Caspian"). */
GArray *tally_events_split_words (const TallyLexicon *lexicon,
                                  const char         *text,
                                  gsize               start,
                                  gsize               end);
/* The same from the sentence's tokens, already found (the first n_tokens
 * of `tokens` that end by `end`). */
GArray *tally_events_split_tokens (const char         *text,
                                   const TallyToken   *tokens,
                                   guint               n_tokens,
                                   gsize               end);
/* FALSE when no word of those tokens can start a mention or an apposition
 * (tally_events_find_mentions(), tally_events_note_appositions()): the
 * sentence needs no words. TRUE when one may. */
gboolean tally_events_tokens_need_words (const EventLexicon *lex,
                                         const char         *text,
                                         const TallyToken   *tokens,
                                         guint               n_tokens,
                                         gsize               end);

#define WORD(words, i) (&g_array_index ((words), Word, (i)))
#define WORD_IS(words, i, r) (WORD ((words), (i))->role == TALLY_ROLE_##r)

/* How much of each text is kept for the stories (their lead is 150 words). */
#define STORY_LEAD_BYTES 2048

/* The longest sentence read for events, in bytes (prose stays far below). */
#define MAX_SENTENCE 4096

/* Two words stand next to each other with only one space between them. */
static inline gboolean
adjacent (const char *text,
          const Word *a,
          const Word *b)
{
  return b->start == a->end + 1 && text[a->end] == ' ';
}

static inline gboolean
has_newline (const char *text,
             gsize       from,
             gsize       to)
{
  return from < to && memchr (text + from, '\n', to - from) != NULL;
}

static inline char *
slice (const char *text,
       gsize       start,
       gsize       end)
{
  return g_strndup (text + start, end - start);
}

static inline void
capitalise_first (char *s)
{
  if (s != NULL && g_ascii_islower (s[0]))
    s[0] = g_ascii_toupper (s[0]);
}

static inline int
lookup_int (GHashTable *table,
            const Word *w)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (table, w->lower));
}

static inline gboolean
word_in (GHashTable *set,
         GArray     *words,
         int         i)
{
  return i >= 0 && (guint) i < words->len && g_hash_table_contains (set, WORD (words, i)->lower);
}

/* Does a phrase of `phrases` start at word i? Returns its length in words. */
guint tally_events_match_phrase (GPtrArray *phrases,
                                 GArray    *words,
                                 guint      i);

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
  gboolean inferred;   /* the claims inferred its year from the article's other dates */
} DateSpan;

static inline Grain
grain_of (const char *iso)
{
  gsize len = strlen (iso);

  return len == 10 ? GRAIN_DAY : len == 7 ? GRAIN_MONTH : GRAIN_YEAR;
}

void      tally_events_date_span_clear (DateSpan   *d);
gboolean  tally_events_date_span_set   (DateSpan   *d,
                                        const char *date,
                                        const char *date_end);
char     *tally_events_iso_from_julian (guint32     day);

/* ---------------------------------------------------------------------- */
/* Mentions                                                                */

typedef struct _Mention
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
  char *place_label;   /* a verb's label with a place marker ("\x01") */
  guint at_gathering;  /* mention index + 1 of the gathering it took place at, or 0 */
  gsize named_start;   /* the words its label quotes: a date among them */
  gsize named_end;     /* ("approved a 2025-26 programme") is not its date */
  GPtrArray *participants;
  DateSpan *date;      /* borrowed until kept; NULL when undated */
  gboolean future;
  gboolean weak;       /* nothing but its date and kind says which event it is */
  gboolean verb;       /* found by its verb: kept only with a date */
  gboolean transitive; /* a verb acting on an object: "the eruption closed two airports" */
  char *sentence;      /* the words of sentence_start..sentence_end */
  const char *language; /* interned: the language of its document's words */
  char *place_id;      /* the gazetteer's subject for its place ("Moscow"), or NULL */
  guint verb_words;    /* a verb's words ("kicked off": 2), 0 for a noun */
  gboolean participle; /* "The remnants, destroyed while …": describes its noun */
  gboolean context_dated; /* no date of its own: the report's day (its lead act's, else its dateline's) */
  const struct _Mention *lead; /* context-dated: the lead act that gave the day, or NULL */
} Mention;

void tally_events_mention_free (Mention *m);

/* An event found in a sentence, before its date and place are known. */
typedef struct
{
  guint word;          /* first event word */
  guint noun;          /* the event noun (last event word) */
  Mention *m;
} Found;

typedef struct
{
  char *id;
  guint32 published;   /* Julian day, 0 when unknown */
  /* What tally_find_stories() reads, kept until the merge: mentions merge
   * only within a story. */
  char *title;
  char *lead;          /* the text's first bytes */
  /* The same read by tally_story_words_new() once the title is known; then
   * only the lead's first TALLY_STORY_ANCHOR_LEAD_BYTES and its language
   * are kept, for the stories across languages. */
  TallyStoryWords *words;
  const char *story_language;  /* interned, tally_story_anchors_language(), or NULL */
  char *published_iso;
  guint story;         /* set by the merge */
  const char *read_language; /* interned: the language its words were read in */
  GPtrArray *subjects; /* what its title and lead name (gazetteer subjects), for
                        * merging across languages; NULL until the merge needs it */
  /* A lead and story words moved out of memory (tally_event_finder_add_part()):
   * where they are in the finder's file, and the stories' fingerprint of
   * the lead. */
  gboolean lead_spooled;
  guint64 lead_at;
  gsize lead_len;
  guint64 fingerprint;
  FILE *spool;         /* the finder's, while the words are there */
  guint64 words_at;
} Document;

struct _TallyEventFinder
{
  /* The data of the documents being added: the finder's own, or that of
   * the language tally_event_finder_set_document_language() chose. */
  const char *language;           /* interned */
  EventLexicon *lex;
  const TallyLexicon *words_lex;  /* the claims' lexicon, for the tokenizer */
  /* The finder's own language, which merging uses. */
  const char *own_language;
  EventLexicon *own_lex;
  GHashTable *lexicons;           /* other language → EventLexicon* */
  GPtrArray *documents;  /* Document* */
  GPtrArray *mentions;   /* Mention* */
  GHashTable *excluded;  /* tally_event_mention_key() strings, or NULL */
  /* Sentences left out by tally_events_tokens_need_words(); a test turns
   * the check off to see that it changes nothing. */
  guint sentences_skipped;
  gboolean read_every_sentence;
  /* The documents' leads and story words, written out as parts come in (an
   * unlinked temporary file): the words are read one document at a time by
   * the stories, the leads only when they are told in several languages, so
   * memory does not grow by either per document. */
  FILE *leads;
  guint64 leads_size;
  gboolean leads_failed;
};

/* Reads the leads tally_event_finder_add_part() wrote out back into the
 * documents; the words of a document written out (tally-events.c). */
void             tally_event_finder_read_leads (TallyEventFinder *finder);
TallyStoryWords *tally_events_read_words       (gpointer          document);

/* tally-event-acts.c */
guint      tally_events_find_acts      (TallyEventFinder   *finder,
                                        guint               doc_index,
                                        const char         *text,
                                        gsize               s_start,
                                        gsize               s_end,
                                        GPtrArray          *claims,
                                        guint              *claim_pos,
                                        guint32            *last_day);
GPtrArray *tally_events_text_subjects  (const char         *language,
                                        const EventLexicon *lex,
                                        const char         *text,
                                        gsize               len);
const char *tally_events_place_subject (const char         *language,
                                        const char         *place);
/* tally-events.c: reads doc->subjects from its title and lead, once, with
 * the pattern file its language was read with (the finder's current one). */
void        tally_events_note_subjects (TallyEventFinder   *finder,
                                        Document           *doc,
                                        const char         *title);

/* tally-event-labels.c */
gboolean tally_events_label_is_broken (const EventLexicon *lex,
                                       const TallyLexicon *words_lex,
                                       const char         *label);

/* tally-event-dates.c */
GArray  *tally_events_sentence_dates (const EventLexicon *lex,
                                      const char         *text,
                                      GArray             *words,
                                      GPtrArray          *claims,
                                      guint              *claim_pos,
                                      gsize               s_start,
                                      gsize               s_end,
                                      guint32             published);
void     tally_events_assign_dates   (const EventLexicon *lex,
                                      const char         *text,
                                      gsize               opening,
                                      GArray             *words,
                                      GArray             *found,
                                      GArray             *dates);

/* tally-event-mentions.c */
void      tally_events_find_mentions     (TallyEventFinder   *finder,
                                          const char         *text,
                                          GArray             *words,
                                          GArray             *found);
gboolean  tally_events_future_between    (const EventLexicon *lex,
                                          GArray             *words,
                                          gsize               from,
                                          gsize               to);
char     *tally_events_find_place        (const EventLexicon *lex,
                                          const char         *text,
                                          GArray             *words,
                                          guint               from,
                                          gsize               limit);
GPtrArray *tally_events_find_participants (const EventLexicon *lex,
                                           const char         *text,
                                           GArray             *words);
void      tally_events_note_appositions  (const EventLexicon *lex,
                                          const char         *text,
                                          GArray             *words,
                                          GHashTable         *referents);
char     *tally_events_fill_place        (const char         *label,
                                          const char         *place);
char     *tally_events_subject_place     (const char         *text,
                                          GArray             *words,
                                          GHashTable         *referents);

G_END_DECLS
