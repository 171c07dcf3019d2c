/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "tally-import-errors-dialog.h"
#include "tally-window-private.h"
#include "tally-toast.h"

/* The window's project: a new window starts an unsaved project (already on
 * disk, so nothing is lost), imports run in the project's worker thread with
 * progress shown here, and Save As / Open Project / recent projects move the
 * window between project files. */

#define MAX_RECENT_PROJECTS 8

static void release_unsaved (const char *project_path);

static void
tally_window_update_title (TallyWindow *self)
{
  g_autofree char *title = NULL;

  if (self->project == NULL || tally_project_get_temporary (self->project))
    title = g_strdup (_("Untitled Project — Tally"));
  else
    {
      g_autofree char *name = g_path_get_basename (tally_project_get_path (self->project));
      /* Translators: the window title, "project-name.tally — Tally". */
      title = g_strdup_printf (_("%s — Tally"), name);
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
tally_window_remember_project (TallyWindow *self,
                               const char  *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_PROJECTS; i++)
    if (g_strcmp0 (recent[i], path) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) updated);
}

static void on_import_progress (TallyProject *project,
                                guint         done,
                                guint         total,
                                const char   *current,
                                TallyWindow  *self);

/* Facts and the Timeline open a claim's document in the reader. */
static void
on_facts_open_claim (TallyClaim *claim,
                     gpointer    user_data)
{
  TallyWindow *self = user_data;
  const TallyClaimRecord *record = tally_claim_get_record (claim);
  TallyDocument *document;

  if (self->project == NULL)
    return;
  document = tally_project_lookup_document (self->project, tally_claim_get_document_id (claim));
  if (document == NULL)
    return;
  tally_window_set_visible_view (self, "documents");
  tally_documents_view_show_claim (self->documents_view, document,
                                   record->start, record->end);
}

/* The timeline's popover asked for an article at a sentence. */
static void
on_timeline_show_mention (TallyWindow   *self,
                          TallyDocument *document,
                          guint          start,
                          guint          end)
{
  tally_window_set_visible_view (self, "documents");
  tally_documents_view_show_claim (self->documents_view, document, start, end);
}

void
_tally_window_set_project (TallyWindow  *self,
                           TallyProject *project)
{
  if (self->project == project)
    return;

  g_set_object (&self->project, project);
  /* (NULL once the window is disposed.) */
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, project);
  g_clear_object (&self->session);
  if (project != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* The project's live state: corrections, undo, facts, events. */
      self->session = tally_session_new (project, &error);
      if (self->session == NULL)
        g_warning ("Corrections of %s: %s", tally_project_get_path (project), error->message);
    }
  tally_documents_view_set_project (self->documents_view, project);
  if (self->session != NULL)
    tally_documents_view_set_undo_stack (self->documents_view, tally_session_get_undo_stack (self->session));
  if (self->session_bindings != NULL)
    g_binding_group_set_source (self->session_bindings, self->session);
  tally_documents_view_set_session (self->documents_view, self->session);
  tally_facts_view_set_session (self->facts_view, self->session);
  tally_facts_view_set_open_func (self->facts_view, on_facts_open_claim, self, NULL);
  tally_timeline_view_set_session (self->timeline_view, self->session);
  g_signal_group_set_target (self->undo_signals, _tally_window_get_undo_stack (self));
  _tally_window_actions_update (self);

  if (project != NULL && !tally_project_get_temporary (project))
    tally_window_remember_project (self, tally_project_get_path (project));
  tally_window_update_title (self);
}

TallyUndoStack *
_tally_window_get_undo_stack (TallyWindow *self)
{
  return self->session != NULL ? tally_session_get_undo_stack (self->session) : NULL;
}

static void
tally_window_show_error (TallyWindow *self,
                         const char  *heading,
                         const char  *body)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* Import ---------------------------------------------------------------- */

static void
on_import_progress (TallyProject *project,
                    guint         done,
                    guint         total,
                    const char   *current,
                    TallyWindow  *self)
{
  g_autofree char *name = current ? g_path_get_basename (current) : NULL;
  g_autofree char *label = NULL;

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  /* Translators: "Adding articles: 3 of 8 — name.html" */
  label = name ? g_strdup_printf (_("Adding articles: %'u of %'u — %s"), done, total, name)
               : g_strdup_printf (_("Adding articles: %'u of %'u"), done, total);
  gtk_label_set_label (self->progress_label, label);
}

