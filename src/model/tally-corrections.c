/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-corrections.h"
#include "tally-events.h"
#include "tally-partial-date.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Rows of the corrections table are replayed in order into a state per
 * claim and per fact; a later row overrides an earlier one of the same
 * field, an undone row counts for nothing. The rows are the truth: the
 * state is rebuilt from them after every change (there are few). Stored as
 * target "claim:START:END" with target_id the document id, or "fact:KEY"
 * with target_id 0, or "event:START:END" with target_id the document id for
 * an event mention's sentence, or "story" with target_id the document id
 * for a document moved to another story (its new value the id of a
 * document of that story, its own id for a story of its own, "" for the
 * story its words find); rows of other targets (documents) are not ours. Event corrections live here rather than in a class of their own so
 * that they share the rows, the replay, the undo commands and ::changed. */

typedef enum
{
  FIELD_VALUE,
  FIELD_UNIT,
  FIELD_QUALIFIER,
  FIELD_MEASURE,
  N_EDIT_FIELDS,
  FIELD_NOT_CLAIM = N_EDIT_FIELDS,
  FIELD_SPLIT,
  FIELD_MERGE,
  FIELD_LABEL,
  FIELD_NOT_EVENT,      /* event mentions */
  FIELD_EVENT_LABEL,
  FIELD_MOVED_TO,       /* documents' stories */
  N_FIELDS
} Field;

static const char *field_names[N_FIELDS] = {
  "value", "unit", "qualifier", "measure", "not-claim", "split", "merge", "label",
  "not-event", "event-label", "moved-to",
};

/* An event mention's sentence is keyed the same way as a claim. */
typedef TallyClaimKey ClaimKey;

typedef struct
{
  gint64 id;
  gboolean is_fact;
  gboolean is_event;    /* `claim` is then an event mention's sentence */
  gboolean is_story;    /* `claim.document_id` is then the moved document */
  ClaimKey claim;
  char *key;            /* the fact's key */
  Field field;
  char *old_value;
  char *new_value;
  gboolean undone;
} Entry;

typedef struct
{
  ClaimKey key;
  char *set[N_EDIT_FIELDS];         /* NULL: as extracted */
  const char *original[N_EDIT_FIELDS];
  gboolean not_claim;
  gboolean split;
} ClaimState;

struct _TallyCorrections
{
  GObject parent_instance;

  GWeakRef project;     /* unset in a copy */
  TallyUndoStack *undo_stack;
  GPtrArray *entries;   /* Entry*, in row order */

  GHashTable *claims;   /* ClaimKey* → ClaimState* */
  GHashTable *labels;   /* fact key → label */
  GHashTable *merges;   /* fact key → fact key */
  GHashTable *left_out; /* tally_event_mention_key() set */
  GHashTable *event_labels; /* mention key → label */
  GHashTable *moves;    /* TallyDocumentId* moved → TallyDocumentId* the document it follows */
  guint n_active;
};

G_DEFINE_FINAL_TYPE (TallyCorrections, tally_corrections, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
entry_free (Entry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->key);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

static Entry *
entry_copy (const Entry *entry)
{
  Entry *copy = g_memdup2 (entry, sizeof *entry);

  copy->key = g_strdup (entry->key);
  copy->old_value = g_strdup (entry->old_value);
  copy->new_value = g_strdup (entry->new_value);
  return copy;
}

static void
claim_state_free (ClaimState *state)
{
  for (guint f = 0; f < N_EDIT_FIELDS; f++)
    g_free (state->set[f]);
  g_free (state);
}

/* ---- values --------------------------------------------------------------- */

static gboolean
is_date_kind (TallyClaimKind kind)
{
  return kind == TALLY_CLAIM_KIND_YEAR || kind == TALLY_CLAIM_KIND_DATE;
}

/* A field as text, as the edit dialog shows it and a row stores it. */
static char *
field_to_string (const TallyClaimRecord *record,
                 Field                   field)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE], buf_max[G_ASCII_DTOSTR_BUF_SIZE];

  switch (field)
    {
    case FIELD_VALUE:
      if (is_date_kind (record->kind) || !record->has_value)
        return g_strdup (record->value_text != NULL ? record->value_text : "");
      g_ascii_formatd (buf, sizeof buf, "%.15g", record->value);
      if (!record->has_value_max)
        return g_strdup (buf);
      g_ascii_formatd (buf_max, sizeof buf_max, "%.15g", record->value_max);
      return g_strdup_printf ("%s-%s", buf, buf_max);
    case FIELD_UNIT: return g_strdup (record->unit != NULL ? record->unit : "");
    case FIELD_QUALIFIER: return g_strdup (tally_qualifier_to_string (record->qualifier));
    case FIELD_MEASURE: return g_strdup (record->measure != NULL ? record->measure : "");
    default: g_return_val_if_reached (NULL);
    }
}

