/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The word lists the claim extractor reads, loaded from a data file compiled
 * into a resource (src/analysis/lexicons/<lang>.lex). A key (one word or a
 * few words joined by single spaces, lower case) maps to one entry whose flags
 * say which sections it appears in, with the value each section gives it. */

typedef enum
{
  TALLY_LEX_NUMBER         = 1 << 0,
  TALLY_LEX_SCALE          = 1 << 1,
  TALLY_LEX_FRACTION       = 1 << 2,
  TALLY_LEX_ORDINAL        = 1 << 3,
  TALLY_LEX_CURRENCY       = 1 << 4,
  TALLY_LEX_QUALIFIER      = 1 << 5,
  TALLY_LEX_QUALIFIER_AFTER = 1 << 6,
  TALLY_LEX_PERCENT        = 1 << 7,
  TALLY_LEX_DURATION       = 1 << 8,
  TALLY_LEX_UNIT           = 1 << 9,
  TALLY_LEX_TIME_MARKER    = 1 << 10,
  TALLY_LEX_MONTH          = 1 << 11,
  TALLY_LEX_RELATIVE_DATE  = 1 << 12,
  TALLY_LEX_CHANGE         = 1 << 13,
  TALLY_LEX_LEVEL_VERB     = 1 << 14,
  TALLY_LEX_FURNITURE      = 1 << 15,
  TALLY_LEX_ID_PREFIX      = 1 << 16,
  TALLY_LEX_EVENT          = 1 << 17,
  TALLY_LEX_STOP           = 1 << 18,
  TALLY_LEX_NP_BREAK       = 1 << 19,
  TALLY_LEX_LEMMA          = 1 << 20,
  /* Set on the first word of every multi-word key, so that a matcher knows
   * when a longer look-up is worth trying. */
  TALLY_LEX_PHRASE_START   = 1 << 21,
  TALLY_LEX_FUTURE         = 1 << 22,
  TALLY_LEX_SCOPE_PREP     = 1 << 23,
  TALLY_LEX_FILLER         = 1 << 24,
  TALLY_LEX_ORDINAL_SKIP   = 1 << 25,
  TALLY_LEX_DETERMINER     = 1 << 26,
  TALLY_LEX_MODAL          = 1 << 27,
  TALLY_LEX_CLAUSE_RESET   = 1 << 28,
  TALLY_LEX_ABBREVIATION   = 1 << 29,
  TALLY_LEX_GATHERING      = 1 << 30,
  /* [qualifier_gap]: a preposition between a qualifier and its number
   * ("примерно в 70 км", "почти на 15%"). */
  TALLY_LEX_QUALIFIER_GAP  = 1u << 31,
} TallyLexFlags;

/* Function words the matcher tests one by one ("of", "between", "than",
 * "ago", the ordinal suffixes "st"/"nd"…): each has a role, and the
 * lexicon's [role] section says which word plays it ("of = of"; a German
 * file would say "von = of"). */
typedef enum
{
  TALLY_ROLE_NONE,
  TALLY_ROLE_A,
  TALLY_ROLE_AGAINST,
  TALLY_ROLE_AGO,
  TALLY_ROLE_AND,
  TALLY_ROLE_ARE,
  TALLY_ROLE_AS,
  TALLY_ROLE_AT,
  TALLY_ROLE_B,
  TALLY_ROLE_BE,
  TALLY_ROLE_BEEN,
  TALLY_ROLE_BETWEEN,
  TALLY_ROLE_BIGGER,
  TALLY_ROLE_BOTH,
  TALLY_ROLE_BUT,
  TALLY_ROLE_BY,
  TALLY_ROLE_COMPARED,
  TALLY_ROLE_DID,
  TALLY_ROLE_DOWN,
  TALLY_ROLE_DOZEN,
  TALLY_ROLE_EARLY,
  TALLY_ROLE_END,
  TALLY_ROLE_FASTER,
  TALLY_ROLE_FEWER,
  TALLY_ROLE_FOLD,
  TALLY_ROLE_FOR,
  TALLY_ROLE_FROM,
  TALLY_ROLE_GREATER,
  TALLY_ROLE_HAD,
  TALLY_ROLE_HALF,
  TALLY_ROLE_HER,
  TALLY_ROLE_HIGHER,
  TALLY_ROLE_HIS,
  TALLY_ROLE_IN,
  TALLY_ROLE_IS,
  TALLY_ROLE_ITS,
  TALLY_ROLE_JULY,
  TALLY_ROLE_JUNE,
  TALLY_ROLE_K,
  TALLY_ROLE_LARGER,
  TALLY_ROLE_LATE,
  TALLY_ROLE_LESS,
  TALLY_ROLE_LIVED,
  TALLY_ROLE_LOWER,
  TALLY_ROLE_M,
  TALLY_ROLE_MAY,
  TALLY_ROLE_MID,
  TALLY_ROLE_MONTH_POSS,
  TALLY_ROLE_MORE,
  TALLY_ROLE_ND,
  TALLY_ROLE_OF,
  TALLY_ROLE_ON,
  TALLY_ROLE_ONE,
  TALLY_ROLE_OR,
  TALLY_ROLE_OVER,
  TALLY_ROLE_PER,
  TALLY_ROLE_POINT,
  TALLY_ROLE_POINTS,
  TALLY_ROLE_POST,
  TALLY_ROLE_PRE,
  TALLY_ROLE_RD,
  TALLY_ROLE_S,
  TALLY_ROLE_SERVED,
  TALLY_ROLE_SINCE,
  TALLY_ROLE_ST,
  TALLY_ROLE_TAKE,
  TALLY_ROLE_TH,
  TALLY_ROLE_THAN,
  TALLY_ROLE_THAT,
  TALLY_ROLE_THE,
  TALLY_ROLE_THEIR,
  TALLY_ROLE_THESE,
  TALLY_ROLE_THIS,
  TALLY_ROLE_THOSE,
  TALLY_ROLE_TIMES,
  TALLY_ROLE_TO,
  TALLY_ROLE_TOOK,
  TALLY_ROLE_UNDER,
  TALLY_ROLE_UNTIL,
  TALLY_ROLE_UP,
  TALLY_ROLE_VERSUS,
  TALLY_ROLE_WAS,
  TALLY_ROLE_WERE,
  TALLY_ROLE_WHAT,
  TALLY_ROLE_WHEN,
  TALLY_ROLE_WHICH,
  TALLY_ROLE_WITH,
  TALLY_ROLE_WORKED,
  TALLY_ROLE_WORTH,
  TALLY_ROLE_YEAR,
  TALLY_ROLE_YEAR_POSS,
  TALLY_ROLE_YEARS,
  TALLY_ROLE_YEAR_AFTER,   /* a word after a year that says it is one: "2004 года" */
  TALLY_N_ROLES,
} TallyLexRole;

