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
  return tally_store_get_schema_version (store) >= 7;
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
  sqlite3_stmt *stmt = NULL;
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
  if ((rc = sqlite3_exec (db, "DELETE FROM fact_cache", NULL, NULL, NULL)) != SQLITE_OK
      || (rc = sqlite3_prepare_v2 (db, "INSERT INTO fact_cache (position, fact_id, key, label, measure, status,"
                                       " explanation, values_summary, series, story, source_count, spread,"
                                       " spread_label, search_text, claims)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                                   -1, &stmt, NULL)) != SQLITE_OK)
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
    }
  sqlite3_finalize (g_steal_pointer (&stmt));
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

GPtrArray *
tally_store_read_facts (TallyStore  *store,
                        const char  *stamp,
                        GError     **error)
{
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
      g_array_set_size (fact->claims, n_bytes / KEY_BYTES);
      for (gsize i = 0; i < n_bytes / KEY_BYTES; i++)
        {
          TallyStoreClaimKey *key = &g_array_index (fact->claims, TallyStoreClaimKey, i);
          guint64 id;
          guint32 start, end;

          memcpy (&id, keys + i * KEY_BYTES, 8);
          memcpy (&start, keys + i * KEY_BYTES + 8, 4);
          memcpy (&end, keys + i * KEY_BYTES + 12, 4);
          key->document_id.value = (gint64) GUINT64_FROM_LE (id);
          key->start = GUINT32_FROM_LE (start);
          key->end = GUINT32_FROM_LE (end);
          if (key->document_id.value <= 0 || key->start > key->end)
            {
              g_set_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_CORRUPT, "A kept fact’s claim is malformed");
              goto fail;
            }
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
  return g_steal_pointer (&facts);

fail:
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return NULL;
}
