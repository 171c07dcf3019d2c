/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "tally-facts.h"
#include "tally-json-export.h"

G_BEGIN_DECLS

/* Facts for `tally-cli analyze` and the tests: the claims of analysed
 * documents turned into fact inputs, and facts into the public JSON. */

typedef struct
{
  GArray *inputs;        /* TallyFactInput, pointing into the documents and `strings` */
  GPtrArray *strings;    /* char*: the claims' words and sentences */
} TallyFactInputs;

/* Borrows from `documents` (TallyAnalyzedDocument*): keep them alive. */
TallyFactInputs *tally_fact_inputs_from_documents (GPtrArray       *documents);
void             tally_fact_inputs_free           (TallyFactInputs *inputs);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyFactInputs, tally_fact_inputs_free)

/* {"id", "key", "label", "measure", "kind", "unit", "scope", "status", "explanation",
 *  "spread", "claims": [ids], "values": [{"value", "value_max", "qualifier",
 *  "display", "side", "documents": [ids]}], "documents": [ids]} */
JsonNode        *tally_fact_json_node             (const TallyFactRecord *fact,
                                                   const TallyFactInput  *inputs);

/* The "facts" array of the analyze output for `documents`. */
JsonNode        *tally_facts_json_from_documents  (GPtrArray       *documents);

G_END_DECLS
