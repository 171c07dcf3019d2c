/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-facts.h"
#include <unicode/uloc.h>

#include "tally-gazetteer.h"
#include "tally-language.h"
#include "tally-partial-date.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally-concepts.h"
#include "tally-fact-lexicon.h"

/* Grouping: claims are bucketed by what must be equal (kind, unit, change,
 * scope year, head noun, distinguishing words such as "first"), then, inside
 * a bucket, a measure joins the one more specific measure that contains all
 * its modifiers ("agreement" joins "cooperation agreement"). When two
 * incomparable measures could take it ("trade agreement", "cooperation
 * agreement") it stays a fact of its own: a wrong merge is worse than a
 * missed one, because the analyst would read a conflict that is not there.
 *
 * Grading: each distinct value becomes an interval of what it allows (its
 * rounding, or what its qualifier says); values whose intervals overlap can
 * all be true together. Overlapping intervals form one side; more than one
 * side is a conflict. */

typedef struct _Context Context;

static const char * const status_names[] = {
  [TALLY_FACT_STATUS_CONFLICT] = "conflict",
  [TALLY_FACT_STATUS_QUALIFIED] = "qualified",
  [TALLY_FACT_STATUS_ROUNDING] = "rounding",
  [TALLY_FACT_STATUS_AGREE] = "agree",
  [TALLY_FACT_STATUS_SINGLE] = "single",
  [TALLY_FACT_STATUS_UPDATED] = "updated",
};

const char *
tally_fact_status_to_string (TallyFactStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
tally_fact_status_from_string (const char      *str,
                               TallyFactStatus *status)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (str, status_names[i]))
      {
        *status = (TallyFactStatus) i;
        return TRUE;
      }
  return FALSE;
}

static void
fact_value_free (TallyFactValue *value)
{
  g_free (value->value_text);
  g_free (value->value_max_text);
  g_free (value->display);
  g_free (value->data_display);
  g_free (value->stated);
  g_array_unref (value->claims);
  g_ptr_array_unref (value->documents);
  g_free (value);
}

void
tally_fact_record_free (TallyFactRecord *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->id);
  g_free (fact->key);
  g_free (fact->label);
  g_free (fact->measure);
  g_free (fact->story);
  g_free (fact->subject);
  g_free (fact->concept);
  g_free (fact->unit);
  g_free (fact->explanation);
  g_array_unref (fact->claims);
  g_ptr_array_unref (fact->values);
  g_ptr_array_unref (fact->documents);
  g_free (fact);
}

/* ------------------------------------------------------------------------ */
/* Which claims can be facts, and their bucket                               */

static gboolean
is_date_kind (TallyClaimKind kind)
{
  return kind == TALLY_CLAIM_KIND_YEAR || kind == TALLY_CLAIM_KIND_DATE;
}

/* "2022", "2024-05", "2026-06-17": the first and last Julian day it covers. */
static gboolean
parse_date_span (const char *text,
                 guint32    *first,
                 guint32    *last)
{
  TallyPartialDate date;

  if (!tally_partial_date_parse (text, TALLY_PARTIAL_DATE_ALLOW_TIME, &date))
    return FALSE;
  tally_partial_date_get_julian_span (&date, first, last);
  return TRUE;
}

/* "second-largest", "third biggest": an ordinal that ranks. "The third
 * summit", "its first loans" name or count things and are no facts. */
static gboolean
is_rank (const TallyFactInput *input)
{
  g_autofree char *sentence = NULL;
  g_autofree char *words = NULL;
  const char *at;

  if (input->sentence == NULL || input->text == NULL)
    return TRUE;
  words = g_ascii_strdown (input->text, -1);
  /* The words may hold the whole compound ("second-largest")… */
  for (const char *p = strpbrk (words, "- "); p != NULL; p = strpbrk (p + 1, "- "))
    {
      const char *end;

      for (end = p + 1; g_ascii_isalpha (*end); end++)
        ;
      if (end - (p + 1) >= 5 && g_str_has_prefix (end - 3, "est"))
        return TRUE;
    }
  /* … or stop at the ordinal ("second" of "second biggest"). */
  sentence = g_ascii_strdown (input->sentence, -1);
  for (at = strstr (sentence, words); at != NULL; at = strstr (at + 1, words))
    {
      const char *p = at + strlen (words);
      const char *end;

      if (*p != '-' && *p != ' ')
        continue;
      p++;
      for (end = p; g_ascii_isalpha (*end); end++)
        ;
      if (end - p >= 5 && g_str_has_prefix (end - 3, "est"))
        return TRUE;
    }
  return FALSE;
}

/* What a claim is about beyond its measure: its subject, and its story
 * unless subject and scope year are both stated (then it may meet the same
 * figure in another story). Interned, so that sets compare by pointer. */
struct _Context
{
  char *story;              /* NULL: spans stories */
  char *story_key;          /* what fact keys carry (the story's stable key) */
  char *subject;
  const char *period;       /* "quarter", "half" (tally-concepts.h); NULL: a year or none */
  char *name;               /* "subject\x1fstory\x1fperiod", the interning key */
};

static void
context_free (Context *context)
{
  g_free (context->story);
  g_free (context->story_key);
  g_free (context->subject);
  g_free (context->name);
  g_free (context);
}

static const Context *
intern_context (GHashTable           *contexts,
                const TallyFactInput *input,
                const char           *subject,
                gboolean              needs_subject)
{
  const TallyClaimRecord *record = input->record;
  gboolean spans = subject != NULL && record->scope_year != 0 && record->kind != TALLY_CLAIM_KIND_YEAR
                   && record->kind != TALLY_CLAIM_KIND_DATE;
  const char *story = spans ? NULL : input->story;
  const char *story_key = spans ? NULL : input->story_key != NULL ? input->story_key : input->story;
  /* A quarter's figure is never the year's: the period keeps them apart. */
  const char *period = input->period != NULL && !g_str_equal (input->period, "year") ? input->period : NULL;
  g_autofree char *name = g_strdup_printf ("%s\x1f%s\x1f%s", subject ? subject : "", story_key ? story_key : "",
                                           period ? period : "");
  Context *context;

  /* An age without a name: whose it is is unknown, so it is alone. */
  if (needs_subject && subject == NULL)
    {
      g_free (name);
      name = g_strdup_printf ("\x1e%p", (const void *) input);
    }
  context = g_hash_table_lookup (contexts, name);

  if (context == NULL)
    {
      context = g_new0 (Context, 1);
      context->story = g_strdup (story);
      context->story_key = g_strdup (story_key);
      context->subject = g_strdup (subject);
      context->period = period;
      context->name = g_steal_pointer (&name);
      g_hash_table_insert (contexts, context->name, context);
    }
  return context;
}

static gboolean
usable (const TallyFactInput *input)
{
  const TallyClaimRecord *record = input->record;
  guint32 first, last;

  if (record == NULL)
    return FALSE;
  /* A claim an analyst put in a fact needs no measure of its own. */
  if (input->group == NULL && (record->measure == NULL || record->measure[0] == '\0'))
    return FALSE;
  if (is_date_kind (record->kind))
    return record->value_text != NULL && parse_date_span (record->value_text, &first, &last);
  if (record->kind == TALLY_CLAIM_KIND_ORDINAL && input->group == NULL && !is_rank (input))
    return FALSE;
  return record->has_value && isfinite (record->value)
         && (!record->has_value_max || isfinite (record->value_max));
}

typedef struct
{
  const TallyMeasureKey *key;
  int scope;                /* scope year, 0 = none */
  const Context *context;   /* story and subject, interned; NULL for an analyst's groups */
  GArray *claims;           /* guint */
  int group;                /* index of the set it joins, in its bucket */
  gboolean has_common;      /* common_lo and common_hi are known */
  double common_lo;         /* what every value of the set allows (lo > hi: nothing) */
  double common_hi;
} ModifierSet;

static void
modifier_set_free (ModifierSet *set)
{
  g_array_unref (set->claims);
  g_free (set);
}

static gboolean
same_set (const ModifierSet     *set,
          const TallyMeasureKey *key,
          int                    scope)
{
  return set->scope == scope && set->key->n_modifiers == key->n_modifiers
         && memcmp (set->key->modifiers, key->modifiers, key->n_modifiers * sizeof (char *)) == 0;
}

/* An unscoped claim ("trade reached $48 billion") can join a scoped one
 * ("… in 2025") as "agreement" joins "cooperation agreement"; two years never meet. */
static guint
set_size (const ModifierSet *set)
{
  return 2 * set->key->n_modifiers + (set->scope != 0);
}

static gboolean
set_contains (const ModifierSet *super,
              const ModifierSet *sub)
{
  return set_size (super) > set_size (sub)
         && (sub->scope == 0 || sub->scope == super->scope)
         && tally_measure_key_is_subset (sub->key, super->key);
}

static char *
bucket_key (const TallyClaimRecord *record,
            const TallyMeasureKey  *key,
            const Context          *context)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%p\x1f", context);
  if (is_date_kind (record->kind))
    g_string_append (out, "date");
  else
    g_string_append_printf (out, "%d\x1f%s\x1f%d", record->kind, record->unit ? record->unit : "",
                            record->change ? 1 : 0);
  g_string_append_printf (out, "\x1f%p", key->head);
  for (guint i = 0; i < key->n_distinct; i++)
    g_string_append_printf (out, "\x1f%p", key->distinct[i]);
  return g_string_free (out, FALSE);
}

static gboolean sets_agree (TallyFactLexicon     *lexicon,
                            const TallyFactInput *inputs,
                            ModifierSet          *a,
                            ModifierSet          *b);

/* Whether `set` may join `super`, which contains it. A name `super` adds
 * ("five Central Asian nations" over "nations") narrows the noun to a named
 * group, and the bare noun may count another ("six nations": China and the
 * five): it joins only when their figures agree ("six Baltic and Caspian
 * states", "six countries"), never to make a conflict. */
static gboolean
may_join (TallyFactLexicon     *lexicon,
          const TallyFactInput *inputs,
          ModifierSet          *super,
          ModifierSet          *set)
{
  return !tally_measure_key_adds_names (super->key, set->key) || sets_agree (lexicon, inputs, super, set);
}

/* Each set joins the one maximal set containing it (that it may join);
 * ambiguous sets and maximal sets stand alone. Quadratic in the distinct
 * measures of a bucket (the maximal sets are found once). */
static void
resolve_bucket (TallyFactLexicon     *lexicon,
                const TallyFactInput *inputs,
                GPtrArray            *sets)
{
  g_autofree gboolean *maximal = g_new (gboolean, sets->len);

  for (guint j = 0; j < sets->len; j++)
    {
      maximal[j] = TRUE;
      for (guint k = 0; k < sets->len && maximal[j]; k++)
        maximal[j] = !(k != j && set_contains (g_ptr_array_index (sets, k), g_ptr_array_index (sets, j)));
    }
  for (guint i = 0; i < sets->len; i++)
    {
      ModifierSet *set = g_ptr_array_index (sets, i);
      int joined = -1;
      gboolean ambiguous = FALSE;

      set->group = (int) i;
      for (guint j = 0; j < sets->len && !ambiguous && !maximal[i]; j++)
        {
          if (j == i || !maximal[j] || !set_contains (g_ptr_array_index (sets, j), set)
              || !may_join (lexicon, inputs, g_ptr_array_index (sets, j), set))
            continue;
          ambiguous = joined >= 0;
          joined = (int) j;
        }
      if (joined >= 0 && !ambiguous)
        set->group = joined;
    }
}

/* ------------------------------------------------------------------------ */
/* Grading                                                                   */

typedef struct
{
  TallyFactValue *value;
  double lo;
  double hi;
  gboolean point;           /* exact and not a range: only rounding widens it */
  guint first_claim;
  guint cluster;
} Interval;

/* The step of the last digit as written: 48.2 billion → 0.1 billion,
 * 48 billion → 1 billion, 12.43 → 0.01, 14 → 1. Round thousands count their
 * trailing zeros (1,200 → 100: "1,150 km" rounds to "1,200 km"); smaller
 * whole numbers are counts, exact to the unit. */
static double
precision_of (double value)
{
  double magnitude = fabs (value);
  double scale = magnitude >= 1e12 ? 1e12 : magnitude >= 1e9 ? 1e9 : magnitude >= 1e6 ? 1e6 : 1;
  double scaled = magnitude / scale;
  double step = 1;

  if (scale == 1 && magnitude >= 1000 && magnitude == floor (magnitude))
    {
      while (step * 10 <= magnitude && fmod (magnitude, step * 10) == 0)
        step *= 10;
      return step;
    }
  for (int decimals = 0; decimals < 6; decimals++, step /= 10)
    if (fabs (scaled / step - round (scaled / step)) < 1e-6)
      break;
  return step * scale;
}

static void
value_interval (TallyClaimKind        kind,
                const TallyFactValue *value,
                Interval             *interval)
{
  double lo, hi, half;

  if (is_date_kind (kind))
    {
      guint32 first = 0, last = 0, first_max, last_max;

      parse_date_span (value->value_text, &first, &last);
      if (value->value_max_text != NULL && parse_date_span (value->value_max_text, &first_max, &last_max))
        last = MAX (last, last_max);
      lo = first, hi = last, half = 0;
    }
  else
    {
      lo = value->value;
      hi = value->has_value_max ? value->value_max : value->value;
      half = precision_of (lo) / 2;
      if (value->has_value_max)
        half = MAX (half, precision_of (hi) / 2);
    }

  interval->point = value->qualifier == TALLY_QUALIFIER_EXACT && !value->has_value_max
                    && value->value_max_text == NULL;
  switch (value->qualifier)
    {
    case TALLY_QUALIFIER_APPROX:
      if (value->nearly)
        interval->lo = is_date_kind (kind) ? lo - 365 : lo - 0.1 * fabs (lo), interval->hi = hi;
      else
        {
          double tolerance = is_date_kind (kind) ? 365 : MAX (0.05 * fabs (lo), half);

          interval->lo = lo - tolerance, interval->hi = hi + tolerance;
        }
      break;
    case TALLY_QUALIFIER_OVER:
      interval->lo = hi + 1e-9 * MAX (1.0, fabs (hi)), interval->hi = INFINITY;
      break;
    case TALLY_QUALIFIER_AT_LEAST:
      interval->lo = hi, interval->hi = INFINITY;
      break;
    case TALLY_QUALIFIER_UNDER:
      interval->lo = -INFINITY, interval->hi = lo - 1e-9 * MAX (1.0, fabs (lo));
      break;
    case TALLY_QUALIFIER_AT_MOST:
      interval->lo = -INFINITY, interval->hi = lo;
      break;
    case TALLY_QUALIFIER_EXACT:
    default:
      /* Rounding intervals are half-open (14 and 15 touch at 14.5 but no
       * number rounds to both): shrink both ends by a hair. */
      interval->lo = lo - half * (1 - 1e-9), interval->hi = hi + half * (1 - 1e-9);
      break;
    }
}

