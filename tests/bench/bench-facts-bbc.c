/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <lzma.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "tally-claims.h"
#include "tally-fact-json.h"
#include "tally-facts.h"
#include "tally-ingest.h"
#include "tally-json-export.h"
#include "tally-stories.h"

/* Facts on real text no one here wrote: the BBC News corpus
 * (../shared/corpora/bbc.tar.xz, 2,225 articles in five sections). The
 * articles are unpacked to a temporary folder and copied FLAT under shuffled
 * names, so the engine cannot read a section from a path; the section of
 * each file is kept here only, to score. Prints, with and without stories:
 * facts, multi-source facts, the share of those mixing sections (target
 * ≤ 5 %), conflicts as a share of facts (≤ 3 %), the largest fact's sources
 * (≤ 15); and what finding stories costs. Skips (77) when ../shared is absent. */

typedef struct
{
  char *name;               /* flat file name */
  char *section;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_free (entry->section);
  g_free (entry);
}

/* .tar.xz → every regular file under `prefix/SECTION/NAME.txt`, as bytes. */
static GPtrArray *
read_tar_xz (const char  *path,
             GHashTable  *files,
             GError     **error)
{
  g_autofree char *packed = NULL;
  gsize packed_len;
  lzma_stream stream = LZMA_STREAM_INIT;
  g_autoptr(GByteArray) tar = g_byte_array_new ();
  guint8 buffer[1 << 16];
  lzma_ret ret;

  if (!g_file_get_contents (path, &packed, &packed_len, error))
    return NULL;
  if (lzma_stream_decoder (&stream, UINT64_MAX, 0) != LZMA_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot start the xz decoder", path);
      return NULL;
    }
  stream.next_in = (const guint8 *) packed;
  stream.avail_in = packed_len;
  do
    {
      stream.next_out = buffer;
      stream.avail_out = sizeof buffer;
      ret = lzma_code (&stream, LZMA_FINISH);
      g_byte_array_append (tar, buffer, sizeof buffer - stream.avail_out);
    }
  while (ret == LZMA_OK);
  lzma_end (&stream);
  if (ret != LZMA_STREAM_END)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not a valid xz file", path);
      return NULL;
    }

  /* ustar: 512-byte headers, name at 0 (100 bytes), size in octal at 124,
   * type at 156, prefix at 345. */
  for (gsize at = 0; at + 512 <= tar->len;)
    {
      const char *header = (const char *) tar->data + at;
      g_autofree char *name = g_strndup (header, 100);
      g_autofree char *prefix = g_strndup (header + 345, 155);
      guint64 size = g_ascii_strtoull (header + 124, NULL, 8);
      g_autofree char *full = NULL;

      if (header[0] == '\0')
        break;
      full = prefix[0] != '\0' ? g_strconcat (prefix, "/", name, NULL) : g_strdup (name);
      if ((header[156] == '0' || header[156] == '\0') && g_str_has_suffix (full, ".txt")
          && at + 512 + size <= tar->len)
        g_hash_table_insert (files, g_steal_pointer (&full),
                             g_bytes_new (tar->data + at + 512, size));
      at += 512 + (size + 511) / 512 * 512;
    }
  return g_ptr_array_new ();
}

typedef struct
{
  guint facts;
  guint multi;
  guint mixed;
  guint conflicts;
  guint updated;
  guint largest;
  char *largest_label;
} Score;

static void
score_facts (GPtrArray  *facts,
             GHashTable *section_of,
             Score      *score)
{
  memset (score, 0, sizeof *score);
  for (guint f = 0; f < facts->len; f++)
    {
      const TallyFactRecord *fact = g_ptr_array_index (facts, f);
      const char *first_section = NULL;
      gboolean mixed = FALSE;

      score->facts++;
      score->conflicts += fact->status == TALLY_FACT_STATUS_CONFLICT;
      score->updated += fact->status == TALLY_FACT_STATUS_UPDATED;
      if (fact->documents->len < 2)
        continue;
      score->multi++;
      for (guint d = 0; d < fact->documents->len; d++)
        {
          const char *section = g_hash_table_lookup (section_of, g_ptr_array_index (fact->documents, d));

          if (first_section == NULL)
            first_section = section;
          else if (g_strcmp0 (first_section, section) != 0)
            mixed = TRUE;
        }
      score->mixed += mixed;
      if (fact->documents->len > score->largest)
        {
          score->largest = fact->documents->len;
          g_set_str (&score->largest_label, fact->label);
        }
    }
}

