/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tally-document-record.h"

G_BEGIN_DECLS

/* Expands the command-line paths: files as given, folders walked in name
 * order (hidden entries skipped). Paths that do not exist are returned too,
 * so that reading them reports the error against the right name. */
GPtrArray           *tally_cli_expand_paths  (char       **paths);

/* Reads one file into a document record. */
TallyDocumentRecord *tally_cli_read_document (const char  *path,
                                              GError     **error);

G_END_DECLS
