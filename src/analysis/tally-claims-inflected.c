/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-claims-private.h"

#include "tally-lemma.h"

/* What a figure measures in a language whose nouns change by case and
 * whose counted noun follows the number ([conventions] inflected, Russian):
 * "1037 человек" counts people, "больше 30 зданий" buildings, "магнитудой
 * 6,8" is a magnitude, "Товарооборот … составил 12,7 млрд долларов" a trade
 * turnover. Words are told apart by their dictionary lemma: a lemma with a
 * verb ending ("составить") is a verb, one with an adjective ending
 * ("жилой", "погибший") an adjective or participle, any other content word a
 * noun. The measure is the noun's lemma ("зданий" → "здание"). */

typedef enum
{
  POS_OTHER,
  POS_NOUN,
  POS_ADJECTIVE,
  POS_VERB,
} Pos;

static char *
lemma_of (Ctx  *c,
          guint i)
{
  const TallyToken *t = TOK (c, i);
  GString *out = g_string_new (NULL);

  tally_lemma_append (c->lex, out, c->text + t->start, t->end - t->start);
  return g_string_free (out, FALSE);
}

static Pos
word_pos (Ctx    *c,
          guint   i,
          char  **lemma)
{
  const TallyToken *t;
  g_autofree char *l = NULL;
  Pos pos;

  if (!is_word (c, i))
    return POS_OTHER;
  t = TOK (c, i);
  if (t->lex != NULL && (t->lex->flags & TALLY_LEX_LEVEL_VERB))
    return POS_VERB;
  if (t->lex != NULL
      && (t->lex->flags & (TALLY_LEX_NP_BREAK | TALLY_LEX_STOP | TALLY_LEX_QUALIFIER | TALLY_LEX_NUMBER | TALLY_LEX_SCALE
                           | TALLY_LEX_CURRENCY | TALLY_LEX_PERCENT | TALLY_LEX_UNIT | TALLY_LEX_DURATION
                           | TALLY_LEX_MONTH | TALLY_LEX_DETERMINER | TALLY_LEX_CHANGE)))
    return POS_OTHER;
  if (t->lex != NULL && t->lex->role != TALLY_ROLE_NONE)
    return POS_OTHER;
  if (is_proper (c, i))
    return POS_OTHER;
  l = lemma_of (c, i);
  if (tally_lexicon_lemma_is_verb (c->lex, l)
      || (tally_lexicon_word_is_verb_form (c->lex, l) && !tally_lexicon_dictionary_knows (c->lex, c->text + t->start, t->end - t->start)))
    pos = POS_VERB;
  else if (tally_lexicon_lemma_is_adjective (c->lex, l))
    pos = POS_ADJECTIVE;
  else
    pos = POS_NOUN;
  if (lemma != NULL)
    *lemma = g_steal_pointer (&l);
  return pos;
}

/* "максимум", "отметка", "объём": a [filler] lemma names a level or a
 * mark, not what is measured. */
static gboolean
is_filler (Ctx        *c,
           const char *lemma)
{
  const TallyLexEntry *e = lemma != NULL ? tally_lexicon_lookup (c->lex, lemma, strlen (lemma)) : NULL;

  return e != NULL && (e->flags & TALLY_LEX_FILLER);
}

/* The verb a figure or a level noun at `at` hangs on: at `at` itself
 * ("превысили 3,5 млрд"), or before it past adjectives and a preposition
 * ("вырос на 8,1%", "составил рекордные 240 млрд", "достиг исторического
 * максимума"). G_MAXUINT when none. */