static gboolean
parse_number (const char  *text,
              double      *value,
              const char **end)
{
  char *stop = NULL;

  *value = g_ascii_strtod (text, &stop);
  if (stop == text || !isfinite (*value))
    return FALSE;
  *end = stop;
  return TRUE;
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a month and day that exist. */
static gboolean
parse_date (const char *text,
            int        *year)
{
  TallyPartialDate date;

  if (!tally_partial_date_parse (text, TALLY_PARTIAL_DATE_YEAR_MONTH_DAY, &date))
    return FALSE;
  *year = date.year;
  return TRUE;
}

/* Sets `field` of `record` from its text; FALSE with a message naming the
 * text when it does not fit the claim's kind. */
static gboolean
set_field (TallyClaimRecord *record,
           Field             field,
           const char       *text,
           GError          **error)
{
  switch (field)
    {
    case FIELD_VALUE:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));

        if (is_date_kind (record->kind))
          {
            int year = 0;

            if (!parse_date (stripped, &year))
              {
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                             _("“%s” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"), text);
                return FALSE;
              }
            g_free (record->value_text);
            record->value_text = g_steal_pointer (&stripped);
            g_clear_pointer (&record->value_max_text, g_free);
            record->has_value = TRUE;
            record->value = year;
            record->has_value_max = FALSE;
          }
        else
          {
            double value = 0, value_max = 0;
            const char *end = NULL, *rest = NULL;

            if (!parse_number (stripped, &value, &end)
                || (*end != '\0' && (*end != '-' || !parse_number (end + 1, &value_max, &rest) || *rest != '\0')))
              {
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                             _("“%s” is not a number or a range such as 14-16"), text);
                return FALSE;
              }
            record->has_value = TRUE;
            record->value = value;
            record->has_value_max = *end == '-';
            record->value_max = record->has_value_max ? value_max : 0;
          }
        g_clear_pointer (&record->relative, g_free);
        return TRUE;
      }
    case FIELD_UNIT:
      g_free (record->unit);
      record->unit = text[0] != '\0' ? g_strdup (text) : NULL;
      return TRUE;
    case FIELD_QUALIFIER:
      if (!tally_qualifier_from_string (text, &record->qualifier))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not a qualifier"), text);
          return FALSE;
        }
      return TRUE;
    case FIELD_MEASURE:
      g_free (record->measure);
      record->measure = text[0] != '\0' ? g_strdup (text) : NULL;
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* ---- state ---------------------------------------------------------------- */

static ClaimState *
claim_state_for (TallyCorrections *self,
                 const ClaimKey   *key)
{
  ClaimState *state = g_hash_table_lookup (self->claims, key);

  if (state == NULL)
    {
      state = g_new0 (ClaimState, 1);
      state->key = *key;
      g_hash_table_insert (self->claims, &state->key, state);
    }
  return state;
}

static char *
mention_key_of (const ClaimKey *key)
{
  g_autofree char *document = tally_document_id_to_key (key->document_id);

  return tally_event_mention_key (document, key->start, key->end);
}

