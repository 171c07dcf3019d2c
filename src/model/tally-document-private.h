/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tally-document.h"
#include "tally-store.h"

G_BEGIN_DECLS

TallyDocument *_tally_document_new_from_info  (const TallyStoreDocumentInfo *info);
void           _tally_document_set_cluster_id (TallyDocument   *self,
                                               TallyDocumentId  cluster_id);
void           _tally_document_set_duplicates (TallyDocument *self,
                                               guint          duplicates);
/* "title", "outlet", "published" or "author". */
void           _tally_document_set_field      (TallyDocument *self,
                                               const char    *field,
                                               const char    *value);
void           _tally_document_set_claim_count (TallyDocument *self,
                                                guint          claim_count);
void           _tally_document_set_has_conflicts (TallyDocument *self,
                                                  gboolean       has_conflicts);
void           _tally_document_set_story      (TallyDocument *self,
                                               TallyStory    *story);

G_END_DECLS
