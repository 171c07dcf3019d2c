/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-language.h"
#include "tally-project.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tally-claims.h"
#include "tally-lexicon.h"
#include "tally-partial-date.h"
#include "tally-stories.h"
#include "tally-document-private.h"
#include "tally-pipeline.h"

/* Documents are committed in batches of this many, or after this long,
 * whichever comes first: a batch is what a crash can lose at most, and one
 * items-changed on the main thread. */
#define BATCH_DOCUMENTS 250
#define BATCH_USEC (250 * 1000)
#define PROGRESS_USEC (40 * 1000)

struct _TallyProject
{
  GObject parent_instance;

  TallyStore *store;
  char *path;
  gboolean temporary;
  gboolean read_only;         /* opened by tally_project_open_read_only() */
  GListStore *documents;
  GHashTable *by_id;          /* TallyDocumentId* → TallyDocument (borrowed) */
  GHashTable *clusters;       /* TallyDocumentId* cluster → GPtrArray of TallyDocument (borrowed) */
  guint n_imports;
  GMutex import_lock;         /* one worker writes at a time */
};

G_DEFINE_FINAL_TYPE (TallyProject, tally_project, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PATH,
  PROP_TEMPORARY,
  PROP_IMPORTING,
  PROP_DOCUMENTS,
  N_PROPS
};

enum
{
  SIGNAL_IMPORT_PROGRESS,
  SIGNAL_CLAIMS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
tally_import_result_free (TallyImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->failures, g_ptr_array_unref);
  g_free (result);
}

/* ---------------------------------------------------------------------- */

static void
tally_project_finalize (GObject *object)
{
  TallyProject *self = TALLY_PROJECT (object);

  g_clear_pointer (&self->store, tally_store_close);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->clusters, g_hash_table_unref);
  g_clear_object (&self->documents);
  g_free (self->path);
  g_mutex_clear (&self->import_lock);
  G_OBJECT_CLASS (tally_project_parent_class)->finalize (object);
}

static void
tally_project_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TallyProject *self = TALLY_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_TEMPORARY:
      g_value_set_boolean (value, self->temporary);
      break;
    case PROP_IMPORTING:
      g_value_set_boolean (value, self->n_imports > 0);
      break;
    case PROP_DOCUMENTS:
      g_value_set_object (value, self->documents);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_project_class_init (TallyProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tally_project_finalize;
  object_class->get_property = tally_project_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_TEMPORARY] = g_param_spec_boolean ("temporary", NULL, NULL, FALSE, flags);
  properties[PROP_IMPORTING] = g_param_spec_boolean ("importing", NULL, NULL, FALSE, flags);
  properties[PROP_DOCUMENTS] = g_param_spec_object ("documents", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TallyProject::import-progress:
   * @done: files handled so far
   * @total: files found (0 while the folders are still being walked)
   * @file: (nullable): the file being read
   */
  signals[SIGNAL_IMPORT_PROGRESS] =
    g_signal_new ("import-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);

  /**
   * TallyProject::claims-changed:
   * @document: the document whose claims were extracted again
   */
  signals[SIGNAL_CLAIMS_CHANGED] =
    g_signal_new ("claims-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TALLY_TYPE_DOCUMENT);
}

static void
tally_project_init (TallyProject *self)
{
  self->documents = g_list_store_new (TALLY_TYPE_DOCUMENT);
  self->by_id = g_hash_table_new_full (tally_document_id_hash, tally_document_id_key_equal, g_free, NULL);
  self->clusters = g_hash_table_new_full (tally_document_id_hash, tally_document_id_key_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  g_mutex_init (&self->import_lock);
}

/* ---------------------------------------------------------------------- */
/* Documents on the main thread */

static void
update_cluster (TallyProject *self,
                GPtrArray    *members)
{
  for (guint i = 0; i < members->len; i++)
    _tally_document_set_duplicates (g_ptr_array_index (members, i), members->len - 1);
}

static void
index_document (TallyProject  *self,
                TallyDocument *document)
{
  TallyDocumentId cluster = tally_document_get_cluster_id (document);
  GPtrArray *members;
  TallyDocumentId id = tally_document_get_id (document);

  g_hash_table_insert (self->by_id, tally_document_id_dup (id), document);
  members = g_hash_table_lookup (self->clusters, &cluster);
  if (members == NULL)
    {
      members = g_ptr_array_new ();
      g_hash_table_insert (self->clusters, tally_document_id_dup (cluster), members);
    }
  g_ptr_array_add (members, document);
  if (members->len > 1)
    update_cluster (self, members);
}

static void
add_documents (TallyProject *self,
               GPtrArray    *documents)
{
  for (guint i = 0; i < documents->len; i++)
    index_document (self, g_ptr_array_index (documents, i));
  g_list_store_splice (self->documents, g_list_model_get_n_items (G_LIST_MODEL (self->documents)), 0,
                       documents->pdata, documents->len);
}

static void
load_document_cb (const TallyStoreDocumentInfo *info,
                  gpointer                      user_data)
{
  g_ptr_array_add (user_data, _tally_document_new_from_info (info));
}

static TallyProject *
project_new_for_store (TallyStore  *store,
                       gboolean     temporary,
                       GError     **error)
{
  g_autoptr(TallyProject) self = g_object_new (TALLY_TYPE_PROJECT, NULL);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);

  self->store = store;
  self->path = g_strdup (tally_store_get_path (store));
  self->temporary = temporary;
  if (!tally_store_foreach_document (store, load_document_cb, documents, error))
    return NULL;
  add_documents (self, documents);
  return g_steal_pointer (&self);
}

TallyProject *
tally_project_new_temporary (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "tally", "unsaved", NULL);
  g_autofree char *path = NULL;
  TallyStore *store;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the folder for unsaved projects “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }
  path = g_build_filename (dir, "Untitled-XXXXXX.tally", NULL);
  if ((fd = g_mkstemp_full (path, O_RDWR, 0600)) < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create an unsaved project in “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }
  close (fd);
  if ((store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, error)) == NULL)
    {
      g_unlink (path);
      return NULL;
    }
  return project_new_for_store (store, TRUE, error);
}

