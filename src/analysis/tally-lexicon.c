/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-lexicon.h"
#include "tally-lexicon-file.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/udat.h>
#include <unicode/utypes.h>

#include "tally-analysis-resources.h"
#include "tally-claim-record.h"
#include "tally-dictionary.h"

/* Open addressing with linear probing: the extractor looks up every word of
 * every sentence that holds a number, so this is on the hot path and a
 * GHashTable (a g_str_hash over a lower-cased copy) costs twice as much. */
/* A slot holds only what a probe compares; the entry lives apart, so that
 * the table (every word of every text is looked up in it) stays small
 * enough for the processor's cache with the gazetteer's names in it. */
typedef struct
{
  const char *key;
  guint32 len;
  guint32 hash;
  TallyLexEntry *entry;
} Slot;

#define ENTRY_BLOCK 256

struct _TallyLexicon
{
  Slot *slots;
  guint mask;
  guint n_used;
  GStringChunk *strings;
  GPtrArray *entry_blocks;  /* arrays of ENTRY_BLOCK entries */
  gboolean decimal_comma;   /* [number_format] */
  gboolean space_groups;
  gboolean lowercase_months; /* [conventions] */
  gboolean inflected;       /* [conventions] inflected */
  char *dictionary;         /* [dictionary] */
  char *names_dictionary;   /* [names_dictionary] */
  GPtrArray *verb_endings;  /* [verb_lemma_ending] */
  GPtrArray *adjective_endings; /* [adjective_lemma_ending] */
  GPtrArray *verb_form_endings; /* [verb_form_ending] */
  gboolean icu_months;      /* [from_icu] months */
};

