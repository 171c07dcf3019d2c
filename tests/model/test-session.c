/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "tally-event.h"
#include "tally-fact.h"
#include "tally-session.h"

/* TallySession on the sample articles (data/samples, invented coverage of a
 * summit whose sources disagree on purpose): it groups the facts and finds
 * the events in workers, marks documents with conflicts, and groups again
 * after a correction and its undo. */

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TallyImportResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = tally_project_import_finish (TALLY_PROJECT (object), result, &error);
  g_assert_no_error (error);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
wait_settled (TallySession *session)
{
  /* The first search starts after a quiet moment; wait for both results. */
  while (tally_session_get_grouping (session) || tally_session_get_finding (session) ||
         tally_session_get_facts (session) == NULL || tally_session_get_events (session) == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static TallyFact *
find_label (GListModel *facts,
            const char *label)
{
  for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);

      if (g_strcmp0 (tally_fact_get_label (fact), label) == 0)
        return fact;  /* the list keeps it alive */
    }
  return NULL;
}

static TallyProject *
samples_project_new (void)
{
  g_autoptr(GError) error = NULL;
  TallyProject *project = tally_project_new_temporary (&error);
  g_autofree char *folder = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  g_autoptr(GFile) samples = g_file_new_for_path (folder);
  g_autoptr(TallyImportResult) imported = NULL;

  g_assert_no_error (error);
  tally_project_import_async (project, &samples, 1, NULL, on_imported, &imported);
  while (imported == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (imported->n_added, >=, 8);
  return project;
}

static void
test_session_follows_project (void)
{
  g_autoptr(TallyProject) project = samples_project_new ();
  g_autoptr(GError) error = NULL;
  TallySession *session = tally_session_new (project, &error);
  GListModel *documents = tally_project_get_documents (project);
  TallyUndoStack *stack;
  TallyFact *fact;
  GListModel *facts;
  guint facts_notified = 0, events_notified = 0, grouping_notified = 0;
  guint with_conflicts = 0, n_facts;

  g_assert_no_error (error);
  g_assert_true (tally_session_get_project (session) == project);
  stack = tally_session_get_undo_stack (session);
  g_assert_true (stack == tally_corrections_get_undo_stack (tally_session_get_corrections (session)));
  g_assert_false (tally_undo_stack_get_can_undo (stack));
  /* Grouping starts at once, in a worker. */
  g_assert_true (tally_session_get_grouping (session));
  g_assert_true (tally_session_get_finding (session));
  g_signal_connect (session, "notify::facts", G_CALLBACK (count_notify), &facts_notified);
  g_signal_connect (session, "notify::events", G_CALLBACK (count_notify), &events_notified);
  g_signal_connect (session, "notify::grouping", G_CALLBACK (count_notify), &grouping_notified);
  wait_settled (session);
  g_assert_cmpuint (facts_notified, ==, 1);
  g_assert_cmpuint (events_notified, ==, 1);
  g_assert_cmpuint (grouping_notified, ==, 1);

  facts = tally_session_get_facts (session);
  n_facts = g_list_model_get_n_items (facts);
  g_assert_cmpuint (n_facts, >=, 15);
  g_assert_cmpuint (g_list_model_get_n_items (tally_session_get_events (session)), >, 3);
  fact = find_label (facts, "First summit: year");
  g_assert_nonnull (fact);
  g_assert_cmpint (tally_fact_get_status (fact), ==, TALLY_FACT_STATUS_CONFLICT);

  /* has-conflicts: exactly the documents with a claim in a conflicting fact. */
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(TallyDocument) document = g_list_model_get_item (documents, i);
      gboolean expected = FALSE;

      for (guint f = 0; f < n_facts && !expected; f++)
        {
          g_autoptr(TallyFact) any = g_list_model_get_item (facts, f);
          GListModel *claims = tally_fact_get_claims (any);

          if (tally_fact_get_status (any) != TALLY_FACT_STATUS_CONFLICT)
            continue;
          for (guint c = 0; c < g_list_model_get_n_items (claims) && !expected; c++)
            {
              g_autoptr(TallyClaim) claim = g_list_model_get_item (claims, c);

              expected = tally_document_id_equal (tally_claim_get_document_id (claim), tally_document_get_id (document));
            }
        }
      g_assert_cmpint (tally_document_get_has_conflicts (document), ==, expected);
      with_conflicts += expected;
    }
  g_assert_cmpuint (with_conflicts, >=, 2);

  /* A correction groups again: one new list, the fact renamed. */
  g_assert_true (tally_corrections_rename_fact (tally_session_get_corrections (session), tally_fact_get_key (fact),
                                                "Year of the first summit", &error));
  g_assert_no_error (error);
  g_assert_true (tally_session_get_grouping (session));
  g_assert_true (tally_undo_stack_get_can_undo (stack));
  while (tally_session_get_grouping (session))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (facts_notified, ==, 2);
  g_assert_true (tally_session_get_facts (session) != facts);
  g_assert_nonnull (find_label (tally_session_get_facts (session), "Year of the first summit"));
  g_assert_null (find_label (tally_session_get_facts (session), "First summit: year"));
  /* A fact correction does not find the events again. */
  g_assert_false (tally_session_get_finding (session));
  g_assert_cmpuint (events_notified, ==, 1);

  g_assert_true (tally_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  while (tally_session_get_grouping (session))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (facts_notified, ==, 3);
  g_assert_nonnull (find_label (tally_session_get_facts (session), "First summit: year"));

  /* Work handed to a worker holds the session until it is done. */
  while (G_OBJECT (session)->ref_count > 1)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_finalize_object (session);
}

static TallyDocument *
document_named (TallyProject *project,
                const char   *name)
{
  GListModel *documents = tally_project_get_documents (project);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(TallyDocument) document = g_list_model_get_item (documents, i);

      if (g_str_has_suffix (tally_document_get_path (document), name))
        return document;  /* the project keeps it alive */
    }
  return NULL;
}