static void
rebuild (TallyCorrections *self)
{
  g_hash_table_remove_all (self->claims);
  g_hash_table_remove_all (self->labels);
  g_hash_table_remove_all (self->merges);
  g_hash_table_remove_all (self->left_out);
  g_hash_table_remove_all (self->event_labels);
  g_hash_table_remove_all (self->moves);
  self->n_active = 0;
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (self->entries, i);
      ClaimState *state;

      if (entry->undone)
        continue;
      self->n_active++;
      if (entry->is_fact)
        {
          g_hash_table_replace (entry->field == FIELD_LABEL ? self->labels : self->merges,
                                g_strdup (entry->key), g_strdup (entry->new_value));
          continue;
        }
      if (entry->is_story)
        {
          TallyDocumentId into = tally_document_id_from_key (entry->new_value);

          if (!tally_document_id_is_none (into))
            g_hash_table_replace (self->moves, tally_document_id_dup (entry->claim.document_id),
                                  tally_document_id_dup (into));
          else
            g_hash_table_remove (self->moves, &entry->claim.document_id);
          continue;
        }
      if (entry->is_event)
        {
          char *key = mention_key_of (&entry->claim);

          if (entry->field == FIELD_EVENT_LABEL)
            g_hash_table_replace (self->event_labels, key, g_strdup (entry->new_value));
          else if (g_strcmp0 (entry->new_value, "1") == 0)
            g_hash_table_add (self->left_out, key);
          else
            {
              g_hash_table_remove (self->left_out, key);
              g_free (key);
            }
          continue;
        }
      state = claim_state_for (self, &entry->claim);
      switch (entry->field)
        {
        case FIELD_NOT_CLAIM: state->not_claim = g_strcmp0 (entry->new_value, "1") == 0; break;
        case FIELD_SPLIT: state->split = g_strcmp0 (entry->new_value, "1") == 0; break;
        default:
          g_free (state->set[entry->field]);
          state->set[entry->field] = g_strdup (entry->new_value != NULL ? entry->new_value : "");
          /* The first edit in force saw the claim as extracted. */
          if (state->original[entry->field] == NULL)
            state->original[entry->field] = entry->old_value != NULL ? entry->old_value : "";
        }
    }
}

/* Reads one row; FALSE for rows that are not corrections of facts. */
static gboolean
entry_parse (Entry           *entry,
             const char      *target,
             TallyDocumentId  target_id,
             const char      *field)
{
  guint f;

  for (f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (field, field_names[f]) == 0)
      break;
  if (f == N_FIELDS || target == NULL)
    return FALSE;
  entry->field = f;
  if (g_str_equal (target, "story"))
    {
      entry->is_story = TRUE;
      entry->claim.document_id = target_id;
      return f == FIELD_MOVED_TO;
    }
  if (g_str_has_prefix (target, "fact:"))
    {
      entry->is_fact = TRUE;
      entry->key = g_strdup (target + strlen ("fact:"));
      return f == FIELD_MERGE || f == FIELD_LABEL;
    }
  entry->is_event = g_str_has_prefix (target, "event:");
  if (g_str_has_prefix (target, "claim:") || entry->is_event)
    {
      guint64 start, end;
      char *stop = NULL;

      start = g_ascii_strtoull (strchr (target, ':') + 1, &stop, 10);
      if (stop == NULL || *stop != ':')
        return FALSE;
      end = g_ascii_strtoull (stop + 1, &stop, 10);
      if (*stop != '\0' || end < start)
        return FALSE;
      entry->claim = (ClaimKey) { target_id, start, end };
      if (entry->is_event)
        return f == FIELD_NOT_EVENT || f == FIELD_EVENT_LABEL;
      return f != FIELD_MERGE && f != FIELD_LABEL && f != FIELD_NOT_EVENT && f != FIELD_EVENT_LABEL;
    }
  return FALSE;
}

static void
load_row (gint64           id,
          const char      *target,
          TallyDocumentId  target_id,
          const char      *field,
          const char      *old_value,
          const char      *new_value,
          gboolean         undone,
          gpointer         user_data)
{
  TallyCorrections *self = user_data;
  Entry *entry = g_new0 (Entry, 1);

  if (!entry_parse (entry, target, target_id, field))
    {
      entry_free (entry);
      return;
    }
  entry->id = id;
  entry->old_value = g_strdup (old_value);
  entry->new_value = g_strdup (new_value);
  entry->undone = undone;
  g_ptr_array_add (self->entries, entry);
}

/* ::changed with the detail "events" for event corrections and "facts" for
 * the others, so the timeline does not find every event again when a claim
 * is edited, nor the Facts view regroup when a mention is left out. */
static void
emit_changed (TallyCorrections *self,
              gboolean          events)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (events ? "events" : "facts"));
}

/* ---- undo ----------------------------------------------------------------- */

typedef struct
{
  GWeakRef corrections;
  GArray *ids;          /* gint64 row ids */
} Command;

/* A GDestroyNotify itself: the undo stack calls it through that type, and
 * a call through a cast function pointer is undefined (UBSan: function). */
static void
command_free (gpointer data)
{
  Command *command = data;

  g_weak_ref_clear (&command->corrections);
  g_array_unref (command->ids);
  g_free (command);
}

