/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-fact.h"
#include "tally-window-private.h"
#include "tally-toast.h"

/* Export Facts…: the fact table as the analyst filtered it, as CSV, JSON or a
 * Markdown report, chosen by the file name's extension. */

static void
export_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TallyWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->n_exports--;
  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Facts not exported: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, tally_toast_new_text (message));
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, tally_toast_new_text (_("Facts exported")));
}

void
_tally_window_export_facts_to (TallyWindow *self,
                               GFile       *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  TallyFactExportFormat format;

  if (g_str_has_suffix (lower, ".csv"))
    format = TALLY_FACT_EXPORT_CSV;
  else if (g_str_has_suffix (lower, ".json"))
    format = TALLY_FACT_EXPORT_JSON;
  else if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    format = TALLY_FACT_EXPORT_MARKDOWN;
  else
    {
      g_autofree char *message = g_strdup_printf (_("“%s”: name the file .csv, .json or .md"), name);

      adw_toast_overlay_add_toast (self->toast_overlay, tally_toast_new_text (message));
      return;
    }
  if (!tally_fact_list_export (tally_facts_view_get_facts (self->facts_view), format,
                               gtk_window_get_title (GTK_WINDOW (self)), out))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, tally_toast_new_text (_("There are no facts to export yet")));
      return;
    }
  bytes = g_string_free_to_bytes (g_steal_pointer (&out));
  self->n_exports++;
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, export_written, g_object_ref (self));
}