static inline guint8
fold (guint8 c)
{
  return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static inline guint32
hash_folded (const char *key,
             gsize       len)
{
  return tally_lexicon_hash_span (TALLY_LEXICON_HASH_INIT, key, len);
}

/* Does `key` fold to `folded` (a stored key, already folded, as long)? */
static inline gboolean
equal_folded (const char *key,
              const char *folded,
              gsize       len)
{
  for (gsize k = 0; k < len; k++)
    {
      guint8 b0 = (guint8) key[k];

      if ((b0 == 0xD0 || b0 == 0xD1) && k + 1 < len)
        {
          guint8 b1 = (guint8) key[k + 1];

          tally_lexicon_fold_cyrillic (&b0, &b1);
          if (b0 != (guint8) folded[k] || b1 != (guint8) folded[k + 1])
            return FALSE;
          k++;
        }
      else if (fold (b0) != (guint8) folded[k])
        return FALSE;
    }
  return TRUE;
}

/* A copy of `key` as the table stores it: folded. */
static char *
dup_folded (const char *key,
            gsize       len)
{
  char *out = g_ascii_strdown (key, len);

  for (gsize k = 0; k + 1 < len; k++)
    if ((guint8) out[k] == 0xD0 || (guint8) out[k] == 0xD1)
      {
        guint8 b0 = (guint8) out[k], b1 = (guint8) out[k + 1];

        tally_lexicon_fold_cyrillic (&b0, &b1);
        out[k] = (char) b0;
        out[k + 1] = (char) b1;
        k++;
      }
  return out;
}

static Slot *
find_slot (const TallyLexicon *lexicon,
           const char         *key,
           gsize               len,
           guint32             hash)
{
  guint i = hash & lexicon->mask;

  for (;;)
    {
      Slot *slot = &lexicon->slots[i];

      if (slot->key == NULL)
        return slot;
      if (slot->hash == hash && slot->len == len && equal_folded (key, slot->key, len))
        return slot;
      i = (i + 1) & lexicon->mask;
    }
}

static void
grow (TallyLexicon *lexicon)
{
  Slot *old = lexicon->slots;
  guint old_size = lexicon->mask + 1;

  lexicon->mask = old_size * 2 - 1;
  lexicon->slots = g_new0 (Slot, old_size * 2);
  for (guint i = 0; i < old_size; i++)
    if (old[i].key != NULL)
      *find_slot (lexicon, old[i].key, old[i].len, old[i].hash) = old[i];
  g_free (old);
}

static TallyLexEntry *
intern_entry (TallyLexicon *lexicon,
              const char   *key)
{
  gsize len = strlen (key);
  guint32 hash = hash_folded (key, len);
  Slot *slot;

  if ((lexicon->n_used + 1) * 2 > lexicon->mask + 1)
    grow (lexicon);
  slot = find_slot (lexicon, key, len, hash);
  if (slot->key == NULL)
    {
      g_autofree char *lower = dup_folded (key, len);

      if (lexicon->n_used % ENTRY_BLOCK == 0)
        g_ptr_array_add (lexicon->entry_blocks, g_new0 (TallyLexEntry, ENTRY_BLOCK));
      slot->key = g_string_chunk_insert (lexicon->strings, lower);
      slot->len = len;
      slot->hash = hash;
      slot->entry = (TallyLexEntry *) g_ptr_array_index (lexicon->entry_blocks, lexicon->n_used / ENTRY_BLOCK)
                    + lexicon->n_used % ENTRY_BLOCK;
      lexicon->n_used++;
    }
  return slot->entry;
}

const TallyLexEntry *
tally_lexicon_lookup (const TallyLexicon *lexicon,
                      const char         *key,
                      gsize               len)
{
  Slot *slot;

  if (len == 0 || len > 64)
    return NULL;
  slot = find_slot (lexicon, key, len, hash_folded (key, len));
  return slot->entry;
}

const TallyLexEntry *
tally_lexicon_lookup_hashed (const TallyLexicon *lexicon,
                             const char         *key,
                             gsize               len,
                             guint32             hash)
{
  Slot *slot;

  if (len == 0 || len > 64)
    return NULL;
  slot = find_slot (lexicon, key, len, hash);
  return slot->entry;
}

typedef enum
{
  SECTION_NONE,
  SECTION_NUMBER,
  SECTION_SCALE,
  SECTION_FRACTION,
  SECTION_ORDINAL,
  SECTION_CURRENCY,
  SECTION_QUALIFIER,
  SECTION_QUALIFIER_AFTER,
  SECTION_PERCENT,
  SECTION_DURATION,
  SECTION_UNIT,
  SECTION_TIME_MARKER,
  SECTION_MONTH,
  SECTION_RELATIVE_DATE,
  SECTION_CHANGE,
  SECTION_LEVEL_VERB,
  SECTION_FURNITURE,
  SECTION_ID_PREFIX,
  SECTION_EVENT,
  SECTION_STOP,
  SECTION_NP_BREAK,
  SECTION_LEMMA,
  SECTION_FUTURE,
  SECTION_SCOPE_PREP,
  SECTION_FILLER,
  SECTION_ORDINAL_SKIP,
  SECTION_DETERMINER,
  SECTION_MODAL,
  SECTION_CLAUSE_RESET,
  SECTION_ROLE,
  SECTION_ABBREVIATION,
  SECTION_ORDINAL_NAME,
  SECTION_GATHERING,
  SECTION_NAME,
  SECTION_NAME_WORD,
  SECTION_PROJECTION,
  SECTION_NOT_NAME,
  SECTION_STAND_IN,
  SECTION_BILATERAL,
  SECTION_NAME_SUFFIX,
  SECTION_NAME_VERB,
  SECTION_WHOLE,
  SECTION_ANAPHOR,
  SECTION_RANK_VERB,
  SECTION_VOTE_WORD,
  SECTION_MEASURE_VERB,
  SECTION_MEASURE_VERB_LAST,
  SECTION_SPEECH_VERB,
  SECTION_NUMBER_FORMAT,
  SECTION_PERIOD_COMPARE,
  SECTION_CONVENTIONS,
  SECTION_QUALIFIER_GAP,
  SECTION_DICTIONARY,
  SECTION_NAMES_DICTIONARY,
  SECTION_VERB_LEMMA_ENDING,
  SECTION_ADJECTIVE_LEMMA_ENDING,
  SECTION_VERB_FORM_ENDING,
  SECTION_FROM_ICU,
} Section;

static const struct
{
  const char *name;
  Section section;
  TallyLexFlags flag;
  gboolean needs_value;
} sections[] = {
  { "number", SECTION_NUMBER, TALLY_LEX_NUMBER, TRUE },
  { "scale", SECTION_SCALE, TALLY_LEX_SCALE, TRUE },
  { "fraction", SECTION_FRACTION, TALLY_LEX_FRACTION, TRUE },
  { "ordinal", SECTION_ORDINAL, TALLY_LEX_ORDINAL, TRUE },
  { "currency", SECTION_CURRENCY, TALLY_LEX_CURRENCY, TRUE },
  { "qualifier", SECTION_QUALIFIER, TALLY_LEX_QUALIFIER, TRUE },
  { "qualifier_after", SECTION_QUALIFIER_AFTER, TALLY_LEX_QUALIFIER_AFTER, TRUE },
  { "percent", SECTION_PERCENT, TALLY_LEX_PERCENT, TRUE },
  { "duration", SECTION_DURATION, TALLY_LEX_DURATION, TRUE },
  { "unit", SECTION_UNIT, TALLY_LEX_UNIT, TRUE },
  { "time_marker", SECTION_TIME_MARKER, TALLY_LEX_TIME_MARKER, TRUE },
  { "month", SECTION_MONTH, TALLY_LEX_MONTH, TRUE },
  { "relative_date", SECTION_RELATIVE_DATE, TALLY_LEX_RELATIVE_DATE, TRUE },
  { "change", SECTION_CHANGE, TALLY_LEX_CHANGE, FALSE },
  { "level_verb", SECTION_LEVEL_VERB, TALLY_LEX_LEVEL_VERB, FALSE },
  { "furniture", SECTION_FURNITURE, TALLY_LEX_FURNITURE, FALSE },
  { "id_prefix", SECTION_ID_PREFIX, TALLY_LEX_ID_PREFIX, FALSE },
  { "event", SECTION_EVENT, TALLY_LEX_EVENT, FALSE },
  { "stop", SECTION_STOP, TALLY_LEX_STOP, FALSE },
  { "np_break", SECTION_NP_BREAK, TALLY_LEX_NP_BREAK, FALSE },
  { "lemma", SECTION_LEMMA, TALLY_LEX_LEMMA, TRUE },
  { "future", SECTION_FUTURE, TALLY_LEX_FUTURE, FALSE },
  { "scope_prep", SECTION_SCOPE_PREP, TALLY_LEX_SCOPE_PREP, FALSE },
  { "filler", SECTION_FILLER, TALLY_LEX_FILLER, FALSE },
  { "ordinal_skip", SECTION_ORDINAL_SKIP, TALLY_LEX_ORDINAL_SKIP, FALSE },
  { "determiner", SECTION_DETERMINER, TALLY_LEX_DETERMINER, FALSE },
  { "modal", SECTION_MODAL, TALLY_LEX_MODAL, FALSE },
  { "clause_reset", SECTION_CLAUSE_RESET, TALLY_LEX_CLAUSE_RESET, FALSE },
  { "role", SECTION_ROLE, 0, TRUE },
  { "abbreviation", SECTION_ABBREVIATION, TALLY_LEX_ABBREVIATION, FALSE },
  { "ordinal_name", SECTION_ORDINAL_NAME, 0, TRUE },
  { "gathering", SECTION_GATHERING, TALLY_LEX_GATHERING, FALSE },
  { "name", SECTION_NAME, 0, TRUE },
  { "name_word", SECTION_NAME_WORD, 0, TRUE },
  { "projection", SECTION_PROJECTION, 0, FALSE },
  { "not_name", SECTION_NOT_NAME, 0, FALSE },
  { "stand_in", SECTION_STAND_IN, 0, FALSE },
  { "bilateral", SECTION_BILATERAL, 0, FALSE },
  { "name_suffix", SECTION_NAME_SUFFIX, 0, FALSE },
  { "name_verb", SECTION_NAME_VERB, 0, FALSE },
  { "whole", SECTION_WHOLE, 0, FALSE },
  { "anaphor", SECTION_ANAPHOR, 0, FALSE },
  { "rank_verb", SECTION_RANK_VERB, 0, FALSE },
  { "vote_word", SECTION_VOTE_WORD, 0, FALSE },
  { "measure_verb", SECTION_MEASURE_VERB, 0, TRUE },
  { "measure_verb_last", SECTION_MEASURE_VERB_LAST, 0, TRUE },
  { "speech_verb", SECTION_SPEECH_VERB, 0, FALSE },
  { "number_format", SECTION_NUMBER_FORMAT, 0, FALSE },
  { "period_compare", SECTION_PERIOD_COMPARE, 0, FALSE },
  { "conventions", SECTION_CONVENTIONS, 0, FALSE },
  { "qualifier_gap", SECTION_QUALIFIER_GAP, TALLY_LEX_QUALIFIER_GAP, FALSE },
  { "dictionary", SECTION_DICTIONARY, 0, FALSE },
  { "names_dictionary", SECTION_NAMES_DICTIONARY, 0, FALSE },
  { "verb_lemma_ending", SECTION_VERB_LEMMA_ENDING, 0, FALSE },
  { "adjective_lemma_ending", SECTION_ADJECTIVE_LEMMA_ENDING, 0, FALSE },
  { "verb_form_ending", SECTION_VERB_FORM_ENDING, 0, FALSE },
  { "from_icu", SECTION_FROM_ICU, 0, FALSE },
};

static const char * const role_names[] = {
  [TALLY_ROLE_NONE] = "none",
  [TALLY_ROLE_A] = "a",
  [TALLY_ROLE_AGAINST] = "against",
  [TALLY_ROLE_AGO] = "ago",
  [TALLY_ROLE_AND] = "and",
  [TALLY_ROLE_ARE] = "are",
  [TALLY_ROLE_AS] = "as",
  [TALLY_ROLE_AT] = "at",
  [TALLY_ROLE_B] = "b",
  [TALLY_ROLE_BE] = "be",
  [TALLY_ROLE_BEEN] = "been",
  [TALLY_ROLE_BETWEEN] = "between",
  [TALLY_ROLE_BIGGER] = "bigger",
  [TALLY_ROLE_BOTH] = "both",
  [TALLY_ROLE_BUT] = "but",
  [TALLY_ROLE_BY] = "by",
  [TALLY_ROLE_COMPARED] = "compared",
  [TALLY_ROLE_DID] = "did",
  [TALLY_ROLE_DOWN] = "down",
  [TALLY_ROLE_DOZEN] = "dozen",
  [TALLY_ROLE_EARLY] = "early",
  [TALLY_ROLE_END] = "end",
  [TALLY_ROLE_FASTER] = "faster",
  [TALLY_ROLE_FEWER] = "fewer",
  [TALLY_ROLE_FOLD] = "fold",
  [TALLY_ROLE_FOR] = "for",
  [TALLY_ROLE_FROM] = "from",
  [TALLY_ROLE_GREATER] = "greater",
  [TALLY_ROLE_HAD] = "had",
  [TALLY_ROLE_HALF] = "half",
  [TALLY_ROLE_HER] = "her",
  [TALLY_ROLE_HIGHER] = "higher",
  [TALLY_ROLE_HIS] = "his",
  [TALLY_ROLE_IN] = "in",
  [TALLY_ROLE_IS] = "is",
  [TALLY_ROLE_ITS] = "its",
  [TALLY_ROLE_JULY] = "july",
  [TALLY_ROLE_JUNE] = "june",
  [TALLY_ROLE_K] = "k",
  [TALLY_ROLE_LARGER] = "larger",
  [TALLY_ROLE_LATE] = "late",
  [TALLY_ROLE_LESS] = "less",
  [TALLY_ROLE_LIVED] = "lived",
  [TALLY_ROLE_LOWER] = "lower",
  [TALLY_ROLE_M] = "m",
  [TALLY_ROLE_MAY] = "may",
  [TALLY_ROLE_MID] = "mid",
  [TALLY_ROLE_MONTH_POSS] = "month_poss",
  [TALLY_ROLE_MORE] = "more",
  [TALLY_ROLE_ND] = "nd",
  [TALLY_ROLE_OF] = "of",
  [TALLY_ROLE_ON] = "on",
  [TALLY_ROLE_ONE] = "one",
  [TALLY_ROLE_OR] = "or",
  [TALLY_ROLE_OVER] = "over",
  [TALLY_ROLE_PER] = "per",
  [TALLY_ROLE_POINT] = "point",
  [TALLY_ROLE_POINTS] = "points",
  [TALLY_ROLE_POST] = "post",
  [TALLY_ROLE_PRE] = "pre",
  [TALLY_ROLE_RD] = "rd",
  [TALLY_ROLE_S] = "s",
  [TALLY_ROLE_SERVED] = "served",
  [TALLY_ROLE_SINCE] = "since",
  [TALLY_ROLE_ST] = "st",
  [TALLY_ROLE_TAKE] = "take",
  [TALLY_ROLE_TH] = "th",
  [TALLY_ROLE_THAN] = "than",
  [TALLY_ROLE_THAT] = "that",
  [TALLY_ROLE_THE] = "the",
  [TALLY_ROLE_THEIR] = "their",
  [TALLY_ROLE_THESE] = "these",
  [TALLY_ROLE_THIS] = "this",
  [TALLY_ROLE_THOSE] = "those",
  [TALLY_ROLE_TIMES] = "times",
  [TALLY_ROLE_TO] = "to",
  [TALLY_ROLE_TOOK] = "took",
  [TALLY_ROLE_UNDER] = "under",
  [TALLY_ROLE_UNTIL] = "until",
  [TALLY_ROLE_UP] = "up",
  [TALLY_ROLE_VERSUS] = "versus",
  [TALLY_ROLE_WAS] = "was",
  [TALLY_ROLE_WERE] = "were",
  [TALLY_ROLE_WHAT] = "what",
  [TALLY_ROLE_WHEN] = "when",
  [TALLY_ROLE_WHICH] = "which",
  [TALLY_ROLE_WITH] = "with",
  [TALLY_ROLE_WORKED] = "worked",
  [TALLY_ROLE_WORTH] = "worth",
  [TALLY_ROLE_YEAR] = "year",
  [TALLY_ROLE_YEAR_POSS] = "year_poss",
  [TALLY_ROLE_YEAR_AFTER] = "year_after",
  [TALLY_ROLE_YEARS] = "years",
};

static gboolean
parse_double (const char *str,
              double     *out)
{
  char *end = NULL;

  *out = g_ascii_strtod (str, &end);
  return end != str && *end == '\0';
}

static gboolean
apply_value (TallyLexicon  *lexicon,
             TallyLexEntry *entry,
             Section        section,
             const char    *value)
{
  const char *interned = value ? g_string_chunk_insert_const (lexicon->strings, value) : NULL;
  double d = 0;
  TallyQualifier qualifier;

  switch (section)
    {
    case SECTION_NUMBER:
      return parse_double (value, &entry->number);
    case SECTION_SCALE:
      return parse_double (value, &entry->scale);
    case SECTION_FRACTION:
      return parse_double (value, &entry->fraction);
    case SECTION_ORDINAL:
      if (!parse_double (value, &d))
        return FALSE;
      entry->ordinal = (int) d;
      return TRUE;
    case SECTION_MONTH:
      if (!parse_double (value, &d) || d < 1 || d > 12)
        return FALSE;
      entry->month = (int) d;
      return TRUE;
    case SECTION_QUALIFIER:
    case SECTION_QUALIFIER_AFTER:
      if (!tally_qualifier_from_string (value, &qualifier))
        return FALSE;
      if (section == SECTION_QUALIFIER)
        entry->qualifier = qualifier;
      else
        entry->qualifier_after = qualifier;
      return TRUE;
    case SECTION_CURRENCY:
      entry->currency = interned;
      return TRUE;
    case SECTION_PERCENT:
      entry->percent = interned;
      return TRUE;
    case SECTION_DURATION:
      entry->duration = interned;
      return TRUE;
    case SECTION_UNIT:
    case SECTION_TIME_MARKER:
      if (section == SECTION_UNIT)
        entry->unit = interned;
      return TRUE;
    case SECTION_LEMMA:
      entry->lemma = interned;
      return TRUE;
    case SECTION_ORDINAL_NAME:
      entry->name = interned;
      return TRUE;
    case SECTION_NAME:
      {
        /* "country Norway": the kind, then the name as it is written. */
        const char *space = strchr (value, ' ');
        g_autofree char *kind_name = space ? g_strndup (value, space - value) : NULL;
        TallySubjectKind kind;

        if (space == NULL || space[1] == '\0' || !tally_subject_kind_from_string (kind_name, &kind)
            || kind == TALLY_SUBJECT_KIND_NONE)
          return FALSE;
        entry->name_kind = kind;
        entry->canonical = g_string_chunk_insert_const (lexicon->strings, space + 1);
        return TRUE;
      }
    case SECTION_NAME_WORD:
      {
        TallySubjectKind kind;

        if (!tally_subject_kind_from_string (value, &kind) || kind == TALLY_SUBJECT_KIND_NONE)
          return FALSE;
        entry->name_word_kind = kind;
        return TRUE;
      }
    case SECTION_PROJECTION:
      entry->projection = 1;
      return TRUE;
    case SECTION_NOT_NAME:
      entry->not_name = 1;
      return TRUE;
    case SECTION_STAND_IN:
      entry->stand_in = 1;
      return TRUE;
    case SECTION_BILATERAL:
      entry->bilateral = 1;
      return TRUE;
    case SECTION_NAME_SUFFIX:
      entry->name_suffix = 1;
      return TRUE;
    case SECTION_NAME_VERB:
      entry->name_verb = 1;
      return TRUE;
    case SECTION_WHOLE:
      entry->whole = 1;
      return TRUE;
    case SECTION_ANAPHOR:
      entry->anaphor = 1;
      return TRUE;
    case SECTION_PERIOD_COMPARE:
      entry->period_compare = 1;
      return TRUE;
    case SECTION_RANK_VERB:
      entry->rank_verb = 1;
      return TRUE;
    case SECTION_VOTE_WORD:
      entry->vote_word = 1;
      return TRUE;
    case SECTION_MEASURE_VERB:
    case SECTION_MEASURE_VERB_LAST:
      entry->verb_measure = interned;
      entry->verb_measure_last = section == SECTION_MEASURE_VERB_LAST;
      return TRUE;
    case SECTION_SPEECH_VERB:
      entry->speech_verb = 1;
      return TRUE;
    case SECTION_ROLE:
      for (guint r = 1; r < G_N_ELEMENTS (role_names); r++)
        if (role_names[r] != NULL && strcmp (role_names[r], value) == 0)
          {
            entry->role = r;
            return TRUE;
          }
      return FALSE;
    case SECTION_RELATIVE_DATE:
      {
        g_auto(GStrv) parts = g_strsplit (value, " ", 2);

        if (g_strv_length (parts) != 2 || !parse_double (parts[1], &d))
          return FALSE;
        entry->relative_unit = g_string_chunk_insert_const (lexicon->strings, parts[0]);
        entry->relative_offset = (int) d;
        return TRUE;
      }
    case SECTION_NONE:
    case SECTION_CHANGE:
    case SECTION_LEVEL_VERB:
    case SECTION_FURNITURE:
    case SECTION_ID_PREFIX:
    case SECTION_EVENT:
    case SECTION_STOP:
    case SECTION_NP_BREAK:
    case SECTION_FUTURE:
    case SECTION_SCOPE_PREP:
    case SECTION_FILLER:
    case SECTION_ORDINAL_SKIP:
    case SECTION_DETERMINER:
    case SECTION_MODAL:
    case SECTION_CLAUSE_RESET:
    case SECTION_ABBREVIATION:
    case SECTION_NUMBER_FORMAT:
    case SECTION_CONVENTIONS:
    case SECTION_QUALIFIER_GAP:
    case SECTION_DICTIONARY:
    case SECTION_VERB_LEMMA_ENDING:
    case SECTION_ADJECTIVE_LEMMA_ENDING:
    case SECTION_VERB_FORM_ENDING:
    case SECTION_FROM_ICU:
    default:
      return TRUE;
    }
}

typedef struct
{
  TallyLexicon *lexicon;
  guint section_index;
} ReadState;

static gboolean
read_section (const char  *name,
              gpointer     user_data,
              GError     **error)
{
  ReadState *state = user_data;

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    if (strcmp (sections[s].name, name) == 0)
      {
        state->section_index = s;
        return TRUE;
      }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown section [%s]", name);
  return FALSE;
}

static gboolean
read_entry (const char  *section_name,
            char        *key,
            const char  *value,
            gpointer     user_data,
            GError     **error)
{
  ReadState *state = user_data;
  TallyLexicon *lexicon = state->lexicon;
  guint section_index = state->section_index;
  TallyLexEntry *entry;

  if (sections[section_index].needs_value != (value != NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "section [%s] %s a value", section_name,
                   value != NULL ? "takes no" : "needs");
      return FALSE;
    }

  /* Lists of the language, not words to look up. */
  switch (sections[section_index].section)
    {
    case SECTION_DICTIONARY:
      g_free (lexicon->dictionary);
  g_free (lexicon->names_dictionary);
      lexicon->dictionary = g_strdup (key);
      return TRUE;
    case SECTION_NAMES_DICTIONARY:
      g_free (lexicon->names_dictionary);
      lexicon->names_dictionary = g_strdup (key);
      return TRUE;
    case SECTION_VERB_LEMMA_ENDING:
    case SECTION_ADJECTIVE_LEMMA_ENDING:
    case SECTION_VERB_FORM_ENDING:
      {
        Section section = sections[section_index].section;
        GPtrArray **list = section == SECTION_VERB_LEMMA_ENDING ? &lexicon->verb_endings
                           : section == SECTION_ADJECTIVE_LEMMA_ENDING ? &lexicon->adjective_endings
                           : &lexicon->verb_form_endings;

        if (*list == NULL)
          *list = g_ptr_array_new_with_free_func (g_free);
        g_ptr_array_add (*list, g_utf8_strdown (key, -1));
        return TRUE;
      }
    default:
      break;
    }
  /* Settings of the language, not words. */
  if (sections[section_index].section == SECTION_NUMBER_FORMAT
      || sections[section_index].section == SECTION_CONVENTIONS
      || sections[section_index].section == SECTION_FROM_ICU)
    {
      static const struct { Section section; const char *key; gsize offset; } settings[] = {
        { SECTION_NUMBER_FORMAT, "decimal_comma", G_STRUCT_OFFSET (TallyLexicon, decimal_comma) },
        { SECTION_NUMBER_FORMAT, "space_groups", G_STRUCT_OFFSET (TallyLexicon, space_groups) },
        { SECTION_CONVENTIONS, "lowercase_months", G_STRUCT_OFFSET (TallyLexicon, lowercase_months) },
        { SECTION_CONVENTIONS, "inflected", G_STRUCT_OFFSET (TallyLexicon, inflected) },
        { SECTION_FROM_ICU, "months", G_STRUCT_OFFSET (TallyLexicon, icu_months) },
      };

      for (guint k = 0; k < G_N_ELEMENTS (settings); k++)
        if (settings[k].section == sections[section_index].section && strcmp (key, settings[k].key) == 0)
          {
            G_STRUCT_MEMBER (gboolean, lexicon, settings[k].offset) = TRUE;
            return TRUE;
          }
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown setting “%s” in [%s]", key, section_name);
      return FALSE;
    }

  entry = intern_entry (lexicon, key);
  entry->flags |= sections[section_index].flag;
  if (!apply_value (lexicon, entry, sections[section_index].section, value))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "bad value “%s” in [%s]", value, section_name);
      return FALSE;
    }

  if (strchr (key, ' ') != NULL)
    {
      g_autofree char *first = g_strndup (key, strchr (key, ' ') - key);
      TallyLexEntry *first_entry = intern_entry (lexicon, first);

      first_entry->flags |= TALLY_LEX_PHRASE_START;
      first_entry->starts |= sections[section_index].flag;
    }
  return TRUE;
}