static gboolean
set_undone (Command  *command,
            gboolean  undone,
            GError  **error)
{
  g_autoptr(TallyCorrections) self = g_weak_ref_get (&command->corrections);
  g_autoptr(TallyProject) project = NULL;
  gboolean events = FALSE;

  if (self == NULL || (project = g_weak_ref_get (&self->project)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The project of this correction is closed"));
      return FALSE;
    }
  for (guint i = 0; i < command->ids->len; i++)
    {
      gint64 id = g_array_index (command->ids, gint64, i);

      if (!tally_store_set_correction_undone (tally_project_get_store (project), id, undone, error))
        return FALSE;
      for (guint e = 0; e < self->entries->len; e++)
        {
          Entry *entry = g_ptr_array_index (self->entries, e);

          if (entry->id == id)
            {
              entry->undone = undone;
              events |= entry->is_event;
            }
        }
    }
  rebuild (self);
  emit_changed (self, events);
  return TRUE;
}

static gboolean
command_undo (gpointer   data,
              GError   **error)
{
  return set_undone (data, TRUE, error);
}

static gboolean
command_redo (gpointer   data,
              GError   **error)
{
  return set_undone (data, FALSE, error);
}

/* Stores `entries` (taken) as rows, then applies them as one undo step. */
static gboolean
commit (TallyCorrections  *self,
        const char        *label,
        GPtrArray         *entries,
        GError           **error)
{
  g_autoptr(GPtrArray) owned = entries;
  g_autoptr(TallyProject) project = g_weak_ref_get (&self->project);
  gboolean events = FALSE;
  Command *command;

  if (project == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The project is closed"));
      return FALSE;
    }
  if (owned->len == 0)
    return TRUE;
  command = g_new0 (Command, 1);
  g_weak_ref_init (&command->corrections, self);
  command->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < owned->len; i++)
    {
      Entry *entry = g_ptr_array_index (owned, i);
      g_autofree char *target = entry->is_fact ? g_strconcat ("fact:", entry->key, NULL)
        : entry->is_story ? g_strdup ("story")
        : g_strdup_printf ("%s:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, entry->is_event ? "event" : "claim",
                           entry->claim.start, entry->claim.end);

      entry->id = tally_store_add_correction (tally_project_get_store (project), target,
                                              entry->is_fact ? TALLY_DOCUMENT_ID_NONE : entry->claim.document_id,
                                              field_names[entry->field], entry->old_value, entry->new_value, error);
      if (entry->id == 0)
        {
          /* Rows already written are taken back: nothing half done. */
          for (guint j = 0; j < command->ids->len; j++)
            tally_store_set_correction_undone (tally_project_get_store (project),
                                               g_array_index (command->ids, gint64, j), TRUE, NULL);
          command_free (command);
          return FALSE;
        }
      g_array_append_val (command->ids, entry->id);
    }
  for (guint i = 0; i < owned->len; i++)
    {
      events |= ((Entry *) owned->pdata[i])->is_event;
      g_ptr_array_add (self->entries, g_steal_pointer (&owned->pdata[i]));
    }
  rebuild (self);
  tally_undo_stack_push (self->undo_stack, label, command_redo, command_undo, command, command_free);
  emit_changed (self, events);
  return TRUE;
}

/* One field change; the callers below say what it is about. */
static Entry *
entry_new (Field       field,
           const char *old_value,
           const char *new_value)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->field = field;
  entry->old_value = g_strdup (old_value);
  entry->new_value = g_strdup (new_value);
  return entry;
}

static Entry *
claim_entry (TallyClaim *claim,
             Field       field,
             const char *old_value,
             const char *new_value)
{
  Entry *entry = entry_new (field, old_value, new_value);

  entry->claim = tally_claim_get_key (claim);
  return entry;
}

static Entry *
fact_entry (const char *key,
            Field       field,
            const char *old_value,
            const char *new_value)
{
  Entry *entry = entry_new (field, old_value, new_value);

  entry->is_fact = TRUE;
  entry->key = g_strdup (key);
  return entry;
}

/* ---- GObject -------------------------------------------------------------- */

