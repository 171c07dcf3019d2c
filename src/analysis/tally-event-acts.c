/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "tally-claims.h"
#include "tally-dictionary.h"
#include "tally-events-private.h"
#include "tally-gazetteer.h"

/* Event acts in the languages whose pattern file lists [act]s (Russian,
 * Chinese). A word names the act — looked up by its dictionary lemma where
 * the language inflects ("подписали" → "подписать"), or a run of the words
 * ICU's word break cuts text written without spaces into ("国事" + "访问");
 * the dates the claim reader found in the sentence date it; the gazetteer
 * names its place ("в Москву", "抵达莫斯科" → Moscow, one place in every
 * language); its label is the source's own words: the subject, the verb and
 * what follows it, or the noun and its complement. The rules are the same
 * for every such language; the words are in lexicons/<lang>.events. */

typedef struct
{
  gsize start;
  gsize end;
  char *key;          /* the lemma, or the word folded to lower case */
  char *surface;      /* as written */
  guint cap : 1;      /* starts with a capital */
  guint digit : 1;
  guint verb : 1;     /* its lemma is a verb's (the claims lexicon's endings) */
  guint clause : 1;   /* punctuation stands before it: a clause starts here */
  guint date : 1;     /* inside a date the sentence gives */
} AWord;

static void
aword_clear (AWord *w)
{
  g_free (w->key);
  g_free (w->surface);
}

#define AW(words, i) (&g_array_index ((words), AWord, (i)))

/* Is there punctuation (not a hyphen inside a word) between two offsets? */
static gboolean
punct_between (const char *text,
               gsize       from,
               gsize       to)
{
  for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '-' && (g_unichar_ispunct (c) || c == '\n'))
        return TRUE;
    }
  return FALSE;
}

static void
add_word (GArray     *words,
          const char *text,
          gsize       start,
          gsize       end,
          char       *key)
{
  AWord w = { 0 };

  w.start = start;
  w.end = end;
  w.surface = g_strndup (text + start, end - start);
  w.key = key != NULL ? key : g_utf8_strdown (w.surface, -1);
  w.cap = g_unichar_isupper (g_utf8_get_char (w.surface));
  w.digit = g_ascii_isdigit (w.surface[0]);
  w.clause = words->len == 0 || punct_between (text, AW (words, words->len - 1)->end, start);
  g_array_append_val (words, w);
}

/* Words by ICU's dictionary-based word break (text without spaces). */
static GArray *
segment_words (const char *text,
               gsize       start,
               gsize       end)
{
  GArray *words = g_array_new (FALSE, TRUE, sizeof (AWord));
  g_autofree UChar *u = NULL;
  g_autofree gsize *offset = NULL;  /* UTF-16 index → byte offset */
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *bi;
  int32_t n16 = 0, prev, cur;

  g_array_set_clear_func (words, (GDestroyNotify) aword_clear);
  u = g_new (UChar, (end - start) + 1);
  offset = g_new (gsize, (end - start) + 2);
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      offset[n16] = p - text;
      if (c > 0xFFFF)
        {
          u[n16++] = (UChar) (0xD7C0 + (c >> 10));
          offset[n16] = p - text;
          u[n16++] = (UChar) (0xDC00 | (c & 0x3FF));
        }
      else
        u[n16++] = (UChar) c;
    }
  offset[n16] = end;
  bi = ubrk_open (UBRK_WORD, "zh", u, n16, &status);
  if (U_FAILURE (status))
    return words;
  prev = ubrk_first (bi);
  while ((cur = ubrk_next (bi)) != UBRK_DONE)
    {
      int32_t tag = ubrk_getRuleStatus (bi);

      if (tag >= UBRK_WORD_NUMBER && tag < UBRK_WORD_IDEO_LIMIT)
        add_word (words, text, offset[prev], offset[cur], NULL);
      prev = cur;
    }
  ubrk_close (bi);
  return words;
}

/* "прошёл" as the dictionary spells it: "прошел". */
static char *
yo_to_ye (const char *word,
          gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (const char *p = word; p < word + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, c == 0x0451 ? 0x0435 : c == 0x0401 ? 0x0415 : c);
    }
  return g_string_free (out, FALSE);
}

