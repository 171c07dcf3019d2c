/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tally-document-record.h"

G_BEGIN_DECLS

/* Files → cleaned TallyDocumentRecord. Plain functions, thread-safe, no
 * GObject signals: the model runs them in a worker thread, the CLI and the
 * tests call them directly. Every GError names the file and the reason, as
 * "“name.txt”: the file is empty"; tally_ingest_failure_new() keeps the
 * reason alone for lists that show file and reason in two columns. */

#define TALLY_INGEST_ERROR (tally_ingest_error_quark ())

typedef enum
{
  TALLY_INGEST_ERROR_EMPTY,        /* zero bytes, or nothing but white space */
  TALLY_INGEST_ERROR_TOO_LARGE,    /* over TALLY_INGEST_MAX_FILE_SIZE */
  TALLY_INGEST_ERROR_BINARY,       /* NUL bytes or other binary content */
  TALLY_INGEST_ERROR_UNREADABLE,   /* permission denied, I/O error */
  TALLY_INGEST_ERROR_NOT_FOUND,    /* no such file */
  TALLY_INGEST_ERROR_BROKEN_LINK,  /* symlink to nothing */
  TALLY_INGEST_ERROR_LOOP,         /* symlink loop, or a folder inside itself */
  TALLY_INGEST_ERROR_VANISHED,     /* listed, then gone before it was read */
  TALLY_INGEST_ERROR_NOT_REGULAR,  /* device, socket, FIFO */
  TALLY_INGEST_ERROR_ENCODING,     /* undecodable (e.g. broken UTF-16) */
  TALLY_INGEST_ERROR_NO_TEXT,      /* a page with no article text in it */
  TALLY_INGEST_ERROR_DUPLICATE,    /* same bytes as a document already imported */
  TALLY_INGEST_ERROR_TOO_COMPLEX,  /* markup past a limit that keeps reading it linear */
  TALLY_INGEST_ERROR_OUTSIDE_FOLDER, /* a symlink in a chosen folder to a place outside it (not followed) */
} TallyIngestError;

#define TALLY_INGEST_MAX_FILE_SIZE (20 * 1024 * 1024)

GQuark               tally_ingest_error_quark   (void);

/* Reads, decodes, sniffs and cleans one file. */
TallyDocumentRecord *tally_ingest_file          (const char  *path,
                                                 GError     **error);

/* As tally_ingest_file() for a path that tally_ingest_collect_paths() listed:
 * a file gone since then is reported as VANISHED rather than NOT_FOUND. */
TallyDocumentRecord *tally_ingest_listed_file   (const char  *path,
                                                 GError     **error);

/* What a reader that keeps nothing can go without. */
typedef enum
{
  TALLY_INGEST_FLAGS_NONE = 0,
  /* content_hash stays NULL: SHA-256 of the bytes is what finds a file already
   * in a project, and costs as much as cleaning the text (tally-cli analyze). */
  TALLY_INGEST_NO_CONTENT_HASH = 1 << 0,
} TallyIngestFlags;

TallyDocumentRecord *tally_ingest_listed_file_full (const char       *path,
                                                    TallyIngestFlags  flags,
                                                    GError          **error);

/* The same for bytes already in memory; `path` names them in messages and in
 * the record (may be NULL). */
TallyDocumentRecord *tally_ingest_bytes         (GBytes      *bytes,
                                                 const char  *path,
                                                 GError     **error);

/* One path that could not be imported, with the reason. */
typedef struct
{
  char   *path;
  char   *reason;   /* "the file is empty" */
  GError *error;    /* TALLY_INGEST_ERROR; its message names the file */
} TallyIngestFailure;

TallyIngestFailure  *tally_ingest_failure_new   (const char   *path,
                                                 const GError *error);
TallyIngestFailure  *tally_ingest_failure_copy  (const TallyIngestFailure *failure);
void                 tally_ingest_failure_free  (TallyIngestFailure *failure);

/* Expands files and folders (recursively, in name order, hidden entries and
 * `_files/` folders of saved web pages skipped) into the regular files to
 * read. Returns an array of absolute paths (char*); paths that cannot be
 * walked (broken link, loop, unreadable folder, missing) are appended to
 * `failures` as TallyIngestFailure*. Cancelling stops the walk early. */
GPtrArray           *tally_ingest_collect_paths (const char * const *paths,
                                                 gssize              n_paths,
                                                 GPtrArray          *failures,
                                                 GCancellable       *cancellable);

/* As tally_ingest_collect_paths(), and when `origins` is not NULL, appends
 * to it the folder each file was found from (char*, symlinks resolved): the
 * chosen folder, or the folder of a file chosen by itself. */
GPtrArray           *tally_ingest_collect_paths_full (const char * const *paths,
                                                      gssize              n_paths,
                                                      GPtrArray          *failures,
                                                      GPtrArray          *origins,
                                                      GCancellable       *cancellable);

/* What tally_ingest_check_original() found about a file that may still be
 * opened, after the user confirms. */
typedef enum
{
  TALLY_ORIGINAL_OK               = 0,
  TALLY_ORIGINAL_ORIGIN_UNKNOWN   = 1 << 0, /* no folder of origin recorded */
  TALLY_ORIGINAL_OUTSIDE_ORIGIN   = 1 << 1, /* it lies (symlinks resolved) outside that folder */
  TALLY_ORIGINAL_CHANGED          = 1 << 2, /* its bytes differ from the ones imported */
} TallyOriginalCheck;

/* Before the original file of a document is handed to another program:
 * fails (TALLY_INGEST_ERROR_NOT_FOUND, _NOT_REGULAR, _UNREADABLE, message
 * naming the file) unless `path` is a regular file (not a FIFO, device,
 * socket or folder, which are never opened for reading); otherwise returns
 * what asks for a confirmation. `content_hash` is the SHA-256 (hex) taken
 * at import. Reads the file: call it off the main thread. */
gboolean             tally_ingest_check_original (const char          *path,
                                                  const char          *origin,
                                                  const char          *content_hash,
                                                  TallyOriginalCheck  *check,
                                                  GCancellable        *cancellable,
                                                  GError             **error);

/* Near-duplicates: 64-bit SimHash over word 3-shingles of the cleaned text. */
guint64              tally_ingest_simhash       (const char *text,
                                                 gsize       len);
guint                tally_simhash_distance     (guint64     a,
                                                 guint64     b);

/* Wire copies and light edits land within this many differing bits. */
#define TALLY_SIMHASH_NEAR_DISTANCE 10

/* SimHash on short texts is noisy: pairs within this distance are
 * candidates, confirmed by tally_shingle_similarity(). */
#define TALLY_SIMHASH_CANDIDATE_DISTANCE 14
#define TALLY_NEAR_DUPLICATE_SIMILARITY 0.5

/* Jaccard similarity (0–1) of the two texts' word 3-shingle sets. */
double               tally_shingle_similarity   (const char *a,
                                                 gsize       a_len,
                                                 const char *b,
                                                 gsize       b_len);

/* Groups fingerprints whose distance is <= max_distance (transitively).
 * Fills cluster_ids[i] with the index of the first member of i's cluster, so
 * a document alone in its cluster has cluster_ids[i] == i. */
void                 tally_simhash_cluster      (const guint64 *hashes,
                                                 guint          n,
                                                 guint          max_distance,
                                                 guint         *cluster_ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyIngestFailure, tally_ingest_failure_free)

G_END_DECLS
