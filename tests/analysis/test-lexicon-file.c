/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "tally-lexicon-file.h"

/* The reader both word-list formats share, on its own: sections, entries
 * with and without values, comments, and errors that name file and line. */

static gboolean
on_section (const char  *section,
            gpointer     user_data,
            GError     **error)
{
  GString *out = user_data;

  if (g_str_equal (section, "forbidden"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown section");
      return FALSE;
    }
  g_string_append_printf (out, "[%s]", section);
  return TRUE;
}

static gboolean
on_entry (const char  *section,
          char        *key,
          const char  *value,
          gpointer     user_data,
          GError     **error)
{
  GString *out = user_data;

  g_string_append_printf (out, "%s:%s=%s;", section ? section : "-", key, value ? value : "(bare)");
  return TRUE;
}

static void
test_lexicon_file_entries (void)
{
  const char *data =
    "# words for a test\n"
    "[units]\n"
    "  tonne = t  \n"
    "\n"
    "berth\n"
    "[verbs]   \n"
    "moored = moor # trailing words stay the caller's\n";
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (tally_lexicon_file_read (data, strlen (data), "test.lex", on_section, on_entry, out, &error));
  g_assert_no_error (error);
  g_test_message ("%s", out->str);
  g_assert_true (g_str_has_prefix (out->str, "[units]units:tonne=t;units:berth=(bare);[verbs]verbs:moored="));
}

static void
test_lexicon_file_errors (void)
{
  const char *data = "[units]\nkm = kilometre\n[forbidden]\nx\n";
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (tally_lexicon_file_read (data, strlen (data), "broken.lex", on_section, on_entry, out, &error));
  g_assert_nonnull (error);
  /* "NAME:LINE: reason", the line of the bad header. */
  g_assert_true (g_str_has_prefix (error->message, "broken.lex:3:"));
  g_assert_nonnull (strstr (error->message, "unknown section"));
  /* What came before was read; nothing after. */
  g_assert_cmpstr (out->str, ==, "[units]units:km=kilometre;");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analysis/lexicon-file/entries", test_lexicon_file_entries);
  g_test_add_func ("/analysis/lexicon-file/errors", test_lexicon_file_errors);
  return g_test_run ();
}
