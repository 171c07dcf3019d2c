/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Robustness: every fixture, mutated thousands of ways (flipped bytes,
 * truncations, stray markup, NULs, invalid UTF-8), either becomes a record
 * whose spans and map stay inside its text, or a TALLY_INGEST_ERROR. Run
 * under the sanitizers, this is the ingest fuzzer with a fixed seed. */
#include <string.h>

#include "tally-ingest.h"

static const char * const fixtures[] = {
  "plain.txt", "slug.txt", "wrapped.md", "article.html", "jsonld.html", "divsoup.html", "wire-a.txt",
};

static const char * const inserts[] = {
  "<", ">", "</p>", "<p>", "<article>", "<!--", "-->", "&amp;", "&#x", "\"", "\n", "\r", "\r\n", "\xC3",
  "\xFF\xFE", "\xEF\xBB\xBF", "\0", "5 Comments\n", "By ", "Leave a Reply\n", "<script>", "{\"@type\":",
  "June 31, 2027", "-_-_-", "\xE2\x80\x99", "<h1>", "<time datetime=\"9999-99-99\">",
};

static void
check_record (const TallyDocumentRecord *r)
{
  g_assert_nonnull (r->text);
  g_assert_cmpuint (strlen (r->text), ==, r->text_len);
  g_assert_true (g_utf8_validate (r->text, r->text_len, NULL));
  for (guint i = 0; i < r->paragraphs->len; i++)
    {
      const TallySpan *s = &g_array_index (r->paragraphs, TallySpan, i);

      g_assert_cmpuint (s->start, <=, s->end);
      g_assert_cmpuint (s->end, <=, r->text_len);
    }
  for (guint i = 0; i < r->sentences->len; i++)
    {
      const TallySpan *s = &g_array_index (r->sentences, TallySpan, i);

      g_assert_cmpuint (s->end, <=, r->text_len);
    }
  for (guint i = 0; i < r->boilerplate->len; i++)
    g_assert_cmpuint (((TallyBoilerplate *) g_ptr_array_index (r->boilerplate, i))->offset, <=, r->text_len);
  for (guint i = 1; i < r->offset_map->len; i++)
    g_assert_cmpuint (g_array_index (r->offset_map, TallyOffsetMapEntry, i - 1).text_offset, <,
                      g_array_index (r->offset_map, TallyOffsetMapEntry, i).text_offset);
}

static void
test_mutations (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270304);
  guint rounds = g_test_slow () ? 20000 : 2000;
  guint records = 0, errors = 0;

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ingest", fixtures[f], NULL);
      g_autofree char *original = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &original, &len, NULL));
      for (guint round = 0; round < rounds / G_N_ELEMENTS (fixtures); round++)
        {
          GByteArray *data = g_byte_array_new ();
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(TallyDocumentRecord) r = NULL;
          guint edits = g_rand_int_range (rand, 1, 12);

          g_byte_array_append (data, (const guint8 *) original, len);
          for (guint e = 0; e < edits && data->len > 0; e++)
            {
              guint at = g_rand_int_range (rand, 0, data->len);

              switch (g_rand_int_range (rand, 0, 4))
                {
                case 0:
                  data->data[at] = (guint8) g_rand_int_range (rand, 1, 256);
                  break;
                case 1:
                  g_byte_array_set_size (data, at);
                  break;
                case 2:
                  {
                    const char *ins = inserts[g_rand_int_range (rand, 0, G_N_ELEMENTS (inserts))];
                    gsize ins_len = ins[0] == '\0' ? 1 : strlen (ins);

                    g_array_insert_vals ((GArray *) data, at, ins, ins_len);
                  }
                  break;
                default:
                  {
                    guint n = g_rand_int_range (rand, 1, 64);

                    g_byte_array_remove_range (data, at, MIN (n, data->len - at));
                  }
                  break;
                }
            }
          bytes = g_byte_array_free_to_bytes (data);
          r = tally_ingest_bytes (bytes, path, &error);
          if (r != NULL)
            {
              g_assert_no_error (error);
              check_record (r);
              records++;
            }
          else
            {
              g_assert_nonnull (error);
              g_assert_true (error->domain == TALLY_INGEST_ERROR);
              errors++;
            }
        }
    }
  g_test_message ("%u records, %u refused", records, errors);
  g_assert_cmpuint (records, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ingest/mutations", test_mutations);
  return g_test_run ();
}
