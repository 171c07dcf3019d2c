/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tally-claims.h"
#include "tally-project.h"
#include "tally-stories.h"

/* Files in tests/data/ingest. */
#define N_FIXTURES 9

static GThread *main_thread;

typedef struct
{
  TallyImportResult *result;
  GError *error;
  guint progress_signals;
  guint last_done;
  guint last_total;
  gboolean done;
} ImportWait;

static void
on_progress (TallyProject *project,
             guint         done,
             guint         total,
             const char   *file,
             ImportWait   *wait)
{
  /* Signals come on the main thread, never in the worker. */
  g_assert_true (g_thread_self () == main_thread);
  wait->progress_signals++;
  wait->last_done = done;
  wait->last_total = total;
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ImportWait *wait = user_data;

  g_assert_true (g_thread_self () == main_thread);
  wait->result = tally_project_import_finish (TALLY_PROJECT (object), result, &wait->error);
  wait->done = TRUE;
}

static TallyImportResult *
import_paths (TallyProject        *project,
              const char * const  *paths,
              GCancellable        *cancellable,
              ImportWait          *wait_out)
{
  ImportWait wait = { 0 };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  gulong handler;

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));
  handler = g_signal_connect (project, "import-progress", G_CALLBACK (on_progress), &wait);
  tally_project_import_async (project, (GFile **) files->pdata, files->len, cancellable, on_imported, &wait);
  g_assert_true (tally_project_get_importing (project));
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (project, handler);
  g_assert_no_error (wait.error);
  g_assert_false (tally_project_get_importing (project));
  if (wait_out != NULL)
    *wait_out = wait;
  return wait.result;
}

static char *
fixture_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "ingest", NULL);
}

static TallyDocument *
find_document (TallyProject *project,
               const char   *basename)
{
  GListModel *documents = tally_project_get_documents (project);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(TallyDocument) doc = g_list_model_get_item (documents, i);

      if (g_str_has_suffix (tally_document_get_path (doc), basename))
        return doc;
    }
  g_assert_not_reached ();
}

