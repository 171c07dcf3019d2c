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

static const char * const subject_kind_names[] = {
  [TALLY_SUBJECT_KIND_NONE] = "none",
  [TALLY_SUBJECT_KIND_COUNTRY] = "country",
  [TALLY_SUBJECT_KIND_ORGANISATION] = "organisation",
  [TALLY_SUBJECT_KIND_PERSON] = "person",
  [TALLY_SUBJECT_KIND_EVENT] = "event",
  [TALLY_SUBJECT_KIND_PLACE] = "place",
  [TALLY_SUBJECT_KIND_OTHER] = "other",
};

static const char * const modality_names[] = {
  [TALLY_MODALITY_REPORTED] = "reported",
  [TALLY_MODALITY_PROJECTED] = "projected",
};

static gboolean
name_index (const char * const *names,
            guint               n,
            const char         *str,
            guint              *index)
{
  for (guint i = 0; str != NULL && i < n; i++)
    if (strcmp (str, names[i]) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

/* "none" is the in-memory "no subject"; JSON writes null for it. */
const char *
tally_subject_kind_to_string (TallySubjectKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (subject_kind_names), NULL);
  return subject_kind_names[kind];
}

gboolean
tally_subject_kind_from_string (const char       *str,
                                TallySubjectKind *kind)
{
  guint i;

  if (!name_index (subject_kind_names, G_N_ELEMENTS (subject_kind_names), str, &i))
    return FALSE;
  *kind = (TallySubjectKind) i;
  return TRUE;
}

const char *
tally_modality_to_string (TallyModality modality)
{
  g_return_val_if_fail ((guint) modality < G_N_ELEMENTS (modality_names), NULL);
  return modality_names[modality];
}

gboolean
tally_modality_from_string (const char    *str,
                            TallyModality *modality)
{
  guint i;

  if (!name_index (modality_names, G_N_ELEMENTS (modality_names), str, &i))
    return FALSE;
  *modality = (TallyModality) i;
  return TRUE;
}

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
  copy->subject = g_strdup (record->subject);
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
  g_free (record->subject);
  g_free (record);
}