/* Words with their lemmas (an inflecting language). */
static GArray *
lemma_words (TallyEventFinder *finder,
             const char       *text,
             gsize             start,
             gsize             end)
{
  GArray *words = g_array_new (FALSE, TRUE, sizeof (AWord));
  g_autoptr(GArray) split = tally_events_split_words (finder->words_lex, text, start, end);
  const char *dictionary = tally_lexicon_dictionary (finder->words_lex);

  g_array_set_clear_func (words, (GDestroyNotify) aword_clear);
  for (guint i = 0; i < split->len; i++)
    {
      const Word *w = WORD (split, i);
      g_autofree char *plain = yo_to_ye (text + w->start, w->end - w->start);
      char *lemma = dictionary != NULL && !w->digit ? tally_dictionary_lemma (dictionary, plain, strlen (plain)) : NULL;
      AWord *added;

      add_word (words, text, w->start, w->end, lemma);
      added = AW (words, words->len - 1);
      added->verb = lemma != NULL ? tally_lexicon_lemma_is_verb (finder->words_lex, lemma)
                                  : tally_lexicon_word_is_verb_form (finder->words_lex, added->key);
      if (!added->verb && !added->cap)
        {
          GHashTableIter it;
          gpointer ending;

          g_hash_table_iter_init (&it, finder->lex->verb_endings);
          while (!added->verb && g_hash_table_iter_next (&it, &ending, NULL))
            added->verb = g_str_has_suffix (plain, ending) && strlen (plain) > strlen (ending) + 2;
        }
    }
  return words;
}

static GArray *
sentence_words (TallyEventFinder *finder,
                const char       *text,
                gsize             start,
                gsize             end)
{
  if (finder->lex->segmented)
    return segment_words (text, start, end);
  return lemma_words (finder, text, start, end);
}

/* The gazetteer subject of words[i..i+n) (a lemma read in the nominative:
 * "Москву" → "Москва"), or NULL. */
static const char *
name_subject (const TallyGazetteer *gaz,
              GArray               *words,
              guint                 i,
              guint                 n,
              gboolean              lemmas,
              GPtrArray            *endings)
{
  g_autoptr(GString) name = NULL;
  g_autoptr(GString) lemma = NULL;
  const char *subject;

  if (gaz == NULL || i + n > words->len)
    return NULL;
  /* Most runs are not all capitals: say so before building anything. */
  for (guint k = i; k < i + n; k++)
    if (!AW (words, k)->cap || (k > i && AW (words, k)->clause))
      return NULL;
  name = g_string_new (NULL);
  lemma = g_string_new (NULL);
  for (guint k = i; k < i + n; k++)
    {
      const AWord *w = AW (words, k);

      if (k > i)
        {
          g_string_append_c (name, ' ');
          g_string_append_c (lemma, ' ');
        }
      g_string_append (name, w->surface);
      /* The lemma capitalised as the name is written. */
      if (lemmas && w->key != NULL)
        {
          gunichar first = g_unichar_toupper (g_utf8_get_char (w->key));

          g_string_append_unichar (lemma, first);
          g_string_append (lemma, g_utf8_next_char (w->key));
        }
      else
        g_string_append (lemma, w->surface);
    }
  subject = tally_gazetteer_lookup (gaz, name->str, name->len, NULL);
  if (subject == NULL && lemmas)
    subject = tally_gazetteer_lookup (gaz, lemma->str, lemma->len, NULL);
  /* A name the dictionary does not know, in another case: its ending
   * replaced by the nominative's ("Казахстана" → "Казахстан"). */
  for (guint e = 0; subject == NULL && endings != NULL && e < endings->len; e++)
    {
      char **rule = g_ptr_array_index (endings, e);

      if (!g_str_has_suffix (name->str, rule[0]))
        continue;
      for (guint k = 1; subject == NULL && rule[k] != NULL; k++)
        {
          g_autoptr(GString) form = g_string_new_len (name->str, name->len - strlen (rule[0]));

          g_string_append (form, rule[k]);
          subject = tally_gazetteer_lookup (gaz, form->str, form->len, NULL);
        }
    }
  return subject;
}

/* The place of the act at word `act`: a name the gazetteer knows after a
 * place word ("в Москву", "抵达莫斯科") in its clause, after the act first;
 * else capitalised words after a place word ("в Большом Кремлевском
 * дворце"). Sets *place (as written) and *place_id (the subject). */