/* The range all values of `set` allow, found once per set. */
static void
find_common_range (TallyFactLexicon     *lexicon,
                   const TallyFactInput *inputs,
                   ModifierSet          *set)
{
  if (set->has_common)
    return;
  set->common_lo = -INFINITY;
  set->common_hi = INFINITY;
  for (guint i = 0; i < set->claims->len; i++)
    {
      const TallyFactInput *input = &inputs[g_array_index (set->claims, guint, i)];
      const TallyClaimRecord *record = input->record;
      TallyFactValue value = {
        .value = record->value,
        .has_value_max = record->has_value_max,
        .value_max = record->value_max,
        .value_text = record->value_text,
        .value_max_text = record->value_max_text,
        .qualifier = record->qualifier,
        .nearly = record->qualifier == TALLY_QUALIFIER_APPROX && tally_fact_lexicon_says_nearly (lexicon, input->text),
      };
      Interval interval;

      value_interval (record->kind, &value, &interval);
      set->common_lo = MAX (set->common_lo, interval.lo);
      set->common_hi = MIN (set->common_hi, interval.hi);
    }
  set->has_common = TRUE;
}

/* Whether every value of two sets can be true together: one side, as the
 * grading's sweep would find (all intervals share a point), whatever the
 * number of documents. */
static gboolean
sets_agree (TallyFactLexicon     *lexicon,
            const TallyFactInput *inputs,
            ModifierSet          *a,
            ModifierSet          *b)
{
  find_common_range (lexicon, inputs, a);
  find_common_range (lexicon, inputs, b);
  return MAX (a->common_lo, b->common_lo) <= MIN (a->common_hi, b->common_hi);
}

static int
compare_interval_lo (gconstpointer a,
                     gconstpointer b)
{
  const Interval *ia = a, *ib = b;

  if (ia->lo != ib->lo)
    return ia->lo < ib->lo ? -1 : 1;
  return ia->hi < ib->hi ? -1 : ia->hi > ib->hi;
}

/* The documents stating values of each side, leaving out the values in
 * `skip` (may be NULL), for every side in one pass over the values: a fact
 * of 100,000 distinct values (as many sides) is not counted once per side. */
static void
count_documents_per_side (GPtrArray  *values,
                          guint       n_sides,
                          GHashTable *skip,
                          guint      *counts)
{
  g_autoptr(GHashTable) last_side = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *order = g_new (guint, values->len);
  g_autofree guint *start = g_new0 (guint, n_sides + 1);

  /* Values grouped by side (a counting sort), then each document counted
   * once per side by remembering the last side it was counted for. */
  for (guint i = 0; i < values->len; i++)
    start[((TallyFactValue *) g_ptr_array_index (values, i))->side + 1]++;
  for (guint s = 0; s < n_sides; s++)
    start[s + 1] += start[s];
  for (guint i = 0; i < values->len; i++)
    order[start[((TallyFactValue *) g_ptr_array_index (values, i))->side]++] = i;
  memset (counts, 0, n_sides * sizeof *counts);
  for (guint k = 0; k < values->len; k++)
    {
      TallyFactValue *value = g_ptr_array_index (values, order[k]);

      if (skip != NULL && g_hash_table_contains (skip, value))
        continue;
      for (guint d = 0; d < value->documents->len; d++)
        {
          gpointer doc = g_ptr_array_index (value->documents, d);
          gpointer seen_side;

          if (g_hash_table_lookup_extended (last_side, doc, NULL, &seen_side)
              && GPOINTER_TO_UINT (seen_side) == value->side + 1)
            continue;
          g_hash_table_insert (last_side, doc, GUINT_TO_POINTER (value->side + 1));
          counts[value->side]++;
        }
    }
}

typedef struct
{
  guint side;
  guint documents;
  guint first_claim;
} SideRank;

/* Most documents first, then the side stated first. */
static int
compare_side_ranks (gconstpointer a,
                    gconstpointer b)
{
  const SideRank *ra = a, *rb = b;

  if (ra->documents != rb->documents)
    return ra->documents > rb->documents ? -1 : 1;
  if (ra->first_claim != rb->first_claim)
    return ra->first_claim < rb->first_claim ? -1 : 1;
  return ra->side < rb->side ? -1 : ra->side > rb->side;
}

/* Sweeps the intervals by their start: a value joins the current side while
 * all of the side's intervals still share a point. Returns the side count;
 * sides are numbered by how many documents take them. */
static guint
assign_sides (TallyFactRecord *fact,
              Interval        *intervals,
              guint            n)
{
  g_autofree SideRank *ranks = NULL;
  g_autofree guint *order = NULL;
  double common_hi = -INFINITY;
  guint n_sides = 0;

  qsort (intervals, n, sizeof *intervals, compare_interval_lo);
  for (guint i = 0; i < n; i++)
    {
      if (i == 0 || intervals[i].lo > common_hi)
        {
          n_sides++;
          common_hi = intervals[i].hi;
        }
      else
        common_hi = MIN (common_hi, intervals[i].hi);
      intervals[i].cluster = n_sides - 1;
    }

  ranks = g_new0 (SideRank, n_sides);
  for (guint s = 0; s < n_sides; s++)
    ranks[s].side = s, ranks[s].first_claim = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      intervals[i].value->side = intervals[i].cluster;
      ranks[intervals[i].cluster].first_claim = MIN (ranks[intervals[i].cluster].first_claim,
                                                     intervals[i].first_claim);
    }
  if (n_sides == 1)
    ranks[0].documents = fact->documents->len;
  else
    {
      g_autofree guint *counts = g_new (guint, n_sides);

      count_documents_per_side (fact->values, n_sides, NULL, counts);
      for (guint s = 0; s < n_sides; s++)
        ranks[s].documents = counts[s];
    }

  /* Renumber: most documents first, then the side stated first. */
  order = g_new (guint, n_sides);
  qsort (ranks, n_sides, sizeof *ranks, compare_side_ranks);
  for (guint r = 0; r < n_sides; r++)
    order[ranks[r].side] = r;
  for (guint i = 0; i < n; i++)
    intervals[i].value->side = order[intervals[i].cluster];
  return n_sides;
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  const TallyFactValue *va = *(TallyFactValue * const *) a;
  const TallyFactValue *vb = *(TallyFactValue * const *) b;

  if (va->side != vb->side)
    return va->side < vb->side ? -1 : 1;
  if (va->documents->len != vb->documents->len)
    return va->documents->len > vb->documents->len ? -1 : 1;
  return g_array_index (va->claims, guint, 0) < g_array_index (vb->claims, guint, 0) ? -1 : 1;
}

/* "over 80% (read as more than 80%)": the reading the grade relied on. */
static void
append_reading (GString              *out,
                TallyClaimKind        kind,
                const char           *unit,
                const TallyFactValue *value)
{
  g_autofree char *bare = tally_fact_format_value_readable (kind, unit, value->value, value->has_value_max,
                                                            value->value_max, value->value_text,
                                                            value->value_max_text, TALLY_QUALIFIER_EXACT, FALSE);

  g_string_append (out, value->display);
  switch (value->qualifier)
    {
    case TALLY_QUALIFIER_APPROX:
      if (value->nearly)
        {
          g_autofree char *low = tally_fact_format_value_readable (kind, unit, 0.9 * value->value, FALSE, 0,
                                                                   value->value_text, NULL, TALLY_QUALIFIER_EXACT,
                                                                   FALSE);

          if (is_date_kind (kind))
            g_string_append_printf (out, _(" (read as up to a year before %s)"), bare);
          else
            g_string_append_printf (out, _(" (read as %s to %s)"), low, bare);
        }
      else if (is_date_kind (kind))
        g_string_append_printf (out, _(" (read as %s ± 1 year)"), bare);
      else
        g_string_append_printf (out, _(" (read as %s ± 5%%)"), bare);
      break;
    case TALLY_QUALIFIER_OVER: g_string_append_printf (out, _(" (read as more than %s)"), bare); break;
    case TALLY_QUALIFIER_UNDER: g_string_append_printf (out, _(" (read as less than %s)"), bare); break;
    case TALLY_QUALIFIER_AT_LEAST: g_string_append_printf (out, _(" (read as %s or more)"), bare); break;
    case TALLY_QUALIFIER_AT_MOST: g_string_append_printf (out, _(" (read as %s or less)"), bare); break;
    case TALLY_QUALIFIER_EXACT:
    default:
      break;
    }
}

/* Sides, and values per side, spelt out in a conflict's explanation. */
#define MAX_EXPLAINED 4

static void
append_more (GString *out,
             guint    n_values)
{
  if (n_values > MAX_EXPLAINED)
    g_string_append_printf (out, _(" and %u more"), n_values - MAX_EXPLAINED);
}

/* A conflict's values that also fit what another side holds in common:
 * "over 12" holds with 14 and with 15, although the sweep put it beside 14.
 * Maps each such value to the mask of the sides it fits, its own included
 * (sides past the 32nd are not told apart; explanations name four). */
static GHashTable *
find_shared_values (const Interval *intervals,
                    guint           n,
                    guint           n_sides)
{
  guint n_masked = MIN (n_sides, 32);
  g_autofree double *common_lo = g_new (double, n_masked);
  g_autofree double *common_hi = g_new (double, n_masked);
  GHashTable *shared = g_hash_table_new (NULL, NULL);

  for (guint s = 0; s < n_masked; s++)
    common_lo[s] = -INFINITY, common_hi[s] = INFINITY;
  for (guint i = 0; i < n; i++)
    {
      guint s = intervals[i].value->side;

      if (s < n_masked)
        {
          common_lo[s] = MAX (common_lo[s], intervals[i].lo);
          common_hi[s] = MIN (common_hi[s], intervals[i].hi);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      guint own = intervals[i].value->side;
      guint32 mask = own < n_masked ? 1u << own : 0;
      gboolean elsewhere = FALSE;

      for (guint s = 0; s < n_masked; s++)
        if (s != own && intervals[i].lo <= common_hi[s] && intervals[i].hi >= common_lo[s])
          {
            mask |= 1u << s;
            elsewhere = TRUE;
          }
      if (elsewhere)
        g_hash_table_insert (shared, intervals[i].value, GUINT_TO_POINTER (mask));
    }
  return shared;
}

/* "(fits both)", "(fits 14 and 15)": the sides a shared value holds with,
 * each named by its first value. */
static void
append_fits (GString     *out,
             guint32      mask,
             guint        n_sides,
             const char **names)
{
  guint n_masked = MIN (n_sides, 32);
  guint n_fit = 0, listed = 0;
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint s = 0; s < n_masked; s++)
    n_fit += (mask >> s) & 1;
  if (n_fit == n_sides)
    {
      g_string_append (out, n_sides == 2 ? _(" (fits both)") : _(" (fits all)"));
      return;
    }
  for (guint s = 0; s < n_masked; s++)
    {
      if (!((mask >> s) & 1))
        continue;
      listed++;
      if (listed > 1)
        /* TRANSLATORS: between the last two sides a value fits: "(fits 12 and 15)" */
        g_string_append (list, listed == n_fit ? _(" and ") : ", ");
      g_string_append (list, names[s] != NULL ? names[s] : "?");
    }
  /* TRANSLATORS: the sides a value fits, "12 and 15" */
  g_string_append_printf (out, _(" (fits %s)"), list->str);
}

/* "4 sources say 14, 1 says 15, 1 says over 12 (fits both)": each side with
 * the values only it holds, then the values that fit several sides, so that
 * no side is counted larger than its sources make it. */
static void
explain_conflict (GString               *out,
                  const TallyFactRecord *fact,
                  guint                  n_sides,
                  GHashTable            *shared)
{
  g_autoptr(GHashTable) apart = g_hash_table_new (NULL, NULL);
  g_autofree gboolean *has_own = g_new0 (gboolean, n_sides);
  g_autofree guint *counts = g_new0 (guint, n_sides);
  g_autofree guint *order = g_new (guint, n_sides);
  g_autofree const char **names = g_new0 (const char *, n_sides);
  g_autoptr(GHashTable) none = g_hash_table_new (NULL, NULL);
  guint shown_apart = 0;

  if (shared == NULL)
    shared = none;
  /* A value is told apart only while its side keeps a value of its own. */
  for (guint i = 0; i < fact->values->len; i++)
    {
      const TallyFactValue *value = g_ptr_array_index (fact->values, i);

      if (!g_hash_table_contains (shared, value))
        {
          has_own[value->side] = TRUE;
          if (names[value->side] == NULL)
            names[value->side] = value->display;
        }
    }
  for (guint i = 0; i < fact->values->len; i++)
    {
      TallyFactValue *value = g_ptr_array_index (fact->values, i);

      if (g_hash_table_contains (shared, value) && has_own[value->side])
        g_hash_table_add (apart, value);
      else if (names[value->side] == NULL)
        names[value->side] = value->display;
    }

  /* Sides by the sources they keep, then as numbered. */
  count_documents_per_side (fact->values, n_sides, apart, counts);
  {
    g_autofree SideRank *ranks = g_new (SideRank, n_sides);

    for (guint s = 0; s < n_sides; s++)
      ranks[s] = (SideRank) { s, counts[s], s };
    qsort (ranks, n_sides, sizeof *ranks, compare_side_ranks);
    for (guint k = 0; k < n_sides; k++)
      order[k] = ranks[k].side;
  }

  for (guint k = 0; k < n_sides; k++)
    {
      guint side = order[k];
      guint n = counts[side];
      guint shown = 0, hidden = 0;

      /* A table cell, not an essay: the rest are in `values`. */
      if (k == MAX_EXPLAINED)
        {
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, ", %u other value", ", %u other values", n_sides - k), n_sides - k);
          break;
        }

      if (k == 0)
        /* TRANSLATORS: a conflict's first side, the values follow: "4 sources say 14" */
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u source says ", "%u sources say ", n), n);
      else
        /* TRANSLATORS: a conflict's next side: "…, 1 says 15" */
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, ", %u says ", ", %u say ", n), n);
      for (guint i = 0; i < fact->values->len; i++)
        {
          const TallyFactValue *value = g_ptr_array_index (fact->values, i);

          if (value->side != side || g_hash_table_contains (apart, value))
            continue;
          if (shown == MAX_EXPLAINED)
            {
              hidden++;
              continue;
            }
          g_string_append_printf (out, "%s%s", shown > 0 ? " / " : "", value->display);
          shown++;
        }
      if (hidden > 0)
        g_string_append_printf (out, _(" / %u more"), hidden);
    }

  for (guint i = 0; i < fact->values->len; i++)
    {
      const TallyFactValue *value = g_ptr_array_index (fact->values, i);
      guint n = value->documents->len;

      if (!g_hash_table_contains (apart, value))
        continue;
      if (shown_apart == MAX_EXPLAINED)
        {
          g_string_append_printf (out, _(", %u more fit several"), g_hash_table_size (apart) - MAX_EXPLAINED);
          break;
        }
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, ", %u says %s", ", %u say %s", n), n, value->display);
      append_fits (out, GPOINTER_TO_UINT (g_hash_table_lookup (shared, value)), n_sides, names);
      shown_apart++;
    }
}