static guint
verb_before (Ctx  *c,
             guint at)
{
  if (word_pos (c, at, NULL) == POS_VERB)
    return at;
  for (guint k = at, steps = 0; k > 0 && steps < 4; k--, steps++)
    {
      Pos pos = word_pos (c, k - 1, NULL);

      /* a change verb ("вырос на 8,1%") is a verb the lexicon knows */
      if (pos == POS_VERB || (has_flag (c, k - 1, TALLY_LEX_CHANGE) && !has_flag (c, k - 1, TALLY_LEX_QUALIFIER)))
        return k - 1;
      /* so is a qualifier that is a verb: "превышает отметку в 240 млрд" */
      if (has_flag (c, k - 1, TALLY_LEX_QUALIFIER))
        {
          g_autofree char *lemma = lemma_of (c, k - 1);

          if (tally_lexicon_lemma_is_verb (c->lex, lemma))
            return k - 1;
        }
      if (pos != POS_ADJECTIVE && !is_role (c, k - 1, TALLY_ROLE_ON) && !is_role (c, k - 1, TALLY_ROLE_IN)
          && !has_flag (c, k - 1, TALLY_LEX_QUALIFIER | TALLY_LEX_QUALIFIER_GAP))
        break;
    }
  return G_MAXUINT;
}

static gboolean subject_of_verb_at (Ctx *c, guint at);

/* "30 жилых зданий", "296 погибших": the noun after the figure (after its
 * adjectives), or a lone adjective standing for one. Returns its token. */
static gboolean
noun_after (Ctx      *c,
            Quantity *q,
            gboolean  adjective_alone)
{
  guint k = q->after, adjective = G_MAXUINT;

  for (guint n = 0; n < 3 && k < n_tokens (c); n++, k++)
    {
      g_autofree char *lemma = NULL;
      Pos pos = word_pos (c, k, &lemma);

      if (pos == POS_ADJECTIVE)
        {
          if (adjective == G_MAXUINT)
            adjective = k;
          g_string_assign (c->measure, lemma);
          continue;
        }
      if (pos == POS_NOUN)
        {
          g_string_assign (c->measure, lemma);
          if (q->kind == TALLY_CLAIM_KIND_COUNT && q->end_byte == 0)
            q->end_byte = TOK (c, k)->end;
          return TRUE;
        }
      break;
    }
  if (adjective != G_MAXUINT && adjective_alone)
    {
      /* The last adjective read is the one standing for a noun. */
      if (q->kind == TALLY_CLAIM_KIND_COUNT && q->end_byte == 0)
        q->end_byte = TOK (c, k - 1)->end;
      return TRUE;
    }
  g_string_truncate (c->measure, 0);
  return FALSE;
}

/* "магнитудой 6,8", "на глубине 8 км", "глубине — 18,5 км", "о магнитуде в
 * 6,8": the noun right before the figure (a dash or a preposition between). */
static gboolean
noun_before (Ctx      *c,
             Quantity *q)
{
  g_autofree char *lemma = NULL;
  guint k = q->first;

  if (k > 0 && (TOK (c, k - 1)->type == TALLY_TOKEN_DASH || is_role (c, k - 1, TALLY_ROLE_IN)
                || is_role (c, k - 1, TALLY_ROLE_ON)))
    k--;
  if (k == 0 || word_pos (c, k - 1, &lemma) != POS_NOUN)
    return FALSE;
  /* "достиг исторического максимума в 240 млрд": the level's owner. */
  if (is_filler (c, lemma))
    return subject_of_verb_at (c, k - 1);
  g_string_assign (c->measure, lemma);
  return TRUE;
}

/* "Товарооборот … составил 12,7 млрд долларов": after a verb, the first
 * noun of its clause that no preposition governs. */
