/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-store-private.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/vfs.h>
#include <unistd.h>

G_DEFINE_QUARK (tally-store-error-quark, tally_store_error)

/* "Taly": marks the SQLite file as a Tally project. */
#define TALLY_APPLICATION_ID 0x54616C79

/* Migrations[n] takes a file from schema n to n + 1. Never edit a released
 * step: add one. */
static const char * const migrations[] = {
  /* 0 → 1: documents, their comments, boilerplate and claims; FTS5. */
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  content_hash TEXT NOT NULL UNIQUE,"
  "  path TEXT,"
  "  format TEXT NOT NULL,"
  "  title TEXT, outlet TEXT, published TEXT, author TEXT,"
  "  text TEXT NOT NULL,"
  "  word_count INTEGER NOT NULL DEFAULT 0,"
  "  comment_count INTEGER NOT NULL DEFAULT 0,"
  "  claim_count INTEGER NOT NULL DEFAULT 0,"
  "  simhash INTEGER NOT NULL DEFAULT 0,"
  "  cluster_id INTEGER,"
  "  paragraphs BLOB, sentences BLOB, offset_map BLOB,"
  "  imported INTEGER NOT NULL);"
  "CREATE TABLE comments ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, author TEXT, text TEXT NOT NULL);"
  "CREATE INDEX comments_document ON comments(document_id);"
  "CREATE TABLE boilerplate ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, text_offset INTEGER NOT NULL, text TEXT NOT NULL);"
  "CREATE INDEX boilerplate_document ON boilerplate(document_id);"
  "CREATE TABLE claims ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, kind TEXT NOT NULL,"
  "  has_value INTEGER NOT NULL, value REAL, has_value_max INTEGER NOT NULL, value_max REAL,"
  "  value_text TEXT, value_max_text TEXT, unit TEXT, qualifier TEXT NOT NULL, measure TEXT,"
  "  change INTEGER NOT NULL, scope_year INTEGER NOT NULL, relative TEXT,"
  "  start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,"
  "  sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL);"
  "CREATE INDEX claims_document ON claims(document_id);"
  "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN"
  "  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END;"
  "CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN"
  "  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END;"
  "CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN"
  "  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);"
  "  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END;",

  /* 1 → 2: undoable corrections; clusters looked up by id. */
  "CREATE TABLE corrections ("
  "  id INTEGER PRIMARY KEY, created INTEGER NOT NULL,"
  "  target TEXT NOT NULL, target_id INTEGER NOT NULL, field TEXT NOT NULL,"
  "  old_value TEXT, new_value TEXT, undone INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX documents_cluster ON documents(cluster_id);",

  /* 2 → 3: what a claim is about and whether it is a projection (issue 12).
   * Claims stored before stay without a subject until re-imported. */
  "ALTER TABLE claims ADD COLUMN subject TEXT;"
  "ALTER TABLE claims ADD COLUMN subject_kind TEXT;"
  "ALTER TABLE claims ADD COLUMN modality TEXT NOT NULL DEFAULT 'reported';",

  /* 3 → 4: the language of each document (BCP 47, issue 17). Documents
   * stored before stay NULL (unknown) until the analyst sets one. */
  "ALTER TABLE documents ADD COLUMN language TEXT;",

  /* 4 → 5: the index tokenized by "tally" (tally-store-tokenizer.c):
   * unicode61 as before, Chinese and Japanese characters one by one,
   * Russian words stemmed (issue 17). The triggers name the table, so they
   * keep working on the new one. */
  "DROP TABLE documents_fts;"
  "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id',"
  "  tokenize='tally remove_diacritics 2');"
  "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');",

  /* 5 → 6: the folder each document was imported from, which Open
   * Original checks the file against (issue 14). Unknown (NULL) for
   * documents stored before. */
  "ALTER TABLE documents ADD COLUMN origin TEXT;",

  /* 6 → 7: the grouped facts kept for the next opening (issue 14,
   * tally-store-facts.c). Any change to documents, claims or corrections
   * bumps a generation; kept facts count only while both generations are
   * the ones they were grouped at. */
  "CREATE TABLE fact_cache_state ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  data_generation INTEGER NOT NULL DEFAULT 0,"
  "  corrections_generation INTEGER NOT NULL DEFAULT 0,"
  "  stamp TEXT, cached_data INTEGER, cached_corrections INTEGER);"
  "INSERT INTO fact_cache_state (id) VALUES (1);"
  "CREATE TABLE fact_cache ("
  "  position INTEGER PRIMARY KEY, fact_id TEXT, key TEXT, label TEXT, measure TEXT,"
  "  status INTEGER NOT NULL, explanation TEXT, values_summary TEXT, series TEXT, story TEXT,"
  "  source_count INTEGER NOT NULL, spread REAL NOT NULL, spread_label TEXT, search_text TEXT,"
  "  claims BLOB);"
  "CREATE TRIGGER fact_cache_documents_ai AFTER INSERT ON documents BEGIN"
  "  UPDATE fact_cache_state SET data_generation = data_generation + 1; END;"
  "CREATE TRIGGER fact_cache_documents_au AFTER UPDATE ON documents BEGIN"
  "  UPDATE fact_cache_state SET data_generation = data_generation + 1; END;"
  "CREATE TRIGGER fact_cache_documents_ad AFTER DELETE ON documents BEGIN"
  "  UPDATE fact_cache_state SET data_generation = data_generation + 1; END;"
  "CREATE TRIGGER fact_cache_claims_ai AFTER INSERT ON claims BEGIN"
  "  UPDATE fact_cache_state SET data_generation = data_generation + 1; END;"
  "CREATE TRIGGER fact_cache_claims_au AFTER UPDATE ON claims BEGIN"
  "  UPDATE fact_cache_state SET data_generation = data_generation + 1; END;"
  "CREATE TRIGGER fact_cache_claims_ad AFTER DELETE ON claims BEGIN"
  "  UPDATE fact_cache_state SET data_generation = data_generation + 1; END;"
  "CREATE TRIGGER fact_cache_corrections_ai AFTER INSERT ON corrections BEGIN"
  "  UPDATE fact_cache_state SET corrections_generation = corrections_generation + 1; END;"
  "CREATE TRIGGER fact_cache_corrections_au AFTER UPDATE ON corrections BEGIN"
  "  UPDATE fact_cache_state SET corrections_generation = corrections_generation + 1; END;"
  "CREATE TRIGGER fact_cache_corrections_ad AFTER DELETE ON corrections BEGIN"
  "  UPDATE fact_cache_state SET corrections_generation = corrections_generation + 1; END;",

  /* 7 → 8: each kept fact's claims by document, so that a document's
   * conflict marks and a claim's fact are looked up without holding every
   * claim's key in memory. */
  "CREATE TABLE fact_cache_claims ("
  "  document INTEGER NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,"
  "  fact INTEGER NOT NULL,"
  "  PRIMARY KEY (document, start_offset, end_offset)) WITHOUT ROWID;"
  "UPDATE fact_cache_state SET stamp = NULL;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TALLY_STORE_SCHEMA_VERSION);

enum
{
  STMT_INSERT_DOCUMENT,
  STMT_INSERT_COMMENT,
  STMT_INSERT_BOILERPLATE,
  STMT_INSERT_CLAIM,
  STMT_FIND_HASH,
  N_STMTS
};

static const char * const stmt_sql[N_STMTS] = {
  [STMT_INSERT_DOCUMENT] =
    "INSERT INTO documents (content_hash, path, format, title, outlet, published, author, text,"
    " word_count, comment_count, claim_count, simhash, cluster_id, paragraphs, sentences, offset_map, imported, language,"
    " origin)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
  [STMT_INSERT_COMMENT] =
    "INSERT INTO comments (document_id, position, author, text) VALUES (?1, ?2, ?3, ?4)",
  [STMT_INSERT_BOILERPLATE] =
    "INSERT INTO boilerplate (document_id, position, text_offset, text) VALUES (?1, ?2, ?3, ?4)",
  [STMT_INSERT_CLAIM] =
    "INSERT INTO claims (document_id, position, kind, has_value, value, has_value_max, value_max,"
    " value_text, value_max_text, unit, qualifier, measure, change, scope_year, relative,"
    " start_offset, end_offset, sentence_start, sentence_end, subject, subject_kind, modality)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
  [STMT_FIND_HASH] =
    "SELECT id FROM documents WHERE content_hash = ?1",
};

struct _TallyStore
{
  sqlite3 *db;
  char *path;
  gboolean shares_memory;
  int schema_version;
  sqlite3_stmt *stmts[N_STMTS];
};

/* ---------------------------------------------------------------------- */

static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *doing)
{
  int code = TALLY_STORE_ERROR_FAILED;
  const char *msg = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = TALLY_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = TALLY_STORE_ERROR_BUSY;
      break;
    case SQLITE_READONLY:
      code = TALLY_STORE_ERROR_READ_ONLY;
      break;
    default:
      break;
    }
  g_set_error (error, TALLY_STORE_ERROR, code, "%s: %s", doing, msg);
}

