/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-store-private.h"

#include <math.h>
#include <string.h>

/* The grouped facts kept in the project (schema 7, issue 14). A fact's
 * claims are one blob of 16-byte keys (document id, start, end; little
 * endian), so that a million claims are a few thousand rows. The file may
 * come from anyone: every row is checked before it is handed on. */

#define KEY_BYTES 16
/* Offsets fit 32 bits: a document's text is at most 20 MB (ingest). */

TallyStoreFact *
tally_store_fact_new (void)
{
  TallyStoreFact *fact = g_new0 (TallyStoreFact, 1);

  fact->claims = g_array_new (FALSE, FALSE, sizeof (TallyStoreClaimKey));
  return fact;
}

void
tally_store_fact_free (TallyStoreFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->id);
  g_free (fact->key);
  g_free (fact->label);
  g_free (fact->measure);
  g_free (fact->explanation);
  g_free (fact->values_summary);
  g_free (fact->series);
  g_free (fact->story);
  g_free (fact->spread_label);
  g_free (fact->search_text);
  g_clear_pointer (&fact->claims, g_array_unref);
  g_free (fact);
}

static void
sqlite_error (GError     **error,
              sqlite3     *db,
              int          rc,
              const char  *doing)
{
  int code = (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB ? TALLY_STORE_ERROR_CORRUPT
             : (rc & 0xff) == SQLITE_BUSY ? TALLY_STORE_ERROR_BUSY
             : (rc & 0xff) == SQLITE_READONLY ? TALLY_STORE_ERROR_READ_ONLY : TALLY_STORE_ERROR_FAILED;

  g_set_error (error, TALLY_STORE_ERROR, code, "%s: %s", doing, sqlite3_errmsg (db));
}

static gboolean
has_fact_tables (TallyStore *store)
{
  return tally_store_get_schema_version (store) >= 8;
}

static gboolean
read_generation (sqlite3              *db,
                 TallyStoreGeneration *generation,
                 char                **stamp,
                 TallyStoreGeneration *cached,
                 GError              **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT data_generation, corrections_generation, stamp, cached_data,"
                                   " cached_corrections FROM fact_cache_state WHERE id = 1", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      generation->data = sqlite3_column_int64 (stmt, 0);
      generation->corrections = sqlite3_column_int64 (stmt, 1);
      if (stamp != NULL)
        *stamp = sqlite3_column_type (stmt, 2) == SQLITE_TEXT ? g_strdup ((const char *) sqlite3_column_text (stmt, 2))
                                                               : NULL;
      if (cached != NULL)
        {
          /* Never kept: no generation matches. */
          cached->data = sqlite3_column_type (stmt, 3) == SQLITE_INTEGER ? sqlite3_column_int64 (stmt, 3) : -1;
          cached->corrections = sqlite3_column_type (stmt, 4) == SQLITE_INTEGER ? sqlite3_column_int64 (stmt, 4) : -1;
        }
      sqlite3_finalize (stmt);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_CORRUPT, "The project’s fact state is missing");
  else
    sqlite_error (error, db, rc, "Reading the kept facts");
  sqlite3_finalize (stmt);
  return FALSE;
}

gboolean
tally_store_get_generation (TallyStore           *store,
                            TallyStoreGeneration *generation,
                            GError              **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (generation != NULL, FALSE);

  if (!has_fact_tables (store))
    {
      g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_FOUND, "The project keeps no facts (format %d)",
                   tally_store_get_schema_version (store));
      return FALSE;
    }
  return read_generation (_tally_store_get_db (store), generation, NULL, NULL, error);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

static GBytes *
pack_keys (GArray *claims)
{
  guint8 *data = g_malloc (MAX (1, claims->len * KEY_BYTES));

  for (guint i = 0; i < claims->len; i++)
    {
      const TallyStoreClaimKey *key = &g_array_index (claims, TallyStoreClaimKey, i);
      guint64 id = GUINT64_TO_LE ((guint64) key->document_id.value);
      guint32 start = GUINT32_TO_LE ((guint32) key->start), end = GUINT32_TO_LE ((guint32) key->end);

      memcpy (data + i * KEY_BYTES, &id, 8);
      memcpy (data + i * KEY_BYTES + 8, &start, 4);
      memcpy (data + i * KEY_BYTES + 12, &end, 4);
    }
  return g_bytes_new_take (data, claims->len * KEY_BYTES);
}