static void
find_place (TallyEventFinder *finder,
            const char       *text,
            GArray           *words,
            guint             clause_start,
            guint             clause_end,
            guint             act,
            char            **place,
            char            **place_id)
{
  const EventLexicon *lex = finder->lex;
  const TallyGazetteer *gaz = tally_gazetteer_get (finder->language);
  guint order[2][2] = { { act, clause_end }, { clause_start, act } };

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = order[pass][0]; i < order[pass][1]; i++)
      {
        const AWord *w = AW (words, i);

        if (!g_hash_table_contains (lex->place_preps, w->key) && !g_hash_table_contains (lex->place_preps, w->surface))
          continue;
        if (lex->segmented)
          {
            /* A name right after the place word, ending on a word boundary. */
            const char *subject = NULL;
            TallySubjectKind kind;
            gsize n, stop = AW (words, clause_end - 1)->end;

            if (i + 1 >= clause_end || gaz == NULL)
              continue;
            n = tally_gazetteer_match_prefix (gaz, text + AW (words, i + 1)->start, stop - AW (words, i + 1)->start,
                                              &subject, &kind);
            for (guint k = i + 1; n > 0 && k < clause_end; k++)
              if (AW (words, k)->end == AW (words, i + 1)->start + n)
                {
                  *place = g_strndup (text + AW (words, i + 1)->start, n);
                  *place_id = g_strdup (subject);
                  return;
                }
            continue;
          }
        for (guint n = 3; n >= 1; n--)
          {
            const char *subject = name_subject (gaz, words, i + 1, n, lex->lemmas, lex->name_endings);

            if (subject != NULL && i + n < clause_end)
              {
                *place = g_strndup (text + AW (words, i + 1)->start, AW (words, i + n)->end - AW (words, i + 1)->start);
                *place_id = g_strdup (subject);
                return;
              }
          }
      }
  if (lex->segmented)
    return;
  /* No known name: capitalised words after a place word, and the noun they
   * qualify ("в Большом Кремлевском дворце"). */
  for (guint i = act + 1; i + 1 < clause_end; i++)
    {
      guint k = i + 1;

      if (!g_hash_table_contains (lex->place_preps, AW (words, i)->key) || !AW (words, k)->cap)
        continue;
      while (k + 1 < clause_end && AW (words, k + 1)->cap && !AW (words, k + 1)->verb)
        k++;
      if (k + 1 < clause_end && !AW (words, k + 1)->cap && !AW (words, k + 1)->verb
          && !AW (words, k + 1)->digit && !AW (words, k + 1)->clause && k - i < 3)
        k++;
      *place = g_strndup (text + AW (words, i + 1)->start, AW (words, k)->end - AW (words, i + 1)->start);
      return;
    }
}

/* "третий саммит", "третьего российско-китайского форума", "第三届…峰会":
 * the [ordinal] before a noun act in its clause (Russian: the lemma of one
 * of the three words before it; Chinese: an ordinal written anywhere in the
 * clause before it). 0 when none. */
static int
act_ordinal (TallyEventFinder *finder,
             const char       *text,
             GArray           *words,
             guint             clause_start,
             guint             act)
{
  const EventLexicon *lex = finder->lex;

  if (lex->segmented)
    {
      gsize from = AW (words, clause_start)->start, to = AW (words, act)->start;
      GHashTableIter iter;
      gpointer key, value;
      int found = 0;
      gsize found_at = 0;

      g_hash_table_iter_init (&iter, lex->ordinals);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *at = g_strstr_len (text + from, to - from, key);

          /* the one nearest the act */
          if (at != NULL && (found == 0 || (gsize) (at - text) > found_at))
            {
              found = GPOINTER_TO_INT (value);
              found_at = at - text;
            }
        }
      return found;
    }
  for (guint k = act, steps = 0; k > clause_start && steps < 3; k--, steps++)
    {
      int n = GPOINTER_TO_INT (g_hash_table_lookup (lex->ordinals, AW (words, k - 1)->key));

      if (n > 0)
        return n;
    }
  return 0;
}

static void
append_word (GString     *label,
             const AWord *w,
             gboolean     segmented)
{
  if (label->len > 0 && !segmented)
    g_string_append_c (label, ' ');
  g_string_append (label, w->surface);
}

/* How many words of a complement or a subject to keep: stop before a word
 * a label never ends on. */
static guint
trim_end (const EventLexicon *lex,
          GArray             *words,
          guint               from,
          guint               to)
{
  while (to > from && g_hash_table_contains (lex->label_end_not, AW (words, to - 1)->key))
    to--;
  return to;
}

/* The words after the act that its label keeps: up to the clause's end, a
 * date, a verb (for a noun), a word that starts another clause ("который"),
 * at most five. */