static void
tally_corrections_finalize (GObject *object)
{
  TallyCorrections *self = TALLY_CORRECTIONS (object);

  g_weak_ref_clear (&self->project);
  g_clear_object (&self->undo_stack);
  g_ptr_array_unref (self->entries);
  g_hash_table_unref (self->claims);
  g_hash_table_unref (self->labels);
  g_hash_table_unref (self->merges);
  g_hash_table_unref (self->left_out);
  g_hash_table_unref (self->event_labels);
  g_hash_table_unref (self->moves);
  G_OBJECT_CLASS (tally_corrections_parent_class)->finalize (object);
}

static void
tally_corrections_class_init (TallyCorrectionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tally_corrections_finalize;

  /* A correction was made, undone or redone: group the facts again
   * ("changed::facts") or find the events again ("changed::events"). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tally_corrections_init (TallyCorrections *self)
{
  g_weak_ref_init (&self->project, NULL);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->claims = g_hash_table_new_full (tally_claim_key_hash, tally_claim_key_equal, NULL, (GDestroyNotify) claim_state_free);
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->merges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->left_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->event_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->moves = g_hash_table_new_full (tally_document_id_hash, tally_document_id_key_equal, g_free, g_free);
}

TallyCorrections *
tally_corrections_new (TallyProject    *project,
                       TallyUndoStack  *undo_stack,
                       GError         **error)
{
  g_autoptr(TallyCorrections) self = NULL;

  g_return_val_if_fail (TALLY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (undo_stack == NULL || TALLY_IS_UNDO_STACK (undo_stack), NULL);

  self = g_object_new (TALLY_TYPE_CORRECTIONS, NULL);
  g_weak_ref_set (&self->project, project);
  self->undo_stack = undo_stack != NULL ? g_object_ref (undo_stack) : tally_undo_stack_new ();
  if (!tally_store_foreach_correction (tally_project_get_store (project), load_row, self, error))
    return NULL;
  rebuild (self);
  return g_steal_pointer (&self);
}

TallyCorrections *
tally_corrections_copy (TallyCorrections *self)
{
  TallyCorrections *copy;

  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), NULL);
  copy = g_object_new (TALLY_TYPE_CORRECTIONS, NULL);
  copy->undo_stack = tally_undo_stack_new ();
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (self->entries, i);

      if (!entry->undone)
        g_ptr_array_add (copy->entries, entry_copy (entry));
    }
  rebuild (copy);
  return copy;
}

TallyUndoStack *
tally_corrections_get_undo_stack (TallyCorrections *self)
{
  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), NULL);
  return self->undo_stack;
}

guint
tally_corrections_get_n_active (TallyCorrections *self)
{
  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), 0);
  return self->n_active;
}

/* ---- operations ----------------------------------------------------------- */

gboolean
tally_corrections_edit_claim (TallyCorrections  *self,
                              TallyClaim        *claim,
                              const char        *value,
                              const char        *unit,
                              const char        *qualifier,
                              const char        *measure,
                              GError           **error)
{
  const char *values[N_EDIT_FIELDS] = { value, unit, qualifier, measure };
  g_autoptr(TallyClaimRecord) scratch = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), FALSE);
  g_return_val_if_fail (TALLY_IS_CLAIM (claim), FALSE);

  scratch = tally_claim_record_copy (tally_claim_get_record (claim));
  for (guint f = 0; f < N_EDIT_FIELDS; f++)
    {
      g_autofree char *old = NULL;
      g_autofree char *normal = NULL;

      if (values[f] == NULL)
        continue;
      old = field_to_string (scratch, f);
      /* Checked here, so that a stored row always applies. */
      if (!set_field (scratch, f, values[f], error))
        return FALSE;
      normal = field_to_string (scratch, f);
      if (g_strcmp0 (old, normal) != 0)
        g_ptr_array_add (entries, claim_entry (claim, f, old, normal));
    }
  return commit (self, _("Edit Claim"), g_steal_pointer (&entries), error);
}

static gboolean
set_claim_flag (TallyCorrections  *self,
                TallyClaim        *claim,
                Field              field,
                const char        *label,
                GError           **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  ClaimKey key;
  ClaimState *state;

  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), FALSE);
  g_return_val_if_fail (TALLY_IS_CLAIM (claim), FALSE);
  key = tally_claim_get_key (claim);
  state = g_hash_table_lookup (self->claims, &key);
  if (state == NULL || !(field == FIELD_SPLIT ? state->split : state->not_claim))
    g_ptr_array_add (entries, claim_entry (claim, field, "0", "1"));
  return commit (self, label, g_steal_pointer (&entries), error);
}

