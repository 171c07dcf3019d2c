/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-ingest-private.h"
#include "tally-ingest-resources.h"

#include <string.h>

/* The furniture rules live in boilerplate.txt (a resource) so that a new site
 * or language is a new line, not new code. Compiled once, then shared by all
 * threads: a GRegex is immutable and safe to match from several threads. */

static const char * const scope_names[TALLY_N_RULES] = {
  [TALLY_RULE_LINE] = "line",
  [TALLY_RULE_TAIL] = "tail",
  [TALLY_RULE_LABEL] = "label",
  [TALLY_RULE_COMMENTS] = "comments",
  [TALLY_RULE_BYLINE] = "byline",
  [TALLY_RULE_OUTLET] = "outlet",
  [TALLY_RULE_COMMENT_AUTHOR] = "comment-author",
  [TALLY_RULE_COMMENT_LINE] = "comment-line",
  [TALLY_RULE_HTML_DROP] = "html-drop",
  [TALLY_RULE_HTML_COMMENTS] = "html-comments",
  [TALLY_RULE_HTML_BODY] = "html-body",
  [TALLY_RULE_HTML_AUTHOR] = "html-author",
  [TALLY_RULE_HTML_CONTENT] = "html-content",
  [TALLY_RULE_SKIP_EXTENSION] = "skip-extension",
};

typedef struct
{
  GPtrArray *regexes[TALLY_N_RULES];
  GRegex *combined[TALLY_N_RULES];   /* all of a scope's rules in one pattern */
} TallyRules;

static int
scope_from_name (const char *name)
{
  for (int i = 0; i < TALLY_N_RULES; i++)
    if (g_strcmp0 (scope_names[i], name) == 0)
      return i;
  return -1;
}

static gpointer
load_rules (gpointer data)
{
  TallyRules *rules = g_new0 (TallyRules, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  GString *combined[TALLY_N_RULES];

  for (int i = 0; i < TALLY_N_RULES; i++)
    {
      rules->regexes[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
      combined[i] = g_string_new (NULL);
    }

  bytes = g_resource_lookup_data (tally_ingest_get_resource (),
                                  "/io/github/tallyapp/Tally/ingest/boilerplate.txt",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("boilerplate rules missing: %s", error->message);

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint n = 0; lines[n] != NULL; n++)
    {
      const char *line = lines[n];
      const char *tab = strchr (line, '\t');
      g_autofree char *name = NULL;
      g_autofree char *pattern = NULL;
      g_autoptr(GError) regex_error = NULL;
      GRegex *regex;
      int scope;

      if (line[0] == '#' || line[0] == '\0' || tab == NULL)
        continue;
      name = g_strndup (line, tab - line);
      scope = scope_from_name (name);
      if (scope < 0)
        g_error ("boilerplate.txt:%u: unknown scope “%s”", n + 1, name);
      pattern = g_strdup_printf ("^(?:%s)$", tab + 1);
      regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &regex_error);
      if (regex == NULL)
        g_error ("boilerplate.txt:%u: %s", n + 1, regex_error->message);
      g_ptr_array_add (rules->regexes[scope], regex);
      if (combined[scope]->len > 0)
        g_string_append_c (combined[scope], '|');
      g_string_append_printf (combined[scope], "(?:%s)", tab + 1);
    }

  /* One match per scope when no capture is wanted: most lines match nothing. */
  for (int i = 0; i < TALLY_N_RULES; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("^(?:%s)$", combined[i]->str);

      rules->combined[i] = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_string_free (combined[i], TRUE);
    }
  return rules;
}

static const TallyRules *
get_rules (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_rules, NULL);
}

gboolean
tally_rules_match (TallyRuleScope   scope,
                   const char      *text,
                   char           **group1)
{
  const TallyRules *rules = get_rules ();
  GPtrArray *regexes = rules->regexes[scope];

  /* Furniture is short; an article paragraph is not worth matching. */
  if (scope <= TALLY_RULE_COMMENT_LINE && strlen (text) > 400)
    return FALSE;
  if (group1 == NULL)
    return rules->combined[scope] != NULL && g_regex_match (rules->combined[scope], text, 0, NULL);
  for (guint i = 0; i < regexes->len; i++)
    {
      g_autoptr(GMatchInfo) info = NULL;

      if (g_regex_match (g_ptr_array_index (regexes, i), text, 0, &info))
        {
          if (group1 != NULL)
            {
              char *value = g_match_info_fetch (info, 1);

              *group1 = value != NULL ? g_strstrip (value) : NULL;
            }
          return TRUE;
        }
    }
  return FALSE;
}
