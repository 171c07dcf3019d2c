/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-claim-edit-dialog.h"
#include "tally-facts-view-private.h"

/* Corrections that stay: when the view follows a project, its corrections
 * are a TallyCorrections over the project file (rows of the corrections
 * table, reloaded when the project opens) and the view's undo stack is
 * theirs. Any change, undo or redo regroups the claims. This file also has
 * the claims panel's per-claim menu: Edit Claim…, Not a Claim, Split Out. */

static void
on_corrections_changed (TallyFactsView *self)
{
  TallyFact *selected = tally_facts_view_get_selected (self);
  g_autofree char *key = g_steal_pointer (&self->select_next);

  if (key == NULL && selected != NULL)
    key = g_strdup (tally_fact_get_key (selected));
  /* Still reading the claims: the grouping will apply them. */
  if (self->claims != NULL)
    _tally_facts_view_regroup (self, key);
  _tally_facts_view_corrections_update (self);
}

void
_tally_facts_view_edits_set_project (TallyFactsView *self,
                                     TallyProject   *project)
{
  g_autoptr(GError) error = NULL;

  if (self->corrections != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->corrections, on_corrections_changed, self);
      g_clear_object (&self->corrections);
      g_clear_pointer (&self->select_next, g_free);
    }
  if (project == NULL)
    {
      /* Without a project, corrections live in the view (see -corrections.c). */
      if (self->undo_stack != NULL)
        {
          g_clear_object (&self->undo_stack);
          self->undo_stack = tally_undo_stack_new ();
        }
      return;
    }
  self->corrections = tally_corrections_new (project, NULL, &error);
  if (self->corrections == NULL)
    {
      g_warning ("Corrections of %s: %s", tally_project_get_path (project), error->message);
      return;
    }
  g_set_object (&self->undo_stack, tally_corrections_get_undo_stack (self->corrections));
  g_signal_connect_swapped (self->corrections, "changed::facts", G_CALLBACK (on_corrections_changed), self);
}

TallyCorrections *
tally_facts_view_get_corrections (TallyFactsView *self)
{
  g_return_val_if_fail (TALLY_IS_FACTS_VIEW (self), NULL);
  return self->corrections;
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

void
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
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  toast = adw_toast_new (title);
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
  _tally_facts_view_corrections_update (self);
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
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
edit_claim_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TallyFactsView *self = TALLY_FACTS_VIEW (widget);
  g_autoptr(TallyClaim) claim = panel_claim (self, parameter);
  TallyClaimEditDialog *dialog;

  if (claim == NULL || self->corrections == NULL)
    return;
  dialog = tally_claim_edit_dialog_new (self->corrections, claim);
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

  if (claim == NULL || self->corrections == NULL)
    return;
  ok = tally_corrections_set_not_claim (self->corrections, claim, &error);
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

  gtk_widget_set_visible (button, self->corrections != NULL);
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

void
_tally_facts_view_edits_class_init (TallyFactsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (TALLY_TYPE_CLAIM_EDIT_DIALOG);
  gtk_widget_class_install_action (widget_class, "facts.edit-claim", "u", edit_claim_action);
  gtk_widget_class_install_action (widget_class, "facts.not-claim", "u", not_claim_action);
  gtk_widget_class_install_action (widget_class, "facts.select-fact", "s", select_fact_action);
}