static void
test_import_fixtures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autofree char *dir = fixture_dir ();
  const char *paths[] = { dir, NULL };
  g_autoptr(TallyImportResult) result = NULL;
  g_autofree char *unsaved = g_build_filename (g_get_user_data_dir (), "tally", "unsaved", NULL);
  ImportWait wait;
  TallyDocument *plain, *wire_a, *wire_b, *html;
  GListModel *documents;

  g_assert_no_error (error);
  g_assert_true (tally_project_get_temporary (project));
  g_assert_true (g_str_has_prefix (tally_project_get_path (project), unsaved));
  g_assert_true (g_str_has_suffix (tally_project_get_path (project), ".tally"));

  result = import_paths (project, paths, NULL, &wait);
  g_assert_cmpuint (result->n_added, ==, N_FIXTURES);
  g_assert_cmpuint (result->n_failed, ==, 0);
  g_assert_cmpuint (result->n_duplicates, ==, 0);
  g_assert_false (result->cancelled);
  g_assert_cmpuint (result->failures->len, ==, 0);
  g_assert_cmpuint (wait.progress_signals, >=, 2);
  g_assert_cmpuint (wait.last_done, ==, N_FIXTURES);
  g_assert_cmpuint (wait.last_total, ==, N_FIXTURES);

  documents = tally_project_get_documents (project);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, N_FIXTURES);
  g_assert_true (g_list_model_get_item_type (documents) == TALLY_TYPE_DOCUMENT);

  plain = find_document (project, "/plain.txt");
  g_assert_cmpstr (tally_document_get_title (plain), ==, "Kemi fisheries conference agrees quotas for three lakes");
  g_assert_cmpstr (tally_document_get_author (plain), ==, "Aino Lehtonen");
  g_assert_cmpstr (tally_document_get_published (plain), ==, "2027-03-04");
  g_assert_cmpstr (tally_document_get_format (plain), ==, "text");
  g_assert_cmpuint (tally_document_get_word_count (plain), ==, 53);
  g_assert_cmpuint (tally_document_get_comment_count (plain), ==, 3);
  g_assert_cmpuint (tally_document_get_duplicates (plain), ==, 0);
  g_assert_true (tally_project_lookup_document (project, tally_document_get_id (plain)) == plain);

  /* The claim count is what the extractor finds in the cleaned text. */
  {
    g_autoptr(TallyDocumentRecord) record = tally_project_load_record (project, plain, &error);
    g_autoptr(GPtrArray) claims = NULL;
    g_autoptr(GListModel) claim_list = NULL;
    TallyExtractOptions options;

    g_assert_no_error (error);
    /* The folder it was imported from is kept, for Open Original. */
    {
      g_autofree char *real_dir = realpath (dir, NULL);

      g_assert_cmpstr (record->origin, ==, real_dir);
    }
    tally_extract_options_init (&options);
    tally_extract_options_set_reference_date (&options, "2027-03-04");
    claims = tally_extract_claims (record->text, record->text_len, &options);
    g_assert_cmpuint (claims->len, >, 0);
    g_assert_cmpuint (tally_document_get_claim_count (plain), ==, claims->len);

    claim_list = tally_project_list_claims (project, plain, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (claim_list), ==, claims->len);
    for (guint i = 0; i < claims->len; i++)
      {
        g_autoptr(TallyClaim) claim = g_list_model_get_item (claim_list, i);
        const TallyClaimRecord *expected = g_ptr_array_index (claims, i);
        g_autofree char *words = g_strndup (record->text + expected->start, expected->end - expected->start);
        g_autofree char *kind = NULL;

        g_assert_cmpstr (tally_claim_get_text (claim), ==, words);
        g_assert_cmpint (tally_claim_get_kind (claim), ==, expected->kind);
        g_assert_cmpint (tally_claim_get_document_id (claim).value, ==, tally_document_get_id (plain).value);
        g_object_get (claim, "kind", &kind, NULL);
        g_assert_cmpstr (kind, ==, tally_claim_kind_to_string (expected->kind));
        g_assert_nonnull (strstr (tally_claim_get_sentence (claim), words));
      }
  }

  /* The wire copy and its lightly edited twin form one cluster. */
  wire_a = find_document (project, "/wire-a.txt");
  wire_b = find_document (project, "/wire-b.txt");
  g_assert_cmpint (tally_document_get_cluster_id (wire_a).value, ==, tally_document_get_cluster_id (wire_b).value);
  g_assert_cmpint (tally_document_get_cluster_id (wire_a).value, ==, tally_document_get_id (wire_a).value);
  g_assert_cmpuint (tally_document_get_duplicates (wire_a), ==, 1);
  g_assert_cmpuint (tally_document_get_duplicates (wire_b), ==, 1);
  g_assert_cmpint (tally_document_get_cluster_id (plain).value, ==, tally_document_get_id (plain).value);

  html = find_document (project, "/article.html");
  {
    g_autofree char *outlet = NULL;
    guint comments = 0;

    g_object_get (html, "outlet", &outlet, "comment-count", &comments, NULL);
    g_assert_cmpstr (outlet, ==, "Lakeland Daily");
    g_assert_cmpuint (comments, ==, 2);
  }

  /* Search goes through the project's store. */
  {
    g_autoptr(GPtrArray) hits = tally_project_search (project, "patrol", 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpint (((TallyStoreHit *) g_ptr_array_index (hits, 0))->document_id.value, ==, tally_document_get_id (html).value);
  }
  g_assert_finalize_object (g_steal_pointer (&project));
}

