/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-ingest.h"

#include <string.h>

/* SimHash (Charikar): every word 3-shingle votes on 64 bits with its hash;
 * near-identical texts share most shingles and so most bits. Wire copies
 * with a changed headline or a trimmed paragraph stay within a few bits. */

static inline guint64
mix64 (guint64 x)
{
  /* splitmix64 finaliser: spreads the shingle hash over all bits. */
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return x;
}

static gboolean
next_word (const char **p,
           const char  *end,
           guint64     *hash)
{
  const char *s = *p;
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  gboolean any = FALSE;

  while (s < end)
    {
      gunichar c;
      const char *next;

      if ((guchar) *s < 0x80)
        {
          /* ASCII fast path: most news text is mostly ASCII. */
          c = (guchar) *s;
          next = s + 1;
        }
      else
        {
          c = g_utf8_get_char_validated (s, end - s);
          next = g_utf8_find_next_char (s, end);
          if (next == NULL)
            next = end;
        }
      if (c < 0x80 ? g_ascii_isalnum (c) : (c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isalnum (c)))
        {
          c = c < 0x80 ? (gunichar) g_ascii_tolower (c) : g_unichar_tolower (c);
          h = (h ^ c) * G_GUINT64_CONSTANT (0x100000001b3);
          any = TRUE;
        }
      else if (any)
        {
          *p = next;
          *hash = h;
          return TRUE;
        }
      s = next;
    }
  *p = end;
  *hash = h;
  return any;
}

guint64
tally_ingest_simhash (const char *text,
                      gsize       len)
{
  int votes[64] = { 0 };
  guint64 window[3] = { 0 };
  guint n_words = 0, n_shingles = 0;
  const char *p = text, *end = text + len;
  guint64 word, result = 0;

  while (next_word (&p, end, &word))
    {
      window[0] = window[1];
      window[1] = window[2];
      window[2] = word;
      if (++n_words < 3)
        continue;

      guint64 h = mix64 (window[0] * 31 * 31 + window[1] * 31 + window[2]);
      for (int bit = 0; bit < 64; bit++)
        votes[bit] += (h >> bit) & 1 ? 1 : -1;
      n_shingles++;
    }
  if (n_shingles == 0 && n_words > 0)
    {
      guint64 h = mix64 (window[1] * 31 + window[2]);
      return h;
    }
  for (int bit = 0; bit < 64; bit++)
    if (votes[bit] > 0)
      result |= G_GUINT64_CONSTANT (1) << bit;
  return result;
}

static GHashTable *
shingle_set (const char *text,
             gsize       len)
{
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint64 window[3] = { 0 }, word;
  const char *p = text, *end = text + len;
  guint n_words = 0;

  while (next_word (&p, end, &word))
    {
      window[0] = window[1];
      window[1] = window[2];
      window[2] = word;
      if (++n_words < 3)
        continue;

      guint64 h = mix64 (window[0] * 31 * 31 + window[1] * 31 + window[2]);
      if (!g_hash_table_contains (set, &h))
        g_hash_table_add (set, g_memdup2 (&h, sizeof h));
    }
  return set;
}

double
tally_shingle_similarity (const char *a,
                          gsize       a_len,
                          const char *b,
                          gsize       b_len)
{
  g_autoptr(GHashTable) sa = shingle_set (a, a_len);
  g_autoptr(GHashTable) sb = shingle_set (b, b_len);
  GHashTableIter iter;
  gpointer key;
  guint common = 0, total;

  g_hash_table_iter_init (&iter, sa);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    common += g_hash_table_contains (sb, key);
  total = g_hash_table_size (sa) + g_hash_table_size (sb) - common;
  return total > 0 ? (double) common / total : 0.0;
}

guint
tally_simhash_distance (guint64 a,
                        guint64 b)
{
  return __builtin_popcountll (a ^ b);
}

static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

void
tally_simhash_cluster (const guint64 *hashes,
                       guint          n,
                       guint          max_distance,
                       guint         *cluster_ids)
{
  g_autofree guint *parent = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (tally_simhash_distance (hashes[i], hashes[j]) <= max_distance)
        {
          guint a = find_root (parent, i), b = find_root (parent, j);

          /* The smaller index becomes the root: the first copy names the cluster. */
          if (a < b)
            parent[b] = a;
          else if (b < a)
            parent[a] = b;
        }
  for (guint i = 0; i < n; i++)
    cluster_ids[i] = find_root (parent, i);
}
