/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-claim-record.h"

#include <string.h>

static const char * const kind_names[] = {
  [TALLY_CLAIM_KIND_MONEY] = "money",
  [TALLY_CLAIM_KIND_PERCENT] = "percent",
  [TALLY_CLAIM_KIND_COUNT] = "count",
  [TALLY_CLAIM_KIND_ORDINAL] = "ordinal",
  [TALLY_CLAIM_KIND_YEAR] = "year",
  [TALLY_CLAIM_KIND_DATE] = "date",
  [TALLY_CLAIM_KIND_DURATION] = "duration",
  [TALLY_CLAIM_KIND_NUMBER] = "number",
};

static const char * const qualifier_names[] = {
  [TALLY_QUALIFIER_EXACT] = "exact",
  [TALLY_QUALIFIER_APPROX] = "approx",
  [TALLY_QUALIFIER_OVER] = "over",
  [TALLY_QUALIFIER_UNDER] = "under",
  [TALLY_QUALIFIER_AT_LEAST] = "at_least",
  [TALLY_QUALIFIER_AT_MOST] = "at_most",
};

const char *
tally_claim_kind_to_string (TallyClaimKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
tally_claim_kind_from_string (const char     *str,
                              TallyClaimKind *kind)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (str, kind_names[i]) == 0)
      {
        *kind = (TallyClaimKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
tally_qualifier_to_string (TallyQualifier qualifier)
{
  g_return_val_if_fail ((guint) qualifier < G_N_ELEMENTS (qualifier_names), NULL);
  return qualifier_names[qualifier];
}

gboolean
tally_qualifier_from_string (const char     *str,
                             TallyQualifier *qualifier)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (qualifier_names); i++)
    if (strcmp (str, qualifier_names[i]) == 0)
      {
        *qualifier = (TallyQualifier) i;
        return TRUE;
      }
  return FALSE;
}

TallyClaimRecord *
tally_claim_record_new (void)
{
  return g_new0 (TallyClaimRecord, 1);
}

TallyClaimRecord *
tally_claim_record_copy (const TallyClaimRecord *record)
{
  TallyClaimRecord *copy = g_memdup2 (record, sizeof *record);

  copy->value_text = g_strdup (record->value_text);
  copy->value_max_text = g_strdup (record->value_max_text);
  copy->unit = g_strdup (record->unit);
  copy->measure = g_strdup (record->measure);
  copy->relative = g_strdup (record->relative);
  return copy;
}

void
tally_claim_record_free (TallyClaimRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->value_text);
  g_free (record->value_max_text);
  g_free (record->unit);
  g_free (record->measure);
  g_free (record->relative);
  g_free (record);
}