/* `shared`: values that fit more than one side (see find_shared_values()). */
static char *
explain (const TallyFactRecord *fact,
         guint                  n_sides,
         GHashTable            *shared)
{
  GString *out = g_string_new (NULL);
  guint n_documents = fact->documents->len;

  switch (fact->status)
    {
    case TALLY_FACT_STATUS_SINGLE:
      g_string_append (out, _("Only 1 source: "));
      for (guint i = 0; i < MIN (fact->values->len, MAX_EXPLAINED); i++)
        {
          const TallyFactValue *value = g_ptr_array_index (fact->values, i);

          g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", value->display);
        }
      append_more (out, fact->values->len);
      break;

    case TALLY_FACT_STATUS_AGREE:
      if (fact->values->len == 1)
        {
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u source says %s", "%u sources say %s", n_documents), n_documents,
                                  ((TallyFactValue *) g_ptr_array_index (fact->values, 0))->display);
          break;
        }
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u source agrees: ", "%u sources agree: ", n_documents), n_documents);
      for (guint i = 0; i < MIN (fact->values->len, MAX_EXPLAINED); i++)
        g_string_append_printf (out, "%s%s", i > 0 ? ", " : "",
                                ((TallyFactValue *) g_ptr_array_index (fact->values, i))->display);
      append_more (out, fact->values->len);
      g_string_append (out, _(" (dates of different precision)"));
      break;

    case TALLY_FACT_STATUS_ROUNDING:
    case TALLY_FACT_STATUS_QUALIFIED:
      if (fact->status == TALLY_FACT_STATUS_ROUNDING)
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u source agrees within rounding: ",
                                               "%u sources agree within rounding: ", n_documents), n_documents);
      else
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u source agrees once qualifiers are read: ",
                                               "%u sources agree once qualifiers are read: ", n_documents),
                                n_documents);
      for (guint i = 0; i < MIN (fact->values->len, MAX_EXPLAINED); i++)
        {
          if (i > 0)
            g_string_append (out, fact->status == TALLY_FACT_STATUS_ROUNDING ? " ≈ " : ", ");
          append_reading (out, fact->kind, fact->unit, g_ptr_array_index (fact->values, i));
        }
      append_more (out, fact->values->len);
      break;

    case TALLY_FACT_STATUS_CONFLICT:
    default:
      explain_conflict (out, fact, n_sides, shared);
      break;
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Figures that move                                                         */

typedef struct
{
  const char *day;          /* "2024-05-09", borrowed */
  guint side;
  const TallyFactValue *value;
} Statement;

static int
compare_statements (gconstpointer a,
                    gconstpointer b)
{
  const Statement *sa = a, *sb = b;

  return strncmp (sa->day, sb->day, 10);
}

/* A conflict whose sides follow one another in time — every claim dated,
 * no day with two sides, no side coming back — is a figure that moved:
 * later reports give a later value. Only figures that move (`moving`: a
 * toll, evacuees, a share price; the lexicon's `Moving` words) and are tied
 * to no period do; "revenue in 2023" and "agreements signed" stay conflicts.
 * Fills `series` with one value per side, in time order. */
static gboolean
is_update (const TallyFactRecord *fact,
           const TallyFactInput  *inputs,
           gboolean               moving,
           guint                  n_sides,
           GPtrArray             *series)
{
  g_autoptr(GArray) statements = g_array_new (FALSE, FALSE, sizeof (Statement));
  g_autofree gboolean *closed = g_new0 (gboolean, n_sides);
  guint current = G_MAXUINT;

  if (!moving || is_date_kind (fact->kind) || fact->scope_year != 0 || n_sides < 2)
    return FALSE;
  for (guint v = 0; v < fact->values->len; v++)
    {
      const TallyFactValue *value = g_ptr_array_index (fact->values, v);

      for (guint c = 0; c < value->claims->len; c++)
        {
          const char *day = inputs[g_array_index (value->claims, guint, c)].stated;
          Statement statement = { day, value->side, value };

          if (day == NULL || strlen (day) < 10)
            return FALSE;
          g_array_append_val (statements, statement);
        }
    }
  g_array_sort (statements, compare_statements);
  for (guint i = 0; i < statements->len; i++)
    {
      const Statement *st = &g_array_index (statements, Statement, i);

      if (i > 0 && compare_statements (st, st - 1) == 0 && st->side != (st - 1)->side)
        return FALSE;   /* two sources apart about the same day */
      if (st->side == current)
        continue;
      if (closed[st->side])
        return FALSE;   /* back to an earlier value: not a series */
      if (current != G_MAXUINT)
        closed[current] = TRUE;
      current = st->side;
      g_ptr_array_add (series, (gpointer) st->value);
    }
  return TRUE;
}

/* "rose from 120 on 3 May 2024 to 410 on 9 May 2024". */
static char *
explain_update (const TallyFactRecord *fact,
                GPtrArray             *series)
{
  const TallyFactValue *first = g_ptr_array_index (series, 0);
  const TallyFactValue *last = g_ptr_array_index (series, series->len - 1);
  g_autofree char *first_day = tally_fact_format_value_readable (TALLY_CLAIM_KIND_DATE, NULL, 0, FALSE, 0,
                                                                 first->stated, NULL, TALLY_QUALIFIER_EXACT, FALSE);
  g_autofree char *last_day = tally_fact_format_value_readable (TALLY_CLAIM_KIND_DATE, NULL, 0, FALSE, 0,
                                                                last->stated, NULL, TALLY_QUALIFIER_EXACT, FALSE);
  GString *out = g_string_new (NULL);

  /* TRANSLATORS: a figure that moved over time: value, day, value, day */
  if (last->value > first->value)
    g_string_append_printf (out, _("Rose from %s on %s to %s on %s"), first->display, first_day,
                            last->display, last_day);
  else if (last->value < first->value)
    g_string_append_printf (out, _("Fell from %s on %s to %s on %s"), first->display, first_day,
                            last->display, last_day);
  else
    g_string_append_printf (out, _("Changed from %s on %s to %s on %s"), first->display, first_day,
                            last->display, last_day);
  if (series->len > 2)
    {
      g_string_append (out, " (");
      for (guint i = 0; i < series->len; i++)
        {
          /* TRANSLATORS: between the values of a series: "120, then 260, then 410" */
          if (i > 0)
            g_string_append (out, _(", then "));
          g_string_append (out, ((const TallyFactValue *) g_ptr_array_index (series, i))->display);
        }
      g_string_append (out, ")");
    }
  return g_string_free (out, FALSE);
}

static void
grade (TallyFactRecord      *fact,
       const TallyFactInput *inputs,
       gboolean              moving)
{
  g_autoptr(GPtrArray) series = g_ptr_array_new ();
  g_autofree Interval *intervals = g_new0 (Interval, fact->values->len);
  guint n = fact->values->len;
  guint n_sides = 1;
  gboolean all_points = TRUE;
  gboolean all_exact = TRUE;

  for (guint i = 0; i < n; i++)
    {
      intervals[i].value = g_ptr_array_index (fact->values, i);
      intervals[i].first_claim = g_array_index (intervals[i].value->claims, guint, 0);
      value_interval (fact->kind, intervals[i].value, &intervals[i]);
      all_points &= intervals[i].point;
      all_exact &= intervals[i].value->qualifier == TALLY_QUALIFIER_EXACT;
    }
  n_sides = assign_sides (fact, intervals, n);
  g_ptr_array_sort (fact->values, compare_values);

  if (fact->documents->len <= 1)
    fact->status = TALLY_FACT_STATUS_SINGLE;
  else if (n == 1)
    fact->status = TALLY_FACT_STATUS_AGREE;
  else if (n_sides > 1)
    fact->status = TALLY_FACT_STATUS_CONFLICT;
  else if (is_date_kind (fact->kind))
    /* "May 2024" and "2024" are both true as stated: nothing is rounded. */
    fact->status = all_exact ? TALLY_FACT_STATUS_AGREE : TALLY_FACT_STATUS_QUALIFIED;
  else
    fact->status = all_points ? TALLY_FACT_STATUS_ROUNDING : TALLY_FACT_STATUS_QUALIFIED;
  if (fact->status == TALLY_FACT_STATUS_CONFLICT && is_update (fact, inputs, moving, n_sides, series))
    {
      fact->status = TALLY_FACT_STATUS_UPDATED;
      fact->explanation = explain_update (fact, series);
    }
  else if (fact->status == TALLY_FACT_STATUS_CONFLICT)
    {
      g_autoptr(GHashTable) shared = find_shared_values (intervals, n, n_sides);

      fact->explanation = explain (fact, n_sides, shared);
    }
  else
    fact->explanation = explain (fact, n_sides, NULL);
}

/* Relative for quantities; in years for year and date facts. */
static double
spread_of (const TallyFactRecord *fact)
{
  double lo = INFINITY, hi = -INFINITY;

  for (guint i = 0; i < fact->values->len; i++)
    {
      const TallyFactValue *value = g_ptr_array_index (fact->values, i);
      double a = value->value;
      double b = value->has_value_max ? value->value_max : value->value;

      /* (A fact grouped by hand may mix dates with numbers.) */
      if (is_date_kind (fact->kind) && value->value_text != NULL)
        {
          a = g_ascii_strtod (value->value_text, NULL);
          b = value->value_max_text != NULL ? g_ascii_strtod (value->value_max_text, NULL) : a;
        }
      lo = MIN (lo, MIN (a, b));
      hi = MAX (hi, MAX (a, b));
    }
  if (fact->values->len == 0 || hi == lo)
    return 0;
  if (is_date_kind (fact->kind))
    return hi - lo;
  return hi != 0 ? (hi - lo) / fabs (hi) : 0;
}

/* ------------------------------------------------------------------------ */
/* Labels                                                                    */

static gboolean
has_ascii_letter (const char *word)
{
  for (const char *p = word; *p; p++)
    if (g_ascii_isalpha (*p))
      return TRUE;
  return FALSE;
}

static char *
pluralize (const char *word)
{
  gsize len = strlen (word);

  /* English spelling rules: a word in another script ("человек", a Russian
   * measure's lemma) is left as its source's language names it. */
  if (len == 0 || (g_str_has_suffix (word, "s") && !g_str_has_suffix (word, "ss")) || !has_ascii_letter (word))
    return g_strdup (word);
  if (len > 1 && word[len - 1] == 'y' && strchr ("aeiou", word[len - 2]) == NULL)
    return g_strdup_printf ("%.*sies", (int) len - 1, word);
  if (g_str_has_suffix (word, "ss") || g_str_has_suffix (word, "x") || g_str_has_suffix (word, "ch")
      || g_str_has_suffix (word, "sh"))
    return g_strdup_printf ("%ses", word);
  return g_strdup_printf ("%ss", word);
}

/* The index of the head noun of `words` from `from` on: the last word that
 * is no predicate, before an "of" ("agreement" of "cooperation agreement
 * signed", "year" of "year of cultural exchange"); -1 if none. */
static int
head_index (TallyFactLexicon  *lexicon,
            char             **words,
            guint              from)
{
  guint n = g_strv_length (words);

  for (guint i = from; i < n; i++)
    if (g_str_equal (words[i], "of"))
      {
        n = i;
        break;
      }
  for (int i = (int) n - 1; i >= (int) from; i--)
    if (!tally_fact_lexicon_is_predicate (lexicon, words[i]))
      return i;
  return -1;
}

/* Is `word` (lower case) at `p`, whole? */
static gboolean
word_at (const char *p,
         const char *word,
         gsize       len)
{
  return g_ascii_strncasecmp (p, word, len) == 0 && !g_ascii_isalnum (p[len]);
}

typedef enum
{
  NOUN_ABSENT,
  NOUN_PLURAL,
  NOUN_SINGULAR,
} NounNumber;

/* How `sentence` names `noun`: in the singular anywhere, else in the plural
 * ("The agreements, signed …"), else not at all. Case-insensitive, whole
 * words; only word starts are compared, as labels read many sentences. */
static NounNumber
noun_number (const char *sentence,
             const char *noun,
             const char *plural)
{
  gsize len = strlen (noun), plural_len = strlen (plural);
  char first = g_ascii_tolower (noun[0]);
  NounNumber found = NOUN_ABSENT;

  for (const char *p = sentence; *p; p++)
    {
      if (g_ascii_tolower (*p) != first || (p > sentence && g_ascii_isalnum (p[-1])))
        continue;
      if (word_at (p, noun, len))
        return NOUN_SINGULAR;
      if (word_at (p, plural, plural_len))
        found = NOUN_PLURAL;
    }
  return found;
}

/* TRUE when more of the fact's sentences name `noun` in the plural only
 * ("The agreements, signed on June 17") than in the singular: a label keeps
 * the number its sources use. Reads at most 64 sentences, spread over the
 * fact's claims. */
static gboolean
sources_say_plural (const TallyFactRecord *fact,
                    const TallyFactInput  *inputs,
                    const char            *noun)
{
  g_autofree char *plural = pluralize (noun);
  guint step = MAX (1, fact->claims->len / 64);
  guint plural_votes = 0, singular_votes = 0;

  if (noun[0] == '\0' || g_str_equal (plural, noun))
    return FALSE;
  for (guint i = 0; i < fact->claims->len; i += step)
    {
      const char *sentence = inputs[g_array_index (fact->claims, guint, i)].sentence;

      switch (sentence != NULL ? noun_number (sentence, noun, plural) : NOUN_ABSENT)
        {
        case NOUN_SINGULAR: singular_votes++; break;
        case NOUN_PLURAL: plural_votes++; break;
        case NOUN_ABSENT:
        default: break;
        }
    }
  return plural_votes > singular_votes;
}

/* `measure` with its head noun in the plural: always (`always`, for counts:
 * "cooperation agreements"), or when the sources use it ("agreements signed"
 * for "The agreements, signed on …"; "share of cooperation agreements" for
 * "… 15 cooperation agreements, and … at least half of them"). For "share
 * of X" the noun is X's. */
static char *
label_phrase (TallyFactLexicon      *lexicon,
              const TallyFactRecord *fact,
              const TallyFactInput  *inputs,
              const char            *measure,
              gboolean               always)
{
  g_auto(GStrv) words = g_strsplit (measure, " ", -1);
  guint from = 0;
  int head;

  if (words[0] != NULL && g_str_equal (words[0], "share") && words[1] != NULL && g_str_equal (words[1], "of"))
    from = 2;
  head = head_index (lexicon, words, from);
  if (head >= 0 && !tally_fact_lexicon_is_uncountable (lexicon, words[head])
      && (always || sources_say_plural (fact, inputs, words[head])))
    {
      char *plural = pluralize (words[head]);

      g_free (words[head]);
      words[head] = plural;
    }
  return g_strjoinv (" ", words);
}

static char *
capitalize (char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buf[8];
  int len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  char *out = g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (text));

  g_free (text);
  return out;
}

/* A label verb most of the fact's sentences use, and the measure lacks. */
static const char *
common_label_verb (TallyFactLexicon      *lexicon,
                   const TallyFactRecord *fact,
                   const TallyFactInput  *inputs,
                   const char            *measure)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;
  /* A label needs a majority, not a census: read at most 64 sentences,
   * spread over the fact's claims. */
  guint step = MAX (1, fact->claims->len / 64);
  guint sampled = 0;

  for (guint i = 0; i < fact->claims->len; i += step)
    {
      const TallyFactInput *input = &inputs[g_array_index (fact->claims, guint, i)];
      const char *verb = tally_fact_lexicon_find_label_verb (lexicon, input->sentence);
      guint count;

      sampled++;
      if (verb == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, verb)) + 1;
      g_hash_table_insert (counts, (gpointer) verb, GUINT_TO_POINTER (count));
      if (count > best_count)
        best = verb, best_count = count;
    }
  if (best == NULL || 2 * best_count < sampled || strstr (measure, best) != NULL)
    return NULL;
  /* "Truck deliveries", not "Truck deliveries delivered": the verb names
   * the concept the label already holds. */
  if (fact->concept != NULL
      && g_strcmp0 (tally_concepts_of_measure (tally_concepts_get_default (), best, NULL, NULL), fact->concept) == 0)
    return NULL;
  return best;
}