static guint
complement_end (const EventLexicon *lex,
                GArray             *words,
                guint               after,
                guint               clause_end,
                gboolean            noun)
{
  guint k = after;

  while (k < clause_end && k - after < 5)
    {
      const AWord *w = AW (words, k);

      /* A verb's object may be an act ("подписали соглашение"); a noun's
       * complement ends before another act. */
      if (w->date || w->digit || (noun && w->verb) || g_hash_table_contains (lex->of_label_stops, w->key)
          || (noun && g_hash_table_contains (lex->acts, w->key)) || g_hash_table_contains (lex->label_skip, w->key))
        break;
      k++;
    }
  return trim_end (lex, words, after, k);
}

/* The label of the act at words[act..act_end): the source's words. */
static char *
make_label (TallyEventFinder *finder,
            GArray           *words,
            guint             clause_start,
            guint             clause_end,
            guint             act,
            guint             act_end,
            gboolean          noun)
{
  const EventLexicon *lex = finder->lex;
  g_autoptr(GString) label = g_string_new (NULL);
  guint from = act, to;

  if (lex->segmented)
    {
      /* The clause up to the act, less its time words and dates: "习近平乘
       * 专机抵达莫斯科". A verb keeps what follows it in its clause. */
      from = clause_start;
      while (from < act && (AW (words, from)->date || AW (words, from)->digit
                            || g_hash_table_contains (lex->label_skip, AW (words, from)->key)))
        from++;
      to = noun ? act_end : complement_end (lex, words, act_end, clause_end, FALSE);
      to = MAX (to, act_end);
      for (guint k = from; k < to; k++)
        if (!AW (words, k)->date)
          append_word (label, AW (words, k), TRUE);
      /* A long clause: its last words, whole. */
      while (g_utf8_strlen (label->str, -1) > 24 && from < act)
        {
          from++;
          g_string_truncate (label, 0);
          for (guint k = from; k < to; k++)
            if (!AW (words, k)->date)
              append_word (label, AW (words, k), TRUE);
        }
      return g_string_free (g_steal_pointer (&label), FALSE);
    }

  if (!noun)
    {
      /* The subject: names right before the verb ("Путин и Си Цзиньпин"),
       * over a date between them ("Си Цзиньпин 20 марта прибыл"). */
      guint k = act;

      while (k > clause_start)
        {
          const AWord *w = AW (words, k - 1);

          if (w->date || w->digit)
            {
              k--;
              continue;
            }
          if (!w->cap && !g_hash_table_contains (lex->subject_joins, w->key))
            break;
          k--;
          if (w->clause && k == clause_start)
            break;
        }
      while (k < act && (AW (words, k)->date || AW (words, k)->digit
                         || g_hash_table_contains (lex->subject_joins, AW (words, k)->key)))
        k++;
      from = k;
    }
  for (guint k = from; k < act; k++)
    if (!AW (words, k)->date && !AW (words, k)->digit)
      append_word (label, AW (words, k), FALSE);
  /* A noun in an oblique case is named by its lemma ("на переговорах" →
   * "переговоры"); one as written keeps its words. */
  g_autofree char *head = g_utf8_strdown (AW (words, act_end - 1)->surface, -1);

  if (noun && g_strcmp0 (AW (words, act_end - 1)->key, head) != 0)
    append_word (label, &(AWord) { .surface = AW (words, act_end - 1)->key }, FALSE);
  else
    for (guint k = act; k < act_end; k++)
      append_word (label, AW (words, k), FALSE);
  to = complement_end (lex, words, act_end, clause_end, noun);
  for (guint k = act_end; k < to; k++)
    append_word (label, AW (words, k), FALSE);
  /* A noun with nothing after it is named by its place, if its clause
   * says one: "Саммит в Сиане". */
  if (noun && to == act_end)
    for (guint k = act_end; k + 1 < clause_end; k++)
      {
        guint e = k + 1;

        if (!g_hash_table_contains (lex->place_preps, AW (words, k)->key) || !AW (words, e)->cap)
          continue;
        while (e + 1 < clause_end && e - k < 3 && AW (words, e + 1)->cap)
          e++;
        for (guint j = k; j <= e; j++)
          append_word (label, AW (words, j), FALSE);
        break;
      }
  /* A label starts with a capital, as a name does. */
  if (label->len > 0)
    {
      gunichar first = g_utf8_get_char (label->str);
      g_autofree char *rest = g_strdup (g_utf8_next_char (label->str));

      g_string_truncate (label, 0);
      g_string_append_unichar (label, g_unichar_toupper (first));
      g_string_append (label, rest);
    }
  return g_string_free (g_steal_pointer (&label), FALSE);
}

