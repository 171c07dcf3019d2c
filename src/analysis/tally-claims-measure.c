/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-claims-private.h"

#include <math.h>
#include <stdlib.h>

/* What a figure measures: noun phrases read into lemma phrases, the
 * subject of a level or change verb, "X of", "compared with", and the event a
 * date dates. */

static gboolean copy_previous_measure (Ctx *c);
static gboolean looks_adverb (Ctx *c, guint i);
static gboolean change_noun_modifiers (Ctx *c, gint noun);
static gboolean is_content_word (Ctx  *c,
                                 guint i);

gboolean
_tally_claims_looks_plural (Ctx  *c,
                            guint i)
{
  const TallyToken *t = TOK (c, i);
  const char *w = c->text + t->start;
  gsize n = t->end - t->start;

  /* "EVs", "SUVs": the plural of an abbreviation */
  if (n >= 3 && w[n - 1] == 's' && g_ascii_isupper (w[n - 2]) && g_ascii_isupper (w[0]))
    return TRUE;
  if (n < 4 || (t->flags & TALLY_TOKEN_CAPITALIZED))
    return FALSE;
  /* Listed lemmas: "countries" is plural; "proceeds" and "goods" are too,
   * though their lemma is the word itself. */
  if (t->lex != NULL && (t->lex->flags & TALLY_LEX_LEMMA))
    return strncmp (t->lex->lemma, w, n) != 0 || (w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u');
  return w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i'
         && w[n - 2] != '\'';
}

gboolean
_tally_claims_looks_verb (Ctx  *c,
                          guint i)
{
  const TallyToken *t = TOK (c, i);
  const char *w = c->text + t->start;
  gsize n = t->end - t->start;

  if (t->flags & TALLY_TOKEN_CAPITALIZED)
    return FALSE;
  if (t->lex != NULL && (t->lex->flags & TALLY_LEX_LEVEL_VERB))
    return (t->lex->flags & TALLY_LEX_STOP) == 0;
  return n > 4 && ((w[n - 2] == 'e' && w[n - 1] == 'd') || (w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g'));
}

/* "-ed" and "-ing" forms: a verb, or an adjective before a noun. */
static gboolean
looks_participle (Ctx  *c,
                  guint i)
{
  const TallyToken *t = TOK (c, i);
  const char *w = c->text + t->start;
  gsize n = t->end - t->start;

  if (t->flags & TALLY_TOKEN_CAPITALIZED)
    return FALSE;
  return n > 4 && ((w[n - 2] == 'e' && w[n - 1] == 'd') || (w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g'));
}

gboolean
_tally_claims_is_possessive (Ctx *c,
                             guint i)
{
  const TallyToken *t = TOK (c, i);
  gsize n = t->end - t->start;
  const char *w = c->text + t->start;

  return (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
         || (n > 4 && memcmp (w + n - 4, "\xe2\x80\x99s", 4) == 0);
}

/* "four-lane", "five-year": a number in a compound modifier. */
static gboolean
is_number_compound (Ctx  *c,
                    guint i)
{
  const TallyToken *t = TOK (c, i);
  const char *w = c->text + t->start;
  const char *dash;
  const TallyLexEntry *l;

  if (!(t->flags & TALLY_TOKEN_HYPHENATED))
    return FALSE;
  dash = memchr (w, '-', t->end - t->start);
  l = tally_lexicon_lookup (c->lex, w, dash - w);
  return l != NULL && (l->flags & TALLY_LEX_NUMBER);
}

/* Whether the capitalised word i modifies a common noun as a name of the
 * group ("Central Asian", "Baltic", "EU"): written with its capitals. */
static gboolean
is_name_modifier (Ctx  *c,
                  guint i)
{
  return is_proper (c, i) && !_tally_claims_is_possessive (c, i) && !is_number_compound (c, i)
         && !has_flag (c, i, TALLY_LEX_ORDINAL | TALLY_LEX_STOP);
}

/* Reads a noun phrase from token i and writes its lemma phrase into
 * c->measure: determiners and vague adjectives dropped, proper-noun
 * modifiers dropped (kept, with their capitals, under NP_KEEP_NAMES when
 * the head is a common noun), the head lemmatised, at most four words.
 * Returns the index after the phrase, or i when there was none. */
guint
_tally_claims_read_np (Ctx    *c,
                       guint   i,
                       NpMode  mode_flags)
{
  guint words[NP_MAX_WORDS];
  guint n = 0, k = i;
  guint kept[NP_MAX_WORDS];
  guint n_kept = 0;
  const TallyLexEntry *phrase = NULL;
  NpMode mode = mode_flags & NP_MODE_MASK;
  gboolean names;

  g_string_truncate (c->measure, 0);
  while (k < n_tokens (c) && n < NP_MAX_WORDS)
    {
      const TallyToken *t = TOK (c, k);

      /* "Baltic–Caspian Summit": a dash between two names joins them. */
      if (t->type == TALLY_TOKEN_DASH && n > 0 && is_proper (c, words[n - 1])
          && is_word (c, k + 1) && (TOK (c, k + 1)->flags & TALLY_TOKEN_CAPITALIZED))
        {
          k++;
          continue;
        }
      if (t->type != TALLY_TOKEN_WORD)
        break;
      if (t->lex != NULL && (t->lex->flags & (TALLY_LEX_NUMBER | TALLY_LEX_MONTH)) && !(t->lex->flags & TALLY_LEX_STOP))
        break;
      /* A verb ends the phrase ("trade reached"); "operating costs, …" and
       * "seats" before anything but a figure are nouns. */
      if (n > 0 && t->lex != NULL && (t->lex->flags & TALLY_LEX_LEVEL_VERB) && !(t->lex->flags & TALLY_LEX_STOP)
          /* "the total cost of", "the cost is": a noun before "of" or a copula */
          && !(is_role (c, k + 1, TALLY_ROLE_OF) || is_role (c, k + 1, TALLY_ROLE_IS) || is_role (c, k + 1, TALLY_ROLE_WAS))
          && !(_tally_claims_looks_plural (c, k) && !is_number (c, k + 1) && !(k + 1 < n_tokens (c) && TOK (c, k + 1)->type == TALLY_TOKEN_SYMBOL)
               && !is_determiner (c, k + 1) && !has_flag (c, k + 1, TALLY_LEX_NP_BREAK | TALLY_LEX_QUALIFIER)))
        break;
      if (n > 0 && is_determiner (c, k))
        break;
      /* "the bridge reportedly cost": an adverb before the verb. */
      if (n > 0 && looks_adverb (c, k) && is_word (c, k + 1)
          && (has_flag (c, k + 1, TALLY_LEX_LEVEL_VERB | TALLY_LEX_CHANGE) || _tally_claims_looks_verb (c, k + 1)))
        break;
      if (t->lex != NULL && (t->lex->flags & TALLY_LEX_NP_BREAK))
        {
          /* "bilateral and multilateral meetings" */
          if ((is_role (c, k, TALLY_ROLE_AND) || is_role (c, k, TALLY_ROLE_OR)) && n > 0 && mode == NP_PLURAL
              && !_tally_claims_looks_plural (c, words[n - 1]) && is_word (c, k + 1)
              && !has_flag (c, k + 1, TALLY_LEX_NP_BREAK | TALLY_LEX_NUMBER | TALLY_LEX_STOP)
              && (!(TOK (c, k + 1)->flags & TALLY_TOKEN_CAPITALIZED)
                  /* "six Baltic and Caspian states" */
                  || (is_proper (c, words[n - 1]) && is_word (c, k + 2) && !is_proper (c, k + 2))))
            {
              words[n++] = k++;
              continue;
            }
          break;
        }
      /* "-ed"/"-ing" words modify a noun that follows ("planned rail
       * corridors"); otherwise they are the verb ("agreements signed"). */
      if (n > 0 && looks_participle (c, k)
          && !(is_word (c, k + 1) && !has_flag (c, k + 1, TALLY_LEX_NP_BREAK | TALLY_LEX_STOP) && !is_determiner (c, k + 1)))
        break;
      /* "rain soaked Dubai on Tuesday": before a name that ends the phrase,
       * the participle is the verb ("planned Baltic corridors" reads on). */
      if (n > 0 && looks_participle (c, k) && is_word (c, k + 1) && (TOK (c, k + 1)->flags & TALLY_TOKEN_CAPITALIZED)
          && (!is_word (c, k + 2) || has_flag (c, k + 2, TALLY_LEX_NP_BREAK) || is_determiner (c, k + 2)))
        break;
      /* "Summit opens", "economy enables it": a verb, not a plural noun. */
      if (mode != NP_PLURAL && n > 0 && _tally_claims_looks_plural (c, k)
          && ((mode == NP_SINGULAR && is_proper (c, words[n - 1]))
              || (is_word (c, k + 1) && is_determiner (c, k + 1) && !is_role (c, k + 1, TALLY_ROLE_THIS)
                  && !is_role (c, k + 1, TALLY_ROLE_THAT) && !is_role (c, k + 1, TALLY_ROLE_THESE) && !is_role (c, k + 1, TALLY_ROLE_THOSE))
              || (k + 1 < n_tokens (c) && (TOK (c, k + 1)->type == TALLY_TOKEN_NUMBER
                                           || TOK (c, k + 1)->type == TALLY_TOKEN_SYMBOL))))
        break;
      if (n > 0 && is_proper (c, k) && !is_proper (c, words[n - 1]) && _tally_claims_looks_plural (c, words[n - 1]))
        break;
      words[n++] = k++;
      /* "12 logistics hubs", "sales offices": a plural modifier. */
      if (mode == NP_PLURAL && _tally_claims_looks_plural (c, k - 1) && is_word (c, k) && !is_proper (c, k)
          && _tally_claims_looks_plural (c, k) && !has_flag (c, k, TALLY_LEX_NP_BREAK | TALLY_LEX_STOP | TALLY_LEX_LEVEL_VERB)
          && n < NP_MAX_WORDS)
        continue;
      if (mode == NP_PLURAL && _tally_claims_looks_plural (c, k - 1))
        {
          /* "heads of government" */
          if (is_role (c, k, TALLY_ROLE_OF) && is_word (c, k + 1))
            {
              const TallyToken *h = TOK (c, k - 1), *o = TOK (c, k + 1);

              phrase = tally_lexicon_lookup (c->lex, c->text + h->start, o->end - h->start);
              if (phrase != NULL && (phrase->flags & TALLY_LEX_LEMMA))
                k += 2;
              else
                phrase = NULL;
            }
          break;
        }
    }
  if (n == 0)
    return i;

  /* A capitalised head ("Five Nations Sign Pact") is a title or a name:
   * its capitals say nothing about the words before it. */
  names = (mode_flags & NP_KEEP_NAMES) && !(TOK (c, words[n - 1])->flags & TALLY_TOKEN_CAPITALIZED);
  for (guint w = 0; w < n; w++)
    {
      const TallyToken *t = TOK (c, words[w]);
      gboolean last = w == n - 1;

      if (t->lex != NULL && (t->lex->flags & TALLY_LEX_STOP) && !last)
        continue;
      if (t->lex != NULL && (t->lex->flags & TALLY_LEX_STOP) && last && !(t->lex->flags & TALLY_LEX_LEMMA))
        continue;
      if (!last && names && is_name_modifier (c, words[w]))
        {
          kept[n_kept++] = words[w];
          continue;
        }
      /* Names, possessives, "four-lane" and ordinals (their own claims) are
       * not part of what is measured. */
      if (!last && (is_proper (c, words[w]) || _tally_claims_is_possessive (c, words[w]) || is_number_compound (c, words[w])
                    || (t->lex != NULL && (t->lex->flags & TALLY_LEX_ORDINAL))))
        continue;
      kept[n_kept++] = words[w];
    }
  /* Connectives left dangling at either end once modifiers are dropped. */
  while (n_kept > 0 && has_flag (c, kept[0], TALLY_LEX_NP_BREAK))
    {
      memmove (kept, kept + 1, (n_kept - 1) * sizeof (guint));
      n_kept--;
    }
  if (n_kept == 0)
    return i;
  for (guint w = n_kept > 4 ? n_kept - 4 : 0; w < n_kept; w++)
    {
      const TallyToken *t = TOK (c, kept[w]);
      gboolean name = w < n_kept - 1 && names && is_name_modifier (c, kept[w]);

      /* "Baltic–Caspian ports": a dash that joined two names stays. */
      if (name && c->measure->len > 0 && w > 0 && kept[w - 1] + 2 == kept[w]
          && TOK (c, kept[w] - 1)->type == TALLY_TOKEN_DASH)
        g_string_append_len (c->measure, c->text + TOK (c, kept[w] - 1)->start,
                             TOK (c, kept[w] - 1)->end - TOK (c, kept[w] - 1)->start);
      else if (c->measure->len > 0)
        g_string_append_c (c->measure, ' ');
      if (w == n_kept - 1 && phrase != NULL)
        g_string_append (c->measure, phrase->lemma);
      else if (w == n_kept - 1)
        tally_lemma_append (c->lex, c->measure, c->text + t->start, t->end - t->start);
      else if (name)
        g_string_append_len (c->measure, c->text + t->start, t->end - t->start);
      else
        for (gsize b = t->start; b < t->end; b++)
          g_string_append_c (c->measure, g_ascii_tolower (c->text[b]));
    }
  c->np_head_plural = phrase != NULL || _tally_claims_looks_plural (c, words[n - 1])
                      || (TOK (c, words[n - 1])->lex != NULL && (TOK (c, words[n - 1])->lex->flags & TALLY_LEX_LEMMA));
  return phrase != NULL ? words[n - 1] + 3 : words[n - 1] + 1;
}

gboolean
_tally_claims_resets_clause (Ctx  *c,
                             guint i)
{
  return is_clause_break (c, i) || has_flag (c, i, TALLY_LEX_CLAUSE_RESET);
}

/* "Aktau's share of trans-Caspian container traffic rose …": a subject
 * whose head needs its "of" complement to say what it measures keeps it
 * ("share of trans-caspian container traffic", not "share"). `of` is the
 * token after the head; c->measure holds the head's phrase. */
static void
append_of_complement (Ctx  *c,
                      guint of)
{
  g_autoptr(GString) head = NULL;
  guint end;

  /* "a tonne of wheat costs $185": a unit's complement is the substance it
   * weighs, not part of what is priced or counted per unit. */
  if (!is_role (c, of, TALLY_ROLE_OF) || !is_word (c, of + 1) || c->used->data[of + 1]
      || has_flag (c, of - 1, TALLY_LEX_UNIT | TALLY_LEX_DURATION | TALLY_LEX_CURRENCY | TALLY_LEX_PERCENT))
    return;
  head = g_string_new (c->measure->str);
  end = _tally_claims_read_np (c, of + 1, NP_ANY);
  /* A name alone ("the port of Aktau") or a figure is no complement. */
  if (end > of + 1 && c->measure->len > 0 && !(end == of + 2 && is_proper (c, of + 1)))
    {
      g_string_prepend (c->measure, " of ");
      g_string_prepend (c->measure, head->str);
    }
  else
    g_string_assign (c->measure, head->str);
}

/* Whether an article stands before word k, past modifiers the lexicon
 * lists as vague ("the total cost"). */
static gboolean
after_article (Ctx  *c,
               gint  k)
{
  gint p = k - 1;

  while (p >= 0 && p >= k - 3 && is_word (c, p) && has_flag (c, p, TALLY_LEX_STOP) && !is_determiner (c, p)
         && !has_flag (c, p, TALLY_LEX_NP_BREAK))
    p--;
  return p >= 0 && is_determiner (c, p);
}

/* The first noun phrase in tokens [from, to): a clause's subject. */
static gboolean
subject_in (Ctx  *c,
            gint  from,
            gint  to,
            gboolean verb_follows)
{
  for (gint k = from; k < to; k++)
    {
      const TallyToken *t = TOK (c, k);
      guint after;

      if (t->type != TALLY_TOKEN_WORD || has_flag (c, k, TALLY_LEX_NP_BREAK | TALLY_LEX_STOP) || c->used->data[k]
          || (t->lex != NULL && t->lex->speech_verb) || (looks_adverb (c, k) && t->lex == NULL))
        continue;
      /* Part of another claim: "the 48-hour visit". */
      if (k > 0 && TOK (c, k - 1)->type == TALLY_TOKEN_DASH && c->used->data[k - 1])
        continue;
      if (k > 1 && TOK (c, k - 1)->type == TALLY_TOKEN_DASH && attached (c, k) && c->used->data[k - 2])
        continue;
      /* A proper noun: "China's exports" — read on for the noun. */
      /* "The cost is …", "its total cost": a level verb's word after an
       * article is a noun. */
      if (is_proper (c, k) || (k == 0 && _tally_claims_known_name (c, 0)) || _tally_claims_is_possessive (c, k)
          || (_tally_claims_looks_verb (c, k) && !(has_flag (c, k, TALLY_LEX_LEVEL_VERB) && after_article (c, k)))
          || has_flag (c, k, TALLY_LEX_ORDINAL | TALLY_LEX_NUMBER))
        continue;
      /* "Under the deal, …": a noun after a preposition is no subject. */
      {
        gint p = k - 1;

        while (p >= from && (is_determiner (c, p) || has_flag (c, p, TALLY_LEX_STOP)) && !has_flag (c, p, TALLY_LEX_NP_BREAK))
          p--;
        if (p >= from && is_word (c, p) && has_flag (c, p, TALLY_LEX_NP_BREAK) && !has_flag (c, p, TALLY_LEX_LEVEL_VERB)
            && !is_role (c, p, TALLY_ROLE_AND) && !is_role (c, p, TALLY_ROLE_BUT) && !has_flag (c, p, TALLY_LEX_CLAUSE_RESET))
          {
            guint np_end = _tally_claims_read_np (c, k, NP_ANY);

            /* … unless the verb follows it: "with a double room costing …". */
            if (verb_follows && np_end == (guint) to && np_end > (guint) k && c->measure->len > 0)
              return TRUE;
            g_string_truncate (c->measure, 0);
            if (np_end > (guint) k)
              k = np_end - 1;
            continue;
          }
      }
      after = _tally_claims_read_np (c, k, NP_ANY);
      if (after == (guint) k || c->measure->len == 0)
        continue;
      /* "the value of trade reached …" → trade. */
      if (has_flag (c, after - 1, TALLY_LEX_FILLER) && is_role (c, after, TALLY_ROLE_OF))
        {
          guint again = _tally_claims_read_np (c, after + 1, NP_ANY);

          if (again > after + 1 && c->measure->len > 0)
            return TRUE;
          _tally_claims_read_np (c, k, NP_ANY);
        }
      append_of_complement (c, after);
      return TRUE;
    }
  return FALSE;
}

/* strict: 0 any verb, 1 no "will X"/"to X" verbs, 2 level verbs only. */
static gboolean
measure_from_subject_full (Ctx  *c,
                           guint first,
                           int   strict)
{
  gint k = (gint) first - 1;
  gint verb = -1, clause = 0, from = 0;

  /* "Exports surpassed $5 billion": the verb is the claim's qualifier. */
  if (has_flag (c, first, TALLY_LEX_LEVEL_VERB) && has_flag (c, first, TALLY_LEX_QUALIFIER))
    {
      verb = (gint) first;
      k = -1;
    }
  /* Skip adjectives and articles back to the verb: "reached an impressive",
   * and an earlier claim: "grew by 12% to $40 billion". */
  for (guint steps = 0; k >= 0 && steps < 8; steps++, k--)
    {
      if (c->used->data[k])
        continue;
      if (has_flag (c, k, strict >= 2 ? TALLY_LEX_LEVEL_VERB : TALLY_LEX_LEVEL_VERB | TALLY_LEX_CHANGE)
          && !has_flag (c, k, TALLY_LEX_STOP))
        {
          verb = k;
          break;
        }
      /* "rose by a fifth, to about 1.1 million tonnes" */
      if (punct_is (c, k, ',') && k > 0 && c->used->data[k - 1])
        continue;
      if (!is_word (c, k))
        return FALSE;
      if (!strict && k > 0 && is_modal (c, k - 1) && !has_flag (c, k, TALLY_LEX_NP_BREAK | TALLY_LEX_STOP)
          && !is_modal (c, k))
        {
          verb = k;
          break;
        }
    }
  if (verb < 0)
    return FALSE;
  for (k = verb - 1; k >= 0; k--)
    if (_tally_claims_resets_clause (c, k))
      {
        clause = k + 1;
        break;
      }

  /* "…, which lasted less than 48 hours": the subject is before the comma. */
  if (clause > 1 && (is_role (c, clause, TALLY_ROLE_WHICH) || is_role (c, clause, TALLY_ROLE_THAT)))
    {
      gint end = clause - 1, start = end;

      while (start > 0 && is_word (c, start - 1) && !has_flag (c, start - 1, TALLY_LEX_NP_BREAK))
        start--;
      if (start < end && subject_in (c, start, end, FALSE))
        return TRUE;
    }
  if (subject_in (c, clause, verb, TRUE))
    return TRUE;
  for (k = 0; k < clause; k++)
    if (is_clause_break (c, k))
      {
        if (subject_in (c, from, k, FALSE))
          return TRUE;
        from = k + 1;
      }
  return FALSE;
}

static gboolean
measure_from_subject (Ctx  *c,
                      guint first)
{
  return measure_from_subject_full (c, first, 0);
}

static gboolean
measure_before_of (Ctx      *c,
                   guint     first,
                   guint     after,
                   gboolean *change)
{
  gint of = (gint) first - 1;
  gint end, start;
  gboolean complement = FALSE;

  /* "…of", "…worth", and "caps withdrawals at 11.5 km³" (not "stood at"). */
  if (of < 1 || !(is_role (c, of, TALLY_ROLE_OF) || is_role (c, of, TALLY_ROLE_WORTH)
                  || (is_role (c, of, TALLY_ROLE_AT) && is_content_word (c, of - 1) && !is_proper (c, of - 1))))
    return FALSE;
  end = of - 1;
  if (is_role (c, of, TALLY_ROLE_WORTH) && end > 0 && punct_is (c, end, ','))
    end--;
  if (!is_word (c, end) || has_flag (c, end, TALLY_LEX_NP_BREAK))
    return FALSE;
  /* "put trade between the two states at $48 billion": the noun after
   * "between" is a complement; what is measured is the noun before it. */
  if (is_role (c, of, TALLY_ROLE_AT))
    for (gint k = end - 1; k > 0 && k >= end - NP_MAX_WORDS - 2; k--)
      {
        if (is_role (c, k, TALLY_ROLE_BETWEEN))
          {
            /* Only the noun itself: a word before it may be the verb
             * ("the secretariat put trade between …"). */
            if (is_content_word (c, k - 1) && !is_proper (c, k - 1))
              {
                end = k - 1;
                complement = TRUE;
              }
            break;
          }
        /* A count inside the complement is fine: "between the two islands". */
        if (!is_word (c, k) || (c->used->data[k] && !has_flag (c, k, TALLY_LEX_NUMBER))
            || (has_flag (c, k, TALLY_LEX_NP_BREAK) && !is_role (c, k, TALLY_ROLE_AND) && !is_determiner (c, k)))
          break;
      }
  if (has_flag (c, end, TALLY_LEX_CHANGE))
    {
      *change = TRUE;
      /* "an increase of 35% in trade" — the measure follows; "…, an
       * increase of 12%" — it is the one of the figure before. */
      if (is_role (c, after, TALLY_ROLE_IN) && !has_flag (c, after + 2, TALLY_LEX_DURATION)
          && !has_flag (c, after + 1, TALLY_LEX_DURATION) && _tally_claims_read_np (c, after + 1, NP_ANY) > after + 1)
        return TRUE;
      if (change_noun_modifiers (c, end))
        return TRUE;
      return copy_previous_measure (c);
    }
  /* "at a cost of", "an average of": of the figure before, if any. */
  if (has_flag (c, end, TALLY_LEX_FILLER))
    return copy_previous_measure (c);
  start = end;
  /* Modifiers before the noun, but not a verb in -s: "the bank holds reserves of". */
  while (!complement && start > 0 && is_word (c, start - 1) && !has_flag (c, start - 1, TALLY_LEX_NP_BREAK | TALLY_LEX_STOP)
         && !_tally_claims_looks_verb (c, start - 1) && !_tally_claims_looks_plural (c, start - 1) && end - start < 3)
    start--;
  _tally_claims_read_np (c, start, NP_ANY);
  return c->measure->len > 0;
}

/* "Over 80% of agreements … have been implemented" → "agreement implemented". */
static void
append_participle (Ctx  *c,
                   guint from)
{
  for (guint k = from; k < n_tokens (c) && k < from + 12; k++)
    {
      const TallyToken *t;
      const char *w;
      gsize n;

      if (is_clause_break (c, k))
        return;
      if (!(is_role (c, k, TALLY_ROLE_BEEN) || is_role (c, k, TALLY_ROLE_WERE) || is_role (c, k, TALLY_ROLE_WAS)
            || is_role (c, k, TALLY_ROLE_ARE) || is_role (c, k, TALLY_ROLE_IS) || is_role (c, k, TALLY_ROLE_BE)))
        continue;
      if (!is_word (c, k + 1))
        return;
      t = TOK (c, k + 1);
      w = c->text + t->start;
      n = t->end - t->start;
      if (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd')
        {
          g_string_append_c (c->measure, ' ');
          for (gsize b = 0; b < n; b++)
            g_string_append_c (c->measure, g_ascii_tolower (w[b]));
        }
      return;
    }
}

static gboolean
is_content_word (Ctx  *c,
                 guint i)
{
  return is_word (c, i) && !has_flag (c, i, TALLY_LEX_NP_BREAK | TALLY_LEX_STOP | TALLY_LEX_LEVEL_VERB)
         && !is_determiner (c, i) && !_tally_claims_looks_verb (c, i);
}

/* "up from 9", "to $40 billion", "against eight in 2023": a figure compared
 * with an earlier one in the sentence measures the same thing. */
gboolean
_tally_claims_compares_to_previous (Ctx        *c,
                                    guint       first,
                                    const char *unit)
{
  if (c->last_measure->len == 0 || first == 0 || c->last_claim_end >= first)
    return FALSE;
  /* "against eight in 2023", "compared with $21 billion": explicit. */
  if (is_role (c, first - 1, TALLY_ROLE_AGAINST) || is_role (c, first - 1, TALLY_ROLE_VERSUS)
      || (first > 1 && is_role (c, first - 1, TALLY_ROLE_WITH) && is_role (c, first - 2, TALLY_ROLE_COMPARED)))
    return TRUE;
  if (!(is_role (c, first - 1, TALLY_ROLE_FROM) || is_role (c, first - 1, TALLY_ROLE_TO) || is_role (c, first - 1, TALLY_ROLE_THAN)))
    return FALSE;
  /* "raise that to 20 bcm": the same unit says it is the same thing. */
  if (unit != NULL && g_strcmp0 (unit, c->last_unit) == 0)
    return TRUE;
  /* "musicians from 14 countries": "from" compares only after a change
   * ("up from 9", "fell from"); "to" only after one or after "from X". */
  if (is_role (c, first - 1, TALLY_ROLE_FROM) && !(first > 1 && has_flag (c, first - 2, TALLY_LEX_CHANGE)))
    return FALSE;
  /* "rose by 4 points last year, to 31%": the level reached after a
   * change "by" the figure before. */
  if (is_role (c, first - 1, TALLY_ROLE_TO) && first > 2 && punct_is (c, first - 2, ',')
      && c->last_claim_start > 1 && is_role (c, c->last_claim_start - 1, TALLY_ROLE_BY)
      && has_flag (c, c->last_claim_start - 2, TALLY_LEX_CHANGE))
    {
      /* Only its period may stand between: "last year", "in 2022". */
      for (guint k = c->last_claim_end + 1; k + 2 < first; k++)
        if (!c->used->data[k] && !has_flag (c, k, TALLY_LEX_SCOPE_PREP))
          return FALSE;
      return TRUE;
    }
  if (is_role (c, first - 1, TALLY_ROLE_TO) && !(first > 1 && has_flag (c, first - 2, TALLY_LEX_CHANGE))
      && !(c->last_claim_start > 0 && is_role (c, c->last_claim_start - 1, TALLY_ROLE_FROM)))
    return FALSE;
  /* Otherwise only within the clause ("…, up from 9" counts as one). */
  for (guint k = c->last_claim_end + 1; k < first; k++)
    if ((is_clause_break (c, k) && !has_flag (c, k + 1, TALLY_LEX_CHANGE)) || is_role (c, k, TALLY_ROLE_AND))
      return FALSE;
  return TRUE;
}

static gboolean
copy_previous_measure (Ctx *c)
{
  if (c->last_measure->len == 0)
    return FALSE;
  g_string_assign (c->measure, c->last_measure->str);
  return TRUE;
}

/* Whether the figure at `first` opens a relative clause on the sentence's
 * figure before it: ", which is a 38% rise", ", which was a 12% increase"
 * (only the clause's verb and an article between). */
static gboolean
change_of_figure_before (Ctx  *c,
                         guint first)
{
  guint k;

  if (c->last_measure->len == 0 || c->last_claim_end >= first)
    return FALSE;
  for (k = c->last_claim_end + 1; k < first && !punct_is (c, k, ','); k++)
    if (is_clause_break (c, k))
      return FALSE;
  if (k + 1 >= first || !is_role (c, k + 1, TALLY_ROLE_WHICH))
    return FALSE;
  for (k += 2; k < first; k++)
    if (!is_role (c, k, TALLY_ROLE_IS) && !is_role (c, k, TALLY_ROLE_WAS) && !is_role (c, k, TALLY_ROLE_A)
        && !_tally_claims_looks_verb (c, k))
      return FALSE;
  return TRUE;
}

/* "cut crossing times by 20%", "lift revenue by 25–30%": a change of the
 * noun phrase between the verb and "by". */
static gboolean
measure_verb_by (Ctx      *c,
                 Quantity *q)
{
  gint by = (gint) q->first - 1;

  /* "cut waiting times to 6 hours": a level, of the same noun phrase. */
  if (by >= 2 && is_role (c, by, TALLY_ROLE_TO))
    {
      for (gint v = by - 1; v >= 0 && v >= by - 5; v--)
        if (has_flag (c, v, TALLY_LEX_CHANGE) && !has_flag (c, v, TALLY_LEX_STOP) && v + 1 < by
            && !is_number (c, v + 1))
          return _tally_claims_read_np (c, v + 1, NP_ANY) > (guint) v + 1 && c->measure->len > 0;
      return FALSE;
    }
  if (by < 2 || !is_role (c, by, TALLY_ROLE_BY))
    return FALSE;
  for (gint v = by - 1; v >= 0 && v >= by - 4; v--)
    if (has_flag (c, v, TALLY_LEX_CHANGE) && !has_flag (c, v, TALLY_LEX_STOP))
      {
        q->change = TRUE;
        if (v + 1 < by && _tally_claims_read_np (c, v + 1, NP_ANY) > (guint) v + 1)
          return TRUE;
        g_string_truncate (c->measure, 0);
        return FALSE;
      }
  return FALSE;
}

/* "year over year", "YoY", "(quarter-on-quarter)" at token i: the period a
 * figure is compared with ([period_compare]). Returns how many tokens it
 * takes, 0 when none. */
static guint
period_compare_len (Ctx  *c,
                    guint i)
{
  guint open = punct_is (c, i, '(') ? 1 : 0, n = 0;
  guint k = i + open;
  const TallyToken *t;

  if (!is_word (c, k) || TOK (c, k)->lex == NULL || !TOK (c, k)->lex->period_compare)
    return 0;
  t = TOK (c, k);
  if ((is_role (c, k + 1, TALLY_ROLE_OVER) || is_role (c, k + 1, TALLY_ROLE_ON)) && is_word (c, k + 2)
      && TOK (c, k + 2)->end - TOK (c, k + 2)->start == t->end - t->start
      && g_ascii_strncasecmp (c->text + TOK (c, k + 2)->start, c->text + t->start, t->end - t->start) == 0)
    n = 3;
  else if ((t->flags & TALLY_TOKEN_HYPHENATED) || t->end - t->start <= 3)
    n = 1;
  if (n == 0)
    return 0;
  if (open)
    return punct_is (c, k + n, ')') ? n + 2 : 0;
  return n;
}

/* Modifiers of a change noun, as a measure: "delivery growth of 38%" →
 * "delivery", "a sales increase of 4%" → "sale". */
static gboolean
change_noun_modifiers (Ctx  *c,
                       gint  noun)
{
  gint start = noun;

  /* One word: what comes before it may be a verb ("numbers show"). */
  while (start > 0 && noun - start < 1 && is_word (c, start - 1) && !c->used->data[start - 1]
         && !is_proper (c, start - 1) && TOK (c, start - 1)->lex == NULL
         && !_tally_claims_looks_verb (c, start - 1) && !(TOK (c, start - 1)->flags & TALLY_TOKEN_HYPHENATED))
    start--;
  if (start == noun)
    return FALSE;
  g_string_truncate (c->measure, 0);
  for (gint k = start; k < noun; k++)
    {
      const TallyToken *t = TOK (c, k);

      if (k > start)
        g_string_append_c (c->measure, ' ');
      if (k == noun - 1)
        tally_lemma_append (c->lex, c->measure, c->text + t->start, t->end - t->start);
      else
        for (gsize b = t->start; b < t->end; b++)
          g_string_append_c (c->measure, g_ascii_tolower (c->text[b]));
    }
  return c->measure->len > 0;
}

/* Whether word i is an adverb in -ly ("reportedly cost", "comfortably over"). */
static gboolean
looks_adverb (Ctx  *c,
              guint i)
{
  const TallyToken *t = TOK (c, i);
  gsize n = t->end - t->start;

  return is_word (c, i) && !(t->flags & TALLY_TOKEN_CAPITALIZED) && n > 4
         && c->text[t->end - 2] == 'l' && c->text[t->end - 1] == 'y';
}

static gboolean
is_be_or_have (Ctx  *c,
               guint i)
{
  return is_role (c, i, TALLY_ROLE_IS) || is_role (c, i, TALLY_ROLE_WAS) || is_role (c, i, TALLY_ROLE_WERE)
         || is_role (c, i, TALLY_ROLE_ARE) || is_role (c, i, TALLY_ROLE_BE) || is_role (c, i, TALLY_ROLE_BEEN)
         || is_role (c, i, TALLY_ROLE_HAD) || (is_modal (c, i) && !is_role (c, i, TALLY_ROLE_TO));
}

/* "Qatar spent $220 billion", "the bridge reportedly cost $90m", "More than
 * $2bn (£1.6bn) will be spent": the noun of the verb whose object the figure
 * is, or whose passive's subject it is ([measure_verb], or with `last`
 * [measure_verb_last]); NULL when there is none. */
static const char *
verb_noun (Ctx      *c,
           Quantity *q,
           gboolean  last)
{
  const TallyLexEntry *l;
  guint a = q->after, aux = 0;

  for (gint k = (gint) q->first - 1; k >= 0 && k >= (gint) q->first - 3; k--)
    {
      if (!is_word (c, k) || (TOK (c, k)->flags & TALLY_TOKEN_CAPITALIZED))
        break;
      l = TOK (c, k)->lex;
      if (l != NULL && l->verb_measure != NULL && l->verb_measure_last == last)
        return l->verb_measure;
      if (!looks_adverb (c, k))
        break;
    }
  /* The same figure in another currency, in brackets, may stand between. */
  if (punct_is (c, a, '('))
    {
      guint close = a + 1;

      while (close < n_tokens (c) && close < a + 8 && !punct_is (c, close, ')'))
        close++;
      if (!punct_is (c, close, ')'))
        return NULL;
      a = close + 1;
    }
  while (aux < 3 && is_word (c, a + aux) && is_be_or_have (c, a + aux))
    aux++;
  a += aux;
  if (aux > 0 && is_word (c, a) && !(TOK (c, a)->flags & TALLY_TOKEN_CAPITALIZED)
      && (l = TOK (c, a)->lex) != NULL && l->verb_measure != NULL && l->verb_measure_last == last
      && (is_role (c, a - 1, TALLY_ROLE_BE) || is_role (c, a - 1, TALLY_ROLE_BEEN) || is_role (c, a - 1, TALLY_ROLE_IS)
          || is_role (c, a - 1, TALLY_ROLE_WAS) || is_role (c, a - 1, TALLY_ROLE_WERE) || is_role (c, a - 1, TALLY_ROLE_ARE)))
    return l->verb_measure;
  return NULL;
}

/* The noun of the verb whose object, or passive subject, the figure is:
 * a [measure_verb] ("spent" => spending), or with `last` a
 * [measure_verb_last] one, used only when its subject named nothing measured
 * ("It was said to have cost $95 million"; "The bridge cost $90m" measures
 * the bridge, as "the cost of the bridge" does). */
static gboolean
measure_of_verb (Ctx      *c,
                 Quantity *q,
                 gboolean  last)
{
  const char *noun = verb_noun (c, q, last);

  if (noun == NULL)
    return FALSE;
  g_string_assign (c->measure, noun);
  return TRUE;
}

/* "120 mm (4.7 inches) of rain", "230 mm, or about 9 inches, of rain": the
 * "of" that follows a restatement of the figure is the figure's. Returns
 * the token to read the measure from: that "of", else q->after. */
static guint
past_restatement (Ctx      *c,
                  Quantity *q)
{
  guint a = q->after;

  if (punct_is (c, a, '('))
    {
      for (guint k = a + 1; k < n_tokens (c) && k < a + 10; k++)
        if (punct_is (c, k, ')'))
          return is_role (c, k + 1, TALLY_ROLE_OF) ? k + 1 : a;
      return a;
    }
  if (punct_is (c, a, ',') && is_role (c, a + 1, TALLY_ROLE_OR))
    {
      for (guint k = a + 2; k < n_tokens (c) && k < a + 10; k++)
        if (is_clause_break (c, k))
          return punct_is (c, k, ',') && is_role (c, k + 1, TALLY_ROLE_OF) ? k + 1 : a;
      return a;
    }
  /* the restatement itself */
  if (punct_is (c, a, ',') && is_role (c, a + 1, TALLY_ROLE_OF) && q->first >= 2
      && is_role (c, q->first - 1, TALLY_ROLE_OR) && punct_is (c, q->first - 2, ','))
    return a + 1;
  return a;
}

/* The measure of a quantity: the noun it counts, the phrase after "of"/"in",
 * the noun before "of", the subject of the verb, in that order. */
static gboolean
find_measure_rules (Ctx      *c,
                    Quantity *q)
{
  guint a = past_restatement (c, q);
  guint period;

  /* "38% year over year", "up 11% YoY", "38% year-over-year (YoY)": a
   * change over that period; read on past those words. */
  while (q->kind != TALLY_CLAIM_KIND_COUNT && (period = period_compare_len (c, a)) > 0)
    {
      q->change = TRUE;
      a += period;
    }

  /* "lost up to 15% of their harvest": a share, not a change. */
  if (q->kind == TALLY_CLAIM_KIND_PERCENT && is_role (c, a, TALLY_ROLE_OF))
    q->change = FALSE;
  /* "35% increase in bilateral trade", "a 12% rise". */
  if (has_flag (c, a, TALLY_LEX_CHANGE) && !has_flag (c, a, TALLY_LEX_LEVEL_VERB) && q->kind != TALLY_CLAIM_KIND_COUNT)
    {
      q->change = TRUE;
      a++;
      if ((is_role (c, a, TALLY_ROLE_IN) || is_role (c, a, TALLY_ROLE_OF)) && _tally_claims_read_np (c, a + 1, NP_ANY) > a + 1)
        return TRUE;
      g_string_truncate (c->measure, 0);
      /* "delivered 1.81 million cars, which is a 38% rise": the relative
       * clause speaks of the figure before it, not of the sentence's subject. */
      if (change_of_figure_before (c, q->first) && copy_previous_measure (c))
        return TRUE;
      return measure_from_subject (c, q->first);
    }
  /* "7% more than in 2023" */
  if ((is_role (c, a, TALLY_ROLE_MORE) || is_role (c, a, TALLY_ROLE_LESS) || is_role (c, a, TALLY_ROLE_HIGHER) || is_role (c, a, TALLY_ROLE_LOWER)
       || is_role (c, a, TALLY_ROLE_FEWER)) && is_role (c, a + 1, TALLY_ROLE_THAN) && q->kind != TALLY_CLAIM_KIND_COUNT)
    {
      /* "…in 2024, 7% more than in 2023": more of what came before. */
      q->change = TRUE;
      if (copy_previous_measure (c))
        return TRUE;
    }
  if (_tally_claims_compares_to_previous (c, q->first, q->unit) && copy_previous_measure (c))
    return TRUE;
  /* "drew 65,000 visitors over four days, up 30%": the change of the
   * figure before. */
  if (q->first > 1 && (is_role (c, q->first - 1, TALLY_ROLE_UP) || is_role (c, q->first - 1, TALLY_ROLE_DOWN))
      && punct_is (c, q->first - 2, ',') && c->last_measure->len > 0 && c->last_claim_end < q->first
      && copy_previous_measure (c))
    {
      q->change = TRUE;
      return TRUE;
    }
  if (measure_verb_by (c, q))
    return TRUE;
  /* "an increase in deliveries, totaling 1.81 million": the level that the
   * figure before in the sentence measured. */
  if (q->first >= 2 && has_flag (c, q->first - 1, TALLY_LEX_LEVEL_VERB) && punct_is (c, q->first - 2, ',')
      && TOK (c, q->first - 1)->end - TOK (c, q->first - 1)->start > 4
      && memcmp (c->text + TOK (c, q->first - 1)->end - 3, "ing", 3) == 0
      && c->last_measure->len > 0 && c->last_claim_end < q->first && copy_previous_measure (c))
    return TRUE;

  switch (q->kind)
    {
    case TALLY_CLAIM_KIND_COUNT:
      if (is_role (c, a, TALLY_ROLE_OF) && _tally_claims_read_np (c, a + 1, NP_PLURAL | NP_KEEP_NAMES) > a + 1)
        return TRUE;
      /* "a 400-bed hospital", "a 12-member council": it counts the beds. */
      if (punct_is (c, a, '-') && attached (c, a) && attached (c, a + 1) && is_word (c, a + 1))
        {
          const TallyToken *w = TOK (c, a + 1);

          tally_lemma_append (c->lex, c->measure, c->text + w->start, w->end - w->start);
          return TRUE;
        }
      /* More than one of something is plural ("five carry a budget" counts
       * no "carry"); "staff", "aircraft" and the like are listed lemmas. */
      {
        guint np_end;

        if (!is_determiner (c, a) && (np_end = _tally_claims_read_np (c, a, (q->value == 1 ? NP_SINGULAR : NP_PLURAL) | NP_KEEP_NAMES)) > a
            && (q->value == 1 || c->np_head_plural))
          {
            /* The words of a count include what it counts: "14 cooperation
             * agreements", "more than a dozen agreements". */
            if (q->end_byte == 0)
              q->end_byte = TOK (c, np_end - 1)->end;
            return TRUE;
          }
      }
      g_string_truncate (c->measure, 0);
      if (measure_of_verb (c, q, FALSE))
        return TRUE;
      if (!q->word_number && measure_from_subject_full (c, q->first, 1))
        return TRUE;
      /* "Of the 14 agreements signed, only five carry a budget." */
      if (c->last_count_measure->len > 0)
        {
          g_string_assign (c->measure, c->last_count_measure->str);
          return TRUE;
        }
      return FALSE;

    case TALLY_CLAIM_KIND_PERCENT:
      /* "signed 15 agreements, and at least half of them …": a share of
       * what the sentence counted before. */
      if (is_role (c, a, TALLY_ROLE_OF) && is_word (c, a + 1) && c->last_count_measure->len > 0
          && TOK (c, a + 1)->end - TOK (c, a + 1)->start == 4
          && g_ascii_strncasecmp (c->text + TOK (c, a + 1)->start, "them", 4) == 0)
        {
          g_string_assign (c->measure, c->last_count_measure->str);
          append_participle (c, a + 2);
          return TRUE;
        }
      if (is_role (c, a, TALLY_ROLE_OF))
        {
          guint end = _tally_claims_read_np (c, a + 1, NP_PLURAL);

          if (end > a + 1)
            {
              append_participle (c, end);
              return TRUE;
            }
        }
      if (measure_before_of (c, q->first, a, &q->change))
        return TRUE;
      if (is_content_word (c, a) && _tally_claims_read_np (c, a, NP_SINGULAR) > a)
        return TRUE;
      return measure_from_subject (c, q->first);

    case TALLY_CLAIM_KIND_MONEY:
    case TALLY_CLAIM_KIND_NUMBER:
    case TALLY_CLAIM_KIND_DURATION:
      if (q->compound && _tally_claims_read_np (c, a, NP_ANY) > a)
        return TRUE;
      /* "a 22-km, four-lane project" */
      if (q->compound && punct_is (c, a, ',') && is_word (c, a + 1) && (TOK (c, a + 1)->flags & TALLY_TOKEN_HYPHENATED)
          && _tally_claims_read_np (c, a + 1, NP_ANY) > a + 1)
        return TRUE;
      if ((is_role (c, a, TALLY_ROLE_IN) || is_role (c, a, TALLY_ROLE_OF) || is_role (c, a, TALLY_ROLE_WORTH)
           || (q->kind == TALLY_CLAIM_KIND_MONEY && (is_role (c, a, TALLY_ROLE_ON) || is_role (c, a, TALLY_ROLE_FOR))))
          && !is_number (c, a + 1) && q->kind != TALLY_CLAIM_KIND_DURATION)
        {
          guint from = a + 1;

          if (is_role (c, a, TALLY_ROLE_WORTH) && is_role (c, from, TALLY_ROLE_OF))
            from++;
          if (_tally_claims_read_np (c, from, NP_ANY) > from)
            return TRUE;
        }
      /* "€1.5 billion is earmarked for the ports" */
      if (q->kind == TALLY_CLAIM_KIND_MONEY
          && (is_role (c, a, TALLY_ROLE_IS) || is_role (c, a, TALLY_ROLE_ARE) || is_role (c, a, TALLY_ROLE_WAS) || is_role (c, a, TALLY_ROLE_WERE))
          && is_word (c, a + 1) && _tally_claims_looks_verb (c, a + 1) && (is_role (c, a + 2, TALLY_ROLE_FOR) || is_role (c, a + 2, TALLY_ROLE_ON))
          && _tally_claims_read_np (c, a + 3, NP_ANY) > a + 3)
        return TRUE;
      if (measure_before_of (c, q->first, q->after, &q->change))
        return TRUE;
      /* "$500 million USD": a currency's code after the figure is no noun. */
      if ((q->kind == TALLY_CLAIM_KIND_MONEY || q->kind == TALLY_CLAIM_KIND_NUMBER) && is_content_word (c, a)
          && !has_flag (c, a, TALLY_LEX_CHANGE | TALLY_LEX_CURRENCY) && _tally_claims_read_np (c, a, NP_SINGULAR) > a)
        return TRUE;
      if (q->kind == TALLY_CLAIM_KIND_MONEY && measure_of_verb (c, q, FALSE))
        return TRUE;
      if (measure_from_subject_full (c, q->first, q->kind == TALLY_CLAIM_KIND_DURATION ? 2 : 0) && c->measure->len > 0)
        return TRUE;
      g_string_truncate (c->measure, 0);
      return q->kind == TALLY_CLAIM_KIND_MONEY && measure_of_verb (c, q, TRUE);

    case TALLY_CLAIM_KIND_ORDINAL:
    case TALLY_CLAIM_KIND_YEAR:
    case TALLY_CLAIM_KIND_DATE:
    default:
      return FALSE;
    }
}

void
_tally_claims_find_measure (Ctx      *c,
                            Quantity *q)
{
  g_string_truncate (c->measure, 0);
  if (tally_lexicon_inflected (c->lex))
    {
      if (!_tally_claims_inflected_measure (c, q))
        g_string_truncate (c->measure, 0);
      return;
    }
  /* "$2bn (£1.6bn)": a figure in brackets right after another restates it. */
  if (q->first > 1 && punct_is (c, q->first - 1, '(') && c->last_claim_end + 2 == q->first && c->last_measure->len > 0
      && (q->kind == TALLY_CLAIM_KIND_MONEY
          || (q->kind == TALLY_CLAIM_KIND_NUMBER && q->unit != NULL && c->last_unit[0] != '\0')))
    {
      copy_previous_measure (c);
      return;
    }
  /* "took 52% of the vote to Remain's 48%": the other side's figure
   * measures what the first did. */
  if (q->first >= 2 && is_word (c, q->first - 1) && _tally_claims_is_possessive (c, q->first - 1)
      && (TOK (c, q->first - 1)->flags & TALLY_TOKEN_CAPITALIZED) && is_role (c, q->first - 2, TALLY_ROLE_TO)
      && c->last_measure->len > 0 && c->last_claim_end < q->first && g_strcmp0 (q->unit, c->last_unit[0] ? c->last_unit : NULL) == 0)
    {
      copy_previous_measure (c);
      return;
    }
  if (find_measure_rules (c, q) && c->measure->len > 0)
    return;
  g_string_truncate (c->measure, 0);
  /* Nothing named it: "…, a gain of 3.3 percentage points" measures what
   * the figure before it in the sentence measured. */
  if (q->kind != TALLY_CLAIM_KIND_COUNT && q->kind != TALLY_CLAIM_KIND_DURATION && c->last_measure->len > 0
      && c->last_claim_end < q->first)
    {
      gboolean same_clause = TRUE, list = TRUE;

      for (guint k = c->last_claim_end + 1; k < q->first; k++)
        {
          if (is_clause_break (c, k) || punct_is (c, k, ';'))
            same_clause = FALSE;
          /* "€2.5bn, £310 million and ¥8 billion": items of one list. */
          if (!punct_is (c, k, ',') && !is_role (c, k, TALLY_ROLE_AND) && !is_role (c, k, TALLY_ROLE_OR))
            list = FALSE;
        }
      same_clause |= list;
      if (same_clause || (q->unit != NULL && g_strcmp0 (q->unit, c->last_unit) == 0))
        copy_previous_measure (c);
    }
}

/* "first ", "second " … as the lexicon writes them ([ordinal_name]). */
static void
append_ordinal_name (Ctx *c,
                     int  ordinal)
{
  char key[16];
  const TallyLexEntry *e;

  g_snprintf (key, sizeof key, "%d", ordinal);
  e = tally_lexicon_lookup (c->lex, key, strlen (key));
  if (e != NULL && e->name != NULL)
    {
      g_string_append (c->measure, e->name);
      g_string_append_c (c->measure, ' ');
    }
}

/* Whether a quotation mark (" “ ”) lies in bytes [from, to): words on its
 * two sides belong to different voices ("…today," said … at the conference). */
gboolean
_tally_claims_quote_between (Ctx  *c,
                             gsize from,
                             gsize to)
{
  for (gsize b = from; b < to && b < c->len; b++)
    {
      if (c->text[b] == '"')
        return TRUE;
      if (b + 2 < c->len && (guint8) c->text[b] == 0xe2 && (guint8) c->text[b + 1] == 0x80
          && ((guint8) c->text[b + 2] == 0x9c || (guint8) c->text[b + 2] == 0x9d))
        return TRUE;
    }
  return FALSE;
}

/* Whether byte lies inside a direct quotation opened earlier in its
 * paragraph. The look-back is bounded so that huge lines stay linear. */
gboolean
_tally_claims_in_quote (Ctx  *c,
                        gsize byte)
{
  gboolean open = FALSE;
  gsize from = byte > 4096 ? byte - 4096 : 0;

  for (gsize b = byte; b > from; b--)
    if (c->text[b - 1] == '\n')
      {
        from = b;
        break;
      }
  for (gsize b = from; b < byte && b < c->len; b++)
    {
      if (c->text[b] == '"')
        open = !open;
      else if (b + 2 < c->len && (guint8) c->text[b] == 0xe2 && (guint8) c->text[b + 1] == 0x80)
        {
          if ((guint8) c->text[b + 2] == 0x9c)
            open = TRUE;
          else if ((guint8) c->text[b + 2] == 0x9d)
            open = FALSE;
        }
    }
  return open;
}

/* "The agreements, signed on June 17", "the treaty was ratified in May":
 * the date of that action on its subject ("agreement signed"). */
static gboolean
participle_measure (Ctx  *c,
                    guint first)
{
  gint v = (gint) first - 2, k;
  const TallyToken *t;
  const char *w;
  gsize n;

  if (v < 1 || !(is_role (c, first - 1, TALLY_ROLE_ON) || is_role (c, first - 1, TALLY_ROLE_IN)) || !is_word (c, v)
      || is_proper (c, v))
    return FALSE;
  t = TOK (c, v);
  w = c->text + t->start;
  n = t->end - t->start;
  if (n <= 3 || w[n - 2] != 'e' || w[n - 1] != 'd')
    return FALSE;
  /* "were signed", "had been signed", or an apposition after a comma. */
  k = v - 1;
  while (k >= 0 && k >= v - 2
         && (is_role (c, k, TALLY_ROLE_WAS) || is_role (c, k, TALLY_ROLE_WERE) || is_role (c, k, TALLY_ROLE_BEEN)
             || is_role (c, k, TALLY_ROLE_IS) || is_role (c, k, TALLY_ROLE_ARE) || is_role (c, k, TALLY_ROLE_HAD)))
    k--;
  if (k == v - 1)
    {
      if (!punct_is (c, k, ','))
        return FALSE;
      k--;
    }
  /* The noun just before: "The agreements, signed …". */
  if (k < 0 || !is_content_word (c, k) || is_proper (c, k) || c->used->data[k])
    return FALSE;
  {
    gint start = k;

    while (start > 0 && is_content_word (c, start - 1) && !is_proper (c, start - 1) && !c->used->data[start - 1]
           && k - start < NP_MAX_WORDS - 1)
      start--;
    if (_tally_claims_read_np (c, start, NP_ANY) != (guint) k + 1 || c->measure->len == 0)
      {
        g_string_truncate (c->measure, 0);
        return FALSE;
      }
  }
  g_string_append_c (c->measure, ' ');
  for (gsize b = 0; b < n; b++)
    g_string_append_c (c->measure, g_ascii_tolower (w[b]));
  return TRUE;
}

/* "The Third Baltic–Caspian Connectivity Summit": the first gathering an
 * article names with a capitalised ordinal title, for its later "the meeting". */
void
_tally_claims_find_named_gathering (Ctx *c)
{
  for (guint i = 0; i < n_tokens (c); i++)
    {
      const TallyToken *t = TOK (c, i);

      if (t->type != TALLY_TOKEN_WORD || t->lex == NULL || !(t->lex->flags & TALLY_LEX_ORDINAL)
          || t->lex->ordinal <= 0 || t->lex->ordinal > 10 || !(t->flags & TALLY_TOKEN_CAPITALIZED))
        continue;
      for (guint k = i + 1; k < n_tokens (c) && k <= i + 6; k++)
        {
          const TallyToken *w = TOK (c, k);

          if (w->type == TALLY_TOKEN_DASH)
            continue;
          if (w->type != TALLY_TOKEN_WORD || !(w->flags & TALLY_TOKEN_CAPITALIZED))
            break;
          if (has_flag (c, k, TALLY_LEX_GATHERING))
            {
              GString *saved = c->measure;

              /* Build it with the measure helpers, then keep it. */
              c->measure = c->named_gathering;
              append_ordinal_name (c, t->lex->ordinal);
              tally_lemma_append (c->lex, c->measure, c->text + w->start, w->end - w->start);
              g_string_ascii_down (c->measure);
              c->measure = saved;
              return;
            }
        }
    }
}

/* "The two-day meeting on 16–17 June" in an article about the Third …
 * Summit: a bare gathering after "the"/"this" is the one the article named. */
static gboolean
refers_to_named_gathering (Ctx  *c,
                           gint  best)
{
  if (c->named_gathering->len == 0 || !has_flag (c, best, TALLY_LEX_GATHERING)
      || (TOK (c, best)->flags & TALLY_TOKEN_CAPITALIZED && best > 0 && !is_role (c, best - 1, TALLY_ROLE_THE)))
    return FALSE;
  for (gint k = best - 1; k >= 0 && k >= best - 3; k--)
    {
      const TallyToken *t = TOK (c, k);

      if (is_role (c, k, TALLY_ROLE_THE) || is_role (c, k, TALLY_ROLE_THIS))
        return TRUE;
      if (t->type == TALLY_TOKEN_DASH || (t->type == TALLY_TOKEN_WORD && (t->flags & TALLY_TOKEN_HYPHENATED)))
        continue;
      return FALSE;
    }
  return FALSE;
}

/* "in April, when foreign ministers met in Astana to draft the declaration":
 * a "when" clause right after a date says what happened then. Writes the
 * clause's subject and verb into `out` ("foreign minister met") and returns
 * the verb's index, with *clause_end after the clause; -1 when there is no
 * such clause. */
static gint
when_clause (Ctx     *c,
             guint    last,
             GString *out,
             guint   *clause_end)
{
  guint w = last + 1, s, v, end;

  if (punct_is (c, w, ','))
    w++;
  if (!is_role (c, w, TALLY_ROLE_WHEN))
    return -1;
  for (s = w + 1; is_determiner (c, s); s++)
    ;
  v = _tally_claims_read_np (c, s, NP_PLURAL);
  if (v == s || c->measure->len == 0)
    {
      g_string_truncate (c->measure, 0);
      return -1;
    }
  /* "when the agreements were signed", "when talks had begun" */
  while (is_role (c, v, TALLY_ROLE_WAS) || is_role (c, v, TALLY_ROLE_WERE) || is_role (c, v, TALLY_ROLE_HAD)
         || is_role (c, v, TALLY_ROLE_BEEN) || is_role (c, v, TALLY_ROLE_IS) || is_role (c, v, TALLY_ROLE_ARE))
    v++;
  /* The verb: a plain word, or a verb the lexicon lists as ending a noun
   * phrase ("met", "came"), told from a preposition ("across the region")
   * by having no role and no article after it. */
  if (!is_word (c, v) || is_proper (c, v) || is_determiner (c, v) || is_modal (c, v) || c->used->data[v]
      || has_flag (c, v, TALLY_LEX_STOP | TALLY_LEX_NUMBER | TALLY_LEX_MONTH)
      || (has_flag (c, v, TALLY_LEX_NP_BREAK) && (TOK (c, v)->lex->role != TALLY_ROLE_NONE || is_determiner (c, v + 1))))
    {
      g_string_truncate (c->measure, 0);
      return -1;
    }
  for (end = v + 1; end < n_tokens (c) && !is_clause_break (c, end) && TOK (c, end)->type != TALLY_TOKEN_PUNCT; end++)
    ;
  g_string_assign (out, c->measure->str);
  g_string_append_c (out, ' ');
  for (gsize b = TOK (c, v)->start; b < TOK (c, v)->end; b++)
    g_string_append_c (out, g_ascii_tolower (c->text[b]));
  g_string_truncate (c->measure, 0);
  *clause_end = end;
  return (gint) v;
}

/* Whether event noun k, after the verb of a "when" clause, is that verb's
 * object ("when the leaders signed the treaty"): only articles and
 * modifiers stand between them. An event noun further on ("… met in Astana
 * to draft the declaration") is what the clause's actors went on to do. */
static gboolean
is_object_of (Ctx  *c,
              gint  verb,
              guint k)
{
  for (guint m = verb + 1; m < k; m++)
    if (!is_determiner (c, m) && !(is_content_word (c, m) && !is_proper (c, m)))
      return FALSE;
  return k - verb <= 3;
}

/* Years and dates measure the event they date: the event noun nearest to
 * them in the sentence, with its ordinal ("first summit"). */
void
_tally_claims_event_measure (Ctx  *c,
                             guint first,
                             guint last)
{
  gint best = -1;
  guint best_dist = G_MAXUINT;
  gboolean between_claim;
  g_autoptr(GString) when_measure = g_string_new (NULL);
  gint when_verb;
  guint when_end = 0;

  g_string_truncate (c->measure, 0);
  /* "$48.2 billion in 2025": the year is that figure's period, not the
   * date of an event named further on ("… since the second summit"). */
  if (first >= 2 && has_flag (c, first - 1, TALLY_LEX_SCOPE_PREP) && c->used->data[first - 2])
    return;
  when_verb = when_clause (c, last, when_measure, &when_end);
  for (guint k = 0; k < n_tokens (c); k++)
    {
      guint dist;

      if (!has_flag (c, k, TALLY_LEX_EVENT) || (k >= first && k <= last))
        continue;
      if (when_verb >= 0 && k > (guint) when_verb && k < when_end && !is_object_of (c, when_verb, k))
        continue;
      /* An event named outside a quotation does not date the words inside
       * it, nor the other way round. */
      if (k < first ? _tally_claims_quote_between (c, TOK (c, k)->end, TOK (c, first)->start)
                    : _tally_claims_quote_between (c, TOK (c, last)->end, TOK (c, k)->start))
        continue;
      /* "the summit working group": a modifier, not what is dated. */
      if (is_word (c, k + 1) && !is_proper (c, k + 1) && !has_flag (c, k + 1, TALLY_LEX_NP_BREAK | TALLY_LEX_STOP)
          && !is_determiner (c, k + 1)
          && ((is_content_word (c, k + 1) && !_tally_claims_looks_plural (c, k + 1))
              || (TOK (c, k + 1)->end - TOK (c, k + 1)->start > 4
                  && memcmp (c->text + TOK (c, k + 1)->end - 3, "ing", 3) == 0)))
        continue;
      dist = k < first ? (first - k) * 2 : (k - last) * 2 + 1;
      /* "The summit ended on Wednesday, with the signing of …": an event
       * after a clause break is further than one in the date's clause. */
      if (k > last)
        for (guint b = last + 1; b < k; b++)
          if (is_clause_break (c, b))
            {
              dist += 2 * MAX_SENTENCE_TOKENS;
              break;
            }
      if (dist < best_dist)
        {
          best_dist = dist;
          best = k;
        }
    }
  /* No event noun: the action the date's own clause names ("signed in
   * April"), else the "when" clause after it. */
  if (best < 0)
    {
      if (!participle_measure (c, first) && when_verb >= 0)
        g_string_assign (c->measure, when_measure->str);
      return;
    }
  {
    gboolean claim = FALSE, comma = FALSE;

    for (guint k = MIN ((guint) best, first) + 1; k < MAX ((guint) best, last); k++)
      {
        claim |= c->used->data[k] && !(k >= first && k <= last);
        comma |= is_clause_break (c, k);
      }
    between_claim = claim && comma;
  }

  /* "the first summit … in 2021 and the second in Baku in 2023" */
  for (gint k = (gint) first - 1; k >= 0 && k >= (gint) first - 6 && k > best; k--)
    {
      const TallyToken *t = TOK (c, k);

      if (t->type == TALLY_TOKEN_WORD && t->lex != NULL && (t->lex->flags & TALLY_LEX_ORDINAL)
          && t->lex->ordinal > 0 && t->lex->ordinal <= 10 && !is_content_word (c, k + 1))
        {
          const TallyToken *e = TOK (c, best);

          append_ordinal_name (c, t->lex->ordinal);
          tally_lemma_append (c->lex, c->measure, c->text + e->start, e->end - e->start);
          return;
        }
    }
  /* "…during the festival, against 71% in June": the festival is not what
   * June dates; another figure stands between them. */
  if (between_claim)
    return;

  for (gint k = best - 1; k >= 0 && k >= best - 5; k--)
    {
      const TallyToken *t = TOK (c, k);

      if (t->type == TALLY_TOKEN_WORD && t->lex != NULL && (t->lex->flags & TALLY_LEX_ORDINAL))
        {
          append_ordinal_name (c, t->lex->ordinal);
          break;
        }
      if (t->type == TALLY_TOKEN_WORD && (t->flags & (TALLY_TOKEN_CAPITALIZED | TALLY_TOKEN_HYPHENATED)))
        continue;
      if (t->type == TALLY_TOKEN_DASH)
        continue;
      if (t->type != TALLY_TOKEN_WORD || has_flag (c, k, TALLY_LEX_NP_BREAK))
        break;
    }
  if (c->measure->len == 0 && refers_to_named_gathering (c, best))
    {
      g_string_assign (c->measure, c->named_gathering->str);
      return;
    }
  {
    const TallyToken *t = TOK (c, best);

    /* "work programme", "ministerial meeting" */
    if (c->measure->len == 0 && best > 0 && is_content_word (c, best - 1) && !is_proper (c, best - 1)
        && !c->used->data[best - 1] && !has_flag (c, best - 1, TALLY_LEX_ORDINAL) && (guint) best - 1 != last)
      {
        const TallyToken *m = TOK (c, best - 1);

        for (gsize b = m->start; b < m->end; b++)
          g_string_append_c (c->measure, g_ascii_tolower (c->text[b]));
        g_string_append_c (c->measure, ' ');
      }
    tally_lemma_append (c->lex, c->measure, c->text + t->start, t->end - t->start);
  }
}
