/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tally-claim-record.h"
#include "tally-document-id.h"
#include "tally-document-record.h"

G_BEGIN_DECLS

/* The project file: one SQLite database in WAL mode with foreign keys, a
 * schema version (PRAGMA user_version) upgraded by migrations, FTS5 over
 * title and text. Plain C, no GObject, no GTK; one TallyStore is used by one
 * thread at a time (the import opens a second one on the same file). */

#define TALLY_STORE_ERROR (tally_store_error_quark ())

typedef enum
{
  TALLY_STORE_ERROR_FAILED,
  TALLY_STORE_ERROR_NOT_A_PROJECT,  /* not SQLite, or SQLite of another program */
  TALLY_STORE_ERROR_CORRUPT,        /* damaged file */
  TALLY_STORE_ERROR_NEWER,          /* saved by a newer Tally */
  TALLY_STORE_ERROR_DUPLICATE,      /* same content hash already stored */
  TALLY_STORE_ERROR_NOT_FOUND,
  TALLY_STORE_ERROR_BUSY,           /* locked by another process for too long */
  TALLY_STORE_ERROR_READ_ONLY,
} TallyStoreError;

#define TALLY_STORE_SCHEMA_VERSION 8

/* Search hits mark the matched words with these bytes in `snippet`. */
#define TALLY_STORE_MATCH_START "\x02"
#define TALLY_STORE_MATCH_END   "\x03"

typedef struct _TallyStore TallyStore;

typedef enum
{
  TALLY_STORE_OPEN_DEFAULT = 0,
  TALLY_STORE_OPEN_CREATE = 1 << 0,    /* create the file when missing */
  TALLY_STORE_OPEN_CHECKED = 1 << 1,   /* already opened (and checked) elsewhere:
                                        * a second connection skips the checks */
  TALLY_STORE_OPEN_BULK = 1 << 2,      /* many writes ahead (an import): a bigger
                                        * cache, fewer WAL checkpoints */
  TALLY_STORE_OPEN_NO_SHARED_MEMORY = 1 << 3, /* a rollback journal and no mmap,
                                        * as on FUSE, network and 9p file
                                        * systems (chosen there by itself) */
  TALLY_STORE_OPEN_READ_ONLY = 1 << 4, /* read, never write: no journal mode
                                        * switch, no migration, no -wal/-shm
                                        * made beside a closed project, works
                                        * in a read-only folder (export) */
} TallyStoreOpenFlags;

/* One row of the document list: what the model shows without the text. */
typedef struct
{
  TallyDocumentId id;
  const char *path;
  const char *format;
  const char *content_hash;
  const char *title;
  const char *outlet;
  const char *published;
  const char *author;
  guint word_count;
  guint comment_count;
  guint claim_count;
  guint64 simhash;
  TallyDocumentId cluster_id; /* the cluster's first document (itself when alone) */
  gint64 imported;        /* Unix time */
  const char *language;   /* BCP 47 tag, or NULL when unknown */
} TallyStoreDocumentInfo;

typedef void (*TallyStoreDocumentFunc) (const TallyStoreDocumentInfo *info,
                                        gpointer                      user_data);

typedef struct
{
  TallyDocumentId document_id;
  double rank;            /* bm25: lower is better */
  char *title;
  char *snippet;          /* text around the match, marked with MATCH_START/END */
} TallyStoreHit;

GQuark               tally_store_error_quark        (void);

/* Opens (or with CREATE makes) a project. A newer-schema, foreign or damaged
 * file gives an error and is left exactly as it was. */
TallyStore          *tally_store_open               (const char          *path,
                                                     TallyStoreOpenFlags  flags,
                                                     GError             **error);
void                 tally_store_close              (TallyStore *store);
gboolean             tally_store_get_shares_memory  (TallyStore *store);
const char          *tally_store_get_path           (TallyStore *store);
int                  tally_store_get_schema_version (TallyStore *store);

gboolean             tally_store_begin              (TallyStore  *store,
                                                     GError     **error);
gboolean             tally_store_commit             (TallyStore  *store,
                                                     GError     **error);
void                 tally_store_rollback           (TallyStore  *store);

/* Stores a document with its claims (TallyClaimRecord*, may be NULL) and
 * returns its id, or NONE with DUPLICATE when its content hash is stored. */
TallyDocumentId      tally_store_add_document       (TallyStore                *store,
                                                     const TallyDocumentRecord *record,
                                                     GPtrArray                 *claims,
                                                     TallyDocumentId            cluster_id,
                                                     GError                   **error);
