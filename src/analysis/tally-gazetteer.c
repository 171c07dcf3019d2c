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
  gboolean pair;        /* from <lang>.pairs: two countries */
} Name;

struct _TallyGazetteer
{
  GStringChunk *strings;
  GHashTable *names;    /* key → Name */
  /* First character → GPtrArray of Name, longest first: the prefix match
   * compares only the names that can start where it stands. */
  GHashTable *by_first;
  GMutex stems_lock;
  GHashTable *stems;    /* folded stem → country subject or a NULL value */
  GHashTable *shown;    /* subject → its shortest name here, made on first use */
  char *language;
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

  if (g_str_equal (section, "pair") && value != NULL)
    {
      /* "中俄 = China–Russia": two countries as one subject. */
      folded = fold (key, strlen (key));
      name = g_new0 (Name, 1);
      name->key = g_string_chunk_insert_const (g->strings, folded);
      name->len = strlen (folded);
      name->subject = g_string_chunk_insert_const (g->strings, value);
      name->kind = TALLY_SUBJECT_KIND_COUNTRY;
      name->pair = TRUE;
      g_hash_table_replace (g->names, (gpointer) name->key, name);
      return TRUE;
    }
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
               const char *latin_file,
               GBytes     *pairs,
               const char *pairs_file)
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
  if (pairs != NULL)
    read_names (g, pairs, pairs_file);
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
      g_autofree char *pairs_path = g_strdup_printf ("/io/github/tallyapp/Tally/analysis/lexicons/%s.pairs", language);
      g_autoptr(GBytes) pairs = g_resources_lookup_data (pairs_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GBytes) latin = g_str_equal (language, "en")
                                ? NULL : g_resources_lookup_data (latin_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      if (bytes != NULL)
        {
          g = gazetteer_new (bytes, path, orgs, orgs_path, latin, latin_path, pairs, pairs_path);
          g->language = g_strdup (language);
        }
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
  return tally_gazetteer_match_prefix_full (gazetteer, text, len, subject, kind, NULL);
}

gsize
tally_gazetteer_match_prefix_full (const TallyGazetteer *gazetteer,
                                   const char           *text,
                                   gsize                 len,
                                   const char          **subject,
                                   TallySubjectKind     *kind,
                                   gboolean             *pair)
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
          if (pair != NULL)
            *pair = name->pair;
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

#define PAIR_DASH "\xe2\x80\x93"  /* en dash */

static GMutex pairs_lock;

/* "China–Russia" → "CN-RU": the ids of a pair's two countries, interned. */
static const char *
pair_id (const char *subject)
{
  static GHashTable *ids;  /* pair → id or a NULL value, never freed */
  const char *dash = strstr (subject, PAIR_DASH);
  const char *id = NULL;

  if (dash == NULL)
    return NULL;
  g_mutex_lock (&pairs_lock);
  if (ids == NULL)
    ids = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_lookup_extended (ids, subject, NULL, (gpointer *) &id))
    {
      g_autofree char *one = g_strndup (subject, dash - subject);
      const char *a = g_hash_table_lookup (subject_ids (), one);
      const char *b = g_hash_table_lookup (subject_ids (), dash + strlen (PAIR_DASH));

      id = a != NULL && b != NULL ? g_intern_string (g_strdup_printf ("%s-%s", a, b)) : NULL;
      g_hash_table_insert (ids, (gpointer) g_intern_string (subject), (gpointer) id);
    }
  g_mutex_unlock (&pairs_lock);
  return id;
}

const char *
tally_gazetteer_subject_id (const char *subject)
{
  const char *id;

  if (subject == NULL)
    return NULL;
  id = g_hash_table_lookup (subject_ids (), subject);
  return id != NULL ? id : pair_id (subject);
}

const char *
tally_gazetteer_pair (const char *one,
                      const char *two)
{
  g_autofree char *pair = NULL;

  if (one == NULL || two == NULL || g_str_equal (one, two)
      || g_hash_table_lookup (subject_ids (), one) == NULL || g_hash_table_lookup (subject_ids (), two) == NULL)
    return NULL;
  pair = strcmp (one, two) < 0 ? g_strconcat (one, PAIR_DASH, two, NULL) : g_strconcat (two, PAIR_DASH, one, NULL);
  return g_intern_string (pair);
}

/* A name of `gazetteer` or a subject as it stands ("Russia"), as a country. */
static const char *
country_of (const TallyGazetteer *gazetteer,
            const char           *text,
            gsize                 len)
{
  g_autofree char *name = g_strndup (text, len);
  TallySubjectKind kind = TALLY_SUBJECT_KIND_NONE;
  const char *subject = tally_gazetteer_lookup (gazetteer, name, len, &kind);

  if (subject != NULL)
    return kind == TALLY_SUBJECT_KIND_COUNTRY ? subject : NULL;
  return g_hash_table_lookup (subject_ids (), name) != NULL ? g_intern_string (name) : NULL;
}

