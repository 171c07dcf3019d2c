/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tally-claims.h"

G_BEGIN_DECLS

/* The claim reader for Chinese text (tally-claims-zh.c): what
 * tally_extract_claims_foreach() runs when options->language is "zh" or a
 * "zh-…" tag. Not installed. */
guint _tally_claims_zh_foreach (const char                *text,
                                gsize                      len,
                                const TallyExtractOptions *options,
                                TallyClaimFunc             func,
                                gpointer                   user_data);

/* Whether a language tag is read by the Chinese reader. */
gboolean _tally_claims_is_zh (const char *language);

G_END_DECLS
