/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-cli-export.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tally-corrections.h"
#include "tally-grouping.h"
#include "tally-project.h"

typedef struct
{
  TallyProject *project;  /* the reader's task has no source object */
  GPtrArray *claims;
  GPtrArray *texts;
  GError *error;
  gboolean done;
} ClaimsWait;

static void
on_claims_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ClaimsWait *wait = user_data;

  wait->claims = tally_project_load_claims_finish (wait->project, result, &wait->error);
  wait->done = TRUE;
}

static void
on_texts_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClaimsWait *wait = user_data;

  wait->texts = tally_project_load_texts_finish (wait->project, result, &wait->error);
  wait->done = TRUE;
}

static gboolean
parse_format (const char            *name,
              TallyFactExportFormat *format)
{
  if (name == NULL || g_str_equal (name, "markdown") || g_str_equal (name, "md"))
    *format = TALLY_FACT_EXPORT_MARKDOWN;
  else if (g_str_equal (name, "csv"))
    *format = TALLY_FACT_EXPORT_CSV;
  else if (g_str_equal (name, "json"))
    *format = TALLY_FACT_EXPORT_JSON;
  else
    return FALSE;
  return TRUE;
}

int
tally_cli_export (int    argc,
                  char **argv)
{
  g_autofree char *format_name = NULL;
  g_auto(GStrv) paths = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyProject) project = NULL;
  g_autoptr(TallyCorrections) corrections = NULL;
  g_autoptr(TallyGrouping) grouping = NULL;
  GListModel *facts;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = NULL;
  TallyFactExportFormat format;
  ClaimsWait wait = { 0 };
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("Output format: markdown (default), csv or json"), "FORMAT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("PROJECT.tally") },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("— the fact table of a saved project"));
  g_option_context_set_summary (context, _("Prints the facts of a project saved by Tally, with the analyst’s corrections "
                                           "(edits, “not a claim”, splits, merges, renamed facts), as Export Facts… "
                                           "writes them."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tally-cli export: %s\n", error->message);
      return 2;
    }
  if (!parse_format (format_name, &format))
    {
      g_printerr (_("tally-cli export: unknown format “%s” (markdown, csv or json)\n"), format_name);
      return 2;
    }
  /* CSV and JSON write numbers and month names the same in every locale,
   * explanations included; the Markdown report takes the locale's marks and
   * months. */
  if (format != TALLY_FACT_EXPORT_MARKDOWN)
    {
      setlocale (LC_NUMERIC, "C");
      setlocale (LC_TIME, "C");
    }
  if (paths == NULL || paths[0] == NULL || paths[1] != NULL)
    {
      g_printerr (_("tally-cli export: give exactly one project file\n"));
      return 2;
    }

  project = tally_project_open_read_only (paths[0], &error);
  if (project == NULL)
    {
      g_printerr ("tally-cli export: %s: %s\n", paths[0], error->message);
      return 1;
    }
  corrections = tally_corrections_new (project, NULL, &error);
  if (corrections == NULL)
    {
      g_printerr ("tally-cli export: %s: %s\n", paths[0], error->message);
      return 1;
    }

  /* The same reader the Facts view uses, so both see the same claims. */
  wait.project = project;
  tally_project_load_claims_async (project, NULL, on_claims_loaded, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  if (wait.claims == NULL)
    {
      g_printerr ("tally-cli export: %s: %s\n", paths[0], wait.error->message);
      g_error_free (wait.error);
      return 1;
    }

  /* The texts name the stories, as in the app. */
  wait.done = FALSE;
  tally_project_load_leads_async (project, NULL, on_texts_loaded, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  if (wait.texts == NULL)
    {
      g_printerr ("tally-cli export: %s: %s\n", paths[0], wait.error->message);
      g_error_free (wait.error);
      g_ptr_array_unref (wait.claims);
      return 1;
    }

  /* Stories and facts as the app's session finds them. */
  grouping = tally_grouping_new (tally_project_get_documents (project), wait.texts, wait.claims, corrections);
  tally_grouping_run (grouping);
  facts = tally_grouping_get_facts (grouping);
  g_ptr_array_unref (wait.claims);
  g_ptr_array_unref (wait.texts);

  title = g_path_get_basename (paths[0]);
  if (g_str_has_suffix (title, ".tally"))
    title[strlen (title) - strlen (".tally")] = '\0';
  if (!tally_fact_list_export (facts, format, title, out))
    {
      g_printerr (_("tally-cli export: %s: the project has no facts\n"), paths[0]);
      return 1;
    }
  fputs (out->str, stdout);
  fflush (stdout);
  return 0;
}
