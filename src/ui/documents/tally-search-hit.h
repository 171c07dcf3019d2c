/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tally-document.h"

G_BEGIN_DECLS

#define TALLY_TYPE_SEARCH_HIT (tally_search_hit_get_type ())
G_DECLARE_FINAL_TYPE (TallySearchHit, tally_search_hit, TALLY, SEARCH_HIT, GObject)

/* One full-text search result as the sidebar lists it: the document, its
 * title, and a snippet with the matched words marked up. */

TallySearchHit *tally_search_hit_new                 (TallyDocument *document,
                                                      const char    *title,
                                                      const char    *snippet_markup,
                                                      double         rank);
TallyDocument  *tally_search_hit_get_document        (TallySearchHit *self);
const char     *tally_search_hit_get_title           (TallySearchHit *self);
const char     *tally_search_hit_get_snippet_markup  (TallySearchHit *self);
double          tally_search_hit_get_rank            (TallySearchHit *self);

/* A snippet whose matches are between `open` and `close` marks (as FTS5's
 * snippet() writes them) → Pango markup with the matches in bold on a
 * `highlight` background ("#rrggbbaa"), everything else escaped. */
char           *tally_search_hit_markup_from_snippet (const char *snippet,
                                                      const char *open,
                                                      const char *close,
                                                      const char *highlight);

G_END_DECLS
