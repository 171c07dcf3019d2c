/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tally-corrections.h"
#include "tally-event-record.h"

G_BEGIN_DECLS

/* One event of the timeline, as the UI binds to it: a read-only GObject
 * around a TallyEventRecord (label, kind, dates, place, planned, disputed,
 * alternatives, mentions). */

#define TALLY_TYPE_EVENT (tally_event_get_type ())
G_DECLARE_FINAL_TYPE (TallyEvent, tally_event, TALLY, EVENT, GObject)

/* Takes ownership of `record`. */
TallyEvent             *tally_event_new               (TallyEventRecord *record);
const TallyEventRecord *tally_event_get_record        (TallyEvent       *self);
const char             *tally_event_get_id            (TallyEvent       *self);
const char             *tally_event_get_label         (TallyEvent       *self);
const char             *tally_event_get_kind_name     (TallyEvent       *self);
const char             *tally_event_get_date          (TallyEvent       *self);
const char             *tally_event_get_date_end      (TallyEvent       *self);
const char             *tally_event_get_place         (TallyEvent       *self);
gboolean                tally_event_get_planned       (TallyEvent       *self);
gboolean                tally_event_get_disputed      (TallyEvent       *self);
guint                   tally_event_get_first_day     (TallyEvent       *self);

/* "16–17 June 2026", "May 2024", "2028", "2026–2027": a date or range for
 * people to read. */
char                   *tally_event_format_date       (const char       *date,
                                                       const char       *date_end);

/* What a screen reader says: "Third … Summit, 16–17 June 2026, in Aktau",
 * "…, planned", "…, disputed: 2022 or 2021". */
char                   *tally_event_dup_accessible_text (TallyEvent     *self);

/* A GListStore of TallyEvent for records (TallyEventRecord*, copied). */
GListModel             *tally_event_list_new          (GPtrArray        *records);

/* Finds the events of a set of documents in a worker thread. `ids`,
 * `texts`, `published` and `languages` are parallel (NULL-terminated ids; a
 * NULL published is guessed from the text; `languages` may be NULL, and a
 * NULL language is read as English) and copied. `corrections` (may be
 * NULL; copied) leave mentions out and name events. The result is a
 * GListModel of TallyEvent. */
void                    tally_events_find_async       (const char * const *ids,
                                                       const char * const *titles,
                                                       const char * const *texts,
                                                       const char * const *published,
                                                       const char * const *languages,
                                                       TallyCorrections   *corrections,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
GListModel             *tally_events_find_finish      (GAsyncResult       *result,
                                                       GError            **error);

G_END_DECLS
