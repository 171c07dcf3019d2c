/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tally-ingest.h"

/* SimHash near-duplicate detection on its own, on reports written for this
 * test: a copy, a light edit, an unrelated piece. */

static const char *report =
  "The harbour authority said on Tuesday that ferries between the two ports carried more cargo "
  "than in any year before, and that a second berth would open in the spring once dredging ends. "
  "Dock workers welcomed the news but asked for a new shift pattern before the busy season begins.";
static const char *edited =
  "The harbour authority said on Tuesday that ferries between the two ports carried more cargo "
  "than in any earlier year, and that a second berth would open in the spring once dredging ends. "
  "Dock workers welcomed the news but asked for a new shift pattern before the busy season begins.";
static const char *other =
  "A travelling exhibition of textiles from the region opened at the museum on Saturday, with "
  "weavers showing their looms to school classes and a programme of talks planned for every weekend "
  "until the collection moves on to the capital in the autumn.";

static guint64
hash (const char *text)
{
  return tally_ingest_simhash (text, strlen (text));
}

static void
test_simhash_distances (void)
{
  guint near = tally_simhash_distance (hash (report), hash (edited));
  guint far = tally_simhash_distance (hash (report), hash (other));

  g_test_message ("edit: %u bits, unrelated: %u bits", near, far);
  g_assert_cmpuint (hash (report), ==, hash (report));
  g_assert_cmpuint (tally_simhash_distance (hash (report), hash (report)), ==, 0);
  g_assert_cmpuint (near, <=, TALLY_SIMHASH_NEAR_DISTANCE);
  g_assert_cmpuint (far, >, TALLY_SIMHASH_CANDIDATE_DISTANCE);
  g_assert_cmpuint (tally_simhash_distance (0, G_MAXUINT64), ==, 64);
  g_assert_cmpuint (tally_simhash_distance (1, 2), ==, 2);
}

static void
test_shingle_similarity (void)
{
  double same = tally_shingle_similarity (report, strlen (report), report, strlen (report));
  double light = tally_shingle_similarity (report, strlen (report), edited, strlen (edited));
  double none = tally_shingle_similarity (report, strlen (report), other, strlen (other));

  g_assert_cmpfloat (same, ==, 1.0);
  g_assert_cmpfloat (light, >=, TALLY_NEAR_DUPLICATE_SIMILARITY);
  g_assert_cmpfloat (light, <, 1.0);
  g_assert_cmpfloat (none, <, 0.05);
}

/* Clusters are transitive and named after their first member. */
static void
test_simhash_cluster (void)
{
  const guint64 hashes[] = { 0x0, 0xff00000000000000, 0x1, 0x3, 0x7, 0xff00000000000001 };
  guint ids[G_N_ELEMENTS (hashes)];

  tally_simhash_cluster (hashes, G_N_ELEMENTS (hashes), 1, ids);
  /* 0 ~ 1 ~ 3 ~ 7 (one bit each step), though 0 and 7 differ by three. */
  g_assert_cmpuint (ids[0], ==, 0);
  g_assert_cmpuint (ids[2], ==, 0);
  g_assert_cmpuint (ids[3], ==, 0);
  g_assert_cmpuint (ids[4], ==, 0);
  g_assert_cmpuint (ids[1], ==, 1);
  g_assert_cmpuint (ids[5], ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ingest/simhash/distances", test_simhash_distances);
  g_test_add_func ("/ingest/simhash/shingle-similarity", test_shingle_similarity);
  g_test_add_func ("/ingest/simhash/cluster", test_simhash_cluster);
  return g_test_run ();
}
