/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "tally-corrections.h"

/* What corrections cost at scale: 300,000 claims (10,000 documents × 30)
 * grouped as they are, then with 1,000 stored corrections (400 edits, 300
 * not-a-claim, 200 splits, 50 merges, 50 renames). Prints the time to load
 * the rows, to apply them, and to group with them against plain grouping. */

#define N_DOCUMENTS 10000
#define CLAIMS_PER_DOCUMENT 30
#define N_MEASURES 2000

static const char text[] = "Officials said 1234 things were counted at the summit.";

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autoptr(TallyCorrections) corrections = NULL;
  g_autoptr(TallyCorrections) reloaded = NULL;
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) plain = NULL;
  g_autoptr(GListModel) corrected = NULL;
  g_autoptr(GPtrArray) applied = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GRand *rand = g_rand_new_with_seed (20260617);
  gint64 start;
  double t_plain, t_load, t_apply, t_group, t_record;

  if (project == NULL)
    {
      g_printerr ("bench-corrections: %s\n", error->message);
      return 1;
    }
  for (guint d = 0; d < N_DOCUMENTS; d++)
    for (guint c = 0; c < CLAIMS_PER_DOCUMENT; c++)
      {
        g_autoptr(TallyClaimRecord) record = tally_claim_record_new ();
        guint thing = g_rand_int_range (rand, 0, N_MEASURES);

        record->kind = TALLY_CLAIM_KIND_COUNT;
        record->has_value = TRUE;
        record->value = 100 + thing % 50 + (g_rand_int_range (rand, 0, 8) == 0);
        record->measure = g_strdup_printf ("thing%u widget", thing);
        /* Offsets as if each claim stood at its own place in the text. */
        record->start = c * 100;
        record->end = c * 100 + 4;
        g_ptr_array_add (claims, tally_claim_new (tally_document_id_from_int64 (d + 1), record, text, sizeof text - 1));
      }

  start = g_get_monotonic_time ();
  plain = tally_fact_list_new (claims, NULL, NULL);
  t_plain = seconds_since (start);
  for (guint i = 0; i < g_list_model_get_n_items (plain); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (plain, i);

      g_ptr_array_add (keys, g_strdup (tally_fact_get_key (fact)));
    }

  corrections = tally_corrections_new (project, NULL, &error);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 1000; i++)
    {
      TallyClaim *claim = g_ptr_array_index (claims, g_rand_int_range (rand, 0, claims->len));
      gboolean ok;

      if (i < 400)
        ok = tally_corrections_edit_claim (corrections, claim, "150", NULL, "approx", NULL, &error);
      else if (i < 700)
        ok = tally_corrections_set_not_claim (corrections, claim, &error);
      else if (i < 900)
        ok = tally_corrections_split_claim (corrections, claim, &error);
      else if (i < 950)
        ok = tally_corrections_merge_facts (corrections, keys->pdata[i - 900], keys->pdata[i - 850], &error);
      else
        {
          g_autofree char *label = g_strdup_printf ("Renamed fact %u", i);

          ok = tally_corrections_rename_fact (corrections, keys->pdata[i - 950], label, &error);
        }
      if (!ok)
        {
          g_printerr ("bench-corrections: %s\n", error->message);
          return 1;
        }
    }
  t_record = seconds_since (start);

  start = g_get_monotonic_time ();
  reloaded = tally_corrections_new (project, NULL, &error);
  t_load = seconds_since (start);
  start = g_get_monotonic_time ();
  applied = tally_corrections_apply (reloaded, claims);
  t_apply = seconds_since (start);
  start = g_get_monotonic_time ();
  corrected = tally_corrections_group (reloaded, claims, NULL, NULL);
  t_group = seconds_since (start);

  printf ("claims: %u, facts: %u plain, %u corrected; active correction rows: %u\n", claims->len,
          g_list_model_get_n_items (plain), g_list_model_get_n_items (corrected),
          tally_corrections_get_n_active (reloaded));
  printf ("record 1,000 corrections: %.3f s (%.2f ms each, one row + undo step)\n", t_record, t_record);
  printf ("load rows on open: %.4f s\n", t_load);
  printf ("apply to 300,000 claims: %.3f s (%u left)\n", t_apply, applied->len);
  printf ("group plain: %.3f s; group with corrections (merges group twice): %.3f s\n", t_plain, t_group);
  g_rand_free (rand);
  tally_project_discard (g_steal_pointer (&project));
  return 0;
}