static void
print_score (const char  *what,
             const Score *score)
{
  printf ("%s: %u facts, %u with two or more sources, %.1f %% of those mix sections (target <= 5 %%), "
          "%u conflicts = %.1f %% of facts (target <= 3 %%), %u updated, largest fact %u sources (\"%s\", target <= 15)\n",
          what, score->facts, score->multi, score->multi ? 100.0 * score->mixed / score->multi : 0.0,
          score->conflicts, score->facts ? 100.0 * score->conflicts / score->facts : 0.0, score->updated,
          score->largest, score->largest_label ? score->largest_label : "");
}

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (void)
{
  g_autofree char *archive = g_build_filename (g_getenv ("TALLY_SOURCE_DIR") ?: ".", "..", "shared", "corpora",
                                               "bbc.tar.xz", NULL);
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_bytes_unref);
  g_autoptr(GHashTable) section_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_analyzed_document_free);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  GRand *rand = g_rand_new_with_seed (20050101);
  guint next_claim = 0, n_claims = 0;
  double t0, t_read, t_stories, t_group_before, t_group_after;
  Score before, after;
  GHashTableIter iter;
  gpointer key, value;

  if (!g_file_test (archive, G_FILE_TEST_EXISTS))
    {
      printf ("SKIP: %s is absent\n", archive);
      return 77;
    }
  if (read_tar_xz (archive, files, &error) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  paths = g_hash_table_get_keys_as_ptr_array (files);
  g_ptr_array_sort (paths, compare_names);

  /* Flat, shuffled: file NNNNN.txt, its section known only here. */
  dir = g_dir_make_tmp ("tally-bbc-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = paths->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) i);
      gpointer tmp = paths->pdata[i - 1];

      paths->pdata[i - 1] = paths->pdata[j];
      paths->pdata[j] = tmp;
    }
  for (guint i = 0; i < paths->len; i++)
    {
      const char *tar_path = g_ptr_array_index (paths, i);
      g_auto(GStrv) parts = g_strsplit (tar_path, "/", -1);
      guint n_parts = g_strv_length (parts);
      Entry *entry;
      gsize len;
      GBytes *bytes = g_hash_table_lookup (files, tar_path);
      g_autofree char *file = NULL;
      const char *data = g_bytes_get_data (bytes, &len);

      if (n_parts < 3)
        continue;
      entry = g_new0 (Entry, 1);
      entry->name = g_strdup_printf ("%05u.txt", entries->len);
      entry->section = g_strdup (parts[n_parts - 2]);
      file = g_build_filename (dir, entry->name, NULL);
      if (!g_file_set_contents (file, data, len, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (entries, entry);
    }
  printf ("BBC corpus: %u articles, copied flat to %s under shuffled names\n", entries->len, dir);

  /* Read and extract as tally-cli analyze does. */
  t0 = now_s ();
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autofree char *file = g_build_filename (dir, entry->name, NULL);
      g_autofree char *id = g_strdup_printf ("d%u", i + 1);
      TallyAnalyzedDocument *document = tally_analyzed_document_new (id, file);
      TallyExtractOptions options;

      g_hash_table_insert (section_of, g_strdup (id), g_strdup (entry->section));
      document->record = tally_ingest_listed_file (file, NULL);
      g_ptr_array_add (documents, document);
      if (document->record == NULL)
        continue;
      tally_extract_options_init (&options);
      if (document->record->published != NULL)
        tally_extract_options_set_reference_date (&options, document->record->published);
      g_ptr_array_unref (document->claims);
      document->claims = tally_extract_claims (document->record->text, document->record->text_len, &options);
      for (guint c = 0; c < document->claims->len; c++)
        g_ptr_array_add (document->claim_ids, g_strdup_printf ("c%u", ++next_claim));
      n_claims += document->claims->len;
      g_unlink (file);
    }
  g_rmdir (dir);
  t_read = now_s () - t0;
  printf ("read and extracted: %u documents, %u claims in %.2f s\n", documents->len, n_claims, t_read);

  /* Before: no stories (as grouped until now). */
  {
    g_autoptr(TallyFactInputs) inputs = tally_fact_inputs_from_documents (documents);
    g_autoptr(GPtrArray) facts = NULL;

    t0 = now_s ();
    facts = tally_group_facts ((const TallyFactInput *) inputs->inputs->data, inputs->inputs->len);
    t_group_before = now_s () - t0;
    score_facts (facts, section_of, &before);
  }

  t0 = now_s ();
  stories = tally_analyzed_documents_find_stories (documents);
  t_stories = now_s () - t0;
  {
    guint multi = 0, mixed = 0, largest = 0, in_multi = 0;

    for (guint s = 0; s < stories->len; s++)
      {
        const TallyStoryRecord *story = g_ptr_array_index (stories, s);
        const char *first = NULL;
        gboolean mix = FALSE;

        if (story->documents->len < 2)
          continue;
        multi++;
        in_multi += story->documents->len;
        largest = MAX (largest, story->documents->len);
        for (guint d = 0; d < story->documents->len; d++)
          {
            const TallyAnalyzedDocument *document = g_ptr_array_index (documents,
                                                                       g_array_index (story->documents, guint, d));
            const char *section = g_hash_table_lookup (section_of, document->id);

            if (first == NULL)
              first = section;
            else if (g_strcmp0 (first, section) != 0)
              mix = TRUE;
          }
        mixed += mix;
      }
    printf ("stories: %u (%u with two or more articles, holding %u articles; %u of those mix sections; "
            "largest %u articles) in %.3f s\n",
            stories->len, multi, in_multi, mixed, largest, t_stories);
    for (guint s = 0; s < MIN (8, stories->len); s++)
      {
        const TallyStoryRecord *story = g_ptr_array_index (stories, s);

        printf ("  %s: %u articles, \"%s\"\n", story->id, story->documents->len, story->name);
      }
  }

  /* After: facts keyed by story (and subject, where the claims name one). */
  {
    g_autoptr(TallyFactInputs) inputs = tally_fact_inputs_from_documents (documents);
    g_autoptr(GPtrArray) facts = NULL;

    t0 = now_s ();
    facts = tally_group_facts ((const TallyFactInput *) inputs->inputs->data, inputs->inputs->len);
    t_group_after = now_s () - t0;
    score_facts (facts, section_of, &after);
    if (g_getenv ("TALLY_BENCH_VERBOSE") != NULL)
      for (guint f = 0; f < facts->len; f++)
        {
          const TallyFactRecord *fact = g_ptr_array_index (facts, f);

          if (fact->documents->len >= 2)
            printf ("  [%s] %s (%u sources): %s\n", tally_fact_status_to_string (fact->status), fact->label,
                    fact->documents->len, fact->explanation);
        }
  }

  print_score ("before (facts keyed by measure, scope, kind/unit)", &before);
  print_score ("after (keyed by story and subject too)", &after);
  printf ("grouping: %.3f s before, %.3f s after; finding stories %.3f s (%.2f ms per 100 articles); "
          "reading and extracting %.2f s\n",
          t_group_before, t_group_after, t_stories, 100 * 1000 * t_stories / MAX (1, documents->len), t_read);
  g_free (before.largest_label);
  g_free (after.largest_label);
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &key, &value))
    ;
  g_rand_free (rand);
  return 0;
}