TallyDocumentId      tally_store_find_by_hash       (TallyStore  *store,
                                                     const char  *content_hash);
gboolean             tally_store_set_cluster        (TallyStore  *store,
                                                     TallyDocumentId document_id,
                                                     TallyDocumentId cluster_id,
                                                     GError     **error);
/* Sets "title", "outlet", "published" or "author" (NULL clears it). */
gboolean             tally_store_set_document_field (TallyStore  *store,
                                                     TallyDocumentId document_id,
                                                     const char  *field,
                                                     const char  *value,
                                                     GError     **error);
/* Replaces the document's claims (TallyClaimRecord*) and its claim count. */
gboolean             tally_store_replace_claims     (TallyStore  *store,
                                                     TallyDocumentId document_id,
                                                     GPtrArray   *claims,
                                                     GError     **error);
gboolean             tally_store_remove_document    (TallyStore  *store,
                                                     TallyDocumentId document_id,
                                                     GError     **error);
guint                tally_store_count_documents    (TallyStore  *store);

/* Calls func for every document in import order. */
gboolean             tally_store_foreach_document   (TallyStore              *store,
                                                     TallyStoreDocumentFunc   func,
                                                     gpointer                 user_data,
                                                     GError                 **error);

/* The whole record back: text, spans, offset map, comments, boilerplate. */
TallyDocumentRecord *tally_store_load_document      (TallyStore  *store,
                                                     TallyDocumentId document_id,
                                                     GError     **error);
/* Just the cleaned text (for near-duplicate checks). */
char                *tally_store_dup_text           (TallyStore  *store,
                                                     TallyDocumentId document_id,
                                                     gsize       *len);
/* The document's claims as TallyClaimRecord*, in text order. */
GPtrArray           *tally_store_load_claims        (TallyStore  *store,
                                                     TallyDocumentId document_id,
                                                     GError     **error);

/* Every claim of every document, in document then text order, with the
 * document's cleaned text (valid during the call only). Two sequential
 * scans: fit for a worker thread with its own TallyStore. */
typedef void (*TallyStoreClaimFunc) (TallyDocumentId         document_id,
                                     const TallyClaimRecord *claim,
                                     const char             *text,
                                     gsize                   text_len,
                                     gpointer                user_data);

gboolean             tally_store_foreach_claim      (TallyStore           *store,
                                                     TallyStoreClaimFunc   func,
                                                     gpointer              user_data,
                                                     GError              **error);

/* Every document's cleaned text, publication date and language, in id order. */
typedef void (*TallyStoreTextFunc) (TallyDocumentId document_id,
                                    const char *text,
                                    gsize       text_len,
                                    const char *published,
                                    const char *language,
                                    gpointer    user_data);

gboolean             tally_store_foreach_text       (TallyStore           *store,
                                                     TallyStoreTextFunc    func,
                                                     gpointer              user_data,
                                                     GError              **error);

/* Full-text search: words, "phrases", prefix*; ranked by bm25 (title words
 * weigh more). Input is user text, not FTS5 syntax: it never errors on
 * punctuation. Returns TallyStoreHit*. */
GPtrArray           *tally_store_search             (TallyStore  *store,
                                                     const char  *query,
                                                     guint        limit,
                                                     GError     **error);
void                 tally_store_hit_free           (TallyStoreHit *hit);

/* A search query as the analyst typed it, split once for the index and for
 * the reader: words, "quoted phrases" (phrase TRUE) and word* prefixes
 * (prefix TRUE, the star dropped from `text`); terms without a letter or
 * digit are left out. */
typedef struct
{
  char *text;
  gboolean phrase;
  gboolean prefix;
} TallyStoreQueryTerm;

void                 tally_store_query_term_free    (TallyStoreQueryTerm *term);
/* TallyStoreQueryTerm*, in the query's order. */
GPtrArray           *tally_store_query_terms        (const char    *query);
/* The words the reader marks for a query: its terms' letters and digits,
 * phrases as their words, a prefix's star kept ("corrid*"). */
char               **tally_store_query_words        (const char    *query);

/* Edits that can be undone: what changed (in document `target_id`, NONE for
 * a fact), from what, to what. */
gint64               tally_store_add_correction     (TallyStore  *store,
                                                     const char  *target,
                                                     TallyDocumentId target_id,
                                                     const char  *field,
                                                     const char  *old_value,
                                                     const char  *new_value,
                                                     GError     **error);