gboolean
tally_store_write_facts (TallyStore                 *store,
                         const TallyStoreGeneration *at,
                         const char                 *stamp,
                         GPtrArray                  *facts,
                         gboolean                   *written,
                         GError                    **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL, *by_document = NULL;
  TallyStoreGeneration now;
  int rc;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (at != NULL && stamp != NULL && facts != NULL, FALSE);

  if (written != NULL)
    *written = FALSE;
  if (!has_fact_tables (store))
    return TRUE;
  db = _tally_store_get_db (store);
  if ((rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
    {
      sqlite_error (error, db, rc, "Keeping the facts");
      return FALSE;
    }
  /* Changed while the facts were grouped: they would not count. */
  if (!read_generation (db, &now, NULL, NULL, error))
    goto fail;
  if (now.data != at->data || now.corrections != at->corrections)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return TRUE;
    }
  /* Offsets beyond 32 bits are not kept (no document is that long): keep nothing. */
  for (guint f = 0; f < facts->len; f++)
    {
      const TallyStoreFact *fact = g_ptr_array_index (facts, f);

      for (guint c = 0; c < fact->claims->len; c++)
        {
          const TallyStoreClaimKey *key = &g_array_index (fact->claims, TallyStoreClaimKey, c);

          if (key->start > G_MAXUINT32 || key->end > G_MAXUINT32)
            {
              sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
              return TRUE;
            }
        }
    }
  if ((rc = sqlite3_exec (db, "DELETE FROM fact_cache; DELETE FROM fact_cache_claims", NULL, NULL, NULL)) != SQLITE_OK
      || (rc = sqlite3_prepare_v2 (db, "INSERT INTO fact_cache (position, fact_id, key, label, measure, status,"
                                       " explanation, values_summary, series, story, source_count, spread,"
                                       " spread_label, search_text, claims)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                                   -1, &stmt, NULL)) != SQLITE_OK
      || (rc = sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO fact_cache_claims (document, start_offset, end_offset,"
                                       " fact) VALUES (?1, ?2, ?3, ?4)", -1, &by_document, NULL)) != SQLITE_OK)
    {
      sqlite_error (error, db, rc, "Keeping the facts");
      goto fail;
    }
  for (guint f = 0; f < facts->len; f++)
    {
      const TallyStoreFact *fact = g_ptr_array_index (facts, f);
      g_autoptr(GBytes) keys = pack_keys (fact->claims);
      gsize n_keys;
      gconstpointer key_data = g_bytes_get_data (keys, &n_keys);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, f);
      bind_text (stmt, 2, fact->id);
      bind_text (stmt, 3, fact->key);
      bind_text (stmt, 4, fact->label);
      bind_text (stmt, 5, fact->measure);
      sqlite3_bind_int (stmt, 6, fact->status);
      bind_text (stmt, 7, fact->explanation);
      bind_text (stmt, 8, fact->values_summary);
      bind_text (stmt, 9, fact->series);
      bind_text (stmt, 10, fact->story);
      sqlite3_bind_int64 (stmt, 11, fact->source_count);
      sqlite3_bind_double (stmt, 12, fact->spread);
      bind_text (stmt, 13, fact->spread_label);
      bind_text (stmt, 14, fact->search_text);
      sqlite3_bind_blob64 (stmt, 15, key_data, n_keys, SQLITE_STATIC);
      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        {
          sqlite_error (error, db, rc, "Keeping the facts");
          goto fail;
        }
      for (guint c = 0; c < fact->claims->len; c++)
        {
          const TallyStoreClaimKey *key = &g_array_index (fact->claims, TallyStoreClaimKey, c);

          sqlite3_reset (by_document);
          sqlite3_bind_int64 (by_document, 1, key->document_id.value);
          sqlite3_bind_int64 (by_document, 2, (sqlite3_int64) key->start);
          sqlite3_bind_int64 (by_document, 3, (sqlite3_int64) key->end);
          sqlite3_bind_int64 (by_document, 4, f);
          if ((rc = sqlite3_step (by_document)) != SQLITE_DONE)
            {
              sqlite_error (error, db, rc, "Keeping the facts");
              goto fail;
            }
        }
    }
  sqlite3_finalize (g_steal_pointer (&stmt));
  sqlite3_finalize (g_steal_pointer (&by_document));
  if ((rc = sqlite3_prepare_v2 (db, "UPDATE fact_cache_state SET stamp = ?1, cached_data = ?2, cached_corrections = ?3"
                                    " WHERE id = 1", -1, &stmt, NULL)) != SQLITE_OK)
    {
      sqlite_error (error, db, rc, "Keeping the facts");
      goto fail;
    }
  bind_text (stmt, 1, stamp);
  sqlite3_bind_int64 (stmt, 2, at->data);
  sqlite3_bind_int64 (stmt, 3, at->corrections);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE || (rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
    {
      sqlite_error (error, db, rc, "Keeping the facts");
      goto fail;
    }
  sqlite3_finalize (stmt);
  if (written != NULL)
    *written = TRUE;
  return TRUE;

fail:
  sqlite3_finalize (stmt);
  sqlite3_finalize (by_document);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* A text column as UTF-8 (a label reaches a GtkLabel), or NULL. */
static gboolean
column_text (sqlite3_stmt *stmt,
             int           column,
             char        **out)
{
  const char *text;
  int n;

  *out = NULL;
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return TRUE;
  text = (const char *) sqlite3_column_text (stmt, column);
  n = sqlite3_column_bytes (stmt, column);
  if (text == NULL || !g_utf8_validate_len (text, n, NULL) || memchr (text, '\0', n) != NULL)
    return FALSE;
  *out = g_strndup (text, n);
  return TRUE;
}

/* Checks a blob of keys; adds the documents to `documents` when not NULL. */
static gboolean
check_keys (const guint8 *keys,
            gsize         n_bytes,
            GHashTable   *documents)
{
  if (n_bytes % KEY_BYTES != 0)
    return FALSE;
  for (gsize i = 0; i < n_bytes / KEY_BYTES; i++)
    {
      guint64 id;
      guint32 start, end;

      memcpy (&id, keys + i * KEY_BYTES, 8);
      memcpy (&start, keys + i * KEY_BYTES + 8, 4);
      memcpy (&end, keys + i * KEY_BYTES + 12, 4);
      id = GUINT64_FROM_LE (id);
      if ((gint64) id <= 0 || GUINT32_FROM_LE (start) > GUINT32_FROM_LE (end))
        return FALSE;
      if (documents != NULL)
        g_hash_table_add (documents, GSIZE_TO_POINTER ((gsize) id));
    }
  return TRUE;
}

static GArray *
decode_keys (const guint8 *keys,
             gsize         n_bytes)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (TallyStoreClaimKey), n_bytes / KEY_BYTES);

  for (gsize i = 0; i < n_bytes / KEY_BYTES; i++)
    {
      TallyStoreClaimKey key;
      guint64 id;
      guint32 start, end;

      memcpy (&id, keys + i * KEY_BYTES, 8);
      memcpy (&start, keys + i * KEY_BYTES + 8, 4);
      memcpy (&end, keys + i * KEY_BYTES + 12, 4);
      key.document_id.value = (gint64) GUINT64_FROM_LE (id);
      key.start = GUINT32_FROM_LE (start);
      key.end = GUINT32_FROM_LE (end);
      g_array_append_val (out, key);
    }
  return out;
}

GPtrArray *
tally_store_read_facts (TallyStore  *store,
                        const char  *stamp,
                        GArray     **conflicting,
                        GError     **error)
{
  g_autoptr(GHashTable) documents = g_hash_table_new (NULL, NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  TallyStoreGeneration now, cached;
  g_autofree char *kept_stamp = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (stamp != NULL, NULL);

  if (!has_fact_tables (store))
    return NULL;
  db = _tally_store_get_db (store);
  /* One read transaction: the state and the rows agree. */
  if ((rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK)
    {
      sqlite_error (error, db, rc, "Reading the kept facts");
      return NULL;
    }
  if (!read_generation (db, &now, &kept_stamp, &cached, error))
    goto fail;
  if (kept_stamp == NULL || strcmp (kept_stamp, stamp) != 0 || now.data != cached.data
      || now.corrections != cached.corrections)
    {
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      return NULL;
    }
  if ((rc = sqlite3_prepare_v2 (db, "SELECT fact_id, key, label, measure, status, explanation, values_summary,"
                                    " series, story, source_count, spread, spread_label, search_text, claims"
                                    " FROM fact_cache ORDER BY position", -1, &stmt, NULL)) != SQLITE_OK)
    {
      sqlite_error (error, db, rc, "Reading the kept facts");
      goto fail;
    }
  facts = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_store_fact_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TallyStoreFact) fact = tally_store_fact_new ();
      const guint8 *keys = sqlite3_column_blob (stmt, 13);
      gsize n_bytes = sqlite3_column_bytes (stmt, 13);
      gint64 status = sqlite3_column_int64 (stmt, 4);
      gint64 sources = sqlite3_column_int64 (stmt, 9);

      fact->spread = sqlite3_column_double (stmt, 10);
      if (!column_text (stmt, 0, &fact->id) || !column_text (stmt, 1, &fact->key) || !column_text (stmt, 2, &fact->label)
          || !column_text (stmt, 3, &fact->measure) || !column_text (stmt, 5, &fact->explanation)
          || !column_text (stmt, 6, &fact->values_summary) || !column_text (stmt, 7, &fact->series)
          || !column_text (stmt, 8, &fact->story) || !column_text (stmt, 11, &fact->spread_label)
          || !column_text (stmt, 12, &fact->search_text)
          || fact->id == NULL || fact->key == NULL || fact->label == NULL
          /* TallyFactStatus: conflict … updated. */
          || status < 0 || status > 5 || sources < 0 || sources > G_MAXUINT
          || n_bytes % KEY_BYTES != 0 || n_bytes / KEY_BYTES > G_MAXUINT || !(fact->spread >= 0) || isinf (fact->spread))
        {
          g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_CORRUPT, "A kept fact is malformed (row %u)",
                       facts->len + 1);
          goto fail;
        }
      fact->status = (int) status;
      fact->source_count = (guint) sources;
      fact->n_claims = (guint) (n_bytes / KEY_BYTES);
      /* Read through, not kept: a million claims are not held for this. */
      if (!check_keys (keys, n_bytes, fact->status == 0 ? documents : NULL))
        {
          g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_CORRUPT, "A kept fact’s claim is malformed");
          goto fail;
        }
      g_ptr_array_add (facts, g_steal_pointer (&fact));
    }
  if (rc != SQLITE_DONE)
    {
      sqlite_error (error, db, rc, "Reading the kept facts");
      goto fail;
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (conflicting != NULL)
    {
      GHashTableIter iter;
      gpointer id;

      *conflicting = g_array_new (FALSE, FALSE, sizeof (TallyDocumentId));
      g_hash_table_iter_init (&iter, documents);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        {
          TallyDocumentId document = { (gint64) GPOINTER_TO_SIZE (id) };

          g_array_append_val (*conflicting, document);
        }
    }
  return g_steal_pointer (&facts);

fail:
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return NULL;
}

GArray *
tally_store_kept_fact_claims (TallyStore  *store,
                              guint        position,
                              GError     **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  GArray *keys = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  if (!has_fact_tables (store))
    return g_array_new (FALSE, FALSE, sizeof (TallyStoreClaimKey));
  db = _tally_store_get_db (store);
  rc = sqlite3_prepare_v2 (db, "SELECT claims FROM fact_cache WHERE position = ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, position);
      rc = sqlite3_step (stmt);
    }
  if (rc == SQLITE_ROW)
    {
      const guint8 *blob = sqlite3_column_blob (stmt, 0);
      gsize n_bytes = sqlite3_column_bytes (stmt, 0);

      if (check_keys (blob, n_bytes, NULL))
        keys = decode_keys (blob, n_bytes);
      else
        g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_CORRUPT, "A kept fact’s claim is malformed");
    }
  else if (rc == SQLITE_DONE)
    keys = g_array_new (FALSE, FALSE, sizeof (TallyStoreClaimKey));
  else
    sqlite_error (error, db, rc, "Reading a kept fact");
  sqlite3_finalize (stmt);
  return keys;
}