/* Full-width sentence marks end a sentence in text without spaces between
 * sentences (Chinese paragraphs are one line). */
static gboolean
next_cjk_sentence (const char *text,
                   gsize       end,
                   gsize      *pos,
                   gsize      *s_start,
                   gsize      *s_end)
{
  const char *p = text + *pos;

  while (p < text + end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
    p++;
  if (p >= text + end)
    return FALSE;
  *s_start = p - text;
  while (p < text + end)
    {
      gunichar c = g_utf8_get_char (p);

      p = g_utf8_next_char (p);
      if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B)
        break;
    }
  *s_end = MIN ((gsize) (p - text), end);
  *pos = *s_end;
  return TRUE;
}

typedef struct
{
  DateSpan span;
  guint first_word;
  guint last_word;
} ActDate;

static void
act_dates_free (GArray *dates)
{
  for (guint i = 0; i < dates->len; i++)
    tally_events_date_span_clear (&g_array_index (dates, ActDate, i).span);
  g_array_unref (dates);
}

static void
add_date (GArray *dates,
          GArray *words,
          gsize   start,
          gsize   end,
          guint32 first,
          guint32 last)
{
  ActDate d = { 0 };

  d.span.start = start;
  d.span.end = end;
  d.span.first = first;
  d.span.last = last;
  d.span.date = tally_events_iso_from_julian (first);
  if (last != first)
    d.span.date_end = tally_events_iso_from_julian (last);
  d.span.grain = GRAIN_DAY;
  d.first_word = G_MAXUINT;
  for (guint i = 0; i < words->len; i++)
    if (AW (words, i)->start >= start && AW (words, i)->end <= end)
      {
        AW (words, i)->date = TRUE;
        d.first_word = MIN (d.first_word, i);
        d.last_word = i;
      }
  g_array_append_val (dates, d);
}

/* The sentence's dates: the claim reader's ("20 марта 2023 года",
 * "3月20日至22日"), widened by "с 20 по …"; a day of the month alone ("20
 * 日") and relative days ("сегодня", "当天") read here. *last_day carries
 * the last day the document named. */