/* TRUE when most sources give a date fact a span ("16–17 June",
 * "2026–2027"): its label says "dates" or "years". */
static gboolean
mostly_spans (const TallyFactRecord *fact)
{
  guint spans = 0, points = 0;

  for (guint i = 0; i < fact->values->len; i++)
    {
      const TallyFactValue *value = g_ptr_array_index (fact->values, i);

      if (value->value_max_text != NULL)
        spans += value->documents->len;
      else
        points += value->documents->len;
    }
  return spans > points;
}

/* A word written with a capital inside it ("trans-Caspian", "GDP"): the
 * measure lower-cased it, and the label should give it back. */
static gboolean
has_inner_capital (const char *word,
                   gsize       len)
{
  for (gsize i = 1; i < len; i++)
    if (g_ascii_isupper (word[i]))
      return TRUE;
  return FALSE;
}

/* The label's words as the sources write them, where they write them with a
 * capital inside ("Share of trans-Caspian container traffic"). Reads at most
 * 16 sentences, spread over the fact's claims. */
static void
restore_case (GString               *label,
              const TallyFactRecord *fact,
              const TallyFactInput  *inputs)
{
  guint step = MAX (1, fact->claims->len / 16);

  for (gsize w = 0; w < label->len;)
    {
      gsize end = w;

      while (end < label->len && (g_ascii_isalnum (label->str[end]) || label->str[end] == '-'))
        end++;
      for (guint i = 0; end > w + 1 && i < fact->claims->len; i += step)
        {
          const char *sentence = inputs[g_array_index (fact->claims, guint, i)].sentence;
          const char *p;

          for (p = sentence; p != NULL && *p; p++)
            if ((p == sentence || !(g_ascii_isalnum (p[-1]) || p[-1] == '-'))
                && g_ascii_strncasecmp (p, label->str + w, end - w) == 0
                && !(g_ascii_isalnum (p[end - w]) || p[end - w] == '-'))
              break;
          if (p != NULL && *p && has_inner_capital (p, end - w))
            {
              memcpy (label->str + w, p, end - w);
              break;
            }
        }
      w = end < label->len ? end + 1 : end;
    }
}

/* The [PeriodLabels] words of lexicons/en.concepts, for the translations
 * (the label passes them through gettext). */
static const char * const period_label_words[] G_GNUC_UNUSED = {
  NC_("fact label", "quarterly"),
  NC_("fact label", "half-yearly"),
  NC_("fact label", "weekly"),
  NC_("fact label", "daily"),
  NC_("fact label", "monthly"),
};

/* The [Labels] headers of lexicons/en.concepts, for the translations. */
static const char * const concept_label_words[] G_GNUC_UNUSED = {
  NC_("fact label", "deliveries"),
  NC_("fact label", "production"),
  NC_("fact label", "sales"),
  NC_("fact label", "revenue"),
  NC_("fact label", "profit"),
  NC_("fact label", "trade"),
  NC_("fact label", "exports"),
  NC_("fact label", "imports"),
  NC_("fact label", "investment"),
  NC_("fact label", "deaths"),
  NC_("fact label", "injured"),
  NC_("fact label", "evacuees"),
  NC_("fact label", "compensation"),
  NC_("fact label", "cost"),
  NC_("fact label", "agreements"),
};

/* The script a label's own words are written in: that of its translated
 * frame ("share of ", "доля "), so the interface's language decides. */
static GUnicodeScript
label_script (void)
{
  /* TRANSLATORS: fact labels are column headers: "Share of agreements implemented" */
  const char *frame = C_("fact label", "share of ");

  for (const char *p = frame; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return g_unichar_get_script (g_utf8_get_char (p));
  return G_UNICODE_SCRIPT_LATIN;
}

/* Whether `words` hold a letter of another script than `script`: a
 * source's own words in another language than the label's ("交付", "рост"
 * under an English interface; "deliveries" under a Russian one). */
static gboolean
other_script (const char     *words,
              GUnicodeScript  script)
{
  for (const char *p = words; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript s;

      if (!g_unichar_isalpha (c))
        continue;
      s = g_unichar_get_script (c);
      if (s != script && s != G_UNICODE_SCRIPT_COMMON && s != G_UNICODE_SCRIPT_INHERITED)
        return TRUE;
    }
  return FALSE;
}

/* The language most likely written in the first script of `words` other
 * than `script` (ICU's likely subtags: Cyrillic → "ru", Han → "zh"), or NULL. */
static char *
script_language (const char     *words,
                 GUnicodeScript  script)
{
  for (const char *p = words; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript s;
      guint32 code;
      char tag[16], likely[ULOC_FULLNAME_CAPACITY], language[16];
      UErrorCode status = U_ZERO_ERROR;

      if (!g_unichar_isalpha (c))
        continue;
      s = g_unichar_get_script (c);
      if (s == script || s == G_UNICODE_SCRIPT_COMMON || s == G_UNICODE_SCRIPT_INHERITED)
        continue;
      code = g_unicode_script_to_iso15924 (s);
      g_snprintf (tag, sizeof tag, "und_%c%c%c%c", (char) (code >> 24), (char) (code >> 16), (char) (code >> 8), (char) code);
      uloc_addLikelySubtags (tag, likely, sizeof likely, &status);
      if (U_FAILURE (status))
        return NULL;
      uloc_getLanguage (likely, language, sizeof language, &status);
      return U_SUCCESS (status) && language[0] != '\0' && !g_str_equal (language, "und") ? g_strdup (language) : NULL;
    }
  return NULL;
}

/* Whether a label's words name a thing: not only past participles
 * ("commenced"), adjectives and adverbs of the lexicon's `NotHeads` ("high",
 * "ready", "today"). */
static gboolean
names_a_thing (TallyFactLexicon *lexicon,
               const char       *words)
{
  g_auto(GStrv) parts = g_strsplit_set (words != NULL ? words : "", " -", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *word = g_utf8_strdown (parts[i], -1);
      gsize len = strlen (word);

      if (len == 0)
        continue;
      if (tally_fact_lexicon_is_not_head (lexicon, word))
        continue;
      /* ("-ing" words are often nouns: "meeting", "funding".) */
      if (len > 4 && g_str_has_suffix (word, "ed"))
        continue;
      return TRUE;
    }
  return FALSE;
}

static const char *
fixed_label_of (TallyFactLexicon      *lexicon,
                const TallyMeasureKey *key)
{
  return tally_fact_lexicon_label (lexicon, key->phrase);
}

/* What a figure of `kind` is, when its measure names nothing. */
static const char *
kind_noun (TallyClaimKind kind)
{
  switch (kind)
    {
    case TALLY_CLAIM_KIND_MONEY: return C_("fact label", "amount");
    case TALLY_CLAIM_KIND_PERCENT: return C_("fact label", "percentage");
    case TALLY_CLAIM_KIND_ORDINAL:
    case TALLY_CLAIM_KIND_COUNT: return C_("fact label", "number");
    case TALLY_CLAIM_KIND_YEAR:
    case TALLY_CLAIM_KIND_DATE: return C_("fact label", "event");
    case TALLY_CLAIM_KIND_DURATION: return C_("fact label", "duration");
    case TALLY_CLAIM_KIND_NUMBER:
    default: return C_("fact label", "quantity");
    }
}

static char *
make_label (TallyFactLexicon      *lexicon,
            const TallyFactRecord *fact,
            const TallyMeasureKey *key,
            const TallyFactInput  *inputs,
            const char            *period_id)
{
  gboolean unfit = fixed_label_of (lexicon, key) == NULL && !names_a_thing (lexicon, fact->measure);
  /* "Quarterly vehicle deliveries": the period a fact covers, when not a year. */
  const char *period = tally_concepts_period_label (tally_concepts_get_default (), period_id);
  const char *fixed = tally_fact_lexicon_label (lexicon, key->phrase);
  g_autofree char *base = NULL;
  const char *verb = NULL;
  GString *out;

  gboolean foreign = FALSE;

  if (fixed != NULL)
    base = g_strdup (fixed);
  else
    base = label_phrase (lexicon, fact, inputs, fact->measure,
                         fact->kind == TALLY_CLAIM_KIND_COUNT
                         || (fact->kind == TALLY_CLAIM_KIND_PERCENT && !fact->change && key->has_predicate));
  /* A label is in one language, the interface's: sources' words in another
   * ("交付", "товарооборот") give way to their concept's header there
   * ("Deliveries"); without a concept they stand alone, with no words of
   * the interface's around them (never "Share of рост"). */
  if (other_script (base, label_script ()))
    {
      const char *header = tally_concepts_label (tally_concepts_get_default (), fact->concept);

      if (header != NULL)
        {
          g_set_str (&base, g_dpgettext2 (GETTEXT_PACKAGE, "fact label", header));
          unfit = FALSE;
        }
      else
        foreign = TRUE;
    }
  /* A column header names a thing: "High", "Ready" or "Commenced today"
   * (an adjective, a verb) say nothing of what was measured. */
  if (unfit && !foreign)
    g_set_str (&base, kind_noun (fact->kind));
  if (foreign)
    {
      out = g_string_new (base);
      if (fact->scope_year != 0)
        g_string_append_printf (out, C_("fact label", ", %d"), fact->scope_year);
      return capitalize (g_string_free (out, FALSE));
    }
  /* A concept already says what was done ("Vehicle production"): a verb of
   * the sentences would only repeat or contradict it. */
  if ((fact->kind == TALLY_CLAIM_KIND_COUNT || fact->kind == TALLY_CLAIM_KIND_NUMBER)
      && !tally_concepts_names_action (tally_concepts_get_default (), fact->concept))
    verb = common_label_verb (lexicon, fact, inputs, base);

  out = g_string_new (NULL);
  if (period != NULL)
    /* TRANSLATORS: the period adjective ("quarterly") before a fact label's measure */
    g_string_append_printf (out, C_("fact label", "%s "), g_dpgettext2 (GETTEXT_PACKAGE, "fact label", period));
  if (fact->kind == TALLY_CLAIM_KIND_PERCENT && !fact->change && fixed == NULL && !unfit
      && !g_str_has_prefix (base, "share"))
    /* TRANSLATORS: fact labels are column headers: "Share of agreements implemented" */
    g_string_append (out, C_("fact label", "share of "));
  g_string_append (out, base);
  if (verb != NULL)
    g_string_append_printf (out, " %s", verb);

  switch (fact->kind)
    {
    case TALLY_CLAIM_KIND_YEAR:
    case TALLY_CLAIM_KIND_DATE:
      /* "Years of cultural exchange" already says what its value is. */
      if (!tally_fact_lexicon_is_time_noun (lexicon, key->head))
        g_string_append_printf (out, ": %s",
                                fact->kind == TALLY_CLAIM_KIND_YEAR
                                  ? (mostly_spans (fact) ? C_("fact label", "years") : C_("fact label", "year"))
                                  : (mostly_spans (fact) ? C_("fact label", "dates") : C_("fact label", "date")));
      break;
    case TALLY_CLAIM_KIND_ORDINAL: g_string_append_printf (out, ": %s", C_("fact label", "rank")); break;
    case TALLY_CLAIM_KIND_NUMBER:
      /* "Cargo handled (tonnes)": a unit the lexicon spells out reads as
       * what the figure counts; "Rail corridor (km)" keeps its code. */
      if (fact->unit != NULL)
        {
          const char *name = tally_fact_lexicon_unit_name (lexicon, fact->unit, TRUE);

          g_string_append_printf (out, " (%s)", name != NULL ? name : fact->unit);
        }
      break;
    case TALLY_CLAIM_KIND_DURATION:
      /* A unit word reads as what the figure counts: "Meeting (days)". */
      if (fact->unit != NULL)
        {
          g_autofree char *units = pluralize (fact->unit);

          g_string_append_printf (out, " (%s)", units);
        }
      break;
    case TALLY_CLAIM_KIND_MONEY:
    case TALLY_CLAIM_KIND_PERCENT:
    case TALLY_CLAIM_KIND_COUNT:
    default:
      break;
    }
  if (fact->change)
    g_string_append_printf (out, ": %s", g_strcmp0 (fact->unit, "pp") == 0 ? C_("fact label", "change (points)")
                                                                          : C_("fact label", "change"));
  if (fact->scope_year != 0)
    /* TRANSLATORS: the year a fact label's figure is for: "Trade volume, 2023" */
    g_string_append_printf (out, C_("fact label", ", %d"), fact->scope_year);
  restore_case (out, fact, inputs);
  return capitalize (g_string_free (out, FALSE));
}

/* ------------------------------------------------------------------------ */
/* Building facts                                                            */

/* `seen` maps each documents array to the set of its ids, so that a fact
 * stated by 10,000 documents is not a quadratic scan. */
static void
add_document (GHashTable *seen,
              GPtrArray  *documents,
              const char *document)
{
  GHashTable *set;

  if (documents->len > 0 && g_ptr_array_index (documents, documents->len - 1) == document)
    return;
  set = g_hash_table_lookup (seen, documents);
  if (set == NULL)
    {
      set = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (seen, documents, set);
    }
  if (g_hash_table_add (set, (gpointer) document))
    g_ptr_array_add (documents, (gpointer) document);
}

/* Two claims state the same value when qualifier, "nearly" and the value
 * agree (dates: their texts; quantities: value and maximum). As a string,
 * so that a fact's values are found by hash, not by a scan of all of them.
 * NULL when a value equals nothing (NaN). */
static char *
value_identity (const TallyClaimRecord *record,
                gboolean                nearly)
{
  double v = record->value == 0 ? 0 : record->value;          /* -0 is 0 */
  double m = record->value_max == 0 ? 0 : record->value_max;

  if (is_date_kind (record->kind))
    return g_strdup_printf ("%d|%d|d|%s|%s", record->qualifier, nearly,
                            record->value_text ? record->value_text : "\x01", record->value_max_text ? record->value_max_text : "\x01");
  if (isnan (v) || (record->has_value_max && isnan (m)))
    return NULL;
  return record->has_value_max ? g_strdup_printf ("%d|%d|q|%a|%a", record->qualifier, nearly, v, m)
                               : g_strdup_printf ("%d|%d|q|%a", record->qualifier, nearly, v);
}

static void
add_claim_value (TallyFactLexicon     *lexicon,
                 GHashTable           *seen,
                 GHashTable           *by_identity,
                 TallyFactRecord      *fact,
                 const TallyFactInput *input,
                 guint                 index)
{
  const TallyClaimRecord *record = input->record;
  gboolean nearly = record->qualifier == TALLY_QUALIFIER_APPROX
                    && tally_fact_lexicon_says_nearly (lexicon, input->text);
  g_autofree char *identity = value_identity (record, nearly);
  TallyFactValue *value = identity != NULL ? g_hash_table_lookup (by_identity, identity) : NULL;

  if (value == NULL)
    {
      value = g_new0 (TallyFactValue, 1);
      value->value = record->value;
      value->has_value_max = record->has_value_max;
      value->value_max = record->value_max;
      if (is_date_kind (record->kind))
        {
          value->value_text = g_strdup (record->value_text);
          value->value_max_text = g_strdup (record->value_max_text);
        }
      value->qualifier = record->qualifier;
      value->nearly = nearly;
      value->claims = g_array_new (FALSE, FALSE, sizeof (guint));
      value->documents = g_ptr_array_new ();
      value->display = tally_fact_format_value_readable (record->kind, record->unit, value->value,
                                                         value->has_value_max, value->value_max, value->value_text,
                                                         value->value_max_text, value->qualifier, nearly);
      value->data_display = tally_fact_format_value (record->kind, record->unit, value->value, value->has_value_max,
                                                     value->value_max, value->value_text, value->value_max_text,
                                                     value->qualifier, nearly);
      g_ptr_array_add (fact->values, value);
      if (identity != NULL)
        g_hash_table_insert (by_identity, g_steal_pointer (&identity), value);
    }
  g_array_append_val (value->claims, index);
  if (input->stated != NULL && strlen (input->stated) >= 10
      && (value->stated == NULL || strncmp (input->stated, value->stated, 10) < 0))
    {
      g_free (value->stated);
      value->stated = g_strndup (input->stated, 10);
    }
  add_document (seen, value->documents, input->document_id);
  add_document (seen, fact->documents, input->document_id);
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

/* The measure most claims of the most specific set wrote. */
static const char *
common_measure (const TallyFactInput *inputs,
                GArray               *claims)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;
  guint step = MAX (1, claims->len / 64);   /* a sample is enough for a name */

  for (guint i = 0; i < claims->len; i += step)
    {
      const TallyFactInput *input = &inputs[g_array_index (claims, guint, i)];
      /* Named as the sources write it ("Vehicles delivered"), not as compared. */
      const char *measure = input->written_measure != NULL ? input->written_measure : input->record->measure;
      guint count;

      if (measure == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, measure)) + 1;

      g_hash_table_insert (counts, (gpointer) measure, GUINT_TO_POINTER (count));
      if (count > best_count)
        best = measure, best_count = count;
    }
  return best;
}

