/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "tally-ingest.h"
#include "tally-store-private.h"
#include "tally-store.h"

#define DOC(n) tally_document_id_from_int64 (n)

static char *
temp_project (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tally-store-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static TallyDocumentRecord *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ingest", name, NULL);
  g_autoptr(GError) error = NULL;
  TallyDocumentRecord *record = tally_ingest_file (path, &error);

  g_assert_no_error (error);
  return record;
}

static GPtrArray *
two_claims (void)
{
  GPtrArray *claims = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);
  TallyClaimRecord *a = tally_claim_record_new ();
  TallyClaimRecord *b = tally_claim_record_new ();

  a->kind = TALLY_CLAIM_KIND_PERCENT;
  a->has_value = TRUE;
  a->value = 12;
  a->unit = g_strdup ("%");
  a->qualifier = TALLY_QUALIFIER_EXACT;
  a->measure = g_strdup ("vendace quota");
  a->subject = g_strdup ("Lake Saimaa");
  a->subject_kind = TALLY_SUBJECT_KIND_PLACE;
  a->modality = TALLY_MODALITY_PROJECTED;
  a->change = TRUE;
  a->start = 105;
  a->end = 108;
  a->sentence_start = 0;
  a->sentence_end = 138;
  g_ptr_array_add (claims, a);

  b->kind = TALLY_CLAIM_KIND_DATE;
  b->has_value = FALSE;
  b->value_text = g_strdup ("2027-05-01");
  b->has_value_max = TRUE;
  b->value_max = 2028;
  b->value_max_text = g_strdup ("2028");
  b->qualifier = TALLY_QUALIFIER_APPROX;
  b->scope_year = 2027;
  b->relative = g_strdup ("next May");
  b->start = 200;
  b->end = 205;
  b->sentence_start = 191;
  b->sentence_end = 216;
  g_ptr_array_add (claims, b);
  return claims;
}

static void
assert_spans_equal (GArray *a,
                    GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpmem (a->data, a->len * 2 * sizeof (gsize), b->data, b->len * 2 * sizeof (gsize));
}

/* The key a document is named by outside the store reads back as the same
 * document, and nothing else reads as one. */
static void
test_document_id_keys (void)
{
  static const char * const not_keys[] = { "", "0", "-3", "+", "12x", " 12", "12 ", "d1", "1.5",
                                           "99999999999999999999" };
  g_autofree char *key = tally_document_id_to_key (DOC (42));
  g_autofree char *largest = tally_document_id_to_key (DOC (G_MAXINT64));
  g_autoptr(GHashTable) set = g_hash_table_new_full (tally_document_id_hash, tally_document_id_key_equal, g_free, NULL);

  g_assert_cmpstr (key, ==, "42");
  g_assert_cmpint (tally_document_id_from_key (key).value, ==, 42);
  g_assert_cmpint (tally_document_id_from_key (largest).value, ==, G_MAXINT64);
  for (guint i = 0; i < G_N_ELEMENTS (not_keys); i++)
    g_assert_true (tally_document_id_is_none (tally_document_id_from_key (not_keys[i])));
  g_assert_true (tally_document_id_is_none (tally_document_id_from_key (NULL)));
  g_assert_true (tally_document_id_is_none (TALLY_DOCUMENT_ID_NONE));
  g_assert_false (tally_document_id_is_none (DOC (1)));
  g_assert_true (tally_document_id_equal (DOC (7), DOC (7)));
  g_assert_false (tally_document_id_equal (DOC (7), DOC (8)));

  g_hash_table_add (set, tally_document_id_dup (DOC (7)));
  g_hash_table_add (set, tally_document_id_dup (DOC (7)));
  g_hash_table_add (set, tally_document_id_dup (DOC (8)));
  g_assert_cmpuint (g_hash_table_size (set), ==, 2);
  g_assert_true (g_hash_table_contains (set, &(TallyDocumentId) { 8 }));
  g_assert_false (g_hash_table_contains (set, &(TallyDocumentId) { 9 }));
}

