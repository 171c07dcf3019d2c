/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>

#include "tally-undo-stack.h"

typedef struct
{
  int *target;
  int  before;
  int  after;
  gboolean refuse;
} SetInt;

static gboolean
set_int_redo (gpointer data, GError **error)
{
  SetInt *op = data;

  *op->target = op->after;
  return TRUE;
}

static gboolean
set_int_undo (gpointer data, GError **error)
{
  SetInt *op = data;

  if (op->refuse)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "refused");
      return FALSE;
    }
  *op->target = op->before;
  return TRUE;
}

static void
push_set (TallyUndoStack *stack, const char *label, int *target, int after)
{
  SetInt *op = g_new0 (SetInt, 1);

  op->target = target;
  op->before = *target;
  op->after = after;
  set_int_redo (op, NULL);
  tally_undo_stack_push (stack, label, set_int_redo, set_int_undo, op, g_free);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *counter)
{
  (*counter)++;
}

static void
test_undo_redo (void)
{
  g_autoptr(TallyUndoStack) stack = tally_undo_stack_new ();
  g_autoptr(GError) error = NULL;
  int value = 1;
  guint can_undo_notifies = 0;

  g_signal_connect (stack, "notify::can-undo", G_CALLBACK (count_notify), &can_undo_notifies);

  g_assert_false (tally_undo_stack_get_can_undo (stack));
  g_assert_false (tally_undo_stack_undo (stack, &error));
  g_assert_no_error (error);

  push_set (stack, "Set to 2", &value, 2);
  push_set (stack, "Set to 3", &value, 3);
  g_assert_cmpint (value, ==, 3);
  g_assert_cmpuint (can_undo_notifies, ==, 1);   /* only the first push changed it */
  g_assert_cmpstr (tally_undo_stack_get_undo_label (stack), ==, "Set to 3");

  g_assert_true (tally_undo_stack_undo (stack, &error));
  g_assert_cmpint (value, ==, 2);
  g_assert_cmpstr (tally_undo_stack_get_redo_label (stack), ==, "Set to 3");
  g_assert_true (tally_undo_stack_undo (stack, &error));
  g_assert_cmpint (value, ==, 1);
  g_assert_false (tally_undo_stack_get_can_undo (stack));
  g_assert_cmpuint (can_undo_notifies, ==, 2);

  g_assert_true (tally_undo_stack_redo (stack, &error));
  g_assert_cmpint (value, ==, 2);
  g_assert_true (tally_undo_stack_get_can_redo (stack));

  /* A new change drops the redo history. */
  push_set (stack, "Set to 7", &value, 7);
  g_assert_false (tally_undo_stack_get_can_redo (stack));
  g_assert_false (tally_undo_stack_redo (stack, &error));
  g_assert_cmpint (value, ==, 7);
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&stack));
}

static void
test_undo_refused (void)
{
  g_autoptr(TallyUndoStack) stack = tally_undo_stack_new ();
  g_autoptr(GError) error = NULL;
  SetInt *op = g_new0 (SetInt, 1);
  int value = 5;

  op->target = &value;
  op->before = 5;
  op->after = 6;
  op->refuse = TRUE;
  set_int_redo (op, NULL);
  tally_undo_stack_push (stack, "Refusing", set_int_redo, set_int_undo, op, g_free);

  g_assert_false (tally_undo_stack_undo (stack, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  /* The command stays where it was, so the analyst can try again. */
  g_assert_true (tally_undo_stack_get_can_undo (stack));
  g_assert_false (tally_undo_stack_get_can_redo (stack));
  g_assert_cmpint (value, ==, 6);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/undo-stack/undo-redo", test_undo_redo);
  g_test_add_func ("/model/undo-stack/refused", test_undo_refused);
  return g_test_run ();
}
