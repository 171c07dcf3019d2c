/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

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


/* Everything a fact list shows, claims included, as one text to compare. */
static char *
describe_facts (GListModel *facts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);
      GListModel *claims = tally_fact_get_claims (fact);
      guint n_keys;
      const TallyClaimKey *keys = tally_fact_get_claim_keys (fact, &n_keys);

      g_string_append_printf (out, "%s|%s|%s|%s|%d|%s|%s|%s|%s|%u|%u|%g|%s|%s|%u\n", tally_fact_get_id (fact),
                              tally_fact_get_key (fact), tally_fact_get_label (fact), tally_fact_get_measure (fact),
                              tally_fact_get_status (fact), tally_fact_get_explanation (fact),
                              tally_fact_get_values_summary (fact), tally_fact_get_series (fact),
                              tally_fact_get_story (fact), tally_fact_get_source_count (fact),
                              tally_fact_get_claim_count (fact), tally_fact_get_spread (fact),
                              tally_fact_get_spread_label (fact), tally_fact_get_search_text (fact), n_keys);
      g_assert_cmpuint (g_list_model_get_n_items (claims), ==, n_keys);
      for (guint c = 0; c < g_list_model_get_n_items (claims); c++)
        {
          g_autoptr(TallyClaim) claim = g_list_model_get_item (claims, c);
          const TallyClaimRecord *r = tally_claim_get_record (claim);
          TallyClaimKey key = tally_claim_get_key (claim);

          g_assert_true (tally_claim_key_equal (&key, &keys[c]));
          g_string_append_printf (out, "  %" G_GINT64_FORMAT ":%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT
                                  " %s|%s|%g|%s|%s|%s\n", key.document_id.value, key.start, key.end,
                                  tally_claim_get_text (claim), tally_claim_get_sentence (claim), r->value,
                                  r->unit, r->measure, tally_claim_get_edit_note (claim));
        }
    }
  return g_string_free (out, FALSE);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const TallyClaimKey *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* Each document's conflict mark, story, conflicting claims and their facts
 * (what the Documents view asks of a fact list). */
static char *
describe_conflicts (TallyProject *project,
                    GListModel   *facts)
{
  GListModel *documents = tally_project_get_documents (project);
  GString *out = g_string_new (NULL);
  guint n_marked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(TallyDocument) document = g_list_model_get_item (documents, i);
      TallyDocumentId id = tally_document_get_id (document);
      g_autoptr(GArray) keys = tally_fact_list_dup_conflict_keys (facts, id);

      /* A set: in text order. */
      g_array_sort (keys, compare_keys);
      g_assert_cmpint (tally_fact_list_has_conflicts (facts, id), ==, tally_document_get_has_conflicts (document));
      g_assert_cmpint (keys->len > 0, ==, tally_document_get_has_conflicts (document));
      g_string_append_printf (out, "%d %s:", tally_document_get_has_conflicts (document),
                              tally_story_get_id (tally_document_get_story (document)));
      for (guint k = 0; k < keys->len; k++)
        {
          const TallyClaimKey *key = &g_array_index (keys, TallyClaimKey, k);
          guint position = tally_fact_list_find_claim (facts, key);
          g_autoptr(TallyFact) fact = g_list_model_get_item (facts, position);

          g_assert_nonnull (fact);
          g_assert_cmpint (tally_fact_get_status (fact), ==, TALLY_FACT_STATUS_CONFLICT);
          g_string_append_printf (out, " %" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT "@%u", key->start, key->end, position);
        }
      g_string_append_c (out, '\n');
      n_marked += keys->len;
    }
  g_assert_cmpuint (n_marked, >, 0);
  return g_string_free (out, FALSE);
}

static void
close_session (TallySession **session,
               TallyProject **project)
{
  while (G_OBJECT (*session)->ref_count > 1)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_clear_object (session);
  g_clear_object (project);
}

static TallySession *
open_session (const char    *path,
              TallyProject **project)
{
  g_autoptr(GError) error = NULL;
  TallySession *session;

  *project = tally_project_open (path, &error);
  g_assert_no_error (error);
  session = tally_session_new (*project, &error);
  g_assert_no_error (error);
  wait_grouped (session);
  return session;
}

