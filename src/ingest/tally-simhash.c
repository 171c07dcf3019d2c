/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-ingest.h"

#include <string.h>

#include "tally-union-find.h"

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

/* ASCII letters and digits folded to lower case, 0 for anything else:
 * one load per byte on the common path. */
static const guchar ascii_word[128] = {
  ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
  ['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
  ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g',
  ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n',
  ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u',
  ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
  ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g',
  ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n',
  ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u',
  ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
};

/* The next word's FNV-1a hash over its folded characters, without copying
 * it. Fingerprints are stored in projects, so the hash must not change. */
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
          guchar folded = ascii_word[(guchar) *s];

          if (folded != 0)
            {
              h = (h ^ folded) * G_GUINT64_CONSTANT (0x100000001b3);
              any = TRUE;
            }
          else if (any)
            {
              *p = s + 1;
              *hash = h;
              return TRUE;
            }
          s++;
          continue;
        }
      c = g_utf8_get_char_validated (s, end - s);
      next = g_utf8_find_next_char (s, end);
      if (next == NULL)
        next = end;
      if (c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isalnum (c))
        {
          c = g_unichar_tolower (c);
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

/* byte_bits[b] has byte k set to bit k of b: adding it counts eight bits
 * at once, one counter per byte. */
static guint64 byte_bits[256];

static gpointer
init_byte_bits (gpointer data)
{
  for (guint b = 0; b < 256; b++)
    {
      guint64 v = 0;

      for (guint k = 0; k < 8; k++)
        if (b & (1u << k))
          v |= G_GUINT64_CONSTANT (1) << (8 * k);
      byte_bits[b] = v;
    }
  return NULL;
}

guint64
tally_ingest_simhash (const char *text,
                      gsize       len)
{
  static GOnce once = G_ONCE_INIT;
  guint ones[64] = { 0 };
  guint64 lanes[8] = { 0 };   /* per-byte counters of the bits set, flushed before they wrap */
  guint64 window[3] = { 0 };
  guint n_words = 0, n_shingles = 0, in_lanes = 0;
  const char *p = text, *end = text + len;
  guint64 word, result = 0;

  g_once (&once, init_byte_bits, NULL);
  while (next_word (&p, end, &word))
    {
      window[0] = window[1];
      window[1] = window[2];
      window[2] = word;
      if (++n_words < 3)
        continue;

      guint64 h = mix64 (window[0] * 31 * 31 + window[1] * 31 + window[2]);
      for (guint k = 0; k < 8; k++)
        lanes[k] += byte_bits[(h >> (8 * k)) & 0xff];
      n_shingles++;
      if (++in_lanes == 255)
        {
          for (guint bit = 0; bit < 64; bit++)
            ones[bit] += (lanes[bit / 8] >> (8 * (bit % 8))) & 0xff;
          memset (lanes, 0, sizeof lanes);
          in_lanes = 0;
        }
    }
  if (n_shingles == 0 && n_words > 0)
    {
      guint64 h = mix64 (window[1] * 31 + window[2]);
      return h;
    }
  for (guint bit = 0; bit < 64; bit++)
    ones[bit] += (lanes[bit / 8] >> (8 * (bit % 8))) & 0xff;
  /* A bit is set when more shingles have it than not. */
  for (guint bit = 0; bit < 64; bit++)
    if (2 * ones[bit] > n_shingles)
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

void
tally_simhash_cluster (const guint64 *hashes,
                       guint          n,
                       guint          max_distance,
                       guint         *cluster_ids)
{
  g_autofree guint *parent = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    parent[i] = i;
  /* The smaller index stays the root: the first copy names the cluster. */
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (tally_simhash_distance (hashes[i], hashes[j]) <= max_distance)
        tally_union_find_unite (parent, i, j);
  for (guint i = 0; i < n; i++)
    cluster_ids[i] = tally_union_find_root (parent, i);
}