static void
test_import_duplicates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autofree char *plain = g_test_build_filename (G_TEST_DIST, "data", "ingest", "plain.txt", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  const char *first[] = { plain, NULL };
  const char *again[] = { plain, NULL, NULL };
  g_autoptr(TallyImportResult) a = NULL;
  g_autoptr(TallyImportResult) b = NULL;
  TallyIngestFailure *failure;

  dir = g_dir_make_tmp ("tally-dup-XXXXXX", &error);
  copy = g_build_filename (dir, "same-bytes.txt", NULL);
  g_assert_true (g_file_get_contents (plain, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
  again[1] = copy;

  a = import_paths (project, first, NULL, NULL);
  g_assert_cmpuint (a->n_added, ==, 1);
  b = import_paths (project, again, NULL, NULL);
  g_assert_cmpuint (b->n_added, ==, 0);
  g_assert_cmpuint (b->n_duplicates, ==, 2);
  g_assert_cmpuint (b->n_failed, ==, 0);
  g_assert_cmpuint (b->failures->len, ==, 2);
  failure = g_ptr_array_index (b->failures, 1);
  g_assert_cmpstr (failure->path, ==, copy);
  g_assert_error (failure->error, TALLY_INGEST_ERROR, TALLY_INGEST_ERROR_DUPLICATE);
  g_assert_cmpstr (failure->reason, ==, "already in the project (same content), skipped");
  g_assert_cmpuint (g_list_model_get_n_items (tally_project_get_documents (project)), ==, 1);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      len)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return path;
}

static void
test_import_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autofree char *dir = g_dir_make_tmp ("tally-bad-XXXXXX", &error);
  g_autofree char *loop = g_build_filename (dir, "e-loop.txt", NULL);
  g_autofree char *broken = g_build_filename (dir, "d-broken.txt", NULL);
  g_autofree char *big = g_build_filename (dir, "g-big.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "not-there.txt", NULL);
  const char *paths[] = { dir, missing, NULL };
  const struct { const char *name; const char *reason; int code; } expected[] = {
    { "b-empty.txt", "the file is empty", TALLY_INGEST_ERROR_EMPTY },
    { "c-binary.txt", "not a text file (it holds NUL bytes)", TALLY_INGEST_ERROR_BINARY },
    { "d-broken.txt", "the symbolic link points to a file that does not exist", TALLY_INGEST_ERROR_BROKEN_LINK },
    { "e-loop.txt", "the symbolic link points to itself (a loop)", TALLY_INGEST_ERROR_LOOP },
    { "g-big.txt", "the file is too large (20.5 MB; the limit is 20 MB)", TALLY_INGEST_ERROR_TOO_LARGE },
    { "h-nothing.html", "no article text found in it", TALLY_INGEST_ERROR_NO_TEXT },
    { "not-there.txt", "no such file or folder", TALLY_INGEST_ERROR_NOT_FOUND },
  };
  g_autoptr(TallyImportResult) result = NULL;
  GListModel *documents;
  FILE *f;

  g_free (write_file (dir, "a-good.txt", "Ice report\n\nThe ice on Lake Inari is 55 cm thick.\n", -1));
  g_free (write_file (dir, "b-empty.txt", "", 0));
  g_free (write_file (dir, "c-binary.txt", "Ice\0\0\0report", 13));
  g_free (write_file (dir, "f-good.md", "# Snow report\n\nSnow fell for 3 days in Ivalo.\n", -1));
  g_free (write_file (dir, "h-nothing.html", "<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>", -1));
  g_free (write_file (dir, "i-good.html", "<html><body><article><h1>Wind report</h1><p>The wind turned north on Sunday.</p></article></body></html>", -1));
  g_assert_cmpint (symlink ("nowhere.txt", broken), ==, 0);
  g_assert_cmpint (symlink ("e-loop.txt", loop), ==, 0);
  f = g_fopen (big, "wb");
  g_assert_cmpint (ftruncate (fileno (f), TALLY_INGEST_MAX_FILE_SIZE + 512 * 1024), ==, 0);
  fclose (f);

  result = import_paths (project, paths, NULL, NULL);

  /* Every bad file is named with its reason, and the batch went on. */
  g_assert_cmpuint (result->n_added, ==, 3);
  g_assert_cmpuint (result->n_failed, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (result->failures->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(TallyIngestFailure) want = NULL;
      TallyIngestFailure *failure = NULL;

      for (guint j = 0; j < result->failures->len && failure == NULL; j++)
        {
          TallyIngestFailure *f2 = g_ptr_array_index (result->failures, j);

          if (g_str_has_suffix (f2->path, expected[i].name))
            failure = f2;
        }
      g_assert_nonnull (failure);
      g_assert_cmpstr (failure->reason, ==, expected[i].reason);
      g_assert_error (failure->error, TALLY_INGEST_ERROR, expected[i].code);
      {
        g_autofree char *message = g_strdup_printf ("“%s”: %s", expected[i].name, expected[i].reason);

        g_assert_cmpstr (failure->error->message, ==, message);
      }
    }

  documents = tally_project_get_documents (project);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);
  g_assert_cmpstr (tally_document_get_title (find_document (project, "/a-good.txt")), ==, "Ice report");
  g_assert_cmpstr (tally_document_get_title (find_document (project, "/f-good.md")), ==, "Snow report");
  g_assert_cmpstr (tally_document_get_title (find_document (project, "/i-good.html")), ==, "Wind report");
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_save_as_and_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autofree char *dir = g_dir_make_tmp ("tally-save-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "Kemi.tally", NULL);
  g_autofree char *temp_path = g_strdup (tally_project_get_path (project));
  g_autofree char *fixtures = fixture_dir ();
  const char *paths[] = { fixtures, NULL };
  g_autoptr(TallyImportResult) result = NULL;
  g_autoptr(TallyProject) reopened = NULL;
  guint path_notifies = 0, temporary_notifies = 0;

  result = import_paths (project, paths, NULL, NULL);
  g_assert_cmpuint (result->n_added, ==, N_FIXTURES);
  g_signal_connect (project, "notify::path", G_CALLBACK (on_notify), &path_notifies);
  g_signal_connect (project, "notify::temporary", G_CALLBACK (on_notify), &temporary_notifies);

  g_assert_true (tally_project_save_as (project, target, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tally_project_get_path (project), ==, target);
  g_assert_false (tally_project_get_temporary (project));
  g_assert_cmpuint (path_notifies, ==, 1);
  g_assert_cmpuint (temporary_notifies, ==, 1);
  g_assert_false (g_file_test (temp_path, G_FILE_TEST_EXISTS));

  /* The project keeps working at its new place. */
  {
    g_autofree char *extra = write_file (dir, "extra.txt", "Thaw report\n\nThe thaw came early on Lake Oulu.\n", -1);
    const char *more[] = { extra, NULL };
    g_autoptr(TallyImportResult) r2 = import_paths (project, more, NULL, NULL);

    g_assert_cmpuint (r2->n_added, ==, 1);
  }
  g_assert_finalize_object (g_steal_pointer (&project));

  reopened = tally_project_open (target, &error);
  g_assert_no_error (error);
  g_assert_false (tally_project_get_temporary (reopened));
  g_assert_cmpuint (g_list_model_get_n_items (tally_project_get_documents (reopened)), ==, N_FIXTURES + 1);
  g_assert_cmpuint (tally_document_get_duplicates (find_document (reopened, "/wire-b.txt")), ==, 1);
  g_assert_cmpstr (tally_document_get_title (find_document (reopened, "/extra.txt")), ==, "Thaw report");
  g_assert_true (tally_store_check_integrity (tally_project_get_store (reopened), &error));
}

static void
test_open_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tally-open-XXXXXX", &error);
  g_autofree char *path = write_file (dir, "notes.tally", "plain words", -1);
  g_autofree char *missing = g_build_filename (dir, "gone.tally", NULL);

  g_assert_null (tally_project_open (path, &error));
  g_assert_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_A_PROJECT);
  g_assert_cmpstr (error->message, ==, "“notes.tally” is not a Tally project");
  g_clear_error (&error);
  g_assert_null (tally_project_open (missing, &error));
  g_assert_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_import_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autofree char *a = g_test_build_filename (G_TEST_DIST, "data", "ingest", "plain.txt", NULL);
  g_autofree char *b = g_test_build_filename (G_TEST_DIST, "data", "ingest", "article.html", NULL);
  g_autoptr(GFile) fa = g_file_new_for_path (a);
  g_autoptr(GFile) fb = g_file_new_for_path (b);
  ImportWait wait = { 0 };

  g_list_store_append (files, fa);
  g_list_store_append (files, fb);
  tally_project_import_list_async (project, G_LIST_MODEL (files), NULL, on_imported, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (wait.error);
  g_assert_cmpuint (wait.result->n_added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (tally_project_get_documents (project)), ==, 2);
  tally_import_result_free (wait.result);
}

static void
test_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *fixtures = fixture_dir ();
  const char *paths[] = { fixtures, NULL };
  g_autoptr(TallyImportResult) result = NULL;

  g_cancellable_cancel (cancellable);
  result = import_paths (project, paths, cancellable, NULL);
  g_assert_true (result->cancelled);
  g_assert_cmpuint (result->n_added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tally_project_get_documents (project)), ==, 0);
}

