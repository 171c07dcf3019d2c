/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-facts-view-private.h"
#include "tally-rename-dialog.h"

/* Corrections in the fact table: rename a fact, split a claim out of it,
 * merge it into another. Each one changes the view's corrections (a claim's
 * group, a fact's label), groups the claims again and goes on the undo stack
 * (Ctrl+Z, Ctrl+Shift+Z) with a toast that offers Undo. The grouping reads
 * them as data: see tally_group_facts_corrected(). */

typedef struct
{
  GHashTable *table;          /* self->claim_groups or self->labels */
  char *key;
  char *before;               /* NULL: no entry */
  char *after;
} Change;

typedef struct
{
  TallyFactsView *self;       /* the stack is the view's: no command outlives it */
  GArray *changes;            /* Change */
  char *select_after;         /* the fact to show once done … */
  char *select_before;        /* … and once undone */
} Command;

static void
change_clear (Change *change)
{
  g_free (change->key);
  g_free (change->before);
  g_free (change->after);
}

static void
command_free (Command *command)
{
  g_array_unref (command->changes);
  g_free (command->select_after);
  g_free (command->select_before);
  g_free (command);
}

static Command *
command_new (TallyFactsView *self,
             const char     *select_after,
             const char     *select_before)
{
  Command *command = g_new0 (Command, 1);

  command->self = self;
  command->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (command->changes, (GDestroyNotify) change_clear);
  command->select_after = g_strdup (select_after);
  command->select_before = g_strdup (select_before);
  return command;
}

static void
command_add (Command    *command,
             GHashTable *table,
             const char *key,
             const char *after)
{
  Change change = {
    table,
    g_strdup (key),
    g_strdup (g_hash_table_lookup (table, key)),
    g_strdup (after),
  };

  g_array_append_val (command->changes, change);
}

static void
command_apply (Command  *command,
               gboolean  forward)
{
  for (guint i = 0; i < command->changes->len; i++)
    {
      Change *change = &g_array_index (command->changes, Change, i);
      const char *value = forward ? change->after : change->before;

      if (value != NULL)
        g_hash_table_replace (change->table, g_strdup (change->key), g_strdup (value));
      else
        g_hash_table_remove (change->table, change->key);
    }
  _tally_facts_view_regroup (command->self, forward ? command->select_after : command->select_before);
}

static gboolean
command_redo (gpointer   data,
              GError   **error)
{
  command_apply (data, TRUE);
  return TRUE;
}

static gboolean
command_undo (gpointer   data,
              GError   **error)
{
  command_apply (data, FALSE);
  return TRUE;
}

/* Applies `command` and records it, with a toast offering Undo. */
static void
command_run (TallyFactsView *self,
             Command        *command,
             const char     *title)
{
  AdwToast *toast = adw_toast_new (title);

  command_apply (command, TRUE);
  tally_undo_stack_push (self->undo_stack, title, command_redo, command_undo, command,
                         (GDestroyNotify) command_free);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "facts.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  _tally_facts_view_corrections_update (self);
}

/* ---- actions ------------------------------------------------------------ */

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (widget);
  TallyFact *fact = tally_facts_view_get_selected (self);
  g_autofree char *label = g_strstrip (g_variant_dup_string (parameter, NULL));
  g_autofree char *title = NULL;
  Command *command;

  if (fact == NULL || g_strcmp0 (label, tally_fact_get_label (fact)) == 0)
    return;
  /* A project's corrections are stored in it (tally-facts-view-edits.c). */
  if (self->corrections != NULL)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = tally_corrections_rename_fact (self->corrections, tally_fact_get_key (fact), label, &error);

      _tally_facts_view_corrected (self, ok, error, _("Fact renamed"));
      return;
    }
  command = command_new (self, tally_fact_get_key (fact), tally_fact_get_key (fact));
  /* An empty name gives the fact back the one Tally made. */
  command_add (command, self->labels, tally_fact_get_key (fact), label[0] != '\0' ? label : NULL);
  title = label[0] != '\0' ? g_strdup_printf (_("Renamed to “%s”"), label) : g_strdup (_("Name restored"));
  command_run (self, command, title);
}

static void
on_rename_response (AdwAlertDialog *dialog,
                    const char     *response,
                    TallyFactsView *self)
{
  if (g_str_equal (response, "rename"))
    gtk_widget_activate_action (GTK_WIDGET (self), "facts.rename", "s", tally_rename_dialog_get_text (dialog));
}

