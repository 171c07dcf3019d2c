/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tally-corrections.h"
#include "tally-events.h"

/* Two invented reports on the Kemi harbour summit: each says how many
 * cooperation agreements were signed and how many delegations came. */
static const char *texts[] = {
  "Delegates signed 14 cooperation agreements in Kemi. About 40 delegations attended.",
  "Officials said 15 cooperation agreements were signed. Some 40 delegations came.",
};

static TallyClaim *
make_claim (gint64      document,
            const char *words,
            double      value,
            const char *measure)
{
  const char *text = texts[document - 1];
  const char *at = strstr (text, words);
  g_autoptr(TallyClaimRecord) record = tally_claim_record_new ();

  g_assert_nonnull (at);
  record->kind = TALLY_CLAIM_KIND_COUNT;
  record->has_value = TRUE;
  record->value = value;
  record->measure = g_strdup (measure);
  record->start = at - text;
  record->end = record->start + strlen (words);
  record->sentence_start = 0;
  record->sentence_end = strchr (text, '.') - text + 1;
  return tally_claim_new (tally_document_id_from_int64 (document), record, text, strlen (text));
}

static GPtrArray *
make_claims (void)
{
  GPtrArray *claims = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (claims, make_claim (1, "14 cooperation agreements", 14, "cooperation agreement"));
  g_ptr_array_add (claims, make_claim (1, "40 delegations", 40, "delegation"));
  g_ptr_array_add (claims, make_claim (2, "15 cooperation agreements", 15, "cooperation agreement"));
  g_ptr_array_add (claims, make_claim (2, "40 delegations", 40, "delegation"));
  return claims;
}

static TallyFact *
find_fact (GListModel *facts,
           const char *measure)
{
  for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);

      if (g_strcmp0 (tally_fact_get_measure (fact), measure) == 0)
        return fact;  /* the list keeps it alive */
    }
  return NULL;
}

static GListModel *
group (TallyCorrections *corrections,
       GPtrArray        *claims)
{
  return tally_corrections_group (corrections, claims, NULL, NULL);
}

static void
on_changed (TallyCorrections *corrections,
            guint            *count)
{
  (*count)++;
}

static TallyProject *
new_project (void)
{
  g_autoptr(GError) error = NULL;
  TallyProject *project = tally_project_new_temporary (&error);

  g_assert_no_error (error);
  return project;
}

