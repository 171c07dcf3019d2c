/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tally-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TallyApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* TALLY_LOCALEDIR: catalogues of an uninstalled build (tests, build-aux/sdk). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TALLY_LOCALEDIR") != NULL ? g_getenv ("TALLY_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name (_("Tally"));

  app = tally_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
