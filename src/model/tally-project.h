/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tally-claim.h"
#include "tally-document.h"
#include "tally-document-record.h"
#include "tally-ingest.h"
#include "tally-store.h"

G_BEGIN_DECLS

/* A project: the SQLite file (TallyStore) and the documents in it as a
 * GListModel of TallyDocument. Imports run in a worker thread, commit in
 * batches and add documents on the main thread, one items-changed per batch.
 * Everything here is called from the main thread. */

#define TALLY_TYPE_PROJECT (tally_project_get_type ())
G_DECLARE_FINAL_TYPE (TallyProject, tally_project, TALLY, PROJECT, GObject)

/* What an import did. Failures are TallyIngestFailure* (path + reason), in
 * the order met; a file already in the project is one of them, with
 * failure->error->code == TALLY_INGEST_ERROR_DUPLICATE (show it as a notice
 * rather than an error). */
typedef struct
{
  guint n_added;
  guint n_duplicates;
  guint n_failed;       /* failures other than duplicates */
  gboolean cancelled;   /* documents committed before the cancel stay */
  GPtrArray *failures;
} TallyImportResult;

void               tally_import_result_free          (TallyImportResult *result);

/* A new, unsaved project in $XDG_DATA_HOME/tally/unsaved/Untitled-XXXXXX.tally:
 * every import is already on disk; Save As moves it. */
TallyProject      *tally_project_new_temporary       (GError        **error);
TallyProject      *tally_project_open                (const char     *path,
                                                      GError        **error);
/* Reads a project without writing to it or beside it (tally-cli export):
 * imports, corrections and saves on it fail. */
TallyProject      *tally_project_open_read_only      (const char     *path,
                                                      GError        **error);
/* Unsaved projects left by an earlier run (a crash, a closed session): their
 * paths, to offer them back. Opened with tally_project_open_unsaved() they
 * stay unsaved (Save As moves them out). */
GPtrArray         *tally_project_list_unsaved        (void);
TallyProject      *tally_project_open_unsaved        (const char     *path,
                                                      GError        **error);
/* Removes the file of an unsaved project nobody needs (nothing imported). */
void               tally_project_discard             (TallyProject   *self);
/* Writes the project to `path` (atomically) and continues there; the
 * temporary file of an unsaved project is removed. Fails while importing. */
gboolean           tally_project_save_as             (TallyProject   *self,
                                                      const char     *path,
                                                      GError        **error);

const char        *tally_project_get_path            (TallyProject   *self);
gboolean           tally_project_get_temporary       (TallyProject   *self);
gboolean           tally_project_get_importing       (TallyProject   *self);
/* GListModel of TallyDocument, in import order. */
GListModel        *tally_project_get_documents       (TallyProject   *self);
TallyDocument     *tally_project_lookup_document     (TallyProject   *self,
                                                      TallyDocumentId id);
TallyStore        *tally_project_get_store           (TallyProject   *self);

/* Imports files and folders (walked recursively). `progress` signals come
 * on the main thread while it runs; the callback gets the result from
 * tally_project_import_finish(). A second import waits for the first. */
