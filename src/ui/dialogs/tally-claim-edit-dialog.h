/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tally-claim.h"
#include "tally-corrections.h"

G_BEGIN_DECLS

/* Edit Claim…: the claim's value, unit, qualifier and measure in entries;
 * Save applies the changed ones through tally_corrections_edit_claim() (one
 * undo step) and emits ::saved; a refused value stays in the dialog with
 * the reason shown under the entries. */

#define TALLY_TYPE_CLAIM_EDIT_DIALOG (tally_claim_edit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TallyClaimEditDialog, tally_claim_edit_dialog, TALLY, CLAIM_EDIT_DIALOG, AdwAlertDialog)

TallyClaimEditDialog *tally_claim_edit_dialog_new      (TallyCorrections     *corrections,
                                                        TallyClaim           *claim);
/* Fills the entries and saves, as the Save button does (for tests). */
gboolean              tally_claim_edit_dialog_save     (TallyClaimEditDialog *self,
                                                        const char           *value,
                                                        const char           *unit,
                                                        const char           *qualifier,
                                                        const char           *measure);

G_END_DECLS