typedef struct
{
  TallyProject *project;
  GPtrArray *claims;
} ClaimsWait;

static void
on_claims_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ClaimsWait *wait = user_data;

  g_assert_true (g_thread_self () == main_thread);
  wait->claims = tally_project_load_claims_finish (wait->project, result, &error);
  g_assert_no_error (error);
}

static void
test_load_all_claims (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autofree char *fixtures = fixture_dir ();
  const char *paths[] = { fixtures, NULL };
  g_autoptr(TallyImportResult) result = import_paths (project, paths, NULL, NULL);
  GListModel *documents = tally_project_get_documents (project);
  ClaimsWait wait = { project, NULL };
  g_autoptr(GPtrArray) all = NULL;
  guint expected = 0, at = 0;

  tally_project_load_claims_async (project, NULL, on_claims_loaded, &wait);
  while (wait.claims == NULL)
    g_main_context_iteration (NULL, TRUE);
  all = wait.claims;

  /* The same claims, in the same order, as document by document. */
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(TallyDocument) doc = g_list_model_get_item (documents, i);
      g_autoptr(GListModel) claims = tally_project_list_claims (project, doc, &error);

      expected += g_list_model_get_n_items (claims);
      for (guint c = 0; c < g_list_model_get_n_items (claims); c++, at++)
        {
          g_autoptr(TallyClaim) one = g_list_model_get_item (claims, c);
          TallyClaim *bulk = g_ptr_array_index (all, at);

          g_assert_cmpint (tally_claim_get_document_id (bulk).value, ==, tally_document_get_id (doc).value);
          g_assert_cmpstr (tally_claim_get_text (bulk), ==, tally_claim_get_text (one));
          g_assert_cmpstr (tally_claim_get_sentence (bulk), ==, tally_claim_get_sentence (one));
          g_assert_cmpuint (tally_claim_get_record (bulk)->start, ==, tally_claim_get_record (one)->start);
        }
    }
  g_assert_cmpuint (expected, >, 10);
  g_assert_cmpuint (all->len, ==, expected);
}

