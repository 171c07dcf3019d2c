/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-claims-private.h"
#include "tally-dictionary.h"
#include "tally-gazetteer.h"

/* Who or what a figure is about, and whether it is stated as a projection.
 * Names are runs of capitalised words; the gazetteer ([name], generated from
 * ISO 3166 and tzdata) and [name_word] ("bank", "summit", "mr") give their
 * kind. The rules, first match wins: "between A and B", a possessive name
 * ("Norway's trade"), "of NAME" after the figure's noun, the name that is the
 * clause's subject ("Shell is to pay $1m"), a person's age ("the
 * 31-year-old striker": the person last named), an event noun as subject
 * ("the summit"). */

#define MAX_CHUNK 6

typedef struct Chunk Chunk;
struct Chunk
{
  guint first;
  guint end;          /* exclusive */
  gboolean possessive;
  TallySubjectKind kind;
  const char *canonical;  /* gazetteer name, or NULL */
};

static gboolean
is_month_word (Ctx  *c,
               guint i)
{
  return has_flag (c, i, TALLY_LEX_MONTH);
}

/* Whether word i may be part of a name. A word that starts the sentence is
 * capitalised anyway: it counts when the gazetteer knows it, when it is a
 * possessive, when another capitalised word follows, or when a verb follows
 * and it does not look like a plural common noun ("Officials said"). */
static gboolean starts_sentence (Ctx *c, guint i);

static gboolean
plain_name_word_uncached (Ctx  *c,
                          guint i)
{
  const TallyToken *t;
  const char *w;
  gsize n;

  if (!is_word (c, i))
    return FALSE;
  t = TOK (c, i);
  w = c->text + t->start;
  n = t->end - t->start;
  if (!(t->flags & TALLY_TOKEN_CAPITALIZED) || n < 2)
    return FALSE;
  /* Words of a claim ("Thursday's vote") are no name. */
  if (c->used->len > i && c->used->data[i])
    return FALSE;
  if (t->lex != NULL && t->lex->name_kind != 0)
    return TRUE;
  if (t->lex != NULL && t->lex->not_name)
    return FALSE;
  /* An inflected language's dictionary writes a common noun in lower case:
   * "Товарооборот" opening a sentence is no name, "Казахстана" is. */
  if (tally_lexicon_inflected (c->lex) && tally_lexicon_dictionary (c->lex) != NULL)
    {
      g_autofree char *lemma = tally_dictionary_lemma_as_written (tally_lexicon_dictionary (c->lex), w, n);

      if (lemma != NULL && !g_unichar_isupper (g_utf8_get_char (lemma)))
        return FALSE;
    }
  /* "Thursday's vote": the word without its possessive is no name. */
  if (t->lex == NULL && _tally_claims_is_possessive (c, i))
    {
      gsize stem = n - (w[n - 1] == 's' && w[n - 2] == '\'' ? 2 : 4);
      const TallyLexEntry *e = stem > 0 ? tally_lexicon_lookup (c->lex, w, stem) : NULL;

      if (e != NULL && e->not_name)
        return FALSE;
    }
  /* "It", or "Company" opening a sentence; "Orvik Foods Group" is a name. */
  if (t->lex != NULL && t->lex->stand_in && ((t->lex->flags & TALLY_LEX_STOP) || starts_sentence (c, i)))
    return FALSE;
  if (t->lex != NULL && (t->lex->flags & (TALLY_LEX_STOP | TALLY_LEX_DETERMINER | TALLY_LEX_NUMBER | TALLY_LEX_ORDINAL
                                          | TALLY_LEX_RELATIVE_DATE | TALLY_LEX_QUALIFIER | TALLY_LEX_CLAUSE_RESET)))
    return FALSE;
  if (t->lex != NULL && t->lex->role != TALLY_ROLE_NONE)
    return FALSE;
  if (is_month_word (c, i))
    return FALSE;
  /* "Musk-led", "Austin-based": a name made into an adjective. */
  if (t->flags & TALLY_TOKEN_HYPHENATED)
    {
      const char *dash = NULL;

      for (gsize b = 0; b + 1 < n; b++)
        if (w[b] == '-')
          dash = w + b;
      if (dash != NULL && g_ascii_islower (dash[1]))
        return FALSE;
    }
  for (gsize b = 0; b < n; b++)
    if (g_ascii_isdigit (w[b]))
      return FALSE;
  /* "BEVs", "SUVs": a plural of an abbreviation is a common noun. */
  if (n >= 3 && w[n - 1] == 's' && g_ascii_isupper (w[n - 2]))
    return FALSE;
  return TRUE;
}

/* The same, computed once per token of a sentence (the rules ask again for
 * each claim). */
static gboolean
plain_name_word (Ctx  *c,
                 guint i)
{
  guint8 *cached;

  if (i >= n_tokens (c) || !(TOK (c, i)->flags & TALLY_TOKEN_CAPITALIZED))
    return FALSE;
  if (i >= c->name_word_cache->len)
    return plain_name_word_uncached (c, i);
  cached = &c->name_word_cache->data[i];
  if (*cached == 0)
    *cached = plain_name_word_uncached (c, i) ? 2 : 1;
  return *cached == 2;
}

/* Whether word i may be part of a name: a capitalised word that is not a
 * function word, month or abbreviation of a common noun; a title ("CEO",
 * "Mr") only before a name. */
static gboolean
name_word (Ctx  *c,
           guint i)
{
  const TallyToken *t;

  if (plain_name_word (c, i))
    return TRUE;
  if (!is_word (c, i))
    return FALSE;
  t = TOK (c, i);
  return (t->flags & TALLY_TOKEN_CAPITALIZED) && t->lex != NULL && t->lex->name_word_kind == TALLY_SUBJECT_KIND_PERSON
         && plain_name_word (c, i + 1);
}

static guint32
word_hash (Ctx  *c,
           guint i)
{
  const TallyToken *t = TOK (c, i);
  guint32 h = TALLY_LEXICON_HASH_INIT;
  gsize end = t->end;

  /* "BYD's" is the word "BYD" */
  if (end - t->start > 2 && c->text[end - 2] == '\'' && c->text[end - 1] == 's')
    end -= 2;
  else if (end - t->start > 4 && memcmp (c->text + end - 4, "\xe2\x80\x99s", 4) == 0)
    end -= 4;
  for (gsize b = t->start; b < end; b++)
    h = tally_lexicon_hash_step (h, (guint8) c->text[b]);
  return h | 1;  /* never 0, which the set cannot hold */
}

/* Words seen capitalised mid-sentence, as bits of a fixed table indexed by
 * their hash: constant memory, and a collision only makes a word that starts
 * a sentence pass for a name it may not be. */
static inline gboolean
name_seen (Ctx     *c,
           guint32  h)
{
  return (c->names_seen[(h >> 3) & (NAMES_SEEN_BITS / 8 - 1)] & (1u << (h & 7))) != 0;
}

static gboolean read_chunk (Ctx *c, guint i, gboolean title_case, Chunk *ch);
static void chunk_text (Ctx *c, const Chunk *ch, GString *out);

/* The name that is a clause's subject ("Tesla delivered …", "BYD, a
 * carmaker, …") is what a later "it" or "the company" stands for. */
