/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tally-claim-record.h"
#include "tally-document-id.h"

G_BEGIN_DECLS

/* One claim of one document, for lists and the reader: the record's fields
 * as read-only properties, plus the words and the sentence that state it. */

#define TALLY_TYPE_CLAIM (tally_claim_get_type ())
G_DECLARE_FINAL_TYPE (TallyClaim, tally_claim, TALLY, CLAIM, GObject)

/* Which claim it is, however often the claims are read or grouped again:
 * its document and its words' bytes in the document's cleaned text. */
typedef struct
{
  TallyDocumentId document_id;
  guint64 start;
  guint64 end;
} TallyClaimKey;

/* GHashFunc and GEqualFunc for keys that point at a TallyClaimKey. */
guint                   tally_claim_key_hash           (gconstpointer key);
gboolean                tally_claim_key_equal          (gconstpointer a,
                                                        gconstpointer b);

/* Copies the record; `text` is the document's cleaned text it points into. */
TallyClaim             *tally_claim_new                (TallyDocumentId         document_id,
                                                        const TallyClaimRecord *record,
                                                        const char             *text,
                                                        gsize                   text_len);
/* The same words and sentence with another record (a corrected value, unit,
 * qualifier or measure; the offsets stay those of `claim`). */
TallyClaim             *tally_claim_new_edited         (TallyClaim             *claim,
                                                        const TallyClaimRecord *record,
                                                        const char             *edit_note);
/* "Edited; originally value 15" for an edited claim, NULL otherwise. */
const char             *tally_claim_get_edit_note      (TallyClaim *self);
const TallyClaimRecord *tally_claim_get_record         (TallyClaim *self);
TallyClaimKey           tally_claim_get_key            (TallyClaim *self);
TallyDocumentId         tally_claim_get_document_id    (TallyClaim *self);
TallyClaimKind          tally_claim_get_kind           (TallyClaim *self);
TallyQualifier          tally_claim_get_qualifier      (TallyClaim *self);
const char             *tally_claim_get_text           (TallyClaim *self);
const char             *tally_claim_get_sentence       (TallyClaim *self);
const char             *tally_claim_get_measure        (TallyClaim *self);

G_END_DECLS