TallyProject *
tally_project_open (const char  *path,
                    GError     **error)
{
  TallyStore *store;

  g_return_val_if_fail (path != NULL, NULL);
  if ((store = tally_store_open (path, TALLY_STORE_OPEN_DEFAULT, error)) == NULL)
    return NULL;
  return project_new_for_store (store, FALSE, error);
}

TallyProject *
tally_project_open_read_only (const char  *path,
                              GError     **error)
{
  TallyStore *store;
  TallyProject *self;

  g_return_val_if_fail (path != NULL, NULL);
  if ((store = tally_store_open (path, TALLY_STORE_OPEN_READ_ONLY, error)) == NULL)
    return NULL;
  if ((self = project_new_for_store (store, FALSE, error)) != NULL)
    self->read_only = TRUE;
  return self;
}

static void
remove_with_journal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

static char *
unsaved_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "tally", "unsaved", NULL);
}

GPtrArray *
tally_project_list_unsaved (void)
{
  g_autofree char *dir_path = unsaved_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "Untitled-") && g_str_has_suffix (name, ".tally"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  return paths;
}

TallyProject *
tally_project_open_unsaved (const char  *path,
                            GError     **error)
{
  TallyStore *store;

  g_return_val_if_fail (path != NULL, NULL);
  if ((store = tally_store_open (path, TALLY_STORE_OPEN_DEFAULT, error)) == NULL)
    return NULL;
  return project_new_for_store (store, TRUE, error);
}

void
tally_project_discard (TallyProject *self)
{
  g_return_if_fail (TALLY_IS_PROJECT (self));
  g_return_if_fail (self->temporary);

  /* Unlinking an open SQLite file is safe on the platforms we run on: the
   * store keeps its inode until it closes, and nothing can reopen it. */
  remove_with_journal (self->path);
}

gboolean
tally_project_save_as (TallyProject  *self,
                       const char    *path,
                       GError       **error)
{
  g_autofree char *partial = NULL;
  g_autofree char *old_path = NULL;
  g_autofree char *abs = NULL;
  TallyStore *store;

  g_return_val_if_fail (TALLY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->n_imports > 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("The project cannot be saved while files are being imported"));
      return FALSE;
    }
  abs = g_canonicalize_filename (path, NULL);
  if (g_strcmp0 (abs, self->path) == 0)
    return TRUE;

  /* Copy beside the target, then rename: the target is whole or untouched. */
  partial = g_strconcat (abs, ".partial", NULL);
  remove_with_journal (partial);
  if (!tally_store_copy_to (self->store, partial, error))
    {
      remove_with_journal (partial);
      return FALSE;
    }
  if (g_rename (partial, abs) != 0)
    {
      int saved = errno;

      remove_with_journal (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot save “%s”: %s"), abs, g_strerror (saved));
      return FALSE;
    }
  {
    g_autofree char *wal = g_strconcat (abs, "-wal", NULL);
    g_autofree char *shm = g_strconcat (abs, "-shm", NULL);
    g_autofree char *journal = g_strconcat (abs, "-journal", NULL);

    /* A journal left by an older file of that name must not be replayed
     * (a rollback journal too, where the file system has no WAL). */
    g_unlink (wal);
    g_unlink (shm);
    g_unlink (journal);
  }
  if ((store = tally_store_open (abs, TALLY_STORE_OPEN_DEFAULT, error)) == NULL)
    return FALSE;

  tally_store_close (self->store);
  self->store = store;
  old_path = g_steal_pointer (&self->path);
  self->path = g_steal_pointer (&abs);
  if (self->temporary)
    {
      remove_with_journal (old_path);
      self->temporary = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPORARY]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  return TRUE;
}

