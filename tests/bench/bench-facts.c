/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "tally-facts.h"

/* Fact grouping at scale: 10,000 synthetic documents with 30 claims each
 * (300,000 claims) about 20,000 things measured, with synonyms, modifiers,
 * scope years, qualifiers and disagreeing sources. Prints the grouping time
 * and the peak resident memory (targets: < 2 s, < 300 MB). */

#define N_DOCUMENTS 10000
#define CLAIMS_PER_DOCUMENT 30
#define N_THINGS 20000

static const char *heads[] = {
  "agreement", "corridor", "port", "terminal", "berth", "hub", "train", "ferry", "crossing", "country",
  "company", "investor", "project", "loan", "route", "student", "visitor", "job", "ship", "container",
  "school", "hospital", "road", "bridge", "plant", "farm", "mine", "well", "pipeline", "station",
  "airport", "flight", "tourist", "worker", "factory", "warehouse", "truck", "wagon", "platform", "center",
};
static const char *modifiers[] = {
  "", "cooperation", "new", "rail", "logistics", "trade", "cargo", "regional", "private", "public",
  "transit", "energy", "freight", "passenger", "customs", "digital", "green", "coastal", "border", "state",
  "foreign", "local", "joint", "national", "small", "large", "industrial", "modern", "direct", "container",
  "river", "sea", "air", "road", "solar", "wind", "gas", "oil", "grain", "steel",
};
static const struct { TallyClaimKind kind; const char *unit; } kinds[] = {
  { TALLY_CLAIM_KIND_COUNT, NULL }, { TALLY_CLAIM_KIND_MONEY, "USD" }, { TALLY_CLAIM_KIND_PERCENT, "%" },
  { TALLY_CLAIM_KIND_NUMBER, "km" }, { TALLY_CLAIM_KIND_YEAR, NULL },
};

static gsize
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gsize) usage.ru_maxrss;
}

int
main (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) inputs = g_array_sized_new (FALSE, TRUE, sizeof (TallyFactInput),
                                                N_DOCUMENTS * CLAIMS_PER_DOCUMENT);
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) facts = NULL;
  GRand *rand = g_rand_new_with_seed (20260617);
  const char *sentence = "Officials said the figures were signed off after the summit.";
  guint counts[5] = { 0 };
  gint64 start, end;
  struct timespec cpu_start, cpu_end;
  gsize rss_before;

  /* 40 heads × 40 modifiers = 1,600 measures, plus plural and spelling variants. */
  for (guint h = 0; h < G_N_ELEMENTS (heads); h++)
    for (guint m = 0; m < G_N_ELEMENTS (modifiers); m++)
      g_ptr_array_add (measures, modifiers[m][0] ? g_strdup_printf ("%s %s", modifiers[m], heads[h])
                                                 : g_strdup (heads[h]));

  for (guint d = 0; d < N_DOCUMENTS; d++)
    {
      char *document_id = g_strdup_printf ("d%u", d + 1);

      g_ptr_array_add (strings, document_id);
      for (guint c = 0; c < CLAIMS_PER_DOCUMENT; c++)
        {
          TallyClaimRecord *record = tally_claim_record_new ();
          TallyFactInput input = { 0 };
          guint thing = g_rand_int_range (rand, 0, N_THINGS);
          guint kind = (thing / 1600) % G_N_ELEMENTS (kinds);
          double truth = 10 + (thing * 7919) % 990;
          gboolean disputed = thing % 5 == 0;
          int noise = g_rand_int_range (rand, 0, 10);

          record->kind = kinds[kind].kind;
          record->unit = g_strdup (kinds[kind].unit);
          record->measure = g_strdup (g_ptr_array_index (measures, thing % measures->len));
          record->scope_year = thing / 8000 == 0 ? 0 : 2023 + (int) (thing / 8000);
          record->has_value = TRUE;
          /* Most sources agree; some round, some qualify, some disagree. */
          record->value = noise < 6 ? truth : noise < 8 ? truth + 0.4 : noise < 9 && disputed ? truth * 1.3 : truth;
          /* "nearly 18" where the others say 17 or 17.4. */
          if (noise == 9)
            {
              record->qualifier = TALLY_QUALIFIER_APPROX;
              record->value = truth + 1;
            }
          if (record->kind == TALLY_CLAIM_KIND_MONEY)
            record->value *= 1e9;
          if (record->kind == TALLY_CLAIM_KIND_YEAR)
            {
              record->value = 2000 + (thing % 25) + (noise == 8 && disputed ? 1 : 0);
              record->value_text = g_strdup_printf ("%d", (int) record->value);
              record->scope_year = 0;
              record->qualifier = TALLY_QUALIFIER_EXACT;
            }
          g_ptr_array_add (records, record);

          input.claim_id = NULL;
          input.document_id = document_id;
          input.record = record;
          input.text = noise == 9 ? "nearly" : NULL;
          input.sentence = sentence;
          g_array_append_val (inputs, input);
        }
    }

  rss_before = peak_rss_kb ();
  start = g_get_monotonic_time ();
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu_start);
  facts = tally_group_facts ((const TallyFactInput *) inputs->data, inputs->len);
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu_end);
  end = g_get_monotonic_time ();

  for (guint i = 0; i < facts->len; i++)
    counts[((TallyFactRecord *) g_ptr_array_index (facts, i))->status]++;
  printf ("facts: %u documents, %u claims → %u facts (%u conflict, %u qualified, %u rounding, %u agree, %u single)\n",
          N_DOCUMENTS, inputs->len, facts->len, counts[TALLY_FACT_STATUS_CONFLICT],
          counts[TALLY_FACT_STATUS_QUALIFIED], counts[TALLY_FACT_STATUS_ROUNDING], counts[TALLY_FACT_STATUS_AGREE],
          counts[TALLY_FACT_STATUS_SINGLE]);
  /* CPU time too: on a busy machine the wall clock says more about the neighbours. */
  printf ("facts: grouping took %.3f s wall, %.3f s CPU (target < 2 s)\n", (end - start) / 1e6,
          (cpu_end.tv_sec - cpu_start.tv_sec) + (cpu_end.tv_nsec - cpu_start.tv_nsec) / 1e9);
  printf ("facts: peak RSS %.1f MB (%.1f MB before grouping, inputs included; target < 300 MB)\n",
          peak_rss_kb () / 1024.0, rss_before / 1024.0);
  if (g_getenv ("BENCH_FACTS_SHOW") != NULL)
    for (guint i = 0; i < facts->len; i += facts->len / 12)
      {
        TallyFactRecord *fact = g_ptr_array_index (facts, i);

        printf ("  %s [%s] %s\n", fact->label, tally_fact_status_to_string (fact->status), fact->explanation);
      }
  g_rand_free (rand);
  return facts->len > 0 ? 0 : 1;
}