static void
test_round_trip (void)
{
  g_autofree char *path = temp_project ("round.tally");
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyStore) store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);
  g_autoptr(TallyDocumentRecord) in = fixture ("plain.txt");
  g_autoptr(TallyDocumentRecord) out = NULL;
  g_autoptr(GPtrArray) claims = two_claims ();
  g_autoptr(GPtrArray) claims_out = NULL;
  TallyDocumentId id;

  g_assert_no_error (error);
  g_assert_cmpint (tally_store_get_schema_version (store), ==, TALLY_STORE_SCHEMA_VERSION);
  g_assert_true (tally_store_begin (store, &error));
  id = tally_store_add_document (store, in, claims, TALLY_DOCUMENT_ID_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id.value, ==, 1);
  g_assert_true (tally_store_commit (store, &error));
  g_clear_pointer (&store, tally_store_close);

  /* Reopened: every field comes back. */
  store = tally_store_open (path, TALLY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  out = tally_store_load_document (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out->path, ==, in->path);
  g_assert_cmpstr (out->format, ==, "text");
  g_assert_cmpstr (out->content_hash, ==, in->content_hash);
  g_assert_cmpstr (out->title, ==, "Kemi fisheries conference agrees quotas for three lakes");
  g_assert_cmpstr (out->author, ==, "Aino Lehtonen");
  g_assert_cmpstr (out->published, ==, "2027-03-04");
  g_assert_null (out->outlet);
  g_assert_cmpstr (out->text, ==, in->text);
  g_assert_cmpuint (out->text_len, ==, in->text_len);
  g_assert_cmpuint (out->word_count, ==, 53);
  g_assert_true (out->simhash == in->simhash);
  assert_spans_equal (out->paragraphs, in->paragraphs);
  assert_spans_equal (out->sentences, in->sentences);
  assert_spans_equal (out->offset_map, in->offset_map);
  g_assert_cmpuint (out->comments->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      TallyComment *a = g_ptr_array_index (in->comments, i), *b = g_ptr_array_index (out->comments, i);

      g_assert_cmpstr (a->author, ==, b->author);
      g_assert_cmpstr (a->text, ==, b->text);
    }
  g_assert_cmpuint (out->boilerplate->len, ==, in->boilerplate->len);
  for (guint i = 0; i < in->boilerplate->len; i++)
    {
      TallyBoilerplate *a = g_ptr_array_index (in->boilerplate, i), *b = g_ptr_array_index (out->boilerplate, i);

      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpuint (a->offset, ==, b->offset);
    }

  claims_out = tally_store_load_claims (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (claims_out->len, ==, 2);
  {
    TallyClaimRecord *a = g_ptr_array_index (claims_out, 0), *b = g_ptr_array_index (claims_out, 1);

    g_assert_cmpint (a->kind, ==, TALLY_CLAIM_KIND_PERCENT);
    g_assert_true (a->has_value);
    g_assert_cmpfloat (a->value, ==, 12);
    g_assert_false (a->has_value_max);
    g_assert_cmpstr (a->unit, ==, "%");
    g_assert_cmpint (a->qualifier, ==, TALLY_QUALIFIER_EXACT);
    g_assert_cmpstr (a->measure, ==, "vendace quota");
    g_assert_cmpstr (a->subject, ==, "Lake Saimaa");
    g_assert_cmpint (a->subject_kind, ==, TALLY_SUBJECT_KIND_PLACE);
    g_assert_cmpint (a->modality, ==, TALLY_MODALITY_PROJECTED);
    g_assert_true (a->change);
    g_assert_cmpuint (a->start, ==, 105);
    g_assert_cmpuint (a->end, ==, 108);
    g_assert_cmpuint (a->sentence_end, ==, 138);
    g_assert_null (a->relative);

    g_assert_cmpint (b->kind, ==, TALLY_CLAIM_KIND_DATE);
    g_assert_false (b->has_value);
    g_assert_cmpstr (b->value_text, ==, "2027-05-01");
    g_assert_true (b->has_value_max);
    g_assert_cmpfloat (b->value_max, ==, 2028);
    g_assert_cmpstr (b->value_max_text, ==, "2028");
    g_assert_cmpint (b->qualifier, ==, TALLY_QUALIFIER_APPROX);
    g_assert_cmpint (b->scope_year, ==, 2027);
    g_assert_cmpstr (b->relative, ==, "next May");
    g_assert_null (b->subject);
    g_assert_cmpint (b->subject_kind, ==, TALLY_SUBJECT_KIND_NONE);
    g_assert_cmpint (b->modality, ==, TALLY_MODALITY_REPORTED);
    g_assert_false (b->change);
    g_assert_null (b->unit);
    g_assert_cmpuint (b->sentence_start, ==, 191);
  }
  g_assert_true (tally_store_check_integrity (store, &error));
}

static void
count_cb (const TallyStoreDocumentInfo *info,
          gpointer                      user_data)
{
  GPtrArray *titles = user_data;

  g_ptr_array_add (titles, g_strdup_printf ("%" G_GINT64_FORMAT ":%s:%u:%u:%" G_GINT64_FORMAT,
                                            info->id.value, info->title, info->comment_count, info->claim_count,
                                            info->cluster_id.value));
}

static void
test_duplicate_and_list (void)
{
  g_autofree char *path = temp_project ("dup.tally");
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyStore) store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);
  g_autoptr(TallyDocumentRecord) a = fixture ("plain.txt");
  g_autoptr(TallyDocumentRecord) b = fixture ("wire-a.txt");
  g_autoptr(GPtrArray) claims = two_claims ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (tally_store_add_document (store, a, claims, TALLY_DOCUMENT_ID_NONE, &error).value, ==, 1);
  g_assert_cmpint (tally_store_add_document (store, b, NULL, DOC (1), &error).value, ==, 2);
  g_assert_cmpint (tally_store_add_document (store, a, NULL, TALLY_DOCUMENT_ID_NONE, &error).value, ==, 0);
  g_assert_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "“plain.txt”: already in the project (same content)");
  g_clear_error (&error);
  g_assert_cmpint (tally_store_find_by_hash (store, a->content_hash).value, ==, 1);
  g_assert_true (tally_document_id_is_none (tally_store_find_by_hash (store, "0000")));
  g_assert_cmpuint (tally_store_count_documents (store), ==, 2);

  g_assert_true (tally_store_foreach_document (store, count_cb, rows, &error));
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "1:Kemi fisheries conference agrees quotas for three lakes:3:2:1");
  g_assert_cmpstr (g_ptr_array_index (rows, 1), ==, "2:Northern lakes conference ends with vendace quota cut:0:0:1");

  g_assert_true (tally_store_set_cluster (store, DOC (2), DOC (2), &error));
  g_assert_true (tally_store_remove_document (store, DOC (1), &error));
  g_ptr_array_set_size (rows, 0);
  g_assert_true (tally_store_foreach_document (store, count_cb, rows, &error));
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "2:Northern lakes conference ends with vendace quota cut:0:0:2");
  /* Claims and comments went with the document (ON DELETE CASCADE). */
  {
    g_autoptr(GPtrArray) gone = tally_store_load_claims (store, DOC (1), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (gone->len, ==, 0);
  }
  g_assert_null (tally_store_load_document (store, DOC (1), &error));
  g_assert_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_FOUND);
}

