/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `tally-cli export [--format markdown|csv|json] PROJECT.tally`: the fact
 * table of a saved project, with the analyst's corrections, as the app's
 * Export Facts… writes it. Returns the exit status: 0 ok, 1 the project could
 * not be read, 2 usage error. */
int tally_cli_export (int    argc,
                      char **argv);

G_END_DECLS