gboolean
tally_corrections_set_not_claim (TallyCorrections  *self,
                                 TallyClaim        *claim,
                                 GError           **error)
{
  return set_claim_flag (self, claim, FIELD_NOT_CLAIM, _("Not a Claim"), error);
}

gboolean
tally_corrections_split_claim (TallyCorrections  *self,
                               TallyClaim        *claim,
                               GError           **error)
{
  return set_claim_flag (self, claim, FIELD_SPLIT, _("Split Out Claim"), error);
}

gboolean
tally_corrections_merge_facts (TallyCorrections  *self,
                               const char        *from_key,
                               const char        *into_key,
                               GError           **error)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), FALSE);
  g_return_val_if_fail (from_key != NULL && into_key != NULL, FALSE);
  if (strcmp (from_key, into_key) == 0)
    {
      g_ptr_array_unref (entries);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A fact cannot be merged into itself"));
      return FALSE;
    }
  g_ptr_array_add (entries, fact_entry (from_key, FIELD_MERGE, g_hash_table_lookup (self->merges, from_key), into_key));
  return commit (self, _("Merge Facts"), entries, error);
}

gboolean
tally_corrections_rename_fact (TallyCorrections  *self,
                               const char        *key,
                               const char        *label,
                               GError           **error)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autofree char *stripped = NULL;
  const char *old;

  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), FALSE);
  g_return_val_if_fail (key != NULL && label != NULL, FALSE);
  stripped = g_strstrip (g_strdup (label));
  if (stripped[0] == '\0')
    {
      g_ptr_array_unref (entries);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A fact needs a name"));
      return FALSE;
    }
  old = g_hash_table_lookup (self->labels, key);
  if (g_strcmp0 (old, stripped) != 0)
    g_ptr_array_add (entries, fact_entry (key, FIELD_LABEL, old, stripped));
  return commit (self, _("Rename Fact"), entries, error);
}

/* ---- applying ------------------------------------------------------------- */

GPtrArray *
tally_corrections_apply (TallyCorrections *self,
                         GPtrArray        *claims)
{
  GPtrArray *out;

  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), NULL);
  g_return_val_if_fail (claims != NULL, NULL);

  out = g_ptr_array_new_full (claims->len, g_object_unref);
  for (guint i = 0; i < claims->len; i++)
    {
      TallyClaim *claim = g_ptr_array_index (claims, i);
      ClaimKey key = tally_claim_get_key (claim);
      ClaimState *state = g_hash_table_lookup (self->claims, &key);
      g_autoptr(TallyClaimRecord) record = NULL;

      if (state == NULL)
        {
          g_ptr_array_add (out, g_object_ref (claim));
          continue;
        }
      if (state->not_claim)
        continue;
      if (state->set[FIELD_VALUE] == NULL && state->set[FIELD_UNIT] == NULL
          && state->set[FIELD_QUALIFIER] == NULL && state->set[FIELD_MEASURE] == NULL)
        {
          g_ptr_array_add (out, g_object_ref (claim));
          continue;
        }
      record = tally_claim_record_copy (tally_claim_get_record (claim));
      for (guint f = 0; f < N_EDIT_FIELDS; f++)
        if (state->set[f] != NULL && !set_field (record, f, state->set[f], NULL))
          g_debug ("Correction of claim %" G_GINT64_FORMAT ":%" G_GUINT64_FORMAT " no longer fits: %s",
                   key.document_id.value, key.start, state->set[f]);
      {
        g_autofree char *note = tally_corrections_describe_original (self, claim);

        g_ptr_array_add (out, tally_claim_new_edited (claim, record, note));
      }
    }
  return out;
}

/* Where a merged fact ends up; merges can chain (A into B, B into C) and a
 * loop stops where it closes. */
static const char *
resolve_merge (TallyCorrections *self,
               const char       *key)
{
  const char *target = key;

  for (guint steps = 0; steps <= g_hash_table_size (self->merges); steps++)
    {
      const char *next = g_hash_table_lookup (self->merges, target);

      if (next == NULL || strcmp (next, key) == 0)
        break;
      target = next;
    }
  return target;
}

