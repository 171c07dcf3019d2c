/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-dictionary.h"

#include <string.h>

#ifdef HAVE_HUNSPELL
#include <hunspell/hunspell.h>
#endif

/* Hunspell handles are not thread-safe: one lock serves them all. A cache
 * keeps each word's lemma ("" for none), so that a corpus asks Hunspell about
 * each word form once; it is emptied when it grows past CACHE_MAX. */
#define CACHE_MAX 200000

typedef struct
{
#ifdef HAVE_HUNSPELL
  Hunhandle *handle;
#endif
  GHashTable *cache;  /* word → lemma or "" */
  GHashTable *cased;  /* word as written → lemma as written or "" */
  GHashTable *common; /* word as written → "1" when all its readings are lower case, else "" */
} Dictionary;

static GMutex lock;
static GHashTable *dictionaries;  /* name → Dictionary* or NULL when not found; never freed */

#ifdef HAVE_HUNSPELL
static Hunhandle *
open_handle (const char *name)
{
  const char *dirs[] = { g_getenv ("TALLY_HUNSPELL_DIR"), "/app/share/hunspell", "/usr/share/hunspell" };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *aff = NULL;
      g_autofree char *dic = NULL;

      if (dirs[i] == NULL)
        continue;
      aff = g_strdup_printf ("%s/%s.aff", dirs[i], name);
      dic = g_strdup_printf ("%s/%s.dic", dirs[i], name);
      if (g_file_test (aff, G_FILE_TEST_IS_REGULAR) && g_file_test (dic, G_FILE_TEST_IS_REGULAR))
        return Hunspell_create (aff, dic);
    }
  return NULL;
}
#endif

/* With the lock held. */
static Dictionary *
get_dictionary (const char *name)
{
  Dictionary *dict;

  if (dictionaries == NULL)
    dictionaries = g_hash_table_new (g_str_hash, g_str_equal);
  if (g_hash_table_lookup_extended (dictionaries, name, NULL, (gpointer *) &dict))
    return dict;
  dict = NULL;
#ifdef HAVE_HUNSPELL
  {
    Hunhandle *handle = open_handle (name);

    if (handle != NULL && g_strcmp0 (Hunspell_get_dic_encoding (handle), "UTF-8") == 0)
      {
        dict = g_new0 (Dictionary, 1);
        dict->handle = handle;
        dict->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        dict->cased = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        dict->common = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      }
    else if (handle != NULL)
      {
        g_debug ("Hunspell dictionary %s is not UTF-8: not used", name);
        Hunspell_destroy (handle);
      }
  }
#endif
  g_hash_table_insert (dictionaries, g_strdup (name), dict);
  return dict;
}

gboolean
tally_dictionary_available (const char *dictionary)
{
  gboolean found;

  g_return_val_if_fail (dictionary != NULL, FALSE);
  g_mutex_lock (&lock);
  found = get_dictionary (dictionary) != NULL;
  g_mutex_unlock (&lock);
  return found;
}

char *
tally_dictionary_lemma (const char *dictionary,
                        const char *word,
                        gsize       len)
{
  char *result = NULL;
  Dictionary *dict;
  g_autofree char *lower = NULL;
  const char *cached;

  g_return_val_if_fail (dictionary != NULL, NULL);
  if (word == NULL || len == 0 || len > 128 || !g_utf8_validate (word, len, NULL))
    return NULL;
  lower = g_utf8_strdown (word, len);
  g_mutex_lock (&lock);
  dict = get_dictionary (dictionary);
  if (dict == NULL)
    goto out;
  cached = g_hash_table_lookup (dict->cache, lower);
  if (cached != NULL)
    {
      result = *cached ? g_strdup (cached) : NULL;
      goto out;
    }
#ifdef HAVE_HUNSPELL
  {
    char **stems = NULL;
    int n = Hunspell_stem (dict->handle, &stems, lower);

    /* Hunspell lists a word's readings; the first is its own lemma
     * ("человек", not a form of another word). */
    if (n > 0 && stems[0] != NULL && *stems[0])
      result = g_utf8_strdown (stems[0], -1);
    if (stems != NULL)
      Hunspell_free_list (dict->handle, &stems, n);
  }
#endif
  if (g_hash_table_size (dict->cache) >= CACHE_MAX)
    g_hash_table_remove_all (dict->cache);
  g_hash_table_insert (dict->cache, g_steal_pointer (&lower), g_strdup (result ? result : ""));
out:
  g_mutex_unlock (&lock);
  return result;
}

char *
tally_dictionary_lemma_as_written (const char *dictionary,
                                   const char *word,
                                   gsize       len)
{
  char *result = NULL;
  Dictionary *dict;
  g_autofree char *key = NULL;
  const char *cached;

  g_return_val_if_fail (dictionary != NULL, NULL);
  if (word == NULL || len == 0 || len > 128 || !g_utf8_validate (word, len, NULL))
    return NULL;
  key = g_strndup (word, len);
  g_mutex_lock (&lock);
  dict = get_dictionary (dictionary);
  if (dict == NULL)
    goto out;
  cached = g_hash_table_lookup (dict->cased, key);
  if (cached != NULL)
    {
      result = *cached ? g_strdup (cached) : NULL;
      goto out;
    }
#ifdef HAVE_HUNSPELL
  {
    char **stems = NULL;
    int n = Hunspell_stem (dict->handle, &stems, key);

    if (n > 0 && stems[0] != NULL && *stems[0])
      result = g_strdup (stems[0]);
    if (stems != NULL)
      Hunspell_free_list (dict->handle, &stems, n);
  }
#endif
  if (g_hash_table_size (dict->cased) >= CACHE_MAX)
    g_hash_table_remove_all (dict->cased);
  g_hash_table_insert (dict->cased, g_steal_pointer (&key), g_strdup (result ? result : ""));
out:
  g_mutex_unlock (&lock);
  return result;
}

gboolean
tally_dictionary_common_word (const char *dictionary,
                              const char *word,
                              gsize       len)
{
  gboolean result = FALSE;
  Dictionary *dict;
  g_autofree char *key = NULL;
  const char *cached;

  g_return_val_if_fail (dictionary != NULL, FALSE);
  if (word == NULL || len == 0 || len > 128 || !g_utf8_validate (word, len, NULL))
    return FALSE;
  key = g_strndup (word, len);
  g_mutex_lock (&lock);
  dict = get_dictionary (dictionary);
  if (dict == NULL)
    goto out;
  cached = g_hash_table_lookup (dict->common, key);
  if (cached != NULL)
    {
      result = *cached == '1';
      goto out;
    }
#ifdef HAVE_HUNSPELL
  {
    char **stems = NULL;
    int n = Hunspell_stem (dict->handle, &stems, key);

    /* "Tesla" is a name and a unit, "Heavy" only an adjective. */
    result = n > 0;
    for (int k = 0; k < n && result; k++)
      if (stems[k] == NULL || !*stems[k] || g_unichar_isupper (g_utf8_get_char (stems[k])))
        result = FALSE;
    if (stems != NULL)
      Hunspell_free_list (dict->handle, &stems, n);
  }
#endif
  if (g_hash_table_size (dict->common) >= CACHE_MAX)
    g_hash_table_remove_all (dict->common);
  g_hash_table_insert (dict->common, g_steal_pointer (&key), result ? "1" : "");
out:
  g_mutex_unlock (&lock);
  return result;
}
