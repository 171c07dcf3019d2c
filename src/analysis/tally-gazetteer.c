/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <string.h>
#include <unicode/uloc.h>

#include "tally-analysis-resources.h"
#include "tally-gazetteer.h"
#include "tally-lexicon-file.h"

typedef struct
{
  const char *key;      /* folded as the lexicon folds: ASCII to lower case */
  gsize len;
  const char *subject;
  TallySubjectKind kind;
} Name;

struct _TallyGazetteer
{
  GStringChunk *strings;
  GHashTable *names;    /* key → Name */
  /* First character → GPtrArray of Name, longest first: the prefix match
   * compares only the names that can start where it stands. */
  GHashTable *by_first;
};

static char *
fold (const char *text,
      gsize       len)
{
  char *out = g_strndup (text, len);

  for (gsize i = 0; i < len; i++)
    out[i] = g_ascii_tolower (out[i]);
  return out;
}

static gboolean
read_name (const char  *section,
           char        *key,
           const char  *value,
           gpointer     user_data,
           GError     **error)
{
  TallyGazetteer *g = user_data;
  const char *space;
  g_autofree char *kind_name = NULL;
  g_autofree char *folded = NULL;
  TallySubjectKind kind;
  Name *name;

  if (!g_str_equal (section, "name"))
    return TRUE;
  space = value != NULL ? strchr (value, ' ') : NULL;
  if (space == NULL || space[1] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s” needs “kind Name”", key);
      return FALSE;
    }
  kind_name = g_strndup (value, space - value);
  if (!tally_subject_kind_from_string (kind_name, &kind) || kind == TALLY_SUBJECT_KIND_NONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown kind “%s”", kind_name);
      return FALSE;
    }
  folded = fold (key, strlen (key));
  name = g_new0 (Name, 1);
  name->key = g_string_chunk_insert_const (g->strings, folded);
  name->len = strlen (folded);
  name->subject = g_string_chunk_insert_const (g->strings, space + 1);
  name->kind = kind;
  g_hash_table_replace (g->names, (gpointer) name->key, name);
  return TRUE;
}

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  const Name *x = *(const Name * const *) a;
  const Name *y = *(const Name * const *) b;

  return (x->len < y->len) - (x->len > y->len);
}

static void
read_names (TallyGazetteer *g,
            GBytes         *bytes,
            const char     *file)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  /* A broken generated file is a build error; say it and keep what was read. */
  if (!tally_lexicon_file_read (data, len, file, NULL, read_name, g, &error))
    g_critical ("%s", error->message);
}

/* `names` (countries, places) and `orgs` (organisations and people: the
 * language's own, then the English names any text may write in Latin
 * letters; each may be NULL): a country's name wins over an organisation
 * written the same. */
static TallyGazetteer *
gazetteer_new (GBytes     *names,
               const char *names_file,
               GBytes     *orgs,
               const char *orgs_file,
               GBytes     *latin,
               const char *latin_file)
{
  TallyGazetteer *g = g_new0 (TallyGazetteer, 1);
  GHashTableIter iter;
  Name *name;

  g->strings = g_string_chunk_new (4096);
  g->names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g->by_first = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  if (latin != NULL)
    read_names (g, latin, latin_file);
  if (orgs != NULL)
    read_names (g, orgs, orgs_file);
  read_names (g, names, names_file);
  g_hash_table_iter_init (&iter, g->names);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &name))
    {
      gunichar first = g_utf8_get_char (name->key);
      GPtrArray *list = g_hash_table_lookup (g->by_first, GUINT_TO_POINTER (first));

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (g->by_first, GUINT_TO_POINTER (first), list);
        }
      g_ptr_array_add (list, name);
    }
  g_hash_table_iter_init (&iter, g->by_first);
  {
    GPtrArray *list;

    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &list))
      g_ptr_array_sort (list, longest_first);
  }
  return g;
}

static GMutex gazetteers_lock;
static GHashTable *gazetteers;  /* language → TallyGazetteer or a NULL value, never freed */