GListModel *
tally_corrections_group (TallyCorrections      *self,
                         GPtrArray             *claims,
                         TallyFactDocumentFunc  document_info,
                         gpointer               user_data)
{
  g_autoptr(GPtrArray) applied = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), NULL);
  g_return_val_if_fail (claims != NULL, NULL);

  applied = tally_corrections_apply (self, claims);
  groups = g_ptr_array_new_full (applied->len, g_free);
  for (guint i = 0; i < applied->len; i++)
    {
      TallyClaim *claim = g_ptr_array_index (applied, i);
      ClaimKey key = tally_claim_get_key (claim);
      ClaimState *state = g_hash_table_lookup (self->claims, &key);

      g_ptr_array_add (groups, state != NULL && state->split
                               ? g_strdup_printf ("claim:%" G_GINT64_FORMAT ":%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT,
                                                  key.document_id.value, key.start, key.end)
                               : NULL);
    }

  /* A merge names facts, not claims: group once to learn which claims make
   * the merged facts, then give them the target's key. */
  if (g_hash_table_size (self->merges) > 0)
    {
      g_autoptr(GListModel) first = tally_fact_list_new_corrected (applied, document_info, user_data, groups, NULL);
      g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < applied->len; i++)
        g_hash_table_insert (index, g_ptr_array_index (applied, i), GUINT_TO_POINTER (i));
      for (guint f = 0; f < g_list_model_get_n_items (first); f++)
        {
          g_autoptr(TallyFact) fact = g_list_model_get_item (first, f);
          GListModel *members;

          if (!g_hash_table_contains (self->merges, tally_fact_get_key (fact)))
            continue;
          members = tally_fact_get_claims (fact);
          for (guint c = 0; c < g_list_model_get_n_items (members); c++)
            {
              g_autoptr(TallyClaim) claim = g_list_model_get_item (members, c);
              guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, claim));

              g_free (groups->pdata[i]);
              groups->pdata[i] = g_strdup (resolve_merge (self, tally_fact_get_key (fact)));
            }
        }
    }
  return tally_fact_list_new_corrected (applied, document_info, user_data, groups, self->labels);
}

const char *
tally_corrections_lookup_label (TallyCorrections *self,
                                const char       *key)
{
  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), NULL);
  return key != NULL ? g_hash_table_lookup (self->labels, key) : NULL;
}

char *
tally_corrections_describe_original (TallyCorrections *self,
                                     TallyClaim       *claim)
{
  const char *names[N_EDIT_FIELDS] = { N_("value"), N_("unit"), N_("qualifier"), N_("measure") };
  ClaimKey key;
  ClaimState *state;
  GString *out = NULL;

  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), NULL);
  g_return_val_if_fail (TALLY_IS_CLAIM (claim), NULL);
  key = tally_claim_get_key (claim);
  state = g_hash_table_lookup (self->claims, &key);
  for (guint f = 0; state != NULL && f < N_EDIT_FIELDS; f++)
    {
      if (state->set[f] == NULL)
        continue;
      if (out == NULL)
        out = g_string_new (_("Edited; originally "));
      else
        g_string_append (out, ", ");
      /* Translators: "value 14", "unit km"; — for none. */
      g_string_append_printf (out, _("%s %s"), _(names[f]),
                              state->original[f][0] != '\0' ? state->original[f] : "—");
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

/* ---- events --------------------------------------------------------------- */

static gboolean
mention_key_parse (const TallyEventMention *mention,
                   ClaimKey                *key,
                   GError                 **error)
{
  /* The session names the project's documents to the event finder by
   * tally_document_id_to_key(). */
  key->document_id = tally_document_id_from_key (mention->document);
  if (tally_document_id_is_none (key->document_id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not a document of the project"),
                   mention->document != NULL ? mention->document : "");
      return FALSE;
    }
  key->start = mention->start;
  key->end = mention->end;
  return TRUE;
}

static Entry *
event_entry (const ClaimKey *key,
             Field           field,
             const char     *old_value,
             const char     *new_value)
{
  Entry *entry = entry_new (field, old_value, new_value);

  entry->is_event = TRUE;
  entry->claim = *key;
  return entry;
}

gboolean
tally_corrections_leave_out_mention (TallyCorrections         *self,
                                     const TallyEventMention  *mention,
                                     GError                  **error)
{
  GPtrArray *entries;
  g_autofree char *key_text = NULL;
  ClaimKey key;

  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), FALSE);
  g_return_val_if_fail (mention != NULL, FALSE);
  if (!mention_key_parse (mention, &key, error))
    return FALSE;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  key_text = mention_key_of (&key);
  if (!g_hash_table_contains (self->left_out, key_text))
    g_ptr_array_add (entries, event_entry (&key, FIELD_NOT_EVENT, "0", "1"));
  return commit (self, _("Leave Out Mention"), entries, error);
}