/* "count||0|2025|cooperation agreement": what the fact is about, the same
 * in every run over the same claims, for corrections to refer to. */
static char *
set_fact_key (const TallyFactInput *inputs,
              const ModifierSet    *set)
{
  const TallyClaimRecord *first = inputs[g_array_index (set->claims, guint, 0)].record;
  GString *key = g_string_new (NULL);

  if (is_date_kind (first->kind))
    g_string_printf (key, "date||0|0|%s", set->key->phrase);
  else
    g_string_printf (key, "%s|%s|%d|%d|%s", tally_claim_kind_to_string (first->kind), first->unit ? first->unit : "",
                     first->change ? 1 : 0, set->scope, set->key->phrase);
  /* Subject and story only when known, so that keys of one story's facts
   * without subjects read as before. */
  if (set->context != NULL && set->context->subject != NULL)
    g_string_append_printf (key, "|subject=%s", set->context->subject);
  if (set->context != NULL && set->context->story_key != NULL)
    g_string_append_printf (key, "|story=%s", set->context->story_key);
  if (set->context != NULL && set->context->period != NULL)
    g_string_append_printf (key, "|period=%s", set->context->period);
  return g_string_free (key, FALSE);
}

/* Emoji and other symbols a source may put in a measure: no word of a
 * header people write. */
static gboolean
is_symbol (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_OTHER_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_CONTROL:
      return TRUE;
    case G_UNICODE_NON_SPACING_MARK:
      return c >= 0xFE00 && c <= 0xFE0F;   /* emoji presentation selectors */
    default:
      return FALSE;
    }
}

/* `text` without symbols, spaces collapsed; NULL when nothing is left. */
static char *
strip_symbols (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_symbol (c))
        continue;
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* A label as a column header: what the figure is about first ("Norway:
 * trade volume, 2023", "Shell: payoff"), and no emoji or other symbols a
 * source may put in a measure (people write headers in words). */
static void
finish_label (TallyFactRecord *fact)
{
  GString *out = g_string_new (NULL);

  if (fact->subject != NULL && fact->label != NULL)
    {
      gboolean name = fact->measure != NULL && g_unichar_isupper (g_utf8_get_char (fact->measure));
      g_autoptr(GString) rest = g_string_new (fact->label);

      /* One colon per header: "Port: revenue change", not "Port: revenue: change". */
      g_string_replace (rest, ": ", " ", 0);
      if (!name)
        {
          g_autofree char *first = g_utf8_strdown (rest->str, g_utf8_next_char (rest->str) - rest->str);

          g_string_erase (rest, 0, g_utf8_next_char (rest->str) - rest->str);
          g_string_prepend (rest, first);
        }
      /* A country in the language of the label's words ("Казахстан: …" where
       * they are translated); where they are not (no catalogue for the
       * interface's language), as claims carry it: never "Kasachstan: exports". */
      g_autofree char *shown = g_strcmp0 (C_("fact label", "share of "), "share of ") != 0
                               ? tally_gazetteer_dup_display_name (fact->subject) : g_strdup (fact->subject);

      /* Words a source wrote in another language than the interface's
       * ("афтершок" under English): the country in that language too, never
       * "Morocco: афтершок". */
      if (other_script (rest->str, label_script ()))
        {
          g_autofree char *language = script_language (rest->str, label_script ());

          if (language != NULL)
            {
              g_free (shown);
              shown = tally_gazetteer_dup_name_in (fact->subject, language);
            }
        }

      /* TRANSLATORS: a fact label, what it is about, then what is measured: "Norway: trade volume" */
      g_string_printf (out, C_("fact label", "%s: %s"), shown, rest->str);
      g_set_str (&fact->label, out->str);
      g_string_truncate (out, 0);
    }
  {
    g_autofree char *clean = strip_symbols (fact->label);

    g_string_append (out, clean != NULL ? clean : "");
  }
  if (out->len == 0)
    g_string_append (out, C_("fact label", "Figures"));
  else if (g_unichar_islower (g_utf8_get_char (out->str)))
    {
      g_autofree char *first = g_utf8_strup (out->str, g_utf8_next_char (out->str) - out->str);
      g_autofree char *rest = g_strdup (g_utf8_next_char (out->str));

      g_string_printf (out, "%s%s", first, rest);
    }
  g_free (fact->label);
  fact->label = g_string_free (out, FALSE);
}

/* `extra`: claims an analyst merged into this fact (may be NULL). */
static TallyFactRecord *
build_fact (TallyFactLexicon     *lexicon,
            const TallyFactInput *inputs,
            GPtrArray            *sets,
            guint                 root,
            const char           *group,
            GArray               *extra)
{
  ModifierSet *main_set = g_ptr_array_index (sets, root);
  TallyFactRecord *fact = g_new0 (TallyFactRecord, 1);
  const TallyClaimRecord *first;
  gboolean any_date = FALSE;

  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) by_identity = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  fact->claims = g_array_new (FALSE, FALSE, sizeof (guint));
  fact->values = g_ptr_array_new_with_free_func ((GDestroyNotify) fact_value_free);
  fact->documents = g_ptr_array_new ();
  for (guint s = 0; s < sets->len; s++)
    {
      ModifierSet *set = g_ptr_array_index (sets, s);

      if (set->group == (int) root)
        g_array_append_vals (fact->claims, set->claims->data, set->claims->len);
    }
  if (extra != NULL)
    g_array_append_vals (fact->claims, extra->data, extra->len);
  g_array_sort (fact->claims, compare_guint);

  first = inputs[g_array_index (fact->claims, guint, 0)].record;
  fact->measure = strip_symbols (common_measure (inputs, main_set->claims));
  fact->unit = is_date_kind (first->kind) ? NULL : g_strdup (first->unit);
  fact->change = is_date_kind (first->kind) ? FALSE : first->change;
  fact->scope_year = main_set->scope;
  for (guint i = 0; i < fact->claims->len; i++)
    {
      guint index = g_array_index (fact->claims, guint, i);

      any_date |= inputs[index].record->kind == TALLY_CLAIM_KIND_DATE;
      add_claim_value (lexicon, seen, by_identity, fact, &inputs[index], index);
    }
  fact->kind = is_date_kind (first->kind) ? (any_date ? TALLY_CLAIM_KIND_DATE : TALLY_CLAIM_KIND_YEAR)
                                          : first->kind;
  /* The compared measure holds the concept's id where one was found. */
  fact->concept = g_strdup (tally_concepts_of_measure (tally_concepts_get_default (),
                                                       main_set->key != NULL ? main_set->key->phrase : fact->measure,
                                                       NULL, NULL));
  if (main_set->context != NULL)
    {
      fact->story = g_strdup (main_set->context->story);
      fact->subject = g_strdup (main_set->context->subject);
    }
  {
    g_autoptr(TallyMeasureKey) own_key = group != NULL && fact->measure != NULL
                                           ? tally_fact_lexicon_measure_key (lexicon, fact->measure) : NULL;

    grade (fact, inputs, tally_fact_lexicon_is_moving (lexicon, group != NULL ? own_key : main_set->key));
  }
  fact->spread = spread_of (fact);
  if (group != NULL)
    {
      /* Grouped by hand: named after the measure most of its claims carry. */
      g_autoptr(TallyMeasureKey) key = tally_fact_lexicon_measure_key (lexicon, fact->measure);

      fact->key = g_strdup (group);
      fact->label = key != NULL ? make_label (lexicon, fact, key, inputs, NULL) : g_strdup (C_("fact label", "Grouped claims"));
    }
  else
    {
      fact->key = set_fact_key (inputs, main_set);
      fact->label = make_label (lexicon, fact, main_set->key, inputs,
                                main_set->context != NULL ? main_set->context->period : NULL);
    }
  finish_label (fact);
  return fact;
}

typedef struct
{
  TallyFactRecord *fact;
  char *collate_key;        /* of the label, made once rather than per comparison */
} SortEntry;

static int
compare_facts (gconstpointer a,
               gconstpointer b)
{
  const SortEntry *ea = a, *eb = b;
  const TallyFactRecord *fa = ea->fact, *fb = eb->fact;
  gboolean ca = fa->status == TALLY_FACT_STATUS_CONFLICT;
  gboolean cb = fb->status == TALLY_FACT_STATUS_CONFLICT;
  int by_label;

  if (ca != cb)
    return ca ? -1 : 1;
  if (fa->documents->len != fb->documents->len)
    return fa->documents->len > fb->documents->len ? -1 : 1;
  by_label = strcmp (ea->collate_key, eb->collate_key);
  if (by_label != 0)
    return by_label;
  return compare_guint (&g_array_index (fa->claims, guint, 0), &g_array_index (fb->claims, guint, 0));
}

static void
sort_facts (GPtrArray *facts)
{
  g_autofree SortEntry *entries = NULL;

  if (facts->len < 2)
    return;
  entries = g_new (SortEntry, facts->len);
  for (guint i = 0; i < facts->len; i++)
    {
      entries[i].fact = g_ptr_array_index (facts, i);
      entries[i].collate_key = g_utf8_collate_key (entries[i].fact->label, -1);
    }
  qsort (entries, facts->len, sizeof *entries, compare_facts);
  for (guint i = 0; i < facts->len; i++)
    {
      facts->pdata[i] = entries[i].fact;
      g_free (entries[i].collate_key);
    }
}

/* What a claim's set is found by, once its measure is reduced: a hash
 * lookup per claim instead of building the bucket's name. */
typedef struct
{
  const TallyMeasureKey *key;
  const char *unit;
  int kind;
  int change;
  int scope;
  const Context *context;
} SetKey;

static guint
set_key_hash (gconstpointer data)
{
  const SetKey *k = data;

  return g_direct_hash (k->key) ^ (g_str_hash (k->unit ? k->unit : "") * 31u)
         ^ ((guint) k->kind * 7919u) ^ ((guint) k->change * 104729u) ^ ((guint) k->scope * 131u)
         ^ (g_direct_hash (k->context) * 17u);
}

static gboolean
set_key_equal (gconstpointer a,
               gconstpointer b)
{
  const SetKey *ka = a, *kb = b;

  return ka->key == kb->key && ka->context == kb->context && ka->kind == kb->kind && ka->change == kb->change && ka->scope == kb->scope
         && g_strcmp0 (ka->unit, kb->unit) == 0;
}

/* The set of claims `record` (with reduced measure `key`) belongs to,
 * created with its bucket when new. */
static ModifierSet *
find_set (GHashTable             *buckets,
          GPtrArray              *bucket_order,
          const TallyClaimRecord *record,
          const TallyMeasureKey  *key,
          const Context          *context)
{
  g_autofree char *bucket_id = bucket_key (record, key, context);
  GPtrArray *sets = g_hash_table_lookup (buckets, bucket_id);
  int scope = is_date_kind (record->kind) ? 0 : record->scope_year;
  ModifierSet *set;

  if (sets == NULL)
    {
      sets = g_ptr_array_new_with_free_func ((GDestroyNotify) modifier_set_free);
      g_hash_table_insert (buckets, g_steal_pointer (&bucket_id), sets);
      g_ptr_array_add (bucket_order, sets);
    }
  for (guint s = 0; s < sets->len; s++)
    if (same_set (g_ptr_array_index (sets, s), key, scope))
      return g_ptr_array_index (sets, s);
  set = g_new0 (ModifierSet, 1);
  set->key = key;
  set->scope = scope;
  set->context = context;
  set->claims = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (sets, set);
  return set;
}

/* The subject a claim is keyed by. Events and unclassified names are not
 * keys: in a story every figure is about its event, and a stray capitalised
 * word is no subject. A person is keyed by the last word of the name, so
 * "President Aidos Temirbekov" and "Mr Temirbekov" are one person. Returns
 * a string owned by `strings`, or NULL. */
/* Whether `sentence` writes `name` with its capital inside the sentence,
 * not only as its first word ("Leaders signed …" is no name; "… said
 * Tesla" is). */
static gboolean
written_as_name (const char *sentence,
                 const char *name)
{
  gsize len = strlen (name);

  if (sentence == NULL || len == 0)
    return FALSE;
  for (const char *p = strstr (sentence, name); p != NULL; p = strstr (p + 1, name))
    {
      const char *q = p;

      if (g_ascii_isalnum (p[len]))
        continue;
      /* A word in lower case (or a comma) before it: inside a clause. */
      while (q > sentence && q[-1] == ' ')
        q--;
      if (q > sentence && (g_ascii_islower (q[-1]) || q[-1] == ','))
        return TRUE;
    }
  return FALSE;
}

static char *
recurring_key (const TallyFactInput *input)
{
  return g_strdup_printf ("%s\x1f%s", input->story ? input->story : "", input->subject);
}

/* Whether the compared measure's head is a concept verbs name ("delivery",
 * "sale"): what a company does, not what a person is or did alone. */
static gboolean
key_names_action (const TallyMeasureKey *key)
{
  TallyConcepts *concepts = tally_concepts_get_default ();

  return tally_concepts_names_action (concepts, tally_concepts_of_measure (concepts, key->head, NULL, NULL));
}