static void
test_edit_claim (void)
{
  g_autoptr(TallyProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyCorrections) corrections = tally_corrections_new (project, NULL, &error);
  g_autoptr(GPtrArray) claims = make_claims ();
  g_autoptr(GPtrArray) applied = NULL;
  g_autoptr(GListModel) facts = NULL;
  TallyUndoStack *stack = tally_corrections_get_undo_stack (corrections);
  TallyClaim *edited;
  g_autofree char *original = NULL;
  guint changes = 0, event_changes = 0;

  g_assert_no_error (error);
  g_signal_connect (corrections, "changed", G_CALLBACK (on_changed), &changes);
  g_signal_connect (corrections, "changed::events", G_CALLBACK (on_changed), &event_changes);

  facts = group (corrections, claims);
  g_assert_cmpuint (g_list_model_get_n_items (facts), ==, 2);
  g_assert_cmpint (tally_fact_get_status (find_fact (facts, "cooperation agreement")), ==, TALLY_FACT_STATUS_CONFLICT);
  g_clear_object (&facts);

  /* Refused: nothing stored, nothing on the stack. */
  g_assert_false (tally_corrections_edit_claim (corrections, claims->pdata[2], "fifteen", NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (tally_corrections_edit_claim (corrections, claims->pdata[2], NULL, NULL, "roughly", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (tally_corrections_get_n_active (corrections), ==, 0);
  g_assert_false (tally_undo_stack_get_can_undo (stack));
  g_assert_cmpuint (changes, ==, 0);

  /* Value and qualifier in one step; the unit given is the same (no row). */
  g_assert_true (tally_corrections_edit_claim (corrections, claims->pdata[2], " 14 ", "", "approx", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tally_corrections_get_n_active (corrections), ==, 2);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (event_changes, ==, 0);
  g_assert_cmpstr (tally_undo_stack_get_undo_label (stack), ==, "Edit Claim");

  applied = tally_corrections_apply (corrections, claims);
  g_assert_cmpuint (applied->len, ==, 4);
  g_assert_true (applied->pdata[0] == claims->pdata[0]);
  edited = applied->pdata[2];
  g_assert_true (edited != claims->pdata[2]);
  g_assert_cmpfloat (tally_claim_get_record (edited)->value, ==, 14);
  g_assert_cmpint (tally_claim_get_qualifier (edited), ==, TALLY_QUALIFIER_APPROX);
  g_assert_cmpstr (tally_claim_get_text (edited), ==, "15 cooperation agreements");
  g_assert_cmpuint (tally_claim_get_record (edited)->start, ==, tally_claim_get_record (claims->pdata[2])->start);
  original = tally_corrections_describe_original (corrections, edited);
  g_assert_cmpstr (original, ==, "Edited; originally value 15, qualifier exact");
  g_assert_cmpstr (tally_claim_get_edit_note (edited), ==, original);
  g_assert_null (tally_claim_get_edit_note (claims->pdata[0]));
  g_assert_null (tally_corrections_describe_original (corrections, claims->pdata[0]));
  /* The original is still there. */
  g_assert_cmpfloat (tally_claim_get_record (claims->pdata[2])->value, ==, 15);

  facts = group (corrections, claims);
  g_assert_cmpint (tally_fact_get_status (find_fact (facts, "cooperation agreement")), !=, TALLY_FACT_STATUS_CONFLICT);
  g_clear_object (&facts);

  /* A range, then a second edit of the value: the original stays 15. */
  g_assert_true (tally_corrections_edit_claim (corrections, edited, "14-16", NULL, NULL, NULL, &error));
  g_clear_pointer (&applied, g_ptr_array_unref);
  applied = tally_corrections_apply (corrections, claims);
  g_assert_true (tally_claim_get_record (applied->pdata[2])->has_value_max);
  g_assert_cmpfloat (tally_claim_get_record (applied->pdata[2])->value_max, ==, 16);
  g_clear_pointer (&original, g_free);
  original = tally_corrections_describe_original (corrections, applied->pdata[2]);
  g_assert_cmpstr (original, ==, "Edited; originally value 15, qualifier exact");

  /* Undo both, redo one. */
  g_assert_true (tally_undo_stack_undo (stack, &error));
  g_assert_true (tally_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 4);
  g_assert_cmpuint (tally_corrections_get_n_active (corrections), ==, 0);
  g_clear_pointer (&applied, g_ptr_array_unref);
  applied = tally_corrections_apply (corrections, claims);
  g_assert_true (applied->pdata[2] == claims->pdata[2]);

  g_assert_true (tally_undo_stack_redo (stack, &error));
  g_clear_pointer (&applied, g_ptr_array_unref);
  applied = tally_corrections_apply (corrections, claims);
  g_assert_cmpfloat (tally_claim_get_record (applied->pdata[2])->value, ==, 14);
  g_assert_false (tally_claim_get_record (applied->pdata[2])->has_value_max);
  g_assert_cmpuint (changes, ==, 5);

  g_clear_pointer (&applied, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&corrections));
}

static void
test_not_claim_and_split (void)
{
  g_autoptr(TallyProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyCorrections) corrections = tally_corrections_new (project, NULL, &error);
  g_autoptr(GPtrArray) claims = make_claims ();
  g_autoptr(GListModel) facts = NULL;
  TallyUndoStack *stack = tally_corrections_get_undo_stack (corrections);
  g_autoptr(GPtrArray) applied = NULL;

  g_assert_true (tally_corrections_set_not_claim (corrections, claims->pdata[3], &error));
  g_assert_no_error (error);
  applied = tally_corrections_apply (corrections, claims);
  g_assert_cmpuint (applied->len, ==, 3);
  facts = group (corrections, claims);
  g_assert_cmpuint (tally_fact_get_source_count (find_fact (facts, "delegation")), ==, 1);
  g_assert_cmpuint (tally_fact_get_claim_count (find_fact (facts, "delegation")), ==, 1);
  g_clear_object (&facts);

  g_assert_true (tally_undo_stack_undo (stack, &error));
  facts = group (corrections, claims);
  g_assert_cmpuint (tally_fact_get_source_count (find_fact (facts, "delegation")), ==, 2);
  g_clear_object (&facts);

  /* Split: the second report's agreements become a fact of their own. */
  g_assert_true (tally_corrections_split_claim (corrections, claims->pdata[2], &error));
  g_assert_cmpstr (tally_undo_stack_get_undo_label (stack), ==, "Split Out Claim");
  facts = group (corrections, claims);
  g_assert_cmpuint (g_list_model_get_n_items (facts), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);

      if (g_str_has_prefix (tally_fact_get_key (fact), "claim:"))
        {
          g_assert_cmpstr (tally_fact_get_key (fact), ==, "claim:2:15-40");
          g_assert_cmpuint (tally_fact_get_claim_count (fact), ==, 1);
        }
      else
        g_assert_cmpuint (tally_fact_get_claim_count (fact), ==,
                          g_strcmp0 (tally_fact_get_measure (fact), "delegation") == 0 ? 2 : 1);
    }
  g_clear_object (&facts);
  g_assert_true (tally_undo_stack_undo (stack, &error));
  facts = group (corrections, claims);
  g_assert_cmpuint (g_list_model_get_n_items (facts), ==, 2);
  g_assert_finalize_object (g_steal_pointer (&corrections));
}

static void
test_merge_and_rename (void)
{
  g_autoptr(TallyProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyCorrections) corrections = tally_corrections_new (project, NULL, &error);
  g_autoptr(GPtrArray) claims = make_claims ();
  g_autoptr(GListModel) facts = group (corrections, claims);
  TallyUndoStack *stack = tally_corrections_get_undo_stack (corrections);
  g_autofree char *agreements = g_strdup (tally_fact_get_key (find_fact (facts, "cooperation agreement")));
  g_autofree char *delegations = g_strdup (tally_fact_get_key (find_fact (facts, "delegation")));
  g_autofree char *old_label = g_strdup (tally_fact_get_label (find_fact (facts, "cooperation agreement")));

  g_assert_false (tally_corrections_merge_facts (corrections, agreements, agreements, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (tally_corrections_rename_fact (corrections, agreements, "  ", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (tally_corrections_rename_fact (corrections, agreements, "Agreements signed in Kemi", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tally_corrections_lookup_label (corrections, agreements), ==, "Agreements signed in Kemi");
  g_clear_object (&facts);
  facts = group (corrections, claims);
  g_assert_cmpstr (tally_fact_get_label (find_fact (facts, "cooperation agreement")), ==, "Agreements signed in Kemi");

  g_assert_true (tally_corrections_merge_facts (corrections, delegations, agreements, &error));
  g_assert_no_error (error);
  g_clear_object (&facts);
  facts = group (corrections, claims);
  g_assert_cmpuint (g_list_model_get_n_items (facts), ==, 1);
  {
    g_autoptr(TallyFact) fact = g_list_model_get_item (facts, 0);

    g_assert_cmpstr (tally_fact_get_key (fact), ==, agreements);
    g_assert_cmpstr (tally_fact_get_label (fact), ==, "Agreements signed in Kemi");
    g_assert_cmpuint (tally_fact_get_claim_count (fact), ==, 4);
  }

  /* Undo the merge, then the rename. */
  g_assert_true (tally_undo_stack_undo (stack, &error));
  g_clear_object (&facts);
  facts = group (corrections, claims);
  g_assert_cmpuint (g_list_model_get_n_items (facts), ==, 2);
  g_assert_true (tally_undo_stack_undo (stack, &error));
  g_assert_null (tally_corrections_lookup_label (corrections, agreements));
  g_clear_object (&facts);
  facts = group (corrections, claims);
  g_assert_cmpstr (tally_fact_get_label (find_fact (facts, "cooperation agreement")), ==, old_label);

  /* Redo the rename. */
  g_assert_true (tally_undo_stack_redo (stack, &error));
  g_assert_cmpstr (tally_corrections_lookup_label (corrections, agreements), ==, "Agreements signed in Kemi");
  g_assert_finalize_object (g_steal_pointer (&corrections));
}

static void
test_persistence (void)
{
  g_autoptr(TallyProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyCorrections) corrections = tally_corrections_new (project, NULL, &error);
  g_autoptr(GPtrArray) claims = make_claims ();
  g_autoptr(GListModel) facts = group (corrections, claims);
  g_autofree char *agreements = g_strdup (tally_fact_get_key (find_fact (facts, "cooperation agreement")));
  g_autofree char *dir = g_dir_make_tmp ("tally-corrections-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Kemi.tally", NULL);
  g_autoptr(GPtrArray) applied = NULL;
  g_autoptr(TallyCorrections) copy = NULL;
  g_autofree char *original = NULL;

  g_assert_true (tally_corrections_rename_fact (corrections, agreements, "Agreements signed", &error));
  g_assert_true (tally_corrections_set_not_claim (corrections, claims->pdata[1], &error));
  g_assert_true (tally_corrections_edit_claim (corrections, claims->pdata[2], "14", NULL, NULL, NULL, &error));
  g_assert_true (tally_corrections_edit_claim (corrections, claims->pdata[0], NULL, NULL, NULL, "trade agreement", &error));
  /* Undone before the project closed: stays undone. */
  g_assert_true (tally_undo_stack_undo (tally_corrections_get_undo_stack (corrections), &error));
  /* A document correction shares the table; it is not ours. */
  g_assert_cmpint (tally_store_add_correction (tally_project_get_store (project), "document",
                                               tally_document_id_from_int64 (1), "title", "a", "b", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (tally_project_save_as (project, path, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&corrections));
  g_assert_finalize_object (g_steal_pointer (&project));

  project = tally_project_open (path, &error);
  g_assert_no_error (error);
  corrections = tally_corrections_new (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tally_corrections_get_n_active (corrections), ==, 3);
  g_assert_false (tally_undo_stack_get_can_undo (tally_corrections_get_undo_stack (corrections)));
  g_assert_cmpstr (tally_corrections_lookup_label (corrections, agreements), ==, "Agreements signed");
  applied = tally_corrections_apply (corrections, claims);
  g_assert_cmpuint (applied->len, ==, 3);
  g_assert_cmpfloat (tally_claim_get_record (applied->pdata[1])->value, ==, 14);
  g_assert_cmpstr (tally_claim_get_measure (applied->pdata[0]), ==, "cooperation agreement");
  original = tally_corrections_describe_original (corrections, applied->pdata[1]);
  g_assert_cmpstr (original, ==, "Edited; originally value 15");

  /* A copy (for a worker thread) groups the same way. */
  copy = tally_corrections_copy (corrections);
  g_clear_object (&facts);
  facts = group (copy, claims);
  g_assert_cmpuint (g_list_model_get_n_items (facts), ==, 2);
  g_assert_cmpstr (tally_fact_get_label (find_fact (facts, "cooperation agreement")), ==, "Agreements signed");
  g_assert_cmpuint (tally_fact_get_source_count (find_fact (facts, "delegation")), ==, 1);
  g_assert_cmpint (tally_fact_get_status (find_fact (facts, "cooperation agreement")), ==, TALLY_FACT_STATUS_AGREE);
  g_assert_true (tally_store_check_integrity (tally_project_get_store (project), &error));
}

/* ---- events --------------------------------------------------------------- */

/* Three invented reports of one summit; the third has its date wrong. */
static const char *event_texts[] = {
  "The First Kemi Harbour Summit was held on 12 May 2025 in Kemi.",
  "Leaders met at the First Kemi Harbour Summit on 12 May 2025 in Kemi.",
  "The First Kemi Harbour Summit opened on 19 May 2025 in Kemi.",
};

/* The finder's events of `event_texts` with `corrections` applied as the
 * worker in tally-event.c applies them. */
static GPtrArray *
find_events (TallyCorrections *corrections)
{
  g_autoptr(TallyEventFinder) finder = tally_event_finder_new (NULL, NULL);
  g_autoptr(GHashTable) excluded = NULL;
  GPtrArray *records;

  g_assert_nonnull (finder);
  if (corrections != NULL)
    {
      excluded = tally_corrections_dup_left_out_mentions (corrections);
      tally_event_finder_set_excluded (finder, excluded);
    }
  for (guint i = 0; i < G_N_ELEMENTS (event_texts); i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i + 1);

      tally_event_finder_add_document (finder, id, event_texts[i], strlen (event_texts[i]), "2025-06-01");
    }
  records = tally_event_finder_finish (finder);
  if (corrections != NULL)
    tally_corrections_apply_event_labels (corrections, records);
  return records;
}

static const TallyEventRecord *
find_summit (GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      const TallyEventRecord *r = g_ptr_array_index (records, i);

      if (r->kind == TALLY_EVENT_KIND_SUMMIT)
        return r;
    }
  return NULL;
}

static const TallyEventMention *
mention_in (const TallyEventRecord *r,
            const char             *document)
{
  for (guint m = 0; m < r->mentions->len; m++)
    {
      const TallyEventMention *mention = g_ptr_array_index (r->mentions, m);

      if (g_strcmp0 (mention->document, document) == 0)
        return mention;
    }
  return NULL;
}

static void
test_events (void)
{
  g_autoptr(TallyProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyCorrections) corrections = tally_corrections_new (project, NULL, &error);
  TallyUndoStack *stack = tally_corrections_get_undo_stack (corrections);
  g_autoptr(GPtrArray) before = find_events (corrections);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) renamed = NULL;
  g_autoptr(GPtrArray) undone = NULL;
  g_autoptr(GPtrArray) reopened = NULL;
  g_autoptr(GPtrArray) all_out = NULL;
  g_autoptr(TallyCorrections) copy = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tally-event-corrections-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Kemi.tally", NULL);
  const TallyEventRecord *summit;
  guint changed = 0, event_changes = 0, fact_changes = 0;

  g_assert_no_error (error);
  g_signal_connect (corrections, "changed", G_CALLBACK (on_changed), &changed);
  /* The timeline listens to the "events" detail, the Facts view to "facts". */
  g_signal_connect (corrections, "changed::events", G_CALLBACK (on_changed), &event_changes);
  g_signal_connect (corrections, "changed::facts", G_CALLBACK (on_changed), &fact_changes);

  /* As found: three sources, one of them on another date. */
  summit = find_summit (before);
  g_assert_nonnull (summit);
  g_assert_cmpuint (summit->mentions->len, ==, 3);
  g_assert_true (summit->disputed);
  g_assert_cmpstr (summit->date, ==, "2025-05-12");

  /* The third report is about another meeting: no dispute left. */
  g_assert_true (tally_corrections_leave_out_mention (corrections, mention_in (summit, "3"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (event_changes, ==, 1);
  g_assert_cmpuint (fact_changes, ==, 0);
  g_assert_cmpstr (tally_undo_stack_get_undo_label (stack), ==, "Leave Out Mention");
  after = find_events (corrections);
  summit = find_summit (after);
  g_assert_nonnull (summit);
  g_assert_cmpuint (summit->mentions->len, ==, 2);
  g_assert_null (mention_in (summit, "3"));
  g_assert_false (summit->disputed);
  /* Leaving it out twice changes nothing. */
  g_assert_true (tally_corrections_leave_out_mention (corrections, mention_in (find_summit (before), "3"), &error));
  g_assert_cmpuint (changed, ==, 1);

  /* Renamed: found again, the event keeps its name. */
  g_assert_true (tally_corrections_rename_event (corrections, summit, "Kemi summit (May)", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  renamed = find_events (corrections);
  g_assert_cmpstr (find_summit (renamed)->label, ==, "Kemi summit (May)");
  g_assert_false (tally_corrections_rename_event (corrections, summit, "  ", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  /* A second name replaces the first, as one more step. */
  g_assert_true (tally_corrections_rename_event (corrections, find_summit (renamed), "Kemi summit", &error));
  g_clear_pointer (&renamed, g_ptr_array_unref);
  renamed = find_events (corrections);
  g_assert_cmpstr (find_summit (renamed)->label, ==, "Kemi summit");
  g_assert_true (tally_undo_stack_undo (stack, &error));
  g_clear_pointer (&renamed, g_ptr_array_unref);
  renamed = find_events (corrections);
  g_assert_cmpstr (find_summit (renamed)->label, ==, "Kemi summit (May)");

  /* Undo both: the dispute and the finder's name are back; redo them. */
  g_assert_true (tally_undo_stack_undo (stack, &error));
  g_assert_true (tally_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  undone = find_events (corrections);
  g_assert_true (find_summit (undone)->disputed);
  g_assert_cmpstr (find_summit (undone)->label, ==, find_summit (before)->label);
  g_assert_true (tally_undo_stack_redo (stack, &error));
  g_assert_true (tally_undo_stack_redo (stack, &error));
  g_assert_no_error (error);

  /* Saved and opened again: the rows still apply, as does a worker's copy. */
  g_assert_true (tally_project_save_as (project, path, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&corrections));
  g_assert_finalize_object (g_steal_pointer (&project));
  project = tally_project_open (path, &error);
  g_assert_no_error (error);
  corrections = tally_corrections_new (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tally_corrections_get_n_active (corrections), ==, 2);
  copy = tally_corrections_copy (corrections);
  reopened = find_events (copy);
  summit = find_summit (reopened);
  g_assert_false (summit->disputed);
  g_assert_cmpuint (summit->mentions->len, ==, 2);
  g_assert_cmpstr (summit->label, ==, "Kemi summit (May)");
  /* Event rows leave the claims alone. */
  {
    g_autoptr(GPtrArray) claims = make_claims ();
    g_autoptr(GPtrArray) applied = tally_corrections_apply (corrections, claims);

    g_assert_cmpuint (applied->len, ==, claims->len);
  }

  /* Every mention left out: the event is gone. */
  g_assert_true (tally_corrections_leave_out_mention (corrections, mention_in (summit, "1"), &error));
  g_assert_true (tally_corrections_leave_out_mention (corrections, mention_in (summit, "2"), &error));
  g_assert_no_error (error);
  all_out = find_events (corrections);
  g_assert_null (find_summit (all_out));
  g_assert_true (tally_store_check_integrity (tally_project_get_store (project), &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/corrections/edit-claim", test_edit_claim);
  g_test_add_func ("/model/corrections/not-claim-and-split", test_not_claim_and_split);
  g_test_add_func ("/model/corrections/merge-and-rename", test_merge_and_rename);
  g_test_add_func ("/model/corrections/persistence", test_persistence);
  g_test_add_func ("/model/corrections/events", test_events);
  return g_test_run ();
}
