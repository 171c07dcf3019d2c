/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A document of a project: the id of its row in the project file. A struct
 * rather than a bare gint64 so that the compiler rejects anything else
 * where a document belongs (a correction id, an offset, a count, an event
 * or claim key); passed and returned by value. */
typedef struct
{
  gint64 value;
} TallyDocumentId;

/* No document (the store never gives out ids below 1). */
#define TALLY_DOCUMENT_ID_NONE ((TallyDocumentId) { 0 })

static inline TallyDocumentId
tally_document_id_from_int64 (gint64 value)
{
  return (TallyDocumentId) { value };
}

static inline gboolean
tally_document_id_is_none (TallyDocumentId id)
{
  return id.value <= 0;
}

static inline gboolean
tally_document_id_equal (TallyDocumentId a,
                         TallyDocumentId b)
{
  return a.value == b.value;
}

/* GHashFunc and GEqualFunc for keys that point at a TallyDocumentId. */
guint            tally_document_id_hash      (gconstpointer id);
gboolean         tally_document_id_key_equal (gconstpointer a,
                                              gconstpointer b);
/* A new copy on the heap, for such a key or value. */
TallyDocumentId *tally_document_id_dup       (TallyDocumentId id);

/* The id as a string key ("42"): how a project's documents are named to the
 * analysis layer (which `tally-cli analyze` feeds with keys of its own,
 * "d1"), and how a story move's target is kept in the corrections table.
 * These two functions are the only places the id becomes text and back. */
char            *tally_document_id_to_key    (TallyDocumentId id);
/* NONE unless all of `key` (may be NULL) is such a key. */
TallyDocumentId  tally_document_id_from_key  (const char     *key);

G_END_DECLS