TallyLexicon *
tally_lexicon_new_from_data (const char  *data,
                             gsize        len,
                             GError     **error)
{
  TallyLexicon *lexicon = g_new0 (TallyLexicon, 1);
  ReadState state = { lexicon, 0 };

  lexicon->mask = 1023;
  lexicon->slots = g_new0 (Slot, lexicon->mask + 1);
  lexicon->strings = g_string_chunk_new (4096);
  lexicon->entry_blocks = g_ptr_array_new_with_free_func (g_free);

  if (!tally_lexicon_file_read (data, len, "lexicon", read_section, read_entry, &state, error))
    {
      tally_lexicon_free (lexicon);
      return NULL;
    }
  return lexicon;
}

void
tally_lexicon_free (TallyLexicon *lexicon)
{
  if (lexicon == NULL)
    return;
  g_free (lexicon->slots);
  g_free (lexicon->dictionary);
  g_clear_pointer (&lexicon->verb_endings, g_ptr_array_unref);
  g_clear_pointer (&lexicon->adjective_endings, g_ptr_array_unref);
  g_clear_pointer (&lexicon->verb_form_endings, g_ptr_array_unref);
  g_string_chunk_free (lexicon->strings);
  g_ptr_array_unref (lexicon->entry_blocks);
  g_free (lexicon);
}