static void
note_clause_subjects (Ctx *c)
{
  gboolean have_subject = FALSE;

  if (c->title_case)
    return;
  for (guint k = 0; k < n_tokens (c); k++)
    {
      Chunk ch;
      gboolean clause_start;

      if (!(TOK (c, k)->flags & TALLY_TOKEN_CAPITALIZED))
        continue;
      clause_start = k == 0 || is_clause_break (c, k - 1);
      if (k == c->initial_measure || !read_chunk (c, k, FALSE, &ch))
        continue;
      k = ch.end - 1;
      if (ch.kind != TALLY_SUBJECT_KIND_ORGANISATION && ch.kind != TALLY_SUBJECT_KIND_OTHER)
        continue;
      /* "Elon Musk", "Warren Buffett": a name of two or three words with no
       * organisation word is most likely a person's; so is its last word
       * when it comes alone later ("Musk said"). */
      if (ch.kind == TALLY_SUBJECT_KIND_OTHER && ch.end - ch.first >= 2 && ch.end - ch.first <= 3
          && is_word (c, ch.end - 1) && !is_number (c, ch.end - 1))
        {
          g_hash_table_add (c->person_words, GUINT_TO_POINTER (word_hash (c, ch.end - 1)));
          continue;
        }
      if (ch.end - ch.first == 1 && g_hash_table_contains (c->person_words, GUINT_TO_POINTER (word_hash (c, ch.first))))
        continue;
      chunk_text (c, &ch, c->last_mention);
      c->last_mention_kind = ch.kind;
      if (have_subject || !clause_start || ch.possessive || ch.end >= n_tokens (c))
        continue;
      if (!(punct_is (c, ch.end, ',') || (is_word (c, ch.end) && !(TOK (c, ch.end)->flags & TALLY_TOKEN_CAPITALIZED))))
        continue;
      g_string_assign (c->last_subject, c->last_mention->str);
      c->last_subject_kind = ch.kind;
      /* "Cargo rose …": a lone first word the text never capitalises
       * elsewhere may be a common noun; such a subject stands for "it" but
       * is not what later sentences are taken to be about. */
      c->last_subject_sure = !(ch.end - ch.first == 1 && starts_sentence (c, ch.first) && ch.canonical == NULL
                               && ch.kind == TALLY_SUBJECT_KIND_OTHER && !name_seen (c, word_hash (c, ch.first))
                               && !(is_word (c, ch.end) && TOK (c, ch.end)->lex != NULL && TOK (c, ch.end)->lex->name_verb
                                    && !(TOK (c, ch.end)->lex->flags & TALLY_LEX_STOP)));
      have_subject = TRUE;
    }
  c->initial_measure = G_MAXUINT;
}

/* A verb's word, and no other kind ("Remain", "Leave", "Rose"): written
 * with a capital inside a sentence or before "has" it is a name, the side of
 * a vote or a person's ("in favour of Remain", "Remain has 48%"). */
static gboolean
verb_as_name_word (const TallyToken *t)
{
  return t->lex != NULL && t->lex->name_kind == 0 && t->lex->role == TALLY_ROLE_NONE
         && (t->lex->flags & ~(guint32) (TALLY_LEX_LEVEL_VERB | TALLY_LEX_CHANGE | TALLY_LEX_LEMMA)) == 0
         && (t->lex->flags & (TALLY_LEX_LEVEL_VERB | TALLY_LEX_CHANGE)) != 0;
}

/* The title's first word as the document's main name ("Tesla delivers
 * 1.81 mn cars …", "BYD becomes …"): a name when the lexicon does not know it
 * as a common word; it then counts as a name seen, and stands behind "the
 * company" when no name came before. */
void
_tally_claims_note_title (Ctx *c)
{
  const char *t = c->options->title, *end;
  const TallyLexEntry *e;
  guint32 h = TALLY_LEXICON_HASH_INIT;

  g_string_truncate (c->title_name, 0);
  c->title_name_kind = TALLY_SUBJECT_KIND_NONE;
  if (t == NULL || !g_utf8_validate (t, -1, NULL))
    return;
  while (*t != '\0' && g_unichar_isspace (g_utf8_get_char (t)))
    t = g_utf8_next_char (t);
  if (!g_unichar_isupper (g_utf8_get_char (t)))
    return;
  for (end = t; *end != '\0' && g_unichar_isalnum (g_utf8_get_char (end)); end = g_utf8_next_char (end))
    ;
  if (end - t < 2)
    return;
  e = tally_lexicon_lookup (c->lex, t, end - t);
  if (e != NULL && (e->name_kind == 0 || e->not_name))
    return;
  /* "Tesla delivers …", "Harwick Reported …": a verb follows; or an
   * acronym ("BYD"). Not "Energy ministers sign …", "Leaders meet …". */
  {
    gboolean acronym = TRUE;
    const char *v = end, *v_end;
    const TallyLexEntry *ve;

    for (const char *b = t; b < end; b++)
      if (!g_ascii_isupper (*b) && !g_ascii_isdigit (*b))
        acronym = FALSE;
    while (*v == ' ')
      v++;
    for (v_end = v; *v_end != '\0' && g_ascii_isalpha (*v_end); v_end++)
      ;
    ve = v_end > v ? tally_lexicon_lookup (c->lex, v, v_end - v) : NULL;
    if (!acronym && (e == NULL || e->name_kind == 0)
        && !(ve != NULL && (ve->name_verb || (ve->flags & (TALLY_LEX_LEVEL_VERB | TALLY_LEX_CHANGE))))
        && !(v_end - v > 3 && v_end[-2] == 'e' && v_end[-1] == 'd'))
      return;
  }
  for (const char *b = t; b < end; b++)
    h = tally_lexicon_hash_step (h, (guint8) *b);
  h |= 1;
  c->names_seen[(h >> 3) & (NAMES_SEEN_BITS / 8 - 1)] |= (guint8) (1u << (h & 7));
  if (e != NULL && e->canonical != NULL)
    g_string_assign (c->title_name, e->canonical);
  else
    g_string_append_len (c->title_name, t, end - t);
  c->title_name_kind = e != NULL ? e->name_kind : TALLY_SUBJECT_KIND_OTHER;
}

/* Called when a sentence is done: names read after its claims, which may
 * have shown that its first word is what a figure measures ("Revenue"). */
void
_tally_claims_subject_sentence_done (Ctx *c)
{
  if (c->n_caps > 0)
    note_clause_subjects (c);
}

/* Words written with a capital inside a sentence: a word that starts
 * another sentence is a name when the document wrote it so elsewhere
 * ("Tesla delivered …" after "shares of Tesla"). Called for every sentence,
 * with or without figures. */
/* Whether the sentence's first word is a name the document wrote as one
 * elsewhere (for the measure finder: "Halden did better, up 9%"). */
gboolean
_tally_claims_known_name (Ctx  *c,
                          guint i)
{
  return is_word (c, i) && (TOK (c, i)->flags & TALLY_TOKEN_CAPITALIZED)
         && name_seen (c, word_hash (c, i));
}

void
_tally_claims_note_names (Ctx *c)
{
  guint n = n_tokens (c), words = 0, caps = 0;

  c->has_between = FALSE;
  c->has_vote = FALSE;
  c->has_quote = FALSE;
  c->n_caps = 0;
  if (n > 0 && (TOK (c, 0)->flags & TALLY_TOKEN_LINE_START))
    c->n_lines++;
  /* One pass: capitalised words, "between", and the words a sentence start
   * may be checked against later. */
  for (guint k = 0; k < n; k++)
    {
      const TallyToken *t = TOK (c, k);

      if (t->type != TALLY_TOKEN_WORD)
        {
          if (t->type == TALLY_TOKEN_PUNCT && (c->text[t->start] == '"' || (guint8) c->text[t->start] == 0xe2))
            c->has_quote = TRUE;
          continue;
        }
      if (t->end - t->start > 3)
        words++;
      if (t->lex != NULL && t->lex->role == TALLY_ROLE_BETWEEN)
        c->has_between = TRUE;
      if (t->lex != NULL && t->lex->vote_word)
        c->has_vote = c->doc_has_vote = TRUE;
      if (!(t->flags & TALLY_TOKEN_CAPITALIZED))
        continue;
      c->n_caps++;
      if (t->end - t->start > 3)
        caps++;
      if (k > 0 && !(t->flags & TALLY_TOKEN_LINE_START) && TOK (c, k - 1)->type == TALLY_TOKEN_WORD
          && (t->lex == NULL || t->lex->flags == 0 || verb_as_name_word (t)))
        {
          guint32 h = word_hash (c, k);

          c->names_seen[(h >> 3) & (NAMES_SEEN_BITS / 8 - 1)] |= (guint8) (1u << (h & 7));
        }
    }
  /* a headline in title case: most words capitalised */
  c->title_case = words >= 3 && caps * 10 >= words * 7;
  if (c->n_caps == 0)
    return;
  set_len (c->name_word_cache, n);
  memset (c->name_word_cache->data, 0, n);
  set_len (c->chunk_cache, n);
  memset (c->chunk_cache->data, 0, n * sizeof (ChunkCache));
  /* A sentence with figures is read for names once its claims are out. */
  if (!c->candidate)
    note_clause_subjects (c);
}