static void
rename_dialog_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (widget);
  TallyFact *fact = tally_facts_view_get_selected (self);
  AdwDialog *dialog;

  if (fact == NULL)
    return;
  dialog = tally_rename_dialog_new (_("Rename Fact"), tally_fact_get_label (fact), _("Fact name"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  adw_dialog_present (dialog, widget);
}

static void
split_claim_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (widget);
  TallyFact *fact = tally_facts_view_get_selected (self);
  g_autoptr(TallyClaim) claim = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *group = NULL;
  g_autofree char *title = NULL;
  Command *command;

  if (fact == NULL)
    return;
  claim = g_list_model_get_item (tally_fact_get_claims (fact), g_variant_get_uint32 (parameter));
  if (claim == NULL)
    return;
  if (self->corrections != NULL)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = tally_corrections_split_claim (self->corrections, claim, &error);

      _tally_facts_view_corrected (self, ok, error, _("Claim split out"));
      return;
    }
  identity = _tally_facts_view_claim_identity (claim);
  group = g_strconcat ("claim:", identity, NULL);
  command = command_new (self, tally_fact_get_key (fact), tally_fact_get_key (fact));
  command_add (command, self->claim_groups, identity, group);
  title = g_strdup_printf (_("“%s” split out of “%s”"), tally_claim_get_text (claim), tally_fact_get_label (fact));
  command_run (self, command, title);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (widget);
  TallyFact *fact = tally_facts_view_get_selected (self);
  const char *target = g_variant_get_string (parameter, NULL);
  GListModel *claims;
  g_autofree char *title = NULL;
  g_autofree char *target_label = NULL;
  Command *command;

  if (fact == NULL || g_strcmp0 (target, tally_fact_get_key (fact)) == 0)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (self->facts); i++)
    {
      g_autoptr(TallyFact) other = g_list_model_get_item (self->facts, i);

      if (g_strcmp0 (tally_fact_get_key (other), target) == 0)
        target_label = g_strdup (tally_fact_get_label (other));
    }
  if (target_label == NULL)
    return;
  if (self->corrections != NULL)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_set_str (&self->select_next, target);
      ok = tally_corrections_merge_facts (self->corrections, tally_fact_get_key (fact), target, &error);
      title = g_strdup_printf (_("“%s” merged into “%s”"), tally_fact_get_label (fact), target_label);
      _tally_facts_view_corrected (self, ok, error, title);
      return;
    }

  /* Every claim of the fact joins the target's group. */
  command = command_new (self, target, tally_fact_get_key (fact));
  claims = tally_fact_get_claims (fact);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(TallyClaim) claim = g_list_model_get_item (claims, i);
      g_autofree char *identity = _tally_facts_view_claim_identity (claim);

      command_add (command, self->claim_groups, identity, target);
    }
  title = g_strdup_printf (_("“%s” merged into “%s”"), tally_fact_get_label (fact), target_label);
  command_run (self, command, title);
}

static void
on_merge_activated (TallyFactsView *self,
                    guint           position)
{
  g_autoptr(TallyFact) target = g_list_model_get_item (G_LIST_MODEL (self->merge_candidates), position);

  gtk_menu_button_popdown (self->merge_button);
  if (target != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "facts.merge", "s", tally_fact_get_key (target));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!tally_undo_stack_undo (self->undo_stack, &error) && error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  _tally_facts_view_corrections_update (self);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!tally_undo_stack_redo (self->undo_stack, &error) && error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  _tally_facts_view_corrections_update (self);
}

/* ---- state -------------------------------------------------------------- */

/* Merge candidates: every fact but the selected one. */
static gboolean
is_merge_candidate (gpointer item,
                    gpointer user_data)
{
  TallyFactsView *self = user_data;

  return item != tally_facts_view_get_selected (self);
}

void
_tally_facts_view_corrections_update (TallyFactsView *self)
{
  TallyFact *fact;
  gboolean editable;

  if (self->undo_stack == NULL)
    return;   /* disposed */
  fact = tally_facts_view_get_selected (self);
  /* Corrections regroup the claims: only for facts the view grouped itself. */
  editable = fact != NULL && self->claims != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "facts.rename", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "facts.rename-dialog", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "facts.merge", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "facts.split-claim",
                                 editable && tally_fact_get_claim_count (fact) > 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_button), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "facts.undo", tally_undo_stack_get_can_undo (self->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "facts.redo", tally_undo_stack_get_can_redo (self->undo_stack));
  gtk_filter_list_model_set_model (self->merge_candidates, self->facts);
  gtk_filter_changed (GTK_FILTER (self->merge_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

GtkWidget *
_tally_facts_view_split_button_new (TallyFactsView *self,
                                    GtkListItem    *item)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-cut-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Split Out of This Fact"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "facts.split-claim");
  return button;
}

void
_tally_facts_view_corrections_class_init (TallyFactsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (TALLY_TYPE_UNDO_STACK);
  gtk_widget_class_install_action (widget_class, "facts.rename", "s", rename_action);
  gtk_widget_class_install_action (widget_class, "facts.rename-dialog", NULL, rename_dialog_action);
  gtk_widget_class_install_action (widget_class, "facts.split-claim", "u", split_claim_action);
  gtk_widget_class_install_action (widget_class, "facts.merge", "s", merge_action);
  gtk_widget_class_install_action (widget_class, "facts.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "facts.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "facts.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "facts.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "facts.rename-dialog", NULL);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_activated);
}

void
_tally_facts_view_corrections_init (TallyFactsView *self)
{
  self->claim_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->undo_stack = tally_undo_stack_new ();
  gtk_custom_filter_set_filter_func (self->merge_filter, is_merge_candidate, self, NULL);
  _tally_facts_view_corrections_update (self);
}

void
_tally_facts_view_corrections_dispose (TallyFactsView *self)
{
  /* The commands point at the tables: drop them first. */
  g_clear_object (&self->undo_stack);
  g_clear_pointer (&self->claim_groups, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
}