/* Grouped facts are kept in the project (issue 14): a reopened project
 * shows the same facts, claims, conflicts and stories without grouping its
 * claims; a correction after reopening groups them again, and is kept in
 * turn; a change made elsewhere (here an edit of the file), or facts kept
 * by another program, are not used. */
static void
test_session_kept_facts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = samples_project_new ();
  g_autoptr(TallySession) session = tally_session_new (project, &error);
  g_autofree char *dir = g_dir_make_tmp ("tally-session-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "kept.tally", NULL);
  g_autofree char *grouped = NULL, *kept = NULL, *conflicts = NULL, *kept_conflicts = NULL;
  g_autofree char *edited = NULL;
  TallyFact *fact;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  wait_grouped (session);
  g_assert_false (tally_fact_list_is_kept (tally_session_get_facts (session)));
  g_assert_true (tally_project_save_as (project, path, &error));
  g_assert_no_error (error);
  grouped = describe_facts (tally_session_get_facts (session));
  conflicts = describe_conflicts (project, tally_session_get_facts (session));
  close_session (&session, &project);

  /* Reopened: the kept facts, the same in every field and claim. */
  session = open_session (path, &project);
  g_assert_true (tally_fact_list_is_kept (tally_session_get_facts (session)));
  kept_conflicts = describe_conflicts (project, tally_session_get_facts (session));
  kept = describe_facts (tally_session_get_facts (session));
  g_assert_cmpstr (kept, ==, grouped);
  g_assert_cmpstr (kept_conflicts, ==, conflicts);
  g_assert_cmpuint (g_list_model_get_n_items (tally_session_get_stories (session)), >=, 1);

  /* A correction after reopening: the claims are read and grouped again. */
  fact = find_label (tally_session_get_facts (session), "First summit: year");
  g_assert_nonnull (fact);
  g_assert_true (tally_corrections_rename_fact (tally_session_get_corrections (session), tally_fact_get_key (fact),
                                                "Year of the first summit", &error));
  g_assert_no_error (error);
  wait_grouped (session);
  g_assert_false (tally_fact_list_is_kept (tally_session_get_facts (session)));
  g_assert_nonnull (find_label (tally_session_get_facts (session), "Year of the first summit"));
  /* An edited claim: kept with its correction, shown with its edit note. */
  {
    GListModel *claims;
    g_autoptr(TallyClaim) claim = NULL;

    fact = find_label (tally_session_get_facts (session), "Year of the first summit");
    claims = tally_fact_get_claims (fact);
    claim = g_list_model_get_item (claims, 0);
    g_assert_true (tally_corrections_edit_claim (tally_session_get_corrections (session), claim, NULL, NULL, NULL,
                                                 "summit meeting", &error));
    g_assert_no_error (error);
    wait_grouped (session);
  }
  edited = describe_facts (tally_session_get_facts (session));
  g_assert_nonnull (strstr (edited, "Edited; originally measure"));
  close_session (&session, &project);

  session = open_session (path, &project);
  g_assert_true (tally_fact_list_is_kept (tally_session_get_facts (session)));
  g_free (kept);
  kept = describe_facts (tally_session_get_facts (session));
  g_assert_cmpstr (kept, ==, edited);
  close_session (&session, &project);

  /* A title changed by another program: the claims are grouped again. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE documents SET outlet = 'Other Wire' WHERE id = 1", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  session = open_session (path, &project);
  g_assert_false (tally_fact_list_is_kept (tally_session_get_facts (session)));
  close_session (&session, &project);
  /* … and kept again. */
  session = open_session (path, &project);
  g_assert_true (tally_fact_list_is_kept (tally_session_get_facts (session)));
  close_session (&session, &project);

  /* Facts kept by another build or in another language are not used. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE fact_cache_state SET stamp = 'another build'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  session = open_session (path, &project);
  g_assert_false (tally_fact_list_is_kept (tally_session_get_facts (session)));
  close_session (&session, &project);

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
  g_test_add_func ("/model/session/kept-facts", test_session_kept_facts);
  return g_test_run ();
}