gboolean             tally_store_set_correction_undone (TallyStore  *store,
                                                        gint64       correction_id,
                                                        gboolean     undone,
                                                        GError     **error);

/* Every correction row, in the order they were made (undone ones too, with
 * `undone` set), for TallyCorrections to replay when a project opens. */
typedef void (*TallyStoreCorrectionFunc) (gint64      correction_id,
                                          const char *target,
                                          TallyDocumentId target_id,
                                          const char *field,
                                          const char *old_value,
                                          const char *new_value,
                                          gboolean    undone,
                                          gpointer    user_data);
gboolean             tally_store_foreach_correction (TallyStore               *store,
                                                     TallyStoreCorrectionFunc  func,
                                                     gpointer                  user_data,
                                                     GError                  **error);

/* Grouped facts kept in the project for its next opening (issue 14,
 * tally-store-facts.c): what the fact table shows of each fact and its
 * claims' keys, so that a project opens without reading its claims. They
 * count only while nothing they came from changed: triggers bump a
 * generation at any change of documents or claims, and another at any
 * change of corrections; `stamp` names the program and locale that
 * grouped them. */
typedef struct
{
  gint64 data;            /* documents and claims */
  gint64 corrections;
} TallyStoreGeneration;

typedef struct
{
  TallyDocumentId document_id;
  guint64 start;
  guint64 end;
} TallyStoreClaimKey;

typedef struct
{
  char *id;
  char *key;
  char *label;
  char *measure;
  int status;             /* TallyFactStatus */
  char *explanation;
  char *values_summary;
  char *series;
  char *story;
  guint source_count;
  double spread;
  char *spread_label;
  char *search_text;
  GArray *claims;         /* TallyStoreClaimKey; empty as read back */
  guint n_claims;         /* as read back: how many keys it keeps */
} TallyStoreFact;

TallyStoreFact      *tally_store_fact_new           (void);
void                 tally_store_fact_free          (TallyStoreFact *fact);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyStoreFact, tally_store_fact_free)

/* FALSE with an error for a project of a format before 7. */
gboolean             tally_store_get_generation     (TallyStore           *store,
                                                     TallyStoreGeneration *generation,
                                                     GError              **error);
/* Replaces the kept facts (TallyStoreFact*, in order) with `facts`, grouped
 * from the project as it was at `at`. When the project changed since, writes
 * nothing and sets `*written` FALSE (no error). */
gboolean             tally_store_write_facts        (TallyStore                 *store,
                                                     const TallyStoreGeneration *at,
                                                     const char                 *stamp,
                                                     GPtrArray                  *facts,
                                                     gboolean                   *written,
                                                     GError                    **error);
/* The kept facts (TallyStoreFact*, without their keys: `n_claims` says how
 * many) when they were grouped by `stamp` from the project as it is; NULL
 * without an error when there are none that count (or the project's format
 * is before 8); NULL with an error when they cannot be read or are
 * malformed. `conflicting` (may be NULL) gets the TallyDocumentId of every
 * document with a claim in a conflicting fact. Each fact's keys are checked
 * as they are read, and not kept. */
GPtrArray           *tally_store_read_facts         (TallyStore  *store,
                                                     const char  *stamp,
                                                     GArray     **conflicting,
                                                     GError     **error);
/* Lookups in the kept facts as they are now (the caller knows they count):
 * the keys (TallyStoreClaimKey) of the fact at `position`; the keys of a
 * document's claims in conflicting facts; the position of the fact holding
 * a claim (-1: none). */
GArray              *tally_store_kept_fact_claims   (TallyStore  *store,
                                                     guint        position,
                                                     GError     **error);
GArray              *tally_store_kept_conflicts     (TallyStore  *store,
                                                     TallyDocumentId document_id,
                                                     GError     **error);
gint64               tally_store_kept_fact_of_claim (TallyStore  *store,
                                                     const TallyStoreClaimKey *key);

/* Writes a compact copy of the project to `dest` (VACUUM INTO). */
gboolean             tally_store_copy_to            (TallyStore  *store,
                                                     const char  *dest,
                                                     GError     **error);
/* PRAGMA integrity_check; FALSE with the first problem as the message. */
gboolean             tally_store_check_integrity    (TallyStore  *store,
                                                     GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyStore, tally_store_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyStoreHit, tally_store_hit_free)

G_END_DECLS