static void
test_search (void)
{
  g_autofree char *path = temp_project ("search.tally");
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyStore) store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);
  const char *names[] = { "plain.txt", "jsonld.html", "divsoup.html", "article.html" };
  g_autoptr(GPtrArray) hits = NULL;
  TallyStoreHit *hit;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TallyDocumentRecord) r = fixture (names[i]);

      g_assert_cmpint (tally_store_add_document (store, r, NULL, TALLY_DOCUMENT_ID_NONE, &error).value, ==, i + 1);
    }

  /* "second vote" as a phrase is only in the JSON-LD page. */
  hits = tally_store_search (store, "\"second vote\"", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->document_id.value, ==, 2);
  g_assert_cmpstr (hit->title, ==, "Lake villages ask for a second vote");
  /* A phrase is marked as one run. */
  g_assert_nonnull (strstr (hit->snippet, "secretariat for a " TALLY_STORE_MATCH_START "second vote" TALLY_STORE_MATCH_END));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A title word ranks its document first. */
  hits = tally_store_search (store, "villages", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpint (((TallyStoreHit *) g_ptr_array_index (hits, 0))->document_id.value, ==, 2);
  g_assert_cmpint (((TallyStoreHit *) g_ptr_array_index (hits, 1))->document_id.value, ==, 4);
  g_assert_cmpfloat (((TallyStoreHit *) g_ptr_array_index (hits, 0))->rank, <, ((TallyStoreHit *) g_ptr_array_index (hits, 1))->rank);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Prefix, diacritics folded, punctuation harmless. */
  hits = tally_store_search (store, "kemijarv*", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((TallyStoreHit *) g_ptr_array_index (hits, 0))->document_id.value, ==, 3);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = tally_store_search (store, "12% AND -quota: (\"", 10, &error);
  g_assert_no_error (error);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = tally_store_search (store, " — ", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  {
    g_autofree char *q = _tally_store_fts_query ("ice \"thin ice\" kemi* a\"b");

    g_assert_cmpstr (q, ==, "\"ice\" \"thin ice\" \"kemi\"* \"a\" \"b\"");
  }

  /* One splitter for the index and the reader's marks. */
  {
    g_autoptr(GPtrArray) terms = tally_store_query_terms ("  \"investment fund\" corrid* — 12% \"\"");
    g_auto(GStrv) words = tally_store_query_words ("\"investment fund\" corrid* Klaipėda-bound —");
    const char *expected[] = { "investment", "fund", "corrid*", "Klaipėda", "bound", NULL };
    const TallyStoreQueryTerm *term;

    g_assert_cmpuint (terms->len, ==, 3);
    term = g_ptr_array_index (terms, 0);
    g_assert_cmpstr (term->text, ==, "investment fund");
    g_assert_true (term->phrase);
    g_assert_false (term->prefix);
    term = g_ptr_array_index (terms, 1);
    g_assert_cmpstr (term->text, ==, "corrid");
    g_assert_false (term->phrase);
    g_assert_true (term->prefix);
    term = g_ptr_array_index (terms, 2);
    g_assert_cmpstr (term->text, ==, "12%");
    g_assert_true (g_strv_equal ((const char * const *) words, expected));
  }
}

/* Articles written for this test, one per language. */
static const char *const language_texts[] = {
  "Port talks resume\n\nThe two governments signed a new transit agreement on Monday after months of talks over the port fees.\n",
  "Переговоры о порте\n\nПравительства двух стран подписали новое соглашение о транзите в понедельник после долгих переговоров о портовых сборах.\n",
  "港口谈判恢复\n\n两国政府在周一签署了新的过境协议，此前双方就港口收费进行了数月的谈判。贸易额预计明年增长。\n",
};

static GPtrArray *
search (TallyStore *store,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = tally_store_search (store, query, 10, &error);

  g_assert_no_error (error);
  return hits;
}

static void
assert_found (TallyStore *store,
              const char *query,
              gint64      document_id)
{
  g_autoptr(GPtrArray) hits = search (store, query);

  g_test_message ("query %s", query);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((TallyStoreHit *) g_ptr_array_index (hits, 0))->document_id.value, ==, document_id);
}