static gboolean
exec (TallyStore  *store,
      const char  *sql,
      GError     **error)
{
  char *errmsg = NULL;
  int rc = sqlite3_exec (store->db, sql, NULL, NULL, &errmsg);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, TALLY_STORE_ERROR,
                   (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB ? TALLY_STORE_ERROR_CORRUPT
                   : (rc & 0xff) == SQLITE_BUSY ? TALLY_STORE_ERROR_BUSY : TALLY_STORE_ERROR_FAILED,
                   "%s", errmsg != NULL ? errmsg : sqlite3_errstr (rc));
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc_out != NULL)
    *rc_out = rc;
  return value;
}

/* Project files are sent between people: a crafted one must not reach
 * SQLite's riskier corners (writable schema, shadow-table writes) nor run
 * functions from its own triggers and views. */
static void
harden (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  _tally_store_register_tokenizer (db);
}

/* SQLite's WAL keeps its index in shared memory, an mmap of the "-shm" file
 * beside the project. The document portal that hands a sandboxed app the
 * file the user chose is a FUSE file system, and FUSE, network file systems
 * and 9p do not share such a mapping reliably (SQLite's documentation says
 * WAL does not work over a network): there the project uses a rollback
 * journal and reads without mmap. */
gboolean
_tally_store_fs_shares_memory (gint64 fs_type)
{
  switch ((guint32) fs_type)
    {
    case 0x65735546:  /* FUSE (the document portal, sshfs, …) */
    case 0x6969:      /* NFS */
    case 0xFF534D42:  /* CIFS */
    case 0xFE534D42:  /* SMB2 */
    case 0x517B:      /* SMB */
    case 0x01021997:  /* 9p (v9fs) */
      return FALSE;
    default:
      return TRUE;
    }
}

/* The file's own file system, or its folder's when it is still to be made. */
static gboolean
path_shares_memory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statfs st;

  if (statfs (path, &st) == 0 || statfs (dir, &st) == 0)
    return _tally_store_fs_shares_memory (st.f_type);
  return TRUE;
}

/* Looks at an existing file without writing to it: is it ours, can this
 * version read it, is it whole? */
/* Opens `path` for reading only. A project that is closed (no "-wal"
 * beside it) is read as immutable: no locks, no "-shm" index made, so
 * nothing appears beside it and a read-only folder is no obstacle. An open
 * one (its "-wal" present) is read through its WAL, where shared memory
 * works, so that what its writer committed is seen. */