static const char *
key_subject (const TallyFactInput *input,
             GHashTable           *strings,
             GHashTable           *recurring)
{
  const TallyClaimRecord *record = input->record;
  const char *subject = input->subject;
  const char *last;
  char *owned;

  if (subject == NULL || subject[0] == '\0' || record->subject_kind == TALLY_SUBJECT_KIND_EVENT)
    return NULL;
  /* A name of no known kind is a key when several reports of the story make
   * it the subject of a figure ("Tesla", "BYD"): a stray capitalised word
   * is not. */
  if (record->subject_kind == TALLY_SUBJECT_KIND_OTHER)
    {
      g_autofree char *id = recurring_key (input);

      if (GPOINTER_TO_UINT (g_hash_table_lookup (recurring, id)) < 2)
        return NULL;
    }
  if (record->subject_kind == TALLY_SUBJECT_KIND_PERSON && (last = strrchr (subject, ' ')) != NULL)
    subject = last + 1;
  owned = g_hash_table_lookup (strings, subject);
  if (owned == NULL)
    {
      owned = g_strdup (subject);
      g_hash_table_add (strings, owned);
    }
  return owned;
}

/* A claim that names no subject ("trade reached $8.1 billion") is about the
 * subject its story gives that figure elsewhere ("Norway's trade with Japan
 * …"), when the story gives it one subject only; with two it stays apart.
 * Compared by the whole measure, kind, unit, change, scope and modality. */
static const char AMBIGUOUS_SUBJECT[] = "";

static char *
borrow_key (const TallyFactInput  *input,
            const TallyMeasureKey *key)
{
  const TallyClaimRecord *record = input->record;
  g_autofree char *bucket = bucket_key (record, key, NULL);

  /* The whole measure, not only its head: "five Central Asian countries"
   * (China) lends nothing to "six nations". */
  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%d\x1f%d", bucket, key->phrase, input->story ? input->story : "",
                          is_date_kind (record->kind) ? 0 : record->scope_year,
                          record->modality == TALLY_MODALITY_PROJECTED);
}

static void
note_subject (GHashTable           *subjects,
              const TallyFactInput *input,
              const char           *subject,
              const TallyMeasureKey *key)
{
  char *id = borrow_key (input, key);
  const char *have = g_hash_table_lookup (subjects, id);

  if (have == NULL)
    g_hash_table_insert (subjects, id, (gpointer) subject);
  else
    {
      if (have != AMBIGUOUS_SUBJECT && g_ascii_strcasecmp (have, subject) != 0)
        g_hash_table_insert (subjects, g_strdup (id), (gpointer) AMBIGUOUS_SUBJECT);
      g_free (id);
    }
}

static const char *
borrowed_subject (GHashTable           *subjects,
                  const TallyFactInput *input,
                  const TallyMeasureKey *key)
{
  g_autofree char *id = borrow_key (input, key);
  const char *subject = g_hash_table_lookup (subjects, id);

  return subject == AMBIGUOUS_SUBJECT ? NULL : subject;
}

/* Whether one source states values on two sides of a conflict. A source
 * does not contradict itself: its measure covers several things (the
 * nominations of several films, the house prices of several regions). */
static gboolean
source_on_two_sides (const TallyFactRecord *fact)
{
  g_autoptr(GHashTable) side_of = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint v = 0; v < fact->values->len; v++)
    {
      const TallyFactValue *value = g_ptr_array_index (fact->values, v);

      for (guint d = 0; d < value->documents->len; d++)
        {
          gpointer document = g_ptr_array_index (value->documents, d);
          gpointer side;

          if (g_hash_table_lookup_extended (side_of, document, NULL, &side)
              && GPOINTER_TO_UINT (side) != value->side + 1)
            return TRUE;
          g_hash_table_insert (side_of, document, GUINT_TO_POINTER (value->side + 1));
        }
    }
  return FALSE;
}

/* The claims of `fact` for which `keep` says yes, as a fact of their own
 * shaped like `like`; NULL when there are none. */
static TallyFactRecord *
fact_part (TallyFactLexicon     *lexicon,
           const TallyFactInput *inputs,
           ModifierSet          *like,
           const TallyFactRecord *fact,
           gboolean            (*keep) (const TallyFactInput *, const TallyFactValue *, gpointer),
           gpointer              data)
{
  ModifierSet part = *like;
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  TallyFactRecord *piece;

  part.claims = g_array_new (FALSE, FALSE, sizeof (guint));
  part.group = 0;
  for (guint v = 0; v < fact->values->len; v++)
    {
      const TallyFactValue *value = g_ptr_array_index (fact->values, v);

      for (guint c = 0; c < value->claims->len; c++)
        {
          guint index = g_array_index (value->claims, guint, c);

          if (keep (&inputs[index], value, data))
            g_array_append_val (part.claims, index);
        }
    }
  if (part.claims->len == 0)
    {
      g_array_unref (part.claims);
      return NULL;
    }
  g_array_sort (part.claims, compare_guint);
  g_ptr_array_add (one, &part);
  piece = build_fact (lexicon, inputs, one, 0, NULL, NULL);
  g_array_unref (part.claims);
  return piece;
}

static gboolean
keep_projected (const TallyFactInput *input,
                const TallyFactValue *value,
                gpointer              projected)
{
  return (input->record->modality == TALLY_MODALITY_PROJECTED) == GPOINTER_TO_INT (projected);
}

static gboolean
keep_side (const TallyFactInput *input,
           const TallyFactValue *value,
           gpointer              side)
{
  return value->side == GPOINTER_TO_UINT (side);
}

static gboolean
mixes_modality (const TallyFactRecord *fact,
                const TallyFactInput  *inputs)
{
  gboolean projected = FALSE, reported = FALSE;

  for (guint c = 0; c < fact->claims->len; c++)
    {
      if (inputs[g_array_index (fact->claims, guint, c)].record->modality == TALLY_MODALITY_PROJECTED)
        projected = TRUE;
      else
        reported = TRUE;
    }
  return projected && reported;
}

static gboolean
mergeable_kind (TallyClaimKind kind)
{
  return kind == TALLY_CLAIM_KIND_MONEY || kind == TALLY_CLAIM_KIND_PERCENT || kind == TALLY_CLAIM_KIND_COUNT
         || kind == TALLY_CLAIM_KIND_NUMBER;
}

/* Values more than this many times apart are not one figure misstated:
 * outlets that disagree about a figure give 3,000 and 5,500, not 68,874 and
 * 1.8 million (a breakdown beside the total, a quarter beside the year). */
#define MAGNITUDE_GAP 2.5

static gboolean
keep_range (const TallyFactInput *input,
            const TallyFactValue *value,
            gpointer              data)
{
  const double *range = data;

  return value->value >= range[0] && value->value <= range[1];
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static void add_fact (GPtrArray            *facts,
                      GHashTable           *likes,
                      TallyFactLexicon     *lexicon,
                      const TallyFactInput *inputs,
                      ModifierSet          *like,
                      TallyFactRecord      *fact);

/* One source giving two values under one measure gives two figures (the
 * year's deliveries and its production, both "vehicles"): each value is a
 * fact of its own, the first keeping the key. */
static gboolean
split_values (GPtrArray            *facts,
              GHashTable           *likes,
              TallyFactLexicon     *lexicon,
              const TallyFactInput *inputs,
              ModifierSet          *like,
              TallyFactRecord      *fact)
{
  gboolean differ = FALSE;
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, NULL);

  if (!mergeable_kind (fact->kind))
    return FALSE;
  for (guint v = 0; v < fact->values->len; v++)
    {
      const TallyFactValue *value = g_ptr_array_index (fact->values, v);

      if (value->has_value_max)
        return FALSE;
      differ |= value->value != ((TallyFactValue *) g_ptr_array_index (fact->values, 0))->value;
    }
  if (!differ)
    return FALSE;
  for (guint v = 0; v < fact->values->len; v++)
    {
      const TallyFactValue *value = g_ptr_array_index (fact->values, v);
      double range[2] = { value->value, value->value };

      if (!g_hash_table_add (done, g_memdup2 (&value->value, sizeof (double))))
        continue;
      TallyFactRecord *piece = fact_part (lexicon, inputs, like, fact, keep_range, range);

      if (piece == NULL)
        continue;
      if (v > 0)
        {
          g_autofree char *key = g_strdup_printf ("%s|value=%s", fact->key, value->data_display);

          g_set_str (&piece->key, key);
        }
      else
        g_set_str (&piece->key, fact->key);
      add_fact (facts, likes, lexicon, inputs, like, piece);
    }
  g_hash_table_remove (likes, fact);
  tally_fact_record_free (fact);
  return TRUE;
}

/* A conflict whose values lie apart by orders of magnitude is several
 * figures under one measure: each run of values within MAGNITUDE_GAP of the
 * next becomes a fact of its own (the run with most sources keeps the key,
 * the others add "|value=…"). FALSE when the values are of one magnitude. */
static gboolean
split_magnitudes (GPtrArray            *facts,
                  GHashTable           *likes,
                  TallyFactLexicon     *lexicon,
                  const TallyFactInput *inputs,
                  ModifierSet          *like,
                  TallyFactRecord      *fact)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) pieces = g_ptr_array_new ();
  guint best = 0;

  /* A toll grows from 120 to 410 in a week: its values are one figure. */
  if (!mergeable_kind (fact->kind) || like->key == NULL || tally_fact_lexicon_is_moving (lexicon, like->key))
    return FALSE;
  for (guint v = 0; v < fact->values->len; v++)
    {
      const TallyFactValue *value = g_ptr_array_index (fact->values, v);

      if (value->value <= 0 || value->has_value_max)
        return FALSE;
      g_array_append_val (values, value->value);
    }
  g_array_sort (values, compare_doubles);
  for (guint v = 1; v < values->len; v++)
    if (g_array_index (values, double, v) > MAGNITUDE_GAP * g_array_index (values, double, v - 1))
      g_array_append_val (cuts, g_array_index (values, double, v - 1));
  if (cuts->len == 0)
    return FALSE;
  for (guint c = 0; c <= cuts->len; c++)
    {
      double range[2] = { c == 0 ? -INFINITY : nextafter (g_array_index (cuts, double, c - 1), INFINITY),
                          c == cuts->len ? INFINITY : g_array_index (cuts, double, c) };
      TallyFactRecord *piece = fact_part (lexicon, inputs, like, fact, keep_range, range);

      g_ptr_array_add (pieces, piece);
      if (piece != NULL && (((TallyFactRecord *) g_ptr_array_index (pieces, best)) == NULL
                            || piece->documents->len
                               > ((TallyFactRecord *) g_ptr_array_index (pieces, best))->documents->len))
        best = c;
    }
  for (guint c = 0; c < pieces->len; c++)
    {
      TallyFactRecord *piece = g_ptr_array_index (pieces, c);

      if (piece == NULL)
        continue;
      g_free (piece->key);
      piece->key = c == best ? g_strdup (fact->key)
                             : g_strdup_printf ("%s|value=%s", fact->key,
                                                ((TallyFactValue *) g_ptr_array_index (piece->values, 0))->data_display);
      add_fact (facts, likes, lexicon, inputs, like, piece);
    }
  g_hash_table_remove (likes, fact);
  tally_fact_record_free (fact);
  return TRUE;
}

/* Adds `fact` to `facts`. A conflict between what is expected and what
 * happened ("is expected to exceed $10 billion", "reached $8 billion") is
 * no conflict: the projected claims become a fact of their own, keyed
 * "…|projected". A conflict a source has on both sides becomes one fact per
 * side (a wrong conflict is worse than a missed one), each keyed by its first
 * value, "…|value=11". */
static void
add_fact (GPtrArray            *facts,
          GHashTable           *likes,
          TallyFactLexicon     *lexicon,
          const TallyFactInput *inputs,
          ModifierSet          *like,
          TallyFactRecord      *fact)
{
  guint n_sides = 0;

  if (like != NULL)
    g_hash_table_insert (likes, fact, like);
  if (like != NULL && fact->documents->len == 1 && fact->values->len > 1 && split_values (facts, likes, lexicon, inputs, like, fact))
    return;
  if (fact->status != TALLY_FACT_STATUS_CONFLICT || like == NULL)
    {
      g_ptr_array_add (facts, fact);
      return;
    }
  if (mixes_modality (fact, inputs))
    {
      for (int projected = 0; projected <= 1; projected++)
        {
          TallyFactRecord *piece = fact_part (lexicon, inputs, like, fact, keep_projected,
                                              GINT_TO_POINTER (projected));

          if (projected)
            {
              g_autofree char *key = g_strdup_printf ("%s|projected", piece->key);

              g_set_str (&piece->key, key);
            }
          add_fact (facts, likes, lexicon, inputs, like, piece);
        }
      g_hash_table_remove (likes, fact);
      tally_fact_record_free (fact);
      return;
    }
  /* "Vehicles" alone says nothing of which figure: values that disagree
   * under a bare generic noun are several figures, each met by its value. */
  if (like->key != NULL && like->key->n_modifiers == 0
      && tally_concepts_is_generic (tally_concepts_get_default (), like->key->head)
      && split_values (facts, likes, lexicon, inputs, like, fact))
    return;
  if (split_magnitudes (facts, likes, lexicon, inputs, like, fact))
    return;
  if (!source_on_two_sides (fact))
    {
      g_ptr_array_add (facts, fact);
      return;
    }
  g_hash_table_remove (likes, fact);
  for (guint v = 0; v < fact->values->len; v++)
    n_sides = MAX (n_sides, ((TallyFactValue *) g_ptr_array_index (fact->values, v))->side + 1);
  for (guint side = 0; side < n_sides; side++)
    {
      TallyFactRecord *piece = fact_part (lexicon, inputs, like, fact, keep_side, GUINT_TO_POINTER (side));
      const TallyFactValue *first = NULL;

      for (guint v = 0; v < fact->values->len && first == NULL; v++)
        if (((TallyFactValue *) g_ptr_array_index (fact->values, v))->side == side)
          first = g_ptr_array_index (fact->values, v);
      g_free (piece->key);
      piece->key = g_strdup_printf ("%s|value=%s", fact->key, first->data_display);
      g_hash_table_insert (likes, piece, like);
      g_ptr_array_add (facts, piece);
    }
  tally_fact_record_free (fact);
}

/* ------------------------------------------------------------------------ */
/* One figure in other words                                                 */

/* Outlets name one figure in different words ("1.8 million deliveries",
 * "1,808,581 vehicles", "1.81 million cars delivered") and with or without
 * its year, so its claims land in facts of different measures. Two facts
 * are one when an analyst would read them so: same kind, unit, level or
 * change, period and modality; subjects equal or one unnamed; one story (or
 * one subject named by both, when a fact spans stories); years equal or one
 * unstated; measures of one concept, or one a bare generic noun beside a
 * concept ("vehicles"), or the same head; and their values agree once put
 * together (agree, rounding or qualified: never a conflict made). The
 * larger fact keeps its key. Analysts' groups are not touched. */
typedef struct
{
  TallyFactRecord *fact;
  ModifierSet *like;
  guint index;              /* in `facts` */
  gboolean projected;
  gboolean alive;
} Mergeable;

