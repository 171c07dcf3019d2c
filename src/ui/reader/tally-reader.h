/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tally-claim-record.h"
#include "tally-document-record.h"

G_BEGIN_DECLS

#define TALLY_TYPE_READER (tally_reader_get_type ())
G_DECLARE_FINAL_TYPE (TallyReader, tally_reader, TALLY, READER, AdwBin)

/* The reader pane: one cleaned article with its claims highlighted.
 * Fed plain data (the shared record contracts), so the model, the tests and
 * the screenshot tool can all show a document without a project. */

GtkWidget              *tally_reader_new                (void);

/* Shows `record` with `claims` (TallyClaimRecord*, offsets into record->text;
 * may be NULL). Copies what it keeps; NULL record shows the empty page. */
void                    tally_reader_set_document       (TallyReader               *self,
                                                         const TallyDocumentRecord *record,
                                                         GPtrArray                 *claims);

/* Shows the empty page with `message` (the document could not be read). */
void                    tally_reader_show_error         (TallyReader               *self,
                                                         const char                *message);

/* Marks claims (indices into the claims given above) whose figure other
 * sources contradict. */
void                    tally_reader_set_conflicts      (TallyReader               *self,
                                                         const guint               *indices,
                                                         guint                      n_indices);

guint                   tally_reader_get_n_claims       (TallyReader               *self);
const TallyClaimRecord *tally_reader_get_claim          (TallyReader               *self,
                                                         guint                      index);
gboolean                tally_reader_get_claim_conflicting (TallyReader            *self,
                                                            guint                   index);
/* -1 when no claim is selected. */
int                     tally_reader_get_current_claim  (TallyReader               *self);
void                    tally_reader_select_claim       (TallyReader               *self,
                                                         int                        index);
/* Selects the claim covering [start, end) of the cleaned text, or the bare
 * range when no claim matches; scrolls it into view. FALSE if out of range. */
gboolean                tally_reader_select_range       (TallyReader               *self,
                                                         gsize                      start,
                                                         gsize                      end);

/* Marks each occurrence of `terms` (case-insensitive whole words; a term
 * ending in '*' is a prefix) and scrolls to the first. Returns how many. */
guint                   tally_reader_highlight_terms    (TallyReader               *self,
                                                         const char * const        *terms);

/* Where claim `index` sits in the buffer (boilerplate included, hidden or not). */
gboolean                tally_reader_get_claim_bounds   (TallyReader               *self,
                                                         guint                      index,
                                                         GtkTextIter               *start,
                                                         GtkTextIter               *end);
/* The tooltip text (Pango markup) for claim `index`. */
char                   *tally_reader_dup_claim_tooltip  (TallyReader               *self,
                                                         guint                      index);
GtkTextBuffer          *tally_reader_get_buffer         (TallyReader               *self);
GtkTextBuffer          *tally_reader_get_comments_buffer (TallyReader              *self);

gboolean                tally_reader_get_show_boilerplate (TallyReader             *self);
void                    tally_reader_set_show_boilerplate (TallyReader             *self,
                                                           gboolean                 show);
double                  tally_reader_get_text_scale     (TallyReader               *self);
void                    tally_reader_set_text_scale     (TallyReader               *self,
                                                         double                     scale);

G_END_DECLS