static int
open_read_only (const char *path,
                gboolean    shares_memory,
                sqlite3   **db)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  if (shares_memory && g_file_test (wal, G_FILE_TEST_EXISTS))
    return sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY, NULL);
  else
    {
      /* A URI names an absolute path: "project.tally" is read where it is. */
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
      g_autofree char *immutable = g_strconcat (uri != NULL ? uri : "", "?immutable=1", NULL);

      return sqlite3_open_v2 (immutable, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
}

static gboolean
check_existing (const char  *path,
                gboolean     shares_memory,
                gboolean     may_be_empty,
                GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  char header[16] = { 0 };
  sqlite3 *db = NULL;
  gint64 app_id = 0, version = 0;
  int rc;
  FILE *f;
  size_t n;

  if ((f = g_fopen (path, "rb")) == NULL)
    {
      g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_FAILED, _("“%s” cannot be opened: %s"), name, g_strerror (errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, f);
  fclose (f);
  if (n == 0 && may_be_empty)
    return TRUE;  /* an empty file made to be a new project becomes one */
  if (n == 0)
    {
      g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_A_PROJECT, _("“%s” is empty, not a Tally project"), name);
      return FALSE;
    }
  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_A_PROJECT, _("“%s” is not a Tally project"), name);
      return FALSE;
    }

  /* Where shared memory does not work, a read-only look at a file left in
   * WAL mode would need its "-shm" index: the main file is read as
   * immutable instead (a project closed cleanly has its WAL checkpointed
   * into it); so is any project without a "-wal" (see open_read_only). */
  rc = open_read_only (path, shares_memory, &db);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_FAILED, _("“%s” cannot be opened: %s"), name, sqlite3_errstr (rc));
      sqlite3_close (db);
      return FALSE;
    }
  harden (db);
  app_id = query_int (db, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    version = query_int (db, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK && app_id == TALLY_APPLICATION_ID && version <= TALLY_STORE_SCHEMA_VERSION)
    {
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        rc = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 ? SQLITE_OK : SQLITE_CORRUPT;
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_CORRUPT,
                     _("“%s” is damaged and cannot be opened; the file was left as it is"), name);
      else
        g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_FAILED, _("“%s” cannot be read: %s"), name, sqlite3_errstr (rc));
      return FALSE;
    }
  if (app_id != TALLY_APPLICATION_ID)
    {
      g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_A_PROJECT,
                   _("“%s” is a database of another program, not a Tally project"), name);
      return FALSE;
    }
  /* Tally writes its id and a version ≥ 1 in one transaction: anything
   * below 1 was written by someone else, and a negative one would index
   * before the migrations. */
  if (version < 1)
    {
      g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a Tally project (it claims project format %lld)"), name, (long long) version);
      return FALSE;
    }
  if (version > TALLY_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NEWER,
                   _("“%s” was saved by a newer version of Tally (project format %lld; this version reads up to %d)"),
                   name, (long long) version, TALLY_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (TallyStore  *store,
         int          target,
         GError     **error)
{
  gint64 version = query_int (store->db, "PRAGMA user_version", NULL);

  /* The file may have changed since check_existing, or was never checked
   * (TALLY_STORE_OPEN_CHECKED): never index migrations[] out of range. */
  if (version < 0 || version > TALLY_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TALLY_STORE_ERROR, version < 0 ? TALLY_STORE_ERROR_NOT_A_PROJECT : TALLY_STORE_ERROR_NEWER,
                   _("The project’s format (%lld) is not one this version of Tally reads (1 to %d)"),
                   (long long) version, TALLY_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (version >= target)
    {
      store->schema_version = (int) version;
      return TRUE;
    }
  if (!exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (int v = (int) version; v < target; v++)
    if (!exec (store, migrations[v], error))
      {
        g_prefix_error (error, "Upgrading the project to format %d: ", v + 1);
        exec (store, "ROLLBACK", NULL);
        return FALSE;
      }
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                            TALLY_APPLICATION_ID, target);

    if (!exec (store, sql, error) || !exec (store, "COMMIT", error))
      {
        exec (store, "ROLLBACK", NULL);
        return FALSE;
      }
  }
  store->schema_version = target;
  return TRUE;
}

TallyStore *
_tally_store_open_at_version (const char           *path,
                              TallyStoreOpenFlags   flags,
                              int                   version,
                              GError              **error)
{
  g_autoptr(TallyStore) store = NULL;
  gboolean shares_memory;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & TALLY_STORE_OPEN_CREATE))
        {
          g_autofree char *name = g_filename_display_basename (path);

          g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_FOUND, _("“%s” does not exist"), name);
          return NULL;
        }
    }
  shares_memory = !(flags & TALLY_STORE_OPEN_NO_SHARED_MEMORY) && path_shares_memory (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !(flags & TALLY_STORE_OPEN_CHECKED) &&
      !check_existing (path, shares_memory, (flags & TALLY_STORE_OPEN_CREATE) && !(flags & TALLY_STORE_OPEN_READ_ONLY), error))
    return NULL;

  store = g_new0 (TallyStore, 1);
  store->path = g_strdup (path);
  store->shares_memory = shares_memory;
  if (flags & TALLY_STORE_OPEN_READ_ONLY)
    {
      gint64 found;

      if ((rc = open_read_only (path, shares_memory, &store->db)) != SQLITE_OK)
        {
          set_sqlite_error (error, store->db, rc, "Opening the project");
          return NULL;
        }
      harden (store->db);
      sqlite3_busy_timeout (store->db, 10000);
      sqlite3_extended_result_codes (store->db, TRUE);
      /* Read as it is: an older format would need the upgrade it cannot get. */
      found = query_int (store->db, "PRAGMA user_version", NULL);
      if (found != version)
        {
          g_autofree char *name = g_filename_display_basename (path);

          g_set_error (error, TALLY_STORE_ERROR, found > version ? TALLY_STORE_ERROR_NEWER : TALLY_STORE_ERROR_READ_ONLY,
                       _("“%s” is in project format %lld; read-only, this version of Tally reads only format %d (open it in Tally to upgrade it)"),
                       name, (long long) found, version);
          return NULL;
        }
      store->schema_version = version;
      goto prepare;
    }
  /* Writing needs the file and its folder (for the journal): refuse before
   * opening rather than open a file SQLite would quietly read only. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *name = g_filename_display_basename (path);

      if (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
        {
          if (g_access (path, W_OK) != 0)
            g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_READ_ONLY,
                         _("“%s” is read-only; Tally opens only projects it can save (tally-cli export reads it as it is)"), name);
          else
            g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_READ_ONLY,
                         _("“%s” is in a folder Tally cannot write to; Tally opens only projects it can save (tally-cli export reads it as it is)"), name);
          return NULL;
        }
    }
  rc = sqlite3_open_v2 (path, &store->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, store->db, rc, "Opening the project");
      return NULL;
    }
  harden (store->db);
  sqlite3_busy_timeout (store->db, 10000);
  sqlite3_extended_result_codes (store->db, TRUE);

  /* WAL: readers (the window) never wait for the import's writer; NORMAL
   * sync is safe against a killed process, which is what the crash test is.
   * mmap lets FTS5 read its index without copies: a word in all of 10,000
   * articles ranks in ~16 ms instead of ~17–22 (tests/bench/bench-search.c). */
  if (shares_memory &&
      !exec (store, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                    "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16000; PRAGMA mmap_size = 268435456", error))
    return NULL;
  /* Where shared memory does not work (see _tally_store_fs_shares_memory):
   * exclusive locking before the first read, so a file left in WAL mode is
   * read with its index in heap; a rollback journal from then on, then
   * normal locking again so the project's other connections (the import,
   * the readers in workers) can open it; no mmap. Readers wait for a
   * writer's commit there (the busy timeout) instead of reading beside it. */
  if (!shares_memory &&
      !exec (store, "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = DELETE; PRAGMA locking_mode = NORMAL;"
                    "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;"
                    "PRAGMA cache_size = -16000; PRAGMA mmap_size = 0", error))
    return NULL;
  if ((flags & TALLY_STORE_OPEN_BULK) &&
      !exec (store, "PRAGMA wal_autocheckpoint = 8192; PRAGMA cache_size = -65536", error))
    return NULL;
  if (!migrate (store, version, error))
    return NULL;