static GArray *
act_dates (TallyEventFinder *finder,
           const char       *text,
           GArray           *words,
           GPtrArray        *claims,
           guint            *claim_pos,
           gsize             s_start,
           gsize             s_end,
           guint32           published,
           guint32          *last_day)
{
  const EventLexicon *lex = finder->lex;
  GArray *dates = g_array_new (FALSE, TRUE, sizeof (ActDate));

  while (*claim_pos < claims->len && ((TallyClaimRecord *) g_ptr_array_index (claims, *claim_pos))->start < s_start)
    (*claim_pos)++;
  for (guint c = *claim_pos; c < claims->len; c++)
    {
      const TallyClaimRecord *claim = g_ptr_array_index (claims, c);
      DateSpan d = { 0 };

      if (claim->start >= s_end)
        break;
      if ((claim->kind != TALLY_CLAIM_KIND_DATE && claim->kind != TALLY_CLAIM_KIND_YEAR) || claim->value_text == NULL
          || !tally_events_date_span_set (&d, claim->value_text, claim->value_max_text))
        continue;
      {
        ActDate a = { 0 };
        guint before = G_MAXUINT;

        a.span = d;
        a.span.start = claim->start;
        a.span.end = claim->end;
        a.first_word = G_MAXUINT;
        for (guint i = 0; i < words->len; i++)
          {
            if (AW (words, i)->end <= claim->start)
              before = i;
            if (AW (words, i)->start >= claim->start && AW (words, i)->end <= claim->end)
              {
                AW (words, i)->date = TRUE;
                a.first_word = MIN (a.first_word, i);
                a.last_word = i;
              }
          }
        /* "с 20 по 22 марта": the range starts on the 20th. */
        if (d.grain == GRAIN_DAY && d.date_end == NULL && before != G_MAXUINT && before >= 2
            && g_hash_table_contains (lex->range_to, AW (words, before)->key) && AW (words, before - 1)->digit
            && g_hash_table_contains (lex->range_from, AW (words, before - 2)->key))
          {
            int day = atoi (AW (words, before - 1)->surface);
            GDate date;

            g_date_clear (&date, 1);
            g_date_set_julian (&date, d.first);
            if (day >= 1 && day < g_date_get_day (&date))
              {
                guint32 first = d.first - (g_date_get_day (&date) - day);

                a.span.first = first;
                a.span.date_end = a.span.date;
                a.span.date = tally_events_iso_from_julian (first);
                a.span.start = AW (words, before - 2)->start;
                for (guint i = before - 2; i < before; i++)
                  AW (words, i)->date = TRUE;
                a.first_word = before - 2;
              }
          }
        if (a.span.grain == GRAIN_DAY)
          *last_day = a.span.last;
        g_array_append_val (dates, a);
      }
    }

  /* "4 марта 2024 года": the word after the date is the date's. */
  for (guint i = 1; i < words->len; i++)
    if (AW (words, i - 1)->date && !AW (words, i)->date
        && (g_hash_table_contains (lex->date_tail, AW (words, i)->key) || g_hash_table_contains (lex->date_tail, AW (words, i)->surface)))
      AW (words, i)->date = TRUE;

  for (guint i = 0; i < words->len; i++)
    {
      AWord *w = AW (words, i);
      int rel = GPOINTER_TO_INT (g_hash_table_lookup (lex->relative_days, w->key));

      if (w->date)
        continue;
      /* "20日" (one word or two) with no month before it. */
      if (w->digit && lex->day_suffix != NULL && published != 0 && (i == 0 || strcmp (AW (words, i - 1)->key, "月") != 0))
        {
          const char *rest = w->surface + strspn (w->surface, "0123456789");
          gboolean joined = strcmp (rest, lex->day_suffix) == 0;
          gboolean next = *rest == '\0' && i + 1 < words->len && strcmp (AW (words, i + 1)->key, lex->day_suffix) == 0
                          && AW (words, i + 1)->start == w->end;
          int day = atoi (w->surface);

          if ((joined || next) && day >= 1 && day <= 31)
            {
              GDate pub, date;
              int y, m;

              g_date_clear (&pub, 1);
              g_date_set_julian (&pub, published);
              y = g_date_get_year (&pub);
              m = g_date_get_month (&pub);
              /* A day well after publication is last month's. */
              if (day > (int) g_date_get_day (&pub) + 1)
                {
                  m = m == 1 ? 12 : m - 1;
                  y = m == 12 ? y - 1 : y;
                }
              if (g_date_valid_dmy (day, m, y))
                {
                  g_date_clear (&date, 1);
                  g_date_set_dmy (&date, day, m, y);
                  add_date (dates, words, w->start, next ? AW (words, i + 1)->end : w->end,
                            g_date_get_julian (&date), g_date_get_julian (&date));
                  *last_day = g_date_get_julian (&date);
                }
              continue;
            }
        }
      if (rel == 1 && *last_day != 0)
        add_date (dates, words, w->start, w->end, *last_day, *last_day);
      else if (rel >= 600 && published != 0)
        {
          guint32 day = published + rel - 1000;

          add_date (dates, words, w->start, w->end, day, day);
          *last_day = day;
        }
    }
  return dates;
}

