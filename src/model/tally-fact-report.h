/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The fact table written out for others: a spreadsheet (CSV, one row per
 * claim), JSON (facts with their claims) or a Markdown report an editor can
 * read (facts, their status and every source with its quote). */

typedef enum
{
  TALLY_FACT_EXPORT_CSV,
  TALLY_FACT_EXPORT_JSON,
  TALLY_FACT_EXPORT_MARKDOWN,
} TallyFactExportFormat;

/* Names a document for the reader of the export: "Caspian Ledger, “Aktau
 * summit closes…”, 2026-06-17". NULL falls back to "Document N". */
typedef char *(*TallyFactExportDescribeFunc) (gint64   document_id,
                                              gpointer user_data);

/* Picks the format from a file name's extension (.csv, .json, .md/.markdown);
 * FALSE for anything else. */
gboolean tally_fact_export_format_for_path (const char            *path,
                                            TallyFactExportFormat *format);

/* `facts` is a GListModel of TallyFact, exported in its order. */
GBytes  *tally_fact_export                 (GListModel                 *facts,
                                            TallyFactExportFormat       format,
                                            const char                 *title,
                                            TallyFactExportDescribeFunc describe,
                                            gpointer                    user_data);

G_END_DECLS