static void
test_search_languages (void)
{
  g_autofree char *path = temp_project ("languages.tally");
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyStore) store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);
  const char *languages[] = { "en", "ru", "zh" };

  for (guint i = 0; i < G_N_ELEMENTS (language_texts); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (language_texts[i], strlen (language_texts[i]));
      g_autoptr(TallyDocumentRecord) r = tally_ingest_bytes (bytes, NULL, &error);
      g_autoptr(TallyDocumentRecord) back = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (r->language, ==, languages[i]);
      g_assert_cmpint (tally_store_add_document (store, r, NULL, TALLY_DOCUMENT_ID_NONE, &error).value, ==, i + 1);
      back = tally_store_load_document (store, DOC (i + 1), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (back->language, ==, languages[i]);
    }

  /* English as unicode61 reads it. */
  assert_found (store, "agreement", 1);
  assert_found (store, "agree*", 1);
  /* Chinese words inside a sentence, of two and three characters. */
  assert_found (store, "协议", 3);
  assert_found (store, "贸易额", 3);
  assert_found (store, "港口", 3);
  {
    g_autoptr(GPtrArray) hits = search (store, "港口");

    g_assert_nonnull (strstr (((TallyStoreHit *) g_ptr_array_index (hits, 0))->snippet,
                              TALLY_STORE_MATCH_START "港口" TALLY_STORE_MATCH_END));
  }
  /* Characters that are in the text but not side by side are no word. */
  {
    g_autoptr(GPtrArray) hits = search (store, "口谈判港");

    g_assert_cmpuint (hits->len, ==, 0);
  }
  /* Russian word forms: the genitive plural finds the prepositional
   * singular, the nominative plural the genitive plural. */
  assert_found (store, "соглашений", 2);
  assert_found (store, "соглашения", 2);
  assert_found (store, "переговоры", 2);
  assert_found (store, "портовые", 2);
  assert_found (store, "соглаш*", 2);
  {
    g_autoptr(GPtrArray) hits = search (store, "соглашений");

    /* The mark covers the word as written. */
    g_assert_nonnull (strstr (((TallyStoreHit *) g_ptr_array_index (hits, 0))->snippet,
                              TALLY_STORE_MATCH_START "соглашение" TALLY_STORE_MATCH_END));
  }
  g_assert_true (tally_store_check_integrity (store, &error));
  g_assert_no_error (error);

  /* The analyst's correction is stored. */
  g_assert_true (tally_store_set_document_field (store, DOC (2), "language", "kk", &error));
  g_assert_no_error (error);
  {
    g_autoptr(TallyDocumentRecord) back = tally_store_load_document (store, DOC (2), &error);

    g_assert_cmpstr (back->language, ==, "kk");
  }
}

static void
test_corrections (void)
{
  g_autofree char *path = temp_project ("corr.tally");
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyStore) store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);
  sqlite3_stmt *stmt = NULL;
  gint64 id;

  id = tally_store_add_correction (store, "document", DOC (7), "title", "Old", "New", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 1);
  g_assert_true (tally_store_set_correction_undone (store, id, TRUE, &error));
  g_assert_cmpint (sqlite3_prepare_v2 (_tally_store_get_db (store),
                                       "SELECT target, target_id, field, old_value, new_value, undone FROM corrections",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "document");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, 7);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "title");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "Old");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "New");
  g_assert_cmpint (sqlite3_column_int (stmt, 5), ==, 1);
  sqlite3_finalize (stmt);
}

