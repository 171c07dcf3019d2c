/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `tally-cli analyze [--format json|jsonl|csv] [--reference-date D] PATH…`.
 * Returns the exit status: 0 ok, 1 some inputs failed, 2 usage error. */
int tally_cli_analyze (int    argc,
                       char **argv);

G_END_DECLS
