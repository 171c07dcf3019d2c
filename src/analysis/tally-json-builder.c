/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-json-builder.h"

#include <math.h>

void
tally_json_builder_add_string_or_null (JsonBuilder *builder,
                                       const char  *name,
                                       const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
tally_json_builder_add_number (JsonBuilder *builder,
                               double       value)
{
  if (!isfinite (value))
    json_builder_add_null_value (builder);
  else if (value == floor (value) && fabs (value) < 9007199254740992.0)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}