guint
tally_events_find_acts (TallyEventFinder *finder,
                        guint             doc_index,
                        const char       *text,
                        gsize             p_start,
                        gsize             p_end,
                        GPtrArray        *claims,
                        guint            *claim_pos,
                        guint32          *last_day)
{
  const EventLexicon *lex = finder->lex;
  Document *doc = g_ptr_array_index (finder->documents, doc_index);
  gsize pos = p_start, s_start, s_end;
  guint count = 0;

  while (pos < p_end)
    {
      g_autoptr(GArray) words = NULL;
      GArray *dates;
      guint seen_kinds = 0, seen_clause = 0;

      if (lex->segmented)
        {
          if (!next_cjk_sentence (text, p_end, &pos, &s_start, &s_end))
            break;
        }
      else
        {
          s_start = p_start;
          s_end = pos = p_end;
        }
      if (s_end - s_start > MAX_SENTENCE)
        continue;
      words = sentence_words (finder, text, s_start, s_end);
      if (words->len == 0)
        continue;
      dates = act_dates (finder, text, words, claims, claim_pos, s_start, s_end, doc->published, last_day);
      for (guint i = 0; i < words->len; i++)
        {
          g_autofree char *value = NULL;
          g_auto(GStrv) parts = NULL;
          guint n, clause_start, clause_end;
          Mention *m;
          TallyEventKind kind;
          const ActDate *best = NULL;
          gsize best_distance = G_MAXSIZE;

          /* The longest key that starts here. */
          for (n = MIN (lex->act_words, words->len - i); n >= 1; n--)
            {
              g_autoptr(GString) key = g_string_new (NULL);

              for (guint k = i; k < i + n; k++)
                {
                  if (k > i && !lex->segmented)
                    g_string_append_c (key, ' ');
                  g_string_append (key, AW (words, k)->key);
                }
              value = g_strdup (g_hash_table_lookup (lex->acts, key->str));
              if (value != NULL)
                break;
            }
          if (value == NULL)
            continue;
          parts = g_strsplit (value, "|", 2);
          for (clause_start = i; clause_start > 0 && !AW (words, clause_start)->clause; clause_start--)
            ;
          /* One act of a kind per clause ("прибыл с государственным
           * визитом"). */
          if (clause_start != seen_clause)
            seen_kinds = 0;
          seen_clause = clause_start;
          if (!tally_event_kind_from_string (parts[0], &kind) || (seen_kinds & (1u << kind)))
            {
              i += n - 1;
              continue;
            }
          seen_kinds |= 1u << kind;
          for (clause_end = i + n; clause_end < words->len && !AW (words, clause_end)->clause; clause_end++)
            ;

          m = g_new0 (Mention, 1);
          m->doc = doc_index;
          m->kind = kind;
          m->language = finder->language;
          m->verb = strcmp (parts[1], "verb") == 0;
          m->start = AW (words, i)->start;
          m->end = AW (words, i + n - 1)->end;
          m->sentence_start = s_start;
          m->sentence_end = s_end;
          m->sentence = slice (text, s_start, s_end);
          find_place (finder, text, words, clause_start, clause_end, i, &m->place, &m->place_id);
          if (!m->verb)
            m->ordinal = act_ordinal (finder, text, words, clause_start, i);
          m->of_label = make_label (finder, words, clause_start, clause_end, i, i + n, !m->verb);
          /* The nearest date in the act's clause, or in a clause of its
           * own before it ("当地时间20日下午,习近平…抵达"); a date in
           * another clause dates something else ("в 2025 году составил …,
           * чем во время второго саммита"). */
          for (guint d = 0; d < dates->len; d++)
            {
              const ActDate *a = &g_array_index (dates, ActDate, d);
              gsize distance = a->span.end <= m->start ? m->start - a->span.end
                               : a->span.start >= m->end ? a->span.start - m->end : 0;

              if (a->first_word == G_MAXUINT)
                continue;
              if (a->first_word < clause_start || a->first_word >= clause_end)
                {
                  guint cs = a->first_word, ce = a->first_word + 1;
                  gboolean time_only = TRUE;

                  while (cs > 0 && !AW (words, cs)->clause)
                    cs--;
                  while (ce < words->len && !AW (words, ce)->clause)
                    ce++;
                  for (guint k = cs; k < ce && time_only; k++)
                    time_only = AW (words, k)->date || AW (words, k)->digit
                                || g_hash_table_contains (lex->label_skip, AW (words, k)->key);
                  if (!time_only || ce > clause_start)
                    continue;
                }
              if (distance < best_distance)
                {
                  best = a;
                  best_distance = distance;
                }
            }
          if (best != NULL)
            {
              m->date = g_new0 (DateSpan, 1);
              tally_events_date_span_set (m->date, best->span.date, best->span.date_end);
              m->date->start = best->span.start;
              m->date->end = best->span.end;
            }
          for (guint k = clause_start; k < clause_end; k++)
            {
              const AWord *w = AW (words, k);

              for (guint f = 0; f < lex->future->len; f++)
                {
                  char **phrase = g_ptr_array_index (lex->future, f);

                  if (phrase[1] == NULL && (strcmp (phrase[0], w->surface) == 0 || strcmp (phrase[0], w->key) == 0
                                            || (lex->segmented && g_str_has_prefix (w->surface, phrase[0]))))
                    m->future = TRUE;
                }
            }
          /* Nothing but the act's own word says which event it is. */
          m->weak = m->place == NULL && (m->of_label == NULL || g_utf8_strlen (m->of_label, -1) <= g_utf8_strlen (AW (words, i)->surface, -1) + 1);
          g_debug ("act “%s” (%s) %s, place %s", m->of_label, parts[0], m->date ? m->date->date : "undated",
                   m->place_id ? m->place_id : m->place ? m->place : "-");
          if ((m->verb && m->date == NULL) || m->date == NULL)
            {
              tally_events_mention_free (m);
              i += n - 1;
              continue;
            }
          if (finder->excluded != NULL && g_hash_table_size (finder->excluded) > 0)
            {
              g_autofree char *mkey = tally_event_mention_key (doc->id, s_start, s_end);

              if (g_hash_table_contains (finder->excluded, mkey))
                {
                  tally_events_mention_free (m);
                  i += n - 1;
                  continue;
                }
            }
          g_ptr_array_add (finder->mentions, m);
          count++;
          i += n - 1;
        }
      act_dates_free (dates);
    }
  return count;
}