static void
test_migration (void)
{
  g_autofree char *path = temp_project ("old.tally");
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyStore) store = _tally_store_open_at_version (path, TALLY_STORE_OPEN_CREATE, 1, &error);
  g_autoptr(TallyDocumentRecord) r = fixture ("plain.txt");
  g_autoptr(TallyDocumentRecord) back = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (tally_store_get_schema_version (store), ==, 1);
  /* Schema 1's own columns (today's insert names newer ones). */
  g_assert_cmpint (sqlite3_prepare_v2 (_tally_store_get_db (store),
                                       "INSERT INTO documents (content_hash, format, title, text, imported) VALUES (?1, 'text', ?2, ?3, 0)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, r->content_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, r->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, r->text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  /* A Chinese document indexed by schema 1's unicode61: one token per run. */
  g_assert_cmpint (sqlite3_exec (_tally_store_get_db (store),
                                 "INSERT INTO documents (content_hash, format, title, text, imported)"
                                 " VALUES ('zh', 'text', '港口', '两国政府签署了新的过境协议。', 0)", NULL, NULL, NULL), ==, SQLITE_OK);
  /* Schema 1 has no corrections table. */
  g_assert_cmpint (tally_store_add_correction (store, "document", DOC (1), "title", "a", "b", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&store, tally_store_close);

  store = tally_store_open (path, TALLY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally_store_get_schema_version (store), ==, TALLY_STORE_SCHEMA_VERSION);
  back = tally_store_load_document (store, DOC (1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->text, ==, r->text);
  g_assert_cmpint (tally_store_add_correction (store, "document", DOC (1), "title", "a", "b", &error), ==, 1);
  g_assert_no_error (error);
  /* Documents from before language detection have none. */
  g_assert_null (back->language);
  /* The index was rebuilt with the new tokenizer: a word inside the
   * sentence is found. */
  {
    g_autoptr(GPtrArray) hits = search (store, "协议");

    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpint (((TallyStoreHit *) g_ptr_array_index (hits, 0))->document_id.value, ==, 2);
  }
  g_assert_true (tally_store_check_integrity (store, &error));
}


/* Kept facts (schema 7): a round trip; any change to documents, claims or
 * corrections, another stamp, or a project changed while the facts were
 * grouped makes them not count; malformed rows are refused, not read. */
static TallyStoreFact *
kept_fact (const char *id,
           guint       n_claims)
{
  TallyStoreFact *fact = tally_store_fact_new ();

  fact->id = g_strdup (id);
  fact->key = g_strdup_printf ("count||0|0|%s", id);
  fact->label = g_strdup ("Lakes with quotas");
  fact->measure = g_strdup ("lake");
  fact->status = 0;
  fact->explanation = g_strdup ("2 sources say 3, 1 says 4");
  fact->values_summary = g_strdup ("3 — A, B · 4 — C");
  fact->source_count = 3;
  fact->spread = 0.25;
  fact->spread_label = g_strdup ("25%");
  fact->search_text = g_strdup ("lakes with quotas lake 3 4");
  for (guint c = 0; c < n_claims; c++)
    {
      TallyStoreClaimKey key = { DOC (1 + c % 2), 10 * c, 10 * c + 4 };

      g_array_append_val (fact->claims, key);
    }
  return fact;
}

static GPtrArray *
read_kept (TallyStore *store,
           const char *stamp)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *facts = tally_store_read_facts (store, stamp, NULL, &error);

  g_assert_no_error (error);
  return facts;
}

static void
test_kept_facts (void)
{
  g_autofree char *path = temp_project ("kept.tally");
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyStore) store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);
  g_autoptr(TallyDocumentRecord) in = fixture ("plain.txt");
  g_autoptr(GPtrArray) claims = two_claims ();
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_store_fact_free);
  g_autoptr(GPtrArray) back = NULL;
  TallyStoreGeneration at, now;
  gboolean written = FALSE;
  sqlite3 *db;

  g_assert_no_error (error);
  db = _tally_store_get_db (store);
  g_assert_true (tally_store_begin (store, &error));
  tally_store_add_document (store, in, claims, TALLY_DOCUMENT_ID_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (tally_store_commit (store, &error));
  /* Nothing kept yet. */
  g_assert_null (read_kept (store, "build 1"));

  g_assert_true (tally_store_get_generation (store, &at, &error));
  g_assert_no_error (error);
  g_ptr_array_add (facts, kept_fact ("f1", 3));
  g_ptr_array_add (facts, kept_fact ("f2", 0));
  g_assert_true (tally_store_write_facts (store, &at, "build 1", facts, &written, &error));
  g_assert_no_error (error);
  g_assert_true (written);
  g_clear_pointer (&store, tally_store_close);

  /* Reopened, by the same stamp: every field and key comes back, in order. */
  store = tally_store_open (path, TALLY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  db = _tally_store_get_db (store);
  back = read_kept (store, "build 1");
  g_assert_nonnull (back);
  g_assert_cmpuint (back->len, ==, 2);
  for (guint f = 0; f < 2; f++)
    {
      TallyStoreFact *a = g_ptr_array_index (facts, f), *b = g_ptr_array_index (back, f);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpstr (a->key, ==, b->key);
      g_assert_cmpstr (a->label, ==, b->label);
      g_assert_cmpstr (a->measure, ==, b->measure);
      g_assert_cmpint (a->status, ==, b->status);
      g_assert_cmpstr (a->explanation, ==, b->explanation);
      g_assert_cmpstr (a->values_summary, ==, b->values_summary);
      g_assert_null (b->series);
      g_assert_null (b->story);
      g_assert_cmpuint (a->source_count, ==, b->source_count);
      g_assert_cmpfloat (a->spread, ==, b->spread);
      g_assert_cmpstr (a->spread_label, ==, b->spread_label);
      g_assert_cmpstr (a->search_text, ==, b->search_text);
      /* The keys stay in the project, read when asked for. */
      g_assert_cmpuint (b->claims->len, ==, 0);
      g_assert_cmpuint (a->claims->len, ==, b->n_claims);
      {
        g_autoptr(GArray) keys = tally_store_kept_fact_claims (store, f, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (keys->len, ==, a->claims->len);
        for (guint c = 0; c < a->claims->len; c++)
          {
            TallyStoreClaimKey *x = &g_array_index (a->claims, TallyStoreClaimKey, c);
            TallyStoreClaimKey *y = &g_array_index (keys, TallyStoreClaimKey, c);

            g_assert_cmpint (x->document_id.value, ==, y->document_id.value);
            g_assert_cmpuint (x->start, ==, y->start);
            g_assert_cmpuint (x->end, ==, y->end);
            /* And the claim's fact, by its key. */
            g_assert_cmpint (tally_store_kept_fact_of_claim (store, x), ==, f);
          }
      }
    }
  g_clear_pointer (&back, g_ptr_array_unref);
  /* f1 conflicts: its documents 1 and 2; a document's conflicting claims. */
  {
    g_autoptr(GArray) conflicting = NULL;
    g_autoptr(GArray) keys = NULL;
    TallyStoreClaimKey none = { DOC (1), 1, 2 };

    back = tally_store_read_facts (store, "build 1", &conflicting, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (conflicting->len, ==, 2);
    g_assert_cmpint (g_array_index (conflicting, TallyDocumentId, 0).value + g_array_index (conflicting, TallyDocumentId, 1).value, ==, 3);
    keys = tally_store_kept_conflicts (store, DOC (1), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (keys->len, ==, 2);
    g_assert_cmpuint (g_array_index (keys, TallyStoreClaimKey, 0).start, ==, 0);
    g_assert_cmpuint (g_array_index (keys, TallyStoreClaimKey, 1).start, ==, 20);
    g_assert_cmpint (tally_store_kept_fact_of_claim (store, &none), ==, -1);
    g_clear_pointer (&back, g_ptr_array_unref);
  }
  /* Another program or locale grouped them: they do not count. */
  g_assert_null (read_kept (store, "build 2"));

  /* A correction, a document field, new claims: each one makes them stale. */
  g_assert_cmpint (tally_store_add_correction (store, "fact", TALLY_DOCUMENT_ID_NONE, "label", "a", "b", &error), >, 0);
  g_assert_null (read_kept (store, "build 1"));
  g_assert_true (tally_store_get_generation (store, &now, &error));
  g_assert_cmpint (now.corrections, >, at.corrections);
  g_assert_cmpint (now.data, ==, at.data);
  g_assert_true (tally_store_write_facts (store, &now, "build 1", facts, &written, &error));
  g_assert_true (written);
  g_assert_nonnull ((back = read_kept (store, "build 1")));
  g_clear_pointer (&back, g_ptr_array_unref);
  g_assert_true (tally_store_set_document_field (store, DOC (1), "title", "Another title", &error));
  g_assert_no_error (error);
  g_assert_null (read_kept (store, "build 1"));
  g_assert_true (tally_store_get_generation (store, &now, &error));
  g_assert_true (tally_store_write_facts (store, &now, "build 1", facts, &written, &error));
  g_assert_true (tally_store_replace_claims (store, DOC (1), claims, &error));
  g_assert_no_error (error);
  g_assert_null (read_kept (store, "build 1"));

  /* Facts grouped from the project before a change are not written. */
  g_assert_true (tally_store_write_facts (store, &now, "build 1", facts, &written, &error));
  g_assert_no_error (error);
  g_assert_false (written);
  g_assert_null (read_kept (store, "build 1"));

  /* Malformed rows a crafted file may hold: an error, nothing read. */
  g_assert_true (tally_store_get_generation (store, &now, &error));
  g_assert_true (tally_store_write_facts (store, &now, "build 1", facts, &written, &error));
  g_assert_true (written);
  {
    static const char *const crafted[] = {
      "UPDATE fact_cache SET status = 99 WHERE position = 0",
      "UPDATE fact_cache SET claims = x'0102030405' WHERE position = 0",
      "UPDATE fact_cache SET label = NULL WHERE position = 1",
      "UPDATE fact_cache SET label = x'ff00' WHERE position = 1",
      "UPDATE fact_cache SET spread = -1 WHERE position = 0",
      "UPDATE fact_cache SET claims = zeroblob(16) WHERE position = 0",
    };

    for (guint i = 0; i < G_N_ELEMENTS (crafted); i++)
      {
        g_assert_true (tally_store_get_generation (store, &now, &error));
        g_assert_true (tally_store_write_facts (store, &now, "build 1", facts, &written, &error));
        g_assert_cmpint (sqlite3_exec (db, crafted[i], NULL, NULL, NULL), ==, SQLITE_OK);
        g_assert_null (tally_store_read_facts (store, "build 1", NULL, &error));
        g_assert_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_CORRUPT);
        g_clear_error (&error);
      }
  }
  g_assert_true (tally_store_check_integrity (store, &error));
}

/* A project of format 6 (session 5) gains the kept facts' tables; its
 * documents and claims stay, and its facts are kept from then on. A project
 * of format 7 (facts kept without the lookup by document) forgets them. */
static void
test_migration_kept_facts (void)
{
  g_autofree char *path = temp_project ("six.tally");
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyStore) store = _tally_store_open_at_version (path, TALLY_STORE_OPEN_CREATE, 6, &error);
  g_autoptr(TallyDocumentRecord) in = fixture ("plain.txt");
  g_autoptr(GPtrArray) claims = two_claims ();
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_store_fact_free);
  g_autoptr(GPtrArray) back = NULL;
  TallyStoreGeneration at;
  gboolean written = TRUE;

  g_assert_no_error (error);
  g_assert_cmpint (tally_store_get_schema_version (store), ==, 6);
  g_assert_true (tally_store_begin (store, &error));
  tally_store_add_document (store, in, claims, TALLY_DOCUMENT_ID_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (tally_store_commit (store, &error));
  /* Format 6 keeps no facts. */
  g_assert_false (tally_store_get_generation (store, &at, &error));
  g_assert_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_ptr_array_add (facts, kept_fact ("f1", 2));
  g_assert_true (tally_store_write_facts (store, &at, "build 1", facts, &written, &error));
  g_assert_false (written);
  g_assert_null (read_kept (store, "build 1"));
  g_clear_pointer (&store, tally_store_close);

  store = tally_store_open (path, TALLY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally_store_get_schema_version (store), ==, TALLY_STORE_SCHEMA_VERSION);
  {
    g_autoptr(GPtrArray) loaded = tally_store_load_claims (store, DOC (1), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (loaded->len, ==, 2);
  }
  g_assert_null (read_kept (store, "build 1"));
  g_assert_true (tally_store_get_generation (store, &at, &error));
  g_assert_true (tally_store_write_facts (store, &at, "build 1", facts, &written, &error));
  g_assert_true (written);
  back = read_kept (store, "build 1");
  g_assert_nonnull (back);
  g_assert_cmpuint (back->len, ==, 1);
  g_assert_true (tally_store_check_integrity (store, &error));
}


/* A closed project named by a relative path is read where it is (its
 * immutable URI needs an absolute path; "unable to open database file"
 * before). */
static void
test_relative_path (void)
{
  g_autofree char *path = temp_project ("relative.tally");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GError) error = NULL;
  TallyStore *store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  tally_store_close (store);
  g_assert_cmpint (g_chdir (dir), ==, 0);
  store = tally_store_open ("relative.tally", TALLY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  tally_store_close (store);
  store = tally_store_open ("relative.tally", TALLY_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  tally_store_close (store);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

static char *
file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static void
assert_refused (const char *path,
                int         code,
                const char *message)
{
  g_autofree char *before = file_digest (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  TallyStore *store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);

  g_assert_null (store);
  g_assert_error (error, TALLY_STORE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_newer (void)
{
  g_autofree char *path = temp_project ("newer.tally");
  g_autoptr(GError) error = NULL;
  TallyStore *store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (_tally_store_get_db (store), "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  tally_store_close (store);

  {
    g_autofree char *message = g_strdup_printf ("“newer.tally” was saved by a newer version of Tally"
                                                " (project format 99; this version reads up to %d)",
                                                TALLY_STORE_SCHEMA_VERSION);

    assert_refused (path, TALLY_STORE_ERROR_NEWER, message);
  }
}

static void
test_refuse_corrupt (void)
{
  g_autofree char *path = temp_project ("corrupt.tally");
  g_autoptr(GError) error = NULL;
  TallyStore *store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(TallyDocumentRecord) r = fixture (i == 0 ? "plain.txt" : i == 1 ? "article.html" : i == 2 ? "jsonld.html" : "wire-a.txt");

      g_assert_cmpint (tally_store_add_document (store, r, NULL, TALLY_DOCUMENT_ID_NONE, &error).value, >, 0);
    }
  g_assert_cmpint (sqlite3_exec (_tally_store_get_db (store), "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  tally_store_close (store);

  /* Scribble over the second page onwards, keep the header. */
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  memset (data + 4096, 0xA5, len - 4096);
  g_assert_true (g_file_set_contents (path, data, len, NULL));
  assert_refused (path, TALLY_STORE_ERROR_CORRUPT, "“corrupt.tally” is damaged and cannot be opened; the file was left as it is");
}

static void
test_refuse_foreign (void)
{
  g_autofree char *text = temp_project ("notes.tally");
  g_autofree char *other = temp_project ("other.db");
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text, "These are my notes, not a project.", -1, NULL));
  assert_refused (text, TALLY_STORE_ERROR_NOT_A_PROJECT, "“notes.tally” is not a Tally project");

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (other, TALLY_STORE_ERROR_NOT_A_PROJECT, "“other.db” is a database of another program, not a Tally project");
}

/* Projects are files people send: the store opens them with SQLite's
 * defensive flag on and the schema untrusted, so a crafted file cannot write
 * the schema or have its views and triggers call functions. */
static void
test_defensive (void)
{
  g_autofree char *path = temp_project ("defensive.tally");
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyStore) store = NULL;
  sqlite3 *db;
  int defensive = -1, trusted = -1;

  store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&store, tally_store_close);
  store = tally_store_open (path, TALLY_STORE_OPEN_CHECKED, &error);
  g_assert_no_error (error);
  db = _tally_store_get_db (store);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive), ==, SQLITE_OK);
  g_assert_cmpint (defensive, ==, 1);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &trusted), ==, SQLITE_OK);
  g_assert_cmpint (trusted, ==, 0);
  /* What the flag is for: the schema cannot be written even when asked. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA writable_schema = ON; "
                                     "UPDATE sqlite_schema SET sql = sql WHERE name = 'documents'",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
}

/* A crafted file: Tally's id with a version of 0 or below. Each is refused
 * before any migration runs, the file left as it was; the same store opened
 * with TALLY_STORE_OPEN_CHECKED (no check) refuses too instead of indexing
 * the migrations with the version. */
static void
test_refuse_bad_version (void)
{
  static const gint64 versions[] = { 0, -1, -7, -100000, G_MININT32 };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *path = temp_project ("crafted.tally");
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %" G_GINT64_FORMAT,
                                              0x54616C79, versions[i]);
      g_autofree char *message = NULL;
      g_autoptr(GError) error = NULL;
      sqlite3 *db = NULL;
      TallyStore *store;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE documents (id INTEGER PRIMARY KEY)", NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);

      message = g_strdup_printf ("“crafted.tally” is not a Tally project (it claims project format %" G_GINT64_FORMAT ")", versions[i]);
      assert_refused (path, TALLY_STORE_ERROR_NOT_A_PROJECT, message);

      if (versions[i] < 0)
        {
          store = tally_store_open (path, TALLY_STORE_OPEN_CHECKED, &error);
          g_assert_null (store);
          g_assert_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_A_PROJECT);
        }
    }
}

