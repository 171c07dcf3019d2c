/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <string.h>

#include "tally-claims.h"

/* libFuzzer target over the claim extractor. The first byte picks a
 * reference date (or none) and, with its high bit, the Chinese reader; the
 * rest is the text. Every claim must lie
 * inside the text and its sentence. */

static void
check_claim (const TallyClaimRecord *claim,
             gpointer                user_data)
{
  gsize len = *(gsize *) user_data;

  if (claim->start >= claim->end || claim->end > len || claim->sentence_start > claim->start
      || claim->sentence_end < claim->end || claim->sentence_end > len)
    __builtin_trap ();
  if ((claim->kind == TALLY_CLAIM_KIND_YEAR || claim->kind == TALLY_CLAIM_KIND_DATE) && claim->has_value
      && claim->value_text == NULL)
    __builtin_trap ();
}

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char * const dates[] = { NULL, "2025-06-17", "2024-01-31", "1999-12", "2030" };
  TallyExtractOptions options;
  gsize len;

  if (size == 0)
    return 0;
  tally_extract_options_init (&options);
  if (dates[(data[0] & 0x7f) % G_N_ELEMENTS (dates)] != NULL)
    tally_extract_options_set_reference_date (&options, dates[(data[0] & 0x7f) % G_N_ELEMENTS (dates)]);
  if (data[0] & 0x80)
    options.language = "zh";
  len = size - 1;
  tally_extract_claims_foreach ((const char *) data + 1, len, &options, check_claim, &len);
  return 0;
}