static void
tally_window_report_import (TallyWindow       *self,
                            TallyImportResult *result)
{
  g_autoptr(GString) message = g_string_new (NULL);
  TallyImportErrorsDialog *dialog = NULL;

  if (result->n_added > 0)
    g_string_append_printf (message, ngettext ("Added %u article", "Added %u articles", result->n_added),
                            result->n_added);
  if (result->n_duplicates > 0)
    {
      if (message->len > 0)
        g_string_append (message, " · ");
      g_string_append_printf (message,
                              ngettext ("%u already in the project", "%u already in the project",
                                        result->n_duplicates),
                              result->n_duplicates);
    }
  if (result->cancelled)
    {
      if (message->len > 0)
        g_string_append (message, " · ");
      g_string_append (message, _("Import cancelled"));
    }
  if (message->len > 0)
    adw_toast_overlay_add_toast (self->toast_overlay, tally_toast_new_text (message->str));

  for (guint i = 0; result->failures != NULL && i < result->failures->len; i++)
    {
      const TallyIngestFailure *failure = g_ptr_array_index (result->failures, i);

      if (g_error_matches (failure->error, TALLY_INGEST_ERROR, TALLY_INGEST_ERROR_DUPLICATE))
        continue;
      if (dialog == NULL)
        dialog = tally_import_errors_dialog_new (result->n_added + result->n_duplicates);
      tally_import_errors_dialog_add_error (dialog, failure->path, failure->reason);
    }
  if (dialog != NULL)
    adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
on_import_done (GObject      *source,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  g_autoptr(TallyWindow) self = user_data;
  g_autoptr(TallyImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = tally_project_import_finish (TALLY_PROJECT (source), async_result, &error);

  g_assert (self->n_imports > 0);
  if (--self->n_imports == 0)
    {
      g_clear_object (&self->import_cancellable);
      gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
      _tally_window_set_busy (self, FALSE);
    }

  /* The window may have been closed meanwhile; the documents are saved anyway. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL || TALLY_PROJECT (source) != self->project)
    return;

  if (result == NULL)
    tally_window_show_error (self, _("Articles Could Not Be Added"), error->message);
  else
    tally_window_report_import (self, result);
}

void
_tally_window_import (TallyWindow  *self,
                      GFile       **files,
                      guint         n_files)
{
  if (self->project == NULL || n_files == 0)
    return;

  if (self->import_cancellable == NULL)
    self->import_cancellable = g_cancellable_new ();
  self->n_imports++;

  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_label (self->progress_label, _("Looking for articles…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  _tally_window_set_busy (self, TRUE);

  tally_project_import_async (self->project, files, n_files, self->import_cancellable,
                              on_import_done, g_object_ref (self));
}

void
_tally_window_cancel_import (TallyWindow *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  gtk_label_set_label (self->progress_label, _("Cancelling…"));
}

/* Opening and saving projects ---------------------------------------------- */

void
_tally_window_open_project_file (TallyWindow *self,
                                 GFile       *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(TallyProject) project = NULL;
  g_autoptr(GError) error = NULL;
  TallyWindow *target = self;

  if (path == NULL)
    return;

  project = tally_project_open (path, &error);
  if (project == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Cannot Open “%s”"), name);

      tally_window_show_error (self, heading, error->message);
      return;
    }

  /* An empty, unsaved window is reused; otherwise the project gets its own. */
  if (self->busy || self->project == NULL || !tally_project_get_temporary (self->project) ||
      g_list_model_get_n_items (tally_project_get_documents (self->project)) > 0)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      target = tally_window_new (TALLY_APPLICATION (app));
    }
  _tally_window_set_project (target, project);
  gtk_window_present (GTK_WINDOW (target));
}

void
_tally_window_save_as (TallyWindow *self,
                       GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *old_path = NULL;
  gboolean was_unsaved;

  if (file == NULL || self->project == NULL)
    return;

  /* Exactly the file the user chose: the dialog proposes a name ending in
   * .tally, and inside a sandbox only the chosen path is granted (a suffix
   * added here would name a file the document portal never gave us). */
  path = g_file_get_path (file);
  if (path == NULL)
    {
      tally_window_show_error (self, _("Project Not Saved"), _("The chosen place is not a local file"));
      return;
    }
  old_path = g_strdup (tally_project_get_path (self->project));
  was_unsaved = tally_project_get_temporary (self->project);
  if (!tally_project_save_as (self->project, path, &error))
    {
      tally_window_show_error (self, _("Project Not Saved"), error->message);
      return;
    }
  if (was_unsaved)
    release_unsaved (old_path);
  tally_window_remember_project (self, path);
  tally_window_update_title (self);
  adw_toast_overlay_add_toast (self->toast_overlay, tally_toast_new_text (_("Project saved")));
}

/* The primary menu's "Recent Projects" follows the setting. */
static void
tally_window_update_recent_menu (TallyWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

/* Unsaved projects -------------------------------------------------------- */

/* An unsaved project in use carries "<path>.pid" naming the process using it,
 * so that a second Tally process (or a test running beside another) never
 * takes a project that is still open. */
static char *
owner_path (const char *project_path)
{
  return g_strconcat (project_path, ".pid", NULL);
}

static void
claim_unsaved (TallyProject *project)
{
  g_autofree char *path = owner_path (tally_project_get_path (project));
  g_autofree char *pid = g_strdup_printf ("%d\n", (int) getpid ());

  if (!g_file_set_contents (path, pid, -1, NULL))
    g_debug ("Cannot mark %s as in use", tally_project_get_path (project));
}

static void
release_unsaved (const char *project_path)
{
  g_autofree char *path = owner_path (project_path);

  g_unlink (path);
}

static gboolean
unsaved_in_use (const char *project_path)
{
  g_autofree char *path = owner_path (project_path);
  g_autofree char *contents = NULL;
  gint64 pid;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  pid = g_ascii_strtoll (contents, NULL, 10);
  if (pid <= 0 || pid == getpid ())
    return pid == getpid ();
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

static gint64
modified_time (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (gint64) buf.st_mtime : 0;
}

/* A project left unsaved by an earlier run (a crash, a session that ended):
 * the newest one with documents comes back; empty ones are removed. */
static TallyProject *
tally_window_recover_unsaved_project (void)
{
  g_autoptr(GPtrArray) paths = tally_project_list_unsaved ();
  g_autoptr(TallyProject) best = NULL;
  gint64 best_time = 0;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(TallyProject) project = NULL;
      g_autoptr(GError) error = NULL;
      gint64 time;

      if (unsaved_in_use (path))
        continue;
      project = tally_project_open_unsaved (path, &error);
      if (project == NULL)
        {
          /* Left alone: a damaged file is still the analyst's work. */
          g_debug ("Unsaved project %s not recovered: %s", path, error->message);
          continue;
        }
      if (g_list_model_get_n_items (tally_project_get_documents (project)) == 0)
        {
          tally_project_discard (project);
          release_unsaved (path);
          continue;
        }
      time = modified_time (path);
      if (best == NULL || time > best_time)
        {
          g_set_object (&best, project);
          best_time = time;
        }
    }
  return g_steal_pointer (&best);
}

void
tally_window_recover_unsaved (TallyWindow *self)
{
  g_autoptr(TallyProject) recovered = NULL;

  g_return_if_fail (TALLY_IS_WINDOW (self));

  /* Only an empty, unsaved window takes a recovered project in. */
  if (self->busy || self->project == NULL || !tally_project_get_temporary (self->project) ||
      g_list_model_get_n_items (tally_project_get_documents (self->project)) > 0)
    return;
  recovered = tally_window_recover_unsaved_project ();
  if (recovered == NULL)
    return;

  tally_project_discard (self->project);
  release_unsaved (tally_project_get_path (self->project));
  claim_unsaved (recovered);
  _tally_window_set_project (self, recovered);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               tally_toast_new_text (_("Your unsaved project from last time was restored")));
}

/* Closing a window keeps an unsaved project with documents for next time and
 * removes an empty one. */
void
_tally_window_project_close (TallyWindow *self)
{
  if (self->project == NULL || !tally_project_get_temporary (self->project))
    return;
  if (g_list_model_get_n_items (tally_project_get_documents (self->project)) == 0 && self->n_imports == 0)
    tally_project_discard (self->project);
  release_unsaved (tally_project_get_path (self->project));
}

/* "Show Fact" in the reader: the claim's row in the fact table, unfiltered. */
static void
on_reader_claim_activated (TallyWindow   *self,
                           TallyDocument *document,
                           guint64        start,
                           guint64        end)
{
  TallyClaimKey key = { tally_document_get_id (document), start, end };
  guint position;

  tally_facts_view_set_filter (self->facts_view, TALLY_FACTS_FILTER_ALL);
  tally_facts_view_set_search (self->facts_view, NULL);
  position = tally_documents_view_find_fact (tally_facts_view_get_rows (self->facts_view), &key);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   tally_toast_new_text (_("This figure is not part of any fact")));
      return;
    }
  tally_facts_view_select (self->facts_view, position);
  tally_window_set_visible_view (self, "facts");
}

