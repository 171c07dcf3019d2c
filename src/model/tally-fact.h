/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tally-claim.h"
#include "tally-document-id.h"
#include "tally-facts.h"
#include "tally-store.h"

G_BEGIN_DECLS

/* One row of the fact table: a graded fact as read-only properties a
 * GtkColumnView binds to and sorts by, and the claims behind it as a
 * GListModel of TallyClaim for the side panel. Built from a TallyFactRecord;
 * it copies what it shows, so the grouping's inputs can go afterwards. */

#define TALLY_TYPE_FACT_STATUS (tally_fact_status_get_type ())
GType tally_fact_status_get_type (void);

#define TALLY_TYPE_FACT (tally_fact_get_type ())
G_DECLARE_FINAL_TYPE (TallyFact, tally_fact, TALLY, FACT, GObject)


const char      *tally_fact_get_id              (TallyFact *self);
/* "count||0|2025|cooperation agreement": the same in every run over the same
 * claims; a correction's group (see TallyFactInput.group). */
const char      *tally_fact_get_key             (TallyFact *self);
const char      *tally_fact_get_label           (TallyFact *self);
const char      *tally_fact_get_measure         (TallyFact *self);
TallyFactStatus  tally_fact_get_status          (TallyFact *self);
/* "Conflict", "Qualified", "Rounding", "Agree", "Single source" (translated). */
const char      *tally_fact_get_status_label    (TallyFact *self);
/* The Adwaita style class of the status pill: "error", "warning", "accent",
 * "success" or "dim-label". */
const char      *tally_fact_get_status_style    (TallyFact *self);
const char      *tally_fact_get_explanation     (TallyFact *self);
/* "14 — Northern Wire, Harbour Times · 15 — Eurasia Freight Weekly". */
const char      *tally_fact_get_values_summary  (TallyFact *self);
/* An `updated` fact's values in the order they were stated, one line each
 * with the day and the sources ("3 May 2024: 120 — Northern Wire"); NULL
 * for other facts. */
const char      *tally_fact_get_series          (TallyFact *self);
/* Its story's id ("s1"), NULL when it spans stories or none was given. */
const char      *tally_fact_get_story           (TallyFact *self);
guint            tally_fact_get_source_count    (TallyFact *self);
guint            tally_fact_get_claim_count     (TallyFact *self);
/* Relative for quantities (0.18 = 18 %), in years for dates. */
double           tally_fact_get_spread          (TallyFact *self);
/* "18%", "1 year", "—". */
const char      *tally_fact_get_spread_label    (TallyFact *self);
/* The default order as a number to sort by: conflicts first, then by sources. */
guint            tally_fact_get_interest        (TallyFact *self);
/* GListModel of TallyClaim (empty when built without claims). A kept fact
 * (tally_fact_list_new_kept()) reads its claims at the first call: main
 * thread only. */
GListModel      *tally_fact_get_claims          (TallyFact *self);
/* Which claims the fact holds (`n_keys` of them, the claims' order),
 * without reading them: for conflict marks and lookups. */
const TallyClaimKey *tally_fact_get_claim_keys  (TallyFact *self,
                                                 guint     *n_keys);
/* What the project keeps of the fact (tally_store_write_facts()). Any thread. */
TallyStoreFact  *tally_fact_to_kept             (TallyFact *self);
/* Lower-case label, measure and values, for the search entry. */
const char      *tally_fact_get_search_text     (TallyFact *self);

/* What the grouping knows of a claim's document, as `tally-cli analyze`
 * hands it over (tally_fact_inputs_from_documents()): its outlet, its story
 * (a story id, "s2") and its publication date, the day its figures were
 * stated (orders a moving figure, `updated`). Any may be NULL. */
typedef struct
{
  const char *outlet;
  const char *story;
  const char *published;
  const char *story_key;          /* the story's stable key, what fact keys carry */
} TallyFactDocument;

/* Groups `claims` (TallyClaim*) into a GListModel of TallyFact, in the
 * grouping's order. `document_info` (may be NULL, and may return NULL)
 * describes a document; without an outlet the document id names it. */
typedef const TallyFactDocument *(*TallyFactDocumentFunc) (TallyDocumentId document_id,
                                                           gpointer        user_data);
GListModel      *tally_fact_list_new            (GPtrArray             *claims,
                                                 TallyFactDocumentFunc  document_info,
                                                 gpointer               user_data);
/* With an analyst's corrections: `groups` (NULL, or a char* or NULL per
 * claim) puts claims in one fact — a merge gives them the target fact's key,
 * a split a key of their own such as "claim:<id>" — and `labels` (may be
 * NULL) renames facts by key. */
GListModel      *tally_fact_list_new_corrected  (GPtrArray             *claims,
                                                 TallyFactDocumentFunc  document_info,
                                                 gpointer               user_data,
                                                 GPtrArray             *groups,
                                                 GHashTable            *labels);

/* Reads the claims (TallyClaim*, corrections applied) behind `n_keys` keys. */
typedef GPtrArray *(*TallyFactClaimLoader) (const TallyClaimKey *keys,
                                            guint                n_keys,
                                            gpointer             user_data);
/* Facts as `project` kept them (TallyStoreFact*, tally_store_read_facts(),
 * with its `conflicting` documents), holding nothing of their claims: a
 * fact's keys are read from the project when first asked for
 * (tally_fact_get_claim_keys()), its claims by `loader` (main thread). Such
 * a list cannot be exported (tally_fact_list_export() returns FALSE): the
 * claims must be grouped again for that. */
struct _TallyProject;
GListModel      *tally_fact_list_new_kept       (GPtrArray             *kept,
                                                 GArray                *conflicting,
                                                 struct _TallyProject  *project,
                                                 TallyFactClaimLoader   loader,
                                                 gpointer               loader_data,
                                                 GDestroyNotify         destroy);
gboolean         tally_fact_list_is_kept        (GListModel            *facts);
/* Whether a document has a claim in a conflicting fact; the keys of its
 * claims in conflicting facts; the position of the fact holding a claim
 * (G_MAXUINT: none). A kept list looks them up in the project, without
 * reading every fact's claims. */
gboolean         tally_fact_list_has_conflicts  (GListModel            *facts,
                                                 TallyDocumentId        document_id);
GArray          *tally_fact_list_dup_conflict_keys (GListModel         *facts,
                                                    TallyDocumentId     document_id);
guint            tally_fact_list_find_claim     (GListModel            *facts,
                                                 const TallyClaimKey   *key);

typedef enum
{
  TALLY_FACT_EXPORT_CSV,
  TALLY_FACT_EXPORT_JSON,
  TALLY_FACT_EXPORT_MARKDOWN,
} TallyFactExportFormat;

/* Appends the facts of a list made by tally_fact_list_new() to `out`: CSV
 * (a row per value), JSON (the `tally-cli analyze` fact objects) or a
 * Markdown report with quotes. FALSE for NULL or a list not made by it. */
gboolean         tally_fact_list_export         (GListModel            *facts,
                                                 TallyFactExportFormat  format,
                                                 const char            *title,
                                                 GString               *out);

G_END_DECLS