prepare:
  for (int i = 0; i < N_STMTS; i++)
    if ((rc = sqlite3_prepare_v3 (store->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &store->stmts[i], NULL)) != SQLITE_OK)
      {
        /* An old schema in a test may lack a table; statements are optional then. */
        if (version == TALLY_STORE_SCHEMA_VERSION)
          {
            set_sqlite_error (error, store->db, rc, "Preparing the project");
            return NULL;
          }
      }
  return g_steal_pointer (&store);
}

TallyStore *
tally_store_open (const char           *path,
                  TallyStoreOpenFlags   flags,
                  GError              **error)
{
  return _tally_store_open_at_version (path, flags, TALLY_STORE_SCHEMA_VERSION, error);
}

void
tally_store_close (TallyStore *store)
{
  if (store == NULL)
    return;
  for (int i = 0; i < N_STMTS; i++)
    sqlite3_finalize (store->stmts[i]);
  if (store->db != NULL)
    sqlite3_close_v2 (store->db);
  g_free (store->path);
  g_free (store);
}

/* FALSE when the project uses a rollback journal and no mmap (see
 * _tally_store_fs_shares_memory). */
gboolean
tally_store_get_shares_memory (TallyStore *store)
{
  return store->shares_memory;
}

const char *
tally_store_get_path (TallyStore *store)
{
  return store->path;
}

int
tally_store_get_schema_version (TallyStore *store)
{
  return store->schema_version;
}

gboolean
tally_store_begin (TallyStore  *store,
                   GError     **error)
{
  return exec (store, "BEGIN IMMEDIATE", error);
}

gboolean
tally_store_commit (TallyStore  *store,
                    GError     **error)
{
  return exec (store, "COMMIT", error);
}

void
tally_store_rollback (TallyStore *store)
{
  if (!sqlite3_get_autocommit (store->db))
    exec (store, "ROLLBACK", NULL);
}

/* ---------------------------------------------------------------------- */
/* Spans and offset maps as little-endian 32-bit pairs (files are ≤ 20 MB). */

static GBytes *
pack_pairs (const GArray *array)
{
  guint32 *out = g_new (guint32, array->len * 2 + 1);

  G_STATIC_ASSERT (sizeof (TallySpan) == 2 * sizeof (gsize));
  G_STATIC_ASSERT (sizeof (TallyOffsetMapEntry) == 2 * sizeof (gsize));
  for (guint i = 0; i < array->len; i++)
    {
      const gsize *pair = (const gsize *) (array->data + (gsize) i * 2 * sizeof (gsize));

      out[2 * i] = GUINT32_TO_LE ((guint32) pair[0]);
      out[2 * i + 1] = GUINT32_TO_LE ((guint32) pair[1]);
    }
  return g_bytes_new_take (out, array->len * 2 * sizeof (guint32));
}

static void
unpack_pairs (GArray     *array,
              const void *blob,
              int         size)
{
  const guint32 *in = blob;

  for (int i = 0; i + 1 < size / 4; i += 2)
    {
      gsize pair[2] = { GUINT32_FROM_LE (in[i]), GUINT32_FROM_LE (in[i + 1]) };

      g_array_append_vals (array, pair, 1);
    }
}

/* SQLITE_STATIC: every caller steps and resets the statement while the
 * string is still alive, so SQLite need not copy it. */
static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
step_done (TallyStore    *store,
           sqlite3_stmt  *stmt,
           const char    *doing,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, store->db, rc, doing);
      return FALSE;
    }
  return TRUE;
}

/* A document id in a column, and bound to a parameter. */
static TallyDocumentId
column_document (sqlite3_stmt *stmt,
                 int           col)
{
  return tally_document_id_from_int64 (sqlite3_column_int64 (stmt, col));
}

static void
bind_document (sqlite3_stmt    *stmt,
               int              param,
               TallyDocumentId  id)
{
  sqlite3_bind_int64 (stmt, param, id.value);
}

