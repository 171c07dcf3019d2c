/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "claims-corpus.h"

#include <gio/gio.h>
#include <string.h>

#include "tally-json-export.h"

static void
expected_free (ExpectedClaim *e)
{
  g_free (e->text);
  for (guint i = 0; i < G_N_ELEMENTS (e->fields); i++)
    g_free (e->fields[i]);
  g_free (e);
}

static void
document_free (CorpusDocument *doc)
{
  g_free (doc->name);
  g_free (doc->text);
  g_ptr_array_unref (doc->expected);
  g_free (doc);
}

static gboolean
load_expected (CorpusDocument  *doc,
               const char      *path,
               GError         **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_auto(GStrv) cols = NULL;
      ExpectedClaim *e;

      if (lines[n][0] == '\0' || lines[n][0] == '#')
        continue;
      cols = g_strsplit (lines[n], "\t", -1);
      if (g_str_equal (cols[0], "@reference"))
        {
          if (cols[1] == NULL || !tally_extract_options_set_reference_date (&doc->options, cols[1]))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%u: bad reference date", path, n + 1);
              return FALSE;
            }
          continue;
        }
      if (g_strv_length (cols) != 9)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%u: %u columns, not 9", path, n + 1,
                       g_strv_length (cols));
          return FALSE;
        }
      e = g_new0 (ExpectedClaim, 1);
      e->text = g_strdup (cols[0]);
      for (guint f = 0; f < 8; f++)
        e->fields[f] = g_strdup (cols[f + 1]);
      if (e->fields[F_MEASURE][0] == '~')
        {
          char *m = g_strdup (e->fields[F_MEASURE] + 1);

          g_free (e->fields[F_MEASURE]);
          e->fields[F_MEASURE] = m;
          e->known_miss = TRUE;
        }
      g_ptr_array_add (doc->expected, e);
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
claims_corpus_load (const char  *dir,
                    GError     **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  const char *name;

  if (d == NULL)
    return NULL;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *base = g_strndup (file, strlen (file) - 4);
      g_autofree char *expected = g_strconcat (base, ".expected", NULL);
      g_autofree char *expected_path = g_build_filename (dir, expected, NULL);
      CorpusDocument *doc = g_new0 (CorpusDocument, 1);

      doc->name = g_strdup (base);
      doc->expected = g_ptr_array_new_with_free_func ((GDestroyNotify) expected_free);
      tally_extract_options_init (&doc->options);
      g_ptr_array_add (docs, doc);
      if (!g_file_get_contents (path, &doc->text, &doc->len, error)
          || !load_expected (doc, expected_path, error))
        return NULL;
    }
  return g_steal_pointer (&docs);
}

static char *
node_field (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("-");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup_printf ("%" G_GINT64_FORMAT,
                            json_object_get_int_member (json_node_get_object (node), "year"));
  return tally_json_to_string (node, 0);
}

void
claims_corpus_fields (const CorpusDocument   *doc,
                      const TallyClaimRecord *claim,
                      char                  **text,
                      char                   *fields[8])
{
  static const char * const members[] = { "kind", "value", "value_max", "unit", "qualifier", "measure",
                                          "change", "scope" };
  g_autoptr(JsonNode) node = tally_json_claim_node (claim, "c", "d", doc->text, doc->len);
  JsonObject *object = json_node_get_object (node);

  *text = g_strdup (json_object_get_string_member (object, "text"));
  for (guint f = 0; f < 8; f++)
    fields[f] = node_field (object, members[f]);
}

void
claims_corpus_score (const CorpusDocument *doc,
                     GPtrArray            *claims,
                     CorpusScore          *score,
                     GString              *report)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);

  /* Key each extracted claim by its words and their occurrence number. */
  for (guint i = 0; i < claims->len; i++)
    {
      g_autofree char *text = NULL;
      char *fields[8];
      guint n;

      claims_corpus_fields (doc, g_ptr_array_index (claims, i), &text, fields);
      for (guint f = 0; f < 8; f++)
        g_free (fields[f]);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, text));
      g_hash_table_replace (seen, g_strdup (text), GUINT_TO_POINTER (n + 1));
      g_ptr_array_add (keys, g_strdup_printf ("%s#%u", text, n));
      g_hash_table_insert (by_key, g_ptr_array_index (keys, keys->len - 1), g_ptr_array_index (claims, i));
    }
  g_hash_table_remove_all (seen);

  score->expected += doc->expected->len;
  score->extracted += claims->len;
  for (guint i = 0; i < doc->expected->len; i++)
    {
      const ExpectedClaim *e = g_ptr_array_index (doc->expected, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, e->text));
      g_autofree char *key = g_strdup_printf ("%s#%u", e->text, n);
      const TallyClaimRecord *claim = g_hash_table_lookup (by_key, key);
      g_autofree char *text = NULL;
      char *fields[8];
      gboolean core = TRUE;

      g_hash_table_replace (seen, g_strdup (e->text), GUINT_TO_POINTER (n + 1));
      if (claim == NULL)
        {
          if (report)
            g_string_append_printf (report, "%s: missing “%s”\n", doc->name, e->text);
          continue;
        }
      g_hash_table_add (matched, (gpointer) claim);
      claims_corpus_fields (doc, claim, &text, fields);
      for (guint f = F_KIND; f <= F_QUALIFIER; f++)
        core &= g_strcmp0 (fields[f], e->fields[f]) == 0;
      if (core)
        {
          score->core_matched++;
          if (g_strcmp0 (fields[F_MEASURE], e->fields[F_MEASURE]) == 0)
            score->measure_matched++;
        }
      if (report)
        for (guint f = 0; f < 8; f++)
          if (g_strcmp0 (fields[f], e->fields[f]) != 0)
            g_string_append_printf (report, "%s: “%s” field %u: got “%s”, expected “%s”%s\n", doc->name, e->text, f,
                                    fields[f], e->fields[f],
                                    f == F_MEASURE && e->known_miss ? " (known miss)" : "");
      for (guint f = 0; f < 8; f++)
        g_free (fields[f]);
    }
  if (report)
    for (guint i = 0; i < claims->len; i++)
      if (!g_hash_table_contains (matched, g_ptr_array_index (claims, i)))
        g_string_append_printf (report, "%s: unexpected claim “%s”\n", doc->name,
                                (const char *) g_ptr_array_index (keys, i));
}