static void
test_missing (void)
{
  g_autofree char *path = temp_project ("absent.tally");
  g_autoptr(GError) error = NULL;

  g_assert_null (tally_store_open (path, TALLY_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, TALLY_STORE_ERROR, TALLY_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "“absent.tally” does not exist");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_copy (void)
{
  g_autofree char *path = temp_project ("src.tally");
  g_autofree char *copy = temp_project ("copy.tally");
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyStore) store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);
  g_autoptr(TallyStore) reopened = NULL;
  g_autoptr(TallyDocumentRecord) r = fixture ("wrapped.md");
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_cmpint (tally_store_add_document (store, r, NULL, TALLY_DOCUMENT_ID_NONE, &error).value, ==, 1);
  g_assert_true (tally_store_copy_to (store, copy, &error));
  g_assert_no_error (error);
  reopened = tally_store_open (copy, TALLY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tally_store_count_documents (reopened), ==, 1);
  hits = tally_store_search (reopened, "midnight", 5, &error);
  g_assert_cmpuint (hits->len, ==, 1);
}

/* SQLite's journal mode as the file's header stores it: 1 rollback, 2 WAL. */
static int
header_journal_mode (const char *path)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  g_assert_cmpuint (len, >=, 100);
  g_assert_cmpint (bytes[18], ==, bytes[19]);
  return bytes[18];
}

