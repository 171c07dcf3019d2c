/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tally-facts.h"

G_BEGIN_DECLS

/* Facts as files an analyst sends on: CSV (one row per value of a fact)
 * and a Markdown report (each fact with its values, sources and quotes).
 * `inputs` are the ones the facts were grouped from. */

/* fact_id,label,measure,kind,unit,scope,status,explanation,value,value_max,
 * qualifier,display,side,sources,documents,outlets — RFC 4180 quoting. */
void tally_facts_write_csv      (GString              *out,
                                 GPtrArray            *facts,
                                 const TallyFactInput *inputs);

/* "# title", a summary line, then per fact a "## label" section: status and
 * explanation, a table of values with outlets, and each claim's sentence
 * quoted with its words in bold. */
void tally_facts_write_markdown (GString              *out,
                                 GPtrArray            *facts,
                                 const TallyFactInput *inputs,
                                 const char           *title);

G_END_DECLS