TallyDocumentId
tally_store_find_by_hash (TallyStore *store,
                          const char *content_hash)
{
  sqlite3_stmt *stmt = store->stmts[STMT_FIND_HASH];
  TallyDocumentId id = TALLY_DOCUMENT_ID_NONE;

  bind_text (stmt, 1, content_hash);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = column_document (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return id;
}

static gboolean
insert_claim (TallyStore             *store,
              TallyDocumentId         document_id,
              guint                   position,
              const TallyClaimRecord *c,
              GError                **error)
{
  sqlite3_stmt *stmt = store->stmts[STMT_INSERT_CLAIM];

  bind_document (stmt, 1, document_id);
  sqlite3_bind_int (stmt, 2, position);
  bind_text (stmt, 3, tally_claim_kind_to_string (c->kind));
  sqlite3_bind_int (stmt, 4, c->has_value);
  if (c->has_value)
    sqlite3_bind_double (stmt, 5, c->value);
  sqlite3_bind_int (stmt, 6, c->has_value_max);
  if (c->has_value_max)
    sqlite3_bind_double (stmt, 7, c->value_max);
  bind_text (stmt, 8, c->value_text);
  bind_text (stmt, 9, c->value_max_text);
  bind_text (stmt, 10, c->unit);
  bind_text (stmt, 11, tally_qualifier_to_string (c->qualifier));
  bind_text (stmt, 12, c->measure);
  sqlite3_bind_int (stmt, 13, c->change);
  sqlite3_bind_int (stmt, 14, c->scope_year);
  bind_text (stmt, 15, c->relative);
  sqlite3_bind_int64 (stmt, 16, c->start);
  sqlite3_bind_int64 (stmt, 17, c->end);
  sqlite3_bind_int64 (stmt, 18, c->sentence_start);
  sqlite3_bind_int64 (stmt, 19, c->sentence_end);
  bind_text (stmt, 20, c->subject);
  bind_text (stmt, 21, c->subject != NULL ? tally_subject_kind_to_string (c->subject_kind) : NULL);
  bind_text (stmt, 22, tally_modality_to_string (c->modality));
  return step_done (store, stmt, "Storing a claim", error);
}

TallyDocumentId
tally_store_add_document (TallyStore                *store,
                          const TallyDocumentRecord *record,
                          GPtrArray                 *claims,
                          TallyDocumentId            cluster_id,
                          GError                   **error)
{
  sqlite3_stmt *stmt = store->stmts[STMT_INSERT_DOCUMENT];
  g_autoptr(GBytes) paragraphs = pack_pairs (record->paragraphs);
  g_autoptr(GBytes) sentences = pack_pairs (record->sentences);
  g_autoptr(GBytes) offset_map = pack_pairs (record->offset_map);
  TallyDocumentId id;

  g_return_val_if_fail (record->content_hash != NULL && record->text != NULL, TALLY_DOCUMENT_ID_NONE);

  if (!tally_document_id_is_none (tally_store_find_by_hash (store, record->content_hash)))
    {
      g_autofree char *name = record->path != NULL ? g_filename_display_basename (record->path) : g_strdup ("(data)");

      g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_DUPLICATE,
                   _("“%s”: already in the project (same content)"), name);
      return TALLY_DOCUMENT_ID_NONE;
    }

  bind_text (stmt, 1, record->content_hash);
  bind_text (stmt, 2, record->path);
  bind_text (stmt, 3, record->format != NULL ? record->format : "text");
  bind_text (stmt, 4, record->title);
  bind_text (stmt, 5, record->outlet);
  bind_text (stmt, 6, record->published);
  bind_text (stmt, 7, record->author);
  sqlite3_bind_text (stmt, 8, record->text, (int) record->text_len, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, record->word_count);
  sqlite3_bind_int (stmt, 10, record->comments->len);
  sqlite3_bind_int (stmt, 11, claims != NULL ? claims->len : 0);
  sqlite3_bind_int64 (stmt, 12, (sqlite3_int64) record->simhash);
  if (!tally_document_id_is_none (cluster_id))
    bind_document (stmt, 13, cluster_id);
  sqlite3_bind_blob (stmt, 14, g_bytes_get_data (paragraphs, NULL), (int) g_bytes_get_size (paragraphs), SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 15, g_bytes_get_data (sentences, NULL), (int) g_bytes_get_size (sentences), SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 16, g_bytes_get_data (offset_map, NULL), (int) g_bytes_get_size (offset_map), SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 17, g_get_real_time () / G_USEC_PER_SEC);
  bind_text (stmt, 18, record->language);
  bind_text (stmt, 19, record->origin);
  if (!step_done (store, stmt, "Storing a document", error))
    return TALLY_DOCUMENT_ID_NONE;
  id = tally_document_id_from_int64 (sqlite3_last_insert_rowid (store->db));

  if (tally_document_id_is_none (cluster_id) && !tally_store_set_cluster (store, id, id, error))
    return TALLY_DOCUMENT_ID_NONE;

  for (guint i = 0; i < record->comments->len; i++)
    {
      const TallyComment *comment = g_ptr_array_index (record->comments, i);

      stmt = store->stmts[STMT_INSERT_COMMENT];
      bind_document (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, comment->author);
      bind_text (stmt, 4, comment->text != NULL ? comment->text : "");
      if (!step_done (store, stmt, "Storing a comment", error))
        return TALLY_DOCUMENT_ID_NONE;
    }
  for (guint i = 0; i < record->boilerplate->len; i++)
    {
      const TallyBoilerplate *bp = g_ptr_array_index (record->boilerplate, i);

      stmt = store->stmts[STMT_INSERT_BOILERPLATE];
      bind_document (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int64 (stmt, 3, bp->offset);
      bind_text (stmt, 4, bp->text != NULL ? bp->text : "");
      if (!step_done (store, stmt, "Storing boilerplate", error))
        return TALLY_DOCUMENT_ID_NONE;
    }
  for (guint i = 0; claims != NULL && i < claims->len; i++)
    if (!insert_claim (store, id, i, g_ptr_array_index (claims, i), error))
      return TALLY_DOCUMENT_ID_NONE;
  return id;
}

static gboolean
exec_id (TallyStore  *store,
         const char  *sql,
         gint64       a,
         gint64       b,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, a);
      if (sqlite3_bind_parameter_count (stmt) > 1)
        sqlite3_bind_int64 (stmt, 2, b);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, store->db, rc, "Updating the project");
      return FALSE;
    }
  return TRUE;
}

gboolean
tally_store_set_cluster (TallyStore       *store,
                         TallyDocumentId   document_id,
                         TallyDocumentId   cluster_id,
                         GError          **error)
{
  return exec_id (store, "UPDATE documents SET cluster_id = ?2 WHERE id = ?1", document_id.value, cluster_id.value, error);
}