/* The gazetteer subjects a text names (countries, cities): the words of a
 * document's title and lead, for merging across languages. */
GPtrArray *
tally_events_text_subjects (const char         *language,
                            const EventLexicon *lex,
                            const char         *text,
                            gsize               len)
{
  GPtrArray *subjects = g_ptr_array_new ();
  const TallyGazetteer *gaz = tally_gazetteer_get (language);
  g_autoptr(GArray) words = NULL;

  if (gaz == NULL || text == NULL || len == 0)
    return subjects;
  if (lex != NULL && lex->segmented)
    {
      for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
        {
          const char *subject = NULL;
          TallySubjectKind kind;
          gsize n = tally_gazetteer_match_prefix (gaz, p, text + len - p, &subject, &kind);

          if (n > 0 && subject != NULL)
            {
              if (!g_ptr_array_find_with_equal_func (subjects, subject, g_str_equal, NULL))
                g_ptr_array_add (subjects, (gpointer) subject);
              p += n - 1;
              while (p > text && (*p & 0xC0) == 0x80)
                p--;
            }
        }
      return subjects;
    }
  {
    const TallyLexicon *words_lex = tally_lexicon_get (tally_lexicon_language_for (language), NULL);
    g_autoptr(GArray) split = tally_events_split_words (words_lex, text, 0, len);
    const char *dictionary = lex != NULL && lex->lemmas ? tally_lexicon_dictionary (words_lex) : NULL;

    words = g_array_new (FALSE, TRUE, sizeof (AWord));
    g_array_set_clear_func (words, (GDestroyNotify) aword_clear);
    for (guint i = 0; i < split->len; i++)
      {
        const Word *w = WORD (split, i);
        AWord aw = { 0 };

        /* Only runs of capitalised words can name a place: a word in lower
         * case is kept as its offsets alone (nothing below reads more). */
        if (!g_unichar_isupper (g_utf8_get_char (text + w->start)))
          {
            aw.start = w->start;
            aw.end = w->end;
            g_array_append_val (words, aw);
            continue;
          }
        /* A capitalised word: as add_word() would keep it, less the folded
         * key where no lemma is read (name_subject() reads it only then). */
        aw.start = w->start;
        aw.end = w->end;
        aw.surface = g_strndup (text + w->start, w->end - w->start);
        if (dictionary != NULL)
          {
            aw.key = tally_dictionary_lemma (dictionary, text + w->start, w->end - w->start);
            if (aw.key == NULL)
              aw.key = g_utf8_strdown (aw.surface, -1);
          }
        aw.cap = TRUE;
        aw.digit = g_ascii_isdigit (aw.surface[0]);
        aw.clause = words->len == 0 || punct_between (text, AW (words, words->len - 1)->end, w->start);
        g_array_append_val (words, aw);
      }
    for (guint i = 0; i < words->len; i++)
      for (guint n = 3; n >= 1; n--)
        {
          const char *subject = AW (words, i)->cap ? name_subject (gaz, words, i, n, dictionary != NULL, lex != NULL ? lex->name_endings : NULL) : NULL;

          if (subject != NULL)
            {
              if (!g_ptr_array_find_with_equal_func (subjects, subject, g_str_equal, NULL))
                g_ptr_array_add (subjects, (gpointer) subject);
              i += n - 1;
              break;
            }
        }
  }
  return subjects;
}

/* The gazetteer subject of a place as a mention wrote it ("Moscow"), or
 * NULL. */
const char *
tally_events_place_subject (const char *language,
                            const char *place)
{
  const TallyGazetteer *gaz = tally_gazetteer_get (language);

  if (gaz == NULL || place == NULL)
    return NULL;
  return tally_gazetteer_lookup (gaz, place, strlen (place), NULL);
}
