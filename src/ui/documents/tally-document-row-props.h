/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The document properties the browser shows (TallyDocument's), read by name
 * so the list also works with the plain objects the tests make.
 * A property the type lacks reads as NULL / 0 and its sort is not offered. */
#define TALLY_DOCUMENT_PROP_TITLE         "title"
#define TALLY_DOCUMENT_PROP_OUTLET        "outlet"
#define TALLY_DOCUMENT_PROP_PUBLISHED     "published"     /* ISO 8601 text */
#define TALLY_DOCUMENT_PROP_WORD_COUNT    "word-count"
#define TALLY_DOCUMENT_PROP_CLAIM_COUNT   "claim-count"
#define TALLY_DOCUMENT_PROP_N_DUPLICATES  "duplicates"    /* others in its near-duplicate cluster */
#define TALLY_DOCUMENT_PROP_CLUSTER       "cluster-id"    /* id of the cluster's first copy */
#define TALLY_DOCUMENT_PROP_ID            "id"
#define TALLY_DOCUMENT_PROP_HAS_CONFLICTS "has-conflicts" /* not on TallyDocument yet */

gboolean       tally_document_has_property (GObject    *document,
                                            const char *name);
char          *tally_document_dup_string   (GObject    *document,
                                            const char *name);
guint64        tally_document_get_uint     (GObject    *document,
                                            const char *name);
/* A property expression on `type`, or NULL when the type has no such property. */
GtkExpression *tally_document_expression   (GType       type,
                                            const char *name);

G_END_DECLS
