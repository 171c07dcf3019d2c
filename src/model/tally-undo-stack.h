/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Applies (redo) or reverts (undo) one correction. Returns FALSE with @error set
 * when the project refused it; the stack then leaves the command where it was. */
typedef gboolean (*TallyUndoFunc) (gpointer   data,
                                   GError   **error);

#define TALLY_TYPE_UNDO_STACK (tally_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (TallyUndoStack, tally_undo_stack, TALLY, UNDO_STACK, GObject)

TallyUndoStack *tally_undo_stack_new            (void);
void            tally_undo_stack_push           (TallyUndoStack  *self,
                                                 const char      *label,
                                                 TallyUndoFunc    redo,
                                                 TallyUndoFunc    undo,
                                                 gpointer         data,
                                                 GDestroyNotify   destroy);
gboolean        tally_undo_stack_undo           (TallyUndoStack  *self,
                                                 GError         **error);
gboolean        tally_undo_stack_redo           (TallyUndoStack  *self,
                                                 GError         **error);
gboolean        tally_undo_stack_get_can_undo   (TallyUndoStack  *self);
gboolean        tally_undo_stack_get_can_redo   (TallyUndoStack  *self);
const char     *tally_undo_stack_get_undo_label (TallyUndoStack  *self);
const char     *tally_undo_stack_get_redo_label (TallyUndoStack  *self);

G_END_DECLS
