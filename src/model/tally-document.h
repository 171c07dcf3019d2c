/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tally-document-id.h"
#include "tally-story.h"

G_BEGIN_DECLS

/* One imported article as the UI sees it: metadata and counts, read-only
 * properties with notify. The text, comments and boilerplate stay in the
 * project file; tally_project_load_record() reads them when needed, so ten
 * thousand documents cost little memory. */

#define TALLY_TYPE_DOCUMENT (tally_document_get_type ())
G_DECLARE_FINAL_TYPE (TallyDocument, tally_document, TALLY, DOCUMENT, GObject)

TallyDocumentId tally_document_get_id        (TallyDocument *self);
const char *tally_document_get_path          (TallyDocument *self);
const char *tally_document_get_format        (TallyDocument *self);
const char *tally_document_get_title         (TallyDocument *self);
const char *tally_document_get_outlet        (TallyDocument *self);
const char *tally_document_get_published     (TallyDocument *self);
const char *tally_document_get_author        (TallyDocument *self);
const char *tally_document_get_language      (TallyDocument *self);
guint       tally_document_get_word_count    (TallyDocument *self);
guint       tally_document_get_comment_count (TallyDocument *self);
guint       tally_document_get_claim_count   (TallyDocument *self);
/* The first document of its near-duplicate cluster (itself when alone). */
TallyDocumentId tally_document_get_cluster_id (TallyDocument *self);
guint       tally_document_get_duplicates    (TallyDocument *self);
/* One of its claims is in a conflicting fact (see TallySession). */
gboolean    tally_document_get_has_conflicts (TallyDocument *self);
/* The story it belongs to (see TallySession), or NULL before the first
 * grouping. */
TallyStory *tally_document_get_story         (TallyDocument *self);

/* "17 Jun 2026" (or "17 June 2026" in long form) from an ISO date
 * ("2026-06-17…"), in the user's language; anything else as it is; NULL for
 * NULL or "". */
char       *tally_document_format_date       (const char    *iso_date,
                                              gboolean       long_form);
/* What the list, the search results and the reader show under a title:
 * "Outlet · Author · 17 Jun 2026", the parts that are known (`author` may be
 * NULL), or "Unknown outlet and date". */
char       *tally_document_format_subtitle   (const char    *outlet,
                                              const char    *author,
                                              const char    *published,
                                              gboolean       long_date);

G_END_DECLS