static char *
pragma_text (TallyStore *store,
             const char *pragma)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (_tally_store_get_db (store), pragma, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* Which file systems get the rollback journal: FUSE (the document portal),
 * NFS, SMB and 9p; local ones keep WAL. */
static void
test_fs_types (void)
{
  g_autofree char *path = temp_project ("local.tally");
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyStore) store = NULL;

  g_assert_false (_tally_store_fs_shares_memory (0x65735546)); /* FUSE */
  g_assert_false (_tally_store_fs_shares_memory (0x6969));     /* NFS */
  g_assert_false (_tally_store_fs_shares_memory (0xFE534D42)); /* SMB2 */
  g_assert_false (_tally_store_fs_shares_memory (0x01021997)); /* 9p */
  g_assert_true (_tally_store_fs_shares_memory (0xEF53));      /* ext2/3/4 */
  g_assert_true (_tally_store_fs_shares_memory (0x01021994));  /* tmpfs */
  g_assert_true (_tally_store_fs_shares_memory (0x9123683E));  /* btrfs */

  /* The test's temporary folder is local: WAL there. */
  store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (tally_store_get_shares_memory (store));
  g_clear_pointer (&store, tally_store_close);
  g_assert_cmpint (header_journal_mode (path), ==, 2);
}

/* A project opened where shared memory does not work (what a FUSE path such
 * as the document portal's gets): a file left in WAL mode is read without a
 * "-shm" file ever being made, turned to a rollback journal, written, read
 * by a second connection beside the first, and opens normally afterwards. */
