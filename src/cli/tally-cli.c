/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tally-cli-analyze.h"
#include "tally-cli-export.h"

/* tally-cli: Tally's engine without a display. This file only dispatches to
 * the subcommands; each lives in its own tally-cli-<command>.c. */

static void
print_help (FILE *out)
{
  fprintf (out, "%s",
           _("Usage:\n"
             "  tally-cli COMMAND [OPTION…] — check the figures news articles state\n"
             "\n"
             "Commands:\n"
             "  analyze [--format json|jsonl|csv|facts-csv|report] [--reference-date YYYY-MM-DD] [--jobs N] PATH…\n"
             "            List every claim (figure, date, count) in text files or folders\n"
             "  export [--format markdown|csv|json] PROJECT.tally\n"
             "            Print a saved project's fact table, with the analyst's corrections\n"
             "\n"
             "Options:\n"
             "  -h, --help     Show this help\n"
             "  --version      Print the version\n"
             "\n"
             "Run “tally-cli COMMAND --help” for the options of a command.\n"
             "Exit status: 0 success, 1 some inputs failed, 2 usage error.\n"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* TALLY_LOCALEDIR: catalogues of an uninstalled build (tests, build-aux/sdk). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TALLY_LOCALEDIR") != NULL ? g_getenv ("TALLY_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return 2;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("tally-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return 0;
    }
  if (strcmp (argv[1], "analyze") == 0)
    return tally_cli_analyze (argc - 1, argv + 1);
  if (strcmp (argv[1], "export") == 0)
    return tally_cli_export (argc - 1, argv + 1);

  g_printerr (_("tally-cli: unknown command “%s”\n"), argv[1]);
  print_help (stderr);
  return 2;
}