const char *
tally_project_get_path (TallyProject *self)
{
  g_return_val_if_fail (TALLY_IS_PROJECT (self), NULL);
  return self->path;
}

gboolean
tally_project_get_temporary (TallyProject *self)
{
  g_return_val_if_fail (TALLY_IS_PROJECT (self), FALSE);
  return self->temporary;
}

gboolean
tally_project_get_importing (TallyProject *self)
{
  g_return_val_if_fail (TALLY_IS_PROJECT (self), FALSE);
  return self->n_imports > 0;
}

GListModel *
tally_project_get_documents (TallyProject *self)
{
  g_return_val_if_fail (TALLY_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->documents);
}

TallyDocument *
tally_project_lookup_document (TallyProject    *self,
                               TallyDocumentId  id)
{
  g_return_val_if_fail (TALLY_IS_PROJECT (self), NULL);
  return g_hash_table_lookup (self->by_id, &id);
}

TallyStore *
tally_project_get_store (TallyProject *self)
{
  g_return_val_if_fail (TALLY_IS_PROJECT (self), NULL);
  return self->store;
}

TallyDocumentRecord *
tally_project_load_record (TallyProject   *self,
                           TallyDocument  *document,
                           GError        **error)
{
  g_return_val_if_fail (TALLY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (TALLY_IS_DOCUMENT (document), NULL);
  return tally_store_load_document (self->store, tally_document_get_id (document), error);
}

GListModel *
tally_project_list_claims (TallyProject   *self,
                           TallyDocument  *document,
                           GError        **error)
{
  g_autoptr(TallyDocumentRecord) record = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  GListStore *store;
  TallyDocumentId id;

  g_return_val_if_fail (TALLY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (TALLY_IS_DOCUMENT (document), NULL);

  id = tally_document_get_id (document);
  if ((record = tally_store_load_document (self->store, id, error)) == NULL)
    return NULL;
  if ((claims = tally_store_load_claims (self->store, id, error)) == NULL)
    return NULL;
  store = g_list_store_new (TALLY_TYPE_CLAIM);
  for (guint i = 0; i < claims->len; i++)
    {
      g_autoptr(TallyClaim) claim = tally_claim_new (id, g_ptr_array_index (claims, i), record->text, record->text_len);

      g_list_store_append (store, claim);
    }
  return G_LIST_MODEL (store);
}

static void
collect_claim_cb (TallyDocumentId         document_id,
                  const TallyClaimRecord *claim,
                  const char             *text,
                  gsize                   text_len,
                  gpointer                user_data)
{
  g_ptr_array_add (user_data, tally_claim_new (document_id, claim, text, text_len));
}

/* Whole-project reads (every claim, every text) for the views' workers: on
 * a connection of their own in a thread. No source object: the worker only
 * needs the path, and must not keep the project alive past the callback. */
/* What a reading worker opens: the project's file, read-only or not. */
typedef struct
{
  char *path;
  TallyStoreOpenFlags flags;
  gboolean leads;       /* texts: only what the stories read of each */
  char *stamp;          /* kept facts: who must have grouped them */
  TallyDocumentId document_id;  /* one document's record and claims */
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_free (job->path);
  g_free (job->stamp);
  g_free (job);
}

/* A task whose worker opens the project's file on a connection of its own;
 * the caller may fill in the rest of `job` before running it. */
static GTask *
read_task_new (TallyProject         *self,
               gpointer              source_tag,
               GCancellable         *cancellable,
               GAsyncReadyCallback   callback,
               gpointer              user_data,
               ReadJob             **job_out)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  ReadJob *job = g_new0 (ReadJob, 1);

  g_task_set_source_tag (task, source_tag);
  job->path = g_strdup (self->path);
  job->flags = TALLY_STORE_OPEN_CHECKED | (self->read_only ? TALLY_STORE_OPEN_READ_ONLY : 0);
  g_task_set_task_data (task, job, read_job_free);
  *job_out = job;
  return task;
}

static void
read_in_thread (TallyProject        *self,
                gpointer             source_tag,
                GTaskThreadFunc      thread_func,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  ReadJob *job;
  g_autoptr(GTask) task = read_task_new (self, source_tag, cancellable, callback, user_data, &job);

  job->leads = source_tag == tally_project_load_leads_async;
  g_task_run_in_thread (task, thread_func);
}

static void
load_claims_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  ReadJob *job = task_data;
  g_autoptr(TallyStore) store = tally_store_open (job->path, job->flags, &error);
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);

  if (store == NULL || !tally_store_foreach_claim (store, collect_claim_cb, claims, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&claims), (GDestroyNotify) g_ptr_array_unref);
}

void
tally_project_load_claims_async (TallyProject        *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (TALLY_IS_PROJECT (self));
  read_in_thread (self, tally_project_load_claims_async, load_claims_thread, cancellable, callback, user_data);
}

