/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "tally-store.h"

G_BEGIN_DECLS

/* For tests: a project at an older schema, to test the migrations. */
TallyStore *_tally_store_open_at_version (const char           *path,
                                          TallyStoreOpenFlags   flags,
                                          int                   version,
                                          GError              **error);

/* User text → FTS5 MATCH expression (exposed for tests). */
char       *_tally_store_fts_query       (const char *query);

sqlite3    *_tally_store_get_db          (TallyStore *store);

/* Registers the "tally" FTS5 tokenizer (tally-store-tokenizer.c) on a
 * connection: every connection that reads or checks the index needs it. */
int         _tally_store_register_tokenizer (sqlite3 *db);

/* Whether SQLite's WAL index (shared memory) works on a file system of this
 * statfs() f_type (exposed for tests). */
gboolean    _tally_store_fs_shares_memory (gint64 fs_type);

G_END_DECLS