typedef struct
{
  guint32 flags;
  guint32 starts;        /* section flags of the multi-word keys it begins */
  double number;         /* [number] */
  double scale;          /* [scale] */
  double fraction;       /* [fraction] */
  int ordinal;           /* [ordinal] */
  int month;             /* [month] */
  int relative_offset;   /* [relative_date] */
  guint8 qualifier;      /* TallyQualifier, [qualifier] */
  guint8 role;           /* TallyLexRole, [role] */
  guint8 qualifier_after;
  const char *currency;  /* ISO 4217 */
  const char *percent;   /* "%" or "pp" */
  const char *duration;  /* "hour", "day", … */
  const char *unit;      /* "km", "t", … */
  const char *relative_unit; /* "year", "month", "day" */
  const char *lemma;
  const char *name;      /* [ordinal_name]: "1" → "first", for measure phrases */
  /* Subjects (tally-claims-subject.c): a gazetteer name's kind and the name
   * it stands for ([name] "norway = country Norway"), the kind a word gives
   * a capitalised chunk ([name_word] "bank = organisation", "mr = person"),
   * and words that make a figure a projection ([projection]). */
  guint8 name_kind;      /* TallySubjectKind, 0 when none */
  guint8 name_word_kind; /* TallySubjectKind, 0 when none */
  guint8 projection;
  guint8 not_name;       /* [not_name]: capitalised, yet never a name ("However", "CEO") */
  guint8 stand_in;       /* [stand_in]: "it", "the company": the subject named before */
  guint8 bilateral;      /* [bilateral]: "bilateral", "двусторонний": the pair named before */
  guint8 name_suffix;    /* [name_suffix]: "Inc", "plc": dropped from a subject */
  guint8 name_verb;      /* [name_verb]: "has", "sold": a verb after a subject */
  guint8 whole;          /* [whole]: "total" in "31% of the total" */
  guint8 anaphor;        /* [anaphor]: "figure" in "The figure rose to …" */
  guint8 rank_verb;      /* [rank_verb]: "ranked", "came" before an ordinal */
  guint8 vote_word;      /* [vote_word]: "voted" in "48% voted to remain": a side follows */
  guint8 speech_verb;    /* [speech_verb]: "said", "told": its subject is a source */
  const char *verb_measure; /* [measure_verb]: "spent" → "spending" */
  guint8 verb_measure_last; /* [measure_verb_last]: only when the subject names no measure */
  guint8 period_compare; /* [period_compare]: "yoy", "year": "38% year over year" */
  const char *canonical;
} TallyLexEntry;

typedef struct _TallyLexicon TallyLexicon;

/* The lexicon for a language ("en"), loaded once and kept for the life of
 * the process. Returns NULL (with error) when no data file exists. */
const TallyLexicon   *tally_lexicon_get        (const char  *language,
                                                GError     **error);
TallyLexicon         *tally_lexicon_new_from_data (const char  *data,
                                                   gsize        len,
                                                   GError     **error);
void                  tally_lexicon_free       (TallyLexicon *lexicon);