static void
wait_grouped (TallySession *session)
{
  while (tally_session_get_grouping (session) || tally_session_get_facts (session) == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* The sources of the fact labelled `label` in the story of `document`. */
static guint
sources_in_story (TallySession  *session,
                  const char    *label,
                  TallyDocument *document)
{
  GListModel *facts = tally_session_get_facts (session);

  for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);

      if (g_strcmp0 (tally_fact_get_label (fact), label) == 0
          && g_strcmp0 (tally_fact_get_story (fact), tally_story_get_id (tally_document_get_story (document))) == 0)
        return tally_fact_get_source_count (fact);
    }
  return 0;
}

/* Moving a document to another story is a correction: the stories and the
 * facts follow it, undo and redo take it back and forth, and a reopened
 * project still has it. */
static void
test_session_move_story (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autofree char *folder = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "tests", "data", "stories", NULL);
  g_autoptr(GFile) stories = g_file_new_for_path (folder);
  g_autoptr(TallyImportResult) imported = NULL;
  g_autoptr(TallySession) session = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tally-session-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "moved.tally", NULL);
  TallyDocument *aid, *first, *port;
  TallyStory *flood;
  TallyUndoStack *stack;
  guint stories_notified = 0;

  g_assert_no_error (error);
  session = tally_session_new (project, &error);
  g_assert_no_error (error);
  g_signal_connect (session, "notify::stories", G_CALLBACK (count_notify), &stories_notified);
  tally_project_import_async (project, &stories, 1, NULL, on_imported, &imported);
  while (imported == NULL)
    g_main_context_iteration (NULL, TRUE);
  wait_grouped (session);
  stack = tally_session_get_undo_stack (session);
  g_assert_cmpuint (stories_notified, ==, 1);

  aid = document_named (project, "03-flood-aid.txt");
  first = document_named (project, "01-flood-first-day.txt");
  port = document_named (project, "04-kemi-port-year.txt");
  g_assert_nonnull (aid);
  flood = tally_document_get_story (aid);
  g_assert_nonnull (flood);
  g_assert_true (tally_document_get_story (first) == flood);
  g_assert_true (tally_document_get_story (port) != flood);
  g_assert_cmpuint (g_list_model_get_n_items (tally_session_get_stories (session)), ==, 2);
  g_assert_cmpuint (tally_story_get_n_documents (flood), ==, 3);
  g_assert_cmpuint (sources_in_story (session, "Death tolls", first), ==, 3);

  /* Into the port's story: the flood keeps two reports, the toll two sources. */
  g_assert_true (tally_session_move_to_story (session, aid, tally_document_get_story (port), &error));
  g_assert_no_error (error);
  g_assert_true (tally_undo_stack_get_can_undo (stack));
  g_assert_true (tally_session_get_grouping (session));
  wait_grouped (session);
  g_assert_cmpuint (stories_notified, ==, 2);
  g_assert_true (tally_document_get_story (aid) == tally_document_get_story (port));
  g_assert_cmpuint (tally_story_get_n_documents (tally_document_get_story (port)), ==, 3);
  g_assert_cmpuint (tally_story_get_n_documents (tally_document_get_story (first)), ==, 2);
  g_assert_cmpuint (sources_in_story (session, "Death tolls", first), ==, 2);

  g_assert_true (tally_undo_stack_undo (stack, &error));
  wait_grouped (session);
  g_assert_true (tally_document_get_story (aid) == tally_document_get_story (first));
  g_assert_cmpuint (sources_in_story (session, "Death tolls", first), ==, 3);
  g_assert_true (tally_undo_stack_redo (stack, &error));
  wait_grouped (session);
  g_assert_true (tally_document_get_story (aid) == tally_document_get_story (port));

  /* Moving it where it is changes nothing and adds no undo step. */
  g_assert_true (tally_session_move_to_story (session, aid, tally_document_get_story (aid), &error));
  g_assert_false (tally_session_get_grouping (session));

  /* Saved with the project. */
  g_assert_true (tally_project_save_as (project, path, &error));
  g_assert_no_error (error);
  while (G_OBJECT (session)->ref_count > 1)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_clear_object (&session);
  g_clear_object (&project);
  project = tally_project_open (path, &error);
  g_assert_no_error (error);
  session = tally_session_new (project, &error);
  g_assert_no_error (error);
  wait_grouped (session);
  aid = document_named (project, "03-flood-aid.txt");
  port = document_named (project, "04-kemi-port-year.txt");
  first = document_named (project, "01-flood-first-day.txt");
  g_assert_true (tally_document_get_story (aid) == tally_document_get_story (port));
  g_assert_cmpuint (tally_story_get_n_documents (tally_document_get_story (first)), ==, 2);

  /* A story of its own. */
  g_assert_true (tally_session_move_to_story (session, aid, NULL, &error));
  wait_grouped (session);
  g_assert_cmpuint (tally_story_get_n_documents (tally_document_get_story (aid)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tally_session_get_stories (session)), ==, 3);

  while (G_OBJECT (session)->ref_count > 1)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_clear_object (&session);
  g_clear_object (&project);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/model/session/follows-project", test_session_follows_project);
  g_test_add_func ("/model/session/move-story", test_session_move_story);
  return g_test_run ();
}