void
_tally_window_project_init (TallyWindow *self)
{
  g_autoptr(TallyProject) project = NULL;
  g_autoptr(GError) error = NULL;

  /* Import progress from whichever project the window has. */
  self->project_signals = g_signal_group_new (TALLY_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "import-progress", G_CALLBACK (on_import_progress), self, 0);

  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (tally_window_update_recent_menu), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline_view, "show-mention",
                           G_CALLBACK (on_timeline_show_mention), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->documents_view, "claim-activated",
                           G_CALLBACK (on_reader_claim_activated), self, G_CONNECT_SWAPPED);
  /* The session replaces its facts after each grouping; the reader follows
   * them to mark conflicting claims. */
  self->session_bindings = g_binding_group_new ();
  g_binding_group_bind (self->session_bindings, "facts", self->documents_view, "facts", G_BINDING_SYNC_CREATE);
  tally_window_update_recent_menu (self);

  project = tally_project_new_temporary (&error);
  if (project == NULL)
    {
      g_warning ("Cannot create an unsaved project: %s", error->message);
      tally_window_update_title (self);
      return;
    }
  claim_unsaved (project);
  _tally_window_set_project (self, project);
}

void
_tally_window_project_dispose (TallyWindow *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project_signals);
  if (self->project != NULL)
    tally_facts_view_set_open_func (self->facts_view, NULL, NULL, NULL);
  if (self->session_bindings != NULL)
    g_binding_group_set_source (self->session_bindings, NULL);
  g_clear_object (&self->session_bindings);
  g_clear_object (&self->session);
  g_clear_object (&self->project);
}