typedef struct
{
  TallyProject *project;
  GPtrArray *texts;
} TextsWait;

static void
on_texts_loaded (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  TextsWait *wait = user_data;

  wait->texts = tally_project_load_texts_finish (wait->project, result, &error);
  g_assert_no_error (error);
}

static void
test_load_texts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autofree char *fixtures = fixture_dir ();
  const char *paths[] = { fixtures, NULL };
  g_autoptr(TallyImportResult) result = import_paths (project, paths, NULL, NULL);
  GListModel *documents = tally_project_get_documents (project);
  TextsWait wait = { project, NULL };

  tally_project_load_texts_async (project, NULL, on_texts_loaded, &wait);
  while (wait.texts == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (wait.texts->len, ==, g_list_model_get_n_items (documents));
  for (guint i = 0; i < wait.texts->len; i++)
    {
      TallyDocumentText *t = g_ptr_array_index (wait.texts, i);
      g_autoptr(TallyDocument) doc = g_list_model_get_item (documents, i);
      g_autoptr(TallyDocumentRecord) record = tally_project_load_record (project, doc, &error);

      g_assert_cmpint (t->document_id.value, ==, tally_document_get_id (doc).value);
      g_assert_cmpstr (t->text, ==, record->text);
      g_assert_cmpuint (t->text_len, ==, record->text_len);
      g_assert_cmpstr (t->published, ==, tally_document_get_published (doc));
    }
  g_ptr_array_unref (wait.texts);

  /* Leads: each text up to where the stories stop reading; an article
   * longer than a lead is cut. */
  {
    g_autofree char *dir = g_dir_make_tmp ("tally-leads-XXXXXX", &error);
    g_autofree char *long_path = g_build_filename (dir, "long-report.txt", NULL);
    const char *more[] = { long_path, NULL };
    g_autoptr(GString) text = g_string_new ("Harbour works go on\n\n");
    g_autoptr(TallyImportResult) added = NULL;
    guint cut = 0;

    for (guint i = 0; i < 1200; i++)
      g_string_append_printf (text, "Crews on the north quay moved %u more cranes into place on day %u. ", i + 3, i + 1);
    g_assert_true (g_file_set_contents (long_path, text->str, text->len, &error));
    added = import_paths (project, more, NULL, NULL);
    g_assert_cmpuint (added->n_added, ==, 1);
    g_unlink (long_path);
    g_rmdir (dir);
    wait.texts = NULL;
    tally_project_load_leads_async (project, NULL, on_texts_loaded, &wait);
    while (wait.texts == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (wait.texts->len, ==, g_list_model_get_n_items (documents));
    for (guint i = 0; i < wait.texts->len; i++)
      {
        TallyDocumentText *t = g_ptr_array_index (wait.texts, i);
        g_autoptr(TallyDocument) doc = g_list_model_get_item (documents, i);
        g_autoptr(TallyDocumentRecord) record = tally_project_load_record (project, doc, &error);
        gsize lead = tally_story_lead_length (record->text, record->text_len);

        g_assert_cmpuint (t->text_len, ==, lead);
        g_assert_cmpuint (strlen (t->text), ==, lead);
        g_assert_true (strncmp (t->text, record->text, lead) == 0);
        cut += lead < record->text_len;
      }
    g_assert_cmpuint (cut, >, 0);
    g_ptr_array_unref (wait.texts);
  }
}

static void
test_remove (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autofree char *a = g_test_build_filename (G_TEST_DIST, "data", "ingest", "wire-a.txt", NULL);
  g_autofree char *b = g_test_build_filename (G_TEST_DIST, "data", "ingest", "wire-b.txt", NULL);
  const char *paths[] = { a, b, NULL };
  g_autoptr(TallyImportResult) result = import_paths (project, paths, NULL, NULL);
  TallyDocument *first = find_document (project, "/wire-a.txt");
  TallyDocument *second = find_document (project, "/wire-b.txt");
  guint notifies = 0;

  g_assert_cmpuint (tally_document_get_duplicates (second), ==, 1);
  g_signal_connect (second, "notify::duplicates", G_CALLBACK (on_notify), &notifies);
  g_assert_true (tally_project_remove_document (project, first, &error));
  g_assert_cmpuint (g_list_model_get_n_items (tally_project_get_documents (project)), ==, 1);
  g_assert_cmpuint (tally_document_get_duplicates (second), ==, 0);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpuint (tally_store_count_documents (tally_project_get_store (project)), ==, 1);
}

static void
on_claims_changed (TallyProject  *project,
                   TallyDocument *document,
                   guint         *count)
{
  (*count)++;
}

static void
test_edit_metadata (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = tally_project_new_temporary (&error);
  g_autofree char *plain = g_test_build_filename (G_TEST_DIST, "data", "ingest", "plain.txt", NULL);
  g_autofree char *path = NULL;
  const char *paths[] = { plain, NULL };
  g_autoptr(TallyImportResult) result = import_paths (project, paths, NULL, NULL);
  TallyDocument *doc = find_document (project, "/plain.txt");
  guint title_notifies = 0, claims_changed = 0;

  g_signal_connect (doc, "notify::title", G_CALLBACK (on_notify), &title_notifies);
  g_signal_connect (project, "claims-changed", G_CALLBACK (on_claims_changed), &claims_changed);

  g_assert_true (tally_project_set_document_field (project, doc, "title", "Vendace quota cut by 12%", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tally_document_get_title (doc), ==, "Vendace quota cut by 12%");
  g_assert_cmpuint (title_notifies, ==, 1);
  /* The same value again changes nothing. */
  g_assert_true (tally_project_set_document_field (project, doc, "title", "Vendace quota cut by 12%", &error));
  g_assert_cmpuint (title_notifies, ==, 1);
  g_assert_true (tally_project_set_document_field (project, doc, "outlet", "Lakeland Daily", &error));
  g_assert_cmpstr (tally_document_get_outlet (doc), ==, "Lakeland Daily");
  g_assert_true (tally_project_set_document_field (project, doc, "author", "", &error));
  g_assert_null (tally_document_get_author (doc));

  /* Search follows the new title (FTS kept in step by a trigger). */
  {
    g_autoptr(GPtrArray) hits = tally_project_search (project, "vendace", 10, &error);

    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_nonnull (strstr (((TallyStoreHit *) g_ptr_array_index (hits, 0))->title, "Vendace"));
  }

  /* Bad dates are refused and change nothing. */
  g_assert_false (tally_project_set_document_field (project, doc, "published", "last spring", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "“last spring” is not a date (YYYY-MM-DD)");
  g_clear_error (&error);
  g_assert_false (tally_project_set_document_field (project, doc, "published", "2027-02-30", &error));
  g_clear_error (&error);
  g_assert_cmpstr (tally_document_get_published (doc), ==, "2027-03-04");
  g_assert_cmpuint (claims_changed, ==, 0);

  /* A new date: the claims are those of the text against that date. */
  g_assert_true (tally_project_set_document_field (project, doc, "published", "2026-11-20", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (claims_changed, ==, 1);
  g_assert_cmpstr (tally_document_get_published (doc), ==, "2026-11-20");
  {
    g_autoptr(TallyDocumentRecord) record = tally_project_load_record (project, doc, &error);
    g_autoptr(GListModel) stored = tally_project_list_claims (project, doc, &error);
    g_autoptr(GPtrArray) expected = NULL;
    TallyExtractOptions options;

    g_assert_cmpstr (record->published, ==, "2026-11-20");
    tally_extract_options_init (&options);
    tally_extract_options_set_reference_date (&options, "2026-11-20");
    expected = tally_extract_claims (record->text, record->text_len, &options);
    g_assert_cmpuint (g_list_model_get_n_items (stored), ==, expected->len);
    g_assert_cmpuint (tally_document_get_claim_count (doc), ==, expected->len);
    for (guint i = 0; i < expected->len; i++)
      {
        g_autoptr(TallyClaim) claim = g_list_model_get_item (stored, i);
        const TallyClaimRecord *a = tally_claim_get_record (claim), *b = g_ptr_array_index (expected, i);

        g_assert_cmpint (a->kind, ==, b->kind);
        g_assert_cmpstr (a->value_text, ==, b->value_text);
        g_assert_cmpuint (a->start, ==, b->start);
      }
  }

  /* All of it is in the file, with one correction row per change. */
  path = g_strdup (tally_project_get_path (project));
  g_assert_finalize_object (g_steal_pointer (&project));
  project = tally_project_open (path, &error);
  g_assert_no_error (error);
  doc = find_document (project, "/plain.txt");
  g_assert_cmpstr (tally_document_get_title (doc), ==, "Vendace quota cut by 12%");
  g_assert_cmpstr (tally_document_get_published (doc), ==, "2026-11-20");
  g_assert_null (tally_document_get_author (doc));
  g_assert_cmpint (tally_store_add_correction (tally_project_get_store (project), "document",
                                               tally_document_id_from_int64 (1), "title", "a", "b", &error), ==, 5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  main_thread = g_thread_self ();

  g_test_add_func ("/model/project/import-fixtures", test_import_fixtures);
  g_test_add_func ("/model/project/duplicates", test_import_duplicates);
  g_test_add_func ("/model/project/bad-input", test_import_bad_input);
  g_test_add_func ("/model/project/save-as", test_save_as_and_reopen);
  g_test_add_func ("/model/project/open-refused", test_open_refused);
  g_test_add_func ("/model/project/import-list", test_import_list);
  g_test_add_func ("/model/project/cancel", test_cancel);
  g_test_add_func ("/model/project/remove", test_remove);
  g_test_add_func ("/model/project/load-all-claims", test_load_all_claims);
  g_test_add_func ("/model/project/load-texts", test_load_texts);
  g_test_add_func ("/model/project/edit-metadata", test_edit_metadata);

  return g_test_run ();
}