GPtrArray *
tally_project_load_claims_finish (TallyProject  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (TALLY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GPtrArray *
tally_project_load_claims_by_key (TallyProject         *self,
                                  const TallyClaimKey  *keys,
                                  guint                 n_keys,
                                  GError              **error)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  /* TallyDocumentId* → GHashTable of "start:end" → TallyClaim, per document read. */
  g_autoptr(GHashTable) documents = g_hash_table_new_full (tally_document_id_hash, tally_document_id_key_equal,
                                                           g_free, (GDestroyNotify) g_hash_table_unref);

  g_return_val_if_fail (TALLY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (keys != NULL || n_keys == 0, NULL);

  for (guint i = 0; i < n_keys; i++)
    {
      GHashTable *of_document = g_hash_table_lookup (documents, &keys[i].document_id);
      TallyClaim *claim;

      if (of_document == NULL)
        {
          g_autoptr(GPtrArray) records = NULL;
          g_autofree char *text = NULL;
          gsize text_len = 0;

          of_document = g_hash_table_new_full (tally_claim_key_hash, tally_claim_key_equal, g_free, g_object_unref);
          g_hash_table_insert (documents, tally_document_id_dup (keys[i].document_id), of_document);
          if ((records = tally_store_load_claims (self->store, keys[i].document_id, error)) == NULL)
            return NULL;
          text = tally_store_dup_text (self->store, keys[i].document_id, &text_len);
          for (guint r = 0; r < records->len; r++)
            {
              const TallyClaimRecord *record = g_ptr_array_index (records, r);
              TallyClaimKey key = { keys[i].document_id, record->start, record->end };

              g_hash_table_insert (of_document, g_memdup2 (&key, sizeof key),
                                   tally_claim_new (keys[i].document_id, record, text, text_len));
            }
        }
      if ((claim = g_hash_table_lookup (of_document, &keys[i])) != NULL)
        g_ptr_array_add (claims, g_object_ref (claim));
    }
  return g_steal_pointer (&claims);
}

gboolean
tally_project_get_read_only (TallyProject *self)
{
  g_return_val_if_fail (TALLY_IS_PROJECT (self), FALSE);
  return self->read_only;
}

static void
read_facts_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  ReadJob *job = task_data;
  g_autoptr(TallyStore) store = tally_store_open (job->path, job->flags, &error);
  GArray *conflicting = NULL;
  GPtrArray *facts = store != NULL ? tally_store_read_facts (store, job->stamp, &conflicting, &error) : NULL;
  TallyKeptFacts *kept = NULL;

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (facts != NULL)
    {
      kept = g_new0 (TallyKeptFacts, 1);
      kept->facts = facts;
      kept->conflicting = conflicting;
    }
  g_task_return_pointer (task, kept, (GDestroyNotify) tally_kept_facts_free);
}

void
tally_shown_document_free (TallyShownDocument *shown)
{
  if (shown == NULL)
    return;
  g_clear_pointer (&shown->record, tally_document_record_free);
  g_clear_pointer (&shown->claims, g_ptr_array_unref);
  g_free (shown);
}

static void
load_document_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  ReadJob *job = task_data;
  g_autoptr(TallyStore) store = tally_store_open (job->path, job->flags, &error);
  g_autoptr(TallyShownDocument) shown = g_new0 (TallyShownDocument, 1);

  if (store == NULL
      || (shown->record = tally_store_load_document (store, job->document_id, &error)) == NULL
      || (shown->claims = tally_store_load_claims (store, job->document_id, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&shown), (GDestroyNotify) tally_shown_document_free);
}

void
tally_project_load_document_async (TallyProject        *self,
                                   TallyDocument       *document,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (TALLY_IS_PROJECT (self));
  g_return_if_fail (TALLY_IS_DOCUMENT (document));

  task = read_task_new (self, tally_project_load_document_async, cancellable, callback, user_data, &job);
  job->document_id = tally_document_get_id (document);
  g_task_run_in_thread (task, load_document_thread);
}

TallyShownDocument *
tally_project_load_document_finish (TallyProject  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (TALLY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
tally_kept_facts_free (TallyKeptFacts *kept)
{
  if (kept == NULL)
    return;
  g_clear_pointer (&kept->facts, g_ptr_array_unref);
  g_clear_pointer (&kept->conflicting, g_array_unref);
  g_free (kept);
}

void
tally_project_read_facts_async (TallyProject        *self,
                                const char          *stamp,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (TALLY_IS_PROJECT (self));
  g_return_if_fail (stamp != NULL);

  task = read_task_new (self, tally_project_read_facts_async, cancellable, callback, user_data, &job);
  job->stamp = g_strdup (stamp);
  g_task_run_in_thread (task, read_facts_thread);
}

TallyKeptFacts *
tally_project_read_facts_finish (TallyProject  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (TALLY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
tally_document_text_free (TallyDocumentText *text)
{
  if (text == NULL)
    return;
  g_free (text->text);
  g_free (text->published);
  g_free (text->language);
  g_free (text);
}

typedef struct
{
  GPtrArray *texts;
  gboolean leads;
} CollectTexts;

static void
collect_text_cb (TallyDocumentId document_id,
                 const char *text,
                 gsize       text_len,
                 const char *published,
                 const char *language,
                 gpointer    user_data)
{
  CollectTexts *collect = user_data;
  TallyDocumentText *t = g_new0 (TallyDocumentText, 1);

  /* The stories read a lead: a project's whole text is not held for them. */
  if (collect->leads && text != NULL)
    text_len = tally_story_lead_length (text, text_len);

  t->language = g_strdup (language);
  t->document_id = document_id;
  t->text = g_strndup (text, text_len);
  t->text_len = text_len;
  t->published = g_strdup (published);
  g_ptr_array_add (collect->texts, t);
}

static void
load_texts_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  ReadJob *job = task_data;
  g_autoptr(TallyStore) store = tally_store_open (job->path, job->flags, &error);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_document_text_free);
  CollectTexts collect = { texts, job->leads };

  if (store == NULL || !tally_store_foreach_text (store, collect_text_cb, &collect, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&texts), (GDestroyNotify) g_ptr_array_unref);
}

void
tally_project_load_texts_async (TallyProject        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (TALLY_IS_PROJECT (self));
  read_in_thread (self, tally_project_load_texts_async, load_texts_thread, cancellable, callback, user_data);
}

void
tally_project_load_leads_async (TallyProject        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (TALLY_IS_PROJECT (self));
  read_in_thread (self, tally_project_load_leads_async, load_texts_thread, cancellable, callback, user_data);
}

GPtrArray *
tally_project_load_texts_finish (TallyProject  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (TALLY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GPtrArray *
tally_project_search (TallyProject  *self,
                      const char    *query,
                      guint          limit,
                      GError       **error)
{
  g_return_val_if_fail (TALLY_IS_PROJECT (self), NULL);
  return tally_store_search (self->store, query, limit, error);
}

static gboolean
is_iso_date (const char *value)
{
  TallyPartialDate date;

  return tally_partial_date_parse (value, TALLY_PARTIAL_DATE_DAY_ONLY, &date);
}

gboolean
tally_project_set_document_field (TallyProject   *self,
                                  TallyDocument  *document,
                                  const char     *field,
                                  const char     *value,
                                  GError        **error)
{
  g_autofree char *old = NULL;
  TallyDocumentId id;
  TallyStore *store;
  gboolean redate;

  g_return_val_if_fail (TALLY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (TALLY_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (value != NULL && *value == '\0')
    value = NULL;
  redate = g_str_equal (field, "published");
  if (redate && value != NULL && !is_iso_date (value))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not a date (YYYY-MM-DD)"), value);
      return FALSE;
    }
  if (g_str_equal (field, "language") && value != NULL && !tally_language_tag_is_valid (value))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a language tag (BCP 47, such as en, ru or zh)"), value);
      return FALSE;
    }
  g_object_get (document, field, &old, NULL);
  if (g_strcmp0 (old, value) == 0)
    return TRUE;

  store = self->store;
  id = tally_document_get_id (document);
  if (!tally_store_begin (store, error))
    return FALSE;
  if (!tally_store_set_document_field (store, id, field, value, error)
      || tally_store_add_correction (store, "document", id, field, old, value, error) == 0)
    {
      tally_store_rollback (store);
      return FALSE;
    }
  /* A new date or language reads the claims again (relative dates, lexicon). */
  if (redate || g_str_equal (field, "language"))
    {
      g_autoptr(TallyDocumentRecord) record = tally_store_load_document (store, id, error);
      g_autoptr(GPtrArray) claims = NULL;
      TallyExtractOptions options;

      if (record == NULL)
        {
          tally_store_rollback (store);
          return FALSE;
        }
      tally_extract_options_init (&options);
      options.language = tally_claims_language_for (record->language);
      options.title = record->title;
      if (redate ? value != NULL : record->published != NULL)
        tally_extract_options_set_reference_date (&options, redate ? value : record->published);
      claims = tally_extract_claims (record->text, record->text_len, &options);
      if (!tally_store_replace_claims (store, id, claims, error))
        {
          tally_store_rollback (store);
          return FALSE;
        }
      if (!tally_store_commit (store, error))
        {
          tally_store_rollback (store);
          return FALSE;
        }
      _tally_document_set_field (document, field, value);
      _tally_document_set_claim_count (document, claims->len);
      g_signal_emit (self, signals[SIGNAL_CLAIMS_CHANGED], 0, document);
      return TRUE;
    }
  if (!tally_store_commit (store, error))
    {
      tally_store_rollback (store);
      return FALSE;
    }
  _tally_document_set_field (document, field, value);
  return TRUE;
}

gboolean
tally_project_remove_document (TallyProject   *self,
                               TallyDocument  *document,
                               GError        **error)
{
  TallyDocumentId id, cluster;
  GPtrArray *members;
  guint position;

  g_return_val_if_fail (TALLY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (TALLY_IS_DOCUMENT (document), FALSE);

  id = tally_document_get_id (document);
  cluster = tally_document_get_cluster_id (document);
  if (!tally_store_remove_document (self->store, id, error))
    return FALSE;
  g_hash_table_remove (self->by_id, &id);
  if ((members = g_hash_table_lookup (self->clusters, &cluster)) != NULL)
    {
      g_ptr_array_remove (members, document);
      update_cluster (self, members);
    }
  _tally_document_set_duplicates (document, 0);
  if (g_list_store_find (self->documents, document, &position))
    g_list_store_remove (self->documents, position);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Import: a worker thread reads, cleans, extracts and stores; the main
 * thread receives committed batches and progress. */

typedef struct
{
  char **paths;
  char *store_path;
  GMainContext *context;
  TallyImportResult *result;
  gint64 last_progress;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_strfreev (job->paths);
  g_free (job->store_path);
  g_main_context_unref (job->context);
  tally_import_result_free (job->result);
  g_free (job);
}

typedef struct
{
  TallyProject *project;
  GPtrArray *documents;   /* a committed batch, or NULL */
  guint done;
  guint total;
  char *file;
  GTask *finished;        /* the last message returns the task */
  GError *error;
} ImportMessage;

static void
import_message_free (ImportMessage *message)
{
  g_object_unref (message->project);
  g_clear_pointer (&message->documents, g_ptr_array_unref);
  g_free (message->file);
  g_clear_object (&message->finished);
  g_clear_error (&message->error);
  g_free (message);
}

static gboolean
import_message_dispatch (gpointer data)
{
  ImportMessage *message = data;
  TallyProject *self = message->project;

  if (message->documents != NULL)
    add_documents (self, message->documents);
  if (message->finished != NULL)
    {
      ImportJob *job = g_task_get_task_data (message->finished);

      if (--self->n_imports == 0)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
      if (message->error != NULL)
        g_task_return_error (message->finished, g_steal_pointer (&message->error));
      else
        g_task_return_pointer (message->finished, g_steal_pointer (&job->result), (GDestroyNotify) tally_import_result_free);
    }
  else
    g_signal_emit (self, signals[SIGNAL_IMPORT_PROGRESS], 0, message->done, message->total, message->file);
  return G_SOURCE_REMOVE;
}

/* Always through an idle source: g_main_context_invoke() would run the
 * callback right here, in the worker, whenever the main context happens to
 * be free. */
static void
send_message (GMainContext  *context,
              ImportMessage *message)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, import_message_dispatch, message, (GDestroyNotify) import_message_free);
  g_source_set_static_name (source, "[tally] import message");
  g_source_attach (source, context);
}

static void
post (TallyProject *self,
      ImportJob    *job,
      GPtrArray    *documents,
      guint         done,
      guint         total,
      const char   *file)
{
  ImportMessage *message = g_new0 (ImportMessage, 1);

  message->project = g_object_ref (self);
  message->documents = documents;
  message->done = done;
  message->total = total;
  message->file = g_strdup (file);
  send_message (job->context, message);
}

typedef struct
{
  guint64 simhash;
  TallyDocumentId id;
  TallyDocumentId cluster_id;
} Fingerprint;

static void
load_fingerprint_cb (const TallyStoreDocumentInfo *info,
                     gpointer                      user_data)
{
  Fingerprint fp = { info->simhash, info->id, info->cluster_id };

  g_array_append_val (user_data, fp);
}

/* The cluster of a stored document that is a near-duplicate of `record`:
 * the few closest fingerprints are candidates, confirmed on the shingles
 * (a bounded number, so a folder of look-alike bulletins stays fast). */
#define MAX_CANDIDATES 4

static TallyDocumentId
find_cluster (GArray                    *fingerprints,
              TallyStore                *store,
              const TallyDocumentRecord *record)
{
  const Fingerprint *fps = (const Fingerprint *) fingerprints->data;
  guint best[MAX_CANDIDATES], best_distance[MAX_CANDIDATES], n_best = 0;

  for (guint i = 0; i < fingerprints->len; i++)
    {
      guint distance = tally_simhash_distance (fps[i].simhash, record->simhash);
      guint at;

      if (distance > TALLY_SIMHASH_CANDIDATE_DISTANCE)
        continue;
      /* Insertion into the short sorted list; earlier documents win ties. */
      for (at = n_best; at > 0 && best_distance[at - 1] > distance; at--)
        ;
      if (at >= MAX_CANDIDATES)
        continue;
      if (n_best < MAX_CANDIDATES)
        n_best++;
      memmove (best + at + 1, best + at, (n_best - 1 - at) * sizeof best[0]);
      memmove (best_distance + at + 1, best_distance + at, (n_best - 1 - at) * sizeof best_distance[0]);
      best[at] = i;
      best_distance[at] = distance;
    }

  for (guint k = 0; k < n_best; k++)
    {
      g_autofree char *text = NULL;
      gsize len = 0;

      if ((text = tally_store_dup_text (store, fps[best[k]].id, &len)) == NULL)
        continue;
      if (tally_shingle_similarity (text, len, record->text, record->text_len) >= TALLY_NEAR_DUPLICATE_SIMILARITY)
        return fps[best[k]].cluster_id;
    }
  return TALLY_DOCUMENT_ID_NONE;
}

static void
add_failure (ImportJob    *job,
             const char   *path,
             const GError *error)
{
  g_ptr_array_add (job->result->failures, tally_ingest_failure_new (path, error));
  if (g_error_matches (error, TALLY_INGEST_ERROR, TALLY_INGEST_ERROR_DUPLICATE))
    job->result->n_duplicates++;
  else
    job->result->n_failed++;
}

/* One file, read and analysed by a preparing thread, stored by the import
 * thread in the order the files were listed. */
typedef struct
{
  guint index;
  const char *path;
  TallyDocumentRecord *record;
  GPtrArray *claims;
  GError *error;
} Prepared;

static void
prepared_free (gpointer data)
{
  Prepared *p = data;

  g_clear_pointer (&p->record, tally_document_record_free);
  g_clear_pointer (&p->claims, g_ptr_array_unref);
  g_clear_error (&p->error);
  g_free (p);
}

static gpointer
prepare_file (guint    index,
              gpointer path,
              gpointer user_data)
{
  Prepared *p = g_new0 (Prepared, 1);

  p->index = index;
  p->path = path;
  p->record = tally_ingest_listed_file (p->path, &p->error);
  if (p->record != NULL)
    {
      GPtrArray *origins = user_data;

      if (origins != NULL && index < origins->len)
        p->record->origin = g_strdup (g_ptr_array_index (origins, index));
      TallyExtractOptions options;

      tally_extract_options_init (&options);
      if (p->record->published != NULL)
        tally_extract_options_set_reference_date (&options, p->record->published);
      /* The document's language picks the lexicon; ingest found the tokens with it. */
      options.language = tally_claims_language_for (p->record->language);
      options.tokens = p->record->tokens;  /* found by ingest with the sentences */
      options.title = p->record->title;
      p->claims = tally_extract_claims (p->record->text, p->record->text_len, &options);
      g_clear_pointer (&p->record->tokens, g_array_unref);
    }
  return p;
}

/* Stores one prepared file; returns its document, or NULL (failure noted). */
static TallyDocument *
store_prepared (ImportJob   *job,
                TallyStore  *store,
                GArray      *fingerprints,
                Prepared    *p)
{
  g_autoptr(GError) error = NULL;
  TallyDocumentRecord *record = p->record;
  TallyStoreDocumentInfo info = { 0 };
  TallyDocumentId cluster, id;

  if (record == NULL)
    {
      add_failure (job, p->path, p->error);
      return NULL;
    }
  if (!tally_document_id_is_none (tally_store_find_by_hash (store, record->content_hash)))
    {
      g_autofree char *name = g_filename_display_basename (p->path);

      g_set_error (&error, TALLY_INGEST_ERROR, TALLY_INGEST_ERROR_DUPLICATE,
                   _("“%s”: already in the project (same content), skipped"), name);
      add_failure (job, p->path, error);
      return NULL;
    }

  cluster = find_cluster (fingerprints, store, record);
  id = tally_store_add_document (store, record, p->claims, cluster, &error);
  if (tally_document_id_is_none (id))
    {
      g_autoptr(GError) wrapped = NULL;
      g_autofree char *name = g_filename_display_basename (p->path);

      g_set_error (&wrapped, TALLY_INGEST_ERROR, TALLY_INGEST_ERROR_UNREADABLE,
                   _("“%s”: could not be stored: %s"), name, error->message);
      add_failure (job, p->path, wrapped);
      return NULL;
    }
  {
    Fingerprint fp = { record->simhash, id, tally_document_id_is_none (cluster) ? id : cluster };

    g_array_append_val (fingerprints, fp);
  }

  info.id = id;
  info.path = record->path;
  info.format = record->format;
  info.content_hash = record->content_hash;
  info.title = record->title;
  info.outlet = record->outlet;
  info.published = record->published;
  info.author = record->author;
  info.language = record->language;
  info.word_count = record->word_count;
  info.comment_count = record->comments->len;
  info.claim_count = p->claims->len;
  info.simhash = record->simhash;
  info.cluster_id = tally_document_id_is_none (cluster) ? id : cluster;
  info.imported = g_get_real_time () / G_USEC_PER_SEC;
  job->result->n_added++;
  return _tally_document_new_from_info (&info);
}

/* Files in flight at most: bounds memory whatever the folder's size. */
#define PREPARE_WINDOW 64

static gboolean
import_files (TallyProject  *self,
              ImportJob     *job,
              TallyStore    *store,
              GPtrArray     *files,
              GPtrArray     *origins,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GArray) fingerprints = g_array_new (FALSE, FALSE, sizeof (Fingerprint));
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(TallyPipeline) pipeline = NULL;
  guint stored = 0;
  gint64 batch_start = 0;
  gboolean ok = TRUE;

  if (!tally_store_foreach_document (store, load_fingerprint_cb, fingerprints, error))
    return FALSE;

  /* Reading and analysing run on every core (the pipeline tally-cli uses
   * too); storing stays on this thread, in the order the files were listed. */
  pipeline = tally_pipeline_new (files, 0, PREPARE_WINDOW, prepare_file, prepared_free, origins);

  while (ok && stored < files->len)
    {
      Prepared *p;
      TallyDocument *document;
      gint64 now;
      guint index;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (!tally_pipeline_next (pipeline, &index, (gpointer *) &p))
        break;

      now = g_get_monotonic_time ();
      if (batch == NULL)
        {
          if (!(ok = tally_store_begin (store, error)))
            {
              prepared_free (p);
              break;
            }
          batch = g_ptr_array_new_with_free_func (g_object_unref);
          batch_start = now;
        }
      if (now - job->last_progress >= PROGRESS_USEC)
        {
          g_autofree char *name = g_filename_display_basename (p->path);

          post (self, job, NULL, stored, files->len, name);
          job->last_progress = now;
        }
      if ((document = store_prepared (job, store, fingerprints, p)) != NULL)
        g_ptr_array_add (batch, document);
      prepared_free (p);
      stored++;

      if (batch->len >= BATCH_DOCUMENTS || g_get_monotonic_time () - batch_start >= BATCH_USEC)
        {
          if (!(ok = tally_store_commit (store, error)))
            break;
          post (self, job, g_steal_pointer (&batch), stored, files->len, NULL);
        }
    }

  /* Files still being read after a cancel or an error are dropped. */
  g_clear_pointer (&pipeline, tally_pipeline_free);

  if (ok && batch != NULL)
    {
      if (!(ok = tally_store_commit (store, error)))
        return FALSE;
      post (self, job, g_steal_pointer (&batch), stored, files->len, NULL);
    }
  return ok;
}

/* A thread of its own rather than g_task_run_in_thread(): the thread hands
 * its only reference to the task to the main thread with the last message,
 * so when the callback runs nothing else holds the project. */
static gpointer
import_thread (gpointer data)
{
  GTask *task = data;
  TallyProject *self = g_task_get_source_object (task);
  ImportJob *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) origins = g_ptr_array_new_with_free_func (g_free);
  ImportMessage *message;
  TallyStore *store;
  gboolean ok;

  g_mutex_lock (&self->import_lock);
  post (self, job, NULL, 0, 0, NULL);
  files = tally_ingest_collect_paths_full ((const char * const *) job->paths, -1, job->result->failures,
                                           origins, cancellable);
  job->result->n_failed = job->result->failures->len;

  /* The worker's own connection: the window keeps reading through its own. */
  store = tally_store_open (job->store_path, TALLY_STORE_OPEN_CHECKED | TALLY_STORE_OPEN_BULK, &error);
  ok = store != NULL && import_files (self, job, store, files, origins, cancellable, &error);
  job->result->cancelled = g_cancellable_is_cancelled (cancellable);
  if (store != NULL)
    {
      if (!ok)
        tally_store_rollback (store);
      tally_store_close (store);
    }
  g_mutex_unlock (&self->import_lock);

  message = g_new0 (ImportMessage, 1);
  message->project = g_object_ref (self);
  message->finished = task;
  message->error = g_steal_pointer (&error);
  send_message (job->context, message);
  return NULL;
}

void
tally_project_import_async (TallyProject         *self,
                            GFile               **files,
                            guint                 n_files,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;
  GPtrArray *paths = g_ptr_array_new ();

  g_return_if_fail (TALLY_IS_PROJECT (self));
  g_return_if_fail (files != NULL || n_files == 0);

  for (guint i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);

      /* Non-local URIs (no path) cannot be read here; name them anyway. */
      g_ptr_array_add (paths, path != NULL ? path : g_file_get_uri (files[i]));
    }
  g_ptr_array_add (paths, NULL);

  job = g_new0 (ImportJob, 1);
  job->paths = (char **) g_ptr_array_free (paths, FALSE);
  job->store_path = g_strdup (self->path);
  job->context = g_main_context_ref_thread_default ();
  job->result = g_new0 (TallyImportResult, 1);
  job->result->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_ingest_failure_free);

  if (self->n_imports++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tally_project_import_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_thread_unref (g_thread_new ("tally-import", import_thread, g_steal_pointer (&task)));
}

void
tally_project_import_list_async (TallyProject        *self,
                                 GListModel          *files,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_if_fail (TALLY_IS_PROJECT (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (files, i);

      if (G_IS_FILE (item))
        g_ptr_array_add (array, g_steal_pointer (&item));
    }
  tally_project_import_async (self, (GFile **) array->pdata, array->len, cancellable, callback, user_data);
}

TallyImportResult *
tally_project_import_finish (TallyProject  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (TALLY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