/* Looks a key up, folding ASCII and Cyrillic letters to lower case on the
 * way. */
const TallyLexEntry  *tally_lexicon_lookup     (const TallyLexicon *lexicon,
                                                const char         *key,
                                                gsize               len);

/* The same with the key's hash already computed (the tokenizer folds and
 * hashes each word while it scans it): FNV-1a over the lower-cased bytes. */
#define TALLY_LEXICON_HASH_INIT 2166136261u
static inline guint32
tally_lexicon_hash_step (guint32 hash,
                         guint8  byte)
{
  return (hash ^ ((byte >= 'A' && byte <= 'Z') ? byte + 32 : byte)) * 16777619u;
}

/* Cyrillic letters fold as ASCII ones do ("Млрд" finds "млрд"), and "ё" is
 * "е", as most Russian text writes it: the two bytes of a letter whose first
 * byte is 0xD0 or 0xD1 become those of its folded form (same length). */
static inline void
tally_lexicon_fold_cyrillic (guint8 *b0,
                             guint8 *b1)
{
  if (*b0 == 0xD0)
    {
      if (*b1 >= 0x90 && *b1 <= 0x9F)
        *b1 += 0x20;
      else if (*b1 >= 0xA0 && *b1 <= 0xAF)
        *b0 = 0xD1, *b1 -= 0x20;
      else if (*b1 >= 0x80 && *b1 <= 0x8F)
        *b0 = 0xD1, *b1 += 0x10;
    }
  if (*b0 == 0xD1 && *b1 == 0x91)
    *b0 = 0xD0, *b1 = 0xB5;
}

/* The hash of `len` bytes folded as the lexicon folds keys (ASCII and
 * Cyrillic capitals, "ё"), continuing from `hash`. */
static inline guint32
tally_lexicon_hash_span (guint32     hash,
                         const char *bytes,
                         gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      guint8 b0 = (guint8) bytes[i];

      if ((b0 == 0xD0 || b0 == 0xD1) && i + 1 < len)
        {
          guint8 b1 = (guint8) bytes[++i];

          tally_lexicon_fold_cyrillic (&b0, &b1);
          hash = ((hash ^ b0) * 16777619u ^ b1) * 16777619u;
        }
      else
        hash = tally_lexicon_hash_step (hash, b0);
    }
  return hash;
}
const TallyLexEntry  *tally_lexicon_lookup_hashed (const TallyLexicon *lexicon,
                                                   const char         *key,
                                                   gsize               len,
                                                   guint32             hash);

/* How the language writes numbers ([number_format] in its lexicon): with a
 * decimal comma ("12,7") and digits grouped by spaces ("12 500"), as
 * Russian does; English has neither (commas group thousands). */
gboolean              tally_lexicon_decimal_comma (const TallyLexicon *lexicon);
gboolean              tally_lexicon_space_groups  (const TallyLexicon *lexicon);
/* [conventions] lowercase_months: month names are written in lower case
 * ("4 марта"), so a month need not be capitalised to count as one. */
gboolean              tally_lexicon_lowercase_months (const TallyLexicon *lexicon);
/* [conventions] inflected: nouns change by case and the counted noun
 * follows the number in the genitive ("30 зданий"); what a figure measures
 * is read by the rules of tally-claims-inflected.c, with lemmas from the
 * [dictionary] (a Hunspell dictionary name such as ru_RU, or NULL) and the
 * lemma endings that mark verbs and adjectives ("ть", "ый"). */
gboolean              tally_lexicon_inflected        (const TallyLexicon *lexicon);
const char           *tally_lexicon_dictionary       (const TallyLexicon *lexicon);
/* [names_dictionary]: a Hunspell dictionary (en_US) asked only whether a
 * word that opens a sentence is a common word ("Heavy", "Initial"), which
 * the dictionary writes in lower case; NULL when the language has none. */
const char           *tally_lexicon_names_dictionary (const TallyLexicon *lexicon);
gboolean              tally_lexicon_lemma_is_verb    (const TallyLexicon *lexicon,
                                                      const char         *lemma);
gboolean              tally_lexicon_lemma_is_adjective (const TallyLexicon *lexicon,
                                                        const char         *lemma);
/* [verb_form_ending]: how a verb form the dictionary does not know ends
 * ("произошла"); and whether the dictionary knows a word at all. */
gboolean              tally_lexicon_word_is_verb_form (const TallyLexicon *lexicon,
                                                       const char         *word);
gboolean              tally_lexicon_dictionary_knows  (const TallyLexicon *lexicon,
                                                       const char         *word,
                                                       gsize               len);

/* The lexicon language to read a document in: its BCP 47 tag's primary
 * language when lexicons/<that>.lex exists ("ru-RU" → "ru"), else "en"
 * (NULL, "und" and languages without data are read as English, as before
 * per-language data existed). An interned string. */
const char           *tally_lexicon_language_for  (const char *tag);

G_END_DECLS
