/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <string.h>

#include "tally-lexicon-file.h"

gboolean
tally_lexicon_file_read (const char                  *data,
                         gsize                        len,
                         const char                  *name,
                         TallyLexiconFileSectionFunc  section_func,
                         TallyLexiconFileEntryFunc    entry_func,
                         gpointer                     user_data,
                         GError                     **error)
{
  g_autofree char *copy = g_strndup (data, len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  g_autofree char *section = NULL;

  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_autoptr(GError) local_error = NULL;
      char *line = g_strstrip (lines[n]);
      char *eq;
      const char *value = NULL;

      if (*line == '\0' || *line == '#')
        continue;
      if (*line == '[')
        {
          char *close = strchr (line, ']');

          if (close == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "%s:%u: section header without “]”", name, n + 1);
              return FALSE;
            }
          g_free (section);
          section = g_strndup (line + 1, close - line - 1);
          if (section_func != NULL && !section_func (section, user_data, &local_error))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "%s:%u: %s", name, n + 1, local_error->message);
              return FALSE;
            }
          continue;
        }
      if (section == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: entry before any [section]", name, n + 1);
          return FALSE;
        }
      /* "key = value"; a key may itself hold "=" only as its first byte. */
      eq = strstr (line + 1, " = ");
      if (eq != NULL)
        {
          *eq = '\0';
          value = g_strstrip (eq + 3);
          g_strstrip (line);
        }
      if (!entry_func (section, line, value, user_data, &local_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: %s", name, n + 1, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}
