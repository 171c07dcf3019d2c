/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-claims-private.h"

/* Who or what a figure is about, and whether it is stated as a projection.
 * Names are runs of capitalised words; the gazetteer ([name], generated from
 * ISO 3166 and tzdata) and [name_word] ("bank", "summit", "mr") give their
 * kind. The rules, first match wins: "between A and B", a possessive name
 * ("Norway's trade"), "of NAME" after the figure's noun, the name that is the
 * clause's subject ("Shell is to pay $1m"), a person's age ("the
 * 31-year-old striker": the person last named), an event noun as subject
 * ("the summit"). */

#define MAX_CHUNK 6

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
static gboolean
name_word (Ctx  *c,
           guint i)
{
  const TallyToken *t;

  if (!is_word (c, i))
    return FALSE;
  t = TOK (c, i);
  if (!(t->flags & TALLY_TOKEN_CAPITALIZED) || t->end - t->start < 2)
    return FALSE;
  if (t->lex != NULL && t->lex->name_kind != 0)
    return TRUE;
  if (t->lex != NULL && (t->lex->flags & (TALLY_LEX_STOP | TALLY_LEX_DETERMINER | TALLY_LEX_NUMBER | TALLY_LEX_ORDINAL
                                          | TALLY_LEX_RELATIVE_DATE | TALLY_LEX_QUALIFIER | TALLY_LEX_CLAUSE_RESET)))
    return FALSE;
  if (t->lex != NULL && t->lex->role != TALLY_ROLE_NONE)
    return FALSE;
  if (is_month_word (c, i))
    return FALSE;
  return TRUE;
}

static guint32
word_hash (Ctx  *c,
           guint i)
{
  const TallyToken *t = TOK (c, i);
  guint32 h = TALLY_LEXICON_HASH_INIT;

  for (gsize b = t->start; b < t->end; b++)
    h = tally_lexicon_hash_step (h, (guint8) c->text[b]);
  return h | 1;  /* never 0, which the set cannot hold */
}

/* Words written with a capital inside a sentence: a word that starts
 * another sentence is a name when the document wrote it so elsewhere
 * ("Tesla delivered …" after "shares of Tesla"). Called for every sentence,
 * with or without figures. */
void
_tally_claims_note_names (Ctx *c)
{
  for (guint k = 1; k < n_tokens (c); k++)
    {
      const TallyToken *t = TOK (c, k);

      if ((t->flags & (TALLY_TOKEN_CAPITALIZED | TALLY_TOKEN_LINE_START)) == TALLY_TOKEN_CAPITALIZED
          && t->type == TALLY_TOKEN_WORD && TOK (c, k - 1)->type == TALLY_TOKEN_WORD
          && (t->lex == NULL || t->lex->flags == 0))
        g_hash_table_add (c->names_seen, GUINT_TO_POINTER (word_hash (c, k)));
    }
}

static gboolean
starts_sentence (Ctx  *c,
                 guint i)
{
  return i == 0 || (TOK (c, i)->flags & TALLY_TOKEN_LINE_START)
         || (i > 0 && (TOK (c, i - 1)->type == TALLY_TOKEN_PUNCT || TOK (c, i - 1)->type == TALLY_TOKEN_DASH)
             && strchr ("\"“‘'(", c->text[TOK (c, i - 1)->start]) != NULL && i == 1);
}