static gboolean
starts_sentence (Ctx  *c,
                 guint i)
{
  return i == 0 || (TOK (c, i)->flags & TALLY_TOKEN_LINE_START)
         /* "Northfield: Predictably, …" */
         || (i > 0 && punct_is (c, i - 1, ':'))
         || (i > 0 && (TOK (c, i - 1)->type == TALLY_TOKEN_PUNCT || TOK (c, i - 1)->type == TALLY_TOKEN_DASH)
             && strchr ("\"“‘'(", c->text[TOK (c, i - 1)->start]) != NULL && i == 1);
}


/* The kind of chunk [first, end): the gazetteer for the whole chunk or its
 * longest known part, then [name_word] words inside it. */
static void
chunk_kind (Ctx   *c,
            Chunk *ch)
{
  char key[256];
  gsize len = 0;
  const TallyLexEntry *e;

  ch->kind = TALLY_SUBJECT_KIND_OTHER;
  ch->canonical = NULL;
  for (guint k = ch->first; k < ch->end; k++)
    {
      const TallyToken *t = TOK (c, k);
      gsize n = t->end - t->start;

      if (k == ch->end - 1 && ch->possessive)
        n -= c->text[t->end - 1] == 's' && c->text[t->end - 2] == '\'' ? 2 : 4;
      if (len + n + 1 >= sizeof key)
        break;
      if (k > ch->first)
        key[len++] = ' ';
      memcpy (key + len, c->text + t->start, n);
      len += n;
    }
  e = tally_lexicon_lookup (c->lex, key, len);
  /* An inflected name is found by its lemmas: "Казахстана" is "Казахстан". */
  if ((e == NULL || e->name_kind == 0) && tally_lexicon_inflected (c->lex) && tally_lexicon_dictionary (c->lex) != NULL)
    {
      g_autoptr(GString) lemmas = g_string_new (NULL);

      for (guint k = ch->first; k < ch->end; k++)
        {
          const TallyToken *t = TOK (c, k);
          g_autofree char *lemma = tally_dictionary_lemma_as_written (tally_lexicon_dictionary (c->lex),
                                                                      c->text + t->start, t->end - t->start);

          if (k > ch->first)
            g_string_append_c (lemmas, ' ');
          if (lemma != NULL)
            g_string_append (lemmas, lemma);
          else
            g_string_append_len (lemmas, c->text + t->start, t->end - t->start);
        }
      e = tally_lexicon_lookup (c->lex, lemmas->str, lemmas->len);
    }
  if (e != NULL && e->name_kind != 0)
    {
      ch->kind = e->name_kind;
      ch->canonical = e->canonical;
      return;
    }
  for (guint k = ch->first; k < ch->end; k++)
    {
      const TallyToken *t = TOK (c, k);

      if (t->lex != NULL && t->lex->name_word_kind != 0)
        {
          ch->kind = t->lex->name_word_kind;
          /* An organisation, place or event word decides ("Bank of Norway"). */
          if (ch->kind != TALLY_SUBJECT_KIND_PERSON)
            return;
        }
    }
}

/* "SCA", "NPA": a word in capitals. */
static gboolean
is_acronym (Ctx  *c,
            guint i)
{
  const TallyToken *t = TOK (c, i);

  if (!is_word (c, i) || t->end - t->start < 2)
    return FALSE;
  for (gsize b = t->start; b < t->end; b++)
    if (!g_ascii_isupper (c->text[b]))
      return FALSE;
  return TRUE;
}

/* Whether word i is what the claim measures ("Trade. Trade between …"). */
static gboolean
is_claim_measure (Ctx  *c,
                  guint i)
{
  const TallyToken *t = TOK (c, i);
  gsize n = t->end - t->start;

  if (c->claim_measure != NULL && g_ascii_strncasecmp (c->claim_measure, c->text + t->start, n) == 0
      && (c->claim_measure[n] == '\0' || c->claim_measure[n] == ' '))
    {
      c->initial_measure = i;
      return TRUE;
    }
  return FALSE;
}

/* A word that starts a sentence and that the text has not yet written with
 * a capital elsewhere: a name when a lower-case word follows, it is no plural
 * ("Officials said") and it is not what the figure measures ("Revenue rose
 * 4%": c->claim_measure). */