void               tally_project_import_async        (TallyProject        *self,
                                                      GFile              **files,
                                                      guint                n_files,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
/* The same for a GListModel of GFile (GtkFileDialog's open_multiple result). */
void               tally_project_import_list_async   (TallyProject        *self,
                                                      GListModel          *files,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
/* NULL only when the project file itself failed (disk full, …). Finishes
 * both import calls. */
TallyImportResult *tally_project_import_finish       (TallyProject        *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* The full record (text, spans, comments, boilerplate, offset map). */
TallyDocumentRecord *tally_project_load_record       (TallyProject   *self,
                                                      TallyDocument  *document,
                                                      GError        **error);
/* One document's full record and its claims (TallyClaimRecord*, text
 * order), read in a worker with its own connection: the reader's document,
 * which never holds up the window. */
typedef struct
{
  TallyDocumentRecord *record;
  GPtrArray *claims;
} TallyShownDocument;

void               tally_shown_document_free         (TallyShownDocument *shown);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyShownDocument, tally_shown_document_free)
void               tally_project_load_document_async (TallyProject        *self,
                                                      TallyDocument       *document,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
TallyShownDocument *tally_project_load_document_finish (TallyProject     *self,
                                                        GAsyncResult     *result,
                                                        GError          **error);
/* GListModel of TallyClaim for one document, in text order. */
GListModel        *tally_project_list_claims         (TallyProject   *self,
                                                      TallyDocument  *document,
                                                      GError        **error);
/* The claims (TallyClaim*) that `keys` name, in the keys' order, read now
 * on the project's own connection (a kept fact's claims; main thread). A
 * key whose claim is no longer stored is left out. */
GPtrArray         *tally_project_load_claims_by_key  (TallyProject         *self,
                                                      const TallyClaimKey  *keys,
                                                      guint                 n_keys,
                                                      GError              **error);
/* Opened with tally_project_open_read_only(): nothing is written. */
gboolean           tally_project_get_read_only       (TallyProject         *self);
/* The facts the project keeps (tally_store_read_facts()) when `stamp` grouped
 * them from the project as it is, read in a worker: TallyStoreFact* and the
 * documents with a claim in a conflicting fact, or NULL without an error
 * when none count. */
typedef struct
{
  GPtrArray *facts;               /* TallyStoreFact* */
  GArray *conflicting;            /* TallyDocumentId */
} TallyKeptFacts;

void               tally_kept_facts_free             (TallyKeptFacts       *kept);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyKeptFacts, tally_kept_facts_free)

void               tally_project_read_facts_async    (TallyProject         *self,
                                                      const char           *stamp,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
TallyKeptFacts    *tally_project_read_facts_finish   (TallyProject         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
/* Every claim of the project as TallyClaim* (document then text order),
 * read in a worker thread with its own connection: for the fact grouping
 * and the timeline, which need all of them at once. */
void               tally_project_load_claims_async   (TallyProject        *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray         *tally_project_load_claims_finish  (TallyProject        *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* Every document's text, for whole-project analyses (events): read in a
 * worker thread. The result holds TallyDocumentText*, in id order. */
typedef struct
{
  TallyDocumentId document_id;
  char *text;
  gsize text_len;
  char *published;      /* may be NULL */
  char *language;       /* BCP 47, may be NULL */
} TallyDocumentText;

void               tally_document_text_free          (TallyDocumentText *text);
void               tally_project_load_texts_async    (TallyProject        *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
/* The same with each text cut to its lead, the part the stories read
 * (tally_story_lead_length()): for the stories, without a project's whole
 * text in memory. Finish with tally_project_load_texts_finish(). */
void               tally_project_load_leads_async    (TallyProject        *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray         *tally_project_load_texts_finish   (TallyProject        *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* FTS5 search: TallyStoreHit* (see tally-store.h), best first. */
GPtrArray         *tally_project_search              (TallyProject   *self,
                                                      const char     *query,
                                                      guint           limit,
                                                      GError        **error);
/* Corrects "title", "outlet", "published" (ISO date "YYYY-MM-DD", or
 * NULL) or "author" (NULL or "" clears it). The change is stored with a
 * row in the corrections table; a new publication date re-resolves the
 * document's relative claims, and ::claims-changed says so. For undo, call
 * it again with the old value (read it from the document first). */
gboolean           tally_project_set_document_field  (TallyProject   *self,
                                                      TallyDocument  *document,
                                                      const char     *field,
                                                      const char     *value,
                                                      GError        **error);
gboolean           tally_project_remove_document     (TallyProject   *self,
                                                      TallyDocument  *document,
                                                      GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyImportResult, tally_import_result_free)

G_END_DECLS
