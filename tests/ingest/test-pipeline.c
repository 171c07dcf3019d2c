/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>

#include "tally-pipeline.h"

/* The pipeline under the app's import and `tally-cli analyze --jobs`:
 * results come back in input order whatever order the workers finish in,
 * no more than the window is in flight, and freeing it early frees every
 * result not taken. */

typedef struct
{
  gint in_flight;
  gint max_in_flight;
  gint freed;
  gint prepared;
} Counters;

static Counters counters;

typedef struct
{
  guint index;
  char *item;
} Result;

static void
result_free (gpointer data)
{
  Result *result = data;

  g_atomic_int_inc (&counters.freed);
  g_free (result->item);
  g_free (result);
}

static gpointer
prepare (guint    index,
         gpointer item,
         gpointer user_data)
{
  Result *result = g_new0 (Result, 1);
  gint now = g_atomic_int_add (&counters.in_flight, 1) + 1;
  gint max;

  while (now > (max = g_atomic_int_get (&counters.max_in_flight))
         && !g_atomic_int_compare_and_exchange (&counters.max_in_flight, max, now))
    ;
  /* Later items often finish first. */
  g_usleep ((index * 7919) % 5 * 300);
  result->index = index;
  result->item = g_strdup (item);
  g_atomic_int_inc (&counters.prepared);
  g_atomic_int_add (&counters.in_flight, -1);
  return result;
}

static GPtrArray *
make_items (guint n)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_strdup_printf ("item %u", i));
  return items;
}

static void
test_order (gconstpointer data)
{
  guint jobs = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) items = make_items (300);
  g_autoptr(TallyPipeline) pipeline = NULL;
  guint index, expected = 0;
  Result *result;

  counters = (Counters) { 0 };
  pipeline = tally_pipeline_new (items, jobs, 8, prepare, result_free, NULL);
  g_assert_cmpuint (tally_pipeline_get_jobs (pipeline), ==, jobs);
  while (tally_pipeline_next (pipeline, &index, (gpointer *) &result))
    {
      g_assert_cmpuint (index, ==, expected);
      g_assert_cmpuint (result->index, ==, expected);
      g_assert_cmpstr (result->item, ==, g_ptr_array_index (items, expected));
      expected++;
      result_free (result);
    }
  g_assert_cmpuint (expected, ==, items->len);
  g_assert_false (tally_pipeline_next (pipeline, &index, (gpointer *) &result));
  g_assert_cmpint (counters.max_in_flight, <=, jobs);
  /* Each item prepared once. */
  g_assert_cmpint (counters.prepared, ==, (gint) items->len);
}

static void
test_free_early (void)
{
  g_autoptr(GPtrArray) items = make_items (200);
  TallyPipeline *pipeline;
  guint index;
  Result *result;

  counters = (Counters) { 0 };
  pipeline = tally_pipeline_new (items, 3, 16, prepare, result_free, NULL);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (tally_pipeline_next (pipeline, &index, (gpointer *) &result));
      g_assert_cmpuint (index, ==, i);
      result_free (result);
    }
  tally_pipeline_free (pipeline);
  /* Every item started was freed, taken or not, and no more than the
   * window was started past what was taken. */
  g_assert_cmpint (counters.freed, ==, counters.prepared);
  g_assert_cmpint (counters.prepared, <=, 5 + 16);
  g_assert_cmpint (counters.in_flight, ==, 0);
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) items = make_items (0);
  g_autoptr(TallyPipeline) pipeline = tally_pipeline_new (items, 2, 4, prepare, result_free, NULL);
  guint index;
  gpointer result;

  g_assert_false (tally_pipeline_next (pipeline, &index, &result));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/pipeline/order/one-job", GUINT_TO_POINTER (1), test_order);
  g_test_add_data_func ("/pipeline/order/four-jobs", GUINT_TO_POINTER (4), test_order);
  g_test_add_func ("/pipeline/free-early", test_free_early);
  g_test_add_func ("/pipeline/empty", test_empty);
  return g_test_run ();
}