static gboolean
measures_meet (const Mergeable *a,
               const Mergeable *b)
{
  const TallyMeasureKey *ka = a->like->key, *kb = b->like->key;
  const TallyMeasureKey *bare;

  if (ka == kb || g_strcmp0 (ka->phrase, kb->phrase) == 0)
    return TRUE;
  /* One concept, and one measure's words within the other's ("deliveries",
   * "plug-in hybrid deliveries"); "cooperation agreements" and "agreements
   * implemented" are two figures of one concept. */
  if (a->fact->concept != NULL && b->fact->concept != NULL)
    return g_str_equal (a->fact->concept, b->fact->concept)
           && (tally_measure_key_is_subset (ka, kb) || tally_measure_key_is_subset (kb, ka));
  if (a->fact->concept == NULL && b->fact->concept == NULL)
    return g_strcmp0 (ka->head, kb->head) == 0
           && (tally_measure_key_is_subset (ka, kb) || tally_measure_key_is_subset (kb, ka));
  /* One names a concept, the other only what it counts ("1,808,581 vehicles"). */
  bare = a->fact->concept == NULL ? ka : kb;
  return bare->n_modifiers == 0 && tally_concepts_is_generic (tally_concepts_get_default (), bare->head);
}

/* Whether `short_name` is the initials of `name`'s capitalised words
 * ("SCA", "Suez Canal Authority"): outlets write one body both ways. */
static gboolean
is_initials_of (const char *short_name,
                const char *name)
{
  GString *initials = g_string_new (NULL);
  gboolean same;

  for (const char *p = name; *p != '\0'; p++)
    if ((p == name || p[-1] == ' ' || p[-1] == '-') && g_ascii_isupper (*p))
      g_string_append_c (initials, *p);
  same = initials->len >= 2 && strlen (short_name) == initials->len && strcmp (short_name, initials->str) == 0;
  g_string_free (initials, TRUE);
  return same;
}

/* Subjects that name one thing: equal, one unnamed, or one the other's
 * initials. */
static gboolean
subjects_meet (const char *a,
               const char *b)
{
  return a == NULL || b == NULL || g_str_equal (a, b) || is_initials_of (a, b) || is_initials_of (b, a);
}

/* A cheap bound before grading the two as one: values more than twice
 * apart never agree, whatever their rounding or qualifiers. */
static gboolean
values_near (const TallyFactRecord *a,
             const TallyFactRecord *b)
{
  double lo = INFINITY, hi = -INFINITY;

  for (int side = 0; side < 2; side++)
    {
      const TallyFactRecord *fact = side ? b : a;

      for (guint v = 0; v < fact->values->len; v++)
        {
          const TallyFactValue *value = g_ptr_array_index (fact->values, v);

          lo = MIN (lo, value->value);
          hi = MAX (hi, value->has_value_max ? value->value_max : value->value);
        }
    }
  return lo > 0 ? hi <= 2 * lo : TRUE;
}

static gboolean
may_merge (const Mergeable *a,
           const Mergeable *b)
{
  const TallyFactRecord *fa = a->fact, *fb = b->fact;
  const char *pa = a->like->context != NULL ? a->like->context->period : NULL;
  const char *pb = b->like->context != NULL ? b->like->context->period : NULL;

  if (fa->kind != fb->kind || fa->change != fb->change || g_strcmp0 (fa->unit, fb->unit) != 0
      || g_strcmp0 (pa, pb) != 0 || a->projected != b->projected)
    return FALSE;
  if (fa->scope_year != 0 && fb->scope_year != 0 && fa->scope_year != fb->scope_year)
    return FALSE;
  if (!subjects_meet (fa->subject, fb->subject))
    return FALSE;
  if (g_strcmp0 (fa->story, fb->story) != 0
      && !((fa->story == NULL || fb->story == NULL) && fa->subject != NULL && fb->subject != NULL))
    return FALSE;
  return measures_meet (a, b) && values_near (fa, fb);
}

/* The two facts as one, or NULL when their values do not agree. */
static TallyFactRecord *
try_merge (TallyFactLexicon     *lexicon,
           const TallyFactInput *inputs,
           const Mergeable      *keep,
           const Mergeable      *other,
           GPtrArray            *owned,
           ModifierSet         **like_out)
{
  /* The year and story of the one that states a year ("…, 2023"). */
  ModifierSet part = *(keep->fact->scope_year != 0 || other->fact->scope_year == 0 ? keep->like : other->like);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  TallyFactRecord *merged;
  ModifierSet *like;

  /* Named by the measure that holds the concept ("vehicle deliveries"), not
   * by a bare "vehicles" that a verb would then follow ("… delivered"). */
  if (keep->fact->concept != NULL)
    part.key = keep->like->key;
  else if (other->fact->concept != NULL)
    part.key = other->like->key;

  part.claims = g_array_new (FALSE, FALSE, sizeof (guint));
  part.group = 0;
  g_array_append_vals (part.claims, keep->fact->claims->data, keep->fact->claims->len);
  g_array_append_vals (part.claims, other->fact->claims->data, other->fact->claims->len);
  g_array_sort (part.claims, compare_guint);
  g_ptr_array_add (one, &part);
  merged = build_fact (lexicon, inputs, one, 0, NULL, NULL);
  g_array_unref (part.claims);
  if (merged->status != TALLY_FACT_STATUS_AGREE && merged->status != TALLY_FACT_STATUS_ROUNDING
      && merged->status != TALLY_FACT_STATUS_QUALIFIED)
    {
      tally_fact_record_free (merged);
      return NULL;
    }
  g_set_str (&merged->key, keep->fact->key);
  like = g_new (ModifierSet, 1);
  *like = part;
  like->claims = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (owned, like);
  *like_out = like;
  return merged;
}

static void
merge_block (TallyFactLexicon     *lexicon,
             const TallyFactInput *inputs,
             GPtrArray            *facts,
             GHashTable           *likes,
             GPtrArray            *owned,
             GPtrArray            *block)
{
  for (guint i = 0; i < block->len; i++)
    {
      Mergeable *a = g_ptr_array_index (block, i);

      for (guint j = i + 1; j < block->len && a->alive; j++)
        {
          Mergeable *b = g_ptr_array_index (block, j);
          Mergeable *keep, *other;
          TallyFactRecord *merged;
          ModifierSet *like;

          if (!b->alive || b == a || !may_merge (a, b))
            continue;
          keep = a->fact->documents->len >= b->fact->documents->len ? a : b;
          other = keep == a ? b : a;
          merged = try_merge (lexicon, inputs, keep, other, owned, &like);
          if (merged == NULL)
            continue;
          keep->like = like;
          g_hash_table_remove (likes, keep->fact);
          g_hash_table_remove (likes, other->fact);
          g_hash_table_insert (likes, merged, like);
          tally_fact_record_free (keep->fact);
          keep->fact = merged;
          facts->pdata[keep->index] = merged;
          tally_fact_record_free (other->fact);
          other->fact = NULL;
          facts->pdata[other->index] = NULL;
          other->alive = FALSE;
          if (other == a)
            {
              /* `a` is gone: carry on from `b`, which holds both now. */
              a = b;
            }
        }
    }
}

static void
merge_agreeing (GPtrArray            *facts,
                GHashTable           *likes,
                GPtrArray            *owned,
                TallyFactLexicon     *lexicon,
                const TallyFactInput *inputs)
{
  g_autoptr(GHashTable) blocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);

  for (guint f = 0; f < facts->len; f++)
    {
      TallyFactRecord *fact = g_ptr_array_index (facts, f);
      ModifierSet *like = g_hash_table_lookup (likes, fact);
      gboolean projected = FALSE, reported = FALSE;
      Mergeable *m;

      if (like == NULL || like->key == NULL || !mergeable_kind (fact->kind)
          || fact->status == TALLY_FACT_STATUS_CONFLICT || fact->status == TALLY_FACT_STATUS_UPDATED)
        continue;
      for (guint c = 0; c < fact->claims->len; c++)
        {
          if (inputs[g_array_index (fact->claims, guint, c)].record->modality == TALLY_MODALITY_PROJECTED)
            projected = TRUE;
          else
            reported = TRUE;
        }
      if (projected && reported)
        continue;
      m = g_new0 (Mergeable, 1);
      m->fact = fact;
      m->like = like;
      m->index = f;
      m->projected = projected;
      m->alive = TRUE;
      g_ptr_array_add (all, m);
      /* Candidates meet in their story, and across stories by their subject. */
      for (int by_subject = 0; by_subject <= 1; by_subject++)
        {
          const char *what = by_subject ? fact->subject : fact->story;
          g_autofree char *id = NULL;
          GPtrArray *block;

          if (what == NULL)
            continue;
          id = g_strdup_printf ("%d\x1f%d\x1f%s\x1f%s", fact->kind, by_subject, fact->unit ? fact->unit : "", what);
          block = g_hash_table_lookup (blocks, id);
          if (block == NULL)
            {
              block = g_ptr_array_new ();
              g_hash_table_insert (blocks, g_steal_pointer (&id), block);
              g_ptr_array_add (order, block);
            }
          g_ptr_array_add (block, m);
        }
    }
  for (guint b = 0; b < order->len; b++)
    merge_block (lexicon, inputs, facts, likes, owned, g_ptr_array_index (order, b));
  for (guint f = facts->len; f > 0; f--)
    if (g_ptr_array_index (facts, f - 1) == NULL)
      g_ptr_array_remove_index (facts, f - 1);
}

/* Where the claim's figure stands in its sentence, or -1. */
static gssize
figure_offset (const TallyFactInput *input,
               gsize                 sentence_len,
               gssize               *end)
{
  const TallyClaimRecord *record = input->record;
  const char *found;

  if (record->sentence_end - record->sentence_start == sentence_len && record->start >= record->sentence_start
      && record->end <= record->sentence_end && record->start <= record->end)
    {
      *end = (gssize) (record->end - record->sentence_start);
      return (gssize) (record->start - record->sentence_start);
    }
  /* A sentence cut to a window around the figure: find its words. */
  if (input->text != NULL && input->text[0] != '\0' && (found = strstr (input->sentence, input->text)) != NULL)
    {
      *end = (gssize) (found - input->sentence + strlen (input->text));
      return (gssize) (found - input->sentence);
    }
  return -1;
}

/* A measure that is only a verb form ("sold"): a label made of it would be a
 * bare verb, so the concept's id names the fact instead ("Sales"). */
static gboolean
is_bare_verb (TallyConcepts *concepts,
              const char    *measure)
{
  return strchr (measure, ' ') == NULL && tally_concepts_is_verb (concepts, measure);
}

/* The inputs as facts compare them: each record copied (shallowly) with the
 * measure its concept gives ("vehicles" that a source "delivered" →
 * "vehicle delivery"; tally-concepts.h), so that outlets naming one figure
 * in different words meet. `strings` owns the new measures. */
static TallyFactInput *
with_concepts (const TallyFactInput  *inputs,
               gsize                  n_inputs,
               TallyClaimRecord     **records_out,
               GHashTable            *strings)
{
  TallyConcepts *concepts = tally_concepts_get_default ();
  TallyFactInput *local = g_new (TallyFactInput, MAX (n_inputs, 1));
  TallyClaimRecord *records = g_new0 (TallyClaimRecord, MAX (n_inputs, 1));
  g_autoptr(GHashTable) of_measure = g_hash_table_new (g_str_hash, g_str_equal);
  static const char no_concept[] = "";

  for (gsize i = 0; i < n_inputs; i++)
    {
      const TallyClaimRecord *record = inputs[i].record;
      const char *concept = NULL;
      gboolean quantity;
      g_autofree char *measure = NULL;
      char *owned;

      local[i] = inputs[i];
      if (record == NULL || inputs[i].group != NULL)
        continue;
      records[i] = *record;
      local[i].record = &records[i];
      quantity = record->kind == TALLY_CLAIM_KIND_MONEY || record->kind == TALLY_CLAIM_KIND_PERCENT
                 || record->kind == TALLY_CLAIM_KIND_COUNT || record->kind == TALLY_CLAIM_KIND_NUMBER;
      if (record->measure != NULL)
        {
          const char *have = g_hash_table_lookup (of_measure, record->measure);

          if (have == NULL)
            {
              have = tally_concepts_of_measure (concepts, record->measure, NULL, NULL);
              g_hash_table_insert (of_measure, record->measure, (gpointer) (have != NULL ? have : no_concept));
            }
          concept = have != no_concept ? have : NULL;
        }
      if (quantity && inputs[i].sentence != NULL)
        {
          gsize len = strlen (inputs[i].sentence);
          gssize end = -1;
          gssize at = figure_offset (&inputs[i], len, &end);

          if (concept == NULL)
            concept = tally_concepts_of_claim (concepts, NULL, inputs[i].sentence, len, at, end);
          local[i].period = tally_concepts_period_of_claim (concepts, inputs[i].sentence, len, at, end);
        }
      if (concept == NULL)
        continue;
      measure = tally_concepts_apply (concepts, record->measure, concept);
      owned = g_hash_table_lookup (strings, measure);
      if (owned == NULL)
        {
          owned = g_steal_pointer (&measure);
          g_hash_table_add (strings, owned);
        }
      records[i].measure = owned;
      /* Labels keep the source's words when they name the concept ("payoff",
       * "vehicles delivered"); a verb's concept is named by its id
       * ("Truck deliveries"). */
      if (record->measure != NULL && tally_concepts_of_measure (concepts, record->measure, NULL, NULL) == concept
          && !is_bare_verb (concepts, record->measure))
        local[i].written_measure = record->measure;
      else if (record->measure != NULL)
        {
          /* Named with every word the source wrote ("fully electric vehicle
           * sales"), where comparing dropped the generic ones. */
          g_autofree char *words = tally_concepts_apply_for_label (concepts, record->measure, concept);

          owned = g_hash_table_lookup (strings, words);
          if (owned == NULL)
            {
              owned = g_steal_pointer (&words);
              g_hash_table_add (strings, owned);
            }
          if (!g_str_equal (owned, records[i].measure))
            local[i].written_measure = owned;
        }
    }
  *records_out = records;
  return local;
}

/* A figure whose words name no measure ("1.85 million units", "473,253")
 * is still a figure of its story. */
static gboolean
is_orphan (const TallyFactInput *input)
{
  const TallyClaimRecord *record = input->record;

  return record != NULL && input->group == NULL && mergeable_kind (record->kind) && record->has_value
         && isfinite (record->value) && !record->has_value_max;
}

/* Digits that carry the value: 1.85 million → 3, 473,253 → 6, 2 million → 1. */
static guint
significant_digits (double value)
{
  char buffer[64];
  const char *p;
  guint digits = 0, zeros = 0;
  gboolean started = FALSE;

  g_snprintf (buffer, sizeof buffer, "%.12g", fabs (value));
  for (p = buffer; *p != '\0' && *p != 'e'; p++)
    {
      if (!g_ascii_isdigit (*p))
        continue;
      if (*p == '0' && !started)
        continue;
      started = TRUE;
      if (*p == '0')
        zeros++;
      else
        digits += zeros + 1, zeros = 0;
    }
  return digits;
}

/* A figure with no measure joins the one fact of its story that it agrees
 * with — same kind, unit, level or change, period and modality, subjects
 * equal or one unnamed — when its value is precise enough to be that fact's
 * (three significant digits: "1.85 million units" beside "1,845,985
 * vehicles produced", not "2 million") and no other fact would take it. */
