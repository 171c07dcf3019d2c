/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* The corpus benchmarks' file walk: every .txt under `dir` (the BBC corpus
 * keeps a README.TXT beside its articles, which is not one), appended to
 * `out` as paths the caller frees. */
static inline void
bench_list_txt (const char *dir,
                GPtrArray  *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        bench_list_txt (path, out);
      else if (g_str_has_suffix (name, ".txt") && g_strcmp0 (name, "README.TXT") != 0)
        g_ptr_array_add (out, g_steal_pointer (&path));
    }
}