gboolean
tally_lexicon_decimal_comma (const TallyLexicon *lexicon)
{
  return lexicon->decimal_comma;
}

gboolean
tally_lexicon_space_groups (const TallyLexicon *lexicon)
{
  return lexicon->space_groups;
}

gboolean
tally_lexicon_lowercase_months (const TallyLexicon *lexicon)
{
  return lexicon->lowercase_months;
}

gboolean
tally_lexicon_inflected (const TallyLexicon *lexicon)
{
  return lexicon->inflected;
}

const char *
tally_lexicon_dictionary (const TallyLexicon *lexicon)
{
  return lexicon->dictionary;
}

const char *
tally_lexicon_names_dictionary (const TallyLexicon *lexicon)
{
  return lexicon->names_dictionary;
}

static gboolean
ends_with_any (GPtrArray  *endings,
               const char *word)
{
  gsize n = strlen (word);

  for (guint i = 0; endings != NULL && i < endings->len; i++)
    {
      const char *e = endings->pdata[i];
      gsize m = strlen (e);

      if (n > m && memcmp (word + n - m, e, m) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
tally_lexicon_lemma_is_verb (const TallyLexicon *lexicon,
                             const char         *lemma)
{
  return ends_with_any (lexicon->verb_endings, lemma);
}

gboolean
tally_lexicon_lemma_is_adjective (const TallyLexicon *lexicon,
                                  const char         *lemma)
{
  return ends_with_any (lexicon->adjective_endings, lemma);
}

gboolean
tally_lexicon_word_is_verb_form (const TallyLexicon *lexicon,
                                 const char         *word)
{
  return ends_with_any (lexicon->verb_form_endings, word);
}

gboolean
tally_lexicon_dictionary_knows (const TallyLexicon *lexicon,
                                const char         *word,
                                gsize               len)
{
  g_autofree char *lemma = NULL;

  if (lexicon->dictionary == NULL)
    return FALSE;
  lemma = tally_dictionary_lemma (lexicon->dictionary, word, len);
  return lemma != NULL;
}

/* [from_icu] months: the language's month names as CLDR has them (ICU's
 * date format symbols: the forms used with a day, "марта", alone, "март",
 * and abbreviated, "мар."), added to [month]. */
static void
add_icu_months (TallyLexicon *lexicon,
                const char   *language)
{
  static const UDateFormatSymbolType types[] = {
    UDAT_MONTHS, UDAT_STANDALONE_MONTHS, UDAT_SHORT_MONTHS, UDAT_STANDALONE_SHORT_MONTHS,
  };
  UErrorCode status = U_ZERO_ERROR;
  UDateFormat *format = udat_open (UDAT_NONE, UDAT_SHORT, language, NULL, 0, NULL, 0, &status);

  if (U_FAILURE (status))
    {
      g_warning ("No ICU date symbols for “%s”: %s", language, u_errorName (status));
      return;
    }
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (int m = 0; m < 12; m++)
      {
        UChar name[64];
        int32_t n;
        g_autofree char *utf8 = NULL;
        g_autofree char *lower = NULL;
        gsize len;
        TallyLexEntry *entry;

        status = U_ZERO_ERROR;
        n = udat_getSymbols (format, types[t], m, name, G_N_ELEMENTS (name), &status);
        if (U_FAILURE (status) || n <= 0 || n >= (int32_t) G_N_ELEMENTS (name))
          continue;
        utf8 = g_utf16_to_utf8 ((const gunichar2 *) name, n, NULL, NULL, NULL);
        if (utf8 == NULL)
          continue;
        lower = g_utf8_strdown (utf8, -1);
        len = strlen (lower);
        /* "мар.": the tokenizer reads the full stop apart. */
        while (len > 0 && lower[len - 1] == '.')
          lower[--len] = '\0';
        if (len == 0 || strchr (lower, ' ') != NULL)
          continue;
        entry = intern_entry (lexicon, lower);
        entry->flags |= TALLY_LEX_MONTH;
        entry->month = m + 1;
      }
  udat_close (format);
}

const char *
tally_lexicon_language_for (const char *tag)
{
  g_autofree char *primary = NULL;
  g_autofree char *path = NULL;
  gsize n;

  if (tag == NULL || g_str_equal (tag, "en"))
    return g_intern_static_string ("en");
  n = strcspn (tag, "-_");
  if (n == 0 || n > 8)
    return g_intern_static_string ("en");
  primary = g_ascii_strdown (tag, n);
  if (g_str_equal (primary, "und"))
    return g_intern_static_string ("en");
  (void) tally_analysis_get_resource ();
  path = g_strdup_printf ("/io/github/tallyapp/Tally/analysis/lexicons/%s.lex", primary);
  if (!g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    return g_intern_static_string ("en");
  return g_intern_string (primary);
}

static GMutex lexicons_lock;
static GHashTable *lexicons;  /* language → TallyLexicon, never freed */

const TallyLexicon *
tally_lexicon_get (const char  *language,
                   GError     **error)
{
  static const TallyLexicon *english;  /* every document asks for it */
  const TallyLexicon *cached;
  TallyLexicon *lexicon;

  if (g_str_equal (language, "en") && (cached = g_atomic_pointer_get (&english)) != NULL)
    return cached;

  g_mutex_lock (&lexicons_lock);
  if (lexicons == NULL)
    {
      lexicons = g_hash_table_new (g_str_hash, g_str_equal);
      /* Referencing the resource keeps its object (and the constructor that
       * registers it) in binaries that link the static library. */
      (void) tally_analysis_get_resource ();
    }
  lexicon = g_hash_table_lookup (lexicons, language);
  if (lexicon == NULL)
    {
      g_autofree char *path = g_strdup_printf ("/io/github/tallyapp/Tally/analysis/lexicons/%s.lex",
                                               language);
      g_autofree char *names_path = g_strdup_printf ("/io/github/tallyapp/Tally/analysis/lexicons/%s.names",
                                                     language);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      /* The gazetteer is generated (build-aux/gen-names.py) and kept in a
       * file of its own; it is read as more sections of the same lexicon. */
      g_autoptr(GBytes) names = g_resources_lookup_data (names_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      if (bytes != NULL)
        {
          g_autoptr(GByteArray) all = g_byte_array_new ();
          gsize len;
          const char *data = g_bytes_get_data (bytes, &len);

          g_byte_array_append (all, (const guint8 *) data, len);
          if (names != NULL)
            {
              const char *more = g_bytes_get_data (names, &len);

              g_byte_array_append (all, (const guint8 *) "\n", 1);
              g_byte_array_append (all, (const guint8 *) more, len);
            }
          lexicon = tally_lexicon_new_from_data ((const char *) all->data, all->len, error);
          if (lexicon != NULL && lexicon->icu_months)
            add_icu_months (lexicon, language);
          if (lexicon != NULL)
            g_hash_table_insert (lexicons, g_strdup (language), lexicon);
          if (lexicon != NULL && g_str_equal (language, "en"))
            g_atomic_pointer_set (&english, lexicon);
        }
    }
  g_mutex_unlock (&lexicons_lock);
  return lexicon;
}