static void
adopt_orphans (GPtrArray            *facts,
               GHashTable           *likes,
               GPtrArray            *owned,
               TallyFactLexicon     *lexicon,
               const TallyFactInput *inputs,
               GArray               *orphans)
{
  g_autoptr(GHashTable) by_story = NULL;

  if (orphans->len == 0)
    return;
  by_story = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint f = 0; f < facts->len; f++)
    {
      TallyFactRecord *fact = g_ptr_array_index (facts, f);
      GPtrArray *list;

      if (g_hash_table_lookup (likes, fact) == NULL || !mergeable_kind (fact->kind) || fact->story == NULL
          || fact->status == TALLY_FACT_STATUS_CONFLICT)
        continue;
      list = g_hash_table_lookup (by_story, fact->story);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_story, g_strdup (fact->story), list);
        }
      g_ptr_array_add (list, GUINT_TO_POINTER (f));
    }
  for (guint o = 0; o < orphans->len; o++)
    {
      guint index = g_array_index (orphans, guint, o);
      const TallyFactInput *input = &inputs[index];
      const TallyClaimRecord *record = input->record;
      gboolean projected = record->modality == TALLY_MODALITY_PROJECTED;
      const char *period = input->period != NULL && !g_str_equal (input->period, "year") ? input->period : NULL;
      GPtrArray *list = input->story != NULL ? g_hash_table_lookup (by_story, input->story) : NULL;
      TallyFactRecord *found = NULL;
      ModifierSet *found_like = NULL;
      guint found_at = 0;
      gboolean ambiguous = FALSE;
      double best = INFINITY, second = INFINITY;

      if (list == NULL || significant_digits (record->value) < 3)
        continue;
      for (guint l = 0; l < list->len; l++)
        {
          guint f = GPOINTER_TO_UINT (g_ptr_array_index (list, l));
          TallyFactRecord *fact = g_ptr_array_index (facts, f);
          ModifierSet *like = g_hash_table_lookup (likes, fact);
          const char *fact_period = like != NULL && like->context != NULL ? like->context->period : NULL;
          const TallyClaimRecord *first;
          Mergeable keep, other;
          TallyFactRecord *merged;
          ModifierSet *merged_like = NULL;
          TallyFactRecord single = { 0 };

          if (like == NULL || fact->kind != record->kind || fact->change != record->change
              || g_strcmp0 (fact->unit, record->unit) != 0 || g_strcmp0 (fact_period, period) != 0
              || !subjects_meet (fact->subject, input->subject))
            continue;
          first = inputs[g_array_index (fact->claims, guint, 0)].record;
          if ((first->modality == TALLY_MODALITY_PROJECTED) != projected)
            continue;
          single.claims = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (single.claims, index);
          keep = (Mergeable) { fact, like, f, projected, TRUE };
          other = (Mergeable) { &single, like, 0, projected, TRUE };
          merged = try_merge (lexicon, inputs, &keep, &other, owned, &merged_like);
          g_array_unref (single.claims);
          if (merged == NULL)
            continue;
          /* Of the facts it agrees with, the nearest value takes it ("2
           * million" allows 1.85 million by rounding; 1,845,985 is nearer). */
          {
            double distance = INFINITY;

            for (guint v = 0; v < fact->values->len; v++)
              distance = MIN (distance, fabs (((TallyFactValue *) g_ptr_array_index (fact->values, v))->value
                                              - record->value) / MAX (fabs (record->value), 1e-12));
            if (distance < best)
              {
                second = best;
                best = distance;
                if (found != NULL)
                  tally_fact_record_free (found);
                found = merged;
                found_like = merged_like;
                found_at = f;
              }
            else
              {
                second = MIN (second, distance);
                tally_fact_record_free (merged);
              }
          }
        }
      /* Two facts as near: whose it is is unknown. */
      ambiguous = found != NULL && second <= 2 * best + 1e-9;
      if (ambiguous)
        g_clear_pointer (&found, tally_fact_record_free);
      if (found != NULL)
        {
          TallyFactRecord *old = g_ptr_array_index (facts, found_at);

          g_hash_table_remove (likes, old);
          g_hash_table_insert (likes, found, found_like);
          facts->pdata[found_at] = found;
          tally_fact_record_free (old);
        }
    }
}

/* When each figure was stated: the day its sentence puts on it ("the toll
 * stood at 260 as of 5 May", "5,500 evacuated by Thursday evening",
 * "officials said on Sunday": a day claim after a `StatedAt` word, the one
 * nearest the figure), else its report's publication. A day after the
 * publication is a plan, not a statement, and is not taken. */
static void
statement_days (TallyFactLexicon *lexicon,
                TallyFactInput   *local,
                gsize             n_inputs)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_array_unref);

  for (gsize i = 0; i < n_inputs; i++)
    {
      const TallyClaimRecord *record = local[i].record;
      g_autofree char *id = NULL;
      GArray *list;
      guint index = (guint) i;

      if (record == NULL || record->kind != TALLY_CLAIM_KIND_DATE || record->value_text == NULL
          || strlen (record->value_text) != 10 || record->value_max_text != NULL || local[i].sentence == NULL
          || local[i].text == NULL)
        continue;
      id = g_strdup_printf ("%s\x1f%s", local[i].document_id ? local[i].document_id : "", local[i].sentence);
      list = g_hash_table_lookup (days, id);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (days, g_steal_pointer (&id), list);
        }
      g_array_append_val (list, index);
    }
  if (g_hash_table_size (days) == 0)
    return;
  for (gsize i = 0; i < n_inputs; i++)
    {
      const TallyClaimRecord *record = local[i].record;
      g_autofree char *id = NULL;
      const char *figure, *best = NULL;
      gssize best_distance = G_MAXSSIZE;
      GArray *list;

      if (record == NULL || !mergeable_kind (record->kind) || local[i].sentence == NULL || local[i].text == NULL)
        continue;
      id = g_strdup_printf ("%s\x1f%s", local[i].document_id ? local[i].document_id : "", local[i].sentence);
      if ((list = g_hash_table_lookup (days, id)) == NULL
          || (figure = strstr (local[i].sentence, local[i].text)) == NULL)
        continue;
      for (guint d = 0; d < list->len; d++)
        {
          const TallyFactInput *day = &local[g_array_index (list, guint, d)];
          const char *at = strstr (day->sentence, day->text);
          gssize distance;

          if (at == NULL || !tally_fact_lexicon_marks_statement (lexicon, day->sentence, at - day->sentence))
            continue;
          if (local[i].stated != NULL && strlen (local[i].stated) >= 10
              && strncmp (day->record->value_text, local[i].stated, 10) > 0)
            continue;
          distance = ABS ((at - day->sentence) - (figure - local[i].sentence));
          if (distance < best_distance)
            best = day->record->value_text, best_distance = distance;
        }
      if (best != NULL)
        local[i].stated = best;
    }
}

GPtrArray *
tally_group_facts (const TallyFactInput *inputs,
                   gsize                 n_inputs)
{
  return tally_group_facts_corrected (inputs, n_inputs, NULL);
}

static GPtrArray *group_facts (const TallyFactInput *inputs,
                               gsize                 n_inputs,
                               GHashTable           *labels);

GPtrArray *
tally_group_facts_corrected (const TallyFactInput *inputs,
                             gsize                 n_inputs,
                             GHashTable           *labels)
{
  g_autoptr(GHashTable) strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree TallyClaimRecord *records = NULL;
  g_autofree TallyFactInput *local = NULL;

  g_return_val_if_fail (inputs != NULL || n_inputs == 0,
                        g_ptr_array_new_with_free_func ((GDestroyNotify) tally_fact_record_free));
  local = with_concepts (inputs, n_inputs, &records, strings);
  statement_days (tally_fact_lexicon_get_default (), local, n_inputs);
  /* Facts refer to claims by index and borrow only the inputs' strings. */
  return group_facts (local, n_inputs, labels);
}

static GPtrArray *
group_facts (const TallyFactInput *inputs,
             gsize                 n_inputs,
             GHashTable           *labels)
{
  TallyFactLexicon *lexicon = tally_fact_lexicon_get_default ();
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      (GDestroyNotify) tally_measure_key_free);
  g_autoptr(GHashTable) buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) set_cache = g_hash_table_new_full (set_key_hash, set_key_equal, g_free, NULL);
  g_autoptr(GHashTable) contexts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) context_free);
  g_autoptr(GHashTable) subjects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) subject_strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) recurring = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) bucket_order = g_ptr_array_new ();
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) group_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) modifier_set_free);
  g_autoptr(GHashTable) likes = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) orphans = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) owned_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) modifier_set_free);
  GPtrArray *facts = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_fact_record_free);

  g_return_val_if_fail (inputs != NULL || n_inputs == 0, facts);

  /* Names of no known kind, counted by the documents of a story that make
   * them a figure's subject. */
  {
    g_autoptr(GHashTable) last_document = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (gsize i = 0; i < n_inputs; i++)
      {
        char *id;

        if (inputs[i].record == NULL || inputs[i].subject == NULL
            || inputs[i].record->subject_kind != TALLY_SUBJECT_KIND_OTHER
            || !written_as_name (inputs[i].sentence, inputs[i].subject))
          continue;
        id = recurring_key (&inputs[i]);
        if (g_strcmp0 (g_hash_table_lookup (last_document, id), inputs[i].document_id) != 0)
          {
            g_hash_table_insert (recurring, g_strdup (id),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (recurring, id)) + 1));
            g_hash_table_insert (last_document, id, (gpointer) inputs[i].document_id);
          }
        else
          g_free (id);
      }
  }

  /* The subjects each story gives its figures, for claims that name none. */
  for (gsize i = 0; i < n_inputs; i++)
    {
      const TallyMeasureKey *key;
      const char *subject;

      if (inputs[i].group != NULL || !usable (&inputs[i])
          || (subject = key_subject (&inputs[i], subject_strings, recurring)) == NULL)
        continue;
      if (!g_hash_table_lookup_extended (keys, inputs[i].record->measure, NULL, (gpointer *) &key))
        {
          key = tally_fact_lexicon_measure_key (lexicon, inputs[i].record->measure);
          g_hash_table_insert (keys, inputs[i].record->measure, (gpointer) key);
        }
      /* A person lends no subject to a figure that is not theirs alone: "Musk
       * said Tesla would deliver 2 million" is about the company. */
      if (key != NULL && !tally_fact_lexicon_needs_subject (lexicon, key->head)
          && !(inputs[i].record->subject_kind == TALLY_SUBJECT_KIND_PERSON && key_names_action (key)))
        note_subject (subjects, &inputs[i], subject, key);
    }

  for (gsize i = 0; i < n_inputs; i++)
    {
      const TallyClaimRecord *record = inputs[i].record;
      gboolean date = record != NULL && is_date_kind (record->kind);
      SetKey lookup;
      const TallyMeasureKey *key;
      ModifierSet *set;
      guint index = (guint) i;
      const char *subject;
      gboolean needs_subject;

      if (!usable (&inputs[i]))
        {
          if (is_orphan (&inputs[i]))
            g_array_append_val (orphans, index);
          continue;
        }
      if (inputs[i].group != NULL)
        {
          set = g_hash_table_lookup (groups, inputs[i].group);
          if (set == NULL)
            {
              set = g_new0 (ModifierSet, 1);
              set->claims = g_array_new (FALSE, FALSE, sizeof (guint));
              g_ptr_array_add (group_sets, set);
              g_hash_table_insert (groups, (gpointer) inputs[i].group, set);
            }
          g_array_append_val (set->claims, index);
          continue;
        }
      /* Measures repeat: reduce each distinct string once. */
      if (!g_hash_table_lookup_extended (keys, record->measure, NULL, (gpointer *) &key))
        {
          key = tally_fact_lexicon_measure_key (lexicon, record->measure);
          g_hash_table_insert (keys, record->measure, (gpointer) key);
        }
      if (key == NULL)
        {
          if (is_orphan (&inputs[i]))
            g_array_append_val (orphans, index);
          continue;
        }
      needs_subject = tally_fact_lexicon_needs_subject (lexicon, key->head);
      subject = key_subject (&inputs[i], subject_strings, recurring);
      if (subject == NULL && !needs_subject && g_hash_table_size (subjects) > 0)
        subject = borrowed_subject (subjects, &inputs[i], key);
      /* A person named beside a figure not theirs alone (a chief executive
       * giving the company's target) yields to the subject the story gives it. */
      else if (subject != NULL && !needs_subject && record->subject_kind == TALLY_SUBJECT_KIND_PERSON
               && g_hash_table_size (subjects) > 0 && key_names_action (key))
        {
          const char *borrowed = borrowed_subject (subjects, &inputs[i], key);

          if (borrowed != NULL)
            subject = borrowed;
        }

      lookup = (SetKey) {
        .key = key,
        .unit = date ? NULL : record->unit,
        .kind = date ? -1 : (int) record->kind,
        .change = date ? 0 : record->change != 0,
        .scope = date ? 0 : record->scope_year,
        .context = intern_context (contexts, &inputs[i], subject, needs_subject),
      };
      set = g_hash_table_lookup (set_cache, &lookup);
      if (set == NULL)
        {
          set = find_set (buckets, bucket_order, record, key, lookup.context);
          /* The unit string is borrowed from the input, which outlives this call. */
          g_hash_table_insert (set_cache, g_memdup2 (&lookup, sizeof lookup), set);
        }
      g_array_append_val (set->claims, index);
    }

  for (guint b = 0; b < bucket_order->len; b++)
    {
      GPtrArray *sets = g_ptr_array_index (bucket_order, b);

      resolve_bucket (lexicon, inputs, sets);
      for (guint s = 0; s < sets->len; s++)
        {
          ModifierSet *set = g_ptr_array_index (sets, s);
          g_autofree char *key = NULL;
          ModifierSet *merged;

          if (set->group != (int) s)
            continue;
          /* Claims merged into this fact by their group = its key. */
          key = g_hash_table_size (groups) > 0 ? set_fact_key (inputs, set) : NULL;
          merged = key != NULL ? g_hash_table_lookup (groups, key) : NULL;
          if (merged != NULL)
            g_hash_table_remove (groups, key);
          add_fact (facts, likes, lexicon, inputs, merged != NULL ? NULL : set,
                    build_fact (lexicon, inputs, sets, s, NULL, merged ? merged->claims : NULL));
        }
    }
  merge_agreeing (facts, likes, owned_sets, lexicon, inputs);
  adopt_orphans (facts, likes, owned_sets, lexicon, inputs, orphans);
  for (guint g = 0; g < group_sets->len; g++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      ModifierSet *set = g_ptr_array_index (group_sets, g);
      const char *group = inputs[g_array_index (set->claims, guint, 0)].group;

      if (g_hash_table_lookup (groups, group) != set)
        continue;   /* merged into an automatic fact above */
      g_ptr_array_add (one, set);
      g_ptr_array_add (facts, build_fact (lexicon, inputs, one, 0, group, NULL));
    }
  for (guint f = 0; labels != NULL && f < facts->len; f++)
    {
      TallyFactRecord *fact = g_ptr_array_index (facts, f);
      const char *label = g_hash_table_lookup (labels, fact->key);

      if (label != NULL)
        g_set_str (&fact->label, label);
    }

  sort_facts (facts);
  for (guint i = 0; i < facts->len; i++)
    ((TallyFactRecord *) g_ptr_array_index (facts, i))->id = g_strdup_printf ("f%u", i + 1);
  return facts;
}
