/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tally-lexicon.h"

G_BEGIN_DECLS

/* A small rule-based English noun lemmatiser: the lexicon's [lemma] list
 * first, then plural rules (-ies → -y, -sses/-xes/-ches/-shes → drop -es,
 * -s → drop). Snowball stems ("countri", "centr") are not words a person
 * would read in a fact label, so stems are not used here. Appends the
 * lower-cased lemma of `word` to `out`. */
void tally_lemma_append (const TallyLexicon *lexicon,
                         GString            *out,
                         const char         *word,
                         gsize               len);

G_END_DECLS