GArray *
tally_store_kept_conflicts (TallyStore       *store,
                            TallyDocumentId   document_id,
                            GError          **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  GArray *keys;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  keys = g_array_new (FALSE, FALSE, sizeof (TallyStoreClaimKey));
  if (!has_fact_tables (store))
    return keys;
  db = _tally_store_get_db (store);
  rc = sqlite3_prepare_v2 (db, "SELECT c.start_offset, c.end_offset FROM fact_cache_claims c"
                               " JOIN fact_cache f ON f.position = c.fact"
                               " WHERE c.document = ?1 AND f.status = 0 ORDER BY c.start_offset", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, document_id.value);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          TallyStoreClaimKey key = { document_id, (guint64) MAX (0, sqlite3_column_int64 (stmt, 0)),
                                     (guint64) MAX (0, sqlite3_column_int64 (stmt, 1)) };

          g_array_append_val (keys, key);
        }
    }
  if (rc != SQLITE_DONE)
    {
      sqlite_error (error, db, rc, "Reading the kept facts");
      g_clear_pointer (&keys, g_array_unref);
    }
  sqlite3_finalize (stmt);
  return keys;
}

gint64
tally_store_kept_fact_of_claim (TallyStore               *store,
                                const TallyStoreClaimKey *key)
{
  sqlite3_stmt *stmt = NULL;
  gint64 position = -1;

  g_return_val_if_fail (store != NULL, -1);
  g_return_val_if_fail (key != NULL, -1);

  if (!has_fact_tables (store))
    return -1;
  if (sqlite3_prepare_v2 (_tally_store_get_db (store), "SELECT fact FROM fact_cache_claims"
                          " WHERE document = ?1 AND start_offset = ?2 AND end_offset = ?3", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, key->document_id.value);
      sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) MIN (key->start, (guint64) G_MAXINT64));
      sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) MIN (key->end, (guint64) G_MAXINT64));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        position = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return position;
}
