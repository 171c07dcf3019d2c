/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-claim-edit-dialog.h"
#include "tally-facts-view-private.h"
#include "tally-rename-dialog.h"
#include "tally-toast.h"

/* Corrections in the fact table: rename a fact, merge it into another,
 * split a claim out of it, edit a claim or mark it "not a claim". Each is a
 * row of the project's corrections table and one step on its undo stack
 * (both owned by the view's TallySession), with a toast that offers Undo;
 * the session groups the claims again and the view shows the new facts. */

static TallyCorrections *
corrections (TallyFactsView *self)
{
  return self->session != NULL ? tally_session_get_corrections (self->session) : NULL;
}

static gboolean
root_has_action (GtkWidget  *widget,
                 const char *name)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *action = NULL, *property = NULL;
  const GVariantType *type = NULL;
  GType owner;

  for (guint i = 0; root != NULL
                    && gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (root), i, &owner, &action, &type, &property);
       i++)
    if (g_str_equal (action, name))
      return TRUE;
  return FALSE;
}

static void
_tally_facts_view_corrected (TallyFactsView *self,
                             gboolean        ok,
                             GError         *error,
                             const char     *title)
{
  AdwToast *toast;
  GtkWidget *window_overlay;

  if (!ok)
    {
      g_clear_pointer (&self->select_next, g_free);
      if (error != NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, tally_toast_new_text (error->message));
      return;
    }
  toast = tally_toast_new_text (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* The answer to what the analyst just did: before older news. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* In a window, its overlay: one toast at a time (an import's news gives
   * way), and win.undo walks the same stack. */
  window_overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (window_overlay != NULL && !root_has_action (GTK_WIDGET (self), "win.undo"))
    window_overlay = NULL;
  adw_toast_set_action_name (toast, window_overlay != NULL ? "win.undo" : "facts.undo");
  adw_toast_overlay_add_toast (window_overlay != NULL ? ADW_TOAST_OVERLAY (window_overlay) : self->toast_overlay, toast);
  _tally_facts_view_actions_update (self);
}

/* ---- the claims panel's menu -------------------------------------------- */

static TallyClaim *
panel_claim (TallyFactsView *self,
             GVariant       *parameter)
{
  return g_list_model_get_item (tally_facts_view_get_panel_claims (self), g_variant_get_uint32 (parameter));
}

static void
on_edit_saved (TallyFactsView *self)
{
  _tally_facts_view_corrected (self, TRUE, NULL, _("Claim edited"));
}

static void
on_edit_failed (TallyFactsView *self,
                const char     *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, tally_toast_new_text (message));
}

static void
edit_claim_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (widget);
  g_autoptr(TallyClaim) claim = panel_claim (self, parameter);
  TallyClaimEditDialog *dialog;

  if (claim == NULL || corrections (self) == NULL)
    return;
  dialog = tally_claim_edit_dialog_new (corrections (self), claim);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_edit_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (on_edit_failed), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

static void
not_claim_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (widget);
  g_autoptr(TallyClaim) claim = panel_claim (self, parameter);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (claim == NULL || corrections (self) == NULL)
    return;
  ok = tally_corrections_set_not_claim (corrections (self), claim, &error);
  _tally_facts_view_corrected (self, ok, error, _("Marked as not a claim"));
}

GtkWidget *
_tally_facts_view_claim_menu_new (TallyFactsView *self)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Correct This Claim"));
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* The menu's items carry the claim's position in the panel. */
void
_tally_facts_view_claim_menu_bind (TallyFactsView *self,
                                   GtkWidget      *button,
                                   guint           position)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  const struct { const char *label; const char *action; } items[] = {
    { N_("_Edit Claim…"), "facts.edit-claim" },
    { N_("_Not a Claim"), "facts.not-claim" },
    { N_("_Split Out"), "facts.split-claim" },
  };

  gtk_widget_set_visible (button, self->session != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_uint32 (position));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
}

/* Selects the fact with this label or key (for the screenshot tool and
 * tests driving the view by its actions). */
static void
select_fact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (widget);
  GListModel *rows = tally_facts_view_get_rows (self);
  const char *wanted = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (rows, i);

      if (g_str_equal (tally_fact_get_label (fact), wanted) || g_str_equal (tally_fact_get_key (fact), wanted))
        {
          tally_facts_view_select (self, i);
          return;
        }
    }
}