/* The mention of `event` that carries an analyst's label, or NULL. */
static const TallyEventMention *
labelled_mention (TallyCorrections       *self,
                  const TallyEventRecord *event,
                  const char            **label)
{
  for (guint m = 0; m < event->mentions->len; m++)
    {
      const TallyEventMention *mention = g_ptr_array_index (event->mentions, m);
      g_autofree char *key = tally_event_mention_key (mention->document, mention->start, mention->end);
      const char *found = g_hash_table_lookup (self->event_labels, key);

      if (found != NULL)
        {
          *label = found;
          return mention;
        }
    }
  return NULL;
}

gboolean
tally_corrections_rename_event (TallyCorrections        *self,
                                const TallyEventRecord  *event,
                                const char              *label,
                                GError                 **error)
{
  GPtrArray *entries;
  g_autofree char *stripped = NULL;
  const TallyEventMention *mention;
  const char *old = NULL;
  ClaimKey key;

  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), FALSE);
  g_return_val_if_fail (event != NULL && label != NULL, FALSE);
  stripped = g_strstrip (g_strdup (label));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("An event needs a name"));
      return FALSE;
    }
  if (event->mentions->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("The event has no mention to name it by"));
      return FALSE;
    }
  /* Keyed by a mention, since event ids change as events are found again;
   * a label already given stays on its mention. */
  mention = labelled_mention (self, event, &old);
  if (mention == NULL)
    mention = g_ptr_array_index (event->mentions, 0);
  if (!mention_key_parse (mention, &key, error))
    return FALSE;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  if (g_strcmp0 (stripped, old != NULL ? old : event->label) != 0)
    g_ptr_array_add (entries, event_entry (&key, FIELD_EVENT_LABEL, old, stripped));
  return commit (self, _("Rename Event"), entries, error);
}

gboolean
tally_corrections_move_to_story (TallyCorrections  *self,
                                 TallyDocumentId    document_id,
                                 TallyDocumentId    into_id,
                                 GError           **error)
{
  GPtrArray *entries;
  TallyDocumentId old;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  Entry *entry;

  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), FALSE);
  g_return_val_if_fail (!tally_document_id_is_none (document_id) && into_id.value >= 0, FALSE);

  old = tally_corrections_lookup_story_move (self, document_id);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  if (!tally_document_id_equal (old, into_id))
    {
      /* The corrections table keeps the target as text ("" for none). */
      old_text = tally_document_id_is_none (old) ? g_strdup ("") : tally_document_id_to_key (old);
      new_text = tally_document_id_is_none (into_id) ? g_strdup ("") : tally_document_id_to_key (into_id);
      entry = entry_new (FIELD_MOVED_TO, old_text, new_text);
      entry->is_story = TRUE;
      entry->claim.document_id = document_id;
      g_ptr_array_add (entries, entry);
    }
  return commit (self, tally_document_id_equal (into_id, document_id) ? _("Move to a New Story") : _("Move to Story"),
                 entries, error);
}

TallyDocumentId
tally_corrections_lookup_story_move (TallyCorrections *self,
                                     TallyDocumentId   document_id)
{
  TallyDocumentId *into;

  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), TALLY_DOCUMENT_ID_NONE);
  into = g_hash_table_lookup (self->moves, &document_id);
  return into != NULL ? *into : TALLY_DOCUMENT_ID_NONE;
}

GHashTable *
tally_corrections_dup_left_out_mentions (TallyCorrections *self)
{
  GHashTable *set;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (TALLY_IS_CORRECTIONS (self), NULL);
  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, self->left_out);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (set, g_strdup (key));
  return set;
}

void
tally_corrections_apply_event_labels (TallyCorrections *self,
                                      GPtrArray        *records)
{
  g_return_if_fail (TALLY_IS_CORRECTIONS (self));
  g_return_if_fail (records != NULL);

  for (guint i = 0; g_hash_table_size (self->event_labels) > 0 && i < records->len; i++)
    {
      TallyEventRecord *record = g_ptr_array_index (records, i);
      const char *label = NULL;

      if (labelled_mention (self, record, &label) != NULL)
        {
          g_free (record->label);
          record->label = g_strdup (label);
        }
    }
}