typedef struct
{
  guint first;
  guint end;          /* exclusive */
  gboolean possessive;
  TallySubjectKind kind;
  const char *canonical;  /* gazetteer name, or NULL */
} Chunk;

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
  ch->first = i;
  ch->possessive = FALSE;
  while (k < n_tokens (c) && k - i < MAX_CHUNK)
    {
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
  chunk_kind (c, ch);
  /* A sentence-initial word alone, or any word of a headline in title case,
   * is a name only when the gazetteer or a name word says so. */
  if (ch->kind == TALLY_SUBJECT_KIND_OTHER && ch->canonical == NULL)
    {
      if (title_case)
        return FALSE;
      if (starts_sentence (c, i) && ch->end == i + 1 && !ch->possessive)
        {
          const TallyToken *t = TOK (c, i);

          if (t->lex != NULL && t->lex->name_word_kind == 0)
            return FALSE;
          if (!g_hash_table_contains (c->names_seen, GUINT_TO_POINTER (word_hash (c, i))))
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
  start = TOK (c, first)->start;
  end = TOK (c, ch->end - 1)->end;
  if (ch->possessive)
    end -= c->text[end - 1] == 's' && c->text[end - 2] == '\'' ? 2 : 4;
  g_string_append_len (out, c->text + start, end - start);
}

/* Whether the sentence is a headline in title case: most words capitalised. */
static gboolean
is_title_case (Ctx *c)
{
  guint words = 0, caps = 0;

  for (guint k = 0; k < n_tokens (c); k++)
    if (is_word (c, k) && TOK (c, k)->end - TOK (c, k)->start > 3)
      {
        words++;
        if (TOK (c, k)->flags & TALLY_TOKEN_CAPITALIZED)
          caps++;
      }
  return words >= 3 && caps * 10 >= words * 7;
}

static gboolean
is_preposition (Ctx  *c,
                guint i)
{
  return is_role (c, i, TALLY_ROLE_IN) || is_role (c, i, TALLY_ROLE_AT) || is_role (c, i, TALLY_ROLE_FROM)
         || is_role (c, i, TALLY_ROLE_TO) || is_role (c, i, TALLY_ROLE_FOR) || is_role (c, i, TALLY_ROLE_WITH)
         || is_role (c, i, TALLY_ROLE_BY) || is_role (c, i, TALLY_ROLE_OF) || is_role (c, i, TALLY_ROLE_ON)
         || is_role (c, i, TALLY_ROLE_OVER) || is_role (c, i, TALLY_ROLE_UNDER) || is_role (c, i, TALLY_ROLE_AGAINST)
         || is_role (c, i, TALLY_ROLE_SINCE) || is_role (c, i, TALLY_ROLE_BETWEEN) || is_role (c, i, TALLY_ROLE_THAN)
         || is_role (c, i, TALLY_ROLE_AS);
}

static void
set_subject (Ctx              *c,
             const Chunk      *ch)
{
  chunk_text (c, ch, c->subject);
  c->subject_kind = ch->kind;
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

      if (!read_chunk (c, k, FALSE, &ch))
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
  c->title_case = is_title_case (c);
  note_people (c);
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
  record->subject = NULL;
  record->subject_kind = TALLY_SUBJECT_KIND_NONE;

  /* Projections: "is expected to exceed", "will cost", "could reach". */
  record->modality = TALLY_MODALITY_REPORTED;
  for (guint k = from; k < first; k++)
    if (TOK (c, k)->lex != NULL && TOK (c, k)->lex->projection && !c->used->data[k])
      record->modality = TALLY_MODALITY_PROJECTED;

  if (record->kind == TALLY_CLAIM_KIND_YEAR || record->kind == TALLY_CLAIM_KIND_DATE)
    return;

  if (subject_between (c, 0, n))
    goto done;

  /* A possessive name in the clause or just after the figure ("12% of
   * Norway's exports"). */
  for (guint k = from; k < first; k++)
    if (read_chunk (c, k, c->title_case, &ch))
      {
        if (ch.possessive)
          {
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
  for (int pass = 0; pass < 2; pass++)
    {
      guint start = pass == 0 ? from : 0, stop = pass == 0 ? first : from;

      for (guint k = start; k < stop; k++)
        {
          if (!read_chunk (c, k, c->title_case, &ch))
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
          set_subject (c, &ch);
          goto done;
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
  return;

done:
  if (c->subject->len > 0)
    {
      record->subject = c->subject->str;
      record->subject_kind = c->subject_kind;
    }
}
