/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Small JsonBuilder helpers shared by the claim, fact and event JSON, so the
 * public `tally-cli analyze` output writes every value the same way. */

/* "name": "value", or "name": null. */
void tally_json_builder_add_string_or_null (JsonBuilder *builder,
                                            const char  *name,
                                            const char  *value);

/* Whole numbers as JSON integers ("94800000000", not "9.48e10"); NaN and
 * infinities, which JSON cannot say, as null. */
void tally_json_builder_add_number         (JsonBuilder *builder,
                                            double       value);

G_END_DECLS