gboolean
tally_store_set_document_field (TallyStore      *store,
                                TallyDocumentId  document_id,
                                const char  *field,
                                const char  *value,
                                GError     **error)
{
  static const char * const fields[] = { "title", "outlet", "published", "author", "language" };
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean known = FALSE;
  int rc;

  /* The column name is one of ours, never the caller's text. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    known |= g_strcmp0 (field, fields[i]) == 0;
  if (!known)
    {
      g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_FAILED, "No document field “%s”", field);
      return FALSE;
    }
  sql = g_strdup_printf ("UPDATE documents SET %s = ?2 WHERE id = ?1", field);
  rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      bind_document (stmt, 1, document_id);
      bind_text (stmt, 2, value);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, store->db, rc, "Changing a document");
      return FALSE;
    }
  if (sqlite3_changes (store->db) == 0)
    {
      g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_FOUND, "No document %" G_GINT64_FORMAT, document_id.value);
      return FALSE;
    }
  return TRUE;
}

gboolean
tally_store_replace_claims (TallyStore       *store,
                            TallyDocumentId   document_id,
                            GPtrArray        *claims,
                            GError          **error)
{
  if (!exec_id (store, "DELETE FROM claims WHERE document_id = ?1", document_id.value, 0, error))
    return FALSE;
  for (guint i = 0; claims != NULL && i < claims->len; i++)
    if (!insert_claim (store, document_id, i, g_ptr_array_index (claims, i), error))
      return FALSE;
  return exec_id (store, "UPDATE documents SET claim_count = ?2 WHERE id = ?1", document_id.value,
                  claims != NULL ? claims->len : 0, error);
}

gboolean
tally_store_remove_document (TallyStore       *store,
                             TallyDocumentId   document_id,
                             GError          **error)
{
  return exec_id (store, "DELETE FROM documents WHERE id = ?1", document_id.value, 0, error);
}

guint
tally_store_count_documents (TallyStore *store)
{
  return (guint) query_int (store->db, "SELECT count(*) FROM documents", NULL);
}

/* ---------------------------------------------------------------------- */
/* Reading */

#define INFO_COLUMNS \
  "id, path, format, content_hash, title, outlet, published, author, word_count," \
  " comment_count, claim_count, simhash, cluster_id, imported, language"

static void
read_info (sqlite3_stmt           *stmt,
           TallyStoreDocumentInfo *info)
{
  info->id = column_document (stmt, 0);
  info->path = (const char *) sqlite3_column_text (stmt, 1);
  info->format = (const char *) sqlite3_column_text (stmt, 2);
  info->content_hash = (const char *) sqlite3_column_text (stmt, 3);
  info->title = (const char *) sqlite3_column_text (stmt, 4);
  info->outlet = (const char *) sqlite3_column_text (stmt, 5);
  info->published = (const char *) sqlite3_column_text (stmt, 6);
  info->author = (const char *) sqlite3_column_text (stmt, 7);
  info->word_count = sqlite3_column_int (stmt, 8);
  info->comment_count = sqlite3_column_int (stmt, 9);
  info->claim_count = sqlite3_column_int (stmt, 10);
  info->simhash = (guint64) sqlite3_column_int64 (stmt, 11);
  info->cluster_id = column_document (stmt, 12);
  info->imported = sqlite3_column_int64 (stmt, 13);
  info->language = (const char *) sqlite3_column_text (stmt, 14);
}

static gboolean
foreach_info (TallyStore              *store,
              const char              *sql,
              gint64                   id,
              TallyStoreDocumentFunc   func,
              gpointer                 user_data,
              GError                 **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);
  guint n = 0;

  if (rc == SQLITE_OK && id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TallyStoreDocumentInfo info;

      read_info (stmt, &info);
      func (&info, user_data);
      n++;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, store->db, rc, "Reading the documents");
      return FALSE;
    }
  if (id != 0 && n == 0)
    {
      g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_FOUND, "No document %" G_GINT64_FORMAT, id);
      return FALSE;
    }
  return TRUE;
}

