/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tally_ingest_check_original(): what Open Original checks before another
 * program gets a path a project holds (issue 14). */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "tally-ingest.h"

static const char article[] = "The ferry line carried 12,400 passengers in its first month.\n";

typedef struct
{
  char *top;        /* a temporary folder, symlinks resolved */
  char *folder;     /* top/chosen: what the articles were imported from */
  char *inside;     /* top/chosen/ferry.txt */
  char *outside;    /* top/elsewhere/ferry.txt, the same bytes */
  char *hash;       /* SHA-256 of `article` */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *made = g_dir_make_tmp ("tally-original-XXXXXX", &error);
  g_autofree char *elsewhere = NULL;

  g_assert_no_error (error);
  f->top = realpath (made, NULL);
  f->folder = g_build_filename (f->top, "chosen", NULL);
  elsewhere = g_build_filename (f->top, "elsewhere", NULL);
  g_assert_cmpint (g_mkdir (f->folder, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (elsewhere, 0755), ==, 0);
  f->inside = g_build_filename (f->folder, "ferry.txt", NULL);
  f->outside = g_build_filename (elsewhere, "ferry.txt", NULL);
  g_assert_true (g_file_set_contents (f->inside, article, -1, NULL));
  g_assert_true (g_file_set_contents (f->outside, article, -1, NULL));
  f->hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, article, -1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->top);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_free (f->top);
  g_free (f->folder);
  g_free (f->inside);
  g_free (f->outside);
  g_free (f->hash);
}

static TallyOriginalCheck
check_ok (const char *path,
          const char *origin,
          const char *hash)
{
  g_autoptr(GError) error = NULL;
  TallyOriginalCheck check = 0;

  g_assert_true (tally_ingest_check_original (path, origin, hash, &check, NULL, &error));
  g_assert_no_error (error);
  return check;
}

static void
check_refused (const char *path,
               int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_name (path);
  TallyOriginalCheck check = 0;

  g_assert_false (tally_ingest_check_original (path, "/", NULL, &check, NULL, &error));
  g_assert_error (error, TALLY_INGEST_ERROR, code);
  /* The message names the whole path. */
  g_assert_nonnull (strstr (error->message, name));
}

static void
test_inside_unchanged (Fixture       *f,
                       gconstpointer  data)
{
  g_assert_cmpint (check_ok (f->inside, f->folder, f->hash), ==, TALLY_ORIGINAL_OK);
}

static void
test_outside (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *link = g_build_filename (f->folder, "link.txt", NULL);
  g_autofree char *sibling = g_strconcat (f->folder, "-other", NULL);
  g_autofree char *sibling_file = g_build_filename (sibling, "ferry.txt", NULL);

  g_assert_cmpint (check_ok (f->outside, f->folder, f->hash), ==, TALLY_ORIGINAL_OUTSIDE_ORIGIN);
  /* A link inside the folder to a file outside it: where it leads counts. */
  g_assert_cmpint (symlink (f->outside, link), ==, 0);
  g_assert_cmpint (check_ok (link, f->folder, f->hash), ==, TALLY_ORIGINAL_OUTSIDE_ORIGIN);
  /* A folder whose name starts with the origin's is not inside it. */
  g_assert_cmpint (g_mkdir (sibling, 0755), ==, 0);
  g_assert_true (g_file_set_contents (sibling_file, article, -1, NULL));
  g_assert_cmpint (check_ok (sibling_file, f->folder, f->hash), ==, TALLY_ORIGINAL_OUTSIDE_ORIGIN);
  /* An origin that no longer exists: outside. */
  g_assert_cmpint (check_ok (f->inside, "/nonexistent-tally-folder", f->hash), ==, TALLY_ORIGINAL_OUTSIDE_ORIGIN);
}

static void
test_unknown_origin (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_cmpint (check_ok (f->inside, NULL, f->hash), ==, TALLY_ORIGINAL_ORIGIN_UNKNOWN);
}

static void
test_changed (Fixture       *f,
              gconstpointer  data)
{
  g_assert_true (g_file_set_contents (f->inside, "The ferry line carried 12,500 passengers.\n", -1, NULL));
  g_assert_cmpint (check_ok (f->inside, f->folder, f->hash), ==, TALLY_ORIGINAL_CHANGED);
  g_assert_cmpint (check_ok (f->outside, f->folder, NULL), ==,
                   TALLY_ORIGINAL_OUTSIDE_ORIGIN | TALLY_ORIGINAL_CHANGED);
}

static void
test_not_regular (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->folder, "pipe.txt", NULL);
  g_autofree char *link = g_build_filename (f->folder, "to-pipe.txt", NULL);

  /* A FIFO with no writer: refused without being opened (opening it for
   * reading would wait for a writer forever). */
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  check_refused (fifo, TALLY_INGEST_ERROR_NOT_REGULAR);
  g_assert_cmpint (symlink (fifo, link), ==, 0);
  check_refused (link, TALLY_INGEST_ERROR_NOT_REGULAR);
  check_refused (f->folder, TALLY_INGEST_ERROR_NOT_REGULAR);
  check_refused ("/dev/null", TALLY_INGEST_ERROR_NOT_REGULAR);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *gone = g_build_filename (f->folder, "gone.txt", NULL);
  g_autofree char *broken = g_build_filename (f->folder, "broken.txt", NULL);

  check_refused (gone, TALLY_INGEST_ERROR_NOT_FOUND);
  g_assert_cmpint (symlink (gone, broken), ==, 0);
  check_refused (broken, TALLY_INGEST_ERROR_NOT_FOUND);
  check_refused ("relative/ferry.txt", TALLY_INGEST_ERROR_NOT_FOUND);
}

/* tally_ingest_collect_paths_full() gives each file the folder it was
 * found from: the chosen folder, or a chosen file's own folder. */
static void
test_collect_origins (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) origins = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sub = g_build_filename (f->folder, "sub", NULL);
  g_autofree char *deep = g_build_filename (sub, "deep.txt", NULL);
  g_autofree char *elsewhere = g_path_get_dirname (f->outside);
  const char *paths[] = { f->folder, f->outside, NULL };
  g_autoptr(GPtrArray) files = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (deep, article, -1, NULL));
  files = tally_ingest_collect_paths_full (paths, -1, NULL, origins, NULL);
  g_assert_cmpuint (files->len, ==, 3);
  g_assert_cmpuint (origins->len, ==, 3);
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);

      if (g_str_equal (file, f->outside))
        g_assert_cmpstr (g_ptr_array_index (origins, i), ==, elsewhere);
      else
        g_assert_cmpstr (g_ptr_array_index (origins, i), ==, f->folder);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) g_test_add ("/original/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("inside-unchanged", test_inside_unchanged);
  ADD ("outside", test_outside);
  ADD ("unknown-origin", test_unknown_origin);
  ADD ("changed", test_changed);
  ADD ("not-regular", test_not_regular);
  ADD ("missing", test_missing);
  ADD ("collect-origins", test_collect_origins);
#undef ADD
  return g_test_run ();
}
