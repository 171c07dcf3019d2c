/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-cli-input.h"

#include <gio/gio.h>
#include <string.h>

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
walk (const char *path,
      GPtrArray  *out,
      guint       depth)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (out, g_strdup (path));
      return;
    }
  if (depth > 32 || (dir = g_dir_open (path, 0, NULL)) == NULL)
    {
      g_ptr_array_add (out, g_strdup (path));
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        walk (child, out, depth + 1);
      else if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

GPtrArray *
tally_cli_expand_paths (char **paths)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    walk (paths[i], out, 0);
  return out;
}

static guint
count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        words++;
      in_word = !space;
    }
  return words;
}

/* Plain text: the first line is the title when it is short. Until the import
 * code (src/ingest) reads HTML and metadata, this is all the CLI knows. */
TallyDocumentRecord *
tally_cli_read_document (const char  *path,
                         GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(TallyDocumentRecord) record = NULL;
  const char *newline;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "cannot read a folder");
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  if (memchr (contents, '\0', len) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not a text file (it holds NUL bytes)");
      return NULL;
    }

  record = tally_document_record_new ();
  record->path = g_canonicalize_filename (path, NULL);
  record->format = g_strdup ("text");
  record->content_hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  if (g_utf8_validate_len (contents, len, NULL))
    record->text = g_steal_pointer (&contents);
  else
    record->text = g_utf8_make_valid (contents, len);
  record->text_len = strlen (record->text);
  newline = strchr (record->text, '\n');
  if (newline != NULL && newline - record->text < 200)
    record->title = g_strstrip (g_strndup (record->text, newline - record->text));
  record->word_count = count_words (record->text);
  return g_steal_pointer (&record);
}
