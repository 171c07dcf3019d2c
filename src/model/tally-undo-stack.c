/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-undo-stack.h"

/* Every correction an analyst makes (merge facts, edit a claim, remove a
 * document, …) is pushed here after it has been applied, with the function
 * that reverts it. Ctrl+Z and Ctrl+Shift+Z walk the stack. */

typedef struct
{
  char           *label;
  TallyUndoFunc   redo;
  TallyUndoFunc   undo;
  gpointer        data;
  GDestroyNotify  destroy;
} UndoCommand;

struct _TallyUndoStack
{
  GObject  parent_instance;

  GQueue   done;     /* head = most recent */
  GQueue   undone;   /* head = most recently undone */
};

G_DEFINE_FINAL_TYPE (TallyUndoStack, tally_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
undo_command_free (gpointer data)
{
  UndoCommand *command = data;

  if (command->destroy != NULL)
    command->destroy (command->data);
  g_free (command->label);
  g_free (command);
}

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  const UndoCommand *top_done;
  const UndoCommand *top_undone;
} StackState;

static StackState
tally_undo_stack_state (TallyUndoStack *self)
{
  return (StackState) {
    .can_undo = self->done.length > 0,
    .can_redo = self->undone.length > 0,
    .top_done = g_queue_peek_head (&self->done),
    .top_undone = g_queue_peek_head (&self->undone),
  };
}

/* Notifies only what really changed. */
static void
tally_undo_stack_notify_changes (TallyUndoStack   *self,
                                 const StackState *before)
{
  StackState after = tally_undo_stack_state (self);

  if (before->can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before->top_done != after.top_done)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (before->top_undone != after.top_undone)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

TallyUndoStack *
tally_undo_stack_new (void)
{
  return g_object_new (TALLY_TYPE_UNDO_STACK, NULL);
}

void
tally_undo_stack_push (TallyUndoStack *self,
                       const char     *label,
                       TallyUndoFunc   redo,
                       TallyUndoFunc   undo,
                       gpointer        data,
                       GDestroyNotify  destroy)
{
  StackState before;
  UndoCommand *command;

  g_return_if_fail (TALLY_IS_UNDO_STACK (self));
  g_return_if_fail (redo != NULL && undo != NULL);

  before = tally_undo_stack_state (self);
  command = g_new0 (UndoCommand, 1);
  command->label = g_strdup (label);
  command->redo = redo;
  command->undo = undo;
  command->data = data;
  command->destroy = destroy;

  /* A new correction forgets what had been undone, as every editor does. */
  g_queue_clear_full (&self->undone, undo_command_free);
  g_queue_push_head (&self->done, command);
  tally_undo_stack_notify_changes (self, &before);
}

static gboolean
tally_undo_stack_move (TallyUndoStack  *self,
                       GQueue          *from,
                       GQueue          *to,
                       gboolean         undoing,
                       GError         **error)
{
  StackState before = tally_undo_stack_state (self);
  UndoCommand *command = g_queue_peek_head (from);
  gboolean ok;

  if (command == NULL)
    return FALSE;

  ok = undoing ? command->undo (command->data, error) : command->redo (command->data, error);
  if (!ok)
    return FALSE;

  g_queue_push_head (to, g_queue_pop_head (from));
  tally_undo_stack_notify_changes (self, &before);
  return TRUE;
}

gboolean
tally_undo_stack_undo (TallyUndoStack  *self,
                       GError         **error)
{
  g_return_val_if_fail (TALLY_IS_UNDO_STACK (self), FALSE);
  return tally_undo_stack_move (self, &self->done, &self->undone, TRUE, error);
}

gboolean
tally_undo_stack_redo (TallyUndoStack  *self,
                       GError         **error)
{
  g_return_val_if_fail (TALLY_IS_UNDO_STACK (self), FALSE);
  return tally_undo_stack_move (self, &self->undone, &self->done, FALSE, error);
}

gboolean
tally_undo_stack_get_can_undo (TallyUndoStack *self)
{
  g_return_val_if_fail (TALLY_IS_UNDO_STACK (self), FALSE);
  return self->done.length > 0;
}

gboolean
tally_undo_stack_get_can_redo (TallyUndoStack *self)
{
  g_return_val_if_fail (TALLY_IS_UNDO_STACK (self), FALSE);
  return self->undone.length > 0;
}

const char *
tally_undo_stack_get_undo_label (TallyUndoStack *self)
{
  const UndoCommand *command;

  g_return_val_if_fail (TALLY_IS_UNDO_STACK (self), NULL);
  command = g_queue_peek_head (&self->done);
  return command ? command->label : NULL;
}

const char *
tally_undo_stack_get_redo_label (TallyUndoStack *self)
{
  const UndoCommand *command;

  g_return_val_if_fail (TALLY_IS_UNDO_STACK (self), NULL);
  command = g_queue_peek_head (&self->undone);
  return command ? command->label : NULL;
}

static void
tally_undo_stack_finalize (GObject *object)
{
  TallyUndoStack *self = TALLY_UNDO_STACK (object);

  g_queue_clear_full (&self->done, undo_command_free);
  g_queue_clear_full (&self->undone, undo_command_free);
  G_OBJECT_CLASS (tally_undo_stack_parent_class)->finalize (object);
}

static void
tally_undo_stack_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TallyUndoStack *self = TALLY_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tally_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, tally_undo_stack_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, tally_undo_stack_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, tally_undo_stack_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_undo_stack_class_init (TallyUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tally_undo_stack_finalize;
  object_class->get_property = tally_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_undo_stack_init (TallyUndoStack *self)
{
  g_queue_init (&self->done);
  g_queue_init (&self->undone);
}