const TallyGazetteer *
tally_gazetteer_get (const char *language)
{
  TallyGazetteer *g = NULL;

  g_return_val_if_fail (language != NULL, NULL);
  g_mutex_lock (&gazetteers_lock);
  if (gazetteers == NULL)
    {
      gazetteers = g_hash_table_new (g_str_hash, g_str_equal);
      (void) tally_analysis_get_resource ();
    }
  if (!g_hash_table_lookup_extended (gazetteers, language, NULL, (gpointer *) &g))
    {
      g_autofree char *path = g_strdup_printf ("/io/github/tallyapp/Tally/analysis/lexicons/%s.names", language);
      g_autofree char *orgs_path = g_strdup_printf ("/io/github/tallyapp/Tally/analysis/lexicons/%s.orgs", language);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      const char *latin_path = "/io/github/tallyapp/Tally/analysis/lexicons/en.orgs";
      g_autoptr(GBytes) orgs = g_resources_lookup_data (orgs_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GBytes) latin = g_str_equal (language, "en")
                                ? NULL : g_resources_lookup_data (latin_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      if (bytes != NULL)
        g = gazetteer_new (bytes, path, orgs, orgs_path, latin, latin_path);
      g_hash_table_insert (gazetteers, g_strdup (language), g);
    }
  g_mutex_unlock (&gazetteers_lock);
  return g;
}

const char *
tally_gazetteer_lookup (const TallyGazetteer *gazetteer,
                        const char           *name,
                        gssize                len,
                        TallySubjectKind     *kind)
{
  g_autofree char *folded = NULL;
  const Name *found;

  if (gazetteer == NULL || name == NULL)
    return NULL;
  folded = fold (name, len < 0 ? strlen (name) : (gsize) len);
  found = g_hash_table_lookup (gazetteer->names, folded);
  if (found == NULL)
    return NULL;
  if (kind != NULL)
    *kind = found->kind;
  return found->subject;
}

gsize
tally_gazetteer_match_prefix (const TallyGazetteer *gazetteer,
                              const char           *text,
                              gsize                 len,
                              const char          **subject,
                              TallySubjectKind     *kind)
{
  GPtrArray *list;
  gunichar first;

  if (gazetteer == NULL || len == 0)
    return 0;
  first = g_utf8_get_char_validated (text, len);
  if (first < 0x80)
    first = g_ascii_tolower (first);
  list = g_hash_table_lookup (gazetteer->by_first, GUINT_TO_POINTER (first));
  if (list == NULL)
    return 0;
  for (guint i = 0; i < list->len; i++)
    {
      const Name *name = g_ptr_array_index (list, i);

      if (name->len <= len && g_ascii_strncasecmp (text, name->key, name->len) == 0)
        {
          if (subject != NULL)
            *subject = name->subject;
          if (kind != NULL)
            *kind = name->kind;
          return name->len;
        }
    }
  return 0;
}

static gboolean
read_id (const char  *section,
         char        *key,
         const char  *value,
         gpointer     user_data,
         GError     **error)
{
  if (g_str_equal (section, "subject") && value != NULL)
    g_hash_table_insert (user_data, g_strdup (key), g_strdup (value));
  return TRUE;
}

static GHashTable *
subject_ids (void)
{
  static GHashTable *ids;  /* subject → id, never freed */

  if (g_once_init_enter_pointer (&ids))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      (void) tally_analysis_get_resource ();
      bytes = g_resources_lookup_data ("/io/github/tallyapp/Tally/analysis/lexicons/subjects.ids",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        {
          gsize len;
          const char *data = g_bytes_get_data (bytes, &len);

          if (!tally_lexicon_file_read (data, len, "subjects.ids", NULL, read_id, table, &error))
            g_critical ("%s", error->message);
        }
      else
        g_critical ("%s", error->message);
      g_once_init_leave_pointer (&ids, table);
    }
  return ids;
}

const char *
tally_gazetteer_subject_id (const char *subject)
{
  if (subject == NULL)
    return NULL;
  return g_hash_table_lookup (subject_ids (), subject);
}

char *
tally_gazetteer_dup_display_name (const char *subject)
{
  const char *id = tally_gazetteer_subject_id (subject);
  const char *interface = uloc_getDefault ();
  char language[16] = { 0 };
  char region[32];
  UChar name[128];
  UErrorCode status = U_ZERO_ERROR;
  int32_t len;

  if (subject == NULL)
    return NULL;
  /* English, and the C locale ICU calls "en_US_POSIX", keep the subject
   * as the gazetteer wrote it: English output stays what it was. */
  uloc_getLanguage (interface, language, sizeof language, &status);
  if (id == NULL || U_FAILURE (status) || language[0] == '\0' || g_str_equal (language, "en"))
    return g_strdup (subject);
  g_snprintf (region, sizeof region, "und_%s", id);
  len = uloc_getDisplayCountry (region, interface, name, G_N_ELEMENTS (name), &status);
  if (U_FAILURE (status) || len <= 0)
    return g_strdup (subject);
  {
    char *utf8 = g_utf16_to_utf8 ((const gunichar2 *) name, len, NULL, NULL, NULL);

    return utf8 != NULL ? utf8 : g_strdup (subject);
  }
}