static void
test_no_shared_memory (void)
{
  g_autofree char *path = temp_project ("portal.tally");
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyStore) store = NULL;
  g_autoptr(TallyStore) reader = NULL;
  g_autoptr(TallyDocumentRecord) first = fixture ("wrapped.md");
  g_autoptr(TallyDocumentRecord) second = fixture ("plain.txt");
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *journal_mode = NULL;
  g_autofree char *mmap_size = NULL;
  g_autofree char *check = NULL;

  store = tally_store_open (path, TALLY_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally_store_add_document (store, first, NULL, TALLY_DOCUMENT_ID_NONE, &error).value, ==, 1);
  g_clear_pointer (&store, tally_store_close);
  g_assert_cmpint (header_journal_mode (path), ==, 2);
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  store = tally_store_open (path, TALLY_STORE_OPEN_NO_SHARED_MEMORY, &error);
  g_assert_no_error (error);
  g_assert_false (tally_store_get_shares_memory (store));
  journal_mode = pragma_text (store, "PRAGMA journal_mode");
  mmap_size = pragma_text (store, "PRAGMA mmap_size");
  g_assert_cmpstr (journal_mode, ==, "delete");
  g_assert_cmpstr (mmap_size, ==, "0");
  g_assert_cmpint (header_journal_mode (path), ==, 1);
  g_assert_cmpuint (tally_store_count_documents (store), ==, 1);
  g_assert_cmpint (tally_store_add_document (store, second, NULL, TALLY_DOCUMENT_ID_NONE, &error).value, ==, 2);
  g_assert_no_error (error);

  /* The project's other connections (import, readers in workers) open it too. */
  reader = tally_store_open (path, TALLY_STORE_OPEN_CHECKED | TALLY_STORE_OPEN_NO_SHARED_MEMORY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tally_store_count_documents (reader), ==, 2);
  hits = tally_store_search (reader, "midnight", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_clear_pointer (&reader, tally_store_close);
  g_clear_pointer (&store, tally_store_close);

  store = tally_store_open (path, TALLY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tally_store_count_documents (store), ==, 2);
  check = pragma_text (store, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/document-id-keys", test_document_id_keys);
  g_test_add_func ("/store/round-trip", test_round_trip);
  g_test_add_func ("/store/duplicate-and-list", test_duplicate_and_list);
  g_test_add_func ("/store/search", test_search);
  g_test_add_func ("/store/search-languages", test_search_languages);
  g_test_add_func ("/store/corrections", test_corrections);
  g_test_add_func ("/store/migration", test_migration);
  g_test_add_func ("/store/migration/kept-facts", test_migration_kept_facts);
  g_test_add_func ("/store/kept-facts", test_kept_facts);
  g_test_add_func ("/store/relative-path", test_relative_path);
  g_test_add_func ("/store/refuse/newer", test_refuse_newer);
  g_test_add_func ("/store/refuse/corrupt", test_refuse_corrupt);
  g_test_add_func ("/store/refuse/foreign", test_refuse_foreign);
  g_test_add_func ("/store/refuse/missing", test_missing);
  g_test_add_func ("/store/refuse/bad-version", test_refuse_bad_version);
  g_test_add_func ("/store/defensive", test_defensive);
  g_test_add_func ("/store/copy", test_copy);
  g_test_add_func ("/store/no-shared-memory/fs-types", test_fs_types);
  g_test_add_func ("/store/no-shared-memory/wal-file", test_no_shared_memory);

  return g_test_run ();
}
