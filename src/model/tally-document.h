/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One imported article as the UI sees it: metadata and counts, read-only
 * properties with notify. The text, comments and boilerplate stay in the
 * project file; tally_project_load_record() reads them when needed, so ten
 * thousand documents cost little memory. */

#define TALLY_TYPE_DOCUMENT (tally_document_get_type ())
G_DECLARE_FINAL_TYPE (TallyDocument, tally_document, TALLY, DOCUMENT, GObject)

gint64      tally_document_get_id            (TallyDocument *self);
const char *tally_document_get_path          (TallyDocument *self);
const char *tally_document_get_format        (TallyDocument *self);
const char *tally_document_get_content_hash  (TallyDocument *self);
const char *tally_document_get_title         (TallyDocument *self);
const char *tally_document_get_outlet        (TallyDocument *self);
const char *tally_document_get_published     (TallyDocument *self);
const char *tally_document_get_author        (TallyDocument *self);
guint       tally_document_get_word_count    (TallyDocument *self);
guint       tally_document_get_comment_count (TallyDocument *self);
guint       tally_document_get_claim_count   (TallyDocument *self);
guint64     tally_document_get_simhash       (TallyDocument *self);
gint64      tally_document_get_cluster_id    (TallyDocument *self);
guint       tally_document_get_duplicates    (TallyDocument *self);
gint64      tally_document_get_imported      (TallyDocument *self);
/* One of its claims is in a conflicting fact (see TallySession). */
gboolean    tally_document_get_has_conflicts (TallyDocument *self);

G_END_DECLS