static gboolean
initial_name (Ctx  *c,
              guint i)
{
  const TallyToken *t = TOK (c, i);
  const char *w = c->text + t->start;
  gsize n = t->end - t->start;

  /* "Remain has 48%": a verb's word before "has" or "is" is a name. */
  if (verb_as_name_word (t) && is_word (c, i + 1) && !(TOK (c, i + 1)->flags & TALLY_TOKEN_CAPITALIZED)
      && (is_role (c, i + 1, TALLY_ROLE_IS) || is_role (c, i + 1, TALLY_ROLE_WAS) || is_role (c, i + 1, TALLY_ROLE_HAD)
          || (TOK (c, i + 1)->lex != NULL && TOK (c, i + 1)->lex->name_verb)))
    return !is_claim_measure (c, i);
  if (t->lex != NULL || w[n - 1] == 's')
    return FALSE;
  /* "Predictably, London voted …": an adverb opening the sentence. */
  if (n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y' && punct_is (c, i + 1, ','))
    return FALSE;
  /* "Heavy rain has …", "Initial reports say …", "Sport has become …": a
   * word the language's dictionary writes in lower case is a common word
   * that happens to open the sentence; "Brazil", "Tesla" keep their capital
   * there, and a word it does not know may be a name. Not in a text about
   * a vote, whose sides are often common words ("Join has 55%"). */
  if (tally_lexicon_names_dictionary (c->lex) != NULL && !c->doc_has_vote
      && tally_dictionary_common_word (tally_lexicon_names_dictionary (c->lex), w, n))
    return FALSE;
  /* a verb follows ("Tesla delivered", "BYD sold", "Halden will"), or a
   * comma opening an apposition ("BYD, a carmaker, …"); not a preposition
   * or a noun ("Trade between …", "National customs …"). */
  /* "NPA Chairman Ines Varga": an organisation before its officer's title */
  if (is_acronym (c, i) && is_word (c, i + 1) && TOK (c, i + 1)->lex != NULL && TOK (c, i + 1)->lex->name_word_kind == TALLY_SUBJECT_KIND_PERSON
      && (TOK (c, i + 1)->flags & TALLY_TOKEN_CAPITALIZED) && plain_name_word (c, i + 2))
    return !is_claim_measure (c, i);
  if (!punct_is (c, i + 1, ',')
      && !(is_word (c, i + 1) && !(TOK (c, i + 1)->flags & TALLY_TOKEN_CAPITALIZED)
           && (_tally_claims_looks_verb (c, i + 1) || has_flag (c, i + 1, TALLY_LEX_LEVEL_VERB | TALLY_LEX_CHANGE)
               || is_modal (c, i + 1) || is_role (c, i + 1, TALLY_ROLE_IS) || is_role (c, i + 1, TALLY_ROLE_WAS)
               || is_role (c, i + 1, TALLY_ROLE_ARE) || is_role (c, i + 1, TALLY_ROLE_WERE)
               || is_role (c, i + 1, TALLY_ROLE_HAD) || is_role (c, i + 1, TALLY_ROLE_DID)
               || (TOK (c, i + 1)->lex != NULL && TOK (c, i + 1)->lex->name_verb))))
    return FALSE;
  return !is_claim_measure (c, i);
}

/* Reads the name that starts at token i: capitalised words, with "of" and
 * "the" inside between capitalised words ("Bank of England"), ending at a
 * possessive. Returns FALSE when no name starts there. */
static gboolean
read_chunk (Ctx     *c,
            guint    i,
            gboolean title_case,
            Chunk   *ch)
{
  guint k = i;

  if (!name_word (c, i))
    return FALSE;
  /* Not from the middle of a name ("Francisco" of "San Francisco"). */
  if (i > 0 && is_word (c, i - 1) && (TOK (c, i - 1)->flags & TALLY_TOKEN_CAPITALIZED)
      && (!starts_sentence (c, i - 1) || plain_name_word (c, i - 1))
      && !_tally_claims_is_possessive (c, i - 1) && !starts_sentence (c, i))
    return FALSE;
  ch->first = i;
  ch->possessive = FALSE;
  while (k < n_tokens (c) && k - i < MAX_CHUNK)
    {
      /* "Tesla CEO Elon Musk": a title starts another name. */
      if (k > i && TOK (c, k)->lex != NULL && TOK (c, k)->lex->name_word_kind == TALLY_SUBJECT_KIND_PERSON
          && (!plain_name_word (c, k) || is_acronym (c, k - 1)
              || (TOK (c, k - 1)->lex != NULL && TOK (c, k - 1)->lex->name_word_kind == TALLY_SUBJECT_KIND_ORGANISATION)))
        break;
      if (name_word (c, k))
        {
          if (_tally_claims_is_possessive (c, k))
            {
              ch->possessive = TRUE;
              k++;
              break;
            }
          k++;
          continue;
        }
      /* "Baltic–Caspian Connectivity Summit", "Rolls-Royce" */
      if (k > i && TOK (c, k)->type == TALLY_TOKEN_DASH && attached (c, k) && attached (c, k + 1) && plain_name_word (c, k + 1))
        {
          k++;
          continue;
        }
      /* "Model Y", "Boeing 737": a letter or a number that is part of the name. */
      if (k > i && attached (c, k) == FALSE && is_word (c, k) && TOK (c, k)->end - TOK (c, k)->start == 1
          && g_ascii_isupper (c->text[TOK (c, k)->start]))
        {
          k++;
          continue;
        }
      if (k > i && is_number (c, k) && !c->used->data[k] && TOK (c, k)->decimals == 0
          && !(TOK (c, k)->flags & TALLY_TOKEN_NUMBER_SEP) && TOK (c, k)->n_int_digits <= 4 && !is_plain_year (c, k))
        {
          k++;
          /* "Model 3/Y" */
          if (punct_is (c, k, '/') && attached (c, k) && attached (c, k + 1) && is_word (c, k + 1)
              && TOK (c, k + 1)->end - TOK (c, k + 1)->start == 1)
            k += 2;
          break;
        }
      /* "Bank of England", "Suez Canal Authority" */
      if (k > i && (is_role (c, k, TALLY_ROLE_OF) || is_role (c, k, TALLY_ROLE_THE)) && name_word (c, k + 1)
          && !is_role (c, k + 1, TALLY_ROLE_THE))
        {
          k++;
          continue;
        }
      break;
    }
  ch->end = k;
  /* "Elon Musk-led automaker": the whole name is an adjective. */
  if (!ch->possessive && is_word (c, k) && (TOK (c, k)->flags & TALLY_TOKEN_CAPITALIZED)
      && (TOK (c, k)->flags & TALLY_TOKEN_HYPHENATED) && !name_word (c, k))
    return FALSE;
  /* "Shares of Tesla": a plural that starts the sentence is no name. */
  if (starts_sentence (c, i) && is_word (c, i) && c->text[TOK (c, i)->end - 1] == 's' && !ch->possessive
      && (TOK (c, i)->lex == NULL || TOK (c, i)->lex->name_kind == 0))
    return FALSE;
  /* "SAN FRANCISCO:" or "Oslo —" opening a line: a dateline, no subject. */
  if (starts_sentence (c, i) && k < n_tokens (c) && (punct_is (c, k, ':') || TOK (c, k)->type == TALLY_TOKEN_DASH)
      && !ch->possessive && !c->in_list_line
      /* a dateline opens the text; "Scotland: The population voted …"
       * further down is a paragraph's label */
      && (c->n_lines <= 1 || !punct_is (c, k, ':'))
      /* "Japan — €2.1 billion" is a list line's label, not a dateline */
      && !(is_number (c, k + 1) || TOK (c, k + 1)->type == TALLY_TOKEN_SYMBOL || has_flag (c, k + 1, TALLY_LEX_CURRENCY)))
    return FALSE;
  /* "AKTAU, Kazakhstan —": a place in capitals opening a line. */
  if (starts_sentence (c, i) && punct_is (c, k, ',') && TOK (c, i)->end - TOK (c, i)->start >= 3
      && g_ascii_isupper (c->text[TOK (c, i)->start + 1]) && g_ascii_isupper (c->text[TOK (c, i)->start + 2]))
    return FALSE;
  /* The kind of a chunk is looked up once per sentence: the rules read the
   * same names again for each claim. */
  if (c->chunk_cache->len > i && g_array_index (c->chunk_cache, ChunkCache, i).end == ch->end
      && g_array_index (c->chunk_cache, ChunkCache, i).possessive == ch->possessive)
    {
      ch->kind = g_array_index (c->chunk_cache, ChunkCache, i).kind;
      ch->canonical = g_array_index (c->chunk_cache, ChunkCache, i).canonical;
    }
  else
    {
      chunk_kind (c, ch);
      if (c->chunk_cache->len > i)
        {
          ChunkCache *cc = &g_array_index (c->chunk_cache, ChunkCache, i);

          cc->end = ch->end;
          cc->possessive = ch->possessive;
          cc->kind = ch->kind;
          cc->canonical = ch->canonical;
        }
    }
  /* A sentence-initial word alone, or any word of a headline in title case,
   * is a name only when the gazetteer or a name word says so. */
  if (ch->kind == TALLY_SUBJECT_KIND_OTHER && ch->canonical == NULL)
    {
      if (title_case)
        return FALSE;
      if (starts_sentence (c, i) && ch->end == i + 1 && !ch->possessive)
        {
          const TallyToken *t = TOK (c, i);

          if (t->lex != NULL && t->lex->name_word_kind == 0 && !verb_as_name_word (t))
            return FALSE;
          if (!name_seen (c, word_hash (c, i)) && !initial_name (c, i))
            return FALSE;
        }
      /* "Chinese automaker BYD", "Nordic countries": an adjective of a
       * place before a common noun modifies it. */
      if (ch->end == i + 1 && !ch->possessive && is_word (c, i + 1) && !(TOK (c, i + 1)->flags & TALLY_TOKEN_CAPITALIZED)
          && !_tally_claims_looks_verb (c, i + 1) && !has_flag (c, i + 1, TALLY_LEX_STOP | TALLY_LEX_LEVEL_VERB | TALLY_LEX_CHANGE)
          && !is_modal (c, i + 1))
        {
          const TallyToken *t = TOK (c, i);
          const char *w = c->text + t->start;
          gsize n = t->end - t->start;

          if ((n > 3 && memcmp (w + n - 3, "ese", 3) == 0) || (n > 3 && memcmp (w + n - 3, "ish", 3) == 0)
              || (n > 2 && memcmp (w + n - 2, "an", 2) == 0) || (n > 2 && memcmp (w + n - 2, "ic", 2) == 0)
              || (n > 2 && memcmp (w + n - 2, "ch", 2) == 0))
            return FALSE;
        }
    }
  return TRUE;
}

/* Writes the chunk's name into out: the gazetteer's form, else the words
 * as written less a possessive and a leading title ("Mr"). */
static void
chunk_text (Ctx         *c,
            const Chunk *ch,
            GString     *out)
{
  guint first = ch->first;
  gsize start, end;

  g_string_truncate (out, 0);
  if (ch->canonical != NULL)
    {
      g_string_append (out, ch->canonical);
      return;
    }
  while (first + 1 < ch->end && TOK (c, first)->lex != NULL
         && TOK (c, first)->lex->name_word_kind == TALLY_SUBJECT_KIND_PERSON)
    first++;
  if (first < ch->end && punct_is (c, first, '.'))
    first++;
  /* "Tesla Inc", "Shell plc": the name without its legal form. */
  {
    guint last = ch->end - 1;

    if (!ch->possessive && last > first && TOK (c, last)->lex != NULL && TOK (c, last)->lex->name_suffix)
      {
        start = TOK (c, first)->start;
        end = TOK (c, last - 1)->end;
        g_string_append_len (out, c->text + start, end - start);
        return;
      }
  }
  start = TOK (c, first)->start;
  end = TOK (c, ch->end - 1)->end;
  if (ch->possessive)
    end -= c->text[end - 1] == 's' && c->text[end - 2] == '\'' ? 2 : 4;
  g_string_append_len (out, c->text + start, end - start);
}

static gboolean
is_preposition (Ctx  *c,
                guint i)
{
  if (i >= n_tokens (c) || TOK (c, i)->lex == NULL)
    return FALSE;
  switch (TOK (c, i)->lex->role)
    {
    case TALLY_ROLE_IN: case TALLY_ROLE_AT: case TALLY_ROLE_FROM: case TALLY_ROLE_TO: case TALLY_ROLE_FOR:
    case TALLY_ROLE_WITH: case TALLY_ROLE_BY: case TALLY_ROLE_OF: case TALLY_ROLE_ON: case TALLY_ROLE_OVER:
    case TALLY_ROLE_UNDER: case TALLY_ROLE_AGAINST: case TALLY_ROLE_SINCE: case TALLY_ROLE_BETWEEN:
    case TALLY_ROLE_THAN: case TALLY_ROLE_AS:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
set_subject (Ctx              *c,
             const Chunk      *ch)
{
  Chunk two;

  chunk_text (c, ch, c->subject);
  c->subject_kind = ch->kind;
  /* "Товарооборот России и Китая", "China and Russia agreed …": two
   * countries named together are one subject, the pair. */
  /* Not the last two of a list ("Lithuania, Kazakhstan and Azerbaijan"). */
  if (ch->kind == TALLY_SUBJECT_KIND_COUNTRY && !ch->possessive && is_role (c, ch->end, TALLY_ROLE_AND)
      && !(ch->first > 0 && (punct_is (c, ch->first - 1, ',') || is_role (c, ch->first - 1, TALLY_ROLE_AND)))
      && ch->end + 1 < n_tokens (c) && (TOK (c, ch->end + 1)->flags & TALLY_TOKEN_CAPITALIZED) && is_word (c, ch->end + 1))
    {
      const char *pair = NULL;

      /* the other name as one word ("Индии") or as a chunk ("South Korea") */
      two.first = ch->end + 1;
      two.end = ch->end + 2;
      two.possessive = FALSE;
      chunk_kind (c, &two);
      if ((two.kind != TALLY_SUBJECT_KIND_COUNTRY || two.canonical == NULL) && read_chunk (c, ch->end + 1, FALSE, &two))
        chunk_kind (c, &two);
      if (two.kind == TALLY_SUBJECT_KIND_COUNTRY && two.canonical != NULL)
        pair = tally_gazetteer_pair (c->subject->str, two.canonical);
      if (pair != NULL)
        g_string_assign (c->subject, pair);
    }
}

/* "trade between Japan and Norway": both, in a fixed order, so that
 * "between Norway and Japan" names the same pair. */
static gboolean
subject_between (Ctx  *c,
                 guint from,
                 guint to)
{
  for (guint k = from; k + 3 < to; k++)
    {
      Chunk a, b;
      g_autoptr(GString) one = NULL;
      g_autoptr(GString) two = NULL;

      if (!is_role (c, k, TALLY_ROLE_BETWEEN))
        continue;
      if (!read_chunk (c, k + 1, FALSE, &a) || !is_role (c, a.end, TALLY_ROLE_AND) || !read_chunk (c, a.end + 1, FALSE, &b))
        continue;
      one = g_string_new (NULL);
      two = g_string_new (NULL);
      chunk_text (c, &a, one);
      chunk_text (c, &b, two);
      g_string_truncate (c->subject, 0);
      if (strcmp (one->str, two->str) <= 0)
        g_string_append_printf (c->subject, "%s–%s", one->str, two->str);
      else
        g_string_append_printf (c->subject, "%s–%s", two->str, one->str);
      c->subject_kind = a.kind == b.kind ? a.kind : TALLY_SUBJECT_KIND_OTHER;
      return TRUE;
    }
  return FALSE;
}

/* A part of a pair as a country: a name of the lexicon's gazetteer
 * ("Russia", "Китай"), a subject as it stands, or, in an inflected language,
 * an adjective of a country's name ("российско", "китайского": the stem
 * before its last "ск" begins one country's name). */
static const char *
country_part (Ctx        *c,
              const char *text,
              gsize       len)
{
  const TallyLexEntry *e = tally_lexicon_lookup (c->lex, text, len);

  if (e != NULL && e->name_kind != 0)
    return e->name_kind == TALLY_SUBJECT_KIND_COUNTRY ? e->canonical : NULL;
  if (tally_lexicon_inflected (c->lex))
    {
      const char *sk = NULL;

      for (const char *p = g_strstr_len (text, len, "ск"); p != NULL && p < text + len;
           p = g_strstr_len (p + 1, text + len - p - 1, "ск"))
        sk = p;
      if (sk != NULL)
        return tally_gazetteer_country_by_stem (tally_gazetteer_get (c->options->language ? c->options->language : "en"),
                                                text, sk - text);
      return NULL;
    }
  {
    g_autofree char *name = g_strndup (text, len);

    return tally_gazetteer_subject_id (name) != NULL ? g_intern_string (name) : NULL;
  }
}

/* Two countries joined by a hyphen or a dash ("China-Russia",
 * "Russia–China", "российско-китайский"): the pair as one subject, the same
 * in every language (tally_gazetteer_pair()), or NULL. */
static const char *
pair_written (Ctx        *c,
              const char *text,
              gsize       len)
{
  for (gsize i = 1; i + 1 < len; i++)
    {
      gsize dash = text[i] == '-' ? 1 : (i + 3 < len && memcmp (text + i, "\xe2\x80\x93", 3) == 0) ? 3 : 0;
      const char *one, *two;

      if (dash == 0)
        continue;
      one = country_part (c, text, i);
      two = one != NULL ? country_part (c, text + i + dash, len - i - dash) : NULL;
      return two != NULL ? tally_gazetteer_pair (one, two) : NULL;
    }
  return NULL;
}

/* "российско-китайский товарооборот": a pair adjective in the clause or
 * right after the figure is what the figure is about. Only where a pair
 * adjective can be written in lower case (an inflected language). */
static gboolean
subject_pair_adjective (Ctx  *c,
                        guint from,
                        guint to)
{
  if (!tally_lexicon_inflected (c->lex))
    return FALSE;
  for (guint k = from; k < to && k < n_tokens (c); k++)
    {
      const TallyToken *t = TOK (c, k);
      gsize start = t->start, end = t->end;
      const char *pair;

      if (!is_word (c, k))
        continue;
      /* a hyphen the tokenizer keeps apart: "российско" "-" "китайский" */
      if (k + 2 < n_tokens (c) && TOK (c, k + 1)->type == TALLY_TOKEN_DASH && attached (c, k + 1) && attached (c, k + 2)
          && is_word (c, k + 2))
        end = TOK (c, k + 2)->end;
      if (end - start < 8 || memchr (c->text + start, '-', end - start) == NULL)
        continue;
      pair = pair_written (c, c->text + start, end - start);
      if (pair != NULL)
        {
          g_string_assign (c->subject, pair);
          c->subject_kind = TALLY_SUBJECT_KIND_COUNTRY;
          return TRUE;
        }
    }
  return FALSE;
}

/* The clause of the claim: from after the last break before `first`. */
static guint
clause_start (Ctx  *c,
              guint first)
{
  for (guint k = first; k > 0; k--)
    if (is_clause_break (c, k - 1) || punct_is (c, k - 1, ';'))
      return k;
  return 0;
}

static gboolean
is_age (Ctx              *c,
        const TallyClaimRecord *record)
{
  return record->measure != NULL && (strstr (record->measure, "year-old") != NULL || strstr (record->measure, "age") == record->measure);
}

/* The person an age or a bare role noun is about: a title or "said" marks a
 * name as a person's; the document's last such name is kept. */
static void
note_people (Ctx *c)
{
  for (guint k = 0; k < n_tokens (c); k++)
    {
      Chunk ch;

      if (!(TOK (c, k)->flags & TALLY_TOKEN_CAPITALIZED) || !read_chunk (c, k, FALSE, &ch))
        continue;
      if (ch.kind == TALLY_SUBJECT_KIND_PERSON
          || (ch.kind == TALLY_SUBJECT_KIND_OTHER && ch.end - ch.first >= 2 && ch.canonical == NULL
              && (punct_is (c, ch.end, ',') && (small_int (c, ch.end + 1) > 0 || is_determiner (c, ch.end + 1)))))
        chunk_text (c, &ch, c->last_person);
      k = ch.end > k ? ch.end - 1 : k;
    }
}

void
_tally_claims_subject_sentence (Ctx *c)
{
  c->claim_subject_end = 0;
  g_string_truncate (c->claim_subject, 0);

  note_people (c);
}

/* Whether word k names a side of a vote: written with a capital inside a
 * sentence, here or elsewhere in the text ("to remain" after "… of
 * Remain"), and no place or function word ("voted for Britain to leave"). */
static gboolean
side_word (Ctx  *c,
           guint k)
{
  const TallyToken *t;

  if (!is_word (c, k))
    return FALSE;
  t = TOK (c, k);
  if (t->end - t->start < 2 || (t->lex != NULL && (t->lex->name_kind != 0 || t->lex->role != TALLY_ROLE_NONE
                                                   || (t->lex->flags & (TALLY_LEX_STOP | TALLY_LEX_DETERMINER)))))
    return FALSE;
  /* "52% of the vote to Remain's 48%": the other side, with its own figure. */
  if (_tally_claims_is_possessive (c, k))
    return FALSE;
  if ((t->flags & TALLY_TOKEN_CAPITALIZED) && !starts_sentence (c, k))
    return TRUE;
  /* (the set of names seen folds case) */
  return name_seen (c, word_hash (c, k));
}

/* Tokens [from, to) as the subject when they are all capitalised words that
 * may name something: a label that read_chunk () would not take for a name
 * on its own ("Eastcliff:" opening a line, "Join - 14,773"). */
static gboolean
set_label (Ctx  *c,
           guint from,
           guint to)
{
  if (to <= from || to - from > 4)
    return FALSE;
  for (guint k = from; k < to; k++)
    {
      const TallyToken *t = TOK (c, k);

      if (!is_word (c, k) || !(t->flags & TALLY_TOKEN_CAPITALIZED)
          || (t->lex != NULL && !verb_as_name_word (t) && t->lex->name_kind == 0 && t->lex->name_word_kind == 0))
        return FALSE;
    }
  g_string_truncate (c->subject, 0);
  g_string_append_len (c->subject, c->text + TOK (c, from)->start, TOK (c, to - 1)->end - TOK (c, from)->start);
  c->subject_kind = TALLY_SUBJECT_KIND_OTHER;
  return TRUE;
}

static void
set_side (Ctx  *c,
          guint k)
{
  const TallyToken *t = TOK (c, k);

  g_string_truncate (c->subject, 0);
  g_string_append_c (c->subject, g_ascii_toupper (c->text[t->start]));
  g_string_append_len (c->subject, c->text + t->start + 1, t->end - t->start - 1);
  c->subject_kind = TALLY_SUBJECT_KIND_OTHER;
}

/* The side of a vote a figure counts: "12,004 votes to Stay", "16.1m for
 * Remain", "48% voted to remain", "55% (12,004) who voted for Join",
 * "voted 96% in favour of Remain". From the token after the figure, in its
 * clause (a parenthesis is passed over). */
static gboolean
subject_side (Ctx  *c,
              guint after)
{
  guint n = n_tokens (c), depth = 0;

  if ((is_role (c, after, TALLY_ROLE_TO) || is_role (c, after, TALLY_ROLE_FOR)) && side_word (c, after + 1))
    {
      set_side (c, after + 1);
      return TRUE;
    }
  for (guint k = after; k < n && k < after + 12; k++)
    {
      if (punct_is (c, k, '('))
        depth++;
      else if (punct_is (c, k, ')') && depth > 0)
        depth--;
      else if (depth == 0 && (is_clause_break (c, k) || is_number (c, k)))
        return FALSE;
      if (depth > 0 || !is_word (c, k) || TOK (c, k)->lex == NULL || !TOK (c, k)->lex->vote_word)
        continue;
      for (guint j = k + 1; j < n && j <= k + 6; j++)
        {
          if (is_clause_break (c, j) || is_number (c, j))
            return FALSE;
          if ((is_role (c, j, TALLY_ROLE_TO) || is_role (c, j, TALLY_ROLE_FOR) || is_role (c, j, TALLY_ROLE_OF))
              && side_word (c, j + 1))
            {
              set_side (c, j + 1);
              return TRUE;
            }
        }
      return FALSE;
    }
  return FALSE;
}

/* A name and a spaced dash next to the figure: "Leave - 17,410,742" and
 * "16,141,241 (48.1%) - Remain" at the end of a line of results. */
static gboolean
subject_dash (Ctx  *c,
              guint first,
              guint after)
{
  guint n = n_tokens (c), k = after;
  Chunk ch;

  if (first >= 2 && TOK (c, first - 1)->type == TALLY_TOKEN_DASH && !attached (c, first - 1) && !attached (c, first))
    for (guint s = first > 7 ? first - 7 : 0; s + 1 < first; s++)
      if ((TOK (c, s)->flags & TALLY_TOKEN_CAPITALIZED) && read_chunk (c, s, c->title_case, &ch) && ch.end == first - 1
          && !ch.possessive)
        {
          set_subject (c, &ch);
          return TRUE;
        }
  if (first >= 2 && TOK (c, first - 1)->type == TALLY_TOKEN_DASH && !attached (c, first - 1) && !attached (c, first)
      && starts_sentence (c, first - 2) && set_label (c, first - 2, first - 1))
    return TRUE;
  if (punct_is (c, k, '('))
    {
      while (k < n && !punct_is (c, k, ')'))
        k++;
      k++;
    }
  if (k + 1 < n && TOK (c, k)->type == TALLY_TOKEN_DASH && !attached (c, k) && !attached (c, k + 1))
    {
      gboolean named = read_chunk (c, k + 1, c->title_case, &ch) && !ch.possessive;
      guint e = named ? ch.end : k + 1;

      /* in a line of title-case words, a single word */
      if (e == k + 1 && is_word (c, k + 1) && (k + 2 == n || TOK (c, k + 2)->type == TALLY_TOKEN_PUNCT)
          && set_label (c, k + 1, k + 2))
        return TRUE;

      while (e < n && TOK (c, e)->type == TALLY_TOKEN_PUNCT)
        e++;
      /* Only a chunk that was read: `ch` is not set otherwise (fuzz-claims
       * found inputs that crashed on it). */
      if (e == n && named)
        {
          set_subject (c, &ch);
          return TRUE;
        }
    }
  return FALSE;
}

void
_tally_claims_find_subject (Ctx              *c,
                            TallyClaimRecord *record,
                            guint             first,
                            guint             last)
{
  guint from = clause_start (c, first);
  guint n = n_tokens (c);
  Chunk ch;

  g_string_truncate (c->subject, 0);
  c->subject_kind = TALLY_SUBJECT_KIND_NONE;
  c->claim_measure = record->measure;
  record->subject = NULL;
  record->subject_kind = TALLY_SUBJECT_KIND_NONE;

  /* Projections: "is expected to exceed", "will cost", "could reach". */
  record->modality = TALLY_MODALITY_REPORTED;
  for (guint k = from; k < first; k++)
    if (TOK (c, k)->lex != NULL && TOK (c, k)->lex->projection && !c->used->data[k]
        /* "better than expected": a comparison with what was foreseen */
        && !(k > 0 && is_role (c, k - 1, TALLY_ROLE_THAN)))
      record->modality = TALLY_MODALITY_PROJECTED;
  /* "a 2 million goal", "a $5bn target": the noun the figure sizes. */
  {
    guint after = last + 1;

    /* past the counted noun that the claim's words run on to */
    while (after < n_tokens (c) && TOK (c, after)->start < record->end)
      after++;
    if (after < n_tokens (c) && TOK (c, after)->lex != NULL && TOK (c, after)->lex->projection
        && is_word (c, after) && !_tally_claims_looks_verb (c, after))
      record->modality = TALLY_MODALITY_PROJECTED;
    /* "More than $2bn (£1.6bn) will be spent": a figure that is the subject
     * of a verb in the future. */
    if (punct_is (c, after, '('))
      for (guint k = after + 1; k < n_tokens (c) && k < after + 8; k++)
        if (punct_is (c, k, ')'))
          {
            after = k + 1;
            break;
          }
    if (is_word (c, after) && is_modal (c, after) && TOK (c, after)->lex->projection)
      record->modality = TALLY_MODALITY_PROJECTED;
  }
  /* "$2bn (£1.6bn) will be spent": the figure in brackets restates the one
   * before it. */
  if (first > 1 && punct_is (c, first - 1, '(') && c->claim_subject_end == first - 1)
    record->modality = MAX (record->modality, c->last_claim_modality);

  if (record->kind == TALLY_CLAIM_KIND_YEAR || record->kind == TALLY_CLAIM_KIND_DATE)
    {
      c->claim_measure = NULL;
      return;
    }

  {
    guint after = last + 1;

    while (after < n && TOK (c, after)->start < record->end)
      after++;

    /* "17,410,742 (51.9%)": a figure in brackets right after another
     * restates it, and is about the same. */
    if (first > 0 && punct_is (c, first - 1, '(') && c->claim_subject_end > 0 && c->claim_subject_end < first
        && c->claim_subject->len > 0)
      {
        gboolean same_clause = TRUE;

        for (guint k = c->claim_subject_end; k + 1 < first; k++)
          if (is_clause_break (c, k) && !punct_is (c, k, ')'))
            same_clause = FALSE;
        if (same_clause)
          {
            g_string_assign (c->subject, c->claim_subject->str);
            c->subject_kind = c->last_claim_subject_kind;
            goto done;
          }
      }

    if (subject_pair_adjective (c, from, MIN (first, n)) || subject_pair_adjective (c, after, MIN (after + 3, n)))
      goto done;
    /* "bilateral trade reached …", "двусторонний товарооборот": both
     * countries, the pair a claim was last about, when the clause names no
     * one else (only its first word may be capitalised). */
    if (c->last_pair->len > 0 && !c->has_between)
      {
        gboolean bilateral = FALSE, named = FALSE;

        for (guint k = from; k < MIN (first, n); k++)
          {
            if (TOK (c, k)->lex != NULL && TOK (c, k)->lex->bilateral)
              bilateral = TRUE;
            else if ((TOK (c, k)->flags & TALLY_TOKEN_CAPITALIZED) && k > from && is_word (c, k))
              named = TRUE;
          }
        if (bilateral && !named)
          {
            g_string_assign (c->subject, c->last_pair->str);
            c->subject_kind = TALLY_SUBJECT_KIND_COUNTRY;
            goto done;
          }
      }
    /* "China-Russia trade": a pair that opens the measure is its subject,
     * and the measure what follows ("trade"). */
    if (record->measure != NULL)
      {
        const char *space = strchr (record->measure, ' ');
        const char *pair = space != NULL ? pair_written (c, record->measure, space - record->measure) : NULL;

        if (pair != NULL)
          {
            g_string_assign (c->subject, pair);
            c->subject_kind = TALLY_SUBJECT_KIND_COUNTRY;
            record->measure = (char *) space + 1;   /* into the same borrowed string */
            goto done;
          }
      }

    if (c->n_caps == 0)
      goto no_names;

    /* "Scotland: The population voted … 62%": a paragraph's label. */
    {
      guint colon = 1;

      while (colon < 5 && colon < first && !punct_is (c, colon, ':'))
        colon++;
      /* not the dateline that opens a text ("Tromsø: the …") */
      if (colon < first && punct_is (c, colon, ':') && (TOK (c, 0)->flags & TALLY_TOKEN_LINE_START) && c->n_lines > 1
          && (is_determiner (c, colon + 1) || is_role (c, colon + 1, TALLY_ROLE_THE))
          && (TOK (c, colon + 1)->flags & TALLY_TOKEN_CAPITALIZED))
        {
          if (read_chunk (c, 0, c->title_case, &ch) && !ch.possessive && ch.end == colon)
            {
              set_subject (c, &ch);
              goto done;
            }
          if (set_label (c, 0, colon))
            goto done;
        }
    }
    if (subject_dash (c, first, after))
      goto done;
    if (c->has_vote && subject_side (c, after))
      goto done;
  }

  /* A line of a list: its label ("Japan — €2.1 billion (31% of the total)"). */
  if (c->in_list_line || (starts_sentence (c, 0) && n > 2))
    {
      guint k = 0;

      while (k < n && !is_word (c, k))
        k++;
      if (k < first && read_chunk (c, k, c->title_case, &ch) && ch.end < first
          && (TOK (c, ch.end)->type == TALLY_TOKEN_DASH || punct_is (c, ch.end, ':') || punct_is (c, ch.end, '|'))
          && (c->in_list_line || is_number (c, ch.end + 1) || TOK (c, ch.end + 1)->type == TALLY_TOKEN_SYMBOL
              || has_flag (c, ch.end + 1, TALLY_LEX_CURRENCY)))
        {
          set_subject (c, &ch);
          goto done;
        }
    }

  if (c->has_between && subject_between (c, 0, n))
    goto done;

  /* A possessive name in the clause or just after the figure ("12% of
   * Norway's exports"). */
  for (guint k = from; k < first; k++)
    if ((TOK (c, k)->flags & TALLY_TOKEN_CAPITALIZED) && read_chunk (c, k, c->title_case, &ch))
      {
        if (ch.possessive)
          {
            /* "Elon Musk's company": the company named before. */
            if (is_word (c, ch.end) && TOK (c, ch.end)->lex != NULL && TOK (c, ch.end)->lex->stand_in
                && c->last_subject->len > 0)
              {
                g_string_assign (c->subject, c->last_subject->str);
                c->subject_kind = c->last_subject_kind;
              }
            else
              set_subject (c, &ch);
            goto done;
          }
        k = ch.end - 1;
      }
  if (is_role (c, last + 1, TALLY_ROLE_OF) && read_chunk (c, last + 2, c->title_case, &ch))
    {
      set_subject (c, &ch);
      goto done;
    }
  if (is_role (c, last + 1, TALLY_ROLE_OF) && is_determiner (c, last + 2) && read_chunk (c, last + 3, c->title_case, &ch)
      && ch.possessive)
    {
      set_subject (c, &ch);
      goto done;
    }

  /* The clause's subject: the first name not after a preposition; else the
   * sentence's, when the clause has none ("Tesla, based in Austin,
   * delivered …"). */
  {
    Chunk source;
    gboolean have_source = FALSE;

  for (int pass = 0; pass < 2; pass++)
    {
      guint start = pass == 0 ? from : 0, stop = pass == 0 ? first : from;

      /* "According to the minister, Ana Ruiz, …": a clause opened by a
       * verb of saying names sources. */
      if (pass == 1 && is_word (c, 0) && TOK (c, 0)->lex != NULL && TOK (c, 0)->lex->speech_verb)
        break;
      for (guint k = start; k < stop; k++)
        {
          if (!(TOK (c, k)->flags & TALLY_TOKEN_CAPITALIZED) || !read_chunk (c, k, c->title_case, &ch))
            continue;
          if (k > 0 && (is_preposition (c, k - 1) || (is_determiner (c, k - 1) && k > 1 && is_preposition (c, k - 2))))
            {
              /* "the population of Norway": a name after "of" right behind
               * the figure's noun is what that noun belongs to. */
              if (is_role (c, k - 1, TALLY_ROLE_OF) && pass == 0)
                {
                  set_subject (c, &ch);
                  goto done;
                }
              k = ch.end - 1;
              continue;
            }
          /* A source is never the subject: "the agency reports that …",
           * "Ruiz said", "told Reuters". A speaker that is no person is
           * kept in case the clause names no one else ("Tesla said it
           * delivered …"). */
          if ((is_word (c, ch.end) && TOK (c, ch.end)->lex != NULL && TOK (c, ch.end)->lex->speech_verb
               && !ch.possessive)
              || (k > 0 && is_word (c, k - 1) && TOK (c, k - 1)->lex != NULL && TOK (c, k - 1)->lex->speech_verb))
            {
              if (!have_source && ch.kind != TALLY_SUBJECT_KIND_PERSON && is_word (c, ch.end)
                  && TOK (c, ch.end)->lex != NULL && TOK (c, ch.end)->lex->speech_verb)
                {
                  source = ch;
                  have_source = TRUE;
                }
              k = ch.end - 1;
              continue;
            }
          set_subject (c, &ch);
          goto done;
        }
      /* the clause's own speaker before names of other clauses */
      if (have_source)
        {
          set_subject (c, &source);
          goto done;
        }
    }
  }

  /* "… grew 38% to 1.81 million,” Tesla said": a quotation's figures are
   * the speaker's, when that is no person. */
  for (guint k = last + 1; c->has_quote && k + 2 < n; k++)
    {
      const TallyToken *q = TOK (c, k);

      if (q->type != TALLY_TOKEN_PUNCT || !((q->end - q->start == 1 && c->text[q->start] == '"')
                                            || (q->end - q->start == 3 && memcmp (c->text + q->start, "\xe2\x80\x9d", 3) == 0)))
        continue;
      if ((TOK (c, k + 1)->flags & TALLY_TOKEN_CAPITALIZED) && read_chunk (c, k + 1, FALSE, &ch) && !ch.possessive
          && ch.kind != TALLY_SUBJECT_KIND_PERSON && is_word (c, ch.end) && TOK (c, ch.end)->lex != NULL
          && TOK (c, ch.end)->lex->name_verb && !(ch.end - ch.first >= 2 && ch.kind == TALLY_SUBJECT_KIND_OTHER)
          && !(ch.end - ch.first == 1 && g_hash_table_contains (c->person_words, GUINT_TO_POINTER (word_hash (c, ch.first)))))
        {
          set_subject (c, &ch);
          goto done;
        }
      break;
    }

no_names:
  /* "The company delivered …", "It sold …": the name last a subject. */
  if (c->last_subject->len > 0 || c->last_mention->len > 0 || c->title_name->len > 0)
    for (guint pass = 0; pass < 2; pass++)
      {
        guint k = pass == 0 ? from : 0, stop = pass == 0 ? first : from;

        for (; k < stop; k++)
          {
            const TallyToken *t = TOK (c, k);

            if (is_preposition (c, k) || (is_word (c, k) && _tally_claims_looks_verb (c, k))
                || has_flag (c, k, TALLY_LEX_LEVEL_VERB | TALLY_LEX_CHANGE) || is_modal (c, k))
              break;
            if (t->lex != NULL && t->lex->stand_in)
              {
                /* "It" is the last subject; "the Chinese firm" may be a
                 * company only just mentioned ("… behind BYD."). */
                gboolean pronoun = has_flag (c, k, TALLY_LEX_STOP);
                GString *name = pronoun || c->last_mention->len == 0 ? c->last_subject : c->last_mention;

                if (name->len == 0)
                  {
                    /* no name yet: the title's ("the Musk-led automaker
                     * reported …" under "Tesla reported …") */
                    g_string_assign (c->subject, c->title_name->str);
                    c->subject_kind = c->title_name_kind;
                    goto done;
                  }
                g_string_assign (c->subject, name->str);
                c->subject_kind = name == c->last_subject ? c->last_subject_kind : c->last_mention_kind;
                goto done;
              }
          }
      }

  /* "the 31-year-old striker": an age is a person's. */
  if (is_age (c, record) && c->last_person->len > 0)
    {
      g_string_assign (c->subject, c->last_person->str);
      c->subject_kind = TALLY_SUBJECT_KIND_PERSON;
      goto done;
    }

  /* "The summit drew 40 delegations": an event noun as the subject. */
  for (guint k = from; k < first; k++)
    {
      const TallyToken *t = TOK (c, k);

      if (is_preposition (c, k))
        break;
      if (t->lex != NULL && t->lex->name_word_kind == TALLY_SUBJECT_KIND_EVENT && is_word (c, k))
        {
          if ((t->lex->flags & TALLY_LEX_GATHERING) && c->named_gathering->len > 0)
            g_string_assign (c->subject, c->named_gathering->str);
          else
            tally_lemma_append (c->lex, c->subject, c->text + t->start, t->end - t->start);
          c->subject_kind = TALLY_SUBJECT_KIND_EVENT;
          goto done;
        }
    }

  /* "at least 18 dead in Oman", "In Oman, storms killed 19 people": a
   * count of people or things right before "in" a country or place, or in a
   * sentence opened by "In X,", when no one is the clause's subject. */
  if (record->kind == TALLY_CLAIM_KIND_COUNT)
    {
      guint in = last + 1;

      while (in < n && TOK (c, in)->start < record->end)
        in++;
      if (!(is_role (c, in, TALLY_ROLE_IN) && read_chunk (c, in + 1, c->title_case, &ch) && !ch.possessive
            && (ch.kind == TALLY_SUBJECT_KIND_COUNTRY || ch.kind == TALLY_SUBJECT_KIND_PLACE)))
        {
          in = 0;
          if (!(is_role (c, 0, TALLY_ROLE_IN) && read_chunk (c, 1, c->title_case, &ch) && !ch.possessive
                && punct_is (c, ch.end, ',')
                && (ch.kind == TALLY_SUBJECT_KIND_COUNTRY || ch.kind == TALLY_SUBJECT_KIND_PLACE)))
            in = n;
        }
      if (in < n)
        {
          set_subject (c, &ch);
          goto done;
        }
    }

  /* A figure whose sentence names no one ("The new numbers represent growth
   * of 38%") is about whom the text was last speaking: the name that was
   * last a clause's subject, as a reader takes it. Not a person's (an age or
   * a count would become theirs), and not for durations. */
  if (c->last_subject->len > 0 && c->last_subject_sure && c->last_subject_kind != TALLY_SUBJECT_KIND_PERSON
      && (record->kind == TALLY_CLAIM_KIND_COUNT || record->kind == TALLY_CLAIM_KIND_MONEY
          || record->kind == TALLY_CLAIM_KIND_PERCENT || record->kind == TALLY_CLAIM_KIND_NUMBER)
      && !is_age (c, record))
    {
      g_string_assign (c->subject, c->last_subject->str);
      c->subject_kind = c->last_subject_kind;
    }
  goto done;

done:
  c->claim_measure = NULL;
  g_string_assign (c->claim_subject, c->subject->str);
  c->last_claim_subject_kind = c->subject_kind;
  c->last_claim_modality = record->modality;
  c->claim_subject_end = last + 1;
  /* "China-Russia", "China–Russian Federation": one pair, written one way. */
  if (c->subject->len > 0 && (strchr (c->subject->str, '-') != NULL || strstr (c->subject->str, "\xe2\x80\x93") != NULL))
    {
      const char *pair = pair_written (c, c->subject->str, c->subject->len);

      if (pair != NULL)
        {
          g_string_assign (c->subject, pair);
          c->subject_kind = TALLY_SUBJECT_KIND_COUNTRY;
        }
    }
  if (c->subject->len > 0 && c->subject_kind == TALLY_SUBJECT_KIND_COUNTRY && strstr (c->subject->str, "\xe2\x80\x93") != NULL
      && tally_gazetteer_subject_id (c->subject->str) != NULL)
    g_string_assign (c->last_pair, c->subject->str);
  if (c->subject->len > 0)
    {
      record->subject = c->subject->str;
      record->subject_kind = c->subject_kind;
      /* "Tesla Inc is down 1%": a name is what the figure is about, not
       * what it measures. */
      if (record->measure != NULL && c->subject_kind != TALLY_SUBJECT_KIND_EVENT
          && g_ascii_strcasecmp (record->measure, c->subject->str) == 0)
        record->measure = NULL;

    }
}