/* ---- fact actions ------------------------------------------------------- */

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (widget);
  TallyFact *fact = tally_facts_view_get_selected (self);
  g_autofree char *label = g_strstrip (g_variant_dup_string (parameter, NULL));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (fact == NULL || corrections (self) == NULL || g_strcmp0 (label, tally_fact_get_label (fact)) == 0)
    return;
  ok = tally_corrections_rename_fact (corrections (self), tally_fact_get_key (fact), label, &error);
  _tally_facts_view_corrected (self, ok, error, _("Fact renamed"));
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
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (fact == NULL || corrections (self) == NULL)
    return;
  claim = g_list_model_get_item (tally_fact_get_claims (fact), g_variant_get_uint32 (parameter));
  if (claim == NULL)
    return;
  ok = tally_corrections_split_claim (corrections (self), claim, &error);
  _tally_facts_view_corrected (self, ok, error, _("Claim split out"));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (widget);
  TallyFact *fact = tally_facts_view_get_selected (self);
  const char *target = g_variant_get_string (parameter, NULL);
  g_autofree char *title = NULL;
  g_autofree char *target_label = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (fact == NULL || corrections (self) == NULL || g_strcmp0 (target, tally_fact_get_key (fact)) == 0)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (self->facts); i++)
    {
      g_autoptr(TallyFact) other = g_list_model_get_item (self->facts, i);

      if (g_strcmp0 (tally_fact_get_key (other), target) == 0)
        target_label = g_strdup (tally_fact_get_label (other));
    }
  if (target_label == NULL)
    return;
  /* The merged fact is gone once grouped again: show the one it joined. */
  g_set_str (&self->select_next, target);
  ok = tally_corrections_merge_facts (corrections (self), tally_fact_get_key (fact), target, &error);
  title = g_strdup_printf (_("“%s” merged into “%s”"), tally_fact_get_label (fact), target_label);
  _tally_facts_view_corrected (self, ok, error, title);
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

/* Ctrl+Z in the view (the window's win.undo walks the same stack). */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (widget);
  TallyUndoStack *stack = self->session != NULL ? tally_session_get_undo_stack (self->session) : NULL;
  gboolean redo = g_str_equal (action_name, "facts.redo");
  g_autoptr(GError) error = NULL;

  if (stack == NULL)
    return;
  if (!(redo ? tally_undo_stack_redo (stack, &error) : tally_undo_stack_undo (stack, &error)) && error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, tally_toast_new_text (error->message));
  _tally_facts_view_actions_update (self);
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
_tally_facts_view_actions_update (TallyFactsView *self)
{
  TallyFact *fact = tally_facts_view_get_selected (self);
  TallyUndoStack *stack = self->session != NULL ? tally_session_get_undo_stack (self->session) : NULL;
  /* Only the session's facts are correctable (not a list shown as it is). */
  gboolean editable = fact != NULL && self->session != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "facts.rename", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "facts.rename-dialog", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "facts.merge", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "facts.split-claim",
                                 editable && tally_fact_get_claim_count (fact) > 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_button), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "facts.undo", stack != NULL && tally_undo_stack_get_can_undo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "facts.redo", stack != NULL && tally_undo_stack_get_can_redo (stack));
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
_tally_facts_view_edits_class_init (TallyFactsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (TALLY_TYPE_CLAIM_EDIT_DIALOG);
  gtk_widget_class_install_action (widget_class, "facts.rename", "s", rename_action);
  gtk_widget_class_install_action (widget_class, "facts.rename-dialog", NULL, rename_dialog_action);
  gtk_widget_class_install_action (widget_class, "facts.split-claim", "u", split_claim_action);
  gtk_widget_class_install_action (widget_class, "facts.merge", "s", merge_action);
  gtk_widget_class_install_action (widget_class, "facts.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "facts.redo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "facts.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "facts.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "facts.rename-dialog", NULL);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_activated);
  gtk_widget_class_install_action (widget_class, "facts.edit-claim", "u", edit_claim_action);
  gtk_widget_class_install_action (widget_class, "facts.not-claim", "u", not_claim_action);
  gtk_widget_class_install_action (widget_class, "facts.select-fact", "s", select_fact_action);
}

void
_tally_facts_view_edits_init (TallyFactsView *self)
{
  gtk_custom_filter_set_filter_func (self->merge_filter, is_merge_candidate, self, NULL);
  _tally_facts_view_actions_update (self);
}