gboolean
tally_store_foreach_document (TallyStore              *store,
                              TallyStoreDocumentFunc   func,
                              gpointer                 user_data,
                              GError                 **error)
{
  return foreach_info (store, "SELECT " INFO_COLUMNS " FROM documents ORDER BY id", 0, func, user_data, error);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

TallyDocumentRecord *
tally_store_load_document (TallyStore       *store,
                           TallyDocumentId   document_id,
                           GError          **error)
{
  g_autoptr(TallyDocumentRecord) record = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (store->db,
                           "SELECT path, format, content_hash, title, outlet, published, author, text, word_count,"
                           " simhash, paragraphs, sentences, offset_map, language, origin FROM documents WHERE id = ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      bind_document (stmt, 1, document_id);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_FOUND, "No document %" G_GINT64_FORMAT, document_id.value);
      else
        set_sqlite_error (error, store->db, rc, "Reading a document");
      sqlite3_finalize (stmt);
      return NULL;
    }
  record = tally_document_record_new ();
  record->path = column_dup (stmt, 0);
  record->format = column_dup (stmt, 1);
  record->content_hash = column_dup (stmt, 2);
  record->title = column_dup (stmt, 3);
  record->outlet = column_dup (stmt, 4);
  record->published = column_dup (stmt, 5);
  record->author = column_dup (stmt, 6);
  record->text_len = sqlite3_column_bytes (stmt, 7);
  record->text = g_strndup ((const char *) sqlite3_column_text (stmt, 7), record->text_len);
  record->word_count = sqlite3_column_int (stmt, 8);
  record->simhash = (guint64) sqlite3_column_int64 (stmt, 9);
  unpack_pairs (record->paragraphs, sqlite3_column_blob (stmt, 10), sqlite3_column_bytes (stmt, 10));
  unpack_pairs (record->sentences, sqlite3_column_blob (stmt, 11), sqlite3_column_bytes (stmt, 11));
  unpack_pairs (record->offset_map, sqlite3_column_blob (stmt, 12), sqlite3_column_bytes (stmt, 12));
  record->language = column_dup (stmt, 13);
  record->origin = column_dup (stmt, 14);
  sqlite3_finalize (stmt);

  rc = sqlite3_prepare_v2 (store->db, "SELECT author, text FROM comments WHERE document_id = ?1 ORDER BY position", -1, &stmt, NULL);
  bind_document (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (record->comments, tally_comment_new ((const char *) sqlite3_column_text (stmt, 0),
                                                          (const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);

  rc = sqlite3_prepare_v2 (store->db, "SELECT text, text_offset FROM boilerplate WHERE document_id = ?1 ORDER BY position", -1, &stmt, NULL);
  bind_document (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (record->boilerplate, tally_boilerplate_new ((const char *) sqlite3_column_text (stmt, 0),
                                                                 sqlite3_column_int64 (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, store->db, rc, "Reading a document");
      return NULL;
    }
  return g_steal_pointer (&record);
}

char *
tally_store_dup_text (TallyStore      *store,
                      TallyDocumentId  document_id,
                      gsize           *len)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (store->db, "SELECT text FROM documents WHERE id = ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      bind_document (stmt, 1, document_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gsize n = sqlite3_column_bytes (stmt, 0);

          text = g_strndup ((const char *) sqlite3_column_text (stmt, 0), n);
          if (len != NULL)
            *len = n;
        }
    }
  sqlite3_finalize (stmt);
  return text;
}

#define CLAIM_COLUMNS \
  "kind, has_value, value, has_value_max, value_max, value_text, value_max_text, unit," \
  " qualifier, measure, change, scope_year, relative, start_offset, end_offset, sentence_start, sentence_end," \
  " subject, subject_kind, modality"

/* A claim from CLAIM_COLUMNS starting at column `c0`. */
static TallyClaimRecord *
read_claim (sqlite3_stmt *stmt,
            int           c0)
{
  TallyClaimRecord *c = tally_claim_record_new ();

  tally_claim_kind_from_string ((const char *) sqlite3_column_text (stmt, c0 + 0), &c->kind);
  c->has_value = sqlite3_column_int (stmt, c0 + 1);
  c->value = sqlite3_column_double (stmt, c0 + 2);
  c->has_value_max = sqlite3_column_int (stmt, c0 + 3);
  c->value_max = sqlite3_column_double (stmt, c0 + 4);
  c->value_text = column_dup (stmt, c0 + 5);
  c->value_max_text = column_dup (stmt, c0 + 6);
  c->unit = column_dup (stmt, c0 + 7);
  tally_qualifier_from_string ((const char *) sqlite3_column_text (stmt, c0 + 8), &c->qualifier);
  c->measure = column_dup (stmt, c0 + 9);
  c->change = sqlite3_column_int (stmt, c0 + 10);
  c->scope_year = sqlite3_column_int (stmt, c0 + 11);
  c->relative = column_dup (stmt, c0 + 12);
  c->start = sqlite3_column_int64 (stmt, c0 + 13);
  c->end = sqlite3_column_int64 (stmt, c0 + 14);
  c->sentence_start = sqlite3_column_int64 (stmt, c0 + 15);
  c->sentence_end = sqlite3_column_int64 (stmt, c0 + 16);
  c->subject = column_dup (stmt, c0 + 17);
  if (c->subject != NULL && !tally_subject_kind_from_string ((const char *) sqlite3_column_text (stmt, c0 + 18), &c->subject_kind))
    c->subject_kind = TALLY_SUBJECT_KIND_OTHER;
  tally_modality_from_string ((const char *) sqlite3_column_text (stmt, c0 + 19), &c->modality);
  return c;
}

gboolean
tally_store_foreach_claim (TallyStore           *store,
                           TallyStoreClaimFunc   func,
                           gpointer              user_data,
                           GError              **error)
{
  sqlite3_stmt *docs = NULL, *claims = NULL;
  gint64 doc_id = 0;
  gboolean docs_done = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (store->db, "SELECT id, text FROM documents ORDER BY id", -1, &docs, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (store->db, "SELECT document_id, " CLAIM_COLUMNS " FROM claims ORDER BY document_id, id",
                             -1, &claims, NULL);
  /* Both in id order: walk the documents alongside the claims. */
  while (rc == SQLITE_OK && (rc = sqlite3_step (claims)) == SQLITE_ROW)
    {
      gint64 owner = sqlite3_column_int64 (claims, 0);
      g_autoptr(TallyClaimRecord) claim = NULL;

      while (!docs_done && doc_id < owner)
        {
          if (sqlite3_step (docs) == SQLITE_ROW)
            doc_id = sqlite3_column_int64 (docs, 0);
          else
            docs_done = TRUE;
        }
      rc = SQLITE_OK;
      if (doc_id != owner)
        continue;
      claim = read_claim (claims, 1);
      func (tally_document_id_from_int64 (owner), claim, (const char *) sqlite3_column_text (docs, 1), sqlite3_column_bytes (docs, 1), user_data);
    }
  sqlite3_finalize (docs);
  sqlite3_finalize (claims);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, store->db, rc, "Reading claims");
      return FALSE;
    }
  return TRUE;
}

gboolean
tally_store_foreach_text (TallyStore          *store,
                          TallyStoreTextFunc   func,
                          gpointer             user_data,
                          GError             **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, "SELECT id, text, published, language FROM documents ORDER BY id", -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      func (column_document (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
            sqlite3_column_bytes (stmt, 1), (const char *) sqlite3_column_text (stmt, 2),
            (const char *) sqlite3_column_text (stmt, 3), user_data);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, store->db, rc, "Reading the documents");
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
tally_store_load_claims (TallyStore       *store,
                         TallyDocumentId   document_id,
                         GError          **error)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (store->db, "SELECT " CLAIM_COLUMNS " FROM claims WHERE document_id = ?1 ORDER BY position",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    bind_document (stmt, 1, document_id);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (claims, read_claim (stmt, 0));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, store->db, rc, "Reading claims");
      return NULL;
    }
  return g_steal_pointer (&claims);
}

/* ---------------------------------------------------------------------- */
/* Search */

void
tally_store_query_term_free (TallyStoreQueryTerm *term)
{
  if (term == NULL)
    return;
  g_free (term->text);
  g_free (term);
}

/* Only letters and digits make a token: "—" alone would be an empty phrase. */
static gboolean
has_token (const char *text)
{
  for (const char *q = text; *q; q = g_utf8_next_char (q))
    if (g_unichar_isalnum (g_utf8_get_char (q)))
      return TRUE;
  return FALSE;
}

GPtrArray *
tally_store_query_terms (const char *query)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_store_query_term_free);
  const char *p = query != NULL ? query : "";

  while (*p)
    {
      GString *text = g_string_new (NULL);
      gboolean phrase = FALSE, prefix = FALSE;

      while (*p && g_ascii_isspace (*p))
        p++;
      if (*p == '"')
        {
          phrase = TRUE;
          for (p++; *p && *p != '"'; p++)
            g_string_append_c (text, *p);
          if (*p == '"')
            p++;
        }
      else
        for (; *p && !g_ascii_isspace (*p) && *p != '"'; p++)
          g_string_append_c (text, *p);
      if (!phrase && text->len > 1 && text->str[text->len - 1] == '*')
        {
          prefix = TRUE;
          g_string_truncate (text, text->len - 1);
        }
      if (has_token (text->str))
        {
          TallyStoreQueryTerm *term = g_new0 (TallyStoreQueryTerm, 1);

          term->text = g_string_free (text, FALSE);
          term->phrase = phrase;
          term->prefix = prefix;
          g_ptr_array_add (terms, term);
        }
      else
        g_string_free (text, TRUE);
    }
  return terms;
}

