/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>

/* tally-cli: Tally's engine without a display. Subcommands are added as the
 * engine grows; this file only parses the top-level options. */

int
main (int   argc,
      char *argv[])
{
  gboolean version = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [ARGS…] — check the figures news articles state"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tally-cli: %s\n", error->message);
      return 2;
    }
  if (version)
    {
      g_print ("tally-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_printerr ("%s", g_option_context_get_help (context, TRUE, NULL));
  return 2;
}
