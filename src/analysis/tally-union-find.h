/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Disjoint sets over 0..n-1 in an array where parent[i] == i at first:
 * near-duplicates, stories and event mentions are all grouped this way.
 * The smaller index stays the root, so a group is named by its first member. */
static inline guint
tally_union_find_root (guint *parent,
                       guint  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];  /* path halving */
      i = parent[i];
    }
  return i;
}

static inline void
tally_union_find_unite (guint *parent,
                        guint  a,
                        guint  b)
{
  a = tally_union_find_root (parent, a);
  b = tally_union_find_root (parent, b);
  if (a != b)
    parent[MAX (a, b)] = MIN (a, b);
}

G_END_DECLS