char **
tally_store_query_words (const char *query)
{
  g_autoptr(GPtrArray) terms = tally_store_query_terms (query);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < terms->len; i++)
    {
      const TallyStoreQueryTerm *term = g_ptr_array_index (terms, i);
      g_autoptr(GString) word = g_string_new (NULL);

      for (const char *q = term->text; ; q = g_utf8_next_char (q))
        {
          gunichar c = g_utf8_get_char (q);

          if (c != 0 && g_unichar_isalnum (c))
            {
              g_string_append_unichar (word, c);
              continue;
            }
          /* A prefix term's star stays on its last word. */
          if (c == 0 && term->prefix && word->len > 0)
            g_string_append_c (word, '*');
          if (word->len > 0)
            g_strv_builder_add (builder, word->str);
          g_string_truncate (word, 0);
          if (c == 0)
            break;
        }
    }
  return g_strv_builder_end (builder);
}

/* User text → FTS5: every term quoted (so "-", ":" or "AND" are words),
 * "quoted phrases" kept, a trailing * kept as a prefix query. */
char *
_tally_store_fts_query (const char *query)
{
  g_autoptr(GPtrArray) terms = tally_store_query_terms (query);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < terms->len; i++)
    {
      const TallyStoreQueryTerm *term = g_ptr_array_index (terms, i);
      g_auto(GStrv) parts = g_strsplit (term->text, "\"", -1);
      g_autofree char *escaped = g_strjoinv ("\"\"", parts);

      g_string_append_printf (out, "%s\"%s\"%s", out->len > 0 ? " " : "", escaped, term->prefix ? "*" : "");
    }
  return g_string_free (out, FALSE);
}

void
tally_store_hit_free (TallyStoreHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

GPtrArray *
tally_store_search (TallyStore  *store,
                    const char  *query,
                    guint        limit,
                    GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_store_hit_free);
  g_autofree char *fts = _tally_store_fts_query (query != NULL ? query : "");
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (*fts == '\0')
    return g_steal_pointer (&hits);
  rc = sqlite3_prepare_v2 (store->db,
                           /* FTS5 sorts by its own rank column itself, so the
                            * snippets are made for the rows returned only, not
                            * for every match (a common word on 10,000 articles:
                            * 76 ms → 20 ms; tests/bench/bench-search.c). */
                           "SELECT d.id, s.rank, d.title, s.snip FROM"
                           " (SELECT rowid, rank,"
                           "   snippet(documents_fts, 1, '" TALLY_STORE_MATCH_START "', '" TALLY_STORE_MATCH_END "', '…', 16) AS snip"
                           "  FROM documents_fts WHERE documents_fts MATCH ?1 AND rank MATCH 'bm25(5.0, 1.0)'"
                           "  ORDER BY rank LIMIT ?2) s"
                           " JOIN documents d ON d.id = s.rowid ORDER BY s.rank", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, limit > 0 ? (int) limit : -1);
    }
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TallyStoreHit *hit = g_new0 (TallyStoreHit, 1);

      hit->document_id = column_document (stmt, 0);
      hit->rank = sqlite3_column_double (stmt, 1);
      hit->title = column_dup (stmt, 2);
      hit->snippet = column_dup (stmt, 3);
      g_ptr_array_add (hits, hit);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, store->db, rc, "Searching");
      return NULL;
    }
  return g_steal_pointer (&hits);
}

/* ---------------------------------------------------------------------- */

gint64
tally_store_add_correction (TallyStore  *store,
                            const char  *target,
                            TallyDocumentId target_id,
                            const char  *field,
                            const char  *old_value,
                            const char  *new_value,
                            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db,
                               "INSERT INTO corrections (created, target, target_id, field, old_value, new_value)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
      bind_text (stmt, 2, target);
      bind_document (stmt, 3, target_id);
      bind_text (stmt, 4, field);
      bind_text (stmt, 5, old_value);
      bind_text (stmt, 6, new_value);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, store->db, rc, "Recording a correction");
      return 0;
    }
  return sqlite3_last_insert_rowid (store->db);
}

gboolean
tally_store_set_correction_undone (TallyStore  *store,
                                   gint64       correction_id,
                                   gboolean     undone,
                                   GError     **error)
{
  return exec_id (store, "UPDATE corrections SET undone = ?2 WHERE id = ?1", correction_id, undone ? 1 : 0, error);
}

gboolean
tally_store_foreach_correction (TallyStore                *store,
                                TallyStoreCorrectionFunc   func,
                                gpointer                   user_data,
                                GError                   **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db,
                               "SELECT id, target, target_id, field, old_value, new_value, undone"
                               " FROM corrections ORDER BY id", -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      func (sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
            column_document (stmt, 2), (const char *) sqlite3_column_text (stmt, 3),
            (const char *) sqlite3_column_text (stmt, 4), (const char *) sqlite3_column_text (stmt, 5),
            sqlite3_column_int (stmt, 6) != 0, user_data);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, store->db, rc, "Reading corrections");
      return FALSE;
    }
  return TRUE;
}

gboolean
tally_store_copy_to (TallyStore  *store,
                     const char  *dest,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, "VACUUM INTO ?1", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, dest, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, store->db, rc, "Saving a copy of the project");
      return FALSE;
    }
  return TRUE;
}

gboolean
tally_store_check_integrity (TallyStore  *store,
                             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  g_autofree char *result = NULL;

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  if (g_strcmp0 (result, "ok") == 0)
    return TRUE;
  if (result != NULL)
    g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_CORRUPT, "Integrity check: %s", result);
  else
    set_sqlite_error (error, store->db, rc, "Integrity check");
  return FALSE;
}

sqlite3 *
_tally_store_get_db (TallyStore *store)
{
  return store->db;
}