const char *
tally_gazetteer_pair_of (const TallyGazetteer *gazetteer,
                         const char           *text,
                         gsize                 len)
{
  /* "China–Russia", "China-Russia", "Russia–China": the first dash. */
  for (gsize i = 1; i + 1 < len; i++)
    {
      gsize dash = text[i] == '-' ? 1 : (i + 3 < len && memcmp (text + i, PAIR_DASH, 3) == 0) ? 3 : 0;
      const char *one, *two;

      if (dash == 0)
        continue;
      one = country_of (gazetteer, text, i);
      two = one != NULL ? country_of (gazetteer, text + i + dash, len - i - dash) : NULL;
      return two != NULL ? tally_gazetteer_pair (one, two) : NULL;
    }
  return NULL;
}

char *
tally_gazetteer_dup_display_name (const char *subject)
{
  return tally_gazetteer_dup_name_in (subject, uloc_getDefault ());
}

char *
tally_gazetteer_dup_name_in (const char *subject,
                             const char *interface)
{
  const char *id = tally_gazetteer_subject_id (subject);
  char language[16] = { 0 };
  char region[32];
  UChar name[128];
  UErrorCode status = U_ZERO_ERROR;
  int32_t len;

  if (subject == NULL)
    return NULL;
  /* A pair: each country in the interface's language. */
  {
    const char *dash = strstr (subject, PAIR_DASH);

    if (dash != NULL && id != NULL)
      {
        g_autofree char *one = g_strndup (subject, dash - subject);
        g_autofree char *a = tally_gazetteer_dup_name_in (one, interface);
        g_autofree char *b = tally_gazetteer_dup_name_in (dash + strlen (PAIR_DASH), interface);

        return g_strconcat (a, PAIR_DASH, b, NULL);
      }
  }
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

/* The one country with a name of one word that starts with `stem` (case
 * folded), or NULL. */
static const char *
country_by_stem_uncached (const TallyGazetteer *gazetteer,
                          const char           *stem)
{
  GHashTableIter iter;
  const Name *name;
  const char *found = NULL;
  gsize len = strlen (stem);

  g_hash_table_iter_init (&iter, gazetteer->names);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &name))
    {
      g_autofree char *key = NULL;

      /* names of one word: "Американское Самоа" is not what "американск" is */
      if (name->kind != TALLY_SUBJECT_KIND_COUNTRY || name->pair || name->len < len || strchr (name->key, ' ') != NULL)
        continue;
      key = g_utf8_casefold (name->key, name->len);
      if (strncmp (key, stem, len) != 0)
        continue;
      if (found != NULL && !g_str_equal (found, name->subject))
        return NULL;
      found = name->subject;
    }
  return found;
}

const char *
tally_gazetteer_country_by_stem (const TallyGazetteer *gazetteer,
                                 const char           *stem,
                                 gsize                 len)
{
  TallyGazetteer *g = (TallyGazetteer *) gazetteer;
  g_autofree char *folded = NULL;
  const char *found = NULL;
  /* "российск": "росси" is Россия; "индийск": "инди" is Индия. */
  static const char * const endings[] = { "", "й", "и", "ь" };

  if (gazetteer == NULL || len == 0)
    return NULL;
  folded = g_utf8_casefold (stem, len);
  g_mutex_lock (&g->stems_lock);
  if (g->stems == NULL)
    g->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_lookup_extended (g->stems, folded, NULL, (gpointer *) &found))
    {
      for (guint i = 0; i < G_N_ELEMENTS (endings) && found == NULL; i++)
        {
          gsize n = strlen (folded), e = strlen (endings[i]);
          g_autofree char *shorter = NULL;

          if (n < e || strcmp (folded + n - e, endings[i]) != 0)
            continue;
          shorter = g_strndup (folded, n - e);
          /* four letters at least: a shorter stem begins too many names */
          if (g_utf8_strlen (shorter, -1) >= 4)
            found = country_by_stem_uncached (g, shorter);
        }
      g_hash_table_insert (g->stems, g_strdup (folded), (gpointer) found);
    }
  g_mutex_unlock (&g->stems_lock);
  return found;
}

const char *
tally_gazetteer_name_of (const TallyGazetteer *gazetteer,
                         const char           *subject)
{
  TallyGazetteer *g = (TallyGazetteer *) gazetteer;
  const char *name;

  if (gazetteer == NULL || subject == NULL)
    return NULL;
  /* English keys are folded: the subject is the English name. */
  if (g_strcmp0 (g->language, "en") == 0)
    return subject;
  g_mutex_lock (&g->stems_lock);
  if (g->shown == NULL)
    {
      GHashTableIter iter;
      const Name *n;

      g->shown = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_iter_init (&iter, g->names);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &n))
        {
          const Name *best;

          if (n->pair || (n->kind != TALLY_SUBJECT_KIND_COUNTRY && n->kind != TALLY_SUBJECT_KIND_PLACE))
            continue;
          /* the shortest name, ties in byte order: "Россия", not
           * "Российская Федерация" */
          best = g_hash_table_lookup (g->shown, n->subject);
          if (best == NULL || n->len < best->len || (n->len == best->len && strcmp (n->key, best->key) < 0))
            g_hash_table_insert (g->shown, (gpointer) n->subject, (gpointer) n);
        }
    }
  {
    const Name *n = g_hash_table_lookup (g->shown, subject);

    name = n != NULL ? n->key : NULL;
  }
  g_mutex_unlock (&g->stems_lock);
  return name;
}