static gboolean
subject_of_verb_at (Ctx  *c,
                    guint at)
{
  guint verb = verb_before (c, at), from;

  if (verb == G_MAXUINT)
    return FALSE;
  from = verb;
  while (from > 0 && !is_clause_break (c, from - 1) && !punct_is (c, from - 1, ';'))
    from--;
  for (guint k = from; k < verb; k++)
    {
      g_autofree char *lemma = NULL;

      if (k > from && has_flag (c, k - 1, TALLY_LEX_NP_BREAK))
        continue;
      if (word_pos (c, k, &lemma) == POS_NOUN)
        {
          g_autofree char *next = NULL;

          /* "объём торговли вырос": the noun the filler belongs to */
          if (is_filler (c, lemma))
            {
              if (k + 1 < verb && word_pos (c, k + 1, &next) == POS_NOUN)
                g_string_assign (c->measure, next);
              else
                continue;
            }
          else
            g_string_assign (c->measure, lemma);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
subject_of_verb (Ctx      *c,
                 Quantity *q)
{
  return subject_of_verb_at (c, q->first);
}

/* "на 8,1% больше", "вырос на 8,1%", "выросло в 2,5 раза": a change. */
static void
find_change (Ctx      *c,
             Quantity *q)
{
  guint k = q->first;

  if (q->kind != TALLY_CLAIM_KIND_COUNT && has_flag (c, q->after, TALLY_LEX_CHANGE))
    q->change = TRUE;
  if (k > 0 && (is_role (c, k - 1, TALLY_ROLE_ON) || is_role (c, k - 1, TALLY_ROLE_IN)))
    k--;
  if (k > 0 && has_flag (c, k - 1, TALLY_LEX_CHANGE) && !has_flag (c, k - 1, TALLY_LEX_QUALIFIER))
    q->change = TRUE;
}

/* "…вырос на 26,3%, составив рекордные 240 млрд долларов": a figure whose
 * clause names no noun before it (a participle's clause) measures what the
 * sentence's figure before it measured. */
static gboolean
measure_of_previous (Ctx      *c,
                     Quantity *q)
{
  if (c->last_measure->len == 0 || c->last_claim_end >= q->first)
    return FALSE;
  for (guint k = q->first; k > c->last_claim_end + 1; k--)
    {
      if (is_clause_break (c, k - 1) || punct_is (c, k - 1, ';'))
        break;
      g_autofree char *lemma = NULL;

      if (word_pos (c, k - 1, &lemma) == POS_NOUN && !is_filler (c, lemma))
        return FALSE;
    }
  g_string_assign (c->measure, c->last_measure->str);
  return TRUE;
}

gboolean
_tally_claims_inflected_measure (Ctx      *c,
                                 Quantity *q)
{
  g_string_truncate (c->measure, 0);
  find_change (c, q);
  switch (q->kind)
    {
    case TALLY_CLAIM_KIND_COUNT:
      /* No one counts 6.8 of anything: a fraction is a level ("магнитудой
       * 6,8 произошло"), named before it. */
      if (q->value != (double) (gint64) q->value)
        return noun_before (c, q) || subject_of_verb (c, q);
      return noun_after (c, q, TRUE) || noun_before (c, q) || subject_of_verb (c, q);
    case TALLY_CLAIM_KIND_PERCENT:
      if (noun_after (c, q, FALSE) || subject_of_verb (c, q))
        return TRUE;
      /* "…, что на 15% больше, чем годом ранее": a change no noun names is
       * the change of what the sentence's figure before it measured. */
      if (q->change && c->last_measure->len > 0 && c->last_claim_end < q->first)
        {
          g_string_assign (c->measure, c->last_measure->str);
          return TRUE;
        }
      return FALSE;
    case TALLY_CLAIM_KIND_MONEY:
    case TALLY_CLAIM_KIND_NUMBER:
      g_string_truncate (c->measure, 0);
      if (noun_before (c, q) || subject_of_verb (c, q))
        return TRUE;
      g_string_truncate (c->measure, 0);
      return measure_of_previous (c, q);
    case TALLY_CLAIM_KIND_DURATION:
      return noun_before (c, q) || subject_of_verb (c, q);
    case TALLY_CLAIM_KIND_ORDINAL:
    case TALLY_CLAIM_KIND_YEAR:
    case TALLY_CLAIM_KIND_DATE:
    default:
      return FALSE;
    }
}
