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

/* Kept facts (issue 14) carry no claims to export: the session groups the
 * claims first, and the export follows once the grouped facts arrive. */
typedef struct
{
  TallyWindow *window;
  GFile *file;
} PendingExport;

static void
pending_export_free (gpointer data,
                     GClosure *closure)
{
  PendingExport *pending = data;

  g_object_unref (pending->window);
  g_object_unref (pending->file);
  g_free (pending);
}

static void
on_facts_for_export (TallySession *session,
                     GParamSpec   *pspec,
                     gpointer      user_data)
{
  PendingExport *pending = user_data;
  g_autoptr(TallyWindow) self = g_object_ref (pending->window);
  g_autoptr(GFile) file = g_object_ref (pending->file);

  if (tally_fact_list_is_kept (tally_session_get_facts (session)))
    return;
  g_signal_handlers_disconnect_by_func (session, on_facts_for_export, pending);
  if (self->session == session)
    _tally_window_export_facts_to (self, file);
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
  if (self->session != NULL && tally_fact_list_is_kept (tally_session_get_facts (self->session)))
    {
      PendingExport *pending = g_new0 (PendingExport, 1);

      pending->window = g_object_ref (self);
      pending->file = g_object_ref (file);
      g_signal_connect_data (self->session, "notify::facts", G_CALLBACK (on_facts_for_export), pending,
                             pending_export_free, 0);
      tally_session_group_claims (self->session);
      adw_toast_overlay_add_toast (self->toast_overlay, tally_toast_new_text (_("Grouping the facts to export them…")));
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
